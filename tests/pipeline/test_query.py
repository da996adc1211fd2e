"""`workplans query` reads and nothing else: no writes, no files outside the database."""

from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.ingest import ingest
from tests.fixture_files import TSV_PAIR


def test_query_cannot_write_files_or_attach(tmp_path: Path) -> None:
    db_path = tmp_path / "q.duckdb"
    ingest(list(TSV_PAIR), db_path)
    target = tmp_path / "leak.csv"
    runner = CliRunner()
    for sql in (
        f"copy activities to '{target}'",
        f"attach '{tmp_path / 'other.duckdb'}' as other",
        "set enable_external_access = true",
    ):
        result = runner.invoke(app, ["query", sql, "--db", str(db_path)])
        assert result.exit_code == 1, sql
    assert not target.exists()
    ok = runner.invoke(app, ["query", "select count(*) as n from activities", "--db", str(db_path), "-f", "csv"])
    assert ok.exit_code == 0 and ok.stdout.strip().splitlines() == ["n", "5"]
