"""One document's extraction and normalization as DataFrames, shaped like the database tables."""

from __future__ import annotations

from datetime import datetime

import pandas as pd

from extractors.model import Document, Issue
from normalizers.model import Activity
from normalizers.workplan import Workplan
from pipeline.db import to_json


def document_id_of(sha256: str) -> str:
    """A document's id: the head of its SHA-256, stable across re-ingests."""
    return sha256[:16]


def activity_id_of(document_id: str, activity: Activity) -> str:
    """An activity's id from its document and its place in it."""
    return f"{document_id}-t{activity.table_index}-r{activity.row_index}"


def document_frames(document: Document, workplan: Workplan) -> dict[str, pd.DataFrame]:
    """Every table's rows for one document."""
    doc_id = document_id_of(document.sha256)
    meta = workplan.meta
    frames = {
        "documents": pd.DataFrame([{
            "document_id": doc_id, "path": document.path, "sha256": document.sha256,
            "format": document.format, "pages": document.pages, "title": meta.title, "year": meta.year,
            "ingested_at": datetime.now(), "years": ",".join(map(str, meta.years)) or None,
            "sector": meta.sector, "plan": meta.plan,
        }]),
        "raw_tables": raw_tables_frame(document, workplan, doc_id),
        "raw_cells": raw_cells_frame(document, doc_id),
    }
    frames.update(activity_frames(workplan.activities, doc_id))
    return frames


def raw_tables_frame(document: Document, workplan: Workplan, doc_id: str) -> pd.DataFrame:
    """One row per extracted table with its kind."""
    kinds = {table.index: table.kind for table in workplan.tables}
    return pd.DataFrame([
        {"document_id": doc_id, "table_index": index, "page": table.page, "n_rows": table.n_rows,
         "n_cols": table.n_cols, "kind": kinds.get(index, "other"), "locator": table.locator,
         "notes": "; ".join(table.notes) or None}
        for index, table in enumerate(document.tables)
    ], columns=["document_id", "table_index", "page", "n_rows", "n_cols", "kind", "locator", "notes"])


def raw_cells_frame(document: Document, doc_id: str) -> pd.DataFrame:
    """Every non-empty or shaded cell of every table."""
    return pd.DataFrame([
        {"document_id": doc_id, "table_index": index, "row": cell.row, "col": cell.col, "text": cell.text,
         "row_span": cell.row_span, "col_span": cell.col_span, "shaded": cell.shaded,
         "page": cell.page if cell.page is not None else table.page}
        for index, table in enumerate(document.tables)
        for cell in table.cells
        if cell.text.strip() or cell.shaded
    ], columns=["document_id", "table_index", "row", "col", "text", "row_span", "col_span", "shaded", "page"])


def activity_frames(activities: list[Activity], doc_id: str) -> dict[str, pd.DataFrame]:
    """The activities, their quarters and their actors."""
    rows: list[dict[str, object]] = []
    quarters: list[dict[str, object]] = []
    actors: list[dict[str, object]] = []
    for activity in activities:
        activity_id = activity_id_of(doc_id, activity)
        rows.append({
            "activity_id": activity_id, "document_id": doc_id, "table_index": activity.table_index,
            "row_index": activity.row_index, "page": activity.page, "priority": activity.priority,
            "objective": activity.objective, "output": activity.output, "indicator": activity.indicator,
            "activity": activity.activity, "status": activity.status, "comments": activity.comments,
            "lead_raw": activity.lead_raw, "partners_raw": activity.partners_raw,
            "timeline_raw": activity.timeline_raw, "extra": to_json(activity.extra),
        })
        quarters.extend(
            {"activity_id": activity_id, "year": q.year, "quarter": q.quarter, "source": q.source}
            for q in activity.quarters
        )
        actors.extend(
            {"activity_id": activity_id, "actor_id": ref.actor_id, "role": ref.role, "raw": ref.raw,
             "score": ref.score, "method": ref.method, "suggestions": to_json(ref.suggestions)}
            for ref in activity.actors
        )
    return {
        "activities": pd.DataFrame(rows),
        "activity_quarters": pd.DataFrame(quarters, columns=["activity_id", "year", "quarter", "source"]),
        "activity_actors": pd.DataFrame(actors),
    }


def issues_frame(path: str, sha256: str | None, issues: list[Issue]) -> pd.DataFrame:
    """ingest_errors rows for a document's issues."""
    now = datetime.now()
    return pd.DataFrame(
        [{"path": path, "sha256": sha256, "error": issue.kind,
          "message": issue.message if issue.page is None else f"page {issue.page}: {issue.message}",
          "failed_at": now} for issue in issues],
        columns=["path", "sha256", "error", "message", "failed_at"],
    )
