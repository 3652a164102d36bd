"""Page furniture: lines printed on a page that belong to no article.

Two kinds of evidence, both about newspapers in general rather than particular pages:

- the line itself, by class: the broad patterns of `data/furniture.yaml` (licences, page
  numbers, photo credits, notes on pictures, footers inviting to scan, follow, download or
  subscribe); credit lines parsed by the grammar of `credit_grammar` there — any marker, then
  items "role names" or "contact label value" with any separator, as many as a line holds
  ("■ 责任编辑 张三 | 美术编辑 李四；版式设计：王五　电话 010-65368486"); folio lines by their
  structure — a printed date or page number with at most a publication name and a page
  section beside it, in any order ("人民日报 2026年3月30日 星期一 第6版 要闻", "4 科技日报");
- its place: the folio block at the top or bottom of a page is a stack of short lines
  (publication name, date, page number, page section). A short line standing between two
  furniture lines, or next to a page number or a publication name, is part of that block.
  A credit glued after a caption on one line is split off it, and the rest of a credit
  wrapped onto the next block joins it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import Enum
from functools import cache, lru_cache

from parkdigest.convert.dates import printed_date_spans
from parkdigest.convert.model import HEAD_KINDS, Block, Kind, LineRule
from parkdigest.resources import Says, StructuralRule, furniture_rules, layout_words, load_yaml, says_of
from parkdigest.text import HAN, HAN_CHAR, NUMBERED_PAGE, PAGE_UNIT, SENTENCE_END_NO_ELLIPSIS, alternation

# The words a picture's credit ends with: taken by (摄), provided by (提供, 供图, 供稿).
PICTURE_CREDIT_ENDS = ("摄", "提供", "供图", "供稿")
# A folio line: publication, date, weekday, page number and page section, nothing more.
FOLIO_MAX_CHARS = 60
# What a folio line may hold besides its date, weekday and page number: a publication name
# and a page section (科技日报 财经, 人民日报 特别报道).
FOLIO_REST_MAX_CHARS = 14
# A page section or a publication name standing alone in the folio block (要闻, 人民日报,
# 特别报道); longer lines are text.
FOLIO_WORD_MAX_CHARS = 8
# A page section printed beside a bare page number (4 | 要闻, 科技园区 A3): a few characters.
SECTION_MAX_CHARS = 6
# The folio block sits within this many lines of the top or the bottom of the page.
EDGE_LINES = 8

# A Chinese name is 2-4 characters (compound surnames included); bylines space them out.
NAME_MIN_CHARS, NAME_MAX_CHARS = 2, 4
# A role glued to its name with no separator (责任编辑张三) is read only for a qualified role
# of this length: a bare two-character role before a word (设计时代) is more likely a headline.
GLUED_ROLE_MIN_CHARS = 4
# ... and for any role (责编, 美编) on a line that prints two such items or more.
GLUED_ROLE_REPEATED_MIN_CHARS = 2
# A credit glued after a caption is a few names and roles (制图：张芳曼, 新华社记者 毛思倩摄).
TRAILING_CREDIT_MAX_CHARS = 40
# A piece of a photo credit wrapped onto the next block ("中国）" under "…摄（影像") is short.
CREDIT_TAIL_MAX_CHARS = 12
# Punctuation that ends or joins a sentence: a credit line has none.
_SENTENCE_END = re.compile(f"[{SENTENCE_END_NO_ELLIPSIS}]")
# Stands for a contact value (phone, mailbox, web address) while a credit line is parsed.
_VALUE = "\x00"
# Two single characters with spaces between them: a two-character name spaced out (吕  莉).
_SPACED_NAME = re.compile(rf"(?<![{HAN}])([{HAN}])[ \u3000]{{1,3}}([{HAN}])(?![{HAN}])")
# An identifier of a social or web account (微信 kjrbwx, QQ 12345).
_ACCOUNT = re.compile(r"[A-Za-z0-9_.\-@]{3,40}")
# A weekday, letter-spaced too (星 期 日) — 周 only glued (本周 一些 is text).
_WEEKDAY = re.compile(r"(星\s*期|礼\s*拜)\s*[一二三四五六日天]|周[一二三四五六日天]")
_PAGE_MARK = re.compile(rf"{NUMBERED_PAGE}|(?<![\d.])[A-Z]?\d{{1,3}}(?![\d.%])\s*{PAGE_UNIT}?")
_NUMBERED_PAGE = re.compile(NUMBERED_PAGE)
_PAGE_COLON = re.compile(rf"({PAGE_UNIT})\s*[：:]")
_SEPARATORS = re.compile(r"[\s■◆●□|｜·•—\-－–/]+")
# Sentence punctuation: a folio line has none.
_SENTENCE_MARKS = re.compile(r"[，。；！？、“”：]")
_WORD_ONLY = re.compile(rf"^[{HAN}·\s]+$")


def load() -> None:
    """Read and compile furniture.yaml's rules and grammar now rather than at the first line
    that asks (a process about to convert pages loads them up front)."""
    furniture_rules()
    credit_grammar()
    _bare_page_number()


# A line is asked about several times (unwrapping, splitting a caption from its credit,
# classifying); one page's worth of answers is kept.
@lru_cache(maxsize=4096)
def furniture_rule(text: str) -> str:
    """The name of the furniture rule a line matches on its own, or ''."""
    return _rule_of_one_line(text) or _glued_lines_rule(text)


# Each of two furniture lines glued into one holds at least this many characters (资料图, 邮编：100038),
# and the two together at most this many (a credit or contact line is short; a longer line that
# opens with a role word is text, and is not cut at every place).
GLUED_PART_MIN_CHARS = 3
GLUED_LINE_MAX_CHARS = 160
# Notes printed side by side at the foot of a page share a row, and a copy glues them: two pictures'
# credits (受访者供图视觉中国, 郑 坤摄视觉中国), a footer and a note on the pictures (扫描二维码
# 关注园区周刊官方微信本版图片除署名外均由受访单位提供). A line this short (two notes of about 20
# characters) that splits into two such notes is furniture, whatever it opens with.
GLUED_NOTES_MAX_CHARS = 40


# What only a page's own notes say, never a story's text: its production credits, its contact details.
_PAGES_OWN = frozenset({Says.PRODUCTION_CREDIT, Says.CONTACT})


def _glued_lines_rule(text: str) -> str:
    """Two furniture lines that the copy glued into one, with no space between (责编 周勇 | 美编
    吕秀英本版图片来源：新华社, 责任编辑 董洋 校对 蒋维本报地址：北京市复兴路15号): the rule of the
    first, when the line opens as a credit line does (a role or a contact label) and splits into
    two lines that are each furniture; or a short line of two notes that are furniture by their
    words, not by a page number (受访者供图视觉中国, 扫描二维码…本版图片除署名外均由受访单位提供; not
    本报西宁10|月25, a dateline that reads as a section and a folio date), unless the second is
    the page's production credits or contact details (2026年2月23日 星期一 第12版 责任编辑：沈静,
    第10版投稿信箱：…@…): no text cut reads so."""
    grammar = credit_grammar()
    bare = _unmarked(text.strip())
    opening = bare.lstrip("（(")  # a credit line may be set in round brackets
    opens_as_credit = bool(grammar.role.match(opening) or grammar.contact.match(opening))
    if len(bare) > (GLUED_LINE_MAX_CHARS if opens_as_credit else GLUED_NOTES_MAX_CHARS):
        return ""
    for cut in range(GLUED_PART_MIN_CHARS, len(bare) - GLUED_PART_MIN_CHARS + 1):
        if _inside_a_number_or_word(bare, cut):
            continue
        first = _rule_of_one_line(bare[:cut])
        second = _rule_of_one_line(bare[cut:]) if first else ""
        if second and (opens_as_credit or _PAGES_OWN & says_of(second)
                       or not (_numbers_the_page(first) or _numbers_the_page(second))):
            return first
    return ""


def _inside_a_number_or_word(text: str, cut: int) -> bool:
    """Whether a cut at this place would split a number or a Latin word (济宁高新区自1|992):
    two lines glued meet where one line's last character and the next's first are apart."""
    return text[cut - 1].isascii() and text[cut - 1].isalnum() and text[cut].isascii() and text[cut].isalnum()


def _numbers_the_page(rule: str) -> bool:
    """The rule's lines print the page number (a folio, a section with its number): such a line is
    furniture where it stands alone at the page's edge, but a number glued after other words is a
    dateline's or a figure's."""
    says = says_of(rule)
    return Says.PAGE_NUMBER in says or Says.PAGE_NUMBER_ALONE in says


def _unmarked(text: str) -> str:
    """The line less its marker, and the brackets around it: typography (■ 扫码阅读全文 is the
    footer 扫码阅读全文, 【内部资料 免费交流】 the notice 内部资料 免费交流)."""
    markers = credit_grammar().markers + " \u3000"
    bare = text.lstrip(markers)
    return _unenclosed(bare.rstrip(markers) if bare != text else bare)


def _unenclosed(text: str) -> str:
    """A line set in round brackets as a whole ((责任编辑：沈静), （广告）) less them: the brackets
    are typography, as a marker is. Two notes glued ((王伟 摄)(王伟 绘)) keep theirs."""
    if len(text) < 3 or text[0] not in "（(" or text[-1] not in "）)":
        return text
    depth = 0
    for character in text[1:-1]:
        depth += (character in "（(") - (character in "）)")
        if depth < 0:
            return text
    return text[1:-1] if depth == 0 else text


def _rule_of_one_line(text: str) -> str:
    line_rules, _ = furniture_rules()
    bare = _unmarked(text)
    for rule in line_rules:
        if rule.pattern.search(text) or (bare != text and bare and rule.pattern.search(bare)):
            return rule.name
    if is_folio(text):
        return StructuralRule.FOLIO.value
    return StructuralRule.ROLE_CREDITS.value if is_role_credits(text) else ""


@dataclass(frozen=True)
class CreditGrammar:
    """The grammar of credit lines (furniture.yaml `credit_grammar`), compiled once."""

    markers: str
    separators: re.Pattern
    role: re.Pattern
    contact: re.Pattern
    address_labels: frozenset[str]
    value: re.Pattern
    account: re.Pattern  # an account's label and its name (官方微博：@科技日报): group 1 the label
    # The roles of a byline (layout.yaml's byline_roles): after an editor's credit they credit
    # reporters and interns with the page (本版编辑 沈静 实习生 王晓); a line that opens with one
    # is a story's byline, so they count only after an editorial role.
    reporter: re.Pattern
    address: re.Pattern


@cache
def credit_grammar() -> CreditGrammar:
    data = load_yaml("furniture.yaml")["credit_grammar"]

    def either(*keys: str) -> str:
        """One alternation of the lists' words, the longest first (本版编辑 before 编辑)."""
        return alternation(tuple(w for key in keys for w in data[key]["words"]))

    # an account's label is a contact label too (官方微博 kjrb, 抖音号 12345)
    contact = (f"{either('contact_prefixes')}{{0,{data['contact_prefixes']['most']}}}"
               f"{either('contact_labels', 'account_labels')}")
    return CreditGrammar(
        markers=data["markers"]["chars"],
        separators=re.compile(f"[{re.escape(data['separators']['chars'])}]+"),
        role=re.compile(f"{either('role_prefixes')}{{0,{data['role_prefixes']['most']}}}{either('roles')}"),
        contact=re.compile(contact),
        address_labels=frozenset(data["address_labels"]["words"]),
        value=re.compile(data["values"]["pattern"]),
        account=re.compile(f"({either('account_labels')}(?=\\s*[：:])|{contact}(?=\\s*[：:]?\\s*[@＠]))"
                           f"\\s*[：:]?\\s*{data['account']['pattern']}"),
        reporter=re.compile(alternation(tuple(layout_words()["byline_roles"]))),
        address=re.compile(data["address"]["pattern"]),
    )


def is_role_credits(text: str) -> bool:
    """A line of production credits and contact details in any wording: only items "role
    names" and "label value" (责编：马骏  美编：孙浩, ■ 责任编辑 张三 | 美术编辑 李四；版式设计：
    王五, 本版编辑 杨帆 电话 010-65368486), each name opening with a Chinese surname."""
    grammar = credit_grammar()
    body = _unenclosed(text.strip().strip(grammar.markers + " \u3000"))
    if not body or _SENTENCE_END.search(body):
        return False
    body = body.replace("丨", "｜")  # a Han stroke papers print as a bar: a separator, not a name's character
    body = grammar.account.sub(rf"\1 {_VALUE} ", grammar.value.sub(f" {_VALUE} ", body))
    words = [part for w in grammar.separators.split(_join_spaced_names(body)) if w
             for part in _glued_role_items(w, grammar) or (w,)]
    # A short role glued to its name (责编于敏) counts where the line repeats the form, item
    # after item (责编于敏|美编朱强): no headline does.
    return _credit_items(words, grammar) > 0 or _credit_items(words, grammar, GLUED_ROLE_REPEATED_MIN_CHARS) > 1


def _glued_role_items(word: str, grammar: CreditGrammar) -> tuple[str, ...]:
    """A word that is wholly two or more items "role name" glued, no separator at all, as a
    copy prints a credit line whose spaces it dropped (责任编辑郭文博校对陈艳), cut into its roles
    and names; () for any other word. The form repeated makes it sure: no headline reads so."""
    items = _role_name_cut(word, grammar)
    return items if items is not None and len(items) >= 4 else ()


def _role_name_cut(word: str, grammar: CreditGrammar) -> tuple[str, ...] | None:
    """The word cut into role, name, role, name…, or None when it cannot be."""
    if not word:
        return ()
    for end in range(len(word) - 2, 1, -1):  # the longest role first: 责任编辑 before 编辑
        role, rest = word[:end], word[end:]
        if not grammar.role.fullmatch(role):
            continue
        for length in range(NAME_MAX_CHARS, NAME_MIN_CHARS - 1, -1):
            name = rest[:length]
            after = _role_name_cut(rest[length:], grammar) if len(name) == length and _is_name(name) else None
            if after is not None:
                return (role, name, *after)
    return None


def _join_spaced_names(text: str) -> str:
    """A name spaced out as papers print two-character names (校对：吕  莉 -> 吕莉)."""
    return _SPACED_NAME.sub(r"\1\2", text)


class _Head(Enum):
    """What opens an item of a credit line, and so what its values must be."""

    ROLE = "role"  # names
    CONTACT = "contact"  # a phone, a mailbox, a web address or an account
    ADDRESS = "address"  # a postal address, or any contact value


def _credit_items(words: list[str], grammar: CreditGrammar, glued_role_min: int = GLUED_ROLE_MIN_CHARS) -> int:
    """How many items "head value…" the words make, or 0 when a word is none of the grammar's."""
    items, head, filled, opened_by_role = 0, None, True, False
    for word in words:
        kind, rest = _credit_head(word, grammar, glued_role_min)
        if kind is None and opened_by_role and grammar.reporter.fullmatch(word):
            kind, rest = _Head.ROLE, ""  # 本版编辑 沈静 实习生 王晓: the page's credits name a reporter after its editor
        opened_by_role = opened_by_role or (items == 0 and kind is _Head.ROLE)
        if kind is not None:
            if not filled:
                return 0  # a role or a label with nothing after it
            items, head, filled = items + 1, kind, False
            if not rest:
                continue
            word = rest
        if head is None or not _credit_value(head, word, grammar):
            return 0
        filled = True
    return items if filled else 0


def _credit_head(word: str, grammar: CreditGrammar, glued_role_min: int) -> tuple[_Head | None, str]:
    """(what the word opens, what follows it in the word) when the word opens with a role or
    a contact label; (None, word) otherwise."""
    if grammar.role.fullmatch(word):
        return _Head.ROLE, ""
    if grammar.contact.fullmatch(word):
        return _contact_head(word, grammar), ""
    for end in range(len(word) - 1, 1, -1):
        head, rest = word[:end], word[end:]
        if grammar.contact.fullmatch(head):
            kind = _contact_head(head, grammar)
            if rest == _VALUE or _credit_value(kind, rest, grammar):
                return kind, rest
        if end >= glued_role_min and grammar.role.fullmatch(head) and _is_name(rest):
            return _Head.ROLE, rest
    return None, word


def _contact_head(label: str, grammar: CreditGrammar) -> _Head:
    return _Head.ADDRESS if label.endswith(tuple(grammar.address_labels)) else _Head.CONTACT


def _credit_value(head: _Head, word: str, grammar: CreditGrammar) -> bool:
    if head is _Head.ROLE:
        return _is_name(word)
    if word == _VALUE or _ACCOUNT.fullmatch(word):
        return True
    return head is _Head.ADDRESS and bool(grammar.address.fullmatch(word))


def names_in(text: str) -> tuple[str, ...]:
    """The names a run of Chinese characters is, glued with no space (曹瑞王五: 曹瑞, 王五), each
    a whole name (`is_whole_name`); () when it is not names alone."""
    if not text:
        return ()
    for length in range(NAME_MAX_CHARS, NAME_MIN_CHARS - 1, -1):
        name, rest = text[:length], text[length:]
        if len(name) == length and is_whole_name(name) and (not rest or (after := names_in(rest))):
            return (name, *after) if rest else (name,)
    return ()


def is_whole_name(name: str) -> bool:
    """A person's whole name (石羚, 欧阳日辉): a surname (one character, or a compound one) and a
    given name of one or two characters."""
    surname = surname_length(name)
    return surname > 0 and 1 <= len(name) - surname <= 2


def _is_name(name: str) -> bool:
    compact = re.sub(r"\s+", "", name)
    return NAME_MIN_CHARS <= len(compact) <= NAME_MAX_CHARS and surname_length(compact) > 0


def surname_length(name: str) -> int:
    """How many characters of the name are its surname (layout.yaml's lists): 2 for a
    compound surname (欧阳), 1 for a single one, 0 when it opens with no surname known."""
    words = layout_words()
    if name[:2] in words["compound_surnames"]:
        return 2
    return 1 if name[:1] in words["surnames"] else 0


def is_photo_credit(rule: str) -> bool:
    """The rule's lines credit a picture or say where the page's pictures come from."""
    return Says.PICTURE_CREDIT in says_of(rule)


def is_folio_anchor(rule: str) -> bool:
    """The rule's lines anchor the folio block (a page number, a publication name, a Latin
    masthead): a short line next to one of them is a page section or a publication name
    printed in the folio. (A line next to the date line alone may be a column label above the
    first title: 创新视点 — the folio's structural rule is no anchor.)"""
    return Says.FOLIO_ANCHOR in says_of(rule)


def is_folio(text: str) -> bool:
    """A folio line: a printed date, weekday or page number, and beside it at most a
    publication name and a page section, in any order (人民日报 2026年3月30日 星期一 第6版,
    4 科技日报 2025年2月18日, 科技日报 要闻 A3)."""
    text = _PAGE_COLON.sub(r"\1 ", text)  # 第04版：要闻 — the colon only introduces the section
    if len(text) > FOLIO_MAX_CHARS or _SENTENCE_MARKS.search(text):
        return False
    spans = printed_date_spans(text)
    rest = text
    for start, end, _ in reversed(spans):
        rest = rest[:start] + " " + rest[end:]
    weekday = _WEEKDAY.search(rest)
    page = _NUMBERED_PAGE.search(rest)
    bare = _bare_page_number().search(rest)
    number = _PAGE_MARK.search(rest)  # a page number, or a count: a publication name beside it decides
    if not (spans or weekday or page or number):
        return False
    rest = _WEEKDAY.sub(" ", rest)
    rest = _PAGE_MARK.sub(" ", rest)
    words = [w for w in _SEPARATORS.split(rest) if w]
    if sum(len(w) for w in words) > FOLIO_REST_MAX_CHARS:
        return False
    if weekday or page or not words:
        return True
    # A bare date with a few words could be a headline ("2025年12月3日起施行"), a bare number
    # with words a figure ("5G基站"): beside a date, a page number makes it a folio; a page
    # number alone needs a publication name or one page section (4 | 要闻, as section-page).
    return bool((spans and bare) or ((spans or number) and _names_publication(words))
                or (bare and len(words) == 1 and _is_folio_word(words[0]) and len(words[0]) <= SECTION_MAX_CHARS))


@cache
def _bare_page_number() -> re.Pattern:
    """A page number standing alone (4, 04, A3, 12版): no count word after it."""
    counts = re.escape(load_yaml("furniture.yaml")["folio"]["count_words"]["chars"])
    return re.compile(rf"(?<![\dA-Za-z.])[A-Z]?\d{{1,3}}(?![\d.%A-Za-z{counts}])")


def _names_publication(words: list[str]) -> bool:
    """The words are a publication name, with at most a page section before or after it
    (科技日报, 科技日报要闻, 要闻 中国高新技术产业导报)."""
    if len(words) > 2:
        return False
    if len(words) == 2:
        return any(furniture_rule_name_only(w) and _is_folio_word(other) for w, other in (words, words[::-1]))
    word = words[0]
    if furniture_rule_name_only(word):
        return True
    return any((furniture_rule_name_only(word[:cut]) and _is_folio_word(word[cut:]))
               or (furniture_rule_name_only(word[cut:]) and _is_folio_word(word[:cut])) for cut in range(2, len(word) - 1))


def furniture_rule_name_only(text: str) -> bool:
    """The text is a newspaper's name by its shape (科技日报, 湖南日报 4)."""
    line_rules, _ = furniture_rules()
    return any(Says.NEWSPAPER_NAME in rule.says and rule.pattern.search(text) for rule in line_rules)


def mark_folio_block(blocks: list[Block], total_lines: int) -> list[Block]:
    """Furniture decided among a line's neighbours (classify's one block-level hook here):
    a credit glued after a caption on one line split off it, the rest of a credit wrapped
    onto the next block joined to it, the short lines of the folio block — between two
    furniture lines, or next to a page number or publication name near the top or bottom of
    the page — then the masthead and the name over the page's contact lines."""
    out = _join_credit_tails(_split_trailing_credits(list(blocks)))
    changed = True
    while changed:
        changed = False
        for i, block in enumerate(out):
            if block.kind is Kind.FURNITURE or not _is_folio_word(block.text):
                continue
            before = out[i - 1] if i > 0 else None
            after = out[i + 1] if i + 1 < len(out) else None
            near_edge = block.first_line <= _edge_top(out) or block.last_line >= _edge_bottom(out, total_lines)
            between = _is_furniture_or_edge(before) and _is_furniture_or_edge(after) and near_edge
            beside_anchor = near_edge and any(n is not None and n.kind is Kind.FURNITURE and is_folio_anchor(n.rule)
                                              for n in (before, after))
            # Under the folio's date line, a short line over no head is the page's section: a column
            # label stands over a head (创新视点 over its title, 经济观察 over a kicker), never over a
            # picture's caption or running text.
            under_folio = (near_edge and before is not None and before.kind is Kind.FURNITURE
                           and before.rule == StructuralRule.FOLIO and after is not None
                           and after.kind not in HEAD_KINDS
                           and after.rule != LineRule.HEADLINE_CANDIDATE)
            if between or beside_anchor or under_folio:
                out[i] = as_furniture(block, StructuralRule.FOLIO_BLOCK.value)
                changed = True
    return _mark_contact_holder(_mark_masthead(out), total_lines)


# A masthead is the publication's name and who publishes it: a few short lines, no sentence.
MASTHEAD_MAX_LINES = 3
# A publication's or an organisation's name on a line of its own (科技部火炬高技术产业开发中心: 14).
NAME_LINE_MAX_CHARS = 20


def _mark_masthead(blocks: list[Block]) -> list[Block]:
    """The lines above the issue or date line that opens the page are its masthead: the
    publication's name and its publisher (火炬动态 / 科技部火炬高技术产业开发中心 / 2022年第12期…):
    a newsletter or a paper prints nothing else above it. A copy may read the masthead last: the
    few words right above the furniture that ends the page, with its date or issue line, are the
    publication's name and the page's section (火炬动态 / 政策速递 / 2025年5月6日 星期二 /
    2025年第11期 / 第15页)."""
    top = next((i for i, b in enumerate(blocks[: MASTHEAD_MAX_LINES + 1]) if _dates_the_issue(b)), None)
    if top is not None and all(b.kind is Kind.FURNITURE or _is_a_name(b) for b in blocks[:top]):
        return [_as_masthead(b) for b in blocks[:top]] + blocks[top:]
    tail = len(blocks)
    while tail > 0 and blocks[tail - 1].kind is Kind.FURNITURE:
        tail -= 1
    if not 0 < tail < len(blocks) or not any(_dates_the_issue(b) for b in blocks[tail:]):
        return blocks
    start = tail
    while start > max(0, tail - MASTHEAD_MAX_LINES) and _is_folio_word(blocks[start - 1].text):
        start -= 1
    return blocks[:start] + [_as_masthead(b) for b in blocks[start:tail]] + blocks[tail:]


def _dates_the_issue(block: Block) -> bool:
    """A folio's date line or a periodical's issue line."""
    return block.kind is Kind.FURNITURE and (block.rule == StructuralRule.FOLIO or Says.ISSUE in says_of(block.rule))


def _is_a_name(block: Block) -> bool:
    """A line short enough for a publication's or an organisation's name, and no sentence."""
    return len(block.text) <= NAME_LINE_MAX_CHARS and not _SENTENCE_MARKS.search(block.text)


def _as_masthead(block: Block) -> Block:
    return block if block.kind is Kind.FURNITURE else as_furniture(block, StructuralRule.MASTHEAD.value)


def as_furniture(block: Block, rule: str) -> Block:
    """The block, now furniture by the rule (its text and place kept)."""
    return replace(block, kind=Kind.FURNITURE, rule=rule)


def _mark_contact_holder(blocks: list[Block], total_lines: int) -> list[Block]:
    """A short name right over the page's contact lines at its top or bottom, with no line
    between, is whose contacts they are (科技部火炬高技术产业开发中心 / 地址：… / 邮编：…)."""
    out = list(blocks)
    for i, (block, after) in enumerate(zip(out, out[1:])):
        if (block.kind is not Kind.FURNITURE and after.kind is Kind.FURNITURE and Says.CONTACT in says_of(after.rule)
                and after.gap_before == 0 and _is_a_name(block)
                and (block.first_line <= _edge_top(out) or block.last_line >= _edge_bottom(out, total_lines))):
            out[i] = as_furniture(block, StructuralRule.CONTACT_HOLDER.value)
    return out


def _is_folio_word(text: str) -> bool:
    compact = re.sub(r"\s+", "", text)
    return len(compact) <= FOLIO_WORD_MAX_CHARS and bool(_WORD_ONLY.match(text))


def _is_furniture_or_edge(block: Block | None) -> bool:
    """The page's edge, or furniture that a folio block is made of. A picture's credit is none:
    it stands under its picture, anywhere on the page, and the short line beside it is that
    picture's title (创客比拼 between two credits), not a word of the folio."""
    return block is None or (block.kind is Kind.FURNITURE and not is_photo_credit(block.rule))


def _edge_top(blocks: list[Block]) -> int:
    """The last line number of the page's top zone: its first EDGE_LINES lines that are not
    furniture (a folio block is a stack of furniture: however many lines it has, and
    whatever stands above it, it is still at the edge)."""
    content = [b for b in blocks if b.kind is not Kind.FURNITURE] or blocks
    return content[min(EDGE_LINES, len(content)) - 1].last_line if content else 0


def _edge_bottom(blocks: list[Block], total_lines: int) -> int:
    content = [b for b in blocks if b.kind is not Kind.FURNITURE] or blocks
    return content[max(0, len(content) - EDGE_LINES)].first_line if content else total_lines


# What may be split off the end of a line after a space: the page's production credits and
# a picture's credit ("数据来源：国家数据局 制图：张芳曼" is a chart's caption and its credit).
_TRAILING_CREDITS = frozenset({Says.PRODUCTION_CREDIT, Says.PICTURE_CREDIT})


def _split_trailing_credits(blocks: list[Block]) -> list[Block]:
    """A caption or a line of text with a credit glued after a space: the credit is
    furniture, the text before it keeps its kind."""
    out: list[Block] = []
    for block in blocks:
        head, tail, rule = _trailing_credit(block.text) if block.kind is not Kind.FURNITURE else ("", "", "")
        if not tail:
            out.append(block)
            continue
        out.append(Block(block.kind, head, block.first_line, block.last_line, block.gap_before, block.rule))
        out.append(Block(Kind.FURNITURE, tail, block.last_line, block.last_line, 0, rule))
    return out


def _trailing_credit(text: str) -> tuple[str, str, str]:
    """(text, credit, rule) for the longest credit after a space at the end of the line."""
    for space in re.finditer(r"[ \u3000]+", text):
        head, tail = text[: space.start()], text[space.end():]
        if len(tail) > TRAILING_CREDIT_MAX_CHARS:
            continue
        rule = furniture_rule(tail)
        if _TRAILING_CREDITS & says_of(rule) and HAN_CHAR.search(head) and not furniture_rule(head) \
                and not _SENTENCE_END.search(tail):
            return head, tail, rule
    return text, "", ""


def _join_credit_tails(blocks: list[Block]) -> list[Block]:
    """The rest of a photo credit wrapped onto the next block, a short block: closing the bracket
    the credit left open ("…摄（影像" over "中国）"), finishing a credit whose wording is
    unfinished ("以上图片均为中国科学院上海有机" over "化学研究所提供"), or, with no sentence in it,
    finishing the last word of a line that is no credit on its own (科技部火炬中心供 / 图: read
    on, the two are one credit, both lines its own)."""
    out = list(blocks)
    for i in range(1, len(out)):
        before, block = out[i - 1], out[i]
        if block.kind is Kind.FURNITURE or len(block.text) > CREDIT_TAIL_MAX_CHARS:
            continue
        if before.kind is Kind.FURNITURE:
            if is_photo_credit(before.rule) and (_closes_its_bracket(before.text, block.text)
                                                 or _finishes_its_wording(before.text, block.text)):
                out[i] = as_furniture(block, before.rule)
        elif not _SENTENCE_MARKS.search(block.text):
            rule = furniture_rule(before.text.rstrip() + block.text.strip())
            if is_photo_credit(rule):
                out[i - 1], out[i] = as_furniture(before, rule), as_furniture(block, rule)
    return out


def _closes_its_bracket(credit: str, tail: str) -> bool:
    return _open_bracket(credit) and tail.endswith(("）", ")")) and not re.search(r"[（(]", tail)


def _finishes_its_wording(credit: str, tail: str) -> bool:
    """A picture credit ends with the word that says what was done (摄, 提供, 供图): one that
    ends otherwise goes on, and a tail that ends so, with no sentence in it, finishes it."""
    return (not credit.rstrip("）)").endswith(PICTURE_CREDIT_ENDS) and tail.endswith(PICTURE_CREDIT_ENDS)
            and not _SENTENCE_MARKS.search(tail))


def _open_bracket(text: str) -> bool:
    return text.count("（") + text.count("(") > text.count("）") + text.count(")")
