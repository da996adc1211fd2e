"""The same plan, once: a DOCX and its PDF form one plan group, the views count it once, the summary says so."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.ingest import ingest
from pipeline.mapping import load_corrections
from pipeline.plans import Candidate, choose_primary, connected_groups, copies_loaded

SAMPLES = Path(__file__).parents[2] / "data" / "samples"
DOCX = SAMPLES / "child-protection-workplan-2020.docx"
PDF = SAMPLES / "child-protection-workplan-2020.pdf"
OTHER = Path(__file__).parents[1] / "fixtures" / "text" / "inter-sector-quarters-without-year.txt"


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database holding a DOCX, its PDF rendering and another plan, loaded in one batch."""
    folder = tmp_path_factory.mktemp("pair")
    for path in (DOCX, PDF, OTHER):
        shutil.copy(path, folder / path.name)
    db_path = folder / "plans.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert "1 document is a copy of another document's plan (each plan counted once)" in result.stderr
    return db_path


def one(db_path: Path, sql: str) -> object:
    """The single value of a query."""
    with duckdb.connect(str(db_path), read_only=True) as con:
        row = con.execute(sql).fetchone()
    assert row is not None
    return row[0]


def test_a_docx_and_its_pdf_are_one_plan_counted_once(pair: Path) -> None:
    with duckdb.connect(str(pair), read_only=True) as con:
        groups = con.execute(
            "SELECT plan_group, format, is_primary FROM documents WHERE plan_group IS NOT NULL ORDER BY format"
        ).fetchall()
        alone = con.execute("SELECT plan_group, is_primary FROM documents WHERE format = 'text'").fetchone()
        per_document = dict(
            con.execute(
                "SELECT format, COUNT(*) FROM activities JOIN documents USING (document_id) GROUP BY 1"
            ).fetchall()
        )
        counted = con.execute("SELECT COUNT(*) FROM cross_sector").fetchone()
        copies = con.execute("SELECT DISTINCT n_copies, copies FROM cross_sector WHERE title LIKE '%Child%'").fetchall()
        plans = con.execute("SELECT COUNT(*), SUM(copies) FROM plans").fetchone()
    assert [(fmt, primary) for _, fmt, primary in groups] == [("docx", True), ("pdf", False)]
    assert len({group for group, _, _ in groups}) == 1
    assert alone == (None, True)
    assert per_document["docx"] == per_document["pdf"] > 0
    assert counted == (per_document["docx"] + per_document["text"],)
    assert len(copies) == 1 and copies[0][0] == 2 and copies[0][1].endswith(f"{DOCX.name}; {pair.parent / PDF.name}")
    assert plans == (2, 3)


def test_the_views_read_as_if_the_docx_alone_were_loaded(pair: Path, tmp_path: Path) -> None:
    alone = tmp_path / "alone.duckdb"
    ingest([DOCX, OTHER], alone, isolate=False)
    for sql in (
        "SELECT COUNT(*), COUNT(DISTINCT activity_id) FROM activity_timeline",
        "SELECT SUM(led), SUM(partnered) FROM actor_load",
        "SELECT SUM(activities) FROM actor_pairs",
        "SELECT COUNT(*) FROM cross_sector",
    ):
        with duckdb.connect(str(pair), read_only=True) as con, duckdb.connect(str(alone), read_only=True) as other:
            assert con.execute(sql).fetchone() == other.execute(sql).fetchone(), sql


def test_a_copy_loaded_later_is_named_and_the_mapping_can_choose_the_primary(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(DOCX, folder / DOCX.name)
    db_path = tmp_path / "plans.duckdb"
    assert ingest([folder], db_path, isolate=False).copies == 0
    shutil.copy(PDF, folder / PDF.name)
    later = ingest([folder], db_path, isolate=False)
    assert later.copies == 1 and later.loaded == 1
    assert [report.copy_of for report in later.documents if report.state == "loaded"] == [str(folder / DOCX.name)]
    (folder / "workplans.toml").write_text('[[document]]\nfile = "*.pdf"\nprimary = true\n', encoding="utf-8")
    chosen = ingest([folder], db_path, isolate=False, corrections=load_corrections(None, [folder]))
    assert chosen.loaded == 1
    assert one(db_path, "SELECT format FROM documents WHERE is_primary AND plan_group IS NOT NULL") == "pdf"


def candidate(document_id: str, **fields: object) -> Candidate:
    """A candidate primary with the fields given, the others even."""
    values: dict[str, object] = {
        "primary_by_mapping": None,
        "format": "docx",
        "ingested_at": datetime(2026, 1, 1),
        "activities": 10,
        "stated": 30,
    }
    values.update(fields)
    return Candidate(document_id, **values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("candidates", "primary"),
    [
        ([candidate("a", format="pdf"), candidate("b")], "b"),
        ([candidate("a", activities=12, format="pdf"), candidate("b")], "a"),
        ([candidate("a", stated=31, format="pdf"), candidate("b")], "a"),
        ([candidate("a", primary_by_mapping=True, activities=1), candidate("b")], "a"),
        ([candidate("a"), candidate("b", primary_by_mapping=False, activities=99)], "a"),
        ([candidate("a"), candidate("b", ingested_at=datetime(2026, 2, 1))], "b"),
        ([candidate("b"), candidate("a")], "a"),
    ],
)
def test_the_primary_rule(candidates: list[Candidate], primary: str) -> None:
    assert choose_primary(candidates) == primary


def test_groups_are_connected_documents_and_copies_are_counted_per_group() -> None:
    groups = connected_groups([("a", "b"), ("c", "d"), ("b", "e")])
    assert groups == [["a", "b", "e"], ["c", "d"]]
    assert copies_loaded(groups, ["a", "b", "e"]) == 2  # a new plan of three copies
    assert copies_loaded(groups, ["d"]) == 1  # a copy of a plan loaded before
    assert copies_loaded(groups, ["x"]) == 0


def test_show_names_the_copies_of_a_document(pair: Path) -> None:
    result = CliRunner().invoke(app, ["show", str(pair.parent / PDF.name), "--db", str(pair), "--json"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert found["document"]["is_primary"] is False and found["document"]["format"] == "pdf"
    assert found["document"]["plan_copies"].startswith(str(pair.parent / DOCX.name))
    assert sum(table["activities"] for table in found["tables"]) == found["counts"]["activities"] > 0
    printed = CliRunner().invoke(app, ["show", found["document"]["document_id"], "--db", str(pair)])
    assert "a copy (the views count the primary)" in printed.stdout and "no errors or warnings" in printed.stdout
    missing = CliRunner().invoke(app, ["show", "nothing-like-it", "--db", str(pair)])
    assert missing.exit_code == 1 and missing.stderr.startswith("error: no loaded document is 'nothing-like-it'")


def test_the_report_counts_the_plan_once(pair: Path, tmp_path: Path) -> None:
    out = tmp_path / "summary.html"
    assert CliRunner().invoke(app, ["report", "--db", str(pair), "--out", str(out)]).exit_code == 0
    html = out.read_text(encoding="utf-8")
    counted = one(pair, "SELECT COUNT(*) FROM cross_sector")
    assert f'<li id="count-activities"><strong>{counted}</strong>' in html
    assert '<li id="count-plans"><strong>2</strong>' in html and '<li id="count-documents"><strong>3</strong>' in html
    assert html.count(f"copy of {pair.parent / DOCX.name}") == 1
