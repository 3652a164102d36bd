"""Which broken sentence continues where: scoring junctions and choosing them globally.

A page's text is a set of fragments. A fragment that stops mid-sentence (an "open end")
continues in some other fragment: usually the next one in the file, but columns are
extracted out of order, so the continuation can be anywhere on the page.

Every pair (open end, candidate start) gets a score from Chinese-language signals:

- a dictionary word that spans the junction (中介|机构 -> 中介机构, 颠|覆性 -> 颠覆性);
- the start cannot begin a sentence (its first word is 的, 和, … or punctuation);
- the two sides read together make a phrase the page prints elsewhere (a story repeats its names);
- the two sides share the same vocabulary (TF-IDF cosine over jieba words);
- the start directly follows the end in the file (the common case).

The joins are then chosen together as an assignment (Hungarian method): each end gets
at most one start and each start at most one end, maximizing the total score, so a
strong junction elsewhere can take a start away from a weaker adjacent one. Joins that
would close a loop in the reading order are forbidden and the assignment is solved again.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from typing import NamedTuple

import numpy as np
from scipy.optimize import linear_sum_assignment

from parkdigest.convert.model import HEAD_KINDS, Block, Join, Kind, LineRule
from parkdigest.convert.printed_lines import NEAR_LINES, PrintedLines
from parkdigest.convert.words import (
    MEASURE_FLAG,
    NUMBER_FLAG,
    TagModel,
    ends_mid_phrase,
    figure_leads,
    first_tags,
    is_word_prefix,
    junction_gain,
    last_tags,
    opens_with_adverbial,
    tag,
    word_spanning,
)
from parkdigest.resources import layout_words
from parkdigest.text import HAN, HAN_CHAR, dateline_end, dateline_opens, display_width, sentence_closed

# Scores are in "evidence points"; a join is made when its score beats NO_JOIN_SCORE.
ADJACENT_BONUS = 4.0  # the next fragment in the file: how most lines are broken
# The next fragment, but past a picture (a run of blank lines, or a caption and its credit):
# text flows around pictures.
ACROSS_GAP_BONUS = 2.0
# The next fragment, but past page furniture (a photo credit, a footer): often another column.
ACROSS_FURNITURE_BONUS = 1.0
# More blank lines than this between two fragments (or furniture between them) is a gap.
MAX_PLAIN_BREAK_LINES = 2
SPAN_BONUS = 1.5  # a dictionary word of 2+ characters spans the junction, plus:
SPAN_PER_NAT = 1.0  # per nat that reading across the junction gains (words.junction_gain)
SPAN_MAX_NATS = 10.0  # a broken word gains 5-17 nats; beyond 10 it is certain anyway
SPAN_MIN_NATS = 2.0  # below this the spanning word is a chance compound (新|政府: 1.6)
PREFIX_BONUS = 0.75  # the two characters at the junction begin a dictionary word
NEVER_START_BONUS = 2.0  # the start cannot begin a sentence, so it must continue one
# The start opens with a lone character that is no pronoun, preposition, conjunction or
# adverb: most likely the tail of a word broken at the line end (孙|元欣, 立联信中|国).
ORPHAN_START_BONUS = 1.0
# The start opens with a verb and an aspect particle and no subject ("建设了…"): the
# subject stood at the end of another fragment.
VERB_ASPECT_BONUS = 1.5
# The particles of aspect that follow a verb (建设了, 看着, 经历过); the perfective 了 states what a
# verb came to (设立了 / 2000万元): bare at a fragment's end, such a verb still wants its object.
ASPECT_PARTICLES = frozenset("了着过")
PERFECTIVE = frozenset("了")
TOPIC_WEIGHT = 3.0  # times the TF-IDF cosine of the two fragments (0..1)
# Times the clipped log-odds that the word classes meeting at the junction belong to
# one sentence rather than the start of a new one (see words.TagModel).
TAG_WEIGHT = 0.75
TAG_PMI_CLIP = 2.0
QUOTE_START_PENALTY = 1.0  # a start with an opening quote usually begins a paragraph
# The end stops inside a pair of marks (an opening “ or （ not yet closed, PAIRED_MARKS) and the
# start closes that pair without opening it (在哪里、该怎么改进”等……): the two halves of one
# quotation or bracket. Printed pairs balance within a paragraph, so this is as sure as a broken
# word (SPAN_BONUS plus a few nats), and outweighs the start standing under another's byline.
# A figure and the word that states it (产值近|210亿元, `figure_after_its_lead`) are as sure.
PAIR_BONUS = 4.0
# One quantity broken by the layout: the end is a number and the start its unit (约40万|千瓦),
# or the end a numeral and classifier and the start the noun they count (一座座|古桥).
QUANTITY_BONUS = 3.0
# The start opens like a paragraph: a short run-in heading sentence ("优化土地资源集约水平。…")
# or a time/discourse word and a comma ("目前，", "同时，", "2021年，"). A sentence broken
# mid-way does not continue that way.
OPENER_PENALTY = 2.0
RUN_IN_HEAD_MAX_CHARS = 16  # a run-in heading is a short sentence with more text after it
# The start stands right under a title, byline or subhead: it opens a paragraph there.
UNDER_HEADING_PENALTY = 2.0
# A dateline that fills its fragment (本报石家庄1月3日电, cut at a column's end) goes on with the
# reporter's credit in brackets that papers print after every dateline ((记者苏丽娟)2021年……).
# Such a credit opens no text of its own, so this outweighs its standing under a title (the
# copy read the dateline's column elsewhere): PAIR_BONUS plus UNDER_HEADING_PENALTY.
DATELINE_CREDIT_BONUS = PAIR_BONUS + UNDER_HEADING_PENALTY
# The start follows a finished paragraph in the file and nothing in its opening says it
# continues a sentence: taking it would break a natural run of paragraphs.
MID_RUN_PENALTY = 1.0
# A join in a loop of the reading order is dropped when weaker than this; a stronger one
# (a broken word) or a pair (Candidate.paired) is kept and the loop is cut at a paragraph boundary by `reflow`.
LOOP_KEEP_SCORE = 6.0
# A weaker join is kept too when it is sure against every rival, for its end and for its
# start (leaving the end open included): a confidence of at least HIGH_CONFIDENCE.
# A loop proves a column boundary inside it, so a sentence left open elsewhere may continue
# there on weaker evidence than NO_JOIN_SCORE: any non-negative score will do.
LOOP_REPAIR_MIN_SCORE = 0.0
# The two sides read together make a phrase the page prints elsewhere whole (国家级小型微型|企业创业
# 创新示范基地 under a page that names 广东省小型微型企业创业创新示范基地): a story repeats its
# names and terms, so the page's own words say the junction reads on, where no dictionary word
# spans it. The phrase crosses the junction with at least PHRASE_SIDE_MIN characters of each side
# (no punctuation), PHRASE_MIN_CHARS in all; each character beyond that adds PHRASE_PER_CHAR.
PHRASE_SIDE_MIN = 2
PHRASE_MIN_CHARS = 6
PHRASE_SIDE_MAX = 8
PHRASE_BONUS = 1.5
PHRASE_PER_CHAR = 0.5
NO_JOIN_SCORE = 2.0  # below this, leave the end open (the page may be cut there)
# On a page copied a printed line to a block (printed_lines.PrintedLines), the next block is
# mostly the line another column prints on the same row, so being next says little: the rest
# of a line is among the few lines after it (NEAR_LINES), a line as wide as it (it fills the
# same measure) or a paragraph's short last line, never a wider one. Near is no mere tie-break:
# on held-out copies (four of the sets tuned on, 9,844 lines with their rest) 92% of the rests
# stood within NEAR_LINES blocks after their line and the page's other two hundred lines shared
# the rest, so standing near is worth ln((0.92 / 8) / (0.08 / 200)) ≈ 5 points, about what a
# word broken at the line end brings (SPAN_BONUS and its nats).
# A head between the two (a title, a byline, a subhead) ends the near lines: what follows it is
# another story's or another section's, and a sentence goes on past no head.
NEAR_LINE_BONUS = 5.0
SAME_MEASURE_BONUS = 2.0
WIDER_LINE_PENALTY = 2.0
# There, the columns printed side by side go on row by row together: a column's next line
# stands as many blocks on as the columns of its rows. The sure joins of a row show that
# distance: a join as long as sure joins within NEAR_LINES blocks of its end (its row's other
# columns; farther ones are of other rows, which may hold another module's columns) gains
# PARALLEL_BONUS for each, at most STRIDE_MAX_WITNESSES. A sure join is as sure as a near line
# of the same measure with a word broken at its end (STRIDE_EVIDENCE_SCORE sums those bonuses):
# a weaker one may be a wrong line of its row and lead the row's other lines astray. Two
# witnesses (a row's columns agreeing on their distance) say as much as standing near.
# Each of PARALLEL_ROUNDS solves the joins and takes its witnesses from the joins chosen.
PARALLEL_BONUS = NEAR_LINE_BONUS / 2
PARALLEL_ROUNDS = 2
STRIDE_EVIDENCE_SCORE = NEAR_LINE_BONUS + SAME_MEASURE_BONUS + SPAN_BONUS + SPAN_PER_NAT * SPAN_MIN_NATS
STRIDE_MAX_WITNESSES = 2
# Confidence is a logistic of the margin over the best alternative for the same end.
CONFIDENCE_SCALE = 1.5
HIGH_CONFIDENCE = 0.8


@dataclass(frozen=True)
class Candidate:
    end: int  # index into the fragment list
    start: int
    score: float
    adjacent: bool
    span: str
    # Penalties for breaking a natural run of paragraphs; a loop in the reading order
    # proves the run broken somewhere, so loop repair adds them back.
    run_penalties: float = 0.0
    # The finished paragraph the start follows in the file, if the start opens nothing of
    # its own: taking the start breaks that run only if both are of one article.
    run_before: int | None = None
    # The two halves of what a paper never prints apart (one quotation; a dateline and the
    # credit after it): as sure as a broken word, so kept in a loop.
    paired: bool = False


def choose_joins(fragments: list[Block], topic: Callable[[int, int], float], tags: TagModel,
                 memo: dict | None = None, same_article: Callable[[int, int], bool] = lambda a, b: True,
                 printed_lines: PrintedLines | None = None,
                 ) -> tuple[tuple[Join, ...], frozenset[tuple[int, int]]]:
    """Choose the junctions between the BODY blocks of a page's content (file order).

    `fragments` is every block of the page but furniture; only BODY blocks are joined,
    the others (headlines, bylines, captions, credits) tell what is adjacent to what.
    `topic(e, s)` says how well fragment s fits the subject of fragment e (0..1).
    Returns the joins and the "breaks": pairs of neighbouring blocks (by index) that must
    not be read one after the other, found by cutting loops in the reading order.
    Pass the same `memo` dict to later rounds over the same fragments to reuse the
    language evidence. `same_article(a, b)` says whether two blocks are (so far) of one
    article: a start that follows another article's paragraph breaks no natural run.
    `printed_lines` gives the measures of a page copied a printed line to a block
    (worked out once for the page by the caller, the same in every round).
    """
    memo = {} if memo is None else memo
    # A figure alone (11.1%) is a data box's number, not a piece of a sentence. A line opened by
    # a dash under text (——编者, ——来自兰州高新区的调查) is whole, a signature or a subtitle read
    # away from its title: it goes on no sentence and none goes on from it.
    body = [i for i, block in enumerate(fragments) if block.kind is Kind.BODY and HAN_CHAR.search(block.text)
            and block.rule != LineRule.DASH_SIGNATURE]
    ends = [i for i in body if not sentence_closed(fragments[i].text)]
    # A dateline (本报讯（记者…）, 本报北京3月29日电) opens a story's first paragraph: it goes on no sentence.
    starts = [i for i in body if not dateline_opens(fragments[i].text)]
    if not ends:
        return (), frozenset()
    candidates = _score_pairs(fragments, ends, starts, topic, tags, memo, same_article, printed_lines)
    scores = candidates.scores
    forbidden: set[tuple[int, int]] = set()
    while True:
        chosen = _solve(scores, ends, starts, forbidden)
        loop = _find_loop(chosen, set(), fragments)
        weak = [pair for pair in loop if pair in chosen and not candidates[pair].adjacent
                and candidates[pair].score < LOOP_KEEP_SCORE and not candidates[pair].paired
                and not _unrivalled(scores, ends.index(pair[0]), starts.index(pair[1]))]
        if not weak:
            break
        forbidden.add(min(weak, key=lambda pair: candidates[pair].score))
    chosen, breaks = _repair_loops(chosen, candidates, fragments, ends, same_article)
    joins = []
    for e, s in sorted(chosen):
        cand = candidates[(e, s)]
        best_other = max(candidates.best_other(e, s), NO_JOIN_SCORE)
        joins.append(Join(fragments[e].last_line, fragments[s].first_line, round(cand.score, 3),
                          round(_confidence(cand.score - best_other), 3), cand.adjacent, left_block=e, right_block=s))
    return tuple(joins), frozenset(breaks)


def _confidence(margin: float) -> float:
    """A logistic of a junction's margin over its best alternative."""
    return 1.0 / (1.0 + math.exp(-margin / CONFIDENCE_SCALE))


def _unrivalled(scores: np.ndarray, row: int, col: int) -> bool:
    """Is the junction sure against every other start for its end, every other end for its
    start, and leaving the end open? Then it stands even in a loop (能化产线将单星总|装测试周期)."""
    best = scores[row, col]
    others_for_end = np.delete(scores[row, :], col)
    others_for_start = np.delete(scores[:, col], row)
    rival = max(others_for_end.max(initial=-math.inf), others_for_start.max(initial=-math.inf), NO_JOIN_SCORE)
    return _confidence(best - rival) >= HIGH_CONFIDENCE


def _repair_loops(chosen, candidates, fragments, ends, same_article):
    """A loop made of strong joins means a paragraph boundary inside it is really a column
    boundary. Cut the loop there: at the paragraph that best continues a sentence left
    open elsewhere in the same story (and join them), else between two neighbours (`_cut_link`).
    The loop says where a column breaks, not whose sentence goes on there: one left open in
    another article (`same_article`, as the last round assigned them) is no evidence. A sentence
    left open because its own next paragraph fell just short of NO_JOIN_SCORE goes on there if
    anywhere (……做好“高”和“新” / 两篇文章。, which opens like a run-in heading): it does not go
    on inside the loop where it fits worse."""
    chosen = set(chosen)
    breaks: set[tuple[int, int]] = set()
    own_next = candidates.adjacent()
    while True:
        loop = _find_loop(chosen, breaks, fragments)
        if not loop:
            return chosen, breaks
        implicit = [(a, b) for a, b in loop if (a, b) not in chosen]
        joined = {e for e, _ in chosen}
        taken = {s for _, s in chosen}
        options = [(candidates[(e, b)].score + candidates[(e, b)].run_penalties, e, a, b)
                   for a, b in implicit if fragments[b].kind is Kind.BODY
                   for e in ends if e not in joined and (e, b) in candidates and same_article(e, b)
                   and not _fits_its_own_next_better(own_next.get(e), candidates[(e, b)], taken)]
        best = max(options, default=None)
        if best is not None and best[0] >= LOOP_REPAIR_MIN_SCORE:
            _, e, a, b = best
            chosen.add((e, b))
        elif implicit:
            breaks.add(_cut_link(implicit, fragments))
        else:  # a loop of joins alone: drop the weakest
            chosen.discard(min((p for p in loop if p in chosen), key=lambda p: candidates[p].score))


def _cut_link(implicit: list[tuple[int, int]], fragments: list[Block]) -> tuple[int, int]:
    """Where to cut a loop that no join can repair: its last link between two neighbours in the
    file, but never one from a heading to the text under it (赋能企业治理 减少政企间“认知误差” /
    “当前，……): a subhead heads its paragraph, so the column ends before it."""
    cuttable = [(a, b) for a, b in implicit if fragments[a].kind not in HEAD_KINDS]
    return (cuttable or implicit)[-1]


def _fits_its_own_next_better(own: Candidate | None, other: Candidate, taken: set[int]) -> bool:
    """Is the end's next paragraph in the file, continued by no other end, a better fit than
    the other start?"""
    return own is not None and own.start != other.start and own.start not in taken and own.score > other.score


@lru_cache(maxsize=4096)
def start_evidence(text: str) -> float:
    """How strongly the fragment's opening says it continues a sentence begun elsewhere."""
    words = layout_words()
    if not text:
        return 0.0
    if text[0] in words["never_start_marks"] or pairs_closed_unopened(text):
        return NEVER_START_BONUS
    tagged = first_tags(text, 2)
    if not tagged:
        return 0.0
    first, flag = tagged[0]
    if first in set(words["never_start_words"]):
        return NEVER_START_BONUS
    second = tagged[1][0] if len(tagged) > 1 else ""
    if _verb_and_aspect(tagged, ASPECT_PARTICLES):
        return VERB_ASPECT_BONUS
    # A lone character followed by another lone character is an unknown word cut into
    # characters (产|城|融合), not a broken one.
    second_is_char = len(second) == 1 and bool(HAN_CHAR.fullmatch(second))
    if (len(first) == 1 and HAN_CHAR.fullmatch(first) and flag[:1] not in ("r", "p", "c", "d", "u")
            and first not in words["sentence_initial_chars"] and not second_is_char):
        return ORPHAN_START_BONUS
    return 0.0


@lru_cache(maxsize=4096)
def opens_paragraph(text: str, after_mid_phrase: bool = False) -> bool:
    """Does the fragment open the way paragraphs open (see OPENER_PENALTY)? After a sentence
    stopped mid-phrase (……都是一个关于), a short first sentence (热爱的故事。) is the words it
    needs, not a run-in heading."""
    first_stop = text.find("。")
    if 0 < first_stop < RUN_IN_HEAD_MAX_CHARS and len(text) > first_stop + 1 and "，" not in text[:first_stop]:
        if after_mid_phrase:
            return False
        first = tag(text[:first_stop])
        # A heading opens with a content word; "为国家一流高新区。" continues "跻身|为…".
        return bool(first) and not first[0][1].startswith(("p", "c", "u", "y", "e"))
    return opens_with_adverbial(text)


def _with_row_strides(scores: np.ndarray, ends: list[int], starts: list[int]) -> np.ndarray:
    """On a page copied a printed line to a block: the scores with PARALLEL_BONUS for each sure
    join near a candidate's end that is as long as it (see PARALLEL_BONUS)."""
    row = {e: r for r, e in enumerate(ends)}
    col = {s: c for c, s in enumerate(starts)}
    bonused = scores
    for _ in range(PARALLEL_ROUNDS):
        chosen = _solve(bonused, ends, starts, set())
        witnesses = np.zeros(scores.shape)
        for k, s in chosen:
            if scores[row[k], col[s]] < STRIDE_EVIDENCE_SCORE:
                continue
            for e in range(k - NEAR_LINES, k + NEAR_LINES + 1):
                if e != k and e in row and e + s - k in col:
                    witnesses[row[e], col[e + s - k]] += 1
        bonused = scores + PARALLEL_BONUS * np.minimum(witnesses, STRIDE_MAX_WITNESSES)
    return bonused


def _score_pairs(fragments: list[Block], ends: list[int], starts: list[int], topic: Callable[[int, int], float],
                 tags: TagModel, memo: dict, same_article: Callable[[int, int], bool],
                 printed_lines: PrintedLines | None) -> _Candidates:
    """Every junction's score: its language evidence (the same in every round, so kept in
    `memo`) plus how well the start fits the end's subject (which changes between rounds),
    less MID_RUN_PENALTY where the start breaks a run of its own article's paragraphs."""
    phrases = PagePhrases(tuple(block.text for block in fragments))
    scores = np.full((len(ends), len(starts)), -math.inf)
    mid_run: set[tuple[int, int]] = set()
    for row, e in enumerate(ends):
        for col, s in enumerate(starts):
            if s == e:
                continue
            base = memo.get((e, s))
            if base is None:
                base = memo[(e, s)] = _language_score(fragments, e, s, tags, phrases, printed_lines)
            scores[row, col] = base.score + TOPIC_WEIGHT * topic(e, s)
            if base.run_before is not None and same_article(base.run_before, s):
                scores[row, col] -= MID_RUN_PENALTY
                mid_run.add((e, s))
    if printed_lines is not None:
        scores = _with_row_strides(scores, ends, starts)
    return _Candidates(memo, scores, ends, starts, frozenset(mid_run))


class _Candidates:
    """A round's junctions, read from its score matrix: the Candidate of a pair is made only
    when asked for (a page copied line by line has tens of thousands of pairs, and the
    assignment needs only their scores)."""

    def __init__(self, language: dict[tuple[int, int], Candidate], scores: np.ndarray, ends: list[int],
                 starts: list[int], mid_run: frozenset[tuple[int, int]]) -> None:
        self._language = language  # each pair's language evidence (`_language_score`)
        self.scores = scores  # (end, start) by the order of `ends` and `starts`
        self._row = {e: r for r, e in enumerate(ends)}
        self._col = {s: c for c, s in enumerate(starts)}
        self._mid_run = mid_run  # pairs whose start breaks a run of its own article's paragraphs

    def __contains__(self, pair: tuple[int, int]) -> bool:
        e, s = pair
        return e != s and e in self._row and s in self._col

    def __getitem__(self, pair: tuple[int, int]) -> Candidate:
        if pair not in self:
            raise KeyError(pair)
        base = self._language[pair]
        penalties = base.run_penalties + (MID_RUN_PENALTY if pair in self._mid_run else 0.0)
        return replace(base, score=float(self.scores[self._row[pair[0]], self._col[pair[1]]]),
                       run_penalties=penalties, run_before=None)

    def adjacent(self) -> dict[int, Candidate]:
        """Each end's junction with the next fragment in the file, where it has one."""
        return {e: self[(e, s)] for (e, s), base in self._language.items() if base.adjacent and (e, s) in self}

    def best_other(self, e: int, s: int) -> float:
        """The best score of end e with any start but s."""
        return float(np.delete(self.scores[self._row[e], :], self._col[s]).max(initial=-math.inf))


def _printed_line_score(printed_lines: PrintedLines, left: str, right: str, near: bool) -> float:
    """On a page copied a printed line to a block: the start near the end (`_near_line`) or
    not; as wide as a measure the end fills, or narrower and closed, or wider."""
    score = NEAR_LINE_BONUS if near else 0.0
    measures = printed_lines.measures_of(left)
    if measures:
        rest = display_width(right)
        if any(rest == measure or (rest < measure and sentence_closed(right)) for measure in measures):
            score += SAME_MEASURE_BONUS
        elif rest > max(measures) + 1:
            score -= WIDER_LINE_PENALTY
    return score


def _language_score(fragments: list[Block], e: int, s: int, tags: TagModel, phrases: PagePhrases,
                    printed_lines: PrintedLines | None) -> Candidate:
    left, right = fragments[e].text, fragments[s].text
    # The next block of a page copied line by line is mostly another column's line.
    adjacent = printed_lines is None and s == next_in_flow(fragments, e)
    # The best cut of the two sides read together beats their separate cuts only when a
    # word crosses the junction, so the gain alone says whether one does (words.junction_gain).
    gain = junction_gain(left, right)
    span = word_spanning(left, right) if gain >= SPAN_MIN_NATS else ""
    score = 0.0 if printed_lines is None else _printed_line_score(printed_lines, left, right,
                                                                   _near_line(fragments, e, s))
    if adjacent:
        distance = fragments[s].first_line - fragments[e].last_line
        if distance <= MAX_PLAIN_BREAK_LINES:
            score += ADJACENT_BONUS
        elif distance - 1 == fragments[s].gap_before or any(
                fragments[k].kind is Kind.CAPTION for k in range(e + 1, s)):
            score += ACROSS_GAP_BONUS  # only blank lines between, or a picture with its caption
        else:
            score += ACROSS_FURNITURE_BONUS
    opening = start_evidence(right)
    score += opening
    run_penalties = 0.0
    run_before = None
    if not adjacent:
        before = _previous_in_flow(fragments, s)
        if before is not None and fragments[before].kind in HEAD_KINDS:
            score -= UNDER_HEADING_PENALTY
        elif (before is not None and fragments[before].kind is Kind.BODY and not opening
              and sentence_closed(fragments[before].text)):
            run_before = before
    if gain >= SPAN_MIN_NATS:
        score += SPAN_BONUS + SPAN_PER_NAT * min(gain, SPAN_MAX_NATS)
    elif is_word_prefix(left[-1] + right[0]):
        score += PREFIX_BONUS
    repeated = phrases.across(left, right)
    if repeated >= PHRASE_MIN_CHARS:
        score += PHRASE_BONUS + PHRASE_PER_CHAR * (repeated - PHRASE_MIN_CHARS)
    if right.startswith(("“", "「", "\"")):
        score -= QUOTE_START_PENALTY
    marks_pair = bool(open_pairs(left) & pairs_closed_unopened(right))
    if marks_pair:
        score += PAIR_BONUS
    credit_pair = _dateline_then_credit(left, right)
    if credit_pair:
        score += DATELINE_CREDIT_BONUS
    figure_pair = figure_after_its_lead(left, right)
    if figure_pair:
        score += PAIR_BONUS
    if broken_quantity(left, right):
        score += QUANTITY_BONUS
    if not opening and opens_paragraph(right, after_mid_phrase=ends_mid_phrase(left)):
        run_penalties += OPENER_PENALTY
    score -= run_penalties
    score += TAG_WEIGHT * max(-TAG_PMI_CLIP, min(TAG_PMI_CLIP, tags.continuation_odds(left, right)))
    return Candidate(e, s, score, adjacent, span, run_penalties, run_before, marks_pair or credit_pair or figure_pair)


class PagePhrases:
    """The page's text, to ask whether two fragments read together make a phrase printed elsewhere
    on it. Read when first asked: a later round of joins finds its junctions' evidence in its memo."""

    def __init__(self, texts: tuple[str, ...]) -> None:
        self._texts = texts

    @cached_property
    def _text(self) -> str:
        return "\n".join(self._texts)  # no phrase runs from one fragment into the next

    @cached_property
    def _seeds(self) -> frozenset[str]:
        seed = 2 * PHRASE_SIDE_MIN
        return frozenset(self._text[i:i + seed] for i in range(len(self._text) - seed + 1))

    def across(self, left: str, right: str) -> int:
        """The length of the longest phrase of the page that the end of `left` and the start of
        `right` make read together (each side PHRASE_SIDE_MIN to PHRASE_SIDE_MAX characters of
        Chinese), or 0."""
        tail = _HAN_TAIL.search(left[-PHRASE_SIDE_MAX:])
        head = _HAN_HEAD.match(right[:PHRASE_SIDE_MAX])
        if not tail or not head or tail.group()[-PHRASE_SIDE_MIN:] + head.group()[:PHRASE_SIDE_MIN] not in self._seeds:
            return 0
        tail_text, head_text, best = tail.group(), head.group(), 0
        for k in range(PHRASE_SIDE_MIN, len(tail_text) + 1):
            m = PHRASE_SIDE_MIN
            if tail_text[-k:] + head_text[:m] not in self._text:
                break
            while m < len(head_text) and tail_text[-k:] + head_text[:m + 1] in self._text:
                m += 1
            best = max(best, k + m)
        return best


_HAN_TAIL = re.compile(f"[{HAN}]{{{PHRASE_SIDE_MIN},}}$")
_HAN_HEAD = re.compile(f"^[{HAN}]{{{PHRASE_SIDE_MIN},}}")


# Marks printed in pairs (GB/T 15834): quotation marks, brackets, book-title marks. A paragraph
# closes every pair it opens, so a text left inside one and a text closing one it never opened
# are the two halves of one sentence (仍难以攻克“数据是否真实、问题出|在哪里”…; （记者 吕强 通讯员 梁|娟）…).
# A quotation may run on over sentences; brackets and book titles hold a few words of one
# clause, so the tail of one closes in the text's first clause (a bracket closed further on is
# more likely a piece the copy tore out of the line: 纲要|年）》).
class PairedMark(NamedTuple):
    opening: str
    closing: str
    runs_on: bool  # a quotation may run on over sentences; the others sit in one clause

    @property
    def marks(self) -> str:
        return self.opening + self.closing


PAIRED_MARKS = (PairedMark("“", "”", runs_on=True), PairedMark("（", "）", runs_on=False),
                PairedMark("《", "》", runs_on=False))
_CLAUSE_END = re.compile("[，。；！？]")


def open_pairs(text: str) -> frozenset[str]:
    """The pairs (of PAIRED_MARKS, by their marks) the text stops inside: more opened than closed."""
    return frozenset(pair.marks for pair, (_, depth) in zip(PAIRED_MARKS, _paired_marks(text)) if depth > 0)


def pairs_closed_unopened(text: str) -> frozenset[str]:
    """The pairs the text closes without opening them: the tail of a quotation begun elsewhere,
    or of a bracket or a book title (closed in the text's first clause)."""
    first_clause = _CLAUSE_END.split(text, maxsplit=1)[0]
    in_text, in_first_clause = _paired_marks(text), _paired_marks(first_clause)
    return frozenset(pair.marks for pair, (anywhere, _), (early, _) in zip(PAIRED_MARKS, in_text, in_first_clause)
                     if (anywhere if pair.runs_on else early))


@lru_cache(maxsize=4096)
def _paired_marks(text: str) -> tuple[tuple[bool, int], ...]:
    """Reading each pair's marks in order: whether a closing mark closes a pair the text
    never opened, and how many opening marks are still open at its end."""
    found = []
    for opening, closing, _ in PAIRED_MARKS:
        unopened, depth = False, 0
        for char in text:
            if char == opening:
                depth += 1
            elif char == closing:
                unopened = unopened or not depth
                depth = max(depth - 1, 0)
        found.append((unopened, depth))
    return tuple(found)


def _dateline_then_credit(left: str, right: str) -> bool:
    """Is the end a bare dateline and the start the bracketed credit that follows one
    ((记者…), (通讯员…))?"""
    bare = left.rstrip()
    return bool(bare) and dateline_end(bare) == len(bare) and bool(_bracketed_credit().match(right))


@lru_cache(maxsize=1)
def _bracketed_credit() -> re.Pattern:
    roles = sorted(layout_words()["byline_roles"], key=len, reverse=True)
    return re.compile(r"\s*[（(]\s*(?:" + "|".join(map(re.escape, roles)) + ")")


def broken_quantity(left: str, right: str) -> bool:
    """A quantity broken in two. Either the end is a number (约40万) and the start a unit or
    a numeral word in Chinese characters (千瓦, 亿元), or the end is a numeral and a
    classifier (一座座, 12座) and the start a noun: neither ends a sentence bare."""
    end, start = last_tags(left, 1), first_tags(right, 1)
    if not end or not start:
        return False
    if end[0][1] == NUMBER_FLAG and start[0][1] in (NUMBER_FLAG, MEASURE_FLAG) and HAN_CHAR.match(start[0][0]):
        return True
    return bool(_counted_end().search(left)) and start[0][1].startswith("n")


# A date opens a paragraph (2021年，…): no figure a word states.
_DATE_START = re.compile(r"^[0-9]+[年月日]")


def figure_after_its_lead(left: str, right: str) -> bool:
    """Is the end a word said only before a figure (产值近, 总投资约, 共计) or a bare verb and its
    perfective particle (设立了, `PERFECTIVE`), and the start a figure (210亿元, 30%, 12座; not
    an enumeration, 三是…, nor a date, 2021年…)? A paper prints the two apart no more than the
    halves of a word: the figure is what the word states."""
    end, start = last_tags(left, 2), first_tags(right, 2)
    return (bool(end) and (end[-1][0] in figure_leads() or _verb_and_aspect(end, PERFECTIVE))
            and len(start) == 2 and start[0][1] == NUMBER_FLAG and start[1][1] in (NUMBER_FLAG, MEASURE_FLAG)
            and not _DATE_START.match(right))


def _verb_and_aspect(words: list[tuple[str, str]], particles: frozenset[str]) -> bool:
    """Are the two words (jieba's, with their flags) a verb and one of these aspect particles?"""
    return len(words) == 2 and words[0][1].startswith("v") and words[1][0] in particles


@lru_cache(maxsize=1)
def _counted_end() -> re.Pattern:
    words = layout_words()
    return re.compile(f"[{words['numerals']}0-9]+[{words['classifiers']}]+$")


def next_in_flow(fragments: list[Block], i: int) -> int | None:
    """The block that follows block i in the text flow: the next one that is not a caption."""
    for j in range(i + 1, len(fragments)):
        if fragments[j].kind is not Kind.CAPTION:
            return j
    return None


def _near_line(fragments: list[Block], e: int, s: int) -> bool:
    """Does block s stand within NEAR_LINES blocks after block e, with no head between them?"""
    return 0 < s - e <= NEAR_LINES and not any(fragments[k].kind in HEAD_KINDS for k in range(e + 1, s))


def _previous_in_flow(fragments: list[Block], i: int) -> int | None:
    for j in range(i - 1, -1, -1):
        if fragments[j].kind is not Kind.CAPTION:
            return j
    return None


def _solve(scores: np.ndarray, ends: list[int], starts: list[int],
           forbidden: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """Maximum-score assignment with a 'leave open' option for every end."""
    n_ends, n_starts = scores.shape
    gain = scores - NO_JOIN_SCORE
    for e, s in forbidden:
        gain[ends.index(e), starts.index(s)] = -math.inf
    # Each end may also stay open (gain 0) through its own dummy column.
    big = np.full((n_ends, n_starts + n_ends), -1e9)
    finite = np.where(np.isfinite(gain), gain, -1e9)
    big[:, :n_starts] = finite
    for row in range(n_ends):
        big[row, n_starts + row] = 0.0
    rows, cols = linear_sum_assignment(big, maximize=True)
    chosen = set()
    for row, col in zip(rows, cols):
        if col < n_starts and big[row, col] > 0:
            chosen.add((ends[row], starts[col]))
    return chosen


def _find_loop(chosen: set[tuple[int, int]], breaks: set[tuple[int, int]],
               fragments: list[Block]) -> list[tuple[int, int]]:
    """Follow the reading order (joins, else the next fragment); return a loop's links."""
    successor: dict[int, int] = {}
    targets = {s for _, s in chosen}
    for e, s in chosen:
        successor[e] = s
    for i, block in enumerate(fragments):
        following = next_in_flow(fragments, i)
        if i in successor or following is None or following in targets or (i, following) in breaks:
            continue
        if block.kind is Kind.CREDIT or (block.kind is Kind.BODY and not sentence_closed(block.text)):
            continue  # a credit ends an article; an open end not joined is cut off there
        successor[i] = following
    for start in range(len(fragments)):
        path, seen, node = [], set(), start
        while node in successor and node not in seen:
            seen.add(node)
            path.append((node, successor[node]))
            node = successor[node]
        if node == start and path:
            return path
    return []
