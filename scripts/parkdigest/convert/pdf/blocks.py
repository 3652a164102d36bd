"""Lines to blocks, and what each block is by its type and place.

A block is a run of lines set in one style, stacked in one column at the leading of their
type, inside one box: a column of body text, a headline of one or more lines, a byline, a
caption. Its part on the page follows from its type measured against the body type, its
colour, and where it stands (a picture above it, a band around it); what a minor line is
inside a headline stack (kicker, subtitle, byline, label) is decided by `stacks`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from enum import Enum
from functools import cached_property

from parkdigest.convert.pdf.extract import Box, enclosing
from parkdigest.convert.pdf.lines import TextLine, TypeMeasure
from parkdigest.convert.pdf.regions import Regions
from parkdigest.resources import layout_words
from parkdigest.text import DATELINE, HAN_CHAR

# Two lines of one style are one block when the white between them is at most this share of
# their type size (a paragraph's leading; the gap between modules or a headline's parts is
# wider)...
LEADING_MAX = 0.9
# ... and they overlap horizontally by this share of the narrower one, or start this many
# ems apart (one column: a paragraph's short last line may not reach under the indented
# first line above it).
SAME_COLUMN_OVERLAP = 0.5
SAME_COLUMN_START_EM = 2.5
# Type this much bigger than the body type is a headline (kickers, subheads and bylines are
# set at most a third bigger than the text; titles half again as big or more).
TITLE_MIN_RATIO = 1.45
# A style that fills blocks of this many lines is running text: a column, not a headline
# part or a label (a brief's title may take three lines of a narrow column).
RUN_MIN_LINES = 4
# A caption stands within this many body lines under (or over) its picture, in type no bigger
# than the text's.
CAPTION_GAP_LINES = 1.6
CAPTION_MAX_RATIO = 1.1
# A headline needs words: big type without Chinese characters is a data box's figure (11.1%).
TITLE_MIN_HAN = 2
# A closing credit: a line in parentheses that ends an item (（供稿：……）, （据新华社电）).
CLOSING_CREDIT = re.compile(r"^[（(].*[）)]$")


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

    @cached_property
    def box(self) -> Box:
        return enclosing(ln.box for ln in self.lines)

    def line_texts(self) -> tuple[str, ...]:
        """Each line's words, the credit printed at the caption's end taken off its lines."""
        texts = [ln.text for ln in self.lines]
        left = len(self.credit)
        for i in range(len(texts) - 1, -1, -1):
            if left <= 0:
                break
            cut = min(left, len(texts[i]))
            texts[i], left = texts[i][: len(texts[i]) - cut].rstrip(), left - cut
        return tuple(texts)

    @property
    def style(self) -> Style:
        first = self.lines[0]
        return Style(first.size, first.font, first.bold, first.light)

    @property
    def text(self) -> str:
        """The block's words (a caption without the credit printed after it)."""
        text = "".join(ln.text for ln in self.lines)
        return text[: len(text) - len(self.credit)].rstrip() if self.credit else text

    @property
    def size(self) -> float:
        return self.lines[0].size


def style_of(line: TextLine) -> Style:
    return Style(line.size, line.font, line.bold, line.light)


def make_blocks(lines: tuple[TextLine, ...], regions: Regions) -> list[list[TextLine]]:
    """Group lines into blocks: same style, same column, same box, at the leading of their type."""
    groups: list[list[TextLine]] = []
    open_groups: list[int] = []
    for line in sorted(lines, key=lambda ln: (ln.box.y0, ln.box.x0)):
        box = regions.container(line.box)
        best, best_gap = None, None
        for gi in open_groups:
            last = groups[gi][-1]
            gap = line.box.y0 - last.box.y1
            if style_of(last) != style_of(line) or regions.container(last.box) != box:
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
    return any(above.y1 - 1 <= r.cy <= below.y0 + 1 and r.x_overlap(below) > 0.5 * below.width for r in regions.hrules)


def classify_blocks(groups: list[list[TextLine]], regions: Regions, measure: TypeMeasure,
                    furniture_rule) -> list[TextBlock]:
    """Each block's part by its type, colour and place; `furniture_rule(text)` names the rule a
    text matches on its own words ('' for none)."""
    running = _running_styles(groups)
    groups = [part for lines in groups for part in _split_credit(lines, running, furniture_rule)]
    groups = [part for lines in groups for part in _split_heading_parts(lines, running, furniture_rule)]
    blocks = [TextBlock(i, tuple(lines), Part.MINOR, regions.container(enclosing(ln.box for ln in lines)))
              for i, lines in enumerate(groups)]
    labels = _boxed_labels(blocks)
    blocks = [_as(b, Part.LABEL, "boxed") if b.id in labels and not regions.in_band(b.box)
              else _part(b, regions, measure, running, furniture_rule) for b in blocks]
    blocks = _captions(blocks, regions, measure, furniture_rule)
    return _short_titles(_stack_titles(blocks, measure), regions, measure)


# A label in a box of its own: one or two short lines alone in a frame (【绿色发展】 in a box).
LABEL_MAX_CHARS = 12


def _boxed_labels(blocks: list[TextBlock]) -> set[int]:
    by_box: dict[Box, list[TextBlock]] = {}
    for block in blocks:
        if block.container is not None:
            by_box.setdefault(block.container, []).append(block)
    return {inside[0].id for inside in by_box.values()
            if len(inside) == 1 and len(inside[0].lines) <= 2 and len(inside[0].text.strip(MARKERS + " ")) <= LABEL_MAX_CHARS}


def _split_credit(lines: list[TextLine], running: set[Style], furniture_rule) -> list[list[TextLine]]:
    """A caption set with its picture's credit under it in the same type (图为……。/ XX供图):
    the credit lines at its end are a block of their own."""
    if len(lines) < 2 or (style_of(lines[0]) in running and len(lines) >= RUN_MIN_LINES):
        return [lines]
    for cut in range(1, len(lines)):
        if furniture_rule("".join(ln.text for ln in lines[cut:])) \
                and not furniture_rule("".join(ln.text for ln in lines[:cut])):
            return [lines[:cut], lines[cut:]]
    return [lines]


def _split_heading_parts(lines: list[TextLine], running: set[Style], furniture_rule) -> list[list[TextLine]]:
    """Headline parts set in one type one under another (文/郑丽娟 over ——国家高新区一线见闻):
    a line opening with a dash (a subtitle) or after a line ending with one (a kicker), or a
    byline next to a line that is none, stands apart (a photo credit over two lines, 新华社记者
    江宏景摄 / （人民视觉）, stays whole). Titles are split here too: running text never is."""
    if len(lines) < 2 or len(lines) > SHORT_TITLE_MAX_LINES + 1 or style_of(lines[0]) in running \
            or furniture_rule("".join(ln.text for ln in lines)):
        return [lines]
    parts = [[lines[0]]]
    for line in lines[1:]:
        if line.text.startswith(("——", "—")) or parts[-1][-1].text.endswith(("——", "—")) \
                or _byline_text(line.text) != _byline_text(parts[-1][-1].text):
            parts.append([line])
        else:
            parts[-1].append(line)
    return parts


def _running_styles(groups: list[list[TextLine]]) -> set[Style]:
    """Styles that fill columns: set in blocks of several lines."""
    chars: Counter[Style] = Counter()
    for lines in groups:
        if len(lines) >= RUN_MIN_LINES:
            chars[style_of(lines[0])] += sum(ln.chars for ln in lines)
    return set(chars)


def _part(block: TextBlock, regions: Regions, measure: TypeMeasure, running: set[Style], furniture_rule) -> TextBlock:
    if regions.in_band(block.box):
        return _as(block, Part.FURNITURE, furniture_rule(block.text) or "band")
    style = block.style
    if style.light:
        return _as(block, Part.LABEL, "reversed")
    ratio = block.size / measure.size
    if ratio >= TITLE_MIN_RATIO and len(HAN_CHAR.findall(block.text)) >= TITLE_MIN_HAN:
        return _as(block, Part.TITLE, "type-size")
    rule = _furniture(block, furniture_rule)
    if rule and (style not in running or len(block.lines) <= 2):
        return _as(block, Part.FURNITURE, rule)
    if style in running or ratio >= TITLE_MIN_RATIO:
        return _as(block, Part.BODY, "running-text")
    return block


def _furniture(block: TextBlock, furniture_rule) -> str:
    """The furniture rule the block's text matches, or that each of its lines matches (a
    picture's credits stacked: 受访者供图 / 视觉中国)."""
    rule = furniture_rule(block.text)
    if rule or len(block.lines) == 1:
        return rule
    rules = [furniture_rule(ln.text) for ln in block.lines]
    return rules[0] if all(rules) else ""


def _as(block: TextBlock, part: Part, rule: str) -> TextBlock:
    return TextBlock(block.id, block.lines, part, block.container, rule, block.credit, block.credit_rule)


def _with_credit(block: TextBlock, furniture_rule) -> TextBlock:
    """A caption with its picture's credit run on after it (……一景。福建船政文化管理委员会供图,
    数据来源：…… 制图：张芳曼): the credit is cut off after the caption's last full stop or
    at a space, the longest credit that is furniture by its own words."""
    text = "".join(ln.text for ln in block.lines)
    stop = text.rfind("。", 0, len(text) - 1)
    cuts = sorted({i + 1 for i, ch in enumerate(text) if ch == " "} | ({stop + 1} if stop > 0 else set()))
    for cut in cuts:
        head, tail = text[:cut].rstrip(), text[cut:].strip()
        rule = furniture_rule(tail)
        if head and tail and rule and not furniture_rule(head) and HAN_CHAR.search(head):
            return TextBlock(block.id, block.lines, block.part, block.container, block.rule, text[cut:], rule)
    return block


def _captions(blocks: list[TextBlock], regions: Regions, measure: TypeMeasure, furniture_rule) -> list[TextBlock]:
    """A block standing right under a picture, within its width, in a style other than the
    body text's, is its caption; so is every other block in that style (the page's caption
    type)."""
    gap = CAPTION_GAP_LINES * measure.pitch
    caption_styles: set[Style] = set()
    out = list(blocks)
    for picture in regions.pictures:
        below = sorted((b for b in out if b.part in (Part.MINOR, Part.BODY, Part.FURNITURE)
                        and picture.y1 - 2 <= b.box.y0 <= picture.y1 + gap + _furniture_height(out, picture, gap)
                        and b.box.x_overlap(picture) >= 0.8 * b.box.width), key=lambda b: b.box.y0)
        for block in below:
            if block.part is Part.FURNITURE:
                continue  # a credit between the picture and its caption
            if block.style == _body_style(out, measure) or block.size > CAPTION_MAX_RATIO * measure.size:
                break  # the text, or a title under its picture (a photo item's), is no caption
            out[block.id] = _with_credit(_as(block, Part.CAPTION, "under-picture"), furniture_rule)
            caption_styles.add(block.style)
            break
    for block in out:
        if block.part is Part.MINOR and block.style in caption_styles:
            out[block.id] = _with_credit(_as(block, Part.CAPTION, "caption-type"), furniture_rule)
    return out


def _furniture_height(blocks: list[TextBlock], picture: Box, gap: float) -> float:
    """Room taken under a picture by its credit lines (furniture), so the caption below them counts."""
    credits = [b for b in blocks if b.part is Part.FURNITURE and picture.y1 - 2 <= b.box.y0 <= picture.y1 + gap * 2
               and b.box.x_overlap(picture) > 0]
    return sum(b.box.height for b in credits)


def _body_style(blocks: list[TextBlock], measure: TypeMeasure) -> Style | None:
    chars: Counter[Style] = Counter()
    for b in blocks:
        if b.part is Part.BODY:
            chars[b.style] += sum(ln.chars for ln in b.lines)
    return chars.most_common(1)[0][0] if chars else None


# A heading of the text's own size (a brief's bold title, 简讯) has at most this many lines
# and characters, and no sentence in it.
SHORT_TITLE_MAX_LINES = 3
SHORT_TITLE_MAX_CHARS = 48
# Marks printed before a label, a byline or a heading.
MARKERS = "■□◆◇●○▲△▶►★☆【】"
_SENTENCE_INSIDE = re.compile(r"[。；]|[，、：]$")


# Two headline parts stand this close: white of at most this many body lines, or of this share
# of the bigger one's type.
STACK_GAP_LINES = 1.2
STACK_GAP_SIZE = 0.75
# The biggest type of a stack is its title when it is at least this much bigger than the text
# (a kicker, a subtitle and a byline are smaller than the title they stand with).
STACK_TITLE_MIN_RATIO = 1.12


def _stack_titles(blocks: list[TextBlock], measure: TypeMeasure) -> list[TextBlock]:
    """Headings stacked one over another (label, kicker, title, byline; none of them running
    text) make a headline stack: its biggest type is its title, however small the page sets
    titles. A heading standing alone is a subhead unless `_short_titles` finds it opens an item."""
    out = list(blocks)
    heads = [b for b in blocks if b.part in (Part.MINOR, Part.LABEL, Part.TITLE) and b.container is None
             and _heading_like(b)]
    titles = [b for b in blocks if b.part is Part.TITLE]
    for chain in _chains(heads, measure):
        if any(b.part is Part.TITLE or _beside_title(b, titles, measure) for b in chain) or len(chain) < 2 \
                or _box_heading(chain[0]):
            continue
        minor = [b for b in chain if b.part is Part.MINOR]
        if not minor:
            continue
        biggest = max(minor, key=lambda b: b.size)
        if biggest.size >= STACK_TITLE_MIN_RATIO * measure.size and \
                all(b.size < biggest.size for b in minor if b.id != biggest.id):
            out[biggest.id] = _as(biggest, Part.TITLE, "stack-title")
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
        if block.part is not Part.MINOR or block.container is not None or not _heading_like(block) \
                or _beside_title(block, titles, measure):
            continue  # a framed box's heading (延伸阅读 and its title) belongs to the article around it
        below = _next_in_column(block, blocks, measure, down=True)
        above = _next_in_column(block, blocks, measure, down=False)
        if below is None or below.style == block.style or (below.part is not Part.BODY and _heading_like(below)):
            continue  # a title heads text: over another heading stands a label or a kicker
        opens = bool(DATELINE.match(below.text)) or _byline_words(below)
        if above is not None and _box_heading(above):
            continue  # the title of a box inside an article: ■延伸阅读, 记者手记, 链接 (layout.yaml)
        closes = above is None and (_rule_above(block, regions, measure) or _picture_above(block, regions, measure)) \
            or above is not None and (
            CLOSING_CREDIT.match(above.text.strip()) is not None or above.part is Part.LABEL
            or (len(above.lines) == 1 and above.box.width < 0.5 * block.box.width and _heading_like(above)))
        if opens or closes:
            out[block.id] = _as(block, Part.TITLE, "short-title")
    return out


# A kicker or byline may stand off to the side of a centred title by this many of its ems.
STACK_OFFSET_EM = 4.0


def _beside_title(block: TextBlock, titles: list[TextBlock], measure: TypeMeasure) -> bool:
    """Right above or below a title, over or under it or off to its side by a little (a kicker
    set flush left over a centred title): a part of its stack."""
    for t in titles:
        apart = max(t.box.x0 - block.box.x1, block.box.x0 - t.box.x1, 0.0)
        near = max(2 * measure.pitch, t.size)
        above, below = t.box.y0 - block.box.y1, block.box.y0 - t.box.y1
        if apart <= STACK_OFFSET_EM * t.size and (-1 <= above <= near or -1 <= below <= near):
            return True
    return False


def _heading_like(block: TextBlock) -> bool:
    text = block.text.strip()
    return len(block.lines) <= SHORT_TITLE_MAX_LINES and len(text) <= SHORT_TITLE_MAX_CHARS \
        and not _SENTENCE_INSIDE.search(text) and bool(HAN_CHAR.search(text))


def _next_in_column(block: TextBlock, blocks: list[TextBlock], measure: TypeMeasure, *, down: bool) -> TextBlock | None:
    """The nearest block right under (or over) `block` in its column, within two lines."""
    near = [b for b in blocks if b.id != block.id and b.part is not Part.FURNITURE
            and b.box.x_overlap(block.box) >= 0.5 * min(b.box.width, block.box.width)
            and 0 <= ((b.box.y0 - block.box.y1) if down else (block.box.y0 - b.box.y1)) <= 2 * measure.pitch]
    return min(near, key=lambda b: b.box.y0 - block.box.y1 if down else block.box.y0 - b.box.y1, default=None)


def _picture_above(block: TextBlock, regions: Regions, measure: TypeMeasure) -> bool:
    """A picture right over it: the title of a photo item, set under its picture."""
    return any(0 <= block.box.y0 - p.y1 <= 2 * measure.pitch and p.x_overlap(block.box) >= 0.8 * block.box.width
               for p in regions.pictures)


def _rule_above(block: TextBlock, regions: Regions, measure: TypeMeasure) -> bool:
    return any(0 <= block.box.y0 - r.cy <= 2 * measure.pitch and r.x_overlap(block.box) >= 0.8 * block.box.width
               for r in regions.hrules)


def _box_heading(block: TextBlock) -> bool:
    return block.text.strip(MARKERS + " ") in layout_words()["box_headings"]


def _byline_words(block: TextBlock) -> bool:
    return _byline_text(block.text)


def _byline_text(text: str) -> bool:
    """Does the text open like a byline (本报记者, 新华社记者, 文/)?"""
    text = text.lstrip(MARKERS + " ")
    return len(text) <= 40 and any(re.match(p, text) for p in layout_words()["byline_patterns"])
