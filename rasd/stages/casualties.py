"""Fatalities and injuries stated in a span (CODEBOOK §3).

A toll is a count next to a casualty word: "مقتل 3", "3 قتلى", "قتل 11 شخصا",
"أسفر عن مقتل عشرات". A dual noun (قتيلين) is 2; a singular one with no count
(سقوط قتيل، أرداه قتيلا), or a single person right after a casualty word (قُتل مدني), is 1;
a no-casualty cue (من دون إيقاع إصابات) is 0.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from rasd.doc import CountMention, Document, Mention
from rasd.lexicon.entries import EventLexicon
from rasd.stages.context import MentionIndex, TokenIndex, counts_within
from rasd.text.normalize import normalize_form

# A count belongs to a casualty word at most this many words away
# ("مقتل 3 جنود", "3 من الجنود قتلوا" is too far: not taken).
REACH_AFTER = 3
REACH_BEFORE = 2
_PHRASE_END = regex.compile(r"[,.;:!?،؛؟\n]")
_NEXT_WORD = regex.compile(r"[\u064b-\u0652]*\s+(\w[\w\u064b-\u0652]*)")


@dataclass(frozen=True, slots=True)
class Toll:
    fatalities: int | None
    injuries: int | None
    vague: bool = False


def toll(doc: Document, start: int, end: int, index: MentionIndex, tokens: TokenIndex,
         lex: EventLexicon) -> Toll:
    """The fatalities and injuries that the text in [start, end) states."""
    words = index.within("casualty", start, end)
    counts = counts_within(doc.counts, start, end)
    owned = _owners(doc, counts, words, tokens)
    killed = _figure(doc, [w for w in words if w.entry_id == "killed"], owned, counts, lex)
    injured = _figure(doc, [w for w in words if w.entry_id == "injured"], owned, counts, lex)
    vague = bool((killed and killed[1]) or (injured and injured[1]))
    if index.within("cue", start, end, "no_casualty"):
        return Toll(killed[0] if killed else 0, injured[0] if injured else 0, vague)
    return Toll(killed[0] if killed else None, injured[0] if injured else None, vague)


def _owners(doc: Document, counts: list[CountMention], words: list[Mention],
            tokens: TokenIndex) -> dict[int, CountMention]:
    """Which casualty word (by start) each number belongs to. A number joined by و
    opens a new phrase and goes with the word after it ("4 شهداء و8 مصابين"); one
    right after a word is that word's ("استشهد شخصان وأصيب ثلاثة"); else the word
    right after it ("3 قتلى"), else the nearest word before it."""
    owned: dict[int, CountMention] = {}
    for c in counts:
        after = [w for w in words if w.start >= c.end
                 and tokens.between(c.end, w.start - len(w.prefix)) < REACH_BEFORE]
        before = [w for w in words if w.end <= c.start and tokens.between(w.end, c.start) < REACH_AFTER]
        joined = _opens_with_and(doc.text[c.start:c.end])
        if before and not joined and tokens.between(before[-1].end, c.start) == 0:
            owner = before[-1]
        else:
            owner = after[0] if after else (before[-1] if before else None)
        if owner is not None and owner.start not in owned:
            owned[owner.start] = c
    return owned


def _opens_with_and(word: str) -> bool:
    return word.startswith("و") and not word.startswith("واحد")


def _figure(doc: Document, words: list[Mention], owned: dict[int, CountMention],
            counts: list[CountMention], lex: EventLexicon) -> tuple[int, bool] | None:
    """The largest figure attached to any of ``words``: (value, vague)."""
    best: tuple[int, bool] | None = None
    for word in words:
        count = owned.get(word.start)
        found = (count.value, count.vague) if count is not None else None
        if found is None:
            form = normalize_form(doc.text[word.start:word.end])
            if form in lex.dual_casualty:
                found = (2, False)
            elif form in lex.one_casualty or normalize_form(word.form) in lex.one_casualty:
                found = (1, False)
            elif _one_person_after(doc, word.end, counts, lex):
                found = (1, False)  # "قُتل مدني", "وأصيب آخر"
        if found and (best is None or _better(found, best)):
            best = found
    return best


def _one_person_after(doc: Document, end: int, counts: list[CountMention], lex: EventLexicon) -> bool:
    """A single person noun right after the casualty word, and no count joined to it
    before the phrase ends ("قتل ضابط وأحد مرافقيه وعدد من العناصر" is not one)."""
    found = _NEXT_WORD.match(doc.text, end)
    if not found or normalize_form(found.group(1)) not in lex.single_person:
        return False
    stop = _PHRASE_END.search(doc.text, found.end())
    phrase_end = stop.start() if stop else len(doc.text)
    return not any(found.end() <= c.start < phrase_end for c in counts)


def _better(a: tuple[int, bool], b: tuple[int, bool]) -> bool:
    """A stated figure beats a vague word; then the larger figure wins."""
    if a[1] != b[1]:
        return not a[1]
    return a[0] > b[0]
