"""Shapes of a holdout document from its tenth batch: plans laid out without a grid's usual devices.

Objectives, results and activities in one column, told apart only by indentation or only by bold and italic
type; activities grouped under a band naming their lead agency (no lead column); a Word workplan with no table
(headings, a bold paragraph per activity, labelled lines `Lead: …`, `Timeline: Q2–Q3 2027`); quarter columns
holding the activity's budget or its share of it; the first and last day of an activity in one cell
("15/01/2027 – 30/04/2027", "du 15 janv. au 30 avril 2027"); a table continued over slides whose later slides
change its column order or drop a column.

Gold conventions for them (decided before any run): a level told by indentation or by type is the context of
the activities under it, as a band is; a band naming an organisation is the lead of the activities under it,
not a context; a labelled line gives what its label says; a quarter holding an amount or a share is a quarter
the activity runs in, an empty one is not; a date range gives the quarters from its first day's to its last's;
a column a later slide drops states nothing for the activities on that slide.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from bench.holdout.content import Activity, actors, rng, words
from bench.holdout.layout import Layout
from bench.holdout.offices import SHORT_MONTHS

if TYPE_CHECKING:
    from bench.holdout.grid import Part

# A first and a last day in one cell, by language: in figures, or in words ("du 15 janv. au 30 avril 2027").
RANGE_FIGURES = "{a} – {b}"
RANGE_WORDS = {
    "en": "{d1} {m1} – {d2} {m2} {y}",
    "fr": "du {d1} {m1} au {d2} {m2} {y}",
    "es": "del {d1} de {m1} al {d2} de {m2} de {y}",
    "pt": "de {d1} de {m1} a {d2} de {m2} de {y}",
}
# A quarter's share of an activity's budget, in steps of this many percent.
SHARE_STEP = 5


def range_cell(layout: Layout, lang: str, first: date | None, last: date | None, draws: random.Random) -> str:
    """An activity's first and last day in one cell (empty when it is not timed)."""
    if first is None or last is None:
        return ""
    if layout.dates != "text":
        return RANGE_FIGURES.format(a=first.strftime("%d/%m/%Y"), b=last.strftime("%d/%m/%Y"))
    full = words()[lang]["months"]

    def month(day: date) -> str:
        name = draws.choice((SHORT_MONTHS[lang][day.month - 1], full[day.month - 1]))
        return name.capitalize() if lang == "en" else name

    def ordinal(day: date) -> str:  # "du 1er février"
        return "1er" if lang == "fr" and day.day == 1 else str(day.day)

    return RANGE_WORDS[lang].format(d1=ordinal(first), m1=month(first), d2=ordinal(last), m2=month(last), y=last.year)


def quarter_shares(plan_key: str, activity: Activity) -> dict[int, int]:
    """The activity's budget shared over its quarters in percent (each at least one step, adding up to 100)."""
    quarters = sorted(activity.quarters)
    if not quarters:
        return {}
    draws = rng("shares", plan_key, activity.index)
    steps = [1] * len(quarters)
    for _ in range(100 // SHARE_STEP - len(quarters)):
        steps[draws.randrange(len(quarters))] += 1
    return {q: SHARE_STEP * k for q, k in zip(quarters, steps, strict=True)}


def quarter_amount(plan_key: str, activity: Activity, quarter: int) -> int:
    """The activity's budget in one of its quarters (USD, rounded to 500)."""
    total = rng("budget", plan_key, activity.index).randrange(40_000, 600_000, 5_000)
    return round(total * quarter_shares(plan_key, activity)[quarter] / 100 / 500) * 500


def by_lead(activities: Iterable[Activity]) -> list[Activity]:
    """The activities grouped by their lead, the leads in the order they first come (the plan's order within)."""
    ordered = list(activities)
    first = {a.lead: k for k, a in reversed(list(enumerate(ordered)))}
    return sorted(ordered, key=lambda a: first[a.lead])


def lead_band(spec: str, lang: str) -> str:
    """The band over a lead's activities: the lead as the document usually writes it (joint leads with " / ")."""
    return " / ".join(actors()[key].spelled(lang)[0] for key in spec.split("+"))


# What a gold row holds when its column is not on the slide: by the column's role.
NOT_STATED: dict[str, tuple[str, Any]] = {
    "lead": ("leads", []),
    "partners": ("partners", []),
    "status": ("status", None),
}


def slide_dropped(part: Part, gold: list[dict[str, Any]], layout: Layout) -> list[dict[str, Any]]:
    """The gold of a table's activities, those on its later slides without what the columns dropped there state
    (a deck cuts the body into slides of `rows_per_slide` rows, band rows counted)."""
    dropped = [NOT_STATED[role] for role in layout.cols if role in NOT_STATED and role not in layout.slide_order]
    body = range(part.header_rows, len(part.rows))
    rows = [r for r in body if r not in part.bold_rows]
    later = {r for k, r in enumerate(body) if k >= layout.rows_per_slide}
    return [{**row, **dict(dropped)} if r in later else row for r, row in zip(rows, gold, strict=True)]
