"""A broad grammar of the page furniture Chinese newspapers print, as hypothesis strategies.

Written from how papers print their furniture, not from the converter's lists: editor lines
(every editorial role × every separator × every marker × several pairs a line, glued to a
contact item), contact lines with or without a colon, footers inviting to scan, follow,
download or subscribe, folios (page number, section, paper name and date in any order),
photo credits (in parentheses, credit word first) and notes on where the pictures come from.
The tests feed these lines to the converter: a rule that only one form passes fails here.
"""

from __future__ import annotations

from hypothesis import assume
from hypothesis import strategies as st

# Every editorial role papers print in a page's credits.
ROLES = ("责任编辑", "编辑", "美术编辑", "版式设计", "校对", "统筹", "策划", "制图", "图片编辑", "本版编辑",
         "责编", "主编", "值班编辑", "视觉设计", "美编", "本期统筹", "执行主编", "总编辑", "审校", "审核", "监制",
         "版面设计", "插图", "绘图", "排版", "文字编辑", "责任校对", "新媒体编辑", "数据编辑", "本版策划", "终审",
         "签发", "组版", "运营编辑", "图表编辑", "本期策划", "执行编辑", "本版责编", "本版责任编辑", "本版美编", "美术设计",
         "版式", "本版统筹", "视觉", "校审", "一审", "二审", "三审", "初审", "复审", "质检", "值班主任")
# Between a role and its name.
ROLE_SEPARATORS = ("：", ":", " ", "　", "|", "｜", "丨", "/", "·", "： ", " | ", "  ", " / ", "／")
# Between two items of a line.
ITEM_SEPARATORS = (" ", "  ", "　", "　　", " | ", "|", "｜", " 丨 ", "；", "/", " / ", " · ", "，")
# What stands before a credit line, or around it.
MARKERS = ("", "■", "■ ", "□", "● ", "◆", "◆ ", "▲", "★", "☆ ", "◇", "◎", "※", "▶", "•", "▍", "│")
BRACKETS = (("【", "】"), ("〔", "〕"), ("[", "]"), ("（", "）"), ("(", ")"))
SURNAMES = ("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何",
            "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "阎", "萧", "傅",
            "欧阳", "司马")
GIVEN = ("伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "霞",
         "平", "刚", "飞", "鹏", "浩", "宇", "帆", "琳", "欣", "晨", "佳", "悦", "雪", "梅", "婷", "颖", "凯", "斌")

CONTACT_LABELS = ("电话", "热线", "新闻热线", "读者热线", "服务热线", "报料热线", "联系电话", "编辑部电话", "传真",
                  "邮箱", "电子邮箱", "投稿邮箱", "E-mail", "Email", "投稿", "网址", "邮编", "地址", "客服电话",
                  "咨询电话", "值班电话", "订阅热线", "广告热线", "发行热线", "本报地址", "社址", "邮政编码", "电子信箱",
                  "E-MAIL", "Tel", "传真号码", "报料", "新闻报料", "微信", "微信号", "公众号", "微信公众号", "抖音号",
                  "总编室", "发行部", "广告部", "订报热线", "读者服务热线", "联系我们")  # a desk's name stands for its phone
ACCOUNTS = ("kjrbwx", "stdaily", "rmrbwx", "chinahightech_news")  # social accounts
# An account's label, and the name papers give it in Chinese after a colon or behind @.
ACCOUNT_LABELS = ("官方微博", "新浪微博", "官方微信", "微信公众号", "公众号", "视频号", "抖音号", "头条号", "快手号",
                  "小红书号", "微信号")
ACCOUNT_NAMES = ("科技日报", "@科技日报", "＠火炬动态", "中国高新技术产业导报", "园区深观察", "kjrb_2026")
# The roles of the reporters and interns a page's credit line may name after its editors.
REPORTER_ROLES = ("实习生", "见习记者", "本报记者", "记者", "通讯员", "特约记者")
CONTACT_SEPARATORS = ("：", ":", " ", "　", "： ")
PHONES = ("010-65368486", "(010)65368486", "（010）65363526", "65368486", "13912345678", "400-800-1234",
          "0755-86668888")
MAILS = ("kjrb@stdaily.com", "news@people.cn", "tougao@chinahightech.com", "rmrbkjb@163.com")
SITES = ("www.stdaily.com", "http://www.people.com.cn", "https://www.chinahightech.com")
POSTCODES = ("100038", "100733", "518057")
ADDRESSES = ("北京市海淀区复兴路15号", "北京市朝阳区金台西路2号", "深圳市南山区科技园科苑路8号", "武汉市东湖新技术开发区高新大道666号")

PAPERS = ("科技日报", "人民日报", "经济日报", "光明日报", "中国高新技术产业导报", "新华日报", "南方日报", "中国青年报",
          "中国经济周刊", "北京晨报", "江南快报")
SECTIONS = ("要闻", "综合", "经济", "国际", "地方", "科技园区", "特别报道", "评论", "财经", "创新", "区域", "产业")
PAGE_NUMBERS = ("4", "04", "12", "A3", "B2", "第4版", "第04版", "4版", "A3版", "第12版", "第04版：", "第A3版：",
                "第4页", "第12页", "4页", "第十二版", "第四版")  # a newsletter's or magazine's pages are 页
DATES = ("2026年1月8日", "2025年12月3日", "2026-01-08", "2026.1.8", "2026/01/08", "2026年01月08日")
WEEKDAYS = ("", "星期四", "周四", "星期一", "星期 日", "星 期 三")  # letter-spaced as a folio may print it
FOLIO_SEPARATORS = (" ", "  ", "　", " | ", "｜", " · ")

PUBLISHERS = ("科学技术部火炬高技术产业开发中心", "中国高新区研究中心", "某某高新区管理委员会", "人民日报社", "科技日报社")
ORGS = ("受访者", "受访单位", "新华社", "视觉中国", "园区管委会", "东湖高新区管委会", "企业")
AGENCIES = ("新华社", "视觉中国", "人民视觉", "网络", "中新社")
PICTURE_AGENCIES = ("视觉中国", "人民视觉", "CFP", "东方IC", "光明图片", "新华社", "中新社")  # never a story's author


@st.composite
def names(draw, spaced: bool = True) -> str:
    """A Chinese name, its two characters possibly spaced out as papers print them (张  三)."""
    surname = draw(st.sampled_from(SURNAMES))
    given = "".join(draw(st.lists(st.sampled_from(GIVEN), min_size=1, max_size=2)))
    name = surname + given
    if spaced and len(name) == 2 and draw(st.booleans()):
        return name[0] + draw(st.sampled_from(("  ", "　", " "))) + name[1]
    return name


@st.composite
def role_pairs(draw) -> str:
    names_ = draw(st.lists(names(), min_size=1, max_size=2))
    return draw(st.sampled_from(ROLES)) + draw(st.sampled_from(ROLE_SEPARATORS)) + "、".join(names_)


@st.composite
def contact_items(draw) -> str:
    label = draw(st.sampled_from(CONTACT_LABELS))
    if label in ("邮箱", "电子邮箱", "投稿邮箱", "E-mail", "Email", "投稿", "电子信箱", "E-MAIL"):
        value = draw(st.sampled_from(MAILS))
    elif label == "网址":
        value = draw(st.sampled_from(SITES))
    elif label in ("微信", "微信号", "公众号", "微信公众号", "抖音号"):
        value = draw(st.sampled_from(ACCOUNTS))
    elif label in ("邮编", "邮政编码"):
        value = draw(st.sampled_from(POSTCODES))
    elif label in ("地址", "本报地址", "社址"):
        value = draw(st.sampled_from(ADDRESSES))
    else:
        value = draw(st.sampled_from(PHONES))
    return label + draw(st.sampled_from(CONTACT_SEPARATORS)) + value


@st.composite
def account_items(draw) -> str:
    """A paper's account on a social platform, named in Chinese or Latin letters after its
    label and a colon, or behind @ (官方微博：@科技日报, 微信公众号：科技日报, 微博@火炬动态)."""
    if draw(st.integers(0, 3)) == 0:
        return draw(st.sampled_from(("微博", "微信", "官方微博"))) + draw(st.sampled_from(("@", "：@", ": @")))\
            + draw(st.sampled_from(ACCOUNT_NAMES)).lstrip("@＠")
    return draw(st.sampled_from(ACCOUNT_LABELS)) + draw(st.sampled_from(("：", ":", "： "))) \
        + draw(st.sampled_from(ACCOUNT_NAMES))


def _marked(draw, text: str) -> str:
    if draw(st.integers(0, 5)) == 0:
        left, right = draw(st.sampled_from(BRACKETS))
        return left + text + right
    return draw(st.sampled_from(MARKERS)) + text


def _joined(draw, items: list[str], separators: tuple[str, ...] = ITEM_SEPARATORS) -> str:
    """Items one after another, each pair set apart by any separator papers print."""
    line = items[0]
    for item in items[1:]:
        line += draw(st.sampled_from(separators)) + item
    return line


@st.composite
def glued_role_pairs(draw) -> str:
    """A role glued to its name, as a line of several such items prints them (责编于敏)."""
    return draw(st.sampled_from(ROLES)) + draw(names(spaced=False))


@st.composite
def editor_lines(draw) -> str:
    """Editor lines: one to four role pairs, any separators, any marker, possibly glued to a
    contact item (责任编辑 张三 | 美术编辑 李四；版式设计：王五　电话：010-65368486); or two to four
    roles each glued to its name (责编于敏|美编朱强), or with nothing between the pairs either, as a
    copy that dropped the spaces prints them (责任编辑郭文博校对陈艳)."""
    if draw(st.integers(0, 4)) == 0:
        pairs = draw(st.lists(glued_role_pairs(), min_size=2, max_size=4))
        return _marked(draw, _joined(draw, pairs, ITEM_SEPARATORS + ("",)))
    items = draw(st.lists(role_pairs(), min_size=1, max_size=4))
    if draw(st.integers(0, 3)) == 0:  # the reporters and interns credited with the page after its editor
        items.append(draw(st.sampled_from(REPORTER_ROLES)) + draw(st.sampled_from(ROLE_SEPARATORS)) + draw(names()))
    if draw(st.booleans()):
        items.append(draw(contact_items()))
    return _marked(draw, _joined(draw, items))


@st.composite
def contact_lines(draw) -> str:
    """Contact, hotline and mailbox lines, one to three items, label with or without a colon."""
    items = draw(st.lists(st.one_of(contact_items(), account_items()), min_size=1, max_size=3))
    return _marked(draw, _joined(draw, items))


def masthead_lines() -> st.SearchStrategy[str]:
    """A paper's name in Latin letters, as mastheads print it: capitals, or its English name,
    with the date in figures or in English; the paper's name with its Latin one or its edition;
    whose organ it is and who runs it; the date in the traditional calendar."""
    return st.sampled_from(("SCIENCE AND TECHNOLOGY DAILY", "RENMIN RIBAO", "CHINA HIGH-TECH INDUSTRY HERALD",
                            "GUANGMING DAILY", "Science and Technology Daily", "China Daily", "Economic Daily",
                            "China High-Tech Industry Herald", "Shanghai Securities News", "Global Times",
                            "SCIENCE AND TECHNOLOGY DAILY 2026.2.23", "MONDAY FEB. 23, 2026", "Feb 23 2026 Monday",
                            "中国高新技术产业导报 CHINA HIGH-TECH INDUSTRY HERALD", "人民日报海外版",
                            "中国共产党中央委员会机关报", "中共陕西省委机关报", "科学技术部主管 科技日报社主办",
                            "丙午年正月初七", "农历丙午年 正月初七"))


@st.composite
def website_lines(draw) -> str:
    """The paper's website and its address, with no label (中国科技网 www.stdaily.com)."""
    name = draw(st.sampled_from(("中国科技网", "人民网", "新华网", "中国高新网", "光明网", "科技日报网站")))
    return _marked(draw, name + draw(st.sampled_from(("", " ", "　", "："))) + draw(st.sampled_from(SITES)))


@st.composite
def footer_lines(draw) -> str:
    """Footers inviting readers to scan a code, follow an account, download an app, subscribe or
    read on; prices, advertisement marks and imprints; the heading of the page's contents."""
    paper = draw(st.sampled_from(PAPERS))
    forms = (f"扫码阅读{paper}电子版", "扫码阅读全文", f"扫描二维码关注{paper}", "扫描二维码下载客户端",
             "扫一扫 关注我们", "长按识别二维码", "长按识别二维码关注我们", f"下载{paper}客户端",
             f"{paper}客户端下载", f"{paper}APP下载", f"欢迎订阅《{paper}》", f"关注{paper}微信公众号",
             f"关注{paper}官方微博", f"欢迎关注{paper}视频号", "更多内容请扫码", "更多精彩内容，请扫码阅读",
             f"订阅{paper}电子版", f"下载{paper}APP 阅读更多精彩内容", "扫码看视频", "扫码看更多精彩内容",
             f"{paper}微信公众号", "欢迎投稿", f"欢迎订阅{paper}", "长按二维码关注", "全国各地邮局均可订阅",
             "订阅：全国各地邮局", "广告", "（广告）", "·广告·", f"{paper}印刷厂印刷", "每份定价 1.50元", "全年定价 240元",
             "年价：240元 零售每份：1.50元", "月价 20元", "本版文字除署名外均由本报记者采写", "更多精彩内容请访问中国科技网",
             "本报常年法律顾问：某某律师事务所", "点击阅读原文", "阅读原文", "查看全文", "点击查看详情", "今日导读",
             "本期导读", "本版要目", "本期目录")
    return draw(st.sampled_from(MARKERS[:3])) + draw(st.sampled_from(forms))


@st.composite
def folio_lines(draw) -> str:
    """Folios: a page number glued to or beside a section or a paper name, in any order, with
    or without the date (4 科技日报 2026年1月8日, 要闻A3, 科技日报 要闻 第4版)."""
    parts = [draw(st.sampled_from(PAGE_NUMBERS))]
    words = draw(st.sampled_from(("section", "paper", "both")))
    if words in ("section", "both"):
        parts.append(draw(st.sampled_from(SECTIONS)))
    if words in ("paper", "both"):
        parts.append(draw(st.sampled_from(PAPERS)))
    if draw(st.booleans()):
        date = draw(st.sampled_from(DATES))
        weekday = draw(st.sampled_from(WEEKDAYS))
        parts.append(date + (" " + weekday if weekday else ""))
    parts = draw(st.permutations(parts))
    line = parts[0]
    for part in parts[1:]:
        separator = draw(st.sampled_from(FOLIO_SEPARATORS + ("",)))
        if not separator and line[-1].isascii() and part[0].isascii():
            separator = " "  # two numbers are never printed glued
        line += separator + part
    return line


@st.composite
def credit_lines(draw) -> str:
    """Photo credits: in parentheses, after the name, or with the credit word first."""
    name = draw(names())
    reporter = draw(st.sampled_from(("", "本报记者 ", "新华社记者 ", "记者 ")))
    agency = draw(st.sampled_from(AGENCIES))
    picture_agency = draw(st.sampled_from(PICTURE_AGENCIES))
    org = draw(st.sampled_from(ORGS))
    forms = (f"（{reporter}{name} 摄）", f"（{reporter}{name}摄）", f"({name}/摄)", f"{reporter}{name} 摄",
             f"{reporter}{name}摄", f"{name}/摄", f"摄影 {name}", f"摄影：{reporter}{name}", f"摄影:{name}",
             f"图片来源：{agency}", f"图片来源 {agency}", f"（{org}供图）", f"{org}供图", f"图片提供：{org}",
             f"（{name} 绘）", f"漫画：{name}", "资料图片", "（资料图片）", f"{reporter}{name} 摄影", f"{org}供图",
             "视觉中国供图", f"（{draw(st.sampled_from(('新华社', '中新社')))}发）", "资料图", "（资料图）", "本报资料图片",
             f"（图片来源：{agency}）", f"(摄影：{name})", f"拍摄：{name}", f"航拍：{name}", f"供图/{org}",
             f"图/{picture_agency}", f"（图/{picture_agency}）", f"{picture_agency}/供图", f"光明图片/{picture_agency}",
             f"{name} 摄 /人民视觉", picture_agency, "（无人机照片）", "（效果图）")
    return draw(st.sampled_from(forms))


@st.composite
def picture_notes(draw) -> str:
    """Notes on where all the pictures of the page or the article come from."""
    org = draw(st.sampled_from(ORGS))
    forms = (f"本版图片均由{org}提供", f"本版图片除署名外均来自{org}", f"（本版图片由{org}提供）",
             f"图片均由{org}提供", f"本期图片均来自{org}", f"（所有图片来自{org}）", f"文中图片除署名外均由{org}提供",
             f"本版照片均由{org}提供", f"（本文图片均由{org}提供）", f"图片由{org}提供", f"以上图片均由{org}提供")
    return draw(st.sampled_from(forms))


@st.composite
def imprint_lines(draw) -> str:
    """The imprint of a paper or an internal newsletter: who is in charge of it, sponsors, edits
    and prints it, and the notice an internal publication carries."""
    org = draw(st.sampled_from(PUBLISHERS))
    role = draw(st.sampled_from(("主管", "主办", "主办单位", "承办", "协办", "编印", "出版", "印刷", "发行")))
    forms = (f"{role}{draw(st.sampled_from(CONTACT_SEPARATORS[:2]))}{org}", "内部资料 免费交流", "内部资料，免费交流",
             "内部资料", "准印证号：京内资准字2022-L0123号", "内部资料性出版物，免费交流", "版权所有 侵权必究",
             "版权所有，未经许可不得转载", f"本报印刷：{org}", f"法律顾问：{org}", "每周一、三、五出版", "周一至周五出版")
    return _marked(draw, draw(st.sampled_from(forms)))


@st.composite
def glued_lines(draw) -> str:
    """Two furniture lines that a copy glued into one, no space between (责编 周勇 | 美编 吕秀英本版
    图片来源：新华社): an editor line, then a contact line, a note on pictures or an imprint line."""
    second = draw(st.one_of(contact_lines(), picture_notes(), imprint_lines()))
    return draw(editor_lines()) + second.lstrip("".join(MARKERS) + " ")


@st.composite
def issue_lines(draw) -> str:
    """A periodical's issue number, running or total, perhaps with its year (2022年第12期（总第541期）)."""
    year, number, total = draw(st.sampled_from(("", "2022年", "2026年"))), draw(st.integers(1, 52)), draw(
        st.integers(100, 12000))
    month = draw(st.sampled_from(("", "3月", "12月 ")))
    forms = (f"{year}第{number}期", f"总第{total}期", f"{year}第{number}期（总第{total}期）", f"{year}总第{total}期",
             f"{year or '2026年'}{month}第{number}期", draw(st.sampled_from(("农历乙巳年二月廿七", "农历正月初八", "农历腊月二十"))))
    return draw(st.sampled_from(forms))


@st.composite
def glued_notes(draw) -> str:
    """Two notes side by side at the foot of a page, one row that a copy glued: two pictures'
    credits (受访者供图视觉中国), a footer and a note on the pictures (扫描二维码 关注园区周刊官方微信本版图片
    除署名外均由受访单位提供), in either order."""
    notes = draw(st.sampled_from((credit_lines(), st.one_of(footer_lines(), picture_notes()))))
    first, second = draw(notes), draw(notes)
    second = second.lstrip("".join(MARKERS) + " ")
    assume(len(first + second) <= 40)  # a row of two short notes; a longer line is text
    assume(min(len(first), len(second)) >= 3)  # a two-character word glued on (广告) may open a headline
    return first + second


# Every class, by name: what test_furniture checks one by one.
CLASSES = {
    "editor": editor_lines(),
    "contact": contact_lines(),
    "footer": footer_lines(),
    "folio": folio_lines(),
    "credit": credit_lines(),
    "picture-note": picture_notes(),
    "imprint": imprint_lines(),
    "glued": glued_lines(),
    "glued-notes": glued_notes(),
    "issue": issue_lines(),
    "website": website_lines(),
    "masthead": masthead_lines(),
}


def furniture_lines() -> st.SearchStrategy[str]:
    """A furniture line of any class."""
    return st.one_of(*CLASSES.values())


def page_furniture_lines() -> st.SearchStrategy[str]:
    """A line of the page's own furniture — editor, contact, footer, folio — that may stand
    anywhere on the page. A photo credit or a note on pictures says the line above it is a
    caption: it stays under its picture (test_metamorphic rewrites it where it stands)."""
    return st.one_of(CLASSES["editor"], CLASSES["contact"], CLASSES["footer"], CLASSES["folio"])


@st.composite
def bylines(draw) -> str:
    """Bylines behind a decorative marker, or with the stringer before the reporter."""
    role = draw(st.sampled_from(("本报记者", "本报驻京记者", "本报驻广东记者", "经济日报记者", "新华社记者", "本报首席记者")))
    reporter = f"{role} {draw(names())}"
    stringer = f"{draw(st.sampled_from(('通讯员', '实习生', '摄影')))} {draw(names())}"
    order = draw(st.sampled_from(((reporter,), (reporter, stringer), (stringer, reporter))))
    if draw(st.integers(0, 4)) == 0:
        return draw(st.sampled_from(("文/", "文·图/", "文/图 ", "撰文 "))) + draw(names())
    # (▲ opens a caption under a picture, not a byline)
    return draw(st.sampled_from(("", "■ ", "■", "□ ", "● ", "◆ ", "◇ ", "★ "))) + " ".join(order)
