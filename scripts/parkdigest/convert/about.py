"""The parks an article is about, and whether it is park news.

A park is what an article is about when the article names it where a reader looks for its
subject — the headline, the lead, a subhead, the opening of a paragraph — or names it again
and again. Not every appearance of a name names the park: inside a longer name (雄安中关村科技园
is not 中关村), in a speaker's title (中关村管委会材制处处长徐剑表示) or as one item of a list, it
says nothing of what the article is about. Parks come from the gazetteer
(reference/gazetteer.py) and, for parks it lacks, from how park names are built (parks.py).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from enum import Enum
from functools import cache

from parkdigest.convert.model import Draft
from parkdigest.convert.parks import unlisted_park_mentions
from parkdigest.convert.words import last_word
from parkdigest.reference.gazetteer import QUALIFIER_SHARE, Zone, find_zones, surface_forms, zones
from parkdigest.resources import language_words
from parkdigest.text import HAN

_WORDS = language_words()


class Place(str, Enum):
    """Where in the article a name stands, and what a mention there weighs."""

    HEADLINE = "headline"  # title, kicker, deck: what the article is about, in a few words
    LEAD = "lead"  # the first paragraph: who, what and where
    SUBHEAD = "subhead"  # a section about it
    OPENING = "opening"  # the first words of a paragraph: the topic it goes on about
    BODY = "body"  # anywhere else


PLACE_WEIGHT = {Place.HEADLINE: 5.0, Place.LEAD: 2.0, Place.SUBHEAD: 3.0, Place.OPENING: 2.0, Place.BODY: 1.0}
# A park named this much is what the article is about: once where a reader looks for the
# subject (headline, lead, subhead, a paragraph's opening), or twice anywhere.
MIN_PARK_SCORE = 2.0


class Naming(str, Enum):
    """How a mention names its park, and the share of a mention it counts for."""

    NAMED = "named"
    LOCATOR = "locator"  # locates the park named next: 长春新区 in 长春新区北湖科技开发区
    IN_LIST = "in-list"  # one item of a list: 成都、沈阳、武汉东湖和广州高新区
    AFFILIATION = "affiliation"  # a speaker's or an office's title: 中关村管委会材制处处长徐剑
    INSIDE_NAME = "inside-name"  # part of another name: 中关村科技园 in 雄安中关村科技园


NAMING_SHARE = {Naming.NAMED: 1.0, Naming.LOCATOR: QUALIFIER_SHARE, Naming.AFFILIATION: 0.0, Naming.INSIDE_NAME: 0.0}
# A list item counts 1/n of a mention in a list of n, and nothing in a list longer than this:
# a park named once among many is not what the article is about.
MAX_LIST_ITEMS = 3

# The first clause of a paragraph ends at the first of these.
_CLAUSE_END = re.compile("[，。；：！？]")
# Chinese puts the topic first: a paragraph that opens with a park's name (after at most a
# list number, "1.苏州工业园。") goes on about the park; "在…开发区的一个车间里" only places a scene.
_OPENING = re.compile(f"[^{HAN}]*(?:[一二三四五六七八九十]+[、.．])?[^{HAN}]*")
# Titles of people and offices (language.yaml): a name followed by one of them in the same
# clause is where a speaker works.
_ROLE = re.compile("|".join(map(re.escape, _WORDS["speaker_roles"])))
_CLAUSE = re.compile("[^，。；：！？“”（）()]*")
# What stands between two items of one list.
_LIST_GAP = re.compile(f"[{re.escape(_WORDS['park_conjunctions'])}]")
LIST_GAP_CHARS = 12
_HAN_BEFORE = re.compile(f"[{HAN}]$")
# Park news without a named park: words for parks as a class (language.yaml) in the
# headline, or in this many paragraphs and this share of them.
_PARK_CLASS = re.compile("|".join(map(re.escape, _WORDS["park_class_terms"])))
PARK_NEWS_MIN_PARAGRAPHS = 3
PARK_NEWS_MIN_SHARE = 0.25


@dataclass(frozen=True)
class ParkMention:
    name: str  # the gazetteer's canonical name, or the name as printed for a park it lacks
    listed: bool  # in the gazetteer
    place: Place
    naming: Naming
    list_items: int = 1
    order: int = 0  # position in the article, for ties

    @property
    def weight(self) -> float:
        if self.naming is Naming.IN_LIST:
            share = 1.0 / self.list_items if self.list_items <= MAX_LIST_ITEMS else 0.0
        else:
            share = NAMING_SHARE[self.naming]
        return PLACE_WEIGHT[self.place] * share


@dataclass(frozen=True)
class About:
    """What an article says of parks."""

    zones: tuple[str, ...]  # the parks it is about, main first: gazetteer parks, then others
    unlisted: tuple[str, ...]  # every park it names that the gazetteer lacks
    park_news: bool


def describe_parks(draft: Draft) -> About:
    mentions = park_mentions(draft)
    scores: dict[str, float] = defaultdict(float)
    first: dict[str, int] = {}
    listed: dict[str, bool] = {}
    for mention in mentions:
        scores[mention.name] += mention.weight
        first.setdefault(mention.name, mention.order)
        listed[mention.name] = mention.listed
    about = sorted((name for name, score in scores.items() if score >= MIN_PARK_SCORE),
                   key=lambda name: (not listed[name], -scores[name], first[name]))
    unlisted = tuple(dict.fromkeys(m.name for m in mentions if not m.listed))
    return About(tuple(about), unlisted, bool(about) or _about_parks_as_a_class(draft))


def park_mentions(draft: Draft) -> list[ParkMention]:
    """Every mention of a park in the article, with where it stands and how it names the park."""
    out: list[ParkMention] = []
    lead_seen = False
    for place, text in _parts(draft):
        if place is Place.BODY and not lead_seen:
            place, lead_seen = Place.LEAD, True
        opening = _OPENING.match(text).end()  # type: ignore[union-attr]
        for mention in _mentions_in(text):
            where = Place.OPENING if place is Place.BODY and mention.start <= opening else place
            out.append(ParkMention(mention.name, mention.listed, where, mention.naming, mention.list_items,
                                   len(out)))
    return out


def _parts(draft: Draft) -> list[tuple[Place, str]]:
    parts = [(Place.HEADLINE, text) for text in (draft.kicker, draft.title, draft.deck) if text]
    for paragraph in draft.paragraphs:
        if not paragraph.credit:
            parts.append((Place.SUBHEAD if paragraph.subhead else Place.BODY, paragraph.text))
    return parts


@dataclass(frozen=True)
class _Mention:
    name: str
    listed: bool
    start: int
    end: int
    naming: Naming = Naming.NAMED
    list_items: int = 1


def _mentions_in(text: str) -> list[_Mention]:
    found = [_Mention(m.zone.name, True, m.start, m.end, Naming.LOCATOR if m.qualifier else Naming.NAMED)
             for m in find_zones(text)]
    taken = [(m.start, m.end) for m in found]
    found += [_Mention(p.name, False, p.start, p.end) for p in unlisted_park_mentions(text)
              if not any(s < p.end and p.start < e for s, e in taken)]
    found.sort(key=lambda m: m.start)
    lists = _list_sizes(text, found)
    out = []
    for i, mention in enumerate(found):
        naming = mention.naming
        if naming is Naming.NAMED:
            zone = zones().get(mention.name) if mention.listed else None
            if zone and _inside_another_name(text, mention.start, zone):
                naming = Naming.INSIDE_NAME
            elif _ROLE.search(_CLAUSE.match(text, mention.end).group()):  # type: ignore[union-attr]
                naming = Naming.AFFILIATION
            elif lists[i] > 1:
                naming = Naming.IN_LIST
        out.append(_Mention(mention.name, mention.listed, mention.start, mention.end, naming, lists[i]))
    return out


def _list_sizes(text: str, mentions: list[_Mention]) -> list[int]:
    """For each mention, how many parks the list it stands in names (1: it is in no list).
    Items of a list follow each other with a list mark (、和与及) and little else between."""
    runs: list[list[int]] = []
    for i, mention in enumerate(mentions):
        if runs and _continues_list(text[mentions[runs[-1][-1]].end:mention.start]):
            runs[-1].append(i)
        else:
            runs.append([i])
    sizes = [1] * len(mentions)
    for run in runs:
        for i in run:
            sizes[i] = len(run)
    return sizes


def _continues_list(gap: str) -> bool:
    return len(gap) <= LIST_GAP_CHARS and bool(_LIST_GAP.search(gap)) and not _CLAUSE_END.search(gap)


def _inside_another_name(text: str, start: int, zone: Zone) -> bool:
    """Is the zone's name the tail of another name (雄安中关村科技园, 保定中关村创新中心)?

    A word written straight before it makes another name when it is a name jieba does not
    know, or the city or province of other parks. A place that holds the park (北京中关村,
    浦东张江) only locates it."""
    if not _HAN_BEFORE.search(text[:start]):
        return False
    word, known = last_word(re.split(f"[^{HAN}]", text[:start])[-1])
    if len(word) < 2 or word in surface_forms() or _locates(word, zone):
        return False
    return not known or word in _areas()


@cache
def _areas() -> frozenset[str]:
    """The provinces and cities of the gazetteer's parks."""
    return frozenset(area for zone in zones().values() for area in (zone.province, zone.city) if area)


def _locates(word: str, zone: Zone) -> bool:
    """Is the place word the zone's own province or city (北京, 甘肃, 白银市)?"""
    return any(word.startswith(area) or area.startswith(word) for area in (zone.province, zone.city) if area)


def _about_parks_as_a_class(draft: Draft) -> bool:
    """No park named, but parks as such are the subject: 开发区成山西转型发展重要平台,
    or 高新区 and 园区 through the text."""
    if any(_PARK_CLASS.search(text) for text in (draft.kicker, draft.title, draft.deck) if text):
        return True
    bodies = [p.text for p in draft.paragraphs if not p.credit]
    hits = sum(1 for text in bodies if _PARK_CLASS.search(text))
    return hits >= PARK_NEWS_MIN_PARAGRAPHS and hits >= PARK_NEWS_MIN_SHARE * len(bodies)
