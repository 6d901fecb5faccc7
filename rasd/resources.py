"""Everything the pipeline reads from rasd/data, loaded once and injected."""
from __future__ import annotations

import functools
from dataclasses import dataclass

from rasd.actors import ActorDictionary
from rasd.geo.gazetteer import Gazetteer
from rasd.lexicon.entries import EventLexicon
from rasd.lexicon.matcher import Matcher
from rasd.stages.dates import DateTables
from rasd.text.numbers import NumberTables


@dataclass(frozen=True)
class Resources:
    events: EventLexicon
    actors: ActorDictionary
    gazetteer: Gazetteer
    dates: DateTables
    numbers: NumberTables
    matcher: Matcher  # one automaton over every lexicon: one pass per article


@functools.cache
def load_resources() -> Resources:
    """Load and validate every data file (cached: once per process)."""
    events = EventLexicon.load()
    actors = ActorDictionary.load()
    gazetteer = Gazetteer.load()
    matcher = Matcher([*events.entries, *actors.lex_entries(), *gazetteer.lex_entries()])
    return Resources(events, actors, gazetteer, DateTables.load(), NumberTables.load(), matcher)
