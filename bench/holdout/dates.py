"""Dates and time frames as a holdout document writes them: start and end dates (texts, XLSX dates or serial
numbers), free-text time frames and meeting deadlines."""

from __future__ import annotations

import calendar
import random
from datetime import date

from bench.holdout.content import Activity, Plan, words
from bench.holdout.layout import Layout
from bench.holdout.practice import month_year

EXCEL_EPOCH = date(1899, 12, 30)
MONTH_GENITIVE = {"en": "{d} {m} {y}", "fr": "{d} {m} {y}", "es": "{d} de {m} de {y}", "pt": "{d} de {m} de {y}"}


def span_dates(plan: Plan, activity: Activity, draws: random.Random) -> tuple[date | None, date | None]:
    """A start in the first month the activity runs and an end in its last, or none when it is not timed."""
    if not activity.months:
        return None, None
    first, last = min(activity.months), max(activity.months)
    start = date(plan.year, first, draws.choice((1, 1, 1, 5, 10, 15)))
    end_day = calendar.monthrange(plan.year, last)[1]
    return start, date(plan.year, last, draws.choice((end_day, end_day, 15, 20, 28)))


def date_cell(layout: Layout, lang: str, day: date | None, values: list[tuple[int, date | float, str]], c: int) -> str:
    """A date as the layout writes it: a text, or an XLSX cell holding a date or its serial number."""
    if day is None:
        return ""
    serial = float((day - EXCEL_EPOCH).days)
    if layout.dates == "xlsx_date" or (layout.dates == "serial" and layout.extension == "xlsx"):
        values.append((c, day, "dd/mm/yyyy") if layout.dates == "xlsx_date" else (c, serial, "General"))
        return ""
    if layout.dates == "serial":
        return str(int(serial))
    if layout.dates == "month":
        return month_year(lang, day)
    if layout.dates == "iso":
        return day.isoformat()
    if layout.dates == "text":
        month = words()[lang]["months"][day.month - 1]
        return MONTH_GENITIVE[lang].format(d=day.day, m=month.capitalize() if lang == "en" else month, y=day.year)
    return day.strftime("%d/%m/%Y")


def timeframe(plan: Plan, activity: Activity, draws: random.Random) -> str:
    texts = words()[plan.lang]["timeframes"][",".join(map(str, activity.quarters))]
    return str(draws.choice(texts)).format(y=plan.year)


def deadline(plan: Plan, draws: random.Random) -> str:
    month = words()[plan.lang]["months"][min(11, plan.meeting_month - 1 + draws.randint(0, 1))]
    text = str(draws.choice(words()["deadlines"][plan.lang]))
    return text.format(d=draws.randint(3, 28), m=month.capitalize() if plan.lang == "en" else month, y=plan.year)
