"""Article fingerprints, near-duplicates and the event merge rule (pure functions)."""
from __future__ import annotations

import itertools
from dataclasses import replace

import pytest

from rasd.dedup import (Member, bands, cluster, compatible, fingerprint, jaccard, merge_event,
                        minhash, shingles)
from rasd.event import Actor, Event, Location

TEXT = ("قال مصدر في الشرطة إن مسلحين مجهولين أطلقوا النار على سيارة مدنية عند مدخل مدينة "
        "بعقوبة مساء أمس، ما أدى إلى إصابة سائقها بجروح، ونُقل إلى المستشفى لتلقي العلاج.")


@pytest.mark.parametrize("variant", [
    TEXT.replace("إ", "ا").replace("ُ", ""),  # hamza forms and harakat
    "  " + TEXT.replace(" ", "   ") + "\n",  # spacing
    TEXT.replace("،", ","),  # punctuation
])
def test_fingerprint_ignores_form(variant: str) -> None:
    assert fingerprint(variant) == fingerprint(TEXT)


def test_fingerprint_sees_a_changed_word() -> None:
    assert fingerprint(TEXT.replace("بعقوبة", "الخالص")) != fingerprint(TEXT)


def test_minhash_is_deterministic_and_bands_find_copies() -> None:
    copy = "ديالى - " + TEXT
    a, b = minhash(shingles(TEXT)), minhash(shingles(copy))
    assert a == minhash(shingles(TEXT))
    assert set(bands(a)) & set(bands(b))
    assert jaccard(shingles(TEXT), shingles(copy)) >= 0.8
    other = "أعلنت وزارة الصحة افتتاح مستشفى جديد في مدينة الكوت يضم مئتي سرير وأقساماً للطوارئ."
    assert jaccard(shingles(TEXT), shingles(other)) < 0.1


AIN = Location("Ain al-Asad Airbase", None, "Al Anbar", None, "IQ", 33.7856, 42.4412, 1)
NEAR = Location("Ain al-Asad gate", None, "Al Anbar", None, "IQ", 33.80, 42.46, 2)  # ~2.5 km
FAR = Location("Al Baghdadi", None, "Al Anbar", None, "IQ", 33.867, 42.533, 1)  # ~13 km
GOV = Location("Al Anbar", None, "Al Anbar", None, "IQ", None, None, 3)
IRI = Actor("Islamic Resistance in Iraq", None, 3, "IQ")
UNK = Actor("Unidentified Armed Group (Iraq)", None, 3, "IQ")
KH = Actor("Kataib Hezbollah", None, 3, "IQ")
BASE = Event("Explosions/Remote violence", "Air/drone strike", "2024-01-11", 1, IRI,
             location=AIN, fatalities=None)


def _m(article: str, **changes: object) -> Member:
    return Member(f"{article}#0", article, "2024-01-11", replace(BASE, **changes))


@pytest.mark.parametrize("changes, merges, reason", [
    ({}, True, "same place (Ain al-Asad Airbase)"),
    ({"date": "2024-01-12"}, True, "dates 1 day apart"),
    ({"date": "2024-01-13"}, False, None),
    ({"date": None}, False, None),
    ({"location": NEAR}, True, "km apart"),
    ({"location": FAR}, False, None),
    ({"location": GOV}, False, None),
    ({"location": replace(AIN, lat=None, lon=None)}, True, "same place"),
    ({"location": replace(AIN, country="SY")}, False, None),
    ({"actor1": UNK}, True, "unidentified"),
    ({"actor1": None}, True, "unidentified"),
    ({"actor1": KH}, False, None),
    ({"event_type": "Battles", "sub_event_type": "Armed clash"}, False, None),
    ({"sub_event_type": "Shelling/artillery/missile attack"}, True, "same type"),
])
def test_merge_rule(changes: dict[str, object], merges: bool, reason: str | None) -> None:
    why = compatible(_m("a"), _m("b", **changes))
    assert (why is not None) == merges
    if reason:
        assert reason in why  # type: ignore[operator]
    assert (compatible(_m("b", **changes), _m("a")) is None) == (why is None)  # symmetric


def test_reports_of_one_article_never_merge() -> None:
    assert compatible(_m("a"), Member("a#1", "a", "2024-01-11", BASE)) is None


@pytest.mark.parametrize("a, b, merges", [
    ({"fatalities": 2}, {"fatalities": 2}, True),
    ({"fatalities": 2}, {"fatalities": 5}, False),  # two different attacks on one town
    ({"fatalities": None}, {"fatalities": None}, False),
    ({"fatalities": 2, "actor1": UNK}, {"fatalities": 2, "actor1": UNK}, False),
])
def test_undated_reports_need_full_agreement(a: dict[str, object], b: dict[str, object],
                                             merges: bool) -> None:
    ma, mb = _m("a", date=None, **a), _m("b", date=None, **b)
    assert (compatible(ma, mb) is not None) == merges


def test_cluster_is_the_same_in_every_order() -> None:
    ms = [_m("a"), _m("b", date="2024-01-12", actor1=UNK), _m("c", location=NEAR),
          _m("d", date="2024-01-13"), _m("e", actor1=KH)]
    ref = [[m.id for m, _ in cl] for cl in cluster(ms)]
    for perm in itertools.permutations(ms):
        assert [[m.id for m, _ in cl] for cl in cluster(perm)] == ref
    # a and d are two days apart: no chaining through b into one event
    assert not any({"a#0", "d#0"} <= set(ids) for ids in ref)


def test_cluster_honours_splits() -> None:
    ms = [_m("a"), _m("b")]
    assert len(cluster(ms)) == 1
    assert len(cluster(ms, {frozenset(("a#0", "b#0"))})) == 2


def test_merged_event_keeps_most_precise_and_lowest_toll() -> None:
    first = Member("a#0", "a", "2024-01-10", replace(BASE, location=GOV, actor1=UNK, fatalities=5,
                                                    date_precision=2, weapons=("rocket",)))
    second = Member("b#0", "b", "2024-01-11", replace(BASE, location=AIN, fatalities=3,
                                                     injuries=4, weapons=("drone",)))
    ev = merge_event([first, second])
    assert (ev.location, ev.actor1, ev.fatalities, ev.injuries) == (AIN, IRI, 3, 4)
    assert (ev.date_precision, ev.weapons) == (1, ("drone", "rocket"))
    assert merge_event([first]).fatalities == 5
