"""Synthetic newspaper pages for the benchmark, made of the seeds' own text.

Each synthetic page copies the layout of one seed: its blank lines, furniture (mastheads,
folios, credits), titles, bylines and captions, and the places where a paragraph breaks
off and where its continuation is printed (often in another column, with other text in
between). Every body paragraph is refilled with sentences drawn at random from the same
seed, and cut into as many pieces, of the same lengths, as the template's paragraph: so
breaks fall mid-sentence or mid-word as on the real page, hard-wrapped pages stay
hard-wrapped, and the text differs from page to page. Zone names in titles and bylines are
swapped for random zones of the gazetteer, so titles (and slugs) vary, and each page gets a
sidecar with a random date, so listings spread over years.

Page i is the same whatever N is asked for (its random generator is seeded with i).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

from parkdigest.convert.model import PageResult
from parkdigest.convert.pipeline import convert_page
from parkdigest.convert.read import read_page
from parkdigest.reference.gazetteer import zones

RANDOM_SEED = "parkdigest-bench"
# A sentence: up to its closing punctuation and any closing quotes or brackets.
_SENTENCE = re.compile(r"[^。！？!?]+[。！？!?][”’」』）)\"']*")
# Synthetic pages are dated over these years (sidecar `date:`).
FIRST_YEAR, LAST_YEAR = 2015, 2024
PAGE_NAME = "bench_{:05d}"


@dataclass(frozen=True)
class Template:
    """A seed's layout: its raw lines and which of them are body paragraphs."""

    name: str
    lines: tuple[str, ...]  # raw lines, index 0 is line 1
    paragraphs: tuple[tuple[int, ...], ...]  # each body paragraph's line numbers, in reading order
    heads: tuple[int, ...]  # title, deck, byline, caption lines (zone names are swapped there)
    sentences: tuple[str, ...]  # the seed's whole sentences, raw


def read_templates(seeds: Path) -> list[Template]:
    """Convert each seed once to learn its layout (which lines are body, which breaks)."""
    templates = []
    for path in sorted(seeds.glob("*.txt")):
        result = convert_page(path)
        if not isinstance(result, PageResult):
            continue
        lines = tuple(line.text for line in read_page(path).lines)
        paragraphs: list = []
        used: set[int] = set()
        for draft in result.layout.drafts:
            for paragraph in draft.paragraphs:
                numbers = tuple(paragraph.lines)
                if paragraph.subhead or paragraph.credit or not numbers or used & set(numbers):
                    continue  # a line shared by two paragraphs is left as it is
                used |= set(numbers)
                paragraphs.append(numbers)
        heads = tuple(sorted({n for d in result.layout.drafts for n in d.lines} - used))
        text = "".join(lines[n - 1].strip() for numbers in paragraphs for n in numbers)
        sentences = tuple(s for s in _SENTENCE.findall(text) if len(s) > 1)
        if paragraphs and sentences:
            templates.append(Template(path.name, lines, tuple(paragraphs), heads, sentences))
    if not templates:
        raise ValueError(f"{seeds}: no seed page converted into articles, nothing to resample")
    return templates


def synthesize_page(templates: list[Template], index: int, zone_names: list[str]) -> tuple[str, str]:
    """(page text, sidecar YAML) of synthetic page `index`."""
    rng = random.Random(f"{RANDOM_SEED}-{index}")
    template = templates[rng.randrange(len(templates))]
    lines = list(template.lines)
    for numbers in template.paragraphs:
        lengths = [len(lines[n - 1].strip()) for n in numbers]
        for n, piece in zip(numbers, _refill(template.sentences, lengths, rng)):
            lines[n - 1] = piece
    swaps: dict[str, str] = {}
    pattern = _zone_pattern(tuple(zone_names))
    for n in template.heads:
        lines[n - 1] = pattern.sub(lambda m: swaps.setdefault(m.group(), rng.choice(zone_names)), lines[n - 1])
    year = rng.randint(FIRST_YEAR, LAST_YEAR)
    sidecar = f"date: {year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n"
    return "\n".join(lines), sidecar


def _refill(sentences: tuple[str, ...], lengths: list[int], rng: random.Random) -> list[str]:
    """Random sentences cut into pieces of the given lengths (the last takes the rest, so
    the paragraph ends where a sentence ends)."""
    total = sum(lengths)
    text = ""
    while len(text) < total:
        text += rng.choice(sentences)
    pieces, start = [], 0
    for length in lengths[:-1]:
        pieces.append(text[start:start + length])
        start += length
    pieces.append(text[start:])
    return pieces


_PATTERNS: dict[tuple[str, ...], re.Pattern] = {}


def _zone_pattern(names: tuple[str, ...]) -> re.Pattern:
    if names not in _PATTERNS:
        _PATTERNS[names] = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))
    return _PATTERNS[names]


def zone_names() -> list[str]:
    return sorted(name for name in zones() if len(name) >= 3)


def write_pages(templates: list[Template], count: int, directory: Path) -> int:
    """Write pages 0..count-1 (and their sidecars) to `directory`; returns the bytes of text."""
    directory.mkdir(parents=True, exist_ok=True)
    names = zone_names()
    size = 0
    for index in range(count):
        text, sidecar = synthesize_page(templates, index, names)
        stem = directory / PAGE_NAME.format(index)
        data = text.encode("utf-8")
        stem.with_suffix(".txt").write_bytes(data)
        stem.with_suffix(".yml").write_text(sidecar, encoding="utf-8")
        size += len(data)
    return size
