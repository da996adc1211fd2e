"""The one writer of a batch: loads the workers' outcomes into DuckDB, several documents per transaction,
and keeps the batch's closing figures."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from time import monotonic, perf_counter, sleep

import duckdb

from pipeline import db
from pipeline.frames import Frame
from pipeline.outcome import Outcome
from pipeline.review import PENDING_METHODS, apply_stored_decisions

# on_progress(path, state, detail): state is skipped | loaded | failed; detail is "kind: message" on failure,
# the number of pages read (as text, "" when the format has no pages) when loaded.
Progress = Callable[[str, str, str], None]
# The longest the writer holds the database without a break, and the break it then takes: longer than
# db.LOCK_POLL_SECONDS, so that a process waiting for the lock gets it.
HOLD_SECONDS = 2.0
YIELD_SECONDS = 0.1
# The writer keeps the database through short waits for the workers (opening it costs tens of ms), not
# through long ones.
RELEASE_IDLE_SECONDS = 0.5
# How long a read document waits for others to be loaded with it, in one transaction; the most documents,
# and raw cells, in one such group (the bound keeps the writer's memory small).
GROUP_WAIT_SECONDS = 0.25
GROUP_DOCUMENTS = 25
GROUP_CELLS = 50_000


@dataclass
class Summary:
    """The closing figures of a batch."""

    loaded: int = 0
    skipped: int = 0
    failed: list[tuple[str, str, str]] = field(default_factory=list)  # (path, kind, message)
    activities: int = 0
    unresolved: int = 0
    issues: list[tuple[str, str, str]] = field(default_factory=list)  # loaded, with a problem
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage, summed over the batch

    def add_timings(self, timings: dict[str, float]) -> None:
        """Add one document's stage timings to the batch's."""
        for stage, seconds in timings.items():
            self.timings[stage] = self.timings.get(stage, 0.0) + seconds


class Writer:
    """Loads outcomes through one connection, several documents per transaction: an outcome waits up to
    GROUP_WAIT_SECONDS for others to join it, so that on short documents the writer spends its time on rows,
    not on statements, and keeps up with the workers. The database is let go when the batch has waited
    RELEASE_IDLE_SECONDS for its workers, and for a moment every HOLD_SECONDS, so that `query` and other
    ingests get in."""

    def __init__(self, path: Path, wait_seconds: float, summary: Summary, on_progress: Progress) -> None:
        self.path = path
        self.wait_seconds = wait_seconds
        self.summary = summary
        self.on_progress = on_progress
        self.pending: list[Outcome] = []
        self.first_pending = 0.0  # when the oldest waiting outcome came
        self.con: duckdb.DuckDBPyConnection | None = None
        self.opened = 0.0
        self.last_load = 0.0

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
        let the database go once nothing has come for RELEASE_IDLE_SECONDS."""
        if self.pending:
            if self.waited_enough():
                self.load_pending()
        elif monotonic() - self.last_load >= RELEASE_IDLE_SECONDS:
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
        failures = {
            outcome.path: record_failure(con, outcome, self.summary)
            for outcome in group
            if outcome.frames is None or outcome.issues is None
        }
        failures.update(load_group(con, [outcome for outcome in group if outcome.path not in failures], self.summary))
        self.last_load = monotonic()
        for outcome in group:
            failure = failures.get(outcome.path)
            self.on_progress(outcome.path, "failed" if failure else "loaded", failure or pages_read(outcome))

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


def pages_read(outcome: Outcome) -> str:
    """The page count of a loaded document, as text; "" when its format has no pages."""
    pages = outcome.frames["documents"].column("pages")[0] if outcome.frames is not None else None
    return str(pages) if isinstance(pages, int) else ""


def record_failure(con: duckdb.DuckDBPyConnection, outcome: Outcome, summary: Summary) -> str:
    """Record a document that could not be read; "kind: message"."""
    summary.add_timings(outcome.timings)
    return fail(
        con, outcome.path, outcome.sha256, outcome.error_kind or "internal_error", outcome.message or "", summary
    )


def load_group(con: duckdb.DuckDBPyConnection, group: list[Outcome], summary: Summary) -> dict[str, str]:
    """Load read documents in one transaction; when that fails, each alone, so that one document that cannot
    be loaded fails by itself. Returns "kind: message" for each path that failed."""
    if not group:
        return {}
    start = perf_counter()
    try:
        db.load_documents(con, [rows_of(outcome) for outcome in group], then=apply_stored_decisions)
    except Exception as error:  # duckdb refusing a value: the group, then that document, fails
        if len(group) > 1:
            return {path: failure for outcome in group for path, failure in load_group(con, [outcome], summary).items()}
        summary.add_timings(group[0].timings)
        message = f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"
        return {group[0].path: fail(con, group[0].path, group[0].sha256, "load_failed", message, summary)}
    summary.add_timings({"load": perf_counter() - start})
    for outcome in group:
        count_loaded(outcome, summary)
    return {}


def rows_of(outcome: Outcome) -> tuple[dict[str, Frame], Frame]:
    """The frames and issues of a document that was read."""
    assert outcome.frames is not None and outcome.issues is not None
    return outcome.frames, outcome.issues


def count_loaded(outcome: Outcome, summary: Summary) -> None:
    """Add a loaded document to the batch's figures."""
    frames, issues = rows_of(outcome)
    summary.add_timings(outcome.timings)
    summary.loaded += 1
    summary.activities += len(frames["activities"])
    summary.unresolved += sum(method in PENDING_METHODS for method in frames["activity_actors"].column("method"))
    summary.issues.extend(
        (outcome.path, str(error), str(message))
        for error, message in zip(issues.column("error"), issues.column("message"), strict=True)
    )


def fail(
    con: duckdb.DuckDBPyConnection, path: str, sha256: str | None, kind: str, message: str, summary: Summary
) -> str:
    """Record a failed document; "kind: message"."""
    db.record_error(con, path, sha256, kind, message)
    summary.failed.append((path, kind, message))
    return f"{kind}: {message}"
