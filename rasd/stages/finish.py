"""From an assembled candidate to the CODEBOOK event: names, defaults, notes, confidence."""
from __future__ import annotations

import dataclasses
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
# Sub-types that states enter through their governments ("توصلت إسرائيل وحماس إلى اتفاق").
NEGOTIATED = frozenset({"Agreement"})
# Sub-types whose other side is the people a force detains or searches.
DETENTIONS = frozenset({"Arrests", "Other"})


def to_event(ctx: ArticleContext, c: Candidate) -> Event:
    country = (c.location.country if c.location else None) or ctx.country
    actor1, actor2, claimed = _sides(ctx, c, country)
    lethal = c.sub not in ctx.res.events.taxonomy.non_lethal
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
        fatalities=c.toll.fatalities if lethal else None,
        injuries=c.toll.injuries if lethal else None,
        weapons=tuple(sorted(c.weapons)),
        evidence=tuple(c.evidence),
        confidence=_confidence(c, actor1),
        background=c.background,
    )
    return _with_note(event)


def _sides(ctx: ArticleContext, c: Candidate, country: str | None) -> tuple[Actor | None, Actor | None, bool]:
    """actor1, actor2 and the claim flag, with the codebook's defaults per event type."""
    day = dt.date.fromisoformat(c.date) if c.date else None
    agent, target, claimed = c.roles.agent, c.roles.target, c.roles.claimed
    if (agent is None or agent.kind == "generic") and not c.background and ctx.claimer is not None \
            and c.event_type in VIOLENT_TYPES:
        agent, claimed = ctx.claimer, True
    if c.event_type == "Battles" and (target is None or target.kind == "civilian"):
        target = _armed_other_side(ctx, c, agent, ("state", "group", "generic")) or target
    if c.event_type in CROWDS:
        agent, target = _crowd_sides(ctx, c, agent, target)
    if c.sub in NEGOTIATED:
        agent, target = _as_government(ctx, agent), _as_government(ctx, target)
    actor1 = _as_rioters(_actor(ctx, agent, country, day), c.event_type) or _default_actor1(ctx, c, country)
    actor2 = _actor(ctx, target, country, day)
    if actor2 is not None and actor1 is not None and actor2.name == actor1.name:
        actor2 = None
    if c.sub in DETENTIONS and (actor2 is None or actor2.inter == 1):
        actor2 = _civilians(ctx, country)  # those a force arrests or raids are, unless named, civilians
    if c.event_type == "Protests" and actor2 is not None and actor2.inter != 1:
        actor2 = None  # the other side of a protest is only ever the force that intervened
    return actor1, actor2, claimed


def _with_note(event: Event) -> Event:
    from dataclasses import replace

    return replace(event, notes=write_note(event))


def _actor(ctx: ArticleContext, m: ActorMention | None, country: str | None,
           day: dt.date | None) -> Actor | None:
    return None if m is None else to_actor(m, country, day, ctx.res.actors)


def _as_government(ctx: ArticleContext, m: ActorMention | None) -> ActorMention | None:
    """A country named as a party to an agreement is its government, not its army."""
    if m is None or m.via != "country":
        return m
    entry = ctx.res.actors.state_force(m.country, "government")
    if entry is None:
        return m
    return dataclasses.replace(m, actor_id=entry.id, name=entry.name, service="government")


def _as_rioters(actor: Actor | None, event_type: str) -> Actor | None:
    """A crowd in a riot is coded as rioters (inter 5), whatever the text calls it."""
    if actor is None or event_type != "Riots" or actor.inter != INTER_OF_CROWD["Protesters"]:
        return actor
    return Actor(actor.name.replace("Protesters", "Rioters"), actor.text, INTER_OF_CROWD["Rioters"],
                 actor.country, actor.id)


def _armed_other_side(ctx: ArticleContext, c: Candidate, agent: ActorMention | None,
                      kinds: tuple[str, ...]) -> ActorMention | None:
    """The first actor of ``kinds`` in the evidence that is not actor1: a battle is
    fought by two armed sides, a riot or dispersed protest meets a force."""
    for start, end in c.evidence:
        for a in ctx.actors_in(start, end):
            named = a.strong or (kinds == ("state",) and a.via == "pattern")  # "قوى الأمن"
            if a.kind in kinds and named and (agent is None or a.name != agent.name):
                return a
    return None


def _crowd_sides(ctx: ArticleContext, c: Candidate, agent: ActorMention | None,
                 target: ActorMention | None) -> tuple[ActorMention | None, ActorMention | None]:
    """In protests and riots the crowd acts (CODEBOOK §4) and the other side, if
    any, is the force that met it."""
    if agent is not None and agent.kind == "state":
        agent, target = (target if target is not None and target.kind != "state" else None), agent
    if c.event_type == "Riots" or c.sub != "Peaceful protest":
        target = target if target is not None and target.kind == "state" else \
            _armed_other_side(ctx, c, agent, ("state",))
    return agent, target


def _civilians(ctx: ArticleContext, country: str | None) -> Actor:
    name = ctx.res.actors.country_name(country) if country else None
    return Actor(f"Civilians ({name})" if name else "Civilians", None, 7, country)


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
