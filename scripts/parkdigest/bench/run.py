"""`parkdigest bench`: how convert and the site build scale, measured on synthetic pages.

For each N it writes N pages made of the seeds' own text (synth.py), then runs every
measured step in a fresh process (start-up included, as a user sees it) and reads that
process's wall time and peak memory (the largest resident set of the process and its
workers, from wait4). Baselines run in the same sitting, so ratios compare like with like:
- segmenting the same text with jieba alone (the floor for a converter built on jieba);
- a bare Material build of the same articles with the same plugins (search with jieba,
  tags) but without our hooks, templates and page reports.
Prints a table, saves the figures as JSON. `python -m parkdigest.bench TASK …` runs one
measured step (used by the benchmark itself).
"""

from __future__ import annotations

import cProfile
import functools
import gzip
import http.server
import importlib.util
import json
import os
import platform
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml

from parkdigest.bench.synth import read_templates, write_pages
from parkdigest.convert.pipeline import convert_page, run
from parkdigest.convert.words import cut, domain_words, place_words, tokenizer
from parkdigest.reference.gazetteer import find_zones
from parkdigest.site.catalog import FEED_NAME
from parkdigest.site.hooks import SEARCH_INDEX, ZWSP
from parkdigest.site.search import INDEX_DIR
from parkdigest.text import HAN_CHAR

DEFAULT_SIZES = [100, 1000]
# Above this many pages a measure is run once: a 1,000-page one-process convert takes minutes.
REPEAT_MAX_PAGES = 300
REPEATS = 3
# No-change re-runs are cheap: the median of this many unless --repeat says otherwise.
RERUN_REPEATS = 3
# The one-process convert is timed on at most this many pages: its cost per page does not
# depend on N (pages are converted independently), and 10,000 pages would take an hour.
SINGLE_PROCESS_MAX_PAGES = 1000
# Pages profiled with cProfile (one process, segmenter loaded first, so only per-page work shows).
PROFILE_PAGES = 20
PROFILE_TOP = 10
GZIP_LEVEL = 6  # what web servers commonly use
MB = 1e6
ROOT = Path(__file__).resolve().parents[3]  # the repository: mkdocs.yml, docs/, overrides/


@dataclass
class Run:
    """One measured process."""

    wall_s: float
    peak_mb: float
    report: dict  # what the process itself measured (last line of its output, JSON)


def run_bench(sizes: list[int], *, seeds: Path, json_path: Path, repeat: int = 0, jobs: int = 0,
              keep: Path | None = None, build: bool = True) -> dict:
    """Measure every size; print the table; save JSON. Returns the figures."""
    jobs = jobs or os.cpu_count() or 1
    print(f"bench: reading the layout of {seeds}/*.txt …", file=sys.stderr)
    templates = read_templates(seeds)
    with tempfile.TemporaryDirectory(prefix="parkdigest-bench-") as temporary:
        base = keep or Path(temporary)
        results: dict[str, Any] = {"machine": _machine(jobs), "seeds": sorted(t.name for t in templates),
                                   "sizes": {}}
        for n in sizes:
            runs = repeat or (REPEATS if n <= REPEAT_MAX_PAGES else 1)
            print(f"bench: N = {n} pages, {runs} run(s) per measure …", file=sys.stderr)
            results["sizes"][str(n)] = measure_size(n, templates, base / f"n{n}", runs=runs, jobs=jobs,
                                                    build=build, reruns=repeat or RERUN_REPEATS)
        results["scaling"] = _scaling(results["sizes"])
        results["profile"] = profile_convert(base / f"n{sizes[0]}" / "seeds")
    json_path.parent.mkdir(parents=True, exist_ok=True)
    json_path.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(format_table(results))
    print(f"\nfigures saved to {json_path}")
    return results


def measure_size(n: int, templates, base: Path, *, runs: int, jobs: int, build: bool, reruns: int) -> dict:
    seeds = base / "seeds"
    if base.exists():
        shutil.rmtree(base)
    raw_bytes = write_pages(templates, n, seeds)
    single = min(n, SINGLE_PROCESS_MAX_PAGES)
    out: dict = {"pages": n, "raw_mb": raw_bytes / MB, "runs": runs, "jobs": jobs}

    out["jieba"] = _summary([_task("segment", seeds, single) for _ in range(runs)])
    out["rjieba"] = _summary([_task("rjieba", seeds, single)]) if importlib.util.find_spec("rjieba") else None

    one = base / "one" / "articles"
    out["convert_1"] = _summary([_fresh(one) or _task("convert", seeds, one, 1, single) for _ in range(runs)])
    out["convert_1"]["pages"] = single
    docs = base / "docs" / "articles"
    cache = base / "cache"
    out["convert_all"] = _summary([_fresh(docs, cache) or _task("convert", seeds, docs, jobs, n, cache)
                                   for _ in range(runs)])
    out["convert_all"]["pages"] = n
    out["rerun"] = _summary([_task("convert", seeds, docs, jobs, n, cache) for _ in range(reruns)])
    out["articles"] = sum(1 for _ in docs.glob("*.md"))
    out["identical_output"] = _same_files(one.parent, docs.parent)
    out["segment_ratio"] = out["convert_1"]["work_s"] / out["jieba"]["work_s"]
    if build:
        site = base / "site"
        ours, bare = _site_dir(base / "build", docs.parent), _bare_site_dir(base / "bare", docs.parent)
        out["build"] = _summary([_build(ours, site) for _ in range(runs)])
        out["build_bare"] = _summary([_build(bare, base / "bare-site") for _ in range(runs)])
        out["build_ratio"] = out["build"]["wall_s"] / out["build_bare"]["wall_s"]
        out["site"] = site_sizes(site)
        out["search"] = _task("search", site, base / "bare-site").report
    return out


# ---- measured processes -------------------------------------------------------------------


def _task(name: str, *args) -> Run:
    return _logged(name, measure([sys.executable, "-m", "parkdigest.bench.run", name, *map(str, args)]))


def _build(work: Path, site: Path) -> Run:
    if site.exists():
        shutil.rmtree(site)  # cold builds
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)]
    return _logged(f"mkdocs build ({work.name})", measure(command, cwd=work))


def _logged(name: str, run: Run) -> Run:
    print(f"bench:   {name}: {run.wall_s:.1f} s, {run.peak_mb:.0f} MB", file=sys.stderr)
    return run


# Runs the measured command as its own child and reports that child's exit code and peak
# memory. Needed because Linux starts a child's peak-memory count from its parent's size at
# fork (kept across exec): measured straight from the benchmark (jieba loaded, ~300 MB) every
# step would read at least that. This launcher is a bare interpreter of a few MB.
_LAUNCHER = """import json, os, sys
pid = os.fork()
if pid == 0:
    os.execvp(sys.argv[2], sys.argv[2:])
_, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "w") as out:
    json.dump([os.waitstatus_to_exitcode(status), usage.ru_maxrss], out)
"""


def measure(command: list[str], cwd: Path | None = None) -> Run:
    """Run a command; its wall time, the peak resident memory of its largest process
    (workers included: wait4 reports the maximum over waited-for descendants) and the JSON
    it prints last, if any."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    with tempfile.TemporaryDirectory() as temporary:
        usage_file, stdout_file, stderr_file = (Path(temporary) / name for name in ("usage", "stdout", "stderr"))
        with stdout_file.open("wb") as stdout, stderr_file.open("wb") as stderr:
            start = time.perf_counter()
            subprocess.run([sys.executable, "-S", "-c", _LAUNCHER, str(usage_file), *command],
                           cwd=cwd, env=env, stdout=stdout, stderr=stderr, check=False)
            wall = time.perf_counter() - start
        text = stdout_file.read_text(encoding="utf-8", errors="replace")
        errors = stderr_file.read_text(encoding="utf-8", errors="replace")
        code, peak_kib = json.loads(usage_file.read_text()) if usage_file.exists() else (-1, 0)
    if code != 0:
        raise RuntimeError(f"{' '.join(command[:6])} failed ({code}): {errors[-2000:]}")
    lines = text.strip().splitlines()
    report = json.loads(lines[-1]) if lines and lines[-1].startswith("{") else {}
    return Run(wall, peak_kib / 1024, report)  # ru_maxrss is in KiB on Linux


def _summary(runs: list[Run]) -> dict:
    """Medians over runs of the wall time, peak memory and what each process reported."""
    out: dict[str, Any] = {"wall_s": statistics.median(r.wall_s for r in runs),
                           "peak_mb": statistics.median(r.peak_mb for r in runs)}
    for key, value in runs[0].report.items():
        values = [r.report.get(key) for r in runs]
        numbers = [v for v in values if isinstance(v, (int, float)) and not isinstance(v, bool)]
        out[key] = statistics.median(numbers) if len(numbers) == len(values) else value
    return out


def _fresh(*paths: Path) -> Literal[False]:
    """Remove earlier output so each convert starts cold (returns False for `or` chaining)."""
    for path in paths:
        if path.exists():
            shutil.rmtree(path.parent if path.name == "articles" else path)
    return False


def _same_files(small: Path, large: Path) -> bool:
    """Every file of the one-process, uncached output (the first pages) is byte-identical in
    the parallel, cached output: the cache and the process pool change nothing."""
    files = [p for p in small.rglob("*") if p.is_file()]
    return bool(files) and all((large / p.relative_to(small)).read_bytes() == p.read_bytes() for p in files)


# ---- sites --------------------------------------------------------------------------------


def _site_dir(work: Path, docs: Path) -> Path:
    """A copy of the project's site sources with the generated articles (as conftest does)."""
    if work.exists():
        shutil.rmtree(work)
    shutil.copytree(ROOT / "docs", work / "docs", ignore=shutil.ignore_patterns("articles", "sources"))
    shutil.copytree(docs / "articles", work / "docs" / "articles")
    shutil.copytree(docs / "sources", work / "docs" / "sources")
    shutil.copytree(ROOT / "overrides", work / "overrides")
    (work / "scripts" / "parkdigest" / "site").mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "parkdigest" / "site" / "hooks.py", work / "scripts" / "parkdigest" / "site")
    shutil.copy(ROOT / "mkdocs.yml", work / "mkdocs.yml")
    return work


def _bare_site_dir(work: Path, docs: Path) -> Path:
    """The same pages and articles, theme, plugins and Markdown extensions, without our hooks,
    templates, plugin options and page reports: what Material + jieba cost on their own."""
    if work.exists():
        shutil.rmtree(work)
    shutil.copytree(ROOT / "docs", work / "docs", ignore=shutil.ignore_patterns("articles", "sources"))
    shutil.copytree(docs / "articles", work / "docs" / "articles")
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_TolerantLoader)
    for key in ("hooks", "extra", "site_url"):
        config.pop(key, None)
    config.get("theme", {}).pop("custom_dir", None)
    config["plugins"] = [_bare_plugin(p) for p in config.get("plugins", [])]
    (work / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return work


def _bare_plugin(plugin):
    """A plugin by name, with its options only for search (language: jieba for zh); other
    options may point into our code."""
    name = plugin if isinstance(plugin, str) else next(iter(plugin))
    return {name: plugin[name]} if name == "search" and isinstance(plugin, dict) else name


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's tags (!ENV, !!python/name:…) as None: the bare build drops them."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def site_sizes(site: Path) -> dict:
    """Bytes on disk and bytes a reader downloads (gzip, as a web server sends them)."""
    files = [p for p in site.rglob("*") if p.is_file()]
    index = site / SEARCH_INDEX
    home = site / "index.html"
    html = home.read_text(encoding="utf-8")
    assets = re.findall(r'<link[^>]*rel="(?:stylesheet|icon)"[^>]*href="([^"]+)"', html)
    assets += re.findall(r'<script[^>]*src="([^"]+)"', html)
    home_files = [home] + [site / a for a in assets if not a.startswith(("http:", "https:", "//"))]
    # What every search of our site fetches whatever the query: the worker, its scripts, the
    # config Material's bundle asks for and the manifest (shards and records come on top,
    # measured in chromium: measure_search).
    scripts = site / "assets" / "javascripts"
    pd = site / INDEX_DIR
    search_files = [scripts / "workers" / "pd-search.js", scripts / "pd-search-common.js",
                    scripts / "pd-search-page.js", pd / "config.json", pd / "manifest.json"]
    shard_files = list((pd / "t").glob("*.txt")) if (pd / "t").is_dir() else []
    # The feeds the build writes: the site's, each zone's and topic's (feed.xml), their OPML lists.
    feeds = [p for p in files if p.name == FEED_NAME or p.suffix == ".opml"]
    return {
        "files": len(files), "mb": sum(p.stat().st_size for p in files) / MB,
        "index_mb": index.stat().st_size / MB, "index_gzip_mb": _gzip_size(index) / MB,
        "shard_files": len(shard_files), "shards_mb": sum(p.stat().st_size for p in shard_files) / MB,
        "home_kb": sum(p.stat().st_size for p in home_files if p.is_file()) / 1e3,
        "home_gzip_kb": sum(_gzip_size(p) for p in home_files if p.is_file()) / 1e3,
        "search_mb": sum(p.stat().st_size for p in search_files if p.is_file()) / MB,
        "feed_files": len(feeds), "feeds_mb": sum(p.stat().st_size for p in feeds) / MB,
        "search_gzip_mb": sum(_gzip_size(p) for p in search_files if p.is_file()) / MB,
    }


def _gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=GZIP_LEVEL))


# ---- one search in chromium ----------------------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")  # Debian's (make chromium); nothing is ever downloaded
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
# A search that shows no result count in this time has failed, and the measurement with it
# (Material's whole index took 80 s at 10,000 articles: a slow search still ends in time).
SEARCH_TIMEOUT_S = 300
# Files that serve search, on either site: Material's worker, lunr and whole index, or our
# worker, its scripts, the manifest, shards and page records.
SEARCH_FILES = re.compile(r"(^|/)(search/|assets/javascripts/(workers/|lunr/|pd-search))")
# A phrase query: a clause of a sentence, between punctuation marks, this long.
PHRASE_CHARS = (8, 16)
_CLAUSE_BREAK = re.compile(r"[，。；：、！？“”‘’（）《》\s]+")
_TAG = re.compile(r"<[^>]+>")
# In the page: when the query's text arrived (input), and when the result count answering it
# was shown ("no result" included) — the meta line Material writes from its translations,
# which the page's config carries in the reader's language.
_WATCH_COUNT = r"""
window.__typed = null; window.__counted = null;
addEventListener("input", () => { __typed = performance.now(); __counted = null }, true);
addEventListener("DOMContentLoaded", () => {
  const t = JSON.parse(document.getElementById("__config").textContent).translations;
  const escape = s => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const other = new RegExp("^" + escape(t["search.result.other"]).replace("#", "(\\d+)") + "$");
  new MutationObserver(() => {
    const meta = document.querySelector(".md-search-result__meta");
    if (__typed === null || __counted !== null || !meta) return;
    const text = meta.textContent.trim();
    const count = text === t["search.result.none"] ? 0 : text === t["search.result.one"] ? 1 :
      (other.exec(text) || [])[1];
    if (count !== undefined) __counted = {ms: performance.now() - __typed, count: Number(count)};
  }).observe(document.body, {childList: true, subtree: true, characterData: true});
});
"""


@dataclass(frozen=True)
class Query:
    kind: str  # zone, word or phrase: what a reader looks for
    text: str


def site_queries(site: Path) -> list[Query]:
    """Three queries a reader types, drawn from the articles of the site measured (Material's
    whole index, which both sites write): the park most articles name, as they write it (if
    one does), the commonest two-character word (it also sits inside longer jieba words: 人才
    in 人才培养), and a clause of a sentence that one article alone has."""
    texts = _article_texts(site)
    if not texts:
        raise RuntimeError(f"{site / SEARCH_INDEX}: no article in the search index to draw queries from")
    parks = Counter(park for text in texts for park in {text[m.start:m.end] for m in find_zones(text)})
    words = Counter(w for text in texts for w in cut(text) if len(w) == 2 and all(HAN_CHAR.match(c) for c in w))
    if not words:
        raise RuntimeError(f"{site / SEARCH_INDEX}: the articles hold no Chinese word to search for")
    word = min(words, key=lambda w: (-words[w], w))
    phrase = _unique_clause(texts)
    zone = [Query("zone", min(parks, key=lambda park: (-parks[park], park)))] if parks else []
    return zone + [Query("word", word), Query("phrase", phrase)]


def _article_texts(site: Path) -> list[str]:
    """Each article's text, from its entries in the whole index (the page and its sections)."""
    docs = json.loads((site / SEARCH_INDEX).read_text(encoding="utf-8")).get("docs", [])
    texts: dict[str, list[str]] = {}
    for doc in docs:
        page = str(doc.get("location", "")).split("#")[0]
        if page.startswith("articles/"):
            texts.setdefault(page, []).append(_TAG.sub("", str(doc.get("text", ""))).replace(ZWSP, ""))
    return ["\n".join(texts[page]) for page in sorted(texts)]


def _unique_clause(texts: list[str]) -> str:
    """The first clause of PHRASE_CHARS Han characters, from the middle article on, found in
    one article only."""
    low, high = PHRASE_CHARS
    middle = len(texts) // 2
    for text in texts[middle:] + texts[:middle]:
        for clause in _CLAUSE_BREAK.split(text):
            if low <= len(clause) <= high and all(HAN_CHAR.match(c) for c in clause) \
                    and sum(clause in other for other in texts) == 1:
                return clause
    raise RuntimeError(f"no clause of {low}–{high} Chinese characters is found in one article only")


def measure_search(site: Path, bare_site: Path | None = None, queries: list[Query] | None = None) -> dict:
    """One search per query on a fresh browser profile (nothing cached), as a reader does it:
    open the home page, enter the query as an IME commits a word (its text, then a key
    released). Bytes of every search file chromium fetched (page load included: Material
    fetches its whole index then), gzip-compressed as a web server sends them, and the time
    from the query's arrival to the result count shown for it. Queries default to words of
    the site measured (site_queries)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return {"available": False, "why": "playwright is not installed (pip install -e '.[test]')"}
    if not CHROMIUM.is_file():
        return {"available": False, "why": f"{CHROMIUM} is missing (make chromium)"}
    queries = queries or site_queries(site)
    sites = {"ours": site, **({"material": bare_site} if bare_site and bare_site.is_dir() else {})}
    out: dict = {"available": True, "queries": [q.text for q in queries]}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            for name, root in sites.items():
                with _Server(root) as url:
                    runs = [_one_search(browser, url, root, query) for query in queries]
                out[name] = {"runs": runs, "max_gzip_kb": max(r["gzip_kb"] for r in runs),
                             "max_results_s": max(r["results_s"] for r in runs),
                             "median_results_s": statistics.median(r["results_s"] for r in runs)}
        finally:
            browser.close()
    return out


def _one_search(browser, url: str, root: Path, query: Query) -> dict:
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError  # installed: measure_search checked

    context = browser.new_context(viewport={"width": 1366, "height": 768})
    try:
        fetched: list[str] = []
        context.on("requestfinished", lambda request: fetched.append(request.url))
        page = context.new_page()
        page.add_init_script(_WATCH_COUNT)
        page.goto(url)
        page.wait_for_load_state("networkidle")
        page.locator("input.md-search__input").focus()
        page.keyboard.insert_text(query.text)
        page.keyboard.press("Shift")
        try:
            page.wait_for_function("() => window.__counted", timeout=SEARCH_TIMEOUT_S * 1000)
        except PlaywrightTimeoutError:
            meta = page.locator(".md-search-result__meta").inner_text()
            raise RuntimeError(f"searching {query.text!r} at {url}: no result count after {SEARCH_TIMEOUT_S} s "
                               f"(the result line reads {meta!r})") from None
        counted = page.evaluate("window.__counted")
    finally:
        context.close()
    files = sorted({p for p in (_local_path(u, url) for u in fetched) if p and SEARCH_FILES.search(p)})
    paths = [root / p for p in files if (root / p).is_file()]
    return {"query": query.text, "kind": query.kind, "count": counted["count"], "files": len(paths),
            "raw_kb": sum(p.stat().st_size for p in paths) / 1e3,
            "gzip_kb": sum(_gzip_size(p) for p in paths) / 1e3, "results_s": counted["ms"] / 1e3}


def _local_path(request_url: str, base: str) -> str | None:
    if not request_url.startswith(base):
        return None
    path = request_url[len(base):].split("?")[0].split("#")[0]
    return path + "index.html" if path.endswith("/") or not path else path


class _Server:
    """A site on http://127.0.0.1:<free port>/ from a thread (quiet)."""

    def __init__(self, root: Path):
        class Quiet(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def _task_search(site: str, bare_site: str = "") -> dict:
    return measure_search(Path(site), Path(bare_site) if bare_site else None)


# ---- profile ------------------------------------------------------------------------------


def profile_convert(seeds: Path) -> dict:
    """Where one-process convert spends its time (cProfile, segmenter already loaded)."""
    return _task("profile", seeds, PROFILE_PAGES).report


# ---- report -------------------------------------------------------------------------------


def _scaling(sizes: dict) -> dict:
    """Time at the largest N over time at the smallest, against the ratio of N (linear)."""
    if len(sizes) < 2:
        return {}
    small, large = sizes[min(sizes, key=int)], sizes[max(sizes, key=int)]
    out = {"from": small["pages"], "to": large["pages"], "linear": large["pages"] / small["pages"],
           "convert_all": large["convert_all"]["wall_s"] / small["convert_all"]["wall_s"],
           "convert_work": large["convert_all"]["run_s"] / small["convert_all"]["run_s"],
           "convert_peak_mb": large["convert_all"]["peak_mb"] / small["convert_all"]["peak_mb"],
           "rerun": large["rerun"]["run_s"] / small["rerun"]["run_s"]}
    if "build" in small and "build" in large:
        out["build"] = large["build"]["wall_s"] / small["build"]["wall_s"]
        out["build_bare"] = large["build_bare"]["wall_s"] / small["build_bare"]["wall_s"]
    return out


NOT_BUILT = "not measured (--no-build)"


def format_table(results: dict) -> str:
    """The figures as a Markdown table, a column per N. Every cell shows its measure, or why it
    was not taken (--no-build, rjieba not installed, no chromium): a figure missing otherwise
    is a bug of the benchmark and raises."""
    sizes = results["sizes"]
    columns = list(sizes)
    rows: list[tuple[str, list[str]]] = []

    def row(label: str, cell, *, built: bool = False) -> None:
        """A measure's row; `built`: it needs the site builds, which --no-build skips."""
        rows.append((label, [NOT_BUILT if built and "build" not in sizes[c] else cell(sizes[c]) for c in columns]))

    row("pages · articles · raw text MB", lambda s: f"{s['pages']:,} · {s['articles']:,} · {s['raw_mb']:.1f}")
    row("start-up: import + load jieba, s", lambda s: f"{s['convert_1']['load_s']:.2f}")
    row("jieba alone, 1 process: s (after load)", lambda s: f"{s['jieba']['wall_s']:.1f} ({s['jieba']['work_s']:.2f}) "
        f"on {s['convert_1']['pages']:,} pages")
    row("rjieba alone: s (after load) · same words", lambda s: "not installed" if not s["rjieba"] else
        f"{s['rjieba']['wall_s']:.1f} ({s['rjieba']['work_s']:.2f}) · {s['rjieba']['same_lines']:.2%} of lines")
    row("convert, 1 process: s · pages/s · MB/s", lambda s: _throughput(s["convert_1"], s))
    row(f"convert, all cores ({results['machine']['jobs']}): s · pages/s · MB/s", lambda s: _throughput(s["convert_all"], s))
    row("convert ÷ jieba alone, after load (target ≤ 3)", lambda s: f"{s['segment_ratio']:.1f}×")
    row("convert peak MB: 1 process · largest of all cores", lambda s: f"{s['convert_1']['peak_mb']:.0f} · {s['convert_all']['peak_mb']:.0f}")
    row("no-change re-run: s · after start-up s", lambda s: f"{s['rerun']['wall_s']:.2f} · {s['rerun']['run_s']:.3f}")
    row("cached + parallel output identical to uncached", lambda s: "yes" if s["identical_output"] else "NO")
    row("mkdocs build: s · peak MB", lambda s: f"{s['build']['wall_s']:.1f} · {s['build']['peak_mb']:.0f}", built=True)
    row("bare Material + jieba build: s · peak MB",
        lambda s: f"{s['build_bare']['wall_s']:.1f} · {s['build_bare']['peak_mb']:.0f}", built=True)
    row("build ÷ bare (target ≤ 1.3)", lambda s: f"{s['build_ratio']:.2f}×", built=True)
    row("site: files · MB", lambda s: f"{s['site']['files']:,} · {s['site']['mb']:.1f}", built=True)
    row("feeds (site, zones, topics) and OPML lists: files · MB",
        lambda s: f"{s['site']['feed_files']:,} · {s['site']['feeds_mb']:.2f}", built=True)
    row("search index MB: Material's whole (fallback) raw · gzip · sharded files · MB",
        lambda s: f"{s['site']['index_mb']:.1f} · {s['site']['index_gzip_mb']:.2f} · "
                  f"{s['site']['shard_files']:,} · {s['site']['shards_mb']:.1f}", built=True)
    row("home page download kB: raw · gzip",
        lambda s: f"{s['site']['home_kb']:.0f} · {s['site']['home_gzip_kb']:.0f}", built=True)
    row("search scripts, config, manifest kB gzip (every search)",
        lambda s: f"{s['site']['search_gzip_mb'] * 1e3:.0f}", built=True)
    for name, label in (("ours", "sharded"), ("material", "Material's whole index")):
        row(f"one search download, chromium ({label}): kB gzip, max · s to result count, max",
            lambda s, name=name: _search_cell(s["search"], name), built=True)

    runs = ", ".join(f"{sizes[c]['runs']} at N = {int(c):,}" for c in columns)
    lines = [f"parkdigest bench — {results['machine']['cpus']} cores, Python {results['machine']['python']}; "
             f"runs per measure (median kept): {runs}", "",
             "| measure | " + " | ".join(f"N = {int(c):,}" for c in columns) + " |",
             "|---|" + "---|" * len(columns)]
    lines += [f"| {label} | " + " | ".join(cells) + " |" for label, cells in rows]
    scaling = results.get("scaling")
    if scaling:
        parts = [f"{key} {scaling[key]:.1f}×" for key in ("convert_all", "convert_work", "convert_peak_mb", "rerun",
                                                          "build", "build_bare") if key in scaling]
        lines += ["", f"scaling {scaling['from']:,} → {scaling['to']:,} pages (linear = {scaling['linear']:.0f}×): "
                  + ", ".join(parts)]
    profile = results.get("profile")
    if profile:
        lines += ["", f"profile: one process, {profile['pages']} pages, {profile['total_s']:.2f} s after load; "
                      "top costs (cumulative s):"]
        lines += [f"  {seconds:6.2f}  {name}" for name, seconds in profile["top"]]
        lines += ["top costs (own time, s):"]
        lines += [f"  {seconds:6.2f}  {name}" for name, seconds in profile["self"]]
    return "\n".join(lines)


def _search_cell(search: dict, name: str) -> str:
    if not search["available"]:
        return search["why"]
    figures = search[name]
    return f"{figures['max_gzip_kb']:,.0f} · {figures['max_results_s']:.2f}"


def _throughput(run: dict, size: dict) -> str:
    pages = run["pages"]
    mb = size["raw_mb"] * pages / size["pages"]
    return f"{run['wall_s']:.1f} · {pages / run['wall_s']:.1f} · {mb / run['wall_s']:.2f}"


def _machine(jobs: int) -> dict:
    return {"cpus": os.cpu_count(), "jobs": jobs, "python": platform.python_version(),
            "platform": platform.platform(), "date": time.strftime("%Y-%m-%d %H:%M")}


# ---- the measured steps, each run in its own process ---------------------------------------


def task_main(argv: list[str]) -> None:
    """`python -m parkdigest.bench TASK ARGS`: one measured step; prints JSON last."""
    name, args = argv[0], argv[1:]
    report = TASKS[name](*args)
    print(json.dumps(report))


def _load_segmenter() -> None:
    tokenizer()
    place_words()  # loads jieba's part-of-speech table too


def _page_lines(seeds: str, limit: str) -> list[str]:
    paths = sorted(Path(seeds).glob("*.txt"))[: int(limit)]
    return [line for p in paths for line in p.read_text(encoding="utf-8").split("\n") if line.strip()]


def _task_segment(seeds: str, limit: str) -> dict:
    """jieba alone on the same text, line by line, in the mode the converter uses."""
    lines = _page_lines(seeds, limit)
    start = time.perf_counter()
    tokenizer()
    loaded = time.perf_counter()
    words = sum(len(cut(line)) for line in lines)
    return {"load_s": loaded - start, "work_s": time.perf_counter() - loaded, "words": words}


def _task_rjieba(seeds: str, limit: str) -> dict:
    """rjieba given the same added words: its speed, and how often its words are jieba's."""
    import rjieba  # optional (the [bench] extra): timed only when installed (measure_size)

    lines = _page_lines(seeds, limit)
    jieba_words = [cut(line) for line in lines]
    frequencies = tokenizer().FREQ
    start = time.perf_counter()
    segmenter = rjieba.Jieba()
    for term in domain_words():
        segmenter.add_word(term, max(frequencies.get(term, 0), tokenizer().suggest_freq(term, tune=False)), None)
    loaded = time.perf_counter()
    words = [segmenter.cut(line, False) for line in lines]
    work = time.perf_counter() - loaded
    same = sum(a == b for a, b in zip(jieba_words, words))
    return {"load_s": loaded - start, "work_s": work, "same_lines": same / max(len(lines), 1)}


def _task_convert(seeds: str, out: str, jobs: str, limit: str, cache: str = "") -> dict:
    """pipeline.run as `parkdigest convert` calls it; with one process the segmenter is
    loaded first, so load and per-page work are timed apart."""
    paths = sorted(Path(seeds).glob("*.txt"))
    inputs = [Path(seeds)] if int(limit) >= len(paths) else paths[: int(limit)]
    start = time.perf_counter()
    if int(jobs) == 1:
        _load_segmenter()
    loaded = time.perf_counter()
    converted = []
    result = run(inputs, Path(out), jobs=int(jobs), cache_dir=Path(cache) if cache else None,
                 keep_pages=False, on_page=lambda page: converted.append(page.source))
    done = time.perf_counter()
    errors = [str(p) for p in result.errors()]
    if errors:
        raise SystemExit(f"convert failed: {errors[:3]}")
    return {"load_s": loaded - start, "work_s": done - loaded, "run_s": done - start,
            "converted": len(converted), "reused": len(result.reused)}


def _task_profile(seeds: str, limit: str) -> dict:
    paths = sorted(Path(seeds).glob("*.txt"))[: int(limit)]
    _load_segmenter()
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    for path in paths:
        convert_page(path)
    profiler.disable()
    total = time.perf_counter() - start
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]  # the raw table, not in typeshed
    ours = [(f"{Path(file).name}:{line}:{function}", row[3]) for (file, line, function), row in stats.items()
            if "parkdigest" in file and function not in ("convert_page", "_convert", "<module>")]
    ours.sort(key=lambda item: -item[1])
    own_time = sorted(((f"{Path(file).parent.name}/{Path(file).name}:{function}", row[2])
                       for (file, _, function), row in stats.items()), key=lambda item: -item[1])
    return {"pages": len(paths), "total_s": total, "top": ours[:PROFILE_TOP], "self": own_time[:PROFILE_TOP]}


TASKS: dict[str, Callable[..., dict]] = {"segment": _task_segment, "rjieba": _task_rjieba, "convert": _task_convert,
         "profile": _task_profile, "search": _task_search}


if __name__ == "__main__":
    task_main(sys.argv[1:])
