"""Small cases, one line or one stack at a time, for the stages that decide what the lines of
a page are: normalize, furniture, classify, heads, junctions and reflow. The end-to-end tests
(test_segmentation, test_quality, test_golden) show the whole; these say which rule broke."""

from __future__ import annotations

import pytest

from parkdigest.convert.classify import classify_blocks, points_at_its_picture
from parkdigest.convert.dates import parse_printed_date
from parkdigest.convert.furniture import furniture_rule
from parkdigest.convert.heads import parse_head
from parkdigest.convert.junctions import (
    broken_quantity,
    choose_joins,
    figure_after_its_lead,
    open_pairs,
    pairs_closed_unopened,
    start_evidence,
)
from parkdigest.convert.model import Kind, Line, Page
from parkdigest.convert.normalize import normalize_page
from parkdigest.convert.reflow import reflow_page
from parkdigest.convert.segment import segment_page
from parkdigest.convert.words import TagModel, junction_gain, splits_last_word, tag
from parkdigest.text import dateline_opens, parallel_halves


def _page(*lines: str) -> Page:
    """A normalized page whose lines are separated by blank lines, as extracted pages are."""
    text = "\n\n".join(lines).split("\n")
    return normalize_page(Page("t.txt", tuple(Line(i + 1, t) for i, t in enumerate(text))))


def _kinds(*lines: str) -> list[tuple[str, str]]:
    return [(b.text, b.kind.value) for b in classify_blocks(_page(*lines))]


@pytest.mark.parametrize("raw, normalized", [
    ("2020 年 1 月", "2020年1月"),
    ("增长 5.4%,其中", "增长5.4%，其中"),
    ("(本报记者李凯旋整理)", "（本报记者李凯旋整理）"),
    ("电话:(010)65363526", "电话：(010)65363526"),
    ("1,000 元", "1,000元"),
    ("本 报 北 京 3 月 23 日 电（记者吴月）", "本报北京3月23日电（记者吴月）"),
    ("本 报 记 者 吴 月", "本 报 记 者 吴 月"),  # no dateline: a byline's padding is not normalize's
])
def test_normalize_typography_keeps_the_facts(raw, normalized):
    assert _page(raw).lines[0].text == normalized


@pytest.mark.parametrize("raw, normalized", [
    ("⻬⻬哈尔⾼新区：⾼标准建设产业⾼地", "齐齐哈尔高新区：高标准建设产业高地"),  # Kangxi TALL, supplement C-SIMPLIFIED EVEN
    ("吉林“⼤健康产业航⺟”启航", "吉林“大健康产业航母”启航"),
    ("⻓三⻆⽣物医药⻰头企业⻅⾯会", "长三角生物医药龙头企业见面会"),
])
def test_radicals_a_pdf_font_gave_for_characters_become_those_characters(raw, normalized):
    """A copy of a PDF whose font maps characters to radicals of the same form gives ⾼ for 高:
    read as the characters they print, parks, words and furniture are known again."""
    assert _page(raw).lines[0].text == normalized
    assert _kinds("⼴告经营许可证：京东⼯商⼴字第0177号") == [("广告经营许可证：京东工商广字第0177号", "furniture")]


@pytest.mark.parametrize("line, rule", [
    ("人民日报  2026年3月30日  星期一  第 6 版  要闻", "folio"),
    ("2026年1月27日 星期二", "folio"),
    ("SCIENCE AND TECHNOLOGY DAILY", "masthead-latin"),
    ("— 8 —", "page-number"),
    ("要闻  第02版", "section-page"),
    ("◆ 本版编辑：刘强　版式设计：宋佳　美术编辑：李明", "editor-line"),
    ("■ 责编：杨帆  美编：孙浩", "role-credits"),
    ("读者热线：(010)65363526", "contact-value"),
    ("广告经营许可证：京东工商广字第5450号", "licence-line"),
    ("扫码阅读人民日报电子版", "qr-line"),
    ("新华社记者  燕  雁摄（人民视觉）", "photo-credit"),
    ("（本版图片除署名外均由受访单位提供）", "picture-note"),
])
def test_furniture_by_structure(line, rule):
    assert furniture_rule(_page(line).lines[0].text) == rule


@pytest.mark.parametrize("line", [
    "数据来源：商务部",  # a chart's source is its caption, not a credit of the page
    "68万平方米",  # a figure of a data box
    "武汉东湖高新区：新兴产业重要策源地",
    "2026年1月1日，一次性信用修复政策平稳实施。",
])
def test_text_is_no_furniture(line):
    assert furniture_rule(_page(line).lines[0].text) == ""


@pytest.mark.parametrize("text, iso", [
    ("2026年3月30日", "2026-03-30"), ("2025.12.3", "2025-12-03"), ("2025-12-03", "2025-12-03"),
    ("二〇二五年十二月三日", "2025-12-03"), ("二〇二六年一月二十七日 星期二", "2026-01-27"),
])
def test_printed_dates_in_every_form(text, iso):
    assert parse_printed_date(text) == iso


def test_a_folio_block_takes_the_page_section_beside_the_page_number():
    kinds = _kinds("人民日报", "2026年3月17日  星期二", "10", "经济", "从“苹果税”下调看反垄断护航数字经济（经济时评）",
                   "文/林丽鹂", "3月15日，苹果公司调整其应用商店的佣金政策。")
    assert kinds[:4] == [(t, "furniture") for t in ("人民日报", "2026年3月17日  星期二", "10", "经济")]
    assert kinds[4][1] == "headline" and kinds[5] == ("文/林丽鹂", "byline")


@pytest.mark.parametrize("credit", ["新华社发", "本报记者 王涛摄", "（受访单位供图）", "视觉中国"])
def test_a_few_words_between_two_picture_credits_title_a_picture_not_the_folio(credit):
    """A picture's credit stands under its picture anywhere on the page, so the short line
    between two credits near the top is a photo item's title, not a word of the folio block."""
    kinds = _kinds("园区周刊", "2026年3月17日  星期二", "5", "园区观察", "高新区招聘季启动",
                   "本报记者 孙超", f"图为招聘会现场。{credit}", "厂房新景", credit,
                   "入春以来，园区新建厂房陆续竣工投用，一批企业搬入新址。",
                   "今年以来，园区新增企业两百家，产值增长一成。")
    assert ("厂房新景", "headline") in kinds


_STORY = ("园区新增企业两百家", "本报记者 孙超", "今年以来，园区新增企业两百家，产值增长一成。")


def test_the_lines_above_the_issue_line_that_opens_the_page_are_its_masthead():
    """A newsletter prints its name and its publisher above its issue line, whatever they are."""
    kinds = _kinds("园区通讯", "某某高新区管理委员会", "2026年第3期（总第88期）2026年3月1日", *_STORY)
    assert [kind for _, kind in kinds[:4]] == ["furniture", "furniture", "furniture", "headline"]


def test_the_words_right_above_the_furniture_ending_the_page_are_its_masthead():
    """A copy may read the masthead last: the name and the section right above the date."""
    kinds = _kinds(*_STORY, "园区通讯", "政策速递", "2026年3月1日 星期日", "第5页")
    assert [kind for _, kind in kinds[-4:]] == ["furniture"] * 4 and kinds[2][1] == "body"


def test_a_name_right_over_the_contact_lines_is_whose_contacts_they_are():
    page = _page(*_STORY, "某某高新区管理委员会")
    text = "\n".join(line.text for line in page.lines) + "\n地址：某某市高新大道1号\n邮编：100045"
    page = normalize_page(Page("t.txt", tuple(Line(i + 1, t) for i, t in enumerate(text.split("\n")))))
    kinds = [(b.text, b.kind.value) for b in classify_blocks(page)]
    assert ("某某高新区管理委员会", "furniture") in kinds


@pytest.mark.parametrize("under, section_is_furniture", [
    ("工人在生产线上检测产品。", True),  # over a picture's caption: the page's section
    ("今年以来，园区新增企业两百家，产值增长一成。", True),  # over running text
    ("老国企激发新活力", False),  # over a title: a column label
    ("广西荔浦市年产衣架超40亿个，八成以上木衣架出口至100多个国家和地区", False),  # over a kicker
])
def test_a_short_line_under_the_folio_date_is_the_page_section_unless_a_head_follows(under, section_is_furniture):
    kinds = _kinds("人民日报", "2026年3月26日  星期四", "经济", under, "本报记者 孙超")
    assert (kinds[2][1] == "furniture") is section_is_furniture, kinds


def test_a_headline_like_line_a_word_runs_into_from_the_paragraph_above_is_that_paragraphs_rest():
    """A column cut inside a paragraph leaves its rest as a short line with no sentence end, shaped
    like a headline: a word running across (快闪巡|演) says it goes on the paragraph above."""
    titles_and_bodies = [(d.title, d.body) for d in reflow_page(segment_page(_page(
        "古镇迎来外国游客", "本报记者 曹玲娟",
        "今年“五一”假期，这座千年古镇还迎来了“非遗里的朱家角”国潮非遗咖啡文化周。古镇展示了30多个非遗项目，"
        "摇橹船上的昆曲快闪巡", "演，让游客们在马家桥、廊桥等古桥旁近景观赏……",
        "“朱家角是上海保存最完整的江南水乡古镇。”"))).drafts]
    assert titles_and_bodies[0][0] == "古镇迎来外国游客" and len(titles_and_bodies) == 1
    assert "昆曲快闪巡演，让游客们" in titles_and_bodies[0][1]


def test_a_sentence_with_a_dash_cut_where_a_word_runs_on_below_is_text_not_a_kicker_and_title():
    """A sentence explaining with a dash (……将军县——江西省吉安市吉安县，位于吉泰走) reads like a
    kicker run into its title; cut by a column where a word runs on into the line below (走|廊),
    it is the first part of that paragraph, as a headline line is (seed 4422)."""
    kinds = _kinds("吉安高新区：“两化融合”构筑绿色产业集聚高地", "□本报记者冯 勇",
                   "吉安高新区，地处著名的将军县——江西省吉安市吉安县，位于吉泰走",
                   "廊核心区域，2015年9月升级为国家高新区。")
    assert [kind for _, kind in kinds] == ["headline", "byline", "body", "body"]


def test_a_sentence_with_a_dash_cut_after_a_verb_never_said_without_its_object_is_text():
    """A verb like 位于 is never said without what follows it (a place): a sentence explaining
    with a dash cut after one (……将军县——江西省吉安市吉安县，位于) is text cut off by a column,
    not a kicker run into its title, though no word runs on across the cut (位于|吉泰)."""
    page = _page("吉安高新区：“两化融合”构筑绿色产业集聚高地", "□本报记者冯 勇",
                 "吉安高新区，地处著名的将军县——江西省吉安市吉安县，位于",
                 "吉泰走廊核心区域，2015年9月升级为国家高新区。")
    drafts = reflow_page(segment_page(page)).drafts
    assert [draft.title for draft in drafts] == ["吉安高新区：“两化融合”构筑绿色产业集聚高地"]
    assert "江西省吉安市吉安县，位于吉泰走廊核心区域" in drafts[0].body


def test_a_caption_and_its_credit_on_one_line_are_split():
    kinds = _kinds("工程新疆段，东天山山区架设导线。　　吴世平摄")
    assert kinds == [("工程新疆段，东天山山区架设导线。", "caption"), ("吴世平摄", "furniture")]


def test_the_whole_credit_is_split_from_its_caption_even_when_it_holds_a_wide_space():
    kinds = _kinds("工作人员进行设备运维。 新华社记者  江宏景摄（影像中国）")
    assert kinds == [("工作人员进行设备运维。", "caption"), ("新华社记者  江宏景摄（影像中国）", "furniture")]


def test_a_sentence_that_places_people_in_a_picture_is_a_caption_without_a_credit_beside_it():
    kinds = _kinds("努力寻找药物合成的最优解", "本报记者 黄晓慧", "马大为（中）在与学生讨论课题。",
                   "碳和碳杂键的偶联反应。但苛刻的反应条件，使得适用这一反应的底物很少。")
    assert kinds[2] == ("马大为（中）在与学生讨论课题。", "caption")
    assert kinds[3][1] == "body"


def test_a_data_source_line_with_its_chart_credit_is_a_caption():
    kinds = _kinds("数据来源：国家数据局　　福建省数据管理局  制图：张芳曼")
    assert kinds == [("数据来源：国家数据局　　福建省数据管理局", "caption"), ("制图：张芳曼", "furniture")]


def test_a_credit_wrapped_onto_the_next_line_takes_its_first_words_from_the_caption():
    page = normalize_page(Page("t.txt", (Line(1, "位于广东省东莞市的中国散裂中子源。 新华社"), Line(2, "记者  毛思倩摄"))))
    kinds = [(b.text, b.kind.value) for b in classify_blocks(page)]
    assert kinds == [("位于广东省东莞市的中国散裂中子源。", "caption"), ("新华社", "furniture"),
                     ("记者  毛思倩摄", "furniture")]


@pytest.mark.parametrize("line", ["本报记者  王  珂 通讯员 周宇", "□ 湖南日报记者  曹  娴  彭可心", "新华社记者  叶  婧",
                                  "文/刘温馨"])
def test_bylines_in_every_form(line):
    assert _kinds("标题在此", line, "正文第一句在这里结束。")[1] == (_page(line).lines[0].text, "byline")


def test_a_box_label_under_a_byline_stays_a_heading_and_a_cut_first_paragraph_is_text():
    assert _kinds("科学家精神", "本报记者 曹文轩", "人物小传", "郑学勤，1929年7月生。")[2] == ("人物小传", "headline")
    assert _kinds("高新区新闻", "本报记者 张晔", "近日一批消防新装备在徐州高新区亮", "相，引来市民围观。")[2][1] == "body"


def test_a_figure_alone_is_a_data_box_number_and_continues_no_sentence():
    fragments = list(classify_blocks(_page("一项软件服务，大幅降低企业停产风险", "本报记者 窦瀚洋", "11.1%",
                                           "一年多前，前川电机打算对自动化系统进行一次智能化改造。")))
    joins, _ = choose_joins(fragments, lambda e, s: 0.5, TagModel([b.text for b in fragments]))
    assert joins == ()


def test_a_lone_name_under_a_title_is_a_byline_only_when_it_opens_with_a_surname():
    assert _kinds("保持好状态  延续好势头（快评）", "刘志强", "投资增速由降转增，物价温和上涨。")[1][1] == "byline"
    assert _kinds("四组数据看雄安", "集聚发展", "从家出发到办公室，只花了15分钟。")[1][1] != "byline"


def _head(*lines: str):
    blocks = [b for b in classify_blocks(_page(*lines)) if b.kind in (Kind.HEADLINE, Kind.LABEL, Kind.BYLINE)]
    return parse_head(blocks, ())


@pytest.mark.parametrize("lines, title", [
    (("信息高速流转“家门口”就能找到合", "作伙伴"), "信息高速流转“家门口”就能找到合作伙伴"),  # 合作伙伴 runs across
    (("攻关关键核心技术支撑高水平科技自", "立自强"), "攻关关键核心技术支撑高水平科技自立自强"),
    (("灭隐患于无形：“编外消防员”24小时在", "岗"), "灭隐患于无形：“编外消防员”24小时在岗"),  # 在 needs its object
    # A word broken at the line's end (培|育, 企|业, 策|源地): the rest is the title's, however long.
    (("数字经济赋能千行百业 智能制造加速培", "育新质生产力"), "数字经济赋能千行百业 智能制造加速培育新质生产力"),
    (("新材料产业园：以链长制推动上下游企", "业协同发展壮大"), "新材料产业园：以链长制推动上下游企业协同发展壮大"),
    (("滨海新区十年布局一朝见效 区域科技创新策", "源地加速崛起"), "滨海新区十年布局一朝见效 区域科技创新策源地加速崛起"),
    # A line stopped mid-phrase (……的): the rest is the title's, however long.
    (("滨海高新区 打造有温度的", "“人才家园”"), "滨海高新区 打造有温度的“人才家园”"),
    # A park's title is whole: a line under it too short for a headline is its end.
    (("滨海高新区：打造区域创新", "高地"), "滨海高新区：打造区域创新高地"),
    (("滨海高新区：推动产业链供应链", "深度融合"), "滨海高新区：推动产业链供应链深度融合"),
])
def test_the_end_of_a_title_line_the_column_wrapped_is_no_title_of_its_own(lines, title):
    parts = _head(*lines)
    assert (parts.kicker, parts.title) == ("", title)


@pytest.mark.parametrize("lines", [
    ("滨海高新区：打造区域科技创新策源地——访滨海高新区管委会主任李明", "本报记者 王明"),  # one block, as a tool joins it
    ("滨海高新区：打造区域科技创新策源地——", "访滨海高新区管委会主任李明", "本报记者 王明"),
])
def test_a_dash_after_a_whole_title_opens_its_subtitle(lines):
    """A park's name and a colon open a whole title: a dash after it opens what stands under it."""
    parts = _head(*lines)
    assert (parts.kicker, parts.title, parts.deck) == ("", "滨海高新区：打造区域科技创新策源地", "——访滨海高新区管委会主任李明")


def test_a_column_name_or_a_subtitle_under_a_parks_title_is_no_end_of_it():
    assert _head("滨海高新区：打造区域创新高地", "一周要闻").section == "一周要闻"
    parts = _head("滨海高新区：打造区域创新高地", "让更多科技成果走向市场")
    assert (parts.title, parts.deck) == ("滨海高新区：打造区域创新高地", "让更多科技成果走向市场")


def test_a_kicker_and_its_title_that_no_word_runs_across_stay_apart():
    parts = _head("一季度新签约项目同比增长三成", "滨海高新区跑出招商加速度")
    assert (parts.kicker, parts.title) == ("一季度新签约项目同比增长三成", "滨海高新区跑出招商加速度")


def test_a_short_line_under_a_title_that_ends_it_not_is_kept_apart():
    """A column's name (短波) under a title, or a stray piece of another head (伐) under one
    that ends whole, is no end of that title."""
    assert "举办伐" not in _head("科研助理岗位大学生专场招聘活动举办", "伐").title
    assert "合作短波" not in _head("开放合作", "短波").title


def test_a_stack_splits_into_label_kicker_title_subtitle_and_byline():
    parts = _head("开发区动态", "带动上下游投资超千亿元", "疆电千里入巴渝（经济新方位·重大工程一线）",
                  "——着力推进全年经济工作", "□ 本报记者  李亚楠  姜  峰")
    assert (parts.section, parts.kicker, parts.title) == ("开发区动态", "带动上下游投资超千亿元",
                                                          "疆电千里入巴渝（经济新方位·重大工程一线）")
    assert parts.deck == "——着力推进全年经济工作" and parts.byline == "本报记者  李亚楠  姜  峰"


@pytest.mark.parametrize("lines", [
    ("合肥高新区：量子产业集群加速成形", "让科研成果从实验室走向生产线"),
    ("聚焦主导产业 打造创新高地", "合肥高新区：量子产业集群加速成形", "园区企业去年营收突破千亿元"),
    # a series line whose dash ends a kicker-like part: the park's title is still the title
    ("奋进新征程 建功新时代——国家高新区十年成就巡礼", "合肥高新区：量子产业集群加速成形", "园区企业去年营收突破千亿元"),
])
def test_a_park_title_with_its_colon_is_the_title_and_the_lines_under_it_its_subtitle(lines):
    """A park's name and a colon open the title (no kicker stands under a title): the line
    under it is its subtitle, the one above its kicker."""
    parts = _head(*lines)
    assert parts.title == "合肥高新区：量子产业集群加速成形"
    assert parts.kicker.replace(" ", "") == ("".join(lines[0].split()) if len(lines) == 3 else "")
    assert parts.deck == lines[-1]


@pytest.mark.parametrize("lines, kicker, title, deck", [
    (("来温州高新区 感受智能制造的“硬实力”", "让更多科技成果从“书架”走向“货架”"),
     "", "来温州高新区 感受智能制造的“硬实力”", "让更多科技成果从“书架”走向“货架”"),
    (("让更多科技成果从“书架”走向“货架”", "温州高新区聚力培育双创载体"),
     "让更多科技成果从“书架”走向“货架”", "温州高新区聚力培育双创载体", ""),
    (("温州高新区携手共建产业园", "杭州高新区让更多科技成果走向“货架”"),
     "温州高新区携手共建产业园", "杭州高新区让更多科技成果走向“货架”", ""),
], ids=["park-line-over-a-theme", "theme-over-a-park-line", "two-park-lines"])
def test_of_two_unmarked_lines_the_one_naming_a_park_is_the_title(lines, kicker, title, deck):
    """A kicker or a subtitle states a theme, a title names what the story is about: of two lines
    that no dash or colon marks, the only one naming a park is the title, the other stands above
    it as its kicker or under it as its subtitle. Otherwise the kicker stands above the title."""
    parts = _head(*lines, "本报记者 方明", "今年以来，园区加快建设，一批项目集中开工。")
    assert (parts.kicker, parts.title, parts.deck) == (kicker, title, deck)


def test_of_two_unmarked_lines_the_one_its_first_paragraph_takes_up_is_the_title():
    # Two titles read as one stack, the park's above another story's: the text under the stack
    # is the story its first paragraph takes up the words of, whatever park the other names.
    blocks = [b for b in classify_blocks(_page("有“点赞之交”还不够 温州高新区玩转“顶级”朋友圈", "科技部火炬中心召开巡视整改专题民主生活会",
                                               "本报记者 方明", "按照部党组统一部署，火炬中心近日召开巡视整改专题民主生活会。"))
              if b.kind in (Kind.HEADLINE, Kind.BYLINE)]
    opening = "按照部党组统一部署，科技部火炬中心近日召开巡视整改专题民主生活会，领导班子逐一发言。"
    assert parse_head(blocks, (), opening).title == "科技部火炬中心召开巡视整改专题民主生活会"
    assert parse_head(blocks, ()).title == "有“点赞之交”还不够 温州高新区玩转“顶级”朋友圈"


@pytest.mark.parametrize("lines, title", [
    (("增强内生动力，", "激发新区活力（今日谈）"), "增强内生动力，激发新区活力（今日谈）"),
    (("为黑土地“体检”", "推动节粮减损"), "为黑土地“体检”  推动节粮减损"),
    (("老厂焕新，创新是关键", "（编辑手记）"), "老厂焕新，创新是关键（编辑手记）"),
])
def test_a_title_printed_in_two_lines_is_one_title(lines, title):
    assert _head(*lines, "韩春瑶", "老厂焕新的故事从这里讲起。").title == title


def test_a_subhead_is_no_new_article_and_a_byline_is():
    page = _page("新年伊始，这些小变化传递积极信号（经济新方位）", "本报记者", "购买智能眼镜享受“国补”。",
                 "消费：“国补”再开启，海南离岛免税新政更给力", "元旦假期，山东济南市民订购了一台彩电。",
                 "让好政策能落地、见成效（编辑手记）", "文/祁嘉润", "购物、出行、育儿、办企，一系列操作性强的政策落地。")
    titles = [d.title for d in reflow_page(segment_page(page)).drafts]
    assert titles == ["新年伊始，这些小变化传递积极信号（经济新方位）", "让好政策能落地、见成效（编辑手记）"]


def test_a_word_broken_at_a_line_end_is_strong_evidence_and_a_clean_break_none():
    assert junction_gain("寻访非遗十二木卡", "姆的传承人。") > 10
    assert junction_gain("赋能企业治理", "减少政企间“认知误差”") == 0
    assert start_evidence("的过程中，企业") > 0 and start_evidence("近年来，武进高新区") == 0


@pytest.mark.parametrize("term", ["科技创新", "营商环境", "成都高新区"])
def test_a_word_the_segmenter_adds_is_tagged_a_name_not_punctuation(term):
    """Domain terms and zone names are cut whole; tagged x (jieba's class for punctuation) a
    preposition before one would read like the end of a sentence."""
    ((word, flag),) = tag(term)
    assert word == term and flag.startswith("n")
    page_text = ["加强以科技创新为核心的全面创新。", "坚持以营商环境为抓手，推进改革。", "支持成都高新区建设。",
                 "我们加强合作。", "目前，园区发展很快。", "一是建立体系。"]
    assert TagModel(page_text).continuation_odds("获批机遇，加强以", "科技创新为核心的全面创新。") > 0


@pytest.mark.parametrize("left, right", [("单台容量约40万", "千瓦，堪称“电力心脏”。"),
                                         ("来自泰国的松猜穿过一座座", "古桥，感叹不已。")])
def test_a_quantity_broken_by_the_layout_is_evidence_for_a_join(left, right):
    assert broken_quantity(left, right)
    assert not broken_quantity("穿过古镇", "古桥，感叹不已。")


@pytest.mark.parametrize("left, right", [("产值近", "210亿元，在生物疫苗等方面形成特色。"),
                                         ("总投资约", "30%来自社会资本。"), ("共计", "12座厂房交付使用。")])
def test_a_word_said_only_before_a_figure_and_the_figure_are_one_phrase(left, right):
    assert figure_after_its_lead(left, right)
    assert not figure_after_its_lead(left, "三是“育引用留”并举打造人才高地。")  # an enumeration, no figure
    assert not figure_after_its_lead(left, "2021年，兰州高新区生产总值突破300亿元。")  # a date opens a paragraph
    assert not figure_after_its_lead("产值", right)
    assert not figure_after_its_lead("全市累计", right)  # 累计 goes on with a verb as often (累计对外发布)


@pytest.mark.parametrize("left, right", [("此外，唐山高新区设立了", "2000万元规模的创业孵化基金，供各类人才免息使用。"),
                                         ("全年营业收入同比增长了", "15.3%，增速居全省首位。"),
                                         ("当年就完成了", "32家企业的燃煤锅炉改造。")])
def test_a_bare_verb_with_its_aspect_particle_and_a_figure_are_one_phrase(left, right):
    """A verb and its aspect particle left with no mark after them (设立了) still want their object:
    a figure that opens a fragment (2000万元) is it, as surely as after 近 or 约."""
    assert figure_after_its_lead(left, right)
    assert not figure_after_its_lead(left, "2021年，兰州高新区生产总值突破300亿元。")  # a date opens a paragraph
    assert not figure_after_its_lead("他们的企业", right)  # no verb: a subject, not a figure's lead


def test_a_figure_cut_from_the_word_that_states_it_is_joined_across_columns():
    """产值近|210亿元: the start is the figure 近 states, though 近来 reads as a word across
    another junction (发展起|来): the two are one phrase as surely as the halves of a word."""
    page = _page("兰州高新区：建西北地区重要科创中心", "本报记者 袁涛",
                 "二是新兴产业支撑高质量发展。兰州高新区聚焦生物医药首位产业，生物医药企业达到200多家、产值近",
                 "产业园区合作共建经验分析", "本报记者 王娟", "产业园区合作共建作为区域经济合作的新型模式，在产业转移的基础上发展起",
                 "210亿元，在生物疫苗、多肽创新药研发等方面形成了鲜明特色。", "来，是区域协调发展战略的一项重要举措。")
    drafts = {d.title: [p.text for p in d.paragraphs] for d in reflow_page(segment_page(page)).drafts}
    assert drafts["兰州高新区：建西北地区重要科创中心"] == [
        "二是新兴产业支撑高质量发展。兰州高新区聚焦生物医药首位产业，生物医药企业达到200多家、产值近210亿元，"
        "在生物疫苗、多肽创新药研发等方面形成了鲜明特色。"]
    assert drafts["产业园区合作共建经验分析"] == [
        "产业园区合作共建作为区域经济合作的新型模式，在产业转移的基础上发展起来，是区域协调发展战略的一项重要举措。"]


def test_the_two_halves_of_a_quotation_broken_across_columns_are_joined():
    assert open_pairs("仍难以攻克“数据是否真实、问题出") and not open_pairs("他说：“好。”然后")
    assert pairs_closed_unopened("在哪里、该怎么改进”等更深层次的管理问题。")
    assert not pairs_closed_unopened("“我们是第一次见。”一位居民说。")
    page = _page("数字化改造", "本报记者 张晔", "传统系统仍难以攻克“数据是否真实、问题出",
                 "另一篇文章", "本报记者 李亚楠", "在哪里、该怎么改进”等更深层次的管理问题。")
    paragraphs = [p.text for d in reflow_page(segment_page(page)).drafts for p in d.paragraphs]
    assert "传统系统仍难以攻克“数据是否真实、问题出在哪里、该怎么改进”等更深层次的管理问题。" in paragraphs


def test_a_bracket_broken_across_columns_is_joined_like_a_quotation():
    """A dateline's credit cut inside its bracket (（记者 吕强 通讯员 梁|娟）) goes on where the
    bracket closes, far down the page; a bracket closed past the first clause is no such tail
    (a piece of the line the copy tore out: 纲要|年）》)."""
    assert open_pairs("本报讯（记者 吕强 通讯员 梁") == {"（）"}
    assert pairs_closed_unopened("娟）7月22日，培训班开班。") == {"（）"}
    assert pairs_closed_unopened("若干意见》印发以来，园区加快发展。") == {"《》"}
    assert not pairs_closed_unopened("2012年3月，国务院同意批复《东湖发展规划纲要年）》。")
    page = _page("2022年国家高新区科技创新与经济形势分析能力提升培训班开班", "本报讯（记者 吕强 通讯员 梁",
                 "泉州高新区：向新实体经济转型 建“一区十园”创新高地",
                 "本报泉州3月1日电（记者 卢子涵）近年来，泉州高新区坚持以建设国家自主创新示范区为核心任务。",
                 "目前，泉州高新区包括主园区、鲤城园、石狮园等“一区十园”，拥有各类企业4740余家。",
                 "娟）7月22日，在科技部战略规划司的指导和支持下，科技部火炬中心举办的培训班在京开班。",
                 "来自各地高新区管委会的100余名学员参加培训。")
    drafts = reflow_page(segment_page(page)).drafts
    opening, rest = (p.text for p in drafts[0].paragraphs)
    assert opening.startswith("本报讯（记者 吕强 通讯员 梁娟）7月22日，") and rest.startswith("来自各地高新区")


def _zone_page(third: str) -> Page:
    return _page("兰白国家自主创新示范区：欠发达地区改革创新样本“复盘”",
                 "武进高新区：“三生和谐”“三链融合”推进高质量发展", "文/朱超",
                 "近年来，武进高新区以“发展高科技，实现产业化”为己任，坚持“三生和谐”，推进高质量发展。",
                 "武进高新区坚持产业链、创新链、人才链“三链融合”，集聚高新技术企业300余家。", third,
                 "与此同时，位于兰州高新区科技新城的甘肃伯福江3D打印科技有限公司，董事长孙国琴正忙着对接订单。")


def test_a_head_left_without_text_takes_the_run_that_tells_of_its_zone():
    """A title whose story the copy read on under another head (no dateline, a lead that does
    not restate it) takes the paragraph where the other text turns to its zone: its park, or
    for a demonstration zone one of the parks it is made of (兰白自创区: 兰州, 白银高新区)."""
    lead = "“我们的空气热泵以二氧化碳为冷媒，零下30摄氏度仍能稳定制热。”落地白银高新区后，董事长何铭笑称“有如神助”。"
    drafts = reflow_page(segment_page(_zone_page(lead))).drafts
    assert [[p.text[:6] for p in d.paragraphs] for d in drafts] == [["“我们的空气", "与此同时，位"],
                                                                     ["近年来，武进", "武进高新区坚"]]
    # ... or its first paragraph, the other title's own lead standing further down
    page = _page("兰白国家自主创新示范区：欠发达地区改革创新样本“复盘”", "泉州高新区：向新实体经济转型 建“一区十园”创新高地",
                 "本报讯（记者 卢子涵）" + lead, "近年来，泉州高新区坚持以建设国家自主创新示范区为核心任务。",
                 "目前，泉州高新区包括主园区、鲤城园、石狮园等“一区十园”，拥有各类企业4740余家。")
    assert [len(d.paragraphs) for d in reflow_page(segment_page(page)).drafts] == [1, 2]
    # a paragraph naming the other article's park too is that article's (the one after it
    # names only 兰州高新区, of 兰白's zone: it goes to 兰白 on its own)
    shared = lead.replace("落地白银高新区后", "从武进高新区落地白银高新区后")
    drafts = reflow_page(segment_page(_zone_page(shared))).drafts
    assert [[p.text[:6] for p in d.paragraphs] for d in drafts] == [["与此同时，位"],
                                                                     ["近年来，武进", "武进高新区坚", "“我们的空气"]]


def test_an_article_left_without_text_is_reported_to_the_editor():
    """A title whose text the copy read elsewhere (a park's title right over another head) stays
    an article, with no text of its own: the editor is told where, not left to find it."""
    page = _page("成都高新区：让产业齿轮精准咬合", "武汉东湖高新区：新兴产业重要策源地", "本报记者 张晔",
                 "本报武汉3月1日电 2012年3月，国务院同意批复《东湖国家自主创新示范区发展规划纲要》，"
                 "武汉东湖高新区进入跨越式发展时期。",
                 "“十三五”期间，武汉东湖高新区经济迈上新台阶，主要经济指标位居武汉市前列。")
    layout = reflow_page(segment_page(page))
    assert [(d.title, len(d.paragraphs)) for d in layout.drafts] == [
        ("成都高新区：让产业齿轮精准咬合", 0), ("武汉东湖高新区：新兴产业重要策源地", 2)]
    assert [str(w) for w in layout.warnings] == [
        "t.txt:1: warning: article «成都高新区：让产业齿轮精准咬合» has no text of its own; its text may stand "
        "under another title — check the page and move the text under its title"]


def test_reflow_glues_a_sentence_broken_across_columns():
    page = _page("高新区新闻", "本报记者 张晔", "近日，一批消防新装备在徐州高新区亮", "“我们是第一次见。”一位居民说。",
                 "相，引来不少市民围观。")
    [draft] = reflow_page(segment_page(page)).drafts
    assert "徐州高新区亮相，引来不少市民围观。" in draft.body


def test_every_block_of_a_stack_is_reported_with_its_part():
    page = _page("人民日报", "2026年1月8日 星期四", "带动上下游投资超千亿元", "疆电千里入巴渝（经济新方位）",
                 "本报记者 李亚楠", "广袤的戈壁滩上，风机叶片缓缓转动。")
    roles = {r.role for r in reflow_page(segment_page(page)).line_roles}
    assert {"furniture", "kicker", "title", "byline", "body"} <= roles


def test_a_line_that_ends_a_sentence_and_runs_on_into_a_broken_word_is_text_not_a_kicker():
    page = _page("商业航天：“高热度”下的“冷思考”（深度观察）", "本报记者  刘诗瑶",
                 "装测试周期从传统的3—4个月大幅缩短到1—1.5个月。", "这一效率变革正在稳步拓展。",
                 "“批量‘造星’指日可待！”微纳星空副总经理程楠介绍，公司的智能化产线将单星总",
                 "2026，一个可期待的商业航天大年", "文/盛英华", "商业航天是培育新质生产力的重要力量。")
    drafts = reflow_page(segment_page(page)).drafts
    assert [(d.title, d.kicker) for d in drafts] == [("商业航天：“高热度”下的“冷思考”（深度观察）", ""),
                                                    ("2026，一个可期待的商业航天大年", "")]
    assert "单星总" in drafts[0].body


_PACKAGE = ("走进产业链上的“链主”企业（园区观察）", "链主企业带动上下游协同发展，园区产业生态日益完善。",
            "苏州工业园区纳米城——", "小材料撬动大市场", "本报记者  王  强", "纳米材料企业在这里从实验室走向市场。")


@pytest.mark.parametrize("stack, heads", [
    # a park's name and a colon open a title
    (("创新引领", "西安高新区：硬科技企业加速成长", "本报记者  李  明"), ["西安高新区：硬科技企业加速成长"]),
    # two bylines under three lines: heads printed side by side, not one story (which head each
    # line belongs to the stack does not say; the title taken is one of its lines)
    (("聚力产业升级", "两家园区签约共建", "首批共建项目集中开工", "本报记者  李  明", "本报记者  赵  华"), None),
])
def test_a_stack_that_is_no_packages_story_opens_an_article_of_its_own(stack, heads):
    """A package's stories are its sections: a kicker (or a company's name), a title, one reporter.
    A park's title with its colon, or a stack signed by two bylines, is another article's head."""
    titles = _titles(*_PACKAGE, *stack, "西安高新区硬科技企业今年新增三百家，园区营收增长一成。")
    assert titles[0] == "走进产业链上的“链主”企业（园区观察）"
    assert titles[1:] == heads if heads else len(titles) == 2 and titles[1] in stack


def _joined(*lines: str, fit: float, same_article=lambda a, b: True) -> tuple[list[tuple[int, int]], list]:
    """The junctions chosen on a page of these lines (left and right block), and the breaks: every
    start fits every end's subject by `fit`."""
    fragments = list(classify_blocks(_page(*lines)))
    tags = TagModel([b.text for b in fragments if b.kind is Kind.BODY])
    joins, breaks = choose_joins(fragments, lambda e, s: fit, tags, None, same_article)
    return [(j.left_block, j.right_block) for j in joins], sorted(breaks)


@pytest.mark.parametrize("dateline", ["本报讯（记者 王丽）", "本报合肥4月2日电（记者许敏）", "央视网消息：",
                                      "央广网合肥4月2日消息（记者许敏）"])
def test_a_dateline_goes_on_no_sentence(dateline):
    """A dateline opens a story's first paragraph: however well it would fit a sentence left open
    right above it, it is never that sentence's continuation."""
    joins, _ = _joined("近日，芜湖高新区召开企业服务大会，会上发布了支持科技企业",
                       f"{dateline}发展的若干政策措施，涉及人才、金融和产业等多个方面。", fit=1.0)
    assert joins == []


@pytest.mark.parametrize("dash_line", ["——来自昆明高新区的调查", "——国家高新区一线见闻", "——访西安高新区管委会主任", "——编者"])
def test_a_line_under_a_dash_goes_on_into_no_text(dash_line):
    """A line opened by a dash and read under text is whole: a subtitle the extraction tool read
    away from its title, or a signature. The piece right under it goes on the sentence left open
    elsewhere (……山西转型综合 / 示范区引进……: a name the page prints whole), never the dash line."""
    joins, _ = _joined("2017年以来，全省开发区积极抓规划、抓改革、抓项目，改革创新取得突破性进展。", dash_line,
                       "示范区引进建设了中电科（山西）电子信息科技创新产业园等一批项目。",
                       "近日从山西转型综合示范区晋中开发区传来喜讯，山西中聚晶科半导体有限公司获评一等奖。去年，山西转型综合",
                       "吉林“大健康产业航母”启航", fit=0.5)
    assert joins == [(3, 2)]


@pytest.mark.parametrize("named_above, joined", [("广东省小型微型企业创业创新示范基地", [(3, 2)]), ("省级小微双创基地", [])])
def test_a_sentence_goes_on_where_the_two_sides_make_a_phrase_the_page_prints_elsewhere(named_above, joined):
    """No dictionary word spans 国家级小型微型|企业创业创新示范基地, and the piece read next opens a
    paragraph of its own; the page names the same 小型微型企业创业创新示范基地 above, and that says
    the sentence goes on there. Without the name printed elsewhere the end stays open."""
    joins, _ = _joined("广州高新区再添省级小微双创基地", f"近日，广州高新区的两家园区获得“{named_above}”授牌。",
                       "企业创业创新示范基地、广东省科技企业加速器，目前已有众多企业入驻。",
                       "华南新材料创新园先后被认定为国家级科技企业孵化器、国家备案众创空间、国家级小型微型",
                       "当前，广州高新区集聚中小型企业近4万家。", fit=0.2)
    assert joins == joined


def test_a_join_sure_against_every_rival_stands_even_when_it_closes_a_loop_in_the_reading_order():
    # The head's first column was extracted after its second: the last fragment's sentence
    # (…单星总) goes on right under the byline (装测试…), which reads as a loop 2→3→4→2.
    joins, _ = _joined("商业航天：“高热度”下的“冷思考”（深度观察）", "本报记者  刘诗瑶",
                       "装测试周期从传统的3—4个月大幅缩短到1—1.5个月，最快可实现每天1颗卫星下线。",
                       "这一效率变革正在稳步拓展，多家企业实现卫星核心部件规模化生产。",
                       "“批量‘造星’指日可待！”微纳星空副总经理程楠介绍，公司的智能化产线将单星总", fit=0.2)
    assert joins == [(4, 2)]


def test_a_loop_in_one_story_is_not_repaired_with_a_sentence_left_open_in_another():
    """The story's first column was extracted after its second (…单星总 / 装测试…): a loop. It
    says a column breaks inside the story, not whose sentence goes on there. A sentence left
    open in the same story may (……包括卫星企业 / 在内的多家企业……); one the last round gave to
    another article is no evidence, and the loop is cut instead."""
    lines = ("西安高新区硬科技企业今年新增三百家", "西安高新区今年新增硬科技企业三百家，园区营收增长一成，包括卫星企业",
             "商业航天：“高热度”下的“冷思考”（深度观察）", "本报记者  刘诗瑶",
             "装测试周期从传统的3—4个月大幅缩短到1—1.5个月，最快可实现每天1颗卫星下线。",
             "在内的多家企业实现卫星核心部件规模化生产，这一效率变革正在稳步拓展。",
             "“批量‘造星’指日可待！”微纳星空副总经理程楠介绍，公司的智能化产线将单星总")
    assert _joined(*lines, fit=0.2) == ([(1, 5), (6, 4)], [])
    assert _joined(*lines, fit=0.2, same_article=lambda a, b: (a < 2) == (b < 2)) == ([(6, 4)], [(5, 6)])


def test_a_package_goes_on_past_a_boxed_item_set_among_its_stories():
    page = _page("从三家景区看“中国游”如何圈粉", "一段时间以来，各地不断推出特色旅游项目。",
                 "上海青浦区朱家角古镇——", "在江南水乡  寻文化之美", "本报记者  曹玲娟", "坐上手摇船，河道窄窄、水波荡漾。",
                 "政策助力入境游热度高涨", "（链接）", "本报记者  王  珂", "文旅市场欣欣向荣，政策助力是重要因素。",
                 "湖南湘西凤凰古城——", "赴沱江之畔  享贴心服务", "本报记者  杨  迅", "凤凰古城的吊脚楼倒映在碧绿的沱江里。")
    drafts = reflow_page(segment_page(page)).drafts
    assert [d.title for d in drafts] == ["从三家景区看“中国游”如何圈粉", "政策助力入境游热度高涨（链接）"]
    assert "吊脚楼" in drafts[0].body and "吊脚楼" not in drafts[1].body


def test_a_brief_keeps_its_dateline_paragraph_and_not_another_articles_column_after_it():
    page = _page("国家老年大学设立8.2万个基层学习点",
                 "本报北京3月23日电（记者吴月）记者从国家老年大学获悉：全国已设立老年教育基层学习点8.2万个。",
                 "好友驱车近一个小时来到新粮仓文化商业合集。这座老粮库改造的商场里，红砖墙与玻璃幕墙相映成趣。",
                 "新粮仓文化商业合集运营负责人介绍，老粮库商场开业以来客流超过千万人次。",
                 "这些老厂房，越来越年轻（探访·城市更新）", "本报记者 祝佳祺",
                 "周末一大早，合肥新粮仓文化商业合集里，老粮库改造的商场人头攒动。",
                 "家住合肥的徐志是摄影爱好者，常来老粮库商场拍红砖墙。")
    drafts = reflow_page(segment_page(page)).drafts
    assert [d.title for d in drafts] == ["国家老年大学设立8.2万个基层学习点", "这些老厂房，越来越年轻（探访·城市更新）"]
    assert "红砖墙与玻璃幕墙" in drafts[1].body and "红砖墙与玻璃幕墙" not in drafts[0].body


def test_a_line_that_closes_the_bracket_left_open_above_is_the_end_of_that_line():
    kinds = _kinds("工作人员在子午工程二期进行设备运维。新华社记者  江宏景摄（人民", "视觉）")
    assert kinds == [("工作人员在子午工程二期进行设备运维。", "caption"), ("新华社记者  江宏景摄（人民视觉）", "furniture")]
    assert _head("运用法治力量提升居住质量（改革再深化", "奋进新征程·代表委员履职故事）").title == \
        "运用法治力量提升居住质量（改革再深化奋进新征程·代表委员履职故事）"


@pytest.mark.parametrize("subhead", [
    # inside its quotation: the line closes the quotation the line above left open (as a bracket)
    "赋能企业治理 减少政企间“认\n知误差”", "◆“探索‘生态+’发展\n轨道”", "让创业者心安：构建“创新强\n磁场”",
    # the short rest of a heading set wider than its column
    "创造“不冒烟”的\nGDP", "一、产业园区合作共建的内容及\n特点", "步步为营：构筑绿色持续发展新\n高地"])
def test_a_subhead_wrapped_in_one_block_of_a_copy_is_one_subhead_not_the_opening_of_the_paragraph_under_it(subhead):
    """An extraction tool gives a heading set wider than its column as one block of two lines,
    the line under it its rest: on a page whose blocks stand apart, that line is the heading's
    end, wrapped, when it closes the quotation left open above or is too short to be a head."""
    drafts = reflow_page(segment_page(_page(
        "成都高新区：让产业齿轮精准咬合", "本报记者 何子涵",
        "不久前，成都高新区发布《关于深化产业培育实现高质量发展若干政策意见》，提出每年设立专项资金。",
        subhead,
        "为实现破局，业界共治应运而生。理事会成员由政府、企业、中介机构和专家组成。"))).drafts
    assert len(drafts) == 1
    paragraphs = [(p.text, p.subhead) for p in drafts[0].paragraphs]
    assert (subhead.replace("\n", ""), True) in paragraphs
    assert paragraphs[-1] == ("为实现破局，业界共治应运而生。理事会成员由政府、企业、中介机构和专家组成。", False)


def test_lines_of_a_page_typed_without_blank_lines_are_no_wrapped_heading():
    """A page with no blank lines says nothing by a line standing right under another: a quoted
    title over a column's name (“为最终解决能源问题贡献中国智慧” / 县域经济) stays two lines."""
    kinds = _wrapped_page("中国科学院合肥物质科学研究院副院长宋云涛：", "“为最终解决能源问题贡献中国智慧”", "县域经济",
                          "2025年1月20日，我国有“人造太阳”之称的全超导托卡马克核聚变实验装置成功运行1066秒，创造新的世界纪录。")
    assert [b.text for b in classify_blocks(kinds)][1:3] == ["“为最终解决能源问题贡献中国智慧”", "县域经济"]


@pytest.mark.parametrize("dateline", ["本报讯（记者 周立新 通讯员 何静）", "本报讯", "湖北日报讯（记者刘洋）",
                                      "新华社电", "本报合肥4月2日电（记者许敏）", "央视网消息", "央广网合肥4月2日消息"])
def test_a_headline_over_a_dateline_opens_an_article_even_after_finished_text(dateline):
    """A dateline opens a brief's first paragraph, dated (本报合肥4月2日电) or not (本报讯, 湖北日报讯):
    the headline right above it is the brief's title, not a subhead of the article before."""
    titles = _titles("芜湖高新区新材料产业园开园", "本报记者 陈冬",
                     "近日，芜湖高新区新材料产业园正式开园，首批入驻企业十二家。",
                     "园区负责人表示，将为企业提供全周期服务。",
                     "宜昌高新区举办技能大赛", f"{dateline}近日，宜昌高新区举办第三届职工技能大赛，三百余名选手参赛。",
                     "大赛设置电工、焊工等六个项目。")
    assert titles == ["芜湖高新区新材料产业园开园", "宜昌高新区举办技能大赛"]


@pytest.mark.parametrize("stack, text", [
    (("■园区传真", "常州高新区：智能制造项目集中签约"), "近日，常州高新区举行项目签约仪式，二十个项目落地。"),
    (("■园区传真", "智能制造项目集中签约"), "本报讯（记者 王丽）近日，常州高新区举行项目签约仪式，二十个项目落地。"),
])
def test_a_marked_heading_over_a_park_title_or_a_dateline_opens_an_article(stack, text):
    """■ marks a box inside an article (■链接) and a column's name alike: under it, a park's title
    with its colon or a brief's dateline says an article begins."""
    titles = _titles("芜湖高新区新材料产业园开园", "本报记者 陈冬",
                     "近日，芜湖高新区新材料产业园正式开园，首批入驻企业十二家。", *stack, text)
    assert titles == ["芜湖高新区新材料产业园开园", stack[1]]


def test_a_headline_on_another_park_than_the_article_above_opens_an_article():
    """A subhead stays on its article's subject: a headline naming a park that the text under it
    talks about, after an article on other parks, is the next article's title."""
    story = ("芜湖高新区新材料产业园开园", "本报记者 陈冬", "近日，芜湖高新区新材料产业园正式开园，首批入驻企业十二家。")
    titles = _titles(*story, "宜昌高新区技能大赛落幕", "三百余名选手齐聚宜昌高新区，比拼电工、焊工等六个项目。")
    assert titles == ["芜湖高新区新材料产业园开园", "宜昌高新区技能大赛落幕"]
    # the same park as the article above: a subhead of that article
    titles = _titles(*story, "芜湖高新区企业加速集聚", "今年以来，芜湖高新区新增企业两百家，产值增长一成。")
    assert titles == ["芜湖高新区新材料产业园开园"]


def test_a_park_title_read_under_another_articles_byline_is_a_title():
    """A copy that reads heads side by side row by row puts a title under the byline of the head
    beside it. A line cut from a first paragraph does not open with a park's name and a colon."""
    kinds = dict(_kinds("芜湖高新区新材料产业园开园", "本报记者 陈冬", "宜昌高新区：技能人才成长的沃土",
                        "近日，芜湖高新区新材料产业园正式开园，首批入驻企业十二家，总投资超百亿元。"))
    assert kinds["宜昌高新区：技能人才成长的沃土"] == "headline"


def test_a_briefs_dateline_cut_at_the_lines_end_is_text_not_a_title_and_a_byline():
    """本报讯（记者曾振 — the reporter named in a brief's dateline, the line cut before the bracket
    closes (a narrow column): the line opens a paragraph; no title 本报讯（ with a byline 记者曾振."""
    kinds = _kinds("本报讯（记者曾振", "宇）近日，芜湖高新区认真学习贯彻，努力做好“高”“新”两篇文章。")
    assert [text for text, kind in kinds if kind == "byline"] == []
    assert kinds[0][0] == "本报讯（记者曾振"


@pytest.mark.parametrize("cut", ["本报讯（记者宋丽娟）吉安高新区，地处", "本报讯（记者董桂", "本报南昌7月3日电（记者"])
def test_a_line_that_opens_with_a_dateline_is_text_however_short_a_column_cut_it(cut):
    """A dateline opens a story's first paragraph, never a headline: a short line that opens with
    one is that paragraph cut by a column, and its text goes on elsewhere on the page."""
    assert dict(_kinds(cut))[cut] == "body"
    assert _titles("吉安高新区：“两化融合”构筑绿色产业集聚高地", cut,
                   "江西省吉安市中部，是全省重要的电子信息产业基地，去年营收增长一成。") == [
        "吉安高新区：“两化融合”构筑绿色产业集聚高地"]


def _kind_between_paragraphs(line: str, after: str = "园区还将建设公共研发平台，总投资超百亿元。") -> str:
    """What a short line standing alone between two paragraphs of one article is read as."""
    return dict(_kinds("芜湖高新区新材料产业园开园", "本报记者 陈冬",
                       "近日，芜湖高新区新材料产业园正式开园，首批入驻企业十二家。", line, after))[line]


@pytest.mark.parametrize("opening", ["近年来，武进高新区坚持", "2021年，新签约项目", "同时，园区"])
def test_a_line_that_opens_with_a_time_or_discourse_word_and_a_comma_is_no_headline_alone(opening):
    """Paragraphs open with a time or discourse word and a comma (近年来，目前，同时，2021年，); headlines do
    not: such a short line is a paragraph's opening cut by a column. The same words without
    that opening stay a subhead; above a title, in a stack, the line is still a kicker."""
    assert _kind_between_paragraphs(opening) == "body"
    assert _kind_between_paragraphs(opening.split("，", 1)[1]) == "headline"
    kicker = "2024年，家电零售额较上年增长12.3%"
    assert _titles(kicker, "家电卖出超万亿元，动能在哪里", "本报记者 王珂",
                   "前不久，我国家电消费成绩单出炉，全年销售额超过万亿元。") == ["家电卖出超万亿元，动能在哪里"]
    assert dict(_kinds(kicker, "家电卖出超万亿元，动能在哪里", "本报记者 王珂"))[kicker] == "headline"


def test_a_headline_like_line_whose_word_runs_into_the_paragraph_below_is_that_paragraphs_opening():
    """A column cut inside a word (湖|北省) leaves a short line shaped like a subhead: the word
    running on into the line below says it opens that paragraph. A subhead ends with its word."""
    rest = "北省宜昌市秭归县依托优良生态环境，建设早茶基地，发展特色产业。"
    assert _kind_between_paragraphs("地处三峡库区的湖", rest) == "body"
    assert _kind_between_paragraphs("地处三峡库区的湖", rest[2:]) == "headline"


def test_a_dateline_spaced_out_by_a_justified_column_opens_its_paragraph_under_the_title():
    """A narrow justified column spaces a short line's characters out, and a text tool copies the
    spaces (本 报 北 京 3 月 23 日 电): it is still a dateline, so the title above it is no part of
    a wrapped paragraph, and the brief has its title."""
    assert dateline_opens("本 报 北 京 3 月 23 日 电") and dateline_opens("本报讯（记者吴月）")
    assert not dateline_opens("本 报 记 者 吴 月")
    # cut by the line's end before its 电: the outlet, place and date alone fill the line
    assert dateline_opens("本报北京6月10日") and dateline_opens("本 报 西 安 10 月 30 日")
    assert not dateline_opens("本报北京6月10日举行的会上")
    # ... or inside its date (本报贵阳12月 / 14日电…, seed 2117): outlet, place and month fill the line
    assert dateline_opens("本报贵阳12月") and dateline_opens("本报河北雄安新区3月") and dateline_opens("新华社北京3月2")
    assert not dateline_opens("本报记者张三") and not dateline_opens("本报贵阳12月举行的会上")
    text = ("时代在变，科研的疆域在\n拓展，但这份精神永不过时。\n\n国家老年大学设立8.2万个基层学习点\n"
            "本 报 北 京 3 月 23 日 电\n（记者吴月）记者从国家老\n年大学获悉：目前，国家老\n年大学已在各地设立8.2万个\n"
            "基层学习点，覆盖城乡社区，\n为老年人提供就近便捷的学\n习服务。据介绍，国家老年\n大学还将继续扩大课程资源\n"
            "供给，丰富学习形式。")
    page = normalize_page(Page("t.txt", tuple(Line(i + 1, t) for i, t in enumerate(text.split("\n")))))
    drafts = reflow_page(segment_page(page)).drafts
    assert [d.title for d in drafts] == ["国家老年大学设立8.2万个基层学习点"]
    assert drafts[0].body.startswith("本报北京3月23日电（记者吴月）")  # closed up (normalize)


@pytest.mark.parametrize("tail", ["的内容及特点", "了新的突破"])
def test_a_line_that_opens_with_a_particle_leaning_on_the_word_before_is_no_headline(tail):
    """的 and 了 lean on the word before them: a line that opens with one is the rest of a line
    cut elsewhere (一、产业园区合作共建 / 的内容及特点), never a headline of its own."""
    def kind(line: str) -> str:
        return dict(_kinds("芜湖高新区新材料产业园开园", "本报记者 陈冬",
                           "近日，芜湖高新区新材料产业园正式开园，首批入驻企业十二家。", line,
                           "园区还将建设公共研发平台，总投资超百亿元。"))[line]

    assert kind(tail) == "body"
    assert kind(tail[1:]) == "headline"


@pytest.mark.parametrize("names", [("数说园区", "各地传真"), ("【第二看台】", "创新速递"), ("园镜头", "创新速递")])
def test_column_names_read_apart_from_the_head_under_them_open_no_article_but_name_its_column(names):
    """Two column names with no title (the page's section over a column's name) name the column of
    the head the copy reads next, past a cut line of text: no article of their own."""
    drafts = reflow_page(segment_page(_page(
        "宁波高新区举办企业招聘会", "本报记者 王海", "10月7日，宁波高新区企业招聘会现场，求职者在了解岗位信息。",
        *names, "创空间培育提升计划，加快创新创业孵化平台建设，不断壮大科技", "青岛高新区——", "唐山高新区聚力培育双创载体",
        "本报上海2月6日电（记者欧阳刚）今年以来，唐山高新区着力实施科技企业孵化器和众创空间培育提升计划。"))).drafts
    assert [d.title for d in drafts] == ["宁波高新区举办企业招聘会", "唐山高新区聚力培育双创载体"]
    assert drafts[1].section.split() == [name.strip("【】") for name in names]


@pytest.mark.parametrize("opening", ["严冬时节，不论是煤炭供暖还是燃气供暖，北方城市的空气质量都备受关注。",
                                     "在创新全球化的今天，园区合作的目标不再是简单的技术引进。"])
def test_a_title_between_two_column_names_ending_as_papers_end_them_is_the_title(opening):
    """Papers name columns 产业前沿, 创新前沿 as they name them 经济观察 or 园区快讯: a title read
    between two such names is the article's title, and neither name is."""
    assert _titles("产业前沿", "这家出产国之重器的园区有颗绿“芯”", "创新前沿", opening) == ["这家出产国之重器的园区有颗绿“芯”"]


def test_a_stack_of_more_whole_titles_than_one_head_holds_is_that_many_articles():
    """A head holds a kicker, a title and a subtitle at most: four whole titles read one after
    another are four articles' titles, each taking the text that speaks of it."""
    titles = ["全国颠覆性技术创新大赛工作启动会在京召开", "开发区成为山西转型发展的重要平台",
              "常州高新区招引重大项目促提质增效", "打造具有全球影响力的产业创新高地"]
    texts = ["7月20日，全国颠覆性技术创新大赛工作启动会以视频会议形式召开，部署今年的大赛工作。",
             "截至目前，经过整合扩区和设立，山西省级以上开发区增至40家，形成6大产业集群。",
             "在常州国家高新区召开的全区重大项目增效年动员大会上，常州高新区提出挺进全国20强。",
             "记者了解到，近年来，杭州高新区突出问题导向，着力打造具有全球影响力的产业创新高地。"]
    assert _titles("双创天地", *titles, *texts) == titles
    assert _titles("双创天地", *titles[:3], *texts[:3]) != titles[:3]  # kicker, title, subtitle: one head


def test_a_parks_name_and_a_colon_open_a_title_even_before_a_quotation():
    """A person's name and a colon before a whole quotation are a kicker (宋云涛：“…”, the title his
    words); a park's name and a colon open the title itself."""
    assert (_head("芜湖高新区：“四送一服”").title, _head("芜湖高新区：“四送一服”").kicker) == ("芜湖高新区：“四送一服”", "")
    assert _head("宋云涛：“为最终解决能源问题贡献中国智慧”").kicker == "宋云涛："


def test_a_paragraph_cut_into_lines_of_a_titles_length_is_no_row_of_titles():
    """A narrow column copied line by line (pdftotext): words run from one line into the next
    (利用|效率, 11个|指标), so the lines are one paragraph, however whole each looks."""
    cut = ["回用率、余热资源回收利用", "效率、高新技术产业产值占", "园区工业总产值比例等11个", "指标超过引领评价标准引领"]
    titles = _titles("包头装备制造产业园区：走出绿色发展之路", "本报记者 王海", "园区工业用水重复利用率、中水", *cut, "值。",
                     "近年来，包头装备制造产业园通过绿色探索，从优化园区空间布局、调整提升产业结构入手。")
    assert not set(cut[1:]) & set(titles)


def test_a_headline_naming_another_park_over_a_park_title_is_another_articles_title():
    """A kicker over a title that opens with its park's name names no other park: a headline that
    does is another article's title, read into the stack by the copy's order."""
    text = "2014年底，兰白国家自主创新示范区获批建设，兰州、白银两地生产总值占全省四成。"
    assert _titles("济宁高新区精描细绘2020年发展蓝图", "兰白国家自主创新示范区：欠发达地区改革创新样本",
                   text) == ["济宁高新区精描细绘2020年发展蓝图", "兰白国家自主创新示范区：欠发达地区改革创新样本"]
    assert _titles("坚持创新驱动 推动产业升级", "兰白国家自主创新示范区：欠发达地区改革创新样本",
                   text) == ["兰白国家自主创新示范区：欠发达地区改革创新样本"]


@pytest.mark.parametrize("credit", ["（供稿：唐山高新区）", "（来源：科技日报）", "（王思远 阎海燕）",
                                    "（作者为成都市科学技术局局长）", "（马维维）"])
def test_a_credit_in_brackets_under_a_headline_is_no_column_tag(credit):
    """A column tag names a column (（经济时评）, （时评）); a label and its value, people's names
    (one that is no dictionary word: （马维维）) or a credit role and its words is a credit,
    wherever the copy puts it (here under the next article's title)."""
    kinds = dict(_kinds("宁波高新区举办企业招聘会", "本报记者 王海", "10月7日，宁波高新区企业招聘会现场。",
                        "产业园区合作共建经验分析及启示", credit))
    assert kinds[credit] == "credit"
    assert dict(_kinds("家电卖出超万亿元，动能在哪里", "（高质量发展看亮点·读数）"))["（高质量发展看亮点·读数）"] == "headline"
    assert dict(_kinds("家电卖出超万亿元，动能在哪里", "（时评）"))["（时评）"] == "headline"  # a word, no name


def test_a_line_opening_with_reported_speech_is_no_headline():
    """Who spoke, a verb of saying and a comma open running text (贾敬敦说，…): a column's
    last line cut short there is no title. A title may end a clause with a word ending like
    a verb of saying (赛道), and a title quoting a speaker sets a colon."""
    kinds = dict(_kinds("创新工作，在“十四五”期间加快颠覆性技术布局、加强颠覆性技术供给。",
                        "贾敬敦说，为持续推动颠覆性技术", "（王芳 梁梓萱）"))
    assert kinds["贾敬敦说，为持续推动颠覆性技术"] == "body"
    assert dict(_kinds("驶入新赛道，这家“老”企业年收15亿元", "本报记者 王海",
                       "10年来，武汉东湖高新区以先进存储为重点。"))["驶入新赛道，这家“老”企业年收15亿元"] == "headline"


def test_the_tail_of_a_credit_cut_elsewhere_is_no_headline():
    assert _kinds("理）", "新年伊始，这些小变化传递积极信号（经济新方位）", "本报记者  王珂")[0][1] == "body"


def _titles(*lines: str) -> list[str]:
    return [d.title for d in reflow_page(segment_page(_page(*lines))).drafts]


_TWO_PARKS_OVER_ONE_TEXT = (
    "近年来，泉州高新区坚持以建设国家自主创新示范区为核心任务，把创新创造摆在发展全局的核心位置，泉州高新区的创新体系不断完善。",
    "目前，泉州高新区包括主园区、鲤城园、石狮园等“一区十园”，拥有各类企业4740余家。",
    "齐齐哈尔高新区自2010年升级为国家高新区以来，主动融入国家战略，进入跨越式发展新阶段。")


@pytest.mark.parametrize("under_the_titles, deck, third", [
    (("打造具有全球影响力的产业创新高地",), "打造具有全球影响力的产业创新高地", None),
    (("这家出产国之重器的园区有颗绿“芯”", "本报记者 张晔"), "", "这家出产国之重器的园区有颗绿“芯”"),
])
def test_the_lowest_line_of_a_run_of_titles_is_the_subtitle_of_the_title_whose_text_it_stands_over(
        under_the_titles, deck, third):
    """A copy read two modules' titles in a row, then a line with no text of its own over the
    first one's story: that line is the first title's subtitle, not an article. Signed by a
    byline and not right under that title, it is a story's own head whose text is elsewhere."""
    drafts = reflow_page(segment_page(_page("泉州高新区：向新实体经济转型 建“一区十园”创新高地", "齐齐哈尔高新区：高标准建设产业高地",
                                            *under_the_titles, *_TWO_PARKS_OVER_ONE_TEXT))).drafts
    assert [d.title for d in drafts] == ["泉州高新区：向新实体经济转型 建“一区十园”创新高地", "齐齐哈尔高新区：高标准建设产业高地",
                                         *([third] if third else [])]
    assert drafts[0].deck == deck and [p.text[:5] for p in drafts[0].paragraphs] == ["近年来，泉", "目前，泉州"]


def test_a_title_closed_by_its_tag_under_the_byline_is_the_title_of_that_byline():
    assert _titles("区域经济", "文/李洪兴", "增强内生动力，激发新区活力（今日谈）",
                   "以改革创新为引领增强内生发展动力，雄安新区定能蹚出新路。") == ["增强内生动力，激发新区活力（今日谈）"]


def test_a_parallel_title_read_after_its_byline_is_a_title():
    """Two phrases set apart by a space under a byline are a title read after it, not the first
    line of a paragraph cut short by a column (running text has no space between characters)."""
    kinds = dict(_kinds("本报记者 盛利", "有“点赞之交”还不够 成都高新区玩转“顶级”朋友圈",
                        "结交一群优秀的小伙伴，每个人都心向往之。对于一家西部高新区来说，又该如何打造朋友圈？"))
    assert kinds["有“点赞之交”还不够 成都高新区玩转“顶级”朋友圈"] == "headline"


def test_a_headline_under_a_byline_with_no_text_after_it_is_a_title():
    """A line under a byline followed by a caption is no paragraph cut short by a column: a cut
    paragraph's line is followed by the rest of its column."""
    kinds = dict(_kinds("提出，由该区率先实施的全球顶级科技园区合伙人计划受到广泛关注。", "本报通讯员 刘军",
                        "兰州高新区：建西北地区重要科创中心", "10月7日，宁波高新区企业招聘会现场，求职者在了解岗位信息。",
                        "新华社发"))
    assert kinds["兰州高新区：建西北地区重要科创中心"] == "headline"
    assert dict(_kinds("本报记者 王海滨", "近日从山西转型综合示范区晋中开发区传来喜讯",
                       "山西中聚晶科半导体有限公司创立的项目获奖。"))["近日从山西转型综合示范区晋中开发区传来喜讯"] == "body"


@pytest.mark.parametrize("left, right, splits", [
    ("项目集中开工", "业园、荷兰阿姆斯特丹科技园", True),  # 开工 read as 开|工业园
    ("穴压缩空气储能项", "目首席科学家", False),  # 项 completed as 项目
    ("寻访非遗十二木卡", "姆的传承人", False),
    ("近年来，南宁先后出台支持和鼓励举办中小型", "会展", False),
])
def test_a_word_across_a_junction_completes_the_lines_last_word_or_splits_it(left, right, splits):
    assert splits_last_word(left, right) is splits


# A photo item and the article around it, as a PDF reader copies them: the picture's title
# between the article's paragraphs, its caption in two pieces (two columns), the article's
# text, and elsewhere a paragraph whose first characters would finish the title's last word
# another way (开工|业园).
_PHOTO_ITEM_PAGE = (
    "来徐州高新区 感受有技术含量的“安全感”", "文/程俊杰",
    "徐州高新区先后布局建设电子信息产业园、传感器产业园，一批安全产业项目签约落地。",
    "项目集中开工",
    "昆明高新区人才公寓日前交付使用，可为120余名青年科技人才",
    "提供住房保障。图为人才公寓外景。视觉中国",
    "徐州曾有“百里煤海”之称，随着煤炭资源枯竭，徐州高新区肩负着转型发展的重任。",
    "有“点赞之交”还不够 成都高新区玩转“顶级”朋友圈", "本报记者 盛利",
    "结交一群优秀的小伙伴，每个人都心向往之。成都高新区与荷兰阿姆斯特丹科技园等20余个科技",
    "业园、荷兰阿姆斯特丹科技园在内的20余个科技园区共同发起这一倡议。",
)


def test_a_photo_items_title_that_ends_with_a_whole_word_is_no_text_cut_by_a_column():
    """开工 ends the line as a word: a paragraph elsewhere that opens with 业园 would read it as
    开|工业园, which splits the word instead of finishing one, so the line stays a title."""
    assert "项目集中开工" in _titles(*_PHOTO_ITEM_PAGE)


def test_a_photo_items_caption_that_points_at_its_picture_makes_its_title_an_article_and_ends_its_text():
    """No credit under the picture, the caption read as text in two pieces: its last sentence
    says what the picture shows (图为……), which running text never does. The title over it is a
    photo item's, and the item's text ends with that caption; what follows is another's."""
    drafts = reflow_page(segment_page(_page(
        "自创区建设迈出新步伐", "本报记者 叶伟",
        "近年来，天津高新区坚持牢牢把握国家自主创新示范区的职责使命，综合实力迈上新台阶。",
        "人才安居",
        "合肥高新区人才公寓日前交付使用，可为120余名青年科",
        "技人才提供住房保障。图为人才公寓外景。",
        "2019年，天津高新区固定资产投资增长25%，创新指标领跑天津市，科技型中小企业持续增加。"))).drafts
    texts = {d.title: "".join(p.text for p in d.paragraphs) for d in drafts}
    assert texts["人才安居"] == "合肥高新区人才公寓日前交付使用，可为120余名青年科技人才提供住房保障。图为人才公寓外景。"
    assert "固定资产投资" in texts["自创区建设迈出新步伐"]


def test_headline_lines_read_under_a_title_that_opens_with_its_park_and_a_colon_are_another_head():
    """A park's title (吉安高新区：……) is whole: the kicker read under it in the same stack is
    another article's, with the text that follows; the park's own text is placed by its words."""
    titles = _titles("一周要闻", "吉安高新区：“两化融合”构筑绿色产业集聚高地", "坚持创新驱动 推动产业升级",
                     "武进高新区以“发展高科技，实现产业化”为己任，推动产业升级。", "本报记者 叶伟",
                     "吉安高新区地处吉泰走廊核心区域，绿色产业集聚，先后荣获国家级绿色园区称号。")
    assert "吉安高新区：“两化融合”构筑绿色产业集聚高地" in titles
    assert len(titles) == 2


def test_a_line_under_a_park_title_whose_text_talks_about_that_park_stays_in_its_head():
    """The text under the stack is about 芜湖高新区: the line between is that article's own (a
    subtitle set without a dash), so the stack stays one head."""
    assert len(_titles("芜湖高新区：“四送一服”创优“四最”营商环境", "让更多科技成果从“书架”走向“货架”",
                       "本报深圳12月10日电（记者彭静）一年来，芜湖高新区认真学习贯彻，努力做好“高”“新”两篇文章。")) == 1


@pytest.mark.parametrize("stack", [
    ("兰州高新区：", "建西北地区重要科创中心"),  # broken after the colon
    ("兰州高新区：建西北地区重要科", "创中心和丝路经济带枢纽城市"),  # broken inside a word (科|创)
    ("兰白国家自主创新示范区：欠发达地区改革创新样本", "“复盘”"),  # a tail too short for a head
    ("武汉东湖高新区：新兴产业重要策源地", "——国家高新区十年成就巡礼"),  # its subtitle
])
def test_a_park_title_broken_over_two_lines_or_with_its_subtitle_stays_one_head(stack):
    assert len(_titles(*stack, "本报记者 朱伟", "10年来，武汉东湖高新区以先进制造业为主导，新兴产业蓬勃发展。")) == 1


def test_titles_side_by_side_read_one_after_another_are_heads_of_their_own_texts():
    """Three modules' titles in one row, each read whole, then their texts: each line names its
    own park, and paragraphs under the stack talk about that park alone. Each is a title, and
    each text goes to its own (by its words, wherever the copy put it)."""
    drafts = reflow_page(segment_page(_page(
        "【产业前沿】", "唐山高新区聚力培育双创载体", "吉安高新区：“两化融合”构筑绿色产业集聚高地",
        "常州高新区招引重大项目促提质增效",
        "今年以来，唐山高新区着力实施科技企业孵化器培育计划，加快孵化载体建设。",
        "唐山高新区还设立两千万元创业孵化基金，供创业人才免息使用。",
        "吉安高新区地处吉泰走廊核心区域，绿色产业集聚，先后荣获国家级绿色园区称号。",
        "常州高新区今年签约重大项目三十个，总投资超过五百亿元。"))).drafts
    texts = {d.title: " ".join(p.text for p in d.paragraphs) for d in drafts}
    assert list(texts) == ["唐山高新区聚力培育双创载体", "吉安高新区：“两化融合”构筑绿色产业集聚高地",
                           "常州高新区招引重大项目促提质增效"]
    for title, text in texts.items():
        assert title[:2] in text and all(other[:2] not in text for other in texts if other != title)


def test_a_kicker_naming_a_park_over_titles_read_one_after_another_is_no_title_of_its_own():
    """A kicker ending with its dash announces the title under it, whatever park it names."""
    titles = _titles("青岛高新区——", "唐山高新区聚力培育双创载体", "吉安高新区：“两化融合”构筑绿色产业集聚高地",
                     "今年以来，唐山高新区着力实施科技企业孵化器培育计划，加快孵化载体建设。",
                     "吉安高新区地处吉泰走廊核心区域，绿色产业集聚，先后荣获国家级绿色园区称号。",
                     "青岛高新区人才公寓日前交付使用，可为三百名青年人才提供住房保障。")
    assert titles == ["唐山高新区聚力培育双创载体", "吉安高新区：“两化融合”构筑绿色产业集聚高地"]


def test_the_text_of_titles_read_one_after_another_is_looked_for_past_subheads():
    """The copy may put one title's text after the other's, subheads and all: the paragraphs
    under the stack run down to the next headline that names a park of its own."""
    titles = _titles("唐山高新区聚力培育双创载体", "吉安高新区：“两化融合”构筑绿色产业集聚高地",
                     "今年以来，唐山高新区着力实施科技企业孵化器培育计划，加快孵化载体建设。",
                     "孵化基金助力创业", "设立两千万元创业孵化基金，供创业人才免息使用。",
                     "吉安高新区地处吉泰走廊核心区域，绿色产业集聚，先后荣获国家级绿色园区称号。")
    assert titles == ["唐山高新区聚力培育双创载体", "吉安高新区：“两化融合”构筑绿色产业集聚高地"]


def test_titles_read_one_after_another_over_as_many_briefs_are_heads_of_their_own_briefs():
    """An article's text opens with its dateline once: two whole titles read in one stack, with
    two briefs under them, are two heads, whatever park they name (the second names none)."""
    drafts = reflow_page(segment_page(_page(
        "济宁高新区精描细绘2020年发展蓝图", "“科技创业带动高质量就业行动”科研助理岗位大学生专场招聘活动举办",
        "本报讯（记者 高平）济宁高新区自1992年创建，今年将建设四大产业集聚区。",
        "本报讯（记者曾振宇）7月19日，由科技部火炬中心指导的专场招聘活动在枣庄举办。"))).drafts
    assert [(d.title, d.paragraphs[0].text[:10]) for d in drafts] == [
        ("济宁高新区精描细绘2020年发展蓝图", "本报讯（记者 高平）"),
        ("“科技创业带动高质量就业行动”科研助理岗位大学生专场招聘活动举办", "本报讯（记者曾振宇）")]


@pytest.mark.parametrize("under", [
    # one brief under the stack, then plain paragraphs: a kicker over its title
    ("本报讯（记者 高平）济宁高新区今年将建设四大产业集聚区。", "济宁高新区自1992年创建，已有企业三千家。"),
    # the first paragraph opens with no dateline: the second brief is another article's text
    ("济宁高新区自1992年创建，今年将建设四大产业集聚区。", "本报讯（记者曾振宇）7月19日，专场招聘活动在枣庄举办。"),
])
def test_a_stack_over_one_brief_or_over_text_without_its_dateline_first_stays_one_head(under):
    assert len(_titles("坚持创新驱动 推动产业升级", "济宁高新区精描细绘2020年发展蓝图", *under)) == 1


def test_a_kicker_naming_another_park_that_the_text_takes_up_with_the_titles_park_stays_in_the_head():
    """A head speaks of one subject: a kicker naming the park a story learns from, taken up in
    the same paragraphs as the title's park, is that story's kicker."""
    assert len(_titles("学习深圳高新区经验", "唐山高新区聚力培育双创载体",
                       "今年以来，唐山高新区借鉴深圳高新区做法，加快孵化载体建设。",
                       "唐山高新区还设立两千万元创业孵化基金，供创业人才免息使用。")) == 1


@pytest.mark.parametrize("line, head", [
    ("当支付遇到AI，我们期待什么？（财经观）文/王  观", "当支付遇到AI，我们期待什么？（财经观）"),
    ("——二〇二五年，中国经济这么干⑥本报记者  朱  隽  郁静娴", "——二〇二五年，中国经济这么干⑥"),
    ("为黑土地“体检”  推动节粮减损黑龙江日报记者  刘梦丹", "为黑土地“体检”  推动节粮减损"),
])
def test_a_byline_read_into_the_line_of_its_title_is_split_off(line, head):
    kinds = _kinds(line, "最近，AI支付火了。")
    assert [kind for _, kind in kinds] == ["headline", "byline", "body"] and kinds[0][0] == _page(head).lines[0].text


# A paragraph of text to stand under the lines these tests read.
_A_PARAGRAPH = "近年来，常州高新区坚持项目为王，去年新签约重大项目四十个，总投资超过三百亿元。"


@pytest.mark.parametrize("byline, head", [
    ("本报记者 郭晓峰", "聚焦主导产业 打造创新高地常州高新区招引重大项目"),  # a kicker and the title after the name
    ("■ 本报记者 王  珂 实习生 刘思远", "以改革激发活力常州高新区打造创新策源地"),  # names, the head opening with 以
    ("■本报记者 郭晓峰", "聚焦主导产业 打造创新高地常州高新区招引重大项目"),  # the mark glued to the role
    ("□本报记者郭晓峰", "常州高新区：科技城里的新引擎"),  # and the name glued to both
    ("文/孙立新", "常州高新区：科技城里的新引擎"),  # the role glued to the name
    ("本报记者 欧阳明 蔡  宁", "一季度主要经济指标稳中有升"),  # the last name spaced out, its given name glued
])
def test_a_byline_read_into_one_block_with_the_head_under_it_is_split_off(byline, head):
    """A byline printed over its headline stack, read into one block with it by the copy: the
    last name runs into the head with no space, and the byline ends where that name ends."""
    kinds = _kinds(byline + head, _A_PARAGRAPH)
    assert [text for text, _ in kinds] == [_page(byline).lines[0].text, head, _A_PARAGRAPH]
    assert kinds[0][1] == "byline"


@pytest.mark.parametrize("byline, head", [
    ("本报记者 郭晓峰", "聚焦主导产业 打造创新高地常州高新区招引重大项目"),
    ("■ 本报记者 王  珂 实习生 刘思远", "改革激发活力 常州高新区打造创新策源地"),
    ("本报记者 欧阳明 蔡  宁", "常州高新区一季度主要经济指标稳中有升"),
])
def test_a_glued_byline_and_head_give_the_article_the_byline_on_its_own_line_gives(byline, head):
    """Metamorphic: the same head and text, the byline on a line of its own over the head or read
    into one block with it, make the same article."""
    apart = reflow_page(segment_page(_page(byline, head, _A_PARAGRAPH))).drafts
    glued = reflow_page(segment_page(_page(byline + head, _A_PARAGRAPH))).drafts
    assert [(d.title, d.byline, [p.text for p in d.paragraphs]) for d in glued] == \
        [(d.title, d.byline, [p.text for p in d.paragraphs]) for d in apart]
    assert len(glued) == 1 and glued[0].title == head


@pytest.mark.parametrize("line", [
    "记者 张伟近日从市科技局获悉，今年一季度全市新增高新技术企业120家。",  # a sentence, no head
    "记者来到园区时工人们正在调试设备",  # no name after the role
    "本报记者 郭晓峰",  # a byline alone
])
def test_a_line_opening_with_a_role_and_no_head_glued_after_a_name_is_not_cut(line):
    assert len(_kinds(line, _A_PARAGRAPH)) == 2


@pytest.mark.parametrize("line", ["本报沈阳12月12日电（", "园区发布了《", "一批“"])
def test_a_line_ending_with_an_opening_mark_is_a_piece_of_a_longer_line_and_no_headline(line):
    """A typesetter keeps an opening mark off a line's end (GB/T 15834): a block ending with one is
    a piece of a printed line the copy cut apart, never a headline."""
    assert _kinds(line, _A_PARAGRAPH) == [(line, "body"), (_A_PARAGRAPH, "body")]


@pytest.mark.parametrize("line", ["14日电（记者王丽、孙伟）7月20", "电（记者苏娜）", "日电（记者张杰）近日"])
def test_the_rest_of_a_dateline_cut_inside_its_date_is_text_and_no_headline(line):
    """本报沈阳12月 / 14日电（记者…: the line a dateline goes on in opens with its day and 电, or
    电 alone, and the reporter's bracket; no headline opens so."""
    assert _kinds(line, _A_PARAGRAPH)[0] == (line, "body")


def test_no_byline_is_split_off_a_piece_of_a_dateline():
    """本报沈阳12月 / 12日电（记者罗 / 艳）…: the head a byline would leave (12日电（) ends with an
    opening mark, so it is no headline, and the line stays whole."""
    assert [text for text, _ in _kinds("15日电（记者王", _A_PARAGRAPH)] == \
        ["15日电（记者王", _A_PARAGRAPH]


def test_a_byline_with_its_photographer_signs_the_story_and_is_no_caption():
    kinds = _kinds("园区高质量发展取得新进展", "记者 张伟 摄影 李娜", "近年来，园区坚持创新驱动，去年实现营收一千亿元。")
    assert ("记者 张伟", "byline") in kinds and all(kind != "caption" for _, kind in kinds)


def test_a_kicker_run_into_its_title_is_split_after_its_dash():
    parts = _head("陈灿代表——运用法治力量提升居住质量（代表委员履职故事）", "本报记者  李亚楠")
    assert (parts.kicker, parts.title) == ("陈灿代表——", "运用法治力量提升居住质量（代表委员履职故事）")


def test_a_dash_inside_brackets_ends_no_kicker():
    """A column label's own dash (【奋进新征程 建功新时代——…】) is inside its brackets: no kicker ends there."""
    from parkdigest.convert.classify import kicker_end

    assert kicker_end("【奋进新征程 建功新时代——国家高新区十年成就巡礼】") == 0
    assert kicker_end("“十年磨一剑——”我们的路") == 0
    assert kicker_end("陈灿代表——运用法治力量提升居住质量（代表委员履职故事）") == len("陈灿代表——")


def test_a_byline_read_apart_from_its_title_opens_no_article():
    assert _titles("本报记者  谷业凯", "广东江门，地下700米深处，中微子实验装置发布首个物理成果。",
                   "坚持创新驱动，加紧培育壮大新动能（特别报道）", "数据是有力证明。2025年，我国热点论文数量全球占比首次过半。") \
        == ["坚持创新驱动，加紧培育壮大新动能（特别报道）"]


def test_a_kicker_and_its_title_read_as_one_block_are_a_headline_not_a_credited_paragraph():
    line = "中航集团员工黄启东勇救落水父子不幸牺牲，获救者泣不成声——“我永远记得他手掌的温度”（守望）"
    assert _kinds(line, "本报记者 吴 勇", "2025年10月2日，内蒙古呼和浩特小黑河畔，一场险情打破了宁静。")[0] == (line, "headline")


def test_a_writers_name_right_after_the_titles_tag_is_its_byline():
    assert [kind for _, kind in _kinds("从“看风景”到“入情境”（编辑手记）高  尚", "实现消费升级，需要强化体验。")] == \
        ["headline", "byline", "body"]


def test_a_line_ending_with_a_word_that_needs_a_continuation_is_cut_text_not_a_kicker():
    page = _page("近年来，南宁先后出台支持和鼓励举办中小型", "从“看风景”到“入情境”（编辑手记）", "高  尚",
                 "音乐节、支持营业性演出发展等政策“组合拳”，优化了营商环境。")
    assert [(d.kicker, d.deck) for d in reflow_page(segment_page(page)).drafts] == [("", "")]


def test_a_headline_under_the_byline_of_a_box_heading_is_the_title_of_that_item():
    assert _titles("记者手记", "文/邱超奕", "脚踏实地才能登高望远",
                   "于众声喧哗中保持冷思考，在竞逐风口时能够慢下来。") == ["脚踏实地才能登高望远"]


def test_a_subhead_beside_a_picture_with_its_sections_paragraphs_under_it_opens_no_photo_item():
    lines = ("疆电千里入巴渝（经济新方位）", "本报记者  李亚楠", "工程投产送电，重庆迎来新的电源。",
             "科技赋能强化技术攻关", "工程渝北换流站鸟瞰图。", "新华社记者  王全超摄",
             "气候严寒、风振强烈、盐渍土和戈壁碎石土分布广泛，工程建设面临许多难题，建设者们一一攻克",
             "在哈密巴里坤换流站，有14台换流变压器，每台重达数百吨，运输和安装都要极其精细地组织")
    assert _titles(*lines) == ["疆电千里入巴渝（经济新方位）"]


def test_a_line_that_goes_on_a_word_broken_above_is_no_byline_under_a_title():
    assert _kinds("文旅共生，深挖历", "史底蕴", "挑高4层，展厅面积约4500平方米。")[1][1] != "byline"


def test_a_kicker_and_title_read_as_one_unpunctuated_block_open_an_article():
    line = "习近平在河北雄安新区考察并主持召开座谈会时强调牢牢把握雄安新区功能定位 努力建设新时代创新高地和高质量发展样板"
    titles = _titles("整治“内卷式”竞争，北京约谈12家平台企业", "本报北京3月23日电  23日，北京市市场监管局依法约谈平台企业。",
                     line, "李强蔡奇丁薛祥陪同考察并出席座谈会", "■ 要牢牢把握雄安新区的首要功能定位，保持战略定力和历史耐心。")
    assert len(titles) == 2


def test_a_line_alone_above_a_paragraph_that_cannot_open_a_sentence_begins_that_sentence():
    page = _page("本报记者  李洪兴", "雄安这座未来之城拔地而起。", "越是千年大计，越要保持战略定力",
                 "和历史耐心。从一块地到一张图，再到一座城，未来之城拔地而起。")
    kinds = {p.block.text: p.block.kind for p in segment_page(page).placed}
    assert kinds["越是千年大计，越要保持战略定力"] is Kind.BODY


def test_a_column_label_and_a_byline_without_a_title_open_no_article():
    assert _titles("焦点关注", "梅生伟", "内蒙古乌兰察布市卓资县，3套压缩空气储能机组正在建设。",
                   "给风电和光伏配上巨型“充电宝”（创新故事）", "2017年起，我担任江苏金坛盐穴压缩空气储能项目首席科学家。") \
        == ["给风电和光伏配上巨型“充电宝”（创新故事）"]


def test_a_subtitle_alone_opens_no_article():
    """A subtitle (——…) read apart from its title stands under a title, never over an article."""
    assert _titles("宁波高新区举办企业招聘会", "本报记者 王海", "10月7日，宁波高新区企业招聘会现场，求职者在了解岗位信息。",
                   "（据新华社电）", "——国家高新区一线见闻", "招聘会上，宁波高新区一家企业负责人介绍了用人需求，求职者踊跃咨询。") \
        == ["宁波高新区举办企业招聘会"]


def test_a_subtitle_and_a_byline_without_a_title_open_no_article():
    """A subtitle and the byline under it, read apart from their title, are no head either."""
    assert _titles("宁波高新区举办企业招聘会", "本报记者 王海", "10月7日，宁波高新区企业招聘会现场，求职者在了解岗位信息。",
                   "（据新华社电）", "——来自青岛高新区的调查", "本报记者 于大勇",
                   "招聘会上，宁波高新区一家企业负责人介绍了用人需求，求职者踊跃咨询。") == ["宁波高新区举办企业招聘会"]


def test_a_profile_box_after_the_articles_credit_opens_no_article():
    """人物小传 heads a box inside an article (a profile of the person the story is about), even
    printed after the article's closing credit."""
    assert _titles("宁波高新区举办企业招聘会", "本报记者 王海", "10月7日，宁波高新区企业招聘会现场，求职者在了解岗位信息。",
                   "（供稿：宁波高新区）", "人物小传", "王强，1975年生，宁波高新区人力资源服务中心主任。") \
        == ["宁波高新区举办企业招聘会"]


def test_a_column_label_alone_opens_no_article():
    """A label read apart from its title (the tool's order) names a column, not an article: the
    text under it goes by its words, here to the article it continues."""
    assert _titles("宁波高新区举办企业招聘会", "本报记者 王海", "10月7日，宁波高新区企业招聘会现场，求职者在了解岗位信息。",
                   "园镜头", "招聘会上，宁波高新区一家企业负责人介绍了用人需求，求职者踊跃咨询。") \
        == ["宁波高新区举办企业招聘会"]


def test_a_column_label_read_between_kicker_and_title_is_the_section():
    parts = _head("刘国中在河南调研时强调", "县域经济", "着力抓好小麦田管促苗情转化升级 扎实做好“菜篮子”产品稳产保供")
    assert (parts.section, parts.kicker) == ("县域经济", "刘国中在河南调研时强调")
    assert parts.title == _page("着力抓好小麦田管促苗情转化升级 扎实做好“菜篮子”产品稳产保供").lines[0].text


@pytest.mark.parametrize("labels", [("区域创新", "简讯"), ("【科技赋能】", "一周要闻"), ("走进国家高新区", "新闻链接"),
                                    ("各地传真",), ("【奋进新征程 建功新时代】", "各地传真")])  # 各地: a pronoun to jieba
def test_every_column_label_stacked_above_a_title_is_a_label_and_no_part_of_the_title(labels):
    """The page's section over the column's, or another module's label read into the stack: a
    short noun phrase over the rest of the stack is a label however many stand there."""
    parts = _head(*labels, "唐山高新区聚力培育双创载体")
    assert parts.title == "唐山高新区聚力培育双创载体" and parts.kicker == ""
    assert all(label.strip("【】") in parts.section for label in labels)


def test_every_box_heading_opening_a_stack_names_a_column():
    parts = _head("■一线调研", "■第二看台", "贡献六成以上新兴产业产值 开发区成山西转型发展重要平台", "本报记者 王海滨")
    assert (parts.section, parts.kicker, parts.title) == ("一线调研 第二看台", "",
                                                          "贡献六成以上新兴产业产值 开发区成山西转型发展重要平台")


def test_a_park_title_with_a_space_inside_its_name_is_not_cut_before_the_suffix():
    """A park's suffix alone (示范区) names no park: a title is never cut between a park's name and it."""
    title = "兰白国家 自主创新示范区：欠发达地区改革创新样本“复盘”"
    assert (_head(title).kicker, _head(title).title) == ("", title)


def test_a_short_line_above_a_title_closed_by_its_tag_is_no_half_of_that_title():
    parts = _head("特别报道", "坚持创新驱动，加紧培育壮大新动能（稳中求进）", "——着力推进全年经济工作八大重点任务②")
    assert parts.title == "坚持创新驱动，加紧培育壮大新动能（稳中求进）"


def test_a_speaker_and_the_quotation_that_is_the_title_read_as_one_block_open_an_article():
    line = "中国科学院合肥物质科学研究院副院长宋云涛：“为最终解决能源问题贡献中国智慧”"
    assert _head(line).kicker == "中国科学院合肥物质科学研究院副院长宋云涛："
    titles = _titles("记录今天的突破（科技自立自强）", "本报记者  吴月辉", "“科技是驱动历史车轮向前、重塑发展格局的重要",
                     line, "2025年1月20日，我国有“人造太阳”之称的实验装置成功实现亿度千秒高约束模运行。")
    assert titles == ["记录今天的突破（科技自立自强）", "“为最终解决能源问题贡献中国智慧”"]
    assert _head("商业航天：“高热度”下的“冷思考”（深度观察）").kicker == ""


def test_a_chart_credit_after_a_single_space_is_split_from_its_caption():
    kinds = _kinds("数据来源：国家数据局 福建省数据管理局 制图：张芳曼")
    assert kinds == [("数据来源：国家数据局 福建省数据管理局", "caption"), ("制图：张芳曼", "furniture")]


def test_a_note_on_all_the_pages_pictures_makes_no_caption_of_the_sentence_above_it():
    assert _kinds("我们期待一个真正商业航天大年的到来。", "（本版图片除署名外均由受访单位提供）", "■ 本版编辑：何敏")[0][1] == "body"
    assert _kinds("巍山小吃节现场。", "以上图片均为陈畅摄", "3月21日，第十三届大理巍山小吃节开幕，游客品尝长街宴，感受烟火气。"
                  )[0][1] == "caption"


def test_a_stack_above_a_dateline_holds_the_briefs_title_and_a_signed_storys_head():
    page = _page("广西实施个体工商户转型为企业“一件事”改革", "政策助力入境游热度高涨（链接）", "□ 本报记者 王 珂",
                 "本报南宁5月19日电 （记者张云河）广西壮族自治区市场监管局等8部门联合印发实施方案。",
                 "文旅市场欣欣向荣、入境游热度高涨，政策助力是重要原因，一系列免签政策让外国游客来到中国。")
    drafts = reflow_page(segment_page(page)).drafts
    assert [d.title for d in drafts] == ["广西实施个体工商户转型为企业“一件事”改革", "政策助力入境游热度高涨（链接）"]
    assert drafts[0].body.startswith("本报南宁5月19日电") and not drafts[0].byline


def test_a_column_name_over_a_signed_storys_head_above_a_dateline_titles_no_brief():
    """A column's name (焦点关注) over a tagged title and its byline tops that head; it is no
    brief's title, so the dateline under the stack makes no article of the name alone."""
    titles = _titles("焦点关注", "政策助力入境游热度高涨（链接）", "□ 本报记者 王 珂",
                     "本报南宁5月19日电 （记者张云河）广西壮族自治区市场监管局等8部门联合印发实施方案。",
                     "文旅市场欣欣向荣、入境游热度高涨，政策助力是重要原因，一系列免签政策让外国游客来到中国。")
    assert titles == ["政策助力入境游热度高涨（链接）"]


def test_a_line_of_two_phrases_set_apart_by_a_space_is_no_cut_text():
    page = _page("小吃节 烟火味", "3月21日，第十三届大理巍山小吃节开幕。", "道一路沿着新槎浦和外环高速南下，串联起多个公园。")
    assert next(p for p in segment_page(page).placed if p.block.text == "小吃节 烟火味").block.kind is Kind.HEADLINE


_BRIEF_TEXTS = ("本报讯（记者胡珂）7月19日，由科技部火炬中心指导的科研助理岗位大学生专场招聘活动在枣庄举办，百余家企业参加。",
                "能在胡同穿行的智能移动消防车、应对高层建筑火灾的消防无人机，徐州高新区的安全产业让人眼前一亮。")
_BRIEF_GOES_ON = "活动现场，企业与高校应届毕业生面对面交流，科研助理岗位吸引了众多大学生投递简历。"


def test_a_whole_title_over_a_column_name_is_another_articles_head():
    """A column's name stands at the top of its head: a whole title read above a column's name
    (来徐州高新区… / 创新速递 / 科研助理…) is another article's head, and the name goes with the title under it."""
    drafts = reflow_page(segment_page(_page(
        "来徐州高新区感受有技术含量的安全感", "创新速递", "科研助理岗位大学生专场招聘活动在枣庄举办", "文/贾大勇",
        *_BRIEF_TEXTS))).drafts
    assert sorted(d.title for d in drafts) == sorted(["来徐州高新区感受有技术含量的安全感", "科研助理岗位大学生专场招聘活动在枣庄举办"])
    assert {d.title: d.section for d in drafts}["科研助理岗位大学生专场招聘活动在枣庄举办"] == "创新速递"


@pytest.mark.parametrize("stack", [
    # the title under marks itself as the head's title (its column tag, its park and a colon):
    # the line above is its kicker, read above the label
    ("快递服务全程时限同比缩短四个多小时", "产经新闻", "人工智能+，“加”出新速度（新视点）"),
    ("每年五千万元资助业界共治", "园区快讯", "成都高新区：让产业齿轮精准咬合"),
    # a piece of a cut word is no column's name
    ("来徐州高新区感受有技术含量的安全感", "构筑绿色产", "科研助理岗位大学生专场招聘活动在枣庄举办"),
    # a clause under the name is as likely cut text as a title
    ("来徐州高新区感受有技术含量的安全感", "创新速递", "近日，科研助理岗位大学生专场招聘活动在枣庄举办"),
    # a column names a kind of text, not a park
    ("来徐州高新区感受有技术含量的安全感", "唐山高新区", "科研助理岗位大学生专场招聘活动在枣庄举办"),
    # a kicker that reports a speech, however long
    ("李强在江苏南京调研科技创新工作时强调", "创新速递", "科研助理岗位大学生专场招聘活动在枣庄举办"),
])
def test_a_line_over_a_label_stays_in_the_head_when_the_title_under_marks_itself_or_no_name_stands_between(stack):
    # The brief alone under the stack: a paragraph on the line's own subject elsewhere on the page
    # would make it another module's headline by its words (test_segmentation: …read_into…).
    drafts = reflow_page(segment_page(_page(*stack, "本报记者 韩鑫", _BRIEF_TEXTS[0], _BRIEF_GOES_ON))).drafts
    assert len([d for d in drafts if d.title]) == 1


@pytest.mark.parametrize("name", ["■第二看台", "园区快讯"])
def test_a_park_title_over_a_column_name_is_no_kicker_of_the_park_title_under_it(name):
    """Two lines that each open with their park's name and a colon each mark themselves as their
    head's title, and a head has one title: the line above the column's name is another article's
    head, not the kicker of the title under the name (seed 3328's copy reads 吉安高新区：…高地 /
    ■第二看台 / 兰白…：…“复盘” / ——…观察)."""
    drafts = reflow_page(segment_page(_page(
        "徐州高新区：安全产业让人眼前一亮", name, "枣庄高新区：科研助理岗位大学生专场招聘活动举办",
        "——园区招聘季观察", "本报记者 韩鑫", _BRIEF_TEXTS[0], _BRIEF_GOES_ON))).drafts
    heads = [(d.kicker, d.title) for d in drafts]
    assert ("", "徐州高新区：安全产业让人眼前一亮") in heads
    assert ("", "枣庄高新区：科研助理岗位大学生专场招聘活动举办") in heads


def test_a_whole_title_over_a_marked_column_name_is_another_articles_head():
    """A column's name marked as a box's heading is (■第二看台) tops its head as a plain one does: a
    box stands inside a text, never right under a title with a title under it (seed 4404's copy
    reads 贡献六成以上新兴产业产值… over ■第二看台 / 这家出产国之重器的园区有颗绿“芯”)."""
    drafts = reflow_page(segment_page(_page("来徐州高新区感受有技术含量的安全感", "■第二看台", "科研助理岗位大学生专场招聘活动在枣庄举办",
                                            "本报记者 韩鑫", _BRIEF_TEXTS[0], _BRIEF_GOES_ON))).drafts
    assert [(d.title, d.section) for d in drafts] == [
        ("来徐州高新区感受有技术含量的安全感", ""), ("科研助理岗位大学生专场招聘活动在枣庄举办", "第二看台")]


def test_a_marked_name_over_a_lone_line_under_a_title_heads_nothing_of_its_own():
    """Under a marked name with no byline or subtitle in the stack (■绿色发展 / 坚持创新驱动 推动产业
    升级, a head whose title the copy read elsewhere, seed 0), nothing says a head begins: a box
    inside the article may stand there as well, so the stack stays one head."""
    drafts = reflow_page(segment_page(_page(
        "力争3年挺进20强 常州高新区招引重大项目促提质增效", "■绿色发展", "坚持创新驱动 推动产业升级",
        "本报讯（记者黄俊杰）常州高新区力争3年挺进全国高新区20强，今年以来招引重大项目42个。",
        "常州高新区还将加快建设一批创新平台，推动产业提质增效。"))).drafts
    assert len([d for d in drafts if d.title]) == 1


def test_a_title_naming_another_park_over_the_column_name_of_a_park_title_is_another_articles():
    """No kicker over a park's title names another park, also with the column's name between them."""
    titles = _titles("济宁高新区精描细绘2020年发展蓝图", "一周要闻", "吉安高新区：“两化融合”构筑绿色产业集聚高地", "本报记者 于晓东",
                     "本报讯（记者宋丽娟）吉安高新区地处江西省吉安市中部，是全省重要的电子信息产业基地。",
                     "近日，该区召开工作会议，描绘2020年发展蓝图，提出打造千亿级产业集群。")
    assert sorted(titles) == sorted(["济宁高新区精描细绘2020年发展蓝图", "吉安高新区：“两化融合”构筑绿色产业集聚高地"])


def test_a_stack_under_a_column_name_is_no_story_of_the_package_above():
    """A package's stories carry no column name of their own: a stack with a column's name over
    its lines (园区快讯 / 科技部火炬中心召开…) after a head with a kicker and no byline opens its own article."""
    titles = _titles("每年五千万元资助业界共治", "成都高新区：让产业齿轮精准咬合",
                     "自我介绍改成了介绍邻座，企业的问题由所有参会者问诊把脉开药方，成都高新区的私董会新鲜亮相。",
                     "园区快讯", "科技部火炬中心召开巡视整改专题民主生活会", "本报记者 宋志强",
                     "按照科技部党组统一部署，科技部火炬中心领导班子召开巡视整改专题民主生活会，逐一发言。")
    assert titles == ["成都高新区：让产业齿轮精准咬合", "科技部火炬中心召开巡视整改专题民主生活会"]


def test_a_stack_over_a_dateline_is_no_story_of_the_package_above():
    """A dateline (本报讯…) opens an article's text, never a package's story: a stack of two lines
    over a paragraph that opens with one, after a head with a kicker and no byline, opens its own article."""
    titles = _titles("深化改革 激发市场主体活力", "吉安高新区：两化融合构筑绿色产业集聚高地",
                     "在创新全球化的今天，园区合作的目标不再是简单的技术转移，吉安高新区正在探索新的路径。",
                     "科技部火炬中心召开巡视整改专题民主生活会", "产业园区合作共建经验分析及启示",
                     "本报讯（通讯员周伟）按照科技部党组统一部署，火炬中心召开巡视整改专题民主生活会。")
    assert titles[0] == "吉安高新区：两化融合构筑绿色产业集聚高地" and len(titles) == 2


def test_a_quoted_title_broken_over_two_lines_in_a_stack_is_a_headline():
    # A narrow column breaks a quoted title: each half alone opens or closes a quote, as a cut
    # sentence does, but a headline stands over them and a byline under them.
    kinds = _kinds("产业链上", "一家智能工厂的换产时间从两天缩短到两小时", "“让车间像", "变形金刚一样灵活”",
                   "本报记者 方明", "走进总装车间，一个个智能工艺岛既独立又互联，多款车型在这里混线生产。")
    assert kinds[2:4] == [("“让车间像", "headline"), ("变形金刚一样灵活”", "headline")]


def test_a_quotation_that_ends_a_paragraph_above_a_label_stays_text():
    kinds = _kinds("他在毕业典礼上留下一句话，至今仍贴在实验室的墙上：", "“科学报国，乃我辈", "之责！”", "新闻速递",
                   "园区今年新开工重大项目四十个，总投资超过八百亿元，产业链上下游企业加快集聚。")
    assert [kind for text, kind in kinds if "我辈" in text or "之责" in text] == ["body", "body"]


_WRAPPED = ["\u3000\u3000园区今年新引进项目四十余个，总投资超过", "三百亿元，其中先进制造业项目占六成以", "上，带动就业岗位一万余个，成效明显。",
            "\u3000\u3000园区还将建设公共研发平台，为中小企", "业提供检测、试验和中试服务，降低企业", "创新成本，缩短产品上市周期。",
            "\u3000\u3000园区同时出台人才新政，对引进的高层", "次人才给予安家补贴和科研启动经费，并", "在子女入学、医疗等方面提供便利。"]


def _wrapped_page(*lines: str) -> Page:
    """A normalized page of hard-wrapped lines, no blank line between them."""
    return normalize_page(Page("t.txt", tuple(Line(i + 1, t) for i, t in enumerate(lines))))


def _bodies(lines: list[str]) -> list[str]:
    (draft,) = reflow_page(segment_page(_wrapped_page("芜湖高新区新材料产业园开园", "本报记者 陈冬", *lines))).drafts
    return [p.text for p in draft.paragraphs]


def test_an_indent_before_a_number_still_opens_a_paragraph_of_a_wrapped_page():
    """Closing up the space between Chinese and a number (GB/T 15834) leaves an indent whole:
    \u3000\u30002024年… opens its paragraph, it does not run on from the line above."""
    lines = [*_WRAPPED[:3], "\u3000\u30002024年，园区规模以上工业产值", "增长百分之十二，高新技术企业达到三百", "家，创历史新高。", *_WRAPPED[3:]]
    assert _bodies(lines)[1] == "2024年，园区规模以上工业产值增长百分之十二，高新技术企业达到三百家，创历史新高。"


def test_a_line_wider_than_a_wrapped_page_is_a_paragraph_of_its_own():
    """A wrapped line runs to the width, never past it: a paragraph kept on one long line among
    wrapped ones is neither part of the paragraph above nor wrapped into the one below."""
    whole = "园区负责人表示，下一步将聚焦新材料、新能源和智能制造三大方向，引进一批龙头企业，完善产业链条，打造千亿级产业集群。"
    lines = [*_WRAPPED[:3], whole, *_WRAPPED[3:]]
    assert _bodies(lines)[1] == whole
    assert len(_bodies(lines)) == 4


@pytest.mark.parametrize("text", [
    "近日，园区举办科技成果转化对接会，现场签约项目17个。图为参会人员在展区了解新技术新产品。",
    "园区人才公寓日前交付使用，可为30余名青年人才提供住房保障。图为人才",  # cut by the columns
    "近日，园区首届青年创 入决赛。图为参赛选手进行路演。新创业大赛决赛举行，23个项目进",  # two columns read as one
])
def test_a_caption_that_points_at_its_picture_is_known_however_the_columns_cut_it(text):
    assert points_at_its_picture(text)


@pytest.mark.parametrize("text", ["图为参会人员在展区了解新技术新产品。", "园区发展势头良好。企业数量逐年增加，图为证。",
                                  "园区负责人说，下一步将建设公共研发平台。研发投入逐年增加"])
def test_running_text_does_not_point_at_a_picture(text):
    assert not points_at_its_picture(text)


def test_a_title_set_wider_than_a_wrapped_page_takes_its_rest_from_the_next_line():
    """A title over several columns runs past the text's width: its rest on the next line is
    joined to it (a line that wide which goes on is no paragraph of its own)."""
    page = _wrapped_page(*_WRAPPED, "芜湖高新区新材料产业园开园 首批入驻企业十二家项目总投资超百亿", "元", "本报记者 陈冬",
                         *_WRAPPED)
    titles = [d.title for d in reflow_page(segment_page(page)).drafts]
    assert "芜湖高新区新材料产业园开园 首批入驻企业十二家项目总投资超百亿元" in titles


@pytest.mark.parametrize("setting", ["自建馆以来", "20分钟车程外", "随后数十年里", "2024年全国两会期间", "每到周五傍晚", "16岁时"])
def test_a_line_opening_with_when_or_where_set_off_by_a_comma_is_cut_text_not_a_headline(setting):
    """A news sentence sets its time and place first, in a phrase closed by a word of time or
    place (以来, 外, 里, 期间) and a comma; a headline never opens so: a short line so opening
    is the first words of a paragraph a column cut, never a kicker over the title under it. A
    kicker of a distance and a figure (跨越2260公里，……) opens with no such word."""
    kinds = dict(_kinds("园区氢能装备产业链加速成形", "本报记者 方明",
                        "氢能产业园里，电解槽生产线正在满负荷运转，一台台制氢设备从这里发往全国各地。",
                        f"{setting}，徐州高新区还", "成都高新区：让产业齿轮精准咬合", "本报记者 林青",
                        "自我介绍改成了“介绍邻座”，企业的问题由所有参会者“问诊把脉”。"))
    assert kinds[f"{setting}，徐州高新区还"] == "body"
    assert kinds["成都高新区：让产业齿轮精准咬合"] == "headline"


def test_a_kicker_of_a_distance_and_a_figure_stays_a_headline():
    kinds = dict(_kinds("跨越2260公里，年输电量超360亿千瓦时", "疆电千里入巴渝（经济新方位）", "本报记者  李亚楠",
                        "工程投产送电，重庆迎来新的电源。"))
    assert kinds["跨越2260公里，年输电量超360亿千瓦时"] == "headline"


@pytest.mark.parametrize("connective", ["此外", "同时", "因此", "另外", "近年来", "目前", "去年", "当前"])
def test_a_line_opening_with_a_conjunction_or_a_time_word_and_a_comma_is_cut_text_not_a_headline(connective):
    # A column cut after a sentence's first words leaves a short line with no sentence end over a
    # headline; a conjunction set off by a comma links that sentence to the one before it, a time
    # word so set off is where a news sentence starts (近年来，……), and a headline stands alone and
    # opens with neither: the line is text, never a kicker over the title under it.
    kinds = dict(_kinds("园区氢能装备产业链加速成形", "本报记者 方明",
                        "氢能产业园里，电解槽生产线正在满负荷运转，一台台制氢设备从这里发往全国各地。",
                        f"{connective}，徐州高新区还依托", "开放合作", "成都高新区：让产业齿轮精准咬合", "本报记者 林青",
                        "自我介绍改成了“介绍邻座”，企业的问题由所有参会者“问诊把脉”。"))
    assert kinds[f"{connective}，徐州高新区还依托"] == "body"
    assert kinds["成都高新区：让产业齿轮精准咬合"] == "headline"


@pytest.mark.parametrize("where", ["first", "after-the-kicker"])
def test_a_marked_column_name_read_anywhere_in_a_stack_is_its_label_never_its_title(where):
    # A copy may read a column's marked name (■产业前沿) under the kicker, not above the stack:
    # it names the column wherever it stands, and the title is the line the kicker announces.
    lines = ["■产业前沿", "厦门火炬高新区——"] if where == "first" else ["厦门火炬高新区——", "■产业前沿"]
    parts = _head(*lines, "2022年全国颠覆性技术创新大赛工作启动会在京召开", "本报记者 方明",
                  "7月20日，大赛工作启动会以视频会议形式召开。")
    assert (parts.section, parts.kicker, parts.title) == ("产业前沿", "厦门火炬高新区——",
                                                         "2022年全国颠覆性技术创新大赛工作启动会在京召开")


@pytest.mark.parametrize("stack", [
    ["科技赋能", "科技部火炬中心召开巡视整改专题民主生活会", "长沙高新区——"],
    ["科技部火炬中心召开巡视整改专题民主生活会", "长沙高新区——"]], ids=["three-lines", "two-lines"])
def test_a_line_ending_with_a_kickers_dash_is_no_title_even_with_nothing_under_it(stack):
    # A kicker announces the title under it (长沙高新区——); a copy may read it last in the stack.
    # It names a park, but it is still the kicker: the title is the line that ends as a title.
    parts = _head(*stack, "本报记者 李维", "按照科技部党组统一部署，科技部火炬中心召开专题民主生活会。")
    assert parts.title == "科技部火炬中心召开巡视整改专题民主生活会"


def test_of_two_lines_ending_with_a_kickers_dash_neither_is_the_title():
    # Two kickers announce the title under them (printed for two heads side by side, or a kicker
    # and a series line): the title is the first line after a kicker that ends as a title does.
    parts = _head("广州高新区加快培育新质生产力——", "深圳高新区加快培育新质生产力——", "来温州高新区 感受智能制造的“硬实力”",
                  "本报记者 李维", "能在胡同里自如穿行的智能消防车，是园区企业的新产品。")
    assert parts.title == "来温州高新区 感受智能制造的“硬实力”"


@pytest.mark.parametrize(("text", "halves"), [
    ("小吃节 烟火味", 1),
    ("有“点赞之交”还不够 成都高新区玩转“顶级”朋友圈", 1),
    ("“不负韶华 国聘行动”火炬专场网", 0),  # a quoted name's own space
    ("“不负韶华 国聘行动”火炬专场 网络招聘会走进武汉", 1),
    ("成都高新区让产业齿轮精准咬合", 0),
])
def test_parallel_halves_are_set_apart_by_a_space_outside_quotation_marks(text, halves):
    assert len(parallel_halves(text)) == halves


@pytest.mark.parametrize("column", ["■记者调查", "记者观察", "■记者手记"])
def test_a_role_word_over_no_name_is_a_column_name_not_a_byline(column):
    # A byline names a person, and a Chinese name opens with a surname: 记者调查 (the reporter's
    # inquiry) names a column. Over a title and its byline, it is no byline of the title's story.
    kinds = dict(_kinds(column, "科技部火炬中心召开巡视整改专题民主生活会", "本报记者 刘欣然 贾海燕",
                        "按照科技部党组统一部署和部巡视办具体安排，科技部火炬中心领导班子深入学习。"))
    assert kinds[column] != "byline"
    assert kinds["本报记者 刘欣然 贾海燕"] == "byline"


@pytest.mark.parametrize("byline", ["本报记者卢 静罗 平", "■ 本报记者", "本报记者 杨 迅", "文/颜 色"])
def test_bylines_naming_people_however_spaced_stay_bylines(byline):
    kinds = dict(_kinds("科技部火炬中心召开巡视整改专题民主生活会", byline,
                        "按照科技部党组统一部署和部巡视办具体安排，科技部火炬中心领导班子深入学习。"))
    assert kinds[byline] == "byline"


@pytest.mark.parametrize("verb", ["拥有", "具有"])
def test_a_line_ending_with_a_verb_never_said_without_its_object_goes_on_though_a_short_sentence_follows(verb):
    """A column cuts a sentence after 拥有 (……石狮园等“一区十园”，拥有 / 各类企业4740余家。…): the
    piece below opens with a short sentence, as a paragraph's run-in heading does, but a verb
    that never stands without its object (粘宾动词) says the sentence goes on there."""
    page = _page("泉州高新区：向新实体经济转型 建“一区十园”创新高地",
                 f"目前，泉州高新区包括主园区、鲤城园、石狮园等“一区十园”，{verb}",
                 "各类企业4740余家。泉州高新区紧抓福建泉州国家自主创新示范区获批机遇，加强以科技创新为核心的全面创新。")
    (draft,) = reflow_page(segment_page(page)).drafts
    assert f"“一区十园”，{verb}各类企业4740余家。" in draft.body
