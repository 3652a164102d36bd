"""The site's catalog: every article's front-matter read once per build, indexed by zone,
month and source page, so that every listing is a lookup (the build stays linear)."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from pypinyin import lazy_pinyin

from parkdigest.articles.files import (
    ARTICLE_SUFFIX,
    ARTICLES_DIR,
    REPORT_SUFFIX,
    REPORTS_DIR,
    PageReport,
    read_front_matter,
)
from parkdigest.reference.gazetteer import zones as gazetteer_zones
from parkdigest.reference.topics import taxonomy

ARTICLES_PREFIX = f"{ARTICLES_DIR}/"
REPORTS_PREFIX = f"{REPORTS_DIR}/"
ZONES_PREFIX = "zones/"
ARCHIVE_PREFIX = "archive/"
TOPICS_PREFIX = "tags/"
# Where a zone's province is unknown (a park missing from the gazetteer).
NO_PROVINCE = "其他"
KIND_LABELS = {"national-hitech": "国家高新区", "demo-zone": "国家自主创新示范区", "other": "园区"}
# Each zone and topic page has its own RSS feed beside it (zones/<slug>/feed.xml); the 园区
# and 专题 pages link an OPML list of those feeds (site/feed.py).
FEED_NAME = "feed.xml"
ZONE_FEEDS = f"{ZONES_PREFIX}feeds.opml"
TOPIC_FEEDS = f"{TOPICS_PREFIX}feeds.opml"
# A headline printed as two parallel halves keeps the paper's wide gap in the front-matter
# ("小吃节  烟火味": two or more spaces, or an ideographic space, perhaps with spaces around it);
# the site and its feeds show the gap as one full-width space, as Chinese typesetting does.
PARALLEL_GAP = re.compile(r"[ \t\u00a0]*\u3000[ \t\u00a0\u3000]*|[ \t\u00a0]{2,}")
FULL_WIDTH_SPACE = "\u3000"


def display_heading(text: str) -> str:
    """A title, deck or kicker as the site shows it: parallel halves apart by one full-width space."""
    return PARALLEL_GAP.sub(FULL_WIDTH_SPACE, text.strip())


@dataclass(frozen=True)
class Entry:
    """One article as listings need it."""
    title: str
    src_uri: str
    url: str
    date: str  # YYYY-MM-DD
    precision: str  # day | month | inferred
    zones: tuple[str, ...]
    topics: tuple[str, ...]
    summary: str
    deck: str
    source: str  # seed file name, "" for hand-written articles
    first_line: int  # where the article starts on its page (for page order)
    park_news: bool = False  # about parks: listings lead with it

    @property
    def undated(self) -> bool:
        """Neither printed, nor given by an editor, nor found in the text: shown as 日期不详."""
        return not self.date

    @property
    def month(self) -> str:
        return self.date[:7]

    @property
    def inferred(self) -> bool:
        """Only a `day` date was printed on the page or given by an editor; `month` and
        `inferred` dates are both estimated from the events in the text (convert/dates.py)."""
        return self.precision != "day"

    @property
    def month_only(self) -> bool:
        return self.precision == "month"


@dataclass(frozen=True)
class Report:
    """A seed page's conversion report (docs/sources/<stem>.json)."""
    stem: str
    src_uri: str
    data: dict  # the JSON as read (site/pages.py shows it)
    record: PageReport  # the same, typed


@dataclass
class Catalog:
    articles: list[Entry] = field(default_factory=list)  # newest first
    reports: dict[str, Report] = field(default_factory=dict)  # seed file name -> report
    zone_slugs: dict[str, str] = field(default_factory=dict)  # zone name -> url slug
    by_zone: dict[str, list[Entry]] = field(default_factory=dict)
    by_month: dict[str, list[Entry]] = field(default_factory=dict)
    by_source: dict[str, list[Entry]] = field(default_factory=dict)  # in page order
    by_topic: dict[str, list[Entry]] = field(default_factory=dict)  # newest first
    topic_slugs: dict[str, str] = field(default_factory=dict)  # topic label -> url slug
    by_uri: dict[str, Entry] = field(default_factory=dict)
    park_news: list[Entry] = field(default_factory=list)  # the home page's list, newest first
    others: list[Entry] = field(default_factory=list)  # 其他报道, newest first

    def zone_url(self, name: str) -> str:
        return f"{ZONES_PREFIX}{self.zone_slugs[name]}/"

    def topic_url(self, topic: str) -> str:
        return f"{TOPICS_PREFIX}{self.topic_slugs[topic]}/"

    def month_url(self, month: str) -> str:
        return f"{ARCHIVE_PREFIX}{month}/"

    def zone_feed_url(self, name: str) -> str:
        return self.zone_url(name) + FEED_NAME

    def topic_feed_url(self, topic: str) -> str:
        return self.topic_url(topic) + FEED_NAME

    def zone_news(self, name: str) -> list[Entry]:
        """What a zone's page and feed list, in listing order: its articles, and for a
        demonstration zone its members' articles too (one article once)."""
        own = self.by_zone.get(name, [])
        members = demo_members().get(name, ())
        if not members:
            return own
        news = {e.src_uri: e for member in members for e in self.by_zone.get(member, [])}
        news.update((e.src_uri, e) for e in own)
        return sorted(news.values(), key=listing_order, reverse=True)

    def source_url(self, source: str) -> str | None:
        """The source page of a seed, if it has a report."""
        report = self.reports.get(source)
        return report_url(report) if report else None


def report_url(report) -> str:
    """The source page that shows a page report."""
    return f"{REPORTS_PREFIX}{report.stem}/"


def collect_catalog(files) -> Catalog:
    """Read every article's front-matter and every page report once."""
    catalog = Catalog()
    for file in files:
        if file.src_uri.startswith(ARTICLES_PREFIX) and file.src_uri.endswith(ARTICLE_SUFFIX):
            entry = read_entry(file)
            if entry:
                catalog.articles.append(entry)
        elif file.src_uri.startswith(REPORTS_PREFIX) and file.src_uri.endswith(REPORT_SUFFIX):
            report = read_report(file)
            if report:
                catalog.reports[report.record.source or f"{report.stem}.txt"] = report
    catalog.articles.sort(key=listing_order, reverse=True)
    index_catalog(catalog)
    return catalog


def listing_order(entry: Entry) -> tuple:
    """Sort key (reversed) of every listing: park news first — the digest is about parks —,
    then the newest first; an undated article after the dated ones."""
    return entry.park_news, entry.date, entry.src_uri


def read_entry(file) -> Entry | None:
    meta = read_front_matter(Path(file.abs_src_path).read_text(encoding="utf-8"))
    if meta is None or not meta.get("title"):
        return None
    zones = [str(z) for z in meta.get("zones") or []]
    if meta.get("zone") and str(meta["zone"]) not in zones:
        zones.insert(0, str(meta["zone"]))
    return Entry(
        title=display_heading(str(meta["title"])), src_uri=file.src_uri, url=file.url,
        date=str(meta.get("date") or ""), precision=str(meta.get("date_precision", "day")), zones=tuple(zones),
        topics=tuple(str(t) for t in meta.get("topics") or meta.get("tags") or []),
        summary=str(meta.get("summary", "")), deck=display_heading(str(meta.get("deck", ""))),
        source=str(meta.get("source", "")), first_line=0, park_news=meta.get("park_news") is True)


def read_report(file) -> Report | None:
    try:
        data = json.loads(Path(file.abs_src_path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None  # not a report: the page simply has no 来源 view
    if not isinstance(data, dict):
        return None
    try:
        record = PageReport.from_json(data)
    except (TypeError, ValueError):
        return None  # a JSON file that is no report of ours
    return Report(Path(file.src_uri).stem, file.src_uri, data, record)


def index_catalog(catalog: Catalog) -> None:
    """Group the articles (in listing order) by zone, month, topic and source page, and into
    park news and the others."""
    by_zone: dict[str, list[Entry]] = defaultdict(list)
    by_month: dict[str, list[Entry]] = defaultdict(list)
    by_source: dict[str, list[Entry]] = defaultdict(list)
    by_topic: dict[str, list[Entry]] = defaultdict(list)
    first_lines = _first_lines(catalog.reports)
    articles = []
    for entry in catalog.articles:
        entry = _with_first_line(entry, first_lines)
        articles.append(entry)
        for zone in entry.zones:
            by_zone[zone].append(entry)
        if entry.date:
            by_month[entry.month].append(entry)
        if entry.source:
            by_source[entry.source].append(entry)
        for topic in dict.fromkeys(entry.topics):
            by_topic[topic].append(entry)
    catalog.articles = articles
    catalog.park_news = [e for e in articles if e.park_news]
    catalog.others = [e for e in articles if not e.park_news]
    catalog.by_zone = dict(by_zone)
    catalog.by_month = dict(sorted(by_month.items(), reverse=True))
    catalog.by_source = {source: sorted(entries, key=lambda e: e.first_line)
                         for source, entries in sorted(by_source.items())}
    catalog.by_uri = {e.src_uri: e for e in articles}
    catalog.zone_slugs = make_zone_slugs(set(by_zone) | demo_zones_with_news(by_zone))
    catalog.by_topic = dict(by_topic)
    catalog.topic_slugs = make_topic_slugs(by_topic)


def _first_lines(reports: dict[str, Report]) -> dict[str, int]:
    """slug -> first line of the article on its page, from the page reports."""
    out = {}
    for report in reports.values():
        for article in report.record.articles:
            if article.slug and article.lines.spans:
                out[article.slug] = article.lines.first
    return out


def _with_first_line(entry: Entry, first_lines: dict[str, int]) -> Entry:
    slug = Path(entry.src_uri).stem
    if slug not in first_lines:
        return entry
    return replace(entry, first_line=first_lines[slug])


def make_zone_slugs(names) -> dict[str, str]:
    """Readable ASCII url part per zone (pinyin), unique across zones."""
    slugs: dict[str, str] = {}
    taken: set[str] = set()
    for name in sorted(names):
        base = re.sub(r"[^a-z0-9]+", "-", "".join(lazy_pinyin(name, errors="ignore")).lower()).strip("-")
        slug, n = base or "zone", 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        slugs[name] = slug
    return slugs


def make_topic_slugs(topics) -> dict[str, str]:
    """The taxonomy's own slug per topic (data/topics.yaml); pinyin for a topic it lacks."""
    known = {t.label: t.slug for t in taxonomy().topics}
    slugs = {t: known[t] for t in topics if t in known}
    taken = set(slugs.values())
    for topic, slug in make_zone_slugs(t for t in topics if t not in known).items():
        while slug in taken:
            slug += "-x"
        slugs[topic] = slug
        taken.add(slug)
    return slugs


def topic_order(by_topic: dict[str, list[Entry]]) -> list[str]:
    """Topics with the most articles first; ties in the taxonomy's order, then by name."""
    rank = {label: i for i, label in enumerate(taxonomy().labels())}
    return sorted(by_topic, key=lambda t: (-len(by_topic[t]), rank.get(t, len(rank)), t))


@cache
def demo_members() -> dict[str, tuple[str, ...]]:
    """Demonstration zone -> its member zones (the gazetteer's `members`, canonical names)."""
    known = gazetteer_zones()
    out = {}
    for zone in known.values():
        members = tuple(m for m in zone.members if m in known and m != zone.name)
        if zone.kind == "demo-zone" and members:
            out[zone.name] = members
    return out


@cache
def member_of() -> dict[str, tuple[str, ...]]:
    """Member zone -> the demonstration zones it belongs to."""
    out: dict[str, tuple[str, ...]] = {}
    for demo, members in demo_members().items():
        for member in members:
            out[member] = out.get(member, ()) + (demo,)
    return out


def demo_zones_with_news(by_zone) -> set[str]:
    """Demonstration zones whose members have articles: they get a page even with none of their own."""
    return {demo for demo, members in demo_members().items() if any(m in by_zone for m in members)}


def describe_zone(name: str) -> tuple[str, str, str]:
    """(province, kind label, official name) of a zone; unknown parks get NO_PROVINCE."""
    zone = gazetteer_zones().get(name)
    if zone is None:
        return NO_PROVINCE, KIND_LABELS["other"], ""
    return zone.province or NO_PROVINCE, KIND_LABELS.get(zone.kind, KIND_LABELS["other"]), zone.official


def province_order() -> list[str]:
    """Provinces in the gazetteer's order (the usual administrative order)."""
    order: list[str] = []
    for zone in gazetteer_zones().values():
        if zone.province and zone.province not in order:
            order.append(zone.province)
    return order + [NO_PROVINCE]


def group_zones_by_province(catalog: Catalog) -> dict[str, list[str]]:
    """province -> zones with news (their own or their members'), provinces in gazetteer order,
    busiest zone first."""
    groups: dict[str, list[str]] = {}
    for zone in catalog.zone_slugs:
        province, _, _ = describe_zone(zone)
        groups.setdefault(province, []).append(zone)
    order = {p: i for i, p in enumerate(province_order())}
    return {p: sorted(groups[p], key=lambda z: (-len(catalog.by_zone.get(z, [])), z))
            for p in sorted(groups, key=lambda p: (order.get(p, len(order)), p))}
