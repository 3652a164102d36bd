"""Read a PDF page into what its geometry says: glyphs with their boxes, type size, font and
weight, and the shapes drawn on it (rules, frames, filled areas, pictures).

This is the only PDF module that talks to pypdfium2, and besides `convert/read.py` the only
one that reads the disk. Coordinates are turned to a top-down page (y grows downwards, as a
reader looks at the page); everything downstream works in those points, relative to the
page's size and its body type.
"""

from __future__ import annotations

import ctypes
import gc
import io
import math
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from enum import Enum
from pathlib import Path
from typing import Any, NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from parkdigest.convert.model import PagePicture
from parkdigest.convert.read import read_sidecar
from parkdigest.problems import Problem, Severity


class Box(NamedTuple):
    """A rectangle on the page, top-down: x0 < x1 left to right, y0 < y1 top to bottom.
    (A named tuple, immutable like the frozen dataclasses between stages but made at a third
    of their cost: a page makes one for each of its thousands of characters.)"""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2

    def union(self, other: Box) -> Box:
        return Box(min(self.x0, other.x0), min(self.y0, other.y0), max(self.x1, other.x1), max(self.y1, other.y1))

    def x_overlap(self, other: Box) -> float:
        return max(0.0, min(self.x1, other.x1) - max(self.x0, other.x0))

    def y_overlap(self, other: Box) -> float:
        return max(0.0, min(self.y1, other.y1) - max(self.y0, other.y0))

    def contains(self, other: Box, slack: float = 0.0) -> bool:
        return (other.x0 >= self.x0 - slack and other.x1 <= self.x1 + slack
                and other.y0 >= self.y0 - slack and other.y1 <= self.y1 + slack)


def enclosing(boxes: Iterator[Box] | list[Box] | tuple[Box, ...]) -> Box:
    items = list(boxes)
    return Box(min([b.x0 for b in items]), min([b.y0 for b in items]), max([b.x1 for b in items]),
               max([b.y1 for b in items]))


class Glyph(NamedTuple):
    """One printed character (a named tuple, as Box)."""

    char: str
    box: Box  # the font's box around the character (ascent to descent), not its ink
    baseline: float  # top-down y of the character's origin
    size: float  # type size in points
    font: str  # font name without its subset prefix (ABCDEF+)
    weight: int  # 400 regular, 700 bold; -1 when the font does not say
    light: bool  # printed in a light colour (white on a dark label)


class ShapeKind(str, Enum):
    """What a drawn shape is to a reader of the page."""

    HRULE = "hrule"  # a thin horizontal line: between articles, under a band, a frame's side
    VRULE = "vrule"  # a thin vertical line: between columns or modules
    AREA = "area"  # a filled or stroked rectangle: a picture, a tinted box, a label's ground
    PICTURE = "picture"  # an embedded image


@dataclass(frozen=True)
class Shape:
    kind: ShapeKind
    box: Box
    dark: bool = False  # filled with a dark colour (a reversed label's ground, a frame's ring)
    blank: bool = False  # filled white and not stroked: invisible on the paper


class PdfError(Exception):
    """A PDF that cannot be read: `message` and `hint` say what and what to do."""

    def __init__(self, message: str, hint: str):
        super().__init__(message)
        self.message = message
        self.hint = hint


@dataclass(frozen=True)
class PdfPage:
    """One page of a PDF as geometry."""

    number: int  # 1-based
    width: float
    height: float
    glyphs: tuple[Glyph, ...]
    shapes: tuple[Shape, ...]
    rotated_chars: int = 0  # characters printed at an angle (vertical text), not read
    unmapped_fonts: tuple[str, ...] = ()  # fonts whose characters have no Unicode meaning
    unmapped_share: float = 0.0  # share of the page's characters without a Unicode meaning
    refused: PdfError | None = None  # why the page is not read (damaged, too big): it gives nothing


# A rule is a shape this thin, in points (a hairline is 0.25-1 pt; 2.5 pt is a heavy rule).
RULE_MAX_THICKNESS = 2.5
# Shapes smaller than this in both directions are ornaments (a bullet, a dot between words).
ORNAMENT_MAX = 4.0
# A colour this dark (0-255, all three channels) is a dark ground; this light, light text;
# this light, the paper's white (a white area shows nothing).
DARK_CHANNEL, LIGHT_CHANNEL, WHITE_CHANNEL = 96, 200, 250
# pdfium's font weight when the font does not say.
UNKNOWN_WEIGHT = -1
# Characters that carry no meaning of their own: the private-use area and the replacement
# character are what a font without a Unicode map gives.
_PRIVATE_USE = (0xE000, 0xF8FF)
_REPLACEMENT = 0xFFFD
# Codes that stand for no printed character: NUL, line breaks, byte-order marks.
_NOT_CHARACTERS = frozenset({0, 0x0D, 0x0A, 0xFFFE, 0xFEFF})


def open_pdf(path: Path) -> pdfium.PdfDocument:
    """Open a PDF, or raise PdfError saying why not in an editor's words."""
    try:
        head = path.read_bytes()[:1024]
    except OSError as exc:
        raise PdfError(f"cannot read file ({exc.strerror})", "check the path") from None
    if b"%PDF-" not in head:
        raise PdfError("not a PDF (no %PDF header)", "save the page from the paper's digital edition as PDF")
    try:
        return pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise PdfError("the PDF is encrypted with a password",
                           "save an unprotected copy (print it to PDF) and convert that") from None
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise PdfError("the PDF uses an unsupported security handler",
                           "save an unprotected copy (print it to PDF) and convert that") from None
        raise PdfError("the PDF is damaged or truncated and cannot be opened",
                       "download the page again from the digital edition") from None


def _load_page(doc: pdfium.PdfDocument, index: int) -> pdfium.PdfPage:
    try:
        return doc[index]
    except pdfium.PdfiumError:
        raise PdfError(f"page {index + 1} is damaged and cannot be read",
                       "download the page again from the digital edition") from None


def _page_geometry(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, index: int) -> PdfPage:
    """The page's glyphs and shapes (its text page is closed when they are read)."""
    width, height = page.get_size()
    try:
        if textpage.count_chars() > MAX_PAGE_CHARS:
            raise PdfError(f"page {index + 1} holds {textpage.count_chars()} characters, over the "
                           f"{MAX_PAGE_CHARS} a newspaper page has", "check that the file is a newspaper page")
        with collector_paused():
            glyphs, rotated, unmapped, share = _glyphs(textpage, height)
    finally:
        textpage.close()
    shapes = tuple(_shapes(page, height))
    return PdfPage(index + 1, width, height, glyphs, shapes, rotated, unmapped, share)


@dataclass(frozen=True)
class _RunStyle:
    """What every character of one text object shares: its font, printed size, weight,
    colour, angle and whether its font maps to Unicode (read once per object, as pdfium's calls
    per character are the cost)."""

    font: str
    size: float
    weight: int
    light: bool
    rotated: bool
    unmapped: bool  # the font has no Unicode map for it: its characters come out as codes


def _plain_call(function: Any, restype: Any, *argtypes: Any) -> Callable[..., Any]:
    """A pdfium call that takes its handles and buffers as plain addresses (ints) and returns
    a handle as an int (None for NULL): the loop over a page's characters makes a few calls a
    character, and pypdfium2's typed pointers cost more to convert than the calls themselves."""
    address = ctypes.cast(function, ctypes.c_void_p).value or 0
    return ctypes.CFUNCTYPE(restype, *argtypes)(address)


_HANDLE, _INT = ctypes.c_void_p, ctypes.c_int
_TEXT_OBJECT = _plain_call(pdfium_c.FPDFText_GetTextObject, _HANDLE, _HANDLE, _INT)
_TEXT_OBJECT_FONT = _plain_call(pdfium_c.FPDFTextObj_GetFont, _HANDLE, _HANDLE)
_FILL_COLOR = _plain_call(pdfium_c.FPDFText_GetFillColor, _INT, _HANDLE, _INT, _HANDLE, _HANDLE, _HANDLE, _HANDLE)
_MATRIX = _plain_call(pdfium_c.FPDFText_GetMatrix, _INT, _HANDLE, _INT, _HANDLE)
_FONT_SIZE = _plain_call(pdfium_c.FPDFText_GetFontSize, ctypes.c_double, _HANDLE, _INT)
_UNICODE_MAP_ERROR = _plain_call(pdfium_c.FPDFText_HasUnicodeMapError, _INT, _HANDLE, _INT)
_PAGE_COUNT = _plain_call(pdfium_c.FPDFPage_CountObjects, _INT, _HANDLE)
_PAGE_OBJECT = _plain_call(pdfium_c.FPDFPage_GetObject, _HANDLE, _HANDLE, _INT)
_FORM_COUNT = _plain_call(pdfium_c.FPDFFormObj_CountObjects, _INT, _HANDLE)
_FORM_OBJECT = _plain_call(pdfium_c.FPDFFormObj_GetObject, _HANDLE, _HANDLE, ctypes.c_ulong)
_OBJECT_TYPE = _plain_call(pdfium_c.FPDFPageObj_GetType, _INT, _HANDLE)
_LOOSE_BOX = _plain_call(pdfium_c.FPDFText_GetLooseCharBox, _INT, _HANDLE, _INT, _HANDLE)
_ORIGIN = _plain_call(pdfium_c.FPDFText_GetCharOrigin, _INT, _HANDLE, _INT, _HANDLE, _HANDLE)


def _address(handle: Any) -> int:
    return ctypes.cast(handle, ctypes.c_void_p).value or 0


class _StyleReader:
    """Reads a character's run style through pdfium, reusing its buffers. A PDF printed by a
    browser puts nearly every character in a text object of its own, but uses a few styles: a
    style is made once for each font, size, matrix, colour and Unicode-map error, and a font's
    name and weight are read once (both are the font's own)."""

    def __init__(self, textpage: pdfium.PdfTextPage):
        self.textpage = textpage.raw
        self.address = _address(textpage.raw)
        self.name = ctypes.create_string_buffer(128)
        self.flags = ctypes.c_int()
        self.flags_ref = ctypes.byref(self.flags)
        self.rgba = (ctypes.c_uint * 4)()
        self.rgba_at = tuple(ctypes.addressof(self.rgba) + k * ctypes.sizeof(ctypes.c_uint) for k in range(4))
        self.matrix = pdfium_c.FS_MATRIX()
        self.matrix_at = ctypes.addressof(self.matrix)
        # The bytes of the matrix's a, b, c, d and of the colour's red, green, blue, read as
        # one bytes object each: a style's key without making a float or an int per field.
        self.scale_bytes = (ctypes.c_char * (4 * ctypes.sizeof(ctypes.c_float))).from_address(self.matrix_at)
        self.colour_bytes = (ctypes.c_char * (3 * ctypes.sizeof(ctypes.c_uint))).from_address(self.rgba_at[0])
        self.fonts: dict[int, tuple[str, int]] = {}  # font handle: name, weight
        self.styles: dict[tuple, _RunStyle] = {}

    def __call__(self, i: int, text_object: int | None) -> _RunStyle:
        textpage = self.address
        font = _TEXT_OBJECT_FONT(text_object) if text_object else None
        if not font:
            return self._read(i)  # no text object or font (a character pdfium made up): read it all
        _FILL_COLOR(textpage, i, *self.rgba_at)
        _MATRIX(textpage, i, self.matrix_at)
        key = (font, _FONT_SIZE(textpage, i), self.scale_bytes.raw, self.colour_bytes.raw,
               _UNICODE_MAP_ERROR(textpage, i))
        style = self.styles.get(key)
        if style is None:
            named = self.fonts.get(font)
            if named is None:
                pdfium_c.FPDFText_GetFontInfo(self.textpage, i, self.name, 128, self.flags_ref)
                named = self.fonts[font] = (self.name.value.decode("latin-1").split("+", 1)[-1],
                                            pdfium_c.FPDFText_GetFontWeight(self.textpage, i))
            style = self.styles[key] = self._style(i, key[1], *named, key[-1])
        return style

    def _read(self, i: int) -> _RunStyle:
        textpage = self.textpage
        pdfium_c.FPDFText_GetFontInfo(textpage, i, self.name, 128, self.flags_ref)
        _FILL_COLOR(self.address, i, *self.rgba_at)
        _MATRIX(self.address, i, self.matrix_at)
        return self._style(i, pdfium_c.FPDFText_GetFontSize(textpage, i),
                           self.name.value.decode("latin-1").split("+", 1)[-1],
                           pdfium_c.FPDFText_GetFontWeight(textpage, i), pdfium_c.FPDFText_HasUnicodeMapError(textpage, i))

    def _style(self, i: int, font_size: float, font: str, weight: int, unmapped: int) -> _RunStyle:
        """The style from the font and what the buffers hold for character i (matrix, colour)."""
        m = self.matrix
        # The size printed: the font's size in the text state scaled by the text and page
        # matrices (a PDF may set every font at 1 pt and scale it to 9 or 36 by its matrix).
        size = font_size * math.sqrt(abs(m.a * m.d - m.b * m.c))
        return _RunStyle(font=font, size=round(size, 2), weight=weight,
                         light=all(c >= LIGHT_CHANNEL for c in self.rgba[:3]),
                         rotated=abs(pdfium_c.FPDFText_GetCharAngle(self.textpage, i)) > 0.01,
                         unmapped=unmapped == 1)


def _glyphs(textpage: pdfium.PdfTextPage, height: float) -> tuple[tuple[Glyph, ...], int, tuple[str, ...], float]:
    glyphs: list[Glyph] = []
    rotated = 0
    unmapped: set[str] = set()
    unmapped_count = 0
    rect = pdfium_c.FS_RECTF()
    rect_at = ctypes.addressof(rect)
    ox, oy = ctypes.c_double(), ctypes.c_double()
    origin = (ctypes.addressof(ox), ctypes.addressof(oy))
    styles: dict[int, _RunStyle] = {}  # by text object
    read_style = _StyleReader(textpage)
    raw, address = textpage.raw, read_style.address
    # pdfium's calls, looked up once: this loop runs for every character of the page.
    text_object, loose_box, char_origin = _TEXT_OBJECT, _LOOSE_BOX, _ORIGIN
    count = textpage.count_chars()
    text = textpage.get_text_range(0, count)  # every character at once (one per index, outside rare planes)
    one_per_index = len(text) == count
    for i in range(count):
        code = ord(text[i]) if one_per_index else pdfium_c.FPDFText_GetUnicode(raw, i)
        if code in _NOT_CHARACTERS:
            continue
        if code == 0x20 and pdfium_c.FPDFText_IsGenerated(raw, i) == 1:
            continue  # a space pdfium made up: our own lines decide those
        key = text_object(address, i)
        style = styles.get(key) if key else None
        if style is None:
            style = read_style(i, key)
            if key:
                styles[key] = style
        if style.unmapped or code == _REPLACEMENT or _PRIVATE_USE[0] <= code <= _PRIVATE_USE[1]:
            unmapped.add(style.font or "unnamed font")
            unmapped_count += 1
        if style.rotated:
            rotated += 1
            continue
        if not loose_box(address, i, rect_at) or style.size <= 0 or rect.top <= rect.bottom:
            continue
        char_origin(address, i, *origin)
        glyphs.append(Glyph(chr(code), Box(rect.left, height - rect.top, rect.right, height - rect.bottom),
                            height - oy.value, style.size, style.font, style.weight, style.light))
    share = unmapped_count / max(1, len(glyphs) + rotated)
    return tuple(glyphs), rotated, tuple(sorted(unmapped)), share


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while a page's glyphs or lines are made: a page makes
    tens of thousands of objects that live as long as the page and form no cycles, and each
    pass of the collector they set off walks every object of the process (jieba's dictionary,
    the word lists)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# Page objects nested in form XObjects are followed this deep.
FORM_DEPTH = 4


def _shapes(page: pdfium.PdfPage, height: float) -> Iterator[Shape]:
    """The page's rules, areas and pictures (its text objects, thousands of them, are skipped
    through pdfium's raw calls: no wrapper object is made for them)."""
    rgba = [ctypes.c_uint() for _ in range(4)]
    rgba_refs = [ctypes.byref(c) for c in rgba]
    fill_mode, stroked = ctypes.c_int(), ctypes.c_int()
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    for obj, kind in _drawn_objects(page):
        pdfium_c.FPDFPageObj_GetBounds(obj, ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right),
                                       ctypes.byref(top))
        box = Box(left.value, height - top.value, right.value, height - bottom.value)
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            if box.width > ORNAMENT_MAX and box.height > ORNAMENT_MAX:
                yield Shape(ShapeKind.PICTURE, box)
            continue
        if box.width <= ORNAMENT_MAX and box.height <= ORNAMENT_MAX:
            continue
        if box.height <= RULE_MAX_THICKNESS:
            yield Shape(ShapeKind.HRULE, box)
        elif box.width <= RULE_MAX_THICKNESS:
            yield Shape(ShapeKind.VRULE, box)
        else:
            pdfium_c.FPDFPageObj_GetFillColor(obj, *rgba_refs)
            pdfium_c.FPDFPath_GetDrawMode(obj, ctypes.byref(fill_mode), ctypes.byref(stroked))
            filled = fill_mode.value != 0 and rgba[3].value > 0
            dark = filled and all(c.value <= DARK_CHANNEL for c in rgba[:3])
            blank = not stroked.value and (not filled or all(c.value >= WHITE_CHANNEL for c in rgba[:3]))
            yield Shape(ShapeKind.AREA, box, dark, blank)


def _drawn_objects(page: pdfium.PdfPage) -> Iterator[tuple[object, int]]:
    """Path and image objects of the page, in forms too, with their type (every object is
    looked at through plain-address calls: a page printed by a browser has one a character)."""
    stack: list[tuple[int, int, int]] = [(_address(page.raw), 0, 0)]  # (container, is a form, depth)
    while stack:
        container, is_form, depth = stack.pop()
        count = _FORM_COUNT(container) if is_form else _PAGE_COUNT(container)
        get_object = _FORM_OBJECT if is_form else _PAGE_OBJECT
        for i in range(count):
            obj = get_object(container, i)
            kind = _OBJECT_TYPE(obj)
            if kind in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE):
                yield ctypes.cast(obj, pdfium_c.FPDF_PAGEOBJECT), kind
            elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < FORM_DEPTH:
                stack.append((obj, 1, depth + 1))


@dataclass(frozen=True)
class PdfSeed:
    """A PDF seed as read from disk: its pages' geometry, its sidecar, what reading found, and
    its pages' pictures for the source view (drawn on PdfReader's thread: ask `.result()` when
    they are needed, after the pages are segmented)."""

    source: str
    pages: tuple[PdfPage, ...]
    sidecar: dict
    pictures: Future[tuple[PagePicture, ...]]
    problems: tuple[Problem, ...] = ()


# A newspaper page or a newsletter fits in this many pages; a longer file is a book or a
# whole issue glued together, and each page costs memory and time.
MAX_PAGES = 64
# A broadsheet page holds ~5-15 thousand characters; far more is not a page of text (a
# table of figures, a file that repeats its text layer) and is refused to bound memory.
MAX_PAGE_CHARS = 60_000

# pdfium is not thread-safe: the process calls it from one thread at a time. Every call
# into it holds this lock (PdfReader's thread takes it for each file it opens or draws).
_PDFIUM = threading.Lock()


def read_pdf(path: Path, display: str | None = None) -> PdfSeed:
    """Read a PDF seed and its sidecar, its pictures drawn; PdfError for a file that cannot be
    converted at all."""
    with PdfReader() as reader:
        return reader.read(path, display)


class PdfReader:
    """Reads PDF seeds, the work pdfium does in C moved to a thread of its own while the
    caller works in Python: each file's pictures are drawn while the caller segments its pages,
    and the next file of `paths` is opened (its pages and their text parsed) meanwhile. pdfium
    draws and parses outside Python's lock, so on two cores the two go on side by side.

    Use it in a `with` block: leaving it waits for the thread and closes what it opened."""

    def __init__(self, paths: Sequence[Path] = ()):
        self._following = dict(zip(paths, paths[1:]))
        self._ahead: dict[Path, Future[_Opened]] = {}
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pdfium")

    def __enter__(self) -> PdfReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self._worker.shutdown(wait=True)
        for future in self._ahead.values():
            if future.exception() is None:
                future.result().close()
        self._ahead.clear()

    def read(self, path: Path, display: str | None = None) -> PdfSeed:
        """The seed's pages' geometry; its pictures come when `seed.pictures.result()` is asked."""
        name = display or path.name
        ahead = self._ahead.pop(path, None)
        opened = ahead.result() if ahead else _open(path)
        with _PDFIUM:
            try:
                geometry = [_page_read(loaded, i) for i, loaded in enumerate(opened.pages)]
                read = _readable(geometry)
            except BaseException:
                opened.close()
                raise
        pictures = self._worker.submit(_drawn, opened)
        following = self._following.get(path)
        if following is not None:
            self._ahead[following] = self._worker.submit(_open, following)
        problems = tuple(p for page in geometry for p in page_problems(page, name))
        sidecar, sidecar_problems = read_sidecar(path, name)
        return PdfSeed(name, read, sidecar, pictures, problems + sidecar_problems)


# A page of an open file: pdfium's page with its text page, or why it could not be loaded.
_Loaded = tuple[pdfium.PdfPage, pdfium.PdfTextPage] | PdfError


@dataclass(frozen=True)
class _Opened:
    """A PDF file open in pdfium: its document, and each page loaded with its text page (or the
    error that page gave: a damaged page spoils no other)."""

    doc: pdfium.PdfDocument
    pages: tuple[_Loaded, ...]

    def loaded(self) -> Iterator[tuple[int, pdfium.PdfPage, pdfium.PdfTextPage]]:
        """Each page that loaded, with its index in the file."""
        for index, loaded in enumerate(self.pages):
            if not isinstance(loaded, PdfError):
                yield index, *loaded

    def close(self) -> None:
        for _, page, text in self.loaded():
            text.close()  # closing twice is harmless: pypdfium2 skips a closed object
            page.close()
        self.doc.close()


def _open(path: Path) -> _Opened:
    """The file opened and its pages loaded, each once (for its geometry and its picture)."""
    with _PDFIUM:
        doc = open_pdf(path)
        pages: list[_Loaded] = []
        try:
            count = len(doc)
            if count == 0:
                raise PdfError("the PDF has no pages", "download the page again from the digital edition")
            if count > MAX_PAGES:
                raise PdfError(f"the PDF has {count} pages, over the {MAX_PAGES} pages a seed may hold",
                               "split it into pages or issues (one PDF each)")
            for i in range(count):
                try:
                    page = _load_page(doc, i)
                except PdfError as exc:
                    pages.append(exc)
                    continue
                pages.append((page, page.get_textpage()))
        except BaseException:
            _Opened(doc, tuple(pages)).close()  # what was loaded before the error
            raise
    return _Opened(doc, tuple(pages))


def _page_read(loaded: _Loaded, index: int) -> PdfPage:
    """A loaded page's geometry; a page that cannot be read (damaged, too big) is kept with
    why, and gives nothing: the file's other pages are read all the same."""
    if isinstance(loaded, PdfError):
        return _refused(index, loaded, (0.0, 0.0))  # never loaded: its size unknown
    page, text = loaded
    try:
        return _page_geometry(page, text, index)
    except PdfError as exc:
        return _refused(index, exc, page.get_size())


def _refused(index: int, why: PdfError, size: tuple[float, float]) -> PdfPage:
    """Page index+1, not read: no glyphs, no shapes, and why."""
    return PdfPage(index + 1, size[0], size[1], (), (), refused=why)


def _readable(pages: list[PdfPage]) -> tuple[PdfPage, ...]:
    """The pages, those whose text is mostly codes emptied (they give no articles; their problem
    says why); PdfError when no page has a text to read: the first refused page's error, else no
    text layer, else fonts without a Unicode map."""
    if all(not page.glyphs for page in pages):
        refusals = [page.refused for page in pages if page.refused is not None]
        if refusals:
            raise refusals[0]
        raise PdfError("the PDF has no text layer (a scanned page?)", "run OCR first, then convert the OCR'd PDF")
    read = tuple(replace(page, glyphs=()) if page.unmapped_share > MAX_UNMAPPED_SHARE else page for page in pages)
    if all(not page.glyphs for page in read):
        fonts = sorted({f for page in pages for f in page.unmapped_fonts})
        raise PdfError(f"the PDF's font(s) {', '.join(fonts)} have no Unicode map: its text comes out as codes",
                       "export the PDF again with embedded Unicode fonts, or run OCR first")
    return read


def _drawn(opened: _Opened) -> tuple[PagePicture, ...]:
    """The pages' pictures; the file is closed before they are handed over."""
    with _PDFIUM:
        try:
            return tuple(_picture(page, index) for index, page, _ in opened.loaded())
        finally:
            opened.close()


# The source view's picture of a page: this many pixels wide (a phone shows it zoomed out,
# a desktop at about its size), grey (the outlines are drawn over it in colour), JPEG at a
# quality that keeps 8-pt type legible at full size (~170 kB a broadsheet page; WebP is 14 %
# smaller but takes 30 times as long to encode, a fifth of a page's conversion).
PICTURE_WIDTH_PX = 900
PICTURE_QUALITY = 50


def _picture(page: pdfium.PdfPage, index: int) -> PagePicture:
    bitmap = page.render(scale=PICTURE_WIDTH_PX / page.get_width(), grayscale=True)
    try:  # closed here, on the drawing thread, not by a collector on another one
        image = bitmap.to_pil()
        out = io.BytesIO()
        image.save(out, format="JPEG", quality=PICTURE_QUALITY)
        return PagePicture(index + 1, image.width, image.height, out.getvalue())
    finally:
        bitmap.close()


# Characters without a Unicode meaning, in this share of a page's text, make it unreadable.
MAX_UNMAPPED_SHARE = 0.05


def page_problems(page: PdfPage, name: str) -> list[Problem]:
    """What an editor must know about one page: it could not be read (damaged, too big), no
    text on it, fonts that give no characters, characters printed at an angle (vertical text)."""
    where = f"page {page.number}"
    if page.refused is not None:
        return [Problem(name, f"{page.refused.message}; it gives no articles, the PDF's other pages are read",
                        page.refused.hint)]
    problems = []
    if not page.glyphs:
        problems.append(Problem(name, f"{where} has no text layer (a scanned page?); it gives no articles",
                                "run OCR first, then convert the OCR'd PDF", severity=Severity.WARNING))
    if page.unmapped_fonts:
        problems.append(Problem(
            name, f"{where}: font(s) {', '.join(page.unmapped_fonts)} have no Unicode map; their characters "
            "come out as codes, not text", "export the PDF again with embedded Unicode fonts, or run OCR",
            severity=Severity.ERROR if page.unmapped_share > MAX_UNMAPPED_SHARE else Severity.WARNING))
    if page.rotated_chars:
        problems.append(Problem(
            name, f"{where}: {page.rotated_chars} characters are printed at an angle (vertical or rotated text) "
            "and are not read", "add that text by hand to its article, or convert a horizontal copy",
            severity=Severity.WARNING))
    return problems
