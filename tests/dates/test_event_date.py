"""event_date: which date expression dates an event (CODEBOOK §3)."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from rasd.doc import Document, Sentence
from rasd.stages.dates import DateTables, event_date, find_dates

PUB = dt.date(2023, 10, 20)  # a Friday


@pytest.fixture(scope="module")
def tables() -> DateTables:
    return DateTables.load()


def _doc(tables: DateTables, text: str, pub: dt.date | None = PUB, sentences=()) -> Document:
    doc = Document.from_text(text, published=pub)
    doc = dataclasses.replace(doc, sentences=tuple(sentences))
    return dataclasses.replace(doc, dates=find_dates(doc, tables))


def _span(text: str, part: str) -> tuple[int, int]:
    at = text.index(part)
    return at, at + len(part)


# (article, the words of the event (anchor), expected date, expected precision)
CASES = [
    # the date inside the anchor
    ("قصفت الطائرات مساء أمس مواقع في الريف الشرقي.", "قصفت الطائرات مساء أمس مواقع", "2023-10-19", 1),
    # the date elsewhere in the anchor's sentence
    ("أعلن الجيش، الاثنين الماضي، أن مسلحين هاجموا حاجزاً للشرطة قرب الجسر.", "هاجموا حاجزاً للشرطة",
     "2023-10-16", 1),
    # a day beats a week in the same scope
    ("شنت الطائرات الأسبوع الماضي غارات وقصفت مساء الثلاثاء مخزناً للسلاح.", "شنت الطائرات",
     "2023-10-17", 1),
    # no date in the sentence: the nearest earlier one in the article
    ("اقتحمت القوات المخيم فجر أمس. واعتقلت خمسة شبان بعد مداهمة منازلهم.", "واعتقلت خمسة شبان",
     "2023-10-19", 1),
    # no date at all: the publication day, precision 2
    ("أوقفت الشرطة ثلاثة مطلوبين في المدينة.", "أوقفت الشرطة", "2023-10-20", 2),
    # a future date is never the event's
    ("قتل جندي في انفجار عبوة، ويشيع غداً في بلدته.", "قتل جندي في انفجار عبوة", "2023-10-20", 2),
    # a dated background attack earlier in the article does not date a later undated event
    ("تعرضت القاعدة لهجوم في 7 أغسطس الماضي. وأصيب ثلاثة جنود بقصف صاروخي على القاعدة.",
     "وأصيب ثلاثة جنود بقصف صاروخي", "2023-10-20", 2),
    # but the background event itself keeps its own date
    ("تعرضت القاعدة لهجوم في 7 أغسطس الماضي. وأصيب ثلاثة جنود بقصف صاروخي على القاعدة.",
     "تعرضت القاعدة لهجوم", "2023-08-07", 1),
    # a year alone is not a date for the event
    ("قتل خمسة مدنيين بقصف على حي سكني تسيطر عليه الجماعة منذ عام 2014.", "قتل خمسة مدنيين",
     "2023-10-20", 2),
    # a month is used when it is all the sentence says
    ("أصيب حارسان بقصف استهدف المصفاة نهاية مارس/آذار الماضي.", "أصيب حارسان", "2023-03-15", 3),
    # the publication stamp at the top is not an event date; the lead's weekday is
    ("2023-10-20\nقتل جنديان في هجوم على ثكنة. وقالت الوزارة إن المسلحين هاجموا الثكنة مساء الأربعاء.",
     "قتل جنديان في هجوم", "2023-10-18", 1),
    # the nearest of two day-level dates in the sentence
    ("أعلنت الحركة اليوم الجمعة أنها قصفت أمس الخميس قاعدة عسكرية.", "قصفت", "2023-10-19", 1),
    # Thursday night's strike (ليلة الجمعة)
    ("شنت الطائرات غارات عنيفة ليلة الجمعة على الضاحية.", "شنت الطائرات غارات", "2023-10-19", 1),
]


@pytest.mark.parametrize("text,anchor_words,date,precision", CASES)
def test_event_date(tables, text, anchor_words, date, precision):
    doc = _doc(tables, text)
    got = event_date(doc, _span(text, anchor_words))
    assert got == (dt.date.fromisoformat(date), precision)


def test_no_publication_date_and_only_relative_words(tables):
    text = "قصفت الطائرات مساء أمس مواقع في الريف."
    doc = _doc(tables, text, pub=None)
    assert event_date(doc, _span(text, "قصفت الطائرات")) == (None, None)


def test_no_publication_date_and_no_date_at_all(tables):
    text = "اعتقلت الشرطة ثلاثة مطلوبين في المدينة."
    assert event_date(_doc(tables, text, pub=None), _span(text, "اعتقلت")) == (None, None)


def test_no_publication_date_with_an_absolute_date(tables):
    text = "قتل خمسة مدنيين في 20 أكتوبر 2023 بقصف مدفعي."
    doc = _doc(tables, text, pub=None)
    assert event_date(doc, _span(text, "قتل خمسة مدنيين")) == (dt.date(2023, 10, 20), 1)


def test_explicit_sentence_scope(tables):
    text = "قصفت المدفعية البلدة مساء الثلاثاء، وفي تطور آخر قتل شرطي صباح الأربعاء."
    doc = _doc(tables, text)
    clause = _span(text, "وفي تطور آخر قتل شرطي صباح الأربعاء")
    assert event_date(doc, _span(text, "قتل شرطي"), clause) == (dt.date(2023, 10, 18), 1)


def test_document_sentences_are_used(tables):
    text = "قتل جندي مساء السبت في كمين ثم قصفت المدفعية القرية"
    cut = text.index("ثم")
    sentences = (Sentence(0, cut), Sentence(cut, len(text)))
    doc = _doc(tables, text, sentences=sentences)
    # the second sentence has no date: the nearest earlier one in the article
    assert event_date(doc, _span(text, "قصفت المدفعية")) == (dt.date(2023, 10, 14), 1)
    assert event_date(doc, _span(text, "قتل جندي")) == (dt.date(2023, 10, 14), 1)


def test_empty_date_layer_falls_back_to_publication(tables):
    text = "قصفت الطائرات مساء أمس مواقع في الريف."
    doc = Document.from_text(text, published=PUB)  # find_dates not run
    assert event_date(doc, _span(text, "قصفت")) == (PUB, 2)
