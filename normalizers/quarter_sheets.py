"""A workbook with a sheet per quarter: each sheet, named by its period ("Q1 2027", "T2 2028"), lists the
activities run in it under one shared header, and a sheet under the same header that no period names lists those
not yet scheduled. Read as one list: an activity per distinct activity (its text, code included, and its context),
running in the quarters of the sheets it appears on; one on an unscheduled sheet only runs in none.

The sheets are told by their tables' locators ("'Q1 2027'!A4"); at least MIN_PERIOD_SHEETS sheets named by periods
must hold workplan tables of the same header, and only tables of that header are read together. A workbook of
other sheets (a sheet per objective, per year) is read as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from normalizers.model import Activity, Quarter
from normalizers.periods import Period, header_to_period
from normalizers.vocab import fold

# A workbook is read by quarter sheets when at least this many sheets named by periods share a header.
MIN_PERIOD_SHEETS = 2
# The quarters a sheet's name gives are read from a text (its name), as a timeline cell's are.
SHEET_SOURCE = "text"


@dataclass(frozen=True)
class SheetTable:
    """One recognised table as a quarter sheet sees it: where it stands, its columns' headers, its activities."""

    locator: str | None
    headers: tuple[str, ...]
    activities: tuple[Activity, ...]


def sheet_name(locator: str | None) -> str | None:
    """The sheet of a workbook locator ("'Q1 2027'!A4" → "Q1 2027"), or None for a locator naming no sheet."""
    if not locator or "!" not in locator:
        return None
    name = locator.rpartition("!")[0]
    return name[1:-1].replace("''", "'") if name.startswith("'") and name.endswith("'") else name


def sheet_period(table: SheetTable) -> Period | None:
    """The period a table's sheet is named by, or None."""
    name = sheet_name(table.locator)
    return header_to_period(name) if name else None


def shared_header(tables: Sequence[SheetTable]) -> tuple[str, ...] | None:
    """The header that tables on at least MIN_PERIOD_SHEETS period-named sheets share, or None."""
    sheets: dict[tuple[str, ...], set[str]] = {}
    for table in tables:
        if table.activities and sheet_period(table):
            sheets.setdefault(table.headers, set()).add(sheet_name(table.locator) or "")
    return next((headers for headers, names in sheets.items() if len(names) >= MIN_PERIOD_SHEETS), None)


def activity_key(activity: Activity) -> tuple[str, ...]:
    """What makes an activity the same on two sheets: its text (its code with it) and its context."""
    return tuple(
        fold(text or "") for text in (activity.activity, activity.priority, activity.objective, activity.output)
    )


def quarter_sheet_activities(tables: Sequence[SheetTable]) -> list[tuple[Activity, ...]]:
    """Each table's activities, those of a workbook's quarter sheets read as one list: an activity on its first
    sheet with the quarters of every sheet it appears on, left out of the later sheets (tables as they were when
    the workbook has no quarter sheets)."""
    header = shared_header(tables)
    if header is None:
        return [table.activities for table in tables]
    first: dict[tuple[str, ...], tuple[int, int]] = {}  # an activity's key: its table and place there
    out = [list(table.activities) for table in tables]
    for index, table in enumerate(tables):
        if table.headers != header:
            continue
        period = sheet_period(table)
        kept: list[Activity] = []
        out[index] = kept
        for activity in table.activities:
            quarters = period_quarters(period)
            place = first.get(key := activity_key(activity))
            if place is None:
                first[key] = (index, len(kept))
                kept.append(with_quarters(activity, quarters))
            else:
                out[place[0]][place[1]] = with_quarters(out[place[0]][place[1]], quarters)
    return [tuple(activities) for activities in out]


def period_quarters(period: Period | None) -> tuple[Quarter, ...]:
    """The quarters a sheet's period covers (none for a sheet no period names)."""
    return tuple(Quarter(period.year, q, SHEET_SOURCE) for q in period.quarters) if period else ()


def with_quarters(activity: Activity, quarters: tuple[Quarter, ...]) -> Activity:
    """The activity running in these quarters too."""
    return replace(activity, quarters=tuple(sorted(set(activity.quarters) | set(quarters))))
