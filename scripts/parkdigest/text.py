"""Facts about Chinese text that every part of the package shares."""

from __future__ import annotations

import re

# Chinese characters (Han ideographs), as a regular-expression class body: the CJK Unified
# Ideographs, Extension A (rare and old characters in names) and the compatibility block.
# Use it as f"[{HAN}]".
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_CHAR = re.compile(f"[{HAN}]")  # one Chinese character
