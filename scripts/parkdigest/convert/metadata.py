"""Stage 5 — metadata: what each article is about, when it was printed, who wrote it.

Zones come from the gazetteer (title weighs most, then deck and lead, then frequency);
dates from the page, an editor's sidecar, or the events in the text; topics from the
taxonomy scored on jieba words. Editors' sidecar overrides win over all of it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass

from parkdigest.articles.schema import SUMMARY_MAX_CHARS
from parkdigest.convert.about import describe_parks
from parkdigest.convert.dates import infer_date, parse_printed_date
from parkdigest.convert.model import Article, Draft, Layout, Page, PageFacts
from parkdigest.convert.render import for_reading, render_body
from parkdigest.convert.sidecar import sidecar_name
from parkdigest.convert.slugs import make_slug
from parkdigest.convert.topics import choose_topics
from parkdigest.problems import Problem, Severity
from parkdigest.reference.gazetteer import surface_forms, zones
from parkdigest.resources import language_words
from parkdigest.text import CHINESE_SENTENCE_END, HAN, HAN_CHAR

CHARS_PER_MINUTE = 400  # reading speed of Chinese text
# An article printed without a title is titled by its opening words, this many at most.
DERIVED_TITLE_CHARS = 30
_WORDS = language_words()
_ROLE_WORDS = re.compile(f"({'|'.join(map(re.escape, _WORDS['author_roles']))})")
# Quotes and brackets a summary must not leave open: opening mark -> its closing mark.
_OPENING = {"“": "”", "‘": "’", "（": "）", "《": "》", "「": "」", "『": "』", "【": "】"}
_CLOSING = set(_OPENING.values())
# A Chinese personal name: two to four characters (compound surnames make four).
_PERSON = re.compile(f"[{HAN}]{{2,4}}")
# How an organisation's name ends (language.yaml): such a word is never a person's name,
# and a name may follow it in one token ("科技部火炬中心谢锦锋").
_ORGANISATION = re.compile(f"(?:{'|'.join(map(re.escape, _WORDS['organisation_endings']))})")
_ORGANISATION_THEN_NAME = re.compile(rf".+{_ORGANISATION.pattern}(?P<name>[{HAN}]{{2,3}})")
_SOURCE_CREDIT_WORDS = tuple(_WORDS["source_credit_words"])
_NOT_AUTHOR_CREDIT = _WORDS["not_author_credit_word"]
# A summary is cut after one of these, and an untitled article is titled by its text up to one.
# Chinese marks only: a Latin "!" or "?" is not taken for a sentence's end in a lead (as
# before the definitions were shared; counting them would change summaries and titles).
_SENTENCE_ENDS = CHINESE_SENTENCE_END
_NAME_TRIM: str = _WORDS["name_trim_marks"]
_UNTITLED: str = _WORDS["untitled"]


@dataclass(frozen=True)
class Described:
    """A page's articles with their front-matter, and what metadata found wrong."""

    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]
    facts: PageFacts = PageFacts()


def describe_articles(layout: Layout, page: Page) -> Described:
    """Front-matter and Markdown body for every draft of a page."""
    problems: list[Problem] = []
    sidecar = page.sidecar or {}
    date, precision = _page_date(layout, page, sidecar, problems)
    articles = []
    section = ""
    for draft in map(for_reading, layout.drafts):
        # In a newsletter a section label heads a group of articles, not just the first.
        section = draft.section or (section if layout.has_contents else "")
        override = _override(sidecar, draft)
        about = describe_parks(draft)
        zone_list, unlisted = list(about.zones), list(about.unlisted)
        if "zone" in override:
            zone_list = [override["zone"]] + [z for z in zone_list if z != override["zone"]]
            if override["zone"] not in zones() and override["zone"] not in unlisted:
                unlisted = [override["zone"], *unlisted]  # the editor knows a park the gazetteer lacks
        title = override.get("title") or draft.title or _derived_title(draft)
        topics = override.get("topics") or choose_topics("\n".join([title, draft.kicker, draft.deck]),
                                                         [p.text for p in draft.paragraphs if not p.credit])
        main = zone_list[0] if zone_list else None
        meta = {
            "title": title,
            "deck": draft.deck or None,
            "section": section or None,
            "kicker": draft.kicker or None,
            "date": dt.date.fromisoformat(date) if date else None,  # an undated page's articles have none
            "date_precision": precision or None,
            "zone": main,
            "zones": zone_list,
            "zones_unlisted": unlisted,
            "province": zones()[main].province if main in zones() else None,
            "park_news": override.get("park_news", about.park_news or bool(zone_list)),
            "topics": topics,
            "tags": list(topics),
            "authors": _authors(draft),
            "byline": draft.byline or None,
            "credit": " ".join(c for c in draft.credits if any(w in c for w in _SOURCE_CREDIT_WORDS)) or None,
            "captions": list(draft.captions),
            "summary": _summary(draft),
            "readtime": max(1, math.ceil(len(HAN_CHAR.findall(draft.body)) / CHARS_PER_MINUTE)),
            "source": page.source,
            "slug": (slug := make_slug(title)),
            "confidence": draft.confidence,
        }
        if unlisted:
            problems.append(Problem(page.source, f"park(s) not in the gazetteer: {'、'.join(unlisted)}",
                                    "add them to parkdigest/data/zones.yaml if they are parks",
                                    line=draft.lines[0] if draft.lines else None, severity=Severity.WARNING))
        articles.append(Article(slug, _clean(meta), render_body(draft)))
    facts = PageFacts(str(sidecar.get("publication") or ""), str(sidecar.get("page") or ""),
                      date if precision == "day" else "")
    return Described(tuple(articles), tuple(problems), facts)


def _page_date(layout: Layout, page: Page, sidecar: dict, problems: list[Problem]) -> tuple[str, str]:
    """(YYYY-MM-DD, precision) of the page's articles: printed or given by the sidecar (day),
    else estimated from the events in the text (month, inferred); ("", "") when nothing
    dates the page — never a made-up day."""
    if sidecar.get("date"):
        return str(sidecar["date"]), "day"
    if layout.page_date:
        return layout.page_date, "day"
    printed = parse_printed_date(" ".join(f.text for f in layout.furniture))
    if printed:
        return printed, "day"
    guess = infer_date("\n".join(d.body for d in layout.drafts))
    fix = f"add the line 'date: YYYY-MM-DD' to {sidecar_name(page.source)} beside the page"
    if not guess.date:
        problems.append(Problem(page.source, "no date on the page or in its text; its articles are undated",
                                fix, severity=Severity.WARNING))
        return "", ""
    problems.append(Problem(page.source, f"no date printed on the page; inferred {guess.date} from '{guess.evidence}'",
                            f"{fix} to fix it", severity=Severity.WARNING))
    return guess.date, guess.precision


def _override(sidecar: dict, draft: Draft) -> dict:
    articles = sidecar.get("articles") or {}
    for key in (draft.index + 1, str(draft.index + 1), draft.title):
        if key in articles:
            return {k: v for k, v in articles[key].items() if v is not None}
    return {}


def _authors(draft: Draft) -> list[str]:
    """Names from the byline and the closing credits: "王泽 黄瑞 本报记者 张景阳",
    "（记者过国志 通讯员陈丽霞 许娟）", "（供稿：科技部火炬中心谢锦锋 王茜）"."""
    names: list[str] = []
    # A "来源" credit says where text or pictures come from (本版图片来源于网络), not who wrote them.
    credits = [c.strip("（）()") for c in draft.credits if _NOT_AUTHOR_CREDIT not in c]
    for source in [draft.byline, *credits]:
        for token in _ROLE_WORDS.sub(" ", source or "").replace("：", " ").replace(":", " ").split():
            token = token.strip(_NAME_TRIM)
            glued = _ORGANISATION_THEN_NAME.fullmatch(token)
            if glued:
                token = glued.group("name")
            elif _ORGANISATION.search(token[-3:]):
                continue
            if _PERSON.fullmatch(token) and token not in names and token not in surface_forms():
                names.append(token)
    return names


def _lead(draft: Draft) -> str:
    return next((p.text for p in draft.paragraphs if not p.subhead and not p.credit and p.aside is None), "")


def _summary(draft: Draft) -> str:
    """The lead, or its first sentences up to SUMMARY_MAX_CHARS. A cut falls at a sentence end
    outside quotes and brackets ("…演示。“2018年订单…" would leave a quote open); with no such
    end early enough, the text is cut short, marked "…", and what it opened is closed."""
    lead = _lead(draft)
    if len(lead) <= SUMMARY_MAX_CHARS:
        return lead
    cut_at = -1
    for i, (char, expected) in enumerate(_marks_owed(lead[:SUMMARY_MAX_CHARS])):
        ends = char in _SENTENCE_ENDS or (char in _CLOSING and i > 0 and lead[i - 1] in _SENTENCE_ENDS)
        if ends and not expected:
            cut_at = i
    if cut_at >= SUMMARY_MAX_CHARS // 3:
        return lead[: cut_at + 1]
    head = lead[: SUMMARY_MAX_CHARS - 1]
    owed = _unclosed(head)
    while len(head) + 1 + len(owed) > SUMMARY_MAX_CHARS:
        head = head[:-1]
        owed = _unclosed(head)
    return head + "…" + "".join(reversed(owed))


def _marks_owed(text: str) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Each character of text with the closing marks its quotes and brackets still owe after
    it, innermost last."""
    expected: list[str] = []
    for char in text:
        if char in _OPENING:
            expected.append(_OPENING[char])
        elif expected and char == expected[-1]:
            expected.pop()
        yield char, tuple(expected)


def _unclosed(text: str) -> tuple[str, ...]:
    """The closing marks that the quotes and brackets left open in text still need, innermost last."""
    last = deque(_marks_owed(text), maxlen=1)  # the state after the last character
    return last[0][1] if last else ()


def _derived_title(draft: Draft) -> str:
    """A page printed without a title: the opening words of its text, marked as such."""
    lead = draft.body.strip()
    first = re.split(f"[{re.escape(_SENTENCE_ENDS)}\n]", lead, maxsplit=1)[0]
    return (first[:DERIVED_TITLE_CHARS] + "…") if len(first) > DERIVED_TITLE_CHARS else (first or _UNTITLED)


def _clean(meta: dict) -> dict:
    """Drop empty optional keys, so front-matter shows only what is known."""
    keep_empty = {"zones", "topics", "tags"}
    return {k: v for k, v in meta.items() if v not in (None, "", []) or k in keep_empty}
