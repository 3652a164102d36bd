"""Parks the gazetteer lacks: names that look like parks (…产业园, …开发区, …示范区), read
with jieba's word classes (the gazetteer itself, reference/gazetteer.py, needs no jieba)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from parkdigest.convert.words import tag
from parkdigest.reference.gazetteer import surface_forms
from parkdigest.resources import language_words
from parkdigest.text import HAN

_WORDS = language_words()
# What ends the name of a park (the classes an editor adds to the gazetteer), longest first.
PARK_SUFFIX = re.compile("|".join(re.escape(suffix) for suffix in _WORDS["park_suffixes"]))
# Formal suffixes follow a bare place name: a single short word before them is the name.
_FORMAL_SUFFIXES = frozenset(_WORDS["formal_park_suffixes"])
# A park's name is read backwards from its suffix; these characters end it. Quotation
# marks do not: a name may hold a quoted brand (甘肃庆阳“东数西算”产业园).
_NAME_BOUNDARY = re.compile(f"[^{HAN}A-Za-z0-9“”]")
_QUOTES = "“”"
# How far back from the suffix a park's name may reach (characters).
NAME_WINDOW = 16
# jieba word classes that make up a name: nouns of all kinds, unknown words (x), Latin
# (eng), adjectives and distinguishing words (新型), verbal nouns (服务).
_NAME_TAGS = ("n", "x", "eng", "a", "b", "vn")
# Proper nouns: places, organisations, brands, people's names, Latin names.
_PROPER_TAGS = ("ns", "nz", "nt", "nr", "eng")
# Words that make a phrase a class or rank of parks, and words that make no name proper.
_CLASS_WORDS = frozenset(_WORDS["park_class_words"])
_GENERIC_WORDS = frozenset(_WORDS["park_generic_words"])
# A province or city as a whole names the zones of that area, not a park (山东省委开发区 too).
_ADMIN_AREA = re.compile(f"({'|'.join(map(re.escape, _WORDS['admin_area_endings']))})委?$")


@dataclass(frozen=True)
class UnlistedPark:
    """A park's name the gazetteer lacks, where the text names it."""

    name: str
    start: int
    end: int


def find_unlisted_parks(text: str) -> list[str]:
    """Names that look like parks (…产业园, …开发区, …示范区, …工业园) but are not in the
    gazetteer, each once, in text order."""
    return list(dict.fromkeys(park.name for park in unlisted_park_mentions(text)))


def unlisted_park_mentions(text: str) -> list[UnlistedPark]:
    """Every place the text names a park the gazetteer lacks.

    The name is read backwards from the suffix through jieba words that can make up a name
    (stopping at verbs, numerals, punctuation and class words such as 国家 or 先进), and kept
    only if it holds a proper noun — a place, a company — or is a single word before a
    formal suffix. Names that contain a gazetteer zone are parts of a known zone."""
    known = surface_forms()
    generic_terms = set(_WORDS["domain_terms"])
    found: list[UnlistedPark] = []
    for match in PARK_SUFFIX.finditer(text):
        # The clause before the suffix is cut as a whole, so that no word is cut in half.
        before = _NAME_BOUNDARY.split(text[:match.start()])[-1]
        words = _name_words(tag(before) if before else [])
        if not words or _is_class_of_parks(words):
            continue
        proper = any(flag.startswith(_PROPER_TAGS) and word not in _GENERIC_WORDS for word, flag in words)
        single = len(words) == 1 and match.group() in _FORMAL_SUFFIXES and words[0][0] not in generic_terms
        name = "".join(w for w, _ in words) + match.group()
        if not (proper or single) or any(form in name for form in known):
            continue
        found.append(UnlistedPark(name, match.end() - len(name), match.end()))
    return found


def _name_words(words: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The words before a suffix that make up the park's name, at most NAME_WINDOW
    characters; a quoted brand (“东数西算”) is taken whole."""
    name: list[tuple[str, str]] = []
    quoted = False
    for word, flag in reversed(words):
        if sum(len(w) for w, _ in name) + len(word) > NAME_WINDOW:
            break
        if word in _QUOTES:
            quoted = word == "”"
        elif not quoted and (word in _CLASS_WORDS or word.isdigit() or not flag.startswith(_NAME_TAGS)
                             or PARK_SUFFIX.search(word)):
            break
        name.insert(0, (word, flag))
    if quoted:  # a quote opened before the window: its words are no name
        while name and name[0][0] != "”":
            name.pop(0)
    while name and name[0][0] in _QUOTES:  # a name does not open with a quote it does not close
        name.pop(0)
    return name


def _is_class_of_parks(words: list[tuple[str, str]]) -> bool:
    return (len(words) == 1 and bool(_ADMIN_AREA.search(words[0][0]))) or any(w.endswith("委") for w, _ in words)
