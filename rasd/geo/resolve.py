"""Choosing which place a matched form names, and which mention names the event place.

A *hit* is one place mention in the text: its span, the places its form may
name, and the cue before it. ``best_place`` picks the place a hit names from the
context (countries and governorates around it); ``rank_hits`` orders hits so the
most specific place tied to the event comes first.
"""
from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from rasd.doc import Document, Mention
from rasd.geo.cues import CueHit, cue_before
from rasd.geo.gazetteer import AREA_KINDS, Gazetteer, Place

# A place outside the context countries is only believed if it is notable.
NOTABLE_POPULATION = 50_000
_NOTABLE_KINDS = frozenset({"country", "admin1", "sea", "strait", "region", "city"})
T = TypeVar("T")


@dataclass
class Hit:
    start: int
    end: int
    places: list[Place]  # every place the form may name (weak ones only with a cue)
    cue: CueHit | None
    strong_ids: set[str] = field(default_factory=set)

    @property
    def usable(self) -> bool:
        return bool(self.places)


@dataclass(frozen=True, slots=True)
class Context:
    """What the surrounding text says about where we are."""

    countries: dict[str, float]  # country -> weight
    admin1: frozenset[tuple[str, str]]  # (country, admin1 English name)
    named: frozenset[str] = frozenset()  # countries the article or sentence names outright

    @property
    def main(self) -> frozenset[str]:
        """The country or countries the context weighs most."""
        top = max(self.countries.values(), default=0.0)
        return frozenset(cc for cc, w in self.countries.items() if w >= top)


class DocMemo(Generic[T]):
    """A value computed once per (Document, Gazetteer), kept for the last few documents.

    Assembly geocodes every event of an article with several ``locate`` calls,
    each needing the same article-wide place hits; documents are frozen, so a
    result keyed by object identity stays right. Entries hold the document
    itself, so an ``id`` cannot be reused while its entry lives.
    """

    def __init__(self, compute: Callable[[Document, Gazetteer], T], size: int = 4) -> None:
        self._compute = compute
        self._size = size
        self._items: dict[int, tuple[Document, Gazetteer, T]] = {}

    def __call__(self, doc: Document, gaz: Gazetteer) -> T:
        item = self._items.get(id(doc))
        if item is not None and item[0] is doc and item[1] is gaz:
            return item[2]
        value = self._compute(doc, gaz)
        if len(self._items) >= self._size:
            del self._items[next(iter(self._items))]  # the oldest document
        self._items[id(doc)] = (doc, gaz, value)
        return value


def _all_hits(doc: Document, gaz: Gazetteer) -> list[Hit]:
    """Every place mention of the document grouped by span, before nested ones are dropped."""
    groups: dict[tuple[int, int], list[Mention]] = defaultdict(list)
    for m in doc.mentions:
        if m.kind == "place":
            groups[(m.start, m.end)].append(m)
    hits = []
    for (s, e), ms in sorted(groups.items()):
        # The cue stands before the whole word, clitics included ("مدينة الميادين").
        word_start = doc.norm.to_normalized(s) - max(len(m.prefix) for m in ms)
        cue = cue_before(doc.norm, max(0, word_start))
        if cue and cue.distance == 0 and cue.cue.beyond:
            continue  # "عند الحدود مع لبنان": not in Lebanon
        keep = [m for m in ms if gaz.get(m.entry_id)
                and (m.strong or _licenses(cue, gaz.place(m.entry_id)))]
        places = list({m.entry_id: gaz.place(m.entry_id) for m in keep}.values())
        if cue and cue.distance == 0 and cue.cue.names_building:
            places = [p for p in places if p.kind == "site"]  # "فندق مكة" is not in Mecca
        if places:
            hits.append(Hit(s, e, places, cue, {m.entry_id for m in keep if m.strong}))
    return hits


_doc_hits = DocMemo(_all_hits)


def hits_in(doc: Document, gaz: Gazetteer, start: int, end: int) -> list[Hit]:
    """Place mentions inside [start, end), grouped by span, weak forms kept only after a cue.

    The hits are shared between calls on one document: callers must not change them.
    """
    return _drop_nested([h for h in _doc_hits(doc, gaz) if start <= h.start and h.end <= end])


def _licenses(cue: CueHit | None, place: Place) -> bool:
    """A weak form counts right after a cue that may introduce this kind of place."""
    return (cue is not None and cue.distance == 0 and cue.cue.licenses_weak
            and (not cue.cue.kinds or place.kind in cue.cue.kinds))


def _drop_nested(hits: list[Hit]) -> list[Hit]:
    """A mention inside a longer one (from another matcher pass) is not a place of its own."""
    return [h for h in hits
            if not any(o is not h and o.start <= h.start and h.end <= o.end
                       and (o.end - o.start) > (h.end - h.start) for o in hits)]


def context_of(hits: Iterable[Hit], base: dict[str, float]) -> Context:
    """Countries and governorates named unambiguously by ``hits``, on top of ``base``
    (a village counts half)."""
    countries = dict(base)
    admin1: set[tuple[str, str]] = set()
    named = set(base)
    for hit in hits:
        named.update(p.country for p in hit.places if p.kind in ("country", "admin1"))
        ccs = {p.country for p in hit.places}
        if len(ccs) == 1:
            cc = next(iter(ccs))
            weight = 0.5 if all(p.minor for p in hit.places) else 1.0
            countries[cc] = countries.get(cc, 0.0) + weight
        for p in hit.places:
            if p.kind in ("admin1", "city") and p.admin1 and len(ccs) == 1:
                admin1.add((p.country, p.admin1))
    return Context(countries, frozenset(admin1), frozenset(named))


def place_score(place: Place, hit: Hit, ctx: Context) -> float:
    """How well ``place`` fits the hit's cue and the surrounding context."""
    score = 0.3 * place.specificity + math.log10(place.population + 1) / 3
    score += 3.0 * min(ctx.countries.get(place.country, 0.0), 2.0)
    if (place.country, place.admin1) in ctx.admin1 and place.kind != "admin1":
        score += 2.5
    if hit.cue and hit.cue.cue.kinds:
        score += 2.0 if place.kind in hit.cue.cue.kinds else -3.0
    if place.source == "curated":
        score += 1.5  # reviewed entries beat same-named GeoNames villages
    return score


def best_place(hit: Hit, ctx: Context) -> Place | None:
    """The place the hit names, or None when the only readings are obscure places abroad."""
    main = ctx.main
    places = [p for p in hit.places if not (p.minor and main and p.country not in main)]
    if hit.cue and hit.cue.cue.kinds:
        # the cue names the kind ("محافظة صعدة" is the governorate, not the city)
        places = [p for p in places if p.kind in hit.cue.cue.kinds] or places
    else:
        # a country's name alone is the country ("تونس", "الكويت"), not its namesake capital
        countries = {p.country for p in places if p.kind == "country"}
        places = [p for p in places if p.kind == "country" or p.country not in countries]
    if not places:
        return None
    ranked = sorted(places, key=lambda p: (-place_score(p, hit, ctx), p.id))
    best = ranked[0]
    if ctx.countries and best.country not in ctx.countries and not _notable(best):
        return None
    if (main and best.country not in main and best.country not in ctx.named
            and best.source == "geonames" and hit.cue is None):
        return None  # an unreviewed name abroad, uncued, in a country nobody mentions
    return best


def _notable(place: Place) -> bool:
    return (place.kind in _NOTABLE_KINDS or place.source == "curated"
            or place.population >= NOTABLE_POPULATION)


def effective_specificity(place: Place, hit: Hit) -> float:
    """Specificity, lowered a little when the cue says 'near' (a village beats 'near a city')."""
    spec = float(place.specificity)
    if hit.cue and hit.cue.precision == 2:
        spec -= 0.5
    return spec


def precision_of(place: Place, hit: Hit) -> int:
    if place.kind in AREA_KINDS:
        return 3
    if place.kind in ("admin2", "district") or (hit.cue and hit.cue.precision == 2):
        return 2
    return 1


def rank_hits(hits: list[Hit], ctx: Context) -> list[tuple[Hit, Place]]:
    """(hit, place) pairs: places in the context's main countries first, then the most
    specific, then cued, then earliest."""
    pairs = [(h, p) for h in hits if (p := best_place(h, ctx)) is not None]
    main = ctx.main
    return sorted(pairs, key=lambda hp: (bool(main) and hp[1].country not in main,
                                         -effective_specificity(hp[1], hp[0]),
                                         hp[0].cue is None, hp[0].start))
