"""The RSS 2.0 feed of the latest articles, park news first, written by the build (no plugin, no network)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from urllib.parse import urljoin
from xml.etree import ElementTree as ET

from parkdigest.site.catalog import Entry
from parkdigest.site.render import INFERRED_MARK, UNDATED, date_text

ATOM_NS = "http://www.w3.org/2005/Atom"
# Newspaper dates are Beijing dates; noon keeps the day the same in every reader's zone.
BEIJING = timezone(timedelta(hours=8))
PUBLISH_HOUR = 12


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


def render_feed(entries: list[Entry], *, site_url: str, title: str, description: str, feed_path: str) -> str:
    """RSS 2.0 with absolute links (readers resolve nothing), newest first.

    The channel's date is the newest article's, so the same articles give the same bytes.
    """
    ET.register_namespace("atom", ATOM_NS)
    rss = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(rss, "channel")
    ET.SubElement(channel, "title").text = title
    ET.SubElement(channel, "link").text = site_url
    ET.SubElement(channel, "description").text = description
    ET.SubElement(channel, "language").text = "zh-CN"
    ET.SubElement(channel, f"{{{ATOM_NS}}}link",
                  {"href": urljoin(site_url, feed_path), "rel": "self", "type": "application/rss+xml"})
    dates = [d for d in (format_pubdate(e.date) for e in entries) if d]
    if dates:
        ET.SubElement(channel, "lastBuildDate").text = dates[0]
    for entry in entries:
        item = ET.SubElement(channel, "item")
        url = urljoin(site_url, entry.url)
        ET.SubElement(item, "title").text = entry.title
        ET.SubElement(item, "link").text = url
        ET.SubElement(item, "guid", {"isPermaLink": "true"}).text = url
        pubdate = format_pubdate(entry.date)
        if pubdate:
            ET.SubElement(item, "pubDate").text = pubdate
        ET.SubElement(item, "description").text = describe_item(entry)
        for topic in entry.topics:
            ET.SubElement(item, "category").text = topic
    ET.indent(rss)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(rss, encoding="unicode") + "\n"
