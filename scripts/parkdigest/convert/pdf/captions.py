"""Captions: a block right under a picture (or beside it, from its top down) in a type other
than the text's and no bigger, and every other block in that caption type; a picture's credit
printed after its caption is cut off as furniture.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from parkdigest.convert.classify import points_at_its_picture
from parkdigest.convert.pdf.blocks import Part, Style, TextBlock, byline_text, with_part
from parkdigest.convert.pdf.extract import Box
from parkdigest.convert.pdf.lines import TypeMeasure
from parkdigest.convert.pdf.regions import Regions
from parkdigest.resources import Says, says_of
from parkdigest.text import HAN_CHAR, sentence_closed

# A caption stands within this many body lines under (or over) its picture, in type no bigger
# than the text's.
CAPTION_GAP_LINES = 1.6
CAPTION_MAX_RATIO = 1.1
# ... or beside it, this many ems from its side, starting level with its top or lower.
CAPTION_BESIDE_EM = 2.0

def with_credit(block: TextBlock, furniture_rule) -> TextBlock:
    """A caption with its picture's credit run on after it (……一景。福建船政文化管理委员会供图,
    数据来源：…… 制图：张芳曼): the credit is cut off after the caption's last full stop or
    at a space, the longest credit that is furniture by its own words; then another picture's
    credit printed before it on its first line (`_with_lead_credit`)."""
    text = "".join(ln.text for ln in block.lines)
    stop = text.rfind("。", 0, len(text) - 1)
    cuts = sorted({i + 1 for i, ch in enumerate(text) if ch == " "} | ({stop + 1} if stop > 0 else set()))
    for cut in cuts:
        head, tail = text[:cut].rstrip(), text[cut:].strip()
        rule = furniture_rule(tail)
        if head and tail and rule and not furniture_rule(head) and HAN_CHAR.search(head):
            return _with_lead_credit(replace(block, credit=text[cut:], credit_rule=rule), furniture_rule)
    return _with_lead_credit(block, furniture_rule)


def _with_lead_credit(block: TextBlock, furniture_rule) -> TextBlock:
    """A caption with another picture's credit printed before it on its first line (two
    pictures side by side, each credit under its own: （受访企业供图）昆明高新区全景。): the credit is
    cut off at its closing parenthesis or a space, the shortest that credits a picture by its own
    words, when what follows is no furniture."""
    text, first = block.text, block.lines[0].text
    for cut in (i + 1 for i, ch in enumerate(text[:len(first)]) if ch in " ）)"):
        head, tail = text[:cut], text[cut:].strip()
        rule = furniture_rule(head.strip())
        if rule and Says.PICTURE_CREDIT in says_of(rule) and tail and not furniture_rule(tail) \
                and HAN_CHAR.search(tail):
            return replace(block, lead_credit=head, lead_credit_rule=rule)
    return block


def mark_captions(blocks: list[TextBlock], regions: Regions, measure: TypeMeasure, furniture_rule) -> list[TextBlock]:
    """A block standing right under a picture, within its width, in a style other than the
    body text's, is its caption; so is every other block in that style (the page's caption
    type)."""
    gap = CAPTION_GAP_LINES * measure.pitch
    caption_styles: set[Style] = set()
    out = list(blocks)
    body = _body_style(out, measure)
    gap = CAPTION_GAP_LINES * measure.pitch
    for picture in regions.pictures:
        beside = [b for b in out if b.part in (Part.MINOR, Part.BODY) and b.style != body
                  and b.size <= CAPTION_MAX_RATIO * measure.size and picture.y0 - 2 <= b.box.y0 < picture.y1
                  and 0 <= max(b.box.x0 - picture.x1, picture.x0 - b.box.x1) <= CAPTION_BESIDE_EM * measure.size
                  and b.box.y1 <= picture.y1 + gap and "。" in b.text]  # a sentence, no brief's title
        for block in beside:  # a caption set beside its picture, from its top down
            out[block.id] = with_credit(with_part(block, Part.CAPTION, "beside-picture"), furniture_rule)
            caption_styles.add(block.style)
        below = sorted((b for b in out if b.part in (Part.MINOR, Part.BODY, Part.FURNITURE)
                        and picture.y1 - 2 <= b.box.y0 <= picture.y1 + gap + _furniture_height(out, picture, gap)
                        and b.box.x_overlap(picture) >= 0.8 * b.box.width), key=lambda b: b.box.y0)
        for block in below:
            if block.part is Part.FURNITURE:
                continue  # a credit between the picture and its caption
            if block.style == body or block.size > CAPTION_MAX_RATIO * measure.size:
                break  # the text, or a title under its picture (a photo item's), is no caption
            out[block.id] = with_credit(with_part(block, Part.CAPTION, "under-picture"), furniture_rule)
            caption_styles.add(block.style)
            break
    for block in out:
        if block.part is Part.MINOR and block.style in caption_styles and not byline_text(block.text):
            # (a byline may be set in the captions' type: it is known by its words)
            out[block.id] = with_credit(with_part(block, Part.CAPTION, "caption-type"), furniture_rule)
        elif block.part is Part.BODY:
            # A photo item's text, set as the text is, ends by pointing at its picture (or its
            # pointing sentence runs on from the column before): the picture's credit printed
            # after it is no part of it (running text never points at a picture, nor ends with
            # who took one).
            credited = with_credit(block, furniture_rule)
            if credited.credit and (points_at_its_picture(credited.text)
                                    or Says.PICTURE_CREDIT in says_of(credited.credit_rule)):
                out[block.id] = credited
        elif block.part is Part.MINOR:
            # A sentence in a heading's type with a picture's credit after it is a caption
            # (no title or subhead carries a picture's credit).
            credited = with_credit(block, furniture_rule)
            if credited.credit and sentence_closed(credited.text):
                out[block.id] = with_part(credited, Part.CAPTION, "credited-sentence")
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


