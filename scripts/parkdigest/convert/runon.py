"""A kicker run into its title: where it ends, by the grammar of Chinese headlines.

An extraction tool that reads a headline stack as one block joins the kicker (引题) and the title
(主题) with nothing between them: "带动上下游投资超千亿元疆电千里入巴渝（…）". Where no dash or
colon marks the kicker's end (classify.kicker_end), the title still has a shape of its own that
tells where it begins — each cue below is a form every paper's heads use, not a page's words:

- a kicker that reports who spoke ends with the verb of saying (……座谈会时强调);
- a title of the form "place：what happens" begins at the place (……等优势|江苏南京：竞逐……);
- a title that is a person's whole quotation begins at its opening quote, after a kicker that
  describes (……会思考、能进化|“让汽车……”), never after a verb of saying (院士说“…”);
- a title of two parallel halves (对仗) has halves that match word for word (……落地新疆|压缩
  通行时间 助力高效通关: 压缩|通行|时间, 助力|高效|通关);
- a kicker that states a figure ends at the figure's unit (……投资超千亿元|疆电千里入巴渝).

Every cut falls between two words (jieba's), leaves a kicker of clause length that does not end
on a word needing more (a preposition, a conjunction, 的), and a title of headline length that
does not open with one (的, a localizer such as 背后, a particle). `heads.parse_head` asks only
about the first headline line of a stack with no kicker line of its own: a joined block.
"""

from __future__ import annotations

import itertools
import re
from functools import cache

from parkdigest.convert.words import NUMBER_FLAG, PLACE_FLAG, cut, figure_leads, tag
from parkdigest.resources import language_words
from parkdigest.text import COLONS, HAN, HAN_CHAR, alternation, open_quotes, parallel_halves

# A kicker is a clause: shorter text before a title is a part of the title (江苏南京：…).
KICKER_MIN_CHARS = 8
# A title is a headline: at least this long after the kicker.
TITLE_MIN_CHARS = 6
# A quoted title is what someone said, a clause; a shorter quotation is a term the title quotes
# (用人工智能激活制造业企业“数字大脑”, 公园“串珠成线”).
QUOTED_TITLE_MIN_CHARS = 8
# jieba's word classes (flags' first letters) that need a word after them — a preposition (p),
# a conjunction (c), a particle (u), an attributive (b) — and so never end a kicker; and those
# that lean on a word before them — a particle (u), a localizer (f), a modal particle (y), an
# interjection (e), a conjunction (c) — and so never open a title.
_NO_KICKER_END = ("p", "c", "u", "b")
_NO_TITLE_START = ("u", "f", "y", "e", "c")


def run_on_kicker_end(core: str) -> int:
    """Where a kicker run into its title ends in a headline (without its column tag), or 0."""
    words = tag(core)
    starts = dict(zip(itertools.accumulate((len(w) for w, _ in words), initial=0), range(len(words))))
    for cue in (_after_speech_verb, _before_place_colon, _before_whole_quotation, _before_parallel_halves,
                _after_stated_figure):
        at = cue(core, words)
        if (starts.get(at, 0) > 0 and at >= KICKER_MIN_CHARS and len(core) - at >= TITLE_MIN_CHARS
                and _reads_apart(words[starts[at] - 1][1], words[starts[at]][1])):
            return at
    return 0


def _reads_apart(kicker_end: str, title_start: str) -> bool:
    """Do the flags say the kicker's last word may end a phrase and the title's first may open one?"""
    return not kicker_end.startswith(_NO_KICKER_END) and not title_start.startswith(_NO_TITLE_START)


@cache
def _speech_verbs() -> tuple[str, ...]:
    return tuple(language_words()["speech_verbs"])


@cache
def _speech_end() -> re.Pattern:
    return re.compile("时" + alternation(_speech_verbs()))


def reports_a_speech(line: str) -> bool:
    """Is the line a kicker that reports who spoke and when (李强在江苏调研时强调)? It is never a title."""
    found = _speech_end().search(line)
    return found is not None and found.end() == len(line.rstrip())


def _after_speech_verb(core: str, words: list[tuple[str, str]]) -> int:
    found = _speech_end().search(core)
    return found.end() if found else 0


def _before_place_colon(core: str, words: list[tuple[str, str]]) -> int:
    """Where the run of place names (江苏南京, or a park's: 武进高新区, by its suffix) before the
    line's first colon begins, or 0 when no place stands right before it."""
    colon = core.find("：")
    if colon <= 0:
        return 0
    before = tag(core[:colon])
    start = colon
    while before and (before[-1][1] == PLACE_FLAG or before[-1][0].endswith(_park_suffixes())):
        start -= len(before.pop()[0])
    if before and core[start:colon] in _park_suffixes():
        start -= len(before.pop()[0])  # a suffix alone (示范区) names no park: its name stands before it
    return start if start < colon else 0


@cache
def _park_suffixes() -> tuple[str, ...]:
    return tuple(language_words()["park_suffixes"])


def _before_whole_quotation(core: str, words: list[tuple[str, str]]) -> int:
    if not core.endswith("”"):
        return 0
    opening = core.rfind("“")
    if (opening <= 0 or "”" in core[opening:-1] or core[opening - 1] in COLONS
            or core[:opening].endswith(_speech_verbs()) or len(core) - opening - 2 < QUOTED_TITLE_MIN_CHARS):
        return 0
    return opening if open_quotes(core[:opening]) == 0 else 0


def _before_parallel_halves(core: str, words: list[tuple[str, str]]) -> int:
    spaces = parallel_halves(core)
    if len(spaces) != 1:
        return 0
    left, right = core[: spaces[0].start() + 1], core[spaces[0].end() - 1:]
    if not re.fullmatch(f"[{HAN}“”]+", right):
        return 0
    at = len(left) - len(right)
    return at if _word_lengths(left[at:]) == _word_lengths(right) else 0  # 对仗: word for word


def _word_lengths(text: str) -> tuple[int, ...]:
    return tuple(map(len, cut(text)))


@cache
def _figure_units() -> tuple[str, ...]:
    return tuple(language_words()["figure_units"])


def _after_stated_figure(core: str, words: list[tuple[str, str]]) -> int:
    at = 0
    for i, (word, _) in enumerate(words[:-2]):
        at += len(word)
        following, after = words[i + 1], words[i + 2]
        if word in figure_leads() and following[1] == NUMBER_FLAG:  # 超千亿元, 达30%
            end, figure = at + len(following[0]), following[0]
            if after[1] == NUMBER_FLAG:  # 360 + 亿千瓦时: the number and its unit
                end, figure = end + len(after[0]), figure + after[0]
            rest = core[end:]
            # A title after the figure states none of its own: 新增专利逾万件, 占全球六成 go on with it.
            if (figure.endswith(_figure_units()) and HAN_CHAR.match(rest)
                    and not any(flag == NUMBER_FLAG for _, flag in tag(rest))):
                return end
    return 0
