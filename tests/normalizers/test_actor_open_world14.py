"""heldout12's classes in general form (bench/ACTOR_RESULTS.md, "heldout12's classes (branch actors13)"), written
with other organisations, places and languages than any labelled cell."""

from __future__ import annotations

import pytest

from normalizers.actors import Registry
from tests.normalizers.actor_cells import actors


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # a slashed disease name inside a name is one term, never a list with a registry acronym in it
        # (a registry acronym's letters inside it leave a doubt: review, never the registry's Sida)
        ("Coalición de Organizaciones contra el VIH/SIDA", "HND", [None]),
        ("Provincial HIV/AIDS Coordinating Committee", "ZMB", ["+Provincial HIV/AIDS Coordinating Committee"]),
        # a slash between two registry names stays a list
        ("UNICEF/Sida", "KEN", ["unicef", "sida"]),
    ],
)
def test_slashed_terms_are_no_list(cell: str, country: str, expected: list[str | None], registry: Registry) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country"),
    [
        ("IASC signatories", "HTI"),
        ("Partenaires du PAM", "NER"),
        ("Socios de ACNUR", "ECU"),
        ("Signatários do UNICEF", "MOZ"),
    ],
)
def test_signatories_and_partners_of_a_body_name_no_one(cell: str, country: str | None, registry: Registry) -> None:
    assert actors(cell, country, registry) == []


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # a registry section written after its organisation and a dash or a comma is that section
        ("Médecins Sans Frontières – OCG", "SSD", ["hapi-msf-ch"]),
        ("Médecins Sans Frontières, OCB et PAM", "NER", ["hapi-msf-b", "wfp"]),
        # a town after the dash stays where the organisation works
        ("Médecins Sans Frontières – Malakal", "SSD", ["msf"]),
    ],
)
def test_sections_after_a_dash(cell: str, country: str, expected: list[str | None], registry: Registry) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # an INGO followed by a country (more countries known now) is its office there
        ("Intersos Montenegro", "MNE", ["intersos"]),
        ("Mercy Corps Kazakhstan", "KAZ", ["mercy-corps"]),
        ("ActionAid International The Gambia", None, ["actionaid"]),
        ("Danish Refugee Council (DRC) North Macedonia", "MKD", ["drc"]),
        ("wfp and unicef bih", "BIH", ["wfp", "unicef"]),
        # a place opening a name in words holding a registry name is part of that name
        ("Kandahar Legal Aid Society", "AFG", ["+Kandahar Legal Aid Society"]),
    ],
)
def test_offices_by_country_and_places_opening_names(
    cell: str, country: str | None, expected: list[str | None], registry: Registry
) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # organisation words of languages without a vocabulary file of their own heading a name
        ("Ministerie van Justitie en Politie", "SUR", ["+Ministerie van Justitie en Politie"]),
        ("Stichting Wan Okasi", "SUR", ["+Stichting Wan Okasi"]),
        ("Persatuan Kebajikan Islam Sabah", "MYS", ["+Persatuan Kebajikan Islam Sabah"]),
        ("Yayasan Bina Desa", "IDN", ["+Yayasan Bina Desa"]),
        ("Asosiasaun Deficiente Timor-Leste", "TLS", ["+Asosiasaun Deficiente Timor-Leste"]),
        ("Ofis blong Woman Afea", "VUT", ["+Ofis blong Woman Afea"]),
        ("Trung tâm Hỗ trợ Phát triển Cộng đồng", "VNM", ["+Trung tâm Hỗ trợ Phát triển Cộng đồng"]),
        ("Mutuelle des pêcheurs de Mutsamudu", "COM", ["+Mutuelle des pêcheurs de Mutsamudu"]),
        # in Cyrillic and in the scripts of the Mekong, an organisation word of the language; government words only
        ("Министарство здравља", "SRB", ["+Министарство здравља"]),
        ("Хүүхдийн төлөө үндэсний төв", "MNG", ["+Хүүхдийн төлөө үндэсний төв"]),
        ("ក្រសួងកសិកម្ម", "KHM", ["+ក្រសួងកសិកម្ម"]),
        ("กระทรวงมหาดไทย", "THA", ["+กระทรวงมหาดไทย"]),
        # a name in those scripts with no such word stays for review
        ("Эрдэнэт Хөгжил", "MNG", [None]),
    ],
)
def test_organisation_words_of_more_languages(
    cell: str, country: str, expected: list[str | None], registry: Registry
) -> None:
    assert actors(cell, country, registry) == expected


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        # "in support of <body>" joins two bodies, as "with" does
        ("Oxfam in support of the Ministry of Water", "ZMB", ["oxfam", "+Ministry of Water"]),
        (
            "Cáritas Moçambique em apoio ao Instituto Nacional de Gestão de Desastres",
            "MOZ",
            ["+Cáritas Moçambique", "+Instituto Nacional de Gestão de Desastres"],
        ),
        ("AMURT, en appui au PAM", "HTI", ["+AMURT", "wfp"]),
        # inside a name's own words it stays the name
        ("Association en appui aux femmes rurales", "MLI", ["+Association en appui aux femmes rurales"]),
    ],
)
def test_in_support_of_a_body(cell: str, country: str, expected: list[str | None], registry: Registry) -> None:
    assert actors(cell, country, registry) == expected
