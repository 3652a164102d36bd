"""The walking skeleton: seeds in, valid articles out, a strict site build, CI wired to the README."""

from __future__ import annotations

import gc
import re
import subprocess
import sys
import tempfile

import yaml

from parkdigest.articles.files import read_front_matter
from parkdigest.articles.schema import FrontMatter
from parkdigest.convert.pipeline import load, run

from conftest import ROOT, SEED_FILES, SEEDS


def test_every_seed_gives_several_valid_articles(converted):
    docs, result = converted
    files = sorted((docs / "articles").glob("*.md"))
    by_source: dict[str, int] = {}
    for path in files:
        text = path.read_text(encoding="utf-8")
        meta = read_front_matter(text)
        FrontMatter.model_validate(meta)
        body = text.split("\n---\n", 1)[1]
        assert meta["title"].strip()
        assert len(re.findall(r"[\u4e00-\u9fff]", body)) > 100, path.name
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(meta["date"]))
        by_source[meta["source"]] = by_source.get(meta["source"], 0) + 1
    assert set(by_source) == {p.name for p in SEED_FILES}
    assert all(count >= 2 for count in by_source.values()), by_source


def test_paragraphs_are_single_lines_without_stray_spaces(converted):
    docs, result = converted
    paths = sorted((docs / "articles").glob("*.md"))
    assert len(paths) == sum(len(page.articles) for page in result.pages) > 0
    for path in paths:
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        for paragraph in body.split("\n\n"):
            assert "\n" not in paragraph.strip() or "{ ." in paragraph, (path.name, paragraph[:30])
            assert not re.search(r"[\u4e00-\u9fff] +\d|\d +[\u4e00-\u9fff]", paragraph), paragraph[:60]
            assert not re.search(r"[\u4e00-\u9fff][,:;?!]", paragraph), paragraph[:60]


def test_second_run_changes_nothing_and_is_byte_identical(tmp_path):
    out = tmp_path / "articles"
    first = run([SEEDS], out, jobs=1)
    snapshot = {p: p.read_bytes() for p in sorted(tmp_path.rglob("*")) if p.is_file()}
    second = run([SEEDS], out, jobs=2)
    assert first.written.touched > 0
    assert second.written.touched == 0
    assert {p: p.read_bytes() for p in sorted(tmp_path.rglob("*")) if p.is_file()} == snapshot


def _cli(*args, cwd=None):
    """The CLI, run from a scratch folder unless told: convert keeps its cache where it runs
    (.cache/parkdigest), which must not land in the checkout."""
    with tempfile.TemporaryDirectory(prefix="parkdigest-cli-") as scratch:
        return subprocess.run([sys.executable, "-m", "parkdigest", *args], cwd=cwd or scratch, capture_output=True,
                              text=True)


def test_a_run_loads_the_tables_once_and_freezes_them_out_of_the_collectors_passes(tmp_path):
    """A run loads what the converter reads (jieba's dictionary, the gazetteer and furniture
    patterns …) before its first page, once a process, and moves it out of the cycle
    collector's full passes (gc.freeze); another run finds it done."""
    run([SEED_FILES[0]], tmp_path / "a")
    frozen = gc.get_freeze_count()
    assert frozen > 100_000  # the tables' containers (the collector tracks containers, not strings)
    run([SEED_FILES[0]], tmp_path / "b", force=True)
    load()
    assert gc.get_freeze_count() == frozen


def test_cli_help_on_every_command():
    for args in ([], ["convert"], ["check"]):
        proc = _cli(*args, "--help")
        assert proc.returncode == 0 and "usage:" in proc.stdout


def test_cli_usage_error_exits_2():
    proc = _cli("convert", "--no-such-option")
    assert proc.returncode == 2
    assert "unrecognized arguments: --no-such-option" in proc.stderr


def test_cli_convert_prints_a_line_per_page_and_exits_0(tmp_path):
    proc = _cli("convert", str(SEEDS), "--out", str(tmp_path / "articles"), "--jobs", "1")
    assert proc.returncode == 0, proc.stderr
    lines = [line for line in proc.stdout.splitlines() if line.endswith("warnings")]
    assert len(lines) == 5
    assert lines[0].startswith("000_beff7d82536003b2.txt: 4 articles, ")
    assert "changed" in proc.stdout.splitlines()[-1]


def test_cli_missing_seed_is_an_error_naming_it(tmp_path):
    proc = _cli("convert", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "a"))
    assert proc.returncode == 1
    assert f"{tmp_path / 'nope.txt'}: error: no such file or directory — check the path" in proc.stderr


def test_cli_check_accepts_generated_articles(converted):
    docs, _ = converted
    proc = _cli("check", str(docs))
    assert proc.returncode == 0, proc.stderr
    assert re.search(r"checked \d+ articles: 0 errors", proc.stdout)


def test_site_builds_strictly_with_articles_and_tag_index(built_site, converted):
    site, proc = built_site
    docs, result = converted
    slugs = [a.slug for page in result.pages for a in page.articles]
    for slug in slugs:
        assert (site / "articles" / slug / "index.html").is_file(), slug
    tags = (site / "tags" / "index.html").read_text(encoding="utf-8")
    assert "产业集群" in tags and "tag:" in tags
    home = (site / "index.html").read_text(encoding="utf-8")
    for page in result.pages:  # the home page lists articles of all five seeds
        assert any(a.meta["title"] in home for a in page.articles), page.source


def test_ci_and_workflow_run_the_readme_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make serve" in readme and "make test" in readme
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "set -euo pipefail" in ci
    assert [line for line in ci.splitlines() if line and not line.startswith("#")][-1] == "make test"
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    triggers = workflow[True] if True in workflow else workflow["on"]  # YAML 1.1 reads `on` as True
    assert "push" in triggers and "pull_request" in triggers
    runs = [step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]]
    uses = [step.get("uses", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert "make test" in runs and "make site" in runs
    assert any(u.startswith("actions/upload-pages-artifact") for u in uses)
    assert any(u.startswith("actions/deploy-pages") for u in uses)
    assert workflow["jobs"]["publish"]["if"] == "github.event_name == 'push' && github.ref == 'refs/heads/main'"
    site_step = next(step for step in workflow["jobs"]["publish"]["steps"] if step.get("run") == "make site")
    assert site_step["env"]["SITE_URL"].startswith("${{ steps.pages.outputs.base_url }}")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^site:.*\n\t.*mkdocs build --strict", makefile, flags=re.M)


def test_committed_docs_are_up_to_date_with_seeds():
    proc = _cli("convert", "--check", "--jobs", "1", "--no-cache", cwd=ROOT)  # seeds/ and docs/ by default
    assert proc.returncode == 0, proc.stdout[-500:] + proc.stderr[-2000:]
