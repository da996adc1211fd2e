"""The `query` command: read-only SQL over the database or a Parquet lake, printed as a table, CSV or JSON."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from pipeline.cli_console import PlainConsole
from pipeline.cli_errors import EXIT_FAILED, EXIT_USAGE, database_errors, fail
from pipeline.cli_format import DB_OPTION, cell_text, json_default, json_value, print_table

if TYPE_CHECKING:
    import duckdb

out = PlainConsole()

# The tables and views `query` reads (pipeline/export.py lists the same, with pandas: too slow to import here).
TABLES = "documents, raw_tables, raw_cells, activities, activity_quarters, actors, activity_actors, ingest_errors"
VIEWS = "plans, activity_timeline, cross_sector, actor_load, actor_pairs, review_queue, actor_mention_counts"


class QueryFormat(StrEnum):
    """What `query` prints."""

    table = "table"
    csv = "csv"
    json = "json"


QUERY_HELP = f"""Run read-only SQL over the database and print the result.

    Tables: {TABLES}. Views: {VIEWS} (README, "Your first five minutes"). Statements that write are refused,
    and so are COPY TO and ATTACH.

    With --lake DIR the same tables and views are read from a Parquet lake (`ingest --lake`) where it lies,
    each document in its latest load run; the actors are the registry's (provisional ones join at `load`).

    Exit status: 0 the result printed, 1 an SQL error or no database yet, 2 bad usage, 3 the database busy.

    Example: workplans query "select lead_raw, count(*) n from activities group by 1 order by n desc"
    """


def query(
    sql: str = typer.Argument(..., metavar="SQL", help="A read-only SQL statement."),
    db_path: Path = DB_OPTION,
    fmt: QueryFormat = typer.Option(QueryFormat.table, "--format", "-f", help="How to print the result."),
    lake: Path | None = typer.Option(
        None, "--lake", metavar="DIR", file_okay=False, help="Read a Parquet lake (`ingest --lake`) instead of --db."
    ),
) -> None:
    import duckdb

    from pipeline import db
    from pipeline.lake import LakeUnreadable, open_lake, refusal_on_lake

    with database_errors():
        try:
            con = open_lake(lake) if lake else db.open_db(db_path, read_only=True)
        except LakeUnreadable as error:
            fail(str(error), EXIT_FAILED)
    try:
        if not con.extract_statements(sql):
            fail('no SQL statement to run; give one, e.g. "select * from plans"', EXIT_USAGE)
        if lake is None:
            lock_down(con)
        elif refusal := refusal_on_lake(con, sql):
            fail(refusal, EXIT_FAILED)
        result = con.execute(sql)
        columns = [column[0] for column in result.description or []]
        rows = result.fetchall()
    except duckdb.Error as error:
        message = db.first_line(error)
        if "read-only" in message.lower():
            message = "the database is opened read-only here: `query` runs only statements that read"
        fail(message, EXIT_FAILED)
    finally:
        con.close()
    print_rows(columns, rows, fmt)


def lock_down(con: duckdb.DuckDBPyConnection) -> None:
    """No files read or written outside the database (COPY TO, ATTACH), and no way to undo that."""
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")


def print_rows(columns: list[str], rows: list[tuple[Any, ...]], fmt: QueryFormat) -> None:
    """Print a result as a table, CSV (text cells guarded against formula injection) or JSON records."""
    if fmt is QueryFormat.table:
        print_table(columns, rows, out)
    elif fmt is QueryFormat.csv:
        import csv

        from pipeline.export import guard_formula

        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([guard_formula(cell_text(value)) for value in row] for row in rows)
    else:
        records = [dict(zip(columns, map(json_value, row), strict=True)) for row in rows]
        sys.stdout.write(json.dumps(records, ensure_ascii=False, default=json_default, allow_nan=False) + "\n")
