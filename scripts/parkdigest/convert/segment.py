"""Stage 3 — segment: find the page's articles and which block belongs to which.

1. `classify` labels each line (furniture, headline, byline, body, ...).
2. Headline clusters become article heads when something marks a new article: a section
   label, a byline, an entry of the page's contents list, a closing credit just before,
   or the top of the page. Other clusters are subheads, or captions under a picture.
3. `junctions` decides which broken sentence continues where, across the whole page.
4. Each block is given to an article by lexical cohesion: a block joins the article whose
   vocabulary it shares (TF-IDF over jieba words), with a pull towards the article of its
   neighbours in the file; joined fragments always share an article. This is what moves
   a paragraph printed in another article's column back to its own article.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache, cached_property

from parkdigest.articles.files import Furniture
from parkdigest.convert.classify import (
    TITLE_WORDS_TAKEN_UP,
    caption_shaped,
    classify_blocks,
    closed_by_column_tag,
    is_park_title,
    opens_any_story,
    opens_as_a_lead,
    opens_with_dateline,
    opens_with_news_lead,
    points_at_its_picture,
    tells_news,
)
from parkdigest.convert.dates import parse_printed_date
from parkdigest.convert.furniture import is_photo_credit
from parkdigest.convert.heads import (
    KICKER_ENDS,
    RESTATES_TITLE,
    Story,
    a_few_words,
    ends_as_a_column_name,
    find_heads,
    may_title_a_photo_item,
    names_a_column,
    names_a_park_of,
    parks_named,
    parks_of_headlines,
    parse_head,
    past_closing_credits,
    whole_title,
)
from parkdigest.convert.junctions import (
    NEVER_START_BONUS,
    broken_quantity,
    choose_joins,
    open_pairs,
    pairs_closed_unopened,
    start_evidence,
)
from parkdigest.convert.model import HEAD_KINDS, Block, Join, Kind, LineRule, Page, PlacedBlock, Role, Segmentation
from parkdigest.convert.ownership import Basis, Claim, Ownership
from parkdigest.convert.printed_lines import PrintedLines
from parkdigest.convert.runon import KICKER_MIN_CHARS
from parkdigest.convert.vocabulary import ArticleProfiles, Vocabulary
from parkdigest.convert.words import (
    BROKEN_WORD_NATS,
    TagModel,
    breaks_a_word,
    ends_mid_phrase,
    ends_with_a_whole_word,
    junction_gain,
    splits_last_word,
    word_spanning,
    words_taken_up,
)
from parkdigest.problems import Problem, Severity
from parkdigest.reference.gazetteer import with_members
from parkdigest.text import BOX_MARKERS, heading_key, parallel_halves, sentence_closed, strip_label

# A block stays in its neighbours' article unless another article's vocabulary fits it
# better by this much (cosine points): neighbours in the file are usually one article.
STAY_BONUS = 0.12
# A word broken across a headline-like line's end and a paragraph's start gains this many
# nats (words.junction_gain: 5-17 for a broken word, 0 between words) when the paragraph
# follows in the file, more when it stands elsewhere on the page (many candidates, more chance).
CUT_TEXT_ADJACENT_NATS = BROKEN_WORD_NATS
CUT_TEXT_FAR_NATS = 6.0
_PLAIN_HEADLINE_RULES = frozenset({LineRule.HEADLINE, LineRule.HEADLINE_IN_STACK})
# A line that fills its column's measure among lines of that measure is read as text whatever
# headline it looks like: a sentence with a dash in it looks like a kicker run into its title
# (业界共治组织——大数 / 据与网络安全…).
_LINE_OF_A_MEASURE_RULES = _PLAIN_HEADLINE_RULES | {LineRule.KICKER_AND_TITLE}
# A paragraph of a narrow column the copy gave line by line reads as a stack of headline-like
# lines, each running on into the next (……高层建筑和石 / 油化工火灾的……). A title wraps
# into two lines, rarely three: this many lines running on, each into the next, are text.
WRAPPED_TEXT_MIN_LINES = 3
# The lines of such a paragraph fill the column's width; its first line is indented (two
# characters, which a copy drops): an open line right above the run this wide is one of them.
PARAGRAPH_INDENT_CHARS = 2
_CLOSERS = "。！？!?”’）)》】…"
_SENTENCE_INSIDE = re.compile(r"[。！？][”’]?[^。！？”’）)》】…]")
# Rounds of assignment: each round recomputes every article's vocabulary from the last round's
# articles, until no block changes article (a fixed point: another round would give the same).
# Most pages settle in two or three rounds; a few swing between two readings for ever, so at
# most this many.
ASSIGN_ROUNDS_MAX = 8
# Rounds of (choose joins, assign articles); the second uses the first's articles.
JOIN_ROUNDS = 2
# A join from afar scoring under this carries no block into another article: over twelve
# held-out sets of copies with the typesetter's truth, three in four such joins are wrong (25 of
# 34; half of those scoring 2.5-3, a tenth of those above); a wrong one would take its start and
# every block joined after it into the end's story. It still orders text that lands in one article.
OWNING_JOIN_SCORE = 2.5
# In the second round a join's start fits its end's subject by the article it went to; a start
# naming another title's park and none of the end's fits worse than one sharing no word with it
# (cosine 0..1, times junctions.TOPIC_WEIGHT): a story speaks of the park it is about, and a
# sentence naming one title's park goes on in no fragment about another's.
PARK_CLASH_FIT = -1.0
# Confidence of an assignment is a logistic of its margin over the runner-up.
OWNER_CONFIDENCE_SCALE = 0.05
# A block's article is sure when a rule placed it or the vocabulary chose it by this confidence
# (a margin of about two OWNER_CONFIDENCE_SCALEs over the next article).
SURE_OWNER_CONFIDENCE = 0.9


def segment_page(page: Page) -> Segmentation:
    """Split a normalized page into articles (block ownership, joins, furniture)."""
    blocks = classify_blocks(page)
    furniture = tuple(Furniture(b.first_line, b.text, b.rule) for b in blocks
                      if b.kind in (Kind.FURNITURE, Kind.CONTENTS))
    contents = tuple(strip_label(b.text) for b in blocks if b.kind is Kind.CONTENTS)
    contents_keys = {heading_key(entry) for entry in contents}
    content_blocks = [b for b in blocks if b.kind not in (Kind.FURNITURE, Kind.CONTENTS)]
    warnings: list[Problem] = []
    if not content_blocks:
        warnings.append(Problem(page.source, "page has no article text, only furniture",
                                "check that this is the right file", severity=Severity.WARNING))
        return Segmentation(source=page.source, placed=(), heads=(), joins=(), furniture=furniture,
                            page_date=_page_date(blocks), warnings=tuple(warnings))
    # Whether the copy gives each printed line as a block of its own: decided once for the page.
    printed_lines = PrintedLines.of(content_blocks)
    content_blocks = _unmask_cut_text(content_blocks, printed_lines)
    found = find_heads(content_blocks, contents_keys, set(page.sidecar.get("split_at") or ()), _under_credits(blocks))
    heads = found.clusters
    if not heads:
        warnings.append(Problem(page.source, "no recognizable title; the page becomes one article",
                                "add a title line above the text", line=content_blocks[0].first_line,
                                severity=Severity.WARNING))
        heads = ((),)
    content = PageContent(tuple(_as_flow_block(block, role) for block, role in zip(content_blocks, found.roles)),
                          found.roles, heads, found.stories, found.side_by_side, found.briefs)
    vocabulary = Vocabulary(content.blocks)
    placement = _join_and_assign(content, vocabulary, printed_lines)
    strays = _stray_headlines(content, placement, vocabulary, contents)
    if strays:  # read again with each stray headline as a head of its own, then fold back the textless
        content = _with_strays_apart(content, strays)
        placement = _join_and_assign(content, vocabulary, printed_lines)
        content, placement = _fold_textless_strays(content, placement, vocabulary, contents)
    content, placement = _give_heads_their_openings(content, placement, vocabulary, printed_lines)
    # A lone subhead over text on another title's park goes back into that story first, its
    # text with it: moving its paragraphs alone would leave it a head with no text.
    content, placement = _fold_sections_of_a_titled_zone(content, placement)
    placement = _give_zones_their_paragraphs(content, placement)
    content, placement = _fold_textless_kickers(content, placement, contents)
    content, placement = _column_names_over_the_titles_below(content, placement)
    content, placement = _fold_headless_text(content, placement)
    content, placement = _photo_items_apart(content, placement)
    merged, renumber = _merge(content, page, warnings)
    placed = tuple(PlacedBlock(k, block, merged.roles[k], renumber[claim.article], claim.confidence)
                   for k, (block, claim) in enumerate(zip(content.blocks, placement.owners)))
    return Segmentation(
        source=page.source, placed=placed, heads=merged.heads, joins=placement.joins, furniture=furniture,
        breaks=placement.breaks, contents=contents, page_date=_page_date(blocks), warnings=tuple(warnings),
        column_measures=printed_lines.measures if printed_lines else frozenset())


@dataclass(frozen=True)
class PageContent:
    """A page's content blocks (no furniture; file order, a block's id is its position) and what
    `find_heads` made of them."""

    blocks: tuple[Block, ...]
    roles: tuple[Role, ...]  # of each block, in the same order
    heads: tuple[tuple[int, ...], ...]  # per article: ids of its head-stack blocks (one empty stack: no title)
    stories: tuple[Story, ...]  # the stories folded into packages
    # Heads printed side by side, read as one stack (article indices, one tuple a stack):
    # the text under the stack is their columns in turn.
    side_by_side: tuple[tuple[int, ...], ...] = ()
    # Of those, titles over briefs and picture items: (article, the dateline or caption that opens its text).
    briefs: tuple[tuple[int, int], ...] = ()
    # Heads of one headline taken out of another article's stack (`_stray_headlines`):
    # (its article, the article whose stack it was read in).
    strays: tuple[tuple[int, int], ...] = ()
    # Of those, the block ids of the headlines read in another article's text, not its stack.
    text_strays: frozenset[int] = frozenset()
    # Heads whose opening paragraph another article held, each with that paragraph
    # (`_openings_held_elsewhere`): (its article, that block's id).
    openings: tuple[tuple[int, int], ...] = ()

    def __post_init__(self) -> None:
        if len(self.roles) != len(self.blocks):
            raise ValueError(f"{len(self.roles)} roles for {len(self.blocks)} blocks")

    def __len__(self) -> int:
        return len(self.blocks)

    @cached_property
    def head_blocks(self) -> frozenset[int]:
        """The blocks of every head stack."""
        return frozenset(k for cluster in self.heads for k in cluster)

    @cached_property
    def title_parks(self) -> tuple[frozenset[str], ...]:
        """The parks each head's title names (its headlines'), by name."""
        return tuple(frozenset(parks_of_headlines(self.blocks, cluster)) for cluster in self.heads)

    @cached_property
    def zones(self) -> tuple[frozenset[str], ...]:
        """The zones each head's title names, a demonstration zone with its member parks (a
        story about 兰白自创区 speaks of 兰州高新区 too)."""
        return tuple(with_members(parks) for parks in self.title_parks)

    def parks_in(self, blocks: Iterable[int]) -> set[str]:
        """The parks these blocks name, each read alone."""
        return {park for k in blocks for park in parks_named(self.blocks[k].text)}

    def parks_in_paragraph(self, pieces: Iterable[int]) -> set[str]:
        """The parks a paragraph names, its pieces read together in reading order: a column may
        break a park's name (……在徐州 / 高新区举行的……)."""
        return parks_named("".join(self.blocks[k].text for k in pieces))

    def titles_naming(self, parks: set[str]) -> list[int]:
        """The heads whose titles name one of these parks (their zones: `zones`)."""
        return [a for a, zone in enumerate(self.zones) if zone & parks]

    def beside_others(self, a: int) -> bool:
        """Was article a's head printed beside others and read in one stack with them (or taken
        out of another's stack as a stray headline)? Then none of the text under the stack is
        surely its own: the vocabulary places it."""
        return any(a == stray for stray, _ in self.strays) or any(a in articles for articles in self.side_by_side)


@dataclass(frozen=True)
class Placement:
    """Which broken sentence continues where, and which article each block belongs to."""

    joins: tuple[Join, ...]
    breaks: frozenset[tuple[int, int]]
    owners: tuple[Claim, ...]  # per content block: its article and how sure


def _join_and_assign(content: PageContent, vocabulary: Vocabulary, printed_lines: PrintedLines | None) -> Placement:
    """Joins and ownership inform each other: first join by what two fragments share, assign
    every block to an article, then join again by how well a start fits the article its end
    belongs to, and assign again (JOIN_ROUNDS rounds in all)."""
    tags = TagModel([b.text for b in content.blocks if b.kind is Kind.BODY])
    memo: dict = {}  # junction evidence that does not change between rounds
    fragments = list(content.blocks)
    joins, breaks = choose_joins(fragments, vocabulary.cosine, tags, memo, printed_lines=printed_lines)
    ownership = _assign_articles(content, joins, vocabulary)
    for _ in range(JOIN_ROUNDS - 1):
        fit, same_article = _round_scorers(content, vocabulary.profiles(ownership.members()), ownership.freeze())
        joins, breaks = choose_joins(fragments, fit, tags, memo, same_article, printed_lines)
        ownership = _assign_articles(content, joins, vocabulary)
    return Placement(tuple(joins), breaks, ownership.freeze())


def _round_scorers(content: PageContent, profiles: ArticleProfiles, owners: tuple[Claim, ...]
                   ) -> tuple[Callable[[int, int], float], Callable[[int, int], bool]]:
    """How well a start fits the article of an end, and whether two blocks share an article,
    as one round of assignment left them."""
    @cache
    def told(k: int) -> frozenset[int]:
        """The heads whose titles name a park block k names."""
        return frozenset(content.titles_naming(content.parks_in([k])))

    def fit(e: int, s: int) -> float:
        """How well fragment s fits the article that fragment e belongs to (cosine), leaving
        s itself out of that article's vocabulary — worse than sharing no word when the two
        name the parks of different titles and none of the same (`PARK_CLASH_FIT`)."""
        if told(e) and told(s) and not told(e) & told(s):
            return PARK_CLASH_FIT
        return profiles.fit(s, owners[e].article)

    def same_article(a: int, b: int) -> bool:
        return owners[a].article == owners[b].article

    return fit, same_article


# A copy that reads a page's headlines row by row stacks one module's headline with
# another's. Such a headline shares almost nothing with the text under its stack (TF-IDF
# cosine under STRAY_OWN_FIT_MAX; a title and its own text: 0.1-0.3), while another
# headline of the same stack does (STACK_MATE_FIT_MIN: the text is that one's) and text
# elsewhere on the page shares it (STRAY_ELSEWHERE_FIT_MIN: its subject is there).
STRAY_OWN_FIT_MAX = 0.05
STACK_MATE_FIT_MIN = 0.10
STRAY_ELSEWHERE_FIT_MIN = 0.25


def _texts(content: PageContent, owners: Sequence[Claim]) -> list[list[int]]:
    """Each article's text blocks (its head stack left out), in file order."""
    members: list[list[int]] = [[] for _ in content.heads]
    for k, claim in enumerate(owners):
        if k not in content.head_blocks:
            members[claim.article].append(k)
    return members


@dataclass(frozen=True)
class Stray:
    """A headline read in another module's stack or text (`_stray_headlines`)."""

    block: int
    article: int  # the article whose stack or text it was read in
    opening: int | None = None  # the paragraph that restates it: its story's opening, wherever read


def _stray_headlines(content: PageContent, placement: Placement, vocabulary: Vocabulary, contents: tuple[str, ...]
                     ) -> list[Stray]:
    """Headlines read into another module's stack, each of a stack that keeps another headline
    (packages have rules of their own), titles read in one stack over two stories
    (`_titles_over_another_story`), and whole titles read in another article's text
    (`_titles_read_as_subheads`). A headline is measured against the text right under its stack
    (its article's text when nothing stands there but text run on from elsewhere; under heads
    printed side by side, the run its article's text opens with, as the vocabulary placed it),
    and elsewhere against the rest of its article's text and each other article's; a stack mate
    against the text under the stack or its article's whole text, whichever it speaks for more."""
    flow = _flow(content, placement.joins)
    texts = _texts(content, placement.owners)
    packaged = {story.article for story in content.stories}
    joined = {k for join in placement.joins for k in (join.left_block, join.right_block)}
    strays = []
    for a, cluster in enumerate(content.heads):
        lines = [k for k in cluster if content.blocks[k].kind is Kind.HEADLINE]
        if content.beside_others(a) and texts[a]:
            under = [texts[a][0], *_run_after(content, flow, texts[a][0])]
        else:
            under = _head_run(content, flow, a) or texts[a]
        if len(lines) < 2 or not under or a in packaged:
            continue
        # Only a whole line may stray: text cut at a column's end (joined to its sentence's rest,
        # or ending open: 将合资在成都高新区与) is no headline of another module.
        whole = [k for k in lines if k not in joined and not _ends_open(content.blocks[k].text)]
        rest = [k for k in texts[a] if k not in under]
        profiles = vocabulary.profiles([texts[a], under, rest, *(texts[b] for b in range(len(texts)) if b != a)])
        for k in whole:
            elsewhere = max(profiles.fit(k, i) for i in range(2, len(texts) + 2))
            mate_fits = any(max(profiles.fit(m, 0), profiles.fit(m, 1)) >= STACK_MATE_FIT_MIN for m in lines
                            if m != k and not names_a_column(content.blocks[m]))  # a title stays
            announces = content.blocks[k].text.endswith(KICKER_ENDS)  # the line under it: its own title
            if profiles.fit(k, 1) < STRAY_OWN_FIT_MAX <= STRAY_ELSEWHERE_FIT_MIN <= elsewhere and mate_fits \
                    and not announces:
                strays.append(Stray(k, a))
    return (strays + _titles_over_another_story(content, placement, texts, joined, strays, contents)
            + _titles_read_as_subheads(content, placement, vocabulary, texts, joined))


def _titles_over_another_story(content: PageContent, placement: Placement, texts: list[list[int]],
                               joined: set[int], strays: Sequence[Stray], contents: tuple[str, ...]) -> list[Stray]:
    """Two whole titles read in one stack over a text that opens two stories: a story has one
    opening (a dateline, a date or 近日: `classify.opens_as_a_lead`), so the text holds two, and
    each title goes with the opening that takes up its words more (a lead restates its title).
    A title other than the stack's own (as `heads.parse_head` reads the stack) whose words an
    opening other than the stack's (the first in its text) takes up (TITLE_WORDS_TAKEN_UP), more
    than that first opening does, while another title of the stack is taken up by the first more
    than by that one, is that story's title read in the wrong stack: it strays, with that
    paragraph as its opening (贡献六成以上新兴产业产值 开发区成山西转型发展重要平台 / 成都高新区：
    让产业齿轮精准咬合 / 本报济南4月23日电……自我介绍改成了 / …… / 近日从山西转型综合示范区晋中
    开发区传来喜讯)."""
    paragraphs = _paragraphs(placement.joins)
    packaged = {story.article for story in content.stories}
    taken = {stray.block for stray in strays}

    def share(line: int, k: int) -> float:
        return _taken_up_by(content, paragraphs, content.blocks[line].text, k)

    found = []
    for a, cluster in enumerate(content.heads):
        titles = [k for k in cluster if whole_title(content.blocks[k]) and k not in joined and k not in taken
                  and not content.blocks[k].text.endswith(KICKER_ENDS)]
        openings = [k for k in texts[a] if content.blocks[k].kind is Kind.BODY and paragraphs.start(k) == k
                    and opens_as_a_lead(content.blocks[k])]
        if a in packaged or len(titles) < 2 or len(openings) < 2:
            continue
        stack_title = _title_of(content, cluster, contents)
        own = openings[0]
        for k in [k for k in titles if content.blocks[k].text not in stack_title]:  # the stack's title keeps its story
            other = max(openings[1:], key=lambda m: share(k, m))
            if share(k, other) >= TITLE_WORDS_TAKEN_UP and share(k, other) > share(k, own) and any(
                    share(j, own) > share(j, other) for j in titles if j != k):
                found.append(Stray(k, a, other))
                break  # one stray a stack: the rest keep the stack's own story
    return found


def _titles_read_as_subheads(content: PageContent, placement: Placement, vocabulary: Vocabulary,
                             texts: list[list[int]], joined: set[int]) -> list[Stray]:
    """Whole titles read as subheads in another article's text. A subhead speaks of its
    article's subject; a headline line in the text, as long as a whole title, that the
    article's other text does not take up (STRAY_OWN_FIT_MAX) while text elsewhere on the page
    does (STRAY_ELSEWHERE_FIT_MIN) is another module's title read there. So is one whose
    story's opening restates it (RESTATES_TITLE): a paragraph opening with a dateline (本报讯……)
    or a news lead (7月20日，……) — the one under it, past the heads and pictures printed between
    (`_opening_below`), or one anywhere on the page (the copy read its story further down). A
    section's first paragraph may restate its subhead, but opens with no dateline or date. A
    news lead elsewhere that speaks of a head's title as much (`heads_spoken_of`) opens that
    head's story: the line it restates is words of its text cut off by a column. The paragraph
    restating the line most is its story's opening. A subhead naming a park that its article's
    title does not name, and that its article's text above it never named, speaks of another
    subject: it is another story's title (two titles printed side by side and read after a
    column label, a byline and a kicker read as text, then their texts in turn)."""
    strays = []
    datelines = {m for m, block in enumerate(content.blocks) if opens_with_dateline(block)}
    leads = [m for m, block in enumerate(content.blocks) if opens_with_news_lead(block)]
    titles = [(_head_words(content, cluster), content.title_parks[a]) for a, cluster in enumerate(content.heads)]

    @cache
    def heads_spoken_of(m: int) -> float:
        """How much paragraph m speaks of the page's heads: the largest share of a head's title
        (its headlines read together) it takes up, and all of it when it names the title's park."""
        text = content.blocks[m].text
        return max((1.0 if parks & parks_named(text) else words_taken_up(words, text) for words, parks in titles),
                   default=0.0)

    for k, block in enumerate(content.blocks):
        if (content.roles[k] is not Role.SUBHEAD or block.kind is not Kind.HEADLINE or k in joined
                or not whole_title(block) or _ends_open(block.text)):
            continue
        a = placement.owners[k].article
        own = [m for m in texts[a] if m != k]
        profiles = vocabulary.profiles([own, *(texts[b] for b in range(len(texts)) if b != a)])
        elsewhere = max((profiles.fit(k, i) for i in range(1, len(texts))), default=0.0)
        below = _opening_below(content, k)
        taken = {m: words_taken_up(block.text, content.blocks[m].text) for m in [*sorted(datelines), *leads]}
        restating = [m for m, share in taken.items() if share >= RESTATES_TITLE
                     and (m in datelines or m == below or share > heads_spoken_of(m))]
        opening = max(restating, key=taken.__getitem__, default=None)
        parks = parks_named(block.text)
        of_another_park = bool(parks) and not parks & content.title_parks[a] and not names_a_park_of(
            block.text, [content.blocks[m].text for m in own if m < k])
        if profiles.fit(k, 0) < STRAY_OWN_FIT_MAX <= STRAY_ELSEWHERE_FIT_MIN <= elsewhere or opening is not None \
                or of_another_park:
            strays.append(Stray(k, a, opening))
    return strays


def _opening_below(content: PageContent, k: int) -> int | None:
    """The first paragraph under line k, past the headlines, labels, bylines and captions
    printed between (a title, its byline, its picture, then its text)."""
    for m in range(k + 1, len(content)):
        if content.blocks[m].kind not in HEAD_KINDS and content.blocks[m].kind is not Kind.CAPTION:
            return m
    return None


def _ends_open(text: str) -> bool:
    """Does the line end where no headline ends: on a comma or an enumeration comma, or on a
    word that needs one after it (words.ends_mid_phrase: 的, a preposition, 位于 …)?"""
    return text.endswith(("，", "、", ",")) or ends_mid_phrase(text)


def _with_strays_apart(content: PageContent, strays: list[Stray]) -> PageContent:
    """Each stray headline a head of its own, whose text the vocabulary finds (none follows it),
    but for the opening that restates it, fixed to it (the first stray to claim one keeps it)."""
    heads, new_index, head_of = _heads_apart(content, [stray.block for stray in strays])
    in_text = frozenset(stray.block for stray in strays if content.roles[stray.block] is Role.SUBHEAD)
    content = replace(content, roles=tuple(Role.HEAD if k in in_text else role for k, role in enumerate(content.roles)),
                      text_strays=content.text_strays | in_text)
    in_order = sorted(strays, key=lambda stray: stray.block)  # as their heads stand
    content = _renumbered(content, heads, new_index,
                          [(head_of[stray.block], new_index[stray.article]) for stray in in_order])
    openings: dict[int, int] = {}
    for stray in in_order:
        if stray.opening is not None:
            openings.setdefault(stray.opening, head_of[stray.block])
    return replace(content, openings=content.openings + tuple((a, k) for k, a in openings.items()))


def _heads_apart(content: PageContent, lines: Sequence[int]
                 ) -> tuple[list[tuple[int, ...]], dict[int, int], dict[int, int]]:
    """The page's head stacks with each of these lines taken out of its stack (or text) as a head
    of its own, in file order: the stacks, each old article's new number, each line's article."""
    taken = set(lines)
    clusters: list[tuple[tuple[int, ...], int | None]] = [
        (tuple(k for k in cluster if k not in taken), a) for a, cluster in enumerate(content.heads)]
    clusters += [((k,), None) for k in lines]
    clusters.sort(key=lambda entry: entry[0][0] if entry[0] else -1)
    new_index = {old: new for new, (_, old) in enumerate(clusters) if old is not None}
    head_of = {cluster[0]: new for new, (cluster, old) in enumerate(clusters) if old is None}
    return [cluster for cluster, _ in clusters], new_index, head_of


def _renumbered(content: PageContent, heads: Sequence[Sequence[int]], new_index: Mapping[int, int],
                strays: Sequence[tuple[int, int]]) -> PageContent:
    """The page's content with new heads: every article index it holds mapped by `new_index`
    (what it says of an article not in it is dropped; a side-by-side group needs two)."""
    groups = (tuple(new_index[a] for a in group if a in new_index) for group in content.side_by_side)
    return replace(
        content, heads=tuple(tuple(cluster) for cluster in heads), strays=tuple(strays),
        stories=tuple(replace(story, article=new_index[story.article]) for story in content.stories),
        side_by_side=tuple(group for group in groups if len(group) > 1),
        briefs=tuple((new_index[a], dateline) for a, dateline in content.briefs if a in new_index),
        openings=tuple((new_index[a], opening) for a, opening in content.openings if a in new_index))


def _folded(content: PageContent, placement: Placement, into: Mapping[int, int],
            in_text: Collection[int] = ()) -> tuple[PageContent, Placement]:
    """Each article a of `into` folded into article into[a] (or where that one folds): its head's
    lines join that head's stack (those of the articles `in_text`: its text, as subheads), its
    blocks that article; the articles left are numbered in turn."""
    def home(a: int) -> int:  # (an article may fold into one that folds in turn)
        while a in into:
            a = into[a]
        return a

    heads = [list(cluster) for cluster in content.heads]
    for a in into:
        if a not in in_text:
            heads[home(a)] = sorted(heads[home(a)] + list(content.heads[a]))
    subheads = {k for a in in_text for k in content.heads[a]}
    if subheads:
        content = replace(content, roles=tuple(Role.SUBHEAD if k in subheads else role
                                               for k, role in enumerate(content.roles)))
    renumber = {a: a - sum(g < a for g in into) for a in range(len(heads)) if a not in into}
    owners = [replace(claim, article=renumber[home(claim.article)]) for claim in placement.owners]
    strays = [(renumber[a], renumber[stack]) for a, stack in content.strays if a in renumber and stack in renumber]
    folded = _renumbered(content, [heads[a] for a in range(len(heads)) if a not in into], renumber, strays)
    return folded, replace(placement, owners=tuple(owners))


def _fold_textless_strays(content: PageContent, placement: Placement, vocabulary: Vocabulary,
                          contents: tuple[str, ...]) -> tuple[PageContent, Placement]:
    """A stray headline that found no text of its own is another article's kicker (or
    subtitle): it joins the head of the article whose text it fits best, when that head has
    room (one headline) and keeps its title; else it goes back where it was read: into its
    stack, or into an article's text as a subhead."""
    has_text = _articles_with_text(content, placement)
    textless = {a: stack for a, stack in content.strays if a not in has_text}
    if not textless:
        return content, placement
    profiles = vocabulary.profiles(_texts(content, placement.owners))  # each article's text, its head left out
    heads = [list(cluster) for cluster in content.heads]
    into = {}
    back_in_text = set()
    for a, stack in textless.items():
        (k,) = content.heads[a]
        roomy = [b for b in range(len(heads)) if b not in textless and heads[b]
                 and sum(content.blocks[m].kind is Kind.HEADLINE for m in heads[b]) == 1
                 and _keeps_its_title(content, placement, b, heads[b], [k], contents)]
        home = max(roomy, key=lambda b: profiles.fit(k, b), default=stack)
        if profiles.fit(k, home) < STRAY_ELSEWHERE_FIT_MIN:
            home = stack  # no head with room shares it: back where it was read, a stack or a text
            if k in content.text_strays:
                back_in_text.add(a)
        if a not in back_in_text:
            heads[home] = sorted(heads[home] + [k])
        into[a] = home
    return _folded(content, placement, into, back_in_text)


def _give_heads_their_openings(content: PageContent, placement: Placement, vocabulary: Vocabulary,
                               printed_lines: PrintedLines | None) -> tuple[PageContent, Placement]:
    """Read the page again with each head's opening paragraph, found away from it, fixed to it;
    a head whose text moved with an opening may then find its own, so again, until no head finds
    one (each round fixes one head more at least: there are at most as many rounds as heads)."""
    for _ in range(len(content.heads)):
        heads_fixed = {a for a, _ in content.openings}
        blocks_fixed = {k for _, k in content.openings}
        found = tuple((a, k) for a, k in _openings_held_elsewhere(content, placement)
                      if a not in heads_fixed and k not in blocks_fixed)
        if not found:
            break
        content = replace(content, openings=content.openings + found)
        placement = _join_and_assign(content, vocabulary, printed_lines)
    return content, placement


def _openings_held_elsewhere(content: PageContent, placement: Placement) -> tuple[tuple[int, int], ...]:
    """A story's opening paragraph takes up its title's words (classify.TITLE_WORDS_TAKEN_UP).
    Two kinds of head lost theirs to another article: a head left with no text (every article
    has text) looks in any article with more text than that one paragraph, and at every story
    opening (a dateline opens one story, whatever else its holder has); a head whose text holds
    no story opening that takes up its words looks among the story openings held elsewhere
    (`classify.opens_any_story`: a dateline, the paragraph under a byline, a news lead under a
    heading or a caption; a copy read it under the wrong head), and at the paragraph under
    another head's byline that names its title's park and none of that head's title (a subtitle
    and byline read apart from their title stand over it). It takes the paragraph that takes up
    its words most (a paragraph as the joins make it, by its most telling piece: a copy may cut
    it before it restates the title), when it takes them up more than it speaks of the head of
    the article holding it and names no park of that head's title but one of its own: (article,
    the paragraph's first block). A head left with no text, when no paragraph takes up its
    words, takes the nearest spare dateline paragraph (`_spare_datelines`) that speaks of no
    head's title: a lead need not restate its title, and
    the story it opens is no article's that holds its own; else the nearest paragraph where
    another article's text turns to its zone (`tells_of_its_zone`)."""
    texts = [[k for k in text if content.blocks[k].kind is Kind.BODY] for text in _texts(content, placement.owners)]

    headlines = [_headlines_of(content, cluster) for cluster in content.heads]  # (once: a column's name is tagged)
    head_words = ["".join(lines) for lines in headlines]

    paragraphs = _paragraphs(placement.joins)

    def taken_up(a: int, k: int) -> float:
        """How much of article a's head (its headlines read together) paragraph k takes up."""
        return _taken_up_by(content, paragraphs, head_words[a], k)

    def speaks_of(a: int, k: int) -> float:
        """... or of any one of its headlines, if more (a stack may hold another module's line)."""
        return max([taken_up(a, k)] + [_taken_up_by(content, paragraphs, line, k) for line in headlines[a]])

    def outweighs(a: int, holder: int, k: int) -> bool:
        """Does paragraph k speak of head a more than of its holder's head: more than of any one
        of the holder's headlines, or as much and more of a's title than of the holder's whole?"""
        fit, of_holder = taken_up(a, k), speaks_of(holder, k)
        return fit > of_holder or fit == of_holder and fit > taken_up(holder, k)

    head_bylines = frozenset(k for k, (block, role) in enumerate(zip(content.blocks, content.roles))
                             if role is Role.HEAD and block.kind is Kind.BYLINE)  # a byline in a head's stack

    def is_story_opening(k: int) -> bool:
        return opens_any_story(content.blocks, k, head_bylines)

    def opens_its_story(a: int, k: int) -> bool:
        return is_story_opening(k) and taken_up(a, k) >= TITLE_WORDS_TAKEN_UP

    parks = content.title_parks

    @cache
    def named(k: int) -> set[str]:
        """The parks block k names (asked of the same blocks for many heads)."""
        return parks_named(content.blocks[k].text)

    def names_the_park_of(a: int, not_of: int, k: int) -> bool:
        """Does paragraph k name a park of head a's title, and none of head `not_of`'s? A story
        speaks of its park."""
        return bool(parks[a] & named(k)) and not parks[not_of] & named(k)

    def holder_of(k: int) -> int:
        """The article holding paragraph k."""
        return placement.owners[k].article

    zones_told = content.zones

    def tells_of_its_zone(a: int, k: int) -> bool:
        """Does paragraph k open a run of head a's zone (its park, or for a demonstration zone one
        of its member parks: 兰白自创区 / 白银高新区) in another article's text, naming none of that
        article's parks, as the text's first paragraph or after one that names none of head a's?"""
        holder = placement.owners[k].article
        before = [m for m in texts[holder] if m < k]
        return bool(zones_told[a] & named(k)) and not (zones_told[holder] & named(k)) and not (
            before and zones_told[a] & named(before[-1]))

    def speaks_of_no_head(k: int) -> bool:
        return all(taken_up(b, k) < TITLE_WORDS_TAKEN_UP for b in range(len(headlines)))

    def nearer(a: int, b: int, k: int) -> bool:
        """Does head a stand nearer block k in the file than head b?"""
        return _distance(content.heads[a], k) < _distance(content.heads[b], k)

    spare_datelines = [k for b, text in enumerate(texts)
                       for k in _spare_datelines(content, paragraphs, text, head_words[b]) if speaks_of_no_head(k)]
    openings: list[tuple[int, int]] = []
    taken: set[int] = set()
    for a, text in enumerate(texts):
        if not headlines[a] or any(opens_its_story(a, k) for k in text):
            continue
        held_elsewhere = [(other, k) for b, other in enumerate(texts) if b != a for k in other]
        if text:
            candidates = [k for _, k in held_elsewhere if is_story_opening(k) or (
                k - 1 in head_bylines and names_the_park_of(a, holder_of(k), k))]
        else:
            candidates = [k for other, k in held_elsewhere if len(other) > 1 or is_story_opening(k)]
        starts = {paragraphs.start(k) for k in candidates} - taken
        fits = {k: taken_up(a, k) for k in starts}
        best = max(fits, key=lambda k: (fits[k], -k), default=None)
        if best is not None and fits[best] >= TITLE_WORDS_TAKEN_UP and outweighs(
                a, holder_of(best), best) and not names_the_park_of(holder_of(best), a, best):  # its holder's story
            openings.append((a, best))
            taken.add(best)
        elif not text and (spare := _nearest(content.heads[a], [k for k in spare_datelines if k not in taken and nearer(
                a, holder_of(k), k)])) is not None:
            openings.append((a, spare))
            taken.add(spare)
        elif not text and (told := _nearest(content.heads[a], sorted(
                k for k in starts if tells_of_its_zone(a, k)))) is not None:
            openings.append((a, told))
            taken.add(told)
    return tuple(openings)


@dataclass(frozen=True)
class _Paragraphs:
    """The page's paragraphs as its joins make them: a block and the blocks joined after it."""

    after: Mapping[int, int]  # block -> the block its sentence goes on in
    before: Mapping[int, int]

    def start(self, k: int) -> int:
        """The block that opens the paragraph block k is a piece of."""
        seen = {k}
        while k in self.before and self.before[k] not in seen:
            k = self.before[k]
            seen.add(k)
        return k

    def pieces(self, k: int) -> list[int]:
        """The blocks of the paragraph from block k on."""
        return _pieces_from(self.after, k)


def _pieces_from(after: Mapping[int, int], k: int) -> list[int]:
    """Block k and the blocks its sentence goes on in, joined after it (`after`: end -> start)."""
    pieces = [k]
    while k in after and after[k] not in pieces:
        k = after[k]
        pieces.append(k)
    return pieces


def _taken_up_by(content: PageContent, paragraphs: _Paragraphs, words: str, k: int) -> float:
    """How much of `words` (a title's) the paragraph block k opens takes up, by its most telling
    piece (`words.words_taken_up`): a copy may cut a paragraph before it restates its title."""
    return max(words_taken_up(words, content.blocks[m].text) for m in paragraphs.pieces(k))


def _paragraphs(joins: Sequence[Join]) -> _Paragraphs:
    after = _join_map(joins)
    return _Paragraphs(after, {start: end for end, start in after.items()})


def _give_zones_their_paragraphs(content: PageContent, placement: Placement) -> Placement:
    """A story speaks of the park it is about: the park its title names, or, under a title that
    names none, the park its lead names (`_parks_spoken_of`). A paragraph in an article's text
    that names none of those and names the zone of exactly one other title on the page
    (`PageContent.titles_naming`) is that title's, read on under the wrong head: it goes there, with the
    pieces the joins make one paragraph with it, and so do the paragraphs after it in the
    same text that name no park, until a paragraph names one or opens as a lead does (a lead
    opens a story, it goes on in none) or a head, subhead or another article's block stands
    between (a caption does not: text runs around pictures)."""
    paragraphs = _paragraphs(placement.joins)
    owners = list(placement.owners)
    spoken_of = _parks_spoken_of(content, placement)
    run: tuple[int, int] | None = None  # (holder, teller) of the run being moved
    for k, block in enumerate(content.blocks):
        holder = owners[k].article
        if block.kind is not Kind.BODY:
            if block.kind is not Kind.CAPTION:
                run = None
            continue
        if paragraphs.start(k) != k:
            continue
        pieces = [m for m in paragraphs.pieces(k) if owners[m].article == holder]
        named = content.parks_in_paragraph(pieces)
        told = content.titles_naming(named)
        if len(told) == 1 and told[0] != holder and not named & spoken_of[holder]:
            run = (holder, told[0])
        elif named or run is None or run[0] != holder or opens_as_a_lead(block):
            run = None
        if run is not None:
            for m in pieces:
                owners[m] = Claim(run[1], Basis.RULE)
    return replace(placement, owners=tuple(owners))


def _parks_spoken_of(content: PageContent, placement: Placement) -> tuple[frozenset[str], ...]:
    """Per article, the parks its story is about: its title's zone, or, when the title names no
    park (a meeting's news, a picture item's few words), the parks its lead names — the
    paragraph right under its head when it holds it and it opens as a lead does (a dateline, a
    date or 近日): a lead says who and where. (A copy that reads columns out of order may put
    any paragraph under a head; one that opens as a lead is one.)"""
    spoken_of = []
    for a, (zone, cluster) in enumerate(zip(content.zones, content.heads)):
        lead = cluster[-1] + 1 if cluster else len(content)
        if not zone and lead < len(content) and placement.owners[lead].article == a and opens_as_a_lead(
                content.blocks[lead]):
            zone = with_members(content.parks_in([lead]))
        spoken_of.append(zone)
    return tuple(spoken_of)


def _fold_sections_of_a_titled_zone(content: PageContent, placement: Placement) -> tuple[PageContent, Placement]:
    """A head of one headline line alone (no byline, label or kicker) that names no park, over
    a text that opens no story (no dateline, no news lead) and names only parks of the zone
    another title on the page names: a subhead of that title's story, read apart from it (a
    story names the park it is about; a section of a story about a park goes on about it).
    It goes back into that article's text as a subhead, its text with it; where several heads name
    that park, into the one whose title opens with the park's name and a colon (a line of text
    cut from a paragraph may open with the name too: 齐齐哈尔高新区坚定地以……). A picture item's
    title of a few words (人才安居, `heads.a_few_words`) keeps its head: its caption names the
    park the picture shows."""
    zones_of = content.zones
    texts = _texts(content, placement.owners)
    into = {}
    for a, cluster in enumerate(content.heads):
        if len(cluster) != 1 or content.blocks[cluster[0]].kind is not Kind.HEADLINE or zones_of[a] \
                or a_few_words(content.blocks[cluster[0]]):
            continue
        paragraphs = [k for k in texts[a] if content.blocks[k].kind is Kind.BODY]
        if any(opens_as_a_lead(content.blocks[k]) for k in paragraphs):
            continue
        named = content.parks_in(paragraphs)
        told = [b for b, zone in enumerate(zones_of) if named <= zone] if named else []
        if len(told) > 1:  # of titles naming the park, the one with its name and a colon is its story's
            told = [b for b in told if any(is_park_title(line) for line in _headlines_of(content, content.heads[b]))]
        if len(told) == 1:
            into[a] = told[0]
    return _folded(content, placement, into, in_text=set(into)) if into else (content, placement)


def _spare_datelines(content: PageContent, paragraphs: _Paragraphs, text: Sequence[int], title: str) -> list[int]:
    """A dateline (本报南昌4月7日电……) opens one story: of the paragraphs of one article's text
    that open with one, all but the one that speaks of its title most open stories of their own.
    So do all of them when a lead there takes up the title (TITLE_WORDS_TAKEN_UP) more than any
    of them: that lead opens the article's story, and a story has one opening. A lead is a news
    lead (近日，……) anywhere in the text, or the text's first paragraph whatever it opens with
    (今年以来，唐山高新区……): a lead need not open with a date. And when the text takes up the
    title, a dateline paragraph (its pieces as joined) that takes up none of it opens another
    story, even as the text's only one: a story's text speaks of its title, its opening most of
    all (本报讯……严冬时节，……包头市青山区…… read first under 唐山高新区聚力培育双创载体, its
    story told below)."""
    def share(k: int) -> float:
        return words_taken_up(title, content.blocks[k].text)

    datelines = [k for k in text if opens_with_dateline(content.blocks[k])]
    own = max(datelines, key=lambda k: (share(k), -k), default=None)
    leads = [k for k in text if k == text[0] or opens_with_news_lead(content.blocks[k])]
    lead = max(leads, key=share, default=None)
    if lead is not None and share(lead) >= TITLE_WORDS_TAKEN_UP and (own is None or share(lead) > share(own)):
        own = lead
    speaks_of_its_title = any(share(k) >= TITLE_WORDS_TAKEN_UP for k in text)
    return [k for k in datelines
            if k != own or speaks_of_its_title and _taken_up_by(content, paragraphs, title, k) == 0]


def _distance(head: Sequence[int], k: int) -> float:
    """How far block k stands from a head stack in the file (any distance for no stack)."""
    return min(abs(k - head[0]), abs(k - head[-1])) if head else math.inf


def _nearest(head: Sequence[int], blocks: Sequence[int]) -> int | None:
    """Of blocks, the one nearest below a head stack (a copy reads a head's text after it), else
    the nearest above it."""
    if not head:
        return None
    return min(blocks, key=lambda k: (k < head[0], _distance(head, k)), default=None)


def _fold_textless_kickers(content: PageContent, placement: Placement, contents: tuple[str, ...]
                           ) -> tuple[PageContent, Placement]:
    """A head still without text, read right above another head (nothing between): a kicker, a
    section or a series banner over a title (聚焦主导产业 打造创新高地 / 泉州高新区：…), not an article of its own.
    One that announces its title with a dash or a colon (深圳高新区——), and a column's name (创新速递,
    `heads.names_a_column`), are over the next head below even past another story's paragraphs
    the copy read between. It joins the stack of the head whose text takes up its words most (a
    kicker speaks of its story), or of the head under it when no text does, if that head keeps
    its title. A head that names a park is a title whose text another article holds: it keeps its
    head (a kicker or a banner speaks of a theme, or announces the title under it with a dash or
    a colon). A head naming no park whose byline stood over another head's opening is that head's
    subtitle and byline, read apart from its title: it joins that stack the same way; so does one
    naming no park right over another head's lead, signed or not, that no other text tells of
    (`_over_a_lead`), and one naming no park at the foot of a run of titles, over the text of one
    of them (`_stack_over_the_text_under`)."""
    with_text = _articles_with_text(content, placement)
    starts = {cluster[0]: b for b, cluster in enumerate(content.heads) if cluster}
    paragraphs = [k for k, block in enumerate(content.blocks) if block.kind is Kind.BODY]
    into = {}
    for a, cluster in enumerate(content.heads):
        if not cluster or a in with_text:
            continue
        stack_names_a_park = bool(content.title_parks[a])
        opened = [b for b, k in content.openings if k == cluster[-1] + 1]  # the head the paragraph under it opens
        if (opened and content.blocks[cluster[-1]].kind is Kind.BYLINE and not stack_names_a_park
                and _keeps_its_title(content, placement, opened[0], content.heads[opened[0]], cluster, contents)):
            into[a] = opened[0]
            continue
        lead_of = _over_a_lead(content, placement, cluster)
        if (lead_of is not None and not stack_names_a_park and not content.beside_others(a)
                and _keeps_its_title(content, placement, lead_of, content.heads[lead_of], cluster, contents,
                                     content.blocks[cluster[-1] + 1].text)):
            into[a] = lead_of
            continue
        deck_of = _stack_over_the_text_under(content, placement, cluster)
        if (deck_of is not None and not stack_names_a_park
                and _keeps_its_title(content, placement, deck_of, content.heads[deck_of], cluster, contents)):
            into[a] = deck_of
            continue
        words = _head_words(content, cluster)
        # A kicker announcing the title under it, or a column's name over it (not a photo
        # item's title, 创客比拼): over the next head past the text between.
        line = content.blocks[cluster[0]]
        announces = words.endswith(KICKER_ENDS) or (
            len(cluster) == 1 and names_a_column(line) and not may_title_a_photo_item(line))
        below = _next_head_past_text(content, starts, cluster[-1]) if announces else starts.get(cluster[-1] + 1)
        if below is None:
            continue
        if stack_names_a_park and not announces:
            continue  # a title names the park it is about (来徐州高新区 感受…): its text is elsewhere
        fits = {k: words_taken_up(words, content.blocks[k].text) for k in paragraphs}
        best = max(fits, key=lambda k: (fits[k], -k), default=None)
        home = placement.owners[best].article if best is not None and fits[best] >= TITLE_WORDS_TAKEN_UP else below
        if _keeps_its_title(content, placement, home, content.heads[home], cluster, contents):
            into[a] = home
    return _folded(content, placement, into) if into else (content, placement)


def _column_names_over_the_titles_below(content: PageContent, placement: Placement
                                        ) -> tuple[PageContent, Placement]:
    """A column's name (一周要闻, 各地传真: `heads.ends_as_a_column_name`) read alone inside a
    story's text is no subhead of it: a subhead says what the next part of a story tells, a
    column's name what kind of stories stand under it. It stands over the next title below,
    past the paragraphs the copy read between (as a textless one does, `_fold_textless_kickers`),
    and joins that head as its section, unless that head has a column's name of its own. One
    among other stack lines in the text (a package's story: kicker, name, byline) stays."""
    starts = {cluster[0]: a for a, cluster in enumerate(content.heads) if cluster}
    heads = [list(cluster) for cluster in content.heads]
    roles, owners = list(content.roles), list(placement.owners)
    moved = False
    for k in range(len(content.blocks)):
        below = _next_head_past_text(content, starts, k) if _a_column_name_alone_in_text(content, k) else None
        if below is None or any(content.blocks[m].kind is Kind.LABEL
                                or _ends_as_a_column_name_behind_markers(content.blocks[m]) for m in heads[below]):
            continue  # no title below past the text, or one with a column's name of its own
        heads[below] = sorted(heads[below] + [k])
        roles[k], owners[k] = Role.HEAD, Claim(below, Basis.RULE)
        moved = True
    if not moved:
        return content, placement
    return (replace(content, heads=tuple(map(tuple, heads)), roles=tuple(roles)),
            replace(placement, owners=tuple(owners)))


def _a_column_name_alone_in_text(content: PageContent, k: int) -> bool:
    """Block k is a subhead that reads as a column's name, with no other subhead line next to it."""
    neighbours = [m for m in (k - 1, k + 1) if 0 <= m < len(content.blocks)]
    return (content.roles[k] is Role.SUBHEAD and content.blocks[k].kind in (Kind.HEADLINE, Kind.LABEL)
            and _ends_as_a_column_name_behind_markers(content.blocks[k])
            and all(content.roles[m] is not Role.SUBHEAD for m in neighbours))


def _ends_as_a_column_name_behind_markers(block: Block) -> bool:
    """A line ending as a column's name, behind any marker (■园区快讯). A box's label in the text
    (延伸阅读, 链接) is the story's own: it names a part of it."""
    return ends_as_a_column_name(block.text.lstrip(BOX_MARKERS + " "))


def _over_a_lead(content: PageContent, placement: Placement, cluster: Sequence[int]) -> int | None:
    """The head whose lead stands right under this head (under its one byline, the stack's last
    line, if it is signed): the paragraph there opens a paragraph (`_paragraph_under`), is held
    by that head, and takes up its title's words (TITLE_WORDS_TAKEN_UP) more than this head's,
    as a story's lead restates its own title. This head is then that head's subtitle (and
    byline), read apart from it (……培训班开班 / 让更多科技成果从“书架”走向“货架” /
    文/袁嘉欣 / 7月22日，……培训班正式开班。), unless a text on the page outside that story takes
    up its words: it may then be the title of a story told there."""
    bylines = [k for k in cluster if content.blocks[k].kind is Kind.BYLINE]
    under = _paragraph_under(content, placement, cluster)
    if bylines not in ([], [cluster[-1]]) or under is None:
        return None
    lead, holder = content.blocks[under], placement.owners[under].article
    if not content.heads[holder]:
        return None
    words = _head_words(content, cluster)
    if any(words_taken_up(words, block.text) >= TITLE_WORDS_TAKEN_UP for k, block in enumerate(content.blocks)
           if block.kind is Kind.BODY and placement.owners[k].article != holder):
        return None
    told = words_taken_up(_head_words(content, content.heads[holder]), lead.text)
    return holder if told >= TITLE_WORDS_TAKEN_UP and told > words_taken_up(words, lead.text) else None


def _paragraph_under(content: PageContent, placement: Placement, cluster: Sequence[int]) -> int | None:
    """The block right under a head stack, when it is body text opening a paragraph (not a
    sentence going on from elsewhere: the copy cut a column there, under any head) and the stack
    is not a picture's title (that stands over its caption)."""
    under = cluster[-1] + 1
    if (under >= len(content.blocks) or content.blocks[under].kind is not Kind.BODY
            or any(join.right_block == under for join in placement.joins)
            or _titles_a_photo_item(content, cluster)):
        return None
    return under


def _stack_over_the_text_under(content: PageContent, placement: Placement, cluster: Sequence[int]) -> int | None:
    """The head whose text runs right under this head, when both were read in one run of head
    stacks (nothing but heads between them): the lowest line of a run of titles over a text
    (泉州高新区：… / 齐齐哈尔高新区：… / 打造具有全球影响力的产业创新高地 / 近年来，泉州高新区……)
    is the subtitle of the title whose text it stands over, not a title of its own. A subtitle
    is a clause, as a kicker is (a data box's figure, 68万平方米, or a line's tail is none). None
    stands over a dateline (a story opens under its own title: that text is the head's, given to
    another), over a sentence going on from elsewhere (the copy cut a column there, under any
    head), or over text that is not surely the other head's; a picture's title stands over its
    caption. A signed head is a story's own unless it stands right under that title."""
    under = _paragraph_under(content, placement, cluster)
    if (under is None
            or opens_with_dateline(content.blocks[under])  # a story opens under its own title
            or len(_head_words(content, cluster)) < KICKER_MIN_CHARS  # a subtitle is a clause, as a kicker
            or placement.owners[under].confidence < SURE_OWNER_CONFIDENCE):  # the text is surely the other head's
        return None
    owner = placement.owners[under].article
    if not content.heads[owner]:
        return None
    if any(content.blocks[k].kind is Kind.BYLINE for k in cluster):  # its subtitle and byline, or a story's head
        return owner if content.heads[owner][-1] == cluster[0] - 1 else None
    run = cluster[0]
    while run - 1 in content.head_blocks:
        run -= 1
    return owner if run <= content.heads[owner][0] < cluster[0] else None


def _next_head_past_text(content: PageContent, starts: dict[int, int], k: int) -> int | None:
    """The head next below block k in the file, past paragraphs only (None past anything else)."""
    for j in range(k + 1, len(content.blocks)):
        if j in starts:
            return starts[j]
        if content.blocks[j].kind is not Kind.BODY:
            return None
    return None


def _fold_headless_text(content: PageContent, placement: Placement) -> tuple[PageContent, Placement]:
    """An article left with no head once every line of its stack strayed to heads of their own:
    its text goes with the text right above it in the file (a column runs down), the article
    of the nearest block above it that has a head."""
    if all(content.heads) or not any(content.heads):
        return content, placement
    headed = [claim.article if content.heads[claim.article] else None for claim in placement.owners]
    into = {}
    for a, cluster in enumerate(content.heads):
        if cluster:
            continue
        first = next((k for k, claim in enumerate(placement.owners) if claim.article == a), len(headed))
        above = [b for b in headed[:first] if b is not None]
        into[a] = above[-1] if above else next(b for b, heads in enumerate(content.heads) if heads)
    return _folded(content, placement, into)


def _articles_with_text(content: PageContent, placement: Placement) -> set[int]:
    """The articles that hold a paragraph."""
    return {claim.article for k, claim in enumerate(placement.owners) if content.blocks[k].kind is Kind.BODY}


def _headlines_of(content: PageContent, cluster: Sequence[int]) -> list[str]:
    """The headline lines of a head stack that may speak of its subject: no label, byline or
    subtitle block, and no column's name (园区快讯 names a kind of text, never what it is about;
    a stack of nothing else, textless, is no article's head: `_fold_textless_kickers`)."""
    lines = [content.blocks[k] for k in cluster if content.blocks[k].kind is Kind.HEADLINE]
    return [line.text for line in lines if not names_a_column(line)]


def _head_words(content: PageContent, cluster: Sequence[int]) -> str:
    """What a head's title says: its headline lines (`_headlines_of`) read together."""
    return "".join(_headlines_of(content, cluster))


def _keeps_its_title(content: PageContent, placement: Placement, article: int, cluster: Sequence[int],
                     lines: Sequence[int], contents: tuple[str, ...], lead: str | None = None) -> bool:
    """Would the head stack `cluster` of `article` keep its title with `lines` read into it, by
    the stack alone and by the stack over its story's first paragraph (as the article will be
    drafted: the opening says what the story is about, `heads.parse_head`)? Given the `lead` the
    lines stood over, one that restates the title, by the stack over that lead: it tells the title."""
    if lead is None:
        opening = next((content.blocks[k].text for k, claim in enumerate(placement.owners)
                        if claim.article == article and content.roles[k] is Role.BODY
                        and content.blocks[k].kind is Kind.BODY), "")
        told_by = {"", opening}
    else:
        told_by = {lead}
    return all(_title_of(content, sorted([*cluster, *lines]), contents, told) == _title_of(
        content, cluster, contents, told) for told in told_by)


def _title_of(content: PageContent, cluster: Sequence[int], contents: tuple[str, ...], opening: str = "") -> str:
    """The title a head stack of these blocks would have over a story opening so (`heads.parse_head`)."""
    return parse_head([content.blocks[k] for k in cluster], contents, opening).title


def _under_credits(blocks: Sequence[Block]) -> frozenset[int]:
    """The first lines of the blocks printed right under a picture's credit."""
    return frozenset(after.first_line for before, after in zip(blocks, blocks[1:])
                     if before.kind is Kind.FURNITURE and is_photo_credit(before.rule))


def _unmask_cut_text(content: list[Block], printed_lines: PrintedLines | None) -> list[Block]:
    """A short piece of text cut off by a column break looks like a headline ("穴压缩空气储能项",
    "寻访非遗十二木卡"): when a word spans its end and the start of a paragraph on the page
    (项|目, 木卡|姆), it is text that continues there."""
    starts = [b.text for b in content if b.kind is Kind.BODY]
    out = list(content)
    wrapped = _lines_of_wrapped_text(content)
    texts = [b.text for b in content]
    for k, block in enumerate(content):
        if block.kind is not Kind.HEADLINE or block.rule not in _LINE_OF_A_MEASURE_RULES:
            continue
        previous = content[k - 1] if k > 0 else None
        following = content[k + 1] if k + 1 < len(content) else None
        plain = block.rule in _PLAIN_HEADLINE_RULES
        if k in wrapped and plain:
            out[k] = _as_cut_text(block)
            continue
        # On a page copied a printed line to a block, a line that fills a column's measure, among
        # lines of that measure (its column's and its row's), and runs on is a column's line of
        # text, unless it reads as a whole title ending with a whole word and stands apart from
        # the lines around it (a heading's type): the evidence below decides that one.
        if printed_lines is not None and printed_lines.among_its_columns(texts, k) \
                and block.text[-1] not in _CLOSERS \
                and (printed_lines.between_lines_of_its_measure(texts, k)
                     or not (whole_title(block) and ends_with_a_whole_word(block.text))):
            out[k] = _as_cut_text(block)
            continue
        if not plain:
            continue  # the evidence below weighs a plain headline line; a kicker and title stays one
        # The rest of the paragraph right above, cut where a column could end: a word runs from
        # that paragraph's open end into the line (快闪巡|演，让游客们…).
        if previous is not None and previous.kind is Kind.BODY and not sentence_closed(previous.text) \
                and junction_gain(previous.text, block.text) >= CUT_TEXT_ADJACENT_NATS:
            out[k] = _as_cut_text(block)
            continue
        # The end of the headline line right above, wrapped by its column: a word runs across
        # (……建西北地区重要科创中 / 心). A head's parts end with whole words, so it is that head's.
        if previous is not None and out[k - 1].kind is Kind.HEADLINE \
                and breaks_a_word(previous.text, block.text):
            continue
        if block.text[-1] in _CLOSERS or is_park_title(block.text):
            continue  # (a park's title is whole: a word running on from its end does so by chance)
        if previous is not None and previous.kind is Kind.HEADLINE and previous.text.endswith(KICKER_ENDS):
            continue  # a kicker that ends with a dash or a colon announces the title under it
        if _heads_the_story_under_it(block, previous, following):
            continue
        adjacent = junction_gain(block.text, following.text) if following is not None and following.kind is Kind.BODY \
            else 0.0
        far = 0.0 if parallel_halves(block.text) else max(
            (junction_gain(block.text, s) + start_evidence(s) for s in starts
             if not splits_last_word(block.text, s)), default=0.0)
        # A line that ends a sentence and runs on (“……指日可待！”程楠介绍，公司的…) reads as text
        # already: the evidence needed is that of a paragraph that follows.
        far_needed = CUT_TEXT_ADJACENT_NATS if _SENTENCE_INSIDE.search(block.text) else CUT_TEXT_FAR_NATS
        # A line that needs a continuation goes on in the next line of its stack, unless that
        # line is a whole title (closed by its tag) or a box's heading (■火炬在行动): then it
        # goes on in text elsewhere.
        goes_on_below = following is not None and following.kind is Kind.HEADLINE \
            and not closed_by_column_tag(following.text) and following.rule != LineRule.BOX_HEADING
        # A paragraph cannot open with 和, 的 or a comma: a line alone right above it (no line of a
        # stack, whose text may stand anywhere) begins its sentence — unless the paragraph closes
        # a mark (》, ”) that the line does not open: its sentence began where that mark was
        # opened (……贯彻落实《国务院关于 / 一周要闻 / 促进……若干意见》精神).
        alone = previous is None or previous.kind is not Kind.HEADLINE
        continued_below = alone and following is not None and following.kind is Kind.BODY \
            and start_evidence(following.text) >= NEVER_START_BONUS \
            and not pairs_closed_unopened(following.text) - open_pairs(block.text)
        # A number broken by the column (……雄安校区2023 / 年8月投入使用, 2025年10月29 / 日，…) goes on
        # in the paragraph under it: a headline's figures stand whole.
        quantity_below = following is not None and following.kind is Kind.BODY \
            and broken_quantity(block.text, following.text)
        if adjacent >= CUT_TEXT_ADJACENT_NATS or far >= far_needed or continued_below or quantity_below or (
                ends_mid_phrase(block.text) and not goes_on_below):
            out[k] = _as_cut_text(block)
    return out


def _heads_the_story_under_it(block: Block, previous: Block | None, following: Block | None) -> bool:
    """Is the line a whole title (`whole_title`) ending with a whole word (`ends_with_a_whole_word`:
    a column cuts text mostly inside one, ……超大型制造企 / 业……, even over another story's
    byline), over a byline or a paragraph that opens with its dateline, or right under a byline
    (a copy reads a byline printed beside its title above it)? It heads that story: a start
    elsewhere that makes its last word longer does so by chance (……培训班开班 / 式召开……,
    ……促提质增效 / 益同步提升……)."""
    signed = any(b is not None and b.kind is Kind.BYLINE for b in (previous, following))
    return whole_title(block) and ends_with_a_whole_word(block.text) and (signed or opens_with_dateline(following))


def _lines_of_wrapped_text(content: list[Block]) -> frozenset[int]:
    """The headline-like lines that are a paragraph wrapped line by line: runs of at least
    WRAPPED_TEXT_MIN_LINES plain headline lines, each open and running on into the next (a word
    across the junction, a start no sentence has, an end mid-phrase), and the open lines right
    above a run that are as wide as its lines (the paragraph's first lines: 按照……部巡视办 /
    具体安排，……领导班子深入 / 学习贯彻……)."""
    def runs_on(k: int) -> bool:
        block, following = content[k], content[k + 1]
        return (following.kind is Kind.HEADLINE and following.rule in _PLAIN_HEADLINE_RULES
                and not sentence_closed(block.text) and (bool(word_spanning(block.text, following.text))
                                                         or start_evidence(following.text) >= NEVER_START_BONUS
                                                         or ends_mid_phrase(block.text)))
    plain = {k for k, b in enumerate(content) if b.kind is Kind.HEADLINE and b.rule in _PLAIN_HEADLINE_RULES}
    lines: set[int] = set()
    for k in sorted(plain):
        run = [k]
        while run[-1] + 1 < len(content) and runs_on(run[-1]):
            run.append(run[-1] + 1)
        if len(run) >= WRAPPED_TEXT_MIN_LINES:
            widths = [len(content[i].text) for i in run]
            above = run[0] - 1
            while (above in plain and not sentence_closed(content[above].text)
                   and min(widths) - PARAGRAPH_INDENT_CHARS <= len(content[above].text) <= max(widths)):
                run.insert(0, above)
                above -= 1
            lines.update(run)
    return frozenset(lines)


def _as_cut_text(block: Block) -> Block:
    return Block(Kind.BODY, block.text, block.first_line, block.last_line, block.gap_before, "cut-text")


# A photo item's title is a phrase of two words at least (人才安居): a shorter line of a few
# characters is a word or two cut from a sentence (……地 / 基煤).
PHOTO_TITLE_MIN_CHARS = 4
# A copy reads a photo item's caption under its picture, after what other modules print beside
# the picture: at most this many blocks below the item's title.
PHOTO_CAPTION_REACH = 8


def _photo_items_apart(content: PageContent, placement: Placement) -> tuple[PageContent, Placement]:
    """A photo item's title (a few words, `heads.may_title_a_photo_item`: 人才安居) read as a
    subhead in another article's text or as a line of another article's stack, over the caption
    that tells its news further down (`_news_caption_below`): the title and its caption are an
    article of their own, taken out of the articles that held them; the rest stays as placed.
    An article whose text is that caption alone is the photo item itself (its kicker over it).
    A photo item's title that heads an article with no text (another head took the paragraph
    read under it) takes that caption as its text, pointing at its picture or not: its head
    says already that a picture's news stands under it."""
    paragraphs = _paragraphs(placement.joins)
    joined = paragraphs.after.keys() | paragraphs.before.keys()
    held = {k for _, k in content.briefs} | {k for _, k in content.openings}
    texts = _texts(content, placement.owners)
    with_text = _articles_with_text(content, placement)
    items: dict[int, list[int]] = {}  # a photo item's title -> its caption's pieces
    textless: dict[int, int] = {}  # of those, the titles heading an article with no text -> that article
    for k, block in enumerate(content.blocks):
        if (block.kind is not Kind.HEADLINE or not may_title_a_photo_item(block) or k in joined
                or len(block.text) < PHOTO_TITLE_MIN_CHARS or start_evidence(block.text) > 0):
            continue  # (a line joined, or opening as no title opens, is words of a sentence cut by a column)
        a = placement.owners[k].article
        others = [m for m in content.heads[a] if m != k]
        heads_alone = content.heads[a] == (k,) and a not in with_text
        in_a_stack = k in content.heads[a] and any(_may_keep_the_title(content.blocks[m]) for m in others)
        if not (content.roles[k] is Role.SUBHEAD or in_a_stack or heads_alone):
            continue
        caption = _news_caption_below(content, paragraphs, k, known_picture=heads_alone)
        left = {placement.owners[m].article for m in caption} | (set() if heads_alone else {a})
        keeps_text = all(any(content.blocks[m].kind is Kind.BODY for m in texts[b] if m not in caption) for b in left)
        if caption and keeps_text and not held & set(caption):
            items[k] = caption
            held |= set(caption)
            if heads_alone:
                textless[k] = a
    if not items:
        return content, placement
    heads, new_index, head_of = _heads_apart(content, sorted(k for k in items if k not in textless))
    head_of |= {k: new_index[a] for k, a in textless.items()}
    item_of = {m: head_of[k] for k, caption in items.items() for m in (k, *caption)}
    owners = tuple(replace(claim, article=item_of.get(m, new_index[claim.article]))
                   for m, claim in enumerate(placement.owners))
    strays = [(new_index[a], new_index[stack]) for a, stack in content.strays]
    # A caption read in blocks one after another, its rest as the picture's caption, is a caption
    # in all its pieces: the draft reads them as one (`reflow`).
    in_captions = {m for caption in items.values() if caption == list(range(caption[0], caption[-1] + 1))
                   and any(content.blocks[m].kind is Kind.CAPTION for m in caption) for m in caption}
    content = replace(content, roles=tuple(Role.HEAD if k in items else Role.CAPTION if k in in_captions else role
                                           for k, role in enumerate(content.roles)))
    return _renumbered(content, heads, new_index, strays), replace(placement, owners=owners)


def _may_keep_the_title(block: Block) -> bool:
    """May a stack line stay its stack's title when a photo item's title read with it leaves:
    a headline that is no subtitle (——……), no column's name and no other photo item's title."""
    return (block.kind is Kind.HEADLINE and block.rule != LineRule.DASH_LINE and not names_a_column(block)
            and not may_title_a_photo_item(block))


def _news_caption_below(content: PageContent, paragraphs: _Paragraphs, k: int, known_picture: bool = False
                        ) -> list[int]:
    """The pieces of the first caption under line k (PHOTO_CAPTION_REACH) that tells a photo
    item's news (`classify.tells_news`: sentences of its own, where a picture's caption names
    what it shows in one), no longer than a caption (`classify.caption_shaped`): a paragraph as
    the joins put it together from the pieces the picture's columns cut, opening there (not the
    rest of a sentence begun elsewhere), and with the caption block right after it when it stops
    open there (……今年以来，武 / 汉东湖……: cut where the picture's column ends, its rest read as the
    picture's caption). It points at its picture (……。图为……。) or the page
    prints it as a caption (by its picture's credit), unless the title is known to head a
    picture (`known_picture`: any caption telling news will do). No dateline: a story's
    opening, never a caption's. None past another photo item's title: the captions under it
    are its own."""
    for m in range(k + 1, min(len(content.blocks), k + 1 + PHOTO_CAPTION_REACH)):
        block = content.blocks[m]
        if block.kind is Kind.HEADLINE and may_title_a_photo_item(block):
            return []
        if block.kind not in (Kind.BODY, Kind.CAPTION) or opens_with_dateline(block) or m in paragraphs.before:
            continue
        pieces = paragraphs.pieces(m)
        rest = pieces[-1] + 1
        if (not sentence_closed(content.blocks[pieces[-1]].text) and rest < len(content.blocks)
                and content.blocks[rest].kind is Kind.CAPTION):
            pieces = [*pieces, rest]  # cut where the picture's column ends: its rest read as a caption
        text = "".join(content.blocks[piece].text for piece in pieces)
        if caption_shaped(text) and tells_news(text) and (known_picture or points_at_its_picture(text) or any(
                content.blocks[piece].kind is Kind.CAPTION for piece in pieces)):
            return pieces
    return []


def _merge(content: PageContent, page: Page, warnings: list[Problem]) -> tuple[PageContent, tuple[int, ...]]:
    """An editor's `merge: [[a, b]]`: article b (by position, 1-based) is the rest of
    article a; its title lines become a subhead of a. The page's content after the merges, and
    for each article before them the index of the article it ends up in."""
    target = _merge_targets(len(content.heads), page, warnings)
    kept = sorted(set(target))
    renumber = {old: new for new, old in enumerate(kept)}
    demoted = {k for a, cluster in enumerate(content.heads) if target[a] != a for k in cluster}
    roles = tuple(Role.SUBHEAD if k in demoted and role is Role.HEAD else role for k, role in enumerate(content.roles))
    merged = replace(content, roles=roles, heads=tuple(content.heads[a] for a in kept))
    return merged, tuple(renumber[t] for t in target)


def _merge_targets(n_articles: int, page: Page, warnings: list[Problem]) -> list[int]:
    """For each article, the article it ends up in after the sidecar's merges."""
    target = list(range(n_articles))
    for first, second in sorted(page.sidecar.get("merge") or (), key=lambda pair: -pair[1]):
        if not 1 <= first < second <= n_articles:
            warnings.append(Problem(page.source, f"merge [{first}, {second}]: the page has {n_articles} articles",
                                    "fix 'merge' in the sidecar", severity=Severity.WARNING))
            continue
        target = [first - 1 if t == second - 1 else t for t in target]
    return target


def _as_flow_block(block: Block, role: Role) -> Block:
    """Captions are set apart from the text flow so a sentence can run across them."""
    if role is Role.CAPTION and block.kind is not Kind.CAPTION:
        return Block(Kind.CAPTION, block.text, block.first_line, block.last_line, block.gap_before, "caption")
    return block



@dataclass(frozen=True)
class Flow:
    """The joins as the runs of text under the heads read them."""

    continuation: Mapping[int, int]  # end block id -> the block id where its sentence goes on
    stops: frozenset[int]  # where a run stops: a continuation from afar, a story's stack in a package


def _flow(content: PageContent, joins: Sequence[Join]) -> Flow:
    continuation = _join_map(joins)
    # A run of text stops at a continuation from afar and at a story's stack in a package.
    stops = {s for e, s in continuation.items() if s != e + 1} | {story.first for story in content.stories}
    return Flow(continuation, frozenset(stops))


def _anchors(content: PageContent, flow: Flow) -> dict[int, int]:
    """Blocks that surely belong to an article (block id -> article): its title and the text
    that follows it without a break, the opening found for it elsewhere and the text after that
    up to another head's opening, the stories of a package with their texts, plus the
    continuations joined to that text."""
    runs = [_head_run(content, flow, a) for a in range(len(content.heads))]
    for a, dateline in content.briefs:  # titles read one after another over their briefs (or a picture item's)
        runs[a] = [dateline]
    runs = _share_runs_of_stacked_heads(content, runs)
    runs = _take_continuations_under_heads(content, flow, runs)
    runs = _give_datelines_to_textless_heads(content, runs, flow)
    for a, opening in content.openings:  # a head's opening paragraph found elsewhere, and the run after it
        after = _run_after(content, flow, opening, brief=opens_with_dateline(content.blocks[opening]))
        # ... up to another head's opening: a story opens there, as one does at a dateline
        others = {k for b, k in content.openings if b != a}
        stop = next((i for i, k in enumerate(after) if k in others), len(after))
        run = [opening, *after[:stop]]
        runs = [[k for k in other if k not in run] for other in runs]
        runs[a] = run
    claims = list(enumerate(runs)) + [
        (story.article, list(range(story.first, story.last + 1)) + _run_after(content, flow, story.last))
        for story in content.stories]
    return _claim_runs(claims, flow)


def _head_run(content: PageContent, flow: Flow, a: int) -> list[int]:
    """The text that follows a head stack without a break (only its first paragraph after a
    brief's). Under heads printed side by side and read as one stack (row by row, their lines
    interleaved, or whole titles one after another: heads.py) the columns of each follow in
    turn: none of it is surely one head's, and the vocabulary places it."""
    cluster = content.heads[a]
    if content.beside_others(a):
        return []
    last = cluster[-1] if cluster else -1
    strays = {content.heads[stray][0] for stray, _ in content.strays}
    while last + 1 in strays:  # a stray headline taken out of the stack stands between it and its text
        last += 1
    brief = last + 1 < len(content) and opens_with_dateline(content.blocks[last + 1])
    photo_item = _titles_a_photo_item(content, cluster)
    if photo_item:
        last = past_closing_credits(content.blocks, last + 1) - 1  # its caption stands past them
    return _run_after(content, flow, last, brief=brief or photo_item)


def _titles_a_photo_item(content: PageContent, cluster: Sequence[int]) -> bool:
    """Is the head's one headline a photo item's title (春耕科技范, `heads.may_title_a_photo_item`)?
    Its text is the caption under it: one paragraph, as a brief's (what follows it in the file is
    left to the vocabulary)."""
    lines = [content.blocks[k] for k in cluster if content.blocks[k].kind is Kind.HEADLINE]
    return len(lines) == 1 and may_title_a_photo_item(lines[0])


def _claim_runs(claims: list[tuple[int, list[int]]], flow: Flow) -> dict[int, int]:
    """Each run's blocks, and the continuations joined to them, to its article; the first claim
    on a block keeps it."""
    owners: dict[int, int] = {}
    for article, run in claims:
        stack = []
        for k in run:
            if k not in owners:
                owners[k] = article
                stack.append(k)
        while stack:
            k = stack.pop()
            if k in flow.continuation and flow.continuation[k] not in owners:
                owners[flow.continuation[k]] = article
                stack.append(flow.continuation[k])
    return owners


def _run_after(content: PageContent, flow: Flow, k: int, brief: bool = False) -> list[int]:
    """The blocks that follow block k in the file until a break: the next head, a block of
    `stops` (a continuation moved in from elsewhere, a story's stack), a sentence that
    continues elsewhere, the dateline that opens another article's text, a byline standing
    after a paragraph (it closes one story or opens the next: which, the vocabulary says;
    before any paragraph it is the head's own, under its picture). After a brief
    (消息, opened by its dateline) only that first paragraph: a brief is a few paragraphs, and
    what follows it in the file is as often another article's column, left to vocabulary. A
    caption that points at its picture (……。图为……。) ends a photo item's text the same way."""
    run: list[int] = []
    after_a_paragraph = False
    while k + 1 < len(content):
        k += 1
        if content.roles[k] in (Role.HEAD, Role.KICKER) or k in flow.stops or (
                run and opens_with_dateline(content.blocks[k])) or (
                after_a_paragraph and content.blocks[k].kind is Kind.BYLINE):
            break
        run.append(k)
        after_a_paragraph = after_a_paragraph or content.blocks[k].kind is Kind.BODY
        if k in flow.continuation and flow.continuation[k] != k + 1:
            break
        if (brief or points_at_its_picture(content.blocks[k].text)) and k not in flow.continuation:
            break  # a brief's first paragraph, a photo item's caption: the rest is left to vocabulary
    return run


def _take_continuations_under_heads(content: PageContent, flow: Flow, runs: list[list[int]]) -> list[list[int]]:
    """The text right under a head continues a sentence begun further down, in the head's own
    stretch of the page (before the next head): the article's first column was extracted after
    its second. That text and its run are the head's. A sentence begun in another head's
    stretch means that article flows on under this head instead."""
    runs = [list(run) for run in runs]
    source = {s: e for e, s in flow.continuation.items()}
    starts = [cluster[0] for cluster in content.heads if cluster]
    for a, cluster in enumerate(content.heads):
        first = cluster[-1] + 1 if cluster else -1
        if runs[a] or first not in source or source[first] == first - 1 or content.beside_others(a):
            continue  # the head has text, or none of its text continues a sentence from afar
        following = [k for k in starts if k > cluster[-1]]
        stretch_end = following[0] if following else len(content)
        if first < source[first] < stretch_end and not any(source[first] in run for run in runs):
            runs[a] = [first] + _run_after(content, flow, first)
    return runs


def _give_datelines_to_textless_heads(content: PageContent, runs: list[list[int]], flow: Flow) -> list[list[int]]:
    """A head with no text after it (its columns were extracted elsewhere) takes the nearest
    paragraph that opens with a dateline (本报北京1月5日电……) and is no other head's start,
    below it if one is (a copy reads a head's text after it) — none when that paragraph takes
    up another head's title more than its own (TITLE_WORDS_TAKEN_UP): it opens the other's
    story, and a farther dateline is no surer this head's. Nor does a title naming a park take
    a dateline whose paragraph (its pieces as joined) names none of that park's zone: a story
    speaks of the park it is about, the one its title names (本报南昌……严冬时节 is no story of
    齐齐哈尔高新区：…, two textless heads stacked over it)."""
    runs = [list(run) for run in runs]
    starts = {run[0] for run in runs if run}
    datelines = [k for k, b in enumerate(content.blocks) if opens_with_dateline(b) and k not in starts]
    head_words = [_head_words(content, cluster) for cluster in content.heads]
    taken_up = {k: [words_taken_up(words, content.blocks[k].text) for words in head_words] for k in datelines}

    def opens_another_story(a: int, k: int) -> bool:
        """Does dateline k open a story other than head a's: it takes up another head's title,
        and more than head a's, or head a's title names a park and the dateline's paragraph
        (its pieces as joined) names none of that park's zone?"""
        takes_up_another = any(b != a and share >= TITLE_WORDS_TAKEN_UP and share > taken_up[k][a]
                               for b, share in enumerate(taken_up[k]))
        zone = content.zones[a]
        return takes_up_another or bool(zone) and not zone & content.parks_in_paragraph(_pieces_from(flow.continuation, k))

    for a, run in enumerate(runs):
        head = content.heads[a]
        if any(content.blocks[k].kind is Kind.BODY for k in run) or not head or not datelines or content.beside_others(a):
            continue  # (heads side by side share the text under them: vocabulary places it)
        k = min(datelines, key=lambda d: (d < head[0], abs(d - head[0])))
        if opens_another_story(a, k):
            continue
        datelines.remove(k)
        for other in runs:
            other[:] = [m for m in other if m != k]
        runs[a] = run + [k]  # the rest of its text is placed by its vocabulary
    return runs


def _share_runs_of_stacked_heads(content: PageContent, runs: list[list[int]]) -> list[list[int]]:
    """Two heads printed one right after the other (only captions between them): their texts
    follow in the same order, so the first head's text is the start of the run after the
    second, up to the credit that closes it."""
    runs = [list(run) for run in runs]
    heads, blocks = content.heads, content.blocks
    for a in range(len(heads) - 1):
        after_a = heads[a][-1] + 1 if heads[a] else 0
        between = range(after_a, heads[a + 1][0]) if heads[a + 1] else range(0)
        if (not heads[a + 1] or any(blocks[k].kind is not Kind.CAPTION for k in between)
                or content.beside_others(a) or content.beside_others(a + 1)):
            continue
        run = runs[a + 1]
        credits = [i for i, k in enumerate(run) if blocks[k].kind is Kind.CREDIT]
        if credits and credits[0] + 1 < len(run):
            runs[a] = runs[a] + run[: credits[0] + 1]
            runs[a + 1] = run[credits[0] + 1:]
        elif run and opens_with_dateline(blocks[run[0]]) and any(blocks[k].kind is Kind.BYLINE for k in heads[a + 1]):
            # A story opened by its dateline prints no byline: the brief under the second head is the first's.
            runs[a], runs[a + 1] = runs[a] + run, []
        elif (run and not runs[a] and run[-1] + 1 < len(blocks) and opens_with_dateline(blocks[run[-1] + 1])
              and not opens_with_dateline(blocks[run[0]]) and not any(blocks[k].kind is Kind.BYLINE for k in heads[a + 1])):
            # A head that prints no byline under a textless one, and a story opened by its dateline
            # right after the run under it: that story is the second's, the run the first's text.
            runs[a], runs[a + 1] = run, []
    return runs


def _join_map(joins: Sequence[Join]) -> dict[int, int]:
    """End block id -> start block id of every join."""
    return {j.left_block: j.right_block for j in joins}


def _assign_articles(content: PageContent, joins: Sequence[Join], vocabulary: Vocabulary) -> Ownership:
    """Every block to an article: what the rules place is fixed, the groups of blocks they leave
    free go where their vocabulary and their neighbours pull them."""
    flow = _flow(content, [j for j in joins if j.adjacent or j.score >= OWNING_JOIN_SCORE])
    under_pairs = _under_side_by_side_heads(content, flow)
    ownership = _place_by_rules(content, flow, under_pairs)
    # Every join's end, weak or not, says its column breaks there (`_column_cuts`).
    free = _fix_or_free_groups(content, ownership, _groups(content, flow), _column_cuts(joins), under_pairs)
    # Round 0 knows only the vocabulary of the heads and anchors, and a group is pulled only
    # by neighbours already decided: the anchors and the groups before it in the file (a
    # column runs down the page).
    _vocabulary_round(free, ownership, vocabulary.profiles(ownership.members(fixed_only=True)), settled_only=True)
    # Later rounds: every block's vocabulary, every neighbour's current article, in file order.
    members = ownership.members()
    for _ in range(ASSIGN_ROUNDS_MAX - 1):
        _vocabulary_round(free, ownership, vocabulary.profiles(members), settled_only=False)
        before, members = members, ownership.members()
        if members == before:
            break
    return ownership


def _place_by_rules(content: PageContent, flow: Flow, under_pairs: dict[int, tuple[int, ...]]) -> Ownership:
    """Heads, the text they surely keep (anchors) and kickers above the first title are fixed;
    every other block starts with the nearest title above it — under heads printed side by
    side, with the first of them (a row is read from its left)."""
    ownership = Ownership(len(content), len(content.heads))
    for a, cluster in enumerate(content.heads):
        for k in cluster:
            ownership.fix(k, a)
    # A title's unbroken run of text is its own: only the rest is assigned by vocabulary.
    for k, a in _anchors(content, flow).items():
        ownership.fix(k, a)
    first_head = content.heads[0][0] if content.heads[0] else 0
    for k in range(first_head):
        if content.roles[k] is Role.KICKER:
            ownership.fix(k, 0)
    # The rest starts with the nearest title above it, but only the anchors speak for an
    # article's vocabulary in the first round.
    current = 0
    head_starts = {cluster[0]: a for a, cluster in enumerate(content.heads) if cluster}
    for k in range(len(content)):
        if k in head_starts:
            current = head_starts[k]
        elif not ownership.is_placed(k):
            ownership.guess(k, min(under_pairs[k]) if k in under_pairs else current)
    return ownership


@dataclass(frozen=True)
class FreeGroup:
    """Blocks that share an article and that no rule placed: the vocabulary rounds decide it."""

    blocks: tuple[int, ...]  # ids, file order
    neighbours: tuple[int, ...]  # blocks next to them in the file whose article pulls them (once per side)
    articles: tuple[int, ...]  # the articles it may go to
    zone_pulls: tuple[float, ...]  # per article, the pull of its title's park on the group (`_zone_pulls`)


def _fix_or_free_groups(content: PageContent, ownership: Ownership, groups: list[list[int]],
                        cuts: frozenset[tuple[int, int]], under_pairs: dict[int, tuple[int, ...]]
                        ) -> list[FreeGroup]:
    """A group whose fixed blocks are of one article is fixed to it whole; the groups with no
    fixed block are returned, left to the vocabulary (among the articles of side-by-side heads,
    for text right under them)."""
    free = []
    # A photo item keeping its caption takes no more text, unless there is no other article to take it.
    everywhere = tuple(a for a in range(ownership.n_articles) if not _captioned_photo_item(content, ownership, a)) \
        or tuple(range(ownership.n_articles))
    for group in groups:
        decided_owners = {ownership.article_of(k) for k in group if ownership.is_fixed(k)}
        if len(decided_owners) == 1:  # a group shares the article of its decided members
            for k in group:
                ownership.fix(k, next(iter(decided_owners)))
        elif not decided_owners:
            under_pair = [under_pairs[k] for k in group if k in under_pairs]
            articles = under_pair[0] if under_pair else everywhere
            neighbours = _pulling_neighbours(content, group, cuts)
            if under_pair:  # the byline right above is either head's: it pulls to neither
                neighbours = [k for k in neighbours if content.roles[k] is not Role.HEAD]
            free.append(FreeGroup(tuple(group), tuple(neighbours), articles, _zone_pulls(content, group)))
    return free


def _captioned_photo_item(content: PageContent, ownership: Ownership, a: int) -> bool:
    """A photo item whose caption it keeps (`_titles_a_photo_item`, its run fixed to it): a picture's
    title and caption are all it prints, and no text left free goes to it."""
    cluster = content.heads[a]
    return _titles_a_photo_item(content, cluster) and any(
        ownership.is_fixed(k) and ownership.article_of(k) == a for k in range(cluster[-1] + 1, len(content)))


def _under_side_by_side_heads(content: PageContent, flow: Flow) -> dict[int, tuple[int, ...]]:
    """The text that follows heads printed side by side (read as one stack) without a break is
    their columns read in turn: each of its blocks is one of theirs."""
    under: dict[int, tuple[int, ...]] = {}
    for articles in content.side_by_side:
        for k in _run_after(content, flow, max(content.heads[a][-1] for a in articles)):
            under[k] = articles
    return under


def _groups(content: PageContent, flow: Flow) -> list[list[int]]:
    """Blocks that must share an article: joined fragments, a subhead and its paragraph,
    a credit and the text it closes."""
    n = len(content)
    roles = content.roles
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for left, right in flow.continuation.items():
        union(left, right)
    for k in range(n):
        if roles[k] is Role.SUBHEAD and k + 1 < n and roles[k + 1] in (Role.SUBHEAD, Role.BODY):
            union(k, k + 1)
        if roles[k] is Role.CREDIT and k > 0 and roles[k - 1] is Role.BODY:
            union(k, k - 1)
    members: dict[int, list[int]] = {}
    for k in range(n):
        members.setdefault(find(k), []).append(k)
    return sorted(members.values())


def _column_cuts(joins: Sequence[Join]) -> frozenset[tuple[int, int]]:
    """Neighbouring blocks (k, k + 1) that a column break separates: a sentence that goes on
    elsewhere ends a column, and a continuation from elsewhere opens one."""
    cuts = set()
    for join in joins:
        if join.right_block != join.left_block + 1:
            cuts.add((join.left_block, join.left_block + 1))
            cuts.add((join.right_block - 1, join.right_block))
    return frozenset(cuts)


def _pulling_neighbours(content: PageContent, group: list[int], cuts: frozenset[tuple[int, int]]) -> list[int]:
    """The group's neighbours in the file that pull it towards their article: a block before
    or after one of its blocks, outside the group, on the same side of a column break, and
    neither a credit above (which closes its article) nor a title below (which opens the next).
    A neighbour of two of the group's blocks is listed twice."""
    pulling = []
    in_group = set(group)
    for k in group:
        for neighbour in (k - 1, k + 1):
            if neighbour in in_group or not 0 <= neighbour < len(content):
                continue
            if neighbour == k - 1 and content.roles[neighbour] is Role.CREDIT:
                continue  # a credit closes its article: what follows starts elsewhere
            if neighbour == k + 1 and content.roles[neighbour] is Role.HEAD:
                continue  # a title opens the next article
            if (min(k, neighbour), max(k, neighbour)) in cuts:
                continue  # a column break stands between them
            pulling.append(neighbour)
    return pulling


def _vocabulary_round(groups: list[FreeGroup], ownership: Ownership, profiles: ArticleProfiles,
                      settled_only: bool) -> None:
    """Each group, in file order, to the article its vocabulary fits best with the pull of its
    neighbours' articles as they stand (with `settled_only`, of neighbours not merely guessed)."""
    for group in groups:
        scores = {a: profiles.group_fit(group.blocks, a) + _neighbour_pull(group, a, ownership, settled_only)
                  + group.zone_pulls[a] for a in group.articles}
        _decide(group, scores, ownership)


# A free group that names the park a title names leans to that title's article (a story names
# the park it is about), by less than one neighbour's pull (STAY_BONUS): a story names others too.
ZONE_PULL = 0.1


def _zone_pulls(content: PageContent, blocks: Sequence[int]) -> tuple[float, ...]:
    """Per article, the pull on the group of a title that names a park the group names (a
    story names the park it is about): ZONE_PULL or none."""
    named = content.parks_in(blocks)
    return tuple(ZONE_PULL if named & zone else 0.0 for zone in content.zones)


def _neighbour_pull(group: FreeGroup, article: int, ownership: Ownership, settled_only: bool) -> float:
    """The pull towards the article of the group's neighbours in the file — in the first
    round only of neighbours already decided, not of the provisional nearest-title guess."""
    pull = 0.0
    for neighbour in group.neighbours:
        if ownership.article_of(neighbour) == article and not (settled_only and ownership.is_guess(neighbour)):
            pull += STAY_BONUS
    return pull


def _decide(group: FreeGroup, scores: dict[int, float], ownership: Ownership) -> None:
    """The group to the best-scoring article (on a tie, the one nearest its current article),
    as sure as its margin over the runner-up."""
    current = ownership.article_of(group.blocks[0])
    best = max(scores, key=lambda a: (scores[a], -abs(a - current)))
    ranked = sorted(scores.values(), reverse=True)
    margin = ranked[0] - ranked[1] if len(ranked) > 1 else 1.0
    confidence = round(1.0 / (1.0 + math.exp(-margin / OWNER_CONFIDENCE_SCALE)), 3)
    for k in group.blocks:
        ownership.choose(k, best, confidence)


def _page_date(blocks: Sequence[Block]) -> str:
    """The date printed in the page's furniture (masthead, issue line), as YYYY-MM-DD."""
    for block in blocks:
        if block.kind is Kind.FURNITURE:
            printed = parse_printed_date(block.text)
            if printed:
                return printed
    return ""
