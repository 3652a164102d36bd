"""Markdown for an article: page text shown as text, never as markup or script."""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace

import yaml

from parkdigest.convert.model import Aside, Draft
from parkdigest.convert.normalize import close_name_padding
from parkdigest.resources import language_words

# The words put before a photo caption in the text (language.yaml).
CAPTION_LABEL: str = language_words()["caption_label"]

# Characters that Python-Markdown (with the tables extension MkDocs loads) lets a backslash
# escape; a backslash before any other character is printed as it is.
_INLINE = re.compile(r"([\\`*_\[\]|{}])")
# An "&" that starts what reads as a character reference (&amp; &#126; &lt;) is written as one,
# so that the page's text shows as printed; any other "&" (BP&C, R&D) stays as it is: Markdown
# shows a bare "&" as itself.
_REFERENCE = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# "~" is not backslash-escapable but opens a ~~~ code fence: a character reference is inert.
_TILDE = "&#126;"
# What makes a line a heading, a list item or a quote: the marker is escaped, never the digits
# of "1." (a backslash before a digit would show: "\1.苏州工业园").
# Four spaces of indentation make a code block: written as character references they are not indentation.
_INDENT = re.compile(r"^[ \t]+")
_LINE_START = re.compile(r"^(\s*)(?:([#+\-])|(\d+)([.)]))")


def escape_markdown(text: str) -> str:
    """Make page text inert in Markdown: HTML is shown, not run; * _ [ ] | do nothing."""
    text = _REFERENCE.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE.sub(r"\\\1", text).replace("~", _TILDE)
    text = _INDENT.sub(lambda m: m.group().replace(" ", "&#32;").replace("\t", "&#9;"), text)
    return _LINE_START.sub(_escape_line_start, text)


def _escape_line_start(match: re.Match) -> str:
    indent, marker, digits, closer = match.groups()
    return f"{indent}\\{marker}" if marker else f"{indent}{digits}\\{closer}"


# A picture's number at the head of its caption (图③：…, ③…, 图3：…): a page numbers its
# pictures in reading order, and captions are read in that order.
_PICTURE_NUMBER = re.compile(r"^图?\s*(?:([\u2460-\u2473])|(\d{1,2})(?=[：:\s]))")


# Lines that name who wrote: a story's byline, an editor's note signature (——编  者).
_SIGNED = (Aside.BYLINE, Aside.SIGNATURE)


def for_reading(draft: Draft) -> Draft:
    """The draft as a reader sees it: two-character names in its bylines, signatures and credits without
    the padding the page set between their characters, numbered captions in number order."""
    paragraphs = tuple(replace(p, text=close_name_padding(p.text)) if p.credit or p.aside in _SIGNED else p
                       for p in draft.paragraphs)
    return replace(draft, byline=close_name_padding(draft.byline), paragraphs=paragraphs,
                   captions=_in_picture_order(draft.captions))


def _in_picture_order(captions: tuple[str, ...]) -> tuple[str, ...]:
    """Numbered captions sorted by their number, each in one of the places numbered captions
    held; captions without a number stay where they are."""
    numbers = {k: _picture_number(c) for k, c in enumerate(captions)}
    slots = [k for k, number in numbers.items() if number is not None]
    ordered = iter(sorted((captions[k] for k in slots), key=lambda c: _picture_number(c) or 0))
    placed = {k: next(ordered) for k in slots}
    return tuple(placed.get(k, c) for k, c in enumerate(captions))


def _picture_number(caption: str) -> int | None:
    match = _PICTURE_NUMBER.match(caption)
    if not match:
        return None
    circled, digits = match.groups()
    return ord(circled) - 0x2460 + 1 if circled else int(digits)


# The class each line of its own is shown with (docs/assets/site.css styles them).
_ASIDE_CLASS = {Aside.KICKER: "story-kicker", Aside.DECK: "story-deck", Aside.BYLINE: "byline",
                Aside.SIGNATURE: "signature"}


def render_body(draft: Draft) -> str:
    """The article's Markdown body (the title comes from the front-matter)."""
    parts = []  # the kicker, like the title, is front-matter: the page template shows it
    for paragraph in draft.paragraphs:
        text = escape_markdown(paragraph.text)
        if paragraph.subhead:
            text = f"## {text}"
        elif paragraph.credit:
            text += "\n{ .credit }"
        elif paragraph.aside is not None:
            text += f"\n{{ .{_ASIDE_CLASS[paragraph.aside]} }}"
        parts.append(text)
    for caption in draft.captions:
        parts.append(f"{CAPTION_LABEL}{escape_markdown(caption)}\n{{ .caption }}")
    return "\n\n".join(parts) + "\n"


def render_file(meta: dict, body: str) -> str:
    """Front-matter (YAML, safely dumped) + body, with a checksum of both. The checksum is the
    mapping's last key: its line is dumped on its own and put last (a block mapping dumps as the
    lines of its keys, one after another), so the front-matter is dumped once."""
    front = _front(meta)
    text = f"---\n{front}---\n\n{body}"
    return f"---\n{front}{_front({'checksum': checksum(text)})}---\n\n{body}"


def checksum(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def strip_checksum(text: str) -> tuple[str, str]:
    """(file text without its checksum line, the checksum) — to detect hand edits."""
    match = re.search(r"^checksum: ['\"]?([0-9a-f]{16})['\"]?\n", text, flags=re.M)
    if not match:
        return text, ""
    return text[: match.start()] + text[match.end():], match.group(1)


def _front(meta: dict) -> str:
    return yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000, default_flow_style=False)
