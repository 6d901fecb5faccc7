"""Integrity of the place data: generated gazetteer, curated places, countries, cues."""
from __future__ import annotations

from collections import defaultdict

import pytest

from rasd.geo import sources
from rasd.geo.cues import load_cues
from rasd.geo.gazetteer import Gazetteer, form_key

CURATED_MIN = 1500


@pytest.fixture(scope="module")
def raw() -> list[sources.RawPlace]:
    places, problems = sources.read_all()
    assert problems == []
    return places


def test_loader_reports_no_problem(raw):
    assert sources.validate(raw) == []


def test_gazetteer_loads():
    gaz = Gazetteer.load()
    assert len(gaz) > 5000


def test_ids_are_unique(raw):
    seen = defaultdict(list)
    for p in raw:
        seen[p.id].append(p.where)
    assert {k: v for k, v in seen.items() if len(v) > 1} == {}


def test_every_place_has_an_arabic_form(raw):
    assert [p.where for p in raw if not p.forms] == []


def test_points_inside_their_country(raw):
    boxes = {p.country: p.bbox for p in raw if p.kind == "country"}
    outside = [p.where for p in raw
               if not (boxes[p.country][0] <= p.lat <= boxes[p.country][2]
                       and boxes[p.country][1] <= p.lon <= boxes[p.country][3])]
    assert outside == []


def test_admin1_names_exist_for_the_country(raw):
    admin1 = {(p.country, p.name) for p in raw if p.kind == "admin1"}
    wrong = [p.where for p in raw
             if p.kind != "country" and p.admin1 and (p.country, p.admin1) not in admin1]
    assert wrong == []


def test_every_country_has_admin1_divisions(raw):
    countries = {p.country for p in raw if p.kind == "country"}
    with_admin1 = {p.country for p in raw if p.kind == "admin1"}
    assert countries - with_admin1 == set()


def test_enough_curated_places(raw):
    assert sum(p.source == "curated" and p.kind != "country" for p in raw) >= CURATED_MIN


def test_curated_same_form_same_country_not_two_points(raw):
    """Two curated places of one country sharing a form must be different kinds
    (a base and the town it is named after), never duplicates of one place."""
    by_key = defaultdict(list)
    for p in raw:
        if p.source == "curated":
            for f in p.forms:
                by_key[(p.country, form_key(f))].append(p)
    clashes = []
    for (cc, key), ps in by_key.items():
        ps = list({p.id: p for p in ps}.values())
        kinds = [p.kind for p in ps]
        if len(ps) > 1 and len(set(kinds)) < len(kinds):
            clashes.append((cc, key, [p.id for p in ps]))
    assert clashes == []


def test_curated_ids_carry_their_country(raw):
    bad = [p.where for p in raw if p.source == "curated" and p.kind != "country"
           and not p.id.startswith(p.country.lower() + ":")]
    assert bad == []


def test_cue_table_loads_with_kinds_known():
    kinds = sources.KINDS
    unknown = [(c.form, k) for c in load_cues() for k in c.kinds if k not in kinds]
    assert load_cues() and unknown == []


@pytest.mark.parametrize("cc,admin1", [
    ("IQ", "Al Anbar"), ("IQ", "Ninewa"), ("IQ", "Salah al-Din"), ("SY", "Dar'a"),
    ("SY", "Deir-ez-Zor"), ("SY", "Rural Damascus"), ("YE", "Al Hudaydah"), ("YE", "Taizz"),
    ("LB", "Nabatiyeh"), ("LB", "South"), ("PS", "Gaza Strip"), ("PS", "West Bank"),
    ("IL", "HaZafon"), ("SD", "North Darfur"), ("SO", "Banadir"), ("EG", "North Sinai"),
])
def test_acled_admin1_spellings(cc, admin1):
    gaz = Gazetteer.load()
    place = gaz.admin1_place(cc, admin1)
    assert place is not None and place.name == admin1 and place.country == cc


def test_weak_forms_are_not_strong():
    gaz = Gazetteer.load()
    strong = {form_key(e.form) for e in gaz.lex_entries() if e.strong}
    assert {"جمعه", "حكومه", "تحالف", "بلاد", "نصر"} & strong == set()


def test_cue_words_are_never_place_forms():
    gaz = Gazetteer.load()
    forms = {form_key(e.form) for e in gaz.lex_entries()}
    assert {"بلده", "مخيم", "معسكر", "قاعده", "مدينه"} & forms == set()
