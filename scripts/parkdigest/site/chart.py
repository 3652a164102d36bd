"""A static SVG chart of articles per month, drawn at build time (no scripts, no fonts to
fetch: text uses the reader's own font through CSS `currentColor` and `font: inherit`).

One row per year, newest first, and twelve month columns under one header: the chart's
width never depends on how many years the archive spans, so it fits a phone's column at any
span (a single time axis grows by a column a month and ends up scrolling or unreadably
small), and every bar stands in its own year's row under its own month's label."""

from __future__ import annotations

from html import escape

# Geometry in SVG user units. The SVG scales down to its column (viewBox, CSS max-width);
# at NATURAL_SCALE CSS pixels per unit it is as wide as a desktop column comfortably holds.
MONTHS = 12
YEAR_LABEL_WIDTH = 48  # "2022" and its total, left of each row
COLUMN_WIDTH = 30  # one month; "12月" at FONT_SIZE fits
BAR_WIDTH = 18
HEADER_HEIGHT = 20  # the month labels above the first row
COUNT_SPACE = 14  # above a bar: its count
PLOT_HEIGHT = 36  # the tallest bar
ROW_GAP = 12
ROW_HEIGHT = COUNT_SPACE + PLOT_HEIGHT + ROW_GAP
RIGHT_SPACE = 4
NATURAL_SCALE = 1.4
MIN_BAR_HEIGHT = 2  # a month with one article among months of hundreds still shows a bar


def column_x(month: int) -> float:
    """Left edge of month (1-12)'s column."""
    return YEAR_LABEL_WIDTH + (month - 1) * COLUMN_WIDTH


def render_month_chart(counts: list[tuple[str, int]], href_of) -> str:
    """Articles per month, a row per year from the last year with articles back to the first;
    each bar links to its month page. `counts` is [("YYYY-MM", count)]; `href_of(month)`
    gives an escaped href.
    """
    if not counts:
        return ""
    by_month = dict(counts)
    first, last = int(min(by_month)[:4]), int(max(by_month)[:4])
    years = list(range(last, first - 1, -1))
    tallest = max(by_month.values())
    width = YEAR_LABEL_WIDTH + MONTHS * COLUMN_WIDTH + RIGHT_SPACE
    height = HEADER_HEIGHT + len(years) * ROW_HEIGHT
    total = sum(by_month.values())
    # role="group", not "img": the bars are links, and an image may contain no interactive part.
    label = f"每月文章数：{first}年至{last}年，共{total}篇"
    parts = [f'<svg class="pd-chart__svg" viewBox="0 0 {width} {height}" width="{round(width * NATURAL_SCALE)}" '
             f'height="{round(height * NATURAL_SCALE)}" role="group" '
             f'aria-labelledby="pd-chart-title" xmlns="http://www.w3.org/2000/svg">',
             f'<title id="pd-chart-title">{escape(label)}</title>']
    for month in range(1, MONTHS + 1):
        x = column_x(month) + COLUMN_WIDTH / 2
        parts.append(f'<text class="pd-chart__month" data-month="{month}" x="{x}" y="{HEADER_HEIGHT - 6}" '
                     f'text-anchor="middle">{month}月</text>')
    for row, year in enumerate(years):
        top = HEADER_HEIGHT + row * ROW_HEIGHT
        base = top + COUNT_SPACE + PLOT_HEIGHT
        year_total = sum(c for m, c in by_month.items() if m.startswith(f"{year:04d}-"))
        parts.append(f'<g class="pd-chart__row" data-year="{year}">'
                     f'<text class="pd-chart__year" x="0" y="{base - 14}">{year}</text>'
                     f'<text class="pd-chart__total" x="0" y="{base}">{year_total}篇</text>'
                     f'<line class="pd-chart__axis" x1="{YEAR_LABEL_WIDTH}" x2="{width - RIGHT_SPACE}" '
                     f'y1="{base}" y2="{base}"/>')
        for month in range(1, MONTHS + 1):
            key = f"{year:04d}-{month:02d}"
            count = by_month.get(key, 0)
            if count == 0:
                continue
            bar = max(MIN_BAR_HEIGHT, round(PLOT_HEIGHT * count / tallest))
            x = column_x(month) + (COLUMN_WIDTH - BAR_WIDTH) / 2
            name = f"{year}年{month}月：{count}篇"
            parts.append(f'<a href="{href_of(key)}" data-month="{key}" aria-label="{escape(name)}">'
                         f'<rect x="{x}" y="{base - bar}" width="{BAR_WIDTH}" height="{bar}">'
                         f'<title>{escape(name)}</title></rect>'
                         f'<text x="{x + BAR_WIDTH / 2}" y="{base - bar - 3}" text-anchor="middle">{count}</text></a>')
        parts.append("</g>")
    parts.append("</svg>")
    return "".join(parts)
