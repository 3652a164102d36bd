"""PDF seeds: the dev PDFs in the quality gate, every character of a page landing once, an
editor's sidecar, pages of one PDF, determinism, and bad PDFs that get one line each.

Every bad PDF is built inside its test: bytes that are no PDF, a truncated and a damaged
copy of a dev page, an encrypted copy (pypdf), a scan (an image saved as PDF by Pillow), a
font without a Unicode map, text printed at an angle, too many pages, a page of 70,000
characters (hand-written PDF objects).
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
import yaml

from parkdigest.convert.conservation import conservation_errors
from parkdigest.convert.model import PageResult
from parkdigest.convert.pdf.extract import MAX_PAGES, PdfError, PdfReader, read_pdf
from parkdigest.convert.pdf.segment import segment_pdf
from parkdigest.convert.pipeline import convert_page, run
from parkdigest.problems import Problem, Severity
from parkdigest.quality.score import score_outputs

DEVSET = Path(__file__).parent / "devset-pdf"
DEV_PDFS = sorted((DEVSET / "pdf").glob("*.pdf"))
FLOORS = yaml.safe_load((Path(__file__).parent / "expected" / "quality.yaml").read_text(encoding="utf-8"))["devset_pdf"]
SAMPLE = DEVSET / "pdf" / "rmrb-2026-03-26-10.pdf"  # six articles, a photo item, labels, two-line titles


@pytest.fixture(scope="module")
def dev_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("devpdf") / "articles"
    return out, run([DEVSET / "pdf"], out, jobs=1)


@pytest.fixture(scope="module")
def dev_scores(dev_run):
    out, _ = dev_run
    return score_outputs(DEVSET / "gold", out)


def test_every_dev_pdf_converts_without_error(dev_run):
    _, result = dev_run
    assert len(result.pages) == len(DEV_PDFS) == 30
    errors = [str(p) for page in result.pages for p in page.problems if p.severity is Severity.ERROR]
    assert not errors, errors


@pytest.mark.parametrize("figure", [k for k in FLOORS if not k.startswith("max_")])
def test_dev_pdf_figure_does_not_fall_below_its_floor(dev_scores, figure):
    got = dev_scores.figures()[figure]
    print(f"{figure}: {got:.3f} (floor {FLOORS[figure]})")
    assert got >= FLOORS[figure], f"{figure} fell to {got:.3f} (floor {FLOORS[figure]})"


def test_no_furniture_of_a_dev_pdf_reaches_an_article(dev_scores):
    leaks = {p.page: p.furniture_in_bodies + p.furniture_in_meta for p in dev_scores.pages
             if p.furniture_in_bodies or p.furniture_in_meta}
    assert sum(map(len, leaks.values())) <= FLOORS["max_furniture_leaks"], leaks
    missed = {p.page: p.unmatched_gold for p in dev_scores.pages if p.unmatched_gold}
    invented = {p.page: p.unmatched_outputs for p in dev_scores.pages if p.unmatched_outputs}
    assert sum(map(len, missed.values())) <= FLOORS["max_missed_articles"], missed
    assert sum(map(len, invented.values())) <= FLOORS["max_invented_articles"], invented


def test_the_printed_date_of_every_dev_pdf_is_read(dev_run):
    _, result = dev_run
    golds = {Path(json.loads(p.read_text(encoding="utf-8"))["seed"]).stem: json.loads(p.read_text(encoding="utf-8"))
             for p in (DEVSET / "gold").glob("*.json")}
    for page in result.pages:
        assert page.layout.page_date == golds[Path(page.source).stem]["issue_date"], page.source


@pytest.mark.parametrize("pdf", [p.name for p in DEV_PDFS[::3]])
def test_every_character_of_a_pdf_page_lands_exactly_once(pdf):
    layout, text = segment_pdf(read_pdf(DEVSET / "pdf" / pdf))
    lost, added = conservation_errors(text, layout)
    assert not lost and not added, (dict(lost), dict(added))
    assert sum(1 for _ in text.lines) > 100


def _converted(path: Path) -> PageResult:
    result = convert_page(path)
    assert isinstance(result, PageResult), result
    return result


def test_a_pdf_article_has_its_headline_parts_captions_and_paragraphs():
    result = _converted(SAMPLE)
    by_title = {a.meta["title"]: a for a in result.articles}
    story = by_title["让情绪消费健康稳定可持续（四海听音）"]
    assert story.meta["section"] == "新闻观察"
    assert story.meta["byline"] == "文/江萌"  # the padding inside a two-character name goes (issue 19)
    photo = next(a for t, a in by_title.items() if t.replace(" ", "") == "小吃节烟火味")
    assert photo.meta["captions"] == ["游客在巍山小吃节上品尝长街宴。", "巍山小吃节现场。"]
    assert photo.body.startswith("3月21日，第十三届大理巍山小吃节在云南大理白族自治州巍山彝族回族自治县开幕。")
    lead = by_title["“田间课堂”话春管"]
    assert lead.meta["section"] == "经济观察" and lead.meta["byline"] == "□ 新华社记者 叶婧"
    paragraphs = [p.strip() for p in lead.body.split("\n\n") if p.strip()]
    assert paragraphs[-1] == "（据新华社电）\n{ .credit }"  # the closing credit, where it is printed
    assert len(paragraphs) > 10 and all("\n" not in p for p in paragraphs[:-1])
    furniture = {f.text for f in result.layout.furniture}
    assert {"以上图片均为陈畅摄", "新华社发"} <= furniture
    assert any(f.startswith("■ 版式设计：梁晨") for f in furniture)


def test_the_report_of_a_pdf_outlines_each_article_on_its_page_picture(tmp_path):
    out = tmp_path / "docs" / "articles"
    result = run([SAMPLE], out, jobs=1)
    report = json.loads((tmp_path / "docs" / "sources" / "rmrb-2026-03-26-10.json").read_text(encoding="utf-8"))
    (page,) = report["pages"]
    picture = tmp_path / "docs" / "sources" / page["picture"]
    assert picture.read_bytes()[:3] == b"\xff\xd8\xff"  # a JPEG
    assert page["width"] == 900 and page["height"] > page["width"]
    modules = [a for a in page["areas"] if a["kind"] == "article"]
    assert sorted(a["article"] for a in modules) == sorted(a.slug for a in result.pages[0].articles)
    assert all(0 <= v <= 1 for a in page["areas"] for v in a["box"])
    assert any(a["kind"] == "furniture" for a in page["areas"])
    assert len(report["text"]) == max(int(r["lines"].split("-")[-1].split(",")[-1]) for r in report["lines"])


def test_a_reader_of_several_pdfs_gives_what_reading_each_alone_gives(tmp_path):
    """The pipeline reads PDFs with a PdfReader: each file's pictures are drawn, and the next
    file opened, on a thread while the caller segments. Read so (the bad file opened ahead
    too), the seeds and the errors are those of plain reads, one file at a time."""
    other = DEVSET / "pdf" / "rmrb-2026-01-27-06.pdf"
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(SAMPLE.read_bytes()[:2000])
    with PdfReader([SAMPLE, truncated, other]) as reader:
        first = reader.read(SAMPLE)
        with pytest.raises(PdfError) as bad:
            reader.read(truncated)
        last = reader.read(other)
    with pytest.raises(PdfError) as alone:
        read_pdf(truncated)
    assert bad.value.message == alone.value.message
    for seed, path in ((first, SAMPLE), (last, other)):
        plain = read_pdf(path)
        assert seed.pages == plain.pages and seed.problems == plain.problems
        assert seed.pictures.result() == plain.pictures.result()
        assert [p.page for p in seed.pictures.result()] == [1]


def test_converting_a_pdf_twice_gives_the_same_bytes(tmp_path):
    first, second = tmp_path / "a" / "articles", tmp_path / "b" / "articles"
    run([SAMPLE], first, jobs=1)
    run([SAMPLE], second, jobs=1)
    files = sorted(p.relative_to(first.parent) for p in first.parent.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second.parent) for p in second.parent.rglob("*") if p.is_file())
    for name in files:
        assert (first.parent / name).read_bytes() == (second.parent / name).read_bytes(), name
    again = run([SAMPLE], first, jobs=1)
    assert again.written.touched == 0


def test_an_editors_split_and_merge_follow_the_numbers_the_source_view_shows(tmp_path):
    plain = _converted(SAMPLE)
    titles = [a.meta["title"] for a in plain.articles]
    lead = plain.layout.drafts[0]
    # The lead story's fifth paragraph opens an article of its own ...
    fifth = lead.paragraphs[4]
    seed = tmp_path / SAMPLE.name
    seed.write_bytes(SAMPLE.read_bytes())
    # ... and, counting articles after that split (as the source view then numbers them), the
    # fourth is the rest of the third: the second and third of the plain conversion.
    seed.with_suffix(".yml").write_text(f"split_at: [{fifth.lines[0]}]\nmerge: [[3, 4]]\n", encoding="utf-8")
    edited = _converted(seed)
    assert len(edited.articles) == len(titles)  # one more, one less
    new = edited.layout.drafts[1]
    assert new.paragraphs[0].text == fifth.text and new.lines[0] >= fifth.lines[0]
    assert edited.layout.drafts[0].paragraphs[-1].text == lead.paragraphs[3].text
    merged = edited.layout.drafts[2]
    assert merged.title == plain.layout.drafts[1].title
    assert plain.layout.drafts[2].title in [p.text for p in merged.paragraphs if p.subhead]
    lost, added = conservation_errors(*reversed(segment_pdf(read_pdf(seed))))
    assert not lost and not added


def test_the_pages_of_one_pdf_are_read_in_turn(tmp_path):
    import pypdfium2 as pdfium

    two = pdfium.PdfDocument.new()
    for name in ("rmrb-2026-01-27-06.pdf", "rmrb-2026-03-24-08.pdf"):
        two.import_pages(pdfium.PdfDocument(DEVSET / "pdf" / name))
    path = tmp_path / "newsletter.pdf"
    two.save(path)
    result = _converted(path)
    pages = {a.page for a in result.layout.areas}
    assert pages == {1, 2} and [p.page for p in result.pictures] == [1, 2]
    titles = [a.meta["title"] for a in result.articles]
    assert titles[:2] == ["努力寻找药物合成的最优解（弘扬科学家精神）", "把难题变成课题（编辑手记）"]
    assert "这些老厂房，越来越年轻（探访·城市更新）" in titles[2:]
    lines = [line for draft in result.layout.drafts for line in draft.lines]
    assert len(lines) == len(set(lines))  # one numbering across the pages


# --- bad PDFs -------------------------------------------------------------------------------


def _raw_pdf(content: bytes, font: bytes, pages: int = 1) -> bytes:
    """A PDF written object by object: `pages` pages sharing one content stream and font."""
    kids = " ".join(f"{5 + i} 0 R" for i in range(pages)).encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
               b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream", font]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
                b"/Contents 3 0 R >>"] * pages
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
# Glyph names that say nothing about the characters: what a font without a Unicode map gives.
NO_UNICODE = (b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding "
              b"/Differences [97 /g1 /g2 /g3 /g4 /g5 /g6] >> >>")


def _encrypted(data: bytes) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _scan() -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("L", (600, 800), 255)
    ImageDraw.Draw(image).rectangle((50, 50, 550, 120), fill=0)
    out = io.BytesIO()
    image.save(out, format="PDF")
    return out.getvalue()


def _bad_pdfs() -> dict[str, tuple[bytes, str]]:
    """file name -> (bytes, what its one line must say)."""
    good = SAMPLE.read_bytes()
    return {
        "not-a-pdf.pdf": ("人民日报 2026年3月26日 要闻\n".encode(), "not a PDF"),
        "truncated.pdf": (good[: len(good) // 3], "damaged or truncated"),
        "damaged.pdf": (b"%PDF-1.7\n" + bytes(range(256)) * 40, "damaged or truncated"),
        "empty.pdf": (b"", "not a PDF"),
        "encrypted.pdf": (_encrypted(good), "encrypted"),
        "scan.pdf": (_scan(), "run OCR first"),
        "no-unicode.pdf": (_raw_pdf(b"BT /F1 24 Tf 72 700 Td (abcdef) Tj ET", NO_UNICODE), "Helvetica"),
        "many-pages.pdf": (_raw_pdf(b"BT /F1 12 Tf 72 700 Td (Page) Tj ET", HELVETICA, MAX_PAGES + 1),
                           f"over the {MAX_PAGES} pages"),
        "huge-page.pdf": (_raw_pdf(b"BT /F1 4 Tf 10 830 Td 5 TL " + (b"(" + b"x" * 350 + b") '") * 200 + b" ET",
                                   HELVETICA), "characters, over the"),
    }


def test_bad_pdfs_get_one_line_each_and_the_good_one_still_converts(tmp_path, capsys):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    expected = _bad_pdfs()
    for name, (data, _) in expected.items():
        (seeds / name).write_bytes(data)
    (seeds / SAMPLE.name).write_bytes(SAMPLE.read_bytes())
    result = run([seeds], tmp_path / "docs" / "articles", jobs=1)
    assert [p.source for p in result.pages] == [SAMPLE.name] and len(result.pages[0].articles) == 6
    by_file = {p.path: p for p in result.problems if p.severity is Severity.ERROR}
    for name, (_, says) in expected.items():
        problem = by_file.get(name)
        assert isinstance(problem, Problem), (name, [str(p) for p in result.problems])
        line = str(problem)
        assert says in line and "\n" not in line and line.startswith(f"{name}: error: ") and " — " in line, line
        assert "Traceback" not in line and "internal error" not in line, line


def test_a_bad_page_of_a_newsletter_is_reported_and_its_other_pages_still_convert(tmp_path):
    """A page too big to be a newspaper page (page 2) and a page pdfium cannot load (page 3, its
    object broken) each get one line naming the page; page 1 converts as it does alone."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument.new()
    doc.import_pages(pdfium.PdfDocument(SAMPLE))
    doc.import_pages(pdfium.PdfDocument(_bad_pdfs()["huge-page.pdf"][0]))
    doc.import_pages(pdfium.PdfDocument(_raw_pdf(b"BT /F1 12 Tf 72 700 Td (Page) Tj ET", HELVETICA)))
    out = io.BytesIO()
    doc.save(out)
    data = out.getvalue()
    third = data.rindex(b"/Type/Page>>")  # the last page's object: its type spoiled, pdfium cannot load it
    path = tmp_path / "newsletter.pdf"
    path.write_bytes(data[:third] + b"/Type/Pxge>>" + data[third + len(b"/Type/Page>>"):])
    result = _converted(path)
    alone = _converted(SAMPLE)
    assert [a.meta["title"] for a in result.articles] == [a.meta["title"] for a in alone.articles]
    assert [p.page for p in result.pictures] == [1, 2]
    errors = [str(p) for p in result.problems if p.severity is Severity.ERROR]
    assert len(errors) == 2 and all("\n" not in e and e.startswith("newsletter.pdf: error: page ") for e in errors)
    assert "page 2 holds" in errors[0] and "the PDF's other pages are read" in errors[0]
    assert "page 3 is damaged" in errors[1], errors


def test_the_cli_reports_a_bad_pdf_in_one_line_and_exits_1(tmp_path, capsys):
    from parkdigest.cli import main

    seed = tmp_path / "encrypted.pdf"
    seed.write_bytes(_encrypted(SAMPLE.read_bytes()))
    code = main(["convert", str(seed), "--out", str(tmp_path / "docs" / "articles"), "--no-cache"])
    err = capsys.readouterr().err
    assert code == 1
    assert "encrypted.pdf: error: the PDF is encrypted with a password — save an unprotected copy" in err
    assert "Traceback" not in err


def test_text_at_an_angle_is_reported_not_lost_silently(tmp_path):
    seed = tmp_path / "rotated.pdf"
    seed.write_bytes(_raw_pdf(b"BT /F1 24 Tf 0 1 -1 0 300 300 Tm (Vertical text) Tj ET "
                              b"BT /F1 12 Tf 72 700 Td (Hello) Tj ET", HELVETICA))
    result = _converted(seed)
    assert any("13 characters are printed at an angle" in str(p) for p in result.problems)
    assert "Hello" in result.articles[0].body + result.articles[0].meta["title"]
