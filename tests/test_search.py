"""The site's search: the index sharded by character pair (scripts/parkdigest/site/search.py)
read as files, and the search box used in Debian's chromium as a reader uses it — phrases,
two-character words, a query composed with an IME or pasted, what one search downloads,
how results read and how the keyboard moves through them, on a phone and a laptop."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

from parkdigest.reference.topics import taxonomy
from parkdigest.site import search as index
from test_browser import ARTIFACTS, LAPTOP, PHONE, Reader

from test_site_support import LocalServer, read_articles

# Material shows the first results at once; the test waits at most this long for a search.
SEARCH_TIMEOUT_MS = 15_000
# The goal at 10,000 articles is 0.5 MB for one search; the seeds' site must stay far below.
SEED_SEARCH_MAX_BYTES = 150_000
INDEX = Path("search") / "pd"


@pytest.fixture(scope="module")
def articles(converted):
    return read_articles(converted[0])


@pytest.fixture(scope="module")
def site(built_site):
    return built_site[0]


@pytest.fixture(scope="module")
def server(site):
    with LocalServer(site) as running:
        yield running


@pytest.fixture
def reader(browser, server):
    opened = Reader(browser, server, LAPTOP)
    yield opened
    opened.close()


# ---------------------------------------------------------------------------------------------
# The index as files


def decode_shard(text: str) -> dict[str, dict[int, list[int]]]:
    """A shard file back to {pair: {page id: positions}} (the worker's reading, in Python)."""
    pairs = {}
    for line in filter(None, text.split("\n")):
        pair, postings = line.split("\t")
        pages, page = {}, 0
        for entry in postings.split(";"):
            delta, positions = entry.split(":")
            page += int(delta, 36)
            at, pages[page] = 0, []
            for step in positions.split(","):
                at += int(step, 36)
                pages[page].append(at)
        pairs[pair] = pages
    return pairs


def read_records(site: Path) -> dict[int, dict]:
    """{page id: its first record, with the whole text (its chunks joined) as "body"}"""
    chunks: dict[int, dict[int, dict]] = {}
    for path in (site / INDEX / "d").glob("*.json"):
        page_id, chunk = (int(n) for n in path.stem.split("-"))
        chunks.setdefault(page_id, {})[chunk] = json.loads(path.read_text(encoding="utf-8"))
    records = {}
    for page_id, parts in chunks.items():
        ordered = [parts[k] for k in sorted(parts)]
        assert [r["o"] for r in ordered] == [k * index.CHUNK_CHARS for k in range(len(ordered))]
        body = "".join(r["x"][:index.CHUNK_CHARS] for r in ordered)
        assert len(body) == ordered[0]["n"]
        records[page_id] = {**ordered[0], "body": body}
    return records


def pair_postings(site: Path, manifest: dict, pair: str) -> dict[int, list[int]]:
    if pair in manifest["hot"]:
        name = index.hot_pair_file(pair)
    else:
        name = f"{index.base36(index.pair_hash(pair) % manifest['shards'])}.txt"
    return decode_shard((site / INDEX / "t" / name).read_text(encoding="utf-8")).get(pair, {})


def test_shards_hold_every_pair_of_every_page_at_its_positions(site, articles):
    manifest = json.loads((site / INDEX / "manifest.json").read_text(encoding="utf-8"))
    shards = manifest["shards"]
    assert shards & (shards - 1) == 0
    assert len([p for p in (site / INDEX / "t").glob("*.txt") if not p.name.startswith("p-")]) == shards
    article = next(a for a in articles if a.meta.get("zone") == "兰州高新区")
    records = read_records(site)
    page_id = next(i for i, r in records.items() if r["u"] == f"articles/{article.slug}/")
    record = records[page_id]
    assert record["t"] == article.title and record["d"] == "2022年7月31日"
    body = index.fold(record["body"])
    for pair in ("兰州", "高新", "人才"):
        expected = [manifest["body"] + m.start() for m in re.finditer(f"(?={pair})", body)]
        found = pair_postings(site, manifest, pair)[page_id]
        assert [p for p in found if p >= manifest["body"]] == expected, pair
        assert all(p < manifest["body"] for p in found[:len(found) - len(expected)])  # title and tags first


def test_a_pair_found_almost_everywhere_gets_a_file_of_its_own(tmp_path):
    writer = index.IndexWriter.start([f"articles/{n}/" for n in range(800)])
    for n in range(800):
        writer.add(f"articles/{n}/", f"第{n}篇", "<p>" + "高新区发展。" * 12 + f"编号{n}</p>")
    manifest = writer.finish(tmp_path, {"lang": ["zh"]})
    assert "高新" in manifest["hot"] and "编号" not in manifest["hot"]
    hot = decode_shard((tmp_path / INDEX / "t" / index.hot_pair_file("高新")).read_text(encoding="utf-8"))
    assert len(hot["高新"]) == 800 and all(len(p) == 12 for p in hot["高新"].values())
    assert json.loads((tmp_path / INDEX / "config.json").read_text(encoding="utf-8")) == {
        "config": {"lang": ["zh"]}, "docs": []}


def test_listings_are_not_indexed_and_every_article_is(site, articles):
    """Zone and topic pages are found by their names alone, never by the titles they list;
    other listings and the editors' guide are not searched."""
    records = read_records(site).values()
    urls = {r["u"] for r in records}
    assert {f"articles/{a.slug}/" for a in articles} <= urls
    assert not [u for u in urls if u in ("", "guide/") or u.startswith(("archive/", "sources/", "page/"))]
    named = [r for r in records if r["u"].startswith(("zones/", "tags/"))]
    assert {r["u"] for r in named} >= {"zones/lanzhougaoxinqu/", "tags/talent/"}
    titles = {a.title for a in articles}
    assert not [r["u"] for r in named if any(t in r["body"] for t in titles) or len(r["body"]) > 80]


def test_manifest_names_the_zone_and_topic_pages_by_every_form_of_their_name(site):
    manifest = json.loads((site / INDEX / "manifest.json").read_text(encoding="utf-8"))
    records = read_records(site)
    named = {name: {records[i]["u"] for i in ids} for name, ids in manifest["names"].items()}
    assert named["兰州高新区"] == named["兰州高新技术产业开发区"] == named["兰州国家高新区"] == {"zones/lanzhougaoxinqu/"}
    assert named["光谷"] == named["武汉东湖高新区"] == {"zones/wuhandonghugaoxinqu/"}
    assert named["人才"] == {"tags/talent/"}
    assert not [u for urls in named.values() for u in urls if not u.startswith(("zones/", "tags/"))]


def test_the_editors_guide_is_in_no_search_index(site):
    material = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [d["location"] for d in material["docs"] if d["location"].startswith("guide/")]
    assert (site / "guide" / "index.html").is_file()  # still on the site, under 关于


def test_records_are_text_not_html(site, articles):
    """The worker escapes a record's text before showing it; the record holds no markup."""
    paths = sorted((site / INDEX / "d").glob("*.json"))
    assert len(paths) >= len(articles) > 0  # a chunk at least for each article
    for path in paths:
        record = json.loads(path.read_text(encoding="utf-8"))
        assert not re.search(r"<[a-z/][^>]*>", record["x"] + record["t"]), path.name


def test_shard_count_grows_with_the_index_and_stays_a_power_of_two():
    counts = [index.shard_count(n) for n in (0, 10**5, 10**6, 10**7, 10**8)]
    assert counts == sorted(counts) and counts[0] == index.MIN_SHARDS and counts[-1] > 1000
    assert all(c & (c - 1) == 0 for c in counts)
    # shard files keep near the target size whatever the total
    assert all(n / index.shard_count(n) < 2 * index.TARGET_SHARD_BYTES for n in (10**6, 10**7, 10**8))


def test_fold_keeps_positions_and_matches_the_worker():
    assert index.fold("ＡＢＣ５Ｇ基站") == "abc5g基站"
    assert len(index.fold("İ℃ＡĲ")) == 4  # one character for one, even where lower() lengthens


# ---------------------------------------------------------------------------------------------
# In chromium


def open_search(reader: Reader, path: str = ""):
    page = reader.open(path)
    if not page.locator("input.md-search__input").is_visible():  # phones show a search button first
        page.locator("label.md-header__button[for=__search]").click()
    box = page.locator("input.md-search__input")
    box.focus()
    return page, box


def wait_for_results(reader: Reader, query: str) -> list[tuple[str, str]]:
    """(path, title) of every result row once all are drawn (later rows are filled from their
    page's record as they scroll into view)."""
    page = reader.page
    found = "h=" + quote(query, safe="")
    page.wait_for_function(
        "found => { const a = document.querySelector('li.md-search-result__item a');"
        " return a && a.href.includes(found) }", arg=found, timeout=SEARCH_TIMEOUT_MS)
    meta = page.locator(".md-search-result__meta").inner_text()
    total = int(re.search(r"\d+", meta).group()) if re.search(r"\d", meta) else 1
    scroller = page.locator(".md-search__scrollwrap")
    for _ in range(SEARCH_TIMEOUT_MS // 250):  # Material draws more rows as the list scrolls to its end
        rows = page.locator("li.md-search-result__item")
        if rows.count() >= total and not page.locator("li.md-search-result__item a[href*='pd-doc=']").count():
            break
        scroller.evaluate("e => e.scrollTo(0, 0)")
        page.wait_for_timeout(50)
        scroller.evaluate("e => e.scrollTo(0, e.scrollHeight)")
        page.wait_for_timeout(200)
    else:
        pytest.fail(f"the results for {query!r} were not all drawn")
    items = page.locator("li.md-search-result__item").evaluate_all(
        "els => els.map(e => [e.querySelector('a').getAttribute('href'), e.querySelector('h1').innerText])")
    return [(reader.path_of(href), title) for href, title in items]


def search(reader: Reader, query: str) -> list[tuple[str, str]]:
    """Type the query into Material's search box like a person."""
    _, box = open_search(reader)
    box.press_sequentially(query, delay=40)
    return wait_for_results(reader, query)


def article_slugs(results) -> list[str]:
    return [path.split("/")[1] for path, _ in results if path.startswith("articles/")]


def evidence(article, query: str) -> tuple[bool, int]:
    """What ranks a result: the phrase in its title or tags, then how often it occurs."""
    in_title = query in article.title or query in (article.meta.get("tags") or [])
    return in_title, article.text.count(query)


def sentence_phrase(articles) -> tuple[str, str]:
    """(slug, phrase): a clause of a sentence (8 to 16 characters, between punctuation marks)
    of the 兰州高新区 article that no other article has."""
    article = next(a for a in articles if a.meta.get("zone") == "兰州高新区")
    for clause in re.split(r"[，。；：、！？“”（）《》\s]+", article.body):
        if re.fullmatch(r"[\u4e00-\u9fff]{8,16}", clause) and sum(clause in a.text for a in articles) == 1:
            return article.slug, clause
    raise AssertionError("no unique clause in the 兰州高新区 article")


def note_search(query: str, results: list[tuple[str, str]]) -> None:
    """Keep what the search box showed, for people to read (test-artifacts/search.json)."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / "search.json"
    seen = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    seen[query] = [f"{title} ({path})" for path, title in results]
    path.write_text(json.dumps(seen, ensure_ascii=False, indent=1), encoding="utf-8")


@pytest.mark.browser
@pytest.mark.parametrize("query", ["业界共治", "兰州高新区", "颠覆性技术", "人才", "基金"])
def test_search_finds_every_article_with_the_query_verbatim_best_first(reader, articles, query):
    results = search(reader, query)
    expected = {a.slug for a in articles if query in a.text}
    assert expected, f"no article contains {query}"
    found = article_slugs(results)
    assert set(found) == expected and len(found) == len(expected)  # every article with it, no other, once
    named = NAME_PAGES.get(query)
    assert results[0][0] == named if named else results[0][0].startswith("articles/")
    best = max(evidence(a, query) for a in articles if a.slug in expected)
    first = next(a for a in articles if a.slug == found[0])
    assert evidence(first, query)[0] == best[0] and evidence(first, query)[1] >= best[1] * 0.8, (first.title, best)
    assert all(title and title != "…" for _, title in results)  # every row drawn, later ones too
    note_search(query, results)


# Queries that are the name of a zone or a topic, and the page found first for them.
NAME_PAGES = {"兰州高新区": "zones/lanzhougaoxinqu/", "人才": "tags/talent/"}


def busiest_topic_but_talent(articles) -> tuple[str, str]:
    """(topic, its page) of the topic most articles have, 人才 aside (searched above)."""
    counts = Counter(t for a in articles for t in a.meta.get("topics") or [] if t != "人才")
    topic = counts.most_common(1)[0][0]
    return topic, f"tags/{next(t.slug for t in taxonomy().topics if t.label == topic)}/"


@pytest.mark.browser
@pytest.mark.parametrize("query, page", [("成都高新区", "zones/chengdugaoxinqu/"),
                                         ("兰州高新技术产业开发区", "zones/lanzhougaoxinqu/"),
                                         ("光谷", "zones/wuhandonghugaoxinqu/"), ("topic", None)])
def test_a_parks_or_topics_name_lists_its_page_first(reader, articles, query, page):
    """Searched by a park's name (or another form of it, or a topic's), its page comes first,
    then the articles; the row says what the page is."""
    if page is None:
        query, page = busiest_topic_but_talent(articles)
    results = search(reader, query)
    assert results[0][0] == page, results[:3]
    row = reader.page.locator("li.md-search-result__item").first.inner_text()
    assert ("园区 · " in row) if page.startswith("zones/") else ("专题 · " in row), row
    note_search(query, results)


@pytest.mark.browser
def test_a_clause_of_a_sentence_finds_its_article_first(reader, articles):
    slug, phrase = sentence_phrase(articles)
    results = search(reader, phrase)
    assert results[0][0] == f"articles/{slug}/"
    assert article_slugs(results) == [slug]
    note_search(phrase, results)


@pytest.mark.browser
def test_a_zone_suffix_finds_the_articles_with_whole_zone_names(reader, articles):
    found = set(article_slugs(search(reader, "高新区")))
    wuhan = {a.slug for a in articles if "武汉东湖高新区" in a.text}
    assert wuhan and wuhan <= found


@pytest.mark.browser
def test_a_query_inserted_without_key_events_is_searched(reader, articles):
    """What an IME or a paste does: text arrives by `input` events, no keyup."""
    page, box = open_search(reader)
    page.keyboard.insert_text("兰州高新区")
    results = wait_for_results(reader, "兰州高新区")
    assert set(article_slugs(results)) == {a.slug for a in articles if "兰州高新区" in a.text}

    box.evaluate("(e, text) => { e.value = text; e.dispatchEvent(new InputEvent('input', {bubbles: true})) }",
                 "业界共治")
    results = wait_for_results(reader, "业界共治")
    assert set(article_slugs(results)) == {a.slug for a in articles if "业界共治" in a.text}


@pytest.mark.browser
def test_composition_in_progress_waits_for_the_committed_text(reader, articles):
    page, box = open_search(reader)
    box.evaluate("e => { e.value = 'ren'; e.dispatchEvent(new InputEvent('input', {bubbles: true, isComposing: true})) }")
    page.wait_for_timeout(300)
    assert page.locator("li.md-search-result__item").count() == 0
    box.evaluate("e => { e.value = '人才'; e.dispatchEvent(new CompositionEvent('compositionend', {data: '人才'})) }")
    results = wait_for_results(reader, "人才")
    assert set(article_slugs(results)) == {a.slug for a in articles if "人才" in a.text}


@pytest.mark.browser
def test_one_search_downloads_the_shards_and_never_the_whole_index(reader, site):
    requested: list[str] = []
    reader.page.on("requestfinished", lambda request: requested.append(urlsplit(request.url).path.lstrip("/")))
    search(reader, "业界共治")
    assert not [p for p in requested if p.endswith("search_index.json") or "/lunr/" in p or "workers/search." in p]
    assert any(p.startswith("search/pd/t/") for p in requested)
    fetched = {p for p in requested if p.startswith(("search/", "assets/javascripts/pd-", "assets/javascripts/workers/"))}
    size = sum((site / p).stat().st_size for p in fetched)
    assert size < SEED_SEARCH_MAX_BYTES, sorted(fetched)


@pytest.mark.browser
def test_materials_whole_index_search_is_the_fallback_when_asked(reader, articles):
    requested: list[str] = []
    reader.page.on("requestfinished", lambda request: requested.append(urlsplit(request.url).path))
    page, box = open_search(reader, "?search=material")
    box.press_sequentially("业界共治", delay=40)
    page.wait_for_function("() => document.querySelectorAll('li.md-search-result__item').length > 0",
                           timeout=SEARCH_TIMEOUT_MS)
    assert any(p.endswith("search/search_index.json") for p in requested)
    assert not any("/search/pd/t/" in p for p in requested)


@pytest.mark.browser
def test_results_show_title_date_snippet_and_the_query_marked(reader, articles):
    search(reader, "业界共治")
    first = reader.page.locator("li.md-search-result__item").first
    article = next(a for a in articles if "业界共治" in a.text and a.meta.get("zone") == "成都高新区")
    assert first.locator("h1").inner_text() == article.title
    year, month = str(article.meta["date"]).split("-")[:2]
    assert first.locator("time").inner_text().startswith(f"{int(year)}年{int(month)}月")
    assert "业界共治" in first.locator("mark").all_inner_texts()
    assert len(first.locator("p").inner_text()) > 40  # a snippet of the text, not just the title
    later = search(reader, "人才")  # rows after the first ten are filled the same way
    rows = reader.page.locator("li.md-search-result__item")
    filled = [rows.nth(i) for i, (path, _) in enumerate(later) if i >= 10 and path.startswith("articles/")]
    assert filled and all(row.locator("time").count() == 1 and "人才" in row.locator("mark").all_inner_texts()
                          for row in filled)


@pytest.mark.browser
def test_keyboard_moves_through_the_results_and_enter_opens_one(reader, articles):
    results = search(reader, "人才")
    page = reader.page
    page.locator("input.md-search__input").focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert reader.path_of(focused) == results[1][0]
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_load_state("networkidle")
    assert reader.path_of(page.url) == results[1][0]
    assert page.locator("mark[data-md-highlight]").first.inner_text() == "人才"


@pytest.mark.browser
def test_enter_in_the_box_opens_the_best_result_with_the_phrase_highlighted(reader):
    results = search(reader, "业界共治")
    page = reader.page
    with page.expect_navigation():
        page.locator("input.md-search__input").press("Enter")
    page.wait_for_load_state("networkidle")
    assert reader.path_of(page.url) == results[0][0]
    assert page.locator("mark[data-md-highlight]").first.inner_text() == "业界共治"


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["390x844", "1366x768"])
def test_search_box_sits_in_the_header_and_results_fit_the_screen(browser, server, viewport):
    reader = Reader(browser, server, viewport)
    try:
        page, box = open_search(reader)
        assert box.evaluate("e => !!e.closest('header.md-header')")
        top = box.bounding_box()
        assert top and top["y"] < 60 and top["width"] >= 150  # in the header bar, wide enough to read
        box.press_sequentially("人才", delay=40)
        wait_for_results(reader, "人才")
        page.locator(".md-search__scrollwrap").evaluate("e => e.scrollTo(0, 0)")
        row = page.locator("li.md-search-result__item").first.bounding_box()
        assert row and row["x"] >= 0 and row["x"] + row["width"] <= viewport["width"]
        size = f"{viewport['width']}x{viewport['height']}"
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"search-results-{size}.png"))
        assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    finally:
        reader.close()
