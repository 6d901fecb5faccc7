"""The `rasd` command line: a thin click group; each command lives in rasd/commands/."""
from __future__ import annotations

import importlib
import logging
import sys

import click

# name -> "module:attribute"; modules are imported only when their command runs,
# so `rasd extract` does not pay for the HTML and database libraries.
COMMANDS = {
    "extract": "rasd.commands.extract:extract",
    "inspect": "rasd.commands.inspect:inspect_cmd",
    "eval": "rasd.commands.evaluate:eval_cmd",
    "dates": "rasd.commands.dates:dates",
    "geocode": "rasd.commands.geocode:geocode",
    "actors": "rasd.commands.actors:actors",
    "ingest": "rasd.commands.store:ingest",
    "query": "rasd.commands.store:query",
    "export": "rasd.commands.store:export",
    "dedup": "rasd.commands.store:dedup",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module, attr = COMMANDS[name].split(":")
        return getattr(importlib.import_module(module), attr)


@click.group(cls=LazyGroup)
@click.option("-v", "--verbose", is_flag=True, help="Log debugging detail to stderr.")
@click.version_option(package_name="rasd")
def main(verbose: bool) -> None:
    """rasd: Arabic news to structured, geocoded, dated conflict events (ACLED-style), offline.

    Example: rasd extract article.txt --published 2023-10-20
    """
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING, stream=sys.stderr,
                        format="rasd: %(levelname)s: %(message)s")


if __name__ == "__main__":
    main()
