"""The review queue: actor mentions below the auto-accept score, decided by a person and reused."""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from pipeline import db
from pipeline.frames import ACTOR_COLUMNS, Frame, actor_row, provisional_frame
from pipeline.summary import PENDING_METHODS, PROVISIONAL

if TYPE_CHECKING:
    from normalizers.actors import Registry, ResolutionContext

NOT_ACTOR = "__not_actor__"
# A person confirms these: the pending ones and the provisional actors read from documents.
QUEUE_METHODS = (*PENDING_METHODS, PROVISIONAL)
DECISION_COLUMNS = ["raw", "actor_id", "decided_at"]
# Every activity's actor texts and document context, with the raw cells of its row that hold a line break.
ACTOR_CELLS_QUERY = """
    select a.activity_id, a.lead_raw, a.partners_raw, d.sector, d.title, d.country,
           (select list(c.text) from raw_cells c
            where c.document_id = a.document_id and c.table_index = a.table_index
              and c.row <= a.row_index and c.row + coalesce(c.row_span, 1) > a.row_index
              and c.text like '%' || chr(10) || '%') as broken
    from activities a join documents d using (document_id)
"""


@dataclass(frozen=True)
class PendingMention:
    """One raw mention waiting for a decision, with where it occurs and the best suggestions."""

    raw: str
    occurrences: int
    suggestions: tuple[tuple[str, str, float], ...]  # (actor_id, name, score)
    example: str


def pending_mentions(con: duckdb.DuckDBPyConnection, limit: int | None = None) -> list[PendingMention]:
    """Mentions waiting for a person (pending or provisional), most frequent first."""
    rows = con.execute(
        f"""
        select aa.raw, count(*) as n, any_value(aa.suggestions) as suggestions,
               any_value(coalesce(d.title, d.path) || ', table ' || a.table_index || ' row ' || a.row_index
                         || ': ' || left(a.activity, 80)) as example
        from activity_actors aa join activities a using (activity_id) join documents d using (document_id)
        where aa.method in {QUEUE_METHODS}
        group by aa.raw order by n desc, aa.raw {f"limit {int(limit)}" if limit else ""}
        """
    ).fetchall()
    names = dict(con.execute("select actor_id, name from actors").fetchall())
    return [
        PendingMention(
            raw, n, tuple((aid, names.get(aid, aid), float(score)) for aid, score in json.loads(s or "[]")), example
        )
        for raw, n, s, example in rows
    ]


def decide(con: duckdb.DuckDBPyConnection, raw: str, actor_id: str | None, created_actor: str | None = None) -> int:
    """Record a decision (an actor id, or None for "not an actor") and apply it to every mention with this raw
    text, keeping what it replaces so that it can be undone; returns the mentions changed."""
    con.execute("BEGIN TRANSACTION")
    record_history(con, raw, created_actor)
    con.execute(
        "INSERT OR REPLACE INTO review_decisions VALUES (?, ?, ?, ?)", [raw, actor_id, actor_id is None, datetime.now()]
    )
    changed = apply_decision(con, raw, actor_id)
    con.execute("COMMIT")
    return changed


def record_history(con: duckdb.DuckDBPyConnection, raw: str, created_actor: str | None) -> None:
    """Keep the decision and the mentions a new decision on this raw text replaces (review_history)."""
    previous = con.execute(
        "select actor_id, not_actor, decided_at from review_decisions where raw = ?", [raw]
    ).fetchone()
    rows = con.execute(f"select {', '.join(ACTOR_COLUMNS)} from activity_actors where raw = ?", [raw]).fetchall()
    seq = con.execute("select coalesce(max(seq), 0) + 1 from review_history").fetchone()
    con.execute(
        "INSERT INTO review_history VALUES (?, ?, ?, ?, ?, ?)",
        [
            seq[0] if seq else 1,
            raw,
            json.dumps({"actor_id": previous[0], "not_actor": previous[1], "decided_at": str(previous[2])})
            if previous
            else None,
            json.dumps(rows, default=str),
            created_actor,
            datetime.now(),
        ],
    )


def undo_last(con: duckdb.DuckDBPyConnection) -> str | None:
    """Undo the last decision: its raw text's mentions and decision as they were before it, an actor created
    for it removed when no other decision names it; returns the raw text, or None when there is nothing to undo."""
    last = con.execute(
        "select seq, raw, previous, mentions, created_actor from review_history order by seq desc limit 1"
    ).fetchone()
    if last is None:
        return None
    seq, raw, previous, mentions, created_actor = last
    con.execute("BEGIN TRANSACTION")
    con.execute("DELETE FROM review_decisions WHERE raw = ?", [raw])
    if previous:
        before = json.loads(previous)
        con.execute(
            "INSERT INTO review_decisions VALUES (?, ?, ?, ?)",
            [raw, before["actor_id"], before["not_actor"], before["decided_at"]],
        )
    con.execute("DELETE FROM activity_actors WHERE raw = ?", [raw])
    rows = [tuple(row) for row in json.loads(mentions)]
    if rows:
        columns = ACTOR_COLUMNS[: len(rows[0])]  # a decision kept before pipeline/sql/009 has no doubt column
        marks = ", ".join("?" for _ in columns)
        con.executemany(f"INSERT INTO activity_actors ({', '.join(columns)}) VALUES ({marks})", rows)
    if (
        created_actor
        and not con.execute("select 1 from review_decisions where actor_id = ?", [created_actor]).fetchone()
    ):
        con.execute("DELETE FROM reviewed_actors WHERE actor_id = ?", [created_actor])
        con.execute("DELETE FROM actors WHERE actor_id = ?", [created_actor])
    con.execute("DELETE FROM review_history WHERE seq = ?", [seq])
    con.execute("COMMIT")
    return str(raw)


def apply_decision(con: duckdb.DuckDBPyConnection, raw: str, actor_id: str | None) -> int:
    """Point every mention with this raw text at the actor, or mark it as naming no one (not_actor)."""
    count = con.execute("select count(*) from activity_actors where raw = ?", [raw]).fetchone()
    if actor_id is None:
        con.execute(
            "update activity_actors set actor_id = NULL, method = 'not_actor', score = 100 where raw = ?", [raw]
        )
    else:
        con.execute(
            "update activity_actors set actor_id = ?, method = 'reviewed', score = 100 where raw = ?", [actor_id, raw]
        )
    return int(count[0]) if count else 0


def actor_exists(con: duckdb.DuckDBPyConnection, actor_id: str) -> bool:
    """Whether an id names an actor of the database (registry, reviewers' and provisional actors)."""
    return con.execute("select 1 from actors where actor_id = ?", [actor_id]).fetchone() is not None


def create_actor(con: duckdb.DuckDBPyConnection, name: str, acronym: str | None, actor_type: str) -> str:
    """Add an actor a reviewer names; returns its new id."""
    actor_id = re.sub(r"[^a-z0-9]+", "-", (acronym or name).lower()).strip("-")
    existing = {row[0] for row in con.execute("select actor_id from actors").fetchall()}
    base, n = actor_id, 2
    while actor_id in existing:
        actor_id, n = f"{base}-{n}", n + 1
    now = datetime.now()
    con.execute("INSERT INTO reviewed_actors VALUES (?, ?, ?, ?, ?)", [actor_id, name, acronym, actor_type, now])
    con.execute(
        "INSERT INTO actors (actor_id, name, acronym, actor_type) VALUES (?, ?, ?, ?)",
        [actor_id, name, acronym, actor_type],
    )
    return actor_id


def export_decisions(con: duckdb.DuckDBPyConnection, path: Path) -> int:
    """Merge the database's decisions into a reviewed-aliases CSV; returns how many rows it holds."""
    rows: dict[str, dict[str, str]] = {}
    if path.exists():
        with path.open(encoding="utf-8", newline="") as handle:
            rows = {row["raw"]: row for row in csv.DictReader(handle)}
    for raw, actor_id, decided_at in con.execute(
        "select raw, coalesce(actor_id, ?), decided_at from review_decisions", [NOT_ACTOR]
    ).fetchall():
        rows[raw] = {"raw": raw, "actor_id": actor_id, "decided_at": decided_at.isoformat(timespec="seconds")}
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=DECISION_COLUMNS)
        writer.writeheader()
        writer.writerows(sorted(rows.values(), key=lambda row: row["raw"].lower()))
    return len(rows)


def resolve_database(con: duckdb.DuckDBPyConnection, registry: Registry) -> Frame:
    """Re-run resolution over every activity's lead and partner text, without re-extracting; the new
    activity_actors rows. A cell's line breaks, which separate actors, are read back from raw_cells."""
    from normalizers.actors import resolve_cell  # the registry's matchers load only when resolving

    activities = con.execute(ACTOR_CELLS_QUERY).fetchall()
    frame = Frame(
        ACTOR_COLUMNS,
        [
            actor_row(activity_id, ref)
            for activity_id, lead, partners, sector, title, country, broken in activities
            for role, cell in (("lead", lead), ("partner", partners))
            if cell
            for ref in resolve_cell(
                with_line_breaks(cell, broken or []), registry, role, document_context(sector, title, country)
            )
        ],
    )
    con.execute("BEGIN TRANSACTION")
    con.execute("DELETE FROM activity_actors")
    db.insert_rows(con, "activity_actors", frame)
    con.execute("COMMIT")
    return frame


def with_line_breaks(cell: str, broken: list[str]) -> str:
    """A stored lead or partner text with the line breaks of the raw cell it was cleaned from, if one is found."""
    from normalizers.text import clean_lines, clean_text

    return next((clean_lines(text) for text in broken if clean_text(text) == cell), cell)


def register_provisional_actors(con: duckdb.DuckDBPyConnection, document_ids: list[str] | None = None) -> int:
    """Keep the provisional and role actors the mentions of these documents (all when None) point at, in
    provisional_actors and the actors table; returns how many were new (an ingest's workers made them already:
    here they are the ones of mentions a review changed)."""
    from normalizers.actor_provisional import mention_actors
    from normalizers.actor_registry import load_actors  # the actors only, no match indexes

    scope = "true" if document_ids is None else "list_contains(?, a.document_id)"
    mentions = con.execute(
        "select distinct aa.actor_id, aa.raw, d.country from activity_actors aa join activities a using (activity_id) "
        f"join documents d using (document_id) where (aa.method = 'provisional' or aa.actor_id like '%--%') "
        f"and {scope} and aa.actor_id not in (select actor_id from provisional_actors)",
        [] if document_ids is None else [document_ids],
    ).fetchall()
    actors = mention_actors(mentions, load_actors()) if mentions else []
    db.keep_provisional_actors(con, provisional_frame(actors))
    con.execute(db.PROVISIONAL_ACTORS_INSERT)
    return len(actors)


def say_alike_provisional_names(con: duckdb.DuckDBPyConnection, document_ids: list[str] | None = None) -> int:
    """Route to review each provisional mention of these documents (all when None) whose actor's name is like
    another provisional actor's of its country that some mention points at (normalizers/actor_likeness.py): its
    doubt says so, the alike actor is its first suggestion, its own provisional actor stays linked; never a join.
    Returns the mentions routed."""
    from normalizers.actor_likeness import LIKENESS_DOUBT, ProvisionalName, alike_names

    scope = "true" if document_ids is None else "list_contains(?, a.document_id)"
    parameters = [] if document_ids is None else [document_ids]
    named = "select actor_id, name, country from provisional_actors where actor_id not like '%--%' and actor_id in "
    among = con.execute(f"{named} (select actor_id from activity_actors)").fetchall()
    mine = con.execute(
        f"{named} (select aa.actor_id from activity_actors aa join activities a using (activity_id) "
        f"where aa.method = 'provisional' and {scope})",
        parameters,
    ).fetchall()
    alike = alike_names([ProvisionalName(*row) for row in mine], [ProvisionalName(*row) for row in among])
    routed = 0
    for actor_id, (other_id, score) in sorted(alike.items()):
        found = con.execute(
            "update activity_actors set method = 'review', doubt = ?, suggestions = ? "
            "where actor_id = ? and method = 'provisional' and activity_id in "
            f"(select activity_id from activities a where {scope})",
            [LIKENESS_DOUBT, json.dumps([[other_id, score]]), actor_id, *parameters],
        ).fetchone()
        routed += int(found[0]) if found else 0
    return routed


def document_context(sector: str | None, title: str | None, country: str | None) -> ResolutionContext:
    """The resolution context of a loaded document, as normalizers.actors.resolve_row_actors builds it."""
    from normalizers.actors import ResolutionContext

    return ResolutionContext(" ".join(filter(None, (sector, title))), country=country, sector=sector)


def apply_stored_decisions(con: duckdb.DuckDBPyConnection, document_ids: list[str] | None = None) -> int:
    """Register the provisional actors of these documents (all when None: the ones just loaded), then apply
    every decision kept in the database to the mentions not yet settled; returns rows changed."""
    register_provisional_actors(con, document_ids)
    say_alike_provisional_names(con, document_ids)
    if con.execute("select count(*) from review_decisions").fetchone() == (0,):
        return 0
    scope, parameters = "true", []
    if document_ids is not None:
        scope, parameters = (
            "activity_id in (select activity_id from activities where list_contains(?, document_id))",
            [document_ids],
        )
    pending = f"method <> 'reviewed' and {scope} and raw in (select raw from review_decisions where {{}})"
    counted = con.execute(f"select count(*) from activity_actors where {pending.format('true')}", parameters).fetchone()
    con.execute(
        "update activity_actors set actor_id = NULL, method = 'not_actor', score = 100 "
        f"where method <> 'not_actor' and {pending.format('not_actor')}",
        parameters,
    )
    con.execute(
        "update activity_actors set actor_id = d.actor_id, method = 'reviewed', score = 100 "
        "from review_decisions d where activity_actors.raw = d.raw and not d.not_actor "
        f"and activity_actors.method <> 'reviewed' and {scope}",
        parameters,
    )
    return int(counted[0]) if counted else 0
