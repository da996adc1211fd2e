"""heldout8's classes (bench/ACTOR_RESULTS.md, "heldout8's classes (branch actors8)"), written with other
organisation names, places and languages than any labelled cell: a comma list of short nouns closed by a piece
holding an organisation word is one name."""

from __future__ import annotations

import pytest

from normalizers.actors import Registry
from tests.normalizers.actor_cells import actors


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # short nouns listed before a closing piece holding the organisation word: one name, no piece lost
        (
            "Truth, Healing and Reconciliation Council of Bongor",
            "TCD",
            ["+Truth, Healing and Reconciliation Council of Bongor"],
        ),
        (
            "Sidama Widows, Orphans and Elderly Affairs Office",
            "ETH",
            ["+Sidama Widows, Orphans and Elderly Affairs Office"],
        ),
        ("Learning, Advocacy and Outreach Trust (LAOT)", "ZMB", ["+Learning, Advocacy and Outreach Trust (LAOT)"]),
        # a ministry listing its portfolios, the last closed by its area
        (
            "Ministério da Cultura, Turismo e Desporto de Cabo Delgado",
            "MOZ",
            ["+Ministério da Cultura, Turismo e Desporto de Cabo Delgado"],
        ),
        # a first piece opening with the word of a body is a name of its own; a registry name too
        ("Fondation Lumière, Paix et Justice Commission", "HTI", ["+Fondation Lumière", "+Paix et Justice Commission"]),
        ("Oxfam, Truth and Healing Commission", "KEN", ["oxfam", "+Truth and Healing Commission"]),
    ],
)
def test_comma_lists_of_nouns_are_one_name(
    cell: str, country: str, expected: list[str | None], registry: Registry
) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # two companies of one or two capitalised words joined by "&": two as often as one, a person decides
        ("Zanitel & Mwamba Bank", "TZA", [None]),
        ("Orbicom & PayLink", "NPL", [None]),
        # two names each closed by its organisation word, the acronym only the second's: two, a person decides
        ("Lira Town Council and Youth Led Organisations Network (YLON)", "UGA", [None]),
        # a chiefdom and a health zone, each opened by its body's word: two bodies
        (
            "Chefferie de Bamboka & Zone de Santé de Nyanzale",
            "COD",
            ["+Chefferie de Bamboka", "+Zone de Santé de Nyanzale"],
        ),
        # one name holding "&"/"and": still one
        ("Rural Water & Sanitation Organisation", "NPL", ["+Rural Water & Sanitation Organisation"]),
        ("Ministry of Water and Sanitation Services", "KEN", ["+Ministry of Water and Sanitation Services"]),
    ],
)
def test_two_bodies_joined_by_a_link(cell: str, country: str, expected: list[str | None], registry: Registry) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # a project, a town or a bureau after a registry organisation: where it works, never an organisation
        ("Save the Children – Lodwar project", "KEN", ["save-the-children"]),
        ("MINUSCA – Bureau de Bambari", "CAF", ["minusca"]),  # a unit and its town: the mission's own mention
        # a unit of a place after an unknown body and a dash: where it sits, never an organisation of its own
        ("Corpo de Bombeiros – Superintendência de Tete", "MOZ", ["+Corpo de Bombeiros", None]),
        # a body of its own after a registry organisation stays
        ("UNICEF, Ministry of Water Development", "KEN", ["unicef", "+Ministry of Water Development"]),
    ],
)
def test_where_after_an_organisation(cell: str, country: str, expected: list[str | None], registry: Registry) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country"),
    [
        # a plural collective closed by its plural acronym, or a list of topics closed by a plural kind: no one
        ("Ward Health and Nutrition Committees (WHNCs)", "ZMB"),
        ("Water and Sanitation Committees", "MWI"),
    ],
)
def test_plural_collectives_name_no_one(cell: str, country: str, registry: Registry) -> None:
    assert not any(actors(cell, country, registry))  # no actor, provisional or known (review at most)
