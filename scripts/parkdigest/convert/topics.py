"""Topics: which themes of the taxonomy (reference/topics.py) an article is about.

An article is about a topic when the topic's keywords make up a good part of what the
article says most, and come back through it rather than in one passage. "What it says
most" is its TF-IDF keywords: its words weighted by how often it uses them and by how
telling they are in Chinese at large (jieba's inverse document frequencies), so 锂离子电池
counts for more than 服务. A topic's score is the weight of its keywords as a share of the
weight of the article's own top keywords: it does not grow with the article's length, and an
article that no topic carries gets no topic.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

from parkdigest.convert.words import cut, idf, is_content_word, place_words
from parkdigest.reference.topics import taxonomy
from parkdigest.resources import language_words

# The headline says what the article is about in a few words: each of its words counts
# this many times, and a topic it names needs only this share of the evidence another needs
# (its score is doubled, also where topics are ranked).
HEADLINE_REPEAT = 3
HEADLINE_NAMES = 0.5
# Words for parks (园区, 高新区 …, language.yaml): every story of the digest has them.
_PARK = re.compile(f"(?:{'|'.join(map(re.escape, language_words()['park_class_terms']))})$")


@dataclass(frozen=True)
class TopicEvidence:
    label: str
    share: float  # the weight of its keywords, as a share of the article's top keywords'
    places: int  # of the headline and the paragraphs, those that use its keywords
    in_headline: bool

    @property
    def score(self) -> float:
        """The share, as much larger for a topic the headline names as it needs less of it."""
        return self.share / (HEADLINE_NAMES if self.in_headline else 1.0)


def topic_evidence(headline: str, paragraphs: list[str]) -> list[TopicEvidence]:
    """Every topic's evidence in an article, the highest score first (taxonomy order breaks ties)."""
    tax = taxonomy()
    places = [topic_terms(headline), *(topic_terms(p) for p in paragraphs)]
    counts = Counter(places[0] * HEADLINE_REPEAT + [t for terms in places[1:] for t in terms])
    weights = {term: count * idf(term) for term, count in counts.items()}
    top = sorted(weights, key=lambda t: (-weights[t], t))[: tax.keywords_per_article]
    mass = sum(weights[t] for t in top) or 1.0
    out = []
    place_topics = [frozenset().union(*(_topics_of(t) for t in terms)) for terms in places]
    for topic in tax.topics:
        share = sum(weights[t] for t in top if topic.label in _topics_of(t)) / mass
        used = sum(1 for labels in place_topics if topic.label in labels)
        named = topic.label in place_topics[0]
        out.append(TopicEvidence(topic.label, round(share, 4), used, named))
    order = {label: i for i, label in enumerate(tax.labels())}
    return sorted(out, key=lambda e: (-e.score, order[e.label]))


def choose_topics(headline: str, paragraphs: list[str]) -> list[str]:
    """The topics an article is about, the highest score first: those whose keywords hold at
    least the taxonomy's min_share of the weight of its keywords (HEADLINE_NAMES of it for a
    topic the headline names), in at least min_places of its headline and paragraphs (all
    of them, in a shorter article); at most max_topics, and none when no topic fits."""
    tax = taxonomy()
    needed = min(tax.min_places, 1 + len(paragraphs))
    chosen = [e.label for e in topic_evidence(headline, paragraphs) if e.score >= tax.min_share and e.places >= needed]
    return chosen[: tax.max_topics]


def topic_terms(text: str) -> list[str]:
    """The text's content words (words.content_words), a run of words that makes up a
    keyword (内卷式竞争) counted as one, without places and parks that are no keyword:
    where a story happens is not what it is about."""
    words = cut(text)
    joined = "".join(words)
    starts = list(itertools.accumulate((len(w) for w in words), initial=0))
    word_at = {offset: i for i, offset in enumerate(starts)}
    by_char = _keywords_by_first_char()
    merged, i = [], 0
    while i < len(words):
        # Most words open with a character no keyword opens with: taken as they are.
        keyword = _keyword_at(joined, starts[i]) if joined[starts[i]:starts[i] + 1] in by_char else ""
        end = starts[i] + len(keyword)
        if keyword and end in word_at and word_at[end] > i + 1:
            merged.append(keyword)
            i = word_at[end]
        else:
            merged.append(words[i])
            i += 1
    return [w for w in merged if _is_term(w)]


# Words come back from paragraph to paragraph (发展, 企业): each one's answer is kept, for
# as many words as a few pages use.
@lru_cache(maxsize=1 << 16)
def _is_term(word: str) -> bool:
    """A content word that is a keyword of a topic, or names no place or park."""
    return is_content_word(word) and bool(_topics_of(word) or (word not in place_words() and not _PARK.search(word)))


@cache
def _topics_of(term: str) -> frozenset[str]:
    """The topics a word belongs to: those with a keyword that is the word or ends it —
    Chinese puts a compound's head last (公共数据 is a kind of 数据; 科技部 is no 科技)."""
    by_keyword = _keyword_topics()
    endings = [term] + [term[i:] for i in range(1, len(term) - 1)]  # the word, and its endings of 2 or more
    return frozenset(label for ending in endings for label in by_keyword.get(ending, ()))


@cache
def _keyword_topics() -> dict[str, frozenset[str]]:
    """Each keyword of the taxonomy and the topics it belongs to."""
    topics: dict[str, set[str]] = {}
    for topic in taxonomy().topics:
        for keyword in topic.keywords:
            topics.setdefault(keyword, set()).add(topic.label)
    return {keyword: frozenset(labels) for keyword, labels in topics.items()}


def _keyword_at(text: str, start: int) -> str:
    """The longest keyword of the taxonomy that the text holds at `start`, or ''."""
    for keyword in _keywords_by_first_char().get(text[start:start + 1], ()):
        if text.startswith(keyword, start):
            return keyword
    return ""


@cache
def _keywords_by_first_char() -> dict[str, tuple[str, ...]]:
    """The taxonomy's keywords by their first character, longest first."""
    terms = {k for topic in taxonomy().topics for k in topic.keywords}
    by_char: dict[str, list[str]] = {}
    for term in sorted(terms, key=lambda t: (-len(t), t)):
        by_char.setdefault(term[:1], []).append(term)
    return {char: tuple(terms) for char, terms in by_char.items()}