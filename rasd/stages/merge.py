"""Merging retellings of one event inside an article (CODEBOOK §1).

The lead, the body and a photo caption often tell the same attack: one event
per (type, place, day, actors). A vague retelling ("the factions shelled US
forces in Iraq") folds into the precise one it summarises: same event type,
same country (and admin1 when it names one), dates within a day.
"""
from __future__ import annotations

from rasd.event import Location
from rasd.geo.distance import haversine_km
from rasd.stages.assemble import Candidate
from rasd.stages.casualties import Toll
from rasd.taxonomy import Taxonomy

# Two precise places closer than this are one place (a base inside an airport);
# a camp on a city's edge is another place.
SAME_PLACE_KM = 2.5
# Tellings of one place and day fold into one event inside a family of types.
FAMILY = {"Battles": "fight", "Explosions/Remote violence": "fight", "Violence against civilians": "fight",
          "Other": "fight", "Looting/property destruction": "fight",
          "Riots": "crowd", "Protests": "crowd"}
PRECEDENCE = {"Battles": 3, "Explosions/Remote violence": 2, "Violence against civilians": 1,
              "Other": 0, "Looting/property destruction": 0, "Riots": 2, "Protests": 1}


def merge_candidates(cands: list[Candidate], tax: Taxonomy) -> list[Candidate]:
    """Fold candidates that tell the same event; order of first telling is kept.

    Retellings with a definite noun ("الهجوم", "القصف") refer back to an event
    already told: they add evidence and tolls to it and never stand alone,
    unless the article tells no event otherwise.
    """
    primary = [c for c in cands if not c.anaphoric] or cands
    out: list[Candidate] = []
    for cand in sorted(primary, key=_specificity):
        host = next((o for o in out if _same_event(o, cand)), None)
        if host is None:
            out.append(cand)
        else:
            _absorb(host, cand, tax)
    out.sort(key=lambda c: c.evidence[0][0])
    if primary is not cands:
        for anaphor in (c for c in cands if c.anaphoric):
            host = next((o for o in out if _same_event(o, anaphor)), None) or _antecedent(out, anaphor)
            if host is not None:
                _absorb(host, anaphor, tax)
    return out


def _antecedent(events: list[Candidate], anaphor: Candidate) -> Candidate | None:
    """The last event told before the anaphor that it can refer to (else the first after)."""
    fits = [e for e in events if _same_type(e, anaphor) and _dates_close(e, anaphor)]
    before = [e for e in fits if e.evidence[0][0] <= anaphor.evidence[0][0]]
    return before[-1] if before else (fits[0] if fits else None)


def _specificity(c: Candidate) -> tuple[int, int, int]:
    """Precise places first, then regions before whole countries, so vague
    retellings find their host."""
    precision = c.location.precision if c.location and c.location.precision else 4
    whole_country = c.location is None or c.location.admin1 is None
    return precision, int(whole_country), c.evidence[0][0]


def _same_event(a: Candidate, b: Candidate) -> bool:
    if a.topic != b.topic:
        return False
    if a.background != b.background and (a.date != b.date):
        return False
    if not _same_type(a, b) or not _dates_close(a, b) or not _actors_compatible(a, b):
        return False
    return _same_place(a.location, b.location) or _contains(a.location, b.location)


def _same_type(a: Candidate, b: Candidate) -> bool:
    if a.event_type == b.event_type:
        return True
    # an attack typed only by fallback may be the same event as a typed one, and
    # one fight at one place on one day is told as a raid, a shelling and a battle
    if "fallback" in (a.typed_by, b.typed_by):
        return True
    fa, fb = _family(a), _family(b)
    return fa is not None and fa == fb


def _family(c: Candidate) -> str | None:
    return FAMILY.get(c.event_type, FAMILY.get(c.sub))


def _precedence(c: Candidate) -> int:
    """Which telling types a merged event (ACLED: an air strike inside a battle is
    a battle; a protest that turned violent is a riot); -1 for events that never
    fold into another type."""
    return PRECEDENCE.get(c.event_type, PRECEDENCE.get(c.sub, -1))


def _dates_close(a: Candidate, b: Candidate) -> bool:
    if a.date is None or b.date is None:
        return True
    from datetime import date

    return abs((date.fromisoformat(a.date) - date.fromisoformat(b.date)).days) <= 1


def _actors_compatible(a: Candidate, b: Candidate) -> bool:
    """Inside one article two tellings of one place and day are one event unless
    they name two different armed groups as the attacker."""
    x, y = a.roles.agent, b.roles.agent
    if x is None or y is None or x.kind != "group" or y.kind != "group":
        return True
    return x.name == y.name


def _same_place(x: Location | None, y: Location | None) -> bool:
    if x is None or y is None:
        return False  # two unplaced tellings may be two events: keep them apart
    if x.country != y.country:
        return False
    if x.name and x.name == y.name:
        return True
    if None in (x.lat, x.lon, y.lat, y.lon) or (x.precision or 3) >= 3 or (y.precision or 3) >= 3:
        return False
    return haversine_km(x.lat, x.lon, y.lat, y.lon) <= SAME_PLACE_KM


def _contains(host: Location | None, part: Location | None) -> bool:
    """``part`` is a vague place (country or admin1) that ``host`` lies in."""
    if host is None or (part.precision or 3) < 3 or host.country != part.country:
        return False
    return part.admin1 is None or part.admin1 == host.admin1 or part.name == part.country


def _absorb(host: Candidate, other: Candidate, tax: Taxonomy) -> None:
    if host.event_type != other.event_type and _precedence(other) > _precedence(host) >= 0 \
            and other.typed_by != "fallback":
        host.event_type, host.sub, host.alt, host.typed_by = (
            other.event_type, other.sub, other.alt, other.typed_by)
    elif host.typed_by == "fallback" and other.typed_by != "fallback":
        host.event_type, host.sub, host.alt, host.typed_by = (
            other.event_type, other.sub, other.alt, other.typed_by)
    elif host.event_type == other.event_type and tax.remote_rank(other.sub) > tax.remote_rank(host.sub):
        host.alt = tuple(dict.fromkeys((host.sub, *host.alt, *other.alt)))
        host.sub = other.sub
    host.weapons |= other.weapons
    host.evidence = sorted(set(host.evidence) | set(other.evidence))
    host.toll = _merge_toll(host.toll, other.toll)
    host.roles = _merge_roles(host, other)
    if host.date is None or (other.date_precision or 9) < (host.date_precision or 9):
        if other.date is not None:
            host.date, host.date_precision = other.date, other.date_precision
    host.background = host.background and other.background


def _merge_toll(a: Toll, b: Toll) -> Toll:
    def pick(x: int | None, y: int | None) -> int | None:
        if x is None or y is None:
            return x if y is None else y
        return max(x, y)
    return Toll(pick(a.fatalities, b.fatalities), pick(a.injuries, b.injuries), a.vague and b.vague)


def _merge_roles(host: Candidate, other: Candidate):
    from rasd.stages.roles import Roles

    a, b = host.roles, other.roles
    agent = max((a.agent, b.agent), key=_actor_weight)  # host first on ties
    for roles in (a, b):  # a group that claimed the attack is its author
        if roles.claimed and roles.agent is not None:
            agent = roles.agent
            break
    target = max((a.target, b.target), key=_actor_weight)
    if target is not None and agent is not None and target.name == agent.name:
        target = a.target if a.target is not None and a.target.name != agent.name else None
    return Roles(agent, target, a.claimed or b.claimed)


def _actor_weight(m) -> int:
    """How well a telling names a side: a named group or force beats a bare
    adjective or country name, which beats an unknown-gunmen description."""
    if m is None:
        return -1
    if m.kind == "generic":
        return 0
    return 2 if m.strong else 1
