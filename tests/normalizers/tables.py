"""Tables written out as rows of text, as the table-reshaping tests (status boards, turned tables) build them."""

from __future__ import annotations

from extractors.model import Cell, Table


def table_of(rows: list[list[str]], merges: dict[tuple[int, int], int] | None = None) -> Table:
    """A table of the rows given; `merges` spans a cell (row, col) over that many columns."""
    spans = merges or {}
    cells = tuple(
        Cell(text=text, row=r, col=c, col_span=spans.get((r, c), 1))
        for r, row in enumerate(rows)
        for c, text in enumerate(row)
        if text
    )
    return Table(cells=cells, n_rows=len(rows), n_cols=max(len(row) for row in rows))
