"""Measure event dating on a gold JSONL file (CODEBOOK §5 gold format).

For every gold event with a gold date, the gold ``evidence`` (a string of the
article, or a list of {start, end}) is located in the text and used as the
anchor; the article is dated with find_dates + event_date against its
publication_date, and the share of events with exactly the gold date is printed.
Nothing from the gold file is written anywhere; ``--show`` lists the misses
(id, gold, predicted, the chosen expression) on the terminal for diagnosis.

Usage: python scripts/measure_dates.py GOLD.jsonl [--show]
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys
import time
from pathlib import Path
from typing import Any

from rasd.doc import Document
from rasd.stages.dates import DateTables, event_date, find_dates


def _anchor(text: str, evidence: Any) -> tuple[int, int] | None:
    if isinstance(evidence, str):
        at = text.find(evidence)
        return None if at < 0 else (at, at + len(evidence))
    if isinstance(evidence, list) and evidence and isinstance(evidence[0], dict):
        return min(e["start"] for e in evidence), max(e["end"] for e in evidence)
    return None


def _sentences(text: str) -> tuple:
    try:
        from rasd.text.sentences import split_sentences
    except ImportError:  # the sentence splitter is another stage's; fall back to event_date's own
        return ()
    return tuple(split_sentences(text))


def measure(path: Path, show: bool) -> dict[str, Any]:
    tables = DateTables.load()
    total = exact = within_one = unlocated = articles = 0
    elapsed = 0.0
    for line in path.open(encoding="utf-8"):
        art = json.loads(line)
        pub = dt.date.fromisoformat(art["publication_date"]) if art.get("publication_date") else None
        doc = Document.from_text(art["text"], published=pub, id=art.get("id"))
        doc = dataclasses.replace(doc, sentences=_sentences(doc.text))
        t0 = time.perf_counter()
        found = find_dates(doc, tables)
        elapsed += time.perf_counter() - t0
        articles += 1
        doc = dataclasses.replace(doc, dates=found)
        for ev in art.get("events", []):
            if not ev.get("date"):
                continue
            total += 1
            anchor = _anchor(art["text"], ev.get("evidence"))
            if anchor is None:
                unlocated += 1
                continue
            got, prec = event_date(doc, anchor)
            gold = dt.date.fromisoformat(ev["date"])
            exact += got == gold
            within_one += got is not None and abs((got - gold).days) <= 1
            if show and got != gold:
                used = [art["text"][d.start:d.end] for d in doc.dates if d.date == got]
                print(f"{art['id']}\tgold {gold} p{ev.get('date_precision')}\tgot {got} p{prec}"
                      f"\toptional={ev.get('optional')}\tvia {used[:1]}", file=sys.stderr)
    return {"events_with_gold_date": total, "exact": exact, "within_one_day": within_one,
            "unlocated_evidence": unlocated, "exact_share": round(exact / total, 3) if total else None,
            "find_dates_ms_per_article": round(1000 * elapsed / max(1, articles), 3)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", type=Path)
    ap.add_argument("--show", action="store_true", help="list the misses on stderr")
    args = ap.parse_args()
    print(json.dumps(measure(args.gold, args.show), indent=1))


if __name__ == "__main__":
    main()
