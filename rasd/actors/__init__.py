"""Actors: the regional actor dictionary, actor mentions, ACLED-style naming.

    actors = ActorDictionary.load()
    matcher = Matcher(actors.lex_entries())
    doc = replace(doc, mentions=tuple(matcher.find(doc.norm)))
    for m in actor_mentions(doc, actors):
        actor = to_actor(m, event_country="IQ", date=doc.published)
"""
from __future__ import annotations

from rasd.actors.data import ActorDictionary
from rasd.actors.mentions import actor_mentions
from rasd.actors.model import ActorEntry, ActorMention, Role
from rasd.actors.resolve import holder_of_site, to_actor

__all__ = ["ActorDictionary", "ActorEntry", "ActorMention", "Role", "actor_mentions",
           "holder_of_site", "to_actor"]
