"""MkDocs hooks: the site's listings, article context and feed, built at site-build time.

Loaded by mkdocs.yml (`hooks:`). `on_files` reads every article's front-matter once into a
catalog and adds the generated pages (zones, months, source pages, more latest articles) and
the RSS feed; `on_page_markdown` fills the markers of hand-written pages and gives each article
page its zone links, source link and related articles. Every step is a lookup in the catalog,
so the build stays linear in the number of articles.
"""

from __future__ import annotations

import html
import json
import logging
import re
from pathlib import Path

import jieba
from mkdocs.structure.files import File, InclusionLevel

from parkdigest.site.catalog import Catalog, Entry, collect_catalog
from parkdigest.site.feed import render_feed
from parkdigest.site.pages import Settings, fill_markers, make_generated_pages
from parkdigest.site.render import format_date
from parkdigest.site.search import finish_index, index_page, start_index
from parkdigest.site.sources import page_title
from parkdigest.text import HAN

log = logging.getLogger("mkdocs.hooks.parkdigest")

SEARCH_INDEX = Path("search") / "search_index.json"
HAN_RUN = re.compile(f"[{HAN}]+")
ZWSP = "\u200b"

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
    for src_uri, markdown in make_generated_pages(catalog, settings).items():
        files.append(File.generated(config, src_uri, content=markdown, inclusion=InclusionLevel.NOT_IN_NAV))
    feed = render_feed(catalog.articles[: settings.feed_items], site_url=config.site_url or "",
                       title=config.site_name, description=config.site_description or config.site_name,
                       feed_path=settings.feed)
    files.append(File.generated(config, settings.feed, content=feed))
    return files


def on_page_markdown(markdown, page, config, files):
    catalog: Catalog = _state["catalog"]
    entry = catalog.by_uri.get(page.file.src_uri)
    if entry is not None:
        page.meta["pd"] = describe_article(catalog, _state["settings"], entry)
        return markdown
    return fill_markers(markdown, catalog, _state["settings"], page.url)


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
