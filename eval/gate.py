"""Quality gate: run the batch interface on gold data and compare with recorded floors.

Usage: python eval/gate.py [GOLD.jsonl] [--update]
Fails (exit 1) when a figure falls below its floor in eval/floors.json; --update
records the current figures as the new floors (do it when a change is an
improvement you mean to keep).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from rasd.evaluate import evaluate, run_on_gold

HERE = Path(__file__).resolve().parent
FLOORS = HERE / "floors.json"
DEFAULT_GOLD = HERE.parent.parent / "shared" / "eval" / "dev.jsonl"


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    gold_path = Path(args[0]) if args else DEFAULT_GOLD
    if not gold_path.exists():
        print(f"gate: no gold file at {gold_path}", file=sys.stderr)
        return 2
    gold = [json.loads(x) for x in gold_path.read_text(encoding="utf-8").splitlines() if x.strip()]
    figures = evaluate(gold, run_on_gold(gold)).summary()
    print(json.dumps(figures, indent=2))
    if "--update" in argv:
        keep = {k: v for k, v in figures.items() if isinstance(v, float)}
        FLOORS.write_text(json.dumps(keep, indent=2) + "\n", encoding="utf-8")
        return 0
    floors = json.loads(FLOORS.read_text(encoding="utf-8")) if FLOORS.exists() else {}
    below = {k: (figures.get(k), v) for k, v in floors.items() if (figures.get(k) or 0.0) + 1e-9 < v}
    for k, (got, floor) in below.items():
        print(f"gate: {k} {got} is below its floor {floor}", file=sys.stderr)
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
