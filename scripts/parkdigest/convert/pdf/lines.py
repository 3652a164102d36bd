"""Glyphs to printed lines, and the page's type measure.

A line is the run of glyphs on one baseline that no column gutter interrupts. The page's
body type is the size most of its characters are set in; everything else (headline, kicker,
caption, folio) is judged relative to it, so another paper's type sizes change nothing.
"""

from __future__ import annotations

import bisect
import math
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from operator import attrgetter

from parkdigest.convert.pdf.extract import Box, Glyph, PdfPage, Shape, ShapeKind, enclosing
from parkdigest.text import CLOSERS, HAN_CHAR

# Glyphs whose baselines differ by less than this share of their size sit on one line
# (superscripts and mixed fonts shift a baseline by a little, the next line by a whole
# line height).
BASELINE_TOLERANCE = 0.3
# White between two characters of a row, in ems beyond the row's letter spacing: from
# GUTTER_EM on it may be a column gutter (papers leave from under an em to two between
# columns), from SURE_GUTTER_EM on it is one. Between the two it may also be a space (a
# byline's 本报记者　李亚楠　姜　峰, a Latin word space), so it is a gutter only where the rows
# under or over it are white at the same place (a gutter runs down the page) and one side is
# a column's line, not a word.
GUTTER_EM = 0.5
SURE_GUTTER_EM = 1.6
# A gutter seen in the rows around a gap runs on at most this many of their ems past where
# the gap's right side starts (a column starting further off is another module's); those rows
# stand within this many ems above or below (a head's last line stands up to two lines' white
# over the columns under it).
GUTTER_RUN_EM = 2.0
GUTTER_RUN_ROWS_EM = 4.0
# Narrower still, white lined up with column edges on both sides (see _between_columns).
NARROW_GUTTER_EM = 0.25
# Full-width marks whose ink fills the left half of their em: closing quotes and brackets
# (GB/T 15834) and the stops and commas as mainland fonts draw them. A typesetter that lets such
# a mark hang past the measure at a line's end ends the column's line where its ink ends, half
# an em before its box does; one that sets it in half an em (CSS text-spacing-trim, 标点挤压)
# gives a box that already ends at its ink (narrower than FULL_WIDTH_SHARE of an em).
LEFT_HALF_MARKS = frozenset(CLOSERS + "，。、；：！？")
FULL_WIDTH_SHARE = 0.9
# Type this many times the size of other type is of another order, a headline's to the text's:
# kickers, subheads and bylines are set at most a third bigger than the text, titles half again
# as big or more, and the line between them falls here.
HEADLINE_RATIO = 1.4
# The next line of the same type stands within this many ems (its leading): a gap that is not
# sure to be a gutter is a space when the lines of its type right above and below cross it.
NEXT_LINE_EM = 1.6
# A column's line is this many ems wide at least; a name or a word between spaces is narrower.
COLUMN_LINE_EM = 4.0
# Rows this many ems above or below show whether a gutter runs down the page there.
CHANNEL_ROWS_EM = 2.5
# A column edge is shared by this many other rows' lines, ending (or starting) within this
# many half points, within this many ems above or below (a module's height).
EDGE_MIN_ROWS = 2
EDGE_SLACK_HALF_POINTS = 3
EDGE_WINDOW_EM = 15
# A gap this much wider than the line's usual letter spacing, in ems, is a space the
# typesetter printed (a byline's padding, the space between a title's parallel halves or
# between a caption and its credit); the usual spacing is that of justified text.
SPACE_EM = 0.2
# Sizes within this many points are one size (rounding of scaled fonts).
SIZE_QUANTUM = 0.25
# Weight from which a font is bold (CSS/OpenType: 600 semibold, 700 bold).
BOLD_WEIGHT = 600
# Font-name words that mark a bold or heavy face when the weight is not given.
_BOLD_NAMES = ("bold", "heavy", "black", "medium", "semibold", "demibold", "hei", "黑")


@dataclass(frozen=True)
class TextLine:
    """A printed line: its text, box, and the style most of its characters are set in."""

    id: int
    text: str
    box: Box
    size: float  # type size of most of its characters
    font: str
    bold: bool
    light: bool  # light characters: reversed out of a dark ground
    glyph_boxes: tuple[Box, ...] = ()
    vertical: bool = False  # set top to bottom (vertical writing)

    @cached_property
    def chars(self) -> int:
        return len(self.text.replace(" ", ""))


@dataclass(frozen=True)
class TypeMeasure:
    """The page's body type: the size, font and line pitch most of its text is set in."""

    size: float
    font: str
    pitch: float  # baseline to baseline distance of body lines


# Sort keys read in C (tens of thousands of glyphs a page).
_BASELINE_THEN_X = attrgetter("baseline", "box.x0")
_X = attrgetter("box.x0")


def build_lines(page: PdfPage) -> tuple[TextLine, ...]:
    """Every printed line of the page, top to bottom then left to right."""
    vrules = [s.box for s in page.shapes if s.kind is ShapeKind.VRULE]
    rows: list[list[Glyph]] = []
    for glyph in sorted(page.glyphs, key=_BASELINE_THEN_X):
        if rows and abs(rows[-1][0].baseline - glyph.baseline) <= BASELINE_TOLERANCE * min(rows[-1][0].size, glyph.size):
            rows[-1].append(glyph)
        else:
            rows.append([glyph])
    for row in rows:
        row.sort(key=_X)
    cutter = _GutterFinder(rows, _VerticalRules(vrules))
    runs = [run for k in range(len(rows)) for run in cutter.split(k)]
    made = _vertical_runs([_line(run) for run in runs if any(not g.char.isspace() for g in run)])
    made.sort(key=lambda line: (round(line.box.y0, 1), line.box.x0))
    return tuple(replace(ln, id=i) for i, ln in enumerate(made))


# Characters set one under another (vertical writing: a label or a title down the side of a
# module) come out as one-character "lines"; this many in a column make a vertical line.
VERTICAL_MIN_CHARS = 3
# ... stacked this close (in ems): the next character of the same vertical line.
VERTICAL_PITCH_EM = 1.4


def _vertical_runs(lines: list[TextLine]) -> list[TextLine]:
    """One-character lines stacked in a column are one vertical line, read top to bottom."""
    singles = sorted((ln for ln in lines if ln.chars == 1), key=lambda ln: (round(ln.box.cx), ln.box.y0))
    runs: list[list[TextLine]] = []
    for line in singles:
        last = runs[-1][-1] if runs else None
        if last is not None and abs(last.box.cx - line.box.cx) <= 0.3 * line.size and last.size == line.size \
                and 0 <= line.box.y0 - last.box.y0 <= VERTICAL_PITCH_EM * line.size:
            runs[-1].append(line)
        else:
            runs.append([line])
    merged: set[int] = set()
    out = []
    for run in runs:
        if len(run) >= VERTICAL_MIN_CHARS:
            merged.update(id(ln) for ln in run)
            first = run[0]
            out.append(TextLine(-1, "".join(ln.text for ln in run), enclosing(ln.box for ln in run), first.size,
                                first.font, first.bold, first.light, tuple(ln.box for ln in run), vertical=True))
    return [ln for ln in lines if id(ln) not in merged] + out


def _letter_spacing(sizes: list[float], gaps: list[float]) -> dict[float, float]:
    """The usual white between neighbouring characters of each type size in a row's ink (a
    title set with wide letter spacing has wide gaps everywhere; a gutter is wider still):
    `sizes` are the ink's type sizes, quantized, and gaps[i] the white before its character
    i (index 0 unused)."""
    by_size: dict[float, list[float]] = {}
    for i in range(1, len(sizes)):
        if sizes[i - 1] == sizes[i]:
            by_size.setdefault(sizes[i], []).append(gaps[i])
    return {size: max(0.0, sorted(values)[len(values) // 2]) for size, values in by_size.items()}


class _GutterFinder:
    """Where a row of glyphs is cut into lines (see GUTTER_EM): sure gutters, and gaps that
    line up with a column edge many rows share or with white in the rows around."""

    def __init__(self, rows: list[list[Glyph]], vrules: _VerticalRules):
        self.rows, self.vrules = rows, vrules
        self.baselines = [row[0].baseline for row in rows]
        self.inks = [[g for g in row if not g.char.isspace()] for row in rows]
        # Each row's gaps, measured once: gap i is the white before ink[i] beyond the row's
        # letter spacing, in the em of the two characters it parts (index 0 unused).
        self.whites: list[list[float]] = []
        self.ems: list[list[float]] = []
        for ink in self.inks:
            raw = [g.size for g in ink]
            sizes = [_quantize(size) for size in raw]
            boxes = [g.box for g in ink]
            gaps = [0.0] + [right.x0 - left.x1 for left, right in zip(boxes, boxes[1:])]
            spacing = _letter_spacing(sizes, gaps)
            self.ems.append([0.0, *map(max, raw, raw[1:])])  # a gap's em: the larger of its two sizes
            self.whites.append([0.0] + [gaps[i] - spacing.get(sizes[i - 1], 0.0) for i in range(1, len(ink))])
        # Where the pieces between possible gutters start and end, by half point: the column
        # edges the page's lines share. A line ends at its column's edge only when it is a
        # column's line (COLUMN_LINE_EM): a short one (a title's or a paragraph's last) ends anywhere.
        self.starts: dict[int, list[float]] = {}
        self.ends: dict[int, list[float]] = {}
        for k, ink in enumerate(self.inks):
            whites, ems = self.whites[k], self.ems[k]
            pieces = [0] + [i for i in range(1, len(ink)) if whites[i] > GUTTER_EM * ems[i]]
            for first, last in zip(pieces, [*pieces[1:], len(ink)]):
                self.starts.setdefault(round(ink[first].box.x0 * 2), []).append(self.baselines[k])
                if ink[last - 1].box.x1 - ink[first].box.x0 >= COLUMN_LINE_EM * ink[first].size:
                    self.ends.setdefault(round(ink[last - 1].box.x1 * 2), []).append(self.baselines[k])

    def split(self, k: int) -> list[list[Glyph]]:
        row, ink, whites, ems = self.rows[k], self.inks[k], self.whites[k], self.ems[k]
        cuts = set()  # index in `ink` of the first glyph after a gutter
        for i in range(1, len(ink)):
            em, white = ems[i], whites[i]
            if white > SURE_GUTTER_EM * em or (white > 0 and self.vrules.between(ink[i - 1], ink[i])):
                cuts.add(i)
            elif white > GUTTER_EM * min(ink[i - 1].size, ink[i].size) and _other_size(ink[i - 1], ink[i]):
                cuts.add(i)
            elif white <= NARROW_GUTTER_EM * em:
                continue
            elif ((white > GUTTER_EM * em and self._column_gutter(k, ink, i, em)) or self._between_columns(k, ink, i, em)) \
                    and not self._spans_lines_around(k, ink, i, em) and not self._starts_in_a_gutter(k, ink, i):
                cuts.add(i)
        if not cuts:
            return [list(row)] if row else []
        runs: list[list[Glyph]] = [[]]
        firsts = {id(ink[i]) for i in cuts}  # the glyphs each new run opens with
        for glyph in row:
            if id(glyph) in firsts:
                runs.append([])
            runs[-1].append(glyph)
        return [run for run in runs if run]

    def _spans_lines_around(self, k: int, ink: list[Glyph], i: int, em: float) -> bool:
        """Do the lines of the same type right above and right below the row run on across
        the gap? A gutter runs down the page; a space inside one line of a title set over
        several has its other lines printed across it. The first line of such a title has
        none of its type above it, the last none below: one line across it then says as much."""
        size = _quantize(ink[i].size)
        gap_start, gap_end = ink[i - 1].box.x1 + 0.2 * em, ink[i].box.x0 - 0.2 * em
        above = below = crossed_above = crossed_below = False  # a line of the type there / one across the gap
        for row in self._nearby(k):
            same = [g for g in row if not g.char.isspace() and _quantize(g.size) == size]
            if not same or abs(same[0].baseline - self.baselines[k]) > NEXT_LINE_EM * em:
                continue
            across = any(g.box.x1 > gap_start and g.box.x0 < gap_end for g in same)
            if same[0].baseline < self.baselines[k]:
                above, crossed_above = True, crossed_above or across
            else:
                below, crossed_below = True, crossed_below or across
        return (crossed_above or not above) and (crossed_below or not below) and (crossed_above or crossed_below)

    def _starts_in_a_gutter(self, k: int, ink: list[Glyph], i: int) -> bool:
        """Does the right side of the gap start inside the white of a gutter that runs past
        it in a row just above or below, to a column edge further right? A column's
        line starts at its column's edge or right of it (an indent), never in the gutter before
        it: a gap that lines up with a column's end but whose right side starts short of the
        next column is a space in a line set across the columns (a title's parallel halves, a
        byline's padding over the gutter under it). The rows around show that gutter: their
        white starts within an em of where the gap starts, runs past the right side's start and
        ends at a column start of the page's grid (another line of the page starts there)."""
        gap_start, start = ink[i - 1].box.x1, ink[i].box.x0
        if self._shared(self.starts, start, self.baselines[k], EDGE_WINDOW_EM * ink[i].size, min_rows=1):
            return False  # a column's edge: another line starts there too (a column of two lines)
        slack = EDGE_SLACK_HALF_POINTS / 2
        for row in self._nearby(k, GUTTER_RUN_ROWS_EM):
            other = [g for g in row if not g.char.isspace()]
            before = [g.box.x1 for g in other if g.box.x1 <= start]
            after = [g for g in other if g.box.x0 > start + slack]
            inside = any(g.box.x1 > start and g.box.x0 <= start + slack for g in other)
            if not before or not after or inside:
                continue
            first = min(after, key=_X)
            if abs(gap_start - max(before)) <= first.size and first.box.x0 - start <= GUTTER_RUN_EM * first.size \
                    and self._shared(self.starts, first.box.x0, first.baseline, math.inf, min_rows=1):
                return True  # (the page's grid: its columns start at the same places all down it)
        return False

    def _column_gutter(self, k: int, ink: list[Glyph], i: int, em: float) -> bool:
        """One side of the gap is a column's line, and the gap lines up with a column edge
        other rows share (their lines end where the left side ends, or start where the right
        side starts) or with white in a row just above or below."""
        gap_start, gap_end = ink[i - 1].box.x1, ink[i].box.x0
        if max(gap_start - _run_start(ink, i - 1, em), _run_end(ink, i, em) - gap_end) < COLUMN_LINE_EM * em:
            return False
        baseline, window = self.baselines[k], EDGE_WINDOW_EM * em
        if self._shared(self.ends, gap_start, baseline, window) or self._shared(self.starts, gap_end, baseline, window):
            return True
        return any(_white_in(other, gap_start, gap_end, em) for other in self._nearby(k))

    def _between_columns(self, k: int, ink: list[Glyph], i: int, em: float) -> bool:
        """Even a narrow gap is a gutter when the text under or over it has column edges on
        both its sides (two titles side by side over their own columns: the gutter between
        modules is narrow measured in the titles' big ems); the left side ends at its box's end
        or, for a mark hanging past the measure, at its ink's (`_ink_end`)."""
        baseline, window = self.baselines[k], EDGE_WINDOW_EM * em
        ends = {ink[i - 1].box.x1, _ink_end(ink[i - 1])}
        return any(self._shared(self.ends, end, baseline, window) for end in ends) \
            and self._shared(self.starts, ink[i].box.x0, baseline, window)

    @staticmethod
    def _shared(edges: dict[int, list[float]], x: float, baseline: float, window: float,
                min_rows: int = EDGE_MIN_ROWS) -> bool:
        """Do at least `min_rows` other rows within `window` of `baseline` have a line
        starting (or ending, by `edges`) at x, give or take EDGE_SLACK_HALF_POINTS?"""
        others = [b for key in range(round(x * 2) - EDGE_SLACK_HALF_POINTS, round(x * 2) + EDGE_SLACK_HALF_POINTS + 1)
                  for b in edges.get(key, ()) if 0 < abs(b - baseline) <= window]
        return len(others) >= min_rows

    def _nearby(self, k: int, rows_em: float = CHANNEL_ROWS_EM) -> list[list[Glyph]]:
        """The rows within `rows_em` above and below row k (not k itself)."""
        reach = rows_em * max(g.size for g in self.rows[k])
        low = bisect.bisect_left(self.baselines, self.baselines[k] - reach)
        high = bisect.bisect_right(self.baselines, self.baselines[k] + reach)
        return [self.rows[j] for j in range(low, high) if j != k]


def _ink_end(glyph: Glyph) -> float:
    """Where the glyph's ink ends on the right: mid-em for a full-width mark of
    LEFT_HALF_MARKS, else its box's end."""
    if glyph.char in LEFT_HALF_MARKS and glyph.box.width >= FULL_WIDTH_SHARE * glyph.size:
        return glyph.box.x0 + glyph.box.width / 2
    return glyph.box.x1


def _other_size(left: Glyph, right: Glyph) -> bool:
    """Are the two set in different sizes? A line keeps one size (a superscript or a mark set
    smaller sits tight against its neighbour, with no white): white beyond a space between two
    sizes parts two lines (a picture's credit beside a caption's last line, a title beside a
    column's line)."""
    return _quantize(left.size) != _quantize(right.size)


def _white_in(row: list[Glyph], gap_start: float, gap_end: float, em: float) -> bool:
    """Is the row white over the gap, with text close to it on both sides?"""
    before = [g.box.x1 for g in row if not g.char.isspace() and g.box.x1 <= gap_start + 0.2 * em]
    after = [g.box.x0 for g in row if not g.char.isspace() and g.box.x0 >= gap_end - 0.2 * em]
    inside = any(not g.char.isspace() and g.box.x1 > gap_start + 0.2 * em and g.box.x0 < gap_end - 0.2 * em
                 for g in row)
    return bool(before and after) and not inside and gap_start - max(before) <= em and min(after) - gap_end <= em


class _VerticalRules:
    """The page's vertical rules by their x (a row asks about each of its gaps)."""

    def __init__(self, vrules: list[Box]):
        self.rules = sorted(vrules, key=lambda rule: rule.cx)
        self.xs = [rule.cx for rule in self.rules]

    def between(self, left: Glyph, right: Glyph) -> bool:
        """Does a rule stand in the gap between two characters of a row?"""
        low = bisect.bisect_left(self.xs, left.box.x1 - 0.5)
        high = bisect.bisect_right(self.xs, right.box.x0 + 0.5)
        if low >= high:
            return False
        top, bottom = min(left.box.y0, right.box.y0), max(left.box.y1, right.box.y1)
        return any(rule.y0 <= bottom and rule.y1 >= top for rule in self.rules[low:high])


def _run_start(ink: list[Glyph], k: int, em: float) -> float:
    """Where the run of characters that ends at ink[k] starts (white of GUTTER_EM ends it)."""
    while k > 0 and ink[k].box.x0 - ink[k - 1].box.x1 < GUTTER_EM * em:
        k -= 1
    return ink[k].box.x0


def _run_end(ink: list[Glyph], k: int, em: float) -> float:
    while k + 1 < len(ink) and ink[k + 1].box.x0 - ink[k].box.x1 < GUTTER_EM * em:
        k += 1
    return ink[k].box.x1


def _line(run: list[Glyph]) -> TextLine:
    glyphs = [g for g in run if not g.char.isspace()] or run
    boxes = tuple(g.box for g in glyphs)
    gaps = sorted([b.x0 - a.x1 for a, b in zip(boxes, boxes[1:])])
    usual = max(0.0, gaps[len(gaps) // 2]) if gaps else 0.0
    parts: list[str] = [run[0].char]
    prev_x1 = run[0].box.x1
    for prev, glyph in zip(run, run[1:]):
        box = glyph.box
        if box.x0 - prev_x1 > usual + SPACE_EM * glyph.size \
                and not _is_punct(prev.char) and not _is_punct(glyph.char) \
                and not prev.char.isspace() and not glyph.char.isspace():
            parts.append(" ")
        parts.append(glyph.char)
        prev_x1 = box.x1
    text = "".join(parts).strip()
    # The line's style is its Chinese characters' (digits and Latin letters often come from a
    # fallback font of another weight or size: 破300亿元，达到350.4 is set like its paragraph).
    # Counted by the glyphs' own style first (a line has one or two), each then read as a line's.
    # (HAN_CHAR matches one character, and each glyph is one: found in the glyphs' string at once.)
    han = [glyphs[m.start()] for m in HAN_CHAR.finditer("".join([g.char for g in glyphs]))] or glyphs
    styles: Counter[tuple[float, str, bool, bool]] = Counter()
    for (size, font, weight, light), n in Counter([(g.size, g.font, g.weight, g.light) for g in han]).items():
        styles[(_quantize(size), font, _is_bold_font(weight, font), light)] += n
    style = styles.most_common(1)[0][0]
    return TextLine(-1, text, enclosing(boxes), *style, glyph_boxes=boxes)


def _is_punct(char: str) -> bool:
    return unicodedata.category(char).startswith("P") or char in "%％"


def _is_bold_font(weight: int, font: str) -> bool:
    if weight >= BOLD_WEIGHT:
        return True
    return weight < 0 and any(word in font.lower() for word in _BOLD_NAMES)


@lru_cache(maxsize=256)
def _quantize(size: float) -> float:
    return round(size / SIZE_QUANTUM) * SIZE_QUANTUM


def type_measure(lines: tuple[TextLine, ...]) -> TypeMeasure:
    """The size and font most characters are set in, and the pitch of lines set in it."""
    sizes: Counter[tuple[float, str]] = Counter()
    for line in lines:
        sizes[(line.size, line.font)] += line.chars
    (size, font), _ = sizes.most_common(1)[0]
    body = sorted((ln for ln in lines if ln.size == size and ln.font == font), key=lambda ln: (ln.box.x0, ln.box.y0))
    steps: Counter[float] = Counter()
    for above, below in zip(body, body[1:]):
        step = below.box.y0 - above.box.y0
        if abs(below.box.x0 - above.box.x0) < 3 * size and 0.9 * size < step < 3 * size:
            steps[round(step, 1)] += 1
    pitch = steps.most_common(1)[0][0] if steps else 1.5 * size
    return TypeMeasure(size, font, pitch)


def rules(page: PdfPage, kind: ShapeKind) -> tuple[Shape, ...]:
    return tuple(s for s in page.shapes if s.kind is kind)
