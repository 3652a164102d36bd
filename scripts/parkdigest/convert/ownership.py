"""Which article each content block of a page belongs to while `segment` decides it: what a
rule places is fixed; the rest starts as a guess that rounds of vocabulary scoring revise."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Basis(Enum):
    """Why a block has its article so far."""

    GUESS = "guess"  # the nearest title above it: a start for the rounds, no evidence of its own
    RULE = "rule"  # a title, the text it keeps, a kicker above the first title, a group's fixed block: final
    VOCABULARY = "vocabulary"  # the best score of a round of vocabulary; a later round may move it


@dataclass(frozen=True)
class Claim:
    """One block's article so far, why, and how sure."""

    article: int  # index of its article
    basis: Basis
    confidence: float = 1.0  # a logistic of the margin of a vocabulary choice; 1.0 for the others


class Ownership:
    """The claims on a page's content blocks (by block id), changed as segmentation goes."""

    def __init__(self, n_blocks: int, n_articles: int) -> None:
        self._claims: list[Claim | None] = [None] * n_blocks
        self.n_articles = n_articles

    def __len__(self) -> int:
        return len(self._claims)

    def fix(self, k: int, article: int) -> None:
        """A rule gives block k to the article: no round moves it."""
        self._claims[k] = Claim(article, Basis.RULE)

    def guess(self, k: int, article: int) -> None:
        """Block k starts in the article until the vocabulary decides."""
        self._claims[k] = Claim(article, Basis.GUESS)

    def choose(self, k: int, article: int, confidence: float) -> None:
        """A round of vocabulary scoring gives block k to the article."""
        self._claims[k] = Claim(article, Basis.VOCABULARY, confidence)

    def is_placed(self, k: int) -> bool:
        return self._claims[k] is not None

    def is_fixed(self, k: int) -> bool:
        return self._claim(k).basis is Basis.RULE

    def is_guess(self, k: int) -> bool:
        return self._claim(k).basis is Basis.GUESS

    def article_of(self, k: int) -> int:
        return self._claim(k).article

    def members(self, *, fixed_only: bool = False) -> tuple[tuple[int, ...], ...]:
        """Per article, its blocks in file order (only those a rule placed, with `fixed_only`)."""
        claims = [(k, claim) for k, claim in enumerate(self._claims)
                  if claim is not None and (claim.basis is Basis.RULE or not fixed_only)]
        return tuple(tuple(k for k, claim in claims if claim.article == article) for article in range(self.n_articles))

    def freeze(self) -> tuple[Claim, ...]:
        """Every block's claim, once every block is placed."""
        return tuple(self._claim(k) for k in range(len(self._claims)))

    def _claim(self, k: int) -> Claim:
        claim = self._claims[k]
        if claim is None:
            raise ValueError(f"content block {k} has no article yet")
        return claim
