"""A PDF seed flowing to the site: its articles published, and its source page showing the
page as a picture with each article's module outlined, numbered and linked — checked in
Debian's chromium on a phone (390 px) and a laptop (1366 px)."""

from __future__ import annotations

import shutil
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from conftest import CHROMIUM, CHROMIUM_ARGS, SEED_FILES, build_site

PDF = Path(__file__).parent / "devset-pdf" / "pdf" / "rmrb-2026-03-26-10.pdf"
STEM = PDF.stem
VIEWPORTS = {"phone": (390, 844), "laptop": (1366, 768)}


@pytest.fixture(scope="module")
def pdf_site(tmp_path_factory):
    """The site built from the seeds and one PDF page saved beside them."""
    from parkdigest.convert.pipeline import run

    work = tmp_path_factory.mktemp("pdfsite")
    seeds = work / "seeds"
    seeds.mkdir()
    for seed in SEED_FILES:
        shutil.copy(seed, seeds)
    shutil.copy(PDF, seeds)
    docs = work / "docs"
    result = run([seeds], docs / "articles", jobs=1)
    site, proc = build_site(work / "build", docs)
    assert proc.returncode == 0, proc.stderr[-3000:]
    pdf_page = next(p for p in result.pages if p.source == PDF.name)
    return site, pdf_page


@pytest.fixture(scope="module")
def served(pdf_site):
    site, _ = pdf_site
    handler = partial(SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *args: None  # type: ignore[method-assign]
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_a_pdf_seeds_articles_and_source_page_are_published(pdf_site):
    site, page = pdf_site
    assert len(page.articles) == 6
    for article in page.articles:
        html = (site / "articles" / article.slug / "index.html").read_text(encoding="utf-8")
        assert article.meta["title"].split(" ")[0][:6] in html
    source = (site / "sources" / STEM / "index.html").read_text(encoding="utf-8")
    assert f"{STEM}.p1.jpg" in source and source.count('class="pd-area pd-area-article"') == 6
    assert (site / "sources" / f"{STEM}.p1.jpg").read_bytes()[:3] == b"\xff\xd8\xff"


@pytest.mark.browser
@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_the_source_view_outlines_each_article_on_the_page_picture(served, pdf_site, viewport):
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.is_file():
        pytest.fail("Debian's chromium is missing: run `make chromium`")
    _, page_result = pdf_site
    width, height = VIEWPORTS[viewport]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(f"{served}/sources/{STEM}/")
            sheet = page.locator(".pd-page-sheet").first
            sheet.scroll_into_view_if_needed()
            page.wait_for_function("document.querySelector('.pd-page-sheet img').complete")
            loaded = page.evaluate("document.querySelector('.pd-page-sheet img').naturalWidth")
            assert loaded == 900  # the picture itself, lazy-loaded once in view
            box = sheet.bounding_box()
            assert box is not None and 0 < box["width"] <= width and box["height"] > box["width"]
            assert page.evaluate("document.documentElement.scrollWidth") <= width  # no sideways scrolling
            areas = page.locator("a.pd-area-article")
            assert areas.count() == len(page_result.articles)
            numbers = sorted(int(t) for t in areas.locator(".pd-area-number").all_inner_texts())
            assert numbers == list(range(1, len(page_result.articles) + 1))
            for i in range(areas.count()):  # every module lies on the picture and has a size to tap
                area = areas.nth(i).bounding_box()
                assert area is not None and area["width"] > 10 and area["height"] > 10
                assert box["x"] - 1 <= area["x"] and area["x"] + area["width"] <= box["x"] + box["width"] + 1
            page.screenshot(path=str(_artifacts() / f"pdf-source-{viewport}.png"), full_page=False)
            first = areas.first.get_attribute("href")
            page.locator("a.pd-area-article").first.click()
            page.wait_for_load_state()
            assert "/articles/" in page.url and first and first.strip("./").split("/")[-2] in page.url
        finally:
            browser.close()


def _artifacts() -> Path:
    folder = Path(__file__).resolve().parents[1] / "test-artifacts"
    folder.mkdir(exist_ok=True)
    return folder
