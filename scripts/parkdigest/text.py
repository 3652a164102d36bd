"""Facts about Chinese text that every part of the package shares."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Chinese characters (Han ideographs), as a regular-expression class body: the CJK Unified
# Ideographs, Extension A (rare and old characters in names) and the compatibility block.
# Use it as f"[{HAN}]".
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_CHAR = re.compile(f"[{HAN}]")  # one Chinese character

# Two phrases set apart by a space (小吃节 烟火味, 有“点赞之交”还不够 成都高新区玩转…): the halves of a
# parallel title. Running text puts no space between Chinese characters.
PARALLEL_HALVES = re.compile(rf"[{HAN}”] +[{HAN}“]")


def parallel_halves(text: str) -> list[re.Match[str]]:
    """The spaces that set a parallel title's halves apart (PARALLEL_HALVES), but for those inside
    a quotation: a quoted name keeps its own space (“不负韶华 国聘行动”火炬专场…), in a title or in
    running text alike."""
    return [m for m in PARALLEL_HALVES.finditer(text) if open_quotes(text[:m.start() + 1]) <= 0]


# The marks that end a sentence (GB/T 15834): full stop, exclamation and question marks, the
# Latin forms of the last two that copied text may carry, and the ellipsis (……). Every test
# of "does a sentence end here" starts from these; the named subsets below say which marks a
# use leaves out and why.
CHINESE_SENTENCE_END = "。！？"
LATIN_SENTENCE_END = "!?"
ELLIPSIS = "…"
# The full stop alone: headlines omit it (a title, a kicker, a label or a byline never ends
# with it), where a sentence set in headline type keeps it.
FULL_STOP = "。"
# Ended by a full stop, "!" or "?" — a credit line, a summary's cut, a word's start: an
# ellipsis there trails off a quotation or a list, it does not close the sentence.
SENTENCE_END_NO_ELLIPSIS = CHINESE_SENTENCE_END + LATIN_SENTENCE_END
# Whether a line ends its sentence: an ellipsis at a line's end closes it too.
SENTENCE_END = SENTENCE_END_NO_ELLIPSIS + ELLIPSIS

# The marks that end or part a clause inside a sentence or end it: running text is full of
# them, where a heading, a label or a byline has none (a title at most one comma).
CLAUSE_OR_SENTENCE_MARK = re.compile(r"[，。；！？]")

# Box markers: the solid and outline shapes a paper sets before a box's heading, a label, a
# list item, a byline or a credit line (■链接, ◆记者手记, ●人物小传, □本报记者, ◎编辑) —
# typography, not text: the same line with any of them, or none, says the same.
BOX_MARKERS = "■□◆◇●○▲△★☆◎"
# Arrows a paper sets before a byline or a label in the same way (▶记者 张三).
POINTERS = "▶►"
# What may stand before a byline's first word: a box marker, an arrow, the ">" of a quoted
# line in copied text, a space.
BYLINE_MARKS = BOX_MARKERS + POINTERS + "> "

# How a newspaper's name ends (科技日报, 中国高新技术产业导报, 北京青年报, 法制报 …), a weekly's
# too (中国经济周刊): each suffix names a paper by itself, so a few characters and one of them
# make a paper's name (data/furniture.yaml writes them as {newspaper}).
NEWSPAPER_SUFFIXES = ("日报", "晚报", "早报", "晨报", "快报", "时报", "商报", "周报", "周刊", "导报", "青年报", "法制报",
                      "经济报", "科技报")
# How the name of any news outlet ends, as a dateline or a byline names it: a newspaper (any
# name ending in 报), a station (湖南广播电视台), an agency (…通讯社) or a website (人民网).
# The newspaper suffixes stay in it: they let a paper's name run a character or two longer.
OUTLET_SUFFIXES = (*NEWSPAPER_SUFFIXES, "报", "广播电视台", "电视台", "通讯社", "网")


def alternation(words: tuple[str, ...]) -> str:
    """A regular expression matching any of the words, the longest first."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


# The number of a section of a long article or of a document it prints (一、 （二） 第一章
# 第三部分): a heading that opens with one heads a section, never an article of its own, with a
# box marker before it or not (●一、…: the marker is typography).
SECTION_NUMBER = re.compile(rf"^\s*[{BOX_MARKERS}]?\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十百\d]+(?:章|节|部分|篇))")
# A colon, full-width or not (a kicker ends with one, a list follows one).
COLONS = "：:"
# The unit a page is numbered in: a newspaper's 版 (第8版), a newsletter's or magazine's 页 (第11页).
PAGE_UNIT = "[版页]"
# A page number as a folio prints it: 第8版, 第 04 版, 第A3版, 第11页, 第十二版.
NUMBERED_PAGE = rf"第\s*(?:[A-Z]?\d{{1,3}}|[一二三四五六七八九十]{{1,3}})\s*{PAGE_UNIT}"
NEWSPAPER_SUFFIX = alternation(NEWSPAPER_SUFFIXES)
# The picture agencies and photo desks Chinese papers credit under a picture (视觉中国, CFP,
# 光明图片 …): a credit naming one is a picture's, never an article's author.
PICTURE_AGENCIES = ("视觉中国", "人民视觉", "影像中国", "东方IC", "图虫创意", "IC photo", "CFP", "光明图片", "人民图片",
                    "新华社", "中新社", "中新网", "全景网", "千库网", "摄图网", "站酷海洛", "Getty Images", "Imaginechina")
PICTURE_AGENCY = alternation(PICTURE_AGENCIES)
OUTLET_SUFFIX = alternation(OUTLET_SUFFIXES)
# An outlet named in a dateline (本报, 新华社, 湖南日报, 湖南广播电视台).
DATELINE_SOURCE = rf"(?:本报|新华社|中新社|[{HAN}]{{2,8}}{OUTLET_SUFFIX})"
# A news item's dateline, opening its first paragraph: 本报讯, 本报北京3月29日电, 新华社郑州
# 1月7日电, 湖南日报讯, 科技日报长沙6月3日讯, and a broadcaster's or website's 消息 (央视网消息,
# 央广网北京3月29日消息) — where it stands, a brief begins.
DATELINE = re.compile(rf"^[（(]?{DATELINE_SOURCE}([{HAN}]{{0,12}}\d{{1,2}}月\d{{1,2}}日)?(电|讯|消息)")
# A dateline a narrow column's line end cut before its 电 (本报北京6月10日 / 电（记者…), or inside
# its date (本报贵阳12月 / 14日电…): the outlet, place and month fill the line, and nothing else
# opens a line so.
DATELINE_CUT = re.compile(rf"[（(]?{DATELINE_SOURCE}[{HAN}]{{0,12}}\d{{1,2}}月(\d{{1,2}}日?)?")
# The rest of such a cut dateline, opening the next line: its day and 电 or 讯, or 电 alone, and
# the bracket naming the reporter (14日电（记者…, 日电（…, 电（记者…). Nothing else opens a line so.
DATELINE_REST = re.compile(r"^(\d{0,2}日)?(电|讯)[（(]")
# A dateline runs to this many characters at most (本报乌鲁木齐12月31日电 and an outlet of 8).
DATELINE_MAX_CHARS = 32


def dateline_end(text: str) -> int:
    """Where a dateline that opens the text ends (0: none opens it) — its characters maybe
    spaced out, as a justified narrow column sets them and a text tool copies them
    (本 报 北 京 3 月 23 日 电), or cut by the line's end before its 电 (DATELINE_CUT)."""
    compact = "".join(text[:2 * DATELINE_MAX_CHARS].split())
    found = DATELINE.match(compact)
    if not found and len(text) <= 2 * DATELINE_MAX_CHARS:
        found = DATELINE_CUT.fullmatch(compact)
    if not found:
        return 0
    end = seen = 0
    while seen < found.end():  # as many characters of the text, its spaces skipped
        seen += not text[end].isspace()
        end += 1
    return end


def dateline_opens(text: str) -> bool:
    """Does a dateline open the text (see dateline_end)?"""
    return dateline_end(text) > 0

# Closing quotes and brackets that may stand after a sentence's end (……说。”).
CLOSERS = "”’」』）)》】"
# Opening quotes and brackets: a typesetter keeps one off a line's end (GB/T 15834), and no
# headline ends with one.
OPENERS = "“‘「『（(《【"


def open_quotes(text: str, pair: str = "“”") -> int:
    """How many double quotation marks (or the marks of another pair: ‘’, 《》, （）) the text opens
    and leaves open (“让汽车生产像: 1); below 0, how many it closes that it never opened (搭积木一样
    灵活”: -1): a quotation broken at a line's end."""
    return text.count(pair[0]) - text.count(pair[1])


def sentence_closed(text: str) -> bool:
    """Does the text end at the end of a sentence (possibly inside closing quotes)?"""
    stripped = text.rstrip().rstrip(CLOSERS)
    if not stripped:
        return True
    if stripped[-1] in SENTENCE_END:
        return True
    # "……说。”" is closed; "“共同体”" at the end of a clause is not decided by the quote alone.
    return False


def heading_key(text: str) -> str:
    """A heading with its spacing and punctuation removed: a contents entry and the heading
    it lists compare equal though one was broken over two lines or quoted differently."""
    return re.sub(r"[\s【】“”\"'‘’：:，,—\-·]", "", text)


def strip_label(text: str) -> str:
    """A contents entry without its 【section】 label."""
    return re.sub(r"^【[^】]*】\s*", "", text)


@lru_cache(maxsize=8192)
def display_width(text: str) -> int:
    """The text's width in half-width units: a Chinese character or full-width mark is two.
    Ambiguous-width marks (“ ” …) are full width in Chinese type."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WFA" else 1 for ch in text)
