"""The doubt gate (normalizers/actor_doubt.py) and the classes the first runs of the blind splits showed
(bench/ACTOR_RESULTS.md, "Sixth session"), written with other organisations, places and languages than any
labelled cell: a doubtful provisional reading goes to review (None: no link, nothing dropped), a clear one is
still resolved; an area directorate's portfolios are one body; a registry agency named in full with its
acronym before its country; a unit after a dash; a list of acronyms typed in lower case."""

from __future__ import annotations

import pytest

from normalizers.actor_doubt import held_actors, is_joined_names, trailing_where
from normalizers.actors import Registry, ResolutionContext, resolve_cell
from tests.normalizers.actor_cells import actors


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # a name opening with a registry agency, then a service: its unit or another body, a person decides
        ("IOM Migrant Resource Service", "KEN", [None]),
        ("UNHCR Protection Service, Gao", "MLI", [None]),
        # a registry acronym as a word of its own inside an unknown name
        ("Tumaini Women Network ACF", "KEN", [None]),
        # words after a name's bracketed acronym: where the name ends is for a person to say
        ("Kalahari Youth Network (KYN) in Botswana", "BWA", [None]),
        # a role's words no mention was read from, beside the agency read: the role was not read
        ("Focal point for accountability to affected people at WFP", "KEN", [None]),
        # a role's words inside a provisional name holding a registry acronym
        ("Asesor de coordinación del PMA", "HND", [None]),
        # initials spelling the acronym of a registry organisation of the document's country: maybe its name in
        # another language
        ("Somali Organisation for Lifeline Outreach", "SOM", [None]),
        # the last piece of a cell after a spaced dash naming no one of its own: where the actors before it work
        ("WASH Cluster Co-Lead (Oxfam) - Southern Highlands", "SSD", ["ssd-wash-cluster--co-lead", "oxfam", None]),
        # a role's word alone read beside a coordination body: the body's role no rule read, both for review
        ("IMO / WASH Cluster", "SSD", [None, None]),
        # the second of two pieces cut at a comma, after a complete unknown name, naming no one of its own
        (
            "Asociación Campesina del Valle Alto, Comunidad Tres Cruces",
            "BOL",
            ["+Asociación Campesina del Valle Alto", None],
        ),
    ],
)
def test_doubtful_readings_go_to_review(
    cell: str, country: str, expected: list[str | None], registry: Registry
) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # clear readings are still resolved or kept: an unknown name, a new body after an agency's name, a known
        # unit of an agency, a name closed by its bracketed acronym, a town after a comma the rules read
        ("Tana River Women Forum", "KEN", ["+Tana River Women Forum"]),
        # the same initials in another country's plan, or a name with an acronym of its own: a new organisation
        ("Somali Organisation for Lifeline Outreach", "KEN", ["+Somali Organisation for Lifeline Outreach"]),
        (
            "Somali Organisation for Lifeline Outreach (SOFLO)",
            "SOM",
            ["+Somali Organisation for Lifeline Outreach (SOFLO)"],
        ),
        # a lead's word beside its agency, a role in brackets as a note, a deputy read as the registry's deputy
        ("WFP lead", "KEN", ["wfp"]),
        ("UNICEF (co-lead)", "KEN", ["unicef"]),
        ("OCHA (secretariat), Tana River Women Forum", "KEN", ["ocha", "+Tana River Women Forum"]),
        ("Coordonnatrice Humanitaire adjointe", "NER", ["dhc"]),
        ("Kalahari Youth Network (KYN)", "BWA", ["+Kalahari Youth Network (KYN)"]),
        ("UNICEF Field Office Gao", "MLI", ["unicef"]),
        ("UNICEF Ombudsperson Helpdesk", "UGA", ["unicef"]),
        ("Kasungu Settlement Office & WFP", "MWI", ["+Kasungu Settlement Office", "wfp"]),
        ("Tumaini Women Network, Kilifi", "KEN", ["+Tumaini Women Network"]),
        # a name of its own after a dash is another organisation
        ("Oxfam - Tana River Women Forum", "KEN", ["oxfam", "+Tana River Women Forum"]),
        # a second piece with an acronym in it, or opening as the first does, is a body of its own
        (
            "Comité Rural de Développement Lukolela, CRD Bikoro",
            "COD",
            ["+Comité Rural de Développement Lukolela", "+CRD Bikoro"],
        ),
        (
            "Bureau Agricole de Secteur Lukolela, Bureau Agricole de Secteur Bikoro",
            "COD",
            ["+Bureau Agricole de Secteur Lukolela", "+Bureau Agricole de Secteur Bikoro"],
        ),
        # a government body's area after a comma is where it sits (tests/data/LABELS.md)
        ("Department of Rural Water, Kasungu", "MWI", ["+Department of Rural Water"]),
    ],
)
def test_clear_readings_still_resolved(cell: str, country: str, expected: list[str | None], registry: Registry) -> None:
    assert actors(cell, country, registry) == expected


def test_review_keeps_the_mention_and_suggests_the_registry_actor_it_holds(registry: Registry) -> None:
    refs = resolve_cell("IOM Migrant Resource Service", registry, "lead", ResolutionContext(country="KEN"))
    assert [(ref.raw, ref.actor_id, ref.method) for ref in refs] == [("IOM Migrant Resource Service", None, "review")]
    assert refs[0].suggestions[0][0] == "iom"


@pytest.mark.parametrize(
    ("name", "country", "held"),
    [
        ("IOM Migrant Resource Service", "KEN", ["iom"]),
        ("Tumaini Women Network ACF", "KEN", ["acf"]),
        # a new body of its kind after the registry name, a country after it (an affiliate), short capitals, a
        # joint programme's hyphens, the name's own other acronym: nothing held
        ("IOM Staff Association", "KEN", []),
        ("UNICEF Deutschland", "KEN", []),
        ("Wajir Youth Network RI", "KEN", []),
        ("UNICEF-WFP Joint Programme on School Meals", "KEN", []),
    ],
)
def test_held_actors(name: str, country: str, held: list[str], registry: Registry) -> None:
    assert held_actors(name, registry, ResolutionContext(country=country)) == held


@pytest.mark.parametrize(
    ("name", "joined"),
    [
        # a link, then a name opening with the word of a body that heads a name: two names kept as one
        ("Lakeside Support Services & Caritas Mwanza", True),
        ("Mairie de Tahoua et la Fondation Tamakoye", True),
        # "and" inside one name
        ("Rural Water and Sanitation Network", False),
        ("Ministry of Water and Fisheries", False),
    ],
)
def test_joined_names(name: str, joined: bool) -> None:
    assert is_joined_names(name) is joined


@pytest.mark.parametrize(
    ("name", "cut"),
    [
        ("Sahel Pastoralist Alliance - Dori branch", ("Sahel Pastoralist Alliance", "Dori branch")),
        ("Radio Communautaire Tilgré, Ouahigouya", ("Radio Communautaire Tilgré", "Ouahigouya")),
        ("Department of Rural Water, Kasungu", ("Department of Rural Water", "Kasungu")),  # a government body's town
        ("Provincial Water Board - Lusaka", ("Provincial Water Board", "Lusaka")),  # an area's body: the same
        ("Ministry of Gender, Youth and Sports", None),  # its list of portfolios
        ("Tumaini Women Network, Kilifi Road Community Health Clinic", None),  # more than a place
    ],
)
def test_trailing_where(name: str, cut: tuple[str, str] | None) -> None:
    assert trailing_where(name) == cut


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # a unit after a dash or a comma of an unknown organisation is that organisation, as labels read a unit
        ("Sahel Pastoralist Alliance - Dori branch", "BFA", ["+Sahel Pastoralist Alliance"]),
        ("Liga Comunitária de Saúde - núcleo de Chimoio", "MOZ", ["+Liga Comunitária de Saúde"]),
        (
            "Coopérative des Maraîchères de Tessaoua, antenne de Mirriah",
            "NER",
            ["+Coopérative des Maraîchères de Tessaoua"],
        ),
        # an area directorate's portfolios joined by "e"/"et" or listed with commas: one body, its area closing it
        (
            "Direcção Provincial de Obras Públicas e Habitação de Manica",
            "MOZ",
            ["+Direcção Provincial de Obras Públicas e Habitação de Manica"],
        ),
        (
            "Direcção Provincial do Trabalho, Emprego e Segurança Social de Tete",
            "MOZ",
            ["+Direcção Provincial do Trabalho, Emprego e Segurança Social de Tete"],
        ),
        # ... while a registry organisation or a body's own name after "e"/"et" is another body
        ("Direcção Provincial de Saúde e UNICEF", "MOZ", ["+Direcção Provincial de Saúde", "unicef"]),
        # a registry agency named in full with its bracketed acronym before its country: that agency
        ("Organisation Internationale pour les Migrations (OIM) au Tchad", "TCD", ["iom"]),
        ("World Food Programme (WFP) in Zambia", "ZMB", ["wfp"]),
        # a list of acronyms typed in lower case, one of them also an English word
        ("iom, unhcr and care", "UGA", ["iom", "unhcr", "care"]),
        ("wfp, fao et care", "NER", ["wfp", "fao", "care"]),
        ("care and support", "KEN", [None]),  # "support" is no acronym: no list of organisations
    ],
)
def test_first_run_classes(cell: str, country: str, expected: list[str | None], registry: Registry) -> None:
    assert actors(cell, country, registry) == expected
