"""Phrase builders for :func:`rasd.actors.mentions.actor_mentions`.

Each builder looks at the item at index ``i`` and returns ``(items used,
mention or None)``, or None when it does not apply; :func:`build` tries them
in order of precedence.
"""
from __future__ import annotations

from collections.abc import Callable

from rasd.actors.walk import Walk, antecedent, same_force
from rasd.actors.model import ActorMention

Result = tuple[int, ActorMention | None]


def build(walk: Walk, i: int) -> Result:
    for builder in _BUILDERS:
        res = builder(walk, i)
        if res is not None:
            return res
    return 1, None


def _chain_end(walk: Walk, i: int, roles: tuple[str, ...], max_len: int = 4) -> int:
    """Index after the run of adjacent items (from i) that carry one of ``roles``."""
    j = i + 1
    while j < len(walk.items) and j - i < max_len and walk.adjacent(j - 1, j) \
            and walk.items[j].part(*roles):
        j += 1
    return j


def _absorb_nat(walk: Walk, j: int, country: str | None = None) -> int:
    """Extend over an adjacent nationality adjective ("حركة الشباب الصومالية") of
    ``country`` (any country when None)."""
    nat = walk.items[j].part("nat") if j < len(walk.items) else None
    if nat is not None and walk.adjacent(j - 1, j) and country in (None, nat.attr("country")):
        return j + 1
    return j


def named(walk: Walk, i: int) -> Result | None:
    """A group or force by name, possibly after lead/force nouns (مسلحي حركة الشباب)."""
    items = walk.items
    j = i
    if items[i].named() is None:
        # a construct noun has no article: "مسلحي الحوثي", not "الفصائل القاعدة"
        lead = _leads(walk, i) and not items[i].definite
        j = _chain_end(walk, i, ("lead", "part"), max_len=3) if lead else i
        if j >= len(items) or j == i or not walk.adjacent(j - 1, j):
            return None
        if items[j].named() is None:
            return _lead_anaphor(walk, i, j)
    m = items[j].named()
    assert m is not None
    entry = walk.entry_of(m)
    strong = m.strong or j > i
    if not strong and _next_is_nat(walk, j):
        return 1, None  # "القاعدة الأمريكية" is a base, not the group
    end = _absorb_nat(walk, j + 1, entry.country or "")
    return end - i, walk.mention(items[i].start, items[end - 1].end, entry, strong=strong,
                                 via="name")


def _lead_anaphor(walk: Walk, i: int, j: int) -> Result | None:
    """"مسلحي التنظيم" after IS was named → IS, over the whole phrase."""
    a = walk.items[j].part("anaphor")
    prev = antecedent(walk, a.attr("heads")) if a is not None else None
    if prev is None:
        return None
    entry = walk.actors.get(prev.actor_id or "")
    return j + 1 - i, walk.mention(walk.items[i].start, walk.items[j].end, entry, via="coref")


def _next_is_nat(walk: Walk, j: int) -> bool:
    return walk.adjacent(j, j + 1) and walk.items[j + 1].part("nat") is not None


def _leads(walk: Walk, i: int) -> bool:
    it = walk.items[i]
    head = it.part("part")
    return bool(it.part("lead") or (head and head.attr("head")) or
                (it.generic() and walk.entry_of(it.generic()).construct))  # type: ignore[arg-type]


def force(walk: Walk, i: int) -> Result | None:
    """A state-force phrase: force nouns, then a nationality or a default country."""
    items = walk.items
    head = items[i].part("part")
    if head is None or not head.attr("head"):
        return None
    j = _chain_end(walk, i, ("part",))
    chain = [items[k].part("part") for k in range(i, j)]
    service = next((p.attr("service") for p in reversed(chain) if p.attr("service")), "military")
    country, strong, end = _nationality(walk, i, j)
    if country is None:
        actor_id = next((p.attr("actor") for p in reversed(chain) if p.attr("actor")), None)
        if actor_id:
            return j - i, walk.mention(items[i].start, items[j - 1].end,
                                       walk.actors.get(actor_id), via="pattern")
        country = next((p.attr("country") for p in reversed(chain) if p.attr("country")), None)
        strong = country is not None
    end = _chain_end(walk, end - 1, ("part",)) if end > j else end  # trailing الحربية…
    if country is None:
        return end - i, _bare_force(walk, i, end, service, j - i)
    return end - i, _state(walk, items[i].start, items[end - 1].end, country, service, strong,
                           "pattern")


def _nationality(walk: Walk, i: int, j: int) -> tuple[str | None, bool, int]:
    """(country, strong, index after) of a nationality or country name after items[i:j]."""
    items = walk.items
    if not walk.adjacent(j - 1, j):
        return None, False, j
    nat = items[j].part("nat")
    if nat is not None and items[j].definite == items[j - 1].definite:
        return nat.attr("country"), True, j + 1
    place = items[j].part("country")
    if place is not None and not items[j - 1].definite:
        return place.attr("country"), True, j + 1
    return None, False, j


def _state(walk: Walk, start: int, end: int, country: str, service: str, strong: bool,
           via: str) -> ActorMention | None:
    entry = walk.actors.state_force(country, service)
    if entry is None:
        return None
    return walk.mention(start, end, entry, strong=strong, via=via, service=service)


def _bare_force(walk: Walk, i: int, end: int, service: str, length: int) -> ActorMention | None:
    """A force with no country in its phrase: the same force named earlier, or open."""
    items = walk.items
    if not any(items[k].part("part").attr("bare") for k in range(i, i + length)):
        return None  # "بالطائرات المسيرة" is a weapon, "قوة" an ordinary word
    start, stop = items[i].start, items[end - 1].end
    prev = same_force(walk, service)
    if prev is not None:
        return walk.mention(start, stop, walk.actors.get(prev.actor_id or ""), via="coref",
                            service=service)
    return ActorMention(start, stop, None, "", 1, None, "state", walk.doc.text[start:stop],
                        strong=False, via="pattern", service=service)


def role(walk: Walk, i: int) -> Result | None:
    """A person role or institution and whom it speaks for (وزير الدفاع العراقي)."""
    r = walk.items[i].part("role")
    if r is None:
        return None
    j = i + 1
    if not (walk.adjacent(i, j) or walk.adjacent(i, j, allow="في")):
        return (1, _open_role(walk, i, r.attr("service"), r.attr("person")))
    used, follower = _follower(walk, j)
    if follower is None:
        return 1, _open_role(walk, i, r.attr("service"), r.attr("person"))
    start, end = walk.items[i].start, follower.end
    kind = "person_role" if r.attr("person") else follower.kind
    service = r.attr("service")
    entry = None
    if service != "follow" and follower.kind == "state" and follower.country:
        entry = walk.actors.state_force(follower.country, service)
    if entry is None and follower.actor_id:
        entry = walk.actors.get(follower.actor_id)
    if entry is None:
        return 1 + used, None
    return 1 + used, walk.mention(start, end, entry, kind=kind, via="role")


def _follower(walk: Walk, j: int) -> Result:
    """The actor a role noun is followed by: a name, a force, a nationality, a country."""
    it = walk.items[j]
    for builder in (named, force):
        res = builder(walk, j)
        if res is not None and res[1] is not None:
            return res
    place = it.part("nat", "country", "metonym")
    if place is not None:
        return 1, _state(walk, it.start, it.end, place.attr("country"), "government", True, "role")
    return 0, None


def _open_role(walk: Walk, i: int, service: str, person: bool) -> ActorMention | None:
    if service == "follow" or not person:
        return None
    it = walk.items[i]
    return ActorMention(it.start, it.end, None, "", 1, None, "person_role",
                        walk.doc.text[it.start:it.end], strong=False, via="role", service=service)


def generic(walk: Walk, i: int) -> Result | None:
    """Unknown gunmen, civilians, protesters … (name keeps its {country} slot)."""
    it = walk.items[i]
    g = it.generic()
    if g is None:
        return None
    entry = walk.entry_of(g)
    end = _absorb_nat(walk, i + 1)
    start, stop = it.start, walk.items[end - 1].end
    return end - i, ActorMention(start, stop, entry.id, entry.name, entry.inter, None, entry.kind,
                                 walk.doc.text[start:stop], strong=g.strong, via="generic")


def anaphor(walk: Walk, i: int) -> Result | None:
    """"الحركة" after Hamas → Hamas; unresolved anaphors are not mentions."""
    it = walk.items[i]
    a = it.part("anaphor")
    if a is None:
        return None
    prev = antecedent(walk, a.attr("heads"))
    if prev is None:
        return None  # a generic reading ("الفصائل المسلحة") may still apply
    return 1, walk.mention(it.start, it.end, walk.actors.get(prev.actor_id or ""), via="coref")


def alone(walk: Walk, i: int) -> Result | None:
    """A nationality adjective or country name on its own: that state's forces, weak."""
    it = walk.items[i]
    p = it.part("nat", "country", "metonym")
    if p is None or (p.attr("role") == "nat" and not p.attr("bare")):
        return None
    via = "adjective" if p.attr("role") == "nat" else "country"
    return 1, _state(walk, it.start, it.end, p.attr("country"), "military", False, via)


_BUILDERS: tuple[Callable[[Walk, int], Result | None], ...] = (
    role, named, force, anaphor, generic, alone)
