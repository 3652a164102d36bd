"""Stage 4 — reflow: put each article's blocks in reading order and glue broken lines.

Within an article, each block is followed by its join (when its sentence was broken) or
by the next block of the same article in the file. These links form chains. The title's
chain is read first; when it holds no paragraph yet (the columns were extracted before
the title's column), the chain that opens with a paragraph rather than a subhead is the
lead. The remaining chains follow in the order of the earliest line they hold, which is
how columns of one article are laid out on a page.
"""

from __future__ import annotations

import re

from parkdigest.articles.files import LOW_CONFIDENCE, Move
from parkdigest.convert.classify import sentence_closed
from parkdigest.convert.heads import HeadParts, parse_head
from parkdigest.convert.junctions import next_in_flow
from parkdigest.convert.model import Block, Draft, Kind, Layout, LineRole, Paragraph, Role, Segmentation
from parkdigest.problems import Problem, Severity

_LATIN_END = re.compile(r"[A-Za-z]$")
_LATIN_START = re.compile(r"^[A-Za-z]")


def reflow_page(seg: Segmentation) -> Layout:
    """Turn a page's segmentation into drafts: articles as text in reading order."""
    drafts, moves, warnings = [], [], list(seg.warnings)
    successor = _successors(seg)
    heads = [parse_head([seg.placed[k].block for k in head if seg.placed[k].role is Role.HEAD], seg.contents)
             for head in seg.heads]
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
        draft = _draft(seg, article, heads[article], order, successor)
        drafts.append(draft)
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
        role = "box" if placed.role is Role.SUBHEAD and block.rule == "box-heading" else _ROLE_NAMES[placed.role]
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


def _successors(seg: Segmentation) -> dict[int, int]:
    """Reading-order links between blocks: joins first, else the next block in the file."""
    successor = {j.left_block: j.right_block for j in seg.joins}
    targets = set(successor.values())
    for k, block in ((p.id, p.block) for p in seg.placed):
        if k in successor or seg.placed[k].role in (Role.CAPTION, Role.KICKER):
            continue
        if block.kind is Kind.BODY and not sentence_closed(block.text):
            continue  # an open end not joined: the sentence is cut off on this page
        following = next_in_flow([p.block for p in seg.placed], k)
        if (following is None or following in targets or seg.placed[following].owner != seg.placed[k].owner
                or (k, following) in seg.breaks):
            continue
        if seg.placed[following].role is Role.HEAD and seg.placed[k].role is not Role.HEAD:
            continue
        if seg.placed[k].role is Role.CREDIT and seg.placed[following].role is not Role.CREDIT:
            continue
        successor[k] = following
    return successor


def _chains(seg: Segmentation, article: int, successor: dict[int, int]) -> list[list[int]]:
    members = [p.id for p in seg.placed if p.owner == article and p.role not in (Role.CAPTION, Role.KICKER)]
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
    head_chain = next((c for c in chains if head and c[0] == head[0]), [])
    rest = [c for c in chains if c is not head_chain]
    rest.sort(key=lambda c: min(seg.placed[k].block.first_line for k in c))
    ordered = [head_chain] if head_chain else []
    has_paragraph = any(seg.placed[k].role is Role.BODY for k in head_chain)
    if not has_paragraph:
        lead = next((c for c in rest if seg.placed[c[0]].role is Role.BODY), None)
        if lead is not None:
            rest.remove(lead)
            ordered.append(lead)
    return ordered + rest


def _draft(seg: Segmentation, article: int, parts: HeadParts, order: list[int],
           successor: dict[int, int]) -> Draft:
    joined_from = {v: k for k, v in successor.items()
                   if seg.placed[k].block.kind is Kind.BODY and not sentence_closed(seg.placed[k].block.text)}
    paragraphs: list[Paragraph] = []
    for k in order:
        block, role = seg.placed[k].block, seg.placed[k].role
        if role is Role.HEAD:
            continue
        if role is Role.CREDIT:
            paragraphs.append(Paragraph(block.text, (block.first_line,), credit=True))
        elif role is Role.SUBHEAD:
            if paragraphs and paragraphs[-1].subhead and paragraphs[-1].lines[-1] + 2 >= block.first_line:
                last = paragraphs.pop()  # a two-line subhead
                paragraphs.append(Paragraph(f"{last.text} {block.text}", last.lines + (block.first_line,), True))
            else:
                paragraphs.append(Paragraph(block.text, (block.first_line,), True))
        elif k in joined_from and paragraphs and not paragraphs[-1].subhead:
            last = paragraphs.pop()
            paragraphs.append(Paragraph(_glue(last.text, block.text), last.lines + (block.first_line,)))
        else:
            paragraphs.append(Paragraph(block.text, (block.first_line,)))
    members = [p.id for p in seg.placed if p.owner == article]
    captions = tuple(seg.placed[k].block.text for k in members if seg.placed[k].role is Role.CAPTION)
    pull_quote = " ".join(seg.placed[k].block.text for k in members if seg.placed[k].role is Role.KICKER)
    lines = tuple(sorted({line for k in members
                          for line in range(seg.placed[k].block.first_line, seg.placed[k].block.last_line + 1)}))
    confidences = [seg.placed[k].confidence for k in members] or [1.0]
    join_conf = [j.confidence for j in seg.joins if j.left_line in lines]
    return Draft(title=parts.title, lines=lines, paragraphs=tuple(paragraphs), deck=parts.deck,
                 section=parts.section, byline=parts.byline, kicker=" ".join(filter(None, [parts.kicker, pull_quote])), captions=captions,
                 confidence=round(min(confidences + join_conf), 3), index=article)


def _glue(left: str, right: str) -> str:
    if _LATIN_END.search(left) and _LATIN_START.search(right):
        return f"{left} {right}"
    return left + right
