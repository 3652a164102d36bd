"""Stage 5 — metadata: what each article is about, when it was printed, who wrote it.

Zones come from the gazetteer (title weighs most, then deck and lead, then frequency);
dates from the page, an editor's sidecar, or the events in the text; topics from the
taxonomy scored on jieba words. Editors' sidecar overrides win over all of it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter

from pypinyin import lazy_pinyin

from parkdigest.convert.dates import infer_date, parse_printed_date
from parkdigest.reference.gazetteer import QUALIFIER_SHARE, find_unlisted_parks, find_zones, surface_forms, zones
from parkdigest.convert.model import Article, Draft, Layout, Page, Problem, Severity
from parkdigest.convert.render import render_body
from parkdigest.reference.topics import choose_topics
from parkdigest.convert.words import cut, tokenizer

# How much a zone's mention counts, by where it stands.
TITLE_WEIGHT, DECK_WEIGHT, LEAD_WEIGHT, BODY_WEIGHT = 5.0, 3.0, 2.0, 1.0
# A park mentioned once in passing is not what the article is about.
MIN_ZONE_SCORE = 2.0
CHARS_PER_MINUTE = 400  # reading speed of Chinese text
SUMMARY_MAX_CHARS = 120
_SENTENCE_END = "。！？"
# Quotes and brackets a summary must not leave open: opening mark -> its closing mark.
_OPENING = {"“": "”", "‘": "’", "（": "）", "《": "》", "「": "」", "『": "』", "【": "】"}
_CLOSING = set(_OPENING.values())
SLUG_MAX_CHARS = 60
# A longer jieba word (成都高新区, 兰白国家自主创新示范区) is spelled as its dictionary
# words in a slug (chengdu-gaoxinqu), so the URL stays readable.
SLUG_WORD_CHARS = 4
_CJK = re.compile(r"[\u4e00-\u9fff]")
_ROLE_WORDS = re.compile(r"(本报记者|本报通讯员|特约记者|见习记者|实习生|通讯员|记者|报道|撰文|摄影|文/图|图/文|供稿)")
# A Chinese personal name: two to four characters (compound surnames make four).
_PERSON = re.compile(r"[\u4e00-\u9fff]{2,4}")
# How an organisation's name ends; in a credit it may run straight into a person's name
# ("科技部火炬中心谢锦锋"), and such a word is never a person's name.
_ORGANISATION = re.compile(r"(?:中心|局|委员会|委|院|部|所|办公室|办|公司|集团|高新区|开发区|园区|管委会|报社|日报)")
_ORGANISATION_THEN_NAME = re.compile(rf".+{_ORGANISATION.pattern}(?P<name>[\u4e00-\u9fff]{{2,3}})")


def describe_articles(layout: Layout, page: Page) -> tuple[tuple[Article, ...], tuple[Problem, ...]]:
    """Front-matter and Markdown body for every draft of a page."""
    problems: list[Problem] = []
    sidecar = page.sidecar or {}
    date, precision = _page_date(layout, page, sidecar, problems)
    articles = []
    section = ""
    for draft in layout.drafts:
        # In a newsletter a section label heads a group of articles, not just the first.
        section = draft.section or (section if layout.has_contents else "")
        override = _override(sidecar, draft)
        zone_list, unlisted = _zones(draft)
        if "zone" in override:
            zone_list = [override["zone"]] + [z for z in zone_list if z != override["zone"]]
            if override["zone"] not in zones() and override["zone"] not in unlisted:
                unlisted = [override["zone"], *unlisted]  # the editor knows a park the gazetteer lacks
        title = override.get("title") or draft.title or _derived_title(draft)
        topics = override.get("topics") or choose_topics(draft.body, "\n".join([title, draft.deck]), _lead(draft))
        main = zone_list[0] if zone_list else None
        meta = {
            "title": title,
            "deck": draft.deck or None,
            "section": section or None,
            "kicker": draft.kicker or None,
            "date": dt.date.fromisoformat(date),
            "date_precision": precision,
            "zone": main,
            "zones": zone_list,
            "zones_unlisted": unlisted,
            "province": zones()[main].province if main in zones() else None,
            "topics": topics,
            "tags": list(topics),
            "authors": _authors(draft),
            "byline": draft.byline or None,
            "credit": " ".join(c for c in draft.credits if "供稿" in c or "来源" in c) or None,
            "captions": list(draft.captions),
            "summary": _summary(draft),
            "readtime": max(1, math.ceil(len(_CJK.findall(draft.body)) / CHARS_PER_MINUTE)),
            "source": page.source,
            "slug": make_slug(title),
            "confidence": draft.confidence,
        }
        if unlisted:
            problems.append(Problem(page.source, f"park(s) not in the gazetteer: {'、'.join(unlisted)}",
                                    "add them to parkdigest/data/zones.yaml if they are parks",
                                    line=draft.lines[0] if draft.lines else None, severity=Severity.WARNING))
        articles.append(Article(meta["slug"], _clean(meta), render_body(draft)))
    return tuple(articles), tuple(problems)


def make_slug(title: str) -> str:
    """Readable ASCII from the title: pinyin per jieba word, e.g. chengdu-gaoxinqu-rang-chanye."""
    parts = [part for word in cut(title) for part in _slug_parts(word)]
    slug = ""
    for part in parts:
        candidate = f"{slug}-{part}" if slug else part
        if len(candidate) > SLUG_MAX_CHARS:
            break
        slug = candidate
    return slug or "article"


def _slug_parts(word: str) -> list[str]:
    if not _CJK.search(word):
        ascii_word = re.sub(r"[^a-z0-9]+", "", word.lower())
        return [ascii_word] if ascii_word else []
    return [p for p in ("".join(lazy_pinyin(piece, errors="ignore")).lower() for piece in _slug_pieces(word)) if p]


def _slug_pieces(word: str) -> list[str]:
    if len(word) <= SLUG_WORD_CHARS:
        return [word]
    pieces = _split_compound(word)
    if len(pieces) == 1:
        return pieces
    return [small for piece in pieces for small in _slug_pieces(piece)]


def _split_compound(word: str) -> list[str]:
    """成都高新区 -> 成都, 高新区: jieba's best cut of the word into smaller dictionary
    words; characters that are no word of their own stay together (兰白 in 兰白国家…)."""
    tok = tokenizer()
    dag = tok.get_DAG(word)
    dag[0] = [end for end in dag[0] if end != len(word) - 1] or [0]
    route: dict = {}
    tok.calc(word, dag, route)
    pieces, start = [], 0
    while start < len(word):
        end = route[start][1] + 1
        pieces.append(word[start:end])
        start = end
    merged: list[str] = []
    for piece, previous in zip(pieces, [""] + pieces):
        if len(piece) == 1 and len(previous) == 1 and merged:
            merged[-1] += piece
        else:
            merged.append(piece)
    return merged


def unique_slugs(articles: list[Article]) -> list[Article]:
    """Make slugs unique in a stable way: the first in (source, position) order keeps its
    slug, later ones get -2, -3 …"""
    return SlugAssigner().assign(articles)


class SlugAssigner:
    """Unique slugs for articles that arrive in (source, position) order, one page at a
    time: the first keeps its slug, later ones get -2, -3 …"""

    def __init__(self) -> None:
        self.seen: Counter = Counter()

    def assign(self, articles) -> list[Article]:
        out = []
        for article in articles:
            slug = self._next(article.slug, self.seen)
            out.append(Article(slug, dict(article.meta, slug=slug) if article.meta else article.meta, article.body))
        return out

    def peek(self, articles) -> list[str]:
        """The slugs `assign` would give, without taking them."""
        seen = Counter(self.seen)
        return [self._next(article.slug, seen) for article in articles]

    @staticmethod
    def _next(slug: str, seen: Counter) -> str:
        seen[slug] += 1
        if seen[slug] > 1:
            slug = f"{slug}-{seen[slug]}"
            while slug in seen:
                slug += "x"
            seen[slug] += 1
        return slug


def _page_date(layout: Layout, page: Page, sidecar: dict, problems: list[Problem]) -> tuple[str, str]:
    if sidecar.get("date"):
        return str(sidecar["date"]), "day"
    if layout.page_date:
        return layout.page_date, "day"
    printed = parse_printed_date(" ".join(f.text for f in layout.furniture))
    if printed:
        return printed, "day"
    guess = infer_date("\n".join(d.body for d in layout.drafts))
    if not guess.date:
        problems.append(Problem(page.source, "no date on the page or in its text; used 1970-01-01",
                                f"add 'date: YYYY-MM-DD' to {page.source.rsplit('.', 1)[0]}.yml",
                                severity=Severity.WARNING))
        return "1970-01-01", "inferred"
    problems.append(Problem(page.source, f"no date printed on the page; inferred {guess.date} from '{guess.evidence}'",
                            f"add 'date: YYYY-MM-DD' to {page.source.rsplit('.', 1)[0]}.yml to fix it",
                            severity=Severity.WARNING))
    return guess.date, guess.precision


def _override(sidecar: dict, draft: Draft) -> dict:
    articles = sidecar.get("articles") or {}
    for key in (draft.index + 1, str(draft.index + 1), draft.title):
        if key in articles:
            return {k: v for k, v in articles[key].items() if v is not None}
    return {}


def _zones(draft: Draft) -> tuple[list[str], list[str]]:
    """(gazetteer zones the article is about, main first; parks named but not listed).

    A mention counts by where it stands (title, deck, lead, rest); a park named only as
    the locator of another ("长春新区" in 长春新区北湖科技开发区) counts part of a mention.
    Ties go to the park named first. With no listed park, a park the title names that the
    gazetteer lacks is the main one."""
    scores: Counter = Counter()
    first_seen: dict[str, int] = {}
    lead = _lead(draft)
    rest = "\n".join(p.text for p in draft.paragraphs if p.text != lead)
    parts = ((TITLE_WEIGHT, draft.title), (DECK_WEIGHT, draft.deck), (LEAD_WEIGHT, lead), (BODY_WEIGHT, rest))
    offset = 0
    for weight, text in parts:
        for mention in find_zones(text or ""):
            scores[mention.zone.name] += weight * (QUALIFIER_SHARE if mention.qualifier else 1.0)
            first_seen.setdefault(mention.zone.name, offset + mention.start)
        offset += len(text or "") + 1
    ranked = sorted(scores, key=lambda z: (-scores[z], first_seen[z]))
    chosen = [z for z in ranked if scores[z] >= MIN_ZONE_SCORE]
    unlisted = find_unlisted_parks("\n".join([draft.title, draft.deck, draft.body]))
    if not chosen:
        chosen = [park for park in unlisted if park in draft.title][:1]
    return chosen, unlisted


def _authors(draft: Draft) -> list[str]:
    """Names from the byline and the closing credits: "王泽 黄瑞 本报记者 张景阳",
    "（记者过国志 通讯员陈丽霞 许娟）", "（供稿：科技部火炬中心谢锦锋 王茜）"."""
    names: list[str] = []
    # A "来源" credit says where text or pictures come from (本版图片来源于网络), not who wrote them.
    credits = [c.strip("（）()") for c in draft.credits if "来源" not in c]
    for source in [draft.byline, *credits]:
        for token in _ROLE_WORDS.sub(" ", source or "").replace("：", " ").replace(":", " ").split():
            token = token.strip("▶►·，,、")
            glued = _ORGANISATION_THEN_NAME.fullmatch(token)
            if glued:
                token = glued.group("name")
            elif _ORGANISATION.search(token[-3:]):
                continue
            if _PERSON.fullmatch(token) and token not in names and token not in surface_forms():
                names.append(token)
    return names


def _lead(draft: Draft) -> str:
    return next((p.text for p in draft.paragraphs if not p.subhead), "")


def _summary(draft: Draft) -> str:
    """The lead, or its first sentences up to SUMMARY_MAX_CHARS. A cut falls at a sentence end
    outside quotes and brackets ("…演示。“2018年订单…" would leave a quote open); with no such
    end early enough, the text is cut short, marked "…", and what it opened is closed."""
    lead = _lead(draft)
    if len(lead) <= SUMMARY_MAX_CHARS:
        return lead
    cut_at, expected = -1, []  # expected: closing marks still owed, innermost last
    for i, char in enumerate(lead[:SUMMARY_MAX_CHARS]):
        if char in _OPENING:
            expected.append(_OPENING[char])
        elif expected and char == expected[-1]:
            expected.pop()
        ends = char in _SENTENCE_END or (char in _CLOSING and i > 0 and lead[i - 1] in _SENTENCE_END)
        if ends and not expected:
            cut_at = i
    if cut_at >= SUMMARY_MAX_CHARS // 3:
        return lead[: cut_at + 1]
    head = lead[: SUMMARY_MAX_CHARS - 1]
    while len(head) + 1 + len(_unclosed(head)) > SUMMARY_MAX_CHARS:
        head = head[:-1]
    return head + "…" + "".join(reversed(_unclosed(head)))


def _unclosed(text: str) -> list[str]:
    """The closing marks that the quotes and brackets left open in text still need, innermost last."""
    expected: list[str] = []
    for char in text:
        if char in _OPENING:
            expected.append(_OPENING[char])
        elif expected and char == expected[-1]:
            expected.pop()
    return expected


def _derived_title(draft: Draft) -> str:
    """A page printed without a title: the opening words of its text, marked as such."""
    lead = draft.body.strip()
    first = re.split(r"[。！？\n]", lead, maxsplit=1)[0]
    return (first[:30] + "…") if len(first) > 30 else (first or "无标题")


def _clean(meta: dict) -> dict:
    """Drop empty optional keys, so front-matter shows only what is known."""
    keep_empty = {"zones", "topics", "tags"}
    return {k: v for k, v in meta.items() if v not in (None, "", []) or k in keep_empty}
