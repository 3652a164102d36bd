"""The whole conversion on one screen: collect → plan → convert (read → normalize → segment
→ reflow → metadata → validate) → assign slugs → write → record."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from parkdigest.articles.files import article_path, validate_article
from parkdigest.convert import furniture, words
from parkdigest.convert.cache import Convert, Planner, Reuse, Written
from parkdigest.convert.metadata import describe_articles
from parkdigest.convert.model import Page, PageResult
from parkdigest.convert.normalize import normalize_page
from parkdigest.convert.pdf.extract import PdfError, PdfReader
from parkdigest.convert.pdf.segment import segment_pdf
from parkdigest.convert.read import ReadError, collect_seeds, is_pdf, read_page
from parkdigest.convert.reflow import reflow_page
from parkdigest.convert.render import render_file
from parkdigest.convert.segment import segment_page
from parkdigest.convert.slugs import SlugAssigner
from parkdigest.convert.write import OutputWriter, WriteSummary
from parkdigest.problems import Problem, Severity
from parkdigest.reference import gazetteer
from parkdigest.reference.topics import taxonomy
from parkdigest.resources import language_words, layout_words

# Set (by `--debug`) to let errors inside a page's conversion raise with their traceback;
# an environment variable reaches the worker processes too.
DEBUG_ENV = "PARKDIGEST_DEBUG"
INTERNAL_ERROR_HINT = "rerun with --debug and report it with this seed file"


@dataclass
class RunResult:
    pages: list[PageResult]
    problems: list[Problem]
    written: WriteSummary
    reused: list[str] = field(default_factory=list)  # seeds skipped: unchanged since the last run

    def errors(self, strict: bool = False) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR or strict]


@cache
def load() -> None:
    """Load everything the converter reads once per process: jieba's dictionary and the
    tables built from it, the gazetteer's and the furniture rules' patterns, the taxonomy and
    the word lists. Otherwise each loads when the first page asks for it; loading first keeps
    that cost out of a page's (the benchmark's "after load", as `jieba.initialize()` for jieba).
    Done once a process: a later run (a long-lived process converting again) finds it done."""
    words.load()
    furniture.load()
    gazetteer.load()
    taxonomy()
    layout_words()
    language_words()
    # What was loaded lives as long as the process (millions of objects: jieba's dictionary
    # above all): the cycle collector's full passes, set off by the objects each page makes,
    # need not walk it again. Garbage is collected first, so that none is kept frozen.
    gc.collect()
    gc.freeze()


def run(inputs: list[Path], out: Path, *, force: bool = False, dry_run: bool = False,
        jobs: int = 1, cache_dir: Path | None = None, keep_pages: bool = True,
        on_page: Callable[[PageResult], None] | None = None) -> RunResult:
    """Convert seed files (or directories of them) into articles under `out`, written as they
    arrive in seed order (with `keep_pages=False` a run holds one page at a time; `on_page` sees
    each). With `cache_dir`, pages unchanged since the last run are reused (cache.py): same files."""
    seeds = collect_seeds(inputs)
    planner = Planner(cache_dir, out) if cache_dir else None
    plan = planner.plan(list(seeds.paths)) if planner else [Convert(path) for path in seeds.paths]
    writer = OutputWriter(out, sources=seeds.present, force=force, dry_run=dry_run)
    slugs = SlugAssigner()
    tally = _Tally(list(seeds.problems))
    for page in _pages_in_order(plan, jobs, slugs):
        if isinstance(page, PageResult):
            final = tally.write(page, slugs, writer)
            if on_page:
                on_page(final)
            if keep_pages:
                tally.pages.append(final)
        else:
            tally.note(page, slugs)
    nothing_to_prune = not writer.wrote and planner is not None and planner.nothing_to_prune(seeds.present)
    summary = WriteSummary() if nothing_to_prune else writer.finish()
    summary.unchanged += [file for page in tally.reused for file in page.files]
    if planner and not dry_run:
        planner.record(tally.written, summary.kept, tally.reused_names(), seeds.present)
    return RunResult(tally.pages, tally.problems, summary, tally.reused_names())


@dataclass
class _Tally:
    """What a run has met so far, page by page: problems, pages written, pages reused."""

    problems: list[Problem]
    pages: list[PageResult] = field(default_factory=list)
    written: list[Written] = field(default_factory=list)
    reused: list[Reuse] = field(default_factory=list)

    def note(self, page: Reuse | Problem, slugs: SlugAssigner) -> None:
        """A seed that could not be converted, or one unchanged since the last run (its slugs taken,
        its warnings said again as on the run that converted it)."""
        if isinstance(page, Problem):
            self.problems.append(page)
        else:
            self.problems += page.problems
            slugs.take(page.slugs)
            self.reused.append(page)

    def write(self, page: PageResult, slugs: SlugAssigner, writer: OutputWriter) -> PageResult:
        """The page with its final slugs, written; what was written recorded for the cache."""
        self.problems += page.problems
        final = replace(page, articles=slugs.assign(page.articles))
        writer.write_page(final)
        self.written.append(Written(page.source, tuple(a.slug for a in page.articles),
                                    tuple(a.slug for a in final.articles), page.problems,
                                    tuple(p.page for p in page.pictures)))
        return final

    def reused_names(self) -> list[str]:
        return [page.seed.name for page in self.reused]


def _pages_in_order(plan: Sequence[Convert | Reuse], jobs: int,
                    slugs: SlugAssigner) -> Iterator[PageResult | Reuse | Problem]:
    """Each planned seed's page, in plan order: converted, or reused from the cache unless an
    earlier page now takes its slugs (then it is converted again)."""
    converted = convert_stream([step.seed for step in plan if isinstance(step, Convert)], jobs)
    for step in plan:
        page = next(converted) if isinstance(step, Convert) else step
        if isinstance(page, Reuse) and slugs.peek(page.slugs) != page.final:
            page = convert_page(page.seed)
        yield page


def convert_stream(paths: list[Path], jobs: int) -> Iterator[PageResult | Problem]:
    """Convert pages, in parallel when asked; results one by one, in the order of `paths`."""
    if jobs > 1 and len(paths) > 1:
        with ProcessPoolExecutor(max_workers=jobs, initializer=load) as pool:
            yield from pool.map(convert_page, paths, chunksize=max(1, min(_MAX_CHUNK, len(paths) // (jobs * 4))))
    elif paths:
        load()
        with PdfReader([path for path in paths if is_pdf(path)]) as pdfs:
            yield from (convert_page(path, pdfs) for path in paths)


# Pages handed to a worker at a time: enough to keep it busy, few enough that results do
# not pile up in the parent waiting for their turn to be written.
_MAX_CHUNK = 8


def convert_page(path: Path, pdfs: PdfReader | None = None) -> PageResult | Problem:
    """One seed file to its articles, in memory (only `read` touches the disk); a PDF by
    `pdfs` when the caller reads several in turn."""
    if is_pdf(path):
        if pdfs is None:
            with PdfReader() as reader:
                return convert_pdf(path, reader)
        return convert_pdf(path, pdfs)
    try:
        page = read_page(path)
    except ReadError as exc:
        return exc.problem
    try:
        result = _convert(page)
    except Exception as exc:  # a bug of ours on one page: report it, convert the others
        if os.environ.get(DEBUG_ENV):
            raise
        return Problem(page.source, f"internal error: {type(exc).__name__}: {exc}", INTERNAL_ERROR_HINT)
    return invalid_article(result) or result


def convert_pdf(path: Path, pdfs: PdfReader) -> PageResult | Problem:
    """A PDF seed to its articles: its pages read by their geometry, then the same metadata
    and validation as a text page (the pages' pictures are drawn meanwhile, on pdfs' thread)."""
    try:
        seed = pdfs.read(path)
    except PdfError as exc:
        return Problem(path.name, exc.message, exc.hint)
    try:
        layout, page = segment_pdf(seed)
        described = describe_articles(layout, page)
        result = PageResult(page.source, layout, described.articles,
                            page.problems + layout.warnings + described.problems, pictures=seed.pictures.result(),
                            text=tuple(line.text for line in page.lines), facts=described.facts)
    except Exception as exc:  # a bug of ours on one page: report it, convert the others
        if os.environ.get(DEBUG_ENV):
            raise
        return Problem(seed.source, f"internal error: {type(exc).__name__}: {exc}", INTERNAL_ERROR_HINT)
    return invalid_article(result) or result


def _convert(page: Page) -> PageResult:
    page = normalize_page(page)
    segmentation = segment_page(page)
    layout = reflow_page(segmentation)
    described = describe_articles(layout, page)
    return PageResult(page.source, layout, described.articles, page.problems + layout.warnings + described.problems,
                      facts=described.facts)


def invalid_article(result: PageResult) -> Problem | None:
    """An article that `parkdigest check` would reject, as an internal error of its page: the
    converter must never write one (the page is then not written at all)."""
    for article in result.articles:
        errors = validate_article(article_path(Path(), article.slug).name, render_file(article.meta, article.body)).errors
        if errors:
            return Problem(result.source, f"internal error: article '{article.meta.get('title', article.slug)}' "
                           f"breaks the front-matter schema ({'; '.join(p.message for p in errors)})",
                           INTERNAL_ERROR_HINT)
    return None
