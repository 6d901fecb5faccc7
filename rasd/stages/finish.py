"""From an assembled candidate to the CODEBOOK event: names, defaults, notes, confidence."""
from __future__ import annotations

import datetime as dt

from rasd.actors import ActorMention, to_actor
from rasd.event import Actor, Event
from rasd.stages.assemble import ArticleContext, Candidate
from rasd.stages.notes import write_note

# Event types whose acting side, when the text names none, is an unknown armed group.
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
# Default crowds: who acts in a protest or riot when no group is named.
CROWDS = {"Protests": "Protesters", "Riots": "Rioters"}
INTER_OF_CROWD = {"Protesters": 6, "Rioters": 5}


def to_event(ctx: ArticleContext, c: Candidate) -> Event:
    country = (c.location.country if c.location else None) or ctx.country
    day = dt.date.fromisoformat(c.date) if c.date else None
    agent = c.roles.agent
    claimed = c.roles.claimed
    if (agent is None or agent.kind == "generic") and not c.background and ctx.claimer is not None \
            and c.event_type in VIOLENT_TYPES:
        agent, claimed = ctx.claimer, True
    target = c.roles.target
    if c.event_type == "Battles" and (target is None or target.kind == "civilian"):
        target = _armed_other_side(ctx, c, agent) or target
    actor1 = _actor(ctx, agent, country, day) or _default_actor1(ctx, c, country)
    actor2 = _actor(ctx, target, country, day)
    if actor2 is not None and actor1 is not None and actor2.name == actor1.name:
        actor2 = None
    if c.event_type == "Protests" and actor2 is not None and actor2.inter != 1:
        actor2 = None  # the other side of a protest is only ever the force that intervened
    event = Event(
        event_type=c.event_type,
        sub_event_type=c.sub,
        sub_event_type_alt=c.alt,
        date=c.date,
        date_precision=c.date_precision,
        actor1=actor1,
        actor2=actor2,
        claimed=claimed,
        location=c.location,
        fatalities=c.toll.fatalities,
        injuries=c.toll.injuries,
        weapons=tuple(sorted(c.weapons)),
        evidence=tuple(c.evidence),
        confidence=_confidence(c, actor1),
        background=c.background,
    )
    return _with_note(event)


def _with_note(event: Event) -> Event:
    from dataclasses import replace

    return replace(event, notes=write_note(event))


def _actor(ctx: ArticleContext, m: ActorMention | None, country: str | None,
           day: dt.date | None) -> Actor | None:
    return None if m is None else to_actor(m, country, day, ctx.res.actors)


def _armed_other_side(ctx: ArticleContext, c: Candidate, agent: ActorMention | None) -> ActorMention | None:
    """A battle is fought by two armed sides: the first armed actor of the evidence
    that is not actor1 (civilians were its victims, not the other side)."""
    for start, end in c.evidence:
        for a in ctx.actors_in(start, end):
            if a.kind in ("state", "group", "generic") and a.strong and (agent is None or a.name != agent.name):
                return a
    return None


def _default_actor1(ctx: ArticleContext, c: Candidate, country: str | None) -> Actor | None:
    name = ctx.res.actors.country_name(country) if country else None
    if c.event_type in CROWDS:
        crowd = CROWDS[c.event_type]
        return Actor(f"{crowd} ({name})" if name else crowd, None, INTER_OF_CROWD[crowd], country)
    if c.event_type in VIOLENT_TYPES:
        label = f"Unidentified Armed Group ({name})" if name else "Unidentified Armed Group"
        return Actor(label, None, 3, country)
    return None


def _confidence(c: Candidate, actor1: Actor | None) -> float:
    """A rough 0–1 score: how many of the fields came from explicit words."""
    score = 0.4
    score += 0.15 if c.roles.agent is not None else 0.0
    score += 0.15 if c.location is not None and (c.location.precision or 3) < 3 else 0.0
    score += 0.1 if c.date_precision == 1 else 0.0
    score += 0.1 if c.typed_by != "fallback" else 0.0
    score += 0.05 * min(len(c.evidence) - 1, 2)
    return min(score, 0.95) if actor1 is not None else min(score, 0.6)
