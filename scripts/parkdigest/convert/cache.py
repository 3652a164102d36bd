"""Incremental convert: the planner says, per seed, "reuse" (its slugs and problems) or
"convert", and afterwards records what the run wrote.

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
from collections.abc import Set as AbstractSet
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

import jieba

from parkdigest import __version__
from parkdigest.articles.files import (
    ARTICLE_SUFFIX,
    PICTURE_SUFFIX,
    REPORT_SUFFIX,
    REPORTS_DIR,
    article_path,
    picture_path,
    read_front_matter,
    report_path,
)
from parkdigest.convert.sidecar import SIDECAR_SUFFIX
from parkdigest.problems import Problem, Severity

DEFAULT_DIR = Path(".cache/parkdigest")
# Bump when the layout of the cache file changes: older files are then ignored.
FORMAT = 1
# An article kept because an editor changed it: never matches a file hash, so its page is
# converted (and the hand edit reported) on every run, as without the cache.
KEPT = "kept"


@cache
def converter_version() -> str:
    """A hash of everything that decides a page's output: this package's code and data
    files, jieba's version (its dictionary) and Python's (dict and float behaviour)."""
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


@dataclass(frozen=True)
class Convert:
    """Plan: convert this seed."""

    seed: Path


@dataclass(frozen=True)
class Reuse:
    """Plan: this seed's files are as the last run wrote them; convert it only if an earlier
    page now takes one of its slugs (`final` is no longer what the slugs come to)."""

    seed: Path
    slugs: tuple[str, ...]  # as converted (before slugs were made unique across pages)
    final: tuple[str, ...]  # as written
    problems: tuple[Problem, ...]
    files: tuple[str, ...]  # its article files, as the writer names them


@dataclass(frozen=True)
class Written:
    """What the cache remembers of a page converted and written by this run."""

    source: str
    slugs: tuple[str, ...]  # as converted
    final: tuple[str, ...]  # as written
    problems: tuple[Problem, ...]
    pictures: tuple[int, ...] = ()  # a PDF's pages whose pictures were written


class Planner:
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

    def plan(self, paths: list[Path]) -> list[Convert | Reuse]:
        """Per seed, in order: convert it (new, changed, or its outputs changed on disk) or reuse it."""
        unchanged_dir = self.signature == output_signature(self.out)
        names = Counter(path.name for path in paths)
        steps: list[Convert | Reuse] = []
        for path in paths:
            entry = self.entries.get(path.name)
            self._keys[path.name] = page_key(path)
            if (entry is None or entry.key != self._keys[path.name] or names[path.name] > 1
                    or KEPT in entry.outputs.values()
                    or (not unchanged_dir and not self._outputs_intact(entry))):
                steps.append(Convert(path))
            else:
                steps.append(Reuse(path, tuple(entry.slugs), tuple(entry.final), self._problems(entry),
                                   tuple(str(self.root / r) for r in entry.outputs if r.endswith(ARTICLE_SUFFIX))))
        return steps

    def _outputs_intact(self, entry: Entry) -> bool:
        for relative, digest in entry.outputs.items():
            path = self.root / relative
            if digest == KEPT or not path.is_file() or file_hash(path) != digest:
                return False
        return True

    @staticmethod
    def _problems(entry: Entry) -> tuple[Problem, ...]:
        return tuple(Problem(**dict(p, severity=Severity(p["severity"]))) for p in entry.problems)

    def nothing_to_prune(self, sources: AbstractSet[str] | None) -> bool:
        """True when, with no page converted, finishing the write would change nothing: the
        output directory is as the last run left it and no seed has gone."""
        same_sources = (sorted(sources) if sources is not None else None) == self.sources
        return same_sources and not self.kept and self.signature == output_signature(self.out)

    def record(self, written: list[Written], kept: list[str], reused: list[str], sources: AbstractSet[str] | None) -> None:
        """Remember what this run wrote (call after writing, never on a dry run)."""
        kept_paths = {Path(p) for p in kept}
        entries = {name: self.entries[name] for name in reused}
        for page in written:
            outputs = {}
            files = [article_path(self.out, slug) for slug in page.final]
            files.append(report_path(self.out, page.source))
            files += [picture_path(self.out, page.source, number) for number in page.pictures]
            for path in files:
                ok = path not in kept_paths and path.is_file()
                outputs[self._relative(path)] = file_hash(path) if ok else KEPT
            entries[page.source] = Entry(self._keys[page.source], list(page.slugs), list(page.final), outputs,
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
    return str(meta["source"]) if meta and meta.get("source") else None


def output_signature(out: Path) -> list:
    """Name, size and modification time of every article in `out` and every page report
    beside it: any deletion, addition or edit changes it."""
    rows = []
    for folder, suffixes in ((out, (ARTICLE_SUFFIX,)), (out.parent / REPORTS_DIR, (REPORT_SUFFIX, PICTURE_SUFFIX))):
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    if entry.name.endswith(suffixes) and entry.is_file():
                        stat = entry.stat()
                        rows.append([f"{folder.name}/{entry.name}", stat.st_size, stat.st_mtime_ns])
        except FileNotFoundError:
            continue
    return sorted(rows)
