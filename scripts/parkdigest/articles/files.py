"""The output contract: where articles and page reports live, how their front-matter is
read, and what makes it valid.

Convert writes by these rules, `parkdigest check` validates by them, the cache and the
site hooks read by them; nobody else knows a file name or splits a front-matter.

    docs/articles/<slug>.md      an article: '---' YAML front-matter '---' Markdown body
    docs/sources/<stem>.json     a seed page's conversion report (`PageReport`)
    docs/sources/<stem>.pN.jpg   page N of a PDF seed, rendered for the source view
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from parkdigest.articles.schema import SLUG_MAX_CHARS, FrontMatter, unknown_topics, zone_problems
from parkdigest.problems import Problem, Severity
from parkdigest.reference.topics import taxonomy

ARTICLES_DIR = "articles"
REPORTS_DIR = "sources"  # beside the articles directory: docs/sources/
ARTICLE_SUFFIX = ".md"
REPORT_SUFFIX = ".json"
PICTURE_SUFFIX = ".jpg"  # a PDF page rendered for its source view
FENCE = "---\n"
FIRST_KEY_LINE = 2  # line 1 of an article is the opening '---'


# --- paths -------------------------------------------------------------------------------------


def article_path(articles_dir: Path, slug: str) -> Path:
    return articles_dir / f"{slug}{ARTICLE_SUFFIX}"


def article_uri(slug: str) -> str:
    """The article's path inside docs/, as MkDocs names it (a page's src_uri)."""
    return f"{ARTICLES_DIR}/{slug}{ARTICLE_SUFFIX}"


def report_path(articles_dir: Path, source: str) -> Path:
    """docs/sources/<seed stem>.json for the articles directory docs/articles."""
    return articles_dir.parent / REPORTS_DIR / f"{Path(source).stem}{REPORT_SUFFIX}"


def picture_name(source: str, page: int) -> str:
    """The file name of a PDF page's picture beside its report: <seed stem>.p<N>.jpg."""
    return f"{Path(source).stem}.p{page}{PICTURE_SUFFIX}"


def picture_path(articles_dir: Path, source: str, page: int) -> Path:
    return articles_dir.parent / REPORTS_DIR / picture_name(source, page)


def article_files(root: Path) -> list[Path]:
    """The article Markdown files under root/articles (or root, if it holds them)."""
    directory = root / ARTICLES_DIR if (root / ARTICLES_DIR).is_dir() else root
    return sorted(directory.rglob(f"*{ARTICLE_SUFFIX}"))


# --- reading front-matter ----------------------------------------------------------------------


def _dates_as_text(loader: type) -> type:
    """Safe YAML with dates kept as text: the schemas then say what is wrong with '2024-13-45'
    (PyYAML's own date parsing raises a bare ValueError without a line), and a value reads
    back as it was written. Used for front-matter and for the editors' sidecars."""
    resolvers = {key: [(tag, regexp) for tag, regexp in rules if tag != "tag:yaml.org,2002:timestamp"]
                 for key, rules in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    return type(f"DatesAsText{loader.__name__}", (loader,), {"yaml_implicit_resolvers": resolvers})


# libyaml's parser is ten times faster and reads the same documents (the site build and the
# writer read every article's front-matter); PyYAML's own parser words the errors editors see.
_FAST_LOADER = _dates_as_text(getattr(yaml, "CSafeLoader", yaml.SafeLoader))
_LOADER = _dates_as_text(yaml.SafeLoader)


def load_yaml_text(text: str) -> object:
    """YAML as editors write it (raises yaml.YAMLError with the mark of the bad line)."""
    try:
        return yaml.load(text, Loader=_FAST_LOADER)  # noqa: S506 — a safe loader
    except yaml.YAMLError:
        return yaml.load(text, Loader=_LOADER)  # noqa: S506 — the same rules, PyYAML's error message


class NoFrontMatter(ValueError):
    """The file does not open with a closed '---' block."""

    def __init__(self, message: str, hint: str):
        super().__init__(message)
        self.message, self.hint = message, hint


def unify_article_text(text: str) -> str:
    """An article as an editor's tool may save it (Windows line ends, a byte-order mark), in the
    form every reader here expects."""
    return text.replace("\r\n", "\n").removeprefix("\ufeff")


def split_front_matter(text: str) -> str:
    """The YAML between the opening '---' line and the next '---' (its first line is
    FIRST_KEY_LINE of the file)."""
    text = unify_article_text(text)
    if not text.startswith(FENCE):
        raise NoFrontMatter("no front-matter", "start the file with a '---' block (see docs/guide.md)")
    end = text.find("\n---", len(FENCE) - 1)
    if end < 0:
        raise NoFrontMatter("front-matter is not closed", "add a line '---' after it")
    return text[len(FENCE):end]


def article_body(text: str) -> str:
    """The Markdown after the front-matter (the whole text when there is none)."""
    text = unify_article_text(text)
    try:
        yaml_text = split_front_matter(text)
    except NoFrontMatter:
        return text
    return text[len(FENCE) + len(yaml_text):].removeprefix("\n---").removeprefix("\n")


def read_front_matter(text: str) -> dict | None:
    """The front-matter as a mapping, or None (none, bad YAML, not a mapping): for readers
    that skip what is not an article; `validate_article` says what is wrong instead."""
    try:
        data = load_yaml_text(split_front_matter(text))
    except (NoFrontMatter, yaml.YAMLError):
        return None
    return data if isinstance(data, dict) else None


def key_line(text: str, key: str, *, parent: str = "", first_line: int = 1) -> int | None:
    """The line of `key:` in YAML text whose first line is numbered `first_line`.

    Without `parent`, a top-level key; with it, the first `key:` (at any indentation) from
    the line of `parent:` on, or else the line of `parent:` itself."""
    lines = text.splitlines()
    if not parent:
        return next((n for n, line in enumerate(lines, start=first_line) if line.startswith(f"{key}:")), None)
    start = next((i for i, line in enumerate(lines) if line.lstrip().startswith(f"{parent}:")), 0)
    for number, line in enumerate(lines[start:], start=start + first_line):
        if line.lstrip().startswith(f"{key}:"):
            return number
    return next((n for n, line in enumerate(lines, start=first_line) if line.lstrip().startswith(f"{parent}:")), None)


def value_line(text: str, key: str, value: str, *, first_line: int = 1) -> int | None:
    """The line of `value` under the top-level `key`: the key's own line (inline lists) or
    an item below it."""
    start = key_line(text, key, first_line=first_line)
    if start is None:
        return None
    lines = text.splitlines()
    for number in range(start, first_line + len(lines)):
        line = lines[number - first_line]
        if number > start and line and not line.startswith((" ", "-")):
            break  # the next key: the value is not in a list below this one
        if value in line:
            return number
    return start


# --- validating an article ---------------------------------------------------------------------

_HINTS = {
    "date": "write the date as YYYY-MM-DD, e.g. 2024-05-06",
    "date_precision": "use day (printed or given by an editor), month or inferred",
    "slug": f"use lowercase ASCII words joined by '-', at most {SLUG_MAX_CHARS} characters",
    "summary": "shorten it to the lead's first sentences",
    "readtime": "give whole minutes, 1 or more",
    "confidence": "a number from 0 to 1",
}


@dataclass(frozen=True)
class CheckedArticle:
    """What `validate_article` found: problems, and the front-matter when it is valid."""

    problems: tuple[Problem, ...]
    meta: FrontMatter | None = None
    slug_line: int = FIRST_KEY_LINE

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)


def validate_article(name: str, text: str) -> CheckedArticle:
    """Check an article's text against the front-matter schema; each problem points at the
    line an editor has to change. Convert checks what it writes with this, too."""
    try:
        source = split_front_matter(text)
    except NoFrontMatter as exc:
        return CheckedArticle((Problem(name, exc.message, exc.hint, line=1),))
    try:
        data = load_yaml_text(source)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + FIRST_KEY_LINE if mark else 1
        reason = getattr(exc, "problem", None) or "invalid YAML"
        return CheckedArticle((Problem(name, f"YAML syntax error: {reason}",
                                       "quote values that contain ': ' or '#', and indent lists the same way",
                                       line=line),))
    if not isinstance(data, dict):
        return CheckedArticle((Problem(name, "front-matter is not a mapping of keys to values", "write 'key: value' lines",
                                       line=FIRST_KEY_LINE),))
    try:
        meta = FrontMatter.model_validate(data)
    except ValidationError as exc:
        return CheckedArticle(tuple(p for err in exc.errors() for p in _schema_problems(name, source, data, err)))
    problems = [Problem(name, z.message,
                        "use a name from parkdigest/data/zones.yaml, or add the park there"
                        + ("" if z.severity == "warning" else " (or list it in zones_unlisted)"),
                        line=_value_line(source, z.key, z.name), severity=Severity(z.severity))
                for z in zone_problems(meta)]
    if meta.zone and meta.zones and meta.zones[0] != meta.zone:
        problems.append(Problem(name, f"zone '{meta.zone}' is not the first of zones",
                                "list the main park first in zones", line=_key_line(source, "zones"),
                                severity=Severity.WARNING))
    return CheckedArticle(tuple(problems), meta, _key_line(source, "slug"))


def _schema_problems(name: str, source: str, data: dict, err) -> list[Problem]:
    key = str(err["loc"][0]) if err["loc"] else ""
    if err["type"] == "missing":
        return [Problem(name, f"missing '{key}'", f"add a line '{key}: …' to the front-matter (see docs/guide.md)",
                        line=1)]
    if key in ("topics", "tags") and isinstance(data.get(key), list) and unknown_topics(data[key]):
        return [Problem(name, f"unknown topic '{topic}' in {key}", f"use one of: {'、'.join(taxonomy().labels())}",
                        line=_value_line(source, key, topic)) for topic in unknown_topics(data[key])]
    if not key:  # a rule about the whole front-matter
        return [Problem(name, err["msg"].removeprefix("Value error, "), "see docs/guide.md", line=FIRST_KEY_LINE)]
    value = data.get(key)
    if key == "title" and not str(value or "").strip():
        return [Problem(name, "'title' is empty", "write the headline", line=_key_line(source, key))]
    what = f"bad {key} '{value}'" if isinstance(value, (str, int, float)) or value is None else f"bad {key}"
    reason = err["msg"].removeprefix("Value error, ")
    hint = _HINTS.get(key, reason if reason not in what else "see docs/guide.md")
    return [Problem(name, f"{what}: {reason}" if key not in _HINTS else what, hint, line=_key_line(source, key))]


def _key_line(source: str, key: str) -> int:
    return key_line(source, key, first_line=FIRST_KEY_LINE) or FIRST_KEY_LINE


def _value_line(source: str, key: str, value: str) -> int:
    return value_line(source, key, value, first_line=FIRST_KEY_LINE) or FIRST_KEY_LINE


# --- page reports ------------------------------------------------------------------------------


@dataclass(frozen=True)
class LineRanges:
    """Seed lines as ranges, written '3-7,9' in a report."""

    spans: tuple[tuple[int, int], ...] = ()

    @classmethod
    def of(cls, lines: tuple[int, ...]) -> LineRanges:
        spans: list[tuple[int, int]] = []
        for line in lines:
            if spans and line == spans[-1][1] + 1:
                spans[-1] = (spans[-1][0], line)
            else:
                spans.append((line, line))
        return cls(tuple(spans))

    @classmethod
    def parse(cls, text: object) -> LineRanges:
        """'3-7,9' back to ranges; anything else is no lines."""
        spans = []
        for part in str(text or "").split(","):
            match = _RANGE.fullmatch(part.strip())
            if match:
                first = int(match.group(1))
                spans.append((first, int(match.group(2) or first)))
        return cls(tuple(spans))

    @property
    def first(self) -> int:
        """The first line (0 when there is none)."""
        return min((first for first, _ in self.spans), default=0)

    def __str__(self) -> str:
        return ",".join(str(a) if a == b else f"{a}-{b}" for a, b in self.spans)


_RANGE = re.compile(r"(\d+)(?:-(\d+))?")

# A join or an article split of the page report below this confidence deserves a human look:
# convert warns about it and the page's source view lists and marks it. One threshold for
# both, so what an editor is told to check is what the site shows.
LOW_CONFIDENCE = 0.6


@dataclass(frozen=True)
class ReportArticle:
    title: str
    slug: str
    confidence: float | None
    lines: LineRanges


@dataclass(frozen=True)
class ReportJoin:
    left: int
    right: int
    score: float
    confidence: float
    moved: bool


@dataclass(frozen=True)
class Furniture:
    """A line of page furniture (masthead, folio, credit …) and the rule that found it:
    convert's segmentation finds them, the report lists them."""

    line: int
    text: str
    rule: str


@dataclass(frozen=True)
class Move:
    """A run of lines placed somewhere other than where the file had it: reflow finds
    them, the report lists them."""

    article: str
    first_line: int
    last_line: int
    after_line: int
    confidence: float


@dataclass(frozen=True)
class ReportLine:
    """What a block of seed lines was taken for (furniture, label, kicker, title, subtitle,
    byline, subhead, box, caption, credit) and the article it went to."""

    lines: LineRanges
    role: str
    article: str
    rule: str


@dataclass(frozen=True)
class ReportArea:
    """A rectangle of a PDF page (fractions of its width and height) and what it holds:
    an article's module, a block of its lines (numbered by its first line), or furniture."""

    box: tuple[float, float, float, float]
    kind: str  # article, block or furniture
    article: str  # the article's slug ("" for furniture)
    line: int  # the first line of the page text it holds


@dataclass(frozen=True)
class ReportPage:
    """A page of a PDF seed: its picture and where each article stands on it."""

    number: int
    picture: str  # file name beside the report
    width: int
    height: int
    areas: tuple[ReportArea, ...] = ()


@dataclass(frozen=True)
class PageReport:
    """A seed page's conversion report: what `convert --report` prints and
    docs/sources/<stem>.json holds (the site's 来源 pages show it)."""

    source: str
    date: str  # printed on the page or given by its sidecar, YYYY-MM-DD; "" when neither
    articles: tuple[ReportArticle, ...] = ()
    joins: tuple[ReportJoin, ...] = ()
    moves: tuple[Move, ...] = ()
    furniture: tuple[Furniture, ...] = ()
    warnings: tuple[str, ...] = ()
    lines: tuple[ReportLine, ...] = ()  # every line that is not body text, in line order
    pages: tuple[ReportPage, ...] = ()  # a PDF seed's pages (none for a text seed)
    text: tuple[str, ...] = ()  # a PDF seed's text as read, line by line (the lines above number it)
    publication: str = ""  # as the page's sidecar gives it
    page: str = ""  # as the page's sidecar gives it (第5版)

    def dumps(self) -> str:
        """The report as its JSON file holds it (Chinese as is, keys sorted)."""
        return json.dumps(self.to_json(), ensure_ascii=False, indent=1, sort_keys=True)

    def to_json(self) -> dict:
        return {
            "source": self.source,
            "date": self.date,
            "publication": self.publication,
            "page": self.page,
            "articles": [{"title": a.title, "slug": a.slug, "confidence": a.confidence, "lines": str(a.lines)}
                         for a in self.articles],
            "joins": [{"left": j.left, "right": j.right, "score": j.score, "confidence": j.confidence,
                       "moved": j.moved} for j in self.joins],
            # a move is always written first-last, even when it is one line
            "moves": [{"article": m.article, "lines": f"{m.first_line}-{m.last_line}", "after": m.after_line,
                       "confidence": m.confidence} for m in self.moves],
            "furniture": [{"line": f.line, "text": f.text, "rule": f.rule} for f in self.furniture],
            "warnings": list(self.warnings),
            "lines": [{"lines": str(r.lines), "role": r.role, "article": r.article, "rule": r.rule} for r in self.lines],
            **({"pages": [{"number": p.number, "picture": p.picture, "width": p.width, "height": p.height,
                           "areas": [{"box": list(a.box), "kind": a.kind, "article": a.article, "line": a.line}
                                     for a in p.areas]} for p in self.pages],
                "text": list(self.text)} if self.pages else {}),
        }

    @classmethod
    def from_json(cls, data: dict) -> PageReport:
        """A report as read back from disk; missing fields are empty (an older report)."""
        def rows(key: str) -> list[dict]:
            return [row for row in data.get(key) or [] if isinstance(row, dict)]

        moves = []
        for m in rows("moves"):
            span = LineRanges.parse(m.get("lines")).spans or ((0, 0),)
            moves.append(Move(str(m.get("article", "")), span[0][0], span[0][1], int(m.get("after") or 0),
                              float(m.get("confidence") or 0)))
        return cls(
            source=str(data.get("source") or ""), date=str(data.get("date") or ""),
            publication=str(data.get("publication") or ""), page=str(data.get("page") or ""),
            articles=tuple(ReportArticle(str(a.get("title", "")), str(a.get("slug", "")),
                                         None if a.get("confidence") is None else float(a["confidence"]),
                                         LineRanges.parse(a.get("lines"))) for a in rows("articles")),
            joins=tuple(ReportJoin(int(j.get("left") or 0), int(j.get("right") or 0), float(j.get("score") or 0),
                                   float(j.get("confidence", 1)), bool(j.get("moved"))) for j in rows("joins")),
            moves=tuple(moves),
            furniture=tuple(Furniture(int(f.get("line") or 0), str(f.get("text", "")), str(f.get("rule", "")))
                            for f in rows("furniture")),
            warnings=tuple(str(w) for w in data.get("warnings") or []),
            lines=tuple(ReportLine(LineRanges.parse(r.get("lines")), str(r.get("role", "")), str(r.get("article") or ""),
                                   str(r.get("rule", ""))) for r in rows("lines")),
            pages=tuple(_report_page(p) for p in rows("pages")),
            text=tuple(str(t) for t in data.get("text") or []))


def _report_page(data: dict) -> ReportPage:
    areas = []
    for a in data.get("areas") or []:
        box = a.get("box") if isinstance(a, dict) else None
        if isinstance(box, list) and len(box) == 4:
            areas.append(ReportArea((float(box[0]), float(box[1]), float(box[2]), float(box[3])),
                                    str(a.get("kind", "")), str(a.get("article") or ""), int(a.get("line") or 0)))
    return ReportPage(int(data.get("number") or 0), str(data.get("picture") or ""), int(data.get("width") or 0),
                      int(data.get("height") or 0), tuple(areas))
