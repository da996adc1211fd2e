"""heldout15–17's precision classes in general form (bench/ACTOR_RESULTS.md, "heldout15–17's precision classes
(branch actors20)"): notes after an organisation kept as provisional pieces (a site's number, a level of the
response, an unknown acronym closing a cell after a dash, a second sector glued to a cluster's name), names cut at
a conjunction inside one name, collectives (bodies named by their places, committees of an agency's premises, a
body's members after a colon, an acronym spelt out as a collective) and a family's name before its members; and
a registry organisation's office named by its town.
Written with other bodies, places and languages than any labelled cell."""

from __future__ import annotations

import pytest

from normalizers.actor_notes import is_site_or_level
from normalizers.actors import Registry
from tests.normalizers.actor_cells import actors


@pytest.mark.parametrize(
    ("piece", "note"),
    [
        ("Camp 3", True),  # a site and its number
        ("Zone 7-8", True),
        ("Upper Nile sub-national", True),  # a region and a level
        ("sous-national", True),  # a level alone
        ("Nariño subnacional", True),
        ("Camp Hope", False),  # a site's name: maybe an organisation's
        ("Youth Development Hub", False),  # organisation words before the level word
        ("Women's Network", False),
    ],
)
def test_a_site_number_or_a_level_is_a_note(piece: str, note: bool) -> None:
    assert is_site_or_level(piece) is note


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # a site's number after an organisation and a comma or a dash
        ("NRC, Camp 5-6", "KEN", ["nrc"]),
        ("IRC – Zone 3", "KEN", ["irc"]),
        # a level of the response, with its region or alone, after a body
        ("Protection Cluster – Upper Nile sub-national", "SSD", ["ssd-protection-cluster"]),
        ("Cluster Santé – Kasaï sous-national", "COD", ["cod-health-cluster"]),
        # an unknown acronym closing a cell of one organisation after a spaced dash: its area, unit or own acronym
        ("Norwegian Refugee Council – NEB", "SYR", ["nrc"]),
        ("Administração do Distrito de Chiure – SDAE", "MOZ", ["+Administração do Distrito de Chiure"]),
        # ... never a registry acronym, nor an acronym in a list
        ("Oxfam – IRC", "KEN", ["oxfam", "irc"]),
    ],
)
def test_notes_after_an_organisation_are_part_of_its_mention(
    cell: str, country: str, expected: list[str | None], registry: Registry
) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # a second sector glued to a cluster's name by a slash: the cluster of the first, its role read after it
        ("Cluster Abris/AME – point focal Uvira", "COD", ["cod-shelter-cluster--focal-point"]),
        ("Shelter Cluster/NFI", "SSD", ["ssd-shelter-cluster"]),
        # a conjunction inside one name: a paired term, or a second half opened by a common word with no
        # organisation word
        ("Cooperativa de Ahorro y Crédito San Isidro", "PER", ["+Cooperativa de Ahorro y Crédito San Isidro"]),
        ("Junta de Agua y Saneamiento de Yoro", "HND", ["+Junta de Agua y Saneamiento de Yoro"]),
        (
            "Defensa Civil y Administración de Emergencias de Loreto",
            "PER",
            ["+Defensa Civil y Administración de Emergencias de Loreto"],
        ),
        # two names stay two
        ("Alcaldía de Ipiales y Cruz Roja Colombiana", "COL", ["+Alcaldía de Ipiales", "rc-col"]),
    ],
)
def test_a_cluster_s_second_sector_and_a_name_s_conjunction_stay_in_the_name(
    cell: str, country: str, expected: list[str | None], registry: Registry
) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # bodies of a kind named by their places in brackets: no one
        ("VDCs (Lower Kosi, Upper Tamor)", "NPL", [None]),  # the acronym unread, left to review
        ("water committees (Lower Kosi Bazaar, Upper Tamor Khola)", "NPL", []),
        # committees of a registry agency's premises: where they sit, not the agency
        ("parents' committees (UNICEF schools)", "SSD", []),
        ("comités de gestion (écoles UNICEF)", "COD", []),
        # a body's members after a colon: no one
        ("Cluster Nutrition : tous les partenaires", "COD", []),
        # an acronym spelt out in brackets as a collective: no one
        ("CODECO (comités de desarrollo comunitario)", "GTM", []),
        # a family's name before a bracket of its members: the members only
        ("UN (WFP, UNICEF)", "SSD", ["wfp", "unicef"]),
        ("Croix-Rouge (CICR / Croix-Rouge Malienne)", "MLI", ["icrc", "rc-mli"]),
        # a family's name before a bracket naming no member of it stays
        ("UN (Juba office)", "SSD", ["un"]),
    ],
)
def test_collectives_and_families_name_no_one_of_their_own(
    cell: str, country: str, expected: list[str | None], registry: Registry
) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # a UN agency and its town's hub
        ("UNHCR Dollo Ado hub", "ETH", ["unhcr"]),
        ("OCHA Bunia hub", "COD", ["ocha"]),
        # an international NGO written by its acronym, then one town's word
        ("NRC Bentiu", "SSD", ["nrc"]),
        ("ACF Kaya", "BFA", ["acf"]),
        # ... never an NGO written by its name before a word (a namesake of its own), nor two words after an acronym
        ("Caritas Maradi", "NER", ["+Caritas Maradi"]),
        ("NRC Radio Bentiu", "SSD", [None]),
    ],
)
def test_a_registry_organisation_s_office_named_by_its_town_is_that_organisation(
    cell: str, country: str, expected: list[str | None], registry: Registry
) -> None:
    assert actors(cell, country, registry) == expected
