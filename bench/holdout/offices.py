"""Shapes of a holdout table from its seventh batch: how field offices write time frames, leads and legends.

A "Timeframe" cell that mixes forms down one column ("Q1-Q2", "Jan–Jun 2027", "T3", "S2", "ongoing"); a lead
cell holding an agency and the role of the person who leads for it ("UNICEF (WASH Officer)"); a legend row at
the bottom of the table that tells what the status colours mean.

Gold conventions for them (the suite's, carried over): a quarter range ("Q1-Q3", "T2-T4") is those quarters, a
month range ("Jan–Jun 2027", "juil.–déc. 2027") the quarters its months fall in, a half ("H1", "S2") its two
quarters, "ongoing" / "en continu" / "permanente" the whole year, "TBD" / "à définir" none; the lead is the
agency (the role in brackets is a unit of it, as "UNICEF (WASH section)" always was); a legend row is no
activity.
"""

from __future__ import annotations

import random

from bench.holdout.content import Activity, Plan

QUARTER = {"en": "Q", "fr": "T", "es": "T", "pt": "T"}
HALF = {"en": "H{h}", "fr": "S{h}", "es": "S{h}", "pt": "S{h}"}
ONGOING = {
    "en": ("ongoing", "Ongoing"),
    "fr": ("en continu", "continu"),
    "es": ("permanente", "continuo"),
    "pt": ("contínuo", "permanente"),
}
UNDECIDED = {"en": ("TBD",), "fr": ("à définir",), "es": ("por definir",), "pt": ("a definir",)}
# Months as a field office shortens them in a range ("Jan–Jun 2027", "juil.–déc. 2027", "ene–jun 2027").
SHORT_MONTHS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "fr": ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."),
    "es": ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"),
    "pt": ("jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez"),
}


def mixed_timeframe(plan: Plan, activity: Activity, draws: random.Random) -> str:
    """A time frame in one of the forms a field office mixes down a column: a quarter or quarter range, a month
    range with the year, a half, a word for the whole year."""
    quarters, lang = activity.quarters, plan.lang
    if not quarters:
        return draws.choice(UNDECIDED[lang])
    forms = [quarter_range(lang, quarters), month_range(lang, quarters, plan.year)]
    if quarters == (1, 2, 3, 4):
        forms.append(draws.choice(ONGOING[lang]))
    if quarters in ((1, 2), (3, 4)):
        forms.append(HALF[lang].format(h=1 if quarters[0] == 1 else 2))
    return draws.choice(forms)


def quarter_range(lang: str, quarters: tuple[int, ...]) -> str:
    """A quarter or a quarter range: "Q3", "Q1-Q2", "T2-T4"."""
    first, last = QUARTER[lang] + str(quarters[0]), QUARTER[lang] + str(quarters[-1])
    return first if first == last else f"{first}-{last}"


def month_range(lang: str, quarters: tuple[int, ...], year: int) -> str:
    """The months of a run of quarters with the year: "Jan–Jun 2027", "juil.–sept. 2027"."""
    months = SHORT_MONTHS[lang]
    return f"{months[3 * quarters[0] - 3]}–{months[3 * quarters[-1] - 1]} {year}"


def with_role(cell: str, spec: str, roles: tuple[str, ...], registered: bool, draws: random.Random) -> str:
    """A lead cell naming one organisation, followed by the role of the person who leads for it
    ("UNICEF (WASH Officer)"); other cells (several actors, a coordination role, a note already) as they are."""
    if not roles or not registered or "(" in cell or " " in spec.strip() or "+" in spec or spec == "~":
        return cell
    return f"{cell} ({draws.choice(roles)})"
