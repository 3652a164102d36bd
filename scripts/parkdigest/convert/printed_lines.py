"""A copy that gives each printed line of the page as a block of its own.

An extraction tool puts a column's lines into one block only when they stand close enough
(pdfminer: a gap under half a line's height). On a page set with more leading, every printed
line comes as a block of its own, and the lines that neighbouring columns print on one row come
one after the other: the next block is mostly another column's line, not the rest of the
sentence. What still marks a printed line is its width: a column's lines fill its measure, and
a page's columns share a few measures. `segment` reads a line that fills a measure among lines
of its measure and runs on as text, not as a heading (unless it reads as a whole title
and stands apart from the lines next to it);
`junctions` looks for its rest among the lines that follow it, not in the next block alone; and
`reflow` goes on from a paragraph's last line to its column's next line.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from parkdigest.convert.model import Block, Kind
from parkdigest.text import display_width, sentence_closed

# Fewer lines than this say nothing of how the page was copied.
MIN_LINES = 30
# A line as short as this may be a word or a label: it counts for nothing.
MIN_LINE_CHARS = 4
# A column's line is at most this wide (26 Chinese characters); a wider block is a headline
# over several columns or a paragraph the tool kept whole. No column is narrower than 8.
COLUMN_MAX_WIDTH = 52
COLUMN_MIN_WIDTH = 16
# Most blocks of a page copied line by line are column lines ...
NARROW_SHARE = 0.6
# ... and a good share of them fill one of a few measures, each a width shared by many lines
# (at least MEASURE_MIN_LINES, and MEASURE_MIN_SHARE of the page's lines).
MEASURES_SHARE = 0.35
MEASURE_MIN_LINES = 4
MEASURE_MIN_SHARE = 0.03
# A paragraph's first line is indented two characters: it fills its measure less that.
INDENT_WIDTH = 4
# A typesetter keeps a closing mark (，。、) off a line's start by pushing the character before it
# down with it: that line fills its measure less one character (of held-out copies' lines with
# their rest, one in thirty).
PUSHED_WIDTH = 2
# A font sets a half-width character (a digit, a Latin letter) narrower or wider than half a
# Chinese one: a line holding some may fill its measure this many units off its display width.
HALF_WIDTH_SLACK = 1
# A column's next line, and the lines its row prints beside it, stand within this many blocks
# of a line (the columns of a row, a few more where the rows of two modules interleave).
NEAR_LINES = 8


@dataclass(frozen=True)
class PrintedLines:
    """The measures (display widths, `text.display_width`) of a page's columns, on a page whose
    blocks are its printed lines."""

    measures: frozenset[int]

    @classmethod
    def of(cls, blocks: Sequence[Block]) -> PrintedLines | None:
        """The page's measures if its blocks are its printed lines, else None."""
        lines = [b.text for b in blocks
                 if b.kind in (Kind.BODY, Kind.HEADLINE) and "\n" not in b.text and len(b.text) >= MIN_LINE_CHARS]
        if len(lines) < MIN_LINES:
            return None
        widths = [display_width(text) for text in lines]
        narrow = sum(1 for width in widths if width <= COLUMN_MAX_WIDTH)
        # A measure is a width that many lines running on fill: the lines that close a paragraph
        # are as short as it happens, and no column is narrower than COLUMN_MIN_WIDTH.
        counts = Counter(width for text, width in zip(lines, widths, strict=True)
                         if COLUMN_MIN_WIDTH <= width <= COLUMN_MAX_WIDTH and not sentence_closed(text))
        measures = frozenset(w for w, n in counts.items()
                             if n >= max(MEASURE_MIN_LINES, MEASURE_MIN_SHARE * len(lines)))
        if narrow < NARROW_SHARE * len(lines) or sum(counts[w] for w in measures) < MEASURES_SHARE * len(lines):
            return None
        return cls(measures)

    def measures_of(self, text: str) -> tuple[int, ...]:
        """The measures the line may fill: its width; its width and a character pushed to the next
        line (PUSHED_WIDTH); its width and a paragraph's indent (a first line, whose indent a copy
        does not keep); each a unit either way for a line holding half-width characters
        (HALF_WIDTH_SLACK). None for a line that fills none."""
        width = display_width(text)
        slack = (0, -HALF_WIDTH_SLACK, HALF_WIDTH_SLACK) if width != 2 * len(text) else (0,)
        return tuple(sorted({measure for base in (width, width + PUSHED_WIDTH, width + INDENT_WIDTH)
                             for measure in (base + d for d in slack) if measure in self.measures}))

    def among_its_columns(self, texts: Sequence[str], k: int) -> bool:
        """Does line k fill a measure that a line within NEAR_LINES of it fills too? A column's
        lines come among lines of their measure; a title as wide as a measure stands alone."""
        measures = set(self.measures_of(texts[k]))
        near = range(max(0, k - NEAR_LINES), min(len(texts), k + NEAR_LINES + 1))
        return bool(measures) and any(j != k and measures & set(self.measures_of(texts[j])) for j in near)

    def between_lines_of_its_measure(self, texts: Sequence[str], k: int) -> bool:
        """Do the lines right before and right after line k fill a measure it fills? A heading is
        set apart from the text around it, in its own type: the copy's lines next to it are its
        stack's, a byline, or lines of other measures. A line set between two lines of its
        measure stands in a run of column lines, whatever it reads as."""
        measures = set(self.measures_of(texts[k]))
        return 0 < k < len(texts) - 1 and all(measures & set(self.measures_of(texts[j])) for j in (k - 1, k + 1))
