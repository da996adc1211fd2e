"""Counts that agree: the actor mentions a person has to settle, counted apart the same way (pending = review +
unresolved, provisional, naming no one) and with the same numbers by the ingest summary (its closing line, its
table and --json, into the database or a lake), `resolve`, `review --list` and a review session."""

from __future__ import annotations

import json
import re
from pathlib import Path

import duckdb
import pytest

from tests.pipeline.test_cli_faults import invoke

# Each kind of mention in two documents: a provisional actor (an organisation the registry does not know),
# doubtful acronyms (a registry acronym's letters in another order, one dropped), mentions naming no one.
FIRST = (
    "Activity\tLead\tPartners\tQ1\n"
    "Train staff on case management\tZorblax Relief Society\tUNICEF\tX\n"
    "Roll out the toolbox\tOHCA\tTBD\tX\n"
    "Print the leaflets\tUNFP\tpartners\tX\n"
)
SECOND = "Activity\tLead\tPartners\tQ2\nRun the hotline\tOHCA\tZorblax Relief Society\tX\nMap the sites\tWHO\tTBD\tX\n"
SPLIT = ("pending", "provisional", "not_actor")


@pytest.fixture()
def plans(tmp_path: Path) -> list[Path]:
    first, second = tmp_path / "first.tsv", tmp_path / "second.tsv"
    first.write_text(FIRST, encoding="utf-8")
    second.write_text(SECOND, encoding="utf-8")
    return [first, second]


def view_counts(db_path: Path) -> dict[str, dict[str, int]]:
    """The view actor_mention_counts, by document path."""
    with duckdb.connect(str(db_path), read_only=True) as con:
        rows = con.execute(
            "select d.path, m.pending, m.provisional, m.not_actor "
            "from actor_mention_counts m join documents d using (document_id)"
        ).fetchall()
    return {path: dict(zip(SPLIT, counts, strict=True)) for path, *counts in rows}


def words(counts: dict[str, int]) -> str:
    pending, provisional, not_actor = (counts[key] for key in SPLIT)
    return (
        f"{pending + provisional} actor mentions to review ({pending} unresolved or doubtful, {provisional} "
        f"provisional actors to confirm); {not_actor} naming no one"
    )


def total(counts: dict[str, dict[str, int]]) -> dict[str, int]:
    return {key: sum(document[key] for document in counts.values()) for key in SPLIT}


def flat(text: str) -> str:
    return " ".join(text.split())


def table_rows(stdout: str) -> dict[str, dict[str, str]]:
    """The per-document table of an ingest, by document."""
    lines = [line for line in stdout.splitlines() if "│" in line or "┃" in line]
    header = [cell.strip() for cell in re.split("[┃│]", lines[0])[1:-1]]
    rows = [dict(zip(header, (cell.strip() for cell in re.split("│", line)[1:-1]), strict=True)) for line in lines[1:]]
    return {row["document"]: row for row in rows}


def test_the_ingest_summary_splits_mentions_as_the_view_resolve_and_review_do(
    plans: list[Path], tmp_path: Path
) -> None:
    db_path = tmp_path / "counts.duckdb"
    ingested = invoke("ingest", *plans, "--db", db_path)
    assert ingested.exit_code == 0
    counts = view_counts(db_path)
    assert total(counts) == {"pending": 3, "provisional": 2, "not_actor": 3}  # every kind is there
    assert words(total(counts)) in flat(ingested.stderr)
    rows = table_rows(ingested.stdout)
    for path, expected in counts.items():
        shown = rows[path]
        assert [shown["pending"], shown["provisional"], shown["not actor"]] == [str(expected[key]) for key in SPLIT]
    as_json = invoke("ingest", *plans, "--db", db_path, "--force", "--json")
    for report in json.loads(as_json.stdout):
        assert {key: report[key] for key in SPLIT} == counts[report["path"]]
        assert "to_review" not in report
    resolved = invoke("resolve", "--db", db_path)
    assert words(total(view_counts(db_path))) in flat(resolved.stdout)
    listed = invoke("review", "--db", db_path, "--list")
    assert f"3 of 3 mention texts waiting for review: {words(total(counts))}" in flat(listed.stdout)
    session = invoke("review", "--db", db_path, input="s\ns\nq\n")
    assert f"Still waiting: 3 mention texts, {words(total(counts))}." in flat(session.stdout)


def test_a_lake_ingest_counts_mentions_as_the_database_does(plans: list[Path], tmp_path: Path) -> None:
    lake, db_path = tmp_path / "lake", tmp_path / "counts.duckdb"
    written = invoke("ingest", *plans, "--lake", lake, "--json")
    loaded = invoke("load", "--lake", lake, "--db", db_path)
    counts = view_counts(db_path)
    assert {report["path"]: {key: report[key] for key in SPLIT} for report in json.loads(written.stdout)} == counts
    assert words(total(counts)) in flat(loaded.stderr)
