"""The Document: the original text plus layers of spans added by stages.

Every layer is a tuple of frozen records whose ``start``/``end`` are offsets
into ``Document.text``, which is always the text exactly as received.
Stages return new layers; :mod:`rasd.pipeline` builds the next Document with
:func:`dataclasses.replace`.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from rasd.text.normalize import Normalized, normalize


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    kind: str = "body"  # body | dateline | caption | heading | bullet


class Token(NamedTuple):
    """A word. ``norm`` is the normalised text of ``text[start:end]``;
    ``prefix`` is the clitic prefix a lexicon lookup may strip (e.g. "وبال"),
    so ``stem`` is the word without it. A NamedTuple: an article has hundreds
    of tokens and tuples are the cheapest immutable records to make."""

    start: int
    end: int
    norm: str
    prefix: str = ""

    @property
    def stem(self) -> str:
        return self.norm[len(self.prefix):]


class Mention(NamedTuple):
    """A lexicon match. ``kind`` names the lexicon (trigger, weapon, actor,
    place, cue, ...); ``entry_id`` the entry; ``strong`` says whether the
    matched form is unambiguous on its own. A NamedTuple, like Token."""

    start: int
    end: int
    kind: str
    entry_id: str
    form: str
    strong: bool = True
    prefix: str = ""
    attrs: tuple[tuple[str, Any], ...] = ()

    def attr(self, key: str, default: Any = None) -> Any:
        for k, v in self.attrs:
            if k == key:
                return v
        return default


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression resolved against the publication date.
    ``date`` is None when it cannot be resolved; ``future`` marks
    expressions pointing after publication (غداً، الأسبوع المقبل)."""

    start: int
    end: int
    date: dt.date | None
    precision: int | None
    kind: str = "absolute"  # absolute | relative | weekday | hijri | numeric | month
    future: bool = False


@dataclass(frozen=True, slots=True)
class CountMention:
    """A number in the text. ``vague`` is True for عدد من/عشرات/مئات."""

    start: int
    end: int
    value: int
    vague: bool = False


@dataclass(frozen=True, slots=True)
class Document:
    text: str
    published: dt.date | None = None
    url: str | None = None
    id: str | None = None
    norm: Normalized = field(default=None, repr=False)  # type: ignore[assignment]
    sentences: tuple[Sentence, ...] = ()
    tokens: tuple[Token, ...] = ()
    mentions: tuple[Mention, ...] = ()
    dates: tuple[DateMention, ...] = ()
    counts: tuple[CountMention, ...] = ()

    @classmethod
    def from_text(cls, text: str, published: dt.date | None = None,
                  url: str | None = None, id: str | None = None) -> "Document":
        return cls(text=text, published=published, url=url, id=id, norm=normalize(text))

    def slice(self, start: int, end: int) -> str:
        return self.text[start:end]

    def sentence_at(self, offset: int) -> Sentence | None:
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None
