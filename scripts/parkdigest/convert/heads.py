"""Headline stacks: which stack of short lines opens an article, and what each line of it is.

A Chinese newspaper article opens with a stack: a column label (开发区动态), a kicker (引题,
often ending with ——), the title (often closed by a column tag in parentheses:
"……（经济新方位）"), a subtitle (副题, starting with ——) and a byline; any of them but the
title may be missing. The same short lines also appear inside articles as subheads and box
headings (■链接, 核心阅读). What tells a head from a subhead is what marks the start of a new
article in every paper: a byline, a column label or tag, a dateline opening the first
paragraph (本报北京3月29日电), the end of the previous article (its closing credit), the top of
the page, an entry of the page's contents list, a park's name before a colon, or a picture
item (a title over a captioned photo).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from parkdigest.convert.classify import (
    BOX_LABEL_MAX_CHARS,
    COLUMN_TAG,
    HEADLINE_MAX_CHARS,
    TITLE_WORDS_TAKEN_UP,
    caption_shaped,
    closed_by_column_tag,
    is_park_title,
    kicker_end,
    names_a_box,
    names_a_park,
    opens_a_story,
    opens_as_a_lead,
    opens_with_dateline,
    opens_with_news_lead,
    points_at_its_picture,
    titles_the_paragraphs_under,
    under_a_head_or_caption,
)
from parkdigest.convert.model import HEAD_KINDS, Block, Kind, LineRule, Role
from parkdigest.convert.runon import KICKER_MIN_CHARS, TITLE_MIN_CHARS, reports_a_speech, run_on_kicker_end
from parkdigest.convert.words import (
    breaks_a_word,
    ends_mid_phrase,
    ends_with_a_whole_word,
    tag,
    word_spanning,
    words_taken_up,
)
from parkdigest.reference.gazetteer import find_zones
from parkdigest.resources import layout_words
from parkdigest.text import (
    BOX_MARKERS,
    BYLINE_MARKS,
    HAN,
    HAN_CHAR,
    SECTION_NUMBER,
    heading_key,
    open_quotes,
    sentence_closed,
)

# Two or more blank lines in a row: a picture stood there, and a short line after it is
# its caption rather than a subhead.
IMAGE_GAP_LINES = 2
# A column label printed above a title is a short noun phrase (园镜头, 开发区动态, 深阅读·文化和
# 科技融合); a first stack line this short is a label unless it is one half of a parallel
# two-line title (记录今天的突破 / 孕育明天的可能).
LABEL_MAX_CHARS = 10
# A column's name is a few words (一周要闻, 高新区动态); a longer line ending so is a title about one.
COLUMN_NAME_MAX_CHARS = 6
# A first stack line this short that is no label is the first half of the title (来徐州高新区).
SHORT_TITLE_PART = 7
# Word classes that make a short line a clause rather than a label: particles, prepositions,
# pronouns, adverbs (jieba's flags).
_CLAUSE_TAGS = ("u", "p", "r", "d")
# Two halves of a parallel title differ in length by at most this much (为黑土地“体检” / 推动节粮减损).
PARALLEL_SLACK = 2
# A kicker's two balanced halves are slogans of a few words each (聚焦主导产业 打造创新高地; the
# longest seen, 全力打造四大产业集聚区 建设现代化产业集群, has 11 characters); two longer halves
# state a title's news (贡献六成以上新兴产业产值 开发区成山西转型发展重要平台, 12 and 14).
KICKER_HALF_MAX_CHARS = 11
# A head's kicker, title or subtitle reads as a sentence; a box of short labels and figures
# (绿色 / 白洋淀水质 / 稳定保持在Ⅲ类) has none this long.
FULL_STACK_MIN_CHARS = 12
# A short noun phrase is taken for half of a parallel title only when the halves are this
# close: labels are short, titles longer (园区快讯 / 来徐州高新区).
LABEL_PARALLEL_SLACK = 1
# A pull quote above the first title: a sentence or two.
PULL_QUOTE_MAX_BLOCKS = 2
PULL_QUOTE_MAX_CHARS = 80
# What ends a kicker (好政策增收减负——, 记者手记：): the head stack and a package story's head read it alike.
KICKER_ENDS = ("——", "：", "—")
# What opens a subtitle (——访…, ——来自…的调查).
_SUBTITLE_DASH = "——"
# A figure standing in the stack ("68万平方米"): the number the story is about, a subtitle.
_FIGURE = re.compile(rf"^[\d.,，]+[%‰]?[{HAN}]{{0,5}}$")
_WORD_ONLY = re.compile(rf"^[{HAN}·]+$")
# Stack lines that never open an article on their own.
_INNER_RULES = frozenset({LineRule.BOX_HEADING, LineRule.DASH_SIGNATURE})


@dataclass(frozen=True)
class HeadParts:
    """The parts of an article's headline stack, as printed."""

    title: str
    kicker: str = ""
    deck: str = ""
    section: str = ""
    byline: str = ""


@dataclass(frozen=True)
class Story:
    """A story's stack inside a package (kicker, title, byline): a section of the package."""

    first: int  # ids of its first and last block
    last: int
    article: int  # index of the package's article


@dataclass(frozen=True)
class Heads:
    """What `find_heads` found: each block's role, the head stack of each article, and the
    stories folded into packages."""

    roles: tuple[Role, ...]
    clusters: tuple[tuple[int, ...], ...]
    stories: tuple[Story, ...] = ()
    # Heads printed side by side and read as one stack (indices into clusters, one tuple per
    # stack): the text under the stack is their columns in turn, each block one of theirs.
    side_by_side: tuple[tuple[int, ...], ...] = ()
    # Of those, titles over briefs and a picture item's title: (article, the block id of the
    # dateline or the caption that opens its text).
    briefs: tuple[tuple[int, int], ...] = ()


def find_heads(content: list[Block], contents_keys: set[str],
               split_at: frozenset[int] | set[int] = frozenset(),
               under_credits: frozenset[int] = frozenset()) -> Heads:
    """Roles of the content blocks and, per article, the indices of its head stack. `split_at`:
    the lines an editor splits at; `under_credits`: the lines printed right under a picture's
    credit."""
    roles = [Role.BODY if b.kind is Kind.BODY else Role.CREDIT if b.kind is Kind.CREDIT
             else Role.CAPTION if b.kind is Kind.CAPTION else Role.SUBHEAD for b in content]
    heads: list[list[int]] = []
    side_by_side: list[list[tuple[int, ...]]] = []  # per stack that holds heads printed side by side
    briefs: list[tuple[tuple[int, ...], int]] = []  # (head, its dateline)

    def take(cluster: list[int], names: list[int]) -> None:
        """The heads of a stack that opens an article, with the column names read above it."""
        parts, beside, over_briefs = _heads_of_stack(content, cluster)
        if names:
            parts, beside, over_briefs = _with_column_names(names, parts, beside, over_briefs)
        heads.extend(parts)
        if beside:
            side_by_side.append(beside)
        briefs.extend(over_briefs)
        for k in names + cluster:
            roles[k] = Role.HEAD

    stacks = [piece for stack in _stacks(content) for piece in _parted_under_credits(content, stack, under_credits)]
    carried: list[int] = []  # column names (or a byline) read apart from the head under them, for that head
    for n, cluster in enumerate(stacks):
        if SECTION_NUMBER.match(content[cluster[0]].text):
            cluster = _after_section_heading(content, cluster)
            if not cluster:
                continue
        # A photo item's title over the next article's title heads the picture, with no text of its
        # own there. Over a title that opens no article (a subhead read with it) the stack stays as
        # read: the photo item would take that subhead's section for its text.
        if len(cluster) > 1 and _titles_a_picture_over_a_title(content, cluster, under_credits) \
                and _opens_article(content, cluster[1:], contents_keys, split_at, heads):
            take(cluster[:1], [])
            cluster = cluster[1:]
        if _names_columns_only(content, cluster) and _head_follows(content, cluster, stacks[n + 1:]):
            carried += cluster
            continue
        if not heads and _labels_over_the_pages_pull_quote(content, cluster, stacks[n + 1:]):
            carried += cluster  # the column's label over the pull quote: it names the column of the head under it
            continue
        if _byline_without_title([content[k] for k in cluster]) and _title_right_under(content, cluster, stacks[n + 1:]):
            carried += cluster  # a byline read above its title: it signs the head right under it
            continue
        signed = any(content[k].kind is Kind.BYLINE for k in carried)
        pictured = not carried and _titles_a_picture(content, cluster, under_credits)
        if signed or pictured or _opens_article(content, cluster, contents_keys, split_at, heads):
            row = None if carried else _row_it_goes_on(content, cluster, heads, side_by_side)
            before = len(heads)
            take(cluster, carried)
            if pictured:  # a photo item's text is its caption, right under its title
                briefs.append((tuple(cluster), cluster[-1] + 1))
            if row:  # the heads of one row: the text under the last is theirs in turn
                _row_goes_on(side_by_side, row, [tuple(part) for part in heads[before:]])
        else:
            if carried and _opens_article(content, carried, contents_keys, split_at, heads):
                take(carried, [])  # no head under the names after all: they stand as before
            if _is_caption_over_picture(content, cluster):
                roles[cluster[0]] = Role.CAPTION
        carried = []
    # An editor's split inside running text: that paragraph opens an article with no title.
    for k, block in enumerate(content):
        if block.first_line in split_at and roles[k] is Role.BODY and not any(k in h for h in heads):
            heads.append([k])
    heads.sort(key=lambda cluster: cluster[0])
    heads, stories = _fold_packages(content, roles, heads, {head for group in side_by_side for head in group})
    _mark_pull_quote(content, roles, heads)
    index = {tuple(cluster): a for a, cluster in enumerate(heads)}
    return Heads(tuple(roles), tuple(tuple(cluster) for cluster in heads), tuple(stories),
                 tuple(tuple(index[head] for head in group) for group in side_by_side),
                 tuple((index[head], dateline) for head, dateline in briefs))


def _parted_under_credits(content: list[Block], cluster: list[int], under_credits: frozenset[int]) -> list[list[int]]:
    """A stack read across a picture's credit is two: a credit ends its picture, and a head never
    holds a picture (吉安高新区：… / 受访企业供图 / 园区春意浓 over the picture's caption: the title
    of a photo item under its credit, `_titles_a_picture`). Only a few words under the credit part:
    a longer line there may be the title the picture stands over."""
    for i in range(1, len(cluster)):
        if _few_words_under_a_credit(content[cluster[i]], under_credits):
            return [cluster[:i], cluster[i:]]
    return [cluster]


def _titles_a_picture_over_a_title(content: list[Block], cluster: list[int], under_credits: frozenset[int]) -> bool:
    """A stack opening with a photo item's title right under its picture's credit, over the next
    module's whole title (项目集中开工 / 武汉东湖高新区：……), the picture's caption read right after
    the stack (a caption, or news told in a caption's few sentences: `_news_caption_at`): the few
    words head the picture. They are no kicker of that title, a kicker being a clause
    (`runon.KICKER_MIN_CHARS`, longer than `a_few_words`), and no column's name
    (`may_title_a_photo_item` is never one: a column's name there names the title's column). With
    the title's own text right under the stack, no caption, the few words head no picture: they
    name the title's column (招商引资 / ……（创新故事） / its story)."""
    after = cluster[-1] + 1
    return (_photo_title_under_a_credit(content[cluster[0]], under_credits) and whole_title(content[cluster[1]])
            and after < len(content) and (content[after].kind is Kind.CAPTION or _news_caption_at(content, cluster[-1])))


def _few_words_under_a_credit(block: Block, under_credits: frozenset[int]) -> bool:
    """A headline of a few words right under a picture's credit: where a photo item's title
    stands (`under_credits`: the first lines right under a credit)."""
    return block.first_line in under_credits and block.kind is Kind.HEADLINE and a_few_words(block)


def _photo_title_under_a_credit(block: Block, under_credits: frozenset[int]) -> bool:
    """A few words under a picture's credit (`_few_words_under_a_credit`) shaped as a photo item's
    title, no column's name (`may_title_a_photo_item`)."""
    return _few_words_under_a_credit(block, under_credits) and may_title_a_photo_item(block)


def _after_section_heading(content: list[Block], cluster: list[int]) -> list[int]:
    """The stack without the numbered section heading that opens it (一、…, 第一章 总则: it stands
    in its article's text, never heads one), the lines that go on with its words (…的内容及特 / 点)
    and the line under them that takes its words up (TITLE_WORDS_TAKEN_UP): a section's text
    restates its heading, and a column cut its first line short (一、产业园区合作共建的内容及特点 /
    产业园区合作共建是指跨区)."""
    end = 1
    while end < len(cluster) and word_spanning(content[cluster[end - 1]].text, content[cluster[end]].text):
        end += 1
    heading = "".join(content[k].text for k in cluster[:end])
    if end < len(cluster) and words_taken_up(content[cluster[end]].text, heading) >= TITLE_WORDS_TAKEN_UP:
        end += 1
    return cluster[end:]


def _row_it_goes_on(content: list[Block], cluster: list[int], heads: list[list[int]],
                    side_by_side: list[list[tuple[int, ...]]]) -> tuple[int, ...] | None:
    """The head whose row a stack read right under its byline goes on (`_under_a_heads_byline`):
    when the stack is signed by a byline of its own, or that head already stands beside others.
    (A title alone under a head's byline may be that byline's, read before it: the row is not sure.)"""
    if not _under_a_heads_byline(content, cluster, heads):
        return None
    row = tuple(heads[-1])
    return row if content[cluster[-1]].kind is Kind.BYLINE or any(row in group for group in side_by_side) else None


def _row_goes_on(side_by_side: list[list[tuple[int, ...]]], row: tuple[int, ...], parts: list[tuple[int, ...]]) -> None:
    """The heads of a stack read after the head `row` ends are printed beside it: one group of
    heads side by side with it (and with the heads already beside it)."""
    joined = [group for group in side_by_side if row in group or any(part in group for part in parts)]
    for group in joined:
        side_by_side.remove(group)
    heads = sorted({row, *parts, *(head for group in joined for head in group)})
    side_by_side.append(heads)


# A copy may read a cut line of text or two between a stack's column names and the rest of it
# (数说园区 / 各地传真 / 创空间培育提升计划，… / 唐山高新区聚力培育双创载体): at most this many blocks.
COLUMN_NAMES_APART_MAX_BLOCKS = 2


def _names_columns_only(content: list[Block], cluster: list[int]) -> bool:
    """A stack of two or more column names (labels, box headings, short noun phrases), with at
    most a subtitle among them, holds no title: a page's section over a column's name (数说园区
    / 各地传真, 【第二看台】 / 创新速递), read apart from the heads they stand over. One short
    noun phrase alone may be a photo item's title (人才安居); a stack with a byline signs the
    text under it (`_byline_without_title`)."""
    names = [k for k in cluster if _is_column_name(content[k])]
    return len(names) >= 2 and all(k in names or content[k].rule == LineRule.DASH_LINE for k in cluster)


def _is_column_name(block: Block) -> bool:
    """A column's name, not a marked subhead (■全力打造四大产业集聚区 建设…): one that names a
    column (`names_a_column`) and is a label or as short as one."""
    return names_a_column(block) and (
        block.kind is Kind.LABEL or len(block.text.lstrip(BOX_MARKERS + " ")) <= BOX_LABEL_MAX_CHARS)


def _head_follows(content: list[Block], cluster: list[int], later: list[list[int]]) -> bool:
    """Does the next stack come right under this one, past a cut line or two of text at most?"""
    return bool(later) and later[0][0] - cluster[-1] - 1 <= COLUMN_NAMES_APART_MAX_BLOCKS and all(
        content[k].kind is Kind.BODY for k in range(cluster[-1] + 1, later[0][0]))


def _title_right_under(content: list[Block], cluster: list[int], later: list[list[int]]) -> bool:
    """Does the next stack stand right under this one, no text between, with a line that may be
    a title? A copy reads a byline printed beside its title (or over it) before the title; a
    byline signs an article, never a subhead, so the stack under it is that article's head."""
    return bool(later) and later[0][0] == cluster[-1] + 1 and any(
        content[k].kind is Kind.HEADLINE and content[k].rule not in _INNER_RULES and _may_be_title(content[k])
        for k in later[0])


def _with_column_names(names: list[int], parts: list[list[int]], beside: list[tuple[int, ...]],
                       briefs: list[tuple[tuple[int, ...], int]]
                       ) -> tuple[list[list[int]], list[tuple[int, ...]], list[tuple[tuple[int, ...], int]]]:
    """The heads of a stack with the column names read above it put at the top of its first head."""
    first = tuple(parts[0])
    named = tuple(names) + first
    return ([list(named), *parts[1:]], [named if head == first else head for head in beside],
            [(named if head == first else head, dateline) for head, dateline in briefs])


def _heads_of_stack(content: list[Block], cluster: list[int]
                    ) -> tuple[list[list[int]], list[tuple[int, ...]], list[tuple[tuple[int, ...], int]]]:
    """The heads a stack that opens an article holds, which of them were printed side by side
    (the text under the stack is theirs in turn), and for titles over briefs each head with the
    dateline that opens its text (for a picture item's title, the caption under it): heads read
    row by row, or titles read whole one after another; each then parted after a park's title,
    or between a brief and a signed story."""
    heads = _side_by_side_heads(content, cluster)
    read_whole = len(heads) == 1  # not read row by row: its titles may still stand side by side
    datelines = []
    told = None
    if read_whole:
        heads = next((split for part in _WHOLE_STACK_PARTINGS if len(split := part(content, cluster)) > 1), heads)
        titles = _story_titles(content, cluster)  # (the stack read whole says whose stories they are)
        if len(heads) == 1:
            datelines = _datelines_of_titles(content, cluster)  # titles over briefs: paired below
            if not datelines and len(titles) < 2:
                told = _title_of_a_story_told_elsewhere(content, cluster)
                if told is not None:
                    heads = _taken_out(content, cluster, told)
                else:
                    titles = (_titles_of_two_bylines(content, cluster)
                              or _titles_of_stories_told_in_turn(content, cluster) or titles)
        park_titles = _park_titles(content, cluster) if len(heads) > 1 else []
        heads = [piece for head in heads
                 for piece in _parted_at_titles(content, head, _titles_in(head, titles, park_titles))]
        if len(heads) > 1:
            datelines = []
    if datelines:
        first = len(cluster) - len(datelines)  # the first title: the column names over it head it
        parts = [cluster[: first + 1], *([k] for k in cluster[first + 1:])]
        datelines = _paired_by_words(content, cluster[first:], datelines)
        return parts, [tuple(part) for part in parts], [(tuple(part), d) for part, d in zip(parts, datelines)]
    parts = [part for head in heads for above in _heads_above_a_park_title(content, head)
             for piece in _heads_after_a_park_title(content, above)
             for part in _heads_of_a_brief_and_a_signed_story(content, piece)]
    # A picture item's title parted from the stack is over its caption, right under it.
    pictured = [(tuple(parts[-1]), cluster[-1] + 1)] if len(parts) > 1 and _is_picture_item(content, parts[-1]) else []
    if told is not None and any(_interleaved(part) for part in parts):
        return parts, [], pictured  # a title taken out of the stack: the text under it is the rest's
    return parts, [tuple(part) for part in parts if _interleaved(part) or (read_whole and len(heads) > 1)], pictured


def _park_titles(content: list[Block], cluster: list[int]) -> list[int]:
    """The lines of a stack that read as a whole title and name a park."""
    return [k for k in _whole_titles(content, cluster) if parks_named(content[k].text)]


def _titles_in(head: list[int], titles: list[int], park_titles: list[int]) -> list[int]:
    """The titles a head that a parting gave holds: the story titles in it (`_story_titles`),
    and its last park title when one stands below them. A story elsewhere takes such a line up
    alone, and the park title's text does not: no kicker of that title, a title of its own
    (吉林“大健康产业航母”启航 / 唐山高新区聚力培育双创载体). `park_titles` is empty for a stack
    no parting split."""
    own = [k for k in titles if k in head]
    last = max((k for k in head if k in park_titles), default=None)
    return [*own, last] if own and last is not None and last > own[-1] else own


def _fold_packages(content: list[Block], roles: list[Role], heads: list[list[int]], beside: set[tuple[int, ...]]
                   ) -> tuple[list[list[int]], list[Story]]:
    """A package (组合报道): a head with no byline of its own, followed by stories that each
    have a kicker or a byline but no column tag, label or column's name, is one article whose stories
    are its sections ("好政策增收减负——" / "腰包鼓起来，消费底气足" / 本报记者 …). A story is signed
    by one reporter at most, names no park before a colon and its text opens with no dateline: a
    stack with two bylines holds heads printed side by side, and a park's name with a colon opens
    an article's title, a dateline (本报讯…) an article's text."""
    kept: list[list[int]] = []
    stories: list[Story] = []
    package_article = -1
    package = ""  # "marked": the package head has a tag or a kicker; "plain": it has neither
    shapes: set[tuple[int, bool, bool]] = set()  # the shapes of the package's stories so far
    after_box = False  # a box with its own tag and byline stands inside the package
    for cluster in heads:
        blocks = [content[k] for k in cluster]
        has_byline = any(b.kind is Kind.BYLINE for b in blocks)
        lines = [b for b in blocks if b.kind is Kind.HEADLINE]
        # A label, a column tag, or a column's name over the title (园区快讯 / 科技部火炬中心…).
        tagged = any(b.kind is Kind.LABEL or (b.kind is Kind.HEADLINE and COLUMN_TAG.search(b.text)) for b in blocks) \
            or any(_names_the_column(b) for b in lines[:-1])
        # A kicker stands over the title, or runs into it on one line (好政策增收减负——腰包鼓起来…);
        # a subtitle (——访…) stands under it, a box's heading (■创新前沿) marks it: neither is a kicker.
        joined_kicker = any(kicker_end(b.text) for b in lines)
        kicker = sum(b.rule != LineRule.DASH_LINE and b.rule not in _INNER_RULES for b in lines) > 1 or joined_kicker
        dash_kicker = any(b.text.endswith(KICKER_ENDS) for b in lines[:-1]) or joined_kicker
        shape = (len(lines), dash_kicker, has_byline)
        # A story of a package has a kicker over its title; a title with a byline alone is an
        # article of its own — unless the byline comes first, right after the package's head
        # with only its pictures' captions between: the head's own byline, printed under them.
        signs_the_head = (has_byline and blocks[0].kind is Kind.BYLINE and bool(kept)
                          and all(content[k].kind is Kind.CAPTION for k in range(kept[-1][-1] + 1, cluster[0])))
        n_bylines = sum(b.kind is Kind.BYLINE for b in blocks)
        after_credit = cluster[0] > 0 and content[cluster[0] - 1].kind is Kind.CREDIT
        story = (not tagged and len(cluster) > 1 and tuple(cluster) not in beside and not _dateline_under(content, cluster)
                 and not after_credit
                 and n_bylines <= 1 and not any(names_a_park(b.text) for b in lines)
                 and not (package and _leaves_the_packages_park(content, kept[package_article], cluster)) and (
                     (package == "marked" and (kicker or signs_the_head))
                     or (package == "plain" and dash_kicker)))
        if story and (not after_box or shape in shapes):
            shapes.add(shape)
            stories.append(Story(cluster[0], cluster[-1], package_article))
            for k in cluster:
                roles[k] = Role.SUBHEAD
            continue
        if package and shapes and tagged and has_byline and not after_box:
            # A boxed item (……（链接）, its own byline) set among the stories: an item of its
            # own, after which stories of the same shape as those before still belong to the package.
            after_box = True
            kept.append(cluster)
            continue
        opens_package = not has_byline and not _dateline_under(content, cluster) and not _is_picture_item(content, cluster)
        package = ("marked" if tagged or kicker else "plain") if opens_package else ""
        shapes, after_box = set(), False
        package_article = len(kept)
        kept.append(cluster)
    return kept, stories


def _leaves_the_packages_park(content: list[Block], head: list[int], cluster: list[int]) -> bool:
    """A package's stories stay on its subject: under a head about one park (兰州高新区：建西北地区
    重要科创中心), a stack naming another park opens an article of its own (来徐州高新区 感受有技术
    含量的"安全感"; 青岛高新区加快培育新质生产力—— / 科技部火炬中心召开…, whose text names
    neither park: a package on one park has no story headed by another)."""
    about, named = parks_of_headlines(content, head), parks_of_headlines(content, cluster)
    return bool(about) and bool(named) and not about & named


def _heads_of_a_brief_and_a_signed_story(content: list[Block], cluster: list[int]) -> list[list[int]]:
    """A story that opens with its dateline (本报南宁5月19日电（记者张云河）) names its reporter
    there and prints no byline. A stack of a whole headline, a title closed by its tag and a
    byline, right above a dateline, holds two heads read as one block: the brief's title, then
    the signed story's title and byline (segment gives the dateline paragraph to the first). A
    column's name over them (焦点关注) is no brief's title: it tops the signed story's head."""
    blocks = [content[k] for k in cluster]
    after = cluster[-1] + 1
    if (len(blocks) == 3 and [b.kind for b in blocks] == [Kind.HEADLINE, Kind.HEADLINE, Kind.BYLINE]
            and blocks[0].rule == LineRule.HEADLINE and not closed_by_column_tag(blocks[0].text)
            and not _names_the_column(blocks[0])
            and closed_by_column_tag(blocks[1].text)
            and after < len(content) and opens_with_dateline(content[after])):
        return [cluster[:1], cluster[1:]]
    return [cluster]


def _heads_after_a_park_title(content: list[Block], cluster: list[int]) -> list[list[int]]:
    """A title that opens with its park's name and a colon ("吉安高新区：“两化融合” 构筑绿色产业
    集聚高地") is whole: no kicker stands under a title. Headline lines read under it in one stack
    (坚持创新驱动 推动产业升级) are another article's head, read into this one by the tool's order;
    a subtitle (——…, or any line when the text under the stack talks about the title's park), a
    byline, or the rest of the title broken over two lines (a line too short for a head of its
    own, or one that a word runs into) stays with it."""
    subtitles = _subtitles_of_a_park_title(content, cluster)
    for i, k in enumerate(cluster[:-1]):
        block, following = content[k], content[cluster[i + 1]]
        if (block.kind is Kind.HEADLINE and is_park_title(block.text) and cluster[i + 1] not in subtitles
                and following.kind is Kind.HEADLINE and len(following.text) >= KICKER_MIN_CHARS
                and not following.text.startswith("——") and not closed_by_column_tag(following.text)
                and not word_spanning(block.text, following.text)):
            return [cluster[: i + 1], *_heads_after_a_park_title(content, cluster[i + 1:])]
    return [cluster]


def _subtitles_of_a_park_title(content: list[Block], cluster: list[int]) -> set[int]:
    """The headline line right under a park's title (武汉东湖高新区：新兴产业重要策源地 / 打造具有
    全球影响力的产业创新高地) in a stack whose paragraph right under it names that park: its
    subtitle (no head of its own, `_heads_after_a_park_title`; no story's title unless a story
    restates it, `_story_titles`). The paragraph under may stand under a box's heading that
    opens the story (核心阅读, 链接) or a picture's caption: the heading is the story's, the
    caption its picture's, neither another head."""
    after = cluster[-1] + 1
    while after < len(content) and (content[after].rule == LineRule.BOX_HEADING or content[after].kind is Kind.CAPTION):
        after += 1
    text_under = content[after].text if after < len(content) and content[after].kind is Kind.BODY else ""
    return {following for k, following in zip(cluster, cluster[1:])
            if is_park_title(content[k].text) and content[following].kind is Kind.HEADLINE
            and content[k].text.partition("：")[0] in text_under}


def _heads_above_a_park_title(content: list[Block], cluster: list[int]) -> list[list[int]]:
    """A head speaks of one subject: the kicker over a title that opens with its park's name and
    a colon names no other park (坚持创新驱动 推动产业升级 / 武进高新区：…). A headline above
    such a title that names another park (济宁高新区精描细绘2020年发展蓝图 / 兰白国家自主
    创新示范区：…), right above it or above the column's name over it (/ 一周要闻 / 吉安高新区：…),
    is another article's title, read into this stack by the tool's order: the stack parts under
    that headline, the labels and kicker above it going with it, the column's name with the park's."""
    for i in range(1, len(cluster)):
        block = content[cluster[i]]
        if block.kind is not Kind.HEADLINE or not is_park_title(block.text):
            continue
        at = i  # where the park title's head starts: past the column's name over it
        while at > 1 and _names_the_column(content[cluster[at - 1]]):
            at -= 1
        above = content[cluster[at - 1]]
        if (_may_be_title(above) and not _is_clause(above)
                and parks_named(above.text) - parks_named(block.text)):
            return [cluster[:at], *_heads_above_a_park_title(content, cluster[at:])]
    return [cluster]


def _interleaved(cluster: Sequence[int]) -> bool:
    """Is the head one of heads printed side by side and read row by row (`_side_by_side_heads`):
    its lines interleaved with another's, so its blocks are not one run of the file?"""
    return bool(cluster) and list(cluster) != list(range(cluster[0], cluster[-1] + 1))


def _titles_of_several_parks(content: list[Block], cluster: list[int]) -> list[list[int]]:
    """Titles printed side by side over their own modules and read whole, one after another
    (唐山高新区聚力培育双创载体 / 吉安高新区：“两化融合”构筑绿色产业集聚高地): one stack whose
    lines name different parks, each taken up alone by a paragraph under the stack. A head
    speaks of one subject: a kicker or a subtitle that names another park is taken up with the
    title's park, or not at all. Each such line is a title (`_parted_at_titles`)."""
    lines = [k for k in cluster if _may_be_title(content[k])]
    parks = {k: parks_named(content[k].text) for k in lines}
    lines = [k for k in lines if parks[k]]
    if len(lines) < 2:
        return [cluster]
    under = [parks_named(b.text) for b in _text_under(content, cluster)]
    titles = []
    for k in lines:
        others = set().union(*(parks[o] for o in lines if o != k)) - parks[k]
        if any(named & parks[k] and not named & others for named in under):
            titles.append(k)
    if len(titles) < 2 or any(parks[a] & parks[b] for i, a in enumerate(titles) for b in titles[i + 1:]):
        return [cluster]
    return _parted_at_titles(content, cluster, titles)


# A news story's lead restates its title: a paragraph holding this share of a title's words
# opens that title's story, with or without a dateline (……召开2022年全国颠覆性技术创新大赛工作启动会。).
RESTATES_TITLE = 0.8


class _Opening(NamedTuple):
    """A paragraph as `_story_titles` weighs it."""

    text: str
    parks: set[str]  # the parks it names
    opens_a_story: bool  # a dateline paragraph, the one under a byline in the text, a news lead read in turn
    # Under a headline, a byline or a caption away from the text under the stack; or in that
    # text past its first paragraph, when stories are read there one after another: the text
    # opens with a dateline, the stack holds two bylines, or the paragraph is a news lead.
    may_open_elsewhere: bool
    # It names the park of a title standing outside the stack, and none the stack names: it is
    # that title's story, whatever words it shares with a line of the stack.
    of_another_title: bool


def _story_titles(content: list[Block], cluster: list[int]) -> list[int]:
    """Whole titles read one after another (2022年国家高新区…培训班开班 / 芜湖高新区：“四送一服”…),
    each the title of a story that opens somewhere on the page: a story's opening (a dateline
    paragraph, the one under a byline standing in the text, a news lead where stories are read in
    turn under the stack) takes up its title's words, and a kicker speaks of the same story as
    its title. Two whole titles that two different openings each take up alone are two heads
    (`_parted_at_titles`): an opening sharing fewer words with a title another story restates
    than with its own still takes up its own alone. Two balanced phrases may be a kicker and
    part nothing. An opening that names a line's park speaks of that line (a story on a park
    names it: 本报讯……温州高新区…); a line over a park's title that the same story takes up is
    that title's kicker (每年5000万元资助业界共治 / 成都高新区：…), and the line right under one,
    over text on its park, is its subtitle unless a story restates it. A story's opening that
    names the park of a title outside the stack (and none the stack names) is that title's story:
    the words it shares with a line of the stack make that line no title."""
    lines = _whole_titles(content, cluster)
    if len(lines) < 2:
        return []
    under = _right_under(content, cluster)
    # Stories read one after another under the stack: its text opens with a dateline, or two
    # bylines sign two stories (then a paragraph there past the first may open another).
    in_turn = (bool(under) and opens_with_dateline(content[under[0]])) or _bylines_in(content, cluster) >= 2

    def may_open_elsewhere(k: int) -> bool:
        if k not in under:
            return under_a_head_or_caption(content, k)
        return k != under[0] and (in_turn or opens_with_news_lead(content[k]))

    def opens_one(k: int) -> bool:
        """A dateline opens a story, and so does the paragraph under a byline; where stories are
        read in turn under the stack, a news lead past its first paragraph (近日，……) opens the
        next as surely as a dateline."""
        return opens_a_story(content, k) or (in_turn and k in under[1:] and opens_with_news_lead(content[k]))

    stack_parks = parks_of_headlines(content, cluster)
    parks_elsewhere = _parks_of_titles_outside(content, cluster)

    def opening(k: int) -> _Opening:
        parks = parks_named(content[k].text)
        return _Opening(content[k].text, parks, opens_one(k), may_open_elsewhere(k),
                        bool(parks & parks_elsewhere) and not parks & stack_parks)

    openings = [opening(k) for k in range(len(content)) if content[k].kind is Kind.BODY]
    parks = {k: parks_named(content[k].text) for k in lines}
    subtitles = _subtitles_of_a_park_title(content, cluster)
    taken_up = cache(words_taken_up)  # each line against each opening, asked more than once

    def speaks_of(line: int, opening: _Opening, restated: float) -> bool:
        """Does the opening take up the line's words, or name the line's park? A paragraph
        that opens no story but may open one elsewhere speaks of a line when it takes up this
        share of its words (`restated`)."""
        taken = taken_up(content[line].text, opening.text)
        if line in subtitles:  # a story restating it is its own; one sharing some words is not
            return (opening.opens_a_story or opening.may_open_elsewhere) and taken >= restated
        shares_words = taken >= TITLE_WORDS_TAKEN_UP and not opening.of_another_title
        return (opening.opens_a_story and (shares_words or bool(parks[line] & opening.parks))) or (
            opening.may_open_elsewhere and taken >= restated)

    def told_by_another(other: int, opening: _Opening, line: int) -> bool:
        """Does the opening take up the other line's words less than this line's, while another
        story's opening restates that line? It then shares some words with that story only."""
        return taken_up(content[other].text, opening.text) < taken_up(content[line].text, opening.text) \
            and any(elsewhere is not opening and elsewhere.opens_a_story
                    and taken_up(content[other].text, elsewhere.text) >= RESTATES_TITLE for elsewhere in openings)

    def taken_up_alone(line: int) -> bool:
        """Does an opening speak of this line (a paragraph restating it) and of no other line
        of the stack (a paragraph taking up some of its words) but one told by another story?"""
        return any(speaks_of(line, opening, RESTATES_TITLE)
                   and not any(speaks_of(other, opening, TITLE_WORDS_TAKEN_UP)
                               and not told_by_another(other, opening, line) for other in lines if other != line)
                   for opening in openings)

    return [k for k in lines if taken_up_alone(k) and not _balanced_halves(content[k].text)]


def _parks_of_titles_outside(content: list[Block], cluster: list[int]) -> set[str]:
    """The parks that the page's whole titles (`_whole_titles`) outside a stack name."""
    outside = [k for k in range(len(content)) if k not in cluster]
    return {park for k in _whole_titles(content, outside) for park in parks_named(content[k].text)}


def _whole_titles(content: list[Block], cluster: list[int]) -> list[int]:
    """The lines of a stack that may be titles and read as a whole title."""
    return [k for k in cluster if _may_be_title(content[k]) and whole_title(content[k])]


def _whole_titles_of_no_kickers_form(content: list[Block], cluster: list[int]) -> list[int]:
    """The stack's whole titles (`_whole_titles`) but two balanced phrases, a kicker's form as
    often as a title's."""
    return [k for k in _whole_titles(content, cluster) if not _balanced_halves(content[k].text)]


def _title_of_a_story_told_elsewhere(content: list[Block], cluster: list[int]) -> int | None:
    """A whole title read into another head's stack (“不负韶华 国聘行动”火炬专场网络招聘会… / 广州
    高新区再添省级小微双创基地), asked when the stack read whole finds fewer than two story
    titles: the title of a story told elsewhere on the page, whose opening (a dateline
    paragraph, the one under a byline, or a news lead: 7月20日，…… 近日，……, which opens a news
    story wherever a copy reads it, under a heading or a picture or after another story's
    paragraph), read with the piece it goes on in when the copy reads that right after it, away
    from the text under the stack (which opens past the pictures printed between) restates it
    (RESTATES_TITLE: a kicker is taken up in part, a title restated), while the story under the
    stack does not take up its words, when the stack holds another whole title (the one whose
    text is under the stack). A feature restating its kicker in its own text does so in running
    text, which opens no story; two balanced phrases may be a kicker (as in `_story_titles`), so
    they are neither that title nor the other. Failing that, the one title naming another
    story's park (`_title_naming_the_park_of_another_story`)."""
    titles = _whole_titles_of_no_kickers_form(content, cluster)
    if len(titles) < 2:
        return None
    under = _right_under(content, cluster)
    # The story under the stack runs from its first paragraph (past the pictures printed between)
    # to the next paragraph that opens under a heading or a picture.
    first = next((k for k in under if content[k].kind is Kind.BODY), None)
    own = list(itertools.takewhile(lambda k: first is None or k <= first or not under_a_head_or_caption(content, k),
                                   under))
    own_text = [content[k].text for k in own if content[k].kind is Kind.BODY]
    elsewhere = [_with_the_piece_it_goes_on_in(content, k) for k in range(len(content))
                 if k not in own and (opens_a_story(content, k) or opens_with_news_lead(content[k]))]

    def told_elsewhere(line: int) -> bool:
        text = content[line].text
        return any(words_taken_up(text, other) >= RESTATES_TITLE for other in elsewhere) \
            and not any(words_taken_up(text, mine) >= TITLE_WORDS_TAKEN_UP for mine in own_text)

    told = [k for k in titles if told_elsewhere(k)]
    if len(told) == 1:
        return told[0]
    return _title_naming_the_park_of_another_story(content, titles, own, own_text)


def _title_naming_the_park_of_another_story(content: list[Block], titles: list[int], own: list[int],
                                            own_text: list[str]) -> int | None:
    """A kicker speaks of its story: the one whole title of a stack naming a park that the story
    under the stack (the blocks `own`, its paragraphs' text `own_text`) never names
    (`names_a_park_of`), while paragraphs elsewhere on the page do (来徐州高新区 感受有技术含量的
    “安全感” over 兰白国家自主创新示范区's title and text), is the title of their story."""
    named_elsewhere = set().union(*(parks_named(content[k].text) for k in range(len(content))
                                    if k not in own and content[k].kind is Kind.BODY))

    def names_a_park_of_another_story(line: int) -> bool:
        text = content[line].text
        return bool(parks_named(text) & named_elsewhere) and not names_a_park_of(text, own_text)

    parked = [k for k in titles if names_a_park_of_another_story(k)]
    return parked[0] if len(parked) == 1 and own_text else None


def _with_the_piece_it_goes_on_in(content: list[Block], k: int) -> str:
    """Paragraph k's text, and the next block's when the copy reads it right after and a word
    spans the two (……这也标 / 志着吉林省“大健康产业航母”正式启航。): a column cut the paragraph
    there, maybe before it restates its title."""
    text = content[k].text
    after = content[k + 1] if k + 1 < len(content) else None
    if after is not None and after.kind is Kind.BODY and not sentence_closed(text) and word_spanning(text, after.text):
        return text + after.text
    return text


def _taken_out(content: list[Block], cluster: list[int], title: int) -> list[list[int]]:
    """A stack less a title read into it, with the subtitles (——…) right under that title: two
    heads. The rest stays one head, kickers over its title though the copy read the other title
    between (每年5000万元资助业界共治 / 2022年国家高新区…培训班开班 / 成都高新区：…)."""
    taken = cluster[cluster.index(title):_past_its_subtitles(content, cluster, title)]
    rest = [k for k in cluster if k not in taken]
    return sorted([taken, rest]) if rest else [taken]


def _titles_of_two_bylines(content: list[Block], cluster: list[int]) -> list[int]:
    """Two whole titles read as one stack with two bylines under them (这家出产国之重器的园区有颗
    绿“芯” / 唐山高新区聚力培育双创载体 / ——记者走进… / 王泽 黄瑞 本报记者 张景阳 / □本报记者
    王娜), asked when the stack read whole finds fewer than two story titles: a story prints
    its byline on one line, so two bylines sign two stories, and the two titles (two balanced
    phrases may be a kicker: they do not count) are theirs. With three whole lines, a kicker
    stands over a title: the first is a kicker, the two under it the stories' titles (科技成果
    转化跑出“加速度” / 聚力“五大行动”天津高新区… / 来徐州高新区 感受…). With more, which two head
    stories is not told here: the stack stays whole."""
    lines = _whole_titles_of_no_kickers_form(content, cluster)
    if _bylines_in(content, cluster) != 2 or len(lines) not in (2, 3):
        return []
    return lines[-2:]


# A paragraph speaks for one title of two alone when it takes up TITLE_WORDS_TAKEN_UP of that
# title's words and under this share of the other's: a kicker and its title speak of one story,
# and its paragraphs that take up one take up the other's words as often.
OTHER_TITLE_UNTOLD = 0.15
# One paragraph tells a story when it takes up most of its title's words; a share of a third may
# be a few common words (园区, 绿色) that another story's paragraph holds as well.
MOST_OF_A_TITLE = 0.5


def _titles_of_stories_told_in_turn(content: list[Block], cluster: list[int]) -> list[int]:
    """Two whole titles read as one stack over two stories' texts read one after the other
    (科技部火炬中心召开巡视整改专题民主生活会 / 兰州高新区：建西北地区重要科创中心, over 兰州高新区's
    text, then 火炬中心's), asked when the stack read whole finds fewer than two story titles: the
    paragraphs under the stack that speak for one of its whole lines alone (OTHER_TITLE_UNTOLD)
    speak for one, then for another, each in one run of two such paragraphs or of one that takes
    up most of its title (MOST_OF_A_TITLE), one of the runs two long. Those two lines are titles;
    the stack's other lines go with the title they stand above (`_parted_at_titles`).
    A kicker and its title head one story: its paragraphs speak now for one, now for the other,
    or for both, and a feature may restate each once in its running text. Two balanced phrases
    may be a kicker (as in `_story_titles`)."""
    lines = _whole_titles_of_no_kickers_form(content, cluster)
    if len(lines) < 2:
        return []
    speaks_for: list[tuple[int, float]] = []  # (the line a paragraph speaks for alone, the share it takes up)
    for k in _right_under(content, cluster):
        if content[k].kind is not Kind.BODY:
            continue
        taken = {line: words_taken_up(content[line].text, content[k].text) for line in lines}
        told = max(lines, key=lambda line: taken[line])
        if taken[told] >= TITLE_WORDS_TAKEN_UP and all(taken[line] < OTHER_TITLE_UNTOLD for line in lines if line != told):
            speaks_for.append((told, taken[told]))
    runs = [(line, [share for _, share in run]) for line, run in itertools.groupby(speaks_for, key=lambda piece: piece[0])]
    stories_told = (len(runs) == 2 and all(len(shares) >= 2 or max(shares) >= MOST_OF_A_TITLE for _, shares in runs)
                    and any(len(shares) >= 2 for _, shares in runs))
    return sorted(line for line, _ in runs) if stories_told else []


def _bylines_in(content: list[Block], cluster: list[int]) -> int:
    """How many bylines a stack holds (a story prints its byline on one line)."""
    return sum(content[k].kind is Kind.BYLINE for k in cluster)


def _right_under(content: list[Block], cluster: list[int]) -> range:
    """The blocks right under a stack, down to the next headline."""
    end = cluster[-1] + 1
    while end < len(content) and content[end].kind is not Kind.HEADLINE:
        end += 1
    return range(cluster[-1] + 1, end)


def _parted_at_titles(content: list[Block], cluster: list[int], titles: list[int]) -> list[list[int]]:
    """The stack parted into a head per title: each with the lines above it since the previous
    title, a subtitle (——…) staying under its title, the bylines going with the last."""
    bounds = [0, *(_past_its_subtitles(content, cluster, title) for title in titles[:-1]), len(cluster)]
    return [cluster[start:end] for start, end in zip(bounds, bounds[1:])]


def _past_its_subtitles(content: list[Block], cluster: list[int], title: int) -> int:
    """Where a title's head ends in its stack: past the subtitles (——…) right under it."""
    at = cluster.index(title) + 1
    while at < len(cluster) and content[cluster[at]].rule == LineRule.DASH_LINE:
        at += 1
    return at


def _balanced_halves(text: str) -> bool:
    """Two phrases of one length (within PARALLEL_SLACK) side by side (坚持创新驱动 推动产业升级):
    the form of a kicker as often as of a title."""
    halves = text.split()
    return (len(halves) == 2 and abs(len(halves[0]) - len(halves[1])) <= PARALLEL_SLACK
            and max(len(half) for half in halves) <= KICKER_HALF_MAX_CHARS)


# A head holds one title, with a kicker over it and a subtitle under it at most: this many
# headline lines that may each be a title.
HEAD_TITLE_LINES_MAX = 3


def _more_titles_than_a_head_holds(content: list[Block], cluster: list[int]) -> list[list[int]]:
    """A stack with more whole titles than one head holds (kicker, title, subtitle) is several
    articles' titles read one after another (2022年全国颠覆性技术创新大赛工作启动会在京召开 /
    贡献六成以上新兴产业产值 开发区成山西转型发展重要平台 / 力争3年挺进20强 常州高新区… /
    打造具有全球影响力的产业创新高地): a head per title, each with the kicker and labels above
    it, the bylines under the last. Every title must read whole (`whole_title`): short lines
    in a stack are as often the pieces of a pull quote or a subhead cut by the columns."""
    bylines = [k for k in cluster if content[k].kind is Kind.BYLINE]
    if bylines and cluster[-len(bylines):] != bylines:
        return [cluster]
    lines = cluster[: len(cluster) - len(bylines)]
    units = _title_units(content, lines)
    if len(units) <= HEAD_TITLE_LINES_MAX or not all(whole_title(content[unit[-1]]) for unit in units):
        return [cluster]
    if any(word_spanning(content[a].text, content[b].text) for a, b in zip(lines, lines[1:])):
        return [cluster]  # a word runs from one line into the next: a paragraph cut into lines, not titles
    units = _with_kickers_of_balanced_halves(content, units)
    return [*units[:-1], units[-1] + bylines]


def _told_apart(content: list[Block], line: str, title: str) -> bool:
    """Does a paragraph on the page restate the line (RESTATES_TITLE) while taking up few of the
    title's words (under TITLE_WORDS_TAKEN_UP)? A kicker speaks of its title's story: the line
    is then the title of a story of its own."""
    return any(words_taken_up(line, block.text) >= RESTATES_TITLE
               and words_taken_up(title, block.text) < TITLE_WORDS_TAKEN_UP
               for block in content if block.kind is Kind.BODY)


def _heads_over_a_column_name(content: list[Block], cluster: list[int]) -> list[list[int]]:
    """A column's name stands at the top of its head, over the title (创新速递 / 吉林“大健康产业
    航母”启航): a whole title right above a column's name (`_names_the_column`), with a title
    under the name, is another article's head, read into this stack by the tool's order. Not when
    the title under marks itself as its head's title (closed by its column tag, or opening with its
    park's name and a colon, as `_title_index` reads them): the line above is then its kicker, read
    above its label (快递服务全程时限同比缩短四个多小时 / 产经 / 人工智能+，“加”出新速度（新视点）),
    unless two columns' names stand between (专家视点 / 简讯): a head has one, so two are two
    heads; or the line above marks itself so too (吉安高新区：…高地 / ■第二看台 / 兰白…：…): a head
    has one title; or a paragraph tells the line's story apart from the title's (`_told_apart`). Nor when
    the line above may be no title (`_may_be_title`: it reports a speech, 刘国中在河南调研时强调 / 县域经济
    / …) or the title under is a clause, cut text as likely as a title."""
    for i in range(1, len(cluster) - 1):
        above, name = content[cluster[i - 1]], content[cluster[i]]
        # A marked name counts here (■第二看台) over a whole head, signed or subtitled: a box's
        # heading stands inside a text, never right under a title with a head under it.
        tops_a_column = _names_the_column(name) or (
            name.rule == LineRule.BOX_HEADING and _is_column_name(name) and any(
                content[k].kind is Kind.BYLINE or content[k].rule == LineRule.DASH_LINE for k in cluster[i + 1:]))
        if not (tops_a_column and whole_title(above) and _may_be_title(above)):
            continue
        at = next((j for j in range(i + 1, len(cluster))
                   if _may_be_title(content[cluster[j]]) and not _is_column_name(content[cluster[j]])), None)
        if at is None or _is_clause(title := content[cluster[at]]):
            continue
        # A head tops its title with one column's name: two names between mean two heads.
        names = sum(_is_column_name(content[k]) for k in cluster[i:at])
        if names >= 2 or (not closed_by_column_tag(title.text) and not is_park_title(title.text)) \
                or is_park_title(above.text) or _told_apart(content, above.text, title.text):
            return [cluster[:i], *_heads_over_a_column_name(content, cluster[i:])]
    return [cluster]


# A column's name is a few words (创新速递, 一周要闻); a line of two characters is as likely a
# piece of a word cut by the columns (新区, 升级).
COLUMN_NAME_MIN_CHARS = 3


def _names_the_column(block: Block) -> bool:
    """A line in a stack that names the column of the head it tops: a column's name
    (`_is_column_name`) that is no box's heading (■…: a box may stand inside an article), names no
    park (a column names a kind of text, not a place: 唐山高新区聚 is a title cut short) and is no
    piece of cut text — a label as the page marks it, a name that ends as papers end one (简讯,
    园区快讯), or a few words whose last is a word of its own (构筑绿色产 ends in the first
    character of 产业)."""
    text = block.text.lstrip(BOX_MARKERS + " ")
    whole = (block.kind is Kind.LABEL or text.endswith(_column_name_endings())
             or (len(text) >= COLUMN_NAME_MIN_CHARS and ends_with_a_whole_word(text)))
    return _is_column_name(block) and block.rule not in _INNER_RULES and whole and not parks_named(text)


def whole_title(block: Block) -> bool:
    """A line that reads as a whole title: a headline as long as a sentence (FULL_STACK_MIN_CHARS),
    with no clause (a comma) that may be the opening of cut text."""
    return block.rule == LineRule.HEADLINE and len(block.text) >= FULL_STACK_MIN_CHARS and not _is_clause(block)


def _is_clause(block: Block) -> bool:
    """A stack line with a comma reads as a clause: the opening of text cut by the columns, as
    likely as a title."""
    return "，" in block.text


def a_few_words(block: Block) -> bool:
    """A photo item's title is a phrase of a few words (春耕科技范): no figure, no name after a
    space, no clause."""
    return len(block.text) <= SHORT_TITLE_PART and bool(_WORD_ONLY.match(block.text))


def may_title_a_photo_item(block: Block) -> bool:
    """A phrase of a few words (`a_few_words`: 春耕科技范) that is no column's name and no box's
    heading: the shape of a photo item's title. A column's name or a box's heading stands over
    what it names and reads as one (简讯, 产业前沿, ■人物小传)."""
    return a_few_words(block) and block.rule != LineRule.BOX_HEADING and not ends_as_a_column_name(block.text)


def _titles_a_picture(content: list[Block], cluster: list[int], under_credits: frozenset[int]) -> bool:
    """A photo item's title (`may_title_a_photo_item`) right under a picture's credit, over text:
    printed where running text never puts a subhead — between a picture and the text."""
    after = cluster[-1] + 1
    return (len(cluster) == 1 and _photo_title_under_a_credit(content[cluster[0]], under_credits)
            and after < len(content) and content[after].kind in (Kind.BODY, Kind.CAPTION))


def _a_picture_items_title_under_a_title(content: list[Block], cluster: list[int]) -> list[list[int]]:
    """A photo item's title (a few words: 春耕科技范) read right under another module's whole
    title, over the picture's caption (`_is_picture_item`): a title is one line or two halves of
    a sentence, never a whole title and a short phrase; the phrase heads the picture item."""
    *rest, last = cluster
    above = content[rest[-1]] if rest else None
    if (above is None or not whole_title(above) or content[last].kind is not Kind.HEADLINE
            or not _may_be_title(content[last]) or not a_few_words(content[last])):
        return [cluster]
    return [rest, [last]] if _is_picture_item(content, [last]) else [cluster]


def _heads_at_a_dash_kicker(content: list[Block], cluster: list[int]) -> list[list[int]]:
    """A kicker that ends with a dash announces the title under it (成都高新区—— / “不负韶华 国聘
    行动”火炬专场…) and stands at the top of its head: a whole title right above it in the stack
    (产业园区合作共建经验分析及启示) is another head's, when a paragraph tells its story apart
    from the title's (`_told_apart`). Without that, the line above may be the kicker's own first
    line, broken before its dash (陕西西安长安十二时辰主题 / 街区—— / 入唐风景区 获沉浸体验)."""
    for i in range(1, len(cluster) - 1):
        above, kicker, below = (content[k] for k in cluster[i - 1: i + 2])
        if (kicker.kind is Kind.HEADLINE and kicker.text.endswith("——") and below.kind is Kind.HEADLINE
                and above.kind is Kind.HEADLINE and _may_be_title(above) and whole_title(above)
                and _told_apart(content, above.text, below.text)):
            return [cluster[:i], *_heads_at_a_dash_kicker(content, cluster[i:])]
    return [cluster]


# The ways a stack read whole (not row by row) parts into several heads, asked in turn: the first
# that parts it decides. Then the titles of several stories (`_story_titles`, asked of the whole
# stack) part each head further.
_WHOLE_STACK_PARTINGS = (_titles_of_several_parks, _more_titles_than_a_head_holds, _heads_over_a_column_name,
                         _a_picture_items_title_under_a_title, _heads_at_a_dash_kicker)


def _datelines_of_titles(content: list[Block], cluster: list[int]) -> list[int]:
    """Titles printed side by side and read whole, one after another, over briefs: an article's
    text opens with its dateline once (本报讯……). A stack of whole titles — no kicker, subtitle,
    label or byline among them — with as many paragraphs opening with a dateline under it as it
    has titles (down to the next headline), the first right under the stack, is that many
    heads, each title over one brief in turn: those datelines, in order (none if it is not).
    Column names over the titles (高新区动态) head the first of them."""
    names = 0
    while names < len(cluster) - 1 and _names_the_column(content[cluster[names]]):
        names += 1
    blocks = [content[k] for k in cluster[names:]]
    if len(blocks) < 2 or not all(_may_be_title(b) and len(b.text) >= TITLE_MIN_CHARS for b in blocks):
        return []
    datelines = [k for k in _right_under(content, cluster) if opens_with_dateline(content[k])]
    return datelines if len(datelines) == len(blocks) and datelines[0] == cluster[-1] + 1 else []


# Titles read one after another over their briefs are paired with the datelines in turn unless
# another pairing has clearly more of the titles' words in their paragraphs: a title says what
# its text is about (吉林“大健康产业航母”启航 / ……吉林省“大健康产业航母”正式启航). Clearly: by
# at least half a title's words, summed over the titles (`words.words_taken_up`).
BRIEF_PAIRING_MARGIN = 0.5
BRIEFS_PAIRED_MAX = 5  # titles in one row that are paired by their words (permutations grow fast)


def _paired_by_words(content: list[Block], titles: list[int], datelines: list[int]) -> list[int]:
    """The datelines for the titles in turn, reordered so that each paragraph takes up its
    title's words best (`BRIEF_PAIRING_MARGIN`): a copy reads the titles of a row in one order
    and their texts in another as often as not."""
    if len(titles) > BRIEFS_PAIRED_MAX:
        return datelines
    # taken[i][j]: how much of title i's words dateline j's paragraph takes up
    taken = [[words_taken_up(content[t].text, content[d].text) for d in datelines] for t in titles]

    def total(order: Sequence[int]) -> float:
        return sum(taken[i][j] for i, j in enumerate(order))

    best = max(itertools.permutations(range(len(datelines))), key=total)
    return [datelines[j] for j in best] if total(best) >= total(range(len(datelines))) + BRIEF_PAIRING_MARGIN else datelines


def _may_be_title(block: Block) -> bool:
    """A headline line that can be a title: no box heading, signature or subtitle (——…), no
    kicker that announces the title under it (青岛高新区——) or reports who spoke and when (刘国中在河南调研时强调)."""
    return (block.kind is Kind.HEADLINE and block.rule not in _INNER_RULES and block.rule != LineRule.DASH_LINE
            and not block.text.endswith(KICKER_ENDS) and not reports_a_speech(block.text))


def _text_under(content: list[Block], cluster: list[int]) -> list[Block]:
    """The paragraphs under a stack, down to the next line that may be a title and names a park
    (past bylines, subtitles, credits and subheads: the copy may put one title's text after the
    other's, subheads and all)."""
    under = []
    for block in content[cluster[-1] + 1:]:
        if _may_be_title(block) and parks_named(block.text):
            break
        if block.kind is Kind.BODY:
            under.append(block)
    return under


def parks_named(text: str) -> set[str]:
    """The parks a text names (by their gazetteer names)."""
    return {match.zone.name for match in find_zones(text)}


def names_a_park_of(line: str, texts: Sequence[str]) -> bool:
    """Do the texts name a park the line names, by the park's name or its city's (济宁新动能港
    names 济宁高新区's place)? A story names the park it is about."""
    places = {place for match in find_zones(line) for place in (match.zone.name, match.zone.city) if place}
    return any(place in text for place in places for text in texts)


def parks_of_headlines(content: Sequence[Block], cluster: Sequence[int]) -> set[str]:
    """The parks a stack's headlines name."""
    return {park for k in cluster if content[k].kind is Kind.HEADLINE for park in parks_named(content[k].text)}


def _side_by_side_heads(content: list[Block], cluster: list[int]) -> list[list[int]]:
    """Heads of articles printed side by side, read row by row by an extraction tool: their
    titles first, then their bylines ("来徐州高新区…" / "成都高新区：…" / 记者 丁娜 / 本报记者
    徐洋), or their bylines first when the row of bylines stands higher. A stack that ends (or
    opens) with as many bylines as it holds titles is that many heads, the i-th title (with
    the kicker and label above it) signed by the i-th byline. One article prints one byline
    line per credit, and one title: two bylines under one title stay one head."""
    bylines = [k for k in cluster if content[k].kind is Kind.BYLINE]
    if len(bylines) < 2 or any(content[k].text.lstrip(BYLINE_MARKS).startswith(_stringer_roles()) for k in bylines[1:]):
        return [cluster]  # a line of stringers or interns (本报通讯员 刘明) goes on with the byline above
    after = cluster[-len(bylines):] == bylines  # the row of bylines read after the titles, or before
    if not after and cluster[: len(bylines)] != bylines:
        return [cluster]
    units = _title_units(content, cluster[: -len(bylines)] if after else cluster[len(bylines):])
    if len(units) != len(bylines):
        return [cluster]
    return [unit + [byline] if after else [byline] + unit for unit, byline in zip(units, bylines)]


@cache
def _stringer_roles() -> tuple[str, ...]:
    return tuple(layout_words()["stringer_roles"])


def _with_kickers_of_balanced_halves(content: list[Block], units: list[list[int]]) -> list[list[int]]:
    """The title units, each whose title is two balanced phrases (坚持创新驱动 推动产业升级) read
    with the unit under it, as its kicker: the form of a kicker as often as of a title, it heads
    no story of its own when a title stands under it."""
    merged: list[list[int]] = []
    for unit in units:
        if merged and _balanced_halves(content[merged[-1][-1]].text):
            merged[-1] += unit
        else:
            merged.append(list(unit))
    return merged


def _title_units(content: list[Block], lines: list[int]) -> list[list[int]]:
    """The stack's lines grouped by title, each group ending with its title: a line closed by its
    column tag where the stack's titles carry tags, else a headline that is no kicker (ending
    with a dash, a colon or a comma, or reporting a speech: ……时强调), no subtitle (——…) and
    no column label."""
    tagged = any(closed_by_column_tag(content[k].text) for k in lines)

    def ends_a_title(block: Block) -> bool:
        if block.text.startswith("——"):
            return False
        if tagged:
            return closed_by_column_tag(block.text)
        return (block.kind is Kind.HEADLINE and not block.text.endswith(KICKER_ENDS + ("，",))
                and not names_a_column(block) and not reports_a_speech(block.text))

    units: list[list[int]] = [[]]
    for k in lines:
        units[-1].append(k)
        if ends_a_title(content[k]):
            units.append([])
    return units[:-1] if not units[-1] else []  # lines after the last title: the stack is no row of titles


def _stacks(content: list[Block]) -> list[list[int]]:
    """Runs of headline, label and byline blocks; a byline closes its stack."""
    stacks: list[list[int]] = []
    current: list[int] = []
    for k, block in enumerate(content):
        in_stack = block.kind in HEAD_KINDS
        following = content[k + 1] if k + 1 < len(content) else None
        closes = current and (
            (content[current[-1]].kind is Kind.BYLINE and block.kind is not Kind.BYLINE
             and not _title_beside_byline(content, current, block))
            or (block.kind is Kind.LABEL and content[current[-1]].kind is Kind.HEADLINE
                and following is not None and following.kind is Kind.HEADLINE))
        # A byline ends a stack; a column label between two headlines stands above the second
        # (one between a title and its byline is printed beside that title).
        if in_stack and closes:
            stacks.append(current)
            current = []
        if in_stack:
            current.append(k)
        elif current:
            stacks.append(current)
            current = []
    if current:
        stacks.append(current)
    return stacks


def _title_beside_byline(content: list[Block], stack: list[int], block: Block) -> bool:
    """A title closed by its column tag right under the byline of a stack that has no such
    title: the byline was printed beside the title and read before it ("区域经济" / "文/李洪兴" /
    "增强内生动力，激发新区活力（今日谈）"). It is that stack's title, not a new article. So is
    a headline under the byline of a box heading."""
    if block.kind is not Kind.HEADLINE:
        return False
    if all(content[k].kind is Kind.BYLINE or content[k].rule == LineRule.BOX_HEADING for k in stack):
        return True  # a box with a byline of its own (记者手记 / 文/邱超奕 / its title): an item
    return closed_by_column_tag(block.text) and not any(closed_by_column_tag(content[k].text) for k in stack)


def _opens_article(content: list[Block], cluster: list[int], contents_keys: set[str], split_at,
                   heads: list[list[int]]) -> bool:
    blocks = [content[k] for k in cluster]
    kinds = {b.kind for b in blocks}
    # A park's title with its colon, or a brief's dateline under the stack, announces an article
    # whatever else the stack holds.
    # So does a marked section over a column's name, or a marked column's name over a title: no
    # box inside an article has one.
    # Not a box's own heading (背景, 相关链接): a box tells no news under a dateline, so the
    # dateline under it opens a story whose title stands elsewhere.
    box = all(names_a_box(b.text) for b in blocks)
    announced = (_dateline_under(content, cluster) and not box) or any(names_a_park(b.text) for b in blocks) \
        or _section_over_a_column(blocks) or _column_over_a_title(blocks)
    # A box inside an article: 核心阅读, ■链接, ■延伸阅读 and its heading. Above the page's first
    # head there is no article to stand in: a title under such a heading opens one (■数说园区 / …).
    if (blocks[0].rule in _INNER_RULES and Kind.BYLINE not in kinds and not announced
            and (heads or len(blocks) == 1)):
        return False
    if _byline_without_title(blocks):
        return False  # a byline (and column label) read apart from its title: the text goes to the title elsewhere
    if all(b.kind is Kind.LABEL or b.rule == LineRule.DASH_LINE for b in blocks):
        return False  # a column label or a subtitle (——…) read apart from its title: the same
    first = cluster[0]
    previous = content[first - 1] if first > 0 else None
    after_open_text = previous is not None and previous.kind is Kind.BODY and not sentence_closed(previous.text)
    return bool(
        announced or Kind.BYLINE in kinds or Kind.LABEL in kinds
        or any(COLUMN_TAG.search(b.text) and b.kind is Kind.HEADLINE for b in blocks)
        or any(b.first_line in split_at for b in blocks)
        or any(heading_key(b.text) in contents_keys for b in blocks)
        or previous is None or previous.kind is Kind.CREDIT
        or _under_a_heads_byline(content, cluster, heads)
        or (not heads and _under_pull_quote(content, first))
        or _turns_to_another_park(content, cluster, heads)
        or (_is_picture_item(content, cluster) and (not after_open_text or a_few_words(blocks[0])))
        or _is_full_stack(blocks, after_open_text)
    )


def _dateline_under(content: list[Block], cluster: list[int]) -> bool:
    """Does a dateline paragraph stand under the stack, right under it or past a picture's
    caption (a closed sentence or two) that a copy read between the title and its text?"""
    under = content[cluster[-1] + 1: cluster[-1] + 3]
    if under and under[0].kind in (Kind.CAPTION, Kind.BODY) and caption_shaped(under[0].text) \
            and not opens_with_dateline(under[0]):
        under = under[1:]
    return bool(under) and opens_with_dateline(under[0])


def _under_a_heads_byline(content: list[Block], cluster: list[int], heads: list[list[int]]) -> bool:
    """A headline right under the byline that closes an article's head, no text between: a
    subhead stands in its article's text, never between its byline and its first paragraph, so
    this is the title of an article printed beside it, read after that head's row. So when the
    stack's last headline may be a title and is as long as one (a line ending with a dash or a
    colon announces the text under it: 今天，一件快递往往是这样送 / 到您手上的——); the stack is
    that title alone or signed by a byline of its own (lines of a narrow column under a byline,
    read as headlines, are neither); and the paragraphs right under it do not take up its words
    (then the head above printed a banner and this title's byline, read before it)."""
    lines = [content[k] for k in cluster if content[k].kind is Kind.HEADLINE]
    return (bool(heads) and bool(lines) and heads[-1][-1] == cluster[0] - 1
            and content[cluster[0] - 1].kind is Kind.BYLINE and _may_be_title(lines[-1])
            and len(lines[-1].text) >= TITLE_MIN_CHARS
            and (len(lines) == 1 or content[cluster[-1]].kind is Kind.BYLINE)
            and not titles_the_paragraphs_under(lines[-1].text, content[cluster[-1] + 1:]))


def _section_over_a_column(blocks: list[Block]) -> bool:
    """A marked column's name right over a line that ends as columns' names end (■高新区巡礼 /
    高新区动态): a page's section over one of its columns, which no box inside an article has
    (its heading names the box, 【相关链接】, and nothing else)."""
    return (len(blocks) > 1 and _is_column_name(blocks[0]) and _is_column_name(blocks[1])
            and blocks[1].text.endswith(_column_name_endings()) and not names_a_box(blocks[1].text))


def _column_over_a_title(blocks: list[Block]) -> bool:
    """A marked column's name, no box's (■基层探访, not ■相关链接), right over a line longer than
    a label (贡献六成以上新兴产业产值开发区成山西转型发展重要平台; a shorter one may be the series'
    name, ■一线调研 / 走进国家高新区): the column's heading over its article's title. A marked
    line inside an article heads a box or a section of text, never a title."""
    return (len(blocks) > 1 and blocks[0].rule == LineRule.BOX_HEADING and _is_column_name(blocks[0])
            and not names_a_box(blocks[0].text) and _may_be_title(blocks[1]) and len(blocks[1].text) > LABEL_MAX_CHARS)


def _turns_to_another_park(content: list[Block], cluster: list[int], heads: list[list[int]]) -> bool:
    """A headline naming a park that the text after it talks about (right under it, or further
    down past another column's text or a caption that a copy reads between), where the article
    above talks about other parks and never this one: a subhead stays on its article's subject,
    so this is the title of the next article (唐山高新区聚力培育双创载体 after a story on 泉州)."""
    named = parks_of_headlines(content, cluster)
    after = cluster[-1] + 1
    if not named or after >= len(content) or content[after].kind is not Kind.BODY:
        return False
    if not any(named & parks_named(b.text) for b in content[after:] if b.kind is Kind.BODY):
        return False
    start = heads[-1][-1] + 1 if heads else 0
    above = {park for b in content[start:cluster[0]] if b.kind is Kind.BODY for park in parks_named(b.text)}
    return bool(above) and not named & above


def _is_full_stack(blocks: list[Block], after_open_text: bool) -> bool:
    """Kicker, title and subtitle (three headline lines), or a kicker ending with a colon or a
    dash over a title, after finished text: the shape of an article's head, not of a subhead."""
    lines = [b for b in blocks if b.kind is Kind.HEADLINE and b.rule not in _INNER_RULES
             and not re.match(r"^[\d.]", b.text)]  # a figure of a data box (400多家央企分支机构) is no headline
    if len(lines) == 1 and lines[0].rule == LineRule.KICKER_AND_TITLE:
        return True  # a kicker and its title read as one block: subheads have no kicker
    if len(lines) >= 3:
        return max(len(b.text) for b in lines) >= FULL_STACK_MIN_CHARS
    # A first line longer than any headline is a kicker (or a kicker and title read as one block);
    # a subtitle opening with a dash stands under a title: subheads are single short lines.
    return len(lines) == 2 and not after_open_text and (
        lines[0].text.endswith(KICKER_ENDS) or len(lines[0].text) > HEADLINE_MAX_CHARS
        or (lines[1].rule == LineRule.DASH_LINE and bool(HAN_CHAR.search(lines[1].text))))


def _under_pull_quote(content: list[Block], first: int) -> bool:
    """Above the page's first stack stands nothing, or a pull quote (`_is_pull_quote`), under
    the column's label if any (【高新区巡礼】: it names the column, it holds no text)."""
    return _is_pull_quote([b for b in content[:first] if b.kind is not Kind.LABEL])


def _is_pull_quote(blocks: Sequence[Block]) -> bool:
    """A sentence or two, short and closed: a pull quote (text cut from another column starts
    mid-sentence and runs long). No blocks at all stand for no pull quote in the way."""
    return len(blocks) <= PULL_QUOTE_MAX_BLOCKS and all(
        b.kind is Kind.BODY and sentence_closed(b.text) and len(b.text) <= PULL_QUOTE_MAX_CHARS for b in blocks)


def _labels_over_the_pages_pull_quote(content: list[Block], cluster: list[int], later: list[list[int]]) -> bool:
    """Column labels alone over a pull quote, the page's first stack right under it
    (【高新区巡礼】 / 在创新全球化的今天，…… / the title): the labels name that stack's column."""
    return (bool(later) and all(content[k].kind is Kind.LABEL for k in cluster)
            and later[0][0] > cluster[-1] + 1 and _under_pull_quote(content, later[0][0]))


def _is_picture_item(content: list[Block], cluster: list[int]) -> bool:
    """A title over a picture and its caption ("库区早茶香" + caption + credit): a photo item.
    Text that runs on under the caption makes the line a subhead beside a picture instead."""
    after = cluster[-1] + 1
    if len(cluster) != 1 or after >= len(content) or COLUMN_TAG.search(content[cluster[0]].text):
        return False
    if content[after].kind is Kind.CAPTION:
        return not _text_runs_on(content, after)
    if _tells_its_picture(content[after]):
        return True  # the news told in a caption that points at its picture (……。图为……。)
    if may_title_a_photo_item(content[cluster[0]]) and _news_caption_at(content, cluster[0]):
        return True
    return (after + 1 < len(content) and content[after].kind is Kind.BODY
            and (content[after + 1].kind is Kind.CAPTION or _tells_its_picture(content[after + 1]))
            and content[after + 1].first_line <= content[after].last_line + 2)


def _news_caption_at(content: list[Block], title: int) -> bool:
    """A photo item's caption telling its news in a sentence or two (4月7日，成都高新区一批重点产业
    项目集中开工，……等领域。): a closed paragraph no longer than a caption, perhaps cut by the
    picture's columns into two pieces, the first left open. A section of a story runs on in
    paragraphs longer than that under its subhead. The caption opens as a news lead does, with
    when it happened (`opens_as_a_lead`)."""
    first = past_closing_credits(content, title + 1)
    pieces = list(itertools.takewhile(lambda b: b.kind is Kind.BODY, content[first: first + 2]))
    if pieces and sentence_closed(pieces[0].text):
        pieces = pieces[:1]
    text = "".join(b.text for b in pieces)
    return bool(pieces) and caption_shaped(text) and opens_as_a_lead(pieces[0])


def past_closing_credits(blocks: Sequence[Block], k: int) -> int:
    """The first block from k on that is no closing credit: a copy may read the closing credit of
    the article above ((供稿：兰州高新区)) between a picture's title and its caption."""
    while k < len(blocks) and blocks[k].kind is Kind.CREDIT:
        k += 1
    return k


def _tells_its_picture(block: Block) -> bool:
    return block.kind is Kind.BODY and points_at_its_picture(block.text)


def _text_runs_on(content: list[Block], caption: int) -> bool:
    """Do paragraphs run on under the captions of a picture? A photo item has a paragraph at
    most, and the short closed sentences that caption its other pictures; a subhead set beside
    a picture has its section's paragraphs under it (and no dateline), and so has a head whose
    pictures a copy reads between it and its text (a package's head over its editor's note).
    Lines shaped like captions (`caption_shaped`: a caption whose credit stands elsewhere, a
    photo item's short paragraph) say neither: the paragraphs past them do."""
    k = caption
    while k < len(content) and (content[k].kind is Kind.CAPTION
                                or (content[k].kind is Kind.BODY and caption_shaped(content[k].text))):
        k += 1
    following = content[k: k + 2]
    return len(following) == 2 and not opens_with_dateline(following[0]) and all(
        b.kind is Kind.BODY and not caption_shaped(b.text) for b in following)


def _is_caption_over_picture(content: list[Block], cluster: list[int]) -> bool:
    i = cluster[0]
    following = content[cluster[-1] + 1] if cluster[-1] + 1 < len(content) else None
    return (len(cluster) == 1 and content[i].gap_before >= IMAGE_GAP_LINES
            and following is not None and following.kind is Kind.BODY)


def _mark_pull_quote(content: list[Block], roles: list[Role], heads: list[list[int]]) -> None:
    """A pull quote (`_is_pull_quote`) standing right above the page's first title, perhaps
    under that head's column labels: the first article's kicker."""
    if not heads:
        return
    title = next((k for k in heads[0] if content[k].kind is not Kind.LABEL), heads[0][-1])  # (or its kicker, byline)
    above = [k for k in range(title) if k not in heads[0]]
    if above and all(roles[k] is Role.BODY for k in above) and _is_pull_quote([content[k] for k in above]):
        for k in above:
            roles[k] = Role.KICKER


def parse_head(blocks: list[Block], contents: tuple[str, ...], first_paragraph: str = "") -> HeadParts:
    """Label, kicker, title, subtitle and byline of one head stack (`first_paragraph`: of its
    text, when known, which says what the story is about)."""
    # Boxes' headings opening the stack (■园区传真, ■一线调研 / ■第二看台) name its columns, less their markers.
    # So do short ones read further down the stack (厦门火炬高新区—— / ■产业前沿 / title): a marked
    # column name is never a title, wherever the copy read it.
    opening = next((i for i, b in enumerate(blocks) if b.rule != LineRule.BOX_HEADING), len(blocks))

    def names_the_stacks_column(i: int, block: Block) -> bool:
        return opening < len(blocks) and block.rule == LineRule.BOX_HEADING and (
            i < opening or len(block.text.lstrip(BOX_MARKERS + " ")) <= LABEL_MAX_CHARS)

    blocks = [Block(Kind.LABEL, b.text.lstrip(BOX_MARKERS + " "), b.first_line, b.last_line, b.gap_before, b.rule)
              if names_the_stacks_column(i, b) else b for i, b in enumerate(blocks)]
    # A series subtitle printed under a column label is part of the label
    # (【奋进新征程 建功新时代】 ——国家高新区十年成就巡礼).
    blocks = [Block(Kind.LABEL, b.text, b.first_line, b.last_line, b.gap_before, b.rule)
              if b.text.startswith("——") and i and blocks[i - 1].kind is Kind.LABEL else b
              for i, b in enumerate(blocks)]
    labels = [b.text for b in blocks if b.kind is Kind.LABEL]
    # As printed, less the box or arrow that marks it (□ 本报记者  王  珂 -> 本报记者  王  珂).
    bylines = [b.text.lstrip(BYLINE_MARKS).strip() for b in blocks if b.kind is Kind.BYLINE]
    # A title broken over two lines on the page is whole in the contents list.
    listed = {heading_key(entry): entry for entry in contents}
    lines = [listed.get(heading_key(b.text), b.text) for b in blocks if b.kind not in (Kind.LABEL, Kind.BYLINE)]
    # Labels apart, a series subtitle (——…) right after its label.
    section = "".join(label if label.startswith("——") else f" {label.strip('【】')}" for label in labels).strip()
    decks = [line for line in lines if line.startswith("——") or _FIGURE.match(line)]
    lines = [line for line in lines if line not in decks]
    # Short noun phrases over the rest of the stack are column labels, however many stand there
    # (the page's section over the column's, or another module's label read into this stack).
    stacked_labels = []
    while len(lines) > 1 and _is_label(lines[0], lines[1]):
        stacked_labels.append(lines.pop(0))
    if stacked_labels:
        section = " ".join(filter(None, [section, *stacked_labels]))
    elif not labels and len(lines) > 2:
        # A column label read between the kicker and the title (刘国中在河南调研时强调 / 县域经济 / …):
        # a short noun phrase amid longer lines, no part of a parallel title.
        inner = [i for i in range(1, len(lines) - 1) if len(lines[i]) <= BOX_LABEL_MAX_CHARS
                 and _is_label(lines[i], lines[i + 1]) and _is_label(lines[i], lines[i - 1])]
        if inner:
            section = lines.pop(inner[0])
    # A kicker runs into its title when a tool reads the stack's lines as one block: the title is
    # then the stack's last line. A dash inside a line with a line under it is the kicker's own
    # (奋进新征程 建功新时代——国家高新区十年成就巡礼 / 产业园区合作共建经验分析及启示).
    lines = _join_broken_title(_join_tags(_split_run_on_kicker(
        [*lines[:-1], *_split_joined_kicker(lines[-1])] if lines else lines)))
    if len(lines) > 1 and len(lines[0]) <= SHORT_TITLE_PART and not lines[0].endswith(KICKER_ENDS) \
            and not closed_by_column_tag(lines[1]):  # a title closed by its tag is whole: 特别报道 is a kicker
        lines[:2] = [f"{lines[0]} {lines[1]}"]  # 来徐州高新区 / 感受有技术含量的“安全感”: one title
    # A column's name read under a title (有“点赞之交”还不够… / 一周要闻) heads the column next
    # to it: never the title, it names a section.
    while len(lines) > 1 and ends_as_a_column_name(lines[-1]):
        section = " ".join(filter(None, [section, lines.pop()]))
    if not lines:  # a label but no headline: the label is all the title there is
        return HeadParts(title=section or " ".join(decks), byline=" ".join(bylines),
                         deck=" ".join(decks) if section else "")
    title_at = _title_index(lines, first_paragraph)
    lines = _dash_to_the_subtitle(lines, title_at)
    kicker = " ".join(lines[:title_at])
    deck = " ".join(lines[title_at + 1:] + decks)
    return HeadParts(title=lines[title_at], kicker=kicker, deck=deck, section=section, byline=" ".join(bylines))


def _dash_to_the_subtitle(lines: list[str], title_at: int) -> list[str]:
    """A title ends with no dash: one between the title and the line under it opens that line, its
    subtitle (武汉东湖高新区：新兴产业重要策源地—— / 访…: a park's title is whole, `_title_index`)."""
    title = lines[title_at]
    if not title.endswith(_SUBTITLE_DASH) or title_at + 1 == len(lines):
        return lines
    return [*lines[:title_at], title.removesuffix(_SUBTITLE_DASH), _SUBTITLE_DASH + lines[title_at + 1],
            *lines[title_at + 2:]]


def _byline_without_title(blocks: list[Block]) -> bool:
    """A stack with a byline that holds no title: bylines, column labels, subtitles (——…), a
    figure a head stands over its story (68万平方米, as `parse_head` reads it: a deck) and the
    headings of boxes inside an article (`_heads_a_box`) only, in any order (a copy may read
    two heads' bylines around a subtitle, or a byline over a box's heading). What stands apart
    from its title does not open an article. The stack ends with a byline or a box's heading: a
    column's name at its end may title a picture item under it (创客比拼)."""
    return (blocks[-1].kind is Kind.BYLINE or _heads_a_box(blocks[-1])) and any(
        b.kind is Kind.BYLINE for b in blocks) and all(
        b.kind is Kind.BYLINE or names_a_column(b) or b.rule == LineRule.DASH_LINE or _heads_a_box(b)
        or _FIGURE.match(b.text) for b in blocks)


def _heads_a_box(block: Block) -> bool:
    """The heading of a box or section inside an article: a box's name (背景, 相关链接), or a short
    line marked as one (■灭隐患于无形：…)."""
    return block.rule == LineRule.BOX_HEADING or names_a_box(block.text)


def names_a_column(block: Block) -> bool:
    """A column label or a box heading: a short noun phrase that names a kind of text, no title."""
    return block.kind is Kind.LABEL or block.rule == LineRule.BOX_HEADING or (
        block.kind is Kind.HEADLINE and len(block.text) <= BOX_LABEL_MAX_CHARS and _noun_phrase_label(block.text))


def _noun_phrase_label(text: str) -> bool:
    """A short noun phrase (经济观察, 焦点关注), not a clause (来徐州高新区, 记录今天的突破); or a
    few words ending as papers end a column's name (各地传真: 各地 reads as a pronoun to jieba)."""
    if len(text) > LABEL_MAX_CHARS or not _WORD_ONLY.match(text.replace(" ", "")):
        return False
    if ends_as_a_column_name(text):
        return True
    words = tag(text)
    return not (any(flag.startswith(_CLAUSE_TAGS) for _, flag in words)
                or (len(words[0][0]) == 1 and words[0][1] == "v"))


def ends_as_a_column_name(text: str) -> bool:
    """A few words ending as papers end a column's name (一周要闻, 各地传真)."""
    return (len(text) <= COLUMN_NAME_MAX_CHARS and bool(_WORD_ONLY.match(text.replace(" ", "")))
            and text.endswith(_column_name_endings()))


@cache
def _column_name_endings() -> tuple[str, ...]:
    return tuple(layout_words()["column_name_endings"])


def _is_label(first: str, second: str) -> bool:
    """A short noun phrase above the rest of the stack is a column label (开发区动态, 看台),
    unless it reads as a clause (来徐州高新区, 记录今天的突破) or is one half of a parallel title."""
    if not _noun_phrase_label(first):
        return False
    core = COLUMN_TAG.sub("", second)
    return abs(len(core) - len(first)) > LABEL_PARALLEL_SLACK


def _split_joined_kicker(line: str) -> list[str]:
    """'陈灿代表——运用法治力量提升居住质量（……）' -> kicker and title: a kicker ends with a dash
    (or a colon before a quotation), and an extraction tool that reads a stack's lines as one
    block runs it into the title."""
    at = kicker_end(line)
    return [line[:at], line[at:].strip()] if at else [line]


def _split_run_on_kicker(lines: list[str]) -> list[str]:
    """The first line of a stack that has no kicker line of its own may be a kicker and its title
    run together with no mark between them: split where the title's own shape begins (runon.py:
    带动上下游投资超千亿元|疆电千里入巴渝). A stack with a kicker is not asked: its lines are whole."""
    if not lines or any(line.endswith(KICKER_ENDS) for line in lines):
        return lines
    at = run_on_kicker_end(COLUMN_TAG.sub("", lines[0]))
    return [lines[0][:at], lines[0][at:].strip(), *lines[1:]] if at else lines


def _join_tags(lines: list[str]) -> list[str]:
    """A column tag printed on its own line, or broken over two, belongs to the line above."""
    out: list[str] = []
    for line in lines:
        if out and (COLUMN_TAG.fullmatch(line) or out[-1].count("（") > out[-1].count("）")):
            out[-1] = f"{out[-1]}{line}"
        else:
            out.append(line)
    return out


def _join_broken_title(lines: list[str]) -> list[str]:
    """A title printed in two lines: the first ends with a comma ("增强内生动力，" / "激发新区活力")
    or leaves a quotation open (“让汽车生产像 / 搭积木一样灵活”), or the two halves are
    parallel ("为黑土地“体检”" / "推动节粮减损"), or the second is the end of the first that
    the column wrapped (……就能找到合 / 作伙伴: `_wrapped_end`)."""
    out: list[str] = []
    for line in lines:
        quoting = bool(out) and open_quotes(out[-1]) > 0  # a quotation goes on in the next line
        wrapped = bool(out) and _wrapped_end(out[-1], line)
        if out and (out[-1].endswith("，") or quoting or wrapped or _parallel(out[-1], line)):
            glue = "" if out[-1].endswith("，") or quoting or wrapped else "  "
            out[-1] = f"{out[-1]}{glue}{line}"
        else:
            out.append(line)
    return out


# A head line this short under a longer one may be the end of that line, wrapped by the column.
WRAP_REMAINDER_MAX = 3


def _wrapped_end(line: str, under: str) -> bool:
    """Is `under` the end of `line`, wrapped? A head's parts (kicker, title, subtitle) each end with
    a whole word, and as a phrase ends: so the rest of a word broken at the line's end (……智能制造
    加速培 / 育新质生产力), or what a line stopped mid-phrase needs (……24小时在 / 岗, ……有温度的 /
    “人才家园”), however long. A park's title is whole (`_title_index`): a line under it too short
    for a headline (TITLE_MIN_CHARS), with no dash, is its end (……打造区域创新 / 高地), unless it
    ends as a column's name (一周要闻). Else only a few characters a word runs into (……迈出新步 /
    伐, ……科技自 / 立自强): a column's name (短波), a box's label (链接) or a stray piece of another
    head (……活动举办 / 伐) stands under a title too."""
    if breaks_a_word(line, under) or (len(line) > WRAP_REMAINDER_MAX and ends_mid_phrase(line)):
        return True
    if is_park_title(line) and len(under) < TITLE_MIN_CHARS and not under.startswith(_SUBTITLE_DASH) \
            and not ends_as_a_column_name(under):
        return True
    return len(under) <= WRAP_REMAINDER_MAX < len(line) and bool(word_spanning(line, under))


def _parallel(first: str, second: str) -> bool:
    if first.endswith(KICKER_ENDS) or "  " in first or "  " in second:
        return False
    core = COLUMN_TAG.sub("", second)
    return len(first) <= LABEL_MAX_CHARS and abs(len(core) - len(first)) <= PARALLEL_SLACK


def _title_index(lines: list[str], first_paragraph: str = "") -> int:
    """Which line of the stack is the title: the one closed by a column tag; else the one that
    opens with its park's name and a colon (whole: what stands under it is its subtitle, what
    stands above its kicker, a series line with a dash too); else the line after a kicker that
    ends with —— or a colon (unless it ends so too: two kickers); else the only line that names
    a park (a kicker or a subtitle states a theme, a title what the story is about), unless the
    first paragraph takes up another line's words more (then that line's story is the one under
    the stack); else the one line the first paragraph restates (RESTATES_TITLE) while taking up
    little of any other (TITLE_WORDS_TAKEN_UP): a story's lead restates its title; else, with
    three lines, the middle one (kicker, title, subtitle); else the last (a kicker stands above
    a title). A line ending with a kicker's mark, or reporting a speech, is none of these titles
    while another line may be."""
    for i, line in enumerate(lines):
        if closed_by_column_tag(line):
            return i
    for i, line in enumerate(lines):
        if is_park_title(line):
            return i
    for i, line in enumerate(lines[:-1]):
        if line.endswith(KICKER_ENDS) and not lines[i + 1].endswith(KICKER_ENDS):
            return i + 1
    # A line that ends announcing the title under it (长沙高新区——), or reports who spoke and when
    # (刘国中在河南调研时强调), is a kicker, even when the copy read nothing under it: the title is
    # another line, when there is one.
    titles = [i for i, line in enumerate(lines)
              if not line.endswith(KICKER_ENDS) and not reports_a_speech(line)] or list(range(len(lines)))
    naming = [i for i in titles if parks_named(lines[i])]
    taken_up = [words_taken_up(line, first_paragraph) for line in lines]
    if len(naming) == 1 and max(taken_up) <= taken_up[naming[0]]:
        return naming[0]
    # The line the lead restates is the title: a line over it is its kicker, one under it its subtitle.
    restated = [i for i in titles if taken_up[i] >= RESTATES_TITLE]
    if len(restated) == 1 and all(taken_up[i] < TITLE_WORDS_TAKEN_UP for i in titles if i != restated[0]):
        return restated[0]
    if len(lines) >= 3 and 1 in titles:
        return 1
    return titles[-1]
