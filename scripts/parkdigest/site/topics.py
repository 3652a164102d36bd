"""专题: an index of the topics with their counts (busiest first), and one page per topic
listing its articles newest first, with dates, paginated like the home page.

Built from the catalog's `by_topic` (each article once per topic), so the pages cost one
line per article per topic: linear in the number of articles."""

from __future__ import annotations

from functools import partial
from html import escape

from parkdigest.site.catalog import TOPIC_FEEDS, TOPICS_PREFIX, Catalog, topic_order
from parkdigest.site.render import link, make_listing_pages, render_feed_link, render_feed_list


def render_topic_index(catalog: Catalog, from_url: str) -> str:
    """Every topic with its article count, the most written-about first."""
    if not catalog.by_topic:
        return '<p class="pd-empty">暂无专题。</p>\n'
    # id="tag:…" is where Material's tags plugin put each topic: old links (tags/#tag:人才) still land on it.
    items = [f'<li id="tag:{escape(topic)}"><a href="{link(catalog.topic_url(topic), from_url)}">{escape(topic)}</a>'
             f' <span class="pd-count">{len(catalog.by_topic[topic])}篇</span></li>'
             for topic in topic_order(catalog.by_topic)]
    feeds = render_feed_list(TOPIC_FEEDS, from_url, "每个专题都可以单独订阅（在专题页上点“订阅本专题”）；全部专题的订阅列表")
    return '<ul class="pd-chips pd-topics">\n' + "\n".join(items) + "\n</ul>\n\n" + feeds + "\n"


def make_topic_pages(catalog: Catalog, page_size: int) -> dict[str, str]:
    """src_uri -> Markdown of every topic page (tags/<slug>.md, tags/<slug>/page/<n>.md), each
    announcing the topic's feed (tags/<slug>/feed.xml)."""
    pages = {}
    for topic, entries in catalog.by_topic.items():
        title = f"专题：{topic}"
        feed = {"url": catalog.topic_feed_url(topic), "title": title}
        pages.update(make_listing_pages(catalog, catalog.topic_url(topic), title, entries, page_size,
                                        partial(render_topic_facts, catalog, topic), feed=feed))
    return pages


def render_topic_facts(catalog: Catalog, topic: str, url: str) -> str:
    """Under a topic page's title: its count, the way back to all topics, its feed."""
    return (f'<p class="pd-facts">{len(catalog.by_topic[topic])}篇文章，最新的在前 · '
            f'<a href="{link(TOPICS_PREFIX, url)}">全部专题</a> · '
            f'{render_feed_link(catalog.topic_feed_url(topic), url, "订阅本专题")}</p>')
