"""Shapes of a holdout table from its third batch: twelve month columns across two years, lead and partner cells
merged over several activity rows, and a group's activities as bullets inside one cell (or, from the thirteenth
batch, two of them numbered "1)" and "2)" in one cell).

Gold conventions for them (the public suite's, carried over): months across two years give the quarters of the
marked months, and the year of most of them (None, not scored, when both years hold as many); an activity row
under a merged actor cell has that cell's actors; each bullet is an activity with its row's context, actors,
quarters and status (so is each numbered one).
"""

from __future__ import annotations

import re
from typing import Any

from bench.holdout.content import Activity, Plan
from bench.holdout.forms import pairs_gold
from bench.holdout.layout import Layout
from tools.office import UP

BULLET = "• "


def fiscal_month(layout: Layout, year: int, period: int) -> tuple[int, int]:
    """The calendar month and year of the `period`-th (1-based) of twelve month columns from `fy_start`."""
    k = layout.fy_start - 1 + period - 1
    return k % 12 + 1, year + k // 12


def fiscal_gold(plan: Plan, layout: Layout, activity: Activity) -> tuple[list[int], int | None]:
    """The quarters the marked months fall in, and the year most of those (year, quarter) pairs are in."""
    pairs = set()
    for period in activity.months:
        month, year = fiscal_month(layout, plan.year, period)
        pairs.add((year, (month - 1) // 3 + 1))
    return pairs_gold(pairs, plan.year)


def same_group(plan: Plan, above: Activity | None, activity: Activity) -> bool:
    return above is not None and all(above.context[level] == activity.context[level] for level in plan.levels)


def merge_actors(cells: list[str], gold: dict[str, Any], above: dict[str, Any], roles: list[str]) -> None:
    """The row's lead and partner cells merged into the row above's: its actors are theirs."""
    for c, role in enumerate(roles):
        if role in ("lead", "partners"):
            cells[c] = UP
    gold["leads"], gold["partners"] = above["leads"], above["partners"]


def start_bullets(cells: list[str], roles: list[str]) -> None:
    c = roles.index("activity")
    cells[c] = BULLET + cells[c]


def add_bullet(cells: list[str], above: dict[str, Any], roles: list[str], text: str) -> dict[str, Any]:
    """One more bullet in the row's activity cell; its gold is the row's with its own text."""
    cells[roles.index("activity")] += "\n" + BULLET + text
    return {**above, "activity": re.sub(r"\s+", " ", text).strip()}


def add_second(cells: list[str], above: dict[str, Any], roles: list[str], text: str) -> dict[str, Any]:
    """A second activity numbered in the row's activity cell ("1) …" over "2) …"); its gold is the row's with its own
    text."""
    c = roles.index("activity")
    cells[c] = f"1) {cells[c]}\n2) {text}"
    return {**above, "activity": re.sub(r"\s+", " ", text).strip()}
