"""The site's listing pages as Markdown: generated pages (more latest articles, one page per
zone, topic, month and source page) and the listings that hand-written pages ask for with a
marker (`<!-- parkdigest:zones -->`). Each is built from the catalog, never by scanning pages."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from html import escape

from parkdigest.articles.files import LOW_CONFIDENCE, LineRanges, article_uri
from parkdigest.site.catalog import (
    REPORTS_PREFIX,
    ZONE_FEEDS,
    Catalog,
    Report,
    demo_members,
    describe_zone,
    display_heading,
    group_zones_by_province,
    member_of,
    report_url,
)
from parkdigest.site.chart import render_month_chart
from parkdigest.site.map import province_anchor, render_tile_map
from parkdigest.site.render import (
    PAGE_PART,
    count_pages,
    format_date,
    link,
    listing_page_url,
    make_front_matter,
    make_listing_pages,
    render_article_list,
    render_feed_link,
    render_feed_list,
    render_month_links,
    render_pager,
    render_table,
    render_zone_counts,
)
from parkdigest.site.sources import (
    furniture_label,
    line_ranges,
    page_date_text,
    page_title,
    source_order,
    translate_warning,
)
from parkdigest.site.topics import make_topic_pages, render_topic_index

MARKER = "<!-- parkdigest:{} -->"


@dataclass(frozen=True)
class Settings:
    """`extra.parkdigest` in mkdocs.yml."""
    page_size: int = 30  # articles per page of the latest list and of a topic (mkdocs.yml sets it)
    related: int = 5  # "more from this zone" under an article
    feed: str = "feed.xml"
    feed_items: int = 30

    @classmethod
    def from_config(cls, config) -> Settings:
        extra = (config.get("extra") or {}).get("parkdigest") or {}
        known = {k: v for k, v in extra.items() if k in cls.__dataclass_fields__}
        return cls(**known)


# ---------------------------------------------------------------------------------------------
# Latest park news (首页) and the other articles (其他报道), each paginated

OTHERS_URL = "others/"
OTHERS_TITLE = "其他报道"


def latest_url(n: int) -> str:
    return listing_page_url("", n)  # the home page, then page/2/ …


def count_latest_pages(catalog: Catalog, settings: Settings) -> int:
    return count_pages(len(catalog.park_news), settings.page_size)


def render_latest(catalog: Catalog, settings: Settings, n: int, from_url: str) -> str:
    """Park news, newest first; the other articles are a link away (其他报道)."""
    total = count_latest_pages(catalog, settings)
    entries = catalog.park_news[(n - 1) * settings.page_size: n * settings.page_size]
    pager = render_pager(n, total, latest_url, from_url)
    more = (f'<p class="pd-others"><a href="{link(OTHERS_URL, from_url)}">{OTHERS_TITLE}</a>'
            f' <span class="pd-count">{len(catalog.others)}篇</span>：不是园区新闻的文章</p>' if catalog.others else "")
    feed = f'<p class="pd-subscribe">{render_feed_link(settings.feed, from_url, "订阅园区新闻")}</p>'
    return f"{render_article_list(entries, from_url, catalog)}\n\n{pager}\n\n{more}\n\n{feed}\n"


def make_latest_pages(catalog: Catalog, settings: Settings) -> dict[str, str]:
    pages = {}
    for n in range(2, count_latest_pages(catalog, settings) + 1):
        body = render_latest(catalog, settings, n, latest_url(n))
        pages[f"{PAGE_PART}{n}.md"] = (make_front_matter(f"最新文章 · 第{n}页")
                                           + f"# 最新文章 · 第{n}页\n\n{body}")
    return pages


def make_other_pages(catalog: Catalog, settings: Settings) -> dict[str, str]:
    """其他报道: the articles that are not park news, newest first, paginated like the home page."""
    if not catalog.others:
        return {}
    return make_listing_pages(catalog, OTHERS_URL, OTHERS_TITLE, catalog.others, settings.page_size,
                              partial(render_others_facts, len(catalog.others)))


def render_others_facts(count: int, url: str) -> str:
    return (f'<p class="pd-facts">{count}篇不是园区新闻的文章，最新的在前 · '
            f'<a href="{link("", url)}">园区新闻</a></p>')


# ---------------------------------------------------------------------------------------------
# Zones (园区): a tile map, then zones by province; demonstration zones with their members


def province_articles(catalog: Catalog, zones: list[str]) -> int:
    return len({e.src_uri for zone in zones for e in catalog.by_zone.get(zone, [])})  # an article once


def render_zone_index(catalog: Catalog, from_url: str) -> str:
    groups = group_zones_by_province(catalog)
    if not groups:
        return '<p class="pd-empty">暂无园区。</p>\n'
    counts = {province: province_articles(catalog, zones) for province, zones in groups.items()}
    out = [render_feed_list(ZONE_FEEDS, from_url, "每个园区都可以单独订阅（在园区页上点“订阅本园区”）；"
                            "全部园区的订阅列表"), render_tile_map(counts)]
    for n, (province, zones) in enumerate(groups.items()):
        anchor = province_anchor(province, f"province-{n}")
        with_news = [z for z in zones if z in catalog.by_zone]
        demos = [z for z in zones if z in demo_members()]
        grouped = {m for d in demos for m in demo_members()[d]}
        plain = [(z, len(catalog.by_zone[z])) for z in with_news if z not in grouped and z not in demos]
        parts = [f"## {province} · {len(with_news)}个园区 · {counts[province]}篇 {{#{anchor}}}\n"]
        parts += [render_demo_group(catalog, demo, from_url) for demo in demos]
        if plain:
            parts.append(render_zone_counts(plain, from_url, catalog))
        out.append("\n\n".join(parts) + "\n")
    return "\n".join(out)


def render_demo_group(catalog: Catalog, demo: str, from_url: str) -> str:
    """A demonstration zone with its member zones that have news, as one group."""
    own = len(catalog.by_zone.get(demo, []))
    members = [m for m in demo_members()[demo] if m in catalog.by_zone]
    items = [(m, len(catalog.by_zone[m])) for m in members]
    head = (f'<a href="{link(catalog.zone_url(demo), from_url)}">{escape(demo)}</a>'
            f' <span class="pd-count">{own}篇</span>')
    body = render_zone_counts(items, from_url, catalog) if items else ""
    return (f'<div class="pd-demo"><p class="pd-demo__head">{head}</p>'
            f'<p class="pd-demo__members">成员园区：</p>{body}</div>' if items else
            f'<div class="pd-demo"><p class="pd-demo__head">{head}</p></div>')


def make_zone_pages(catalog: Catalog, page_size: int) -> dict[str, str]:
    """One listing per zone (zones/<slug>/, paginated): its news in listing order — a
    demonstration zone's with its members' (Catalog.zone_news) — announcing its feed
    (zones/<slug>/feed.xml)."""
    pages = {}
    for zone in catalog.zone_slugs:
        news = catalog.zone_news(zone)
        feed = {"url": catalog.zone_feed_url(zone), "title": zone}
        pages.update(make_listing_pages(catalog, catalog.zone_url(zone), zone, news, page_size,
                                        partial(render_zone_facts, catalog, zone, len(news)), feed=feed))
    return pages


def render_zone_facts(catalog: Catalog, zone: str, news: int, url: str) -> str:
    """Under a zone page's title: province, kind, official name, counts, the demonstration zone
    it belongs to or the members it has, and its feed."""
    province, kind, official = describe_zone(zone)
    facts = [escape(province), escape(kind)]
    if official and official != zone:
        facts.append(escape(official))
    own = len(catalog.by_zone.get(zone, []))
    facts.append(f"{own}篇本区文章 · {news - own}篇成员园区文章" if zone in demo_members() else f"{own}篇文章")
    for demo in member_of().get(zone, ()):
        facts.append(f'属于<a href="{link(catalog.zone_url(demo), url)}">{escape(demo)}</a>')
    facts.append(render_feed_link(catalog.zone_feed_url(zone), url, "订阅本园区"))
    html = f'<p class="pd-facts">{" · ".join(facts)}</p>'
    if zone in demo_members():
        members = [m for m in demo_members()[zone] if m in catalog.zone_slugs]
        listed = "、".join(f'<a href="{link(catalog.zone_url(m), url)}">{escape(m)}</a>' for m in members)
        others = [m for m in demo_members()[zone] if m not in catalog.zone_slugs]
        listed += ("、" if listed and others else "") + "、".join(escape(m) for m in others)
        html += f'\n\n<p class="pd-members">成员园区：{listed}（它们的文章也列在下面）</p>'
    return html


# ---------------------------------------------------------------------------------------------
# Archive (归档) by year and month


def month_title(month: str) -> str:
    return f"{int(month[:4])}年{int(month[5:7])}月"


def render_archive_index(catalog: Catalog, from_url: str) -> str:
    months = [(m, len(e)) for m, e in catalog.by_month.items()]
    if not months:
        return '<p class="pd-empty">暂无文章。</p>\n'
    chart = render_month_chart(sorted(months), lambda m: link(catalog.month_url(m), from_url))
    years: dict[str, list[tuple[str, int]]] = {}
    for month, count in months:
        years.setdefault(month[:4], []).append((month, count))
    out = [f'<figure class="pd-chart">{chart}<figcaption>每月文章数（按年分行，点柱子查看当月文章）</figcaption></figure>\n']
    for year, year_months in years.items():
        total = sum(c for _, c in year_months)
        out.append(f"## {year}年 · {total}篇\n\n{render_month_links(year_months, from_url, catalog)}\n")
    return "\n".join(out)


def make_month_pages(catalog: Catalog, page_size: int) -> dict[str, str]:
    """One listing per month (archive/<YYYY-MM>/, paginated), newest first."""
    pages = {}
    for month, entries in catalog.by_month.items():
        pages.update(make_listing_pages(catalog, catalog.month_url(month), month_title(month), entries, page_size,
                                        partial(render_month_facts, len(entries))))
    return pages


def render_month_facts(count: int, url: str) -> str:
    return f'<p class="pd-facts">{count}篇文章</p>'


# ---------------------------------------------------------------------------------------------
# Source pages (来源): each seed page's articles in page order and its conversion report


def render_sources_index(catalog: Catalog, settings: Settings, from_url: str, n: int = 1,
                         reports: list[tuple[str, Report]] | None = None) -> str:
    """Page n of the table of source pages, newest first, `page_size` rows a page (`reports`:
    sources_newest_first, when the caller has it)."""
    if not catalog.reports:
        return '<p class="pd-empty">暂无来源版面。</p>\n'
    rows = []
    reports = sources_newest_first(catalog) if reports is None else reports
    for source, report in reports[(n - 1) * settings.page_size: n * settings.page_size]:
        data = report.data
        url = report_url(report)
        rows.append([f'<a href="{link(url, from_url)}">{escape(page_title(source, data))}</a>',
                     escape(page_date_text(data, catalog.by_source.get(source, []))),
                     str(len(data.get("articles") or [])), str(count_to_check(data, settings))])
    pager = render_pager(n, count_pages(len(catalog.reports), settings.page_size), partial(listing_page_url, REPORTS_PREFIX),
                         from_url)
    return render_table(["版面", "日期", "文章", "待核对"], rows, "全部来源版面", numeric=(2, 3)) + f"\n\n{pager}\n"


def make_sources_index_pages(catalog: Catalog, settings: Settings) -> dict[str, str]:
    """The table's later pages (sources/page/2/ …); the first is 来源 itself (sources.md's marker)."""
    pages = {}
    reports = sources_newest_first(catalog)
    for n in range(2, count_pages(len(reports), settings.page_size) + 1):
        url = listing_page_url(REPORTS_PREFIX, n)
        title = f"来源 · 第{n}页"
        pages[f"{url.rstrip('/')}.md"] = (make_front_matter(title) + f"# {title}\n\n"
                                          + render_sources_index(catalog, settings, url, n, reports))
    return pages


def sources_newest_first(catalog: Catalog) -> list[tuple[str, Report]]:
    """(seed file name, report) of every source page, the newest page first (sources.source_order)."""
    return sorted(catalog.reports.items(), reverse=True,
                  key=lambda item: source_order(item[1].data, catalog.by_source.get(item[0], [])))


def count_to_check(data: dict, settings: Settings) -> int:
    """Joins and article splits of a page below the confidence worth a human look."""
    low = [j for j in data.get("joins") or [] if float(j.get("confidence", 1)) < LOW_CONFIDENCE]
    low += [a for a in data.get("articles") or [] if float(a.get("confidence", 1)) < LOW_CONFIDENCE]
    return len(low)


def make_source_pages(catalog: Catalog, settings: Settings) -> dict[str, str]:
    pages = {}
    for source, report in catalog.reports.items():
        url = report_url(report)
        pages[f"{url.rstrip('/')}.md"] = (make_front_matter(f"来源：{page_title(source, report.data)}")
                                          + render_source_page(catalog, settings, source, url))
    return pages


# What the converter took a line for (the page report's `lines`), as the source page says it.
LINE_ROLE_LABELS = {"label": "栏目", "kicker": "引题", "title": "标题", "subtitle": "副题", "byline": "署名",
                    "subhead": "小标题", "box": "栏框标题", "caption": "图片说明", "credit": "文末署名",
                    "body": "正文", "furniture": "版面元素"}


def render_source_page(catalog: Catalog, settings: Settings, source: str, url: str) -> str:
    report = catalog.reports[source]
    data = report.data
    json_href = link(report.src_uri, url)
    title = page_title(source, data)
    facts = [escape(page_date_text(data, catalog.by_source.get(source, []))),
             f"{len(data.get('articles') or [])}篇文章"]
    if title != source:
        facts.append(f"文件 <code>{escape(source)}</code>")
    facts.append(f'<a href="{json_href}">转换报告（JSON）</a>')
    # A bare file name is one long word: smaller, so that a phone shows it on one line.
    heading = f"# {escape(title)}\n" if title != source else f'<h1 class="pd-file-title">{escape(title)}</h1>\n'
    out = [heading, f'<p class="pd-facts">{" · ".join(facts)}</p>\n',
           "## 本版文章（按版面顺序）\n", render_source_articles(catalog, settings, data, url) + "\n"]
    if data.get("pages"):
        out += ["## 版面图\n", render_page_pictures(catalog, data, report.src_uri, url), ""]
    joins = [j for j in data.get("joins") or [] if float(j.get("confidence", 1)) < LOW_CONFIDENCE]
    out += ["## 把握较低的接续\n", _joins_table(joins) if joins else '<p class="pd-empty">没有。</p>', ""]
    moves = data.get("moves") or []
    if moves:
        rows = [[escape(line_ranges(m.get("lines", ""))), escape(str(m.get("after", ""))),
                 escape(str(m.get("article", ""))), _confidence(m.get("confidence"))] for m in moves]
        out += ["## 移动的段落\n", render_table(["行", "接在第几行后", "文章", "把握"], rows, "移到别处续接的段落",
                                               numeric=(0, 1, 3)), ""]
    furniture = data.get("furniture") or []
    rows = [[escape(str(f.get("line", ""))), escape(str(f.get("text", ""))), escape(furniture_label(str(f.get("rule", ""))))]
            for f in furniture]
    out += ["## 删除的版面元素\n",
            render_table(["行", "内容", "类别"], rows, "版头、页码、二维码等非正文内容", numeric=(0,)) if rows
            else '<p class="pd-empty">没有。</p>', ""]
    roles = [r for r in data.get("lines") or [] if r.get("role") != "furniture"]
    rows = [[escape(line_ranges(str(r.get("lines", "")))),
             escape(LINE_ROLE_LABELS.get(str(r.get("role")), str(r.get("role")))),
             escape(str(r.get("article", "")))] for r in roles]
    out += ["## 各行判为\n",
            render_table(["行", "判为", "所属文章"], rows, "标题、引题、副题、栏目、署名、小标题、图片说明等的判断",
                         numeric=(0,)) if rows else '<p class="pd-empty">没有。</p>', ""]
    warnings = data.get("warnings") or []
    items = "\n".join(f"<li>{escape(translate_warning(str(w)))}</li>" for w in warnings)
    out += ["## 转换提示\n", f'<ul class="pd-warnings">\n{items}\n</ul>' if warnings else '<p class="pd-empty">没有。</p>', ""]
    return "\n".join(out)


def render_page_pictures(catalog: Catalog, data: dict, report_uri: str, from_url: str) -> str:
    """A PDF seed's pages as pictures, each article's module outlined, numbered as in the list
    above and linked to the article, each block of its lines marked with its first line (the
    number a sidecar's split_at names), the furniture shaded."""
    numbers = {str(a.get("slug")): k for k, a in enumerate(sorted(data.get("articles") or [], key=_first_line), 1)}
    folder = report_uri.rsplit("/", 1)[0]
    figures = []
    for page in data["pages"]:
        width, height = int(page.get("width") or 0), int(page.get("height") or 0)
        src = link(f"{folder}/{page.get('picture')}", from_url)
        areas = [_page_area(area, numbers, catalog, from_url) for area in page.get("areas") or []]
        figures.append(
            f'<figure class="pd-page">\n<div class="pd-page-sheet" style="aspect-ratio: {width} / {height}">'
            f'<img src="{src}" loading="lazy" decoding="async" width="{width}" height="{height}" '
            f'alt="第{int(page.get("number") or 0)}页版面">\n' + "\n".join(a for a in areas if a) + "\n</div>\n"
            f'<figcaption>第{int(page.get("number") or 0)}页：彩框为文章（编号同上表），灰底为版头、署名等版面元素，'
            f'小号数字为各块的起始行号（附注文件 split_at 用）。<a href="{src}">查看大图</a></figcaption>\n</figure>')
    text = data.get("text") or []
    lines = "\n".join(f"<li>{escape(str(line))}</li>" for line in text)
    listing = (f'<details class="pd-page-text"><summary>版面文字（共{len(text)}行，行号即上图与各表中的行号）</summary>\n'
               f"<ol>\n{lines}\n</ol>\n</details>") if text else ""
    return "\n".join(figures) + "\n" + listing


def _page_area(area: dict, numbers: dict[str, int], catalog: Catalog, from_url: str) -> str:
    box = area.get("box") or []
    if len(box) != 4:
        return ""
    x0, y0, x1, y1 = (max(0.0, min(1.0, float(v))) for v in box)
    place = f"left:{x0 * 100:.2f}%;top:{y0 * 100:.2f}%;width:{(x1 - x0) * 100:.2f}%;height:{(y1 - y0) * 100:.2f}%"
    kind = str(area.get("kind"))
    if kind == "furniture":
        return f'<span class="pd-area pd-area-furniture" style="{place}"></span>'
    if kind == "block":
        return (f'<span class="pd-area pd-area-block" style="{place}">'
                f'<span class="pd-area-line">{int(area.get("line") or 0)}</span></span>')
    slug = str(area.get("article") or "")
    number = numbers.get(slug)
    entry = catalog.by_uri.get(article_uri(slug))
    label = f'<span class="pd-area-number">{number}</span>' if number else ""
    if entry is None:
        return f'<span class="pd-area pd-area-article" style="{place}">{label}</span>'
    return (f'<a class="pd-area pd-area-article" style="{place}" href="{link(entry.url, from_url)}" '
            f'title="{escape(entry.title)}">{label}</a>')


def render_source_articles(catalog: Catalog, settings: Settings, data: dict, from_url: str) -> str:
    items = []
    for article in sorted(data.get("articles") or [], key=_first_line):
        entry = catalog.by_uri.get(article_uri(str(article.get("slug"))))
        title = escape(display_heading(str(article.get("title", ""))))
        head = f'<a class="pd-title" href="{link(entry.url, from_url)}">{title}</a>' if entry else title
        meta = [f'<span class="pd-nowrap">第{escape(line_ranges(article.get("lines", "")))}行</span>',
                f'<span class="pd-nowrap">把握{_confidence(article.get("confidence"))}</span>']
        if entry:
            meta.insert(0, format_date(entry))
        items.append(f'<li class="pd-item">{head}<div class="pd-meta">{" · ".join(meta)}</div></li>')
    return '<ol class="pd-list">\n' + "\n".join(items) + "\n</ol>" if items else '<p class="pd-empty">没有文章。</p>'


def _first_line(article: dict) -> int:
    return LineRanges.parse(article.get("lines")).first


def _confidence(value) -> str:
    if value is None:
        return "—"
    value = float(value)
    text = f"{value:.2f}"
    if value < LOW_CONFIDENCE:
        return f'<strong class="pd-low" title="把握较低，请人工核对">{text}（待核对）</strong>'
    return text


def _joins_table(joins: list[dict]) -> str:
    rows = [[escape(str(j.get("left", ""))), escape(str(j.get("right", ""))), f"{float(j.get('confidence', 0)):.2f}",
             "是" if j.get("moved") else "否"] for j in joins]
    return render_table(["断句行", "接续行", "把握", "跨栏移动"], rows, "断开的句子在哪里接上", numeric=(0, 1, 2, 3))


# ---------------------------------------------------------------------------------------------
# Markers in hand-written pages


def fill_markers(markdown: str, catalog: Catalog, settings: Settings, page_url: str) -> str:
    fills = {
        "latest": lambda: render_latest(catalog, settings, 1, page_url),
        "zones": lambda: render_zone_index(catalog, page_url),
        "topics": lambda: render_topic_index(catalog, page_url),
        "archive": lambda: render_archive_index(catalog, page_url),
        "sources": lambda: render_sources_index(catalog, settings, page_url),
    }
    for name, fill in fills.items():
        marker = MARKER.format(name)
        if marker in markdown:
            markdown = markdown.replace(marker, fill())
    return markdown


def make_generated_pages(catalog: Catalog, settings: Settings) -> dict[str, str]:
    """src_uri -> Markdown of every generated listing page."""
    return {**make_latest_pages(catalog, settings), **make_other_pages(catalog, settings),
            **make_zone_pages(catalog, settings.page_size), **make_month_pages(catalog, settings.page_size),
            **make_topic_pages(catalog, settings.page_size), **make_source_pages(catalog, settings),
            **make_sources_index_pages(catalog, settings)}
