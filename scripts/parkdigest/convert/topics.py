"""Topics: which themes of the taxonomy (reference/topics.py) an article is about, scored
on its jieba words."""

from __future__ import annotations

from parkdigest.convert.words import cut
from parkdigest.reference.topics import taxonomy

# Scores are per this many words of the article, so long and short articles compare.
PER_WORDS = 1000
# A headline's words say more than the text's, and the lead's more than the rest: each
# counts this many times (the same order as for zones: title, lead, then frequency).
TITLE_REPEAT = 5
LEAD_REPEAT = 2


def score_topics(text: str, title: str = "", lead: str = "") -> dict[str, float]:
    """Weighted keyword count per 1,000 jieba words, for every topic.

    The headline (title and deck) and the lead say what the article is about in a few
    words: each of their words counts as TITLE_REPEAT or LEAD_REPEAT words of the text
    (the lead is part of the text, so it gets LEAD_REPEAT - 1 more)."""
    words = cut(text) + cut(title) * TITLE_REPEAT + cut(lead) * (LEAD_REPEAT - 1)
    total = max(len(words), 1)
    counts: dict[str, int] = {}
    for word in words:
        counts[word] = counts.get(word, 0) + 1
    return {topic.label: round(sum(w * counts.get(k, 0) for k, w in topic.keywords.items()) * PER_WORDS / total, 3)
            for topic in taxonomy().topics}


def choose_topics(text: str, title: str = "", lead: str = "") -> list[str]:
    """The 2-5 strongest topics, strongest first (taxonomy order breaks ties): those at or
    above the taxonomy's min_score and min_share of the strongest, topped up to min_topics
    with the next ones that scored."""
    tax = taxonomy()
    scores = score_topics(text, title, lead)
    order = {label: i for i, label in enumerate(tax.labels())}
    ranked = sorted(scores, key=lambda label: (-scores[label], order[label]))
    threshold = max(tax.min_score, tax.min_share * scores[ranked[0]])
    chosen = [label for label in ranked if scores[label] >= threshold][: tax.max_topics]
    for label in ranked:
        if len(chosen) >= tax.min_topics:
            break
        if label not in chosen and scores[label] > 0:
            chosen.append(label)
    return chosen
