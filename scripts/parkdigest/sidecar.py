"""An editor's sidecar `seeds/<stem>.yml`: facts about the page that win over inference.

    publication: 科技日报
    date: 2019-03-04
    articles:
      1:                      # the article's position on the page (1 = first), or its title
        zone: 成都高新区
        topics: [营商环境]
        title: 新标题
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from .model import Problem


class ArticleOverride(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str | None = None
    zone: str | None = None
    topics: list[str] | None = None


class Sidecar(BaseModel):
    model_config = ConfigDict(extra="forbid")
    publication: str | None = None
    date: dt.date | None = None
    articles: dict[str | int, ArticleOverride] = {}

    @field_validator("date", mode="before")
    @classmethod
    def _date(cls, value):
        if isinstance(value, str):
            return dt.date.fromisoformat(value)
        return value


def validate_sidecar(data: object, name: str, text: str) -> tuple[dict, tuple[Problem, ...]]:
    """Return the sidecar as a plain dict, or the problems that make it unusable."""
    if not isinstance(data, dict):
        return {}, (Problem(name, "sidecar must be a mapping of keys to values",
                            "see README: publication, date, articles"),)
    try:
        model = Sidecar.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            key = str(err["loc"][0]) if err["loc"] else ""
            where = ".".join(str(part) for part in err["loc"])
            if err["type"] == "extra_forbidden":
                message, hint = f"unknown key '{where}'", "allowed keys: publication, date, articles (title, zone, topics)"
            else:
                message, hint = f"bad value for '{where}': {err['msg']}", "dates are YYYY-MM-DD"
            problems.append(Problem(name, message, hint, line=_line_of(text, key)))
        return {}, tuple(problems)
    return model.model_dump(exclude_none=True), ()


def _line_of(text: str, key: str) -> int | None:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith(f"{key}:"):
            return number
    return None
