"""Page furniture by class: every form of each class papers print is furniture, no line of
an article is (the dev pages' titles, bylines, subheads, first and last lines), and each rule
of data/furniture.yaml says what it covers and why.

The forms come from the broad grammar of tests/furniture_grammar.py, drawn by hypothesis
(bounded and derandomized: the run is fast and the same in CI)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from furniture_grammar import CLASSES, bylines, names
from parkdigest.convert.classify import classify_blocks
from parkdigest.convert.furniture import furniture_rule
from parkdigest.convert.model import Kind, Line, Page
from parkdigest.convert.normalize import normalize_page
from parkdigest.resources import PLACEHOLDERS, load_yaml
from parkdigest.text import BOX_MARKERS, NEWSPAPER_SUFFIXES, OUTLET_SUFFIXES, POINTERS

DEVSETS = Path(__file__).parent
GOLD_DIRS = (DEVSETS / "devset" / "gold", DEVSETS / "devset-pdf" / "gold")
FAST = settings(max_examples=150, deadline=None, derandomize=True, database=None)


def _page(*lines: str) -> Page:
    return normalize_page(Page("t.txt", tuple(Line(i + 1, text) for i, text in enumerate(lines))))


def _normalized(line: str) -> str:
    return _page(line).lines[0].text.strip()


@pytest.mark.parametrize("name", sorted(CLASSES))
def test_every_form_of_each_class_is_furniture(name):
    @FAST
    @given(line=CLASSES[name])
    def check(line):
        assert furniture_rule(_normalized(line)), line

    check()


@FAST
@given(line=st.one_of(*CLASSES.values()), body=st.sampled_from((
    "在园区的支持下，企业的研发投入持续增长，去年新增发明专利120件。",
    "“我们希望通过科技赋能，打破时空界限。”刘亚西介绍。",
)))
def test_furniture_between_paragraphs_is_classified_furniture(line, body):
    """The same line, standing between two paragraphs of an article, is furniture there too
    (two glued items, 受访者供图视觉中国, may come out as two furniture blocks)."""
    blocks = classify_blocks(_page(body, line, body))
    furniture = "".join(b.text for b in blocks if b.kind is Kind.FURNITURE)
    assert furniture.replace(" ", "") == _normalized(line).replace(" ", ""), line


@FAST
@given(byline=bylines())
def test_bylines_behind_a_marker_or_stringer_first_are_bylines(byline):
    blocks = classify_blocks(_page("科技赋能红色文化传承", byline,
                                   "全息影像亮起，长征中的“无名英雄”与参观者“同行”，记者探访了弘扬长征精神的新探索。"))
    assert blocks[1].kind is Kind.BYLINE, (byline, blocks[1])


@FAST
@given(name=names(spaced=False))
def test_a_credit_glued_after_a_caption_is_split_off(name):
    caption = "数据来源：国家数据局 福建省数据管理局"
    blocks = classify_blocks(_page("公共数据如何“跑起来”", f"{caption} 制图：{name}", "扩大基础公共信息数据安全有序开放。"))
    assert [(b.kind, b.text) for b in blocks[1:3]] == [(Kind.CAPTION, caption), (Kind.FURNITURE, f"制图：{name}")]


@pytest.mark.parametrize("line", ["应链周期从45天压缩至20", "每吨铜板仅含18克杂质的阴极", "在湖南长沙的00后陈星像",
                                  "本报西宁10月25", "济宁高新区自1992"])
def test_a_short_piece_of_text_that_reads_as_two_furniture_pieces_is_no_glued_credit(line):
    """Only notes furniture by their words make a short glued line furniture, never a page
    number's shape: text cut at a column's end may end with one and go on with another's (…至20,
    0后…, a dateline 本报西宁10|月25), and no cut falls inside a number (济宁高新区自1|992)."""
    assert not furniture_rule(_normalized(line))


def test_the_rest_of_a_wrapped_photo_credit_is_furniture():
    blocks = classify_blocks(_page("企业发挥着越来越重要的作用。", "", "位于广东省东莞市的中国散裂中子源。新华社记者 毛思倩摄（影像",
                                   "", "中国）", "", "在研究员看来，要进一步推动创新资源向企业集聚。"))
    furniture = "".join(b.text for b in blocks if b.kind is Kind.FURNITURE).replace(" ", "")
    assert furniture == "新华社记者毛思倩摄（影像中国）"  # the credit whole, its wrapped rest included
    assert [b.kind for b in blocks if b.kind is not Kind.FURNITURE] == [Kind.BODY, Kind.CAPTION, Kind.BODY]


def _gold_article_lines():
    """Every title, kicker, deck, section, byline, subhead, first and last line of the gold
    articles of both dev sets: text a reader must see."""
    for gold_dir in GOLD_DIRS:
        for path in sorted(gold_dir.glob("*.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            for article in gold["articles"]:
                for key in ("title", "kicker", "deck", "section", "byline", "first", "last"):
                    if article.get(key):
                        yield article[key]
                yield from article.get("subheads", [])


ARTICLE_LINES = sorted(set(_gold_article_lines()))


def test_no_line_of_an_article_is_furniture():
    assert len(ARTICLE_LINES) > 300
    wrong = [(line, furniture_rule(_normalized(line))) for line in ARTICLE_LINES if furniture_rule(_normalized(line))]
    assert not wrong


@pytest.mark.parametrize("line", ["2026年2月23日 星期一 第12版 责任编辑：沈静", "第4版 要闻 责编：王伟",
                                  "2026年1月8日 第12版 本版编辑：王伟 美术编辑：李强"])
def test_a_folio_glued_to_the_pages_credits_is_furniture(line):
    """A folio and the page's credits on one line: a page number glued to other words is a
    dateline's or a figure's only when nothing after it is a production credit."""
    assert furniture_rule(_normalized(line))


@pytest.mark.parametrize("line", ["第6版投稿邮箱：news@example.com", "第2版电话：（010）65368486传真：（010）65368487",
                                  "A3版 新闻热线：010-58884051"])
def test_a_folio_glued_to_the_pages_contact_line_is_furniture(line):
    """A page number and the paper's contact details on one line: no dateline or figure goes on
    with a phone number or a mailbox."""
    assert furniture_rule(_normalized(line))


@pytest.mark.parametrize("line", ["责任编辑郭文博校对陈艳", "■本版编辑王伟美术编辑欧阳晓东", "责编于敏美编朱强版式李明"])
def test_an_editor_line_whose_spaces_a_copy_dropped_is_furniture(line):
    """Role, name, role, name with nothing between (a copied page's 责任编辑 郭文博  校对 陈艳)."""
    assert furniture_rule(_normalized(line)) == "role-credits"


@pytest.mark.parametrize("line", [
    "编辑部门认真审核每一篇稿件。",  # role words in a sentence
    "策划、设计、制作一体化",  # roles with no names
    "设计时代",  # a bare role glued to a word: a headline
    "5G基站",  # a number before Latin: a figure
    "3家企业",  # a count, not a page number
    "6城试点数据要素",
    "2025年12月3日起施行",  # a date with words: a headline
    "2025年12月3日起5项新规施行",
    "关注民生，办好实事",  # 关注 without an account
    "订阅经济兴起",  # 订阅 without a paper
    "地址变更后，企业需重新登记。",
    "电话那头传来好消息",
    "图片说明：工程师在调试设备。",  # a caption, not a credit
    "数据来源：商务部",
    "广告业加速数字化转型",  # 广告 in a headline, not over an advertisement
    "公益广告进社区",
    "（记者 王珂）",  # a closing credit: the article's own
    "图/张三",  # a photo story's byline (文/李四, 图/张三)
    "一审判决后，企业提起上诉。",  # a role word in a sentence
    "第十二届中国国际航空航天博览会",  # an ordinal, not a page
    "农历正月初八，园区企业陆续复工。",
    "CFP认证助力企业出海",
    "小红书：种草经济的新玩法",  # a platform's name opening a headline, not an account's label
    "微博：一场关于创新的讨论",
    "微信 支付宝",
    "本报记者 张三 通讯员 李四",  # reporters alone: a story's byline, not the page's credits
    "点击量破亿",  # 点击 without an invitation to read on
    "阅读推广进园区",
    "导读",  # a box's label over a story's lead
])
def test_text_of_every_kind_is_no_furniture(line):
    assert furniture_rule(_normalized(line)) == ""


def test_the_data_files_use_the_shared_definitions_of_text_py():
    """{newspaper}, {outlet} and {box_markers} in the YAML are filled with text.py's definitions."""
    for name in ("furniture.yaml", "layout.yaml", "language.yaml"):
        text = json.dumps(load_yaml(name), ensure_ascii=False)
        assert not any(placeholder in text for placeholder in PLACEHOLDERS), name
    for suffix in NEWSPAPER_SUFFIXES:
        assert furniture_rule(f"湖南{suffix}") == "publication-name", suffix
    for suffix in OUTLET_SUFFIXES:
        for marker in ("", BOX_MARKERS[0], POINTERS[0]):  # ▲ also opens a caption (▲图为…)
            blocks = classify_blocks(_page("科技赋能红色文化传承", f"{marker}湖南{suffix}记者 张三 李四",
                                           "全息影像亮起，长征中的“无名英雄”与参观者“同行”，记者探访了弘扬长征精神的新探索。"))
            assert blocks[1].kind is Kind.BYLINE, (suffix, marker, blocks[1])


def test_every_rule_and_list_says_what_it_covers_and_why():
    data = load_yaml("furniture.yaml")
    for key in ("line", "group", "structural"):
        for rule in data[key]:
            assert rule.get("why") and rule.get("label"), rule["name"]
    for section in ("credit_grammar", "folio"):
        for name, entry in data[section].items():
            assert entry.get("covers") and entry.get("why"), (section, name)


@FAST
@given(stack=st.lists(st.one_of(CLASSES["editor"], CLASSES["contact"], CLASSES["footer"]), min_size=6, max_size=10))
def test_a_folio_block_under_more_furniture_is_still_at_the_edge(stack):
    """The page's section beside the paper's name is furniture however many furniture lines
    the band holds above it: the edge zone counts the page's text, not its furniture."""
    body = [f"这是第{n}段，诞生于“一五”时期的国企老厂{'，在转型升级中焕发新活力' * (n % 3)}。" for n in range(1, 13)]
    lines = [*stack, "人民日报", "经济", "深耕主业，老国企激发新活力", "本报记者 孙超", *body]
    blocks = classify_blocks(_page(*lines))
    assert [b.kind for b in blocks[len(stack):len(stack) + 3]] == [Kind.FURNITURE, Kind.FURNITURE, Kind.HEADLINE]
