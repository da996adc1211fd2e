"""How a table reads as a workplan: its preamble rows, header rows, column roles and kind.

Any number of title, note, source, legend or logo-text rows may stand above the header: the first row that
names roles in its cells is the header, and every row above it is preamble (kept in raw_cells, read for the
document's title and year, never fused into a column header).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from extractors.model import Table
from normalizers.abbreviations import Key, spelt_rows
from normalizers.headers import (
    CONTEXT_ROLES,
    MAX_HEADER_ROWS,
    Column,
    OrganisationTest,
    column_headers,
    columns_from_headers,
    content_agrees,
    distinct_texts,
    is_header_row,
    is_period_row,
    is_workplan,
)
from normalizers.text import clean_text
from normalizers.timeline import header_to_period, is_mark, years_in_text

# How many rows above the header may be preamble: real sheets put a logo line, a title, a subtitle, a
# source note and a legend there (five at most in the corpus); ten leaves room without reaching the body.
MAX_PREAMBLE_ROWS = 10
# A second header row repeats at least this many cells of the row above (cells spanning both rows).
MIN_REPEATED_HEADER_CELLS = 2
# The longest end of a word a narrow header cell breaks onto the next row ("avancemen" / "t").
MAX_WORD_TAIL = 3
# A word of two letters or more: what an activity cell holds and a bullet glyph or a number does not.
WORD = re.compile(r"[^\W\d_]{2,}")
# A header cell of a year alone ("2026"), over periods.
YEAR_ONLY = re.compile(r"^(?:19|20)\d\d$")
# The kind of a table that is no workplan.
NO_HEADER = "other"


@dataclass(frozen=True)
class TableLayout:
    """How a table reads: preamble rows, header rows, columns and kind."""

    n_preamble: int
    n_header: int
    columns: tuple[Column, ...]
    kind: str  # workplan | action_points | other
    continued: bool = False  # a headerless table reading on from the previous one
    mapped: tuple[str, ...] = ()  # what an analyst's mapping set (normalizers/overrides.py), and where

    @property
    def body_start(self) -> int:
        """The first body row."""
        return self.n_preamble + self.n_header

    def first_column(self, role: str) -> Column | None:
        """The first column of a role, or None."""
        return next((column for column in self.columns if column.role == role), None)

    def role_verdicts(self, rows: Sequence[Sequence[str]]) -> list[tuple[Column, bool]]:
        """Each checked column with whether its cells (in the leaf rows given) agree with its role."""
        verdicts = [(column, content_agrees(column, [row[column.index] for row in rows])) for column in self.columns]
        return [(column, verdict) for column, verdict in verdicts if verdict is not None]

    def role_confidence(self, rows: Sequence[Sequence[str]]) -> float:
        """The share of checked columns whose cells agree with their role; 1.0 when no column can be checked."""
        checked = [verdict for _, verdict in self.role_verdicts(rows)]
        return sum(checked) / len(checked) if checked else 1.0


OTHER = TableLayout(0, 0, (), NO_HEADER)


def find_header(grid: Sequence[Sequence[str]]) -> tuple[int, int] | None:
    """(preamble rows, header rows): the first row naming roles within reach, and the header rows under it."""
    for start, row in enumerate(grid[: MAX_PREAMBLE_ROWS + 1]):
        if is_header_row(row):
            count = 1
            while count < MAX_HEADER_ROWS and start + count < len(grid):
                below = without_word_tails(grid[start + count - 1], grid[start + count])
                if not (is_period_row(below) or continues_header(grid[start], below)):
                    break
                count += 1
            return start, count
    return None


def without_word_tails(above: Sequence[str], below: Sequence[str]) -> list[str]:
    """A row under a header row without the tails of words the header cells above broke (a narrow PDF column
    prints "d'avancemen" over "t", level with the sub-headers beside it)."""
    return ["" if is_word_tail(top, text) else text for top, text in zip(above, below, strict=True)]


def is_word_tail(above: str, text: str) -> bool:
    """True for a few lowercase letters under a text ending in a letter: the end of its last word."""
    return len(text) <= MAX_WORD_TAIL and text.isalpha() and text.islower() and above[-1:].isalpha()


def continues_header(above: Sequence[str], below: Sequence[str]) -> bool:
    """A second header row: it extends the row above and names roles itself, or repeats at least two of
    its cells (cells spanning both header rows) with sub-headers under the others (J F M … under "2024")."""
    if not extends_header(above, below):
        return False
    repeated = sum(1 for top, text in zip(above, below, strict=True) if text and text == top)
    return repeated >= MIN_REPEATED_HEADER_CELLS or is_header_row(below)


def extends_header(above: Sequence[str], below: Sequence[str]) -> bool:
    """A second header row repeats the cells above it (a cell spanning both rows), fills in under an empty
    one, splits a cell spanning several columns ("Trimestre" over T1 … T4, or over an empty cell to its right:
    a merge lost) or names a period under it; a body row does neither."""
    for col, text in enumerate(below):
        spans = any(0 <= c < len(above) and above[c] == above[col] for c in (col - 1, col + 1)) or spreads_right(
            above, below, col
        )
        if text and text != above[col] and above[col] and not spans and not header_to_period(text):
            return False
    return True


def spreads_right(above: Sequence[str], below: Sequence[str], col: int) -> bool:
    """True when a header cell heads the empty cell to its right too, a sub-header under each ("Responsibility"
    over "Lead | Support" where a PDF without rules lost the merge)."""
    return col + 1 < min(len(above), len(below)) and not above[col + 1] and bool(below[col + 1])


def table_layout(
    grid: Sequence[Sequence[str]], names_organisation: OrganisationTest | None = None, key: Key | None = None
) -> TableLayout:
    """Find the preamble and header, and the columns' roles; the kind follows from the roles. A `key` spells out
    the header's abbreviations (normalizers/abbreviations.py)."""
    reach = MAX_PREAMBLE_ROWS + MAX_HEADER_ROWS
    bounds = find_header([*spelt_rows(grid[:reach], key or {}), *grid[reach:]])
    if bounds is None:
        return OTHER
    return layout_from_bounds(grid, *bounds, names_organisation=names_organisation, key=key)


def layout_from_bounds(
    grid: Sequence[Sequence[str]],
    n_preamble: int,
    n_header: int,
    names_organisation: OrganisationTest | None = None,
    key: Key | None = None,
) -> TableLayout:
    """The columns' roles and the kind of a table whose preamble and header rows are known (`names_organisation`:
    see headers.columns_from_headers; `key`: table_layout)."""
    body = grid[n_preamble + n_header :]
    by_column = [[row[c] for row in body] for c in range(len(grid[0]))]
    headers = column_headers(carry_years(spelt_rows(grid[n_preamble : n_preamble + n_header], key or {})))
    columns = tuple(columns_from_headers(headers, by_column, names_organisation))
    return TableLayout(n_preamble, n_header, columns, layout_kind(columns))


def carry_years(rows: Sequence[Sequence[str]]) -> list[list[str]]:
    """Header rows with the year of a cell over periods carried right over the empty cells beside it that stand
    over periods too: a row of years over months whose merges a PDF lost ("2025" over Jul … Dec, "2026" over
    Jan … Jun), an export writing a merged cell once over its first column ("Timeline 2027" over Q1, then empty
    cells over Q2 … Q4)."""
    out = [list(row) for row in rows]
    for upper, lower in zip(out, out[1:], strict=False):
        year = ""
        for col, text in enumerate(upper):
            cleaned = clean_text(text)
            if YEAR_ONLY.match(cleaned):
                year = cleaned
            elif len(years := years_in_text(cleaned)) == 1 and over_period(lower, col):
                year = str(years[0])
            elif cleaned or not over_period(lower, col):
                year = ""
            elif year:
                upper[col] = year
    return out


def over_period(lower: Sequence[str], col: int) -> bool:
    """True when the header row below has a period in this column."""
    return col < len(lower) and header_to_period(lower[col]) is not None


def layout_kind(columns: tuple[Column, ...]) -> str:
    """workplan, action_points (an "Action Point | Status" list), or other."""
    if not is_workplan(columns):
        return NO_HEADER
    roles = {column.role for column in columns}
    activity = next(column for column in columns if column.role == "activity")
    if "action" in activity.header.lower() and not roles & {"period", "lead", *CONTEXT_ROLES}:
        return "action_points"
    return "workplan"


def preamble_texts(grid: Sequence[Sequence[str]], layout: TableLayout) -> list[str]:
    """The distinct texts of the rows above the header (titles, notes, sources)."""
    return [text for row in grid[: layout.n_preamble] for text in distinct_texts(row)]


def follows(before: Table, after: Table) -> bool:
    """True when `after` can continue `before`: as many columns, on the same or the next page or slide."""
    if before.n_cols != after.n_cols:
        return False
    return before.page is None or after.page is None or after.page - before.page in (0, 1)


def reads_like_body(grid: Sequence[Sequence[str]], layout: TableLayout) -> bool:
    """Period columns hold only marks or nothing, and the activity column holds words (not bullet glyphs)."""
    for column in layout.columns:
        texts = [clean_text(row[column.index]) for row in grid if row[column.index].strip()]
        if column.role == "period" and not all(is_mark(text) for text in texts):
            return False
        if column.role == "activity" and not all(WORD.search(text) for text in texts):
            return False
    return True


def repeats_previous_header(layout: TableLayout, previous: TableLayout, before: Table, after: Table) -> bool:
    """A workplan table under the same header as the workplan table just before it, on the same or the next
    page or slide, goes on with it (a table over several slides): its rows stand under the context above."""
    if layout.kind == NO_HEADER or previous.kind == NO_HEADER or not follows(before, after):
        return False
    return has_previous_columns(layout, previous)


def has_previous_columns(layout: TableLayout, previous: TableLayout) -> bool:
    """Whether a table's columns are the previous table's, maybe in another order or with some left out (a later
    slide moving the quarters before the actors, or dropping the partners), its activity column among them."""
    headers = [column.header for column in layout.columns]
    before = [column.header for column in previous.columns]
    if headers == before:
        return True
    activity = any(column.role == "activity" for column in layout.columns)
    return activity and len(set(headers)) == len(headers) and set(headers) <= set(before)


def continued_layouts(
    layouts: Sequence[TableLayout], grids: Sequence[Sequence[Sequence[str]]], tables: Sequence[Table]
) -> list[TableLayout]:
    """A headerless table right after a workplan table, that reads like its body, continues it; a table
    repeating its header goes on under its context."""
    result: list[TableLayout] = []
    for index, layout in enumerate(layouts):
        previous = result[-1] if result else None
        if (
            layout.n_header == 0
            and previous is not None
            and previous.kind != NO_HEADER
            and follows(tables[index - 1], tables[index])
            and reads_like_body(grids[index], previous)
        ):
            layout = replace(previous, n_preamble=0, n_header=0, continued=True)
        elif previous is not None and repeats_previous_header(layout, previous, tables[index - 1], tables[index]):
            layout = replace(layout, continued=True)
        result.append(layout)
    return result
