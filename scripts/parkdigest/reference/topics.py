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
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class Taxonomy:
    topics: tuple[Topic, ...]
    keywords_per_article: int  # how many of an article's keywords say what it is about
    min_share: float  # a topic's share of them
    min_places: int  # headline and paragraphs that must use its words
    max_topics: int

    def labels(self) -> list[str]:
        return [t.label for t in self.topics]


@cache
def taxonomy() -> Taxonomy:
    data = load_yaml("topics.yaml")
    topics = tuple(Topic(t["label"], t["slug"], tuple(t["keywords"])) for t in data["topics"])
    return Taxonomy(topics, int(data["keywords_per_article"]), float(data["min_share"]), int(data["min_places"]),
                    int(data["max_topics"]))
