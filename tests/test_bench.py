"""The benchmark runs for real (tiny N) and its search measurement ends on the result count; the
convert cache never changes the output."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from parkdigest.bench import run as bench_run
from parkdigest.bench.run import NOT_BUILT, Query, format_table, measure_search, site_queries
from parkdigest.bench.synth import read_templates, synthesize_page, zone_names
from parkdigest.convert import cache as cache_module
from parkdigest.convert.pipeline import run

from conftest import SEEDS

# Two small seeds (2 and 4 articles) keep these tests to seconds.
SMALL_SEEDS = ["003_a6838521c3fbe44f.txt", "000_beff7d82536003b2.txt"]


@pytest.fixture
def seeds(tmp_path):
    folder = tmp_path / "seeds"
    folder.mkdir()
    for name in SMALL_SEEDS:
        shutil.copy(SEEDS / name, folder / name)
    return folder


def _tree(folder) -> dict:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _convert(seeds, docs, cache_dir, **kwargs):
    return run([seeds], docs / "articles", jobs=1, cache_dir=cache_dir, **kwargs)


def _table(stdout: str) -> dict[str, str]:
    """{measure: cell} of the benchmark's one-column table."""
    rows = [line.split(" | ") for line in stdout.splitlines() if line.startswith("| ") and not line.startswith("| measure")]
    return {row[0].removeprefix("| "): row[1].removesuffix(" |") for row in rows}


def test_bench_takes_every_measure_and_prints_each(tmp_path, seeds):
    """`parkdigest bench` for real, on one synthetic page (its long runs are `make bench`'s)."""
    for name in SMALL_SEEDS[1:]:  # one template is enough here
        (seeds / name).unlink()
    out = tmp_path / "bench.json"
    proc = subprocess.run([sys.executable, "-m", "parkdigest", "bench", "--sizes", "1", "--repeat", "1",
                           "--jobs", "2", "--seeds", str(seeds), "--json", str(out)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-3000:]
    figures = json.loads(out.read_text(encoding="utf-8"))
    size = figures["sizes"]["1"]
    assert size["pages"] == 1 and size["articles"] >= 2 and size["raw_mb"] > 0
    for step in ("jieba", "convert_1", "convert_all", "rerun", "build", "build_bare"):
        assert size[step]["wall_s"] > 0 and size[step]["peak_mb"] > 0, step
    assert size["rerun"]["reused"] == 1 and size["rerun"]["converted"] == 0
    assert size["identical_output"] is True
    for key in ("index_mb", "index_gzip_mb", "home_gzip_kb", "search_gzip_mb", "files", "mb", "feed_files", "feeds_mb"):
        assert size["site"][key] > 0, key
    assert figures["profile"]["top"]

    # every cell of the table shows its figure (or why it was not taken), and the JSON's
    table = _table(proc.stdout)
    assert len(table) == 20 and "| N = 1 |" in proc.stdout
    assert not [(label, cell) for label, cell in table.items() if not re.search(r"\d", cell)
                and cell not in ("yes", "not installed")], table
    assert table["convert, 1 process: s · pages/s · MB/s"].startswith(f"{size['convert_1']['wall_s']:.1f} · ")
    assert table["convert, all cores (2): s · pages/s · MB/s"].startswith(f"{size['convert_all']['wall_s']:.1f} · ")
    assert table["no-change re-run: s · after start-up s"] == \
        f"{size['rerun']['wall_s']:.2f} · {size['rerun']['run_s']:.3f}"
    assert table["cached + parallel output identical to uncached"] == "yes"
    assert table["mkdocs build: s · peak MB"] == f"{size['build']['wall_s']:.1f} · {size['build']['peak_mb']:.0f}"
    assert table["feeds (site, zones, topics) and OPML lists: files · MB"] == \
        f"{size['site']['feed_files']:,} · {size['site']['feeds_mb']:.2f}"
    assert table["build ÷ bare (target ≤ 1.3)"] == f"{size['build_ratio']:.2f}×"

    # one search per query drawn from the site, on both sites, each ended by its result count
    search = size["search"]
    assert search["available"] is True
    for name, label in (("ours", "sharded"), ("material", "Material's whole index")):
        runs = search[name]["runs"]
        assert [r["query"] for r in runs] == search["queries"] and {"word", "phrase"} <= {r["kind"] for r in runs}
        assert all(r["count"] >= 1 and r["results_s"] > 0 and r["gzip_kb"] > 0 for r in runs), runs
        cell = table[f"one search download, chromium ({label}): kB gzip, max · s to result count, max"]
        assert cell == f"{search[name]['max_gzip_kb']:,.0f} · {search[name]['max_results_s']:.2f}"
    assert next(r for r in search["ours"]["runs"] if r["kind"] == "phrase")["count"] == 1  # one article has it


def test_bench_without_builds_says_so_in_the_table():
    """The table of a run without site builds, from figures as `--no-build` leaves them."""
    size = {"pages": 1, "articles": 2, "raw_mb": 0.01, "runs": 1, "rjieba": None,
            "jieba": {"wall_s": 2.0, "work_s": 0.1}, "segment_ratio": 4.2, "identical_output": True,
            "convert_1": {"wall_s": 3.0, "load_s": 2.0, "peak_mb": 280, "pages": 1},
            "convert_all": {"wall_s": 4.0, "peak_mb": 290, "pages": 1}, "rerun": {"wall_s": 1.0, "run_s": 0.01}}
    table = _table(format_table({"machine": {"cpus": 2, "jobs": 2, "python": "3.11"}, "sizes": {"1": size}}))
    assert table["mkdocs build: s · peak MB"] == table["build ÷ bare (target ≤ 1.3)"] == NOT_BUILT
    assert table["rjieba alone: s (after load) · same words"] == "not installed"
    assert table["convert, 1 process: s · pages/s · MB/s"] == "3.0 · 0.3 · 0.00"
    with pytest.raises(KeyError):  # a figure missing for no reason is the benchmark's bug, not a "—"
        format_table({"machine": {"cpus": 2, "jobs": 2, "python": "3.11"}, "sizes": {"1": dict(size, rerun={})}})


def test_a_search_stops_at_its_result_count_none_included(built_site, converted, monkeypatch):
    from test_site_support import read_articles

    monkeypatch.setattr(bench_run, "SEARCH_TIMEOUT_S", 30)  # a count missed fails in seconds, not minutes
    site, _ = built_site
    articles = read_articles(converted[0])
    queries = site_queries(site)
    assert [q.kind for q in queries] == ["zone", "word", "phrase"]
    assert all(any(q.text in a.text for a in articles) for q in queries)  # words of this site
    absent = Query("miss", "未见于本站之词")
    assert not any(absent.text in a.text for a in articles)
    found = measure_search(site, queries=[*queries, absent])
    counts = {r["query"]: r["count"] for r in found["ours"]["runs"]}
    for query in queries:  # at least the articles that hold it (hand-written pages may too)
        assert counts[query.text] >= sum(query.text in a.text for a in articles) >= 1, query
    assert counts[absent.text] == 0


def test_a_search_that_shows_no_count_fails_the_measurement(tmp_path, monkeypatch):
    """A page with Material's search box and translations but nothing that searches."""
    config = {"translations": {"search.result.none": "没有找到符合条件的结果", "search.result.one": "找到 1 个符合条件的结果",
                               "search.result.other": "# 个符合条件的结果"}}
    (tmp_path / "index.html").write_text(
        f'<html><body><script id="__config" type="application/json">{json.dumps(config)}</script>'
        '<input class="md-search__input"><div class="md-search-result__meta">键入以开始搜索</div></body></html>',
        encoding="utf-8")
    monkeypatch.setattr(bench_run, "SEARCH_TIMEOUT_S", 1)
    with pytest.raises(RuntimeError, match=r"searching '人才' at http://127\.0\.0\.1:\d+/: no result count after 1 s"):
        measure_search(tmp_path, queries=[Query("word", "人才")])


def test_bench_help_and_bad_sizes():
    proc = subprocess.run([sys.executable, "-m", "parkdigest", "bench", "--help"], capture_output=True, text=True)
    assert proc.returncode == 0 and "--sizes" in proc.stdout and "--json" in proc.stdout
    proc = subprocess.run([sys.executable, "-m", "parkdigest", "bench", "--sizes", "ten"], capture_output=True, text=True)
    assert proc.returncode == 2 and "not a list of numbers" in proc.stderr


def test_synthetic_pages_are_reproducible_and_made_of_seed_text():
    templates = read_templates(SEEDS)
    names = zone_names()
    page, sidecar = synthesize_page(templates, 7, names)
    assert (page, sidecar) == synthesize_page(templates, 7, names)
    assert page != synthesize_page(templates, 8, names)[0]
    assert sidecar.startswith("date: ")
    seed_text = "".join(p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt"))
    sentences = [s for s in page.replace("\n", "").split("。") if len(s) > 20]
    assert sum(s in seed_text for s in sentences) > len(sentences) / 2  # whole sentences of the seeds


def test_second_run_skips_every_page_and_changes_nothing(tmp_path, seeds):
    docs, cache_dir = tmp_path / "docs", tmp_path / "cache"
    first = _convert(seeds, docs, cache_dir)
    snapshot = _tree(docs)
    second = _convert(seeds, docs, cache_dir)
    assert first.reused == [] and len(first.pages) == 2
    assert sorted(second.reused) == SMALL_SEEDS[::-1] and second.pages == []
    assert second.written.touched == 0
    assert len(second.written.unchanged) == len(first.written.created) - 2  # articles, not the 2 reports
    assert [str(p) for p in second.problems] == [str(p) for p in first.problems]  # warnings still reported
    assert _tree(docs) == snapshot


def test_cached_output_is_byte_identical_to_an_uncached_run(tmp_path, seeds):
    cached, plain = tmp_path / "cached", tmp_path / "plain"
    _convert(seeds, cached, tmp_path / "cache")
    (seeds / "003_a6838521c3fbe44f.yml").write_text("date: 2021-02-03\n", encoding="utf-8")
    _convert(seeds, cached, tmp_path / "cache")  # one page reused, one converted again
    run([seeds], plain / "articles", jobs=2)
    assert _tree(cached) == _tree(plain)


def test_deleted_output_is_written_again(tmp_path, seeds):
    docs, cache_dir = tmp_path / "docs", tmp_path / "cache"
    _convert(seeds, docs, cache_dir)
    snapshot = _tree(docs)
    victim = sorted((docs / "articles").glob("*.md"))[0]
    victim.unlink()
    again = _convert(seeds, docs, cache_dir)
    assert len(again.pages) == 1 and len(again.reused) == 1
    assert again.written.created == [str(victim)]
    assert _tree(docs) == snapshot
    (docs / "sources" / "000_beff7d82536003b2.json").unlink()  # a page report counts too
    assert [p.source for p in _convert(seeds, docs, cache_dir).pages] == ["000_beff7d82536003b2.txt"]
    assert _tree(docs) == snapshot


def test_hand_edit_is_kept_and_reported_on_every_run(tmp_path, seeds):
    docs, cache_dir = tmp_path / "docs", tmp_path / "cache"
    _convert(seeds, docs, cache_dir)
    edited = sorted((docs / "articles").glob("*.md"))[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n编辑补充一句。\n", encoding="utf-8")
    for _ in range(2):
        again = _convert(seeds, docs, cache_dir)
        assert again.written.kept == [str(edited)]
        assert "编辑补充一句" in edited.read_text(encoding="utf-8")
    forced = _convert(seeds, docs, cache_dir, force=True)
    assert forced.written.changed == [str(edited)]


@pytest.mark.parametrize("change", ["seed", "sidecar", "converter"])
def test_a_change_of_seed_sidecar_or_converter_converts_the_page_again(tmp_path, seeds, monkeypatch, change):
    docs, cache_dir = tmp_path / "docs", tmp_path / "cache"
    _convert(seeds, docs, cache_dir)
    seed = seeds / "003_a6838521c3fbe44f.txt"
    if change == "seed":
        seed.write_text(seed.read_text(encoding="utf-8").replace("济宁高新区", "济宁国家高新区", 1), encoding="utf-8")
    elif change == "sidecar":
        seed.with_suffix(".yml").write_text("date: 2020-01-13\n", encoding="utf-8")
    else:
        monkeypatch.setattr(cache_module, "converter_version", lambda: "another converter")
    again = _convert(seeds, docs, cache_dir)
    expected = SMALL_SEEDS if change == "converter" else ["003_a6838521c3fbe44f.txt"]
    assert sorted(p.source for p in again.pages) == sorted(expected)
    plain = tmp_path / "plain"
    run([seeds], plain / "articles", jobs=1)
    assert _tree(docs) == _tree(plain)


def test_removed_seed_prunes_its_articles_as_without_cache(tmp_path, seeds):
    docs, cache_dir = tmp_path / "docs", tmp_path / "cache"
    _convert(seeds, docs, cache_dir)
    plain = tmp_path / "plain"
    shutil.copytree(docs, plain)
    (seeds / "000_beff7d82536003b2.txt").unlink()
    again = _convert(seeds, docs, cache_dir)
    removed = sorted(again.written.removed)
    assert again.pages == [] and len(removed) == 5  # its four articles and its page report
    assert str(docs / "sources" / "000_beff7d82536003b2.json") in removed
    run([seeds], plain / "articles", jobs=1)
    assert _tree(docs) == _tree(plain)


def test_a_broken_cache_file_is_ignored(tmp_path, seeds):
    docs, cache_dir = tmp_path / "docs", tmp_path / "cache"
    _convert(seeds, docs, cache_dir)
    for path in cache_dir.glob("*.json"):
        path.write_text("{not json", encoding="utf-8")
    again = _convert(seeds, docs, cache_dir)
    assert len(again.pages) == 2 and again.written.touched == 0


def test_cli_reuses_unchanged_pages_and_no_cache_converts_all(tmp_path, seeds):
    docs = tmp_path / "docs"
    first = _convert(seeds, docs, tmp_path / ".cache" / "parkdigest")  # where the CLI keeps its cache

    def cli(*args):
        return subprocess.run([sys.executable, "-m", "parkdigest", "convert", str(seeds), "--out",
                               str(docs / "articles"), "--jobs", "1", *args],
                              cwd=tmp_path, capture_output=True, text=True)

    cached = cli()
    assert cached.returncode == 0, cached.stderr
    assert "2 pages unchanged since the last run" in cached.stdout
    assert cached.stdout.strip().splitlines()[-1] == f"0 changed (0 new, 0 updated, 0 removed), " \
        f"{len(first.written.created) - 2} unchanged, 0 kept"
    uncached = cli("--no-cache")
    assert "unchanged since the last run" not in uncached.stdout
    assert uncached.stdout.strip().splitlines()[-1] == cached.stdout.strip().splitlines()[-1]
    assert uncached.stderr == cached.stderr  # the same warnings, cached or not


def test_the_pdf_bench_measures_convert_beside_pdftotext_and_jieba(tmp_path):
    """`parkdigest bench --pdf` on two pages, once: every step measured in its own process,
    the ratio and per-page memory printed and saved."""
    import shutil

    from parkdigest.bench.pdf import run_pdf_bench

    assert shutil.which("pdftotext"), "pdftotext (Debian's poppler-utils) is missing: `make test` installs it"
    pdfs = tmp_path / "pdfs"
    pdfs.mkdir()
    for name in ("rmrb-2026-01-27-06.pdf", "rmrb-2026-03-24-08.pdf"):
        shutil.copy(Path(__file__).parent / "devset-pdf" / "pdf" / name, pdfs)
    saved = tmp_path / "bench-pdf.json"
    assert run_pdf_bench(pdfs, repeat=1, json_path=saved) == 0
    figures = json.loads(saved.read_text(encoding="utf-8"))
    assert figures["pages"] == 2
    for step in ("pdftotext", "jieba", "convert", "convert_one"):
        assert figures[step]["wall_s"] > 0 and figures[step]["peak_mb"] > 0
    assert 0 < figures["convert"]["after_load_s"] < figures["convert"]["wall_s"]
    assert figures["ratio_after_load"] == round(figures["convert"]["after_load_s"]
                                                / (figures["pdftotext"]["wall_s"] + figures["jieba"]["after_load_s"]), 2)


def test_the_pdf_bench_says_what_is_missing(tmp_path, capsys):
    from parkdigest.bench.pdf import run_pdf_bench

    assert run_pdf_bench(tmp_path) == 2
    assert f"bench: no PDF in {tmp_path} — give a folder of PDF pages" in capsys.readouterr().err
