"""Text boxes laid out as a table: rows and columns read back from the boxes' positions.

Slides (and drawings) often draw a table as a box per cell, with no table object: boxes side by side in rows,
their edges on a few shared column lines, a band one box as wide as several columns. Such boxes are read back as
the table they draw, only when they really form one (enough rows of several boxes whose left edges fall on shared
column lines, rows touching); a title, bullets or a few scattered boxes stay text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from extractors.model import BBox, Cell, Table

# Two edges closer than this (points) are one column or row line: hand-drawn boxes are placed by eye.
EDGE_TOLERANCE = 3.0
# A grid has at least this many rows holding at least this many boxes each, their left edges on shared lines.
MIN_GRID_ROWS = 3
MIN_GRID_COLUMNS = 3
# A row belongs to the grid above it when the gap between them is at most this share of the row above's height.
ROW_GAP_SHARE = 0.5


@dataclass(frozen=True)
class Box:
    """A text box: its text, its position (x0, top, x1, bottom) and whether it is filled with a colour."""

    text: str
    bbox: BBox
    shaded: bool = False

    @property
    def left(self) -> float:
        return self.bbox[0]

    @property
    def top(self) -> float:
        return self.bbox[1]

    @property
    def right(self) -> float:
        return self.bbox[2]

    @property
    def bottom(self) -> float:
        return self.bbox[3]


def box_grids(boxes: Sequence[Box]) -> list[list[int]]:
    """The indexes (into `boxes`) of each group of boxes that forms a grid, top to bottom."""
    order = sorted(range(len(boxes)), key=lambda i: (boxes[i].top, boxes[i].left))
    return [run for run in touching_runs(boxes, order) if is_grid(boxes, run)]


def touching_runs(boxes: Sequence[Box], order: list[int]) -> list[list[int]]:
    """Boxes (sorted by top) cut where a gap opens below everything above: the rows of one run touch."""
    runs: list[list[int]] = []
    floor = row_height = 0.0
    for index in order:
        box = boxes[index]
        if runs and box.top <= floor + max(EDGE_TOLERANCE, ROW_GAP_SHARE * row_height):
            runs[-1].append(index)
        else:
            runs.append([index])
        if box.bottom > floor or len(runs[-1]) == 1:
            floor, row_height = box.bottom, box.bottom - box.top
    return runs


def is_grid(boxes: Sequence[Box], run: list[int]) -> bool:
    """True when a run of boxes draws a table: enough full rows whose boxes sit side by side, their left edges
    on enough shared column lines, and no two boxes on one grid cell."""
    rows = group_rows(boxes, run)
    full_rows = [row for row in rows if len(row) >= MIN_GRID_COLUMNS and side_by_side(boxes, row)]
    if len(full_rows) < MIN_GRID_ROWS:
        return False
    lines = lines_of([boxes[i].left for row in full_rows for i in row])
    shared = [line for line in lines if sum(any(near(boxes[i].left, line) for i in row) for row in full_rows) >= 2]
    if len(shared) < MIN_GRID_COLUMNS:
        return False
    places = grid_places(boxes, run)
    return len(set(places)) == len(places)


def group_rows(boxes: Sequence[Box], run: list[int]) -> list[list[int]]:
    """The boxes of a run by row (tops on one line), each row left to right."""
    tops = lines_of([boxes[i].top for i in run])
    rows: list[list[int]] = [[] for _ in tops]
    for index in run:
        rows[line_index(tops, boxes[index].top)].append(index)
    return [sorted(row, key=lambda i: boxes[i].left) for row in rows]


def side_by_side(boxes: Sequence[Box], row: list[int]) -> bool:
    """True when the boxes of a row (left to right) do not overlap."""
    return all(boxes[a].right <= boxes[b].left + EDGE_TOLERANCE for a, b in zip(row, row[1:], strict=False))


def grid_places(boxes: Sequence[Box], run: list[int]) -> list[tuple[int, int]]:
    """The (row, column) of each box of a run on the run's row and column lines."""
    tops = lines_of([boxes[i].top for i in run])
    xs = lines_of([x for i in run for x in (boxes[i].left, boxes[i].right)])
    return [(line_index(tops, boxes[i].top), line_index(xs, boxes[i].left)) for i in run]


def rows_covered(tops: list[float], box: Box) -> int:
    """How many row lines a box covers from its top (at least one)."""
    return max(sum(1 for top in tops if box.top - EDGE_TOLERANCE <= top < box.bottom - EDGE_TOLERANCE), 1)


def lines_of(values: list[float]) -> list[float]:
    """Values clustered into lines (each the first of a cluster), ascending."""
    lines: list[float] = []
    for value in sorted(values):
        if not lines or value - lines[-1] > EDGE_TOLERANCE:
            lines.append(value)
    return lines


def near(value: float, line: float) -> bool:
    """True when a value falls on a line."""
    return abs(value - line) <= EDGE_TOLERANCE


def line_index(lines: list[float], value: float) -> int:
    """The index of the last line at or before a value (give or take the tolerance)."""
    return max(i for i, line in enumerate(lines) if line <= value + EDGE_TOLERANCE)


def grid_table(boxes: Sequence[Box], page: int | None, locator: str, order: int) -> Table:
    """Boxes that form a grid as a table: a box a cell, spanning the column and row lines it covers."""
    tops = lines_of([box.top for box in boxes])
    xs = lines_of([x for box in boxes for x in (box.left, box.right)])
    cells = []
    for box in sorted(boxes, key=lambda box: (line_index(tops, box.top), box.left)):
        row, col = line_index(tops, box.top), line_index(xs, box.left)
        cells.append(
            Cell(
                text=box.text,
                row=row,
                col=col,
                row_span=rows_covered(tops, box),
                col_span=max(line_index(xs, max(box.right - 2 * EDGE_TOLERANCE, box.left)) - col + 1, 1),
                shaded=box.shaded,
                bbox=box.bbox,
                page=page,
            )
        )
    bbox = (
        min(box.left for box in boxes),
        min(box.top for box in boxes),
        max(box.right for box in boxes),
        max(box.bottom for box in boxes),
    )
    return Table(
        cells=tuple(cells),
        n_rows=len(tops),
        n_cols=max(len(xs) - 1, 1),
        page=page,
        bbox=bbox,
        locator=locator,
        order=order,
    )
