"""Batch ingestion: discover files, extract and normalise in worker processes, load with one writer."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from extractors import extract
from extractors.detect import file_sha256
from extractors.model import ExtractionError
from normalizers.actors import Registry, load_registry
from normalizers.workplan import document_to_workplan
from pipeline import db
from pipeline.frames import document_frames, issues_frame


@dataclass(frozen=True)
class Outcome:
    """What became of one file: its frames to load, or the error that stopped it."""

    path: str
    sha256: str | None
    frames: dict[str, pd.DataFrame] | None = None
    issues: pd.DataFrame | None = None
    error_kind: str | None = None
    message: str | None = None


@dataclass
class Summary:
    """The closing figures of a batch."""

    loaded: int = 0
    skipped: int = 0
    failed: list[tuple[str, str, str]] = field(default_factory=list)  # (path, kind, message)
    activities: int = 0
    unresolved: int = 0
    issues: list[tuple[str, str, str]] = field(default_factory=list)  # loaded, with a problem


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


def process_file(path: Path, registry: Registry | None = None) -> Outcome:
    """Extract and normalise one file into frames; never raises."""
    sha256 = None
    try:
        sha256 = file_sha256(path)
        document = extract(path)
        workplan = document_to_workplan(document, registry)
        issues = issues_frame(str(path), sha256, list(document.issues))
        return Outcome(str(path), sha256, document_frames(document, workplan), issues)
    except ExtractionError as error:
        return Outcome(str(path), sha256, error_kind=error.kind, message=error.message)
    except OSError as error:
        return Outcome(str(path), sha256, error_kind="unreadable", message=error.strerror or str(error))
    except Exception as error:  # a bug or a hostile file must not stop the batch
        return Outcome(str(path), sha256, error_kind="internal_error", message=f"{type(error).__name__}: {error}")


def outcomes(paths: list[Path], workers: int) -> Iterator[Outcome]:
    """Process files, in worker processes when workers > 1, yielding outcomes as they finish."""
    if workers <= 1:
        registry = load_registry()
        for path in paths:
            yield process_file(path, registry)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(process_file, paths, chunksize=1)


def ingest(
    paths: list[Path], db_path: Path, workers: int = 1, force: bool = False,
    on_progress: Callable[[str, str], None] = lambda path, state: None,
) -> Summary:
    """Load every document of `paths` into the database; a failure is recorded and the batch goes on."""
    files = discover(paths)
    summary = Summary()
    con = db.open_db(db_path)
    try:
        sync_actors(con)
        known = set() if force else db.loaded_sha256s(con)
        todo = []
        for path in files:
            if not force and path.is_file() and file_sha256(path) in known:
                summary.skipped += 1
                on_progress(str(path), "skipped")
            else:
                todo.append(path)
        for outcome in outcomes(todo, workers):
            record_outcome(con, outcome, summary)
            on_progress(outcome.path, "failed" if outcome.error_kind else "loaded")
    finally:
        con.close()
    return summary


def sync_actors(con: duckdb.DuckDBPyConnection) -> None:
    """The actors table mirrors the registry."""
    registry = load_registry()
    db.replace_actors(con, pd.DataFrame([
        {"actor_id": a.actor_id, "name": a.name, "acronym": a.acronym, "actor_type": a.actor_type,
         "parent_id": a.parent_id, "aliases": "|".join(a.aliases) or None}
        for a in registry.actors.values()
    ]))


def record_outcome(con: duckdb.DuckDBPyConnection, outcome: Outcome, summary: Summary) -> None:
    """Load a processed document, or record why it failed."""
    if outcome.frames is None or outcome.issues is None:
        fail(con, outcome.path, outcome.sha256, outcome.error_kind or "internal_error", outcome.message or "", summary)
        return
    try:
        db.load_document(con, outcome.frames, outcome.issues)
    except duckdb.Error as error:
        fail(con, outcome.path, outcome.sha256, "load_failed", str(error).splitlines()[0], summary)
        return
    summary.loaded += 1
    activities = outcome.frames["activities"]
    actors = outcome.frames["activity_actors"]
    summary.activities += len(activities)
    summary.unresolved += int(actors["actor_id"].isna().sum()) if not actors.empty else 0
    summary.issues.extend((outcome.path, row.error, row.message) for row in outcome.issues.itertuples())


def fail(con: duckdb.DuckDBPyConnection, path: str, sha256: str | None, kind: str, message: str,
         summary: Summary) -> None:
    """Record a failed document."""
    db.record_error(con, path, sha256, kind, message)
    summary.failed.append((path, kind, message))
