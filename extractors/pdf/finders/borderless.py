"""Borderless tables: columns from the alignment of words, rows from lines and their wrapping."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from statistics import median

from extractors.model import BBox, Cell, Table
from extractors.pdf.cuts import MAX_BROKEN_TAIL, MAX_NARROW_TAIL, is_cut_word
from extractors.pdf.finders.base import PageInput, TableFinder
from extractors.pdf.objects import Fill
from extractors.pdf.settings import PdfSettings
from extractors.pdf.shading import holds, is_shaded, mark_fills
from extractors.pdf.words import TextLine, Word, word_gaps
from extractors.wrapping import join_lines

# Up to this many single-phrase lines in a row may sit inside a table (wrapped cells, section rows).
MAX_SINGLE_RUN = 3
# A table needs at least this many lines split into two or more phrases.
MIN_MULTI_LINES = 2
# A word crossing a column gap joins the word before it when their gap is below this share of the
# font size, or within this many times the region's usual word space (a font with wide spaces): a
# spanning phrase (a section label across the table); otherwise it goes to its own column.
SPANNING_WORD_GAP = 0.35
SPANNING_SPACES = 1.2
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
# The tight pitch is read at this quantile (1/n) of a region's pitches, so a stray narrow one is not it.
PITCH_QUANTILE = 5
# A cell of figures (12, 3.4, 1,234, (5.6), -7%; not a section number "1.2."): a padded row never wraps
# onto one.
FIGURES = re.compile(r"^[(\[]?[-–+±$€£]?\d([\d.,]*\d)?%?[)\]]?$")
# A pitch of about two wrapped lines' is a blank line between groups of rows, not a row's padding or
# paragraph spacing (Word's 8-10 pt after a paragraph of 11 pt text makes 1.7 times the line pitch).
BLANK_LINE_PITCH = 1.85
# Row padding is told only from this many line pitches (and half as many of each kind).
MIN_PITCHES = 4


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
    return regions


def repeats_header(run: list[TextLine], line: TextLine) -> bool:
    """True when a line repeats one of the run's first lines: the header of a second table below."""
    text = line.text
    return not NUMBER_LIKE.match(text) and any(text == first.text for first in run[:HEADER_LINES])


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


def vertical_gap(above: TextLine, below: TextLine) -> float:
    """White space between two lines (negative when they overlap)."""
    return below.top - above.bottom


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
    """X ranges crossed by (almost) no word of the table lines and wider than a space: column gaps."""
    left = min(line.x0 for line in region.lines)
    right = max(line.x1 for line in region.lines)
    return word_gaps(region.multi, left, right)


def column_of(x: float, separators: list[float]) -> int:
    """Index of the column holding x."""
    return sum(1 for separator in separators if x > separator)


@dataclass(frozen=True)
class Columns:
    """A region's columns: the x of each separator, and the region's usual space between two words of a
    phrase (a phrase crossing a separator with that spacing stays whole: a label across the table)."""

    separators: tuple[float, ...]
    space: float

    @property
    def count(self) -> int:
        return len(self.separators) + 1

    def spanning_gap(self, previous: Word, word: Word) -> float:
        """The widest gap at which `word` carries on the phrase of `previous` across a separator: a share of
        the font size, or for words of text the region's usual word space and a little more."""
        gap = SPANNING_WORD_GAP * word.size
        return max(gap, SPANNING_SPACES * self.space) if is_wordy(previous) and is_wordy(word) else gap

    def of_line(self, line: TextLine) -> dict[int, list[Word]]:
        """The line's words by column."""
        cells: dict[int, list[Word]] = {}
        previous: Word | None = None
        column = 0
        for word in line.words:
            own = column_of((word.x0 + word.x1) / 2, list(self.separators))
            tight = previous is not None and word.x0 - previous.x1 < self.spanning_gap(previous, word)
            column = column if tight and own > column else own
            cells.setdefault(column, []).append(word)
            previous = word
        return cells


def word_space(lines: list[TextLine]) -> float:
    """The usual space between two words of text in a phrase (0 when no phrase has two); figures are left
    out, as narrow columns of figures may stand closer than words."""
    gaps = [
        b.x0 - a.x1
        for line in lines
        for phrase in line.phrases
        for a, b in zip(phrase, phrase[1:], strict=False)
        if is_wordy(a) and is_wordy(b)
    ]
    return median(gaps) if gaps else 0.0


def word_centre(word: Word) -> tuple[float, float]:
    """The middle of a word's box."""
    return (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2


def is_wordy(word: Word) -> bool:
    """True for a word with a letter in it (not a figure, a mark or a date)."""
    return any(char.isalpha() for char in word.text)


def rows_of(region: Region, columns: Columns, settings: PdfSettings) -> list[list[list[list[Word]]]]:
    """Rows of cells (each a list of its lines' words), wrapped lines joined to their row."""
    rows: list[list[list[list[Word]]]] = []
    line_cells = [columns.of_line(line) for line in region.lines]
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
class RowCues:
    """What a region's layout tells of where its rows start: the pitch from which a line opens a row (when
    rows are set apart by padding), how far each column's words reach on the right, the anchor column (the
    one most lines fill: the activity or numbering column, which every row opens) and the word space."""

    pitch: float | None
    rights: tuple[float, ...]
    anchor: int
    space: float

    @classmethod
    def of(
        cls, lines: list[TextLine], cells: list[dict[int, list[Word]]], columns: Columns, settings: PdfSettings
    ) -> RowCues:
        rights = tuple(
            max((words[-1].x1 for line in cells for c, words in line.items() if c == col), default=0.0)
            for col in range(columns.count)
        )
        filled = [sum(1 for line in cells if col in line) for col in range(columns.count)]
        anchor = filled.index(max(filled))
        return cls(row_pitch(lines, cells, settings), rights, anchor, columns.space)

    def wraps(self, col: int, above: dict[int, list[Word]], cells: dict[int, list[Word]]) -> bool:
        """True when the first word of a line's cell in `col` could not have ended the line above in that
        column (it would have run past the column's reach): the cell's text wrapped there."""
        if col not in above or col not in cells:
            return False
        last, first = above[col][-1], cells[col][0]
        space = self.space or SPANNING_WORD_GAP * first.size
        return last.x1 + space + (first.x1 - first.x0) > self.rights[col]


@dataclass(frozen=True)
class ColumnEdge:
    """Where a column's text ends on the right, and whether only single words reach there (a column too
    narrow for its words, where a word cut at the edge may leave a longer tail)."""

    right: float
    narrow: bool


def cell_text(lines: list[list[Word]], edge: ColumnEdge) -> str:
    """A cell's lines as one text; a word the cell was too narrow for, broken at its right edge without a
    hyphen ("Complet" / "ed"), joined back."""
    texts: list[str] = []
    for index, words in enumerate(lines):
        text = " ".join(word.text for word in words)
        if texts and broken_at_edge(lines[index - 1], words[0], edge):
            texts[-1] += text
        else:
            texts.append(text)
    return join_lines(texts)


def reaches_edge(words: list[Word], right: float) -> bool:
    """True when a line ends less than a glyph's width (of its last word) from the column's right edge."""
    word = words[-1]
    return word.x1 >= right - (word.x1 - word.x0) / max(len(word.text), 1)


def broken_at_edge(words: list[Word], tail: Word, edge: ColumnEdge) -> bool:
    """True when a line of one word reaches the column's right edge and the next line opens with the rest
    of it: a word or number too long for the cell, cut where it met the edge ("Complet" / "ed", "1.1." / "1")."""
    if len(words) != 1 or not reaches_edge(words, edge.right):
        return False
    return is_cut_word(words[0].text, tail.text, MAX_NARROW_TAIL if edge.narrow else MAX_BROKEN_TAIL)


def column_edges(rows: list[list[list[list[Word]]]]) -> list[ColumnEdge]:
    """Each column's right edge (the farthest any of its words reaches) and whether it is narrow."""
    n_cols = len(rows[0]) if rows else 0
    edges = []
    for c in range(n_cols):
        lines = [words for row in rows for words in row[c] if words]
        right = max((words[-1].x1 for words in lines), default=0.0)
        narrow = not any(len(words) > 1 and reaches_edge(words, right) for words in lines)
        edges.append(ColumnEdge(right, narrow))
    return edges


def row_pitch(lines: list[TextLine], cells: list[dict[int, list[Word]]], settings: PdfSettings) -> float | None:
    """The line pitch (top to top) from which a line opens a new row, when the region sets its rows apart
    from the lines wrapped inside a cell (cell padding: a pitch a little wider than the wrapped lines');
    None when the lines are set alike (rows of one line, or no padding) or no cell wraps."""
    pitches = [b.top - a.top for a, b in zip(lines, lines[1:], strict=False)]
    if len(pitches) < MIN_PITCHES:
        return None
    size = median(line.size for line in lines)
    tight = sorted(pitches)[len(pitches) // PITCH_QUANTILE]
    limit = tight + settings.row_pitch_step_em * size
    wide = sum(1 for pitch in pitches if limit <= pitch < BLANK_LINE_PITCH * tight)
    wraps = sum(
        1
        for pitch, above, below in zip(pitches, cells, cells[1:], strict=False)
        if pitch < limit and len(below) < len(above) and not holds_figures(below)
    )
    return limit if min(wide, wraps) >= MIN_PITCHES // 2 else None


def holds_figures(cells: dict[int, list[Word]]) -> bool:
    """True when a line has a cell of figures: figures do not wrap, such a line is a row of its own."""
    return any(FIGURES.match(" ".join(word.text for word in words)) for words in cells.values())


def continues_row(
    row: list[list[list[Word]]],
    texts: dict[int, str],
    previous: tuple[TextLine, dict[int, list[Word]]],
    current: tuple[TextLine, dict[int, list[Word]]],
    cues: RowCues,
    settings: PdfSettings,
) -> bool:
    """True when a line is the wrapped continuation of the row above it (a lone label wrapped before its
    figures included). Without padding between rows: a cell going on in lower case where its first word
    could not have ended the line above carries the whole line (a row's cells open on one line; figures do
    not wrap); a line without a first cell goes on with the row unless its anchor cell opens anew (its
    first word would have fitted above)."""
    (above, above_cells), (line, cells) = previous, current
    if vertical_gap(above, line) > settings.wrap_gap_em * max(line.size, 1.0) or weight_changes(above_cells, cells):
        return False
    lone_label = bool(row[0]) and not any(row[1:])
    if lone_label and texts.get(0, "")[:1].islower():
        return True
    if cues.pitch is not None:
        return continues_padded_row(texts, above_cells, line.top - above.top, cues.pitch)
    if any(not row[col] for col in texts):
        return False
    first = texts[min(texts)]
    goes_on = any(text[:1].islower() and cues.wraps(col, above_cells, cells) for col, text in texts.items())
    if first[:1].islower() or (goes_on and not holds_figures(cells)):
        return True
    if 0 in texts or not row[0]:
        return False
    return cues.anchor == 0 or cues.anchor not in texts or cues.wraps(cues.anchor, above_cells, cells)


def continues_padded_row(texts: dict[int, str], above: dict[int, list[Word]], pitch: float, limit: float) -> bool:
    """In a table whose rows are set apart by padding and whose cells start at the row's top: a line goes
    on with its row unless a column starts again after a pause (a cell opens only at the row's top) or
    it follows at a row's pitch (a line in lower case there is a paragraph break inside its cell)."""
    if any(col not in above for col in texts) or holds_figures({col: above[col] for col in texts}):
        return False
    return pitch < limit or texts[min(texts)][:1].islower()


def weight_changes(above: dict[int, list[Word]], cells: dict[int, list[Word]]) -> bool:
    """True when the columns the two lines share switch from all bold to plain (or back) in at least half of
    them: a header row over its body, not a wrapped cell."""
    shared = [col for col in cells if col in above]
    flips = sum(1 for col in shared if all(w.bold for w in above[col]) != all(w.bold for w in cells[col]))
    return bool(shared) and 2 * flips >= len(shared)


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
    columns = Columns(column_separators(gaps, bars, bbox, settings.align_tolerance), word_space(region.lines))
    rows = rows_of(region, columns, settings)
    edges = column_edges(rows)
    grid = [[cell_text(lines, edges[c]) for c, lines in enumerate(row)] for row in rows]
    if is_prose(grid) or sum(1 for row in grid if sum(1 for text in row if text) >= 2) < MIN_MULTI_LINES:
        return None
    aligned = alignment_share(region, columns, settings.align_tolerance)
    if aligned < settings.min_aligned_share:
        return None
    boxes = cell_boxes(rows, columns.separators, bbox)
    marks = mark_fills(fills, bbox, (word_centre(word) for line in region.lines for word in line.words))
    cells = tuple(
        Cell(text=text, row=r, col=c, page=page, bbox=box, shaded=not text and is_shaded(box, marks, bbox, settings))
        for r, row in enumerate(grid)
        for c, (text, box) in enumerate(zip(row, boxes[r], strict=True))
        if text or is_shaded(box, marks, bbox, settings)
    )
    return Table(cells=cells, n_rows=len(grid), n_cols=len(grid[0]), page=page, bbox=bbox, confidence=aligned)


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


def column_separators(
    gaps: list[tuple[float, float]], bars: list[Fill], bbox: BBox, tolerance: float
) -> tuple[float, ...]:
    """Column separators: the middle of each gap between words, or the side of a fill standing in it; and
    the sides of the fills inside the table, which mark columns that hold shading alone (Gantt months)."""
    sides = sorted({x for bar in bars for x in (bar.x0, bar.x1) if bbox[0] + tolerance < x < bbox[2] - tolerance})
    separators = []
    for a, b in gaps:
        inside = [x for x in sides if a - tolerance <= x <= b + tolerance]
        separators.append(inside[0] if inside else (a + b) / 2)
    for x in sides:
        if all(abs(x - separator) > tolerance for separator in separators):
            separators.append(x)
    return tuple(sorted(separators))


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


def largest_cluster(values: list[float], tolerance: float) -> int:
    """The most values lying within `tolerance` of one another."""
    values = sorted(values)
    best = start = 0
    for end, value in enumerate(values):
        while value - values[start] > tolerance:
            start += 1
        best = max(best, end - start + 1)
    return best


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
