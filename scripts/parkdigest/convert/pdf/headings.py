"""Titles set no bigger than headlines should be: headings stacked over columns (label, kicker,
title, byline) take their biggest type as the title; a heading standing alone is a title where
something says a new item begins (a dateline or a byline under it; a closing credit, a section
label, a rule or a picture over it) — else it is a subhead of the text around it.
"""

from __future__ import annotations

from collections.abc import Sequence

from parkdigest.convert.pdf.blocks import (
    CLOSING_CREDIT,
    Part,
    TextBlock,
    box_heading,
    byline_text,
    heading_like,
    with_part,
)
from parkdigest.convert.pdf.extract import Box
from parkdigest.convert.pdf.lines import TypeMeasure
from parkdigest.convert.pdf.regions import Regions
from parkdigest.text import dateline_opens


def promote_titles(blocks: list[TextBlock], regions: Regions, measure: TypeMeasure) -> list[TextBlock]:
    """The page's blocks with the titles set small found."""
    return _short_titles(_stack_titles(blocks, regions, measure), regions, measure)


# Two headline parts stand this close: white of at most this many body lines, or of this share
# of the bigger one's type.
STACK_GAP_LINES = 1.2
STACK_GAP_SIZE = 0.75
# The biggest type of a stack is its title when it is at least this much bigger than the text
# (a kicker, a subtitle and a byline are smaller than the title they stand with).
STACK_TITLE_MIN_RATIO = 1.12



def _stack_titles(blocks: list[TextBlock], regions: Regions, measure: TypeMeasure) -> list[TextBlock]:
    """Headings stacked one over another (label, kicker, title, byline; none of them running
    text) make a headline stack: its biggest type is its title, however small the page sets
    titles. A heading standing alone is a subhead unless `_short_titles` finds it opens an item."""
    out = list(blocks)
    heads = [b for b in blocks if b.part in (Part.MINOR, Part.LABEL, Part.TITLE) and b.container is None
             and heading_like(b)]
    titles = [b for b in blocks if b.part is Part.TITLE]
    for chain in _chains(heads, measure):
        # A line under the chain's first stands in this stack, though it also comes under a title
        # off to its side (a byline under the chain's own title, below another module's title).
        if any(b.part is Part.TITLE or _beside_title(b, titles, regions, measure, under=b is chain[0]) for b in chain) \
                or len(chain) < 2 or box_heading(chain[0]):
            continue
        minor = [b for b in chain if b.part is Part.MINOR]
        if not minor:
            continue
        biggest = max(minor, key=lambda b: b.size)
        if biggest.size >= STACK_TITLE_MIN_RATIO * measure.size and \
                all(b.size < biggest.size for b in minor if b.id != biggest.id):
            out[biggest.id] = with_part(biggest, Part.TITLE, "stack-title")
    return out


def _chains(heads: list[TextBlock], measure: TypeMeasure) -> list[list[TextBlock]]:
    """Heading blocks stacked one under another, each overlapping the next horizontally."""
    chains: list[list[TextBlock]] = []
    for block in sorted(heads, key=lambda b: b.box.y0):
        for chain in chains:
            last = chain[-1]
            gap = block.box.y0 - last.box.y1
            if -1 <= gap <= max(STACK_GAP_LINES * measure.pitch, STACK_GAP_SIZE * max(last.size, block.size)) \
                    and block.box.x_overlap(last.box) > 0:
                chain.append(block)
                break
        else:
            chains.append([block])
    return chains


def _short_titles(blocks: list[TextBlock], regions: Regions, measure: TypeMeasure) -> list[TextBlock]:
    """A heading set no bigger than the text (bold, or a little larger) is a title, not a
    subhead, where something says a new item begins: the paragraph under it opens with a
    dateline (本报讯, 本报北京3月25日电) or a byline stands under it; or what stands right above it
    ends the previous item (a closing credit （供稿：……）, a section label such as 简讯, a rule)."""
    out = list(blocks)
    titles = [b for b in blocks if b.part is Part.TITLE]
    for block in blocks:
        if block.part is not Part.MINOR or block.container is not None or not heading_like(block):
            continue  # a framed box's heading (延伸阅读 and its title) belongs to the article around it
        below = _next_in_column(block, blocks, measure, down=True)
        above = _next_in_column(block, blocks, measure, down=False)
        if below is None or below.style == block.style or (below.part is not Part.BODY and heading_like(below)):
            continue  # a title heads text: over another heading stands a label or a kicker
        opens = dateline_opens(below.text) or byline_text(below.text)
        # A heading over text that opens as an item does is off to no title's side: its own
        # column's text is under it (a brief's title beside a big title's last line).
        aside = 0.0 if opens and not byline_text(block.text) else STACK_OFFSET_EM
        if _beside_title(block, titles, regions, measure, aside):
            continue
        if above is not None and box_heading(above):
            continue  # the title of a box inside an article: ■延伸阅读, 记者手记, 链接 (layout.yaml)
        closes = above is None and (_rule_above(block, regions, measure)
                                    or _picture_above(block, regions, measure, blocks) is not None) \
            or above is not None and (
            CLOSING_CREDIT.match(above.text.strip()) is not None or above.part is Part.LABEL
            or (len(above.lines) == 1 and above.box.width < 0.5 * block.box.width and heading_like(above)
                and not byline_text(above.text)))  # a byline opens an item (记者 蒋丽), it closes none
        if opens or closes:
            out[block.id] = with_part(block, Part.TITLE, "short-title")
    return out


# A kicker or byline may stand off to the side of a centred title by this many of its ems.
STACK_OFFSET_EM = 4.0


def _beside_title(block: TextBlock, titles: list[TextBlock], regions: Regions, measure: TypeMeasure,
                  aside: float = STACK_OFFSET_EM, under: bool = True) -> bool:
    """Right above or below a title, over or under it or off to its side by at most `aside` of
    the title's ems (a kicker set flush left over a centred title), with no column rule between them and not under a
    picture beside it (the title of a photo item): a part of its stack (`under`: right below one
    counts too; not for a line under another heading of its own stack). A block level with a
    title, beside it, stands in another column: no part of any stack."""
    if any(t.box.y_overlap(block.box) > 0 and t.box.x_overlap(block.box) <= 0 for t in titles):
        return False
    picture = _picture_above(block, regions, measure, ())  # (any picture over it: captions not asked)
    for t in titles:
        if regions.vrule_between(t.box, block.box) or (picture is not None and picture.x_overlap(t.box) <= 0):
            continue
        apart = max(t.box.x0 - block.box.x1, block.box.x0 - t.box.x1, 0.0)
        near = max(2 * measure.pitch, t.size)
        above, below = t.box.y0 - block.box.y1, block.box.y0 - t.box.y1
        if -1 <= above <= near and block.box.x0 > t.box.x1:
            continue  # a kicker set off a centred title stands flush left of it; right of it, another column's
        if apart <= aside * t.size and (-1 <= above <= near or (under and -1 <= below <= near)):
            return True
    return False


def _next_in_column(block: TextBlock, blocks: list[TextBlock], measure: TypeMeasure, *, down: bool) -> TextBlock | None:
    """The nearest block right under (or over) `block` in its column, within two lines. A
    heading set across a gutter (a photo item's title centred over its caption's two columns)
    has no column of its own: the columns it straddles stand under it."""
    near = [b for b in blocks if b.id != block.id and b.part is not Part.FURNITURE
            and 0 <= ((b.box.y0 - block.box.y1) if down else (block.box.y0 - b.box.y1)) <= 2 * measure.pitch]
    column = [b for b in near if b.box.x_overlap(block.box) >= 0.5 * min(b.box.width, block.box.width)]
    straddled = [b for b in near if b.box.x_overlap(block.box) > 0]
    return min(column or straddled, key=lambda b: b.box.y0 - block.box.y1 if down else block.box.y0 - b.box.y1,
               default=None)


def _picture_above(block: TextBlock, regions: Regions, measure: TypeMeasure,
                   blocks: Sequence[TextBlock]) -> Box | None:
    """The picture right over it, if any: the title of a photo item stands under its picture,
    before its caption. A heading under the level of a caption printed under the picture (a
    subhead atop a column beside the caption) is not the picture's."""
    return next((p for p in regions.pictures
                 if 0 <= block.box.y0 - p.y1 <= 2 * measure.pitch and p.x_overlap(block.box) >= 0.8 * block.box.width
                 and not any(b.part is Part.CAPTION and p.y1 - 1 <= b.box.y0 and b.box.y1 <= block.box.y0
                             and b.box.x_overlap(p) > 0 for b in blocks)),
                None)


def _rule_above(block: TextBlock, regions: Regions, measure: TypeMeasure) -> bool:
    return any(0 <= block.box.y0 - r.cy <= 2 * measure.pitch and r.x_overlap(block.box) >= 0.8 * block.box.width
               for r in regions.hrules)


