"""Page breaks inside one table's body: a header repeated on the next page is dropped, and a row the
break cut is joined to its head (a merged cell's tail copied further down gets the whole text).

Kept apart so that it goes whole when the extractors hand over tables already joined across pages
(`extractors/continuation.py`, issue 14 item 4).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from normalizers.layout import TableLayout
from normalizers.rows import Row

# A repeated header names at least this many columns by their header text.
MIN_REPEATED_CELLS = 2


def repeats_header(row: Row, layout: TableLayout) -> bool:
    """True when every text of the row is its column's header text (a header repeated after a break)."""
    pairs = [(row.cells[column.index], column.header) for column in layout.columns if row.cells[column.index]]
    return len(pairs) >= MIN_REPEATED_CELLS and all(text in header for text, header in pairs)


def is_page_tail(row: Row, previous: Row, layout: TableLayout) -> bool:
    """True when `row`, first on a new page, is the rest of the row the page break cut."""
    if row.page is None or previous.page is None or row.page == previous.page:
        return False
    periods = [column.index for column in layout.columns if column.role == "period"]
    if periods:
        marked = [any(r.cells[c] for c in periods) for r in (previous, row)]
        return marked == [True, False] and any(row.cells)
    activity = layout.first_column("activity")
    text = row.cells[activity.index] if activity is not None else ""
    return text[:1].islower()


def joined_cells(row: Row, tail: Row) -> tuple[str, ...]:
    """A row's texts with the texts of its cut-off tail appended, cell by cell."""
    pairs = zip(row.cells, tail.cells, strict=True)
    return tuple(f"{text} {rest}".strip() if rest and rest != text else text for text, rest in pairs)


def carry_joined(rows: Sequence[Row], tail: Row, joined: tuple[str, ...]) -> list[Row]:
    """Rows below a tail whose merged cell repeats the tail's text get the joined text instead."""
    result = []
    for row in rows:
        cells = list(row.cells)
        for c, rest in enumerate(tail.cells):
            if rest and cells[c] == rest:
                cells[c] = joined[c]
        result.append(replace(row, cells=tuple(cells)))
    return result


def join_page_breaks(rows: Sequence[Row], layout: TableLayout) -> list[Row]:
    """The body rows with repeated headers dropped and rows cut by a page break joined."""
    kept: list[Row] = []
    pending = list(rows)
    while pending:
        row, pending = pending[0], pending[1:]
        if repeats_header(row, layout):
            continue
        if kept and is_page_tail(row, kept[-1], layout):
            joined = joined_cells(kept[-1], row)
            kept[-1] = replace(kept[-1], cells=joined)
            pending = carry_joined_run(pending, row, joined)
            continue
        kept.append(row)
    return kept


def carry_joined_run(rows: list[Row], tail: Row, joined: tuple[str, ...]) -> list[Row]:
    """`carry_joined` over the run of rows right below the tail that still repeat its merged texts."""
    run = 0
    while run < len(rows) and any(rest and rows[run].cells[c] == rest for c, rest in enumerate(tail.cells)):
        run += 1
    return carry_joined(rows[:run], tail, joined) + rows[run:]
