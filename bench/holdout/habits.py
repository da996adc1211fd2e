"""Shapes of a holdout document from its eighth batch: habits of cluster coordination teams' documents.

A lead cell naming a co-lead in brackets ("UNICEF (co-lead: WFP)"); partners one per line after a bullet
("• Medair"); a status column of traffic-light colours named in words and filled ("Verde", "Amarelo") that a
legend row reads; the header rows copied by hand into the table body under a note row, where a table goes on to
its next page; minutes whose action points are numbered paragraphs after the discussion ("1. UNICEF compartirá …
con el apoyo de IDAAN (plazo: 20 de marzo)."), not a table.

Gold conventions for them (the suite's, carried over): the co-lead is a lead too, as "A with B" names two leads;
each bulleted line is a partner; a traffic-light colour is the status its legend gives it (the red light, "late
or at risk", is null as "Delayed" is); the note row and the copied header rows are no activities; a numbered
action point is an activity whose lead is the organisation it opens with, whose partners are those named after
"con el apoyo de", with no quarters (a meeting's deadline) and no context (the list follows the agenda items, it
is not under them).
"""

from __future__ import annotations

from bench.holdout.content import Activity
from bench.holdout.idioms import note_row

# A lead cell naming two leads: the first, its co-lead in brackets.
COLEAD = {
    "en": "{a} (co-lead: {b})",
    "fr": "{a} (co-lead : {b})",
    "es": "{a} (colíder: {b})",
    "pt": "{a} (co-liderança: {b})",
}
BULLET = "• "
# Traffic lights (pt): the colour's name, the cell's fill; cancelled activities are written out in words.
LIGHTS = {
    "completed": ("Verde", "00B050"),
    "ongoing": ("Amarelo", "FFFF00"),
    "planned": ("Cinzento", "BFBFBF"),
    "on_hold": ("Laranja", "FFC000"),
    "cancelled": ("Cancelado", ""),
    "unclear": ("Vermelho", "FF0000"),
}
# The row above a header copied into a table's body, by language.
CONTINUED_NOTE = {
    "en": "(table continued)",
    "fr": "(suite du tableau)",
    "es": "(continuación de la tabla)",
    "pt": "(continuação do quadro)",
}
# Numbered action points in minutes: the heading over them, the support and the deadline as the minutes word them.
ACTION_HEADING = {"en": "Action points", "fr": "Points d'action", "es": "Puntos de acción", "pt": "Pontos de acção"}
SUPPORT = {"en": "with support from", "fr": "avec l'appui de", "es": "con el apoyo de", "pt": "com o apoio de"}
DEADLINE = {"en": "deadline", "fr": "échéance", "es": "plazo", "pt": "prazo"}
PARTICIPANTS = {"en": "Participants", "fr": "Participants", "es": "Participantes", "pt": "Participantes"}
# What was said under each agenda item of a minutes document written as prose.
DISCUSSION = {
    "es": (
        "Los socios informaron que el caudal de los pozos de la estación disminuyó en febrero y que el camión "
        "cisterna no pudo llegar durante tres días por el estado del camino.",
        "Se revisó la situación de las letrinas y duchas; varias organizaciones señalaron que la llegada de grupos "
        "más numerosos supera la capacidad instalada.",
        "El grupo repasó las lecciones de la temporada de lluvias anterior y los riesgos de inundación en las "
        "comunidades de la ribera del río Tuira.",
    ),
}


def colead(lang: str, names: list[str]) -> str:
    """Two leads as one cell writes them: the first, its co-lead in brackets."""
    return COLEAD[lang].format(a=names[0], b=names[1])


def bulleted(cell: str) -> str:
    """A cell of partners one per line, each after a bullet."""
    return "\n".join(BULLET + line for line in cell.split("\n") if line) if cell else cell


def traffic_light(activity: Activity) -> tuple[str, str]:
    """A status as a traffic light's colour named in the cell, and the cell's fill ("" for none)."""
    return LIGHTS[activity.status]


def continued_rows(lang: str, header: list[list[str]]) -> list[list[str]]:
    """A note row, then the header rows again, as an author pastes them where a table runs onto its next page."""
    return [note_row(CONTINUED_NOTE[lang], len(header[0])), *[list(row) for row in header]]


def action_point(lang: str, n: int, lead: str, text: str, partners: str, deadline: str) -> str:
    """A numbered action point as a paragraph of minutes: "3. OIM coordinará … con el apoyo de SNM (plazo: …)."."""
    support = f", {SUPPORT[lang]} {partners}" if partners else ""
    return f"{n}. {lead} {text}{support} ({DEADLINE[lang]}: {deadline})."


def discussion(lang: str, index: int) -> str:
    """The prose under the `index`-th agenda item."""
    texts = DISCUSSION[lang]
    return texts[index % len(texts)]
