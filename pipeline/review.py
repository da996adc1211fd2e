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
from pipeline.frames import ACTOR_COLUMNS, Frame, to_json

if TYPE_CHECKING:
    from normalizers.actors import Registry, ResolutionContext

NOT_ACTOR = "__not_actor__"
PENDING_METHODS = ("review", "unresolved")  # the "unresolved mentions" of every count (005's actor_mention_counts)
# A person confirms these: the pending ones and the provisional actors read from documents.
QUEUE_METHODS = (*PENDING_METHODS, "provisional")
DECISION_COLUMNS = ["raw", "actor_id", "decided_at"]


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


def decide(con: duckdb.DuckDBPyConnection, raw: str, actor_id: str | None) -> int:
    """Record a decision (an actor id, or None for "not an actor") and apply it; returns rows changed."""
    con.execute("BEGIN TRANSACTION")
    con.execute(
        "INSERT OR REPLACE INTO review_decisions VALUES (?, ?, ?, ?)", [raw, actor_id, actor_id is None, datetime.now()]
    )
    changed = apply_decision(con, raw, actor_id)
    con.execute("COMMIT")
    return changed


def apply_decision(con: duckdb.DuckDBPyConnection, raw: str, actor_id: str | None) -> int:
    """Point every mention with this raw text at the actor; drop it when it is not an actor."""
    where = "raw = ? and method <> 'reviewed'"
    count = con.execute(f"select count(*) from activity_actors where {where}", [raw]).fetchone()
    if actor_id is None:
        con.execute(f"delete from activity_actors where {where}", [raw])
    else:
        con.execute(
            f"update activity_actors set actor_id = ?, method = 'reviewed', score = 100 where {where}", [actor_id, raw]
        )
    return int(count[0]) if count else 0


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
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=DECISION_COLUMNS)
        writer.writeheader()
        writer.writerows(sorted(rows.values(), key=lambda row: row["raw"].lower()))
    return len(rows)


def resolve_database(con: duckdb.DuckDBPyConnection, registry: Registry) -> Frame:
    """Re-run resolution over every activity's lead and partner text, without re-extracting; the new
    activity_actors rows."""
    from normalizers.actors import resolve_cell  # the registry's matchers load only when resolving

    activities = con.execute(
        "select activity_id, lead_raw, partners_raw, d.sector, d.title, d.country "
        "from activities join documents d using (document_id)"
    ).fetchall()
    frame = Frame(
        ACTOR_COLUMNS,
        [
            (activity_id, ref.actor_id, ref.role, ref.raw, ref.score, ref.method, to_json(ref.suggestions))
            for activity_id, lead, partners, sector, title, country in activities
            for role, cell in (("lead", lead), ("partner", partners))
            if cell
            for ref in resolve_cell(cell, registry, role, document_context(sector, title, country))
        ],
    )
    con.execute("BEGIN TRANSACTION")
    con.execute("DELETE FROM activity_actors")
    db.insert_rows(con, "activity_actors", frame)
    con.execute("COMMIT")
    return frame


def register_provisional_actors(con: duckdb.DuckDBPyConnection, document_ids: list[str] | None = None) -> int:
    """Keep the provisional and role actors the mentions of these documents (all when None) point at, in
    provisional_actors and the actors table; returns how many were new."""
    from normalizers.actor_provisional import is_role_id, provisional_actor, role_actor
    from normalizers.actor_registry import load_registry  # the words and the registry only, no matcher

    scope = "true" if document_ids is None else "list_contains(?, a.document_id)"
    mentions = con.execute(
        "select distinct aa.actor_id, aa.raw, d.country from activity_actors aa join activities a using (activity_id) "
        f"join documents d using (document_id) where (aa.method = 'provisional' or aa.actor_id like '%--%') "
        f"and {scope} and aa.actor_id not in (select actor_id from provisional_actors)",
        [] if document_ids is None else [document_ids],
    ).fetchall()
    registry = load_registry()
    made = (
        role_actor(actor_id, registry) if is_role_id(actor_id) else provisional_actor(raw, country)
        for actor_id, raw, country in mentions
    )
    actors = {actor.actor_id: actor for actor in made}
    now = datetime.now()
    for actor in actors.values():
        con.execute(
            "INSERT OR IGNORE INTO provisional_actors VALUES (?, ?, ?, ?, ?, ?, ?)",
            [actor.actor_id, actor.name, actor.acronym, actor.actor_type, actor.country, actor.parent_id, now],
        )
    con.execute(db.PROVISIONAL_ACTORS_INSERT)
    return len(actors)


def document_context(sector: str | None, title: str | None, country: str | None) -> ResolutionContext:
    """The resolution context of a loaded document, as normalizers.actors.resolve_row_actors builds it."""
    from normalizers.actors import ResolutionContext

    return ResolutionContext(" ".join(filter(None, (sector, title))), country=country)


def apply_stored_decisions(con: duckdb.DuckDBPyConnection, document_ids: list[str] | None = None) -> int:
    """Register the provisional actors of these documents (all when None: the ones just loaded), then apply
    every decision kept in the database to the mentions not yet settled; returns rows changed."""
    register_provisional_actors(con, document_ids)
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
    con.execute(f"delete from activity_actors where {pending.format('not_actor')}", parameters)
    con.execute(
        "update activity_actors set actor_id = d.actor_id, method = 'reviewed', score = 100 "
        "from review_decisions d where activity_actors.raw = d.raw and not d.not_actor "
        f"and activity_actors.method <> 'reviewed' and {scope}",
        parameters,
    )
    return int(counted[0]) if counted else 0
