"""Borderless tables: columns from the alignment of words, rows from lines and their wrapping."""

from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import median

from extractors.model import BBox, Cell, Table
from extractors.pdf_words import TextLine, Word, word_gaps
from extractors.wrapping import join_lines

# A run of table lines breaks at a vertical gap above this many line heights (a blank band).
MAX_ROW_GAP = 2.6
# Up to this many single-phrase lines in a row may sit inside a table (wrapped cells, section rows).
MAX_SINGLE_RUN = 3
# Columns found from alignment alone are less certain than ruled ones.
BORDERLESS_CONFIDENCE = 0.7
# A table needs at least this many lines split into two or more phrases.
MIN_MULTI_LINES = 2
# A word crossing a column gap joins the word before it when their gap is below this share of the
# font size (a spanning phrase); otherwise it goes to its own column.
SPANNING_WORD_GAP = 0.35
# Columns whose cells hold this many words or more (median) are prose set in columns, not a table.
PROSE_WORDS = 5
# A list item's mark: a bullet glyph, or a number or letter followed by '.' or ')'.
LIST_MARK = re.compile(r"^([•▪◦●○■□➢►\-–*·\uf0b7\uf0a7o]|\(?(\d{1,2}|[a-z]|[ivx]{1,4})[.)])$")
# A wrapped cell line sits in one column: at most this share of the width of the line above.
WRAP_MAX_WIDTH = 0.6
# Cells of a column line up (left, right or centre) within this distance (points).
ALIGN_TOLERANCE = 2.0
# Below this share of aligned cells, a region's "columns" are chance gaps in prose.
MIN_ALIGNED_SHARE = 0.5
# A table's header is within its first lines; a later line repeating one starts another table.
HEADER_LINES = 3
# Lines of figures may repeat without being a header.
NUMBER_LIKE = re.compile(r"^[\d\s.,%()\-–]*$")
# A single line this close (line heights) above a table's first row is part of its header.
HEADER_GAP = 0.5
# A wrapped line starts a new row unless it follows within this many line heights.
WRAP_GAP = 0.8
# A line pitch this share of the font size wider than the tight (wrapped-line) pitch is a row's padding:
# LibreOffice's default cell margins make 1 pt at 10.5 pt; a rounding jitter stays below 0.05 pt.
ROW_PITCH_STEP = 0.05
# The tight pitch is read at this quantile (1/n) of a region's pitches, so a stray narrow one is not it.
PITCH_QUANTILE = 5
# A word cut by a too narrow cell leaves at most this many letters for the next line ("Complet" / "ed");
# longer tails are whole words wrapped in the usual way.
MAX_BROKEN_TAIL = 2
# A section number (1, 1.2, 1.2.3, with or without a closing point) that a narrow cell may cut in two.
SECTION_NUMBER = re.compile(r"^\d{1,3}(\.\d{1,3})+\.?$")
# A cell of figures (12, 3.4, 1,234, (5.6), -7%; not a section number "1.2."): a padded row never wraps
# onto one.
FIGURES = re.compile(r"^[(\[]?[-–+±$€£]?\d([\d.,]*\d)?%?[)\]]?$")
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


def find_regions(lines: list[TextLine]) -> list[Region]:
    """Runs of lines dominated by table lines, with the header lines just above them."""
    regions: list[Region] = []
    run: list[TextLine] = []
    singles = 0
    for index, line in enumerate(lines):
        if run and vertical_gap(run[-1], line) > MAX_ROW_GAP * max(line.size, 1.0):
            close_run(run, regions)
            run, singles = [], 0
        if run and repeats_header(run, line):
            close_run(run, regions)
            run, singles = [line], 0
            continue
        if is_table_line(line):
            if not run:
                run = header_lines(lines, index, regions)
            run.append(line)
            singles = 0
        elif run and is_wrap(run[-1], line, min(other.x0 for other in run)):
            run.append(line)
        elif run and singles < MAX_SINGLE_RUN:
            run.append(line)
            singles += 1
        else:
            close_run(run, regions)
            run, singles = [], 0
    close_run(run, regions)
    return regions


def repeats_header(run: list[TextLine], line: TextLine) -> bool:
    """True when a line repeats one of the run's first lines: the header of a second table below."""
    text = line.text
    return not NUMBER_LIKE.match(text) and any(text == first.text for first in run[:HEADER_LINES])


def is_wrap(previous: TextLine, line: TextLine, left: float) -> bool:
    """True for a single line set tight under the line above, carrying on one of its cells: narrow with a
    lowercase start, or aligned under a cell that is not the table's first column (`left` its edge)."""
    if len(line.phrases) != 1 or vertical_gap(previous, line) > WRAP_GAP * max(line.size, 1.0):
        return False
    if line.text[:1].islower() and line.x1 - line.x0 <= WRAP_MAX_WIDTH * (previous.x1 - previous.x0):
        return True
    under_cell = any(abs(phrase[0].x0 - line.x0) <= ALIGN_TOLERANCE for phrase in previous.phrases)
    return under_cell and line.x0 > left + ALIGN_TOLERANCE


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


def close_run(run: list[TextLine], regions: list[Region]) -> None:
    """Keep a run as a region when table lines outnumber the lone lines (headings, prose) in it;
    trim trailing single lines."""
    left = min((line.x0 for line in run), default=0.0)
    while run and not is_table_line(run[-1]) and not (len(run) > 1 and is_wrap(run[-2], run[-1], left)):
        run.pop()
    region = Region(list(run))
    singles = sum(
        1
        for above, line in zip(run, run[1:], strict=False)
        if not is_table_line(line) and not is_wrap(above, line, left)
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


def line_to_cells(line: TextLine, separators: list[float]) -> dict[int, list[Word]]:
    """Words of a line by column; a phrase crossing a gap with normal spacing stays whole."""
    cells: dict[int, list[Word]] = {}
    previous: Word | None = None
    column = 0
    for word in line.words:
        own = column_of((word.x0 + word.x1) / 2, separators)
        tight = previous is not None and word.x0 - previous.x1 < SPANNING_WORD_GAP * word.size
        column = column if tight and own > column else own
        cells.setdefault(column, []).append(word)
        previous = word
    return cells


def rows_of(region: Region, separators: list[float]) -> list[list[list[list[Word]]]]:
    """Rows of cells (each a list of its lines' words), wrapped lines joined to their row."""
    rows: list[list[list[list[Word]]]] = []
    line_cells = [line_to_cells(line, separators) for line in region.lines]
    pitch = row_pitch(region.lines, line_cells)
    for index, (line, cells) in enumerate(zip(region.lines, line_cells, strict=True)):
        texts = {col: " ".join(word.text for word in words) for col, words in cells.items()}
        previous = (region.lines[index - 1], line_cells[index - 1]) if index else None
        if previous is None or not continues_row(rows[-1], texts, previous, (line, cells), pitch):
            rows.append([[] for _ in range(len(separators) + 1)])
        for col, words in cells.items():
            rows[-1][col].append(words)
    return rows


def cell_text(lines: list[list[Word]], right: float) -> str:
    """A cell's lines as one text; a word the cell was too narrow for, broken at its right edge without a
    hyphen ("Complet" / "ed"), joined back."""
    texts: list[str] = []
    for index, words in enumerate(lines):
        text = " ".join(word.text for word in words)
        if texts and broken_at_edge(lines[index - 1], words[0], right):
            texts[-1] += text
        else:
            texts.append(text)
    return join_lines(texts)


def broken_at_edge(words: list[Word], tail: Word, right: float) -> bool:
    """True when a line of one word ends less than a glyph's width from the column's right edge and the
    next line opens with the rest of it: a word or number too long for the cell, cut where it met the edge
    ("Complet" / "ed", "1.1." / "1")."""
    if len(words) != 1:
        return False
    word = words[0]
    glyph = (word.x1 - word.x0) / max(len(word.text), 1)
    return word.x1 >= right - glyph and is_cut_word(word.text, tail.text)


def is_cut_word(head: str, tail: str) -> bool:
    """True when `tail` reads as the rest of `head`: a few lowercase letters after a letter, or the digits
    that complete a section number."""
    letters = "".join(char for char in tail if char.isalpha())
    if tail[:1].islower() and head[-1:].isalpha():
        return 0 < len(letters) <= MAX_BROKEN_TAIL
    return tail[:1].isdigit() and bool(SECTION_NUMBER.match(head + tail))


def column_rights(rows: list[list[list[list[Word]]]]) -> list[float]:
    """The right edge of each column's text: the farthest any of its words reaches."""
    n_cols = len(rows[0]) if rows else 0
    return [max((w.x1 for row in rows for words in row[c] for w in words), default=0.0) for c in range(n_cols)]


def row_pitch(lines: list[TextLine], cells: list[dict[int, list[Word]]]) -> float | None:
    """The line pitch (top to top) from which a line opens a new row, when the region sets its rows apart
    from the lines wrapped inside a cell (cell padding: a pitch a little wider than the wrapped lines');
    None when the lines are set alike (rows of one line, or no padding) or no cell wraps."""
    pitches = [b.top - a.top for a, b in zip(lines, lines[1:], strict=False)]
    if len(pitches) < MIN_PITCHES:
        return None
    size = median(line.size for line in lines)
    tight = sorted(pitches)[len(pitches) // PITCH_QUANTILE]
    limit = tight + ROW_PITCH_STEP * size
    wide = sum(1 for pitch in pitches if limit <= pitch <= tight + WRAP_GAP * size)
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
    pitch: float | None,
) -> bool:
    """True when a line is the wrapped continuation of the row above it (a lone label wrapped before its
    figures included)."""
    (above, above_cells), (line, cells) = previous, current
    if vertical_gap(above, line) > WRAP_GAP * max(line.size, 1.0) or weight_changes(above_cells, cells):
        return False
    lone_label = bool(row[0]) and not any(row[1:])
    if lone_label and texts.get(0, "")[:1].islower():
        return True
    if pitch is not None:
        return continues_padded_row(texts, above_cells, line.top - above.top, pitch)
    if any(not row[col] for col in texts):
        return False
    first = texts[min(texts)]
    if first[:1].islower():
        return True
    return 0 not in texts and bool(row[0])


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


def region_to_table(region: Region, page: int) -> Table | None:
    """The table of a region; None when its columns read as prose or there is only one."""
    gaps = column_gaps(region)
    if not gaps:
        return None
    separators = [(a + b) / 2 for a, b in gaps]
    rows = rows_of(region, separators)
    rights = column_rights(rows)
    grid = [[cell_text(lines, rights[c]) for c, lines in enumerate(row)] for row in rows]
    if is_prose(grid) or sum(1 for row in grid if sum(1 for text in row if text) >= 2) < MIN_MULTI_LINES:
        return None
    if alignment_share(region, separators) < MIN_ALIGNED_SHARE:
        return None
    bbox = (
        min(line.x0 for line in region.lines),
        region.lines[0].top,
        max(line.x1 for line in region.lines),
        region.lines[-1].bottom,
    )
    return grid_to_table(grid, page, bbox)


def grid_to_table(grid: list[list[str]], page: int, bbox: BBox) -> Table:
    """A borderless table from rows of texts."""
    cells = tuple(
        Cell(text=text, row=r, col=c, page=page) for r, row in enumerate(grid) for c, text in enumerate(row) if text
    )
    return Table(
        cells=cells, n_rows=len(grid), n_cols=len(grid[0]), page=page, bbox=bbox, confidence=BORDERLESS_CONFIDENCE
    )


def alignment_share(region: Region, separators: list[float]) -> float:
    """How well the cells of the columns after the first line up (left, right or centre): near 1 in a
    table, low in prose whose word gaps happen to line up."""
    edges: dict[int, list[tuple[float, float, float]]] = {}
    for line in region.multi:
        for col, words in line_to_cells(line, separators).items():
            if col > 0:
                x0, x1 = words[0].x0, words[-1].x1
                edges.setdefault(col, []).append((x0, x1, (x0 + x1) / 2))
    aligned = total = 0
    for entries in edges.values():
        total += len(entries)
        aligned += max(largest_cluster([entry[k] for entry in entries]) for k in range(3))
    return aligned / total if total else 0.0


def largest_cluster(values: list[float]) -> int:
    """The most values lying within ALIGN_TOLERANCE of one another."""
    values = sorted(values)
    best = start = 0
    for end, value in enumerate(values):
        while value - values[start] > ALIGN_TOLERANCE:
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


def find_stream_tables(lines: list[TextLine], page: int) -> list[Table]:
    """Borderless tables among a page's upright text lines."""
    return [table for region in find_regions(lines) if (table := region_to_table(region, page)) is not None]
