"""Events as CODEBOOK §3 defines them, and their JSON form."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    text: str | None = None
    inter: int | None = None
    country: str | None = None
    id: str | None = None  # actor-dictionary id; not part of the codebook output

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "text": self.text, "inter": self.inter, "country": self.country}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> "Actor | None":
        if not d:
            return None
        return cls(name=d.get("name") or "", text=d.get("text"), inter=d.get("inter"),
                   country=d.get("country"))


@dataclass(frozen=True, slots=True)
class Location:
    name: str | None
    text: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> "Location | None":
        if not d:
            return None
        keys = ("name", "text", "admin1", "admin2", "country", "lat", "lon", "precision")
        return cls(**{k: d.get(k) for k in keys})


@dataclass(frozen=True, slots=True)
class Event:
    event_type: str
    sub_event_type: str
    date: str | None = None
    date_precision: int | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc_actors: tuple[Actor, ...] = ()
    claimed: bool = False
    location: Location | None = None
    fatalities: int | None = None
    injuries: int | None = None
    weapons: tuple[str, ...] = ()
    evidence: tuple[tuple[int, int], ...] = ()
    confidence: float = 0.5
    background: bool = False
    notes: str = ""
    sub_event_type_alt: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "sub_event_type_alt": list(self.sub_event_type_alt),
            "date": self.date,
            "date_precision": self.date_precision,
            "actor1": self.actor1.to_dict() if self.actor1 else None,
            "actor2": self.actor2.to_dict() if self.actor2 else None,
            "assoc_actors": [a.to_dict() for a in self.assoc_actors],
            "claimed": self.claimed,
            "location": self.location.to_dict() if self.location else None,
            "fatalities": self.fatalities,
            "injuries": self.injuries,
            "weapons": list(self.weapons),
            "evidence": [{"start": s, "end": e} for s, e in self.evidence],
            "confidence": round(self.confidence, 3),
            "background": self.background,
            "notes": self.notes,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Event":
        return cls(
            event_type=d["event_type"],
            sub_event_type=d["sub_event_type"],
            sub_event_type_alt=tuple(d.get("sub_event_type_alt") or ()),
            date=d.get("date"),
            date_precision=d.get("date_precision"),
            actor1=Actor.from_dict(d.get("actor1")),
            actor2=Actor.from_dict(d.get("actor2")),
            assoc_actors=tuple(a for a in map(Actor.from_dict, d.get("assoc_actors") or ()) if a),
            claimed=bool(d.get("claimed")),
            location=Location.from_dict(d.get("location")),
            fatalities=d.get("fatalities"),
            injuries=d.get("injuries"),
            weapons=tuple(d.get("weapons") or ()),
            evidence=tuple((int(x["start"]), int(x["end"])) for x in d.get("evidence") or ()
                           if isinstance(x, dict)),
            confidence=float(d.get("confidence") or 0.0),
            background=bool(d.get("background")),
            notes=d.get("notes") or "",
        )
