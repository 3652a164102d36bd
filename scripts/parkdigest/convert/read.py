"""Stage 1 — read: find the seed files and turn each into a `Page` (the only stage
besides `write` that touches the disk).

Bad input never raises out of here: it becomes a `Problem` with a one-line message.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

import yaml

from parkdigest.articles.files import load_yaml_text
from parkdigest.convert.model import Line, Page
from parkdigest.convert.sidecar import SIDECAR_SUFFIX, sidecar_name, validate_sidecar
from parkdigest.problems import Problem, Severity

# A newspaper page is ~10-30 kB of text; 2 MiB is a hundred pages glued together, almost
# certainly a wrong file. Refusing it keeps memory and time per page bounded.
MAX_PAGE_BYTES = 2 * 1024 * 1024
# A page has ~50-300 text lines. Choosing junctions compares every broken line with every
# other (quadratic), so a page is refused beyond this many.
MAX_PAGE_LINES = 3000

# Share of undecodable or control characters above which a file is treated as binary.
MAX_CONTROL_SHARE = 0.01
TEXT_SUFFIX = ".txt"  # a page's copied text
PDF_SUFFIX = ".pdf"  # a page (or a newsletter's pages) as the digital edition publishes it
SEED_SUFFIXES = (TEXT_SUFFIX, PDF_SUFFIX)


def is_pdf(path: Path) -> bool:
    return path.suffix.lower() == PDF_SUFFIX


@dataclass(frozen=True)
class Seeds:
    """The seed files a run converts, in order."""

    paths: tuple[Path, ...]
    problems: tuple[Problem, ...]  # inputs that do not exist
    # Names of every seed in the directories given: generated articles of other sources
    # are pruned. None (only files given): prune nothing.
    present: frozenset[str] | None


def collect_seeds(inputs: list[Path]) -> Seeds:
    """Seed files named or found in named directories, sorted (file-system order varies)."""
    paths: list[Path] = []
    problems: list[Problem] = []
    present: set[str] | None = None
    for item in inputs:
        if item.is_dir():
            found = sorted(p for p in item.iterdir() if p.is_file() and p.suffix.lower() in SEED_SUFFIXES)
            paths += found
            present = (present or set()) | {p.name for p in found}
        elif item.is_file():
            paths.append(item)
        else:
            problems.append(Problem(str(item), "no such file or directory", "check the path"))
    unique = sorted(set(paths), key=lambda p: (p.name, str(p)))
    return Seeds(tuple(unique), tuple(problems), frozenset(present) if present is not None else None)


class ReadError(Exception):
    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def read_page(path: Path, display: str | None = None) -> Page:
    """Read a seed file (and its optional sidecar `<stem>.yml`) into a Page."""
    name = display or path.name
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ReadError(Problem(name, f"cannot read file ({exc.strerror})", "check the path")) from None
    if size > MAX_PAGE_BYTES:
        raise ReadError(Problem(
            name, f"file is {size / 2**20:.1f} MB, over the {MAX_PAGE_BYTES // 2**20} MB limit for one page",
            "split it into one file per newspaper page"))
    raw = path.read_bytes()
    text, problems = decode(raw, name)
    if not text.strip():
        raise ReadError(Problem(name, "file is empty", "add the page text or delete the file"))
    lines = tuple(Line(i + 1, t) for i, t in enumerate(text.split("\n")))
    text_lines = sum(1 for line in lines if line.text.strip())
    if text_lines > MAX_PAGE_LINES:
        raise ReadError(Problem(name, f"page has {text_lines} text lines, over the {MAX_PAGE_LINES} limit for one page",
                                "split it into one file per newspaper page"))
    sidecar, sidecar_problems = read_sidecar(path, name)
    return Page(name, lines, sidecar=sidecar, problems=tuple(problems) + sidecar_problems)


def decode(raw: bytes, name: str) -> tuple[str, list[Problem]]:
    """Decode bytes as UTF-8 (BOM allowed), UTF-16 with BOM, or GB18030 with a warning."""
    problems: list[Problem] = []
    if raw.startswith(codecs.BOM_UTF16_LE) or raw.startswith(codecs.BOM_UTF16_BE):
        text = raw.decode("utf-16")
        problems.append(Problem(name, "file is UTF-16; read it as such", "save seeds as UTF-8",
                                severity=Severity.WARNING))
    else:
        if b"\x00" in raw:
            raise ReadError(Problem(name, "file looks binary (it contains NUL bytes)",
                                    "give the page's plain text (.txt, UTF-8)"))
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = raw.decode("gb18030")
            except UnicodeDecodeError:
                raise ReadError(Problem(name, "file is neither UTF-8 nor GB18030 text",
                                        "save it as UTF-8")) from None
            problems.append(Problem(name, "file is GBK/GB18030, not UTF-8; converted it",
                                    "save seeds as UTF-8", severity=Severity.WARNING))
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\t")
    if text and controls / len(text) > MAX_CONTROL_SHARE:
        raise ReadError(Problem(name, "file looks binary (many control characters)",
                                "give the page's plain text (.txt, UTF-8)"))
    return text, problems


def read_sidecar(path: Path, name: str) -> tuple[dict, tuple[Problem, ...]]:
    """Load `<stem>.yml` next to the seed: editor's overrides (validated in `sidecar`)."""
    side = path.with_suffix(SIDECAR_SUFFIX)
    if not side.exists():
        return {}, ()
    side_name = sidecar_name(name)
    try:
        text = side.read_text(encoding="utf-8")
        data = load_yaml_text(text) or {}
    except UnicodeDecodeError:
        return {}, (Problem(side_name, "sidecar is not UTF-8", "save it as UTF-8"),)
    except yaml.YAMLError as exc:
        # The construct that failed (context) points at the editor's line; the problem mark
        # may point past it, at the end of the file.
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        reason = getattr(exc, "problem", None) or "invalid YAML"
        return {}, (Problem(side_name, f"YAML syntax error: {reason}", "fix the YAML syntax", line=line),)
    return validate_sidecar(data, side_name, text)
