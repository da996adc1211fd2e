"""Ingest into a temporary DuckDB: counts, idempotence, --force, provenance, nothing lost."""

import json
from datetime import datetime
from pathlib import Path

import duckdb
import pytest

from pipeline.db import insert_rows
from pipeline.frames import Frame
from pipeline.ingest import ingest
from tests.fixture_files import TEXT, TSV_PAIR

TABLES = ("documents", "raw_tables", "raw_cells", "activities", "activity_quarters", "activity_actors")


def counts(db_path: Path) -> dict[str, int]:
    with duckdb.connect(str(db_path), read_only=True) as con:
        return {table: con.execute(f"select count(*) from {table}").fetchone()[0] for table in TABLES}


@pytest.fixture()
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.duckdb"


def test_load_twice_changes_nothing(db_path: Path) -> None:
    first = ingest(list(TSV_PAIR), db_path)
    before = counts(db_path)
    second = ingest(list(TSV_PAIR), db_path)
    assert (first.loaded, second.loaded, second.skipped) == (2, 0, 2)
    assert counts(db_path) == before
    assert before["activities"] == 5


def test_force_replaces_without_duplicates(db_path: Path) -> None:
    ingest(list(TSV_PAIR), db_path)
    before = counts(db_path)
    summary = ingest(list(TSV_PAIR), db_path, force=True)
    assert summary.loaded == 2 and counts(db_path) == before


def test_activities_carry_context_quarters_status_and_provenance(db_path: Path) -> None:
    ingest([TEXT / "health-workplan-2022.tsv"], db_path)
    with duckdb.connect(str(db_path), read_only=True) as con:
        rows = con.execute(
            "select priority, activity, lead_raw, status, table_index, row_index from activities order by row_index"
        ).fetchall()
        quarters = con.execute(
            "select a.activity, list(q.quarter order by q.quarter), min(q.year) from activities a "
            "join activity_quarters q using (activity_id) group by a.activity"
        ).fetchall()
        year = con.execute("select year, sector from documents").fetchone()
    assert year == (2022, "Health")
    assert rows[1] == ("Strengthen coordination", "Map health service providers", "WHO; UNICEF", "completed", 0, 2)
    assert rows[2][3] == "on_hold" and rows[4][0] == "Improve quality of care"
    by_activity = {activity: (qs, y) for activity, qs, y in quarters}
    assert by_activity["Publish quarterly dashboards"] == ([3], 2022)
    assert by_activity["Hold monthly sector meetings in Beirut and the field"] == ([1, 2, 3, 4], 2022)


def test_every_non_empty_cell_is_kept(db_path: Path) -> None:
    ingest(list(TSV_PAIR), db_path)
    with duckdb.connect(str(db_path), read_only=True) as con:
        stored = con.execute("select count(*) from raw_cells where trim(text) <> ''").fetchone()[0]
        kinds = dict(
            con.execute(
                "select d.path like '%agenda%', t.kind from raw_tables t join documents d using (document_id)"
            ).fetchall()
        )
    source_cells = sum(
        1
        for path in TSV_PAIR
        for line in path.read_text().splitlines()
        if "\t" in line
        for field in line.split("\t")
        if field.strip()
    )
    assert stored == source_cells
    assert kinds == {True: "other", False: "workplan"}


def test_extra_holds_unnamed_columns(db_path: Path, tmp_path: Path) -> None:
    plan = tmp_path / "plan.tsv"
    plan.write_text("Activity\tLead\tQ1\tBudget (USD)\nTrain staff\tWHO\tX\t12,000\n", encoding="utf-8")
    ingest([plan], db_path)
    with duckdb.connect(str(db_path), read_only=True) as con:
        extra = con.execute("select extra from activities").fetchone()[0]
    assert json.loads(extra) == {"Budget (USD)": "12,000"}


def test_rows_are_inserted_exactly_as_typed_values(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "t.duckdb"))
    con.execute(
        "create table t (code varchar, empty varchar, n integer, score double, shaded boolean, "
        "failed_at timestamp, extra json)"
    )
    at = datetime(2024, 3, 1, 12, 30, 15, 250000)
    rows: list[tuple[object, ...]] = [
        ("007", "", 3, 87.5, True, at, '{"Q1": "x"}'),
        ('Leban\ud800on\n"q"', None, None, None, None, None, None),
    ]
    insert_rows(con, "t", Frame(("code", "empty", "n", "score", "shaded", "failed_at", "extra"), rows))
    assert con.execute("select * from t order by n nulls last").fetchall() == [
        ("007", "", 3, 87.5, True, at, '{"Q1": "x"}'),
        ('Leban?on\n"q"', None, None, None, None, None, None),
    ]


def test_a_cell_larger_than_duckdbs_default_json_object_is_inserted(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "t.duckdb"))
    con.execute("create table t (text varchar)")
    insert_rows(con, "t", Frame(("text",), [("x" * (40 << 20),)]))  # 40 MB: past the default 16 MB object limit
    assert con.execute("select length(text) from t").fetchone() == (40 << 20,)
