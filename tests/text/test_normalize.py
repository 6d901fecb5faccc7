"""The shared normaliser: what it folds, and that spans map back to the original."""
from __future__ import annotations

import pytest

from rasd.text.normalize import normalize, normalize_form


@pytest.mark.parametrize("original, normalised", [
    # alef and hamza forms
    ("أحمد", "احمد"), ("إطلاق", "اطلاق"), ("آلاف", "الاف"), ("ٱلقوات", "القوات"),
    ("مؤتمر", "موتمر"), ("قائد", "قايد"), ("هيئة", "هييه"), ("شيء", "شيء"),
    # alef maqsura, Persian yeh and keheh, teh marbuta
    ("مستشفى", "مستشفي"), ("کرکوک", "كركوك"), ("ایران", "ايران"), ("قاعدة", "قاعده"),
    # harakat, shadda, sukun, superscript alef, tatweel
    ("قُتِلَ", "قتل"), ("مُسَيَّرَةٌ", "مسيره"), ("هٰذا", "هذا"), ("الـقـوات", "القوات"),
    ("جنديًا", "جنديا"),
    # digits
    ("٢٠٢٣", "2023"), ("۱۴۰۲", "1402"), ("١٢٫٥", "12.5"), ("١٬٢٠٠", "1,200"),
    # invisible marks
    ("مي\u200cسيرة", "ميسيره"), ("\u200fبغداد\u200e", "بغداد"), ("حلب\u061c", "حلب"),
    ("\ufeffدمشق", "دمشق"),
    # Arabic punctuation and quotes
    ("قتلى، جرحى؛ لماذا؟", "قتلي, جرحي; لماذا?"), ("٪", "%"),
    ("«المقاومة»", '"المقاومه"'), ("“هجوم”", '"هجوم"'), ("‹ب›", "'ب'"),
    ("–", "-"),
    # Latin is lowercased; white space runs (line breaks too) fold to one space
    ("AFP", "afp"), ("عين   الأسد", "عين الاسد"), ("عين\tالأسد", "عين الاسد"),
    ("عين\u00a0الأسد", "عين الاسد"), ("سطر\nسطر", "سطر سطر"), ("سطر\r\n\r\nسطر", "سطر سطر"),
])
def test_normalize(original: str, normalised: str) -> None:
    n = normalize(original)
    assert n.text == normalised
    assert n.original == original
    assert len(n.text) == (len(n.offsets) - 1 if n.offsets is not None else len(original))


@pytest.mark.parametrize("text, needle, expected", [
    # deletions before, inside and between words
    ("قَتَلَ الجُنودُ المُسَلَّحينَ", "المسلحين", "المُسَلَّحينَ"),  # marks on the last letter stay with it
    ("ضربت الـمـسـيـرة القاعدة", "المسيره", "الـمـسـيـرة"),
    ("\u200f\u200fعين   الأسد", "عين الاسد", "عين   الأسد"),
    ("قُتل جندي\u200c في الهجوم", "جندي", "جندي"),
    ("لا تغيير هنا", "تغيير", "تغيير"),
])
def test_span_maps_back(text: str, needle: str, expected: str) -> None:
    n = normalize(text)
    i = n.text.index(needle)
    start, end = n.span(i, i + len(needle))
    assert text[start:end] == expected
    assert n.to_normalized(start) == i


def test_to_original_covers_the_end() -> None:
    n = normalize("قُتِلَ")
    assert n.to_original(len(n.text)) == len("قُتِلَ")


@pytest.mark.parametrize("form, key", [
    ("  عين الأسد  ", "عين الاسد"), ("الحوثيّون", "الحوثيون"), ("حزب الله", "حزب الله"),
])
def test_normalize_form(form: str, key: str) -> None:
    assert normalize_form(form) == key


# Defects once found in the normaliser, kept as regression tests.

def test_span_takes_in_trailing_harakat() -> None:
    text = "سقط قتيلٌ"
    n = normalize(text)
    assert text[slice(*n.span(4, 8))] == "قتيلٌ"


@pytest.mark.parametrize("text", ["عين \u200f الأسد", "عين \u0640 الأسد"])
def test_spaces_around_a_deleted_mark_collapse(text: str) -> None:
    assert normalize(text).text == "عين الاسد"


@pytest.mark.parametrize("space", ["\u2002", "\u2003", "\u2007", "\u205f"])
def test_unicode_spaces_become_a_space(space: str) -> None:
    assert normalize(f"عين{space}الأسد").text == "عين الاسد"
