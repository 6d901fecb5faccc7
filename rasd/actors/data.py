"""Loading and validating the actor dictionary (rasd/data/actors/)."""
from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rasd.actors.model import ENTRY_KINDS, GENERIC_KINDS, SERVICES, ActorEntry, Role
from rasd.errors import DataFileError
from rasd.lexicon.load import DATA_DIR, Record, yaml_mapping, yaml_records
from rasd.lexicon.matcher import LexEntry, strip_article
from rasd.text.normalize import normalize_form

ACTOR_DIR = DATA_DIR / "actors"
_FIELDS = frozenset({"id", "name", "inter", "country", "kind", "ar", "ar_weak", "aliases",
                     "roles", "parent", "service", "heads", "construct"})
# Nisba endings the loader derives from the masculine singular (عراقي):
# fem. ة, plural ين/ون, accusative ا, dual ان, fem. plural ات.
_NISBA_ENDINGS = ("", "ة", "ين", "ون", "ا", "ان", "ات")


def form_key(form: str) -> str:
    """The key a form has in the matcher: normalised, leading ال dropped."""
    return strip_article(normalize_form(form))[0]


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name: str
    ar: tuple[str, ...]
    metonyms: tuple[str, ...]
    nat_forms: tuple[str, ...]
    bare: bool
    security: str


@dataclass(frozen=True, slots=True)
class Part:
    form: str
    head: bool
    service: str | None
    country: str | None
    actor: str | None
    bare: bool = True


@dataclass(frozen=True, slots=True)
class RoleNoun:
    form: str
    service: str
    person: bool


@dataclass(frozen=True, slots=True)
class Anaphor:
    form: str
    heads: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Parts:
    parts: tuple[Part, ...]
    roles: tuple[RoleNoun, ...]
    anaphors: tuple[Anaphor, ...]
    host_cues: tuple[str, ...]
    leads: tuple[str, ...] = ()
    particles: frozenset[str] = frozenset()


def nat_forms(nisba: Iterable[str], plural: Iterable[str]) -> tuple[str, ...]:
    return tuple(f"{s}{e}" for s in nisba for e in _NISBA_ENDINGS) + tuple(plural)


def _load_countries(path: Path) -> tuple[frozenset[str], dict[str, Country]]:
    data = yaml_mapping(path)
    iso = frozenset(str(data.get("iso2_codes", "")).split())
    out: dict[str, Country] = {}
    for rec in yaml_records(path, "countries"):
        d = rec.data
        out[d["code"]] = Country(d["code"], d["name"], tuple(d.get("ar") or ()),
                                 tuple(d.get("metonyms") or ()),
                                 nat_forms(d.get("nisba") or (), d.get("plural") or ()),
                                 bool(d.get("bare", True)), d.get("security", "military"))
    return iso, out


def _load_parts(path: Path) -> Parts:
    data = yaml_mapping(path)
    parts = tuple(Part(p["form"], bool(p.get("head")), p.get("service"), p.get("country"),
                       p.get("actor"), bool(p.get("bare", True))) for p in data.get("parts") or ())
    roles = tuple(RoleNoun(r["form"], r["service"], bool(r.get("person")))
                  for r in data.get("roles") or ())
    anaphors = tuple(Anaphor(a["form"], tuple(form_key(h) for h in a["heads"]))
                     for a in data.get("anaphors") or ())
    return Parts(parts, roles, anaphors, tuple(data.get("host_cues") or ()),
                 tuple(data.get("leads") or ()), frozenset(data.get("particles") or ()))


def _with_definite(forms: Iterable[str], particles: frozenset[str]) -> list[str]:
    """Generic descriptions also in their definite form: "جماعات مسلحة" →
    "الجماعات المسلحة" (noun and adjective take ال together)."""
    out = list(forms)
    for form in forms:
        words = form.split()
        if len(words) > 1 and not any(w.startswith("ال") for w in words):
            out.append(" ".join(w if w in particles else "ال" + w for w in words))
    return out


def actor_files(directory: Path = ACTOR_DIR) -> list[Path]:
    """Per-country files (two-letter names) and international.yml."""
    return sorted(p for p in directory.glob("*.yml")
                  if len(p.stem) == 2 or p.stem == "international")


def _strs(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def _date_or_none(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _role(d: dict[str, Any]) -> Role:
    return Role(_date_or_none(d.get("since")), _date_or_none(d.get("until")), d.get("name"),
                d.get("inter"), d.get("kind"))


def _default_kind(d: dict[str, Any]) -> str:
    if "{country}" in str(d.get("name", "")):
        return "generic"
    return "state" if d.get("service") or d.get("inter") == 1 else "group"


def _derived_heads(forms: Iterable[str], extra: Iterable[str]) -> tuple[str, ...]:
    heads = {form_key(f).split(" ", 1)[0] for f in forms} | {form_key(h) for h in extra}
    return tuple(sorted(h for h in heads if h))


def _entry(rec: Record, iso: frozenset[str], problems: list[str]) -> ActorEntry | None:
    d, where = rec.data, rec.where()
    for key in sorted(set(d) - _FIELDS):
        problems.append(f"{where}: unknown field {key!r}")
    for key in ("id", "name", "inter"):
        if key not in d:
            problems.append(f"{where}: missing {key}")
    kind = d.get("kind") or _default_kind(d)
    checks = [
        (isinstance(d.get("inter"), int) and 1 <= d["inter"] <= 8, "inter must be 1..8"),
        (d.get("country") is None or d["country"] in iso, f"country {d.get('country')!r} is not ISO-2"),
        (kind in ENTRY_KINDS, f"kind {kind!r} unknown"),
        (d.get("service") is None or d["service"] in SERVICES, f"service {d.get('service')!r} unknown"),
        (bool(_strs(d.get("ar")) or _strs(d.get("ar_weak"))), "no Arabic form"),
        (kind not in GENERIC_KINDS or "{country}" in str(d.get("name")) or "(International)" in str(d.get("name")),
         "generic name needs {country} or (International)"),
    ]
    problems.extend(f"{where}: {msg}" for ok, msg in checks if not ok)
    try:
        roles = tuple(_role(r) for r in d.get("roles") or ())
    except (ValueError, TypeError, AttributeError) as exc:
        problems.append(f"{where}: bad role: {exc}")
        roles = ()
    if any(k not in d for k in ("id", "name", "inter")):
        return None
    ar = _strs(d.get("ar"))
    return ActorEntry(
        id=str(d["id"]), name=str(d["name"]), inter=d["inter"], country=d.get("country"),
        kind=kind, ar=ar, ar_weak=_strs(d.get("ar_weak")), aliases=_strs(d.get("aliases")),
        parent=d.get("parent"), roles=roles, service=d.get("service"),
        heads=_derived_heads(ar, _strs(d.get("heads"))) if kind not in GENERIC_KINDS else (),
        construct=bool(d.get("construct")))


def _cross_checks(entries: list[tuple[Record, ActorEntry]], problems: list[str]) -> None:
    ids: dict[str, str] = {}
    keys: dict[str, str] = {}
    forces: dict[tuple[str | None, str], str] = {}
    for rec, e in entries:
        where = rec.where()
        if e.id in ids:
            problems.append(f"{where}: id also at {ids[e.id]}")
        ids.setdefault(e.id, where)
        for form in e.ar:
            key = form_key(form)
            if key in keys and keys[key] != e.id:
                problems.append(f"{where}: strong form {form!r} also claimed by {keys[key]}")
            keys.setdefault(key, e.id)
        if e.service:
            slot = (e.country, e.service)
            if slot in forces:
                problems.append(f"{where}: {slot} is already {forces[slot]}")
            forces.setdefault(slot, e.id)
    for rec, e in entries:
        if e.parent and e.parent not in ids:
            problems.append(f"{rec.where()}: parent {e.parent!r} unknown")


class ActorDictionary:
    """Every actor entry, the country table and the phrase pieces."""

    def __init__(self, entries: Iterable[ActorEntry], countries: dict[str, Country],
                 parts: Parts, iso2: frozenset[str]):
        self.entries = tuple(entries)
        self.countries = countries
        self.parts = parts
        self.iso2 = iso2
        self._by_id = {e.id: e for e in self.entries}
        self._forces = {(e.country, e.service): e for e in self.entries if e.service}

    @classmethod
    def load(cls, directory: Path = ACTOR_DIR) -> "ActorDictionary":
        """Read and validate; DataFileError lists every problem as file:line:id."""
        problems: list[str] = []
        iso, countries = _load_countries(directory / "countries.yml")
        parts = _load_parts(directory / "parts.yml")
        pairs: list[tuple[Record, ActorEntry]] = []
        for path in actor_files(directory):
            for rec in yaml_records(path):
                entry = _entry(rec, iso, problems)
                if entry is not None:
                    pairs.append((rec, entry))
        _cross_checks(pairs, problems)
        problems.extend(f"countries.yml: {c} is not ISO-2" for c in countries if c not in iso)
        if problems:
            raise DataFileError(problems)
        return cls((e for _, e in pairs), countries, parts, iso)

    @classmethod
    @functools.cache
    def default(cls) -> "ActorDictionary":
        """The packaged dictionary, loaded once."""
        return cls.load()

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, actor_id: str) -> ActorEntry:
        try:
            return self._by_id[actor_id]
        except KeyError:
            raise KeyError(f"unknown actor id {actor_id!r}") from None

    def state_force(self, country: str | None, service: str) -> ActorEntry | None:
        """The entry for a country's military/police/government (security → its default)."""
        if country is None:
            return None
        c = self.countries.get(country)
        security = c.security if c else "military"
        # a country without that force falls back to its others (Palestine has police only)
        for s in (security if service == "security" else service, security, "military", "police"):
            if (country, s) in self._forces:
                return self._forces[(country, s)]
        return None

    def country_name(self, code: str | None) -> str | None:
        c = self.countries.get(code or "")
        return c.name if c else None

    def lex_entries(self) -> Iterator[LexEntry]:
        """Matcher entries: kinds actor, actor_generic and actor_part."""
        for e in self.entries:
            kind = "actor_generic" if e.kind in GENERIC_KINDS else "actor"
            forms = e.ar if kind == "actor" else _with_definite(e.ar, self.parts.particles)
            yield from (LexEntry(kind, e.id, f, True) for f in forms)
            # a weak form written with ال needs it (القاعدة the group, not قاعدة a base)
            yield from (LexEntry(kind, e.id, f, False, needs_article=f.startswith("ال"))
                        for f in e.ar_weak)
        yield from self._part_entries()

    def _part_entries(self) -> Iterator[LexEntry]:
        for p in self.parts.parts:
            yield LexEntry("actor_part", f"part:{p.form}", p.form, attrs=(
                ("role", "part"), ("head", p.head), ("service", p.service),
                ("country", p.country), ("actor", p.actor), ("bare", p.bare)))
        for r in self.parts.roles:
            single = " " not in r.form and r.form.startswith("ال")
            yield LexEntry("actor_part", f"role:{r.form}", r.form, needs_article=single, attrs=(
                ("role", "role"), ("service", r.service), ("person", r.person)))
        for a in self.parts.anaphors:
            yield LexEntry("actor_part", f"anaphor:{a.form}", a.form,
                           needs_article=a.form.startswith("ال"),
                           attrs=(("role", "anaphor"), ("heads", a.heads)))
        for form in self.parts.leads:
            yield LexEntry("actor_part", f"lead:{form}", form, attrs=(("role", "lead"),))
        for c in self.countries.values():
            for f in c.nat_forms:
                yield LexEntry("actor_part", f"nat:{c.code}", f, attrs=(
                    ("role", "nat"), ("country", c.code), ("bare", c.bare)))
            for f in c.ar:
                yield LexEntry("actor_part", f"country:{c.code}", f, attrs=(
                    ("role", "country"), ("country", c.code)))
            for f in c.metonyms:
                yield LexEntry("actor_part", f"metonym:{c.code}", f, attrs=(
                    ("role", "metonym"), ("country", c.code)))
