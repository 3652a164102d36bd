"""The topic taxonomy (data/topics.yaml): the themes an article can be about, and their
keywords. Choosing an article's topics is convert/topics.py's job."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from parkdigest.resources import load_yaml


@dataclass(frozen=True)
class Topic:
    label: str
    slug: str
    keywords: dict


@dataclass(frozen=True)
class Taxonomy:
    topics: tuple[Topic, ...]
    min_score: float
    min_share: float
    min_topics: int
    max_topics: int

    def labels(self) -> list[str]:
        return [t.label for t in self.topics]


@cache
def taxonomy() -> Taxonomy:
    data = load_yaml("topics.yaml")
    topics = tuple(Topic(t["label"], t["slug"], dict(t["keywords"])) for t in data["topics"])
    return Taxonomy(topics, float(data["min_score"]), float(data.get("min_share", 0)), int(data["min_topics"]),
                    int(data["max_topics"]))


@cache
def domain_terms() -> tuple[str, ...]:
    """Keywords of the taxonomy: jieba should keep them whole."""
    return tuple(sorted({k for t in taxonomy().topics for k in t.keywords}))
