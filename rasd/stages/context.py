"""Indexes over a Document's layers that event assembly queries many times.

Built once per article; range look-ups are bisections, so assembly stays
linear in the number of mentions rather than quadratic.
"""
from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass

from rasd.doc import CountMention, Document, Mention, Sentence


@dataclass(frozen=True, slots=True)
class Clause:
    start: int
    end: int
    sentence: Sentence


class MentionIndex:
    """Mentions by kind, sorted by start, with range queries."""

    def __init__(self, mentions: tuple[Mention, ...]):
        by_kind: dict[str, list[Mention]] = defaultdict(list)
        for m in mentions:
            by_kind[m.kind].append(m)
        self._by_kind = {k: sorted(v, key=lambda m: (m.start, -m.end)) for k, v in by_kind.items()}
        self._starts = {k: [m.start for m in v] for k, v in self._by_kind.items()}

    def all(self, kind: str) -> list[Mention]:
        return self._by_kind.get(kind, [])

    def within(self, kind: str, start: int, end: int, entry_id: str | None = None) -> list[Mention]:
        """Mentions of ``kind`` that start in [start, end) (and end by ``end``)."""
        items = self._by_kind.get(kind)
        if not items:
            return []
        lo = bisect.bisect_left(self._starts[kind], start)
        hi = bisect.bisect_left(self._starts[kind], end)
        return [m for m in items[lo:hi] if m.end <= end and (entry_id is None or m.entry_id == entry_id)]


class TokenIndex:
    """Counts words between offsets (distances in words, not characters)."""

    def __init__(self, doc: Document):
        self._starts = [t.start for t in doc.tokens]

    def between(self, a: int, b: int) -> int:
        """Number of tokens starting in [a, b)."""
        if b <= a:
            return 0
        return bisect.bisect_left(self._starts, b) - bisect.bisect_left(self._starts, a)


def split_clauses(doc: Document, index: MentionIndex) -> list[Clause]:
    """Sentences cut at clause-break words (كما، فيما، بينما…) and semicolons."""
    out: list[Clause] = []
    for sent in doc.sentences:
        cuts = [m.start for m in index.within("cue", sent.start, sent.end, "clause_break")]
        cuts += [i for i in range(sent.start, sent.end) if doc.text[i] in ";؛"]
        bounds = [sent.start, *sorted(c for c in cuts if c > sent.start), sent.end]
        for a, b in zip(bounds, bounds[1:]):
            if b > a:
                out.append(Clause(a, b, sent))
    return out


def counts_within(counts: tuple[CountMention, ...], start: int, end: int) -> list[CountMention]:
    return [c for c in counts if start <= c.start and c.end <= end]
