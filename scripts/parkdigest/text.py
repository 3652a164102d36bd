"""Facts about Chinese text that every part of the package shares."""

from __future__ import annotations

import re

# Chinese characters (Han ideographs), as a regular-expression class body: the CJK Unified
# Ideographs, Extension A (rare and old characters in names) and the compatibility block.
# Use it as f"[{HAN}]".
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_CHAR = re.compile(f"[{HAN}]")  # one Chinese character

# The marks that end a sentence (GB/T 15834): full stop, exclamation and question marks, the
# Latin forms of the last two that copied text may carry, and the ellipsis (……). Every test
# of "does a sentence end here" starts from these; the named subsets below say which marks a
# use leaves out and why.
CHINESE_SENTENCE_END = "。！？"
LATIN_SENTENCE_END = "!?"
ELLIPSIS = "…"
# Ended by a full stop, "!" or "?" — a credit line, a summary's cut, a word's start: an
# ellipsis there trails off a quotation or a list, it does not close the sentence.
SENTENCE_END_NO_ELLIPSIS = CHINESE_SENTENCE_END + LATIN_SENTENCE_END
# Whether a line ends its sentence: an ellipsis at a line's end closes it too.
SENTENCE_END = SENTENCE_END_NO_ELLIPSIS + ELLIPSIS

# Box markers: the solid and outline shapes a paper sets before a box's heading, a label, a
# list item, a byline or a credit line (■链接, ◆记者手记, ●人物小传, □本报记者, ◎编辑) —
# typography, not text: the same line with any of them, or none, says the same.
BOX_MARKERS = "■□◆◇●○▲△★☆◎"
# Arrows a paper sets before a byline or a label in the same way (▶记者 张三).
POINTERS = "▶►"
# What may stand before a byline's first word: a box marker, an arrow, the ">" of a quoted
# line in copied text, a space.
BYLINE_MARKS = BOX_MARKERS + POINTERS + "> "

# A news item's dateline, opening its first paragraph: 本报讯, 本报北京3月29日电, 新华社郑州
# 1月7日电, 湖南日报讯, 科技日报长沙6月3日讯 — where it stands, a brief begins.
DATELINE = re.compile(
    rf"^[（(]?(本报|新华社|中新社|[{HAN}]{{2,8}}(日报|晚报|时报|导报|报|电视台|网))"
    rf"([{HAN}]{{0,12}}\d{{1,2}}月\d{{1,2}}日)?(电|讯)")
