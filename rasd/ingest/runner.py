"""Ingest: read records, deduplicate articles, extract events, store, merge.

Each article is one transaction: its row, its reports and the re-merged events
commit together or not at all. Articles are committed in input order even
with several workers (only extraction runs in parallel), and event merging
depends only on the set of stored reports, so an interrupted run followed by
a re-run ends with the same database as one clean run.
"""
from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import Any

from rasd.dedup import NEAR_DUPLICATE, Member, bands, fingerprint, jaccard, minhash, shingles
from rasd.event import Event
from rasd.ingest.records import ArticleRecord, check_record
from rasd.store.core import SQLStore
from rasd.store.merging import recluster

log = logging.getLogger(__name__)

Extractor = Callable[[str, "str | None", "str | None"], Sequence[Event]]
_CHUNK = 16  # records planned and extracted together when workers > 1


def default_extractor(text: str, published: str | None, url: str | None) -> list[Event]:
    """rasd's own extractor (CODEBOOK events of one article)."""
    import rasd

    return rasd.extract(text, published=published, url=url)


def _safe_extract(args: tuple[Extractor, str, str | None, str | None]
                  ) -> tuple[list[Event] | None, str | None]:
    fn, text, published, url = args
    try:
        events = list(fn(text, published, url))
    except Exception as exc:  # noqa: BLE001 — one article's crash must not stop the batch
        return None, f"extraction failed: {type(exc).__name__}: {exc}"
    problems = [p for i, ev in enumerate(events) for p in _event_problems(i, ev, len(text))]
    return (None, "extractor returned bad events: " + "; ".join(problems)) if problems \
        else (events, None)


def _event_problems(i: int, ev: Event, n: int) -> list[str]:
    """What would make an event unstorable (the store trusts these fields)."""
    out = []
    if ev.date is not None:
        try:
            dt.date.fromisoformat(ev.date)
        except (TypeError, ValueError):
            out.append(f"event {i}: date {ev.date!r} is not YYYY-MM-DD")
    loc = ev.location
    if loc and any(v is not None and not isinstance(v, (int, float)) for v in (loc.lat, loc.lon)):
        out.append(f"event {i}: coordinates are not numbers")
    if any(not (0 <= s <= e <= n) for s, e in ev.evidence):
        out.append(f"event {i}: evidence span outside the text")
    return out


@dataclass
class IngestSummary:
    read: int = 0
    stored: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (article id or place, error)
    events_stored: int = 0  # article-level reports stored
    events_merged: int = 0  # of those, joined with another article's report

    def render(self, limit: int = 20) -> str:
        skipped = "; ".join(f"{k}: {v}" for k, v in sorted(self.skipped.items()))
        lines = [f"articles read:   {self.read}", f"stored:          {self.stored}",
                 f"skipped:         {sum(self.skipped.values())}" + (f" ({skipped})" if skipped else ""),
                 f"failed:          {len(self.failed)}"]
        lines += [f"  {where}: {err}" for where, err in self.failed[:limit]]
        if len(self.failed) > limit:
            lines.append(f"  … and {len(self.failed) - limit} more (rasd query the articles table)")
        lines += [f"events stored:   {self.events_stored}",
                  f"events merged:   {self.events_merged} (reported by another article too)"]
        return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class _Plan:
    action: str  # skip | fail | copy | extract
    rec: ArticleRecord
    note: str | None = None  # skip reason, or copy message
    original: str | None = None  # the article a copy duplicates
    replaces: tuple[str, ...] = ()  # failed rows this record retries
    fp: str | None = None
    band_keys: tuple[str, ...] = ()


class Ingester:
    """Ingest records into ``store``. ``extractor(text, published, url)`` returns events;
    ``today`` pins the date checks (tests)."""

    def __init__(self, store: SQLStore, extractor: Extractor | None = None, workers: int = 1,
                 retry_failed: bool = False, today: dt.date | None = None) -> None:
        self.store = store
        self.extractor = extractor or default_extractor
        self.workers = max(1, workers)
        self.retry = retry_failed
        self.today = today
        self.summary = IngestSummary()

    # ----------------------------------------------------------------- planning
    def _retry_of(self, existing: dict[str, Any] | None, rec: ArticleRecord) -> tuple[str, ...] | None:
        """Failed rows this record replaces; None when it must be skipped instead."""
        out = []
        if existing is not None:
            if existing["status"] != "failed" or not self.retry:
                return None
            out.append(existing["id"])
        same_place = self.store.article_by_source(rec.source_path) if rec.source_path else None
        if same_place and same_place["id"] not in out and self.retry:
            out.append(same_place["id"])
        return tuple(out)

    def plan(self, rec: ArticleRecord) -> _Plan:
        """What to do with a checked record, given what the store holds now."""
        rec = replace(rec, id=rec.id or rec.source_path or "?")
        if rec.status != "ok":
            existing = self.store.get_article(rec.id)  # type: ignore[arg-type]
            replaces = self._retry_of(existing, rec)
            if replaces is None:
                return _Plan("skip", rec, "already recorded")
            return _Plan("fail", rec, replaces=replaces)
        fp = fingerprint(rec.text or "")
        existing = self.store.get_article(rec.id)  # type: ignore[arg-type]
        if existing and existing["status"] != "failed" and existing["fingerprint"] not in (fp, None):
            rec = replace(rec, id=f"{rec.id}~{fp[:8]}")  # same id, other text: keep both
            existing = self.store.get_article(rec.id)  # type: ignore[arg-type]
        replaces = self._retry_of(existing, rec)
        if replaces is None:
            return _Plan("skip", rec, "already ingested" if existing["status"] != "failed"
                         else "failed before (use --retry-failed)")
        same = self.store.article_by_fingerprint(fp)
        if same:
            return _Plan("copy", rec, f"exact copy of {same['id']}", same["id"], replaces)
        sh = shingles(rec.text or "")
        keys = tuple(bands(minhash(sh)))
        best = max(((jaccard(sh, shingles(c["text"] or "")), c["id"])
                    for c in self.store.band_candidates(keys)), default=(0.0, ""))
        if best[0] >= NEAR_DUPLICATE:
            return _Plan("copy", rec, f"near-duplicate of {best[1]} (similarity {best[0]:.2f})",
                         best[1], replaces)
        return _Plan("extract", rec, replaces=replaces, fp=fp, band_keys=keys)

    # ----------------------------------------------------------------- writing
    def _row(self, rec: ArticleRecord, status: str, error: str | None, **extra: Any) -> dict[str, Any]:
        return {"id": rec.id, "url": rec.url, "title": rec.title, "outlet": rec.outlet,
                "published": rec.publication_date, "text": rec.text, "status": status,
                "error": error, "source": rec.source_path, **extra}

    def commit(self, rec: ArticleRecord, result: tuple[list[Event] | None, str | None] | None) -> None:
        """Plan again inside the transaction (the store may have changed) and write."""
        with self.store.transaction():
            p = self.plan(rec)
            for old in p.replaces:
                self.store.delete_article_rows(old)
            if p.action == "skip":
                self.summary.skipped[p.note or "?"] += 1
            elif p.action == "fail":
                self.store.put_article(self._row(p.rec, p.rec.status, p.rec.error))
                self._count_failure(p.rec, p.rec.error)
            elif p.action == "copy":
                self.store.put_article(self._row(p.rec, "skipped", p.note, text=None,
                                                 duplicate_of=p.original))
                self.summary.skipped["copy of a stored article"] += 1
            else:
                if result is None:
                    result = _safe_extract((self.extractor, p.rec.text or "",
                                            p.rec.publication_date, p.rec.url))
                self._store_extracted(p, result)

    def _count_failure(self, rec: ArticleRecord, error: str | None) -> None:
        if rec.status == "skipped":
            self.summary.skipped[(error or "").split(":")[0]] += 1
        else:
            self.summary.failed.append((rec.source_path or rec.id or "?", error or ""))

    def _store_extracted(self, p: _Plan, result: tuple[list[Event] | None, str | None]) -> None:
        events, error = result
        if events is None:
            log.warning("%s: %s", p.rec.id, error)
            self.store.put_article(self._row(p.rec, "failed", error))
            self._count_failure(p.rec, error)
            return
        self.store.put_article(self._row(p.rec, "ok", p.rec.error, fingerprint=p.fp), p.band_keys)
        text = p.rec.text or ""
        new = []
        for i, ev in enumerate(events):
            m = Member(f"{p.rec.id}#{i}", p.rec.id or "", p.rec.publication_date, ev)
            evidence = [{"start": s, "end": e, "text": text[s:e]} for s, e in ev.evidence]
            new.append((m, evidence))
        if new:
            recluster(self.store, [], new)
            self.summary.events_merged += self._merged_count([m.id for m, _ in new])
        self.summary.stored += 1
        self.summary.events_stored += len(new)

    def _merged_count(self, member_ids: list[str]) -> int:
        marks = ", ".join("?" * len(member_ids))
        rows = self.store.q("SELECT COUNT(*) AS n FROM event_sources s JOIN events e "
                            f"ON e.id = s.event_id WHERE s.id IN ({marks}) AND e.n_sources > 1",
                            member_ids)
        return int(rows[0]["n"])

    # ----------------------------------------------------------------- running
    def run(self, records: Iterable[ArticleRecord]) -> IngestSummary:
        """Ingest every record, committing one article at a time in input order."""
        checked = (check_record(r, self.today) for r in records)
        if self.workers == 1:
            for rec in checked:
                self.summary.read += 1
                self.commit(rec, None)
            return self.summary
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(self.workers) as pool:
            for chunk in _chunks(checked, _CHUNK * self.workers):
                todo = [r for r in chunk if self.plan(r).action == "extract"]
                args = [(self.extractor, r.text or "", r.publication_date, r.url) for r in todo]
                results = dict(zip(map(id, todo), pool.map(_safe_extract, args)))
                for rec in chunk:
                    self.summary.read += 1
                    self.commit(rec, results.get(id(rec)))
        return self.summary


def _chunks(it: Iterable[ArticleRecord], n: int) -> Iterator[list[ArticleRecord]]:
    itr = iter(it)
    while chunk := list(islice(itr, n)):
        yield chunk


def _base_source(source: str) -> str:
    """The file or URL of a record location (``file.jsonl:17`` → ``file.jsonl``)."""
    for sep in ("#", ":"):
        head, _, tail = source.rpartition(sep)
        if head and tail.isdigit():
            return head
    return source


def failed_records(store: SQLStore) -> Iterator[ArticleRecord]:
    """The articles recorded as failed, read again from their source when it is still
    there (the analyst may have fixed it), else rebuilt from the stored text."""
    from pathlib import Path

    from rasd.ingest.readers import read_path

    rows = store.failed_articles()
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        groups.setdefault(_base_source(r["source"] or ""), []).append(r)
    for src, rs in sorted(groups.items()):
        if src and (Path(src).exists() or src.startswith(("http://", "https://"))):
            ids = {r["id"] for r in rs}
            places = {r["source"] for r in rs}
            yield from (rec for rec in read_path(src) if rec.id in ids or rec.source_path in places)
            continue
        for r in rs:
            yield ArticleRecord(id=r["id"], text=r["text"], publication_date=r["published"],
                                url=r["url"], title=r["title"], outlet=r["outlet"],
                                source_path=r["source"])
