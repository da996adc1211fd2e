"""A workplan written as a small two-column table per activity, a record: each row a label and its value
("Activity | …", "Lead agency | …", "Timeline | Q2–Q3 2031", "Status | …"), under objective and output headings
or with the context in rows of its own above the activity's ("Objetivo específico | …", "Producto | …").

A table is a record when it has two columns and the label of each of its rows is a column header of the
vocabulary's [roles] table (a closing colon allowed): one row names the activity, and its other rows describe it
as an activity's labelled lines do (two roles at least, its lead or partners: normalizers/activity_fields.py). A
workplan's grid ("Activity | Lead" over rows of activities) is none: its rows' first cells are activities, not
labels. One table may hold several records stacked (Word joins tables that only empty paragraphs part, a sheet
holds them down its rows): a new record opens at a label its record already holds, or at a context row once the
record has its activity. Records with no paragraph or heading between them become one table, as a run of
activities written in prose does: a column per label (the context's first, then the activity's, then the others,
in the order written), a row per record, placed where the first record stands, so the headings above it set its
context as they do over any table. The records themselves give way to that table; it is marked in its notes.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace

from extractors.model import Document, Table, TextBlock
from normalizers.action_paragraphs import paragraph_table
from normalizers.activity_fields import LINE_ROLES, describe_an_activity
from normalizers.headers import CONTEXT_ROLES, role_of_header
from normalizers.vocab import fold

NOTE = "read from a table per activity, a label and its value on each row"
RECORD_COLUMNS = 2
# A label is a few words, as a header is.
MAX_LABEL_WORDS = 4
LABEL_END = " \t:："

# One row of a record: its label as written, the role it names, its value.
Field = tuple[str, str, str]
Record = tuple[Field, ...]


def with_record_tables(document: Document) -> Document:
    """The document with each run of records read into one table in their place (itself when it has none)."""
    runs = list(record_runs(document.tables, document.text_blocks))
    if not runs:
        return document
    read = {id(table) for run in runs for table, _ in run}
    tables = [table for table in document.tables if id(table) not in read] + [records_table(run) for run in runs]
    return replace(document, tables=tuple(sorted(tables, key=lambda table: table.order)))


def table_records(table: Table) -> list[Record] | None:
    """The records a two-column table holds, each as its rows (label, role, value): one, or several stacked
    (Word joins tables that only empty paragraphs part), else None for a table that is no record."""
    records = [tuple(record) for record in split_records(labelled_rows(table) or ())]
    return records if records and all(map(describes_an_activity, records)) else None


def labelled_rows(table: Table) -> list[Field] | None:
    """A two-column table's rows as (label, role, value), or None when a row's first cell names no role."""
    if table.n_cols != RECORD_COLUMNS:
        return None
    grid: dict[tuple[int, int], str] = {(cell.row, cell.col): cell.text for cell in table.cells if not cell.continued}
    fields: list[Field] = []
    for row in range(table.n_rows):
        label, value = grid.get((row, 0), "").strip(LABEL_END + "\n"), grid.get((row, 1), "").strip()
        if not label and not value:
            continue
        role = role_of_header(label) if 0 < len(label.split()) <= MAX_LABEL_WORDS else None
        if role is None:
            return None
        fields.append((label, role, value))
    return fields


def split_records(fields: Sequence[Field]) -> Iterator[list[Field]]:
    """Stacked records told apart: a new one opens at a label its record already holds, or at a context row
    (an objective, an output) once the record has its activity."""
    record: list[Field] = []
    for field in fields:
        label, role, _ = field
        has_activity = any(held == "activity" for _, held, _ in record)
        repeated = fold(label) in {fold(held) for held, _, _ in record}
        if record and (repeated or (has_activity and role in CONTEXT_ROLES)):
            yield record
            record = []
        record.append(field)
    if record:
        yield record


def describes_an_activity(record: Record) -> bool:
    """True for a record of one activity row and, beside it, labelled fields enough to call it one
    (normalizers/activity_fields.py)."""
    roles = [role for _, role, _ in record]
    return roles.count("activity") == 1 and describe_an_activity([role for role in roles if role in LINE_ROLES])


def record_runs(tables: Sequence[Table], blocks: Sequence[TextBlock]) -> Iterator[list[tuple[Table, Record]]]:
    """The records of the document, run by run: those with no text block or other table between them."""
    run: list[tuple[Table, Record]] = []
    block_orders = sorted(block.order for block in blocks if block.text.strip())
    for table in sorted(tables, key=lambda table: table.order):
        records = table_records(table)
        if run and (records is None or any(run[-1][0].order < order < table.order for order in block_orders)):
            yield run
            run = []
        run.extend((table, record) for record in records or ())
    if run:
        yield run


def records_table(run: Sequence[tuple[Table, Record]]) -> Table:
    """The table of one run of records: a column per label (context first, then the activity, then the rest as
    written), a row per record."""
    labels: dict[str, str] = {}
    for _, fields in run:
        for label, _, _ in sorted(fields, key=lambda field: column_rank(field[1])):
            labels.setdefault(fold(label), label)
    rows = [tuple(labels.values())]
    for _, fields in run:
        values = {fold(label): value for label, _, value in fields}
        rows.append(tuple(values.get(key, "") for key in labels))
    first = run[0][0]
    return replace(
        paragraph_table(rows, TextBlock(text="", page=first.page, order=first.order), first.locator or "", NOTE),
        bbox=first.bbox,
    )


def column_rank(role: str) -> int:
    """Where a label's column stands: context first, then the activity, then the other fields."""
    return 0 if role in CONTEXT_ROLES else 1 if role == "activity" else 2
