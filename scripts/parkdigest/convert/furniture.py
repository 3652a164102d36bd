"""Page furniture: lines printed on a page that belong to no article.

Two kinds of evidence, both about newspapers in general rather than particular pages:

- the line itself: the broad patterns of `data/furniture.yaml` (editor and contact lines,
  licences, page numbers, photo credits, QR footers), and folio lines recognised by their
  structure — a printed date or page number with at most a publication name and a page
  section beside it ("人民日报 2026年3月30日 星期一 第6版 要闻");
- its place: the folio block at the top or bottom of a page is a stack of short lines
  (publication name, date, page number, page section). A short line standing between two
  furniture lines, or next to a page number or a publication name, is part of that block.
"""

from __future__ import annotations

import re
from functools import lru_cache

from parkdigest.convert.dates import printed_date_spans
from parkdigest.convert.model import Block, Kind
from parkdigest.resources import furniture_rules, layout_words
from parkdigest.text import HAN

# A folio line: publication, date, weekday, page number and page section, nothing more.
FOLIO_MAX_CHARS = 60
# What a folio line may hold besides its date, weekday and page number: a publication name
# and a page section (科技日报 财经, 人民日报 特别报道).
FOLIO_REST_MAX_CHARS = 14
# A page section or a publication name standing alone in the folio block (要闻, 人民日报,
# 特别报道); longer lines are text.
FOLIO_WORD_MAX_CHARS = 8
# The folio block sits within this many lines of the top or the bottom of the page.
EDGE_LINES = 8

_MARKS = "■◆●□▲★☆◇◎※"
# role：name, the name possibly spaced out (校对：吕  莉), pairs separated by spaces.
_ROLE_PAIR = re.compile(rf"([{HAN}]{{2,6}})[：:]\s*([{HAN}](?:\s?\s?[{HAN}]){{1,3}})(?=\s|$)\s*")
_WEEKDAY = re.compile(r"(星期|礼拜|周)[一二三四五六日天]")
_PAGE_MARK = re.compile(r"第\s*[A-Z]?\d{1,3}\s*版|(?<![\d.])[A-Z]?\d{1,3}(?![\d.%])\s*版?")
_SEPARATORS = re.compile(r"[\s■◆●□|｜·•—\-－–/]+")
# Sentence punctuation: a folio line has none.
_SENTENCE_MARKS = re.compile(r"[，。；！？、“”：]")
_WORD_ONLY = re.compile(rf"^[{HAN}·\s]+$")
# Line rules whose lines anchor the folio block: a short line next to one of them is a
# page section or a publication name printed in the folio.
# (A line next to the date line alone may be a column label above the first title: 创新视点.)
_FOLIO_ANCHORS = frozenset({"page-number", "publication-name", "masthead-latin"})
_PHOTO_CREDITS = frozenset({"photo-credit", "agency-credit", "picture-note"})


# A line is asked about several times (unwrapping, splitting a caption from its credit,
# classifying); one page's worth of answers is kept.
@lru_cache(maxsize=4096)
def furniture_rule(text: str) -> str:
    """The name of the furniture rule a line matches on its own, or ''."""
    line_rules, _ = furniture_rules()
    for rule in line_rules:
        if rule.pattern.search(text):
            return rule.name
    if is_folio(text):
        return "folio"
    return "role-credits" if is_role_credits(text) else ""


def is_role_credits(text: str) -> bool:
    """A line of production credits in any wording: only 'role：name' pairs (责编：马骏  美编：
    孙浩, ◆ 审校：陈静), each name opening with a Chinese surname."""
    body = text.lstrip(_MARKS + " ")
    pairs = _ROLE_PAIR.findall(body)
    if not pairs or _ROLE_PAIR.sub("", body).strip(" \u3000"):
        return False
    if any(role.endswith(("来源", "出处")) for role, _ in pairs):
        return False  # 数据来源：商务部 names a source: a caption of its chart, not a credit
    return all(_is_name(name) for _, name in pairs)


def _is_name(name: str) -> bool:
    compact = re.sub(r"\s+", "", name)
    return 2 <= len(compact) <= 4 and surname_length(compact) > 0


def surname_length(name: str) -> int:
    """How many characters of the name are its surname (layout.yaml's lists): 2 for a
    compound surname (欧阳), 1 for a single one, 0 when it opens with no surname known."""
    words = layout_words()
    if name[:2] in words["compound_surnames"]:
        return 2
    return 1 if name[:1] in words["surnames"] else 0


def is_photo_credit(rule: str) -> bool:
    return rule in _PHOTO_CREDITS


def is_folio(text: str) -> bool:
    """A folio line: a printed date, weekday or page number, and beside it at most a
    publication name and a page section."""
    if len(text) > FOLIO_MAX_CHARS or _SENTENCE_MARKS.search(text):
        return False
    spans = printed_date_spans(text)
    weekday = _WEEKDAY.search(text)
    page = re.search(r"第\s*[A-Z]?\d{1,3}\s*版", text)
    if not (spans or weekday or page):
        return False
    rest = text
    for start, end, _ in reversed(spans):
        rest = rest[:start] + " " + rest[end:]
    rest = _WEEKDAY.sub(" ", rest)
    rest = _PAGE_MARK.sub(" ", rest)
    rest = _SEPARATORS.sub("", rest)
    if len(rest) > FOLIO_REST_MAX_CHARS:
        return False
    # A bare date with a few words could be a headline ("2025年12月3日起施行"): without a
    # weekday or a page number, only the date alone or beside a publication name is a folio.
    return bool(weekday or page or not rest or furniture_rule_name_only(rest))


def furniture_rule_name_only(text: str) -> bool:
    line_rules, _ = furniture_rules()
    return any(rule.name == "publication-name" and rule.pattern.search(text) for rule in line_rules)


def mark_folio_block(blocks: list[Block], total_lines: int) -> list[Block]:
    """Short lines of the folio block: between two furniture lines, or next to a page number
    or publication name near the top or bottom of the page."""
    out = list(blocks)
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
            beside_anchor = near_edge and any(n is not None and n.kind is Kind.FURNITURE and n.rule in _FOLIO_ANCHORS
                                              for n in (before, after))
            if between or beside_anchor:
                out[i] = Block(Kind.FURNITURE, block.text, block.first_line, block.last_line, block.gap_before,
                               "folio-block")
                changed = True
    return out


def _is_folio_word(text: str) -> bool:
    compact = re.sub(r"\s+", "", text)
    return len(compact) <= FOLIO_WORD_MAX_CHARS and bool(_WORD_ONLY.match(text))


def _is_furniture_or_edge(block: Block | None) -> bool:
    return block is None or block.kind is Kind.FURNITURE


def _edge_top(blocks: list[Block]) -> int:
    """The last line number of the page's top zone (its first EDGE_LINES non-blank lines)."""
    return blocks[min(EDGE_LINES, len(blocks)) - 1].last_line if blocks else 0


def _edge_bottom(blocks: list[Block], total_lines: int) -> int:
    return blocks[max(0, len(blocks) - EDGE_LINES)].first_line if blocks else total_lines
