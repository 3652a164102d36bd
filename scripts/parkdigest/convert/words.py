"""Chinese words: the one place that talks to jieba.

jieba loads its dictionary once per process (~0.6 s); everything else asks here.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from functools import cache, lru_cache
from itertools import islice
from pathlib import Path

import jieba

from parkdigest.reference.gazetteer import surface_forms
from parkdigest.resources import language_words
from parkdigest.text import HAN_CHAR, SENTENCE_END_NO_ELLIPSIS

# Words too common on these pages to say anything about what a paragraph is about.
_STOPWORDS = frozenset(language_words()["stopwords"])


@cache
def tokenizer() -> jieba.Tokenizer:
    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.initialize()
    for term in domain_words():
        tok.add_word(term, freq=max(tok.FREQ.get(term, 0), tok.suggest_freq(term, tune=False)))
    return tok


def load() -> None:
    """Load every table the converter reads words with — jieba's dictionary with our domain
    terms, and the part-of-speech, IDF and place tables built from jieba's files — as
    `jieba.initialize()` loads jieba's own; otherwise each loads when first asked."""
    tokenizer()
    _tag_table()
    _idf_table()
    place_words()


def domain_words() -> list[str]:
    """Zone names and the domain's terms (language.yaml): jieba keeps them whole (成都高新区, 营商环境)."""
    return sorted(set(surface_forms()) | set(language_words()["domain_terms"]))


# Each line of a page is cut once: junction scoring asks about the same few characters at
# each end of a fragment again and again, and similarity, word classes and topics all read
# the same paragraphs. Texts are cut line by line through a cache.
# Sized for one page (at most read.MAX_PAGE_LINES lines): reuse happens within a page,
# and a larger cache would make memory grow with the number of pages converted.
_CACHE_SIZE = 4096
# jieba's word-class flags that other stages ask about: a place name, a number (numerals and
# figures: 360, 千亿元), a measure word (千里, 座).
PLACE_FLAG, NUMBER_FLAG, MEASURE_FLAG = "ns", "m", "q"
NOUN_FLAG, ORGANISATION_FLAG = "n", "nt"
_NUMBER = re.compile(r"^[0-9０-９.．%％]+$")
_LATIN = re.compile(r"^[0-9A-Za-z]+$")


def cut(text: str) -> list[str]:
    """Words of the text (jieba's precise mode, no HMM guesses: stable across versions)."""
    if "\n" not in text:
        return list(_cut_line(text))
    words: list[str] = []
    for i, line in enumerate(text.split("\n")):
        if i:
            words.append("\n")  # jieba yields the line break as a token of its own
        words += _cut_line(line)
    return words


@lru_cache(maxsize=_CACHE_SIZE)
def _cut_line(text: str) -> tuple[str, ...]:
    return tuple(tokenizer().lcut(text, HMM=False)) if text else ()


@cache
def _tag_table() -> dict[str, str]:
    """jieba's dictionary word -> part-of-speech flag (the third column of dict.txt)."""
    tok = tokenizer()
    table: dict[str, str] = {}
    with tok.get_dict_file() as stream:
        for raw in stream:
            parts = raw.decode("utf-8").split()
            if len(parts) >= 3:
                table[parts[0]] = parts[2]
    # The words `tokenizer` adds name things: a zone is an organisation, a domain term a noun.
    # Left unflagged they would read as x, the class of punctuation, and a junction before
    # one (加强以|科技创新) as the end of a sentence.
    for term in language_words()["domain_terms"]:
        table.setdefault(term, NOUN_FLAG)
    for name in surface_forms():
        table.setdefault(name, ORGANISATION_FLAG)
    return table


def tag(text: str) -> list[tuple[str, str]]:
    """(word, part-of-speech flag) pairs in jieba's tag set (n noun, v verb, r pronoun …):
    each word of `cut` with the flag its dictionary gives it, as jieba.posseg does without
    HMM; numbers are m, Latin words eng, anything else unknown x."""
    table = _tag_table()
    return [(word, table.get(word) or _unlisted_flag(word)) for word in cut(text)]


# A paragraph may open with a time or discourse word and a comma (目前，同时，2021年，): the
# words a sentence opens with to set its time or tie it to the one before — time words,
# conjunctions, adverbs, set phrases — or a date.
_ADVERBIAL_TAGS = ("t", "c", "d", "i", "l")
_ADVERBIAL_DATE = re.compile(r"\d{4}年(\d{1,2}月)?(\d{1,2}日)?|[今去明]年|今年以来|近日|日前")
ADVERBIAL_MAX_CHARS = 6  # such an opening is a word or two before its comma
SPEAKER_MAX_CHARS = 20  # who spoke and the verb: a name, a pronoun or a post and a name (管委会主任王广部), then 说 or 表示


def opens_with_adverbial(text: str) -> bool:
    """Does the text open the way running sentences open: a time or discourse word, then a
    comma (目前，… 近年来，… 2021年，…)? Paragraphs open so; headlines do not (one of the 1,005 titles,
    kickers and decks of the dev pages' and typeset pages' gold does, a 36-character kicker)."""
    comma = text.find("，")
    if not 0 < comma <= ADVERBIAL_MAX_CHARS:
        return False
    if _ADVERBIAL_DATE.fullmatch(text[:comma]):
        return True
    head = tag(text[:comma])
    return len(head) == 1 and head[0][1].startswith(_ADVERBIAL_TAGS)


def opens_with_reported_speech(text: str) -> bool:
    """Does the text open with who spoke, a verb of saying and a comma (贾敬敦说，… 他表示，…), or
    with where its facts come from (据介绍，…)? Reported speech goes on in running text; a title
    quoting a speaker sets a colon (贾敬敦：…). The verb is a whole word (驶入新赛道， ends with
    赛道, not 道)."""
    comma = text.find("，")
    if not 0 < comma <= SPEAKER_MAX_CHARS:
        return False
    if text[:comma] in language_words()["sourcing_phrases"]:
        return True
    words = tag(text[:comma])
    return len(words) >= 2 and words[-1][0] in language_words()["speech_verbs"]


# jieba's flags of words that never end a phrase: an attributive (中小型 b), a preposition (p),
# a conjunction (c), the structural particle 的 (uj; 了 and 地 may end one). With the verbs
# never said without their object (是, 位于) and the adverbs that only stand before a verb (都,
# 也: language.yaml), a text ending with one stops mid-sentence, wherever it is cut.
_MID_PHRASE_TAGS = ("b", "p", "c", "uj")


@cache
def figure_leads() -> frozenset[str]:
    """The words said only before a figure (language.yaml figure_leads: 超, 近, 约, 共计)."""
    return frozenset(language_words()["figure_leads"])


def ends_mid_phrase(text: str) -> bool:
    """Does the text end with a word that never ends a phrase (`_MID_PHRASE_TAGS`,
    `_mid_phrase_words`)? Then it goes on somewhere ("近年来，南宁先后出台支持和鼓励举办中小型",
    "……江西省吉安市吉安县，位于")."""
    words = last_tags(text, 1)
    return bool(words) and (words[-1][1].startswith(_MID_PHRASE_TAGS) or words[-1][0] in _mid_phrase_words())


@cache
def _mid_phrase_words() -> frozenset[str]:
    """The verbs never said without their object and the adverbs that only stand before a verb
    (language.yaml object_bound_verbs, preverbal_adverbs)."""
    return frozenset(language_words()["object_bound_verbs"]) | frozenset(language_words()["preverbal_adverbs"])


def is_dictionary_word(text: str) -> bool:
    """Does jieba's dictionary know the text as one word (时评, 特稿; not a name: 马维维)?"""
    return text in tokenizer().FREQ


def last_word(text: str) -> tuple[str, bool]:
    """The last word of a clause and whether jieba's dictionary knows it. Here jieba may
    guess words it does not know (its HMM): a name it has never seen (雄安) comes out whole,
    not as single characters."""
    words = tokenizer().lcut(text, HMM=True) if text else []
    if not words:
        return "", False
    return words[-1], is_dictionary_word(words[-1])


def ends_with_a_whole_word(text: str) -> bool:
    """Does the text's last word hold more than one character? A title or a name ends with a
    word of its own; a column cuts text anywhere, mostly inside a word (构筑绿色产 ends in the
    first character of 产业, ……超大型制造企 in the first of 企业)."""
    return len(last_word(text)[0]) > 1


def first_tags(text: str, count: int) -> list[tuple[str, str]]:
    """The first words of a fragment with their flags, as the whole fragment is cut."""
    return _edges(text)[0][:count]


def last_tags(text: str, count: int) -> list[tuple[str, str]]:
    """The last words of a fragment with their flags, as the whole fragment is cut."""
    return _edges(text)[1][-count:] if count else []


# jieba's flags of a person's name: nr, and nrfg / nrt for names it knows as foreign or
# transliterated.
PERSON_FLAG = "nr"


@cache
def _name_tagger() -> jieba.posseg.POSTokenizer:
    # Imported here, when a page first needs it: importing jieba.posseg loads its model's tables
    # (~0.4 s), and most pages never ask where a glued name ends.
    import jieba.posseg

    return jieba.posseg.POSTokenizer(tokenizer())


def first_tags_guessing_names(text: str, count: int) -> list[tuple[str, str]]:
    """The first words of a text with their flags, a person's name the dictionary does not hold
    guessed as one word (于大勇坚持: 于大勇 nr, 坚持 v). `tag` cuts by the dictionary alone
    (于 / 大 / 勇): it is stable, but no dictionary holds every name, and where a name glued to
    the words after it ends is what jieba's model of names (posseg with HMM) is for."""
    return [(pair.word, pair.flag) for pair in islice(_name_tagger().cut(text, HMM=True), count)]


@lru_cache(maxsize=_CACHE_SIZE)
def _edges(text: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    words = tag(text)
    return words[:_EDGE_WORDS], words[-_EDGE_WORDS:]


_EDGE_WORDS = 6  # words kept of each end of a fragment: enough for any edge question


def split_compound(word: str) -> list[str]:
    """成都高新区 -> 成都, 高新区: jieba's best cut of the word into smaller dictionary
    words; characters that are no word of their own stay together (兰白 in 兰白国家…)."""
    tok = tokenizer()
    dag = tok.get_DAG(word)
    dag[0] = [end for end in dag[0] if end != len(word) - 1] or [0]
    route: dict = {}
    tok.calc(word, dag, route)
    pieces, start = [], 0
    while start < len(word):
        end = route[start][1] + 1
        pieces.append(word[start:end])
        start = end
    merged: list[str] = []
    for piece, previous in zip(pieces, [""] + pieces):
        if len(piece) == 1 and len(previous) == 1 and merged:
            merged[-1] += piece
        else:
            merged.append(piece)
    return merged


def _unlisted_flag(word: str) -> str:
    if _NUMBER.match(word):
        return NUMBER_FLAG
    if _LATIN.match(word):
        return "eng"
    return "x"


class TagModel:
    """Part-of-speech bigram statistics of one page's own text: which kind of word follows
    which (an adverb like 即将 is followed by a verb, rarely by a noun).

    Trained on the page it judges, so it needs no corpus and adapts to each paper's style.
    """

    def __init__(self, texts: list[str]):
        self.pairs: Counter = Counter()
        self.unigrams: Counter = Counter()
        for text in texts:
            words = tag(text)
            flags = [_START] + [_START if w in _SENTENCE_END else _coarse(f) for w, f in words]
            self.unigrams.update(flags)
            self.pairs.update(zip(flags, flags[1:]))
        self.left_totals: Counter = Counter()
        for (a, _), count in self.pairs.items():
            self.left_totals[a] += count

    def continuation_odds(self, left: str, right: str) -> float:
        """log P(right's first word class | left's last word class)
        − log P(right's first word class | start of a sentence):
        positive when `right` reads better as the rest of `left`'s sentence than as a
        sentence of its own."""
        left_tags, right_tags = last_tags(left, 1), first_tags(right, 1)
        if not left_tags or not right_tags:
            return 0.0
        a, b = _coarse(left_tags[-1][1]), _coarse(right_tags[0][1])
        return math.log(self._p(b, a) / self._p(b, _START))

    def _p(self, b: str, a: str) -> float:
        classes = len(self.unigrams) + 1
        return (self.pairs[(a, b)] + 1) / (self.left_totals[a] + classes)


_START = "^"
# A word after one of these opens a sentence.
_SENTENCE_END = frozenset(SENTENCE_END_NO_ELLIPSIS)


def _coarse(flag: str) -> str:
    """jieba's tags reduced to word classes: vn, vd -> v; nr, ns, nt, nz -> n; …"""
    return flag[:1] if flag else "x"


def content_words(text: str) -> list[str]:
    """Words that say what a text is about: Chinese, two characters or more, not stopwords."""
    return [w for w in cut(text) if is_content_word(w)]


def is_content_word(word: str) -> bool:
    return len(word) >= 2 and bool(HAN_CHAR.search(word)) and word not in _STOPWORDS


@cache
def _idf_table() -> tuple[dict[str, str], float]:
    """jieba's inverse document frequencies (jieba/analyse/idf.txt, from a large general
    corpus: word and IDF a line) and the median, which jieba.analyse gives a word the table
    lacks. Read here rather than through jieba.analyse, whose import parses the table into
    floats at once (1.2 s against 0.5 s); values stay text until asked for."""
    path = Path(jieba.__file__).parent / "analyse" / "idf.txt"
    table = dict(line.split(" ", 1) for line in path.read_text(encoding="utf-8").splitlines() if " " in line)
    values = sorted(map(float, table.values()))
    return table, values[len(values) // 2]


def idf(word: str) -> float:
    """How telling a word is in general Chinese text: high for 锂离子电池, low for 服务."""
    table, median = _idf_table()
    value = table.get(word)
    return float(value) if value is not None else median


def words_taken_up(title: str, text: str) -> float:
    """The share of a title's content words (weighed by IDF) that a text holds (0..1): a title
    says what its text is about, so its telling words come back in the text's first paragraph."""
    words = set(content_words(title))
    total = sum(idf(w) for w in words)
    return sum(idf(w) for w in words if w in text) / total if total else 0.0


def is_word_prefix(text: str) -> bool:
    """jieba's dictionary keeps every prefix of every word (frequency 0 for mere prefixes)."""
    return text in tokenizer().FREQ


# A junction gain this large means a word broken at a line end, not two words side by side
# (a compound split at its seam gains ~2.7 nats, a broken word 5-17).
BROKEN_WORD_NATS = 3.0


def junction_gain(left: str, right: str, context: int = 4) -> float:
    """How much more probable jieba finds the text read across the junction than its two
    sides read apart, in nats: log P(best cut of a+b) − log P(a) − log P(b).

    Large for a word broken at the line end (颠|覆性: 13.9, 建|设: 9.1), moderate for a
    compound (中介|机构: 2.7), zero when the junction falls between words.
    """
    a, b = left[-context:], right[:context]
    if not a or not b:
        return 0.0
    # jieba's dictionary holds every prefix of every word: if no tail of `a` followed by the
    # first character of `b` is one, no word crosses the junction and the gain is zero.
    freq = tokenizer().FREQ
    if not any(a[i:] + b[0] in freq for i in range(len(a))):
        return 0.0
    return _best_cut_logp(a + b) - _best_cut_logp(a) - _best_cut_logp(b)


def breaks_a_word(left: str, right: str) -> bool:
    """Does a word run across from the end of `left` into `right` (颠|覆性, 建|设): one line the
    layout broke, by a gain of at least BROKEN_WORD_NATS?"""
    return junction_gain(left, right) >= BROKEN_WORD_NATS


@lru_cache(maxsize=_CACHE_SIZE)
def _best_cut_logp(text: str) -> float:
    """Log-probability of jieba's best cut of text (its unigram model, as in jieba's own
    dynamic programme over the word graph)."""
    tok = tokenizer()
    freq, logtotal = tok.FREQ, math.log(tok.total)
    route = [0.0] * (len(text) + 1)
    for i in range(len(text) - 1, -1, -1):
        best = -math.inf
        for j in range(i + 1, min(len(text), i + _MAX_WORD) + 1):
            count = freq.get(text[i:j]) or (1 if j == i + 1 else 0)
            if count:
                best = max(best, math.log(count) - logtotal + route[j])
        route[i] = best
    return route[0]


_MAX_WORD = 8


def word_spanning(left: str, right: str, context: int = 6) -> str:
    """The dictionary word that jieba builds across the junction left|right, or ''."""
    _, word = _word_across(left[-context:], right[:context])
    return word if HAN_CHAR.search(word) else ""


def splits_last_word(left: str, right: str, context: int = 6) -> bool:
    """Does the word jieba builds across left|right begin inside the last word of `left` read
    on its own? Then the junction reads the line's end otherwise than the line does (项目集中
    开工|业园 as 开|工业园): a word cut at a line's end is completed across it (储能项|目 as
    项目), never split."""
    a, b = left[-context:], right[:context]
    own = cut(a)
    start, word = _word_across(a, b)
    return bool(own and word) and start > len(a) - len(own[-1])


def _word_across(a: str, b: str) -> tuple[int, str]:
    """The word of jieba's cut of a + b that crosses the junction after a, and where it starts;
    (0, '') when the junction falls between words."""
    position = 0
    for word in cut(a + b):
        end = position + len(word)
        if position < len(a) < end:
            return position, word
        position = end
        if position >= len(a):
            break
    return 0, ""


# Place names say most about which article a paragraph belongs to: these pages are
# about parks, and each article is about one place (济宁, 天津, 包头 …).
PLACE_WEIGHT = 3.0


@cache
def place_words() -> frozenset[str]:
    """Words jieba's dictionary tags as place names (ns), and the gazetteer's parks."""
    dictionary = {w for w, flag in _tag_table().items() if flag == PLACE_FLAG}
    return frozenset(dictionary | set(surface_forms()))


class Similarity:
    """TF-IDF cosine similarity between texts of one page."""

    def __init__(self, documents: list[str]):
        self.vectors: dict[str, Counter] = {}
        df: Counter = Counter()
        for doc in documents:
            words = Counter(content_words(doc))
            self.vectors[doc] = words
            df.update(set(words))
        n = max(len(documents), 1)
        # Smoothed IDF without the customary +1: a word found in most blocks of the page
        # (高新区, 发展) says nothing about which article a block belongs to.
        self.idf = {w: math.log((1 + n) / (1 + c)) for w, c in df.items()}

    def vector(self, text: str) -> dict[str, float]:
        counts = self.vectors.get(text)
        if counts is None:
            counts = Counter(content_words(text))
            self.vectors[text] = counts
        places = place_words()
        return {w: c * self.idf.get(w, 1.0) * (PLACE_WEIGHT if w in places else 1.0)
                for w, c in counts.items()}

    @staticmethod
    def unit(vec: dict[str, float]) -> dict[str, float]:
        """The vector scaled to length 1 (empty stays empty): cosines become dot products."""
        norm = math.sqrt(sum(v * v for v in vec.values()))
        return {w: v / norm for w, v in vec.items()} if norm else {}

    @staticmethod
    def dot(a: dict[str, float], b: dict[str, float]) -> float:
        if len(a) > len(b):
            a, b = b, a
        return sum(v * b.get(w, 0.0) for w, v in a.items())

    @staticmethod
    def cosine_leaving_out(vec: dict[str, float], vec_sq: float, profile: dict[str, float], profile_sq: float,
                           leave_out: bool) -> float:
        """Cosine of vec with profile, or with (profile - vec) when vec is part of it,
        without building the difference: dot products suffice. `vec_sq` and `profile_sq`
        are the squared lengths."""
        if not vec or not profile:
            return 0.0
        dot = sum(v * profile.get(w, 0.0) for w, v in vec.items())
        if leave_out:
            dot -= vec_sq
            profile_sq = profile_sq - 2 * (dot + vec_sq) + vec_sq
        if profile_sq <= 1e-12 or vec_sq <= 0:
            return 0.0
        return dot / math.sqrt(vec_sq * profile_sq)

    @staticmethod
    def cosine_without(vec: dict[str, float], profile: dict[str, float], profile_sq: float,
                       removed: dict[str, float]) -> float:
        """Cosine of vec with (profile - removed): a text against an article's vocabulary
        with the part of that text already counted in the article taken out. Dot products
        suffice, as in cosine_leaving_out; `profile_sq` is the profile's squared length."""
        if not vec or not profile:
            return 0.0
        dot = Similarity.dot(vec, profile) - Similarity.dot(vec, removed)
        rest_sq = profile_sq - 2 * Similarity.dot(profile, removed) + Similarity.dot(removed, removed)
        vec_sq = Similarity.dot(vec, vec)
        if rest_sq <= 1e-12 or vec_sq <= 0:
            return 0.0
        return dot / math.sqrt(vec_sq * rest_sq)
