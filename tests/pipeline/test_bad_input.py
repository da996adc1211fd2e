"""Bad input beside a good document in one batch: the good one loads; each bad one loads or is exactly one
ingest_errors row of a sensible kind with one stderr line naming it; exit status 1; the database opens."""

from __future__ import annotations

import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from pipeline import db
from pipeline.cli import app
from tests.fixture_files import BAD, TEXT
from tools.fixtures.bad import (
    LATIN1_TITLE,
    external_entity_docx,
    large_tsv,
    zip_bomb_xlsx,
)

GOOD = TEXT / "health-workplan-2022.tsv"
LARGE_TABLE_ROWS = 10_000
# No document of the corpus may be stopped by the time limit, however loaded the machine: the limit only guards
# against a hang, and a good run never reaches it (each document takes seconds).
BATCH_MAX_SECONDS = 600
# What may become of each file: "loaded", or the error kinds that make sense for it.
EXPECTED: dict[str, set[str]] = {
    "empty.txt": {"empty_file"},
    "truncated.pdf": {"corrupt_file"},
    "broken-xref.pdf": {"loaded", "corrupt_file"},
    "encrypted-user-password.pdf": {"encrypted"},
    "encrypted-no-user-password.pdf": {"loaded"},
    "image-only.pdf": {"loaded", "no_text_layer"},
    "not-a-zip.docx": {"corrupt_file"},
    "billion-laughs.docx": {"unsafe_xml"},
    "external-entity-etc-passwd.docx": {"unsafe_xml"},
    "external-entity-secret.docx": {"unsafe_xml"},
    "no-tables.pptx": {"loaded"},
    "million-styled-rows.xlsx": {"loaded"},
    "docx-named-as.pdf": {"loaded"},
    "windows-1252.txt": {"loaded"},
    "zip-bomb.xlsx": {"zip_bomb"},
    "zip-bomb-2-gib.xlsx": {"zip_bomb"},
    "truncated.docx": {"corrupt_file"},
    "external-entity.pptx": {"unsafe_xml"},
    "external-entity.xlsx": {"unsafe_xml"},
    "not-a-workbook.xlsx": {"corrupt_file"},
    "ten-thousand-rows.tsv": {"loaded"},
}


@dataclass
class Batch:
    """One ingest of the bad corpus: where it went and what the command said."""

    folder: Path
    db_path: Path
    exit_code: int
    stderr: str
    secret: str

    def fate(self, name: str) -> list[str]:
        """["loaded"], or the error kinds recorded for the file."""
        path = str(self.folder / name)
        with duckdb.connect(str(self.db_path), read_only=True) as con:
            if con.execute("select count(*) from documents where path = ?", [path]).fetchone() == (1,):
                return ["loaded"]
            return [row[0] for row in con.execute("select error from ingest_errors where path = ?", [path]).fetchall()]


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Batch:
    folder = tmp_path_factory.mktemp("batch")
    for path in BAD.iterdir():
        if path.is_file():
            shutil.copy(path, folder / path.name)
    secret_token = f"TOP-SECRET-{uuid.uuid4()}"
    secret = tmp_path_factory.mktemp("private") / "secret.txt"
    secret.write_text(secret_token)
    (folder / "external-entity-secret.docx").write_bytes(external_entity_docx(secret))
    (folder / "zip-bomb-2-gib.xlsx").write_bytes(zip_bomb_xlsx())
    (folder / "ten-thousand-rows.tsv").write_bytes(large_tsv(LARGE_TABLE_ROWS))
    shutil.copy(GOOD, folder / GOOD.name)
    db_path = folder.parent / "bad.duckdb"
    result = CliRunner().invoke(
        app,
        [
            "ingest",
            str(folder),
            "--db",
            str(db_path),
            "--workers",
            "2",
            "--max-seconds",
            str(BATCH_MAX_SECONDS),
            "--profile",
        ],
    )
    return Batch(folder, db_path, result.exit_code, result.stderr, secret_token)


def test_corpus_is_all_covered(batch: Batch) -> None:
    names = {path.name for path in batch.folder.iterdir()} - {GOOD.name}
    assert names == set(EXPECTED)


def test_exit_status_is_one_and_the_good_document_loads(batch: Batch) -> None:
    assert batch.exit_code == 1
    assert batch.fate(GOOD.name) == ["loaded"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_bad_file_loads_or_is_one_clear_error(batch: Batch, name: str) -> None:
    fate = batch.fate(name)
    assert len(fate) == 1 and fate[0] in EXPECTED[name], f"{name}: {fate}"
    error_lines = [line for line in batch.stderr.splitlines() if line.startswith("error:") and name in line]
    if fate == ["loaded"]:
        assert error_lines == []
    else:
        assert error_lines == [f"error: {batch.folder / name}: {fate[0]}: " + error_lines[0].split(": ", 3)[3]]


def test_external_entity_is_never_read(batch: Batch) -> None:
    with duckdb.connect(str(batch.db_path), read_only=True) as con:
        for table in ("documents", "raw_tables", "raw_cells", "activities", "activity_actors", "ingest_errors"):
            assert batch.secret not in str(con.execute(f"select * from {table}").fetchall()), table
    assert batch.secret not in batch.stderr


def test_text_and_format_come_from_the_bytes(batch: Batch) -> None:
    with duckdb.connect(str(batch.db_path), read_only=True) as con:
        rows = dict(con.execute("select regexp_extract(path, '[^/]+$'), format from documents").fetchall())
        cells = con.execute(
            "select text from raw_cells join documents using (document_id) where path like '%windows-1252.txt'"
        ).fetchall()
        title = con.execute("select title from documents where path like '%windows-1252.txt'").fetchone()
    assert rows["docx-named-as.pdf"] == "docx"
    assert title == (LATIN1_TITLE,) or ("Réunion générale",) in cells


def test_database_opens_whole_afterwards(batch: Batch) -> None:
    with duckdb.connect(str(batch.db_path), read_only=True) as con:
        assert db.integrity_problems(con) == []
    assert "recognise" in batch.stderr  # --profile printed its stages
