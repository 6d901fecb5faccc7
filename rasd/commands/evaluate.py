"""`rasd eval`: score the batch interface against gold JSONL (CODEBOOK §6)."""
from __future__ import annotations

import json
from pathlib import Path

import click

from rasd.evaluate import FIELDS, evaluate, run_on_gold


@click.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--system", "system_path", type=click.Path(exists=True, dir_okay=False),
              help="Score this system output JSONL instead of running rasd.")
@click.option("--errors", is_flag=True, help="List every false positive, false negative and wrong field.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--workers", type=int, default=1, show_default=True)
def eval_cmd(gold: str, system_path: str | None, errors: bool, as_json: bool, workers: int) -> None:
    """Run rasd on GOLD's articles and score the events against GOLD's.

    \b
    Example: rasd eval ../shared/eval/dev.jsonl --errors
    """
    lines = Path(gold).read_text(encoding="utf-8").splitlines()
    gold_rows = [json.loads(line) for line in lines if line.strip()]
    if system_path:
        system_rows = [json.loads(x) for x in Path(system_path).read_text(encoding="utf-8").splitlines() if x.strip()]
    else:
        system_rows = run_on_gold(gold_rows, workers=workers)
    score = evaluate(gold_rows, system_rows)
    summary = score.summary()
    if errors:
        for err in score.errors:
            click.echo(json.dumps(err, ensure_ascii=False))
    if as_json:
        click.echo(json.dumps(summary))
        return
    click.echo(f"events  P {summary['precision']:.3f}  R {summary['recall']:.3f}  F1 {summary['f1']:.3f}"
               f"  (tp {score.tp}, fp {score.fp}, fn {score.fn})")
    for f in FIELDS:
        value = summary[f]
        shown = "-" if value is None else f"{value:.3f}"
        click.echo(f"{f:15s} {shown}  (n={summary[f + '_n']})")
