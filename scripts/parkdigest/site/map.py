"""Where the news is: a tile-grid map of China's provincial-level divisions, drawn at build time.

One square per province in its rough position (west to east, north to south), shaded by how
many articles are about its parks, each linking to the province's section of the zones page.
A tile grid shows position without drawing boundaries (a map of China on a public site must
follow the official ones), needs no script and no outside request, and keeps every tile as
large on a phone as its two- or three-character name needs."""

from __future__ import annotations

from html import escape

# Province (as the gazetteer names it) -> (column, row, anchor id of its zones-page section).
# All 34 provincial-level divisions, so the picture is always the whole country.
TILES: dict[str, tuple[int, int, str]] = {
    "黑龙江": (6, 0, "heilongjiang"),
    "吉林": (6, 1, "jilin"),
    "新疆": (0, 2, "xinjiang"), "甘肃": (2, 2, "gansu"), "内蒙古": (3, 2, "neimenggu"),
    "北京": (4, 2, "beijing"), "天津": (5, 2, "tianjin"), "辽宁": (6, 2, "liaoning"),
    "青海": (1, 3, "qinghai"), "宁夏": (2, 3, "ningxia"), "山西": (3, 3, "shanxi"),
    "河北": (4, 3, "hebei"), "山东": (5, 3, "shandong"),
    "西藏": (0, 4, "xizang"), "四川": (1, 4, "sichuan"), "陕西": (2, 4, "shaanxi"), "河南": (3, 4, "henan"),
    "安徽": (4, 4, "anhui"), "江苏": (5, 4, "jiangsu"), "上海": (6, 4, "shanghai"),
    "云南": (1, 5, "yunnan"), "重庆": (2, 5, "chongqing"), "湖北": (3, 5, "hubei"), "江西": (4, 5, "jiangxi"),
    "浙江": (5, 5, "zhejiang"),
    "贵州": (2, 6, "guizhou"), "湖南": (3, 6, "hunan"), "广东": (4, 6, "guangdong"), "福建": (5, 6, "fujian"),
    "台湾": (6, 6, "taiwan"),
    "广西": (3, 7, "guangxi"), "澳门": (4, 7, "aomen"), "香港": (5, 7, "xianggang"),
    "海南": (3, 8, "hainan"),
}
# Shades: 0 for no article, then SHADES - 1 steps up to the busiest province.
SHADES = 5


def province_anchor(province: str, fallback: str) -> str:
    """The id of a province's section on the zones page (fallback for places not on the map)."""
    return TILES[province][2] if province in TILES else fallback


def shade(count: int, most: int) -> int:
    """0 for none; otherwise 1..SHADES-1 by share of the busiest province (never 0 for one article)."""
    if count <= 0 or most <= 0:
        return 0
    return max(1, -(-(SHADES - 1) * count // most))


def render_tile_map(counts: dict[str, int]) -> str:
    """HTML (no script): an ordered list of tiles, placed on a CSS grid in reading order
    (north to south, west to east), so a screen reader reads them as rows of the map too."""
    most = max(counts.values(), default=0)
    items = []
    for province, (column, row, anchor) in sorted(TILES.items(), key=lambda t: (t[1][1], t[1][0])):
        count = counts.get(province, 0)
        place = f'style="grid-column:{column + 1};grid-row:{row + 1}"'
        name = escape(province)
        if count:
            label = f"{name}：{count}篇，查看园区"
            tile = (f'<a href="#{anchor}" aria-label="{label}" title="{label}">'
                    f'<span class="pd-tile__name">{name}</span><span class="pd-tile__count">{count}</span></a>')
        else:
            tile = f'<span class="pd-tile__name">{name}</span><span class="pd-tile__count" aria-label="无文章">·</span>'
        items.append(f'<li class="pd-tile pd-tile--{shade(count, most)}" data-province="{name}" {place}>{tile}</li>')
    legend = "".join(f'<span class="pd-tile--{k}" aria-hidden="true"></span>' for k in range(SHADES))
    return ('<figure class="pd-tilemap" aria-labelledby="pd-tilemap-caption">'
            '<ol class="pd-tilemap__grid">' + "".join(items) + "</ol>"
            f'<figcaption id="pd-tilemap-caption">各省份的园区新闻篇数（颜色越深越多，方块为示意位置，不表示疆域）'
            f'<span class="pd-tilemap__legend">少{legend}多</span></figcaption></figure>\n')
