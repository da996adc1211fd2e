"""The words of workplans in each language, from data/vocab/<lang>.toml: loaded once, read by every
normalizer that reads words (headers, sections, periods, statuses, non-actors)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

from data import read_toml

# The languages whose vocabulary ships with the project; English is the fallback of every lookup.
LANGUAGES = ("en", "fr", "es", "pt")


@cache
def vocabulary(language: str) -> dict[str, Any]:
    """The whole vocabulary file of one language ({} for a language without one)."""
    if language not in LANGUAGES:
        raise ValueError(f"no vocabulary for language {language!r}; known: {', '.join(LANGUAGES)}")
    return read_toml(f"vocab/{language}.toml")


def section(name: str, languages: Iterable[str] = LANGUAGES) -> dict[str, list[str]]:
    """One table of the vocabulary (e.g. "roles"), its word lists merged over the languages, in order."""
    merged: dict[str, list[str]] = {}
    for language in languages:
        for key, words in vocabulary(language).get(name, {}).items():
            bucket = merged.setdefault(key, [])
            bucket.extend(word for word in words if word not in bucket)
    return merged
