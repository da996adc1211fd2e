"""A table nested in another table's cells, read as part of the outer table's grid.

Plans often hold, per objective or result, a small table of activities inside the outer table's last cell
(`Objective | Result | Activities`, the third cell a table `No. | Activity | Lead | Q1…`). Read apart, the inner
tables lose the outer row's labels; read as text, their rows run into one cell. Spliced instead: each inner table's
rows take the place of its outer row (the outer cells beside it merged down over them) and its columns the place of
the outer column, so the outer labels stand to the left of every activity as a merged column does. The first inner
table's header becomes the outer table's second header row, under the outer column's heading: when every inner table
repeats it, or when it is set apart as a header (bold or shaded over rows that are not) and the later tables carry
on under it, as the parts of a table continued over a page break do, each dropping its repeat of it.
"""

from __future__ import annotations

from dataclasses import replace

from extractors.continuation import repeats, row_texts
from extractors.model import Cell, Table

# An inner table of fewer columns is a list or a pair of labels, not a table of activities.
MIN_INNER_COLUMNS = 2
# A header printed inside a cell's table is taken for an inner table's only when it repeats at least this often.
MIN_REPEATS = 2
# A first row is told apart from the rows under it as a header only when a row stands under it.
MIN_HEADER_AND_ROW = 2


def splice_nested(outer: Table, inner: dict[tuple[int, int], Table]) -> Table | None:
    """The outer table with its nested tables (keyed by the (row, col) of the cell holding each) spliced into its
    grid, or None when they do not fit one: all in one column, one per cell, in single-row cells with no text of
    their own, all as wide."""
    if not inner:
        return None
    columns = {col for _, col in inner}
    widths = {table.n_cols for table in inner.values()}
    if len(columns) != 1 or len(widths) != 1 or min(widths) < MIN_INNER_COLUMNS:
        return None
    holders = [outer.cell_at(row, col) for row, col in inner]
    if any(cell is None or cell.text or cell.row_span != 1 or cell.col_span != 1 for cell in holders):
        return None
    return Splice(outer, inner, columns.pop(), widths.pop()).table()


class Splice:
    """Where each outer row and column lands once the inner tables take their cells' places."""

    def __init__(self, outer: Table, inner: dict[tuple[int, int], Table], col: int, width: int) -> None:
        self.outer, self.col, self.width = outer, col, width
        self.inner = {row: table for (row, _), table in sorted(inner.items())}
        self.skips = lifted_header_rows(list(self.inner.values())) if outer.n_rows and 0 not in self.inner else []
        self.lifted = bool(self.skips)
        self.heights = [self.height(row) for row in range(outer.n_rows)]
        self.starts = [sum(self.heights[:row]) for row in range(outer.n_rows)]

    def skip(self, row: int) -> int:
        """How many first rows of the inner table at outer row `row` are the lifted header or its repeat."""
        return self.skips[list(self.inner).index(row)] if self.lifted else 0

    def height(self, row: int) -> int:
        """How many rows an outer row becomes: its inner table's rows (less the lifted header), else one."""
        table = self.inner.get(row)
        return max(table.n_rows - self.skip(row), 1) if table is not None else 1 + (self.lifted and row == 0)

    def table(self) -> Table:
        """The spliced table."""
        cells = [self.moved(cell) for cell in self.outer.cells if (cell.row, cell.col) not in self.holders()]
        for row, table in self.inner.items():
            cells += [self.placed(cell, row) for cell in table.cells if cell.row >= self.skip(row)]
        if self.lifted:
            header = next(iter(self.inner.values()))
            cells += [replace(cell, row=1, col=cell.col + self.col) for cell in header.cells if cell.row == 0]
        cells.sort(key=lambda cell: (cell.row, cell.col))
        return replace(
            self.outer, cells=tuple(cells), n_rows=sum(self.heights), n_cols=self.outer.n_cols + self.width - 1
        )

    def holders(self) -> set[tuple[int, int]]:
        """The outer cells whose nested table takes their place."""
        return {(row, self.col) for row in self.inner}

    def moved(self, cell: Cell) -> Cell:
        """An outer cell on the spliced grid: down over its rows' new heights, across the inner columns it covers;
        the header's cell over the inner column heads only that column's."""
        last = cell.row + cell.row_span - 1
        row_span = self.starts[last] + self.heights[last] - self.starts[cell.row]
        if self.lifted and cell.row == 0 and cell.col <= self.col < cell.col + cell.col_span:
            row_span = 1
        covers = cell.col <= self.col < cell.col + cell.col_span
        col = cell.col if cell.col <= self.col else cell.col + self.width - 1
        return replace(
            cell,
            row=self.starts[cell.row],
            col=col,
            row_span=row_span,
            col_span=cell.col_span + (self.width - 1 if covers else 0),
        )

    def placed(self, cell: Cell, row: int) -> Cell:
        """An inner cell on the spliced grid: in its outer row's place, from the outer column on."""
        return replace(cell, row=self.starts[row] + cell.row - self.skip(row), col=self.col + cell.col)


def lifted_header_rows(tables: list[Table]) -> list[int]:
    """For each inner table in order, how many of its first rows go (the first table's header, a later table's
    repeat of it), when the first table's first row is a header the others share: every table repeats it, or it is
    set apart as one; empty when it is neither (the inner tables' rows then all stay in the body)."""
    header = row_texts(tables[0], 0)
    again = [repeats(header, row_texts(table, 0)) for table in tables[1:]]
    if not all(again) and not set_apart_as_header(tables[0]):
        return []
    return [1, *(int(repeated) for repeated in again)]


def set_apart_as_header(table: Table) -> bool:
    """True when a table's first row is marked as its header and the row below is not: all its written cells bold,
    or all its cells shaded."""
    if table.n_rows < MIN_HEADER_AND_ROW:
        return False
    first, second = ([cell for cell in table.cells if cell.row == row] for row in (0, 1))
    return any(marked(first) and not marked(second) for marked in (all_bold, all_shaded))


def all_bold(cells: list[Cell]) -> bool:
    """True when the cells' written text is all bold (at least one written)."""
    written = [cell for cell in cells if cell.text]
    return bool(written) and all(cell.bold for cell in written)


def all_shaded(cells: list[Cell]) -> bool:
    """True when every one of the cells is shaded (at least one)."""
    return bool(cells) and all(cell.shaded for cell in cells)


def lift_nested_header(table: Table) -> Table:
    """A table drawn with nested tables (as a PDF prints them: the inner rules inside an outer cell, each inner
    table under its own header) reshaped as a spliced one: the inner header, repeated under a header cell that
    spans its columns, lifted into a second header row, its repeats taken out of the body. Unchanged when no header
    cell spans a header that repeats at least twice below it, or stands once beside the first outer row (see
    `header_in_first_only`)."""
    for head in (cell for cell in table.cells if cell.row == 0 and cell.col_span >= MIN_INNER_COLUMNS):
        span = range(head.col, head.col + head.col_span)
        repeated = inner_header_rows(table, span)
        if len(repeated) >= MIN_REPEATS or header_in_first_only(table, repeated, span):
            return lifted(table, head, repeated)
    return table


def header_in_first_only(table: Table, rows: list[int], span: range) -> bool:
    """True when the inner header stands once, on the first body row, as only the first inner table has it (the
    later ones going on under it): set apart as a header (bold or shaded over the row below, which is not), beside
    the first outer row's own cells (text starting on that row and running down past it, where a header of two rows
    has its cells start on the first)."""
    if rows != [1] or table.n_rows <= MIN_HEADER_AND_ROW:
        return False
    if any(cell.row == 0 and cell.row_span != 1 for cell in table.cells):
        return False
    beside = [cell for cell in table.cells if cell.row == 1 and cell.col not in span]
    if not any(cell.text and cell.row_span > 1 for cell in beside):
        return False
    first, second = ([cell for cell in table.cells if cell.row == row and cell.col in span] for row in (1, 2))
    return any(marked(first) and not marked(second) for marked in (all_bold, all_shaded))


def inner_header_rows(table: Table, span: range) -> list[int]:
    """The body rows that repeat one header within the columns `span` (at least two texts), nothing of their own
    outside them but outer cells running on below them, most repeated first found."""
    by_texts: dict[tuple[str, ...], list[int]] = {}
    for row in range(1, table.n_rows):
        own = [cell for cell in table.cells if cell.row == row]
        texts = tuple(row_texts(table, row)[span.start : span.stop])
        outside = any(cell.text and cell.col not in span and cell.row_span == 1 for cell in own)
        if not outside and sum(1 for text in texts if text) >= MIN_INNER_COLUMNS:
            by_texts.setdefault(texts, []).append(row)
    return max(by_texts.values(), key=len, default=[])


def lifted(table: Table, head: Cell, repeated: list[int]) -> Table:
    """The table with the first of the repeated rows moved up to row 1 (its cells under the spanning header cell)
    and the others taken out; the header's other cells spanning both header rows, cells over a removed row one
    row shorter (starting on the next row kept, when they started on a removed one)."""
    gone = set(repeated)
    span = range(head.col, head.col + head.col_span)
    cells = []
    for cell in table.cells:
        kept = [row for row in range(cell.row, cell.row + cell.row_span) if row not in gone]
        if cell.row == 0:
            cells.append(replace(cell, row_span=cell.row_span + (cell is not head)))
        elif cell.row == repeated[0] and cell.col in span:
            cells.append(replace(cell, row=1, row_span=1))
        elif kept and not (cell.row in gone and cell.col in span and cell.text):
            row = kept[0] + 1 - sum(1 for removed in gone if removed < kept[0])
            cells.append(replace(cell, row=row, row_span=len(kept)))
    cells.sort(key=lambda cell: (cell.row, cell.col))
    return replace(table, cells=tuple(cells), n_rows=table.n_rows + 1 - len(gone))
