"""Records of the actor dictionary and of actor mentions in a document."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# Kinds an actor entry may have in the data; mentions add civilian, protester,
# rioter (generic entries of those kinds) and person_role.
ENTRY_KINDS = frozenset({"state", "group", "generic", "civilian", "protester", "rioter",
                         "person_role"})
GENERIC_KINDS = frozenset({"generic", "civilian", "protester", "rioter"})
SERVICES = frozenset({"military", "police", "security", "government"})


@dataclass(frozen=True, slots=True)
class Role:
    """What an actor was between two dates (either may be open).

    RSF were a state force until 2023-04-14; HTS became Syria's state forces
    on 2024-12-08. Fields left None keep the entry's own value.
    """

    since: dt.date | None = None
    until: dt.date | None = None
    name: str | None = None
    inter: int | None = None
    kind: str | None = None

    def applies(self, day: dt.date) -> bool:
        return (self.since is None or self.since <= day) and (self.until is None or day <= self.until)


@dataclass(frozen=True, slots=True)
class ActorEntry:
    id: str
    name: str
    inter: int
    country: str | None
    kind: str
    ar: tuple[str, ...]
    ar_weak: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    roles: tuple[Role, ...] = ()
    service: str | None = None  # military|police|government: the force of `country` it is
    heads: tuple[str, ...] = ()  # normalised head nouns anaphors may use for it
    construct: bool = False  # generic noun that joins a following group name (مسلحي …)

    def at(self, day: dt.date | None) -> tuple[str, int, str]:
        """(name, inter, kind) on ``day``; the entry's own values when no role applies."""
        if day is not None:
            for role in self.roles:
                if role.applies(day):
                    return (role.name or self.name, role.inter or self.inter, role.kind or self.kind)
        return self.name, self.inter, self.kind


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named in a document, merged over its whole phrase.

    ``kind``: state | group | generic | civilian | protester | rioter | person_role.
    ``actor_id`` is None for a force whose country the text leaves open
    ("الجيش" with no earlier army named): :func:`to_actor` takes the event's.
    ``strong`` is False for forms that are ambiguous alone (a country name, a
    bare nationality adjective, a bare force noun). ``via`` says how it was
    found: name | pattern | adjective | country | coref | role | generic.
    Person roles (kind person_role) name their institution but are not fighters.
    """

    start: int
    end: int
    actor_id: str | None
    name: str
    inter: int | None
    country: str | None
    kind: str
    text: str = ""
    strong: bool = True
    via: str = "name"
    service: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {"id": self.actor_id, "name": self.name, "inter": self.inter,
                "country": self.country, "kind": self.kind, "text": self.text,
                "start": self.start, "end": self.end, "strong": self.strong, "via": self.via}
