"""Shading read from filled rectangles under a cell, for every kind of PDF table (ruled or borderless): a
row's background is no mark, and where the document has a legend, only its colours mark a cell."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import replace
from math import isfinite
from operator import itemgetter

from extractors.model import BBox, Table
from extractors.pdf.objects import Fill
from extractors.pdf.settings import PdfSettings
from extractors.pdf.words import TextLine

# Fills of one colour belong to one row when they overlap by this share of the smaller one's height.
SAME_ROW_SHARE = 0.5
# A row's background starts at the table's left edge, give or take this (points).
LEFT_EDGE = 2.0
# Two colour components this close are one colour (rounding in the PDF's colour operators).
COLOUR_TOLERANCE = 0.02
# A legend swatch is at most this wide and high (in the label's font size) ...
SWATCH_MAX_WIDTH_EM = 5.0
SWATCH_MAX_HEIGHT_EM = 3.0
# ... and its label starts within this of its right side.
SWATCH_GAP_EM = 2.0


def mark_fills(fills: list[Fill], table_box: BBox, texts: Iterable[tuple[float, float]]) -> list[Fill]:
    """The coloured fills of a table that may mark a cell (a Gantt bar, a shaded cell): not a row's
    background, told by its colour lying under the row's first cell, text in it, too (zebra stripes or a
    section row's fill painted cell by cell, as browsers print them; a bar with a label on it is still a
    mark). `texts` are the centres of the table's words."""
    x0, top, x1, bottom = table_box
    inside = [f for f in fills if f.x0 < x1 and f.x1 > x0 and f.top < bottom and f.bottom > top and not f.white]
    edge = [fill for fill in inside if fill.x0 <= table_box[0] + LEFT_EDGE]
    points = sorted(texts, key=itemgetter(1)) if edge else []
    ys = [y for _, y in points]
    backgrounds = [fill for fill in edge if holds_any(fill, points, ys)]
    return [fill for fill in inside if not any(same_band(fill, other) for other in backgrounds)]


def holds_any(fill: Fill, points: list[tuple[float, float]], ys: list[float]) -> bool:
    """True when one of the points (sorted by y, whose ys are `ys`) lies inside the fill."""
    start, end = bisect_left(ys, fill.top), bisect_right(ys, fill.bottom)
    return any(fill.x0 <= x <= fill.x1 for x, _ in points[start:end])


def overlaps(fill: Fill, box: BBox) -> bool:
    """True when a fill and a box share some area."""
    return fill.x0 < box[2] and fill.x1 > box[0] and fill.top < box[3] and fill.bottom > box[1]


def holds(fill: Fill, point: tuple[float, float]) -> bool:
    """True when a point lies inside a fill."""
    return fill.x0 <= point[0] <= fill.x1 and fill.top <= point[1] <= fill.bottom


def same_band(fill: Fill, other: Fill) -> bool:
    """True when two fills have one colour and share most of their height: one row's background."""
    shared = min(fill.bottom, other.bottom) - max(fill.top, other.top)
    height = min(fill.bottom - fill.top, other.bottom - other.top)
    return fill.color == other.color and shared >= SAME_ROW_SHARE * height


class ShadingMarks:
    """A table's mark fills (see `mark_fills`) narrower than its banding width (a Gantt bar, a shaded cell; not a
    zebra band or a row's background), sorted by top, so that a cell looks only at the fills that may reach it."""

    def __init__(self, fills: list[Fill], table_box: BBox, settings: PdfSettings) -> None:
        width = settings.banding_share * (table_box[2] - table_box[0])
        narrow = [(fill.top, order, fill) for order, fill in enumerate(fills) if fill.x1 - fill.x0 < width]
        tallest = max((fill.bottom - fill.top for _, _, fill in narrow), default=0.0)
        self.share = settings.shaded_share
        self.indexed = all(isfinite(top) for top, _, _ in narrow) and isfinite(tallest)
        if self.indexed:
            narrow.sort(key=itemgetter(0, 1))
        self.narrow = narrow
        self.tops = [top for top, _, _ in narrow]
        self.tallest = tallest

    def reaching(self, box: BBox) -> list[Fill]:
        """The fills that may overlap the box, in the order of the table's fills (a superset: those whose top
        lies between the box's top less the tallest fill and its bottom)."""
        if not self.indexed:
            return [fill for _, _, fill in self.narrow]
        start, end = bisect_left(self.tops, box[1] - self.tallest), bisect_left(self.tops, box[3])
        return [fill for _, _, fill in sorted(self.narrow[start:end], key=itemgetter(1))]

    def shade(self, box: BBox) -> bool:
        """True when the fills cover most of the box."""
        area = (box[2] - box[0]) * (box[3] - box[1])
        if area <= 0:
            return False
        covered = 0.0
        for fill in self.reaching(box):
            width = min(fill.x1, box[2]) - max(fill.x0, box[0])
            height = min(fill.bottom, box[3]) - max(fill.top, box[1])
            if width > 0 and height > 0:
                covered += width * height
        return covered >= self.share * area


def same_colour(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    """True for two colours of one colour space within rounding of each other."""
    return len(a) == len(b) and all(abs(x - y) <= COLOUR_TOLERANCE for x, y in zip(a, b, strict=True))


def legend_swatches(fills: list[Fill], lines: list[TextLine], tables: list[BBox]) -> list[tuple[float, ...]]:
    """The colours a legend keys to a label: small coloured boxes outside the tables with a line of text
    starting just to their right ("[blue] Planned month"), as a legend table or a legend line shows them."""
    colours: list[tuple[float, ...]] = []
    for fill in fills:
        if fill.white or any(overlaps(fill, box) for box in tables):
            continue
        labelled = any(labels(fill, line) for line in lines)
        if labelled and not any(same_colour(fill.color, colour) for colour in colours):
            colours.append(fill.color)
    return colours


def labels(fill: Fill, line: TextLine) -> bool:
    """True when a line is the label of a swatch: the box is the size of a few glyphs, holds no text, and
    the line starts just right of it at its height."""
    size = max(line.size, 1.0)
    small = fill.x1 - fill.x0 <= SWATCH_MAX_WIDTH_EM * size and fill.bottom - fill.top <= SWATCH_MAX_HEIGHT_EM * size
    middle = (line.top + line.bottom) / 2
    beside = 0 <= line.x0 - fill.x1 <= SWATCH_GAP_EM * size and fill.top <= middle <= fill.bottom
    return small and beside


def legend_shading(table: Table, fills: list[Fill], legend: list[tuple[float, ...]], settings: PdfSettings) -> Table:
    """A table whose shaded cells are kept only where a colour of the document's legend covers them: a
    fill of another colour (a greyed-out season, a header's band) marks nothing the legend names."""
    keyed = [fill for fill in fills if any(same_colour(fill.color, colour) for colour in legend)]
    marks = ShadingMarks(keyed, table.bbox or (0.0, 0.0, 0.0, 0.0), settings)
    cells = tuple(cell for cell in table.cells if not cell.shaded or cell.bbox is None or marks.shade(cell.bbox))
    return table if len(cells) == len(table.cells) else replace(table, cells=cells)
