"""The typed model of an analyst's corrections: what a mapping (pipeline/mapping.py reads it from TOML) sets for
one document, and where it was written. Plain data, so the main process can read and hash mappings without
importing the normalizers that apply them (normalizers/overrides.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from normalizers.vocab import section

KINDS = ("workplan", "action_points", "other")
# Roles a mapping may give a column: the header roles of the vocabulary, a period column, or nothing.
EXTRA_ROLES = ("period", "other")


def known_roles() -> tuple[str, ...]:
    """Every role a column may take."""
    return (*section("roles"), *EXTRA_ROLES)


@dataclass(frozen=True)
class Origin:
    """Where a correction was written: the mapping file and the line."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class ColumnOverride:
    """A column's role, the column named by its header text or as "column N"."""

    column: str
    role: str
    origin: Origin


@dataclass(frozen=True)
class TableOverride:
    """What a mapping sets for one table (`index`, counted from 0 as `workplans tables` prints it), or for every
    table of the document (`index` None)."""

    origin: Origin
    index: int | None = None
    kind: str | None = None
    header_rows: int | None = None
    preamble_rows: int | None = None
    skip: bool = False
    columns: tuple[ColumnOverride, ...] = ()

    def content(self) -> dict[str, Any]:
        """What the override sets, without where it was written (a moved line changes no reading)."""
        return {
            "index": self.index,
            "kind": self.kind,
            "header_rows": self.header_rows,
            "preamble_rows": self.preamble_rows,
            "skip": self.skip,
            "columns": [[column.column, column.role] for column in self.columns],
        }


@dataclass(frozen=True)
class DocumentOverrides:
    """Every correction that applies to one document, merged from the mapping's entries that match it."""

    year: int | None = None
    country: str | None = None
    language: str | None = None
    primary: bool | None = None
    tables: tuple[TableOverride, ...] = ()
    origins: tuple[Origin, ...] = ()  # the entries that matched, in the order they apply

    def content(self) -> dict[str, Any]:
        """What the overrides set, without where they were written: what the mapping's hash is taken over."""
        return {
            "year": self.year,
            "country": self.country,
            "language": self.language,
            "primary": self.primary,
            "tables": [table.content() for table in self.tables],
        }

    def then(self, later: DocumentOverrides) -> DocumentOverrides:
        """These overrides with a later (more specific) entry's applied over them."""
        return DocumentOverrides(
            year=later.year if later.year is not None else self.year,
            country=later.country or self.country,
            language=later.language or self.language,
            primary=later.primary if later.primary is not None else self.primary,
            tables=self.tables + later.tables,
            origins=self.origins + later.origins,
        )
