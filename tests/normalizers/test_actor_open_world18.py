"""heldout15's classes in general form (bench/ACTOR_RESULTS.md, "actors17: heldout15's classes"): two spellings of
one unknown organisation said alike (never joined), a name whose "and" joins what it is of, a town or a numbered part
of a town after a dash, a registry name written with "&" for its "and". Written with other organisations, places and
languages than any labelled cell."""

from __future__ import annotations

import pytest

from normalizers.actor_likeness import ProvisionalName, alike_names, likeness, own_words
from normalizers.actors import Registry
from tests.normalizers.actor_cells import actors


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Tanganyika Fishermen Cooperative Society", "Tanganyika Fishermen Cooperative Socety"),  # a letter left out
        ("Mouvement des Femmes Paysannes de Kabinda", "Mouvement des Fammes Paysannes de Kabinda"),  # a letter changed
        ("Ruvuma Widows' Support Group", "Ruvuma Widows Support Group"),  # an apostrophe
        ("Associação de Pescadores de Inhassunge", "Associação Pescadores de Inhassunge"),  # a preposition left out
        ("Fundación Semillas del Chocó", "Fundación Semillas de Chocó"),  # "de" for "del"
    ],
)
def test_two_spellings_of_one_name_are_alike(first: str, second: str) -> None:
    assert likeness(own_words(first), own_words(second)) >= 88


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Association des Femmes de Kabalo", "Association des Femmes de Kalemie"),  # two towns: two organisations
        ("Comité de Développement du Groupement 1", "Comité de Développement du Groupement 2"),  # numbered
        ("Ministry of Health", "Ministry of Youth"),
        ("Tanganyika Fishermen Cooperative Society", "Tanganyika Farmers Cooperative Society"),
        ("ADSK", "ADSP"),  # short acronyms one letter apart are two organisations
    ],
)
def test_names_sharing_organisation_words_are_not_alike(first: str, second: str) -> None:
    assert likeness(own_words(first), own_words(second)) == 0
    assert alike_names([ProvisionalName("a", first, "TZA")], [ProvisionalName("b", second, "TZA")]) == {}


def test_alike_names_are_looked_for_in_the_same_country_only() -> None:
    among = [
        ProvisionalName("p-kigoma-youth-network-tza", "Kigoma Youth Network", "TZA"),
        ProvisionalName("p-kigoma-youth-netwrok-cod", "Kigoma Youth Netwrok", "COD"),
        ProvisionalName("p-kigoma-youth-netwrok-tza", "Kigoma Youth Netwrok", "TZA"),
        # read where the country is not known: they may be two countries' organisations
        ProvisionalName("p-kigoma-youth-network-xx", "Kigoma Youth Network", None),
        ProvisionalName("p-kigoma-youth-netwrok-xx", "Kigoma Youth Netwrok", None),
    ]
    found = alike_names(among, among)
    assert set(found) == {"p-kigoma-youth-network-tza", "p-kigoma-youth-netwrok-tza"}
    assert found["p-kigoma-youth-netwrok-tza"][0] == "p-kigoma-youth-network-tza"


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # "and" joining what one organisation is of or for (the words after it no body's own name)
        (
            "Ligue des Femmes pour la Justice et le Développement de Kalemie",
            "COD",
            ["+Ligue des Femmes pour la Justice et le Développement de Kalemie"],
        ),
        ("Associação dos Pais e Amigos de Quelimane", "MOZ", ["+Associação dos Pais e Amigos de Quelimane"]),
        (
            "Save the Children via Associação dos Pais e Amigos de Quelimane",
            "MOZ",
            ["save-the-children", "+Associação dos Pais e Amigos de Quelimane"],
        ),
        # a body's own name after "and" stays a second organisation
        ("Association des Femmes de Goma et Caritas Goma", "COD", ["+Association des Femmes de Goma", "+Caritas Goma"]),
    ],
)
def test_an_and_inside_one_name_keeps_it_whole(
    cell: str, country: str, expected: list[str | None], registry: Registry
) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # a town after a dash is where the organisation works (tests/data/LABELS.md rule 2), after an acronym, a
        # name in capitals or one headed by "ONG" with its acronym in brackets too
        ("KOMBATI – Kalehe", "COD", ["+KOMBATI"]),
        ("UMOJA NGUVU – Kiwanja", "COD", ["+UMOJA NGUVU"]),
        ("ONG Tumaini Letu (TULE) – Uvira", "COD", ["+ONG Tumaini Letu (TULE)"]),
        # a hyphenated town and a town's numbered part are towns
        ("MOSAJE – Port-de-Paix", "HTI", ["+MOSAJE"]),
        ("MOSAJE – Saint-Louis-du-Nord", "HTI", ["+MOSAJE"]),
        # a capitalised word before the dash may be a short name spelt out after it: a person decides
        ("Kesho – Kalehe", "COD", [None]),
        ("ZIDECA – Kalemie II", "COD", ["+ZIDECA"]),
        # a protection-of-civilians site after a dash is where, not who
        ("Fondation Kesho – Bentiu PoC", "SSD", ["+Fondation Kesho"]),
        # an acronym's expansion after the dash stays the name (rule 4); another acronym a second organisation
        ("KOMBATI – RICE-WN", "COD", ["+KOMBATI", "+RICE-WN"]),
    ],
)
def test_a_place_after_a_dash_is_no_organisation(
    cell: str, country: str, expected: list[str | None], registry: Registry
) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        ("Humanidad & Inclusión – Cúcuta", "COL", ["hi"]),
        ("Humanité & Inclusion", "HTI", ["hi"]),
        # two registry names joined by "&" stay two
        ("Tearfund & Medair", "SOM", ["tearfund", "medair"]),
        ("Médicos del Mundo & Acción contra el Hambre", "COL", ["mdm", "acf"]),
    ],
)
def test_a_registry_name_written_with_an_ampersand_for_its_and(
    cell: str, country: str, expected: list[str | None], registry: Registry
) -> None:
    assert actors(cell, country, registry) == expected
