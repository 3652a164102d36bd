"""Validate the front-matter of every article under docs/ (generated or hand-written)."""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import ValidationError

from .model import Problem, Severity
from .schema import FrontMatter, zone_problems

ARTICLES_DIR = "articles"


def check_articles(root: Path) -> list[Problem]:
    """Problems of every article Markdown file under root/articles (or root, if it holds them)."""
    directory = root / ARTICLES_DIR if (root / ARTICLES_DIR).is_dir() else root
    problems: list[Problem] = []
    for path in sorted(directory.rglob("*.md")):
        problems += check_file(path)
    return problems


def check_file(path: Path) -> list[Problem]:
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return [Problem(name, "file is not UTF-8", "save it as UTF-8")]
    if not text.startswith("---\n"):
        return [Problem(name, "no front-matter", "start the file with a '---' block (see docs/guide.md)", line=1)]
    end = text.find("\n---", 4)
    if end < 0:
        return [Problem(name, "front-matter is not closed", "add a line '---' after it", line=1)]
    source = text[4:end]
    try:
        data = yaml.safe_load(source)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        reason = getattr(exc, "problem", None) or "invalid YAML"
        return [Problem(name, f"YAML syntax error: {reason}", "quote values that contain ': ' or '#'", line=line)]
    if not isinstance(data, dict):
        return [Problem(name, "front-matter is not a mapping of keys to values", "write 'key: value' lines", line=2)]
    try:
        meta = FrontMatter.model_validate(data)
    except ValidationError as exc:
        return [_problem(name, source, err) for err in exc.errors()]
    return [Problem(name, message, "use a gazetteer name (parkdigest/data/zones.yaml) or add the park there",
                    line=_line_of(source, "zone"), severity=Severity(severity))
            for severity, message in zone_problems(meta)]


def _problem(name: str, source: str, err: dict) -> Problem:
    key = str(err["loc"][0]) if err["loc"] else ""
    message = err["msg"].removeprefix("Value error, ")
    if err["type"] == "missing":
        return Problem(name, f"missing '{key}'", f"add '{key}:' to the front-matter", line=2)
    hints = {"date": "write the date as YYYY-MM-DD", "topics": "pick topics from docs/guide.md",
             "tags": "tags repeat the topics", "slug": "use lowercase ASCII words joined by '-'"}
    line = _line_of(source, key) if key else 2
    return Problem(name, f"bad '{key}': {message}" if key else message, hints.get(key, "see docs/guide.md"), line=line)


def _line_of(source: str, key: str) -> int:
    for number, line in enumerate(source.splitlines(), start=2):
        if line.startswith(f"{key}:"):
            return number
    return 2
