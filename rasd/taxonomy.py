"""ACLED event types, sub-types, inter codes and weapons (CODEBOOK §2–§4)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rasd.lexicon.load import DATA_DIR, yaml_mapping

# CODEBOOK §3 `weapons`: the closed list of weapon codes.
WEAPON_CODES = (
    "rocket", "missile", "ballistic_missile", "mortar", "artillery", "drone", "aircraft", "ied",
    "car_bomb", "suicide_vest", "grenade", "landmine", "firearm", "sniper", "bladed", "arson",
    "tear_gas", "explosive",
)


@dataclass(frozen=True)
class Taxonomy:
    event_types: dict[str, tuple[str, ...]]
    remote_hierarchy: tuple[str, ...]
    inter: dict[int, str]
    disorder_type: dict[str, str]
    non_lethal: frozenset[str] = frozenset()
    weapons: tuple[str, ...] = WEAPON_CODES

    @classmethod
    def load(cls, path: Path = DATA_DIR / "taxonomy.yml") -> "Taxonomy":
        d = yaml_mapping(path)
        return cls(
            event_types={k: tuple(v) for k, v in d["event_types"].items()},
            remote_hierarchy=tuple(d["remote_hierarchy"]),
            inter={int(k): v for k, v in d["inter"].items()},
            disorder_type=dict(d["disorder_type"]),
            non_lethal=frozenset(d.get("non_lethal", ())),
        )

    def event_type_of(self, sub_event_type: str) -> str:
        for etype, subs in self.event_types.items():
            if sub_event_type in subs:
                return etype
        raise KeyError(sub_event_type)

    def remote_rank(self, sub_event_type: str) -> int:
        """Higher is stronger in ACLED's hierarchy; -1 for non-remote sub-types."""
        h = self.remote_hierarchy
        return len(h) - h.index(sub_event_type) if sub_event_type in h else -1
