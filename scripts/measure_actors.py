"""Measure how recognisable gold actors are to rasd's actor stage.

For each gold event of a gold JSONL file: is there an actor mention inside the
event's evidence that resolves (to_actor, with the gold location's country and
the gold date) to one of the gold ``actor1.names`` (and ``actor2.names``)?
Three scopes: the evidence itself, the paragraphs (lines) holding it, and the
whole article (is the actor recognisable anywhere); "named" is the evidence
scope restricted to events whose gold actor `text` lies inside the evidence. Prints shares and ids
only — never article text.

    python scripts/measure_actors.py GOLD.jsonl [--strong-only] [--merged]
        [--misses evidence|paragraph|article]
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path

from rasd.actors import ActorDictionary, ActorMention, actor_mentions, to_actor
from rasd.doc import Document
from rasd.lexicon.matcher import Matcher
from rasd.text.normalize import normalize


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", name.lower()).strip()


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _evidence_spans(text: str, evidence: object) -> list[tuple[int, int]]:
    """Spans of the evidence: offset objects, or strings located in the text
    (exactly, else by their normalised form)."""
    items = evidence if isinstance(evidence, list) else [evidence] if evidence else []
    spans: list[tuple[int, int]] = []
    norm = normalize(text)
    for x in items:
        if isinstance(x, dict):
            spans.append((int(x["start"]), int(x["end"])))
            continue
        i = text.find(str(x))
        if i >= 0:
            spans.append((i, i + len(str(x))))
            continue
        needle = normalize(str(x)).text.strip()
        j = norm.text.find(needle)
        if j >= 0:
            spans.append(norm.span(j, j + len(needle)))
    return spans


def _in_evidence(m: ActorMention, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s <= m.start and m.end <= e for s, e in spans)


def _paragraphs(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The lines of ``text`` that hold each span."""
    out = []
    for s, e in spans:
        start = text.rfind("\n", 0, s) + 1
        end = text.find("\n", e)
        out.append((start, len(text) if end < 0 else end))
    return out


SCOPES = ("evidence", "paragraph", "article")


def _hit(gold: dict | None, cands: list[ActorMention], country: str | None,
         day: dt.date | None, actors: ActorDictionary) -> tuple[bool, list[str]]:
    names = {_key(n) for n in (gold or {}).get("names") or [gold["name"]]} if gold else set()
    got = [to_actor(m, country, day, actors).name for m in cands]
    return any(_key(n) in names for n in got), got


def _matcher(merged: bool) -> tuple[ActorDictionary, Matcher]:
    if merged:  # the pipeline's one automaton over every lexicon
        from rasd.resources import load_resources
        res = load_resources()
        return res.actors, res.matcher
    actors = ActorDictionary.load()
    return actors, Matcher(actors.lex_entries())


def _score_event(art: dict, n: int, ev: dict, found: list[ActorMention], actors: ActorDictionary,
                 totals: dict, misses: str | None) -> None:
    spans = _evidence_spans(art["text"], ev.get("evidence"))
    windows = {"evidence": spans, "paragraph": _paragraphs(art["text"], spans),
               "article": [(0, len(art["text"]))]}
    country = (ev.get("location") or {}).get("country")
    for side in ("actor1", "actor2"):
        if not ev.get(side):
            continue
        gold_text = ev[side].get("text") or ""
        named_inside = bool(gold_text) and any(gold_text in art["text"][s:e] for s, e in spans)
        for scope in SCOPES:
            cands = [m for m in found if _in_evidence(m, windows[scope])]
            ok, got = _hit(ev[side], cands, country, _day(ev.get("date")), actors)
            totals[(side, scope)][0] += ok
            totals[(side, scope)][1] += 1
            if scope == "evidence" and named_inside:
                totals[(side, "named")][0] += ok
                totals[(side, "named")][1] += 1
            if misses == scope and not ok:
                print(f"MISS {art['id']}#{n} {side}: gold={ev[side]['name']!r} "
                      f"got={sorted(set(got))}")


def measure(path: Path, strong_only: bool, misses: str | None, merged: bool = False
            ) -> dict[tuple[str, str], tuple[float, int]]:
    actors, matcher = _matcher(merged)
    # "named": evidence whose text holds the gold actor's Arabic words
    totals = {(side, scope): [0, 0] for side in ("actor1", "actor2")
              for scope in SCOPES + ("named",)}
    for line in path.open(encoding="utf-8"):
        art = json.loads(line)
        doc = Document.from_text(art["text"], published=_day(art.get("publication_date")))
        doc = dataclasses.replace(doc, mentions=tuple(matcher.find(doc.norm)))
        found = [m for m in actor_mentions(doc, actors)
                 if m.kind != "person_role" and (m.strong or not strong_only)]
        for n, ev in enumerate(art.get("events") or []):
            _score_event(art, n, ev, found, actors, totals, misses)
    return {key: (hit / total if total else 0.0, total) for key, (hit, total) in totals.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--strong-only", action="store_true", help="count strong mentions only")
    ap.add_argument("--merged", action="store_true",
                    help="match with the pipeline's merged lexicon (rasd.resources)")
    ap.add_argument("--misses", choices=SCOPES, help="list events whose actor was not found there")
    args = ap.parse_args(argv)
    res = measure(args.gold, args.strong_only, args.misses, args.merged)
    for (side, scope), (share, total) in res.items():
        print(f"{side} recognisable in {scope:9}: {share:.3f} of {total} events")
    return 0


if __name__ == "__main__":
    sys.exit(main())
