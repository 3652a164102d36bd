"""The site at two sizes, 100 and 1,000 articles: what one page view downloads does not grow
with the archive (Debian's chromium, every file a page view fetches, counted). The articles
are written directly as files (front-matter and a paragraph, titles of one length), so the two
builds take seconds; the benchmark (`parkdigest bench`) measures converted pages at scale."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
import yaml

from test_browser import LAPTOP, Reader

from conftest import build_site
from test_site_support import LocalServer

pytestmark = pytest.mark.browser

SIZES = (100, 1_000)
# Published at an address, so that the sitemap lists every page (as it does on the real site):
# a page view that fetched it would download more at 1,000 articles.
SITE_URL = "https://example.org/parkdigest/"
# The zones and topics the articles take in turn: a plain zone, a member of a demonstration
# zone (whose page lists it too), two topics.
ZONES = ("唐山高新区", "兰州高新区")
TOPICS = (("人才",), ("人才", "科技金融"))
# The newest article keeps the paper's double space between the halves of its title.
PARALLEL_TITLE = "小吃节  烟火味"
SHOWN_TITLE = "小吃节\u3000烟火味"
# All articles fall in the same three months at both sizes: every month page is full at 100 too.
LAST_DAY = date(2023, 12, 31)
SPAN_DAYS = 90
# Pages a reader opens, one of each kind.
PAGE_VIEWS = {"home": "", "article": "articles/a00000/", "zone": "zones/tangshangaoxinqu/",
              "demonstration zone": "zones/lanbaiguojiazizhuchuangxinshifanqu/", "topic": "tags/talent/",
              "month": "archive/2023-12/", "zones": "zones/", "topics": "tags/", "archive": "archive/",
              "about": "about/", "missing": "no-such-page/"}
# What may differ between the sizes: counts and page numbers have more digits (a pager shows
# at most seven links, "…" between them). Anything listed per article would differ by tens of kB.
SLACK_BYTES = 1_500


def write_articles(docs: Path, count: int) -> None:
    """`count` articles a00000, a00001 … dated back from LAST_DAY over SPAN_DAYS, on the zones
    and topics in turn; every title, summary and text of one length."""
    (docs / "articles").mkdir(parents=True)
    for i in range(count):
        day = LAST_DAY - timedelta(days=i * SPAN_DAYS // count)
        meta = {"title": PARALLEL_TITLE if i == 0 else f"第{i:05d}号园区新闻标题",
                "date": day.isoformat(), "date_precision": "day", "zone": ZONES[i % 2], "zones": [ZONES[i % 2]],
                "topics": list(TOPICS[i % 2]), "tags": list(TOPICS[i % 2]), "park_news": True,
                "summary": f"第{i:05d}号新闻的摘要。" * 3}
        text = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n"
        (docs / "articles" / f"a{i:05d}.md").write_text(text + f"第{i:05d}号新闻的正文。" * 20 + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """{articles: built site}, the two built side by side."""
    works = {count: tmp_path_factory.mktemp(f"scale{count}") for count in SIZES}

    def build(count: int) -> Path:
        write_articles(works[count] / "source", count)
        (works[count] / "build").mkdir()
        site, proc = build_site(works[count] / "build", works[count] / "source", site_url=SITE_URL)
        assert proc.returncode == 0, proc.stderr[-3000:]
        return site

    with ThreadPoolExecutor(len(SIZES)) as pool:
        return dict(zip(SIZES, pool.map(build, SIZES)))


def page_views(browser, site: Path) -> dict[str, tuple[int, list[str]]]:
    """Page view -> bytes of every file of the site that opening it downloads, and their paths.
    (Routing every request, as Reader does, turns chromium's cache off: each view fetches all.)"""
    out = {}
    with LocalServer(site) as server:
        reader = Reader(browser, server, LAPTOP)
        fetched: list[str] = []
        reader.page.on("requestfinished", lambda request: fetched.append(urlsplit(request.url).path.lstrip("/")))
        for name, path in PAGE_VIEWS.items():
            fetched.clear()
            reader.open(path)
            files = {site / p / "index.html" if not p or p.endswith("/") else site / p for p in fetched}
            shown = [f for f in files if f.is_file()] + ([site / "404.html"] if name == "missing" else [])
            out[name] = (sum(f.stat().st_size for f in shown), sorted(str(f.relative_to(site)) for f in shown))
        reader.errors = [e for e in reader.errors if "404" not in e]  # the missing page itself
        reader.close()
    return out


def test_a_page_view_downloads_as_much_at_1000_articles_as_at_100(browser, sites):
    small, large = (page_views(browser, sites[n]) for n in SIZES)
    assert [files for _, files in small.values()] == [files for _, files in large.values()]
    index = {f for _, files in large.values() for f in files if f.startswith(("search/", "sitemap"))}
    assert index == {"search/pd/config.json"}, index  # the search's constant config; its index waits for a query
    grown = {name: (small[name][0], large[name][0]) for name in PAGE_VIEWS
             if abs(large[name][0] - small[name][0]) > SLACK_BYTES}
    assert not grown, grown


def test_the_two_sites_differ_where_the_archive_grew(sites):
    """The measure above sees the archive: 1,000 articles do make more pages and a longer sitemap."""
    small, large = (sites[n] for n in SIZES)
    assert len(list(large.rglob("*.html"))) > 5 * len(list(small.rglob("*.html")))
    assert (large / "sitemap.xml").stat().st_size > 5 * (small / "sitemap.xml").stat().st_size


def test_parallel_halves_of_a_title_are_one_full_width_space_apart(sites):
    site = sites[SIZES[0]]
    article = (site / "articles" / "a00000" / "index.html").read_text(encoding="utf-8")
    assert f"<h1>{SHOWN_TITLE}</h1>" in article and f"<title>{SHOWN_TITLE} - " in article
    for listing in ("index.html", "zones/tangshangaoxinqu/index.html", "tags/talent/index.html"):
        html = (site / listing).read_text(encoding="utf-8")
        assert f">{SHOWN_TITLE}</a>" in html and PARALLEL_TITLE not in html, listing
    for feed in ("feed.xml", "zones/tangshangaoxinqu/feed.xml", "tags/talent/feed.xml"):
        titles = [e.title for e in feedparser.parse((site / feed).read_bytes()).entries]
        assert SHOWN_TITLE in titles and not [t for t in titles if "  " in t], feed
    records = [p.read_text(encoding="utf-8") for p in (site / "search" / "pd" / "d").glob("*-0.json")]
    assert any(f'"t":"{SHOWN_TITLE}"' in r for r in records)
    assert not re.search(r"小吃节 +烟火味", "".join(records))
