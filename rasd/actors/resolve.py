"""Turning actor mentions into event actors, and finding who a site hosts."""
from __future__ import annotations

import datetime as dt

from rasd.actors.data import ActorDictionary
from rasd.actors.model import GENERIC_KINDS, ActorMention
from rasd.doc import Document, Span
from rasd.event import Actor
from rasd.text.normalize import normalize_form

# Kinds whose forces count as foreign (inter 8) outside their home country.
_STATE_KINDS = frozenset({"state", "person_role"})
_UNKNOWN_PLACE = "International"  # ACLED's bracket when no country applies (at sea)


def to_actor(m: ActorMention, event_country: str | None, date: dt.date | None,
             actors: ActorDictionary | None = None) -> Actor:
    """The event actor for mention ``m`` of an event in ``event_country`` on ``date``.

    Canonical name by date (time-bounded roles), generics named after the
    event's country, a state's forces abroad coded inter 8.
    """
    d = actors or ActorDictionary.default()
    if m.kind in GENERIC_KINDS:
        if "{country}" not in m.name:  # "Civilians (International)": nobody's in particular
            return Actor(name=m.name, text=m.text, inter=m.inter, country=None, id=m.actor_id)
        place = d.country_name(event_country) or _UNKNOWN_PLACE
        return Actor(name=m.name.format(country=place), text=m.text, inter=m.inter,
                     country=event_country, id=m.actor_id)
    entry = d.get(m.actor_id) if m.actor_id else d.state_force(event_country, m.service or "military")
    if entry is None:
        return Actor(name=f"{(m.service or 'military').title()} Forces", text=m.text, inter=1,
                     country=None, id=None)
    name, inter, kind = entry.at(date)
    if kind in _STATE_KINDS or m.kind == "person_role":
        kind = "state"
    if kind == "state" and entry.country and event_country and entry.country != event_country:
        inter = 8
    return Actor(name=name, text=m.text, inter=inter, country=entry.country, id=entry.id)


def holder_of_site(doc: Document, site_span: Span | tuple[int, int],
                   mentions: tuple[ActorMention, ...],
                   actors: ActorDictionary | None = None) -> ActorMention | None:
    """The force a base or facility hosts, if the sentence says so.

    "القاعدة الأمريكية" (a nationality right after the site), or a host cue
    after the site ("… التي تستضيف قوات أميركية"), within the site's sentence.
    """
    start, end = (site_span.start, site_span.end) if isinstance(site_span, Span) else site_span
    sent = doc.sentence_at(start)
    stop = sent.end if sent else min(len(doc.text), end + 200)
    after = [m for m in mentions if end <= m.start < stop and m.kind == "state"]
    if not after:
        return None
    first = after[0]
    if doc.text[end:first.start].strip(" \n\"'«»“”") == "":
        return first  # the site's own adjective (quotes around the name do not count)
    cues = (actors or ActorDictionary.default()).parts.host_cues
    norm = doc.norm
    gap = norm.text[norm.to_normalized(end):norm.to_normalized(first.start)]
    if any(normalize_form(c) in gap for c in cues) and len(gap) <= 80:
        return first
    return None
