"""The heart of the product: each page split into the articles a reader sees, in order.

Expected articles and junctions (tests/expected/segmentation.yaml) come from reading the
pages. The quality gate (tests/expected/quality.yaml) pins minimum scores that a change
may not lower, as trafilatura does for its extraction.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from parkdigest.articles.files import LOW_CONFIDENCE
from parkdigest.convert.conservation import conservation_errors
from parkdigest.convert.normalize import normalize_page
from parkdigest.convert.read import read_page
from parkdigest.problems import Severity

from conftest import SEED_FILES, SEEDS, article_titled, page_articles

EXPECTED = yaml.safe_load((Path(__file__).parent / "expected" / "segmentation.yaml").read_text(encoding="utf-8"))
QUALITY = yaml.safe_load((Path(__file__).parent / "expected" / "quality.yaml").read_text(encoding="utf-8"))

# Page furniture and captions: never inside an article's body.
MUST_NOT_APPEAR_IN_BODIES = ["视觉中国", "扫一扫", "微信公众号", "戚盛博/摄", "编辑：叶伟", "E-mail", "INNOVATION",
                             "本版图片来源于网络", "地址：北京市", "责任编辑", "科技部火炬中心合办", "2020.1.13",
                             "总第541期", "金川科技园国家碳纤维新材料工程技术研究中心实验室"]


def _articles(page):
    return list(zip(page.layout.drafts, page.articles))


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_articles_as_a_reader_sees_them(pages, seed):
    expected = EXPECTED[seed]["articles"]
    got = _articles(pages[seed])
    assert [d.title for d, _ in got] == [e["title"] for e in expected]
    for (draft, article), want in zip(got, expected):
        bodies = [p.text for p in draft.paragraphs if not p.subhead and not p.credit]
        if "first" in want:
            assert bodies[0].startswith(want["first"]), (draft.title, bodies[0][:40])
        if "last" in want:
            assert bodies[-1].endswith(want["last"]), (draft.title, bodies[-1][-40:])
        for snippet in want.get("contains", []):
            assert snippet in draft.body, (draft.title, snippet)
        for key in ("deck", "kicker"):
            if key in want:
                assert getattr(draft, key).startswith(want[key])
        if "section" in want:
            assert article.meta.get("section") == want["section"]
        if "caption" in want:
            assert want["caption"] in draft.captions


@pytest.mark.parametrize("seed", [s.name for s in SEED_FILES])
def test_every_character_lands_exactly_once(seed):
    from parkdigest.convert.reflow import reflow_page
    from parkdigest.convert.segment import segment_page

    page = normalize_page(read_page(SEEDS / seed))
    lost, added = conservation_errors(page, reflow_page(segment_page(page)))
    assert not lost and not added, (dict(lost), dict(added))


def test_furniture_and_captions_stay_out_of_bodies(pages):
    for page in pages.values():
        for draft, _ in _articles(page):
            for snippet in MUST_NOT_APPEAR_IN_BODIES:
                assert snippet not in draft.body, (page.source, draft.title, snippet)


def test_every_removed_line_is_in_the_report(pages):
    page = pages["003_a6838521c3fbe44f.txt"]
    removed = {f.text: f.rule for f in page.layout.furniture}
    assert removed["戚盛博/摄"] == "photo-credit"
    assert removed["INNOVATION 创新园区"] == "masthead"
    assert any(text.startswith("■ 编辑：叶伟") for text in removed)


def test_broken_compound_rejoined_across_columns(pages):
    """…由政府、企业、中介 | (subhead, other text) | 机构等构成…"""
    chengdu = _articles(pages["000_beff7d82536003b2.txt"])[0][0]
    assert "业界共治理事会成员由政府、企业、中介机构等构成，业界代表占比90%以上。" in chengdu.body
    assert "在参与相关规划编制、产业政策讨论的过程中，企业能提出针对性的建议" in chengdu.body


def test_word_broken_mid_character_rejoined(pages):
    contest = _articles(pages["002_92430654b3ed553e.txt"])[2][0]
    assert "二是要积极探索、建立健全颠覆性大赛相关工作机制" in contest.body


def test_opening_paragraphs_printed_last_are_read_first(pages):
    jining = _articles(pages["003_a6838521c3fbe44f.txt"])[0][0]
    texts = [p.text for p in jining.paragraphs]
    assert texts[0].startswith("济宁高新区自1992年创建")
    order = [next(i for i, t in enumerate(texts) if t.startswith(s)) for s in
             ("济宁高新区自1992年创建", "全力打造四大产业集聚区", "深度赋能济宁创新谷", "加快迈进2020年", "全面深化改革")]
    assert order == sorted(order)
    assert "以“济宁创新谷”为总揽，建设济宁新动能港，重点探索推进四大模式。" in jining.body


def test_paragraph_of_another_article_goes_back_to_its_own(pages):
    chengdu, _, _, baotou = (d for d, _ in _articles(pages["000_beff7d82536003b2.txt"]))
    assert "包头" not in chengdu.body
    assert "在这里建设了装备制造园区。" in baotou.body


def test_newsletter_contents_are_not_articles(pages):
    page = pages["002_92430654b3ed553e.txt"]
    assert len(page.articles) == 11
    contents = [f for f in page.layout.furniture if f.rule == "contents"]
    assert len(contents) == 13
    assert all(d.lines[0] > 30 for d, _ in _articles(page))


def scores(pages) -> dict[str, float]:
    """Article accuracy and join precision / recall over all seeds."""
    right = total = 0
    gold, found = set(), set()
    for seed, want in EXPECTED.items():
        got = {d.title: d for d, _ in _articles(pages[seed])}
        for article in want["articles"]:
            total += 1
            draft = got.get(article["title"])
            if draft is None:
                continue
            bodies = [p.text for p in draft.paragraphs if not p.subhead and not p.credit]
            ok = (not article.get("first") or bodies[0].startswith(article["first"])) and \
                 (not article.get("last") or bodies[-1].endswith(article["last"]))
            right += ok
        gold |= {(seed, a, b) for a, b in want["joins"]}
        found |= {(seed, j.left_line, j.right_line) for j in pages[seed].layout.joins}
    hits = len(gold & found)
    return {"articles": right / total, "join_precision": hits / max(len(found), 1),
            "join_recall": hits / max(len(gold), 1)}


def test_quality_gate_does_not_regress(pages):
    got = scores(pages)
    print("segmentation scores:", got)
    for key, value in got.items():
        assert value >= QUALITY[key], f"{key} fell to {value:.3f} (minimum {QUALITY[key]})"


def test_convert_report_lists_articles_joins_moves_and_furniture(tmp_path):
    import json
    import subprocess
    import sys

    seed = SEEDS / "000_beff7d82536003b2.txt"
    proc = subprocess.run([sys.executable, "-m", "parkdigest", "convert", str(seed), "--out",
                           str(tmp_path / "articles"), "--report"], cwd=tmp_path, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    start = proc.stdout.index("{")
    report, _ = json.JSONDecoder().raw_decode(proc.stdout[start:])
    assert [a["title"] for a in report["articles"]][0] == "成都高新区：让产业齿轮精准咬合"
    assert {"left": 21, "right": 31} in [{k: j[k] for k in ("left", "right")} for j in report["joins"]]
    assert any(j["moved"] for j in report["joins"])
    assert {"line": 55, "text": "视觉中国", "rule": "photo-credit"} in report["furniture"]
    uncertain = {(j["left"], j["right"]) for j in report["joins"] if j["confidence"] < LOW_CONFIDENCE}
    warned = {(int(m[1]), int(m[2])) for w in report["warnings"] if (m := UNCERTAIN_JOIN.search(w))}
    assert warned == uncertain  # the joins below the floor, and only those, are for an editor to check
    saved = json.loads((tmp_path / "sources" / "000_beff7d82536003b2.json").read_text(encoding="utf-8"))
    assert saved == report


UNCERTAIN_JOIN = re.compile(r"uncertain join of line (\d+) with line (\d+) \(confidence ([\d.]+)\)")


def test_a_join_below_the_confidence_floor_is_a_warning_and_a_sure_one_is_not():
    from parkdigest.convert.reflow import reflow_page
    from parkdigest.convert.segment import segment_page

    segmentation = segment_page(normalize_page(read_page(SEEDS / "000_beff7d82536003b2.txt")))
    first, *others = segmentation.joins
    unsure = replace(first, confidence=LOW_CONFIDENCE - 0.01)
    sure = [replace(j, confidence=max(j.confidence, LOW_CONFIDENCE)) for j in others]
    layout = reflow_page(replace(segmentation, joins=(unsure, *sure)))
    warnings = [w for w in layout.warnings if UNCERTAIN_JOIN.search(w.message)]
    assert [(w.message, w.line, w.severity) for w in warnings] == [
        (f"uncertain join of line {unsure.left_line} with line {unsure.right_line} (confidence 0.59)",
         unsure.left_line, Severity.WARNING)]


def _bodies_by_title(lines: list[str]) -> dict[str, str]:
    """Each article's body by its title, of a page of these lines a blank line apart."""
    return {d.title: d.body for d in _drafts("\n\n".join(lines))}


def _drafts(text: str):
    from parkdigest.convert.model import Line, Page
    from parkdigest.convert.reflow import reflow_page
    from parkdigest.convert.segment import segment_page

    page = Page("page.txt", tuple(Line(i + 1, t) for i, t in enumerate(text.splitlines())))
    return reflow_page(segment_page(normalize_page(page))).drafts


def _titles_of(lines: list[str]) -> list[str]:
    """The titles a page of these lines (one paragraph each) gives, in order."""
    return [d.title for d in _drafts("\n\n".join(lines))]


def _drafts_by_title(lines: list[str]) -> dict:
    """The drafts a page of these lines (one paragraph each) gives, by title."""
    return {d.title: d for d in _drafts("\n\n".join(lines))}


def _narrow_column(text: str, chars: int) -> list[str]:
    return [text[i:i + chars] for i in range(0, len(text), chars)]


def test_a_paragraph_a_copy_gave_line_by_line_is_text_not_a_stack_of_titles():
    """A narrow module's paragraph, each of its lines a block of its own, reads like headline
    lines; but each runs on into the next (……高层建筑和石 / 油化工……, ……全地形消 / 防车……):
    one paragraph of the article over it, no title of its own (seed 5800)."""
    column = ["能在胡同自如穿行的智能移动消防车（站）、专门应对高层建筑和石",
              "油化工火灾的脉冲察打一体消防无人机、登高涉水都不在话下的全地形消",
              "防车……近日在徐州高新区举行的第八届安全产业协同创新推进会暨安全",
              "及应急先进技术推广交流会上，一批全副武装的消防“新战士”的演示让人大开眼界。"]
    drafts = _drafts_by_title(["来徐州高新区 感受有技术含量的“安全感”", "本报记者 冯娜", *column])
    assert [[p.text for p in d.paragraphs] for d in drafts.values()] == [["".join(column)]]


def test_the_first_lines_of_a_paragraph_given_line_by_line_are_text_as_wide_as_the_rest():
    """Over the lines that run on, the paragraph's first lines fill the same width (the very
    first indented): 按照……部巡视办 / 具体安排，……深入 end between words, yet are its text
    and no subhead (seed 6111)."""
    column = ["按照科技部党组统一部署和部巡视办", "具体安排，科技部火炬中心领导班子深入",
              "学习贯彻党中央《关于加强巡视整改和成", "果运用的意见》，紧紧围绕科技部党组对",
              "火炬中心巡视整改工作的指示要求以及内", "部巡视反馈意见，近日召开巡视整改专题", "民主生活会。"]
    drafts = _drafts_by_title(["科技部火炬中心召开巡视整改专题民主生活会", "本报记者 许淑华", *column])
    assert [[p.text for p in d.paragraphs] for d in drafts.values()] == [["".join(column)]]


# Four paragraphs of a park story (written for these tests), for pages printed in narrow columns.
_PARK_STORY = [
    "今年以来，东湖高新区围绕光电子信息、生物医药和高端装备三大主导产业，持续推动科技成果在园区落地转化。"
    "园区新建中试平台十二家，为初创企业提供从样品试制到小批量生产的全流程服务，一批实验室里的新技术正在走向生产线。",
    "在光谷一家激光企业的车间里，工程师正在调试新一代超快激光设备。企业负责人介绍，依托园区的中试平台，"
    "这台设备从研发到量产只用了不到一年时间，比过去缩短了将近一半，目前订单已经排到了明年春天。",
    "据统计，去年园区高新技术企业数量突破五千家，技术合同成交额同比增长两成以上，创新活力持续释放。",
    "园区管委会有关负责人表示，下一步将继续完善技术转移、知识产权和科技金融等服务，引导更多高校院所的科研团队"
    "在园区创办企业，让更多创新成果在这里生根发芽、开花结果。",
]


# Marks a typesetter never puts at the start of a line (GB/T 15834's closing marks): of 6,746 lines
# of held-out typeset pages as the dev set's copy tool gives them, none starts with one.
_CLOSING_MARKS = "，。、；：！？）”》"


def _typeset_lines(paragraph: str, measure: int) -> list[str]:
    """A paragraph's lines in a column of `measure` characters, its first line indented two (the
    indent lost in the copy). A closing mark that would open a line pulls the character before it
    down with it, as typesetters do: that line is a character short."""
    lines, rest, width = [], paragraph, measure - 2
    while rest:
        line, rest = rest[:width], rest[width:]
        while rest and rest[0] in _CLOSING_MARKS and len(line) > 1:
            line, rest = line[:-1], line[-1] + rest
        lines.append(line)
        width = measure
    return lines


def _printed_rows(paragraphs: list[str], measure: int, columns: int) -> list[str]:
    """The paragraphs printed in `columns` columns of `measure` characters (`_typeset_lines`),
    read row by row: each row's lines left to right."""
    lines = [line for paragraph in paragraphs for line in _typeset_lines(paragraph, measure)]
    height = -(-len(lines) // columns)
    stacks = [lines[c * height:(c + 1) * height] for c in range(columns)]
    return [stack[row] for row in range(height) for stack in stacks if row < len(stack)]


# A column's last line goes on at the next column's top, which the copy gave far back, in its first
# row; where the line reads on as well into a nearer line, the near one is taken (……时间，比|过去缩短
# read as 比|园区管委会有关). Known, and kept in sight: this grid fails.
_COLUMN_TOP_LOST = pytest.mark.xfail(strict=True, reason="a column's last line loses its far-back rest, the "
                                                        "next column's top, to a near line")


@pytest.mark.parametrize(("measure", "columns"), [
    (9, 2), (10, 2), (11, 2), (9, 3), (10, 3), (11, 3), (10, 4), (11, 4), (10, 5), (10, 6),
    pytest.param(9, 4, marks=_COLUMN_TOP_LOST)])
def test_a_page_copied_a_printed_line_to_a_block_reads_its_columns_line_by_line(measure, columns):
    """A tool that keeps a column's lines together only when they stand close copies a page set
    with more leading a printed line to a block, and the lines its columns print on one row come
    one after the other. Each line is text, not a title (it fills its column's measure, or that
    less a character the typesetter pushed to the next line), its rest is the line as many blocks
    on as its row has columns, and a paragraph that ends goes on with the next line of its column:
    one article, its four paragraphs whole and in order."""
    rows = _printed_rows(_PARK_STORY, measure, columns)
    drafts = _drafts_by_title(["园区动态", "东湖高新区中试平台加速成果转化落地", "本报记者 李明", *rows])
    assert list(drafts) == ["东湖高新区中试平台加速成果转化落地"]
    text = "".join(p.text for p in drafts["东湖高新区中试平台加速成果转化落地"].paragraphs)
    assert text == "".join(_PARK_STORY)


_CONTEST_STORY = [
    "本报讯 近日，高新区举办第三届青年创新创业大赛，来自全国各地的一百二十个项目同台竞技，涉及人工智能、"
    "新能源和新材料等领域。经过初赛和复赛的层层选拔，最终有二十个项目进入决赛。",
    "大赛组委会介绍，获奖项目将优先入驻园区孵化器，享受三年房租减免，并可获得最高五十万元的创业资助。"
    "园区还将为每个项目配备一名创业导师，帮助团队解决融资、市场和管理等方面的难题。",
    "参赛选手小王说，这次比赛让他结识了不少投资人，自己的项目已经和两家基金达成了初步合作意向。",
]


@pytest.mark.parametrize(("measure", "columns"), [
    (10, 2), (11, 2), (10, 3), (11, 3), (10, 4), (11, 4)])
def test_the_rest_of_a_printed_line_stands_near_it_and_not_past_another_story_s_title(measure, columns):
    """Two stories copied a printed line to a block, one module under the other. A far line of
    the other story may read on from a line (……配备一名创业|园区管委会有关负责人……); but a line's
    rest stands among the few lines after it, and not past the next story's title: each story
    whole, in order."""
    lines = ["园区动态", "东湖高新区中试平台加速成果转化落地", "本报记者 李明", *_printed_rows(_PARK_STORY, measure, columns),
             "青年创新创业大赛在高新区举行", *_printed_rows(_CONTEST_STORY, measure, columns)]
    drafts = _drafts_by_title(lines)
    assert {title: "".join(p.text for p in d.paragraphs) for title, d in drafts.items()} == {
        "东湖高新区中试平台加速成果转化落地": "".join(_PARK_STORY),
        "青年创新创业大赛在高新区举行": "".join(_CONTEST_STORY)}


# A park story (written for these tests) whose sentences hold dashes: a printed line of it may
# read as a kicker run into its title (……产业联盟——大数 / 据与网络安全……).
_DASH_STORY = [
    "今年以来，高新区牵头成立了两个业界共治组织——大数据与网络安全产业联盟和智能制造产业联盟，"
    "吸引一百多家企业加入，联盟成员之间的合作项目已有四十多个。",
    "联盟秘书长介绍，园区还设立了专项资金——每年五千万元，用于支持联盟成员联合攻关关键核心技术，"
    "首批十个项目已经立项。",
    "业内人士认为，这种由企业唱主角的治理方式——政府搭台、企业唱戏，让园区的产业生态更加活跃。",
]


@pytest.mark.parametrize(("measure", "columns"), [(9, 2), (10, 2), (11, 2), (9, 3), (10, 3), (11, 3), (12, 3)])
def test_a_printed_line_with_a_dash_in_it_is_text_of_its_column_not_a_kicker_and_title(measure, columns):
    """A line that fills its column's measure among lines of that measure is text, whatever
    headline it looks like: a sentence's dash makes it look like a kicker run into its title. One
    article, all its text in it."""
    story = [*_PARK_STORY[:2], *_DASH_STORY, *_PARK_STORY[2:]]
    drafts = _drafts_by_title(["园区动态", "高新区业界共治激发产业活力", "本报记者 李明",
                               *_printed_rows(story, measure, columns)])
    assert list(drafts) == ["高新区业界共治激发产业活力"]  # (the order of its lines is the tests' above)
    assert sorted("".join(p.text for p in drafts["高新区业界共治激发产业活力"].paragraphs)) == sorted("".join(story))


# A paragraph (written for these tests) one of whose printed lines, in a 13-character column, reads
# as a whole title ending with a whole word: 东湖高新区加快建设世界光谷.
_TITLE_LIKE_LINE = "东湖高新区加快建设世界光谷"
_TITLE_LIKE_PARAGRAPH = ("园区管委会有关负责人介绍，今年园区将继续坚定不移深入实施创新驱动发展战略，" + _TITLE_LIKE_LINE
                         + "的步伐不会停，一批重大项目将在年内开工建设，为区域经济发展注入新的动力。")


@pytest.mark.parametrize("columns", [2, pytest.param(3, marks=pytest.mark.xfail(
    strict=True, reason="a row-mate that ends a paragraph (产线。) stands beside it: not between two "
                        "lines of its measure, it is read as a heading still"))])
def test_a_printed_line_that_reads_as_a_title_between_lines_of_its_measure_is_text(columns):
    """A column's line may read as a whole title ending with a whole word (东湖高新区加快建设世界
    光谷). A heading is set apart from the text in its own type; this line is copied between lines
    of its measure, its column's and its row's: text of its paragraph, no title of a story."""
    measure = 13
    story = [*_PARK_STORY[:2], _TITLE_LIKE_PARAGRAPH, *_PARK_STORY[2:]]
    assert _TITLE_LIKE_LINE in _typeset_lines(_TITLE_LIKE_PARAGRAPH, measure)
    drafts = _drafts_by_title(["园区动态", "东湖高新区中试平台加速成果转化落地", "本报记者 李明",
                               *_printed_rows(story, measure, columns)])
    assert list(drafts) == ["东湖高新区中试平台加速成果转化落地"]
    paragraphs = drafts["东湖高新区中试平台加速成果转化落地"].paragraphs
    assert not [p.text for p in paragraphs if p.subhead]
    assert "".join(p.text for p in paragraphs) == "".join(story)


def test_a_printed_line_holding_digits_may_be_a_unit_off_its_measure():
    """A font sets a digit or a Latin letter narrower or wider than half a Chinese character: a
    line holding some may fill its measure a half-width unit off what `display_width` counts. A
    line of Chinese characters alone fills it exactly."""
    from parkdigest.convert.printed_lines import PrintedLines

    lines = PrintedLines(frozenset({20}))
    assert lines.measures_of("7月20日，东湖高新区中") == (20,)  # 21 units: 3 digits, 9 characters
    assert lines.measures_of("东湖高新区中试平台建") == (20,)
    assert lines.measures_of("东湖高新区中试平台建设") == ()  # 22 units, and no indent or push makes 20


def test_a_line_stands_between_lines_of_its_measure_only_when_both_its_neighbours_fill_it():
    """A heading is set apart in its own type: a line is set among its column's text only when the
    lines right before and after it fill its measure (a first line, its indent lost, does)."""
    from parkdigest.convert.printed_lines import PrintedLines

    lines = PrintedLines(frozenset({20}))
    column = ["东湖高新区中试平台建", "东湖高新区加快建设", "园区新建中试平台十二"]
    assert lines.between_lines_of_its_measure(column, 1)
    assert not lines.between_lines_of_its_measure([column[0], column[1], "园区新建中"], 1)  # a short last line
    assert lines.between_lines_of_its_measure(["东湖高新区中试平", *column[1:]], 1)  # 16 + an indent
    assert not lines.between_lines_of_its_measure(column, 0)  # the page's first line has no line before it


def test_a_first_line_holding_digits_is_its_storys_text_not_a_title():
    """A story's lead opens with a date (7月20日，……): its first line, set by a font whose digits are
    narrower than half a character, comes a unit off its column's measure, among the column's
    lines on a page copied a printed line to a block. It is the lead's first line, not a title
    read over the story's."""
    measure, columns = 11, 2
    lead = "7月20日，东湖高新区中试平台建设推进会召开，十二家平台负责人交流了服务初创企业的经验。"
    first = "7月20日，东湖高新区中"  # 21 units in a 22-unit measure
    rest = lead[len(first):]
    lines = [first, *(rest[i:i + measure] for i in range(0, len(rest), measure)),
             *(line for paragraph in _PARK_STORY for line in _typeset_lines(paragraph, measure))]
    height = -(-len(lines) // columns)
    stacks = [lines[c * height:(c + 1) * height] for c in range(columns)]
    rows = [stack[row] for row in range(height) for stack in stacks if row < len(stack)]
    drafts = _drafts_by_title(["园区动态", "东湖高新区中试平台加速成果转化落地", "本报记者 李明", *rows])
    assert list(drafts) == ["东湖高新区中试平台加速成果转化落地"]
    text = "".join(p.text for p in drafts["东湖高新区中试平台加速成果转化落地"].paragraphs)
    assert text == lead + "".join(_PARK_STORY)


@pytest.mark.parametrize("folder", ["devset-pdf", "devset-pdfstream", "devset-pdftotext"])
def test_only_a_page_copied_a_printed_line_to_a_block_has_column_measures(folder):
    """The measures are read only where most blocks are single column lines that share a few
    widths: no page of the tuning sets' copies (blocks of whole paragraphs, or lines kept in their
    blocks) has them; the printed rows of a story in 10-character columns have 20 and 16 (a first
    line, its two-character indent lost)."""
    from parkdigest.convert.classify import classify_blocks
    from parkdigest.convert.model import Line, Page
    from parkdigest.convert.printed_lines import PrintedLines

    def blocks(text: str):
        page = Page("page.txt", tuple(Line(i + 1, t) for i, t in enumerate(text.splitlines())))
        return classify_blocks(normalize_page(page))

    pages = sorted((Path(__file__).parent / folder / "pages").glob("*.txt"))
    assert pages and not [p.name for p in pages if PrintedLines.of(blocks(p.read_text(encoding="utf-8")))]
    rows = PrintedLines.of(blocks("\n\n".join(_printed_rows(_PARK_STORY, 10, 3))))
    assert rows is not None and {20, 16} <= rows.measures


@pytest.mark.parametrize("byline", ["本报记者 宋朝军", "□ 本报记者 易舒冉", "本报记者 汪志球 郑智文"])
def test_a_byline_as_wide_as_a_narrow_column_is_not_read_into_its_first_paragraph(byline):
    # A tool that copies a page line by line (pdftotext) gives a narrow column's lines, the byline
    # among them as wide as they are: a byline is a whole line of its own, whatever its width.
    first = ("在甘肃省兰州市闵家桥社区，72岁的居民杜新民正在自家楼下晒太阳，一位拿着公文包和笔记本的人走来，"
             "和她聊起小区的电梯。")
    second = "来人叫陈灿，全国人大代表，兰州市律师协会会长、甘肃锐城律师事务所主任。"
    width = len(byline.replace(" ", "")) + 1
    lines = ["运用法治力量提升居住质量", "", byline, *_narrow_column(first, width), *_narrow_column(second, width)]
    (draft,) = _drafts("\n".join(lines))
    assert draft.byline == byline.lstrip("□ ")
    assert draft.body.startswith("在甘肃省兰州市闵家桥社区"), draft.body[:30]


def test_a_dateline_under_a_title_as_wide_as_the_column_opens_the_paragraph():
    # pdftotext gives the title's last line and the dateline's first as two lines of one width.
    text = ("本报北京3月25日电 （记者林丽鹂）近日，市场监管总局会同教育部组织起草《幼儿园落实食品安全主体责任监督"
            "管理规定（征求意见稿）》，向社会公开征求意见。")
    lines = ["园区观察", "", "两部门起草新规向社会征求意见", "", "明确幼儿园食品安全实行园长负责制",
             *_narrow_column(text, 16)]
    (draft,) = _drafts("\n".join(lines))
    assert "负责制" in draft.title + draft.kicker + draft.deck
    assert draft.body.startswith("本报北京3月25日电"), draft.body[:30]


def test_the_line_under_a_kicker_that_ends_with_a_dash_is_its_title_not_text_cut_from_a_column():
    # 壁画成舞 + 姿白描图 would make a word (舞姿): but a dash kicker announces the title under it.
    lines = ["靠技术在市场上站稳脚跟（创新故事）", "卢 鑫", "",
             "鞋之科技，七分在底。研发这一双小小的鞋底，我们花了近一年时间，模具都不知道开了多少套。", "",
             "兰州文理学院教授高金荣47年致力于敦煌舞教学和创新——", "", "壁画成舞", "神韵流动（一辈子一件事）",
             "□ 本报记者 宋朝军", "",
             "“注意三道弯身体形态，眼神要威武庄严！”在兰州文理学院的舞蹈教室里，金亮正在指导学生练习敦煌舞。", "",
             "上世纪80年代，敦煌研究院的专家把珍藏的敦煌舞", "", "姿白描图借给高金荣，用于临摹整理。"]
    drafts = _drafts("\n".join(lines))
    assert [d.title for d in drafts] == ["靠技术在市场上站稳脚跟（创新故事）", "壁画成舞  神韵流动（一辈子一件事）"]
    assert drafts[0].body.startswith("鞋之科技")


def test_the_end_of_a_title_the_column_wrapped_is_the_titles_not_text_that_a_word_runs_into():
    # 心 would make a word with the line 焦… (心焦) by chance: but it ends the word 中|心 broken
    # at the end of the title line above it, and a head's parts end with whole words.
    lines = ["滨海高新区：打造区域科技创新中", "心", "本报记者 王明",
             "本报讯 近日，滨海高新区发布新一轮科技创新政策，对新型研发机构给予最高1000万元支持。",
             "政策涵盖人才引进、成果转化、企业孵化等多个方面。今年以来，园区聚",
             "焦新能源汽车产业，引进龙头企业12家，带动上下游企业集聚发展。"]
    drafts = _drafts("\n\n".join(lines))
    assert [d.title for d in drafts] == ["滨海高新区：打造区域科技创新中心"]
    assert drafts[0].body.endswith("园区聚焦新能源汽车产业，引进龙头企业12家，带动上下游企业集聚发展。")


def test_heads_of_two_articles_side_by_side_read_row_by_row_are_two_heads():
    # A tool that reads a page row by row gives the titles of two modules side by side, then
    # their bylines, then their columns' paragraphs in turn.
    lines = ["来徐州高新区 感受有技术含量的“安全感”", "", "成都高新区：让产业齿轮精准咬合", "",
             "记者 丁娜", "", "本报记者 徐洋", "",
             "能在胡同自如穿行的智能移动消防车、专门应对高层建筑火灾的脉冲察打一体消防无人机，徐州高新区的安全应急装备企业吸引了参观者。", "",
             "自我介绍改成了“介绍邻座”，企业的问题由所有参会者“问诊把脉开药方”，成都高新区的产业生态圈联盟活动让企业彼此成为客户。", "",
             "徐州高新区安全应急产业园集聚了消防装备、矿山安全装备企业，安全应急装备产值逐年增长。", "",
             "成都高新区发布产业培育政策，每年设立资金支持产业生态圈联盟和产业社区建设，让产业链上下游企业咬合得更紧。"]
    drafts = _drafts("\n".join(lines))
    assert [(d.title, d.byline) for d in drafts] == [("来徐州高新区 感受有技术含量的“安全感”", "记者 丁娜"),
                                                    ("成都高新区：让产业齿轮精准咬合", "本报记者 徐洋")]
    assert "消防无人机" in drafts[0].body and "产业园" in drafts[0].body
    assert "介绍邻座" in drafts[1].body and "产业社区" in drafts[1].body


def test_one_title_over_two_byline_lines_stays_one_head():
    lines = ["“让汽车生产像搭积木一样灵活”（调查研究）", "本报记者 祝佳祺", "通讯员 刘强", "",
             "汽车生产可以不在流水线上，而是在“岛”上。广西柳州，走进上汽通用五菱智能岛制造车间，机器人有序作业。"]
    (draft,) = _drafts("\n".join(lines))
    assert draft.title == "“让汽车生产像搭积木一样灵活”（调查研究）"


def test_a_kicker_under_a_full_line_that_ends_a_sentence_is_no_line_of_that_paragraph():
    # A page hard-wrapped at one width: a paragraph's last line may end a sentence at the full
    # width; the short kicker under it ends no sentence, so it opens the next stack.
    first = ("开年以来，从打破好莱坞票房垄断的电影，到登上春晚的人形机器人，再到全民关注的国产人工智能，"
             "每一个令人惊叹的突破，都是一个关于热爱的故事，期待每份心中的热爱，都能向阳而开、绽放精彩。")
    second = ("技能是产业工人的看家本领。如何才能带动更多产业工人精研技艺，不断激发创新创造活力？"
              "全国政协总工会界别提交了一份提案，引起广泛关注，这份提案被评为年度好提案。")
    width = 18  # characters a line: the paragraph's last line is full and ends with 。
    assert len(first) % width == 0
    lines = ["守护心中那团火（人民论坛）", "文/石羚", *_narrow_column(first, width),
             "全国政协总工会界别——", "激发产业工人创新活力（落地有声·高质量办理委员提案）", "本报记者 易舒冉",
             *_narrow_column(second, width)]
    drafts = _drafts("\n".join(lines))
    assert [(d.kicker, d.title) for d in drafts] == [
        ("", "守护心中那团火（人民论坛）"), ("全国政协总工会界别——", "激发产业工人创新活力（落地有声·高质量办理委员提案）")]
    assert drafts[0].body.endswith("绽放精彩。")


_BRIEF = ["本报北京3月1日电 园区今年新开工重大项目四十个，总投资超过八百亿元，产业链上下游企业加快集聚，发展动能持续增强。", "",
          "园区负责人介绍，今年将继续优化营商环境，推动科技成果转化，支持企业加大研发投入，培育更多专精特新企业。"]


@pytest.mark.parametrize("stack", [
    ["园区调研记", "加快培育发展新质生产力", "本报记者 王珂", "本报通讯员 刘明"],  # a stringer's line goes on with the byline
    ["加快培育发展新质生产力", "——来自江苏苏州工业园区的调查", "本报记者 王珂", "本报记者 刘明"],  # a subtitle is no title
    ["李强在江苏调研时强调", "加快培育发展新质生产力", "本报记者 王珂", "本报记者 刘明"],  # nor a kicker on a speech
])
def test_one_head_over_two_byline_lines_is_not_two_heads_side_by_side(stack):
    drafts = _drafts("\n\n".join(stack) + "\n\n" + "\n".join(_BRIEF))
    assert len(drafts) == 1 and "加快培育发展新质生产力" in drafts[0].title + drafts[0].deck + drafts[0].kicker


def test_heads_side_by_side_keep_the_text_under_them_and_leave_other_articles_theirs():
    # An article about the same subject stands before the pair, and another with its dateline
    # paragraph after it: the text under the pair is theirs alone, and neither takes the
    # later article's dateline paragraph.
    lines = ["徐州高新区安全应急装备展开幕（园区动态）", "", "本报记者 张华", "",
             "徐州高新区安全应急装备展开幕，消防车、消防无人机、矿山安全装备等产品集中亮相，吸引了众多参观者。", "",
             "来徐州高新区 感受有技术含量的“安全感”", "", "成都高新区：让产业齿轮精准咬合", "", "记者 丁娜", "", "本报记者 徐洋", "",
             "徐州高新区的智能移动消防车和脉冲察打一体消防无人机，是园区安全应急装备企业的拳头产品。", "",
             "徐州高新区安全应急产业园集聚了消防装备、矿山安全装备企业，安全应急装备产值逐年增长。", "",
             "成都高新区的产业生态圈联盟让企业彼此成为客户，“介绍邻座”成了企业家们的新习惯。", "",
             "成都高新区发布产业培育政策，每年设立资金支持产业生态圈联盟和产业社区建设，让产业链上下游企业咬合得更紧。", "",
             "合肥高新区量子产业加速集聚（园区动态）", "", "本报记者 李明", "", "图为合肥高新区量子科技产业园一角。", "",
             "本报合肥3月1日电 合肥高新区量子科技企业已超过六十家，量子计算、量子通信、量子精密测量产业链条日趋完整。"]
    drafts = {d.title: d for d in _drafts("\n".join(lines))}
    xuzhou, chengdu = drafts["来徐州高新区 感受有技术含量的“安全感”"], drafts["成都高新区：让产业齿轮精准咬合"]
    assert "拳头产品" in xuzhou.body and "安全应急产业园" in xuzhou.body, xuzhou.body
    assert "介绍邻座" in chengdu.body and "产业社区" in chengdu.body, chengdu.body
    assert drafts["合肥高新区量子产业加速集聚（园区动态）"].body.startswith("本报合肥3月1日电")


def test_text_under_heads_side_by_side_that_neither_title_speaks_for_starts_with_the_left_one():
    # A row is read from its left: with no word of either title in it, the paragraph right under
    # the pair is the left head's, and the byline right above it (the right head's) pulls to neither.
    lines = ["来徐州高新区 感受有技术含量的“安全感”", "", "成都高新区：让产业齿轮精准咬合", "", "记者 丁娜", "",
             "本报记者 徐洋", "", "春日的清晨，展厅里已经站满了前来参观的人，讲解员一遍遍介绍着展台上的新产品。"]
    drafts = _drafts("\n".join(lines))
    assert [d.title for d in drafts if "春日的清晨" in d.body] == ["来徐州高新区 感受有技术含量的“安全感”"]


def test_a_line_with_two_commas_above_a_stack_is_text_cut_by_a_column_not_its_kicker():
    lines = ["家电卖出超万亿元，动能在哪里（读数）", "本报记者 韩鑫", "",
             "消费者得实惠，门店同样受益。自以旧换新活动实施以来，门店客流量明显增加。", "",
             "在“国补”8类家电产品基础上，今年1月20日，抖音商城", "",
             "促进城乡融合发展", "", "本报记者 朱隽", "",
             "人勤春来早。山东莒南县，“哒哒哒”的声音回响在田间，农机开沟起垄正忙。", "",
             "上线数码产品补贴专区，手机、平板电脑等数码产品销量大增。"]
    drafts = _drafts("\n".join(lines))
    assert [(d.kicker, d.title) for d in drafts] == [("", "家电卖出超万亿元，动能在哪里（读数）"), ("", "促进城乡融合发展")]
    assert "抖音商城" in drafts[0].body


def test_a_title_with_only_a_byline_after_a_head_without_one_is_an_article_not_a_story():
    # A package's stories carry a kicker over their titles (好政策增收减负—— / 腰包鼓起来…); a
    # title and a byline alone, under a brief whose head has no byline, is the next article.
    lines = ["唐山高新区聚力培育双创载体（园区快讯）", "", "今年以来，唐山高新区着力实施科技型企业培育工程，新认定省级众创空间3家。", "",
             "力争3年挺进20强 常州高新区招引重大项目促提质增效", "", "本报记者 于大勇", "",
             "在常州国家高新区召开的“重大项目增效年”动员大会上，常州高新区提出力争3年挺进全国前20强。"]
    drafts = _drafts("\n".join(lines))
    assert [d.title for d in drafts] == ["唐山高新区聚力培育双创载体（园区快讯）", "力争3年挺进20强 常州高新区招引重大项目促提质增效"]


def test_a_story_kicker_run_into_its_title_still_makes_a_story_of_the_package():
    lines = ["改善条件，提升消费意愿（新视窗）", "", "前不久，中办、国办印发《提振消费专项行动方案》，围绕提升消费能力作出部署。", "",
             "好政策增收减负——腰包鼓起来，消费底气足", "本报记者 周欢", "",
             "近日，在江西宜黄县圳口乡电商直播基地里，洪德进的红薯粉卖得正火。", "",
             "新科技改变生活——产品功能多，市场卖得火", "本报记者 齐志明", "",
             "每天清晨，安徽宣城市居民章修瑞在手机上发出指令后，扫地机器人就开始工作。"]
    (draft,) = _drafts("\n".join(lines))
    assert draft.title == "改善条件，提升消费意愿（新视窗）"


def test_a_head_whose_pictures_stand_over_its_own_text_opens_a_package_not_a_photo_item():
    # A copy that reads a page in the order the PDF draws it gives a package's head, then its
    # pictures' captions (each over its credit), then its editor's note: a short first paragraph
    # shaped like a caption, a longer one, the note's signature. Text runs on past the pictures, so
    # the head is no photo item: it opens the package, and the stories under it are its sections.
    note = ("一段时间以来，各地园区不断完善创新服务、打造应用场景、优化营商环境，新质生产力加快成形。本版今起推出系列报道，"
            "走进三座园区，看它们如何把创新资源转化为发展动能，如何让科技成果在产业一线开花结果，如何为企业成长营造更好的环境。")
    lines = ["从三座园区看“新质生产力”如何落地", "无锡高新区智能制造展厅内，参观者正在体验工业机器人。", "本报记者 王涛摄",
             "合肥高新区量子科技产业园一角。", "新华社发", "随着一系列支持政策的持续落地，越来越多的科技企业在园区扎根成长。",
             note, "——编 者", "浙江乌镇——", "智能制造 跑出加速度", "本报记者 陈晨",
             "走进无锡高新区的智能工厂，机械臂上下翻飞，物流小车往来穿梭，一条条产线满负荷运转。园区负责人介绍，今年以来已有二十余家智能制造企业落户。",
             "园区设立专项资金，支持企业开展数字化改造，帮助中小企业用得起、用得好工业软件和智能装备。",
             "安徽宏村——", "量子科技 从实验室走向市场", "本报记者 李娜",
             "在合肥高新区的量子科技产业园，一批量子通信和量子计算企业正在加快产品研发。园区已集聚相关企业六十余家。",
             "园区联合高校共建中试平台，打通科研成果从实验室到生产线的最后一公里。"]
    (draft,) = _drafts_by_title(lines).values()
    assert draft.title == "从三座园区看“新质生产力”如何落地"
    assert draft.body.startswith("随着一系列支持政策") and "机械臂上下翻飞" in draft.body and "量子计算企业" in draft.body


def test_a_byline_printed_under_the_pictures_of_a_head_signs_that_head():
    lines = ["中国科学院上海有机化学研究所研究员马大为致力合成生物学研究——", "努力寻找药物合成的最优解（弘扬科学家精神）", "",
             "马大为（中）在与学生讨论课题。", "", "本报记者  黄晓慧", "", "人物小传", "",
             "马大为，1963年生，河南社旗人，中国科学院院士。", "",
             "在中国科学院上海有机化学研究所，提到马大为，大家都说他是一位执着的科学家。"]
    drafts = _drafts("\n".join(lines))
    assert [d.title for d in drafts] == ["努力寻找药物合成的最优解（弘扬科学家精神）"]


def test_a_picture_note_wrapped_onto_the_next_block_is_furniture_whole():
    from parkdigest.convert.model import Line, Page
    from parkdigest.convert.segment import segment_page

    lines = ["努力寻找药物合成的最优解（弘扬科学家精神）", "本报记者 黄晓慧", "", "马大为在做实验。", "",
             "以上图片均为中国科学院上海有机", "", "化学研究所提供", "",
             "在中国科学院上海有机化学研究所，提到马大为，大家都说他是一位执着的科学家。"]
    page = Page("page.txt", tuple(Line(i + 1, t) for i, t in enumerate(lines)))
    furniture = [f.text for f in segment_page(normalize_page(page)).furniture]
    assert furniture == ["以上图片均为中国科学院上海有机", "化学研究所提供"]


def test_a_closing_note_under_a_full_line_stays_the_articles_last_line():
    # (本报记者施钰整理) under a wrapped paragraph's full last line: a line of its own, still the article's end
    text = ("福建持续建立健全公共数据资源体系，推动三百多个公共数据社会化应用场景上线，"
            "让公共数据跑起来、用起来，释放数据要素价值，服务经济社会发展。")
    width = 17
    assert len(text) % width == 0
    lines = ["公共数据如何“跑起来”“用起来”（大数据观察）", "本报记者 施钰", *_narrow_column(text, width),
             "（本报记者施钰整理）", "", "让非遗被更多人看见（快评）", "王开玉", "",
             "非遗是中华优秀传统文化的重要组成部分，让非遗被更多人看见，需要创新传播方式。"]
    drafts = _drafts("\n".join(lines))
    assert [d.title for d in drafts] == ["公共数据如何“跑起来”“用起来”（大数据观察）", "让非遗被更多人看见（快评）"]
    last = drafts[0].paragraphs[-1]
    assert (last.text, last.credit) == ("（本报记者施钰整理）", True)


# A copy that reads a page's headlines row by row stacks one module's kicker or title with
# another's: the stray line shares no word with the text under its stack, and another
# article's text shares many (segment._stray_headlines).
_HYDROGEN = ["氢能产业园里，电解槽生产线正在满负荷运转，一台台制氢设备从这里发往全国各地的加氢站和化工企业。", "",
             "园区负责人介绍，氢能装备企业已集聚三十余家，燃料电池、储氢瓶、加氢机形成完整链条，绿氢成本逐年下降。"]
_TEA = ["春茶采摘忙起来了，茶园里一片繁忙，茶农们趁着晴好天气采摘嫩芽，制茶车间的杀青机、揉捻机昼夜运转。", "",
        "全省茶叶年产量突破十万吨，春茶上市时间比往年提前一周，名优茶比重逐年提高，茶农增收有了新门路。"]


def test_a_kicker_read_into_another_articles_stack_goes_to_the_article_it_speaks_of():
    lines = ["园区氢能装备产业链加速成形", "", "全省茶叶年产量突破十万吨，春茶上市提前一周", "", "本报记者 方明", "",
             *_HYDROGEN, "", "春茶为何早上市（产业观察）", "", "本报记者 林青", "", *_TEA]
    drafts = _drafts("\n".join(lines))
    assert [(d.kicker, d.title) for d in drafts] == [
        ("", "园区氢能装备产业链加速成形"), ("全省茶叶年产量突破十万吨，春茶上市提前一周", "春茶为何早上市（产业观察）")]
    assert "电解槽" in drafts[0].body and "茶农" in drafts[1].body


def test_a_title_read_into_another_articles_stack_heads_its_own_text():
    # The title's brief, opened by its dateline, stands after the other title's text.
    lines = ["园区氢能装备产业链加速成形", "", "春茶采摘忙起来 茶农增收有了新门路", "", "本报记者 方明", "", *_HYDROGEN, "",
             f"本报杭州4月2日电 {_TEA[0]}", *_TEA[1:]]
    drafts = _drafts("\n".join(lines))
    assert [d.title for d in drafts] == ["园区氢能装备产业链加速成形", "春茶采摘忙起来 茶农增收有了新门路"]
    assert "电解槽" in drafts[0].body and "茶农" not in drafts[0].body
    assert "茶农" in drafts[1].body and "电解槽" not in drafts[1].body


def test_a_marked_section_over_a_columns_name_heads_an_article_not_a_box_of_the_one_above():
    # A box inside an article has one heading (■相关链接); a marked name over a column's name is
    # the page's section over that column, and the title under them opens an article.
    lines = ["园区氢能装备产业链加速成形", "", "本报记者 方明", "", *_HYDROGEN, "", "■相关链接", "", _TEA[0], "",
             "■产业巡礼", "", "茶乡动态", "", "春茶采摘忙起来 茶农增收有了新门路", "", _TEA[2]]
    drafts = _drafts("\n".join(lines))
    assert [d.title for d in drafts] == ["园区氢能装备产业链加速成形", "春茶采摘忙起来 茶农增收有了新门路"]
    assert "相关链接" in drafts[0].body and "茶园" in drafts[0].body
    assert "茶农增收有了新门路" in drafts[1].body


def test_a_box_heading_over_its_own_label_stays_inside_the_article():
    lines = ["园区氢能装备产业链加速成形", "", "本报记者 方明", "", *_HYDROGEN, "", "■一、产业链的形成", "", "【相关链接】", "",
             *_TEA]
    assert [d.title for d in _drafts("\n".join(lines))] == ["园区氢能装备产业链加速成形"]


def test_a_byline_read_above_its_title_signs_the_head_under_it():
    # A copy reads a byline printed beside its title first (园区快讯 / 本报记者 方明 / title):
    # a byline signs an article, never a subhead, so the stack right under it opens one.
    lines = ["园区氢能装备产业链加速成形", "", "本报记者 林青", "", *_HYDROGEN, "", "园区快讯", "", "本报记者 方明", "",
             "春茶采摘忙起来 茶农增收有了新门路", "", *_TEA]
    drafts = _drafts("\n".join(lines))
    assert [d.title for d in drafts] == ["园区氢能装备产业链加速成形", "春茶采摘忙起来 茶农增收有了新门路"]
    assert "茶农" in drafts[1].body and "茶农" not in drafts[0].body
    assert drafts[1].byline == "本报记者 方明"


def test_a_headline_turning_to_another_park_opens_an_article_when_its_text_stands_further_down():
    # A subhead stays on its article's subject: a line naming a park that the article above never
    # names, whose text (further down, past a paragraph a copy reads between) names it, is a title.
    lines = ["泉州高新区：向新实体经济转型 建“一区十园”创新高地", "", "本报记者 方明", "",
             "近年来，泉州高新区坚持以实体经济为本，推动传统产业转型升级，新兴产业蓬勃发展。", "",
             "唐山高新区聚力培育双创载体", "", "园区还将建设公共研发平台，为中小企业提供检测、试验和中试服务。", "",
             "今年以来，唐山高新区着力实施科技企业孵化器和众创空间培育提升计划，已建成13家市级以上孵化载体。"]
    drafts = _drafts("\n".join(lines))
    assert [d.title for d in drafts] == ["泉州高新区：向新实体经济转型 建“一区十园”创新高地", "唐山高新区聚力培育双创载体"]
    assert "孵化器" in drafts[1].body


def test_a_title_with_its_subtitle_after_finished_text_opens_an_article():
    # Subheads are single short lines: a title with a subtitle (——…) under it, after a box's
    # finished text, is an article's head, not a subhead of the article above.
    lines = ["园区氢能装备产业链加速成形", "", "本报记者 方明", "", *_HYDROGEN, "", "记者手记", "",
             "此次采访历时一周，记者走访了园区内十余家企业，所见所闻令人振奋。", "",
             "产业园区合作共建经验分析及启示", "", "——来自长春高新区的调查", "",
             "产业园区合作共建作为区域经济合作的一种新型模式，是帮助欠发达地区实现快速发展的有效途径。"]
    drafts = _drafts("\n".join(lines))
    assert [(d.title, d.deck) for d in drafts] == [("园区氢能装备产业链加速成形", ""),
                                                   ("产业园区合作共建经验分析及启示", "——来自长春高新区的调查")]
    assert "新型模式" in drafts[1].body and "新型模式" not in drafts[0].body


def test_a_package_about_one_park_holds_no_story_about_another():
    # A package's stories stay on its subject: under a head about one park (兰州高新区：…), a
    # kicker, title and byline naming another park that its text talks about is an article.
    lines = ["奋进新征程 建功新时代——国家高新区十年成就巡礼", "", "兰州高新区：建西北地区重要科创中心", "",
             "党的十八大以来，兰州高新区以高质量发展为主线，地区生产总值首次突破300亿元。", "",
             "（供稿：兰州高新区）", "", "深化改革 激发市场主体活力", "", "来徐州高新区 感受有技术含量的“安全感”", "",
             "本报记者 张晔", "", "能在胡同自如穿行的智能移动消防车亮相徐州高新区，一批消防“新战士”的演示让人大开眼界。"]
    drafts = _drafts("\n".join(lines))
    assert [d.title for d in drafts] == ["兰州高新区：建西北地区重要科创中心", "来徐州高新区 感受有技术含量的“安全感”"]
    assert "消防" in drafts[1].body and "消防" not in drafts[0].body


def test_titles_read_one_after_another_over_their_briefs_take_the_brief_that_speaks_of_them():
    # A copy reads a row's titles in one order and their briefs in another: each title takes the
    # paragraph that takes up its words; the column's name over them heads the first.
    solar = "本报南昌1月21日电（记者谢隽逸）严冬时节，内蒙古包头市青山区很多地方的空气质量并没有下降，因为供暖的能源是太阳能。"
    jilin = "本报南昌1月22日电（记者何丽）近日，亚泰国际医药健康产业园首批企业签约，标志着吉林省“大健康产业航母”正式启航。"
    lines = ["高新区动态", "", "吉林“大健康产业航母”启航", "", "这家出产国之重器的园区有颗绿“芯”", "", solar, "", jilin]
    drafts = _drafts("\n".join(lines))
    assert [(d.section, d.title) for d in drafts] == [("高新区动态", "吉林“大健康产业航母”启航"),
                                                      ("", "这家出产国之重器的园区有颗绿“芯”")]
    assert "亚泰" in drafts[0].body and "太阳能" in drafts[1].body


_SHENZHEN_BASE = "近日，广州高新区的广州华南新材料创新园有限公司获评广东省小型微型企业创业创新示范基地，全区省级基地增至12家。"


def test_a_title_read_after_its_byline_is_a_title_not_its_first_paragraph():
    # A copy reads a byline printed beside its title first (区域创新 / 本报记者 韩维 / title):
    # a line with no clause mark whose words the text under it takes up is that title.
    lines = ["园区氢能装备产业链加速成形", "", "本报记者 林青", "", *_HYDROGEN, "", "区域创新", "", "本报记者 韩维", "",
             "广州高新区再添省级小微双创基地", "", _SHENZHEN_BASE]
    drafts = _drafts("\n".join(lines))
    assert [d.title for d in drafts] == ["园区氢能装备产业链加速成形", "广州高新区再添省级小微双创基地"]
    assert drafts[1].byline == "本报记者 韩维" and "示范基地" in drafts[1].body


@pytest.mark.parametrize("text", [_SHENZHEN_BASE, _SHENZHEN_BASE.removeprefix("近日，")],
                         ids=["a-clause", "a-word-running-on"])
def test_a_first_line_cut_short_under_a_byline_stays_in_its_paragraph(text):
    # A paragraph's first line cut short by a column under the byline holds a clause mark
    # (近日，…) or a word that runs on into the text under it (……有限 / 公司): no title.
    cut = text.index("公司")
    lines = ["园区氢能装备产业链加速成形", "", "本报记者 林青", "", text[:cut], "", text[cut:]]
    (draft,) = _drafts("\n".join(lines))
    assert draft.title == "园区氢能装备产业链加速成形" and text[:cut] in draft.body


def test_heads_side_by_side_read_bylines_first_each_take_the_byline_in_turn():
    # A copy reads a row's bylines before its titles when the bylines stand higher: as many
    # bylines as titles opening a stack are that many heads, the i-th title signed by the i-th.
    lines = ["本报记者 林青", "", "本报记者 方明", "", "园区氢能装备产业链加速成形", "", "春茶采摘忙起来 茶农增收有了新门路", "",
             *_HYDROGEN, "", *_TEA]
    drafts = _drafts("\n".join(lines))
    assert [(d.title, d.byline) for d in drafts] == [("园区氢能装备产业链加速成形", "本报记者 林青"),
                                                     ("春茶采摘忙起来 茶农增收有了新门路", "本报记者 方明")]


_TEA_BRIEF = ["本报杭州4月2日电（记者方明）今年春茶上市比往年提前一周，茶园里一片繁忙，茶农们趁着晴好天气采摘嫩芽。", "",
              "全省茶叶年产量突破十万吨，名优茶比重逐年提高，茶农增收有了新门路。"]


def test_a_title_read_after_the_byline_of_the_head_beside_it_heads_the_story_its_dateline_opens():
    # A copy reads a row's heads before their texts: title, byline, then the title printed
    # beside it (no byline: its story opens with its dateline). A subhead never stands between
    # a byline and the first paragraph, and a first line cut short never shares its words with
    # another story's opening: it is the second article's title, and its story is the brief.
    lines = ["园区氢能装备产业链加速成形", "", "本报记者 林青", "", "春茶提前一周上市", "", *_HYDROGEN, "", *_TEA_BRIEF]
    drafts = _drafts("\n".join(lines))
    assert [(d.title, d.byline) for d in drafts] == [("园区氢能装备产业链加速成形", "本报记者 林青"), ("春茶提前一周上市", "")]
    assert "电解槽" in drafts[0].body and "茶" not in drafts[0].body
    assert drafts[1].body.startswith("本报杭州4月2日电") and "茶农增收" in drafts[1].body


@pytest.mark.parametrize("under", [["今天，一件快递往往是这样送", "", "到您手上的——"], ["林海 王芳"]],
                         ids=["a-lead-in-announcing-the-text", "names-too-short-for-a-title"])
def test_lines_under_a_heads_byline_that_cannot_be_a_title_open_no_article(under):
    lines = ["园区氢能装备产业链加速成形", "", "本报记者 林青", "", *under, "", *_HYDROGEN]
    (draft,) = _drafts("\n".join(lines))
    assert draft.title == "园区氢能装备产业链加速成形" and "电解槽" in draft.body


_ROBOT = ["机器人产业园内，焊接机器人、搬运机器人整齐排列，工程师正在调试新一代协作机器人的视觉系统。", "",
          "园区机器人企业去年产值增长三成，减速器、伺服电机等核心部件实现本地配套。"]


def test_a_row_of_heads_each_read_under_the_byline_before_it_shares_the_text_under_them():
    # Three heads printed side by side, read as a row (each title after the byline before it),
    # then their texts: the heads are one row, and each text goes to the head it speaks of.
    lines = ["园区氢能装备产业链加速成形", "", "本报记者 林青", "", "春茶采摘忙起来 茶农增收有了新门路", "", "本报记者 方明", "",
             "机器人产值增长三成 核心部件本地配套", "", *_HYDROGEN, "", *_TEA, "", *_ROBOT]
    drafts = _drafts("\n".join(lines))
    assert [d.title for d in drafts] == ["园区氢能装备产业链加速成形", "春茶采摘忙起来 茶农增收有了新门路",
                                         "机器人产值增长三成 核心部件本地配套"]
    assert "电解槽" in drafts[0].body and "茶农" in drafts[1].body and "焊接机器人" in drafts[2].body
    assert "茶" not in drafts[0].body and "机器人" not in drafts[1].body


def test_a_head_left_without_text_takes_the_paragraph_that_takes_up_its_title():
    # A title read above another module's stack, its text read after that module's: the run
    # under the stack takes it all, and the title is left with none. Every article has text:
    # it opens where a paragraph takes up the title's words more than the other head's.
    lines = ["春茶提前一周上市 茶农增收有新门路", "", "第二看台", "", "园区氢能装备产业链加速成形", "", "本报记者 林青", "",
             *_HYDROGEN, "", "今年春茶提前一周上市，茶园里一片繁忙，茶农们趁着晴好天气采摘嫩芽，制茶车间昼夜运转。", "",
             "全省茶叶年产量突破十万吨，名优茶比重逐年提高，茶农增收有了新门路。"]
    tea, hydrogen = _drafts("\n".join(lines))
    assert (tea.title, hydrogen.title) == ("春茶提前一周上市 茶农增收有新门路", "园区氢能装备产业链加速成形")
    assert tea.body.startswith("今年春茶提前一周上市") and "茶农增收有了新门路" in tea.body
    assert "电解槽" in hydrogen.body and "茶" not in hydrogen.body


def test_a_head_left_without_text_takes_no_paragraph_that_speaks_more_of_another_head():
    # The paragraph that takes up the textless title's words speaks more of the head holding
    # it (氢能 … 加氢站): it stays where it is.
    lines = ["加氢站网络覆盖全省 出行更方便", "", "第二看台", "", "园区氢能装备产业链加速成形 加氢站网络覆盖全省", "", "本报记者 林青", "",
             *_HYDROGEN, "", "园区氢能装备产业链加速成形，加氢站网络覆盖全省。"]
    drafts = _drafts("\n".join(lines))
    holder = next(d for d in drafts if d.title.startswith("园区氢能装备"))
    assert "加氢站网络覆盖全省。" in holder.body


_TEA_DATELINE = "本报讯（记者 林青）今年春茶提前一周上市，茶园里一片繁忙，茶农们趁着晴好天气采摘嫩芽，制茶车间昼夜运转。"


@pytest.mark.parametrize("dateline, moves", [
    (_TEA_DATELINE, True),
    ("本报讯（记者 林青）园区氢能装备产业链加速成形，春茶提前一周上市，茶园里的制茶车间也用上了绿电。", False)],
    ids=["its-own-opening", "an-opening-speaking-more-of-its-holder"])
def test_a_head_takes_the_story_opening_its_dateline_read_under_another_head(dateline, moves):
    # A copy reads a head, a piece of another column, the next head, then the first head's
    # story: the dateline paragraph that opens it (本报讯……) follows the second head in the
    # file. A dateline opens one story, and a story's opening takes up its title's words: it
    # is the first head's when it speaks of that head more than of the one it follows.
    lines = ["春茶提前一周上市 茶农增收有新门路", "", "示范区发布“揭榜挂帅”新一批项目榜单。", "", "园区氢能装备产业链加速成形", "",
             dateline, "", "全省茶叶年产量突破十万吨，名优茶比重逐年提高。", "", "本报讯（记者 方明）" + _HYDROGEN[0], "",
             _HYDROGEN[2]]
    tea, hydrogen = _drafts("\n".join(lines))
    assert (tea.title, hydrogen.title) == ("春茶提前一周上市 茶农增收有新门路", "园区氢能装备产业链加速成形")
    assert ("本报讯（记者 林青）" in tea.body) is moves and ("本报讯（记者 林青）" in hydrogen.body) is not moves
    assert "电解槽" in hydrogen.body and "电解槽" not in tea.body


_ORPHAN_BYLINE_PAGE = [
    "园区巡礼",
    "宁波高新区：“两链融合”构筑智能制造新高地",
    "成果转化对接会在京举办",
    "本报讯（通讯员韩浩）7月19日，由科技部火炬中心指导、多家高校院所承办的科技成果转化对接会在京举办，百余家企业与高校院所现场签约，签约金额超过十亿元。",
    "本报记者 于大勇",
    "宁波高新区，地处著名的港口城市——浙江省宁波市鄞州区，位于甬江科创走廊核心区域，2007年升级为国家高新区。近年来，宁波高新区已发展为宁波市对外开放的窗口、智能制造集聚的高地和科技创新的重要平台；先后荣获国家级绿色园区、浙江省级循环化改造示范园区、浙江省数字经济突出贡献奖、浙江省十大最具投资价值工业园区等荣誉及称号，并连续多年荣获省市先进工业园区。2018年2月，宁波高新区获国务院批复建设国家自主创新示范区。\n调整优化产业结构布局。宁波高新区大力发展智能制造产业，推进企业集群化、产品特色化、技术高新化发展，形成以宁波高新区为承载、以大项目为支撑、以集群化为方向的新型工业体系，形成了以大企业为龙头、中小企业集聚发展的柔性工业网络。",
    "水平。宁波高新区强化土地集约利用，严格按照用地准入指标，提高土地利用效率，鼓励建设多层厂房。",
    "网络招聘会走进十家国家高新区",
    "相关链接\n产业基石坚实稳固，集聚效应日益彰显。\n创新活力澎湃激荡，发展动能加速汇聚。",
    "本报讯（记者 宋强 通讯员 萧静）嘉兴高新区自1992年创建，2010年晋升为国家高新区，至今已走过了28年。从无到有，从小到大，从大到强，嘉兴高新区发扬担当负责、干事创业、务实重干的精神，扎实做好各项决策部署和嘉兴高新区实际的融合文章，以产业为根基，以园区为阵地，以改革为动力，全面形成高质量发展态势。"]


def test_a_head_takes_the_story_its_byline_opens_read_under_another_head():
    # A copy reads a head (宁波…), the next head with its brief, then a byline standing apart
    # from any head and the first head's story; the first head got a stray dateline further
    # down. A byline standing in the text opens a story as a dateline does: the story that
    # takes up the first head's words is that head's, not the brief's it was read after.
    drafts = _drafts("\n\n".join(_ORPHAN_BYLINE_PAGE))
    ningbo = next(d for d in drafts if d.title.startswith("宁波高新区"))
    brief = next(d for d in drafts if d.title == "成果转化对接会在京举办")
    assert "地处著名的港口城市" in ningbo.body and "地处著名的港口城市" not in brief.body
    assert "百余家企业" in brief.body


def test_a_paragraph_under_a_heads_own_byline_stays_with_that_head():
    # A byline in a head's stack stands over that head's own text: the paragraph under it is
    # no story read astray, even when it speaks of another head's title more than of its own.
    lines = ["园区氢能装备产业链加速成形", "", "本报记者 方明", "", "清晨七点，生产线上的工人已经换好工装，一天的忙碌开始了。", "",
             _HYDROGEN[0], "", "春茶提前一周上市 茶农增收有新门路", "", "本报记者 林青", "",
             "园区氢能装备产业链加速成形，茶园里的制茶车间也用上了氢能，今年春茶提前一周上市。", "",
             "全省茶叶年产量突破十万吨，名优茶比重逐年提高，茶农增收有了新门路。"]
    hydrogen, tea = _drafts("\n".join(lines))
    assert tea.body.startswith("园区氢能装备产业链加速成形，茶园里") and "茶农增收" in tea.body
    assert "茶园" not in hydrogen.body


@pytest.mark.parametrize("own, signed, text_opens_with", [
    ((), "本报记者 罗珊珊", "1月26日"),
    (("本报记者 方明",), "本报记者 方明", "本报记者 罗珊珊")], ids=["head-without-a-byline", "head-with-its-own"])
def test_a_byline_read_apart_from_its_head_and_opening_its_text_signs_a_head_with_none(own, signed, text_opens_with):
    # A copy read a chart's notes between a title and its byline: the byline stands alone at the
    # start of the text. Under a head with no byline it is that head's, not a line of its text; a
    # head with its own keeps it, and the second stays where it stands (it may sign a story of a
    # package, or be read astray).
    title = "出政策办活动优场景，促消费今年有新招"
    drafts = _drafts_by_title([title, *own, "数据来源：商务部", "制图：张芳曼", "本报记者 罗珊珊",
                               "1月26日，国务院新闻办举行新闻发布会，介绍2026年促消费工作安排。",
                               "商务部有关负责人表示，今年将出台更多政策，办好系列活动，优化消费场景。"])
    draft = drafts[title]
    assert draft.byline == signed
    assert draft.paragraphs[0].text.startswith(text_opens_with)
    assert sum(p.aside is not None for p in draft.paragraphs) == len(own)  # the second byline only


@pytest.mark.parametrize("above, story, parted", [
    ("2023年园区科技成果转化能力提升培训班开班",
     "7月22日，由科技部火炬中心举办的2023年园区科技成果转化能力提升培训班正式开班，百余名学员参加培训。", True),
    ("坚持创新驱动 推动产业升级", "7月22日，园区坚持创新驱动、推动产业升级，科技成果转化培训班正式开班，百余名学员参加培训。", False)],
    ids=["two-stories-titles", "a-kicker-of-balanced-halves"])
def test_whole_titles_read_one_after_another_that_two_stories_take_up_are_two_heads(above, story, parted):
    # A copy reads two modules' whole titles one after another; their stories open elsewhere on
    # the page (a dateline paragraph; a paragraph under a byline). Two titles each taken up alone
    # by a different story's opening are two heads. Two balanced phrases (坚持创新驱动 推动产业
    # 升级) are the form of a kicker as often as of a title: they part nothing.
    lines = [above, "嘉兴高新区：“双链融合”推进高质量发展", "求职者在线观看。", "这座港口城市的园区有颗绿“芯”", "□本报记者 高晔", story,
             "本报昆明3月1日电（记者张梓萱）嘉兴高新区自1992年创建，2010年晋升为国家高新区，至今已走过了28年，高质量发展态势全面形成。"]
    titles = _titles_of(lines)
    assert "嘉兴高新区：“双链融合”推进高质量发展" in titles
    assert (above in titles) is parted


def test_a_columns_name_in_a_head_does_not_hide_the_paragraph_that_takes_up_its_title():
    # A head read with its column's name (园区快讯) and no text under it: its text follows another
    # module's brief. The paragraph that opens it takes up the title's words; a column's name
    # names a kind of text, never its subject, and is no part of the words a text takes up.
    lines = ["力争三年挺进全国前列 嘉兴高新区招引重大项目促提质增效",
             "园区快讯",
             "■ 本报记者 邓海燕 实习生 董芳",
             "2023年园区科技成果转化能力提升培训班开班",
             "本报讯（通讯员吕瑞）7月22日，由科技部火炬中心举办的2023年园区科技成果转化能力提升培训班正式开班，百余名学员参加培训。",
             "图为园区集成电路产业园一角。",
             "在全区“重大项目增效年”动员大会上，党工委书记提出，全区上下要瞄准行业领军企业招引项目。",
             "今年，高新区将继续加大招商引资力度，力争再用3年左右的时间，实现数量、规模和效益同步提升。"]
    drafts = _drafts("\n\n".join(lines))
    head = next(d for d in drafts if d.title.startswith("力争三年挺进全国前列"))
    assert head.body.startswith("在全区“重大项目增效年”动员大会上") and "提质增效" not in "".join(d.kicker for d in drafts)


@pytest.mark.parametrize("lines, titles", [
    (["2023年园区科技成果转化能力提升培训班开班", "温州高新区：建东南沿海重要科创中心", "本报记者 魏丽娟 吕丽娟", "7月22日，由科技部火炬中心举办的2023年园区科技成果转化能力提升培训班正式开班，百余名学员参加培训。", "本报讯（记者 林青）2010年升级为国家高新区以来，温州高新区主动融入长三角一体化发展，产业链、创新链不断融合。"],
     ["2023年园区科技成果转化能力提升培训班开班", "温州高新区：建东南沿海重要科创中心"]),
    (["每年五千万元资助业界共治", "温州高新区：让产业齿轮精准咬合", "本报记者 魏丽娟 吕丽娟", "自我介绍改成了“介绍邻座”，企业的问题由所有参会者“问诊把脉”……最近，温州高新区每年拿出五千万元资助业界共治。"], ["温州高新区：让产业齿轮精准咬合"])],
    ids=["a-title-over-a-parks-title", "a-kicker-its-parks-story-takes-up"])
def test_a_line_over_a_parks_title_heads_the_story_that_takes_it_up_alone(lines, titles):
    # A whole title read over a park's title: a story's opening takes it up alone (the paragraph
    # under the byline), another opens on the park (本报讯……温州高新区…): two heads. A line
    # over the park's title that the park's own story takes up is that title's kicker.
    assert [d.title for d in _drafts("\n\n".join(lines))] == titles


def test_a_textless_head_takes_its_dateline_from_an_article_holding_only_that():
    # Two rows of heads read before their briefs: each brief's dateline lands under the wrong
    # head, as that head's only paragraph. A dateline opens one story, the one whose title it
    # takes up: a head left without text takes it even from an article it would leave empty.
    lines = ["省科技厅召开园区工作专题座谈会",
             "温州高新区：高标准建设产业高地",
             "本报贵阳3月2日电（记者郑晔、丁丽）省科技厅日前召开园区工作专题座谈会，围绕园区高质量发展听取意见建议。",
             "让更多科技成果从实验室走向生产线",
             "本报西安3月4日电（记者冯桂英）温州高新区自2010年升级为国家高新区以来，主动融入国家战略，高标准建设产业高地，进入跨越式发展阶段。",
             "网络招聘会走进十家国家高新区",
             "高新区全景。受访企业供图"]
    drafts = _bodies_by_title(lines)
    assert drafts["省科技厅召开园区工作专题座谈会"].startswith("本报贵阳3月2日电")
    assert drafts["温州高新区：高标准建设产业高地"].startswith("本报西安3月4日电")


def test_a_head_whose_text_moved_with_another_heads_opening_finds_its_own():
    # Heads printed side by side, their texts swapped by the copy: the park's head takes its
    # dateline back, and the text it held goes with it, leaving the other head with none. A
    # second round of openings gives that head the paragraph that takes up its title, instead
    # of folding it away as a kicker.
    earlier_column = "三是推进产业创新联合体建设。以打通产业创新链、提升产业创新能力为目标，加快开展产业创新联合体和新型研发机构建设。"
    heads = ["园区合作共建经验分析及启示", "本报通讯员 张磊", "温州高新区：高标准建设产业高地", "来宁波高新区 感受智能制造的“硬实力”"]
    texts = ["产业转移的基础和现实上发展起来，是区域协调发展战略的一项重要举措和内容，目的是推动区域之间在经济交往上更加密切、产业发展上互联互通，从而缩小区域之间的经济差异。我国园区合作共建具有如下几个特点：一是带有一定的行政主导色彩。",
             "本报乌鲁木齐12月20日电（记者邓杰、赵争粉）温州高新区自2010年升级为国家高新区以来，主动融入国家战略，积极承接浙江省、温州市高质量发展任务，深入实施创新驱动发展战略，进入跨越式发展新阶段。"]
    another = ["每年千万元资助业界共治",
               "绍兴高新区：让产业齿轮精准咬合",
               "本报讯（记者彭海滨）“我们的空气热泵以二氧化碳为冷媒，零下30摄氏度仍能稳定制热。”2月25日下午，白银高新区的一家新能源设备公司里一片繁忙。",
               "不久前，绍兴高新区发布《关于深化产业培育实现高质量发展若干政策意见》，提出每年设立千万元业界共治专项资金，对围绕重点产业设立的业界共治理事会给予每家每年最高百万元支持。"]
    lines = [earlier_column, *heads, *texts, *another]
    drafts = _bodies_by_title(lines)
    assert drafts["园区合作共建经验分析及启示"].startswith("产业转移的基础和现实上发展起来")
    # 每年千万元资助业界共治 and 绍兴高新区：… both stray from their stack: no article is left untitled
    assert "" not in drafts, list(drafts)


@pytest.mark.parametrize("above, kept", [("坚持创新驱动 推动产业升级", False), ("徐州高新区安全产业提速", True)],
                         ids=["a-kicker-of-a-theme", "a-title-naming-its-park"])
def test_a_textless_head_right_above_another_joins_its_stack_unless_it_names_a_park(above, kept):
    # A kicker read apart from its stack finds no text: no paragraph speaks of it, and it stands
    # right above the head it was printed over. It is that head's kicker, not an article. A
    # title that names its park is a title whose text stands elsewhere: it keeps its head.
    lines = [above, "", "第二看台", "", "园区氢能装备产业链加速成形", "", "本报记者 林青", "", *_HYDROGEN]
    drafts = _drafts("\n".join(lines))
    assert [d.title for d in drafts] == ([above] if kept else []) + ["园区氢能装备产业链加速成形"]
    assert "电解槽" in drafts[-1].body and (drafts[-1].kicker == "" if kept else drafts[-1].kicker == above)


def test_a_columns_name_read_under_a_title_is_never_the_title():
    # A copy reads the name of the column beside a module (一周要闻) under that module's title:
    # a few words ending as a column's name end name a section, never the title.
    lines = ["园区氢能装备产业链加速成形", "", "一周要闻", "", *_HYDROGEN]
    (draft,) = _drafts("\n".join(lines))
    assert (draft.title, draft.section) == ("园区氢能装备产业链加速成形", "一周要闻")


@pytest.mark.parametrize("under, parted", [("春耕科技范", True), ("68万平方米", False)],
                         ids=["a-picture-items-title", "a-figure"])
def test_a_picture_items_title_read_under_a_whole_title_heads_its_picture(under, parted):
    # A copy reads a photo item's title (a few words) right under another module's whole title,
    # then the picture's caption: a title is never a whole title and a short phrase, so the
    # phrase heads the picture item. A figure of a data box (68万平方米) heads nothing.
    caption = "近日，园区举办科技成果转化对接会，百余家企业参会。图为参会人员在展区了解新技术新产品。"
    lines = ["园区氢能装备产业链加速成形", "", under, "", caption, "", *_HYDROGEN]
    drafts = _drafts("\n".join(lines))
    assert [d.title for d in drafts] == ["园区氢能装备产业链加速成形"] + ([under] if parted else [])
    if parted:
        assert drafts[1].body.startswith("近日，园区举办") and "电解槽" in drafts[0].body


@pytest.mark.parametrize("under, item", [("春耕科技范", True), ("园区快讯", False)],
                         ids=["a-photo-items-title", "a-columns-name"])
def test_a_few_words_right_under_a_pictures_credit_title_a_photo_item(under, item):
    # A copy reads a photo item after the text of a column cut mid-sentence: the picture's
    # credit (新华社发), its title of a few words, its caption. Running text never puts a subhead
    # between a picture and its text: the phrase heads the photo item, whose text is the caption
    # alone; the article above keeps its own. A column's name under a picture names a column.
    caption = "春耕时节，园区的农业科技示范基地里，技术人员操控植保无人机进行作业，今年已推广智慧农业装备八百余台。"
    lines = ["园区氢能装备产业链加速成形", "", _HYDROGEN[0], "", "园区负责人介绍，氢能装备企业已集聚三十余家，燃料电池、储氢瓶",
             "", "新华社发", "", under, "", caption, "", "春茶提前一周上市 茶农增收有新门路", "", "本报记者 林青", "", *_TEA]
    drafts = {d.title: d.body for d in _drafts("\n".join(lines))}
    assert (under in drafts) is item
    if item:
        assert drafts[under] == caption and "电解槽" in drafts["园区氢能装备产业链加速成形"]
        assert "春茶采摘" in drafts["春茶提前一周上市 茶农增收有新门路"] and caption not in drafts["春茶提前一周上市 茶农增收有新门路"]


@pytest.mark.parametrize("under, item", [("春耕科技范", True), ("园区快讯", False)],
                         ids=["a-photo-items-title", "a-columns-name"])
def test_a_few_words_under_a_pictures_credit_and_over_a_title_title_the_picture(under, item):
    # A copy reads a photo item's title, right under its picture's credit, before the next
    # module's title, and the picture's caption after that title. The few words head the photo
    # item, not the title under them: a kicker or a column's name never stands under a
    # picture's credit. A column's name (园区快讯) names the title's column as before.
    caption = "4月2日，园区春耕生产全面铺开，技术人员操控植保无人机进行作业，今年已推广智慧农业装备八百余台。"
    lines = ["园区氢能装备产业链加速成形", "", *_HYDROGEN, "", "新华社发", "", under, "",
             "春茶提前一周上市 茶农增收有新门路", "", caption, "", _TEA_DATELINE, "", _TEA[2]]
    drafts = {d.title: d for d in _drafts("\n".join(lines))}
    assert (under in drafts) is item
    tea = drafts["春茶提前一周上市 茶农增收有新门路"]
    assert (tea.body.startswith("本报讯") and drafts[under].body == caption) if item else tea.section == under
    assert "电解槽" in drafts["园区氢能装备产业链加速成形"].body


@pytest.mark.parametrize("line, item", [("春耕科技范", True), ("“研究真问题，值得持之以恒地投入”", False)],
                         ids=["a-few-words", "a-quoted-clause"])
def test_a_photo_items_title_after_text_cut_mid_sentence_is_a_few_words_over_its_caption(line, item):
    # After a column cut mid-sentence, a headline line may be the rest of that sentence or a
    # subhead; a phrase of a few words over a caption that points at its picture (图为……) is a
    # photo item's title all the same. A longer line there (a quotation, a clause) stays in the text.
    caption = "近日，园区举办科技成果转化对接会，百余家企业参会。图为参会人员在展区了解新技术新产品。"
    lines = ["园区氢能装备产业链加速成形", "", _HYDROGEN[0], "", "园区负责人介绍，氢能装备企业已集聚三十余家，燃料电池、储氢瓶",
             "", line, "", caption, "", "春茶提前一周上市 茶农增收有新门路", "", "本报记者 林青", "", *_TEA]
    titles = [d.title for d in _drafts("\n".join(lines))]
    assert titles == ["园区氢能装备产业链加速成形"] + ([line] if item else []) + ["春茶提前一周上市 茶农增收有新门路"]


@pytest.mark.parametrize("caption, item", [
    ("园区人才公寓日前交付使用，可为两百余名青年科技人才提供住房保障。图为人才公寓外景。", True),
    ("园区人才公寓外景。", False)], ids=["a-caption-telling-news", "a-caption-naming-its-picture"])
def test_a_photo_items_title_read_in_another_text_heads_the_caption_below_it(caption, item):
    # A copy reads a photo item's title (人才安居) in the text of the module beside it, and its
    # caption two paragraphs further down, under its picture. A caption telling news in sentences
    # of its own (……。图为……。) is a photo item's text: the title heads it, and the article keeps
    # its own paragraphs. A caption of one sentence only names what a picture shows: an article's
    # picture, under a subhead of that article.
    lines = ["园区氢能装备产业链加速成形", "", "本报记者 方明", "", _HYDROGEN[0], "", "人才安居", "", _HYDROGEN[2], "",
             "目前园区已建成加氢站五座，氢燃料电池公交车在园区内开通两条线路，每天运送上班族近万人次。", "",
             caption, "", "春茶提前一周上市 茶农增收有新门路", "", "本报记者 林青", "", *_TEA]
    drafts = {d.title: d for d in _drafts("\n".join(lines))}
    assert ("人才安居" in drafts) is item
    hydrogen = drafts["园区氢能装备产业链加速成形"]
    assert "电解槽" in hydrogen.body and "燃料电池" in hydrogen.body and "加氢站五座" in hydrogen.body
    if item:
        assert drafts["人才安居"].body == caption and "人才公寓" not in hydrogen.body


@pytest.mark.parametrize("name", ["营商环境", "春耕科技范"])
def test_a_few_words_under_a_pictures_credit_over_a_title_and_its_own_text_name_its_column(name):
    # A copy reads a picture's credit, then a column's name of a few words, then a title over its
    # own story's text (no caption of a picture under it: a paragraph running on, cut by its
    # column). A photo item's caption stands under its title; with none there, the few words
    # head no picture: they name the title's column, and the story keeps its text.
    lines = ["园区氢能装备产业链加速成形", _HYDROGEN[0], "技术人员在氢能产业园调试设备。", "受访者供图", name,
             "春茶提前一周上市 茶农增收有新门路（产业观察）",
             "自去年春茶开采算起，全省茶园累计产茶十万吨。技术集成、管理创新，不仅助力茶企增收，更托举起全省茶产业",
             "（作者为全省茶叶协会会长，本报记者林青采访整理）", "■延伸阅读"]
    drafts = _drafts_by_title(lines)
    assert list(drafts) == ["园区氢能装备产业链加速成形", "春茶提前一周上市 茶农增收有新门路（产业观察）"]
    tea = drafts["春茶提前一周上市 茶农增收有新门路（产业观察）"]
    assert tea.section == name and tea.body.startswith("自去年春茶开采算起")


@pytest.mark.parametrize("under, item", [("智造车间忙", True), ("——记者走进氢能产业园", False)],
                         ids=["a-photo-items-title", "a-subtitle"])
def test_a_photo_items_title_read_in_another_stack_heads_the_caption_below_its_text(under, item):
    # A copy reads a photo item's title (a few words) in the stack of the module beside it, over
    # that module's byline and paragraphs, and the item's caption after them. The caption tells
    # news in sentences of its own (……。图为……。): the title heads it, and the stack keeps its
    # title and its text. A subtitle (——……) read there is the stack's own.
    caption = "园区人才公寓日前交付使用，可为两百余名青年科技人才提供住房保障。图为人才公寓外景。"
    lines = ["园区氢能装备产业链加速成形", "", under, "", "本报记者 方明", "", _HYDROGEN[0], "", _HYDROGEN[2], "",
             caption, "", "春茶提前一周上市 茶农增收有新门路", "", "本报记者 林青", "", *_TEA]
    drafts = {d.title: d for d in _drafts("\n".join(lines))}
    assert list(drafts) == ["园区氢能装备产业链加速成形", *([under] if item else []), "春茶提前一周上市 茶农增收有新门路"]
    assert "电解槽" in drafts["园区氢能装备产业链加速成形"].body
    if item:
        assert drafts[under].body == caption and "人才公寓" not in drafts["园区氢能装备产业链加速成形"].body


@pytest.mark.parametrize("caption", [
    "近日，园区举办科技成果转化对接会，百余家企业参会。图为参会人员在展区了解新技术新产品。",
    "春耕时节，示范基地里技术人员操控植保无人机进行作业。今年以来推广智慧农业装备八百余台。"],
    ids=["pointing-at-its-picture", "telling-news"])
def test_a_photo_items_title_left_without_text_takes_the_caption_below_it(caption):
    # A copy reads a photo item's title (对接会现场) between a story's byline and its dateline, and
    # the item's caption after that paragraph. The dateline opens the story over it, so the
    # photo item is left with no text: the caption below, telling news in sentences of its own,
    # is its text, whether or not it points at its picture (its title says a picture is there).
    lines = ["常州高新区：氢能装备产业链加速成形", "", "□本报记者 方明", "", "对接会现场", "",
             "本报南京1月4日电（记者 方明）近年来，常州高新区氢能产业园里，电解槽生产线满负荷运转，制氢设备发往全国各地的加氢站。",
             "", caption, "", _HYDROGEN[2]]
    story, item = _drafts("\n".join(lines))
    assert (story.title, item.title) == ("常州高新区：氢能装备产业链加速成形", "对接会现场")
    assert item.body == caption and story.body.startswith("本报南京1月4日电") and "燃料电池" in story.body


@pytest.mark.parametrize("over, above", [
    ([], ["记者 欧阳平", "这座港口城市的园区有颗绿“芯”"]), ([], ["这座港口城市的园区有颗绿“芯”", "图为园区集成电路产业园一角。"]),
    ([], []), (["一季度主要经济指标保持稳定增长", "短波"], ["记者 欧阳平", "这座港口城市的园区有颗绿“芯”"])],
    ids=["under-another-head", "under-a-caption", "after-a-dateline-under-the-stack", "under-a-columns-name"])
def test_a_title_read_over_a_parks_title_heads_the_lead_that_restates_it_under_another_head(over, above):
    # A copy reads two modules' whole titles as one stack; the first one's lead (no dateline)
    # stands right under a third head and the byline read above it, or under a picture's
    # caption below that head, or under the stack after the park's dateline paragraph (the two
    # stories read one after another): where a story's text opens. A news lead restates its
    # title: that lead takes up the first title alone, the park's dateline the second. With a
    # kicker and a column's name read over the stack too, it is parted under the name first;
    # the titles under it are still two stories' (read against the whole stack), parted too.
    lines = [*over, "2023年园区科技成果转化能力提升培训班开班", "温州高新区：建东南沿海重要科创中心",
             "本报讯（记者 林青）2010年升级为国家高新区以来，温州高新区主动融入长三角一体化发展，产业链、创新链不断融合。",
             *above,
             "7月22日，由科技部火炬中心举办的2023年园区科技成果转化能力提升培训班在京开班，百余名学员参加培训。",
             "本报昆明3月1日电（记者张梓萱）严冬时节，港口城市的供暖季到了，园区里的能源站却比往年更安静。"]
    drafts = _bodies_by_title(lines)
    assert drafts["2023年园区科技成果转化能力提升培训班开班"].startswith("7月22日，由科技部火炬中心")
    assert drafts["温州高新区：建东南沿海重要科创中心"].startswith("本报讯（记者 林青）")


def test_a_textless_kicker_joins_the_head_whose_text_takes_it_up():
    # Heads printed side by side and read as one stack: a kicker read apart finds no text. A
    # paragraph of another head takes up its words: it is that head's kicker, even when a head
    # stands between.
    lines = ["深化改革 激发市场主体活力", "科技成果转化跑出“加速度”", "贡献六成以上新兴产业产值开发区成山西转型发展重要平台",
             "齐齐哈尔高新区：高标准建设产业高地",
             "按照产业集聚、功能互补、错位发展、竞争有序、区域平衡的原则，山西在开发区整合、扩区过程中重新规划了各开发区的主导产业。",
             "“我们的空气热泵以二氧化碳为冷媒，零下30摄氏度仍能稳定制热。”2月25日下午，白银高新区一家新能源设备公司的实验室内一片繁忙。",
             "方向决定路径。近年来，齐齐哈尔高新区发展迅猛，科技成果转化跑出“加速度”，“国”字号品牌越来越多。"]
    drafts = {d.title: d.kicker for d in _drafts("\n\n".join(lines))}
    assert "科技成果转化跑出“加速度”" not in drafts
    assert "科技成果转化跑出“加速度”" in drafts["齐齐哈尔高新区：高标准建设产业高地"]


@pytest.mark.parametrize("stack, titles", [(["■数说园区", "力争三年挺进全国前列 嘉兴高新区招引重大项目促提质增效"],
                                              ["力争三年挺进全国前列 嘉兴高新区招引重大项目促提质增效", "春茶提前一周上市 茶农增收有新门路"]),
                                             (["■新闻链接"], ["春茶提前一周上市 茶农增收有新门路"])],
                         ids=["a-title-under-a-box-heading", "a-box-heading-alone"])
def test_a_title_under_a_box_heading_at_the_top_of_the_page_opens_an_article(stack, titles):
    # A box stands inside an article: its heading (■…) and the lines under it stay in that
    # article's text. Over the page's first text there is no article to stand in: a title
    # under such a heading there opens one. A box heading alone is a box read first.
    lines = [*stack, "在嘉兴高新区召开的全区“重大项目增效年”动员大会上，党工委书记提出，全区上下要瞄准行业领军企业招引项目。",
             "春茶提前一周上市 茶农增收有新门路", "本报记者 林青", _TEA[0], _TEA[2]]
    assert [d.title for d in _drafts("\n\n".join(lines))] == titles


@pytest.mark.parametrize("tea_head, kicker", [(["去年全省茶叶年产量突破十万吨"], "春茶提前一周上市茶农增收有了新门路"),
                                               (["茶乡迎来好春光——", "去年全省茶叶年产量突破十万吨"], "茶乡迎来好春光——")],
                         ids=["a-head-with-room", "a-head-with-a-kicker"])
def test_a_whole_title_read_as_a_subhead_speaks_of_another_story_not_of_its_article(tea_head, kicker):
    # A line as long as a whole title stands in the hydrogen article's text, whose other text
    # shares none of its words, while the tea story does: it is read again as a head. Finding
    # no text of its own, it joins the tea head when that head has room; else it goes back
    # into the text it was read in, a subhead — never into the hydrogen article's stack.
    line = "春茶提前一周上市茶农增收有了新门路"
    lines = ["园区氢能装备产业链加速成形", "本报记者 方明", _HYDROGEN[0], line, _HYDROGEN[2], *tea_head, "本报记者 林青", _TEA[0], _TEA[2]]
    hydrogen, tea = _drafts("\n\n".join(lines))
    assert (hydrogen.title, hydrogen.kicker, tea.title, tea.kicker) == (
        "园区氢能装备产业链加速成形", "", "去年全省茶叶年产量突破十万吨", kicker)
    assert (line in hydrogen.body) is (kicker != line)


@pytest.mark.parametrize("subhead", [["■ 向创新要动力"], []], ids=["past-a-subhead", "right-under-the-stack"])
def test_a_kicker_its_own_story_restates_past_a_subhead_stays_its_kicker(subhead):
    # A feature restates its kicker and its title in paragraphs of its own text, past its
    # subheads or right under its stack: a paragraph in running text opens no story (under a
    # stack, one after a dateline paragraph may: two stories read in turn), and parts no stack.
    lines = ["园区智能工厂会思考、能进化", "“让汽车生产像搭积木一样灵活”",
             "走进车身车间，一个个智能工艺岛既独立又互联，三大岛群实现二十四款车型混合高效生产。",
             *subhead,
             "以前一款车型就要一套专属设备，现在一个拼台能搞定六款车型，让汽车生产像搭积木一样灵活。",
             "“我们要打造的是会思考、能进化的智能工厂。”园区智能工厂的负责人指着车间里忙碌的机器人介绍。"]
    (draft,) = _drafts("\n\n".join(lines))
    assert (draft.kicker, draft.title) == ("园区智能工厂会思考、能进化", "“让汽车生产像搭积木一样灵活”")


@pytest.mark.parametrize("byline, rest, whole", [("本报记者 吴", "磊", "本报记者 吴磊"), ("本报记者 魏振", "宇", "本报记者 魏振宇"),
                                                 ("本报记者", "叶伟", "本报记者 叶伟"), ("本报记者 林青", "园区", None),
                                                 ("本报记者 周", "涛曹瑞", "本报记者 周涛 曹瑞"),
                                                 ("本报记者 黄丽娟 吕 强", "郑州高新区", None),
                                                 ("本报记者宋 芳", "以高质量发展为主线", None)],
                         ids=["a-lone-character-cut", "one-character-under-a-byline", "a-role-over-its-name",
                              "a-whole-name-is-not-cut", "the-rest-and-another-name-glued",
                              "a-spaced-name-is-whole", "a-spaced-name-glued-to-its-role-is-whole"])
def test_a_name_cut_by_the_columns_width_is_one_byline(byline, rest, whole):
    # A narrow column breaks a byline's last name (本报记者 吴 / 磊) or puts the name under its
    # role (本报记者 / 叶伟): no title or text is one character, a name of one character after
    # a space is cut, and a role names nobody — the line goes on the byline. A copy that drops
    # spaces glues the rest to the names after it (本报记者 周 / 涛曹瑞); a two-character name
    # spaced out (吕 强) is whole.
    lines = ["园区氢能装备产业链加速成形", "", byline, "", rest, "", *_HYDROGEN]
    drafts = _drafts("\n".join(lines))
    if whole:
        assert [(d.title, d.byline) for d in drafts] == [("园区氢能装备产业链加速成形", whole)]
    else:
        assert drafts[0].byline == byline


def test_a_byline_standing_after_a_heads_paragraphs_ends_the_text_surely_its_own():
    # A copy reads one module's paragraphs, a byline standing apart from any head, and then
    # another module's paragraphs. A byline after a paragraph closes one story or opens the
    # next: the run of text surely the head's stops there, and the vocabulary places the rest.
    tea_story = "茶园里茶农们忙着采摘嫩芽，制茶车间的杀青机、揉捻机昼夜运转，茶叶卖出好价钱，茶农增收有了新门路。"
    lines = ["园区氢能装备产业链加速成形", "本报记者 方明", *_HYDROGEN, "本报记者 林青", tea_story, _TEA[2],
             "春茶为何早上市（产业观察）", "□本报记者 高晔", _TEA[0]]
    hydrogen, tea = _drafts("\n\n".join(line for line in lines if line))
    assert "茶" not in hydrogen.body
    assert "茶园里茶农们忙着采摘嫩芽" in tea.body and "全省茶叶年产量" in tea.body


def test_a_dateline_cut_at_a_columns_end_goes_on_with_the_credit_that_follows_every_dateline():
    # A copy reads the head with the rest of its first paragraph, the reporter's credit in
    # brackets first, and the dateline that opens it at the end of the page (the column's
    # foot). Papers print that credit after every dateline and nowhere else: the two are one.
    lines = ["园区氢能装备产业链加速成形", "（记者 方明）" + _HYDROGEN[0], _HYDROGEN[2], "春茶为何早上市（产业观察）",
             "□本报记者 高晔", _TEA[0], _TEA[2], "本报太原3月16日电"]
    hydrogen, tea = _drafts("\n\n".join(lines))
    assert hydrogen.body.startswith("本报太原3月16日电（记者 方明）氢能产业园里") and "太原" not in tea.body


_HEALTH_LEAD = "近日，温州国际医药健康产业园首批入园企业签约仪式举行，7个大健康类项目签约落地，这也标志着温州“大健康产业航母”正式启航。"


@pytest.mark.parametrize("dateline, spare", [
    ("本报杭州10月31日电（记者沈军）近日从绍兴综合示范区传来喜讯，一家半导体公司的余热利用管理成果获得全国企业管理现代化创新成果一等奖。", True),
    ("本报杭州10月31日电（记者沈军）温州“大健康产业航母”启航，产业园占地68万平方米，储备招商项目463个。", False)],
    ids=["a-dateline-speaking-of-no-title", "a-dateline-restating-the-title"])
@pytest.mark.parametrize("lead", [_HEALTH_LEAD, _HEALTH_LEAD.replace("近日，", "今年以来，")],
                         ids=["a-news-lead", "a-first-paragraph-in-other-words"])
def test_a_dateline_under_a_lead_that_restates_the_title_opens_another_story(dateline, spare, lead):
    # A copy reads a dateline paragraph after an article's lead (restating its title) and a
    # title with no text further up. A story has one opening: the lead that restates the title
    # is this article's, so the dateline opens another story, the textless head's. A dateline that
    # restates the title more than the lead does is the article's own opening: it stays. A lead
    # is a news lead (近日，……) or the text's first paragraph, whatever words it opens with.
    lines = ["宁波高新区：向新实体经济转型 建“一区十园”创新高地",
             "近年来，宁波高新区坚持以建设国家自主创新示范区为核心任务，把创新创造摆在发展全局的核心位置，全力推进创新驱动。",
             "温州“大健康产业航母”启航", "简讯", "贡献六成以上新兴产业产值 开发区成转型发展重要平台", lead, dateline]
    drafts = _drafts_by_title(lines)
    health, other = drafts["温州“大健康产业航母”启航"], drafts["贡献六成以上新兴产业产值 开发区成转型发展重要平台"]
    assert "温州国际医药健康产业园首批入园企业" in health.body
    assert (other.body.startswith("本报杭州10月31日电") and "本报杭州" not in health.body) if spare else (
        "本报杭州" in health.body and not other.body)


@pytest.mark.parametrize("tail, spare", [
    ("用管理成果获得全国企业管理现代化创新成果一等奖，园区的空气质量并没有因为供暖期的到来而下降。", True),
    ("用管理成果获得全国企业管理现代化创新成果一等奖，宁波高新区双创载体的空气质量并没有下降。", False)],
    ids=["a-dateline-speaking-of-none-of-the-title", "a-dateline-speaking-of-the-title"])
def test_a_dateline_that_speaks_of_none_of_its_holders_title_opens_another_story(tail, spare):
    # A copy reads two heads in one row, then the rest of a dateline paragraph (cut at a
    # column's foot), the paragraphs of the first head's story, and at the end the dateline
    # itself. Joined, that paragraph is the text's first, so it was taken for the first head's
    # opening. But a story's text takes up its title, and its opening most of all: a dateline
    # paragraph that speaks of none of the title the rest of the text takes up opens another
    # story, the textless head's. One that speaks of the title stays the story's opening.
    lines = ["宁波高新区聚力培育双创载体", "简讯", "贡献六成以上新兴产业产值 开发区成转型发展重要平台", tail,
             "今年以来，宁波高新区着力实施科技企业孵化器和众创空间培育提升计划，加快双创载体建设，不断壮大创新创业主体。",
             "强化创业辅导服务。宁波高新区支持各类孵化器成立创业导师团队，为科技创业者提供创业培训、创业辅导。",
             "本报杭州10月31日电（记者沈军）近日从绍兴综合示范区传来喜讯，一家半导体公司的余热利"]
    drafts = _drafts_by_title(lines)
    ningbo, other = drafts["宁波高新区聚力培育双创载体"], drafts["贡献六成以上新兴产业产值 开发区成转型发展重要平台"]
    assert ningbo.body.startswith("本报杭州") != spare
    assert other.body.startswith("本报杭州10月31日电（记者沈军）近日从绍兴综合示范区传来喜讯，一家半导体公司的余热利用") == spare


def test_a_lead_that_takes_up_a_whole_title_and_one_line_of_its_holders_stack_opens_that_titles_story():
    # Typeset seed 2205's copy: a row read across, a title (吉林……启航), another story's last
    # line, a title (唐山……) and the first title's figure (68万平方米) read into the second's
    # stack. The lead under them restates the first title wholly, and its paragraph prints the
    # figure: it speaks of one line of its holder's stack as much as of the first title. A
    # whole title outweighs one line of another stack: the lead opens the first title's story.
    lines = ["一周要闻", "吉林“大健康产业航母”启航", "委会主管领导及相关负责同志参加会议。会议由科技部火炬中心总工程师许栋明主持。",
             "唐山高新区聚力培育双创载体", "68万平方米",
             "本报讯（记者 萧舒冉 通讯员 李娟）今年以来，唐山高新区着力实施科技企业孵化器和众创空间培育提升计划，"
             "加快创新创业孵化平台建设，不断壮大科技企业孵化器和众创空间规模，截至目前已建成13家市级以上科技企业孵化器和众创空间。",
             "近日，亚泰国际医药健康产业园首批入园企业签约仪式在长春新区北湖科技开发区创新中心举行。仪式上，包括吉林大学"
             "高能强脉冲光疼痛治疗设备及其产业化研究项目等在内的7个大健康类高科技项目签约落地，这也标志着吉林省“大健康产业航母”"
             "正式启航。亚泰医药集团董事长刘晓峰表",
             "示，未来，产业园将着力构建国内外大健康行业共同体，加快培育新的增长极，实现“三年百亿、十年千亿”发展目标。"
             "亚泰国际医药健康产业园占地面积68万平方米，实现招商项目储备463个，通过甄选，符合入园标准的项目共有126个。"
             "此次首批入园项目签约，也标志着产业园已由建设期转入运营期。随着更",
             "多企业逐步入园投产，园区将按照以高科技生物、国家一类新药为核心的“园中园”，以科研院所机构为核心的“园中院”，"
             "以医美城、文创城、中韩城等为核心的“园中城”战略进行规划，形成集“产、学、研、物、商、贸、服”于一体的大健康产业布局。\n（马维维）",
             "2022年全国颠覆性技术创新大赛工作启动会在京召开",
             "本报讯（记者邓大勇）7月20日，科技部火炬中心以视频会议形式召开2022年全国颠覆性技术创新大赛工作启动会。"
             "科技部资源配置与管理司一级巡视员崔拓、科技部火炬中心主任贾敬敦参加会议。来自全国37个省、自治区、直辖市及"
             "计划单列市的科技管理部门和部分国家高新区管"]
    drafts = _drafts_by_title(lines)
    health, tangshan = drafts["吉林“大健康产业航母”启航"], drafts["唐山高新区聚力培育双创载体"]
    assert health.body.startswith("近日，亚泰国际医药健康产业园") and "占地面积68万平方米" in health.body
    assert tangshan.body.startswith("本报讯（记者 萧舒冉") and "亚泰" not in tangshan.body


def test_a_figure_and_a_byline_read_apart_from_their_title_open_no_article():
    # A copy reads a figure printed in a head (68万平方米: the number the story is about, a deck
    # as parse_head reads it) with the byline under it, apart from its title. A figure is no
    # title: like a subtitle and a byline read apart, the stack leaves its story to its title.
    lines = ["温州“大健康产业航母”启航", "成都高新区：让产业齿轮精准咬合", "刘维 本报记者 盛利",
             "不久前，成都高新区发布《关于深化产业培育实现高质量发展若干政策意见》，提出每年设立专项资金资助业界共治。",
             "为实现破局，业界共治应运而生，企业的问题由所有参会者一起问诊把脉。",
             "68万平方米", "◎ 本报记者 曾志强", _HEALTH_LEAD,
             "温州国际医药健康产业园占地面积68万平方米，实现招商项目储备463个，符合入园标准的项目共有126个。"]
    drafts = _drafts_by_title(lines)
    assert list(drafts) == ["温州“大健康产业航母”启航", "成都高新区：让产业齿轮精准咬合"]
    assert "近日，温州国际医药健康产业园" in drafts["温州“大健康产业航母”启航"].body
    assert "占地面积" in drafts["温州“大健康产业航母”启航"].body


def test_a_title_read_into_another_heads_stack_leaves_it_whole():
    # A copy reads another story's title between a kicker and the title it stands over (每年……
    # / 温州“大健康产业航母”启航 / 成都高新区：……). That story's lead, further down, restates the
    # title read in: it is taken out of the stack, and the kicker stays with the title under it.
    lines = ["每年5000万元资助业界共治", "温州“大健康产业航母”启航", "成都高新区：让产业齿轮精准咬合", "刘维 本报记者 盛利",
             "不久前，成都高新区发布《关于深化产业培育实现高质量发展若干政策意见》，提出每年设立5000万元专项资金资助业界共治。",
             "为实现破局，业界共治应运而生，企业的问题由所有参会者一起问诊把脉。",
             "●赋能企业治理", "当前，成都高新区正聚焦于推进产业功能区和产业生态圈建设，业界共治是其中的关键一环。",
             "园区全景。", "新华社发", _HEALTH_LEAD]
    drafts = _drafts_by_title(lines)
    assert sorted(drafts) == ["成都高新区：让产业齿轮精准咬合", "温州“大健康产业航母”启航"]
    chengdu, health = drafts["成都高新区：让产业齿轮精准咬合"], drafts["温州“大健康产业航母”启航"]
    assert (chengdu.kicker, health.kicker) == ("每年5000万元资助业界共治", "")
    assert chengdu.body.startswith("不久前，成都高新区") and health.body.startswith("近日，温州国际医药健康产业园")


def test_a_title_read_into_a_stack_stays_when_the_rest_holds_only_a_kickers_form():
    # What a title read into a stack leaves must hold a title: two balanced phrases (坚持创新驱动
    # 推动产业升级) may be a kicker, so the stack is not parted into one head of that line.
    lines = ["温州高新区：“四送一服”创优营商环境", "今年以来，温州高新区深入推进“双招双引”工作，全面优化营商环境，园区企业办事效率明显提高。",
             "坚持创新驱动 推动产业升级", "2023年园区科技成果转化能力提升培训班开班", "高新区动态", "记者 王艳",
             "文/何思远", "强化创新发展动能。温州高新区深入推进双创工作，编制双创示范基地建设方案，孵化器数量稳步增长。",
             "园区全景。", "新华社发", "7月22日，由科技部火炬中心举办的2023年园区科技成果转化能力提升培训班正式开班，百余名学员参加培训。"]
    assert "坚持创新驱动 推动产业升级" not in _drafts_by_title(lines)


def test_a_head_takes_its_news_lead_read_under_a_caption_in_another_article():
    # A news lead right under a picture's caption opens a story (7月20日，…… 近日，……), as a
    # dateline does: a head whose text holds no opening of its own takes the one that restates
    # its title from the article a copy read it into.
    lines = ["成都高新区：让产业齿轮精准咬合", "刘维 本报记者 盛利",
             "不久前，成都高新区发布《关于深化产业培育实现高质量发展若干政策意见》，提出每年设立5000万元专项资金资助业界共治。",
             "为实现破局，业界共治应运而生，企业的问题由所有参会者一起问诊把脉。",
             "园区全景。", "新华社发", _HEALTH_LEAD,
             "温州“大健康产业航母”启航",
             "本报讯（记者 赵淑华）严冬时节，北方城市的园区里，供暖用的是太阳能和余热，空气质量没有下降。"]
    drafts = _drafts_by_title(lines)
    assert "温州国际医药健康产业园" in drafts["温州“大健康产业航母”启航"].body
    assert "温州国际医药健康产业园" not in drafts["成都高新区：让产业齿轮精准咬合"].body


def test_a_title_read_into_a_stack_is_told_elsewhere_by_a_lead_restating_it_past_a_column_cut():
    # The story of a title read into another head's stack opens under a picture's caption, its
    # lead cut by a column before it restates the title (……这也标 / 志着温州“大健康产业航母”正式
    # 启航。), the rest read right after it. The lead with that piece restates the title: it is
    # taken out of the stack, and the kicker stays over the title under it.
    lines = ["深化改革 激发市场主体活力", "温州“大健康产业航母”启航", "芜湖高新区：“四送一服”创优营商环境", "本报记者 黄景阳",
             "今年以来，芜湖高新区深入推进“双招双引”工作，全面优化营商环境，园区企业办事效率明显提高。",
             "强化创新发展动能。芜湖高新区深入推进双创工作，编制双创示范基地建设方案，孵化器数量稳步增长。",
             "园区全景。", "新华社发",
             "近日，温州国际医药健康产业园首批入园企业签约仪式在温州北湖科技开发区创新中心举行。仪式上，包括温州大学在内的7个项目签约落地，这也标",
             "志着温州“大健康产业航母”正式启航。"]
    drafts = _drafts_by_title(lines)
    wuhu, health = drafts["芜湖高新区：“四送一服”创优营商环境"], drafts["温州“大健康产业航母”启航"]
    assert (wuhu.kicker, health.kicker) == ("深化改革 激发市场主体活力", "")
    assert health.body.startswith("近日，温州国际医药健康产业园") and "芜湖" not in health.body


def test_a_textless_head_leaves_a_dateline_that_speaks_of_another_heads_title():
    # A head read with no text after it takes the nearest dateline paragraph, unless that one
    # takes up another head's title more than its own: it opens that head's story (本报讯……
    # 温州高新区的… under 全省氢能装备产业推进会), and the head's text is left to the vocabulary.
    lines = ["温州高新区再添省级小微双创基地",
             "月，省政府批复《科创走廊发展规划》，宁波高新区自此迎来发展新契机。",
             "全省氢能装备产业推进会在杭州召开",
             "本报讯（通讯员 吕明）近日，温州高新区的三家双创基地获评省级小微企业创业创新示范基地，入驻企业超过两百家。",
             "2011-2020",
             "嘉兴高新区聚力培育双创载体",
             "本报南昌7月25日电（记者 蒋芳）济宁高新区自1992年创建，2010年晋升为国家高新区，至今已走过了28年。",
             "本报讯（记者 林晔）今年以来，嘉兴高新区着力实施科技企业孵化器培育提升计划，加快双创载体建设。",
             "3月20日，全省氢能装备产业推进会在杭州召开，省经信厅负责人出席会议并讲话，百余家企业参加。",
             "举办氢能装备产业推进会，是落实全省氢能产业发展规划的重要举措，会上发布了十项氢能应用场景。",
             "宁波高新区：新兴产业重要策源地"]
    drafts = _drafts("\n\n".join(lines))
    hydrogen = next(d for d in drafts if d.title == "全省氢能装备产业推进会在杭州召开")
    assert hydrogen.body.startswith("3月20日，全省氢能装备产业推进会在杭州召开")
    assert "温州高新区" in next(d for d in drafts if d.title.startswith("温州高新区")).body


def test_a_textless_park_title_takes_no_dateline_whose_paragraph_names_none_of_its_park():
    """Two titles read one over the other (泉州高新区：… / 这家出产国之重器的园区有颗绿“芯”), the
    text under them another story's piece and 泉州's paragraphs, then a dateline on neither park
    (本报郑州……严冬时节……包头市青山区). A story speaks of the park its title names: that dateline
    opens no story of 泉州高新区; it is the other title's (seed 2008 as a copy reads it)."""
    lines = ["■第二看台", "园区快讯",
             "泉州高新区：向新实体经济转型 建“一区十园”创新高地", "这家出产国之重器的园区有颗绿“芯”",
             "者胡娟）7月22日，在科技部战略规划司的指导和支持下，科技部火炬中心举办的2022年国家高新区科技创新与"
             "经济形势分析能力提升培训班开班。",
             "近年来，泉州高新区坚持以建设国家自主创新示范区为核心任务，把创新创造摆在发展全局的核心位置。",
             "目前，泉州高新区包括主园区、鲤城园、石狮园等“一区十园”，拥有各类企业4740余家。",
             "泉州高新区以建设创新平台为抓手，加快集聚人才、技术、资本等高端要素，持续营造创新生态。",
             "本报郑州6月9日电（记者唐杰）严冬时节，不论是煤炭供暖还是燃气供暖，北方城市的空气质量都会或多或少"
             "发生一些变化。但今年冬天，内蒙古包头市青山区的很多地方，空气质量并没有因为供暖期的到来而下降，"
             "因为给这里供暖的能源是太阳能。",
             "2022年国家高新区科技创新与经济形势分析能力提升培训班开班", "本报长春6月11日电（记"]
    drafts = _drafts_by_title(lines)
    assert drafts["这家出产国之重器的园区有颗绿“芯”"].body.startswith("本报郑州6月9日电（记者唐杰）严冬时节")
    assert "本报郑州" not in drafts["泉州高新区：向新实体经济转型 建“一区十园”创新高地"].body


def test_a_stack_after_the_credit_that_closes_an_article_is_no_story_of_its_package():
    # A credit (供稿：…) closes the article above it: the kicker, title and byline after it head
    # the next article, not a story of a package the article above opened.
    lines = ["奋进新征程 建功新时代——园区十年成就巡礼", "这座园区有颗绿“芯”",
             "严冬时节，北方城市的园区里，供暖用的是太阳能和余热，空气质量没有下降。", "（供稿：市发展改革委）",
             "坚持创新驱动 推动产业升级", "春茶为何早上市", "——访茶叶研究所所长", "本报记者 张晔", _TEA[0], _TEA[2]]
    first, tea = _drafts("\n\n".join(lines))
    assert tea.title == "春茶为何早上市" and "茶" not in first.body


def test_a_numbered_section_heading_after_a_credit_stays_in_its_articles_text():
    # A long article's numbered sections (一、… 二、…; its heading cut over two lines) follow the
    # credit that signs its first part: a numbered heading heads a section, never an article.
    lines = ["园区合作共建经验分析及启示", "本报记者 方明",
             "园区合作共建作为区域经济合作的一种新型模式，既是帮助欠发达地区加快发展的重要手段，也是发达地区拓展空间的有效途径。",
             "（作者单位：省发展研究中心）", "一、园区合作共建的内容及特", "点",
             "园区合作共建是指跨区域的政府经协商约定，就某一产业或产业链的发展开展分工协作的共同建设计划。",
             "二、园区合作共建的经验", "共建园区在规划、招商、运营上分工明确，合作双方按约定分享税收和产值，实现互利共赢。"]
    (draft,) = _drafts("\n\n".join(lines))
    assert "园区合作共建是指" in draft.body and "二、园区合作共建的经验" in draft.body


@pytest.mark.parametrize("marker", ["", "●", "◆ "], ids=["plain", "marked", "marked-and-spaced"])
def test_a_title_read_in_one_stack_with_a_numbered_section_heading_keeps_none_of_it(marker):
    # A copy reads a section heading cut over two lines (…的内容及特 / 点) and the next article's
    # title in one stack: the heading and the line that goes on with its word stay in the text.
    # A box marker before the number (●一、…) is typography: the heading is the same.
    lines = ["园区合作共建经验分析及启示", "本报记者 方明",
             "园区合作共建作为区域经济合作的一种新型模式，既是帮助欠发达地区加快发展的重要手段，也是发达地区拓展空间的有效途径。",
             "（作者单位：省发展研究中心）", marker + "一、园区合作共建的内容及特", "点", "春茶为何早上市", "本报记者 张晔",
             _TEA[0], _TEA[2]]
    first, tea = _drafts("\n\n".join(lines))
    assert (tea.kicker, tea.title) == ("", "春茶为何早上市") and "内容及特" in first.body and "点" in first.body


def test_the_cut_first_line_of_a_numbered_section_stays_in_its_text_over_another_articles_stack():
    # A column cuts a section's first line short under its heading (一、园区合作共建的内容及特点 /
    # 园区合作共建是指跨区), and a copy reads another article's stack right after it. A section's
    # text restates its heading: that line is the section's, not a title.
    lines = ["园区合作共建经验分析及启示", "本报记者 方明",
             "园区合作共建作为区域经济合作的一种新型模式，既是帮助欠发达地区加快发展的重要手段，也是发达地区拓展空间的有效途径。",
             "（作者单位：省发展研究中心）", "◆一、园区合作共建的内容及特点", "园区合作共建是指跨区", "春茶为何早上市", "本报记者 张晔",
             _TEA[0], _TEA[2], "域的政府经协商约定，就某一产业或产业链的发展开展分工协作的共同建设计划。"]
    first, tea = _drafts("\n\n".join(lines))
    assert "园区合作共建是指跨区" in first.body and (tea.section, tea.kicker, tea.title) == ("", "", "春茶为何早上市")



@pytest.mark.parametrize("other_title, moves", [("打造具有全球影响力的产业创新高地", True),
                                               ("温州高新区：党员代表大会绘就新蓝图", False)],
                         ids=["a-subtitle-naming-no-park", "a-title-naming-the-same-park"])
def test_a_head_takes_its_opening_read_under_another_heads_byline_when_it_names_its_park_alone(other_title, moves):
    # A copy reads a park's title with a paragraph from the middle of its story, then a subtitle
    # with the byline, and the story's opening under them. The opening names the title's park and
    # nothing the other stack names: it opens the park's story, whose subtitle and byline the
    # other stack was. Under a title that names the same park it is that title's own.
    lines = ["聚力五大行动 温州高新区按下发展快进键",
             "综合实力迈上新台阶。2019年，温州高新区固定资产投资增长25%，一般公共预算收入增长14.3%。",
             other_title, "本报记者 李争粉",
             "在日前召开的温州高新区第一次党员代表大会上，管委会主任表示，今后五年，温州高新区将聚力开展五大行动，按下发展快进键。",
             "春茶为何早上市", "本报记者 林青", "春茶采摘忙起来了，茶园里一片繁忙，茶农们趁着晴好天气采摘嫩芽。"]
    drafts = _drafts_by_title(lines)
    park = drafts["聚力五大行动 温州高新区按下发展快进键"]
    assert ("第一次党员代表大会" in park.body) is moves
    if moves:
        assert other_title not in drafts and (park.deck, park.byline) == (other_title, "本报记者 李争粉")
    else:
        assert "第一次党员代表大会" in drafts[other_title].body


def test_a_kicker_of_balanced_halves_restated_by_a_story_elsewhere_stays_its_titles_kicker():
    # pdftotext's copy of a 人民日报 page: the kicker (生产需求稳中有升 积极因素积聚增强) over the
    # 权威发布 title, its lead read under another article's byline, which restates the kicker. Two
    # balanced phrases may be a kicker: they part no stack (a title read over another title and
    # restated by a story elsewhere heads its own story: tests/test_pdf_layouts.py, seed 3617).
    from parkdigest.convert.pipeline import convert_page

    page = Path(__file__).parent / "devset-pdftotext" / "pages" / "rmrb-2026-03-17-04.txt"
    articles = {a.meta["title"]: a.meta for a in convert_page(page).articles}
    assert "生产需求稳中有升 积极因素积聚增强" not in articles
    assert articles["今年前两月中国经济开局良好（权威发布）"].get("kicker") == "生产需求稳中有升 积极因素积聚增强"


def test_a_photo_credit_wrapped_inside_its_last_word_is_furniture(tmp_path):
    # A copy keeps a credit's wrap: 科技部火炬中心供 / 图. Neither line is a credit on its own;
    # read on they are one, and the tail is a short piece with no sentence: both are the credit's
    # (read as one line where the copy sets its blocks apart: 图 is the rest of the line above it).
    from parkdigest.convert.pipeline import convert_page

    lines = ["园区氢能装备产业链加速成形", "", "本报记者 林青", "", _HYDROGEN[0], "", "（供稿：园区管委会）", "",
             "科技部火炬中心供", "图", "", "航拍园区新建成的科创走廊。", "", "春茶提前一周上市 茶农增收有新门路", "",
             "本报记者 方明", "", *_TEA]
    page = tmp_path / "page.txt"
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = convert_page(page)
    furniture = [f.text for f in result.layout.furniture]
    assert "科技部火炬中心供图" in furniture or {"科技部火炬中心供", "图"} <= set(furniture)
    assert not any("科技部火炬中心供" in a.body or a.meta["title"] == "图" for a in result.articles)


def test_two_titles_read_as_one_stack_with_two_bylines_are_two_stories():
    # A copy reads two modules' heads as one block: two whole titles, a subtitle, then both
    # bylines. A story prints its byline on one line: two bylines sign two stories, whose
    # texts follow (the vocabulary places them).
    lines = ["创业孵化", "这家出产国之重器的园区有颗绿“芯”", "唐山高新区聚力培育双创载体",
             "——记者走进唐山高新区探营双创载体", "王泽 黄瑞 本报记者 张景阳", "□本报记者 王 娜",
             "严冬时节，北方城市的空气质量都会发生一些变化。但包头装备制造产业园的空气依旧清新，园区用的能源是太阳能。",
             "不久前，包头装备制造产业园入选了国家“第三批绿色制造名单”，园区的绿色制造评价指标达到了评价标准引领值。",
             "今年以来，唐山高新区着力实施科技企业孵化器和众创空间培育提升计划，加快创新创业孵化载体建设。",
             "强化创业辅导服务。唐山高新区支持各类孵化器成立创业导师团队，为科技创业者提供创业培训和创投对接等服务。"]
    drafts = _drafts_by_title(lines)
    assert "包头装备制造产业园" in drafts["这家出产国之重器的园区有颗绿“芯”"].body
    assert "唐山高新区" in drafts["唐山高新区聚力培育双创载体"].body
    assert "包头" not in drafts["唐山高新区聚力培育双创载体"].body


def test_a_box_heading_over_a_dateline_is_no_title():
    # A copy reads a box's heading (背景) right above another story's dateline paragraph, the
    # box's own text elsewhere. A box tells no news under a dateline: the heading heads no
    # article (a dateline under a stack announces an article only when the stack is no box's).
    lines = ["产业园区合作共建经验分析及启示",
             "产业园区合作共建是推动区域协调发展的重要抓手，近年来各地探索出多种合作模式。",
             "背景",
             "本报讯（记者彭淑华）7月19日，由科技部火炬中心指导的科研助理岗位专场招聘活动在枣庄高新区举办。",
             "活动吸引了三十余家企业参加，提供科研助理岗位两百余个。"]
    titles = _titles_of(lines)
    assert "背景" not in titles and titles[0] == "产业园区合作共建经验分析及启示"


def test_a_news_lead_in_the_text_under_a_stack_that_restates_its_first_title_parts_the_stack():
    # A copy reads a news item's title over another article's head (芜湖高新区：…, its section,
    # subtitle and byline), and the item's lead after that article's first paragraphs. A lead
    # opens with when it happened (7月19日，) and restates its title: it opens that title's story.
    lines = ["“科技创业带动高质量就业行动”科研助理岗位大学生专场招聘活动举办", "绿色发展",
             "芜湖高新区：“四送一服”创优“四最”营商环境", "——科技创新与产业创新深度融合的芜湖实践", "文/李丽娟",
             "2021年7月《国务院关于促进国家高新技术产业开发区高质量发展的若干意见》印发以来，芜湖高新区做好“高”“新”两篇文章。",
             "推进智能网联汽车示范区建设，基本完成建设5G用户场景式体验展示中心，签署区战略合作协议。",
             "7月19日，由科技部火炬中心指导，枣庄高新区承办的“科技创业带动高质量就业行动”科研助理岗位大学生专场招聘活动在枣庄举办。",
             "枣庄市科技局副局长介绍了枣庄市科研助理岗位的整体落实情况，全市今年计划吸纳超过1000人。"]
    drafts = _drafts_by_title(lines)
    item = drafts["“科技创业带动高质量就业行动”科研助理岗位大学生专场招聘活动举办"]
    assert item.body.startswith("7月19日，由科技部火炬中心指导")
    assert "枣庄" not in drafts["芜湖高新区：“四送一服”创优“四最”营商环境"].body


def test_two_titles_over_two_stories_told_in_turn_head_one_each():
    # A copy reads two modules' titles as one stack, then one story's text and the other's. A
    # kicker and its title head one story; here the paragraphs under the stack (no dateline
    # among them) speak for one title alone, then for the other, each run telling its story
    # (科技部火炬中心… over text that never names 兰州高新区): two heads, one each.
    lines = ["基层探访", "科技部火炬中心召开巡视整改专题民主生活会", "兰州高新区：建西北地区重要科创中心",
             "党的十八大以来，兰州高新区以高质量发展为引领，深入实施创新驱动发展战略，加快建设西北地区重要科创中心。",
             "按照科技部党组统一部署和部巡视办具体安排，科技部火炬中心领导班子召开巡视整改专题民主生活会，"
             "紧紧围绕巡视整改深入查摆问题。",
             "会议由科技部火炬中心党委书记张卫星主持。大家开展批评和自我批评，推动巡视整改走深走实。"]
    drafts = _drafts_by_title(lines)
    assert drafts["科技部火炬中心召开巡视整改专题民主生活会"].body.startswith("按照科技部党组统一部署")
    assert "科技部火炬中心" not in drafts["兰州高新区：建西北地区重要科创中心"].body


def test_two_of_three_titles_over_two_stories_told_in_turn_head_one_each():
    # Three whole lines read as one stack (a kicker and two modules' titles); the paragraphs under
    # it speak for two of them alone, one after the other: those two head a story each, the
    # other line is the first one's kicker.
    lines = ["园区开放合作迈上新的台阶", "吉林“大健康产业航母”启航", "科技部火炬中心召开巡视整改专题民主生活会",
             "近日，亚泰国际医药健康产业园首批入园企业签约仪式举行，标志着吉林省“大健康产业航母”正式启航。",
             "亚泰国际医药健康产业园占地面积68万平方米，吉林省大健康产业集聚发展。",
             "按照科技部党组统一部署，科技部火炬中心领导班子召开巡视整改专题民主生活会。",
             "会议由科技部火炬中心党委书记张卫星主持，巡视整改专题民主生活会开得严肃认真。"]
    drafts = _drafts_by_title(lines)
    assert drafts["吉林“大健康产业航母”启航"].kicker == "园区开放合作迈上新的台阶"
    assert drafts["科技部火炬中心召开巡视整改专题民主生活会"].body.startswith("按照科技部党组统一部署")


def test_a_kicker_and_its_title_each_taken_up_once_stay_one_head():
    # A kicker and its title head one story, whose paragraphs may take up one and then the other
    # (每年5000万元资助业界共治 / 成都高新区：…): a run of one paragraph taking up a third of a
    # title's words may hold a few common words by chance; it tells a story only when it takes
    # up most of them.
    lines = ["每年5000万元资助业界共治", "成都高新区：让产业齿轮精准咬合", "本报记者 董文博",
             "《意见》提出，每年设立5000万元业界共治专项资金，资助企业参与共治。",
             "科技日报记者走访了成都高新区相关部门及业内企业，看产业如何汇聚资源。"]
    titles = _titles_of(lines)
    assert titles == ["成都高新区：让产业齿轮精准咬合"], titles


@pytest.mark.parametrize("first_head, second_head", [
    (["来徐州高新区 感受有技术含量的“安全感”", "——徐州高新区高质量发展观察"],
     ["科技部火炬中心召开巡视整改专题民主生活会", "——访武汉东湖高新区管委会主任马艳"]),
    (["深化改革 激发市场主体活力", "来徐州高新区 感受有技术含量的“安全感”"],
     ["■创新前沿", "科技部火炬中心召开巡视整改专题民主生活会", "本报记者 高晔 通讯员 陈振宇"]),
], ids=["a-subtitle-under-the-title", "a-boxs-heading-over-the-title"])
def test_a_head_with_no_kicker_after_a_head_with_no_byline_is_no_story_of_a_package(first_head, second_head):
    # A package's stories have a kicker over their titles. A subtitle (——访…) stands under a
    # title, a box's heading (■创新前沿) marks it: neither is a kicker. Such a head, after a head
    # without a byline, is an article of its own, not a section of the first.
    lines = [*first_head,
             "能在胡同自如穿行的智能移动消防车、专门应对高层建筑火灾的消防装备，让人大开眼界。",
             "作为全国安全产业发展先行区，徐州高新区集聚安全产业企业200余家。",
             *second_head,
             "按照科技部党组统一部署和部巡视办具体安排，科技部火炬中心领导班子召开巡视整改专题民主生活会。",
             "会议由科技部火炬中心党委书记张卫星主持。"]
    titles = _titles_of(lines)
    assert titles == ["来徐州高新区 感受有技术含量的“安全感”", "科技部火炬中心召开巡视整改专题民主生活会"], titles


def test_two_balanced_phrases_in_a_row_of_titles_are_the_next_titles_kicker():
    # A copy reads a row of modules' titles as one stack. Two balanced phrases (坚持创新驱动 推动
    # 产业升级) are the form of a kicker as often as of a title: right above another title, they
    # are its kicker and head no story of their own.
    lines = ["基层探访", "兰白国家自主创新示范区：欠发达地区改革创新样本“复盘”",
             "2022年国家高新区科技创新与经济形势分析能力提升培训班开班", "坚持创新驱动 推动产业升级",
             "科技部火炬中心召开巡视整改专题民主生活会", "本报记者 曾雨辰",
             "按照科技部党组统一部署和部巡视办具体安排，科技部火炬中心召开巡视整改专题民主生活会。",
             "会议由科技部火炬中心党委书记张卫星主持。"]
    drafts = _drafts("\n\n".join(lines))
    assert "坚持创新驱动 推动产业升级" not in [draft.title for draft in drafts]
    (torch,) = [draft for draft in drafts if draft.title == "科技部火炬中心召开巡视整改专题民主生活会"]
    assert torch.kicker == "坚持创新驱动 推动产业升级"


@pytest.mark.parametrize("box", ["背景", "■灭隐患于无形：“编外消防员”24小时在岗"], ids=["a-boxs-name", "a-marked-heading"])
def test_a_byline_over_a_boxs_heading_opens_no_article(box):
    # A copy reads a head's byline over the heading of a box or section inside an article (背景,
    # ■…): a stack of a byline and a box's heading holds no title, and opens no article.
    lines = ["来徐州高新区 感受有技术含量的“安全感”",
             "能在胡同自如穿行的智能移动消防车、专门应对高层建筑火灾的消防装备，让人大开眼界。",
             "■ 本报记者 彭伟 实习生 李艳", box,
             "全年排除2000余处电气安全隐患，预警火情十余次，徐州高新区的“编外消防员”24小时在岗。",
             "作为全国安全产业发展先行区，徐州高新区集聚安全产业企业200余家。"]
    titles = _titles_of(lines)
    assert titles == ["来徐州高新区 感受有技术含量的“安全感”"], titles


def test_the_rest_of_a_paragraph_opened_at_a_columns_foot_is_not_followed_by_the_next_block():
    # A copy reads the openings of paragraphs at the columns' feet after the columns: the rest of
    # 二是… stands at the top of a column, its opening (二是新兴产业…兰) last. The file puts the
    # opening of 2021年…, another paragraph read late, right after that rest; it does not follow
    # it, but reads where its own rest stands. The paragraphs read in turn, each from its opening.
    lines = ["兰州高新区：建西北地区重要科创中心",
             "党的十八大以来，兰州高新区以高质量发展为引领，深入实施创新驱动发展战略，推动兰白国家自创区建设取得突破性进展。",
             "元，占兰州市比重近11%，相较2012年生产总值245亿元，增长43.02%，高质量发展引擎作用进一步凸显。",
             "一是科技体制改革赋能创新引擎。兰州高新区坚持将科技体制改革和政策创新作为激发创新活力的先手棋，建成新型研发机构19",
             "家、研发平台106个，承担国家、甘肃省、兰州市各类科研项目近千项，高新技术企业达到410家。",
             "州高新区高度聚焦生物医药首位产业，积极培育智能制造、新材料特色产业，产业链日趋完善，集聚效应日益明显。",
             "2021年，兰州高新区地区生产总值首次突破300亿元，达到350.4亿",
             "二是新兴产业支撑高质量发展。兰",
             "（供稿：兰州高新区）"]
    (draft,) = _drafts("\n\n".join(lines))
    openings = [paragraph[:4] for paragraph in draft.body.split("\n\n")]
    assert openings == ["党的十八", "2021", "一是科技", "二是新兴"], openings


def test_bylines_around_a_subtitle_open_no_article():
    # A copy reads two heads' bylines around one's subtitle, their titles elsewhere: a stack of
    # bylines, labels and subtitles (——…) holds no title, in any order, and opens no article.
    lines = ["有“点赞之交”还不够 成都高新区玩转“顶级”朋友圈",
             "对于一家西部高新区来说，又该如何打造一个面向未来创新前沿的朋友圈？成都高新区给出了自己的答案。",
             "■ 本报记者 司马振宇 实习生 薛景阳", "——记者走进贵阳高新区探营新型研发机构", "本报通讯员 阎隽逸",
             "结交一群优秀的小伙伴，每个人都心向往之。成都高新区率先实施的全球顶级科技园区合伙人计划受到广泛关注。",
             "孙元欣教授认为，该计划不仅探索科技园区国际合作的思路，还形成了新的科技园区合作载体。"]
    titles = _titles_of(lines)
    assert not any(title.startswith("——") for title in titles), titles


def test_a_park_title_whose_last_word_runs_into_the_next_paragraph_stays_a_title():
    # A title that opens with its park's name and a colon is whole: a word that seems to run
    # from its end into the paragraph after it (产业高地 / 区“重大项目… reads 地区) does so by chance.
    lines = ["成都高新区：让产业齿轮精准咬合",
             "本报讯（记者盛利）最近，成都高新区的私董会新鲜亮相，企业的问题由所有参会者问诊把脉开药方。",
             "齐齐哈尔高新区：高标准建设产业高地",
             "区“重大项目增效年”动员大会上，常州市委常委、常州国家高新区党工委书记周斌提出，力争挺进全国高新区20强。",
             "本报讯（记者阎欣然）齐齐哈尔高新区自2010年升级为国家高新区以来，主动融入国家战略，进入跨越式发展新阶段。"]
    titles = _titles_of(lines)
    assert "齐齐哈尔高新区：高标准建设产业高地" in titles, titles


@pytest.mark.parametrize("caption, credit, clean", [
    ("无锡高新区生物医药产业园内，研发人员在进行细胞培养受访企业供图 实验。受访企业供图", "受访企业供图",
     "无锡高新区生物医药产业园内，研发人员在进行细胞培养实验。"),
    ("（受访企业供图）昆明高新区全景。（受访企业供图）", "（受访企业供图）", "昆明高新区全景。"),
    ("图为常州高新区集成电路产业园一新华社记者 吴芳摄 角。新华社记者 吴芳摄", "新华社记者 吴芳摄",
     "图为常州高新区集成电路产业园一角。"),
])
def test_a_photo_credit_a_line_holds_twice_is_furniture_both_times(caption, credit, clean):
    # A copy reads the credit printed beside a caption into the caption's text, and the caption's
    # own credit stands as well: both copies are the credit, the caption reads without them, and
    # every character is kept (the page's conservation check).
    from parkdigest.convert.model import Line, Page
    from parkdigest.convert.reflow import reflow_page
    from parkdigest.convert.segment import segment_page

    lines = ["苏州高新区加快培育新质生产力",
             "本报讯（记者王海）今年以来，苏州高新区加快培育新质生产力，集成电路和生物医药产业持续壮大。",
             caption,
             "苏州高新区还将出台专项政策，支持企业加大研发投入，力争全年新增高新技术企业三百家。"]
    page = normalize_page(Page("page.txt", tuple(Line(i + 1, text) for i, text in enumerate(lines))))
    layout = reflow_page(segment_page(page))
    assert [f.text for f in layout.furniture].count(credit) == 2, layout.furniture
    assert conservation_errors(page, layout) == (Counter(), Counter())
    (draft,) = layout.drafts
    assert clean in draft.captions and "供图" not in draft.body and "摄" not in draft.body


def test_a_title_in_another_articles_text_over_its_own_news_lead_heads_that_story():
    # A copy reads a module's title and its story in the middle of another article's text,
    # where the title stands as a subhead. A news lead under it (7月20日，……) that restates it
    # opens that title's story: the line is a title, its story goes with it.
    lines = ["广州高新区再添省级小微双创基地",
             "本报讯（记者高景阳）近日，广州高新区的三家双创基地获评省级小微企业创业创新示范基地，入驻企业超过两百家。",
             "广州高新区将继续完善孵化服务体系，推动双创基地提质增效。",
             "2022年全国颠覆性技术创新大赛工作启动会在京召开",
             "7月20日，科技部火炬中心以视频会议形式召开2022年全国颠覆性技术创新大赛工作启动会，部署大赛各项工作。",
             "大赛突出国家战略科技力量，面向前沿领域征集颠覆性技术创新项目。"]
    drafts = _drafts_by_title(lines)
    contest = drafts["2022年全国颠覆性技术创新大赛工作启动会在京召开"]
    assert contest.body.startswith("7月20日，科技部火炬中心") and "大赛突出" in contest.body
    assert "颠覆性" not in drafts["广州高新区再添省级小微双创基地"].body


def test_a_title_read_in_another_text_whose_story_opens_with_a_dateline_further_down_is_a_title():
    # A copy reads a module's title inside another article's text, then more of that text, and
    # the title's own story further down, opening with its dateline and restating the title. A
    # subhead's section never opens with a dateline that restates it: the line heads that story.
    lines = ["园区氢能装备产业链加速成形", "", "本报记者 方明", "", _HYDROGEN[0], "", "春茶提前一周上市 茶农增收有新门路", "",
             _HYDROGEN[2], "", "加氢站网络覆盖全省，出行更方便。", "", _TEA_DATELINE.replace("今年春茶", "今年春茶提前一周上市，茶农增收有新门路。春茶"),
             "", "全省茶叶年产量突破十万吨，名优茶比重逐年提高。"]
    drafts = _drafts("\n".join(lines))
    assert [d.title for d in drafts] == ["园区氢能装备产业链加速成形", "春茶提前一周上市 茶农增收有新门路"]
    hydrogen, tea = drafts
    assert tea.body.startswith("本报讯（记者 林青）") and "全省茶叶" in tea.body
    assert "电解槽" in hydrogen.body and "茶" not in hydrogen.body


@pytest.mark.parametrize("dateline, leads", [
    (_TEA_DATELINE, True),
    ("本报讯（记者 林青）氢能产业园里，一台台制氢设备从这里发往全国各地的加氢站和化工企业。", False)],
    ids=["its-own-story", "another-storys-dateline"])
def test_a_dateline_that_tells_of_its_title_opens_the_text_read_before_it(dateline, leads):
    # A copy reads a piece of a story between its title and the paragraph opening with its
    # dateline: a story's text opens with its dateline, so that paragraph reads first. A
    # dateline of another story (it names nothing its title says) leads nothing there.
    lines = ["春茶提前一周上市 茶农增收有新门路", "", "全省茶叶年产量突破十万吨，名优茶比重逐年提高。", "", dateline]
    (tea,) = _drafts("\n".join(lines))
    assert tea.body.startswith("本报讯（记者 林青）") is leads
    assert tea.body.startswith("全省茶叶") is not leads


def test_points_summed_up_over_a_story_stay_above_its_dateline():
    # A paper prints a story's key points (■ ……) above its dateline: they are no piece read astray.
    lines = ["春茶提前一周上市 茶农增收有新门路", "", "■ 全省茶叶年产量突破十万吨，名优茶比重逐年提高。", "",
             "■ 春茶上市时间比往年提前一周，茶农增收有了新门路。", "", _TEA_DATELINE]
    (tea,) = _drafts("\n".join(lines))
    assert tea.body.startswith("■ 全省茶叶") and tea.body.index("■ 春茶") < tea.body.index("本报讯（记者 林青）")


_JIAN = ["吉安高新区：“两化融合”构筑绿色产业集聚高地", "", "本报记者 王芳", "",
         "吉安高新区地处吉泰走廊核心区域，电子信息产业集群初具规模，园区企业数字化改造全面铺开。", "",
         "（供稿：吉安高新区）"]


@pytest.mark.parametrize("opening, folds", [
    ("吉安高新区坚定地以打造创新驱动发展示范区为目标，一张蓝图绘到底，园区规划面积不断扩大。", True),
    ("7月5日，吉安高新区举办电子信息产业对接会，二十余个项目现场签约，签约金额超过五十亿元。", False)],
    ids=["a-section-of-its-story", "a-story-of-its-own"])
def test_a_lone_subhead_whose_text_tells_only_of_another_titles_park_goes_back_into_that_story(opening, folds):
    # A copy reads a story's subhead after another article's closing credit, so it heads an
    # article of its own. A head of one line naming no park, over text that opens no story
    # and names only the park of another title on the page, is a section of that title's
    # story. Text that opens as a news story (a date, then a comma) is a story of its own.
    lines = [*_JIAN, "", "明确战略定位谋发展", "", opening]
    drafts = _drafts("\n".join(lines))
    assert drafts[0].title == "吉安高新区：“两化融合”构筑绿色产业集聚高地"
    assert (len(drafts) == 1) is folds
    if folds:
        subheads = [p.text for p in drafts[0].paragraphs if p.subhead]
        assert subheads == ["明确战略定位谋发展"] and "一张蓝图绘到底" in drafts[0].body


def test_a_paragraph_leading_into_a_list_over_the_next_storys_byline_heads_nothing():
    """A copy reads a paragraph that leads into the list after it (对此，贾敬敦提出3方面工作要求：)
    right over the next story's byline, printed above its title (seed 4429). A line ending as a
    kicker does needs the rest of its head right under it, never a byline: it stays text."""
    drafts = _drafts("\n\n".join([
        "2022年全国颠覆性技术创新大赛工作启动会在京召开",
        "7月20日，科技部火炬中心以视频会议形式召开2022年全国颠覆性技术创新大赛工作启动会。",
        "贾敬敦表示，党中央高度重视颠覆性技术创新工作，举办大赛是落实有关决策部署的重要举措。",
        "对此，贾敬敦提出3方面工作要求：",
        "于涛 本报记者 周景阳",
        "广州高新区再添省级小微双创基地",
        "近日，广州高新区的广州华南新材料创新园有限公司等3家单位获评省级小型微型企业创业创新示范基地。",
    ]))
    assert [d.title for d in drafts] == ["2022年全国颠覆性技术创新大赛工作启动会在京召开", "广州高新区再添省级小微双创基地"]
    assert "对此，贾敬敦提出3方面工作要求：" in drafts[0].body


def test_a_title_stacked_under_another_is_the_title_of_the_news_story_that_restates_it_under_a_heading():
    """A copy reads two modules' titles as one stack (科技部火炬中心召开…民主生活会 / 2022年全国颠覆性…
    召开): the text under the stack is the first title's story, and the second's is told further
    down, under another heading (its subtitle, ——…见闻), by a news lead that restates it (7月20日，
    ……召开2022年全国颠覆性技术创新大赛工作启动会). A news lead under a heading opens a story as a
    dateline does: the two lines are two stories' titles (seed 3314)."""
    drafts = _drafts("\n\n".join([
        "聚焦主导产业 打造创新高地",
        "科技部火炬中心召开巡视整改专题民主生活会",
        "2022年全国颠覆性技术创新大赛工作启动会在京召开",
        "按照统一部署，科技部火炬中心领导班子召开巡视整改专题民主生活会，逐条对照检查。",
        "会上，班子成员逐一发言，开展批评与自我批评。",
        "（供稿：科技部火炬中心）",
        "——国家高新区一线见闻",
        "7月20日，科技部火炬中心以视频会议形式召开2022年全国颠覆性技术创新大赛工作启动会。",
        "贾敬敦表示，举办大赛是落实有关决策部署的重要举措。",
    ]))
    titles = [d.title for d in drafts]
    assert "2022年全国颠覆性技术创新大赛工作启动会在京召开" in titles
    assert any("巡视整改专题民主生活会" in title for title in titles)
    contest = next(d for d in drafts if d.title == "2022年全国颠覆性技术创新大赛工作启动会在京召开")
    assert "7月20日，科技部火炬中心" in contest.body and "民主生活会" not in contest.body


def test_a_title_whose_story_opens_under_its_picture_keeps_the_line_under_it():
    """The story under a stack opens with its first paragraph, past the picture printed between
    (……培训班开班 / 打造具有全球影响力的产业创新高地 / a caption / 7月22日，……培训班……): that
    paragraph restating the title is the stack's own story, not one told elsewhere, so the line
    under the title stays in its head (seed 4803)."""
    drafts = _drafts("\n\n".join([
        "火炬在行动",
        "2022年国家高新区科技创新与经济形势分析能力提升培训班开班",
        "打造具有全球影响力的产业创新高地",
        "图为航拍无锡高新区新建成的科创走廊。",
        "7月22日，科技部火炬中心举办的2022年国家高新区科技创新与经济形势分析能力提升培训班在京开班。",
        "全国173家国家高新区300多名学员参加了此次培训。",
    ]))
    assert len(drafts) == 1
    assert {"2022年国家高新区科技创新与经济形势分析能力提升培训班开班", "打造具有全球影响力的产业创新高地"} <= {
        drafts[0].kicker, drafts[0].title, drafts[0].deck}


_JILIN_LEAD = ("本报讯（记者薛刚）近日，亚泰国际医药健康产业园首批入园企业签约仪式在北湖科技开发区举行，"
               "7个大健康类高科技项目签约落地，这也标志着吉林省“大健康产业航母”正式启航。")


@pytest.mark.parametrize("stack, title", [
    # the lead restates the first line and takes up nothing of the second: the first is the title
    (["吉林“大健康产业航母”启航", "让更多科技成果从“书架”走向“货架”"], "吉林“大健康产业航母”启航"),
    # a kicker the lead restates over a title it takes up in part: the last line stays the title
    (["吉林省大健康产业航母正式启航", "北湖园区迎来首批企业 健康产业加速集聚"], "北湖园区迎来首批企业 健康产业加速集聚"),
    # a lead that restates no line: the last line is the title, as a kicker stands above it
    (["让更多科技成果从“书架”走向“货架”", "园区项目签约仪式举行"], "园区项目签约仪式举行"),
])
def test_the_line_a_stacks_lead_restates_alone_is_its_title(stack, title):
    """A story's lead restates its title (seed 3824: 吉林“大健康产业航母”启航 over a line of
    another module, read into its stack, and a lead ending ……“大健康产业航母”正式启航。). Of a
    stack's lines that name no park, the one the first paragraph restates, when it takes up
    little of the others, is the title, whatever its place; else a kicker stands above it."""
    drafts = _drafts("\n\n".join([*stack, _JILIN_LEAD, "亚泰医药集团董事长表示，产业园将加快培育新的增长极。"]))
    assert [d.title for d in drafts] == [title]


def test_a_line_under_a_park_title_over_text_on_its_park_is_its_subtitle_though_another_story_shares_words():
    """A dashless subtitle under a park's title (打造具有全球影响力的产业创新高地), over text that
    names the park: another story's dateline that takes up some of its words (打造, 产业, 创新,
    高地: any park's news says as much) does not make it that story's title; only a story that
    restates it would (seed 4307)."""
    drafts = _drafts("\n\n".join([
        "武汉东湖高新区：新兴产业重要策源地",
        "打造具有全球影响力的产业创新高地",
        "◎ 本报记者 贾淑华",
        "2012年3月，国务院同意批复东湖国家自主创新示范区发展规划纲要，武汉东湖高新区自此迎来发展新契机。",
        "“十三五”期间，武汉东湖高新区经济迈上新台阶，主要经济指标位居全市前列。",
        "兰州高新区：建西北地区重要科创中心",
        "本报讯（通讯员董桂英）党的十八大以来，兰州高新区深入实施创新驱动发展战略，全力打造产业创新高地，综合实力稳步提升。",
        "兰州高新区现有国家重点实验室8个，生物医药领域企业达到200余家。",
    ]))
    assert [(d.title, d.deck) for d in drafts] == [
        ("武汉东湖高新区：新兴产业重要策源地", "打造具有全球影响力的产业创新高地"), ("兰州高新区：建西北地区重要科创中心", "")]


@pytest.mark.parametrize("between", ["核心阅读", "图为齐齐哈尔高新区装备制造产业园内，工人在调试数控机床。"],
                         ids=["a-box-heading", "a-caption"])
def test_a_park_titles_subtitle_over_a_box_heading_or_a_caption_is_its_subtitle(between):
    """The story may open with a box (核心阅读) under its head, or its picture's caption stand
    there: the paragraph under them, naming the title's park, says the line under the park's
    title is its subtitle, no title of its own with the byline and no text (seeds 6603, 6703)."""
    drafts = _drafts("\n\n".join([
        "产业前沿",
        "齐齐哈尔高新区：高标准建设产业高地",
        "打造具有全球影响力的产业创新高地",
        "吕洋 本报记者 唐子涵",
        between,
        "齐齐哈尔高新区自2010年升级为国家高新区以来，主动融入国家战略，积极承接黑龙江省高质量发展任务。",
        "下一步，齐齐哈尔高新区将继续坚持“发展高科技、实现产业化”历史使命，以深化体制机制改革为动力。",
    ]))
    assert [(d.title, d.deck) for d in drafts] == [("齐齐哈尔高新区：高标准建设产业高地", "打造具有全球影响力的产业创新高地")]


def test_a_dateline_on_another_titles_park_makes_no_line_of_a_stack_a_title_by_shared_words():
    """A dashless subtitle under a title naming no park (打造具有全球影响力的产业创新高地): the
    dateline of a story on 兰州高新区, whose own title names that park, takes up half its words
    (打造, 影响力, 创新: any park's news says as much). That story is the 兰州 title's; sharing
    words with it makes no line of this stack a title of its own, which would stand with no text
    (seed 5104)."""
    drafts = _drafts("\n\n".join([
        "贡献六成以上新兴产业产值开发区成山西转型发展重要平台",
        "打造具有全球影响力的产业创新高地",
        "本报记者 王海滨",
        "近日从山西转型综合示范区晋中开发区传来喜讯，山西中聚晶科半导体有限公司创立的“基于综合示范区‘煤改电’"
        "背景的低温余热高效利用管理”获得第二十四届全国企业管理现代化创新成果一等奖，且是一等奖中唯一一家民营企业。",
        "去年，山西转型综合示范区引进建设了中电科（山西）电子信息科技创新产业园、中国铁建磁浮轨道交通及产业园等62个"
        "新兴产业项目，短短一年时间形成了一批新兴产业集群，而这只是全省开发区建设的一个缩影。",
        "兰州高新区：建西北地区重要科创中心",
        "本报讯（记者 韩洋 通讯员 周杰）党的十八大以来，兰州高新区以高质量发展为引领，深入实施创新驱动发展战略，"
        "推动兰白国家自创区建设取得突破性进展，综合实力稳步提升，综合排名连年进位，成为西北地区具有重要影响力的"
        "科技创新中心和经济增长极。",
    ]))
    assert len(drafts) == 2 and all(d.paragraphs for d in drafts), [(d.title, len(d.paragraphs)) for d in drafts]
    assert drafts[0].body.startswith("近日从山西转型综合示范区") and drafts[1].title == "兰州高新区：建西北地区重要科创中心"


def test_a_few_words_under_a_pictures_credit_head_a_photo_item_though_read_under_a_title():
    """A copy reads a photo item's title (园区春意浓) right under its picture's credit and right
    after another module's title, with no line of text between (seed 2112). A credit ends its
    picture and a head holds no picture: the stack parts at the credit, and the few words under
    it head the photo item whose caption follows, as they do when nothing stands above them."""
    drafts = _drafts("\n\n".join([
        "一季度主要经济指标保持稳定增长",
        "吉安高新区：“两化融合”构筑绿色产业集聚高地",
        "（受访企业供图）",
        "园区春意浓",
        "7月27日，深圳高新区一批重点产业项目集中开工，总投资超过80亿元。",
        "本报讯（记者吴隽逸）吉安高新区，地处著名的将军县，2015年9月升级为国家高新区。",
        "近年来，吉安高新区大力发展绿色低碳产业，形成了电子信息、绿色食品两大主导产业。",
    ]))
    titles = [d.title for d in drafts]
    assert "园区春意浓" in titles and "吉安高新区：“两化融合”构筑绿色产业集聚高地" in titles, titles


def test_a_story_headed_by_another_park_under_a_package_on_one_park_is_an_article_of_its_own():
    # A head on one park (济宁高新区…) with a story stack under it (kicker, title, byline) makes a
    # package; a stack whose kicker names another park is no story of it, though its text names
    # neither park (the kicker is another title's, read into the stack).
    lines = ["打造四大产业集聚区 建设一流生态科技新城", "济宁高新区精描细绘2020年发展蓝图",
             "济宁高新区自1992年创建，2010年晋升为国家高新区，至今已走过了28年的发展历程。",
             "青岛高新区加快培育新质生产力——", "科技部火炬中心召开巡视整改专题民主生活会", "■ 本报记者 苏伟 实习生 苏娜",
             "按照科技部党组统一部署和部巡视办具体安排，科技部火炬中心领导班子近日召开巡视整改专题民主生活会。"]
    titles = _titles_of(lines)
    assert titles == ["济宁高新区精描细绘2020年发展蓝图", "科技部火炬中心召开巡视整改专题民主生活会"]


_CONTEST = ["2022年全国颠覆性技术创新大赛工作启动会在京召开", "本报记者 郑霞",
            "7月20日，科技部火炬中心以视频会议形式召开2022年全国颠覆性技术创新大赛工作启动会，部署今年大赛各项工作。",
            "贾敬敦表示，党中央高度重视颠覆性技术创新工作。举办全国颠覆性技术创新大赛，是落实国家战略的重要举措。"]
_DONGHU = ["武汉东湖高新区：新兴产业重要策源地", "本报记者 刘莉",
           "“十三五”期间，武汉东湖高新区经济迈上新台阶，主要经济指标位居武汉市前列，光电子信息产业规模持续扩大。",
           "近年来，武汉东湖高新区先后出台“光谷人才11条”，优化人才计划，集聚了一批高端人才。"]


def test_a_story_read_on_under_a_title_naming_no_park_goes_to_the_title_that_names_its_park():
    # A copy reads a piece of 东湖's story (10年来，武汉东湖高新区……, and the paragraph after it
    # that names no park) on under the head of a meeting's news, whose title names no park.
    # Its lead (7月20日，科技部火炬中心……) names none either: the story is about no park, and
    # the piece that names only another title's park is that title's.
    donghu_piece = ["10年来，武汉东湖高新区以先进存储、光通信、5G等领域为重点，从政策、人才、平台等方面持续发力，打造产业创新高地。",
                    "一是着力突破“卡脖子”关键核心技术。中国信科和国家信息光子创新中心研制出我国首款硅光芯片。"]
    drafts = _drafts_by_title([*_CONTEST, *donghu_piece, *_DONGHU])
    contest, donghu = drafts[_CONTEST[0]].body, drafts[_DONGHU[0]].body
    for text in ("10年来，武汉东湖高新区以先进存储", "一是着力突破“卡脖子”"):
        assert text in donghu and text not in contest


def test_a_story_whose_title_names_no_park_is_about_the_park_its_lead_names():
    # A title of a few words (科技成果转化对接会举办) names no park; its lead does (近日，成都高新区
    # 举办……): the story is about 成都高新区, and a later paragraph naming it stays, though
    # another title on the page names 成都高新区.
    chengdu = ["成都高新区：让产业齿轮精准咬合", "本报记者 王飞",
               "“当前，成都高新区正聚焦于推进产业功能区和产业生态圈建设，而业界共治正是其中的重要一环。”",
               "为实现破局，业界共治应运而生。成都高新区以产业链为纽带组建理事会，企业由被服务者变为参与者。"]
    fair = ["科技成果转化对接会举办", "近日，成都高新区举办科技成果转化对接会，200余家企业和高校院所参加，现场签约项目30个。",
            "对接会上，成都高新区科技局负责人介绍了成果转化的扶持政策，企业代表介绍了各自的技术需求。"]
    drafts = _drafts_by_title([*fair, *chengdu])
    assert "成都高新区科技局负责人介绍了" in drafts[fair[0]].body
    assert "成都高新区科技局负责人介绍了" not in drafts[chengdu[0]].body


def test_a_piece_of_another_parks_story_takes_no_lead_with_it():
    # Right under the meeting's head a copy reads a picture's caption from 东湖's story (a
    # sentence naming 东湖高新区, with no 图为): it goes to 东湖's title. The paragraphs after a
    # moved piece that name no park go with it — but not a lead (7月20日，……): a lead opens a
    # story, it goes on in none.
    caption = "武汉东湖高新区生物医药产业园内，研发人员在进行细胞培养实验。"
    drafts = _drafts_by_title([_CONTEST[0], caption, *_CONTEST[2:], *_DONGHU])
    contest = drafts[_CONTEST[0]].body
    assert contest.startswith("7月20日，科技部火炬中心") and "贾敬敦表示" in contest
    assert caption not in contest


def test_a_sentence_left_open_in_one_parks_story_goes_on_in_no_paragraph_about_another_titles_park():
    # A column ends 天津's lead mid-sentence (……核心战略和产业强) and the copy reads a paragraph of
    # 济宁's story next. A story speaks of its park: a sentence naming 天津高新区 does not go on
    # in a paragraph that names 济宁高新区 alone, each the park of another title on the page. The
    # paragraph stays 济宁's, and the sentence stays open.
    jining, tianjin = "济宁高新区精描细绘2020年发展蓝图", "聚力“五大行动”天津高新区按下未来五年发展快进键"
    drafts = _drafts_by_title([
        jining, "济宁高新区自1992年创建，2010年晋升为国家高新区，至今已走过了28年，综合实力稳步提升。",
        tianjin, "本报成都2月8日电（记者吕娜）在日前召开的天津高新区第一次党员代表大会上，天津高新区党委书记表示，"
                 "今后五年，天津高新区将大力实施创新驱动核心战略和产业强",
        "2019年以来，济宁高新区高点定位、谋深谋实，以高质量双招双引为引擎，明确规划了高端装备、医养健康等四大主导产业。"])
    assert "2019年以来，济宁高新区高点定位" in drafts[jining].body
    assert "2019年以来" not in drafts[tianjin].body


def _rural_and_appliance_stories():
    """devset-pdf's rmrb-2025-02-18-10 (a copy of a PDF): the 城乡融合 story (its lead 人勤春来早。)
    and the 家电 story."""
    page = Path(__file__).parent / "devset-pdf" / "pages" / "rmrb-2025-02-18-10.txt"
    (story,) = [article for article in page_articles(page) if "人勤春来早。" in article.body]
    return story, article_titled(page, "家电卖出超万亿元")


def test_articles_are_assigned_again_until_no_block_changes_article():
    """Each round of assignment weighs a free block by the articles' vocabulary as the last round
    left them; the page has settled when a round moves no block. On this copy of a PDF the
    城乡融合 story's section 以人为本… (under a subhead read apart from it) goes back to that story
    only in a fourth round, after three it stood in the 家电 story."""
    story, appliances = _rural_and_appliance_stories()
    assert "夜幕降临，河南省新乡市平原" in story.body
    assert "夜幕降临" not in appliances.body


def test_a_weak_join_from_afar_carries_no_text_into_another_story():
    """A join from afar on weak evidence (……今年1月20日，抖音商城 / 看增收——2024年，全国农村居民…,
    scoring 1.7 where it repaired a loop; three in four far joins under 2.5 are wrong) does not
    take its start, and the blocks joined after it, into the end's story: on this copy of a PDF
    the 城乡融合 story's 看增收 paragraph and the one after it stay in that story, where their
    vocabulary and their neighbours put them, instead of closing the 家电 story."""
    story, appliances = _rural_and_appliance_stories()
    for paragraph in ("看增收——2024年，全国农村居民", "各地纷纷定下居民人均可支配收入增长目标"):
        assert paragraph in story.body
        assert paragraph not in appliances.body


def test_a_title_under_a_pull_quote_under_the_columns_label_opens_the_page():
    # Above a page's first stack may stand a pull quote, a closed sentence or two; the column's
    # label over it (【高新区巡礼】) names the column and holds no text: the title still opens
    # the page's first article.
    lines = ["【高新区巡礼】", "在创新全球化的今天，园区合作的目标不再是简单的技术转移，更是要成为优势互补的“共同体”。",
             "有“点赞之交”还不够 成都高新区玩转“顶级”朋友圈",
             "结交一群优秀的小伙伴，每个人都心向往之。对于一家西部高新区来说，又该如何打造一个“朋友圈”？",
             "达沃斯论坛上，随着成都高新区深化“科技园区命运共同体”倡议的实施，一批国际合作项目落地。"]
    drafts = _drafts_by_title(lines)
    assert list(drafts) == ["有“点赞之交”还不够 成都高新区玩转“顶级”朋友圈"]
    draft = drafts["有“点赞之交”还不够 成都高新区玩转“顶级”朋友圈"]
    assert "达沃斯论坛" in draft.body
    assert (draft.section, draft.kicker) == ("高新区巡礼", lines[1])
    assert "高新区巡礼" not in draft.body and "创新全球化" not in draft.body


def test_a_kickers_own_dash_over_a_title_leaves_the_title_whole():
    # A tool that reads a stack's lines as one block runs a kicker into its title (……代表——
    # 运用法治力量……), and the title is then the stack's last line. A dash inside a line with
    # a title under it is the kicker's own: the series line stays the kicker.
    lines = ["创新速递", "奋进新征程 建功新时代——国家高新区十年成就巡礼", "产业园区合作共建经验分析及启示", "文/吕海燕",
             "产业园区合作共建作为区域经济合作的一种新型模式，是帮助欠发达地区实现快速发展的有效途径。",
             "经过长期的实践探索，各地积累了一批可复制可推广的合作共建经验。"]
    (draft,) = _drafts("\n\n".join(lines))
    assert (draft.kicker, draft.title) == ("奋进新征程 建功新时代——国家高新区十年成就巡礼", "产业园区合作共建经验分析及启示")


def test_a_kicker_and_two_titles_read_as_one_stack_with_two_bylines_are_two_stories():
    # Two bylines sign two stories; of three whole lines over them the first is a kicker, which
    # stands over a title: the two lines under it are the stories' titles. The copy read the
    # 徐州 story's paragraph broken at its park's name (……近日在徐州 / 高新区举行的……): read
    # together, the paragraph names the park of its title, and goes there.
    lines = ["本报记者 张晔", "本报记者 李争粉", "科技成果转化跑出“加速度”",
             "聚力“五大行动”天津高新区按下未来五年发展快进键", "来徐州高新区 感受有技术含量的“安全感”",
             "能在胡同自如穿行的智能移动消防车、专门应对高层建筑火灾的消防无人机……近日在徐州",
             "高新区举行的第八届安全产业协同创新推进会上，一批消防“新战士”的演示让人大开眼界。",
             "在日前召开的天津高新区第一次党员代表大会上，天津高新区提出聚力开展“五大行动”，今后五年全力打造创新示范。",
             "天津高新区将以新担当铭刻初心，区域综合发展环境持续优化，形成在全国具有标杆意义的创新示范。"]
    drafts = _drafts_by_title(lines)
    assert set(drafts) == {"聚力“五大行动”天津高新区按下未来五年发展快进键", "来徐州高新区 感受有技术含量的“安全感”"}
    assert "消防" in drafts["来徐州高新区 感受有技术含量的“安全感”"].body
    assert "消防" not in drafts["聚力“五大行动”天津高新区按下未来五年发展快进键"].body


def test_a_whole_title_over_its_byline_stays_a_title_though_a_start_elsewhere_lengthens_its_last_word():
    # ……培训班开班 over its byline: a start elsewhere on the page (式召开……, the rest of
    # ……视频会议形) makes 开班式 of the title's last word, by chance. A column cuts text mostly
    # inside a word; a whole title ending with a whole word over a byline heads the story under it.
    lines = ["■创新前沿", "2022年全国颠覆性技术创新大赛工作启动会在京召开", "本报记者 高晔 通讯员 陈振宇",
             "7月20日，科技部火炬中心以视频会议形", "式召开2022年全国颠覆性技术创新大赛工作启动会。",
             "（供稿：科技部火炬中心）",
             "2022年国家高新区科技创新与经济形势分析能力提升培训班开班", "□ 本报记者 何思远",
             "7月22日，在科技部战略规划司的指导和支持下，科技部火炬中心举办的培训班正式开班，全国173家国家高新区300多名学员参加。"]
    drafts = _drafts_by_title(lines)
    assert list(drafts) == ["2022年全国颠覆性技术创新大赛工作启动会在京召开",
                            "2022年国家高新区科技创新与经济形势分析能力提升培训班开班"]
    assert "173家" in drafts["2022年国家高新区科技创新与经济形势分析能力提升培训班开班"].body


def test_a_column_cut_inside_a_word_over_another_storys_byline_is_text():
    # The piece of a paragraph a column cut inside a word (……超大型制造企 / 业……) is text even
    # when the copy reads another story's byline right under it.
    lines = ["这家出产国之重器的园区有颗绿“芯”", "本报记者 张景阳",
             "近日，杉杉科技10万吨锂离子电池生产项目已经在包头装备制造产业园开工建设。",
             "包头市青山区拥有一机集团、北重集团等超大型制造企", "吕大勇 本报记者 李隽逸",
             "业，装备制造产业基础雄厚，园区的绿色制造评价指标达到了评价标准引领值。"]
    (draft,) = _drafts("\n\n".join(lines))
    assert "超大型制造企业，装备制造产业基础雄厚" in draft.body


def test_a_line_over_text_that_closes_a_mark_it_does_not_open_is_no_start_of_that_text():
    # Text that cannot open a sentence (……若干意见》精神) begins where its closing mark was
    # opened (……贯彻落实《国务院关于, another story's dateline paragraph), not in the short line
    # the copy read right above it (一周要闻, a column's name): that line is no cut-off text.
    lines = ["2022年国家高新区科技创新与经济形势分析能力提升培训班开班",
             "7月22日，在科技部战略规划司的指导和支持下，科技部火炬中心举办的2022年国家高新区科技创新与经济形势分析能力提升培训班正式开班。",
             "一周要闻",
             "促进国家高新技术产业开发区高质量发展的若干意见》精神，秉承精明增长、精心服务、精益管理的理念，"
             "大力促进产业链、创新链、金融链“三链融合”，全力推进高质量发展。",
             "武进高新区：“三生和谐”“三链融合”推进高质量发展",
             "本报乌鲁木齐1月13日电（记者何霞、朱朝军）近年来，武进高新区以“发展高科技，实现产业化”为己任，贯彻落实《国务院关于"]
    drafts = _drafts_by_title(lines)
    assert "贯彻落实《国务院关于促进国家高新技术产业开发区高质量发展的若干意见》精神" in \
        drafts["武进高新区：“三生和谐”“三链融合”推进高质量发展"].body
    assert not any("一周要闻促进" in draft.body for draft in drafts.values())


def test_a_columns_name_left_without_text_labels_the_next_title_past_the_text_between():
    # A column's name (创新速递) a copy read over another story's text, the title it labels
    # further down, is that title's section: no article of its own, no line of the text above.
    lines = ["“科技创业带动高质量就业行动”科研助理岗位大学生专场招聘活动举办",
             "7月19日，由科技部火炬中心指导，枣庄高新区、枣庄市科技局承办的“科技创业带动高质量就业行动”"
             "科研助理岗位大学生专场招聘活动在枣庄高新区举办。",
             "（记者过国志 通讯员陈丽霞 许娟）",
             "创新速递",
             "新技术产业开发区高质量发展的若干意见》精神，秉承精明增长、精心服务、精益管理的理念，"
             "大力促进产业链、创新链、金融链“三链融合”，全力推进高质量发展。",
             "武进高新区：“三生和谐”“三链融合”推进高质量发展",
             "本报昆明8月3日电（记者于强、许海燕）近年来，武进高新区以“发展高科技，实现产业化”为己任，"
             "贯彻落实《国务院关于促进国家高"]
    drafts = _drafts_by_title(lines)
    title = "武进高新区：“三生和谐”“三链融合”推进高质量发展"
    assert list(drafts) == ["“科技创业带动高质量就业行动”科研助理岗位大学生专场招聘活动举办", title]
    assert drafts[title].section == "创新速递"
    assert not any("创新速递" in draft.body for draft in drafts.values())
    # A photo item's title (创客比拼) is no column's name: it keeps its head.
    item = [line.replace("创新速递", "创客比拼") for line in lines]
    assert "创客比拼" in _drafts_by_title(item)


def test_a_columns_name_read_inside_a_storys_text_labels_the_next_title_below():
    # A copy read a column's name (一周要闻) between the last paragraph of one story and
    # another story's text over its title: no subhead of the first story, but the section of
    # the title it stands over.
    lines = ["2022年国家高新区科技创新与经济形势分析能力提升培训班开班",
             "7月22日，在科技部战略规划司的指导和支持下，科技部火炬中心举办的2022年国家高新区科技创新"
             "与经济形势分析能力提升培训班正式开班。",
             "培训班围绕国家高新区科技创新与经济运行监测、评估与增量调整空间等内容展开，百余名学员参加培训。",
             "一周要闻",
             "促进国家高新技术产业开发区高质量发展的若干意见》精神，秉承精明增长、精心服务、精益管理的理念，"
             "大力促进产业链、创新链、金融链“三链融合”，全力推进高质量发展。",
             "武进高新区：“三生和谐”“三链融合”推进高质量发展",
             "本报乌鲁木齐1月13日电（记者何霞、朱朝军）近年来，武进高新区以“发展高科技，实现产业化”为己任，"
             "贯彻落实《国务院关于"]
    drafts = _drafts_by_title(lines)
    first, title = "2022年国家高新区科技创新与经济形势分析能力提升培训班开班", "武进高新区：“三生和谐”“三链融合”推进高质量发展"
    assert list(drafts) == [first, title]
    assert drafts[title].section == "一周要闻"
    assert "一周要闻" not in drafts[first].body
    # A title that has a column's name of its own keeps it; the other stays where it was read.
    labelled = lines[:5] + ["■园区快讯"] + lines[5:]
    drafts = _drafts_by_title(labelled)
    assert drafts[title].section == "园区快讯"


def test_a_subtitle_and_byline_read_apart_from_their_title_head_the_text_under_them():
    # A copy read the stack's subtitle and byline (让更多科技成果从“书架”走向“货架” / 本报记者 叶伟)
    # apart from the title, over the lead; a paragraph of the same story stands earlier in the
    # file. The signed part of the stack reads right under the title, and the lead with it.
    lines = ["来徐州高新区 感受有技术含量的“安全感”", "经济观察", "武进高新区：“三生和谐”推进高质量发展", "“三链融合”",
             "本报记者 张晔",
             "能在胡同自如穿行的智能移动消防车（站）……近日在徐州高新区举行的第八届安全产业协同创新推进会上，"
             "一批全副武装的消防“新战士”的演示让人大开眼界。",
             "徐州曾有“百里煤海”之称，随着煤炭资源枯竭，徐州肩负着资源型城市转型和老工业城市振兴的双重任务。",
             "让更多科技成果从“书架”走向“货架”", "本报记者 叶伟",
             "近年来，武进高新区以“发展高科技，实现产业化”为己任，大力促进产业链、创新链、金融链“三链融合”，全力推进高质量发展。",
             "产业基石坚实稳固，集聚效应日益彰显。高端装备、电子信息、节能环保、新型交通四大主导产业齐头并进。",
             "速汇聚。武进高新区紧紧围绕创新驱动高质量发展要求，出台了涵盖企业创新、人才引进、知识产权等奖励政策。",
             "城市品质提档升级，营商环境不断优化。生态治理、公共绿化、城市管理等领域攻坚工程扎实推进。",
             "创新活力澎湃激荡，发展动能加"]
    draft = _drafts_by_title(lines)["武进高新区：“三生和谐”推进高质量发展"]
    assert "让更多科技成果从“书架”走向“货架”" in draft.deck
    assert draft.paragraphs[0].text.startswith("近年来，武进高新区以“发展高科技")


def test_a_title_over_a_caption_over_a_dateline_opens_its_story():
    # A copy may read a picture's caption (a closed sentence) between a title and its text; the
    # dateline under the caption (本报石家庄3月8日电……) opens a story as surely as one right under
    # the title, so the title heads that story, not a subhead of the story above it.
    lines = ["成都高新区：让产业齿轮精准咬合",
             "本报乌鲁木齐3月8日电（记者梁梓萱）自我介绍改成了“介绍邻座”，企业的问题由所有参会企业一起想办法。"
             "在成都高新区，这样的产业链对接会已经开了二十多场。",
             "有“点赞之交”还不够成都高新区玩转“顶级”朋友圈",
             "长春高新区生物医药产业园内，研发人员在进行细胞培养实验。",
             "本报石家庄3月8日电（记者曹军）结交一群优秀的小伙伴，每个人都心向往之。对于一家西部高新区来说，"
             "又该如何打造一个“朋友圈”？成都高新区的科技园区合伙人计划受到广泛关注。"]
    drafts = _drafts_by_title(lines)
    assert set(drafts) == {"成都高新区：让产业齿轮精准咬合", "有“点赞之交”还不够成都高新区玩转“顶级”朋友圈"}
    assert "结交一群优秀的小伙伴" in drafts["有“点赞之交”还不够成都高新区玩转“顶级”朋友圈"].body


def test_a_marked_columns_name_over_a_title_opens_an_article():
    # A marked line inside an article heads a box (■相关链接) or a section of its text, never a
    # title: a marked column's name (■基层探访) right over a line longer than a label is the
    # column's heading over the next article's title, whatever the text under it opens with.
    lines = ["芜湖高新区：“四送一服”创优“四最”营商环境",
             "本报讯（记者 王朝军）近年来，芜湖高新区深入推进“双招双引”工作，做实做强做优产业经济。",
             "■基层探访", "贡献六成以上新兴产业产值开发区成山西转型发展重要平台",
             "近日从山西转型综合示范区晋中开发区传来喜讯，山西中聚晶科半导体有限公司创立的低温余热高效利用管理获得一等奖。",
             "2017年以来，全省开发区积极抓规划、抓改革、抓项目，改革创新取得突破。"]
    drafts = _drafts_by_title(lines)
    title = "贡献六成以上新兴产业产值开发区成山西转型发展重要平台"
    assert set(drafts) == {"芜湖高新区：“四送一服”创优“四最”营商环境", title}
    assert drafts[title].section == "基层探访"
    assert "晋中开发区传来喜讯" in drafts[title].body and "全省开发区" in drafts[title].body


def test_a_whole_title_under_its_byline_heads_its_story_not_cut_text():
    # A copy reads a byline printed beside its title above it (□ 本报记者 萧一鸣 / the title): a
    # whole title ending with a whole word right under a byline heads that byline's story; a
    # start elsewhere that makes its last word longer (……促提质增效 / 益同步提升……) does so by chance.
    lines = ["数说园区", "□ 本报记者 萧一鸣", "力争3年挺进20强常州高新区招引重大项目促提质增效",
             "在常州国家高新区2月22日召开的全区重大项目动员大会上，党工委书记周斌提出，全区上下要围绕打造高质量发展示范区，力争3年挺进20强。",
             "武汉东湖高新区：新兴产业重要策源地", "本报讯（记者 孙朝军）2012年3月，国务院同意批复《东湖国家自主创新示范区发展规划纲要》。",
             "计划，去年以来，东湖高新区新增企业四万余家。",
             "益同步提升，力争再用3年左右的时间，挺进全国高新区20强。"]
    drafts = _drafts_by_title(lines)
    assert "力争3年挺进20强常州高新区招引重大项目促提质增效" in drafts
    assert "周斌" in drafts["力争3年挺进20强常州高新区招引重大项目促提质增效"].body


def test_a_line_opening_with_a_park_under_a_byline_is_a_title_not_a_first_line():
    # A copy reads a row's bylines and titles before their texts (吉安高新区：… / 一周要闻 / 记者
    # 杨建华 / 济宁高新区精描细绘2020年发展蓝图 / 吉安高新区，地处……): a line under a byline that
    # opens with a park's name and holds no comma is that byline's title, not the first line of
    # a paragraph cut short by a column, though the text under it is another story's.
    lines = ["吉安高新区：“两化融合”构筑绿色产业集聚高地", "一周要闻", "记者 杨建华", "济宁高新区精描细绘2020年发展蓝图",
             "吉安高新区，地处著名的将军县——江西省吉安市吉安县，位于吉泰走廊核心区域，2015年9月升级为国家高新区。",
             "近年来，吉安高新区坚持绿色发展，电子信息产业集群不断壮大。"]
    drafts = _drafts_by_title(lines)
    assert "济宁高新区精描细绘2020年发展蓝图" in drafts
    assert "济宁高新区精描细绘" not in drafts["吉安高新区：“两化融合”构筑绿色产业集聚高地"].body


def test_a_title_read_into_a_stack_is_told_elsewhere_by_a_news_lead_in_another_storys_text():
    # A news lead (近日，…… 7月19日，……) opens a news story wherever a copy reads it: here after
    # another story's closed paragraph, far from the stack that took its title in. It restates
    # that title: the title is taken out of the stack, and the kicker stays over the title under it.
    lines = ["深化改革 激发市场主体活力", "温州“大健康产业航母”启航", "芜湖高新区：“四送一服”创优营商环境", "本报记者 黄景阳",
             "今年以来，芜湖高新区深入推进“双招双引”工作，全面优化营商环境，园区企业办事效率明显提高。",
             "强化创新发展动能。芜湖高新区深入推进双创工作，编制双创示范基地建设方案，孵化器数量稳步增长。",
             "宁波高新区：新兴产业重要策源地", "本报记者 林晔",
             "十年来，宁波高新区以新材料、智能制造等领域为重点，打造了一批具有全球影响力的产业集群。",
             _HEALTH_LEAD,
             "一是着力突破关键核心技术。宁波高新区组织企业开展联合攻关，一批成果实现产业化。"]
    drafts = _drafts_by_title(lines)
    wuhu, health = drafts["芜湖高新区：“四送一服”创优营商环境"], drafts["温州“大健康产业航母”启航"]
    assert (wuhu.kicker, health.kicker) == ("深化改革 激发市场主体活力", "")
    assert health.body.startswith("近日，温州国际医药健康产业园") and "芜湖" not in health.body
    assert "温州" not in drafts["宁波高新区：新兴产业重要策源地"].body


def test_a_line_naming_a_park_its_story_never_names_is_the_title_of_a_story_told_elsewhere():
    # A kicker speaks of its story. A line read over a title, naming a park the story under the
    # stack never names while paragraphs elsewhere on the page do, is no kicker of that title:
    # it is the title of their story, and the title under it keeps its head alone.
    lines = ["宁波高新区新材料产业集群规模突破千亿元", "营商环境持续优化让企业办事更加便捷高效", "本报记者 黄景阳",
             "今年以来，芜湖市深入推进“放管服”改革，全面优化营商环境，企业办事效率明显提高。",
             "强化服务保障。芜湖市推行“一网通办”，企业开办时间压缩至一个工作日以内。",
             "温州高新区：新兴产业重要策源地", "本报记者 林晔",
             "十年来，温州高新区以智能制造、生命健康等领域为重点，打造了一批具有影响力的产业集群。",
             "一批龙头企业在宁波高新区加快布局新材料项目，新材料产业集群规模今年突破千亿元。",
             "一是着力突破关键核心技术。温州高新区组织企业开展联合攻关，一批成果实现产业化。"]
    drafts = _drafts_by_title(lines)
    assert "宁波高新区新材料产业集群规模突破千亿元" in drafts
    service = drafts["营商环境持续优化让企业办事更加便捷高效"]
    assert service.kicker == "" and service.body.startswith("今年以来，芜湖市")
    assert drafts["宁波高新区新材料产业集群规模突破千亿元"].body.startswith("一批龙头企业在宁波高新区")
    assert "宁波" not in drafts["温州高新区：新兴产业重要策源地"].body




def test_subheads_naming_parks_their_article_never_named_are_other_stories_titles():
    # A subhead speaks of its article's subject. Two titles printed side by side and read after
    # a column label, a byline and a kicker read as text (typeset seed 4218 as a copy reads it)
    # stand as subheads in the article below them; each names a park that article's title does
    # not and its text above them never named: each is the title of a story read there.
    lines = ["创业孵化", "本报记者 盛利",
             "在创新全球化的今天，园区合作的目标不再是简单的技术转移、交流、共享或市场开放，更是要成为优势互补的“共同体”。",
             "唐山高新区聚力培育双创载体",
             "有“点赞之交”还不够 成都高新区玩转“顶级”朋友圈",
             "今年以来，唐山高新区着力实施科技企业孵化器和众创空间培育提升计划，加快创新创业孵化平台建设。",
             "强化创业辅导服务。唐山高新区支持各类孵化器成立由成功创业者、天使投资人组成的创业导师团队。",
             "结交一群优秀的小伙伴，每个人都心向往之。对于一家西部高新区来说，又该如何打造一个不仅有“点赞之交”的朋友圈？",
             "自去年5月启动该计划以来，这个链接全球顶级科技园区的国际化网络平台，使成都高新区的“朋友圈”越来越广。",
             "本报记者 于大勇", "吉安高新区：“两化融合”构筑绿色产业集聚高地",
             "吉安高新区，地处著名的将军县——江西省吉安市吉安县，位于吉泰走廊核心区域，2015年9月升级为国家高新区。"]
    drafts = _drafts_by_title(lines)
    tangshan, chengdu = "唐山高新区聚力培育双创载体", "有“点赞之交”还不够 成都高新区玩转“顶级”朋友圈"
    assert set(drafts) == {tangshan, chengdu, "吉安高新区：“两化融合”构筑绿色产业集聚高地"}
    assert drafts[tangshan].body.startswith("今年以来，唐山高新区") and drafts[chengdu].body.startswith("结交一群优秀的小伙伴")
    assert "唐山" not in drafts["吉安高新区：“两化融合”构筑绿色产业集聚高地"].body


_CHANGZHOU = "力争3年挺进20强 常州高新区招引重大项目促提质增效"
_CHANGZHOU_LEAD = "在常州国家高新区2月22日召开的全区“重大项目增效年”动员大会上，党工委书记周斌提出，力争再用3年左右的时间，挺进全国高新区20强。"
_TRAINING = "2022年国家高新区科技创新与经济形势分析能力提升培训班开班"
_TRAINING_LEAD = "7月22日，在科技部战略规划司的指导和支持下，科技部火炬中心举办的2022年国家高新区科技创新与经济形势分析能力提升培训班正式开班。"
# A row read left to right: a title over its story's lead, the next module's title, then the
# first story's paragraph in the next column.
_ROW_READ_ACROSS = [_CHANGZHOU, "◎本报记者沈 艳", _CHANGZHOU_LEAD, _TRAINING,
                    "记者了解到，近年来，常州高新区突出问题导向，有针对性地来对标找差、拾遗补缺，全力做好“高”和“新”两篇文章。"]


def test_a_signed_head_over_another_heads_lead_is_its_subtitle_and_byline():
    # A copy reads a row left to right (typeset seed 2719): a title, a paragraph of the story in
    # the next column, then the title's subtitle and byline, then its lead. The lead restates the
    # title above, not the subtitle's words: the subtitle and byline are that title's, read apart
    # from it, not a story of their own with no text.
    lines = ["走进国家高新区", *_ROW_READ_ACROSS, "让更多科技成果从“书架”走向“货架”", "文/袁嘉欣", _TRAINING_LEAD]
    drafts = _drafts_by_title(lines)
    assert set(drafts) == {_CHANGZHOU, _TRAINING}
    assert (drafts[_TRAINING].deck, drafts[_TRAINING].byline) == ("让更多科技成果从“书架”走向“货架”", "文/袁嘉欣")
    assert drafts[_TRAINING].body.startswith("7月22日")


def test_an_unsigned_head_over_another_heads_lead_is_its_subtitle_when_no_other_text_tells_of_it():
    # The same with no byline (typeset seed 2423): a line read after another story's credit, over
    # the lead of the title above, is that title's subtitle when no text on the page outside that
    # story takes up its words. A title whose story the copy read elsewhere keeps its head: its
    # story speaks of it.
    subtitle = "打造具有全球影响力的产业创新高地"
    lines = [*_ROW_READ_ACROSS, "（记者过国志 通讯员陈丽霞 许娟）", subtitle, _TRAINING_LEAD]
    drafts = _drafts_by_title(lines)
    assert set(drafts) == {_CHANGZHOU, _TRAINING}
    assert drafts[_TRAINING].deck == subtitle and drafts[_TRAINING].body.startswith("7月22日")
    # Another story on the page takes up the line's words: it may be the title of a story told there.
    quanzhou = ["泉州高新区：向新实体经济转型", "本报记者 邓淑华",
                "近年来，泉州高新区坚持以建设国家自主创新示范区为引领，加快打造具有全球影响力的产业创新高地。",
                "目前，泉州高新区包括主园区、鲤城园、石狮园等“一区十园”，创新资源加快集聚。"]
    drafts = _drafts_by_title(quanzhou + lines)
    assert subtitle in drafts and drafts[_TRAINING].deck == ""


def test_a_photo_items_caption_read_in_two_pieces_is_one_caption_of_its_own_item():
    # A photo item's title read as a subhead in another story's text (typeset seed 6121 as a copy
    # reads it); its caption cut where the picture's column ends (……今年以来，武 / 汉东湖……), the
    # rest read beside the picture's credit as a caption. The title and the whole caption are an
    # item of their own; the story keeps its text.
    lines = ["有“点赞之交”还不够 成都高新区玩转“顶级”朋友圈", "本报记者 卢 维",
             "为实现破局，业界共治应运而生。“‘业界’意味着打破传统以政府为主导的产业发展模式，由企业唱主角。”",
             "目前大数据和网络安全业界共治理事会运行良好，在新政的推动下，这一模式正在更多产业推开。",
             "新城展新颜",
             "自我介绍改成了“介绍邻座”，企业的问题由所有参会者“问诊把脉开药方”……最近，成都高新区的首个业界共治组织亮相。",
             "不久前，成都高新区发布《关于深化产业培育实现高质量发展若干政策意见》，提出每年设立5000万元资金。",
             "春耕时节，贵阳的农业科技园区里，技术人员操控植保无人机进行作业。今年以来，武",
             "汉东湖高新区推广智慧农业装备120余台（套）。新华社记者 何振宇 摄", _CHANGZHOU, _CHANGZHOU_LEAD]
    drafts = _drafts_by_title(lines)
    item = drafts["新城展新颜"]
    assert [p.text for p in item.paragraphs] == [
        "春耕时节，贵阳的农业科技园区里，技术人员操控植保无人机进行作业。今年以来，武汉东湖高新区推广智慧农业装备120余台（套）。"]
    assert "新城展新颜" not in drafts["有“点赞之交”还不够 成都高新区玩转“顶级”朋友圈"].body
