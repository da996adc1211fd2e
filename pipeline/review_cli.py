"""The `review` and `resolve` commands: a person settles the actor mentions the resolver doubted.

Review cannot corrupt the database: an id that names no actor and a malformed `--accept` are refused (exit
status 2, one line, the registry's closest actors offered), every decision is confirmed as it is applied and
can be undone (`u` while reviewing, `--undo` at the command line), and quitting says what was decided.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.prompt import Prompt

from pipeline.cli_errors import EXIT_USAGE, fail
from pipeline.settings import DEFAULT_DB

if TYPE_CHECKING:
    import duckdb

    from pipeline.review import PendingMention

ACTOR_TYPES = ("un_agency", "ingo", "nngo", "government", "coordination_body", "role", "donor", "other")
NOT_AN_ACTOR = "-"  # `--accept "RAW=-"`: the mention names no one
SKIP = "skip"  # an answer that decides nothing
AGAIN = "again"  # an answer refused: the same mention is asked about again
ANSWERS = "number, n (not an actor), c (create), i (type an id), u (undo), s (skip) or q (quit)"
SUGGESTED_IDS = 5  # registry search results offered with a refused id
console = Console()


def review(
    db_path: Path = typer.Option(DEFAULT_DB, "--db", help="The DuckDB database file."),
    list_only: bool = typer.Option(False, "--list", help="Print the queue and exit, without asking."),
    limit: int = typer.Option(50, "--limit", help="How many pending mentions to show or ask about."),
    accept: list[str] = typer.Option(
        [], "--accept", help="Decide without asking: 'RAW=ACTOR_ID' or 'RAW=-' for not an actor. Repeatable."
    ),
    undo: bool = typer.Option(False, "--undo", help="Undo the last decision, then exit."),
    export: Path | None = typer.Option(
        None,
        "--export",
        help="Also merge all decisions into this CSV (e.g. data/reviewed_aliases.csv, read by later ingests).",
    ),
) -> None:
    """Confirm or correct actor mentions the resolver was unsure of.

    For each pending mention you see where it occurs and the best suggestions; answer with a
    suggestion's number, `n` (not an actor), `c` (create a new actor), `i` (type an actor id),
    `u` (undo the last decision), `s` (skip) or `q` (quit). Each decision is confirmed, kept in the
    database, applied to every mention with the same text, and reused by later ingests and
    `workplans resolve`. An id that names no actor is refused with the registry's closest actors.

    Example: workplans review --accept "UNICEI=unicef" --export data/reviewed_aliases.csv
    """
    from pipeline import db
    from pipeline.review import export_decisions, pending_mentions

    decisions = [parse_accept(item) for item in accept]
    con = db.open_db(db_path)
    try:
        if undo:
            undo_last_decision(con)
        for _, actor_id in decisions:
            check_actor(con, actor_id)
        for raw, actor_id in decisions:
            apply_and_confirm(con, raw, actor_id)
        queue = pending_mentions(con, limit)
        if list_only or accept or undo:
            print_queue(queue, *queue_size(con))
        else:
            summarise(ask_each(con, queue), con)
        if export:
            console.print(f"{export_decisions(con, export)} decisions in {export}")
    finally:
        con.close()


def parse_accept(item: str) -> tuple[str, str | None]:
    """A `--accept RAW=ACTOR_ID` value as (raw, actor id or None for "-"); a malformed one stops the command."""
    raw, separator, actor_id = item.rpartition("=")
    if not separator or not raw.strip() or not actor_id.strip():
        fail(f"--accept wants RAW=ACTOR_ID, or RAW=- for not an actor; got {item!r}", EXIT_USAGE)
    return raw, None if actor_id.strip() == NOT_AN_ACTOR else actor_id.strip()


def check_actor(con: duckdb.DuckDBPyConnection, actor_id: str | None) -> None:
    """Stop the command when an id names no actor, offering the registry's closest actors."""
    if actor_id is not None and not is_known_actor(con, actor_id):
        fail(f"no actor {actor_id!r}; {closest_actors(actor_id)}", EXIT_USAGE)


def is_known_actor(con: duckdb.DuckDBPyConnection, actor_id: str) -> bool:
    """Whether an id names an actor of the database or the registry."""
    from normalizers.actors import load_registry
    from pipeline.review import actor_exists

    return actor_exists(con, actor_id) or actor_id in load_registry().actors


def closest_actors(text: str) -> str:
    """The registry's closest actors to a text, as one line pointing at `registry search`."""
    from normalizers.actor_search import search
    from normalizers.actors import load_registry

    found = search(text, load_registry(), limit=SUGGESTED_IDS)
    listed = ", ".join(f"{c.actor.actor_id} ({c.actor.name}, {c.score:.0f})" for c in found)
    closest = f"closest: {listed}; " if listed else ""
    return f"{closest}see `workplans registry search {text!r}`"


def apply_and_confirm(
    con: duckdb.DuckDBPyConnection, raw: str, actor_id: str | None, created: str | None = None
) -> None:
    """Apply one decision and say what it did."""
    from pipeline.review import decide

    changed = decide(con, raw, actor_id, created)
    console.print(f"{raw!r} -> {actor_label(con, actor_id)}: {changed} mentions", markup=False)


def actor_label(con: duckdb.DuckDBPyConnection, actor_id: str | None) -> str:
    """An actor as "id (name)", or "not an actor"."""
    if actor_id is None:
        return "not an actor"
    row = con.execute("select name from actors where actor_id = ?", [actor_id]).fetchone()
    return f"{actor_id} ({row[0]})" if row else actor_id


def undo_last_decision(con: duckdb.DuckDBPyConnection) -> str | None:
    """Undo the last decision and say which; None when there was none."""
    from pipeline.review import undo_last

    raw = undo_last(con)
    console.print(f"undone: the decision on {raw!r}" if raw else "nothing to undo", markup=False)
    return raw


def queue_size(con: duckdb.DuckDBPyConnection) -> tuple[int, int]:
    """The mention texts and the mentions waiting in the review_queue view."""
    row = con.execute("select count(distinct raw), count(*) from review_queue").fetchone()
    return (int(row[0]), int(row[1])) if row else (0, 0)


def mention_counts(con: duckdb.DuckDBPyConnection) -> str:
    """The one count of actor mentions (actor_mention_counts): pending, provisional and naming no one apart."""
    row = con.execute(
        "select coalesce(sum(pending), 0), coalesce(sum(provisional), 0), coalesce(sum(not_actor), 0) "
        "from actor_mention_counts"
    ).fetchone()
    pending, provisional, not_actor = row if row else (0, 0, 0)
    return f"{pending} unresolved or doubtful, {provisional} provisional actors to confirm; {not_actor} naming no one"


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


def ask_each(con: duckdb.DuckDBPyConnection, queue: list[PendingMention]) -> Counter[str]:
    """Ask a person about each pending mention in turn; what was decided, by kind."""
    tally: Counter[str] = Counter()
    index = 0
    while index < len(queue):
        item = queue[index]
        console.rule(f"[bold]{item.raw}[/bold]  ({item.occurrences}x)")
        console.print(item.example, markup=False)
        console.print(suggestion_text(item) or "no suggestion", markup=False)
        answer = Prompt.ask(ANSWERS, default="s")
        if answer == "q":
            break
        if answer == "u":
            index = undo_answer(con, queue, index, tally)
            continue
        kind = decide_answer(con, item, answer)
        if kind != AGAIN:
            tally[kind] += 1
            index += 1
    return tally


def undo_answer(con: duckdb.DuckDBPyConnection, queue: list[PendingMention], index: int, tally: Counter[str]) -> int:
    """Undo the last decision; the index to ask at next (the undone mention again, when it is in this queue)."""
    raw = undo_last_decision(con)
    if raw is None:
        return index
    tally["undone"] += 1
    positions = [position for position, item in enumerate(queue[:index]) if item.raw == raw]
    return positions[-1] if positions else index


def decide_answer(con: duckdb.DuckDBPyConnection, item: PendingMention, answer: str) -> str:
    """Apply one answer about a mention; what kind of decision it was (actor, not actor, created, skipped), or
    AGAIN when the answer named no actor."""
    if answer.isdigit() and 1 <= int(answer) <= len(item.suggestions):
        apply_and_confirm(con, item.raw, item.suggestions[int(answer) - 1][0])
        return "actor"
    if answer == "n":
        apply_and_confirm(con, item.raw, None)
        return "not an actor"
    if answer == "i":
        actor_id = Prompt.ask("actor id").strip()
        if not is_known_actor(con, actor_id):
            console.print(f"no actor {actor_id!r}; {closest_actors(actor_id)}", markup=False)
            return AGAIN
        apply_and_confirm(con, item.raw, actor_id)
        return "actor"
    if answer == "c":
        actor_id = create_answered_actor(con, item)
        apply_and_confirm(con, item.raw, actor_id, created=actor_id)
        return "created"
    return SKIP


def create_answered_actor(con: duckdb.DuckDBPyConnection, item: PendingMention) -> str:
    """Ask for a new actor's name, acronym and type, and create it; its id."""
    from pipeline.review import create_actor

    name = Prompt.ask("canonical name", default=item.raw)
    acronym = Prompt.ask("acronym", default="") or None
    actor_type = Prompt.ask("type", choices=list(ACTOR_TYPES), default="other")
    return create_actor(con, name, acronym, actor_type)


def summarise(tally: Counter[str], con: duckdb.DuckDBPyConnection) -> None:
    """What a review session decided, and what still waits."""
    decided = ", ".join(f"{count} {kind}" for kind, count in sorted(tally.items()) if kind != SKIP) or "nothing"
    texts, mentions = queue_size(con)
    console.print(
        f"decided: {decided}; skipped {tally[SKIP]}. Still waiting: {texts} mention texts ({mentions} mentions): "
        f"{mention_counts(con)}.",
        markup=False,
    )


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
        counts = mention_counts(con)
    finally:
        con.close()
    console.print(
        f"{len(frame)} mentions: {reviewed} settled by reviewed decisions, {to_review} to review "
        f"({counts}; see `workplans review`). Registry: {data_path('actors.csv')}",
        markup=False,
    )
