"""``rasd ingest``, ``rasd query``, ``rasd export``, ``rasd dedup``: the event database."""
from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import click

from rasd.errors import RasdError
from rasd.store import EventFilter, open_store, resolve_url
from rasd.store.core import SQLStore

F = TypeVar("F", bound=Callable[..., Any])
PROGRESS_MIN = 50  # show a progress bar past this many articles even without a terminal

DB_HELP = ("Database: sqlite:///file.sqlite, a file path, or postgresql://user:pass@host/db "
           "[default: $RASD_DB or sqlite:///rasd.sqlite]")


def db_option(fn: F) -> F:
    return click.option("--db", "db", envvar="RASD_DB", default=None, help=DB_HELP)(fn)


def filter_options(fn: F) -> F:
    opts = [
        click.option("--country", help="ISO 3166-1 alpha-2 code, e.g. IQ."),
        click.option("--admin1", help="Governorate/province as stored, e.g. 'Al Anbar'."),
        click.option("--since", help="First event date, YYYY-MM-DD (inclusive)."),
        click.option("--until", help="Last event date, YYYY-MM-DD (inclusive)."),
        click.option("--type", "type_", help="Event type or sub-event type, e.g. 'Air/drone strike'."),
        click.option("--actor", help="Part of an actor's name (English or Arabic)."),
        click.option("--text", help="Words that the articles behind the event contain (full text)."),
    ]
    for opt in reversed(opts):
        fn = opt(fn)
    return fn


def _filter(kw: dict[str, Any]) -> EventFilter:
    return EventFilter(country=kw.get("country"), admin1=kw.get("admin1"), since=kw.get("since"),
                       until=kw.get("until"), type=kw.get("type_"), actor=kw.get("actor"),
                       text=kw.get("text"))


def _open(db: str | None, create: bool = False) -> SQLStore:
    """Open the store; reading commands refuse to create an empty SQLite file by mistake."""
    url = resolve_url(db)
    if not create and not url.startswith(("postgresql://", "postgres://")):
        path = Path(url[len("sqlite:///"):] if url.startswith("sqlite:///") else url)
        if not path.exists():
            raise click.ClickException(f"no database at {path}; run `rasd ingest` first or "
                                       "give --db")
    try:
        return open_store(url)
    except RasdError as exc:
        raise click.ClickException(str(exc)) from exc


def _estimate(paths: Iterable[str]) -> int:
    """Rough number of articles behind ``paths`` (JSONL lines, files), to decide on a bar."""
    n = 0
    for p in map(Path, paths):
        files = [f for f in p.rglob("*") if f.is_file()] if p.is_dir() else [p]
        for f in files:
            if f.suffix.lower() in (".jsonl", ".ndjson") and f.exists():
                with f.open("rb") as fh:
                    n += sum(1 for _ in fh)
            else:
                n += 1
        if n > PROGRESS_MIN:
            break
    return n


T = TypeVar("T")


def _progress(items: Iterable[T], show: bool) -> Iterator[T]:
    if not show:
        yield from items
        return
    from tqdm import tqdm

    with tqdm(items, file=sys.stderr, unit="article", desc="ingest") as bar:
        yield from bar


@click.command("ingest")
@click.argument("paths", nargs=-1)
@db_option
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Processes extracting events in parallel (articles are stored in input order).")
@click.option("--retry-failed", is_flag=True,
              help="Try again the articles recorded as failed (all of them when no PATH is given).")
def ingest(paths: tuple[str, ...], db: str | None, workers: int, retry_failed: bool) -> None:
    """Read articles (text files, folders, JSONL, saved HTML pages, RSS/Atom feeds) into the
    event database: one row per real-world event, linked to every article that reported it.

    Re-running on the same input adds nothing; an interrupted run can simply be re-run.
    Fetching feed URLs needs RASD_FETCH=1 (rasd works offline).

    Example: rasd ingest articles/ dump.jsonl --db sqlite:///events.sqlite
    """
    from rasd.ingest import Ingester, failed_records, read_paths

    if not paths and not retry_failed:
        raise click.UsageError("give at least one PATH (or --retry-failed)")
    store = _open(db, create=True)
    try:
        records = read_paths(paths) if paths else failed_records(store)
        show = sys.stderr.isatty() or _estimate(paths) > PROGRESS_MIN
        ingester = Ingester(store, workers=workers, retry_failed=retry_failed)
        summary = ingester.run(_progress(records, show))
    except RasdError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()
    click.echo(summary.render(), err=True)


_TABLE_COLUMNS = (("event_id_cnty", 10), ("event_date", 10), ("sub_event_type", 22),
                  ("actor1", 28), ("location", 22), ("admin1", 14), ("country", 3),
                  ("fatalities", 4), ("n_sources", 3))


def _table(rows: list[dict[str, Any]]) -> str:
    """A plain fixed-width table, one event a line."""
    head = ["id", "date", "type", "actor1", "location", "admin1", "cc", "dead", "src"]
    widths = [w for _, w in _TABLE_COLUMNS]
    lines = ["  ".join(h.ljust(w) for h, w in zip(head, widths))]
    for r in rows:
        cells = ["" if r.get(c) is None else str(r[c]) for c, _ in _TABLE_COLUMNS]
        lines.append("  ".join((v if len(v) <= w else v[:w - 1] + "…").ljust(w)
                               for v, w in zip(cells, widths)).rstrip())
    lines.append(f"{len(rows)} event(s)")
    return "\n".join(lines)


@click.command("query")
@db_option
@filter_options
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table",
              show_default=True)
@click.option("--limit", type=int, default=None, help="At most this many events.")
def query(db: str | None, fmt: str, limit: int | None, **kw: Any) -> None:
    """List stored events matching the filters (all filters combine with AND).

    Example: rasd query --country IQ --since 2023-10-01 --type "Air/drone strike"
    """
    from rasd.export import write_jsonl

    store = _open(db)
    try:
        rows = store.query_events(_filter(kw))[:limit]
        if fmt == "jsonl":
            write_jsonl(store, rows, sys.stdout)
        else:
            click.echo(_table(rows))
    finally:
        store.close()


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "geojson"]), required=True)
@db_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default="-",
              help="Output file [default: standard output].")
@filter_options
def export(fmt: str, db: str | None, output: str, **kw: Any) -> None:
    """Export events: JSONL (events with their sources), CSV with ACLED's columns, or GeoJSON
    points (events without coordinates are left out and counted on stderr).

    Example: rasd export --format csv -o events.csv --country IQ
    """
    from rasd import export as ex

    store = _open(db)
    out = sys.stdout if output == "-" else open(output, "w", encoding="utf-8", newline="")
    try:
        rows = store.query_events(_filter(kw))
        if fmt == "jsonl":
            n = ex.write_jsonl(store, rows, out)
        elif fmt == "csv":
            n = ex.write_csv(store, rows, out)
        else:
            n, missing = ex.write_geojson(store, rows, out)
            if missing:
                click.echo(f"{missing} event(s) without coordinates left out", err=True)
        click.echo(f"{n} event(s) exported", err=True)
    finally:
        if out is not sys.stdout:
            out.close()
        store.close()


@click.command("dedup")
@db_option
@click.option("--explain", "explain_id", metavar="EVENT_ID",
              help="Show the sources of an event and why they were merged.")
@click.option("--split", "split_id", metavar="EVENT_ID",
              help="Undo a merge: each source of the event becomes its own event (and stays so).")
@click.option("--source", "source_id", metavar="SOURCE_ID",
              help="With --split: detach only this source (ARTICLE#N, as --explain shows).")
@click.option("--unsplit", "unsplit_id", metavar="EVENT_ID",
              help="Forget the splits of this event's sources and merge again by the rule.")
@click.option("--json", "as_json", is_flag=True, help="--explain as JSON.")
def dedup(db: str | None, explain_id: str | None, split_id: str | None, source_id: str | None,
          unsplit_id: str | None, as_json: bool) -> None:
    """Inspect and correct the cross-article merge of events (EVENT_ID is the ev-… id or
    the event_id_cnty).

    Example: rasd dedup --explain IRQ12
    """
    from rasd.store import merging

    if sum(x is not None for x in (explain_id, split_id, unsplit_id)) != 1:
        raise click.UsageError("give exactly one of --explain, --split, --unsplit")
    store = _open(db)
    try:
        if explain_id:
            info = merging.explain(store, explain_id)
            click.echo(json.dumps(info, ensure_ascii=False, indent=1) if as_json
                       else _render_explain(info))
        elif split_id:
            click.echo("events now: " + ", ".join(merging.split(store, split_id, source_id)))
        else:
            click.echo("events now: " + ", ".join(merging.unsplit(store, unsplit_id or "")))
    except RasdError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()


def _render_explain(info: dict[str, Any]) -> str:
    e = info["event"]
    lines = [f"{e['id']} ({e['event_id_cnty']}): {e['event_type']} / {e['sub_event_type']}, "
             f"{e['event_date'] or 'undated'}, {e['location'] or '?'}, actor1 {e['actor1'] or '?'}",
             f"{e['n_sources']} source(s):"]
    for s in info["sources"]:
        why = f"merged: {s['reason']} (compared with {s['matched_with']})" if s["reason"] \
            else "first report (anchor)"
        lines.append(f"  {s['source_id']}  {s['outlet'] or s['url'] or ''}  "
                     f"published {s['published'] or '?'}")
        lines.append(f"    {why}")
        for ev in s["evidence"][:2]:
            lines.append(f"    evidence [{ev['start']}:{ev['end']}] {ev.get('text', '')[:120]}")
    for c in info["copies"]:
        lines.append(f"  copy {c['id']} of {c['duplicate_of']}: {c['error']}")
    if info["splits"]:
        lines.append("kept apart by --split: " + ", ".join(" / ".join(p) for p in info["splits"]))
    return "\n".join(lines)
