"""Stage 1 — read: turn a seed file on disk into a `Page` (the only stage besides
`write` that touches the disk).

Bad input never raises out of here: it becomes a `Problem` with a one-line message.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import yaml

from parkdigest.convert.model import Line, Page, Problem, Severity

# A newspaper page is ~10-30 kB of text; 2 MiB is a hundred pages glued together, almost
# certainly a wrong file. Refusing it keeps memory and time per page bounded.
MAX_PAGE_BYTES = 2 * 1024 * 1024
# A page has ~50-300 text lines. Choosing junctions compares every broken line with every
# other (quadratic), so a page is refused beyond this many.
MAX_PAGE_LINES = 3000

# Share of undecodable or control characters above which a file is treated as binary.
MAX_CONTROL_SHARE = 0.01


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


class _SidecarLoader(yaml.SafeLoader):
    """Safe YAML that leaves dates as text: the schema validates them with a clear message
    (PyYAML's own date parsing raises a bare ValueError for 2024-13-45)."""


_SidecarLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_sidecar(path: Path, name: str) -> tuple[dict, tuple[Problem, ...]]:
    """Load `<stem>.yml` next to the seed: editor's overrides (validated in `sidecar`)."""
    from parkdigest.convert.sidecar import validate_sidecar  # local: keeps read importable on its own

    side = path.with_suffix(".yml")
    if not side.exists():
        return {}, ()
    side_name = str(Path(name).with_suffix(".yml"))
    try:
        data = yaml.load(side.read_text(encoding="utf-8"), Loader=_SidecarLoader) or {}
    except UnicodeDecodeError:
        return {}, (Problem(side_name, "sidecar is not UTF-8", "save it as UTF-8"),)
    except yaml.YAMLError as exc:
        # The construct that failed (context) points at the editor's line; the problem mark
        # may point past it, at the end of the file.
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        reason = getattr(exc, "problem", None) or "invalid YAML"
        return {}, (Problem(side_name, f"YAML syntax error: {reason}", "fix the YAML syntax", line=line),)
    return validate_sidecar(data, side_name, side.read_text(encoding="utf-8"))
