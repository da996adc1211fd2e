"""Corrections as data: a TOML mapping that an analyst writes (or `workplans explain --write-mapping` drafts),
read and validated here, matched to each document, and handed to the normalizers as DocumentOverrides.

    [[document]]                  # one entry per document, file pattern or folder
    file = "health-*.docx"        # or sha256 = "9f2c…" (8 hex digits or more), or folder = "2023/drafts"
    year = 2024                   # also country = "SDN", language = "fr", primary = true
    [[document.table]]
    index = 0                     # the table as `workplans tables` numbers it; leave out for every table
    kind = "workplan"             # workplan | action_points | other; header_rows = 2, preamble_rows = 1, skip = true
    [document.table.columns]
    "Responsible" = "partners"    # a column by its header text, or "column 4", and its role

`ingest --mapping FILE` applies a file to every document of the batch; a `workplans.toml` in a folder being
ingested applies to the documents under its folder. Of the entries that match a document, those of a folder
or of every document apply first, then file patterns, then SHA-256 ones (the most specific last, so it wins).
Every error names the file and line.
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

from normalizers.corrections import (
    KINDS,
    ColumnOverride,
    DocumentOverrides,
    Origin,
    TableOverride,
    known_roles,
)
from normalizers.vocab import LANGUAGES
from pipeline.discover import MAPPING_NAME

SELECTORS = ("sha256", "file", "folder")
DOCUMENT_KEYS = (*SELECTORS, "year", "country", "language", "primary", "table")
TABLE_KEYS = ("index", "kind", "header_rows", "preamble_rows", "skip", "columns")
# Plan years a mapping may set: wide of any workplan, narrow enough to catch a typed-in day or amount.
YEARS = range(1990, 2101)
# A SHA-256 or its head (a document_id is its first 16 digits); shorter heads would match several documents.
SHA_HEAD = re.compile(r"^[0-9a-f]{8,64}$")
ISO3 = re.compile(r"^[A-Z]{3}$")
# A table header line of the mapping, and a key at the start of a line (bare or quoted).
HEADER_LINE = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\s]+?)\s*\]\]?\s*(?:#.*)?$")
KEY_LINE = re.compile(r"""^\s*("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)\s*=""")
# How specific a selector is: entries apply from the least specific to the most.
SPECIFICITY = {None: 0, "folder": 0, "file": 1, "sha256": 2}


class MappingError(ValueError):
    """A mapping that cannot be read or names what cannot be: its message starts with FILE:LINE."""


@dataclass(frozen=True)
class Entry:
    """One [[document]] entry: what it matches, within which folder, and what it sets."""

    overrides: DocumentOverrides
    scope: Path | None  # documents under this folder only (a found workplans.toml); None: every document
    base: Path  # the mapping's folder, which `folder` and path patterns are relative to
    selector: str | None = None  # sha256 | file | folder | None (every document in scope)
    value: str = ""

    def matches(self, path: Path, sha256: str | None) -> bool:
        """True when this entry applies to the document at `path` with this SHA-256."""
        resolved = path.resolve()
        if self.scope is not None and not resolved.is_relative_to(self.scope):
            return False
        if self.selector == "sha256":
            return sha256 is not None and sha256.startswith(self.value)
        if self.selector == "folder":
            return resolved.is_relative_to((self.base / self.value).resolve())
        if self.selector == "file" and "/" in self.value:  # a path pattern, relative to the mapping's folder
            inside = resolved.is_relative_to(self.base)
            return inside and fnmatchcase(resolved.relative_to(self.base).as_posix().lower(), self.value.lower())
        if self.selector == "file":
            return fnmatchcase(resolved.name.lower(), self.value.lower())
        return True


@dataclass(frozen=True)
class Corrections:
    """Every mapping of a batch, in the order they apply."""

    entries: tuple[Entry, ...] = ()

    def for_document(self, path: Path, sha256: str | None) -> DocumentOverrides | None:
        """The merged overrides of every entry that matches the document, None when none does."""
        found = [entry for entry in self.entries if entry.matches(path, sha256)]
        if not found:
            return None
        ordered = sorted(found, key=lambda entry: SPECIFICITY[entry.selector])  # stable: file order kept
        merged = DocumentOverrides()
        for entry in ordered:
            merged = merged.then(entry.overrides)
        return merged

    def __add__(self, other: Corrections) -> Corrections:
        return Corrections(self.entries + other.entries)


def overrides_hash(overrides: DocumentOverrides | None) -> str | None:
    """The hash stored with a document: of what its corrections set (not where), None without any."""
    if overrides is None:
        return None
    text = json.dumps(overrides.content(), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def load_corrections(explicit: Path | None, roots: Iterable[Path]) -> Corrections:
    """The mappings of a batch: each workplans.toml under the folders given (scoped to its folder; outer
    folders first), then the file given with --mapping (applying everywhere)."""
    found = sorted(
        {mapping.resolve() for root in roots for mapping in mappings_under(root)},
        key=lambda path: (len(path.parts), path),
    )
    corrections = Corrections()
    for mapping in found:
        corrections += read_mapping(mapping, scope=mapping.parent)
    if explicit is not None:
        corrections += read_mapping(explicit)
    return corrections


def mappings_under(root: Path) -> list[Path]:
    """The workplans.toml files that apply to the documents of a path given: under a folder, beside a file."""
    if root.is_dir():
        return [path for path in root.rglob(MAPPING_NAME) if path.is_file()]
    beside = root.parent / MAPPING_NAME
    return [beside] if beside.is_file() else []


def read_mapping(path: Path, scope: Path | None = None) -> Corrections:
    """One mapping file, validated; a MappingError names the file and line of the first problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise MappingError(f"{path}: cannot read the mapping: {getattr(error, 'strerror', None) or error}") from error
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise MappingError(f"{path}: not valid TOML: {error}") from error
    lines = Lines(str(path), key_lines(text))
    unknown = [key for key in data if key != "document"]
    if unknown:
        raise MappingError(
            f"{lines.at((), unknown[0])}: unknown key {unknown[0]!r}; a mapping holds [[document]] entries"
        )
    documents = data.get("document", [])
    if not isinstance(documents, list):
        raise MappingError(f"{lines.at((), 'document')}: write each document as [[document]]")
    base = path.resolve().parent
    entries = [document_entry(record, (index,), lines, base, scope) for index, record in enumerate(documents)]
    return Corrections(tuple(entries))


@dataclass(frozen=True)
class Lines:
    """Where each key of a mapping was written: (document, table, section) place and key -> line."""

    file: str
    places: Mapping[tuple[tuple[int, ...], str], int]

    def at(self, place: tuple[int, ...], key: str) -> Origin:
        """The origin of a key, else of the nearest enclosing header."""
        for depth in range(len(place), -1, -1):
            line = self.places.get((place[:depth], key if depth == len(place) else ""))
            if line is not None:
                return Origin(self.file, line)
        return Origin(self.file, 1)


def key_lines(text: str) -> dict[tuple[tuple[int, ...], str], int]:
    """The line of each header and key of a mapping: ((document, table[, 0 for its columns]), key) -> line;
    a header is recorded under the key ""."""
    places: dict[tuple[tuple[int, ...], str], int] = {}
    document, table = -1, -1
    place: tuple[int, ...] = ()
    for number, line in enumerate(text.splitlines(), start=1):
        header = HEADER_LINE.match(line)
        if header:
            name = "".join(header[2].split())
            if name == "document":
                document, table, place = document + 1, -1, (document + 1,)
            elif name == "document.table":
                table += 1
                place = (document, table)
            elif name == "document.table.columns":
                place = (document, table, 0)
            places.setdefault((place, ""), number)
            continue
        key = KEY_LINE.match(line)
        if key:
            places.setdefault((place, bare_key(key[1])), number)
    return places


def bare_key(written: str) -> str:
    """A key as TOML reads it (quotes and escapes resolved)."""
    if written[0] in "\"'":
        return str(next(iter(tomllib.loads(f"{written} = 0"))))
    return written


def document_entry(record: object, place: tuple[int, ...], lines: Lines, base: Path, scope: Path | None) -> Entry:
    """One [[document]] entry, validated."""
    origin = lines.at(place, "")
    if not isinstance(record, dict):
        raise MappingError(f"{origin}: write each document as [[document]]")
    check_keys(record, DOCUMENT_KEYS, place, lines, "document")
    selectors = [key for key in SELECTORS if key in record]
    if len(selectors) > 1:
        raise MappingError(f"{lines.at(place, selectors[1])}: give one of sha256, file or folder, not both")
    selector = selectors[0] if selectors else None
    value = text_value(record, selector, place, lines) if selector else ""
    if selector == "sha256":
        value = value.lower()
        if not SHA_HEAD.match(value):
            raise MappingError(f"{lines.at(place, 'sha256')}: sha256 must be 8 to 64 hexadecimal digits")
    tables = record.get("table", [])
    if not isinstance(tables, list):
        raise MappingError(f"{lines.at(place, 'table')}: write each table as [[document.table]]")
    overrides = DocumentOverrides(
        year=year_value(record, place, lines),
        country=country_value(record, place, lines),
        language=choice(record, "language", LANGUAGES, place, lines),
        primary=flag(record, "primary", place, lines),
        tables=tuple(table_override(t, (*place, index), lines) for index, t in enumerate(tables)),
        origins=(origin,),
    )
    return Entry(overrides, scope, base, selector, value)


def table_override(record: object, place: tuple[int, ...], lines: Lines) -> TableOverride:
    """One [[document.table]] entry, validated."""
    origin = lines.at(place, "")
    if not isinstance(record, dict):
        raise MappingError(f"{origin}: write each table as [[document.table]]")
    check_keys(record, TABLE_KEYS, place, lines, "table")
    return TableOverride(
        origin=origin,
        index=count(record, "index", place, lines, least=0),
        kind=choice(record, "kind", KINDS, place, lines),
        header_rows=count(record, "header_rows", place, lines, least=1),
        preamble_rows=count(record, "preamble_rows", place, lines, least=0),
        skip=bool(flag(record, "skip", place, lines)),
        columns=column_overrides(record.get("columns", {}), (*place, 0), lines),
    )


def column_overrides(record: object, place: tuple[int, ...], lines: Lines) -> tuple[ColumnOverride, ...]:
    """The [document.table.columns] of a table: column name -> role, each role checked."""
    if not isinstance(record, dict):
        raise MappingError(f'{lines.at(place[:-1], "columns")}: columns is a table: "Header" = "role"')
    roles = known_roles()
    found = []
    for column, role in record.items():
        origin = lines.at(place, column)
        if not isinstance(role, str) or role not in roles:
            raise MappingError(f"{origin}: unknown role {role!r} for column {column!r}; roles: {', '.join(roles)}")
        found.append(ColumnOverride(column, role, origin))
    return tuple(found)


def check_keys(record: dict[str, Any], known: tuple[str, ...], place: tuple[int, ...], lines: Lines, what: str) -> None:
    """Refuse a key the entry does not know, naming its line."""
    for key in record:
        if key not in known:
            raise MappingError(f"{lines.at(place, key)}: unknown {what} key {key!r}; known: {', '.join(known)}")


def text_value(record: dict[str, Any], key: str, place: tuple[int, ...], lines: Lines) -> str:
    """A non-empty text value."""
    value = record[key]
    if not isinstance(value, str) or not value.strip():
        raise MappingError(f"{lines.at(place, key)}: {key} must be a non-empty text")
    return value.strip()


def choice(
    record: dict[str, Any], key: str, allowed: tuple[str, ...], place: tuple[int, ...], lines: Lines
) -> str | None:
    """One of a few words, or None when absent."""
    if key not in record:
        return None
    value = record[key]
    if value not in allowed:
        raise MappingError(f"{lines.at(place, key)}: unknown {key} {value!r}; one of {', '.join(allowed)}")
    return str(value)


def flag(record: dict[str, Any], key: str, place: tuple[int, ...], lines: Lines) -> bool | None:
    """true or false, or None when absent."""
    value = record.get(key)
    if value is not None and not isinstance(value, bool):
        raise MappingError(f"{lines.at(place, key)}: {key} must be true or false")
    return value


def count(record: dict[str, Any], key: str, place: tuple[int, ...], lines: Lines, least: int) -> int | None:
    """A whole number of at least `least`, or None when absent."""
    value = record.get(key)
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < least):
        raise MappingError(f"{lines.at(place, key)}: {key} must be a whole number of at least {least}")
    return value


def year_value(record: dict[str, Any], place: tuple[int, ...], lines: Lines) -> int | None:
    """The plan's year, within YEARS."""
    value = count(record, "year", place, lines, least=0)
    if value is not None and value not in YEARS:
        raise MappingError(f"{lines.at(place, 'year')}: year {value} is not a plan's year ({YEARS[0]}..{YEARS[-1]})")
    return value


def country_value(record: dict[str, Any], place: tuple[int, ...], lines: Lines) -> str | None:
    """An ISO 3166 alpha-3 code the project knows (data/countries.csv)."""
    if "country" not in record:
        return None
    from data import read_csv_rows

    value = text_value(record, "country", place, lines).upper()
    known = {row["iso3"] for row in read_csv_rows("countries.csv")}
    if not ISO3.match(value) or value not in known:
        raise MappingError(f"{lines.at(place, 'country')}: unknown country {value!r}; give its ISO 3166 alpha-3 code")
    return value
