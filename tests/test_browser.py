"""The built site in a real browser (Debian's chromium through Playwright), used as a reader would:
typing into the search box, following zone and topic links, on a phone and on a laptop screen.
Every page visited must log no console error and ask nothing of any host but 127.0.0.1."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit

import pytest

from conftest import ROOT, SEED_FILES
from test_site_support import LocalServer, read_articles

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts"
SMALL_PHONE = {"width": 320, "height": 640}
PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 768}
# Material builds its index in a worker after the page loads; a query typed before that is lost.
SEARCH_TIMEOUT_MS = 15_000
AXE_BLOCKING = {"serious", "critical"}


@pytest.fixture(scope="module")
def articles(converted):
    return read_articles(converted[0])


@pytest.fixture(scope="module")
def server(built_site):
    site, _ = built_site
    with LocalServer(site) as running:
        yield running


class Reader:
    """A browser tab that records console errors, every request that would leave 127.0.0.1 and
    every request for the sitemap (a page view must not download the whole site's list)."""

    def __init__(self, browser, server, viewport):
        self.server = server
        self.context = browser.new_context(viewport=viewport, locale="zh-CN")
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.sitemaps: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _route(self, route):
        if urlsplit(route.request.url).path.endswith("sitemap.xml"):
            self.sitemaps.append(route.request.url)
        host = urlsplit(route.request.url).hostname
        if route.request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def open(self, path: str = ""):
        self.page.goto(self.server.url + path)
        self.page.wait_for_load_state("networkidle")
        return self.page

    def path_of(self, href: str) -> str:
        return urlsplit(href).path.lstrip("/")

    def close(self):
        self.context.close()
        assert not self.errors, self.errors
        assert not self.outside, self.outside
        assert not self.sitemaps, self.sitemaps


@pytest.fixture
def reader(browser, server):
    opened = Reader(browser, server, LAPTOP)
    yield opened
    opened.close()


def search(reader: Reader, query: str) -> list[tuple[str, str]]:
    """Type the query into Material's search box like a person; (page path, title) of each result."""
    page = reader.open()
    if not page.locator("input.md-search__input").is_visible():  # phones show a search button first
        page.locator("label.md-header__button[for=__search]").click()
    box = page.locator("input.md-search__input")
    box.focus()  # what a click does; a click can land on the header while the phone's overlay opens
    box.press_sequentially(query, delay=40)
    # The results answer the whole query once the first result's link highlights all of it.
    expected = "h=" + quote("+".join(query.split()), safe="+")
    for _ in range(SEARCH_TIMEOUT_MS // 250):
        first = page.locator("li.md-search-result__item a").first
        if first.count() and expected in (first.get_attribute("href") or ""):
            break
        box.press("End")  # a keyup makes Material search again, should the worker have been busy
        page.wait_for_timeout(250)
    else:
        pytest.fail(f"no results for {query!r} in the search box")
    total = int(re.search(r"\d+", page.locator(".md-search-result__meta").inner_text()).group())
    for _ in range(SEARCH_TIMEOUT_MS // 250):  # Material shows ten results, then more as one scrolls
        if page.locator("li.md-search-result__item").count() >= total:
            break
        results = page.locator(".md-search__scrollwrap")  # reaching the bottom again loads more
        results.evaluate("e => e.scrollTo(0, 0)")
        page.wait_for_timeout(100)
        results.evaluate("e => e.scrollTo(0, e.scrollHeight)")
        page.wait_for_timeout(250)
    items = page.locator("li.md-search-result__item").evaluate_all(
        "els => els.map(e => [e.querySelector('a').getAttribute('href'),"
        " e.querySelector('h1').innerText.replace(/\\u200b/g, '')])")
    return [(reader.path_of(href), title) for href, title in items]








def test_home_lists_the_latest_park_news_and_the_navigation(reader, articles):
    page = reader.open()
    titles = page.locator("ul.pd-list a.pd-title").all_inner_texts()
    news = [a for a in articles if a.meta.get("park_news") is True]
    newest = sorted(news, key=lambda a: (str(a.meta["date"]), a.slug), reverse=True)
    assert titles[:5] == [a.title for a in newest[:5]]
    assert page.locator("p.pd-others a").inner_text() == "其他报道"
    tabs = [t.strip() for t in page.locator(".md-tabs__link").all_inner_texts()]
    assert tabs == ["首页", "园区", "专题", "归档", "来源", "关于"]


def test_article_page_shows_its_metadata(reader, articles):
    article = next(a for a in articles if a.meta.get("zone") == "兰州高新区")
    page = reader.open(f"articles/{article.slug}/")
    assert page.locator("article h1").inner_text() == article.title
    meta = page.locator(".pd-article-meta").inner_text()
    year, month, day = (int(x) for x in str(article.meta["date"]).split("-"))
    assert f"{year}年{month}月{day}日" in meta and f"约 {article.meta['readtime']} 分钟" in meta
    chips = page.locator("a.pd-zone-chip").all_inner_texts()
    assert chips == article.zones
    tags = [t.strip() for t in page.locator("nav.md-tags .md-tag").all_inner_texts()]
    assert sorted(tags) == sorted(article.meta["tags"])
    assert page.locator("a.pd-source-link").count() == 1
    assert page.locator(".pd-related a.pd-title").count() >= 1


def test_zone_chip_leads_to_the_zone_page_listing_its_articles_newest_first(reader, articles):
    article = next(a for a in articles if a.meta.get("zone") == "兰州高新区")
    page = reader.open(f"articles/{article.slug}/")
    page.locator("a.pd-zone-chip", has_text="兰州高新区").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("article h1").inner_text() == "兰州高新区"
    listed = page.locator("ul.pd-list a.pd-title").all_inner_texts()
    expected = sorted((a for a in articles if "兰州高新区" in a.zones), key=lambda a: str(a.meta["date"]),
                      reverse=True)
    assert listed == [a.title for a in expected]


def test_topic_tag_leads_to_the_topic_page_listing_its_articles_newest_first(reader, articles):
    article = next(a for a in articles if "人才" in (a.meta.get("tags") or []))
    page = reader.open(f"articles/{article.slug}/")
    page.locator("nav.md-tags a.md-tag", has_text="人才").click()
    page.wait_for_load_state("networkidle")
    assert reader.path_of(page.url) == "tags/talent/"
    listed = page.locator("ul.pd-list a.pd-title").all_inner_texts()
    expected = sorted((a for a in articles if "人才" in (a.meta.get("tags") or [])),
                      key=lambda a: (str(a.meta["date"]), f"articles/{a.slug}.md"), reverse=True)
    assert listed == [a.title for a in expected]
    assert page.locator("ul.pd-list .pd-meta time").count() == len(expected)


def test_archive_lists_every_article_once(reader, articles):
    page = reader.open("archive/")
    months = page.locator("ul.pd-chips a").evaluate_all("els => els.map(e => e.href)")
    listed = []
    for month in months:
        page.goto(month)
        listed += page.locator("ul.pd-list a.pd-title").all_inner_texts()
    assert sorted(listed) == sorted(a.title for a in articles)


def test_source_page_lists_the_page_articles_and_flags_uncertain_joins(reader, converted):
    """Each source page flags exactly its joins and article splits under the confidence
    threshold (0.6): the joins in their table, the splits as （待核对） — and says 没有。 when none."""
    _, result = converted
    pages = sorted(result.pages, key=lambda p: p.source)
    flagged = [p for p in pages if any(j.confidence < 0.6 for j in p.layout.joins)]
    assert flagged, "the seeds have uncertain joins: the check below must see some"
    for page_result in pages:
        page = reader.open("sources/")
        page.locator(f"a[href='{Path(page_result.source).stem}/']").click()
        page.wait_for_load_state("networkidle")
        listed = page.locator("ol.pd-list a.pd-title").all_inner_texts()
        assert sorted(listed) == sorted(a.meta["title"] for a in page_result.articles)
        assert page.locator("h2", has_text="删除的版面元素").count() == 1
        low_joins = sorted((j.left_line, j.right_line) for j in page_result.layout.joins if j.confidence < 0.6)
        section = page.locator("xpath=//h2[contains(., '把握较低的接续')]/following-sibling::*[1]")
        rows = section.locator("tbody tr").evaluate_all(
            "rows => rows.map(r => [...r.cells].slice(0, 2).map(c => Number(c.innerText)))")
        assert sorted(tuple(r) for r in rows) == low_joins, page_result.source
        assert (section.inner_text().strip() == "没有。") == (not low_joins)
        low_articles = sum((a.meta.get("confidence") or 1) < 0.6 for a in page_result.articles)
        assert page.locator("ol.pd-list strong.pd-low").count() == low_articles, page_result.source


@pytest.mark.parametrize("viewport", [SMALL_PHONE, PHONE, LAPTOP], ids=["320", "390", "1366"])
def test_archive_chart_shows_every_bar_in_view_under_its_labels(browser, server, articles, viewport):
    """Every month with articles has a bar whose box lies inside the viewport (the chart never
    needs a sideways scroll), under its month's label and in its year's row."""
    reader = Reader(browser, server, viewport)
    page = reader.open("archive/")
    months = {str(a.meta["date"])[:7] for a in articles}
    bars = page.locator("svg.pd-chart__svg a[data-month]").evaluate_all("""links => links.map(a => {
        const bar = a.querySelector('rect').getBoundingClientRect()
        const row = a.closest('g')
        const year = row.querySelector('.pd-chart__year').getBoundingClientRect()
        const total = row.querySelector('.pd-chart__total').getBoundingClientRect()
        const month = Number(a.dataset.month.slice(5))
        const label = row.ownerSVGElement.querySelector(`.pd-chart__month[data-month="${month}"]`).getBoundingClientRect()
        return {month: a.dataset.month, year: row.dataset.year, left: bar.left, right: bar.right,
                top: bar.top, bottom: bar.bottom, label: [label.left, label.right],
                row: [year.top, total.bottom], width: innerWidth, scrolls: scrollX}
    })""")
    assert sorted(b["month"] for b in bars) == sorted(months)
    for bar in bars:
        assert 0 <= bar["left"] and bar["right"] <= bar["width"], bar
        assert bar["month"][:4] == bar["year"], bar
        centre = (bar["left"] + bar["right"]) / 2
        assert bar["label"][0] <= centre <= bar["label"][1], bar  # under its month's label
        assert bar["row"][0] <= bar["bottom"] <= bar["row"][1] + 2, bar  # on its year's baseline, beside its year
    size = page.evaluate("getComputedStyle(document.querySelector('.pd-chart__year')).fontSize")
    shown = page.locator(".pd-chart__year").first.bounding_box()["height"]
    assert shown >= 9, f"year labels {shown:.1f}px high at {viewport['width']}px ({size})"
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    reader.close()


@pytest.mark.parametrize("viewport", [SMALL_PHONE, PHONE, LAPTOP], ids=["320", "390", "1366"])
def test_tile_map_reads_on_a_phone_and_leads_to_the_province(browser, server, viewport):
    reader = Reader(browser, server, viewport)
    page = reader.open("zones/")
    tiles = page.locator(".pd-tilemap li").evaluate_all("""tiles => tiles.map(t => {
        const box = t.getBoundingClientRect(), name = t.querySelector('.pd-tile__name')
        return {name: name.innerText, width: box.width, left: box.left, right: box.right,
                fits: name.scrollWidth <= t.clientWidth + 0.5, size: parseFloat(getComputedStyle(name).fontSize)}
    })""")
    assert len(tiles) == 34
    for tile in tiles:
        assert tile["fits"] and tile["size"] >= 10 and tile["width"] >= 36, tile
        assert 0 <= tile["left"] and tile["right"] <= viewport["width"], tile
    gansu = page.locator(".pd-tilemap a", has_text="甘肃")
    gansu.click()
    heading = page.locator("h2#gansu")
    assert page.url.endswith("/zones/#gansu") and heading.inner_text().startswith("甘肃")
    top, bottom = heading.evaluate("h => [h.getBoundingClientRect().top, h.getBoundingClientRect().bottom]")
    assert 0 <= top and bottom <= viewport["height"], (top, bottom)  # the province's section is in view
    reader.close()


def test_source_page_reads_on_a_phone(browser, server):
    """On a phone, line numbers, confidences and categories never break inside a word or number,
    and table headers stand apart."""
    reader = Reader(browser, server, PHONE)
    page = reader.open("sources/002_92430654b3ed553e/")
    assert page.locator("article h1").inner_text().startswith("《火炬动态》")
    assert page.locator("td.pd-num").count() >= 20 and page.locator(".pd-nowrap").count() >= 20
    broken = page.locator("td.pd-num, .pd-nowrap").evaluate_all("""cells => cells.filter(c => {
        const range = document.createRange(); range.selectNodeContents(c)
        const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)))
        return lines.size > 1
    }).map(c => c.innerText)""")
    assert not broken, broken
    gaps = page.locator("table.pd-table thead tr").evaluate_all("""rows => rows.map(r => {
        const texts = [...r.cells].map(c => { const g = document.createRange(); g.selectNodeContents(c);
                                               return g.getBoundingClientRect() })
        return Math.min(...texts.slice(1).map((t, i) => t.left - texts[i].right))
    })""")
    assert gaps and min(gaps) >= 8, gaps
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    reader.close()


# ---------------------------------------------------------------------------------------------
# Layout and accessibility


def _pages_to_check(articles) -> dict[str, str]:
    article = next(a for a in articles if a.meta.get("zone") == "兰州高新区")
    return {"home": "", "article": f"articles/{article.slug}/", "zones": "zones/", "archive": "archive/",
            "sources": "sources/", "source": "sources/002_92430654b3ed553e/", "topics": "tags/",
            "topic": "tags/talent/", "demo-zone": "zones/lanbaiguojiazizhuchuangxinshifanqu/"}


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["390x844", "1366x768"])
def test_pages_fit_the_screen_without_horizontal_scroll(browser, server, articles, viewport):
    ARTIFACTS.mkdir(exist_ok=True)
    reader = Reader(browser, server, viewport)
    size = f"{viewport['width']}x{viewport['height']}"
    for name, path in _pages_to_check(articles).items():
        page = reader.open(path)
        page.screenshot(path=str(ARTIFACTS / f"{name}-{size}.png"), full_page=True)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at {size}"
    search(reader, "人才")
    reader.page.locator(".md-search__scrollwrap").evaluate("e => e.scrollTo(0, 0)")  # the best results
    reader.page.screenshot(path=str(ARTIFACTS / f"search-{size}.png"))
    assert reader.page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    reader.close()


def _run_axe(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    return page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")


def test_no_serious_accessibility_violations(reader, articles):
    assert AXE.is_file(), "axe-core is missing: run `make test` (it runs npm ci)"
    pages = _pages_to_check(articles)
    report = {name: _run_axe(reader.open(pages[name]))
              for name in ("home", "article", "zones", "archive", "source", "topics", "demo-zone")}
    report["zone"] = _run_axe(reader.open("zones/lanzhougaoxinqu/"))
    search(reader, "人才")
    report["search results"] = _run_axe(reader.page)
    ARTIFACTS.mkdir(exist_ok=True)
    summary = {name: [{"id": v["id"], "impact": v["impact"], "nodes": len(v["nodes"])} for v in found]
               for name, found in report.items()}
    (ARTIFACTS / "axe.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    blocking = {name: [v for v in found if v["impact"] in AXE_BLOCKING] for name, found in summary.items()}
    assert not any(blocking.values()), blocking


# ---------------------------------------------------------------------------------------------
# Feeds, tabs, width, the site's language


@pytest.mark.parametrize("path, text", [("zones/lanzhougaoxinqu/", "订阅本园区"), ("tags/talent/", "订阅本专题")])
def test_zone_and_topic_pages_offer_their_feed_to_readers_and_feed_readers(reader, path, text):
    """A visible 订阅 link and, for feed readers and browser extensions, rel="alternate" in the
    head (the page's own feed first, then the site's), both naming the feed beside the page."""
    page = reader.open(path)
    link = page.get_by_role("link", name=text)
    assert link.is_visible()
    own = urljoin(page.url, "feed.xml")
    assert urljoin(page.url, link.get_attribute("href")) == own
    alternates = page.locator('link[rel="alternate"][type="application/rss+xml"]').evaluate_all(
        "links => links.map(l => l.href)")
    assert alternates == [own, urljoin(page.url, "../../feed.xml")]
    feed = page.request.get(own)
    assert feed.ok and "<rss" in feed.text() and "<item>" in feed.text()


def test_the_zones_page_offers_the_list_of_every_zone_feed(reader):
    page = reader.open("zones/")
    link = page.get_by_role("link", name="导入阅读器（OPML）")
    assert link.is_visible()
    opml = page.request.get(urljoin(page.url, link.get_attribute("href")))
    assert opml.ok and opml.text().count('type="rss"') >= 10


def _sections(articles) -> dict[str, tuple[str, str]]:
    """Pages outside the navigation -> (path, the tab of their section)."""
    article = next(a for a in articles if a.meta.get("zone") == "兰州高新区")
    return {"article": (f"articles/{article.slug}/", "归档"), "zone": ("zones/lanzhougaoxinqu/", "园区"),
            "topic": ("tags/talent/", "专题")}


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["390", "1366"])
def test_the_tab_of_a_pages_section_is_lit(browser, server, articles, viewport):
    """On a laptop the tab bar lights the section (bold, the others not); on a phone, where the
    menu replaces the tabs, the menu lights it (coloured, the others not)."""
    reader = Reader(browser, server, viewport)
    for name, (path, tab) in _sections(articles).items():
        page = reader.open(path)
        if viewport is LAPTOP:
            tabs = page.locator(".md-tabs__item").evaluate_all("""items => items.map(i => [i.innerText.trim(),
                i.classList.contains('md-tabs__item--active'), getComputedStyle(i.querySelector('a')).fontWeight])""")
        else:
            page.locator("label.md-header__button[for=__drawer]").click()
            page.wait_for_timeout(400)  # the drawer slides in
            tabs = page.locator(".md-nav--primary > .md-nav__list > .md-nav__item").evaluate_all("""items => items.map(i =>
                [i.querySelector('.md-nav__link').innerText.trim(), i.classList.contains('md-nav__item--active'),
                 getComputedStyle(i.querySelector('.md-nav__link')).color])""")
            assert page.locator(".md-nav--primary").is_visible()
        lit = [label for label, active, _ in tabs if active]
        assert lit == [tab], (name, viewport["width"], tabs)
        looks = {style for label, _, style in tabs if label == tab}
        assert looks.isdisjoint(style for label, _, style in tabs if label != tab), (name, tabs)
    reader.close()


def test_an_article_uses_the_width_it_has_on_a_laptop(reader, articles):
    """No empty navigation column: the article's text starts where the header's title does."""
    article = next(a for a in articles if a.meta.get("zone") == "兰州高新区")
    page = reader.open(f"articles/{article.slug}/")
    assert not page.locator(".md-sidebar--primary").is_visible()
    text = page.locator("article.md-content__inner").bounding_box()
    logo = page.locator(".md-header__button.md-logo").bounding_box()
    assert text["x"] <= logo["x"] + 24, (text, logo)
    assert text["width"] >= LAPTOP["width"] * 0.6, text


def test_the_404_page_leads_home_from_any_depth(browser, server):
    reader = Reader(browser, server, PHONE)
    page = reader.open("zones/no-such-park/page/9/")
    assert page.locator("article h1").inner_text().startswith("404")
    page.locator("article").get_by_role("link", name="首页").click()
    page.wait_for_load_state("networkidle")
    assert reader.path_of(page.url) == "" and page.locator("ul.pd-list a.pd-title").count() > 0
    reader.errors = [e for e in reader.errors if "404" not in e]  # the missing page itself
    reader.close()


# Latin words a reader may meet in the site's own words: names of formats.
FORMAT_NAMES = {"RSS", "OPML", "JSON", "UTF"}
# What a reader sees of a page: the text of every shown element except code (literal file
# names and commands), the page's title, and what tooltips, screen readers and empty boxes say
# (title, aria-label, placeholder, alt).
SEEN_TEXT = """() => {
    const shown = [], walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement
        if (parent && !parent.closest('code, pre, kbd, samp, script, style') && parent.checkVisibility())
            shown.push(node.data)
    }
    const said = [...document.querySelectorAll('[title], [aria-label], [placeholder], [alt]')].flatMap(e =>
        ['title', 'aria-label', 'placeholder', 'alt'].map(a => e.getAttribute(a) || ''))
    return [document.title, ...shown, ...said].join('\\n')
}"""


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["390", "1366"])
def test_a_reader_sees_no_english(browser, server, articles, viewport):
    """Every kind of page a reader meets (a missing one and search results too) says everything
    in Chinese; Latin words appear only where the newspaper printed them."""
    printed = "\n".join([*(a.text + str(a.meta) for a in articles), *(p.read_text(encoding="utf-8") for p in SEED_FILES)])
    allowed = set(re.findall(r"[A-Za-z]{2,}", printed)) | FORMAT_NAMES
    reader = Reader(browser, server, viewport)
    paths = {**{name: path for name, path in _pages_to_check(articles).items()},
             **{name: path for name, (path, _) in _sections(articles).items()},
             "about": "about/", "month": "archive/2022-07/", "404": "no-such-page/"}
    english = {}
    for name, path in paths.items():
        page = reader.open(path)
        if not page.locator("input.md-search__input").is_visible():
            page.locator("label.md-header__button[for=__drawer]").click()  # the menu's words too
            page.wait_for_timeout(400)
        words = set(re.findall(r"[A-Za-z]{2,}", page.evaluate(SEEN_TEXT))) - allowed
        if words:
            english[name] = sorted(words)
    search(reader, "人才")
    words = set(re.findall(r"[A-Za-z]{2,}", reader.page.evaluate(SEEN_TEXT))) - allowed
    if words:
        english["search"] = sorted(words)
    reader.errors = [e for e in reader.errors if "404" not in e]  # the missing page
    reader.close()
    assert not english, english
