"""Integrity of rasd/data/actors: schema, unique ids and forms, codes, coverage."""
from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from rasd.actors import ActorDictionary
from rasd.actors.data import ACTOR_DIR, actor_files, form_key
from rasd.actors.model import GENERIC_KINDS
from rasd.errors import DataFileError

# Countries whose state forces the dictionary must cover (military, police, government).
REQUIRED_STATES = ("IQ SY YE LB PS IL JO EG LY SD SS SO SA KW BH QA AE OM TN DZ MA MR DJ KM "
                   "IR TR ML NE TD ER ET US GB FR RU").split()


def test_at_least_500_entries(actors: ActorDictionary) -> None:
    assert len(actors) >= 500


def test_ids_unique(actors: ActorDictionary) -> None:
    dupes = [i for i, n in Counter(e.id for e in actors.entries).items() if n > 1]
    assert dupes == []


def test_no_strong_form_claimed_by_two_actors(actors: ActorDictionary) -> None:
    owner: dict[str, str] = {}
    clashes = []
    for e in actors.entries:
        for form in e.ar:
            key = form_key(form)
            if owner.setdefault(key, e.id) != e.id:
                clashes.append((form, owner[key], e.id))
    assert clashes == []


def test_codes_and_forms(actors: ActorDictionary) -> None:
    bad = [e.id for e in actors.entries
           if not 1 <= e.inter <= 8 or (e.country and e.country not in actors.iso2)
           or not (e.ar or e.ar_weak)]
    assert bad == []


def test_role_inters_and_parents_valid(actors: ActorDictionary) -> None:
    ids = {e.id for e in actors.entries}
    assert all(e.parent in ids for e in actors.entries if e.parent)
    assert all(r.inter is None or 1 <= r.inter <= 8 for e in actors.entries for r in e.roles)


def test_generic_names_have_country_slot(actors: ActorDictionary) -> None:
    generic = [e for e in actors.entries if e.kind in GENERIC_KINDS]
    assert generic and all("{country}" in e.name or e.name.endswith("(International)") for e in generic)


@pytest.mark.parametrize("cc", REQUIRED_STATES)
def test_state_forces_covered(actors: ActorDictionary, cc: str) -> None:
    for service in ("military", "police", "government"):
        entry = actors.state_force(cc, service)
        assert entry is not None and entry.country == cc and entry.inter == 1
        assert entry.service == service or cc == "PS"  # PS: police only


def test_country_table_codes_valid(actors: ActorDictionary) -> None:
    assert all(code in actors.iso2 for code in actors.countries)
    assert actors.country_name("PS") == "Palestine"
    assert actors.country_name("US") == "United States"


def test_every_file_has_header_comment() -> None:
    for path in actor_files():
        assert path.read_text(encoding="utf-8").startswith("#"), path.name


def test_name_has_no_year_suffix(actors: ActorDictionary) -> None:
    import re
    assert [e.id for e in actors.entries if re.search(r"\(\d{4}-", e.name)] == []


def _copy_tables(tmp_path: Path) -> Path:
    for name in ("countries.yml", "parts.yml"):
        shutil.copy(ACTOR_DIR / name, tmp_path / name)
    return tmp_path


def test_problems_are_listed_with_file_line_id(tmp_path: Path) -> None:
    d = _copy_tables(tmp_path)
    (d / "xx.yml").write_text(
        "# test\nentries:\n"
        "  - {id: xx.a, name: A, inter: 9, country: QQ, ar: [جماعة الاختبار]}\n"
        "  - {id: xx.b, name: B, inter: 2, ar: [جماعة الاختبار]}\n"
        "  - {id: xx.a, name: C, inter: 2, ar: []}\n", encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        ActorDictionary.load(d)
    text = "\n".join(err.value.problems)
    assert "xx.yml:3:xx.a: inter must be 1..8" in text
    assert "xx.yml:3:xx.a: country 'QQ' is not ISO-2" in text
    assert "xx.yml:4:xx.b: strong form" in text
    assert "xx.yml:5:xx.a: no Arabic form" in text
    assert "xx.yml:5:xx.a: id also at" in text


def test_role_dates_must_parse(tmp_path: Path) -> None:
    d = _copy_tables(tmp_path)
    (d / "xx.yml").write_text(
        "entries:\n  - {id: xx.r, name: R, inter: 2, ar: [قوات الاختبار], "
        "roles: [{until: not-a-date, inter: 1}]}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="xx.yml:2:xx.r: bad role"):
        ActorDictionary.load(d)
