"""One pass over a document's actor-lexicon mentions: items and look-back helpers."""
from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass

from rasd.actors.data import ActorDictionary
from rasd.actors.model import GENERIC_KINDS, ActorEntry, ActorMention
from rasd.doc import Document, Mention

MY_KINDS = frozenset({"actor", "actor_generic", "actor_part"})
_GAP_CHARS = frozenset(" \n\"'")


@dataclass(frozen=True, slots=True)
class Item:
    """All lexicon mentions sharing one span; ``start`` includes an article."""

    start: int
    end: int
    prefix: str
    ms: tuple[Mention, ...]

    @property
    def definite(self) -> bool:
        return self.prefix.endswith("ال") or self.prefix.endswith("لل")

    @property
    def clean(self) -> bool:
        """No conjunction or preposition before it: it can continue a phrase."""
        return self.prefix in ("", "ال")

    def part(self, *roles: str) -> Mention | None:
        return next((m for m in self.ms if m.kind == "actor_part" and m.attr("role") in roles), None)

    def named(self) -> Mention | None:
        named = [m for m in self.ms if m.kind == "actor"]
        return next((m for m in named if m.strong), named[0] if named else None)

    def generic(self) -> Mention | None:
        return next((m for m in self.ms if m.kind == "actor_generic"), None)


class Walk:
    """State of one pass over a document's items."""

    def __init__(self, doc: Document, actors: ActorDictionary):
        self.doc = doc
        self.actors = actors
        self.items = _items(doc)
        self.out: list[ActorMention] = []
        self.day: dt.date | None = doc.published

    def adjacent(self, i: int, j: int, allow: str = "") -> bool:
        """Items i and j are neighbours in one phrase (only spaces/quotes between)."""
        if j >= len(self.items) or not self.items[j].clean:
            return False
        gap = self.doc.text[self.items[i].end:self.items[j].start]
        if allow and gap.strip() == allow:
            return True
        return all(c in _GAP_CHARS for c in gap)

    def mention(self, start: int, end: int, entry: ActorEntry, **kw: object) -> ActorMention:
        name, inter, kind = entry.at(self.day)
        fields: dict[str, object] = dict(
            actor_id=entry.id, name=name, inter=inter, country=entry.country, kind=kind,
            text=self.doc.text[start:end], service=entry.service)
        fields.update(kw)
        return ActorMention(start, end, **fields)  # type: ignore[arg-type]

    def entry_of(self, m: Mention) -> ActorEntry:
        return self.actors.get(m.entry_id)


def _items(doc: Document) -> list[Item]:
    by_span: dict[tuple[int, int], list[Mention]] = {}
    for m in doc.mentions:
        if m.kind in MY_KINDS:
            by_span.setdefault((m.start, m.end), []).append(m)
    items: list[Item] = []
    for (start, end), ms in sorted(by_span.items()):
        prefix = ms[0].prefix
        if prefix.endswith("ال"):
            nstart = doc.norm.to_normalized(start)
            start = doc.norm.to_original(max(0, nstart - 2))
        end = _past_marks(doc.text, end)
        if items and start < items[-1].end:
            continue  # another lexicon's overlap; keep the first
        items.append(Item(start, end, prefix, tuple(ms)))
    return items


def _past_marks(text: str, end: int) -> int:
    """Extend ``end`` over trailing harakat and tatweel ("القُوّاتُ" keeps its damma)."""
    while end < len(text) and (unicodedata.category(text[end]) == "Mn" or text[end] == "\u0640"):
        end += 1
    return end


def antecedent(walk: Walk, heads: tuple[str, ...]) -> ActorMention | None:
    """The last named group or force whose name starts with one of ``heads``."""
    for prev in reversed(walk.out):
        if prev.actor_id is None or prev.kind in GENERIC_KINDS or prev.kind == "person_role":
            continue
        if set(walk.actors.get(prev.actor_id).heads) & set(heads):
            return prev
    return None


def same_force(walk: Walk, service: str) -> ActorMention | None:
    """The last explicitly named state force of the same service (for a bare "الجيش")."""
    for prev in reversed(walk.out):
        if prev.kind == "state" and prev.country and prev.strong and prev.via != "coref" \
                and (prev.service == service or service == "military" and prev.service is None):
            return prev
    return None
