"""Words of an article, offset-true and clitic-aware.

A token is a run of letters (with any marks the normaliser kept) or a number.
A number keeps its inner separators when digits stand on both sides, so
``1.5``, ``1,200``, ``١٬٢٠٠``, ``20/10/2023`` and ``10:30`` are one token each:
the date and count stages then see a number whole instead of guessing how
pieces join. A hyphen never joins (``2023-10-20`` is three tokens, ``F-16`` two)
because in Arabic news it is far more often a dash or a range.
Letters and digits written together split: ``الـ24`` is ``ال`` + ``24``.

``Token.prefix`` is the longest candidate proclitic from
:data:`rasd.lexicon.matcher.CLITIC_PREFIXES` that leaves a stem of at least
three letters (``وبالصواريخ`` → ``وبال``). It is a *candidate*: ``بغداد`` gets
``ب`` (stem ``غداد``) because nothing in the spelling says otherwise, so a
lookup should try the whole word first and the stem second. ``بلد`` keeps no
prefix (stem ``لد`` would be two letters).

Spans are into the original text. The end of a token is extended over
harakat and tatweel written after its last letter (``قتيلٌ``), so a highlight
never cuts a letter from its marks.
"""
from __future__ import annotations

import regex

from rasd.doc import Token
from rasd.lexicon.matcher import CLITIC_PREFIXES
from rasd.text.normalize import Normalized

# Marks that belong to the letter before them; deleted by the normaliser.
_TRAILING_MARKS = regex.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]+")

# Longest prefix first: the first that leaves three letters wins.
_PREFIXES = tuple(sorted((p for p in CLITIC_PREFIXES if p), key=len, reverse=True))
_TOKEN_RE = regex.compile(r"\d+(?:[.,/:]\d+)*|[\p{L}\p{M}]+", regex.V1)
# word -> candidate prefix; words repeat across articles, and a dict lookup is
# cheaper than trying every prefix again. Cleared when it grows too big.
_PREFIX_CACHE: dict[str, str] = {}
_CACHE_MAX = 200_000


def clitic_prefix(word: str) -> str:
    """Longest candidate proclitic of a normalised ``word`` leaving >= 3 letters, or ""."""
    for p in _PREFIXES:
        if word.startswith(p) and word[len(p):len(p) + 3].isalpha() and len(word) >= len(p) + 3:
            return p
    return ""


def _cached_prefix(word: str) -> str:
    if len(_PREFIX_CACHE) > _CACHE_MAX:
        _PREFIX_CACHE.clear()
    p = _PREFIX_CACHE[word] = clitic_prefix(word)
    return p


def original_span(norm: Normalized, start: int, end: int) -> tuple[int, int]:
    """Original span of ``norm.text[start:end]``, taking in trailing harakat/tatweel."""
    ostart, oend = norm.span(start, end)
    if norm.offsets is not None and end > start:
        m = _TRAILING_MARKS.match(norm.original, oend)
        if m is not None:
            oend = m.end()
    return ostart, oend


def tokenize(norm: Normalized) -> tuple[Token, ...]:
    """The words and numbers of ``norm.original``, in text order.

    Built list-wise (no per-character loop, one regex pass); most of the
    cost is creating the Token tuples themselves.
    """
    text = norm.text
    spans = [m.span() for m in _TOKEN_RE.finditer(text)]
    words = [text[s:e] for s, e in spans]
    cache = _PREFIX_CACHE
    prefixes = [cache[w] if w in cache else _cached_prefix(w) for w in words]
    offs = norm.offsets
    if offs is None:
        starts = [s for s, _ in spans]
        ends = [e for _, e in spans]
    else:
        starts = [offs[s] for s, _ in spans]
        ends = [offs[e - 1] + 1 for _, e in spans]
        _extend_over_marks(norm, spans, ends)
    return tuple(map(Token, starts, ends, words, prefixes))


def _extend_over_marks(norm: Normalized, spans: list[tuple[int, int]], ends: list[int]) -> None:
    """Move a token end past harakat/tatweel the normaliser deleted right after it."""
    offs = norm.offsets
    assert offs is not None
    for i, (_, e) in enumerate(spans):
        if offs[e] != ends[i]:  # something was deleted right after the token
            m = _TRAILING_MARKS.match(norm.original, ends[i])
            if m is not None:
                ends[i] = m.end()
