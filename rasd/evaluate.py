"""`rasd eval`: score system events against gold with the CODEBOOK §6 rules.

A system event matches a gold event when the event type is the same, the
country is the same and the places agree (name among the gold names, or
within 25 km, or gold precision 3 and the same admin1), and the dates are
within a day (skipped when the gold date is null). Pairs are matched one to
one, best first. Unmatched system events that match an optional gold event
are neither right nor wrong.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from rasd.geo.distance import haversine_km
from rasd.text.normalize import normalize_form

MATCH_KM = 25.0
FIELDS = ("sub_event_type", "actor1", "actor2", "date", "fatalities", "admin1", "coords_25km")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    right: Counter = field(default_factory=Counter)
    asked: Counter = field(default_factory=Counter)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        out: dict[str, Any] = {"events_tp": self.tp, "events_fp": self.fp, "events_fn": self.fn,
                               "precision": round(p, 3), "recall": round(r, 3), "f1": round(f1, 3)}
        for f in FIELDS:
            out[f] = round(self.right[f] / self.asked[f], 3) if self.asked[f] else None
            out[f"{f}_n"] = self.asked[f]
        return out


def _key(s: str | None) -> str:
    return re.sub(r"[\W_]+", "", (s or "").casefold())


def place_agrees(sys_loc: dict | None, gold_loc: dict | None) -> bool:
    if not gold_loc:
        return True
    if not sys_loc or sys_loc.get("country") != gold_loc.get("country"):
        return False
    names = {_key(n) for n in [gold_loc.get("name"), *(gold_loc.get("names") or [])] if n}
    if _key(sys_loc.get("name")) in names:
        return True
    if _within(sys_loc, gold_loc):
        return True
    return gold_loc.get("precision") == 3 and admin1_agrees(sys_loc, gold_loc)


def _within(a: dict, b: dict) -> bool:
    if None in (a.get("lat"), a.get("lon"), b.get("lat"), b.get("lon")):
        return False
    return haversine_km(a["lat"], a["lon"], b["lat"], b["lon"]) <= MATCH_KM


def admin1_agrees(sys_loc: dict | None, gold_loc: dict) -> bool:
    names = {_key(n) for n in [gold_loc.get("admin1"), *(gold_loc.get("admin1_names") or [])] if n}
    return bool(sys_loc) and _key(sys_loc.get("admin1")) in names


def _dates_close(s: str | None, g: str | None) -> bool:
    if g is None:
        return True
    if s is None:
        return False
    return abs((dt.date.fromisoformat(s) - dt.date.fromisoformat(g)).days) <= 1


def matches(s: dict, g: dict) -> bool:
    return (s.get("event_type") == g.get("event_type") and place_agrees(s.get("location"), g.get("location"))
            and _dates_close(s.get("date"), g.get("date")))


def actor_agrees(s: dict | None, g: dict | None) -> bool:
    if not g:
        return not s
    if not s:
        return False
    names = {_key(n) for n in [g.get("name"), *(g.get("names") or [])] if n}
    return _key(s.get("name")) in names or _texts_overlap(s.get("text"), g.get("text"))


def _texts_overlap(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    x, y = normalize_form(a), normalize_form(b)
    return x in y or y in x


def field_checks(s: dict, g: dict) -> dict[str, bool | None]:
    gl, sl = g.get("location") or {}, s.get("location") or {}
    subs = {g.get("sub_event_type"), *(g.get("sub_event_type_alt") or [])}
    return {
        "sub_event_type": s.get("sub_event_type") in subs,
        "actor1": actor_agrees(s.get("actor1"), g.get("actor1")),
        "actor2": actor_agrees(s.get("actor2"), g.get("actor2")),
        "date": None if g.get("date") is None else s.get("date") == g.get("date"),
        "fatalities": s.get("fatalities") == g.get("fatalities"),
        "admin1": admin1_agrees(sl, gl) if gl.get("admin1") else None,
        "coords_25km": _within(sl, gl) if gl.get("lat") is not None else None,
    }


def _pair_quality(s: dict, g: dict) -> tuple:
    checks = field_checks(s, g)
    return (sum(1 for v in checks.values() if v), _within(s.get("location") or {}, g.get("location") or {}))


def score_article(system: list[dict], gold: list[dict], score: Score, article_id: str,
                  text: str = "") -> None:
    pairs = [(i, j) for i, s in enumerate(system) for j, g in enumerate(gold) if matches(s, g)]
    pairs.sort(key=lambda ij: (not gold[ij[1]].get("optional"), _pair_quality(system[ij[0]], gold[ij[1]])),
               reverse=True)
    used_s: set[int] = set()
    used_g: set[int] = set()
    for i, j in pairs:
        if i in used_s or j in used_g:
            continue
        used_s.add(i)
        used_g.add(j)
        if not gold[j].get("optional"):
            score.tp += 1
            _score_fields(system[i], gold[j], score, article_id, text)
    for i, s in enumerate(system):
        if i not in used_s:
            score.fp += 1
            score.errors.append(_error("false_positive", article_id, s, None, text))
    for j, g in enumerate(gold):
        if j not in used_g and not g.get("optional"):
            score.fn += 1
            score.errors.append(_error("false_negative", article_id, None, g, text))


def _score_fields(s: dict, g: dict, score: Score, article_id: str, text: str) -> None:
    wrong = []
    for name, ok in field_checks(s, g).items():
        if ok is None:
            continue
        score.asked[name] += 1
        score.right[name] += bool(ok)
        if not ok:
            wrong.append(name)
    if wrong:
        err = _error("wrong_fields", article_id, s, g, text)
        err["fields"] = wrong
        score.errors.append(err)


def _summary(e: dict | None) -> dict | None:
    if e is None:
        return None
    loc = e.get("location") or {}
    return {"type": f"{e.get('event_type')} / {e.get('sub_event_type')}", "date": e.get("date"),
            "actor1": (e.get("actor1") or {}).get("name"), "actor2": (e.get("actor2") or {}).get("name"),
            "place": f"{loc.get('name')} ({loc.get('admin1')}, {loc.get('country')}) p{loc.get('precision')}",
            "fatalities": e.get("fatalities")}


def _error(kind: str, article_id: str, s: dict | None, g: dict | None, text: str) -> dict[str, Any]:
    evidence = None
    if s and s.get("evidence"):
        ev = s["evidence"][0]
        evidence = text[ev["start"]:ev["end"]][:300]
    elif g and g.get("evidence"):
        evidence = g["evidence"] if isinstance(g["evidence"], str) else str(g["evidence"])
    return {"kind": kind, "id": article_id, "system": _summary(s), "gold": _summary(g),
            "evidence": evidence}


# Only the batch-interface fields go to the extractor: it never sees the gold.
INPUT_FIELDS = ("id", "text", "publication_date", "url")


def run_on_gold(gold_rows: list[dict], workers: int = 1) -> list[dict]:
    """The batch interface's output for the gold articles, gold fields withheld."""
    from rasd.batch import run_lines  # the pipeline is loaded only when rasd runs

    inputs = (json.dumps({k: g.get(k) for k in INPUT_FIELDS}, ensure_ascii=False) for g in gold_rows)
    return list(run_lines(inputs, workers=workers))


def evaluate(gold_rows: list[dict], system_rows: list[dict]) -> Score:
    """Score system output lines against gold lines, paired by id (else by position)."""
    by_id = {r.get("id"): r for r in system_rows}
    score = Score()
    for n, g in enumerate(gold_rows):
        s = by_id.get(g.get("id")) or (system_rows[n] if n < len(system_rows) else {"events": []})
        score_article(s.get("events") or [], g.get("events") or [], score, g.get("id"), g.get("text") or "")
    return score
