"""The country a document covers (ISO 3166 alpha-3), and how it was found.

Evidence is read in this order, and the first level that names one country more often than any
other decides (a tie, as in a regional plan naming several countries, passes to the next level):
1. `title`: the document's title;
2. `file_name`: the words of its file name ("sudan_protection_workplan_2024.docx");
3. `preamble`: the text blocks before the first table;
4. `text`: every text block and table cell, by country names and adjectives;
5. `places`: the same text by place names (capitals, regions, cities, camps) of data/countries.csv;
   a place listed for two countries counts for neither;
6. `registry`: table cells that are, whole, the name or acronym of a registry actor bound to a country
   (a ministry, a national NGO, a country cluster).
Nothing found: country and source are None, and country-bound registry actors do not resolve.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import PurePath

from data import read_csv_rows
from extractors.model import Document
from normalizers.actor_registry import Registry, acronym_key, is_acronym_like, load_registry, name_key
from normalizers.vocab import section

COUNTRY_SOURCES = ("title", "file_name", "preamble", "text", "places", "registry")
FORM_SEPARATOR = "|"
# Cell pieces looked up whole in the registry: a list's items ("MoPH, WHO", "MoH / UNICEF").
CELL_PIECES = re.compile(r"\s*(?:[,;/\n•]|\s[-–]\s)\s*")
MAX_REGISTRY_PIECE = 80  # longer cell pieces are sentences, not actor names
# The country forms' regex groups them by their first letters this deep (deeper compiles slower for no gain).
PREFIX_DEPTH = 4
CODE_INITIALS = 2  # capitalised words of a country's name whose initials make a code of it ("Solomon Islands": SI)


@dataclass(frozen=True)
class CountryFinding:
    """A document's country and the level of evidence that named it."""

    country: str | None
    source: str | None


@cache
def country_forms() -> tuple[dict[str, str], dict[str, str]]:
    """(name key of every country name or adjective -> iso3, name key of every unambiguous place -> iso3)."""
    names: dict[str, str] = {}
    places: dict[str, set[str]] = {}
    for row in read_csv_rows("countries.csv"):
        for form in split_forms(row["names"]) + split_forms(row["adjectives"]):
            names[name_key(form)] = row["iso3"]
        for place in split_forms(row["places"]):
            places.setdefault(name_key(place), set()).add(row["iso3"])
    return names, {place: next(iter(isos)) for place, isos in places.items() if len(isos) == 1}


@cache
def countries_of_forms() -> dict[str, frozenset[str]]:
    """Name key of every country name or adjective -> every country it names ("congolais": the Republic of the
    Congo and the DR Congo)."""
    found: dict[str, set[str]] = {}
    for row in read_csv_rows("countries.csv"):
        for form in split_forms(row["names"]) + split_forms(row["adjectives"]):
            found.setdefault(name_key(form), set()).add(row["iso3"])
    return {form: frozenset(isos) for form, isos in found.items()}


@cache
def country_codes() -> dict[str, frozenset[str]]:
    """Codes that stand for a country after an organisation's name ("World Vision DRC", "Oxfam SI"), by the
    country (ISO 3166 alpha-3) they stand for: its alpha-3 and alpha-2 codes and the initials of the capitalised
    words of its names of two such words or more ("DRC", "RCA", "PNG", "SI" for the Solomon Islands); upper case."""
    codes: dict[str, set[str]] = {}
    for row in read_csv_rows("countries.csv"):
        found = {row["iso3"], row.get("iso2") or ""}
        for form in split_forms(row["names"]):
            words = [word for word in re.split(r"[\s-]+", form) if word[:1].isupper()]
            if len(words) >= CODE_INITIALS:
                found.add("".join(word[0] for word in words).upper())
        for code in found - {""}:
            codes.setdefault(code, set()).add(row["iso3"])
    return {code: frozenset(isos) for code, isos in codes.items()}


@cache
def operation_forms() -> frozenset[str]:
    """Name keys of the countries where workplans operate (those with places listed) and of their places:
    after an agency's name they say its country office ("UNICEF Sudan"), unlike a donor country's name,
    which makes another organisation ("WFP USA", "Oxfam Novib")."""
    forms: set[str] = set()
    for row in read_csv_rows("countries.csv"):
        if split_forms(row["places"]):
            forms.update(name_key(form) for form in split_forms(row["names"]) + split_forms(row["places"]))
    return frozenset(forms)


def is_operation_place(text: str) -> bool:
    """Whether a text is the name of a country workplans operate in, or one of its places, or a region named by
    points of the compass ("Centre-Nord", "North East", "Sud-Ouest")."""
    key = name_key(text)
    return key in operation_forms() or is_compass_region(key)


def is_compass_region(key: str) -> bool:
    """Whether a name key is two or three points of the compass and nothing else: the name a country gives a
    region ("centre nord", "north east", "extreme nord"), never an organisation's."""
    words = key.split()
    return 2 <= len(words) <= 3 and all(word in compass_words() for word in words)


@cache
def compass_words() -> frozenset[str]:
    """The points of the compass in the four languages (data/vocab, `compass_points`), as name keys."""
    return frozenset(name_key(word) for word in section("organisation_words").get("compass_points", []))


def split_forms(text: str | None) -> list[str]:
    """The |-separated forms of a countries.csv column."""
    return [form for form in (text or "").split(FORM_SEPARATOR) if form.strip()]


@cache
def form_pattern(kind: int) -> re.Pattern[str]:
    """One regex over every country form (kind 0) or place (kind 1), longest first ("South Sudan" before
    "Sudan"), matched on name keys as whole words."""
    forms = sorted(country_forms()[kind], key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + prefix_alternation(forms, PREFIX_DEPTH) + r")(?![\w])")


def prefix_alternation(forms: list[str], depth: int) -> str:
    """The forms as one alternation, grouped by their first letter `depth` letters deep ("s(?:o(?:uth sudan|
    malia)|u(?:dan))"): at each place of a text the engine tries the group of its letter instead of every form
    (five times faster on the suite's texts), and a group keeps the forms' order, so the same form wins."""
    if depth == 0 or len(forms) <= 1:
        return "|".join(map(re.escape, forms))
    groups: dict[str, list[str]] = {}
    for form in forms:
        groups.setdefault(form[:1], []).append(form[1:])
    return "|".join(
        re.escape(letter) + "(?:" + prefix_alternation(rests, depth - 1) + ")" for letter, rests in groups.items()
    )


def countries_named(texts: Iterable[str], kind: int = 0) -> Counter[str]:
    """How often each country is named in the texts, by name and adjective (kind 0) or place (kind 1)."""
    lookup = country_forms()[kind]
    return Counter(lookup[match.group()] for text in texts for match in form_pattern(kind).finditer(name_key(text)))


def leading_country(counts: Counter[str]) -> str | None:
    """The country named more often than any other, None when none is or two tie."""
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def registry_countries(cells: Iterable[str], registry: Registry) -> Counter[str]:
    """Countries of the country-bound registry actors that table cells name whole."""
    counts: Counter[str] = Counter()
    for cell in cells:
        for piece in CELL_PIECES.split(cell):
            if not piece or len(piece) > MAX_REGISTRY_PIECE:
                continue
            index, key = (
                (registry.acronyms, acronym_key(piece)) if is_acronym_like(piece) else (registry.names, name_key(piece))
            )
            found = {registry.actors[actor_id].country for actor_id in index.get(key, set())}
            if len(found) == 1 and None not in found:
                counts[str(found.pop())] += 1
    return counts


def document_texts(document: Document) -> tuple[list[str], list[str]]:
    """(every text block, every table cell) of a document."""
    cells = [cell.text for table in document.tables for cell in table.cells if cell.text.strip()]
    return [block.text for block in document.text_blocks], cells


def find_country(document: Document, lead_texts: Sequence[str], registry: Registry | None = None) -> CountryFinding:
    """The document's country from its evidence levels, in the module's documented order."""
    blocks, cells = document_texts(document)
    file_words = PurePath(document.path).stem.replace("_", " ").replace("-", " ")
    levels: list[tuple[str, Callable[[], Counter[str]]]] = [
        ("title", lambda: countries_named([document.title or ""])),
        ("file_name", lambda: countries_named([file_words])),
        ("preamble", lambda: countries_named(lead_texts)),
        ("text", lambda: countries_named([*blocks, *cells])),
        ("places", lambda: countries_named([*blocks, *cells], kind=1)),
        ("registry", lambda: registry_countries(cells, registry or load_registry())),
    ]
    for source, evidence in levels:
        country = leading_country(evidence())
        if country:
            return CountryFinding(country, source)
    return CountryFinding(None, None)


def country_fields(document: Document, lead_texts: Sequence[str]) -> dict[str, str | None]:
    """DocumentMeta's country and country_source for a document."""
    finding = find_country(document, lead_texts)
    return {"country": finding.country, "country_source": finding.source}
