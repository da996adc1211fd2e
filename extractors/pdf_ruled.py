"""Ruled tables: grids from ruling lines, merged cells where a separating rule is missing."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence

from extractors.model import BBox, Cell, Table
from extractors.pdf_grid import ProtoCell, proto_cells, split_columns, split_rows, text_column_rules
from extractors.pdf_objects import FURNITURE_BAND, Char, Fill, Segment

# Rules whose positions differ by less than this (points) are one rule (double lines, AA offsets).
SNAP_TOLERANCE = 3.0
# Collinear rules with a gap up to this (points) are one rule (dashed or split strokes).
JOIN_TOLERANCE = 3.0
# A rule touches another when it reaches within this distance (points).
TOUCH_TOLERANCE = 2.0
# A cell side counts as ruled when a rule covers at least this share of it.
RULED_SHARE = 0.5
# Grid lines closer than this (points) make no row/column: too thin to hold text.
MIN_CELL_EXTENT = 4.0
# A page with more rules than this is a drawing (chart, map), not a table grid.
MAX_SEGMENTS = 4000
# A cell is shaded when coloured fills cover this share of its area.
SHADED_SHARE = 0.5
# A fill at least this share of its table's width is row banding, not a Gantt mark.
BANDING_SHARE = 0.9


def merge_segments(segments: Sequence[Segment]) -> list[Segment]:
    """Snap near-collinear rules together and join the collinear pieces that touch."""
    merged: list[Segment] = []
    for orientation in ("h", "v"):
        along = [s for s in segments if s.orientation == orientation]
        horizontal = orientation == "h"
        along.sort(key=lambda s: s.top if horizontal else s.x0)
        for group in cluster_by(along, (lambda s: s.top) if horizontal else (lambda s: s.x0)):
            merged.extend(join_collinear(group, horizontal))
    return merged


def cluster_by(items: list[Segment], key: Callable[[Segment], float]) -> list[list[Segment]]:
    """Consecutive items (sorted by key) whose key steps by at most SNAP_TOLERANCE."""
    groups: list[list[Segment]] = []
    for item in items:
        if groups and key(item) - key(groups[-1][-1]) <= SNAP_TOLERANCE:
            groups[-1].append(item)
        else:
            groups.append([item])
    return groups


def join_collinear(group: list[Segment], horizontal: bool) -> list[Segment]:
    """One rule per run of overlapping pieces, at the pieces' mean position."""
    position = sum((s.top if horizontal else s.x0) for s in group) / len(group)
    spans = sorted(((s.x0, s.x1) if horizontal else (s.top, s.bottom)) for s in group)
    joined: list[list[float]] = []
    for start, end in spans:
        if joined and start <= joined[-1][1] + JOIN_TOLERANCE:
            joined[-1][1] = max(joined[-1][1], end)
        else:
            joined.append([start, end])
    if horizontal:
        return [Segment("h", start, position, end, position) for start, end in joined]
    return [Segment("v", position, start, position, end) for start, end in joined]


def touches(h: Segment, v: Segment) -> bool:
    """True when a horizontal and a vertical rule cross or meet."""
    return (
        h.x0 - TOUCH_TOLERANCE <= v.x0 <= h.x1 + TOUCH_TOLERANCE
        and v.top - TOUCH_TOLERANCE <= h.top <= v.bottom + TOUCH_TOLERANCE
    )


def rule_groups(segments: list[Segment]) -> list[list[Segment]]:
    """Connected sets of rules (each a candidate grid)."""
    parent = list(range(len(segments)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    hs = [i for i, s in enumerate(segments) if s.orientation == "h"]
    vs = [i for i, s in enumerate(segments) if s.orientation == "v"]
    for i in hs:
        for j in vs:
            if touches(segments[i], segments[j]):
                parent[find(i)] = find(j)
    groups: dict[int, list[Segment]] = {}
    for i, segment in enumerate(segments):
        groups.setdefault(find(i), []).append(segment)
    return list(groups.values())


def grid_positions(values: list[float]) -> list[float]:
    """Sorted distinct positions, closer ones merged."""
    positions: list[float] = []
    for value in sorted(values):
        if positions and value - positions[-1] < MIN_CELL_EXTENT:
            continue
        positions.append(value)
    return positions


def is_ruled(rules: list[Segment], position: float, start: float, end: float, horizontal: bool) -> bool:
    """True when rules at `position` cover at least RULED_SHARE of [start, end]."""
    covered = 0.0
    for rule in rules:
        at, lo, hi = (rule.top, rule.x0, rule.x1) if horizontal else (rule.x0, rule.top, rule.bottom)
        if abs(at - position) <= SNAP_TOLERANCE:
            covered += max(0.0, min(hi, end) - max(lo, start))
    return covered >= RULED_SHARE * (end - start)


def grid_spans(group: list[Segment], xs: list[float], ys: list[float]) -> list[tuple[int, int, int, int]]:
    """Merged cells as (row, col, row_span, col_span) from the rules present between grid cells."""
    hs = [s for s in group if s.orientation == "h"]
    vs = [s for s in group if s.orientation == "v"]
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    covered = [[False] * n_cols for _ in range(n_rows)]
    spans = []
    for row in range(n_rows):
        for col in range(n_cols):
            if covered[row][col]:
                continue
            col_end = col + 1
            while col_end < n_cols and not is_ruled(vs, xs[col_end], ys[row], ys[row + 1], False):
                col_end += 1
            row_end = row + 1
            while row_end < n_rows and not is_ruled(hs, ys[row_end], xs[col], xs[col_end], True):
                row_end += 1
            for r in range(row, row_end):
                for c in range(col, col_end):
                    covered[r][c] = True
            spans.append((row, col, row_end - row, col_end - col))
    return spans


def group_to_table(
    group: list[Segment], chars: list[Char], fills: list[Fill], page: int, size: tuple[float, float]
) -> Table | None:
    """A table from one connected set of rules, or None when it is no grid (a box, one ruled row or
    column: a frame or a highlight within a larger table, left to the borderless reader). One ruled row
    alone on its page is kept: it is the middle of a row too tall for one page."""
    hs = [s for s in group if s.orientation == "h"]
    vs = [s for s in group if s.orientation == "v"]
    if not hs or not vs:
        return None
    # Open sides: rules reaching past the outermost crossing rule close the grid there.
    xs = grid_positions([s.x0 for s in vs] + [min(s.x0 for s in hs), max(s.x1 for s in hs)])
    ys = grid_positions([s.top for s in hs] + [min(s.top for s in vs), max(s.bottom for s in vs)])
    if len(xs) < 2 or len(ys) < 2:
        return None
    bbox = (xs[0], ys[0], xs[-1], ys[-1])
    inside = [c for c in chars if inside_box(c, bbox)]
    unruled = text_column_rules(inside, xs, ys)
    group, xs = group + unruled, grid_positions(xs + [rule.x0 for rule in unruled])
    spans = grid_spans(group, xs, ys)
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    protos = proto_cells(spans, chars_by_cell(inside, xs, ys, spans, n_rows, n_cols), xs, ys, size)
    protos, n_rows = split_rows(split_columns(protos, xs), n_rows)
    if n_cols < 2 or (n_rows < 2 and not fills_the_page(bbox, chars, size)):
        return None
    cells = tuple(make_cell(proto, fills, bbox, page) for proto in protos)
    return Table(cells=cells, n_rows=n_rows, n_cols=n_cols, page=page, bbox=bbox)


def fills_the_page(bbox: BBox, chars: list[Char], size: tuple[float, float]) -> bool:
    """True when no text lies above or below the box but running headers and footers: the middle of a
    table row too tall for one page, which the pages before and after continue."""
    height = size[1]
    body_top, body_bottom = height * FURNITURE_BAND, height * (1 - FURNITURE_BAND)
    return not any(body_top < char.bottom <= bbox[1] or bbox[3] <= char.top < body_bottom for char in chars)


def inside_box(char: Char, bbox: BBox) -> bool:
    """True when the glyph's centre lies in the box."""
    x, y = (char.x0 + char.x1) / 2, (char.top + char.bottom) / 2
    return bbox[0] <= x <= bbox[2] and bbox[1] <= y <= bbox[3]


def chars_by_cell(
    chars: list[Char],
    xs: list[float],
    ys: list[float],
    spans: list[tuple[int, int, int, int]],
    n_rows: int,
    n_cols: int,
) -> list[list[Char]]:
    """The glyphs of each merged cell, by the grid cell holding each glyph's centre."""
    owner = [[0] * n_cols for _ in range(n_rows)]
    for index, (row, col, row_span, col_span) in enumerate(spans):
        for r in range(row, row + row_span):
            for c in range(col, col + col_span):
                owner[r][c] = index
    out: list[list[Char]] = [[] for _ in spans]
    for char in chars:
        col = min(max(bisect_right(xs, (char.x0 + char.x1) / 2) - 1, 0), n_cols - 1)
        row = min(max(bisect_right(ys, (char.top + char.bottom) / 2) - 1, 0), n_rows - 1)
        out[owner[row][col]].append(char)
    return out


def make_cell(proto: ProtoCell, fills: list[Fill], table_box: BBox, page: int) -> Cell:
    """One model cell with its text, box and shading."""
    text = proto.text()
    return Cell(
        text=text,
        row=proto.row,
        col=proto.col,
        row_span=proto.row_span,
        col_span=proto.col_span,
        shaded=not text and is_shaded(proto.box, fills, table_box),
        bbox=proto.box,
        page=page,
    )


def is_shaded(box: BBox, fills: list[Fill], table_box: BBox) -> bool:
    """True when coloured fills narrower than the table cover most of the box."""
    area = (box[2] - box[0]) * (box[3] - box[1])
    if area <= 0:
        return False
    table_width = table_box[2] - table_box[0]
    covered = 0.0
    for fill in fills:
        if fill.white or fill.x1 - fill.x0 >= BANDING_SHARE * table_width:
            continue
        width = min(fill.x1, box[2]) - max(fill.x0, box[0])
        height = min(fill.bottom, box[3]) - max(fill.top, box[1])
        if width > 0 and height > 0:
            covered += width * height
    return covered >= SHADED_SHARE * area


def find_ruled_tables(
    segments: list[Segment], chars: list[Char], fills: list[Fill], page: int, size: tuple[float, float]
) -> list[Table]:
    """Every ruled grid on a page with at least two rows or two columns."""
    if len(segments) > MAX_SEGMENTS:
        return []
    tables = []
    for group in rule_groups(merge_segments(segments)):
        table = group_to_table(group, chars, fills, page, size)
        if table is not None:
            tables.append(table)
    return tables
