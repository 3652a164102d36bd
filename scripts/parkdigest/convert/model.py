"""The values that flow between pipeline stages.

Every stage takes and returns these frozen dataclasses, so a newcomer can read the
pipeline as a chain of transformations: Page -> Blocks -> Layout -> Drafts -> Articles.
Line numbers are 1-based and refer to the seed file as the editor sees it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum, StrEnum

from parkdigest.articles.files import Furniture, Move
from parkdigest.problems import Problem


class Kind(str, Enum):
    """What a block of page text is, as decided by `classify`."""

    FURNITURE = "furniture"  # masthead, folio, editor line, photo credit, QR footer ...
    CONTENTS = "contents"  # an entry of the page's table of contents
    LABEL = "label"  # a column / section label such as 园镜头
    HEADLINE = "headline"  # a short line with no sentence punctuation: title, deck or subhead
    BYLINE = "byline"  # 本报记者 张三
    CREDIT = "credit"  # closing credit such as (供稿:科技部火炬中心)
    CAPTION = "caption"  # a photo caption
    BODY = "body"  # running text (possibly a fragment of a paragraph)


# The kinds of line a head stack is made of: what heads the text under it (a title, a subhead,
# a label, a byline), read with that text wherever the copy found it.
HEAD_KINDS = frozenset({Kind.HEADLINE, Kind.LABEL, Kind.BYLINE})


@dataclass(frozen=True)
class Line:
    number: int
    text: str


@dataclass(frozen=True)
class Page:
    """A seed file: its name and its lines (already decoded, line endings unified)."""

    source: str  # file name of the seed, e.g. 000_beff7d82536003b2.txt
    lines: tuple[Line, ...]
    sidecar: dict = field(default_factory=dict, compare=False, hash=False)
    problems: tuple[Problem, ...] = ()

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


class LineRule(StrEnum):
    """The rules of `classify` that later stages ask about: each is named here once, so a rule
    cannot be renamed where it is given and left behind where it is asked. The other rules are
    only shown in the page report (`Block.rule` holds them as plain text)."""

    HEADLINE = "headline"  # a line with a headline's shape
    HEADLINE_CANDIDATE = "headline-candidate"  # a headline only inside a stack (a kicker with commas …)
    HEADLINE_IN_STACK = "headline-in-stack"  # such a candidate, found inside a stack
    KICKER_AND_TITLE = "kicker-and-title"  # a kicker run into its title in one line
    BOX_HEADING = "box-heading"  # ■链接, 核心阅读: a box's heading inside an article
    DASH_LINE = "dash-line"  # a line opening with ——: a subtitle, or a signature
    DASH_SIGNATURE = "dash-signature"  # a —— line under a paragraph: its signature (——编者)


@dataclass(frozen=True)
class Block:
    """A non-blank line of the page with what `classify` made of it."""

    kind: Kind
    text: str
    first_line: int
    last_line: int
    gap_before: int = 0  # blank lines above it: a run of them marks an image on the page
    rule: str = ""  # which rule classified it (shown in the page report)

    def __post_init__(self) -> None:
        if isinstance(self.rule, LineRule):  # kept as plain text: reports and YAML dumps read it
            object.__setattr__(self, "rule", self.rule.value)


@dataclass(frozen=True)
class Join:
    """Two fragments of one broken sentence, glued at a junction."""

    left_line: int
    right_line: int
    score: float
    confidence: float
    adjacent: bool  # the right part directly follows the left one in the file
    left_block: int = -1  # ids of the two content blocks (PlacedBlock.id)
    right_block: int = -1

    @property
    def moved(self) -> bool:
        return not self.adjacent


class Aside(str, Enum):
    """A line of an article's text printed apart from its paragraphs, on a line of its own."""

    KICKER = "kicker"  # a package story's kicker, printed above the story's heading
    DECK = "deck"  # a package story's subtitle, printed under its heading
    BYLINE = "byline"  # a package story's byline, under its heading
    SIGNATURE = "signature"  # the signature closing an editor's note (——编  者)


@dataclass(frozen=True)
class Paragraph:
    text: str
    lines: tuple[int, ...]
    subhead: bool = False
    credit: bool = False  # a closing credit (（作者为……）), printed where it stands
    aside: Aside | None = None  # a line of its own that is not a paragraph of running text


@dataclass(frozen=True)
class Draft:
    """An article as the page shows it, before metadata: text only, in reading order."""

    title: str
    lines: tuple[int, ...]  # every source line that went into it
    paragraphs: tuple[Paragraph, ...]
    deck: str = ""
    section: str = ""
    byline: str = ""
    kicker: str = ""  # a pull quote printed above the title
    captions: tuple[str, ...] = ()
    confidence: float = 1.0
    index: int = 0  # position on the page (reading order of titles)

    @property
    def body(self) -> str:
        """What the article says: its paragraphs and subheads, without its credits."""
        return "\n\n".join(p.text for p in self.paragraphs if not p.credit)

    @property
    def credits(self) -> tuple[str, ...]:
        return tuple(p.text for p in self.paragraphs if p.credit)


@dataclass(frozen=True)
class LineRole:
    """What a line (or a run of lines glued into one block) was taken for, so an editor sees
    why a page split as it did: furniture, label, kicker, title, subtitle, byline, subhead,
    box, caption, credit or body, and the article it went to (None for furniture)."""

    first_line: int
    last_line: int
    role: str
    article: int | None  # index of the draft on the page
    rule: str = ""  # the rule that classified it


class AreaKind(str, Enum):
    """What a rectangle of a PDF page is, as the source view outlines it."""

    ARTICLE = "article"  # an article's module: its headline stack and its columns
    BLOCK = "block"  # a block of lines inside an article (numbered by its first line)
    FURNITURE = "furniture"


@dataclass(frozen=True)
class PageArea:
    """A rectangle of a PDF page, in fractions of its width and height (top-down)."""

    page: int  # 1-based page of the PDF
    box: tuple[float, float, float, float]  # x0, y0, x1, y1
    kind: AreaKind
    article: int | None  # index of the draft it belongs to; None for furniture
    first_line: int  # the first line of the page text it holds


@dataclass(frozen=True)
class PagePicture:
    """A PDF page rendered for the source view."""

    page: int
    width: int  # pixels
    height: int
    data: bytes  # JPEG


@dataclass(frozen=True)
class Layout:
    """What `segment` and `reflow` found on a page."""

    source: str
    drafts: tuple[Draft, ...]
    furniture: tuple[Furniture, ...]
    joins: tuple[Join, ...]
    moves: tuple[Move, ...]
    page_date: str = ""  # YYYY-MM-DD when the page prints its date
    warnings: tuple[Problem, ...] = ()
    has_contents: bool = False  # a newsletter: its section labels head groups of articles
    line_roles: tuple[LineRole, ...] = ()  # every block and furniture line, in line order
    areas: tuple[PageArea, ...] = ()  # a PDF page: where each article, block and furniture stands


@dataclass(frozen=True)
class Article:
    """A finished article: front-matter fields plus Markdown body."""

    slug: str
    meta: dict  # validated front-matter (see schema.FrontMatter), in output key order
    body: str  # Markdown


@dataclass(frozen=True)
class PageFacts:
    """What the editor's sidecar says the page is, and the day its articles carry."""

    publication: str = ""  # the sidecar's; "" when it says none (the page's folio may)
    page: str = ""  # the sidecar's page, such as 第5版
    date: str = ""  # YYYY-MM-DD printed on the page or given by the sidecar; "" when neither


@dataclass(frozen=True)
class PageResult:
    source: str
    layout: Layout
    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]
    pictures: tuple[PagePicture, ...] = ()  # a PDF's pages, for the source view
    text: tuple[str, ...] = ()  # a PDF's text as read (what the report's line numbers count)
    facts: PageFacts = PageFacts()


class Role(str, Enum):
    """What a content block does in its article, as decided by `segment`."""

    HEAD = "head"  # part of the title cluster: label, deck, title, byline
    KICKER = "kicker"  # a pull quote printed above the title
    SUBHEAD = "subhead"
    BODY = "body"
    CAPTION = "caption"
    CREDIT = "credit"


@dataclass(frozen=True)
class PlacedBlock:
    """One content block of a page with what segmentation made of it."""

    id: int  # its position among the page's content blocks (file order); joins refer to it
    block: Block
    role: Role
    owner: int  # index of its article
    confidence: float = 1.0  # how sure the owner is


@dataclass(frozen=True)
class Segmentation:
    """Which article each block of a page belongs to, before reading order is repaired."""

    source: str
    placed: tuple[PlacedBlock, ...]  # the page's content blocks (no furniture), file order
    heads: tuple[tuple[int, ...], ...]  # per article: ids of its head-stack blocks
    joins: tuple[Join, ...]
    furniture: tuple[Furniture, ...]
    breaks: frozenset = frozenset()  # (block, block) neighbours that must not be read in a row
    contents: tuple[str, ...] = ()  # entries of the page's table of contents, labels stripped
    page_date: str = ""
    warnings: tuple[Problem, ...] = ()
    # The measures of the page's columns when its copy gives each printed line as a block of its
    # own (printed_lines.PrintedLines), else none: worked out once, read by reflow.
    column_measures: frozenset[int] = frozenset()
