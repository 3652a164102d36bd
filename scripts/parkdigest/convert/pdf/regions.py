"""What the page's drawing says: its furniture bands, pictures, framed boxes and labels.

- Bands: a newspaper prints its folio (paper, date, page, section) in a strip across the
  top of the page and its footer (editors, contact, licence, QR code) in a strip across the
  bottom, each cut off from the articles by a rule across the page or by white space.
- Pictures: embedded images, or drawn areas with no text inside (a placeholder, a chart's
  ground); their captions stand right under or over them in type of their own.
- Boxes: a framed or tinted area with text inside (核心阅读, 人物小传, 链接); what is inside
  belongs together.
- Labels: text reversed out of a dark ground (a column label such as 经济观察).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from parkdigest.convert.pdf.extract import Box, PdfPage, Shape, ShapeKind
from parkdigest.convert.pdf.lines import TextLine, TypeMeasure
from parkdigest.text import CLAUSE_OR_SENTENCE_MARK

# A rule is a band's edge when it runs across most of the page's text width.
BAND_RULE_SPAN = 0.6
# The folio and footer strips lie within this share of the page height from its edge.
BAND_ZONE = 0.12
# Without a rule, a strip is cut off by white space this many body lines high.
BAND_GAP_LINES = 1.5
# A strip holds a few short lines; more is an article standing at the page's edge.
BAND_MAX_LINES = 8
BAND_MAX_CHARS = 60
# Without a rule, a strip's lines are furniture by their words or set no bigger than the body
# type (a headline at the top of the page is an article's, not the folio's) and hold no
# sentence (the last lines of an article standing at the page's foot do).
BAND_MAX_SIZE = 1.15
# An area covering this share of the page is the page's own ground.
BACKGROUND_SHARE = 0.5
# An area counts as holding a line when this share of the line lies inside it.
INSIDE_SHARE = 0.8


@dataclass(frozen=True)
class Regions:
    """Where the page's furniture strips end, and its pictures, boxes and label grounds."""

    top: float  # lines whose bottom is above this are the folio strip
    bottom: float  # lines whose top is below this are the footer strip
    pictures: tuple[Box, ...]
    boxes: tuple[Box, ...]  # framed or tinted areas with text inside, innermost first
    hrules: tuple[Box, ...]
    vrules: tuple[Box, ...]

    def in_band(self, box: Box) -> bool:
        return box.y1 <= self.top or box.y0 >= self.bottom

    def hrules_between(self, top: float, bottom: float) -> list[Box]:
        """The horizontal rules whose middle lies from `top` to `bottom` (a block's lines ask
        about the white between each pair: found by bisect, not tried one by one)."""
        middles, rules = self._hrules_by_middle
        return rules[bisect.bisect_left(middles, top):bisect.bisect_right(middles, bottom)]

    @cached_property
    def _hrules_by_middle(self) -> tuple[list[float], list[Box]]:
        rules = sorted(self.hrules, key=lambda r: r.cy)
        return [r.cy for r in rules], rules

    def vrule_between(self, a: Box, b: Box) -> bool:
        """A vertical rule stands in the white between two boxes and beside each of them (the
        rule between two columns or modules parts what stands on either side)."""
        left, right = (a, b) if a.cx <= b.cx else (b, a)
        return any(left.x1 - 1 <= r.cx <= right.x0 + 1 and r.y0 <= min(a.y1, b.y1) and r.y1 >= max(a.y0, b.y0)
                   for r in self.vrules)

    def container(self, box: Box) -> Box | None:
        """The innermost framed box holding `box`, if any."""
        for frame in self.boxes:
            if _inside_share(box, frame) >= INSIDE_SHARE:
                return frame
        return None


def find_regions(page: PdfPage, lines: tuple[TextLine, ...], measure: TypeMeasure,
                 furniture: Callable[[TextLine], bool]) -> Regions:
    """`furniture` says whether a line is furniture by its own words (a folio, an editor line)."""
    hrules = tuple(s.box for s in page.shapes if s.kind is ShapeKind.HRULE)
    vrules = tuple(s.box for s in page.shapes if s.kind is ShapeKind.VRULE)
    # An area over most of the page is its paper (a background), not a picture or a box.
    areas = [s for s in page.shapes if s.kind in (ShapeKind.AREA, ShapeKind.PICTURE)
             and s.box.width * s.box.height < BACKGROUND_SHARE * page.width * page.height]
    pictures, boxes = _pictures_and_boxes(areas, lines)
    top, bottom = _bands(page, lines, hrules, measure, furniture)
    return Regions(top, bottom, pictures, boxes, hrules, vrules)


def _pictures_and_boxes(areas: list[Shape], lines: tuple[TextLine, ...]) -> tuple[tuple[Box, ...], tuple[Box, ...]]:
    pictures: list[Box] = []
    boxes: list[Box] = []
    # Lines by their top, so that each area tries only the lines that reach down into it.
    by_top = sorted(lines, key=lambda ln: ln.box.y0)
    tops = [ln.box.y0 for ln in by_top]
    for shape in areas:
        reach = by_top[:bisect.bisect_left(tops, shape.box.y1)]  # a line below the area is not in it
        inside = [ln for ln in reach if _inside_share(ln.box, shape.box) >= INSIDE_SHARE]
        if shape.kind is ShapeKind.PICTURE or not inside:
            if not any(_same(shape.box, p) for p in pictures):
                pictures.append(shape.box)
        elif shape.dark and all(ln.light for ln in inside):
            continue  # a label's dark ground: the label is known by its light type
        elif shape.blank:
            continue  # a white area under text shows no box
        elif not any(_same(shape.box, b) for b in boxes):
            boxes.append(shape.box)
    boxes.sort(key=lambda b: b.width * b.height)  # innermost first
    return tuple(pictures), tuple(boxes)


def _same(a: Box, b: Box, slack: float = 3.0) -> bool:
    return abs(a.x0 - b.x0) <= slack and abs(a.y0 - b.y0) <= slack and abs(a.x1 - b.x1) <= slack \
        and abs(a.y1 - b.y1) <= slack


def _inside_share(inner: Box, outer: Box) -> float:
    area = inner.width * inner.height
    if area <= 0:
        return 0.0
    return inner.x_overlap(outer) * inner.y_overlap(outer) / area


def _bands(page: PdfPage, lines: tuple[TextLine, ...], hrules: tuple[Box, ...], measure: TypeMeasure,
           furniture: Callable[[TextLine], bool]) -> tuple[float, float]:
    if not lines:
        return 0.0, page.height
    left, right = min(ln.box.x0 for ln in lines), max(ln.box.x1 for ln in lines)
    across = [r for r in hrules if r.width >= BAND_RULE_SPAN * (right - left)]
    top = _band_edge(sorted(lines, key=lambda ln: ln.box.y0),
                     sorted((r for r in across if r.y1 <= BAND_ZONE * page.height), key=lambda r: -r.y0),
                     measure, furniture, from_top=True, page_height=page.height)
    bottom = _band_edge(sorted(lines, key=lambda ln: -ln.box.y1),
                        sorted((r for r in across if r.y0 >= (1 - BAND_ZONE) * page.height), key=lambda r: r.y0),
                        measure, furniture, from_top=False, page_height=page.height)
    return top, bottom


def _band_edge(lines: list[TextLine], rules: list[Box], measure: TypeMeasure, furniture: Callable[[TextLine], bool],
               *, from_top: bool, page_height: float) -> float:
    """The y that ends the strip at one edge of the page (lines sorted from that edge; the
    zone's rules sorted from the inside out)."""
    def beyond(line: TextLine, y: float) -> bool:
        return line.box.y1 <= y + 1 if from_top else line.box.y0 >= y - 1

    for rule in rules:  # the innermost rule whose strip looks like a folio or a footer
        y = rule.y0 if from_top else rule.y1
        strip = [ln for ln in lines if beyond(ln, y)]
        if strip and _strip_like(strip):
            return y
    # No rule: the rows of lines from the page's edge inwards that are furniture by their words
    # (a folio, an editor line, a contact line), with short words beside them on their row (a
    # page section, 第16版), until the first row that is not; or, failing that, the lines in the
    # zone cut off from the rest by a wide white gap.
    edge = _furniture_rows(lines, furniture, from_top=from_top, limit=BAND_ZONE * page_height, page_height=page_height)
    if edge is not None:
        return edge
    zone = BAND_ZONE * page_height
    gathered: list[TextLine] = []
    for line, after in zip(lines, lines[1:]):
        edge_distance = line.box.y1 if from_top else page_height - line.box.y0
        if edge_distance > zone:
            break
        gathered.append(line)
        gap = after.box.y0 - line.box.y1 if from_top else line.box.y0 - after.box.y1
        if gap >= BAND_GAP_LINES * measure.pitch and _strip_like(gathered) \
                and all(furniture(ln) or (ln.size <= BAND_MAX_SIZE * measure.size and not CLAUSE_OR_SENTENCE_MARK.search(ln.text))
                        for ln in gathered):
            return (line.box.y1 + after.box.y0) / 2 if from_top else (line.box.y0 + after.box.y1) / 2
    return 0.0 if from_top else page_height


# A word standing beside furniture on its row: a page section (要闻, 园区), 第16版.
FOLIO_WORD_MAX_CHARS = 8


def _furniture_rows(lines: list[TextLine], furniture: Callable[[TextLine], bool], *, from_top: bool, limit: float,
                    page_height: float) -> float | None:
    rows: list[list[TextLine]] = []
    for line in lines:  # sorted from the edge
        if rows and rows[-1][0].box.y_overlap(line.box) > 0.3 * min(rows[-1][0].box.height, line.box.height):
            rows[-1].append(line)
        else:
            rows.append([line])
    taken: list[TextLine] = []
    for row in rows:
        distance = max(ln.box.y1 for ln in row) if from_top else page_height - min(ln.box.y0 for ln in row)
        words = [furniture(ln) for ln in row]
        if distance > limit or not any(words) or not all(w or ln.chars <= FOLIO_WORD_MAX_CHARS
                                                         for w, ln in zip(words, row)):
            break
        taken += row
    if not taken:
        return None
    return max(ln.box.y1 for ln in taken) + 0.5 if from_top else min(ln.box.y0 for ln in taken) - 0.5


def _strip_like(strip: list[TextLine]) -> bool:
    return len(strip) <= BAND_MAX_LINES and all(ln.chars <= BAND_MAX_CHARS for ln in strip)
