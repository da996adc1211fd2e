"""Misspelt common words of an unknown organisation's name, corrected before it becomes a provisional actor.

Partners type their own names fast: a letter of a common word left out, added, changed or two letters swapped
("Asociation", "Devlopment"). A provisional actor named with the typo is another actor than the organisation
written right. A word of an unknown name is corrected when all of these hold:

- it is no known word: not a word of any vocabulary table of any language (the common words of organisation
  names among them: data/vocab, `name_spelling`), nor a word of a registry name, acronym or alias or of a
  country's names or places (unless it is one edit from a common word and held by fewer than MIN_HOLDERS
  actors: the registry's own typo, not a proper name; imported names hold some), nor one of these with a
  plural "s";
- it has MIN_LETTERS letters or more, and is written in small letters or capitalised (never an acronym);
- it is one edit (a letter inserted, deleted, changed, or two neighbours swapped) from exactly one common word of
  the name's language: the language its own function words tell, else the country's (`name_spelling.countries`),
  else English. A word one edit from two common words is left as written, and so is every word of a name that
  holds no common word of its language written right: a name in another language ("Dinas Sosial <Town>").

The corrected word keeps the case of the written one. The provisional actor is named by the corrected name, the
written spelling kept as its alias and as the mention's raw text, and the mention says so (SPELLING_DOUBT).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import OSA

from normalizers.country import country_forms
from normalizers.language import function_words
from normalizers.vocab import LANGUAGES, fold, vocabulary

SPELLING_DOUBT = "corrected_spelling"  # activity_actors.doubt of a provisional mention whose name was corrected
MIN_LETTERS = 6  # shorter words are too often another real word one letter away
MIN_HOLDERS = 3  # registry actors whose names hold a word one edit from a common word that make it a real word
DEFAULT_LANGUAGE = "en"  # the language of a name whose words and country tell none
TABLE = "name_spelling"
# Endings of one word's numbers and genders, in pairs read either way: plurals, French feminines, Spanish and
# Portuguese genders ("-ora" of "-or").
INFLECTIONS = (("s", ""), ("es", ""), ("e", ""), ("es", "s"), ("a", "o"), ("as", "os"), ("ora", "or"), ("oras", "ores"))
WORD = re.compile(r"[^\W\d_]+")


@cache
def common_words(language: str) -> dict[str, str]:
    """The common organisation-name words of a language: folded form -> written form."""
    return {fold(word): word for word in vocabulary(language).get(TABLE, {}).get("words", [])}


@cache
def country_languages() -> dict[str, str]:
    """The language in which an unknown organisation of a country names itself, by ISO 3166 alpha-3."""
    return {
        country: language
        for language in LANGUAGES
        for country in vocabulary(language).get(TABLE, {}).get("countries", [])
    }


@cache
def known_words() -> frozenset[str]:
    """Every word the project knows as written right (folded): the vocabularies' words, and the words of the
    registry's names, acronyms and aliases and of the countries' names, adjectives and places that are no typo of
    a common word."""
    from normalizers.actor_registry import load_actors  # the actors only, no match indexes

    vocabulary_words = words_of(text for language in LANGUAGES for text in strings_of(vocabulary(language)))
    holders = Counter(
        word for actor in load_actors().values() for word in words_of((actor.name, actor.acronym or "", *actor.aliases))
    )
    names, places = country_forms()
    named = (words_of((*names, *places)) | set(holders)) - vocabulary_words
    return vocabulary_words | {word for word in named if holders[word] >= MIN_HOLDERS or not typo_of_common_word(word)}


def typo_of_common_word(folded: str) -> bool:
    """Whether a folded word is one edit from a common word of some language."""
    if len(folded) < MIN_LETTERS:
        return False
    nearest = process.extract(folded, all_common_words(), scorer=OSA.distance, score_cutoff=1, limit=2)
    return any(distance == 1 for _, distance, _ in nearest)  # the word itself, if common, is at 0


@cache
def all_common_words() -> tuple[str, ...]:
    """The common words of every language, folded: compared in one pass of rapidfuzz's loop (the known-word list
    is built from some 3,500 names' words once per process)."""
    return tuple(sorted({common for language in LANGUAGES for common in common_words(language)}))


def words_of(texts: Iterable[str]) -> frozenset[str]:
    """The folded words of texts."""
    return frozenset(word for text in texts for word in fold(text).split())


def strings_of(value: Any) -> Iterable[str]:
    """Every string held in a vocabulary table, however deep."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_of(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_of(item)


def name_language(name: str, country: str | None) -> str:
    """The language of a name: the one its function words tell (one language more than any other), else its
    country's, else English."""
    words = function_words()
    hits = Counter(words[token] for token in fold(name).split() if token in words).most_common(2)
    if hits and (len(hits) == 1 or hits[0][1] > hits[1][1]):
        return hits[0][0]
    return country_languages().get(country or "", DEFAULT_LANGUAGE)


def is_one_edit(first: str, second: str) -> bool:
    """Whether two words are one edit apart: a letter inserted or deleted, changed, or two neighbours swapped (the
    optimal string alignment distance the fuzzy matcher's edit budget uses)."""
    return OSA.distance(first, second) == 1


def is_known(folded: str) -> bool:
    """Whether a folded word is known as written right, or is another number or gender of a known word
    ("deplacees", "humana", "mother" of a known "deplaces", "humanos", "mothers")."""
    known = known_words()
    return any(form in known for form in inflected_forms(folded))


def inflected_forms(folded: str) -> set[str]:
    """A folded word and the other numbers and genders it may have: its ending swapped for another of its
    INFLECTIONS pair, either way, then with or without a plural "s"."""
    forms = {folded}
    for first, second in INFLECTIONS:
        for ending, other in ((first, second), (second, first)):
            if folded.endswith(ending):
                forms.add(folded[: len(folded) - len(ending)] + other)
    return forms | {form + "s" for form in forms} | {form + "es" for form in forms}


def corrected_word(word: str, language: str) -> str | None:
    """The common word of the language a written word misspells, in the written word's case; None when it is
    known, too short, an acronym, or one edit from no common word or from several."""
    folded = fold(word)
    if len(folded) < MIN_LETTERS or not word[1:].islower() or is_known(folded):
        return None
    near = [written for common, written in common_words(language).items() if is_one_edit(folded, common)]
    if len(near) != 1:
        return None
    return near[0][:1].upper() + near[0][1:] if word[:1].isupper() else near[0]


def corrected_name(name: str, country: str | None) -> tuple[str, tuple[tuple[str, str], ...]]:
    """A name with its misspelt common words corrected, and each (written, corrected) word; none in a name that
    holds no common word of its language written right (a name in another language: "Dinas Sosial <Town>")."""
    language = name_language(name, country)
    if not any(fold(word) in common_words(language) for word in WORD.findall(name)):
        return name, ()
    corrections: list[tuple[str, str]] = []

    def correct(match: re.Match[str]) -> str:
        found = corrected_word(match[0], language)
        if found is None:
            return match[0]
        corrections.append((match[0], found))
        return found

    return WORD.sub(correct, name), tuple(corrections)
