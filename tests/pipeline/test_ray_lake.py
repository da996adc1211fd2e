"""The Parquet lake without Ray: `ingest --lake` with the local executor, `load --lake`, `query --lake`, and the
rule that nothing on the local path imports Ray."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from pipeline import db
from pipeline.ingest import ingest
from pipeline.lake import DOCUMENT_FILES, load_runs, open_lake, refusal_on_lake, write_outcome
from pipeline.lake_ingest import ingest_to_lake
from pipeline.lake_load import load_lake
from pipeline.process import process_file
from pipeline.summary import FAILED, LOADED, SKIPPED
from tests.fixture_files import TEXT_PLANS
from tests.pipeline.lake_helpers import FIXTURES, ROOT, database_rows

WORKPLANS = [sys.executable, "-m", "pipeline"]
# Readable documents and failures, quick to read: text, a spreadsheet, and files that fail in different ways.
SMALL_CORPUS = [
    *TEXT_PLANS,
    FIXTURES / "xlsx" / "filled-quarter-cells.xlsx",
    FIXTURES / "bad" / "empty.txt",
    FIXTURES / "bad" / "not-a-zip.docx",
    FIXTURES / "bad" / "zip-bomb.xlsx",
]


@pytest.fixture(scope="module")
def lake(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A lake of the small corpus, read by the local executor; tests only read it."""
    folder = tmp_path_factory.mktemp("lake") / "lake"
    summary = ingest_to_lake([*SMALL_CORPUS, folder / "missing.txt"], folder, workers=2)
    assert summary.loaded == 4 and len(summary.failed) == 4
    return folder


def test_a_lake_loads_into_the_rows_of_a_local_ingest(lake: Path, tmp_path: Path) -> None:
    local, loaded = tmp_path / "local.duckdb", tmp_path / "loaded.duckdb"
    ingest([*SMALL_CORPUS, lake / "missing.txt"], local, workers=2)
    summary = load_lake(lake, loaded)
    assert summary.loaded == 4 and len(summary.failed) == 4
    expected = database_rows(local)
    assert database_rows(loaded) == expected
    assert len(expected["activities"]) > 0 and len(expected["ingest_errors"]) >= 4


def test_loading_twice_or_ingesting_the_same_files_again_changes_nothing(lake: Path, tmp_path: Path) -> None:
    target = tmp_path / "twice.duckdb"
    load_lake(lake, target)
    once = database_rows(target)
    again = load_lake(lake, target)
    assert {report.state for report in again.documents} == {SKIPPED, FAILED}  # failures are recorded again
    assert database_rows(target) == once
    copy = tmp_path / "lake"
    subprocess.run(["cp", "-r", str(lake), str(copy)], check=True)
    rerun = ingest_to_lake(SMALL_CORPUS, copy)
    assert sorted(report.state for report in rerun.documents) == [FAILED] * 3 + [SKIPPED] * 4
    assert len(load_runs(copy)) == 2
    load_lake(copy, target, force=True)
    assert database_rows(target) == once


def test_a_document_written_twice_is_in_the_lake_once(tmp_path: Path) -> None:
    outcome = process_file(SMALL_CORPUS[0])
    run = "20260101T000000Z-000000"
    write_outcome(tmp_path, run, outcome)
    write_outcome(tmp_path, run, outcome)  # a retried task writes the same files again
    assert outcome.frames is not None
    for table in DOCUMENT_FILES:
        files = list((tmp_path / table).glob("*/*.parquet"))
        rows = (
            duckdb.execute("SELECT count(*) FROM read_parquet(?)", [[str(f) for f in files]]).fetchone()
            if files
            else (0,)
        )
        expected = len(outcome.frames[table]) if table in outcome.frames else len(outcome.issues or [])
        assert rows == (expected,), table


def test_a_retry_that_fails_replaces_what_the_first_try_wrote(tmp_path: Path) -> None:
    outcome = process_file(SMALL_CORPUS[0])
    run = "20260101T000000Z-000000"
    write_outcome(tmp_path, run, outcome)
    write_outcome(tmp_path, run, replace(outcome, frames=None, issues=None, error_kind="timeout", message="slow"))
    assert sorted(path.parts[-3] for path in tmp_path.glob("*/*/*.parquet")) == ["ingest_errors"]
    summary = load_lake(tmp_path, tmp_path / "db.duckdb")
    assert summary.failed == [(str(SMALL_CORPUS[0]), "timeout", "slow")]


def test_a_document_cut_short_while_written_is_not_loaded(lake: Path, tmp_path: Path) -> None:
    copy = tmp_path / "lake"
    subprocess.run(["cp", "-r", str(lake), str(copy)], check=True)
    documents = sorted((copy / "documents").glob("*/*.parquet"))
    documents[0].unlink()  # its worker died after the other tables' files, before the documents file
    summary = load_lake(copy, tmp_path / "cut.duckdb")
    assert summary.loaded == 3
    con = duckdb.connect(str(tmp_path / "cut.duckdb"), read_only=True)
    assert db.integrity_problems(con) == []
    assert con.execute("SELECT count(*) FROM documents WHERE sha256 = ?", [documents[0].stem]).fetchone() == (0,)


def test_query_reads_the_lake_and_nothing_else(lake: Path) -> None:
    counted = subprocess.run(
        [*WORKPLANS, "query", "--lake", str(lake), "select count(*) from activity_timeline", "--format", "csv"],
        capture_output=True,
        text=True,
    )
    assert counted.returncode == 0 and int(counted.stdout.splitlines()[1]) > 0
    con = open_lake(lake)
    assert refusal_on_lake(con, "select * from cross_sector") is None
    for statement in ("copy activities to 'out.csv'", "create table t (a int)", "select 1; attach 'x.duckdb'"):
        assert refusal_on_lake(con, statement), statement
    with pytest.raises(duckdb.Error, match="disabled by configuration"):
        con.execute("select * from read_csv('/etc/passwd')")


def test_the_cli_writes_then_loads_a_lake(tmp_path: Path) -> None:
    lake, target = tmp_path / "lake", tmp_path / "plans.duckdb"
    text = [str(path) for path in TEXT_PLANS]
    written = subprocess.run([*WORKPLANS, "ingest", *text, "--lake", str(lake)], capture_output=True, text=True)
    assert written.returncode == 0 and "3 written to the lake" in written.stderr
    loaded = subprocess.run(
        [*WORKPLANS, "load", "--lake", str(lake), "--db", str(target), "--json"], capture_output=True, text=True
    )
    assert loaded.returncode == 0 and loaded.stdout.count(f'"{LOADED}"') == 3
    no_lake = subprocess.run([*WORKPLANS, "ingest", *text, "--executor", "ray"], capture_output=True, text=True)
    assert no_lake.returncode == 2 and "--lake" in no_lake.stderr
    mapping = tmp_path / "mapping.toml"
    mapping.write_text('[[document]]\nfile = "*.txt"\nyear = 2024\n')
    mapped = subprocess.run(
        [*WORKPLANS, "ingest", *text, "--lake", str(lake), "--mapping", str(mapping)], capture_output=True, text=True
    )
    assert mapped.returncode == 2 and mapped.stderr.startswith("error: a Parquet lake does not apply mappings")


def test_the_local_path_never_imports_ray(tmp_path: Path) -> None:
    program = f"""
import sys
from pathlib import Path
from pipeline import cli, ingest, lake, lake_cli, lake_ingest, lake_load, writer, pool
ingest.ingest([Path(p) for p in {[str(p) for p in TEXT_PLANS]!r}], Path({str(tmp_path / "db.duckdb")!r}), workers=1)
lake_ingest.ingest_to_lake([Path(p) for p in {[str(p) for p in TEXT_PLANS]!r}], Path({str(tmp_path / "lake")!r}))
lake_load.load_lake(Path({str(tmp_path / "lake")!r}), Path({str(tmp_path / "lake.duckdb")!r}))
print("ray" in sys.modules)
"""
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "False"


def test_without_the_extra_the_ray_executor_says_how_to_install_it(tmp_path: Path) -> None:
    program = (
        "import sys; sys.modules['ray'] = None; from pipeline.cli import main; "
        f"sys.argv = ['workplans', 'ingest', {str(TEXT_PLANS[0])!r}, '--executor', 'ray', '--lake', "
        f"{str(tmp_path / 'lake')!r}]; main()"
    )
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 2
    assert (
        result.stderr.strip()
        == "error: the Ray executor needs the extra: pip install -e '.[ray]' (or make install-ray)"
    )
