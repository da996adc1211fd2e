"""heldout13's classes in general form (bench/ACTOR_RESULTS.md, "heldout13's classes (branch actors14)"), written
with other organisations, places and languages than any labelled cell."""

from __future__ import annotations

import pytest

from normalizers.actors import Registry
from tests.normalizers.actor_cells import actors


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # "SIDA" after a linking word and its article ends the longer name: the disease, never the Swedish agency
        ("Red Boliviana de Lucha contra el SIDA (REDBOL)", "BOL", ["+Red Boliviana de Lucha contra el SIDA (REDBOL)"]),
        ("Liga Hondureña contra el Sida", "HND", ["+Liga Hondureña contra el Sida"]),
        # the agency standing as a name of its own in a list is still the agency
        ("Sida, UNICEF", "KEN", ["sida", "unicef"]),
        ("la FAO et le FIDA", "MLI", ["fao", "ifad"]),
    ],
)
def test_registry_word_inside_a_name(cell: str, country: str, expected: list[str | None], registry: Registry) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # the written name spells its bracketed acronym and shares no word of its own with the registry's body of
        # that acronym: another body, provisional by its name
        (
            "Action pour le Développement des Éleveurs de la Commune de Mopti (ADECOM)",
            "MLI",
            ["+Action pour le Développement des Éleveurs de la Commune de Mopti (ADECOM)"],
        ),
        # a written name sharing a word of its own with the registry body's name stays that body
        ("Alternative de Développement Communautaire (ADECOM)", "MLI", ["hapi-adecom"]),
    ],
)
def test_other_body_of_a_registry_acronym(
    cell: str, country: str, expected: list[str | None], registry: Registry
) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # an operational centre written after the organisation's name, a place in brackets: that section's row
        ("Médecins Sans Frontières OCB (Bunia)", "COD", ["hapi-msf-b"]),
        ("Médecins Sans Frontières OCP", "CAF", ["hapi-msf-f"]),
        # a ministry's unit by its short name and town, the ministry in brackets: the unit
        ("SDC Zgharta (MoSA)", "LBN", ["sdc-mosa"]),
        ("Ministry of Social Affairs (MoSA)", "LBN", ["mosa"]),
    ],
)
def test_section_or_unit_before_a_bracket(
    cell: str, country: str, expected: list[str | None], registry: Registry
) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # an implementing-partner chain names both organisations, in every language
        ("CARE on behalf of Kenya Water Partners Network", "KEN", ["care", "+Kenya Water Partners Network"]),
        ("WFP via implementing partner Tana River Relief Society", "KEN", ["wfp", "+Tana River Relief Society"]),
        ("PAM por medio de Fundación Nuevo Amanecer", "COL", ["wfp", "+Fundación Nuevo Amanecer"]),
        (
            "UNICEF par l'intermédiaire de l'Association Femmes Unies de Kaya",
            "BFA",
            ["unicef", "+Association Femmes Unies de Kaya"],
        ),
        ("OIM através da Associação Esperança Nova", "MOZ", ["iom", "+Associação Esperança Nova"]),
        # the donor in brackets is a mention too
        ("NRC (financiado por ECHO) y Fundación Tierra Viva", "COL", ["nrc", "echo", "+Fundación Tierra Viva"]),
        # "via" capitalised inside a name is no chain
        ("La Via Campesina", "HND", ["+La Via Campesina"]),
    ],
)
def test_implementing_partner_chains(cell: str, country: str, expected: list[str | None], registry: Registry) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # an acronym with its expansion in brackets is one organisation, named by the expansion
        (
            "KWDA (Kilifi Women Development Association)",
            "KEN",
            ["+Kilifi Women Development Association (KWDA)"],
        ),
        ("IRC with HODA (Hope of Displaced Africans)", "SSD", ["irc", "+Hope of Displaced Africans (HODA)"]),
        # a registry body by its acronym and expansion is that body
        ("NRC (Norwegian Refugee Council)", "SSD", ["nrc"]),
        # a bracket after an acronym ending a longer name is no expansion of it
        ("Caritas DRC (Democratic Republic of Congo)", "COD", ["+Caritas DRC"]),
    ],
)
def test_acronym_then_its_expansion(cell: str, country: str, expected: list[str | None], registry: Registry) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # "<Word> and <Words> <Org-word>" is one name: a plain word alone before "and" is no organisation
        ("Women and Youth Empowerment Network and UNICEF", "KEN", ["+Women and Youth Empowerment Network", "unicef"]),
        ("Water and Sanitation Board and Oxfam", "KEN", ["+Water and Sanitation Board", "oxfam"]),
        # two registry names either side of "and" stay two
        ("Oxfam and Concern", "SSD", ["oxfam", "concern"]),
    ],
)
def test_and_inside_a_name(cell: str, country: str, expected: list[str | None], registry: Registry) -> None:
    assert actors(cell, country, registry) == expected
