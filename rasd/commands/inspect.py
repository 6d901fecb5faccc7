"""`rasd inspect`: a readable dump of every layer, for people debugging lexicons."""
from __future__ import annotations

import click

from rasd.commands.extract import _read_text


def _line(start: int, end: int, text: str, label: str = "") -> str:
    snippet = text[start:end].replace("\n", " ⏎ ")
    if len(snippet) > 90:
        snippet = snippet[:87] + "…"
    return f"  [{start:>6}:{end:<6}] {label}{snippet}"


@click.command("inspect")
@click.argument("source", default="-")
@click.option("--published", help="Publication date YYYY-MM-DD.")
@click.option("--tokens", "show_tokens", is_flag=True, help="Also list every token.")
@click.option("--kind", "kinds", multiple=True, help="Only lexicon mentions of this kind (repeatable).")
def inspect_cmd(source: str, published: str | None, show_tokens: bool, kinds: tuple[str, ...]) -> None:
    """Show sentences, tokens, lexicon mentions, dates, counts, actors and events of an article.

    Every line starts with the [start:end] character offsets into the original text.

    \b
    Example: rasd inspect article.txt --published 2023-10-20 --kind trigger --kind place
    """
    import rasd
    from rasd.actors import actor_mentions
    from rasd.resources import load_resources
    from rasd.stages.assemble import assemble_events

    text = _read_text(source)
    doc = rasd.analyze(text, published=published)
    res = load_resources()
    click.echo(f"{len(text)} characters, {len(doc.sentences)} sentences, {len(doc.tokens)} tokens, "
               f"{len(doc.mentions)} mentions")
    click.echo("\nSENTENCES")
    for s in doc.sentences:
        click.echo(_line(s.start, s.end, text, f"{s.kind:8s} "))
    if show_tokens:
        click.echo("\nTOKENS")
        for t in doc.tokens:
            click.echo(_line(t.start, t.end, text, f"{t.prefix + '+' if t.prefix else '':6s} "))
    click.echo("\nMENTIONS")
    for m in doc.mentions:
        if not kinds or m.kind in kinds:
            weak = "" if m.strong else " (weak)"
            click.echo(_line(m.start, m.end, text, f"{m.kind}:{m.entry_id}{weak} "))
    click.echo("\nDATES")
    for d in doc.dates:
        click.echo(_line(d.start, d.end, text, f"{d.date} p{d.precision} {d.kind}{' future' if d.future else ''} "))
    click.echo("\nCOUNTS")
    for c in doc.counts:
        click.echo(_line(c.start, c.end, text, f"{c.value}{' vague' if c.vague else ''} "))
    click.echo("\nACTORS")
    for a in actor_mentions(doc, res.actors):
        click.echo(_line(a.start, a.end, text, f"{a.name} [{a.kind}, inter {a.inter}] "))
    click.echo("\nEVENTS")
    for e in assemble_events(doc, res):
        click.echo(f"  {e.date} {e.event_type} / {e.sub_event_type}: {e.notes}")
        for s, t in e.evidence:
            click.echo(_line(s, t, text, "evidence "))
