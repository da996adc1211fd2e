"""Shapes of a holdout document from its ninth batch: how coordination teams keep their files between meetings.

A lead cell naming the organisation with its focal person's name and email ("UNFPA – Amina Saleh
(asaleh@unfpa.org)"); a status written with the day it was reached ("Completed 12/03/2027", "Réalisé le
12/03/2027"); start and end months ("Mar 2027"); abbreviated column names ("Resp.", "Ptnrs") explained in a key
under the table; a workbook with cell comments, a summary sheet counting activities by lead and status (a pivot,
not a workplan) and a hidden sheet of drop-down lists; a Word table per objective nested in a cell of an outer
table; a slide whose "table" is a grid of text boxes; a Word table with tracked changes (a phrase deleted, the
final words inserted, a status struck through and replaced).

Gold conventions for them (the suite's, carried over): the lead is the organisation (the person and the email
name who leads for it, as a role in brackets does); a dated status is its word's ("Delayed, was due …" null as
"Delayed" is); start and end months give the quarters from the first to the last; the key, the comments, the
summary and the lists are no activities; a nested table's activities have the outer row's labels as context; a
text-box grid is read as the table it draws; a tracked change is read as accepted (the text as it now stands:
deletions gone, insertions kept).
"""

from __future__ import annotations

import random
import re
import unicodedata
from datetime import date

from bench.holdout.content import Activity, actors, rng
from bench.holdout.offices import SHORT_MONTHS

# Focal persons, by language: (first name, surname).
PEOPLE = {
    "en": (("Amina", "Saleh"), ("Huda", "Al-Sharabi"), ("James", "Okello"), ("Sara", "Haddad"), ("Nour", "Qassem")),
    "fr": (("Hanta", "Rakotoarisoa"), ("Claire", "Dumont"), ("Fidy", "Randrianarivelo"), ("Lova", "Rasoanaivo")),
    "es": (("María", "Quispe"), ("Luis", "Mendoza"), ("Carla", "Rojas"), ("Andrés", "Gutiérrez"), ("Rosa", "Huamán")),
    "pt": (("Ana", "Costa"), ("Jorge", "Bragança"), ("Celeste", "Viegas"), ("Nelson", "Ceita")),
}
# A status as a short code that a key under the table spells out, by language.
STATUS_CODES = {
    "en": {"completed": "C", "ongoing": "O", "planned": "NS", "on_hold": "H", "cancelled": "X", "unclear": "D"},
    "fr": {"completed": "R", "ongoing": "EC", "planned": "ND", "on_hold": "S", "cancelled": "A", "unclear": "ER"},
    "es": {"completed": "F", "ongoing": "EC", "planned": "NI", "on_hold": "S", "cancelled": "C", "unclear": "R"},
    "pt": {"completed": "C", "ongoing": "EC", "planned": "NI", "on_hold": "S", "cancelled": "A", "unclear": "At"},
}
CONTACT_FORMS = ("{org} – {name} ({email})", "{org}\n{name}\n{email}", "{org} / {name}, {email}")
# A status and the day it was reached, by language; "unclear" is a delay against the day it was due.
DATED_STATUS = {
    "en": {
        "completed": ("Completed {d}", "Done {d}"),
        "ongoing": ("Started {d}", "In progress since {d}"),
        "planned": ("Due to start {d}",),
        "on_hold": ("On hold since {d}",),
        "cancelled": ("Cancelled {d}",),
        "unclear": ("Delayed, was due {d}",),
    },
    "fr": {
        "completed": ("Réalisé le {d}", "Terminé le {d}"),
        "ongoing": ("Démarré le {d}", "En cours depuis le {d}"),
        "planned": ("Démarrage prévu le {d}",),
        "on_hold": ("Suspendu depuis le {d}",),
        "cancelled": ("Annulé le {d}",),
        "unclear": ("En retard (prévu le {d})",),
    },
    "es": {
        "completed": ("Finalizado el {d}", "Completado el {d}"),
        "ongoing": ("Iniciado el {d}", "En curso desde el {d}"),
        "planned": ("Inicio previsto el {d}",),
        "on_hold": ("Suspendido desde el {d}",),
        "cancelled": ("Cancelado el {d}",),
        "unclear": ("Retrasado (previsto para el {d})",),
    },
    "pt": {
        "completed": ("Concluído em {d}", "Realizado em {d}"),
        "ongoing": ("Iniciado em {d}", "Em curso desde {d}"),
        "planned": ("Início previsto em {d}",),
        "on_hold": ("Suspenso desde {d}",),
        "cancelled": ("Cancelado em {d}",),
        "unclear": ("Atrasado (previsto para {d})",),
    },
}


def with_contact(cell: str, spec: str, lang: str, draws: random.Random) -> str:
    """A lead cell naming one organisation, with the name and email of the person who leads for it (the same
    person for the organisation throughout the plan); other cells (several actors, a coordination role, a note
    already) as they are."""
    actor = actors().get(spec)
    if actor is None or actor.role or "(" in cell or "\n" in cell:
        return cell
    first, last = rng("focal", spec).choice(PEOPLE[lang])  # one focal person per organisation
    email = f"{ascii_word(first)[0]}{ascii_word(last)}@{domain(actor.names)}"
    return draws.choice(CONTACT_FORMS).format(org=cell, name=f"{first} {last}", email=email)


def ascii_word(text: str) -> str:
    return re.sub(r"[^a-z]", "", unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode())


def domain(names: tuple[str, ...]) -> str:
    """An organisation's mail domain: its shortest name (an acronym, mostly) in lower case."""
    return f"{ascii_word(min(names, key=len))}.org"


def dated_status(activity: Activity, lang: str, year: int, draws: random.Random) -> str:
    """A status with the day it was reached (or is due): in the activity's first month, its last when done."""
    months = activity.months or (draws.randint(1, 12),)
    month = max(months) if activity.status == "completed" else min(months)
    day = date(year, month, draws.randint(1, 28)).strftime("%d/%m/%Y")
    return str(draws.choice(DATED_STATUS[lang][activity.status])).format(d=day)


def month_year(lang: str, day: date) -> str:
    """A start or end month with its year, as a plan's author shortens it: "Mar 2027", "mars 2027"."""
    return f"{SHORT_MONTHS[lang][day.month - 1]} {day.year}"
