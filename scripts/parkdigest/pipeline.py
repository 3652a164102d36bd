"""The whole conversion on one screen: read → normalize → segment → reflow → metadata → write."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .metadata import describe_articles, unique_slugs
from .model import PageResult, Problem, Severity
from .normalize import normalize_page
from .read import ReadError, read_page
from .reflow import reflow_page
from .segment import segment_page
from .write import WriteSummary, write_output

SEED_SUFFIX = ".txt"
# Set (by `--debug`) to let errors inside a page's conversion raise with their traceback;
# an environment variable reaches the worker processes too.
DEBUG_ENV = "PARKDIGEST_DEBUG"


@dataclass
class RunResult:
    pages: list[PageResult]
    problems: list[Problem]
    written: WriteSummary

    def errors(self, strict: bool = False) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR or strict]


def run(inputs: list[Path], out: Path, *, force: bool = False, dry_run: bool = False,
        jobs: int = 1) -> RunResult:
    """Convert seed files (or directories of them) into articles under `out`."""
    paths, problems, whole_dirs = collect_seeds(inputs)
    if jobs > 1 and len(paths) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            outcomes = list(pool.map(convert_page, paths, chunksize=max(1, len(paths) // (jobs * 4))))
    else:
        outcomes = [convert_page(path) for path in paths]
    pages = [o for o in outcomes if isinstance(o, PageResult)]
    problems += [o for o in outcomes if isinstance(o, Problem)]
    for page in pages:
        problems += page.problems
    pages = _with_unique_slugs(pages)
    existing = {p.name for d in whole_dirs for p in d.glob(f"*{SEED_SUFFIX}")} if whole_dirs else None
    written = write_output(pages, out, sources=existing, force=force, dry_run=dry_run)
    return RunResult(pages, problems, written)


def convert_page(path: Path) -> PageResult | Problem:
    """One seed file to its articles, in memory (only `read` touches the disk)."""
    try:
        page = read_page(path)
    except ReadError as exc:
        return exc.problem
    try:
        return _convert(page)
    except Exception as exc:  # a bug of ours on one page: report it, convert the others
        if os.environ.get(DEBUG_ENV):
            raise
        return Problem(page.source, f"internal error: {type(exc).__name__}: {exc}",
                       "rerun with --debug and report it with this seed file")


def _convert(page) -> PageResult:
    page = normalize_page(page)
    segmentation = segment_page(page)
    layout = reflow_page(segmentation)
    articles, problems = describe_articles(layout, page)
    return PageResult(page.source, layout, articles, page.problems + layout.warnings + problems)


def collect_seeds(inputs: list[Path]) -> tuple[list[Path], list[Problem], list[Path]]:
    """Seed files named or found in named directories, sorted (file-system order varies)."""
    paths, problems, dirs = [], [], []
    for item in inputs:
        if item.is_dir():
            dirs.append(item)
            paths += sorted(item.glob(f"*{SEED_SUFFIX}"))
        elif item.is_file():
            paths.append(item)
        else:
            problems.append(Problem(str(item), "no such file or directory", "check the path"))
    return sorted(set(paths), key=lambda p: (p.name, str(p))), problems, dirs


def _with_unique_slugs(pages: list[PageResult]) -> list[PageResult]:
    flat = [a for page in pages for a in page.articles]
    fixed = iter(unique_slugs(flat))
    return [PageResult(p.source, p.layout, tuple(next(fixed) for _ in p.articles), p.problems) for p in pages]
