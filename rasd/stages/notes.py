"""English notes in ACLED's style, written from the event's fields (never translated text).

"On 20 October 2023, Islamic Resistance in Iraq fired rockets and drones at
Ain al-Asad airbase (Al Anbar) targeting Military Forces of the United States.
No casualties."
"""
from __future__ import annotations

import datetime as dt

from rasd.event import Event

# What actor1 did, by sub-event type; {target} is " at/on …" when known.
VERBS = {
    "Air/drone strike": "carried out an air/drone strike",
    "Shelling/artillery/missile attack": "shelled",
    "Remote explosive/landmine/IED": "attacked with an explosive device",
    "Suicide bomb": "carried out a suicide bombing",
    "Grenade": "threw a grenade",
    "Chemical weapon": "used a chemical weapon",
    "Armed clash": "clashed with",
    "Government regains territory": "regained territory from",
    "Non-state actor overtakes territory": "took territory from",
    "Attack": "attacked",
    "Abduction/forced disappearance": "abducted",
    "Sexual violence": "committed sexual violence against",
    "Arrests": "arrested",
    "Disrupted weapons use": "intercepted or seized weapons of",
    "Agreement": "reached an agreement with",
    "Looting/property destruction": "looted or destroyed property of",
    "Peaceful protest": "protested",
    "Protest with intervention": "protested and were dispersed by",
    "Excessive force against protesters": "were met with force by",
    "Violent demonstration": "rioted and clashed with",
    "Mob violence": "attacked",
    "Other": "carried out an operation against",
}
WEAPON_WORDS = {
    "rocket": "rockets", "missile": "missiles", "ballistic_missile": "ballistic missiles",
    "mortar": "mortars", "artillery": "artillery", "drone": "drones", "aircraft": "aircraft",
    "ied": "an IED", "car_bomb": "a car bomb", "suicide_vest": "a suicide vest",
    "grenade": "a grenade", "landmine": "a landmine", "firearm": "firearms", "sniper": "sniper fire",
    "bladed": "a bladed weapon", "arson": "arson", "tear_gas": "tear gas", "explosive": "explosives",
}
# Sub-types whose verb already names the other side (clashed with X), not "targeting X".
DIRECT_OBJECT = frozenset({"Armed clash", "Attack", "Abduction/forced disappearance", "Arrests",
                           "Agreement", "Government regains territory", "Disrupted weapons use",
                           "Non-state actor overtakes territory", "Looting/property destruction",
                           "Protest with intervention", "Violent demonstration", "Mob violence",
                           "Excessive force against protesters", "Sexual violence", "Other"})


def write_note(e: Event) -> str:
    """One English sentence, plus the casualty figure, for an event."""
    who = e.actor1.name if e.actor1 else "An unidentified actor"
    verb = VERBS.get(e.sub_event_type, "was involved in an event with")
    other = e.actor2.name if e.actor2 else None
    if other and e.sub_event_type in DIRECT_OBJECT:
        verb = f"{verb} {other}"
    elif e.sub_event_type in DIRECT_OBJECT and verb.endswith((" with", " of", " by", " against", " from")):
        verb = verb.rsplit(" ", 1)[0]
    sentence = f"{_when(e)}{who} {verb}{_weapons(e)}{_where(e)}"
    if other and e.sub_event_type not in DIRECT_OBJECT:
        sentence += f", targeting {other}"
    return f"{sentence}.{_toll(e)}"


def _when(e: Event) -> str:
    if not e.date:
        return ""
    d = dt.date.fromisoformat(e.date)
    if e.date_precision == 3:
        return f"In {d.strftime('%B %Y')}, "
    if e.date_precision == 2:
        return f"Around {d.day} {d.strftime('%B %Y')}, "
    return f"On {d.day} {d.strftime('%B %Y')}, "


def _weapons(e: Event) -> str:
    words = [WEAPON_WORDS[w] for w in e.weapons if w in WEAPON_WORDS]
    if not words:
        return ""
    return " using " + (words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1])


def _where(e: Event) -> str:
    loc = e.location
    if loc is None or not loc.name:
        return ""
    admin = f" ({loc.admin1})" if loc.admin1 and loc.admin1 != loc.name else ""
    prep = "near" if loc.precision == 2 else "in"
    return f" {prep} {loc.name}{admin}"


def _toll(e: Event) -> str:
    if e.fatalities is None and e.injuries is None:
        return ""
    if not e.fatalities and not e.injuries:
        return " No casualties."
    parts = []
    if e.fatalities:
        parts.append(f"{e.fatalities} killed")
    if e.injuries:
        parts.append(f"{e.injuries} injured")
    return " " + ", ".join(parts).capitalize() + "."
