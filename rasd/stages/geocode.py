"""Geocoding: the place of an event, as an analyst would pin it.

``locate`` looks for place mentions in the sentence that states the event (the
anchor), then in the sentences before it, then in the headline/dateline, and
returns the most specific place tied to the event with a precision (CODEBOOK §3).
When no place can be resolved it falls back to the country of the article, never
to a guessed point.
"""
from __future__ import annotations

import math
from collections import defaultdict
from typing import Any

import regex

from rasd.doc import Document
from rasd.event import Location
from rasd.geo.cues import cue_before
from rasd.geo.distance import haversine_km
from rasd.geo.gazetteer import Gazetteer, Place
from rasd.geo.resolve import DocMemo, Hit, context_of, hits_in, precision_of, rank_hits
from rasd.text.normalize import normalize

_SENTENCE_END = regex.compile(r"[.!?؟\n]+\s*")
_LEAD_CHARS = 300  # the headline, dateline and lead sentence weigh more
_BACK_SENTENCES = 3  # how many earlier sentences an analyst would read for the place
_CURATED_BONUS = 1.5  # a reviewed entry outweighs a same-named GeoNames village
_KIND_WEIGHT = {"country": 2.0, "admin1": 1.5}
_SHARED_KINDS = frozenset({"sea", "strait"})  # one name, a reading per coastal country


def sentence_spans(doc: Document) -> list[tuple[int, int]]:
    """The document's sentences, or a plain split on end punctuation if none were made."""
    if doc.sentences:
        return [(s.start, s.end) for s in doc.sentences]
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(doc.text):
        if m.start() > start:
            spans.append((start, m.end()))
        start = m.end()
    if start < len(doc.text):
        spans.append((start, len(doc.text)))
    return spans


def article_country(doc: Document, gaz: Gazetteer) -> str | None:
    """The country the article is about: place mentions, weighted to the lead."""
    return _article_country(doc, gaz)  # asked once per locate call: computed once per document


def _country_of_article(doc: Document, gaz: Gazetteer) -> str | None:
    weights: dict[str, float] = defaultdict(float)
    for hit in hits_in(doc, gaz, 0, len(doc.text)):
        kind_w = max(_KIND_WEIGHT.get(p.kind, 0.5 if p.minor else 1.0) for p in hit.places)
        lead_w = 2.0 if hit.start < _LEAD_CHARS else 1.0
        for cc, share in _country_shares(hit).items():
            weights[cc] += kind_w * lead_w * share
    if not weights:
        return None
    return max(sorted(weights), key=lambda cc: weights[cc])


_article_country = DocMemo(_country_of_article)


def _country_shares(hit: Hit) -> dict[str, float]:
    """How a name's weight is shared between countries: by its reviewed or notable readings,
    one share each, so "الرياض" (the Saudi city, province and district, and a subdistrict
    of Kirkuk) leans Saudi rather than splitting evenly or by the alphabet."""
    readings = [p for p in hit.places if not p.minor] or hit.places
    shares: dict[str, float] = defaultdict(float)
    for p in readings:
        shares[p.country] += 1 / len(readings)
    return shares


def _windows(doc: Document, anchor: tuple[int, int]) -> list[tuple[int, int]]:
    """Where to look, in order: the anchor, its sentence, earlier sentences, the lead."""
    spans = sentence_spans(doc)
    start, end = anchor
    idx = next((i for i, (s, e) in enumerate(spans) if s <= start < e), None)
    out = [anchor]
    if idx is not None:
        s, e = spans[idx]
        out.append((min(s, start), max(e, end)))
        out.extend(spans[j] for j in range(idx - 1, max(-1, idx - 1 - _BACK_SENTENCES), -1))
        out.extend(spans[:2])
    return out


def _base_countries(doc: Document, gaz: Gazetteer, hint: str | None) -> dict[str, float]:
    base: dict[str, float] = {}
    art = article_country(doc, gaz)
    if art:
        base[art] = 1.0
    if hint:
        base[hint] = base.get(hint, 0.0) + 1.5
    return base


def locate(doc: Document, anchor: tuple[int, int], gaz: Gazetteer,
           country_hint: str | None = None) -> Location | None:
    """The location of the event stated in ``anchor`` (original-text span), or None."""
    base = _base_countries(doc, gaz, country_hint)
    windows = _windows(doc, anchor)
    sentence = windows[1] if len(windows) > 1 else windows[0]
    ctx = context_of(hits_in(doc, gaz, *sentence), base)
    found: tuple[Hit, Place] | None = None
    for window in windows:
        ranked = rank_hits(hits_in(doc, gaz, *window), ctx)
        if found is None and ranked:
            found = ranked[0]
        elif found is not None:
            # Only the country so far: a place of that country in the wider text pins it.
            found = next(((h, p) for h, p in ranked if p.country == found[1].country
                          and p.kind != "country"), found)
        if found is not None and found[1].kind != "country":
            break
    if found is not None and found[1].kind in _SHARED_KINDS:
        found = _on_the_coast_of(found, hits_in(doc, gaz, *sentence))
    if found is not None:
        return _location(doc, *found)
    fallback = max(sorted(base), key=lambda cc: base[cc]) if base else None
    country = gaz.country_place(fallback) if fallback else None
    return _area_location(country, None) if country else None


def _on_the_coast_of(found: tuple[Hit, Place], hits: list[Hit]) -> tuple[Hit, Place]:
    """A sea shared by several countries takes the coast of a place the sentence names
    ("غربي ميناء الحديدة ... البحر الأحمر" is Yemen's side of the Red Sea)."""
    sea_hit, sea = found
    coasts = {h.places[0].country for h in hits
              if h is not sea_hit and len({p.country for p in h.places}) == 1
              and h.places[0].kind not in _SHARED_KINDS | {"country"}}
    if sea.country in coasts:
        return found
    other = next((p for p in sea_hit.places if p.kind == sea.kind and p.country in coasts), None)
    return (sea_hit, other) if other is not None else found


def _location(doc: Document, hit: Hit, place: Place) -> Location:
    start = hit.cue.start if hit.cue and hit.cue.distance == 0 else hit.start
    text = doc.text[start:hit.end]
    if place.kind == "country":
        return _area_location(place, text)
    return Location(name=place.name, text=text, admin1=place.admin1, admin2=place.admin2,
                    country=place.country, lat=place.lat, lon=place.lon,
                    precision=precision_of(place, hit))


def _area_location(place: Place, text: str | None) -> Location:
    return Location(name=place.name, text=text, admin1=None, admin2=None,
                    country=place.country, lat=place.lat, lon=place.lon, precision=3)


def geocode_name(name: str, gaz: Gazetteer, country: str | None = None,
                 near: str | None = None) -> list[dict[str, Any]]:
    """Places ``name`` may denote, best first, scored by country and the ``near`` context."""
    candidates, cue_kinds = _name_candidates(name, gaz)
    near_places = _places_in_text(near, gaz) if near else []
    scored = []
    for p in candidates:
        if country and p.country != country:
            continue
        score = _name_score(p, cue_kinds, near_places)
        scored.append((score, p))
    scored.sort(key=lambda sp: (-sp[0], sp[1].id))
    return [{"id": p.id, "name": p.name, "ar": p.ar, "kind": p.kind, "country": p.country,
             "admin1": p.admin1, "admin2": p.admin2, "lat": p.lat, "lon": p.lon,
             "source": p.source, "score": round(s, 3)} for s, p in scored]


def _name_candidates(name: str, gaz: Gazetteer) -> tuple[list[Place], frozenset[str]]:
    """Candidates of the whole name, else of the name after a leading cue ('قاعدة X')."""
    found = gaz.candidates(name)
    if found:
        return found, frozenset()
    norm = normalize(name.strip())
    words = list(regex.finditer(r"\S+", norm.text))
    for w in words[1:4]:
        cue = cue_before(norm, w.start())
        if cue is None:
            continue
        rest = gaz.candidates(norm.text[w.start():])
        if rest:
            return rest, cue.cue.kinds
    return [], frozenset()


def _name_score(p: Place, cue_kinds: frozenset[str], near: list[Place]) -> float:
    score = 0.3 * p.specificity + math.log10(p.population + 1) / 3
    score += _CURATED_BONUS if p.source == "curated" else 0.0
    if cue_kinds:
        score += 2.0 if p.kind in cue_kinds else -3.0
    for q in near:
        if q.country == p.country:
            score += 2.0
        if q.admin1 and q.admin1 == p.admin1:
            score += 1.5
        if haversine_km(p.lat, p.lon, q.lat, q.lon) < 50:
            score += 1.0
    return score


def _places_in_text(text: str, gaz: Gazetteer) -> list[Place]:
    """Places named in a short context string (whole string or its words)."""
    found = gaz.candidates(text)
    if not found:
        for word in regex.findall(r"[\p{L}\p{N}'-]+(?:\s+[\p{L}\p{N}'-]+)?", text):
            found.extend(gaz.candidates(word))
    cc = gaz.country_place(text.upper()) if len(text) == 2 else None
    return ([cc] if cc else []) + found[:10]


__all__ = ["article_country", "locate", "geocode_name", "sentence_spans"]
