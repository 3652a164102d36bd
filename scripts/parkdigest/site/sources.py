"""来源: what a seed page is, said to a reader in Chinese, from its conversion report.

The report (docs/sources/<page>.json) is written for editors and tools: rule names such as
`photo-credit`, line lists such as "3,5,7,…,37", warnings in English. A source page is
titled by what the page is — publication, issue, date and 版 as the editor's sidecar gives
them or the page printed them (its furniture lines) — never by its file name, and says the
rest in Chinese."""

from __future__ import annotations

import re
from dataclasses import dataclass

from parkdigest.articles.files import LineRanges
from parkdigest.resources import Says, furniture_facts, says_of
from parkdigest.site.catalog import Entry
from parkdigest.site.render import date_text
from parkdigest.text import HAN, PAGE_UNIT

# What a removed line is called whose rule furniture.yaml does not declare (each rule declares
# its own label there: resources.furniture_facts).
OTHER_FURNITURE = "其他版面元素"
# How a page that prints neither its publication nor its date is named.
UNNAMED_PAGE = "未印报名和日期的版面"
# Lines of a paragraph listed one by one are usually every other line (blank lines between):
# numbers this close belong to one run, shown as 3–37.
RUN_GAP = 2
# A folio is the publication's name with its page number: 中国高新技术产业导报5, 科技日报 第8版.
_FOLIO = re.compile(r"^(?P<name>.*?[^\d\s第])\s*(?:第?(?P<page>\d{1,3})版?)?$")
# A dated folio line prints the publication's name just before the date: 科技日报2026年1月6日 …,
# 14科技日报2026年1月6日 (a page number before it).
_DATED_FOLIO_NAME = re.compile(rf"(?:^|\d)\s*(?P<name>[{HAN}]{{2,10}})\s*(?=\d{{4}}\s*[年.\-/])")
# The page number in a folio or section line: 第 6 版, 第02版, 要闻2.
_PAGE_NUMBER = re.compile(rf"第\s*0*(\d{{1,3}})\s*{PAGE_UNIT}|^[{HAN}]{{2,6}}\s*0*(\d{{1,3}})$")
# A newsletter's or magazine's pages are 页 (第11页); a newspaper's, 版.
_PAGE_IN_PAGES = re.compile(r"\d\s*页")
_ISSUE = re.compile(r"(\d{4})年第(\d{1,3})期")
_MASTHEAD_NAME = re.compile(rf"[{HAN}]{{2,8}}$")
# The converter's warnings (convert/*.py), each with its Chinese wording for readers.
_WARNINGS = [
    (re.compile(r"uncertain join of line (\d+) with line (\d+) \(confidence ([\d.]+)\)"),
     lambda m: f"第{m[1]}行与第{m[2]}行的接续把握较低（{m[3]}），请核对该处文字。"),
    (re.compile(r"no date printed on the page; inferred (\d{4}-\d{2}-\d{2}) from '([^']*)'"),
     lambda m: f"版面没有印日期，文章日期按正文中的“{m[2]}”推断。"),
    (re.compile(r"no date on the page or in its text; its articles are undated — add the line '([^']+)' to (\S+)"),
     lambda m: f"版面和正文都没有日期，本版文章标为“日期不详”。请在版面旁的 {m[2]} 里写上一行 {m[1]}。"),
    (re.compile(r"park\(s\) not in the gazetteer: (.+?) — "),
     lambda m: f"园区名录中还没有：{m[1]}。确是园区的，请补入名录。"),
    (re.compile(r"article «(.+)» has no text of its own"),
     lambda m: f"《{m[1]}》没有找到自己的正文，正文可能排在别的标题下，请核对版面。"),
    (re.compile(r"no recognizable title; the page becomes one article"),
     lambda m: "版面上找不到标题，整版作为一篇文章。"),
    (re.compile(r"page has no article text, only furniture"),
     lambda m: "版面上只有版头、页码等元素，没有正文。"),
    (re.compile(r"file is GBK/GB18030, not UTF-8; converted it"),
     lambda m: "文件是GBK编码，已转换为UTF-8。"),
]
_WARNING_LINE = re.compile(r"^[^:\s]+:(\d+): ")
UNTRANSLATED_WARNING = "转换时的其他提示（见转换报告）。"


@dataclass(frozen=True)
class PageIdentity:
    """What a seed page is, as printed on it."""
    publication: str  # 中国高新技术产业导报, or "" when the page does not say
    issue: str  # 2022年第12期
    page: str  # 第5版
    page_name: str  # the page's own name in its masthead: 创新园区
    date: str  # printed date, YYYY-MM-DD, or ""


def identify_page(data: dict) -> PageIdentity:
    """Publication, issue, page number and page name from the furniture the converter removed,
    each read from the lines whose rule says it (furniture.yaml `says:`)."""
    publication = str(data.get("publication") or "")  # the sidecar's, when it names one
    page = str(data.get("page") or "")
    issue = page_name = ""
    for item in data.get("furniture") or []:
        says, text = says_of(str(item.get("rule") or "")), str(item.get("text", "")).strip()
        if Says.PUBLICATION in says:
            match = _FOLIO.match(text)
            if match and not publication:
                publication = match["name"]
            if match and match["page"] and not page:
                page = f"第{int(match['page'])}版"
        if Says.PUBLICATION_BEFORE_DATE in says:
            named = _DATED_FOLIO_NAME.search(text)
            if named and not publication:
                publication = named["name"]
        if not page and says & {Says.PAGE_NUMBER, Says.PAGE_NUMBER_ALONE}:
            page = _page_number(text, says)
        if Says.ISSUE in says and not issue:
            found = _ISSUE.search(text)
            issue = f"{found[1]}年第{int(found[2])}期" if found else ""
        if Says.PAGE_NAME in says and not page_name:
            found = _MASTHEAD_NAME.search(text)
            page_name = found.group() if found else ""
    return PageIdentity(publication, issue, page, page_name, str(data.get("date") or ""))


def _page_number(text: str, says: frozenset[Says]) -> str:
    """第5版 (or a newsletter's 第5页) from a line that prints the page number: alone (— 5 —,
    A5版, 第5页) or as a folio or a section prints it (第05版, 要闻5); "" when none is found."""
    found = re.search(r"(\d{1,3})", text) if Says.PAGE_NUMBER_ALONE in says else _PAGE_NUMBER.search(text)
    number = next((g for g in found.groups() if g), "") if found else ""
    unit = "页" if _PAGE_IN_PAGES.search(text) else "版"
    return f"第{int(number)}{unit}" if number else ""


def page_title(source: str, data: dict) -> str:
    """《中国高新技术产业导报》2020年1月13日 · 第5版（创新园区）. A page that prints neither its
    publication nor its date (and whose sidecar gives neither) is named by what it holds:
    未印报名和日期的版面：成都高新区：让产业齿轮精准咬合等4篇 — never by its file name."""
    who = identify_page(data)
    day = printed_date_text(who.date)
    if not (who.publication or day):
        titles = [str(a.get("title") or "") for a in data.get("articles") or [] if isinstance(a, dict)]
        held = f"：{titles[0]}" + (f"等{len(titles)}篇" if len(titles) > 1 else "") if titles and titles[0] else ""
        return UNNAMED_PAGE + held
    page = who.page + (f"（{who.page_name}）" if who.page_name else "")
    parts = [(f"《{who.publication}》" if who.publication else "") + who.issue, day, page]
    return " · ".join(p for p in parts if p) + ("" if day else "（未印日期）")


def source_order(data: dict, entries: list[Entry]) -> tuple[str, str]:
    """Sort key (reversed) of the 来源 index: the newest page first — its printed or given date,
    else its articles' estimated one; an undated page last —, then by publication."""
    date = str(data.get("date") or "") or next((e.date for e in entries if e.date), "")
    return date, identify_page(data).publication


def printed_date_text(date: str) -> str:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        return ""
    return date_text(Entry(title="", src_uri="", url="", date=date, precision="day", zones=(), topics=(),
                           summary="", deck="", source="", first_line=0))


def page_date_text(data: dict, entries: list[Entry]) -> str:
    """The printed date, or the articles' estimated date marked as such."""
    printed = printed_date_text(str(data.get("date") or ""))
    if printed:
        return printed
    estimated = next((date_text(e) for e in entries if date_text(e)), "")
    return f"未印日期，文章日期推断为{estimated}" if estimated else "未印日期"


def line_ranges(lines: str) -> str:
    """"3,5,7,9,37,39" -> "3–9、37–39", "23-37" -> "23–37": the report's line ranges
    (articles/files.py LineRanges) as runs a reader can take in."""
    runs: list[list[int]] = []
    for first, last in sorted(LineRanges.parse(lines).spans):
        if runs and first - runs[-1][1] <= RUN_GAP:
            runs[-1][1] = max(runs[-1][1], last)
        else:
            runs.append([first, last])
    return "、".join(f"{a}–{b}" if a != b else str(a) for a, b in runs)


def furniture_label(rule: str) -> str:
    """What a reader calls the lines a furniture rule removed (its label in furniture.yaml)."""
    facts = furniture_facts().get(rule)
    return facts.label if facts else OTHER_FURNITURE


def translate_warning(text: str) -> str:
    """The converter's warning in Chinese, led by its page line when it has one."""
    line = _WARNING_LINE.match(text)
    for pattern, say in _WARNINGS:
        match = pattern.search(text)
        if match:
            said = say(match)
            return said if said.startswith("第") or not line else f"第{line[1]}行：{said}"
    return UNTRANSLATED_WARNING
