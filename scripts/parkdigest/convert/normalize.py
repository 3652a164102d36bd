"""Stage 2 — normalize: typography of the newspaper norm (GB/T 15834) on every line.

- half-width punctuation next to Chinese becomes full-width (, : ; ? ! and paired parentheses);
- spaces between Chinese and a number are removed (`2020 年` -> `2020年`);
- full-width ASCII letters and digits become half-width;
- a radical a PDF's font gave for a character becomes that character (`⾼新区` -> `高新区`);
- a dateline spaced out by a justified column is closed up (`本 报 北 京3月23日 电` -> `本报北京3月23日电`).

Never changes a fact: only punctuation width and spacing change, no character of a
word or number is added or removed (the conservation test checks this).
"""

from __future__ import annotations

import re
import unicodedata

from parkdigest.convert.model import Line, Page
from parkdigest.resources import language_words
from parkdigest.text import HAN, alternation, dateline_end

CJK = HAN
# Chinese characters and the full-width punctuation that surrounds them.
CJK_CONTEXT = CJK + r"\u3000-\u303f\uff01-\uff0f\uff1a-\uff20“”‘’《》【】（）…—"
_CJK_CHAR = re.compile(f"[{CJK}]")

# Characters made plain before anything else, in one pass over the line: full-width letters
# and digits become half-width (only those: full-width punctuation is the norm in Chinese
# text), a tab a space, and zero-width spaces and joiners (invisible, from copying) go.
_FULL_WIDTH_ALNUM = [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]
# Kangxi radicals, and the radicals of the supplement that print a whole character, become the
# characters a PDF's font drew with them (language.yaml, `radicals`).
_KANGXI_RADICALS = range(0x2F00, 0x2FD6)
_PLAIN_CHARACTERS = {
    **{code: unicodedata.normalize("NFKC", chr(code)) for code in _FULL_WIDTH_ALNUM},
    **{code: unicodedata.normalize("NFKC", chr(code)) for code in _KANGXI_RADICALS},
    **{ord(radical): character for radical, character in language_words()["radicals"].items()},
    ord("\t"): " ",
    **dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060")),
}

_HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}
_PUNCT = re.compile(r"[,:;?!]")

# A token that contains a digit: 2020, 28.3, 5G, 17.5%, 1-11, 3DNAND.
_NUMBER = r"[0-9A-Za-z.%‰+\-/]*[0-9][0-9A-Za-z.%‰+\-/]*"
# Not after an ideographic space: the spaces that indent a paragraph (\u3000\u3000) stay whole.
_SPACE_BEFORE_NUMBER = re.compile(f"(?<=[{CJK_CONTEXT}])(?<!\u3000)[ \u3000\u00a0]+(?={_NUMBER})")
_SPACE_AFTER_NUMBER = re.compile(
    f"(?<![0-9A-Za-z.%‰+\\-/])({_NUMBER})[ \u3000\u00a0]+(?=[{CJK_CONTEXT}])")
_PARENS = re.compile(r"\(([^()]*)\)")
# A full-width mark carries its own spacing: spaces around it are stray.
_SPACE_AROUND_FULL_MARK = re.compile(r"[ \u3000]*([，。：；！？、])[ \u3000]*")
_STRAIGHT_QUOTE = re.compile(r'"')


def normalize_page(page) -> Page:
    """Return the page with every line normalized (line numbers kept)."""
    lines = tuple(Line(line.number, _normalize_line(line.text)) for line in page.lines)
    return Page(page.source, lines, sidecar=page.sidecar, problems=page.problems)


def _normalize_line(text: str) -> str:
    text = text.translate(_PLAIN_CHARACTERS).rstrip()
    if not _CJK_CHAR.search(text):
        return text
    text = _PARENS.sub(_full_parens, text)
    text = _PUNCT.sub(_full_punct, text)
    text = _curl_quotes(text)
    text = _SPACE_AROUND_FULL_MARK.sub(r"\1", text)
    text = _SPACE_BEFORE_NUMBER.sub("", text)
    text = _SPACE_AFTER_NUMBER.sub(r"\1", text)
    return _close_dateline(text)


def _close_dateline(text: str) -> str:
    """A dateline's characters spaced out by justification, closed up: its spaces are no part
    of what it says (a person's name, spaced the same way, is `close_name_padding`'s)."""
    body = text.lstrip()
    dateline = body[: dateline_end(body)]
    closed = "".join(dateline.split())
    if dateline == closed:
        return text
    return text[: len(text) - len(body)] + closed + body[len(dateline):]


def _curl_quotes(text: str) -> str:
    """Straight double quotes in Chinese text become “ ” (only when they pair up)."""
    if text.count('"') % 2:
        return text
    marks = iter("“”" * (text.count('"') // 2))
    return _STRAIGHT_QUOTE.sub(lambda _: next(marks), text)


def _is_cjk_context(ch: str) -> bool:
    return bool(ch) and bool(re.match(f"[{CJK_CONTEXT}]", ch))


def _full_punct(match: re.Match) -> str:
    text, i = match.string, match.start()
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    mark = match.group()
    if mark in ",:" and before.isdigit() and after.isdigit():
        return mark  # 1,000 and 10:30 are numbers, not punctuation
    if mark == ":" and after == "/":
        return mark  # http://
    if _is_cjk_context(before) or (mark in ",;:" and _is_cjk_context(after)):
        return _HALF_TO_FULL[mark]
    if before in ")）" and _is_cjk_context(after):
        return _HALF_TO_FULL[mark]
    return mark


def _full_parens(match: re.Match) -> str:
    inner = match.group(1)
    text, start = match.string, match.start()
    before = text[start - 1] if start > 0 else ""
    if _CJK_CHAR.search(inner) or _is_cjk_context(before):
        return f"（{inner}）"
    return match.group()



# Papers print a two-character name as wide as a three-character one, with a space between
# its characters (本报记者  杨  迅, 文/颜  色). In a byline or a credit, single characters
# standing alone side by side are names of two: the space inside each goes, the spaces
# between names stay. The first may carry the role before it (文/颜, 记者：王), the last a
# bracket after it (珂）).
_NAME_START = re.compile(f"^(?:.*[^{HAN}A-Za-z0-9])?[{HAN}]$")
# A copy may drop the space between a byline's role and a padded name (本报记者唐  瑞): the
# role glued to the name's first character still opens a name.
_ROLE_THEN_CHARACTER = re.compile(f"{alternation(tuple(language_words()['author_roles']))}[{HAN}]$")
# ... or the space between two padded names (本报记者卢  静罗  平): a word of two characters
# between two names' halves is the end of one name and the start of the next.
_TWO = re.compile(f"^[{HAN}]{{2}}$")
_NAME_END = re.compile(f"^[{HAN}](?:[^{HAN}A-Za-z0-9].*)?$")
_LONE = re.compile(f"^[{HAN}]$")
_GAP = re.compile(r"(\s+)")


def close_name_padding(text: str) -> str:
    """A byline or credit with the padding inside its two-character names removed
    (本报记者  杨  迅  祝佳祺 -> 本报记者  杨迅  祝佳祺). A run of lone characters pairs off
    from the left; a run of odd length is left as printed (its names cannot be told apart)."""
    parts = _parted_between_names(_GAP.split(text))  # words at even indices, the spaces after them at odd ones
    words = parts[::2]
    closed: set[int] = set()  # words whose following space goes
    i = 0
    while i < len(words):
        end = _lone_run_end(words, i)
        if end > i and (end - i) % 2:
            closed.update(range(i, end, 2))
        i = max(end, i) + 1
    return "".join(part for k, part in enumerate(parts) if not (k % 2 and k // 2 in closed))


def _parted_between_names(parts: list[str]) -> list[str]:
    """The words and spaces with each word of two characters that closes one padded name and
    opens the next (卢  静罗  平) cut in two where the page's space between them was."""
    words = parts[::2]
    for start in range(len(words)):
        end = start + 1
        while end < len(words) and _TWO.match(words[end]):
            end += 1
        if end > start + 1 and end < len(words) and _opens_a_name(words[start]) and _LONE.match(words[end]):
            for k in range(start + 1, end):
                parts[2 * k] = f"{words[k][0]} {words[k][1]}"
    return _GAP.split("".join(parts))


def _opens_a_name(word: str) -> bool:
    """A lone character, or one after a mark or after a byline's role (文/颜, 本报记者唐)."""
    return bool(_NAME_START.match(word) or _ROLE_THEN_CHARACTER.search(word))


def _lone_run_end(words: list[str], start: int) -> int:
    """The last word of the run of lone characters that opens at `start` (`start` if none)."""
    if not _opens_a_name(words[start]):
        return start
    end = start
    while end + 1 < len(words) and _LONE.match(words[end + 1]):
        end += 1
    if end + 1 < len(words) and _NAME_END.match(words[end + 1]) and (end == start or _LONE.match(words[end])):
        end += 1  # the last character of the run, with a bracket after it
    return end
