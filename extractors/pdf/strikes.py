"""Text struck through in a PDF table: a thin horizontal line drawn across each line of a cell's text at the
height of its lower-case letters' middle, as office programs print struck-through text. The cell is then
`struck`, as the Word and Excel readers set it from the formatting.

An underline (under the baseline), a table's rule (at a cell's edge, or running well past the text across the
cell or the table) and shading (filled boxes taller than a rule) strike nothing."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from extractors.model import Cell, Table
from extractors.pdf.index import CharIndex
from extractors.pdf.objects import Char, Segment

# A strike's height above the baseline, in the font size: a struck line is drawn near half the x-height
# (about 0.25 em); an underline lies under the baseline, and the cap height is about 0.7 em.
STRIKE_LOW_EM = 0.1
STRIKE_HIGH_EM = 0.5
# Glyphs of one text line stand on baselines this close (in their font size).
BASELINE_EM = 0.3
# The strikes of a line cover at least this share of its width ...
COVERED_SHARE = 0.8
# ... and reach at most this far past its ends (in its font size): a rule crossing a cell reaches its edges.
OVERRUN_EM = 1.0


def struck_cells(table: Table, chars: CharIndex, segments: list[Segment]) -> Table:
    """The table with each cell whose every text line is struck through marked `struck`."""
    rules = [segment for segment in segments if segment.orientation == "h"]
    if not rules:
        return table
    cells = tuple(mark_struck(cell, chars, rules) for cell in table.cells)
    return table if cells == table.cells else replace(table, cells=cells)


def mark_struck(cell: Cell, chars: CharIndex, rules: list[Segment]) -> Cell:
    """The cell, `struck` when it holds text and a strike crosses each of its lines."""
    if cell.struck or not cell.text.strip() or cell.bbox is None:
        return cell
    x0, top, x1, bottom = cell.bbox
    inside = [rule for rule in rules if top < rule.top < bottom and rule.x0 < x1 and rule.x1 > x0]
    if not inside:
        return cell  # a strike lies within its text, so within the cell: the table's rules at its edges are not
    lines = text_lines(char for char in chars.inside(cell.bbox) if char.direction == 0 and not char.text.isspace())
    if lines and all(is_struck(line, inside) for line in lines):
        return replace(cell, struck=True)
    return cell


def text_lines(chars: Iterable[Char]) -> list[list[Char]]:
    """Glyphs grouped by the baseline they stand on."""
    lines: list[list[Char]] = []
    for char in sorted(chars, key=lambda c: c.bottom):
        if lines and char.bottom - lines[-1][0].bottom <= BASELINE_EM * max(char.size, 1.0):
            lines[-1].append(char)
        else:
            lines.append([char])
    return lines


def is_struck(line: list[Char], rules: list[Segment]) -> bool:
    """True when thin horizontal lines at strike height cover the line of glyphs from end to end, without
    running far past it."""
    size = max(max(char.size for char in line), 1.0)
    baseline = sorted(char.bottom for char in line)[len(line) // 2]
    x0, x1 = min(char.x0 for char in line), max(char.x1 for char in line)
    low, high = baseline - STRIKE_HIGH_EM * size, baseline - STRIKE_LOW_EM * size
    across = [rule for rule in rules if low <= rule.top <= high and rule.x0 < x1 and rule.x1 > x0]
    if not across or any(rule.x0 < x0 - OVERRUN_EM * size or rule.x1 > x1 + OVERRUN_EM * size for rule in across):
        return False
    return covered(across, x0, x1) >= COVERED_SHARE * (x1 - x0)


def covered(rules: list[Segment], x0: float, x1: float) -> float:
    """How much of [x0, x1] the rules cover."""
    total, reach = 0.0, x0
    for rule in sorted(rules, key=lambda r: r.x0):
        start, end = max(rule.x0, reach), min(rule.x1, x1)
        if end > start:
            total += end - start
            reach = end
    return total
