"""The taxonomy data file is the codebook's table, exactly."""
from rasd.taxonomy import WEAPON_CODES, Taxonomy

# CODEBOOK §2, written out: the contract this file must keep.
CODEBOOK_TABLE = {
    "Battles": ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
    "Explosions/Remote violence": ["Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
                                   "Grenade"],
    "Violence against civilians": ["Sexual violence", "Attack", "Abduction/forced disappearance"],
    "Protests": ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
    "Riots": ["Violent demonstration", "Mob violence"],
    "Strategic developments": ["Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"],
}


def test_event_types_match_codebook():
    tax = Taxonomy.load()
    assert {k: list(v) for k, v in tax.event_types.items()} == CODEBOOK_TABLE


def test_remote_hierarchy_is_codebook_order():
    tax = Taxonomy.load()
    assert tax.remote_hierarchy == tuple(CODEBOOK_TABLE["Explosions/Remote violence"])
    assert tax.remote_rank("Air/drone strike") > tax.remote_rank("Shelling/artillery/missile attack")
    assert tax.remote_rank("Armed clash") == -1


def test_inter_codes_are_one_to_eight():
    assert sorted(Taxonomy.load().inter) == list(range(1, 9))


def test_event_type_of_sub_type():
    tax = Taxonomy.load()
    assert tax.event_type_of("Arrests") == "Strategic developments"
    assert tax.event_type_of("Grenade") == "Explosions/Remote violence"


def test_weapon_codes_are_codebook_list():
    assert len(WEAPON_CODES) == 18 and len(set(WEAPON_CODES)) == 18


def test_non_lethal_sub_types_are_known_and_not_violent():
    tax = Taxonomy.load()
    known = {sub for subs in CODEBOOK_TABLE.values() for sub in subs}
    assert tax.non_lethal and tax.non_lethal <= known
    violent = set(CODEBOOK_TABLE["Battles"]) | set(CODEBOOK_TABLE["Explosions/Remote violence"])
    assert not tax.non_lethal & violent
