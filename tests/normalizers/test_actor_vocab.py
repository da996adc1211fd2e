"""Every actor word of data/vocab/<lang>.toml, one test row each: the [not_actors] lists name no one, each
[actor_roles] form reads as its role after a body, each [actor_types] label means its type and each
[organisation_words] word tells its type."""

import pytest

from normalizers.actor_words import is_not_actor, organisation_type, split_role
from normalizers.vocab import LANGUAGES, vocabulary
from pipeline.registry_import import actor_type_of

NO_ONE_LISTS = ("collectives", "placeholders", "organisation_types", "plans")
TYPED_WORDS = ("government", "coordination_body", "other")


def words_of(table: str, keys: tuple[str, ...] | None = None) -> list[tuple[str, str, str]]:
    """(language, key, word) for every word of one table of every language, or of some of its keys."""
    return [
        (language, key, word)
        for language in LANGUAGES
        for key, words in vocabulary(language).get(table, {}).items()
        if keys is None or key in keys
        for word in words
    ]


def test_every_table_has_words_in_every_language() -> None:
    """The lists these tests read exist in each language, so an emptied table cannot pass unseen."""
    for language in LANGUAGES:
        vocab = vocabulary(language)
        for table in ("not_actors", "actor_roles", "actor_types", "organisation_words"):
            assert vocab.get(table), f"{language}: no [{table}]"
        assert vocab["not_actors"].get("collectives"), f"{language}: no collectives"


@pytest.mark.parametrize(("language", "key", "word"), words_of("not_actors", NO_ONE_LISTS))
def test_every_no_one_word_names_no_one(language: str, key: str, word: str) -> None:
    """A collective, placeholder, organisation-type label or plan name, written as a whole mention and in
    capitals, is no actor."""
    assert is_not_actor(word), f"{language} {key}: {word!r}"
    assert is_not_actor(word.upper()), f"{language} {key}: {word.upper()!r}"


@pytest.mark.parametrize(("language", "key", "word"), words_of("not_actors", ("collectives",)))
def test_every_collective_with_a_sector_word_names_no_one(language: str, key: str, word: str) -> None:
    """A sector word before a collective keeps it a collective ("WASH partners", "ONG du secteur")."""
    sector = vocabulary(language)["not_actors"]["sector_words"][0]
    assert is_not_actor(f"{sector} {word}"), f"{language}: {sector} {word!r}"


@pytest.mark.parametrize(("language", "role", "form"), words_of("actor_roles"))
def test_every_role_form_reads_as_its_role_after_a_body(language: str, role: str, form: str) -> None:
    """'<body> <form>' is the body's role: "Shelter Cluster co-lead" -> ("Shelter Cluster", "co-lead")."""
    reading = split_role(f"Shelter Cluster {form}")
    assert reading is not None, f"{language}: {form!r}"
    assert reading[1] == role, f"{language}: {form!r} read as {reading[1]!r}"


@pytest.mark.parametrize(("language", "actor_type", "label"), words_of("actor_types"))
def test_every_type_label_means_its_type(language: str, actor_type: str, label: str) -> None:
    """A partner list's type column ("ONG nationale", "Agencia ONU") becomes the registry's type."""
    assert actor_type_of(label) == actor_type, f"{language}: {label!r}"


@pytest.mark.parametrize(("language", "actor_type", "word"), words_of("organisation_words", TYPED_WORDS))
def test_every_organisation_word_tells_its_type(language: str, actor_type: str, word: str) -> None:
    """A name holding the word is of its type, or of a type checked before it (a ministry's association is
    government)."""
    found = organisation_type(f"Kibali {word} Nord")
    assert found is not None, f"{language}: {word!r}"
    assert TYPED_WORDS.index(found) <= TYPED_WORDS.index(actor_type), f"{language}: {word!r} read as {found!r}"
