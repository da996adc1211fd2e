"""Batch ingestion: discover files, extract and normalise in worker processes, load with one writer."""

from __future__ import annotations

from collections.abc import Generator
from contextlib import closing
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

import duckdb

from extractors.detect import file_sha256
from pipeline import db
from pipeline.discover import NOT_FOUND, discover
from pipeline.frames import ACTOR_TABLE_COLUMNS, Frame
from pipeline.limits import Limits
from pipeline.mapping import Corrections, overrides_hash
from pipeline.outcome import Outcome
from pipeline.paths import path_text
from pipeline.plans import copies_loaded, regroup_plans
from pipeline.pool import PageProgress, Task, WorkerPool, file_formats
from pipeline.reading import Reading
from pipeline.settings import DEFAULT_WAIT_SECONDS
from pipeline.summary import FAILED, LOADED, SKIPPED, DocumentReport, Summary
from pipeline.writer import Progress, Writer

MISSING_MESSAGE = "no such file or folder"


@dataclass(frozen=True)
class PageReading:
    """The engine PDFs are read with and who is told of each page, for documents read without workers."""

    pdf_engine: str | None
    on_page: PageProgress

    def reading(self, path: Path) -> Reading:
        """How to read `path`: its pages told with its name."""
        return Reading(self.pdf_engine, partial(self.on_page, str(path)))


def outcomes(
    paths: list[Path],
    limits: Limits,
    pool: WorkerPool | None,
    writer: Writer,
    pages: PageReading,
    corrections: Corrections,
) -> Generator[Outcome, None, None]:
    """Process files in the pool's workers (in this process without one, with the pool's engine and page
    callback), yielding outcomes as they finish; the writer loads what it holds, and lets the database go,
    while the next outcome is not ready."""
    if pool:
        yield from pool.run(paths, on_idle=writer.idle)
        return
    from normalizers.actors import load_registry  # the normalizers load spaCy: import them only where used
    from pipeline.process import process_file

    registry = load_registry()
    for path in paths:
        writer.flush()
        yield process_file(path, registry, limits, pages.reading(path), corrections)


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
    corrections: Corrections | None = None,
    pdf_engine: str | None = None,
    on_page: PageProgress = lambda path, done, total: None,
) -> Summary:
    """Load every document of `paths`; a failure is recorded and the batch goes on.

    Each document is read in one of `workers` worker processes under `limits` (in this process, without
    limits on time or memory, when not `isolate`: for tests and library use). The database is held for
    writing only while documents are loaded (see Writer), so `query` and other ingests can get in between;
    each hold waits up to `wait_seconds` for the lock, then raises DatabaseBusy. `task` is what a worker runs
    per document (pipeline.process.process_file unless given: tests hold or break documents with it). PDFs are
    read with `pdf_engine` (None: the extractor's default); `on_page` is told of every page read, from inside
    the workers. Ctrl-C raises Interrupted, which carries the batch's summary so far. `corrections` are the
    analysts' mappings (pipeline/mapping.py): a loaded document whose corrections changed since it was read is
    read again.
    """
    summary = Summary()
    limits = limits or Limits()
    with db.writing(db_path, wait_seconds) as con:
        known = {} if force else db.loaded_sha256s(con)
        found = discover(paths, leave_out=database_files(db_path))
        summary.warnings.extend(found.warnings)
        for path in found.missing:
            summary.documents.append(record_missing(con, path))
            on_progress(path_text(path), FAILED, f"{NOT_FOUND}: {MISSING_MESSAGE}")
    todo = []
    for path in found.files:
        if is_known(path, known, limits, corrections):
            summary.documents.append(DocumentReport(path_text(path), SKIPPED, message="already loaded"))
            on_progress(path_text(path), SKIPPED, "already loaded")
        else:
            todo.append(path)
    if not todo:  # nothing to read: no workers, no registry (a re-ingest of a loaded batch stays quick)
        return summary
    corrections = corrections or Corrections()
    if task is None and corrections.entries:
        from pipeline.process import process_file  # the normalizers: imported only where used

        task = partial(process_file, corrections=corrections)
    pool = (
        WorkerPool(workers, limits, task, pdf_engine=pdf_engine, on_page=on_page, formats=file_formats(todo))
        if isolate
        else None
    )
    writer = Writer(db_path, wait_seconds, summary, on_progress, force)
    settled = len(summary.documents)
    try:
        read_and_load(todo, limits, pool, writer, PageReading(pdf_engine, on_page), corrections)
    except KeyboardInterrupt as interrupt:
        raise Interrupted(summary, len(todo) - (len(summary.documents) - settled)) from interrupt
    if summary.loaded:
        with db.writing(db_path, wait_seconds) as con:
            group_plans(con, summary)
    return summary


def group_plans(con: duckdb.DuckDBPyConnection, summary: Summary) -> None:
    """Group the documents holding the same plan (pipeline/plans.py); the batch's copies are counted and each
    loaded copy names its plan's primary document."""
    groups = regroup_plans(con)
    loaded = [report.document_id for report in summary.in_state(LOADED) if report.document_id]
    summary.copies = copies_loaded(groups, loaded)
    primaries = dict(
        con.execute(
            "SELECT d.document_id, p.path FROM documents AS d JOIN documents AS p "
            "ON p.plan_group = d.plan_group AND p.is_primary "
            "WHERE NOT d.is_primary AND list_contains(?, d.document_id)",
            [loaded],
        ).fetchall()
    )
    summary.documents = [
        replace(report, copy_of=primaries[report.document_id]) if report.document_id in primaries else report
        for report in summary.documents
    ]


def read_and_load(
    todo: list[Path],
    limits: Limits,
    pool: WorkerPool | None,
    writer: Writer,
    pages: PageReading,
    corrections: Corrections,
) -> None:
    """Read the files (in the pool's workers, when given) and load them through the writer."""
    if pool:
        pool.warm()
    load_outcomes(outcomes(todo, limits, pool, writer, pages, corrections), writer)


def load_outcomes(results: Generator[Outcome, None, None], writer: Writer) -> None:
    """Make the actors table the registry's, then load the outcomes through the writer as they come (from the
    workers, or read back from a Parquet lake)."""
    actors = registry_actors()
    with db.writing(writer.path, writer.wait_seconds) as con:
        db.replace_actors(con, actors)
    try:
        with closing(results):
            for outcome in results:
                writer.add(outcome)
        writer.flush()
    finally:
        writer.release()


class Interrupted(KeyboardInterrupt):
    """Ctrl-C during a batch: what it had done, and how many of its files it had not settled."""

    def __init__(self, summary: Summary, not_loaded: int) -> None:
        super().__init__()
        self.summary = summary
        self.not_loaded = not_loaded


def database_files(db_path: Path) -> tuple[Path, Path]:
    """The database and its write-ahead log: never documents to read, even in a folder being ingested."""
    return db_path, db_path.with_name(db_path.name + ".wal")


def record_missing(con: duckdb.DuckDBPyConnection, path: Path) -> DocumentReport:
    """The ingest_errors row and report of a path given that does not exist."""
    db.record_error(con, str(path), None, NOT_FOUND, MISSING_MESSAGE)
    return DocumentReport(path_text(path), FAILED, error=NOT_FOUND, message=MISSING_MESSAGE)


def is_known(path: Path, known: dict[str, str | None], limits: Limits, corrections: Corrections | None) -> bool:
    """True when the file (within the size limit, so worth hashing) is already loaded, read under the same
    corrections as now."""
    if not (known and path.is_file() and path.stat().st_size <= limits.max_file_bytes):
        return False
    sha256 = file_sha256(path)
    overrides = corrections.for_document(path, sha256) if corrections else None
    return sha256 in known and known[sha256] == overrides_hash(overrides)


def registry_actors() -> Frame:
    """The registry's actors, for the actors table (db.replace_actors keeps the ones reviewers created)."""
    from normalizers.actor_registry import load_actors  # the actors alone: their match indexes are the workers'

    return Frame(
        ACTOR_TABLE_COLUMNS,
        [
            (a.actor_id, a.name, a.acronym, a.actor_type, a.parent_id, "|".join(a.aliases) or None, a.iati_org_type)
            + (a.country, a.provisional)
            for a in load_actors().values()
        ],
    )
