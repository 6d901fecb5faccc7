"""`rasd extract`: one article (file or stdin) or a JSONL batch → CODEBOOK JSON."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import IO

import click

from rasd.batch import check_published, process_record, run_lines


def _read_text(source: str) -> str:
    if source == "-":
        return sys.stdin.read()
    from rasd.ingest.readers import decode

    try:
        return decode(Path(source).read_bytes())[0]
    except UnicodeDecodeError as exc:
        raise click.ClickException(f"{source}: cannot decode as UTF-8 or Windows-1256") from exc


@click.command()
@click.argument("source", default="-")
@click.option("--published", help="Publication date YYYY-MM-DD (relative dates resolve against it).")
@click.option("--url", help="URL of the article (kept in the output).")
@click.option("--id", "article_id", help="Id to give a single article (default: the file name).")
@click.option("--jsonl", "as_jsonl", is_flag=True,
              help="Read the CODEBOOK §5 batch interface (implied by a .jsonl file).")
@click.option("--on-error", type=click.Choice(["skip", "raise"]), default="skip", show_default=True,
              help="skip: a bad article gives an error record and the batch goes on; raise: stop.")
@click.option("--workers", type=int, default=1, show_default=True, help="Processes for a batch.")
@click.option("--pretty", is_flag=True, help="Indent the JSON of a single article.")
def extract(source: str, published: str | None, url: str | None, article_id: str | None,
            as_jsonl: bool, on_error: str, workers: int, pretty: bool) -> None:
    """Extract events from an article file, stdin ("-") or a JSONL batch.

    \b
    Example: rasd extract article.txt --published 2023-10-20 --pretty
    Example: rasd extract articles.jsonl > events.jsonl
    """
    if as_jsonl or source.endswith(".jsonl"):
        stream: IO[str] = sys.stdin if source == "-" else open(source, encoding="utf-8", errors="replace")
        with stream:
            for out in run_lines(stream, workers=workers):
                if on_error == "raise" and "error" in out:
                    raise click.ClickException(out["error"])
                click.echo(json.dumps(out, ensure_ascii=False))
        return
    if published and check_published(published, article_id) is None:
        raise click.BadParameter(f"{published!r} is not a usable YYYY-MM-DD date", param_hint="--published")
    record = {"id": article_id or (Path(source).stem if source != "-" else "stdin"),
              "text": _read_text(source), "publication_date": published, "url": url}
    out = process_record(record)
    if "error" in out and on_error == "raise":
        raise click.ClickException(out["error"])
    click.echo(json.dumps(out, ensure_ascii=False, indent=2 if pretty else None))
