"""`workplans show`: a loaded document's tables, counts, errors and warnings, found by id, SHA-256 head or path."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.ingest import ingest

FIXTURES = Path(__file__).parents[1] / "fixtures"
SCAN = FIXTURES / "bad" / "image-only.pdf"
PLAN = FIXTURES / "text" / "child-protection-2020.txt"


def show(*arguments: str) -> dict[str, object]:
    """The command's JSON."""
    result = CliRunner().invoke(app, ["show", *arguments, "--json"])
    assert result.exit_code == 0, result.output
    found: dict[str, object] = json.loads(result.stdout)
    return found


def test_show_finds_a_document_by_path_id_or_sha256_and_lists_its_warnings(tmp_path: Path) -> None:
    db_path = tmp_path / "w.duckdb"
    ingest([SCAN, PLAN], db_path, isolate=False)
    scan = show(str(SCAN), "--db", str(db_path))
    document = scan["document"]
    assert isinstance(document, dict)
    assert show(document["document_id"], "--db", str(db_path)) == scan
    assert show(document["sha256"][:10], "--db", str(db_path)) == scan
    assert [issue["error"] for issue in scan["issues"]] == ["no_text_layer"]  # type: ignore[index, union-attr]
    plan = show(str(PLAN.resolve()), "--db", str(db_path))
    tables = plan["tables"]
    assert isinstance(tables, list) and [table["kind"] for table in tables][:1] == ["workplan"]
    counts = plan["counts"]
    assert isinstance(counts, dict) and counts["activities"] == sum(table["activities"] for table in tables) > 0
    assert plan["issues"] == []


def test_show_without_a_database_is_one_error_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["show", "abc", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1 and result.stderr.startswith("error: no database at")
