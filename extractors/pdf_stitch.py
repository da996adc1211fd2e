"""Tables re-cut where the page layout cut them: continued over a page break (joined, repeated header
dropped, cut row mended) or printed in side-by-side blocks (split)."""

from __future__ import annotations

from dataclasses import replace

from extractors.model import Cell, Table, TextBlock
from extractors.pdf_words import join_lines

# The parts of a continued table line up: their left and right edges differ by less than this
# (points); a wider shift means a different table.
EDGE_TOLERANCE = 12.0
# A first row filling at most this share of the cells a row typically fills is the rest of a cut row.
CUT_ROW_SHARE = 0.5


def stitch_tables(entries: list[Table | TextBlock]) -> list[Table | TextBlock]:
    """Entries (one page's tables each) in reading order, each table that opens a page joined to one ending
    the page before."""
    out: list[Table | TextBlock] = []
    end: int | None = None  # the page the last table of `out` ends on
    for entry in entries:
        previous = out[-1] if out else None
        if isinstance(entry, Table) and isinstance(previous, Table) and continues(previous, end, entry):
            out[-1] = join_tables(previous, entry)
        else:
            out.append(entry)
        if isinstance(entry, Table):
            end = entry.page
    return out


def continues(first: Table, end: int | None, second: Table) -> bool:
    """True when `second` opens the page after `first` ends (on page `end`), with the same columns."""
    if end is None or second.page != end + 1 or first.n_cols != second.n_cols:
        return False
    if first.bbox is None or second.bbox is None:
        return False
    return abs(first.bbox[0] - second.bbox[0]) < EDGE_TOLERANCE and abs(first.bbox[2] - second.bbox[2]) < EDGE_TOLERANCE


def row_texts(table: Table, row: int) -> list[str]:
    """A row's texts, whitespace normalised."""
    return [" ".join(text.split()) for text in table.grid()[row]] if row < table.n_rows else []


def join_tables(first: Table, second: Table) -> Table:
    """One table from two parts: the second's repeated header dropped, a cut row joined back."""
    cells = list(second.cells)
    skip = 1 if row_texts(second, 0) == row_texts(first, 0) and any(row_texts(first, 0)) else 0
    head = list(first.cells)
    if second.n_rows > skip and is_cut_row(second, skip):
        head = mend_row(head, first.n_rows - 1, [c for c in cells if c.row == skip])
        skip += 1
    offset = first.n_rows - skip
    moved = [replace(cell, row=cell.row + offset) for cell in cells if cell.row >= skip]
    return replace(first, cells=tuple(head + moved), n_rows=first.n_rows + second.n_rows - skip)


def is_cut_row(table: Table, row: int) -> bool:
    """True when a page's first row carries on the row cut by the break: no key, and a lowercase
    start or far fewer filled cells than the table's rows have."""
    texts = row_texts(table, row)
    filled = [text for text in texts if text]
    if not filled or texts[0]:
        return False
    if table.n_rows == 1:  # a page holding one keyless row: the middle of a row too tall for one page
        return True
    counts = sorted(sum(1 for text in row_texts(table, r) if text) for r in range(table.n_rows))
    sparse = len(filled) <= CUT_ROW_SHARE * counts[len(counts) // 2]
    return sparse or any(text[:1].islower() for text in filled)


def mend_row(cells: list[Cell], last_row: int, tail: list[Cell]) -> list[Cell]:
    """The first part's cells with the cut row's remaining texts appended to its last row."""
    extra = {cell.col: cell.text for cell in tail if cell.text}
    mended = []
    for cell in cells:
        covers_last = cell.row <= last_row < cell.row + cell.row_span
        if covers_last and cell.col in extra:
            cell = replace(cell, text=join_lines([cell.text, extra.pop(cell.col)]))
        mended.append(cell)
    mended += [replace(cell, row=last_row) for cell in tail if cell.col in extra]
    return mended


def split_side_by_side(table: Table) -> list[Table]:
    """A table printed as blocks side by side (Age | Total | Age | Total) as one table per block."""
    grid = table.grid()
    period = header_period(grid)
    if period == table.n_cols or any(
        cell.col // period != (cell.col + cell.col_span - 1) // period for cell in table.cells
    ):
        return [table]
    return [block_table(table, start, period) for start in range(0, table.n_cols, period)]


def header_period(grid: list[list[str]]) -> int:
    """The width of one block when the header row repeats across, else the table's width."""
    header = next((row for row in grid if all(row)), None)
    n_cols = len(grid[0]) if grid else 0
    if header is not None:
        for period in range(2, n_cols // 2 + 1):
            if n_cols % period == 0 and all(header[i] == header[i % period] for i in range(n_cols)):
                return period
    return n_cols


def block_table(table: Table, start: int, period: int) -> Table:
    """The columns [start, start + period) of a table as a table of their own."""
    cells = tuple(replace(cell, col=cell.col - start) for cell in table.cells if start <= cell.col < start + period)
    boxes = [cell.bbox for cell in cells if cell.bbox is not None]
    bbox = table.bbox
    if boxes and table.bbox is not None:
        bbox = (min(b[0] for b in boxes), table.bbox[1], max(b[2] for b in boxes), table.bbox[3])
    return replace(table, cells=cells, n_cols=period, bbox=bbox)
