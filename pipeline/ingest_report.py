"""What `workplans ingest` says when a batch ends: a line per problem, a table of the documents (or JSON for
scripts), the closing figures, the time per stage."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pipeline.cli_errors import say
from pipeline.cli_format import print_table
from pipeline.summary import FAILED, LOADED, Summary

# The actor mentions of each document counted apart as `resolve` and `review` count them (summary.MentionCounts).
DOCUMENT_COLUMNS = (
    "document",
    "format",
    "pages",
    "tables",
    "activities",
    "pending",
    "provisional",
    "not actor",
    "warnings",
    "copy of",
)


def print_summary(summary: Summary, db_path: Path, as_json: bool = False, closing: str | None = None) -> None:
    """Warnings on stderr, then the documents (a table when several loaded, JSON on stdout for --json), then
    the closing figures (`closing`, else the database's) on stderr."""
    for warning in summary.warnings:
        say(f"warning: {warning}")
    for path, kind, message in summary.issues:
        say(f"warning: {path}: {kind}: {message}")
    for report in summary.duplicates:
        say(f"note: {report.path}: {report.message}")
    if as_json:
        print_json(summary)
    elif summary.loaded > 1:
        print_documents(summary)
    say(closing or closing_line(summary, db_path))


def print_json(summary: Summary) -> None:
    """The documents as a JSON list on stdout, one object each (`DocumentReport.as_json`)."""
    json.dump([report.as_json() for report in summary.documents], sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")


def print_documents(summary: Summary) -> None:
    """One row per loaded document, on stdout."""
    rows = [
        (
            r.path,
            r.format,
            r.pages,
            r.tables,
            r.activities,
            r.pending,
            r.provisional,
            r.not_actor,
            ", ".join(r.warnings),
            r.copy_of,
        )
        for r in summary.in_state(LOADED)
    ]
    print_table(DOCUMENT_COLUMNS, rows)


def closing_line(summary: Summary, db_path: Path) -> str:
    """The batch's figures in one line."""
    counts = [f"{summary.loaded} loaded", f"{summary.skipped} skipped"]
    if summary.duplicates:
        counts.append(f"{len(summary.duplicates)} duplicate")
    counts.append(f"{len(summary.in_state(FAILED))} failed")
    copies = f"; {copies_line(summary.copies)}" if summary.copies else ""
    return (
        f"{', '.join(counts)}{copies}; {summary.activities} activities; {summary.mentions.text()} "
        f"(see `workplans review --db {db_path}`)."
    )


def copies_line(copies: int) -> str:
    """How many loaded documents hold the plan of another document (of this batch or loaded before), in words."""
    return (
        f"{copies} document is a copy of another document's plan (each plan counted once)"
        if copies == 1
        else f"{copies} documents are copies of other documents' plans (each plan counted once)"
    )


def interrupted_line(summary: Summary, not_loaded: int) -> str:
    """What a batch stopped by Ctrl-C had done."""
    return (
        f"interrupted: {summary.loaded} loaded, {len(summary.in_state(FAILED))} failed, {not_loaded} not loaded; "
        "run the same command again to continue"
    )


def print_profile(summary: Summary) -> None:
    """Seconds per stage summed over the batch (worker stages add up across workers)."""
    from pipeline.outcome import STAGES

    total = sum(summary.timings.values()) or 1.0
    say("stage       seconds   share")
    for stage in STAGES:
        seconds = summary.timings.get(stage, 0.0)
        say(f"{stage:<10} {seconds:8.3f}  {seconds / total:6.1%}")
