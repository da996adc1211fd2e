"""heldout11's remaining classes and the one convention for units and places (tests/data/LABELS.md; bench/
ACTOR_RESULTS.md, "heldout11's remaining classes and one label convention (branch actors12)"), written with other
organisations, places and languages than any labelled cell."""

from __future__ import annotations

import pytest

from normalizers.actors import Registry
from tests.normalizers.actor_cells import actors


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # a government or area body's place after a dash or a comma is where it sits: cut
        ("County Department of Water - Marsabit", "KEN", ["+County Department of Water"]),
        ("Direction Départementale de l'Agriculture - Kolda", "SEN", ["+Direction Départementale de l'Agriculture"]),
        ("Secretaría Municipal de Salud, Cochabamba", "BOL", ["+Secretaría Municipal de Salud"]),
        ("Provincial Education Office, Lautoka", "FJI", ["+Provincial Education Office"]),
        ("District Disaster Management Committee - Chitral", "PAK", ["+District Disaster Management Committee"]),
        # a unit of it after a dash or a comma is the body
        ("Ministry of Fisheries – Department of Aquaculture", "SLB", ["+Ministry of Fisheries"]),
        ("Ministério da Saúde – Direcção Nacional de Saúde Pública", "MOZ", ["+Ministério da Saúde"]),
        ("Ministère de la Santé, Direction de la Santé Communautaire", "GIN", ["+Ministère de la Santé"]),
        (
            "Ministry of Agriculture and Livestock – Gao regional office",
            "MLI",
            ["+Ministry of Agriculture and Livestock"],
        ),
        # its list of portfolios after commas is its name; a place written into a name without a separator too
        ("Ministry of Tourism, Culture and Arts", "GHA", ["+Ministry of Tourism, Culture and Arts"]),
        (
            "Ministry of Interior, Information and Communications",
            "LBR",
            ["+Ministry of Interior, Information and Communications"],
        ),
        ("Université Marien Ngouabi de Brazzaville", "COG", ["+Université Marien Ngouabi de Brazzaville"]),
    ],
)
def test_places_and_units_after_a_separator(
    cell: str, country: str | None, expected: list[str | None], registry: Registry
) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # a national society named by its country's adjective or name, in any of the four languages: the registry's
        # one society of that country under that emblem, also working abroad
        ("German Red Cross with ACTED", "UKR", ["rc-deu", "acted"]),
        ("Croissant-Rouge libyen", "TUN", ["rc-lby"]),
        ("Sociedad Nacional de la Cruz Roja Hondureña", "HND", ["rc-hnd"]),
        # an adjective of two countries names the document's one only
        ("Croix-Rouge congolaise et UNICEF", "COD", ["rc-cod", "unicef"]),
        ("Croix-Rouge congolaise et UNICEF", "COG", ["+Croix-Rouge congolaise", "unicef"]),
        # the other emblem than the registry's society of that country: that society or another, a person decides
        ("Iraqi Red Cross", "IRQ", [None]),
    ],
)
def test_national_societies_by_nationality(
    cell: str, country: str | None, expected: list[str | None], registry: Registry
) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # a registry name written with other articles or prepositions, word for word the same otherwise: that actor
        ("Organisation Mondiale de Santé", "NER", ["who"]),
        ("Programa de las Naciones Unidas para Desarrollo", "GTM", ["undp"]),
        ("Fundo das Nações Unidas para Infância", "AGO", ["unicef"]),
        ("Conseil Norvégien pour Réfugiés", "CAF", ["nrc"]),
        # and its office in a town
        ("Alto Comisionado de Naciones Unidas para Refugiados en Esmeraldas", "ECU", ["unhcr"]),
        # a registry name followed by more of another name ("<registry name> de <town> (<ACR>)") is not it
        (
            "Association pour le Développement Economique et Social de Kolda (ADESK)",
            "SEN",
            ["+Association pour le Développement Economique et Social de Kolda (ADESK)"],
        ),
    ],
)
def test_names_with_other_function_words(
    cell: str, country: str | None, expected: list[str | None], registry: Registry
) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # acronyms of community structures in brackets after a collective, or joined to one: review, never an
        # organisation
        ("comités villageois (CVD, AGR)", "TGO", [None, None]),
        ("Water User Committees (WUC 1-4)", "MWI", [None]),
        ("agents de santé communautaire et ASC", "GIN", [None]),
        # an area after a body's role and a comma or a dash: where the role sits, review, never an organisation
        ("Nutrition Cluster IMO – Borno and Yobe", "NGA", ["nga-nutrition-cluster--im-officer", None]),
        # ... or a place with a level word after the role's dash: a note on the role (actors19), dropped
        ("Food Security Cluster co-lead – Gedo regional", "SOM", ["som-food-security-cluster--co-lead"]),
        # an organisation after the role is read
        (
            "Shelter Cluster co-lead, Hope Relief Organisation",
            "SOM",
            ["som-shelter-cluster--co-lead", "+Hope Relief Organisation"],
        ),
        # IM officers in French, Spanish and Portuguese with "IM" written as such
        (
            "Chargé IM du Cluster Éducation (Save the Children)",
            "MLI",
            ["mli-education-cluster--im-officer", "save-the-children"],
        ),
        ("Responsable IM del Clúster de Salud", "VEN", ["ven-health-cluster--im-officer"]),
        ("Oficial IM do Cluster de Proteção", "MOZ", ["moz-protection-cluster--im-officer"]),
    ],
)
def test_collective_notes_areas_of_roles_and_im_officers(
    cell: str, country: str | None, expected: list[str | None], registry: Registry
) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # a university's faculty, school or college glued after its name before a link, or its students' body: the
        # university
        ("Moi University School of Public Health", "KEN", ["+Moi University"]),
        ("University of Dodoma College of Humanities", "TZA", ["+University of Dodoma"]),
        ("Kenyatta University Students Association", "KEN", ["+Kenyatta University"]),
        # a unit before the university or faith body and a link: that body
        ("Facultad de Derecho de la Universidad Mayor de San Andrés", "BOL", ["+Universidad Mayor de San Andrés"]),
        ("Justice and Peace Commission of the Catholic Diocese of Mzuzu", "MWI", ["+Catholic Diocese of Mzuzu"]),
        # a diocese's office of sector words glued after "<Diocese> of <place>": the diocese
        ("Anglican Diocese of Kajo-Keji Health Department", "SSD", ["+Anglican Diocese of Kajo-Keji"]),
        # a hospital or an institute of its own name stays whole
        ("University College Hospital", "NGA", ["+University College Hospital"]),
        ("Hospital of the University of Gondar", "ETH", ["+Hospital of the University of Gondar"]),
        ("Kyiv School of Economics", "UKR", ["+Kyiv School of Economics"]),
    ],
)
def test_parts_glued_to_a_university_or_a_diocese(
    cell: str, country: str | None, expected: list[str | None], registry: Registry
) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # a role of a coordination body no rule resolved is that body's role, never a new organisation: review
        ("Oficial de gestão de informação do AdR de Violência Baseada no Género", "MOZ", [None]),
        ("Shelter Sector sub-national focal point, Kismayo", "SOM", [None]),
        # a name opening with a coordinating word of no body stays an organisation
        ("Coordinadora Nacional de Mujeres", "GTM", ["+Coordinadora Nacional de Mujeres"]),
        ("Coordination des ONG du Kivu", "COD", ["+Coordination des ONG du Kivu"]),
    ],
)
def test_unread_roles_of_bodies(cell: str, country: str | None, expected: list[str | None], registry: Registry) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # an INGO "in" the document's country by its code is its office there, and a partner after "with" is read
        ("World Vision in SI with Honiara Youth Council", "SLB", ["world-vision", "+Honiara Youth Council"]),
        ("CARE en RDC", "COD", ["care"]),
    ],
)
def test_office_in_the_country_by_its_code(
    cell: str, country: str | None, expected: list[str | None], registry: Registry
) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # a lead in brackets after "liderado por"/"liderado pelo" and an article: the body and its lead
        ("Consorcio Andino (liderado por la OIM)", "ECU", ["+Consorcio Andino", "iom"]),
        ("Consórcio Norte (liderado pelo Conselho Dinamarquês para Refugiados)", "MOZ", ["+Consórcio Norte", "drc"]),
    ],
)
def test_lead_in_brackets_after_an_article(
    cell: str, country: str | None, expected: list[str | None], registry: Registry
) -> None:
    assert actors(cell, country, registry) == expected
