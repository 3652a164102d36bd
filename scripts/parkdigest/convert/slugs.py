"""Slugs: the ASCII part of an article's URL, made from its title and unique across pages."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from pypinyin import lazy_pinyin

from parkdigest.articles.schema import SLUG_MAX_CHARS
from parkdigest.convert.model import Article
from parkdigest.convert.words import cut, split_compound
from parkdigest.text import HAN_CHAR

# A title's slug leaves room for the "-2", "-3" … that make it unique across pages, so the
# unique slug stays within the schema's SLUG_MAX_CHARS.
UNIQUE_SUFFIX_ROOM = 20
TITLE_SLUG_MAX_CHARS = SLUG_MAX_CHARS - UNIQUE_SUFFIX_ROOM
# A longer jieba word (成都高新区, 兰白国家自主创新示范区) is spelled as its dictionary
# words in a slug (chengdu-gaoxinqu), so the URL stays readable.
SLUG_WORD_CHARS = 4
# The slug of a title with no letters, digits or Chinese in it.
FALLBACK_SLUG = "article"


def make_slug(title: str) -> str:
    """Readable ASCII from the title: pinyin per jieba word, e.g. chengdu-gaoxinqu-rang-chanye."""
    parts = [part for word in cut(title) for part in _slug_parts(word)]
    slug = ""
    for part in parts:
        candidate = f"{slug}-{part}" if slug else part
        if len(candidate) > TITLE_SLUG_MAX_CHARS:
            break
        slug = candidate
    return slug or FALLBACK_SLUG


def _slug_parts(word: str) -> list[str]:
    if not HAN_CHAR.search(word):
        ascii_word = re.sub(r"[^a-z0-9]+", "", word.lower())
        return [ascii_word] if ascii_word else []
    return [p for p in ("".join(lazy_pinyin(piece, errors="ignore")).lower() for piece in _slug_pieces(word)) if p]


def _slug_pieces(word: str) -> list[str]:
    if len(word) <= SLUG_WORD_CHARS:
        return [word]
    pieces = split_compound(word)
    if len(pieces) == 1:
        return pieces
    return [small for piece in pieces for small in _slug_pieces(piece)]


class SlugAssigner:
    """Unique slugs for articles that arrive in (source, position) order, one page at a
    time: the first keeps its slug, later ones get -2, -3 …"""

    def __init__(self) -> None:
        self.seen: Counter = Counter()

    def take(self, slugs: Sequence[str]) -> tuple[str, ...]:
        """The unique slugs for a page's title slugs; they are taken."""
        return tuple(self._next(slug, self.seen) for slug in slugs)

    def peek(self, slugs: Sequence[str]) -> tuple[str, ...]:
        """The slugs `take` would give, without taking them."""
        seen = Counter(self.seen)
        return tuple(self._next(slug, seen) for slug in slugs)

    def assign(self, articles: Sequence[Article]) -> tuple[Article, ...]:
        """The articles with their unique slugs (in their front-matter too)."""
        return tuple(replace(article, slug=slug, meta=dict(article.meta, slug=slug))
                     for article, slug in zip(articles, self.take([a.slug for a in articles])))

    @staticmethod
    def _next(slug: str, seen: Counter) -> str:
        seen[slug] += 1
        if seen[slug] > 1:
            slug = f"{slug}-{seen[slug]}"
            while slug in seen:
                slug += "x"
            seen[slug] += 1
        return slug
