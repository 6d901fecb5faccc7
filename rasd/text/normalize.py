"""The only Arabic normaliser in rasd.

Normalisation is used for *matching*; it never replaces the text we report on.
Every character of the normalised string maps back to one character of the
original (``offsets``), so a match found in normalised text is turned into a
span of the original with :meth:`Normalized.span`.

The mapping is one-to-one or a deletion (never one-to-many), which keeps the
offset map a plain list of original indices.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

import regex

# Characters removed for matching: harakat, shadda, sukun, superscript alef,
# Quranic marks, tatweel, and invisible direction/joiner marks.
_DELETED = (
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"  # diacritics and Quranic marks
    "\u0640"  # tatweel
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u061c\u00ad"  # invisible marks
)
_DELETED_RE = regex.compile(f"[{_DELETED}]")
_HARAKAT_RE = regex.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
# White space runs (line breaks too) collapse to one space so multi-word forms
# match across the hard line wraps of copied pages; sentences come from the
# original text, so nothing needs the line breaks here.
_SPACE_RUN_RE = regex.compile(r"[ \t\n\r\u00a0\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]{2,}")

_MAP = {
    # alef and hamza forms
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ؤ": "و", "ئ": "ي", "ى": "ي", "ی": "ي", "ې": "ي", "ۍ": "ي",
    "ة": "ه", "ۃ": "ه", "ہ": "ه", "ھ": "ه",
    "ک": "ك", "ڪ": "ك", "گ": "ك", "ڤ": "ف", "پ": "ب", "چ": "ج",
    # Arabic punctuation
    "،": ",", "؛": ";", "؟": "?", "٪": "%", "٫": ".", "٬": ",", "۔": ".",
    # quotes
    "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "″": '"',
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "‹": "'", "›": "'", "`": "'",
    # dashes
    "–": "-", "—": "-", "―": "-", "‐": "-", "‑": "-",
    # white space that is not a line break
    "\t": " ", "\u00a0": " ", "\u205f": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u3000": " ",
    "\n": " ", "\r": " ", "\u2028": " ", "\u2029": " ",
}
for _i in range(10):
    _MAP[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    _MAP[chr(0x06F0 + _i)] = str(_i)  # Persian digits
for _cp in range(0x2000, 0x200B):
    _MAP[chr(_cp)] = " "  # en, em, figure, thin… spaces
for _cp in range(ord("A"), ord("Z") + 1):
    _MAP[chr(_cp)] = chr(_cp + 32)
_TABLE = str.maketrans(_MAP)


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalised copy of ``original`` with a map back to it.

    ``offsets[i]`` is the index in ``original`` of normalised character ``i``;
    ``offsets[len(text)] == len(original)`` so end offsets map too.
    ``offsets`` is None when normalisation deleted nothing (identity map).
    """

    original: str
    text: str
    offsets: tuple[int, ...] | None

    def to_original(self, i: int) -> int:
        """Original index of normalised index ``i`` (``i`` may equal ``len(text)``)."""
        return i if self.offsets is None else self.offsets[i]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the normalised slice ``text[start:end]``."""
        if self.offsets is None:
            return start, end
        if end <= start:
            o = self.offsets[start]
            return o, o
        # the end takes in the marks written on the last letter (قتيلٌ, not قتيل)
        oend = self.offsets[end - 1] + 1
        while oend < len(self.original) and _HARAKAT_RE.match(self.original[oend]):
            oend += 1
        return self.offsets[start], oend

    def to_normalized(self, i: int) -> int:
        """Smallest normalised index whose original index is >= ``i``."""
        if self.offsets is None:
            return i
        import bisect

        return bisect.bisect_left(self.offsets, i, 0, len(self.text))


def _kept(text: str, pattern: regex.Pattern, keep_first: bool) -> list[tuple[int, int]] | None:
    """The ranges ``[a, b)`` of ``text`` that survive deleting ``pattern`` matches (the
    first character of each match survives when ``keep_first``); None if none is deleted.

    Ranges, not indices, so that the strings and offset maps below are built by
    slicing in C rather than by a Python loop over every character.
    """
    spans = [(m.start() + keep_first, m.end()) for m in pattern.finditer(text)]
    spans = [(a, b) for a, b in spans if b > a]
    if not spans:
        return None
    kept: list[tuple[int, int]] = []
    pos = 0
    for a, b in spans:
        kept.append((pos, a))
        pos = b
    kept.append((pos, len(text)))
    return kept


def _select(items: str | list[int], ranges: list[tuple[int, int]]) -> list:
    """The slices ``items[a:b]`` of ``ranges``, in order (as pieces to join or extend by)."""
    return [items[a:b] for a, b in ranges]


def normalize(text: str) -> Normalized:
    """Normalise ``text`` for matching, keeping a map back to the original.

    Marks are deleted first and white space runs collapsed after, so a mark
    between two spaces leaves one space.
    """
    marks = _kept(text, _DELETED_RE, keep_first=False)
    bare = text if marks is None else "".join(_select(text, marks))
    spaces = _kept(bare, _SPACE_RUN_RE, keep_first=True)
    if marks is None and spaces is None:
        return Normalized(text, text.translate(_TABLE), None)
    offsets: list[int] = []
    for a, b in marks or [(0, len(text))]:
        offsets.extend(range(a, b))  # original index of each character of bare
    if spaces is not None:
        bare = "".join(_select(bare, spaces))
        offsets = list(chain.from_iterable(_select(offsets, spaces)))
    offsets.append(len(text))
    return Normalized(text, bare.translate(_TABLE), tuple(offsets))


@lru_cache(maxsize=65536)
def normalize_form(form: str) -> str:
    """Normalise a lexicon form exactly as article text is normalised."""
    return normalize(form.strip()).text.strip()
