"""The site's search index, sharded by character pair, so that one search downloads a few
small files however many articles there are.

Why this shape: readers type Chinese phrases (业界共治, a whole clause) and short words (人才,
基金) that are often part of a longer jieba word (人才培养, 产业基金), so the worker must find
every page that contains the query *verbatim*. Every pair of adjacent characters ("bigram")
of a page is indexed with its positions; a query of n characters is verbatim at position p
when the pairs that cover it (offsets 0, 2, 4 … and n-2) sit at p, p+2, … — exact, with
no dictionary and no text to download but the shards holding those pairs.

Files written under `site/search/pd/` (read by overrides/assets/javascripts/workers/pd-search.js):
- `manifest.json`: the number of shards, where a page's body starts (positions below are
  its title and tags) and the names of the pages found by name (zones and topics: 兰州高新区,
  光谷, 人才), so that a query that is such a name lists its page first;
- `config.json`: Material's search config with no documents (its search box and the
  `?h=` highlighter need the config; the whole index stays in search_index.json, fetched
  only when a reader asks for Material's own search);
- `t/<shard>.txt`: one line per pair: `PAIR\\t` then the pages that have it, `;`-separated,
  each `<page id delta>:<position deltas, comma-separated>`, numbers in base 36; a pair found
  almost everywhere has a file of its own (`t/p-<code points>.txt`, listed in the manifest);
- `d/<page id>-<chunk>.json`: what a result shows: url, title, date, tags and the chunk of the
  text where the query first occurs.

The build stays linear: each page's pairs go to one of `BUCKETS` temporary files as the page
is rendered; after the build each bucket is read once, grouped by pair and written out.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from parkdigest.reference.gazetteer import surface_forms
from parkdigest.site.catalog import describe_zone
from parkdigest.site.render import format_date

INDEX_DIR = Path("search") / "pd"
MANIFEST_VERSION = 2  # 2: names of the pages found by name
# What a zone page's result says first, before its province and kind: the result is a park's page.
ZONE_PAGE_LABEL = "园区"
# Positions of a page's body start here; title and tags lie below. A title or tag list
# longer than this is cut (no real title comes near).
BODY_OFFSET = 4096
# Temporary bucket files the pairs are spread over while pages are rendered: enough that one
# bucket fits in memory at 10,000 articles (~1/256 of the index), few enough to keep open.
BUCKETS = 256
# Raw bytes of postings aimed at per shard file (about 1/3 of that gzip-compressed): a query
# of a few words then fetches a few files of a few kB each. The shard count is the power of
# two that gets closest without going over, at least MIN_SHARDS.
TARGET_SHARD_BYTES = 24_000
MIN_SHARDS = 16
# A pair whose postings alone exceed this (高新, 发展: in most articles, many times) gets a file
# of its own, named in the manifest with its size, so that the shards of ordinary pairs stay
# small and the worker can cover a phrase by cheaper pairs (兰州高新区 by 兰州, 州高, 新区).
HOT_PAIR_BYTES = TARGET_SHARD_BYTES // 2
# A page's text is served in chunks of this many characters (each with the next
# CHUNK_OVERLAP too): a result fetches the chunk of its first match, not the whole page.
# The overlap is at least the worker's snippet (pd-search-common.js SNIPPET_LENGTH).
CHUNK_CHARS = 400
CHUNK_OVERLAP = 160
# FNV-1a, 32 bits, over a pair's two code points: the worker computes the same in JavaScript.
FNV_OFFSET, FNV_PRIME, MASK32 = 2166136261, 16777619, 0xFFFFFFFF
# Block-level tags: their text is a paragraph of its own (no pair spans two paragraphs).
BLOCK_TAG = re.compile(r"</?(?:p|div|h[1-6]|li|ul|ol|table|tr|td|th|blockquote|pre|figure|figcaption|br|hr)\b[^>]*>",
                       re.I)
ANY_TAG = re.compile(r"<[^>]+>")
# Tags whose content is not text a reader reads (scripts, styles, Material's permalink signs).
HIDDEN = re.compile(r"<(script|style|svg)\b.*?</\1>", re.I | re.S)
BLANKS = re.compile(r"[ \t\r\f\v\u00a0\u3000]*\n[\s\u00a0\u3000]*")
SPACES = re.compile(r"[ \t\r\f\v\u00a0\u3000]+")
DIGITS36 = "0123456789abcdefghijklmnopqrstuvwxyz"


# Full-width ASCII forms (！ to ～) to ASCII.
FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}


def fold(text: str) -> str:
    """Case and width folded, one character for one (so positions stay the text's): full-width
    Latin letters and digits become ASCII, capitals small. The worker folds queries alike."""
    narrow = text.translate(FULL_WIDTH)
    low = narrow.lower()
    if len(low) == len(narrow):
        return low
    # a rare letter whose small form is longer (İ): keep it as it is
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in narrow)


def is_word(ch: str) -> bool:
    """Letters (Chinese included) and digits: a pair is indexed only if both are (JS: \\p{L}|\\p{N})."""
    return ch.isalnum()


def pair_hash(pair: str) -> int:
    h = FNV_OFFSET
    for ch in pair:
        h = ((h ^ ord(ch)) * FNV_PRIME) & MASK32
    return h


def _base36(n: int) -> str:
    out = []
    while n:
        n, r = divmod(n, 36)
        out.append(DIGITS36[r])
    return "".join(reversed(out)) or "0"


# Position deltas and page-id deltas are nearly all below 36**3: written from a table, as
# formatting millions of numbers one digit at a time was a fifth of the build at 500 articles.
_BASE36 = [_base36(n) for n in range(36 ** 3)]


def base36(n: int) -> str:
    return _BASE36[n] if n < len(_BASE36) else _base36(n)


def html_to_text(content: str) -> str:
    """A page's reading text: tags removed, one line per block, entities decoded."""
    text = HIDDEN.sub("", content)
    text = BLOCK_TAG.sub("\n", text)
    text = html.unescape(ANY_TAG.sub("", text))
    text = BLANKS.sub("\n", text)
    return SPACES.sub(" ", text).strip()


WORD_RUN = re.compile(r"[^\W_]{2,}")  # two or more letters or digits (str.isalnum, as is_word)


def pair_positions(text: str, offset: int = 0) -> dict[str, list[int]]:
    """Every indexed pair of `text` (folded) and where it starts, offset by `offset`."""
    found: dict[str, list[int]] = defaultdict(list)
    for run in WORD_RUN.finditer(fold(text)):
        word, start = run.group(), run.start() + offset
        for i in range(len(word) - 1):
            found[word[i:i + 2]].append(start + i)
    return found


def encode_positions(positions: list[int]) -> str:
    """Ascending positions as base-36 deltas (short numbers compress well)."""
    return ",".join([base36(b - a) for a, b in zip([0, *positions], positions)])


@dataclass
class Doc:
    """What a result shows for one page."""
    url: str
    title: str
    date: str  # as a reader reads it: 2022年7月31日 ("" for pages without a date)
    tags: list[str]
    head: str  # title and tags, as indexed below BODY_OFFSET
    body: str  # kicker, deck and text, as indexed from BODY_OFFSET


@dataclass
class IndexWriter:
    """Collects pages during the build (add), writes the shards after it (finish)."""

    work: Path
    ids: dict[str, int] = field(default_factory=dict)  # page url -> id (articles newest first)
    docs: dict[int, Doc] = field(default_factory=dict)
    buckets: list = field(default_factory=list)
    bytes_written: int = 0
    hashes: dict[str, int] = field(default_factory=dict)  # pair -> hash, computed once per pair
    names: dict[str, list[int]] = field(default_factory=dict)  # folded name -> pages found by that name

    @classmethod
    def start(cls, article_urls: list[str]) -> IndexWriter:
        """Articles get ids in the order given (the catalog's, newest first: ties rank newest
        first); other pages get the next ids as they come."""
        work = Path(tempfile.mkdtemp(prefix="parkdigest-search-"))
        writer = cls(work=work, ids={url: i for i, url in enumerate(article_urls)})
        writer.buckets = [(work / f"{b}.txt").open("w", encoding="utf-8") for b in range(BUCKETS)]
        return writer

    def add(self, url: str, title: str, content_html: str, *, date: str = "", tags=(), preface=()) -> None:
        """One rendered page: its title, tags, HTML content and the text shown before it (kicker, deck)."""
        doc_id = self.ids.setdefault(url, len(self.ids))
        if doc_id in self.docs:
            return
        tags = [str(t) for t in tags]
        head = (title + "\n" + " ".join(tags))[:BODY_OFFSET - 1]
        body = "\n".join([*(p for p in preface if p), html_to_text(content_html)])
        self.docs[doc_id] = Doc(url, title, date, tags, head, body)
        pairs = pair_positions(head)
        for pair, positions in pair_positions(body, BODY_OFFSET).items():
            pairs[pair].extend(positions)
        self._write_pairs(doc_id, pairs)

    def add_named(self, url: str, title: str, names: list[str], facts: str) -> None:
        """A page found by its name (a zone's or a topic's listing): its title and names are
        indexed, not the titles it lists; a result shows `facts` as its text."""
        doc_id = self.ids.setdefault(url, len(self.ids))
        if doc_id in self.docs:
            return
        head = (title + "\n" + " ".join(names))[:BODY_OFFSET - 1]
        self.docs[doc_id] = Doc(url, title, "", [], head, facts)
        self._write_pairs(doc_id, pair_positions(head))
        for name in dict.fromkeys(fold(n) for n in names):
            self.names.setdefault(name, []).append(doc_id)

    def _write_pairs(self, doc_id: int, pairs: dict[str, list[int]]) -> None:
        for pair, positions in pairs.items():
            h = self.hashes.get(pair)
            if h is None:
                h = self.hashes[pair] = pair_hash(pair)
            line = f"{pair}\t{doc_id}\t{encode_positions(positions)}\n"
            self.buckets[h % BUCKETS].write(line)
            self.bytes_written += len(line)

    def finish(self, site_dir: Path, material_config: dict) -> dict:
        """Write the shards, the page files, the manifest and the config; return the manifest."""
        for handle in self.buckets:
            handle.close()
        out = Path(site_dir) / INDEX_DIR
        if out.exists():
            shutil.rmtree(out)
        (out / "t").mkdir(parents=True)
        (out / "d").mkdir()
        shards = shard_count(self.bytes_written)
        # Buckets are pair hash mod BUCKETS and shards hash mod `shards`, both powers of two:
        # a shard's pairs all lie in the buckets congruent to it modulo the smaller of the two.
        group = min(shards, BUCKETS)
        hot: dict[str, int] = {}
        for first in range(group):
            hot.update(write_shards(self.work, range(first, BUCKETS, group), range(first, shards, group), shards,
                                    out / "t"))
        for doc_id, doc in self.docs.items():
            for k, chunk in enumerate(chunks(doc.body)):
                record = {"u": doc.url, "t": doc.title, "d": doc.date, "g": doc.tags, "x": chunk,
                          "o": k * CHUNK_CHARS, "n": len(doc.body)}
                (out / "d" / f"{doc_id}-{k}.json").write_text(
                    json.dumps(record, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        manifest = {"version": MANIFEST_VERSION, "shards": shards, "docs": len(self.docs), "body": BODY_OFFSET,
                    "chunk": CHUNK_CHARS, "shard_bytes": TARGET_SHARD_BYTES, "hot": dict(sorted(hot.items())),
                    "names": dict(sorted(self.names.items()))}
        (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, separators=(",", ":")),
                                           encoding="utf-8")
        (out / "config.json").write_text(json.dumps({"config": material_config, "docs": []}, ensure_ascii=False),
                                         encoding="utf-8")
        shutil.rmtree(self.work, ignore_errors=True)
        return manifest


def shard_count(total_bytes: int) -> int:
    shards = MIN_SHARDS
    while total_bytes / (shards * 2) >= TARGET_SHARD_BYTES:
        shards *= 2
    return shards


def chunks(body: str) -> list[str]:
    """The body in chunks of CHUNK_CHARS, each with the CHUNK_OVERLAP characters after it."""
    return [body[at:at + CHUNK_CHARS + CHUNK_OVERLAP] for at in range(0, max(len(body), 1), CHUNK_CHARS)]


def hot_pair_file(pair: str) -> str:
    """The file of a pair with postings of its own: its code points in base 36."""
    return "p-" + "-".join(base36(ord(ch)) for ch in pair) + ".txt"


def write_shards(work: Path, buckets: range, shard_ids: range, shards: int, out: Path) -> dict[str, int]:
    """Read some buckets, group their lines by pair, pages in id order, into the shard files
    `shard_ids` (those whose pairs all lie in these buckets), or a file of its own for a pair
    bigger than HOT_PAIR_BYTES. Returns those pairs and their sizes."""
    by_pair: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for bucket in buckets:
        with (work / f"{bucket}.txt").open(encoding="utf-8") as bucket_file:
            for record in bucket_file:
                pair, doc_id, positions = record.rstrip("\n").split("\t")
                by_pair[pair].append((int(doc_id), positions))
    files: dict[int, list[str]] = {shard: [] for shard in shard_ids}
    hot: dict[str, int] = {}
    for pair, postings in by_pair.items():
        postings.sort()
        parts: list[str] = []
        last = 0
        for number, places in postings:
            parts.append(f"{base36(number - last)}:{places}")
            last = number
        line = f"{pair}\t{';'.join(parts)}"
        size = len(line.encode("utf-8"))
        if size > HOT_PAIR_BYTES:
            (out / hot_pair_file(pair)).write_text("\n" + line + "\n", encoding="utf-8")
            hot[pair] = size
        else:
            files[pair_hash(pair) % shards].append(line)
    for shard, lines in files.items():  # every shard, empty ones too: the worker never meets a 404
        # A leading newline lets the worker find a pair's line by searching for "\nPAIR\t".
        (out / f"{base36(shard)}.txt").write_text("\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return hot


# ---- the MkDocs side (called from site/hooks.py) --------------------------------------------


def start_index(catalog) -> IndexWriter:
    return IndexWriter.start([entry.url for entry in catalog.articles])


def index_page(writer: IndexWriter, page, content_html: str, catalog) -> None:
    """Index a rendered page unless it asks not to be searched (`search: exclude`, as listings do)."""
    meta = page.meta or {}
    if (meta.get("search") or {}).get("exclude"):
        return
    entry = catalog.by_uri.get(page.file.src_uri)
    if entry is None:  # a hand-written page: about, guide
        writer.add(page.url, page.title or "", content_html)
        return
    writer.add(entry.url, entry.title, content_html, date=html_to_text(format_date(entry)),
               tags=entry.topics, preface=(str(meta.get("kicker") or ""), entry.deck))


def index_name_pages(writer: IndexWriter, catalog) -> None:
    """Zone and topic pages, found by their names: a zone by every form the gazetteer knows
    (兰州高新区, 兰州高新技术产业开发区, 光谷 …), a topic by its label."""
    forms = zone_forms()
    for zone in catalog.zone_slugs:
        province, kind, official = describe_zone(zone)
        facts = [ZONE_PAGE_LABEL, province, kind, *([official] if official and official != zone else []),
                 f"{len(catalog.zone_news(zone))}篇文章"]
        writer.add_named(catalog.zone_url(zone), zone, [zone, *forms.get(zone, ())], " · ".join(facts))
    for topic, entries in catalog.by_topic.items():
        writer.add_named(catalog.topic_url(topic), f"专题：{topic}", [topic], f"专题 · {len(entries)}篇文章")


@cache
def zone_forms() -> dict[str, tuple[str, ...]]:
    """Zone -> every other way the gazetteer knows of writing it."""
    out: dict[str, list[str]] = defaultdict(list)
    for form, name in surface_forms().items():
        if form != name:
            out[name].append(form)
    return {name: tuple(found) for name, found in out.items()}


def finish_index(writer: IndexWriter, config, material_config: dict) -> dict:
    return writer.finish(Path(config.site_dir), material_config)
