"""Export the database, one file per table and view: CSV, Parquet, or HXL (CSV with a hashtag row)."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from pathlib import Path

import duckdb
import pandas as pd

from pipeline import db

# The contract's tables (../shared/CONTRACT.md) and the views of pipeline/sql (002, 005, 007).
CONTRACT_TABLES = (
    "documents",
    "raw_tables",
    "raw_cells",
    "activities",
    "activity_quarters",
    "actors",
    "activity_actors",
    "ingest_errors",
)
VIEWS = (
    "plans",
    "activity_timeline",
    "cross_sector",
    "actor_load",
    "actor_pairs",
    "review_queue",
    "actor_mention_counts",
)
EXPORTED = CONTRACT_TABLES + VIEWS
FORMATS = ("csv", "parquet", "hxl")
SUFFIXES = {"csv": ".csv", "parquet": ".parquet", "hxl": ".hxl.csv"}

# A spreadsheet runs a cell starting with one of these as a formula (OWASP "CSV injection").
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
FORMULA_GUARD = "'"

# HXL hashtags by column name; a column name means the same thing in every table and view.
# Per-quarter flags and quarter numbers go under #meta: libhxl validates every #date cell as a date.
HASHTAGS = {
    "document_id": "#meta+document+id",
    "activity_id": "#meta+activity+id",
    "actor_id": "#org+code",
    "path": "#meta+source",
    "source": "#meta+evidence",
    "sha256": "#meta+sha256",
    "format": "#meta+format",
    "pages": "#meta+pages",
    "page": "#meta+page",
    "title": "#meta+title",
    "year": "#date+year",
    "years": "#meta+years",
    "ingested_at": "#meta+ingested",
    "sector": "#sector",
    "plan": "#meta+plan",
    "table_index": "#meta+table",
    "n_rows": "#meta+rows",
    "n_cols": "#meta+cols",
    "kind": "#meta+kind",
    "locator": "#meta+locator",
    "notes": "#meta+notes",
    "row": "#meta+row",
    "col": "#meta+col",
    "text": "#description",
    "row_span": "#meta+rowspan",
    "col_span": "#meta+colspan",
    "shaded": "#meta+shaded",
    "row_index": "#meta+row",
    "priority": "#meta+priority",
    "objective": "#meta+objective",
    "output": "#output",
    "indicator": "#indicator",
    "activity": "#activity",
    "status": "#status",
    "comments": "#description+comments",
    "lead_raw": "#org+lead",
    "partners_raw": "#org+impl",
    "timeline_raw": "#meta+timeline",
    "extra": "#meta+extra",
    "quarter": "#meta+quarter",
    "period": "#date",
    "date_start": "#date+start",
    "date_end": "#date+end",
    "q1": "#meta+q1",
    "q2": "#meta+q2",
    "q3": "#meta+q3",
    "q4": "#meta+q4",
    "name": "#org+name",
    "acronym": "#org+acronym",
    "actor_type": "#org+type",
    "parent_id": "#org+parent+code",
    "aliases": "#meta+aliases",
    "iati_org_type": "#org+type+code",
    "role": "#meta+role",
    "raw": "#org+name+raw",
    "score": "#meta+score",
    "method": "#meta+method",
    "suggestions": "#meta+suggestions",
    "doubt": "#meta+doubt",
    "best_suggestion_id": "#org+code+suggested",
    "best_suggestion": "#org+name+suggested",
    "error": "#meta+error",
    "message": "#description+error",
    "failed_at": "#meta+failed",
    "actor": "#org+name",
    "led": "#meta+led",
    "partnered": "#meta+partnered",
    "activities": "#meta+activities",
    "leads": "#org+lead+name",
    "lead_id": "#org+lead+code",
    "lead": "#org+lead",
    "partner_id": "#org+impl+code",
    "partner": "#org+impl",
}
HXL_ATTRIBUTE_JUNK = re.compile(r"[^a-z0-9]+")

# HXL's activities: a 3W-style flat row with the document's sector, plan and source, the first and last
# quarter as #date+start / #date+end (libhxl's "2025Q1") and one flag per quarter.
HXL_ACTIVITIES_SQL = """
WITH spans AS (
    SELECT activity_id,
           MIN(period) AS date_start, MAX(period) AS date_end,
           MAX(CASE WHEN quarter = 1 THEN 1 END) AS q1, MAX(CASE WHEN quarter = 2 THEN 1 END) AS q2,
           MAX(CASE WHEN quarter = 3 THEN 1 END) AS q3, MAX(CASE WHEN quarter = 4 THEN 1 END) AS q4
    FROM activity_timeline GROUP BY activity_id
)
SELECT a.*, d.sector, d.plan, d.path, s.date_start, s.date_end, s.q1, s.q2, s.q3, s.q4
FROM activities AS a JOIN documents AS d USING (document_id) LEFT JOIN spans AS s USING (activity_id)
ORDER BY a.activity_id
"""
HXL_QUERIES = {"activities": HXL_ACTIVITIES_SQL}


def guard_formula(value: object) -> object:
    """A text cell a spreadsheet would run as a formula, made inert with a leading quote."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return FORMULA_GUARD + value
    return value


def text_columns(frame: pd.DataFrame) -> list[str]:
    """The columns that may hold text: not numbers, booleans or timestamps."""
    return [
        column
        for column in frame.columns
        if not pd.api.types.is_numeric_dtype(frame[column]) and not pd.api.types.is_datetime64_any_dtype(frame[column])
    ]


def csv_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with every text cell guarded against formula injection; use before any CSV write."""
    safe = frame.copy()
    for column in text_columns(safe):
        safe[column] = safe[column].map(guard_formula)
    return safe


def normalise_space(value: object) -> object:
    """Text with single spaces only, as HXL validation asks; other values unchanged."""
    return " ".join(value.split()) if isinstance(value, str) else value


def hashtag_for(column: str) -> str:
    """The HXL hashtag of a column; an unknown column goes under #meta."""
    return HASHTAGS.get(column) or "#meta+" + (HXL_ATTRIBUTE_JUNK.sub("_", column.lower()).strip("_") or "column")


def relation_frame(con: duckdb.DuckDBPyConnection, name: str, sql: str | None = None) -> pd.DataFrame:
    """A table or view (or the given query) as a DataFrame."""
    return con.execute(sql or f'SELECT * FROM "{name}"').df()


def write_csv(con: duckdb.DuckDBPyConnection, name: str, path: Path) -> None:
    """A formula-safe CSV of one table or view."""
    csv_safe(relation_frame(con, name)).to_csv(path, index=False)


def write_parquet(con: duckdb.DuckDBPyConnection, name: str, path: Path) -> None:
    """A Parquet file of one table or view, with its DuckDB types."""
    target = path.as_posix().replace("'", "''")
    con.execute(f"COPY (SELECT * FROM \"{name}\") TO '{target}' (FORMAT parquet)")


def write_hxl(con: duckdb.DuckDBPyConnection, name: str, path: Path) -> None:
    """A formula-safe HXL CSV of one table or view: header row, hashtag row, then single-spaced data."""
    frame = relation_frame(con, name, HXL_QUERIES.get(name))
    for column in text_columns(frame):
        frame[column] = frame[column].map(normalise_space)
    frame = csv_safe(frame)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(frame.columns)
        writer.writerow([hashtag_for(str(column)) for column in frame.columns])
        frame.to_csv(handle, header=False, index=False)


def schema_is_behind(db_path: Path) -> bool:
    """Whether the database lacks a migration of pipeline/sql (the views, say)."""
    con = db.open_db(db_path, read_only=True)
    try:
        applied = {version for (version,) in con.execute("SELECT version FROM schema_version").fetchall()}
    except duckdb.CatalogException:
        return True
    finally:
        con.close()
    return any(version not in applied for version, _ in db.migrations())


def open_migrated(db_path: Path) -> duckdb.DuckDBPyConnection:
    """An existing database opened read-only, first brought up to the latest schema if it is behind."""
    if not db_path.exists():
        raise db.NoDatabase(db_path)
    if schema_is_behind(db_path):
        db.open_db(db_path).close()  # opening for writing applies the pending migrations
    return db.open_db(db_path, read_only=True)


WRITERS: dict[str, Callable[[duckdb.DuckDBPyConnection, str, Path], None]] = {
    "csv": write_csv,
    "parquet": write_parquet,
    "hxl": write_hxl,
}


def export(db_path: Path, fmt: str, out_dir: Path) -> list[Path]:
    """Write every contract table and view to out_dir in the format; the files written, in order."""
    if fmt not in WRITERS:
        raise ValueError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    con = open_migrated(db_path)
    out_dir.mkdir(parents=True, exist_ok=True)
    try:
        written = []
        for name in EXPORTED:
            path = out_dir / f"{name}{SUFFIXES[fmt]}"
            WRITERS[fmt](con, name, path)
            written.append(path)
        return written
    finally:
        con.close()
