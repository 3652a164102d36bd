"""An editor's sidecar on a PDF seed, by the numbers its source view shows: `split_at` names
lines of the page text where a new article starts, `merge` pairs of article numbers where
the second is the rest of the first (on a later page too, where a story jumps)."""

from __future__ import annotations

from dataclasses import replace

from parkdigest.convert.model import Draft, LineRole, PageArea, Paragraph
from parkdigest.convert.pdf.blocks import Part, TextBlock
from parkdigest.convert.pdf.modules import Module
from parkdigest.convert.pdf.stacks import Stack
from parkdigest.problems import Problem, Severity


def split_modules(blocks: list[TextBlock], modules: list[Module], numbers: dict[int, int],
                  split_at: frozenset[int]) -> tuple[tuple[TextBlock, ...], tuple[Module, ...]]:
    """The block holding a split line is cut before that line; the rest of its module from
    there on is an article of its own, titled by its first block when that is a heading."""
    blocks = list(blocks)
    out: list[Module] = []
    for module in modules:
        order: list[int] = []
        cuts: list[int] = []
        for i in module.blocks:
            block = blocks[i]
            at = [k for k, ln in enumerate(block.lines) if numbers[ln.id] in split_at]
            pieces = [0, *[k for k in at if k > 0], len(block.lines)]
            for start, end in zip(pieces, pieces[1:]):
                piece = i if start == 0 else len(blocks)
                cut = replace(block, id=piece, lines=block.lines[start:end])
                if end < len(block.lines):  # a caption's credit stays with its last lines
                    cut = replace(cut, credit="", credit_rule="")
                if start > 0:  # and a credit printed before it with its first line
                    cut = replace(cut, lead_credit="", lead_credit_rule="")
                if start == 0:
                    blocks[i] = cut
                else:
                    blocks.append(cut)
                if start in at and (order or module.stack is not None):
                    cuts.append(len(order))
                order.append(piece)
        out += _cut(module, order, cuts, blocks)
    return tuple(blocks), tuple(out)


def _cut(module: Module, order: list[int], cuts: list[int], blocks: list[TextBlock]) -> list[Module]:
    if not cuts:
        return [replace(module, blocks=tuple(order))]
    parts = [replace(module, blocks=tuple(order[:cuts[0]]))]
    for start, end in zip(cuts, [*cuts[1:], len(order)]):
        head = blocks[order[start]]
        stack = Stack((head.id,), head.box) if head.part is not Part.BODY else None
        rest = order[start + 1:end] if stack else order[start:end]
        box = head.box
        for i in rest:
            box = box.union(blocks[i].box)
        parts.append(Module(stack, tuple(rest), box))
    return parts


def merge_drafts(drafts: list[Draft], roles: list[LineRole], areas: list[PageArea], pairs, source: str,
                 warnings: list[Problem]) -> tuple[list[Draft], list[LineRole], list[PageArea]]:
    """An editor's `merge: [[a, b]]`: article b (by position in the PDF, 1-based, as the source
    view numbers them; on a later page too, where a story jumps) is the rest of article a;
    b's title becomes a subhead of a."""
    target = list(range(len(drafts)))
    for first, second in sorted(pairs, key=lambda pair: -pair[1]):
        if not 1 <= first < second <= len(drafts):
            warnings.append(Problem(source, f"merge [{first}, {second}]: the PDF has {len(drafts)} articles",
                                    "fix 'merge' in the sidecar", severity=Severity.WARNING))
            continue
        target = [first - 1 if t == second - 1 else t for t in target]
    if target == list(range(len(drafts))):
        return drafts, roles, areas
    kept = sorted(set(target))
    renumber = {old: new for new, old in enumerate(kept)}
    merged = []
    for a in kept:
        parts = [drafts[k] for k in range(len(drafts)) if target[k] == a]
        head, rest = parts[0], parts[1:]
        paragraphs = list(head.paragraphs)
        for part in rest:
            if part.title:
                paragraphs.append(Paragraph(part.title, (min(part.lines),), subhead=True))
            paragraphs += part.paragraphs
        merged.append(replace(head, paragraphs=tuple(paragraphs), index=renumber[a],
                              lines=tuple(sorted({n for p in parts for n in p.lines})),
                              captions=tuple(c for p in parts for c in p.captions)))
    roles = [replace(r, article=renumber[target[r.article]]) if r.article is not None else r for r in roles]
    areas = [replace(x, article=renumber[target[x.article]]) if x.article is not None else x for x in areas]
    return merged, roles, areas
