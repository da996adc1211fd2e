"""Corrections as data: a mapping read and validated with file:line errors, matched to documents, applied on
ingest, and a changed mapping re-reading only the documents it changes."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.ingest import ingest
from pipeline.mapping import Corrections, MappingError, load_corrections, read_mapping
from tests.fixture_files import TEXT_PLANS

PLAN = "child-protection-2020.txt"
# Its table 0 has "Responsible" (lead) and "Partners" (partners) columns; the mapping swaps them.
SWAP = '[[document]]\nfile = "child-*.txt"\n\n[[document.table]]\nindex = 0\n[document.table.columns]\n'
SWAPPED = SWAP + '"Partners" = "lead"\n"Responsible" = "partners"\n'


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The text plans in a folder of their own."""
    target = tmp_path / "plans"
    target.mkdir()
    for path in TEXT_PLANS:
        shutil.copy(path, target)
    return target


def write(path: Path, text: str) -> Path:
    """A mapping file."""
    path.write_text(text, encoding="utf-8")
    return path


def states(summary_documents: list[object]) -> dict[str, str]:
    """Each document's file name and what became of it."""
    return {Path(str(r.path)).name: str(r.state) for r in summary_documents}


def leads(db_path: Path) -> list[str]:
    """The lead_raw of the plan's first three activities, in row order."""
    with duckdb.connect(str(db_path), read_only=True) as con:
        rows = con.execute(
            "SELECT lead_raw FROM activities JOIN documents USING (document_id) WHERE path LIKE ? "
            "ORDER BY table_index, row_index LIMIT 3",
            [f"%{PLAN}"],
        ).fetchall()
    return [row[0] for row in rows]


def test_a_changed_mapping_re_reads_only_its_document(folder: Path, tmp_path: Path) -> None:
    db_path = tmp_path / "plans.duckdb"
    first = ingest([folder], db_path, isolate=False, corrections=load_corrections(None, [folder]))
    assert first.loaded == 3
    before = leads(db_path)
    assert before[0] == "UNICEF with Core Group"
    write(folder / "workplans.toml", SWAPPED)
    second = ingest([folder], db_path, isolate=False, corrections=load_corrections(None, [folder]))
    assert states(second.documents) == {
        PLAN: "loaded",
        "hostile-cells.tsv": "skipped",
        "inter-sector-quarters-without-year.txt": "skipped",
    }
    after = leads(db_path)
    assert after[0].startswith("MOSA") and after != before
    third = ingest([folder], db_path, isolate=False, corrections=load_corrections(None, [folder]))
    assert third.loaded == 0 and third.skipped == 3
    (folder / "workplans.toml").write_text(SWAPPED + "# a comment moves no reading\n", encoding="utf-8")
    assert ingest([folder], db_path, isolate=False, corrections=load_corrections(None, [folder])).loaded == 0
    (folder / "workplans.toml").unlink()
    fourth = ingest([folder], db_path, isolate=False, corrections=load_corrections(None, [folder]))
    assert states(fourth.documents)[PLAN] == "loaded" and fourth.loaded == 1
    assert leads(db_path) == before


def test_ingest_mapping_option_sets_facts_and_skips_a_table(folder: Path, tmp_path: Path) -> None:
    db_path = tmp_path / "plans.duckdb"
    mapping = write(
        tmp_path / "fix.toml",
        '[[document]]\nfile = "inter-sector-*"\nyear = 2019\ncountry = "jor"\nlanguage = "fr"\nprimary = false\n'
        "[[document.table]]\nindex = 1\nskip = true\n",
    )
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db_path), "--mapping", str(mapping)])
    assert result.exit_code == 0, result.output
    with duckdb.connect(str(db_path), read_only=True) as con:
        document = con.execute(
            "SELECT year, country, country_source, language, primary_by_mapping, mapping_hash IS NOT NULL "
            "FROM documents WHERE path LIKE '%inter-sector%'"
        ).fetchone()
        tables = con.execute(
            "SELECT table_index, kind, mapping FROM raw_tables JOIN documents USING (document_id) "
            "WHERE path LIKE '%inter-sector%' ORDER BY table_index"
        ).fetchall()
        from_skipped = con.execute(
            "SELECT count(*) FROM activities JOIN documents USING (document_id) "
            "WHERE path LIKE '%inter-sector%' AND table_index = 1"
        ).fetchone()
        others = con.execute("SELECT count(*) FROM documents WHERE mapping_hash IS NOT NULL").fetchone()
    assert document == (2019, "JOR", "mapping", "fr", False, True)
    assert tables[1][1:] == ("other", "skipped")
    assert from_skipped == (0,) and others == (1,)


def test_header_rows_and_kind_read_a_table_the_reader_passed_over(tmp_path: Path) -> None:
    document = write(
        tmp_path / "minutes.tsv",
        "Item\tOwner\tBy\nShare the 3W with all members\tUNHCR\tQ1 2024\nUpdate the contact list\tOCHA\tQ2 2024\n",
    )
    plain = document_activities(document, Corrections())
    fixed = document_activities(
        document,
        read_mapping(
            write(
                tmp_path / "fix.toml",
                '[[document]]\nfile = "minutes.tsv"\n[[document.table]]\nindex = 0\nheader_rows = 1\n'
                'kind = "workplan"\n[document.table.columns]\n"Item" = "activity"\n"Owner" = "lead"\n'
                '"By" = "timeline"\n',
            )
        ),
    )
    assert plain == []
    assert fixed == [("Share the 3W with all members", "UNHCR"), ("Update the contact list", "OCHA")]


def document_activities(path: Path, corrections: Corrections) -> list[tuple[str, str | None]]:
    """(activity, lead_raw) of a document read under the corrections."""
    from pipeline.process import process_file

    outcome = process_file(path, corrections=corrections)
    assert outcome.frames is not None, outcome.message
    frame = outcome.frames["activities"]
    return list(zip(map(str, frame.column("activity")), frame.column("lead_raw"), strict=True))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (
            '[[document]]\nfile = "*.pdf"\n[[document.table]]\nindex = 0\n[document.table.columns]\n"Lead" = "boss"\n',
            6,
            "unknown role 'boss'",
        ),
        ('[[document]]\nfile = "*.pdf"\nyaer = 2020\n', 3, "unknown document key 'yaer'"),
        ('[[document]]\nfile = "*.pdf"\n\n[[document.table]]\nindex = 0\nkind = "plan"\n', 6, "unknown kind 'plan'"),
        ('[[document]]\nsha256 = "xyz"\n', 2, "sha256 must be 8 to 64 hexadecimal digits"),
        ('[[document]]\nfile = "a"\nfolder = "b"\n', 3, "give one of sha256, file or folder"),
        ("[[document]]\nyear = 20\n", 2, "year 20 is not a plan's year"),
        ('[[document]]\ncountry = "Narnia"\n', 2, "unknown country 'NARNIA'"),
        ("[[document]]\n[[document.table]]\nheader_rows = 0\n", 3, "header_rows must be a whole number of at least 1"),
        ('title = "x"\n', 1, "unknown key 'title'"),
    ],
)
def test_a_bad_mapping_names_its_line(tmp_path: Path, text: str, line: int, words: str) -> None:
    mapping = write(tmp_path / "bad.toml", text)
    with pytest.raises(MappingError) as raised:
        read_mapping(mapping)
    assert str(raised.value).startswith(f"{mapping}:{line}: ") and words in str(raised.value)


def test_a_bad_mapping_stops_ingest_with_one_line(folder: Path, tmp_path: Path) -> None:
    write(folder / "workplans.toml", '[[document]]\nfile = "*"\n[[document.table]]\nkind = "list"\n')
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"error: {(folder / 'workplans.toml').resolve()}:4: unknown kind 'list'; one of workplan, action_points, other"
    )


def test_a_correction_the_document_does_not_fit_fails_that_document_only(folder: Path, tmp_path: Path) -> None:
    write(folder / "workplans.toml", SWAP + '"Budget" = "lead"\n[[document.table]]\nindex = 9\n')
    db_path = tmp_path / "plans.duckdb"
    summary = ingest([folder], db_path, isolate=False, corrections=load_corrections(None, [folder]))
    assert summary.loaded == 2
    assert summary.failed == [
        (
            str(folder / PLAN),
            "bad_mapping",
            f"{(folder / 'workplans.toml').resolve()}:7: no column 'Budget' in table 0 "
            "('Sector Output', 'Sector Indicators', 'LCRP activities', 'Key Proposed activities', '2020 Timeline Q1', "
            "'2020 Q2', '2020 Q3', '2020 Q4', 'Responsible', 'Partners', 'Comments')",
        )
    ]


def test_entries_apply_from_the_broadest_to_the_most_specific(tmp_path: Path) -> None:
    (tmp_path / "2020").mkdir()
    document = write(tmp_path / "2020" / "plan.txt", "x")
    mapping = read_mapping(
        write(
            tmp_path / "all.toml",
            '[[document]]\nsha256 = "abcdef0123"\nyear = 2030\n\n[[document]]\nfile = "plan.*"\nyear = 2020\n'
            'language = "es"\n\n[[document]]\nfolder = "2020"\nyear = 2010\ncountry = "SDN"\n\n'
            "[[document]]\nyear = 2000\n",
        )
    )
    overrides = mapping.for_document(document, "abcdef0123" + "0" * 54)
    assert overrides is not None
    assert (overrides.year, overrides.language, overrides.country) == (2030, "es", "SDN")
    assert [origin.line for origin in overrides.origins] == [10, 15, 5, 1]
    other = mapping.for_document(tmp_path / "elsewhere.txt", "f" * 64)
    assert other is not None and other.year == 2000
