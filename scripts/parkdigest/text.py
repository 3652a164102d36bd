"""Facts about Chinese text that every part of the package shares."""

from __future__ import annotations

import re

# Chinese characters (Han ideographs), as a regular-expression class body: the CJK Unified
# Ideographs, Extension A (rare and old characters in names) and the compatibility block.
# Use it as f"[{HAN}]".
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_CHAR = re.compile(f"[{HAN}]")  # one Chinese character

# Two phrases set apart by a space (小吃节 烟火味, 有“点赞之交”还不够 成都高新区玩转…): the halves of a
# parallel title. Running text puts no space between Chinese characters.
PARALLEL_HALVES = re.compile(rf"[{HAN}”] +[{HAN}“]")

# A news item's dateline, opening its first paragraph: 本报讯, 本报北京3月29日电, 新华社郑州
# 1月7日电, 湖南日报讯, 科技日报长沙6月3日讯 — where it stands, a brief begins.
DATELINE = re.compile(
    rf"^[（(]?(本报|新华社|中新社|[{HAN}]{{2,8}}(日报|晚报|时报|导报|报|电视台|网))"
    rf"([{HAN}]{{0,12}}\d{{1,2}}月\d{{1,2}}日)?(电|讯)")
