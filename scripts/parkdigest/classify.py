"""Stage 3a — classify: decide what each non-blank line of a page is.

Only the line itself and its immediate neighbours are looked at here; deciding which
headline is a title and which is a subhead needs the whole page and happens in `segment`.
"""

from __future__ import annotations

import re

from .model import Block, Kind, Page
from .resources import furniture_rules, layout_words

# Titles on these pages run to ~35 characters; body lines are paragraphs of 50+.
HEADLINE_MAX_CHARS = 40
# A headline with a comma is short ("高质量发展，创新为要"); longer ones are clauses.
HEADLINE_WITH_COMMA_MAX = 20
# A byline is a few names and role words.
BYLINE_MAX_CHARS = 30
# A contents list needs at least this many entries repeated later on the page;
# one repeated line is more likely a pull quote or a repeated slogan.
MIN_CONTENTS_ENTRIES = 2

SENTENCE_END = "。！？!?…"
CLOSERS = "”’」』）)》】"
_BRACKET_LABEL = re.compile(r"^【([^】]{1,20})】\s*(.*)$")
_NAME = r"[\u4e00-\u9fff·]{2,4}"
_NAMES_ONLY = re.compile(rf"^▶?\s*{_NAME}(\s+{_NAME}){{1,5}}$")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def classify_blocks(page: Page) -> tuple[Block, ...]:
    """Classify every non-blank line of the page, in file order."""
    blocks = _first_pass(page)
    blocks = _mark_contents(blocks)
    blocks = _mark_group_furniture(blocks, page)
    return tuple(_context_pass(blocks))


def sentence_closed(text: str) -> bool:
    """Does the text end at the end of a sentence (possibly inside closing quotes)?"""
    stripped = text.rstrip().rstrip(CLOSERS)
    if not stripped:
        return True
    if stripped[-1] in SENTENCE_END:
        return True
    # "……说。”" is closed; "“共同体”" at the end of a clause is not decided by the quote alone.
    return False


def _first_pass(page: Page) -> list[Block]:
    line_rules, _ = furniture_rules()
    words = layout_words()
    labels = set(words["labels"])
    out: list[Block] = []
    gap = 0
    for line in page.lines:
        text = line.text.strip()
        if not text:
            gap += 1
            continue
        kind, rule = _classify_line(text, line_rules, labels, words)
        if kind is Kind.BODY:
            body, credit = _split_trailing_credit(text, words)
            if credit:
                out.append(Block(Kind.BODY, body, line.number, line.number, gap, "body"))
                out.append(Block(Kind.CREDIT, credit, line.number, line.number, 0, "trailing-credit"))
                gap = 0
                continue
        out.append(Block(kind, text, line.number, line.number, gap, rule))
        gap = 0
    return out


def _classify_line(text: str, line_rules, labels: set[str], words: dict) -> tuple[Kind, str]:
    for rule in line_rules:
        if rule.pattern.search(text):
            return Kind.FURNITURE, rule.name
    bracket = _BRACKET_LABEL.match(text)
    if bracket and not bracket.group(2):
        return Kind.LABEL, "bracket-label"
    if text in labels or text.replace(" ", "") in {label.replace(" ", "") for label in labels}:
        return Kind.LABEL, "known-label"
    if text.startswith("——") and len(text) <= HEADLINE_MAX_CHARS and not _has_sentence_punct(text):
        return Kind.LABEL, "series-subtitle"
    if _is_credit(text, words):
        return Kind.CREDIT, "credit"
    if any(text.startswith(prefix) for prefix in words["caption_prefixes"]):
        return Kind.CAPTION, "caption-prefix"
    if _is_byline(text, words):
        return Kind.BYLINE, "byline"
    if _is_headline(text):
        return Kind.HEADLINE, "headline"
    return Kind.BODY, "body"


def _has_sentence_punct(text: str) -> bool:
    return any(mark in text for mark in "。；;") or text.count("，") > 1


def _is_headline(text: str) -> bool:
    if len(text) > HEADLINE_MAX_CHARS or not _CJK.search(text):
        return False
    if _has_sentence_punct(text) or text.count("、") > 1:
        return False
    if "，" in text and (len(text) > HEADLINE_WITH_COMMA_MAX or text[-1] in "？！?!"):
        return False  # a clause and a question: the opening of a paragraph, not a headline
    if text.count("“") != text.count("”"):
        return False  # an unclosed quote: a fragment of a sentence broken at the line end
    if text[-1] in "，、：,:;；" or text[0] in "，。、；：,.;:)）":
        return False
    return True


def _is_byline(text: str, words: dict) -> bool:
    if len(text) > BYLINE_MAX_CHARS or _has_sentence_punct(text) or "，" in text:
        return False
    body = text.lstrip("▶►> ").strip()
    if any(body.startswith(role) or f" {role}" in body for role in words["byline_roles"]):
        return True
    if text.startswith(("▶", "►")) and _NAMES_ONLY.match(text):
        return True
    return False


def _is_credit(text: str, words: dict) -> bool:
    if not (text[0] in "（(" and text[-1] in "）)") or len(text) > 60:
        return False
    inner = text[1:-1].strip()
    if any(inner.startswith(role) for role in words["credit_roles"]):
        return True
    return bool(re.fullmatch(rf"{_NAME}(\s+{_NAME}){{0,5}}", inner))


def _split_trailing_credit(text: str, words: dict) -> tuple[str, str]:
    """'……支撑。（供稿：科技部火炬中心）' -> ('……支撑。', '（供稿：科技部火炬中心）')."""
    match = re.search(r"([。！？”])\s*([（(][^（()）]{2,40}[）)])$", text)
    if not match:
        return text, ""
    credit = match.group(2)
    if not _is_credit(credit, words):
        return text, ""
    return text[: match.start(2)].rstrip(), credit


def _key(text: str) -> str:
    return re.sub(r"[\s【】“”\"'‘’：:，,—\-·]", "", text)


def _mark_contents(blocks: list[Block]) -> list[Block]:
    """A table of contents repeats headlines and labels that come later on the page."""
    later_keys: list[set[str]] = [set() for _ in blocks]
    seen: set[str] = set()
    for i in range(len(blocks) - 1, -1, -1):
        later_keys[i] = set(seen)
        seen.add(_key(blocks[i].text))
    entries = []
    for i, block in enumerate(blocks):
        if block.kind not in (Kind.HEADLINE, Kind.LABEL, Kind.BODY) or len(block.text) > 2 * HEADLINE_MAX_CHARS:
            continue
        bracket = _BRACKET_LABEL.match(block.text)
        parts = [bracket.group(1), bracket.group(2)] if bracket else [block.text]
        if all(not part or _key(part) in later_keys[i] for part in parts):
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
                           blocks[i].gap_before, "contents")
    return out


def _mark_group_furniture(blocks: list[Block], page: Page) -> list[Block]:
    """A QR footer or address block is furniture as a whole run of adjacent lines."""
    _, group_rules = furniture_rules()
    out = list(blocks)
    i = 0
    while i < len(out):
        j = i + 1
        while j < len(out) and out[j].gap_before == 0 and out[j].first_line == out[j - 1].last_line + 1:
            j += 1
        run = out[i:j]
        for rule in group_rules:
            if any(rule.pattern.search(block.text) for block in run):
                for k in range(i, j):
                    if out[k].kind is not Kind.FURNITURE:
                        out[k] = Block(Kind.FURNITURE, out[k].text, out[k].first_line, out[k].last_line,
                                       out[k].gap_before, rule.name)
                break
        i = j
    return out


def _context_pass(blocks: list[Block]) -> list[Block]:
    """Decisions that need the neighbours: names-only bylines under a title."""
    out = list(blocks)
    previous: Block | None = None
    for i, block in enumerate(out):
        if block.kind in (Kind.FURNITURE, Kind.CONTENTS):
            continue
        if (block.kind in (Kind.HEADLINE, Kind.BODY) and previous is not None
                and previous.kind in (Kind.HEADLINE, Kind.LABEL)
                and _NAMES_ONLY.match(block.text) and not _has_sentence_punct(block.text)):
            out[i] = Block(Kind.BYLINE, block.text, block.first_line, block.last_line, block.gap_before,
                           "byline-names")
        previous = out[i]
    return out
