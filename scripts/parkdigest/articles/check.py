"""Validate the front-matter of every article under docs/ (generated or hand-written).

Each problem reads `file:line: what is wrong — what to do`, the line being the one an
editor has to change."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import yaml
from pydantic import ValidationError

from parkdigest.convert.model import Problem, Severity
from parkdigest.articles.schema import SLUG_MAX_CHARS, FrontMatter, unknown_topics, zone_problems
from parkdigest.reference.topics import taxonomy

ARTICLES_DIR = "articles"
FIRST_KEY_LINE = 2  # line 1 of the file is the opening '---'
_HINTS = {
    "date": "write the date as YYYY-MM-DD, e.g. 2024-05-06",
    "date_precision": "use day (printed or given by an editor), month or inferred",
    "slug": f"use lowercase ASCII words joined by '-', at most {SLUG_MAX_CHARS} characters",
    "summary": "shorten it to the lead's first sentences",
    "readtime": "give whole minutes, 1 or more",
    "confidence": "a number from 0 to 1",
}


class _Loader(yaml.SafeLoader):
    """YAML as editors write it, with dates kept as text: the schema then says what is
    wrong with '2024-13-45' instead of YAML failing without a line number."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def article_files(root: Path) -> list[Path]:
    """The article Markdown files under root/articles (or root, if it holds them)."""
    directory = root / ARTICLES_DIR if (root / ARTICLES_DIR).is_dir() else root
    return sorted(directory.rglob("*.md"))


def check_articles(root: Path) -> list[Problem]:
    """Problems of every article Markdown file under root/articles (or root, if it holds them)."""
    problems: list[Problem] = []
    slugs: dict[str, list[tuple[Path, int]]] = defaultdict(list)
    for path in article_files(root):
        file_problems, slug = _check(path)
        problems += file_problems
        if slug:
            slugs[slug[0]].append((path, slug[1]))
    for slug, places in slugs.items():
        for path, line in places[1:]:
            problems.append(Problem(str(path), f"slug '{slug}' is also the slug of {places[0][0].name}",
                                    "give one of them another slug (it is the article's URL)", line=line))
    return problems


def check_file(path: Path) -> list[Problem]:
    return _check(path)[0]


def _check(path: Path) -> tuple[list[Problem], tuple[str, int] | None]:
    """(problems, (slug, its line) when the front-matter is valid)."""
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n").removeprefix("\ufeff")
    except UnicodeDecodeError:
        return [Problem(name, "file is not UTF-8", "save it as UTF-8")], None
    if not text.startswith("---\n"):
        return [Problem(name, "no front-matter", "start the file with a '---' block (see docs/guide.md)", line=1)], None
    end = text.find("\n---", 3)
    if end < 0:
        return [Problem(name, "front-matter is not closed", "add a line '---' after it", line=1)], None
    source = text[4:end]
    try:
        data = yaml.load(source, Loader=_Loader)  # noqa: S506 — a SafeLoader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + FIRST_KEY_LINE if mark else 1
        reason = getattr(exc, "problem", None) or "invalid YAML"
        return [Problem(name, f"YAML syntax error: {reason}",
                        "quote values that contain ': ' or '#', and indent lists the same way", line=line)], None
    if not isinstance(data, dict):
        return [Problem(name, "front-matter is not a mapping of keys to values", "write 'key: value' lines",
                        line=FIRST_KEY_LINE)], None
    try:
        meta = FrontMatter.model_validate(data)
    except ValidationError as exc:
        return [p for err in exc.errors() for p in _problems(name, source, data, err)], None
    problems = [Problem(name, z.message,
                        "use a name from parkdigest/data/zones.yaml, or add the park there"
                        + ("" if z.severity == "warning" else " (or list it in zones_unlisted)"),
                        line=_line_of_value(source, z.key, z.name), severity=Severity(z.severity))
                for z in zone_problems(meta)]
    if meta.zone and meta.zones and meta.zones[0] != meta.zone:
        problems.append(Problem(name, f"zone '{meta.zone}' is not the first of zones",
                                "list the main park first in zones", line=_line_of(source, "zones"),
                                severity=Severity.WARNING))
    return problems, (meta.slug, _line_of(source, "slug"))


def _problems(name: str, source: str, data: dict, err: dict) -> list[Problem]:
    key = str(err["loc"][0]) if err["loc"] else ""
    if err["type"] == "missing":
        return [Problem(name, f"missing '{key}'", f"add a line '{key}: …' to the front-matter (see docs/guide.md)",
                        line=1)]
    if key in ("topics", "tags") and isinstance(data.get(key), list) and unknown_topics(data[key]):
        return [Problem(name, f"unknown topic '{topic}' in {key}", f"use one of: {'、'.join(taxonomy().labels())}",
                        line=_line_of_value(source, key, topic)) for topic in unknown_topics(data[key])]
    if not key:  # a rule about the whole front-matter
        return [Problem(name, err["msg"].removeprefix("Value error, "), "see docs/guide.md", line=FIRST_KEY_LINE)]
    value = data.get(key)
    if key == "title" and not str(value or "").strip():
        return [Problem(name, "'title' is empty", "write the headline", line=_line_of(source, key))]
    what = f"bad {key} '{value}'" if isinstance(value, (str, int, float)) or value is None else f"bad {key}"
    reason = err["msg"].removeprefix("Value error, ")
    hint = _HINTS.get(key, reason if reason not in what else "see docs/guide.md")
    return [Problem(name, f"{what}: {reason}" if key not in _HINTS else what, hint, line=_line_of(source, key))]


def _line_of(source: str, key: str) -> int:
    for number, line in enumerate(source.splitlines(), start=FIRST_KEY_LINE):
        if line.startswith(f"{key}:"):
            return number
    return FIRST_KEY_LINE


def _line_of_value(source: str, key: str, value: str) -> int:
    """The line of `value` under `key`: the key's own line (inline lists) or an item below it."""
    start = _line_of(source, key)
    lines = source.splitlines()
    for number in range(start, FIRST_KEY_LINE + len(lines)):
        line = lines[number - FIRST_KEY_LINE]
        if number > start and line and not line.startswith((" ", "-")):
            break  # the next key: the value is not in a list below this one
        if value in line:
            return number
    return start
