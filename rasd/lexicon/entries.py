"""The event lexicon: triggers, weapons, cues and casualty words, from rasd/data."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from rasd.errors import DataFileError
from rasd.lexicon.load import DATA_DIR, Record, yaml_mapping, yaml_records
from rasd.lexicon.matcher import LexEntry
from rasd.taxonomy import Taxonomy
from rasd.text.normalize import normalize_form

CUE_CLASSES = frozenset({
    "negation", "denial", "future", "threat", "conditional", "call", "generic", "background", "claim",
    "accusation", "unclaimed", "no_casualty", "passive", "statement", "neutral", "clause_break", "agent_marker",
    "target_marker", "since", "archive", "pair_marker", "site_noun", "foiled", "new_topic",
    "self_report", "impersonal", "source", "ceasefire",
})
NEEDS = frozenset({"weapon", "casualty", "actor", "target"})


@dataclass(frozen=True, slots=True)
class Trigger:
    id: str
    event_type: str
    sub: str  # a sub-type, or "by_weapon"
    fallback: str | None
    rank: int
    needs: frozenset[str]
    strong: bool


@dataclass(frozen=True, slots=True)
class Weapon:
    id: str
    sub: str | None


@dataclass(frozen=True)
class EventLexicon:
    taxonomy: Taxonomy
    triggers: dict[str, Trigger]
    weapons: dict[str, Weapon]
    entries: tuple[LexEntry, ...]
    dual_casualty: frozenset[str]  # forms meaning two people (normalised)
    one_casualty: frozenset[str]  # forms meaning one person (normalised)
    single_person: frozenset[str] = frozenset()  # "مدني", "شخص": one, right after a casualty word

    @classmethod
    def load(cls, data_dir: Path = DATA_DIR) -> "EventLexicon":
        taxonomy = Taxonomy.load(data_dir / "taxonomy.yml")
        problems: list[str] = []
        trigger_records = yaml_records(data_dir / "triggers.yml")
        triggers = _triggers(trigger_records, taxonomy, problems)
        weapons = _weapons(yaml_records(data_dir / "weapons.yml"), taxonomy, problems)
        cues = yaml_records(data_dir / "cues.yml")
        casualties = yaml_records(data_dir / "casualties.yml")
        for rec in cues:
            if rec.data.get("id") not in CUE_CLASSES:
                problems.append(f"{rec.where()}: unknown cue class")
        if problems:
            raise DataFileError(problems)
        entries = [*_trigger_entries(trigger_records, triggers),
                   *_forms(yaml_records(data_dir / "weapons.yml"), "weapon"),
                   *_forms(cues, "cue"), *_forms(casualties, "casualty")]
        def collect(key: str) -> frozenset[str]:
            return frozenset(normalize_form(f) for r in casualties for f in r.data.get(key) or ())

        persons = yaml_mapping(data_dir / "casualties.yml").get("single_persons") or ()
        return cls(taxonomy, triggers, weapons, tuple(entries), collect("dual"), collect("one"),
                   frozenset(normalize_form(f) for f in persons))


def _triggers(records: list[Record], tax: Taxonomy, problems: list[str]) -> dict[str, Trigger]:
    out: dict[str, Trigger] = {}
    for rec in records:
        d = rec.data
        needs = d.get("needs") or []
        needs = frozenset([needs] if isinstance(needs, str) else needs)
        sub = d.get("sub")
        if d.get("id") in out:
            problems.append(f"{rec.where()}: duplicate id")
        if d.get("type") not in tax.event_types:
            problems.append(f"{rec.where()}: unknown event type {d.get('type')!r}")
        elif sub != "by_weapon" and sub not in tax.event_types[d["type"]]:
            problems.append(f"{rec.where()}: {sub!r} is not a sub-type of {d['type']}")
        if not needs <= NEEDS:
            problems.append(f"{rec.where()}: unknown needs {sorted(needs - NEEDS)}")
        if not (d.get("verbs") or d.get("nouns")):
            problems.append(f"{rec.where()}: no forms")
        out[d.get("id")] = Trigger(d.get("id"), d.get("type"), sub, d.get("fallback"),
                                   int(d.get("rank", 1)), needs, bool(d.get("strong", True)))
    return out


def _weapons(records: list[Record], tax: Taxonomy, problems: list[str]) -> dict[str, Weapon]:
    out: dict[str, Weapon] = {}
    remote = tax.event_types["Explosions/Remote violence"]
    for rec in records:
        d = rec.data
        if d.get("sub") is not None and d["sub"] not in remote:
            problems.append(f"{rec.where()}: {d['sub']!r} is not a remote-violence sub-type")
        if d.get("id") not in tax.weapons:
            problems.append(f"{rec.where()}: weapon code not in the codebook list")
        out[d.get("id")] = Weapon(d.get("id"), d.get("sub"))
    return out


def _trigger_entries(records: list[Record], triggers: dict[str, Trigger]) -> Iterator[LexEntry]:
    for rec in records:
        t = triggers[rec.data["id"]]
        for pos in ("verbs", "nouns"):
            for form in rec.data.get(pos) or ():
                yield LexEntry("trigger", t.id, form, strong=t.strong, attrs=(("pos", pos[:-1]),))


def _forms(records: list[Record], kind: str) -> Iterator[LexEntry]:
    for rec in records:
        for form in rec.data.get("forms") or ():
            yield LexEntry(kind, rec.data["id"], form, strong=True)
        for form in rec.data.get("weak") or ():
            yield LexEntry(kind, rec.data["id"], form, strong=False)
