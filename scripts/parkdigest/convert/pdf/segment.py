"""A PDF's pages to the converter's Layout, by geometry: lines → type measure → regions →
blocks → headline stacks → modules → drafts. The result is what `segment` and `reflow`
give for a text page, so metadata, validation and writing are the same for both."""

from __future__ import annotations

from dataclasses import dataclass, replace

from parkdigest.convert.dates import parse_printed_date
from parkdigest.convert.furniture import furniture_rule
from parkdigest.convert.model import (
    AreaKind,
    Draft,
    Furniture,
    Join,
    Layout,
    Line,
    LineRole,
    Page,
    PageArea,
)
from parkdigest.convert.normalize import normalize_page
from parkdigest.convert.pdf.blocks import Part, TextBlock, make_blocks
from parkdigest.convert.pdf.compose import Composed, compose, number_lines
from parkdigest.convert.pdf.edits import merge_drafts, split_modules
from parkdigest.convert.pdf.extract import Box, PdfPage, PdfSeed, collector_paused
from parkdigest.convert.pdf.lines import TextLine, build_lines, type_measure
from parkdigest.convert.pdf.modules import Module, find_modules
from parkdigest.convert.pdf.parts import classify_blocks
from parkdigest.convert.pdf.regions import find_regions
from parkdigest.convert.pdf.stacks import find_stacks
from parkdigest.problems import Problem, Severity


@dataclass(frozen=True)
class PageReading:
    """One PDF page as the converter read it."""

    blocks: tuple[TextBlock, ...]
    modules: tuple[Module, ...]


def segment_pdf(seed: PdfSeed) -> tuple[Layout, Page]:
    """The PDF's articles (every page in turn, each article's place on its page among them)
    and the page text they were read from (numbered as the drafts' lines are)."""
    drafts: list[Draft] = []
    furniture: list[Furniture] = []
    joins: list[Join] = []
    roles: list[LineRole] = []
    text: list[Line] = []
    areas: list[PageArea] = []
    split_at = frozenset(seed.sidecar.get("split_at") or ())
    warnings: list[Problem] = []
    for page in seed.pages:
        reading = read_page(page)
        vertical = sum(ln.chars for b in reading.blocks for ln in b.lines if ln.vertical)
        if vertical:
            warnings.append(Problem(seed.source, f"page {page.number}: {vertical} characters are set vertically; "
                                    "read top to bottom", "check the article they went to in the source view",
                                    severity=Severity.WARNING))
        numbers = number_lines(list(reading.blocks), list(reading.modules), len(text) + 1)
        reading = PageReading(*split_modules(list(reading.blocks), list(reading.modules), numbers, split_at))
        composed = compose(list(reading.blocks), list(reading.modules), numbers, len(drafts))
        areas += _areas(page, reading, composed, len(drafts))
        drafts += composed.drafts
        furniture += composed.furniture
        joins += composed.joins
        roles += composed.line_roles
        text += [Line(len(text) + 1 + i, ln.text) for i, ln in enumerate(composed.order)]
    warnings += [Problem(seed.source, f"split_at {line}: the PDF's text has {len(text)} lines",
                         "give a line number the source view shows", severity=Severity.WARNING)
                 for line in sorted(split_at) if not 1 <= line <= len(text)]
    drafts, roles, areas = merge_drafts(drafts, roles, areas, seed.sidecar.get("merge") or (), seed.source, warnings)
    page_text = Page(seed.source, tuple(text), sidecar=seed.sidecar, problems=seed.problems)
    date = parse_printed_date(" ".join(f.text for f in furniture)) or ""
    layout = Layout(seed.source, tuple(drafts), tuple(furniture), tuple(joins), (), date,
                    warnings=tuple(warnings), line_roles=tuple(roles), areas=tuple(areas))
    return layout, page_text


def read_page(page: PdfPage) -> PageReading:
    """Blocks and modules of one page."""
    with collector_paused():
        lines = _normalized(build_lines(page))
    if not lines:
        return PageReading((), ())
    measure = type_measure(lines)
    regions = find_regions(page, lines, measure, lambda ln: bool(furniture_rule(ln.text)))
    blocks = classify_blocks(make_blocks(lines, regions), regions, measure, furniture_rule)
    text_box = _text_box(lines)
    stacks = find_stacks(blocks, regions, measure, text_box)
    modules = find_modules(blocks, stacks, regions, measure)
    return PageReading(tuple(blocks), tuple(modules))


def _normalized(lines: tuple[TextLine, ...]) -> tuple[TextLine, ...]:
    """The lines' text with the typography every seed gets (full-width punctuation, no space
    between Chinese and digits); empty lines dropped."""
    page = normalize_page(Page("", tuple(Line(ln.id + 1, ln.text) for ln in lines)))
    out = []
    for line, normal in zip(lines, page.lines):
        text = normal.text.strip()
        if text:
            out.append(line if text == line.text else replace(line, text=text))
    return tuple(out)


def _text_box(lines: tuple[TextLine, ...]) -> Box:
    return Box(min(ln.box.x0 for ln in lines), min(ln.box.y0 for ln in lines),
               max(ln.box.x1 for ln in lines), max(ln.box.y1 for ln in lines))


def _areas(page: PdfPage, reading: PageReading, composed: Composed, first_index: int) -> list[PageArea]:
    """Each draft's module and its blocks, and each furniture block, as the source view
    outlines them."""
    def area(box: Box, kind: AreaKind, article: int | None, block: TextBlock) -> PageArea:
        fraction = (box.x0 / page.width, box.y0 / page.height, box.x1 / page.width, box.y1 / page.height)
        return PageArea(page.number, tuple(round(v, 4) for v in fraction), kind, article,  # type: ignore[arg-type]
                        composed.numbers[block.lines[0].id])

    areas = []
    for k, m in enumerate(composed.modules):
        module = reading.modules[m]
        members = [reading.blocks[i] for i in (module.stack.members if module.stack else ()) + module.blocks]
        first = min(members, key=lambda b: composed.numbers[b.lines[0].id])
        areas.append(area(module.box, AreaKind.ARTICLE, first_index + k, first))
        areas += [area(b.box, AreaKind.BLOCK, first_index + k, b) for b in members]
    areas += [area(b.box, AreaKind.FURNITURE, None, b) for b in reading.blocks if b.part is Part.FURNITURE]
    return areas
