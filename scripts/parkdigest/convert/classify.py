"""Stage 3a — classify: decide what each non-blank line of a page is.

Only the line itself and its immediate neighbours are looked at here; deciding which
headline is a title and which is a subhead needs the whole page and happens in `segment`.
"""

from __future__ import annotations

import re
import unicodedata

from parkdigest.convert.model import Block, Kind, Page
from parkdigest.resources import furniture_rules, layout_words

# Titles on these pages run to ~35 characters; body lines are paragraphs of 50+.
HEADLINE_MAX_CHARS = 40
# A headline with a comma is short ("高质量发展，创新为要"); longer ones are clauses.
HEADLINE_WITH_COMMA_MAX = 20
# A byline is a few names and role words.
BYLINE_MAX_CHARS = 30
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
# A furniture run (QR footer, address block) is made of short lines; a long line is text.
GROUP_FURNITURE_MAX_CHARS = 40

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
    for first, last, text, gap in _unwrapped_lines(page, line_rules):
        kind, rule = _classify_line(text, line_rules, labels, words)
        if kind is Kind.BODY:
            body, credit = _split_trailing_credit(text, words)
            if credit:
                out.append(Block(Kind.BODY, body, first, last, gap, "body"))
                out.append(Block(Kind.CREDIT, credit, last, last, 0, "trailing-credit"))
                continue
        out.append(Block(kind, text, first, last, gap, rule))
    return out


def _unwrapped_lines(page: Page, line_rules) -> list[tuple[int, int, str, int]]:
    """(first line, last line, text, blank lines above) for each line of text, with
    hard-wrapped lines glued back: some pages come with every printed line on its own
    line of the file, all of one width. Paragraph-per-line pages are left as they are."""
    lines = [(line.number, line.text.strip()) for line in page.lines]
    width = _wrap_width([text for _, text in lines if text])
    out: list[tuple[int, int, str, int]] = []
    gap, previous_full = 0, False
    for number, text in lines:
        if not text:
            gap, previous_full = gap + 1, False
            continue
        indented = page.lines[number - 1].text.startswith(("\u3000\u3000", "    ", "\t"))
        is_furniture = any(rule.pattern.search(text) for rule in line_rules)
        if previous_full and gap == 0 and not indented and not is_furniture:
            first, _, joined, above = out.pop()
            out.append((first, number, joined + text, above))
        else:
            out.append((number, number, text, gap))
        previous_full = bool(width) and _display_width(text) >= width - WRAP_SLACK and not is_furniture
        gap = 0
    return out


def _wrap_width(texts: list[str]) -> int:
    """The width at which the page's text was hard-wrapped, or 0 if it was not: a large
    share of the lines end within a few characters of the page's common full width."""
    widths = sorted(_display_width(t) for t in texts)
    if len(widths) < MIN_WRAPPED_LINES:
        return 0
    full = widths[int(len(widths) * WRAP_PERCENTILE)]
    if not MIN_WRAP_WIDTH <= full <= MAX_WRAP_WIDTH:
        return 0
    near = sum(1 for w in widths if full - WRAP_SLACK <= w <= full + WRAP_SLACK)
    return full if near >= WRAPPED_SHARE * len(widths) else 0


def _display_width(text: str) -> int:
    # Ambiguous-width marks (“ ” …) are full width in Chinese type.
    return sum(2 if unicodedata.east_asian_width(ch) in "WFA" else 1 for ch in text)


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


def heading_key(text: str) -> str:
    """A heading with its spacing and punctuation removed: a contents entry and the heading
    it lists compare equal though one was broken over two lines or quoted differently."""
    return re.sub(r"[\s【】“”\"'‘’：:，,—\-·]", "", text)


def strip_label(text: str) -> str:
    """A contents entry without its 【section】 label."""
    return re.sub(r"^【[^】]*】\s*", "", text)


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
                           blocks[i].gap_before, "contents")
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
