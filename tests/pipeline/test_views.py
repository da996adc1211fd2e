"""The analyst views of pipeline/sql/002_views.sql over real workplans, and the read-only query command."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb
import pytest
from typer.testing import CliRunner

from pipeline.cli import app

FIXTURE_FILES = 3
CHILD_PROTECTION = "child-protection-2020.txt"
HOSTILE = "hostile-cells.tsv"


def rows(database: Path, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
    """The rows of a read-only query."""
    with duckdb.connect(str(database), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def scalar(database: Path, sql: str, params: list[Any] | None = None) -> Any:
    """The single value of a read-only query."""
    return rows(database, sql, params)[0][0]


def document_id(database: Path, file_name: str) -> str:
    """The id of the document loaded from a fixture file."""
    return str(scalar(database, "SELECT document_id FROM documents WHERE path LIKE ?", [f"%{file_name}"]))


def test_timeline_has_one_row_per_activity_and_quarter(database: Path) -> None:
    dated = scalar(database, "SELECT COUNT(*) FROM activity_timeline WHERE quarter IS NOT NULL")
    undated = scalar(database, "SELECT COUNT(*) FROM activity_timeline WHERE quarter IS NULL")
    assert dated == scalar(database, "SELECT COUNT(*) FROM activity_quarters")
    assert undated == scalar(
        database, "SELECT COUNT(*) FROM activities WHERE activity_id NOT IN (SELECT activity_id FROM activity_quarters)"
    )


def test_timeline_carries_document_year_and_periods(database: Path) -> None:
    doc = document_id(database, CHILD_PROTECTION)
    found = rows(database, "SELECT DISTINCT title, year, period FROM activity_timeline WHERE document_id = ?", [doc])
    assert {title for title, _, _ in found} == {"2020 LCRP- Child Protection Sector Workplan"}
    assert {year for _, year, _ in found} == {2020}
    assert {period for _, _, period in found} <= {"2020Q1", "2020Q2", "2020Q3", "2020Q4"}
    assert len(found) == 4


def test_actor_load_counts_every_lead_and_partner_mention(database: Path) -> None:
    for role, column in (("lead", "led"), ("partner", "partnered")):
        expected = scalar(
            database,
            "SELECT COUNT(*) FROM (SELECT DISTINCT activity_id, COALESCE(actor_id, raw) FROM activity_actors "
            "WHERE role = ? AND method <> 'not_actor')",
            [role],
        )
        assert scalar(database, f"SELECT SUM({column}) FROM actor_load") == expected


def test_actor_load_names_resolved_actors_and_keeps_raw_text_of_unresolved(database: Path) -> None:
    unicef = rows(
        database,
        "SELECT actor, actor_type, year, led, partnered FROM actor_load WHERE actor_id = 'unicef' AND year = 2024",
    )
    assert unicef == [("United Nations Children's Fund", "un_agency", 2024, 1, 1)]
    unresolved = {
        raw
        for (raw,) in rows(database, "SELECT raw FROM activity_actors WHERE actor_id IS NULL AND method <> 'not_actor'")
    }
    listed = {actor for (actor,) in rows(database, "SELECT actor FROM actor_load WHERE actor_id IS NULL")}
    assert unresolved and unresolved == listed


def test_actor_pairs_join_leads_to_partners_of_the_same_activity(database: Path) -> None:
    pairs = rows(
        database,
        "SELECT lead_id, partner_id, activities FROM actor_pairs "
        "WHERE lead_id IN ('unicef', 'unhcr') AND partner_id IN ('unicef', 'unhcr')",
    )
    assert sorted(pairs) == [("unhcr", "unicef", 1), ("unicef", "unhcr", 1)]


def test_cross_sector_lists_every_activity_with_sector_plan_and_leads(database: Path) -> None:
    assert scalar(database, "SELECT COUNT(*) FROM cross_sector") == scalar(database, "SELECT COUNT(*) FROM activities")
    doc = document_id(database, CHILD_PROTECTION)
    assert rows(database, "SELECT DISTINCT sector, plan FROM cross_sector WHERE document_id = ?", [doc]) == [
        ("Child Protection", "LCRP")
    ]
    hostile = document_id(database, HOSTILE)
    leads = rows(database, "SELECT leads FROM cross_sector WHERE document_id = ? ORDER BY activity_id", [hostile])
    assert leads[0] == ("United Nations Children's Fund",)


def test_review_queue_holds_the_unconfirmed_mentions_with_context(database: Path) -> None:
    queued = rows(database, "SELECT title, activity, method, suggestions FROM review_queue")
    expected = scalar(
        database, "SELECT COUNT(*) FROM activity_actors WHERE method IN ('review', 'unresolved', 'provisional')"
    )
    assert len(queued) == expected > 0
    assert all(activity for _, activity, _, _ in queued)
    reviews = [json.loads(suggestions) for _, _, method, suggestions in queued if method == "review"]
    assert all(suggestion and len(suggestion[0]) == 2 for suggestion in reviews)


@pytest.mark.parametrize(
    "statement",
    [
        "INSERT INTO ingest_errors (path, error) VALUES ('x', 'x')",
        "DELETE FROM activities",
        "CREATE TABLE notes (text VARCHAR)",
        "DROP VIEW review_queue",
    ],
)
def test_query_refuses_writing_statements(database: Path, statement: str) -> None:
    before = scalar(database, "SELECT COUNT(*) FROM activities")
    result = CliRunner().invoke(app, ["query", statement, "--db", str(database)])
    assert result.exit_code == 1
    assert "read-only" in result.output
    assert scalar(database, "SELECT COUNT(*) FROM activities") == before
    assert scalar(database, "SELECT COUNT(*) FROM review_queue") > 0
