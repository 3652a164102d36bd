"""Headline stacks: a title and the short lines standing right above and below it.

Above a title stand its column label and its kicker (引题); below it its subtitle (副题,
often opening with ——) and its byline. They belong to the title when they stand within
its reach — the stretch of the page at the title's height that nothing else occupies (a
centred title over seven columns reaches across all seven; a title beside another module
reaches to the rule or the text that stands beside it) — and close above or below it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parkdigest.convert.pdf.blocks import MARKERS, Part, TextBlock, byline_text
from parkdigest.convert.pdf.extract import Box
from parkdigest.convert.pdf.lines import TypeMeasure
from parkdigest.convert.pdf.regions import Regions
from parkdigest.text import CLAUSE_OR_SENTENCE_MARK, FULL_STOP, dateline_opens

# A stack's parts stand this close: white of at most this share of the title's type size, or
# of one body line when that is more (a byline under a small title).
STACK_GAP_TITLE = 0.75
STACK_GAP_LINES = 1.2
# Type sizes this close (points) are one size.
SAME_SIZE = 0.5
# A block belongs to a stack when this share of its width lies within the title's reach.
IN_REACH = 0.8
# A column stands under a title's reach when most of its width does: a column of the module
# beside it may start a few points inside the reach, where the title beside ends short of its text.
UNDER_REACH = 0.5
# A label is short: a column name (经济观察, 记者手记), not a clause (a kicker is one).
LABEL_MAX_CHARS = 8
CLAUSE_MARKS = re.compile(r"[，。；！？、：—]|\s")
SUBTITLE_MARK = re.compile(r"^[—―-]{1,2}")


@dataclass(frozen=True)
class Stack:
    """A headline stack; block ids of each part (the title may be several blocks)."""

    title: tuple[int, ...]
    reach: Box  # the stretch of the page the title heads
    label: tuple[int, ...] = ()
    kicker: tuple[int, ...] = ()
    subtitle: tuple[int, ...] = ()
    byline: tuple[int, ...] = ()

    @property
    def members(self) -> tuple[int, ...]:
        return self.label + self.kicker + self.title + self.subtitle + self.byline


def find_stacks(blocks: list[TextBlock], regions: Regions, measure: TypeMeasure, page_box: Box) -> list[Stack]:
    """Every headline stack of the page, top to bottom. The biggest titles are read first: type
    of a title's size set smaller right over or under it is its kicker or subtitle."""
    titles = sorted((b for b in blocks if b.part is Part.TITLE), key=lambda b: (-b.size, b.box.y0, b.box.x0))
    taken: set[int] = set()
    stacks: list[Stack] = []
    for title in titles:
        if title.id in taken:
            continue
        group = _title_group(title, titles, taken)
        taken.update(b.id for b in group)
        head_box = _enclose(group)
        reach = _reach(head_box, blocks, regions, page_box, {b.id for b in group})
        gap = max(STACK_GAP_TITLE * title.size, STACK_GAP_LINES * measure.pitch)
        above = _chain(head_box, title, blocks, reach, gap, taken, regions, up=True)
        below = _chain(head_box, title, blocks, reach, gap, taken, regions, up=False)
        taken.update(b.id for b in above + below)
        stacks.append(_assign_parts(group, above, below, reach, blocks))
    return sorted(stacks, key=lambda s: (min(blocks[i].box.y0 for i in s.title), min(blocks[i].box.x0 for i in s.title)))


def _title_group(first: TextBlock, titles: list[TextBlock], taken: set[int]) -> list[TextBlock]:
    """Title blocks of one size stacked one under another: the lines of one title."""
    group = [first]
    for other in sorted(titles, key=lambda b: b.box.y0):
        if other.id in taken or other.id == first.id or abs(other.size - first.size) > SAME_SIZE:
            continue
        last = group[-1]
        gap = other.box.y0 - last.box.y1
        if 0 <= gap <= STACK_GAP_TITLE * min(last.size, other.size) and other.box.x_overlap(last.box) > 0 \
                and other.container == last.container:
            group.append(other)
    return group


def _enclose(blocks: list[TextBlock]) -> Box:
    box = blocks[0].box
    for b in blocks[1:]:
        box = box.union(b.box)
    return box


def _reach(head: Box, blocks: list[TextBlock], regions: Regions, page_box: Box, own: set[int]) -> Box:
    """How far left and right the title reaches: to the nearest thing beside it at its
    height (text of another block, a picture, a vertical rule), or to the page's text edge."""
    left, right = page_box.x0, page_box.x1
    obstacles = [b.box for b in blocks if b.id not in own and b.part is not Part.FURNITURE]
    obstacles += list(regions.pictures) + list(regions.vrules)
    for box in obstacles:
        if box.y_overlap(head) <= 0.2 * min(box.height, head.height):
            continue
        if box.x1 <= head.x0 + 1:
            left = max(left, box.x1)
        elif box.x0 >= head.x1 - 1:
            right = min(right, box.x0)
    frame = regions.container(head)
    if frame is not None:
        left, right = max(left, frame.x0), min(right, frame.x1)
    return Box(left, head.y0, right, head.y1)


def _chain(head: Box, title: TextBlock, blocks: list[TextBlock], reach: Box, gap: float, taken: set[int],
           regions: Regions, *, up: bool) -> list[TextBlock]:
    """Blocks standing one after another right above (or below) the title, within its reach
    and its box (a box's own heading is not the title's byline), with no rule between (a rule
    closes the module above), that are not running text."""
    chain: list[TextBlock] = []
    edge = head.y0 if up else head.y1
    while True:
        candidates = [b for b in blocks if b.id not in taken and b not in chain
                      and (b.part in (Part.MINOR, Part.LABEL, Part.BODY)
                           or b.part is Part.TITLE and b.size < title.size and _may_stand_with(b, head))
                      and (b.container == title.container or b.part is Part.LABEL)
                      and b.box.x_overlap(reach) >= IN_REACH * b.box.width
                      and (0 <= edge - b.box.y1 <= gap if up else 0 <= b.box.y0 - edge <= gap)
                      and _may_head(b) and (up or not _column_top(b, blocks, reach))
                      and not _ruled_off(b.box, edge, regions, up)]
        if not candidates:
            return chain
        nearest = min(candidates, key=lambda b: edge - b.box.y1 if up else b.box.y0 - edge)
        chain.append(nearest)
        edge = nearest.box.y0 if up else nearest.box.y1


def _may_stand_with(block: TextBlock, head: Box) -> bool:
    """A block in title type, smaller than the title, stands in its stack when over or under
    it (a kicker set big) or when it is a column's label; a title wholly beside the head, over
    other columns, is another article's."""
    return block.box.x_overlap(head) > 0 or _label_like(block)


def _ruled_off(box: Box, edge: float, regions: Regions, up: bool) -> bool:
    top, bottom = (box.y1, edge) if up else (edge, box.y0)
    return any(r.x_overlap(box) > 0.5 * box.width for r in regions.hrules_between(top - 1, bottom + 1))


def _column_top(block: TextBlock, blocks: list[TextBlock], reach: Box) -> bool:
    """Does the block start a column in a row with other columns of running text (of two lines
    at least, and as many as the block's: a short module's columns are short) under the title?
    A subtitle or byline stands alone on its row, over the columns."""
    return any(other.id != block.id and other.part is Part.BODY and len(other.lines) >= max(2, len(block.lines))
               and abs(other.box.y0 - block.box.y0) <= 0.5 * block.size
               and other.box.x_overlap(reach) > UNDER_REACH * other.box.width for other in blocks)


def _may_head(block: TextBlock) -> bool:
    """Running text is not part of a headline stack; one or two short lines may be, unless a
    dateline opens them (本报讯（通讯员…）“…: the text's first lines, at a column's foot) or,
    in the text's type, a full stop ends them (a kicker or a byline omits it: the last words of
    a sentence that goes on from the column before, at the top of the next; a deck set apart
    in its own type may be a sentence)."""
    if dateline_opens(block.text):
        return False
    if block.part is Part.BODY:
        return len(block.lines) <= 2 and not CLAUSE_OR_SENTENCE_MARK.search(block.text[:-1]) \
            and not block.text.endswith(FULL_STOP)
    return len(block.lines) <= 3


def _assign_parts(title: list[TextBlock], above: list[TextBlock], below: list[TextBlock], reach: Box,
                  blocks: list[TextBlock]) -> Stack:
    label: list[int] = []
    kicker: list[int] = []
    subtitle: list[int] = []
    byline: list[int] = []
    for block in above:  # nearest first: a byline set over the title, its kicker, its label
        if byline_text(block.text) and not label:
            byline.append(block.id)
        elif block.part is Part.LABEL or _label_like(block) or label:
            label.append(block.id)
        else:
            kicker.append(block.id)
    for i, block in enumerate(below):
        last = i == len(below) - 1
        if byline and i > 0:
            byline.append(block.id)
        elif SUBTITLE_MARK.match(block.text) and not byline:
            subtitle.append(block.id)
        elif byline_text(block.text) or (last and not CLAUSE_OR_SENTENCE_MARK.search(block.text) and len(block.text) <= 12):
            byline.append(block.id)
        elif block.part is Part.LABEL:
            label.append(block.id)
        else:
            subtitle.append(block.id)
    return Stack(tuple(b.id for b in title), reach, tuple(reversed(label)), tuple(reversed(kicker)),
                 tuple(subtitle), tuple(byline))


def _label_like(block: TextBlock) -> bool:
    """A column label (经济观察, 【政策解读】, ■一线调研): a name of a few characters, no clause;
    or any words set in brackets or behind a block marker (【国家高新区高质量发展 在行动】)."""
    text = block.text.strip()
    if re.fullmatch(r"【[^【】]+】", text) or (text[:1] in "■◆●" and not byline_text(block.text)):
        return True
    text = text.strip(MARKERS + " ")
    return len(text) <= LABEL_MAX_CHARS and not CLAUSE_MARKS.search(text)
