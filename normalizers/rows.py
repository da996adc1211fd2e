"""A table's body rows, typed: their texts by role, the sections among them, and context filled down.

Pure steps over a TableLayout: `table_rows` (the grid as Row records) → `row_section` (is it a section or
numbered heading row, and of which level) → `fill_down` (blank context cells take the value above) →
`read_rows` (the leaf rows with the context each stands under).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from extractors.model import Cell, Table
from normalizers.contacts import without_contacts
from normalizers.headers import CONTEXT_ROLES, Column
from normalizers.layout import TableLayout
from normalizers.role_labels import joint_parts, labelled_parts
from normalizers.sections import (
    HEADING_LEVELS,
    LEVELS,
    Section,
    apply_section,
    band_section,
    depth_levels,
    label_level,
    labelled_pair,
    leading_code_depth,
    letters_lead,
    nested_outcome,
    nested_section,
    numbered_section,
    numbering_depth,
    under_heading,
)
from normalizers.symbols import symbol_legend
from normalizers.text import clean_lines, clean_text
from normalizers.vocab import best_match, fold
from normalizers.vocab import section as vocab_section

# Roles that hold one value per activity in a named column of the `activities` table.
NAMED_ROLES = ("activity", "lead", "partners", "timeline", "status", "comments", *CONTEXT_ROLES)
# Actor columns and the role their mentions take in activity_actors.
ACTOR_ROLES = {"lead": "lead", "partners": "partner", "donor": "donor"}
# Roles whose cell makes a row without activity text an activity of its own (named by its deepest context).
DETAIL_ROLES = ("lead", "partners", "timeline", "status")
# A shaded band row shades at least this many empty cells besides its text (one shaded cell is a highlight).
MIN_BAND_CELLS = 2
# Data rows shaded beyond this share are striped for reading (zebra rows): their shading marks no band.
MAX_STRIPED_SHARE = 0.25
# A one-text row in an action-point table is a section heading when it is at most this many words.
MAX_SECTION_WORDS = 10
# A body row repeating the header above a group repeats at least this many of its cells.
MIN_REPEATED_HEADER_CELLS = 2
# A total row's label is a few words ("Total", "Sous-total général"), its figures in other columns.
MAX_TOTAL_WORDS = 4
TOTALS_TABLE = "totals"
# A row whose one text is all in brackets is a note about the table ("(suite du tableau)", "[continued]"), as a
# header pasted again into the body under it is: neither opens a section nor is an activity.
NOTE_TEXT = re.compile(r"^\s*(?:\([^()]*\)|\[[^\[\]]*\])\s*$")
# A line opening on a bullet ([marks] bullets of data/vocab): a glyph, or a dash or star with a space after it.
BULLETS = vocab_section("marks").get("bullets", [])
SPACED_BULLETS = "-–—*"
BULLET_LINE = re.compile(
    "^(?:["
    + re.escape("".join(b for b in BULLETS if b not in SPACED_BULLETS))
    + "]|["
    + re.escape("".join(b for b in BULLETS if b in SPACED_BULLETS))
    + r"](?=\s))\s*(.+)$"
)
# How a cell's text is set, for a hierarchy told only by indentation or type: (indent level, type rank), the
# shallower and heavier first; bold is the upper level, italic the next, upright the plain text.
Setting = tuple[int, int]
BOLD_RANK, ITALIC_RANK, PLAIN_RANK = 0, 1, 2
# A table's activities are told by their setting when at least this many rows with details of their own share
# one, at least OUTLINE_SHARE of them.
MIN_OUTLINE_LEAVES = 2
OUTLINE_SHARE = 0.8
Context = Mapping[str, str]


@dataclass(frozen=True)
class Row:
    """One body row: its grid index, page, cleaned texts (a merged cell's text in every position it covers),
    the columns whose cell is shaded, and the texts with their line breaks (for the actor cells)."""

    index: int
    page: int | None
    cells: tuple[str, ...]
    shaded: frozenset[int] = frozenset()
    lines: tuple[str, ...] = ()
    settings: tuple[Setting, ...] = ()  # how each cell's text is set (indent, type rank)
    struck: frozenset[int] = frozenset()  # the columns whose cell's text is all struck through

    def setting(self, index: int) -> Setting:
        """How a cell's text is set; plain and not indented when the extractor could not tell."""
        return self.settings[index] if index < len(self.settings) else (0, PLAIN_RANK)

    def actor_text(self, index: int) -> str:
        """A cell's text with its line breaks, which separate actors; the cleaned text when the row's cells
        were joined since (a row cut by a page break)."""
        lines = self.lines[index] if index < len(self.lines) else ""
        return lines if clean_text(lines) == self.cells[index] else self.cells[index]

    def texts(self) -> list[str]:
        """The row's distinct non-empty texts."""
        return list(dict.fromkeys(text for text in self.cells if text))


@dataclass(frozen=True)
class RowValues:
    """A row's texts by role: the first column of each named role, the rest keyed by header, the period
    cells (column, text, shaded), the actor cells (role, text) and the start and end dates."""

    named: Mapping[str, str]
    extra: Mapping[str, str] = field(default_factory=dict)
    periods: tuple[tuple[Column, str, bool], ...] = ()
    actors: tuple[tuple[str, str], ...] = ()
    dates: tuple[str, str] = ("", "")


@dataclass(frozen=True)
class TableCues:
    """What a table's rows tell about its sections: the level of each numbering depth above its activities
    (and whether capital letters lead its codes, A / A.1), and whether shading marks band rows (not when the
    data rows are striped)."""

    levels: Mapping[int, str] = field(default_factory=dict)
    shaded_bands: bool = False
    letters_lead: bool = False
    leaf_depth: int = 0  # the deepest numbering code of the data rows' identifier cells (0: none)
    # The level of each setting of the activity column's cells above its activities' (less indented, bold or
    # italic rows stating no details: the objectives and outputs of a hierarchy told only by indentation or type).
    outline: Mapping[Setting, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ReadRow:
    """A leaf row: its values, and the context (priority … indicator) it stands under."""

    row: Row
    values: RowValues
    context: Context
    item: int = 0  # the item's place in a bullet list written in the row's activity cell


def spanned_grid(table: Table) -> list[list[str]]:
    """The table's rows with a merged cell's text copied into every position it covers."""
    rows = [["" for _ in range(table.n_cols)] for _ in range(table.n_rows)]
    for cell in table.cells:
        for r in range(cell.row, min(cell.row + cell.row_span, table.n_rows)):
            for c in range(cell.col, min(cell.col + cell.col_span, table.n_cols)):
                rows[r][c] = cell.text
    return rows


def table_rows(table: Table, grid: Sequence[Sequence[str]], start: int) -> list[Row]:
    """The body rows from `start`, typed; a row's page is its first cell's, else the table's."""
    pages: dict[int, int] = {}
    shaded: dict[int, set[int]] = {}
    struck: dict[int, set[int]] = {}
    settings = [[(0, PLAIN_RANK)] * table.n_cols for _ in range(table.n_rows)]
    for cell in sorted(table.cells, key=lambda cell: cell.col):
        if cell.page is not None:
            pages.setdefault(cell.row, cell.page)
        for r in range(cell.row, min(cell.row + cell.row_span, table.n_rows)):
            settings[r][cell.col : cell.col + cell.col_span] = [cell_setting(cell)] * cell.col_span
        for r in range(cell.row, cell.row + cell.row_span) if cell.shaded else ():
            shaded.setdefault(r, set()).update(range(cell.col, cell.col + cell.col_span))
        for r in range(cell.row, cell.row + cell.row_span) if cell.struck else ():
            struck.setdefault(r, set()).update(range(cell.col, cell.col + cell.col_span))
    return [
        Row(
            r,
            pages.get(r, table.page),
            tuple(clean_text(text) for text in grid[r]),
            frozenset(shaded.get(r, ())),
            tuple(clean_lines(text) for text in grid[r]),
            tuple(settings[r][: table.n_cols]),
            frozenset(struck.get(r, ())),
        )
        for r in range(start, len(grid))
    ]


def cell_setting(cell: Cell) -> Setting:
    """How a cell's text is set: its indent level, and bold, italic or plain."""
    rank = BOLD_RANK if cell.bold else ITALIC_RANK if cell.italic else PLAIN_RANK
    return cell.indent, rank


def row_values(row: Row, layout: TableLayout) -> RowValues:
    """The row's texts by role (first column of a role), plus extras, period cells, actor cells and dates."""
    named: dict[str, str] = {}
    extra: dict[str, str] = {}
    periods, actors, dates = [], [], {"start": "", "end": ""}
    for column in layout.columns:
        text = row.cells[column.index]
        if column.role == "period":
            periods.append((column, text, column.index in row.shaded))
            continue
        if column.role in ACTOR_ROLES and text:
            cell = without_contacts(row.actor_text(column.index))  # the cell's whole text stays in `named`/extra
            actors.extend(joint_parts(cell) if column.joint else labelled_parts(ACTOR_ROLES[column.role], cell))
        if column.role in NAMED_ROLES and column.role not in named:
            named[column.role] = text
        elif column.role in dates and not dates[column.role]:
            dates[column.role] = text
        elif text:
            extra[column.header or f"column {column.index + 1}"] = text
    return RowValues(named, extra, tuple(periods), tuple(actors), (dates["start"], dates["end"]))


def heading_levels(rows: Sequence[Row], layout: TableLayout, letters_first: bool = False) -> dict[int, str]:
    """The level of each numbering depth above a table's activities (1 / 1.1 headings over 1.1.1 rows; a
    context column standing for a depth no heading row holds: "1" over "1.1.a" beside an objective column)."""
    column = layout.first_column("identifier")
    if column is None:
        return {}
    depths = {row.index: numbering_depth(row.cells[column.index], letters_first) for row in rows}
    leaf = max((depth for depth in depths.values() if depth), default=0)
    headings = [depth for row in rows if (depth := depths[row.index]) and depth < leaf and is_heading_like(row, column)]
    levels = [level for level in CONTEXT_ROLES[:-1] if layout.first_column(level)]
    return depth_levels(headings, leaf, levels)


def table_cues(rows: Sequence[Row], layout: TableLayout) -> TableCues:
    """The numbering levels of a table, and whether its shading can mark bands: its data rows (two texts or
    more) are seldom shaded outside the period columns."""
    periods = {column.index for column in layout.columns if column.role == "period"}
    data = [row for row in rows if len(row.texts()) > 1]
    striped = sum(1 for row in data if row.shaded - periods)
    identifier = layout.first_column("identifier")
    letters = identifier is not None and letters_lead([row.cells[identifier.index] for row in rows])
    depths = [numbering_depth(row.cells[identifier.index]) or 0 for row in data] if identifier else []
    levels = heading_levels(rows, layout, letters)
    shaded_bands = striped <= MAX_STRIPED_SHARE * len(data)
    return TableCues(levels, shaded_bands, letters, max(depths, default=0), outline_levels(rows, layout))


def outline_levels(rows: Sequence[Row], layout: TableLayout) -> dict[Setting, str]:
    """The levels a hierarchy told only by indentation or type gives the activity column's settings: the rows
    stating details of their own (lead, partners, timeline, status, period marks) mostly share one setting, the
    activities'; rows stating none set shallower or heavier are the levels above them, broadest first (below the
    deepest context column the table has)."""
    column = layout.first_column("activity")
    if column is None:
        return {}
    written = [row for row in rows if row.cells[column.index]]
    leaves = [row.setting(column.index) for row in written if has_own_details(row_values(row, layout))]
    if len(leaves) < MIN_OUTLINE_LEAVES:
        return {}
    leaf, count = Counter(leaves).most_common(1)[0]
    if count < OUTLINE_SHARE * len(leaves):
        return {}
    bare = [row for row in written if not has_own_details(row_values(row, layout))]
    heads = sorted({setting for row in bare if (setting := row.setting(column.index)) < leaf})
    held = [LEVELS.index(level) for level in CONTEXT_ROLES if layout.first_column(level)]
    levels = LEVELS[max(held) + 1 : -1] if held else HEADING_LEVELS.get(len(heads), LEVELS[: len(heads)])
    return dict(zip(heads, levels, strict=False))


def outline_section(row: Row, layout: TableLayout, cues: TableCues) -> Section | None:
    """The section a row of a hierarchy told by indentation or type opens: its activity cell set as a level above
    the activities', the row stating no details of its own; None otherwise."""
    column = layout.first_column("activity")
    if not cues.outline or column is None or not row.cells[column.index]:
        return None
    level = cues.outline.get(row.setting(column.index))
    if level is None or has_own_details(row_values(row, layout)):
        return None
    text = row.cells[column.index]
    return Section(label_level(text) or level, text)


def is_heading_like(row: Row, identifier: Column) -> bool:
    """One text beside the row's numbering code and no mark: what a numbered heading row holds."""
    others = [text for c, text in enumerate(row.cells) if text and c != identifier.index]
    return len(set(others)) <= 1


def row_section(row: Row, layout: TableLayout, cues: TableCues, below: Row | None = None) -> Section | None:
    """The section a row opens (marked_section), else the level its activity cell's indentation or type sets
    (outline_section); None for a data row."""
    return marked_section(row, layout, cues, below) or outline_section(row, layout, cues)


def marked_section(row: Row, layout: TableLayout, cues: TableCues, below: Row | None = None) -> Section | None:
    """The section a row's marks open: a numbered heading row, a bare label and its text in the two leading
    cells, a full-width band, a labelled or shaded lone leading cell, or a short heading in an action list; None
    otherwise. `below`: the next row that holds more than one text (a band's first data row)."""
    texts = row.texts()
    if len(layout.columns) < 2 or not texts:
        return None
    identifier = layout.first_column("identifier")
    if identifier is not None and cues.levels and is_heading_like(row, identifier):
        text = next((t for c, t in enumerate(row.cells) if t and c != identifier.index), "")
        numbered = numbered_section(row.cells[identifier.index], text, cues.levels, cues.letters_lead)
        if numbered:
            return numbered
    if len(texts) == 2 and row.cells[0] and row.cells[1] and not any(row.cells[2:]):
        return labelled_pair(row.cells[0], row.cells[1])
    if len(texts) != 1:
        return None
    shaded = cues.shaded_bands and is_shaded_band(row, layout, below)
    if all(row.cells) or (is_leading(row, layout) and (label_level(texts[0]) or shaded or coded_band(texts[0], cues))):
        return band_section(texts[0])
    return action_list_heading(texts[0], row, layout)


def coded_band(text: str, cues: TableCues) -> bool:
    """A lone leading text that opens on a numbering code shallower than the activities' and goes on in words
    ("1.1 Improve access …" over "1.1.1", "1.1.2"): a band whose merge a PDF without rules lost."""
    depth = leading_code_depth(text)
    return depth is not None and depth < cues.leaf_depth and " " in clean_text(text)


def data_rows_below(rows: Sequence[Row]) -> list[Row | None]:
    """For each row, the next row below it holding more than one text (None at the end)."""
    below: list[Row | None] = []
    nearest: Row | None = None
    for row in reversed(rows):
        below.append(nearest)
        nearest = row if len(row.texts()) > 1 else nearest
    return below[::-1]


def lone_column(row: Row) -> int:
    """The column of a row's first text."""
    return next(index for index, text in enumerate(row.cells) if text)


def is_leading(row: Row, layout: TableLayout) -> bool:
    """A row's first text leads it: in its first column, or after numbering cells left empty (a band typed in
    the first text column of a table whose first column holds codes)."""
    return all(column.role == "identifier" for column in layout.columns[: lone_column(row)])


def is_shaded_band(row: Row, layout: TableLayout, below: Row | None = None) -> bool:
    """A lone leading text over a row shaded across (every empty cell that is no period). In a context
    column, the text is a band only when the row below states its own value there (else it is that column's
    value, filled down as it stands)."""
    column = layout.columns[lone_column(row)]
    if column.role in CONTEXT_ROLES and not (below is not None and below.cells[column.index]):
        return False
    empty = [column.index for column in layout.columns if column.role != "period" and not row.cells[column.index]]
    return len(empty) >= MIN_BAND_CELLS and all(index in row.shaded for index in empty)


def action_list_heading(text: str, row: Row, layout: TableLayout) -> Section | None:
    """A short one-text row in the action column of an action-point list is a heading."""
    activity = layout.first_column("activity")
    if layout.kind != "action_points" or activity is None or not row.cells[activity.index]:
        return None
    short = len(text.split()) <= MAX_SECTION_WORDS
    not_a_task = ":" in text or " to " not in text
    return band_section(text) if short and not text.endswith(".") and not_a_task else None


def repeats_header(row: Row, layout: TableLayout) -> bool:
    """A body row repeating the table's header (printed again above each group): each of its texts is its
    column's header or one line of it."""
    matched = 0
    for column in layout.columns:
        text = row.cells[column.index]
        if not text:
            continue
        if not column.header or f" {fold(text)} " not in f" {fold(column.header)} ":
            return False
        matched += 1
    return matched >= MIN_REPEATED_HEADER_CELLS


def is_note_row(row: Row) -> bool:
    """A row holding one text, all in brackets or a legend of status symbols ("✅ Done · 🔄 Under way"): a note
    about the table, not its content."""
    texts = row.texts()
    return len(set(texts)) == 1 and bool(NOTE_TEXT.match(texts[0]) or symbol_legend(texts))


def is_total_row(values: RowValues) -> bool:
    """A row adding up a table ("Total", "Sub-total" and its figures), stating no lead, partner, timeline or
    status: no activity."""
    text = values.named.get("activity", "")
    if not text or len(text.split()) > MAX_TOTAL_WORDS or has_own_details(values):
        return False
    match = best_match(TOTALS_TABLE, text, anchored=True)
    return match is not None and not fold(text)[match[1] :].strip(" 0123456789")


def has_own_details(values: RowValues) -> bool:
    """True when a row states a lead, partners, timeline, status or a period mark of its own."""
    own = any(values.named.get(role) for role in DETAIL_ROLES) or any(values.dates)
    return own or any(text for _, text, _ in values.periods)


def with_activity(values: RowValues) -> RowValues:
    """A row with no activity text but details of its own is named by the deepest context it holds."""
    if values.named.get("activity") or not has_own_details(values):
        return values
    deepest = next((values.named[role] for role in reversed(CONTEXT_ROLES) if values.named.get(role)), "")
    return replace(values, named={**values.named, "activity": deepest})


def band_candidates(rows: Sequence[Row], layout: TableLayout) -> list[Row]:
    """The rows of a table with no lead column that may be bands naming a lead: one short text leading the row
    (a band across it, or a lone first cell), with no section label, numbering code or sentence end. An action
    list's short rows are its headings (its points name their own lead)."""
    if layout.first_column("lead") is not None or layout.kind == "action_points" or len(layout.columns) < 2:
        return []
    return [row for row in rows if is_short_band(row, layout)]


def is_short_band(row: Row, layout: TableLayout) -> bool:
    """A row holding one short text that leads it, neither labelled nor numbered nor a sentence."""
    texts = row.texts()
    if len(texts) != 1 or not (all(row.cells) or is_leading(row, layout)):
        return False
    text = texts[0]
    plain = not (label_level(text) or leading_code_depth(text) is not None or text.rstrip().endswith("."))
    return plain and len(text.split()) <= MAX_SECTION_WORDS


def with_band_lead(values: RowValues, lead: str) -> RowValues:
    """A data row under a band naming its lead: that lead, ahead of the row's other actors."""
    if not lead or values.named.get("lead"):
        return values
    actors = (*labelled_parts(ACTOR_ROLES["lead"], lead), *values.actors)
    return replace(values, named={**values.named, "lead": lead}, actors=actors)


def fill_down(named: Mapping[str, str], context: Context) -> tuple[dict[str, str], dict[str, str]]:
    """(the row's values, the context below it): blank context cells take the value above; a new value
    clears the deeper levels that the row has a blank column for."""
    filled, below = dict(named), dict(context)
    for level, role in enumerate(CONTEXT_ROLES):
        if role not in named:
            continue
        if named[role]:
            if below.get(role) != named[role]:
                for deeper in CONTEXT_ROLES[level + 1 :]:
                    if deeper in named and not named[deeper]:
                        below.pop(deeper, None)
            below[role] = named[role]
        else:
            filled[role] = below.get(role, "")
    return filled, below


def read_rows(
    rows: Sequence[Row],
    layout: TableLayout,
    context: Context,
    heading: Section | None = None,
    lead_bands: frozenset[int] = frozenset(),
) -> tuple[list[ReadRow], Context]:
    """The leaf rows of a table with their context (its unlabelled bands below the level its `heading` set), and
    the context left for a table continuing it. `lead_bands`: the indices of the band rows naming the lead of
    the rows under them (a table with no lead column): no context, the lead of each row up to the next band."""
    cues = table_cues(rows, layout)
    found: list[ReadRow] = []
    band_lead = ""
    for row, below in zip(rows, data_rows_below(rows), strict=True):
        if repeats_header(row, layout) or is_note_row(row):
            continue
        if row.index in lead_bands:
            band_lead = row.texts()[0]
            continue
        section = marked_section(row, layout, cues, below)
        if section is None and (section := outline_section(row, layout, cues)):
            _, context = fill_down(row_values(row, layout).named, context)  # the context columns beside a level
        if section:
            section = nested_outcome(under_heading(nested_section(section, context), heading), context)
            context = apply_section(dict(context), section)
            band_lead = ""
            continue
        values = with_band_lead(with_activity(row_values(row, layout)), band_lead)
        if is_total_row(values):
            continue
        named, context = fill_down(values.named, context)
        items = activity_items(row, layout, named["activity"]) if named.get("activity") else []
        for item, text in enumerate(items):
            found.append(ReadRow(row, replace(values, named={**named, "activity": text}), dict(context), item))
    return found, context


def activity_items(row: Row, layout: TableLayout, text: str) -> list[str]:
    """The activities of a row: each item of a bullet list written in its activity cell, else its text."""
    column = layout.first_column("activity")
    lines = row.lines[column.index] if column is not None and column.index < len(row.lines) else ""
    items = bullet_items(lines) if clean_text(lines) == text else []
    return (inline_bullets(text) if len(items) < 2 else []) or items or [text]


def bullet_items(lines: str) -> list[str]:
    """The items of a cell written as a bullet list (each opening on a bullet, the lines below an item joined
    to it: a wrapped item; a bullet glyph between spaces inside a line opens another, where a PDF lost the
    break); none when text comes before the first bullet."""
    items: list[str] = []
    for line in lines.split("\n"):
        match = BULLET_LINE.match(line)
        if match:
            items.append(match.group(1))
        elif not items:
            return []
        else:
            items[-1] += " " + line
    glyph = lines[:1]
    if glyph in SPACED_BULLETS:
        return items
    return [piece.strip() for item in items for piece in item.split(f" {glyph} ")]


def inline_bullets(text: str) -> list[str]:
    """The items of a bullet list whose line breaks were lost ("• A • B", as a PDF cell may read): a text
    opening on a bullet glyph (not a dash) that recurs between spaces; none otherwise."""
    glyph = text[:1]
    if not glyph or glyph in SPACED_BULLETS or not BULLET_LINE.match(text):
        return []
    items = [item.strip() for item in text[1:].split(f" {glyph} ")]
    return items if len(items) > 1 and all(items) else []
