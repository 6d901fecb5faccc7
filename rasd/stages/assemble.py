"""Event assembly: from triggers in clauses to CODEBOOK events.

For each clause the strongest surviving trigger types the event (rank in
triggers.yml, weapons for remote violence, the target for attacks); its
arguments are found in the clause first, then its sentence, then the
article: actors (roles.py), place (geocode), date (dates), casualties.
Retellings of one event inside the article are merged (merge.py).
"""
from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass, field

from rasd.actors import ActorMention, actor_mentions, holder_of_site
from rasd.doc import Document, Mention, Sentence
from rasd.event import Event, Location
from rasd.lexicon.entries import Trigger
from rasd.lexicon.matcher import has_article
from rasd.text.normalize import normalize_form
from rasd.resources import Resources
from rasd.stages.casualties import Toll, toll
from rasd.stages.context import Clause, MentionIndex, TokenIndex, split_clauses
from rasd.stages.cues import block_reason, has_cue, in_ceasefire
from rasd.stages.dates import event_date
from rasd.stages.geocode import article_country, locate
from rasd.stages.roles import Roles, article_claimer, assign_roles

log = logging.getLogger("rasd.assemble")
# No news article tells this many events; past it a page is a list or an archive,
# and merging (quadratic in candidates) would only slow the batch down.
MAX_CANDIDATES = 200
TARGET_CIVILIAN = frozenset({"civilian"})
CROWD_KINDS = frozenset({"protester", "rioter"})
BASE_KINDS = frozenset({"base", "airbase"})


@dataclass
class Candidate:
    """An event being assembled; merge.py folds retellings together."""

    event_type: str
    sub: str
    alt: tuple[str, ...]
    trigger: Mention
    clause: Clause
    weapons: set[str]
    roles: Roles
    location: Location | None
    date: str | None
    date_precision: int | None
    toll: Toll
    evidence: list[tuple[int, int]] = field(default_factory=list)
    background: bool = False
    typed_by: str = "trigger"  # trigger | weapon | fallback: how sure the type is
    anaphoric: bool = False  # told with a definite noun ("الهجوم"): a retelling
    topic: int = 0  # how many "وفي سياق آخر" turns come before it: other topics, other events


@dataclass(frozen=True)
class ArticleContext:
    doc: Document
    res: Resources
    index: MentionIndex
    tokens: TokenIndex
    actors: tuple[ActorMention, ...]
    country: str | None
    claimer: ActorMention | None  # who the article says claimed the attack

    @classmethod
    def build(cls, doc: Document, res: Resources) -> "ArticleContext":
        actors = tuple(_people(a, doc) for a in actor_mentions(doc, res.actors))
        doc = dataclasses.replace(doc, mentions=_places_outside_actors(doc, actors))
        index, tokens = MentionIndex(doc.mentions), TokenIndex(doc)
        return cls(doc, res, index, tokens, actors, article_country(doc, res.gazetteer),
                   article_claimer(doc, actors, index, tokens))

    def actors_in(self, start: int, end: int) -> list[ActorMention]:
        return [a for a in self.actors if start <= a.start < end]


def _people(a: ActorMention, doc: Document) -> ActorMention:
    """A nationality in the masculine plural standing alone is people, not a
    state's forces ("أربعة فلسطينيين قتلوا", "شبانا سوريين")."""
    if a.via != "adjective" or a.strong:
        return a
    word = normalize_form(doc.text[a.start:a.end])
    if not word.endswith(("يين", "يون")):
        return a
    return dataclasses.replace(a, actor_id="gen.civilians", name="Civilians ({country})", inter=7,
                               kind="civilian", service=None)


def _places_outside_actors(doc: Document, actors: tuple[ActorMention, ...]) -> tuple[Mention, ...]:
    """A place named inside an actor's name is not where anything happened
    ("قوات سوريا الديمقراطية", "المقاومة الإسلامية في العراق")."""
    named = [a for a in actors if a.strong and a.via == "name"]
    return tuple(m for m in doc.mentions
                 if m.kind != "place" or not any(a.start <= m.start and m.end <= a.end for a in named))


def assemble_events(doc: Document, res: Resources) -> list[Event]:
    """Every event the article reports, merged within the article."""
    from rasd.stages.merge import merge_candidates
    from rasd.stages.finish import to_event

    ctx = ArticleContext.build(doc, res)
    candidates: list[Candidate] = []
    for clause in split_clauses(ctx.doc, ctx.index):
        candidates.extend(clause_events(ctx, clause))
        if len(candidates) >= MAX_CANDIDATES:
            log.warning("%s: more than %d event clauses; the rest of the text is not read "
                        "(a list or an archive page, not one article?)", doc.id, MAX_CANDIDATES)
            break
    merged = merge_candidates(candidates, res.events.taxonomy)
    homes = {t: _home_countries([c for c in merged if c.topic == t]) for t in {c.topic for c in merged}}
    return [to_event(ctx, c) for c in merged
            if _reportable(c) and not _vaguely_abroad(c, homes[c.topic])]


def _home_countries(cands: list[Candidate]) -> set[str]:
    """Where one story's events happen: the countries of its precisely placed events."""
    located = [c.location for c in cands if c.location is not None]
    return {loc.country for loc in located if (loc.precision or 3) < 3} or \
        {loc.country for loc in located if loc.admin1}


def _vaguely_abroad(c: Candidate, home: set[str]) -> bool:
    """An event placed only at a country or region, when the article places its
    other events in another country, is a passing mention ("في طريقهم إلى لبنان",
    "الحرب في قطاع غزة"), not the article's news."""
    loc = c.location
    return bool(home) and loc is not None and (loc.precision or 3) >= 3 and loc.country not in home


def _reportable(c: Candidate) -> bool:
    """Background is reported only when the text dates it to the day (CODEBOOK §1:
    "dated background"); undated recollections are context, not data."""
    return not c.background or (c.date is not None and c.date_precision == 1)


def clause_events(ctx: ArticleContext, clause: Clause) -> list[Candidate]:
    """The event a clause states, if any (one per clause)."""
    chosen = _best_trigger(ctx, clause)
    if chosen is None:
        return []
    mention, trig = chosen
    weapons = _weapons(ctx, clause)
    event_type, sub, alt, typed_by = _type(ctx, trig, weapons)
    roles = assign_roles(ctx.doc, mention, clause, ctx.actors_in(clause.start, clause.end),
                         ctx.index, ctx.tokens, owner_is_target=sub == "Disrupted weapons use",
                         mutual=sub == "Agreement")
    roles = _fill_roles(ctx, clause, roles)
    event_type, sub, alt, roles = _settle_type(ctx, clause, trig, (event_type, sub, alt, typed_by), roles)
    sent = clause.sentence
    location = _locate(ctx, clause)
    day, precision = event_date(ctx.doc, (clause.start, clause.end), (sent.start, sent.end))
    cand = Candidate(
        event_type, sub, alt, mention, clause, weapons, roles, location,
        day.isoformat() if day else None, precision,
        _toll(ctx, sent),
        evidence=[(sent.start, sent.end)],
        background=has_cue(ctx.index, "background", sent.start, mention.start),
        typed_by=typed_by,
        anaphoric=mention.attr("pos") == "noun" and has_article(mention.prefix),
        topic=len(ctx.index.within("cue", 0, mention.start, "new_topic")),
    )
    places = _coordinated_places(ctx, clause)
    if not places:
        return [cand]
    return [dataclasses.replace(cand, location=loc, weapons=set(weapons), evidence=list(cand.evidence))
            for loc in places]


def _toll(ctx: ArticleContext, sent: Sentence) -> Toll:
    """The sentence's toll; "no one was hurt" said in the next sentence, which tells no
    event of its own, is still about this one ("وأضافت أنه لم ترد أنباء عن وقوع إصابات")."""
    found = toll(ctx.doc, sent.start, sent.end, ctx.index, ctx.tokens, ctx.res.events)
    if found.fatalities is not None or found.injuries is not None:
        return found
    nxt = next((s for s in ctx.doc.sentences if s.start >= sent.end), None)
    if nxt is not None and has_cue(ctx.index, "no_casualty", nxt.start, nxt.end) \
            and not ctx.index.within("trigger", nxt.start, nxt.end):
        return Toll(0, 0, found.vague)
    return found


def _settle_type(ctx: ArticleContext, clause: Clause, trig: Trigger,
                 typing: tuple[str, str, tuple[str, ...], str], roles: Roles
                 ) -> tuple[str, str, tuple[str, ...], Roles]:
    """The final type once the sides are known, and the sides in ACLED's order."""
    event_type, sub, alt, typed_by = typing
    if sub == "clash_or_attack":
        event_type, sub = _attack_type(trig, roles)
    elif event_type == "Battles" and {a.kind for a in (roles.agent, roles.target) if a} & CROWD_KINDS:
        event_type, sub = "Riots", "Violent demonstration"  # security forces "clash" with protesters
    if event_type in ("Battles", "Explosions/Remote violence"):
        roles = _initiator_first(ctx, clause, roles, swap=event_type == "Battles")
    if typed_by == "fallback" and event_type in ("Battles", "Violence against civilians") \
            and (_hits_a_base(ctx, clause) or _hits_a_ship(roles)):
        # an attack on a base or a ship with no weapon named is, in this
        # region's wars, rockets, missiles or drones from afar: remote violence
        event_type, sub, alt = "Explosions/Remote violence", "Shelling/artillery/missile attack", \
            ("Air/drone strike",)
    return event_type, sub, alt, roles


def _fill_roles(ctx: ArticleContext, clause: Clause, roles: Roles) -> Roles:
    """Arabic drops a repeated subject ("…كما وجهت رشقات"): take the acting side
    of the sentence's earlier clause; a hit base's guests are the side hit."""
    agent, target = roles.agent, roles.target
    if agent is None and clause.start > clause.sentence.start:
        earlier = Clause(clause.sentence.start, clause.start, clause.sentence)
        chosen = _best_trigger(ctx, earlier)
        if chosen is not None:
            agent = assign_roles(ctx.doc, chosen[0], earlier, ctx.actors_in(earlier.start, earlier.end),
                                 ctx.index, ctx.tokens).agent
    if target is None:
        target = _civilian_victims(ctx, clause)
    if target is None:
        for place in ctx.index.within("place", clause.start, clause.end):
            target = holder_of_site(ctx.doc, (place.start, place.end), ctx.actors, ctx.res.actors)
            if target is not None and (agent is None or target.name != agent.name):
                break
            target = None
    return dataclasses.replace(roles, agent=agent, target=target)


def _initiator_first(ctx: ArticleContext, clause: Clause, roles: Roles, swap: bool = True) -> Roles:
    """ACLED puts the side that attacked first. "تصدت القوات لهجوم شنه التنظيم":
    forces that repel or foil an attack by an armed group are actor2; forces that foil an
    attack by no one named ("وتمكن الجيش من إفشاله") are not its actor1."""
    agent, target = roles.agent, roles.target
    if agent is None or agent.kind != "state":
        return roles
    if target is not None and target.kind not in ("group", "generic"):
        return roles
    repelled = any(ctx.res.events.triggers[t.entry_id].id in ("repel", "interception")
                   for t in ctx.index.within("trigger", clause.sentence.start, clause.sentence.end))
    foiled = bool(ctx.index.within("cue", clause.sentence.start, clause.sentence.end, "foiled"))
    if target is None:  # the defenders were not what the attack hit either
        return dataclasses.replace(roles, agent=None) if foiled else roles
    return dataclasses.replace(roles, agent=target, target=agent) if swap and (repelled or foiled) else roles


def _hits_a_base(ctx: ArticleContext, clause: Clause) -> bool:
    gaz = ctx.res.gazetteer
    return any(gaz.place(m.entry_id).kind in BASE_KINDS
               for m in ctx.index.within("place", clause.start, clause.end) if gaz.get(m.entry_id))


def _hits_a_ship(roles: Roles) -> bool:
    return roles.target is not None and roles.target.actor_id == "gen.shipping"


def _civilian_victims(ctx: ArticleContext, clause: Clause) -> ActorMention | None:
    """Civilians named among the dead or wounded of the sentence ("مقتل 3 مواطنين")."""
    sent = clause.sentence
    if not ctx.index.within("casualty", sent.start, sent.end):
        return None
    return next((a for a in ctx.actors_in(sent.start, sent.end) if a.kind == "civilian"), None)


def _best_trigger(ctx: ArticleContext, clause: Clause) -> tuple[Mention, Trigger] | None:
    best: tuple[Mention, Trigger] | None = None
    for m in ctx.index.within("trigger", clause.start, clause.end):
        if any(d.start <= m.start and m.end <= d.end for d in ctx.doc.dates):
            continue  # "فجر الجمعة" is dawn, not "detonated"
        trig = ctx.res.events.triggers[m.entry_id]
        if not _needs_met(ctx, trig, m, clause):
            continue
        if block_reason(m, clause, ctx.index, ctx.tokens, trig.event_type, ctx.doc.counts, ctx.doc.dates):
            continue
        if best is None or trig.rank > best[1].rank:
            best = (m, trig)
    return best


def _needs_met(ctx: ArticleContext, trig: Trigger, m: Mention, clause: Clause) -> bool:
    if not trig.needs:
        return True
    s, e = clause.start, clause.end
    checks = {
        "weapon": lambda: bool(ctx.index.within("weapon", s, e)),
        "casualty": lambda: bool(ctx.index.within("casualty", s, e)),
        "actor": lambda: any(a.kind != "person_role" and a.strong for a in ctx.actors_in(s, e)),
        "target": lambda: any(a.kind in ("civilian", "state") for a in ctx.actors_in(s, e)),
    }
    return any(checks[n]() for n in trig.needs)


def _weapons(ctx: ArticleContext, clause: Clause) -> set[str]:
    """The clause's weapons, else its sentence's ("…باستهداف مرافق" after "هاجمت المسيرات")."""
    found = ctx.index.within("weapon", clause.start, clause.end)  # weak forms count here
    if not found:
        found = [w for w in ctx.index.within("weapon", clause.sentence.start, clause.sentence.end)
                 if w.strong]
    return {w.entry_id for w in found if not in_ceasefire(w, clause, ctx.index)}


def _type(ctx: ArticleContext, trig: Trigger, weapons: set[str]) -> tuple[str, str, tuple[str, ...], str]:
    """(event_type, sub_event_type, alternatives, typed_by) from trigger and weapons."""
    tax = ctx.res.events.taxonomy
    remote = sorted({ctx.res.events.weapons[w].sub for w in weapons} - {None},
                    key=tax.remote_rank, reverse=True)
    if trig.sub != "by_weapon":
        return trig.event_type, trig.sub, (), "trigger"
    if remote:
        return "Explosions/Remote violence", remote[0], tuple(remote[1:2]), "weapon"
    if trig.fallback == "clash_or_attack":
        return "Battles", "clash_or_attack", (), "fallback"
    return tax.event_type_of(trig.fallback), trig.fallback, (), "fallback"


def _attack_type(trig: Trigger, roles: Roles) -> tuple[str, str]:
    """Attacks with no remote weapon: a riot when a crowd attacks, a protest with
    intervention when a force fires on a crowd; a fight when the
    side hit is armed; violence against civilians when it is civilian. With the
    side hit unknown, a killing (اغتيال، قتل) is taken as against civilians and an
    attack (هجوم) as against an armed side."""
    if roles.agent is not None and roles.agent.kind in CROWD_KINDS:
        return "Riots", "Violent demonstration"
    if roles.target is not None and roles.target.kind in CROWD_KINDS:
        return "Protests", "Protest with intervention"  # a force fired on a crowd
    target = roles.target.kind if roles.target is not None else None
    if target in TARGET_CIVILIAN or (target is None and trig.event_type == "Violence against civilians"):
        return "Violence against civilians", "Attack"
    return "Battles", "Armed clash"


def _locate(ctx: ArticleContext, clause: Clause) -> Location | None:
    """The clause's place, else its sentence's, else the article's country (precision 3)."""
    gaz = ctx.res.gazetteer
    loc = locate(ctx.doc, (clause.start, clause.end), gaz, ctx.country)
    if loc is None or (loc.precision or 3) >= 3:
        sent = clause.sentence
        wider = locate(ctx.doc, (sent.start, sent.end), gaz, ctx.country)
        if wider is not None and (loc is None or (wider.precision or 3) < (loc.precision or 3)):
            return wider
    if loc is None and ctx.country and (place := gaz.country_place(ctx.country)) is not None:
        return Location(name=place.name, text=None, admin1=None, admin2=None, country=place.country,
                        lat=place.lat, lon=place.lon, precision=3)
    return loc


def _coordinated_places(ctx: ArticleContext, clause: Clause) -> list[Location]:
    """Places joined by و in one clause ("مدينتي رفح والشيخ زويد"): one event each."""
    places = ctx.index.within("place", clause.start, clause.end)
    groups: list[list[Mention]] = []
    for m in places:
        last = groups[-1][-1] if groups else None
        joined = (last is not None and m.prefix.startswith("و") and m.start >= last.end
                  and ctx.tokens.between(last.end, m.start - len(m.prefix)) == 0)
        if joined:
            groups[-1].append(m)
        else:
            groups.append([m])
    chain = max(groups, key=len, default=[])
    if len(chain) < 2:
        return []
    bounds = [m.start for m in chain] + [clause.end]
    found: dict[str, Location] = {}
    for (a, b) in zip(bounds, bounds[1:]):
        loc = locate(ctx.doc, (max(clause.start, a - 1), b), ctx.res.gazetteer, ctx.country)
        if loc is not None and (loc.precision or 3) < 3 and loc.name:
            found.setdefault(loc.name, loc)
    return list(found.values()) if len(found) >= 2 else []
