"""Keeping ``events`` equal to the clustering of ``event_sources``.

Whenever reports are added, removed or split, the *component* around them —
every report reachable through the merge rule (:func:`rasd.dedup.compatible`)
— is re-clustered from scratch and its events rewritten. The clustering of a
component depends only on its set of reports, so the database ends the same
whatever order articles came in and wherever an ingest was interrupted.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from rasd.dedup import Member, cluster, compatible, event_id_for, merge_event
from rasd.lexicon.load import DATA_DIR, tsv_records
from rasd.store.core import SQLStore, event_to_row

NewMember = tuple[Member, list[dict[str, Any]]]  # a report not yet stored, with its evidence


@lru_cache(maxsize=1)
def iso3_by_iso2() -> dict[str, str]:
    return {r.data["iso2"]: r.data["iso3"] for r in tsv_records(DATA_DIR / "countries.tsv")}


def _candidates(store: SQLStore, m: Member) -> list[Member]:
    """Stored reports that could merge with ``m``: same type, date within a day."""
    ev = m.event
    if ev.date is None:  # undated reports only merge with undated ones
        found = store.members_where("s.event_type = ? AND s.event_date IS NULL", (ev.event_type,))
    else:
        d = dt.date.fromisoformat(ev.date)
        lo, hi = (d - dt.timedelta(days=1)).isoformat(), (d + dt.timedelta(days=1)).isoformat()
        found = store.members_where("s.event_type = ? AND s.event_date BETWEEN ? AND ?",
                                    (ev.event_type, lo, hi))
    return [c for c in found if compatible(m, c)]


def component(store: SQLStore, seeds: Iterable[Member]) -> dict[str, Member]:
    """Every report connected to ``seeds`` through the merge rule (seeds included)."""
    comp = {m.id: m for m in seeds}
    frontier = list(comp.values())
    while frontier:
        m = frontier.pop()
        for c in _candidates(store, m):
            if c.id not in comp:
                comp[c.id] = c
                frontier.append(c)
    return comp


def _old_events(store: SQLStore, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Current event of each stored report: {report id: {event_id, event_id_cnty}}."""
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    rows = store.q("SELECT s.id AS sid, e.id AS eid, e.event_id_cnty FROM event_sources s "
                   f"JOIN events e ON e.id = s.event_id WHERE s.id IN ({marks})", list(ids))
    return {r["sid"]: r for r in rows}


def recluster(store: SQLStore, seeds: Sequence[Member], new: Sequence[NewMember] = (),
              dropped_events: Iterable[str] = ()) -> None:
    """Re-cluster the component of ``seeds`` and the ``new`` reports, and rewrite
    its events. ``dropped_events`` are events whose reports were deleted; they go
    unless a report still points at them. Call inside a transaction."""
    new_ids = {m.id for m, _ in new}
    comp = component(store, list(seeds) + [m for m, _ in new])
    comp.update({m.id: m for m, _ in new})
    stored_ids = sorted(i for i in comp if i not in new_ids)
    old = _old_events(store, stored_ids)
    clusters = cluster(comp.values(), store.splits(sorted(comp)))
    old_ids = {r["eid"] for r in old.values()} | set(dropped_events)
    kept_cnty = {r["eid"]: r["event_id_cnty"] for r in old.values()}
    new_event_ids = {event_id_for(cl[0][0]) for cl in clusters}
    free_cnty = {eid: c for eid, c in kept_cnty.items() if eid not in new_event_ids}
    evidence = dict((m.id, ev) for m, ev in new)
    for eid in sorted(free_cnty):  # free the unique ids before a new event inherits one
        store.x("UPDATE events SET event_id_cnty = NULL WHERE id = ?", (eid,))
    for cl in clusters:
        eid = event_id_for(cl[0][0])
        cnty = kept_cnty.get(eid) or _inherit(cl, old, free_cnty)
        _write_event(store, eid, cnty, cl, exists=eid in kept_cnty)
        for m, reason in cl:
            if m.id in new_ids:
                store.add_member(m, evidence[m.id], eid)
            else:
                store.x("UPDATE event_sources SET event_id = ? WHERE id = ?", (eid, m.id))
        _write_reasons(store, eid, cl)
    for stale in sorted(old_ids - new_event_ids):
        if not store.q("SELECT 1 AS x FROM event_sources WHERE event_id = ?", (stale,)):
            store.x("DELETE FROM events WHERE id = ?", (stale,))


def _inherit(cl: list[tuple[Member, str | None]], old: dict[str, dict[str, Any]],
             free: dict[str, str]) -> str | None:
    """An ACLED id freed by this rewrite that one of the cluster's reports had
    (keeps event_id_cnty stable when an earlier report takes over as anchor)."""
    for m, _ in cl:
        prev = old.get(m.id)
        if prev and prev["eid"] in free:
            return free.pop(prev["eid"])
    return None


def _write_event(store: SQLStore, eid: str, cnty: str | None,
                 cl: list[tuple[Member, str | None]], exists: bool) -> None:
    merged = merge_event([m for m, _ in cl])
    row = event_to_row(merged)
    reasons = [r for _, r in cl if r]
    row.update(id=eid, n_sources=len(cl),
               merge_reason=" | ".join(f"{m.id}: {r}" for m, r in cl if r) if reasons else None)
    if exists:
        store.update("events", "id", row)
        return
    country = merged.location.country if merged.location else None
    row["event_id_cnty"] = cnty or store.next_cnty(iso3_by_iso2().get(country or "", "XXX"))
    store.insert("events", row)


def _write_reasons(store: SQLStore, eid: str, cl: list[tuple[Member, str | None]]) -> None:
    anchor = cl[0][0]
    for m, reason in cl:
        store.x("DELETE FROM merges WHERE source_id = ?", (m.id,))
        if reason:
            store.insert("merges", {"source_id": m.id, "event_id": eid,
                                    "matched_with": anchor.id, "reason": reason})


# ------------------------------------------------------------------ analyst operations


def _members_of(store: SQLStore, event_id: str) -> list[Member]:
    return store.members_where("s.event_id = ?", (event_id,))


def _resolve(store: SQLStore, event_id: str) -> str:
    from rasd.errors import StoreError

    row = store.get_event(event_id)
    if row is None:
        raise StoreError(f"no event {event_id!r} (give an event id or an event_id_cnty)")
    return str(row["id"])


def split(store: SQLStore, event_id: str, source_id: str | None = None) -> list[str]:
    """Undo a merge: every report of the event (or just ``source_id``) becomes its own
    event, and stays apart in later merges. Returns the ids of the resulting events."""
    from rasd.errors import StoreError

    with store.transaction():
        eid = _resolve(store, event_id)
        members = _members_of(store, eid)
        ids = [m.id for m in members]
        if source_id is not None and source_id not in ids:
            raise StoreError(f"{source_id!r} is not a source of {eid}; sources: {', '.join(ids)}")
        firsts = [source_id] if source_id else ids
        pairs = {(a, b) for a in firsts for b in ids if a != b}
        pairs |= {(b, a) for a, b in pairs}
        for a, b in sorted(pairs):
            store.x("INSERT INTO merge_splits (source_a, source_b) VALUES (?, ?) "
                    "ON CONFLICT DO NOTHING", (a, b))
        recluster(store, members)
        return sorted({r["event_id"] for r in store.q(
            f"SELECT event_id FROM event_sources WHERE id IN ({', '.join('?' * len(ids))})", ids)})


def unsplit(store: SQLStore, event_id: str) -> list[str]:
    """Forget the splits involving this event's reports and merge again by the rule."""
    with store.transaction():
        eid = _resolve(store, event_id)
        members = _members_of(store, eid)
        ids = [m.id for m in members]
        marks = ", ".join("?" * len(ids))
        partners = [r["source_b"] for r in store.q(
            f"SELECT source_b FROM merge_splits WHERE source_a IN ({marks})", ids)]
        store.x(f"DELETE FROM merge_splits WHERE source_a IN ({marks}) OR source_b IN ({marks})",
                ids + ids)
        seeds = members + store.members_where(
            f"s.id IN ({', '.join('?' * len(partners))})", partners) if partners else members
        recluster(store, seeds)
        rows = store.q(f"SELECT DISTINCT event_id FROM event_sources WHERE id IN ({marks})", ids)
        return sorted(r["event_id"] for r in rows)


def explain(store: SQLStore, event_id: str) -> dict[str, Any]:
    """An event, every report behind it with its article, evidence and merge reason,
    the copies of those articles, and the splits an analyst made."""
    import json

    eid = _resolve(store, event_id)
    event = store.get_event(eid)
    sources = []
    for s in store.event_sources(eid):
        sources.append({
            "source_id": s["id"], "article_id": s["article_id"], "url": s["url"],
            "title": s["title"], "outlet": s["outlet"], "published": s["published"],
            "evidence": json.loads(s["evidence"]), "event": json.loads(s["event_json"]),
            "matched_with": s["matched_with"], "reason": s["reason"]})
    ids = [s["source_id"] for s in sources]
    splits = store.q("SELECT source_a, source_b FROM merge_splits WHERE source_a IN "
                     f"({', '.join('?' * len(ids))}) ORDER BY source_a, source_b", ids) if ids else []
    return {"event": event, "sources": sources,
            "copies": store.copies_of(sorted({s["article_id"] for s in sources})),
            "splits": [[r["source_a"], r["source_b"]] for r in splits]}
