"""heldout17's classes in general form (bench/ACTOR_RESULTS.md, "heldout17's classes (branch actors19)"): a role of a
country's cluster or AoR written after the body with a separator and qualifiers of place or level, a role of the body
held by an agency named before the role, a body's role in brackets after its holder. Written with other bodies,
places and languages than any labelled cell."""

from __future__ import annotations

import pytest

from normalizers.actor_words import qualified_role, without_role_tail
from normalizers.actors import Registry
from tests.normalizers.actor_cells import actors


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("coordinator", "coordinator"),  # a role alone
        ("state coordinator Aweil", "coordinator"),  # a level before it, a town after it
        ("Wau hub co-coordinator", "co-coordinator"),  # a hub's town and the hub
        ("coordinatrice provinciale Bukavu", "coordinator"),
        ("point focal à Uvira", "focal-point"),
        ("coordinador subnacional de Arauca", "coordinator"),
        ("ponto focal da Zambézia", "focal-point"),
        ("Mesa Regional de Coordinación del Cauca", None),  # a name with a role's word inside: no role alone
        ("UNICEF co-lead", None),  # a role with its holder
        ("focal point Save the Children", None),  # a registry organisation after the role
    ],
)
def test_a_role_with_qualifiers_of_place_or_level_is_that_role(text: str, role: str | None) -> None:
    assert qualified_role(text) == role


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("Nutrition Cluster co-coordinator Upper Nile", "Nutrition Cluster co-coordinator"),  # a known place
        ("Health Cluster coordinator BEG", "Health Cluster coordinator"),  # an abbreviation, no registry acronym
        ("Protection Sector Coordinator Referral", "Protection Sector Coordinator Referral"),  # a word, no place
        ("Mesa de Coordinación Humanitaria del Meta", "Mesa de Coordinación Humanitaria del Meta"),  # a name
    ],
)
def test_only_a_place_level_or_abbreviation_after_a_role_is_cut(text: str, cut: str) -> None:
    assert without_role_tail(text) == cut


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # a role after the body and a dash, with a level or a town around it: the body's role, never the body
        ("Nutrition Cluster – state coordinator Aweil", "SSD", ["ssd-nutrition-cluster--coordinator"]),
        ("WASH Cluster – Wau hub coordinator", "SSD", ["ssd-wash-cluster--coordinator"]),
        ("Cluster Nutrition – coordinatrice provinciale Bukavu", "COD", ["cod-nutrition-cluster--coordinator"]),
        ("Cluster Santé : point focal à Uvira", "COD", ["cod-health-cluster--focal-point"]),
        ("Clúster de Salud – coordinador subnacional de Arauca", "COL", ["col-health-cluster--coordinator"]),
        # ... or in brackets after it
        ("Cluster Éducation (point focal Kalemie)", "COD", ["cod-education-cluster--focal-point"]),
        # a level or a place after the role, an abbreviation between the body and the role
        ("Nutrition Cluster co-coordinator Upper Nile", "SSD", ["ssd-nutrition-cluster--co-coordinator"]),
        ("Health Cluster BEG coordinator (WHO Aweil)", "SSD", ["ssd-health-cluster--coordinator", "who"]),
        # the agency a bracket names, then the body's role after a dash: the role, and the agency
        ("Cluster Saúde (OMS) – coordenador provincial", "MOZ", ["moz-health-cluster--coordinator", "who"]),
    ],
)
def test_a_role_written_after_its_body_is_the_role(
    cell: str, country: str, expected: list[str | None], registry: Registry
) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # "<Cluster> – <agency> <role>": the body's role, held by the agency; never the agency's own role
        ("Education Cluster – UNICEF co-coordinator", "SSD", ["ssd-education-cluster--co-coordinator", "unicef"]),
        ("Cluster Nutrition : co-lead UNICEF", "COD", ["cod-nutrition-cluster--co-lead", "unicef"]),
        ("Clúster de Albergue – OIM co-coordinador", "COL", ["col-shelter-cluster--co-coordinator", "iom"]),
        # a body's role in brackets after its holder, the body named with its coordination word
        ("UNICEF (Global WASH Cluster co-lead)", None, ["unicef", "global-wash--co-lead"]),
        # ... not a body's lead (the agency is its lead: the agency alone) nor a role of a body's acronym
        ("WHO (Health Cluster lead)", "SSD", ["who"]),
    ],
)
def test_a_role_held_by_an_agency_is_the_body_s_role_and_the_agency(
    cell: str, country: str | None, expected: list[str | None], registry: Registry
) -> None:
    assert actors(cell, country, registry) == expected
