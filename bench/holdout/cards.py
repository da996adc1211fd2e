"""Shapes of a holdout document from its eleventh batch: plans kept as records, boards and drawings rather than one
grid.

A small two-column table per activity (a labelled row per field) or a plan tool's "key: value" export; a status
board (a column per status, each activity a card under its status, a swimlane per objective); a table per objective
side by side on one sheet; a Gantt drawn as bars under month labels on a slide; quarter columns of a fiscal year
(July to June) explained by a note, headed `Jul–Sep 2027`, `2027-Q3`; quarters headed `1T 2027`, `Trim. 1`,
`2027-T1`; a units row under a CSV's header; a partner cell ending `+3 others`; a lead written `Agency (Name,
Title)`; sub-activities as a numbered list under the activity's text; a landscape table printed sideways on a
portrait PDF page.

Gold conventions for them (decided before any run, from the generator's parameters): a record's labelled rows give
what their labels say (its headings its context, its `Timeline` row its quarters, `To be confirmed` none); a key:
value export the same, its `Period` giving the quarters from the first month to the last; a card on a status board
is an activity, its first line the text and its second its lead and quarters (`UNHCR · Q2–Q3 2027`), its status its
column's (the board's four columns: not started, ongoing, on hold, completed; an activity with no status sits under
"not started", a delayed one under "ongoing", a cancelled one under "on hold"), its swimlane its objective; tables
side by side are read apart, each under its own heading (the objective); bars give the quarters of the months they
span; fiscal quarters and fiscal months give their calendar quarters and the calendar year most of them fall in
(None when both years hold as many), as the July-to-June Gantt of the third batch does; a units row is no activity;
`+3 others` names no actor (the named partners are the gold's); `Agency (Name, Title)` is the agency; an activity
with sub-activities is one activity whose text is its cell's (the numbered lines included, line breaks as spaces);
a page printed sideways has the gold of the document it prints.
"""

from __future__ import annotations

import random

from bench.holdout.content import Activity, Plan, actors, words
from bench.holdout.layout import Layout
from bench.holdout.offices import SHORT_MONTHS
from bench.holdout.reshape import fiscal_month

# A status board's columns, left to right: the status each stands for and its header, by language.
BOARD = ("planned", "ongoing", "on_hold", "completed")
BOARD_HEADERS = {
    "en": ("Not started", "Ongoing", "On hold", "Completed"),
    "fr": ("Non démarré", "En cours", "Suspendu", "Réalisé"),
    "es": ("No iniciado", "En curso", "En pausa", "Finalizado"),
    "pt": ("Não iniciado", "Em curso", "Suspenso", "Concluído"),
}
# Where a board puts an activity by its status: no status under "not started", a delay under "ongoing", a
# cancellation under "on hold".
BOARD_COLUMN = {
    "": "planned",
    "planned": "planned",
    "ongoing": "ongoing",
    "unclear": "ongoing",
    "on_hold": "on_hold",
    "cancelled": "on_hold",
    "completed": "completed",
}
CARD_SEPARATOR = " · "
# The label of a record's timeline row, by language.
TIMELINE_LABEL = {"en": "Timeline", "fr": "Calendrier", "es": "Calendario", "pt": "Período"}
# The partners a cell does not name, counted at its end.
MORE = {"en": "+{n} others", "fr": "+ {n} autres", "es": "y {n} más", "pt": "+{n} outros"}
# Focal persons with their titles, by language, for a lead written "Agency (Name, Title)".
PERSONS = {
    "en": (("Grace Achieng", "Education Officer"), ("Peter Lokwawi", "Field Coordinator")),
    "fr": (
        ("Aïcha Ouédraogo", "chargée de programme abris"),
        ("Issouf Sawadogo", "coordonnateur terrain"),
        ("Mariam Kaboré", "responsable AME"),
        ("Boureima Zongo", "chef de sous-bureau"),
    ),
    "es": (("Guadalupe Hernández", "oficial de protección"), ("Jorge Villatoro", "coordinador de terreno")),
    "pt": (
        ("Lúcia Nhantumbo", "oficial de programas"),
        ("Tomás Sitoe", "coordenador provincial"),
        ("Célia Macuácua", "técnica de recuperação"),
        ("Armando Mabunda", "chefe de escritório"),
    ),
}


def board_status(activity: Activity) -> str:
    """The status a board states for an activity: its column's."""
    return BOARD_COLUMN[activity.status]


def more_partners(cell: str, lang: str, draws: random.Random) -> str:
    """A partner cell that names some partners and counts the others ("NRC, LWF +3 others")."""
    return f"{cell} {MORE[lang].format(n=draws.randint(2, 5))}" if cell else cell


def with_person(cell: str, spec: str, lang: str, draws: random.Random) -> str:
    """A lead cell naming one organisation, followed by its focal person's name and title in brackets; other
    cells (several actors, a coordination role, a note already) as they are."""
    actor = actors().get(spec)
    if actor is None or actor.role or "(" in cell or "\n" in cell:
        return cell
    name, title = draws.choice(PERSONS[lang])
    return f"{cell} ({name}, {title})"


def with_steps(text: str, steps: tuple[str, ...]) -> str:
    """An activity's text with its sub-activities numbered under it, a line each."""
    return "\n".join([text, *(f"{k}. {step}" for k, step in enumerate(steps, start=1))])


def fiscal_quarter_header(plan: Plan, layout: Layout, period: int) -> str:
    """A fiscal quarter column's header: {n} its number, {fy} the fiscal year ("27/28"), {cy} and {cn} the calendar
    year and quarter it falls in, {crange} its calendar months ("Jul–Sep")."""
    month, year = fiscal_month(layout, plan.year, 3 * period - 2)
    months = SHORT_MONTHS[plan.lang]
    return layout.qhdr.format(
        n=period,
        Q=words()[plan.lang]["quarter"].format(q=period),
        fy=f"{plan.year % 100}/{(plan.year + 1) % 100}",
        cy=year,
        cn=(month - 1) // 3 + 1,
        crange=f"{months[month - 1]}–{months[month + 1]}",
    )


def fiscal_period_cell(plan: Plan, layout: Layout, activity: Activity) -> str:
    """A fiscal year's activity as its first and last month ("Jul 2027 – Dec 2027"), empty when it is not timed."""
    if not activity.months:
        return ""
    months = SHORT_MONTHS[plan.lang]
    ends = [fiscal_month(layout, plan.year, period) for period in (min(activity.months), max(activity.months))]
    return " – ".join(f"{months[month - 1]} {year}" for month, year in ends)
