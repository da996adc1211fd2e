"""The command line against awkward names, paths and options: one clear line (and row) per problem, never a
traceback, the rest of the batch loaded, exit status as the README says."""

from __future__ import annotations

import importlib.abc
import json
import os
import sys
from pathlib import Path
from typing import Any
from unittest.mock import Mock

import duckdb
import pytest
from click.testing import Result
from typer.testing import CliRunner

from pipeline.__main__ import main as entry_point
from pipeline.cli import app
from pipeline.cli_format import DUCKDB_INTERRUPTED
from pipeline.ingest import ingest
from pipeline.paths import path_text
from tests.fixture_files import TSV_PAIR

SMALL, GOOD = TSV_PAIR


def invoke(*arguments: object, input: str | None = None) -> Result:
    """The command's result (`input`: what a person types); it never shows a traceback."""
    result = CliRunner().invoke(app, [str(argument) for argument in arguments], input=input)
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
    shown = invoke("show", odd, "--db", db_path, "--json")
    assert shown.exit_code == 0 and json.loads(shown.stdout)["document"]["path"] == str(folder / "caf\\xe9.tsv")
    failed = invoke("show", empty, "--db", db_path)
    assert failed.exit_code == 1
    assert failed.stderr == f"error: {path_text(empty)} did not load: empty_file: the file is empty\n"


def error_lines(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("error:")]


@pytest.mark.parametrize("command", ["ingest", "query"])
def test_a_db_that_is_a_folder_or_no_database_is_one_error_line(tmp_path: Path, command: str) -> None:
    folder, not_a_database = tmp_path / "folder", tmp_path / "notes.duckdb"
    folder.mkdir()
    not_a_database.write_text("meeting notes\n")
    first = [str(SMALL)] if command == "ingest" else ["select 1"]
    for db_path in (folder, not_a_database):
        result = invoke(command, *first, "--db", db_path)
        assert result.exit_code == 2, result.stderr
        assert len(error_lines(result)) == 1 and str(db_path) in error_lines(result)[0]
    assert not_a_database.read_text() == "meeting notes\n"


def test_export_onto_a_file_and_report_onto_a_folder_are_one_error_line(database: Path, tmp_path: Path) -> None:
    a_file, a_folder = tmp_path / "exports", tmp_path / "summary.html"
    a_file.write_text("keep me")
    a_folder.mkdir()
    exported = invoke("export", "--db", database, "--format", "csv", "--out", a_file)
    reported = invoke("report", "--db", database, "--out", a_folder)
    assert (exported.exit_code, reported.exit_code) == (2, 2)
    assert [len(error_lines(exported)), len(error_lines(reported))] == [1, 1]
    assert a_file.read_text() == "keep me" and list(a_folder.iterdir()) == []


def test_query_prints_lists_structs_and_maps_as_a_table(database: Path) -> None:
    sql = "select [1, 2] as l, {'a': 1} as s, map([1], ['x']) as m, (select list(activity) from activities) as all"
    result = invoke("query", sql, "--db", database)
    assert result.exit_code == 0
    assert "[1, 2]" in result.stdout and '{"a": 1}' in result.stdout and '{"1": "x"}' in result.stdout


def test_a_missing_path_is_one_error_and_row_and_the_others_load(tmp_path: Path) -> None:
    db_path, missing = tmp_path / "w.duckdb", tmp_path / "no-such-plan.pdf"
    result = invoke("ingest", GOOD, missing, SMALL, "--db", db_path)
    assert result.exit_code == 1
    assert error_lines(result) == [f"error: {missing}: not_found: no such file or folder"]
    with duckdb.connect(str(db_path), read_only=True) as con:
        assert con.execute("select count(*) from documents").fetchone() == (2,)
        assert con.execute("select path, error from ingest_errors").fetchall() == [(str(missing), "not_found")]


def test_a_dangling_link_and_an_unreadable_folder_are_one_warning_each(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, db_path = tmp_path / "batch", tmp_path / "w.duckdb"
    (folder / "locked").mkdir(parents=True)
    (folder / "plan.tsv").write_bytes(GOOD.read_bytes())
    (folder / "gone.tsv").symlink_to(tmp_path / "deleted.tsv")
    real_scandir = os.scandir

    def scandir(path: Any = ".") -> Any:  # root may open any folder: refuse this one as the system would
        if not isinstance(path, int) and Path(os.fsdecode(path)).name == "locked":
            raise PermissionError(13, "Permission denied", os.fsdecode(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = invoke("ingest", folder, "--db", db_path)
    assert result.exit_code == 0
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert sorted(warnings) == [
        f"warning: {folder / 'gone.tsv'}: a symbolic link to nothing",
        f"warning: {folder / 'locked'}: folder not read (Permission denied)",
    ]


def test_a_folder_with_no_file_to_read_is_a_warning(tmp_path: Path) -> None:
    empty, hidden, db_path = tmp_path / "empty", tmp_path / "hidden", tmp_path / "w.duckdb"
    empty.mkdir()
    (hidden / ".drafts").mkdir(parents=True)
    (hidden / ".drafts" / "plan.tsv").write_bytes(GOOD.read_bytes())
    result = invoke("ingest", empty, hidden, GOOD, "--db", db_path)
    assert result.exit_code == 0
    assert [line for line in result.stderr.splitlines() if line.startswith("warning:")] == [
        f"warning: {empty}: no file in the folder (hidden ones are not read)",
        f"warning: {hidden}: no file in the folder (hidden ones are not read)",
    ]


@pytest.mark.parametrize("where", ["importing", "running a statement", "in a command"])
def test_ctrl_c_anywhere_is_one_line_and_exit_status_130(
    where: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db_path = tmp_path / "w.duckdb"
    ingest([SMALL], db_path)
    monkeypatch.setattr(sys, "argv", ["workplans", "query", "select * from plans", "--db", str(db_path)])
    if where == "importing":

        class Interrupting(importlib.abc.MetaPathFinder):
            def find_spec(self, name: str, *_: object) -> None:
                if name == "pipeline.cli":
                    raise KeyboardInterrupt

        monkeypatch.delitem(sys.modules, "pipeline.cli")
        monkeypatch.setattr(sys, "meta_path", [Interrupting(), *sys.meta_path])
    elif where == "running a statement":
        # DuckDB's words when Ctrl-C stops a statement (a SIGINT cannot be timed into one without a clock)
        monkeypatch.setattr("pipeline.query_cli.lock_down", Mock(side_effect=RuntimeError(DUCKDB_INTERRUPTED)))
    else:
        monkeypatch.setattr("pipeline.query_cli.print_rows", Mock(side_effect=KeyboardInterrupt))
    with pytest.raises(SystemExit) as stopped:
        entry_point()
    assert stopped.value.code == 130 and capsys.readouterr().err.strip() == "interrupted"


def test_a_file_name_with_a_line_break_is_still_one_error_line(tmp_path: Path) -> None:
    folder, db_path = tmp_path / "batch", tmp_path / "w.duckdb"
    folder.mkdir()
    (folder / "minutes\nfinal.txt").write_bytes(b"")
    result = invoke("ingest", folder, "--db", db_path)
    assert result.exit_code == 1
    assert error_lines(result) == [f"error: {folder}/minutes\\nfinal.txt: empty_file: the file is empty"]
