"""Editors can trust it: any input gives a clear one-line error or a safe result, hand
edits are never lost, and the output does not depend on anything but the inputs."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest

from parkdigest.articles.files import read_front_matter
from parkdigest.articles.schema import FrontMatter
from parkdigest.convert.pipeline import run
from parkdigest.convert.read import MAX_PAGE_BYTES

from conftest import SEED_FILES, build_site

TITLED_PAGE = """园镜头

{title}

本报记者 张三

{body}

创新发展 再上台阶

第二段文字说明了成都高新区的发展情况，企业数量持续增长，营商环境不断优化。
"""
BODY = "近日，成都高新区召开大会，发布了支持科技企业发展的若干政策措施，涉及人才、金融和产业等多个方面。"


def _cli(*args, env=None):
    """The CLI in a process of its own, run from a scratch folder: convert keeps its cache where
    it runs (.cache/parkdigest)."""
    with tempfile.TemporaryDirectory(prefix="parkdigest-cli-") as scratch:
        return subprocess.run([sys.executable, "-m", "parkdigest", *map(str, args)], cwd=scratch,
                              capture_output=True, text=True, env=env)


@pytest.fixture
def cli(tmp_path, monkeypatch, capsys):
    """The CLI's main() in this process (its start-up, 3 s of imports and jieba, paid once), run
    from tmp_path: its exit code and what it printed, as a finished process. Convert runs in one
    process unless --jobs is given (the pool has its tests in test_foundation and test_bench; a
    test worker is not to be forked); a process of its own, with its hash seed and locale, is
    _cli's."""
    from parkdigest.cli import main

    monkeypatch.chdir(tmp_path)

    def run_cli(*args) -> subprocess.CompletedProcess:
        argv = [str(a) for a in args]
        if argv[0] == "convert" and "--jobs" not in argv:
            argv += ["--jobs", "1"]
        capsys.readouterr()
        code = main(argv)
        out, err = capsys.readouterr()
        return subprocess.CompletedProcess(argv, code, out, err)

    return run_cli


def _seeds(tmp_path: Path, files: dict[str, bytes | str]) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name, content in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (seeds / name).write_bytes(data)
    return seeds


def _articles(out: Path) -> dict[str, tuple[dict, str]]:
    found = {}
    for path in sorted(out.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        found[path.name] = (read_front_matter(text), text.split("\n---\n", 1)[1])
    return found


def _page(title: str = "成都高新区发布新政", body: str = BODY) -> str:
    return TITLED_PAGE.format(title=title, body=body)


# --- bad input: one line, naming the file, never a traceback -----------------------------

@pytest.mark.parametrize("name, content, message", [
    ("empty.txt", b"", "empty.txt: error: file is empty — add the page text or delete the file"),
    ("blank.txt", b"  \n\n\t \r\n", "blank.txt: error: file is empty — add the page text or delete the file"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50,
     "binary.txt: error: file looks binary (it contains NUL bytes) — give the page's plain text (.txt, UTF-8)"),
    ("latin1.txt", "Caf\xe9 ".encode("latin-1") * 3 + b"\xff\xfe\xfd" * 5,
     "latin1.txt: error: file is neither UTF-8 nor GB18030 text — save it as UTF-8"),
])
def test_bad_input_is_one_clear_line(tmp_path, name, content, message, cli):
    seeds = _seeds(tmp_path, {name: content, "good.txt": _page()})
    proc = cli("convert", seeds, "--out", tmp_path / "out" / "articles", "--jobs", "1")
    assert proc.returncode == 1
    assert message in proc.stderr.splitlines()
    assert "Traceback" not in proc.stderr + proc.stdout
    assert len(_articles(tmp_path / "out" / "articles")) == 1  # the good page still converted


def test_huge_page_is_refused_with_the_limit(tmp_path, cli):
    seeds = _seeds(tmp_path, {"huge.txt": ("园区" * 1000 + "。\n\n") * (20 * 2**20 // 6002)})
    proc = cli("convert", seeds, "--out", tmp_path / "out" / "articles")
    assert proc.returncode == 1
    limit = MAX_PAGE_BYTES // 2**20
    assert f"huge.txt: error: file is 20.0 MB, over the {limit} MB limit for one page — " \
           "split it into one file per newspaper page" in proc.stderr


@pytest.mark.parametrize("encoding, warning", [
    ("gb18030", "file is GBK/GB18030, not UTF-8; converted it — save seeds as UTF-8"),
    ("utf-16", "file is UTF-16; read it as such — save seeds as UTF-8"),
    ("utf-8-sig", None),
])
def test_other_encodings_are_read_without_mojibake(tmp_path, encoding, warning, cli):
    seeds = _seeds(tmp_path, {"page.txt": _page().replace("\n", "\r\n").encode(encoding)})
    proc = cli("convert", seeds, "--out", tmp_path / "out" / "articles")
    assert proc.returncode == 0, proc.stderr
    if warning:
        assert f"page.txt: warning: {warning}" in proc.stderr
    [(meta, body)] = _articles(tmp_path / "out" / "articles").values()
    assert meta["title"] == "成都高新区发布新政"
    assert BODY in body and "\r" not in body and "\ufeff" not in body


def test_page_without_a_title_becomes_one_article_with_a_warning(tmp_path, cli):
    seeds = _seeds(tmp_path, {"untitled.txt": BODY + "\n\n" + BODY.replace("近日", "此前")})
    proc = cli("convert", seeds, "--out", tmp_path / "out" / "articles")
    assert proc.returncode == 0
    assert "untitled.txt:1: warning: no recognizable title; the page becomes one article — " \
           "add a title line above the text" in proc.stderr
    [(meta, body)] = _articles(tmp_path / "out" / "articles").values()
    assert meta["title"].startswith("近日")
    assert BODY in body


def test_strict_turns_warnings_into_errors(tmp_path, cli):
    seeds = _seeds(tmp_path, {"untitled.txt": BODY})
    assert cli("convert", seeds, "--out", tmp_path / "a" / "articles").returncode == 0
    assert cli("convert", seeds, "--out", tmp_path / "b" / "articles", "--strict").returncode == 1


def test_html_script_and_markdown_in_text_stay_text(tmp_path, built_site_for, cli):
    hostile = ("近日<script>alert(1)</script>成都高新区发布<img src=x onerror=alert(2)>政策，"
               "# 不是标题 *不是强调* [点我](javascript:alert(3)) | 表格 | `代码`。")
    seeds = _seeds(tmp_path, {"x.txt": _page(title='标题: "引号" \'单引号\' # 井号 --- 三横', body=hostile)})
    out = tmp_path / "docs" / "articles"
    assert cli("convert", seeds, "--out", out).returncode == 0
    [(meta, body)] = _articles(out).values()
    assert meta["title"] == '标题：“引号” \'单引号\' # 井号 --- 三横'
    FrontMatter.model_validate(meta)
    html = built_site_for(tmp_path / "docs")
    page = next(html.glob("articles/*/index.html")).read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in page
    assert "onerror=alert" not in page.replace("onerror=alert(2)&gt;", "")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'href="javascript:' not in page
    assert "<em>不是强调</em>" not in page and "<h1>不是标题" not in page


def test_two_articles_with_the_same_title_get_distinct_slugs(tmp_path):
    seeds = _seeds(tmp_path, {"a.txt": _page(), "b.txt": _page()})
    run([seeds], tmp_path / "out", jobs=1)
    slugs = sorted(meta["slug"] for meta, _ in _articles(tmp_path / "out").values())
    assert len(slugs) == 2 and len(set(slugs)) == 2
    assert all(s.isascii() for s in slugs)


def test_seed_names_with_spaces_or_chinese(tmp_path):
    seeds = _seeds(tmp_path, {"科技日报 园区版 2024.txt": _page()})
    result = run([seeds], tmp_path / "out", jobs=1)
    assert not result.errors()
    [path] = (tmp_path / "out").glob("*.md")
    assert path.name.isascii() and " " not in path.name
    assert _articles(tmp_path / "out")[path.name][0]["source"] == "科技日报 园区版 2024.txt"


@pytest.mark.parametrize("sidecar, message", [
    ("publication: 科技日报\ndte: 2024-05-06\n",
     "page.yml:2: error: unknown key 'dte' — allowed keys: publication, date, page, articles (title, zone, topics, park_news), split_at, merge"),
    ("date: 2024-13-45\n", "page.yml:1: error: bad value for 'date'"),
    ("date: [2024\n", "page.yml:1: error: YAML syntax error"),
])
def test_bad_sidecar_is_a_file_line_error(tmp_path, sidecar, message, cli):
    seeds = _seeds(tmp_path, {"page.txt": _page(), "page.yml": sidecar})
    proc = cli("convert", seeds, "--out", tmp_path / "out" / "articles")
    assert proc.returncode == 1
    assert any(line.startswith(message) for line in proc.stderr.splitlines()), proc.stderr


def test_sidecar_wins(tmp_path):
    sidecar = "date: 2024-05-06\narticles:\n  1:\n    zone: 武汉东湖高新区\n    topics: [人才]\n    title: 新标题\n"
    seeds = _seeds(tmp_path, {"page.txt": _page(), "page.yml": sidecar})
    run([seeds], tmp_path / "out", jobs=1)
    [(meta, _)] = _articles(tmp_path / "out").values()
    assert (str(meta["date"]), meta["date_precision"], meta["zone"], meta["topics"], meta["title"]) == \
           ("2024-05-06", "day", "武汉东湖高新区", ["人才"], "新标题")


def test_an_undated_page_is_reported_and_its_articles_carry_no_made_up_date(tmp_path):
    """No printed date, no sidecar date, no date in the text: the articles have no date (the
    site says 日期不详) and convert names the sidecar line that fixes it, an error under --strict."""
    seeds = _seeds(tmp_path, {"page.txt": _page()})
    result = run([seeds], tmp_path / "out", jobs=1)
    [(meta, _)] = _articles(tmp_path / "out").values()
    assert "date" not in meta and "date_precision" not in meta
    [problem] = [p for p in result.problems if "date" in p.message]
    assert str(problem) == ("page.txt: warning: no date on the page or in its text; its articles are undated"
                            " — add the line 'date: YYYY-MM-DD' to page.yml beside the page")
    assert not result.errors() and problem in result.errors(strict=True)
    proc = _cli("convert", seeds, "--out", tmp_path / "cli" / "articles", "--strict")
    assert proc.returncode == 1 and "add the line 'date: YYYY-MM-DD' to page.yml" in proc.stderr
    (seeds / "page.yml").write_text("date: 2024-05-06\n", encoding="utf-8")
    result = run([seeds], tmp_path / "out", jobs=1)
    [(meta, _)] = _articles(tmp_path / "out").values()
    assert (str(meta["date"]), meta["date_precision"]) == ("2024-05-06", "day")
    assert not [p for p in result.problems if "date" in p.message]


def test_the_sidecar_names_the_page_and_says_what_is_park_news(tmp_path):
    sidecar = "publication: 科技日报\ndate: 2024-05-06\npage: 5\narticles:\n  1:\n    park_news: false\n"
    seeds = _seeds(tmp_path, {"page.txt": _page(), "page.yml": sidecar})
    run([seeds], tmp_path / "docs" / "articles", jobs=1)
    [(meta, _)] = _articles(tmp_path / "docs" / "articles").values()
    assert meta["zone"] == "成都高新区" and meta["park_news"] is False  # the editor's word wins
    report = json.loads((tmp_path / "docs" / "sources" / "page.json").read_text(encoding="utf-8"))
    assert (report["publication"], report["date"], report["page"]) == ("科技日报", "2024-05-06", "第5版")


# --- editors' work is never lost -----------------------------------------------------------

def test_new_page_adds_articles_and_changes_nothing_else(tmp_path):
    seeds = _seeds(tmp_path, {p.name: p.read_bytes() for p in SEED_FILES[:2]})
    out = tmp_path / "docs" / "articles"
    run([seeds], out, jobs=1)
    before = {p: p.read_bytes() for p in tmp_path.joinpath("docs").rglob("*") if p.is_file()}
    shutil.copy(SEED_FILES[2], seeds / SEED_FILES[2].name)
    result = run([seeds], out, jobs=1)
    after = {p: p.read_bytes() for p in tmp_path.joinpath("docs").rglob("*") if p.is_file()}
    assert all(after[p] == data for p, data in before.items())
    assert len(result.written.created) == 11 + 1  # its articles and its report
    assert not result.written.changed and not result.written.removed


def test_hand_edits_are_kept_until_forced(tmp_path, cli):
    seeds = _seeds(tmp_path, {SEED_FILES[0].name: SEED_FILES[0].read_bytes()})
    out = tmp_path / "articles"
    run([seeds], out, jobs=1)
    target = sorted(out.glob("*.md"))[0]
    edited = target.read_text(encoding="utf-8").replace("。", "。（编者按）", 1)
    target.write_text(edited, encoding="utf-8")
    proc = cli("convert", seeds, "--out", out)
    assert f"kept hand-edited {target} (use --force to regenerate it)" in proc.stderr
    assert target.read_text(encoding="utf-8") == edited
    assert cli("convert", seeds, "--out", out, "--force").returncode == 0
    assert "（编者按）" not in target.read_text(encoding="utf-8")


def test_deleted_seed_removes_only_its_untouched_articles(tmp_path):
    seeds = _seeds(tmp_path, {p.name: p.read_bytes() for p in SEED_FILES[:2]})
    out = tmp_path / "articles"
    run([seeds], out, jobs=1)
    hand_written = out / "editor-note.md"
    hand_written.write_text("---\ntitle: 编者按\ndate: 2024-01-01\ndate_precision: day\nslug: editor-note\n---\n\n正文。\n",
                            encoding="utf-8")
    gone = [p for p in out.glob("*.md") if read_front_matter(p.read_text(encoding="utf-8")).get("source") == SEED_FILES[0].name]
    kept_by_hand = gone[0]
    kept_by_hand.write_text(kept_by_hand.read_text(encoding="utf-8") + "\n编辑补记。\n", encoding="utf-8")
    (seeds / SEED_FILES[0].name).unlink()
    result = run([seeds], out, jobs=1)
    assert sorted(result.written.removed) == sorted(str(p) for p in gone[1:])
    assert kept_by_hand.exists() and hand_written.exists()
    assert str(kept_by_hand) in result.written.kept


def test_convert_check_reports_out_of_date(tmp_path, cli):
    seeds = _seeds(tmp_path, {SEED_FILES[3].name: SEED_FILES[3].read_bytes()})
    out = tmp_path / "articles"
    assert cli("convert", seeds, "--out", out, "--check").returncode == 1
    assert cli("convert", seeds, "--out", out).returncode == 0
    proc = cli("convert", seeds, "--out", out, "--check")
    assert proc.returncode == 0 and "0 changed" in proc.stdout


def test_output_does_not_depend_on_hash_seed_locale_or_listing_order(tmp_path):
    seeds = _seeds(tmp_path, {p.name: p.read_bytes() for p in reversed(SEED_FILES)})
    outputs = []
    for i, (seed, lang) in enumerate([("0", "C.UTF-8"), ("12345", "zh_CN.UTF-8")]):
        out = tmp_path / f"out{i}" / "articles"
        env = dict(os.environ, PYTHONHASHSEED=seed, LANG=lang, LC_ALL=lang, TZ="Asia/Shanghai" if i else "UTC")
        assert _cli("convert", *sorted(seeds.glob("*.txt"), reverse=bool(i)), "--out", out, env=env).returncode == 0
        outputs.append({p.relative_to(out.parent).as_posix(): p.read_bytes()
                        for p in out.parent.rglob("*") if p.is_file()})
    assert outputs[0] == outputs[1]


def test_no_traceback_unless_debug(tmp_path, monkeypatch):
    from parkdigest import cli

    def boom(*args, **kwargs):
        raise RuntimeError("segmenter exploded")

    monkeypatch.setattr("parkdigest.convert.pipeline.run", boom)
    assert cli.main(["convert", str(tmp_path)]) == 1
    with pytest.raises(RuntimeError):
        cli.main(["convert", str(tmp_path), "--debug"])


@pytest.fixture
def built_site_for(tmp_path_factory):
    """Build a site from a docs tree with the project's config; return the site dir."""

    def build(docs: Path) -> Path:
        site, proc = build_site(tmp_path_factory.mktemp("site"), docs, strict=False)
        assert proc.returncode == 0, proc.stderr[-2000:]
        return site

    return build


def test_a_bug_on_one_page_does_not_stop_the_others(tmp_path, monkeypatch):
    from parkdigest.convert import pipeline

    real = pipeline.segment_page

    def fragile(page):
        if page.source == "bad.txt":
            raise ValueError("cannot segment")
        return real(page)

    monkeypatch.setattr(pipeline, "segment_page", fragile)
    monkeypatch.delenv(pipeline.DEBUG_ENV, raising=False)
    seeds = _seeds(tmp_path, {"bad.txt": _page(), "good.txt": _page(title="武汉东湖高新区发布新政")})
    result = run([seeds], tmp_path / "out", jobs=1)
    assert [str(p) for p in result.errors()] == [
        "bad.txt: error: internal error: ValueError: cannot segment — rerun with --debug and report it with this seed file"]
    assert len(result.pages) == 1


def test_convert_never_writes_an_article_that_check_rejects(tmp_path, monkeypatch):
    """Convert validates what it writes with check's schema: a metadata bug that yields a
    bad front-matter is an internal error of that page, and none of its files is written."""
    from parkdigest.articles.check import check_articles
    from parkdigest.convert import pipeline

    real = pipeline.describe_articles

    def buggy(layout, page):
        described = real(layout, page)
        if page.source != "bad.txt":
            return described
        broken = tuple(replace(a, meta=dict(a.meta, topics=["不是专题"])) for a in described.articles)
        return replace(described, articles=broken)

    monkeypatch.setattr(pipeline, "describe_articles", buggy)
    monkeypatch.delenv(pipeline.DEBUG_ENV, raising=False)
    seeds = _seeds(tmp_path, {"bad.txt": _page(), "good.txt": _page(title="武汉东湖高新区发布新政")})
    docs = tmp_path / "docs"
    result = run([seeds], docs / "articles", jobs=1)
    assert [(p.path, p.message) for p in result.errors()] == [
        ("bad.txt", "internal error: article '成都高新区发布新政' breaks the front-matter schema "
                    "(unknown topic '不是专题' in topics)")]
    assert [p.source for p in result.pages] == ["good.txt"]
    assert [read_front_matter(p.read_text(encoding="utf-8"))["source"] for p in (docs / "articles").glob("*.md")] \
        == ["good.txt"]
    assert not (docs / "sources" / "bad.json").exists()
    assert check_articles(docs) == []


def test_sidecar_split_and_merge_hints(tmp_path):
    # a subhead on the same park as the article (a headline on another park would open an article)
    two = _page() + "\n成都高新区发布人才新政\n\n近日，成都高新区发布人才新政，吸引高层次人才。\n"
    seeds = _seeds(tmp_path, {"page.txt": two})
    lines = two.split("\n")
    subhead = lines.index("创新发展 再上台阶") + 1
    result = run([seeds], tmp_path / "a", jobs=1)
    assert [a.meta["title"] for a in result.pages[0].articles] == ["成都高新区发布新政"]  # one article

    (seeds / "page.yml").write_text(f"split_at: [{subhead}]\n", encoding="utf-8")
    split = run([seeds], tmp_path / "b", jobs=1)
    assert [a.meta["title"] for a in split.pages[0].articles] == ["成都高新区发布新政", "创新发展 再上台阶"]

    (seeds / "page.yml").write_text(f"split_at: [{subhead}]\nmerge: [[1, 2]]\n", encoding="utf-8")
    merged = run([seeds], tmp_path / "c", jobs=1)
    [article] = merged.pages[0].articles
    assert "## 创新发展 再上台阶" in article.body and "第二段文字" in article.body

    (seeds / "page.yml").write_text("merge: [[1, 5]]\n", encoding="utf-8")
    odd = run([seeds], tmp_path / "d", jobs=1)
    assert "page.txt: warning: merge [1, 5]: the page has 1 articles — fix 'merge' in the sidecar" in map(str, odd.problems)
