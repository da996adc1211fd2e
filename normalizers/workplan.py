"""From extracted tables to workplan activities: header roles, fill-down, one activity per leaf row."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from extractors.model import Document, Table
from normalizers.actors import Registry, action_point_lead, load_registry, resolve_row_actors
from normalizers.document import DocumentMeta, document_meta
from normalizers.headers import CONTEXT_ROLES, Column, column_headers, columns_from_headers, count_header_rows
from normalizers.headers import is_workplan as has_workplan_roles
from normalizers.model import Activity, ActorRef, Quarter
from normalizers.status import text_to_status, text_to_statuses
from normalizers.text import clean_text
from normalizers.timeline import is_mark, text_to_quarters

# Roles that hold one value per activity in a named column of the `activities` table.
NAMED_ROLES = ("activity", "lead", "partners", "timeline", "status", "comments", *CONTEXT_ROLES)
# A timeline cell longer than this many words is a progress narrative: only the first sentence of each
# status it reports says when; the rest recounts meetings and events that are not the plan's timeline.
NARRATIVE_WORDS = 30
STATUS_TAG = re.compile(r"\[[A-Z][A-Z -]+\]")
SENTENCE_END = re.compile(r"(?<=[.;])\s")
# A word of two letters or more: what an activity cell holds and a bullet glyph or a number does not.
WORD = re.compile(r"[^\W\d_]{2,}")
# A quarter named outright ("Q3 2020", "Q1-Q2 2021") is a timeline statement wherever it stands.
EXPLICIT_QUARTER = re.compile(r"\bQ[1-4](?:\s*[-–&]\s*Q?[1-4])?(?:\s+20\d\d)?\b")
# A one-text row in an action-point table is a section heading when it is at most this many words.
MAX_SECTION_WORDS = 10


@dataclass(frozen=True)
class TableLayout:
    """How a table reads as a workplan: its header rows, columns and kind."""

    n_header: int
    columns: tuple[Column, ...]
    kind: str  # workplan | action_points | other


@dataclass(frozen=True)
class RecognisedTable:
    """One extracted table with its kind and the activities it makes."""

    index: int
    kind: str
    activities: tuple[Activity, ...] = ()


@dataclass
class Workplan:
    """A document read as a workplan: its meta and each table's activities."""

    meta: DocumentMeta
    tables: list[RecognisedTable] = field(default_factory=list)

    @property
    def activities(self) -> list[Activity]:
        """Every activity of every table, in order."""
        return [activity for table in self.tables for activity in table.activities]


def spanned_grid(table: Table) -> list[list[str]]:
    """The table's rows with a merged cell's text copied into every position it covers."""
    rows = [["" for _ in range(table.n_cols)] for _ in range(table.n_rows)]
    for cell in table.cells:
        for r in range(cell.row, min(cell.row + cell.row_span, table.n_rows)):
            for c in range(cell.col, min(cell.col + cell.col_span, table.n_cols)):
                rows[r][c] = cell.text
    return rows


def shaded_positions(table: Table) -> set[tuple[int, int]]:
    """Every (row, col) covered by a shaded cell."""
    return {
        (r, c)
        for cell in table.cells
        if cell.shaded
        for r in range(cell.row, cell.row + cell.row_span)
        for c in range(cell.col, cell.col + cell.col_span)
    }


def table_layout(grid: list[list[str]]) -> TableLayout:
    """Find the header and the columns' roles; the kind follows from the roles."""
    n_header = count_header_rows(grid)
    if not n_header:
        return TableLayout(0, (), "other")
    body = grid[n_header:]
    by_column = [[row[c] for row in body] for c in range(len(grid[0]))]
    columns = tuple(columns_from_headers(column_headers(grid[:n_header]), by_column))
    return TableLayout(n_header, columns, layout_kind(columns))


def layout_kind(columns: tuple[Column, ...]) -> str:
    """workplan, action_points (an "Action Point | Status" list), or other."""
    if not has_workplan_roles(list(columns)):
        return "other"
    roles = {column.role for column in columns}
    activity = next(column for column in columns if column.role == "activity")
    if "action" in activity.header.lower() and not roles & {"period", "lead", *CONTEXT_ROLES}:
        return "action_points"
    return "workplan"


def document_to_workplan(document: Document, registry: Registry | None = None) -> Workplan:
    """Recognise every table of a document and turn workplan rows into activities."""
    registry = registry or load_registry()
    grids = [spanned_grid(table) for table in document.tables]
    layouts = continued_layouts([table_layout(grid) for grid in grids], grids, document.tables)
    header_texts = [column.header for layout in layouts for column in layout.columns]
    meta = document_meta(document, header_texts)
    workplan = Workplan(meta)
    context: dict[str, str] = {}
    for index, (table, grid, layout) in enumerate(zip(document.tables, grids, layouts, strict=True)):
        if layout.kind == "other":
            workplan.tables.append(RecognisedTable(index, "other"))
            continue
        if layout.n_header:
            context = {}
        rows = TableRows(table, grid, layout, meta, registry, index)
        workplan.tables.append(RecognisedTable(index, layout.kind, tuple(rows.activities(context))))
    return workplan


def document_to_activities(document: Document) -> list[Activity]:
    """Every activity of a document, in table and row order."""
    return document_to_workplan(document).activities


def continued_layouts(
    layouts: list[TableLayout], grids: list[list[list[str]]], tables: tuple[Table, ...]
) -> list[TableLayout]:
    """A headerless table right after a workplan table, that reads like its body, continues it."""
    result: list[TableLayout] = []
    for index, layout in enumerate(layouts):
        previous = result[-1] if result else None
        if (
            layout.n_header == 0
            and previous is not None
            and previous.kind != "other"
            and follows(tables[index - 1], tables[index])
            and reads_like_body(grids[index], previous)
        ):
            layout = replace(previous, n_header=0)
        result.append(layout)
    return result


def follows(before: Table, after: Table) -> bool:
    """True when `after` can continue `before`: as many columns, on the same or the next page or slide."""
    if before.n_cols != after.n_cols:
        return False
    return before.page is None or after.page is None or after.page - before.page in (0, 1)


def reads_like_body(grid: list[list[str]], layout: TableLayout) -> bool:
    """Period columns hold only marks or nothing, and the activity column holds words (not bullet glyphs)."""
    for column in layout.columns:
        texts = [clean_text(row[column.index]) for row in grid if row[column.index].strip()]
        if column.role == "period" and not all(is_mark(text) for text in texts):
            return False
        if column.role == "activity" and not all(WORD.search(text) for text in texts):
            return False
    return True


@dataclass
class TableRows:
    """The body rows of one recognised table, read into activities."""

    table: Table
    grid: list[list[str]]
    layout: TableLayout
    meta: DocumentMeta
    registry: Registry
    index: int

    def __post_init__(self) -> None:
        self.grid = [list(row) for row in self.grid]  # rows cut by a page break are joined in this copy
        self.pages: dict[int, int] = {}
        for cell in sorted(self.table.cells, key=lambda cell: cell.col):
            if cell.page is not None:
                self.pages.setdefault(cell.row, cell.page)

    def activities(self, context: dict[str, str]) -> list[Activity]:
        """One activity per leaf row; `context` carries filled-down values across continued tables."""
        shaded = shaded_positions(self.table)
        found = []
        for r in self.body_rows():
            values = self.row_values(r)
            section = self.section_text(r, values)
            if section:
                context.clear()
                context["section"] = section
                continue
            if not values.get("activity") and has_own_details(values):
                values["activity"] = deepest_context(values)
            fill_down(values, context)
            if values.get("activity"):
                found.append(self.make_activity(r, values, context, shaded))
        return found

    def body_rows(self) -> list[int]:
        """Body rows to read: header rows repeated on a new page dropped, a row cut by a page break joined."""
        rows: list[int] = []
        for r in range(self.layout.n_header, len(self.grid)):
            if self.repeats_header(r):
                continue
            if rows and self.is_page_tail(r, rows[-1]):
                self.join_tail(rows[-1], r)
                continue
            rows.append(r)
        return rows

    def repeats_header(self, r: int) -> bool:
        """True when every text of the row is its column's header text (a header repeated after a break)."""
        cells = zip(self.grid[r], self.layout.columns, strict=True)
        pairs = [(clean_text(text), column.header) for text, column in cells if text.strip()]
        return len(pairs) >= 2 and all(text and text in header for text, header in pairs)

    def join_tail(self, previous: int, tail: int) -> None:
        """Append a cut row's tail to its head; a merged cell's tail copied further down gets the whole text."""
        joined = joined_row(self.grid[previous], self.grid[tail])
        for c, rest in enumerate(self.grid[tail]):
            for below in range(tail + 1, len(self.grid)):
                if not rest.strip() or self.grid[below][c] != rest:
                    break
                self.grid[below][c] = joined[c]
        self.grid[previous] = joined

    def is_page_tail(self, r: int, previous: int) -> bool:
        """True when row r, first on a new page, is the rest of the row the page break cut."""
        page, before = self.row_page(r), self.row_page(previous)
        if page is None or before is None or page == before:
            return False
        periods = [column.index for column in self.layout.columns if column.role == "period"]
        if periods:
            marked = [any(self.grid[row][c].strip() for c in periods) for row in (previous, r)]
            return marked == [True, False] and any(text.strip() for text in self.grid[r])
        activity = next((c.index for c in self.layout.columns if c.role == "activity"), None)
        text = clean_text(self.grid[r][activity]) if activity is not None else ""
        return text[:1].islower()

    def row_values(self, r: int) -> dict[str, Any]:
        """The row's texts by role (first column of a role), plus extras and period cells."""
        values: dict[str, Any] = {"extra": {}, "periods": []}
        for column in self.layout.columns:
            text = clean_text(self.grid[r][column.index])
            if column.role == "period":
                values["periods"].append((column, text))
            elif column.role in NAMED_ROLES and column.role not in values:
                values[column.role] = text
            elif text:
                values["extra"][column.header or f"column {column.index + 1}"] = text
        return values

    def section_text(self, r: int, values: dict[str, Any]) -> str | None:
        """The text of a section row: one text spanning the row, or a short heading in an action list."""
        texts = {text for text in self.grid[r] if text.strip()}
        if len(texts) != 1 or len(self.layout.columns) < 2:
            return None
        text = clean_text(texts.pop())
        spans_row = sum(1 for cell in self.grid[r] if cell.strip()) == len(self.grid[r])
        if spans_row:
            return text
        if self.layout.kind != "action_points" or not values.get("activity"):
            return None
        short = len(text.split()) <= MAX_SECTION_WORDS
        not_a_task = ":" in text or " to " not in text
        return text if short and not text.endswith(".") and not_a_task else None

    def make_activity(
        self, r: int, values: dict[str, Any], context: dict[str, str], shaded: set[tuple[int, int]]
    ) -> Activity:
        """Build the activity of one leaf row."""
        extra = dict(values["extra"])
        section = context.get("section")
        priority = values.get("priority") or None
        if section and not priority:
            priority = section
        elif section:
            extra["section"] = section
        timeline_raw = values.get("timeline") or period_summary(values["periods"]) or None
        status, statuses = row_status(values)
        if len(statuses) > 1:
            extra["statuses"] = statuses
        lead_raw = values.get("lead") or None
        if not lead_raw and self.layout.kind == "action_points":
            lead_raw = action_point_lead(values["activity"])
        activity = Activity(
            table_index=self.index,
            row_index=r,
            page=self.row_page(r),
            activity=values["activity"],
            priority=priority,
            objective=values.get("objective") or None,
            output=values.get("output") or None,
            indicator=values.get("indicator") or None,
            status=status,
            comments=values.get("comments") or None,
            lead_raw=lead_raw,
            partners_raw=values.get("partners") or None,
            timeline_raw=timeline_raw,
            extra=extra,
        )
        quarters = row_quarters(values, r, shaded, self.meta)
        actors = self.row_actors(lead_raw, activity.partners_raw)
        return replace(activity, quarters=tuple(quarters), actors=tuple(actors))

    def row_page(self, r: int) -> int | None:
        """The page of a row: its first cell's page, else the table's."""
        return self.pages.get(r, self.table.page)

    def row_actors(self, lead_raw: str | None, partners_raw: str | None) -> list[ActorRef]:
        """The lead and partner mentions of a row, resolved."""
        return resolve_row_actors((("lead", lead_raw), ("partner", partners_raw)), self.registry, self.meta)


def joined_row(row: list[str], tail: list[str]) -> list[str]:
    """A row with the texts of its cut-off tail appended, cell by cell."""
    pairs = zip(row, tail, strict=True)
    return [f"{text} {rest}".strip() if rest.strip() and rest != text else text for text, rest in pairs]


def has_own_details(values: dict[str, Any]) -> bool:
    """True when a row states a lead, partners, timeline, status or a period mark of its own."""
    own = any(values.get(role) for role in ("lead", "partners", "timeline", "status"))
    return own or any(text for _, text in values["periods"])


def deepest_context(values: dict[str, Any]) -> str:
    """The most specific context text a row holds itself: its activity when the activity cell is empty."""
    return next((values[role] for role in reversed(CONTEXT_ROLES) if values.get(role)), "")


def fill_down(values: dict[str, Any], context: dict[str, str]) -> None:
    """Blank context cells take the value above; a new value clears the deeper levels under it."""
    for level, role in enumerate(CONTEXT_ROLES):
        if role not in values:
            continue
        if values[role]:
            if context.get(role) != values[role]:
                for deeper in CONTEXT_ROLES[level + 1 :]:
                    if deeper in values and not values[deeper]:
                        context.pop(deeper, None)
            context[role] = values[role]
        else:
            values[role] = context.get(role, "")


def period_summary(periods: list[tuple[Column, str]]) -> str:
    """The period cells of a row as text, e.g. "Q1: X; Q2: X", so their marks stay in a named column."""
    return "; ".join(f"{column.header}: {text}" for column, text in periods if text)


def row_status(values: dict[str, Any]) -> tuple[str | None, list[str]]:
    """The latest status the row states (status column first, then the timeline text), and all of them."""
    for text in (values.get("status"), values.get("timeline")):
        statuses = text_to_statuses(text or "")
        if statuses:
            return text_to_status(text or ""), statuses
    return None, []


def stated_timeline(text: str) -> str:
    """The part of a timeline cell that states when: all of a short cell, first sentences of a narrative."""
    if len(text.split()) <= NARRATIVE_WORDS:
        return text
    parts = [part for part in STATUS_TAG.split(text) if part.strip()] or [text]
    firsts = [SENTENCE_END.split(part.strip(), maxsplit=1)[0] for part in parts]
    return " ".join(firsts + EXPLICIT_QUARTER.findall(text))


def row_quarters(values: dict[str, Any], r: int, shaded: set[tuple[int, int]], meta: DocumentMeta) -> list[Quarter]:
    """Quarters from marked or shaded period cells, then from the timeline text."""
    single_year = meta.years[0] if len(meta.years) == 1 else None
    quarters: list[Quarter] = []
    for column, text in values["periods"]:
        period = column.period
        assert period is not None
        year = period.year or single_year
        if is_mark(text):
            quarters.extend(Quarter(year, q, "mark") for q in period.quarters)
        elif not text and (r, column.index) in shaded:
            quarters.extend(Quarter(year, q, "shading") for q in period.quarters)
        elif text:
            quarters.extend(text_to_quarters(text, [year] if year else meta.years))
    if values.get("timeline"):
        quarters.extend(text_to_quarters(stated_timeline(values["timeline"]), meta.years))
    first_by_period = {(q.year, q.quarter): q for q in reversed(quarters)}
    return sorted(first_by_period.values(), key=lambda q: (q.year or 0, q.quarter))
