"""``rasd dates``: show every date expression of a text and how it resolves."""
from __future__ import annotations

import datetime as dt
import json

import click

from rasd.doc import Document
from rasd.stages.dates import DateTables, find_dates


def _parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"expected YYYY-MM-DD, got {value!r}") from exc


@click.command("dates")
@click.argument("text")
@click.option("--published", callback=_parse_date, metavar="YYYY-MM-DD",
              help="Publication date that relative words resolve against; without it they stay null.")
def dates(text: str, published: dt.date | None) -> None:
    """Find the date expressions in TEXT and resolve them against the publication date.

    Prints a JSON list: span (start, end, text) into TEXT, the resolved date
    (ISO), precision (1 day, 2 week, 3 month, null for a year or unresolved),
    kind and whether it points after publication (future).

    \b
    Example:
      rasd dates "قصفت الطائرات فجر اليوم مواقع قرب المدينة" --published 2023-10-20
    """
    doc = Document.from_text(text, published=published)
    found = find_dates(doc, DateTables.load())
    rows = [{"start": d.start, "end": d.end, "text": text[d.start:d.end],
             "date": d.date.isoformat() if d.date else None, "precision": d.precision,
             "kind": d.kind, "future": d.future} for d in found]
    click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
