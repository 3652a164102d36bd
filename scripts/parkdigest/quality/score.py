"""Score converted articles against gold annotations of their pages.

A gold file (JSON, one per page; the format of tests/devset/gold) lists the page's
articles in reading order — title, kicker, subtitle, anchors (short snippets of the body in
reading order), first and last characters — its furniture lines, captions, the places where
the layout split a word or a sentence (joins) and the printed date.

Outputs and gold articles of a page are paired one to one by the best overall assignment
on headline similarity (the Hungarian method); a pair needs `MATCH_MIN_SIMILARITY`. Text
is compared without Markdown markup, whitespace and width differences (NFKC), so only what
a reader would call a difference counts.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy.optimize import linear_sum_assignment

from parkdigest.articles.files import article_body, article_files, read_front_matter
from parkdigest.reference.gazetteer import surface_forms

# Headlines this similar (0..1, difflib's ratio) name the same article.
MATCH_MIN_SIMILARITY = 0.75
# Furniture lines shorter than this (a page number, 要闻) also occur inside real text.
FURNITURE_MIN_CHARS = 6
# Front-matter fields that show text to a reader: furniture must not reach them.
META_FIELDS = ("title", "kicker", "deck", "section", "byline", "summary")
_MARKUP = re.compile(r"[\s#*>_`|\\\-]+")


def fold(text: object) -> str:
    """Text as a reader compares it: NFKC, without whitespace and Markdown markup."""
    return _MARKUP.sub("", unicodedata.normalize("NFKC", str(text or "")))


def fold_title(text: object) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(text or "")))


@dataclass(frozen=True)
class Output:
    """One converted article file, as the scorer reads it."""

    path: str
    meta: dict
    body: str  # folded
    lines: tuple[str, ...]  # folded, one per line of the body


@dataclass(frozen=True)
class PageScore:
    page: str
    gold_articles: int
    outputs: int
    matched: int
    titles_exact: int
    anchors: int
    anchors_found: int
    anchor_pairs: int
    anchor_pairs_in_order: int
    ends: int
    ends_found: int
    joins: int
    joins_made: int
    furniture: int
    furniture_in_bodies: tuple[str, ...]
    furniture_in_meta: tuple[str, ...]
    dated: int
    dates_right: int
    unmatched_gold: tuple[str, ...] = ()
    unmatched_outputs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Scores:
    pages: tuple[PageScore, ...] = field(default_factory=tuple)

    def _ratio(self, part: str, whole: str) -> float:
        total = sum(getattr(p, whole) for p in self.pages)
        return round(sum(getattr(p, part) for p in self.pages) / total, 4) if total else 1.0

    def figures(self) -> dict[str, float | int]:
        """The figures the quality gate pins (see tests/expected/quality.yaml)."""
        return {
            "articles_recall": self._ratio("matched", "gold_articles"),
            "articles_precision": self._ratio("matched", "outputs"),
            "title_exact": self._ratio("titles_exact", "gold_articles"),
            "anchors_present": self._ratio("anchors_found", "anchors"),
            "order": self._ratio("anchor_pairs_in_order", "anchor_pairs"),
            "first_last": self._ratio("ends_found", "ends"),
            "joins": self._ratio("joins_made", "joins"),
            "date": self._ratio("dates_right", "dated"),
            "furniture_in_bodies": sum(len(p.furniture_in_bodies) for p in self.pages),
            "furniture_in_meta": sum(len(p.furniture_in_meta) for p in self.pages),
            "gold_articles": sum(p.gold_articles for p in self.pages),
            "outputs": sum(p.outputs for p in self.pages),
        }


def score_outputs(gold_dir: Path, out_dir: Path) -> Scores:
    """Score every page of `gold_dir` against the article files under `out_dir`."""
    outputs = [_read_output(path) for path in article_files(out_dir)]
    pages = []
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        stem = Path(gold["seed"]).stem
        mine = [o for o in outputs if stem in str(o.meta.get("source", ""))]
        pages.append(_score_page(gold, mine))
    return Scores(tuple(pages))


def _read_output(path: Path) -> Output:
    text = path.read_text(encoding="utf-8")
    meta = read_front_matter(text) or {}
    body = article_body(text)
    lines = tuple(fold(line) for line in body.splitlines() if line.strip())
    return Output(str(path), meta, fold(body), lines)


def headline_similarity(gold: dict, output: Output) -> float:
    """Best similarity of the gold headline (alone, or with its kicker or subtitle) and the
    output's (alone, or with its kicker or subtitle): where a stack is cut is a matter of
    taste, which article it names is not."""
    title, kicker, deck = (fold_title(gold.get(k)) for k in ("title", "kicker", "deck"))
    golds = {title, kicker + title, title + deck, kicker + title + deck} - {""}
    mine_title = fold_title(output.meta.get("title"))
    mine_kicker, mine_deck = (fold_title(output.meta.get(k)) for k in ("kicker", "deck"))
    mine = {mine_title, mine_kicker + mine_title, mine_title + mine_deck, mine_kicker + mine_title + mine_deck} - {""}
    return max((difflib.SequenceMatcher(None, g, m).ratio() for g in golds for m in mine), default=0.0)


def _pairs(golds: list[dict], outputs: list[Output]) -> dict[int, int]:
    if not golds or not outputs:
        return {}
    similarity = np.array([[headline_similarity(g, o) for o in outputs] for g in golds])
    rows, cols = linear_sum_assignment(-similarity)
    return {int(r): int(c) for r, c in zip(rows, cols) if similarity[r, c] >= MATCH_MIN_SIMILARITY}


def _score_page(gold: dict, outputs: list[Output]) -> PageScore:
    articles = gold["articles"]
    pairs = _pairs(articles, outputs)
    exact = anchors = found = pair_total = in_order = ends = ends_found = dated = dates_right = 0
    printed_month = (gold.get("issue_date") or "")[:7]
    for i, article in enumerate(articles):
        anchors += len(article.get("anchors", []))
        pair_total += max(0, len(article.get("anchors", [])) - 1)
        ends += sum(1 for key in ("first", "last") if article.get(key))
        if i not in pairs:
            continue
        output = outputs[pairs[i]]
        exact += fold_title(output.meta.get("title")) == fold_title(article["title"])
        positions = [output.body.find(fold(a)) for a in article.get("anchors", [])]
        found += sum(1 for p in positions if p >= 0)
        in_order += sum(1 for p, q in zip(positions, positions[1:]) if 0 <= p < q)
        ends_found += sum(1 for key in ("first", "last") if article.get(key) and fold(article[key]) in output.body)
        if printed_month:
            dated += 1
            dates_right += str(output.meta.get("date", ""))[:7] == printed_month
    lines = [line for o in outputs for line in o.lines]
    joins = gold.get("joins", [])
    joins_made = sum(1 for j in joins if any(fold(j["left"]) + fold(j["right"]) in line for line in lines))
    bodies = "".join(o.body for o in outputs)
    metas = "\n".join(fold(o.meta.get(key)) for o in outputs for key in META_FIELDS)
    furniture = [f for f in gold.get("furniture", []) if len(fold(f)) >= FURNITURE_MIN_CHARS]
    matched_outputs = set(pairs.values())
    return PageScore(
        page=gold["seed"], gold_articles=len(articles), outputs=len(outputs), matched=len(pairs),
        titles_exact=exact, anchors=anchors, anchors_found=found, anchor_pairs=pair_total,
        anchor_pairs_in_order=in_order, ends=ends, ends_found=ends_found, joins=len(joins), joins_made=joins_made,
        furniture=len(furniture), furniture_in_bodies=tuple(f for f in furniture if fold(f) in bodies),
        furniture_in_meta=tuple(f for f in furniture if fold(f) in metas),
        dated=dated, dates_right=dates_right,
        unmatched_gold=tuple(a["title"] for i, a in enumerate(articles) if i not in pairs),
        unmatched_outputs=tuple(str(o.meta.get("title")) for j, o in enumerate(outputs) if j not in matched_outputs))


# --- metadata -----------------------------------------------------------------------------------
# An editor's reading of each article (the format of ../shared/devset/meta.json, copied to
# tests/devset/meta.json): {"pages": {page id: [{"title", "zones", "other_parks", "topics",
# "park_news"}, …]}}. `zones` are gazetteer parks the article is about, `other_parks` parks it
# is about that the gazetteer lacks; an article is paired with its output as above.

# A park's name written two ways (甘肃庆阳“东数西算”产业园, 庆阳东数西算产业园) is one park when
# one holds the other and the shorter is at least this long (a name, not a bare 产业园).
PARK_NAME_MIN_CHARS = 5
_NOT_NAME = re.compile(r"[^\w]+")


@dataclass(frozen=True)
class MetaCounts:
    """Counts of one page's (or a whole set's) metadata against an editor's reading."""

    articles: int = 0  # articles paired with an output
    zones_found: int = 0  # parks in the outputs' `zones`
    zones_right: int = 0  # of those, parks the editor names
    zones_gold: int = 0  # parks the editor names
    zones_recalled: int = 0  # of those, parks in the output's `zones`
    topics_found: int = 0
    topics_right: int = 0
    topics_gold: int = 0
    park_news_right: int = 0
    led: int = 0  # articles the editor gives topics
    first_topic_right: int = 0  # of those, articles whose first topic is the editor's first
    wrong: tuple[str, ...] = ()  # what differs, one line per article, for a reviewer

    def __add__(self, other: MetaCounts) -> MetaCounts:
        return MetaCounts(*(a + b for a, b in zip(self.__dict__.values(), other.__dict__.values())))

    def figures(self) -> dict[str, float]:
        """Zone and topic precision and recall, park-news accuracy, first topics right (1.0 when
        there is nothing to count)."""
        def ratio(part: int, whole: int) -> float:
            return round(part / whole, 4) if whole else 1.0
        return {"zone_precision": ratio(self.zones_right, self.zones_found),
                "zone_recall": ratio(self.zones_recalled, self.zones_gold),
                "topic_precision": ratio(self.topics_right, self.topics_found),
                "topic_recall": ratio(self.topics_right, self.topics_gold),
                "park_news": ratio(self.park_news_right, self.articles),
                "first_topic": ratio(self.first_topic_right, self.led)}


def score_metadata(meta: dict, out_dir: Path, pages: list[str] | None = None) -> MetaCounts:
    """Metadata of the article files under `out_dir` against an editor's reading (`meta`),
    over all of its pages or the ones named."""
    outputs = [_read_output(path) for path in article_files(out_dir)]
    total = MetaCounts()
    for page, golds in sorted(meta["pages"].items()):
        if pages is None or page in pages:
            total += score_page_metadata(golds, [o.meta for o in outputs if Path(str(o.meta.get("source", ""))).stem == page])
    return total


def score_page_metadata(golds: list[dict], metas: list[dict]) -> MetaCounts:
    """One page: its editor's articles paired with the front-matter of its outputs by headline."""
    outputs = [Output("", m, "", ()) for m in metas]
    counts = MetaCounts()
    for i, j in _pairs(golds, outputs).items():
        counts += _article_metadata(golds[i], metas[j])
    return counts


def _article_metadata(gold: dict, meta: dict) -> MetaCounts:
    wanted = [_park_key(p) for p in [*gold.get("zones", []), *gold.get("other_parks", [])]]
    found = [_park_key(p) for p in meta.get("zones") or []]
    right = sum(1 for p in found if any(_same_park(p, w) for w in wanted))
    recalled = sum(1 for w in wanted if any(_same_park(p, w) for p in found))
    topics, gold_topics = list(meta.get("topics") or []), list(gold.get("topics", []))
    news = bool(meta.get("park_news")) == bool(gold.get("park_news"))
    wrong: tuple[str, ...] = ()
    if right < len(found) or recalled < len(wanted) or set(topics) != set(gold_topics) or not news:
        wrong = (f"{gold['title']}: zones {meta.get('zones') or []} (editor {gold.get('zones', []) + gold.get('other_parks', [])}), "
                 f"topics {topics} (editor {gold_topics}), park_news {bool(meta.get('park_news'))} "
                 f"(editor {bool(gold.get('park_news'))})",)
    first = bool(gold_topics) and topics[:1] == gold_topics[:1]
    return MetaCounts(1, len(found), right, len(wanted), recalled, len(topics), len(set(topics) & set(gold_topics)),
                      len(gold_topics), int(news), int(bool(gold_topics)), int(first), wrong)


def _park_key(name: str) -> str:
    """A park's canonical gazetteer name, or its name without quotes and punctuation."""
    folded = _NOT_NAME.sub("", unicodedata.normalize("NFKC", name))
    return surface_forms().get(folded, folded)


def _same_park(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return a == b or (len(short) >= PARK_NAME_MIN_CHARS and short in long)
