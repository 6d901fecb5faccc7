"""Properties that hold for any text: no crash, spans inside the text, ordered, disjoint."""
from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.doc import Document
from rasd.stages.dates import DateTables, find_dates

TABLES = DateTables.load()
# pieces of date expressions mixed with noise, so the grammar is exercised
PIECES = ["اليوم", "أمس", "الجمعة", "الماضي", "من", "أكتوبر", "تشرين", "الأول", "آب", "/", "(", ")",
          "2023", "20", "31", "-", "فجر", "ليلة", "رمضان", "هـ", "الشهر", "الأسبوع", "عام", "،", "\n",
          "قتل", "جندي", "َ", "ـ", "١٤٤٥", "٢٠", " ", "  "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25),
       st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2060, 12, 31))))
def test_spans_are_well_formed(pieces, pub):
    text = " ".join(pieces)
    found = find_dates(Document.from_text(text, published=pub), TABLES)
    last = 0
    for d in found:
        assert last <= d.start < d.end <= len(text)
        assert text[d.start:d.end].strip() == text[d.start:d.end] or text[d.end - 1] in "ـَ"
        last = d.end
        if d.date is None:
            assert d.precision is None
        if pub is None and d.kind in ("relative", "weekday", "week"):
            assert d.date is None
