"""Lines to blocks: runs of lines set in one style, stacked in one column at the leading of
their type, inside one box — a column of body text, a headline of one or more lines, a byline,
a caption. What each block is on the page is decided by `parts`; the words that say what a
short block is (a byline's, a label's, a heading's) are here, shared by every stage after.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import cached_property

from parkdigest.convert.pdf.extract import Box, enclosing
from parkdigest.convert.pdf.lines import TextLine
from parkdigest.convert.pdf.regions import Regions
from parkdigest.resources import layout_words
from parkdigest.text import BOX_MARKERS, CLAUSE_OR_SENTENCE_MARK, HAN_CHAR, POINTERS

# Two lines of one style are one block when the white between them is at most this share of
# their type size (a paragraph's leading; the gap between modules or a headline's parts is
# wider)...
LEADING_MAX = 0.9
# ... and they overlap horizontally by this share of the narrower one, or start this many
# ems apart (one column: a paragraph's short last line may not reach under the indented
# first line above it).
SAME_COLUMN_OVERLAP = 0.5
SAME_COLUMN_START_EM = 2.5
# A closing credit: a line in parentheses that ends an item (（供稿：……）, （据新华社电）).
CLOSING_CREDIT = re.compile(r"^[（(].*[）)]$")
# Marks printed before a label, a byline or a heading; the PDF reader also takes the 【】 of a
# bracketed label (【链接】) for marks, as its box headings are matched by their words alone.
MARKERS = BOX_MARKERS + POINTERS + "【】"
# A heading (a title, a subhead, a brief's bold title) has at most this many characters and
# no sentence in it, however many lines a narrow column breaks it into; a run of lines of one
# type is split into headline parts only up to this many lines (one more for a byline's).
HEADING_MAX_CHARS = 48
HEADING_MAX_LINES = 4
_SENTENCE_INSIDE = re.compile(r"[。；]|[，、：]$")
# A byline is short: roles and names.
BYLINE_MAX_CHARS = 40


class Part(str, Enum):
    """What a block is on the page."""

    FURNITURE = "furniture"
    LABEL = "label"  # a column label: reversed out of a dark ground, or boxed
    TITLE = "title"
    MINOR = "minor"  # neither body nor headline: kicker, subtitle, byline, subhead, credit …
    BODY = "body"
    CAPTION = "caption"


@dataclass(frozen=True)
class Style:
    size: float
    font: str
    bold: bool
    light: bool


@dataclass(frozen=True)
class TextBlock:
    id: int
    lines: tuple[TextLine, ...]
    part: Part
    container: Box | None  # the framed box it stands in
    rule: str = ""  # why it is furniture, a caption …
    credit: str = ""  # a picture's credit printed at the end of its caption (furniture)
    credit_rule: str = ""
    lead_credit: str = ""  # another picture's credit printed before the caption on its first line
    lead_credit_rule: str = ""

    @cached_property
    def box(self) -> Box:
        return enclosing(ln.box for ln in self.lines)

    def line_texts(self) -> tuple[str, ...]:
        """Each line's words, the credit printed at the caption's end (and one printed before
        it) taken off its lines."""
        texts = [ln.text for ln in self.lines]
        left = len(self.credit)
        for i in range(len(texts) - 1, -1, -1):
            if left <= 0:
                break
            cut = min(left, len(texts[i]))
            texts[i], left = texts[i][: len(texts[i]) - cut].rstrip(), left - cut
        if self.lead_credit:
            texts[0] = texts[0][len(self.lead_credit):].lstrip()
        return tuple(texts)

    @property
    def style(self) -> Style:
        first = self.lines[0]
        return Style(first.size, first.font, first.bold, first.light)

    @property
    def text(self) -> str:
        """The block's words (a caption without the credits printed after and before it)."""
        text = "".join(ln.text for ln in self.lines)
        text = text[: len(text) - len(self.credit)].rstrip() if self.credit else text
        return text[len(self.lead_credit):].lstrip() if self.lead_credit else text

    @property
    def size(self) -> float:
        return self.lines[0].size


def style_of(line: TextLine) -> Style:
    return Style(*_style_fields(line))


def _style_fields(line: TextLine) -> tuple[float, str, bool, bool]:
    return line.size, line.font, line.bold, line.light



def with_part(block: TextBlock, part: Part, rule: str) -> TextBlock:
    return TextBlock(block.id, block.lines, part, block.container, rule, block.credit, block.credit_rule,
                     block.lead_credit, block.lead_credit_rule)


def make_blocks(lines: tuple[TextLine, ...], regions: Regions) -> list[list[TextLine]]:
    """Group lines into blocks: same style, same column, same box, at the leading of their type."""
    groups: list[list[TextLine]] = []
    open_groups: list[int] = []
    # Each line's box and style, found once (a line is compared with every open group's last).
    container = {id(ln): regions.container(ln.box) for ln in lines}
    style = {id(ln): _style_fields(ln) for ln in lines}  # compared as tuples: cheaper than Style's __eq__
    for line in sorted(lines, key=lambda ln: (ln.box.y0, ln.box.x0)):
        box = container[id(line)]
        best, best_gap = None, None
        for gi in open_groups:
            last = groups[gi][-1]
            gap = line.box.y0 - last.box.y1
            if style[id(last)] != style[id(line)] or container[id(last)] != box:
                continue
            if not -0.3 * line.size <= gap <= LEADING_MAX * line.size:
                continue
            if last.box.x_overlap(line.box) < SAME_COLUMN_OVERLAP * min(last.box.width, line.box.width) \
                    and abs(last.box.x0 - line.box.x0) > SAME_COLUMN_START_EM * line.size:
                continue
            if _rule_between(last.box, line.box, regions):
                continue
            if best_gap is None or gap < best_gap:
                best, best_gap = gi, gap
        if best is None:
            groups.append([line])
            open_groups.append(len(groups) - 1)
        else:
            groups[best].append(line)
        # A group is open while its last line can still be followed (within a few lines).
        open_groups = [gi for gi in open_groups if line.box.y0 - groups[gi][-1].box.y1 <= 3 * line.size]
    return groups


def _rule_between(above: Box, below: Box, regions: Regions) -> bool:
    return any(r.x_overlap(below) > 0.5 * below.width for r in regions.hrules_between(above.y1 - 1, below.y0 + 1))



def heading_like(block: TextBlock) -> bool:
    """Short, with words and no sentence: a title, a subhead, a label, a byline."""
    text = block.text.strip()
    return len(text) <= HEADING_MAX_CHARS \
        and not _SENTENCE_INSIDE.search(text) and bool(HAN_CHAR.search(text))


def byline_text(text: str) -> bool:
    """Is the text a byline: short, no sentence, opening like one (本报记者, 新华社记者, 文/) or
    naming a reporter's role (通讯员, 记者; layout.yaml)?"""
    text = text.lstrip(MARKERS + " ")
    if len(text) > BYLINE_MAX_CHARS or CLAUSE_OR_SENTENCE_MARK.search(text):
        return False
    words = layout_words()
    return any(re.match(p, text) for p in words["byline_patterns"]) or any(role in text for role in words["byline_roles"])


def box_heading(block: TextBlock) -> bool:
    """The heading of a box inside an article (链接, 记者手记, 延伸阅读; layout.yaml)."""
    return block.text.strip(MARKERS + " ") in layout_words()["box_headings"]
