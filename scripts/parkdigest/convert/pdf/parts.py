"""What each block is on the page: furniture (in a band, or by its own words), a label
(reversed, or alone in a box), a title (type of the headlines' order), running text (a style
that fills columns), a caption (`captions`), a title set small (`headings`), or a minor part
whose role in a headline stack `stacks` decides.
"""

from __future__ import annotations

from parkdigest.convert.pdf.blocks import (
    HEADING_MAX_LINES,
    MARKERS,
    Part,
    Style,
    TextBlock,
    byline_text,
    style_of,
    with_part,
)
from parkdigest.convert.pdf.captions import mark_captions
from parkdigest.convert.pdf.extract import Box, enclosing
from parkdigest.convert.pdf.headings import promote_titles
from parkdigest.convert.pdf.lines import HEADLINE_RATIO, TextLine, TypeMeasure
from parkdigest.convert.pdf.regions import Regions
from parkdigest.resources import Says, StructuralRule, says_of
from parkdigest.text import CLAUSE_OR_SENTENCE_MARK, FULL_STOP, HAN_CHAR

# A style that fills blocks of this many lines is running text: a column, not a headline
# part or a label.
RUN_MIN_LINES = 5
# ... and holds sentences: five lines of Chinese running text never go without a few clause or
# sentence marks, where a headline has one comma at most.
RUN_MIN_MARKS = 2
# A headline needs words: big type without Chinese characters is a data box's figure (11.1%),
# and no full stop (FULL_STOP): a sentence set in headline type is a lead standing with the
# title (a kicker or a deck), never the title itself (headlines end without one).
TITLE_MIN_HAN = 2


def classify_blocks(groups: list[list[TextLine]], regions: Regions, measure: TypeMeasure,
                    furniture_rule) -> list[TextBlock]:
    """Each block's part by its type, colour and place; `furniture_rule(text)` names the rule a
    text matches on its own words ('' for none)."""
    running = _running_styles(groups, measure)
    groups = [part for lines in groups for part in _split_credit(lines, running, furniture_rule)]
    groups = [part for lines in groups for part in _split_heading_parts(lines, running, furniture_rule)]
    blocks = [TextBlock(i, tuple(lines), Part.MINOR, regions.container(enclosing(ln.box for ln in lines)))
              for i, lines in enumerate(groups)]
    labels = _boxed_labels(blocks)
    blocks = [with_part(b, Part.LABEL, "boxed") if b.id in labels and not regions.in_band(b.box)
              else _part(b, regions, measure, running, furniture_rule) for b in blocks]
    blocks = _on_folio_rows(blocks)
    blocks = mark_captions(blocks, regions, measure, furniture_rule)
    return promote_titles(blocks, regions, measure)


# What a folio line says: the page's number, the issue, the date — a row holding one is the folio's.
FOLIO_SAYS = frozenset({Says.PAGE_NUMBER, Says.PAGE_NUMBER_ALONE, Says.ISSUE, Says.FOLIO_ANCHOR})
# A word of the folio: the publication's name or the page's section (火炬动态, 政策速递), no clause.
FOLIO_WORD_MAX_HAN = 8
# Two boxes stand on one row when they overlap by this share of the lower one's height.
SAME_ROW_SHARE = 0.5


def _on_folio_rows(blocks: list[TextBlock]) -> list[TextBlock]:
    """A short word on the folio's row is the folio's (the text converter's folio block): the
    publication's name set big beside the date and the issue (火炬动态), the page's section. An
    article prints nothing on the row of a page number."""
    folio = [b.box for b in blocks if b.part is Part.FURNITURE and says_of(b.rule) & FOLIO_SAYS]

    def folio_word(block: TextBlock) -> bool:
        text = block.text
        return len(block.lines) == 1 and len(HAN_CHAR.findall(text)) <= FOLIO_WORD_MAX_HAN \
            and not CLAUSE_OR_SENTENCE_MARK.search(text) \
            and any(block.box.y_overlap(box) >= SAME_ROW_SHARE * min(block.box.height, box.height) for box in folio)

    return [with_part(b, Part.FURNITURE, StructuralRule.FOLIO_BLOCK.value)
            if b.part is not Part.FURNITURE and folio_word(b) else b for b in blocks]


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
    if len(lines) < 2 or len(lines) > HEADING_MAX_LINES + 1 or style_of(lines[0]) in running \
            or furniture_rule("".join(ln.text for ln in lines)):
        return [lines]
    parts = [[lines[0]]]
    for line in lines[1:]:
        if line.text.startswith(("——", "—")) or parts[-1][-1].text.endswith(("——", "—")) \
                or byline_text(line.text) != byline_text(parts[-1][-1].text):
            parts.append([line])
        else:
            parts[-1].append(line)
    return parts


def _running_styles(groups: list[list[TextLine]], measure: TypeMeasure) -> set[Style]:
    """Styles that fill columns: set in blocks that hold sentences (a title of five narrow lines
    has none) of five lines or more (a brief's title may take four lines of a narrow column), or
    in the page's body type (a newsletter's short page may have no block that long)."""
    styles = set()
    for lines in groups:
        style = style_of(lines[0])
        body_type = style.size == measure.size and style.font == measure.font
        if (len(lines) >= RUN_MIN_LINES or body_type) \
                and len(CLAUSE_OR_SENTENCE_MARK.findall("".join(ln.text for ln in lines))) >= RUN_MIN_MARKS:
            styles.add(style)
    return styles


def _part(block: TextBlock, regions: Regions, measure: TypeMeasure, running: set[Style], furniture_rule) -> TextBlock:
    if regions.in_band(block.box):
        return with_part(block, Part.FURNITURE, furniture_rule(block.text) or StructuralRule.BAND.value)
    style = block.style
    if style.light:
        return with_part(block, Part.LABEL, "reversed")
    ratio = block.size / measure.size
    rule = _furniture(block, furniture_rule)
    if rule and Says.PUBLICATION in says_of(rule):
        return with_part(block, Part.FURNITURE, rule)  # a masthead is set big: no title is a paper's name alone
    headline_type = ratio >= HEADLINE_RATIO and len(HAN_CHAR.findall(block.text)) >= TITLE_MIN_HAN
    if headline_type and FULL_STOP not in block.text:
        return with_part(block, Part.TITLE, "type-size")
    if rule and (style not in running or len(block.lines) <= 2):
        return with_part(block, Part.FURNITURE, rule)
    if style in running or (ratio >= HEADLINE_RATIO and not headline_type):
        return with_part(block, Part.BODY, "running-text")
    if headline_type:
        return with_part(block, Part.MINOR, "sentence-in-headline-type")
    return block


def _furniture(block: TextBlock, furniture_rule) -> str:
    """The furniture rule the block's text matches, or that each of its lines matches (a
    picture's credits stacked: 受访者供图 / 视觉中国)."""
    rule = furniture_rule(block.text)
    if rule or len(block.lines) == 1:
        return rule
    # The first line that matches no rule settles it (a body block's first line, mostly):
    # the others are not asked.
    first = furniture_rule(block.lines[0].text)
    return first if first and all(furniture_rule(ln.text) for ln in block.lines[1:]) else ""


