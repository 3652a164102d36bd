"""Golden outputs: what the converter makes of each seed and dev page, in a form a reviewer
reads — per article its headline stack, park, date, topics, first and last words and number
of paragraphs; per page its joins and furniture. tests/test_golden.py compares a fresh
conversion with tests/golden/; a change that moves an article shows as one diff there.

    make golden        # = .venv/bin/python tests/golden_outputs.py: rewrite tests/golden/
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
PAGE_DIRS = (ROOT / "seeds", ROOT / "tests" / "devset" / "pages")
# Enough of a paragraph's ends to recognise it in a diff.
EDGE_CHARS = 24


def golden_of(page) -> dict:
    """The golden record of one converted page (a pipeline PageResult)."""
    articles = []
    for draft, article in zip(page.layout.drafts, page.articles):
        text = [p for p in draft.paragraphs if not p.credit]
        bodies = [p.text for p in text if not p.subhead]
        meta = article.meta
        articles.append({key: value for key, value in {
            "title": draft.title, "kicker": draft.kicker, "deck": draft.deck, "section": draft.section,
            "byline": draft.byline, "zone": meta.get("zone"), "zones": meta.get("zones"),
            "park_news": meta.get("park_news"), "date": str(meta.get("date") or ""),
            "date_precision": meta.get("date_precision"), "topics": meta.get("topics"),
            "paragraphs": len(text), "subheads": sum(p.subhead for p in text),
            "captions": len(draft.captions), "credits": list(draft.credits),
            "first": bodies[0][:EDGE_CHARS] if bodies else "", "last": bodies[-1][-EDGE_CHARS:] if bodies else "",
        }.items() if value not in ("", None, [])})
    return {"page": page.source, "date": page.layout.page_date,
            "articles": articles,
            "joins": [f"{j.left_line}->{j.right_line}" for j in page.layout.joins],
            "furniture": [f"{f.line} {f.rule}: {f.text}" for f in page.layout.furniture]}


def render(record: dict) -> str:
    return yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=120)


def convert_all(out: Path) -> dict[str, str]:
    """{golden file name: text} for every page, converted into `out`."""
    from parkdigest.convert.pipeline import run

    texts = {}
    for pages in PAGE_DIRS:
        result = run([pages], out / pages.name / "articles", jobs=1)
        for page in result.pages:
            texts[f"{Path(page.source).stem}.yaml"] = render(golden_of(page))
    return texts


def main() -> int:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        texts = convert_all(Path(tmp))
    GOLDEN.mkdir(exist_ok=True)
    for stale in set(p.name for p in GOLDEN.glob("*.yaml")) - set(texts):
        (GOLDEN / stale).unlink()
    changed = [name for name, text in sorted(texts.items())
               if not (GOLDEN / name).exists() or (GOLDEN / name).read_text(encoding="utf-8") != text]
    for name in changed:
        (GOLDEN / name).write_text(texts[name], encoding="utf-8")
    print(f"golden: {len(texts)} pages, {len(changed)} rewritten — review them with git diff tests/golden")
    return 0


if __name__ == "__main__":
    sys.exit(main())
