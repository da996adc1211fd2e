"""heldout11's classes (bench/ACTOR_RESULTS.md, "heldout11's classes (branch actors11)"), written with other
places and neighbours than any labelled cell: a registry body's own programme or parent in brackets is one actor;
a group of a registry body named in another language is not the body."""

from __future__ import annotations

import pytest

from normalizers.actors import Registry, load_registry
from tests.normalizers.actor_cells import actors


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


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
