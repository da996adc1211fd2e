"""heldout14's classes in general form (bench/ACTOR_RESULTS.md, "heldout14's classes (branch actors16)"): a
registry body's commission or secretariat is that body, a collective of officials is no registry acronym, towns in a
bracket after agencies and two names joined by "&" are no organisation, and names headed or closed by an
organisation word of more languages and scripts are kept as provisional actors. Written with other organisations,
places and languages than any labelled cell."""

from __future__ import annotations

import pytest

from normalizers.actors import Registry, ResolutionContext, resolve_cell
from tests.normalizers.actor_cells import actors


def doubts(cell: str, country: str, registry: Registry) -> list[str | None]:
    """The reason each mention of a cell was routed to review (None for a mention that was not)."""
    refs = resolve_cell(cell, registry, "lead", ResolutionContext(country=country))
    return [ref.doubt for ref in refs if ref.method != "not_actor"]


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # an intergovernmental body's commission or secretariat is that body (tests/data/LABELS.md rule 1)
        ("OECS Commission – Health Unit", "LCA", ["crs-47082"]),
        ("SADC Secretariat", "BWA", ["crs-47089"]),
        ("Pacific Islands Forum Secretariat", "WSM", ["crs-47087"]),
        # another body's commission stays a body of its own
        ("National Land Commission", "NPL", ["+National Land Commission"]),
    ],
)
def test_a_registry_body_s_commission_or_secretariat_is_that_body(
    cell: str, country: str, expected: list[str | None], registry: Registry
) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    "cell",
    ["GN officers of the affected divisions", "CDO officers of the hill districts", "LGU officials of the barangays"],
)
def test_officials_of_places_are_no_registry_acronym(cell: str, registry: Registry) -> None:
    assert actors(cell, "NPL", registry) == [None]


def test_towns_in_a_bracket_after_agencies_go_to_review(registry: Registry) -> None:
    # the known place is left unresolved (to review); the town beside it in the bracket is a note of the
    # organisations before it (actors18: a town in a bracketed list holding a known place), never an actor
    cell = "UNHCR / IOM / WHO (Nampula, Alto Molocue)"
    assert actors(cell, "MOZ", registry) == ["unhcr", "iom", "who", None]
    towns = "UNHCR / IOM (Gurue, Milange)"  # towns only, none known: said out loud
    assert actors(towns, "MOZ", registry) == ["unhcr", "iom", None, None]
    assert "places_in_bracket" in doubts(towns, "MOZ", registry)


def test_two_names_closed_by_organisation_words_joined_by_ampersand_go_to_review(registry: Registry) -> None:
    cell = "Kailali District Coordination Committee & Dhangadhi DDMC"
    assert actors(cell, "NPL", registry) == [None]
    assert doubts(cell, "NPL", registry) == ["ampersand_names"]


@pytest.mark.parametrize(
    ("cell", "country"),
    [
        ("Chama cha Walimu wa Kigoma", "TZA"),
        ("Halmashauri ya Wilaya ya Kasulu", "TZA"),
        ("Koperative Abishyizehamwe ba Rusizi", "RWA"),
        ("Fikambanana Vehivavy Mpamboly Anosy", "MDG"),
        ("Samahan ng mga Magsasaka ng Samar", "PHL"),
        ("Hợp tác xã Dịch vụ Nông nghiệp Tân Phú", "VNM"),
        ("Khukumat of Rasht district", "TJK"),
        ("Dhubri District Administration", "IND"),
        ("डोटी युवा विकास समिति", "NPL"),
        ("มูลนิธิเพื่อนหญิงลำปาง", "THA"),
        ("ສະມາຄົມຊາວໜຸ່ມ ແຂວງຫຼວງພະບາງ", "LAO"),
        ("စစ်ကိုင်း လူငယ် အသင်း", "MMR"),
        ("ගාල්ල ප්\u200dරජා සංගමය", "LKA"),
        ("யாழ்ப்பாணம் பெண்கள் அபிவிருத்தி சங்கம்", "LKA"),
        ("انجمن زنان کارآفرین شیراز", "IRN"),
        ("شهرداری اهواز", "IRN"),
        ("იმერეთის ახალგაზრდული ცენტრი", "GEO"),
        ("Գյումրիի երիտասարդական կենտրոն", "ARM"),
        ("Говийн малчдын хоршоо", "MNG"),
        ("Акимат Павлодарской области", "KAZ"),
        ("Айыл өкмөтү Ак-Суу", "KGZ"),
    ],
)
def test_a_name_with_an_organisation_word_of_another_language_is_kept(
    cell: str, country: str, registry: Registry
) -> None:
    assert actors(cell, country, registry) == [f"+{cell}"]


@pytest.mark.parametrize(
    ("cell", "country"), [("ສະບາຍດີ ແຂວງຫຼວງພະບາງ", "LAO"), ("यो काम जारी छ", "NPL"), ("شیراز و اهواز", "IRN")]
)
def test_words_of_another_script_with_no_organisation_word_are_not_kept(
    cell: str, country: str, registry: Registry
) -> None:
    assert actors(cell, country, registry) == [None]


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # a church's diocese, a Red Cross society's branch by its place: that church, that society
        ("Anglican Church of Kenya – Mumias Diocese", "KEN", ["+Anglican Church of Kenya"]),
        ("Cruz Roja Guatemalteca – Consejo Quetzaltenango", "GTM", ["rc-gtm"]),
        ("Croix-Rouge Burkinabè – Comité Provincial du Kadiogo", "BFA", ["rc-bfa"]),
        # a body with a name of its own after the society stays
        (
            "Cruz Roja Guatemalteca – Consejo Municipal de Desarrollo",
            "GTM",
            ["rc-gtm", "+Consejo Municipal de Desarrollo"],
        ),
    ],
)
def test_a_branch_after_its_church_or_society_is_that_body(
    cell: str, country: str, expected: list[str | None], registry: Registry
) -> None:
    assert actors(cell, country, registry) == expected


def test_a_regional_body_after_an_agency_s_office_goes_to_review(registry: Registry) -> None:
    cell = "UN Women Barbados and the OECS"
    assert actors(cell, "ATG", registry) == ["un-women", None]
    assert doubts(cell, "ATG", registry) == [None, "region_of_office"]


@pytest.mark.parametrize("cell", ["UNDP & OECS", "UNICEF, OECS"])
def test_a_regional_body_beside_an_agency_stays(cell: str, registry: Registry) -> None:
    assert actors(cell, "LCA", registry)[-1] == "crs-47082"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        # the global areas of responsibility by their French, Spanish and Portuguese names, in a global cell
        ("Coordonnateur du Domaine de Responsabilité Lutte Antimines", ["ma-aor--coordinator"]),
        ("Coordinadora del Área de Responsabilidad de VBG", ["gbv-aor--coordinator"]),
    ],
)
def test_a_global_area_of_responsibility_in_another_language(
    cell: str, expected: list[str | None], registry: Registry
) -> None:
    assert actors(cell, None, registry) == expected


def test_a_country_area_of_responsibility_in_another_language_stays_the_country_s(registry: Registry) -> None:
    assert actors("Coordinadora del Área de Responsabilidad de VBG", "COL", registry) == ["col-gbv-aor--coordinator"]


def test_a_pacific_body_by_its_acronym(registry: Registry) -> None:
    assert actors("SPREP", "WSM", registry) == ["crs-47097"]


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # a topic's focal point written before the organisation it works for, after a comma or a dash: its role
        ("AAP focal point, NRC Kismayo", "SOM", ["nrc--focal-point"]),
        ("Disability inclusion focal point – UNICEF Cox's Bazar", "BGD", ["unicef--focal-point"]),
        # a registry organisation before the role is the role's holder, the one after it another organisation
        ("UNICEF focal point, WFP", "SOM", ["unicef--focal-point", "wfp"]),
        # a coordination body's focal point stays the body's, its agency beside it
        ("Health Cluster focal point, WHO", "SOM", ["som-health-cluster--focal-point", "who"]),
    ],
)
def test_a_topic_focal_point_before_its_organisation_is_that_organisation_s_role(
    cell: str, country: str, expected: list[str | None], registry: Registry
) -> None:
    assert actors(cell, country, registry) == expected
