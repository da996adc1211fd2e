"""Lead and partners given in a table of their own, joined to the workplan's activities by their code.

Some workplans move their actor columns out of the activity table into a second one (`Code | Lead | Partners`,
on a page or sheet of its own): a table of codes and actor cells with no activity column. Each of its rows gives
the lead and partners of the activity carrying that code in its identifier column, as if they stood in its row;
an activity that names its own lead or partners keeps them. A code matching no activity is said out loud.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from extractors.model import Issue, Table
from normalizers.actors import Registry, resolve_row_actors
from normalizers.document import DocumentMeta
from normalizers.layout import TableLayout
from normalizers.model import Activity
from normalizers.rows import RowValues, row_values, table_rows

UNJOINED_KIND = "unjoined_codes"
ACTOR_COLUMNS = ("lead", "partners")


@dataclass(frozen=True)
class Actors:
    """One row of an actors table: the lead and partner cells given beside a code, and their mentions."""

    values: RowValues
    table_index: int


def is_actors_table(layout: TableLayout | None) -> bool:
    """A table of codes and actor cells alone: an identifier and a lead or partner column, no activity."""
    return (
        layout is not None
        and layout.first_column("activity") is None
        and layout.first_column("identifier") is not None
        and any(layout.first_column(role) is not None for role in ACTOR_COLUMNS)
    )


def code_key(code: str) -> str:
    """A code as the join compares it: trimmed, without a closing dot, case folded ("1.2." and "1.2" alike)."""
    return code.strip().rstrip(".").strip().casefold()


def actors_by_code(
    tables: Sequence[Table], grids: Sequence[list[list[str]]], layouts: Sequence[TableLayout | None]
) -> dict[str, Actors]:
    """The actor rows of every actors table, by their code (the first table giving a code wins)."""
    joined: dict[str, Actors] = {}
    for index, (table, grid, layout) in enumerate(zip(tables, grids, layouts, strict=True)):
        if layout is None or not is_actors_table(layout):
            continue
        identifier = layout.first_column("identifier")
        assert identifier is not None
        for row in table_rows(table, grid, layout.body_start):
            code = code_key(row.cells[identifier.index])
            values = row_values(row, layout)
            if code and any(values.named.get(role) for role in ACTOR_COLUMNS):
                joined.setdefault(code, Actors(values, index))
    return joined


def activity_code(activity: Activity, layout: TableLayout | None) -> str:
    """The code in the activity's identifier column, as the join compares it ("" without one)."""
    column = layout.first_column("identifier") if layout else None
    if column is None:
        return ""
    return code_key(activity.extra.get(column.header or f"column {column.index + 1}", ""))


def joined_activity(activity: Activity, actors: Actors, registry: Registry, meta: DocumentMeta) -> Activity:
    """The activity with the lead and partners its code's row gives, unless it names its own."""
    if activity.lead_raw or activity.partners_raw:
        return activity
    named = actors.values.named
    return replace(
        activity,
        lead_raw=named.get("lead") or None,
        partners_raw=named.get("partners") or None,
        actors=tuple(resolve_row_actors(list(actors.values.actors), registry, meta)),
    )


def join_actors(
    activities: Sequence[tuple[Activity, TableLayout | None]],
    joined: Mapping[str, Actors],
    registry: Registry,
    meta: DocumentMeta,
) -> list[Activity]:
    """Each activity joined to the actor row of its code, when one is given."""
    read = []
    for activity, layout in activities:
        actors = joined.get(activity_code(activity, layout))
        read.append(joined_activity(activity, actors, registry, meta) if actors else activity)
    return read


def unjoined_issues(
    joined: Mapping[str, Actors], activities: Sequence[tuple[Activity, TableLayout | None]], tables: Sequence[Table]
) -> list[Issue]:
    """One warning per actors table whose codes match no activity's code, naming those codes."""
    codes = {activity_code(activity, layout) for activity, layout in activities}
    missing: dict[int, list[str]] = {}
    for code, actors in joined.items():
        if code not in codes:
            missing.setdefault(actors.table_index, []).append(code)
    return [
        Issue(
            "recognise",
            UNJOINED_KIND,
            f"table {index + 1}: lead and partners given for codes matching no activity: {', '.join(found)}",
            tables[index].page,
        )
        for index, found in sorted(missing.items())
    ]
