"""Throughput and peak memory of the whole pipeline (not a test: prints figures).

Usage: python bench/bench_pipeline.py [GOLD_OR_INPUT.jsonl] [--articles N] [--workers W] [--kb K]
With no file, it replicates the bundled example articles. ``--kb 5`` joins
consecutive articles until each is at least 5 KB (the size the throughput
target is stated for; the dev articles average 1.5 KB). Articles per second
are measured on one core and on all cores; peak RSS is this process's (and
its workers') maximum resident set.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import time
from pathlib import Path

from rasd.evaluate import INPUT_FIELDS
from rasd.pipeline import pipe
from rasd.resources import load_resources

ROOT = Path(__file__).resolve().parent.parent


def _joined(base: list[dict], kb: float) -> list[dict]:
    """Consecutive articles joined by a blank line until each is at least ``kb`` KB."""
    out: list[dict] = []
    for art in base:
        if out and len(out[-1]["text"].encode()) < kb * 1024:
            out[-1] = {**out[-1], "text": out[-1]["text"] + "\n\n" + art["text"]}
        else:
            out.append(dict(art))
    return out


def _articles(path: Path | None, n: int, kb: float = 0.0) -> list[dict]:
    if path is not None:
        base = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
        base = [{k: r.get(k) for k in INPUT_FIELDS} for r in base]
    else:
        base = [{"id": p.stem, "text": p.read_text(encoding="utf-8"), "publication_date": None}
                for p in sorted((ROOT / "examples" / "articles").glob("*.txt"))]
    if kb:
        base = _joined(base, kb)
    return [{**base[i % len(base)], "id": f"{base[i % len(base)]['id']}-{i}"} for i in range(n)]


def _run(articles: list[dict], workers: int) -> tuple[float, int]:
    start = time.perf_counter()
    events = sum(len(out["events"]) for out in pipe(articles, workers=workers))
    return time.perf_counter() - start, events


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("input", nargs="?", type=Path)
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--kb", type=float, default=0.0, help="join articles up to this size")
    args = ap.parse_args()
    t = time.perf_counter()
    load_resources()
    print(f"resources loaded in {time.perf_counter() - t:.2f} s")
    articles = _articles(args.input, args.articles, args.kb)
    kb = sum(len(a["text"].encode()) for a in articles) / len(articles) / 1024
    print(f"{len(articles)} articles, mean {kb:.1f} KB")
    secs, events = _run(articles, 1)
    print(f"one core:  {len(articles) / secs:8.1f} articles/s  ({events} events, {secs:.1f} s)")
    secs, _ = _run(articles, args.workers)
    print(f"{args.workers} workers: {len(articles) / secs:8.1f} articles/s  ({secs:.1f} s)")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak RSS: main process {own:.0f} MB, largest worker {kids:.0f} MB")


if __name__ == "__main__":
    main()
