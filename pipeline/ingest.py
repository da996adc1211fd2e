"""Batch ingestion: discover files, extract and normalise in worker processes, load with one writer."""

from __future__ import annotations

from collections.abc import Generator
from contextlib import closing
from pathlib import Path

from extractors.detect import file_sha256
from pipeline import db
from pipeline.frames import ACTOR_TABLE_COLUMNS, Frame
from pipeline.limits import Limits
from pipeline.outcome import Outcome
from pipeline.paths import path_text
from pipeline.pool import Task, WorkerPool
from pipeline.settings import DEFAULT_WAIT_SECONDS
from pipeline.summary import SKIPPED, DocumentReport, Summary
from pipeline.writer import Progress, Writer


def discover(paths: list[Path]) -> list[Path]:
    """Files named and files under folders named (recursed), hidden ones left out, in order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def outcomes(
    paths: list[Path], limits: Limits, pool: WorkerPool | None, writer: Writer
) -> Generator[Outcome, None, None]:
    """Process files in the pool's workers (in this process without one), yielding outcomes as they finish;
    the writer loads what it holds, and lets the database go, while the next outcome is not ready."""
    if pool:
        yield from pool.run(paths, on_idle=writer.idle)
        return
    from normalizers.actors import load_registry  # the normalizers load spaCy: import them only where used
    from pipeline.process import process_file

    registry = load_registry()
    for path in paths:
        writer.flush()
        yield process_file(path, registry, limits)


def ingest(
    paths: list[Path],
    db_path: Path,
    workers: int = 1,
    force: bool = False,
    limits: Limits | None = None,
    wait_seconds: float = DEFAULT_WAIT_SECONDS,
    isolate: bool = True,
    on_progress: Progress = lambda path, state, detail: None,
    task: Task | None = None,
) -> Summary:
    """Load every document of `paths`; a failure is recorded and the batch goes on.

    Each document is read in one of `workers` worker processes under `limits` (in this process, without
    limits on time or memory, when not `isolate`: for tests and library use). The database is held for
    writing only while documents are loaded (see Writer), so `query` and other ingests can get in between;
    each hold waits up to `wait_seconds` for the lock, then raises DatabaseBusy. `task` is what a worker runs
    per document (pipeline.process.process_file unless given: tests hold or break documents with it).
    """
    summary = Summary()
    limits = limits or Limits()
    with db.writing(db_path, wait_seconds) as con:
        known = set() if force else db.loaded_sha256s(con)
    todo = []
    for path in discover(paths):
        if is_known(path, known, limits):
            summary.documents.append(DocumentReport(path_text(path), SKIPPED, message="already loaded"))
            on_progress(path_text(path), SKIPPED, "already loaded")
        else:
            todo.append(path)
    if not todo:  # nothing to read: no workers, no registry (a re-ingest of a loaded batch stays quick)
        return summary
    pool = WorkerPool(workers, limits, task) if isolate else None
    if pool:
        pool.warm()
    actors = registry_actors()
    with db.writing(db_path, wait_seconds) as con:
        db.replace_actors(con, actors)
    writer = Writer(db_path, wait_seconds, summary, on_progress, force)
    try:
        with closing(outcomes(todo, limits, pool, writer)) as results:
            for outcome in results:
                writer.add(outcome)
        writer.flush()
    finally:
        writer.release()
    return summary


def is_known(path: Path, known: set[str], limits: Limits) -> bool:
    """True when the file (within the size limit, so worth hashing) is already loaded."""
    return (
        bool(known) and path.is_file() and path.stat().st_size <= limits.max_file_bytes and file_sha256(path) in known
    )


def registry_actors() -> Frame:
    """The registry's actors, for the actors table (db.replace_actors keeps the ones reviewers created)."""
    from normalizers.actor_registry import load_registry  # the registry alone: no spaCy in this process

    return Frame(
        ACTOR_TABLE_COLUMNS,
        [
            (a.actor_id, a.name, a.acronym, a.actor_type, a.parent_id, "|".join(a.aliases) or None, a.iati_org_type)
            + (a.country, a.provisional)
            for a in load_registry().actors.values()
        ],
    )
