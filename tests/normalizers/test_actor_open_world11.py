"""heldout10's classes (bench/ACTOR_RESULTS.md, "heldout10's classes (branch actors10)"), written with other
organisation names, places and languages than any labelled cell: a role the registry holds as a row of its own,
the UN's coordination titles written out with their country or the UN system, an INGO's section in brackets."""

from __future__ import annotations

import pytest

from normalizers.actor_provisional import provisional_actor
from normalizers.actor_resolve import registry_roles
from normalizers.actors import Registry
from tests.normalizers.actor_cells import actors


def test_every_role_row_under_a_body_is_held_once(registry: Registry) -> None:
    """The registry's role rows under a body ("GPC Coordinator") are found as (body, role) pairs, each one id."""
    held = registry_roles(registry)
    assert held[("gpc", "coordinator")] == "gpc-coordinator"
    assert all(registry.actors[actor_id].parent_id == body for (body, _), actor_id in held.items())


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # a role the registry holds as a row of its own is that row, in any language, never "<body>--<role>"
        ("Coordinadora del Clúster Global de Protección", None, ["gpc-coordinator"]),
        ("Coordonnateur du Cluster Global de Protection (HCR)", None, ["gpc-coordinator", "unhcr"]),
        # the UN's coordination titles written out with the country they serve or the UN system they belong to
        ("Coordinadora Residente del Sistema de las Naciones Unidas", "GTM", ["rc"]),
        ("Coordenador Residente da ONU em Angola", "AGO", ["rc"]),
        ("Bureau du Coordonnateur résident des Nations Unies au Tchad", "TCD", ["rco"]),
        ("Humanitarian Coordinator in Chad", "TCD", ["hc"]),
        ("Coordinador Humanitario Adjunto para Colombia", "COL", ["dhc"]),
        ("Equipo Humanitario de País", "HND", ["hct"]),
        ("Equipa de País das Nações Unidas", "AGO", ["unct"]),
        ("United Nations Country Team in Kenya", "KEN", ["unct"]),
        ("Coordinador del Socorro de Emergencia", None, ["erc"]),
        # an agency's name closed by the UN system's words is that agency
        ("Programa Mundial de Alimentos de las Naciones Unidas", "HND", ["wfp"]),
        # a coordinator of the UN as a whole is none of its titles in particular: review, never a generic role
        ("Coordinateur des Nations Unies", "TCD", [None]),
        # an INGO's operational section in brackets: the section's row where the registry has one
        ("Médecins Sans Frontières (OCB)", "TCD", ["hapi-msf-b"]),
        ("Médicos Sin Fronteras (OCBA)", "COL", ["hapi-msf-e"]),
        ("UNICEF (Nutrition)", "TCD", ["unicef"]),
    ],
)
def test_coordination_titles_and_sections(
    cell: str, country: str | None, expected: list[str | None], registry: Registry
) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # an agency in brackets after a cluster role, then where the role sits: the role AND its holder
        # (the town after them names no one: never an organisation, unresolved or sent to review)
        (
            "Coordenador do Cluster de Nutrição (UNICEF) – Lichinga",
            "MOZ",
            ["moz-nutrition-cluster--coordinator", "unicef", None],
        ),
        (
            "Coordonnateur du Cluster Éducation (UNICEF) – Diffa",
            "NER",
            ["ner-education-cluster--coordinator", "unicef"],
        ),
        # ... after a comma or a dash, an unknown word there is where the role sits as often as a body: review
        ("Protection Cluster co-lead (NRC), Baidoa", "SOM", ["som-protection-cluster--co-lead", "nrc", None]),
        # a role's body followed by "em/à/en <town>"
        ("Ponto focal do Cluster de Saúde em Lichinga", "MOZ", ["moz-health-cluster--focal-point"]),
        (
            "Point focal du Cluster Protection à Kaga-Bandoro (HCR)",
            "CAF",
            ["caf-protection-cluster--focal-point", "unhcr"],
        ),
        # a cluster by its adjective in Portuguese and Spanish
        ("Clúster Logístico", "COL", ["col-logistics-cluster"]),
        ("Sector Logístico (PMA)", "VEN", ["ven-logistics-cluster", "wfp"]),
        # a global AoR named with its global word, its roles
        ("Global HLP AoR coordinator", None, ["hlp-aor--coordinator"]),
        # the food security cluster by its acronym, its role and who holds it
        ("FSC co-lead – Oxfam", "YEM", ["yem-food-security-cluster--co-lead", "oxfam"]),
        # a French cluster name written with "de"
        ("Cluster de Nutrition", "TCD", ["tcd-nutrition-cluster"]),
    ],
)
def test_roles_of_clusters_and_their_holders(
    cell: str, country: str | None, expected: list[str | None], registry: Registry
) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # the UN's agencies by their official names in Arabic, Russian and Chinese
        ("منظمة الأمم المتحدة للطفولة", "JOR", ["unicef"]),
        ("صندوق الأمم المتحدة للسكان / منظمة الصحة العالمية", "YEM", ["unfpa", "who"]),
        ("Международная организация по миграции (МОМ)", "TJK", ["iom"]),
        ("ПРООН, ЮНИСЕФ", "KGZ", ["undp", "unicef"]),
        ("世界粮食计划署", "MMR", ["wfp"]),
        ("Международный комитет Красного Креста", "UKR", ["icrc"]),
        ("اللجنة الدولية للصليب الأحمر", "LBY", ["icrc"]),
        # a Movement society by its own name in its own language
        ("جمعية الهلال الأحمر اليمني – فرع تعز", "YEM", ["rc-yem", None]),
        # names in Spanish and Portuguese
        ("Voluntários das Nações Unidas", "AGO", ["unv"]),
        # "ONU" inside a name read as the registry writes it out
        ("Fondo de la ONU para la Infancia", "GTM", ["unicef"]),
        ("Alto Comissariado da ONU para os Refugiados", "BRA", ["unhcr"]),
        ("Oficina de las Naciones Unidas contra la Droga y el Delito", "COL", ["unodc"]),
    ],
)
def test_registry_names_in_other_languages(
    cell: str, country: str | None, expected: list[str | None], registry: Registry
) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # a university's college, faculty, school or institute after a dash or a comma, named or not: the university
        ("Makerere University – Busitema Faculty of Engineering", "UGA", ["+Makerere University"]),
        (
            "Universidad Nacional de Asunción, Facultad de Ciencias Médicas",
            "PRY",
            ["+Universidad Nacional de Asunción"],
        ),
        ("University of Juba – Centre for Peace and Development Studies", "SSD", ["+University of Juba"]),
        # a church's or a diocese's department, commission or diocese after a dash: that church
        ("Église Méthodiste du Bénin – Commission Santé", "BEN", ["+Église Méthodiste du Bénin"]),
        ("Anglican Diocese of Kitgum – Health Department", "UGA", ["+Anglican Diocese of Kitgum"]),
        ("Lutheran Church of Kenya, Diocese of Lodwar", "KEN", ["+Lutheran Church of Kenya"]),
        # a ministry's department after a dash is the ministry (tests/data/LABELS.md: a unit is its organisation)
        (
            "Ministry of Local Government – Disaster Preparedness Department",
            "MWI",
            ["+Ministry of Local Government"],
        ),
        # a name holding a word in capitals before a town: where the name ends is for a person to say
        ("Evangelical Church KKT – Mwanza", "TZA", [None]),
    ],
)
def test_units_after_a_dash_belong_to_their_organisation(
    cell: str, country: str | None, expected: list[str | None], registry: Registry
) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # a registry organisation, a dash and a hyphenated town: where it sits (review), never an organisation
        ("World Vision – Ambatolampy-Tsimahafotsy", "MDG", ["world-vision", None]),
        # "<NGO> – <town> office": the NGO, named without its "International"
        ("Plan – Tsévié office", "TGO", ["plan-international"]),
        # a registry name with a shortened word written out, and a registry acronym with its own kind word
        ("Intl. Medical Corps", "SSD", ["imc"]),
        ("Pan American Health Org.", "HND", ["paho"]),
        # a registry name and a word more: another body or the same, a person decides
        ("Norwegian People's Aid Assoc.", "SSD", [None]),
        ("Somali Youth Dev. Network", "SOM", ["+Somali Youth Dev. Network"]),
        ("NRC Foundation", "COL", ["+NRC Foundation"]),
    ],
)
def test_towns_offices_and_shortened_words(
    cell: str, country: str | None, expected: list[str | None], registry: Registry
) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # two registry names, each one capitalised word, joined by "and"/"et"/"y"/"e": two actors
        ("Care and Goal", "NER", ["care", "goal"]),
        ("Concern et Goal", "TCD", ["concern", "goal"]),
        # ... never when one word is no registry name: one name, perhaps of its own
        ("Hope and Care", "KEN", ["+Hope and Care"]),
        # an international NGO named without its "International" in French, Spanish or Portuguese
        ("Solidarités, Première Urgence", "CAF", ["solidarites", "pui"]),
    ],
)
def test_joined_registry_names(cell: str, country: str | None, expected: list[str | None], registry: Registry) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # collectives of a project or programme name no one, in the four languages
        ("ONG nationales partenaires du programme", "BEN", []),
        ("organizaciones locales socias del proyecto", "ECU", []),
        # one unknown word in brackets after a collective: its local name as often as a body, a person decides
        ("autorités coutumières (Lamidos)", "CMR", [None]),
        # ... an acronym or a registry name there is a mention of its own
        ("partenaires (UNICEF)", "CMR", ["unicef"]),
    ],
)
def test_collectives(cell: str, country: str | None, expected: list[str | None], registry: Registry) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # an unknown name in Arabic or Cyrillic script holding an organisation word of its script: provisional
        ("جمعية البر الخيرية", "JOR", ["+جمعية البر الخيرية"]),
        ("Благодійний фонд Світанок", "UKR", ["+Благодійний фонд Світанок"]),
        ("Общественная организация Ласточка", "KAZ", ["+Общественная организация Ласточка"]),
        # words of that script naming no organisation stay unresolved, never an actor
        ("الشركاء المحليون", "JOR", [None]),
    ],
)
def test_names_in_other_scripts(cell: str, country: str | None, expected: list[str | None], registry: Registry) -> None:
    assert actors(cell, country, registry) == expected


def test_provisional_ids_in_other_scripts_stay_apart() -> None:
    """Two names in Arabic or Cyrillic script are two provisional ids (their letters kept), never one."""
    first = provisional_actor("جمعية البر الخيرية", "JOR").actor_id
    second = provisional_actor("جمعية النور", "JOR").actor_id
    third = provisional_actor("Благодійний фонд Світанок", "UKR").actor_id
    assert len({first, second, third}) == len((first, second, third))
    assert first.startswith("p-جمعية") and first.endswith("-jor")
