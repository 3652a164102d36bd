"""What a reader sees of an article: package stories as headings of their titles, bylines
without the padding inside two-character names, an editor's note signed on a line of its own,
points of a list as paragraphs, captions in the order of their pictures, a photo item as text.
Each case is a dev page where the defect was seen (issue 19), and the rule is also tested alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from parkdigest.convert.model import Article, Draft, Paragraph
from parkdigest.convert.normalize import close_name_padding
from parkdigest.convert.render import for_reading, render_body

from conftest import article_titled

PAGES = Path(__file__).parent / "devset" / "pages"


def _article(page: str, title_part: str) -> Article:
    return article_titled(PAGES / page, title_part)


def _blocks(article: Article) -> list[str]:
    return article.body.strip().split("\n\n")


# --- package stories -------------------------------------------------------------------

def test_a_package_story_is_a_heading_of_its_title_with_its_kicker_above_and_byline_under():
    blocks = _blocks(_article("rmrb-2026-03-26-11.txt", "深耕主业"))
    at = blocks.index("## 加强研发，给工业生产装上“牙齿”")
    assert blocks[at - 1] == "株洲硬质合金集团有限公司\n{ .story-kicker }"
    assert blocks[at + 1] == "本报记者  孙超\n{ .byline }"
    assert blocks[at + 2].startswith("塔克拉玛干沙漠腹地")
    headings = [b for b in blocks if b.startswith("## ")]
    assert not [h for h in headings if "记者" in h]  # no byline inside any heading


def test_each_story_kicker_marked_with_a_dash_stands_above_its_story_never_in_the_text_above():
    # (the page is hard-wrapped: 新科技改变生活—— stands under a full line that ends a sentence)
    blocks = _blocks(_article("rmrb-2025-06-11-19.txt", "改善条件"))
    at = blocks.index("## 腰包鼓起来，消费底气足")
    assert blocks[at - 1] == "好政策增收减负——\n{ .story-kicker }"
    second = blocks.index("## 产品功能多，市场卖得火")
    assert blocks[second - 1] == "新科技改变生活——\n{ .story-kicker }"
    assert blocks[second + 1] == "本报记者  齐志明\n{ .byline }"
    assert not [b for b in blocks if b.endswith("——") and not b.startswith("#")]  # no kicker left in a paragraph


def test_a_two_line_subhead_without_a_byline_is_still_one_heading():
    blocks = _blocks(_article("rmrb-2026-01-06-05.txt", "坚持创新驱动"))
    assert "## 找准自身定位，展现集群优势 因地制宜发展新质生产力" in blocks


def test_a_subhead_cut_inside_a_word_at_its_lines_end_is_joined_whole_and_two_phrases_stay_apart(tmp_path):
    # A narrow column cuts a subhead inside a word (塑造文 / 化品牌): the word is joined again;
    # a subhead of two phrases printed in two lines keeps a space between them.
    page = tmp_path / "page.txt"
    page.write_text("\n\n".join([
        "老厂房焕发新活力", "本报记者 方明", "城市更新让一批老厂房变身文创园区，吸引了众多年轻人前来打卡。",
        "修旧如旧，塑造文", "化品牌", "园区保留了老厂房的红砖外墙和锯齿屋顶，把工业遗存变成文化地标。",
        "找准自身定位，展现集群优势", "因地制宜发展新质生产力", "园区引入设计、动漫等企业，形成文创产业集群。"]), encoding="utf-8")
    blocks = _blocks(article_titled(page, "老厂房"))
    assert "## 修旧如旧，塑造文化品牌" in blocks
    assert "## 找准自身定位，展现集群优势 因地制宜发展新质生产力" in blocks


# --- padding inside names ----------------------------------------------------------------

@pytest.mark.parametrize("printed, shown", [
    ("本报记者  杨  迅", "本报记者  杨迅"),
    ("文/颜 色", "文/颜色"),
    ("黑龙江日报记者  姜  斌  刘  畅", "黑龙江日报记者  姜斌  刘畅"),
    ("本报记者  杨  迅  祝佳祺  张文豪", "本报记者  杨迅  祝佳祺  张文豪"),
    ("（记者 王 珂）", "（记者 王珂）"),
    ("本报记者  李亚楠", "本报记者  李亚楠"),  # nothing padded
    ("本报记者 靳 博 甲", "本报记者 靳 博 甲"),  # three lone characters: which two are a name?
    ("◎本报记者唐 瑞", "◎本报记者唐瑞"),  # a copy dropped the space after the role
    ("本报记者卢 静罗 平 实习生张 三", "本报记者卢静 罗平 实习生张三"),  # ... and the one between two names
    ("通讯员张 明华", "通讯员张 明华"),  # a word of two characters after a lone one closes no name
    ("在江南水乡  寻文化之美", "在江南水乡  寻文化之美"),  # words, not lone characters
])
def test_padding_inside_a_two_character_name_is_removed_and_nothing_else(printed, shown):
    assert close_name_padding(printed) == shown


def test_an_articles_byline_and_authors_show_names_without_padding():
    assert _article("rmrb-2026-03-30-18.txt", "盐铁").meta["byline"] == "文/颜色"
    article = _article("rmrb-2025-06-11-18.txt", "人工智能")
    assert article.meta["byline"] == "本报记者  韩鑫"
    assert article.meta["authors"] == ["韩鑫"]  # a name split in two was no name


def test_a_credit_shows_its_names_without_padding():
    draft = Draft("题", (1,), (Paragraph("正文。", (1,)), Paragraph("（记者 王 珂）", (2,), credit=True)))
    assert "（记者 王珂）\n{ .credit }" in render_body(for_reading(draft))


# --- an editor's note signature ------------------------------------------------------------

@pytest.mark.parametrize("page, title_part, after", [
    ("rmrb-2026-03-17-10.txt", "西瓜", "记者在山东省嘉祥县"),  # its own line, read into the next one
    ("rmrb-2026-01-27-08.txt", "记录今天", "刚刚过去的2025年"),
    ("rmrb-2026-01-29-06.txt", "百科全书", "四川省资阳市濛溪河畔"),
    ("rmrb-2025-06-11-19.txt", "改善条件", "好政策增收减负——"),  # on the last line of the note's block
])
def test_an_editors_note_is_signed_on_a_line_of_its_own_and_the_text_goes_on_apart(page, title_part, after):
    blocks = _blocks(_article(page, title_part))
    at = blocks.index("——编者\n{ .signature }")  # 编者 without the padding a signature is set with
    assert blocks[at - 1].endswith("。")
    assert blocks[at + 1].startswith(after)


# --- points of a list ------------------------------------------------------------------------

def test_each_point_of_a_list_is_a_paragraph_of_its_own():
    blocks = _blocks(_article("rmrb-2026-03-24-02.txt", "牢牢把握"))
    points = [b for b in blocks if b.startswith("■")]
    assert len(points) == 6
    assert all(p.count("■") == 1 for p in points)


# --- captions ----------------------------------------------------------------------------------

def test_numbered_captions_are_in_the_order_of_their_pictures():
    article = _article("rmrb-2025-06-11-18.txt", "江苏南京")
    assert [c[:2] for c in article.meta["captions"]] == ["图①", "图②", "图③", "图④"]
    body = article.body
    assert body.index("图①") < body.index("图②") < body.index("图③") < body.index("图④")


def test_captions_without_a_number_keep_their_order_among_numbered_ones():
    draft = Draft("题", (1,), (Paragraph("正文。", (1,)),), captions=("图②：乙。", "远景。", "图①：甲。"))
    assert for_reading(draft).captions == ("图①：甲。", "远景。", "图②：乙。")


def test_a_photo_item_is_its_caption_as_text():
    article = _article("rmrb-2025-02-18-10.txt", "库区早茶香")
    assert not article.meta.get("captions")
    assert article.body.strip().startswith("地处三峡库区")
    assert "{ .caption }" not in article.body
