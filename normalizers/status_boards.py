"""A status board (Kanban): a sheet whose columns are statuses ("To do | In progress | Paused | Done") and
whose cells under them are activities, one card a cell, read as a table of one row per card.

The board's header is a row, within the preamble's reach, of at least MIN_STATUS_COLUMNS cells each naming a
distinct status and nothing else (normalizers/status.py's vocabulary), the cells left of the first status column
empty there or naming a level, no row under it a workplan's header (a legend of statuses above a table's header
makes no board). Under it, a swimlane is a row whose one text spans the status columns (a band merged
across) or a cell in a column left of them (a first column naming the level); it is the context of the cards
below or beside it: the level its column header names, else the objective. A card's first line is the activity;
its further lines, cut at separators (" · ", " | "), give a labelled value its label's role ("Lead: FAO"), a
period the timeline and the first other piece the lead; what remains is a comment. Each card's status is its
column's header. The board is replaced by that table (a header row, then a row per card, column by column), with
the rows above its header kept above; the table is marked in its notes as read from a board.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from extractors.model import Cell, Document, Table
from normalizers.headers import CONTEXT_ROLES, is_header_row, role_of_header
from normalizers.layout import MAX_PREAMBLE_ROWS
from normalizers.prose_activities import labelled_line
from normalizers.rows import spanned_grid
from normalizers.status import text_to_status
from normalizers.text import clean_text
from normalizers.timeline import text_to_quarters

NOTE = "read from a status board: a column per status, a card per activity"
# A board has a column for at least this many distinct statuses.
MIN_STATUS_COLUMNS = 3
# A status column's header is a few words naming the status alone ("À faire", "In progress").
MAX_STATUS_WORDS = 3
# The level a swimlane gives when nothing names it.
SWIMLANE_ROLE = "objective"
# The separators between the pieces of a card's further lines ("UNICEF · Q2 2031", "Lead: WFP | Q3").
PIECE_SEPARATOR = re.compile(r"\s+[·•|]\s+|\s*\n\s*")
# The headers of the table read from a board, a column per role (as the vocabulary names them); a level column
# keeps its own header.
HEADERS = {
    "objective": "Objective",
    "activity": "Activity",
    "lead": "Lead",
    "timeline": "Timeline",
    "status": "Status",
    "comments": "Comments",
}
CARD_ROLES = ("lead", "timeline", "comments")


@dataclass(frozen=True)
class BoardHeader:
    """Where a board's header row is, its status columns (index, header text) and the level columns left of
    them (index, header: the column's own, else the swimlane's)."""

    row: int
    statuses: tuple[tuple[int, str], ...]
    levels: tuple[tuple[int, str], ...]


@dataclass(frozen=True)
class Card:
    """One activity on a board: its context (header, text), its text, the values its further lines give (role,
    text) and its status."""

    context: tuple[tuple[str, str], ...]
    activity: str
    details: tuple[tuple[str, str], ...]
    status: str


def with_status_boards(document: Document) -> Document:
    """The document with each status board read as a table of one row per card (itself when none)."""
    tables = tuple(board_table(table) or table for table in document.tables)
    if all(new is old for new, old in zip(tables, document.tables, strict=True)):
        return document
    return replace(document, tables=tables)


def is_status_cell(text: str) -> bool:
    """True for a cell naming one status and nothing else ("En cours", "Completed")."""
    cleaned = clean_text(text)
    return 0 < len(cleaned.split()) <= MAX_STATUS_WORDS and text_to_status(cleaned) is not None


def board_header(grid: Sequence[Sequence[str]]) -> BoardHeader | None:
    """The board's header row, within the preamble's reach, or None for a table that is no board."""
    for index, row in enumerate(grid[: MAX_PREAMBLE_ROWS + 1]):
        filled = [col for col, text in enumerate(row) if text.strip()]
        statuses = [col for col in filled if is_status_cell(row[col])]
        if len({text_to_status(clean_text(row[col])) for col in statuses}) < MIN_STATUS_COLUMNS:
            continue
        first = statuses[0]
        if [col for col in filled if col >= first] != statuses:
            continue
        if any(row[col].strip() and role_of_header(row[col]) not in CONTEXT_ROLES for col in range(first)):
            continue
        return BoardHeader(
            index,
            tuple((col, clean_text(row[col])) for col in statuses),
            tuple((col, clean_text(row[col]) or HEADERS[SWIMLANE_ROLE]) for col in range(first)),
        )
    return None


def board_table(table: Table) -> Table | None:
    """The table read from a status board, or None when the table is no board."""
    grid = spanned_grid(table)
    header = board_header(grid)
    if header is None or any(reads_as_header(row) for row in grid[header.row + 1 :]):
        return None  # no board, or a row of statuses (a legend) above a workplan's own header
    cards = board_cards(table, grid, header)
    if not cards:
        return None
    return cards_table(table, grid[: header.row], cards)


def reads_as_header(row: Sequence[str]) -> bool:
    """True for a workplan's header row: cells of one line naming roles (a card's further lines are no header)."""
    return is_header_row(row) and not any("\n" in text.strip() for text in row)


def band_text(table: Table, row: int, header: BoardHeader) -> str | None:
    """The text of a swimlane band on a row: one cell spanning every status column; None for other rows."""
    first, last = header.statuses[0][0], header.statuses[-1][0]
    for cell in table.cells:
        if cell.row == row and cell.col <= first and cell.col + cell.col_span > last and cell.text.strip():
            return clean_text(cell.text)
    return None


def board_cards(table: Table, grid: Sequence[Sequence[str]], header: BoardHeader) -> list[Card]:
    """Every card of the board, status column by status column, each under its swimlane."""
    swimlanes: list[tuple[tuple[str, str], ...] | None] = []  # a row's context; None for a band
    band: tuple[tuple[str, str], ...] = ()
    for row in range(header.row + 1, len(grid)):
        text = band_text(table, row, header)
        if text is not None:
            band = ((HEADERS[SWIMLANE_ROLE], text),)
        lanes = tuple((name, clean_text(grid[row][col])) for col, name in header.levels if grid[row][col].strip())
        swimlanes.append(None if text is not None else (*band, *lanes))
    cards: list[Card] = []
    for col, status in header.statuses:
        for offset, context in enumerate(swimlanes):
            text = grid[header.row + 1 + offset][col]
            if context is not None and text.strip():
                cards.append(card(text, context, status))
    return cards


def card(text: str, context: tuple[tuple[str, str], ...], status: str) -> Card:
    """A card read from its cell: the first line the activity, the further lines its lead, timeline, comments."""
    first, _, rest = text.strip().partition("\n")
    details: dict[str, list[str]] = {}
    for piece in (clean_text(piece) for piece in PIECE_SEPARATOR.split(rest) if piece.strip()):
        role, value = piece_role(piece, "lead" in details)
        details.setdefault(role, []).append(value)
    return Card(context, clean_text(first), tuple((role, " ".join(values)) for role, values in details.items()), status)


def piece_role(piece: str, has_lead: bool) -> tuple[str, str]:
    """The role of a piece of a card's further lines and its value: a label's, a period's, else the lead's (a
    comment once the lead is known)."""
    labelled = labelled_line(piece)
    if labelled is not None and labelled[1] in CARD_ROLES:
        return labelled[1], labelled[2]
    if text_to_quarters(piece):
        return "timeline", piece
    return ("comments" if has_lead else "lead"), piece


def cards_table(table: Table, preamble: Sequence[Sequence[str]], cards: Sequence[Card]) -> Table:
    """The table of a board's cards: the rows above its header (their first text), a header row, a row per card."""
    levels = list(dict.fromkeys(name for card in cards for name, _ in card.context))
    details = [HEADERS[role] for role in CARD_ROLES if any(role == r for card in cards for r, _ in card.details)]
    names = [*levels, HEADERS["activity"], *details, HEADERS["status"]]
    rows = [[next((text for text in row if text.strip()), "")] + [""] * (len(names) - 1) for row in preamble]
    rows.append(names)
    for item in cards:
        values = {
            **dict(item.context),
            **{HEADERS[role]: text for role, text in item.details},
            HEADERS["activity"]: item.activity,
            HEADERS["status"]: item.status,
        }
        rows.append([values.get(name, "") for name in names])
    cells = tuple(Cell(text=text, row=r, col=c) for r, row in enumerate(rows) for c, text in enumerate(row) if text)
    return replace(table, cells=cells, n_rows=len(rows), n_cols=len(names), notes=(*table.notes, NOTE))
