"""Lines a page break parted from their table, given back to it before the parts are stitched: the tail of
a table's last row opening the next page in lines of their own (too few to make a table), and a table's
header left alone at the foot of the page before it (a widow).

A line belongs to a table when every word of it lies inside one of the table's columns, no phrase crossing
from one column into the next: the next paragraph's text runs across the columns.
"""

from __future__ import annotations

import math
from dataclasses import replace

from extractors.model import Cell, Table
from extractors.pdf.cuts import lines_text
from extractors.pdf.page import HEADING_SCALE, Block, PageResult, lines_to_blocks
from extractors.pdf.settings import PdfSettings
from extractors.pdf.words import TextLine, Word

# A cut row's tail runs over at most this many lines at the top of the next page ...
MAX_TAIL_LINES = 8
# ... and a header left at the foot of a page over at most this many.
MAX_WIDOW_LINES = 3
# Two parts of a table have the same columns when each pair overlaps by this share of the narrower.
SAME_COLUMN_SHARE = 0.5


def mend_page_breaks(results: list[PageResult], settings: PdfSettings) -> list[PageResult]:
    """The pages with each cut row's tail made a one-row part of its table (which the stitcher joins into
    the row) and each widowed header moved into the table it heads."""
    out = list(results)
    for index in range(1, len(out)):
        before, after = out[index - 1], out[index]
        if before.number + 1 != after.number:
            continue
        out[index] = with_tail(before, after, settings)
        out[index] = with_lone_row(before, out[index], settings)
        out[index - 1], out[index] = with_widow(out[index - 1], out[index], settings)
    return out


def body_items(result: PageResult) -> list[Table | Block]:
    """A page's tables and blocks in reading order, running headers and footers left out."""
    return [item for item in result.items() if not (isinstance(item, Block) and item.furniture)]


def column_ranges(table: Table) -> list[tuple[float, float]] | None:
    """The x range of each column of a table (from its one-column cells), or None when one has no cell."""
    columns = []
    for col in range(table.n_cols):
        boxes = [c.bbox for c in table.cells if c.col == col and c.col_span == 1 and c.bbox is not None]
        if not boxes:
            return None
        columns.append((min(box[0] for box in boxes), max(box[2] for box in boxes)))
    return columns


def table_columns(table: Table) -> list[tuple[float, float]] | None:
    """The columns a line must fit to belong to a table: the outer ones open outwards (a borderless table's
    edges are only where its words happened to end)."""
    columns = column_ranges(table)
    if columns:
        columns[0] = (-math.inf, columns[0][1])
        columns[-1] = (columns[-1][0], math.inf)
    return columns


def same_columns(first: Table, second: Table) -> bool:
    """True when two tables' columns stand in the same places: each pair overlapping over most of the
    narrower (borderless parts of one table end where their own words do, not at one ruled edge)."""
    ours, theirs = column_ranges(first), column_ranges(second)
    if ours is None or theirs is None or len(ours) != len(theirs):
        return False
    for (a0, a1), (b0, b1) in zip(ours, theirs, strict=True):
        if min(a1, b1) - max(a0, b0) < SAME_COLUMN_SHARE * min(a1 - a0, b1 - b0):
            return False
    return True


def line_cells(line: TextLine, columns: list[tuple[float, float]], tolerance: float) -> dict[int, list[Word]] | None:
    """The words of a line by table column, or None when a word lies outside every column or a phrase
    runs from one column into another (text across the table, not a line of its cells)."""
    cells: dict[int, list[Word]] = {}
    for phrase in line.phrases:
        owners = {column_of(word, columns, tolerance) for word in phrase}
        if len(owners) != 1 or None in owners:
            return None
        col = owners.pop()
        assert col is not None
        cells.setdefault(col, []).extend(phrase)
    return cells


def column_of(word: Word, columns: list[tuple[float, float]], tolerance: float) -> int | None:
    """The column a word lies inside (give or take `tolerance`), or None."""
    for index, (x0, x1) in enumerate(columns):
        if word.x0 >= x0 - tolerance and word.x1 <= x1 + tolerance:
            return index
    return None


def fitting_lines(
    lines: list[TextLine], columns: list[tuple[float, float]], limit: int, settings: PdfSettings
) -> list[dict[int, list[Word]]]:
    """The cells of the first lines (at most `limit`) that each fit the columns, set tight one under the
    other as the lines of one row are."""
    fitted: list[dict[int, list[Word]]] = []
    for index, line in enumerate(lines[:limit]):
        cells = line_cells(line, columns, settings.align_tolerance)
        if cells is None:
            break
        if index and vertical_space(lines[index - 1], line) > settings.wrap_gap_em * max(line.size, 1.0):
            break
        fitted.append(cells)
    return fitted


def vertical_space(a: TextLine, b: TextLine) -> float:
    """The white space between two lines, whichever is above."""
    return max(b.top - a.bottom, a.top - b.bottom)


def row_cells(
    fitted: list[dict[int, list[Word]]], columns: list[tuple[float, float]], row: int, page: int
) -> list[Cell]:
    """One row's cells from its lines' words by column."""
    cells = []
    for col, (x0, x1) in enumerate(columns):
        lines = [cells_of_line[col] for cells_of_line in fitted if col in cells_of_line]
        if lines:
            words = [word for line in lines for word in line]
            box = (x0, min(w.top for w in words), x1, max(w.bottom for w in words))
            text = lines_text([" ".join(word.text for word in line) for line in lines])
            cells.append(Cell(text=text, row=row, col=col, page=page, bbox=box))
    return cells


def with_tail(before: PageResult, after: PageResult, settings: PdfSettings) -> PageResult:
    """The page `after` with the lines opening it that carry on the last row of the table ending the page
    `before` made a one-row part of that table: every line inside the table's columns, the first column
    empty or going on in lower case (no new row's key)."""
    ending, opening = body_items(before), body_items(after)
    if not ending or not opening or not isinstance(ending[-1], Table) or isinstance(opening[0], Table):
        return after
    table = ending[-1]
    columns = table_columns(table)
    if columns is None or table.bbox is None or after.gutter is not None or not after.text_lines:
        return after
    lines = after.text_lines[0]
    fitted = fitting_lines(lines, columns, MAX_TAIL_LINES, settings)
    cells = row_cells(fitted, columns, 0, after.number)
    key = next((cell.text for cell in cells if cell.col == 0), "")
    if not cells or key[:1].isupper() or key[:1].isdigit():
        return after
    tail = row_part(table, cells, after.number)
    return rebuilt(replace(after, tables=[tail, *after.tables], fills=[[], *after.fills]), 0, lines[len(fitted) :])


def with_lone_row(before: PageResult, after: PageResult, settings: PdfSettings) -> PageResult:
    """The page `after` whose only text, below a heading, is one row in the columns of the table ending the
    page `before` (a table's last row alone on the next page or slide, its header printed once) with that row
    made a one-row part of the table: its first line fills the first column and another, no later line
    opens a new key there."""
    ending = body_items(before)
    if not ending or not isinstance(ending[-1], Table) or after.tables or len(after.text_lines) != 1:
        return after
    table = ending[-1]
    columns = table_columns(table)
    if columns is None or table.bbox is None or after.gutter is not None:
        return after
    lines = after.text_lines[0]
    start = heading_count(lines, columns, settings)
    fitted = fitting_lines(lines[start:], columns, MAX_TAIL_LINES, settings)
    if not fitted or start + len(fitted) != len(lines) or len(fitted[0]) < 2 or 0 not in fitted[0]:
        return after
    if any(0 in cells and not cells[0][0].text[:1].islower() for cells in fitted[1:]):
        return after
    part = row_part(table, row_cells(fitted, columns, 0, after.number), after.number)
    return rebuilt(replace(after, tables=[part], fills=[[]]), 0, lines[:start])


def heading_count(lines: list[TextLine], columns: list[tuple[float, float]], settings: PdfSettings) -> int:
    """How many of the first lines are a heading over the rest: set larger than the last line, not in the
    columns."""
    count = 0
    for line in lines[:-1]:
        if line.size < HEADING_SCALE * lines[-1].size or line_cells(line, columns, settings.align_tolerance):
            break
        count += 1
    return count


def row_part(table: Table, cells: list[Cell], page: int) -> Table:
    """A one-row part of `table` on `page` holding `cells`, as wide as the table."""
    assert table.bbox is not None
    top = min(cell.bbox[1] for cell in cells if cell.bbox)
    bottom = max(cell.bbox[3] for cell in cells if cell.bbox)
    return Table(
        cells=tuple(cells),
        n_rows=1,
        n_cols=table.n_cols,
        page=page,
        bbox=(table.bbox[0], top, table.bbox[2], bottom),
        confidence=table.confidence,
    )


def with_widow(before: PageResult, after: PageResult, settings: PdfSettings) -> tuple[PageResult, PageResult]:
    """The two pages with the lines ending `before` that head the table opening `after` (a header row the
    page break left behind: lines in the table's columns, one of them split in several) moved into it."""
    ending, opening = body_items(before), body_items(after)
    if not ending or not opening or isinstance(ending[-1], Table) or not isinstance(opening[0], Table):
        return before, after
    table = opening[0]
    columns = table_columns(table)
    if columns is None or before.gutter is not None or not before.text_lines:
        return before, after
    lines = before.text_lines[-1]
    fitted = list(reversed(fitting_lines(list(reversed(lines)), columns, MAX_WIDOW_LINES, settings)))
    if not any(len(cells) >= 2 for cells in fitted):
        return before, after
    header = row_cells(fitted, columns, 0, before.number)
    if [cell.text for cell in header] == [cell.text for cell in table.cells if cell.row == 0]:
        return before, after
    moved = [replace(cell, row=cell.row + 1) for cell in table.cells]
    headed = replace(table, cells=(*header, *moved), n_rows=table.n_rows + 1)
    tables = [headed if item is table else item for item in after.tables]
    kept = lines[: len(lines) - len(fitted)]
    return rebuilt(before, len(before.text_lines) - 1, kept), replace(after, tables=tables)


def rebuilt(result: PageResult, column: int, lines: list[TextLine]) -> PageResult:
    """A page whose text column `column` now holds only `lines`, its blocks made again from them."""
    text_lines = [lines if index == column else own for index, own in enumerate(result.text_lines)]
    blocks = [block for block in result.blocks if block.furniture]
    for index, own in enumerate(text_lines):
        blocks += [replace(block, column=index) for block in lines_to_blocks(own, result.text_size)]
    return replace(result, blocks=blocks, text_lines=text_lines)
