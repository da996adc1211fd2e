"""heldout11's classes (bench/ACTOR_RESULTS.md, "heldout11's classes (branch actors11)"), written with other
places and neighbours than any labelled cell: a registry body's own programme or parent in brackets is one actor;
a group of a registry body named in another language is not the body."""

from __future__ import annotations

import pytest

from normalizers.actors import Registry
from tests.normalizers.actor_cells import actors


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # an INGO's programme in brackets whose registry row exists is that row only, never also the INGO
        ("Norwegian Refugee Council (ICLA)", "SOM", ["nrc-icla"]),
        ("NRC (ICLA) and UNICEF", "AFG", ["nrc-icla", "unicef"]),
        # a body's parent in brackets after a registry body that already names it is no second actor
        ("SDCs (MoSA) with UNHCR", "LBN", ["sdc-mosa", "unhcr"]),
        # a body led by another organisation stays two actors ("<body> (<lead agency>)")
        ("Global Health Cluster (WHO)", None, ["ghc", "who"]),
        ("UNHAS (WFP)", "SSD", ["unhas", "wfp"]),
    ],
)
def test_own_part_in_brackets(cell: str, country: str | None, expected: list[str], registry: Registry) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country"),
    [
        # a group of a registry body written in another language, not found, goes to review, never to the body
        ("Groupe des chefs des opérations du PAM", "MLI"),
        ("Grupo de gestores de información del ACNUR", "COL"),
        ("Comité des responsables régionaux de l'OIM", "NER"),
        ("Group of senior field managers of the UNHCR", "SSD"),
    ],
)
def test_group_of_a_body_is_not_the_body(cell: str, country: str, registry: Registry) -> None:
    assert actors(cell, country, registry) == [None]


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # a Latin letter that Unicode decomposition leaves whole reads as its base letter ("ı", "ø", "ł")
        ("UNFPA with Kızılay", "TUR", ["unfpa", "rc-tur"]),
        # an INGO or a UN agency followed by "in/en/à <town>" (an article allowed) is its office there
        ("Mercy Corps in Dosso", "NER", ["mercy-corps"]),
        ("Medair in the Bekaa", "LBN", ["medair"]),
        ("UNFPA y ACNUR en el Chaco", "PRY", ["unfpa", "unhcr"]),
        ("IRC & GOAL in Kajo Keji", "SSD", ["irc", "goal"]),
        # without a locative, an unknown word after an INGO stays its own reading
        ("Oxfam Partnership", "KEN", ["+Oxfam Partnership"]),
    ],
)
def test_letters_and_towns(cell: str, country: str, expected: list[str], registry: Registry) -> None:
    assert actors(cell, country, registry) == expected
