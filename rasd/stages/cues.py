"""Cue checks: is a trigger a real, reported event (CODEBOOK §1)?

A trigger is dropped when, in its clause and before it, there is a threat,
plan, conditional, call or generic/aggregate cue, or a negation close to it;
and when it carries the future prefix س. Protests are not dropped by calls
(a protest is a call by nature).
"""
from __future__ import annotations

from rasd.doc import CountMention, DateMention, Mention
from rasd.stages.context import Clause, MentionIndex, TokenIndex

# How many words before a trigger a negation still negates it (لم + verb, نفى أن …).
NEGATION_REACH = 4
# Cue classes that cancel a trigger anywhere earlier in its clause.
CLAUSE_BLOCKERS = ("future", "threat", "conditional", "generic", "denial")
FUTURE_PREFIXES = ("س", "وس", "فس")


def block_reason(trigger: Mention, clause: Clause, index: MentionIndex, tokens: TokenIndex,
                 event_type: str, counts: tuple[CountMention, ...] = (),
                 dates: tuple[DateMention, ...] = ()) -> str | None:
    """Why ``trigger`` is not an event, or None when it is one."""
    if trigger.prefix in FUTURE_PREFIXES and trigger.attr("pos") == "verb":
        return "future"
    if index.within("cue", clause.sentence.start, clause.sentence.end, "archive"):
        return "archive"
    if event_type != "Strategic developments" and in_ceasefire(trigger, clause, index):
        return "ceasefire"  # "وقف إطلاق النار على جميع الجبهات": no shot was fired
    if trigger.attr("pos") == "noun" and _counted(trigger, counts, tokens):
        return "aggregate"  # "78 هجوما", "ثلاث غارات": a tally, not one event
    # cues that start before the trigger, including those that take it in ("عمليات استهداف")
    before = [c for c in index.within("cue", clause.start, trigger.end) if c.start < trigger.start]
    for cue in before:
        if cue.entry_id in CLAUSE_BLOCKERS:
            return cue.entry_id
        if cue.entry_id == "call" and event_type != "Protests":
            return "call"
        if cue.entry_id == "negation" and tokens.between(cue.end, trigger.start) < NEGATION_REACH:
            return "negation"
    if _since_a_date(clause, index, tokens, dates):
        return "generic"  # "منذ مايو 2024 … كثفت هجماتها": a period, not one event
    if index.within("cue", trigger.end, clause.end, "generic"):
        return "generic"  # "هاجمت المسيرات … عدة مرات"
    if any(tokens.between(trigger.end, c.start) <= 1
           for c in index.within("cue", trigger.end, clause.end, "conditional")):
        return "conditional"  # "التصدي لأي توغل": any attack is no attack
    return None


def in_ceasefire(m: Mention, clause: Clause, index: MentionIndex) -> bool:
    """Whether ``m`` lies inside a ceasefire phrase ("إطلاق النار" in "وقف إطلاق النار")."""
    return any(c.start < m.end and m.start < c.end
               for c in index.within("cue", clause.start, clause.end, "ceasefire"))


def _since_a_date(clause: Clause, index: MentionIndex, tokens: TokenIndex,
                  dates: tuple[DateMention, ...]) -> bool:
    for cue in index.within("cue", clause.start, clause.end, "since"):
        if any(d.start >= cue.end and tokens.between(cue.end, d.start) <= 1 for d in dates):
            return True
    return False


def _counted(trigger: Mention, counts: tuple[CountMention, ...], tokens: TokenIndex) -> bool:
    """A number right before a noun trigger counts events ("78 هجوماً منذ أكتوبر")."""
    return any(c.end <= trigger.start and tokens.between(c.end, trigger.start) == 0 and c.value > 2
               for c in counts if trigger.start - c.end < 12)


def has_cue(index: MentionIndex, cue_id: str, start: int, end: int) -> bool:
    return bool(index.within("cue", start, end, cue_id))
