"""Place cues: the words that introduce a place name (في، قرب، بلدة، قاعدة ...).

Cues are data (data/places/cues.yml). ``cue_before`` looks at the words right
before a place mention in the normalised text and returns the cue that governs
it, if any.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from rasd.errors import DataFileError
from rasd.geo.sources import PLACES_DIR, yaml_entries
from rasd.text.normalize import Normalized, normalize_form

_CLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "فب", "ول", "فل", "وك")
# Quotes and spaces are transparent between a cue and its name; anything else stops
# (see _word_chain).
_LOOKBACK = 80  # characters of text examined before a mention


@dataclass(frozen=True, slots=True)
class Cue:
    form: str
    words: tuple[str, ...]  # normalised
    precision: int
    kinds: frozenset[str]
    reach: int
    licenses_weak: bool
    names_building: bool
    beyond: bool = False  # the name is a reference point the event is not in


@dataclass(frozen=True, slots=True)
class CueHit:
    cue: Cue
    start: int  # original offset where the cue begins
    distance: int  # words between cue and name
    precision: int  # 2 when this cue or one right before it says "near" ("أطراف مدينة")


@lru_cache(maxsize=1)
def load_cues() -> tuple[Cue, ...]:
    """The cue table, longest cues first so 'بالقرب من' wins over 'من'."""
    path = PLACES_DIR / "cues.yml"
    problems, cues = [], []
    for line, data in yaml_entries(path, "cues"):
        where = f"places/cues.yml:{line}:{data.get('form', '?') if isinstance(data, dict) else '?'}"
        if not isinstance(data, dict) or not data.get("form"):
            problems.append(f"{where}: a cue needs a form")
            continue
        if data.get("precision") not in (1, 2):
            problems.append(f"{where}: precision must be 1 or 2")
            continue
        words = tuple(normalize_form(str(data["form"])).split())
        if not words:
            problems.append(f"{where}: the form has no letters once normalised")
            continue
        kinds = frozenset(data.get("kinds") or ())
        cues.append(Cue(str(data["form"]), words, int(data["precision"]), kinds,
                        int(data.get("reach") or 0), bool(kinds) or bool(data.get("weak")),
                        bool(data.get("names")), bool(data.get("beyond"))))
    if problems:
        raise DataFileError(problems)
    return tuple(sorted(cues, key=lambda c: -len(c.words)))


@lru_cache(maxsize=None)
def _word_chain(limit: int) -> regex.Pattern:
    """Up to ``limit`` words at the end of a string, separated only by quotes and spaces.

    Matched right to left (``(?r)``), so the regex engine stops at the first
    punctuation instead of Python walking every word of the look-back window.
    """
    return regex.compile(r"(?r)(?:([\p{L}\p{N}]+)[\s\"'«»“”()]*){1,%d}\Z" % limit)


def _words_before(norm: Normalized, nstart: int, limit: int) -> list[tuple[str, int]]:
    """The ``limit`` words (normalised text, normalised start) nearest before ``nstart``,
    nearest last, stopping at punctuation other than quotes."""
    lo = max(0, nstart - _LOOKBACK)
    m = _word_chain(limit).search(norm.text, lo, nstart)
    if m is None:
        return []
    return [(w, s) for w, s in zip(reversed(m.captures(1)), reversed(m.starts(1)))]


def _word_matches(word: str, cue_word: str, first: bool) -> bool:
    if word == cue_word:
        return True
    return first and any(word == c + cue_word for c in _CLITICS[1:])


@lru_cache(maxsize=1)
def _cues_by_last_word() -> dict[str, tuple[Cue, ...]]:
    """Cues keyed by the text word that must end them, in ``load_cues`` order.

    A one-word cue is keyed under every clitic form too ("وفي", "بمدينة"), so
    ``cue_before`` looks up only the few cues that can end at a word instead of
    trying all of them at every place mention (it runs thousands of times per article).
    """
    index: dict[str, list[Cue]] = {}
    for cue in load_cues():
        last = cue.words[-1]
        keys = [c + last for c in _CLITICS] if len(cue.words) == 1 else [last]
        for key in keys:
            index.setdefault(key, []).append(cue)
    return {key: tuple(cues) for key, cues in index.items()}


def _cue_ends_at(words: list[tuple[str, int]], end: int, cue: Cue) -> bool:
    """Whether ``cue``, whose last word is known to match ``words[end - 1]``, ends there."""
    start = end - len(cue.words)
    return start >= 0 and all(_word_matches(words[start + i][0], c, i == 0)
                              for i, c in enumerate(cue.words[:-1]))


def cue_before(norm: Normalized, nstart: int) -> CueHit | None:
    """The nearest cue ending at most ``reach`` words before normalised offset ``nstart``."""
    index = _cues_by_last_word()
    # a cue ends at most 3 words before the name and is at most as long as the first cue
    words = _words_before(norm, nstart, 3 + len(load_cues()[0].words))
    for distance in range(0, min(4, len(words))):
        end = len(words) - distance
        for cue in index.get(words[end - 1][0], ()):
            if cue.reach < distance or not _cue_ends_at(words, end, cue):
                continue
            seg_start = words[end - len(cue.words)][1]
            outer = _outer_cue(norm, seg_start, cue)
            precision = max(cue.precision, outer.precision if outer else 1)
            start = outer.start if outer else norm.to_original(seg_start)
            return CueHit(cue, start, distance, precision)
    return None


def _outer_cue(norm: Normalized, nstart: int, inner: Cue) -> CueHit | None:
    """A cue right before a place-type cue: "قرب مدينة", "أطراف بلدة"."""
    if not inner.kinds:
        return None
    hit = cue_before(norm, nstart)
    return hit if hit is not None and hit.distance == 0 and not hit.cue.kinds else None
