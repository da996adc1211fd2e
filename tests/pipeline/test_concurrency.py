"""Crash safety and concurrency: SIGKILL mid-batch leaves no half-loaded document; two ingests share one
database; a busy database is waited for, then named as busy; `query` gets in between loads."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager, suppress
from pathlib import Path

import duckdb
from typer.testing import CliRunner

from pipeline import db
from pipeline.cli import app
from pipeline.ingest import ingest
from pipeline.settings import DEFAULT_WAIT_SECONDS

GOOD = Path(__file__).resolve().parents[1] / "fixtures" / "tsv" / "health-workplan-2022.tsv"
SMALL = Path(__file__).resolve().parents[1] / "fixtures" / "tsv" / "agenda-not-a-workplan.tsv"
# Documents in the SIGKILL batch: enough that loading them outlasts one hold of the database by the writer
# (ingest.HOLD_SECONDS), so that a reader sees the first loads and the kill lands mid-batch.
BATCH_SIZE = 12
# Documents streaming in, arriving faster than the writer lets the database go when idle, for longer than
# one hold of the database (ingest.HOLD_SECONDS).
STREAM_SIZE = 60
STREAM_ROW_REPEATS = 20
# Rows of each batch document = the fixture's rows times this: a few tenths of a second's work per document.
ROW_REPEATS = 200
# Generous: the first load waits for worker start-up, slow on a busy machine.
FIRST_LOAD_TIMEOUT = 180
POLL_SECONDS = 0.1
PER_DOCUMENT = ("raw_tables", "raw_cells", "activities")
HOLD_LOCK = (
    "import duckdb, sys, time\n"
    "con = duckdb.connect(sys.argv[1])\n"
    "print('locked', flush=True)\n"
    "time.sleep(float(sys.argv[2]))\n"
)


def make_batch(folder: Path, size: int = BATCH_SIZE, repeats: int = ROW_REPEATS) -> list[Path]:
    """`size` copies of one long workplan, each with its own first line (so its own SHA-256).

    Each copy repeats the workplan's rows `repeats` times, so that loading the batch takes long
    enough for the kill to land in its middle even on a fast, idle machine.
    """
    folder.mkdir()
    lines = GOOD.read_text().splitlines()
    header_end = next(i for i, line in enumerate(lines) if "\t" in line) + 1
    text = "\n".join(lines[:header_end] + lines[header_end:] * repeats) + "\n"
    paths = []
    for n in range(size):
        path = folder / f"plan-{n}.tsv"
        path.write_text(f"Copy {n}\n{text}")
        paths.append(path)
    return paths


def rows_per_document(db_path: Path) -> dict[str, tuple[int, ...]]:
    """For each loaded document, its row count in each per-document table."""
    with duckdb.connect(str(db_path)) as con:
        assert db.integrity_problems(con) == []
        return {
            path: tuple(
                con.execute(f"select count(*) from {table} where document_id = ?", [doc]).fetchone()[0]
                for table in PER_DOCUMENT
            )
            for doc, path in con.execute("select document_id, path from documents").fetchall()
        }


def loaded_count(db_path: Path) -> int:
    """Documents loaded so far; 0 while the database is missing or held by the writer."""
    try:
        with duckdb.connect(str(db_path), read_only=True) as con:
            return int(con.execute("select count(*) from documents").fetchone()[0])
    except duckdb.Error:
        return 0


def start_ingest(folder: Path, db_path: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "pipeline", "ingest", str(folder), "--db", str(db_path), "--wait", "60"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


@contextmanager
def lock_held(db_path: Path, seconds: float) -> Iterator[subprocess.Popen[bytes]]:
    """Another process holding the database for writing for up to `seconds`."""
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(db_path), str(seconds)], stdout=subprocess.PIPE)
    assert holder.stdout is not None and holder.stdout.readline().strip() == b"locked"
    try:
        yield holder
    finally:
        holder.kill()
        holder.wait()


def test_sigkill_mid_batch_then_two_ingests_finish_it(tmp_path: Path) -> None:
    paths = make_batch(tmp_path / "batch")
    db_path = tmp_path / "w.duckdb"
    ingest([paths[0]], tmp_path / "one.duckdb", isolate=False)
    expected = next(iter(rows_per_document(tmp_path / "one.duckdb").values()))

    first = start_ingest(tmp_path / "batch", db_path)
    deadline = time.monotonic() + FIRST_LOAD_TIMEOUT
    while loaded_count(db_path) == 0 and first.poll() is None and time.monotonic() < deadline:
        time.sleep(POLL_SECONDS)
    os.kill(first.pid, signal.SIGKILL)
    first.wait()
    with suppress(ProcessLookupError):  # workers die with the main process; clear any straggler all the same
        os.killpg(first.pid, signal.SIGKILL)

    before = rows_per_document(db_path)
    assert 1 <= len(before) < BATCH_SIZE and set(before.values()) == {expected}

    runs = [start_ingest(tmp_path / "batch", db_path) for _ in range(2)]
    assert [run.wait() for run in runs] == [0, 0], [run.stderr.read() for run in runs if run.stderr]
    after = rows_per_document(db_path)
    assert sorted(after) == sorted(str(path) for path in paths)
    assert set(after.values()) == {expected}


def test_busy_database_is_waited_for_then_loaded(tmp_path: Path) -> None:
    db_path = tmp_path / "w.duckdb"
    ingest([SMALL], db_path, isolate=False)  # creates the database
    start = time.monotonic()
    with lock_held(db_path, 1.0) as holder:
        summary = ingest([SMALL], db_path, force=True, isolate=False, wait_seconds=60)
        holder.wait()
    assert summary.loaded == 1 and time.monotonic() - start >= 0.5


def test_busy_database_past_the_wait_is_named_busy(tmp_path: Path) -> None:
    db_path = tmp_path / "w.duckdb"
    ingest([SMALL], db_path, isolate=False)
    with lock_held(db_path, 60):
        result = CliRunner().invoke(app, ["ingest", str(SMALL), "--db", str(db_path), "--force", "--wait", "0.5"])
    assert result.exit_code == 1
    assert "database is busy" in result.stderr
    with duckdb.connect(str(db_path), read_only=True) as con:
        assert db.integrity_problems(con) == []


def test_query_waits_for_a_load_to_end(tmp_path: Path) -> None:
    db_path = tmp_path / "w.duckdb"
    ingest([SMALL], db_path, isolate=False)
    with lock_held(db_path, 1.0):
        result = CliRunner().invoke(
            app, ["query", "select count(*) as n from documents", "--db", str(db_path), "--format", "csv"]
        )
    assert result.exit_code == 0, result.stderr
    assert result.stdout.split() == ["n", "1"]


def test_query_gets_in_while_a_batch_streams_in(tmp_path: Path) -> None:
    paths = make_batch(tmp_path / "batch", STREAM_SIZE, STREAM_ROW_REPEATS)
    db_path = tmp_path / "w.duckdb"
    ingest([SMALL], db_path, isolate=False)  # creates the database
    run = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "ingest", str(paths[0].parent), "--db", str(db_path), "--workers", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    seen = []
    while run.poll() is None:  # each read waits for the lock as `query` does
        with closing(db.open_db(db_path, read_only=True, wait_seconds=DEFAULT_WAIT_SECONDS)) as con:
            seen.append(int(con.execute("select count(*) from documents").fetchone()[0]))
        time.sleep(POLL_SECONDS)
    assert run.wait() == 0, run.stderr.read() if run.stderr else ""
    assert any(1 < count <= STREAM_SIZE for count in seen), seen  # read between loads, mid-batch
