"""``rasd geocode``: look a place name up in the gazetteer."""
from __future__ import annotations

import json

import click

from rasd.geo.gazetteer import Gazetteer
from rasd.stages.geocode import geocode_name


@click.command("geocode")
@click.argument("name")
@click.option("--country", metavar="CC", default=None,
              help="Only places in this country (ISO 3166-1 alpha-2, e.g. IQ).")
@click.option("--near", metavar="CONTEXT", default=None,
              help="Other place names nearby (Arabic or English) that rank candidates close to them.")
@click.option("--limit", default=10, show_default=True, help="How many candidates to print.")
def geocode(name: str, country: str | None, near: str | None, limit: int) -> None:
    """Print the places NAME may denote as JSON, best first.

    NAME is an Arabic form or an English name; a leading place word
    ("قاعدة", "مخيم", "بلدة") is understood. Each candidate has id, name, ar,
    kind, country, admin1, admin2, lat, lon, source and score.

    Example: rasd geocode "قاعدة عين الأسد" --country IQ
    """
    gaz = Gazetteer.load()
    found = geocode_name(name, gaz, country=country.upper() if country else None, near=near)
    click.echo(json.dumps(found[:limit], ensure_ascii=False, indent=2))
