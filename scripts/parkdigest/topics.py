"""Topics: which themes of the taxonomy (data/topics.yaml) an article is about."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .resources import load_yaml
from .words import cut

# Scores are per this many words of the article, so long and short articles compare.
PER_WORDS = 1000


@dataclass(frozen=True)
class Topic:
    label: str
    slug: str
    keywords: dict


@dataclass(frozen=True)
class Taxonomy:
    topics: tuple[Topic, ...]
    min_score: float
    min_topics: int
    max_topics: int

    def labels(self) -> list[str]:
        return [t.label for t in self.topics]


@cache
def taxonomy() -> Taxonomy:
    data = load_yaml("topics.yaml")
    topics = tuple(Topic(t["label"], t["slug"], dict(t["keywords"])) for t in data["topics"])
    return Taxonomy(topics, float(data["min_score"]), int(data["min_topics"]), int(data["max_topics"]))


def score_topics(text: str) -> dict[str, float]:
    """Weighted keyword count per 1,000 jieba words, for every topic."""
    words = cut(text)
    total = max(len(words), 1)
    counts: dict[str, int] = {}
    for word in words:
        counts[word] = counts.get(word, 0) + 1
    return {topic.label: round(sum(w * counts.get(k, 0) for k, w in topic.keywords.items()) * PER_WORDS / total, 3)
            for topic in taxonomy().topics}


def choose_topics(text: str) -> list[str]:
    """The 2-5 strongest topics, strongest first (taxonomy order breaks ties)."""
    tax = taxonomy()
    scores = score_topics(text)
    order = {label: i for i, label in enumerate(tax.labels())}
    ranked = sorted(scores, key=lambda label: (-scores[label], order[label]))
    chosen = [label for label in ranked if scores[label] >= tax.min_score][: tax.max_topics]
    for label in ranked:
        if len(chosen) >= tax.min_topics:
            break
        if label not in chosen and scores[label] > 0:
            chosen.append(label)
    return chosen


@cache
def domain_terms() -> tuple[str, ...]:
    """Keywords of the taxonomy: jieba should keep them whole."""
    return tuple(sorted({k for t in taxonomy().topics for k in t.keywords}))
