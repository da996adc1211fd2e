"""`workplans ingest --executor ray`: the same reading of documents, spread over a Ray cluster, into a Parquet lake.

Ray Data reads the files (as bytes, so they may live on storage the workers share or on object storage), and
each Ray task hands its documents to the local worker pool (pipeline.pool: pipeline.process.process_file in a
worker process, under the same limits on time and memory) and writes what comes back to the lake
(pipeline.lake). A document that fails is an ingest_errors row as in a local ingest; a task whose Ray worker dies
is tried again (TASK_RETRIES times), and its documents' files are written again under the same names, so a retry
never duplicates a row. Ray is an optional extra (`pip install -e '.[ray]'`): only this module imports it.
"""

from __future__ import annotations

import json
import logging
import math
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from extractors.detect import file_sha256
from pipeline.discover import NOT_FOUND, discover
from pipeline.frames import Frame
from pipeline.ingest import MISSING_MESSAGE, Interrupted, registry_actors
from pipeline.lake import is_in_lake, load_runs, new_load_run, path_in_run, write_actors, write_outcome
from pipeline.limits import WORKER_CRASHED, Limits
from pipeline.outcome import Outcome
from pipeline.paths import path_bytes, path_text
from pipeline.pool import Task, WorkerPool
from pipeline.summary import DUPLICATE, FAILED, SKIPPED, DocumentReport, Summary
from pipeline.writer import Progress, loaded_report, progress_detail

if TYPE_CHECKING:
    import numpy as np

# How often Ray runs a task again after its worker died (a lost node, a killed process) before the task's
# documents are recorded as failed: bounded, so that a document that takes down every worker does not loop.
TASK_RETRIES = 2
# Documents per Ray task: one, so that a retry redoes one document and the tasks spread evenly; raise it on a
# cluster with very many short documents, where the cost of a task starts to show.
DOCUMENTS_PER_TASK = 1
CRASHED_MESSAGE = f"the Ray task reading this document failed {TASK_RETRIES + 1} times (its worker died)"


class RayMissing(Exception):
    """The Ray extra is not installed."""


@dataclass(frozen=True)
class LakeJob:
    """What every Ray task needs to put its documents in the lake."""

    lake: Path
    run: str
    earlier_runs: tuple[str, ...]  # documents whole in one of these are skipped unless `force`
    limits: Limits
    force: bool
    task: Task | None = None  # what the pool's worker runs per document (tests break documents with it)


def read_into_lake(batch: dict[str, np.ndarray], job: LakeJob) -> dict[str, list[str]]:
    """A Ray task: the documents Ray Data read (paths and bytes), through the local pool, into the lake; one
    report (JSON) per document."""
    with tempfile.TemporaryDirectory(prefix="workplans-ray-") as folder:
        copies: dict[str, str] = {}  # the copy read by the pool -> the path as given
        for index, (original, data) in enumerate(zip(batch["path"], batch["bytes"], strict=True)):
            copy = Path(folder) / str(index) / Path(str(original)).name  # the file name kept: titles and years use it
            copy.parent.mkdir()
            copy.write_bytes(bytes(data))
            copies[str(copy)] = str(original)
        return {"report": [json.dumps(settled) for settled in settle_copies(copies, job)]}


def settle_copies(copies: dict[str, str], job: LakeJob) -> Iterator[dict[str, Any]]:
    """Each copy skipped (already in the lake), or read by the pool and written to the lake; its report."""
    todo = []
    for copy, original in copies.items():
        sha256 = file_sha256(Path(copy))
        if not job.force and is_in_lake(job.lake, list(job.earlier_runs), sha256):
            yield settled(DocumentReport(path_text(original), SKIPPED, message="already in the lake"))
        else:
            todo.append(Path(copy))
    if not todo:
        return
    with plain_main():
        for outcome in WorkerPool(1, job.limits, job.task).run(todo):
            yield settle(relabeled(outcome, copies[outcome.path]), job)


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
    """Write a document's outcome to the lake (unless another file with the same bytes is there); its report."""
    if outcome.frames is None:
        write_outcome(job.lake, job.run, outcome)
        return settled(failed_report(outcome), outcome.timings)
    assert outcome.sha256 is not None
    first = path_in_run(job.lake, job.run, outcome.sha256)
    if first is not None and first != path_text(outcome.path):
        return settled(DocumentReport(path_text(outcome.path), DUPLICATE, message=f"duplicate of {first}"))
    write_outcome(job.lake, job.run, outcome)
    summary = Summary()
    report = loaded_report(outcome, {}, summary)
    return settled(report, summary.timings, summary.issues)


def settled(
    report: DocumentReport, timings: dict[str, float] | None = None, issues: list[tuple[str, str, str]] | None = None
) -> dict[str, Any]:
    """A document's report with its stage timings and problems, as it crosses back to the driver."""
    return {"report": report.as_json(), "timings": timings or {}, "issues": issues or []}


def relabeled(outcome: Outcome, original: str) -> Outcome:
    """An outcome of a copy, with the path as given wherever the copy's path stands."""
    copy = outcome.path
    text, raw = path_text(original), path_bytes(original)
    frames = outcome.frames and {
        table: with_path(frame, text, raw) if table == "documents" else frame for table, frame in outcome.frames.items()
    }
    issues = outcome.issues and with_path(outcome.issues, text, raw)
    message = outcome.message and outcome.message.replace(copy, text)
    return replace(outcome, path=original, frames=frames, issues=issues, message=message)


def with_path(frame: Frame, text: str, raw: bytes | None) -> Frame:
    """A frame whose `path` and `path_bytes` columns hold another path."""
    at = {frame.columns.index("path"): text, frame.columns.index("path_bytes"): raw}
    return Frame(frame.columns, [tuple(at.get(index, value) for index, value in enumerate(row)) for row in frame.rows])


def ingest_to_lake(
    paths: list[Path],
    lake: Path,
    workers: int = 1,
    address: str | None = None,
    force: bool = False,
    limits: Limits | None = None,
    on_progress: Progress = lambda path, state, detail: None,
    task: Task | None = None,
    documents_per_task: int = DOCUMENTS_PER_TASK,
) -> Summary:
    """Read every document of `paths` on a Ray cluster (the one at `address`; else a local one of `workers`
    CPUs, or the one this process is connected to) into a new load run of the lake; a failure is recorded and
    the batch goes on. Ctrl-C raises Interrupted with the summary so far."""
    summary = Summary()
    found = discover(paths)
    summary.warnings.extend(found.warnings)
    files = [path for path in found.files if lake.resolve() not in path.resolve().parents]
    earlier_runs = tuple(load_runs(lake))
    run = new_load_run()
    write_actors(lake, run, registry_actors())
    for path in found.missing:
        record(lake, run, Outcome(str(path), None, error_kind=NOT_FOUND, message=MISSING_MESSAGE), summary, on_progress)
    if not files:
        return summary
    job = LakeJob(lake, run, earlier_runs, limits or Limits(), force, task)
    started = start_ray(address, workers)
    settled_before = len(summary.documents)
    try:
        for row in read_on_ray(files, job, documents_per_task):
            add_settled(json.loads(row), summary, on_progress)
    except KeyboardInterrupt as interrupt:
        raise Interrupted(summary, len(files) - (len(summary.documents) - settled_before)) from interrupt
    finally:
        if started:
            stop_ray()
    reported = {report.path for report in summary.documents}
    for path in files:
        if path_text(path) not in reported:
            record(lake, run, Outcome(str(path), None, error_kind=WORKER_CRASHED, message=CRASHED_MESSAGE), summary)
    return summary


def read_on_ray(files: list[Path], job: LakeJob, documents_per_task: int) -> Iterator[str]:
    """The documents' reports as the Ray tasks finish them; a task that failed past its retries drops its
    documents (they have no report) and the rest go on."""
    import ray.data

    context = ray.data.DataContext.get_current()
    context.max_errored_blocks = -1  # a task that failed past its retries loses its documents, not the batch
    context.enable_progress_bars = False
    context.print_on_execution_start = False
    dataset = ray.data.read_binary_files(
        [str(path) for path in files],
        include_paths=True,
        override_num_blocks=math.ceil(len(files) / documents_per_task),
        ray_remote_args={"max_retries": TASK_RETRIES},
    )
    reports = dataset.map_batches(
        partial(read_into_lake, job=job), batch_size=None, num_cpus=1, max_retries=TASK_RETRIES
    )
    for row in reports.iter_rows():
        yield str(row["report"])


def add_settled(settled_row: dict[str, Any], summary: Summary, on_progress: Progress) -> None:
    """Add a document's report, timings and problems (from a Ray task) to the batch's."""
    fields = settled_row["report"]
    report = DocumentReport(**{**fields, "warnings": tuple(fields["warnings"])})
    summary.documents.append(report)
    summary.add_timings(settled_row["timings"])
    summary.issues.extend(tuple(issue) for issue in settled_row["issues"])
    on_progress(report.path, report.state, progress_detail(report))


def record(
    lake: Path, run: str, outcome: Outcome, summary: Summary, on_progress: Progress = lambda path, state, d: None
) -> None:
    """Write a failure found by the driver (a path that does not exist, a task that failed past its retries)."""
    write_outcome(lake, run, outcome)
    add_settled(settled(failed_report(outcome)), summary, on_progress)


def failed_report(outcome: Outcome) -> DocumentReport:
    """The report of a document that failed."""
    return DocumentReport(path_text(outcome.path), FAILED, error=outcome.error_kind, message=outcome.message or "")


def start_ray(address: str | None, workers: int) -> bool:
    """Connect to the cluster at `address`, or start a local one of `workers` CPUs; nothing when this process is
    connected already. True when this call started or joined one (and stop_ray must end it)."""
    try:
        import ray
    except ImportError as error:
        raise RayMissing("the Ray executor needs the extra: pip install -e '.[ray]' (or make install-ray)") from error
    if ray.is_initialized():
        return False
    options: dict[str, Any] = {"address": address} if address else {"num_cpus": workers}
    ray.init(**options, include_dashboard=False, logging_level=logging.WARNING, log_to_driver=False)
    return True


def stop_ray() -> None:
    """Leave the cluster (a local one ends)."""
    import ray

    ray.shutdown()
