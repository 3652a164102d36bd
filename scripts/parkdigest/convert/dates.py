"""Dates: the day a page was printed, or the best estimate from the events it reports."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from parkdigest.resources import language_words

# Years outside this window are not publication years of these papers.
MIN_YEAR, MAX_YEAR = 1980, 2100

_WORDS = language_words()
# Years named relative to the page's year -> offset (None: no year named, the same year).
_OFFSETS: dict[str | None, int] = {**_WORDS["relative_years"], None: 0}
_RELATIVE_YEARS = "|".join(map(re.escape, _WORDS["relative_years"]))
_PAST_YEARS = "|".join(re.escape(w) for w, offset in _WORDS["relative_years"].items() if offset <= 0)

_FULL = re.compile(r"(?<!\d)(\d{4})年(\d{1,2})月(\d{1,2})日")
_YEAR_MONTH = re.compile(r"(?<!\d)(\d{4})年(\d{1,2})月(?!\d{1,2}日)(?![-—至到]\d)")
# A month and day without a year (2月25日下午), or after a relative year (今年2月1日); not
# the tail of a full date (2018年12月25日).
_RELATIVE = re.compile(rf"(?:({_RELATIVE_YEARS})|(?<![\d年]))(\d{{1,2}})月(\d{{1,2}})日")
_RELATIVE_MONTH = re.compile(rf"({_PAST_YEARS})(\d{{1,2}})月(?!\d{{1,2}}日)")
_YEAR = re.compile(r"(?<![\d\-—~至到])(\d{4})年(?![-—~至到]\d)")
# 截至 ("as of") dates an event; 至 alone, a plan word or a dash before a date makes it a horizon.
_RANGE_OR_TARGET = re.compile(f"({'|'.join(map(re.escape, _WORDS['plan_words']))}|(?<!截)至|－|-|—|~)$")
_END_OF_YEAR = re.compile(f"(\\d{{4}})年({'|'.join(map(re.escape, _WORDS['year_end_words']))})")


@dataclass(frozen=True)
class DateGuess:
    date: str  # YYYY-MM-DD, '' when nothing dated was found
    precision: str  # day | month | inferred
    evidence: str  # the expression that decided it


# The forms a page prints its own date in: 2026年3月30日, 2025.12.3, 2025-12-03, 2025/12/03,
# and in Chinese numerals 二〇二五年十二月三日 (spaces are removed by normalize first).
_PRINTED_FORMS = (
    _FULL,
    re.compile(r"(?<!\d)(\d{4})\.(\d{1,2})\.(\d{1,2})(?!\d)"),
    re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)"),
    re.compile(r"(?<!\d)(\d{4})/(\d{1,2})/(\d{1,2})(?!\d)"),
)
_CN_DIGIT = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_FULL = re.compile(r"([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日")


def printed_date_spans(text: str) -> list[tuple[int, int, str]]:
    """Every printed date in the text: (start, end, YYYY-MM-DD), in text order."""
    spans = []
    for pattern in _PRINTED_FORMS:
        for match in pattern.finditer(text):
            found = _valid(*(int(g) for g in match.groups()))
            if found:
                spans.append((match.start(), match.end(), found.isoformat()))
    for match in _CN_FULL.finditer(text):
        year = int("".join(str(_CN_DIGIT[ch]) for ch in match.group(1)))
        found = _valid(year, _cn_number(match.group(2)), _cn_number(match.group(3)))
        if found:
            spans.append((match.start(), match.end(), found.isoformat()))
    return sorted(spans)


def parse_printed_date(text: str) -> str:
    """A date as printed in a masthead or folio line, as YYYY-MM-DD ('' if none)."""
    spans = printed_date_spans(text)
    return spans[0][2] if spans else ""


def _cn_number(text: str) -> int:
    """十 -> 10, 十二 -> 12, 二十三 -> 23, 三 -> 3 (days and months in Chinese numerals)."""
    if "十" not in text:
        return _CN_DIGIT.get(text, 0)
    tens, _, units = text.partition("十")
    return (_CN_DIGIT.get(tens, 0) if tens else 1) * 10 + (_CN_DIGIT.get(units, 0) if units else 0)


def infer_date(text: str) -> DateGuess:
    """The latest dated event in the text: a full date, a month, or a year's end.

    Month-and-day expressions without a year (2月25日, 今年2月1日) are resolved against
    the latest full year mentioned; 去年 is one year before it.
    """
    reference = _reference_year(text)
    events: list[tuple[dt.date, str, str]] = []
    for match in _FULL.finditer(text):
        day = _valid(*(int(g) for g in match.groups()))
        if day:
            events.append((day, "day", match.group()))
    for match in _YEAR_MONTH.finditer(text):
        day = _valid(int(match.group(1)), int(match.group(2)), 1)
        if day and not _target(text, match.start()):
            events.append((day, "month", match.group()))
    if reference:
        for match in _RELATIVE.finditer(text):
            year = reference + _OFFSETS[match.group(1)]
            day = _valid(year, int(match.group(2)), int(match.group(3)))
            if day and not _target(text, match.start()):
                events.append((day, "day", match.group()))
        for match in _RELATIVE_MONTH.finditer(text):
            day = _valid(reference + _OFFSETS[match.group(1)], int(match.group(2)), 1)
            if day:
                events.append((day, "month", match.group()))
    for match in _END_OF_YEAR.finditer(text):
        day = _valid(int(match.group(1)), 12, 1)
        if day:
            events.append((day, "month", match.group()))
    if not events and reference:
        return DateGuess(f"{reference:04d}-01-01", "inferred", f"{reference}年")
    if not events:
        return DateGuess("", "inferred", "")
    day, precision, evidence = max(events, key=lambda e: (e[0], e[1] == "day"))
    return DateGuess(day.isoformat(), "month" if precision == "month" else "inferred", evidence)


def _reference_year(text: str) -> int:
    years = [int(m.group(1)) for m in _YEAR.finditer(text)
             if MIN_YEAR <= int(m.group(1)) <= MAX_YEAR and not _target(text, m.start())]
    return max(years, default=0)


def _target(text: str, start: int) -> bool:
    """Is the date at `start` a plan's horizon ("到2025年", "2021-2030") rather than an event?"""
    return bool(_RANGE_OR_TARGET.search(text[max(0, start - 2):start]))


def _valid(year: int, month: int, day: int) -> dt.date | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
