"""Command line: a thin layer over the library (pipeline.run, check.check_articles)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from parkdigest import __version__

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return args.handler(args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug of ours: one line for the user, the traceback with --debug
        if getattr(args, "debug", False):
            raise
        print(f"parkdigest: internal error: {type(exc).__name__}: {exc} — rerun with --debug and report it",
              file=sys.stderr)
        return EXIT_ERRORS


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="parkdigest", description="园区动态: newspaper pages to a news site.")
    parser.add_argument("--version", action="version", version=f"parkdigest {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    convert = sub.add_parser("convert", help="turn seed pages into Markdown articles",
                             description="Turn seed pages (newspaper page text or PDF) into one Markdown article each.")
    convert.add_argument("inputs", nargs="*", type=Path, metavar="SEED_FILE_OR_DIR",
                         help="seed files (.txt page text, .pdf pages) or directories (default: seeds/)")
    convert.add_argument("--out", type=Path, default=Path("docs/articles"), help="output directory (default: docs/articles)")
    convert.add_argument("--report", action="store_true", help="print each page's conversion report")
    convert.add_argument("--check", action="store_true", help="change nothing; exit 1 if docs/ is out of date")
    convert.add_argument("--force", action="store_true", help="overwrite articles an editor changed by hand")
    convert.add_argument("--strict", action="store_true", help="treat warnings as errors")
    convert.add_argument("--jobs", type=int, default=0, help="processes to use (default: all cores)")
    convert.add_argument("--no-cache", action="store_true",
                         help="convert every page, even those unchanged since the last run (cache: .cache/parkdigest/)")
    convert.add_argument("--debug", action="store_true", help="show tracebacks")
    convert.set_defaults(handler=_convert)

    check = sub.add_parser("check", help="validate the front-matter of every article",
                           description="Validate every article's front-matter against the schema.")
    check.add_argument("directory", nargs="?", type=Path, default=Path("docs"), help="docs directory (default: docs)")
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check.add_argument("--debug", action="store_true", help="show tracebacks")
    check.set_defaults(handler=_check)

    bench = sub.add_parser("bench", help="measure convert and site build on synthetic pages",
                           description="Generate N synthetic pages from the seeds' own lines, convert them and "
                                       "build the site; print a table of times, memory and sizes.")
    bench.add_argument("--sizes", type=_sizes, default=None, metavar="N[,N…]",
                       help="numbers of pages to generate (default: 100,1000)")
    bench.add_argument("--json", type=Path, default=Path("bench-results/bench.json"), metavar="PATH",
                       help="where to save the figures (default: bench-results/bench.json)")
    bench.add_argument("--repeat", type=int, default=0,
                       help="runs per measure, median kept (default: 3 where affordable, else 1)")
    bench.add_argument("--jobs", type=int, default=0, help="processes for the all-cores convert (default: all cores)")
    bench.add_argument("--seeds", type=Path, default=Path("seeds"), help="real pages to resample (default: seeds/)")
    bench.add_argument("--keep", type=Path, default=None, metavar="DIR",
                       help="keep the generated pages, articles and sites in DIR (default: a temporary directory)")
    bench.add_argument("--no-build", action="store_true", help="measure convert only")
    bench.add_argument("--pdf", type=Path, nargs="?", const=Path("tests/devset-pdf/pdf"), default=None, metavar="DIR",
                       help="measure PDF pages instead (default DIR: tests/devset-pdf/pdf): convert beside "
                            "pdftotext and jieba, peak memory for one page and for all")
    bench.add_argument("--debug", action="store_true", help="show tracebacks")
    bench.set_defaults(handler=_bench)
    return parser


# Each command imports its part of the library when it runs: `parkdigest check` and
# `--help` stay quick, without loading jieba and the converter.


def _convert(args) -> int:
    from parkdigest.convert.cache import DEFAULT_DIR as CACHE_DIR
    from parkdigest.convert.pipeline import DEBUG_ENV, run
    from parkdigest.convert.write import page_report

    if args.debug:
        os.environ[DEBUG_ENV] = "1"
    inputs = args.inputs or [Path("seeds")]
    jobs = args.jobs or os.cpu_count() or 1
    # --report prints what only a conversion knows: it converts every page.
    cache_dir = None if args.no_cache or args.report else CACHE_DIR

    def show(page) -> None:  # each page as it is written: the run keeps no page in memory
        warnings = [p for p in page.problems if p.severity.value == "warning"]
        print(f"{page.source}: {len(page.articles)} articles, {len(page.layout.joins)} joins, "
              f"{len(page.layout.moves)} moved, {len(warnings)} warnings", flush=True)
        if args.report:
            print(page_report(page).dumps())

    result = run(inputs, args.out, force=args.force, dry_run=args.check, jobs=jobs, cache_dir=cache_dir,
                 keep_pages=False, on_page=show)
    if result.reused:
        print(f"{len(result.reused)} pages unchanged since the last run, not converted again (--no-cache converts them)")
    for problem in result.problems:
        print(problem, file=sys.stderr)
    for path in result.written.kept:
        print(f"kept hand-edited {path} (use --force to regenerate it)", file=sys.stderr)
    w = result.written
    print(f"{w.touched} changed ({len(w.created)} new, {len(w.changed)} updated, {len(w.removed)} removed), "
          f"{len(w.unchanged)} unchanged, {len(w.kept)} kept")
    if args.check and w.touched:
        print("docs are out of date with seeds: run 'parkdigest convert'", file=sys.stderr)
        return EXIT_ERRORS
    return EXIT_ERRORS if result.errors(strict=args.strict) else EXIT_OK


def _sizes(text: str) -> list[int]:
    try:
        sizes = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of numbers: {text!r} (e.g. 100,1000)") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("give page counts of 1 or more (e.g. 100,1000)")
    return sizes


def _bench(args) -> int:
    if args.pdf is not None:
        from parkdigest.bench.pdf import run_pdf_bench

        return run_pdf_bench(args.pdf, repeat=args.repeat or None, json_path=args.json.with_name("bench-pdf.json"))
    from parkdigest.bench.run import DEFAULT_SIZES, run_bench

    if not args.seeds.is_dir() or not any(args.seeds.glob("*.txt")):
        print(f"{args.seeds}: no seed pages (*.txt) to resample — give --seeds DIR", file=sys.stderr)
        return EXIT_USAGE
    run_bench(args.sizes or DEFAULT_SIZES, seeds=args.seeds, json_path=args.json, repeat=args.repeat,
              jobs=args.jobs or os.cpu_count() or 1, keep=args.keep, build=not args.no_build)
    return EXIT_OK


def _check(args) -> int:
    from parkdigest.articles.check import check_articles
    from parkdigest.articles.files import article_files

    if not args.directory.is_dir():
        print(f"{args.directory}: no such directory — give the docs directory", file=sys.stderr)
        return EXIT_USAGE
    problems = check_articles(args.directory)
    for problem in problems:
        print(problem, file=sys.stderr)
    errors = [p for p in problems if p.severity.value == "error" or args.strict]
    print(f"checked {len(article_files(args.directory))} articles: {len(errors)} errors, {len(problems) - len(errors)} warnings")
    return EXIT_ERRORS if errors else EXIT_OK
