"""What a reader sees of a PDF article is what the text path gives (issue 19): a package's
stories as headings of their titles (kicker above, byline under, names without padding), an
editor's note signed on a line of its own. The dev PDFs set a story's head and a signature in
the text's own type, as paragraphs of its column; pages that set them apart as short lines
(subheads) give the same. Each rule is also tested alone, on paragraphs as `compose` reads them."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parkdigest.convert.conservation import cjk_counts
from parkdigest.convert.model import Aside, PageResult, Paragraph
from parkdigest.convert.pdf.compose import as_read
from parkdigest.convert.pipeline import convert_page

from conftest import article_titled

PDFS = Path(__file__).parent / "devset-pdf" / "pdf"


def _blocks(pdf: str, title_part: str) -> list[str]:
    article = article_titled(PDFS / pdf, title_part)
    return article.body.strip().split("\n\n")


# --- package stories, on dev PDFs ---------------------------------------------------------

def test_a_pdf_package_story_is_a_heading_of_its_title_with_its_kicker_above_and_byline_under():
    blocks = _blocks("rmrb-2026-03-26-11.pdf", "深耕主业")
    at = blocks.index("## 加强研发，给工业生产装上“牙齿”")
    assert blocks[at - 1] == "株洲硬质合金集团有限公司\n{ .story-kicker }"
    assert blocks[at + 1] == "本报记者 孙超\n{ .byline }"  # the padding inside 孙 超 goes
    assert blocks[at + 2].startswith("塔克拉玛干沙漠腹地")
    assert [b for b in blocks if b.startswith("## ")][:3] == [
        "## 加强研发，给工业生产装上“牙齿”", "## 创新引领，智能生产铸就高端铜板", "## 革新工艺，为特高压工程造绝缘“关节”"]


def test_a_pdf_story_kicker_marked_with_a_dash_stands_above_its_title():
    blocks = _blocks("rmrb-2025-06-11-19.pdf", "改善条件")
    at = blocks.index("## 腰包鼓起来，消费底气足")
    assert blocks[at - 1] == "好政策增收减负——\n{ .story-kicker }"
    assert blocks[at + 1] == "本报记者 周欢\n{ .byline }"
    bylines = [b for b in blocks if b.endswith("{ .byline }")]
    assert len(bylines) == 3 and all(blocks[blocks.index(b) - 1].startswith("## ") for b in bylines)


def test_a_box_heading_that_names_a_reporter_is_no_story_byline():
    for title_part in ("充电宝", "豁出去"):  # （作者为……）or （……参与采写）, then 记者手记 over a box
        blocks = _blocks("rmrb-2026-03-30-06.pdf", title_part)
        assert "## 记者手记" in blocks
        assert not [b for b in blocks if b.startswith("## （") or b.endswith("{ .byline }")]


def test_a_subhead_wrapped_in_its_column_reads_as_one_line_and_one_set_in_parts_keeps_them_apart():
    assert "## 从一场舞剧到数百个洞窟，敦煌舞从壁画中萌生" in _blocks("rmrb-2026-03-26-06.pdf", "壁画成舞")
    assert "## 促进融资对接 联通银企信息，加速资金流动" in _blocks("rmrb-2026-01-08-06.pdf", "公共数据")


# --- an editor's note signature, on dev PDFs ---------------------------------------------------

@pytest.mark.parametrize("pdf, title_part, after", [
    ("rmrb-2026-03-17-10.pdf", "西瓜", "记者在山东省嘉祥县"),
    ("rmrb-2026-01-27-08.pdf", "记录今天", "刚刚过去的2025年"),
    ("rmrb-2026-01-29-06.pdf", "百科全书", "四川省资阳市濛溪河畔"),
    ("rmrb-2025-06-11-19.pdf", "改善条件", "好政策增收减负——"),
])
def test_a_pdf_editors_note_is_signed_on_a_line_of_its_own(pdf, title_part, after):
    blocks = _blocks(pdf, title_part)
    at = blocks.index("——编者\n{ .signature }")  # 编者 without the padding it is set with
    assert blocks[at - 1].endswith("。")
    assert blocks[at + 1].startswith(after)


def test_a_quotations_source_under_it_is_its_signature():
    blocks = _blocks("rmrb-2026-01-08-02.pdf", "15亿")
    assert "——摘自“十五五”规划建议\n{ .signature }" in blocks


# --- the rules alone ----------------------------------------------------------------------------

def _p(text: str, line: int, **kinds) -> Paragraph:
    return Paragraph(text, (line,), **kinds)


def test_a_story_head_set_as_short_lines_apart_from_the_text_is_read_the_same():
    read = as_read([_p("上一篇的最后一段。", 1), _p("新科技改变生活——", 2, subhead=True),
                    _p("产品功能多，市场卖得火", 3, subhead=True), _p("——副题在此", 4, subhead=True),
                    _p("本报记者 齐志明", 5, subhead=True), _p("每天清晨，……。", 6)])
    assert [(p.text, p.subhead, p.aside) for p in read] == [
        ("上一篇的最后一段。", False, None), ("新科技改变生活——", False, Aside.KICKER),
        ("产品功能多，市场卖得火", True, None), ("——副题在此", False, Aside.DECK),
        ("本报记者 齐志明", False, Aside.BYLINE), ("每天清晨，……。", False, None)]


def test_a_subhead_without_a_byline_under_it_stays_a_subhead():
    paragraphs = [_p("正文。", 1), _p("小标题一", 2, subhead=True), _p("正文又一段。", 3)]
    assert as_read(paragraphs) == paragraphs


def test_a_byline_with_a_sentence_above_it_heads_nothing():
    paragraphs = [_p("这是一段正文，写完了。", 1), _p("本报记者 张三", 2), _p("正文。", 3)]
    assert as_read(paragraphs) == paragraphs


def test_a_dash_line_under_a_closed_paragraph_is_a_signature_and_under_a_title_a_subtitle():
    signed = as_read([_p("编者按的最后一句。", 1), _p("——编 者", 2), _p("正文。", 3)])
    assert signed[1] == _p("——编 者", 2, aside=Aside.SIGNATURE)
    story = as_read([_p("正文。", 1), _p("标题在此", 2), _p("——副题在此", 3), _p("本报记者 李四", 4)])
    assert [p.aside for p in story] == [None, None, Aside.DECK, Aside.BYLINE] and story[1].subhead


def test_a_signature_on_a_paragraphs_last_line_is_split_off():
    read = as_read([_p("这是编者按，到此为止。——编  者", 1), _p("正文。", 2)])
    assert [p.text for p in read] == ["这是编者按，到此为止。", "——编  者", "正文。"]
    assert read[1].aside is Aside.SIGNATURE


# Lines an article's text is made of: sentences, heading lines, bylines, dash lines, credits,
# a box heading that names a reporter.
_LINES = ("这是一段正文，写完了。", "又一段正文", "株洲某某集团有限公司", "好政策增收减负——", "加强研发，给工业生产装上“牙齿”",
          "——副题在此", "——编  者", "本报记者  孙  超", "□ 新华社记者 叶 婧", "（作者为某某大学教授）", "■记者手记",
          "如何在1平方厘米的电路板上扎出2500个孔？", "这是编者按，到此为止。——编  者")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_LINES), st.booleans()), max_size=12))
def test_reading_paragraphs_as_the_text_path_keeps_every_character(lines):
    """Whatever stands in what order, every character of the paragraphs is kept (the page's
    marks before a byline aside), each once, and no paragraph is left empty."""
    paragraphs = [_p(text, n + 1, subhead=subhead) for n, (text, subhead) in enumerate(lines)]
    read = as_read(paragraphs)
    assert cjk_counts("".join(p.text for p in read)) == cjk_counts("".join(p.text for p in paragraphs))
    assert all(p.text.strip() for p in read)
    assert as_read(read) == read  # read once is read


# --- a package set apart by its type (Chromium) -------------------------------------------------

_PARAGRAPH = "近年来，园区企业深耕主业，在实干笃行中释放动能，研发投入逐年增加，产品打入国际市场，带动上下游企业协同发展。"
_STORIES = (("株洲某某集团有限公司", "加强研发，给工业生产装上“牙齿”", "本报记者　孙　超"),
            ("云南某某股份有限公司", "创新引领，智能生产铸就高端铜板", "本报记者　叶传增"),
            ("西安某某电瓷有限责任公司", "革新工艺，为特高压工程造绝缘“关节”", "本报记者　贾丰丰"))
_PACKAGE = """<html><head><style>
body {{ font-family: 'AR PL UMing CN', serif; font-size: 9pt; margin: 10mm; width: 190mm }}
.kick {{ text-align: center; font-size: 12pt }}
h1 {{ font-family: 'Noto Serif CJK SC', serif; text-align: center; font-size: 26pt; margin: 0 0 2mm }}
.cols {{ column-count: 4; column-gap: 4mm; text-align: justify }}
p {{ text-indent: 2em; margin: 0; line-height: 1.45 }}
.sk {{ font-family: 'WenQuanYi Zen Hei', sans-serif; font-weight: bold; font-size: 10pt; margin-top: 4mm }}
.st {{ font-family: 'Noto Serif CJK SC', serif; font-weight: bold; font-size: 13pt; line-height: 1.3 }}
.sb {{ font-family: 'AR PL UKai CN', serif; margin: 1mm 0 2mm }}
</style></head><body>
<div class="kick">从“一五”到“十五五”，不断培育竞争优势——</div><h1>深耕主业，老企业激发新活力</h1>
<div class="cols"><p>“十五五”规划纲要提出，增强企业核心功能。近日，记者走进三家企业，看它们如何激活内生动力。</p>
<p>——编　者</p>{stories}</div></body></html>"""


def _print(browser, html: str, path: Path, height_mm: int) -> Path:
    tab = browser.new_page()
    tab.set_content(html)
    tab.pdf(path=str(path), width="210mm", height=f"{height_mm}mm", print_background=True)
    tab.close()
    return path


@pytest.fixture(scope="module")
def package_pdf(browser, tmp_path_factory):
    """A package page: one headline over four columns, an editor's note, three stories each
    with its kicker, title and byline set in the columns in type of their own."""
    stories = "".join(f'<div class="sk">{kicker}</div><div class="st">{title}</div><div class="sb">{byline}</div>'
                      + "".join(f"<p>{_PARAGRAPH}第{n}段。</p>" for n in range(6)) for kicker, title, byline in _STORIES)
    return _print(browser, _PACKAGE.format(stories=stories), tmp_path_factory.mktemp("package") / "package.pdf", 200)


_L_SHAPE = """<html><head><style>
body {{ font-family: 'AR PL UMing CN', serif; font-size: 9pt; margin: 10mm; width: 190mm }}
h1 {{ font-family: 'Noto Serif CJK SC', serif; text-align: center; font-size: 26pt; margin: 0 0 1mm }}
.by {{ text-align: center; font-family: 'AR PL UKai CN'; margin-bottom: 2mm }}
.row {{ display: flex; gap: 4mm }} .row > div {{ flex: 1 }}
.cols {{ column-count: 2; column-gap: 4mm; text-align: justify }}
p {{ text-indent: 2em; margin: 0; line-height: 1.45 }}
.st {{ font-family: 'Noto Serif CJK SC', serif; font-weight: bold; font-size: 13pt; margin-top: 4mm; text-align: center }}
.sb {{ font-family: 'AR PL UKai CN', serif; margin: 1mm 0 2mm; text-align: center }}
</style></head><body><h1>园区企业激发新活力</h1><div class="by">本报记者　王　强</div>
<div class="row"><div class="cols">{left}</div><div><div class="cols">{right}</div>
<div class="st">创新引领，智能生产铸就高端铜板</div><div class="sb">本报记者　叶传增</div><div class="cols">{small}</div></div>
</div></body></html>"""


@pytest.fixture(scope="module")
def l_shape_pdf(browser, tmp_path_factory):
    """An article with a byline of its own set in an L around a smaller article, no rule between."""
    def text(tag: str, count: int) -> str:
        return "".join(f"<p>{_PARAGRAPH}{tag}{n}段。</p>" for n in range(count))

    html = _L_SHAPE.format(left=text("左", 10), right=text("右", 3), small=text("小", 4))
    return _print(browser, html, tmp_path_factory.mktemp("l-shape") / "l-shape.pdf", 160)


@pytest.mark.browser
def test_a_package_set_apart_by_its_type_is_one_article_with_a_heading_per_story(package_pdf):
    result = convert_page(package_pdf)
    assert isinstance(result, PageResult), result
    assert [a.meta["title"] for a in result.articles] == ["深耕主业，老企业激发新活力"]
    blocks = result.articles[0].body.strip().split("\n\n")
    assert blocks[1] == "——编者\n{ .signature }"
    for kicker, title, byline in _STORIES:
        at = blocks.index(f"## {title}")  # a title wrapped in its column reads as one line
        assert blocks[at - 1] == f"{kicker}\n{{ .story-kicker }}"
        assert blocks[at + 1] == f"{byline.replace('孙　超', '孙超')}\n{{ .byline }}"
        assert [b[-3:-1] for b in blocks[at + 2:at + 8]] == [f"{n}段" for n in range(6)]  # its text, in order


@pytest.mark.browser
def test_an_article_set_in_an_l_around_another_holds_no_story_of_it(l_shape_pdf):
    """Its headline has a byline of its own: the article beside its text is an article, not a story."""
    result = convert_page(l_shape_pdf)
    assert isinstance(result, PageResult), result
    by_title = {a.meta["title"]: a.body for a in result.articles}
    assert sorted(by_title) == ["创新引领，智能生产铸就高端铜板", "园区企业激发新活力"]
    assert "小3段" in by_title["创新引领，智能生产铸就高端铜板"] and "小0段" not in by_title["园区企业激发新活力"]
    assert "右2段" in by_title["园区企业激发新活力"]


# --- a photo item: a picture, its title under it, its caption in two columns ---------------

_PHOTO_ITEM = """<html><head><style>
body {{ font-family: 'AR PL UMing CN', serif; font-size: 9pt; margin: 10mm; width: 190mm }}
.row {{ display: flex }}
.lead {{ flex: 3; padding-right: 3mm; border-right: {rule} }}
.photo {{ flex: 1; padding-left: 3mm }}
h1 {{ font-family: 'Noto Serif CJK SC', serif; font-size: 30pt; text-align: center; margin: 0 0 2mm }}
.cols {{ column-count: 3; column-gap: 4mm; text-align: justify }}
.cap {{ column-count: 2; column-gap: 4mm; text-align: justify }}
p {{ text-indent: 2em; margin: 0; line-height: 1.45 }}
.pic {{ height: {picture_mm}mm; background: #999 }}
.pt {{ font-family: 'Noto Serif CJK SC', serif; font-weight: bold; font-size: 11pt; text-align: center; margin: 1.5mm 0 }}
</style></head><body><div class="row">
<div class="lead"><h1>老工业园区激发创新新活力</h1><div class="cols">{paragraphs}</div></div>
<div class="photo"><div class="pic"></div><div class="pt">人才安居</div>
<div class="cap">青岛高新区人才公寓日前交付使用，可为350余名青年科技人才提供住房保障。图为人才公寓外景。<br>本报记者 阎浩然摄</div></div>
</div></body></html>"""


@pytest.mark.browser
@pytest.mark.parametrize(("picture_mm", "rule"), [(60, "0.8pt solid #000"), (16, "0.8pt solid #000"), (16, "none")])
def test_a_photo_items_title_under_its_picture_titles_an_item_of_its_own(browser, tmp_path, picture_mm, rule):
    """A photo item's title, centred over its caption's two columns, straddles their gutter:
    the columns it straddles stand under it, and under a picture it opens an item. With a short
    picture it stands at the foot of the next module's big title: with a column rule between
    them, or under its picture beside that title, it is no part of that title's stack. Its
    caption, set as the text is, ends by pointing at the picture: the credit after it is cut off."""
    html = _PHOTO_ITEM.format(picture_mm=picture_mm, rule=rule,
                              paragraphs="".join(f"<p>{_PARAGRAPH}第{n}段。</p>" for n in range(9)))
    result = convert_page(_print(browser, html, tmp_path / "photo-item.pdf", 120))
    assert isinstance(result, PageResult), result
    by_title = {a.meta["title"]: a.body for a in result.articles}
    assert sorted(by_title) == ["人才安居", "老工业园区激发创新新活力"]
    assert "图为人才公寓外景" not in by_title["老工业园区激发创新新活力"]
    assert "第8段" in by_title["老工业园区激发创新新活力"]
    # Its text points at its picture: the credit printed after it is the picture's, furniture.
    assert by_title["人才安居"].strip().endswith("图为人才公寓外景。")
    assert "本报记者 阎浩然摄" in [f.text for f in result.layout.furniture]


_BRIEF_BESIDE = """<html><head><style>
body {{ font-family: 'AR PL UKai CN', serif; font-size: 11pt; margin: 10mm; width: 190mm }}
.row {{ display: flex; gap: 5mm }} .lead {{ width: 85mm }} .brief {{ width: 50mm }}
.kick {{ font-family: 'Noto Serif CJK SC', serif; font-size: 17.5pt }}
h1 {{ font-family: 'Noto Serif CJK SC', serif; font-weight: bold; font-size: 33.5pt; margin: 1mm 0 2mm }}
.cols {{ column-count: 2; column-gap: 4mm; text-align: justify }}
p {{ text-indent: 2em; margin: 0; line-height: 1.4 }}
.lab {{ margin-bottom: 5mm }}
.bt {{ font-family: 'WenQuanYi Zen Hei Mono', sans-serif; font-weight: bold; font-size: 12pt; margin-bottom: 1mm }}
</style></head><body><div class="row">
<div class="lead"><div class="kick">每年5000万元资助业界共治</div><h1>成都高新区：让产业齿轮精准咬合</h1>
<div class="cols">{paragraphs}</div></div>
<div class="brief"><div class="lab">创新速递</div><div class="bt">兰白国家自主创新示范区：欠发达地区改革创新样本“复盘”</div>
<p>本报西宁2月7日电（记者陈浩然）“我们的空气热泵以二氧化碳为冷媒，零下30摄氏度仍能稳定制热。”落地白银高新区后，企业订单已经超过5亿元。</p></div>
</div></body></html>"""


@pytest.mark.browser
def test_a_heading_level_with_a_title_in_the_next_column_is_no_part_of_its_stack(browser, tmp_path):
    """A brief's title set a little bigger than the text, in the column right of a lead story,
    under the lead's kicker and level with its big title: it stands in another column, so it
    is no part of the lead's stack, and the dateline under it opens a brief of its own."""
    html = _BRIEF_BESIDE.format(paragraphs="".join(f"<p>{_PARAGRAPH}第{n}段。</p>" for n in range(5)))
    result = convert_page(_print(browser, html, tmp_path / "brief-beside.pdf", 200))
    assert isinstance(result, PageResult), result
    by_title = {a.meta["title"]: a.body for a in result.articles}
    assert sorted(by_title) == ["兰白国家自主创新示范区：欠发达地区改革创新样本“复盘”", "成都高新区：让产业齿轮精准咬合"]
    assert "本报西宁2月7日电" in by_title["兰白国家自主创新示范区：欠发达地区改革创新样本“复盘”"]


_CAPTION_IN_SMALL_TYPE = """<html><head><style>
body {{ font-family: 'AR PL UMing CN', serif; font-size: 10pt; margin: 10mm; width: 120mm }}
h1 {{ font-family: 'Noto Serif CJK SC', serif; font-size: 24pt; text-align: center; margin: 0 0 2mm }}
.cols {{ column-count: 2; column-gap: 5mm; text-align: justify }}
p {{ text-indent: 2em; margin: 0; line-height: 1.45 }}
.pic {{ height: 25mm; width: 40%; margin: 2mm auto 1mm; background: #999 }}
.cap {{ font-size: 8pt; margin-bottom: 2mm }}
</style></head><body><h1>园区企业激发新活力</h1><div class="cols">{before}
<div class="pic"></div><div class="cap">科研人员在实验室开展材料性能检测。（高新区管委会供图）</div>{after}</div></body></html>"""


@pytest.mark.browser
def test_a_sentence_in_small_type_with_a_pictures_credit_after_it_is_a_caption(browser, tmp_path):
    """A caption wider than its picture, in a type smaller than the text's: a closed sentence
    with a picture's credit after it is no subhead but a caption, and the credit is furniture."""
    paragraphs = [f"<p>{_PARAGRAPH}第{n}段。</p>" for n in range(6)]
    html = _CAPTION_IN_SMALL_TYPE.format(before="".join(paragraphs[:2]), after="".join(paragraphs[2:]))
    result = convert_page(_print(browser, html, tmp_path / "caption.pdf", 200))
    assert isinstance(result, PageResult), result
    (article,) = result.articles
    assert "高新区管委会供图" not in article.body and "## 科研人员" not in article.body
    assert "（高新区管委会供图）" in [f.text for f in result.layout.furniture]


_BRIEFS = """<html><head><style>
body {{ font-family: 'AR PL UMing CN', serif; font-size: 10pt; margin: 10mm; width: 110mm }}
.row {{ display: flex; gap: 6mm }} .col {{ width: 52mm; text-align: justify }}
.bt {{ font-family: 'Noto Serif CJK SC', serif; font-weight: bold; font-size: 15pt; margin: 2mm 0 1mm }}
p {{ text-indent: 2em; margin: 0; line-height: 1.45 }} p.on {{ text-indent: 0 }}
</style></head><body><div class="row">
<div class="col"><div class="bt">成都高新区让产业齿轮精准咬合</div>{first}
<div class="bt">兰白示范区改革创新样本“复盘”</div><p>本报讯（通讯员卢欣然）“我们的空气热泵以二氧化碳</p></div>
<div class="col"><p class="on">为冷媒，零下30摄氏度仍能稳定制热。”2月25日下午，甘肃白银高新区一家企业的实验室内，董事长边说边演示。</p>
<div class="bt">广州高新区再添省级小微双创基地</div>{third}</div>
</div></body></html>"""


@pytest.mark.browser
def test_a_briefs_text_opened_by_its_dateline_at_a_columns_foot_is_its_text_not_its_byline(browser, tmp_path):
    """A brief's title near a column's foot, its text's first two lines under it (本报讯（通讯员
    ……）“……) and the rest at the top of the next column: those lines open the text (a dateline
    opens them), so the next column's top goes on from them."""
    html = _BRIEFS.format(first="".join(f"<p>本报讯 {_PARAGRAPH}甲{n}段。</p>" for n in range(4)),
                          third="".join(f"<p>本报讯 {_PARAGRAPH}丙{n}段。</p>" for n in range(3)))
    result = convert_page(_print(browser, html, tmp_path / "briefs.pdf", 200))
    assert isinstance(result, PageResult), result
    by_title = {a.meta["title"]: a.body for a in result.articles}
    brief = by_title["兰白示范区改革创新样本“复盘”"]
    assert brief.startswith("本报讯（通讯员卢欣然）“我们的空气热泵以二氧化碳为冷媒，零下30摄氏度仍能稳定制热。”")


_COLUMN_GOES_ON = """<html><head><style>
body {{ font-family: 'AR PL UMing CN', serif; font-size: 10pt; margin: 10mm; width: 110mm }}
.row {{ display: flex; gap: 6mm }} .col {{ width: 52mm; text-align: justify }}
.bt {{ font-family: 'Noto Serif CJK SC', serif; font-weight: bold; font-size: 15pt; margin: 2mm 0 1mm }}
p {{ text-indent: 2em; margin: 0; line-height: 1.45 }} p.on {{ text-indent: 0 }}
.pic {{ height: 30mm; margin-top: 4mm; background: #999 }}
.pt {{ font-family: 'Noto Serif CJK SC', serif; font-weight: bold; font-size: 12pt; text-align: center; margin: 1mm 0 }}
</style></head><body><div class="row">
<div class="col"><div class="bt">唐山高新区聚力培育双创载体</div>
<p>本报上海2月6日电（记者欧阳刚）今年以来，唐山高新区着力实施科技企业孵化器和众</p>
<div class="pic"></div><div class="pt">人才安居</div>
<p>青岛高新区人才公寓日前交付使用，可为350余名青年科技人才提供住房保障。图为人才公寓外景。</p></div>
<div class="col"><p class="on">创空间培育提升计划，加快创新创业孵化平台建设，截至目前已建成13家市级以上科技企业孵化器。</p>
<div class="bt">广州高新区再添省级小微双创基地</div>{third}</div>
</div></body></html>"""


@pytest.mark.browser
def test_a_column_that_stops_mid_sentence_goes_on_at_the_top_of_the_next(browser, tmp_path):
    """A brief's text stops mid-word at the foot of its part of the column, a photo item set
    under it; the next column's top, with no head over it, goes on from the text that stops
    unclosed, not from the photo item's caption at the column's foot."""
    html = _COLUMN_GOES_ON.format(third="".join(f"<p>本报讯 {_PARAGRAPH}丙{n}段。</p>" for n in range(3)))
    result = convert_page(_print(browser, html, tmp_path / "column-goes-on.pdf", 200))
    assert isinstance(result, PageResult), result
    by_title = {a.meta["title"]: a.body for a in result.articles}
    assert "孵化器和众创空间培育提升计划" in by_title["唐山高新区聚力培育双创载体"]
    assert "创空间" not in by_title["人才安居"]


_TALL_FOOTER = """<html><head><style>
body {{ font-family: 'AR PL UMing CN', serif; font-size: 10pt; margin: 10mm; width: 190mm }}
h1 {{ font-family: 'Noto Serif CJK SC', serif; font-size: 26pt; margin: 0 0 2mm }}
.cols {{ column-count: 4; column-gap: 5mm; text-align: justify }}
p {{ text-indent: 2em; margin: 0; line-height: 1.45 }}
.foot {{ border-top: 1pt solid #000; margin-top: 4mm; padding-top: 1mm; font-size: 9pt; line-height: 1.9 }}
.name {{ float: right; font-family: 'Noto Serif CJK SC', serif; font-size: 19pt; line-height: 1.2 }}
</style></head><body><h1>科技部火炬中心召开巡视整改专题民主生活会</h1><div class="cols">{paragraphs}</div>
<div class="foot"><div class="name">中国高新技术产业导报</div>第6版　高新区观察　2026年3月31日 星期二<br>编辑：宋丽
<br>E-mail：gxdb@chinahightech.com<br>扫描二维码 关注导报官方微信<br>国内统一连续出版物号：CN11-0186</div>
</body></html>"""


@pytest.mark.browser
def test_a_papers_name_set_big_in_a_tall_footer_is_furniture_not_a_title(browser, tmp_path):
    """A footer taller than the strip a folio usually takes, the paper's name set big in it:
    a newspaper's name alone is no title, whatever its size."""
    html = _TALL_FOOTER.format(paragraphs="".join(f"<p>{_PARAGRAPH}第{n}段。</p>" for n in range(8)))
    result = convert_page(_print(browser, html, tmp_path / "tall-footer.pdf", 150))
    assert isinstance(result, PageResult), result
    assert [a.meta["title"] for a in result.articles] == ["科技部火炬中心召开巡视整改专题民主生活会"]
    assert "中国高新技术产业导报" in [f.text for f in result.layout.furniture]
