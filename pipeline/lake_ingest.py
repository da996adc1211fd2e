"""`workplans ingest --lake DIR`: documents into a new load run of a Parquet lake (pipeline.lake) instead of the
database, read by an executor: the local worker pool on this machine, or Ray tasks on a cluster
(pipeline.ray_executor), each handing its documents to the same pool and the same writing of the lake.

A document already whole in an earlier load run (same SHA-256) is skipped unless forced; a document with the same
bytes as another of the batch is that one's duplicate; a document that fails is an ingest_errors row, and the batch
goes on.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from types import ModuleType
from typing import Any

from extractors.detect import file_sha256
from pipeline.discover import NOT_FOUND, discover
from pipeline.frames import Frame
from pipeline.ingest import MISSING_MESSAGE, Interrupted, registry_actors
from pipeline.lake import is_in_lake, load_runs, new_load_run, path_in_run, write_actors, write_outcome
from pipeline.limits import WORKER_CRASHED, Limits
from pipeline.outcome import Outcome
from pipeline.paths import path_bytes, path_text
from pipeline.pool import Task, WorkerPool
from pipeline.review import QUEUE_METHODS
from pipeline.summary import DUPLICATE, FAILED, SKIPPED, DocumentReport, Summary
from pipeline.writer import Progress, loaded_report, progress_detail

UNSETTLED_MESSAGE = "its executor gave no result for it (the task reading it failed past its retries)"


@dataclass(frozen=True)
class LakeJob:
    """What every reader of documents needs to put them in the lake."""

    lake: Path
    run: str
    earlier_runs: tuple[str, ...]  # documents whole in one of these are skipped unless `force`
    limits: Limits
    force: bool
    workers: int = 1
    task: Task | None = None  # what the pool's worker runs per document (tests break documents with it)


# An executor: reads the files into the lake and yields each document's settled row (see `settled`) as it goes.
Executor = Callable[[list[Path], LakeJob], Iterator[dict[str, Any]]]


def read_locally(files: list[Path], job: LakeJob) -> Iterator[dict[str, Any]]:
    """The local executor: the worker pool of this machine."""
    return settle_files({str(path): str(path) for path in files}, job)


def settle_files(files: dict[str, str], job: LakeJob) -> Iterator[dict[str, Any]]:
    """Each file (the file to read -> the path it stands for) skipped when the lake holds it, else read by the
    pool and written to the lake; its settled row."""
    todo = []
    for readable, original in files.items():
        sha256 = file_sha256(Path(readable)) if Path(readable).is_file() else None
        if sha256 and not job.force and is_in_lake(job.lake, list(job.earlier_runs), sha256):
            yield settled(DocumentReport(path_text(original), SKIPPED, message="already in the lake"))
        else:
            todo.append(Path(readable))
    if not todo:
        return
    with plain_main():
        for outcome in WorkerPool(job.workers, job.limits, job.task).run(todo):
            yield settle(relabeled(outcome, files[outcome.path]), job)


@contextmanager
def plain_main() -> Iterator[None]:
    """No main module while the pool starts its workers: multiprocessing imports the main module again in every
    worker it starts, and a Ray worker's is Ray's own script (seconds of imports per document)."""
    main = sys.modules["__main__"]
    sys.modules["__main__"] = ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = main


def settle(outcome: Outcome, job: LakeJob) -> dict[str, Any]:
    """Write a document's outcome to the lake (unless a file with the same bytes is there in this run already)."""
    if outcome.frames is None:
        write_outcome(job.lake, job.run, outcome)
        return settled(failed_report(outcome), outcome.timings)
    assert outcome.sha256 is not None
    first = path_in_run(job.lake, job.run, outcome.sha256)
    if first is not None and first != path_text(outcome.path):
        return settled(DocumentReport(path_text(outcome.path), DUPLICATE, message=f"duplicate of {first}"))
    write_outcome(job.lake, job.run, outcome)
    summary = Summary()
    report = loaded_report(outcome, mentions_to_review(outcome.frames), summary)
    return settled(report, summary.timings, summary.issues)


def mentions_to_review(frames: dict[str, Frame]) -> dict[str, int]:
    """How many of a document's actor mentions wait for a person (the review_queue view's rule), by its id."""
    methods = frames["activity_actors"].column("method")
    document_id = str(frames["documents"].column("document_id")[0])
    return {document_id: sum(method in QUEUE_METHODS for method in methods)}


def settled(
    report: DocumentReport, timings: dict[str, float] | None = None, issues: list[tuple[str, str, str]] | None = None
) -> dict[str, Any]:
    """A document's report with its stage timings and problems, as plain data (it may cross from a Ray task)."""
    return {"report": report.as_json(), "timings": timings or {}, "issues": issues or []}


def failed_report(outcome: Outcome) -> DocumentReport:
    """The report of a document that failed."""
    return DocumentReport(path_text(outcome.path), FAILED, error=outcome.error_kind, message=outcome.message or "")


def relabeled(outcome: Outcome, original: str) -> Outcome:
    """An outcome of a copy, with the path it stands for wherever the copy's path stands."""
    if outcome.path == original:
        return outcome
    text, raw = path_text(original), path_bytes(original)
    frames = outcome.frames and {
        table: with_path(frame, text, raw) if table == "documents" else frame for table, frame in outcome.frames.items()
    }
    issues = outcome.issues and with_path(outcome.issues, text, raw)
    message = outcome.message and outcome.message.replace(outcome.path, text)
    return replace(outcome, path=original, frames=frames, issues=issues, message=message)


def with_path(frame: Frame, text: str, raw: bytes | None) -> Frame:
    """A frame whose `path` and `path_bytes` columns hold another path."""
    at = {frame.columns.index("path"): text, frame.columns.index("path_bytes"): raw}
    return Frame(frame.columns, [tuple(at.get(index, value) for index, value in enumerate(row)) for row in frame.rows])


def ingest_to_lake(
    paths: list[Path],
    lake: Path,
    executor: Executor = read_locally,
    workers: int = 1,
    force: bool = False,
    limits: Limits | None = None,
    on_progress: Progress = lambda path, state, detail: None,
    task: Task | None = None,
) -> Summary:
    """Read every document of `paths` with the executor into a new load run of the lake; Ctrl-C raises Interrupted
    with the summary so far."""
    summary = Summary()
    found = discover(paths)
    summary.warnings.extend(found.warnings)
    files = [path for path in found.files if lake.resolve() not in path.resolve().parents]
    job = LakeJob(lake, new_load_run(), tuple(load_runs(lake)), limits or Limits(), force, workers, task)
    write_actors(lake, job.run, registry_actors())
    for path in found.missing:
        record(job, Outcome(str(path), None, error_kind=NOT_FOUND, message=MISSING_MESSAGE), summary, on_progress)
    before = len(summary.documents)
    try:
        for row in executor(files, job) if files else ():
            add_settled(row, summary, on_progress)
    except KeyboardInterrupt as interrupt:
        raise Interrupted(summary, len(files) - (len(summary.documents) - before)) from interrupt
    reported = {report.path for report in summary.documents}
    for path in files:
        if path_text(path) not in reported:
            outcome = Outcome(str(path), None, error_kind=WORKER_CRASHED, message=UNSETTLED_MESSAGE)
            record(job, outcome, summary, on_progress)
    return summary


def add_settled(row: dict[str, Any], summary: Summary, on_progress: Progress) -> None:
    """Add a document's settled row to the batch's figures, and report it."""
    fields = row["report"]
    report = DocumentReport(**{**fields, "warnings": tuple(fields["warnings"])})
    summary.documents.append(report)
    summary.add_timings(row["timings"])
    summary.issues.extend(tuple(issue) for issue in row["issues"])
    on_progress(report.path, report.state, progress_detail(report))


def record(job: LakeJob, outcome: Outcome, summary: Summary, on_progress: Progress) -> None:
    """Write a failure the driver found (a path that does not exist, a document no task settled)."""
    write_outcome(job.lake, job.run, outcome)
    add_settled(settled(failed_report(outcome)), summary, on_progress)


def settled_json(rows: Iterator[dict[str, Any]]) -> list[str]:
    """Settled rows as JSON text (how they leave a Ray task)."""
    return [json.dumps(row) for row in rows]
