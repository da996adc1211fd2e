"""From extracted tables to workplan activities: layout → sections → fill-down → one activity per leaf row.

Each table is read by pure steps (normalizers.layout, normalizers.rows, normalizers.sections): its layout
(preamble, header, column roles, kind), its body rows typed, its section rows and numbered headings, the
context filled down, then one Activity per leaf row. A heading paragraph naming a level ("Pillar 2 – …")
between two tables is the context of the table below it; a headerless table that continues the previous
one keeps its columns and context.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial, reduce

from extractors.model import Document, Issue, Table, TextBlock
from normalizers.abbreviations import status_codes, table_key
from normalizers.actor_names import name_spans, word_tokens
from normalizers.actors import Registry, action_point_lead, load_registry, resolve_row_actors
from normalizers.corrections import DocumentOverrides
from normalizers.document import DocumentMeta, document_meta, is_sector_name
from normalizers.headers import distinct_texts
from normalizers.joined_actors import actors_by_code, join_actors, unjoined_issues
from normalizers.layout import NO_HEADER, TableLayout, continued_layouts, preamble_texts, table_layout
from normalizers.lead_bands import lead_band_rows
from normalizers.lights import Legend, colour_of, table_legend, unread_lights
from normalizers.long_rows import merge_period_rows
from normalizers.model import Activity, Quarter
from normalizers.overrides import override_layouts, override_meta
from normalizers.quarter_sheets import SheetTable, quarter_sheet_activities
from normalizers.rows import Context, ReadRow, Row, RowValues, read_rows, spanned_grid, table_rows
from normalizers.sections import (
    LEVELS,
    Section,
    apply_section,
    heading_section,
    is_outcome_label,
    label_level,
    nested_outcome,
)
from normalizers.status import text_to_status, text_to_statuses
from normalizers.status_boards import with_status_boards
from normalizers.symbols import SymbolLegend, status_symbol, symbol_legend, symbol_status
from normalizers.text import clean_text
from normalizers.timeline import (
    dates_to_quarters,
    header_to_period,
    is_amount,
    is_mark,
    text_to_quarters,
    without_undecided,
    years_in_text,
)
from normalizers.turned_tables import with_turned_tables
from normalizers.vocab import fold

# A timeline cell longer than this many words is a progress narrative: only the first sentence of each
# status it reports says when; the rest recounts meetings and events that are not the plan's timeline.
NARRATIVE_WORDS = 30
STATUS_TAG = re.compile(r"\[[A-Z][A-Z -]+\]")
SENTENCE_END = re.compile(r"(?<=[.;])\s")
# A quarter named outright ("Q3 2020", "Q1-Q2 2021") is a timeline statement wherever it stands.
EXPLICIT_QUARTER = re.compile(r"\bQ[1-4](?:\s*[-–&]\s*Q?[1-4])?(?:\s+20\d\d)?\b")
# Share of a cell's words that registry names must cover for the cell to name organisations.
ORGANISATION_COVER = 0.6
# Unlabelled headings are the priorities of their tables only when at least this many workplan tables each
# stand under their own: one heading over one table is the document's title as often as its theme.
MIN_HEADED_TABLES = 2
# A heading of at least this many words states a result (who achieves what: "Displaced families rebuild their
# homes"); a theme's name is a few words ("Livelihoods", "Case management", "Joint needs analysis").
STATEMENT_WORDS = 6
# The text blocks that can head a table: a heading paragraph, a slide's title.
HEADING_KINDS = ("heading", "title")
# The end of a heading counting the parts of one table: "(2/3)", "(cont.)", "[suite]", " 2", " 2/3".
RUNNING_COUNTER = re.compile(r"\s*(?:\([^()]*\)|\[[^\[\]]*\]|\d+(?:\s*/\s*\d+)?)\s*$")
# ... of which a count of parts ("(1/3)", "(1/1)") is one wherever it stands.
PART_COUNTER = re.compile(r"\s*\(\s*\d+\s*/\s*\d+\s*\)\s*$")
# A heading naming a place in the document, not a content: one word and a number ("Sheet1", "Table 2").
PLACE_NAME = re.compile(r"^\w+\s*\d+$")
# Below this reading confidence a workplan table is flagged for a person to check (low_confidence issue):
# half its checked columns disagreeing with their role, or half its body rows unread, is a doubtful reading.
LOW_CONFIDENCE = 0.5
LOW_CONFIDENCE_KIND = "low_confidence"
# An activity whose text is struck through and whose row states no status is dropped from the plan; the status is
# read from the formatting, as a shaded period cell's quarter is, and said so in its extras.
STRUCK_STATUS = "cancelled"
STATUS_FROM_KEY = "status_read_from"
STRUCK_SOURCE = "strike-through"


@dataclass(frozen=True)
class RecognisedTable:
    """One extracted table with its kind, the activities it makes and the confidence of its reading."""

    index: int
    kind: str
    activities: tuple[Activity, ...] = ()
    confidence: float | None = None  # None for a table that is no workplan
    doubts: tuple[str, ...] = ()  # the columns whose cells do not read as their role, as "'Lead' (lead)"
    layout: TableLayout | None = None  # how it was read (for `workplans explain`)


@dataclass
class Workplan:
    """A document read as a workplan: its meta, each table's activities, and doubts about the reading."""

    meta: DocumentMeta
    tables: list[RecognisedTable] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)

    @property
    def activities(self) -> list[Activity]:
        """Every activity of every table, in order."""
        return [activity for table in self.tables for activity in table.activities]


@dataclass(frozen=True)
class TableReading:
    """What reading one table needs besides its rows: where it is and what the document says."""

    index: int
    layout: TableLayout
    meta: DocumentMeta
    registry: Registry
    legend: Legend | None = None  # what the colours of a traffic-light status column mean (normalizers/lights.py)
    codes: Mapping[str, str | None] = field(default_factory=dict)  # status codes a key spells out (abbreviations.py)
    symbols: SymbolLegend = field(default_factory=dict)  # what the symbols of a status column mean (symbols.py)


def document_to_workplan(
    document: Document, registry: Registry | None = None, overrides: DocumentOverrides | None = None
) -> Workplan:
    """Recognise every table of a document and turn workplan rows into activities; `overrides` are an
    analyst's corrections (normalizers/overrides.py), applied to the layouts and the document's facts."""
    registry = registry or load_registry()
    document = with_turned_tables(with_status_boards(document))
    grids = [spanned_grid(table) for table in document.tables]
    organisations = partial(names_organisation, registry=registry)
    keys = [
        table_key(grid, document.text_blocks, table.order) for grid, table in zip(grids, document.tables, strict=True)
    ]
    layouts = [table_layout(grid, organisations, key) for grid, key in zip(grids, keys, strict=True)]
    layouts = continued_layouts(layouts, grids, document.tables)
    layouts = override_layouts(layouts, grids, overrides)
    header_texts = [column.header for layout in layouts for column in layout.columns]
    meta = override_meta(document_meta(document, header_texts, document_preamble(grids, layouts)), overrides)
    workplan = Workplan(meta)
    headings = heading_sections(document.text_blocks, document.tables, layouts, grids)
    context: Context = {}
    last: tuple[list[tuple[str, str]], list[list[str]]] | None = None  # the previous workplan table's heading, header
    for index, (table, grid, layout) in enumerate(zip(document.tables, grids, layouts, strict=True)):
        if layout.kind == "other":
            workplan.tables.append(RecognisedTable(index, "other", layout=layout))
            continue
        chain = headings.get(index, ())
        layout = outcome_column_under_objective(layout, chain)
        # a table under the same heading (but for its "(continued)") and header as the one before, a slide's table
        # run on over the next slide, carries on the bands the one before left open
        key = ([(section.level, heading_key(section.text)) for section in chain], grid[: layout.body_start])
        runs_on = bool(chain) and key == last
        context = context if layout.continued or runs_on else {}
        last = key
        for section in (section for section in chain if not runs_on and context.get(section.level) != section.text):
            context = apply_section(dict(context), section)
        legend = table_legend(grid, document.text_blocks)
        symbols = table_legend(grid, document.text_blocks, symbol_legend)
        reading = TableReading(index, layout, meta, registry, legend, status_codes(keys[index]), symbols)
        workplan.issues.extend(unread_lights(index, table, grid, layout, legend))
        recognised, context = read_table(table, grid, reading, context, chain[-1] if chain else None)
        workplan.tables.append(recognised)
    workplan.tables = by_quarter_sheets(workplan.tables, document.tables)
    workplan.issues.extend(joined_actor_issues(workplan, document.tables, grids, registry))
    workplan.issues.extend(low_confidence_issues(workplan.tables, document.tables))
    return workplan


def joined_actor_issues(
    workplan: Workplan, tables: Sequence[Table], grids: Sequence[list[list[str]]], registry: Registry
) -> list[Issue]:
    """Join the lead and partners of a table of codes and actors to the activities carrying those codes
    (normalizers/joined_actors.py), in place; the warnings naming the codes that match no activity."""
    joined = actors_by_code(tables, grids, [table.layout for table in workplan.tables])
    if not joined:
        return []
    pairs = [(activity, table.layout) for table in workplan.tables for activity in table.activities]
    for position, table in enumerate(workplan.tables):
        read = join_actors([(activity, table.layout) for activity in table.activities], joined, registry, workplan.meta)
        workplan.tables[position] = replace(table, activities=tuple(read))
    return unjoined_issues(joined, pairs, tables)


def by_quarter_sheets(tables: Sequence[RecognisedTable], sources: Sequence[Table]) -> list[RecognisedTable]:
    """The tables with a workbook's sheets per quarter read as one list (normalizers/quarter_sheets.py)."""
    sheets = [
        SheetTable(
            source.locator,
            tuple(column.header for column in table.layout.columns) if table.layout else (),
            table.activities,
        )
        for table, source in zip(tables, sources, strict=True)
    ]
    merged = quarter_sheet_activities(sheets)
    return [
        table if activities == table.activities else replace(table, activities=activities)
        for table, activities in zip(tables, merged, strict=True)
    ]


def names_organisation(text: str, registry: Registry) -> bool:
    """True when registry names cover most of a cell's words ("UNICEF, WHO", "Save the Children / IRC"), and
    the cell is not a sector's name (the registry holds the clusters too: a sector column names no actor)."""
    if is_sector_name(text):
        return False
    words = [(start, end) for start, end, token in word_tokens(text) if token[0].isalnum()]
    spans = name_spans(text, registry)
    covered = sum(1 for start, end in words if any(low <= start and end <= high for low, high in spans))
    return bool(words) and covered >= ORGANISATION_COVER * len(words)


def document_preamble(grids: Sequence[list[list[str]]], layouts: Sequence[TableLayout]) -> list[str]:
    """The texts above the tables' headers, and the one-text rows of the tables before the first workplan
    table (a title or note block that a blank row set apart from its table)."""
    first = next((index for index, layout in enumerate(layouts) if layout.kind != "other"), len(layouts))
    texts = [text for grid, layout in zip(grids, layouts, strict=True) for text in preamble_texts(grid, layout)]
    lone = [row_texts[0] for grid in grids[:first] for row in grid if len(row_texts := distinct_texts(row)) == 1]
    return [*lone, *texts]


def document_to_activities(document: Document) -> list[Activity]:
    """Every activity of a document, in table and row order."""
    return document_to_workplan(document).activities


def blocks_before(blocks: Sequence[TextBlock], tables: Sequence[Table], index: int) -> list[TextBlock]:
    """The text blocks between a table and the table before it, in reading order."""
    after = tables[index - 1].order if index else -1
    return [block for block in blocks if after < block.order < tables[index].order]


def heading_sections(
    blocks: Sequence[TextBlock],
    tables: Sequence[Table],
    layouts: Sequence[TableLayout],
    grids: Sequence[Sequence[Sequence[str]]] = (),
) -> dict[int, tuple[Section, ...]]:
    """The sections each workplan table's headings set, broadest first: the lines naming a level ("Pillar 2 – …")
    above it (a title row over its header, paragraphs, a title block set apart on its sheet), under the broader
    levels the heading paragraphs above earlier tables set (a Heading 2 "Result 1.2" under the Heading 1 "Axis 1"
    of the table before); a table with no line above it beside a headed table on the same page or slide (two
    tables side by side under one title) takes that table's; else, when several workplan tables each stand under
    a heading of their own, that heading as the priority of a table without a priority column."""
    labelled: dict[int, tuple[Section, ...]] = {}
    plain: dict[int, str] = {}
    running: dict[str, str] = {}  # the levels the heading paragraphs above the tables so far set
    for index, layout in enumerate(layouts):
        if layout.kind == NO_HEADER:
            continue
        between = blocks_before(blocks, tables, index)
        title_block, own = lines_above(index, tables, layouts, grids) if grids else ([], [])
        lines = [*title_block, *(block.text for block in between), *own]
        paragraphs = [section for section in map(heading_section, (block.text for block in between)) if section]
        running = reduce(apply_heading, paragraphs, running)
        sections = [section for section in map(heading_section, lines) if section]
        context = reduce(apply_heading, sections, dict(running) if paragraphs else {})
        heading = next((block.text for block in reversed(between) if block.kind in HEADING_KINDS), None)
        if context:
            labelled[index] = tuple(Section(level, context[level]) for level in LEVELS if level in context)
        elif not lines and index - 1 in labelled and beside(tables[index - 1], tables[index]):
            labelled[index] = labelled[index - 1]
        elif layout.n_header:  # a table under a header of its own, repeated or not
            plain[index] = clean_text(heading) if heading and names_content(heading) else ""
    keys_of = {i: heading_key(text) for i, text in plain.items()}
    keys = Counter(keys_of.values())
    if len(plain) < MIN_HEADED_TABLES or not all(plain.values()) or not distinct_headings(list(plain.values())):
        return labelled
    priorities = {
        i: (
            Section(
                heading_level(
                    keys_of[i], [(layouts[j], grids[j] if grids else ()) for j in plain if keys_of[j] == keys_of[i]]
                ),
                RUNNING_COUNTER.sub("", text) if keys[heading_key(text)] > 1 else PART_COUNTER.sub("", text),
            ),
        )
        for i, text in plain.items()
        if not layouts[i].first_column("priority")
    }
    return {**priorities, **labelled}


def outcome_column_under_objective(layout: TableLayout, chain: Sequence[Section]) -> TableLayout:
    """A table under an objective heading not of the outcome level ("Objective 1: …") whose objective column is
    headed by an outcome word ("Resultado", "Outcome") holds that objective's expected results: the output level,
    as an outcome-labelled band under it is (sections.nested_outcome), when no column holds outputs."""
    objective = next((section.text for section in chain if section.level == "objective"), None)
    column = layout.first_column("objective")
    if (
        objective is None
        or is_outcome_label(objective)
        or column is None
        or layout.first_column("output") is not None
        or not is_outcome_label(column.header)
    ):
        return layout
    moved = replace(column, role="output", reason=f"{column.reason}; an outcome column under an objective heading")
    return replace(layout, columns=tuple(moved if other is column else other for other in layout.columns))


def apply_heading(context: dict[str, str], section: Section) -> dict[str, str]:
    """The context under a heading: an outcome-labelled heading under an objective heading ("Résultat 1.2" under
    "Objectif 1") that objective's expected result."""
    return apply_section(context, nested_outcome(section, context))


def heading_level(heading: str, tables: Sequence[tuple[TableLayout, Sequence[Sequence[str]]]]) -> str:
    """The level of an unlabelled heading (without its counter) over its tables (a slide's title, the same on its
    "(continued)" slides): the level above the broadest one the tables state themselves, by a context column or a
    labelled band (an outcome-labelled band counting as the expected result it is under an objective); over tables
    stating none, a priority (their unlabelled bands the objectives under it), but an objective where the tables
    hold their activities alone (no context column, no band) under a heading stating a result, as a lone unlabelled
    band over them would (a theme's name stays the priority)."""
    own: set[str] = set()
    banded = False
    for layout, grid in tables:
        bands = [texts[0] for row in grid[layout.body_start :] if len(texts := distinct_texts(row)) == 1]
        banded = banded or bool(bands)
        own |= {column.role for column in layout.columns if column.role in LEVELS}
        own |= {level for text in bands if (level := "output" if is_outcome_label(text) else label_level(text))}
    if not own and not banded and states_result(heading):
        return "objective"
    top = min((LEVELS.index(level) for level in own), default=0)
    return LEVELS[max(top - 1, 0)]


def states_result(heading: str) -> bool:
    """True for a heading written as a result statement (a sentence: "<who> <do what> ..."), not a theme's name: at
    least as many words as such a statement takes."""
    return len(heading.split()) >= STATEMENT_WORDS


def beside(before: Table, table: Table) -> bool:
    """Two tables on the same page or slide (a Word document's tables have no page)."""
    return table.page is not None and table.page == before.page


def distinct_headings(headings: list[str]) -> bool:
    """True when the tables' headings name several contents: no heading repeated word for word (a running
    title), and more than one once the counters of a table running on ("(1/2)", "(2/2)") are taken out."""
    return len(set(headings)) == len(headings) and len({heading_key(text) for text in headings}) > 1


def lines_above(
    index: int, tables: Sequence[Table], layouts: Sequence[TableLayout], grids: Sequence[Sequence[Sequence[str]]]
) -> tuple[list[str], list[str]]:
    """The one-text lines above a table's header, top down: those of a block of lone lines just before it on
    the same page or sheet (a title block a blank row set apart), and its own rows above the header."""
    before: list[str] = []
    if index and layouts[index - 1].kind == NO_HEADER and tables[index - 1].page == tables[index].page:
        rows = [distinct_texts(row) for row in grids[index - 1]]
        before = [texts[0] for texts in rows if len(texts) == 1] if all(len(texts) <= 1 for texts in rows) else []
    own = [texts[0] for row in grids[index][: layouts[index].n_preamble] if len(texts := distinct_texts(row)) == 1]
    return before, own


def heading_key(heading: str) -> str:
    """A heading without the counter that marks one table running on over pages or slides ("(2/3)",
    "(cont.)", "Part 2")."""
    return RUNNING_COUNTER.sub("", heading).casefold()


def names_content(heading: str) -> bool:
    """A heading that can name a table's content: not a title with a year, a period, or a place name such as
    "Sheet1" / "Table 2"."""
    return not (years_in_text(heading) or header_to_period(heading) or PLACE_NAME.match(clean_text(heading)))


def read_table(
    table: Table, grid: list[list[str]], reading: TableReading, context: Context, heading: Section | None = None
) -> tuple[RecognisedTable, Context]:
    """One workplan table's activities and confidence (its bands below its heading's level), and the context
    left for a table continuing it."""
    rows = table_rows(table, grid, reading.layout.body_start)
    registered = partial(names_organisation, registry=reading.registry)
    leads = lead_band_rows(rows, reading.layout, reading.registry, registered)
    read, context = read_rows(rows, reading.layout, context, heading, leads)
    activities = merge_period_rows([row_activity(row, reading) for row in read])
    leaves = [row.row.cells for row in read]
    confidence = reading_confidence(reading.layout, leaves, len(rows))
    doubts = tuple(f"'{c.header}' ({c.role})" for c, agrees in reading.layout.role_verdicts(leaves) if not agrees)
    recognised = RecognisedTable(reading.index, reading.layout.kind, activities, confidence, doubts, reading.layout)
    return recognised, context


def reading_confidence(layout: TableLayout, leaves: Sequence[Sequence[str]], n_rows: int) -> float:
    """How sure the reading is: the share of checked columns whose leaf cells agree with their role, times
    how regular the body is (the share of its rows read as activities, counted double: sections and notes
    may take up to half of a body without doubt)."""
    regular = min(1.0, 2 * len(leaves) / n_rows) if n_rows else 0.0
    return round(layout.role_confidence(leaves) * regular, 3)


def low_confidence_issues(recognised: Sequence[RecognisedTable], tables: Sequence[Table]) -> list[Issue]:
    """One issue per workplan table read below the confidence threshold."""
    return [
        Issue(
            "recognise",
            LOW_CONFIDENCE_KIND,
            f"table {table.index + 1}: reading confidence {table.confidence:.2f} (below {LOW_CONFIDENCE}); "
            + (f"cells not read as their column's role: {', '.join(table.doubts)}; " if table.doubts else "")
            + "check its columns and rows",
            tables[table.index].page,
        )
        for table in recognised
        if table.confidence is not None and table.confidence < LOW_CONFIDENCE
    ]


def row_activity(read: ReadRow, reading: TableReading) -> Activity:
    """The activity of one leaf row."""
    values, layout = read.values, reading.layout
    named = values.named
    extra: dict[str, object] = dict(values.extra)
    status, statuses = row_status(values, reading.legend or {}, reading.codes, reading.symbols)
    if status is None and is_struck(read.row, layout):
        status, statuses = STRUCK_STATUS, [STRUCK_STATUS]
        extra[STATUS_FROM_KEY] = STRUCK_SOURCE
    if len(statuses) > 1:
        extra["statuses"] = statuses
    lead_raw = named.get("lead") or None
    if not lead_raw and layout.kind == "action_points":
        lead_raw = action_point_lead(named["activity"])
    actors = list(values.actors)
    if lead_raw and not named.get("lead"):
        actors.insert(0, ("lead", lead_raw))
    return Activity(
        table_index=reading.index,
        row_index=read.row.index,
        page=read.row.page,
        activity=named["activity"],
        priority=read.context.get("priority") or None,
        objective=read.context.get("objective") or None,
        output=read.context.get("output") or None,
        indicator=read.context.get("indicator") or None,
        status=status,
        comments=named.get("comments") or None,
        lead_raw=lead_raw,
        partners_raw=named.get("partners") or None,
        timeline_raw=row_timeline(values) or None,
        extra=extra,
        quarters=tuple(row_quarters(values, reading.meta)),
        actors=tuple(resolve_row_actors(actors, reading.registry, reading.meta)),
        item=read.item,
    )


def is_struck(row: Row, layout: TableLayout) -> bool:
    """True when the row's activity text is struck through (the cell's formatting, where the format keeps it)."""
    column = layout.first_column("activity")
    return column is not None and column.index in row.struck


def row_timeline(values: RowValues) -> str:
    """The row's timeline text: its timeline cell, its start and end dates, or its period cells' marks."""
    start, end = values.dates
    dates = " – ".join(text for text in (start, end) if text)
    return values.named.get("timeline") or dates or period_summary(values)


def period_summary(values: RowValues) -> str:
    """The period cells of a row as text, e.g. "Q1: X; Q2: X", so their marks stay in a named column."""
    return "; ".join(f"{column.header}: {text}" for column, text, _ in values.periods if text)


def row_status(
    values: RowValues,
    legend: Legend,
    codes: Mapping[str, str | None] | None = None,
    symbols: SymbolLegend | None = None,
) -> tuple[str | None, list[str]]:
    """The latest status the row states (status column first, then the timeline text less its "TBD"), and all
    of them; a status cell naming a colour states what the legend gives the colour (nothing without one), a
    status code what the table's key gives it, a symbol alone what its legend or usual meaning gives it."""
    if (symbol := status_symbol(values.named.get("status"))) is not None:
        status = symbol_status(symbol, symbols or {})
        return status, [status] if status else []
    if (colour := colour_of(values.named.get("status"))) is not None:
        status = legend.get(colour)
        return status, [status] if status else []
    if codes and (code := fold(values.named.get("status") or "")) in codes:
        status = codes[code]
        return status, [status] if status else []
    for text in (values.named.get("status"), without_undecided(values.named.get("timeline") or "")):
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


def period_quarters(values: RowValues, meta: DocumentMeta) -> list[Quarter]:
    """Quarters from marked or shaded period cells (a text in a period cell read as a timeline)."""
    single_year = meta.years[0] if len(meta.years) == 1 else None
    quarters: list[Quarter] = []
    for column, text, shaded in values.periods:
        period = column.period
        assert period is not None
        year = period.year or single_year
        if is_mark(text) or is_amount(text):
            quarters.extend(Quarter(year, q, "mark") for q in period.quarters)
        elif not text and shaded:
            quarters.extend(Quarter(year, q, "shading") for q in period.quarters)
        elif text:
            quarters.extend(text_to_quarters(text, [year] if year else meta.years, meta.language))
    return quarters


def row_quarters(values: RowValues, meta: DocumentMeta) -> list[Quarter]:
    """Quarters from the period cells, then from the timeline text or the start and end dates."""
    quarters = period_quarters(values, meta)
    if timeline := values.named.get("timeline"):
        quarters.extend(text_to_quarters(stated_timeline(timeline), meta.years, meta.language))
    elif any(values.dates):
        quarters.extend(dates_to_quarters(*values.dates, meta.years, meta.language))
    first_by_period = {(q.year, q.quarter): q for q in reversed(quarters)}
    return sorted(first_by_period.values(), key=lambda q: (q.year or 0, q.quarter))
