"""The built site, read as files: listings, article pages, feed, search index, links."""

from __future__ import annotations

import gzip
import json
import posixpath
import re
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree as ET

import feedparser
import pytest

from parkdigest.site.catalog import Catalog, Entry, Report, demo_members, index_catalog, make_zone_slugs, member_of
from parkdigest.site.chart import render_month_chart
from parkdigest.site.feed import Site, describe_item, format_pubdate, make_feeds
from parkdigest.site.map import TILES
from parkdigest.site.pages import (
    LINE_ROLE_LABELS,
    Settings,
    make_latest_pages,
    make_month_pages,
    make_sources_index_pages,
    make_zone_pages,
    render_latest,
    render_sources_index,
)
from parkdigest.site.render import format_date, pages_to_link
from parkdigest.site.sources import (
    OTHER_FURNITURE,
    furniture_label,
    identify_page,
    line_ranges,
    page_title,
    translate_warning,
)
from parkdigest.site.topics import make_topic_pages, render_topic_index

from conftest import ROOT, SEED_FILES
from test_site_support import LocalServer, hrefs_in, page_html, parse_links, read_articles, rendered_text

LISTING_PREFIXES = ("zones/", "archive/", "sources/", "page/", "tags/")
RESOURCE_TAGS = {"script", "img", "source", "iframe", "embed", "object", "video", "audio"}
# <link rel=...> that a browser does not fetch (the canonical address, the feed's address)
NOT_FETCHED_LINKS = {"canonical", "alternate"}
FEED_ITEMS = 30  # mkdocs.yml extra.parkdigest.feed_items


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
    """Slugs in the order of every listing: park news first, then the newest first."""
    return [a.slug for a in sorted(articles, key=lambda a: (a.meta.get("park_news") is True, str(a.meta.get("date") or ""),
                                                            f"articles/{a.slug}.md"), reverse=True)]


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


@pytest.fixture(scope="module")
def server(site):
    with LocalServer(site) as running:
        yield running


def subscribe(server, path: str):
    """A feed as a feed reader gets it: fetched from the site's address (relative links resolve
    against it), valid RSS 2.0."""
    feed = feedparser.parse(server.url + path)
    assert feed.bozo == 0, (path, feed.get("bozo_exception"))
    assert feed.version == "rss20", path
    return feed


def feed_slugs(feed, server) -> list[str]:
    links = [e.link for e in feed.entries]
    assert all(link.startswith(server.url + "articles/") for link in links), links[:3]
    return [link.rstrip("/").rsplit("/", 1)[1] for link in links]


def test_feed_is_valid_rss_of_the_latest_articles(server, articles):
    feed = subscribe(server, "feed.xml")
    expected = newest_first(articles)[:FEED_ITEMS]
    assert feed_slugs(feed, server) == expected
    for entry in feed.entries:
        assert entry.title and entry.summary and entry.published_parsed
    by_slug = {a.slug: a for a in articles}
    first = feed.entries[0]
    article = by_slug[expected[0]]
    assert first.title == article.title
    assert first.published_parsed[:3] == tuple(int(x) for x in str(article.meta["date"]).split("-"))


def zone_news(articles, zone: str) -> list:
    """What a zone's page and feed list: its articles, and a demonstration zone's members' too."""
    zones = {zone, *demo_members().get(zone, ())}
    return [a for a in articles if zones & set(a.zones)]


def test_each_zone_feed_holds_exactly_its_articles_newest_first(server, site, articles):
    """Subscribed like a reader: every zone's feed (兰州高新区, and a demonstration zone with its
    members' news) lists exactly the articles of that zone, newest first, each with its date,
    summary, zones and topics."""
    links = zone_links(site)
    assert {"兰州高新区", "武汉东湖国家自主创新示范区"} <= set(links)
    by_slug = {a.slug: a for a in articles}
    for zone, url in links.items():
        feed = subscribe(server, f"{url}feed.xml")
        assert feed_slugs(feed, server) == newest_first(zone_news(articles, zone))[:FEED_ITEMS], zone
        assert zone in feed.feed.title and feed.feed.link == server.url + url
        for entry in feed.entries:
            article = by_slug[entry.link.rstrip("/").rsplit("/", 1)[1]]
            assert entry.summary and entry.published_parsed[:3] == tuple(
                int(x) for x in str(article.meta["date"]).split("-")), article.slug
            terms = {(t.scheme, t.term) for t in entry.tags}
            assert {("园区", z) for z in article.zones} | {("专题", t) for t in article.meta["topics"]} == terms


def test_each_topic_feed_holds_exactly_its_articles_newest_first(server, site, articles):
    topics = topic_links(site)
    assert "人才" in [name for name, _, _ in topics]
    for topic, url, count in topics:
        feed = subscribe(server, f"{url}feed.xml")
        expected = newest_first([a for a in articles if topic in a.meta["topics"]])
        assert len(expected) == count and feed_slugs(feed, server) == expected[:FEED_ITEMS], topic
        assert topic in feed.feed.title and feed.feed.link == server.url + url
        assert all(("专题", topic) in {(t.scheme, t.term) for t in e.tags} for e in feed.entries), topic


def test_zone_and_topic_pages_announce_their_feed_and_offer_it_to_subscribe(site):
    pages = list(zone_links(site).values()) + [url for _, url, _ in topic_links(site)]
    for url in pages:
        html = page_html(site, url)
        alternates = re.findall(r'<link rel="alternate" type="application/rss\+xml" title="([^"]+)" href="([^"]+)">',
                                html)
        assert [href for _, href in alternates] == ["feed.xml", "../../feed.xml"], url  # its own, then the site's
        visible = re.findall(r'<a class="pd-feed" href="([^"]+)"[^>]*>([^<]+)</a>', html)
        assert visible == [("feed.xml", "订阅本园区" if url.startswith("zones/") else "订阅本专题")], url
        assert (site / url / "feed.xml").is_file()


def test_opml_lists_every_zone_feed_by_province_and_the_zones_page_links_it(site):
    html = page_html(site, "zones")
    assert re.search(r'<a class="pd-feed-list" href="feeds.opml"[^>]*>导入阅读器（OPML）</a>', html)
    root = ET.parse(site / "zones" / "feeds.opml").getroot()
    assert root.tag == "opml" and root.get("version") == "2.0"
    folders = root.findall("body/outline")
    listed = {feed.get("text"): feed for folder in folders for feed in folder.findall("outline")}
    links = zone_links(site)
    assert set(listed) == set(links)
    for zone, feed in listed.items():
        assert feed.get("type") == "rss"
        assert resolve("zones/", feed.get("xmlUrl")) == f"{links[zone]}feed.xml"
        assert resolve("zones/", feed.get("htmlUrl")) == links[zone]
    provinces = [folder.get("text") for folder in folders]
    assert "甘肃" in provinces and "兰州高新区" in {f.get("text") for f in folders[provinces.index("甘肃")]}
    topics = ET.parse(site / "tags" / "feeds.opml").getroot().findall("body/outline/outline")
    assert {t.get("text") for t in topics} == {name for name, _, _ in topic_links(site)}


def test_feeds_link_absolutely_when_the_site_has_an_address_else_relatively():
    entries = [make_entry(i, zones=("唐山高新区",), topics=("人才",)) for i in range(3)][::-1]
    catalog = Catalog(articles=entries)
    index_catalog(catalog)
    published = make_feeds(catalog, Site("园区动态", "摘编", "https://example.org/pd/"), feed_path="feed.xml", items=2)
    local = make_feeds(catalog, Site("园区动态", "摘编", ""), feed_path="feed.xml", items=2)
    assert set(published) == set(local) == {"feed.xml", "zones/tangshangaoxinqu/feed.xml", "tags/talent/feed.xml",
                                             "zones/feeds.opml", "tags/feeds.opml"}
    zone = feedparser.parse(published["zones/tangshangaoxinqu/feed.xml"])
    assert [e.link for e in zone.entries] == ["https://example.org/pd/articles/t2/", "https://example.org/pd/articles/t1/"]
    assert zone.feed.link == "https://example.org/pd/zones/tangshangaoxinqu/"
    assert 'href="https://example.org/pd/zones/tangshangaoxinqu/feed.xml" rel="self"' in published[
        "zones/tangshangaoxinqu/feed.xml"]
    assert "<link>../../articles/t2/</link>" in local["zones/tangshangaoxinqu/feed.xml"]
    assert 'xmlUrl="https://example.org/pd/zones/tangshangaoxinqu/feed.xml"' in published["zones/feeds.opml"]
    assert 'xmlUrl="tangshangaoxinqu/feed.xml"' in local["zones/feeds.opml"]
    assert "127.0.0.1" not in "".join(local.values())


def test_each_feed_holds_the_newest_feed_items_of_a_long_list():
    entries = [make_entry(i, zones=("兰州高新区",), topics=("人才",)) for i in range(2000)][::-1]
    catalog = Catalog(articles=entries)
    index_catalog(catalog)
    feeds = make_feeds(catalog, Site("园区动态", "摘编", ""), feed_path="feed.xml", items=30)
    assert all(text.count("<item>") == 30 for path, text in feeds.items() if path.endswith(".xml"))


def make_entry(i: int, **fields) -> Entry:
    """A catalog entry for unit tests: article t<i>, dated July 2022 (later i, later day)."""
    base = dict(title=f"t{i}", src_uri=f"articles/t{i}.md", url=f"articles/t{i}/", date=f"2022-07-{i % 28 + 1:02d}",
                precision="day", zones=(), topics=(), summary="", deck="", source="", first_line=0)
    return Entry(**{**base, **fields})


def test_every_page_announces_the_feed(site):
    home = (site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<link rel="alternate" type="application/rss\+xml" [^>]*href="feed.xml"', home)


# ---------------------------------------------------------------------------------------------
# Listings


ZONE_COUNT = r'<a href="([^"#]+)">([^<]+)</a> <span class="pd-count">(\d+)篇</span>'


def zone_links(site: Path) -> dict[str, str]:
    """Zone name -> its page, as the 园区 page links them."""
    html = page_html(site, "zones")
    return {name: resolve("zones/", href) for href, name, _ in re.findall(ZONE_COUNT, html)}


def test_zone_index_lists_every_zone_by_province_with_counts(site, articles):
    html = page_html(site, "zones")
    counts = Counter(z for a in articles for z in a.zones)
    found = {name: int(n) for _, name, n in re.findall(ZONE_COUNT, html)}
    assert {k: v for k, v in found.items() if v} == dict(counts)
    assert all(name in demo_members() for name, n in found.items() if not n)  # only a demo zone shows 0
    provinces = re.findall(r'<h2 id="[^"]*">([^<·]+) ·', html)
    assert "甘肃" in [p.strip() for p in provinces]
    gansu = html.split('<article')[1].split("甘肃 ·")[1].split("<h2")[0]
    assert "兰州高新区" in gansu


def test_each_zone_page_lists_its_articles_newest_first(site, articles):
    links = zone_links(site)
    assert links
    for zone, url in links.items():
        assert listed_slugs(site, url) == newest_first(zone_news(articles, zone)), zone


def test_zone_and_month_pages_are_paginated_like_the_home_page():
    entries = [make_entry(i, zones=("唐山高新区",)) for i in range(5)][::-1]
    catalog = Catalog(articles=entries)
    index_catalog(catalog)
    zones = make_zone_pages(catalog, page_size=2)
    assert sorted(zones) == ["zones/tangshangaoxinqu.md", "zones/tangshangaoxinqu/page/2.md",
                             "zones/tangshangaoxinqu/page/3.md"]
    first, last = zones["zones/tangshangaoxinqu.md"], zones["zones/tangshangaoxinqu/page/3.md"]
    assert 'href="../../articles/t4/"' in first and "t2/" not in first and 'rel="next" href="page/2/"' in first
    assert "5篇文章" in first and 'href="feed.xml"' in first
    assert 'href="../../../../articles/t0/"' in last and 'rel="prev" href="../2/"' in last
    assert 'href="../../feed.xml"' in last and "url: zones/tangshangaoxinqu/feed.xml" in last
    months = make_month_pages(catalog, page_size=2)
    assert sorted(months) == ["archive/2022-07.md", "archive/2022-07/page/2.md", "archive/2022-07/page/3.md"]


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
    assert 'role="group"' in svg and "<title" in svg  # a group of links (an img may hold none)
    months = Counter(str(a.meta["date"])[:7] for a in articles)
    assert len(re.findall(r"<rect ", svg)) == len(months)
    assert "http" not in svg.replace("http://www.w3.org/2000/svg", "")


def test_home_lists_park_news_newest_first_and_the_others_are_a_link_away(site, articles):
    listed = listed_slugs(site, "")
    page = 2
    while (site / "page" / str(page) / "index.html").is_file():
        listed += listed_slugs(site, f"page/{page}/")
        page += 1
    news = [a for a in articles if a.meta.get("park_news") is True]
    others = [a for a in articles if a.meta.get("park_news") is not True]
    assert news and others  # the seeds hold both
    assert listed == newest_first(news)
    assert "others/" in [resolve("", h) for h in re.findall(r'<p class="pd-others"><a href="([^"]+)"', page_html(site, ""))]
    assert listed_slugs(site, "others/") == newest_first(others)


def test_latest_list_is_paginated_with_links_between_pages():
    entries = [Entry(title=f"t{i}", src_uri=f"articles/t{i}.md", url=f"articles/t{i}/", date=f"2022-07-{i + 1:02d}",
                     precision="day", zones=(), topics=(), summary="", deck="", source="", first_line=0,
                     park_news=True) for i in range(5)][::-1]
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


def topic_links(site: Path) -> list[tuple[str, str, int]]:
    """(topic, its page, count) in the order the 专题 page lists them."""
    html = page_html(site, "tags")
    return [(name, resolve("tags/", href), int(n)) for href, name, n in re.findall(ZONE_COUNT, html)]


def test_topic_index_lists_topics_with_counts_busiest_first(site, articles):
    topics = topic_links(site)
    counts = Counter(t for a in articles for t in dict.fromkeys(a.meta.get("topics") or []))
    assert {name: n for name, _, n in topics} == dict(counts)
    assert [n for _, _, n in topics] == sorted((n for _, _, n in topics), reverse=True)
    assert "<h2" not in page_html(site, "tags").split('class="pd-chips pd-topics"')[0].split("<article")[1], \
        "the index comes first, not a long list of titles"


def test_each_topic_page_lists_its_articles_with_dates_newest_first(site, articles):
    for topic, url, _ in topic_links(site):
        expected = newest_first([a for a in articles if topic in (a.meta.get("topics") or [])])
        assert listed_slugs(site, url) == expected, topic
        html = page_html(site, url)
        assert html.count('<li class="pd-item">') == html.count("<time datetime="), topic  # a date on each


def test_topic_pages_are_paginated_like_the_home_page():
    entries = [Entry(title=f"t{i}", src_uri=f"articles/t{i}.md", url=f"articles/t{i}/", date=f"2022-07-{i + 1:02d}",
                     precision="day", zones=(), topics=("人才",), summary="", deck="", source="", first_line=0)
               for i in range(5)][::-1]
    catalog = Catalog(articles=entries)
    index_catalog(catalog)
    pages = make_topic_pages(catalog, page_size=2)
    assert sorted(pages) == ["tags/talent.md", "tags/talent/page/2.md", "tags/talent/page/3.md"]
    assert 'href="../../articles/t4/"' in pages["tags/talent.md"] and "t2/" not in pages["tags/talent.md"]
    assert 'rel="next" href="page/2/"' in pages["tags/talent.md"]
    assert 'rel="prev" href="../../"' in pages["tags/talent/page/2.md"] and 'aria-current="page">2<' in pages["tags/talent/page/2.md"]
    assert ">人才</a> <span class=\"pd-count\">5篇</span>" in render_topic_index(catalog, "tags/")


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
            assert f'<td class="pd-num">{item.line}</td>' in html
        assert html.split('class="pd-warnings"')[1].split("</ul>")[0].count("<li>") == len(page.problems)
        assert html.count("（待核对）") == sum((a.meta.get("confidence") or 1) < 0.6 for a in page.articles), page.source
        low_joins = sum(j.confidence < 0.6 for j in page.layout.joins)
        joins = html.split("把握较低的接续</h2>")[1].split("<h2")[0]
        assert joins.count("<tr><td") == low_joins and ("没有。" in joins) == (not low_joins), page.source
    index = page_html(site, "sources")
    assert sorted(resolve("sources/", h) for h in re.findall(r'<td><a href="([^"]+)"', index)) == sorted(
        f"sources/{Path(p.source).stem}/" for p in result.pages)


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
    tags = re.search(r'<nav class="md-tags"[^>]*>(.*?)</nav>', html, flags=re.S).group(1)
    assert [resolve(url, h) for h in re.findall(r'href="([^"]+)"', tags)] == [
        topic_url for topic in article.meta["tags"] for name, topic_url, _ in topic_links(site) if name == topic]
    related = html.split('class="pd-related"')[1]
    same_zone = [a.slug for a in articles if "兰州高新区" in a.zones and a.slug != article.slug]
    assert same_zone and all(slug in related for slug in same_zone)


INFERRED = "（推断）"


def shown_date(article) -> str:
    """How the site must show an article's date: at its precision, in one format."""
    year, month, day = (int(x) for x in str(article.meta["date"]).split("-"))
    return f"{year}年{month}月" + ("" if article.meta["date_precision"] == "month" else f"{day}日")


def test_every_estimated_date_is_marked_everywhere_it_is_shown(site, articles):
    """Listings, the article, the related list and the feed: an estimated date (date_precision
    month or inferred — pages 000, 001, 004 print none) carries （推断）, a printed one does not."""
    estimated = [a for a in articles if a.meta["date_precision"] != "day"]
    assert {a.meta["date_precision"] for a in estimated} == {"month", "inferred"}
    by_slug = {a.slug: a for a in articles}
    pages = ["", "archive/" + str(estimated[0].meta["date"])[:7] + "/"]
    pages += [f"articles/{a.slug}/" for a in articles] + [url for _, url, _ in topic_links(site)]
    checked = Counter()
    for url in pages:
        html = page_html(site, url)
        for href, meta in re.findall(r'<a class="pd-title" href="([^"]+)">.*?<div class="pd-meta">(.*?)</div>', html, re.S):
            other = by_slug[resolve(url, href).split("/")[1]]
            assert f">{shown_date(other)}</time>" in meta, (url, other.slug)
            assert (INFERRED in meta) == (other.meta["date_precision"] != "day"), (url, other.slug)
            checked["related" if url.startswith("articles/") else "listing"] += 1
        if url.startswith("articles/"):
            article = by_slug[url.split("/")[1]]
            line = html.split('class="pd-article-meta__line"')[1].split("</p>")[0]
            assert f">{shown_date(article)}</time>" in line
            assert (INFERRED in line) == (article.meta["date_precision"] != "day"), article.slug
            checked["article"] += 1
    assert checked["related"] and checked["listing"] and checked["article"] == len(articles)
    feed = feedparser.parse((site / "feed.xml").read_bytes())
    for entry in feed.entries:
        article = by_slug[entry.link.rstrip("/").rsplit("/", 1)[1]]
        marked = f"{shown_date(article)}{INFERRED}" in entry.summary
        assert marked == (article.meta["date_precision"] != "day"), article.slug


def test_no_page_shows_a_date_in_another_format(site):
    iso = re.compile(r"(?<![\w-])\d{4}-\d{1,2}(-\d{1,2})?(?![\w-])")
    found = []
    for path in html_files(site):
        text = rendered_text(path.read_text(encoding="utf-8"), code=False)
        found += [f"{path.relative_to(site)}: {m.group()}" for m in iso.finditer(text)]
    assert not found, found[:10]


def test_format_date_by_precision_and_escaping():
    entry = Entry(title="t", src_uri="articles/t.md", url="articles/t/", date="2022-07-31", precision="day",
                  zones=(), topics=(), summary="", deck="", source="", first_line=0)
    assert format_date(entry) == '<time datetime="2022-07-31">2022年7月31日</time>'
    month = format_date(Entry(**{**entry.__dict__, "date": "2022-07-01", "precision": "month"}))
    assert month.startswith('<time datetime="2022-07">2022年7月</time>') and INFERRED in month
    assert ">2022年7月31日</time>" in format_date(Entry(**{**entry.__dict__, "precision": "inferred"}))
    assert INFERRED in format_date(Entry(**{**entry.__dict__, "precision": "inferred"}))
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


def test_no_page_links_off_the_site_unless_its_text_printed_the_address(site):
    """A reader leaves the site only by a link the newspaper printed (none in the seeds), never by
    one the site adds (Material's "Made with" credit did)."""
    printed = seed_text()
    off_site = [f"{path.relative_to(site)}: {value}" for path in html_files(site)
                for tag, _, value, _ in parse_links(path).links
                if tag == "a" and urlsplit(value).netloc and value not in printed]
    assert not off_site, off_site[:10]


def test_without_an_address_no_built_file_names_a_host(site):
    """Built without SITE_URL, links are relative (feeds' and OPML lists' to their file), and the
    404 page, served at any address, starts its links from the server's root."""
    named = [str(p.relative_to(site)) for p in site.rglob("*") if p.suffix in (".html", ".xml", ".opml", ".json")
             and re.search(r"127\.0\.0\.1|localhost", p.read_text(encoding="utf-8"))]
    assert not named, named[:10]
    not_found = (site / "404.html").read_text(encoding="utf-8")
    assert re.findall(r'<a href="([^"]*)">首页</a>', not_found) == ["/"]


# The tab each page lights, by the start of its address: a page of the navigation its own (关于
# for its two pages), a generated listing its index's, an article 归档 (every article by month).
SECTION_TABS = {"articles/": "archive/", "archive/": "archive/", "zones/": "zones/", "tags/": "tags/",
                "sources/": "sources/", "page/": "", "others/": "", "about/": "about/", "guide/": "about/"}
ACTIVE_TAB = re.compile(r'<li class="md-tabs__item md-tabs__item--active">\s*<a href="([^"]+)"')


def test_every_page_lights_the_tab_of_its_section(site):
    wrong = []
    for path in html_files(site):
        url = path.parent.relative_to(site).as_posix() + "/" if path.parent != site else ""
        if path.name != "index.html":
            continue  # 404.html belongs to no section
        expected = next((tab for prefix, tab in SECTION_TABS.items() if url.startswith(prefix)), "")
        lit = [resolve(url, href) for href in ACTIVE_TAB.findall(path.read_text(encoding="utf-8"))]
        if lit != [expected]:
            wrong.append(f"{url or 'home'}: {lit}")
    assert not wrong, wrong[:10]


def test_strict_build_has_no_warnings(built_site):
    _, proc = built_site
    assert "WARNING" not in proc.stderr and "ERROR" not in proc.stderr, proc.stderr[-2000:]


# Material's whole index (the fallback) holds the text of each page it indexes once: with
# jieba's word breaks (a zero-width space, 3 bytes, between words) and markup it is 1.4 times
# the Markdown the site is built from on the seeds. Text indexed twice, or escaped as \uXXXX,
# passes 2.
INDEX_MAX_SOURCE_RATIO = 2.0


def test_search_index_size_is_that_of_the_text_it_holds_and_is_reported(site, capsys):
    index = (site / "search" / "search_index.json").read_bytes()
    source = sum(p.stat().st_size for p in (site.parent / "docs").rglob("*.md"))  # the build's docs/ (conftest)
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    with capsys.disabled():
        print(f"\nsite {total / 1e6:.2f} MB; search index {len(index) / 1e3:.0f} kB raw, "
              f"{len(gzip.compress(index)) / 1e3:.0f} kB gzip, {len(index) / source:.2f} × its Markdown")
    assert source > 0 and len(index) <= INDEX_MAX_SOURCE_RATIO * source


# ---------------------------------------------------------------------------------------------
# Small pieces


def test_pager_shows_a_bounded_window_of_pages():
    assert pages_to_link(1, 3) == [1, 2, 3]
    assert pages_to_link(10, 40) == [1, None, 8, 9, 10, 11, 12, None, 40]
    assert pages_to_link(40, 40) == [1, None, 38, 39, 40]


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


# ---------------------------------------------------------------------------------------------
# Escaping, spacing and the site's own words


def markdown_like_mkdocs():
    """Python-Markdown with exactly the extensions the site's build loads (mkdocs.yml + MkDocs' own)."""
    import markdown
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    return markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)


@pytest.mark.parametrize("text", [
    "1.苏州工业园。", "12)深汕特别合作区", "# 不是标题", "- 不是列表", "+ 加号", "= 等号", "> 引用",
    "~~~", "```", "a*b*c", "_x_", "[链接](http://x)", "![图](y.png)", "| 表 | 格 |", "{ .caption }", "\\反斜杠\\",
    "<b>粗</b>", "&amp;", "&#126;", "&lt;b&gt;", "以色列BP&C集团", "R&D & AI", "2018年～2020年", "~~删除~~", "    四个空格",
])
def test_escaped_page_text_renders_as_the_same_text(text):
    from parkdigest.convert.render import escape_markdown

    from test_site_support import rendered_text as as_text

    html = markdown_like_mkdocs().convert(escape_markdown(text))
    assert html.startswith("<p>") and as_text(html) == text.strip(), html


def test_an_ampersand_of_the_page_stays_as_printed_in_the_article_file():
    """BP&C in a company's name is written as printed (an editor reads the file); only an "&" that
    would start a character reference is written as one."""
    from parkdigest.convert.render import escape_markdown

    assert escape_markdown("以色列BP&C集团、R&D") == "以色列BP&C集团、R&D"
    assert escape_markdown("&amp; &#126;") == "&amp;amp; &amp;#126;"


def seed_text() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in SEED_FILES)


def test_no_built_page_shows_a_backslash_the_seed_did_not_have(site):
    allowed = seed_text().count("\\")
    shown = {str(p.relative_to(site)): rendered_text(p.read_text(encoding="utf-8"), code=False).count("\\")
             for p in html_files(site)}
    assert sum(shown.values()) <= allowed, {p: n for p, n in shown.items() if n}


# A space the reader sees between two Chinese characters, or between Chinese punctuation and a
# character (either side): "园区。 编辑把" from a Markdown line break.
HAN = "\u3400-\u9fff\uf900-\ufaff"
CJK_PUNCTUATION = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’—…"
STRAY_SPACE = re.compile(rf"(?=([{HAN}{CJK_PUNCTUATION}] [{HAN}])|([{HAN}] [{CJK_PUNCTUATION}])|"
                         rf"([{CJK_PUNCTUATION}] [^\s·{CJK_PUNCTUATION}]))")  # " · " separates the site's facts
CONTEXT = 3


def spaces_in(text: str) -> list[str]:
    """Each stray-looking space with CONTEXT characters either side."""
    out = []
    for match in STRAY_SPACE.finditer(text):
        at = match.start() + 1
        out.append(text[max(0, at - CONTEXT): at + 1 + CONTEXT])
    return out


# A headline printed on two short lines ("来徐州高新区" / "感受有技术含量的“安全感”") is
# joined by the converter with a space, where the page had its line break.
HEADLINE_LINE_CHARS = 30


def headlines_on_two_lines(text: str) -> list[str]:
    """Two short lines standing alone (blank lines around them), as one line with a space: the
    only place where a seed's line break may show as a space. Lines of a hard-wrapped paragraph
    follow each other without blank lines, and a space there is still a stray one."""
    lines = [line.strip() for line in text.splitlines()]
    alone = [i for i, line in enumerate(lines) if line and not (i and lines[i - 1]) and
             not (i + 1 < len(lines) and lines[i + 1])]
    return [f"{lines[a]} {lines[b]}" for a, b in zip(alone, alone[1:])
            if len(lines[a]) <= HEADLINE_LINE_CHARS and len(lines[b]) <= HEADLINE_LINE_CHARS]


def test_no_built_page_has_a_space_between_chinese_that_the_source_did_not_have(site):
    """Over every page of site/, generated or hand-written: such a space must be in the source
    text itself (a seed, or a line of a hand-written page), never made by a line break."""
    sources = [seed_text()] + [p.read_text(encoding="utf-8") for p in (ROOT / "docs").glob("*.md")]
    source_lines = "\n".join(re.sub(r"[ \t]+", " ", line) for text in sources for line in text.splitlines())
    source_lines += "\n" + "\n".join(headlines_on_two_lines(seed_text()))
    # As the converter normalizes ("2020 年" -> "2020年") and Markdown shows `code` (no backticks).
    source_lines = re.sub(rf"(?<=\d) (?=[{HAN}])|(?<=[{HAN}]) (?=\d)", "", source_lines).replace("`", "")
    found = []
    for path in html_files(site):
        text = rendered_text(path.read_text(encoding="utf-8"))
        for window in spaces_in(text):
            core = window.strip()
            if not any(w in source_lines for w in (window, core) if " " in w):
                found.append(f"{path.relative_to(site)}: {window!r}")
    assert not found, found[:20]


def test_the_space_check_catches_a_paragraph_broken_over_lines():
    html = markdown_like_mkdocs().convert("园区动态摘编园区。\n编辑把版面放进仓库")
    assert spaces_in(rendered_text(html)) == ["园区。 编辑把"]


# Latin words the site may show in its own text: names of formats and tools.
LATIN_NAMES = {"RSS", "OPML", "JSON", "YAML", "UTF", "GBK", "CI", "PDF", "OCR", "Unicode", "jieba"}


def test_every_text_the_site_writes_is_chinese(site, articles):
    """Apart from names (LATIN_NAMES), code and what the seeds themselves print (英文 in articles),
    no page shows a Latin word: no English headings, warnings or labels."""
    source = seed_text() + "".join(str(a.meta) for a in articles) + " ".join(p.name for p in SEED_FILES)
    words = set(re.findall(r"[A-Za-z]{2,}", source)) | LATIN_NAMES
    found = []
    for path in html_files(site):
        text = rendered_text(path.read_text(encoding="utf-8"), code=False)
        found += [f"{path.relative_to(site)}: {w}" for w in re.findall(r"[A-Za-z]{2,}", text) if w not in words]
    assert not found, sorted(set(found))[:20]


# ---------------------------------------------------------------------------------------------
# Summaries


def test_summaries_leave_no_quote_or_bracket_open(articles):
    pairs = {"“": "”", "（": "）", "《": "》", "‘": "’"}
    for article in articles:
        summary = str(article.meta.get("summary", ""))
        for opening, closing in pairs.items():
            assert summary.count(opening) == summary.count(closing), (article.slug, summary)


# ---------------------------------------------------------------------------------------------
# Zones: demonstration zones and their members; the tile map


def test_demo_zone_page_lists_its_members_news_and_members_name_their_demo_zone(site, articles):
    links = zone_links(site)
    demos = [d for d in demo_members() if any(m in links for m in demo_members()[d])]
    assert "武汉东湖国家自主创新示范区" in demos
    for demo in demos:
        html = page_html(site, links[demo])
        members_only = {a.slug for a in articles if set(a.zones) & set(demo_members()[demo]) and demo not in a.zones}
        assert members_only <= set(listed_slugs(site, links[demo])), demo
        assert members_only or demo != "武汉东湖国家自主创新示范区"  # its member's news is not its own
        for member in (m for m in demo_members()[demo] if m in links):
            assert f'href="../{links[member].split("/")[1]}/"' in html.split("成员园区：")[1].split("</p>")[0]
            member_html = page_html(site, links[member])
            assert f'属于<a href="../{links[demo].split("/")[1]}/">{demo}</a>' in member_html, member
    assert member_of()["武汉东湖高新区"] == ("武汉东湖国家自主创新示范区",)


def test_tile_map_has_every_province_shaded_by_count_and_linked_to_its_section(site, articles):
    html = page_html(site, "zones")
    figure = html.split('<figure class="pd-tilemap"')[1].split("</figure>")[0]
    tiles = re.findall(r'<li class="pd-tile pd-tile--(\d)" data-province="([^"]+)"[^>]*>(.*?)</li>', figure)
    assert {name for _, name, _ in tiles} == set(TILES) and len(TILES) == 34
    provinces = {z.province for z in __import__("parkdigest.reference.gazetteer", fromlist=["zones"]).zones().values()}
    assert provinces <= set(TILES) | {""}, provinces - set(TILES)
    from parkdigest.site.catalog import describe_zone
    counts = Counter()
    for article in articles:
        for province in {describe_zone(z)[0] for z in article.zones}:
            counts[province] += 1
    ids = parse_links(site / "zones" / "index.html").ids
    for shade, name, tile in tiles:
        if counts[name]:
            anchor = re.search(r'href="#([^"]+)"', tile).group(1)
            assert anchor in ids and f">{counts[name]}</span>" in tile, name
            assert html.split(f'id="{anchor}"')[1].lstrip(">").startswith(name), name
            assert int(shade) > 0
        else:
            assert "href" not in tile and shade == "0", name
    busiest = max(counts.values())
    assert all(int(s) == 4 for s, n, _ in tiles if counts[n] == busiest)
    assert "<script" not in figure and "http" not in figure


# ---------------------------------------------------------------------------------------------
# Source pages


def test_the_sources_table_is_paginated_like_the_home_page():
    reports = {f"p{i}.txt": Report(f"p{i}", f"sources/p{i}.json", {"articles": []}, None) for i in range(5)}
    catalog = Catalog(reports=reports)
    settings = Settings(page_size=2)
    pages = make_sources_index_pages(catalog, settings)
    assert sorted(pages) == ["sources/page/2.md", "sources/page/3.md"]
    first = render_sources_index(catalog, settings, "sources/")
    assert first.count("<tr><td>") == 2 and 'href="p0/"' in first and 'rel="next" href="page/2/"' in first
    last = pages["sources/page/3.md"]
    assert last.count("<tr><td>") == 1 and 'href="../../p4/"' in last and 'rel="prev" href="../2/"' in last


def test_source_pages_are_titled_by_what_the_page_is(site, converted):
    _, result = converted
    titles = {p.source: rendered_text(page_html(site, f"sources/{Path(p.source).stem}/")).split("\n") for p in result.pages}
    h1 = {source: next(line for line in lines if line.startswith(("《", "未印"))) for source, lines in titles.items()}
    assert h1["002_92430654b3ed553e.txt"] == "《火炬动态》2022年第12期 · 2022年7月31日"
    assert h1["003_a6838521c3fbe44f.txt"] == "《中国高新技术产业导报》 · 2020年1月13日 · 第5版（创新园区）"
    # prints neither paper nor date: named by what it holds, never by its file name
    assert h1["000_beff7d82536003b2.txt"] == "未印报名和日期的版面：成都高新区：让产业齿轮精准咬合等4篇"


def test_source_page_identity_and_reader_wording():
    assert page_title("x.txt", {"publication": "科技日报", "date": "2024-05-06",
                                "furniture": [{"rule": "section-page", "text": "要闻  第08版"}]}) == \
        "《科技日报》 · 2024年5月6日 · 第8版"
    assert page_title("x.txt", {"furniture": [{"rule": "publication-name", "text": "中国高新技术产业导报5"}]}) == \
        "《中国高新技术产业导报》 · 第5版（未印日期）"
    assert identify_page({"furniture": [{"rule": "masthead", "text": "INNOVATION 创新园区"}]}).page_name == "创新园区"
    # a dated folio prints the paper's name before the date; the sidecar's page wins
    folio = {"date": "2026-01-06", "furniture": [{"rule": "folio", "text": "科技日报2026年1月6日  星期二  第14版  生态"}]}
    assert page_title("x.txt", folio) == "《科技日报》 · 2026年1月6日 · 第14版"
    assert page_title("x.txt", {**folio, "page": "第4版", "publication": "人民日报"}) == "《人民日报》 · 2026年1月6日 · 第4版"
    assert page_title("x.txt", {"articles": [{"title": "甲"}]}) == "未印报名和日期的版面：甲"
    # a newsletter numbers its pages in 页
    newsletter = {"publication": "火炬动态", "furniture": [{"rule": "page-number", "text": "第11页"}]}
    assert page_title("x.txt", newsletter) == "《火炬动态》 · 第11页（未印日期）"
    assert line_ranges("3,5,7,9,37,39,57") == "3–9、37–39、57"
    assert line_ranges("23-37") == "23–37" and line_ranges("3-7,9,40-41") == "3–9、40–41"
    # a rule the converter names is shown by the reader's word for it, the structural ones included
    assert [furniture_label(name) for name in ("photo-credit", "folio", "role-credits", "qr-footer", "page-number")] == \
        ["图片署名", "报头日期与版次", "编辑署名", "二维码与公众号", "版次"]
    assert furniture_label("contents") == "目录" and furniture_label("no-such-rule") == OTHER_FURNITURE
    assert translate_warning("a.txt:29: warning: uncertain join of line 29 with line 37 (confidence 0.26) — x") == \
        "第29行与第37行的接续把握较低（0.26），请核对该处文字。"
    assert translate_warning("p.txt: warning: no date on the page or in its text; its articles are undated — add the"
                             " line 'date: YYYY-MM-DD' to p.yml beside the page") == \
        "版面和正文都没有日期，本版文章标为“日期不详”。请在版面旁的 p.yml 里写上一行 date: YYYY-MM-DD。"
    assert translate_warning("p.txt:3: warning: article «成都高新区：让产业齿轮精准咬合» has no text of its own; its "
                             "text may stand under another title — check the page") == \
        "第3行：《成都高新区：让产业齿轮精准咬合》没有找到自己的正文，正文可能排在别的标题下，请核对版面。"


def test_the_sources_index_lists_the_newest_page_first(site, converted):
    _, result = converted
    html = page_html(site, "sources")
    rows = re.findall(r'<tr><td><a href="([^"]+)">', html)
    order = [resolve("sources/", href).split("/")[1] for href in rows]
    dates = {Path(p.source).stem: str(p.articles[0].meta.get("date") or "") for p in result.pages}
    assert [dates[stem] for stem in order] == sorted(dates.values(), reverse=True)


def test_an_undated_article_says_so_and_sits_in_no_month():
    undated = Entry(title="t", src_uri="articles/t.md", url="articles/t/", date="", precision="", zones=(),
                    topics=(), summary="摘要", deck="", source="", first_line=0, park_news=True)
    dated = Entry(title="d", src_uri="articles/d.md", url="articles/d/", date="2024-05-06", precision="day", zones=(),
                  topics=(), summary="摘要", deck="", source="", first_line=0, park_news=True)
    catalog = Catalog(articles=[dated, undated])
    index_catalog(catalog)
    assert list(catalog.by_month) == ["2024-05"] and catalog.by_month["2024-05"] == [dated]
    assert format_date(undated) == '<span class="pd-undated">日期不详</span>'
    assert describe_item(undated) == "日期：日期不详。摘要"
    assert "1970" not in format_date(undated) + describe_item(undated)


def test_month_chart_rows_are_years_and_columns_months():
    svg = render_month_chart([("2018-12", 4), ("2019-01", 2)], lambda m: f"archive/{m}/")
    rows = re.findall(r'<g class="pd-chart__row" data-year="(\d+)">(.*?)</g>', svg)
    assert [y for y, _ in rows] == ["2019", "2018"]  # newest first, like the lists below
    assert 'data-month="2018-12"' in rows[1][1] and 'data-month="2019-01"' in rows[0][1]
    assert "min-width" not in svg


def test_source_page_says_what_each_line_was_taken_for(site, converted):
    _, result = converted
    page = next(p for p in result.pages if p.source == "003_a6838521c3fbe44f.txt")
    html = page_html(site, "sources/003_a6838521c3fbe44f/")
    section = html.split("各行判为</h2>")[1].split("<h2")[0]
    report = {r.role for r in page_report_lines(page)}
    assert {"title", "kicker", "byline", "subhead"} <= report
    for role in report:
        assert f"<td>{LINE_ROLE_LABELS[role]}</td>" in section, role
    assert "<td>引题</td>" in section and "济宁高新区精描细绘2020年发展蓝图" in section


def page_report_lines(page):
    from parkdigest.convert.write import page_report

    return [r for r in page_report(page).lines if r.role != "furniture"]
