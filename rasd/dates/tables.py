"""Loading and validating the date tables of ``rasd/data/dates``.

Every form is run through :func:`rasd.text.normalize.normalize_form`, the
normaliser used on articles, so lookups work on ``Document.norm.text``.
Each problem names ``file:line:id``; all problems of all files are reported
at once in one :class:`rasd.errors.DataFileError`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from rasd.errors import DataFileError
from rasd.lexicon.load import DATA_DIR, Record, yaml_mapping, yaml_records
from rasd.text.normalize import normalize_form

DATES_DIR = DATA_DIR / "dates"
TRADITIONS = ("egyptian", "levantine", "maghrebi", "moroccan")
_WORD_LISTS = ("demonstratives", "year_words", "month_words", "day_words", "connectors", "cues",
               "hijri_era", "gregorian_era", "equals")


@dataclass(frozen=True, slots=True)
class RelativeDay:
    id: str
    offset: int
    future: bool


@dataclass
class _Collector:
    """Gathers ``normalised form -> meaning`` for one word class and the problems met."""

    name: str
    problems: list[str]
    table: dict[str, Any] = field(default_factory=dict)
    where: dict[str, str] = field(default_factory=dict)

    def add(self, rec: Record, forms: Any, meaning: Any, key: str = "id") -> None:
        if not isinstance(forms, list) or not forms:
            self.problems.append(f"{rec.where(key)}: forms must be a non-empty list")
            return
        for form in forms:
            norm = normalize_form(str(form)) if isinstance(form, str) else ""
            if not norm:
                self.problems.append(f"{rec.where(key)}: empty or non-text form {form!r}")
            elif norm in self.table and self.table[norm] != meaning:
                self.problems.append(f"{rec.where(key)}: form {form!r} already means "
                                     f"{self.table[norm]!r} at {self.where[norm]}")
            else:
                # the same form twice with one meaning (أبريل/إبريل after normalising) is harmless
                self.table[norm] = meaning
                self.where.setdefault(norm, rec.where(key))


def _int_field(rec: Record, key: str, lo: int, hi: int, problems: list[str], idkey: str = "id") -> int:
    value = rec.data.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or not lo <= value <= hi:
        problems.append(f"{rec.where(idkey)}: {key} must be an integer {lo}..{hi}, got {value!r}")
        return lo
    return value


def _unique_ids(records: list[Record], problems: list[str], key: str = "id") -> None:
    seen: dict[Any, str] = {}
    for rec in records:
        value = rec.data.get(key)
        if value is None:
            problems.append(f"{rec.where(key)}: missing {key}")
        elif value in seen:
            problems.append(f"{rec.where(key)}: duplicate {key} (first at {seen[value]})")
        else:
            seen[value] = rec.where(key)


def _load_gregorian(path: Path, problems: list[str]) -> dict[str, int]:
    recs = yaml_records(path)
    _unique_ids(recs, problems)
    col = _Collector("gregorian", problems)
    per_tradition: dict[str, set[int]] = {t: set() for t in TRADITIONS}
    for rec in recs:
        month = _int_field(rec, "month", 1, 12, problems)
        trads = rec.data.get("traditions")
        if not isinstance(trads, dict):
            problems.append(f"{rec.where()}: traditions must be a mapping")
            continue
        for trad, forms in trads.items():
            if trad not in per_tradition:
                problems.append(f"{rec.where()}: unknown tradition {trad!r}")
                continue
            per_tradition[trad].add(month)
            col.add(rec, forms, month)
    for trad, months in per_tradition.items():
        missing = sorted(set(range(1, 13)) - months)
        if missing:
            problems.append(f"{path.name}:1:{trad}: months {missing} have no form")
    return col.table


def _load_numbered(path: Path, key: str, lo: int, hi: int, problems: list[str]) -> dict[str, int]:
    """Entries ``{id, <key>: number, forms}`` (Hijri months, weekdays)."""
    recs = yaml_records(path)
    _unique_ids(recs, problems)
    col = _Collector(path.stem, problems)
    numbers = set()
    for rec in recs:
        n = _int_field(rec, key, lo, hi, problems)
        numbers.add(n)
        col.add(rec, rec.data.get("forms"), n)
    missing = sorted(set(range(lo, hi + 1)) - numbers)
    if missing:
        problems.append(f"{path.name}:1:{key}: {missing} have no entry")
    return col.table


def _load_ordinals(path: Path, problems: list[str]) -> dict[str, int]:
    recs = yaml_records(path)
    _unique_ids(recs, problems, key="day")
    col = _Collector("ordinals", problems)
    for rec in recs:
        day = _int_field(rec, "day", 1, 31, problems, idkey="day")
        for gender in ("masculine", "feminine"):
            col.add(rec, rec.data.get(gender), day, key="day")
    days = set(col.table.values())
    if days != set(range(1, 32)):
        problems.append(f"{path.name}:1:day: days {sorted(set(range(1, 32)) - days)} have no form")
    return col.table


def _word_set(path: Path, list_key: str, problems: list[str]) -> frozenset[str]:
    col = _Collector(list_key, problems)
    recs = yaml_records(path, list_key=list_key)
    if not recs:
        problems.append(f"{path.name}:1:{list_key}: list is missing or empty")
    for rec in recs:
        col.add(rec, rec.data.get("forms"), rec.data.get("id"))
    return frozenset(col.table)


def _plain_list(path: Path, key: str, problems: list[str]) -> frozenset[str]:
    values = yaml_mapping(path).get(key, [])
    if not isinstance(values, list):
        problems.append(f"{path.name}:1:{key}: must be a list")
        return frozenset()
    return frozenset(normalize_form(str(v)) for v in values if normalize_form(str(v)))


def _load_relative(path: Path, problems: list[str]) -> dict[str, RelativeDay]:
    recs = yaml_records(path)
    _unique_ids(recs, problems)
    col = _Collector("relative", problems)
    for rec in recs:
        offset = _int_field(rec, "offset", -7, 7, problems)
        future = rec.data.get("future", False)
        if not isinstance(future, bool):
            problems.append(f"{rec.where()}: future must be true or false")
        col.add(rec, rec.data.get("forms"), RelativeDay(str(rec.data.get("id")), offset, bool(future)))
    return col.table


def _load_parts(path: Path, problems: list[str]) -> dict[str, bool]:
    recs = yaml_records(path)
    _unique_ids(recs, problems)
    col = _Collector("parts", problems)
    for rec in recs:
        eve = rec.data.get("eve", False)
        if not isinstance(eve, bool):
            problems.append(f"{rec.where()}: eve must be true or false")
        col.add(rec, rec.data.get("forms"), bool(eve))
    return col.table


def _load_keyed(path: Path, list_key: str, field_name: str, allowed: set[Any],
                problems: list[str]) -> dict[str, Any]:
    """A list of ``{id, <field_name>, forms}`` whose field takes one of ``allowed``."""
    recs = yaml_records(path, list_key=list_key)
    _unique_ids(recs, problems)
    col = _Collector(list_key, problems)
    for rec in recs:
        value = rec.data.get(field_name, rec.data.get("id"))
        if value not in allowed:
            problems.append(f"{rec.where()}: {field_name} must be one of {sorted(map(str, allowed))}")
        col.add(rec, rec.data.get("forms"), value)
    return col.table


@dataclass(frozen=True)
class DateTables:
    """Every date word, normalised, with its meaning; and the grammar compiled from them."""

    months: dict[str, int]
    hijri_months: dict[str, int]
    weekdays: dict[str, int]
    relative: dict[str, RelativeDay]
    parts: dict[str, bool]
    ordinals: dict[str, int]
    modifiers: dict[str, int]
    positions: dict[str, str]
    units: dict[str, str]
    words: dict[str, frozenset[str]]
    rel_not_followed: frozenset[str]
    rel_not_preceded: frozenset[str]
    wd_not_preceded: frozenset[str]
    week_start: int
    pattern: Any = field(default=None, repr=False)  # the grammar (rasd.dates.grammar)
    branches: Any = field(default=None, repr=False)  # each branch alone, in grammar order
    starts: Any = field(default=None, repr=False)  # where the grammar is worth trying

    @classmethod
    def load(cls, directory: Path | None = None) -> "DateTables":
        """Read, validate and compile the tables (raises DataFileError listing every problem)."""
        from rasd.dates.grammar import Starts, compile_grammar

        d = directory or DATES_DIR
        problems: list[str] = []
        periods = d / "periods.yml"
        ordinals = _load_ordinals(d / "ordinals.yml", problems)
        week_start = yaml_mapping(periods).get("week_start")
        if not isinstance(week_start, int) or not 0 <= week_start <= 6:
            problems.append(f"{periods.name}:1:week_start: must be 0..6")
            week_start = 5
        tables = cls(
            months=_load_gregorian(d / "gregorian_months.yml", problems),
            hijri_months=_load_numbered(d / "hijri_months.yml", "month", 1, 12, problems),
            weekdays=_load_numbered(d / "weekdays.yml", "weekday", 0, 6, problems),
            relative=_load_relative(d / "relative_days.yml", problems),
            parts=_load_parts(d / "parts_of_day.yml", problems),
            ordinals=ordinals,
            modifiers=_load_keyed(periods, "modifiers", "direction", {-1, 0, 1}, problems),
            positions=_load_keyed(periods, "positions", "id", {"early", "middle", "late"}, problems),
            units=_load_keyed(periods, "units", "unit", {"week", "month", "year"}, problems),
            words={k: _word_set(periods, k, problems) for k in _WORD_LISTS},
            rel_not_followed=_plain_list(d / "relative_days.yml", "not_followed_by", problems)
            | frozenset(ordinals),
            rel_not_preceded=_plain_list(d / "relative_days.yml", "not_preceded_by", problems),
            wd_not_preceded=_plain_list(d / "weekdays.yml", "not_preceded_by", problems),
            week_start=week_start,
        )
        if problems:
            raise DataFileError(problems)
        pattern, branches = compile_grammar(tables)
        object.__setattr__(tables, "pattern", pattern)
        object.__setattr__(tables, "branches", branches)
        object.__setattr__(tables, "starts", Starts(tables))
        return tables

    def forms_of(self, unit: str) -> list[str]:
        """The normalised unit nouns of one unit (week, month, year)."""
        return [f for f, u in self.units.items() if u == unit]


def word_pattern(forms: Any) -> str:
    """A regex alternation of normalised forms, longest first (regex alternation is ordered)."""
    ordered = sorted(set(forms), key=lambda f: (-len(f), f))
    return "|".join(regex.escape(f).replace(r"\ ", r"\s+") for f in ordered)
