"""Integrity of triggers.yml, weapons.yml, cues.yml and casualties.yml."""
from collections import defaultdict
from pathlib import Path

import pytest

from rasd.errors import DataFileError
from rasd.lexicon.entries import CUE_CLASSES, EventLexicon
from rasd.lexicon.load import DATA_DIR
from rasd.taxonomy import WEAPON_CODES
from rasd.text.normalize import normalize_form


@pytest.fixture(scope="module")
def lex():
    return EventLexicon.load()


def test_every_weapon_code_has_forms(lex):
    assert set(lex.weapons) == set(WEAPON_CODES)


def test_trigger_types_are_in_taxonomy(lex):
    for t in lex.triggers.values():
        assert t.event_type in lex.taxonomy.event_types
        if t.sub != "by_weapon":
            assert t.sub in lex.taxonomy.event_types[t.event_type]
        else:
            assert t.fallback == "clash_or_attack" or t.fallback in lex.taxonomy.event_types[t.event_type]


def test_weak_triggers_say_what_they_need(lex):
    for t in lex.triggers.values():
        if not t.strong:
            assert t.needs, t.id


def test_no_form_twice_within_one_kind(lex):
    seen = defaultdict(set)
    for e in lex.entries:
        key = (e.kind, normalize_form(e.form))
        seen[key].add(e.entry_id)
    clashes = {k: v for k, v in seen.items() if len(v) > 1 and k[0] == "trigger"}
    assert not clashes, clashes


def test_loader_reports_file_line_and_id(tmp_path: Path):
    for name in ("taxonomy.yml", "weapons.yml", "cues.yml", "casualties.yml"):
        (tmp_path / name).write_text((DATA_DIR / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "triggers.yml").write_text(
        "entries:\n  - id: ok\n    type: Battles\n    sub: Armed clash\n    verbs: [اشتبك]\n"
        "  - id: bad\n    type: Battles\n    sub: Grenade\n    verbs: [ضرب]\n", encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        EventLexicon.load(tmp_path)
    assert "triggers.yml:6:bad" in str(err.value)


def test_cue_classes_are_known(lex):
    ids = {e.entry_id for e in lex.entries if e.kind == "cue"}
    assert ids <= CUE_CLASSES
    assert {"negation", "threat", "future", "no_casualty", "claim"} <= ids
