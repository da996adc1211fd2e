"""Ruled grids refined by their text: rows and columns the drawing leaves out, read from the words.

Many tables rule only some lines: columns ruled in the header alone, or one box around the whole
body. A merged cell whose text falls in separate columns (phrase gaps at the column lines), or a
band whose lines each carry a row of figures, is split back into the cells it holds.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from statistics import median

from extractors.model import BBox
from extractors.pdf.cuts import is_cut_number, ruled_cell_text
from extractors.pdf.objects import Char, Segment
from extractors.pdf.settings import PdfSettings
from extractors.pdf.words import TOP_X0, TextLine, Word, chars_to_lines, chars_to_text, word_gaps
from extractors.wrapping import join_lines

# A phrase may overhang a column line by this much (points) and still sit in one column.
OVERHANG = 1.5
# Lines of different cells are one band line when their tops differ by less than this share of
# their height.
SAME_LINE = 0.5
# Extra space (in line heights) above a band line that marks a new row of text.
ROW_SPACE = 0.4
# A grid column holds columns of its own when at least this many of its lines split at the same gap.
MIN_TEXT_COLUMN_LINES = 2
# A figure as tables print them: 12, 3.4, 1,234, 1 649 692, (5.6), -7%, 12–15, n/a, (X).
NUMBER = re.compile(r"^[(\[]?[-–+±]?[\d.,]+( [\d.,]+)*%?[)\]]?([-–][\d.,]+)?%?$|^(n/?a|-|–|—|\(x\))$", re.IGNORECASE)
# A band is one row per line when this share of its lines fill two or more columns.
FULL_LINE_SHARE = 0.5
# A text this short is a mark ("X", "✓", "xx"), not the rest of a wrapped cell.
MAX_MARK_LENGTH = 2


@dataclass
class ProtoCell:
    """A cell being refined: grid position, spans, its text lines and turned text."""

    row: int
    col: int
    row_span: int
    col_span: int
    lines: list[TextLine] = field(default_factory=list)
    turned: str = ""
    box: BBox = (0.0, 0.0, 0.0, 0.0)

    def text(self) -> str:
        return join_lines([ruled_cell_text(self.lines, self.box), self.turned])


@dataclass
class GridText:
    """A grid's glyphs placed once: the grid cell holding each glyph's centre (the outer rows and columns take
    what lies on the grid's edges), and the upright lines of each grid cell, read once for the column rules
    and the cells that span nothing."""

    chars: list[Char]
    cells: list[tuple[int, int]]  # (row, col) of each glyph
    lines: dict[tuple[int, int], list[TextLine]]

    def column_lines(self, col: int) -> list[TextLine]:
        """The upright lines of a grid column, top to bottom."""
        lines = [line for (_, c), own in self.lines.items() if c == col for line in own]
        lines.sort(key=TOP_X0)
        return lines


def grid_text(chars: list[Char], xs: list[float], ys: list[float], settings: PdfSettings) -> GridText:
    """The glyphs of a grid (between xs and ys) placed in its cells, and each cell's upright lines."""
    x_end, y_end = len(xs) - 1, len(ys) - 1  # bisecting xs[1:x_end] clamps to the outer columns
    cells: list[tuple[int, int]] = []
    upright: dict[tuple[int, int], list[Char]] = {}
    for char in chars:
        cell = (
            bisect_right(ys, (char.top + char.bottom) / 2, 1, y_end) - 1,
            bisect_right(xs, (char.x0 + char.x1) / 2, 1, x_end) - 1,
        )
        cells.append(cell)
        if char.direction == 0:
            own = upright.get(cell)
            if own is None:
                upright[cell] = [char]
            else:
                own.append(char)
    return GridText(chars, cells, {cell: chars_to_lines(own, settings) for cell, own in upright.items()})


def proto_cells(
    spans: list[tuple[int, int, int, int]],
    chars: list[list[Char]],
    text: GridText,
    xs: list[float],
    ys: list[float],
    size: tuple[float, float],
    settings: PdfSettings,
) -> list[ProtoCell]:
    """Cells with their upright lines (turned text kept whole) and grid boxes; `chars` are each span's glyphs
    and `text` the grid's (whose lines a cell spanning nothing takes as they are)."""
    cells = []
    for (row, col, row_span, col_span), own in zip(spans, chars, strict=True):
        turned = [c for c in own if c.direction != 0]
        if row_span == col_span == 1:
            lines = text.lines.get((row, col), [])
        else:
            lines = chars_to_lines([c for c in own if c.direction == 0], settings)
        box = (xs[col], ys[row], xs[col + col_span], ys[row + row_span])
        text_turned = chars_to_text(turned, *size, settings) if turned else ""
        cells.append(ProtoCell(row, col, row_span, col_span, lines, text_turned, box))
    return cells


def text_column_rules(text: GridText, xs: list[float], ys: list[float]) -> list[Segment]:
    """Unruled column lines: where a grid column's text runs in aligned columns of its own, a rule
    for every band whose text does not cross that line."""
    rules: list[Segment] = []
    for col in range(len(xs) - 1):
        lines = text.column_lines(col)
        for x in phrase_gaps(lines, xs[col], xs[col + 1]):
            rules += band_rules(lines, x, ys)
    return rules


def phrase_gaps(lines: list[TextLine], left: float, right: float) -> list[float]:
    """Middles of the column gaps inside (left, right) of a grid column's multi-phrase lines."""
    multi = [line for line in lines if len(line.phrases) >= 2]
    if len(multi) < MIN_TEXT_COLUMN_LINES:
        return []
    inner = (min(line.x0 for line in multi), max(line.x1 for line in multi))
    return [(a + b) / 2 for a, b in word_gaps(multi, left, right) if inner[0] < a and b < inner[1]]


def band_rules(lines: list[TextLine], x: float, ys: list[float]) -> list[Segment]:
    """A rule at x in each band (between ys) where no phrase crosses x."""
    rules = []
    for top, bottom in zip(ys, ys[1:], strict=False):
        band = [line for line in lines if top <= (line.top + line.bottom) / 2 < bottom]
        if not any(p[0].x0 < x < p[-1].x1 for line in band for p in line.phrases):
            rules.append(Segment("v", x, top, x, bottom))
    return rules


def split_columns(cells: list[ProtoCell], xs: list[float]) -> list[ProtoCell]:
    """Spanning cells whose phrases each sit inside one grid column, split into those columns."""
    out: list[ProtoCell] = []
    for cell in cells:
        columns = phrase_columns(cell, xs) if cell.col_span > 1 and not cell.turned else None
        if columns is None:
            out.append(cell)
            continue
        for col in range(cell.col, cell.col + cell.col_span):
            box = (xs[col], cell.box[1], xs[col + 1], cell.box[3])
            out.append(ProtoCell(cell.row, col, cell.row_span, 1, columns.get(col, []), box=box))
    return out


def phrase_columns(cell: ProtoCell, xs: list[float]) -> dict[int, list[TextLine]] | None:
    """The cell's lines cut into grid columns, or None when a phrase crosses a column line."""
    columns: dict[int, list[TextLine]] = {}
    for line in cell.lines:
        for phrase in line.phrases:
            col = column_holding(phrase[0].x0, phrase[-1].x1, xs, cell.col, cell.col + cell.col_span)
            if col is None:
                return None
            columns.setdefault(col, []).append(phrase_line(phrase, line))
    return columns if len(columns) >= 2 else None


def column_holding(x0: float, x1: float, xs: list[float], first: int, end: int) -> int | None:
    """The grid column in [first, end) containing [x0, x1], or None."""
    for col in range(first, end):
        if x0 >= xs[col] - OVERHANG and x1 <= xs[col + 1] + OVERHANG:
            return col
    return None


def phrase_line(phrase: list[Word], line: TextLine) -> TextLine:
    """A one-phrase line (for re-grouping), keeping the source line's box height."""
    return TextLine(
        words=list(phrase),
        x0=phrase[0].x0,
        top=line.top,
        x1=phrase[-1].x1,
        bottom=line.bottom,
        size=line.size,
        phrases=[list(phrase)],
    )


def split_rows(cells: list[ProtoCell], n_rows: int) -> tuple[list[ProtoCell], int]:
    """Blocks of rows holding one row of figures per line (or, in a grid of ruled rows, rows of text
    set apart by space), cut into those rows; the new row count."""
    out: list[ProtoCell] = []
    offset = 0
    for start, end in row_blocks(cells, n_rows):
        block = [cell for cell in cells if start <= cell.row < end]
        sub_rows = band_rows(block, spaced=n_rows > 1 and end - start == 1) if block else None
        if sub_rows:
            out += [replace(cell, row=cell.row + start + offset) for cell in sub_rows]
            height = max(cell.row for cell in sub_rows) + 1
        else:
            out += [replace(cell, row=cell.row + offset) for cell in block]
            height = end - start
        offset += height - (end - start)
    return out, n_rows + offset


def row_blocks(cells: list[ProtoCell], n_rows: int) -> list[tuple[int, int]]:
    """Consecutive row ranges that no merged cell crosses (a row, or rows tied by row spans)."""
    reach = [row + 1 for row in range(n_rows)]
    for cell in cells:
        reach[cell.row] = max(reach[cell.row], cell.row + cell.row_span)
    blocks: list[tuple[int, int]] = []
    start = end = 0
    for row in range(n_rows):
        end = max(end, reach[row])
        if end == row + 1:
            blocks.append((start, end))
            start = end
    return blocks


def band_rows(band: list[ProtoCell], spaced: bool) -> list[ProtoCell] | None:
    """The band's cells cut at each line when it is a stack of rows of figures, or (`spaced`) at the
    lines set off by space; None when it is one row. A frame around a whole borderless table is one
    band: it is not cut by spacing, and is left to the borderless reader."""
    entries = sorted(
        ((line.top, line.bottom, cell, line) for cell in band for line in cell.lines), key=lambda entry: entry[0]
    )
    groups: list[list[tuple[float, float, ProtoCell, TextLine]]] = []
    for entry in entries:
        if groups and entry[0] - groups[-1][0][0] < SAME_LINE * (entry[1] - entry[0]):
            groups[-1].append(entry)
        else:
            groups.append([entry])
    if len(groups) < 2:
        return None
    if is_row_stack(groups):
        starts = [i for i, group in enumerate(groups) if i == 0 or not continues_label(groups[i - 1], group)]
    else:
        starts = spaced_row_starts(groups, min(cell.col for cell in band)) if spaced else []
        if len(starts) < 2:
            return None
    rows: dict[tuple[int, int], ProtoCell] = {}
    index = -1
    for number, group in enumerate(groups):
        index += number in starts
        for _, _, cell, line in group:
            box = (cell.box[0], line.top, cell.box[2], line.bottom)
            proto = rows.setdefault((index, cell.col), ProtoCell(index, cell.col, 1, cell.col_span, [], box=box))
            proto.lines.append(line)
    return list(rows.values())


def spaced_row_starts(groups: list[list[tuple[float, float, ProtoCell, TextLine]]], first_col: int) -> list[int]:
    """Band lines that open a row of text: set off by extra space above and starting the first column
    (a row rule the drawing left out; a paragraph break inside one cell has no new first-column text)."""
    gaps = [group[0][0] - max(entry[1] for entry in above) for above, group in zip(groups, groups[1:], strict=False)]
    usual = median(gaps)
    height = median(entry[1] - entry[0] for group in groups for entry in group)
    starts = [0]
    for i, gap in enumerate(gaps, start=1):
        opens = gap > usual + ROW_SPACE * height and any(entry[2].col == first_col for entry in groups[i])
        if opens and not carries_on(groups[starts[-1] : i], groups[i]):
            starts.append(i)
    return starts


def carries_on(
    row: list[list[tuple[float, float, ProtoCell, TextLine]]], group: list[tuple[float, float, ProtoCell, TextLine]]
) -> bool:
    """True when a band line set off by space only carries on the row above it (a wrapped cell's last line that
    OCR's boxes or the spacing set apart): its texts stand in fewer of the cells than the row fills, in cells the
    row fills, at least one starts lowercase, and none is a figure or a mark."""
    filled = {id(entry[2]) for line in row for entry in line}
    cells = {id(entry[2]) for entry in group}
    texts = [entry[3].text.strip() for entry in group]
    if not cells < filled or not any(text[:1].islower() for text in texts):
        return False
    return not any(NUMBER.match(text) or len(text) <= MAX_MARK_LENGTH for text in texts)


def continues_label(
    above: list[tuple[float, float, ProtoCell, TextLine]], group: list[tuple[float, float, ProtoCell, TextLine]]
) -> bool:
    """True for a band line that carries on the wrapped text above (lowercase start): a line of text
    only, or the figures of a label that wrapped before them (the line above is one lone label)."""
    texts = [entry[3].text for entry in group]
    if not texts[0][:1].islower():
        return False
    lone_label = len(above) == 1 and not NUMBER.match(above[0][3].text)
    return lone_label or not any(NUMBER.match(text) for text in texts)


def is_row_stack(groups: list[list[tuple[float, float, ProtoCell, TextLine]]]) -> bool:
    """True when the band's lines read as separate rows: figures line by line across columns (a section
    number cut over a narrow cell's lines is one figure)."""
    full = sum(1 for group in groups if len({id(entry[2]) for entry in group}) >= 2)
    if full < FULL_LINE_SHARE * len(groups):
        return False
    numeric_columns = 0
    for cell_id in {id(entry[2]) for group in groups for entry in group}:
        texts = [entry[3].text for group in groups for entry in group if id(entry[2]) == cell_id]
        if len(texts) >= 2 and all(NUMBER.match(text) for text in texts) and not is_cut_number(texts):
            numeric_columns += 1
    return numeric_columns >= 1
