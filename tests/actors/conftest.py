"""Fixtures for the actor tests: the packaged dictionary and a matcher over it."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from rasd.actors import ActorDictionary, ActorMention, actor_mentions
from rasd.doc import Document
from rasd.lexicon.matcher import Matcher


@pytest.fixture(scope="session")
def actors() -> ActorDictionary:
    return ActorDictionary.load()


@pytest.fixture(scope="session")
def annotate(actors: ActorDictionary):
    matcher = Matcher(actors.lex_entries())

    def run(text: str, day: dt.date | None = None) -> tuple[Document, tuple[ActorMention, ...]]:
        doc = Document.from_text(text, published=day)
        doc = dataclasses.replace(doc, mentions=tuple(matcher.find(doc.norm)))
        return doc, actor_mentions(doc, actors)

    return run
