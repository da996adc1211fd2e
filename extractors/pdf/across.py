"""A wide table printed over pages across (a sheet's columns that did not fit the page printed on the next page,
the same rows at the same heights): the part on the next page joined beside the columns it carries on.

Two parts are one table printed across when the second opens its page (nothing but running headers above it)
and each of its rows stands at the height of a row of the first, from the header down; a part that repeats the
first part's leading column (print titles), its header or its columns (a table continued down the page after)
or starts lower is not.
"""

from __future__ import annotations

from dataclasses import replace

from extractors.model import Table
from extractors.pdf.breaks import same_columns
from extractors.pdf.objects import Fill
from extractors.pdf.page import PageResult

# Rows printed from one sheet line up on every page within this (points).
ROW_TOLERANCE = 1.5
# At least this many rows must line up: a header and two rows.
MIN_ROWS = 3


def join_pages_across(results: list[PageResult]) -> list[PageResult]:
    """The pages with each table part printed across on the next page joined beside the part it carries on
    (a chain of parts over several pages too); the part leaves its page."""
    out = list(results)
    host: int | None = None
    moved: set[int] = set()
    for index in range(1, len(out)):
        previous, after = out[index - 1], out[index]
        if previous.number + 1 != after.number:
            host = None
        elif previous.tables:
            host = index - 1
        elif index - 1 not in moved:
            host = None
        if host is None or not after.tables:
            continue
        rows = row_map(out[host].tables[-1], after.tables[0])
        if rows is None or not opens_page(after):
            continue
        before = out[host]
        joined = side_by_side(before.tables[-1], after.tables[0], rows)
        out[host] = replace(before, tables=[*before.tables[:-1], joined], fills=merged_fills(before, after))
        out[index] = replace(after, tables=after.tables[1:], fills=after.fills[1:])
        moved.add(index)
    return out


def row_tops(table: Table) -> dict[int, float]:
    """The top of each row that holds a cell with a box."""
    tops: dict[int, float] = {}
    for cell in table.cells:
        if cell.bbox is not None:
            tops[cell.row] = min(tops.get(cell.row, cell.bbox[1]), cell.bbox[1])
    return tops


def row_map(left: Table, right: Table) -> dict[int, int] | None:
    """The row of `left` each row of `right` stands beside, when every row of `right` lines up with one of
    `left`'s (the first rows together: the header), at least MIN_ROWS, and `right` repeats neither `left`'s
    first column nor a text of its header nor its columns (a table continued down the next page, whose rows may fall at
    the same heights); else None."""
    ours, theirs = row_tops(left), row_tops(right)
    if len(theirs) < MIN_ROWS or len(theirs) != right.n_rows or not ours:
        return None
    mapping: dict[int, int] = {}
    for row, top in theirs.items():
        beside = [r for r, own in ours.items() if abs(own - top) <= ROW_TOLERANCE]
        if len(beside) != 1:
            return None
        mapping[row] = beside[0]
    if mapping[min(mapping)] != min(ours) or len(set(mapping.values())) != len(mapping):
        return None
    if repeats_keys(left, right) or shares_header(left, right) or same_columns(left, right):
        return None
    return mapping


def shares_header(left: Table, right: Table) -> bool:
    """True when `right`'s first row repeats a text of `left`'s: its header printed again over the rest of its
    rows (the columns of a part printed across are others, their headers too)."""
    ours = {" ".join(text.split()) for text in left.grid()[0] if text.strip()}
    return any(" ".join(text.split()) in ours for text in right.grid()[0] if text.strip())


def repeats_keys(left: Table, right: Table) -> bool:
    """True when most of the texts of `right`'s first column are in `left`'s: the row keys printed again on each
    page (print titles), a table of its own in the reader's eyes, not the rest of `left`'s rows."""
    ours = {cell.text for cell in left.cells if cell.col == 0 and cell.text}
    theirs = [cell.text for cell in right.cells if cell.col == 0 and cell.text]
    return 2 * sum(1 for text in theirs if text in ours) >= len(theirs) > 0


def opens_page(result: PageResult) -> bool:
    """True when a page's first table has no text above it but running headers and footers."""
    table = result.tables[0]
    top = table.bbox[1] if table.bbox else 0.0
    return not any(block.top < top and not block.furniture for block in result.blocks)


def side_by_side(left: Table, right: Table, rows: dict[int, int]) -> Table:
    """One table: `left`'s columns, then `right`'s on the rows they stand beside."""
    moved = tuple(replace(cell, row=rows[cell.row], col=cell.col + left.n_cols) for cell in right.cells)
    return replace(
        left,
        cells=left.cells + moved,
        n_cols=left.n_cols + right.n_cols,
        confidence=min(left.confidence, right.confidence),
    )


def merged_fills(before: PageResult, after: PageResult) -> list[list[Fill]]:
    """The shading fills of the host page's tables, its last table's with the joined part's."""
    return [*before.fills[:-1], before.fills[-1] + after.fills[0]]
