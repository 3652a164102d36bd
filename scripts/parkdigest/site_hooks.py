"""MkDocs hooks: listings built at site-build time from the articles' front-matter.

Loaded by mkdocs.yml (`hooks:`). Reads each article's front-matter once per build and
fills the markers pages leave for it (`<!-- parkdigest:latest -->`).
"""

from __future__ import annotations

import html
from pathlib import Path

from mkdocs.utils import get_relative_url

from parkdigest.write import read_front_matter

LATEST_MARKER = "<!-- parkdigest:latest -->"
LATEST_COUNT = 30  # articles listed on the home page
ARTICLES_PREFIX = "articles/"

_articles: list[dict] = []


def on_files(files, config):
    """Collect the front-matter of every article page, newest first."""
    _articles.clear()
    for file in files:
        if not file.src_uri.startswith(ARTICLES_PREFIX) or not file.src_uri.endswith(".md"):
            continue
        meta = read_front_matter(Path(file.abs_src_path).read_text(encoding="utf-8"))
        if isinstance(meta, dict) and meta.get("title"):
            _articles.append(dict(meta, _uri=file.src_uri, _url=file.url))
    _articles.sort(key=lambda m: (str(m.get("date", "")), m["_uri"]), reverse=True)
    return files


def on_page_markdown(markdown, page, config, files):
    if LATEST_MARKER in markdown:
        markdown = markdown.replace(LATEST_MARKER, _listing(_articles[:LATEST_COUNT], page.url))
    return markdown


def _listing(articles: list[dict], from_url: str) -> str:
    """An HTML list of articles (escaped here: page text is never markup)."""
    items = []
    for meta in articles:
        href = html.escape(get_relative_url(meta["_url"], from_url))
        bits = [str(meta.get("date", ""))]
        if meta.get("zone"):
            bits.append(str(meta["zone"]))
        bits += [str(t) for t in meta.get("topics", [])[:3]]
        items.append(
            f'<li><a href="{href}">{html.escape(str(meta["title"]))}</a>'
            f'<div class="pd-meta">{html.escape(" · ".join(bits))}</div>'
            f'<p class="pd-summary">{html.escape(str(meta.get("summary", "")))}</p></li>')
    if not items:
        return "暂无文章。"
    return '<ul class="pd-list">\n' + "\n".join(items) + "\n</ul>"
