"""专题: an index of the topics with their counts (busiest first), and one page per topic
listing its articles newest first, with dates, paginated like the home page.

Built from the catalog's `by_topic` (each article once per topic), so the pages cost one
line per article per topic: linear in the number of articles."""

from __future__ import annotations

from functools import partial
from html import escape

from parkdigest.site.catalog import TOPICS_PREFIX, Catalog, topic_order
from parkdigest.site.render import PAGE_PART, count_pages, link, make_front_matter, render_article_list, render_pager


def topic_page_url(catalog: Catalog, topic: str, n: int) -> str:
    base = catalog.topic_url(topic)
    return base if n == 1 else f"{base}{PAGE_PART}{n}/"


def count_topic_pages(catalog: Catalog, topic: str, page_size: int) -> int:
    return count_pages(len(catalog.by_topic[topic]), page_size)


def render_topic_index(catalog: Catalog, from_url: str) -> str:
    """Every topic with its article count, the most written-about first."""
    if not catalog.by_topic:
        return '<p class="pd-empty">暂无专题。</p>\n'
    # id="tag:…" is where Material's tags plugin put each topic: old links (tags/#tag:人才) still land on it.
    items = [f'<li id="tag:{escape(topic)}"><a href="{link(catalog.topic_url(topic), from_url)}">{escape(topic)}</a>'
             f' <span class="pd-count">{len(catalog.by_topic[topic])}篇</span></li>'
             for topic in topic_order(catalog.by_topic)]
    return '<ul class="pd-chips pd-topics">\n' + "\n".join(items) + "\n</ul>\n"


def make_topic_pages(catalog: Catalog, page_size: int) -> dict[str, str]:
    """src_uri -> Markdown of every topic page (tags/<slug>.md, tags/<slug>/page/<n>.md)."""
    pages = {}
    for topic, entries in catalog.by_topic.items():
        total = count_topic_pages(catalog, topic, page_size)
        for n in range(1, total + 1):
            url = topic_page_url(catalog, topic, n)
            title = f"专题：{topic}" + (f" · 第{n}页" if n > 1 else "")
            shown = entries[(n - 1) * page_size: n * page_size]
            pager = render_pager(n, total, partial(topic_page_url, catalog, topic), url)
            body = (f"# {escape(title)}\n\n<p class=\"pd-facts\">{len(entries)}篇文章，最新的在前 · "
                    f'<a href="{link(TOPICS_PREFIX, url)}">全部专题</a></p>\n\n'
                    f"{render_article_list(shown, url, catalog)}\n\n{pager}\n")
            pages[f"{url.rstrip('/')}.md"] = make_front_matter(title) + body
    return pages
