"""The built site, read as files: listings, article pages, feed, search index, links."""

from __future__ import annotations

import gzip
import json
import posixpath
import re
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlsplit

import feedparser
import pytest

from parkdigest.site.catalog import Catalog, Entry, index_catalog, make_zone_slugs
from parkdigest.site.chart import list_months, render_month_chart
from parkdigest.site.feed import format_pubdate
from parkdigest.site.pages import Settings, make_latest_pages, render_latest
from parkdigest.site.render import format_date, pages_to_link

from test_site_support import hrefs_in, page_html, parse_links, read_articles

LISTING_PREFIXES = ("zones/", "archive/", "sources/", "page/", "tags/")
RESOURCE_TAGS = {"script", "img", "source", "iframe", "embed", "object", "video", "audio"}
# <link rel=...> that a browser does not fetch (the canonical address, the feed's address)
NOT_FETCHED_LINKS = {"canonical", "alternate"}


def resolve(page_url: str, href: str) -> str:
    """Site path (like 'articles/x/') of a relative href on the page at page_url."""
    path = unquote(urlsplit(href).path)
    joined = posixpath.normpath(posixpath.join("/" + page_url, path))
    return joined.lstrip("/") + ("/" if path.endswith("/") and joined != "/" else "")


def listed_slugs(site: Path, page_url: str) -> list[str]:
    """Article slugs a listing page links to with its titles, in order."""
    html = page_html(site, page_url)
    paths = [resolve(page_url, href) for href in hrefs_in(html, "pd-title")]
    return [p.split("/")[1] for p in paths if p.startswith("articles/")]


def newest_first(articles) -> list[str]:
    return [a.slug for a in sorted(articles, key=lambda a: (str(a.meta["date"]), f"articles/{a.slug}.md"),
                                   reverse=True)]


@pytest.fixture(scope="module")
def site(built_site):
    return built_site[0]


@pytest.fixture(scope="module")
def articles(converted):
    return read_articles(converted[0])


# ---------------------------------------------------------------------------------------------
# Search index


def test_search_index_holds_jieba_segmented_articles_and_no_listings(site, articles):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["zh"]
    docs = index["docs"]
    segmented = [d for d in docs if re.search(r"[\u4e00-\u9fff]\u200b[\u4e00-\u9fff]", d["text"])]
    assert len(segmented) >= len(articles), "jieba did not segment the index (is jieba importable?)"
    pages = {d["location"].split("#")[0] for d in docs}
    assert {f"articles/{a.slug}/" for a in articles} <= pages
    assert not [p for p in pages if p == "" or p.startswith(LISTING_PREFIXES)], "listing pages are searchable"


def test_search_index_has_each_decks_text_with_its_article(site, articles):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = {d["location"]: d["text"].replace("\u200b", "") for d in index["docs"]}
    with_deck = [a for a in articles if a.meta.get("deck")]
    assert with_deck
    for article in with_deck:
        assert str(article.meta["deck"]) in texts[f"articles/{article.slug}/"], article.slug


def test_search_index_is_written_as_utf8_not_escapes(site):
    docs = (site / "search" / "search_index.json").read_bytes().split(b'"docs":', 1)[1]
    assert b"\\u" not in docs  # the config's separator is a regex and keeps its own \\u escapes
    assert "高新区".encode() in docs


# ---------------------------------------------------------------------------------------------
# Feed


def test_feed_is_valid_rss_of_the_latest_articles(site, articles):
    feed = feedparser.parse((site / "feed.xml").read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "rss20"
    expected = newest_first(articles)[:30]
    assert [e.link.rstrip("/").rsplit("/", 1)[1] for e in feed.entries] == expected
    for entry in feed.entries:
        assert entry.title and entry.summary and entry.published_parsed
        assert entry.link.startswith("http")
    by_slug = {a.slug: a for a in articles}
    first = feed.entries[0]
    article = by_slug[expected[0]]
    assert first.title == article.title
    assert first.published_parsed[:3] == tuple(int(x) for x in str(article.meta["date"]).split("-"))


def test_every_page_announces_the_feed(site):
    home = (site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<link rel="alternate" type="application/rss\+xml" [^>]*href="feed.xml"', home)


# ---------------------------------------------------------------------------------------------
# Listings


def zone_links(site: Path) -> dict[str, str]:
    """Zone name -> its page, as the 园区 page links them."""
    html = page_html(site, "zones")
    return {name: resolve("zones/", href)
            for href, name in re.findall(r'<li><a href="([^"]+)">([^<]+)</a> <span class="pd-count">', html)}


def test_zone_index_lists_every_zone_by_province_with_counts(site, articles):
    html = page_html(site, "zones")
    counts = Counter(z for a in articles for z in a.zones)
    found = dict(re.findall(r'<li><a href="[^"]+">([^<]+)</a> <span class="pd-count">(\d+) 篇</span>', html))
    assert {k: int(v) for k, v in found.items()} == dict(counts)
    provinces = re.findall(r'<h2 id="[^"]*">([^<·]+) ·', html)
    assert "甘肃" in [p.strip() for p in provinces]
    gansu = html.split('<article')[1].split("甘肃 ·")[1].split("<h2")[0]
    assert "兰州高新区" in gansu


def test_each_zone_page_lists_its_articles_newest_first(site, articles):
    links = zone_links(site)
    assert links
    for zone, url in links.items():
        expected = newest_first([a for a in articles if zone in a.zones])
        assert listed_slugs(site, url) == expected, zone


def test_archive_lists_every_article_once_by_month(site, articles):
    html = page_html(site, "archive")
    months = [resolve("archive/", h) for h in re.findall(r'<li><a href="([^"]+)">\d+月</a>', html)]
    assert months
    listed = [slug for month in months for slug in listed_slugs(site, month)]
    assert sorted(listed) == sorted(a.slug for a in articles)  # every article, once
    for month in months:
        for slug in listed_slugs(site, month):
            article = next(a for a in articles if a.slug == slug)
            assert str(article.meta["date"]).startswith(month.split("/")[1])


def test_archive_chart_has_a_linked_column_per_month(site, articles):
    html = page_html(site, "archive")
    svg = re.search(r'<svg class="pd-chart__svg".*?</svg>', html, flags=re.S).group()
    assert 'role="img"' in svg and "<title" in svg
    months = Counter(str(a.meta["date"])[:7] for a in articles)
    assert len(re.findall(r"<rect ", svg)) == len(months)
    assert "http" not in svg.replace("http://www.w3.org/2000/svg", "")


def test_latest_pages_list_every_article_once_newest_first(site, articles):
    listed = listed_slugs(site, "")
    page = 2
    while (site / "page" / str(page) / "index.html").is_file():
        listed += listed_slugs(site, f"page/{page}/")
        page += 1
    assert listed == newest_first(articles)


def test_latest_list_is_paginated_with_links_between_pages():
    entries = [Entry(title=f"t{i}", src_uri=f"articles/t{i}.md", url=f"articles/t{i}/", date=f"2022-07-{i + 1:02d}",
                     precision="day", zones=(), topics=(), summary="", deck="", source="", first_line=0)
               for i in range(5)][::-1]
    catalog = Catalog(articles=entries)
    index_catalog(catalog)
    settings = Settings(page_size=2)
    pages = make_latest_pages(catalog, settings)
    assert sorted(pages) == ["page/2.md", "page/3.md"]
    first = render_latest(catalog, settings, 1, "")
    assert 'href="articles/t4/"' in first and 'href="articles/t2/"' not in first
    assert 'rel="next" href="page/2/"' in first and 'rel="prev"' not in first
    second = pages["page/2.md"]
    assert 'href="../../articles/t2/"' in second and 'rel="prev" href="../.."' in second
    assert 'rel="next" href="../3/"' in second and 'aria-current="page">2<' in second
    assert "search:\n  exclude: true" in second


def test_topic_index_lists_each_topics_articles(site, articles):
    html = page_html(site, "tags")
    for topic in ("人才", "产业集群"):
        section = html.split(f'id="tag:{topic}"')[1].split("<h2")[0]
        slugs = [resolve("tags/", h).split("/")[1] for h in re.findall(r'<a href="([^"]+)"', section)]
        assert sorted(slugs) == sorted(a.slug for a in articles if topic in (a.meta.get("tags") or [])), topic
        dates = [str(next(a for a in articles if a.slug == slug).meta["date"]) for slug in slugs]
        assert dates == sorted(dates, reverse=True), topic  # newest first


def test_source_pages_show_articles_in_page_order_and_the_report(site, converted, articles):
    _, result = converted
    for page in result.pages:
        stem = Path(page.source).stem
        url = f"sources/{stem}/"
        html = page_html(site, url)
        expected = [a.slug for a, _ in sorted(zip(page.articles, page.layout.drafts), key=lambda ad: min(ad[1].lines))]
        assert listed_slugs(site, url) == expected, page.source
        assert f'href="../{stem}.json"' in html
        for item in page.layout.furniture:
            assert f"<td>{item.line}</td>" in html
        assert html.count("<li>") >= len(page.problems)
        low = Settings().low_confidence
        # 待核对 marks an article or a moved run of lines the converter is unsure of ...
        flagged = any((a.meta.get("confidence") or 1) < low for a in page.articles) or any(
            m.confidence < low for m in page.layout.moves)
        assert ("待核对" in html) == flagged, page.source
        # ... and the uncertain joins are the rows of their own table (the last heading of
        # that name: the table of contents names it first).
        section = html.rsplit("把握较低的接续", 1)[1].split("<h2", 1)[0]
        assert section.count("<tr><td>") == sum(j.confidence < low for j in page.layout.joins), page.source
    index = page_html(site, "sources")
    assert all(f"{p.source}</a>" in index for p in result.pages)


# ---------------------------------------------------------------------------------------------
# Article page


def test_article_page_shows_its_metadata_and_related_articles(site, articles):
    article = next(a for a in articles if a.meta.get("zone") == "兰州高新区")
    url = f"articles/{article.slug}/"
    html = page_html(site, url)
    assert f"<h1>{article.title}</h1>" in html
    date = str(article.meta["date"])
    assert f'<time datetime="{date}">' in html
    zones = [resolve(url, h) for h in hrefs_in(html, "pd-zone-chip")]
    assert zones == [zone_links(site)[z] for z in article.zones]
    assert f'约 {article.meta["readtime"]} 分钟读完' in html
    assert [resolve(url, h) for h in hrefs_in(html, "pd-source-link")] == [
        f"sources/{Path(article.meta['source']).stem}/"]
    tags = re.search(r'<nav class="md-tags"\s*>(.*?)</nav>', html, flags=re.S).group(1)
    assert all(topic in tags for topic in article.meta["tags"])
    related = html.split('class="pd-related"')[1]
    same_zone = [a.slug for a in articles if "兰州高新区" in a.zones and a.slug != article.slug]
    assert same_zone and all(slug in related for slug in same_zone)


def test_inferred_dates_are_marked(site, articles):
    inferred = [a for a in articles if a.meta.get("date_precision") == "inferred"]
    if not inferred:
        pytest.skip("no article with an inferred date in the seeds")
    html = page_html(site, f"articles/{inferred[0].slug}")
    assert "（推断）" in html.split('class="pd-article-meta"')[1].split("</div>")[0]


def test_format_date_by_precision_and_escaping():
    entry = Entry(title="t", src_uri="articles/t.md", url="articles/t/", date="2022-07-31", precision="day",
                  zones=(), topics=(), summary="", deck="", source="", first_line=0)
    assert ">2022年7月31日</time>" in format_date(entry)
    assert ">2022年7月</time>" in format_date(Entry(**{**entry.__dict__, "precision": "month"}))
    assert "（推断）" in format_date(Entry(**{**entry.__dict__, "precision": "inferred"}))
    assert "<b>" not in format_date(Entry(**{**entry.__dict__, "date": "<b>"}))


# ---------------------------------------------------------------------------------------------
# Links, requests, warnings


def html_files(site: Path):
    return sorted(site.rglob("*.html"))


def test_no_broken_internal_links(site):
    ids: dict[Path, set[str]] = {}
    broken = []
    for path in html_files(site):
        parsed = parse_links(path)
        ids[path] = parsed.ids
    for path in html_files(site):
        for tag, attribute, value, _ in parse_links(path).links:
            parts = urlsplit(value)
            if parts.scheme or parts.netloc or value.startswith(("#", "data:", "mailto:")):
                continue
            base = site if parts.path.startswith("/") else path.parent  # 404.html links from the site root
            target = (base / unquote(parts.path).lstrip("/")).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{path.relative_to(site)}: {tag} {attribute}={value}")
            elif parts.fragment and target.suffix == ".html" and target in ids:
                if unquote(parts.fragment) not in ids[target]:
                    broken.append(f"{path.relative_to(site)}: {value} (no such anchor)")
    assert not broken, "\n".join(broken[:20])


def test_pages_load_nothing_from_elsewhere(site):
    """Scripts, styles, images and fonts all come from the site itself (it works offline and in China)."""
    loaded_elsewhere = []
    for path in html_files(site):
        for tag, attribute, value, rel in parse_links(path).links:
            fetched = tag in RESOURCE_TAGS or (tag == "link" and rel not in NOT_FETCHED_LINKS)
            if fetched and urlsplit(value).netloc:
                loaded_elsewhere.append(f"{path.relative_to(site)}: <{tag} {attribute}={value}>")
    css = [p for p in site.rglob("*.css") if re.search(r"url\(\s*['\"]?(https?:)?//", p.read_text(encoding="utf-8"))]
    assert not loaded_elsewhere and not css, loaded_elsewhere[:10] + [str(p) for p in css]


def test_strict_build_has_no_warnings(built_site):
    _, proc = built_site
    assert "WARNING" not in proc.stderr and "ERROR" not in proc.stderr, proc.stderr[-2000:]


def test_site_and_search_index_sizes_are_reported(site, capsys):
    index = (site / "search" / "search_index.json").read_bytes()
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    with capsys.disabled():
        print(f"\nsite {total / 1e6:.2f} MB; search index {len(index) / 1e3:.0f} kB raw, "
              f"{len(gzip.compress(index)) / 1e3:.0f} kB gzip")
    assert len(index) < total


# ---------------------------------------------------------------------------------------------
# Small pieces


def test_pager_shows_a_bounded_window_of_pages():
    assert pages_to_link(1, 3) == [1, 2, 3]
    assert pages_to_link(10, 40) == [1, None, 8, 9, 10, 11, 12, None, 40]
    assert pages_to_link(40, 40) == [1, None, 38, 39, 40]


def test_list_months_fills_gaps_across_years():
    assert list_months("2021-11", "2022-02") == ["2021-11", "2021-12", "2022-01", "2022-02"]
    assert list_months("2022-07", "2022-07") == ["2022-07"]


def test_month_chart_escapes_and_links_only_months_with_articles():
    svg = render_month_chart([("2021-11", 2), ("2022-01", 5)], lambda m: f"archive/{m}/")
    assert svg.count("<rect ") == 2 and svg.count("<a ") == 2
    assert 'href="archive/2021-12/"' not in svg


def test_pubdate_is_rfc822_beijing_noon():
    assert format_pubdate("2022-07-31") == "Sun, 31 Jul 2022 12:00:00 +0800"
    assert format_pubdate("2022-07") is None


def test_zone_slugs_are_ascii_and_unique():
    slugs = make_zone_slugs(["兰州高新区", "兰州高新区 ", "武汉东湖高新区", "Ａ园"])
    assert len(set(slugs.values())) == 4
    assert all(re.fullmatch(r"[a-z0-9-]+", s) for s in slugs.values())
    assert slugs["兰州高新区"] == "lanzhougaoxinqu"
