"""Text pages the converter has never seen: pages typeset by tests/typeset.py (other grids, fonts,
publications, furniture wording), their text copied the way a PDF reader's copy gives it, and gold in
the dev set's schema (../shared/devset/README.md) built from what the typesetter printed.

    .venv/bin/python tests/copied_pages.py --seeds 200-229 --out /tmp/copied    # render, copy, score

The copy is what a reader's copy-and-paste gives: the page's text blocks (a column's run of lines of
one style) in a tool's order, the lines of a block joined, a blank line between blocks, a paragraph
break where a line starts indented. Characters stay as the PDF's text layer has them (radicals,
half-width punctuation, padded names), as a copy would. Three orders (`--order`), as tools give them:

- `top` (the default), a naive layout order: top to bottom by each block's top, then left to right,
  so a page's columns interleave with their neighbours';
- `stream`, the order the PDF draws its text in (a tool that does no layout analysis: a browser's
  text layer, pdfminer without its layout pass): blocks by the first character each draws;
- `layout`, the tool that copied ../shared/devset-pdf/pages: pdfminer.six's layout analysis with
  its default parameters, its text boxes and their order (`layout_text`), not ours. Its copies of
  the dev PDFs are the dev set's pages, byte for byte (tests/test_quality.py).

Gold per article: title, kicker, deck, column label, byline, closing credit and captions as printed;
anchors are three snippets of the body that occur once on the page; first/last are the body's first
and last 16 characters. The typesetter knows no layout joins of this kind, so `joins` is empty.

This is a measure for tuning reports (README: "Text pages copied from PDFs"), not a test: the
figures it prints are the text converter's on pages nobody tuned it on. Seeds 0–199 are free to tune
on; quote seeds 200 and up as held out.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from enum import Enum
from pathlib import Path

import typeset  # the sibling tool: tests/ is on the path when run as a script or by pytest
from parkdigest.convert.pdf.blocks import make_blocks
from parkdigest.convert.pdf.extract import Box, Glyph, read_pdf
from parkdigest.convert.pdf.lines import TextLine, build_lines, type_measure
from parkdigest.convert.pdf.regions import find_regions
from parkdigest.quality.score import fold  # text as the scorers compare it

INDENT_EM = 1.2  # a body line that starts this far (in body ems) right of its block starts a paragraph
HEADING_SIZE = 1.1  # lines set this much larger than the body are a heading's: centred, never indented
ANCHORS = 3  # snippets per article, spread over its body
ANCHOR_CHARS = 10
END_CHARS = 16  # first/last, as in the dev set's gold
class Order(str, Enum):
    """The order a copy gives a page's blocks in (see the module's docstring)."""

    TOP = "top"
    STREAM = "stream"
    LAYOUT = "layout"


def copied_text(pdf: Path, order: Order = Order.TOP) -> str:
    """The page's text as a reader's copy gives it, its blocks in `order` (see the module's docstring)."""
    if order is Order.LAYOUT:
        return layout_text(pdf)
    out: list[str] = []
    for page in read_pdf(pdf).pages:
        lines = build_lines(page)
        if not lines:
            continue
        measure = type_measure(lines)
        regions = find_regions(page, lines, measure, lambda _line: False)
        blocks = make_blocks(lines, regions)
        if order is Order.STREAM:
            drawn = _drawing_order(page.glyphs)
            blocks.sort(key=lambda b: min(drawn.get(box, len(drawn)) for ln in b for box in ln.glyph_boxes))
        else:
            blocks.sort(key=lambda b: _top_order(b, measure.size))
        out.extend("\n".join(_paragraphs(block, measure.size)) for block in blocks)
    return "\n\n".join(out) + "\n"


def layout_text(pdf: Path) -> str:
    """The page's text as pdfminer.six's layout analysis copies it (default parameters): its text
    boxes in its order, a blank line between them and between the paragraphs of a box (a line that
    starts more than INDENT_EM of its box's line height in), a box's lines joined. A line is the
    characters the PDF draws: the spaces pdfminer adds where it sees a gap (justified CJK lines)
    are not the page's."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar, LTTextBox, LTTextLine

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # it warns of every font without a FontBBox

    paragraphs: list[str] = []
    for page in extract_pages(pdf):
        for box in page:
            if not isinstance(box, LTTextBox):
                continue
            lines = [line for line in box if isinstance(line, LTTextLine)]
            left = min((line.x0 for line in lines), default=0.0)
            height = sorted(line.height for line in lines)[len(lines) // 2] if lines else 0.0
            opened = False  # a paragraph of this box is open: the next line goes on with it
            for line in lines:
                text = "".join(char.get_text() for char in line if isinstance(char, LTChar)).strip()
                if not text:
                    continue
                if opened and line.x0 - left <= INDENT_EM * height:
                    paragraphs[-1] += text
                else:
                    paragraphs.append(text)
                opened = True
    return "\n\n".join(paragraphs) + "\n"


def _drawing_order(glyphs: Sequence[Glyph]) -> dict[Box, int]:
    """Each character's box: the index the page draws it at (its first, should two share one)."""
    drawn: dict[Box, int] = {}
    for index, glyph in enumerate(glyphs):
        drawn.setdefault(glyph.box, index)
    return drawn


def _top_order(block: list[TextLine], em: float) -> tuple[int, float]:
    return round(min(ln.box.y0 for ln in block) / em), min(ln.box.x0 for ln in block)


def _paragraphs(block: list[TextLine], em: float) -> list[str]:
    left = min(ln.box.x0 for ln in block)
    paragraphs = [""]
    for line in block:
        if paragraphs[-1] and line.size <= HEADING_SIZE * em and line.box.x0 - left > INDENT_EM * em:
            paragraphs.append("")
        paragraphs[-1] += line.text
    return [p for p in paragraphs if p.strip()]


def _anchors(body: str, page: str) -> list[str]:
    """Up to ANCHORS snippets of the body, in order, each found once on the page."""
    text = fold(body)
    if len(text) < ANCHOR_CHARS:
        return []
    picks: list[str] = []
    for k in range(ANCHORS):
        start = int((len(text) - ANCHOR_CHARS) * (k + 0.5) / ANCHORS)
        for at in (start, max(0, start - 7), min(len(text) - ANCHOR_CHARS, start + 7)):
            snippet = text[at:at + ANCHOR_CHARS]
            if page.count(snippet) == 1 and snippet not in picks:
                picks.append(snippet)
                break
    return picks


def gold_of(truth: typeset.Truth, seed: str, text: str) -> dict:
    """The page's gold in the dev set's schema."""
    page = fold(text)
    articles = []
    for article in truth.articles:
        photo = article.kind == "photo"
        body = "".join(article.paragraphs)
        articles.append({
            "title": article.title, "kicker": article.kicker or None, "deck": article.subtitle or None,
            "section": article.label or None, "byline": article.byline or None,
            "source_line": article.credit or None, "kind": "photo" if photo else "article",
            "zones": [], "topics": [], "subheads": list(article.subheads), "captions": list(article.captions),
            "anchors": [] if photo else _anchors(body, page),
            "first": "" if photo else fold(body)[:END_CHARS], "last": "" if photo else fold(body)[-END_CHARS:],
        })
    return {"seed": seed, "publication": truth.publication, "issue_date": truth.date or None,
            "date_estimate": None, "furniture": list(truth.furniture), "captions": list(truth.captions),
            "articles": articles, "joins": [], "notes": truth.style}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Typeset pages, copy their text as a PDF reader would, "
                                                 "write gold, convert the text and score it.")
    parser.add_argument("--seeds", default="200-229", help="typesetter seeds (default 200-229: held out)")
    parser.add_argument("--out", type=Path, default=Path("/tmp/copied"), help="folder for pdf/, pages/, gold/")
    parser.add_argument("--order", type=Order, choices=list(Order), default=Order.TOP,
                        help="the copy's block order (default top)")
    parser.add_argument("--pdfs", type=Path, help="copy these PDFs (a folder) instead of typesetting seeds; no gold")
    parser.add_argument("--no-convert", action="store_true", help="only write the pages and their gold")
    args = parser.parse_args(argv)
    pdfs, pages, gold = args.out / "pdf", args.out / "pages", args.out / "gold"
    if args.pdfs:
        pages.mkdir(parents=True, exist_ok=True)
        copied = sorted(args.pdfs.glob("*.pdf"))
        for path in copied:
            (pages / f"{path.stem}.txt").write_text(copied_text(path, args.order), encoding="utf-8")
        print(f"{len(copied)} pages in {pages}")
        return 0
    for folder in (pdfs, pages, gold):
        folder.mkdir(parents=True, exist_ok=True)
    rendered = typeset.render_pages(typeset.parse_seeds(args.seeds), pdfs)
    for path, truth in rendered:
        text = copied_text(path, args.order)
        seed = path.stem + ".txt"
        (pages / seed).write_text(text, encoding="utf-8")
        (gold / f"{path.stem}.json").write_text(json.dumps(gold_of(truth, seed, text), ensure_ascii=False,
                                                           indent=1) + "\n", encoding="utf-8")
    print(f"{len(rendered)} pages and their gold in {args.out}")
    if args.no_convert:
        return 0
    from parkdigest.convert.pipeline import run
    from parkdigest.quality.score import score_outputs

    articles = args.out / "articles"
    run([pages], articles, force=True)
    for name, value in score_outputs(gold, articles).figures().items():
        print(f"{name:<22}{value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
