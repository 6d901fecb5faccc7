"""Counts in Arabic news: digits, number words, vague words, and what is not a count."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.errors import DataFileError
from rasd.text.normalize import normalize
from rasd.text.numbers import NumberTables, find_counts, number_tables, parse_number_words


def _counts(text: str) -> list[tuple[str, int, bool]]:
    return [(text[c.start:c.end], c.value, c.vague) for c in find_counts(normalize(text))]


COUNTS = [
    # digits of three kinds, thousands separators, clitics kept in the span
    ("قتل 25 شخصا في الهجوم", [("25", 25, False)]),
    ("أصيب ١٢ مدنيا بجروح", [("١٢", 12, False)]),
    ("اعتقال ۱۴ مطلوبا", [("۱۴", 14, False)]),
    ("نزوح 1,200 عائلة", [("1,200", 1200, False)]),
    ("نزوح ١٬٢٠٠ عائلة", [("١٬٢٠٠", 1200, False)]),
    ("وصل 12,500,000 لاجئ", [("12,500,000", 12500000, False)]),
    ("قتل 3 وأصيب 7 آخرون", [("3", 3, False), ("7", 7, False)]),
    ("سقط و5 قتلى", [("و5", 5, False)]),
    ("خلال الـ24 قتيلا", [("الـ24", 24, False)]),
    ("أكثر من 2000 مقاتل", [("2000", 2000, False)]),
    ("قتل 2000 من المسلحين", [("2000", 2000, False)]),
    ("نشر 2500 جندي", [("2500", 2500, False)]),
    # digits with a scale word
    ("نزوح 25 ألف شخص", [("25 ألف", 25000, False)]),
    ("عودة ٣ آلاف نازح", [("٣ آلاف", 3000, False)]),
    ("نزوح 1.5 مليون شخص", [("1.5 مليون", 1500000, False)]),
    # units, both genders, with clitics
    ("قتل ثلاثة جنود", [("ثلاثة", 3, False)]),
    ("أصيبت ثلاث نساء", [("ثلاث", 3, False)]),
    ("قصف بثلاثة صواريخ", [("بثلاثة", 3, False)]),
    ("قتل أربعة مدنيين وخمسة عسكريين", [("أربعة", 4, False), ("وخمسة", 5, False)]),
    ("سقطت ست قذائف", [("ست", 6, False)]),
    ("قتل ثمانية أشخاص", [("ثمانية", 8, False)]),
    ("أصيب تسعة آخرون", [("تسعة", 9, False)]),
    ("اعتقل شخص واحد", [("واحد", 1, False)]),
    ("أصيبت امرأة واحدة", [("واحدة", 1, False)]),
    ("قتل اثنان من الحراس", [("اثنان", 2, False)]),
    ("أصيب اثنين من المارة", [("اثنين", 2, False)]),
    ("أصيبت اثنتان من الممرضات", [("اثنتان", 2, False)]),
    # ten, teens
    ("قتل عشرة أشخاص", [("عشرة", 10, False)]),
    ("أصيب أحد عشر شخصا", [("أحد عشر", 11, False)]),
    ("قتلت إحدى عشرة امرأة", [("إحدى عشرة", 11, False)]),
    ("قتل اثنا عشر جنديا", [("اثنا عشر", 12, False)]),
    ("أصيب ثلاثة عشر مدنيا", [("ثلاثة عشر", 13, False)]),
    ("أصيبت خمس عشرة امرأة", [("خمس عشرة", 15, False)]),
    ("قتل تسعة عشر مسلحا", [("تسعة عشر", 19, False)]),
    # tens and compounds
    ("قتل عشرون شخصا", [("عشرون", 20, False)]),
    ("أصيب ثلاثين مدنيا", [("ثلاثين", 30, False)]),
    ("قتل خمسة وعشرين شخصا", [("خمسة وعشرين", 25, False)]),
    ("قتل واحد وأربعون مدنيا", [("واحد وأربعون", 41, False)]),
    ("أصيب تسعة وتسعون شخصا", [("تسعة وتسعون", 99, False)]),
    # hundreds
    ("قتل مئة شخص", [("مئة", 100, False)]),
    ("قتل مائة شخص", [("مائة", 100, False)]),
    ("أصيب مئة وعشرون شخصا", [("مئة وعشرون", 120, False)]),
    ("قتل مئة وخمسة وعشرون شخصا", [("مئة وخمسة وعشرون", 125, False)]),
    ("اعتقال مئتي شخص", [("مئتي", 200, False)]),
    ("نزوح مئتين وخمسين أسرة", [("مئتين وخمسين", 250, False)]),
    ("اعتقال مائتين من المحتجين", [("مائتين", 200, False)]),
    ("قتل ثلاثمئة شخص", [("ثلاثمئة", 300, False)]),
    ("قتل ثلاثمائة شخص", [("ثلاثمائة", 300, False)]),
    ("قتل ثلاث مئة شخص", [("ثلاث مئة", 300, False)]),
    # thousands, duals, construct forms, millions
    ("تظاهر ألف شخص", [("ألف", 1000, False)]),
    ("نشر ألفي عسكري", [("ألفي", 2000, False)]),
    ("عبر ألفان من اللاجئين", [("ألفان", 2000, False)]),
    ("وصل ألفين وخمسمئة نازح", [("ألفين وخمسمئة", 2500, False)]),
    ("نزوح ثلاثة آلاف شخص", [("ثلاثة آلاف", 3000, False)]),
    ("نزوح عشرة آلاف شخص", [("عشرة آلاف", 10000, False)]),
    ("نزوح خمسة وعشرين ألفا", [("خمسة وعشرين ألفا", 25000, False)]),
    ("نزوح مئة ألف شخص", [("مئة ألف", 100000, False)]),
    ("نزوح مليون شخص", [("مليون", 1000000, False)]),
    ("نزوح ثلاثة ملايين شخص", [("ثلاثة ملايين", 3000000, False)]),
    # two numbers that do not join
    ("قتل ثلاثة وأصيب خمسة", [("ثلاثة", 3, False), ("خمسة", 5, False)]),
    ("ثلاثة خمسة", [("ثلاثة", 3, False), ("خمسة", 5, False)]),
    # dual casualty nouns, singular casualty nouns, one of
    ("سقوط قتيلين في القصف", [("قتيلين", 2, False)]),
    ("وأسفر عن جريحين", [("جريحين", 2, False)]),
    ("اعتقال شخصين", [("شخصين", 2, False)]),
    ("مقتل عنصرين من الشرطة", [("عنصرين", 2, False)]),
    ("أصيب جنديان", [("جنديان", 2, False)]),
    ("سقوط قتيل وجريحين", [("قتيل", 1, False), ("وجريحين", 2, False)]),
    ("سقوط شهيد في المخيم", [("شهيد", 1, False)]),
    ("مقتل أحد الجنود", [("أحد", 1, False)]),
    ("إصابة إحدى الممرضات", [("إحدى", 1, False)]),
    ("مقتل قتيل واحد", [("واحد", 1, False)]),
    # vague quantities (CODEBOOK §3)
    ("أصيب عدد من المدنيين", [("عدد من", 3, True)]),
    ("اعتقال عدد كبير من الشبان", [("عدد كبير من", 3, True)]),
    ("مقتل العديد من المسلحين", [("العديد من", 3, True)]),
    ("إصابة بضعة أشخاص", [("بضعة", 3, True)]),
    ("إصابة بضع نساء", [("بضع", 3, True)]),
    ("مقتل عدة أشخاص", [("عدة", 3, True)]),
    ("قتل عشرات المدنيين", [("عشرات", 12, True)]),
    ("أصيب العشرات", []),
    ("نزوح مئات العائلات", [("مئات", 100, True)]),
    ("تظاهر آلاف المواطنين", [("آلاف", 1000, True)]),
    ("نزوح عشرات الآلاف", [("عشرات الآلاف", 12000, True)]),
    ("نزوح مئات الآلاف من السكان", [("مئات الآلاف", 100000, True)]),
    ("ووقوع عشرات الجرحى", [("عشرات", 12, True)]),
    ("نزوح بضعة آلاف", [("بضعة آلاف", 3000, True)]),
    # "العدد من" is "the number (rose) from", not "several"
    ("ارتفع العدد من خمسة إلى سبعة", [("خمسة", 5, False), ("سبعة", 7, False)]),
]


NOT_COUNTS = [
    "وقع الهجوم في عام 2014",
    "منذ العام 2003",
    "في 20/10/2023 صباحا",
    "يوم 2023-10-20",
    "فجر 20 أكتوبر",
    "في 19 يونيو/حزيران 2023",
    "منذ 7 تشرين الأول",
    "في 31 كانون الأول",
    "أكتوبر 2023",
    "في الساعة 10 صباحا",
    "عند 10:30 مساء",
    "في الحادي عشر من الشهر",
    "الثاني عشر من أيار",
    "احتفل بعيد الميلاد الأول",
    "ارتفعت الأسعار بنسبة 15%",
    "ارتفعت بنسبة 20 في المئة",
    "تراجعت 30 بالمئة",
    "رشاش عيار 14.5 ملم",
    "مدفع عيار 155",
    "قذيفة 120 ملم",
    "قوات اللواء 52",
    "عناصر الفرقة 17",
    "طائرات F-16",
    "طائرة إف 16",
    "للاتصال على الرقم 07701234567",
    "على الهاتف +964 770 123 4567",
    "بلغت الحرارة 3.5 درجات",
    "خلال 24 ساعة",
    "خلال الـ 48 ساعة الماضية",
    "طفل يبلغ 12 عاما",
    "على بعد 5 كيلومترات",
    "بقيمة 10 ملايين دولار",
    "بعد 3 أيام",
    "لم يصب أحد بأذى",
    "صباح يوم الاثنين",
    "قرب بئر السبع",
    "بموجب القرار 2334",
    "استهدف القاعدة عدة مرات",
    "في الأول من أيار الماضي",
]


@pytest.mark.parametrize("text, expected", COUNTS)
def test_counts(text: str, expected: list[tuple[str, int, bool]]) -> None:
    assert _counts(text) == expected


@pytest.mark.parametrize("text", NOT_COUNTS)
def test_not_counts(text: str) -> None:
    assert _counts(text) == []


@pytest.mark.parametrize("words, value", [
    ("واحد", 1), ("اثنتين", 2), ("ثماني", 8), ("عشر", 10), ("أحد عشر", 11),
    ("اثنتي عشرة", 12), ("سبعة عشر", 17), ("عشرين", 20), ("سبعة وثمانون", 87),
    ("مئة", 100), ("مائة وواحد", 101), ("مئة وثلاثة عشر", 113), ("مئتان", 200),
    ("ثلاث مائة", 300), ("تسعمائة وتسعة وتسعون", 999), ("ألف", 1000),
    ("ألف ومئتان", 1200), ("ألفين", 2000), ("ثلاثة آلاف", 3000), ("أحد عشر ألفا", 11000),
    ("مئة ألف", 100000), ("ثلاثمائة وخمسين ألفا", 350000), ("مليون", 1000000),
    ("مليونين", 2000000), ("ثلاثة ملايين وخمسمئة ألف", 3500000),
    ("مِئَةٌ وَعِشْرُونَ", 120),
])
def test_parse_number_words(words: str, value: int) -> None:
    assert parse_number_words(words) == value


@pytest.mark.parametrize("words", [
    "", "قتيل", "ثلاثة خمسة", "عشرون ثلاثة", "آلاف", "مئة مئة", "ألف مليون", "اثنا",
])
def test_parse_number_words_rejects(words: str) -> None:
    assert parse_number_words(words) is None


def test_spans_point_into_the_original() -> None:
    text = "قُتِلَ خَمْسَةٌ وَعِشْرُونَ شخصا"
    (c,) = find_counts(normalize(text))
    assert (text[c.start:c.end], c.value) == ("خَمْسَةٌ وَعِشْرُونَ", 25)


def test_shipped_tables_load_and_agree() -> None:
    tables = number_tables()
    assert tables.words["عشرين"].value == 20
    # forms are stored normalised: مئات → ميات
    assert tables.vague["عشرات"] == 12 and tables.vague["ميات"] == 100


@pytest.mark.parametrize("body, problem", [
    ("units:\n  واحد: 1\n  واحد: 2\n", "listed twice"),
    ("units:\n  واحد: -1\n", "positive whole number"),
    ("units:\n  واحد: 1\nten:\n  واحد: 1\n", "also in units"),
    ("units: [واحد]\n", "expected a mapping"),
])
def test_number_tables_report_problems(tmp_path, body: str, problem: str) -> None:
    path = tmp_path / "numbers.yml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        NumberTables.load(path)
    assert problem in str(err.value)


_PIECES = ["ثلاثة", "وعشرين", "عشر", "ألف", "آلاف", "مئة", "عشرات", "عدد من", "قتيل", "قتيلين",
           "أحد", "الجنود", "عام", "الساعة", "%", "2014", "١٢", "1,200", "3.5", "/", "-", ":", "و",
           "ال", "ب", " ", " ", "\n", "\u064e", "\u0640", "\u200f", "أكتوبر", "ملم", "+964"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_count_spans_are_ordered_and_inside(text: str) -> None:
    prev_end = 0
    for c in find_counts(normalize(text)):
        assert prev_end <= c.start < c.end <= len(text) and c.value > 0
        prev_end = c.end
