"""Fatalities and injuries stated in a span (CODEBOOK §3).

A toll is a count next to a casualty word: "مقتل 3", "3 قتلى", "قتل 11 شخصا",
"أسفر عن مقتل عشرات". A dual noun (قتيلين) is 2; a singular one with no count
(سقوط قتيل، أرداه قتيلا) is 1; a no-casualty cue (من دون إيقاع إصابات) is 0.
"""
from __future__ import annotations

from dataclasses import dataclass

from rasd.doc import CountMention, Document, Mention
from rasd.lexicon.entries import EventLexicon
from rasd.stages.context import MentionIndex, TokenIndex, counts_within
from rasd.text.normalize import normalize_form

# A count belongs to a casualty word at most this many words away
# ("مقتل 3 جنود", "3 من الجنود قتلوا" is too far: not taken).
REACH_AFTER = 3
REACH_BEFORE = 2


@dataclass(frozen=True, slots=True)
class Toll:
    fatalities: int | None
    injuries: int | None
    vague: bool = False


def toll(doc: Document, start: int, end: int, index: MentionIndex, tokens: TokenIndex,
         lex: EventLexicon) -> Toll:
    """The fatalities and injuries that the text in [start, end) states."""
    counts = counts_within(doc.counts, start, end)
    used: set[int] = set()  # a number counts the dead or the wounded, not both
    killed = _figure(doc, index.within("casualty", start, end, "killed"), counts, tokens, lex, used)
    injured = _figure(doc, index.within("casualty", start, end, "injured"), counts, tokens, lex, used)
    vague = bool((killed and killed[1]) or (injured and injured[1]))
    if index.within("cue", start, end, "no_casualty"):
        return Toll(killed[0] if killed else 0, injured[0] if injured else 0, vague)
    return Toll(killed[0] if killed else None, injured[0] if injured else None, vague)


def _figure(doc: Document, words: list[Mention], counts: list[CountMention], tokens: TokenIndex,
            lex: EventLexicon, used: set[int]) -> tuple[int, bool] | None:
    """The largest figure attached to any of ``words``: (value, vague)."""
    best: tuple[int, bool] | None = None
    for word in words:
        found = _attached_count(word, counts, tokens, used)
        if found is None:
            form = normalize_form(doc.text[word.start:word.end])
            if form in lex.dual_casualty:
                found = (2, False)
            elif form in lex.one_casualty or normalize_form(word.form) in lex.one_casualty:
                found = (1, False)
        if found and (best is None or _better(found, best)):
            best = found
    return best


def _attached_count(word: Mention, counts: list[CountMention], tokens: TokenIndex,
                    used: set[int]) -> tuple[int, bool] | None:
    """The nearest free count after the word ("مقتل 3"), else right before it ("3 قتلى")."""
    free = [c for c in counts if c.start not in used]
    after = [c for c in free if c.start >= word.end and tokens.between(word.end, c.start) < REACH_AFTER]
    before = [c for c in free if c.end <= word.start
              and tokens.between(c.end, word.start - len(word.prefix)) < REACH_BEFORE]
    chosen = after[0] if after else (before[-1] if before else None)
    if chosen is None:
        return None
    used.add(chosen.start)
    return chosen.value, chosen.vague


def _better(a: tuple[int, bool], b: tuple[int, bool]) -> bool:
    """A stated figure beats a vague word; then the larger figure wins."""
    if a[1] != b[1]:
        return not a[1]
    return a[0] > b[0]
