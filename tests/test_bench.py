"""The benchmark runs for real (tiny N), and the convert cache never changes the output."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

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


@pytest.mark.slow
def test_bench_prints_the_table_and_saves_every_figure(tmp_path, seeds):
    for name in SMALL_SEEDS[1:]:  # one template is enough here
        (seeds / name).unlink()
    out = tmp_path / "bench.json"
    proc = subprocess.run([sys.executable, "-m", "parkdigest", "bench", "--sizes", "2", "--repeat", "1",
                           "--jobs", "2", "--seeds", str(seeds), "--json", str(out)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-3000:]
    for label in ("convert, 1 process", "convert, all cores", "convert ÷ jieba alone", "convert peak MB",
                  "no-change re-run", "mkdocs build", "bare Material + jieba build", "build ÷ bare",
                  "search index MB", "home page download", "one search download", "top costs"):
        assert label in proc.stdout, label
    assert "| N = 2 |" in proc.stdout
    figures = json.loads(out.read_text(encoding="utf-8"))
    size = figures["sizes"]["2"]
    assert size["pages"] == 2 and size["articles"] >= 2 and size["raw_mb"] > 0
    for step in ("jieba", "convert_1", "convert_all", "rerun", "build", "build_bare"):
        assert size[step]["wall_s"] > 0 and size[step]["peak_mb"] > 0, step
    assert size["rerun"]["reused"] == 2 and size["rerun"]["converted"] == 0
    assert size["identical_output"] is True
    assert size["segment_ratio"] > 0 and size["build_ratio"] > 0
    for key in ("index_mb", "index_gzip_mb", "home_gzip_kb", "search_gzip_mb", "files", "mb"):
        assert size["site"][key] > 0, key
    assert figures["profile"]["top"]


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
    assert again.pages == [] and len(again.written.removed) == 4
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
