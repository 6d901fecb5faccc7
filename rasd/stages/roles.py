"""Who acted and who was hit: actor1 and actor2 around a trigger (CODEBOOK §4).

Arabic news puts the verb first ("استهدفت الفصائل القاعدة"), so the actor
right after a verb is its subject; the actor right after a noun trigger is its
object ("استهداف القوات الأمريكية"). Markers override position: "من قبل",
"برصاص", "التابعة ل" mark the one who acted; "على", "ضد", "بحق", "لـ" the
one who was hit; a passive cue (تعرضت) turns the first actor into the target.
"""
from __future__ import annotations

from dataclasses import dataclass

from rasd.actors import ActorMention
from rasd.doc import Document, Mention
from rasd.stages.context import Clause, MentionIndex, TokenIndex

# Kinds that are never the acting side of violence, and kinds that always are.
TARGET_KINDS = frozenset({"civilian"})
AGENT_KINDS = frozenset({"protester", "rioter"})
# A claim cue names its claimer within this many words.
CLAIM_REACH = 4
STRONG_CLAIM_FORMS = ("تبن", "مسؤولي")
# "أنها قتلت", "إنها نفذت هجوما": at most this many words between "that it" and the act
SELF_REPORT_REACH = 1
SOURCE_REACH = 2  # words between "بحسب" and the side it names ("بحسب ما أعلن الجيش")
IMPERSONAL_REACH = 8  # characters after "أنه" where "تم" leaves the act without a doer
VICTIMS_REACH = 12  # characters after a killing verb where its victims' number may start


@dataclass(frozen=True, slots=True)
class Roles:
    agent: ActorMention | None
    target: ActorMention | None
    claimed: bool = False


def assign_roles(doc: Document, trigger: Mention, clause: Clause, actors: list[ActorMention],
                 index: MentionIndex, tokens: TokenIndex, owner_is_target: bool = False,
                 mutual: bool = False) -> Roles:
    """actor1/actor2 for ``trigger`` among the actor mentions of its clause.

    ``owner_is_target``: for intercepted weapons the side that launched them
    ("أطلقه الحوثيون") is actor2, the side that intercepted them actor1.
    ``mutual``: both sides act alike (an agreement: "توصلت إسرائيل وحماس إلى اتفاق"),
    so two acting sides are actor1 and actor2 in the order the text names them.
    """
    cands = [a for a in actors if a.kind != "person_role" and not _overlaps(a, trigger)
             and not _is_source(a, index, tokens)]
    if not any(a.strong for a in cands):
        # a bare force noun ("قوات الأمن") is the subject when it stands before the verb
        cands = [a for a in cands if _adjacent(a, trigger, tokens) or _after_site(a, index, tokens)
                 or (a.kind == "state" and a.end <= trigger.start)]
    else:
        # a state named by its country is a party to an agreement wherever it stands
        cands = [a for a in cands
                 if a.strong or _adjacent(a, trigger, tokens) or _after_site(a, index, tokens)
                 or (mutual and a.kind == "state")]
    passive = bool(index.within("cue", clause.start, trigger.end + 1, "passive")) or \
        _counted_victims(doc, trigger, index, tokens)
    agents: list[ActorMention] = []
    targets: list[ActorMention] = []
    unmarked_seen = 0
    for a in sorted(cands, key=lambda a: (not a.strong, abs(a.start - trigger.start))):
        marked = _marked_role(doc, a, index, tokens)
        if owner_is_target and marked == "agent":
            marked = "target"
        role = marked or _position_role(a, trigger, index, tokens, passive and unmarked_seen == 0)
        unmarked_seen += 1
        (agents if role == "agent" else targets).append(a)
    speaker = _self_reporter(trigger, clause, cands, index, tokens)
    if speaker is not None:  # "أعلن الجيش أنه قتل مسلحين": the speaker did it, to those after
        after = [a for a in agents if a.start > speaker.end]
        agents = [speaker] + [a for a in agents if a is not speaker and a not in after]
        targets = after + [t for t in targets if t is not speaker]
    agent = agents[0] if agents else None
    # a bare country name ("كهرباء السودان") is not a side that was hit
    target = next((t for t in targets if t.via != "country" and (agent is None or t.name != agent.name)), None)
    if mutual:  # the parties are the subjects; whoever follows the act is a bystander
        parties: dict[str, ActorMention] = {}
        for a in agents:  # nearest first: the first mention of each name
            parties.setdefault(a.name, a)
        if len(parties) >= 2:
            agent, target = sorted(list(parties.values())[:2], key=lambda a: a.start)
    claim = claimer(doc, clause.start, clause.end, actors, index, tokens)
    if claim is not None and (agent is None or agent.kind == "generic"):
        return Roles(claim, target if target is None or target.name != claim.name else None, True)
    return Roles(agent, target, claim is not None and agent is not None and claim.name == agent.name)


def claimer(doc: Document, start: int, end: int, actors: list[ActorMention], index: MentionIndex,
            tokens: TokenIndex) -> ActorMention | None:
    """The non-state group a claim of responsibility in [start, end) names."""
    for cue in index.within("cue", start, end, "claim"):
        if not any(s in cue.form for s in STRONG_CLAIM_FORMS):
            continue
        for a in actors:
            near = abs(tokens.between(min(cue.end, a.end), max(cue.start, a.start)))
            if a.kind == "group" and start <= a.start < end and near <= CLAIM_REACH:
                return a
    return None


def article_claimer(doc: Document, actors: tuple[ActorMention, ...], index: MentionIndex,
                    tokens: TokenIndex) -> ActorMention | None:
    """A group the article says claimed "the attack" (a definite reference to the story's event)."""
    for cue in index.within("cue", 0, len(doc.text), "claim"):
        if not any(s in cue.form for s in STRONG_CLAIM_FORMS):
            continue
        window_end = min(len(doc.text), cue.end + 80)
        refers = [t for t in index.within("trigger", cue.end, window_end)
                  if t.attr("pos") == "noun" and "ال" in t.prefix and tokens.between(cue.end, t.start) <= 5]
        if not refers:
            continue
        found = claimer(doc, max(0, cue.start - 80), window_end, list(actors), index, tokens)
        if found is not None:
            return found
    return None


def _self_reporter(trigger: Mention, clause: Clause, cands: list[ActorMention], index: MentionIndex,
                   tokens: TokenIndex) -> ActorMention | None:
    """The armed side that says "that it" right before the act ("قالت الجماعة إنها نفذت
    هجوما", "أعلن الجيش أنه قتل ثلاثة مسلحين في اشتباك"), unless the verb is passive
    ("أنه تم استهداف")."""
    cues = index.within("cue", clause.start, trigger.start, "self_report")
    if not cues:  # the usual case: nothing to look for
        return None
    acts = index.within("trigger", clause.start, trigger.end) + index.within("casualty", clause.start, trigger.end)
    cue = next((c for c in cues
                if any(m.start >= c.end and tokens.between(c.end, m.start) <= SELF_REPORT_REACH
                       for m in acts)), None)
    if cue is None or index.within("cue", cue.end, cue.end + IMPERSONAL_REACH, "impersonal"):
        return None
    if any(f.start <= trigger.end for f in index.within("cue", cue.end, clause.end, "foiled")):
        return None  # "أعلن الجيش أنه تصدى لمحاولة تسلل": the speaker defended
    speakers = [a for a in cands if a.end <= cue.start and a.kind in ("state", "group")]
    return speakers[-1] if speakers else None


def _is_source(a: ActorMention, index: MentionIndex, tokens: TokenIndex) -> bool:
    """"وفقا لبيان لجهاز مكافحة الإرهاب", "بحسب ما أعلن الجيش": the side that reports it."""
    return any(tokens.between(c.end, a.start) <= SOURCE_REACH
               for c in index.within("cue", max(0, a.start - 40), a.start, "source"))


def _overlaps(a: ActorMention, m: Mention) -> bool:
    return a.start < m.end and m.start < a.end


def _adjacent(a: ActorMention, trigger: Mention, tokens: TokenIndex) -> bool:
    if a.start >= trigger.end:
        return tokens.between(trigger.end, a.start) <= 2
    return tokens.between(a.end, trigger.start) <= 1


def _marked_role(doc: Document, a: ActorMention, index: MentionIndex, tokens: TokenIndex) -> str | None:
    """The role words around ``a`` give it; then its kind (civilians are hit,
    crowds act unless a marker says they were fired on: "على المتظاهرين")."""
    if a.via == "adjective" and _follows_weapon_or_trigger(a, index, tokens):
        return "agent"  # "غارة إسرائيلية", "طائرة مسيرة تركية": whose weapon it was
    if _after_site(a, index, tokens):
        return "target"  # "قاعدة عسكرية أمريكية": whose post was hit
    marked = _marker_before(doc, a, index, tokens)
    if a.kind in TARGET_KINDS:
        return "target"
    if a.kind in AGENT_KINDS:
        return "target" if marked == "target" else "agent"
    return marked


def _marker_before(doc: Document, a: ActorMention, index: MentionIndex, tokens: TokenIndex) -> str | None:
    lookback = max(0, a.start - 40)
    for cue in reversed(index.within("cue", lookback, a.start)):
        if tokens.between(cue.end, a.start) > 1:
            break
        if cue.entry_id in ("agent_marker", "pair_marker"):
            return "agent"
        if cue.entry_id == "target_marker":
            return "target"
    prefix = _word_prefix(doc, a.start)
    if prefix.lstrip("وف").startswith("ل"):
        return "target"
    return None


def _counted_victims(doc: Document, trigger: Mention, index: MentionIndex, tokens: TokenIndex) -> bool:
    """"قتل 14 جنديا", "قتل وأصيب عدد من الجنود": a killing verb followed by a number (or
    by an injury verb and a number) is the passive (قُتل)."""
    if trigger.attr("pos") != "verb" or trigger.entry_id != "killing":
        return False
    for c in doc.counts:
        if not 0 <= c.start - trigger.end <= VICTIMS_REACH:
            continue
        gap = tokens.between(trigger.end, c.start)
        if gap == 0 or (gap == 1 and index.within("casualty", trigger.end, c.start)):
            return True
    return False


def _after_site(a: ActorMention, index: MentionIndex, tokens: TokenIndex) -> bool:
    """A nationality right after a post, base or vehicle noun."""
    if a.via != "adjective":
        return False
    sites = index.within("cue", max(0, a.start - 30), a.start, "site_noun")
    return any(tokens.between(s.end, a.start) == 0 for s in sites)


def _follows_weapon_or_trigger(a: ActorMention, index: MentionIndex, tokens: TokenIndex) -> bool:
    lookback = max(0, a.start - 40)
    before = index.within("weapon", lookback, a.start) + index.within("trigger", lookback, a.start)
    return any(tokens.between(m.end, a.start) == 0 for m in before)


def _position_role(a: ActorMention, trigger: Mention, index: MentionIndex, tokens: TokenIndex,
                   passive_first: bool) -> str:
    if passive_first:
        return "target"
    if a.end <= trigger.start:
        return "agent"
    gap = tokens.between(trigger.end, a.start)
    if trigger.attr("pos") == "noun":
        # "هجوم الفصائل على القاعدة": a subject genitive is followed by a target marker
        marker_after = any(c.entry_id == "target_marker" and tokens.between(a.end, c.start) <= 2
                           for c in index.within("cue", a.end, a.end + 40))
        return "agent" if gap <= 2 and marker_after else "target"
    return "agent" if gap <= 4 else "target"


def _word_prefix(doc: Document, start: int) -> str:
    """Letters of the same word before ``start`` (a clitic such as ل or وال)."""
    i = start
    while i > 0 and doc.text[i - 1].isalpha() and start - i < 5:
        i -= 1
    return doc.text[i:start]
