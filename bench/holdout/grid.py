"""A plan laid out by a Layout: the tables of the document (texts, merges, fills, typed cells) and its gold.

The gold is written from the same parameters that write the cells, in the public suite's format and
conventions (../shared/benchmarks/workplan-suite/README.md, "Gold conventions"): the activity as the leaf text
with line breaks as spaces; context labels as printed where the document shows the level; quarters of the plan
year where the document times its activities (marks, shading, month columns, start and end dates, free text),
None for meeting deadlines and target dates; leads and partners as lists of accepted names; status where the
document has a status column.
"""

from __future__ import annotations

import calendar
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from bench.holdout.beside import extras, pre_lines
from bench.holdout.cards import (
    board_status,
    fiscal_period_cell,
    fiscal_quarter_header,
    more_partners,
    with_person,
    with_steps,
)
from bench.holdout.content import LEVELS, Activity, Plan, actors, plans, rng, words
from bench.holdout.dates import date_cell, deadline, span_dates, timeframe
from bench.holdout.forms import (
    gold_actors,
    half_header,
    joint_cell,
    long_rows,
    month_span,
    pairs_gold,
    status_cell,
    two_year_pairs,
)
from bench.holdout.habits import bulleted, continued_rows
from bench.holdout.idioms import coord_timeframe, first_note, initials, note_mark, note_row, with_code
from bench.holdout.layout import Layout
from bench.holdout.looks import by_lead, lead_band, quarter_amount, quarter_shares, range_cell, slide_dropped
from bench.holdout.offices import SHORT_MONTHS, mixed_timeframe, with_role
from bench.holdout.practice import with_contact
from bench.holdout.reshape import (
    add_bullet,
    add_second,
    fiscal_gold,
    fiscal_month,
    merge_actors,
    same_group,
    start_bullets,
)
from bench.holdout.spelling import actor_cell, spell
from bench.holdout.strokes import noted_mark
from bench.holdout.tempo import WEEKS, duration_cell, loose_timeframe, week_band, week_header, week_month
from tools.office import HEADER_FILL, LEFT, UP

TIMELINE_ROLES = ("q", "months", "halves", "months2y", "q2y", "fq", "weeks")
COUNTS = {"q": 4, "months": 12, "halves": 2, "months2y": 12, "q2y": 8, "fq": 4, "weeks": WEEKS}
# Section-like modes: the level is printed in a row of its own between activity rows.
ROW_MODES = ("section", "section_cells", "label_pair", "numbered", "indent", "font")
TOTAL = {"en": "Total", "fr": "Total général", "es": "Total", "pt": "Total"}
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
# The separator between a level's name and code and its text, by language ("Objective 1: …", "Axe 1 : …").
LABEL_SEPARATOR = {"en": ": ", "fr": " : ", "es": ": ", "pt": ": "}
STATUS_FILLS = {
    "completed": "C6EFCE",
    "ongoing": "FFEB9C",
    "planned": "DDEBF7",
    "on_hold": "F8CBAD",
    "cancelled": "D9D9D9",
    "unclear": "FCE4D6",
}


@dataclass
class Part:
    """One table of the document: its heading (a paragraph above it, or its sheet's title) and its cells."""

    heading: str
    rows: list[list[str]]
    header_rows: int
    above: tuple[str, ...] = ()  # the headings of higher levels over this one's, when there are several levels
    fills: list[tuple[int, int, str]] = field(default_factory=list)
    bold_rows: list[int] = field(default_factory=list)
    values: list[tuple[int, int, date | float, str]] = field(default_factory=list)
    depths: dict[int, int] = field(default_factory=dict)  # level rows told only by indentation or type: depth


@dataclass
class Built:
    """A document's tables, the lines above them, its further tables and its gold."""

    plan: Plan
    layout: Layout
    pre: list[str]
    parts: list[Part]
    extras: list[tuple[str, list[list[str]]]]
    gold: list[dict[str, Any]]
    axes: set[str]


@dataclass
class Row:
    """An activity row in the making: its cells, their fills and typed values, and its gold."""

    cells: list[str]
    fills: list[tuple[int, str]] = field(default_factory=list)
    values: list[tuple[int, date | float, str]] = field(default_factory=list)
    gold: dict[str, Any] = field(default_factory=dict)


def build(layout: Layout) -> Built:
    """The document a layout describes."""
    plan = plans()[layout.plan]
    draws = rng("doc", layout.name)
    columns = expand(layout.cols)
    header = header_rows(plan, layout, columns, draws)
    parts: list[Part] = []
    gold: list[dict[str, Any]] = []
    axes: set[str] = set()
    for headings, group in split(plan, layout):
        part = Part(headings[-1], [list(row) for row in header], len(header), headings[:-1])
        group = by_lead(group) if layout.lead_band else group
        part_gold = fill_part(part, plan, layout, columns, group, draws, axes)
        gold += slide_dropped(part, part_gold, layout) if layout.slide_order else part_gold
        merge_context_columns(part, layout, columns)
        parts.append(part)
    if layout.lead_band:  # the gold in the plan's order, whatever the document's
        order = {activity.text: activity.index for activity in plan.activities}
        gold.sort(key=lambda row: order[row["activity"]])
    return Built(plan, layout, pre_lines(plan, layout, draws), parts, extras(plan, layout, draws), gold, axes)


# ---------------------------------------------------------------- columns and header


def expand(cols: tuple[str, ...]) -> list[tuple[str, int]]:
    """Columns as (role, period): four quarter, twelve month or two half-year columns for the timeline roles."""
    out: list[tuple[str, int]] = []
    for role in cols:
        count = COUNTS.get(role)
        out += [(role, k) for k in range(1, count + 1)] if count else [(role, 0)]
    return out


def header_text(plan: Plan, layout: Layout, role: str, period: int, draws: random.Random) -> str:
    lang = words()[plan.lang]
    if role == "fq":
        return fiscal_quarter_header(plan, layout, period)
    if role == "weeks":
        return week_header(plan, layout, period)
    if role in ("q", "q2y"):
        year, period = (plan.year + (period - 1) // 4, (period - 1) % 4 + 1) if role == "q2y" else (plan.year, period)
        return quarter_label(plan, layout, period, year)
    if role in ("months", "months2y"):
        month = fiscal_month(layout, plan.year, period)[0] if role == "months2y" else period
        if layout.month_dates:  # a date cell (the first of the month) shown "mmm-yy"
            return f"{SHORT_MONTHS[plan.lang][month - 1]}-{plan.year % 100}"
        if layout.months == "initial":
            return str(lang["months"][month - 1][0].upper())
        name = lang["months"][month - 1] if layout.months == "full" else lang["months_abbr"][month - 1]
        return name.upper() if layout.months == "upper" else name.capitalize() if plan.lang == "en" else name
    if role == "halves":
        return half_header(plan, layout, period)
    if role in layout.hdr:
        return layout.hdr[role]
    if role in LEVELS and role in plan.names:
        return plan.names[role]
    return str(draws.choice(lang["headers"][role]))


def quarter_label(plan: Plan, layout: Layout, period: int, year: int) -> str:
    """A quarter as the layout heads it ("Q1", "T1 2027", "Jan–Mar 2027", "01/01–31/03", "JFM")."""
    lang = words()[plan.lang]
    first, last = 3 * period - 2, 3 * period
    months = f"{lang['months_abbr'][first - 1]}–{lang['months_abbr'][last - 1]}"
    days = f"01/{first:02d}–{calendar.monthrange(plan.year, last)[1]}/{last:02d}"
    q = lang["quarter"].format(q=period)
    return layout.qhdr.format(
        Q=q, y=year, yy=year % 100, range=months, days=days, n=period, initials=initials(plan, period)
    )


def header_rows(plan: Plan, layout: Layout, columns: list[tuple[str, int]], draws: random.Random) -> list[list[str]]:
    """One header row, or two when a title spans the timeline columns or the actor columns (the other headers
    merged down)."""
    texts = [header_text(plan, layout, role, period, draws) for role, period in columns]
    tops = [span_title(plan, layout, role, period) for role, period in columns]
    if not any(tops):
        return [texts]
    top, below = [], []
    for c, text in enumerate(texts):
        if tops[c]:
            starts = c == 0 or tops[c - 1] != tops[c]
            top.append(tops[c] if starts else LEFT)
            below.append(text)
        else:
            top.append(text)
            below.append(UP)
    return [top, below]


def span_title(plan: Plan, layout: Layout, role: str, period: int) -> str:
    """The title a header cell sits under in a second header row ("Timeline 2025", "2026", "Responsibility")."""
    if role == "months2y":
        return str(fiscal_month(layout, plan.year, period)[1])
    if role == "months" and layout.month_quarters:  # a merged quarter cell over its three months
        return quarter_label(plan, layout, (period - 1) // 3 + 1, plan.year)
    if role == "q2y":
        return "" if layout.year_in_quarter else str(plan.year + (period - 1) // 4)
    if role == "weeks" and layout.two_row:  # the month over its weeks
        return week_band(plan, period)
    if role in TIMELINE_ROLES and layout.two_row:
        return str((layout.band or words()["timeline_title"][plan.lang]).format(y=plan.year))
    return layout.actor_group if role in ("lead", "partners") else ""


# ---------------------------------------------------------------- parts and context


def split(plan: Plan, layout: Layout) -> Iterator[tuple[tuple[str, ...], list[Activity]]]:
    """The activities by table: one per value of the levels shown as headings (their labels, the deepest
    last), else one table."""
    levels = [lv for lv in plan.levels if layout.mode(lv) == "heading"]
    if not levels:
        yield ("",), list(plan.activities)
        return
    current: list[Activity] = []
    for activity in plan.activities:
        if current and any(current[-1].context[lv] != activity.context[lv] for lv in levels):
            yield tuple(label(plan, layout, lv, current[0]) for lv in levels), current
            current = []
        current.append(activity)
    yield tuple(label(plan, layout, lv, current[0]) for lv in levels), current


def code(layout: Layout, path: tuple[int, ...]) -> str:
    """The code of a position in the plan's tree under the layout's numbering."""
    if layout.numbering == "alpha":
        parts = [chr(ord("A") + path[0] - 1), *map(str, path[1:])]
    elif layout.numbering == "roman":
        parts = [ROMAN[path[0] - 1], *map(str, path[1:])]
    elif layout.numbering == "letter" and len(path) > 1:
        parts = [*map(str, path[:-1]), chr(ord("a") + path[-1] - 1)]
    else:
        parts = list(map(str, path))
    return ".".join(parts)


def level_code(layout: Layout, path: tuple[int, ...]) -> str:
    """A level's code in a numbered heading row; with `level_dot` dotted numbers whatever the activities' scheme,
    the top level's with a final dot ("1.", "1.1" over "1.1.a")."""
    if not layout.level_dot:
        return code(layout, path)
    return ".".join(map(str, path)) + ("." if len(path) == 1 else "")


def label(plan: Plan, layout: Layout, level: str, activity: Activity) -> str:
    """A level's label as the document prints it: plain, numbered ("1.2 …") or full ("Output 1.2: …")."""
    raw = activity.context[level]
    if level == "indicator":
        return raw
    depth = plan.levels.index(level)
    number = level_code(layout, activity.path[: depth + 1]).rstrip(".")
    style = layout.label.get(level, "plain")
    if style == "num":
        return f"{number}. {raw}" if "." not in number else f"{number} {raw}"
    if style == "full":
        return f"{plan.names[level]} {number}{LABEL_SEPARATOR[plan.lang]}{raw}"
    return raw


def shown(plan: Plan, layout: Layout, level: str) -> bool:
    """Whether the document prints a level at all (as a column, a row of its own or a heading)."""
    if level == "indicator":
        return "indicator" in layout.cols
    return level in plan.levels and (level in layout.cols or layout.mode(level) in (*ROW_MODES, "heading"))


def fill_part(
    part: Part,
    plan: Plan,
    layout: Layout,
    columns: list[tuple[str, int]],
    group: list[Activity],
    draws: random.Random,
    axes: set[str],
) -> list[dict[str, Any]]:
    """The body of one table: level rows where a level changes, one row per activity; the gold of each."""
    gold: list[dict[str, Any]] = []
    previous: Activity | None = None
    header = [list(row) for row in part.rows[: part.header_rows]]
    for seq, activity in enumerate(group, start=1):
        if previous is not None and previous.context[plan.levels[0]] != activity.context[plan.levels[0]]:
            part.rows += first_note(part.rows, layout.footnotes, len(columns))
            part.rows += [[""] * len(columns)] if layout.spacer_rows else []
            part.rows += [list(row) for row in header] if layout.header_per_group else []
        if layout.rehead and seq == layout.rehead + 1:
            add_continued_rows(part, plan.lang, header)
        if layout.lead_band and (previous is None or previous.lead != activity.lead):
            add_lead_band(part, plan, layout, len(columns), activity)
        changed = False
        for level in plan.levels:
            changed = changed or previous is None or previous.context[level] != activity.context[level]
            if changed and layout.mode(level) in ROW_MODES:
                add_level_row(part, plan, layout, columns, level, activity)
        row = activity_row(plan, layout, columns, activity, previous, seq, draws, axes)
        roles = [role for role, _ in columns]
        if layout.pairs and same_group(plan, previous, activity) and activity.path[-1] % 2 == 0:
            gold.append(add_second(part.rows[-1], gold[-1], roles, activity.text))
            previous = activity
            continue
        if layout.bullets and same_group(plan, previous, activity):
            gold.append(add_bullet(part.rows[-1], gold[-1], roles, activity.text))
            previous = activity
            continue
        if layout.bullets:
            start_bullets(row.cells, roles)
        if layout.merge_actors and same_group(plan, previous, activity) and activity.path[-1] % 2 == 0:
            merge_actors(row.cells, row.gold, gold[-1], roles)
        for cells in long_rows(row.cells, roles, plan, layout, activity) if "period" in roles else [row.cells]:
            add_row(part, Row(cells, row.fills, row.values))
        gold.append(row.gold)
        previous = activity
    if layout.total_row:
        add_total_row(part, plan, columns)
    part.rows += [note_row(text, len(columns)) for text in layout.footnotes[1:]]
    part.rows += [note_row(layout.legend, len(columns))] if layout.legend else []
    return gold


def add_continued_rows(part: Part, lang: str, header: list[list[str]]) -> None:
    """A note row and the header rows again inside the body, the header copy bold and shaded as the header is."""
    r = len(part.rows)
    part.rows += continued_rows(lang, header)
    for k, row in enumerate(header, start=r + 1):
        part.bold_rows.append(k)
        part.fills += [(k, c, HEADER_FILL) for c in range(len(row))]


def add_total_row(part: Part, plan: Plan, columns: list[tuple[str, int]]) -> None:
    """A last row adding up the budget column, its label in the activity column."""
    roles = [role for role, _ in columns]
    budgets = [row[roles.index("budget")].replace(",", "") for row in part.rows[part.header_rows :]]
    cells = [""] * len(columns)
    cells[roles.index("activity")] = TOTAL[plan.lang]
    cells[roles.index("budget")] = f"{sum(int(b) for b in budgets if b.isdigit()):,}"
    part.bold_rows.append(len(part.rows))
    part.rows.append(cells)


def add_lead_band(part: Part, plan: Plan, layout: Layout, width: int, activity: Activity) -> None:
    """A band row naming the lead of the activities below it, merged across, bold and shaded."""
    r = len(part.rows)
    part.rows.append([lead_band(activity.lead, plan.lang)] + [LEFT] * (width - 1))
    part.fills += [(r, 0, layout.section_fill)] if layout.section_fill else []
    part.bold_rows.append(r)


def add_level_row(
    part: Part, plan: Plan, layout: Layout, columns: list[tuple[str, int]], level: str, activity: Activity
) -> None:
    """A row of its own for a level: a band, a shaded lone label, a label and its text, or a numbered heading."""
    mode, width = layout.mode(level), len(columns)
    r = len(part.rows)
    depth = plan.levels.index(level)
    if mode in ("indent", "font"):  # the bare label in the activity column, neither bold nor shaded here
        cells = [""] * width
        cells[[role for role, _ in columns].index("activity")] = label(plan, layout, level, activity)
        part.depths[r] = depth
        part.rows.append(cells)
        return
    if mode == "section":
        cells = [label(plan, layout, level, activity)] + [LEFT] * (width - 1)
        part.fills += [(r, 0, layout.section_fill)] if layout.section_fill else []
    elif mode == "section_cells":
        first = next(c for c, (role, _) in enumerate(columns) if role != "num")
        cells = [""] * width
        cells[first] = label(plan, layout, level, activity)
        part.fills += [(r, c, layout.section_fill) for c in range(width) if layout.section_fill]
    elif mode == "label_pair":
        number = code(layout, activity.path[: depth + 1])
        cells = [f"{plan.names[level]} {number}", activity.context[level]] + [""] * (width - 2)
    else:
        roles = [role for role, _ in columns]
        cells = [""] * width
        cells[roles.index("num")] = level_code(layout, activity.path[: depth + 1])
        cells[roles.index("activity")] = activity.context[level]
        part.fills += [(r, c, layout.section_fill) for c in range(width) if layout.section_fill]
    part.rows.append(cells)
    part.bold_rows.append(r)


def add_row(part: Part, row: Row) -> None:
    r = len(part.rows)
    part.rows.append(row.cells)
    part.fills += [(r, c, fill) for c, fill in row.fills]
    part.values += [(r, c, value, fmt) for c, value, fmt in row.values]


def merge_context_columns(part: Part, layout: Layout, columns: list[tuple[str, int]]) -> None:
    """Context columns in col_merged mode: a cell equal to the one above, in a run of activity rows, merged up."""
    for c, (role, _) in enumerate(columns):
        if role not in LEVELS or (role == "indicator" and role not in layout.ctx) or layout.mode(role) != "col_merged":
            continue
        for r in range(len(part.rows) - 1, part.header_rows, -1):
            above, cell = part.rows[r - 1][c], part.rows[r][c]
            level_rows = r in part.bold_rows or r - 1 in part.bold_rows
            if cell and cell == above and not level_rows:
                part.rows[r][c] = UP


# ---------------------------------------------------------------- activity rows


def activity_row(
    plan: Plan,
    layout: Layout,
    columns: list[tuple[str, int]],
    activity: Activity,
    previous: Activity | None,
    seq: int,
    draws: random.Random,
    axes: set[str],
) -> Row:
    """The cells of one activity row and its gold."""
    row = Row([])
    lang = plan.lang
    leads = actor_cell(activity.lead, lang, layout, draws, axes)
    leads = (leads[0] + note_mark(layout.footnotes, plan, activity), leads[1])
    if layout.lead_roles:
        lead_actor = actors().get(activity.lead)
        agency = lead_actor is not None and lead_actor.registered and not lead_actor.role
        leads = (with_role(leads[0], activity.lead, layout.lead_roles, agency, draws), leads[1])
    if layout.contacts:
        leads = (with_contact(leads[0], activity.lead, lang, draws), leads[1])
    if layout.lead_person:
        leads = (with_person(leads[0], activity.lead, lang, rng("person", layout.name, activity.index)), leads[1])
    partners = actor_cell(activity.partners, lang, layout, draws, axes)
    partners = (bulleted(partners[0]), partners[1]) if layout.bullet_partners else partners
    if layout.partners_more:
        partners = (more_partners(partners[0], lang, rng("more", layout.name, activity.index)), partners[1])
    status, status_fill = status_cell(activity, lang, layout, draws, plan.year)
    status = "" if layout.struck and activity.status == "cancelled" else status  # the row struck through says it
    text = broken(activity.text, draws) if layout.multiline else activity.text
    text = with_steps(text, activity.steps) if layout.steps else text
    first, last = span_dates(plan, activity, draws)
    for c, (role, period) in enumerate(columns):
        if role in LEVELS:
            changed = previous is None or previous.context.get(role) != activity.context.get(role)
            keep = layout.mode(role) != "col_first" or changed or role == "indicator"
            row.cells.append(label(plan, layout, role, activity) if keep else "")
        elif role == "num":
            row.cells.append(code(layout, activity.path) if layout.num_style == "code" else str(seq))
        elif role == "activity":
            cell = with_code(layout.code_in_text, code(layout, activity.path), text)
            row.cells.append(f"{leads[0]}: {cell}" if layout.lead_in_text else cell)
        elif role in ("lead", "partners"):
            row.cells.append((leads if role == "lead" else partners)[0])
        elif role == "lead_support":
            row.cells.append(joint_cell(lang, layout, leads[0], partners[0]))
        elif role in TIMELINE_ROLES:
            row.cells.append(period_cell(plan, layout, role, period, activity, draws, row, c))
        elif role == "period":
            row.cells.append("")  # one row per quarter: long_rows
        elif role == "daterange":
            row.cells.append(range_cell(layout, lang, first, last, draws))
        elif role == "fperiod":
            row.cells.append(fiscal_period_cell(plan, layout, activity))
        elif role in ("start", "end", "target"):
            day = first if role == "start" else last
            row.cells.append(date_cell(layout, lang, day, row.values, c))
        else:
            row.cells.append(other_cell(plan, layout, role, activity, status, draws))
            if role == "status" and layout.status_fill and activity.status:
                row.fills.append((c, STATUS_FILLS[activity.status]))
            if role == "status" and status_fill:
                row.fills.append((c, status_fill))
    row.gold = gold_row(plan, layout, activity, text, leads[1], partners[1], status)
    return row


def period_cell(
    plan: Plan, layout: Layout, role: str, period: int, activity: Activity, draws: random.Random, row: Row, c: int
) -> str:
    """A quarter, month or half-year cell: ticked (a mark, or a fill) where the activity runs."""
    if role in ("q", "fq"):  # a fiscal year's quarters: the activity's, counted from `fy_start`
        on = period in activity.quarters
    elif role in ("months", "months2y"):
        on = period in activity.months
    elif role == "weeks":
        on = week_month(plan.year, period) in activity.months
    elif role == "q2y":
        on = (plan.year + (period - 1) // 4, (period - 1) % 4 + 1) in two_year_pairs(plan, activity)
    else:
        on = any(q in activity.quarters for q in ((1, 2) if period == 1 else (3, 4)))
    if not on or layout.mark == "cf":  # "cf": a conditional formatting rule shades the cell, not its text
        return ""
    if layout.mark in ("amount", "percent"):
        return budget_cell(plan, layout, activity, period, row, c)
    if layout.mark == "date":  # a quarter column holding the day the activity is due in that quarter
        month = draws.choice([m for m in activity.months if (m - 1) // 3 + 1 == period])
        return date_cell(layout, plan.lang, date(plan.year, month, draws.randint(1, 28)), row.values, c)
    if layout.mark.startswith("shade:"):
        row.fills.append((c, layout.mark.split(":", 1)[1]))
        return ""
    return noted_mark(draws.choice(layout.mark.split("|")), layout, activity, period)


def budget_cell(plan: Plan, layout: Layout, activity: Activity, quarter: int, row: Row, c: int) -> str:
    """A quarter's budget (USD) or share of the activity's budget; a number cell in a workbook."""
    if layout.mark == "amount":
        amount = quarter_amount(plan.key, activity, quarter)
        row.values += [(c, float(amount), "#,##0")] if layout.extension == "xlsx" else []
        return f"{amount:,}"
    share = quarter_shares(plan.key, activity)[quarter]
    row.values += [(c, share / 100, "0%")] if layout.extension == "xlsx" else []
    return f"{share}%"


def other_cell(plan: Plan, layout: Layout, role: str, activity: Activity, status: str, draws: random.Random) -> str:
    lang = plan.lang
    if role == "status":
        return status
    if role == "timeframe" and layout.span_text:
        return month_span(plan, activity, draws)
    if role == "timeframe" and layout.timeframe_style == "coord":
        return coord_timeframe(plan, activity, draws)
    if role == "timeframe" and layout.timeframe_style == "loose":
        return loose_timeframe(plan, activity, draws)
    if role == "duration":
        return duration_cell(activity)
    if role == "timeframe" and layout.timeframe_style == "mixed":
        return mixed_timeframe(plan, activity, draws)
    if role == "timeframe":
        return deadline(plan, draws) if plan.minutes else timeframe(plan, activity, draws)
    if role == "comments":
        return str(draws.choice(words()["remarks"][lang]))
    if role == "location":
        return activity.place[0]
    if role == "location2":
        return activity.place[1]
    if role == "beneficiaries":
        return f"{draws.randrange(200, 25000, 50):,}".replace(",", "," if lang == "en" else " ")
    if role == "budget":
        return f"{draws.randrange(20000, 900000, 5000):,}"
    if role in ("baseline", "target_value"):
        low = draws.randrange(0, 40, 5)
        return f"{low if role == 'baseline' else low + draws.randrange(20, 60, 5)}%"
    if role == "discussion":
        return str(draws.choice(words()["discussion"][lang]))
    if role == "ref":
        return f"{plan.key.upper().replace('_', '-')}-{activity.index + 1:03d}"
    if role == "donor":
        key = draws.choice(("echo", "usaid_bha", "fcdo", "cerf"))
        return spell(key, lang, layout, draws)
    raise ValueError(f"no cell for the role {role}")


def broken(text: str, draws: random.Random) -> str:
    """A long cell broken the way a user presses Enter in it."""
    parts = text.split(" ")
    if len(parts) < 9 or draws.random() < 0.5:
        return text
    cut = draws.randint(4, len(parts) - 3)
    return " ".join(parts[:cut]) + "\n" + " ".join(parts[cut:])


# ---------------------------------------------------------------- gold


def gold_row(
    plan: Plan,
    layout: Layout,
    activity: Activity,
    text: str,
    leads: list[list[str]],
    partners: list[list[str]],
    status: str,
) -> dict[str, Any]:
    """The gold of one activity (the suite's format)."""
    matrix = (
        "activity" in layout.cols
        and not any(level in layout.cols for level in LEVELS)
        and not any(layout.mode(level) in (*ROW_MODES, "heading") for level in plan.levels)
    )
    context = {
        level: None
        if matrix or not shown(plan, layout, level) or level not in activity.context
        else label(plan, layout, level, activity)
        for level in LEVELS
    }
    quarters: list[int] | None
    year: int | None
    if {"months2y", "fq", "fperiod"} & set(layout.cols):
        quarters, year = fiscal_gold(plan, layout, activity)
    elif "q2y" in layout.cols:
        quarters, year = pairs_gold(two_year_pairs(plan, activity), plan.year)
    else:
        quarters, year = gold_quarters(plan, layout, activity), plan.year
    return {
        "activity": re.sub(r"\s+", " ", text).strip(),
        **context,
        "quarters": quarters,
        "year": year,
        **gold_actors(layout, leads, partners),
        "status": board_status(activity) if layout.kanban else gold_status(layout, activity),
    }


def gold_quarters(plan: Plan, layout: Layout, activity: Activity) -> list[int] | None:
    """The quarters the document says the activity runs in; None where it gives a deadline or a target date."""
    cols = set(layout.cols)
    timed = {"q", "months", "start", "end", "period", "daterange", "weeks"}
    if cols & timed or ("timeframe" in cols and not plan.minutes):
        return sorted(activity.quarters)
    if "halves" in cols:
        halves = {1 if q <= 2 else 2 for q in activity.quarters}
        return sorted(q for h in halves for q in ((1, 2) if h == 1 else (3, 4)))
    return None


def gold_status(layout: Layout, activity: Activity) -> str | None:
    if "status" not in layout.cols or activity.status in ("", "unclear"):
        return None
    return activity.status
