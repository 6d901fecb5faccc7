"""The SQL event store shared by SQLite and PostgreSQL.

All SQL here is written once with ``?`` placeholders and portable syntax; the
dialect classes (:mod:`rasd.store.sqlite`, :mod:`rasd.store.postgres`) only
open the connection, run scripts and do full-text search. So both databases
have the same schema and the same behaviour, and one test suite covers both.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from rasd.dedup import Member
from rasd.event import Actor, Event, Location
from rasd.text.normalize import normalize

ARTICLE_COLUMNS = ("id", "fingerprint", "url", "title", "outlet", "published", "text", "status",
                   "error", "source", "duplicate_of", "ingested_at")


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Filters of ``rasd query`` / ``rasd export``; None means no filter."""

    country: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None
    since: str | None = None  # YYYY-MM-DD, inclusive
    until: str | None = None
    type: str | None = None  # event_type or sub_event_type
    actor: str | None = None  # part of an actor name or its Arabic text
    text: str | None = None  # full-text words over the articles behind the event


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _js(v: Any) -> str:
    return json.dumps(v, ensure_ascii=False, sort_keys=True)


def event_to_row(ev: Event) -> dict[str, Any]:
    """Columns of the ``events`` table for an event (ids and merge info added by the caller)."""
    a1, a2, loc = ev.actor1, ev.actor2, ev.location
    return {
        "event_type": ev.event_type, "sub_event_type": ev.sub_event_type,
        "sub_event_type_alt": _js(list(ev.sub_event_type_alt)),
        "event_date": ev.date, "year": int(ev.date[:4]) if ev.date else None,
        "date_precision": ev.date_precision,
        "actor1": a1.name if a1 else None, "actor1_text": a1.text if a1 else None,
        "inter1": a1.inter if a1 else None, "actor1_country": a1.country if a1 else None,
        "actor2": a2.name if a2 else None, "actor2_text": a2.text if a2 else None,
        "inter2": a2.inter if a2 else None, "actor2_country": a2.country if a2 else None,
        "assoc_actors": _js([a.to_dict() for a in ev.assoc_actors]),
        "claimed": int(ev.claimed),
        "location": loc.name if loc else None, "location_text": loc.text if loc else None,
        "admin1": loc.admin1 if loc else None, "admin2": loc.admin2 if loc else None,
        "country": loc.country if loc else None,
        "latitude": loc.lat if loc else None, "longitude": loc.lon if loc else None,
        "geo_precision": loc.precision if loc else None,
        "fatalities": ev.fatalities, "injuries": ev.injuries,
        "weapons": _js(list(ev.weapons)), "confidence": round(ev.confidence, 3),
        "background": int(ev.background), "notes": ev.notes,
    }


def _actor_from(row: dict[str, Any], n: str) -> Actor | None:
    if not row.get(f"actor{n}"):
        return None
    return Actor(row[f"actor{n}"], row.get(f"actor{n}_text"), row.get(f"inter{n}"),
                 row.get(f"actor{n}_country"))


def row_to_event(row: dict[str, Any]) -> Event:
    """The merged event of an ``events`` row (evidence lives with the sources)."""
    has_loc = any(row.get(k) is not None for k in ("location", "latitude", "country", "admin1"))
    loc = Location(row.get("location"), row.get("location_text"), row.get("admin1"),
                   row.get("admin2"), row.get("country"), row.get("latitude"),
                   row.get("longitude"), row.get("geo_precision")) if has_loc else None
    assoc = tuple(a for a in map(Actor.from_dict, json.loads(row.get("assoc_actors") or "[]")) if a)
    return Event(
        event_type=row["event_type"], sub_event_type=row["sub_event_type"],
        sub_event_type_alt=tuple(json.loads(row.get("sub_event_type_alt") or "[]")),
        date=row.get("event_date"), date_precision=row.get("date_precision"),
        actor1=_actor_from(row, "1"), actor2=_actor_from(row, "2"), assoc_actors=assoc,
        claimed=bool(row.get("claimed")), location=loc,
        fatalities=row.get("fatalities"), injuries=row.get("injuries"),
        weapons=tuple(json.loads(row.get("weapons") or "[]")),
        confidence=float(row.get("confidence") or 0.0), background=bool(row.get("background")),
        notes=row.get("notes") or "",
    )


class SQLStore:
    """Portable store logic over a DB-API connection. Subclasses set ``dialect``
    and implement ``_execute``, ``script``, ``_begin/_commit/_rollback``,
    ``index_text`` and ``_fts_clause``."""

    dialect = "?"

    def __init__(self) -> None:
        self._depth = 0

    # ---------------------------------------------------------------- low level
    def _execute(self, sql: str, params: Sequence[Any]) -> list[dict[str, Any]]:
        raise NotImplementedError

    def q(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Rows of a query as dicts."""
        return self._execute(sql, params)

    def x(self, sql: str, params: Sequence[Any] = ()) -> None:
        self._execute(sql, params)

    def script(self, sql: str) -> None:
        raise NotImplementedError

    def _begin(self) -> None: ...
    def _commit(self) -> None: ...
    def _rollback(self) -> None: ...
    def close(self) -> None: ...

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing; nested calls join the outer transaction."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._begin()
        self._depth = 1
        try:
            yield
        except BaseException:  # also KeyboardInterrupt: never leave a half-written article
            self._depth = 0
            self._rollback()
            raise
        self._depth = 0
        self._commit()

    def insert(self, table: str, row: dict[str, Any]) -> None:
        cols = list(row)
        self.x(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
               [row[c] for c in cols])

    def update(self, table: str, key: str, row: dict[str, Any]) -> None:
        cols = [c for c in row if c != key]
        self.x(f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in cols)} WHERE {key} = ?",
               [row[c] for c in cols] + [row[key]])

    # ---------------------------------------------------------------- full text
    def index_text(self, article_id: str, body: str) -> None:
        raise NotImplementedError

    def _fts_clause(self, words: str) -> tuple[str, list[Any]]:
        """SQL selecting ``article_id`` of articles matching ``words`` (normalised)."""
        raise NotImplementedError

    @staticmethod
    def fts_body(title: str | None, text: str | None) -> str:
        """What the full-text index holds: the normalised title and text, so that
        alef forms, harakat and digits do not decide whether a word matches."""
        return normalize(f"{title or ''}\n{text or ''}").text

    # ---------------------------------------------------------------- articles
    def get_article(self, article_id: str) -> dict[str, Any] | None:
        rows = self.q("SELECT * FROM articles WHERE id = ?", (article_id,))
        return rows[0] if rows else None

    def article_by_fingerprint(self, fp: str) -> dict[str, Any] | None:
        rows = self.q("SELECT * FROM articles WHERE fingerprint = ?", (fp,))
        return rows[0] if rows else None

    def article_by_source(self, source: str) -> dict[str, Any] | None:
        rows = self.q("SELECT * FROM articles WHERE source = ? AND status = 'failed' ORDER BY id",
                      (source,))
        return rows[0] if rows else None

    def band_candidates(self, keys: Sequence[str]) -> list[dict[str, Any]]:
        """Stored articles sharing an LSH band with ``keys`` (id, text), by id."""
        if not keys:
            return []
        marks = ", ".join("?" * len(keys))
        return self.q("SELECT id, text FROM articles WHERE status = 'ok' AND id IN "
                      f"(SELECT article_id FROM article_bands WHERE band_key IN ({marks})) "
                      "ORDER BY id", list(keys))

    def put_article(self, row: dict[str, Any], bands: Sequence[str] = ()) -> None:
        """Insert an article row (and, for stored articles, its bands and full text)."""
        full = {c: row.get(c) for c in ARTICLE_COLUMNS}
        full["ingested_at"] = full["ingested_at"] or now()
        self.insert("articles", full)
        for key in sorted(set(bands)):
            self.x("INSERT INTO article_bands (band_key, article_id) VALUES (?, ?)", (key, row["id"]))
        if row.get("status") == "ok":
            self.index_text(row["id"], self.fts_body(row.get("title"), row.get("text")))

    def delete_article_rows(self, article_id: str) -> None:
        """Remove an article and what hangs off it (caller re-merges the events it touched)."""
        self.x("DELETE FROM merges WHERE source_id IN "
               "(SELECT id FROM event_sources WHERE article_id = ?)", (article_id,))
        self.x("DELETE FROM event_sources WHERE article_id = ?", (article_id,))
        self.x("DELETE FROM article_bands WHERE article_id = ?", (article_id,))
        self.x("DELETE FROM articles_fts WHERE article_id = ?", (article_id,))
        self.x("DELETE FROM articles WHERE id = ?", (article_id,))

    def failed_articles(self) -> list[dict[str, Any]]:
        return self.q("SELECT * FROM articles WHERE status = 'failed' ORDER BY id")

    def copies_of(self, article_ids: Sequence[str]) -> list[dict[str, Any]]:
        if not article_ids:
            return []
        marks = ", ".join("?" * len(article_ids))
        return self.q("SELECT id, url, title, outlet, published, error, duplicate_of FROM articles "
                      f"WHERE duplicate_of IN ({marks}) ORDER BY id", list(article_ids))

    def counts(self) -> dict[str, int]:
        """Rows per table and article status (for summaries and tests)."""
        out = {f"articles_{r['status']}": int(r["n"]) for r in
               self.q("SELECT status, COUNT(*) AS n FROM articles GROUP BY status")}
        for t in ("events", "event_sources", "merges"):
            out[t] = int(self.q(f"SELECT COUNT(*) AS n FROM {t}")[0]["n"])
        return out

    # ---------------------------------------------------------------- members
    def members_where(self, where: str, params: Sequence[Any]) -> list[Member]:
        rows = self.q("SELECT s.id, s.article_id, s.event_json, a.published FROM event_sources s "
                      f"JOIN articles a ON a.id = s.article_id WHERE {where} ORDER BY s.id", params)
        return [Member(r["id"], r["article_id"], r["published"],
                       Event.from_dict(json.loads(r["event_json"]))) for r in rows]

    def add_member(self, m: Member, evidence: list[dict[str, Any]], event_id: str) -> None:
        self.insert("event_sources", {
            "id": m.id, "event_id": event_id, "article_id": m.article_id,
            "idx": int(m.id.rsplit("#", 1)[1]), "event_type": m.event.event_type,
            "event_date": m.event.date, "evidence": _js(evidence),
            "event_json": _js(m.event.to_dict()),
        })

    def splits(self, ids: Sequence[str]) -> set[frozenset[str]]:
        if not ids:
            return set()
        marks = ", ".join("?" * len(ids))
        rows = self.q(f"SELECT source_a, source_b FROM merge_splits WHERE source_a IN ({marks})",
                      list(ids))
        return {frozenset((r["source_a"], r["source_b"])) for r in rows}

    def next_cnty(self, prefix: str) -> str:
        rows = self.q("SELECT next FROM id_counters WHERE prefix = ?", (prefix,))
        n = int(rows[0]["next"]) if rows else 1
        if rows:
            self.x("UPDATE id_counters SET next = ? WHERE prefix = ?", (n + 1, prefix))
        else:
            self.x("INSERT INTO id_counters (prefix, next) VALUES (?, ?)", (prefix, n + 1))
        return f"{prefix}{n}"

    # ---------------------------------------------------------------- events
    def get_event(self, event_id: str) -> dict[str, Any] | None:
        rows = self.q("SELECT * FROM events WHERE id = ? OR event_id_cnty = ?", (event_id, event_id))
        return rows[0] if rows else None

    def event_sources(self, event_id: str) -> list[dict[str, Any]]:
        """The reports behind an event with their article metadata and merge reason."""
        return self.q(
            "SELECT s.id, s.article_id, s.idx, s.evidence, s.event_json, a.url, a.title, a.outlet, "
            "a.published, a.ingested_at, m.matched_with, m.reason FROM event_sources s "
            "JOIN articles a ON a.id = s.article_id LEFT JOIN merges m ON m.source_id = s.id "
            "WHERE s.event_id = ? ORDER BY s.id", (event_id,))

    def query_events(self, f: EventFilter | None = None) -> list[dict[str, Any]]:
        """Events matching the filters, by date (undated last) then id."""
        where, params = self._filter_sql(f or EventFilter())
        return self.q(f"SELECT * FROM events WHERE {where} "
                      "ORDER BY CASE WHEN event_date IS NULL THEN 1 ELSE 0 END, event_date, id",
                      params)

    def _filter_sql(self, f: EventFilter) -> tuple[str, list[Any]]:
        parts, params = ["1 = 1"], []
        simple = [("UPPER(country) = UPPER(?)", f.country), ("LOWER(admin1) = LOWER(?)", f.admin1),
                  ("event_date >= ?", f.since), ("event_date <= ?", f.until)]
        for sql, v in simple:
            if v:
                parts.append(sql)
                params.append(v)
        if f.type:
            parts.append("(LOWER(event_type) = LOWER(?) OR LOWER(sub_event_type) = LOWER(?))")
            params += [f.type, f.type]
        if f.actor:
            cols = ("actor1", "actor2", "actor1_text", "actor2_text", "assoc_actors")
            parts.append("(" + " OR ".join(f"LOWER({c}) LIKE LOWER(?)" for c in cols) + ")")
            params += [f"%{f.actor}%"] * len(cols)
        if f.text:
            sub, sub_params = self._fts_clause(normalize(f.text).text)
            parts.append(f"id IN (SELECT event_id FROM event_sources WHERE article_id IN ({sub}))")
            params += sub_params
        return " AND ".join(parts), params
