"""Geocoding behaviour on short Arabic sentences written for these tests."""
from __future__ import annotations

from dataclasses import replace

import pytest

from rasd.doc import Document
from rasd.geo import sources
from rasd.geo.distance import haversine_km
from rasd.geo.gazetteer import Gazetteer
from rasd.lexicon.matcher import Matcher
from rasd.stages.geocode import article_country, geocode_name, locate


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="module")
def matcher(gaz) -> Matcher:
    return Matcher(gaz.lex_entries())


def _doc(text: str, matcher: Matcher) -> Document:
    doc = Document.from_text(text)
    return replace(doc, mentions=tuple(matcher.find(doc.norm)))


def _locate(text: str, gaz, matcher, anchor_text: str | None = None, hint: str | None = None):
    doc = _doc(text, matcher)
    start = text.index(anchor_text) if anchor_text else 0
    end = start + len(anchor_text) if anchor_text else len(text)
    return locate(doc, (start, end), gaz, country_hint=hint)


# (sentence, expected English name, country, admin1, lat, lon, precision)
CASES = [
    ("استهدفت طائرة مسيرة قاعدة عين الأسد الجوية غربي الأنبار صباح اليوم.",
     "Ain al-Asad Airbase", "IQ", "Al Anbar", 33.80, 42.44, 1),
    ("سقطت ثلاثة صواريخ على معسكر فيكتوريا قرب مطار بغداد الدولي.",
     "Victoria Base", "IQ", "Baghdad", 33.26, 44.23, 1),
    ("قصفت قوات الاحتلال مخيم جباليا شمال قطاع غزة فجر الأحد.",
     "Jabalia Camp", "PS", "Gaza Strip", 31.53, 34.48, 1),
    ("أغارت مسيرة على بلدة حولا في قضاء مرجعيون جنوبي لبنان.",
     "Houla", "LB", "Nabatiyeh", 33.21, 35.52, 1),
    ("اندلعت اشتباكات قرب مدينة الفاشر في ولاية شمال دارفور.",
     "El Fasher", "SD", "North Darfur", 13.63, 25.35, 2),
    ("هاجم مسلحون حاجزاً أمنياً على أطراف مدينة الشيخ زويد.",
     "Sheikh Zuweid", "EG", "North Sinai", 31.22, 34.11, 2),
    ("انفجرت عبوة ناسفة في حي الكرادة وسط العاصمة العراقية.",
     "Karrada", "IQ", "Baghdad", 33.30, 44.43, 1),
    ("سقطت قذائف هاون على الضاحية الجنوبية لبيروت مساء أمس.",
     "Beirut Southern Suburb", "LB", "Mount Lebanon", 33.85, 35.51, 1),
    ("قصف الطيران الحربي محيط مخيم الهول في ريف الحسكة الشرقي.",
     "Al-Hol Camp", "SY", "Al Hasakeh", 36.38, 41.15, 2),
    ("شن الحوثيون هجوماً على مواقع في محافظة مأرب.",
     None, "YE", "Marib", None, None, 3),
    ("اعترضت البحرية سفينة تجارية في مضيق باب المندب.",
     "Bab al-Mandab", "YE", "Taizz", 12.58, 43.33, 3),
    ("أطلق مجهولون النار على دورية للشرطة في مدينة الموصل.",
     "Mosul", "IQ", "Ninewa", 36.34, 43.13, 1),
]


@pytest.mark.parametrize("text,name,cc,admin1,lat,lon,precision", CASES)
def test_places_in_sentences(gaz, matcher, text, name, cc, admin1, lat, lon, precision):
    loc = _locate(text, gaz, matcher)
    assert loc is not None
    assert (loc.country, loc.admin1, loc.precision) == (cc, admin1, precision)
    if name:
        assert loc.name == name
    if lat is not None:
        assert haversine_km(loc.lat, loc.lon, lat, lon) < 10


def test_site_beats_its_governorate(gaz, matcher):
    loc = _locate("في محافظة الأنبار استهدف هجوم بالصواريخ قاعدة عين الأسد.", gaz, matcher)
    assert loc.name == "Ain al-Asad Airbase"


def test_governorate_name_disambiguates_a_town(gaz, matcher):
    # رفح exists in Gaza and in North Sinai; the governorate named after it decides.
    loc = _locate("قتل جندي في هجوم على كمين في رفح بمحافظة شمال سيناء.", gaz, matcher)
    assert (loc.country, loc.admin1) == ("EG", "North Sinai")


def test_country_context_disambiguates(gaz, matcher):
    text = "قال الجيش اللبناني إن غارة استهدفت طرابلس اللبنانية. وأضاف أن الغارة طالت مبنى في طرابلس."
    loc = _locate(text, gaz, matcher, anchor_text="وأضاف أن الغارة طالت مبنى في طرابلس.")
    assert loc.country == "LB"


@pytest.mark.parametrize("text", [
    "أدى المصلون صلاة الجمعة في المسجد الكبير.",
    "قالت الحكومة إن التحالف سيواصل عملياته.",
])
def test_weak_forms_alone_are_not_places(gaz, matcher, text):
    doc = _doc(text, matcher)
    assert locate(doc, (0, len(text)), gaz) is None


def test_weak_form_after_cue_is_a_place(gaz, matcher):
    loc = _locate("داهمت القوات بلدة بدا في ريف دمشق واعتقلت شخصين.", gaz, matcher)
    assert loc.name == "Badda" and loc.country == "SY"


def test_place_from_earlier_sentence(gaz, matcher):
    text = "دير الزور - شهدت مدينة الميادين توتراً أمنياً. وقتل شخصان برصاص مجهولين مساء أمس."
    loc = _locate(text, gaz, matcher, anchor_text="وقتل شخصان برصاص مجهولين مساء أمس.")
    assert loc.name == "Al-Mayadin" and loc.precision == 1


def test_country_only_falls_back_to_country_point(gaz, matcher):
    loc = _locate("قالت الشرطة إن مسلحين هاجموا نقطة تفتيش في العراق.", gaz, matcher)
    assert (loc.country, loc.precision, loc.admin1) == ("IQ", 3, None)
    assert loc.lat == gaz.country_place("IQ").lat


def test_no_place_and_no_country_gives_none(gaz, matcher):
    text = "قال المتحدث إن الهجوم أسفر عن إصابة ثلاثة أشخاص."
    assert _locate(text, gaz, matcher) is None


def test_hint_gives_the_country_when_no_place(gaz, matcher):
    text = "قال المتحدث إن الهجوم أسفر عن إصابة ثلاثة أشخاص."
    loc = _locate(text, gaz, matcher, hint="SY")
    assert (loc.country, loc.precision) == ("SY", 3)


def test_obscure_village_abroad_is_not_believed(gaz, matcher):
    # An ordinary word that is a village name in another country must not move
    # the event there: the article is about Gaza.
    text = "قطاع غزة - قال الدفاع المدني في غزة إن القصف استهدف منزلاً وسط كيان مدمر."
    loc = _locate(text, gaz, matcher)
    assert loc.country == "PS"


def test_building_named_after_a_city_is_not_that_city(gaz, matcher):
    loc = _locate("انفجرت سيارة مفخخة أمام فندق مكة في العاصمة الصومالية مقديشو.", gaz, matcher)
    assert loc.name == "Mogadishu" and loc.country == "SO"


def test_text_is_the_article_words(gaz, matcher):
    text = "قصفت المدفعية بلدة عيتا الشعب الحدودية."
    loc = _locate(text, gaz, matcher)
    assert loc.text in text and "عيتا الشعب" in loc.text


def test_article_country_weighted_to_the_lead(gaz, matcher):
    text = "الخرطوم - اشتباكات في أم درمان. وفي سياق آخر زار الوزير القاهرة."
    assert article_country(_doc(text, matcher), gaz) == "SD"


def test_capital_outranks_a_same_named_subdistrict(gaz, matcher):
    # الرياض is also a subdistrict of Kirkuk; nothing else in the text names a country.
    text = "اعترضت الدفاعات الجوية صاروخاً أطلق على الرياض مساء السبت."
    assert article_country(_doc(text, matcher), gaz) == "SA"
    assert _locate(text, gaz, matcher).name == "Riyadh"


def test_reviewed_entry_keeps_the_population_of_its_twin(gaz):
    # the curated entry shadows the GeoNames city and takes over its population
    assert gaz.place("sa:riyadh").population > 1_000_000


def test_a_country_name_alone_is_the_country_not_its_capital(gaz, matcher):
    loc = _locate("قتل جنود تونسيون في هجوم بتونس مساء الأربعاء.", gaz, matcher)
    assert (loc.name, loc.precision) == ("Tunisia", 3)
    capital = _locate("انفجرت سيارة مفخخة وسط العاصمة تونس مساء الأربعاء.", gaz, matcher)
    assert (capital.name, capital.precision) == ("Tunis", 1)


def test_the_far_side_of_a_border_is_not_the_place(gaz, matcher):
    loc = _locate("قتل مدني جراء صاروخ مضاد للدروع أصاب مستوطنة المطلة عند الحدود مع لبنان.", gaz, matcher)
    assert (loc.name, loc.country) == ("Metula", "IL")


def test_a_shared_sea_takes_the_coast_of_the_place_beside_it(gaz, matcher):
    text = ("أبلغت سفينة تجارية عن انفجار قربها على بعد 50 ميلا غربي ميناء الحديدة في البحر الأحمر.\n"
            "وكانت السفينة متجهة إلى ميناء جدة السعودي.")
    loc = _locate(text, gaz, matcher, anchor_text="عن انفجار قربها", hint="SA")
    assert (loc.country, loc.admin1) == ("YE", "Al Hudaydah")


def test_where_a_weapon_came_from_is_not_the_place(gaz, matcher):
    loc = _locate("أسقط الجيش الأردني طائرة مسيرة قادمة من الأراضي السورية.", gaz, matcher, hint="JO")
    assert loc.country == "JO"


def test_a_news_agency_is_not_a_place(gaz, matcher):
    text = 'أسقط الجيش الأردني طائرة مسيرة، ونقلت وكالة الأنباء الأردنية "بترا" عن مصدر عسكري تفاصيل الحادث.'
    assert _locate(text, gaz, matcher, hint="JO").precision == 3


@pytest.mark.parametrize("text,kind", [
    ("قصفت طائرات حربية مواقع في محافظة صعدة شمال اليمن.", "admin1"),
    ("قصفت طائرات حربية مواقع في مدينة صعدة شمال اليمن.", "city"),
])
def test_the_cue_names_the_kind_of_place(gaz, matcher, text, kind):
    loc = _locate(text, gaz, matcher)
    assert (loc.country, loc.admin1) == ("YE", "Sadah")
    assert loc.precision == (3 if kind == "admin1" else 1)


@pytest.mark.parametrize("name,country,place_id", [
    ("قاعدة عين الأسد", None, "iq:ain-al-asad"),
    ("معسكر فيكتوريا", None, "iq:victoria"),
    ("مخيم الركبان", None, "sy:rukban"),
    ("Ain al-Asad Airbase", None, "iq:ain-al-asad"),
    ("رفح", "EG", None),
])
def test_geocode_name(gaz, name, country, place_id):
    found = geocode_name(name, gaz, country=country)
    assert found
    if place_id:
        assert found[0]["id"] == place_id
    if country:
        assert {f["country"] for f in found} == {country}


def test_geocode_name_near_context_ranks(gaz):
    found = geocode_name("رفح", gaz, near="العريش")
    assert found[0]["country"] == "EG"
    found = geocode_name("رفح", gaz, near="خان يونس")
    assert found[0]["country"] == "PS"


def test_geocode_unknown_name_is_empty(gaz):
    assert geocode_name("مكان لا وجود له إطلاقا", gaz) == []


def test_raw_sources_have_no_problems():
    places, problems = sources.read_all()
    assert problems == [] and places
