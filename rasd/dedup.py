"""Deduplication: article fingerprints and the cross-article event merge rule.

Two levels:

* **Articles.** ``fingerprint`` is a content hash of the normalised words, so
  re-ingesting the same text (whatever its spacing, harakat or alef forms) is
  recognised. Wire copies that differ by a few words are found with MinHash
  over word 3-shingles: LSH ``bands`` give candidates, ``jaccard`` over the
  shingle sets confirms. Every hash is seeded by constants: deterministic.
* **Events.** ``compatible`` says whether two article-level events (members)
  report one real-world event, and why; ``cluster`` groups members of a
  component deterministically (sorted, greedy, every pair compatible, splits
  honoured); ``merge_event`` builds the merged event (most precise place and
  date, lowest fatality figure — ACLED's rule).

The result of clustering depends only on the *set* of members, never on the
order they arrived in, which is what makes ingest resumable.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import math
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import regex

from rasd.event import Actor, Event
from rasd.text.normalize import normalize

__all__ = [
    "Member", "fingerprint", "shingles", "minhash", "bands", "jaccard",
    "compatible", "cluster", "merge_event", "event_id_for", "NEAR_DUPLICATE",
    "MERGE_KM",
]

NEAR_DUPLICATE = 0.8  # Jaccard of word 3-shingles at or above which two articles are copies
MERGE_KM = 10.0  # places this close are one place for the merge rule
_PERMS = 64
_ROWS = 4  # 16 bands of 4 rows: candidates from about Jaccard 0.5 up
_PRIME = (1 << 61) - 1
_WORD_RE = regex.compile(r"[\p{L}\p{N}]+")
# Fixed seed: the same text gives the same signature in every run and process.
_RNG = random.Random(1729)
_COEF = [(_RNG.randrange(1, _PRIME), _RNG.randrange(0, _PRIME)) for _ in range(_PERMS)]


def words(text: str) -> list[str]:
    """The normalised words of ``text`` (punctuation and spacing ignored)."""
    return _WORD_RE.findall(normalize(text).text)


def fingerprint(text: str) -> str:
    """Content hash of the normalised words: equal for texts that differ only in form."""
    return hashlib.sha256(" ".join(words(text)).encode("utf-8")).hexdigest()[:32]


def shingles(text: str, k: int = 3) -> frozenset[str]:
    """Word k-shingles of the normalised text (the whole text if shorter than k words)."""
    w = words(text)
    if len(w) <= k:
        return frozenset([" ".join(w)]) if w else frozenset()
    return frozenset(" ".join(w[i:i + k]) for i in range(len(w) - k + 1))


def _h64(s: str) -> int:
    return int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "big")


def minhash(sh: Iterable[str]) -> tuple[int, ...]:
    """MinHash signature (64 permutations) of a shingle set."""
    hs = [_h64(s) for s in sh]
    if not hs:
        return tuple([_PRIME] * _PERMS)
    return tuple(min((a * h + b) % _PRIME for h in hs) for a, b in _COEF)


def bands(signature: Sequence[int]) -> list[str]:
    """LSH band keys: two signatures sharing a key are near-duplicate candidates."""
    out = []
    for i in range(0, len(signature), _ROWS):
        chunk = ",".join(map(str, signature[i:i + _ROWS]))
        out.append(f"{i // _ROWS}:{hashlib.blake2b(chunk.encode(), digest_size=8).hexdigest()}")
    return out


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


# --------------------------------------------------------------------------- events


@dataclass(frozen=True, slots=True)
class Member:
    """One event as one article reported it (a row of ``event_sources``)."""

    id: str  # "<article_id>#<index>"
    article_id: str
    published: str | None
    event: Event

    @property
    def sort_key(self) -> tuple[str, str, int]:
        # earliest report first; the anchor of a cluster is its first member
        idx = int(self.id.rsplit("#", 1)[-1]) if "#" in self.id else 0
        return (self.published or "9999-12-31", self.article_id, idx)


def event_id_for(anchor: Member) -> str:
    """Stable event id: derived from the cluster's anchor (its earliest report)."""
    return "ev-" + hashlib.sha1(anchor.id.encode("utf-8")).hexdigest()[:12]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _key(s: str | None) -> str:
    return " ".join(_WORD_RE.findall((s or "").casefold()))


def is_generic(actor: Actor | None) -> bool:
    """No actor, or an unnamed one (CODEBOOK §4: 'Unidentified ... (Country)')."""
    return actor is None or not actor.name or _key(actor.name).startswith("unidentified")


def _date_reason(a: Event, b: Event) -> str | None:
    if a.date is None and b.date is None:
        return "both undated (same place, actor and toll)"
    if a.date is None or b.date is None:
        return None
    gap = abs((dt.date.fromisoformat(a.date) - dt.date.fromisoformat(b.date)).days)
    return None if gap > 1 else ("same date" if gap == 0 else "dates 1 day apart")


def _place_reason(a: Event, b: Event) -> str | None:
    la, lb = a.location, b.location
    if la is None or lb is None:
        return None
    if la.country and lb.country and la.country != lb.country:
        return None
    if la.name and _key(la.name) == _key(lb.name):
        return f"same place ({la.name})"
    if None not in (la.lat, la.lon, lb.lat, lb.lon):
        km = _km(la.lat, la.lon, lb.lat, lb.lon)  # type: ignore[arg-type]
        if km <= MERGE_KM:
            return f"places {km:.1f} km apart ({la.name} / {lb.name})"
    return None


def _actor_reason(a: Event, b: Event) -> str | None:
    if not is_generic(a.actor1) and not is_generic(b.actor1):
        same = _key(a.actor1.name) == _key(b.actor1.name)  # type: ignore[union-attr]
        return f"same actor1 ({a.actor1.name})" if same else None  # type: ignore[union-attr]
    if is_generic(a.actor1) and is_generic(b.actor1):
        return "actor1 unidentified in both"
    named = a.actor1 if not is_generic(a.actor1) else b.actor1
    return f"actor1 {named.name} / unidentified"  # type: ignore[union-attr]


def compatible(a: Member, b: Member) -> str | None:
    """Why ``a`` and ``b`` report the same event, or None when they do not.

    Same event type, same place (name, or within MERGE_KM), dates within one
    day, compatible actor1 (equal, or one unidentified). Events of one article
    never merge: the extractor already judged them distinct.
    """
    if a.article_id == b.article_id or a.event.event_type != b.event.event_type:
        return None
    reasons = [f"same type ({a.event.event_type})"]
    for rule in (_date_reason, _place_reason, _actor_reason):
        r = rule(a.event, b.event)
        if r is None:
            return None
        reasons.append(r)
    if a.event.date is None and not _undated_agree(a.event, b.event):
        return None
    return "; ".join(reasons)


def _undated_agree(a: Event, b: Event) -> bool:
    """Without dates, a day-apart check is impossible: undated reports merge only when
    they agree on all else — the same precise place, the same named actor1 and the
    same reported death toll (so two different attacks on one town stay apart)."""
    la, lb = a.location, b.location
    precise = bool(la and lb and la.precision == 1 and lb.precision == 1
                   and la.name and _key(la.name) == _key(lb.name))
    named = not is_generic(a.actor1) and not is_generic(b.actor1)
    return precise and named and a.fatalities is not None and a.fatalities == b.fatalities


def cluster(members: Iterable[Member], splits: set[frozenset[str]] | None = None
            ) -> list[list[tuple[Member, str | None]]]:
    """Group members into events: each cluster is ``[(member, reason)]``, anchor first
    (reason None). Sorted greedy: a member joins the first cluster all of whose
    members it is compatible with and none of which it was split from."""
    splits = splits or set()
    out: list[list[tuple[Member, str | None]]] = []
    for m in sorted(members, key=lambda x: x.sort_key):
        for cl in out:
            if any(frozenset((m.id, o.id)) in splits for o, _ in cl):
                continue
            if all(compatible(m, o) for o, _ in cl):
                cl.append((m, compatible(m, cl[0][0])))
                break
        else:
            out.append([(m, None)])
    return out


def _best(values: Iterable[tuple[int | None, int, object]]) -> object:
    """The value with the lowest precision number (most precise); ties keep the earliest."""
    ranked = [(p if p is not None else 9, i, v) for p, i, v in values if v is not None]
    return min(ranked, key=lambda t: (t[0], t[1]))[2] if ranked else None


def _min_count(values: Iterable[int | None]) -> int | None:
    known = [v for v in values if v is not None]
    return min(known) if known else None


def _actor(events: Sequence[Event], attr: str) -> Actor | None:
    named = [getattr(e, attr) for e in events if not is_generic(getattr(e, attr))]
    return named[0] if named else next((getattr(e, attr) for e in events if getattr(e, attr)), None)


def merge_event(members: Sequence[Member]) -> Event:
    """The merged event of a cluster (anchor first): most precise place and date,
    lowest fatality and injury figures, named actors over unidentified ones,
    the union of weapons."""
    evs = [m.event for m in members]
    base = evs[0]
    loc = _best((e.location.precision, i, e.location) for i, e in enumerate(evs) if e.location)
    date = _best((e.date_precision, i, (e.date, e.date_precision)) for i, e in enumerate(evs))
    weapons = tuple(sorted({w for e in evs for w in e.weapons}))
    assoc: dict[str, Actor] = {}
    for e in evs:
        for a in e.assoc_actors:
            assoc.setdefault(a.name, a)
    return replace(
        base,
        date=date[0] if date else base.date,  # type: ignore[index]
        date_precision=date[1] if date else base.date_precision,  # type: ignore[index]
        location=loc,  # type: ignore[arg-type]
        actor1=_actor(evs, "actor1"), actor2=_actor(evs, "actor2"),
        assoc_actors=tuple(assoc.values()),
        claimed=any(e.claimed for e in evs),
        fatalities=_min_count(e.fatalities for e in evs),
        injuries=_min_count(e.injuries for e in evs),
        weapons=weapons,
        evidence=(),  # evidence stays with each source
        confidence=max(e.confidence for e in evs),
        background=all(e.background for e in evs),
    )
