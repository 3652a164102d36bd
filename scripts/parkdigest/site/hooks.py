"""MkDocs hooks: the site's listings, article context and feeds, built at site-build time.

Loaded by mkdocs.yml (`hooks:`). `on_files` reads every article's front-matter once into a
catalog and adds the generated pages (zones, months, source pages, more latest articles), the
RSS feeds (the site's, each zone's and topic's) and their OPML lists; `on_page_markdown` fills
the markers of hand-written pages and gives each article page its zone links, source link and
related articles; `on_page_context` lights the tab of the section a generated page belongs to.
Every step is a lookup in the catalog, so the build stays linear in the number of articles.
"""

from __future__ import annotations

import html
import json
import logging
import re
from pathlib import Path

import jieba
from mkdocs.structure.files import File, InclusionLevel

from parkdigest.site.catalog import (
    ARCHIVE_PREFIX,
    ARTICLES_PREFIX,
    REPORTS_PREFIX,
    TOPICS_PREFIX,
    ZONES_PREFIX,
    Catalog,
    Entry,
    collect_catalog,
    display_heading,
)
from parkdigest.site.feed import Site, make_feeds
from parkdigest.site.pages import OTHERS_URL, Settings, fill_markers, make_generated_pages
from parkdigest.site.render import PAGE_PART, format_date
from parkdigest.site.search import finish_index, index_name_pages, index_page, start_index
from parkdigest.site.sources import page_title
from parkdigest.text import HAN

log = logging.getLogger("mkdocs.hooks.parkdigest")

SEARCH_INDEX = Path("search") / "search_index.json"
HAN_RUN = re.compile(f"[{HAN}]+")
ZWSP = "\u200b"
# The tab (a top-level page of the navigation) that each page outside the navigation belongs
# to, by the start of its url: a listing's pages under its index (其他报道 under 首页, which
# links it), and articles under 归档, the section that holds every article by its month (首页
# shows only the latest).
SECTION_TABS = {ZONES_PREFIX: "zones.md", TOPICS_PREFIX: "tags.md", ARCHIVE_PREFIX: "archive.md",
                REPORTS_PREFIX: "sources.md", PAGE_PART: "index.md", OTHERS_URL: "index.md",
                ARTICLES_PREFIX: "archive.md"}

_state: dict = {"catalog": Catalog(), "settings": Settings()}


def on_config(config):
    _state["settings"] = Settings.from_config(config)
    if not config.use_directory_urls:
        log.warning("parkdigest: listings link to directory urls (zones/x/); set use_directory_urls: true")
    return config


def on_files(files, config):
    settings: Settings = _state["settings"]
    catalog = collect_catalog(files)
    _state["catalog"] = catalog
    _state["search"] = start_index(catalog)
    index_name_pages(_state["search"], catalog)
    for src_uri, markdown in make_generated_pages(catalog, settings).items():
        files.append(File.generated(config, src_uri, content=markdown, inclusion=InclusionLevel.NOT_IN_NAV))
    site = Site(config.site_name, config.site_description or config.site_name, config.site_url or "")
    for path, text in make_feeds(catalog, site, feed_path=settings.feed, items=settings.feed_items).items():
        files.append(File.generated(config, path, content=text))
    return files


def on_nav(nav, config, files):
    _state["tabs"] = {page.file.src_uri: page for page in nav.pages}
    return nav


def on_page_markdown(markdown, page, config, files):
    catalog: Catalog = _state["catalog"]
    entry = catalog.by_uri.get(page.file.src_uri)
    if entry is not None:
        page.meta["pd"] = describe_article(catalog, _state["settings"], entry)
        page.meta["title"] = entry.title  # parallel halves shown apart by one full-width space
        for heading in ("deck", "kicker"):
            if page.meta.get(heading):
                page.meta[heading] = display_heading(str(page.meta[heading]))
        return markdown
    return fill_markers(markdown, catalog, _state["settings"], page.url)


def on_page_context(context, page, config, nav):
    """Light the tab of the page's section; let an article use the page's width."""
    tab = section_tab(page)
    if tab is not None:
        tab.active = True  # MkDocs lights only pages of the navigation; unlit in on_post_page
        _state["lit"] = tab
    if page.file.src_uri in _state["catalog"].by_uri:  # an editor's own `hide:` is kept
        page.meta["hide"] = list(dict.fromkeys([*(page.meta.get("hide") or []), *article_hides(page)]))
    return context


def on_post_page(output, page, config):
    lit = _state.pop("lit", None)
    if lit is not None:
        lit.active = False
    return output


def section_tab(page):
    """The navigation's page for the section of a page outside the navigation, or None."""
    if page.file.src_uri in _state.get("tabs", {}):
        return None  # MkDocs lights it itself
    for prefix, tab in SECTION_TABS.items():
        if page.url.startswith(prefix):
            return _state.get("tabs", {}).get(tab)
    return None


def article_hides(page) -> list[str]:
    """An article is reached from listings, not from the navigation: on a wide screen its text
    takes the navigation's column (a phone still opens the navigation from the menu), and the
    table of contents' column too when the article has no subheads."""
    return ["navigation"] if list(page.toc) else ["navigation", "toc"]


def on_page_content(html, page, config, files):
    index_page(_state["search"], page, html, _state["catalog"])  # the sharded search index (site/search.py)
    return html


def describe_article(catalog: Catalog, settings: Settings, entry: Entry) -> dict:
    """What the article templates show besides the text (site-root urls; templates make them relative)."""
    related_title, related = find_related(catalog, settings, entry)
    return {
        "date_html": format_date(entry),
        "zones": [{"name": z, "url": catalog.zone_url(z)} for z in entry.zones],
        "topics": [{"name": t, "url": catalog.topic_url(t)} for t in dict.fromkeys(entry.topics)],
        "source_url": catalog.source_url(entry.source) if entry.source else None,
        "source_title": page_title(entry.source, catalog.reports[entry.source].data)
        if entry.source in catalog.reports else entry.source,
        "month_url": catalog.month_url(entry.month) if entry.date else None,
        "related_title": related_title,
        "related": [{"title": e.title, "url": e.url, "date_html": format_date(e)} for e in related],
    }


def find_related(catalog: Catalog, settings: Settings, entry: Entry) -> tuple[str, list[Entry]]:
    """More from the article's main zone, newest first; without a zone, more from its page."""
    if entry.zones:
        pool, title = catalog.by_zone.get(entry.zones[0], []), f"{entry.zones[0]}的更多文章"
    else:
        pool, title = catalog.by_source.get(entry.source, []), "同版的其他文章"
    picked = []
    for other in pool:  # at most `related + 1` steps: the lists are already in order
        if other.src_uri != entry.src_uri:
            picked.append(other)
        if len(picked) == settings.related:
            break
    return title, picked


def on_post_build(config):
    """Finish the search index: decks become searchable, and the file is UTF-8.

    The deck (引题/副题) is drawn by the article template, so Material's search never sees
    it; it goes in front of the article's own text, segmented as Material segments text.
    Written as UTF-8 rather than \\u escapes, Chinese text takes half the bytes.
    """
    path = Path(config.site_dir) / SEARCH_INDEX
    if not path.is_file():
        return
    data = json.loads(path.read_text(encoding="utf-8"))
    add_decks(data.get("docs", []), _state["catalog"])
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    finish_index(_state["search"], config, data.get("config", {}))


def add_decks(docs: list[dict], catalog: Catalog) -> None:
    decks = {e.url: e.deck for e in catalog.articles if e.deck}
    for doc in docs:
        deck = decks.get(str(doc.get("location")))
        if deck:
            doc["text"] = f"<p>{segment_like_material(html.escape(deck))}</p>" + doc.get("text", "")


def segment_like_material(text: str) -> str:
    """Chinese runs cut by jieba and joined with zero-width spaces, as Material's search plugin does."""
    return HAN_RUN.sub(lambda m: ZWSP + ZWSP.join(jieba.cut(m.group())) + ZWSP, text).strip(ZWSP)
