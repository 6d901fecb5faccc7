"""Actor mentions on sentences written for these tests, resolved as events would be."""
from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from rasd.actors import holder_of_site, to_actor
from rasd.commands.actors import actors_command

D = dt.date(2024, 3, 1)


def resolved(annotate, actors, text: str, country: str | None, day: dt.date | None = D):
    doc, ms = annotate(text, day)
    return [(m, to_actor(m, country, day, actors)) for m in ms]


def find(pairs, words: str):
    return next(((m, a) for m, a in pairs if m.text == words), (None, None))


# (sentence, event country, words of the mention, name, inter, actor country)
STATE = [
    ("شنت الطائرات الحربية الإسرائيلية غارات على بلدات الجنوب", "LB",
     "الطائرات الحربية الإسرائيلية", "Military Forces of Israel", 8, "IL"),
    ("اعتقلت قوات الأمن السورية ثلاثة مطلوبين في ريف دمشق", "SY",
     "قوات الأمن السورية", "Military Forces of Syria", 1, "SY"),
    ("فرقت الشرطة المصرية تجمعا أمام المحكمة", "EG",
     "الشرطة المصرية", "Police Forces of Egypt", 1, "EG"),
    ("قصف جيش الاحتلال الإسرائيلي منازل في خان يونس", "PS",
     "جيش الاحتلال الإسرائيلي", "Military Forces of Israel", 8, "IL"),
    ("اقتحمت قوات الاحتلال مخيم جنين فجرا", "PS",
     "قوات الاحتلال", "Military Forces of Israel", 8, "IL"),
    ("أغارت طائرات التحالف على مواقع في البادية", "SY",
     "طائرات التحالف", "Global Coalition Against Daesh", 8, "US"),
    ("انتشرت قوات أميركية قرب الحدود", "IQ",
     "قوات أميركية", "Military Forces of the United States", 8, "US"),
    ("أعلن الجيش العراقي انتهاء العملية", "IQ",
     "الجيش العراقي", "Military Forces of Iraq", 1, "IQ"),
    ("داهمت قوات الأمن اللبنانية أحد المنازل", "LB",
     "قوات الأمن اللبنانية", "Police Forces of Lebanon", 1, "LB"),
    ("توغلت قوات تركية في ريف الحسكة", "SY",
     "قوات تركية", "Military Forces of Turkey", 8, "TR"),
    ("قالت الفصائل إنها استهدفت الاحتلال الأميركي في حقل العمر", "SY",
     "الاحتلال الأميركي", "Military Forces of the United States", 8, "US"),
    ("قصفت المقاتلات الروسية مواقع في إدلب", "SY",
     "المقاتلات الروسية", "Military Forces of Russia", 8, "RU"),
    ("أصيب الجنود الإسرائيليون في الهجوم", "IL",
     "الجنود الإسرائيليون", "Military Forces of Israel", 1, "IL"),
    ("قتل المسلحون جنديًا ماليًا قرب تمبكتو", "ML",
     "جنديًا ماليًا", "Military Forces of Mali", 1, "ML"),
    ("استهدفت الهجمات العسكريين الأميركيين في سوريا", "SY",
     "العسكريين الأميركيين", "Military Forces of the United States", 8, "US"),
    ("قصفت المدفعية الإسرائيلية أطراف البلدة", "LB",
     "المدفعية الإسرائيلية", "Military Forces of Israel", 8, "IL"),
    ("أعلن الحرس الثوري إسقاط مسيرة", "IR",
     "الحرس الثوري", "Military Forces of Iran", 1, "IR"),
    ("انتشر عناصر الحرس الثوري في دير الزور", "SY",
     "عناصر الحرس الثوري", "Military Forces of Iran", 8, "IR"),
    ("قال الجيش الأمريكي إنه دمر منصات صواريخ", "US",
     "الجيش الأمريكي", "Military Forces of the United States", 1, "US"),
    ("تصدت وسائط الدفاع الجوي السوري لصواريخ معادية", "SY",
     "وسائط الدفاع الجوي السوري", "Military Forces of Syria", 1, "SY"),
]


@pytest.mark.parametrize("text,country,words,name,inter,home", STATE)
def test_state_forces(annotate, actors, text, country, words, name, inter, home) -> None:
    m, a = find(resolved(annotate, actors, text, country), words)
    assert m is not None, [x.text for x, _ in resolved(annotate, actors, text, country)]
    assert (a.name, a.inter, a.country, m.kind, m.strong) == (name, inter, home, "state", True)


NAMED = [
    ("أعلنت المقاومة الاسلامية في العراق مسؤوليتها", "المقاومة الاسلامية في العراق",
     "Islamic Resistance in Iraq", 3, "IQ"),
    ("هددت كتائب حزب الله بالرد", "كتائب حزب الله", "Kataib Hezbollah", 3, "IQ"),
    ("اجتمع قادة الإطار التنسيقي مساء أمس", "الإطار التنسيقي", "Coordination Framework", 3, "IQ"),
    ("أطلقت حركة حماس صواريخ", "حركة حماس", "Hamas", 2, "PS"),
    ("تبنت كتائب القسام العملية", "كتائب القسام", "Hamas", 2, "PS"),
    ("قصفت سرايا القدس مستوطنات الغلاف", "سرايا القدس", "Palestinian Islamic Jihad", 2, "PS"),
    ("استهدف حزب الله موقعا عسكريا", "حزب الله", "Hezbollah", 3, "LB"),
    ("هاجم تنظيم داعش نقطة أمنية", "تنظيم داعش", "Islamic State", 2, None),
    ("قال تنظيم الدولة الإسلامية إن مقاتليه نفذوا الهجوم", "تنظيم الدولة الإسلامية",
     "Islamic State", 2, None),
    ("تبنت ولاية سيناء الهجوم", "ولاية سيناء", "Islamic State", 2, "EG"),
    ("سيطرت قوات سوريا الديمقراطية على القرية", "قوات سوريا الديمقراطية",
     "Syrian Democratic Forces", 2, "SY"),
    ("هاجمت قسد مواقع العشائر", "قسد", "Syrian Democratic Forces", 2, "SY"),
    ("اقتحم مسلحو حركة الشباب البلدة", "مسلحو حركة الشباب", "Al Shabaab", 2, "SO"),
    ('شنت حركة "الشباب" الصومالية هجوما', 'حركة "الشباب" الصومالية', "Al Shabaab", 2, "SO"),
    ("قصف الحشد الشعبي مواقع التنظيم", "الحشد الشعبي", "Popular Mobilization Forces", 3, "IQ"),
    ("نفذت جماعة نصرة الإسلام والمسلمين هجوما", "جماعة نصرة الإسلام والمسلمين",
     "Jama'at Nusrat al-Islam wal-Muslimin", 2, "ML"),
    ("هاجمت ميليشيات الدعم السريع القرية", "ميليشيات الدعم السريع",
     "Rapid Support Forces", 2, "SD"),
    ("قصفت مسيرات الدعم السريع المحطة", "مسيرات الدعم السريع", "Rapid Support Forces", 2, "SD"),
    ("أعلن تنظيم القاعدة في جزيرة العرب مسؤوليته", "تنظيم القاعدة في جزيرة العرب",
     "Al Qaeda in the Arabian Peninsula", 2, "YE"),
    ("قصفت البيشمركة مواقع للتنظيم", "البيشمركة", "Military Forces of Iraq (Kurdistan Region)", 1, "IQ"),
    ("قصف حزب العمال الكردستاني موقعا تركيا", "حزب العمال الكردستاني", "PKK", 2, "TR"),
    ("هاجمت قوات الحزام الأمني نقطة في أبين", "قوات الحزام الأمني", "Security Belt Forces", 3, "YE"),
]


@pytest.mark.parametrize("text,words,name,inter,home", NAMED)
def test_named_groups(annotate, actors, text, words, name, inter, home) -> None:
    m, a = find(resolved(annotate, actors, text, home or "IQ", dt.date(2025, 6, 1)), words)
    assert m is not None
    assert (a.name, a.inter, a.country) == (name, inter, home)


HOUTHIS = ["جماعة الحوثي", "أنصار الله", "ميليشيا الحوثي", "الحوثيون", "الحوثيين",
           "المليشيات الحوثية", "الميليشيات الحوثية", "جماعة أنصار الله", "مليشيا الحوثي",
           "مسلحي الحوثي"]


@pytest.mark.parametrize("words", HOUTHIS)
def test_houthis_many_names(annotate, actors, words) -> None:
    text = f"قصفت {words} مواقع في مأرب"
    m, a = find(resolved(annotate, actors, text, "YE"), words)
    assert m is not None and (a.name, a.inter, a.country) == ("Houthis", 2, "YE")


GENERIC = [
    ("أطلق مسلحون مجهولون النار على سيارة", "IQ", "مسلحون مجهولون",
     "Unidentified Armed Group (Iraq)", 3, "generic"),
    ("اغتال مجهولون موظفا في درعا", "SY", "مجهولون", "Unidentified Armed Group (Syria)", 3, "generic"),
    ("هاجمت عناصر مسلحة حاجزا", "LY", "عناصر مسلحة", "Unidentified Armed Group (Libya)", 3, "generic"),
    ("تبنت إحدى الجماعات المسلحة الهجوم", "IQ", "الجماعات المسلحة",
     "Unidentified Armed Group (Iraq)", 3, "generic"),
    ("قتل مسلحين مجهولين شابا", "SY", "مسلحين مجهولين",
     "Unidentified Armed Group (Syria)", 3, "generic"),
    ("أصيب ثلاثة مدنيين بجروح", "SY", "مدنيين", "Civilians (Syria)", 7, "civilian"),
    ("اعتقلت القوات عددا من المواطنين", "PS", "المواطنين", "Civilians (Palestine)", 7, "civilian"),
    ("قصفت الطائرات مخيما للنازحين", "SD", "نازحين", "Civilians (Sudan)", 7, "civilian"),
    ("خرج متظاهرون في ساحة التحرير", "IQ", "متظاهرون", "Protesters (Iraq)", 6, "protester"),
    ("أغلق محتجون الطريق", "LB", "محتجون", "Protesters (Lebanon)", 6, "protester"),
    ("أحرق مثيري الشغب الإطارات", "LB", "مثيري الشغب", "Rioters (Lebanon)", 5, "rioter"),
    ("اندلع نزاع عشائري في البصرة", "IQ", "نزاع عشائري",
     "Unidentified Clan Militia (Iraq)", 4, "generic"),
    # merchant ships of any flag: ACLED's "Civilians (International)"
    ("استهدف صاروخ سفينة تجارية قبالة الحديدة", "YE", "سفينة تجارية",
     "Civilians (International)", 7, "civilian"),
]


@pytest.mark.parametrize("text,country,words,name,inter,kind", GENERIC)
def test_generic_actors(annotate, actors, text, country, words, name, inter, kind) -> None:
    m, a = find(resolved(annotate, actors, text, country), words)
    assert m is not None, [x.text for x, _ in resolved(annotate, actors, text, country)]
    home = None if name.endswith("(International)") else country  # no one country's side
    assert (a.name, a.inter, a.country, m.kind) == (name, inter, home, kind)


COREF = [
    ("تبنت المقاومة الإسلامية في العراق الهجوم. وقالت الفصائل إنها ستواصل عملياتها",
     "الفصائل", "Islamic Resistance in Iraq"),
    ("تبنت المقاومة الإسلامية في العراق الهجوم. وقالت الفصائل المسلحة إنها ستواصل",
     "الفصائل المسلحة", "Islamic Resistance in Iraq"),
    ("أعلنت حركة حماس النفير. وأكدت الحركة أن مقاتليها تصدوا للتوغل", "الحركة", "Hamas"),
    ("هاجم تنظيم داعش قرية نائية. وقال التنظيم إنه قتل خمسة", "التنظيم", "Islamic State"),
    ("اقتحمت قوات الدعم السريع المدينة، ونهبت هذه القوات الأسواق", "هذه القوات",
     "Rapid Support Forces"),
    ("قال الجيش الإسرائيلي إنه قصف أهدافا. وأضاف الجيش أن الغارات مستمرة", "الجيش",
     "Military Forces of Israel"),
    ("أعلنت جماعة الحوثي استهداف سفينة، وقالت الجماعة إنها أصابتها", "الجماعة", "Houthis"),
    ("قتل ثلاثة من مسلحي التنظيم بعدما هاجم تنظيم داعش القرية", "تنظيم داعش", "Islamic State"),
]


@pytest.mark.parametrize("text,words,name", COREF)
def test_coreference(annotate, actors, text, words, name) -> None:
    m, a = find(resolved(annotate, actors, text, "IQ"), words)
    assert m is not None and a.name == name


def test_anaphor_without_antecedent_is_not_a_mention(annotate) -> None:
    _, ms = annotate("قالت الحركة في بيان إنها ترفض القرار")
    assert [m.text for m in ms] == []


ROLES = [
    ("قال وزير الدفاع العراقي إن القوات جاهزة", "وزير الدفاع العراقي",
     "Military Forces of Iraq", "person_role"),
    ("قال المتحدث باسم الجيش الإسرائيلي إن الغارات مستمرة", "المتحدث باسم الجيش الإسرائيلي",
     "Military Forces of Israel", "person_role"),
    ("توعد المتحدث باسم كتائب حزب الله بالرد", "المتحدث باسم كتائب حزب الله",
     "Kataib Hezbollah", "person_role"),
    ("أعلنت وزارة الدفاع في الصومال مقتل عشرين مسلحا", "وزارة الدفاع في الصومال",
     "Military Forces of Somalia", "state"),
    ("قال نتنياهو إن الحرب مستمرة", "نتنياهو", "Government of Israel", "person_role"),
]


@pytest.mark.parametrize("text,words,name,kind", ROLES)
def test_person_roles(annotate, actors, text, words, name, kind) -> None:
    m, a = find(resolved(annotate, actors, text, "IQ"), words)
    assert m is not None and (a.name, m.kind) == (name, kind)


@pytest.mark.parametrize("country,inter", [("IQ", 8), ("US", 1), (None, 1)])
def test_inter_8_only_abroad(annotate, actors, country, inter) -> None:
    m, a = find(resolved(annotate, actors, "انتشرت القوات الأمريكية", country), "القوات الأمريكية")
    assert a.inter == inter


def test_groups_do_not_become_external(annotate, actors) -> None:
    m, a = find(resolved(annotate, actors, "قاتل حزب الله في القصير", "SY"), "حزب الله")
    assert (a.name, a.inter) == ("Hezbollah", 3)


@pytest.mark.parametrize("text,words,day,name,inter", [
    ("انتشرت قوات الدعم السريع في الخرطوم", "قوات الدعم السريع", dt.date(2023, 3, 1),
     "Military Forces of Sudan", 1),
    ("انتشرت قوات الدعم السريع في الخرطوم", "قوات الدعم السريع", dt.date(2023, 6, 1),
     "Rapid Support Forces", 2),
    ("سيطرت هيئة تحرير الشام على المدينة", "هيئة تحرير الشام", dt.date(2024, 6, 1),
     "Hayat Tahrir al-Sham", 2),
    ("انتشرت هيئة تحرير الشام في المدينة", "هيئة تحرير الشام", dt.date(2025, 1, 10),
     "Military Forces of Syria", 1),
])
def test_role_by_date(annotate, actors, text, words, day, name, inter) -> None:
    country = "SD" if "الدعم" in words else "SY"
    m, a = find(resolved(annotate, actors, text, country, day), words)
    assert (a.name, a.inter) == (name, inter)


@pytest.mark.parametrize("text", [
    "استهدفت الفصائل القاعدة بالطائرات المسيرة",   # a weapon, not a force
    "فتح مسؤولو البلدية الطريق",                    # an ordinary verb
    "طالب بقوة بإنهاء الأزمة",                      # "قوة" as an abstract noun
])
def test_no_actor(annotate, text) -> None:
    _, ms = annotate(text)
    assert [m.text for m in ms if m.strong] == []


def test_base_with_adjective_is_not_al_qaeda(annotate, actors) -> None:
    pairs = resolved(annotate, actors, "سقطت قذائف قرب القاعدة الأمريكية", "SY")
    assert [a.name for _, a in pairs] == ["Military Forces of the United States"]


def test_offsets_point_into_original(annotate) -> None:
    text = "وقَصَفَتْ القُوّاتُ الأمْرِيكِيّةُ مَواقِعَ"
    _, ms = annotate(text)
    assert [text[m.start:m.end] for m in ms] == [m.text for m in ms]
    assert ms[0].text == "القُوّاتُ الأمْرِيكِيّةُ"


@pytest.mark.parametrize("text,site", [
    ("سقطت صواريخ على قاعدة عين الأسد التي تستضيف قوات أميركية", "قاعدة عين الأسد"),
    ("سقطت قذائف على القاعدة الأمريكية في حقل العمر", "القاعدة"),
])
def test_holder_of_site(annotate, actors, text, site) -> None:
    doc, ms = annotate(text)
    start = text.index(site)
    held = holder_of_site(doc, (start, start + len(site)), ms, actors)
    assert held is not None and held.actor_id == "intl.us.military"


def test_holder_of_site_none_without_cue(annotate, actors) -> None:
    text = "سقطت صواريخ على قاعدة عين الأسد وأعلنت القوات الأمريكية حالة التأهب"
    doc, ms = annotate(text)
    start = text.index("قاعدة عين الأسد")
    assert holder_of_site(doc, (start, start + 15), ms, actors) is None


def test_cli_prints_json() -> None:
    import json
    res = CliRunner().invoke(actors_command, [
        "قصفت القوات الأمريكية مواقع لكتائب حزب الله", "--country", "iq", "--date", "2024-02-02"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.output)
    assert [(r["name"], r["inter"], r["kind"]) for r in rows] == [
        ("Military Forces of the United States", 8, "state"), ("Kataib Hezbollah", 3, "group")]
    assert set(rows[0]) >= {"id", "name", "inter", "country", "kind", "text", "start", "end"}


def test_cli_help_and_bad_date() -> None:
    runner = CliRunner()
    assert "Example:" in runner.invoke(actors_command, ["--help"]).output
    res = runner.invoke(actors_command, ["نص", "--date", "2024-13-40"])
    assert res.exit_code != 0 and "YYYY-MM-DD" in res.output


@pytest.mark.parametrize("text,words,name", [
    ("أعلنت جماعة نصرة الإسلام والمسلمين مسؤوليتها، وقالت الجماعة الإرهابية إنها قتلت جنودا",
     "الجماعة الإرهابية", "Jama'at Nusrat al-Islam wal-Muslimin"),
    ("تبنى تنظيم القاعدة في جزيرة العرب الهجوم الذي نفذه مسلحي التنظيم الإرهابي",
     "مسلحي التنظيم الإرهابي", "Al Qaeda in the Arabian Peninsula"),
])
def test_descriptions_refer_back(annotate, actors, text, words, name) -> None:
    m, a = find(resolved(annotate, actors, text, "YE"), words)
    assert m is not None and a.name == name


def test_description_without_antecedent_is_generic(annotate, actors) -> None:
    m, a = find(resolved(annotate, actors, "هاجمت الجماعة المسلحة القرية", "ML"), "الجماعة المسلحة")
    assert a.name == "Unidentified Armed Group (Mali)"
