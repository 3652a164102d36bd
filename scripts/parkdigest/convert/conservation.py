"""Nothing lost, nothing invented: every Chinese character of a page ends up exactly once
in an article (title, deck, section, byline, kicker, body, caption, credit) or in the
page's furniture report."""

from __future__ import annotations

from collections import Counter

from parkdigest.convert.model import Layout, Page
from parkdigest.text import HAN_CHAR


def cjk_counts(text: str) -> Counter:
    return Counter(HAN_CHAR.findall(text))


def layout_text(layout: Layout) -> str:
    """All text a page's conversion kept, in one string."""
    parts = [f.text for f in layout.furniture]
    for draft in layout.drafts:
        parts += [draft.title, draft.deck, draft.section, draft.byline, draft.kicker, draft.body,
                  *draft.captions, *draft.credits]
    return "\n".join(parts)


def conservation_errors(page: Page, layout: Layout) -> tuple[Counter, Counter]:
    """(characters lost, characters added) between the page and its conversion."""
    before, after = cjk_counts(page.text), cjk_counts(layout_text(layout))
    return before - after, after - before
