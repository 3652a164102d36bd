"""Stage 6 — write: put articles and page reports on disk, safely.

- A generated article carries a checksum of its own text. If the file no longer matches
  it, an editor changed it: it is kept (unless --force) and reported.
- Files without a `source` are hand-written: never touched.
- Generated articles of a page that no longer produces them (or of a deleted seed) are
  removed, unless an editor changed them.
- Output is written only when it differs, so a second run changes nothing.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path

from parkdigest.articles.files import (
    ARTICLE_SUFFIX,
    PICTURE_SUFFIX,
    REPORT_SUFFIX,
    REPORTS_DIR,
    LineRanges,
    PageReport,
    ReportArea,
    ReportArticle,
    ReportJoin,
    ReportLine,
    ReportPage,
    article_path,
    picture_name,
    picture_path,
    read_front_matter,
    report_path,
)
from parkdigest.convert.model import PageResult
from parkdigest.convert.render import checksum, render_file, strip_checksum


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


class OutputWriter:
    """Writes pages as they come (so a run holds one page at a time), then prunes the
    generated articles no page produced any more."""

    def __init__(self, articles_dir: Path, *, sources: AbstractSet[str] | None, force: bool = False,
                 dry_run: bool = False):
        self.articles_dir = articles_dir
        self.sources, self.force, self.dry_run = sources, force, dry_run
        self.summary = WriteSummary()
        self.wanted: set[Path] = set()
        self.converted: set[str] = set()
        # The generated articles before this run wrote anything; read at the first write
        # (reading every article is what a run that reuses every page saves).
        self.existing: dict[Path, str] | None = None

    def write_page(self, result: PageResult) -> None:
        self._read_existing()
        self.converted.add(result.source)
        for article in result.articles:
            path = article_path(self.articles_dir, article.slug)
            self.wanted.add(path)
            _write_one(path, render_file(article.meta, article.body), self.summary, self.force, self.dry_run)
        report = page_report(result).dumps() + "\n"
        _write_plain(report_path(self.articles_dir, result.source), report, self.summary, self.dry_run)
        for picture in result.pictures:
            path = picture_path(self.articles_dir, result.source, picture.page)
            self.wanted.add(path)
            _write_bytes(path, picture.data, self.summary, self.dry_run)

    def _read_existing(self) -> dict[Path, str]:
        if self.existing is None:
            self.existing = _generated_files(self.articles_dir)
        return self.existing

    @property
    def wrote(self) -> bool:
        """Whether any page was written (pages reused from the cache are not)."""
        return bool(self.converted)

    def finish(self) -> WriteSummary:
        """Prune the generated articles no page produced any more; the summary of the run."""
        for path, source in sorted(self._read_existing().items()):
            if path in self.wanted:
                continue
            if source in self.converted or (self.sources is not None and source not in self.sources):
                if _edited(path) and not self.force:
                    self.summary.kept.append(str(path))
                else:
                    self.summary.removed.append(str(path))
                    if not self.dry_run:
                        path.unlink()
        self._prune_page_files()
        return self.summary

    def _prune_page_files(self) -> None:
        """Reports and pictures of pages no seed gives any more: a seed removed (unless an
        article an editor kept still cites it), or a PDF replaced by one with fewer pages."""
        folder = self.articles_dir.parent / REPORTS_DIR
        if not folder.is_dir():
            return
        present = {Path(s).stem for s in self.sources} if self.sources is not None else None
        if present is not None:
            removed = set(self.summary.removed)
            present |= {Path(source).stem for path, source in self._read_existing().items() if str(path) not in removed}
        converted = {Path(s).stem for s in self.converted}
        for path in sorted([*folder.glob(f"*{REPORT_SUFFIX}"), *folder.glob(f"*{PICTURE_SUFFIX}")]):
            stem = path.stem if path.suffix == REPORT_SUFFIX else path.name.rsplit(".p", 1)[0]
            gone = present is not None and stem not in present
            stale_picture = path.suffix == PICTURE_SUFFIX and stem in converted and path not in self.wanted
            if gone or stale_picture:
                self.summary.removed.append(str(path))
                if not self.dry_run:
                    path.unlink()


def page_report(result: PageResult) -> PageReport:
    """The page's conversion report (also printed by `convert --report`)."""
    layout = result.layout
    return PageReport(
        source=result.source,
        date=result.facts.date or layout.page_date,
        publication=result.facts.publication,
        page=result.facts.page,
        articles=tuple(ReportArticle(a.meta["title"], a.slug, a.meta.get("confidence"), LineRanges.of(d.lines))
                       for a, d in zip(result.articles, layout.drafts)),
        joins=tuple(ReportJoin(j.left_line, j.right_line, j.score, j.confidence, j.moved) for j in layout.joins),
        moves=layout.moves,
        furniture=layout.furniture,
        warnings=tuple(str(p) for p in result.problems),
        lines=tuple(ReportLine(LineRanges(((r.first_line, r.last_line),)), r.role,
                               "" if r.article is None else result.articles[r.article].meta["title"], r.rule)
                    for r in layout.line_roles if r.role != "body"),
        pages=tuple(ReportPage(p.page, picture_name(result.source, p.page), p.width, p.height,
                               tuple(ReportArea(a.box, a.kind.value,
                                                "" if a.article is None else result.articles[a.article].slug, a.first_line)
                                     for a in layout.areas if a.page == p.page))
                    for p in result.pictures),
        text=result.text,
    )


def _write_one(path: Path, text: str, summary: WriteSummary, force: bool, dry_run: bool) -> None:
    if path.exists():
        old = path.read_text(encoding="utf-8")
        if old == text:
            summary.unchanged.append(str(path))
            return
        if not force and _hand_edited(old):
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


def _write_bytes(path: Path, data: bytes, summary: WriteSummary, dry_run: bool) -> None:
    if path.exists() and path.read_bytes() == data:
        return
    (summary.changed if path.exists() else summary.created).append(str(path))
    if not dry_run:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def _generated_files(directory: Path) -> dict[Path, str]:
    """Articles that convert wrote (they have a source and a checksum) -> their source."""
    out: dict[Path, str] = {}
    if not directory.is_dir():
        return out
    for path in sorted(directory.glob(f"*{ARTICLE_SUFFIX}")):
        meta = read_front_matter(path.read_text(encoding="utf-8"))
        if meta and meta.get("source") and meta.get("checksum"):
            out[path] = str(meta["source"])
    return out


def _edited(path: Path) -> bool:
    return _hand_edited(path.read_text(encoding="utf-8"))


def _hand_edited(text: str) -> bool:
    """Has an editor changed the article since convert wrote it (its checksum no longer fits)?"""
    body, stored = strip_checksum(text)
    return not stored or checksum(body) != stored
