"""A static SVG column chart of articles per month, drawn at build time (no scripts, no fonts
to fetch: text uses the reader's own font through CSS `currentColor` and `font: inherit`)."""

from __future__ import annotations

from html import escape

# Geometry in SVG user units; the chart scales to the column width (viewBox).
BAR_WIDTH = 8
BAR_GAP = 2
PLOT_HEIGHT = 120
LABEL_SPACE = 22  # below the bars: year labels
TOP_SPACE = 16  # above the tallest bar: its count
LEFT_SPACE = 4
# A year label is ~4 columns wide: the first column gets one only if its year has room left.
LAST_LABELLED_START = "09"
SCALE = 2  # natural size in CSS pixels per unit: 9-unit text reads as 18px before phones scale it down


def list_months(first: str, last: str) -> list[str]:
    """Every YYYY-MM from first to last: a time axis without gaps shows quiet months too."""
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def render_month_chart(counts: list[tuple[str, int]], href_of) -> str:
    """A column per month from the first to the last with articles; each column links to its
    month page. `counts` is [("YYYY-MM", count)]; `href_of(month)` gives an escaped href.
    """
    if not counts:
        return ""
    by_month = dict(counts)
    months = [(m, by_month.get(m, 0)) for m in list_months(min(by_month), max(by_month))]
    tallest = max(count for _, count in months)
    width = LEFT_SPACE * 2 + len(months) * (BAR_WIDTH + BAR_GAP)
    height = TOP_SPACE + PLOT_HEIGHT + LABEL_SPACE
    total = sum(count for _, count in months)
    label = f"每月文章数柱状图：{months[0][0]} 至 {months[-1][0]}，共 {total} 篇"
    parts = [f'<svg class="pd-chart__svg" viewBox="0 0 {width} {height}" width="{width * SCALE}" '
             f'height="{height * SCALE}" role="img" '
             f'aria-labelledby="pd-chart-title" xmlns="http://www.w3.org/2000/svg">',
             f'<title id="pd-chart-title">{escape(label)}</title>']
    last_year = ""
    for i, (month, count) in enumerate(months):
        x = LEFT_SPACE + i * (BAR_WIDTH + BAR_GAP)
        if month[:4] != last_year and (month[5:] == "01" or i == 0 and month[5:] <= LAST_LABELLED_START):
            last_year = month[:4]  # a year's label under January (or under the first column)
            parts.append(f'<text class="pd-chart__year" x="{x}" y="{TOP_SPACE + PLOT_HEIGHT + 16}">{last_year}</text>')
        if count == 0:
            continue
        bar = max(1, round(PLOT_HEIGHT * count / tallest))
        y = TOP_SPACE + PLOT_HEIGHT - bar
        name = f"{int(month[:4])}年{int(month[5:7])}月：{count} 篇"
        parts.append(f'<a href="{href_of(month)}" aria-label="{escape(name)}">'
                     f'<rect x="{x}" y="{y}" width="{BAR_WIDTH}" height="{bar}"><title>{escape(name)}</title></rect>'
                     f'<text x="{x + BAR_WIDTH / 2}" y="{y - 3}" text-anchor="middle">{count}</text></a>')
    parts.append("</svg>")
    return "".join(parts)
