"""Crash safety and concurrency: SIGKILL mid-transaction leaves no half-loaded document; two ingests share one
database; a busy database is waited for, then named as busy; `query` gets in between loads. Each test steers
the processes by events (a held document, a marked transaction, a patched wait), never by timing."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from pipeline import db, writer
from pipeline.cli import app
from pipeline.ingest import ingest
from pipeline.process import process_file
from pipeline.summary import Summary
from pipeline.writer import Writer
from tests.fixture_files import TSV_PAIR
from tests.pipeline.gated_ingest import HELD_PREFIX, ROOT, SAFETY_SECONDS, command, poll_until

SMALL, GOOD = TSV_PAIR
# Documents in a batch: enough for the writer to load them in more than one transaction.
BATCH_SIZE = 6
# Rows of each batch document = the fixture's rows times this, so that a held small document is read last.
ROW_REPEATS = 20
# Documents reaching the writer one every ARRIVAL_SECONDS (of its clock, which the test turns): several to a hold
# of the database, for three holds.
ARRIVAL_SECONDS = writer.HOLD_SECONDS / 8
STREAM_SIZE = int(3 * writer.HOLD_SECONDS / ARRIVAL_SECONDS)
PER_DOCUMENT = ("raw_tables", "raw_cells", "activities")
COUNT_DOCUMENTS = (
    "import duckdb, sys\n"
    "print(duckdb.connect(sys.argv[1], read_only=True).execute('select count(*) from documents').fetchone()[0])\n"
)
HOLD_LOCK = "import duckdb, sys\ncon = duckdb.connect(sys.argv[1])\nprint('locked', flush=True)\nsys.stdin.read()\n"


def make_batch(folder: Path, size: int = BATCH_SIZE, repeats: int = ROW_REPEATS) -> list[Path]:
    """`size` copies of one long workplan, each with its own first line (so its own SHA-256)."""
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


def add_held(folder: Path, name: str = "agenda") -> Path:
    """A small document that the gated ingest's worker holds until released."""
    held = folder / f"{HELD_PREFIX}{name}.tsv"
    held.write_text(f"Held back: {name}\n{SMALL.read_text()}")
    return held


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


def start_ingest(folder: Path, db_path: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "pipeline", "ingest", str(folder), "--db", str(db_path), "--wait", "60"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def start_gated(
    folder: Path,
    db_path: Path,
    release: Path,
    *options: object,
    stop_at_held: Path | None = None,
    stdout: int = subprocess.DEVNULL,
) -> subprocess.Popen[bytes]:
    """`workplans ingest FOLDER --db DB OPTIONS...`, its held documents read once `release` exists."""
    return subprocess.Popen(
        command(release, "ingest", folder, "--db", db_path, *options, stop_at_held=stop_at_held),
        cwd=ROOT,
        stdout=stdout,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def kill_group(run: subprocess.Popen[bytes]) -> None:
    """SIGKILL a process started in its own session, and whatever of its group is left."""
    with suppress(ProcessLookupError):
        os.killpg(run.pid, signal.SIGKILL)
    run.wait()


@contextmanager
def lock_held(db_path: Path) -> Iterator[subprocess.Popen[bytes]]:
    """Another process holding the database for writing until its standard input is closed (or it is killed)."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(db_path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == b"locked"
    try:
        yield holder
    finally:
        holder.kill()
        holder.wait()


def stderr_of(run: subprocess.Popen[bytes]) -> str:
    """What a finished process said on stderr (nothing while it runs)."""
    if run.poll() is None or run.stderr is None:
        return ""
    return run.stderr.read().decode(errors="replace")


def let_go_on_first_wait(holder: subprocess.Popen[bytes], monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Have the lock holder let go once a process waiting for the database first waits; the waits seen."""
    waits: list[float] = []

    def let_go(seconds: float) -> None:
        waits.append(seconds)
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait()

    monkeypatch.setattr(db, "sleep", let_go)
    return waits


def count_from_another_process(db_path: Path) -> int:
    """The documents another process reads in the database: it fails while this one holds the database."""
    read = subprocess.run([sys.executable, "-c", COUNT_DOCUMENTS, str(db_path)], capture_output=True, text=True)
    assert read.returncode == 0, read.stderr
    return int(read.stdout)


def query_count(db_path: Path) -> int | None:
    """`workplans query`'s count of documents; None before the database exists or while it stays busy past
    the query's wait."""
    if not db_path.exists():
        return None
    sql = "select count(*) as n from documents"
    result = CliRunner().invoke(app, ["query", sql, "--db", str(db_path), "--format", "csv"])
    if result.exit_code == 1 and "busy" in result.stderr:
        return None
    assert result.exit_code == 0, result.stderr
    return int(result.stdout.split()[1])


def test_sigkill_inside_a_transaction_then_two_ingests_finish_it(tmp_path: Path) -> None:
    paths = make_batch(tmp_path / "batch")
    held = add_held(tmp_path / "batch")
    db_path, marker = tmp_path / "w.duckdb", tmp_path / "in-transaction"
    ingest([paths[0]], tmp_path / "one.duckdb", isolate=False)
    expected = next(iter(rows_per_document(tmp_path / "one.duckdb").values()))

    first = start_gated(tmp_path / "batch", db_path, tmp_path / "released", stop_at_held=marker)
    alive = lambda: first.poll() is None  # noqa: E731
    assert poll_until(lambda: query_count(db_path) == BATCH_SIZE, alive), stderr_of(first)
    (tmp_path / "released").touch()
    assert poll_until(marker.exists, alive), stderr_of(first)  # the held document's rows are in, uncommitted
    kill_group(first)

    before = rows_per_document(db_path)
    assert sorted(before) == sorted(map(str, paths)) and set(before.values()) == {expected}

    runs = [start_ingest(tmp_path / "batch", db_path) for _ in range(2)]
    assert [run.wait() for run in runs] == [0, 0], [stderr_of(run) for run in runs]
    said = [stderr_of(run) for run in runs]
    assert sum(int(re.search(r"(\d+) loaded", text).group(1)) for text in said) == 1, said  # each its own loads
    after = rows_per_document(db_path)
    assert sorted(after) == sorted(map(str, [*paths, held]))
    assert {after[str(path)] for path in paths} == {expected}


def test_busy_database_is_waited_for_then_loaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db_path = tmp_path / "w.duckdb"
    ingest([SMALL], db_path, isolate=False)  # creates the database
    with lock_held(db_path) as holder:
        waits = let_go_on_first_wait(holder, monkeypatch)
        summary = ingest([SMALL], db_path, force=True, isolate=False, wait_seconds=SAFETY_SECONDS)
    assert summary.loaded == 1 and waits


def test_busy_database_past_the_wait_is_named_busy(tmp_path: Path) -> None:
    db_path = tmp_path / "w.duckdb"
    ingest([SMALL], db_path, isolate=False)
    with lock_held(db_path):
        result = CliRunner().invoke(app, ["ingest", str(SMALL), "--db", str(db_path), "--force", "--wait", "0.5"])
    assert result.exit_code == 3  # README: the command could not run
    assert "database is busy" in result.stderr
    with duckdb.connect(str(db_path), read_only=True) as con:
        assert db.integrity_problems(con) == []


def test_query_waits_for_a_load_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db_path = tmp_path / "w.duckdb"
    ingest([SMALL], db_path, isolate=False)
    with lock_held(db_path) as holder:
        waits = let_go_on_first_wait(holder, monkeypatch)
        count = query_count(db_path)
    assert count == 1 and waits


def test_query_gets_in_while_a_batch_is_being_read(tmp_path: Path) -> None:
    make_batch(tmp_path / "batch")
    add_held(tmp_path / "batch")
    db_path, release = tmp_path / "w.duckdb", tmp_path / "released"
    run = start_gated(tmp_path / "batch", db_path, release, "--workers", 2)
    seen: list[int | None] = []
    loaded_but_held = lambda: seen.append(query_count(db_path)) or seen[-1] == BATCH_SIZE  # noqa: E731
    assert poll_until(loaded_but_held, lambda: run.poll() is None), stderr_of(run)
    assert run.poll() is None  # the query got in mid-batch: the held document is still being read
    release.touch()
    assert run.wait() == 0, stderr_of(run)
    assert query_count(db_path) == BATCH_SIZE + 1


def test_writer_lets_the_database_go_every_hold_while_documents_keep_coming(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outcomes = [process_file(path) for path in make_batch(tmp_path / "batch", STREAM_SIZE, repeats=1)]
    db_path, now = tmp_path / "w.duckdb", [0.0]
    seen: list[int] = []
    monkeypatch.setattr(writer, "monotonic", lambda: now[0])
    monkeypatch.setattr(writer, "sleep", lambda seconds: seen.append(count_from_another_process(db_path)))
    stream = Writer(db_path, SAFETY_SECONDS, Summary(), lambda path, state, detail: None)
    for outcome in outcomes:
        now[0] += ARRIVAL_SECONDS
        stream.add(outcome)
    stream.flush()
    assert seen and all(0 < count < STREAM_SIZE for count in seen), seen
    assert count_from_another_process(db_path) == STREAM_SIZE


def test_ctrl_c_says_what_loaded_and_what_did_not_then_a_rerun_finishes(tmp_path: Path) -> None:
    make_batch(tmp_path / "batch")
    held = [add_held(tmp_path / "batch", name) for name in ("agenda", "minutes")]
    db_path = tmp_path / "w.duckdb"
    run = start_gated(tmp_path / "batch", db_path, tmp_path / "never-released")
    assert poll_until(lambda: query_count(db_path) == BATCH_SIZE, lambda: run.poll() is None), stderr_of(run)
    os.killpg(run.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole process group, workers included
    assert run.wait() == 130
    said = stderr_of(run)
    assert "Traceback" not in said and "ForkServerProcess" not in said, said
    expected = f"interrupted: {BATCH_SIZE} loaded, 0 failed, {len(held)} not loaded; run the same command again"
    assert expected in said, said
    rerun = subprocess.run(
        [sys.executable, "-m", "pipeline", "ingest", str(tmp_path / "batch"), "--db", str(db_path)],
        capture_output=True,
        text=True,
    )
    assert rerun.returncode == 0 and f"{len(held)} loaded, {BATCH_SIZE} skipped" in rerun.stderr, rerun.stderr


def test_sigterm_ends_a_batch_as_ctrl_c_does_and_json_still_lists_what_loaded(tmp_path: Path) -> None:
    make_batch(tmp_path / "batch")
    add_held(tmp_path / "batch")
    db_path = tmp_path / "w.duckdb"
    run = start_gated(tmp_path / "batch", db_path, tmp_path / "never-released", "--json", stdout=subprocess.PIPE)
    assert poll_until(lambda: query_count(db_path) == BATCH_SIZE, lambda: run.poll() is None), stderr_of(run)
    os.killpg(run.pid, signal.SIGTERM)  # a job scheduler's stop: every process of the group, workers included
    returncode = run.wait()
    kill_group(run)  # whatever of its group outlived it (nothing, when it ended as it should)
    out, err = (stream.read().decode(errors="replace") for stream in (run.stdout, run.stderr) if stream)
    assert returncode == 130, err
    assert "Traceback" not in err and f"interrupted: {BATCH_SIZE} loaded, 0 failed, 1 not loaded" in err, err
    states = [document["state"] for document in json.loads(out)]
    assert states.count("loaded") == BATCH_SIZE, out
    assert rows_per_document(db_path) and len(rows_per_document(db_path)) == BATCH_SIZE
