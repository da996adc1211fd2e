"""heldout9's classes (bench/ACTOR_RESULTS.md, "heldout9's classes (branch actors9)"), written with other
organisation names, places and languages than any labelled cell: false merges of roles, labels, acronyms,
sections and secretariats; units after a dash or a comma; a town closing a complete unknown name; two bodies
joined by a link; a ministry's portfolios; roles of sub-sectors, deputies and global clusters; names typed in
lower case."""

from __future__ import annotations

import pytest

from normalizers.actors import Registry
from tests.normalizers.actor_cells import actors


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # "<role> <cluster> – <agency> <town>": the cluster's role, held by the agency (not the agency's role)
        (
            "Coordonnateur du Cluster Éducation – UNICEF Niamey",
            "NER",
            ["ner-education-cluster--coordinator", "unicef"],
        ),
        ("Coordenador do Cluster de Saúde – OMS Pemba", "MOZ", ["moz-health-cluster--coordinator", "who"]),
        ("Coordinador Clúster Salud – OMS Arauca", "COL", ["col-health-cluster--coordinator", "who"]),
        # a role's dash before its body stays the body's role ("IMO – <Cluster> <town>")
        ("IMO – Health Cluster Gaziantep", "SYR", ["syr-health-cluster--im-officer"]),
        # "<Cluster> co-lead: <agency>": the cluster's co-lead and its holder; a label alone is a separator
        (
            "Education Cluster co-lead: Save the Children",
            "TCD",
            ["tcd-education-cluster--co-lead", "save-the-children"],
        ),
        ("Lead: WFP", "TCD", ["wfp"]),
    ],
)
def test_roles_of_bodies_before_their_holder(
    cell: str, country: str, expected: list[str | None], registry: Registry
) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # a registry acronym in brackets after a name of another kind of body ("Association" beside a campaign
        # against hunger): not that registry actor; the agency's name translated still is
        (
            "Association Tchadienne pour le Développement (ACF)",
            "TCD",
            ["+Association Tchadienne pour le Développement (ACF)"],
        ),
        ("Consejo Noruego para Refugiados (NRC)", "PER", ["nrc"]),
        # a network's country in brackets: its national section where the registry has one, else the network
        ("Médecins Sans Frontières (Belgique)", "NER", ["hapi-msf-b"]),
        ("MSF (Spain)", "NER", ["hapi-msf-e"]),
        ("Oxfam (Kenya)", "KEN", ["oxfam"]),
        # a secretariat serves the body it is written with, of any kind: that body, never a role of it
        ("Cash Working Group Secretariat", "LBN", ["cash-wg"]),
        ("Secretariat of the Cash Working Group", "LBN", ["cash-wg"]),
        ("CERF secretariat", "SOM", ["cerf"]),
        # a body named in the plural with the acronym its words spell: one body, its acronym never split off
        ("Karamoja Farmers Committees (KFC)", "UGA", ["+Karamoja Farmers Committees (KFC)"]),
        ("Village Health Committees", "UGA", []),
        # two capitals before a plural of persons: a kind of officer as often as a body's staff, never a link
        ("RI officers", "LKA", [None]),
        ("UNICEF staff", "LKA", ["unicef"]),
    ],
)
def test_no_false_merge(cell: str, country: str, expected: list[str | None], registry: Registry) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # a committee, clinic or department of sector words after an organisation: part of it
        ("Tana Delta Farmers Union – Nutrition Committee", "KEN", ["+Tana Delta Farmers Union"]),
        ("Mbarara University, Health Clinic", "UGA", ["+Mbarara University"]),
        ("Kisumu Fishermen Cooperative – Water Department", "KEN", ["+Kisumu Fishermen Cooperative"]),
        # a government body's office in an area after a dash: the body; a unit of its own stays in its name
        ("Ministry of Water Development – Kitwe District Office", "ZMB", ["+Ministry of Water Development"]),
        (
            "Ministry of Water Development – Emergency Response Department",
            "ZMB",
            ["+Ministry of Water Development"],
        ),
        # a department opening with its unit word after an agency is a government's body, its own
        ("UNICEF, Department of Water Resources", "KEN", ["unicef", "+Department of Water Resources"]),
        # a body of its own after a comma (its own word, or a national scope) stays one
        (
            "Kakamega Youth Network, Bungoma Women Association",
            "KEN",
            ["+Kakamega Youth Network", "+Bungoma Women Association"],
        ),
    ],
)
def test_units_after_a_dash_or_comma(cell: str, country: str, expected: list[str | None], registry: Registry) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # a town after a complete unknown name: the name, the town cut
        ("Tumaini Women Association – Kakamega", "KEN", ["+Tumaini Women Association"]),
        ("Amani Peace Foundation, Goma", "COD", ["+Amani Peace Foundation"]),
        ("Upendo Widows Cooperative – Morogoro", "TZA", ["+Upendo Widows Cooperative"]),
        # a level word inside a body's own name ("<Name> Regional Hospital"): its town cut; an area body opened by
        # its level is cut from its area too (tests/data/LABELS.md: a place after a separator is where it sits)
        ("Lacor Regional Hospital, Gulu", "UGA", ["+Lacor Regional Hospital"]),
        ("Provincial Water Office, Tete", "MOZ", ["+Provincial Water Office"]),
        # an area body of a registry society after a dash, its level before "de <place>": where it sits, review
        ("Cruz Roja Ecuatoriana – Junta Provincial de Manabí", "ECU", ["rc-ecu", None]),
        # one unknown word after a registry organisation named in words: a town as often as a body, a person decides;
        # after acronyms in a list of short names, another organisation
        ("Save the Children, Kitgum", "UGA", ["save-the-children", None]),
        ("ACTED, IMC, Sarvodaya", "UGA", ["acted", "imc", "+Sarvodaya"]),
        # the name holding a registry name: a unit of it or a body of its own, a person decides
        ("Kenya Red Cross Youth Centre, Garissa", "KEN", [None]),
        # the words after the dash no town (an organisation word): not cut off; with no word of their own they are
        # no name either (a part of the association or another body): review, never a guessed provisional actor
        ("Tumaini Women Association – Youth Network", "KEN", ["+Tumaini Women Association", None]),
    ],
)
def test_town_after_a_complete_name(cell: str, country: str, expected: list[str | None], registry: Registry) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # two bodies joined by "y"/"et", the second opened by its kind (a parish, an agency)
        ("Alcaldía de Soacha y Parroquia San Mateo", "COL", ["+Alcaldía de Soacha", "+Parroquia San Mateo"]),
        (
            "Ministère de l'Hydraulique et de l'Assainissement et Agence Nationale de l'Eau",
            "NER",
            ["+Ministère de l'Hydraulique et de l'Assainissement", "+Agence Nationale de l'Eau"],
        ),
        # one word and "de <place>" after the link: the place closes the whole name, no second body
        ("Fundación Maíz y Luna de Nariño", "COL", ["+Fundación Maíz y Luna de Nariño"]),
        # a ministry's comma list of portfolios, one of them hyphenated: one name
        (
            "Ministry of Lands, Agri-Business, Forestry and Rural Development",
            "ZMB",
            ["+Ministry of Lands, Agri-Business, Forestry and Rural Development"],
        ),
    ],
)
def test_joined_bodies_and_portfolios(cell: str, country: str, expected: list[str | None], registry: Registry) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # an area of responsibility by any of its names, the agency in brackets after the role
        ("CP Sub-Sector Coordinator (UNICEF)", "IRQ", ["irq-cp-aor--coordinator", "unicef"]),
        # a deputy's word before the body
        ("Deputy Education Cluster Coordinator", "NGA", ["nga-education-cluster--deputy-coordinator"]),
        ("Assistant WASH Cluster Coordinator", "SOM", ["som-wash-cluster--deputy-coordinator"]),
        # a global cluster named with its global word in French or Spanish
        ("Coordinatrice du Cluster Mondial Éducation", None, ["global-education--coordinator"]),
        ("Coordinador del Clúster Mundial de Nutrición", None, ["global-nutrition--coordinator"]),
        ("Cluster Global WASH", None, ["global-wash"]),
    ],
)
def test_roles_of_areas_deputies_and_global_clusters(
    cell: str, country: str | None, expected: list[str | None], registry: Registry
) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # a name typed in lower case, opened by the word of a body, with a word of its own
        ("fondation lumière du sahel", "NER", ["+fondation lumière du sahel"]),
        ("asociación campesina del norte", "PER", ["+asociación campesina del norte"]),
        # a kind of body in lower case names no one in particular
        ("associations locales", "NER", []),
    ],
)
def test_names_in_lower_case(cell: str, country: str, expected: list[str | None], registry: Registry) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # one capitalised word beside other actors: the international NGO of that name and its suffix
        ("World Vision, Concern", "TCD", ["world-vision", "concern"]),
        ("Concern", "TCD", [None]),
        # an agency's office written with a locative before its town, a delegation's sub-delegation
        ("OIM et PAM à Bol", "TCD", ["iom", "wfp"]),
        ("ICRC Abéché sub-delegation", "TCD", ["icrc"]),
    ],
)
def test_registry_names_beside_others(cell: str, country: str, expected: list[str | None], registry: Registry) -> None:
    assert actors(cell, country, registry) == expected
