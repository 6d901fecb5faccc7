"""``rasd actors``: show the actor mentions rasd resolves in a text."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json

import click

from rasd.actors import ActorDictionary, actor_mentions, to_actor
from rasd.doc import Document
from rasd.lexicon.matcher import Matcher


def _date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not YYYY-MM-DD") from None


def resolve_text(text: str, day: dt.date | None, country: str | None,
                 actors: ActorDictionary | None = None) -> list[dict[str, object]]:
    """Actor mentions of ``text`` as JSON-ready dicts, resolved for an event
    in ``country`` on ``day`` (names by date, inter 8 abroad, generics named)."""
    actors = actors or ActorDictionary.default()
    doc = Document.from_text(text, published=day)
    doc = dataclasses.replace(doc, mentions=tuple(Matcher(actors.lex_entries()).find(doc.norm)))
    out = []
    for m in actor_mentions(doc, actors):
        a = to_actor(m, country, day, actors)
        out.append({"id": a.id, "name": a.name, "inter": a.inter, "country": a.country,
                    "kind": m.kind, "text": m.text, "start": m.start, "end": m.end,
                    "strong": m.strong, "via": m.via})
    return out


@click.command("actors")
@click.argument("text")
@click.option("--date", "day", callback=_date, metavar="YYYY-MM-DD",
              help="Event date: picks time-bounded names (RSF before/after 2023-04-15).")
@click.option("--country", metavar="CC", type=str, default=None,
              help="ISO-2 country where the event happened: names generics "
                   "(Civilians (Iraq)) and codes foreign state forces inter 8.")
def actors_command(text: str, day: dt.date | None, country: str | None) -> None:
    """Print the actor mentions found in TEXT as JSON (one list).

    Each mention has id, name, inter, country, kind (state, group, generic,
    civilian, protester, rioter, person_role), text (the Arabic words),
    start and end (offsets into TEXT), strong and via (how it was found).

    \b
    Example: rasd actors "قصفت القوات الأمريكية مواقع لكتائب حزب الله" --country IQ
    """
    code = country.upper() if country else None
    click.echo(json.dumps(resolve_text(text, day, code), ensure_ascii=False, indent=2))


actors = actors_command  # the name rasd.cli registers
