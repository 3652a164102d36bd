"""Parks by name: the gazetteer of zones (data/zones.yaml) and how text names them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .resources import load_yaml

# Long forms that newspapers derive from a zone's short name "X高新区".
_HITECH_SUFFIX = "高新区"
_DERIVED = ("国家高新区", "高新技术产业开发区", "国家高新技术产业开发区", "高新技术开发区")
# Words that end the name of a park.
PARK_SUFFIX = re.compile(r"(产业园区|产业园|工业园区|工业园|科技园|经济技术开发区|技术开发区|开发区|示范区|合作区|高新区|科学城)")
# Word classes (jieba) that can make up a park's proper name: places, names, nouns.
_NAME_TAGS = ("ns", "nz", "nr", "nt", "n", "x", "eng", "j", "a", "vn")
_PROPER_TAGS = ("ns", "nz", "nr", "nt", "eng", "x")
# Words that make a generic phrase ("国家高新区", "全国开发区"), not a park's name.
_GENERIC = {"国家", "全国", "省级", "国家级", "全省", "各", "该", "高新", "高新技术", "产业", "经济", "技术",
            "综合", "创新", "自主", "驱动", "发展", "国际", "合作", "特色", "现代", "新型", "智能", "示范"}
# How far back from the suffix a park's name may reach (characters).
NAME_WINDOW = 14


@dataclass(frozen=True)
class Zone:
    name: str  # canonical short name, e.g. 武汉东湖高新区
    kind: str  # national-hitech | demo-zone | other
    province: str
    city: str
    official: str = ""


@dataclass(frozen=True)
class Mention:
    zone: Zone
    start: int
    end: int


@cache
def zones() -> dict[str, Zone]:
    out = {}
    for entry in load_yaml("zones.yaml"):
        out[entry["name"]] = Zone(entry["name"], entry.get("kind", "other"), entry.get("province", ""),
                                  entry.get("city", ""), entry.get("official", ""))
    return out


@cache
def surface_forms() -> dict[str, str]:
    """Every way of writing a zone -> its canonical name."""
    forms: dict[str, str] = {}
    for entry in load_yaml("zones.yaml"):
        name = entry["name"]
        names = [name, entry.get("official") or "", *(entry.get("aliases") or [])]
        for base in list(names):
            if base.endswith(_HITECH_SUFFIX):
                stem = base[: -len(_HITECH_SUFFIX)]
                names += [stem + suffix for suffix in _DERIVED]
        for form in names:
            if form and len(form) >= 2:
                forms.setdefault(form, name)
    return forms


@cache
def _pattern() -> re.Pattern:
    forms = sorted(surface_forms(), key=lambda f: (-len(f), f))
    return re.compile("|".join(re.escape(f) for f in forms))


def find_zones(text: str) -> list[Mention]:
    """Gazetteer zones named in the text, longest form first, non-overlapping."""
    table = zones()
    forms = surface_forms()
    return [Mention(table[forms[m.group()]], m.start(), m.end()) for m in _pattern().finditer(text)]


def find_unlisted_parks(text: str) -> list[str]:
    """Names that look like parks (…产业园, …开发区) but are not in the gazetteer.

    The name is read backwards from the suffix through jieba words that can make up a
    proper name, and kept only if one of them is a proper noun (a place, a company).
    """
    from .words import tag

    known = surface_forms()
    found: list[str] = []
    for match in PARK_SUFFIX.finditer(text):
        window = text[max(0, match.start() - NAME_WINDOW):match.end()]
        words = tag(window)
        if not words or not words[-1][0].endswith(match.group()):
            continue
        name_words = [words[-1]]
        for word, flag in reversed(words[:-1]):
            if not flag.startswith(_NAME_TAGS) or not re.fullmatch(r"[\u4e00-\u9fffA-Za-z0-9]+", word):
                break
            name_words.insert(0, (word, flag))
        while name_words and name_words[0][0] in _GENERIC:
            name_words.pop(0)
        name = "".join(w for w, _ in name_words)
        proper = any(f.startswith(_PROPER_TAGS) and w not in _GENERIC and not PARK_SUFFIX.fullmatch(w)
                     for w, f in name_words[:-1]) or (len(name_words) == 1 and len(name) > len(match.group()) + 1)
        if not proper or len(name) <= len(match.group()) + 1 or name in found:
            continue
        if any(form in name for form in known if len(form) >= 3 and form.endswith(match.group()[-2:])):
            continue
        found.append(name)
    return found
