"""The whole conversion on one screen: read → normalize → segment → reflow → metadata → write."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from parkdigest.convert.cache import ConvertCache
from parkdigest.convert.metadata import SlugAssigner, describe_articles
from parkdigest.convert.model import Article, PageResult, Problem, Severity
from parkdigest.convert.normalize import normalize_page
from parkdigest.convert.read import ReadError, read_page
from parkdigest.convert.reflow import reflow_page
from parkdigest.convert.segment import segment_page
from parkdigest.convert.write import OutputWriter, WriteSummary

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
        jobs: int = 1, cache_dir: Path | None = None, keep_pages: bool = True,
        on_page: Callable[[PageResult], None] | None = None) -> RunResult:
    """Convert seed files (or directories of them) into articles under `out`.

    Pages are written as they arrive, in seed order, so a run holds one page at a time
    (with `keep_pages=False`; `on_page` sees each converted page). With `cache_dir`, pages
    unchanged since the last run are not converted again (cache.py); the files written are
    the same as without it.
    """
    paths, problems, whole_dirs = collect_seeds(inputs)
    existing = {p.name for d in whole_dirs for p in d.glob(f"*{SEED_SUFFIX}")} if whole_dirs else None
    cache = ConvertCache(cache_dir, out) if cache_dir else None
    todo = cache.stale(paths) if cache else paths
    stale = set(todo)
    outcomes = convert_stream(todo, jobs)
    slugs = SlugAssigner()
    writer: OutputWriter | None = None
    pages, converted, reused, base_slugs = [], [], [], {}
    for path in paths:
        page = next(outcomes) if path in stale else cache.stand_in(path)
        if isinstance(page, PageResult) and page.layout is None and cache.slugs_changed(
                PageResult(page.source, None, tuple(Article(s, {}, "") for s in slugs.peek(page.articles)), ())):
            page = convert_page(path)  # reused, but an earlier page took its slugs: convert it again
        if isinstance(page, Problem):
            problems.append(page)
            continue
        if page.layout is None:
            slugs.assign(page.articles)
            reused.append(page.source)
            problems += page.problems
            continue
        base_slugs[page.source] = [a.slug for a in page.articles]
        page = PageResult(page.source, page.layout, tuple(slugs.assign(page.articles)), page.problems)
        problems += page.problems
        writer = writer or OutputWriter(out, sources=existing, force=force, dry_run=dry_run)
        writer.write_page(page)
        converted.append(_compact(page))
        if on_page:
            on_page(page)
        if keep_pages:
            pages.append(page)
    if writer is None and cache and cache.nothing_to_write([], existing):
        written = WriteSummary()
    else:
        written = (writer or OutputWriter(out, sources=existing, force=force, dry_run=dry_run)).finish()
    if cache:
        for name in reused:
            written.unchanged += cache.articles(name)
        if not dry_run:
            cache.record(converted, base_slugs, written.kept, reused, existing)
    return RunResult(pages, problems, written, reused)


def convert_stream(paths: list[Path], jobs: int) -> Iterator[PageResult | Problem]:
    """Convert pages, in parallel when asked; results one by one, in the order of `paths`."""
    if jobs > 1 and len(paths) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            yield from pool.map(convert_page, paths, chunksize=max(1, min(_MAX_CHUNK, len(paths) // (jobs * 4))))
    else:
        yield from (convert_page(path) for path in paths)


# Pages handed to a worker at a time: enough to keep it busy, few enough that results do
# not pile up in the parent waiting for their turn to be written.
_MAX_CHUNK = 8


def _compact(page: PageResult) -> PageResult:
    """What the cache needs to remember of a written page: its slugs and problems."""
    return PageResult(page.source, None, tuple(Article(a.slug, {}, "") for a in page.articles), page.problems)


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
