"""The header and section words of every language, read from data/vocab/<lang>.toml."""

import pytest

from normalizers.headers import role_of_header
from normalizers.language import detect_language
from normalizers.sections import label_level
from normalizers.vocab import LANGUAGES, best_key, fold, section, vocabulary


def role_words() -> list[tuple[str, str, str]]:
    """(language, role, word) for every [roles] word of every language."""
    return [
        (language, role, word)
        for language in LANGUAGES
        for role, words in vocabulary(language).get("roles", {}).items()
        for word in words
    ]


def section_words() -> list[tuple[str, str, str]]:
    """(language, level, word) for every [sections] word of every language."""
    return [
        (language, level, word)
        for language in LANGUAGES
        for level, words in vocabulary(language).get("sections", {}).items()
        for word in words
    ]


@pytest.mark.parametrize(("language", "role", "word"), role_words())
def test_every_role_word_names_its_role_as_a_header(language: str, role: str, word: str) -> None:
    """Each word, written as a header, names its own role: no longer entry of another role shadows it."""
    header = word.lstrip("=").replace("*", "s" if word.endswith("*") else "")
    assert role_of_header(header) == role, f"{language}: {header!r}"


@pytest.mark.parametrize(("language", "level", "word"), section_words())
def test_every_section_label_names_its_level(language: str, level: str, word: str) -> None:
    """Each label, opening a numbered section row, names its own level."""
    assert label_level(f"{word.title()} 1: Strengthen the response") == level, f"{language}: {word!r}"


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Activités", "activites"),
        ("Partenaires d'appui", "partenaires d appui"),
        ("Acções", "accoes"),
        ("N.º", "n o"),
        ("M&E  Focal\nPoint", "m&e focal point"),
        ("#", "#"),
        ("", ""),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("Partner organisation", "partners"),  # the longer entry wins over "organi*" (lead)
        ("Organisation", "lead"),
        ("Priority activities", "activity"),  # equal length: the role listed first
        ("With", "partners"),
        ("Agree with", None),  # "=with" is the whole header or nothing
    ],
)
def test_longest_entry_wins(header: str, role: str | None) -> None:
    assert best_key("roles", header) == role


def test_sections_merge_every_language() -> None:
    merged = section("sections")
    assert {"pillar", "axe", "eje", "eixo"} <= set(merged["priority"])


@pytest.mark.parametrize(
    ("texts", "language"),
    [
        (["Activities", "Support the roll-out of the referral pathway with all partners"], "en"),
        (["Activités", "Appuyer la mise en place des comités de gestion dans les sites"], "fr"),
        (["Actividades", "Fortalecer la respuesta con los socios y las autoridades del municipio"], "es"),
        (["Actividades", "Actualizar o plano de contingência com os parceiros da província"], "pt"),
        (["Q1", "UNICEF"], None),  # too few function words to tell
    ],
)
def test_detect_language(texts: list[str], language: str | None) -> None:
    assert detect_language(texts) == language
