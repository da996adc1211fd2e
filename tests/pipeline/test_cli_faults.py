"""The command line against awkward names, paths and options: one clear line (and row) per problem, never a
traceback, the rest of the batch loaded, exit status as the README says."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
from click.testing import Result
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.paths import path_text

TSV = Path(__file__).resolve().parents[1] / "fixtures" / "tsv"
GOOD = TSV / "health-workplan-2022.tsv"
SMALL = TSV / "agenda-not-a-workplan.tsv"


def invoke(*arguments: object) -> Result:
    """The command's result; it never shows a traceback."""
    result = CliRunner().invoke(app, [str(argument) for argument in arguments])
    assert "Traceback" not in result.output + result.stderr and not isinstance(result.exception, Exception), (
        result.output + result.stderr
    )
    return result


def named(folder: Path, name: bytes) -> Path:
    """A path in `folder` whose name is these bytes (not necessarily UTF-8)."""
    return Path(os.fsdecode(os.fsencode(folder) + b"/" + name))


def test_a_file_name_that_is_not_utf8_loads_and_is_stored_losslessly(tmp_path: Path) -> None:
    folder, db_path = tmp_path / "batch", tmp_path / "w.duckdb"
    folder.mkdir()
    odd, empty, plain = named(folder, b"caf\xe9.tsv"), named(folder, b"vide\xe9.txt"), folder / "plain.tsv"
    odd.write_bytes(GOOD.read_bytes())
    empty.write_bytes(b"")
    plain.write_bytes(SMALL.read_bytes())
    result = invoke("ingest", folder, "--db", db_path)
    assert result.exit_code == 1  # the empty file failed; the others loaded
    assert f"error: {path_text(empty)}: empty_file" in result.stderr
    with duckdb.connect(str(db_path), read_only=True) as con:
        documents = dict(con.execute("select path, path_bytes from documents").fetchall())
        errors = con.execute("select path, path_bytes, error from ingest_errors").fetchall()
    assert documents == {str(folder / "caf\\xe9.tsv"): os.fsencode(odd), str(plain): None}
    assert errors == [(str(folder / "vide\\xe9.txt"), os.fsencode(empty), "empty_file")]
