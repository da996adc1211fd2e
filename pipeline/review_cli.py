"""The `review` and `resolve` commands: a person settles the actor mentions the resolver doubted."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.prompt import Prompt

from pipeline.settings import DEFAULT_DB

if TYPE_CHECKING:
    import duckdb

    from pipeline.review import PendingMention

ACTOR_TYPES = ("un_agency", "ingo", "nngo", "government", "coordination_body", "role", "donor", "other")
console = Console()


def review(
    db_path: Path = typer.Option(DEFAULT_DB, "--db", help="The DuckDB database file."),
    list_only: bool = typer.Option(False, "--list", help="Print the queue and exit, without asking."),
    limit: int = typer.Option(50, "--limit", help="How many pending mentions to show or ask about."),
    accept: list[str] = typer.Option(
        [], "--accept", help="Decide without asking: 'RAW=ACTOR_ID' or 'RAW=-' for not an actor. Repeatable."
    ),
    export: Path | None = typer.Option(
        None,
        "--export",
        help="Also merge all decisions into this CSV (e.g. data/reviewed_aliases.csv, read by later ingests).",
    ),
) -> None:
    """Confirm or correct actor mentions the resolver was unsure of.

    For each pending mention you see where it occurs and the best suggestions; answer with a
    suggestion's number, `n` (not an actor), `c` (create a new actor), `i` (type an actor id),
    `s` (skip) or `q` (quit). Decisions are kept in the database, applied to every mention with
    the same text, and reused by later ingests and `workplans resolve`.

    Example: workplans review --accept "UNICEI=unicef" --export data/reviewed_aliases.csv
    """
    from pipeline import db
    from pipeline.review import decide, export_decisions, pending_mentions

    con = db.open_db(db_path)
    try:
        for item in accept:
            raw, _, actor_id = item.rpartition("=")
            changed = decide(con, raw, None if actor_id == "-" else actor_id)
            console.print(f"{raw!r} -> {actor_id}: {changed} mentions")
        queue = pending_mentions(con, limit)
        if list_only or accept:
            print_queue(queue, *queue_size(con))
        else:
            ask_each(con, queue)
        if export:
            console.print(f"{export_decisions(con, export)} decisions in {export}")
    finally:
        con.close()


def queue_size(con: duckdb.DuckDBPyConnection) -> tuple[int, int]:
    """The mention texts and the mentions waiting in the review_queue view."""
    row = con.execute("select count(distinct raw), count(*) from review_queue").fetchone()
    return (int(row[0]), int(row[1])) if row else (0, 0)


def print_queue(queue: list[PendingMention], texts: int, mentions: int) -> None:
    """The pending mentions as a table, titled with how many of how many it shows."""
    from rich.table import Table as RichTable

    table = RichTable(title=f"{len(queue)} of {texts} mention texts waiting for review ({mentions} mentions)")
    for column in ("mention", "times", "suggestions", "for example"):
        table.add_column(column)
    for item in queue:
        table.add_row(item.raw, str(item.occurrences), suggestion_text(item), item.example)
    console.print(table)


def suggestion_text(item: PendingMention) -> str:
    """Numbered suggestions, e.g. "1 UNICEF (unicef, 91)"."""
    return "; ".join(f"{n} {name} ({aid}, {score:.0f})" for n, (aid, name, score) in enumerate(item.suggestions, 1))


def ask_each(con: duckdb.DuckDBPyConnection, queue: list[PendingMention]) -> None:
    """Ask a person about each pending mention in turn."""
    from pipeline.review import decide

    for item in queue:
        console.rule(f"[bold]{item.raw}[/bold]  ({item.occurrences}x)")
        console.print(item.example)
        console.print(suggestion_text(item) or "no suggestion")
        answer = Prompt.ask("number, n, c, i, s or q", default="s")
        if answer == "q":
            return
        actor_id = answer_to_actor(con, item, answer)
        if actor_id != "skip":
            decide(con, item.raw, actor_id)


def answer_to_actor(con: duckdb.DuckDBPyConnection, item: PendingMention, answer: str) -> str | None:
    """The actor id an answer names, None for not an actor, "skip" for nothing."""
    if answer.isdigit() and 1 <= int(answer) <= len(item.suggestions):
        return item.suggestions[int(answer) - 1][0]
    if answer == "n":
        return None
    if answer == "i":
        return Prompt.ask("actor id")
    if answer == "c":
        name = Prompt.ask("canonical name", default=item.raw)
        acronym = Prompt.ask("acronym", default="") or None
        actor_type = Prompt.ask("type", choices=list(ACTOR_TYPES), default="other")
        from pipeline.review import create_actor

        return create_actor(con, name, acronym, actor_type)
    return "skip"


def resolve(
    db_path: Path = typer.Option(DEFAULT_DB, "--db", help="The DuckDB database file."),
) -> None:
    """Re-run actor resolution over the database without re-extracting (after the registry changed).

    Reviewed decisions in the database and in data/reviewed_aliases.csv are applied again.

    Example: workplans resolve --db data/workplans.duckdb
    """
    from data import data_path
    from normalizers.actors import load_registry
    from pipeline import db
    from pipeline.review import apply_stored_decisions, resolve_database

    con = db.open_db(db_path)
    try:
        frame = resolve_database(con, load_registry())
        reviewed = apply_stored_decisions(con)
        _, to_review = queue_size(con)
    finally:
        con.close()
    console.print(
        f"{len(frame)} mentions: {reviewed} settled by reviewed decisions, {to_review} to review "
        f"(see `workplans review`). Registry: {data_path('actors.csv')}"
    )
