"""Counts in Arabic news: digits, number words, vague quantities.

:func:`find_counts` returns a :class:`~rasd.doc.CountMention` for every number
that could count people or things: ``25``, ``١٬٢٠٠``, ``25 ألف``,
``خمسة وعشرين``, ``مئة وعشرون``, ``ألفي``, ``قتيلين`` (a dual noun, 2),
``سقوط قتيل`` (1), ``أحد الجنود`` (1), and the vague words of CODEBOOK §3
(``عدد من`` 3, ``عشرات`` 12, ``مئات`` 100, ``آلاف`` 1000, ``بضعة`` 3) with
``vague=True``. Numbers that are not counts are left out: years, dates,
times, percentages, calibres, unit and model numbers, phone numbers,
decimals without a scale word, ordinals (``الحادي عشر``), and numbers
before a unit of measure, money or a duration (``24 ساعة``, ``25 عاما``).

A mention's span is the whole written word or phrase, clitic prefix
included (``بثلاثة`` → the span covers ``بثلاثة``), because a prefix cannot be
cut out of a word in a highlight. Every word list lives in
``rasd/data/numbers.yml``; the code holds only the grammar of joining them.
"""
from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ahocorasick_rs
import regex

from rasd.doc import CountMention
from rasd.lexicon.load import DATA_DIR
from rasd.lexicon.matcher import CLITIC_PREFIXES, has_article
from rasd.text.normalize import Normalized, normalize_form
from rasd.text.numwords import (NUMBER_CATEGORIES, NumberWord, WordSpan, load_number_data,
                                split_numbers)
from rasd.text.tokenize import original_span

NUMBERS_FILE = DATA_DIR / "numbers.yml"

_PRE = r"(?:[وف]?(?:[بلك]?ال|لل|[بلك])|[وف])"
_WORD_RE = regex.compile(r"[^\s,.;:!?\"'()\[\]/%\-]+")
# matched backwards from a mention's start: the word before it
_PREV_RE = regex.compile(r"(?r)([^\s,.;:!?\"'()\[\]/%\-]+)[\s\-]*")
_GROUPED_RE = regex.compile(r"\d{1,3}(?:,\d{3})+")
_SEQ_WORD_RE = regex.compile(r"\S+")
_DIGITS_RE = regex.compile(r"\+?\d+")
_CLITICS = ("وال", "فال", "بال", "لل", "ال", "و", "ف", "ب", "ل")
_PARTICLES = ("و", "ف", "ب", "ل")  # not ال: "12 الشهر الماضي" is still a count


@dataclass(frozen=True, slots=True)
class NumberTables:
    """Normalised number vocabulary and the compiled scanner."""

    words: dict[str, NumberWord]
    vague: dict[str, int]
    vague_of: frozenset[str]
    dual_nouns: dict[str, int]
    single_nouns: frozenset[str]
    not_before_single: frozenset[str]
    one_of: frozenset[str]
    people: frozenset[str]
    not_after: frozenset[str]
    not_before: frozenset[str]
    not_with_article: frozenset[str]
    ordinals: frozenset[str]
    scanner: Any  # regex matched at a candidate word start
    finder: Any  # Aho-Corasick over every number-like form: finds the candidates

    @classmethod
    def load(cls, path: Path = NUMBERS_FILE) -> "NumberTables":
        data = load_number_data(path)
        keys = sorted({*data["words"], *data["vague"], *data["one_of"], *data["dual_nouns"],
                       *data["single_nouns"]})
        finder = ahocorasick_rs.AhoCorasick(keys, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
        return cls(scanner=_compile(data), finder=finder, **data)


@functools.cache
def number_tables() -> NumberTables:
    """The number tables, loaded once."""
    return NumberTables.load()


def _compile(d: dict[str, Any]) -> Any:
    """The scanner. Word lists are regex named lists (``\\L<name>``): a set lookup,
    much faster than an alternation of hundreds of literals."""
    lists = {
        "nw": list(d["words"]),
        "scale": [f for f, w in d["words"].items() if w.cat in ("scales", "plural_scales")],
        "vague": list(d["vague"]), "oneof": list(d["one_of"]),
        "dual": list(d["dual_nouns"]), "single": list(d["single_nouns"]),
    }
    b, e = r"(?<![\p{L}\p{N}])", r"(?![\p{L}\p{N}])"
    pattern = (
        r"(?P<skip>\+\d[\d ]{6,}\d|\d{1,4}-\d{1,2}-\d{1,4}|\d+-\d+)"
        rf"|(?<![\p{{N}}.,/:\p{{Latin}}]|\p{{Latin}}-){b}(?P<pre>{_PRE})??(?:"
        rf"(?P<num>\d+(?:[.,/:]\d+)*)(?: (?P<nscale>(?:ال)?\L<scale>){e})?"
        rf"|(?P<vague>\L<vague>)(?: (?P<vscale>(?:ال)?\L<scale>){e})?"
        r"|(?P<words>\L<nw>(?: و?\L<nw>)*)"
        r"|(?P<oneof>\L<oneof>)(?= ال)"
        r"|(?P<dual>\L<dual>)"
        rf"|(?P<single>\L<single>)){e}"
    )
    return regex.compile(pattern, regex.V1, **lists)


def parse_number_words(words: str, tables: NumberTables | None = None) -> int | None:
    """Value of Arabic number words (``"مئة وخمسة وعشرون"`` → 125), or None.

    None when the words are not exactly one number (``"ثلاثة خمسة"``) or are
    vague (``"آلاف"``; use :func:`find_counts` for vague words).
    """
    tables = tables or number_tables()
    spans = [WordSpan(m.group(), m.start(), m.end())
             for m in _SEQ_WORD_RE.finditer(normalize_form(words))]
    if not spans:
        return None
    found = split_numbers(spans, tables.words)
    if len(found) != 1 or found[0].vague:
        return None
    first, last, value, _ = found[0]
    return value if first == 0 and last == len(spans) else None


def find_counts(norm: Normalized, tables: NumberTables | None = None) -> tuple[CountMention, ...]:
    """Count mentions of ``norm.original``, in text order (spans into the original)."""
    tables = tables or number_tables()
    text = norm.text
    out: list[CountMention] = []
    last = 0
    for start in _candidates(text, tables):
        m = tables.scanner.match(text, start) if start >= last else None
        if m is None:
            continue
        last = m.end()
        if m.group("skip") is not None:
            continue
        for s, e, value, vague in _mentions(m, text, tables):
            if not _not_a_count(text, s, e, value, tables):
                os_, oe = original_span(norm, s, e)
                out.append(CountMention(os_, oe, value, vague))
    return tuple(out)


def _candidates(text: str, t: NumberTables) -> list[int]:
    """Word starts where a number may begin: digits, and number forms found by
    Aho-Corasick that end a word and have only a clitic before them. Running the
    scanner only there is ~20x faster than searching the text with it."""
    starts = set()
    for _, s, e in t.finder.find_matches_as_indexes(text):
        if e == len(text) or not text[e].isalnum():
            ws = _word_start(text, s)
            if ws is not None:
                starts.add(ws)
    for m in _DIGITS_RE.finditer(text):
        s = m.start()
        ws = s if text[s] == "+" else _word_start(text, s)
        if ws is not None:
            starts.add(ws)
    return sorted(starts)


def _word_start(text: str, s: int) -> int | None:
    """Start of the word holding ``s`` when only a clitic prefix stands before ``s``."""
    i = s
    while i > 0 and text[i - 1].isalpha() and s - i < 4:
        i -= 1
    if i > 0 and text[i - 1].isalnum():
        return None
    return i if text[i:s] in CLITIC_PREFIXES else None


def _mentions(m: Any, text: str, t: NumberTables) -> Iterator[tuple[int, int, int, bool]]:
    """(start, end, value, vague) in normalised offsets for one scanner match."""
    s, e, pre = m.start(), m.end(), m.group("pre") or ""
    if m.group("num") is not None:
        value = _digits_value(m.group("num"), m.group("nscale"), t)
        if value is not None and _year_ok(text, m, value, t):
            yield s, e, value, False
    elif m.group("vague") is not None:
        if has_article(pre):
            return  # العدد من ... is "the number", not "several"
        value = t.vague[m.group("vague")]
        if m.group("vscale") and m.group("vague") in t.vague_of:
            yield s, e, value * _scale_value(m.group("vscale"), t), True
        else:
            yield s, m.end("vague"), value, True
    elif m.group("words") is not None:
        yield from _word_mentions(m, text, pre, t)
    elif m.group("oneof") is not None:
        yield s, e, 1, False
    elif m.group("dual") is not None:
        if not has_article(pre):
            yield s, e, t.dual_nouns[m.group("dual")], False
    elif m.group("single") is not None and pre in ("", "و", "ف"):
        if _single_ok(text, s, e, t):
            yield s, e, 1, False


def _digits_value(num: str, scale: str | None, t: NumberTables) -> int | None:
    if "/" in num or ":" in num:
        return None  # a date or a time
    if num.isdigit() and ((len(num) > 1 and num[0] == "0") or len(num) >= 7):
        return None  # phone numbers, codes (a big count is written 1,200,000)
    if "," in num:
        if not _GROUPED_RE.fullmatch(num):
            return None
        num = num.replace(",", "")
    if "." in num:
        if scale is None or num.count(".") > 1:
            return None  # a decimal is a measure, not a count
        return round(float(num) * _scale_value(scale, t))
    return int(num) * (_scale_value(scale, t) if scale else 1)


def _scale_value(scale: str, t: NumberTables) -> int:
    word = t.words.get(scale)  # الف itself starts with ال
    return word.value if word is not None else t.words[scale[2:]].value


def _year_ok(text: str, m: Any, value: int, t: NumberTables) -> bool:
    """A bare 4-digit 1900-2100 is a year unless a counted noun follows."""
    num = m.group("num")
    if m.group("nscale") or len(num) != 4 or not 1900 <= value <= 2100:
        return True
    words = _next_words(text, m.end(), 3)
    if words[:1] == ["من"]:
        words = words[1:]
    return bool(words) and _in(words[0], t.people)


def _word_mentions(m: Any, text: str, pre: str, t: NumberTables
                   ) -> Iterator[tuple[int, int, int, bool]]:
    base = m.start("words")
    spans = [WordSpan(w.group(), base + w.start(), base + w.end())
             for w in _SEQ_WORD_RE.finditer(m.group("words"))]
    if has_article(pre) and spans[0].word in t.not_with_article:
        return
    if spans[0].word in ("عشر", "عشره") and _in(_prev_word(text, m.start()), t.ordinals):
        return
    for first, last, value, vague in split_numbers(spans, t.words):
        start = m.start() if first == 0 else spans[first].start
        yield start, spans[last - 1].end, value, vague


def _single_ok(text: str, s: int, e: int, t: NumberTables) -> bool:
    """``سقوط قتيل`` is one; ``مئة قتيل`` or ``كل قتيل`` is not; ``قتيل واحد`` leaves it to واحد."""
    prev = _prev_word(text, s)
    if prev.isdigit() or _in(prev, t.not_before_single) or _is_number_word(prev, t):
        return False
    nxt = _next_words(text, e, 1)
    return not (nxt and t.words.get(nxt[0]) is not None and t.words[nxt[0]].value == 1)


def _is_number_word(word: str, t: NumberTables) -> bool:
    return any(w in t.words for w in _unprefixed(word))


def _not_a_count(text: str, s: int, e: int, value: int, t: NumberTables) -> bool:
    if _in(_prev_word(text, s), t.not_after):
        return True
    rest = text[e:e + 2].lstrip()
    if rest.startswith("%"):
        return True
    words = _next_words(text, e, 2)
    if not words:
        return False
    return (_in(words[0], t.not_before, _PARTICLES)
            or " ".join(words) in t.not_before)


def _prev_word(text: str, s: int) -> str:
    m = _PREV_RE.match(text, max(0, s - 40), s)
    return m.group(1) if m else ""


def _next_words(text: str, e: int, n: int) -> list[str]:
    """Up to ``n`` words right after ``e`` (stops at punctuation)."""
    out: list[str] = []
    i = e
    while len(out) < n:
        while i < len(text) and text[i] == " ":
            i += 1
        m = _WORD_RE.match(text, i)
        if m is None:
            break
        out.append(m.group())
        i = m.end()
    return out


def _unprefixed(word: str, clitics: tuple[str, ...] = _CLITICS) -> Iterator[str]:
    yield word
    for p in clitics:
        if word.startswith(p) and len(word) - len(p) >= 2:
            yield word[len(p):]


def _in(word: str, forms: frozenset[str], clitics: tuple[str, ...] = _CLITICS) -> bool:
    return bool(word) and any(w in forms for w in _unprefixed(word, clitics))


__all__ = ["NUMBER_CATEGORIES", "NumberTables", "find_counts", "number_tables",
           "parse_number_words"]
