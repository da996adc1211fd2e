"""How a holdout document lays its plan out: the parameters of one document (`Layout`)."""

from __future__ import annotations

from dataclasses import dataclass, field

# Context modes of a level:
#   col_merged   a column, its cell merged down over the rows of the group
#   col_first    a column, written on the group's first row only (blank below)
#   col_repeat   a column, written on every row
#   section      a band row merged across the table (bold, shaded)
#   section_cells a band row not merged: the label in the first cell, the row shaded across
#   label_pair   a row with the bare label ("Outcome 2") in the first cell and its text in the second
#   numbered     a heading row: its code in the number column, its text in the activity column
#   heading      a heading paragraph above the group's own table (DOCX) or the group's own sheet (XLSX)
#   indent       a row with the bare label in the activity column, told from the activities below it only by its
#                indentation (an XLSX cell's indent level, a Word paragraph's left indent): no band, no number
#   font         the same row told only by its font: the top level bold, the next italic, activities upright
CONTEXT_MODES = (
    "col_merged",
    "col_first",
    "col_repeat",
    "section",
    "section_cells",
    "label_pair",
    "numbered",
    "heading",
    "indent",
    "font",
)
# Numbering schemes of codes: 1 / 1.1 / 1.1.1; A / A.1 / A.1.1; I / I.1 / I.1.1; 1 / 1.1 / 1.1.a (letters last).
NUMBERINGS = ("dotted", "alpha", "roman", "letter")
# Date cells: 01/03/2025, 2025-03-01, "1 March 2025", an XLSX date cell, an XLSX or CSV serial number, a month
# and its year ("Mar 2027", "mars 2027").
DATE_STYLES = ("dmy", "iso", "text", "xlsx_date", "serial", "month")
# Column roles: besides the levels, these ("daterange": the first and last day in one cell, "15/01/2027 – 30/04/2027"
# or "du 15 janv. au 30 avril 2027" by `dates`); "q" (4 columns), "months" (12), "halves" (2) are timeline columns, and
# "months2y" twelve month columns from the month `fy_start` of the plan year into the next, under a row of years;
# "q2y" eight quarter columns of the plan year and the next under a row of years; "period" one quarter column of a
# long export (a row per activity and quarter); "lead_support" the lead and the partners in one cell.
COLUMN_ROLES = (
    "num",
    "activity",
    "lead",
    "partners",
    "donor",
    "timeframe",
    "target",
    "start",
    "end",
    "q",
    "months",
    "halves",
    "status",
    "comments",
    "location",
    "location2",
    "beneficiaries",
    "budget",
    "months2y",
    "baseline",
    "target_value",
    "discussion",
    "ref",
    "lead_support",
    "q2y",
    "period",
    "daterange",
    "fq",
    "fperiod",
    "weeks",
    "duration",
)
# "fq": four quarter columns of a fiscal year starting in the month `fy_start` of the plan year (its quarters fall in
# two calendar years); "fperiod": the first and last month of such a fiscal year's activity in one cell.
# "weeks": 52 columns of ISO weeks ("W1" … "W52", or the layout's `hdr["weeks"]` with {w}), under a row of the months
# their Thursdays fall in with `two_row`; "duration": the number of months an activity runs from its "start" month.
# "md": a Markdown pipe table under its title; "txt": a sheet saved as Excel's Unicode text (UTF-16, tabs), or with
# `records` "kv" a plan tool's "key: value" export; "tsv": a tab-separated export.
FORMATS = ("docx", "xlsx", "csv", "pptx", "md", "txt", "tsv")


@dataclass(frozen=True)
class Layout:
    """One document: its file name (the format by its extension), its plan, columns and layout choices."""

    name: str
    plan: str
    cols: tuple[str, ...]
    ctx: dict[str, str] = field(default_factory=dict)  # level -> a CONTEXT_MODES entry (default col_merged)
    label: dict[str, str] = field(default_factory=dict)  # level -> plain | num | full
    numbering: str = "dotted"
    num_style: str = "code"  # code: the activity's code; seq: 1, 2, 3 … down the table
    hdr: dict[str, str] = field(default_factory=dict)  # role -> header text (else drawn from words.toml)
    # the text of a ticked period cell, "shade:RRGGBB", "date" (quarters: a due date, `dates`), "amount" (the
    # activity's budget in that quarter, USD), "percent" (its share of the activity's budget), "cf" (XLSX: the cell
    # empty, shaded by a conditional formatting rule over the start and end date columns)
    mark: str = "X"
    months: str = "abbr"  # full | abbr | upper | initial (one letter: J F M A …)
    qhdr: str = "{Q}"  # quarter header: {Q} words' quarter label, {y} the year, {range} "Jan–Mar", {days} "01/01–31/03"
    two_row: bool = False  # a row over the timeline columns ("Timeline 2025") above the period labels
    band: str = ""  # that row's text ({y} the year: "{y}" prints "2027"), else words.toml's "Timeline {y}"
    actor_group: str = ""  # a header over the lead and partner columns ("Responsibility" over "Lead | Support")
    dates: str = "dmy"
    pre: tuple[str, ...] = ("title",)  # lines above the header: title, subtitle, note, updated, logo
    pre_in_table: bool = False  # those lines as merged rows of the table itself
    seps: tuple[str, ...] = (", ", " / ", "; ", "\n", " & ")
    typos: float = 0.08
    notes: float = 0.1
    multiline: bool = False  # line breaks inside long activity cells
    ruled: bool = True
    landscape: bool = False
    repeat_header: bool = True
    font_pt: float | None = None
    section_fill: str = "D9E2F3"  # "" for level rows without shading
    spacer_rows: bool = False  # an empty row between the groups of the top level
    header_per_group: bool = False  # the header repeated above each group of the top level
    total_row: bool = False  # a last row adding up the budget column
    status_fill: bool = False
    extra: tuple[str, ...] = ()  # further tables that hold no activity: contacts, budget, acronyms, legend
    narrative: bool = False  # paragraphs of text before the tables
    pdf: bool = False  # rendered to PDF as well (the same gold)
    delimiter: str = ","  # CSV only
    bom: bool = False  # CSV only
    rows_per_slide: int = 6  # PPTX only
    fy_start: int = 7  # months2y: the first month of the twelve
    merge_actors: bool = False  # the lead and partner cells of every second activity of a group merged up
    bullets: bool = False  # a group's activities as bullets in one cell of one row (its first's other cells)
    header_first_only: bool = False  # PPTX: the header on the first slide of the table only
    hidden_cols: tuple[str, ...] = ()  # XLSX: columns (by role) hidden in the sheet
    hidden_rows: int = 0  # XLSX: every n-th activity row hidden in the sheet (0: none); still in the gold
    hhdr: str = "{H}"  # half-year header: {H} words' label, {n} 1/2, {r} I/II, {o} 1er/2e, {y} the year
    joint: int = 0  # lead_support: 0 "Lead: A / Support: B" on one line, 1 on two lines, 2 "A" / "B, C" unlabelled
    # words | percent (100% / 0% / 35%, else words) | rag (On track / Off track, coloured) | marks ("✓ Done",
    # "🟡 En cours", coloured text) | colour (words in coloured text) | light (a traffic light's colour named in a
    # filled cell, "Verde", read by the legend row) | dated (the status and its day: "Completed 12/03/2027") |
    # code (a short code, "C", "EC", spelt out by the key under the table) | emoji (an emoji alone, "✅", read by
    # the legend row or the key) | percent-word (a percent and a word: "60% – en cours") | colour-only (an empty cell
    # filled with the status's colour, spelt out on a legend sheet)
    status_style: str = "words"
    span_text: bool = False  # a free-text time frame written as a month span ("from March to June", "hasta mayo")
    continued: bool = False  # PPTX: the slides after a table's first titled "… (continued)" instead of "(1/3)"
    slide_title: str = ""  # PPTX: the table slides' title (else the table's heading or the plan's subtitle)
    slide_fit: bool = False  # PPTX: the table's columns sized as an author would (else equal), its text 9 pt
    comment_lines: tuple[str, ...] = ()  # CSV only: lines written as they are above the header ("# Exported …")
    code_in_text: str = ""  # the activity's code written in its cell before the text, after this (" - ")
    # words | coord ("w/c 11 Jan", "by end Q3", "H1 2027", "Throughout the year") | mixed ("Q1-Q2", "Jan–Jun 2027",
    # "T3", "S2", "ongoing" down one column) | loose ("week 12", "mid-Q3", "end June", "1st half", "weeks 10–35")
    timeframe_style: str = "words"
    footnotes: tuple[str, ...] = ()  # footnote rows in the table body: after the first top-level group, at its end
    rotated_header: bool = False  # DOCX: the timeline columns' headers read bottom to top
    grouped_rows: bool = False  # XLSX: the activity rows grouped (outline) under their band rows
    side_by_side: bool = False  # PPTX: a table per group of the deepest band level, two on a slide
    lead_roles: tuple[str, ...] = ()  # a lead naming one agency followed by a person's role ("UNICEF (WASH Officer)")
    legend: str = ""  # a last row of the table body telling what the status colours mean
    encoding: str = "utf-8"  # CSV only: the text's encoding ("cp1252": a Windows export)
    level_dot: bool = False  # level codes dotted whatever the numbering; in numbered rows the top one "1." ("1.1")
    colead: bool = False  # a lead cell naming two leads written "A (co-lead: B)" instead of "A with B"
    bullet_partners: bool = False  # each partner on a line of its own after a bullet ("• A\n• B")
    rehead: int = 0  # after this many activities, a note row and the header rows again inside the body (0: none)
    action_paragraphs: bool = False  # DOCX: minutes whose action points are numbered paragraphs, not a table
    year_in_quarter: bool = False  # q2y: one header row, each quarter's label holding its year ("T1-27", "Q1/27")
    contacts: bool = False  # a lead naming one organisation followed by its focal person's name and email
    key: str = ""  # a key to the header's abbreviations under the table (DOCX: a paragraph; CSV: a line)
    workbook_extras: bool = False  # XLSX: cell comments, a summary sheet counting activities, a hidden lists sheet
    nested: bool = False  # DOCX: a table per group of the top levels nested in a cell of an outer table
    text_boxes: bool = False  # PPTX: each slide's table drawn as a grid of text boxes, not a table object
    tracked: bool = False  # DOCX: tracked changes (insertions and deletions) in some activity and status cells
    lead_band: bool = False  # the activities grouped under a band row naming their lead (no lead column)
    prose: bool = False  # DOCX: no table; per activity a bold paragraph and labelled lines (Lead: …, Timeline: …)
    month_dates: bool = False  # XLSX: the month columns headed by date cells shown "mmm-yy"
    slide_order: tuple[str, ...] = ()  # PPTX: the roles of a table's later slides, in order (a role left out dropped)
    scan: str = ""  # the name of a scanner's copy of the PDF render: its pages as slightly turned images, no text
    # "table" (DOCX): a small two-column table per activity, a labelled row per column ("Lead | UNHCR"), the quarter
    # columns one "Timeline" row; "kv" (txt): a plan tool's export, a "Label: value" line per column, a blank line
    # between activities
    records: str = ""
    kanban: bool = False  # XLSX: a status board, a column per status, each activity a card in its status's column
    side_tables: bool = False  # XLSX: a table per heading, side by side on one sheet, two empty columns between
    gantt_shapes: bool = False  # PPTX: the timeline drawn as bars (rectangles) under month labels, not as a table
    units: dict[str, str] = field(default_factory=dict)  # role -> its unit, in a row of its own under the header
    partners_more: bool = False  # a partner cell ending with a count of partners it does not name ("+3 others")
    lead_person: bool = False  # a lead naming one organisation followed by its focal person and title in brackets
    steps: bool = False  # an activity's sub-activities as a numbered list in its cell, under its text
    sideways: bool = False  # the PDF render's landscape pages turned onto portrait pages (the text reads upwards)
    note: str = ""  # the text of an "explanation" line above the header (a fiscal year, a column's meaning)
    # "table": the lead and partner columns moved out to a second table (DOCX: on a portrait page after the
    # landscape one; XLSX: a sheet of its own) of the activity's code, its lead and its partners
    who: str = ""
    quarter_sheets: bool = False  # XLSX: a sheet per quarter listing the activities run in it (no quarter columns)
    transposed: bool = False  # XLSX: the table turned: an activity per column, the months (and the lead) as rows
    tail: bool = False  # CSV only: a block of totals and a second table (focal points) under the rows
    month_quarters: bool = False  # the month columns under merged quarter cells, the other headers merged down
    mark_notes: str = ""  # superscripts some period marks carry ("X¹"), their notes in `key` under the table
    struck: bool = False  # a cancelled activity's row struck through, its status cell left empty
    pairs: bool = False  # two activities of a group numbered in one cell ("1) …" and "2) …" on two lines)
    lead_in_text: bool = False  # no lead column: the lead opens the activity cell, bold ("UNICEF: Train …")
    rotated_context: bool = False  # DOCX: the context columns narrow, their merged cells' text read bottom to top
    slide_cards: bool = False  # PPTX: a slide per activity, its objective the title, a text box of labelled lines
    axes: tuple[str, ...] = ()  # further manifest axes the parameters above do not name

    def __post_init__(self) -> None:
        unknown = [
            c for c in self.cols if c not in COLUMN_ROLES and c not in ("priority", "objective", "output", "indicator")
        ]
        bad_modes = [m for m in self.ctx.values() if m not in CONTEXT_MODES]
        if unknown or bad_modes or self.numbering not in NUMBERINGS or self.dates not in DATE_STYLES:
            raise ValueError(f"{self.name}: unknown columns {unknown}, modes {bad_modes} or numbering/dates")
        if self.extension not in FORMATS:
            raise ValueError(f"{self.name}: no writer for .{self.extension}")

    @property
    def extension(self) -> str:
        return self.name.rsplit(".", 1)[1]

    def mode(self, level: str) -> str:
        return self.ctx.get(level, "col_merged")
