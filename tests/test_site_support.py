"""Helpers shared by the site tests (test_site.py) and the browser tests (test_browser.py):
the converted articles as data, an HTML link extractor and a quiet local web server.
(Named test_site_* to sit with the site tests; it holds no tests itself.)"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from parkdigest.articles.files import read_front_matter

HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Article:
    slug: str
    meta: dict
    body: str

    @property
    def title(self) -> str:
        return str(self.meta["title"])

    @property
    def text(self) -> str:
        """Title, deck and body as a reader sees them (Markdown escapes and attributes removed)."""
        body = re.sub(r"\{[^}]*\}", "", self.body).replace("\\", "").replace("&amp;", "&")
        return f"{self.title}\n{self.meta.get('deck', '')}\n{body}"

    @property
    def zones(self) -> list[str]:
        zones = [str(z) for z in self.meta.get("zones") or []]
        zone = self.meta.get("zone")
        return zones if not zone or zone in zones else [str(zone), *zones]


def read_articles(docs: Path) -> list[Article]:
    out = []
    for path in sorted((docs / "articles").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        meta = read_front_matter(text)
        out.append(Article(path.stem, meta, text.split("\n---\n", 1)[1]))
    return out


class LinkParser(HTMLParser):
    """Every URL an HTML page refers to: (tag, attribute, value, rel), and every id it defines."""

    URL_ATTRIBUTES = {"href", "src", "srcset", "poster", "data"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str, str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        rel = dict(attrs).get("rel") or ""
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if name in self.URL_ATTRIBUTES and value:
                self.links.append((tag, name, value, rel))

    handle_startendtag = handle_starttag


def parse_links(path: Path) -> LinkParser:
    parser = LinkParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def page_html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def hrefs_in(html: str, cls: str) -> list[str]:
    """The href of every <a class="…cls…"> in document order."""
    return re.findall(rf'<a class="[^"]*\b{re.escape(cls)}\b[^"]*" href="([^"]+)"', html)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site as GitHub Pages does: a missing page gets the site's 404.html."""

    def log_message(self, format, *args):  # the test output is for test results
        pass

    def send_error(self, code, message=None, explain=None):
        not_found = Path(self.directory) / "404.html"
        if code != 404 or not not_found.is_file():
            return super().send_error(code, message, explain)
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class LocalServer:
    """The built site on http://127.0.0.1:<free port>/, served from a thread."""

    def __init__(self, root: Path):
        handler = functools.partial(QuietHandler, directory=str(root))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


# Elements that start a new line when rendered (whitespace next to them is not shown).
BLOCK_TAGS = {"address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details", "dialog", "div",
              "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
              "header", "hr", "html", "label", "legend", "li", "main", "nav", "ol", "p", "section", "summary",
              "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "svg", "g", "text",
              "input", "button", "select", "option"}
NOT_SHOWN = {"script", "style", "template", "noscript", "head", "title"}  # an SVG's <title> is a tooltip
CODE_TAGS = {"code", "pre", "kbd", "samp"}


class TextParser(HTMLParser):
    """A page's text as a browser lays it out: block elements on their own lines, runs of
    whitespace (a line break in the HTML source included) shown as one space. Text inside
    code is left out when `code` is False (literal file names, keys, commands)."""

    def __init__(self, code: bool):
        super().__init__(convert_charrefs=True)
        self.code = code
        self.hidden = 0
        self.in_code = 0
        self.pre = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in NOT_SHOWN:
            self.hidden += 1
        if tag in CODE_TAGS:
            self.in_code += 1
        if tag == "pre":
            self.pre += 1
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in NOT_SHOWN:
            self.hidden = max(0, self.hidden - 1)
        if tag in CODE_TAGS:
            self.in_code = max(0, self.in_code - 1)
        if tag == "pre":
            self.pre = max(0, self.pre - 1)
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.hidden or (self.in_code and not self.code):
            return
        if self.pre:
            self.parts.append("\n" + data + "\n")
        else:
            self.parts.append(re.sub(r"[ \t\r\n\f]+", " ", data))

    def text(self) -> str:
        lines = "".join(self.parts).split("\n")
        return "\n".join(line.strip() for line in lines if line.strip())


def rendered_text(html: str, *, code: bool = True) -> str:
    parser = TextParser(code)
    parser.feed(html)
    return parser.text()
