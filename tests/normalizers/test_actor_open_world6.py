"""Classes the sixth held-out split showed (bench/ACTOR_RESULTS.md, "Fifth session, after heldout6"), written here
with other organisations, places and languages than any labelled cell: a country's code after a name, a country
affiliate the registry lists, roles written role first in French, Spanish and Portuguese, a place closing a name,
two names joined by a conjunction, an agency's office named by its place, registry bodies' names in other
languages."""

from __future__ import annotations

import pytest

from normalizers.actors import Registry
from tests.normalizers.actor_cells import actors


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # a country's ISO code or the initials of its name after an organisation: that organisation's office there,
        # never another organisation's acronym (SS, BF, CAR, SL are no one else here)
        ("Mercy Corps SS", "SSD", ["mercy-corps"]),
        ("Plan International BF", "BFA", ["plan-international"]),
        ("Oxfam CAR", "CAF", ["oxfam"]),
        ("Concern Worldwide SL; Plan International", "SLE", ["concern", "plan-international"]),
        # the initials of a country's name that are another organisation's acronym: still the country
        ("Save the Children DRC", "COD", ["save-the-children"]),
        ("Save the Children DRC", None, ["save-the-children"]),
        # after an acronym, a list of acronyms stays a list
        ("IRC DRC", None, ["irc", "drc"]),
        # a country affiliate the registry lists, named with the country in another language
        ("World Relief Tchad", "TCD", ["hapi-world-relief-chad"]),
    ],
)
def test_country_codes_and_affiliates(cell: str, country: str | None, expected: list[str], registry: Registry) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # a body's role written role first in French, Spanish and Portuguese: the role, never the body alone
        ("Chargé de gestion de l'information du Cluster Protection", "MLI", ["mli-protection-cluster--im-officer"]),
        ("Gestora de información del Clúster de Protección", "VEN", ["ven-protection-cluster--im-officer"]),
        ("Gestor de informação do Cluster de Abrigo", "MOZ", ["moz-shelter-cluster--im-officer"]),
        # a topic of several words, links inside it, between the role and the agency holding it
        ("Point focal Protection de l'enfance en urgence du HCR", "NER", ["unhcr--focal-point"]),
        ("Ponto focal de Protecção contra Exploração e Abuso Sexual do PAM", "MOZ", ["wfp--focal-point"]),
    ],
)
def test_roles_written_role_first(cell: str, country: str, expected: list[str], registry: Registry) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # a town after a comma closing a complete name: where it sits, not a second organisation
        ("National University of Lesotho, Roma", "LSO", ["+National University of Lesotho"]),
        ("Caritas Bangladesh, Khulna", "BGD", ["+Caritas Bangladesh"]),
        ("IOM Regional Office for West Africa, Dakar", "SEN", ["iom"]),
        # an area's body: the area after a comma or a dash is where it sits, cut (tests/data/LABELS.md)
        (
            "Provincial Disaster Management Committee, Kampong Cham",
            "KHM",
            ["+Provincial Disaster Management Committee"],
        ),
        (
            "Municipal Disaster Risk Reduction Office - Tacloban",
            "PHL",
            ["+Municipal Disaster Risk Reduction Office"],
        ),
        # one unknown word after a registry organisation named in words is a town as often as another organisation
        # (heldout8, heldout9: "<agency in words>, <town>"): a person decides
        ("Plan International, Sarvodaya", "LKA", ["plan-international", None]),
    ],
)
def test_a_place_closing_a_name(cell: str, country: str, expected: list[str], registry: Registry) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # a Red Cross or Red Crescent body's delegation or office named by its place: that body
        ("ICRC Sub-Delegation Maiduguri", "NGA", ["icrc"]),
        ("Délégation du CICR à Niamey", "NER", ["icrc"]),
        ("IFRC Regional Office for Africa, Nairobi", "KEN", ["ifrc"]),
        # another body's acronym near an agency's is never read as the agency's office (nor as a new organisation
        # holding that body's name: a person decides, normalizers/actor_doubt.py)
        ("UNHRC Sub-Office Kigoma", "TZA", [None]),
        # a role, a comma, its body, then the agency holding it in brackets: the body's role and the agency
        ("Coordinator, Health Cluster (WHO)", "SSD", ["ssd-health-cluster--coordinator", "who"]),
        # registry bodies by their French, Spanish and Portuguese names
        ("Coordonnatrice humanitaire", "CAF", ["hc"]),
        ("Coordinador Residente y Humanitario", "HND", ["rc-hc"]),
        ("Bureau du Coordonnateur résident", "MLI", ["rco"]),
        ("Escritório do Coordenador Residente", "MOZ", ["rco"]),
    ],
)
def test_agency_offices_and_names_in_other_languages(
    cell: str, country: str, expected: list[str], registry: Registry
) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # "and" inside a ministry's name joins its portfolios: one ministry
        (
            "Oxfam and the Ministry of Lands and Rural Resettlement",
            "ZWE",
            ["oxfam", "+Ministry of Lands and Rural Resettlement"],
        ),
        (
            "UNICEF y Ministerio de Salud y Protección Social",
            "COL",
            ["unicef", "+Ministerio de Salud y Protección Social"],
        ),
        # ... but a registry name after it is another body
        ("Ministère de la Santé et ALIMA", "NER", ["+Ministère de la Santé", "alima"]),
    ],
)
def test_and_inside_a_ministry_name(cell: str, country: str, expected: list[str], registry: Registry) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # beside a registry name, a capitalised name with a word of its own is a second organisation
        ("Mercy Corps & Kachin Baptist Convention", "MMR", ["mercy-corps", "+Kachin Baptist Convention"]),
        (
            "Oxfam Kenya & Turkana Pastoralist Development Organisation",
            "KEN",
            ["oxfam", "+Turkana Pastoralist Development Organisation"],
        ),
        # "with" in any language after an agency's office opens another body, never the office's words
        (
            "UNHCR Tete com a Direcção Provincial de Saúde de Tete",
            "MOZ",
            ["unhcr", "+Direcção Provincial de Saúde de Tete"],
        ),
        # a list inside the part after "with": a registry name and an unknown one are two more
        (
            "Alcaldía de Pasto con NRC y Pastoral Social Ipiales",
            "COL",
            ["+Alcaldía de Pasto", "nrc", "+Pastoral Social Ipiales"],
        ),
        # two unknown names: an organisation word heading one, the other opened by its country after the link
        ("Municipalidad de Danlí y Honduras Solidaria", "HND", ["+Municipalidad de Danlí", "+Honduras Solidaria"]),
        # ... but a first name opened by its country goes on after "and"
        (
            "Malawi Disaster and Relief Management Authority",
            "MWI",
            ["+Malawi Disaster and Relief Management Authority"],
        ),
        # no registry name on either side: one name, as before
        ("Rural Health & Development Organisation", "NPL", ["+Rural Health & Development Organisation"]),
    ],
)
def test_two_names_joined(cell: str, country: str, expected: list[str], registry: Registry) -> None:
    assert actors(cell, country, registry) == expected
