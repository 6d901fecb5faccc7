"""Export stored events: JSONL (CODEBOOK §3 events with their sources), CSV in
ACLED's columns, GeoJSON points.

The ACLED CSV follows ACLED's public export: the same column names in the same
order, ``iso`` the numeric ISO 3166 code, country and region names as ACLED
spells them (``rasd/data/countries.tsv``), ``disorder_type`` from the event type
(``rasd/data/acled_disorder.tsv``) and the two-digit ``interaction`` code.
``fatalities`` unknown is written 0 only here, as ACLED does.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import IO, Any

from rasd.lexicon.load import DATA_DIR, tsv_records
from rasd.store.core import SQLStore, row_to_event

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)
CIVILIANS_INTER = 7
FORMATS = ("jsonl", "csv", "geojson")


@dataclass(frozen=True, slots=True)
class Country:
    iso2: str
    iso3: str
    iso_numeric: int
    name: str
    region: str


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """ACLED's country table by ISO 3166-1 alpha-2."""
    out = {}
    for r in tsv_records(DATA_DIR / "countries.tsv"):
        d = r.data
        out[d["iso2"]] = Country(d["iso2"], d["iso3"], int(d["iso_numeric"]), d["acled_country"],
                                 d["acled_region"])
    return out


@lru_cache(maxsize=1)
def disorder_types() -> dict[tuple[str, str], str]:
    return {(r.data["event_type"], r.data["sub_event_type"]): r.data["disorder_type"]
            for r in tsv_records(DATA_DIR / "acled_disorder.tsv")}


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: the two inter codes as one number, lower digit first;
    an actor acting alone is its code times ten (e.g. 1 and 3 → 13, 2 alone → 20)."""
    if not inter1 and not inter2:
        return None
    a, b = sorted(x for x in (inter1 or 0, inter2 or 0))
    return a * 10 + b if a else b * 10


def event_record(store: SQLStore, row: dict[str, Any]) -> dict[str, Any]:
    """An event as JSON: CODEBOOK §3 fields, its ids, and every source behind it."""
    ev = row_to_event(row).to_dict()
    del ev["evidence"]
    sources = []
    for s in store.event_sources(row["id"]):
        sources.append({"article_id": s["article_id"], "url": s["url"], "title": s["title"],
                        "outlet": s["outlet"], "published": s["published"],
                        "evidence": json.loads(s["evidence"]), "merge_reason": s["reason"]})
    copies = store.copies_of(sorted({s["article_id"] for s in sources}))
    for c in copies:
        sources.append({"article_id": c["id"], "url": c["url"], "title": c["title"],
                        "outlet": c["outlet"], "published": c["published"], "evidence": [],
                        "copy_of": c["duplicate_of"]})
    return {"id": row["id"], "event_id_cnty": row["event_id_cnty"], **ev,
            "n_sources": row["n_sources"], "sources": sources}


def write_jsonl(store: SQLStore, rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for row in rows:
        out.write(json.dumps(event_record(store, row), ensure_ascii=False) + "\n")
        n += 1
    return n


def _outlets(rec: dict[str, Any]) -> str:
    names = []
    for s in rec["sources"]:
        name = s.get("outlet") or s.get("url") or s["article_id"]
        if name not in names:
            names.append(name)
    return "; ".join(names)


def _timestamp(store: SQLStore, event_id: str) -> int:
    """Unix time the event was last touched: the newest ingest among its sources."""
    rows = store.event_sources(event_id)
    stamps = [r["ingested_at"] for r in rows if r.get("ingested_at")]
    return int(dt.datetime.fromisoformat(max(stamps)).timestamp()) if stamps else 0


def acled_row(store: SQLStore, row: dict[str, Any]) -> dict[str, Any]:
    """One line of the ACLED-format CSV."""
    rec = event_record(store, row)
    c = countries().get(row.get("country") or "")
    a1, a2 = rec.get("actor1") or {}, rec.get("actor2") or {}
    inter1, inter2 = a1.get("inter"), a2.get("inter")
    civ = (inter2 == CIVILIANS_INTER and disorder_types().get(
        (row["event_type"], row["sub_event_type"]), "").startswith("Political violence"))
    return {
        "event_id_cnty": row["event_id_cnty"], "event_date": row["event_date"] or "",
        "year": row["year"] or "", "time_precision": row["date_precision"] or "",
        "disorder_type": disorder_types().get((row["event_type"], row["sub_event_type"]), ""),
        "event_type": row["event_type"], "sub_event_type": row["sub_event_type"],
        "actor1": a1.get("name") or "",
        "assoc_actor_1": "; ".join(a["name"] for a in rec["assoc_actors"]),
        "inter1": inter1 or "", "actor2": a2.get("name") or "", "assoc_actor_2": "",
        "inter2": inter2 or "", "interaction": interaction(inter1, inter2) or "",
        "civilian_targeting": "Civilian targeting" if civ else "",
        "iso": c.iso_numeric if c else "", "region": c.region if c else "",
        "country": c.name if c else (row.get("country") or ""),
        "admin1": row["admin1"] or "", "admin2": row["admin2"] or "", "admin3": "",
        "location": row["location"] or "",
        "latitude": "" if row["latitude"] is None else f"{row['latitude']:.4f}",
        "longitude": "" if row["longitude"] is None else f"{row['longitude']:.4f}",
        "geo_precision": row["geo_precision"] or "", "source": _outlets(rec), "source_scale": "",
        "notes": row["notes"] or "", "fatalities": row["fatalities"] or 0, "tags": "",
        "timestamp": _timestamp(store, row["id"]),
    }


def write_csv(store: SQLStore, rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    w = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    w.writeheader()
    n = 0
    for row in rows:
        w.writerow(acled_row(store, row))
        n += 1
    return n


def geojson_features(store: SQLStore, rows: Iterable[dict[str, Any]]
                     ) -> Iterator[dict[str, Any] | None]:
    """A Feature per event with coordinates; None for an event without (counted by the caller)."""
    for row in rows:
        if row["latitude"] is None or row["longitude"] is None:
            yield None
            continue
        props = event_record(store, row)
        props.pop("location", None)
        props.update(location=row["location"], admin1=row["admin1"], country=row["country"],
                     geo_precision=row["geo_precision"])
        yield {"type": "Feature", "id": row["id"],
               "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]},
               "properties": props}


def write_geojson(store: SQLStore, rows: Iterable[dict[str, Any]], out: IO[str]) -> tuple[int, int]:
    """A FeatureCollection of points. Returns (written, left out for lack of coordinates)."""
    feats, missing = [], 0
    for f in geojson_features(store, rows):
        if f is None:
            missing += 1
        else:
            feats.append(f)
    json.dump({"type": "FeatureCollection", "features": feats}, out, ensure_ascii=False, indent=1)
    out.write("\n")
    return len(feats), missing
