"""The words of workplans in each language, from data/vocab/<lang>.toml: loaded once, read by every
normalizer that reads words (headers, sections, periods, statuses, non-actors).

Entries of the word tables ([roles], [sections]) are matched on folded text (see `fold`): a word ending
in "*" matches every word it starts, a phrase matches its words in a row, and an entry starting with "="
must be the whole text. `best_key` gives the key of the longest matching entry.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from data import read_toml

# The languages whose vocabulary ships with the project; English is the fallback of every lookup.
LANGUAGES = ("en", "fr", "es", "pt")
# What folded text keeps: letters, digits, "&" ("M&E") and "#" (a numbering column's header).
NOT_KEPT = re.compile(r"[^a-z0-9&#]+")
# Ligatures Unicode does not decompose, written out as their letters ("mise en œuvre": "mise en oeuvre").
LIGATURES = str.maketrans({"œ": "oe", "æ": "ae"})
STEM = "*"
WHOLE = "="
# How the hyphen and apostrophes of a vocabulary phrase match text written with or without them.
CHAR_REGEX = {"-": r"[\s-]?", "'": r"['’]?\s*", "’": r"['’]?\s*"}


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


def fold(text: str) -> str:
    """Text reduced for matching words: accents stripped, case folded, runs of other characters one space."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    bare = "".join(char for char in decomposed if not unicodedata.combining(char)).casefold().translate(LIGATURES)
    return " ".join(NOT_KEPT.sub(" ", bare).split())


@dataclass(frozen=True)
class Entry:
    """One compiled vocabulary entry: its key (a role, a level), its pattern and its length."""

    key: str
    pattern: re.Pattern[str]
    length: int  # characters of the entry without its markers: the longer entry is the more specific


def compile_entry(key: str, word: str) -> Entry:
    """A vocabulary word as a pattern over folded text."""
    whole = word.startswith(WHOLE)
    parts: list[str] = []
    for raw in word.removeprefix(WHOLE).split():
        folded = fold(raw).split() or [raw]  # "#" folds to itself; a lone mark stays as written
        parts.extend(folded[:-1] + [folded[-1] + STEM if raw.endswith(STEM) else folded[-1]])
    body = r"\s".join(re.escape(part[:-1]) + r"[a-z0-9]*" if part.endswith(STEM) else re.escape(part) for part in parts)
    source = rf"^{body}$" if whole else rf"(?<![a-z0-9#]){body}(?![a-z0-9#])"
    return Entry(key, re.compile(source), sum(len(part.rstrip(STEM)) for part in parts))


@cache
def entries(name: str, languages: tuple[str, ...] = LANGUAGES) -> tuple[Entry, ...]:
    """Every entry of one word table, compiled, in the order of its keys."""
    return tuple(compile_entry(key, word) for key, words in section(name, languages).items() for word in words)


@cache
def key_order(name: str) -> dict[str, int]:
    """Each key's place in its table: of two matches of the same length, the key listed first wins."""
    return {key: index for index, key in enumerate(section(name))}


def best_match(name: str, text: str, anchored: bool = False) -> tuple[str, int] | None:
    """The key of the longest entry of table `name` found in `text` (at its start when `anchored`), with
    where the match ends in the folded text."""
    folded = fold(text)
    order = key_order(name)
    find = re.Pattern.match if anchored else re.Pattern.search
    best: tuple[int, int, str, int] | None = None
    for entry in entries(name) if folded else ():
        found = find(entry.pattern, folded)
        if found is None:
            continue
        rank = (entry.length, -order[entry.key], entry.key, found.end())
        if best is None or rank > best:
            best = rank
    return (best[2], best[3]) if best else None


def best_key(name: str, text: str, anchored: bool = False) -> str | None:
    """The key of the longest entry of table `name` found in `text` (at its start when `anchored`)."""
    match = best_match(name, text, anchored)
    return match[0] if match else None


def unaccent(text: str) -> str:
    """The text with each accented letter as its base letter, one character for one ("é" as "e", "º" as "o"),
    so that a match in it stands where it does in the text."""
    return "".join(char if char.isascii() else base_letter(char) for char in text)


@cache
def base_letter(char: str) -> str:
    """One character without its accent, itself when it has no one-character base."""
    bare = "".join(part for part in unicodedata.normalize("NFKD", char) if not unicodedata.combining(part))
    return bare if len(bare) == 1 else char


def phrase_pattern(words: Iterable[str]) -> str:
    """Phrases of the vocabulary as one regex alternation over unaccented text, longest first (see the
    [periods] table of data/vocab/en.toml): a space matches a run of spaces, a hyphen a hyphen, a space or
    nothing, an apostrophe either quote or none, "*" alone one word, a word ending in "*" any word it starts,
    a phrase ending in "$" only at the end of a clause."""
    phrases = sorted({unaccent(word.lower()) for word in words}, key=len, reverse=True)
    return "|".join(phrase_regex(phrase) for phrase in phrases) or "(?!)"


def phrase_regex(phrase: str) -> str:
    """One phrase of the vocabulary as a regex (see `phrase_pattern`)."""
    clause_end = phrase.endswith("$") and len(phrase) > 1
    tokens = [token_regex(token) for token in phrase.removesuffix("$").split()]
    return r"\s+".join(tokens) + (r"(?=\s*(?:$|[.;,:!)\]-]))" if clause_end else "")


def token_regex(token: str) -> str:
    """One word of a phrase as a regex."""
    if token == STEM:
        return r"\w+"
    stem = token.endswith(STEM)
    body = "".join(CHAR_REGEX.get(char, re.escape(char)) for char in token.removesuffix(STEM))
    return body + (r"\w*" if stem else "")


def key_evidence(name: str, key: str, text: str) -> tuple[str, tuple[str, ...]] | None:
    """Why table `name` gives `text` the key `key`: the longest words of that key found in the text, and the
    languages whose vocabulary lists them (for `workplans explain`); None when no entry of the key matches."""
    folded = fold(text)
    found: dict[str, list[str]] = {}
    for language in LANGUAGES:
        for entry in entries(name, (language,)) if folded else ():
            match = entry.pattern.search(folded) if entry.key == key else None
            if match:
                found.setdefault(match.group(0), []).append(language)
    if not found:
        return None
    words = max(found, key=len)
    return words, tuple(dict.fromkeys(found[words]))
