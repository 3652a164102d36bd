"""A kicker run into its title: where it ends, by the grammar of Chinese headlines.

An extraction tool that reads a headline stack as one block joins the kicker (引题) and the title
(主题) with nothing between them: "带动上下游投资超千亿元疆电千里入巴渝（…）". Where no dash or
colon marks the kicker's end (classify.kicker_end), the title still has a shape of its own that
tells where it begins — each cue below is a form every paper's heads use, not a page's words:

- a kicker that reports who spoke ends with the verb of saying (……座谈会时强调);
- a title of the form "place：what happens" begins at the place (……等优势|江苏南京：竞逐……);
- a title that is a person's whole quotation begins at its opening quote (……能进化|“让汽车……”);
- a title of two parallel halves has halves of one length (……落地新疆|压缩通行时间 助力高效通关);
- a kicker that states a figure ends at the figure's unit (……投资超千亿元|疆电千里入巴渝).

Each needs a kicker of clause length before the title and a title of headline length after it.
"""

from __future__ import annotations

import re
from functools import cache

from parkdigest.convert.words import tag
from parkdigest.resources import language_words
from parkdigest.text import HAN, PARALLEL_HALVES

# A kicker is a clause: shorter text before a title is a part of the title (江苏南京：…).
KICKER_MIN_CHARS = 8
# A title is a headline: at least this long after the kicker.
TITLE_MIN_CHARS = 6
# A quoted title is what someone said, a clause; a shorter quotation is a term the title quotes
# (用人工智能激活制造业企业“数字大脑”, 公园“串珠成线”).
QUOTED_TITLE_MIN_CHARS = 8
# A quotation before which a verb of saying or a colon stands is what the title quotes, not the title.
_QUOTE_INTRODUCERS = "：:说道讲称"
# jieba's flags for a place name (ns) and a number (m): the title's place, the kicker's figure.
_PLACE, _NUMBER = "ns", "m"
# The words of comparison that state a figure in a kicker (超千亿元, 达30%, 突破100万).
_FIGURE_VERBS = ("超", "达", "逾", "近", "突破", "超过")


def run_on_kicker_end(core: str) -> int:
    """Where a kicker run into its title ends in a headline (without its column tag), or 0."""
    for cue in (_after_speech_verb, _before_place_colon, _before_whole_quotation, _before_parallel_halves,
                _after_stated_figure):
        at = cue(core)
        if at >= KICKER_MIN_CHARS and len(core) - at >= TITLE_MIN_CHARS:
            return at
    return 0


@cache
def _speech_end() -> re.Pattern:
    verbs = "|".join(language_words()["kicker_speech_verbs"])
    return re.compile(f"时(?:{verbs})")


def _after_speech_verb(core: str) -> int:
    found = _speech_end().search(core)
    return found.end() if found else 0


def _before_place_colon(core: str) -> int:
    colon = core.find("：")
    if colon <= 0:
        return 0
    words = tag(core[:colon])
    start = colon
    while words and words[-1][1] == _PLACE:
        start -= len(words.pop()[0])
    return start if start < colon else 0


def _before_whole_quotation(core: str) -> int:
    if not core.endswith("”"):
        return 0
    opening = core.rfind("“")
    if (opening <= 0 or "”" in core[opening:-1] or core[opening - 1] in _QUOTE_INTRODUCERS
            or len(core) - opening - 2 < QUOTED_TITLE_MIN_CHARS):
        return 0
    return opening if core[:opening].count("“") == core[:opening].count("”") else 0


def _before_parallel_halves(core: str) -> int:
    spaces = list(PARALLEL_HALVES.finditer(core))
    if len(spaces) != 1:
        return 0
    left, right = core[: spaces[0].start() + 1], core[spaces[0].end() - 1:]
    return len(left) - len(right) if re.fullmatch(f"[{HAN}“”]+", right) else 0


def _after_stated_figure(core: str) -> int:
    words = tag(core)
    at = 0
    for i, (word, _) in enumerate(words[:-2]):
        at += len(word)
        following, after = words[i + 1], words[i + 2]
        if word in _FIGURE_VERBS and following[1] == _NUMBER:
            end = at + len(following[0])
            if after[1] == _NUMBER:  # 360 + 亿千瓦时: the number and its unit
                end += len(after[0])
            rest = core[end:]
            if rest and re.match(f"[{HAN}]", rest) and not re.search(r"\d", rest):
                return end
    return 0
