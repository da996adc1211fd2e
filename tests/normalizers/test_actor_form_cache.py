"""The registry's forms cut once and kept on disk (normalizers/actor_matcher.form_tokens): a matcher built from
the disk cache finds what a matcher built by cutting every form finds, for a changed registry too, and a
damaged or unwritable cache is rebuilt or left alone, never an error."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from spacy.matcher import PhraseMatcher

from normalizers.actor_matcher import (
    MATCH_LABEL,
    blank,
    form_matcher,
    registry_forms,
    registry_matches,
    tokenizer_language,
    with_norms,
)
from normalizers.actor_registry import Actor, load_actors
from normalizers.actors import Registry
from normalizers.disk_cache import CACHE_DIR_VARIABLE

LANGUAGES = ("en", "fr", None)  # None: the multi-language tokenizer, or French for an elided article
TEXTS = (
    "UNICEF, WHO and the Sector Coordinator",
    "WFP AND FAO",
    "avec l'OIM et d'ONU Femmes, le Ministère de la Santé",
    "MoSA / Ministry of Social Affairs (MOSA) - UN-Habitat; IOM's team",
    "Zorblax Relief Society (ZRS) with UNHCR",
    "ZORBLAX RELIEF SOCIETY",
)
TOKENIZERS = ("en", "fr", "xx")  # those the languages above call
NEW_ACTOR = Actor("zorblax-relief-society", "Zorblax Relief Society", "ZRS", "nngo", aliases=("Zorblax R.S.",))


def cut_every_form(registry: Registry, language: str, lower_only: bool) -> PhraseMatcher:
    """The matcher as built without the disk cache: each form cut by the tokenizer, its tokens' norms set."""
    nlp = blank(language)
    matcher = PhraseMatcher(nlp.vocab, attr="NORM")
    matcher.add(MATCH_LABEL, [with_norms(nlp.make_doc(form), lower_only) for form in registry_forms(registry)])
    return matcher


def assert_same_matches(registry: Registry, texts: tuple[str, ...] = TEXTS) -> None:
    """Every text's matches, in every language, as a matcher cutting every form finds them."""
    for language in LANGUAGES:
        for text in texts:
            lower_only = text.isupper()
            tokenizer = tokenizer_language(text, language)
            doc = with_norms(blank(tokenizer).make_doc(" ".join(text.split())), lower_only)
            expected = sorted({(start, end) for _, start, end in cut_every_form(registry, tokenizer, lower_only)(doc)})
            assert registry_matches(text, registry, language)[1] == expected, (language, text)


@pytest.fixture()
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(tmp_path))
    return tmp_path


def test_a_matcher_read_from_the_disk_cache_finds_what_cutting_every_form_finds(cache_dir: Path) -> None:
    actors = load_actors()
    assert_same_matches(Registry(actors))  # cut, and written to the cache
    assert {path.name for path in cache_dir.iterdir()} == {f"actor_form_tokens.{lang}.json" for lang in TOKENIZERS}
    written = {path: path.stat().st_mtime_ns for path in cache_dir.iterdir()}
    assert_same_matches(Registry(actors))  # another process's registry: read back
    assert {path: path.stat().st_mtime_ns for path in cache_dir.iterdir()} == written
    # forms of every actor, in capitals too
    forms = tuple(registry_forms(Registry(actors))[::97])
    assert_same_matches(Registry(actors), forms + tuple(form.upper() for form in forms))


def test_an_actor_added_to_the_registry_is_found_once_the_cache_was_written(cache_dir: Path) -> None:
    actors = load_actors()
    assert registry_matches(TEXTS[4], Registry(actors), "en")[1] == [(7, 8)]  # UNHCR only; the cache written
    grown = Registry({**actors, NEW_ACTOR.actor_id: NEW_ACTOR})
    assert registry_matches(TEXTS[4], grown, "en")[1] == [(0, 3), (4, 5), (7, 8)]
    assert_same_matches(grown)
    renamed = Registry({**actors, NEW_ACTOR.actor_id: replace(NEW_ACTOR, acronym="ZoRS")})
    assert registry_matches(TEXTS[4], renamed, "en")[1] == [(0, 3), (7, 8)]


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        '{"key": "x", "value": []}',
        '["a list"]',
        "",
    ],
)
def test_a_damaged_cache_file_is_cut_again_and_rewritten(cache_dir: Path, content: str) -> None:
    for language in TOKENIZERS:
        (cache_dir / f"actor_form_tokens.{language}.json").write_text(content, encoding="utf-8")
    assert_same_matches(Registry(load_actors()))
    assert (cache_dir / "actor_form_tokens.en.json").read_text(encoding="utf-8") != content


def test_a_cache_whose_tokens_do_not_spell_the_forms_is_cut_again(cache_dir: Path) -> None:
    registry = Registry(load_actors())
    form_matcher(registry, "en", False)
    path = cache_dir / "actor_form_tokens.en.json"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"UNHCR"', '"UNHCX"'), encoding="utf-8")  # same key, a token changed
    assert '"UNHCX"' in path.read_text(encoding="utf-8")
    assert_same_matches(Registry(load_actors()))
    assert '"UNHCX"' not in path.read_text(encoding="utf-8")


def test_an_unwritable_cache_folder_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(blocker / "cache"))
    assert_same_matches(Registry(load_actors()))


def test_no_home_folder_is_no_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(CACHE_DIR_VARIABLE)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("HOME")
    monkeypatch.setattr("pwd.getpwuid", lambda uid: (_ for _ in ()).throw(KeyError(uid)))
    assert_same_matches(Registry(load_actors()), TEXTS[:1])
