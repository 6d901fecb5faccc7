"""Measure the geocoder on gold events: share within 25 km, admin1 and country right.

For each gold event with a location, the gold evidence span is the anchor; the
article's place mentions come from a matcher over the gazetteer's own entries.
Prints figures (and with --errors the misses, as ids and place names only).

Usage: python scripts/measure_geocode.py GOLD.jsonl [--errors]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from dataclasses import replace

from rasd.doc import Document
from rasd.geo.distance import haversine_km
from rasd.geo.gazetteer import Gazetteer
from rasd.lexicon.matcher import Matcher
from rasd.stages.geocode import locate
from rasd.text.normalize import normalize_form

_KM = 25.0


def _anchor(doc: Document, event: dict) -> tuple[int, int] | None:
    """The span of the gold evidence in the article (exact, else normalised, else its head)."""
    ev = event.get("evidence")
    if isinstance(ev, list):  # offsets form (CODEBOOK §3)
        spans = [(int(e["start"]), int(e["end"])) for e in ev if isinstance(e, dict)]
        return (min(s for s, _ in spans), max(e for _, e in spans)) if spans else None
    if not ev:
        return None
    i = doc.text.find(ev)
    if i >= 0:
        return i, i + len(ev)
    key = normalize_form(ev)
    for probe in (key, key[:60], key[:30]):
        j = doc.norm.text.find(probe)
        if j >= 0:
            return doc.norm.span(j, j + len(key) if probe == key else min(len(doc.norm.text), j + len(key)))
    return None


def _admin_ok(loc, gold: dict) -> bool:
    names = {n.lower() for n in [gold.get("admin1")] + list(gold.get("admin1_names") or []) if n}
    if not names:  # a country-level gold place: nothing to get wrong below the country
        return True
    return loc is not None and (loc.admin1 or "").lower() in names


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("--errors", action="store_true")
    args = ap.parse_args()
    gaz = Gazetteer.load()
    matcher = Matcher(gaz.lex_entries())
    n = near = adm = cty = missed = 0
    for line in open(args.gold, encoding="utf-8"):
        art = json.loads(line)
        pub = dt.date.fromisoformat(art["publication_date"]) if art.get("publication_date") else None
        doc = Document.from_text(art["text"], published=pub, id=art["id"])
        doc = replace(doc, mentions=tuple(matcher.find(doc.norm)))
        for ev in art["events"]:
            gold = ev.get("location") or {}
            anchor = _anchor(doc, ev)
            if gold.get("lat") is None:
                continue
            if anchor is None:
                missed += 1
                continue
            loc = locate(doc, anchor, gaz)
            n += 1
            ok_km = loc is not None and loc.lat is not None and haversine_km(
                loc.lat, loc.lon, gold["lat"], gold["lon"]) <= _KM
            ok_adm = _admin_ok(loc, gold)
            ok_cc = loc is not None and loc.country == gold.get("country")
            near += ok_km
            adm += ok_adm
            cty += ok_cc
            if args.errors and not (ok_km and ok_adm and ok_cc):
                got = (loc.name, loc.admin1, loc.country, loc.precision,
                       round(haversine_km(loc.lat, loc.lon, gold["lat"], gold["lon"]))) if loc else None
                print(f"{art['id']}: gold={gold.get('name')!r}/{gold.get('admin1')}/"
                      f"{gold.get('country')} p{gold.get('precision')} got={got}", file=sys.stderr)
    print(f"events: {n} (anchor not found: {missed})")
    print(f"within {_KM:.0f} km: {near / n:.3f}")
    print(f"admin1 right: {adm / n:.3f}")
    print(f"country right: {cty / n:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
