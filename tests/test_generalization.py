"""Pages laid out differently from the seeds: the same articles must come out.

Each variant is made from a seed whose articles the converter already gets right, by
changing only the layout — hard-wrapped lines, no blank lines, or paragraphs broken
mid-word with their second halves moved to other columns. The scores are pinned in
tests/expected/quality.yaml like the seeds' own.
"""

from __future__ import annotations

import difflib
import random
import unicodedata

import pytest

from parkdigest.convert.conservation import conservation_errors
from parkdigest.convert.model import Line, Page
from parkdigest.convert.normalize import normalize_page
from parkdigest.convert.reflow import reflow_page
from parkdigest.convert.segment import segment_page
from test_segmentation import QUALITY

from conftest import SEED_FILES

# Seeds printed in reading order (their articles are pinned in test_segmentation), used as
# ground truth for scrambled variants.
IN_ORDER_SEEDS = ["001_99798097c81ef4c7.txt", "002_92430654b3ed553e.txt", "004_99fbd698b884f173.txt"]
SCRAMBLE_BREAKS = 12  # paragraphs broken per page
SCRAMBLE_SEEDS = range(3)  # random layouts per page


def convert(name: str, text: str):
    page = normalize_page(Page(name, tuple(Line(i + 1, t) for i, t in enumerate(text.split("\n")))))
    return page, reflow_page(segment_page(page))


def _width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WFA" else 1


def hard_wrap(text: str, columns: int) -> str:
    """Every printed line on a line of its own, `columns` half-width units wide."""
    out = []
    for line in text.split("\n"):
        current, width = "", 0
        for ch in line:
            if width + _width(ch) > columns:
                out.append(current)
                current, width = "", 0
            current, width = current + ch, width + _width(ch)
        out.append(current)
    return "\n".join(out)


def without_blank_lines(text: str) -> str:
    return "\n".join(line for line in text.split("\n") if line.strip())


def scramble(layout, rng: random.Random) -> tuple[str, list[str]]:
    """A page built from the articles, with paragraphs broken mid-word and their tails
    moved after another article (as columns extracted out of order do)."""
    articles = [[d.title] + [p.text for p in d.paragraphs if not p.subhead] for d in layout.drafts]
    candidates = [(a, i) for a, paras in enumerate(articles) for i, p in enumerate(paras) if i and len(p) > 60]
    broken = rng.sample(candidates, min(SCRAMBLE_BREAKS, len(candidates)))
    tails: dict[int, list[str]] = {}
    for a, i in broken:
        text = articles[a][i]
        cut = rng.randrange(20, len(text) - 20)
        while not ("\u4e00" <= text[cut - 1] <= "\u9fff" and "\u4e00" <= text[cut] <= "\u9fff"):
            cut += 1  # break between two Chinese characters, as a line end does
        articles[a][i] = text[:cut]
        target = rng.choice([b for b in range(len(articles)) if b != a] or [a])
        tails.setdefault(target, []).append(text[cut:])
    lines = []
    for a, paras in enumerate(articles):
        lines += [paras[0], "", "本报记者 张三", ""]  # a byline marks each title as a title
        for p in paras[1:]:
            lines += [p, ""]
        for tail in tails.get(a, []):
            lines += [tail, ""]
    expected = [p for d in layout.drafts for p in (q.text for q in d.paragraphs if not q.subhead)]
    return "\n".join(lines), expected


def similarity(a, b) -> float:
    left = "\n".join(d.body for d in a.drafts)
    right = "\n".join(d.body for d in b.drafts)
    return difflib.SequenceMatcher(None, left, right, autojunk=False).ratio()


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name)
@pytest.mark.parametrize("variant", ["wrap-40", "wrap-66", "no-blank-lines"])
def test_other_layouts_give_the_same_articles(seed, variant):
    text = seed.read_text(encoding="utf-8")
    if variant == "no-blank-lines":
        changed = without_blank_lines(text)
    else:
        changed = hard_wrap(text, int(variant.split("-")[1]))
    _, base = convert(seed.name, text)
    page, other = convert(seed.name, changed)
    lost, added = conservation_errors(page, other)
    assert not lost and not added
    assert len(other.drafts) == len(base.drafts)
    assert similarity(base, other) >= QUALITY["layout_similarity"], variant


def scramble_score() -> float:
    """Share of paragraphs restored exactly, over all scrambled variants."""
    right = total = 0
    for name in IN_ORDER_SEEDS:
        text = next(p for p in SEED_FILES if p.name == name).read_text(encoding="utf-8")
        _, layout = convert(name, text)
        for seed in SCRAMBLE_SEEDS:
            page_text, expected = scramble(layout, random.Random(seed))
            _, got = convert(name, page_text)
            produced = {p.text for d in got.drafts for p in d.paragraphs}
            right += sum(1 for p in expected if p in produced)
            total += len(expected)
    return right / total


def test_sentences_broken_across_columns_are_restored():
    score = scramble_score()
    print(f"scrambled pages: {score:.3f} of paragraphs restored")
    assert score >= QUALITY["scrambled_paragraphs"]


def test_a_title_naming_a_park_starts_an_article_without_byline_or_credit():
    text = "\n\n".join([
        "成都高新区：让产业齿轮精准咬合", "本报记者 张三",
        "近日，成都高新区发布若干政策意见，支持业界共治理事会开展工作。",
        "赋能企业治理",
        "理事会成员由政府、企业、中介机构等构成，业界代表占比90%以上。",
        "武汉东湖高新区：新兴产业重要策源地",
        "2012年3月，国务院同意批复东湖国家自主创新示范区发展规划纲要。"])
    _, layout = convert("page.txt", text)
    assert [d.title for d in layout.drafts] == ["成都高新区：让产业齿轮精准咬合", "武汉东湖高新区：新兴产业重要策源地"]
    assert [p.text for p in layout.drafts[0].paragraphs if p.subhead] == ["赋能企业治理"]


def test_an_unlisted_column_label_is_a_section_not_part_of_the_title():
    text = "\n\n".join(["园区快讯", "来徐州高新区", "感受有技术含量的“安全感”", "本报记者 张晔",
                      "近日在徐州高新区举行的安全产业协同创新推进会上，一批消防新装备亮相。"])
    _, layout = convert("page.txt", text)
    [draft] = layout.drafts
    assert (draft.section, draft.title) == ("园区快讯", "来徐州高新区 感受有技术含量的“安全感”")
