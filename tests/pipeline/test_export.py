"""`workplans export` over real workplans: CSV safe from formula injection, Parquet, and HXL that libhxl validates."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import duckdb
import hxl
import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.export import EXPORTED, FORMULA_PREFIXES, SUFFIXES, VIEWS, guard_formula, schema_is_behind
from pipeline.ingest import ingest
from tests.fixture_files import TEXT

LOADED = [TEXT / "child-protection-2020.txt", TEXT / "hostile-cells.tsv"]
# The activities HXL file is a 3W-style table; these are the hashtags its users look for.
ACTIVITY_HASHTAGS = {
    "#activity",
    "#output",
    "#sector",
    "#org+lead",
    "#org+impl",
    "#date+start",
    "#date+end",
    "#status",
    "#meta+source",
    "#meta+q1",
    "#meta+q2",
    "#meta+q3",
    "#meta+q4",
}
HOSTILE_ACTIVITIES = {
    "'+Train caseworkers on referral pathways",
    "'-Monthly coordination meeting <script>alert(1)</script>",
    "'@Map service providers & <b>referral</b> points",
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database ingested from a real workplan and a file of formula-like cells."""
    path = tmp_path_factory.mktemp("export") / "workplans.duckdb"
    summary = ingest(LOADED, path)
    assert summary.loaded == len(LOADED) and not summary.failed
    return path


def export(database: Path, fmt: str, out: Path) -> list[Path]:
    """Run the command and return the files it wrote, in a stable order."""
    result = CliRunner().invoke(app, ["export", "--db", str(database), "--format", fmt, "--out", str(out)])
    assert result.exit_code == 0, result.output
    return sorted(out.iterdir())


def count(database: Path, name: str) -> int:
    """Rows of a table or view."""
    with duckdb.connect(str(database), read_only=True) as con:
        row = con.execute(f"SELECT COUNT(*) FROM {name}").fetchone()
    assert row is not None
    return int(row[0])


def expected_files(out: Path, fmt: str) -> list[Path]:
    """One file per exported table and view."""
    return sorted(out / f"{name}{SUFFIXES[fmt]}" for name in EXPORTED)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+2", "'=1+2"),
        ("+SUM(A1)", "'+SUM(A1)"),
        ("-2 weeks", "'-2 weeks"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("UNICEF", "UNICEF"),
        ("", ""),
        (3, 3),
        (None, None),
    ],
)
def test_guard_formula(value: object, expected: object) -> None:
    assert guard_formula(value) == expected


def test_csv_has_one_file_per_table_with_every_row(database: Path, tmp_path: Path) -> None:
    files = export(database, "csv", tmp_path)
    assert files == expected_files(tmp_path, "csv")
    for path in files:
        name = path.name.removesuffix(".csv")
        assert len(pd.read_csv(path, dtype=str, keep_default_na=False)) == count(database, name), name


def test_csv_cells_cannot_run_as_formulas(database: Path, tmp_path: Path) -> None:
    export(database, "csv", tmp_path)
    with (tmp_path / "activities.csv").open(encoding="utf-8", newline="") as handle:
        activities = {row["activity"] for row in csv.DictReader(handle)}
    assert activities >= HOSTILE_ACTIVITIES
    for path in tmp_path.iterdir():
        with path.open(encoding="utf-8", newline="") as handle:
            bare = [cell for row in csv.reader(handle) for cell in row if cell.startswith(FORMULA_PREFIXES)]
        assert not bare, (path.name, bare[:3])


def test_query_csv_uses_the_same_guard(database: Path) -> None:
    result = CliRunner().invoke(
        app,
        [
            "query",
            "SELECT activity FROM activities WHERE activity LIKE '%Monthly%'",
            "--db",
            str(database),
            "--format",
            "csv",
        ],
    )
    assert result.exit_code == 0
    assert result.output.splitlines() == ["activity", "'-Monthly coordination meeting <script>alert(1)</script>"]


def test_parquet_keeps_rows_and_types(database: Path, tmp_path: Path) -> None:
    files = export(database, "parquet", tmp_path)
    assert files == expected_files(tmp_path, "parquet")
    for path in files:
        assert len(pd.read_parquet(path)) == count(database, path.stem), path.name
    documents = pd.read_parquet(tmp_path / "documents.parquet")
    assert set(documents["year"]) == {2020, 2024}


def test_hxl_files_pass_libhxl_validation(database: Path, tmp_path: Path) -> None:
    files = export(database, "hxl", tmp_path)
    assert files == expected_files(tmp_path, "hxl")
    for path in files:
        issues: list[object] = []
        data = hxl.data(str(path), hxl.InputOptions(allow_local=True))
        assert data.validate(callback=issues.append), (path.name, issues[:3])


def test_hxl_activities_carry_the_3w_hashtags_and_quarters(database: Path, tmp_path: Path) -> None:
    export(database, "hxl", tmp_path)
    data = hxl.data(str(tmp_path / "activities.hxl.csv"), hxl.InputOptions(allow_local=True)).cache()
    assert {column.display_tag for column in data.columns} >= ACTIVITY_HASHTAGS
    rows = list(data)
    assert len(rows) == count(database, "activities")
    child_protection = [row for row in rows if row.get("#sector") == "Child Protection"]
    assert child_protection and all(row.get("#org+lead") for row in child_protection)
    starts = {row.get("#date+start") for row in child_protection}
    assert starts and starts <= {"2020Q1", "2020Q2", "2020Q3", "2020Q4"}
    hostile = {row.get("#activity"): row for row in rows if (row.get("#date+start") or "").startswith("2024")}
    assert set(hostile) == HOSTILE_ACTIVITIES
    monthly = hostile["'-Monthly coordination meeting <script>alert(1)</script>"]
    assert (monthly.get("#date+start"), monthly.get("#date+end")) == ("2024Q1", "2024Q4")
    assert [monthly.get(f"#meta+q{quarter}") for quarter in range(1, 5)] == ["1", "1", "1", "1"]


def test_export_without_a_database_fails_clearly(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["export", "--db", str(tmp_path / "none.duckdb"), "--format", "csv", "--out", str(tmp_path / "out")]
    )
    assert result.exit_code == 1
    assert "no database" in result.output


def test_export_brings_an_older_database_up_to_the_views(database: Path, tmp_path: Path) -> None:
    older = tmp_path / "older.duckdb"
    shutil.copy(database, older)
    with duckdb.connect(str(older)) as con:
        for view in VIEWS:
            con.execute(f"DROP VIEW {view}")
        con.execute("DELETE FROM schema_version WHERE version >= 2")
    assert schema_is_behind(older)
    files = export(older, "csv", tmp_path / "out")
    assert files == expected_files(tmp_path / "out", "csv")
    assert not schema_is_behind(older)
