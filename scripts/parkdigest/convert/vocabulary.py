"""The words of a page's content blocks, and of its articles as the blocks are given to them:
how well a block, or a group of blocks read as one text, fits an article's vocabulary
(TF-IDF cosine over jieba words, `words.Similarity`). `segment` gives blocks to articles by it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from parkdigest.convert.model import Block, LineRule
from parkdigest.convert.words import Similarity


@dataclass(frozen=True)
class Words:
    """A text's word vector (word -> TF-IDF weight) with its squared length."""

    weights: dict[str, float]
    square: float

    @classmethod
    def of(cls, weights: dict[str, float]) -> Words:
        return cls(weights, sum(v * v for v in weights.values()))

    @cached_property
    def unit(self) -> dict[str, float]:
        """The vector scaled to length 1 (empty stays empty): cosines become dot products."""
        return Similarity.unit(self.weights)


@dataclass(frozen=True)
class ArticleWords:
    """An article's vocabulary: the words of the blocks counted in it, added up."""

    words: Words
    counted: frozenset[int]  # ids of those blocks


class Vocabulary:
    """The word vectors of a page's content blocks (by block id, file order)."""

    def __init__(self, blocks: Sequence[Block]) -> None:
        similarity = Similarity([b.text for b in blocks])
        # A box's label (记者手记, 链接) names the kind of box, not its subject.
        self._blocks = tuple(Words.of({} if b.rule == LineRule.BOX_HEADING else similarity.vector(b.text))
                             for b in blocks)

    def of_block(self, k: int) -> Words:
        return self._blocks[k]

    def cosine(self, a: int, b: int) -> float:
        """How much blocks a and b share their words (0..1): what two fragments say of a join
        before any block has an article."""
        return Similarity.dot(self._blocks[a].unit, self._blocks[b].unit)

    def profiles(self, members: Sequence[Sequence[int]]) -> ArticleProfiles:
        """Each article's vocabulary, given the blocks (file order) that count in it."""
        return ArticleProfiles(self, members)


class ArticleProfiles:
    """Every article's vocabulary at one moment: the vectors of its counted blocks added up."""

    def __init__(self, vocabulary: Vocabulary, members: Sequence[Sequence[int]]) -> None:
        self._vocabulary = vocabulary
        self._articles = tuple(ArticleWords(Words.of(_sum(vocabulary.of_block(k).weights for k in blocks)),
                                            frozenset(blocks)) for blocks in members)

    def fit(self, block: int, article: int) -> float:
        """How well a block fits an article's vocabulary (cosine), leaving the block itself out
        of it when it counts in that article."""
        words, profile = self._vocabulary.of_block(block), self._articles[article]
        return Similarity.cosine_leaving_out(words.weights, words.square, profile.words.weights, profile.words.square,
                                             block in profile.counted)

    def group_fit(self, group: Sequence[int], article: int) -> float:
        """How well a group of blocks fits an article's vocabulary. The group is one text (a
        subhead and its paragraph, the fragments of a sentence): its words together against the
        article's, leaving itself out of its own article."""
        if len(group) == 1:
            return self.fit(group[0], article)
        profile = self._articles[article]
        together = _sum(self._vocabulary.of_block(k).weights for k in group)
        counted = _sum(self._vocabulary.of_block(k).weights for k in group if k in profile.counted)
        return Similarity.cosine_without(together, profile.words.weights, profile.words.square, counted)


def _sum(vectors: Iterable[dict[str, float]]) -> dict[str, float]:
    """Word vectors added up: the vocabulary of several blocks read as one text."""
    total: dict[str, float] = {}
    for vector in vectors:
        for word, weight in vector.items():
            total[word] = total.get(word, 0.0) + weight
    return total
