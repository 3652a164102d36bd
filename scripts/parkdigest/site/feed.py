"""RSS 2.0 feeds and OPML lists of them, written by the build (no plugin, no network): the
site's latest articles (feed.xml), each zone's and each topic's beside its page
(zones/<slug>/feed.xml, tags/<slug>/feed.xml), and one OPML file listing every zone's feed by
province (zones/feeds.opml) and one listing every topic's (tags/feeds.opml).

A feed lists what its page lists, in the same order (park news first, then the others, each
newest first: catalog.listing_order), up to `feed_items`: it takes the head of a list the
catalog already holds, so all feeds together cost one pass over the articles plus a few items
per zone and topic."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from urllib.parse import urljoin
from xml.etree import ElementTree as ET

from mkdocs.utils import get_relative_url

from parkdigest.site.catalog import (
    TOPIC_FEEDS,
    ZONE_FEEDS,
    Catalog,
    Entry,
    group_zones_by_province,
    topic_order,
)
from parkdigest.site.render import INFERRED_MARK, UNDATED, date_text

ATOM_NS = "http://www.w3.org/2005/Atom"
# Newspapers' dates are Beijing dates; noon keeps the day the same in every reader's zone.
BEIJING = timezone(timedelta(hours=8))
PUBLISH_HOUR = 12
# The taxonomies of an item's categories (RSS <category domain>): feed readers that group or
# filter by category tell a park from a topic by these.
ZONE_DOMAIN = "园区"
TOPIC_DOMAIN = "专题"
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'


@dataclass(frozen=True)
class Site:
    """What every feed says about the site: its name, description and address ("" when unknown:
    then links are relative to the feed, and a reader resolves them against where it fetched it)."""
    name: str
    description: str
    url: str


@dataclass(frozen=True)
class Channel:
    """One feed: what it is called and where it and its page are (site-root urls)."""
    name: str  # as a list of feeds names it: 兰州高新区
    title: str  # as a feed reader shows it: 兰州高新区 · 园区动态
    description: str
    page_url: str  # "" for the home page, zones/<slug>/ …
    feed_url: str  # feed.xml, zones/<slug>/feed.xml …


def address(site: Site, target: str, from_path: str) -> str:
    """A page's address as a feed or OPML file at `from_path` gives it: absolute under the site's
    address when it is known, else relative to the file."""
    if site.url:
        return urljoin(site.url, target)
    relative = get_relative_url(target, from_path)
    return relative + "/" if (not target or target.endswith("/")) and not relative.endswith("/") else relative


def format_pubdate(date: str) -> str | None:
    try:
        day = datetime.strptime(date, "%Y-%m-%d").replace(hour=PUBLISH_HOUR, tzinfo=BEIJING)
    except ValueError:
        return None
    return format_datetime(day)


def describe_item(entry: Entry) -> str:
    """The item's text. A feed reader shows pubDate as a plain day, so an estimated date is
    said in the text, at its precision and marked, before the summary."""
    text = entry.summary or entry.deck or entry.title
    if entry.undated:
        return f"日期：{UNDATED}。{text}"
    if entry.inferred and date_text(entry):
        return f"日期：{date_text(entry)}{INFERRED_MARK}。{text}"
    return text


def render_feed(entries: list[Entry], channel: Channel, site: Site) -> str:
    """RSS 2.0 of `entries` in the order given. The channel's date is the newest article's, so
    the same articles give the same bytes."""
    ET.register_namespace("atom", ATOM_NS)
    rss = ET.Element("rss", {"version": "2.0"})
    head = ET.SubElement(rss, "channel")
    ET.SubElement(head, "title").text = channel.title
    ET.SubElement(head, "link").text = address(site, channel.page_url, channel.feed_url)
    ET.SubElement(head, "description").text = channel.description
    ET.SubElement(head, "language").text = "zh-CN"
    if site.url:  # the feed's own address, for readers that follow it when the feed moves
        ET.SubElement(head, f"{{{ATOM_NS}}}link", {"href": urljoin(site.url, channel.feed_url), "rel": "self",
                                                   "type": "application/rss+xml"})
    newest = max((e.date for e in entries if format_pubdate(e.date)), default="")
    if newest:
        ET.SubElement(head, "lastBuildDate").text = format_pubdate(newest)
    for entry in entries:
        add_item(head, entry, channel, site)
    ET.indent(rss)
    return XML_DECLARATION + ET.tostring(rss, encoding="unicode") + "\n"


def add_item(head: ET.Element, entry: Entry, channel: Channel, site: Site) -> None:
    item = ET.SubElement(head, "item")
    url = address(site, entry.url, channel.feed_url)
    ET.SubElement(item, "title").text = entry.title
    ET.SubElement(item, "link").text = url
    # A guid is a permalink only when it is absolute; otherwise it is the page's stable path.
    permalink = bool(site.url)
    ET.SubElement(item, "guid", {"isPermaLink": str(permalink).lower()}).text = url if permalink else entry.url
    pubdate = format_pubdate(entry.date)
    if pubdate:
        ET.SubElement(item, "pubDate").text = pubdate
    ET.SubElement(item, "description").text = describe_item(entry)
    for zone in entry.zones:
        ET.SubElement(item, "category", {"domain": ZONE_DOMAIN}).text = zone
    for topic in dict.fromkeys(entry.topics):
        ET.SubElement(item, "category", {"domain": TOPIC_DOMAIN}).text = topic


def render_opml(title: str, folders: dict[str, list[Channel]], site: Site, opml_path: str) -> str:
    """OPML 2.0 listing feeds in folders (a feed reader imports each folder as one)."""
    opml = ET.Element("opml", {"version": "2.0"})
    ET.SubElement(ET.SubElement(opml, "head"), "title").text = title
    body = ET.SubElement(opml, "body")
    for folder, channels in folders.items():
        group = ET.SubElement(body, "outline", {"text": folder, "title": folder})
        for channel in channels:
            ET.SubElement(group, "outline", {
                "type": "rss", "text": channel.name, "title": channel.title,
                "xmlUrl": address(site, channel.feed_url, opml_path),
                "htmlUrl": address(site, channel.page_url, opml_path)})
    ET.indent(opml)
    return XML_DECLARATION + ET.tostring(opml, encoding="unicode") + "\n"


# ---- the site's feeds -----------------------------------------------------------------------


def site_channel(site: Site, feed_path: str) -> Channel:
    return Channel(site.name, site.name, site.description, "", feed_path)


def zone_channel(catalog: Catalog, zone: str, site: Site) -> Channel:
    return Channel(zone, f"{zone} · {site.name}", f"{site.name}：{zone}的新闻", catalog.zone_url(zone),
                   catalog.zone_feed_url(zone))


def topic_channel(catalog: Catalog, topic: str, site: Site) -> Channel:
    return Channel(topic, f"专题：{topic} · {site.name}", f"{site.name}：{topic}专题的新闻",
                   catalog.topic_url(topic), catalog.topic_feed_url(topic))


def make_feeds(catalog: Catalog, site: Site, *, feed_path: str, items: int) -> dict[str, str]:
    """Path -> text of every feed and OPML file: the site's, one per zone (the news its page
    lists, Catalog.zone_news), one per topic, and the two OPML lists."""
    out = {feed_path: render_feed(catalog.articles[:items], site_channel(site, feed_path), site)}
    zone_folders: dict[str, list[Channel]] = {}
    for province, zones in group_zones_by_province(catalog).items():
        channels = [zone_channel(catalog, zone, site) for zone in zones]
        zone_folders[province] = channels
        for zone, channel in zip(zones, channels):
            out[channel.feed_url] = render_feed(catalog.zone_news(zone)[:items], channel, site)
    topics = [topic_channel(catalog, topic, site) for topic in topic_order(catalog.by_topic)]
    for topic, channel in zip(topic_order(catalog.by_topic), topics):
        out[channel.feed_url] = render_feed(catalog.by_topic[topic][:items], channel, site)
    out[ZONE_FEEDS] = render_opml(f"{site.name} · 各园区的订阅", zone_folders, site, ZONE_FEEDS)
    out[TOPIC_FEEDS] = render_opml(f"{site.name} · 各专题的订阅", {"专题": topics}, site, TOPIC_FEEDS)
    return out
