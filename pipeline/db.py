"""The DuckDB database: connection, numbered schema migrations, one-transaction document loads."""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime
from importlib import resources
from pathlib import Path
from time import monotonic, sleep

import duckdb

from pipeline.frames import ERROR_COLUMNS, PROVISIONAL_ACTOR_COLUMNS, Frame
from pipeline.paths import path_bytes, path_text
from pipeline.settings import DEFAULT_WAIT_SECONDS
from pipeline.summary import MentionCounts

# Tables holding one document's rows, in the order they are written; deleted in reverse.
DOCUMENT_TABLES = ("documents", "raw_tables", "raw_cells", "activities", "activity_quarters", "activity_actors")
# The largest staged row DuckDB's JSON reader accepts (its default, 16 MB, is below one cell of a big file).
MAX_STAGED_ROW_BYTES = 1 << 30
# The kind DuckDB puts before its messages ("IO Error: ", "Binder Error: ").
DUCKDB_ERROR_PREFIX = re.compile(r"^[A-Z][A-Za-z ]* Error: ")
# How often to try the lock again while waiting.
LOCK_POLL_SECONDS = 0.05
# Provisional actors are written this many to a statement (a statement costs DuckDB milliseconds, a row little).
ROWS_PER_STATEMENT = 500


# The provisional actors kept in the database (pipeline/sql/005), added to the actors table where missing, and
# the spelling kept for one already there.
PROVISIONAL_ACTORS_INSERT = (
    "INSERT INTO actors (actor_id, name, acronym, actor_type, parent_id, country, provisional) "
    "SELECT actor_id, name, acronym, actor_type, parent_id, country, TRUE FROM provisional_actors "
    "WHERE actor_id NOT IN (SELECT actor_id FROM actors); "
    "UPDATE actors SET name = p.name, acronym = p.acronym, actor_type = p.actor_type, parent_id = p.parent_id, "
    "country = p.country FROM provisional_actors p WHERE actors.actor_id = p.actor_id AND actors.provisional "
    "AND actors.name <> p.name"
)


class DatabaseBusy(Exception):
    """Another process holds the database for writing."""


class NoDatabase(FileNotFoundError):
    """The database file does not exist, and the command does not create one."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"no database at {path}: run `workplans ingest` first")


class DatabaseUnusable(Exception):
    """The database path names a folder, a file that is not a DuckDB database, or one that cannot be opened."""


def migrations() -> list[tuple[int, str]]:
    """(version, SQL) of every numbered file in pipeline/sql, in order."""
    files = sorted(
        (entry for entry in resources.files("pipeline.sql").iterdir() if entry.name.endswith(".sql")),
        key=lambda entry: entry.name,
    )
    return [(int(entry.name.split("_", 1)[0]), entry.read_text(encoding="utf-8")) for entry in files]


def open_db(
    path: Path, read_only: bool = False, wait_seconds: float = DEFAULT_WAIT_SECONDS, create: bool = True
) -> duckdb.DuckDBPyConnection:
    """Open (and on first write, create and migrate) the database; `create=False` for a command that only
    changes what an ingest loaded, so that a mistyped --db is an error, not a new empty database.

    DuckDB lets one process write, or several read; while another process holds the file, try again
    every LOCK_POLL_SECONDS for up to `wait_seconds`, then raise DatabaseBusy.
    """
    if (read_only or not create) and not path.exists():
        raise NoDatabase(path)
    if path.is_dir():
        raise DatabaseUnusable(f"{path} is a folder, not a database file")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DatabaseUnusable(f"cannot create {path}: {error.strerror or error}") from error
    deadline = monotonic() + wait_seconds
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only)
            break
        except duckdb.Error as error:
            if not isinstance(error, duckdb.IOException) or "lock" not in str(error).lower():
                raise DatabaseUnusable(f"cannot open {path}: {first_line(error)}") from error
            if monotonic() >= deadline:
                raise DatabaseBusy(
                    f"database is busy: {path} is held by another process (waited {wait_seconds:g} s)"
                ) from error
            sleep(LOCK_POLL_SECONDS)
    if not holds_workplans(con):
        con.close()
        raise DatabaseUnusable(f"{path} is a DuckDB database of something else (no workplans tables in it)")
    if not read_only:
        migrate(con)
    return con


def holds_workplans(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether a database is empty or a workplans one (its schema_version table, which migrate creates first)."""
    tables = {name for (name,) in con.execute("SELECT table_name FROM duckdb_tables() WHERE NOT temporary").fetchall()}
    return not tables or "schema_version" in tables


def first_line(error: Exception) -> str:
    """An error's first line without DuckDB's kind prefix ("IO Error: ")."""
    line = str(error).splitlines()[0] if str(error) else type(error).__name__
    return DUCKDB_ERROR_PREFIX.sub("", line)


@contextmanager
def writing(path: Path, wait_seconds: float = DEFAULT_WAIT_SECONDS) -> Iterator[duckdb.DuckDBPyConnection]:
    """The database opened for writing for the length of a `with` block, then released to others."""
    con = open_db(path, wait_seconds=wait_seconds)
    try:
        yield con
    finally:
        con.close()


def migrate(con: duckdb.DuckDBPyConnection) -> None:
    """Apply the schema files not yet applied, each in its own transaction."""
    con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMP)")
    applied = {row[0] for row in con.execute("SELECT version FROM schema_version").fetchall()}
    for version, sql in migrations():
        if version in applied:
            continue
        con.execute("BEGIN TRANSACTION")
        con.execute(sql)
        con.execute("INSERT INTO schema_version VALUES (?, ?)", [version, datetime.now()])
        con.execute("COMMIT")


def loaded_sha256s(con: duckdb.DuckDBPyConnection) -> dict[str, str | None]:
    """The SHA-256 of every document already loaded, with the hash of the mapping it was read under."""
    return dict(con.execute("SELECT sha256, mapping_hash FROM documents").fetchall())


def is_loaded(con: duckdb.DuckDBPyConnection, sha256: str, mapping_hash: str | None = None) -> bool:
    """True when a document with this SHA-256 is loaded, read under the same mapping."""
    found = con.execute(
        "SELECT count(*) FROM documents WHERE sha256 = ? AND mapping_hash IS NOT DISTINCT FROM ?",
        [sha256, mapping_hash],
    ).fetchone()
    return found != (0,)


def mention_counts(con: duckdb.DuckDBPyConnection, document_ids: list[str] | None = None) -> dict[str, MentionCounts]:
    """The actor mentions of each of these documents (of every document: None), counted apart by the view
    actor_mention_counts."""
    rows = con.execute(
        "SELECT document_id, pending, provisional, not_actor FROM actor_mention_counts "
        "WHERE ? IS NULL OR list_contains(?, document_id)",
        [document_ids, document_ids],
    ).fetchall()
    return {str(document_id): MentionCounts(*map(int, counts)) for document_id, *counts in rows}


def load_documents(
    con: duckdb.DuckDBPyConnection,
    documents: Sequence[tuple[Mapping[str, Frame], Frame]],
    then: Callable[[duckdb.DuckDBPyConnection, list[str]], object] = lambda con, document_ids: None,
) -> None:
    """Replace the rows of one or more documents ((frames, issues) each) in one transaction: delete each by
    SHA-256, insert every table's rows in one bulk insert, run `then` on the new documents' ids (e.g. apply
    stored review decisions to their rows), commit. All of them load, or none."""
    heads = [
        dict(zip(frames["documents"].columns, frames["documents"].rows[0], strict=True)) for frames, _ in documents
    ]
    con.execute("BEGIN TRANSACTION")
    try:
        delete_documents(con, [(str(head["sha256"]), str(head["document_id"])) for head in heads])
        con.execute("DELETE FROM ingest_errors WHERE list_contains(?, path)", [[str(head["path"]) for head in heads]])
        with tempfile.TemporaryDirectory(prefix="workplans-") as folder:  # one for all: a folder costs milliseconds
            for table in DOCUMENT_TABLES:
                insert_rows(con, table, Frame.concat([frames[table] for frames, _ in documents]), Path(folder))
            insert_rows(con, "ingest_errors", Frame.concat([issues for _, issues in documents]), Path(folder))
        kept = [frames["provisional_actors"] for frames, _ in documents if "provisional_actors" in frames]
        keep_provisional_actors(con, Frame(PROVISIONAL_ACTOR_COLUMNS, [row for frame in kept for row in frame.rows]))
        then(con, [str(head["document_id"]) for head in heads])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def keep_provisional_actors(con: duckdb.DuckDBPyConnection, actors: Frame) -> None:
    """Add provisional actors (PROVISIONAL_ACTOR_COLUMNS) to those kept: of several spellings of one id, in one
    call or across ingests, the first in sorted order, so that the name kept does not depend on the order the
    documents are written in (a local ingest, a lake loaded after Ray); `first_seen` stays the first."""
    rows: dict[object, tuple[object, ...]] = {}
    for row in sorted(actors.rows, key=lambda row: tuple(map(str, row))):
        rows.setdefault(row[0], row)
    now = datetime.now()
    ordered = [[*row, now] for row in rows.values()]
    placeholders = "(" + ", ".join("?" * (len(PROVISIONAL_ACTOR_COLUMNS) + 1)) + ")"
    for start in range(0, len(ordered), ROWS_PER_STATEMENT):
        chunk = ordered[start : start + ROWS_PER_STATEMENT]
        values = ", ".join([placeholders] * len(chunk))
        con.execute(
            f"INSERT INTO provisional_actors VALUES {values} ON CONFLICT (actor_id) DO UPDATE SET "
            "name = excluded.name, acronym = excluded.acronym, actor_type = excluded.actor_type, "
            "country = excluded.country, parent_id = excluded.parent_id WHERE excluded.name < provisional_actors.name",
            [v for row in chunk for v in row],
        )


def delete_documents(con: duckdb.DuckDBPyConnection, documents: Sequence[tuple[str, str]]) -> None:
    """Remove every row of the documents given as (SHA-256, document_id) (each found by either), their errors
    included: one statement per table for them all."""
    sha256s = [sha256 for sha256, _ in documents]
    ids = [
        row[0]
        for row in con.execute(
            "SELECT document_id FROM documents WHERE list_contains(?, sha256) OR list_contains(?, document_id)",
            [sha256s, [document_id for _, document_id in documents]],
        ).fetchall()
    ]
    if ids:  # none for new documents: their tables are not scanned
        for table in ("activity_quarters", "activity_actors"):
            con.execute(
                f"DELETE FROM {table} WHERE activity_id IN "
                "(SELECT activity_id FROM activities WHERE list_contains(?, document_id))",
                [ids],
            )
        for table in ("activities", "raw_cells", "raw_tables", "documents"):
            con.execute(f"DELETE FROM {table} WHERE list_contains(?, document_id)", [ids])
    con.execute("DELETE FROM ingest_errors WHERE list_contains(?, sha256)", [sha256s])


# Each names rows that a half-loaded document would leave; every count is 0 in a sound database.
INTEGRITY_CHECKS = {
    "raw_tables without their document": (
        "SELECT count(*) FROM raw_tables WHERE document_id NOT IN (SELECT document_id FROM documents)"
    ),
    "raw_cells without their table": (
        "SELECT count(*) FROM raw_cells c WHERE NOT EXISTS (SELECT 1 FROM raw_tables t "
        "WHERE t.document_id = c.document_id AND t.table_index = c.table_index)"
    ),
    "activities without their document": (
        "SELECT count(*) FROM activities WHERE document_id NOT IN (SELECT document_id FROM documents)"
    ),
    "activities without their table": (
        "SELECT count(*) FROM activities a WHERE NOT EXISTS (SELECT 1 FROM raw_tables t "
        "WHERE t.document_id = a.document_id AND t.table_index = a.table_index)"
    ),
    "quarters without their activity": (
        "SELECT count(*) FROM activity_quarters WHERE activity_id NOT IN (SELECT activity_id FROM activities)"
    ),
    "actor mentions without their activity": (
        "SELECT count(*) FROM activity_actors WHERE activity_id NOT IN (SELECT activity_id FROM activities)"
    ),
}


def integrity_problems(con: duckdb.DuckDBPyConnection) -> list[str]:
    """What is wrong with the loaded rows as a whole: rows that outlive or precede their document."""
    return [name for name, sql in INTEGRITY_CHECKS.items() if con.execute(sql).fetchone() != (0,)]


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, frame: Frame, folder: Path | None = None) -> None:
    """Bulk insert rows into a table by column name, in one statement (see staged_rows), staged in `folder`
    (a folder of its own when None)."""
    if not frame.rows:
        return
    names = ", ".join(f'"{name}"' for name in frame.columns)
    with staged_rows(frame, folder) as (query, parameters):
        con.execute(f"INSERT INTO {table} ({names}) {query}", parameters)


@contextmanager
def staged_rows(frame: Frame, folder: Path | None = None) -> Iterator[tuple[str, list[str]]]:
    """Rows staged for DuckDB to read in bulk: a query (and its parameters) reading them back by column name;
    the file is written in `folder` (a temporary folder of its own when None) and removed after.

    The rows are staged as JSON lines and read back as text, which an insert casts to each column's type:
    exact for text (no type guessing), NULL kept apart from "", and no pandas or pyarrow in the writer
    (DuckDB's Arrow and DataFrame scans import pandas, about 100 MB).
    """
    if folder is None:
        with tempfile.TemporaryDirectory(prefix="workplans-") as own, staged_rows(frame, Path(own)) as staged:
            yield staged
        return
    # errors="replace": a lone surrogate becomes "?"
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", dir=folder, encoding="utf-8", errors="replace") as handle:
        handle.writelines(
            json.dumps(dict(zip(frame.columns, row, strict=True)), ensure_ascii=False, default=staged_text) + "\n"
            for row in frame.rows
        )
        handle.flush()
        names = ", ".join(f'"{name}"' for name in frame.columns)
        types = ", ".join(f"'{name}': 'VARCHAR'" for name in frame.columns)
        yield (
            f"SELECT {names} FROM read_json(?, format = 'newline_delimited', columns = {{{types}}}, "
            f"maximum_object_size = {MAX_STAGED_ROW_BYTES})",
            [handle.name],
        )


def staged_text(value: object) -> str:
    r"""A value JSON has no type for, as text the insert casts back: bytes as \xNN escapes (DuckDB's text to
    BLOB cast reads them), anything else (a timestamp) as str()."""
    if isinstance(value, bytes):
        return "".join(f"\\x{byte:02X}" for byte in value)
    return str(value)


def record_error(con: duckdb.DuckDBPyConnection, path: str, sha256: str | None, kind: str, message: str) -> None:
    """One ingest_errors row, replacing any earlier error of the same file, in one transaction."""
    con.execute("BEGIN TRANSACTION")
    con.execute("DELETE FROM ingest_errors WHERE path = ?", [path_text(path)])
    insert_rows(con, "ingest_errors", error_frame(path, sha256, kind, message))
    con.execute("COMMIT")


def error_frame(path: str, sha256: str | None, kind: str, message: str) -> Frame:
    """The ingest_errors row of a file that could not be read."""
    return Frame(ERROR_COLUMNS, [(path_text(path), sha256, kind, message, datetime.now(), path_bytes(path))])


def replace_actors(con: duckdb.DuckDBPyConnection, actors: Frame) -> None:
    """Make the actors table the registry's plus the actors reviewers created, in one transaction."""
    con.execute("BEGIN TRANSACTION")
    con.execute("DELETE FROM actors")
    insert_rows(con, "actors", actors)
    con.execute(
        "INSERT INTO actors (actor_id, name, acronym, actor_type) SELECT actor_id, name, acronym, actor_type "
        "FROM reviewed_actors WHERE actor_id NOT IN (SELECT actor_id FROM actors)"
    )
    con.execute(PROVISIONAL_ACTORS_INSERT)
    con.execute("COMMIT")
