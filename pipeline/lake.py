"""The Parquet lake: the database's tables as Parquet datasets, for an ingest spread over many machines.

Each table is a dataset `DIR/<table>/load_run=<RUN>/<KEY>.parquet`: one file per document and table (none for
a table where the document has no rows), named by the document's key (its SHA-256; for a file that could not be
hashed, a digest of its path). A retried write replaces the same file, so a document is never twice in a load
run. A read document's `documents` file comes after its other tables' (a document is in the lake once that file
is there) and before its `ingest_errors` file (its warnings), so an `ingest_errors` file with no `documents` file
beside it is a failure. Each value is cast from the text the database's loader stages (pipeline.db.staged_rows)
to its column's type, as an insert casts it, so a value in the lake is the value a local ingest stores. `actors`
holds the registry once per load run. Of a document in several load runs, the latest counts, for `workplans
load` as for `workplans query --lake`.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
from collections.abc import Generator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import duckdb

from pipeline import db
from pipeline.frames import Frame, mentioned_actors_frame
from pipeline.outcome import Outcome
from pipeline.paths import path_text

# Tables with rows per document, in the order their files are written (see the module's docstring).
DOCUMENT_FILES = (*reversed(db.DOCUMENT_TABLES), "ingest_errors")
ACTORS = "actors"
RUN_FOLDER = "load_run="
ACTORS_KEY = "registry"
FAILED_KEY_PREFIX = "path-"  # the key of a file that failed before its SHA-256 was known
# How many documents `load` reads from the lake at a time: bounds its memory on a large lake.
READ_CHUNK_DOCUMENTS = 200
# A load run's name: its UTC start to the second, then random hex so that two runs never share a name.
RUN_PATTERN = re.compile(r"^\d{8}T\d{6}Z-[0-9a-f]{6}$")

# Statements `query --lake` runs: the ones that read (a view over Parquet could otherwise be copied out).
READING_STATEMENTS = ("SELECT", "EXPLAIN", "PRAGMA")
# Lake files read together: each file's name kept (it says the document and run), no columns from folder names.
PARQUET_FILES = "read_parquet({}, filename = true, hive_partitioning = false, union_by_name = true)"
# The part of a lake file's name that says its load run and key.
FILE_TAIL = r"load_run=[^/]+/[^/]+$"
# The error kind of a document whose lake files cannot be read back (a file cut short by a copy, a disk fault).
UNREADABLE = "load_failed"


class LakeUnreadable(Exception):
    """A file of the lake that is no readable Parquet file."""


def new_load_run() -> str:
    """A fresh load run's name, in the order runs were started when sorted as text."""
    return f"{datetime.now(UTC):%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"


def load_runs(lake: Path) -> list[str]:
    """The load runs the lake holds, oldest first."""
    folders = (lake / "documents", lake / "ingest_errors")
    names = {entry.name for folder in folders if folder.is_dir() for entry in folder.iterdir()}
    runs = (name.removeprefix(RUN_FOLDER) for name in names if name.startswith(RUN_FOLDER))
    return sorted(run for run in runs if RUN_PATTERN.match(run))


def document_key(path: str, sha256: str | None) -> str:
    """The name of a document's files: its SHA-256, else (a file that failed before it was hashed) its path's."""
    if sha256:
        return sha256
    return FAILED_KEY_PREFIX + hashlib.sha256(path_text(path).encode("utf-8")).hexdigest()


def table_file(lake: Path, table: str, run: str, key: str) -> Path:
    """Where one document's rows of one table go in one load run."""
    return lake / table / f"{RUN_FOLDER}{run}" / f"{key}.parquet"


@cache
def scratch() -> duckdb.DuckDBPyConnection:
    """An in-memory database with the schema: it knows each column's type and writes the Parquet files (on one
    thread: the cores are the readers')."""
    con = duckdb.connect()
    con.execute("SET threads = 1")
    db.migrate(con)
    return con


@cache
def table_columns(table: str) -> dict[str, tuple[str, str]]:
    """A table's columns, in order, with their types and their defaults (SQL; NULL for none), as the schema
    (pipeline/sql) makes them."""
    rows = scratch().execute(f'SELECT column_name, column_type, "default" FROM (DESCRIBE {table})').fetchall()
    return {name: (kind, default or "NULL") for name, kind, default in rows}


def write_outcome(lake: Path, run: str, outcome: Outcome) -> None:
    """Write a document's rows (or its failure) to the lake, in place of whatever an earlier try of it wrote:
    a table where it has no rows loses that try's file."""
    if outcome.frames is not None and outcome.issues is not None:
        frames = {**outcome.frames, "ingest_errors": outcome.issues}
    else:
        kind, message = outcome.error_kind or "internal_error", outcome.message or ""
        frames = {"ingest_errors": db.error_frame(outcome.path, outcome.sha256, kind, message)}
    key = document_key(outcome.path, outcome.sha256)
    for table in DOCUMENT_FILES:
        target = table_file(lake, table, run, key)
        if table in frames and frames[table].rows:
            copy_rows(table, frames[table], target)
        else:
            target.unlink(missing_ok=True)


def write_actors(lake: Path, run: str, actors: Frame) -> None:
    """The load run's actors: the registry's."""
    copy_rows(ACTORS, actors, table_file(lake, ACTORS, run, ACTORS_KEY))


def copy_rows(table: str, frame: Frame, target: Path) -> None:
    """A table's rows as one Parquet file with every column of the table (its default where the frame has none),
    each value cast from its staged text as an insert into the table casts it; written whole (a temporary name,
    then renamed)."""
    casts = ", ".join(
        f"CAST({quoted(name) if name in frame.columns else default} AS {kind}) AS {quoted(name)}"
        for name, (kind, default) in table_columns(table).items()
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    with db.staged_rows(frame) as (query, parameters):
        scratch().execute(f"COPY (SELECT {casts} FROM ({query})) TO {sql_text(partial)} (FORMAT parquet)", parameters)
    os.replace(partial, target)


def quoted(name: str) -> str:
    """A column name as an SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def sql_text(value: object) -> str:
    """A value as an SQL string literal (COPY takes no parameter for its file)."""
    return "'" + str(value).replace("'", "''") + "'"


def is_in_lake(lake: Path, runs: list[str], sha256: str) -> bool:
    """True when a document with this SHA-256 is whole in one of these load runs."""
    return any(table_file(lake, "documents", run, sha256).exists() for run in runs)


def path_in_run(lake: Path, run: str, sha256: str) -> str | None:
    """The path of the document with this SHA-256 in a load run; None when it is not there."""
    target = table_file(lake, "documents", run, sha256)
    return first_path(target) if target.exists() else None


def first_path(target: Path) -> str:
    """The path recorded in a documents or ingest_errors file (its first row's); the file's own path when it
    cannot be read."""
    try:
        row = duckdb.execute(f"SELECT path FROM read_parquet({sql_text(target)}) LIMIT 1").fetchone()
    except duckdb.Error:
        return str(target)
    return str(row[0]) if row else target.stem


@dataclass(frozen=True)
class Entry:
    """One document of the lake: its key and the load run that counts for it."""

    key: str
    run: str


def latest_entries(lake: Path) -> list[Entry]:
    """Every document of the lake in its latest load run, in the order the runs were made."""
    latest: dict[str, str] = {}
    for run in load_runs(lake):
        for table in ("ingest_errors", "documents"):
            folder = lake / table / f"{RUN_FOLDER}{run}"
            if folder.is_dir():
                latest.update((entry.stem, run) for entry in folder.glob("*.parquet"))
    return sorted((Entry(key, run) for key, run in latest.items()), key=lambda entry: (entry.run, entry.key))


def recorded_path(lake: Path, entry: Entry) -> str:
    """The path of a document of the lake, as the database stores it."""
    target = table_file(lake, "documents", entry.run, entry.key)
    return first_path(target if target.exists() else table_file(lake, "ingest_errors", entry.run, entry.key))


def lake_outcomes(lake: Path, entries: list[Entry]) -> Generator[Outcome, None, None]:
    """The documents of these entries as the outcomes a worker hands back: frames and issues when the document
    was read, its error when it failed. A chunk with a file that cannot be read is read again document by
    document, so that only the document of that file fails (UNREADABLE)."""
    for start in range(0, len(entries), READ_CHUNK_DOCUMENTS):
        chunk = entries[start : start + READ_CHUNK_DOCUMENTS]
        try:
            rows = {table: read_rows(lake, table, chunk) for table in DOCUMENT_FILES}
        except duckdb.Error:
            yield from (entry_alone(lake, entry) for entry in chunk)
            continue
        for entry in chunk:
            yield entry_outcome(entry, {table: rows[table].get(entry.key, empty(table)) for table in DOCUMENT_FILES})


def entry_alone(lake: Path, entry: Entry) -> Outcome:
    """One document read back from the lake by itself; its failure when one of its files cannot be read."""
    try:
        rows = {table: read_rows(lake, table, [entry]) for table in DOCUMENT_FILES}
    except duckdb.Error as error:
        sha256 = None if entry.key.startswith(FAILED_KEY_PREFIX) else entry.key
        message = f"a file of the lake cannot be read: {db.first_line(error)}"
        return Outcome(recorded_path(lake, entry), sha256, error_kind=UNREADABLE, message=message)
    return entry_outcome(entry, {table: rows[table].get(entry.key, empty(table)) for table in DOCUMENT_FILES})


def read_rows(lake: Path, table: str, entries: list[Entry]) -> dict[str, Frame]:
    """One table's rows of these entries, by key."""
    files = [str(target) for entry in entries if (target := table_file(lake, table, entry.run, entry.key)).exists()]
    if not files:
        return {}
    result = duckdb.execute(f"SELECT * FROM {PARQUET_FILES.format('?')}", [files])
    names = tuple(column[0] for column in result.description or [])
    columns = names[:-1]  # the last is the file name
    by_key: dict[str, list[tuple[object, ...]]] = {}
    for row in result.fetchall():
        by_key.setdefault(Path(str(row[-1])).stem, []).append(tuple(row[:-1]))
    return {key: Frame(columns, rows) for key, rows in by_key.items()}


@cache
def empty(table: str) -> Frame:
    """A table's columns, with no rows."""
    return Frame(tuple(table_columns(table)), [])


def entry_outcome(entry: Entry, frames: dict[str, Frame]) -> Outcome:
    """A document read back from the lake."""
    issues = frames.pop("ingest_errors")
    documents = frames["documents"]
    head = documents.rows[0] if documents.rows else issues.rows[0]
    record = dict(zip(documents.columns if documents.rows else issues.columns, head, strict=True))
    path = original_path(str(record["path"]), record["path_bytes"])
    sha256 = record["sha256"] if record["sha256"] is None else str(record["sha256"])
    if not documents.rows:
        return Outcome(path, sha256, error_kind=str(record["error"]), message=str(record["message"] or ""))
    return Outcome(path, sha256, {**frames, "provisional_actors": provisional_actors(frames, record)}, issues)


def provisional_actors(frames: dict[str, Frame], document: dict[str, object]) -> Frame:
    """The provisional and role actors a document's mentions point at, made again from its rows (the lake keeps
    the mentions, not these actors), as an ingest's worker makes them."""
    mentions = frames["activity_actors"]
    actor_id, raw, method = (mentions.columns.index(name) for name in ("actor_id", "raw", "method"))
    country = optional_text(document["country"])
    return mentioned_actors_frame(
        (optional_text(row[actor_id]), str(row[raw]), optional_text(row[method]), country) for row in mentions.rows
    )


def optional_text(value: object) -> str | None:
    return None if value is None else str(value)


def original_path(text: str, raw: object) -> str:
    """A path as it was given, from its text and (for a name that is not UTF-8) its raw bytes."""
    return os.fsdecode(raw) if isinstance(raw, bytes) else text


def open_lake(lake: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory database whose tables are views over the lake's Parquet files (each document in its latest
    load run, the latest run's actors) and whose views are the database's; it reads nothing outside the lake."""
    entries = latest_entries(lake)
    if not entries:
        raise FileNotFoundError(no_load_run(lake))
    con = duckdb.connect()
    db.migrate(con)
    tails = [f"{RUN_FOLDER}{entry.run}/{entry.key}.parquet" for entry in entries]
    con.execute("CREATE TEMP TABLE lake_current AS SELECT unnest(?) AS tail", [tails])
    try:
        for table in DOCUMENT_FILES:
            if any((lake / table).glob(f"{RUN_FOLDER}*/*.parquet")):
                files = sql_text(lake.resolve() / table / f"{RUN_FOLDER}*" / "*.parquet")
                current = f"regexp_extract(filename, '{FILE_TAIL}') IN (SELECT tail FROM lake_current)"
                replace_with_view(
                    con, table, f"SELECT * EXCLUDE (filename) FROM {PARQUET_FILES.format(files)} WHERE {current}"
                )
        actors = table_file(lake.resolve(), ACTORS, max(entry.run for entry in entries), ACTORS_KEY)
        if actors.exists():
            replace_with_view(con, ACTORS, f"SELECT * FROM read_parquet({sql_text(actors)})")
    except duckdb.Error as error:
        con.close()
        raise LakeUnreadable(
            f"{lake}: {db.first_line(error)} (a lake file cut short or not written by `ingest --lake`: remove it, "
            "or ingest its document again)"
        ) from error
    con.execute(f"SET allowed_directories = [{sql_text(str(lake.resolve()) + os.sep)}]")
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")
    return con


def no_load_run(lake: Path) -> str:
    """Why a folder is no lake, and how to make one."""
    what = "no such folder" if not lake.exists() else "no load run under it"
    return f"no lake at {lake} ({what}): write one with `workplans ingest PATH... --lake {lake}`"


def replace_with_view(con: duckdb.DuckDBPyConnection, table: str, select: str) -> None:
    """Put a view in the place of an (empty) table; the views that name the table read the view."""
    con.execute(f"DROP TABLE {table}")
    con.execute(f"CREATE VIEW {table} AS {select}")


def refusal_on_lake(con: duckdb.DuckDBPyConnection, sql: str) -> str | None:
    """Why `query --lake` refuses SQL (a statement that does not only read); None when it runs."""
    if any(statement.type.name not in READING_STATEMENTS for statement in con.extract_statements(sql)):
        return "the lake is read-only here: `query` runs only statements that read"
    return None
