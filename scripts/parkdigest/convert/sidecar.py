"""An editor's sidecar `seeds/<stem>.yml`: facts about the page that win over inference.

    publication: 科技日报
    date: 2019-03-04
    page: 第5版               # the page number as printed (5 also works)
    articles:
      1:                      # the article's position on the page (1 = first), or its title
        zone: 成都高新区
        topics: [营商环境]
        park_news: true       # about parks (listed first on the site) or not
        title: 新标题
    split_at: [120]           # a new article starts at line 120 of the seed
    merge: [[3, 4]]           # article 4 (by position) is the rest of article 3
"""

from __future__ import annotations

import datetime as dt
from pathlib import PurePath

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from parkdigest.articles.files import key_line
from parkdigest.articles.schema import unknown_topics
from parkdigest.problems import Problem, Severity
from parkdigest.reference.gazetteer import zones
from parkdigest.reference.topics import taxonomy

SIDECAR_SUFFIX = ".yml"  # seeds/<stem>.yml beside seeds/<stem>.txt


def sidecar_name(source: str) -> str:
    """The file name of a seed's sidecar: 000_x.txt -> 000_x.yml."""
    return str(PurePath(source).with_suffix(SIDECAR_SUFFIX))


class ArticleOverride(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str | None = None
    zone: str | None = None
    topics: list[str] | None = None
    park_news: bool | None = None

    @field_validator("topics")
    @classmethod
    def _topics(cls, value: list[str] | None) -> list[str] | None:
        unknown = unknown_topics(value or [])
        if unknown:
            raise ValueError(f"unknown topic {'、'.join(unknown)}; use one of: {'、'.join(taxonomy().labels())}")
        return value


class Sidecar(BaseModel):
    model_config = ConfigDict(extra="forbid")
    publication: str | None = None
    date: dt.date | None = None
    page: str | None = None  # the page as printed: 第5版

    @field_validator("page", mode="before")
    @classmethod
    def _page(cls, value):
        """5 or "5" -> 第5版; any other wording is kept as the editor wrote it."""
        if isinstance(value, int) or (isinstance(value, str) and value.strip().isdigit()):
            return f"第{int(value)}版"
        return value
    articles: dict[str | int, ArticleOverride] = {}
    split_at: list[int] = []  # seed lines where a new article starts
    merge: list[tuple[int, int]] = []  # (article, later article that continues it), 1-based

    @field_validator("merge")
    @classmethod
    def _merge(cls, value: list[tuple[int, int]]) -> list[tuple[int, int]]:
        for first, second in value:
            if not 1 <= first < second:
                raise ValueError(f"[{first}, {second}]: give two article positions, the earlier first")
        return value

    @field_validator("date", mode="before")
    @classmethod
    def _date(cls, value):
        if isinstance(value, str):
            return dt.date.fromisoformat(value)
        return value


def validate_sidecar(data: object, name: str, text: str) -> tuple[dict, tuple[Problem, ...]]:
    """Return the sidecar as a plain dict, or the problems that make it unusable.

    A zone missing from the gazetteer is only a warning: the editor may know a park the
    gazetteer lacks (`parkdigest check` then asks for it in zones_unlisted)."""
    if not isinstance(data, dict):
        return {}, (Problem(name, "sidecar must be a mapping of keys to values",
                            "see README: publication, date, page, articles"),)
    try:
        model = Sidecar.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            key = str(err["loc"][0]) if err["loc"] else ""
            where = ".".join(str(part) for part in err["loc"])
            if err["type"] == "extra_forbidden":
                message = f"unknown key '{where}'"
                hint = "allowed keys: publication, date, page, articles (title, zone, topics, park_news), split_at, merge"
            elif where.endswith(".topics"):
                message, hint = f"bad value for '{where}': {err['msg'].removeprefix('Value error, ')}", \
                    "topics come from docs/guide.md"
            else:
                message, hint = f"bad value for '{where}': {err['msg']}", "dates are YYYY-MM-DD"
            parent = key if len(err["loc"]) > 1 else ""
            problems.append(Problem(name, message, hint, line=key_line(text, str(err["loc"][-1]), parent=parent)))
        return {}, tuple(problems)
    return model.model_dump(exclude_none=True), tuple(_zone_warnings(model, name, text))


def _zone_warnings(model: Sidecar, name: str, text: str) -> list[Problem]:
    return [Problem(name, f"zone '{o.zone}' of article {key} is not in the gazetteer",
                    "use a name from parkdigest/data/zones.yaml, or add the park there",
                    line=next((n for n, line in enumerate(text.splitlines(), start=1)
                               if "zone:" in line and o.zone in line), None), severity=Severity.WARNING)
            for key, o in model.articles.items() if o.zone and o.zone not in zones()]
