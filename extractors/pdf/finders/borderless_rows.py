"""Borderless tables' rows: where a line opens a row and where it carries on the row above (a wrapped cell),
from the padding between rows, the reach of each column and the case and weight of the words; in a table whose rows
stand apart by more than a wrapped line's gap (Word's spacing after each paragraph), from how each column's text
follows the text above it (its cells' own flow)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import median

from extractors.pdf.finders.borderless_columns import SPANNING_WORD_GAP, Columns
from extractors.pdf.settings import PdfSettings
from extractors.pdf.words import TextLine, Word

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
# A cell's text whose top lies this far (of the font size) below its line's top sits on a lower baseline: set at
# its own offset beside cells that start on the line (a tall or merged cell carried on beside a row's first line).
BASELINE_SHIFT_EM = 0.1
# A table's rows stand apart when at least this many lines start two cells or more after a gap wider than a wrapped
# line's in each of their columns, and more than this many times the lines that do so beside a cell carried on.
MIN_SPACED_OPENINGS = 2
SPACED_OPENING_RATIO = 2


def vertical_gap(above: TextLine, below: TextLine) -> float:
    """White space between two lines (negative when they overlap)."""
    return below.top - above.bottom


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
    not wrap) unless its anchor cell opens anew in capitals; a line without a first cell goes on with the row
    unless its anchor cell opens anew (its first word would have fitted above)."""
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
    if first[:1].islower() or (
        goes_on and not holds_figures(cells) and not opens_anchor(texts, above_cells, cells, cues)
    ):
        return True
    if 0 in texts or not row[0]:
        return False
    return cues.anchor == 0 or cues.anchor not in texts or cues.wraps(cues.anchor, above_cells, cells)


def opens_anchor(
    texts: dict[int, str], above: dict[int, list[Word]], cells: dict[int, list[Word]], cues: RowCues
) -> bool:
    """True when a line's anchor cell opens anew: a capital that would have fitted on the line above in that
    column (a new row's activity, whatever a lowercase cell beside it, "all partners", says)."""
    anchor = texts.get(cues.anchor, "")
    return anchor[:1].isupper() and cues.anchor in above and not cues.wraps(cues.anchor, above, cells)


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


@dataclass(frozen=True)
class LineFlow:
    """How a line's cells follow the text above them in their columns: `tight` the columns whose text goes on
    within a wrapped line's gap (a cell carried on; `lower` those of them set on a lower baseline than the line's
    top), `wide` the columns whose text starts after a wider gap or anew; `running` when some column's text ends
    within a wrapped line's gap above the line (the row above it is not over there)."""

    tight: frozenset[int]
    lower: frozenset[int]
    wide: frozenset[int]
    running: bool

    @property
    def opens_cells(self) -> bool:
        """True when the line starts two cells or more anew and carries on none right of the first of them: the
        first line of a row (a cell carried on left of it is a merged cell of the row above, an objective written
        once for its activities; cells carried on among new ones are a row going on past typed line breaks)."""
        return len(self.wide) >= 2 and all(col < min(self.wide) for col in self.tight)


def line_flows(lines: list[TextLine], cells: list[dict[int, list[Word]]], settings: PdfSettings) -> list[LineFlow]:
    """Each line's flow, from the bottom of the last text above it in each column."""
    bottoms: dict[int, float] = {}
    flows = []
    for line, line_cells in zip(lines, cells, strict=True):
        size = max(line.size, 1.0)
        wrap = settings.wrap_gap_em * size
        tops = {col: min(word.top for word in words) for col, words in line_cells.items()}
        tight = {col for col, top in tops.items() if col in bottoms and top - bottoms[col] <= wrap}
        lower = {col for col in tight if tops[col] - line.top > BASELINE_SHIFT_EM * size}
        running = any(line.top - bottom <= wrap for bottom in bottoms.values())
        flows.append(LineFlow(frozenset(tight), frozenset(lower), frozenset(set(tops) - tight), running))
        bottoms.update({col: max(word.bottom for word in words) for col, words in line_cells.items()})
    return flows


def rows_stand_apart(flows: list[LineFlow]) -> bool:
    """True when the region's rows are set apart by more than a wrapped line's gap: lines opening cells after
    such a gap in every column they fill on their baseline outnumber, several times over, those doing so beside a
    cell carried on at that baseline (in a table without such spacing, a row opens below the last line of the
    tallest cell above it)."""
    openings = [flow for flow in flows[1:] if len(flow.wide) >= 2]
    clear = sum(1 for flow in openings if not flow.tight - flow.lower)
    return clear >= MIN_SPACED_OPENINGS and clear > SPACED_OPENING_RATIO * (len(openings) - clear)


def spaced_rows(cells: list[dict[int, list[Word]]], flows: list[LineFlow], count: int) -> list[list[list[list[Word]]]]:
    """Rows of cells in a table whose rows stand apart: a line opens a row when it starts cells anew (or starts
    one alone below a finished row, unless it carries on the paragraph above it after a typed break); each
    column's text carried on within a wrapped line's gap joins the cell it carries on, in whichever row that cell
    opened: on a row's first line, the text set on a lower baseline left of its new cells (a merged cell running
    beside the next rows' first lines stays whole)."""
    rows: list[list[list[list[Word]]]] = []
    owners: dict[int, int] = {}
    for index, (line_cells, flow) in enumerate(zip(cells, flows, strict=True)):
        texts = {col: " ".join(word.text for word in words) for col, words in line_cells.items()}
        carried = flow.tight
        if not rows or opens_spaced_row(flow, rows[-1], texts) or weight_changes(cells[index - 1], line_cells):
            rows.append([[] for _ in range(count)])
            carried = frozenset(col for col in flow.lower if flow.wide and col < min(flow.wide))
        for col, words in line_cells.items():
            owner = owners[col] if col in carried else len(rows) - 1
            rows[owner][col].append(words)
            owners[col] = owner
    return rows


def opens_spaced_row(flow: LineFlow, row: list[list[list[Word]]], texts: dict[int, str]) -> bool:
    """True when a line opens a row of a table whose rows stand apart: it starts cells anew or a cell of figures
    (figures do not wrap), or it starts one alone after the row above is over, a new paragraph of that row's cell
    excepted; a line going on in every column opens one when it holds figures after its first cell and opens in no
    lowercase word (a label and its figures set tight under the row above, a list of amounts; not a section number
    cut in its narrow column, "II.1." / "1"). A cell starting below its row's first
    line in a column the row left empty opens the next row (a row's cells start at its top)."""
    if any(FIGURES.match(texts[col]) or not row[col] for col in flow.wide):
        return True
    if not flow.wide:
        first = min(texts)
        return not texts[first][:1].islower() and any(FIGURES.match(texts[col]) for col in texts if col != first)
    if len(flow.wide) >= 2:
        return flow.opens_cells
    if flow.tight or flow.running:
        return False
    return not breaks_paragraph(row, texts)


def breaks_paragraph(row: list[list[list[Word]]], texts: dict[int, str]) -> bool:
    """True when a line holds one cell, going on in lower case in a column the row above fills after that row's
    first cell: a line break typed inside that cell (a paragraph's spacing), not a row of its own."""
    if len(texts) != 1:
        return False
    ((col, text),) = texts.items()
    return col > 0 and bool(row[0]) and bool(row[col]) and text[:1].islower() and not FIGURES.match(text)
