"""A kicker run into its title without a dash or colon (convert/runon.py): where the title begins,
by the shapes of Chinese headlines. Dev examples and made-up heads of the same forms; titles that
hold the same shapes inside them stay whole."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from parkdigest.convert.classify import COLUMN_TAG
from parkdigest.convert.heads import parse_head
from parkdigest.convert.model import Block, Kind
from parkdigest.convert.runon import run_on_kicker_end


@pytest.mark.parametrize("kicker, title", [
    # the verb of saying that ends a kicker on who spoke
    ("习近平在河北雄安新区考察并主持召开深入推进雄安新区高质量建设和发展座谈会时强调",
     "牢牢把握雄安新区功能定位 努力建设新时代创新高地和推动高质量发展样板"),
    ("省委书记在全省高新区高质量发展推进会上讲话时指出", "以科技创新引领现代化产业体系建设"),
    # a place and a colon open the title
    ("激活产业基础、创新能力、要素支撑等优势", "江苏南京：竞逐新兴产业新赛道"),
    ("一年新增科技型企业超过两千家", "湖北武汉：光谷再添创新动能"),
    # a person's whole quotation is the title
    ("上汽通用五菱的智能工厂会思考、能进化", "“让汽车生产像搭积木一样灵活”"),
    ("扎根实验室三十年的老专家", "“我们的目标是把芯片做到世界前列”"),
    # two parallel halves of one length
    ("“智慧铁路口岸+属地快速通关”模式落地新疆", "压缩通行时间 助力高效通关"),
    ("多个国家高新区联合发布人才新政", "引进高端人才 留住青年人才"),
    # a figure stated by the kicker ends at its unit
    ("跨越2260公里，年输电量超360亿千瓦时", "哈密—重庆特高压直流输电工程投产送电"),
    ("带动上下游投资超千亿元", "疆电千里入巴渝"),
    ("园区去年工业总产值突破3000亿元", "光电子产业集群加速成形"),
])
def test_a_kicker_run_into_its_title_ends_where_the_title_begins(kicker, title):
    assert run_on_kicker_end(kicker + title) == len(kicker)


@pytest.mark.parametrize("title", [
    "江苏南京：竞逐新兴产业新赛道",  # a place-colon title alone
    "营收超千亿元企业达12家",  # a figure inside a short title
    "投资超千亿元项目集中开工",
    "家电卖出超万亿元，动能在哪里",
    "茶思造梦 科技报国",  # parallel halves alone
    "用人工智能激活制造业企业“数字大脑”",  # a quoted term, not a quotation
    "打通“绿环”断点 公园“串珠成线”",
    "刘国中在河南调研时强调",  # a kicker alone: no title after it
    # each guard, on a line long enough to be asked:
    "中国科学院院士在座谈会上指出“创新要敢为人先，更要久久为功”",  # a quotation after a verb of saying
    "牢记习近平总书记嘱托“把科技的命脉牢牢掌握在自己手中”",
    "企业研发投入近百亿元背后的创新密码",  # a "title" opening with a localizer
    "总书记考察时强调的“三个着力”在园区落地生根",  # ... with 的
    "高新区去年新增科技型企业超过两千家新增专利逾万件",  # a second figure goes on with the first
    "我国已建成5G基站达400多万个占全球六成以上",
    "这座城市为何能吸引超百万青年人才落户",  # a bare number closes no figure
    "以习近平新时代中国特色社会主义思想为指导 推动高质量发展",  # the cut would fall inside a word
    "深入学习贯彻党的二十届四中全会精神 奋力开创新局面",  # halves not parallel word for word
    "坚持以人民为中心的发展思想 办好民生实事",
    "从一粒种子到一桌好菜看山东寿光：蔬菜产业链提质增效",  # the kicker would end on a preposition's object
])
def test_a_title_that_holds_such_a_shape_stays_whole(title):
    assert run_on_kicker_end(title) == 0


def _gold_lines() -> list[str]:
    """Every title, kicker and subtitle of the dev pages' gold and every title of the seeds (as
    read in tests/expected/segmentation.yaml): each a whole line as printed."""
    seeds = yaml.safe_load((Path(__file__).parent / "expected" / "segmentation.yaml").read_text(encoding="utf-8"))
    lines = {COLUMN_TAG.sub("", article["title"]).strip() for page in seeds.values() for article in page["articles"]}
    for folder in (Path(__file__).parent / "devset" / "gold", Path(__file__).parent / "devset-pdf" / "gold"):
        for path in folder.glob("*.json"):
            for article in json.loads(path.read_text(encoding="utf-8"))["articles"]:
                lines |= {COLUMN_TAG.sub("", article[key]).strip() for key in ("title", "kicker", "deck") if article.get(key)}
    return sorted(lines)


def test_no_printed_title_kicker_or_subtitle_of_the_dev_pages_is_split():
    lines = _gold_lines()
    assert len(lines) > 140
    assert [line for line in lines if run_on_kicker_end(line)] == []


def test_a_stack_with_a_kicker_of_its_own_is_not_split_again():
    blocks = [Block(Kind.HEADLINE, "中国科学院院士、园区首席科学家——", 1, 1, 0, "headline"),
              Block(Kind.HEADLINE, "激活产业基础、创新能力、要素支撑等优势江苏南京：竞逐新兴产业新赛道", 2, 2, 0, "headline")]
    head = parse_head(blocks, ())
    assert head.title == "激活产业基础、创新能力、要素支撑等优势江苏南京：竞逐新兴产业新赛道"


def test_parse_head_splits_a_run_on_kicker_from_its_tagged_title():
    line = "带动上下游投资超千亿元疆电千里入巴渝（经济新方位·重大工程一线）"
    head = parse_head([Block(Kind.HEADLINE, line, 1, 1, 0, "headline")], ())
    assert (head.kicker, head.title) == ("带动上下游投资超千亿元", "疆电千里入巴渝（经济新方位·重大工程一线）")
