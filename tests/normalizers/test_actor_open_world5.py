"""Classes the fifth held-out split showed (bench/ACTOR_RESULTS.md, "Fifth session"), written here with other
organisations, places and languages than any labelled cell: collectives with their scope, "led by", a role's
topic after a link, a common word that one organisation writes in capitals as its name, a slash for "and"."""

from __future__ import annotations

import pytest

from normalizers.actors import Registry, ResolutionContext, resolve_cell
from tests.normalizers.actor_cells import actors


@pytest.mark.parametrize(
    ("cell", "country"),
    [
        # a collective with words saying which ones: present, concerned, involved, to be identified
        ("all NGOs concerned", "NGA"),
        ("other UN agencies participating", "MMR"),
        ("les agences des Nations Unies présentes", "NER"),
        ("ONG nationales à définir", "MLI"),
        ("socios por identificar", "HND"),
        ("parceiros a definir", "MOZ"),
        # counterparts are no one in particular
        ("Line ministry counterparts", "KEN"),
        ("Homologues gouvernementaux", "BEN"),
        ("Contrapartes gubernamentales", "GTM"),
    ],
)
def test_collectives_with_their_scope_name_no_one(cell: str, country: str, registry: Registry) -> None:
    assert actors(cell, country, registry) == []


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # "led by" opening a cell, or between a body and its lead
        ("Led by UNHCR with IRC", "KEN", ["unhcr", "irc"]),
        ("Dirigé par le HCR avec Solidarités International", "BFA", ["unhcr", "solidarites"]),
        ("Red Comunitaria Paz y Tierra liderada por ACNUR", "ECU", ["+Red Comunitaria Paz y Tierra", "unhcr"]),
        ("Consórcio Água Viva coordenado pela UNICEF", "AGO", ["+Consórcio Água Viva", "unicef"]),
        # a role's topic written after a link of its own, then the agency holding the role
        ("Punto focal de Protección del ACNUR", "PAN", ["unhcr--focal-point"]),
        ("Ponto focal de Nutrição do UNICEF", "GNB", ["unicef--focal-point"]),
        ("Focal point for Education of Save the Children", "LBR", ["save-the-children--focal-point"]),
    ],
)
def test_led_by_and_roles_after_their_topic(
    cell: str, country: str, expected: list[str | None], registry: Registry
) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # a common word one organisation writes in capitals as its name: that organisation only so written
        ("EMERGENCY", "AFG", ["emergency-ngo"]),
        ("Emergency Relief Committee of Kasai", "COD", ["+Emergency Relief Committee of Kasai"]),
        ("Emergency Shelter/NFI Sector Coordinator (UNHCR)", "SOM", ["som-shelter-cluster--coordinator", "unhcr"]),
        ("Base Christian Communities Network", "PHL", ["+Base Christian Communities Network"]),
        # a slash or "&" read as the "and" of the registry's form
        ("Shelter & NFI Sector", "SOM", ["som-shelter-cluster"]),
        # an acronym in title case that is no common word is still the acronym
        ("Unicef", "ZMB", ["unicef"]),
    ],
)
def test_common_words_written_in_capitals(
    cell: str, country: str, expected: list[str | None], registry: Registry
) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # a UN agency's office named by a town the country table does not list, or by the country's own acronym
        ("WFP Gode", "ETH", ["wfp"]),
        ("UNHCR Kousseri", "CMR", ["unhcr"]),
        ("UNICEF RCA", "CAF", ["unicef"]),
        # ... but a donor country, a body's word or another name after it makes another organisation
        ("UNHCR Schweiz", "KEN", ["+UNHCR Schweiz"]),
        ("UNICEF Foundation", "KEN", ["+UNICEF Foundation"]),
        # a registry body named right before one of its own bodies only qualifies it
        ("IASC Results Group 5", "", ["rg5"]),
        ("OCHA Emergency Relief Coordinator", "", ["erc"]),
        # the town after a comma closing an unknown office's name is where it sits; an organisation there is another
        ("Woreda Health Office, Gode", "ETH", ["+Woreda Health Office"]),
        ("District Education Office, Tearfund", "MWI", ["+District Education Office", "tearfund"]),
        # "and" inside a name stays there: one common word near a registry name is no registry actor
        ("Ministry of Lands and Environment", "LBR", ["+Ministry of Lands and Environment"]),
        (
            "Agency for Rural Water and Sustainable Development",
            "ZMB",
            ["+Agency for Rural Water and Sustainable Development"],
        ),
    ],
)
def test_offices_parents_and_names_holding_and(
    cell: str, country: str, expected: list[str | None], registry: Registry
) -> None:
    assert actors(cell, country or None, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # the names the agencies and INGOs publish in French, Spanish and Portuguese
        ("Programa de las Naciones Unidas para el Medio Ambiente", "PAN", ["unep"]),
        ("PNUMA", "BOL", ["unep"]),
        ("Fundo Internacional de Desenvolvimento Agrícola", "STP", ["ifad"]),
        ("Comitê Internacional de Resgate", "BRA", ["irc"]),
        ("Federação Luterana Mundial", "AGO", ["lwf"]),
        ("Bureau de la coordination des affaires humanitaires des Nations Unies", "BDI", ["ocha"]),
    ],
)
def test_published_names_in_other_languages(
    cell: str, country: str, expected: list[str | None], registry: Registry
) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # a network member named as a foundation of the network's name less "International", never of an acronym
        ("Fundação Oxfam", "BRA", ["oxfam"]),
        ("Fundación Vida Nueva", "BOL", ["+Fundación Vida Nueva"]),
        ("Fondation CARE", "HTI", [None]),
        # a well-known name misspelt before its country, as the name alone would be read; a near one is not
        ("Wordl Vision Kenya", "KEN", ["world-vision"]),
        ("Norwegian Refugee Counci Uganda", "UGA", ["nrc"]),
        ("Ward Vision Kenya", "KEN", ["+Ward Vision Kenya"]),
        ("Medaid Malawi", "MWI", ["+Medaid Malawi"]),
    ],
)
def test_members_and_misspelt_country_offices(
    cell: str, country: str, expected: list[str | None], registry: Registry
) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # "co-led by" is "led by" too
        ("Cash Working Group co-led by WFP and Mercy Corps", "NER", ["+Cash Working Group", "wfp", "mercy-corps"]),
        # an agency's sector or unit after a slash or a dash is that agency; a government body there is another
        ("UNHAS / WFP Logistics", "SSD", ["unhas", "wfp"]),
        ("UNICEF Nutrition", "TCD", ["unicef"]),
        ("MONUSCO / Section des Affaires Civiles", "COD", ["monusco"]),
        ("WFP / Logistics Unit", "MLI", ["wfp"]),
        ("UNHCR - Department of Refugee Affairs", "AFG", ["unhcr", "+Department of Refugee Affairs"]),
        # words opening with "and" after an agency name another body, never its unit
        ("Tearfund and Hope Relief Programme", "MWI", ["tearfund", "+Hope Relief Programme"]),
        # the partners of a registry body are other organisations, unnamed; "X and partners" is X
        ("WFP cooperating partners", "ZWE", []),
        ("all UNICEF partners", "MDG", []),
        ("UNHCR and partners", "RWA", ["unhcr"]),
        ("le HCR et ses partenaires", "BDI", ["unhcr"]),
    ],
)
def test_units_after_a_slash_and_partners_of_a_body(
    cell: str, country: str, expected: list[str | None], registry: Registry
) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("mention", "country", "expected"),
    [
        # British and American spellings of a name's common words are one name, "&" its "and"
        ("Mercy-USA for Aid & Development", "SOM", "hapi-mercy-usa"),
        ("Fayyaa Integrated Development Organisation", "ETH", "hapi-fayyaa-integrated-development-organizati"),
        ("Christian Health Association of Malawi", "MWI", None),
        # "International" shortened inside a name; a possessive's "s" left out is a typo, not a word dropped
        ("Intl Medical Corps", "SSD", "imc"),
        ("Relief Int'l", "AFG", "ri"),
        ("Samaritan Purse", "KEN", "samaritans-purse"),
    ],
)
def test_spellings_of_one_name(mention: str, country: str, expected: str | None, registry: Registry) -> None:
    refs = resolve_cell(mention, registry, "lead", ResolutionContext(country=country))
    assert [ref.actor_id for ref in refs if ref.method != "provisional"] == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("cell", "country"),
    [
        # plural kinds of body: hyphenated words are no acronym, a plural head before "of", after an article, in lists
        ("Sub-District Water Management Teams", "TZA"),
        ("Provincial Directorates of Agriculture", "AFG"),
        ("Les mairies", "SEN"),
        ("Las alcaldías", "SLV"),
        ("Religious leaders and chiefs", "LBR"),
        ("Autorités religieuses et coutumières", "NER"),
        ("District Commissioners", "UGA"),
        ("Services techniques déconcentrés de l'Etat", "BFA"),
        ("Gobiernos municipales", "BOL"),
    ],
)
def test_plural_kinds_of_body_name_no_one(cell: str, country: str, registry: Registry) -> None:
    assert actors(cell, country, registry) == []


def test_one_body_holding_a_plural_before_of_is_a_name(registry: Registry) -> None:
    assert actors("Union of Councils of Elders", "ETH", registry) == ["+Union of Councils of Elders"]


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # a bare role after a coordination body, or after a role of one, is that body's role, never a bodiless role
        (
            "Nutrition Cluster Coordinator (UNICEF) & Co-lead (Action Against Hunger)",
            "SOM",
            ["som-nutrition-cluster--coordinator", "unicef", "som-nutrition-cluster--co-lead", "acf"],
        ),
        ("Protection Cluster co-lead DRC", "UKR", ["ukr-protection-cluster--co-lead", "drc"]),
        # a role's topic after a link, the agency after it; the French information manager
        ("Punto focal de género del PNUD", "GTM", ["undp--focal-point"]),
        ("Chargée de l'information du Cluster Protection", "MLI", ["mli-protection-cluster--im-officer"]),
    ],
)
def test_roles_of_bodies_named_before_them(
    cell: str, country: str, expected: list[str | None], registry: Registry
) -> None:
    assert actors(cell, country, registry) == expected
