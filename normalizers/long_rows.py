"""A long export's rows of one activity, one period each, read as that one activity.

A monitoring tool exports a plan "one row per activity and quarter": the same activity, in the same context,
repeated on a row per period. Those rows are one activity running in the union of their periods, but only
where nothing else tells them apart: every other value agrees or is empty on all of them (a row per location
or per organisation is a row of its own). The merged activity stands on its first row and names the others in
`extra["period_rows"]`; every cell stays in the raw cells.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from normalizers.model import Activity, Quarter

# The fields naming an activity: rows agreeing on all of them may be one activity.
IDENTITY = ("activity", "priority", "objective", "output", "indicator", "item")
# The fields that must agree or be empty on every row of one activity.
AGREEING = ("status", "comments", "lead_raw", "partners_raw")
ROWS_KEY = "period_rows"


def merge_period_rows(activities: Sequence[Activity]) -> tuple[Activity, ...]:
    """The activities with each group of rows repeating one activity for another period merged into one."""
    groups: dict[tuple[object, ...], list[Activity]] = {}
    for activity in activities:
        groups.setdefault(tuple(getattr(activity, name) for name in IDENTITY), []).append(activity)
    merged = {id(group[0]): merge(group) for group in groups.values() if is_period_split(group)}
    dropped = {id(activity) for group in groups.values() if id(group[0]) in merged for activity in group[1:]}
    return tuple(merged.get(id(activity), activity) for activity in activities if id(activity) not in dropped)


def is_period_split(group: Sequence[Activity]) -> bool:
    """True for several rows each with its own periods, agreeing (or empty) on every other value."""
    periods = [frozenset((q.year, q.quarter) for q in activity.quarters) for activity in group]
    return (
        len(group) > 1
        and all(periods)
        and len(set(periods)) == len(periods)
        and all(agrees([getattr(activity, name) for activity in group]) for name in AGREEING)
        and all(agrees([activity.extra.get(key) for activity in group]) for key in extra_keys(group))
    )


def agrees(values: Sequence[object]) -> bool:
    """True when the non-empty values are all the same."""
    filled = [value for value in values if value]
    return all(value == filled[0] for value in filled)


def extra_keys(group: Sequence[Activity]) -> list[str]:
    """Every key of the rows' extras."""
    return list(dict.fromkeys(key for activity in group for key in activity.extra))


def merge(group: Sequence[Activity]) -> Activity:
    """One activity from its rows: their periods together, each value from the first row that has one."""
    first = group[0]
    quarters: dict[tuple[int | None, int], Quarter] = {}
    for activity in group:
        for quarter in activity.quarters:
            quarters.setdefault((quarter.year, quarter.quarter), quarter)
    status, comments, lead_raw, partners_raw = (first_value(group, name) for name in AGREEING)
    extra = {key: next((v for a in group if (v := a.extra.get(key))), None) for key in extra_keys(group)}
    timelines = dict.fromkeys(activity.timeline_raw for activity in group if activity.timeline_raw)
    return replace(
        first,
        status=status,
        comments=comments,
        lead_raw=lead_raw,
        partners_raw=partners_raw,
        timeline_raw="; ".join(timelines) or None,
        extra={**extra, ROWS_KEY: [activity.row_index for activity in group]},
        quarters=tuple(sorted(quarters.values(), key=lambda q: (q.year or 0, q.quarter))),
        actors=max((activity.actors for activity in group), key=len),
    )


def first_value(group: Sequence[Activity], name: str) -> str | None:
    """The first non-empty value of a field over the rows."""
    return next((value for activity in group if (value := getattr(activity, name))), None)
