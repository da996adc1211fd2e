"""Doubt said out loud (normalizers/actor_shapes.py; bench/ACTOR_RESULTS.md, "Doubt said out loud (branch
actors15)"): a provisional reading of a shape blind first runs got wrong goes to review with its reason, never a
guessed link; the same shapes read right stay as they were. Written with other organisations, places and
languages than any labelled cell."""

from __future__ import annotations

import pytest

from normalizers.actors import Registry, ResolutionContext, resolve_cell
from tests.normalizers.actor_cells import actors


def doubts(cell: str, country: str, registry: Registry) -> list[str | None]:
    """The reason each mention of a cell was routed to review (None for a mention that was not)."""
    refs = resolve_cell(cell, registry, "lead", ResolutionContext(country=country))
    return [ref.doubt for ref in refs if ref.method != "not_actor"]


@pytest.mark.parametrize(
    ("cell", "country", "expected", "reasons"),
    [
        # a town after a registry organisation and a comma, in a cell of two: where it works, never an organisation
        ("Tearfund, Mangochi", "MWI", ["tearfund", None], [None, "piece_beside_actor"]),
        # a unit after an unknown organisation and a dash, no name of its own: its part, or another body
        (
            "Church of Uganda – Diocesan Health Commission",
            "UGA",
            ["+Church of Uganda", None],
            [None, "piece_beside_actor"],
        ),
        (
            "Mongolian Youth Federation – Darkhan Aimag Committee",
            "MNG",
            ["+Mongolian Youth Federation", None],
            [None, "piece_beside_actor"],
        ),
    ],
)
def test_a_piece_with_no_name_beside_an_actor_goes_to_review(
    cell: str, country: str, expected: list[str | None], reasons: list[str | None], registry: Registry
) -> None:
    assert actors(cell, country, registry) == expected
    assert doubts(cell, country, registry) == reasons


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # a body with a name of its own after the comma or the dash stays an organisation
        ("UNICEF, Mangochi District Council", "MWI", ["unicef", "+Mangochi District Council"]),
        ("Oxfam – Mangochi Women's Forum", "MWI", ["oxfam", "+Mangochi Women's Forum"]),
        # a one-word acronym in mixed case closing a cell of two is an organisation, not a town
        ("Tearfund, KaDRA", "MWI", ["tearfund", "+KaDRA"]),
        # a government body by its portfolio after an agency and a dash is a body of its own
        ("UNHCR – Directorate of Refugee Affairs", "ZMB", ["unhcr", "+Directorate of Refugee Affairs"]),
    ],
)
def test_a_named_piece_beside_an_actor_stays(
    cell: str, country: str, expected: list[str | None], registry: Registry
) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected", "reasons"),
    [
        # two names each with words of their own joined by "&": two bodies as often as one
        ("Kiribati Police & Tarawa Town Council", "KIR", [None], ["ampersand_names"]),
        # an acronym beside its own expansion: one organisation, the acronym no second actor
        ("Refugee Support Centre (RSC/CAR)", "SRB", ["+Refugee Support Centre", None], [None, "acronym_of_neighbour"]),
        # a consortium described, not named (tests/data/LABELS.md rule 5): its members only
        (
            "Durable solutions consortium led by NRC (with DRC and IRC)",
            "SOM",
            [None, "nrc", "drc", "irc"],
            ["described_consortium", None, None, None],
        ),
        (
            "Consorcio de protección en el Catatumbo liderado por ACNUR",
            "COL",
            [None, "unhcr"],
            ["described_consortium", None],
        ),
        # a sector named in words no rule reads, before its role: the role of that country's body, never a new one
        ("Shelter and Non-Food Items Sector co-lead: IOM", "BGD", [None, "iom"], ["unread_role", None]),
    ],
)
def test_two_readings_in_one_goes_to_review(
    cell: str, country: str, expected: list[str | None], reasons: list[str | None], registry: Registry
) -> None:
    assert actors(cell, country, registry) == expected
    assert doubts(cell, country, registry) == reasons


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # "&" inside one name: one side has no word of its own
        ("Rural Health & Development Organisation", "MWI", ["+Rural Health & Development Organisation"]),
        # a consortium named with a capitalised name of its own is an organisation
        ("Mangochi Resilience Consortium", "MWI", ["+Mangochi Resilience Consortium"]),
        # a joint programme named with the UN's name in French is a body of its own
        (
            "Programme Conjoint des Nations Unies pour la Jeunesse",
            "SEN",
            ["+Programme Conjoint des Nations Unies pour la Jeunesse"],
        ),
    ],
)
def test_one_name_of_those_shapes_stays(
    cell: str, country: str, expected: list[str | None], registry: Registry
) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # the UN's name in French: a UN body named in another language, a person decides
        ("Bureau des Nations Unies pour l'Afrique de l'Ouest et le Sahel", "SEN", [None]),
        # the Movement's name in Arabic, Ukrainian and Russian script, a branch after it
        ("جمعية الصليب الأحمر الكويتي – فرع الجهراء", "KWT", [None, None]),
        ("Российский Красный Крест, Курское отделение", "RUS", [None, None]),
    ],
)
def test_a_registry_family_in_another_language_goes_to_review(
    cell: str, country: str, expected: list[str | None], registry: Registry
) -> None:
    assert actors(cell, country, registry) == expected
    assert doubts(cell, country, registry)[0] == "family_name"


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # a role, its holder in brackets, then where the role sits after "à / en / in" or a dash: the role and its
        # holder, the place dropped
        (
            "Coordinatrice du Cluster Éducation (UNICEF) à Bangui",
            "CAF",
            ["caf-education-cluster--coordinator", "unicef"],
        ),
        (
            "Coordinador del Clúster de Salud (OMS) en Maracaibo",
            "VEN",
            ["ven-health-cluster--coordinator", "who"],
        ),
        ("Coordinator of the Health Cluster (WHO) in Juba", "SSD", ["ssd-health-cluster--coordinator", "who"]),
        # a hyphenated town is no acronym
        ("Coordonnateur du Cluster Santé (OMS) – Cap-Haïtien", "HTI", ["hti-health-cluster--coordinator", "who"]),
    ],
)
def test_a_role_its_holder_and_where_it_sits(
    cell: str, country: str, expected: list[str | None], registry: Registry
) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # a regional or sub-regional office written out, with the region it serves and its town: the agency
        ("Bureau régional du PAM pour l'Afrique de l'Ouest", "SEN", ["wfp"]),
        ("Bureau sous-régional de l'OMS pour l'Afrique de l'Ouest, Dakar", "SEN", ["who"]),
        ("Oficina regional de la OIM para Centroamérica", "PAN", ["iom"]),
        ("Escritório regional do UNICEF para a África Austral", "MOZ", ["unicef"]),
        ("Regional Office of WFP for Southern Africa, Johannesburg", "ZAF", ["wfp"]),
        # an international NGO "in <country code>" in another country's plan: the NGO
        ("Plan International in BGD", "MMR", ["plan-international"]),
        ("Save the Children en RDC", "BDI", ["save-the-children"]),
        # registry bodies by their official acronym or name in another language
        ("Pacific Community (SPC)", "VUT", ["crs-47096"]),
        ("OECS", "LCA", ["crs-47082"]),
        ("CPLP", "STP", ["crs-47026"]),
    ],
)
def test_registry_bodies_by_other_forms(
    cell: str, country: str, expected: list[str | None], registry: Registry
) -> None:
    assert actors(cell, country, registry) == expected
