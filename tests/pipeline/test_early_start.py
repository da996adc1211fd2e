"""The workers' fork server started as `workplans ingest` starts (pipeline/early_start.py): for which command lines,
before what, and that a batch read by workers forked from it loads as any other."""

from __future__ import annotations

import importlib.abc
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from pipeline.__main__ import main as entry_point
from pipeline.early_start import documents_to_read
from pipeline.pool import preload_modules
from tests.fixture_files import FIXTURES, TSV_PAIR

PDF = FIXTURES / "pdf" / "ruled-line-breaks.pdf"


@pytest.fixture
def fresh(tmp_path: Path) -> str:
    """A database file that does not exist yet."""
    return str(tmp_path / "new.duckdb")


@pytest.fixture
def existing(tmp_path: Path) -> str:
    """A database file that exists."""
    path = tmp_path / "old.duckdb"
    path.touch()
    return str(path)


def test_an_ingest_into_a_new_database_names_its_documents(fresh: str, tmp_path: Path) -> None:
    mapping = tmp_path / "corrections.toml"
    mapping.touch()
    argv = ["ingest", str(PDF), "--db", fresh, "--workers", "2", "--mapping", str(mapping), str(TSV_PAIR[0])]
    assert documents_to_read(argv) == [PDF, Path("2"), TSV_PAIR[0]]  # an option's value may pass for a path
    assert documents_to_read(["ingest", f"--db={fresh}", "--", "-odd.pdf"]) == [Path("-odd.pdf")]


def test_a_reingest_into_an_existing_database_starts_nothing_unless_forced(existing: str) -> None:
    assert documents_to_read(["ingest", str(PDF), "--db", existing]) is None
    assert documents_to_read(["ingest", str(PDF), f"--db={existing}"]) is None
    assert documents_to_read(["ingest", str(PDF), "--db", existing, "--force"]) == [PDF]


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["query", "select 1"],
        ["load", "--lake", "lake"],
        ["ingest", "--help"],
        ["ingest", str(PDF), "-h"],
        ["ingest", str(PDF), "--lake", "lake"],
        ["ingest", str(PDF), "--executor", "ray", "--lake", "lake", "--force"],
        ["ingest", str(PDF), "--executor=ray", "--lake=lake", "--force"],
    ],
)
def test_no_other_command_line_starts_the_fork_server(argv: list[str], fresh: str) -> None:
    assert documents_to_read([*argv, "--db", fresh] if argv else argv) is None


def test_the_fork_server_goes_deaf_to_ctrl_c_before_it_imports_a_reader() -> None:
    assert preload_modules({"pdf", "docx"})[0] == "pipeline.preload"


def test_the_entry_point_starts_the_fork_server_before_importing_the_command_line(
    fresh: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []

    class Watching(importlib.abc.MetaPathFinder):
        def find_spec(self, name: str, *_: object) -> None:
            if name == "pipeline.cli":
                events.append("import pipeline.cli")
                raise KeyboardInterrupt  # the import goes no further (a Ctrl-C there is one line and status 130)

    monkeypatch.setattr("pipeline.early_start.start_early", lambda argv: events.append(f"start {' '.join(argv)}"))
    monkeypatch.delitem(sys.modules, "pipeline.cli", raising=False)
    monkeypatch.setattr(sys, "meta_path", [Watching(), *sys.meta_path])
    monkeypatch.setattr(sys, "argv", ["workplans", "ingest", str(PDF), "--db", fresh])
    with pytest.raises(SystemExit) as stopped:
        entry_point()
    assert stopped.value.code == 130
    assert events == [f"start ingest {PDF} --db {fresh}", "import pipeline.cli"]


def test_a_batch_read_by_the_early_fork_server_loads_and_a_rerun_skips_it(fresh: str) -> None:
    command = [sys.executable, "-m", "pipeline", "ingest", str(PDF), str(TSV_PAIR[1]), "--db", fresh, "--workers", "1"]
    first = subprocess.run(command, capture_output=True, text=True)
    assert first.returncode == 0 and "2 loaded, 0 skipped, 0 failed" in first.stderr, first.stderr
    with duckdb.connect(fresh, read_only=True) as con:
        assert con.execute("SELECT count(*) FROM documents").fetchone() == (2,)
    again = subprocess.run(command, capture_output=True, text=True)
    assert again.returncode == 0 and "0 loaded, 2 skipped" in again.stderr, again.stderr
