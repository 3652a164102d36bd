"""Incremental convert: skip pages whose seed, sidecar and converter are unchanged.

A page is reused only when all of these still hold:
- the hash of its seed and sidecar bytes is the one recorded when it was converted;
- the converter is the same (a hash of this package's code and data, jieba's version);
- its articles would get the same slugs (slugs are made unique across pages);
- its generated files are on disk as that run wrote them (a deleted or hand-edited
  article makes the page convert again, so the writer's hand-edit protection and its
  `kept …` messages behave exactly as without the cache).

The cache only ever skips work: whatever it cannot vouch for is converted and written
as if there were no cache, so output is byte-identical to an uncached run.
It is one JSON file per output directory under `.cache/parkdigest/` (git-ignored).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections import Counter
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

from parkdigest.convert.model import Article, PageResult, Problem, Severity
from parkdigest.convert.write import REPORTS_DIR, read_front_matter

DEFAULT_DIR = Path(".cache/parkdigest")
# Bump when the layout of the cache file changes: older files are then ignored.
FORMAT = 1
# An article kept because an editor changed it: never matches a file hash, so its page is
# converted (and the hand edit reported) on every run, as without the cache.
KEPT = "kept"
SIDECAR_SUFFIX = ".yml"


@cache
def converter_version() -> str:
    """A hash of everything that decides a page's output: this package's code and data
    files, jieba's version (its dictionary) and Python's (dict and float behaviour)."""
    import jieba

    from parkdigest import __version__

    digest = hashlib.sha256(f"{FORMAT}|{__version__}|{jieba.__version__}|{sys.version_info[:2]}".encode())
    package = Path(__file__).resolve().parents[1]  # parkdigest/, every stage and its data
    for path in sorted([*package.rglob("*.py"), *package.glob("data/*.yaml")]):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def page_key(seed: Path) -> str:
    """Hash of the seed's bytes and its sidecar's (or of its absence)."""
    digest = hashlib.sha256(seed.read_bytes())
    sidecar = seed.with_suffix(SIDECAR_SUFFIX)
    digest.update(b"\0sidecar\0" + (sidecar.read_bytes() if sidecar.exists() else b"-"))
    return digest.hexdigest()


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass
class Entry:
    """What a page's last conversion produced."""

    key: str
    slugs: list[str]  # as converted (before slugs were made unique across pages)
    final: list[str]  # as written
    outputs: dict[str, str]  # path relative to the output directory's parent -> file hash or KEPT
    problems: list[dict]


class ConvertCache:
    """The cache of one output directory (`docs/articles`)."""

    def __init__(self, directory: Path, out: Path):
        self.out = out
        self.root = out.parent  # outputs are stored relative to it (articles/…, sources/…)
        name = hashlib.sha256(str(out.resolve()).encode()).hexdigest()[:16]
        self.path = directory / f"convert-{name}.json"
        self.entries: dict[str, Entry] = {}
        self.sources: list[str] | None = None  # the seed names the last run pruned against
        self.signature: list = []  # the output files as the last run left them
        self.kept = False  # the last run kept a hand-edited file: the writer must report it again
        self._keys: dict[str, str] = {}
        self._load()

    def _load(self) -> None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):  # no cache yet, or a broken one: convert everything
            return
        if not isinstance(data, dict) or data.get("version") != converter_version():
            return
        self.entries = {name: Entry(**entry) for name, entry in data.get("pages", {}).items()}
        self.sources = data.get("sources")
        self.signature = data.get("signature", [])
        self.kept = bool(data.get("kept"))

    def stale(self, paths: list[Path]) -> list[Path]:
        """Seeds that must be converted: new, changed, or whose outputs changed on disk."""
        unchanged_dir = self.signature == output_signature(self.out)
        names = Counter(path.name for path in paths)
        todo = []
        for path in paths:
            entry = self.entries.get(path.name)
            self._keys[path.name] = page_key(path)
            if entry is None or entry.key != self._keys[path.name] or names[path.name] > 1:
                todo.append(path)
            elif KEPT in entry.outputs.values():
                todo.append(path)
            elif not unchanged_dir and not self._outputs_intact(entry):
                todo.append(path)
        return todo

    def _outputs_intact(self, entry: Entry) -> bool:
        for relative, digest in entry.outputs.items():
            path = self.root / relative
            if digest == KEPT or not path.is_file() or file_hash(path) != digest:
                return False
        return True

    def stand_in(self, path: Path) -> PageResult:
        """A reused page for slug making: its articles' slugs (and its problems), no text."""
        entry = self.entries[path.name]
        articles = tuple(Article(slug, {}, "") for slug in entry.slugs)
        return PageResult(path.name, None, articles, self.problems(path.name))

    def problems(self, name: str) -> tuple[Problem, ...]:
        return tuple(Problem(**dict(p, severity=Severity(p["severity"]))) for p in self.entries[name].problems)

    def slugs_changed(self, page: PageResult) -> bool:
        return [a.slug for a in page.articles] != self.entries[page.source].final

    def articles(self, name: str) -> list[str]:
        """A reused page's article files (as the writer names them)."""
        return [str(self.root / relative) for relative in self.entries[name].outputs if relative.endswith(".md")]

    def nothing_to_write(self, converted: list[PageResult], sources: set[str] | None) -> bool:
        """True when writing would change nothing: no page was converted, the output
        directory is as the last run left it and no seed has gone (nothing to prune)."""
        same_sources = (sorted(sources) if sources is not None else None) == self.sources
        return not converted and same_sources and not self.kept and self.signature == output_signature(self.out)

    def record(self, converted: list[PageResult], base_slugs: dict[str, list[str]], kept: list[str],
               reused: list[str], sources: set[str] | None) -> None:
        """Remember what this run wrote (call after writing, never on a dry run)."""
        kept_paths = {Path(p) for p in kept}
        entries = {name: self.entries[name] for name in reused}
        for page in converted:
            outputs = {}
            files = [self.out / f"{a.slug}.md" for a in page.articles]
            files.append(self.root / REPORTS_DIR / f"{Path(page.source).stem}.json")
            for path in files:
                ok = path not in kept_paths and path.is_file()
                outputs[self._relative(path)] = file_hash(path) if ok else KEPT
            entries[page.source] = Entry(self._keys[page.source], base_slugs[page.source],
                                         [a.slug for a in page.articles], outputs,
                                         [dict(asdict(p), severity=p.severity.value) for p in page.problems])
        for path in kept_paths:  # an old article of a page, kept: convert that page every time
            source = _source_of(path)
            if source in entries:
                entries[source].outputs.setdefault(self._relative(path), KEPT)
        data = {"version": converter_version(), "sources": sorted(sources) if sources is not None else None,
                "signature": output_signature(self.out), "kept": bool(kept),
                "pages": {name: asdict(entry) for name, entry in sorted(entries.items())}}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(f".{os.getpid()}.tmp")  # atomic: a parallel run never reads half a file
        temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, self.path)


    def _relative(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()


def _source_of(path: Path) -> str | None:
    meta = read_front_matter(path.read_text(encoding="utf-8")) if path.is_file() else None
    return str(meta["source"]) if isinstance(meta, dict) and meta.get("source") else None


def output_signature(out: Path) -> list:
    """Name, size and modification time of every article in `out` and every page report
    beside it: any deletion, addition or edit changes it."""
    rows = []
    for folder, suffix in ((out, ".md"), (out.parent / REPORTS_DIR, ".json")):
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    if entry.name.endswith(suffix) and entry.is_file():
                        stat = entry.stat()
                        rows.append([f"{folder.name}/{entry.name}", stat.st_size, stat.st_mtime_ns])
        except FileNotFoundError:
            continue
    return sorted(rows)
