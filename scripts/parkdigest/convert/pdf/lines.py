"""Glyphs to printed lines, and the page's type measure.

A line is the run of glyphs on one baseline that no column gutter interrupts. The page's
body type is the size most of its characters are set in; everything else (headline, kicker,
caption, folio) is judged relative to it, so another paper's type sizes change nothing.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, replace

from parkdigest.convert.pdf.extract import Box, Glyph, PdfPage, Shape, ShapeKind, enclosing

# Glyphs whose baselines differ by less than this share of their size sit on one line
# (superscripts and mixed fonts shift a baseline by a little, the next line by a whole
# line height).
BASELINE_TOLERANCE = 0.3
# A gap this wide, in ems of the type, is a column gutter, not a space between words: word
# spaces in Chinese bylines are at most a full-width space (1 em minus the glyphs' side
# bearings), while gutters are an em or more of white between two columns' text.
GUTTER_EM = 1.0
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

    @property
    def chars(self) -> int:
        return len(self.text.replace(" ", ""))


@dataclass(frozen=True)
class TypeMeasure:
    """The page's body type: the size, font and line pitch most of its text is set in."""

    size: float
    font: str
    pitch: float  # baseline to baseline distance of body lines


def build_lines(page: PdfPage) -> tuple[TextLine, ...]:
    """Every printed line of the page, top to bottom then left to right."""
    vrules = [s.box for s in page.shapes if s.kind is ShapeKind.VRULE]
    rows: list[list[Glyph]] = []
    for glyph in sorted(page.glyphs, key=lambda g: (g.baseline, g.box.x0)):
        if rows and abs(rows[-1][0].baseline - glyph.baseline) <= BASELINE_TOLERANCE * min(rows[-1][0].size, glyph.size):
            rows[-1].append(glyph)
        else:
            rows.append([glyph])
    runs: list[list[Glyph]] = []
    for row in rows:
        row.sort(key=lambda g: g.box.x0)
        spacing = _letter_spacing(row)
        run: list[Glyph] = []
        ink: Glyph | None = None  # the last glyph that is not a space: spaces fill gutters too
        for glyph in row:
            if ink is not None and not glyph.char.isspace() \
                    and _gutter_between(ink, glyph, vrules, spacing.get(_quantize(ink.size), 0.0)):
                runs.append(run)
                run = []
            run.append(glyph)
            if not glyph.char.isspace():
                ink = glyph
        runs.append(run)
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


def _letter_spacing(row: list[Glyph]) -> dict[float, float]:
    """The usual white between neighbouring characters of each type size in a row (a title
    set with wide letter spacing has wide gaps everywhere; a gutter is wider still)."""
    gaps: dict[float, list[float]] = {}
    ink = [g for g in row if not g.char.isspace()]
    for left, right in zip(ink, ink[1:]):
        if _quantize(left.size) == _quantize(right.size):
            gaps.setdefault(_quantize(left.size), []).append(right.box.x0 - left.box.x1)
    return {size: max(0.0, sorted(values)[len(values) // 2]) for size, values in gaps.items()}


def _gutter_between(left: Glyph, right: Glyph, vrules: list[Box], spacing: float) -> bool:
    gap = right.box.x0 - left.box.x1
    if gap > GUTTER_EM * max(left.size, right.size) + spacing:
        return True
    if gap <= 0:
        return False  # touching characters have no room for a rule between them
    middle_top, middle_bottom = min(left.box.y0, right.box.y0), max(left.box.y1, right.box.y1)
    return any(left.box.x1 - 0.5 <= rule.cx <= right.box.x0 + 0.5 and rule.y0 <= middle_bottom and rule.y1 >= middle_top
               for rule in vrules)


def _line(run: list[Glyph]) -> TextLine:
    glyphs = [g for g in run if not g.char.isspace()] or run
    gaps = sorted(b.box.x0 - a.box.x1 for a, b in zip(glyphs, glyphs[1:]))
    usual = max(0.0, gaps[len(gaps) // 2]) if gaps else 0.0
    parts: list[str] = []
    for prev, glyph in zip([None, *run], run):
        if prev is not None and glyph.box.x0 - prev.box.x1 > usual + SPACE_EM * glyph.size \
                and not _is_punct(prev.char) and not _is_punct(glyph.char) \
                and not prev.char.isspace() and not glyph.char.isspace():
            parts.append(" ")
        parts.append(glyph.char)
    text = "".join(parts).strip()
    style = Counter((_quantize(g.size), g.font, _is_bold(g), g.light) for g in glyphs).most_common(1)[0][0]
    return TextLine(-1, text, enclosing(g.box for g in glyphs), *style, glyph_boxes=tuple(g.box for g in glyphs))


def _is_punct(char: str) -> bool:
    return unicodedata.category(char).startswith("P") or char in "%％"


def _is_bold(glyph: Glyph) -> bool:
    if glyph.weight >= BOLD_WEIGHT:
        return True
    return glyph.weight < 0 and any(word in glyph.font.lower() for word in _BOLD_NAMES)


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
