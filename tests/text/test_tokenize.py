"""Tokens: offsets into the original, normalised text, candidate clitic prefixes."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.text.normalize import normalize
from rasd.text.tokenize import clitic_prefix, tokenize


def _toks(text: str) -> list[tuple[str, str, str]]:
    return [(text[t.start:t.end], t.norm, t.prefix) for t in tokenize(normalize(text))]


@pytest.mark.parametrize("word, prefix, stem", [
    ("بالصواريخ", "بال", "صواريخ"),
    ("والصواريخ", "وال", "صواريخ"),
    ("وبالصواريخ", "وبال", "صواريخ"),
    ("لقاعدة", "ل", "قاعده"),
    ("وللقوات", "ولل", "قوات"),
    ("للقوات", "لل", "قوات"),
    ("فالطائرات", "فال", "طايرات"),
    ("كالعادة", "كال", "عاده"),
    ("وسيقصف", "وس", "يقصف"),
    ("الجيش", "ال", "جيش"),
    # a candidate only: nothing in the spelling tells بغداد's ب from a clitic
    ("بغداد", "ب", "غداد"),
    # no split that would leave fewer than three letters
    ("بلد", "", "بلد"),
    ("الله", "", "الله"),
    ("ولد", "", "ولد"),
    ("والي", "و", "الي"),
    ("فيه", "", "فيه"),
    ("قصف", "", "قصف"),
    ("مسيرة", "", "مسيره"),
])
def test_clitic_prefix(word: str, prefix: str, stem: str) -> None:
    (tok,) = tokenize(normalize(word))
    assert (tok.prefix, tok.stem) == (prefix, stem)
    assert clitic_prefix(tok.norm) == prefix


@pytest.mark.parametrize("text, expected", [
    # numbers stay whole with inner separators; a hyphen splits
    ("قتل 1,200 شخص", [("قتل", "قتل", ""), ("1,200", "1,200", ""), ("شخص", "شخص", "")]),
    ("١٬٢٠٠", [("١٬٢٠٠", "1,200", "")]),
    ("٣٫٥ كم", [("٣٫٥", "3.5", ""), ("كم", "كم", "")]),
    ("في 20/10/2023 الساعة 10:30", [("في", "في", ""), ("20/10/2023", "20/10/2023", ""),
                                    ("الساعة", "الساعه", "ال"), ("10:30", "10:30", "")]),
    ("2023-10-20", [("2023", "2023", ""), ("10", "10", ""), ("20", "20", "")]),
    ("F-16", [("F", "f", ""), ("16", "16", "")]),
    ("۱۲ جريحا", [("۱۲", "12", ""), ("جريحا", "جريحا", "")]),
    # letters and digits written together split
    ("الـ24 ساعة", [("الـ", "ال", ""), ("24", "24", ""), ("ساعة", "ساعه", "س")]),
    ("بـ5 صواريخ", [("بـ", "ب", ""), ("5", "5", ""), ("صواريخ", "صواريخ", "")]),
    # punctuation is not a token; a trailing full stop is outside the word
    ("انفجار، ثم «هجوم».", [("انفجار", "انفجار", ""), ("ثم", "ثم", ""), ("هجوم", "هجوم", "")]),
    # harakat, shadda, tatweel and invisible marks inside; trailing harakat taken in
    ("قُتِلَ جنديٌّ", [("قُتِلَ", "قتل", ""), ("جنديٌّ", "جندي", "")]),
    ("القـــوات", [("القـــوات", "القوات", "ال")]),
    ("مي\u200cسيرة", [("مي\u200cسيرة", "ميسيره", "")]),
    ("\u200fالجيش\u200f", [("الجيش", "الجيش", "ال")]),
    ("Reuters قال", [("Reuters", "reuters", ""), ("قال", "قال", "")]),
])
def test_tokens(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _toks(text) == expected


def test_offsets_without_deletions_are_identity() -> None:
    text = "قصف الجيش 3 مواقع"
    assert [(t.start, t.end) for t in tokenize(normalize(text))] == [(0, 3), (4, 9), (10, 11), (12, 17)]


_PIECES = (list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةىؤئ")
           + ["\u064b", "\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u0670", "\u0640",
              "\u200c", "\u200d", "\u200f", "\u200e", "\u061c"]
           + list("0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹")
           + list(".,،؛؟!:;/-٫٬%\"«»()") + [" ", " ", "  ", "\n", "\t", "\u00a0"]
           + ["ال", "وال", "بال", "لل"])


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60).map("".join))
def test_token_spans_normalise_to_token_norm(text: str) -> None:
    tokens = tokenize(normalize(text))
    prev_end = 0
    for t in tokens:
        assert prev_end <= t.start < t.end <= len(text)
        assert normalize(text[t.start:t.end]).text == t.norm
        assert t.norm.startswith(t.prefix) and (not t.prefix or len(t.stem) >= 3)
        prev_end = t.end
