"""Integrity of rasd/data/dates: complete, normalised, unambiguous, documented."""
from __future__ import annotations

import datetime as dt
import itertools
import shutil
from pathlib import Path

import pytest
import yaml

from rasd.dates.tables import DATES_DIR, TRADITIONS, DateTables
from rasd.doc import Document
from rasd.errors import DataFileError
from rasd.stages.dates import find_dates
from rasd.text.normalize import normalize_form

PUB = dt.date(2023, 10, 20)


@pytest.fixture(scope="module")
def tables() -> DateTables:
    return DateTables.load()


def _raw(name: str):
    return yaml.safe_load((DATES_DIR / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", sorted(DATES_DIR.glob("*.yml")), ids=lambda p: p.name)
def test_every_file_has_a_documenting_header(path: Path):
    head = path.read_text(encoding="utf-8").splitlines()[:3]
    assert head and all(line.startswith("#") for line in head)
    assert "field" in path.read_text(encoding="utf-8").lower()


@pytest.mark.parametrize("tradition", TRADITIONS)
def test_every_tradition_names_all_twelve_months(tradition):
    months = {e["month"] for e in _raw("gregorian_months.yml")["entries"] if e["traditions"].get(tradition)}
    assert months == set(range(1, 13))


def test_hijri_months_weekdays_and_ordinals_are_complete(tables):
    assert set(tables.hijri_months.values()) == set(range(1, 13))
    assert set(tables.weekdays.values()) == set(range(7))
    for entry in _raw("ordinals.yml")["entries"]:
        assert entry["masculine"] and entry["feminine"], entry["day"]
    assert sorted(e["day"] for e in _raw("ordinals.yml")["entries"]) == list(range(1, 32))


@pytest.mark.parametrize("form,month", [("مارس", 3), ("سبتمبر", 9), ("أكتوبر", 10), ("نوفمبر", 11),
                                        ("ماي", 5), ("فيفري", 2), ("جوان", 6), ("ديسمبر", 12)])
def test_forms_shared_by_traditions_keep_one_month(tables, form, month):
    traditions = [t for e in _raw("gregorian_months.yml")["entries"] for t, forms in e["traditions"].items()
                  if form in forms]
    assert len(traditions) >= 2
    assert tables.months[normalize_form(form)] == month


def test_keys_are_normalised(tables):
    for table in (tables.months, tables.hijri_months, tables.weekdays, tables.relative, tables.parts,
                  tables.ordinals, tables.modifiers, tables.positions, tables.units):
        for key in table:
            assert key == normalize_form(key)


def test_no_form_has_two_meanings_across_word_classes(tables):
    classes = {"month": tables.months, "hijri": tables.hijri_months, "weekday": tables.weekdays,
               "relative": tables.relative, "part": tables.parts, "ordinal": tables.ordinals,
               "modifier": tables.modifiers, "position": tables.positions, "unit": tables.units}
    for (a, ta), (b, tb) in itertools.combinations(classes.items(), 2):
        assert not set(ta) & set(tb), f"{a} and {b} share {set(ta) & set(tb)}"


def test_every_month_form_is_read_as_its_month(tables):
    for form, month in tables.months.items():
        text = f"قتل جندي في 9 {form} 2022"
        got = find_dates(Document.from_text(text, published=PUB), tables)
        assert [(d.date, d.precision) for d in got] == [(dt.date(2022, month, 9), 1)], form


def test_every_weekday_form_is_read(tables):
    for form, weekday in tables.weekdays.items():
        got = find_dates(Document.from_text(f"قصفت الطائرات البلدة يوم {form}", published=PUB), tables)
        assert len(got) == 1 and got[0].date.weekday() == weekday, form
        assert PUB - dt.timedelta(days=6) <= got[0].date <= PUB


def test_every_relative_form_is_read_with_its_offset(tables):
    for form, rel in tables.relative.items():
        text = f"قال المتحدث إن القصف {form} طال المنطقة"
        got = find_dates(Document.from_text(text, published=PUB), tables)
        assert len(got) == 1, form
        assert got[0].date == PUB + dt.timedelta(days=rel.offset), form
        assert got[0].future is rel.future, form


def test_every_ordinal_form_is_read(tables):
    for form, day in tables.ordinals.items():
        got = find_dates(Document.from_text(f"وقع الهجوم في {form} من أيار 2023", published=PUB), tables)
        assert [d.date for d in got] == [dt.date(2023, 5, day)], form


def test_every_hijri_month_form_is_read(tables):
    for form, month in tables.hijri_months.items():
        got = find_dates(Document.from_text(f"صدر القرار في 3 {form} 1445 هـ", published=PUB), tables)
        assert len(got) == 1 and got[0].kind == "hijri" and got[0].date is not None, form


def _copy_data(tmp_path: Path) -> Path:
    target = tmp_path / "dates"
    shutil.copytree(DATES_DIR, target)
    return target


def test_a_form_with_two_months_is_reported_with_file_and_line(tmp_path):
    d = _copy_data(tmp_path)
    path = d / "gregorian_months.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("levantine: [شباط]", "levantine: [شباط, آذار]"),
                    encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        DateTables.load(d)
    assert any("gregorian_months.yml:" in p and "آذار" in p for p in err.value.problems)


def test_a_missing_month_is_reported(tmp_path):
    d = _copy_data(tmp_path)
    path = d / "gregorian_months.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("      moroccan: [غشت]\n", ""), encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        DateTables.load(d)
    assert any("moroccan" in p and "[8]" in p for p in err.value.problems)


def test_bad_fields_are_all_reported_at_once(tmp_path):
    d = _copy_data(tmp_path)
    wd = d / "weekdays.yml"
    wd.write_text(wd.read_text(encoding="utf-8").replace("weekday: 6", "weekday: 9"), encoding="utf-8")
    rel = d / "relative_days.yml"
    rel.write_text(rel.read_text(encoding="utf-8").replace("offset: -2", "offset: yesterday"),
                   encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        DateTables.load(d)
    assert any(p.startswith("weekdays.yml:") or "weekdays.yml:" in p for p in err.value.problems)
    assert any("relative_days.yml:" in p and "offset" in p for p in err.value.problems)
