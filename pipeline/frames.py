"""One document's extraction and normalization as rows shaped like the database tables.

Built in the worker processes without pandas (the writer turns them into DataFrames), so that a worker
does not carry pandas and the rows cross the pipe as plain tuples.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from pipeline.paths import path_bytes, path_text

if TYPE_CHECKING:
    from extractors.model import Document, Issue
    from normalizers.actor_registry import Actor
    from normalizers.corrections import DocumentOverrides
    from normalizers.model import Activity, ActorRef
    from normalizers.workplan import Workplan

DOCUMENT_COLUMNS = (
    "document_id",
    "path",
    "sha256",
    "format",
    "pages",
    "title",
    "year",
    "ingested_at",
    "years",
    "sector",
    "plan",
    "country",
    "country_source",
    "language",
    "path_bytes",
    "mapping_hash",
    "primary_by_mapping",
)
RAW_TABLE_COLUMNS = (
    *("document_id", "table_index", "page", "n_rows", "n_cols", "kind", "locator", "notes"),
    *("confidence", "extraction_confidence", "mapping"),
)
RAW_CELL_COLUMNS = (
    "document_id",
    "table_index",
    "row",
    "col",
    "text",
    "row_span",
    "col_span",
    "shaded",
    "page",
    "ocr_confidence",
)
ACTIVITY_COLUMNS = (
    "activity_id",
    "document_id",
    "table_index",
    "row_index",
    "page",
    "priority",
    "objective",
    "output",
    "indicator",
    "activity",
    "status",
    "comments",
    "lead_raw",
    "partners_raw",
    "timeline_raw",
    "extra",
)
QUARTER_COLUMNS = ("activity_id", "year", "quarter", "source")
ACTOR_COLUMNS = ("activity_id", "actor_id", "role", "raw", "score", "method", "suggestions", "doubt")
ACTOR_TABLE_COLUMNS = (
    "actor_id",
    "name",
    "acronym",
    "actor_type",
    "parent_id",
    "aliases",
    "iati_org_type",
    "country",
    "provisional",
)
# The provisional actors a document's mentions point at, as pipeline/sql/005 keeps them (first_seen aside).
PROVISIONAL_ACTOR_COLUMNS = ("actor_id", "name", "acronym", "actor_type", "country", "parent_id")
ERROR_COLUMNS = ("path", "sha256", "error", "message", "failed_at", "path_bytes")


@dataclass(frozen=True)
class Frame:
    """Rows for one database table: the column names and one tuple per row."""

    columns: tuple[str, ...]
    rows: list[tuple[object, ...]]

    @classmethod
    def of(cls, columns: tuple[str, ...], records: Iterable[Mapping[str, object]]) -> Frame:
        """A frame from records keyed by column name."""
        return cls(columns, [tuple(record[name] for name in columns) for record in records])

    @classmethod
    def concat(cls, frames: Sequence[Frame]) -> Frame:
        """The rows of frames with the same columns, one after the other."""
        return cls(frames[0].columns, [row for frame in frames for row in frame.rows])

    def __len__(self) -> int:
        return len(self.rows)

    def column(self, name: str) -> list[object]:
        """Every row's value in one column."""
        index = self.columns.index(name)
        return [row[index] for row in self.rows]


def to_json(value: object) -> str:
    """JSON text for a JSON column."""
    return json.dumps(value, ensure_ascii=False, default=str)


def document_id_of(sha256: str) -> str:
    """A document's id: the head of its SHA-256, stable across re-ingests."""
    return sha256[:16]


def activity_id_of(document_id: str, activity: Activity) -> str:
    """An activity's id from its document and its place in it."""
    item = f"-i{activity.item}" if activity.item else ""
    return f"{document_id}-t{activity.table_index}-r{activity.row_index}{item}"


def document_frames(
    document: Document,
    workplan: Workplan,
    overrides: DocumentOverrides | None = None,
    mapping_hash: str | None = None,
    known: Mapping[str, Actor] | None = None,
) -> dict[str, Frame]:
    """Every table's rows for one document, and the provisional actors its mentions point at (`known` the
    registry's actors); `overrides` and their hash, when an analyst's mapping applied."""
    doc_id = document_id_of(document.sha256)
    meta = workplan.meta
    frames = {
        "documents": Frame.of(
            DOCUMENT_COLUMNS,
            [
                {
                    "document_id": doc_id,
                    "path": path_text(document.path),
                    "sha256": document.sha256,
                    "format": document.format,
                    "pages": document.pages,
                    "title": meta.title,
                    "year": meta.year,
                    "ingested_at": datetime.now(),
                    "years": ",".join(map(str, meta.years)) or None,
                    "sector": meta.sector,
                    "plan": meta.plan,
                    "country": meta.country,
                    "country_source": meta.country_source,
                    "language": meta.language,
                    "path_bytes": path_bytes(document.path),
                    "mapping_hash": mapping_hash,
                    "primary_by_mapping": overrides.primary if overrides else None,
                }
            ],
        ),
        "raw_tables": raw_tables_frame(document, workplan, doc_id),
        "raw_cells": raw_cells_frame(document, doc_id),
    }
    frames.update(activity_frames(workplan.activities, doc_id))
    frames["provisional_actors"] = provisional_actors_frame(workplan, known)
    return frames


def provisional_actors_frame(workplan: Workplan, known: Mapping[str, Actor] | None) -> Frame:
    """The provisional and role actors of the document's mentions, made here in the worker, where the registry
    and the role patterns are at hand (the writer would build them for a batch, and wait meanwhile)."""
    mentions = {
        (ref.actor_id, ref.raw, ref.method, workplan.meta.country)
        for activity in workplan.activities
        for ref in activity.actors
    }
    return mentioned_actors_frame(mentions, known)


def mentioned_actors_frame(
    mentions: Iterable[tuple[str | None, str, str | None, str | None]], known: Mapping[str, Actor] | None = None
) -> Frame:
    """The provisional and role actors that mentions (actor id, text, method, country) point at, as rows of
    provisional_actors; `known` the registry's actors (read when None)."""
    from normalizers.actor_provisional import is_role_id, mention_actors
    from normalizers.actor_registry import load_actors

    pointing = {
        (actor_id, raw, country)
        for actor_id, raw, method, country in mentions
        if method == "provisional" or (actor_id is not None and is_role_id(actor_id))
    }
    return provisional_frame(mention_actors(pointing, load_actors() if known is None else known))


def actor_row(activity_id: str, ref: ActorRef) -> tuple[Any, ...]:
    """One activity_actors row (ACTOR_COLUMNS) of a mention."""
    return (activity_id, ref.actor_id, ref.role, ref.raw, ref.score, ref.method, to_json(ref.suggestions), ref.doubt)


def provisional_frame(actors: Iterable[Actor]) -> Frame:
    """Provisional actors as rows of provisional_actors."""
    rows = [tuple(getattr(actor, name) for name in PROVISIONAL_ACTOR_COLUMNS) for actor in actors]
    return Frame(PROVISIONAL_ACTOR_COLUMNS, rows)


def raw_tables_frame(document: Document, workplan: Workplan, doc_id: str) -> Frame:
    """One row per extracted table with its kind and the confidence of its reading and of its extraction."""
    kinds = {table.index: table.kind for table in workplan.tables}
    confidences = {table.index: table.confidence for table in workplan.tables}
    mapped = {table.index: mapping_note(table.layout.mapped) for table in workplan.tables if table.layout}
    return Frame(
        RAW_TABLE_COLUMNS,
        [
            (
                doc_id,
                index,
                table.page,
                table.n_rows,
                table.n_cols,
                kinds.get(index, "other"),
                table.locator,
                "; ".join(table.notes) or None,
                confidences.get(index),
                table.confidence,
                mapped.get(index),
            )
            for index, table in enumerate(document.tables)
        ],
    )


def mapping_note(notes: Sequence[str]) -> str | None:
    """What a mapping set for a table, without the lines it was written on (a moved line changes nothing)."""
    return "; ".join(note.rsplit(" (", 1)[0] for note in notes) or None


def raw_cells_frame(document: Document, doc_id: str) -> Frame:
    """Every non-empty or shaded cell of every table."""
    return Frame(
        RAW_CELL_COLUMNS,
        [
            (
                doc_id,
                index,
                cell.row,
                cell.col,
                cell.text,
                cell.row_span,
                cell.col_span,
                cell.shaded,
                cell.page if cell.page is not None else table.page,
                cell.ocr_confidence,
            )
            for index, table in enumerate(document.tables)
            for cell in table.cells
            if cell.text.strip() or cell.shaded
        ],
    )


def activity_frames(activities: list[Activity], doc_id: str) -> dict[str, Frame]:
    """The activities, their quarters and their actors."""
    rows: list[dict[str, object]] = []
    quarters: list[tuple[object, ...]] = []
    actors: list[tuple[object, ...]] = []
    for activity in activities:
        activity_id = activity_id_of(doc_id, activity)
        rows.append(
            {
                "activity_id": activity_id,
                "document_id": doc_id,
                "table_index": activity.table_index,
                "row_index": activity.row_index,
                "page": activity.page,
                "priority": activity.priority,
                "objective": activity.objective,
                "output": activity.output,
                "indicator": activity.indicator,
                "activity": activity.activity,
                "status": activity.status,
                "comments": activity.comments,
                "lead_raw": activity.lead_raw,
                "partners_raw": activity.partners_raw,
                "timeline_raw": activity.timeline_raw,
                "extra": to_json(activity.extra),
            }
        )
        quarters.extend((activity_id, q.year, q.quarter, q.source) for q in activity.quarters)
        actors.extend(actor_row(activity_id, ref) for ref in activity.actors)
    return {
        "activities": Frame.of(ACTIVITY_COLUMNS, rows),
        "activity_quarters": Frame(QUARTER_COLUMNS, quarters),
        "activity_actors": Frame(ACTOR_COLUMNS, actors),
    }


def issues_frame(path: str, sha256: str | None, issues: list[Issue]) -> Frame:
    """ingest_errors rows for a document's issues."""
    now = datetime.now()
    return Frame(
        ERROR_COLUMNS,
        [
            (
                path_text(path),
                sha256,
                issue.kind,
                issue.message if issue.page is None else f"page {issue.page}: {issue.message}",
                now,
                path_bytes(path),
            )
            for issue in issues
        ],
    )
