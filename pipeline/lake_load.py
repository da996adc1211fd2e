"""`workplans load`: a Parquet lake into the database, through the writer a local ingest uses (several documents per
transaction, delete by SHA-256 then insert, stored review decisions applied), so that loading twice changes
nothing and a document already loaded is skipped unless forced."""

from __future__ import annotations

from pathlib import Path

from pipeline import db
from pipeline.ingest import Interrupted, group_plans, load_outcomes
from pipeline.lake import Entry, lake_outcomes, latest_entries, recorded_path
from pipeline.settings import DEFAULT_WAIT_SECONDS
from pipeline.summary import SKIPPED, DocumentReport, Summary
from pipeline.writer import Progress, Writer


class NoLake(Exception):
    """The folder given holds no load run."""


def load_lake(
    lake: Path,
    db_path: Path,
    force: bool = False,
    wait_seconds: float = DEFAULT_WAIT_SECONDS,
    on_progress: Progress = lambda path, state, detail: None,
) -> Summary:
    """Load every document of the lake (each in its latest load run) into the database; Ctrl-C raises
    Interrupted with the summary so far."""
    entries = latest_entries(lake)
    if not entries:
        raise NoLake(f"no load run under {lake}: write one with `workplans ingest PATH... --lake {lake}`")
    summary = Summary()
    with db.writing(db_path, wait_seconds) as con:
        known = set() if force else db.loaded_sha256s(con)
    todo = [entry for entry in entries if entry.key not in known]
    for entry in entries:
        if entry.key in known:
            skip(lake, entry, summary, on_progress)
    if not todo:
        return summary
    writer = Writer(db_path, wait_seconds, summary, on_progress, force)
    settled = len(summary.documents)
    try:
        load_outcomes(lake_outcomes(lake, todo), writer)
    except KeyboardInterrupt as interrupt:
        raise Interrupted(summary, len(todo) - (len(summary.documents) - settled)) from interrupt
    if summary.loaded:
        with db.writing(db_path, wait_seconds) as con:
            group_plans(con, summary)
    return summary


def skip(lake: Path, entry: Entry, summary: Summary, on_progress: Progress) -> None:
    """Report a document of the lake that the database holds already."""
    path = recorded_path(lake, entry)
    summary.documents.append(DocumentReport(path, SKIPPED, message="already loaded"))
    on_progress(path, SKIPPED, "already loaded")
