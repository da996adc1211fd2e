"""The one writer of a batch: loads the workers' outcomes into DuckDB, several documents per transaction,
and keeps the batch's closing figures."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from time import monotonic, perf_counter, sleep

import duckdb

from pipeline import db
from pipeline.frames import Frame
from pipeline.outcome import Outcome
from pipeline.paths import path_text
from pipeline.review import apply_stored_decisions
from pipeline.summary import DUPLICATE, FAILED, LOADED, SKIPPED, DocumentReport, MentionCounts, Summary

# on_progress(path, state, detail): state is one of pipeline.summary's (loaded, failed, skipped, duplicate);
# detail is the number of pages read when loaded (as text, "" when the format has no pages), else the message
# ("kind: message" on failure).
Progress = Callable[[str, str, str], None]
# The longest the writer holds the database without a break, and the break it then takes: longer than
# db.LOCK_POLL_SECONDS, so that a process waiting for the lock gets it.
HOLD_SECONDS = 2.0
YIELD_SECONDS = 0.1
# How long a read document waits for others to be loaded with it, in one transaction; the most documents,
# and raw cells, in one such group (the bound keeps the writer's memory small).
GROUP_WAIT_SECONDS = 0.25
GROUP_DOCUMENTS = 25
GROUP_CELLS = 50_000


class Writer:
    """Loads outcomes through one connection, several documents per transaction: an outcome waits up to
    GROUP_WAIT_SECONDS for others to join it, so that on short documents the writer spends its time on rows,
    not on statements, and keeps up with the workers. The database stays open while the batch waits for its
    workers (opening it costs tens of ms, as much as loading a short document), at most HOLD_SECONDS at a
    stretch: then it is let go, at once while the batch waits, else for a moment before the next load, so that
    `query` and other ingests get in."""

    def __init__(
        self, path: Path, wait_seconds: float, summary: Summary, on_progress: Progress, force: bool = False
    ) -> None:
        self.path = path
        self.wait_seconds = wait_seconds
        self.summary = summary
        self.on_progress = on_progress
        self.force = force  # replace a document another ingest loaded meanwhile (else it is skipped)
        self.first_paths: dict[str, str] = {}  # SHA-256 -> the path of this batch's first file with it
        self.pending: list[Outcome] = []
        self.first_pending = 0.0  # when the oldest waiting outcome came
        self.con: duckdb.DuckDBPyConnection | None = None
        self.opened = 0.0

    def add(self, outcome: Outcome) -> None:
        """Take an outcome; load the waiting ones when they make a full group or have waited long enough."""
        if not self.pending:
            self.first_pending = monotonic()
        self.pending.append(outcome)
        cells = sum(len(waiting.frames["raw_cells"]) for waiting in self.pending if waiting.frames is not None)
        if len(self.pending) >= GROUP_DOCUMENTS or cells >= GROUP_CELLS or self.waited_enough():
            self.load_pending()

    def idle(self) -> None:
        """While the batch waits for its workers: load the waiting outcomes once they have waited long enough;
        let the database go once it has been held HOLD_SECONDS."""
        if self.pending:
            if self.waited_enough():
                self.load_pending()
        elif self.con is not None and monotonic() - self.opened >= HOLD_SECONDS:
            self.release()

    def waited_enough(self) -> bool:
        """True when the oldest waiting outcome has waited GROUP_WAIT_SECONDS for others."""
        return monotonic() - self.first_pending >= GROUP_WAIT_SECONDS

    def flush(self) -> None:
        """Load every waiting outcome, then let the database go."""
        self.load_pending()
        self.release()

    def load_pending(self) -> None:
        """Load the waiting outcomes, record the failed ones, and report each."""
        group, self.pending = self.pending, []
        if not group:
            return
        con = self.connection()
        reports = {outcome.path: self.settle_unloadable(con, outcome) for outcome in group}
        readable = [outcome for outcome in group if reports[outcome.path] is None]
        reports.update(load_group(con, readable, self.summary))
        for outcome in group:
            report = reports[outcome.path]
            assert report is not None
            self.summary.documents.append(report)
            self.on_progress(report.path, report.state, progress_detail(report))

    def settle_unloadable(self, con: duckdb.DuckDBPyConnection, outcome: Outcome) -> DocumentReport | None:
        """The report of an outcome not to load: a failure (recorded), the same bytes as another file of this
        batch, or a document another ingest loaded meanwhile; None for one to load."""
        path = path_text(outcome.path)
        if outcome.frames is None or outcome.issues is None:
            return record_failure(con, outcome, self.summary)
        assert outcome.sha256 is not None
        first = self.first_paths.setdefault(outcome.sha256, path)
        if first != path:
            self.summary.add_timings(outcome.timings)
            return DocumentReport(path, DUPLICATE, message=f"duplicate of {first}")
        mapping_hash = outcome.frames["documents"].column("mapping_hash")[0]
        if not self.force and db.is_loaded(con, outcome.sha256, None if mapping_hash is None else str(mapping_hash)):
            self.summary.add_timings(outcome.timings)
            return DocumentReport(path, SKIPPED, message="loaded meanwhile by another ingest")
        return None

    def connection(self) -> duckdb.DuckDBPyConnection:
        """The open connection, opened (waiting for the lock) when needed."""
        if self.con is not None and monotonic() - self.opened > HOLD_SECONDS:
            self.release()
            sleep(YIELD_SECONDS)
        if self.con is None:
            self.con = db.open_db(self.path, wait_seconds=self.wait_seconds)
            self.con.execute("SET threads = 1")  # small inserts: more threads would take cores from the workers
            self.opened = monotonic()
        return self.con

    def release(self) -> None:
        """Close the database, letting other processes in."""
        if self.con is not None:
            self.con.close()
            self.con = None


def progress_detail(report: DocumentReport) -> str:
    """What on_progress says of a settled document: pages read when loaded, "kind: message" on failure."""
    if report.state == LOADED:
        return "" if report.pages is None else str(report.pages)
    if report.state == FAILED:
        return f"{report.error}: {report.message}"
    return report.message


def record_failure(con: duckdb.DuckDBPyConnection, outcome: Outcome, summary: Summary) -> DocumentReport:
    """Record a document that could not be read."""
    summary.add_timings(outcome.timings)
    return fail(con, outcome.path, outcome.sha256, outcome.error_kind or "internal_error", outcome.message or "")


def load_group(con: duckdb.DuckDBPyConnection, group: list[Outcome], summary: Summary) -> dict[str, DocumentReport]:
    """Load read documents in one transaction; when that fails, each alone, so that one document that cannot
    be loaded fails by itself. Returns each document's report."""
    if not group:
        return {}
    start = perf_counter()
    try:
        db.load_documents(con, [rows_of(outcome) for outcome in group], then=apply_stored_decisions)
    except Exception as error:  # duckdb refusing a value: the group, then that document, fails
        if len(group) > 1:
            return {path: report for outcome in group for path, report in load_group(con, [outcome], summary).items()}
        summary.add_timings(group[0].timings)
        message = f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"
        return {group[0].path: fail(con, group[0].path, group[0].sha256, "load_failed", message)}
    summary.add_timings({"load": perf_counter() - start})
    mentions = db.mention_counts(
        con, [str(rows_of(outcome)[0]["documents"].column("document_id")[0]) for outcome in group]
    )
    return {outcome.path: loaded_report(outcome, mentions, summary) for outcome in group}


def rows_of(outcome: Outcome) -> tuple[dict[str, Frame], Frame]:
    """The frames and issues of a document that was read."""
    assert outcome.frames is not None and outcome.issues is not None
    return outcome.frames, outcome.issues


def loaded_report(outcome: Outcome, mentions: dict[str, MentionCounts], summary: Summary) -> DocumentReport:
    """The report of a loaded document; its problems and timings join the batch's."""
    frames, issues = rows_of(outcome)
    summary.add_timings(outcome.timings)
    path = path_text(outcome.path)
    kinds = [str(kind) for kind in issues.column("error")]
    summary.issues.extend(
        (path, kind, str(message)) for kind, message in zip(kinds, issues.column("message"), strict=True)
    )
    head = dict(zip(frames["documents"].columns, frames["documents"].rows[0], strict=True))
    pages = head["pages"]
    counts = mentions.get(str(head["document_id"]), MentionCounts())
    return DocumentReport(
        path,
        LOADED,
        format=str(head["format"]),
        pages=pages if isinstance(pages, int) else None,
        tables=len(frames["raw_tables"]),
        activities=len(frames["activities"]),
        pending=counts.pending,
        provisional=counts.provisional,
        not_actor=counts.not_actor,
        warnings=tuple(dict.fromkeys(kinds)),
        document_id=str(head["document_id"]),
    )


def fail(con: duckdb.DuckDBPyConnection, path: str, sha256: str | None, kind: str, message: str) -> DocumentReport:
    """Record a failed document."""
    db.record_error(con, path, sha256, kind, message)
    return DocumentReport(path_text(path), FAILED, error=kind, message=message)
