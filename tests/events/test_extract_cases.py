"""Event extraction on sentences written for these tests (news register, not real articles)."""
import pytest

import rasd

PUB = "2024-03-12"

# text, event_type, sub_event_type, actor1, actor2, place, fatalities
EVENTS = [
    ("استهدفت طائرة مسيرة تركية فجر اليوم سيارة في مدينة القامشلي، ما أسفر عن مقتل ثلاثة عناصر من قوات سوريا الديمقراطية.",
     "Explosions/Remote violence", "Air/drone strike", "Military Forces of Turkey", None, "Al-Qamishli", 3),
    ("قصفت المدفعية الإسرائيلية أطراف بلدة الخيام في جنوب لبنان صباح اليوم.",
     "Explosions/Remote violence", "Shelling/artillery/missile attack", "Military Forces of Israel", None, "Khiam", None),
    ("اندلعت اشتباكات عنيفة بين الجيش السوداني وقوات الدعم السريع في مدينة الفاشر أمس، وأسفرت عن مقتل 12 شخصاً.",
     "Battles", "Armed clash", "Military Forces of Sudan", "Rapid Support Forces", "El Fasher", 12),
    ("انفجرت عبوة ناسفة بدورية للشرطة العراقية في قضاء الطارمية شمال بغداد.",
     "Explosions/Remote violence", "Remote explosive/landmine/IED", "Unidentified Armed Group (Iraq)",
     "Police Forces of Iraq", "Tarmiyah", None),
    ("اختطف مسلحون مجهولون طبيباً من أمام منزله في مدينة درعا مساء أمس.",
     "Violence against civilians", "Abduction/forced disappearance", "Unidentified Armed Group (Syria)", None,
     "Dar'a", None),
    ("اعتقلت القوات الإسرائيلية عشرة فلسطينيين خلال حملة دهم في مدينة نابلس فجر اليوم.",
     "Strategic developments", "Arrests", "Military Forces of Israel", None, "Nablus", None),
    ("اعترضت الدفاعات الجوية السعودية صاروخاً باليستياً أطلقه الحوثيون باتجاه مدينة جازان مساء أمس.",
     "Strategic developments", "Disrupted weapons use", "Military Forces of Saudi Arabia", "Houthis", "Jizan", None),
    ("فجر الجيش السعودي بصواريخ باتريوت صاروخاً باليستياً في سماء مدينة جازان مساء أمس دون وقوع إصابات.",
     "Strategic developments", "Disrupted weapons use", "Military Forces of Saudi Arabia", None, "Jizan", 0),
    ("تظاهر مئات المواطنين اليوم في مدينة البصرة للمطالبة بتحسين خدمات الكهرباء.",
     "Protests", "Peaceful protest", "Protesters (Iraq)", None, "Basra", None),
    ("فجر انتحاري نفسه بحزام ناسف في سوق شعبي بمدينة مقديشو، ما أسفر عن مقتل سبعة مدنيين.",
     "Explosions/Remote violence", "Suicide bomb", "Unidentified Armed Group (Somalia)", "Civilians (Somalia)",
     "Mogadishu", 7),
    ("قتل شخصان برصاص مسلحين مجهولين في حي الميدان بدمشق ليلة أمس.",
     "Violence against civilians", "Attack", "Unidentified Armed Group (Syria)", "Civilians (Syria)", "Al-Midan", 2),
    ("أطلق مسلحون النار على حاجز للجيش اللبناني في بلدة عرسال، واشتبكوا مع عناصره لساعة.",
     "Battles", "Armed clash", "Unidentified Armed Group (Lebanon)", "Military Forces of Lebanon", "Arsal", None),
    ("قتل ثلاثة فلسطينيين برصاص الجيش الإسرائيلي في مدينة جنين فجر اليوم.",
     "Violence against civilians", "Attack", "Military Forces of Israel", "Civilians (Palestine)", "Jenin", 3),
    ("استهدفت المقاومة الإسلامية في العراق قاعدة حرير شمال أربيل بطائرتين مسيرتين صباح اليوم.",
     "Explosions/Remote violence", "Air/drone strike", "Islamic Resistance in Iraq", None, "Harir Air Base", None),
]


@pytest.mark.parametrize("text, etype, sub, actor1, actor2, place, fatalities", EVENTS)
def test_one_event_with_its_fields(text, etype, sub, actor1, actor2, place, fatalities):
    events = rasd.extract(text, published=PUB)
    assert len(events) == 1
    e = events[0]
    assert (e.event_type, e.sub_event_type) == (etype, sub)
    assert e.actor1 is not None and e.actor1.name == actor1
    if actor2 is not None:
        assert e.actor2 is not None and e.actor2.name == actor2
    assert e.location is not None and e.location.name == place
    assert e.fatalities == fatalities
    for start, end in e.evidence:
        assert text[start:end].strip() == text[start:end] and end - start > 10


NOT_EVENTS = [
    "هددت الجماعة بقصف القواعد الأمريكية في حال استمرار الغارات.",  # threat, conditional
    "ستقوم القوات بشن هجوم واسع على مواقع التنظيم الأسبوع المقبل.",  # plan
    "نفى الجيش أن تكون طائراته قد قصفت المستشفى.",  # denial
    "دعا الأمين العام إلى وقف الهجمات على المدنيين في السودان.",  # call
    "سجلت المنظمة 78 هجوماً على المنشآت الصحية منذ بداية العام.",  # aggregate
    "وزار وزير الدفاع القاعدة الجوية وتفقد القوات المنتشرة فيها.",  # visit
    "لم تسفر الغارة عن أي إصابات بحسب المصادر، ولم يستهدف أي منزل.",  # negation (no place either)
]


@pytest.mark.parametrize("text", NOT_EVENTS)
def test_not_events(text):
    assert rasd.extract(text, published=PUB) == []


def test_future_prefix_is_not_an_event():
    assert rasd.extract("وقال القائد إن قواته ستقصف مواقع المسلحين في الموصل.", published=PUB) == []


ARTICLE = (
    "غارة إسرائيلية على بلدة حولا\n"
    "حولا، 12 آذار 2024 - مراسلنا:\n"
    "استشهد شخصان وأصيب ثلاثة آخرون فجر اليوم في غارة شنتها طائرة مسيرة إسرائيلية على منزل في بلدة حولا جنوب لبنان.\n"
    "وقال الدفاع المدني إن الغارة دمرت المنزل بالكامل.\n"
    "وكان الجيش الإسرائيلي قد هدد بتوسيع عملياته في المنطقة.\n"
)


def test_lead_body_and_headline_are_one_event():
    events = rasd.extract(ARTICLE, published=PUB)
    assert len(events) == 1
    e = events[0]
    assert e.sub_event_type == "Air/drone strike" and e.actor1.name == "Military Forces of Israel"
    assert e.location.name == "Houla" and e.location.country == "LB"
    assert (e.fatalities, e.injuries, e.date, e.date_precision) == (2, 3, "2024-03-12", 1)
    assert len(e.evidence) >= 2
    assert e.notes.startswith("On 12 March 2024, Military Forces of Israel")


def test_no_casualty_phrase_gives_zero():
    text = "سقطت ثلاثة صواريخ على قاعدة بلد الجوية فجر اليوم من دون وقوع إصابات."
    (e,) = rasd.extract(text, published=PUB)
    assert (e.fatalities, e.injuries) == (0, 0)


@pytest.mark.parametrize("text, fatalities, injuries", [
    ("قُتل مدني وأصيب آخر جراء سقوط قذيفة على بلدة المطلة صباح اليوم.", 1, 1),
    ("أعلنت وزارة الصحة مقتل شاب برصاص الجيش الإسرائيلي في مدينة طوباس فجر اليوم.", 1, None),
    ("قُتل ضابط في الجيش وأحد مرافقيه وعدد من المسلحين في اشتباكات بمدينة درعا اليوم.", None, None),
    ("قتل جنود في هجوم مسلح على حاجز للجيش في مدينة العريش اليوم.", None, None),
])
def test_a_single_person_noun_after_a_casualty_word_is_one(text, fatalities, injuries):
    (e,) = rasd.extract(text, published=PUB)
    assert (e.fatalities, e.injuries) == (fatalities, injuries)


def test_no_publication_date_leaves_relative_dates_null():
    (e,) = rasd.extract("قصفت المدفعية الإسرائيلية أطراف بلدة الخيام أمس.")
    assert e.date is None and e.date_precision is None


def test_coordinated_places_give_one_event_each():
    text = "شنت طائرات حربية غارات جوية على مدينتي رفح والشيخ زويد في شمال سيناء مساء أمس."
    places = sorted(e.location.name for e in rasd.extract(text, published=PUB))
    assert places == ["Rafah", "Sheikh Zuweid"]


def test_forces_that_repel_an_attack_are_the_second_side():
    text = "تصدت قوات الجيش السوري لهجوم شنه مسلحو تنظيم داعش على نقطة عسكرية قرب مدينة تدمر فجر اليوم."
    (e,) = rasd.extract(text, published=PUB)
    assert e.event_type == "Battles"
    assert (e.actor1.name, e.actor2.name) == ("Islamic State", "Military Forces of Syria")


def test_riot_crowd_is_rioters_and_the_police_the_other_side():
    text = ("رشق متظاهرون غاضبون قوات الأمن بالحجارة في ساحة رياض الصلح وسط بيروت مساء اليوم، "
            "فردت القوى الأمنية بالغاز المسيل للدموع.")
    (e,) = rasd.extract(text, published=PUB)
    assert (e.event_type, e.actor1.name, e.actor1.inter) == ("Riots", "Rioters (Lebanon)", 5)
    assert e.actor2 is not None and e.actor2.inter == 1


def test_force_firing_on_a_crowd_is_a_protest_with_intervention():
    text = "أطلقت قوات الأمن قنابل الغاز المسيل للدموع على المتظاهرين أمام مبنى البرلمان في بغداد مساء اليوم."
    (e,) = rasd.extract(text, published=PUB)
    assert (e.event_type, e.sub_event_type) == ("Protests", "Protest with intervention")
    assert e.actor1.name == "Protesters (Iraq)" and e.actor2.name == "Military Forces of Iraq"
    assert "tear_gas" in e.weapons


def test_launching_a_campaign_is_not_an_attack():
    assert rasd.extract("أطلقت وزارة الصحة حملة تطعيم في مدينة الموصل اليوم.", published=PUB) == []


def test_arrested_people_are_civilians_unless_named():
    (e,) = rasd.extract("اعتقلت الشرطة المصرية أمس خمسة أشخاص في مدينة الإسكندرية.", published=PUB)
    assert e.sub_event_type == "Arrests" and e.actor2.name == "Civilians (Egypt)"


def test_a_definite_retelling_joins_the_event_it_refers_to():
    text = ("قتل ثلاثة مدنيين في قصف مدفعي استهدف بلدة كفرنبل بريف إدلب صباح اليوم.\n"
            "وقال الدفاع المدني إن القصف ألحق أضراراً كبيرة بالمنازل.")
    (e,) = rasd.extract(text, published=PUB)
    assert e.location.name == "Kafr Nabl" and len(e.evidence) == 2 and e.fatalities == 3


def test_a_vague_mention_abroad_is_not_the_news():
    text = ("المرصد: اختطاف ثلاثة شبان في طريقهم إلى لبنان\n"
            "اختطف مسلحون مجهولون ثلاثة شبان قرب بلدة الصبورة في ريف دمشق صباح اليوم.")
    events = rasd.extract(text, published=PUB)
    assert [e.location.country for e in events] == ["SY"]


def test_an_agreement_carries_no_death_toll():
    text = ("بعد عامين من حرب راح ضحيتها أكثر من 50 ألف قتيل، أعلنت الحكومة السودانية وقوات الدعم السريع "
            "التوصل إلى اتفاق لوقف إطلاق النار في جدة اليوم.")
    events = [e for e in rasd.extract(text, published=PUB) if e.sub_event_type == "Agreement"]
    assert events and events[0].fatalities is None and events[0].injuries is None


def test_another_story_is_never_merged_into_the_first():
    text = ("قتل شخصان في غارة شنتها طائرة مسيرة إسرائيلية على سيارة في جنوب لبنان صباح اليوم.\n"
            "وفي سياق آخر، قتل شخص في غارة إسرائيلية على دراجة نارية في جنوب لبنان مساء اليوم.")
    events = rasd.extract(text, published=PUB)
    assert sorted(e.fatalities for e in events) == [1, 2]


def test_a_vague_lead_event_stands_beside_another_story_placed_abroad():
    text = ("قتل شخصان في غارة شنتها طائرة مسيرة إسرائيلية على سيارة في جنوب لبنان صباح اليوم.\n"
            "وفي سياق آخر، قتل جندي في انفجار عبوة ناسفة بدورية للجيش في مدينة العريش اليوم.")
    places = {e.location.name for e in rasd.extract(text, published=PUB)}
    assert places == {"South Lebanon", "Al Arish"}


def test_no_casualties_said_in_the_next_sentence():
    text = ("سقطت قذيفة هاون على قاعدة التاجي شمال بغداد مساء اليوم.\n"
            "وأضاف المصدر أنه لم ترد أنباء عن وقوع إصابات.")
    (e,) = rasd.extract(text, published=PUB)
    assert (e.fatalities, e.injuries) == (0, 0)


@pytest.mark.parametrize("text, actor1, actor2", [
    ("توصلت إسرائيل وحركة حماس إلى اتفاق لوقف إطلاق النار في القاهرة اليوم.", "Government of Israel", "Hamas"),
    ("وقعت الحكومة السودانية وقوات الدعم السريع اتفاقا لوقف إطلاق النار في جدة اليوم.",
     "Government of Sudan", "Rapid Support Forces"),
    ("أعلنت الحكومة الإسرائيلية وحركة حماس التوصل إلى اتفاق لوقف إطلاق النار في الدوحة اليوم.",
     "Government of Israel", "Hamas"),
    # a byline city before and a force after the agreement are not its parties
    ("سامي علي - القاهرة - توصلت إسرائيل وحركة حماس اليوم إلى اتفاق شامل لوقف إطلاق النار، يشمل خروجا "
     "تدريجيا للجيش الإسرائيلي.", "Government of Israel", "Hamas"),
])
def test_the_parties_to_an_agreement_in_the_order_named(text, actor1, actor2):
    (e,) = rasd.extract(text, published=PUB)
    assert (e.sub_event_type, e.actor1.name, e.actor2.name) == ("Agreement", actor1, actor2)


def test_an_agreement_is_placed_where_it_is_signed_not_where_the_war_is():
    text = "صادقت الحكومة السودانية اليوم على اتفاق وقف إطلاق النار في دارفور، كما تم التوقيع عليه في السعودية."
    (e,) = rasd.extract(text, published=PUB)
    assert (e.sub_event_type, e.location.country) == ("Agreement", "SA")


@pytest.mark.parametrize("text, actor1, actor2", [
    ("أعلنت القيادة العسكرية الأمريكية في إفريقيا أنها قتلت 27 عنصرا من مقاتلي حركة الشباب في غارة جوية "
     "قرب بوصاصو السبت.", "Military Forces of the United States", "Al Shabaab"),
    ("قالت جماعة نصرة الإسلام والمسلمين اليوم إنها نفذت هجوما على موقع عسكري تابع للقوات المسلحة المالية "
     "في منطقة بوني.", "Jama'at Nusrat al-Islam wal-Muslimin", "Military Forces of Mali"),
    ("أعلن الجيش الإسرائيلي أنه قتل ثلاثة مسلحين في اشتباك قرب مدينة جنين.",
     "Military Forces of Israel", "Unidentified Armed Group (Palestine)"),
    # the speaker who repelled an attack is still its second side
    ("أكد الجيش السوري أنه تصدى لمحاولة تسلل نفذتها عناصر من قوات سوريا الديمقراطية في ريف الرقة.",
     "Syrian Democratic Forces", "Military Forces of Syria"),
])
def test_a_side_that_says_it_acted_is_actor1(text, actor1, actor2):
    (e,) = rasd.extract(text, published=PUB)
    assert (e.actor1.name, e.actor2.name) == (actor1, actor2)


def test_killed_and_wounded_soldiers_are_the_side_that_was_hit():
    text = "قتل وأصيب عدد من جنود الجيش المصري بهجوم مسلح على كمين أمني جنوب مدينة العريش اليوم."
    (e,) = rasd.extract(text, published=PUB)
    assert (e.actor1.name, e.actor2.name) == ("Unidentified Armed Group (Egypt)", "Military Forces of Egypt")


@pytest.mark.parametrize("text", [
    "قتل مسلحان في غارة جوية قرب مدينة جنين، بحسب الجيش الإسرائيلي.",
    "قصفت المدفعية التركية قرى في ريف الحسكة، بحسب ما أعلنت قوات سوريا الديمقراطية.",
])
def test_the_side_that_reports_an_event_is_not_in_it(text):
    (e,) = rasd.extract(text, published=PUB)
    assert e.actor2 is None


def test_firing_with_the_subject_between_verb_and_object():
    (e,) = rasd.extract("أطلق مسلحون مجهولون النار على شاب في بلدة الحريجي ما أدى إلى مصرعه.", published=PUB)
    assert (e.sub_event_type, e.actor2.name, e.fatalities) == ("Attack", "Civilians (Syria)", 1)


def test_a_ceasefire_on_every_front_is_not_a_shooting():
    assert rasd.extract("أعلن الطرفان وقف إطلاق النار على جميع الجبهات في ليبيا.", published=PUB) == []


def test_forces_that_foil_a_drone_attack_did_not_launch_it():
    text = "هاجمت طائرات مسيرة مدينة الدمازين صباح اليوم، وتمكنت الفرقة الرابعة مشاة التابعة للجيش من إفشاله."
    (e,) = rasd.extract(text, published=PUB)
    assert (e.sub_event_type, e.actor1.name) == ("Air/drone strike", "Unidentified Armed Group (Sudan)")
