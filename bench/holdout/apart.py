"""Shapes of the holdout's twelfth batch: a plan whose parts are kept apart (its lead and partners in a second
table joined by the activity's code, a sheet per quarter, the table turned with an activity per column, a CSV
with a block of totals and a second table under its rows), and marks a reader has to read through (statuses as an
emoji alone, footnote markers on quarter marks, cancelled rows struck through, months under merged quarter cells).

Gold conventions for them (decided before any run, from the generator's parameters): an activity's lead and
partners are those the second table gives beside its code; an activity listed on several quarter sheets is one
activity whose quarters are those of its sheets (one on the sheet of unscheduled activities has none); in a turned
table each activity column gives the activity, its objective (the merged cell above it), its lead and the quarters
of its marked month rows; the totals block and the second table under a CSV's rows are no activities; an emoji
status is what the legend or key says it means; a mark with a footnote marker ("X¹") is a mark; a struck-through
activity is an activity whose status is cancelled (its status cell is empty); months under a quarter cell give the
quarters of their marked months.
"""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import replace
from pathlib import Path

import docx
import openpyxl
from openpyxl.styles import Font

from bench.holdout.content import LEVELS, STATUSES, Activity, words
from bench.holdout.grid import Built, Part, expand, quarter_label
from tools import office

# The title of the second table holding each activity's lead and partners, and the header of its code column.
WHO_TITLE = {"en": "Who does what", "fr": "Qui fait quoi", "es": "Responsables por actividad", "pt": "Quem faz o quê"}
CODE = {"en": "Code", "fr": "Code", "es": "Código", "pt": "Código"}
ACTOR_ROLES = ("lead", "partners")
CODE_ROLES = ("num", "ref")
# The sheet of activities no quarter schedules, in a workbook with a sheet per quarter.
UNSCHEDULED = {"en": "Not scheduled", "fr": "À planifier", "es": "Por programar", "pt": "Por programar"}
SCHEDULED = {
    "en": "Activities planned in {q}",
    "fr": "Activités prévues au {q}",
    "es": "Actividades previstas en el {q}",
    "pt": "Atividades previstas no {q}",
}
# The sheet of a turned table.
CALENDAR = {"en": "Calendar", "fr": "Calendrier", "es": "Calendario", "pt": "Cronograma"}
# The block of totals under a CSV's rows: its title, the line counting all activities, and the count of blanks.
TOTALS = {
    "en": ("Summary by status", "Total activities", "No status"),
    "fr": ("Synthèse par état", "Total des activités", "Sans état"),
    "es": ("Resumen por estado", "Total de actividades", "Sin estado"),
    "pt": ("Resumo por estado", "Total de atividades", "Sem estado"),
}
# ---------------------------------------------------------------- cells
# ---------------------------------------------------------------- the lead and partners in a second table


def reshaped(built: Built) -> Built:
    """The document as written: with `who`, its lead and partner columns moved out to a second table of the
    activity's code, lead and partners (before the other further tables)."""
    if not built.layout.who:
        return built
    roles = [role for role, _ in expand(built.layout.cols)]
    code = next(roles.index(role) for role in CODE_ROLES if role in roles)
    lead, partners = roles.index("lead"), roles.index("partners")
    who = [[CODE[built.plan.lang], built.parts[0].rows[0][lead], built.parts[0].rows[0][partners]]]
    for part in built.parts:
        body = range(part.header_rows, len(part.rows))
        who += [[part.rows[r][c] for c in (code, lead, partners)] for r in body if r not in part.bold_rows]
    kept = [c for c, role in enumerate(roles) if role not in ACTOR_ROLES]
    layout = replace(built.layout, cols=tuple(role for role in built.layout.cols if role not in ACTOR_ROLES))
    parts = [without_columns(part, kept) for part in built.parts]
    return replace(built, layout=layout, parts=parts, extras=[(WHO_TITLE[built.plan.lang], who), *built.extras])


def without_columns(part: Part, kept: list[int]) -> Part:
    """A part with only the columns `kept`, its fills and typed cells moved with them."""
    new = {c: k for k, c in enumerate(kept)}
    return replace(
        part,
        rows=[[row[c] for c in kept] for row in part.rows],
        fills=[(r, new[c], fill) for r, c, fill in part.fills if c in new],
        values=[(r, new[c], value, fmt) for r, c, value, fmt in part.values if c in new],
    )


# ---------------------------------------------------------------- a sheet per quarter


def quarter_workbook(built: Built, widths_cm: tuple[float, ...]) -> office.Workbook:
    """A sheet per quarter listing the activities run in it (their rows without the quarter columns), then a sheet
    of the activities no quarter schedules. `widths_cm` are the columns' widths with the quarter columns."""
    plan, layout, part = built.plan, built.layout, built.parts[0]
    roles = [role for role, _ in expand(layout.cols)]
    kept = [c for c, role in enumerate(roles) if role != "q"]
    body = part.rows[part.header_rows :]
    if len(body) != len(plan.activities):
        raise ValueError(f"{layout.name}: a sheet per quarter needs one row per activity")
    header = [[row[c] for c in kept] for row in part.rows[: part.header_rows]]
    widths = tuple(widths_cm[c] for c in kept)
    sheets = []
    for quarter in (1, 2, 3, 4, 0):
        rows = [[row[c] for c in kept] for row, a in zip(body, plan.activities, strict=True) if quarter_of(a, quarter)]
        if not rows:
            continue
        name = quarter_label(plan, layout, quarter, plan.year) if quarter else UNSCHEDULED[plan.lang]
        line = SCHEDULED[plan.lang].format(q=name) if quarter else name
        table = office.Table(tuple(tuple(row) for row in header + rows), len(header), widths)
        sheets.append(office.Sheet(name, plan.title, table, 4, (line,)))
    return office.Workbook(tuple(sheets))


def quarter_of(activity: Activity, quarter: int) -> bool:
    """Whether an activity is listed on a quarter's sheet (0: the sheet of unscheduled activities)."""
    return quarter in activity.quarters if quarter else not activity.quarters


# ---------------------------------------------------------------- the table turned


def transposed_workbook(built: Built) -> office.Workbook:
    """The table turned: its columns as rows (the objective, the activity, the lead, then a row per month), an
    activity per column; cells merged down become merged across."""
    part = built.parts[0]
    swap = {office.UP: office.LEFT, office.LEFT: office.UP}
    rows = [[swap.get(cell, cell) for cell in column] for column in zip(*part.rows, strict=True)]
    fills = tuple((c, r, fill) for r, c, fill in part.fills)
    widths = (3.2, *([4.6] * (len(rows[0]) - 1)))
    table = office.Table(tuple(tuple(row) for row in rows), 2, widths, fills=fills)
    preamble = tuple(built.pre[1:])
    sheet = office.Sheet(
        CALENDAR[built.plan.lang], built.pre[0], table, len(preamble) + 3, preamble, (), built.layout.pdf
    )
    return office.Workbook((sheet,))


# ---------------------------------------------------------------- a CSV's blocks under its rows


def tail_rows(built: Built) -> list[list[str]]:
    """Under a CSV's rows: an empty line, a block counting the activities by status, an empty line, then each
    further table under its title."""
    lang = built.plan.lang
    title, total, blank = TOTALS[lang]
    counts = Counter(activity.status for activity in built.plan.activities)
    names = words()[lang]["status"]
    rows: list[list[str]] = [[], [title], [total, str(len(built.plan.activities))]]
    rows += [[names[s][0], str(counts[s])] for s in STATUSES if counts[s]]
    rows += [[blank, str(counts[""])]] if counts[""] else []
    for name, table in built.extras:
        rows += [[], [name], *table]
    return rows


# ---------------------------------------------------------------- cancelled rows struck through


def struck_through(path: Path, built: Built) -> Path:
    """The rows of cancelled activities struck through (the text of every cell but the context columns', merged
    over other rows), in a written DOCX or XLSX."""
    cancelled = {a.text for a in built.plan.activities if a.status == "cancelled"}
    context = {c for c, (role, _) in enumerate(expand(built.layout.cols)) if role in LEVELS}
    data = path.read_bytes()
    if built.layout.extension == "docx":
        data = struck_document(data, cancelled, context)
    else:
        data = struck_workbook(data, cancelled, context)
    path.write_bytes(office.pin_package(data))
    return path


def struck_document(data: bytes, cancelled: set[str], context: set[int]) -> bytes:
    document = docx.Document(io.BytesIO(data))
    for table in document.tables:
        for row in table.rows:
            if not any(cell.text in cancelled for cell in row.cells):
                continue
            for cell in (cell for c, cell in enumerate(row.cells) if c not in context):
                for paragraph in cell.paragraphs:
                    for run in paragraph.runs:
                        run.font.strike = True
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def struck_workbook(data: bytes, cancelled: set[str], context: set[int]) -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(data))
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            if not any(cell.value in cancelled for cell in row):
                continue
            for cell in (cell for c, cell in enumerate(row) if c not in context):
                font = cell.font
                cell.font = Font(name=font.name, size=font.size, bold=font.bold, color=font.color, strike=True)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
