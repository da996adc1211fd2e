"""Text wrapped over several lines (a cell, a paragraph) joined back into one string, end-of-line
hyphenation mended: for any format that hands over lines."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from typing import Any

from data import data_path, read_csv_rows, read_toml

# A line ending in a hyphen after a letter is joined to the next without a space.
HYPHENATED = re.compile(r"[^\W\d_]-$")
# A line ending in a hyphen after a letter or a digit, the next opening with a digit or a capital: a code, a name or a
# range written with its hyphen ("COVID-" / "19", "2027-" / "2028", "Sud-" / "Kivu"), joined with it.
CODED = re.compile(r"[^\W_]-$")
# The table of data/vocab/<lang>.toml naming the prefixes and second parts that make compounds with their hyphen.
COMPOUNDS = "wrapping"
# The month keys of the [periods] tables of data/vocab/<lang>.toml, whose words are the month names.
MONTH_KEYS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
# A word opening the next line starts a month name when it is at least this long ("sept" / "embre" cut apart).
MONTH_PREFIX = 3
# A line ending in a whole word of the data this long at least and a hyphen is a compound broken at its hyphen
# ("site-" / "level") unless the two parts joined make a word of the data: office documents do not hyphenate.
MIN_WHOLE_HEAD = 4
FIRST_WORD = LETTERS = re.compile(r"[^\W\d_]+")
# A whole known word on a line of its own is at least this long ("coordination"): a name, not one common word.
MIN_WHOLE_WORD = 5
# A lone acronym on a line ("ALIMA", "MAH/GC", "ONG-X").
ACRONYM = re.compile(r"[A-Z][A-Z0-9&/.-]{1,9}")
# What parts the organisations of a list written in a cell: a semicolon or a comma, a space after it.
LIST_SEPARATOR = re.compile(r"\s*[;,]\s+")
# A line that runs on into the next: it ends on a joining word or sign.
RUNS_ON = re.compile(r"(?:[,/&+(-]|\b(?:and|of|for|the|de|du|des|la|le|et|y|e|do|da|para|pour|del)\b)$", re.IGNORECASE)


def join_lines(texts: Iterable[str]) -> str:
    """Lines of one cell or paragraph as one string; end-of-line hyphenation mended, a compound name broken at its
    hyphen ("Sud-" / "Kivu") joined back whole."""
    out = ""
    for text in texts:
        text = text.strip()
        if not text:
            continue
        if not out:
            out = text
        elif HYPHENATED.search(out) and text[:1].islower():
            out = out + text if keeps_hyphen(out, text) else out[:-1] + text
        elif CODED.search(out) and (text[:1].isupper() or text[:1].isdigit()):  # "Sud-" / "Kivu", "COVID-" / "19"
            out = out + text
        else:
            out = f"{out} {text}"
    return out


def keeps_hyphen(text: str, following: str) -> bool:
    """True when the hyphen ending `text` stays before the line `following` it: a compound's (mid-term, a
    word of the data before another, "hard-" / "to-reach") or a month range's, not a word's line-end break."""
    return (
        is_compound_prefix(text)
        or opens_with_compound_part(following)
        or is_compound_break(text, following)
        or is_month_range(text, following)
    )


def is_compound_break(text: str, following: str) -> bool:
    """True when the line `following` opens with a compound ("to-reach"), or `text` ends in a whole word of the
    data (MIN_WHOLE_HEAD letters at least) that the next word does not carry on into another word of the data:
    a compound broken at its own hyphen ("site-" / "level"), where "assess-" / "ment" is one word."""
    opening = following.split(" ", 1)[0]
    first = FIRST_WORD.match(following)
    if first is None:
        return False
    if "-" in opening.strip("-"):
        return True
    head = plain(text.rsplit(" ", 1)[-1].rstrip("-"))
    words = known_words()
    return len(head) >= MIN_WHOLE_HEAD and head in words and head + plain(first[0]) not in words


def is_compound_prefix(text: str) -> bool:
    """True when the hyphen ending `text` belongs to a compound (mid-term, "(co-lead"), not a word break: the word
    before it is a prefix of the vocabularies' or already holds a hyphen."""
    last = text.rsplit(" ", 1)[-1].rstrip("-").lstrip("([{\"'«“‘")
    return plain(last) in compound_words("compound_prefixes") or "-" in last


def opens_with_compound_part(following: str) -> bool:
    """True when the line after a hyphen opens with a second part of the vocabularies' compounds ("community-" /
    "based approach", "palavra-" / "chave")."""
    first = FIRST_WORD.match(following)
    return first is not None and plain(first[0]) in compound_words("compound_parts")


@cache
def compound_words(key: str) -> frozenset[str]:
    """The words of every vocabulary's [wrapping] list `key` (unaccented, lowercase)."""
    return frozenset(
        plain(word) for vocabulary in vocabularies() for word in vocabulary.get(COMPOUNDS, {}).get(key, [])
    )


@cache
def month_names() -> frozenset[str]:
    """Month names and abbreviations of every language of data/vocab/ (unaccented, lowercase)."""
    return frozenset(
        word
        for vocabulary in vocabularies()
        for key in MONTH_KEYS
        for word in vocabulary.get("periods", {}).get(key, [])
    )


@cache
def vocabularies() -> tuple[dict[str, Any], ...]:
    """The vocabulary files of data/vocab/, each read once (shared: not to be modified)."""
    return tuple(read_toml(f"vocab/{path.name}") for path in sorted(data_path("vocab").glob("*.toml")))


@cache
def known_words() -> frozenset[str]:
    """The words the project's data writes (unaccented, lowercase): every word of the vocabularies of
    data/vocab/, of the actor registry's names and aliases and of the sector names. A word list in four
    languages for telling a word cut at a cell's edge from two whole words."""
    return vocabulary_words() | frozenset(
        map(plain, {word for text in registry_texts() for word in LETTERS.findall(text)})
    )


@cache
def vocabulary_words() -> frozenset[str]:
    """The words of the vocabularies of data/vocab/ (unaccented, lowercase): the common words of workplans."""
    return frozenset(map(plain, {word for text in vocabulary_texts() for word in LETTERS.findall(text)}))


def vocabulary_texts() -> list[str]:
    """Every string of the vocabulary files."""
    out: list[str] = []
    pending: list[object] = list(vocabularies())
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return out


@cache
def known_names() -> frozenset[str]:
    """The names, acronyms and aliases of the actor registry (data/actors.csv), lowercase and unaccented."""
    rows = read_csv_rows("actors.csv")
    names = [row.get("name") or "" for row in rows] + [row.get("acronym") or "" for row in rows]
    names += [alias for row in rows for alias in (row.get("aliases") or "").split("|")]
    return frozenset(" ".join(plain(name).split()) for name in set(names) if name.strip())


def registry_texts() -> list[str]:
    """The names and aliases of the actor registry and of the sectors."""
    rows = [*read_csv_rows("actors.csv"), *read_csv_rows("sectors.csv")]
    return [row.get(column) or "" for row in rows for column in ("name", "aliases")]


def plain(word: str) -> str:
    """A word unaccented and lowercase, as the vocabulary writes month names."""
    lowered = word.lower()
    if lowered.isascii():  # nothing to decompose (most words of a workplan)
        return lowered
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def is_month_range(text: str, following: str) -> bool:
    """True when the hyphen ending `text` joins a range of months, not a word broken at the line's end: it follows
    a month name ("avril-", "Jan-") and the next line opens with a month name or its start ("septem" / "bre")."""
    last = plain(text.rsplit(" ", 1)[-1].rstrip("-").rstrip("."))
    first = FIRST_WORD.match(following)
    if last not in month_names() or first is None or len(first[0]) < MONTH_PREFIX:
        return False
    start = plain(first[0])
    return any(name.startswith(start) for name in month_names() if len(name) >= len(start))


def separate_names(line: str, following: str) -> bool:
    """True when a cell's next line is an organisation of its own, not the rest of a wrapped name: it is a
    name of the actor registry whole ("Intersos" under "… pour le Développement"; a name of several words or a
    word no vocabulary holds, not an acronym, which may qualify the line: "M&E Specialist" / "ISWG"), or it and
    the line are two lone acronyms ("ALIMA" / "AMPNC"), or it opens a list whose first item is such a name or an
    acronym ("RRRC; WHO" under "Health Sector Coordinator": a qualifier is no list), and the line does not run
    on into it (a name joined with it, a line ending on "de", "and", "&")."""
    line, following = " ".join(line.split()), " ".join(following.split())
    if not line or not following or RUNS_ON.search(line) or plain(f"{line} {following}") in known_names():
        return False
    if ACRONYM.fullmatch(line) and ACRONYM.fullmatch(following):
        return True
    head, *listed = LIST_SEPARATOR.split(following, maxsplit=1)
    if listed and (ACRONYM.fullmatch(head) or separate_names(line, head)):
        return True  # the next line opens a list of organisations ("RRRC; WHO" under "… Coordinator")
    name = " ".join(plain(following).split())
    if name not in known_names():
        return False
    # one common word is no name on its own line ("Public" / "Health", "Primary Health" / "Care"); an acronym
    # after words may qualify them ("M&E Specialist" / "ISWG")
    return not ACRONYM.fullmatch(following) and (
        " " in name or (len(name) >= MIN_WHOLE_WORD and name not in vocabulary_words())
    )
