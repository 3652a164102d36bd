"""`parkdigest check`: every broken front-matter gets one `file:line: what — what to do`
line and exit code 1; warnings alone exit 0. Run through the real command line."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from parkdigest.articles.schema import FrontMatter

from conftest import ROOT

GOOD = """---
title: 编者按
date: 2024-05-06
date_precision: day
zone: 武汉东湖高新区
zones:
- 武汉东湖高新区
topics:
- 人才
- 就业
tags:
- 人才
- 就业
slug: editor-note
---

正文。
"""
TOPICS = "产业集群、科技创新、人才、科技金融、创新创业、体制改革、营商环境、绿色发展、开放合作、区域协同、招商引资、数字经济、" \
         "生物医药、高端装备、新能源新材料、安全产业、就业、党建、产城融合"


def _check(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "parkdigest", "check", *args], cwd=ROOT, capture_output=True,
                          text=True)


def _docs(tmp_path, text: str, name: str = "note.md"):
    articles = tmp_path / "docs" / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    path = articles / name
    path.write_text(text, encoding="utf-8")
    return tmp_path / "docs", path


def test_a_good_article_passes(tmp_path):
    docs, _ = _docs(tmp_path, GOOD)
    proc = _check(str(docs))
    assert (proc.returncode, proc.stderr, proc.stdout) == (0, "", "checked 1 articles: 0 errors, 0 warnings\n")


@pytest.mark.parametrize("old, new, line, message", [
    ("title: 编者按\n", "", 1,
     "error: missing 'title' — add a line 'title: …' to the front-matter (see docs/guide.md)"),
    ("title: 编者按\n", "title: ''\n", 2, "error: 'title' is empty — write the headline"),
    ("date: 2024-05-06\n", "date: 2024-13-45\n", 3,
     "error: bad date '2024-13-45' — write the date as YYYY-MM-DD, e.g. 2024-05-06"),
    ("date: 2024-05-06\n", "date: 2024/05/06\n", 3,
     "error: bad date '2024/05/06' — write the date as YYYY-MM-DD, e.g. 2024-05-06"),
    ("date: 2024-05-06\n", "date: 20240506\n", 3,
     "error: bad date '20240506' — write the date as YYYY-MM-DD, e.g. 2024-05-06"),
    ("date_precision: day\n", "date_precision: exact\n", 4,
     "error: bad date_precision 'exact' — use day (printed or given by an editor), month or inferred"),
    ("- 人才\n- 就业\ntags", "- 人才\n- 园区建设\ntags", 10, f"error: unknown topic '园区建设' in topics — use one of: {TOPICS}"),
    ("zone: 武汉东湖高新区\nzones:\n- 武汉东湖高新区\n", "zone: 火星高新区\nzones:\n- 火星高新区\n", 5,
     "error: zone '火星高新区' is not in the gazetteer — use a name from parkdigest/data/zones.yaml, or add the park "
     "there (or list it in zones_unlisted)"),
    ("title: 编者按\n", "title: 编者按: 园区\n", 2,
     "error: YAML syntax error: mapping values are not allowed here — quote values that contain ': ' or '#', "
     "and indent lists the same way"),
    ("slug: editor-note\n", "slug: 编者按\n", 14,
     "error: bad slug '编者按' — use lowercase ASCII words joined by '-', at most 80 characters"),
    ("slug: editor-note\n", "slug: editor-note\nauthor: 张三\n", 2,
     "error: unknown key(s): author — see docs/guide.md"),
])
def test_each_broken_front_matter_is_one_clear_error(tmp_path, old, new, line, message):
    assert old in GOOD
    docs, path = _docs(tmp_path, GOOD.replace(old, new, 1))
    proc = _check(str(docs))
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [f"{path}:{line}: {message}"]
    assert proc.stdout == "checked 1 articles: 1 errors, 0 warnings\n"


def test_a_park_listed_in_zones_unlisted_is_only_a_warning(tmp_path):
    text = GOOD.replace("zone: 武汉东湖高新区\nzones:\n- 武汉东湖高新区\n",
                        "zone: 亚泰国际医药健康产业园\nzones:\n- 亚泰国际医药健康产业园\nzones_unlisted:\n- 亚泰国际医药健康产业园\n")
    docs, path = _docs(tmp_path, text)
    proc = _check(str(docs))
    assert proc.returncode == 0
    assert proc.stderr.splitlines() == [
        f"{path}:5: warning: zone '亚泰国际医药健康产业园' is not in the gazetteer (listed in zones_unlisted) — "
        "use a name from parkdigest/data/zones.yaml, or add the park there"]
    assert proc.stdout == "checked 1 articles: 0 errors, 1 warnings\n"
    assert _check(str(docs), "--strict").returncode == 1


def test_an_unknown_park_in_zones_points_at_its_line(tmp_path):
    docs, path = _docs(tmp_path, GOOD.replace("zones:\n- 武汉东湖高新区\n", "zones:\n- 武汉东湖高新区\n- 火星工业园\n"))
    proc = _check(str(docs))
    assert proc.returncode == 1
    assert proc.stderr.startswith(f"{path}:8: error: zone '火星工业园' is not in the gazetteer")


def test_two_articles_with_one_slug(tmp_path):
    docs, first = _docs(tmp_path, GOOD, "a.md")
    _, second = _docs(tmp_path, GOOD, "b.md")
    proc = _check(str(docs))
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [
        f"{second}:14: error: slug 'editor-note' is also the slug of a.md — give one of them another slug "
        "(it is the article's URL)"]


def test_every_problem_of_a_directory_is_reported(tmp_path):
    docs, bad_date = _docs(tmp_path, GOOD.replace("2024-05-06", "2024-02-30"), "a.md")
    _, no_title = _docs(tmp_path, GOOD.replace("title: 编者按\n", "").replace("editor-note", "other"), "b.md")
    proc = _check(str(docs))
    assert proc.returncode == 1
    assert [line.split(": ", 1)[0] for line in proc.stderr.splitlines()] == [f"{bad_date}:3", f"{no_title}:1"]
    assert proc.stdout == "checked 2 articles: 2 errors, 0 warnings\n"


def test_not_a_front_matter(tmp_path):
    docs, path = _docs(tmp_path, "# 标题\n\n正文。\n")
    proc = _check(str(docs))
    assert proc.returncode == 1
    assert proc.stderr == f"{path}:1: error: no front-matter — start the file with a '---' block (see docs/guide.md)\n"


def test_missing_directory_is_a_usage_error(tmp_path):
    proc = _check(str(tmp_path / "nope"))
    assert proc.returncode == 2
    assert "no such directory" in proc.stderr


def test_committed_docs_pass():
    proc = _check(str(ROOT / "docs"))
    assert proc.returncode == 0, proc.stderr
    assert re.match(r"checked \d+ articles: 0 errors, \d+ warnings", proc.stdout)


def test_guide_documents_every_front_matter_field():
    """docs/guide.md's table lists exactly the schema's fields, required ones marked 是."""
    guide = (ROOT / "docs" / "guide.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `([a-z_]+)` \| (是|否) \|", guide, flags=re.M))
    fields = FrontMatter.model_fields
    assert set(rows) == set(fields)
    assert {k for k, required in rows.items() if required == "是"} == {k for k, f in fields.items() if f.is_required()}


def test_check_counts_articles_in_a_directory_that_holds_them_directly(tmp_path):
    import shutil
    import subprocess
    import sys

    from conftest import ROOT

    for path in sorted((ROOT / "docs" / "articles").glob("*.md"))[:3]:
        shutil.copy(path, tmp_path / path.name)
    proc = subprocess.run([sys.executable, "-m", "parkdigest", "check", str(tmp_path)], capture_output=True, text=True)
    assert (proc.returncode, proc.stdout) == (0, "checked 3 articles: 0 errors, 0 warnings\n")
