"""The shared lexicon matcher on a tiny fixture lexicon."""
from __future__ import annotations

import pytest

from rasd.lexicon.matcher import LexEntry, Matcher
from rasd.text.normalize import normalize

LEXICON = [
    LexEntry("weapon", "rocket", "صاروخ"),
    LexEntry("weapon", "rocket", "الصواريخ"),
    LexEntry("weapon", "drone", "طائرة مسيرة"),
    LexEntry("weapon", "drone", "مسيّرة", strong=False),
    LexEntry("place", "ain_al_asad", "عين الأسد"),
    LexEntry("place", "ain", "عين"),
    LexEntry("place", "dam", "سد"),
    LexEntry("place", "victoria", "فكتوريا"),
    LexEntry("place", "base", "قاعدة"),
    LexEntry("actor", "al_qaeda", "القاعدة", needs_article=True),
    LexEntry("actor", "houthis", "الحوثي", needs_article=True),
    LexEntry("actor", "forces", "القوات"),
    LexEntry("trigger", "attack", "هجوم", attrs=(("event", "attack"),)),
]
MATCHER = Matcher(LEXICON)


def _found(text: str, kinds: frozenset[str] | None = None) -> list[tuple[str, str, str]]:
    return [(text[m.start:m.end], m.entry_id, m.prefix)
            for m in MATCHER.find(normalize(text), kinds)]


@pytest.mark.parametrize("text, expected", [
    # clitics: conjunction, preposition, article, li + article
    ("قصف بالصواريخ", [("صواريخ", "rocket", "بال")]),
    ("والصواريخ", [("صواريخ", "rocket", "وال")]),
    ("وبالصواريخ", [("صواريخ", "rocket", "وبال")]),
    ("صواريخ", [("صواريخ", "rocket", "")]),
    ("فالصاروخ", [("صاروخ", "rocket", "فال")]),
    ("وللقوات", [("قوات", "forces", "ولل")]),
    ("لقاعدة", [("قاعدة", "base", "ل")]),
    # needs_article: القاعدة is the group, قاعدة a base
    ("تنظيم القاعدة", [("قاعدة", "base", "ال"), ("قاعدة", "al_qaeda", "ال")]),
    ("قاعدة جوية", [("قاعدة", "base", "")]),
    ("والحوثي", [("حوثي", "houthis", "وال")]),
    ("حوثي", []),
    # longest match: the multi-word place wins over its first word
    ("قاعدة عين الأسد", [("قاعدة", "base", ""), ("عين الأسد", "ain_al_asad", "")]),
    ("في عين", [("عين", "ain", "")]),
    ("طائرة مسيرة", [("طائرة مسيرة", "drone", "")]),
    ("بطائرة مسيرة", [("طائرة مسيرة", "drone", "ب")]),
    ("مسيرة", [("مسيرة", "drone", "")]),
    # word boundaries: no match inside unrelated words
    ("هاجم أسد", []),
    ("موظف معين", []),
    ("سدود", []),
    ("عينات", []),
    ("الهجومي", []),
    ("بسد الموصل", [("سد", "dam", "ب")]),
    # an attached pronoun may follow
    ("هجومها", [("هجوم", "attack", "")]),
    ("وهجومهم", [("هجوم", "attack", "و")]),
    # offsets into the original across harakat, tatweel, invisible marks, spaces
    ("ضُرِبَتْ قاعِدَةُ عَيْنِ الأَسَدِ", [("قاعِدَةُ", "base", ""), ("عَيْنِ الأَسَدِ", "ain_al_asad", "")]),
    ("بالـصـواريـخ", [("صـواريـخ", "rocket", "بال")]),
    ("عين\u200f   الأسد", [("عين\u200f   الأسد", "ain_al_asad", "")]),
    ("معسكر «فكتوريا»", [("فكتوريا", "victoria", "")]),
    # hamza and teh marbuta spellings of the form do not matter
    ("طائره مسيره", [("طائره مسيره", "drone", "")]),
])
def test_find(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _found(text) == expected


def test_kinds_filter_and_attrs() -> None:
    (m,) = MATCHER.find(normalize("شن هجوما وهجوم"), frozenset({"trigger"}))[-1:]
    assert (m.kind, m.attr("event"), m.strong) == ("trigger", "attack", True)
    assert MATCHER.find(normalize("صاروخ"), frozenset({"place"})) == []


def test_weak_forms_are_marked() -> None:
    (m,) = MATCHER.find(normalize("مسيرة"))
    assert m.strong is False


def test_empty_matcher_finds_nothing() -> None:
    assert Matcher([]).find(normalize("قصف بالصواريخ")) == []


def test_a_rejected_match_does_not_hide_an_overlapping_one() -> None:
    # بحر inside بحرب is not a word; it must not hide حرب (overlapping matches)
    m = Matcher([LexEntry("place", "sea", "بحر"), LexEntry("trigger", "war", "حرب")])
    assert [x.entry_id for x in m.find(normalize("تهديد بحرب شاملة"))] == ["war"]


# Defects once found in the matcher, kept as regression tests.


def test_teh_marbuta_is_not_a_pronoun_suffix() -> None:
    m = Matcher([LexEntry("place", "balad", "بلد")])
    assert m.find(normalize("في بلدة صغيرة")) == []


def test_accusative_alif_after_a_form() -> None:
    assert _found("أطلقوا صاروخاً") == [("صاروخ", "rocket", "")]
