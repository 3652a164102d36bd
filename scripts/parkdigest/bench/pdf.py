"""The PDF converter's cost, measured side by side with what copying a PDF's text costs.

In one sitting, each step in a fresh process (its wall and CPU time, and its peak memory from
wait4):
- `pdftotext` on every page (poppler: the text a PDF reader copies, no geometry), and jieba
  cutting that text (after jieba's dictionary is loaded): the floor for any converter that
  reads PDF text and segments Chinese;
- `parkdigest convert` on the same pages in one process (pages read by their geometry,
  pictures rendered, metadata, files written), after the same load;
- the converter on one page alone and on all of them, so that peak memory per page shows.

    parkdigest bench --pdf [PDF_DIR] [--repeat 3]    (or python -m parkdigest.bench.pdf …)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]
DEFAULT_PDFS = ROOT / "tests" / "devset-pdf" / "pdf"
REPEATS = 3
# The target: converting PDFs costs at most this many times pdftotext plus jieba.
TARGET_RATIO = 5.0


@dataclass(frozen=True)
class Measured:
    wall_s: float
    cpu_s: float
    peak_mb: float
    report: dict  # what the process measured itself (its last output line, JSON), if anything


def measured(command: list[str]) -> Measured:
    """Run a command in a fresh process: wall and CPU seconds, peak resident memory."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    out = process.stdout.read() if process.stdout else ""
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"bench: {' '.join(command[:3])} … failed")
    lines = [ln for ln in out.splitlines() if ln.startswith("{")]
    report = json.loads(lines[-1]) if lines else {}
    return Measured(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, report)


def measure_pdfs(pdfs: list[Path], repeats: int = REPEATS) -> dict:
    """The figures of one sitting (medians of `repeats` runs of each step, alternated)."""
    if not shutil.which("pdftotext"):
        raise RuntimeError("bench: pdftotext is missing (Debian's poppler-utils; `make bench` installs it)")
    with tempfile.TemporaryDirectory(prefix="parkdigest-pdfbench-") as work:
        texts = Path(work) / "texts"
        texts.mkdir()
        steps: dict[str, list[Measured]] = {"pdftotext": [], "jieba": [], "convert": [], "convert_one": []}
        for round_ in range(repeats):
            steps["pdftotext"].append(measured(
                ["sh", "-c", 'for f in "$@"; do pdftotext -enc UTF-8 "$f" "$0/$(basename "$f" .pdf).txt"; done',
                 str(texts), *map(str, pdfs)]))
            steps["jieba"].append(measured([sys.executable, "-m", "parkdigest.bench.pdf", "--task", "jieba", str(texts)]))
            out = Path(work) / f"out{round_}" / "articles"
            steps["convert"].append(measured([sys.executable, "-m", "parkdigest.bench.pdf", "--task", "convert",
                                              str(out), *map(str, pdfs)]))
            one = Path(work) / f"one{round_}" / "articles"
            steps["convert_one"].append(measured([sys.executable, "-m", "parkdigest.bench.pdf", "--task", "convert",
                                                  str(one), str(pdfs[0])]))
    pages = len(pdfs)
    figures: dict[str, Any] = {name: _median(runs) for name, runs in steps.items()}
    floor = figures["pdftotext"]["wall_s"] + figures["jieba"]["after_load_s"]
    figures["pages"] = pages
    figures["ratio_after_load"] = round(figures["convert"]["after_load_s"] / floor, 2)
    figures["ratio_whole"] = round(figures["convert"]["wall_s"] / (figures["pdftotext"]["wall_s"]
                                                                   + figures["jieba"]["wall_s"]), 2)
    # The same after load in CPU seconds: on a machine shared with other work, a long process
    # waits for a core more than a short one, and CPU time does not count the waiting.
    if "after_load_cpu_s" in figures["convert"] and "after_load_cpu_s" in figures["jieba"]:
        figures["ratio_after_load_cpu"] = round(figures["convert"]["after_load_cpu_s"] / (
            figures["pdftotext"]["cpu_s"] + figures["jieba"]["after_load_cpu_s"]), 2)
    figures["target_ratio"] = TARGET_RATIO
    return figures


def _median(runs: list[Measured]) -> dict:
    out = {"wall_s": round(statistics.median(r.wall_s for r in runs), 3),
           "cpu_s": round(statistics.median(r.cpu_s for r in runs), 3),
           "peak_mb": round(max(r.peak_mb for r in runs), 1)}
    for key in ("after_load_s", "after_load_cpu_s"):
        after = [r.report[key] for r in runs if key in r.report]
        if after:
            out[key] = round(statistics.median(after), 3)
    return out


def format_table(figures: dict) -> str:
    pages = figures["pages"]

    def row(label: str, step: dict) -> str:
        after = f"{step['after_load_s']:.2f}" if "after_load_s" in step else "—"
        return (f"{label:<34}{step['wall_s']:>8.2f}{after:>12}{step['cpu_s']:>8.2f}"
                f"{1000 * step['wall_s'] / pages:>10.0f}{step['peak_mb']:>9.0f}")

    lines = [f"PDF pages: {pages}", f"{'step (one process each)':<34}{'wall s':>8}{'after load':>12}{'cpu s':>8}"
             f"{'ms/page':>10}{'peak MB':>9}",
             row("pdftotext", figures["pdftotext"]), row("jieba on that text", figures["jieba"]),
             row("parkdigest convert", figures["convert"]),
             row("parkdigest convert, one page", dict(figures["convert_one"], wall_s=figures["convert_one"]["wall_s"])),
             f"convert ÷ (pdftotext + jieba), after load: {figures['ratio_after_load']}× "
             f"(target ≤ {figures['target_ratio']:g}×); whole processes: {figures['ratio_whole']}×"
             + (f"; CPU after load: {figures['ratio_after_load_cpu']}×" if "ratio_after_load_cpu" in figures else ""),
             f"peak memory: {figures['convert_one']['peak_mb']:.0f} MB for one page, "
             f"{figures['convert']['peak_mb']:.0f} MB for {pages} (one file at a time, the next one opened ahead)"]
    return "\n".join(lines)


# --- the measured steps, each in its own process ------------------------------------------------


def _task_jieba(texts: str) -> dict:
    import jieba

    jieba.initialize()
    start, cpu = time.perf_counter(), time.process_time()
    for path in sorted(Path(texts).glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            jieba.lcut(line)
    return {"after_load_s": time.perf_counter() - start, "after_load_cpu_s": time.process_time() - cpu}


def _task_convert(out: str, *pdfs: str) -> dict:
    from parkdigest.convert.pipeline import load, run

    load()  # jieba's dictionary, the tables built from it and our reference data, as for the jieba baseline
    start, cpu = time.perf_counter(), time.process_time()
    result = run([Path(p) for p in pdfs], Path(out), jobs=1, keep_pages=False)
    if any(p.severity.value == "error" for p in result.problems):
        raise SystemExit("bench: a PDF did not convert")
    return {"after_load_s": time.perf_counter() - start, "after_load_cpu_s": time.process_time() - cpu}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m parkdigest.bench.pdf", description=__doc__.splitlines()[0])
    parser.add_argument("pdf_dir", nargs="?", type=Path, default=DEFAULT_PDFS)
    parser.add_argument("--repeat", type=int, default=REPEATS)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--task", help=argparse.SUPPRESS)
    args, rest = parser.parse_known_args(argv)
    if args.task:
        report = _task_jieba(str(args.pdf_dir)) if args.task == "jieba" else _task_convert(str(args.pdf_dir), *rest)
        print(json.dumps(report))
        return 0
    return run_pdf_bench(args.pdf_dir, repeat=args.repeat, json_path=args.json)


def run_pdf_bench(pdf_dir: Path, *, repeat: int | None = None, json_path: Path | None = None) -> int:
    """Measure, print the table, save the figures: `parkdigest bench --pdf`."""
    pdfs = sorted(pdf_dir.glob("*.pdf"))
    if not pdfs:
        print(f"bench: no PDF in {pdf_dir} — give a folder of PDF pages", file=sys.stderr)
        return 2
    try:
        figures = measure_pdfs(pdfs, repeat or REPEATS)
    except RuntimeError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(format_table(figures))
    if json_path:
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
