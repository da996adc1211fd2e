"""`workplans show DOCUMENT_ID|PATH`: one loaded document as the database holds it: its facts, its plan and
copies, its tables with their kind and confidence, its counts, and its errors and warnings."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.text import Text

from pipeline.cli_console import PlainConsole, visible
from pipeline.cli_errors import EXIT_FAILED, database_errors, fail
from pipeline.cli_format import DB_OPTION, json_default, print_table
from pipeline.paths import path_text

if TYPE_CHECKING:
    import duckdb

DOCUMENT_SQL = """
SELECT d.document_id, d.path, d.sha256, d.format, d.pages, d.title, d.year, d.years, d.sector, d.plan,
       d.country, d.country_source, d.language, d.ingested_at, d.mapping_hash, d.primary_by_mapping,
       d.plan_group, d.is_primary, p.paths AS plan_copies
FROM documents AS d
LEFT JOIN plans AS p ON p.plan_id = COALESCE(d.plan_group, d.document_id)
WHERE d.document_id = ?
"""
# A document named by its id, the head of its SHA-256 (8 digits or more), its path as given or resolved, or
# (a file that exists) the SHA-256 of its bytes, wherever it was loaded from.
FIND_SQL = """
SELECT document_id, path, ingested_at, sha256 = $3 AS same_bytes FROM documents
WHERE document_id = $1 OR (length($1) >= 8 AND sha256 LIKE $1 || '%') OR path = $1 OR path = $2 OR sha256 = $3
ORDER BY ingested_at DESC, document_id
"""
# Why a path or SHA-256 named no loaded document: its last ingest error.
FAILED_SQL = """
SELECT path, error, message FROM ingest_errors
WHERE (path = $1 OR path = $2 OR sha256 = $3) AND sha256 NOT IN (SELECT sha256 FROM documents)
ORDER BY failed_at DESC LIMIT 1
"""
TABLES_SQL = """
SELECT t.table_index, t.page, t.locator, t.n_rows, t.n_cols, t.kind, ROUND(t.confidence, 2) AS confidence,
       ROUND(t.extraction_confidence, 2) AS extraction_confidence, COUNT(a.activity_id) AS activities, t.mapping
FROM raw_tables AS t
LEFT JOIN activities AS a USING (document_id, table_index)
WHERE t.document_id = ?
GROUP BY ALL ORDER BY t.table_index
"""
COUNTS_SQL = """
SELECT
    (SELECT COUNT(*) FROM activities WHERE document_id = $1) AS activities,
    (SELECT COUNT(*) FROM activity_quarters JOIN activities USING (activity_id) WHERE document_id = $1) AS quarters,
    (SELECT COUNT(*) FROM raw_cells WHERE document_id = $1) AS cells,
    m.resolved, m.provisional, m.review, m.unresolved, m.not_actor
FROM (SELECT 1) LEFT JOIN actor_mention_counts AS m ON m.document_id = $1
"""
ISSUES_SQL = "SELECT error, message FROM ingest_errors WHERE sha256 = ? OR path = ? ORDER BY failed_at, error"


def show(
    document: str = typer.Argument(..., metavar="DOCUMENT_ID|PATH", help="A document id, SHA-256 head or path."),
    db_path: Path = DB_OPTION,
    as_json: bool = typer.Option(False, "--json", help="Print the document as one JSON object."),
) -> None:
    """Show a loaded document as the database holds it.

    Its facts, plan group and copies, its tables (kind, confidence, what a mapping set, activities), its counts
    (activities, quarters, cells, actor mentions by outcome), its errors and warnings.

    A path names the document loaded from it, or from a file with the same bytes; of several versions loaded
    from one path, the one with the file's current bytes (give a document_id for another).

    Exit status: 0 shown, 1 no such document (or it failed to load, or several match, or no database yet),
    2 bad usage.

    Example: workplans show data/samples/inter-sector-workplan-2023.pdf
    """
    from pipeline import db

    with database_errors():
        con = db.open_db(db_path, read_only=True)
    try:
        found = document_record(con, document)
    finally:
        con.close()
    if as_json:
        sys.stdout.write(json.dumps(found, ensure_ascii=False, default=json_default) + "\n")
    else:
        print_record(found)


def document_record(con: duckdb.DuckDBPyConnection, name: str) -> dict[str, Any]:
    """Everything `show` prints of one document; a name that gives no one document stops the command with why."""
    keys = [path_text(name), path_text(Path(name).resolve()), content_sha256(Path(name))]
    name = path_text(name)  # as the database writes it: a byte that is no UTF-8 as \xNN
    found = con.execute(FIND_SQL, keys).fetchall()
    if not found:
        failed = con.execute(FAILED_SQL, keys).fetchone()
        if failed:
            fail(f"{failed[0]} did not load: {failed[1]}: {failed[2]}", EXIT_FAILED)
        fail(f"no loaded document is {name!r} (give a document_id, a SHA-256 head or a path)", EXIT_FAILED)
    if len(found) > 1 and any(same for *_, same in found):  # the file's current bytes say which
        found = [row for row in found if row[-1]]
    if len(found) > 1:
        listed = "; ".join(
            f"{document_id} ({path}, loaded {loaded:%Y-%m-%d %H:%M})" for document_id, path, loaded, _ in found
        )
        fail(f"{len(found)} loaded documents are {name!r}: {listed}; give the document_id of one", EXIT_FAILED)
    document = records(con, DOCUMENT_SQL, [found[0][0]])[0]
    return {
        "document": document,
        "tables": records(con, TABLES_SQL, [document["document_id"]]),
        "counts": records(con, COUNTS_SQL, [document["document_id"]])[0],
        "issues": records(con, ISSUES_SQL, [document["sha256"], document["path"]]),
    }


def content_sha256(path: Path) -> str | None:
    """The SHA-256 of a file's bytes; None when the name is no readable file."""
    from extractors.detect import file_sha256

    try:
        return file_sha256(path) if path.is_file() else None
    except OSError:
        return None


def records(con: duckdb.DuckDBPyConnection, sql: str, parameters: list[object]) -> list[dict[str, Any]]:
    """A query's rows as records."""
    result = con.execute(sql, parameters)
    columns = [column[0] for column in result.description or []]
    return [dict(zip(columns, row, strict=True)) for row in result.fetchall()]


def print_record(found: dict[str, Any]) -> None:
    """The document as lines and tables."""
    out = PlainConsole(soft_wrap=True)
    document = found["document"]
    heading = f" ({document['format']}, document_id {document['document_id']})"
    out.print(Text.assemble((visible(document["path"]), "bold"), heading))
    for key in ("title", "years", "sector", "plan", "country", "language", "pages", "ingested_at"):
        if document[key] is not None:
            out.print(f"  {key}: {document[key]}")
    if document["plan_group"]:
        role = "primary copy" if document["is_primary"] else "a copy (the views count the primary)"
        out.print(f"  plan group: {role}; copies: {document['plan_copies']}")
    if document["mapping_hash"]:
        out.print(f"  read under a mapping (hash {document['mapping_hash'][:12]})")
    tables = found["tables"]
    print_table(list(tables[0]) if tables else ["table_index"], [list(row.values()) for row in tables], out)
    counts = ", ".join(f"{key} {value}" for key, value in found["counts"].items() if value is not None)
    out.print(f"  counts: {counts}")
    for issue in found["issues"]:
        out.print(f"  {issue['error']}: {issue['message']}", highlight=False)
    if not found["issues"]:
        out.print("  no errors or warnings")
