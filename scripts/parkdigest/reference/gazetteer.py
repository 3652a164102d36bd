"""Parks by name: the gazetteer of zones (data/zones.yaml) and how text names them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from parkdigest.resources import load_yaml

# Long forms that newspapers derive from a zone's short name "X高新区" (常州国家高新区,
# 常州高新技术产业开发区); they are not all listed in the gazetteer.
_HITECH_SUFFIX = "高新区"
_HITECH_DERIVED = ("国家高新区", "国家级高新区", "高新技术产业开发区", "国家高新技术产业开发区", "高新技术开发区")
# Forms of a demonstration zone "X国家自主创新示范区": 兰白国家自创区, 兰白自创区.
_DEMO_SUFFIX = "国家自主创新示范区"
_DEMO_DERIVED = ("国家自创区", "自创区", "自主创新示范区")
# Words that join coordinated park names sharing one suffix: "武汉东湖和广州高新区".
_CONJUNCTIONS = "和与及、"
# A compound such as "长春新区北湖科技开发区" names one park, the last (Chinese puts the
# head last); the container before it is a locator and counts this much of a mention.
QUALIFIER_SHARE = 0.5


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
    qualifier: bool = False  # locates the next mention ("长春新区" in 长春新区北湖科技开发区)


@cache
def _entries() -> tuple[dict, ...]:
    return tuple(load_yaml("zones.yaml"))


@cache
def zones() -> dict[str, Zone]:
    out = {}
    for entry in _entries():
        out[entry["name"]] = Zone(entry["name"], entry.get("kind", "other"), entry.get("province", ""),
                                  entry.get("city", ""), entry.get("official", ""))
    return out


@cache
def surface_forms() -> dict[str, str]:
    """Every way of writing a zone -> its canonical name.

    Listed names (name, official, aliases) are registered first, so a derived form never
    takes a name that the gazetteer gives to another zone."""
    forms: dict[str, str] = {}
    for entry in _entries():
        for form in _listed_forms(entry):
            forms.setdefault(form, entry["name"])
    for entry in _entries():
        for form in _derived_forms(entry):
            forms.setdefault(form, entry["name"])
    return {form: name for form, name in forms.items() if len(form) >= 2}


def _listed_forms(entry: dict) -> list[str]:
    return [f for f in (entry["name"], entry.get("official") or "", *(entry.get("aliases") or [])) if f]


def _derived_forms(entry: dict) -> list[str]:
    out = []
    for base in _listed_forms(entry):
        if base.endswith(_HITECH_SUFFIX):
            out += [base[: -len(_HITECH_SUFFIX)] + suffix for suffix in _HITECH_DERIVED]
        if base.endswith(_DEMO_SUFFIX):
            out += [base[: -len(_DEMO_SUFFIX)] + suffix for suffix in _DEMO_DERIVED]
    if entry.get("kind") == "demo-zone":
        # A multi-city zone is named after each of its cities: 福建泉州国家自主创新示范区.
        out += [city + _DEMO_SUFFIX for city in entry.get("cities") or []]
    return out


@cache
def _pattern() -> re.Pattern:
    forms = sorted(surface_forms(), key=lambda f: (-len(f), f))
    return re.compile("|".join(re.escape(f) for f in forms))


@cache
def _hitech_stems() -> dict[str, str]:
    """'武汉东湖' -> 武汉东湖高新区: what stands before a shared 高新区 in coordinated names."""
    return {form[: -len(_HITECH_SUFFIX)]: name for form, name in surface_forms().items()
            if form.endswith(_HITECH_SUFFIX) and len(form) - len(_HITECH_SUFFIX) >= 2}


def find_zones(text: str) -> list[Mention]:
    """Gazetteer zones named in the text, longest form first, non-overlapping, in text order.

    Coordinated names that share one suffix count for each park ("武汉东湖和广州高新区"),
    and a park named as the locator of the next one is marked as a qualifier."""
    table, forms = zones(), surface_forms()
    found = [Mention(table[forms[m.group()]], m.start(), m.end()) for m in _pattern().finditer(text)]
    found += _coordinated(text, found)
    found.sort(key=lambda m: m.start)
    return [Mention(m.zone, m.start, m.end, qualifier=i + 1 < len(found) and found[i + 1].start == m.end)
            for i, m in enumerate(found)]


def _coordinated(text: str, mentions: list[Mention]) -> list[Mention]:
    """Parks whose suffix is left to the last of a list: in "成都、沈阳和广州高新区" the
    stems 成都 and 沈阳 name 成都高新区 and 沈阳高新区."""
    table, stems = zones(), _hitech_stems()
    longest = max((len(s) for s in stems), default=0)
    taken = [(m.start, m.end) for m in mentions]
    out: list[Mention] = []
    for mention in mentions:
        if not text.startswith(_HITECH_SUFFIX, mention.end - len(_HITECH_SUFFIX)):
            continue
        position = mention.start
        while position > 0 and text[position - 1] in _CONJUNCTIONS:
            end = position - 1
            stem = next((text[end - n:end] for n in range(min(longest, end), 1, -1) if text[end - n:end] in stems), "")
            if not stem or any(s < end and end - len(stem) < e for s, e in taken):
                break
            out.append(Mention(table[stems[stem]], end - len(stem), end))
            taken.append((end - len(stem), end))
            position = end - len(stem)
    return out


# --- parks missing from the gazetteer ------------------------------------------------------

# What ends the name of a park (the classes an editor adds to the gazetteer), longest first.
PARK_SUFFIX = re.compile("经济技术开发区|高新技术产业开发区|经济开发区|技术开发区|开发区|产业园区|产业园|工业园区|工业园"
                         "|示范区|高新区")
# Formal suffixes follow a bare place name ("运城经济技术开发区"), which jieba may not tag
# as a place; a single short word before them is taken as the park's name.
_FORMAL_SUFFIXES = {"经济技术开发区", "高新技术产业开发区", "经济开发区", "高新区"}
# A park's name is read backwards from its suffix; these characters end it.
_NAME_BOUNDARY = re.compile(r"[^\u4e00-\u9fffA-Za-z0-9]")
# How far back from the suffix a park's name may reach (characters).
NAME_WINDOW = 16
# jieba word classes that make up a name: nouns of all kinds, unknown words (x), Latin
# (eng), adjectives and distinguishing words (新型), verbal nouns (服务).
_NAME_TAGS = ("n", "x", "eng", "a", "b", "vn")
# Proper nouns: places, organisations, brands, people's names, Latin names.
_PROPER_TAGS = ("ns", "nz", "nt", "nr", "eng")
# Words that turn a phrase into a class or a rank of parks ("国家高新区", "省市先进工业园区",
# "江西省十大工业园区"), not one park's name: reading stops before them.
_CLASS_WORDS = frozenset("国家 国家级 全国 全省 全市 省级 市级 省市 各 各类 该 首批 先进 优秀 一流 重点 示范 最具 十佳".split())
# Words allowed inside a name that do not make it a proper name by themselves.
_GENERIC_WORDS = frozenset("中国 国际 高科技 高技术 高新技术 科技 产业 经济 技术 创新 现代 智慧".split())
# A province or city as a whole ("江苏省开发区", "济宁市开发区", "山东省委开发区") names
# the zones of that area, not a park.
_ADMIN_AREA = re.compile(r"(省|市|县|自治区)委?$")


def find_unlisted_parks(text: str) -> list[str]:
    """Names that look like parks (…产业园, …开发区, …示范区, …工业园) but are not in the gazetteer.

    The name is read backwards from the suffix through jieba words that can make up a name
    (stopping at verbs, numerals, punctuation and class words such as 国家 or 先进), and kept
    only if it holds a proper noun — a place, a company — or is a single word before a
    formal suffix. Names that contain a gazetteer zone are parts of a known zone."""
    from parkdigest.reference.topics import domain_terms
    from parkdigest.convert.words import tag

    known = surface_forms()
    generic_terms = set(domain_terms())
    found: list[str] = []
    for match in PARK_SUFFIX.finditer(text):
        before = text[max(0, match.start() - NAME_WINDOW):match.start()]
        before = _NAME_BOUNDARY.split(before)[-1]
        words = _name_words(tag(before) if before else [])
        if not words or _is_class_of_parks(words):
            continue
        proper = any(flag.startswith(_PROPER_TAGS) and word not in _GENERIC_WORDS for word, flag in words)
        single = len(words) == 1 and match.group() in _FORMAL_SUFFIXES and words[0][0] not in generic_terms
        name = "".join(w for w, _ in words) + match.group()
        if not (proper or single) or name in found or any(form in name for form in known):
            continue
        found.append(name)
    return found


def _name_words(words: list[tuple[str, str]]) -> list[tuple[str, str]]:
    name: list[tuple[str, str]] = []
    for word, flag in reversed(words):
        if word in _CLASS_WORDS or word.isdigit() or not flag.startswith(_NAME_TAGS) or PARK_SUFFIX.search(word):
            break
        name.insert(0, (word, flag))
    return name


def _is_class_of_parks(words: list[tuple[str, str]]) -> bool:
    return (len(words) == 1 and bool(_ADMIN_AREA.search(words[0][0]))) or any(w.endswith("委") for w, _ in words)
