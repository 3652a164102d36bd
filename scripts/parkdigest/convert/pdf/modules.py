"""Modules: which blocks each headline heads, and the order a reader reads them in.

A newspaper article is a rectangle (or an L of rectangles): its headline stack on top and
its columns under it. A block belongs to the nearest stack above it whose reach covers it,
unless a rule between them closes the module (American Stories' association: a headline
takes the text below it that overlaps it horizontally). A block with no stack above it —
the pictures and captions of a photo item whose title stands under them — belongs to the
nearest stack below it. Inside a module the reader goes down each column, then on to the
next column on the right; a spanning picture or box is read where it stands (a recursive
cut of the module along its white gutters, down first into columns, then across).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from parkdigest.convert.pdf.blocks import Part, TextBlock
from parkdigest.convert.pdf.extract import Box, enclosing
from parkdigest.convert.pdf.lines import TypeMeasure
from parkdigest.convert.pdf.regions import Regions
from parkdigest.convert.pdf.stacks import SAME_SIZE, Stack
from parkdigest.text import sentence_closed

# A block is under a stack when this share of its width lies within the stack's reach.
UNDER_REACH = 0.5
# A rule closes a module when it spans this share of the block it stands above...
RULE_SPAN = 0.5
# ... and stands clear of the stack (a rule right under a headline belongs to it).
RULE_CLEAR_LINES = 0.6
# Two items are side by side (a gutter between them) when they overlap vertically by less
# than this many points; the cut tolerates the slack of glyph boxes.
CUT_SLACK = 1.0
# A column goes on in the column on its right across one of the page's gutters (the most
# common white between side-by-side running text), give or take this share of a line's size:
# papers set their gutters anywhere from under one em to a few, the same all over a page.
GUTTER_SLACK_EM = 0.5
# A column's text goes on down past white of at most this many body lines (a subhead's or a
# picture's spacing); under more white, where another module's head starts beside it, a new
# row of modules has begun.
COLUMN_BREAK_LINES = 2.0

T = TypeVar("T")


@dataclass(frozen=True)
class Module:
    stack: Stack | None
    blocks: tuple[int, ...]  # its content blocks (not the stack), in reading order
    box: Box


def find_modules(blocks: list[TextBlock], stacks: list[Stack], regions: Regions, measure: TypeMeasure) -> list[Module]:
    """Every article's module, in the page's reading order; blocks no stack heads form a
    module without a stack. The stories of a package are read inside the package's module
    (their heads are content of its text, read where they stand)."""
    stacks = [s for k, s in enumerate(stacks) if k not in package_stories(blocks, stacks, regions, measure)]
    in_stack = {i for s in stacks for i in s.members}
    heads = [enclosing(blocks[i].box for i in s.members) for s in stacks]
    owner: dict[int, int] = {i: k for k, s in enumerate(stacks) for i in s.members}
    content = [b for b in blocks if b.id not in in_stack and b.part is not Part.FURNITURE]
    # Top down, so that what stands straight above a block is read before it: of the stacks
    # whose reach covers a block, the one whose module holds what stands straight above it
    # (a picture counting as the head's it stands under) heads it, its column going on down;
    # then the one whose column on its left ends mid-sentence; else the nearest (`_stack_above`).
    gutter = _gutter(content)
    pictures = [(picture, _head_over(picture, stacks, heads, regions, measure)) for picture in regions.pictures]
    for block in sorted(content, key=lambda b: (b.box.y0, b.box.x0)):
        prefer = [_owner_straight_above(block, blocks, heads, pictures, owner)]
        if block.part is Part.BODY:
            prefer.append(_owner_going_on(block, _text_that_may_go_on(block, content, owner, heads), owner, gutter))
        found = _stack_above(block, stacks, heads, blocks, regions, measure, prefer=prefer)
        if found is not None:
            owner[block.id] = found
    # Running text (or a heading in it) with no stack above it goes on down its column from the
    # text above it, or, at the top of its column, from the column before it (a story's next
    # column, beside the stack of another item); a picture's caption with no stack above it
    # belongs to the item titled under it (a photo item).
    for block in sorted((b for b in content if b.id not in owner), key=lambda b: (b.box.x0, b.box.y0)):
        found = None
        if block.part in (Part.BODY, Part.MINOR):
            ceiling = _row_start_above(block, blocks, heads, measure, pictures=())
            above = _text_above(block, [b for b in content if b.id in owner], ceiling, regions, measure)
            found = owner[above.id] if above is not None else None
        if found is None and block.part is Part.BODY:
            before = _column_before(block, _text_that_may_go_on(block, content, owner, heads), owner, gutter)
            found = owner[before.id] if before is not None else None
        if found is None:
            found = _stack_below(block, stacks, heads, blocks, regions, measure)
        if found is not None:
            owner[block.id] = found
    orphans = [b for b in content if b.id not in owner]
    for block in orphans:  # beside an owned block (the rest of a column under a picture)
        near = _nearest_owned(block, [b for b in content if b.id in owner])
        if near is not None:
            owner[block.id] = owner[near]
    modules = []
    for k, stack in enumerate(stacks):
        own = [b for b in content if owner.get(b.id) == k]
        box = heads[k]
        for b in own:
            box = box.union(b.box)
        modules.append(Module(stack, tuple(b.id for b in reading_order(own, lambda b: b.box)), box))
    loose = [b for b in content if b.id not in owner]
    if loose:
        modules.append(Module(None, tuple(b.id for b in reading_order(loose, lambda b: b.box)),
                              enclosing(b.box for b in loose)))
    return reading_order(modules, lambda m: m.box)


def package_stories(blocks: list[TextBlock], stacks: list[Stack], regions: Regions,
                    measure: TypeMeasure) -> dict[int, int]:
    """The stacks that head a story of a package, each with the stack of the package's headline
    (by index). A package prints several stories under one headline, each with its own kicker,
    title and byline set in the headline's columns, the headline none (an article of its own
    set in an L around another has a byline of its own): a stack is a story of a stack above it
    when it has a byline, its title is set smaller, it stands within the headline's reach with no
    rule closing the module between them, and the running text beside its head (in the columns
    left and right of it) is the headline's text, or that of a story of the headline. A title
    over a module of its own has no text of another article beside its head, or text headed by
    a stack of its own."""
    heads = [enclosing(blocks[i].box for i in s.members) for s in stacks]
    package: dict[int, int] = {}
    for k in sorted(range(len(stacks)), key=lambda k: (heads[k].y0, heads[k].x0)):
        beside = _text_beside(heads[k], blocks, stacks)
        owners = {_stack_above(b, stacks, heads, blocks, regions, measure) for b in beside}
        headlines = {package.get(o, o) if o is not None else None for o in owners}
        if not stacks[k].byline or len(headlines) != 1 or None in headlines:
            continue
        p = headlines.pop()
        if p is not None and p != k and _may_hold(stacks[p], heads[p], stacks[k], heads[k], blocks, regions, measure):
            package[k] = p
    return package


def _may_hold(package: Stack, head: Box, story: Stack, story_head: Box, blocks: list[TextBlock], regions: Regions,
              measure: TypeMeasure) -> bool:
    """May the story stand under the package's headline: the headline has no byline, a bigger
    title, stands above the story's head and reaches over it, with no rule closing between?"""
    title, story_title = blocks[package.title[0]], blocks[story.title[0]]
    return not package.byline and title.size > story_title.size + SAME_SIZE and head.y1 <= story_head.y0 + CUT_SLACK \
        and _covers_box(package, story_head, blocks, story_title) and not _closed_between(head, story_head, regions, measure)


def _covers_box(stack: Stack, box: Box, blocks: list[TextBlock], block: TextBlock) -> bool:
    """Does the stack's reach cover `box` (`block`'s, or the head of `block`'s stack), in the
    same frame?"""
    if not _in_reach(stack, box):
        return False
    title_frame = blocks[stack.title[0]].container
    return title_frame is None or block.container == title_frame


def _in_reach(stack: Stack, box: Box) -> bool:
    """Does UNDER_REACH of the box's width lie within the stack's reach?"""
    return box.x_overlap(stack.reach) >= UNDER_REACH * box.width


def _text_beside(head: Box, blocks: list[TextBlock], stacks: list[Stack]) -> list[TextBlock]:
    """Running text left and right of a head, at its height (no stack's part)."""
    in_stack = {i for s in stacks for i in s.members}
    return [b for b in blocks if b.part is Part.BODY and b.id not in in_stack and b.box.y_overlap(head) > 0
            and (b.box.x1 <= head.x0 + CUT_SLACK or b.box.x0 >= head.x1 - CUT_SLACK)]


def _stack_above(block: TextBlock, stacks: list[Stack], heads: list[Box], blocks: list[TextBlock],
                 regions: Regions, measure: TypeMeasure, prefer: Sequence[int | None] = ()) -> int | None:
    """The nearest stack above `block` whose reach covers it, with no rule closing a module and
    no new row of modules between (those of `prefer` first, in its order). Where two heads'
    reaches both cover it (a column under the gap between two titles), a head that stands over
    part of it comes before one that stands beside it: a headline takes the text below it."""
    best, best_rank = None, None
    ceiling = _row_start_above(block, blocks, heads, measure, regions.pictures)
    for k, (stack, head) in enumerate(zip(stacks, heads)):
        if head.y1 > block.box.y0 + CUT_SLACK or not _covers(stack, block, blocks):
            continue
        if ceiling is not None and head.y1 <= ceiling:
            continue
        if _closed_between(head, block.box, regions, measure):
            continue
        preferred = prefer.index(k) if k in prefer else len(prefer)
        rank = (preferred, *_over_then_nearest(head, block.box))
        if best_rank is None or rank < best_rank:
            best, best_rank = k, rank
    return best


def _owner_straight_above(block: TextBlock, blocks: list[TextBlock], heads: list[Box],
                          pictures: list[tuple[Box, int | None]], owner: dict[int, int]) -> int | None:
    """The stack whose module holds what stands nearest straight above `block` in its column
    (a block, a picture, or a head as a whole: its byline may stand to the side); None when
    that is nothing or no module's yet."""
    above = [(b.box.y1, owner.get(b.id)) for b in blocks if b.part is not Part.FURNITURE and _in_column_above(b.box, block)]
    above += [(head.y1, k) for k, head in enumerate(heads) if _in_column_above(head, block)]
    above += [(picture.y1, k) for picture, k in pictures if _in_column_above(picture, block)]
    return max(above, key=lambda item: item[0])[1] if above else None


def _head_over(picture: Box, stacks: list[Stack], heads: list[Box], regions: Regions, measure: TypeMeasure) -> int | None:
    """The stack a picture stands under: of the heads above it whose reach covers it (no frame
    asked: a picture is in none), with no rule closing a module between, one over part of it
    before one beside it, then the nearest (a head's picture over its columns; its top may tuck
    under the head's last line)."""
    best, best_rank = None, None
    for k, (stack, head) in enumerate(zip(stacks, heads)):
        if head.y0 >= picture.y0 or not _in_reach(stack, picture):
            continue
        if _closed_between(head, picture, regions, measure):
            continue
        rank = _over_then_nearest(head, picture)
        if best_rank is None or rank < best_rank:
            best, best_rank = k, rank
    return best


def _over_then_nearest(head: Box, box: Box) -> tuple[bool, float]:
    """How a head ranks for the box under it: one over part of it before one beside it, then
    the nearest."""
    return head.x_overlap(box) <= 0, box.y0 - head.y1


def _stack_below(block: TextBlock, stacks: list[Stack], heads: list[Box], blocks: list[TextBlock],
                 regions: Regions, measure: TypeMeasure) -> int | None:
    best, best_distance = None, None
    for k, (stack, head) in enumerate(zip(stacks, heads)):
        if head.y0 < block.box.y1 - CUT_SLACK or not _covers(stack, block, blocks):
            continue
        if _closed_between(block.box, head, regions, measure, clear_of_head=False):
            continue
        distance = head.y0 - block.box.y1
        if best_distance is None or distance < best_distance:
            best, best_distance = k, distance
    return best


def _covers(stack: Stack, block: TextBlock, blocks: list[TextBlock]) -> bool:
    return _covers_box(stack, block.box, blocks, block)


def _closed_between(upper: Box, lower: Box, regions: Regions, measure: TypeMeasure, *, clear_of_head: bool = True) -> bool:
    """Is there a rule between `upper` and `lower` that closes a module above `lower`?"""
    clear = RULE_CLEAR_LINES * measure.pitch if clear_of_head else 0.0
    for rule in regions.hrules:
        if upper.y1 + clear <= rule.cy <= lower.y0 + CUT_SLACK and rule.x_overlap(lower) >= RULE_SPAN * lower.width:
            return True
    return False


def _gutter(content: list[TextBlock]) -> float | None:
    """The page's gutter: the most common white between running text and the running text
    nearest on its right at the same height (None on a page of one column)."""
    bodies = [b for b in content if b.part is Part.BODY]
    gaps = []
    for block in bodies:
        right = [b.box.x0 - block.box.x1 for b in bodies
                 if b.box.x0 >= block.box.x1 - CUT_SLACK and b.box.y_overlap(block.box) > 0]
        if right:
            gaps.append(round(max(0.0, min(right))))
    return Counter(gaps).most_common(1)[0][0] if gaps else None


def _text_above(block: TextBlock, owned: list[TextBlock], ceiling: float | None, regions: Regions,
                measure: TypeMeasure) -> TextBlock | None:
    """The text straight above `block` in its column, with no rule closing a module between
    and no row of modules starting between: the column goes on down to `block`."""
    above = [b for b in owned if _in_column_above(b.box, block)]
    if not above:
        return None
    nearest = max(above, key=lambda b: b.box.y1)
    if ceiling is not None and nearest.box.y1 <= ceiling:
        return None
    return None if _closed_between(nearest.box, block.box, regions, measure, clear_of_head=False) else nearest


def _in_column_above(upper: Box, block: TextBlock) -> bool:
    return upper.y1 <= block.box.y0 + CUT_SLACK \
        and upper.x_overlap(block.box) >= UNDER_REACH * min(upper.width, block.box.width)


def _row_start_above(block: TextBlock, blocks: list[TextBlock], heads: list[Box], measure: TypeMeasure,
                     pictures: tuple[Box, ...]) -> float | None:
    """Where a row of modules starts between `block` and what stands above it in its column
    (text, a head, one of `pictures`): the top of another module's head, beside the column,
    within a white of more than COLUMN_BREAK_LINES over the block (a head over the column
    counts whole: its byline may stand to the side). Nothing above that line goes on down to
    the block. Matching a block to a head, the page's pictures count (a head's picture fills
    the white over its columns); looking for the text a block goes on from, none do."""
    above = [b.box for b in blocks if b.part is not Part.FURNITURE and _in_column_above(b.box, block)]
    above += [box for box in (*heads, *pictures) if _in_column_above(box, block)]
    if not above:
        return None
    top = max(box.y1 for box in above)
    if block.box.y0 - top <= COLUMN_BREAK_LINES * measure.pitch:
        return None
    starts = [head.y0 for head in heads if top < head.y0 <= block.box.y0]
    return min(starts) if starts else None


def _text_that_may_go_on(block: TextBlock, content: list[TextBlock], owner: dict[int, int],
                         heads: list[Box]) -> list[TextBlock]:
    """The running text read so far, but for a module whose head stands below `block` across
    its column: that module's text goes on below its head, never up past it (a brief's, whose
    head stands over another column, may go on at the top of the next one)."""
    def past_its_head(b: TextBlock) -> bool:
        head = heads[owner[b.id]]
        return head.y0 > block.box.y0 + CUT_SLACK and head.x_overlap(block.box) > 0

    return [b for b in content if b.part is Part.BODY and b.id in owner and not past_its_head(b)]


def _column_before(block: TextBlock, owned: list[TextBlock], owner: dict[int, int],
                   gutter: float | None) -> TextBlock | None:
    """The running text at the foot of the column just left of `block`, one gutter away: a
    block left of it whose column goes down at least as far as `block` starts."""
    if gutter is None:
        return None
    reach = gutter + GUTTER_SLACK_EM * block.lines[0].size
    left = [b for b in owned if b.box.x1 <= block.box.x0 + CUT_SLACK and b.box.y1 >= block.box.y0
            and block.box.x0 - b.box.x1 <= reach]
    if not left:
        return None
    column = max(b.box.x1 for b in left)
    feet = [b for b in left if b.box.x1 >= column - 2 * CUT_SLACK]
    # A column that ends mid-sentence goes on at the top of the next one: of the column's
    # blocks, one whose text stops unclosed and does not already go on in its own module's
    # next column beside it, else the lowest.
    open_feet = [b for b in feet if not sentence_closed(b.text)
                 and not any(owner[o.id] == owner[b.id] and _beside(b, o, reach) for o in owned)]
    return max(open_feet or feet, key=lambda b: b.box.y1)


def _owner_going_on(block: TextBlock, owned: list[TextBlock], owner: dict[int, int], gutter: float | None) -> int | None:
    """The module whose column just left of `block` (`_column_before`, of `owned`) ends
    mid-sentence: its text may go on in `block`'s column. None when there is no such column or
    its foot closes its sentence."""
    before = _column_before(block, owned, owner, gutter)
    return owner[before.id] if before is not None and not sentence_closed(before.text) else None


def _beside(left: TextBlock, right: TextBlock, reach: float) -> bool:
    """Does `right` stand one gutter right of `left`, at its height (its next column)?"""
    return 0 <= right.box.x0 - left.box.x1 + CUT_SLACK <= reach + CUT_SLACK and right.box.y_overlap(left.box) > 0


def _nearest_owned(block: TextBlock, owned: list[TextBlock]) -> int | None:
    best, best_distance = None, None
    for other in owned:
        dx = max(0.0, other.box.x0 - block.box.x1, block.box.x0 - other.box.x1)
        dy = max(0.0, other.box.y0 - block.box.y1, block.box.y0 - other.box.y1)
        distance = dx + dy
        if best_distance is None or distance < best_distance:
            best, best_distance = other.id, distance
    return best


def reading_order(items: Sequence[T], box_of: Callable[[T], Box]) -> list[T]:
    """Items in the order a reader takes them: cut along white gutters that run the full
    height into columns (left to right), else along white gaps that run the full width
    into rows (top to bottom), and so on inside each part."""
    if len(items) <= 1:
        return list(items)
    for cut in (_columns, _rows):
        parts = cut(list(items), box_of)
        if len(parts) > 1:
            return [item for part in parts for item in reading_order(part, box_of)]
    return sorted(items, key=lambda item: (box_of(item).y0, box_of(item).x0))


def _columns(items: list[T], box_of: Callable[[T], Box]) -> list[list[T]]:
    ordered = sorted(items, key=lambda item: box_of(item).x0)
    parts: list[list[T]] = [[ordered[0]]]
    right = box_of(ordered[0]).x1
    for item in ordered[1:]:
        box = box_of(item)
        if box.x0 >= right - CUT_SLACK:
            parts.append([item])
        else:
            parts[-1].append(item)
        right = max(right, box.x1)
    return parts


def _rows(items: list[T], box_of: Callable[[T], Box]) -> list[list[T]]:
    ordered = sorted(items, key=lambda item: box_of(item).y0)
    parts: list[list[T]] = [[ordered[0]]]
    bottom = box_of(ordered[0]).y1
    for item in ordered[1:]:
        box = box_of(item)
        if box.y0 >= bottom - CUT_SLACK:
            parts.append([item])
        else:
            parts[-1].append(item)
        bottom = max(bottom, box.y1)
    return parts
