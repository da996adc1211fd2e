"""Classes the seventh held-out split showed (bench/ACTOR_RESULTS.md, "Fifth session, after heldout7"), written
here with other organisations, places and languages than any labelled cell: roles of coordination bodies never
read as another body or role (a deputy, the Resident Coordinator by its full title, an IM officer or focal point
linked to its body by a dash), role-first cluster roles in French, and the leads named in a bracket after a
body."""

from __future__ import annotations

import pytest

from normalizers.actors import Registry
from tests.normalizers.actor_cells import actors


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # a deputy is never the principal: the registry's deputy HC, in both genders and three languages
        ("Coordonnatrice humanitaire adjointe", "NER", ["dhc"]),
        ("Coordinador Humanitario Adjunto", "COL", ["dhc"]),
        ("Coordenadora Humanitária Adjunta", "MOZ", ["dhc"]),
        # a deputy the registry lacks stays in review or provisional, never the Resident Coordinator
        ("Coordonnateur résident adjoint", "BFA", [None]),
        ("Coordinadora Residente Adjunta", "HND", ["+Coordinadora Residente Adjunta"]),
        # the Resident Coordinator by the UN system's full title, never a generic UN coordinator
        ("Coordonnateur résident des Nations Unies", "TCD", ["rc"]),
        ("Coordinadora Residente de las Naciones Unidas", "PER", ["rc"]),
        # a role linked to its body by a dash: the body's role, the hub's town closing the cluster's name
        ("IMO - Protection Cluster Juba", "SSD", ["ssd-protection-cluster--im-officer"]),
        ("Information Management Officer – WASH Cluster Maiduguri", "NGA", ["nga-wash-cluster--im-officer"]),
        ("Point focal PSEA - UNICEF Mali", "MLI", ["unicef--focal-point"]),
    ],
)
def test_roles_of_coordination_bodies(cell: str, country: str, expected: list[str | None], registry: Registry) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # a co-coordinator written role first in French, the agency holding it in brackets
        (
            "Co-coordonnatrice du Cluster Éducation (Save the Children)",
            "TCD",
            ["tcd-education-cluster--co-coordinator", "save-the-children"],
        ),
        # a long cluster name in Spanish (the registry's "Food Security and Livelihoods" in the UN's Spanish) and an
        # area of responsibility abbreviated "AdR": that body's role
        (
            "Coordinador del Clúster de Seguridad Alimentaria y Medios de Vida",
            "HTI",
            ["hti-food-security-cluster--coordinator"],
        ),
        ("Punto focal del AdR de Protección de la Niñez (UNICEF)", "COL", ["col-cp-aor--focal-point", "unicef"]),
        # the leads named in a bracket after a body are organisations of their own
        (
            "Groupe Sectoriel Abris de Tillabéri (pilotée par le HCR)",
            "NER",
            ["+Groupe Sectoriel Abris de Tillabéri", "unhcr"],
        ),
        (
            "Education Working Group (co-leads UNICEF and Save the Children)",
            "KEN",
            ["+Education Working Group", "unicef", "save-the-children"],
        ),
        (
            "Red de Protección Comunitaria de Oruro (liderado por ACNUR y World Vision)",
            "BOL",
            ["+Red de Protección Comunitaria de Oruro", "unhcr", "world-vision"],
        ),
        # a bracket saying what an agency leads, or a lead with no name, names no one else
        ("UNICEF (chef de file du cluster Nutrition)", "NER", ["unicef"]),
        ("UNICEF (Lead Agency)", "KEN", ["unicef"]),
    ],
)
def test_cluster_roles_and_leads(cell: str, country: str, expected: list[str | None], registry: Registry) -> None:
    assert actors(cell, country, registry) == expected
