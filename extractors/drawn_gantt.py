"""A Gantt chart drawn with shapes, read back as a table.

Slides often draw a timeline with no table at all: the activities (and their leads) as text boxes down the left, a
row of period labels (months or quarters) as text boxes along the top, perhaps their years or quarters above them,
and per activity a filled bar (a rectangle) spanning the periods it runs in. Read from the geometry alone: the
period labels are the row of like-sized boxes, side by side, that the bars stand under; the rows are the left-hand
boxes by their vertical bands; a period is marked (a shaded cell, as a shaded Gantt cell is elsewhere) where a bar
in a row's band covers most of its label's width. Nothing is read from the words, so any language or calendar
reads alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from statistics import median

from extractors.boxes import EDGE_TOLERANCE, Box
from extractors.model import BBox, Cell, Table

# A row of period labels holds at least this many like-sized boxes, each at most this much wider than the median.
MIN_PERIODS = 3
PERIOD_WIDTH_RATIO = 1.5
# A bar marks a period when it covers more than this share of the period label's width.
COVER_SHARE = 0.5
# Labels above the period row (years, quarters) stand within this many label heights above it.
UPPER_ROWS_REACH = 3
# A bar belongs to a row when it stands within the row's band, give or take this share of the band's height.
BAND_SLACK = 0.25


@dataclass(frozen=True)
class Gantt:
    """A drawn Gantt read as a table, and which of the slide's boxes (their indexes) it took."""

    table: Table
    used: frozenset[int]


@dataclass(frozen=True)
class Timeline:
    """The period labels (indexes into the boxes, left to right) and the row of boxes they stand in."""

    periods: list[int]
    row: list[int]

    def span(self, boxes: Sequence[Box]) -> tuple[float, float]:
        """The timeline's left and right edges."""
        return boxes[self.periods[0]].left, boxes[self.periods[-1]].right


def drawn_gantt(boxes: Sequence[Box], bars: Sequence[BBox], page: int | None, locator: str, order: int) -> Gantt | None:
    """The Gantt a slide's text boxes and filled bars draw, or None when the bars stand under no period labels."""
    if not bars:
        return None
    timeline = period_row(boxes, bars)
    if timeline is None:
        return None
    left_edge, right_edge = timeline.span(boxes)
    label_top = min(boxes[i].top for i in timeline.row)
    label_bottom = max(boxes[i].bottom for i in timeline.row)
    reach = label_top - UPPER_ROWS_REACH * (label_bottom - label_top)
    upper = [
        i
        for i, box in enumerate(boxes)
        if i not in timeline.row
        and reach <= box.top
        and box.bottom <= label_top + EDGE_TOLERANCE
        and left_edge - EDGE_TOLERANCE <= box.left
        and box.right <= right_edge + EDGE_TOLERANCE
    ]
    heads = [i for i in timeline.row if i not in timeline.periods and boxes[i].right <= left_edge + EDGE_TOLERANCE]
    body = [
        i
        for i, box in enumerate(boxes)
        if box.top >= label_bottom - EDGE_TOLERANCE and box.right <= left_edge + EDGE_TOLERANCE
    ]
    if not body:
        return None
    table = gantt_table(boxes, bars, timeline, upper, heads, body, (page, locator, order))
    return Gantt(table, frozenset([*timeline.periods, *heads, *upper, *body]))


def period_row(boxes: Sequence[Box], bars: Sequence[BBox]) -> Timeline | None:
    """The lowest row of boxes above the bars holding a run of like-sized labels side by side over every bar."""
    first_bar = min(bar[1] for bar in bars)
    rows = rows_by_top([i for i, box in enumerate(boxes) if box.bottom <= first_bar + EDGE_TOLERANCE], boxes)
    for row in reversed(rows):
        periods = like_sized_run(boxes, row, bars)
        if len(periods) >= MIN_PERIODS:
            left, right = boxes[periods[0]].left, boxes[periods[-1]].right
            if all(left - EDGE_TOLERANCE <= (bar[0] + bar[2]) / 2 <= right + EDGE_TOLERANCE for bar in bars):
                return Timeline(periods, row)
    return None


def rows_by_top(indexes: list[int], boxes: Sequence[Box]) -> list[list[int]]:
    """Boxes grouped into rows, top to bottom, each left to right: a box opens a new row when its top is below
    the middle of the row's first box."""
    rows: list[list[int]] = []
    for index in sorted(indexes, key=lambda i: (boxes[i].top, boxes[i].left)):
        first = boxes[rows[-1][0]] if rows else None
        if first is not None and boxes[index].top < (first.top + first.bottom) / 2:
            rows[-1].append(index)
        else:
            rows.append([index])
    return [sorted(row, key=lambda i: boxes[i].left) for row in rows]


def like_sized_run(boxes: Sequence[Box], row: list[int], bars: Sequence[BBox]) -> list[int]:
    """The boxes of a row (left to right) that the bars stand under, with their like-sized neighbours side by side:
    the timeline's labels, the row's wider labels (activity, lead) left out."""
    hit = [i for i in row if any(covered_share(boxes[i], bar) > 0 for bar in bars)]
    if not hit:
        return []
    width = median(boxes[i].right - boxes[i].left for i in hit)
    like = [i for i in row if boxes[i].right - boxes[i].left <= PERIOD_WIDTH_RATIO * width]
    start = end = like.index(hit[0]) if hit[0] in like else -1
    if start < 0:
        return []
    while start > 0 and adjacent(boxes[like[start - 1]], boxes[like[start]], width):
        start -= 1
    while end + 1 < len(like) and adjacent(boxes[like[end]], boxes[like[end + 1]], width):
        end += 1
    run = like[start : end + 1]
    return run if set(hit) <= set(run) else []


def adjacent(left: Box, right: Box, width: float) -> bool:
    """True when two labels stand side by side, at most half a label's width apart."""
    return -EDGE_TOLERANCE <= right.left - left.right <= width / 2


def covered_share(label: Box, bar: BBox) -> float:
    """The share of a label's width a bar spans."""
    width = label.right - label.left
    overlap = min(label.right, bar[2]) - max(label.left, bar[0])
    return max(overlap, 0.0) / width if width > 0 else 0.0


def gantt_table(
    boxes: Sequence[Box],
    bars: Sequence[BBox],
    timeline: Timeline,
    upper: list[int],
    heads: list[int],
    body: list[int],
    where: tuple[int | None, str, int],
) -> Table:
    """The table: the rows of labels above the periods, the header row (the periods, and the left labels merged
    down beside the rows above, as a header cell over two rows is), then a row per band of left-hand boxes with its
    periods marked where its bars run."""
    page, locator, order = where
    columns = left_columns(boxes, heads or body)
    first_period = len(columns)
    upper_rows = rows_by_top(upper, boxes)
    header = len(upper_rows)
    cells: list[Cell] = []
    for r, row in enumerate(upper_rows):
        for i in row:
            spanned = [k for k, p in enumerate(timeline.periods) if centre_within(boxes[p], boxes[i])]
            if spanned:
                col = first_period + spanned[0]
                cells.append(Cell(boxes[i].text, r, col, col_span=len(spanned), bbox=boxes[i].bbox, page=page))
    cells += [replace(text_cell(boxes, i, 0, column_of(columns, boxes[i]), page), row_span=header + 1) for i in heads]
    cells += [text_cell(boxes, p, header, first_period + k, page) for k, p in enumerate(timeline.periods)]
    body_rows = rows_by_top(body, boxes)
    bands = row_bands(boxes, body_rows)
    for r, row in enumerate(body_rows, header + 1):
        for col in sorted({column_of(columns, boxes[i]) for i in row}):
            text = "\n".join(boxes[i].text for i in row if column_of(columns, boxes[i]) == col)
            cells.append(Cell(text, r, col, page=page))
        band = bands[r - header - 1]
        for k, p in enumerate(timeline.periods):
            if any(within_band(bar, band) and covered_share(boxes[p], bar) > COVER_SHARE for bar in bars):
                cells.append(Cell("", r, first_period + k, shaded=True, page=page))
    used = [boxes[i] for i in (*timeline.periods, *heads, *upper, *body)]
    bbox = (
        min(box.left for box in used),
        min(box.top for box in used),
        max(box.right for box in used),
        max(box.bottom for box in used),
    )
    n_rows = header + 1 + len(body_rows)
    n_cols = first_period + len(timeline.periods)
    return Table(tuple(cells), n_rows, n_cols, page=page, bbox=bbox, locator=locator, order=order)


def text_cell(boxes: Sequence[Box], index: int, row: int, col: int, page: int | None) -> Cell:
    """A box's text as a cell of the table."""
    return Cell(boxes[index].text, row, col, shaded=boxes[index].shaded, bbox=boxes[index].bbox, page=page)


def centre_within(inner: Box, outer: Box) -> bool:
    """True when a box's horizontal centre falls within another's width."""
    return outer.left <= (inner.left + inner.right) / 2 <= outer.right


def left_columns(boxes: Sequence[Box], indexes: list[int]) -> list[tuple[float, float]]:
    """The columns left of the timeline as (left, right) spans: the header's labels where there are any, else the
    left-hand boxes' edges clustered."""
    spans: list[tuple[float, float]] = []
    for index in sorted(indexes, key=lambda i: boxes[i].left):
        box = boxes[index]
        if spans and box.left < spans[-1][1] - EDGE_TOLERANCE:
            spans[-1] = (spans[-1][0], max(spans[-1][1], box.right))
        else:
            spans.append((box.left, box.right))
    return spans


def column_of(columns: list[tuple[float, float]], box: Box) -> int:
    """The column a box overlaps most (the nearest by its left edge when it overlaps none)."""
    overlaps = [min(right, box.right) - max(left, box.left) for left, right in columns]
    best = max(range(len(columns)), key=lambda c: overlaps[c])
    if overlaps[best] > 0:
        return best
    return min(range(len(columns)), key=lambda c: abs(columns[c][0] - box.left))


def row_bands(boxes: Sequence[Box], rows: list[list[int]]) -> list[tuple[float, float]]:
    """Each row's band: from its top to the next row's top (the last as tall as the one before it, or as its
    boxes)."""
    tops = [min(boxes[i].top for i in row) for row in rows]
    own = [max(boxes[i].bottom for i in row) - top for row, top in zip(rows, tops, strict=True)]
    last = tops[-1] - tops[-2] if len(tops) > 1 else 2 * own[-1]
    return [(top, nxt) for top, nxt in zip(tops, [*tops[1:], tops[-1] + max(last, own[-1])], strict=True)]


def within_band(bar: BBox, band: tuple[float, float]) -> bool:
    """True when a bar stands within a row's band, give or take a share of its height."""
    slack = BAND_SLACK * (band[1] - band[0])
    return band[0] - slack <= bar[1] and bar[3] <= band[1] + slack
