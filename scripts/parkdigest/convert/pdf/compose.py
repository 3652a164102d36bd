"""Modules to drafts: each article's headline parts, its paragraphs in reading order, its
captions; every other line of the page as furniture. Lines are numbered in the order this
reading gives them (the page's text as the converter read it), so the report, the sidecar's
`split_at` and the source view all speak of the same numbers.

Paragraphs come from the geometry of the columns alone: a line set in from its column's
left edge opens a paragraph (the 2-em indent of Chinese text), and so does the line after
one that stops short of its column's right edge. A column that ends mid-sentence goes on at
the top of the next one, with no guess about the language needed.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from parkdigest.convert.classify import HEADLINE_MAX_CHARS
from parkdigest.convert.model import Aside, Block, Draft, Furniture, Join, Kind, LineRole, Paragraph
from parkdigest.convert.pdf.blocks import CLOSING_CREDIT, HEADING_MAX_CHARS, MARKERS, Part, TextBlock, byline_text
from parkdigest.convert.pdf.extract import Box
from parkdigest.convert.pdf.lines import TextLine
from parkdigest.convert.pdf.modules import Module
from parkdigest.convert.pdf.stacks import Stack
from parkdigest.convert.reflow import heading_paragraphs, split_signature
from parkdigest.resources import layout_words
from parkdigest.text import SENTENCE_END, sentence_closed

# A line set in this many ems from its column's left edge opens a paragraph (Chinese text
# indents two ems; a centred or right-set line stands further in).
INDENT_EM = 0.8
# Paragraphs indent their first line by up to this many ems; a line set in further, or by an
# indent this far from the paragraphs' own, is set flush right or centred.
INDENT_MAX_EM = 4.0
INDENT_SLACK_EM = 0.5
# A line that stops this many ems short of its column's right edge ends its paragraph.
SHORT_EM = 1.2
# Column edges are the left and right ends shared by this many lines of a module's text.
EDGE_MIN_LINES = 2
_LATIN_END = re.compile(r"[A-Za-z]$")
_LATIN_START = re.compile(r"^[A-Za-z]")


@dataclass(frozen=True)
class Composed:
    drafts: tuple[Draft, ...]
    furniture: tuple[Furniture, ...]
    joins: tuple[Join, ...]
    line_roles: tuple[LineRole, ...]
    order: tuple[TextLine, ...]  # every line of the page, in reading order
    modules: tuple[int, ...]  # the module each draft was made from
    numbers: dict[int, int]  # each line's number in the page text, by line id


def number_lines(blocks: list[TextBlock], modules: list[Module], first_line: int) -> dict[int, int]:
    """Each line's number in the page text (by line id): the page read in order, from
    `first_line` (pages of one PDF follow each other)."""
    return {ln.id: first_line + i for i, ln in enumerate(_reading_lines(blocks, modules))}


def compose(blocks: list[TextBlock], modules: list[Module], numbers: dict[int, int], first_index: int) -> Composed:
    """Drafts of a page's modules, numbered from `first_index`; `numbers` numbers the lines."""
    order = sorted((ln for b in blocks for ln in b.lines), key=lambda ln: numbers[ln.id])
    drafts: list[Draft] = []
    joins: list[Join] = []
    roles: list[LineRole] = []
    made: list[int] = []
    for m, module in enumerate(modules):
        index = first_index + len(drafts)
        draft, module_joins, module_roles = _draft(blocks, module, numbers, index)
        if draft is None:
            continue
        drafts.append(draft)
        made.append(m)
        joins += module_joins
        roles += module_roles
    furniture = tuple(Furniture(numbers[ln.id], ln.text, b.rule or "furniture")
                      for b in blocks if b.part is Part.FURNITURE for ln in b.lines)
    furniture += tuple(Furniture(numbers[b.lines[-1].id], b.credit.strip(), b.credit_rule) for b in blocks if b.credit)
    furniture += tuple(Furniture(numbers[b.lines[0].id], b.lead_credit.strip(), b.lead_credit_rule)
                       for b in blocks if b.lead_credit)
    roles += [LineRole(f.line, f.line, "furniture", None, f.rule) for f in furniture]
    return Composed(tuple(drafts), tuple(sorted(furniture, key=lambda f: f.line)), tuple(joins),
                    tuple(sorted(roles, key=lambda r: (r.first_line, r.last_line))), tuple(order), tuple(made), numbers)


def _reading_lines(blocks: list[TextBlock], modules: list[Module]) -> list[TextLine]:
    """Top band, then each module (its stack, then its blocks in reading order), then the
    furniture inside the page, then the bottom band."""
    placed: set[int] = set()
    order: list[TextLine] = []

    def add(block: TextBlock) -> None:
        if block.id not in placed:
            placed.add(block.id)
            order.extend(block.lines)

    furniture = sorted((b for b in blocks if b.part is Part.FURNITURE), key=lambda b: (b.box.y0, b.box.x0))
    first_module = min((m.box.y0 for m in modules), default=float("inf"))
    for block in furniture:
        if block.box.y1 <= first_module:
            add(block)
    for module in modules:
        if module.stack:
            for i in module.stack.members:
                add(blocks[i])
        for i in module.blocks:
            add(blocks[i])
    for block in furniture:
        add(block)
    for block in blocks:
        add(block)  # nothing is left out, whatever the segmentation missed
    return order


def _draft(blocks: list[TextBlock], module: Module, numbers: dict[int, int],
           index: int) -> tuple[Draft | None, list[Join], list[LineRole]]:
    stack = module.stack
    content = [blocks[i] for i in module.blocks]
    paragraphs, joins = _paragraphs(content, numbers)
    captions = tuple(b.text for b in content if b.part is Part.CAPTION)
    if not any(not p.credit for p in paragraphs) and captions:
        # A photo item: its caption is its text, read like a text's columns.
        as_text = [replace(b, part=Part.BODY) if b.part is Part.CAPTION else b for b in content]
        paragraphs, joins = _paragraphs(as_text, numbers)
        captions = ()
    paragraphs = as_read(paragraphs)
    if stack is None and not paragraphs:
        return None, [], []
    title = _title(blocks, stack) if stack else ""
    roles = _roles(blocks, module, numbers, index, paragraphs)
    member_lines = [numbers[ln.id] for i in (stack.members if stack else ()) + module.blocks for ln in blocks[i].lines]
    draft = Draft(
        title=title,
        lines=tuple(sorted(member_lines)),
        paragraphs=tuple(paragraphs),
        deck=_text(blocks, stack.subtitle) if stack else "",
        section=_text(blocks, stack.label) if stack else "",
        byline=_text(blocks, stack.byline, sep=" ") if stack else "",
        kicker=_text(blocks, stack.kicker) if stack else "",
        captions=captions,
        index=index)
    return draft, joins, roles


def _title(blocks: list[TextBlock], stack: Stack) -> str:
    return "".join(ln.text for i in stack.title for ln in blocks[i].lines)


def _text(blocks: list[TextBlock], ids: tuple[int, ...], sep: str = "") -> str:
    return sep.join(ln.text for i in ids for ln in blocks[i].lines).strip()


def _paragraphs(content: list[TextBlock], numbers: dict[int, int]) -> tuple[list[Paragraph], list[Join]]:
    columns = Columns.of([ln for b in content if b.part is Part.BODY for ln in b.lines])
    leading = _leading([b for b in content if b.part is Part.BODY])
    paragraphs: list[Paragraph] = []
    joins: list[Join] = []
    open_text: list[str] = []
    open_lines: list[int] = []
    previous: TextLine | None = None
    previous_block = -1  # the block `previous` is a line of (a line of this block joins without a check)

    def close() -> None:
        nonlocal open_text, open_lines
        if open_text:
            paragraphs.append(Paragraph(_glue_all(open_text), tuple(open_lines)))
        open_text, open_lines = [], []

    for k, block in enumerate(content):
        if block.part is Part.CAPTION:
            continue
        if block.part is not Part.BODY:
            close()
            text = _heading_text(block, columns)
            is_credit = CLOSING_CREDIT.match(text.strip()) is not None and _last_text_block(content, k)
            paragraphs.append(Paragraph(text, tuple(numbers[ln.id] for ln in block.lines),
                                        subhead=not is_credit, credit=is_credit))
            previous = None
            continue
        for line, text in zip(block.lines, block.line_texts()):
            if not text:
                continue  # all of it a credit (furniture)
            if previous is None or (not _open_bracket("".join(open_text))
                                    and _opens_paragraph(previous, line, columns, leading)):
                close()
            elif previous_block != k and previous not in block.lines:
                joins.append(Join(numbers[previous.id], numbers[line.id], 1.0, 1.0, adjacent=True))
            open_text.append(text)
            open_lines.append(numbers[line.id])
            previous, previous_block = line, k
    close()
    if paragraphs and not paragraphs[-1].subhead and CLOSING_CREDIT.match(paragraphs[-1].text):
        # The text's last paragraph in parentheses is its closing credit (（据新华社电）).
        paragraphs[-1] = replace(paragraphs[-1], credit=True)
    return paragraphs, joins


def as_read(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """The paragraphs as the text path gives them: an editor's note signed on a line of its
    own, each story of a package as a heading of its title (kicker above, byline under)."""
    return _story_heads(_signatures(paragraphs))


def _running(paragraph: Paragraph) -> bool:
    return not (paragraph.subhead or paragraph.credit or paragraph.aside)


# A signature opens with a dash of two em-dashes, as the text path reads one (classify's dash line).
SIGNATURE_DASH = "——"


def _signatures(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """A signature closing what stands above it (——编  者, ——摘自……): a short line opening
    with a dash, no sentence in it, right under a paragraph of running text that ends a sentence
    (under an unclosed line a dash line is the subtitle of a title set in the text). A signature
    printed on the paragraph's last line is split off as the text path splits it."""
    out: list[Paragraph] = []
    for paragraph in paragraphs:
        previous = out[-1] if out else None
        if (previous is not None and _running(previous) and _running(paragraph)
                and sentence_closed(previous.text) and paragraph.text.startswith(SIGNATURE_DASH)
                and len(paragraph.text) <= HEADLINE_MAX_CHARS and "。" not in paragraph.text):
            out.append(replace(paragraph, aside=Aside.SIGNATURE))
        else:
            out += split_signature(paragraph)
    return out


# A story of a package: at most this many heading lines (label, kicker, title, subtitle) stand
# over its byline.
STORY_HEAD_MAX = 4
# A heading line has no sentence in it (a title may ask a question).
_SENTENCE_MARK = re.compile(r"[。；！!]")


def _story_heads(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Several stories printed under one headline each open with their own kicker, title and
    byline, set in the text's column: a byline with a few heading lines right above it (short,
    no sentence; set as subheads or as paragraphs of the text) is a story's head, and is written
    as the text path writes one (`reflow.heading_paragraphs`)."""
    out: list[Paragraph] = []
    k = 0
    while k < len(paragraphs):
        bylines = _bylines_from(paragraphs, k)
        heads = _heads_above(out)
        if not bylines or not heads:
            out.append(paragraphs[k])
            k += 1
            continue
        run = out[len(out) - heads:] + paragraphs[k:k + bylines]
        del out[len(out) - heads:]
        kinds = [Kind.HEADLINE] * heads + [Kind.BYLINE] * bylines
        out += heading_paragraphs([Block(kind, p.text, p.lines[0], p.lines[-1]) for kind, p in zip(kinds, run)])
        k += bylines
    return out


def _bylines_from(paragraphs: list[Paragraph], k: int) -> int:
    """How many byline lines stand one under another from paragraph `k` (0: none)."""
    count = 0
    while k + count < len(paragraphs) and _byline_line(paragraphs[k + count]):
        count += 1
    return count


def _byline_line(paragraph: Paragraph) -> bool:
    """A byline's words on a line of their own; a box's heading (记者手记, 链接; layout.yaml) names
    a reporter's role too, but heads a box of the text."""
    text = paragraph.text.strip()
    return not paragraph.credit and paragraph.aside is None and byline_text(text) \
        and text.strip(MARKERS + " ") not in layout_words()["box_headings"]


def _heads_above(out: list[Paragraph]) -> int:
    """How many heading lines end the paragraphs read so far (at most `STORY_HEAD_MAX`)."""
    count = 0
    while count < min(STORY_HEAD_MAX, len(out)) and _head_line(out[-1 - count]):
        count += 1
    return count


def _head_line(paragraph: Paragraph) -> bool:
    """A heading's line: short, no sentence, no byline, not in parentheses (a note or credit
    closing what stands above, （作者为……）)."""
    text = paragraph.text.strip()
    return not paragraph.credit and paragraph.aside is None and len(text) <= HEADING_MAX_CHARS \
        and not _SENTENCE_MARK.search(text) and not byline_text(text) and not CLOSING_CREDIT.match(text)


@dataclass(frozen=True)
class Column:
    left: float  # where most of its lines start (an indented line starts further in)
    right: float  # where full lines end (a paragraph's last line stops short of it)
    lines: int


class Columns:
    """The text columns of a module: lines that overlap horizontally, with the left and right
    edges their full lines share."""

    def __init__(self, columns: list[Column], of_line: dict[int, Column], indent: float | None):
        self._of_line = of_line
        widths = sorted(c.right - c.left for c in columns if c.lines >= EDGE_MIN_LINES)
        self._width = widths[len(widths) // 2] if widths else None
        self._indent = indent  # the paragraphs' first-line indent, in ems (None: block paragraphs)

    @classmethod
    def of(cls, lines: list[TextLine]) -> Columns:
        groups: list[list[TextLine]] = []
        extents: list[tuple[float, float]] = []  # each group's left and right, kept as lines join
        for line in sorted(lines, key=lambda ln: ln.box.x0):
            for k, (left, right) in enumerate(extents):
                overlap = min(right, line.box.x1) - max(left, line.box.x0)
                if overlap >= 0.5 * min(line.box.width, right - left):
                    groups[k].append(line)
                    extents[k] = (min(left, line.box.x0), max(right, line.box.x1))
                    break
            else:
                groups.append([line])
                extents.append((line.box.x0, line.box.x1))
        columns, of_line = [], {}
        for group in groups:
            column = Column(_edge(Counter(round(ln.box.x0, 0) for ln in group), min),
                            _edge(Counter(round(ln.box.x1, 0) for ln in group), max), len(group))
            columns.append(column)
            of_line.update({ln.id: column for ln in group})
        indents = Counter(round((ln.box.x0 - of_line[ln.id].left) / ln.size * 2) / 2 for ln in lines
                          if INDENT_EM * ln.size <= ln.box.x0 - of_line[ln.id].left <= INDENT_MAX_EM * ln.size)
        return cls(columns, of_line, indents.most_common(1)[0][0] if indents else None)

    def indented(self, line: TextLine) -> bool:
        column = self._of_line[line.id]
        return line.box.x0 - column.left >= INDENT_EM * line.size

    def set_right(self, line: TextLine) -> bool:
        """Set flush right (or centred) rather than indented: it reaches its column's right edge
        but starts at no paragraph indent (a closing credit wrapped over two lines)."""
        column = self._of_line[line.id]
        offset = (line.box.x0 - column.left) / line.size
        return offset >= INDENT_EM and column.right - line.box.x1 < SHORT_EM * line.size \
            and (self._indent is None or abs(offset - self._indent) > INDENT_SLACK_EM)

    def fills(self, box: Box, size: float) -> bool:
        """Is a box (set in type of `size`) as wide as a column of the text?"""
        return self._width is not None and box.width >= self._width - SHORT_EM * size

    def short(self, line: TextLine) -> bool:
        column = self._of_line[line.id]
        right = column.right
        if column.lines < EDGE_MIN_LINES and self._width is not None:
            right = column.left + self._width
        return right - line.box.x1 >= SHORT_EM * line.size


def _edge(counts: Counter, pick) -> float:
    """The outermost position several lines share (one line alone may stand anywhere)."""
    shared = [x for x, n in counts.items() if n >= EDGE_MIN_LINES]
    return float(pick(shared or counts))


# Marks a paragraph may end with; a line that stops short after anything else broke before a
# word that did not fit (a number, a Latin word, a mark that may not start a line).
# (a sentence's end, possibly inside closing quotes or brackets, or a colon or semicolon before a list)
PARAGRAPH_END_MARKS = SENTENCE_END + "”’」』）)：:；"
# White this much (in ems) above the usual leading between two lines of a column is the space
# a paper puts between paragraphs instead of an indent.
PARAGRAPH_SPACE_EM = 0.35
# White this tall or taller is no paragraph space: a picture stands there, inside a paragraph
# as often as between two.
PICTURE_SPACE_EM = 2.5


def _opens_paragraph(previous: TextLine, line: TextLine, columns: Columns, leading: float) -> bool:
    """Does `line` open a paragraph after `previous`? An indent opens one (unless both lines
    are set flush right: a credit over two lines); so does white between them where a paper
    spaces its paragraphs (`leading`: the usual white between lines of their column), and a
    previous line stopping short after a mark that may end a paragraph."""
    if columns.set_right(previous) and columns.set_right(line):
        return False
    if columns.indented(line):
        return True
    below = line.box.y0 - previous.box.y1 - leading
    if line.box.x_overlap(previous.box) > 0 and PARAGRAPH_SPACE_EM * line.size < below < PICTURE_SPACE_EM * line.size:
        return True  # a little further down the same column: a space between paragraphs
    return columns.short(previous) and previous.text.rstrip()[-1:] in PARAGRAPH_END_MARKS


def _heading_text(block: TextBlock, columns: Columns) -> str:
    """A heading's lines (a subhead, a story's title): a line running to the end of a heading as
    wide as a text column was wrapped there (加强研发，给工业生 / 产装上“牙齿”) and goes on with no
    space; lines of a narrower heading are parts set one under another, read with a space."""
    text = block.lines[0].text
    for previous, line in zip(block.lines, block.lines[1:]):
        wrapped = columns.fills(block.box, line.size) and block.box.x1 - previous.box.x1 < SHORT_EM * previous.size
        text = _glue_all([text, line.text]) if wrapped else f"{text} {line.text}"
    return text


def _open_bracket(text: str) -> bool:
    """Is a parenthesis left open (a closing credit wrapped, （作者为厦门火炬高新 / 区管委会主任）)?"""
    return text.count("（") + text.count("(") > text.count("）") + text.count(")")


def _leading(blocks: list[TextBlock]) -> float:
    """The usual white between two lines of a column of the text."""
    gaps = sorted(b.box.y0 - a.box.y1 for block in blocks for a, b in zip(block.lines, block.lines[1:]))
    return gaps[len(gaps) // 2] if gaps else 0.0


def _last_text_block(content: list[TextBlock], k: int) -> bool:
    return all(b.part is Part.CAPTION for b in content[k + 1:])


def _glue_all(parts: list[str]) -> str:
    text = parts[0]
    for part in parts[1:]:
        text = f"{text} {part}" if _LATIN_END.search(text) and _LATIN_START.search(part) else text + part
    return text


def _roles(blocks: list[TextBlock], module: Module, numbers: dict[int, int], index: int,
           paragraphs: list[Paragraph]) -> list[LineRole]:
    roles: list[LineRole] = []
    stack = module.stack
    if stack:
        for name, ids in (("label", stack.label), ("kicker", stack.kicker), ("title", stack.title),
                          ("subtitle", stack.subtitle), ("byline", stack.byline)):
            for i in ids:
                lines = [numbers[ln.id] for ln in blocks[i].lines]
                roles.append(LineRole(min(lines), max(lines), name, index, blocks[i].rule))
    credit_lines = {n for p in paragraphs if p.credit for n in p.lines}
    subhead_lines = {n for p in paragraphs if p.subhead for n in p.lines}
    for i in module.blocks:
        block = blocks[i]
        lines = [numbers[ln.id] for ln in block.lines]
        if block.part is Part.CAPTION:
            role = "caption"
        elif lines[0] in credit_lines:
            role = "credit"
        elif lines[0] in subhead_lines:
            role = "subhead"
        else:
            role = "body"
        roles.append(LineRole(min(lines), max(lines), role, index, block.rule))
    return roles
