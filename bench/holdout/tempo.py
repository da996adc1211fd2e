"""Times and statuses of the holdout's thirteenth batch as coordination offices write them: a Gantt of the year's
52 ISO weeks (under the months their Thursdays fall in), a start month and a duration in months, time frames in
loose words ("semaine 12", "mi-T3", "fin juin", "1er semestre", "semaines 10 à 35"), a status as a percent and a
word ("60% – en cours"), a status as a colour alone, spelt out on a legend sheet.

Gold conventions for them (decided before any run, from the generator's parameters): a week column is marked where
its Thursday falls in a month the activity runs, so the marked weeks give the activity's quarters; a start month and
a duration give the quarters of the months they span; a loose time frame gives the quarters it names (a week's, the
quarter of "mid-Q3", the month's of "end June", a half's two, a span's from its first to its last), none for "to be
confirmed"; a percent and a word is the word's status; a colour is the status the legend sheet gives it (the
"delayed" colour, null as before).
"""

from __future__ import annotations

import random
from datetime import date

from bench.holdout.content import Activity, Plan, words
from bench.holdout.layout import Layout

WEEKS = 52  # 2027 and 2028 have 52 ISO weeks
WEEK_HEADER = {"en": "W{w}", "fr": "S{w}", "es": "S{w}", "pt": "S{w}"}
# Loose phrases by kind and language ({q} a quarter, {w} a week, {a}–{b} two weeks, {m} a month's name: the last
# the activity runs in).
LOOSE = {
    "mid": {"en": "mid-Q{q}", "fr": "mi-T{q}", "es": "mediados del T{q}", "pt": "meados do T{q}"},
    "week": {"en": "week {w}", "fr": "semaine {w}", "es": "semana {w}", "pt": "semana {w}"},
    "end": {"en": "end {m}", "fr": "fin {m}", "es": "fines de {m}", "pt": "fim de {m}"},
    "weeks": {"en": "weeks {a}–{b}", "fr": "semaines {a} à {b}", "es": "semanas {a} a {b}", "pt": "semanas {a} a {b}"},
    "mid_end": {
        "en": "mid-Q{q} to end {m}",
        "fr": "de mi-T{q} à fin {m}",
        "es": "de mediados del T{q} a fines de {m}",
        "pt": "de meados do T{q} ao fim de {m}",
    },
    "week_end": {
        "en": "week {a} to end {m}",
        "fr": "semaine {a} à fin {m}",
        "es": "semana {a} a fines de {m}",
        "pt": "semana {a} ao fim de {m}",
    },
    "half1": {"en": "1st half", "fr": "1er semestre", "es": "1er semestre", "pt": "1.º semestre"},
    "half2": {"en": "2nd half", "fr": "2e semestre", "es": "2do semestre", "pt": "2.º semestre"},
    "none": {"en": "TBC", "fr": "à confirmer", "es": "por confirmar", "pt": "a confirmar"},
}
# The percent written before an ongoing, paused or unclear status's word (drawn in these ranges), else fixed.
PERCENT = {"completed": 100, "planned": 0, "cancelled": 0}
PERCENT_RANGE = {"ongoing": (10, 95), "on_hold": (10, 60), "unclear": (20, 80)}
DASHES = (" – ", " – ", " - ")
# A status's colour where the cell holds no word, and the legend sheet's title and header.
COLOURS = {
    "completed": "00B050",
    "ongoing": "FFC000",
    "planned": "9BC2E6",
    "on_hold": "FF0000",
    "cancelled": "A6A6A6",
    "unclear": "F4B084",
}
LEGEND = {
    "en": ("Legend", ("Colour", "Status")),
    "fr": ("Légende", ("Couleur", "État")),
    "es": ("Leyenda", ("Color", "Estado")),
    "pt": ("Legenda", ("Cor", "Estado")),
}


def week_month(year: int, week: int) -> int:
    """The month an ISO week's Thursday falls in."""
    return date.fromisocalendar(year, week, 4).month


def week_header(plan: Plan, layout: Layout, week: int) -> str:
    return layout.hdr.get("weeks", WEEK_HEADER[plan.lang]).format(w=week)


def week_band(plan: Plan, week: int) -> str:
    """The month over a week column (its Thursday's)."""
    name = str(words()[plan.lang]["months_abbr"][week_month(plan.year, week) - 1])
    return name.capitalize() if plan.lang == "en" else name


def weeks_of(year: int, month: int) -> list[int]:
    return [w for w in range(1, WEEKS + 1) if week_month(year, w) == month]


def duration_cell(activity: Activity) -> str:
    """The months an activity runs, counted from its first (its months are one run)."""
    return str(max(activity.months) - min(activity.months) + 1) if activity.months else ""


def loose_timeframe(plan: Plan, activity: Activity, draws: random.Random) -> str:
    """A time frame in the loose words of a coordination office, naming the activity's quarters."""
    lang, quarters, months = plan.lang, activity.quarters, activity.months
    names = words()[lang]["months"]
    last = names[max(months) - 1] if months else ""
    last = last.capitalize() if lang == "en" else last
    if not quarters:
        return LOOSE["none"][lang]
    if len(quarters) == 1:
        q = quarters[0]
        week = draws.choice(weeks_of(plan.year, 3 * q - 1))
        kind = draws.choice(("mid", "week", "end"))
        return LOOSE[kind][lang].format(q=q, w=week, m=last)
    halves: dict[tuple[int, ...], str] = {(1, 2): "half1", (3, 4): "half2"}
    kind = draws.choice((halves.get(quarters, "weeks"), "weeks", "mid_end", "week_end"))
    first_week = draws.choice(weeks_of(plan.year, min(months))[:2])
    last_week = draws.choice(weeks_of(plan.year, max(months))[-2:])
    return LOOSE[kind][lang].format(q=quarters[0], a=first_week, b=last_week, m=last)


def percent_word(activity: Activity, lang: str, draws: random.Random) -> str:
    """A status as a percent complete and its word ("60% – en cours")."""
    low_high = PERCENT_RANGE.get(activity.status)
    percent = draws.randrange(low_high[0], low_high[1], 5) if low_high else PERCENT[activity.status]
    word = str(draws.choice(words()[lang]["status"][activity.status]))
    return f"{percent}%{draws.choice(DASHES)}{word.lower() if lang != 'en' else word}"


def legend_rows(lang: str) -> list[tuple[str, str]]:
    """The legend sheet's rows: a status's colour and its word."""
    names = words()[lang]["status"]
    return [(COLOURS[status], str(names[status][0])) for status in COLOURS]
