"""Validate the front-matter of every article under docs/ (generated or hand-written).

Each problem reads `file:line: what is wrong — what to do`, the line being the one an
editor has to change (the rules are the output contract's, `files.validate_article`)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from parkdigest.articles.files import article_files, validate_article
from parkdigest.problems import Problem


def check_articles(root: Path) -> list[Problem]:
    """Problems of every article Markdown file under root/articles (or root, if it holds them)."""
    problems: list[Problem] = []
    slugs: dict[str, list[tuple[Path, int]]] = defaultdict(list)
    for path in article_files(root):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            problems.append(Problem(str(path), "file is not UTF-8", "save it as UTF-8"))
            continue
        checked = validate_article(str(path), text)
        problems += checked.problems
        if checked.meta:
            slugs[checked.meta.slug].append((path, checked.slug_line))
    for slug, places in slugs.items():
        for path, line in places[1:]:
            problems.append(Problem(str(path), f"slug '{slug}' is also the slug of {places[0][0].name}",
                                    "give one of them another slug (it is the article's URL)", line=line))
    return problems
