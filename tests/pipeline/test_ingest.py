"""Ingest in worker processes: a crash, hang or memory blow-up ends one document only; limits; stage timings."""

from __future__ import annotations

import ctypes
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import pytest

from normalizers.actors import Registry
from pipeline import db
from pipeline import writer as writer_module
from pipeline.frames import Frame
from pipeline.ingest import ingest
from pipeline.limits import OUT_OF_MEMORY, TIMEOUT, TOO_LARGE, TOO_MANY_PAGES, WORKER_CRASHED, Limits
from pipeline.outcome import STAGES, Outcome
from pipeline.pool import WorkerPool
from pipeline.process import process_file
from pipeline.reading import Reading
from pipeline.summary import Summary
from pipeline.writer import Writer
from tests.fixture_files import TEXT, TEXT_PLANS, TSV_PAIR

# A hang lasts far longer than the test's time limit.
HANG_SECONDS = 3600
TEST_LIMITS = Limits(max_seconds=4, max_memory_mb=256)
# For documents that must NOT be stopped by the time limit: far above what reading them takes on a loaded machine.
PATIENT_LIMITS = Limits(max_seconds=600, max_memory_mb=256)
# Documents that each wait for the other to be read at the same time; the most they wait (a failing test only).
MEETING_DOCUMENTS = 2
MEETING_SECONDS = 600.0
MEETING_LIMITS = Limits(max_seconds=2 * MEETING_SECONDS)


def hostile_task(path: Path, registry: Registry, limits: Limits, reading: Reading) -> Outcome:
    """process_file, except for files whose text names a way to misbehave."""
    behaviour = path.read_bytes()[:16].strip()
    if behaviour == b"segfault":
        ctypes.string_at(0)
    elif behaviour == b"exit":
        os._exit(3)
    elif behaviour == b"hang":
        time.sleep(HANG_SECONDS)
    elif behaviour == b"meet":
        return Outcome(str(path), None, message="met" if meet(path) else "alone")
    elif behaviour == b"memory":
        hog = bytearray(limits.max_memory_bytes * 2)
        return Outcome(str(path), None, message=str(len(hog)))
    return process_file(path, registry, limits, reading)


def meet(path: Path) -> bool:
    """Mark this document as being read, then wait for every meeting document of its folder to be read at the
    same time (True), or give up after MEETING_SECONDS (False)."""
    path.with_suffix(".reading").touch()
    deadline = time.monotonic() + MEETING_SECONDS
    while len(list(path.parent.glob("*.reading"))) < MEETING_DOCUMENTS:
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text)
    return path


def test_pool_ends_only_the_misbehaving_documents(tmp_path: Path) -> None:
    good = [write(tmp_path, f"good-{n}.txt", f"Notes of meeting {n}\nNo table here.\n") for n in (1, 2)]
    hostile = [write(tmp_path, f"{name}.txt", name) for name in ("segfault", "exit", "memory")]
    paths = [good[0], *hostile, good[1]]
    outcomes = {Path(o.path).name: o for o in WorkerPool(2, PATIENT_LIMITS, task=hostile_task).run(paths)}
    assert set(outcomes) == {path.name for path in paths}
    kinds = {name: outcome.error_kind for name, outcome in outcomes.items()}
    assert kinds["segfault.txt"] == WORKER_CRASHED and "SIGSEGV" in (outcomes["segfault.txt"].message or "")
    assert kinds["exit.txt"] == WORKER_CRASHED and "status 3" in (outcomes["exit.txt"].message or "")
    assert kinds["memory.txt"] == OUT_OF_MEMORY
    assert all(outcomes[path.name].frames is not None for path in good)


def test_a_hanging_document_is_stopped_at_the_time_limit(tmp_path: Path) -> None:
    hang = write(tmp_path, "hang.txt", "hang")
    (outcome,) = WorkerPool(1, TEST_LIMITS, task=hostile_task).run([hang])
    assert outcome.error_kind == TIMEOUT


def test_two_workers_read_two_documents_at_once(tmp_path: Path) -> None:
    meeting = [write(tmp_path, f"meet-{n}.txt", "meet") for n in range(MEETING_DOCUMENTS)]
    outcomes = WorkerPool(2, MEETING_LIMITS, task=hostile_task).run(meeting)
    assert [outcome.message for outcome in outcomes] == ["met"] * MEETING_DOCUMENTS


def test_the_largest_files_go_to_the_workers_first(tmp_path: Path) -> None:
    sizes = {"small.txt": 1, "large.txt": 50, "medium.txt": 10}
    paths = [write(tmp_path, name, "Notes\n" * lines) for name, lines in sizes.items()]
    order = [Path(o.path).name for o in WorkerPool(1, PATIENT_LIMITS, task=hostile_task).run(paths)]
    assert order == ["large.txt", "medium.txt", "small.txt"]


def test_workers_one_runs_in_a_worker_and_matches_in_process(tmp_path: Path) -> None:
    pooled = ingest(list(TSV_PAIR), tmp_path / "pool.duckdb", workers=1)
    local = ingest(list(TSV_PAIR), tmp_path / "local.duckdb", isolate=False)
    assert (pooled.loaded, pooled.activities) == (local.loaded, local.activities) == (2, 5)


def test_stage_timings_cover_every_stage(tmp_path: Path) -> None:
    summary = ingest(list(TSV_PAIR), tmp_path / "t.duckdb", workers=2)
    assert set(summary.timings) == set(STAGES)
    assert all(seconds >= 0 for seconds in summary.timings.values())


def test_file_size_limit_is_one_error_row(tmp_path: Path) -> None:
    big = write(tmp_path, "big.txt", "Activity\tLead\n" + "Coordinate\tOCHA\n" * 200)
    db_path = tmp_path / "t.duckdb"
    summary = ingest([big], db_path, limits=Limits(max_file_mb=0.001), isolate=False)
    assert [(kind, "see --max-file-mb" in message) for _, kind, message in summary.failed] == [(TOO_LARGE, True)]
    with duckdb.connect(str(db_path), read_only=True) as con:
        assert con.execute("select error from ingest_errors").fetchall() == [(TOO_LARGE,)]


def test_page_limit_stops_a_long_pdf(tmp_path: Path) -> None:
    from tools.fixtures.bad import pdf_bytes, text_page

    pdf = tmp_path / "long.pdf"
    pdf.write_bytes(pdf_bytes([text_page([f"page {n}"]) for n in range(5)]))
    outcome = process_file(pdf, limits=Limits(max_pages=3))
    assert outcome.error_kind == TOO_MANY_PAGES and "5 pages" in (outcome.message or "")


def test_a_fixed_error_is_replaced_when_the_file_loads(tmp_path: Path) -> None:
    doc = write(tmp_path, "plan.tsv", "Activity\tLead\n" + "Coordinate partners\tOCHA\n" * 50)
    db_path = tmp_path / "t.duckdb"
    ingest([doc], db_path, limits=Limits(max_file_mb=0.001), isolate=False)
    ingest([doc], db_path, isolate=False)
    with duckdb.connect(str(db_path), read_only=True) as con:
        assert con.execute("select count(*) from ingest_errors where error = ?", [TOO_LARGE]).fetchone() == (0,)
        assert con.execute("select count(*) from documents").fetchone() == (1,)


@pytest.mark.parametrize("field", ["max_file_mb", "max_pages", "max_seconds", "max_memory_mb"])
def test_limits_refuse_non_positive_values(field: str) -> None:
    with pytest.raises(ValueError, match=field):
        Limits(**{field: 0})


def test_a_load_failure_fails_that_document_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_load = db.load_documents

    def flaky_load(
        con: duckdb.DuckDBPyConnection, documents: list[tuple[dict[str, Frame], Frame]], **options: Any
    ) -> None:
        if any("agenda" in str(frames["documents"].column("path")[0]) for frames, _ in documents):
            raise ValueError("a column pyarrow cannot convert")
        real_load(con, documents, **options)

    monkeypatch.setattr(db, "load_documents", flaky_load)
    summary = ingest(list(TSV_PAIR), tmp_path / "t.duckdb", isolate=False)
    assert summary.loaded == 1
    assert [(kind, message) for _, kind, message in summary.failed] == [
        ("load_failed", "ValueError: a column pyarrow cannot convert")
    ]


def read_outcomes(paths: list[Path]) -> list[Outcome]:
    """Each file processed in this process, as a worker would hand it back."""
    return [process_file(path) for path in paths]


def test_documents_ready_together_load_in_one_transaction(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    groups: list[int] = []
    real_load = db.load_documents

    def counting_load(
        con: duckdb.DuckDBPyConnection, documents: list[tuple[dict[str, Frame], Frame]], **options: Any
    ) -> None:
        groups.append(len(documents))
        real_load(con, documents, **options)

    monkeypatch.setattr(db, "load_documents", counting_load)
    monkeypatch.setattr(writer_module, "monotonic", lambda: 0.0)  # they come within GROUP_WAIT_SECONDS of each other
    summary = Summary()
    writer = Writer(tmp_path / "t.duckdb", 10.0, summary, lambda path, state, detail: None)
    for outcome in read_outcomes(list(TEXT_PLANS)):
        writer.add(outcome)
    writer.flush()
    assert groups == [3]
    assert summary.loaded == 3
    with duckdb.connect(str(tmp_path / "t.duckdb"), read_only=True) as con:
        assert con.execute("select count(*) from documents").fetchone() == (3,)
        assert con.execute("select count(distinct document_id) from raw_cells").fetchone() == (3,)
        assert db.integrity_problems(con) == []


def test_a_group_that_fails_loads_one_by_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_load = db.load_documents

    def flaky_load(
        con: duckdb.DuckDBPyConnection,
        documents: list[tuple[dict[str, Frame], Frame]],
        then: Callable[[duckdb.DuckDBPyConnection, list[str]], object],
    ) -> None:
        def failing_then(con: duckdb.DuckDBPyConnection, document_ids: list[str]) -> None:
            if any("agenda" in str(frames["documents"].column("path")[0]) for frames, _ in documents):
                raise ValueError("a column pyarrow cannot convert")  # inside the transaction: rolled back
            then(con, document_ids)

        real_load(con, documents, then=failing_then)

    monkeypatch.setattr(db, "load_documents", flaky_load)
    states: dict[str, str] = {}
    summary = Summary()
    writer = Writer(tmp_path / "t.duckdb", 10.0, summary, lambda path, state, detail: states.update({path: state}))
    for outcome in read_outcomes([*TSV_PAIR, *TEXT_PLANS]):
        writer.add(outcome)
    writer.flush()
    assert summary.loaded == 4
    failed = [Path(path).name for path, state in states.items() if state == "failed"]
    assert failed == ["agenda-not-a-workplan.tsv"]
    with duckdb.connect(str(tmp_path / "t.duckdb"), read_only=True) as con:
        assert con.execute("select count(*) from documents").fetchone() == (4,)
        errors = con.execute("select error from ingest_errors where path like '%agenda%'").fetchall()
        assert errors == [("load_failed",)]
        assert db.integrity_problems(con) == []


def test_the_same_file_twice_in_a_batch_is_one_document_and_one_duplicate(tmp_path: Path) -> None:
    first = tmp_path / "plan.tsv"
    second = tmp_path / "copy" / "plan.tsv"
    second.parent.mkdir()
    for path in (first, second):
        path.write_bytes((TEXT / "health-workplan-2022.tsv").read_bytes())
    summary = ingest([tmp_path], tmp_path / "t.duckdb", isolate=False)
    with duckdb.connect(str(tmp_path / "t.duckdb"), read_only=True) as con:
        ((loaded,),) = con.execute("select path from documents").fetchall()
        assert db.integrity_problems(con) == []
    (duplicate,) = {str(first), str(second)} - {loaded}
    assert summary.loaded == 1
    assert [(report.path, report.message) for report in summary.duplicates] == [(duplicate, f"duplicate of {loaded}")]
