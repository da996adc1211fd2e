"""The `review` and `resolve` commands: a person settles the actor mentions the resolver doubted.

Review cannot corrupt the database: an id that names no actor and a malformed `--accept` are refused (exit
status 2, one line, the registry's closest actors offered), every decision is confirmed as it is applied and
can be undone (`u` while reviewing, `--undo` at the command line), and quitting says what was decided.
"""

from __future__ import annotations

from collections import Counter
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.prompt import Prompt
from rich.text import Text

from pipeline.cli_console import PlainConsole, visible
from pipeline.cli_errors import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_USAGE, fail, problem_text, say
from pipeline.cli_format import DB_OPTION, print_table

if TYPE_CHECKING:
    import duckdb

    from pipeline.review import PendingMention

ACTOR_TYPES = ("un_agency", "ingo", "nngo", "government", "coordination_body", "role", "donor", "other")
NOT_AN_ACTOR = "-"  # `--accept "RAW=-"`: the mention names no one
SKIP = "skip"  # an answer that decides nothing
AGAIN = "again"  # an answer refused: the same mention is asked about again
ANSWERS = "number, n (not an actor), c (create), i (type an id), u (undo), s (skip) or q (quit)"
SUGGESTED_IDS = 5  # registry search results offered with a refused id
QUEUE_COLUMNS = ("mention", "times", "suggestions", "for example")
console = PlainConsole(soft_wrap=True)  # a line printed to a file or a pipe is never cut at 80 columns


def review(
    db_path: Path = DB_OPTION,
    list_only: bool = typer.Option(False, "--list", help="Print the queue and exit, without asking."),
    limit: int = typer.Option(
        50, "--limit", min=1, metavar="N", help="How many mention texts to show or ask about (the most frequent)."
    ),
    accept: list[str] = typer.Option(
        [],
        "--accept",
        metavar="RAW=ACTOR_ID",
        help="Decide without asking: 'RAW=ACTOR_ID', or 'RAW=-' for not an actor. Repeatable.",
    ),
    undo: bool = typer.Option(False, "--undo", help="Undo the last decision, then exit."),
    export: Path | None = typer.Option(
        None,
        "--export",
        metavar="FILE.csv",
        help="Also merge all decisions into this CSV (e.g. data/reviewed_aliases.csv, read by later ingests).",
    ),
) -> None:
    """Confirm or correct actor mentions the resolver was unsure of.

    For each pending mention you see where it occurs and the best suggestions; answer with a
    suggestion's number, `n` (not an actor), `c` (create a new actor), `i` (type an actor id),
    `u` (undo the last decision), `s` (skip) or `q` (quit). Each decision is confirmed, kept in the
    database, applied to every mention with the same text, and reused by later ingests and
    `workplans resolve`. An id that names no actor is refused with the registry's closest actors. The end of
    the input (Ctrl-D) ends the session as `q` does; Ctrl-C too, with exit status 130.

    Exit status: 0 done, 1 no database yet or --export cannot be written, 2 bad usage (a malformed --accept, an
    id that names no actor, an --export that is no decisions CSV), 130 interrupted.

    Example: workplans review --accept "UNICEI=unicef" --export data/reviewed_aliases.csv
    """
    from pipeline import db
    from pipeline.review import pending_mentions

    decisions = [parse_accept(item) for item in accept]
    if export is not None:
        check_export(export)
    con = db.open_db(db_path, create=False)
    try:
        if undo:
            undo_last_decision(con)
        for _, actor_id in decisions:
            check_actor(con, actor_id)
        for raw, actor_id in decisions:
            apply_and_confirm(con, raw, actor_id)
        queue = pending_mentions(con, limit)
        if list_only or accept or undo:
            print_queue(queue, con)
        else:
            session(con, queue)
        if export:
            write_export(con, export)
    finally:
        con.close()


def check_export(path: Path) -> None:
    """Stop the command before any decision when --export cannot be merged into: a folder, or a file that is no
    decisions CSV (its header names no `raw` column)."""
    import csv

    if path.is_dir():
        fail(f"--export {path}: a folder is in the way (give a CSV file name)", EXIT_USAGE)
    if not path.exists():
        return
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle), [])
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        fail(f"--export {path}: cannot read it ({getattr(error, 'strerror', None) or error})", EXIT_USAGE)
    if header and "raw" not in header:
        fail(f"--export {path}: not a decisions CSV (its columns: {', '.join(header)}; want raw, actor_id)", EXIT_USAGE)


def write_export(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    """Merge the decisions into the --export CSV, and say how many it holds."""
    from pipeline.review import export_decisions

    try:
        console.print(f"{export_decisions(con, path)} decisions in {path}")
    except OSError as error:
        fail(f"cannot write {path}: {problem_text(error)}", EXIT_FAILED)


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
    console.print(f"{raw!r} -> {actor_label(con, actor_id)}: {changed} mentions")
    if not changed:
        say(
            f"warning: no mention reads {raw!r} (as written, case and spaces included); the decision is kept for "
            "later ingests"
        )


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
    console.print(f"undone: the decision on {raw!r}" if raw else "nothing to undo")
    return raw


def queue_texts(con: duckdb.DuckDBPyConnection) -> int:
    """How many mention texts wait in the review_queue view."""
    row = con.execute("select count(distinct raw) from review_queue").fetchone()
    return int(row[0]) if row else 0


def mention_counts(con: duckdb.DuckDBPyConnection) -> str:
    """The one count of actor mentions (actor_mention_counts), in the words of the ingest summary."""
    from pipeline import db
    from pipeline.summary import MentionCounts

    return sum(db.mention_counts(con).values(), MentionCounts()).text()


def print_queue(queue: list[PendingMention], con: duckdb.DuckDBPyConnection) -> None:
    """The pending mentions as a table (full width in a pipe), after a line saying how many of how many it
    shows and the counts of the ingest summary."""
    texts = queue_texts(con)
    console.print(f"{len(queue)} of {texts} mention texts waiting for review: {mention_counts(con)}")
    rows = [(item.raw, item.occurrences, suggestion_text(item), item.example) for item in queue]
    print_table(QUEUE_COLUMNS, rows, console)


def suggestion_text(item: PendingMention) -> str:
    """Numbered suggestions, e.g. "1 UNICEF (unicef, 91)"."""
    return "; ".join(f"{n} {name} ({aid}, {score:.0f})" for n, (aid, name, score) in enumerate(item.suggestions, 1))


def session(con: duckdb.DuckDBPyConnection, queue: list[PendingMention]) -> None:
    """A review session, then what it decided; Ctrl-C ends it there (a decision it cut short is not applied),
    says what was decided, and leaves with exit status 130."""
    import duckdb

    tally: Counter[str] = Counter()
    try:
        ask_each(con, queue, tally)
    except KeyboardInterrupt:
        with suppress(duckdb.TransactionException):  # no decision was cut short between its statements
            con.execute("ROLLBACK")
        console.print()
        summarise(tally, con)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    summarise(tally, con)


def ask_each(con: duckdb.DuckDBPyConnection, queue: list[PendingMention], tally: Counter[str]) -> None:
    """Ask a person about each pending mention in turn; what was decided is counted in `tally`, by kind."""
    index = 0
    while index < len(queue):
        item = queue[index]
        console.rule(Text.assemble((visible(item.raw), "bold"), f"  ({item.occurrences}x)"))
        console.print(item.example)
        console.print(suggestion_text(item) or "no suggestion")
        answer = ask(ANSWERS, default="s")
        if answer in ("q", None):
            break
        if answer == "u":
            index = undo_answer(con, queue, index, tally)
            continue
        kind = decide_answer(con, item, answer)
        if kind != AGAIN:
            tally[kind] += 1
            index += 1


def ask(question: str, default: str) -> str | None:
    """A person's answer; None when the input ended (Ctrl-D, or no terminal), which ends the session as `q`."""
    try:
        return Prompt.ask(question, default=default)
    except EOFError:
        console.print()
        return None


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
        actor_id = (ask("actor id", default="") or "").strip()
        if not actor_id:
            return AGAIN
        if not is_known_actor(con, actor_id):
            console.print(f"no actor {actor_id!r}; {closest_actors(actor_id)}")
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
    texts = queue_texts(con)
    console.print(
        f"decided: {decided}; skipped {tally[SKIP]}. Still waiting: {texts} mention texts, {mention_counts(con)}."
    )


def resolve(
    db_path: Path = DB_OPTION,
) -> None:
    """Re-run actor resolution over the database without re-extracting (after the registry changed).

    Reviewed decisions in the database and in data/reviewed_aliases.csv are applied again; the mentions still
    to review are counted as the ingest summary counts them.

    Exit status: 0 done, 1 no database yet, 2 bad usage, 3 the database busy.

    Example: workplans resolve --db data/workplans.duckdb
    """
    from data import data_path
    from normalizers.actors import load_registry
    from pipeline import db
    from pipeline.review import apply_stored_decisions, resolve_database

    con = db.open_db(db_path, create=False)
    try:
        frame = resolve_database(con, load_registry())
        reviewed = apply_stored_decisions(con)
        counts = mention_counts(con)
    finally:
        con.close()
    console.print(
        f"{len(frame)} mentions: {reviewed} settled by reviewed decisions; {counts} (see `workplans review --db "
        f"{db_path}`). Registry: {data_path('actors.csv')}"
    )
