"""Ruled tables: grids from ruling lines, merged cells where a separating rule is missing."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from extractors.model import BBox, Cell, Table, indent_level
from extractors.pdf.finders.base import PageInput, TableFinder
from extractors.pdf.grid import (
    GridText,
    ProtoCell,
    grid_text,
    proto_cells,
    split_columns,
    split_rows,
    text_column_rules,
)
from extractors.pdf.objects import Char, Segment
from extractors.pdf.settings import PdfSettings
from extractors.pdf.shading import ShadingMarks, mark_fills


def merge_segments(segments: Sequence[Segment], settings: PdfSettings) -> list[Segment]:
    """Snap near-collinear rules together and join the collinear pieces that touch."""
    merged: list[Segment] = []
    for orientation in ("h", "v"):
        along = [s for s in segments if s.orientation == orientation]
        horizontal = orientation == "h"
        along.sort(key=lambda s: s.top if horizontal else s.x0)
        key: Callable[[Segment], float] = (lambda s: s.top) if horizontal else (lambda s: s.x0)
        for group in cluster_by(along, key, settings.snap_tolerance):
            merged.extend(join_collinear(group, horizontal, settings.join_tolerance))
    return merged


def cluster_by(items: list[Segment], key: Callable[[Segment], float], tolerance: float) -> list[list[Segment]]:
    """Consecutive items (sorted by key) whose key steps by at most `tolerance`."""
    groups: list[list[Segment]] = []
    for item in items:
        if groups and key(item) - key(groups[-1][-1]) <= tolerance:
            groups[-1].append(item)
        else:
            groups.append([item])
    return groups


def join_collinear(group: list[Segment], horizontal: bool, tolerance: float) -> list[Segment]:
    """One rule per run of overlapping pieces, at the pieces' mean position."""
    position = sum((s.top if horizontal else s.x0) for s in group) / len(group)
    spans = sorted(((s.x0, s.x1) if horizontal else (s.top, s.bottom)) for s in group)
    joined: list[list[float]] = []
    for start, end in spans:
        if joined and start <= joined[-1][1] + tolerance:
            joined[-1][1] = max(joined[-1][1], end)
        else:
            joined.append([start, end])
    if horizontal:
        return [Segment("h", start, position, end, position) for start, end in joined]
    return [Segment("v", position, start, position, end) for start, end in joined]


def touches(h: Segment, v: Segment, tolerance: float) -> bool:
    """True when a horizontal and a vertical rule cross or meet."""
    return h.x0 - tolerance <= v.x0 <= h.x1 + tolerance and v.top - tolerance <= h.top <= v.bottom + tolerance


def rule_groups(segments: list[Segment], tolerance: float) -> list[list[Segment]]:
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
            if touches(segments[i], segments[j], tolerance):
                parent[find(i)] = find(j)
    groups: dict[int, list[Segment]] = {}
    for i, segment in enumerate(segments):
        groups.setdefault(find(i), []).append(segment)
    return list(groups.values())


def grid_positions(values: list[float], min_extent: float) -> list[float]:
    """Sorted distinct positions, closer ones merged."""
    positions: list[float] = []
    for value in sorted(values):
        if positions and value - positions[-1] < min_extent:
            continue
        positions.append(value)
    return positions


def rules_at(
    rules: list[Segment], positions: list[float], horizontal: bool, tolerance: float
) -> list[list[tuple[float, float]]]:
    """For each grid line position, the extents (start, end) along it of the rules within `tolerance` of it, in
    the rules' order."""
    placed = [((rule.top, rule.x0, rule.x1) if horizontal else (rule.x0, rule.top, rule.bottom)) for rule in rules]
    return [[(lo, hi) for at, lo, hi in placed if abs(at - position) <= tolerance] for position in positions]


def is_ruled(extents: list[tuple[float, float]], span: tuple[float, float], share: float) -> bool:
    """True when the rules' `extents` along a grid line cover `share` of the span [start, end]."""
    start, end = span
    covered = 0.0
    for lo, hi in extents:
        covered += max(0.0, min(hi, end) - max(lo, start))
    return covered >= share * (end - start)


def grid_spans(
    group: list[Segment], xs: list[float], ys: list[float], settings: PdfSettings
) -> list[tuple[int, int, int, int]]:
    """Merged cells as (row, col, row_span, col_span) from the rules present between grid cells."""
    tolerance, share = settings.snap_tolerance, settings.ruled_side_share
    at_x = rules_at([s for s in group if s.orientation == "v"], xs, False, tolerance)
    at_y = rules_at([s for s in group if s.orientation == "h"], ys, True, tolerance)
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    covered = [[False] * n_cols for _ in range(n_rows)]
    spans = []
    for row in range(n_rows):
        for col in range(n_cols):
            if covered[row][col]:
                continue
            col_end = col + 1
            while col_end < n_cols and not is_ruled(at_x[col_end], (ys[row], ys[row + 1]), share):
                col_end += 1
            row_end = row + 1
            while row_end < n_rows and not is_ruled(at_y[row_end], (xs[col], xs[col_end]), share):
                row_end += 1
            for r in range(row, row_end):
                for c in range(col, col_end):
                    covered[r][c] = True
            spans.append((row, col, row_end - row, col_end - col))
    return spans


def group_to_table(group: list[Segment], page: PageInput, settings: PdfSettings) -> Table | None:
    """A table from one connected set of rules, or None when it is no grid (a box, one ruled row or
    column: a frame or a highlight within a larger table, left to the borderless reader). One ruled row
    opening its page is kept: the rest of a row cut by the page break. Its confidence holds the
    share of glyphs that sit inside one cell (a rule through a glyph means the grid is not the table's)."""
    hs = [s for s in group if s.orientation == "h"]
    vs = [s for s in group if s.orientation == "v"]
    if not hs or not vs:
        return None
    # Open sides: rules reaching past the outermost crossing rule close the grid there.
    extent = settings.min_cell_extent
    xs = grid_positions([s.x0 for s in vs] + [min(s.x0 for s in hs), max(s.x1 for s in hs)], extent)
    ys = grid_positions([s.top for s in hs] + [min(s.top for s in vs), max(s.bottom for s in vs)], extent)
    if len(xs) < 2 or len(ys) < 2:
        return None
    bbox = (xs[0], ys[0], xs[-1], ys[-1])
    inside = page.index.inside(bbox)
    text = grid_text(inside, xs, ys, settings)
    unruled = text_column_rules(text, xs, ys)
    if unruled:
        group, xs = group + unruled, grid_positions(xs + [rule.x0 for rule in unruled], extent)
        text = grid_text(inside, xs, ys, settings)
    spans = grid_spans(group, xs, ys, settings)
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    owned = chars_by_cell(text, spans, n_rows, n_cols)
    protos = proto_cells(spans, owned, text, xs, ys, page.size, settings)
    protos, n_rows = split_rows(split_columns(protos, xs), n_rows)
    if n_cols < 2 or (n_rows < 2 and not opens_the_page(bbox, page, settings)):
        return None
    marks = ShadingMarks(mark_fills(page.objects.fills, bbox, page.index.centres_in(bbox)), bbox, settings)
    cells = tuple(make_cell(proto, marks, page.number) for proto in protos)
    accuracy = inside_share(protos, settings.snap_tolerance) if inside else 1.0
    return Table(cells=cells, n_rows=n_rows, n_cols=n_cols, page=page.number, bbox=bbox, confidence=accuracy)


def inside_share(protos: list[ProtoCell], tolerance: float) -> float:
    """The share of the cells' words lying within their cell's box (give or take `tolerance`)."""
    total = inside = 0
    for proto in protos:
        x0, top, x1, bottom = proto.box
        for line in proto.lines:
            for word in line.words:
                total += 1
                inside += x0 - tolerance <= word.x0 and word.x1 <= x1 + tolerance
    return inside / total if total else 1.0


def opens_the_page(bbox: BBox, page: PageInput, settings: PdfSettings) -> bool:
    """True when the box may hold the rest of a row the page break cut (or the middle of a row too tall for
    one page), which the table of the page before goes on with: a page before this one, and no text above the
    box but a running header (a glyph without ink, a space, is no text). A lone ruled row further down the
    page, or on the first page, is a frame or a highlight."""
    if page.number < 2:
        return False
    body_top = page.size[1] * settings.furniture_band_share
    return not any(body_top < char.bottom <= bbox[1] and not char.text.isspace() for char in page.chars)


def chars_by_cell(text: GridText, spans: list[tuple[int, int, int, int]], n_rows: int, n_cols: int) -> list[list[Char]]:
    """The glyphs of each merged cell, by the grid cell holding each glyph's centre."""
    owner = [[0] * n_cols for _ in range(n_rows)]
    for index, (row, col, row_span, col_span) in enumerate(spans):
        for r in range(row, row + row_span):
            for c in range(col, col + col_span):
                owner[r][c] = index
    out: list[list[Char]] = [[] for _ in spans]
    for char, (row, col) in zip(text.chars, text.cells, strict=True):
        out[owner[row][col]].append(char)
    return out


def make_cell(proto: ProtoCell, marks: ShadingMarks, page: int) -> Cell:
    """One model cell with its text, box and shading."""
    text = proto.text()
    words = [word for line in proto.lines for word in line.words]
    return Cell(
        text=text,
        row=proto.row,
        col=proto.col,
        row_span=proto.row_span,
        col_span=proto.col_span,
        shaded=not text and marks.shade(proto.box),
        bbox=proto.box,
        page=page,
        indent=indent_level(proto.lines[0].x0 - proto.box[0]) if proto.lines else 0,
        bold=bool(words) and all(word.bold for word in words),
        italic=bool(words) and all(word.italic for word in words),
    )


class RuledFinder(TableFinder[list[Segment]]):
    """Grids drawn with ruling lines: each connected set of rules is a candidate."""

    def candidates(self, page: PageInput) -> Iterable[list[Segment]]:
        """Connected sets of rules; none on a page so full of rules it is a drawing."""
        segments = page.objects.segments
        if len(segments) > self.settings.max_segments:
            return []
        return rule_groups(merge_segments(segments, self.settings), self.settings.touch_tolerance)

    def build(self, candidate: list[Segment], page: PageInput) -> Table | None:
        return group_to_table(candidate, page, self.settings)
