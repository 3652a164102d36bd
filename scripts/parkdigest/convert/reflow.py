"""Stage 4 — reflow: put each article's blocks in reading order and glue broken lines.

Within an article, each block is followed by its join (when its sentence was broken) or
by the next block of the same article in the file. These links form chains. The title's
chain is read first, then a chain that opens with the stack's subtitle and byline read apart
from the title; when they hold no paragraph yet (the columns were extracted before
the title's column), the chain that opens with a paragraph, or with the head's byline or
subtitle read apart from it, rather than a subhead is the lead. The remaining chains follow
in the order of the earliest line they hold, which is how columns of one article are laid
out on a page. A paragraph opening with a dateline that speaks of the title opens the text,
whatever the copy read before it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from parkdigest.articles.files import LOW_CONFIDENCE, Move
from parkdigest.convert.classify import TITLE_WORDS_TAKEN_UP, tells_news
from parkdigest.convert.heads import KICKER_ENDS, WRAP_REMAINDER_MAX, HeadParts, parks_named, parse_head
from parkdigest.convert.junctions import next_in_flow
from parkdigest.convert.model import (
    Aside,
    Block,
    Draft,
    Kind,
    Layout,
    LineRole,
    LineRule,
    Paragraph,
    PlacedBlock,
    Role,
    Segmentation,
)
from parkdigest.convert.words import word_spanning, words_taken_up
from parkdigest.problems import Problem, Severity
from parkdigest.text import BYLINE_MARKS, HAN, dateline_opens, sentence_closed

_LATIN_END = re.compile(r"[A-Za-z]$")
_LATIN_START = re.compile(r"^[A-Za-z]")


def reflow_page(seg: Segmentation) -> Layout:
    """Turn a page's segmentation into drafts: articles as text in reading order."""
    drafts, moves, warnings = [], [], list(seg.warnings)
    successor = _successors(seg)
    heads: list[HeadParts] = []
    for article, head in enumerate(seg.heads):
        chains = _chains(seg, article, successor)
        ordered = _order_chains(seg, chains, head)
        for previous, chain in zip(ordered, ordered[1:]):
            first = seg.placed[chain[0]].block
            last = seg.placed[previous[-1]].block
            if first.first_line < last.last_line and seg.placed[chain[0]].role is not Role.HEAD:
                moves.append(Move("", first.first_line, seg.placed[chain[-1]].block.last_line, last.last_line,
                                  min(seg.placed[k].confidence for k in chain)))
        order = [k for chain in ordered for k in chain]
        first_paragraph = next((seg.placed[k].block.text for k in order if seg.placed[k].role is Role.BODY), "")
        parts = parse_head([seg.placed[k].block for k in head if seg.placed[k].role is Role.HEAD], seg.contents,
                           first_paragraph)
        heads.append(parts)
        draft = _draft(seg, article, parts, order, successor)
        drafts.append(draft)
        if draft.title and not draft.paragraphs and not draft.captions:
            warnings.append(_textless(seg, head, draft.title))
        moves = [Move(draft.title, m.first_line, m.last_line, m.after_line, m.confidence) if not m.article else m
                 for m in moves]
    for join in seg.joins:
        if join.confidence < LOW_CONFIDENCE:
            warnings.append(Problem(seg.source, f"uncertain join of line {join.left_line} with line "
                                    f"{join.right_line} (confidence {join.confidence:.2f})",
                                    "check the article's text there", line=join.left_line,
                                    severity=Severity.WARNING))
    return Layout(seg.source, tuple(drafts), seg.furniture, seg.joins, tuple(moves), seg.page_date,
                  tuple(warnings), has_contents=bool(seg.contents), line_roles=_line_roles(seg, heads))


def _textless(seg: Segmentation, head: tuple[int, ...], title: str) -> Problem:
    """An article with a title and no text: the copy read its text under another title."""
    return Problem(seg.source, f"article «{title}» has no text of its own; its text may stand under another title",
                   "check the page and move the text under its title", line=seg.placed[head[0]].block.first_line,
                   severity=Severity.WARNING)


def _line_roles(seg: Segmentation, heads: list[HeadParts]) -> tuple[LineRole, ...]:
    """What each block of the page was taken for (the page report lists them); `heads` are
    the parsed head stacks of the articles."""
    roles = [LineRole(f.line, f.line, "furniture", None, f.rule) for f in seg.furniture]
    for article, head in enumerate(seg.heads):
        for k in head:
            block = seg.placed[k].block
            roles.append(LineRole(block.first_line, block.last_line, _head_part(block, heads[article]), article,
                                  block.rule))
    in_heads = {k for head in seg.heads for k in head}
    for placed in seg.placed:
        if placed.id in in_heads:
            continue
        block = placed.block
        role = "box" if placed.role is Role.SUBHEAD and block.rule == LineRule.BOX_HEADING else _ROLE_NAMES[placed.role]
        roles.append(LineRole(block.first_line, block.last_line, role, placed.owner, block.rule))
    return tuple(sorted(roles, key=lambda r: (r.first_line, r.last_line)))


_ROLE_NAMES = {Role.HEAD: "title", Role.KICKER: "kicker", Role.SUBHEAD: "subhead", Role.BODY: "body",
               Role.CAPTION: "caption", Role.CREDIT: "credit"}


def _head_part(block: Block, parts: HeadParts) -> str:
    if block.kind is Kind.BYLINE:
        return "byline"
    if block.kind is Kind.LABEL or (parts.section and block.text in parts.section):
        return "label"
    if block.text in parts.title:
        return "title"
    if parts.kicker and block.text in parts.kicker:
        return "kicker"
    return "subtitle"


# Captions and a pull quote are printed apart from an article's text (under its picture, over its
# title): no reading-order link leads into or out of them.
_OUTSIDE_THE_TEXT = (Role.CAPTION, Role.KICKER)


def _successors(seg: Segmentation) -> dict[int, int]:
    """Reading-order links between blocks: joins first, else the next block in the file."""
    successor = {j.left_block: j.right_block for j in seg.joins}
    targets = set(successor.values())
    # A copy may read the openings of paragraphs at the columns' feet after the columns: the file
    # then holds such an opening below its paragraph's rest. After the rest of one such paragraph,
    # the opening of another is no paragraph that follows: it reads where its own rest stands.
    late = [j for j in seg.joins if j.left_block > j.right_block]
    read_late, rest_of_late = {j.left_block for j in late}, {j.right_block for j in late}
    blocks = [p.block for p in seg.placed]
    # On a page copied a printed line to a block, the next block is mostly another column's
    # line: a column's next line stands as far after a line as that line stood after its own
    # line above (the lines of a row's columns come one after the other, row by row).
    line_above = {j.right_block: j.left_block for j in seg.joins} if seg.column_measures else None
    for k, block in ((p.id, p.block) for p in seg.placed):
        if k in successor or seg.placed[k].role in _OUTSIDE_THE_TEXT:
            continue
        if block.kind is Kind.BODY and not sentence_closed(block.text):
            continue  # an open end not joined: the sentence is cut off on this page
        following = next_in_flow(blocks, k) if line_above is None else _next_line_of_its_column(k, line_above, blocks)
        if (following is None or following in targets or seg.placed[following].owner != seg.placed[k].owner
                or (k, following) in seg.breaks or (k in rest_of_late and following in read_late)):
            continue
        if seg.placed[following].role in _OUTSIDE_THE_TEXT:
            continue
        if seg.placed[following].role is Role.HEAD and seg.placed[k].role is not Role.HEAD:
            continue
        if seg.placed[k].role is Role.CREDIT and seg.placed[following].role is not Role.CREDIT:
            continue
        successor[k] = following
    return successor


def _next_line_of_its_column(k: int, line_above: Mapping[int, int], blocks: Sequence[Block]) -> int | None:
    """On a page copied a printed line to a block: the block as far after line k as k stands
    after the line it continues, if that line is above it in the file and the block is text."""
    above = line_above.get(k)
    if above is None or above >= k or 2 * k - above >= len(blocks):
        return None
    following = 2 * k - above
    return following if blocks[following].kind is Kind.BODY else None


def _chains(seg: Segmentation, article: int, successor: dict[int, int]) -> list[list[int]]:
    members = [p.id for p in seg.placed if p.owner == article and p.role not in _OUTSIDE_THE_TEXT]
    has_predecessor = {s for k, s in successor.items() if seg.placed[k].owner == article}
    chains, placed = [], set()
    for k in members:
        if k in has_predecessor or k in placed:
            continue
        chain: list[int] = []
        node: int | None = k
        while node is not None and node not in placed and seg.placed[node].owner == article:
            chain.append(node)  # a join into another article's text ends the chain: each block once
            placed.add(node)
            node = successor.get(node)
        chains.append(chain)
    for k in members:  # a loop of links, should one remain: keep the text all the same
        if k not in placed:
            chains.append([k])
            placed.add(k)
    return chains


def _order_chains(seg: Segmentation, chains: list[list[int]], head: tuple[int, ...]) -> list[list[int]]:
    heading: list[list[int]] = []  # the title's chain and the stack's signed part read apart
    rest: list[list[int]] = []
    for chain in chains:
        under_the_title = bool(head) and (chain[0] == head[0] or _signed_part_of_the_stack(seg, chain, head))
        (heading if under_the_title else rest).append(chain)
    head_chain = [k for chain in sorted(heading) for k in chain]
    rest.sort(key=lambda c: min(seg.placed[k].block.first_line for k in c))
    ordered = [head_chain] if head_chain else []
    has_paragraph = any(seg.placed[k].role is Role.BODY for k in head_chain)
    if not has_paragraph:
        lead = next((c for c in rest if _opens_the_text(seg.placed[c[0]])), None)
        if lead is not None:
            rest.remove(lead)
            ordered.append(lead)
    return _dateline_first(seg, ordered + rest, head)


def _signed_part_of_the_stack(seg: Segmentation, chain: list[int], head: tuple[int, ...]) -> bool:
    """Does the chain open with lines of the head's stack that hold its byline: a subtitle and
    byline a copy read apart from the title (让更多科技成果从“书架”走向“货架” / 本报记者 叶伟)? They
    stand right over the text that follows them in the chain: it reads under the title."""
    return chain[0] in head and any(seg.placed[k].block.kind is Kind.BYLINE for k in chain if k in head)


def _opens_the_text(placed: PlacedBlock) -> bool:
    """May a chain opening with this block be the lead of its article's text: a paragraph, or
    the head's own byline or subtitle (——…) read apart from it, which stand right over the text
    (a subhead opens a section further on)?"""
    return placed.role is Role.BODY or placed.block.kind is Kind.BYLINE or placed.block.rule == LineRule.DASH_LINE


def _dateline_first(seg: Segmentation, chains: list[list[int]], head: tuple[int, ...]) -> list[list[int]]:
    """A story's text opens with its dateline (本报讯……): when one paragraph of an article opens
    with a dateline and others stand before it (a copy may read pieces of the story between its
    title and its dateline), the dateline's paragraph and what follows it in its chain read first,
    right under the head; the pieces that stood before follow in their order. Only a dateline
    that speaks of the head (`_tells_of_its_head`) leads: one of another story, read into this
    text astray, would lead it astray. A story's points (■ ……) summed up above its dateline are
    printed there: they stay first."""
    datelined = [(c, i) for c, chain in enumerate(chains) for i, k in enumerate(chain)
                 if seg.placed[k].role is Role.BODY and dateline_opens(seg.placed[k].block.text)]
    if len(datelined) != 1:
        return chains
    c, i = datelined[0]
    if not _tells_of_its_head(seg, head, seg.placed[chains[c][i]].block.text):
        return chains  # another story's dateline read into this text: it leads nothing here
    lead = chains[c][i:]
    before = [k for chain in chains[:c] for k in chain] + chains[c][:i]
    heading = list(itertools.takewhile(lambda k: seg.placed[k].role is not Role.BODY, before))
    if len(heading) == len(before):
        return chains  # the dateline reads first already
    if any(_POINT_MARK.match(seg.placed[k].block.text) for k in before):
        return chains  # points (■ ……) summed up over the story: a paper prints them before it
    moved = set(heading) | set(lead)
    rest = [[k for k in chain if k not in moved] for chain in chains]
    return [chain for chain in (heading, lead, *rest) if chain]


def _draft(seg: Segmentation, article: int, parts: HeadParts, order: list[int],
           successor: dict[int, int]) -> Draft:
    joined_from = {v: k for k, v in successor.items()
                   if seg.placed[k].block.kind is Kind.BODY and not sentence_closed(seg.placed[k].block.text)}
    paragraphs: list[Paragraph] = []
    heading: list[Block] = []  # the subhead lines read last, not yet written
    for k in order:
        block, role = seg.placed[k].block, seg.placed[k].role
        if role is Role.HEAD:
            continue
        if role is Role.SUBHEAD and (not heading or _same_heading(heading, block)):
            heading.append(block)
            continue
        paragraphs += heading_paragraphs(heading)
        heading = [block] if role is Role.SUBHEAD else []
        if role is Role.CREDIT:
            paragraphs.append(Paragraph(block.text, (block.first_line,), credit=True))
        elif role is Role.SUBHEAD:
            continue
        elif block.rule == SIGNATURE_RULE:
            paragraphs.append(Paragraph(block.text, (block.first_line,), aside=Aside.SIGNATURE))
        elif (k in joined_from and paragraphs and not paragraphs[-1].subhead and paragraphs[-1].aside is None
              and not _POINT_MARK.match(block.text)):
            last = paragraphs.pop()
            paragraphs.append(Paragraph(_glue(last.text, block.text), last.lines + (block.first_line,)))
        else:
            paragraphs.append(Paragraph(block.text, (block.first_line,)))
    paragraphs += heading_paragraphs(heading)
    paragraphs = [part for paragraph in paragraphs for part in split_signature(paragraph)]
    byline = parts.byline
    if not byline and paragraphs and paragraphs[0].aside is Aside.BYLINE:
        # A byline alone that opens the text of a head with none is that head's own, which the
        # copy read apart from it (between them a caption or a neighbour's column): it signs the head.
        byline, paragraphs = paragraphs[0].text, paragraphs[1:]
    members = [p.id for p in seg.placed if p.owner == article]
    caption_parts = _captions(seg, [k for k in members if seg.placed[k].role is Role.CAPTION])
    captions = tuple(caption.text for caption in caption_parts)
    if captions and all(p.credit for p in paragraphs) and all(tells_news(c) for c in captions):
        # A photo item (a title over a picture and its caption): the caption is its text.
        paragraphs[:0] = caption_parts
        captions = ()
    pull_quote = " ".join(seg.placed[k].block.text for k in members if seg.placed[k].role is Role.KICKER)
    lines = tuple(sorted({line for k in members
                          for line in range(seg.placed[k].block.first_line, seg.placed[k].block.last_line + 1)}))
    confidences = [seg.placed[k].confidence for k in members] or [1.0]
    join_conf = [j.confidence for j in seg.joins if j.left_line in lines]
    return Draft(title=parts.title, lines=lines, paragraphs=tuple(paragraphs), deck=parts.deck,
                 section=parts.section, byline=byline, kicker=" ".join(filter(None, [parts.kicker, pull_quote])), captions=captions,
                 confidence=round(min(confidences + join_conf), 3), index=article)


def _captions(seg: Segmentation, blocks: list[int]) -> list[Paragraph]:
    """An article's captions from its caption blocks in file order: a caption left open (a
    caption is a closed sentence or two) goes on in the caption block right after it, cut where
    its column ends."""
    out: list[Paragraph] = []
    for previous, k in zip([None, *blocks], blocks):
        block = seg.placed[k].block
        if out and previous == k - 1 and not sentence_closed(out[-1].text):
            out[-1] = Paragraph(_glue(out[-1].text, block.text), out[-1].lines + (block.first_line,))
        else:
            out.append(Paragraph(block.text, (block.first_line,)))
    return out


def _tells_of_its_head(seg: Segmentation, head: tuple[int, ...], text: str) -> bool:
    """Does a paragraph speak of the head's story: take up its words as a lead takes up its
    title's (TITLE_WORDS_TAKEN_UP), or name a park its headlines name?"""
    lines = [seg.placed[k].block.text for k in head if seg.placed[k].block.kind is Kind.HEADLINE]
    return any(words_taken_up(line, text) >= TITLE_WORDS_TAKEN_UP for line in lines) or bool(
        parks_named(" ".join(lines)) & parks_named(text))


# The rule `classify` gives a ——name line under a paragraph: the signature of an editor's
# note or of a quotation, which closes what stands above it.
SIGNATURE_RULE = LineRule.DASH_SIGNATURE
# A mark that opens a point of a list (■ 要牢牢把握……): each point is a paragraph of its own,
# even when the one before it ends without a full stop, as points often do.
_POINT_MARK = re.compile(r"^[■□●○◆◇▲△▶►•]")
# A signature the page printed on the last line of a paragraph's block (……新活力。——编  者):
# a dash and a few characters of a name after a closed sentence, with nothing else on them.
_SIGNATURE_TAIL = re.compile(f"(?<=[。！？…”’）])——[{HAN}][{HAN} \u3000·]{{0,7}}$")


def _same_heading(heading: list[Block], block: Block) -> bool:
    """Whether a subhead line goes on the heading read just before it: it stands right under
    it, and that heading is not closed by a byline (a byline ends a story's head stack)."""
    return heading[-1].first_line + 2 >= block.first_line and heading[-1].kind is not Kind.BYLINE


def heading_paragraphs(blocks: list[Block]) -> list[Paragraph]:
    """The paragraphs of a heading inside an article. A subhead printed in two lines is one
    heading. A story of a package (its kicker, title and byline) is a heading of its title,
    with the kicker on a line above it and the subtitle and byline on lines under it."""
    if not blocks:
        return []
    lines = tuple(b.first_line for b in blocks)
    if blocks[-1].kind is not Kind.BYLINE:
        return [Paragraph(_heading_text(blocks), lines, subhead=True)]
    labels = [b.text for b in blocks if b.kind is Kind.LABEL]
    heads = [b.text for b in _unwrap(blocks) if b.kind not in (Kind.LABEL, Kind.BYLINE)]
    decks = [text for text in heads[1:] if text.startswith("——")]
    heads = heads[:1] + [text for text in heads[1:] if not text.startswith("——")]  # each line once, by place
    kicker, title = _kicker_and_title(heads)
    byline = " ".join(b.text.lstrip(BYLINE_MARKS).strip() for b in blocks if b.kind is Kind.BYLINE)
    asides = [(Aside.KICKER, " ".join(labels + kicker)), (Aside.DECK, " ".join(decks)), (Aside.BYLINE, byline)]
    above, deck, under = (Paragraph(text, lines, aside=aside) for aside, text in asides)
    return [p for p in (above, Paragraph(" ".join(title), lines, subhead=True), deck, under) if p.text]


def _heading_text(blocks: list[Block]) -> str:
    """A subhead's lines as one heading: a word cut at a line's end (打造欠发达地区创 / 新样本)
    joined again, two phrases (协同“研”与“产” / 以灵活机制汇聚创新合力) a space apart."""
    text = blocks[0].text
    for previous, block in zip(blocks, blocks[1:]):
        text = _glue(text, block.text) if word_spanning(previous.text, block.text) else f"{text} {block.text}"
    return text


def _kicker_and_title(heads: list[str]) -> tuple[list[str], list[str]]:
    """A story's kicker lines and title lines. A kicker ends with a dash or a colon
    (好政策增收减负——); unmarked, of two lines the first is the kicker (a kicker stands above
    a title: 株洲硬质合金集团有限公司 / 加强研发，……). Three or more unmarked lines cannot be
    told from a title printed in several lines: they are all the title."""
    marked = [i for i, text in enumerate(heads[:-1]) if text.endswith(KICKER_ENDS)]
    if marked:
        return heads[:marked[-1] + 1], heads[marked[-1] + 1:]
    if len(heads) == 2:
        return heads[:1], heads[1:]
    return [], heads


def _unwrap(blocks: list[Block]) -> list[Block]:
    """A story's head lines with the ends of wrapped lines put back on the line they end
    (腰包鼓起来，消费底 / 气足: the text was extracted with the column's line breaks). In a
    story of a package, under its title, any line this short is such an end: the column's name
    or a box's label that a lone title's unwrapping (heads) leaves apart stands over a package, not in it."""
    out: list[Block] = []
    for block in blocks:
        previous = out[-1] if out else None
        if (previous is not None and block.kind is Kind.HEADLINE and previous.kind is Kind.HEADLINE
                and len(block.text) <= WRAP_REMAINDER_MAX < len(previous.text)):
            out[-1] = replace(previous, text=_glue(previous.text, block.text), last_line=block.last_line)
        else:
            out.append(block)
    return out


def split_signature(paragraph: Paragraph) -> list[Paragraph]:
    """A paragraph whose last line is a signature, as the paragraph and the signature."""
    running_text = not (paragraph.subhead or paragraph.credit or paragraph.aside)
    match = _SIGNATURE_TAIL.search(paragraph.text) if running_text else None
    if not match:
        return [paragraph]
    return [replace(paragraph, text=paragraph.text[:match.start()]),
            Paragraph(match.group(), paragraph.lines[-1:], aside=Aside.SIGNATURE)]


def _glue(left: str, right: str) -> str:
    if _LATIN_END.search(left) and _LATIN_START.search(right):
        return f"{left} {right}"
    return left + right
