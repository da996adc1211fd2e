"""Shapes of a holdout table from its sixth batch: how coordination offices write status, time frames, codes
and notes in their own idiom.

A status written with a mark before its word ("✓ Done", "🟡 En cours", "⚪ No iniciado") or as a coloured word;
time frames as a coordination office words them ("w/c 11 Jan", "by end Q3", "H1 2027", "Throughout the year",
"from April"); quarter columns headed by the initials of their months ("JFM", "AMJ"); the activity's code written
in its own cell text ("1.2 - Map the facilities"); the lead on a cell's first line and the partners on the next
with no label; footnote rows inside the table body ("* To be confirmed with the ISCG").

Gold conventions for them (the public suite's, carried over): the status is the word's (the mark and the colour
say the same; "Delayed" / "En retard" stay null); a week ("w/c 11 Jan") is its quarter, "by end Q3" runs from the
start of the year ("by end of September" in the suite's list), "from July" to the end of the year, "by mid-2027"
is the first half, "H1" / "S1" / "1.º semestre" the first half; the activity is its text without the code
written before it (the code is a number, as in a code column); the first line of a lead / partners cell is the
lead, the rest the partners; footnote rows are no activities, and an asterisk on an actor ("OIM*") is that actor.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from bench.holdout.content import Activity, Plan, words

# A status as a mark and a word, by language, and the colour of its text.
MARKED_STATUS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "completed": ("✓ Done", "🟢 Completed"),
        "ongoing": ("🟡 In progress", "◐ Ongoing"),
        "planned": ("⚪ Not started", "○ Not started"),
        "on_hold": ("⏸ On hold",),
        "cancelled": ("✗ Cancelled", "❌ Dropped"),
        "unclear": ("🔴 Delayed", "⚠ Behind schedule"),
    },
    "fr": {
        "completed": ("✓ Réalisé", "🟢 Terminé"),
        "ongoing": ("🟡 En cours", "◐ En cours"),
        "planned": ("⚪ Non démarré", "○ Pas encore démarré"),
        "on_hold": ("⏸ Suspendu",),
        "cancelled": ("✗ Annulé",),
        "unclear": ("🔴 En retard",),
    },
    "es": {
        "completed": ("✓ Finalizado", "🟢 Completado"),
        "ongoing": ("🟡 En curso", "◐ En ejecución"),
        "planned": ("⚪ No iniciado",),
        "on_hold": ("⏸ En pausa",),
        "cancelled": ("✗ Cancelado",),
        "unclear": ("🔴 Retrasado",),
    },
    "pt": {
        "completed": ("✓ Concluído", "🟢 Realizado"),
        "ongoing": ("🟡 Em curso", "◐ Em andamento"),
        "planned": ("⚪ Não iniciado",),
        "on_hold": ("⏸ Suspenso",),
        "cancelled": ("✗ Cancelado",),
        "unclear": ("🔴 Atrasado",),
    },
}
STATUS_COLORS = {
    "completed": "00B050",
    "ongoing": "BF8F00",
    "planned": "7F7F7F",
    "on_hold": "ED7D31",
    "cancelled": "C00000",
    "unclear": "C00000",
}
# A font colour travels with the fills of a row, told apart by this prefix (render puts it in Table.colors).
FONT = "font:"
# Time frames as coordination offices word them, by the quarters they cover; {y} the year, {wc} a week's Monday.
COORD_TIMEFRAMES: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "1,2,3,4": ("Throughout the year", "Year-round", "Continuous"),
        "1": ("w/c {wc}", "by end Q1", "Q1 {y}"),
        "2": ("w/c {wc}", "Q2 {y}"),
        "3": ("w/c {wc}", "Q3 {y}"),
        "4": ("w/c {wc}", "Q4 {y}"),
        "1,2": ("H1 {y}", "by mid-{y}", "by end June"),
        "3,4": ("H2 {y}", "from July", "second half of {y}"),
        "2,3": ("Q2–Q3 {y}", "Apr to Sep"),
        "1,2,3": ("by end Q3", "Q1–Q3"),
        "2,3,4": ("from April", "Q2 onwards"),
        "": ("TBC", "To be confirmed"),
    },
    "fr": {
        "1,2,3,4": ("Toute l'année", "En continu", "Permanent"),
        "1": ("sem. du {wc}", "d'ici fin T1", "T1 {y}"),
        "2": ("sem. du {wc}", "T2 {y}"),
        "3": ("sem. du {wc}", "T3 {y}"),
        "4": ("sem. du {wc}", "T4 {y}"),
        "1,2": ("S1 {y}", "d'ici mi-{y}", "d'ici fin juin"),
        "3,4": ("S2 {y}", "à partir de juillet", "2e semestre {y}"),
        "2,3": ("T2–T3 {y}", "avril à septembre"),
        "1,2,3": ("d'ici fin T3", "T1–T3"),
        "2,3,4": ("à partir d'avril", "T2 à T4"),
        "": ("À confirmer", "À déterminer"),
    },
    "es": {
        "1,2,3,4": ("Todo el año", "Permanente", "Continuo"),
        "1": ("semana del {wc}", "antes de fin del T1", "T1 {y}"),
        "2": ("semana del {wc}", "T2 {y}"),
        "3": ("semana del {wc}", "T3 {y}"),
        "4": ("semana del {wc}", "T4 {y}"),
        "1,2": ("S1 {y}", "hasta mediados de {y}", "I semestre {y}"),
        "3,4": ("S2 {y}", "a partir de julio", "II semestre {y}"),
        "2,3": ("T2–T3 {y}", "abril a septiembre"),
        "1,2,3": ("antes de fin del T3", "T1–T3"),
        "2,3,4": ("a partir de abril", "T2 en adelante"),
        "": ("Por confirmar", "Por definir"),
    },
    "pt": {
        "1,2,3,4": ("Ao longo do ano", "Contínuo", "Todo o ano"),
        "1": ("semana de {wc}", "até ao fim do T1", "T1 {y}"),
        "2": ("semana de {wc}", "T2 {y}"),
        "3": ("semana de {wc}", "T3 {y}"),
        "4": ("semana de {wc}", "T4 {y}"),
        "1,2": ("1.º semestre {y}", "até meados de {y}", "S1 {y}"),
        "3,4": ("2.º semestre {y}", "a partir de Julho", "S2 {y}"),
        "2,3": ("T2–T3 {y}", "Abril a Setembro"),
        "1,2,3": ("até ao fim do T3", "T1–T3"),
        "2,3,4": ("a partir de Abril", "T2 a T4"),
        "": ("A confirmar", "A definir"),
    },
}
# A week's Monday as written after "w/c" / "sem. du" / "semana del" / "semana de".
WEEK = {"en": "{d} {m}", "fr": "{d} {m}", "es": "{d} de {m}", "pt": "{d} de {m}"}


def marked_status(activity: Activity, lang: str, style: str, draws: random.Random) -> tuple[str, str]:
    """A status as a mark and a word ("marks") or as a word alone ("colour"), its text coloured; the cell's
    text and its font colour (as a FONT fill)."""
    if style == "marks":
        text = draws.choice(MARKED_STATUS[lang][activity.status])
    else:
        text = str(draws.choice(words()[lang]["status"][activity.status]))
    return text, FONT + STATUS_COLORS[activity.status]


def coord_timeframe(plan: Plan, activity: Activity, draws: random.Random) -> str:
    """A time frame worded as a coordination office words it."""
    text = draws.choice(COORD_TIMEFRAMES[plan.lang][",".join(map(str, activity.quarters))])
    return text.format(y=plan.year, wc=week_of(plan, activity, draws) if "{wc}" in text else "")


def week_of(plan: Plan, activity: Activity, draws: random.Random) -> str:
    """A Monday in the first month the activity runs ("11 Jan", "3 de mayo")."""
    first = date(plan.year, min(activity.months), 1)
    monday = first + timedelta(days=(7 - first.weekday()) % 7 + 7 * draws.randint(0, 2))
    names = words()[plan.lang]["months_abbr" if plan.lang in ("en", "fr") else "months"]
    return WEEK[plan.lang].format(d=monday.day, m=names[monday.month - 1])


def initials(plan: Plan, quarter: int) -> str:
    """A quarter's header as the initials of its months ("JFM", "AMJ"; "EFM" in Spanish)."""
    months = words()[plan.lang]["months"][3 * quarter - 3 : 3 * quarter]
    return "".join(month[0].upper() for month in months)


def with_code(separator: str, number: str, text: str) -> str:
    """An activity cell opening on its code ("1.2 - Map the facilities"), or its text when no separator."""
    return f"{number}{separator}{text}" if separator else text


def note_mark(notes: tuple[str, ...], plan: Plan, activity: Activity) -> str:
    """The footnote mark an activity's lead cell carries: "*" on the plan's first activity, "**" on its last
    (when the layout has that many notes)."""
    if notes and activity.index == 0:
        return "*"
    if len(notes) > 1 and activity.index == len(plan.activities) - 1:
        return "**"
    return ""


def first_note(rows: list[list[str]], notes: tuple[str, ...], width: int) -> list[list[str]]:
    """The first footnote's row, to follow the table's first top-level group (once: none if it is in `rows`)."""
    row = note_row(notes[0], width) if notes else []
    return [row] if row and row not in rows else []


def note_row(text: str, width: int) -> list[str]:
    """A footnote row inside the table: its text in the first cell, merged across."""
    return [text] + ["<"] * (width - 1)
