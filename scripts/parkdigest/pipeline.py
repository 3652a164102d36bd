"""The whole conversion on one screen: read → normalize → segment → reflow → metadata → write."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .cache import ConvertCache
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
    reused: list[str] = field(default_factory=list)  # seeds skipped: unchanged since the last run

    def errors(self, strict: bool = False) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR or strict]


def run(inputs: list[Path], out: Path, *, force: bool = False, dry_run: bool = False,
        jobs: int = 1, cache_dir: Path | None = None) -> RunResult:
    """Convert seed files (or directories of them) into articles under `out`.

    With `cache_dir`, pages unchanged since the last run are not converted again
    (cache.py); the files written are the same as without it.
    """
    paths, problems, whole_dirs = collect_seeds(inputs)
    existing = {p.name for d in whole_dirs for p in d.glob(f"*{SEED_SUFFIX}")} if whole_dirs else None
    cache = ConvertCache(cache_dir, out) if cache_dir else None
    todo = cache.stale(paths) if cache else paths
    outcomes = dict(zip(todo, convert_pages(todo, jobs)))
    pages = _with_unique_slugs(_in_order(paths, outcomes, cache))
    if cache:  # a reused page keeps its files only if its articles keep their slugs
        by_name = {path.name: path for path in paths}
        moved = [by_name[page.source] for page in _stand_ins(pages) if cache.slugs_changed(page)]
        if moved:
            outcomes.update(zip(moved, convert_pages(moved, jobs)))
            pages = _with_unique_slugs(_in_order(paths, outcomes, cache))
    problems += [outcomes[p] for p in paths if isinstance(outcomes.get(p), Problem)]
    for page in pages:
        problems += page.problems
    converted = [page for page in pages if page.layout is not None]
    reused = [page.source for page in _stand_ins(pages)]
    if cache and cache.nothing_to_write(converted, existing):
        written = WriteSummary()
    else:
        written = write_output(converted, out, sources=existing, force=force, dry_run=dry_run)
    if cache:
        for name in reused:
            written.unchanged += cache.articles(name)
        if not dry_run:
            base_slugs = {o.source: [a.slug for a in o.articles] for o in outcomes.values() if isinstance(o, PageResult)}
            cache.record(converted, base_slugs, written.kept, reused, existing)
    return RunResult(converted, problems, written, reused)


def convert_pages(paths: list[Path], jobs: int) -> list[PageResult | Problem]:
    """Convert pages, in parallel when asked; results in the order of `paths`."""
    if jobs > 1 and len(paths) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            return list(pool.map(convert_page, paths, chunksize=max(1, len(paths) // (jobs * 4))))
    return [convert_page(path) for path in paths]


def _in_order(paths: list[Path], outcomes: dict, cache: ConvertCache | None) -> list[PageResult]:
    """Converted pages and stand-ins for reused ones (slugs only), in seed order."""
    pages = [outcomes[p] if p in outcomes else cache.stand_in(p) for p in paths]
    return [page for page in pages if isinstance(page, PageResult)]


def _stand_ins(pages: list[PageResult]) -> list[PageResult]:
    return [page for page in pages if page.layout is None]


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
