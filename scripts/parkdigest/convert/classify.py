"""Stage 3a — classify: decide what each non-blank line of a page is.

Only the line itself and its immediate neighbours are looked at here; deciding which
headline is a title and which is a subhead needs the whole page and happens in `segment`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace

from parkdigest.convert.furniture import (
    NAME_MAX_CHARS,
    PICTURE_CREDIT_ENDS,
    as_furniture,
    furniture_rule,
    is_photo_credit,
    is_whole_name,
    mark_folio_block,
    names_in,
    surname_length,
)
from parkdigest.convert.model import Block, Kind, LineRule, Page
from parkdigest.convert.runon import KICKER_MIN_CHARS, TITLE_MIN_CHARS
from parkdigest.convert.words import (
    PERSON_FLAG,
    breaks_a_word,
    ends_mid_phrase,
    first_tags,
    first_tags_guessing_names,
    is_dictionary_word,
    opens_with_adverbial,
    opens_with_reported_speech,
    tag,
    words_taken_up,
)
from parkdigest.convert.words import cut as jieba_words
from parkdigest.reference.gazetteer import find_zones, surface_forms
from parkdigest.resources import Says, StructuralRule, furniture_rules, layout_words, says_of
from parkdigest.text import (
    BOX_MARKERS,
    BYLINE_MARKS,
    CHINESE_SENTENCE_END,
    CLAUSE_OR_SENTENCE_MARK,
    CLOSERS,
    COLONS,
    DATELINE_REST,
    HAN,
    HAN_CHAR,
    OPENERS,
    OUTLET_SUFFIXES,
    PARALLEL_HALVES,
    SENTENCE_END,
    dateline_opens,
    display_width,
    heading_key,
    open_quotes,
    sentence_closed,
)

# Chinese headlines run to ~35 characters, plus a column tag in parentheses; body lines are
# paragraphs of 50+ (a short one ends its sentence).
HEADLINE_MAX_CHARS = 40
# A headline with a comma is short ("高质量发展，创新为要"); a longer line with a comma is a
# clause, unless it stands in a headline stack (a kicker above a title, a title in two lines):
# then `_context_pass` makes it a headline.
HEADLINE_WITH_COMMA_MAX = 24
# A kicker above a title may run longer than a title ("广西荔浦市年产衣架超40亿个，八成以上…").
KICKER_MAX_CHARS = 48
# A kicker, or a title's first half broken after its comma, holds one comma: a line with two is
# running text (`_has_sentence_punct`) (在“国补”8类家电产品基础上，今年1月20日，抖音商城 — a column's cut-off end).
# (No title, kicker or subtitle of the dev pages or of the typeset pages' gold holds two.)
KICKER_MAX_COMMAS = 1
# A byline is a few names and role words.
BYLINE_MAX_CHARS = 40
# A box's label (人物小传, 核心阅读) is a short noun phrase; a first paragraph cut short by a
# column right under the byline runs longer.
BOX_LABEL_MAX_CHARS = 6
# A photo caption is a sentence or two under a picture.
CAPTION_MAX_CHARS = 80
# A contents list needs at least this many entries repeated later on the page;
# one repeated line is more likely a pull quote or a repeated slogan.
MIN_CONTENTS_ENTRIES = 2

# Hard-wrapped pages: most lines share one display width (a Chinese character counts 2).
MIN_WRAPPED_LINES = 8  # too few lines to tell a wrap width
MIN_WRAP_WIDTH, MAX_WRAP_WIDTH = 16, 120  # narrow columns to full-width lines
# A full line may end a few units short: digits and Latin are half width, and
# normalizing removes the spaces that extraction put around numbers.
WRAP_SLACK = 8
WRAP_PERCENTILE = 0.9  # the common full width: most lines of a wrapped page reach it
WRAPPED_SHARE = 0.4  # share of lines at the wrap width that makes a page hard-wrapped
# A QR footer is a run of a few very short lines (扫一扫 / 欢迎关注 / 园区深观察 / 微信公众号);
# on a page without blank lines a longer line next to it is text, and stops the run.
GROUP_FURNITURE_MAX_CHARS = 12
# Share of a page's lines with a blank line above that says the page sets its blocks apart so (an
# extraction tool's copy: most blocks a line or two); pages typed as text have none or nearly all.
BLOCKS_APART_SHARE = 0.5

_BRACKET_LABEL = re.compile(r"^【([^】]{1,20})】\s*(.*)$")
_NAME = rf"[{HAN}·]{{2,4}}"
_NAMES_ONLY = re.compile(rf"^▶?\s*{_NAME}(\s+{_NAME}){{1,5}}$")
# One name alone, its characters possibly spaced out (石  羚, 欧阳日辉): a commentary's byline.
_LONE_NAME = re.compile(rf"^[{HAN}](\s*[{HAN}]){{1,3}}$")
# A column tag closes many headlines: "……（人民论坛）", "……（经济新方位·重大工程一线）".
COLUMN_TAG = re.compile(r"[（(][^（）()。；]{2,30}[）)]$")
# A line may hold a caption and, after a space, the credit of its picture.
_SPACES = re.compile(r"\s+")
# How the name of a paper, agency or station ends (湖南日报, 新华社, 湖南广播电视台, 人民网):
# the last characters of text.py's outlet suffixes (报, 社, 台, 网).
PAPER_SUFFIXES = tuple(sorted({suffix[-1] for suffix in OUTLET_SUFFIXES}))
# Where a correspondent is stationed, before the role word (本报驻京记者, 驻广东记者).
_STATIONED = re.compile(rf"驻[{HAN}]{{1,6}}?(?=(特约|见习|实习|首席)?记者)")
# A text's sentences, each with its end and the quotes or brackets that close after it.
_SENTENCES = re.compile(rf"[^{CHINESE_SENTENCE_END}]+[{CHINESE_SENTENCE_END}]+[{CLOSERS}]*")
# Where a person stands in a photo, as captions say it: （左）, （右二）, （中）, （前排左三）.
_PICTURE_POSITION = re.compile(r"[（(](前排|后排|第一排|第二排)?[左右中][一二三四五六七八九]?(起)?[）)]")


def classify_blocks(page: Page) -> tuple[Block, ...]:
    """Classify every non-blank line of the page, in file order."""
    blocks = _split_wrapped_credits(_first_pass(page))
    blocks = _mark_contents(blocks)
    blocks = _mark_group_furniture(blocks, page)
    blocks = mark_folio_block(blocks, len(page.lines))
    return tuple(_context_pass(_join_names_cut_by_the_column(blocks)))


# A byline that ends with one character after a space ends with a name cut by the column's
# width (Chinese names have two or three characters): the line under it of one or two
# characters is the rest of that name; so is one character under any byline (no title and no
# text is one character). A byline that ends with a role (本报记者) has its names on the next line.
_CUT_NAME = re.compile(rf"\s[{HAN}]$")
_NAME_REST = re.compile(rf"[{HAN}]{{1,2}}")


def _join_names_cut_by_the_column(blocks: list[Block]) -> list[Block]:
    """A byline and the rest of its last name on the next line (本报记者 吴 / 磊), that rest glued
    to the names after it by a copy that dropped the spaces (本报记者 周 / 涛曹瑞), or a role and
    the name under it (本报记者 / 叶伟): one byline."""
    roles = tuple(layout_words()["byline_roles"])
    out: list[Block] = []
    for block in blocks:
        previous = out[-1] if out else None
        if previous is None or previous.kind is not Kind.BYLINE or block.kind is Kind.FURNITURE:
            out.append(block)
        elif _NAME_REST.fullmatch(block.text) and (len(block.text) == 1 or _CUT_NAME.search(previous.text)):
            out[-1] = _joined(previous, block, "")
        elif _cut_after_a_role_or_name(previous.text, roles) and (names := _rest_and_names(block.text)):
            out[-1] = _joined(previous, replace(block, text=" ".join(names)), "")
        elif previous.text.endswith(roles) and _is_lone_name(block.text):
            out[-1] = _joined(previous, block, " ")
        else:
            out.append(block)
    return out


def _cut_after_a_role_or_name(byline: str, roles: tuple[str, ...]) -> bool:
    """Does the byline end with a name cut after its surname, standing after a role or a whole
    name (本报记者 周, 谢雨辰 周)? Not the second half of a two-character name spaced out
    (吕 强, 本报记者宋 芳)."""
    words = byline.lstrip(BYLINE_MARKS).split()
    return (len(words) >= 2 and bool(HAN_CHAR.fullmatch(words[-1]))
            and (words[-2] in roles or bool(names_in(words[-2]))))


def _rest_and_names(text: str) -> tuple[str, ...]:
    """The rest of a cut name and the names after it, glued by a copy that dropped the spaces
    (本报记者 周 / 涛曹瑞: 涛, 曹瑞), or () when the line is not that."""
    compact = text.replace(" ", "")
    if not all(HAN_CHAR.fullmatch(ch) for ch in compact):
        return ()
    for rest in (1, 2):
        names = names_in(compact[rest:])
        if names:
            return (compact[:rest], *names)
    return ()


def _joined(byline: Block, rest: Block, space: str) -> Block:
    return Block(Kind.BYLINE, byline.text + space + rest.text, byline.first_line, rest.last_line, byline.gap_before,
                 byline.rule)


def _first_pass(page: Page) -> list[Block]:
    words = layout_words()
    labels = set(words["labels"])
    out: list[Block] = []
    for first, last, text, gap in _unwrapped_lines(page):
        text, twice, twice_rule = _without_a_credit_read_twice(text)
        if twice:
            out.append(Block(Kind.FURNITURE, twice, first, last, 0, twice_rule))
        caption, credit, credit_rule = _split_picture_credit(text)
        if credit and not _is_byline(text, words):  # 记者 张伟 摄影 李娜 signs a story: no caption
            is_caption = sentence_closed(caption) or _has_caption_prefix(caption, words)
            out.append(Block(Kind.CAPTION if is_caption else Kind.BODY, caption, first, last, gap,
                             "caption-with-credit"))
            out.append(Block(Kind.FURNITURE, credit, last, last, 0, credit_rule))
            continue
        kind, rule = _classify_line(text, labels, words)
        head, byline = _split_trailing_byline(text, kind, words)
        if byline:
            head_kind, head_rule = _classify_line(head, labels, words)
            out.append(Block(head_kind, head, first, last, gap, head_rule))
            out.append(Block(Kind.BYLINE, byline, last, last, 0, "trailing-byline"))
            continue
        byline, head = _split_leading_byline(text, kind, words)
        if byline:
            head_kind, head_rule = _classify_line(head, labels, words)
            out.append(Block(Kind.BYLINE, byline, first, first, gap, "leading-byline"))
            out.append(Block(head_kind, head, first, last, 0, head_rule))
            continue
        if kind is Kind.BODY:
            body, credit = _split_trailing_credit(text, words)
            if credit:
                out.append(Block(Kind.BODY, body, first, last, gap, "body"))
                out.append(Block(Kind.CREDIT, credit, last, last, 0, "trailing-credit"))
                continue
        out.append(Block(kind, text, first, last, gap, rule))
    return out


def _split_wrapped_credits(blocks: list[Block]) -> list[Block]:
    """A caption whose credit wraps onto the next line ("…中国散裂中子源。新华社" over
    "记者  毛思倩摄"): the words after the caption's last full stop open the credit."""
    out: list[Block] = []
    for i, block in enumerate(blocks):
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        stop = block.text.rfind("。")
        tail = block.text[stop + 1:].strip() if stop > 0 else ""
        if (block.kind is Kind.BODY and tail and following is not None and following.kind is Kind.FURNITURE
                and is_photo_credit(following.rule) and following.first_line == block.last_line + 1
                and is_photo_credit(furniture_rule(tail + following.text))):
            head = block.text[: stop + 1]
            out.append(Block(Kind.CAPTION, head, block.first_line, block.last_line, block.gap_before,
                             "caption-with-credit"))
            out.append(Block(Kind.FURNITURE, tail, block.last_line, block.last_line, 0, following.rule))
            continue
        out.append(block)
    return out


def _split_trailing_byline(text: str, kind: Kind, words: dict) -> tuple[str, str]:
    """'当支付遇到AI，我们期待什么？（财经观）文/王  观' -> (title, byline): a byline printed
    beside a title or subtitle, read into the same block by the extraction tool. The head must
    be a headline alone (closed, no sentence), the tail a byline alone."""
    if kind in (Kind.BYLINE, Kind.FURNITURE) or len(text) > HEADLINE_MAX_CHARS + BYLINE_MAX_CHARS:
        return text, ""
    if dateline_opens(text):
        return text, ""  # a brief's dateline naming its reporter (本报讯（记者曾振…), cut at the line's end
    opens = tuple(words["byline_roles"]) + ("文/", "图/", "文／", "图／")
    for cut in range(2, len(text) - 2):
        if not text.startswith(opens, cut):
            continue  # the byline opens with its role (本报记者, 文/): where a paper's name starts is unsure
        head, tail = text[:cut].rstrip(BOX_MARKERS + " "), text[cut:].strip()
        if not _is_byline(tail, words):
            continue
        head = _without_paper_name(head, tail, words)
        if _is_headline(head) or (head.startswith("——") and len(head) <= HEADLINE_MAX_CHARS
                                  and not _has_sentence_punct(head)):
            return head, text[len(head):].strip()
    # A commentary's byline is the writer's name alone, right after the title's column tag.
    close = text.rfind("）")
    head, tail = text[: close + 1], text[close + 1:]
    if close > 0 and _is_lone_name(tail.strip()) and _is_headline(head) and closed_by_column_tag(head):
        return head, tail.strip()
    return text, ""


def _split_leading_byline(text: str, kind: Kind, words: dict) -> tuple[str, str]:
    """'本报记者 于大勇坚持创新驱动 推动产业升级芜湖高新区：…' -> (byline, head): a byline printed
    over its headline stack, read into one block with it by the extraction tool — the mirror of
    `_split_trailing_byline`. The line opens with the byline's role and names; the last name
    runs into the head with no space between, so the byline ends where that person's name ends
    (`_leading_name`). The rest must be a headline or a stack of heads: no sentence."""
    if kind in (Kind.BYLINE, Kind.FURNITURE) or len(text) > BYLINE_MAX_CHARS + LEADING_BYLINE_HEAD_MAX_CHARS:
        return "", text
    if _has_sentence_punct(text) or dateline_opens(text) or not _opens_with_a_byline(text, words):
        return "", text  # (neither a byline nor a head holds a sentence: 记者日前从…获悉，… is text)
    previous = ""
    for run in re.finditer(r"\S+", text):
        glued = run.group()
        body = glued.lstrip(BYLINE_MARKS)  # a mark glued to the role (■本报记者于…) is the byline's
        role = _role_opening(body, words)
        name = _leading_name(body[len(role):], padded=_is_lone_name_char(previous))
        previous = glued
        if not name or len(role) + len(name) == len(body):
            continue  # no name here, or a name standing alone: the head runs on from a later one
        cut = run.start() + len(glued) - len(body) + len(role) + len(name)
        byline, head = text[:cut], text[cut:].strip()
        if _is_byline(byline, words) and _heads_a_story(head):
            return byline, head
    return "", text


# The head after a byline read into one block with it may be a whole stack: a kicker over a
# title of two lines.
LEADING_BYLINE_HEAD_MAX_CHARS = KICKER_MAX_CHARS + HEADLINE_MAX_CHARS


def _opens_with_a_byline(text: str, words: dict) -> bool:
    return bool(_role_opening(_byline_body(text), words))


def _byline_body(text: str) -> str:
    """A byline less its marks; where a correspondent is stationed is part of the role
    (本报驻广东记者 reads as 本报记者)."""
    return _STATIONED.sub("", text.lstrip(BYLINE_MARKS).strip())


def _role_opening(run: str, words: dict) -> str:
    """The role a byline or a run of it opens with (本报记者于大勇…: 本报记者; 文/胡瑞…: 文/), or ''."""
    for pattern in words["byline_patterns"]:
        match = re.match(pattern, run)
        if match:
            return match.group()
    return next((role for role in _roles_longest_first(words) if run.startswith(role)), "")


def _roles_longest_first(words: dict) -> list[str]:
    """A byline's roles, the longest first: 本报记者 is read before 记者."""
    return sorted(words["byline_roles"], key=len, reverse=True)


def _is_lone_name_char(run: str) -> bool:
    """A run that is one character of a name a byline spaces out (胡　涛): its surname."""
    return len(run) == 1 and surname_length(run) == 1


def _leading_name(text: str, padded: bool) -> str:
    """The person's name a text opens with, glued to the words after it (于大勇坚持…: 于大勇), or
    ''. After a surname the byline spaced out (胡　涛2022年…) it is the one character left. A
    surname jieba reads alone is the name with the word after it (蔡 / 海滨 / 产业园: 蔡海滨)."""
    if padded:
        return text[:1] if HAN_CHAR.fullmatch(text[:1]) else ""
    tags = first_tags_guessing_names(text, 2)
    if not tags:
        return ""
    word, flag = tags[0]
    if flag.startswith(PERSON_FLAG) and is_whole_name(word):
        return word
    if len(tags) == 2 and len(word) == surname_length(word) and is_whole_name(word + tags[1][0]):
        return word + tags[1][0]
    return ""


def _heads_a_story(text: str) -> bool:
    """A headline, or a stack of heads read as one line (a kicker run into its title): no
    sentence, the shape of a headline."""
    core, _ = _headline_core(text)
    return (bool(core) and bool(HAN_CHAR.search(core)) and not _has_sentence_punct(core)
            and _headline_shape(core) and not opens_with_adverbial(core))


def _without_paper_name(head: str, byline: str, words: dict) -> str:
    """The head less the name of the paper or agency whose reporter the byline names
    (……推动节粮减损黑龙江日报 + 记者 …): jieba knows papers' names as words."""
    last = jieba_words(head)[-1] if head else ""
    if len(last) >= 3 and last.endswith(PAPER_SUFFIXES) and _is_byline(last + byline, words):
        return head[: -len(last)].rstrip()
    return head


def _split_picture_credit(text: str) -> tuple[str, str, str]:
    """'工程新疆段，东天山山区架设导线。　　吴世平摄' -> (caption, credit, rule): a caption and
    its picture's credit printed on one line, after a space or right after the caption's
    full stop (normalizing removes the space around a full-width mark). The longest credit
    wins: "…运维。 新华社记者  江宏景摄" is split at the full stop, not inside the credit."""
    if furniture_rule(text):
        return text, "", ""  # a credit with spaced names (新华社记者  杨世尧摄) is one line
    stop = text.rfind("。", 0, len(text) - 1)
    # A PDF extraction tool sets a single space where the print had a wide one.
    cuts = sorted({match.end() for match in _SPACES.finditer(text)} | ({stop + 1} if stop > 0 else set()))
    for cut in cuts:
        head, tail = text[:cut].rstrip(), text[cut:].strip()
        rule = furniture_rule(tail)
        if not (head and tail and rule) or furniture_rule(head) or not HAN_CHAR.search(head):
            continue
        if cut == stop + 1 and not is_photo_credit(rule):
            continue  # after a full stop only a photo credit is split off, not any furniture
        return head, tail, rule
    return text, "", ""


# Where a photo credit ends (……供图, ……摄, in brackets or not), and how far back it may start.
_CREDIT_END = re.compile(f"({'|'.join(PICTURE_CREDIT_ENDS)})）?")
CREDIT_MAX_CHARS = 24


def _without_a_credit_read_twice(text: str) -> tuple[str, str, str]:
    """A photo credit that a line holds twice (……细胞培养受访企业供图 实验。受访企业供图;
    （受访企业供图）昆明高新区全景。（受访企业供图）; ……信息。（高新（高新区管委会供图）区管委会
    供图）): a copy read the credit printed beside a caption into the caption's text, and the
    caption's own credit stands as well. The first copy (the longest credit that ends there) is
    furniture; the line is read without it: (line, credit, rule), or (line, "", "")."""
    if len(_CREDIT_END.findall(text)) < 2:
        return text, "", ""
    for end in (match.end() for match in _CREDIT_END.finditer(text)):
        for start in range(max(0, end - CREDIT_MAX_CHARS), end - 3):
            credit = text[start:end].strip()
            rule = furniture_rule(credit) if credit else ""
            if not rule or not is_photo_credit(rule):
                continue
            rest = text[:start].rstrip() + text[end:].lstrip()
            if credit in rest:
                return rest, credit, rule
    return text, "", ""


def _unwrapped_lines(page: Page) -> list[tuple[int, int, str, int]]:
    """(first line, last line, text, blank lines above) for each line of text, with
    hard-wrapped lines glued back: some pages come with every printed line on its own
    line of the file, all of one width. Paragraph-per-line pages are left as they are."""
    lines = [(line.number, line.text.strip()) for line in page.lines]
    width = _wrap_width([text for _, text in lines if text])
    apart = _blocks_set_apart([text for _, text in lines])
    words = layout_words()
    labels = set(words["labels"])
    out: list[tuple[int, int, str, int]] = []
    gap, previous_full = 0, False
    for number, text in lines:
        if not text:
            gap, previous_full = gap + 1, False
            continue
        printed = page.lines[number - 1].text.rstrip()  # as printed: its indent kept
        indented = printed.startswith(("\u3000\u3000", "    ", "\t"))
        # A line that is a whole unit on its own — furniture, or a byline (本报记者 宋朝军 over the
        # first line of a narrow column) — is no part of a wrapped paragraph, whatever its width.
        is_unit = bool(furniture_rule(text)) or _is_byline(text, words)
        # A wrapped line runs to the width (its indent counts), never past it: a longer line is
        # no rest of the paragraph above. If it ends its sentence it is a paragraph of its own;
        # if it goes on it is a headline set wider than the text (a title over several columns),
        # whose rest the next line may be.
        unwrapped = bool(width) and display_width(printed) > width + WRAP_SLACK
        full = bool(width) and display_width(printed) >= width - WRAP_SLACK and not (unwrapped and sentence_closed(text))
        same_block = apart and gap == 0  # printed right under the line above, in one block of the tool
        if out and (_closes_bracket_of(out[-1][2], text, same_block)
                    or (not width and same_block and _ends_a_wrapped_heading(out[-1][2], text, labels, words))):
            first, _, joined, above = out.pop()
            out.append((first, number, joined + text, above))
        elif (previous_full and gap == 0 and not indented and not unwrapped and not is_unit
              and not _tagged_headline(out[-1][2])
              and not dateline_opens(text)  # a dateline (本报北京3月25日电) opens its paragraph
              and not _line_after_a_paragraph(out[-1][2], text, full)):
            first, _, joined, above = out.pop()
            out.append((first, number, joined + text, above))
        else:
            out.append((number, number, text, gap))
        previous_full = full and not is_unit
        gap = 0
    return out


def _blocks_set_apart(texts: list[str]) -> bool:
    """Does the page set its blocks apart with blank lines, as an extraction tool gives them
    (BLOCKS_APART_SHARE)? Only there does a line printed right under another share its block;
    a page with no blank lines says nothing by it."""
    printed = [i for i, text in enumerate(texts) if text]
    after_blank = sum(1 for i in printed if i > 0 and not texts[i - 1])
    return bool(printed) and after_blank >= BLOCKS_APART_SHARE * len(printed)


# Marks inside a clause or at its end: a line holding one is text or a head of its own, no heading's rest.
_CLAUSE_MARK = re.compile(r"[，。；：、！？,;:!?]")


def _ends_a_wrapped_heading(previous: str, text: str, labels: set[str], words: dict) -> bool:
    """On a page whose paragraphs come one a line, a short line printed right under a heading
    (one block of the extraction tool) is that heading's end, wrapped (创造“不冒烟”的 / GDP, 一、产业
    园区合作共建的内容及 / 特点): the rest of a line set wider than the column, shorter than the line
    above and than any heading of its own (a kicker is a clause: KICKER_MIN_CHARS; a contents
    list's entries, 【创业孵化】 广州高新区再添… / 唐山高新区聚力培育双创载体, stand one a line), with
    no mark that would open or end a clause. A heading that ends announcing what
    follows (a kicker's —— or colon) has its title under it, not its rest; a byline or a line of
    furniture is a unit of its own."""
    return (len(text) < min(len(previous), KICKER_MIN_CHARS) and len(previous) + len(text) <= HEADLINE_MAX_CHARS
            and not _CLAUSE_MARK.search(text) and not closes_unopened_bracket(text)
            and not previous.endswith(("—", *OPEN_HEAD_ENDS))  # a kicker's dash (——) or colon
            and not furniture_rule(text) and not _is_byline(text, words)
            and _classify_line(previous, labels, words)[0] is Kind.HEADLINE)


def _line_after_a_paragraph(previous: str, text: str, full: bool) -> bool:
    """A wrapped paragraph's lines run to the full width but its last, which ends a sentence (or
    a clause before a list: ：；). A short line that ends none and reads as no sentence (no full
    stop, at most one comma), after a line that ended a sentence, is no line of that paragraph:
    a kicker, a heading ("…绽放精彩。" / "全国政协总工会界别——"). `full`: the line runs to the width."""
    return (sentence_closed(previous) and not full
            and not sentence_closed(text) and not text.endswith(tuple(COLONS)) and not _has_sentence_punct(text))


def _closes_bracket_of(previous: str, text: str, same_block: bool) -> bool:
    """A short line that closes the bracket the line before it left open is the end of that
    line, wrapped ("…江宏景摄（人民" / "视觉）", "…提升居住质量（改革再深化" / "奋进新征程·…故事）"):
    an extraction tool gives each printed line of a narrow column as a block of its own. A
    quotation closed so is a heading's end only printed right under it (`same_block`: one block of
    the tool) and closing no sentence ("赋能企业治理 减少政企间“认" / "知误差”"); after a blank line, or
    ending a sentence ("“科学报国，乃我辈" / "之责！”"), it is text a column cut."""
    if len(text) > HEADLINE_MAX_CHARS or _has_sentence_punct(text):
        return False
    if _opens_unclosed_bracket(previous) and closes_unopened_bracket(text):
        return True
    return same_block and not sentence_closed(text) and any(
        open_quotes(previous, pair) > 0 > open_quotes(text, pair) for pair in _QUOTE_PAIRS)


def _tagged_headline(text: str) -> bool:
    """A headline closed by its column tag ends its line even at the full width."""
    return bool(COLUMN_TAG.search(text)) and _is_headline(text)


def _wrap_width(texts: list[str]) -> int:
    """The width at which the page's text was hard-wrapped, or 0 if it was not: a large
    share of the lines end within a few characters of the page's common full width."""
    widths = sorted(display_width(t) for t in texts)
    if len(widths) < MIN_WRAPPED_LINES:
        return 0
    full = widths[int(len(widths) * WRAP_PERCENTILE)]
    if not MIN_WRAP_WIDTH <= full <= MAX_WRAP_WIDTH:
        return 0
    near = sum(1 for w in widths if full - WRAP_SLACK <= w <= full + WRAP_SLACK)
    return full if near >= WRAPPED_SHARE * len(widths) else 0


def _classify_line(text: str, labels: set[str], words: dict) -> tuple[Kind, str]:
    rule = furniture_rule(text)
    if rule:
        return Kind.FURNITURE, rule
    bracket = _BRACKET_LABEL.match(text)
    if bracket and not bracket.group(2):
        return Kind.LABEL, "bracket-label"
    if text in labels or text.replace(" ", "") in {label.replace(" ", "") for label in labels}:
        return Kind.LABEL, "known-label"
    if text.startswith("——") and len(text) <= HEADLINE_MAX_CHARS and "。" not in text:
        # A subtitle under a title, or the signature / source of a quote under a paragraph
        # ("——编  者", "——摘自…"): `_context_pass` tells them apart by what stands above.
        return Kind.HEADLINE, LineRule.DASH_LINE
    if _is_credit(text, words):
        return Kind.CREDIT, "credit"
    if _has_caption_prefix(text, words):
        return Kind.CAPTION, "caption-prefix"
    if _is_box_heading(text, words, markers=False):
        return Kind.HEADLINE, LineRule.BOX_HEADING
    if _is_byline(text, words):
        return Kind.BYLINE, "byline"
    if _is_box_heading(text, words):
        return Kind.HEADLINE, LineRule.BOX_HEADING
    if _is_kicker_and_title(text):
        return Kind.HEADLINE, LineRule.KICKER_AND_TITLE
    if _is_headline(text):
        return Kind.HEADLINE, LineRule.HEADLINE
    if _may_be_headline(text) or _is_unpunctuated_stack(text):
        return Kind.BODY, LineRule.HEADLINE_CANDIDATE
    if closes_unopened_bracket(text) and len(text) <= HEADLINE_MAX_CHARS and not _has_sentence_punct(text):
        return Kind.BODY, "bracket-tail"
    return Kind.BODY, "body"


def _has_sentence_punct(text: str) -> bool:
    return any(mark in text for mark in "。；;") or text.count("，") > KICKER_MAX_COMMAS


def closed_by_column_tag(text: str) -> bool:
    """Does a column tag close the line, after some headline text ("……（人民论坛）")?"""
    return _headline_core(text)[1]


def _headline_core(text: str) -> tuple[str, bool]:
    """The headline without its closing column tag, and whether it had one."""
    tag = COLUMN_TAG.search(text)
    if tag and tag.start() > 0 and not DATELINE_REST.match(text):  # (电（记者苏娜）: a reporter, no column)
        return text[: tag.start()], True
    return text, False


# The marks a kicker, or the first half of a title broken over two lines, ends with: the rest
# of its head stands right under it, never a byline.
OPEN_HEAD_ENDS = "，、：,:;；"


def _needs_a_line_under(text: str) -> bool:
    """Does the line end as a kicker or a title's first half does (……提出3方面工作要求：)? Over a
    byline it is no head: a paragraph that leads into the list after it, read above the next
    story's byline."""
    return text.rstrip().endswith(tuple(OPEN_HEAD_ENDS))


def _is_headline(text: str) -> bool:
    core, tagged = _headline_core(text)
    if len(core) > HEADLINE_MAX_CHARS or not HAN_CHAR.search(core):
        return False
    if not _headline_shape(core):
        return False
    commas = core.count("，")
    if tagged:
        return commas <= 2
    if opens_with_adverbial(core) or opens_with_reported_speech(core):
        return False  # a paragraph's opening (近年来，武进高新区坚持; 贾敬敦说，): a headline only in a stack
    if commas and (len(core) > HEADLINE_WITH_COMMA_MAX or commas > 1 or core[-1] in "？！?!"):
        return False  # a clause and a question: the opening of a paragraph, not a headline
    if core[-1] in OPEN_HEAD_ENDS:
        return False  # first half of a two-line headline, or a kicker: decided in context
    return True


def _is_kicker_and_title(text: str) -> bool:
    """A kicker ending with its dash and the title under it, read as one block by an extraction
    tool ("中航集团员工黄启东勇救落水父子不幸牺牲，获救者泣不成声——“我永远记得他手掌的温度”（守望）"):
    a kicker before the dash, a headline after it. A line ending with a word that never ends a
    phrase (words.ends_mid_phrase: ……将军县——江西省吉安市吉安县，位于) is a sentence with a dash
    in it, cut off by a column."""
    at = kicker_end(text)
    return at > 0 and _may_be_headline(text[:at]) and _is_headline(text[at:]) and not ends_mid_phrase(text)


def kicker_end(text: str) -> int:
    """Where a kicker run into its title ends: after a dash inside the line, or after a colon
    that a whole quotation follows (宋云涛：“为最终解决能源问题贡献中国智慧”, a person's words
    as the title); 0 when the line holds no such kicker. A title may hold a colon itself
    (江苏南京：竞逐新兴产业新赛道): only a whole quotation after it marks a kicker."""
    dash = text.find("——")
    while dash > 0 and _open_bracket(text[:dash]):
        dash = text.find("——", dash + 2)  # a dash inside brackets (【奋进新征程——…】) is the bracket's
    if dash > 0 and text[dash + 2:].strip():
        return dash + 2
    colon = text.find("：“")
    core, _ = _headline_core(text)
    if colon > 0 and core.endswith("”") and core.find("”", colon) == len(core) - 1 and not names_a_park(text):
        return colon + 1  # (a park's name and a colon open a title: 芜湖高新区：“四送一服”)
    return 0


# Brackets a kicker cannot end inside: a column label (【…】), a tag (（…）), a quotation, a work's name.
_BRACKET_PAIRS = ("【】", "（）", "“”", "《》", "〔〕")
# Quotation marks, and a work's name, which a heading may wrap inside (`_closes_bracket_of`).
_QUOTE_PAIRS = ("“”", "‘’", "《》")


def _open_bracket(text: str) -> bool:
    """The text leaves a bracket open (more openers than closers of one pair)."""
    return any(open_quotes(text, pair) > 0 for pair in _BRACKET_PAIRS)


def names_a_park(headline: str) -> bool:
    """"武汉东湖高新区：新兴产业重要策源地" — a park's name and a colon open a title: subheads
    of these papers never start with one, they talk about the park of their article."""
    head, colon, _ = headline.partition("：")
    return bool(colon) and head in surface_forms()


def is_park_title(line: str) -> bool:
    """A whole title that opens with its park's name and a colon: the title goes on after the colon."""
    return names_a_park(line) and len(line.partition("：")[2]) >= TITLE_MIN_CHARS


def _opens_with_a_park(line: str) -> bool:
    """A line with no comma that opens with a park's name and says something of it (济宁高新区
    精描细绘2020年发展蓝图): a title's form. A paragraph's first line names its subject and
    goes on past a comma within a line's width (济宁高新区自1992年创建，……)."""
    parks = find_zones(line)
    return "，" not in line and bool(parks) and parks[0].start == 0 and len(line) - parks[0].end >= TITLE_MIN_CHARS


def _title_read_after_its_byline(blocks: list[Block], i: int, next_i: int | None) -> bool:
    """A headline under a byline is the title that a copy read after its byline, not a first
    paragraph cut short by a column, when it is a parallel title (two phrases set apart by a
    space: running text has none; a space inside a quoted name counts here too, a line right
    under a byline holding one being a title far more often than a paragraph's first words)
    or opens with its park's name and a colon (a paragraph does not), or with its park's name
    and no comma (`_opens_with_a_park`),
    or when no running text follows it (a headline, a label or a picture's caption comes next: a
    cut paragraph's line is followed by the rest of its column), or when it says what the text
    under it is about (`_titles_the_text_under`)."""
    if PARALLEL_HALVES.search(blocks[i].text) or names_a_park(blocks[i].text) or _opens_with_a_park(blocks[i].text):
        return True
    if next_i is None:
        return False
    following = blocks[next_i]
    return following.kind in (Kind.HEADLINE, Kind.CAPTION, Kind.LABEL) or (
        following.kind is Kind.BODY and _beside_picture_credit(blocks, next_i)) or _titles_the_text_under(blocks, i, next_i)


# A title says what its text is about: this share of its telling words (by IDF) comes back in
# the two paragraphs under it (`words.words_taken_up`), or in the paragraph further down that
# opens a story with its dateline (a copy may read a row's titles first and their texts after);
# a paragraph's first line cut short by a column shares a word or two with what follows, if any,
# and goes on in the paragraph right under it, never in another story's opening.
TITLE_WORDS_TAKEN_UP = 1 / 3
TEXT_UNDER_A_TITLE_BLOCKS = 2


def _titles_the_text_under(blocks: list[Block], i: int, next_i: int) -> bool:
    """A line with no clause or sentence mark (running text has one every few words), no word
    running on into the text under it, whose telling words that text takes up: a title."""
    line, following = blocks[i].text, blocks[next_i]
    if CLAUSE_OR_SENTENCE_MARK.search(line) or following.kind is not Kind.BODY or _breaks_a_word(blocks[i], following):
        return False
    return titles_the_paragraphs_under(line, blocks[next_i:]) or any(
        words_taken_up(line, opening) >= TITLE_WORDS_TAKEN_UP for opening in _story_openings_under(blocks, next_i))


def titles_the_paragraphs_under(title: str, under: Sequence[Block]) -> bool:
    """Do the first paragraphs of `under` take up the title's telling words (TITLE_WORDS_TAKEN_UP)?"""
    paragraphs = [b.text for b in under if b.kind is Kind.BODY][:TEXT_UNDER_A_TITLE_BLOCKS]
    return words_taken_up(title, "".join(paragraphs)) >= TITLE_WORDS_TAKEN_UP


def _story_openings_under(blocks: list[Block], start: int) -> list[str]:
    """The paragraphs from `start` down to the next headline that open a story with its dateline."""
    openings = []
    for block in blocks[start:]:
        if block.kind is Kind.HEADLINE:
            break
        if opens_with_dateline(block):
            openings.append(block.text)
    return openings


def opens_a_story(content: Sequence[Block], k: int, head_bylines: frozenset[int] = frozenset()) -> bool:
    """Does paragraph k open a story? A dateline (本报讯……) opens one; so does the paragraph
    under a byline, unless that byline is one of `head_bylines` (a byline in a head's stack,
    when the heads are known, stands over that head's own text, not over a story read astray)."""
    return opens_with_dateline(content[k]) or (
        k > 0 and content[k].kind is Kind.BODY and content[k - 1].kind is Kind.BYLINE and k - 1 not in head_bylines)


def under_a_head_or_caption(content: Sequence[Block], k: int) -> bool:
    """Does paragraph k stand right under a headline, a byline or a picture's caption, where a
    story's text opens?"""
    return k > 0 and content[k - 1].kind in (Kind.HEADLINE, Kind.BYLINE, Kind.CAPTION)


def opens_a_news_story(content: Sequence[Block], k: int) -> bool:
    """Does paragraph k open a news story without a dateline: its lead (7月20日，…… 近日，……) right
    under a heading or a picture's caption, where a story's text opens?"""
    return under_a_head_or_caption(content, k) and opens_with_news_lead(content[k])


def opens_any_story(content: Sequence[Block], k: int, head_bylines: frozenset[int] = frozenset()) -> bool:
    """Does paragraph k open a story in either way: `opens_a_story` (a dateline, the paragraph
    under a byline) or `opens_a_news_story` (a news lead under a heading or a caption)?"""
    return opens_a_story(content, k, head_bylines) or opens_a_news_story(content, k)


def opens_with_dateline(block: Block | None) -> bool:
    """A brief's first paragraph opens with its dateline: 本报北京3月29日电（记者…）, 本报讯（记者…）
    (text.dateline_opens, asked of a paragraph)."""
    return block is not None and block.kind is Kind.BODY and dateline_opens(block.text)


# A news story's lead opens with when it happened: a date and a comma, or 近日/日前, which
# open a lead with or without one (近日，…… / 近日从山西转型综合示范区传来喜讯，……).
_NEWS_LEAD = re.compile(r"((\d{4}年)?\d{1,2}月\d{1,2}日[，,]|(近日|日前)[，,]?)")


def opens_with_news_lead(block: Block | None) -> bool:
    """A paragraph that opens as a news story's lead (7月19日，… 近日，… 近日从…获悉，…)."""
    return block is not None and block.kind is Kind.BODY and bool(_NEWS_LEAD.match(block.text))


def opens_as_a_lead(block: Block | None) -> bool:
    """A paragraph that opens as a news story's lead does: with its dateline (`opens_with_dateline`)
    or with when it happened (`opens_with_news_lead`)."""
    return opens_with_dateline(block) or opens_with_news_lead(block)


def _may_be_headline(text: str) -> bool:
    """Lines that are headlines only inside a headline stack: a kicker with commas, the first
    half of a title broken after a comma, a kicker ending with a colon or a dash."""
    core, _ = _headline_core(text)
    if len(core) > KICKER_MAX_CHARS or not HAN_CHAR.search(core) or not _headline_shape(core):
        return False
    return core.count("，") <= KICKER_MAX_COMMAS


def _is_unpunctuated_stack(text: str) -> bool:
    """A kicker and its title read as one block: longer than a headline, and not one mark of
    punctuation (text runs a clause or two at most between commas)."""
    return (HEADLINE_MAX_CHARS < len(text) <= KICKER_MAX_CHARS + HEADLINE_MAX_CHARS and bool(HAN_CHAR.search(text))
            and not any(unicodedata.category(ch).startswith("P") for ch in text))


# jieba's flags of the particles that lean on the word before them (的 uj, 了 ul): no headline,
# no line that opens a text, starts with one; a line that does is the rest of a line cut elsewhere.
ENCLITIC_TAGS = frozenset({"uj", "ul"})
# jieba's flag of conjunctions (此外, 同时, 因此, 然而).
CONJUNCTION_TAG = "c"
# jieba's flags of time words (近年来, 目前, 去年, 当前) and of the words of place or time that
# close a phrase (以来, 期间, 里, 外, 前): a phrase ending with one, set off by a comma, says when
# or where a sentence happens.
SETTING_TAGS = frozenset({"t", "f"})
# ... and 时 (when: 16岁时，), which closes a phrase of time as those do though jieba tags it a noun.
SETTING_WORDS = frozenset({"时"})
# Such a phrase is a few words: a longer first clause is the sentence itself.
SETTING_MAX_CHARS = 12


def _headline_shape(core: str) -> bool:
    if any(mark in core for mark in "。；;") or core.count("、") > 2:
        return False
    if open_quotes(core):
        return False  # an unclosed quote: a fragment of a sentence broken at the line end
    if core[-1] in OPENERS:
        return False  # an opening mark ends no printed line: a piece cut out of a longer line (12日电（)
    if closes_unopened_bracket(core):
        return False  # the tail of text cut elsewhere ("整理）"), or of a title's tag (`_context_pass`)
    if dateline_opens(core) or DATELINE_REST.match(core):
        return False  # a dateline opens a story's first paragraph, never a headline: cut text ("本报讯（记者董桂", "14日电（记者")
    if first_tags(core, 1)[0][1] in ENCLITIC_TAGS:
        return False  # the rest of a line cut elsewhere ("的内容及特点")
    if _opens_with_a_connective(core):
        return False  # a sentence going on from the one before it ("此外，徐州高新区还依托"): cut text
    if _opens_with_when_or_where(core):
        return False  # a news sentence setting its time or place first ("近年来，天津高新区坚持"): cut text
    return core[0] not in "，。、；：,.;:)）”’"


def _opens_with_when_or_where(text: str) -> bool:
    """Does the line open with when or where, set off by a comma: a phrase ending with a time
    word (近年来，目前，每到周五傍晚，16岁时，) or a word of place or time after a noun (自建馆以来，
    20分钟车程外，随后数十年里，两会期间，)? A news sentence sets its time and place first; a
    headline never opens so. (A date so set off, 2024年，……, may head a chart's note printed as
    large as a headline.)"""
    comma = min((i for i in (text.find("，"), text.find(",")) if i > 0), default=-1)
    if not 0 < comma <= SETTING_MAX_CHARS:
        return False
    words = tag(text[:comma])
    return bool(words) and (words[-1][1] in SETTING_TAGS or words[-1][0] in SETTING_WORDS)


def _opens_with_a_connective(text: str) -> bool:
    """Does the line open with a conjunction set off by a comma (此外，同时，因此，)? Such a word
    links a sentence to the one before it; a headline stands alone and never opens so."""
    first = first_tags(text, 2)
    return len(first) == 2 and first[0][1] == CONJUNCTION_TAG and first[1][0] in "，,"


def closes_unopened_bracket(text: str) -> bool:
    """Does the text close a bracket it never opened ("者窦瀚洋整理）")? It is the tail of a
    text whose opening stands elsewhere: a credit cut by a column, or a title's column tag
    broken over two lines."""
    return text.count("）") + text.count(")") > text.count("（") + text.count("(")


def _opens_unclosed_bracket(text: str) -> bool:
    """Does the text open a bracket it does not close ("运用法治力量提升居住质量（改革再深化")?"""
    return text.count("（") + text.count("(") > text.count("）") + text.count(")")


def _is_box_heading(text: str, words: dict, markers: bool = True) -> bool:
    """The heading of a box inside an article: ■链接, ■记者手记, 核心阅读; with `markers`,
    any short line opening with a box marker (■ ◆ ●)."""
    if len(text) > HEADLINE_MAX_CHARS or _has_sentence_punct(text):
        return False
    body = text.lstrip(BOX_MARKERS + " ")
    if any(body.startswith(word) for word in words["box_headings"]):
        return True
    return markers and body != text and bool(body) and bool(HAN_CHAR.search(body))


def names_a_box(text: str) -> bool:
    """Does the line name a box inside an article (相关链接, 核心阅读), its marks and brackets aside?"""
    return _is_box_heading(text.lstrip(BOX_MARKERS + " ").strip("【】〖〗[] "), layout_words(), markers=False)


def _is_byline(text: str, words: dict) -> bool:
    if len(text) > BYLINE_MAX_CHARS or _has_sentence_punct(text) or "，" in text:
        return False
    body = _byline_body(text)
    for pattern in words["byline_patterns"]:
        match = re.match(pattern, body)
        if match and _names_after(body[match.end():], words):
            return True
    if any(body.startswith(role) or f" {role}" in body for role in words["byline_roles"]):
        return _names_after(body, words)
    if text.startswith(("▶", "►")) and _NAMES_ONLY.match(text):
        return True
    return False


def _names_after(text: str, words: dict) -> bool:
    """Is the rest of a byline names and role words only (本报记者  王  珂 通讯员 周宇)? A byline
    names a person, and a Chinese name opens with a surname: role words with words after them
    of which none does (记者调查, a column's name) sign nothing. A role alone (■ 本报记者, the
    names read on the next line) still opens a byline; a name spaced out and run together with
    the next one by a copy (卢 静罗 平) still shows a surname."""
    rest = text
    for role in _roles_longest_first(words):
        rest = rest.replace(role, " ")
    rest = re.sub(r"[/／、·]", " ", rest)
    runs = [run for run in rest.split() if run]
    return all(HAN_CHAR.fullmatch(ch) for run in runs for ch in run) and all(len(run) <= NAME_MAX_CHARS for run in runs) \
        and (not runs or any(surname_length(run) for run in runs))


def _has_caption_prefix(text: str, words: dict) -> bool:
    """Does the line open like a caption wherever it stands (图为…, 数据来源：…)?"""
    return text.startswith(tuple(words["caption_prefixes"]))


# A label and its value inside brackets: （供稿：唐山高新区）.
_LABELLED_VALUE = re.compile(r"[（(][^（）()]{1,8}[：:]")


def _is_credit(text: str, words: dict) -> bool:
    if not (text[0] in "（(" and text[-1] in "）)") or len(text) > 160:
        return False
    inner = text[1:-1].strip()
    if _opens_with_credit_role(inner, words):
        return True
    if re.search(r"(整理|采写|采访|报道|供稿|综合|电)$", inner):
        return True  # （本报记者李凯旋整理）, （赵博参与采写）, （据新华社电）
    return bool(re.fullmatch(rf"{_NAME}(\s+{_NAME}){{0,5}}", inner))


def _names_people(text: str, words: dict) -> bool:
    """A credit in brackets that names people: opened by a credit role (（通讯员 张三）), or two
    or more names apart, each opening with a surname (（王思远 阎海燕）), or one such name that is
    no word of the dictionary (（马维维）; a column's name of two or three characters is one:
    （时评）, （特稿）). A column's name is one phrase about its theme."""
    inner = text[1:-1].strip()
    names = inner.split()
    return _opens_with_credit_role(inner, words) or (
        len(names) >= 2 and all(re.fullmatch(_NAME, name) and surname_length(name) for name in names)) or (
        _is_lone_name(inner) and not is_dictionary_word(inner))


def _opens_with_credit_role(inner: str, words: dict) -> bool:
    """Does a bracket's text open with a credit role (供稿, 记者, 作者为…: layout.yaml credit_roles)?"""
    return any(inner.startswith(role) for role in words["credit_roles"])


def _split_trailing_credit(text: str, words: dict) -> tuple[str, str]:
    """'……支撑。（供稿：科技部火炬中心）' -> ('……支撑。', '（供稿：科技部火炬中心）')."""
    match = re.search(r"([。！？”])\s*([（(][^（()）]{2,40}[）)])$", text)
    if not match:
        return text, ""
    credit = match.group(2)
    if not _is_credit(credit, words):
        return text, ""
    return text[: match.start(2)].rstrip(), credit


def _mark_contents(blocks: list[Block]) -> list[Block]:
    """A table of contents repeats headlines and labels that come later on the page."""
    later_keys: list[set[str]] = [set() for _ in blocks]
    seen: set[str] = set()
    for i in range(len(blocks) - 1, -1, -1):
        later_keys[i] = set(seen)
        seen.add(heading_key(blocks[i].text))
    entries = []
    for i, block in enumerate(blocks):
        if block.kind not in (Kind.HEADLINE, Kind.LABEL, Kind.BODY) or len(block.text) > 2 * HEADLINE_MAX_CHARS:
            continue
        bracket = _BRACKET_LABEL.match(block.text)
        parts = [bracket.group(1), bracket.group(2)] if bracket else [block.text]
        if all(not part or heading_key(part) in later_keys[i] for part in parts):
            entries.append(i)
    if len(entries) < MIN_CONTENTS_ENTRIES:
        return blocks
    # The contents list is one stretch at the top: the entries and what lies between them.
    first, last = entries[0], entries[-1]
    stretch = [i for i in entries if i - first <= 3 * len(entries)]
    last = stretch[-1]
    out = list(blocks)
    for i in range(first, last + 1):
        if blocks[i].kind in (Kind.HEADLINE, Kind.LABEL, Kind.BODY):
            out[i] = Block(Kind.CONTENTS, blocks[i].text, blocks[i].first_line, blocks[i].last_line,
                           blocks[i].gap_before, StructuralRule.CONTENTS)
    return out


def _mark_group_furniture(blocks: list[Block], page: Page) -> list[Block]:
    """A QR footer or address block is furniture as a whole run of adjacent lines."""
    _, group_rules = furniture_rules()
    out = list(blocks)
    i = 0
    while i < len(out):
        j = i + 1
        while (j < len(out) and out[j].gap_before == 0 and out[j].first_line == out[j - 1].last_line + 1
               and len(out[j].text) <= GROUP_FURNITURE_MAX_CHARS):
            j += 1
        if len(out[i].text) > GROUP_FURNITURE_MAX_CHARS:
            i += 1
            continue
        run = out[i:j]
        for rule in group_rules:
            if any(rule.pattern.search(block.text) for block in run):
                for k in range(i, j):
                    if out[k].kind is not Kind.FURNITURE:
                        out[k] = as_furniture(out[k], rule.name)
                break
        i = j
    return out


def _context_pass(blocks: list[Block]) -> list[Block]:
    """Decisions that need the neighbours: bylines of names only under a title, headline
    candidates inside a headline stack, dash lines, photo captions beside their credits."""
    out = list(blocks)
    content = [i for i, b in enumerate(out) if b.kind not in (Kind.FURNITURE, Kind.CONTENTS)]
    # Lines of a stack are resolved from the bottom up: a kicker stands above a title.
    for position in range(len(content) - 1, -1, -1):
        i = content[position]
        block = out[i]
        previous = out[content[position - 1]] if position > 0 else None
        following = out[content[position + 1]] if position + 1 < len(content) else None
        if block.rule == LineRule.HEADLINE_CANDIDATE and following is not None and (
                following.kind is Kind.HEADLINE or (following.kind is Kind.BYLINE and not _needs_a_line_under(block.text))) \
                and following.rule not in (LineRule.BOX_HEADING, LineRule.DASH_LINE):
            out[i] = _as(block, Kind.HEADLINE, LineRule.HEADLINE_IN_STACK)
        elif block.kind is Kind.BODY and _half_of_a_quoted_title(
                out[content[position - 2]] if position > 1 else None, previous, block, following):
            out[i] = _as(block, Kind.HEADLINE, LineRule.HEADLINE_IN_STACK)
        elif block.rule == LineRule.DASH_LINE and previous is not None and previous.kind is Kind.BODY:
            out[i] = _as(block, Kind.BODY, LineRule.DASH_SIGNATURE)
        elif (block.kind is Kind.CREDIT and previous is not None
              and (previous.kind is Kind.HEADLINE or previous.rule == LineRule.HEADLINE_CANDIDATE)
              and COLUMN_TAG.fullmatch(block.text) and len(block.text) <= HEADLINE_MAX_CHARS
              and not _LABELLED_VALUE.search(block.text) and not _names_people(block.text, layout_words())):
            # A title's tag printed on its own line. A tag names a column (（经济时评）); a label and
            # its value (（供稿：唐山高新区）, （来源：…）) or people's names (（王思远 阎海燕）, the
            # stringers who close a story) is the credit it was read as.
            out[i] = _as(block, Kind.HEADLINE, "column-tag")
        elif (block.kind is Kind.HEADLINE and block.rule == LineRule.HEADLINE and previous is not None
              and previous.kind is Kind.BYLINE and len(block.text) > BOX_LABEL_MAX_CHARS
              and not closed_by_column_tag(block.text)
              and not (position > 1 and out[content[position - 2]].rule == LineRule.BOX_HEADING)
              and not _title_read_after_its_byline(out, i, content[position + 1] if following is not None else None)):
            out[i] = _as(block, Kind.BODY, "under-byline")  # the first paragraph, cut short by a column
        elif (block.kind is Kind.HEADLINE and block.rule in (LineRule.HEADLINE, LineRule.KICKER_AND_TITLE)
              and following is not None
              and following.kind is Kind.BODY and _breaks_a_word(block, following) and not is_park_title(block.text)):
            # A line cut by a column, its word going on below; a park's title is whole (……产业高地 /
            # 区“重大项目…: 地区 runs across by chance). So is a sentence with a dash in it, read
            # as a kicker run into its title (……将军县——江西省吉安市吉安县，位于吉泰走 / 廊…).
            out[i] = _as(block, Kind.BODY, "broken-word")
    for position, i in enumerate(content):
        block = out[i]
        previous = out[content[position - 1]] if position > 0 else None
        following = out[content[position + 1]] if position + 1 < len(content) else None
        under_title = previous is not None and previous.kind in (Kind.HEADLINE, Kind.LABEL) \
            and previous.rule not in (LineRule.BOX_HEADING, LineRule.DASH_SIGNATURE)
        if block.kind in (Kind.HEADLINE, Kind.BODY) and under_title and not _has_sentence_punct(block.text) \
                and not _breaks_a_word(previous, block) and (
                (_NAMES_ONLY.match(block.text) and all(_is_lone_name(name) for name in block.text.lstrip("▶ ").split()))
                or (_is_lone_name(block.text) and following is not None and following.kind is Kind.BODY)):
            out[i] = _as(block, Kind.BYLINE, "byline-names")
    _demote_fragments_above_stacks(out, content)
    for i, block in enumerate(out):
        if block.kind is Kind.BODY and _beside_picture_credit(out, i):
            out[i] = _as(block, Kind.CAPTION, "caption-by-credit")
        elif block.kind is Kind.BODY and _places_people_in_a_picture(block.text):
            out[i] = _as(block, Kind.CAPTION, "caption-by-position")
    return out


def _half_of_a_quoted_title(two_up: Block | None, previous: Block | None, block: Block,
                            following: Block | None) -> bool:
    """A title that is a quotation, broken over two lines inside a stack (“让汽车生产像 /
    搭积木一样灵活”): each half alone opens or closes a quote, as a sentence cut at a line's end
    does, but the two together have a headline's shape and end no sentence, and a headline
    stands over them and a headline or byline under them (resolved bottom-up: the lower half
    first, then the upper one)."""
    if following is None or following.kind not in (Kind.HEADLINE, Kind.BYLINE) \
            or following.rule in (LineRule.BOX_HEADING, LineRule.DASH_LINE):
        return False
    if following.kind is Kind.HEADLINE and open_quotes(block.text) > 0:
        upper, lower, above = block, following, previous
    elif previous is not None and previous.kind is Kind.BODY and open_quotes(block.text) < 0 < open_quotes(previous.text):
        upper, lower, above = previous, block, two_up
    else:
        return False
    whole = upper.text + lower.text
    ends_no_sentence = not _has_sentence_punct(whole) and not any(mark in whole for mark in CHINESE_SENTENCE_END)
    return (len(whole) <= HEADLINE_MAX_CHARS and _headline_shape(whole) and ends_no_sentence
            and above is not None and above.kind in (Kind.HEADLINE, Kind.LABEL))


def points_at_its_picture(text: str) -> bool:
    """A paragraph that says what its picture shows after telling the news (……现场签约项目17个。
    图为参会人员在展区了解新技术新产品。): a photo item's caption; running text never points at
    a picture. The pointing sentence may be cut by the columns (……住房保障。图为人才 / 公寓外景。)
    or have the caption's other column read into it after (……入决赛。图为参赛选手进行路演。新创业…)."""
    sentences = list(_SENTENCES.finditer(text))
    tail = text[sentences[-1].end():] if sentences else text  # an unclosed rest after the last end
    pieces = [sentence.group() for sentence in sentences] + ([tail] if tail.strip() else [])
    words = layout_words()
    return len(pieces) >= 2 and any(_has_caption_prefix(piece, words) for piece in pieces[1:])


def _breaks_a_word(previous: Block | None, block: Block) -> bool:
    """Does a word run across from the line above into this one (文旅共生，深挖历 / 史底蕴)? Then
    they are one line broken by the layout, not a title and the name under it."""
    return previous is not None and breaks_a_word(previous.text, block.text)


def tells_news(caption: str) -> bool:
    """A photo item's caption tells the news in sentences of its own (……发展特色产业。图为……。);
    a caption of one sentence only names what a picture shows, a chart's source line
    (数据来源：……) is no sentence."""
    inner = caption.rstrip().rstrip(CLOSERS)[:-1]  # all but its last sentence's end
    return sentence_closed(caption) and any(mark in SENTENCE_END for mark in inner)


def caption_shaped(text: str) -> bool:
    """A sentence or two, closed, no longer than a caption (CAPTION_MAX_CHARS): the shape of a
    picture's caption; running text goes on longer, or is cut open."""
    return len(text) <= CAPTION_MAX_CHARS and sentence_closed(text)


def _places_people_in_a_picture(text: str) -> bool:
    """A short closed sentence that says where a person stands in the picture (马大为（中）在与
    学生讨论课题。, 前排左二): a photo caption, wherever its credit is printed."""
    return caption_shaped(text) and text.count("。") == 1 and bool(_PICTURE_POSITION.search(text))


def _demote_fragments_above_stacks(out: list[Block], content: list[int]) -> None:
    """A stack holds one kicker above its title: a clause with a comma above that kicker is a
    column's cut-off text that happens to stand there ("毅然放弃国外优越条件回到祖国后，黄大年为加快")."""
    position = 0
    while position < len(content):
        run = []
        while position < len(content) and out[content[position]].kind is Kind.HEADLINE:
            run.append(content[position])
            position += 1
        tagged = [n for n, i in enumerate(run) if closed_by_column_tag(out[i].text)]
        if tagged:
            title_start = tagged[0]
            while title_start > 0 and out[run[title_start - 1]].text.endswith("，"):
                title_start -= 1  # a title printed in two lines, broken after a comma
            for i in run[: max(0, title_start - 1)]:
                if "，" in out[i].text and not out[i].text.endswith(("——", "：")):
                    out[i] = _as(out[i], Kind.BODY, "fragment-above-stack")
        position += 1


def _is_lone_name(text: str) -> bool:
    """A person's name alone (石  羚, 欧阳日辉), spaced out or not: a whole name."""
    return bool(_LONE_NAME.match(text)) and is_whole_name(re.sub(r"\s+", "", text))


def _as(block: Block, kind: Kind, rule: str) -> Block:
    return Block(kind, block.text, block.first_line, block.last_line, block.gap_before, rule)


def _beside_picture_credit(blocks: list[Block], i: int) -> bool:
    """A short closed sentence right above a photo credit is that picture's caption (the
    credit follows its caption; text below a credit is the column running on)."""
    block = blocks[i]
    if not caption_shaped(block.text):
        return False
    j = i + 1
    # A note on pictures in the furniture band that ends the page (本版图片除署名外均由受访单位提供)
    # is about all the page's pictures: it credits no one picture above it.
    return (j < len(blocks) and blocks[j].kind is Kind.FURNITURE and is_photo_credit(blocks[j].rule)
            and not (Says.PAGE_PICTURES_NOTE in says_of(blocks[j].rule) and all(b.kind is Kind.FURNITURE for b in blocks[j + 1:])))
