"""Aho-Corasick matching of lexicon forms over normalised text, clitic-aware.

Forms are stored without a leading article (ال) so one key matches
``الصواريخ``, ``بالصواريخ``, ``والصواريخ`` and ``صواريخ``; a match is kept
only when the letters before it, back to the word start, are a clitic
prefix, and the match ends at a word end. Whether the article was present is
recorded (``Mention.prefix``) for entries that need it (القاعدة the group vs
قاعدة a base).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import ahocorasick_rs

from rasd.doc import Mention
from rasd.text.normalize import Normalized, normalize_form

# Proclitic sequences: conjunction (و ف), preposition (ب ل ك), future (س),
# article (ال), and li+article (لل). Longest first is not needed: a set.
_CONJ = ("", "و", "ف")
_PREP = ("", "ب", "ل", "ك", "س")
_ART = ("", "ال")
CLITIC_PREFIXES: frozenset[str] = frozenset(
    {c + p + a for c in _CONJ for p in _PREP for a in _ART if not (p == "س" and a)}
    | {c + "لل" for c in _CONJ}
)


# A hit can only start after a non-letter or a clitic's last letter, and end
# before a non-letter or a suffix's first letter.
_BEFORE_OK = frozenset(" \n\t\"'()[]{}«»,.;:!?-–—/\\|*#_+=<>@&%0123456789") | frozenset("وفبلكسا")
_AFTER_OK = frozenset(" \n\t\"'()[]{}«»,.;:!?-–—/\\|*#_+=<>@&%0123456789") | frozenset("هكنا")

# Attached pronouns a form may carry ("مصرعهما", "استهدافها", "اعتقاله").
PRONOUN_SUFFIXES: frozenset[str] = frozenset({"", "ه", "ها", "هم", "هما", "هن", "كم", "نا"})


def has_article(prefix: str) -> bool:
    return prefix.endswith("ال") or prefix.endswith("لل")


def strip_article(form: str) -> tuple[str, bool]:
    """Split a leading ال off a normalised form when enough word remains."""
    first = form.split(" ", 1)[0]
    if first.startswith("ال") and len(first) >= 5:
        return form[2:], True
    if first.startswith("لل") and len(first) >= 5:  # never in a lexicon, but be safe
        return form[2:], True
    return form, False


@dataclass(frozen=True, slots=True)
class LexEntry:
    """One form of one lexicon entry.

    ``needs_article``: the form only counts with ال (الحوثي the group).
    ``attrs``: anything the owning stage wants back on the Mention.
    """

    kind: str
    entry_id: str
    form: str
    strong: bool = True
    needs_article: bool = False
    attrs: tuple[tuple[str, Any], ...] = field(default=())


def _is_word_char(c: str) -> bool:
    return c.isalnum()


class Matcher:
    """Finds every lexicon entry of any kind in a normalised text."""

    def __init__(self, entries: Iterable[LexEntry]):
        by_key: dict[str, list[LexEntry]] = {}
        for entry in entries:
            norm = normalize_form(entry.form)
            if not norm:
                continue
            key, _ = strip_article(norm)
            by_key.setdefault(key, []).append(entry)
        self._keys = list(by_key)
        self._entries = [tuple(by_key[k]) for k in self._keys]
        self._families = [frozenset(family(e.kind) for e in es) for es in self._entries]
        # (entry, its family) per key: find() runs per article, family() would run per hit
        self._with_family = [tuple((e, family(e.kind)) for e in es) for es in self._entries]
        self._ac = ahocorasick_rs.AhoCorasick(self._keys) if self._keys else None

    def __len__(self) -> int:
        return len(self._keys)

    def find(self, norm: Normalized, kinds: frozenset[str] | None = None) -> list[Mention]:
        """Mentions (spans into the original text) of every entry, in text order.

        All overlapping matches are found, those not on word boundaries are
        dropped, and within a family of kinds the longest match wins
        ("طائرة مسيرة" over "مسيرة", "لم تسفر عن إصابات" over "لم"). A short
        form inside a longer word can never hide a real match that way.
        """
        if self._ac is None:
            return []
        found = self._hits(norm)
        out: list[Mention] = []
        seen: set[tuple[int, str, str]] = set()
        for start, end, idx, prefix, alive in _longest_per_family(found, self._families):
            ostart, oend = norm.span(start, end)
            for e, fam in self._with_family[idx]:
                if fam not in alive or (kinds is not None and e.kind not in kinds):
                    continue
                if (e.needs_article and not has_article(prefix)) or (start, e.kind, e.entry_id) in seen:
                    continue
                seen.add((start, e.kind, e.entry_id))
                out.append(Mention(ostart, oend, e.kind, e.entry_id, e.form, e.strong, prefix, e.attrs))
        out.sort(key=lambda m: (m.start, -m.end))
        return out

    def _hits(self, norm: Normalized) -> list[tuple[int, int, int, str]]:
        """(start, end, key index, clitic prefix) of every match on word boundaries."""
        text = norm.text
        found: list[tuple[int, int, int, str]] = []
        last = len(text)
        for idx, start, end in self._ac.find_matches_as_indexes(text, overlapping=True):
            # cheap rejections first: most raw hits sit inside unrelated words
            if start and text[start - 1] not in _BEFORE_OK:
                continue
            if end < last and text[end] not in _AFTER_OK:
                continue
            # the common case inline: a bare word, nothing attached at either end
            if start and text[start - 1].isalnum():
                prefix = _clitic_prefix(text, start)
                if prefix is None:
                    continue
            else:
                prefix = ""
            if end == last or not text[end].isalnum() or _word_end_ok(norm, end):
                found.append((start, end, idx, prefix))
        return found


def family(kind: str) -> str:
    """Kinds that compete for the same words: actor, actor_part, actor_generic are one family."""
    return kind.split("_", 1)[0]


def _longest_per_family(found: list[tuple[int, int, int, str]], families: list[frozenset[str]]
                        ) -> list[tuple[int, int, int, str, frozenset[str]]]:
    """Each match with the families for which no longer match covers it."""
    found.sort(key=lambda f: (f[0], -f[1]))
    reach: dict[str, int] = {}  # per family: the furthest end of a kept match
    kept = []
    for start, end, idx, prefix in found:
        fams = families[idx]
        if len(fams) == 1:  # most keys belong to one family: no new set to build
            (fam,) = fams
            alive = fams if reach.get(fam, -1) < end else _NONE
        else:
            alive = frozenset(fam for fam in fams if reach.get(fam, -1) < end)
        if not alive:
            continue
        kept.append((start, end, idx, prefix, alive))
        for fam in alive:
            reach[fam] = end
    return kept


_NONE: frozenset[str] = frozenset()


def _word_end_ok(norm: Normalized, end: int) -> bool:
    """True when the word ends at ``end``, or only an attached pronoun or the
    accusative ending ـاً follows. A ه that was ة is part of the word (بلدة is
    not بلد + ـه)."""
    text = norm.text
    i = end
    while i < len(text) and _is_word_char(text[i]) and i - end <= 3:
        i += 1
    if i < len(text) and _is_word_char(text[i]):
        return False
    rest = text[end:i]
    if not rest:
        return True
    if rest == "ا":
        o_start, o_end = norm.span(end, i)
        return "\u064b" in norm.original[o_start - 1:o_end + 1]
    return rest in PRONOUN_SUFFIXES and norm.original[norm.to_original(end)] != "ة"


def _clitic_prefix(text: str, start: int) -> str | None:
    """The letters between the word start and ``start`` if they are a clitic prefix."""
    i = start
    while i > 0 and _is_word_char(text[i - 1]) and start - i <= 5:
        i -= 1
    if i > 0 and _is_word_char(text[i - 1]):
        return None
    prefix = text[i:start]
    return prefix if prefix in CLITIC_PREFIXES else None
