"""The output contract (articles/files.py): page reports read back as written, line ranges
both ways, key lines for editors' messages."""

from __future__ import annotations

import json

from parkdigest.articles.files import (
    LineRanges,
    PageReport,
    article_body,
    key_line,
    read_front_matter,
    report_path,
    value_line,
)


def test_line_ranges_are_written_and_read_back():
    ranges = LineRanges.of((3, 4, 5, 9, 12, 13))
    assert str(ranges) == "3-5,9,12-13"
    assert LineRanges.parse("3-5,9,12-13") == ranges
    assert LineRanges.parse("40-41,7").first == 7  # where the article starts, not its first range
    assert LineRanges.parse("").spans == () and LineRanges.parse(None).first == 0


def test_every_written_report_reads_back_to_the_same_json(converted):
    docs, result = converted
    for page in result.pages:
        path = report_path(docs / "articles", page.source)
        data = json.loads(path.read_text(encoding="utf-8"))
        assert PageReport.from_json(data).to_json() == data, path.name


def test_front_matter_keeps_dates_as_text_and_finds_key_lines():
    text = "---\ntitle: 标题\ndate: 2024-05-06\ntopics:\n- 人才\n- 就业\n---\n\n正文。\n"
    assert read_front_matter(text) == {"title": "标题", "date": "2024-05-06", "topics": ["人才", "就业"]}
    assert read_front_matter("no front-matter\n") is None
    yaml_text = "title: 标题\ndate: 2024-05-06\ntopics:\n- 人才\n- 就业\n"
    assert key_line(yaml_text, "date", first_line=2) == 3
    assert value_line(yaml_text, "topics", "就业", first_line=2) == 6
    sidecar = "articles:\n  1:\n    zone: 成都高新区\nmerge: [[3, 4]]\n"
    assert key_line(sidecar, "zone", parent="articles") == 3
    assert key_line(sidecar, "0", parent="merge") == 4  # no such key: the parent's line


def test_an_article_saved_with_windows_line_ends_and_a_byte_order_mark_reads_like_any_other():
    text = "\ufeff---\r\ntitle: 标题\r\ndate: 2024-05-06\r\n---\r\n\r\n正文。\r\n"
    assert read_front_matter(text) == {"title": "标题", "date": "2024-05-06"}
    assert article_body(text) == "\n正文。\n"
