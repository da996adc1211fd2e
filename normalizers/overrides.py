"""An analyst's corrections of a document's reading, applied as data: the one narrow entry point through which
a mapping (pipeline/mapping.py reads it from TOML) steers the layout and the document's facts.

`override_layouts` re-reads a table with the header rows the mapping gives, sets the roles it names, sets or
skips its kind; `override_meta` sets the year, country or language. Every reading a mapping sets says so
(a column's reason, a layout's `mapped` notes), and every name it gives that the document lacks (a table, a
column) is an OverrideError naming the mapping's line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from normalizers.corrections import ColumnOverride, DocumentOverrides, Origin, TableOverride
from normalizers.document import DocumentMeta
from normalizers.headers import Column
from normalizers.layout import NO_HEADER, TableLayout, layout_from_bounds, layout_kind
from normalizers.text import clean_text
from normalizers.timeline import header_to_period
from normalizers.vocab import fold

# A column named by its place rather than its header text: "column 3" (counted from 1, as `extra` names a
# column without a header).
COLUMN_PREFIX = "column "


class OverrideError(ValueError):
    """A correction that names what the document does not have, or asks for a reading that cannot be."""

    def __init__(self, origin: Origin, message: str) -> None:
        super().__init__(f"{origin}: {message}")
        self.origin = origin


def override_meta(meta: DocumentMeta, overrides: DocumentOverrides | None) -> DocumentMeta:
    """The document's facts with the year, country and language the mapping sets."""
    if overrides is None:
        return meta
    if overrides.year is not None:
        meta = replace(meta, years=(overrides.year, *(year for year in meta.years if year != overrides.year)))
    if overrides.country:
        meta = replace(meta, country=overrides.country, country_source="mapping")
    if overrides.language:
        meta = replace(meta, language=overrides.language)
    return meta


def override_layouts(
    layouts: Sequence[TableLayout], grids: Sequence[Sequence[Sequence[str]]], overrides: DocumentOverrides | None
) -> list[TableLayout]:
    """Each table's layout with the mapping's corrections applied, in the order they were written."""
    result = list(layouts)
    for table in overrides.tables if overrides else ():
        if table.index is not None and not 0 <= table.index < len(result):
            raise OverrideError(table.origin, f"table {table.index}: no such table (the document has {tables(result)})")
        indexes = range(len(result)) if table.index is None else [table.index]
        for index in indexes:
            result[index] = override_layout(result[index], grids[index], table)
        if table.index is None:
            every_column_found(table, result)
    return result


def tables(layouts: Sequence[TableLayout]) -> str:
    """How many tables a document has, in words."""
    return f"{len(layouts)}: 0..{len(layouts) - 1}" if layouts else "none"


def override_layout(layout: TableLayout, grid: Sequence[Sequence[str]], table: TableOverride) -> TableLayout:
    """One table's layout under one override: its bounds, then its column roles, then its kind."""
    notes = list(layout.mapped)
    if table.header_rows is not None or table.preamble_rows is not None:
        n_preamble = table.preamble_rows if table.preamble_rows is not None else layout.n_preamble
        n_header = table.header_rows if table.header_rows is not None else max(layout.n_header, 1)
        if n_preamble + n_header > len(grid):
            raise OverrideError(table.origin, f"table has {len(grid)} rows, fewer than its preamble and header")
        layout = replace(layout_from_bounds(grid, n_preamble, n_header), continued=False)
        notes.append(f"preamble_rows={n_preamble}, header_rows={n_header} ({table.origin})")
    columns = list(layout.columns)
    for override in table.columns:
        found = find_column(columns, override.column)
        if found is None:
            if table.index is None:
                continue  # a correction for every table applies to the tables that have the column
            if not columns:
                raise OverrideError(override.origin, f"table {table.index}: no header row found; set header_rows")
            headers = ", ".join(repr(column.header) for column in columns) or "none"
            raise OverrideError(override.origin, f"no column {override.column!r} in table {table.index} ({headers})")
        columns = with_role(columns, found, override)
    kind = layout_kind(tuple(columns)) if table.columns or table.header_rows is not None else layout.kind
    if table.columns:
        roles = ", ".join(f"{column.column}={column.role}" for column in table.columns)
        notes.append(f"columns {roles} ({table.origin})")
    if table.kind:
        kind = checked_kind(table, tuple(columns))
        notes.append(f"kind={table.kind} ({table.origin})")
    if table.skip:
        kind = NO_HEADER
        notes.append(f"skipped ({table.origin})")
    return replace(layout, columns=tuple(columns), kind=kind, mapped=tuple(notes))


def every_column_found(table: TableOverride, layouts: Sequence[TableLayout]) -> None:
    """A correction for every table must name a column at least one table has."""
    for override in table.columns:
        if layouts and not any(find_column(list(layout.columns), override.column) for layout in layouts):
            raise OverrideError(override.origin, f"no table has a column {override.column!r}")


def find_column(columns: Sequence[Column], name: str) -> Column | None:
    """The column a mapping names: by its header text (case and accents aside), or as "column N"."""
    wanted = fold(name)
    for column in columns:
        if wanted and fold(column.header) == wanted:
            return column
    if name.lower().startswith(COLUMN_PREFIX) and name[len(COLUMN_PREFIX) :].strip().isdigit():
        number = int(name[len(COLUMN_PREFIX) :])
        return next((column for column in columns if column.index == number - 1), None)
    return None


def with_role(columns: list[Column], found: Column, override: ColumnOverride) -> list[Column]:
    """The columns with one role set by the mapping; a table keeps one activity column."""
    reason = f"mapping ({override.origin})"
    period = header_to_period(clean_text(found.header)) if override.role == "period" else None
    if override.role == "period" and period is None:
        raise OverrideError(override.origin, f"column {override.column!r}: its header names no period")
    changed = replace(found, role=override.role, period=period, reason=reason)
    result = []
    for column in columns:
        if column is found:
            result.append(changed)
        elif override.role == "activity" and column.role == "activity":
            result.append(replace(column, role="other", reason=f"{reason} set another activity column"))
        else:
            result.append(column)
    return result


def checked_kind(table: TableOverride, columns: tuple[Column, ...]) -> str:
    """The kind a mapping sets; a workplan or action list needs an activity column to read rows from."""
    assert table.kind is not None
    if table.kind != NO_HEADER and not any(column.role == "activity" for column in columns):
        raise OverrideError(table.origin, f"kind {table.kind!r} needs an activity column: set one in columns")
    return table.kind
