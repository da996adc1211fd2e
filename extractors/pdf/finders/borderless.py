"""Borderless tables: columns from the alignment of words, rows from lines and their wrapping."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from extractors.model import BBox, Cell, Table, indent_level
from extractors.pdf.cuts import (
    MAX_BROKEN_TAIL,
    MAX_NARROW_TAIL,
    broken_by_hand,
    is_cut_word,
    joins_known_word,
    paragraphs_text,
    whole_words,
)
from extractors.pdf.finders.base import PageInput, TableFinder
from extractors.pdf.finders.borderless_columns import (
    Columns,
    column_separators,
    is_mark,
    largest_cluster,
    word_centre,
    word_space,
)
from extractors.pdf.finders.borderless_rows import (
    RowCues,
    continues_row,
    line_flows,
    rows_stand_apart,
    spaced_rows,
    vertical_gap,
)
from extractors.pdf.objects import Fill
from extractors.pdf.settings import PdfSettings
from extractors.pdf.shading import ShadingMarks, holds, mark_fills
from extractors.pdf.words import TextLine, Word, column_starts, word_gaps
from extractors.wrapping import separate_names

# Up to this many single-phrase lines in a row may sit inside a table (wrapped cells, section rows).
MAX_SINGLE_RUN = 3
# A table needs at least this many lines split into two or more phrases.
MIN_MULTI_LINES = 2
# Columns whose cells hold this many words or more (median) are prose set in columns, not a table.
PROSE_WORDS = 5
# A list item's mark: a bullet glyph, or a number or letter followed by '.' or ')'.
LIST_MARK = re.compile(r"^([•▪◦●○■□➢►\-–*·\uf0b7\uf0a7o]|\(?(\d{1,2}|[a-z]|[ivx]{1,4})[.)])$")
# A wrapped cell line sits in one column: at most this share of the width of the line above.
WRAP_MAX_WIDTH = 0.6
# A table's header is within its first lines; a later line repeating one starts another table.
HEADER_LINES = 3
# Lines of figures may repeat without being a header.
NUMBER_LIKE = re.compile(r"^[\d\s.,%()\-–]*$")
# A single line this close (line heights) above a table's first row is part of its header.
HEADER_GAP = 0.5
# A column gap crossed by this many phrases of one line holds as many columns, headed by them.
MIN_HEADED_COLUMNS = 2
# A header word with this many marks of later lines starting below it (within ALIGNED_STARTS points) heads a
# column of its own inside a gap the few words let through (a quarter marked in two rows).
MIN_MARKED = 2
ALIGNED_STARTS = 1.0
# Two runs of table lines parted by a blank band up to this high (line heights: an empty spacer row, a band
# row's padding in a sheet printed without gridlines) are one table when the lower one fits the upper's columns.
MAX_SPACER_GAP = 6.0


@dataclass
class Region:
    """Consecutive text lines that look like one table."""

    lines: list[TextLine]

    @property
    def multi(self) -> list[TextLine]:
        return [line for line in self.lines if is_table_line(line)]


def is_table_line(line: TextLine) -> bool:
    """True for a line split into phrases, one of them short (two runs of prose are text columns);
    a list item's bullet or number is no column."""
    phrases = line.phrases[1:] if LIST_MARK.match(line.phrases[0][0].text) else line.phrases
    return len(phrases) >= 2 and any(len(phrase) < PROSE_WORDS for phrase in phrases)


def find_regions(lines: list[TextLine], settings: PdfSettings) -> list[Region]:
    """Runs of lines dominated by table lines, with the header lines just above them."""
    regions: list[Region] = []
    run: list[TextLine] = []
    singles = 0
    for index, line in enumerate(lines):
        if run and vertical_gap(run[-1], line) > settings.max_row_gap_em * max(line.size, 1.0):
            close_run(run, regions, settings)
            run, singles = [], 0
        if run and repeats_header(run, line):
            close_run(run, regions, settings)
            run, singles = [line], 0
            continue
        if is_table_line(line):
            if not run:
                run = header_lines(lines, index, regions)
            run.append(line)
            singles = 0
        elif run and is_wrap(run, line, min(other.x0 for other in run), settings):
            run.append(line)
        elif run and singles < MAX_SINGLE_RUN:
            run.append(line)
            singles += 1
        else:
            close_run(run, regions, settings)
            run, singles = [], 0
    close_run(run, regions, settings)
    return join_spaced_parts(regions, lines, settings)


def join_spaced_parts(regions: list[Region], lines: list[TextLine], settings: PdfSettings) -> list[Region]:
    """Regions with each run that carries on the one above it after a blank band joined to it: the groups of
    one table parted by spacer rows, whose columns are then found over the whole table."""
    position = {id(line): index for index, line in enumerate(lines)}
    joined: list[Region] = []
    for region in regions:
        if joined and continues_after_spacer(joined[-1], region, position, settings):
            joined[-1] = Region(joined[-1].lines + region.lines)
        else:
            joined.append(region)
    return joined


def continues_after_spacer(upper: Region, lower: Region, position: dict[int, int], settings: PdfSettings) -> bool:
    """True when `lower` follows `upper` with nothing between them but a blank band of at most a few lines,
    opens at its left edge without repeating its header, and no word of its table lines crosses where a column
    of `upper` starts: the rest of the same table past a spacer row (a table of its own would bring its own
    header or columns)."""
    last, first = upper.lines[-1], lower.lines[0]
    if position[id(first)] != position[id(last)] + 1:
        return False
    if vertical_gap(last, first) > MAX_SPACER_GAP * max(first.size, 1.0):
        return False
    tolerance = settings.align_tolerance
    if abs(min(line.x0 for line in upper.lines) - min(line.x0 for line in lower.lines)) > tolerance:
        return False
    if any(repeats_header(upper.lines, line) for line in lower.lines[:HEADER_LINES]):
        return False
    gaps = column_gaps(upper)
    words = [word for line in lower.multi for word in line.words]
    return bool(gaps) and not any(word.x0 + 1 < b < word.x1 - 1 for _, b in gaps for word in words)


def repeats_header(run: list[TextLine], line: TextLine) -> bool:
    """True when a line repeats one of the run's first lines: the header of a second table below (figures, or
    marks of one glyph each, "X  X", repeat without being one)."""
    text = line.text
    marks = all(len(word.text) == 1 for word in line.words)
    return not NUMBER_LIKE.match(text) and not marks and any(text == first.text for first in run[:HEADER_LINES])


def is_wrap(above: list[TextLine], line: TextLine, left: float, settings: PdfSettings) -> bool:
    """True for a single line set tight under the lines `above` it, carrying on one of the cells of their
    row: with a lowercase start, narrow or within the column of a cell of the row's last table line; or
    aligned under a cell of the line above that is not the table's first column (`left` its edge)."""
    previous = above[-1]
    if len(line.phrases) != 1 or vertical_gap(previous, line) > settings.wrap_gap_em * max(line.size, 1.0):
        return False
    tolerance = settings.align_tolerance
    if line.text[:1].islower():
        row = next((other for other in reversed(above) if is_table_line(other)), None)
        narrow = line.x1 - line.x0 <= WRAP_MAX_WIDTH * (previous.x1 - previous.x0)
        if narrow or (row is not None and within_cell(row, line, tolerance)):
            return True
    under_cell = any(abs(phrase[0].x0 - line.x0) <= tolerance for phrase in previous.phrases)
    return under_cell and line.x0 > left + tolerance


def within_cell(row: TextLine, line: TextLine, tolerance: float) -> bool:
    """True when a line starts under a phrase of a table line and ends before that line's next phrase:
    it stays in that phrase's column."""
    for index, phrase in enumerate(row.phrases[:-1]):
        if abs(phrase[0].x0 - line.x0) <= tolerance:
            return line.x1 < row.phrases[index + 1][0].x0
    return False


def header_lines(lines: list[TextLine], start: int, regions: list[Region]) -> list[TextLine]:
    """The single lines set tight above a table's first row (its header), not in an earlier table."""
    taken = {id(line) for region in regions for line in region.lines}
    header: list[TextLine] = []
    below = lines[start]
    for line in reversed(lines[max(0, start - MAX_SINGLE_RUN) : start]):
        if id(line) in taken or vertical_gap(line, below) > HEADER_GAP * max(line.size, 1.0):
            break
        header.insert(0, line)
        below = line
    return header


def close_run(run: list[TextLine], regions: list[Region], settings: PdfSettings) -> None:
    """Keep a run as a region when table lines outnumber the lone lines (headings, prose) in it;
    trim trailing single lines."""
    left = min((line.x0 for line in run), default=0.0)
    while run and not is_table_line(run[-1]) and not (len(run) > 1 and is_wrap(run[:-1], run[-1], left, settings)):
        run.pop()
    region = Region(list(run))
    singles = sum(
        1
        for index, line in enumerate(run[1:], start=1)
        if not is_table_line(line) and not is_wrap(run[:index], line, left, settings)
    )
    if len(region.multi) >= max(MIN_MULTI_LINES, singles):
        regions.append(region)


def column_gaps(region: Region) -> list[tuple[float, float]]:
    """X ranges crossed by (almost) no word of the table lines and wider than a space: column gaps; a gap that
    one line's phrases cross side by side (the headers of columns holding shading alone, a month Gantt's) is
    split between them."""
    left = min(line.x0 for line in region.lines)
    right = max(line.x1 for line in region.lines)
    return [
        part
        for gap in word_gaps(region.multi, left, right, edges=True)
        for headed in headed_parts(gap, region.multi)
        for part in marked_parts(headed, region.multi)
    ]


def headed_parts(gap: tuple[float, float], lines: list[TextLine]) -> list[tuple[float, float]]:
    """A column gap split between the phrases of the header line (one of the first) that crosses it with the
    most of them (when at least MIN_HEADED_COLUMNS): the gaps between columns headed by those phrases, whose
    body holds no word."""
    a, b = gap
    header = lines[:HEADER_LINES]
    inside = [[phrase for phrase in line.phrases if a <= phrase[0].x0 and phrase[-1].x1 <= b] for line in header]
    phrases = max(inside, key=len, default=[])
    if len(phrases) < MIN_HEADED_COLUMNS:
        return [gap]
    edges = [a, *(x for phrase in phrases for x in (phrase[0].x0, phrase[-1].x1)), b]
    return [(edges[i], edges[i + 1]) for i in range(0, len(edges), 2) if edges[i + 1] > edges[i]]


def marked_parts(gap: tuple[float, float], lines: list[TextLine]) -> list[tuple[float, float]]:
    """A column gap split around a sparse column inside it: a header word of one of the first lines with marks of
    later lines starting at the same x below it (a quarter's few marks), which the gap let through as strays."""
    a, b = gap
    inside = [(index, word) for index, line in enumerate(lines) for word in line.words if a < word.x0 and word.x1 < b]
    for index, head in inside:
        if index >= HEADER_LINES:
            break
        below = [
            word
            for other, word in inside
            if other > index and is_mark(word) and abs(word.x0 - head.x0) <= ALIGNED_STARTS
        ]
        if len(below) >= MIN_MARKED:
            column = [head, *below]
            return [(a, head.x0), (max(word.x1 for word in column), b)]
    return [gap]


def rows_of(region: Region, columns: Columns, settings: PdfSettings) -> list[list[list[list[Word]]]]:
    """Rows of cells (each a list of its lines' words), wrapped lines joined to their row."""
    rows: list[list[list[list[Word]]]] = []
    line_cells = [columns.of_line(line) for line in region.lines]
    flows = line_flows(region.lines, line_cells, settings)
    if rows_stand_apart(flows):
        return spaced_rows(line_cells, flows, columns.count)
    cues = RowCues.of(region.lines, line_cells, columns, settings)
    for index, (line, cells) in enumerate(zip(region.lines, line_cells, strict=True)):
        texts = {col: " ".join(word.text for word in words) for col, words in cells.items()}
        previous = (region.lines[index - 1], line_cells[index - 1]) if index else None
        if previous is None or not continues_row(rows[-1], texts, previous, (line, cells), cues, settings):
            rows.append([[] for _ in range(columns.count)])
        for col, words in cells.items():
            rows[-1][col].append(words)
    return rows


@dataclass(frozen=True)
class ColumnEdge:
    """Where a column's text starts on the left and ends on the right, and whether only single words reach there
    (a column too narrow for its words, where a word cut at the edge may leave a longer tail)."""

    left: float
    right: float
    narrow: bool


def cell_text(lines: list[list[Word]], edge: ColumnEdge, wrap_gap_em: float) -> str:
    """A cell's lines as one text; a word the cell was too narrow for, broken at its right edge without a
    hyphen ("Complet" / "ed"), joined back; a line broken by hand (the column had room for more, or a paragraph's
    spacing stands above the next line: wider than `wrap_gap_em` of the font size) ends a line."""
    paragraphs: list[list[str]] = []
    for index, words in enumerate(lines):
        text = " ".join(word.text for word in words)
        if paragraphs and (
            broken_at_edge(lines[index - 1], words[0], edge) or joins_known_word(paragraphs[-1][-1], text)
        ):
            paragraphs[-1][-1] += text
        elif (
            paragraphs
            and not broken_by_hand(lines[index - 1], words[0], edge.right - edge.left)
            and not separate_names(paragraphs[-1][-1], text)
            and words[0].top - max(word.bottom for word in lines[index - 1]) <= wrap_gap_em * words[0].size
        ):
            paragraphs[-1].append(text)
        else:
            paragraphs.append([text])
    return paragraphs_text(paragraphs)


def reaches_edge(words: list[Word], right: float) -> bool:
    """True when a line ends less than a glyph's width (of its last word) from the column's right edge."""
    word = words[-1]
    return word.x1 >= right - (word.x1 - word.x0) / max(len(word.text), 1)


def broken_at_edge(words: list[Word], tail: Word, edge: ColumnEdge) -> bool:
    """True when a line of one word reaches the column's right edge and the next line opens with the rest
    of it: a word or number too long for the cell, cut where it met the edge ("Complet" / "ed", "1.1." / "1")."""
    if len(words) != 1 or not reaches_edge(words, edge.right):
        return False
    cut = is_cut_word(words[0].text, tail.text, MAX_NARROW_TAIL if edge.narrow else MAX_BROKEN_TAIL)
    return cut and not whole_words(words[0].text, tail.text)


def column_edges(rows: list[list[list[list[Word]]]], separators: tuple[float, ...]) -> list[ColumnEdge]:
    """Each column's left and right edges (the farthest its words reach, a phrase running on across the next
    separator, such as a section label, left out) and whether it is narrow."""
    edges = []
    for c, limit in enumerate((*separators, float("inf"))):
        lines = [words for row in rows for words in row[c] if words and words[-1].x1 <= limit]
        left = min((words[0].x0 for words in lines), default=0.0)
        right = max((words[-1].x1 for words in lines), default=0.0)
        narrow = not any(len(words) > 1 and reaches_edge(words, right) for words in lines)
        edges.append(ColumnEdge(left, right, narrow))
    return edges


def region_to_table(region: Region, page: int, fills: list[Fill], settings: PdfSettings) -> Table | None:
    """The table of a region; None when its columns read as prose or there is only one. Its confidence
    holds how well its columns line up."""
    gaps = column_gaps(region)
    if not gaps:
        return None
    bars = empty_fills(region, fills, settings)
    bbox = (
        min([line.x0 for line in region.lines] + [bar.x0 for bar in bars]),
        region.lines[0].top,
        max([line.x1 for line in region.lines] + [bar.x1 for bar in bars]),
        region.lines[-1].bottom,
    )
    separators = column_separators(gaps, bars, bbox, settings.align_tolerance)
    columns = Columns(separators, word_space(region.lines), column_starts(region.multi, gaps))
    rows = rows_of(region, columns, settings)
    edges = column_edges(rows, columns.separators)
    grid = [[cell_text(lines, edges[c], settings.wrap_gap_em) for c, lines in enumerate(row)] for row in rows]
    if is_prose(grid) or sum(1 for row in grid if sum(1 for text in row if text) >= 2) < MIN_MULTI_LINES:
        return None
    aligned = alignment_share(region, columns, settings.align_tolerance)
    if aligned < settings.min_aligned_share:
        return None
    boxes = cell_boxes(rows, columns.separators, bbox)
    centres = (word_centre(word) for line in region.lines for word in line.words)
    marks = ShadingMarks(mark_fills(fills, bbox, centres), bbox, settings)
    cells = tuple(
        set_cell(
            Cell(text=text, row=r, col=c, page=page, bbox=box, shaded=not text and marks.shade(box)),
            rows[r][c],
            edges[c],
        )
        for r, row in enumerate(grid)
        for c, (text, box) in enumerate(zip(row, boxes[r], strict=True))
        if text or marks.shade(box)
    )
    return Table(cells=cells, n_rows=len(grid), n_cols=len(grid[0]), page=page, bbox=bbox, confidence=aligned)


def set_cell(cell: Cell, lines: list[list[Word]], edge: ColumnEdge) -> Cell:
    """The cell with how its text `lines` is set: its indent level (the first line's offset from where its column's
    text starts furthest left: a borderless table has no cell edge to measure from) and whether all of it is bold
    or italic."""
    words = [word for line in lines for word in line]
    if not words:
        return cell
    indent = indent_level(lines[0][0].x0 - edge.left)
    return replace(cell, indent=indent, bold=all(w.bold for w in words), italic=all(w.italic for w in words))


def empty_fills(region: Region, fills: list[Fill], settings: PdfSettings) -> list[Fill]:
    """Coloured fills in the region that hold no word and are narrower than the region (Gantt bars, shaded
    cells; not zebra bands or a row's background): their sides are the sides of cells."""
    x0 = min(line.x0 for line in region.lines)
    x1 = max(line.x1 for line in region.lines)
    top, bottom = region.lines[0].top, region.lines[-1].bottom
    words = [word for line in region.lines for word in line.words]
    return [
        fill
        for fill in fills
        if not fill.white
        and fill.x1 - fill.x0 < settings.banding_share * (x1 - x0)
        and fill.x0 < x1
        and fill.x1 > x0
        and fill.top < bottom
        and fill.bottom > top
        and not any(holds(fill, word_centre(word)) for word in words)
    ]


def cell_boxes(rows: list[list[list[list[Word]]]], separators: tuple[float, ...], bbox: BBox) -> list[list[BBox]]:
    """Each cell's box: between its column's separators, from its row's first line to the next row's."""
    xs = [bbox[0], *separators, bbox[2]]
    tops = [min(word.top for cell in row for words in cell for word in words) for row in rows] + [bbox[3]]
    return [[(xs[c], tops[r], xs[c + 1], tops[r + 1]) for c in range(len(separators) + 1)] for r in range(len(rows))]


def alignment_share(region: Region, columns: Columns, tolerance: float) -> float:
    """How well the cells of the columns after the first line up (left, right or centre): near 1 in a
    table, low in prose whose word gaps happen to line up."""
    edges: dict[int, list[tuple[float, float, float]]] = {}
    for line in region.multi:
        for col, words in columns.of_line(line).items():
            if col > 0:
                x0, x1 = words[0].x0, words[-1].x1
                edges.setdefault(col, []).append((x0, x1, (x0 + x1) / 2))
    aligned = total = 0
    for entries in edges.values():
        total += len(entries)
        aligned += max(largest_cluster([entry[k] for entry in entries], tolerance) for k in range(3))
    return aligned / total if total else 0.0


def is_prose(grid: list[list[str]]) -> bool:
    """True when every column's typical cell is a run of words: text set in columns."""
    n_cols = len(grid[0])
    for col in range(n_cols):
        counts = sorted(len(row[col].split()) for row in grid if row[col])
        if not counts or counts[len(counts) // 2] < PROSE_WORDS:
            return False
    return True


class BorderlessFinder(TableFinder[Region]):
    """Tables without rules: runs of text lines split in aligned columns are the candidates."""

    def candidates(self, page: PageInput) -> Iterable[Region]:
        return find_regions(page.lines, self.settings)

    def build(self, candidate: Region, page: PageInput) -> Table | None:
        return region_to_table(candidate, page.number, page.objects.fills, self.settings)
