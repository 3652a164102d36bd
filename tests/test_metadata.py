"""Front-matter editors and readers can trust: zone, date, topics, byline.

The table below comes from reading the five seed pages: which park each article is about
(`zone`, the main one, and `zones`) and when the page appeared (`date`, `date_precision`:
`day` only when the page prints it); tests/expected/seed-meta.json has a reader's parks,
topics and park news for each, scored with the quality gate's scorer. The code gets there
by general rules (where and how a park is named, dated events, TF-IDF keyword shares of the
taxonomy's topics); nothing in it names a seed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from parkdigest.articles.schema import FrontMatter
from parkdigest.convert.about import describe_parks
from parkdigest.convert.dates import infer_date, parse_printed_date
from parkdigest.convert.metadata import describe_articles
from parkdigest.convert.model import Article, Draft, Layout, Page, Paragraph
from parkdigest.convert.parks import find_unlisted_parks
from parkdigest.convert.slugs import SlugAssigner, make_slug
from parkdigest.convert.topics import choose_topics, topic_evidence, topic_terms
from parkdigest.quality.score import score_metadata
from parkdigest.reference.gazetteer import find_zones, surface_forms, with_members, zones
from parkdigest.reference.topics import taxonomy
from parkdigest.resources import load_yaml

from conftest import SEED_FILES

# title: (zone, zones); None: the article is about no park (a national meeting of the Torch
# Centre) and gets no zone rather than a wrong one. The topics a reader gives each article are
# in tests/expected/seed-meta.json (scored below, as the dev pages are in test_quality.py).
EXPECTED = {
    "000_beff7d82536003b2.txt": ("2018-12-01", "month", {  # no date printed; latest event 2018年底
        "成都高新区：让产业齿轮精准咬合": ("成都高新区", ["成都高新区"]),
        "来徐州高新区 感受有技术含量的“安全感”": ("徐州高新区", ["徐州高新区"]),
        # the new health park (lead, and again below) sits in 长春新区's 北湖科技开发区 ("长春新区"
        # only locates it): the gazetteer's park first, then the one it lacks
        "吉林“大健康产业航母”启航": ("北湖科技开发区", ["北湖科技开发区", "亚泰国际医药健康产业园"]),
        "这家出产国之重器的园区有颗绿“芯”": ("包头装备制造产业园区", ["包头装备制造产业园区"]),
    }),
    "001_99798097c81ef4c7.txt": ("2018-02-25", "inferred", {  # "2月25日下午" in a page of 2018
        "有“点赞之交”还不够 成都高新区玩转“顶级”朋友圈": ("成都高新区", ["成都高新区"]),
        "兰白国家自主创新示范区：欠发达地区改革创新样本“复盘”":
            ("兰白国家自主创新示范区", ["兰白国家自主创新示范区", "兰州高新区", "白银高新区"]),
        # the lead's news is from 晋中开发区 of the 山西转型综合示范区; the rest is province-wide
        "贡献六成以上新兴产业产值 开发区成山西转型发展重要平台": ("晋中开发区", ["晋中开发区", "山西综改示范区"]),
        "力争3年挺进20强 常州高新区招引重大项目促提质增效": ("常州高新区", ["常州高新区"]),
    }),
    "002_92430654b3ed553e.txt": ("2022-07-31", "day", {  # printed: 2022年7月31日
        "科技部火炬中心召开巡视整改专题民主生活会": (None, []),
        "2022年国家高新区科技创新与经济形势分析能力提升培训班开班": (None, []),
        "2022年全国颠覆性技术创新大赛工作启动会在京召开": (None, []),
        "“不负韶华 国聘行动”火炬专场网络招聘会走进武汉东湖和广州高新区": ("武汉东湖高新区", ["武汉东湖高新区", "广州高新区"]),
        "“科技创业带动高质量就业行动”科研助理岗位大学生专场招聘活动举办": ("枣庄高新区", ["枣庄高新区"]),
        "武汉东湖高新区：新兴产业重要策源地": ("武汉东湖高新区", ["武汉东湖高新区", "武汉东湖国家自主创新示范区"]),
        "兰州高新区：建西北地区重要科创中心": ("兰州高新区", ["兰州高新区", "兰白国家自主创新示范区"]),
        "齐齐哈尔高新区：高标准建设产业高地": ("齐齐哈尔高新区", ["齐齐哈尔高新区", "哈大齐国家自主创新示范区"]),
        "广州高新区再添省级小微双创基地": ("广州高新区", ["广州高新区"]),
        "唐山高新区聚力培育双创载体": ("唐山高新区", ["唐山高新区"]),
        # a research report with a section on each of three parks, the first and longest on 苏州工业园
        "产业园区合作共建经验分析及启示": ("苏州工业园区", ["苏州工业园区", "深汕特别合作区", "苏州宿迁工业园"]),
    }),
    "003_a6838521c3fbe44f.txt": ("2020-01-13", "day", {  # printed: 2020.1.13
        "济宁高新区精描细绘2020年发展蓝图": ("济宁高新区", ["济宁高新区"]),
        "聚力“五大行动” 天津高新区按下未来五年发展快进键": ("天津滨海高新区", ["天津滨海高新区"]),
    }),
    "004_99fbd698b884f173.txt": ("2021-11-01", "month", {  # no date printed; latest event 截至2021年11月
        "武进高新区：“三生和谐” “三链融合”推进高质量发展": ("武进高新区", ["武进高新区"]),
        "吉安高新区：“两化融合” 构筑绿色产业集聚高地": ("吉安高新区", ["吉安高新区"]),
        "芜湖高新区：“四送一服” 创优“四最”营商环境": ("芜湖高新区", ["芜湖高新区"]),
        "泉州高新区：向新实体经济转型 建“一区十园”创新高地": ("泉州高新区", ["泉州高新区"]),
    }),
}
ROWS = [(seed, title, *want) for seed, (_, _, articles) in EXPECTED.items() for title, want in articles.items()]


def _metas(pages) -> dict[str, dict]:
    return {a.meta["title"]: a.meta for page in pages.values() for a in page.articles}


# --- the pinned table ----------------------------------------------------------------------

def test_the_table_covers_every_article(pages):
    for seed, (_, _, articles) in EXPECTED.items():
        assert [a.meta["title"] for a in pages[seed].articles] == list(articles), seed


@pytest.mark.parametrize("seed, title, zone, zone_list", ROWS, ids=[r[1][:16] for r in ROWS])
def test_zone_and_zones(pages, seed, title, zone, zone_list):
    meta = _metas(pages)[title]
    assert (meta.get("zone"), meta["zones"]) == (zone, zone_list)
    assert meta.get("province") == (zones()[zone].province if zone else None)


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_page_date_and_precision(pages, seed):
    date, precision, _ = EXPECTED[seed]
    for article in pages[seed].articles:
        assert (str(article.meta["date"]), article.meta["date_precision"]) == (date, precision)
    inferred = [p for p in pages[seed].problems if "no date printed" in p.message]
    assert bool(inferred) == (precision != "day")  # an estimate is always reported


def test_parks_missing_from_the_gazetteer_are_recorded(pages):
    metas = _metas(pages)
    assert metas["吉林“大健康产业航母”启航"]["zones_unlisted"] == ["亚泰国际医药健康产业园"]
    assert metas["贡献六成以上新兴产业产值 开发区成山西转型发展重要平台"]["zones_unlisted"] == ["临汾经济开发区", "运城经济技术开发区"]
    assert metas["产业园区合作共建经验分析及启示"]["zones_unlisted"] == ["苏州宿迁工业园"]
    assert "zones_unlisted" not in metas["吉安高新区：“两化融合” 构筑绿色产业集聚高地"]  # no "荣获省市先进工业园区"
    assert "zones_unlisted" not in metas["武进高新区：“三生和谐” “三链融合”推进高质量发展"]  # no "江苏省开发区"
    reported = [p.message for p in pages["000_beff7d82536003b2.txt"].problems if "not in the gazetteer" in p.message]
    assert reported == ["park(s) not in the gazetteer: 亚泰国际医药健康产业园"]


def test_party_and_employment_topics_land_only_where_they_belong(pages):
    metas = _metas(pages)
    party = [t for t, m in metas.items() if "党建" in m["topics"]]
    assert party == ["科技部火炬中心召开巡视整改专题民主生活会"]
    jobs = sorted(t for t, m in metas.items() if "就业" in m["topics"])
    assert jobs == sorted(["“不负韶华 国聘行动”火炬专场网络招聘会走进武汉东湖和广州高新区",
                           "“科技创业带动高质量就业行动”科研助理岗位大学生专场招聘活动举办"])


def test_every_article_has_at_most_three_known_topics_and_tags_repeat_them(pages):
    labels = set(taxonomy().labels())
    for meta in _metas(pages).values():
        assert len(meta["topics"]) <= taxonomy().max_topics and set(meta["topics"]) <= labels, meta["title"]
        assert meta["tags"] == meta["topics"]


SEED_META = json.loads((Path(__file__).parent / "expected" / "seed-meta.json").read_text(encoding="utf-8"))
SEED_FLOORS = yaml.safe_load((Path(__file__).parent / "expected" / "quality.yaml").read_text(encoding="utf-8"))["seeds_metadata"]


@pytest.mark.parametrize("figure", sorted(SEED_FLOORS))
def test_seed_metadata_against_a_readers_does_not_fall_below_its_floor(converted, figure):
    docs, _ = converted
    counts = score_metadata(SEED_META, docs / "articles")
    got = counts.figures()[figure]
    print(f"{figure}: {got:.3f} (floor {SEED_FLOORS[figure]})", *counts.wrong, sep="\n")
    assert got >= SEED_FLOORS[figure], f"{figure} fell to {got:.3f} (floor {SEED_FLOORS[figure]})"


def test_park_news_of_the_seeds(pages):
    metas = _metas(pages)
    others = {"科技部火炬中心召开巡视整改专题民主生活会", "2022年全国颠覆性技术创新大赛工作启动会在京召开"}
    assert {t for t, m in metas.items() if not m["park_news"]} == others


def test_authors_from_bylines_and_credits(pages):
    metas = _metas(pages)
    assert metas["这家出产国之重器的园区有颗绿“芯”"]["authors"] == ["王泽", "黄瑞", "张景阳"]
    assert metas["聚力“五大行动” 天津高新区按下未来五年发展快进键"]["authors"] == ["李争粉"]
    assert metas["力争3年挺进20强 常州高新区招引重大项目促提质增效"]["authors"] == ["过国志", "陈丽霞", "许娟"]
    assert metas["产业园区合作共建经验分析及启示"]["authors"] == ["谢锦锋", "王茜", "徐珂欣", "谭玉林"]
    assert "authors" not in metas["兰州高新区：建西北地区重要科创中心"]  # 供稿：兰州高新区 is no person


def test_summary_readtime_and_slug_of_every_article(pages):
    slugs = []
    for page in pages.values():
        for article, draft in zip(page.articles, page.layout.drafts):
            meta = article.meta
            FrontMatter.model_validate(meta)
            assert 0 < len(meta["summary"]) <= 120
            chars = len(re.findall(r"[\u4e00-\u9fff]", draft.body))
            assert meta["readtime"] == max(1, -(-chars // 400))
            assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", meta["slug"]) and len(meta["slug"]) <= 60
            slugs.append(meta["slug"])
    assert len(slugs) == len(set(slugs))
    assert "chengdu-gaoxinqu-rang-chanye-chilun-jingzhun-yaohe" in slugs


# --- dates ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, printed", [
    ("2020.1.13 星期一", "2020-01-13"),
    ("2022年第12期(总第541期) 2022年7月31日", "2022-07-31"),
    ("2024-05-06", "2024-05-06"),
    ("2020.13.45", ""),
    ("第541期", ""),
])
def test_printed_dates(text, printed):
    assert parse_printed_date(text) == printed


@pytest.mark.parametrize("text, date, precision, evidence", [
    # month and day without a year: the latest full year mentioned
    ("2月25日下午，公司董事长边说边演示。“2018年订单已经超过5亿元。”", "2018-02-25", "inferred", "2月25日"),
    ("2018年订单超过5亿元。今年2月1日，国务院正式同意。", "2018-02-01", "inferred", "今年2月1日"),
    ("2018年订单超过5亿元。自去年5月启动该计划以来", "2017-05-01", "month", "去年5月"),
    ("2018年订单超过5亿元。去年12月25日签约", "2017-12-25", "inferred", "去年12月25日"),
    # a full date in the text is an event, not the page's date
    ("2017年8月组建。2018年1月9日落户", "2018-01-09", "inferred", "2018年1月9日"),
    ("截至2021年11月，已实施18个项目。2021年7月印发", "2021-11-01", "month", "2021年11月"),
    ("2018年底，榜单发布。", "2018-12-01", "month", "2018年底"),
    # plan horizons are not events
    ("2019年产值增长。到2025年建成一流园区", "2019-01-01", "inferred", "2019年"),
    ("2020年获批。实施《规划(2021-2030)》", "2020-01-01", "inferred", "2020年"),
    ("2012年3月，国务院批复《规划纲要(2011-2020年)》", "2012-03-01", "month", "2012年3月"),
    ("力争2025年6月建成。2021年，签约项目60个", "2021-01-01", "inferred", "2021年"),
])
def test_dates_inferred_from_events(text, date, precision, evidence):
    guess = infer_date(text)
    assert (guess.date, guess.precision, guess.evidence) == (date, precision, evidence)


def test_no_date_at_all():
    assert infer_date("近日，某园区举行签约仪式。").date == ""


def test_relative_month_day_needs_a_year():
    assert infer_date("2月25日下午，公司董事长边说边演示。").date == ""


def test_sidecar_date_wins_and_is_a_day(tmp_path):
    from parkdigest.articles.files import read_front_matter
    from parkdigest.convert.pipeline import run

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    source = SEED_FILES[0]  # its page prints no date
    (seeds / source.name).write_bytes(source.read_bytes())
    (seeds / source.with_suffix(".yml").name).write_text("date: 2019-01-08\n", encoding="utf-8")
    result = run([seeds], tmp_path / "out", jobs=1)
    metas = [read_front_matter(p.read_text(encoding="utf-8")) for p in (tmp_path / "out").glob("*.md")]
    # front-matter is read with dates kept as text, as written
    assert metas and all((m["date"], m["date_precision"]) == ("2019-01-08", "day") for m in metas)
    assert not [p for page in result.pages for p in page.problems if "no date printed" in p.message]


# --- gazetteer -----------------------------------------------------------------------------

def _zone_names(text: str) -> list[str]:
    return [m.zone.name for m in find_zones(text)]


@pytest.mark.parametrize("text, names", [
    ("光谷", ["武汉东湖高新区"]),
    ("东湖高新区", ["武汉东湖高新区"]),
    ("中国光谷", ["武汉东湖高新区"]),
    ("常州国家高新区", ["常州高新区"]),
    ("常州高新技术产业开发区", ["常州高新区"]),
    ("成都国家级高新区", ["成都高新区"]),
    ("天津高新区", ["天津滨海高新区"]),
    ("兰白国家自创区", ["兰白国家自主创新示范区"]),
    ("兰白自创区", ["兰白国家自主创新示范区"]),
    ("福建泉州国家自主创新示范区", ["福厦泉国家自主创新示范区"]),
    ("成都国家自主创新示范区", ["成都国家自主创新示范区"]),  # a listed name is never taken by a derived one
    ("苏州工业园", ["苏州工业园区"]),
    ("晋中经济开发区", ["晋中开发区"]),
    ("武汉东湖国家自主创新示范区", ["武汉东湖国家自主创新示范区"]),  # longest first
    ("走进武汉东湖和广州高新区", ["武汉东湖高新区", "广州高新区"]),  # a shared suffix
    ("先后走进成都、沈阳、武汉东湖和广州高新区", ["成都高新区", "沈阳高新区", "武汉东湖高新区", "广州高新区"]),
    ("成都和重庆", []),
])
def test_aliases_and_derived_forms(text, names):
    assert _zone_names(text) == names


def test_a_locator_before_a_park_is_a_qualifier():
    mentions = find_zones("签约仪式在长春新区北湖科技开发区创新中心举行")
    assert [(m.zone.name, m.qualifier) for m in mentions] == [("长春新区", True), ("北湖科技开发区", False)]


def test_gazetteer_is_consistent():
    entries = load_yaml("zones.yaml")
    names = [e["name"] for e in entries]
    assert len(names) == len(set(names))
    kinds = [e["kind"] for e in entries]
    assert kinds.count("national-hitech") + names.count("苏州工业园区") == 178
    assert kinds.count("demo-zone") == 23
    listed: dict[str, str] = {}
    for entry in entries:
        assert entry["province"] and entry["city"], entry["name"]
        for member in entry.get("members") or []:
            assert member in names, (entry["name"], member)
        for form in [entry["name"], entry.get("official"), *(entry.get("aliases") or [])]:
            if form:
                assert listed.setdefault(form, entry["name"]) == entry["name"], f"{form} names two zones"
    for ambiguous in ("火炬开发区", "火炬高新区", "示范区高新区"):
        assert ambiguous not in surface_forms()
    # a demonstration zone is made of its members; a park alone is itself
    assert with_members(["兰白国家自主创新示范区"]) == {"兰白国家自主创新示范区", "兰州高新区", "白银高新区"}
    assert with_members(["武进高新区"]) == {"武进高新区"}


@pytest.mark.parametrize("text, found", [
    ("近日，亚泰国际医药健康产业园首批入园企业签约仪式在长春新区北湖科技开发区创新中心举行。", ["亚泰国际医药健康产业园"]),
    ("临汾经济开发区初步发展形成的现代装备制造业产业集群。运城经济技术开发区形成了3大主导产业。",
     ["临汾经济开发区", "运城经济技术开发区"]),
    ("本文选取苏州工业园、苏州宿迁工业园、深汕特别合作区等案例。", ["苏州宿迁工业园"]),
    ("甘肃省科学院高技术产业园、兰州新算力产业园、华为鲲鹏生态创新中心等项目加快推进。",
     ["甘肃省科学院高技术产业园", "兰州新算力产业园"]),
    ("先后荣获国家级绿色园区、江西省十大最具投资价值工业园区等荣誉，并连续多年荣获省市先进工业园区。", []),
    ("国家级制造业单项冠军数量保持在江苏省开发区前列。", []),
    ("山西省开发区建设如火如荼。对照山东省、济宁市开发区改革的要求。", []),
    ("严格按照山东省委开发区改革要求。在天津市五大开发区中率先启动。", []),
    ("2010年晋升为国家高新区。为全国173家国家高新区逐一分设专场。", []),
    ("获批建设国家产城融合示范区以来。打造京津冀协同创新示范区。", []),
    ("我们将筹建以人工智能技术为核心的高科技产业园。", []),
    ("园区党政领导班子先后赴上海漕河泾开发区、上海张江科技产业园等地考察学习。", []),  # parts of known zones
])
def test_unlisted_parks_are_found_precisely(text, found):
    assert find_unlisted_parks(text) == found


# --- the parks an article is about -----------------------------------------------------------

FILLER = "当地持续优化服务，企业发展信心不断增强。"


def _about(title: str, *paragraphs: str):
    """What describe_parks makes of an article: its paragraphs in order, "## …" a subhead."""
    paras = tuple(Paragraph(text.removeprefix("## "), (i + 2,), subhead=text.startswith("## "))
                  for i, text in enumerate(paragraphs))
    return describe_parks(Draft(title, tuple(range(1, len(paragraphs) + 2)), paras))


@pytest.mark.parametrize("title, paragraphs, zones_about", [
    # where it is named: the headline, the lead, a subhead, a paragraph that opens with it, twice anywhere
    ("常州高新区招引重大项目", (FILLER, FILLER), ["常州高新区"]),
    ("新项目开工", ("近日，常州高新区举行重大项目集中开工仪式。", FILLER), ["常州高新区"]),
    ("新项目开工", (FILLER, "## 打造常州高新区新引擎", FILLER), ["常州高新区"]),
    ("新项目开工", (FILLER, FILLER, "常州高新区内，一批新项目正在建设。"), ["常州高新区"]),
    ("新项目开工", (FILLER, "企业落户常州高新区。" + FILLER, "今年常州高新区新签约项目30个。"), ["常州高新区"]),
    # a park the gazetteer lacks is what the article is about the same way, after the gazetteer's
    ("新项目开工", ("甘肃庆阳“东数西算”产业园内，机柜整齐排列。", FILLER), ["甘肃庆阳“东数西算”产业园"]),
    # once in passing, as a scene's place, in a speaker's title, inside another name, in a list
    ("新项目开工", (FILLER, "企业落户常州高新区。" + FILLER), []),
    ("新项目开工", (FILLER, "在南京市江宁滨江开发区的一个数字化车间里，机器人穿梭。"), []),
    ("北京商业航天", (FILLER, "“产业链最全。”北京市科委、中关村管委会材制处处长徐剑表示。",
                      "中关村管委会相关负责人介绍，政策已经出台。"), []),
    ("雄安新区加快建设", (FILLER, "要高水平建设雄安中关村科技园，推动创新。", "雄安中关村科技园建设加快。"), []),
    ("招聘会举办", (FILLER, "先后走进成都、沈阳、武汉东湖和广州高新区。", "成都、沈阳、武汉东湖和广州高新区的企业参加。"), []),
])
def test_a_park_is_what_the_article_is_about_by_where_and_how_it_is_named(title, paragraphs, zones_about):
    assert list(_about(title, *paragraphs).zones) == zones_about


def test_a_park_named_as_its_own_city_or_province_is_still_the_park():
    about = _about("北京中关村发布新政", FILLER)
    assert about.zones == ("中关村",)
    assert _about("甘肃白银高新区获批", FILLER).zones == ("白银高新区",)


def test_the_gazetteer_park_leads_and_a_park_it_lacks_follows():
    about = _about("新园开园", "近日，亚泰国际医药健康产业园首批入园企业签约仪式在长春新区北湖科技开发区创新中心举行。",
                   "亚泰国际医药健康产业园占地面积68万平方米。")
    assert about.zones == ("北湖科技开发区", "亚泰国际医药健康产业园")
    assert about.unlisted == ("亚泰国际医药健康产业园",)


@pytest.mark.parametrize("title, paragraphs, news", [
    ("开发区成山西转型发展重要平台", (FILLER,), True),  # parks as a class in the headline
    ("新动能加快成长", ("各地高新区加快发展。", "园区企业增加。", "开发区改革深化。", FILLER), True),  # and through the text
    ("新动能加快成长", ("各地加快发展。", "园区企业增加。", FILLER, FILLER, FILLER), False),  # once in passing
    ("常州高新区招引重大项目", (FILLER,), True),  # a park
    ("消费市场回暖", (FILLER, FILLER), False),
])
def test_park_news(title, paragraphs, news):
    assert _about(title, *paragraphs).park_news is news


# --- topics, authors, summaries, slugs -----------------------------------------------------

def test_a_keyword_is_one_term_however_jieba_cuts_it():
    for topic in taxonomy().topics:
        for keyword in topic.keywords:
            assert topic_terms(keyword) == [keyword], (topic.label, keyword)
    assert topic_terms("整治“内卷式”竞争和内卷式竞争") == ["整治", "内卷", "竞争", "内卷式竞争"]


def test_taxonomy_has_the_nineteen_labels_with_slugs():
    data = load_yaml("topics.yaml")
    assert [t["label"] for t in data["topics"]] == [
        "产业集群", "科技创新", "人才", "科技金融", "创新创业", "体制改革", "营商环境", "绿色发展", "开放合作", "区域协同",
        "招商引资", "数字经济", "生物医药", "高端装备", "新能源新材料", "安全产业", "就业", "党建", "产城融合"]
    slugs = [t["slug"] for t in data["topics"]]
    assert len(set(slugs)) == 19 and all(re.fullmatch(r"[a-z]+(-[a-z]+)*", s) for s in slugs)


INVESTMENT = ["园区新签约项目60余个，总投资378亿元，一批重大项目签约落地。",
              "招商团队赴长三角开展招商引资活动，签约落户企业12家。",
              "今年以来，园区重大项目开工28个，总投资超过百亿元。"]


def test_topics_are_stable_and_the_headline_weighs_most():
    assert choose_topics("园区项目建设提速", INVESTMENT) == ["招商引资"]
    # a topic the headline names needs half the evidence, and comes first
    passing = INVESTMENT[:2] + ["园区优化政务服务，营商环境持续改善。"]
    assert choose_topics("园区项目建设提速", passing) == ["招商引资"]
    assert choose_topics("创优营商环境", passing)[0] == "营商环境"


def test_no_topic_when_none_fits():
    essay = ["春天的田野里，孩子们奔跑着放风筝。", "老人坐在村口的大树下，讲起过去的故事。", "炊烟升起，晚饭的香味飘满小院。"]
    assert choose_topics("田野的春天", essay) == []


def test_one_keyword_in_passing_is_no_topic():
    essay = ["春天的田野里，孩子们奔跑着放风筝。", "老人坐在村口的大树下，讲起过去的故事，说起村里出过的人才。",
             "炊烟升起，晚饭的香味飘满小院。"]
    assert choose_topics("田野的春天", essay) == []


def test_topics_do_not_grow_with_the_article():
    """Metamorphic: the same article twice as long, or with unrelated paragraphs that each name
    another topic once, has the same topics."""
    topics = choose_topics("园区项目建设提速", INVESTMENT)
    assert choose_topics("园区项目建设提速", INVESTMENT * 4) == topics
    asides = ["会上，有关负责人还谈到人才工作。", "一些企业也关心融资问题。", "绿色低碳也被提及。", "还有人谈到就业。"]
    assert choose_topics("园区项目建设提速", INVESTMENT * 3 + asides) == topics


def test_topic_evidence_is_a_share_of_the_articles_keywords():
    evidence = {e.label: e for e in topic_evidence("园区项目建设提速", INVESTMENT)}
    assert 0 < evidence["招商引资"].share <= 1 and evidence["招商引资"].places == 3
    assert evidence["党建"].share == 0 and evidence["党建"].places == 0


def _meta(byline: str = "", credits: tuple[str, ...] = (), lead: str = "") -> dict:
    """The front-matter describe_articles writes for one draft: a lead and its credits."""
    paragraphs = (Paragraph(lead or "正文。", (1,)),) + tuple(Paragraph(c, (2,), credit=True) for c in credits)
    layout = Layout("t.txt", (Draft("标题", (1, 2), paragraphs, byline=byline),), (), (), ())
    return describe_articles(layout, Page("t.txt", ())).articles[0].meta


@pytest.mark.parametrize("byline, credits, authors", [
    ("王泽 黄瑞 本报记者 张景阳", (), ["王泽", "黄瑞", "张景阳"]),
    ("▶ 本报记者 李争粉报道", (), ["李争粉"]),
    ("", ("（记者过国志 通讯员陈丽霞 许娟）",), ["过国志", "陈丽霞", "许娟"]),
    ("", ("(马维维)",), ["马维维"]),
    ("", ("（供稿：科技部火炬中心谢锦锋 王茜 徐珂欣 谭玉林）",), ["谢锦锋", "王茜", "徐珂欣", "谭玉林"]),
    ("", ("（供稿：科技部火炬中心）",), []),
    ("", ("（供稿：广州高新区）",), []),
    ("刘维 本报记者 盛利", ("(本版图片来源于网络)",), ["刘维", "盛利"]),
])
def test_authors(byline, credits, authors):
    assert _meta(byline, credits).get("authors", []) == authors


def test_summary_is_at_most_120_characters_and_ends_a_sentence_when_it_can():
    lead = "第一句话说明了新闻的要点。" * 5 + "第二句" * 40 + "。"
    summary = _meta(lead=lead)["summary"]
    assert len(summary) <= 120 and summary.endswith("。")
    assert _meta(lead="短导语。")["summary"] == "短导语。"
    assert len(_meta(lead="没有标点的很长的导语" * 20)["summary"]) <= 120


def test_summary_is_cut_at_a_sentence_end_outside_quotes():
    text = "甲" * 60 + "。演示。“2018年订单已经超过5亿元。" + "乙" * 80 + "”"
    assert _meta(lead=text)["summary"] == "甲" * 60 + "。演示。"
    quoted = "“说" + "丙" * 50 + "。”" + "丁" * 100
    assert _meta(lead=quoted)["summary"] == "“说" + "丙" * 50 + "。”"
    cut = _meta(lead="《" + "丙" * 200)["summary"]
    assert len(cut) <= 120 and cut.endswith("…》")


def test_slugs_are_readable_ascii_bounded_unique_and_stable():
    assert make_slug("成都高新区：让产业齿轮精准咬合") == "chengdu-gaoxinqu-rang-chanye-chilun-jingzhun-yaohe"
    assert make_slug("武汉东湖高新区：新兴产业重要策源地").startswith("wuhan-donghu-gaoxinqu-")
    assert make_slug("“”！？") == "article"
    long = make_slug("国家高新区高质量发展在行动" * 10)
    assert len(long) <= 60 and long.isascii() and not long.endswith("-")
    first = [Article(make_slug("唐山高新区聚力培育双创载体"), {"slug": ""}, "") for _ in range(3)]
    slugs = [a.slug for a in SlugAssigner().assign(first)]
    assert slugs == ["tangshan-gaoxinqu-ju-li-peiyu-shuangchuang-zaiti",
                     "tangshan-gaoxinqu-ju-li-peiyu-shuangchuang-zaiti-2",
                     "tangshan-gaoxinqu-ju-li-peiyu-shuangchuang-zaiti-3"]
    assert [a.slug for a in SlugAssigner().assign(first)] == slugs
    assert [a.meta["slug"] for a in SlugAssigner().assign(first)] == slugs
