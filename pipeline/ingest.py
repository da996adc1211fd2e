"""Batch ingestion: discover files, extract and normalise in worker processes, load with one writer."""

from __future__ import annotations

from collections.abc import Callable, Generator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from time import perf_counter

import duckdb
import pandas as pd

from extractors.detect import file_sha256
from pipeline import db
from pipeline.limits import Limits
from pipeline.outcome import Outcome
from pipeline.pool import WorkerPool
from pipeline.review import apply_stored_decisions
from pipeline.settings import DEFAULT_WAIT_SECONDS

# on_progress(path, state, detail): state is skipped | loaded | failed; detail is "kind: message" on failure,
# the number of pages read (as text, "" when the format has no pages) when loaded.
Progress = Callable[[str, str, str], None]


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


def discover(paths: list[Path]) -> list[Path]:
    """Files named and files under folders named (recursed), hidden ones left out, in order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                p for p in sorted(path.rglob("*"))
                if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def outcomes(paths: list[Path], limits: Limits, pool: WorkerPool | None) -> Generator[Outcome, None, None]:
    """Process files in the pool's workers (in this process without one), yielding outcomes as they finish."""
    if pool:
        yield from pool.run(paths)
        return
    from normalizers.actors import load_registry  # the normalizers load spaCy: import them only where used
    from pipeline.process import process_file

    registry = load_registry()
    for path in paths:
        yield process_file(path, registry, limits)


def ingest(
    paths: list[Path], db_path: Path, workers: int = 1, force: bool = False, limits: Limits | None = None,
    wait_seconds: float = DEFAULT_WAIT_SECONDS, isolate: bool = True,
    on_progress: Progress = lambda path, state, detail: None,
) -> Summary:
    """Load every document of `paths`; a failure is recorded and the batch goes on.

    Each document is read in one of `workers` worker processes under `limits` (in this process, without
    limits on time or memory, when not `isolate`: for tests and library use). The database is held for
    writing only while a document is loaded, so `query` and other ingests can get in between; each hold
    waits up to `wait_seconds` for the lock, then raises DatabaseBusy.
    """
    summary = Summary()
    limits = limits or Limits()
    with db.writing(db_path, wait_seconds) as con:
        known = set() if force else db.loaded_sha256s(con)
    todo = []
    for path in discover(paths):
        if is_known(path, known, limits):
            summary.skipped += 1
            on_progress(str(path), "skipped", "")
        else:
            todo.append(path)
    if not todo:  # nothing to read: no workers, no registry (a re-ingest of a loaded batch stays quick)
        return summary
    pool = WorkerPool(workers, limits) if isolate else None
    if pool:
        pool.warm()
    actors = registry_actors()
    with db.writing(db_path, wait_seconds) as con:
        db.replace_actors(con, actors)
    with closing(outcomes(todo, limits, pool)) as results:
        for outcome in results:
            with db.writing(db_path, wait_seconds) as con:
                failure = record_outcome(con, outcome, summary)
            on_progress(outcome.path, "failed" if failure else "loaded", failure or pages_read(outcome))
    return summary


def pages_read(outcome: Outcome) -> str:
    """The page count of a loaded document, as text; "" when its format has no pages."""
    pages = outcome.frames["documents"]["pages"].iloc[0] if outcome.frames else None
    return str(int(pages)) if pages is not None and pd.notna(pages) else ""


def is_known(path: Path, known: set[str], limits: Limits) -> bool:
    """True when the file (within the size limit, so worth hashing) is already loaded."""
    return bool(known) and path.is_file() and path.stat().st_size <= limits.max_file_bytes \
        and file_sha256(path) in known


def registry_actors() -> pd.DataFrame:
    """The registry's actors, for the actors table (db.replace_actors keeps the ones reviewers created)."""
    from normalizers.actors import load_registry

    registry = load_registry()
    return pd.DataFrame([
        {"actor_id": a.actor_id, "name": a.name, "acronym": a.acronym, "actor_type": a.actor_type,
         "parent_id": a.parent_id, "aliases": "|".join(a.aliases) or None, "iati_org_type": a.iati_org_type}
        for a in registry.actors.values()
    ])


def record_outcome(con: duckdb.DuckDBPyConnection, outcome: Outcome, summary: Summary) -> str | None:
    """Load a processed document, or record why it failed; "kind: message" when it failed."""
    summary.add_timings(outcome.timings)
    if outcome.frames is None or outcome.issues is None:
        kind = outcome.error_kind or "internal_error"
        return fail(con, outcome.path, outcome.sha256, kind, outcome.message or "", summary)
    start = perf_counter()
    try:
        db.load_document(con, outcome.frames, outcome.issues, then=apply_stored_decisions)
    except Exception as error:  # duckdb, or pyarrow converting an odd column: that document fails, not the batch
        message = f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"
        return fail(con, outcome.path, outcome.sha256, "load_failed", message, summary)
    summary.add_timings({"load": perf_counter() - start})
    summary.loaded += 1
    activities = outcome.frames["activities"]
    actors = outcome.frames["activity_actors"]
    summary.activities += len(activities)
    summary.unresolved += int(actors["actor_id"].isna().sum()) if not actors.empty else 0
    summary.issues.extend((outcome.path, row.error, row.message) for row in outcome.issues.itertuples())
    return None


def fail(con: duckdb.DuckDBPyConnection, path: str, sha256: str | None, kind: str, message: str,
         summary: Summary) -> str:
    """Record a failed document; "kind: message"."""
    db.record_error(con, path, sha256, kind, message)
    summary.failed.append((path, kind, message))
    return f"{kind}: {message}"
