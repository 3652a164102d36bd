"""Parks by name: the gazetteer of zones (data/zones.yaml) and how text names them.
Finding parks the gazetteer lacks needs jieba: convert/parks.py."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from parkdigest.resources import language_words, load_yaml

_WORDS = language_words()
# Long forms that newspapers derive from a zone's short name "X高新区" and from a
# demonstration zone's "X国家自主创新示范区" (language.yaml says which).
_HITECH_SUFFIX: str = _WORDS["hitech_suffix"]
_HITECH_DERIVED: tuple[str, ...] = tuple(_WORDS["hitech_derived"])
_DEMO_SUFFIX: str = _WORDS["demo_suffix"]
_DEMO_DERIVED: tuple[str, ...] = tuple(_WORDS["demo_derived"])
# Characters that join coordinated park names sharing one suffix: "武汉东湖和广州高新区".
_CONJUNCTIONS: str = _WORDS["park_conjunctions"]
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
    members: tuple[str, ...] = ()  # a demonstration zone's member zones, as zones.yaml lists them


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
                                  entry.get("city", ""), entry.get("official", ""), tuple(entry.get("members") or ()))
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


def with_members(names: Iterable[str]) -> frozenset[str]:
    """Zones (by name) and, for a demonstration zone, the zones it is made of (its members):
    a story about 兰白自创区 speaks of 兰州高新区 and 白银高新区."""
    table, forms = zones(), surface_forms()
    names = frozenset(names)
    return names | {forms[member] for name in names if name in table
                    for member in table[name].members if member in forms}


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


def load() -> None:
    """Compile the gazetteer's patterns now rather than at the first text that asks (a
    process about to convert pages loads them up front, as jieba loads its dictionary)."""
    _pattern()
    _hitech_stems()


@cache
def _pattern() -> re.Pattern:
    forms = sorted(surface_forms(), key=lambda f: (-len(f), f))
    return re.compile("|".join(re.escape(f) for f in forms))


@cache
def _hitech_stems() -> dict[str, str]:
    """'武汉东湖' -> 武汉东湖高新区: what stands before a shared 高新区 in coordinated names."""
    return {form[: -len(_HITECH_SUFFIX)]: name for form, name in surface_forms().items()
            if form.endswith(_HITECH_SUFFIX) and len(form) - len(_HITECH_SUFFIX) >= 2}


@cache
def _longest_stem() -> int:
    return max((len(s) for s in _hitech_stems()), default=0)


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
    longest = _longest_stem()
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
