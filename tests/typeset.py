"""A small newspaper typesetter: HTML/CSS through Chromium's print-to-PDF into a one-page newspaper
PDF, and the ground truth of what is printed on it — to measure the PDF converter (issue 18) on pages
typeset otherwise than the dev set: other page sizes, grids, fonts, type sizes, headline stacks,
furniture wording and placement.

    style = random_style(seed)                    # page size, grid, fonts, sizes, rules, bands …
    page = random_page(seed, style)               # articles cut from docs/articles, furniture, a plan
    truth = typeset(page, style, path, browser)   # the PDF at `path`, and what is printed on it
    problems = compare(truth, convert_page(path)) # human-readable mismatches

The measurement to tune against (renders, converts and prints a summary table and the mismatches):

    .venv/bin/python tests/typeset.py --seeds 0-49 --out /tmp/typeset

Text comes from the project's converted seed articles (docs/articles/*.md: title, kicker, deck,
byline, credit and body paragraphs and subheads), mixed and cut to fill each module; the wording around
it (names, places, labels, captions, credits, furniture) from tests/typeset_data/words.yaml. Every
string printed is kept as it is printed: that is the truth. A page is checked after printing: one PDF
page, and its text layer holds exactly the characters the HTML printed (whitespace ignored), so no text
was clipped or lost by the layout.

A seed gives the same page on machines with the same fonts: styles draw from the installed Chinese
fonts (`fc-list :lang=zh`; `make chromium` installs the set the tests were chosen on).
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import difflib
import html
import json
import random
import re
import struct
import subprocess
import sys
import unicodedata
import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from functools import cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "docs" / "articles"
WORDS = Path(__file__).resolve().parent / "typeset_data" / "words.yaml"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

PX_PER_MM = 96 / 25.4  # CSS pixels
MM_PER_PT = 25.4 / 72

# The converter's body puts captions at the end as "图片说明：…" lines (issue 18's output contract).
CAPTION_PREFIX = "图片说明："
# Decorations printed before a label, a byline or a subhead; a converter may keep or drop them.
MARKERS = "■□◎◆●【】"


class TypesetError(RuntimeError):
    """The typesetter could not print the page faithfully (text clipped, lost or on two pages)."""


# ---------------------------------------------------------------------------------------------
# Source text: the project's converted seed articles, and the wording file
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Block:
    """A paragraph of an article's text, or a subhead between paragraphs."""

    text: str
    subhead: bool = False


@dataclass(frozen=True)
class Source:
    """One converted seed article: its headline parts and its text."""

    title: str
    kicker: str
    deck: str
    byline: str
    label: str
    credit: str
    blocks: tuple[Block, ...]


_ESCAPED = re.compile(r"\\(.)")


def _unmarkdown(text: str) -> str:
    return html.unescape(_ESCAPED.sub(r"\1", text)).strip()


@cache
def load_sources() -> tuple[Source, ...]:
    """The articles of docs/articles, in file-name order (front-matter and body blocks)."""
    sources = []
    for path in sorted(ARTICLES.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        _, front, body = text.split("---\n", 2)
        meta = yaml.safe_load(front) or {}
        blocks = []
        credit = str(meta.get("credit") or "")
        for chunk in re.split(r"\n\s*\n", body):
            lines = [line for line in chunk.strip().splitlines() if line.strip()]
            if not lines or lines[-1].strip() in ("{ .caption }", "{ .credit }"):
                if lines and lines[-1].strip() == "{ .credit }" and not credit:
                    credit = _unmarkdown(lines[0])
                continue
            line = " ".join(lines)
            if line.startswith(CAPTION_PREFIX):
                continue
            if line.startswith("## "):
                blocks.append(Block(_unmarkdown(line[3:]), subhead=True))
            else:
                blocks.append(Block(_unmarkdown(line)))
        sources.append(Source(
            title=str(meta.get("title") or ""), kicker=str(meta.get("kicker") or ""),
            deck=str(meta.get("deck") or ""), byline=str(meta.get("byline") or ""),
            label=str(meta.get("section") or ""), credit=credit, blocks=tuple(blocks)))
    return tuple(source for source in sources if source.title and source.blocks)


@cache
def load_words() -> dict:
    return yaml.safe_load(WORDS.read_text(encoding="utf-8"))


class Filler:
    """Fills the wording file's templates ({name}, {zone}, {city} …) from one random stream."""

    DISTINCT = frozenset({"kickers", "subtitles", "captions", "photo_texts", "bios", "closing_credits"})

    def __init__(self, rng: random.Random, date: dt.date):
        self.rng = rng
        self.date = date
        self.words = load_words()
        self.used: set[str] = set()

    def name(self) -> str:
        return self.rng.choice(self.words["surnames"]) + self.rng.choice(self.words["given"])

    def spaced_name(self) -> str:
        """A two-character name printed with a space between them, as 人民日报 prints bylines."""
        name = self.name()
        return f"{name[0]}\u3000{name[1]}" if len(name) == 2 else name

    def fill(self, template: str) -> str:
        rng = self.rng
        day = self.date - dt.timedelta(days=rng.randint(1, 6))
        values: dict[str, Callable[[], str]] = {
            "name": self.name, "sname": self.spaced_name,
            "zone": lambda: rng.choice(self.words["zones"]), "city": lambda: rng.choice(self.words["cities"]),
            "org": lambda: rng.choice(self.words["orgs"]), "month": lambda: str(day.month),
            "day": lambda: str(day.day), "year": lambda: str(rng.randint(1965, 1990)),
            "count": lambda: str(rng.choice([30, 50, 120, 200, 350, 800])), "small": lambda: str(rng.randint(6, 40)),
        }
        return re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)](), template)

    def pick(self, key: str) -> str:
        """A filled template of the list `key`; headline parts and captions not twice on a page."""
        for _ in range(8):
            text = self.fill(self.rng.choice(self.words[key]))
            if key not in self.DISTINCT or text not in self.used:
                break
        self.used.add(text)
        return text


# ---------------------------------------------------------------------------------------------
# Style: every knob of the page's typography, drawn from a seed
# ---------------------------------------------------------------------------------------------

PAPERS = {  # name: (width mm, height mm, grid columns, body type size pt, modules)
    "broadsheet": ((340, 360), (480, 500), (6, 8), (8.0, 10.5), (3, 6)),
    "tabloid": ((245, 260), (340, 360), (4, 6), (8.5, 11.0), (2, 4)),
    "A3": ((297, 297), (420, 420), (5, 7), (8.5, 11.0), (3, 5)),
    "A4": ((210, 210), (297, 297), (4, 4), (9.5, 12.0), (2, 3)),
}
LABEL_STYLES = ("reversed", "boxed", "square", "bracket", "bold")
BAND_RULES = ("none", "thin", "thick", "double")
CREDIT_PLACES = ("run-on", "line")
# Families that come in regional variants: the simplified-Chinese cut stands for the family.
REGIONAL = re.compile(r" (HK|TW|TW MBE|JP|KR|TC)$")
# Chromium prints a synthetic bold of these families (no bold face) as outlines: a 5 MB PDF and 3 s
# a page. They set text, never the bold headlines.
SLOW_BOLD = ("AR PL ",)


@cache
def cjk_fonts() -> tuple[str, ...]:
    """Every installed font family with Chinese glyphs (`fc-list :lang=zh family`), one name each,
    simplified-Chinese cuts only; sorted so that a seed draws the same font on the same machine."""
    try:
        listing = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True,
                                 check=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return ()
    families = {line.split(",")[0].strip() for line in listing.splitlines() if line.strip()}
    return tuple(sorted(f for f in families if not REGIONAL.search(f)))


@dataclass(frozen=True)
class Style:
    seed: int
    paper: str
    width_mm: float
    height_mm: float
    margins_mm: tuple[float, float, float, float]  # top, right, bottom, left
    columns: int  # of the page grid
    gutter_em: float
    column_rules: bool  # a rule between the text columns of a module
    module_rules: bool  # rules between modules, else white space only
    rule_pt: float
    module_gap_em: float
    body_font: str
    head_font: str
    caption_font: str
    furniture_font: str
    body_pt: float
    leading: float
    indent: bool  # a 2-em first-line indent, else block paragraphs with space between
    paragraph_space_em: float
    title_scale: float  # the lead story's title size, times the body size
    title_bold: bool
    title_center: bool
    title_tracking_em: float
    two_line_titles: float  # share of titles broken in two lines
    kicker_scale: float
    kicker_bold: bool
    subtitle_scale: float
    label_style: str
    byline_above: bool  # the byline over the title, else under the headline
    byline_scale: float
    subhead_center: bool
    subhead_marker: str
    top_band: bool
    bottom_band: bool
    band_rule: str
    caption_beside: bool  # a picture over the text has its caption beside it, else under it
    caption_scale: float
    credit_place: str  # a photo credit run on after the caption, or on a line of its own
    png_pictures: bool  # generated photographs, else grey boxes
    box_tint: bool

    def describe(self) -> str:
        return (f"{self.paper} {self.columns}col {self.body_pt:.1f}pt×{self.leading:.2f} {self.body_font}"
                f"{'' if self.indent else ' block-par'}{' rules' if self.module_rules else ''}")


def random_style(seed: int) -> Style:
    """A style drawn from the seed: the same seed gives the same style on a machine with the same fonts."""
    rng = random.Random(f"style-{seed}")
    paper = rng.choice(list(PAPERS))
    widths, heights, grid, sizes, _ = PAPERS[paper]
    fonts = cjk_fonts() or ("sans-serif",)
    body_pt = round(rng.uniform(*sizes) * 2) / 2
    top_band, bottom_band = rng.choice([(True, True), (True, True), (True, False), (False, True)])
    head_font = rng.choice([f for f in fonts if not f.startswith(SLOW_BOLD)] or fonts)

    def margin() -> float:
        return round(rng.uniform(8, 20), 1)

    body_font = rng.choice(fonts)
    return Style(
        seed=seed, paper=paper,
        width_mm=round(rng.uniform(*widths)), height_mm=round(rng.uniform(*heights)),
        margins_mm=(margin(), margin(), margin(), margin()),
        columns=rng.randint(*grid),
        gutter_em=round(rng.uniform(0.8, 2.5), 2),
        column_rules=rng.random() < 0.4,
        module_rules=rng.random() < 0.6,
        rule_pt=rng.choice([0.5, 0.75, 1.0, 1.5]),
        module_gap_em=round(rng.uniform(1.0, 2.5), 2),
        body_font=body_font, head_font=head_font,
        caption_font=rng.choice(fonts), furniture_font=rng.choice([body_font, head_font]),
        body_pt=body_pt, leading=round(rng.uniform(1.3, 1.8), 2),
        indent=rng.random() < 0.7, paragraph_space_em=round(rng.uniform(0.3, 1.0), 2),
        title_scale=round(rng.uniform(2.2, 4.0), 2), title_bold=rng.random() < 0.7,
        title_center=rng.random() < 0.5, title_tracking_em=rng.choice([0, 0, 0, 0.05, 0.1]),
        two_line_titles=rng.choice([0, 0.3, 0.6]),
        kicker_scale=round(rng.uniform(1.1, 1.6), 2), kicker_bold=rng.random() < 0.5,
        subtitle_scale=round(rng.uniform(1.1, 1.5), 2),
        label_style=rng.choice(LABEL_STYLES), byline_above=rng.random() < 0.2,
        byline_scale=round(rng.uniform(0.85, 1.0), 2),
        subhead_center=rng.random() < 0.4, subhead_marker=rng.choice(load_words()["subhead_markers"]),
        top_band=top_band, bottom_band=bottom_band, band_rule=rng.choice(BAND_RULES),
        caption_beside=rng.random() < 0.3, caption_scale=round(rng.uniform(0.8, 0.95), 2),
        credit_place=rng.choice(CREDIT_PLACES), png_pictures=rng.random() < 0.5,
        box_tint=rng.random() < 0.4,
    )


# ---------------------------------------------------------------------------------------------
# A page: stories in modules, a plan of the modules on the grid, and the furniture
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Picture:
    caption: str
    credit: str
    aspect: float  # height / width
    inline: bool  # in a column of the text (between or inside paragraphs), else over the text
    at: int = 0  # inline: the paragraph it interrupts after a sentence, or follows


@dataclass(frozen=True)
class Box:
    """A framed box in an article's text: a label (链接, 核心阅读 …) and paragraphs."""

    label: str
    paragraphs: tuple[str, ...]
    at: int  # the number of the article's blocks before it (0: first in the text; large: last)


@dataclass(frozen=True)
class Story:
    kind: str  # article | brief | photo
    title: str
    kicker: str = ""
    subtitle: str = ""
    label: str = ""
    byline: str = ""
    blocks: tuple[Block, ...] = ()  # every candidate block: the module's budget says how many print
    box: Box | None = None
    pictures: tuple[Picture, ...] = ()
    credit: str = ""  # a closing credit line after the text
    title_break: int = 0  # where the title breaks into a second line (0: one line)


@dataclass(frozen=True)
class Module:
    kind: str  # article | briefs | photo
    stories: tuple[Story, ...]
    span: int  # grid columns
    text_columns: int
    title_scale: float
    budget: int  # characters of text to print (the rest of the candidate text is cut)
    label: str = ""  # the label over a module of briefs
    photo_aspect: float = 0.6  # a photo item's picture


@dataclass(frozen=True)
class Leaf:
    module: int


@dataclass(frozen=True)
class Split:
    vertical: bool  # parts side by side, else stacked
    parts: tuple[Leaf | Split, ...]
    sizes: tuple[float, ...]  # side by side: grid columns of each part; stacked: share of the height


Node = Leaf | Split


@dataclass(frozen=True)
class BandItem:
    text: str
    role: str  # name | folio | editor | contact | footer | qr


@dataclass(frozen=True)
class Page:
    seed: int
    publication: str
    date: dt.date | None  # printed on the page
    top: tuple[tuple[BandItem, ...], ...]  # rows of the top band
    bottom: tuple[tuple[BandItem, ...], ...]
    modules: tuple[Module, ...]
    plan: Node


def _sentences(text: str) -> list[str]:
    return re.findall(r".+?(?:[。！？](?:[”’」）])?|$)", text)


def _cut_sentences(text: str, budget: int) -> str:
    """The longest run of whole sentences from the start of text within budget characters."""
    out = ""
    for sentence in _sentences(text):
        if not sentence or len(out) + len(sentence) > budget:
            break
        out += sentence
    return out


def _lead_sentences(text: str, least: int, most: int) -> str:
    """Whole sentences from the start of text: at least `least` characters when the text has them,
    at most `most` unless the first sentence alone is longer (then it is cut after a comma)."""
    out = ""
    for sentence in _sentences(text):
        if len(out) >= least or (out and len(out) + len(sentence) > most):
            break
        out += sentence
    if len(out) > most:
        comma = out.rfind("，", 0, most)
        out = out[: comma] + "。" if comma > least else out
    return out


def printed_blocks(blocks: Sequence[Block], budget: int) -> tuple[Block, ...]:
    """The blocks that fit the budget: whole paragraphs, the last one cut after a sentence; never a
    subhead last; at least the first sentence."""
    out: list[Block] = []
    used = 0
    for block in blocks:
        if used + len(block.text) <= budget:
            out.append(block)
            used += len(block.text) + (8 if block.subhead else 0)
            continue
        if not block.subhead:
            part = _cut_sentences(block.text, budget - used)
            if len(part) >= 12:
                out.append(Block(part))
        break
    while out and out[-1].subhead:
        out.pop()
    if not out:
        first = next(b for b in blocks if not b.subhead)
        out.append(Block(_sentences(first.text)[0] or first.text))
    return tuple(out)


def printed_stories(module: Module) -> tuple[Story, ...]:
    """The module's stories as printed: its text budget applied."""
    if module.kind == "article":
        story = module.stories[0]
        return (replace(story, blocks=printed_blocks(story.blocks, module.budget)),)
    if module.kind == "briefs":
        out, used = [], 0
        for story in module.stories:
            text = story.blocks[0].text
            if out and used + len(text) > module.budget:
                break
            out.append(story)
            used += len(text) + 20
        return tuple(out)
    return module.stories


# ---- the plan: modules carved out of the grid ----

def _carve(rng: random.Random, cols: int, share: float, n: int, min_share: float, depth: int,
           leaves: list[tuple[int, float]]) -> Node:
    """Split a rectangle of `cols` grid columns and `share` of the body height into about n modules:
    side by side (a vertical cut on a grid line) or stacked (a horizontal cut)."""
    can_stack = share >= 2 * min_share
    can_side = cols >= 4 or (cols >= 3 and rng.random() < 0.3)
    if n <= 1 or not (can_stack or can_side):
        leaves.append((cols, share))
        return Leaf(len(leaves) - 1)
    if can_stack and can_side:
        # a lead story across the top of a wide page; a side column; or stacks
        stack = rng.random() < (0.6 if depth == 0 and cols >= 5 else 0.45)
    else:
        stack = can_stack
    if stack:
        top = rng.uniform(0.35, 0.6) if share > 0.6 else 0.5
        top = max(min_share / share, min(1 - min_share / share, top))
        n_top = 1 if n <= 3 or rng.random() < 0.6 else 2
        first = _carve(rng, cols, share * top, n_top, min_share, depth + 1, leaves)
        second = _carve(rng, cols, share * (1 - top), n - n_top, min_share, depth + 1, leaves)
        return Split(False, (first, second), (top, 1 - top))
    if cols >= 6 and n >= 3 and rng.random() < 0.3:  # three modules side by side
        widths = [cols // 3] * 3
        for i in range(cols - sum(widths)):
            widths[i] += 1
    else:
        side = rng.randint(1 if cols >= 6 else 2, max(2, cols // 3 + (1 if cols >= 6 else 0)))
        side = min(side, cols - 2)
        widths = [cols - side, side] if rng.random() < 0.7 else [side, cols - side]
    counts = [max(1, round(n * w / cols)) for w in widths]
    while sum(counts) > n and max(counts) > 1:
        counts[counts.index(max(counts))] -= 1
    parts = tuple(_carve(rng, w, share, c, min_share, depth + 1, leaves) for w, c in zip(widths, counts))
    return Split(True, parts, tuple(float(w) for w in widths))


# ---- text capacity of a module (a first estimate; typesetting trims to the measured fit) ----

def _em(text: str) -> float:
    """Width of text in ems: ideographs and full-width signs 1, Latin letters and digits about half."""
    return sum(1.0 if ord(ch) > 0x2E7F else 0.55 for ch in text)


@dataclass(frozen=True)
class Geometry:
    """Where text goes on a page of a style, in millimetres."""

    style: Style

    @property
    def body_mm(self) -> float:
        return self.style.body_pt * MM_PER_PT

    @property
    def gutter_mm(self) -> float:
        return self.style.gutter_em * self.body_mm

    @property
    def inner_width(self) -> float:
        top, right, bottom, left = self.style.margins_mm
        return self.style.width_mm - left - right

    def grid_height_estimate(self, page: Page | None = None) -> float:
        top, right, bottom, left = self.style.margins_mm
        bands = 14.0 * (len(page.top) if page else 1) + 6.0 * (len(page.bottom) if page else 1)
        return self.style.height_mm - top - bottom - bands

    def span_width(self, span: int) -> float:
        column = (self.inner_width - (self.style.columns - 1) * self.gutter_mm) / self.style.columns
        return span * column + (span - 1) * self.gutter_mm

    def column_chars(self, span: int, text_columns: int) -> int:
        width = (self.span_width(span) - (text_columns - 1) * self.gutter_mm) / text_columns
        return max(4, int(width / self.body_mm))

    def line_mm(self) -> float:
        return self.body_mm * self.style.leading


# A kicker and a subtitle are always set smaller than the title they go with (a share of its size).
KICKER_OF_TITLE = 0.72
SUBTITLE_OF_TITLE = 0.75


def deck_scales(style: Style, title_scale: float) -> tuple[float, float]:
    """(kicker, subtitle) sizes in body sizes, under a title of `title_scale`."""
    return (round(min(style.kicker_scale, KICKER_OF_TITLE * title_scale), 2),
            round(min(style.subtitle_scale, SUBTITLE_OF_TITLE * title_scale), 2))


def _head_mm(geometry: Geometry, story: Story, width_mm: float, title_scale: float) -> float:
    style, body = geometry.style, geometry.body_mm
    title_mm = body * title_scale
    lines = max(1 + (story.title_break > 0), int(_em(story.title) * title_mm / width_mm) + 1)
    height = lines * title_mm * 1.3 + body
    kicker, subtitle = deck_scales(style, title_scale)
    for text, scale in ((story.kicker, kicker), (story.subtitle, subtitle),
                        (story.byline, style.byline_scale), (story.label, 1.4)):
        if text:
            height += (int(_em(text) * body * scale / width_mm) + 1) * body * scale * 1.4
    return height


# A picture over an article's text takes at most this share of the module's planned height.
PICTURE_SHARE = 0.45


def _fit_pictures(geometry: Geometry, module: Module, height_mm: float) -> Module:
    """The module with its pictures over the text no taller than PICTURE_SHARE of its height."""
    story = module.stories[0]
    width = geometry.span_width(module.span) * (0.66 if geometry.style.caption_beside else 1.0)
    pictures = tuple(p if p.inline else replace(p, aspect=round(min(p.aspect, PICTURE_SHARE * height_mm / width), 2))
                     for p in story.pictures)
    return replace(module, stories=(replace(story, pictures=pictures),))


def _budget(geometry: Geometry, module: Module, height_mm: float) -> int:
    """How many characters of text the module's columns hold under its headline and pictures."""
    style = geometry.style
    width = geometry.span_width(module.span)
    column_width = (width - (module.text_columns - 1) * geometry.gutter_mm) / module.text_columns
    story = module.stories[0]
    used = _head_mm(geometry, story, width, module.title_scale) if module.kind == "article" else 3 * geometry.body_mm
    per_column = 0.0
    for picture in story.pictures:
        if picture.inline:
            per_column += column_width * picture.aspect + 3 * geometry.line_mm()
        else:
            used += (width * 0.66 if style.caption_beside else width) * picture.aspect + 3 * geometry.line_mm()
    if story.box:
        box_chars = sum(len(p) for p in story.box.paragraphs)
        per_column += (box_chars / geometry.column_chars(module.span, module.text_columns) + 4) * geometry.line_mm()
    if story.credit:
        per_column += 2 * geometry.line_mm()
    lines = (module.text_columns * (height_mm - used) - per_column) / geometry.line_mm()
    return max(40, int(lines * geometry.column_chars(module.span, module.text_columns) * 0.92))


# ---- stories from the sources ----

def _title_break(rng: random.Random, title: str, share: float) -> int:
    if rng.random() >= share or len(title) < 10:
        return 0
    for mark in (" ", "\u3000", "：", "，"):
        at = title.find(mark, 3)
        if 3 <= at <= len(title) - 4:
            return at + (0 if mark.isspace() else 1)
    return len(title) // 2


def _article(rng: random.Random, fill: Filler, style: Style, source: Source, spare: list[Source],
             lead: bool, text_columns: int) -> Story:
    words = fill.words
    blocks = list(source.blocks)
    box = None
    if rng.random() < (0.35 if lead else 0.2) and len(blocks) > 3:
        label = rng.choice(words["box_labels"])
        if label == "人物小传":
            paragraphs: tuple[str, ...] = (fill.pick("bios"),)
        elif label in ("核心阅读", "记者手记") or not spare:
            last = blocks.pop() if not blocks[-1].subhead else blocks.pop(-2)
            paragraphs = (_lead_sentences(last.text, 80, 200),)
        else:
            other = spare.pop()
            texts = [b.text for b in other.blocks if not b.subhead][1:3] or [other.blocks[0].text]
            paragraphs = tuple(_lead_sentences(text, 40, 120) for text in texts)
        if style.label_style in ("square", "bracket") and rng.random() < 0.5:
            label = "■" + label if style.label_style == "square" else f"【{label}】"
        at = 0 if label.endswith("核心阅读") else rng.choice([len(blocks) // 2, 10_000])
        box = Box(label, paragraphs, at)
    pictures = []
    if rng.random() < (0.6 if lead else 0.3):
        inline = text_columns >= 2 and rng.random() < 0.45
        caption = fill.pick("captions")
        credit = fill.pick("credits") if rng.random() < 0.85 else ""
        aspect = rng.uniform(0.6, 1.0) if inline else rng.uniform(0.35, 0.6)
        pictures.append(Picture(caption, credit, round(aspect, 2), inline, rng.randint(0, 3)))
    kicker = source.kicker if source.kicker and rng.random() < 0.7 else ""
    if not kicker and rng.random() < 0.3:
        kicker = fill.pick("kickers")
    subtitle = source.deck if source.deck and rng.random() < 0.7 else ""
    if not subtitle and rng.random() < 0.3:
        subtitle = fill.pick("subtitles")
    label = ""
    if rng.random() < 0.4:
        label = source.label if source.label and rng.random() < 0.5 else rng.choice(words["labels"])
        if style.label_style == "square":
            label = "■" + label
        elif style.label_style == "bracket":
            label = f"【{label}】"
    byline = ""
    if rng.random() < 0.85:
        byline = source.byline if source.byline and rng.random() < 0.5 else fill.pick("bylines")
    credit = ""
    if source.credit and rng.random() < 0.6:
        credit = source.credit
    elif rng.random() < 0.15:
        credit = fill.pick("closing_credits")
    return Story("article", source.title, kicker=kicker, subtitle=subtitle, label=label, byline=byline,
                 blocks=tuple(blocks), box=box, pictures=tuple(pictures), credit=credit,
                 title_break=_title_break(rng, source.title, style.two_line_titles))


def _brief(rng: random.Random, fill: Filler, source: Source) -> Story:
    first = next(b for b in source.blocks if not b.subhead)
    text = _cut_sentences(first.text, 200) or first.text
    return Story("brief", source.title, blocks=(Block(fill.pick("datelines") + text),))


def _photo(rng: random.Random, fill: Filler) -> Story:
    credit = fill.pick("credits") if rng.random() < 0.9 else ""
    return Story("photo", rng.choice(fill.words["photo_titles"]), blocks=(Block(fill.pick("photo_texts")),),
                 pictures=(Picture("", credit, 0.6, False),))


# ---- furniture ----

WEEKDAYS = "一二三四五六日"


def _furniture(rng: random.Random, fill: Filler, style: Style, publication: dict,
               date: dt.date) -> tuple[tuple[tuple[BandItem, ...], ...], tuple[tuple[BandItem, ...], ...]]:
    words = fill.words
    page_no = rng.randint(2, 16)
    date_text = f"{date.year}年{date.month}月{date.day}日"
    if rng.random() < 0.8:
        date_text += rng.choice([" ", "\u3000", "  "]) + f"星期{WEEKDAYS[date.weekday()]}"
    folio = [BandItem(publication["name"], "name"), BandItem(date_text, "folio"),
             BandItem(rng.choice(publication["page"]).format(page=page_no), "folio")]
    if publication["kind"] == "newsletter":
        folio.insert(2, BandItem(f"{date.year}年第{rng.randint(1, 24)}期", "folio"))
    if rng.random() < 0.8:
        folio.insert(rng.randint(1, len(folio)), BandItem(rng.choice(publication["sections"]), "folio"))
    if rng.random() < 0.4:
        folio.reverse()
    editor = BandItem(fill.pick("editor_lines"), "editor")
    contact = BandItem(rng.choice(publication["contact"]), "contact")
    footers = [BandItem(text, "qr" if "二维码" in text else "footer")
               for text in rng.sample(publication["footer"], rng.randint(0, min(2, len(publication["footer"]))))]
    if rng.random() < 0.2:
        footers.append(BandItem(rng.choice(words["picture_notes"]), "footer"))
    top: list[tuple[BandItem, ...]] = []
    bottom: list[tuple[BandItem, ...]] = []
    if style.top_band:
        top.append(tuple(folio))
        if rng.random() < 0.35:
            top.append((editor,))
        else:
            bottom.append((editor, contact) if rng.random() < 0.6 else (editor,))
    else:
        bottom.append(tuple(folio))
        bottom.append((editor, contact))
    if style.bottom_band and footers:
        bottom.append(tuple(footers))
    elif style.bottom_band and not bottom:
        bottom.append((contact,))
    if not style.bottom_band and bottom and style.top_band:
        top.extend(bottom)  # the paper prints its editor line under the folio
        bottom = []
    return tuple(top), tuple(bottom)


def random_page(seed: int, style: Style) -> Page:
    """A page's content for a style: articles cut from docs/articles, briefs, a photo item, framed
    boxes, pictures with captions and credits, furniture, and a plan of the modules on the grid."""
    rng = random.Random(f"page-{seed}")
    words = load_words()
    sources = list(load_sources())
    rng.shuffle(sources)
    publications = words["publications"]
    if style.paper == "A4":
        publication = rng.choice([p for p in publications if p["kind"] != "daily"])
    else:
        publication = rng.choice([p for p in publications if p["kind"] != "newsletter"])
    date = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randint(0, 730))
    fill = Filler(rng, date)
    top, bottom = _furniture(rng, fill, style, publication, date)
    geometry = Geometry(style)
    placeholder = Page(seed, publication["name"], date, top, bottom, (), Leaf(0))
    grid_mm = geometry.grid_height_estimate(placeholder)
    lo, hi = PAPERS[style.paper][4]
    leaves: list[tuple[int, float]] = []
    plan = _carve(rng, style.columns, 1.0, rng.randint(lo, hi), min(0.45, 60 / grid_mm), 0, leaves)
    order = sorted(range(len(leaves)), key=lambda i: -leaves[i][0] * leaves[i][1])
    lead = order[0]
    kinds = {i: "article" for i in range(len(leaves))}
    small = [i for i in order[1:] if leaves[i][0] <= max(2, style.columns // 3)]
    if small and rng.random() < 0.6:
        kinds[small.pop()] = "briefs"
    if small and rng.random() < 0.5:
        kinds[small.pop(0)] = "photo"
    modules: list[Module] = []
    for index, (span, share) in enumerate(leaves):
        height = share * grid_mm
        text_columns = span
        if span >= 4 and span % 2 == 0 and rng.random() < (0.5 if style.paper == "A4" else 0.15):
            text_columns = span // 2
        is_lead = index == lead
        title_scale = style.title_scale if is_lead else max(1.4, style.title_scale * rng.uniform(0.45, 0.8))
        if kinds[index] == "article" and sources:
            story = _article(rng, fill, style, sources.pop(), sources, is_lead, text_columns)
            module = _fit_pictures(geometry, Module("article", (story,), span, text_columns, title_scale, 0), height)
            story = module.stories[0]
            box = story.box
            if box and sum(map(len, box.paragraphs)) > 0.3 * _budget(geometry, replace(
                    module, stories=(replace(story, box=None),)), height):
                module = replace(module, stories=(replace(story, box=None),))  # no room for a box here
        elif kinds[index] == "briefs" and len(sources) >= 2:
            probe = Module("briefs", (_brief(rng, fill, sources[-1]),), span, text_columns, 1.1, 0)
            count = max(2, min(5, len(sources), round(_budget(geometry, probe, height) / 190)))
            briefs = tuple(_brief(rng, fill, sources.pop()) for _ in range(count))
            module = Module("briefs", briefs, span, text_columns, 1.1, 0, label=rng.choice(words["brief_labels"]))
        else:
            story = _photo(rng, fill)
            width = geometry.span_width(span)
            aspect = (height - 10 * geometry.line_mm() - 12) / width
            module = Module("photo", (story,), span, text_columns, round(rng.uniform(1.2, 1.7), 2), 0,
                            photo_aspect=round(max(0.3, min(0.9, aspect)), 2))
        modules.append(replace(module, budget=_budget(geometry, module, height)))
    return Page(seed, publication["name"], date, top, bottom, tuple(modules), plan)


# ---------------------------------------------------------------------------------------------
# HTML: the page as the browser prints it
# ---------------------------------------------------------------------------------------------

def _png(pixels: list[bytes], width: int) -> bytes:
    """A greyscale PNG from rows of bytes (no imaging library needed)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", width, len(pixels), 8, 0, 0, 0, 0)
    raw = b"".join(b"\x00" + row for row in pixels)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b"")


@cache
def photo_png(seed: str, width: int = 240, height: int = 160) -> str:
    """A data URL of a photograph-like greyscale picture: soft blobs over a gradient, some grain."""
    import numpy as np

    rng = np.random.default_rng(abs(hash_text(seed)))
    y, x = np.mgrid[0:height, 0:width].astype(float)
    value = 110 + 70 * y / height + rng.uniform(-30, 30) * x / width
    for _ in range(7):
        bx, by, radius, amp = rng.uniform(0, width), rng.uniform(0, height), rng.uniform(15, 70), rng.uniform(-90, 90)
        value += amp * np.exp(-((x - bx) ** 2 + (y - by) ** 2) / (2 * radius * radius))
    value += rng.normal(0, 6, value.shape)
    pixels = np.clip(value, 0, 255).astype(np.uint8)
    return "data:image/png;base64," + base64.b64encode(_png([row.tobytes() for row in pixels], width)).decode()


def hash_text(text: str) -> int:
    """A stable hash (Python's hash() of a str changes between runs)."""
    return zlib.crc32(text.encode("utf-8"))


@cache
def qr_png(seed: str, modules: int = 25, scale: int = 4) -> str:
    """A data URL of a QR-code-like square (random modules with the three finder squares)."""
    rng = random.Random(seed)
    grid = [[rng.random() < 0.5 for _ in range(modules)] for _ in range(modules)]
    for oy, ox in ((0, 0), (0, modules - 7), (modules - 7, 0)):
        for y in range(7):
            for x in range(7):
                ring = max(abs(y - 3), abs(x - 3))
                grid[oy + y][ox + x] = ring != 2
    rows = [bytes(0 if grid[y // scale][x // scale] else 255 for x in range(modules * scale))
            for y in range(modules * scale)]
    return "data:image/png;base64," + base64.b64encode(_png(rows, modules * scale)).decode()


class Printer:
    """Writes the page's HTML and keeps every string it prints (to check the PDF's text layer)."""

    def __init__(self, page: Page, style: Style, grid_mm: float):
        self.page = page
        self.style = style
        self.grid_mm = grid_mm
        self.geometry = Geometry(style)
        self.printed: list[str] = []
        self.pictures = 0

    def text(self, value: str) -> str:
        self.printed.append(value)
        return html.escape(value)

    # ---- the page ----

    def document(self) -> str:
        style = self.style
        body = ['<div class="page">']
        if self.page.top:
            body.append(self.band("top", self.page.top))
        body.append(f'<main class="grid">{self.node(self.page.plan, 1, style.columns + 1, self.grid_mm, "")}</main>')
        if self.page.bottom:
            body.append(self.band("bottom", self.page.bottom))
        body.append("</div>")
        return f"<!doctype html><html lang=zh-CN><head><meta charset=utf-8><style>{self.css()}</style></head>" \
               f"<body>{''.join(body)}</body></html>"

    def css(self) -> str:
        s = self.style
        top, right, bottom, left = s.margins_mm
        rule = f"{s.rule_pt}pt solid #000"
        band_rule = {"none": "none", "thin": f"{s.rule_pt}pt solid #000", "thick": "2.5pt solid #000",
                     "double": "3pt double #000"}[s.band_rule]
        gutter = f"{s.gutter_em * s.body_pt:.2f}pt"
        gap = f"{s.module_gap_em * s.body_pt:.2f}pt"
        label = {
            "reversed": "background:#000;color:#fff;padding:0.15em 0.5em;font-weight:bold",
            "boxed": f"border:{rule};padding:0.1em 0.4em",
            "square": "font-weight:bold", "bracket": "font-weight:bold",
            "bold": "font-weight:bold;font-size:1.1em",
        }[s.label_style]
        paragraph = ("text-indent:2em;margin:0" if s.indent
                     else f"text-indent:0;margin:0 0 {s.paragraph_space_em}em 0")
        align = "center" if s.title_center else "left"
        return f"""
@page {{ margin: 0 }}
* {{ box-sizing: border-box }}
html, body {{ margin: 0; padding: 0; background: #fff }}
body {{ width: {s.width_mm}mm; font-family: '{s.body_font}', sans-serif; font-size: {s.body_pt}pt;
  line-height: {s.leading}; color: #000; -webkit-print-color-adjust: exact; print-color-adjust: exact }}
.page {{ width: {s.width_mm}mm; min-height: {s.height_mm}mm; padding: {top}mm {right}mm {bottom}mm {left}mm;
  display: flex; flex-direction: column }}
.band {{ font-family: '{s.furniture_font}', sans-serif; font-size: 0.85em; line-height: 1.3 }}
.band .row {{ display: flex; justify-content: space-between; align-items: baseline; gap: 0 2em; flex-wrap: wrap }}
.band.top {{ padding-bottom: 1.2mm; margin-bottom: 4mm; border-bottom: {band_rule} }}
.band.bottom {{ margin-top: auto; padding-top: 1.2mm; border-top: {band_rule} }}
.band.bottom .row + .row, .band.top .row + .row {{ margin-top: 1mm }}
.band .name {{ font-family: '{s.head_font}', serif; font-size: 2.2em; font-weight: bold; line-height: 1.1 }}
.band .folio {{ font-size: 1.1em }}
.band .qr img {{ width: 10mm; height: 10mm; vertical-align: middle; margin-right: 1mm }}
.grid {{ display: grid; grid-template-columns: repeat({s.columns}, minmax(0, 1fr)); column-gap: {gutter};
  row-gap: {gap}; align-content: start; flex: 1 0 auto }}
.bottom-space {{ height: 3mm }}
.node {{ display: grid; grid-template-columns: subgrid; column-gap: {gutter}; row-gap: {gap}; position: relative;
  min-width: 0 }}
.module {{ position: relative; min-width: 0 }}
.rule-left::before {{ content: ""; position: absolute; top: 0; bottom: 0;
  left: calc(-{gutter} / 2 - {s.rule_pt / 2}pt); border-left: {rule} }}
.rule-top::after {{ content: ""; position: absolute; left: 0; right: 0;
  top: calc(-{gap} / 2 - {s.rule_pt / 2}pt); border-top: {rule} }}
.stack {{ text-align: {align}; margin-bottom: 0.9em }}
.label {{ text-align: left; margin-bottom: 0.5em }}
.label span {{ {label} }}
.kicker {{ line-height: 1.35; font-weight: {'bold' if s.kicker_bold else 'normal'};
  font-family: '{s.head_font}', serif }}
.title {{ font-family: '{s.head_font}', serif; font-weight: {'bold' if s.title_bold else 'normal'};
  line-height: 1.25; margin: 0.15em 0; letter-spacing: {s.title_tracking_em}em }}
.subtitle {{ line-height: 1.35; font-family: '{s.head_font}', serif }}
.byline {{ font-family: '{s.caption_font}', serif; font-size: {s.byline_scale}em; margin: 0.5em 0 0.2em }}
.cols {{ column-gap: {gutter}; column-rule: {rule if s.column_rules else 'none'}; text-align: justify }}
.cols p {{ {paragraph}; orphans: 1; widows: 1 }}
.sub {{ font-size: 1.08em; font-weight: bold; margin: 0.5em 0 0.3em; text-align: {'center' if s.subhead_center else 'left'};
  text-indent: 0; break-after: avoid; break-inside: avoid; line-height: 1.35; font-family: '{s.head_font}', serif }}
.cols p.closing {{ text-indent: 0; text-align: right; margin-top: 0.3em }}
.box {{ border: {rule}; padding: 0.4em 0.6em; margin: 0.4em 0 0.8em; break-inside: avoid;
  background: {'#ececec' if s.box_tint else 'transparent'}; display: flow-root }}
.box .boxlabel {{ font-weight: bold; margin-bottom: 0.3em; font-family: '{s.head_font}', serif }}
.pic {{ break-inside: avoid; margin: 0.2em 0 0.8em; display: block }}
.pic .img {{ display: block; width: 100%; background: #bdbdbd }}
.pic img.img {{ object-fit: cover }}
.caption {{ font-family: '{s.caption_font}', serif; font-size: {s.caption_scale}em; line-height: 1.4;
  margin-top: 0.3em; text-indent: 0; text-align: justify; display: block }}
.credit {{ font-family: '{s.caption_font}', serif; font-size: {s.caption_scale * 0.95:.2f}em; text-align: right;
  display: block; line-height: 1.3; margin-top: 0.15em }}
.beside {{ display: flex; gap: {gutter}; align-items: flex-end; margin-bottom: 0.8em; break-inside: avoid }}
.beside .pic {{ margin: 0 }}
.btitle {{ font-weight: bold; font-family: '{s.head_font}', serif; font-size: 1.1em; margin: 0.2em 0 0.2em;
  break-after: avoid; break-inside: avoid; line-height: 1.35 }}
.brief + .brief {{ margin-top: 0.6em }}
.brief p {{ text-indent: 2em !important; margin: 0 !important }}
.ptitle {{ font-family: '{s.head_font}', serif; font-weight: bold; line-height: 1.3; margin: 0.3em 0 0.4em;
  text-align: {align} }}
"""

    def band(self, where: str, rows: tuple[tuple[BandItem, ...], ...]) -> str:
        out = [f'<header class="band {where}">' if where == "top" else f'<footer class="band {where}">']
        for row in rows:
            items = []
            for item in row:
                if item.role == "qr":
                    image = qr_png(f"qr-{self.page.seed}-{item.text}")
                    items.append(f'<span class="qr"><img src="{image}" alt="">{self.text(item.text)}</span>')
                else:
                    items.append(f'<span class="{item.role}">{self.text(item.text)}</span>')
            out.append(f'<div class="row">{"".join(items)}</div>')
        out.append("</header>" if where == "top" else "</footer>")
        return "".join(out)

    def node(self, node: Node, first: int, end: int, height_mm: float, rule: str, row: int = 1) -> str:
        """A node of the plan over grid lines [first, end) and in `row` of its parent grid."""
        style = self.style
        gap_mm = style.module_gap_em * style.body_pt * MM_PER_PT
        rule_class = f" rule-{rule}" if rule and style.module_rules else ""
        place = f"grid-column:{first}/{end};grid-row:{row}"
        if isinstance(node, Leaf):
            return self.module(node.module, place, height_mm, rule_class)
        if node.vertical:
            parts, line = [], 1
            for i, (part, width) in enumerate(zip(node.parts, node.sizes)):
                parts.append(self.node(part, line, line + int(width), height_mm, "left" if i else ""))
                line += int(width)
            rows = f"grid-template-rows:minmax({height_mm:.2f}mm,auto)"
        else:
            usable = height_mm - gap_mm * (len(node.parts) - 1)
            heights = [usable * share for share in node.sizes]
            parts = [self.node(part, 1, end - first + 1, h, "top" if i else "", row=i + 1)
                     for i, (part, h) in enumerate(zip(node.parts, heights))]
            rows = "grid-template-rows:" + " ".join(f"minmax({h:.2f}mm,auto)" for h in heights)
        return f'<div class="node{rule_class}" style="{place};{rows}">{"".join(parts)}</div>'

    # ---- a module ----

    def module(self, index: int, place: str, height_mm: float, rule_class: str) -> str:
        module = self.page.modules[index]
        stories = printed_stories(module)
        target = height_mm * PX_PER_MM
        head = f'<section class="module{rule_class}" data-index="{index}" data-target="{target:.1f}" style="{place}">'
        if module.kind == "article":
            inner = self.article(module, stories[0])
        elif module.kind == "briefs":
            inner = self.briefs(module, stories)
        else:
            inner = self.photo(module, stories[0])
        return head + inner + "</section>"

    def label(self, text: str) -> str:
        return f'<div class="label"><span>{self.text(text)}</span></div>'

    def title(self, story: Story, scale: float) -> str:
        size = f"font-size:{scale:.2f}em"
        if story.title_break:
            first, second = story.title[:story.title_break], story.title[story.title_break:].lstrip()
            inner = f"{self.text(first)}<br>{self.text(second)}"
        else:
            inner = self.text(story.title)
        return f'<h1 class="title" style="{size}">{inner}</h1>'

    def article(self, module: Module, story: Story) -> str:
        out = ['<div class="stack">']
        if story.label:
            out.append(self.label(story.label))
        if story.byline and self.style.byline_above:
            out.append(f'<div class="byline">{self.text(story.byline)}</div>')
        kicker, subtitle = deck_scales(self.style, module.title_scale)
        if story.kicker:
            out.append(f'<div class="kicker" style="font-size:{kicker}em">{self.text(story.kicker)}</div>')
        out.append(self.title(story, module.title_scale))
        if story.subtitle:
            out.append(f'<div class="subtitle" style="font-size:{subtitle}em">{self.text(story.subtitle)}</div>')
        if story.byline and not self.style.byline_above:
            out.append(f'<div class="byline">{self.text(story.byline)}</div>')
        out.append("</div>")
        for picture in story.pictures:
            if not picture.inline:
                out.append(self.top_picture(module, picture))
        out.append(f'<div class="cols" style="column-count:{module.text_columns}">')
        blocks = story.blocks
        inline = [p for p in story.pictures if p.inline]
        for i, block in enumerate(blocks):
            if story.box and story.box.at == i:
                out.append(self.box(story.box))
            if block.subhead:
                marker = self.style.subhead_marker
                out.append(f'<h3 class="sub">{self.text(marker + block.text) if marker else self.text(block.text)}</h3>')
                continue
            here = [p for p in inline if min(p.at, len(blocks) - 1) == i]
            out.append(self.paragraph(block.text, here))
        if story.box and story.box.at >= len(blocks):
            out.append(self.box(story.box))
        if story.credit:
            out.append(f'<p class="closing">{self.text(story.credit)}</p>')
        out.append("</div>")
        return "".join(out)

    def paragraph(self, text: str, pictures: list[Picture]) -> str:
        """A paragraph; a picture in it interrupts it after a sentence near the middle (the text
        goes on under the picture without an indent), or follows it when it has one sentence."""
        if not pictures:
            return f"<p>{self.text(text)}</p>"
        sentences = _sentences(text)
        if len(sentences) < 2:
            return f"<p>{self.text(text)}</p>" + "".join(self.picture(p) for p in pictures)
        cut = max(1, len(sentences) // 2)
        first, rest = "".join(sentences[:cut]), "".join(sentences[cut:])
        figures = "".join(self.picture(p, tag="span") for p in pictures)  # a block inside the paragraph
        return f"<p>{self.text(first)}{figures}{self.text(rest)}</p>"

    def picture(self, picture: Picture, aspect: float | None = None, tag: str = "figure") -> str:
        self.pictures += 1
        ratio = f"aspect-ratio:{1 / (aspect or picture.aspect):.3f}"
        if self.style.png_pictures:
            image = f'<img class="img" style="{ratio}" src="{photo_png(f"{self.page.seed}-{self.pictures}")}" alt="">'
        else:
            image = f'<span class="img" style="{ratio}"></span>'
        credit = ""
        if picture.credit and self.style.credit_place == "line":
            credit = f'<span class="credit">{self.text(picture.credit)}</span>'
        caption = ""
        if picture.caption:
            run_on = ""
            if picture.credit and self.style.credit_place == "run-on":
                run_on = "\u3000" + self.text(picture.credit)
            caption = f'<span class="caption">{self.text(picture.caption)}{run_on}</span>'
        elif picture.credit and self.style.credit_place == "run-on":
            credit = f'<span class="credit">{self.text(picture.credit)}</span>'
        return f'<{tag} class="pic">{image}{credit}{caption}</{tag}>'

    def top_picture(self, module: Module, picture: Picture) -> str:
        columns = module.text_columns
        if self.style.caption_beside and columns >= 2:
            wide = max(1, columns - 1 if columns <= 3 else columns - 2)
            share = wide / columns * 100
            pic = replace(picture, caption="")
            caption = self.text(picture.caption)
            if picture.credit and self.style.credit_place == "run-on":
                caption += "\u3000" + self.text(picture.credit)
            out = (f'<div class="beside"><div style="flex:0 0 {share:.2f}%">{self.picture(pic)}</div>'
                   f'<div style="flex:1 1 0"><span class="caption">{caption}</span>')
            if picture.credit and self.style.credit_place == "line":
                out += f'<span class="credit">{self.text(picture.credit)}</span>'
            return out + "</div></div>"
        width = 100 if columns <= 2 else round(100 * (columns - 1) / columns, 2)
        return f'<div style="width:{width}%">{self.picture(picture)}</div>'

    def box(self, box: Box) -> str:
        paragraphs = "".join(f"<p>{self.text(p)}</p>" for p in box.paragraphs)
        return f'<div class="box"><div class="boxlabel">{self.text(box.label)}</div>{paragraphs}</div>'

    def briefs(self, module: Module, stories: tuple[Story, ...]) -> str:
        out = [self.label(module.label), f'<div class="cols" style="column-count:{module.text_columns}">']
        for story in stories:
            out.append(f'<div class="brief"><div class="btitle">{self.text(story.title)}</div>'
                       f"<p>{self.text(story.blocks[0].text)}</p></div>")
        out.append("</div>")
        return "".join(out)

    def photo(self, module: Module, story: Story) -> str:
        picture = story.pictures[0]
        out = [self.picture(replace(picture, credit=picture.credit if self.style.credit_place == "line" else ""),
                            aspect=module.photo_aspect)]
        out.append(f'<div class="ptitle" style="font-size:{module.title_scale}em">{self.text(story.title)}</div>')
        text = self.text(story.blocks[0].text)
        if picture.credit and self.style.credit_place == "run-on":
            text += "\u3000" + self.text(picture.credit)
        out.append(f'<div class="cols" style="column-count:{module.text_columns}"><p>{text}</p></div>')
        return "".join(out)


# ---------------------------------------------------------------------------------------------
# Truth: what is printed, in reading order
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class TruthArticle:
    kind: str  # article | brief | photo
    title: str
    kicker: str = ""
    subtitle: str = ""
    label: str = ""
    byline: str = ""
    credit: str = ""  # the closing credit line (it belongs to the article: end of body or front-matter)
    paragraphs: tuple[str, ...] = ()  # body text in reading order: paragraphs, subheads, box label and text
    subheads: tuple[str, ...] = ()  # which of the paragraphs are headings
    captions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Truth:
    source: str  # the PDF's file name
    publication: str
    date: str  # YYYY-MM-DD printed on the page, or ""
    style: str  # Style.describe()
    articles: tuple[TruthArticle, ...]
    furniture: tuple[str, ...]  # band lines and photo credits: in no article
    captions: tuple[str, ...]
    credits: tuple[str, ...]  # photo credits (also in furniture)
    printed: tuple[str, ...] = field(default=(), repr=False)  # every string on the page

    def to_json(self) -> str:
        data = asdict(self)
        del data["printed"]
        return json.dumps(data, ensure_ascii=False, indent=1)


def truth_of(page: Page, style: Style, source: str, printed: Sequence[str]) -> Truth:
    articles, captions, credits = [], [], []
    for module in page.modules:
        for story in printed_stories(module):
            paragraphs: list[str] = []
            subheads: list[str] = []
            box = story.box
            marker = style.subhead_marker
            for i, block in enumerate(story.blocks):
                if box and box.at == i:
                    paragraphs += [box.label, *box.paragraphs]
                    subheads.append(box.label)
                text = marker + block.text if block.subhead and marker else block.text
                paragraphs.append(text)
                if block.subhead:
                    subheads.append(text)
            if box and box.at >= len(story.blocks):
                paragraphs += [box.label, *box.paragraphs]
                subheads.append(box.label)
            story_captions = tuple(p.caption for p in story.pictures if p.caption)
            captions += story_captions
            credits += [p.credit for p in story.pictures if p.credit]
            articles.append(TruthArticle(
                kind=story.kind, title=story.title, kicker=story.kicker, subtitle=story.subtitle,
                label=story.label or (module.label if module.kind == "briefs" else ""), byline=story.byline,
                credit=story.credit, paragraphs=tuple(paragraphs), subheads=tuple(subheads),
                captions=story_captions))
    furniture = [item.text for rows in (page.top, page.bottom) for row in rows for item in row]
    return Truth(source=source, publication=page.publication, date=page.date.isoformat() if page.date else "",
                 style=style.describe(), articles=tuple(articles), furniture=tuple(furniture + credits),
                 captions=tuple(captions), credits=tuple(credits), printed=tuple(printed))


# ---------------------------------------------------------------------------------------------
# Typesetting: fit the text to the modules in the browser, print, check the PDF
# ---------------------------------------------------------------------------------------------

MEASURE = """() => {
  const grid = document.querySelector('.grid').getBoundingClientRect();
  const page = document.querySelector('.page');
  const bottom = document.querySelector('.band.bottom');
  const pad = parseFloat(getComputedStyle(page).paddingBottom);
  const modules = [];
  for (const m of document.querySelectorAll('section.module')) {
    const r = m.getBoundingClientRect();
    let end = r.top;
    for (const el of m.querySelectorAll('*')) end = Math.max(end, el.getBoundingClientRect().bottom);
    const cols = m.querySelector('.cols');
    modules.push({index: +m.dataset.index, target: +m.dataset.target, natural: end - r.top,
                  text: cols ? cols.getBoundingClientRect().height : 0,
                  overflow: !!cols && cols.scrollWidth > cols.clientWidth + 1});
  }
  return {height: page.getBoundingClientRect().height, width: document.documentElement.scrollWidth,
          gridTop: grid.top, bottomBand: bottom ? bottom.getBoundingClientRect().height : 0,
          pageMin: parseFloat(getComputedStyle(page).minHeight), pad: pad, modules: modules};
}"""

FIT_ROUNDS = 8
FULL_LINES = 2.5  # a module is full when its text ends less than this many lines above its planned bottom


@dataclass
class _Bracket:
    """The text budgets of a module known to fit (lo) and known to overflow (hi)."""

    lo: float = 0.0
    hi: float = float("inf")


def _candidate_chars(module: Module) -> int:
    return sum(len(b.text) for story in module.stories for b in story.blocks)


def _refit(module: Module, measured: dict, line_px: float, width_px: float, bracket: _Bracket) -> Module | None:
    """The module with its text budget (a photo item: its picture's height) moved towards filling its
    planned height, or None when it fits well enough."""
    slack = measured["target"] - measured["natural"]  # px left under the text; negative: it overflows
    over = slack < -0.3 * line_px or measured["overflow"]
    full = not over and (slack <= FULL_LINES * line_px)
    if module.kind == "photo":
        if not over and not full:
            return None  # the picture only shrinks: a photo item's text is short
        aspect = max(0.2, module.photo_aspect + (slack - line_px) / width_px)
        return replace(module, photo_aspect=round(aspect, 3)) if over else None
    if over:
        bracket.hi = min(bracket.hi, module.budget)
    else:
        bracket.lo = max(bracket.lo, module.budget)
        if full or module.budget >= _candidate_chars(module):
            return None
    text_px = max(measured["text"], line_px)
    guess = module.budget * (text_px + slack - 0.5 * line_px) / text_px
    if bracket.hi < float("inf"):
        if bracket.hi - bracket.lo <= max(15, 0.03 * bracket.hi):
            return replace(module, budget=int(bracket.lo)) if bracket.lo and module.budget != bracket.lo else None
        guess = min(max(guess, bracket.lo + 0.25 * (bracket.hi - bracket.lo)), bracket.lo + 0.75 * (bracket.hi - bracket.lo))
    budget = max(30, int(guess))
    return replace(module, budget=budget) if budget != module.budget else None


def _fitted(page: Page, style: Style, tab) -> tuple[Page, Printer]:
    """Set each module's text to fill its planned height (measured in the browser, with the page's
    real bands): cut where it overflows, add where the module's candidate text allows. Returns the
    page as it will print, and its printer."""
    geometry = Geometry(style)
    grid_mm = geometry.grid_height_estimate(page)
    line_px = geometry.line_mm() * PX_PER_MM
    brackets = [_Bracket() for _ in page.modules]
    for _ in range(FIT_ROUNDS):
        printer = Printer(page, style, grid_mm)
        tab.set_content(printer.document())
        m = tab.evaluate(MEASURE)
        band_gap = 3.0 if m["bottomBand"] else 0.0  # mm between the grid and the bottom band
        measured = (m["pageMin"] - m["pad"] - m["bottomBand"] - m["gridTop"]) / PX_PER_MM - band_gap
        if abs(measured - grid_mm) > 0.5:  # the bands took another height than estimated: plan again
            grid_mm = measured
            brackets = [_Bracket() for _ in page.modules]
            continue
        modules = list(page.modules)
        changed = False
        for module in m["modules"]:
            index = module["index"]
            width_px = geometry.span_width(modules[index].span) * PX_PER_MM
            refit = _refit(modules[index], module, line_px, width_px, brackets[index])
            if refit is not None:
                modules[index] = refit
                changed = True
        if not changed:
            break
        page = replace(page, modules=tuple(modules))
    else:  # out of rounds: every module at the largest budget seen to fit
        page = replace(page, modules=tuple(replace(mod, budget=int(b.lo)) if b.lo and b.hi <= mod.budget else mod
                                           for mod, b in zip(page.modules, brackets)))
    return page, Printer(page, style, grid_mm)


def typeset(page: Page, style: Style, path: Path, browser) -> Truth:
    """Print the page to a one-page PDF at `path`; return the truth of what is printed on it.
    `browser` is a Playwright Chromium browser. The text is cut to fit the modules; a page whose
    content still outgrows the paper is made taller, never clipped."""
    context = browser.new_context(viewport={"width": round(style.width_mm * PX_PER_MM), "height": 1000})
    try:
        tab = context.new_page()
        tab.emulate_media(media="print")
        page, printer = _fitted(page, style, tab)
        tab.set_content(printer.document())
        m = tab.evaluate(MEASURE)
        if m["width"] > style.width_mm * PX_PER_MM + 1 or any(x["overflow"] for x in m["modules"]):
            raise TypesetError(f"seed {page.seed}: text runs out of its module sideways")
        height_mm = max(style.height_mm, m["height"] / PX_PER_MM + 0.5)
        path.parent.mkdir(parents=True, exist_ok=True)
        tab.pdf(path=str(path), width=f"{style.width_mm}mm", height=f"{height_mm:.2f}mm", print_background=True,
                margin={"top": "0", "right": "0", "bottom": "0", "left": "0"})
    finally:
        context.close()
    check_pdf(path, printer.printed)
    return truth_of(page, style, path.name, printer.printed)


def pdf_text(path: Path) -> tuple[int, str]:
    """(number of pages, text of the first page) by pypdfium2."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        pages = len(document)
        page = document[0]
        text = page.get_textpage().get_text_range()
        return pages, text
    finally:
        document.close()


def check_pdf(path: Path, printed: Sequence[str]) -> None:
    """The PDF is one page and its text layer has exactly the printed characters (whitespace ignored)."""
    pages, text = pdf_text(path)
    if pages != 1:
        raise TypesetError(f"{path.name}: {pages} pages, expected one")
    expected = Counter(ch for value in printed for ch in value if not ch.isspace())
    found = Counter(ch for ch in text if not ch.isspace())
    if expected != found:
        lost, extra = expected - found, found - expected
        raise TypesetError(f"{path.name}: the PDF's text differs from what was printed: "
                           f"lost {''.join(sorted(lost.elements()))[:80]!r}, extra {''.join(sorted(extra.elements()))[:80]!r}")


# ---------------------------------------------------------------------------------------------
# Comparison: the converter's PageResult against the truth
# ---------------------------------------------------------------------------------------------

MATCH_TITLE = 0.75  # title similarity that pairs an output with a truth article (as the dev-set scorer)
MATCH_BODY = 0.5  # or: this share of the truth body's probes found in the output body
_SPACE = re.compile(r"\s+")
_ATTR = re.compile(r"^\{\s*\.[\w-]+\s*\}$")
_HEADING = re.compile(r"^#{1,6}\s+")
_MD_ESCAPE = re.compile(r"\\([\\`*_\[\]|{}#+\-.)!])")


def norm(text: str) -> str:
    """NFKC, whitespace removed: how every string is compared."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text or ""))


def norm_marked(text: str) -> str:
    """As norm, and without decorative markers (■【】 …) a converter may keep or drop."""
    return norm(text).strip(MARKERS + "\u3000 ").translate({ord(c): None for c in "【】"})


def body_blocks(markdown: str) -> tuple[list[str], list[str]]:
    """(paragraphs, captions) of an output body: Markdown blocks with markup removed; caption lines apart."""
    paragraphs, captions = [], []
    for chunk in re.split(r"\n\s*\n", markdown or ""):
        lines = [line for line in chunk.strip().splitlines() if line.strip() and not _ATTR.match(line.strip())]
        if not lines:
            continue
        text = html.unescape(_MD_ESCAPE.sub(r"\1", _HEADING.sub("", " ".join(lines))))
        if text.startswith(CAPTION_PREFIX):
            captions.append(text[len(CAPTION_PREFIX):])
        else:
            paragraphs.append(text)
    return paragraphs, captions


@dataclass(frozen=True)
class Mismatch:
    kind: str  # missing-article | extra-article | title | body-lost | body-extra | body-order | breaks | kicker | …
    article: str  # the truth title it is about ("" for the page)
    detail: str

    def __str__(self) -> str:
        where = f"《{self.article}》 " if self.article else ""
        return f"[{self.kind}] {where}{self.detail}"


@dataclass(frozen=True)
class Report:
    """The comparison of one page: counts for the summary and the mismatches."""

    source: str
    style: str
    articles: int
    found: int
    outputs: int
    titles_exact: int
    bodies_exact: int
    breaks_right: int
    heads: int  # kicker/subtitle/byline fields the truth has
    heads_right: int
    furniture_leaks: int
    caption_problems: int
    mismatches: tuple[Mismatch, ...]


def _short(text: str, n: int = 24) -> str:
    return text if len(text) <= n else text[: n // 2] + "…" + text[-n // 2:]


def _probes(text: str, step: int = 30, width: int = 8) -> list[str]:
    return [text[i:i + width] for i in range(0, max(1, len(text) - width + 1), step)] if text else []


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() if a and b else 0.0


def _title_variants(title: str, *parts: str) -> list[str]:
    out = [norm(title)]
    for part in parts:
        if part:
            out += [norm(part + title), norm(title + part)]
    return out


def _match(truth: Truth, outputs: Sequence) -> dict[int, int]:
    """Truth article index -> output index: best pairs first, one to one."""
    pairs = []
    for t, article in enumerate(truth.articles):
        wanted = _title_variants(article.title, article.kicker, article.subtitle)
        probes = _probes(norm("".join(article.paragraphs)))
        for o, output in enumerate(outputs):
            meta = output.meta
            got = _title_variants(str(meta.get("title") or ""), str(meta.get("kicker") or ""),
                                  str(meta.get("deck") or meta.get("subtitle") or ""))
            title_score = max(_similarity(w, g) for w in wanted for g in got)
            body = norm(output.body)
            body_score = sum(p in body for p in probes) / len(probes) if probes else 0.0
            score = max(title_score if title_score >= MATCH_TITLE else 0, body_score if body_score >= MATCH_BODY else 0)
            if score:
                pairs.append((score + title_score / 10, t, o))
    matched: dict[int, int] = {}
    used = set()
    for _, t, o in sorted(pairs, reverse=True):
        if t not in matched and o not in used:
            matched[t] = o
            used.add(o)
    return matched


class _Whose:
    """Names the truth string a stray piece of text comes from (another article, a caption, furniture …)."""

    def __init__(self, truth: Truth):
        self.entries: list[tuple[str, str]] = []
        for article in truth.articles:
            name = _short(article.title, 12)
            for what, value in (("title", article.title), ("kicker", article.kicker), ("subtitle", article.subtitle),
                                ("label", article.label), ("byline", article.byline), ("credit line", article.credit)):
                if value:
                    self.entries.append((f"{what} of 《{name}》", norm(value)))
            for paragraph in article.paragraphs:
                self.entries.append((f"text of 《{name}》", norm(paragraph)))
        self.entries += [("a caption", norm(c)) for c in truth.captions]
        self.entries += [("furniture", norm(f)) for f in truth.furniture]

    def __call__(self, piece: str, exclude: str = "") -> str:
        if len(piece) < 2:
            return ""
        for what, value in self.entries:
            if what != exclude and value == piece:
                return what
        for what, value in self.entries:
            if what != exclude and value and piece in value:
                return f"part of {what}"
        for what, value in self.entries:
            if what != exclude and len(value) >= 4 and value in piece:
                return f"has {what}"
        return ""


def _diff(expected: str, got: str, opcodes: list, whose: _Whose, own: str) -> tuple[str, str]:
    """(kind, description) of how an output body differs from the truth."""
    ops = [op for op in opcodes if op[0] != "equal"]
    if Counter(expected) == Counter(got):
        kind = "body-order"
    elif all(op[0] == "delete" for op in ops):
        kind = "body-lost"
    elif all(op[0] == "insert" for op in ops):
        kind = "body-extra"
    else:
        kind = "body-mixed"
    notes = []
    for tag, i1, i2, j1, j2 in ops[:3]:
        context = _short(expected[max(0, i1 - 8):i1], 8)
        origin = whose(got[j1:j2], exclude=own) if tag != "delete" else ""
        origin = f" ({origin})" if origin else ""
        if tag == "delete":
            notes.append(f"lost {_short(expected[i1:i2])!r} after …{context}")
        elif tag == "insert":
            notes.append(f"extra {_short(got[j1:j2])!r}{origin} after …{context}")
        else:
            notes.append(f"{_short(expected[i1:i2])!r} became {_short(got[j1:j2])!r}{origin} after …{context}")
    if len(ops) > 3:
        notes.append(f"and {len(ops) - 3} more differences")
    return kind, "; ".join(notes)


def _breaks(paragraphs: Sequence[str]) -> list[int]:
    """Offsets of the paragraph breaks in the normalised text of the paragraphs."""
    out, at = [], 0
    for paragraph in paragraphs[:-1]:
        at += len(norm(paragraph))
        out.append(at)
    return out


def _inside(at: int, spans: Sequence[tuple[int, int]]) -> int | None:
    """The span start whose interior holds offset `at` (breaks at the edge of a difference are not judged)."""
    return next((start for start, size in spans if start < at < start + size), None)


def _context(text: str, at: int) -> str:
    return f"…{text[max(0, at - 8):at]}|{text[at:at + 8]}…"


class _Furniture:
    """The page's furniture lines, and how to tell one inside output text. A line printed nowhere in
    the articles (a distinctive line) leaks wherever it is found; a line that is also article text
    (a section name 园区, a page number 9) leaks only where it stands alone: a paragraph of its own,
    a stray insertion, or a front-matter value with nothing else."""

    def __init__(self, truth: Truth):
        texts = [norm(value) for a in truth.articles
                 for value in (a.title, a.kicker, a.subtitle, a.label, a.byline, a.credit, *a.paragraphs)]
        texts += [norm(c) for c in truth.captions]
        self.lines = [(line, not any(line in text for text in texts))
                      for line in dict.fromkeys(norm(f) for f in truth.furniture) if line]

    def in_body(self, got_paragraphs: Sequence[str], strays: Sequence[str]) -> list[str]:
        got = norm("".join(got_paragraphs))
        alone = {norm(p) for p in got_paragraphs} | set(strays)
        return [line for line, distinctive in self.lines if ((line in got) if distinctive else (line in alone))]

    def in_value(self, value: str, own: str) -> list[str]:
        """Furniture in a front-matter value whose truth is `own` (normalised)."""
        rest = value.replace(own, "") if own else value
        return [line for line, distinctive in self.lines
                if ((line in value and line not in own) if distinctive else rest == line)]


# Front-matter fields and the truth they are compared with: the converter's key(s), the truth's field.
HEAD_FIELDS = (("kicker", ("kicker",)), ("subtitle", ("deck", "subtitle")), ("byline", ("byline",)))
FRONT_FIELDS = (("title", "title"), ("kicker", "kicker"), ("deck", "subtitle"), ("subtitle", "subtitle"),
                ("section", "label"), ("byline", "byline"), ("credit", "credit"))


@dataclass
class _Tally:
    titles: int = 0
    bodies: int = 0
    breaks: int = 0
    heads: int = 0
    heads_right: int = 0
    leaks: int = 0
    captions: int = 0


class _ArticleCheck:
    """One truth article against its matched output article."""

    def __init__(self, truth: Truth, article: TruthArticle, output, whose: _Whose, furniture: _Furniture):
        self.truth, self.article, self.output, self.meta = truth, article, output, output.meta
        self.whose, self.furniture = whose, furniture
        self.name = article.title
        self.own = f"text of 《{_short(article.title, 12)}》"
        self.paragraphs, _ = body_blocks(output.body)
        self.expected = norm("".join(article.paragraphs))
        self.mismatches: list[Mismatch] = []

    def add(self, kind: str, detail: str) -> None:
        self.mismatches.append(Mismatch(kind, self.name, detail))

    def run(self, tally: _Tally) -> list[Mismatch]:
        self.title(tally)
        self.credit_line()
        got = norm("".join(self.paragraphs))
        opcodes = difflib.SequenceMatcher(None, self.expected, got, autojunk=False).get_opcodes()
        self.body(got, opcodes, tally)
        self.breaks(opcodes, tally)
        self.heads(tally)
        self.leaks(got, opcodes, tally)
        self.captions(got, tally)
        return self.mismatches

    def title(self, tally: _Tally) -> None:
        got = str(self.meta.get("title") or "")
        if norm(got) == norm(self.article.title):
            tally.titles += 1
            return
        rest = norm(got).replace(norm(self.article.title), "")
        origin = self.whose(rest, exclude=f"title of 《{_short(self.name, 12)}》") if rest else ""
        self.add("title", f"title is {got!r}{f' (with {origin})' if origin else ''}")

    def credit_line(self) -> None:
        """The closing credit ends the body on a line of its own (then it is set aside here) or is in
        the front-matter."""
        credit = norm(self.article.credit)
        if not credit:
            return
        if self.paragraphs and norm(self.paragraphs[-1]) == credit:
            self.paragraphs = self.paragraphs[:-1]
        elif credit not in norm("".join(str(self.meta.get(k) or "") for k in ("credit", "source_line"))) \
                and credit not in norm("".join(self.paragraphs)):
            self.add("credit-line", f"closing credit {self.article.credit!r} is neither at the end of the body "
                                    "nor in the front-matter")

    def body(self, got: str, opcodes: list, tally: _Tally) -> None:
        if got == self.expected:
            tally.bodies += 1
            return
        kind, detail = _diff(self.expected, got, opcodes, self.whose, self.own)
        self.add(kind, detail)

    def breaks(self, opcodes: list, tally: _Tally) -> None:
        """Paragraph breaks where the texts agree: missing ones (paragraphs run together) and extra
        ones (a paragraph split at a column or line end); breaks next to differing text are not judged."""
        equal = [(i1, i2 - i1, j1) for tag, i1, i2, j1, _ in opcodes if tag == "equal"]
        truth_spans = [(i, size) for i, size, _ in equal]
        got_spans = [(j, size) for _, size, j in equal]
        shift = {j: i for i, _, j in equal}
        truth_breaks = [b for b in _breaks(self.article.paragraphs) if _inside(b, truth_spans) is not None]
        got_breaks = set()
        for b in _breaks(self.paragraphs):
            start = _inside(b, got_spans)
            if start is not None:
                got_breaks.add(shift[start] + b - start)
        missing = sorted(set(truth_breaks) - got_breaks)
        extra = sorted(got_breaks - set(_breaks(self.article.paragraphs)))
        if not missing and not extra:
            tally.breaks += 1
            return
        notes = []
        if missing:
            notes.append(f"{len(missing)} of {len(self.article.paragraphs) - 1} missing (paragraphs run together), "
                         f"e.g. {_context(self.expected, missing[0])}")
        if extra:
            notes.append(f"{len(extra)} extra (a paragraph split), e.g. {_context(self.expected, extra[0])}")
        self.add("breaks", "; ".join(notes))

    def heads(self, tally: _Tally) -> None:
        for field_name, keys in HEAD_FIELDS:
            want = getattr(self.article, field_name)
            value = next((str(self.meta[k]) for k in keys if self.meta.get(k)), "")
            if want:
                tally.heads += 1
                if norm_marked(value) == norm_marked(want):
                    tally.heads_right += 1
                else:
                    self.add(field_name, f"{field_name} is {value!r}, expected {want!r}")
            elif value and norm(value) not in self.expected:
                origin = self.whose(norm(value))
                self.add(field_name, f"unexpected {field_name} {value!r}{f' ({origin})' if origin else ''}")
        if self.article.label and self.article.kind != "brief":
            section = str(self.meta.get("section") or "")
            if norm_marked(section) != norm_marked(self.article.label):
                self.add("label", f"section is {section!r}, expected label {self.article.label!r}")
        if self.truth.date and str(self.meta.get("date") or "") != self.truth.date:
            self.add("date", f"date is {self.meta.get('date')!r}, printed {self.truth.date}")

    def leaks(self, got: str, opcodes: list, tally: _Tally) -> None:
        strays = [got[j1:j2] for tag, _, _, j1, j2 in opcodes if tag in ("insert", "replace")]
        found = [("furniture-in-body", line) for line in self.furniture.in_body(self.paragraphs, strays)]
        for key, field_name in FRONT_FIELDS:
            value = norm(str(self.meta.get(key) or ""))
            if value:
                own = norm(getattr(self.article, field_name))
                found += [("furniture-in-front-matter", f"{line} (in {key})")
                          for line in self.furniture.in_value(value, own)]
        for kind, line in dict.fromkeys(found):
            tally.leaks += 1
            self.add(kind, repr(line))

    def captions(self, got: str, tally: _Tally) -> None:
        for caption in self.article.captions:
            c = norm(caption)
            if c in got and c not in self.expected:
                tally.captions += 1
                self.add("caption-in-body", repr(_short(caption)))


def _page_captions(truth: Truth, outputs: Sequence, tally: _Tally) -> list[Mismatch]:
    """Every caption is an output caption (a 图片说明 line or the front-matter's captions), without its credit."""
    found: list[str] = []
    for output in outputs:
        found += [norm(c) for c in body_blocks(output.body)[1]]
        found += [norm(str(c)) for c in output.meta.get("captions") or ()]
    out = []
    for caption in truth.captions:
        c = norm(caption)
        holders = [f for f in found if c in f]
        if not holders:
            tally.captions += 1
            in_body = any(c in norm(o.body) for o in outputs)
            out.append(Mismatch("caption-lost", "", f"{_short(caption)!r} is no output caption"
                                f"{' (it is in a body)' if in_body else ''}"))
        elif any(norm(credit) in f for f in holders for credit in truth.credits):
            tally.captions += 1
            out.append(Mismatch("credit-in-caption", "", f"{_short(caption)!r} keeps its photo credit"))
    return out


def check(truth: Truth, result) -> Report:
    """Compare a converter result (a PageResult, or a Problem when the page failed) with the truth."""
    mismatches: list[Mismatch] = []
    outputs = list(getattr(result, "articles", None) or ())
    if not hasattr(result, "articles"):
        mismatches.append(Mismatch("page-failed", "", getattr(result, "message", None) or str(result)))
    matched = _match(truth, outputs)
    whose, furniture, tally = _Whose(truth), _Furniture(truth), _Tally()
    for t, article in enumerate(truth.articles):
        if t in matched:
            mismatches += _ArticleCheck(truth, article, outputs[matched[t]], whose, furniture).run(tally)
        else:
            mismatches.append(Mismatch("missing-article", article.title, "no output article has this title or text "
                                       f"(body starts {_short(norm(''.join(article.paragraphs)), 16)!r})"))
    mismatches += _page_captions(truth, outputs, tally)
    for o, output in enumerate(outputs):
        if o not in matched.values():
            body = norm(output.body)
            origin = whose(body[:12]) or whose(norm(str(output.meta.get("title") or "")))
            mismatches.append(Mismatch("extra-article", "", f"{output.meta.get('title')!r} "
                                       f"(body {_short(body, 16)!r}{f', {origin}' if origin else ''})"))
    return Report(source=truth.source, style=truth.style, articles=len(truth.articles), found=len(matched),
                  outputs=len(outputs), titles_exact=tally.titles, bodies_exact=tally.bodies,
                  breaks_right=tally.breaks, heads=tally.heads, heads_right=tally.heads_right,
                  furniture_leaks=tally.leaks, caption_problems=tally.captions, mismatches=tuple(mismatches))


def compare(truth: Truth, result) -> list[str]:
    """The human-readable mismatches between a converter result and the truth (empty: all right)."""
    return [str(m) for m in check(truth, result).mismatches]


# ---------------------------------------------------------------------------------------------
# CLI: render, convert, summarise
# ---------------------------------------------------------------------------------------------

def parse_seeds(text: str) -> list[int]:
    """Seeds written as 0-49 or 3,7,12."""
    out: list[int] = []
    for part in text.split(","):
        if "-" in part:
            lo, hi = part.split("-")
            out += range(int(lo), int(hi) + 1)
        elif part:
            out.append(int(part))
    return out


def render(seed: int, out: Path, browser) -> tuple[Path, Truth]:
    style = random_style(seed)
    path = out / f"typeset-{seed:03d}.pdf"
    truth = typeset(random_page(seed, style), style, path, browser)
    (out / f"typeset-{seed:03d}.truth.json").write_text(truth.to_json() + "\n", encoding="utf-8")
    return path, truth


def render_pages(seeds: Sequence[int], out: Path) -> list[tuple[Path, Truth]]:
    """Render each seed's page into `out` in one browser; a seed that cannot be set is said and skipped."""
    from playwright.sync_api import sync_playwright

    rendered = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            for seed in seeds:
                try:
                    rendered.append(render(seed, out, browser))
                except TypesetError as exc:
                    print(f"typeset: seed {seed}: {exc}", file=sys.stderr)
        finally:
            browser.close()
    return rendered


def summary(reports: Sequence[Report]) -> str:
    header = (f"{'page':<18}{'articles':>9}{'extra':>6}{'titles':>7}{'bodies':>7}{'breaks':>7}{'heads':>7}"
              f"{'leaks':>6}{'capt':>5}  style")
    lines = [header, "-" * len(header)]
    for r in reports:
        lines.append(f"{r.source.removesuffix('.pdf'):<18}{r.found:>5}/{r.articles:<3}{r.outputs - r.found:>6}"
                     f"{r.titles_exact:>7}{r.bodies_exact:>7}{r.breaks_right:>7}{r.heads_right:>4}/{r.heads:<2}"
                     f"{r.furniture_leaks:>6}{r.caption_problems:>5}  {r.style}")
    total = sum(r.articles for r in reports) or 1
    found = sum(r.found for r in reports)
    outputs = sum(r.outputs for r in reports) or 1
    heads = sum(r.heads for r in reports) or 1

    def share(n: int, d: int) -> str:
        return f"{n}/{d} = {n / d:.2f}"

    lines += ["-" * len(header),
              f"articles found      {share(found, total)}   (precision {share(found, outputs)})",
              f"titles exact        {share(sum(r.titles_exact for r in reports), total)}",
              f"bodies exact        {share(sum(r.bodies_exact for r in reports), total)}",
              f"paragraph breaks    {share(sum(r.breaks_right for r in reports), total)} articles all right",
              f"kicker/subtitle/byline {share(sum(r.heads_right for r in reports), heads)}",
              f"furniture leaks     {sum(r.furniture_leaks for r in reports)}",
              f"caption problems    {sum(r.caption_problems for r in reports)}",
              f"pages all right     {sum(not r.mismatches for r in reports)}/{len(reports)}"]
    kinds: dict[str, list[str]] = {}
    for r in reports:
        for m in r.mismatches:
            kinds.setdefault(m.kind, []).append(r.source.removesuffix(".pdf").removeprefix("typeset-"))
    if kinds:
        lines.append("\nmismatch kinds (count: seeds)")
        for kind, seeds in sorted(kinds.items(), key=lambda kv: -len(kv[1])):
            lines.append(f"  {kind:<26}{len(seeds):>4}: {' '.join(dict.fromkeys(seeds))}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Typeset random newspaper pages, convert them and compare "
                                                 "with what was printed.")
    parser.add_argument("--seeds", default="0-9", help="seeds, e.g. 0-49 or 3,7,12 (default 0-9)")
    parser.add_argument("--out", type=Path, default=Path("/tmp/typeset"), help="folder for the PDFs and truths")
    parser.add_argument("--no-convert", action="store_true", help="only render the pages")
    parser.add_argument("--png", action="store_true", help="also save a picture of each page")
    parser.add_argument("--quiet", action="store_true", help="the summary without the mismatches")
    args = parser.parse_args(argv)
    if not CHROMIUM.is_file():
        print(f"typeset: {CHROMIUM} is missing: install Debian's chromium (make chromium)", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    rendered = render_pages(parse_seeds(args.seeds), args.out)
    if args.png:
        import pypdfium2 as pdfium

        for path, _ in rendered:
            document = pdfium.PdfDocument(str(path))
            document[0].render(scale=1.0).to_pil().save(path.with_suffix(".png"))
            document.close()
    if args.no_convert:
        print(f"{len(rendered)} pages in {args.out}")
        return 0
    from parkdigest.convert.pipeline import convert_page

    reports = [check(truth, convert_page(path)) for path, truth in rendered]
    if not args.quiet:
        for report in reports:
            if report.mismatches:
                print(f"\n== {report.source} ({report.style})")
                for mismatch in report.mismatches:
                    print(f"  {mismatch}")
        print()
    print(summary(reports))
    return 0


if __name__ == "__main__":
    sys.exit(main())
