"""A table turned: an activity per column and a field per row (the objective merged across its activities'
columns, then the activity, the lead, a row per month or quarter holding marks, a status), read as the table it
turns, a row per activity.

A table is turned when it reads as no workplan as it stands and, from its first row of several texts down (the
rows above, title lines of one text, stay above), its first column labels the rows: most of its labels name a
role or a period (normalizers/headers.py, any language of the vocabulary), at least MIN_PERIOD_LABELS of them
periods and one a role that is none, while a row beside a label holds long texts in several columns (the
activities). A month Gantt as usually drawn (months as columns) has activities down its first column and is never
turned. The turned part is transposed, merged cells with it (merged across becomes merged down), the title lines
kept above it; the table is marked in its notes as read turned.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from extractors.model import Cell, Document, Table
from normalizers.headers import distinct_texts, is_header_row, role_of_header
from normalizers.layout import NO_HEADER, table_layout
from normalizers.rows import spanned_grid
from normalizers.text import clean_text
from normalizers.timeline import header_to_period

NOTE = "read turned: an activity per column, a field per row"
# A turned table labels at least this many rows by periods (its timeline: months or quarters).
MIN_PERIOD_LABELS = 3
# An activity's text is at least this many words; a field's value (a lead, a mark) is shorter.
MIN_ACTIVITY_WORDS = 4
# At least this many columns beside the labels hold an activity each.
MIN_ACTIVITY_COLUMNS = 2


def with_turned_tables(document: Document) -> Document:
    """The document with each turned table read as the table it turns (itself when none is)."""
    tables = tuple(turned_back(table) or table for table in document.tables)
    if all(new is old for new, old in zip(tables, document.tables, strict=True)):
        return document
    return replace(document, tables=tables)


def turned_back(table: Table) -> Table | None:
    """The table turned back (a row per activity), or None when the table is not turned."""
    grid = spanned_grid(table)
    start = first_row_of_fields(grid)
    if start is None or not labels_fields(grid[start:]) or table_layout(grid).kind != NO_HEADER:
        return None
    return transposed(table, grid[:start], start)


def first_row_of_fields(grid: Sequence[Sequence[str]]) -> int | None:
    """The first row holding several texts (the rows above it are title lines), or None."""
    return next((index for index, row in enumerate(grid) if len(distinct_texts(row)) > 1), None)


def labels_fields(rows: Sequence[Sequence[str]]) -> bool:
    """True when the rows' first column labels fields (roles and periods, the transposed header of a workplan)
    and a labelled row holds an activity per column."""
    labels = [clean_text(row[0]) for row in rows if row and row[0].strip()]
    if not is_header_row(labels):  # first: it turns long texts (an activity's) away before any word is looked up
        return False
    periods = sum(1 for label in labels if header_to_period(label))
    roles = sum(1 for label in labels if not header_to_period(label) and role_of_header(label))
    if periods < MIN_PERIOD_LABELS or not roles:
        return False
    return any(row[0].strip() and holds_activities(row[1:]) for row in rows)


def holds_activities(cells: Sequence[str]) -> bool:
    """True when at least MIN_ACTIVITY_COLUMNS distinct cells are long texts."""
    return sum(1 for text in distinct_texts(cells) if len(text.split()) >= MIN_ACTIVITY_WORDS) >= MIN_ACTIVITY_COLUMNS


def transposed(table: Table, titles: Sequence[Sequence[str]], start: int) -> Table:
    """The table's rows from `start` transposed under its title lines (each its first text, in the first column)."""
    kept = tuple(
        Cell(text=text, row=r, col=0)
        for r, row in enumerate(titles)
        if (text := next((t for t in row if t.strip()), ""))
    )
    above = len(titles)
    turned = tuple(
        replace(
            cell,
            row=above + cell.col,
            col=cell.row - start,
            row_span=cell.col_span,
            col_span=min(cell.row_span, table.n_rows - start),
        )
        for cell in table.cells
        if cell.row >= start
    )
    n_rows, n_cols = above + table.n_cols, max(table.n_rows - start, 1)
    return replace(table, cells=kept + turned, n_rows=n_rows, n_cols=n_cols, notes=(*table.notes, NOTE))
