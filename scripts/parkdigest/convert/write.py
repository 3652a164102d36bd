"""Stage 6 — write: put articles and page reports on disk, safely.

- A generated article carries a checksum of its own text. If the file no longer matches
  it, an editor changed it: it is kept (unless --force) and reported.
- Files without a `source` are hand-written: never touched.
- Generated articles of a page that no longer produces them (or of a deleted seed) are
  removed, unless an editor changed them.
- Output is written only when it differs, so a second run changes nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from parkdigest.convert.model import Article, PageResult
from parkdigest.convert.render import checksum, render_file, strip_checksum

REPORTS_DIR = "sources"


@dataclass
class WriteSummary:
    created: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # hand-edited, left alone
    removed: list[str] = field(default_factory=list)

    @property
    def touched(self) -> int:
        return len(self.created) + len(self.changed) + len(self.removed)


def write_output(results: list[PageResult], articles_dir: Path, *, sources: set[str] | None,
                 force: bool = False, dry_run: bool = False) -> WriteSummary:
    """Write every article and page report; prune stale generated articles.

    `sources` is the set of seed names that exist now (None: do not prune other sources).
    """
    writer = OutputWriter(articles_dir, sources=sources, force=force, dry_run=dry_run)
    for result in results:
        writer.write_page(result)
    return writer.finish()


class OutputWriter:
    """Writes pages as they come (so a run holds one page at a time), then prunes the
    generated articles no page produced any more."""

    def __init__(self, articles_dir: Path, *, sources: set[str] | None, force: bool = False,
                 dry_run: bool = False):
        self.articles_dir = articles_dir
        self.sources, self.force, self.dry_run = sources, force, dry_run
        self.summary = WriteSummary()
        self.wanted: set[Path] = set()
        self.converted: set[str] = set()
        self.existing = _generated_files(articles_dir)  # before this run wrote anything

    def write_page(self, result: PageResult) -> None:
        self.converted.add(result.source)
        for article in result.articles:
            path = self.articles_dir / f"{article.slug}.md"
            self.wanted.add(path)
            _write_one(path, render_file(article.meta, article.body), self.summary, self.force, self.dry_run)
        report = json.dumps(page_report(result), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        reports_dir = self.articles_dir.parent / REPORTS_DIR
        _write_plain(reports_dir / f"{Path(result.source).stem}.json", report, self.summary, self.dry_run)

    def finish(self) -> WriteSummary:
        for path, source in sorted(self.existing.items()):
            if path in self.wanted:
                continue
            if source in self.converted or (self.sources is not None and source not in self.sources):
                if _edited(path) and not self.force:
                    self.summary.kept.append(str(path))
                else:
                    self.summary.removed.append(str(path))
                    if not self.dry_run:
                        path.unlink()
        return self.summary


def page_report(result: PageResult) -> dict:
    """The page's conversion report as data (also printed by `convert --report`)."""
    layout = result.layout
    return {
        "source": result.source,
        "date": layout.page_date,
        "articles": [{"title": a.meta["title"], "slug": a.slug, "confidence": a.meta.get("confidence"),
                      "lines": _ranges(d.lines)}
                     for a, d in zip(result.articles, layout.drafts)],
        "joins": [{"left": j.left_line, "right": j.right_line, "score": j.score, "confidence": j.confidence,
                   "moved": j.moved} for j in layout.joins],
        "moves": [{"article": m.article, "lines": f"{m.first_line}-{m.last_line}", "after": m.after_line,
                   "confidence": m.confidence} for m in layout.moves],
        "furniture": [{"line": f.line, "text": f.text, "rule": f.rule} for f in layout.furniture],
        "warnings": [str(p) for p in result.problems],
    }


def _ranges(lines: tuple[int, ...]) -> str:
    if not lines:
        return ""
    out, start, prev = [], lines[0], lines[0]
    for line in lines[1:]:
        if line != prev + 1:
            out.append(f"{start}-{prev}" if start != prev else str(start))
            start = line
        prev = line
    out.append(f"{start}-{prev}" if start != prev else str(start))
    return ",".join(out)


def _write_one(path: Path, text: str, summary: WriteSummary, force: bool, dry_run: bool) -> None:
    if path.exists():
        old = path.read_text(encoding="utf-8")
        if old == text:
            summary.unchanged.append(str(path))
            return
        body, stored = strip_checksum(old)
        if not force and (not stored or checksum(body) != stored):
            summary.kept.append(str(path))
            return
        summary.changed.append(str(path))
    else:
        summary.created.append(str(path))
    if not dry_run:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _write_plain(path: Path, text: str, summary: WriteSummary, dry_run: bool) -> None:
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return
    (summary.changed if path.exists() else summary.created).append(str(path))
    if not dry_run:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _generated_files(directory: Path) -> dict[Path, str]:
    """Articles that convert wrote (they have a source and a checksum) -> their source."""
    out = {}
    if not directory.is_dir():
        return out
    for path in sorted(directory.glob("*.md")):
        meta = read_front_matter(path.read_text(encoding="utf-8"))
        if isinstance(meta, dict) and meta.get("source") and meta.get("checksum"):
            out[path] = str(meta["source"])
    return out


def _edited(path: Path) -> bool:
    body, stored = strip_checksum(path.read_text(encoding="utf-8"))
    return not stored or checksum(body) != stored


def read_front_matter(text: str):
    """The YAML between the leading '---' lines, or None (no front-matter or bad YAML)."""
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---", 4)
    if end < 0:
        return None
    try:
        return yaml.load(text[4:end], Loader=_SAFE_LOADER)
    except yaml.YAMLError:
        return None


# libyaml's safe loader is ten times faster and reads the same documents; the site build
# and the writer read every article's front-matter.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
