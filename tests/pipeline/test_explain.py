"""`workplans explain`: the reading of a fixture of each format, its reasons, and its JSON against a golden file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.mapping import read_mapping
from tests.golden_flag import REWRITE_GOLDEN

ROOT = Path(__file__).parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
GOLDEN = ROOT / "tests" / "golden" / "explain"
# One fixture per format: text, CSV, DOCX (French), XLSX (a preamble row, a 4W matrix), PPTX, PDF.
CASES = [
    FIXTURES / "text" / "child-protection-2020.txt",
    FIXTURES / "text" / "plano-accao-pt-2026.csv",
    FIXTURES / "docx" / "plan-action-fr.docx",
    FIXTURES / "docx" / "numbered-heading-rows.docx",
    FIXTURES / "xlsx" / "partner-matrix-4w.xlsx",
    FIXTURES / "pptx" / "table-with-merges.pptx",
    FIXTURES / "pdf" / "gantt-ruled.pdf",
]
SHOWN_ROWS = 2


def explain_json(path: Path, *options: str) -> dict[str, Any]:
    """The command's JSON for one file, its path made relative to the repository (as a golden file holds it)."""
    result = CliRunner().invoke(app, ["explain", str(path), "--json", "--rows", str(SHOWN_ROWS), *options])
    assert result.exit_code == 0, result.output
    found: dict[str, Any] = json.loads(result.stdout)
    resolved = Path(found["path"]).resolve()
    found["path"] = resolved.relative_to(ROOT).as_posix() if resolved.is_relative_to(ROOT) else str(resolved)
    return found


@pytest.mark.parametrize("path", CASES, ids=lambda path: path.name)
def test_explain_json_matches_its_golden(path: Path) -> None:
    found = explain_json(path)
    golden = GOLDEN / f"{path.name}.json"
    if REWRITE_GOLDEN:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(json.dumps(found, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert found == json.loads(golden.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", CASES, ids=lambda path: path.name)
def test_explain_prints_every_column_with_its_role_and_reason(path: Path) -> None:
    result = CliRunner().invoke(app, ["explain", str(path), "--rows", "1"])
    assert result.exit_code == 0, result.output
    found = explain_json(path)
    workplans = [table for table in found["tables"] if table["kind"] != "other"]
    assert workplans, "each fixture holds a workplan table"
    for column in workplans[0]["columns"]:
        assert column["evidence"]
        assert column["role"] in result.stdout and column["evidence"][:20] in " ".join(result.stdout.split())


def test_header_words_name_their_language() -> None:
    columns = {c["header"]: c for c in explain_json(CASES[2])["tables"][0]["columns"]}
    assert columns["Partenaires d'appui"]["role"] == "partners"
    assert columns["Partenaires d'appui"]["languages"] == ["fr"]
    assert columns["Statut"]["evidence"] == "header word 'statut' (fr)"
    portuguese = explain_json(CASES[1])
    assert portuguese["document"]["language"] == "pt"
    assert any("pt" in column["languages"] for column in portuguese["tables"][0]["columns"])


def test_content_confirms_an_identifier_and_sections_set_levels() -> None:
    table = explain_json(CASES[3])["tables"][0]
    identifier = table["columns"][0]
    assert identifier["role"] == "identifier" and "confirmed by its cells: numbering codes" in identifier["evidence"]
    assert [(row["level"], row["row"]) for row in table["section_rows"]][:2] == [("objective", 1), ("output", 2)]
    assert sum(path["activities"] for path in table["hierarchy"]) == table["activities"]
    assert all(row["output"] and row["objective"] for row in table["rows"])


def test_stored_rows_show_resolved_actors_and_extra() -> None:
    table = explain_json(CASES[4])["tables"][0]
    assert table["preamble_rows"][0]["texts"][0].startswith("4W")
    first = table["rows"][0]
    roles = {actor["role"] for actor in first["actors"]}
    assert roles == {"lead", "partner", "donor"}
    assert "Donor" in table["extra"] and first["extra"]["Donor"]


def test_a_mapping_reading_says_so(tmp_path: Path) -> None:
    document = tmp_path / CASES[0].name
    shutil.copy(CASES[0], document)
    (tmp_path / "workplans.toml").write_text(
        '[[document]]\nfile = "*.txt"\n\n[[document.table]]\nindex = 0\n[document.table.columns]\n'
        '"Partners" = "lead"\n"Responsible" = "partners"\n',
        encoding="utf-8",
    )
    table = explain_json(document)["tables"][0]
    by_header = {column["header"]: column for column in table["columns"]}
    assert by_header["Partners"]["role"] == "lead" and by_header["Partners"]["from_mapping"]
    assert by_header["Partners"]["evidence"].endswith("workplans.toml:7)")
    assert not by_header["Comments"]["from_mapping"]
    assert table["rows"][0]["lead_raw"].startswith("MOSA")


def test_a_drafted_mapping_reads_back_to_the_same_rows(tmp_path: Path) -> None:
    draft = tmp_path / "draft.toml"
    plain = explain_json(CASES[2], "--write-mapping", str(draft))
    assert read_mapping(draft).entries[0].value == plain["sha256"]
    mapped = explain_json(CASES[2], "--mapping", str(draft))
    assert mapped["mapping"]["entries"] == [f"{draft}:4"]
    assert [table["rows"] for table in mapped["tables"]] == [table["rows"] for table in plain["tables"]]


def test_a_mapping_naming_a_missing_column_is_one_error_line(tmp_path: Path) -> None:
    mapping = tmp_path / "fix.toml"
    mapping.write_text(
        '[[document]]\nfile = "*.docx"\n[[document.table]]\nindex = 0\n[document.table.columns]\n"Budget" = "lead"\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["explain", str(CASES[2]), "--mapping", str(mapping)])
    assert result.exit_code == 1
    assert f"{mapping}:6: no column 'Budget' in table 0" in result.stderr and "Traceback" not in result.output
