"""Shapes of a holdout table from its fifth batch: lead and support in one cell, a status written as a percent
complete or a RAG rating, time frames written as month spans, quarter columns across two years under a row of
years, and a tool's long export (one row per activity and quarter).

Gold conventions for them (the public suite's, carried over): "Lead: A / Support: B" has A as lead and B as
partner; a percent complete is completed at 100%, planned at 0%, ongoing between, and a RAG rating's "Off
track" / "At risk" is null as "Delayed" is; a month span gives the quarters from its first month to its last
("until December" from January); quarters across two years as months across two years (the quarters of the
marked columns, the year of most of them, None when both years hold as many); the rows of one activity in a long
export are one activity with the quarters of all its rows.
"""

from __future__ import annotations

import random
from collections import Counter
from typing import Any

from bench.holdout.content import Activity, Plan, words
from bench.holdout.habits import traffic_light
from bench.holdout.idioms import marked_status
from bench.holdout.layout import Layout
from bench.holdout.practice import STATUS_CODES, dated_status
from bench.holdout.strokes import emoji_status
from bench.holdout.tempo import COLOURS, percent_word

# A month span as a time frame: from the first month the activity runs to its last; "until" when from January.
SPANS = {
    "en": ("from {a} to {b}", "{a}–{b} {y}", "{a} to {b}"),
    "fr": ("de {a} à {b}", "{a}–{b} {y}", "{a} à {b} {y}"),
    "es": ("de {a} a {b}", "{a}–{b} {y}", "{a} a {b} de {y}"),
    "pt": ("de {a} a {b}", "{a}–{b} {y}", "{a} a {b} de {y}"),
}
UNTIL = {"en": "until {b}", "fr": "jusqu'en {b}", "es": "hasta {b}", "pt": "até {b}"}
SINGLE = {"en": "in {a}", "fr": "en {a} {y}", "es": "en {a}", "pt": "{a} de {y}"}
# The support written beside the lead in one cell, by language.
JOINT = {
    "en": ("Lead: {lead} / Support: {partners}", "Lead: {lead}\nSupport: {partners}"),
    "fr": ("Lead : {lead} / Appui : {partners}", "Chef de file : {lead}\nAppui : {partners}"),
    "es": ("Lidera: {lead} / Apoyo: {partners}", "Responsable: {lead}\nApoyo: {partners}"),
    "pt": ("Responsável: {lead} / Apoio: {partners}", "Responsável: {lead}\nApoio: {partners}"),
}
JOINT_LEAD_ONLY = {"en": "Lead: {lead}", "fr": "Lead : {lead}", "es": "Lidera: {lead}", "pt": "Responsável: {lead}"}
# RAG ratings (en): the status words a dashboard writes, and the cell's colour.
RAG = {
    "completed": (("Completed", "Complete"), "C6EFCE"),
    "ongoing": (("On track",), "C6EFCE"),
    "planned": (("Not started",), "D9D9D9"),
    "on_hold": (("On hold",), "FFEB9C"),
    "cancelled": (("Cancelled",), "D9D9D9"),
    "unclear": (("Off track", "At risk"), "FFC7CE"),
}
ROMAN_HALF = ("I", "II")
ORDINAL_HALF = {"en": ("1st", "2nd"), "fr": ("1er", "2e"), "es": ("1er", "2do"), "pt": ("1.º", "2.º")}


def month_span(plan: Plan, activity: Activity, draws: random.Random) -> str:
    """The months an activity runs as a span of month names ("from March to June", "hasta diciembre")."""
    lang = plan.lang
    if not activity.months:
        return str(draws.choice(words()[lang]["timeframes"][""]))
    names = words()[lang]["months"]
    first, last = min(activity.months), max(activity.months)
    a, b = (names[first - 1], names[last - 1])
    if lang == "en":
        a, b = a.capitalize(), b.capitalize()
    if first == last:
        return SINGLE[lang].format(a=a, y=plan.year)
    if first == 1 and draws.random() < 0.5:
        return UNTIL[lang].format(b=b)
    text = draws.choice(SPANS[lang]).format(a=a, b=b, y=plan.year)
    return text.replace("de a", "d'a").replace("de o", "d'o") if lang == "fr" else text


def joint_cell(lang: str, layout: Layout, lead: str, partners: str) -> str:
    """The lead and the support in one cell: labelled, or (`joint` 2) the lead on the first line, the partners
    on the next."""
    if layout.joint == 2:
        return f"{lead}\n{partners}" if partners else lead
    if not partners:
        return JOINT_LEAD_ONLY[lang].format(lead=lead)
    return JOINT[lang][layout.joint].format(lead=lead, partners=partners)


def status_cell(activity: Activity, lang: str, layout: Layout, draws: random.Random, year: int) -> tuple[str, str]:
    """A status as words, a percent complete, a RAG rating or with its day; the cell's colour ("" for none)."""
    if not activity.status:
        return "", ""
    if layout.status_style == "light":
        return traffic_light(activity)
    if layout.status_style == "emoji":
        return emoji_status(activity), ""
    if layout.status_style == "percent-word":
        return percent_word(activity, lang, draws), ""
    if layout.status_style == "colour-only":
        return "", COLOURS[activity.status]
    if layout.status_style == "code":
        return STATUS_CODES[lang][activity.status], ""
    if layout.status_style == "dated":
        return dated_status(activity, lang, year, draws), ""
    if layout.status_style in ("marks", "colour"):
        return marked_status(activity, lang, layout.status_style, draws)
    if layout.status_style == "words":
        return str(draws.choice(words()[lang]["status"][activity.status])), ""
    if layout.status_style == "rag":
        texts, fill = RAG[activity.status]
        return str(draws.choice(texts)), fill
    percent = {"completed": "100%", "planned": "0%"}.get(activity.status)
    if activity.status == "ongoing":
        percent = f"{draws.randrange(10, 95, 5)}%"
    return percent or str(draws.choice(words()[lang]["status"][activity.status])), ""


def half_header(plan: Plan, layout: Layout, period: int) -> str:
    """A half-year column's header: "S1", "Semestre 1 2026", "I semestre 2026", "1.º semestre 2026"."""
    lang = words()[plan.lang]
    return layout.hhdr.format(
        H=lang["half"].format(h=period),
        n=period,
        r=ROMAN_HALF[period - 1],
        o=ORDINAL_HALF[plan.lang][period - 1],
        y=plan.year,
    )


def two_year_pairs(plan: Plan, activity: Activity) -> set[tuple[int, int]]:
    """The (year, quarter) pairs an activity runs in on a two-year plan: its quarters of the plan year, and the
    first half of the next year for an activity running into the fourth quarter of the first (the first, third …
    of its group)."""
    pairs = {(plan.year, q) for q in activity.quarters}
    if 4 in activity.quarters and activity.path[-1] % 2 == 1:
        pairs |= {(plan.year + 1, 1), (plan.year + 1, 2)}
    return pairs


def pairs_gold(pairs: set[tuple[int, int]], year: int) -> tuple[list[int], int | None]:
    """The quarters of (year, quarter) pairs and the year most of them are in (None when two years hold as many)."""
    ranked = Counter(y for y, _ in pairs).most_common()
    if not ranked:
        return [], year
    clear = len(ranked) == 1 or ranked[0][1] > ranked[1][1]
    return sorted({quarter for _, quarter in pairs}), ranked[0][0] if clear else None


def long_rows(cells: list[str], roles: list[str], plan: Plan, layout: Layout, activity: Activity) -> list[list[str]]:
    """An activity row as a tool exports it in long form: one row per quarter it runs in (one, blank, if none)."""
    c = roles.index("period")
    out = []
    for q in activity.quarters or (0,):
        row = list(cells)
        row[c] = layout.qhdr.format(Q=words()[plan.lang]["quarter"].format(q=q), n=q, y=plan.year) if q else ""
        out.append(row)
    return out


def gold_actors(layout: Layout, leads: list[list[str]], partners: list[list[str]]) -> dict[str, Any]:
    """The leads and partners the document's columns give (a joint column gives both)."""
    joint = "lead_support" in layout.cols
    return {
        "leads": leads if "lead" in layout.cols or joint or layout.lead_band or layout.lead_in_text else [],
        "partners": partners if "partners" in layout.cols or joint else [],
    }
