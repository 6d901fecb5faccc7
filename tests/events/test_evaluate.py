"""The scorer follows CODEBOOK §6."""
from rasd.evaluate import evaluate, field_checks, matches, place_agrees


def _event(**kw):
    base = {"event_type": "Battles", "sub_event_type": "Armed clash", "date": "2024-01-10",
            "actor1": {"name": "Islamic State", "text": "داعش"}, "actor2": None,
            "location": {"name": "Mosul", "country": "IQ", "admin1": "Ninewa", "lat": 36.34,
                         "lon": 43.13, "precision": 1}, "fatalities": 2}
    base.update(kw)
    return base


def _gold(**kw):
    g = _event(**kw)
    g["location"] = {**g["location"], "names": ["Mosul", "Al Mawsil"], "admin1_names": ["Nineveh"]}
    g["actor1"] = {**g["actor1"], "names": ["Islamic State", "ISIS"]}
    g.setdefault("optional", False)
    return g


def test_place_agrees_by_name_distance_or_admin1():
    gold = _gold()["location"]
    assert place_agrees({"name": "al-mawsil", "country": "IQ"}, gold)
    assert place_agrees({"name": "x", "country": "IQ", "lat": 36.40, "lon": 43.20}, gold)
    assert not place_agrees({"name": "x", "country": "IQ", "lat": 35.0, "lon": 43.2}, gold)
    assert not place_agrees({"name": "Mosul", "country": "SY"}, gold)
    coarse = {**gold, "precision": 3, "name": "Ninewa"}
    assert place_agrees({"name": "y", "country": "IQ", "admin1": "Nineveh"}, coarse)


def test_dates_within_one_day_and_null_gold_date_skipped():
    assert matches(_event(date="2024-01-11"), _gold())
    assert not matches(_event(date="2024-01-12"), _gold())
    assert matches(_event(date=None), _gold(date=None))
    assert not matches(_event(event_type="Riots"), _gold())


def test_counts_tp_fp_fn_and_optional_is_neutral():
    gold = [{"id": "a", "text": "", "events": [_gold(), _gold(date="2023-05-01", optional=True)]},
            {"id": "b", "text": "", "events": [_gold()]}]
    system = [{"id": "a", "events": [_event(), _event(date="2023-05-01"), _event(date="2020-01-01")]},
              {"id": "b", "events": []}]
    s = evaluate(gold, system).summary()
    assert (s["events_tp"], s["events_fp"], s["events_fn"]) == (1, 1, 1)
    assert s["precision"] == 0.5 and s["recall"] == 0.5


def test_field_checks_accept_alternatives_and_text_overlap():
    g = _gold(sub_event_type="Air/drone strike", sub_event_type_alt=["Shelling/artillery/missile attack"])
    s = _event(sub_event_type="Shelling/artillery/missile attack",
               actor1={"name": "IS", "text": "تنظيم داعش"})
    checks = field_checks(s, g)
    assert checks["sub_event_type"] and checks["actor1"]
    assert checks["actor2"]  # both null
    assert not field_checks(_event(fatalities=None), g)["fatalities"]
