"""HTML fragments for the site's listings. Every piece of page text is escaped here:
titles and summaries come from newspapers and are never markup."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from html import escape

import yaml
from mkdocs.utils import get_relative_url

from parkdigest.site.catalog import Catalog, Entry

# How many topics a listing shows per article (the article page shows them all).
LISTED_TOPICS = 3
# Page links a pager shows on each side of the current page.
PAGER_NEIGHBOURS = 2
# After every date the page did not print (listings, article, related list, feed).
INFERRED_MARK = "（推断）"
INFERRED_TITLE = "版面没有印日期，由正文推断"
# An article whose page printed no date, that no editor dated and whose text dates nothing.
UNDATED = "日期不详"


def make_front_matter(title: str, **extra) -> str:
    # Listing pages repeat article titles and summaries: searching them would only
    # push the articles themselves down the results.
    meta = {"title": title, "search": {"exclude": True}, **extra}
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n"


def link(target_url: str, from_url: str) -> str:
    """A relative href from one page to another (the site may live under a sub-path)."""
    return escape(get_relative_url(target_url, from_url) or ".")


# What a feed link says when one hovers it: the link is a feed's address, not a page.
FEED_HINT = "RSS 订阅地址：在阅读器中添加即可订阅"


def render_feed_link(feed_url: str, from_url: str, text: str) -> str:
    """A visible link to a feed (its text says 订阅), typed as RSS for browsers and readers."""
    return (f'<a class="pd-feed" href="{link(feed_url, from_url)}" type="application/rss+xml" '
            f'title="{FEED_HINT}">{escape(text)}</a>')


def render_feed_list(opml_url: str, from_url: str, text: str) -> str:
    """A paragraph offering the OPML list of feeds that a feed reader imports all at once."""
    return (f'<p class="pd-subscribe">{escape(text)}：<a class="pd-feed-list" href="{link(opml_url, from_url)}" '
            f'type="text/x-opml" download>导入阅读器（OPML）</a></p>')


def date_text(entry: Entry) -> str:
    """The date at its precision, one format everywhere: 2018年2月25日, or 2018年2月 when only
    the month is known; "" when the date cannot be read."""
    year, month, day = (entry.date.split("-") + ["", "", ""])[:3]
    if not (year.isdigit() and month.isdigit()):
        return ""
    text = f"{int(year)}年{int(month)}月"
    if not entry.month_only and day.isdigit():
        text += f"{int(day)}日"
    return text


def format_date(entry: Entry) -> str:
    """The date as HTML: <time> at its precision, and INFERRED_MARK after an estimated date."""
    text = date_text(entry)
    if entry.undated:
        return f'<span class="pd-undated">{UNDATED}</span>'
    if not text:
        return escape(entry.date)
    machine = entry.date[:7] if entry.month_only else entry.date  # a valid HTML month string: 2018-12
    html = f'<time datetime="{escape(machine)}">{text}</time>'
    if entry.inferred:
        html += f'<span class="pd-inferred" title="{INFERRED_TITLE}">{INFERRED_MARK}</span>'
    return html


def render_article_list(entries: list[Entry], from_url: str, catalog: Catalog, *, summaries: bool = True) -> str:
    if not entries:
        return '<p class="pd-empty">暂无文章。</p>'
    items = [render_article_item(entry, from_url, catalog, summaries) for entry in entries]
    return '<ul class="pd-list">\n' + "\n".join(items) + "\n</ul>"


def render_article_item(entry: Entry, from_url: str, catalog: Catalog, summary: bool) -> str:
    meta = [format_date(entry)]
    if entry.zones:
        zone = entry.zones[0]
        meta.append(f'<a href="{link(catalog.zone_url(zone), from_url)}">{escape(zone)}</a>')
    for topic in entry.topics[:LISTED_TOPICS]:
        href = link(catalog.topic_url(topic), from_url) if topic in catalog.topic_slugs else ""
        meta.append(f'<a class="pd-topic" href="{href}">{escape(topic)}</a>' if href
                    else f'<span class="pd-topic">{escape(topic)}</span>')
    text = f'<p class="pd-summary">{escape(entry.summary)}</p>' if summary and entry.summary else ""
    return (f'<li class="pd-item"><a class="pd-title" href="{link(entry.url, from_url)}">{escape(entry.title)}</a>'
            f'<div class="pd-meta">{" · ".join(meta)}</div>{text}</li>')


# A paginated listing's later pages: page/2/ under the listing (the home page's, a topic's).
PAGE_PART = "page/"


def count_pages(items: int, page_size: int) -> int:
    """How many pages a listing of `items` takes (one, even when it is empty)."""
    return max(1, -(-items // page_size))


def pages_to_link(current: int, total: int) -> list[int | None]:
    """Page numbers a pager shows: the first, the last and PAGER_NEIGHBOURS either side of the
    current one; None where numbers are left out. Bounded, so that N pages cost O(N), not O(N^2)."""
    shown = sorted({1, total, *range(max(1, current - PAGER_NEIGHBOURS), min(total, current + PAGER_NEIGHBOURS) + 1)})
    out: list[int | None] = []
    for n in shown:
        if out and n - (out[-1] or 0) > 1:
            out.append(None)
        out.append(n)
    return out


def render_pager(current: int, total: int, page_url, from_url: str) -> str:
    """Links between the pages of a paginated listing; `page_url(n)` gives page n's url."""
    if total <= 1:
        return ""
    parts = []
    if current > 1:
        parts.append(f'<a class="pd-pager__prev" rel="prev" href="{link(page_url(current - 1), from_url)}">上一页</a>')
    for n in pages_to_link(current, total):
        if n is None:
            parts.append('<span class="pd-pager__gap">…</span>')
        elif n == current:
            parts.append(f'<span class="pd-pager__current" aria-current="page">{n}</span>')
        else:
            parts.append(f'<a href="{link(page_url(n), from_url)}" aria-label="第{n}页">{n}</a>')
    if current < total:
        parts.append(f'<a class="pd-pager__next" rel="next" href="{link(page_url(current + 1), from_url)}">下一页</a>')
    return '<nav class="pd-pager" aria-label="分页">' + " ".join(parts) + "</nav>"


def listing_page_url(base_url: str, n: int) -> str:
    """Page n of a paginated listing at base_url: the listing itself, then base_url/page/n/."""
    return base_url if n == 1 else f"{base_url}{PAGE_PART}{n}/"


def make_listing_pages(catalog: Catalog, base_url: str, title: str, entries: list[Entry], page_size: int,
                       head: Callable[[str], str], **meta) -> dict[str, str]:
    """src_uri -> Markdown of a listing paginated like the home page (a zone, topic or month):
    `page_size` articles a page, a pager under them, and `head(page url)` — the HTML of its
    facts and links — under the title. However long the list grows, a page stays one page."""
    total = count_pages(len(entries), page_size)
    pages = {}
    for n in range(1, total + 1):
        url = listing_page_url(base_url, n)
        page_title = title if n == 1 else f"{title} · 第{n}页"
        shown = entries[(n - 1) * page_size: n * page_size]
        pager = render_pager(n, total, partial(listing_page_url, base_url), url)
        body = f"# {escape(page_title)}\n\n{head(url)}\n\n{render_article_list(shown, url, catalog)}\n\n{pager}\n"
        pages[f"{url.rstrip('/')}.md"] = make_front_matter(page_title, **meta) + body
    return pages


def render_zone_counts(zones: list[tuple[str, int]], from_url: str, catalog: Catalog) -> str:
    items = [f'<li><a href="{link(catalog.zone_url(name), from_url)}">{escape(name)}</a>'
             f' <span class="pd-count">{count}篇</span></li>' for name, count in zones]
    return '<ul class="pd-chips">\n' + "\n".join(items) + "\n</ul>"


def render_month_links(months: list[tuple[str, int]], from_url: str, catalog: Catalog) -> str:
    items = [f'<li><a href="{link(catalog.month_url(month), from_url)}">{int(month[5:7])}月</a>'
             f' <span class="pd-count">{count}篇</span></li>' for month, count in months]
    return '<ul class="pd-chips">\n' + "\n".join(items) + "\n</ul>"


def render_table(headers: list[str], rows: list[list[str]], caption: str, numeric: tuple[int, ...] = ()) -> str:
    """A table of already-escaped cells; `numeric` columns (line numbers, confidences) never
    break inside a number, the others wrap (page text, Chinese or Latin, never widens the page)."""
    head = "".join(f'<th scope="col">{h}</th>' for h in headers)
    cell = lambda i, c: f'<td class="pd-num">{c}</td>' if i in numeric else f"<td>{c}</td>"  # noqa: E731
    body = "\n".join("<tr>" + "".join(cell(i, c) for i, c in enumerate(row)) + "</tr>" for row in rows)
    return (f'<table class="pd-table"><caption>{escape(caption)}</caption>'
            f"<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody></table>")
