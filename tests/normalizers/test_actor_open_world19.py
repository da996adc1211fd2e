"""heldout16's classes in general form (bench/ACTOR_RESULTS.md, "heldout16's classes (branch actors18)"): a misspelt
common word of an unknown organisation's name corrected, said out loud, never a word of another language or a
proper name. Written with other organisations, places and words than any labelled cell."""

from __future__ import annotations

import pytest

from normalizers.actor_provisional import provisional_actor
from normalizers.actor_spelling import SPELLING_DOUBT, corrected_name, is_one_edit, name_language
from normalizers.actors import Registry, ResolutionContext, resolve_cell


@pytest.mark.parametrize(
    ("written", "country", "corrected"),
    [
        ("Lira Farmers Cooperatve Society", "UGA", "Lira Farmers Cooperative Society"),  # a letter left out
        ("Kasese Youth Allaince for Peace", "UGA", "Kasese Youth Alliance for Peace"),  # two letters swapped
        (
            "Union des Femmes Paysannes pour le Developpment de Kindu",
            "COD",
            "Union des Femmes Paysannes pour le Développement de Kindu",
        ),  # the French word, by the name's own function words
        ("Turkana Pastoralists Devellopment Forum", "KEN", "Turkana Pastoralists Development Forum"),  # English
        (
            "Asociación de Mujeres Artesanas del Comunidad de Suyo",
            "PER",
            "Asociación de Mujeres Artesanas del Comunidad de Suyo",
        ),  # nothing misspelt: unchanged
        ("Associação das Mulheres Pescadoras de Mecúfi", "MOZ", "Associação das Mulheres Pescadoras de Mecúfi"),
        ("Rede de Jovens Camponezes do Niassa", "MOZ", "Rede de Jovens Camponeses do Niassa"),  # a letter changed
        ("Red de Mujeres Campecinas del Cesar", "COL", "Red de Mujeres Campesinas del Cesar"),
    ],
)
def test_a_misspelt_common_word_of_an_unknown_name_is_corrected(written: str, country: str, corrected: str) -> None:
    assert corrected_name(written, country)[0] == corrected


@pytest.mark.parametrize(
    ("written", "country"),
    [
        ("Dinas Sosial Kabupaten Sigi", "IDN"),  # a name in another language: no common English word written right
        ("Universiti Sains Malaysia", "MYS"),
        ("Centro de Promoción Humana del Chaco", "PRY"),  # the other gender of a known word ("humanos")
        ("Association des Femmes Couturières de Mopti", "MLI"),  # an unknown word two letters from any common word
        ("Women's Refuge Trust of Samoa", "WSM"),  # a real word a letter away from a common one ("refugee")
        ("Ministère de la Famille et de la Personne Âgée", "BEN"),  # a singular of a known plural
        ("NETWOK Association of Traders", "GHA"),  # written in capitals: an acronym, never corrected
        ("Mercy Health Foundation of Gulu", "UGA"),  # a registry word of its own, no common word near it
    ],
)
def test_a_word_not_misspelt_is_left_as_written(written: str, country: str) -> None:
    assert corrected_name(written, country) == (written, ())


def test_a_word_one_edit_from_two_common_words_of_the_language_is_left_as_written() -> None:
    # "developement" is one edit from English "development" and French "développement": only the name's language
    # settles it, and a name of that language holds one of them alone
    english = corrected_name("Community Developement Initiative of Arua", "UGA")[0]
    assert english == "Community Development Initiative of Arua"
    assert "Développement" in corrected_name("Comité de Developement de Gitega", "BDI")[0]


@pytest.mark.parametrize(
    ("name", "country", "language"),
    [
        ("Comité des Sages de Kaya", None, "fr"),  # its own function words
        ("Kaya Women Forum", "BFA", "fr"),  # none: the country's language
        ("Tete Youth Forum", "MOZ", "pt"),
        ("Kismayo Youth Forum", "SOM", "en"),  # a country no language lists
        ("Kismayo Youth Forum", None, "en"),
    ],
)
def test_the_language_of_a_name(name: str, country: str | None, language: str) -> None:
    assert name_language(name, country) == language


@pytest.mark.parametrize(
    ("first", "second", "one"),
    [
        ("network", "netwrk", True),
        ("network", "netwrok", True),
        ("network", "networks", True),
        ("network", "natwork", True),
        ("network", "ntwrk", False),
        ("network", "network", False),
        ("network", "wetnork", False),
    ],
)
def test_one_edit(first: str, second: str, one: bool) -> None:
    assert is_one_edit(first, second) is one


def test_the_provisional_actor_has_the_corrected_name_and_the_written_one_as_its_alias() -> None:
    actor = provisional_actor("Gulu Widows Assocciation (GWA)", "UGA")
    assert (actor.name, actor.acronym) == ("Gulu Widows Association", "GWA")
    assert actor.aliases == ("Gulu Widows Assocciation",)
    assert actor.actor_id == provisional_actor("Gulu Widows Association", "UGA").actor_id  # one key, one actor
    assert provisional_actor("Gulu Widows Association", "UGA").aliases == ()


def test_a_corrected_name_is_said_out_loud_and_its_key_reused(registry: Registry) -> None:
    context = ResolutionContext("partners", country="UGA")
    typo = resolve_cell("Gulu Widows Assocciation", registry, "partner", context)
    right = resolve_cell("Gulu Widows Association", registry, "partner", context)
    assert [(ref.method, ref.doubt) for ref in typo] == [("provisional", SPELLING_DOUBT)]
    assert typo[0].raw == "Gulu Widows Assocciation"  # the mention keeps what was written
    assert typo[0].actor_id == right[0].actor_id and right[0].doubt is None


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        ("UNHCR – Sub-office of Kakuma", "KEN", ["unhcr"]),  # a unit and where it sits
        ("UNICEF – Sous-bureau de Kalemie", "COD", ["unicef"]),
        ("MONUSCO – CIMIC Sector South", "COD", ["monusco"]),  # a sector of the compass after a unit's acronym
        ("OCHA / Head of Office Bukavu", "COD", ["ocha"]),  # a post
        ("Emergency Relief Coordinator / ASG Humanitarian Affairs", None, ["erc"]),  # a post of a role
        ("IOM Garissa / Dadaab", "KEN", ["iom"]),  # "<agency> <town> / <town>"
        ("WFP – Kakuma camp", "KEN", ["wfp"]),  # a known place and a site word
        (
            "Instituto Nacional de Gestão de Desastres – INGD Sofala",
            "MOZ",
            ["+Instituto Nacional de Gestão de Desastres"],
        ),  # an organisation's own acronym and a place
    ],
)
def test_a_note_after_an_organisation_is_part_of_its_mention(
    cell: str, country: str | None, expected: list[str], registry: Registry
) -> None:
    assert linked(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        ("UNICEF / Save the Children", "KEN", ["unicef", "save-the-children"]),  # two organisations
        ("UNHCR – Kakuma Refugee Women Association", "KEN", ["unhcr", "+Kakuma Refugee Women Association"]),
        ("WFP / Turkana Pastoralists Forum", "KEN", ["wfp", "+Turkana Pastoralists Forum"]),  # a name after a slash
        ("IRC Kenya / Caritas Garissa", "KEN", ["irc", "+Caritas Garissa"]),  # a body's word and its town
    ],
)
def test_an_organisation_after_a_separator_stays_its_own(
    cell: str, country: str | None, expected: list[str], registry: Registry
) -> None:
    assert linked(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country"),
    [
        ("CBOs in Garissa (TBC)", "KEN"),  # a collective where it works
        ("ONG locales du Kasaï", "COD"),
        ("Youth groups in Bosaso", "SOM"),
        ("Shelter Cluster : tous les partenaires du Sud", "MLI"),  # the body's partners, not the body
        ("Water committees – Dagahaley", "KEN"),  # a collective, then where it works after a dash
        ("chefs de quartier de l'axe Bangui–Damara", "CAF"),
    ],
)
def test_a_collective_with_a_place_names_no_one(cell: str, country: str, registry: Registry) -> None:
    refs = resolve_cell(cell, registry, "partner", ResolutionContext("", country=country))
    assert [ref.actor_id for ref in refs if ref.actor_id] == []


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        ("Shelter Cluster (all partners)", "MLI", ["mli-shelter-cluster"]),  # the body itself
        ("Association des Femmes de Kindu", "COD", ["+Association des Femmes de Kindu"]),  # a name with its town
        ("Friends of Garissa", "KEN", ["+Friends of Garissa"]),
        ("Partners – Caritas Kindu", "COD", ["+Caritas Kindu"]),  # two unknown words after a collective: a name
    ],
)
def test_a_body_or_a_name_with_a_place_stays_an_actor(
    cell: str, country: str, expected: list[str], registry: Registry
) -> None:
    assert linked(cell, country, registry) == expected


def linked(cell: str, country: str | None, registry: Registry) -> list[str]:
    """The actors a cell links: registry ids, and "+<name>" for a provisional actor."""
    refs = resolve_cell(cell, registry, "partner", ResolutionContext("", country=country))
    return [
        f"+{provisional_actor(ref.raw, country).name}" if ref.method == "provisional" else str(ref.actor_id)
        for ref in refs
        if ref.actor_id
    ]


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        ("Fanm Vanyan (Gonaïves, Ennery)", "HTI", ["+Fanm Vanyan"]),  # a town beside a known place in brackets
        ("Consortium Sud (ACTED, Kofaviv)", "HTI", ["+Consortium Sud", "acted", "+Kofaviv"]),  # no place: names
    ],
)
def test_a_town_in_a_bracketed_list_of_places_is_where_the_organisation_works(
    cell: str, country: str, expected: list[str], registry: Registry
) -> None:
    assert linked(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        ("EOTC/DICAC", "ETH", ["hapi-eotc-dicac"]),  # a registry acronym "<A>-<B>" written with a slash
        ("VSF/Germany Kenya", "KEN", ["vsf-germany"]),  # and the country after it
        ("UNHCR/WFP", "KEN", ["unhcr", "wfp"]),  # two acronyms of their own stay two
    ],
)
def test_a_registry_acronym_written_with_a_slash(
    cell: str, country: str, expected: list[str], registry: Registry
) -> None:
    assert linked(cell, country, registry) == expected
