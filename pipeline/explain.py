"""`workplans explain FILE`: how each table of a document was read, and why, as one typed structure printed as
rich tables in a terminal or as JSON for scripts.

Per table: its kind and confidence, its preamble, header and section rows, each column's role with the reason
(the header words matched and their language, the content that confirmed or overruled them, or the mapping
line that set it), the hierarchy of context found, the first rows as they will be stored, and what went to
`extra`. Nothing here reads a layout of its own: it asks the normalizers' pure steps and reports their answers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from extractors.model import Document, Table
from normalizers.actors import Registry
from normalizers.corrections import DocumentOverrides
from normalizers.headers import ROLES_TABLE, Column, role_of_header
from normalizers.layout import TableLayout
from normalizers.model import Activity
from normalizers.periods import Period
from normalizers.rows import data_rows_below, row_section, spanned_grid, table_cues, table_rows
from normalizers.sections import LEVELS, apply_section, nested_section
from normalizers.vocab import key_evidence
from normalizers.workplan import RecognisedTable, Workplan
from pipeline.mapping import overrides_hash

# Rows shown per table unless asked for more: enough to check a reading, short enough to read.
DEFAULT_ROWS = 5
MAPPING_REASON = "mapping"


@dataclass(frozen=True)
class ColumnReading:
    """One column: its header, role, and why it has that role."""

    index: int
    header: str
    role: str
    reason: str  # header | no role word | content: … | mapping (FILE:LINE) …
    evidence: str  # the reason in words: "header word 'responsible' (en)", "cells are numbering codes"
    words: str | None = None  # the header words that named the role
    languages: tuple[str, ...] = ()  # the languages whose vocabulary lists those words
    period: str | None = None  # the period a period column covers ("2020 Q1", "month 3")
    from_mapping: bool = False


@dataclass(frozen=True)
class RowTexts:
    """A row of the grid shown as its distinct texts; `level` for a section row (priority … indicator)."""

    row: int
    texts: tuple[str, ...]
    level: str | None = None


@dataclass(frozen=True)
class ContextPath:
    """One path of the hierarchy (priority > objective > output > indicator) and how many activities it holds."""

    path: tuple[str, ...]  # "priority: …", "objective: …"
    activities: int


@dataclass(frozen=True)
class TableExplanation:
    """How one table was read."""

    index: int
    page: int | None
    locator: str | None
    n_rows: int
    n_cols: int
    kind: str
    confidence: float | None
    extraction_confidence: float | None
    continued: bool
    preamble_rows: tuple[RowTexts, ...]
    header_rows: tuple[RowTexts, ...]
    section_rows: tuple[RowTexts, ...]
    columns: tuple[ColumnReading, ...]
    hierarchy: tuple[ContextPath, ...]
    activities: int
    rows: tuple[dict[str, Any], ...]  # the first activities, as they will be stored
    extra: dict[str, int]  # the column headers whose cells went to `extra`, and how many cells each
    mapping: tuple[str, ...] = ()  # what the mapping set for the table, and where


@dataclass(frozen=True)
class Explanation:
    """How a whole document was read."""

    path: str
    sha256: str
    format: str
    pages: int | None
    document: dict[str, Any]  # title, years, sector, plan, country, country_source, language
    mapping: dict[str, Any] | None  # the corrections that applied: their hash, entries and what they set
    tables: tuple[TableExplanation, ...]
    issues: tuple[dict[str, Any], ...] = field(default=())

    def as_json(self) -> dict[str, Any]:
        """The explanation as JSON-ready data."""
        return asdict(self)


def explain_document(
    document: Document,
    workplan: Workplan,
    registry: Registry,
    overrides: DocumentOverrides | None = None,
    rows: int = DEFAULT_ROWS,
) -> Explanation:
    """The explanation of a document already read (`workplan`, under `overrides`)."""
    meta = workplan.meta
    return Explanation(
        path=document.path,
        sha256=document.sha256,
        format=document.format,
        pages=document.pages,
        document={
            "title": meta.title,
            "years": list(meta.years),
            "sector": meta.sector,
            "plan": meta.plan,
            "country": meta.country,
            "country_source": meta.country_source,
            "language": meta.language,
        },
        mapping=mapping_summary(overrides),
        tables=tuple(
            explain_table(table, recognised, registry, rows)
            for table, recognised in zip(document.tables, workplan.tables, strict=True)
        ),
        issues=tuple(
            {"kind": issue.kind, "message": issue.message, "page": issue.page}
            for issue in (*document.issues, *workplan.issues)
        ),
    )


def mapping_summary(overrides: DocumentOverrides | None) -> dict[str, Any] | None:
    """The corrections that applied to a document: their hash (as stored), the entries and what they set."""
    if overrides is None:
        return None
    return {
        "hash": overrides_hash(overrides),
        "entries": [str(origin) for origin in overrides.origins],
        "sets": overrides.content(),
    }


def explain_table(table: Table, recognised: RecognisedTable, registry: Registry, shown: int) -> TableExplanation:
    """How one table was read: its rows by part, its columns with their reasons, its first activities."""
    layout = recognised.layout or TableLayout(0, 0, (), recognised.kind)
    grid = spanned_grid(table)
    activities = recognised.activities
    return TableExplanation(
        index=recognised.index,
        page=table.page,
        locator=table.locator,
        n_rows=table.n_rows,
        n_cols=table.n_cols,
        kind=recognised.kind,
        confidence=recognised.confidence,
        extraction_confidence=table.confidence,
        continued=layout.continued,
        preamble_rows=tuple(row_texts(grid, range(layout.n_preamble))),
        header_rows=tuple(row_texts(grid, range(layout.n_preamble, layout.body_start))),
        section_rows=tuple(section_rows(table, grid, layout)) if recognised.kind != "other" else (),
        columns=tuple(column_reading(column) for column in layout.columns),
        hierarchy=tuple(hierarchy(activities)),
        activities=len(activities),
        rows=tuple(stored_row(activity, registry) for activity in activities[:shown]),
        extra=extra_counts(activities),
        mapping=layout.mapped,
    )


def row_texts(grid: Sequence[Sequence[str]], indexes: range) -> list[RowTexts]:
    """Grid rows as their distinct non-empty texts."""
    return [RowTexts(index, tuple(dict.fromkeys(text for text in grid[index] if text.strip()))) for index in indexes]


def section_rows(table: Table, grid: Sequence[Sequence[str]], layout: TableLayout) -> list[RowTexts]:
    """The body rows read as section or numbered heading rows, with the level each sets (the same pure steps
    the reading takes: normalizers.rows)."""
    rows = table_rows(table, grid, layout.body_start)
    cues = table_cues(rows, layout)
    found = []
    context: dict[str, str] = {}
    for row, below in zip(rows, data_rows_below(rows), strict=True):
        section = row_section(row, layout, cues, below)
        if section:
            section = nested_section(section, context)
            context = apply_section(context, section)
            found.append(RowTexts(row.index, (section.text,), section.level))
    return found


def column_reading(column: Column) -> ColumnReading:
    """A column's role and the reason for it, in words."""
    named = role_of_header(column.header) if column.header else None
    words = key_evidence(ROLES_TABLE, named, column.header) if named and named != "period" else None
    period = column.period
    return ColumnReading(
        index=column.index,
        header=column.header,
        role=column.role,
        reason=column.reason,
        evidence=evidence(column, named, words),
        words=words[0] if words else None,
        languages=words[1] if words else (),
        period=period_text(period) if period else None,
        from_mapping=column.reason.startswith(MAPPING_REASON),
    )


def period_text(period: Period) -> str:
    """A period column's quarters in words: "2020 Q1", "Q2-Q3" (a year-less one)."""
    quarters = "-".join(f"Q{quarter}" for quarter in (period.quarters[0], period.quarters[-1])[: len(period.quarters)])
    return f"{period.year} {quarters}" if period.year else quarters


def evidence(column: Column, named: str | None, words: tuple[str, tuple[str, ...]] | None) -> str:
    """Why a column has its role, in words: each part of its reason with the header words behind it."""
    if column.reason.startswith(MAPPING_REASON):
        return f"set by the {column.reason}"
    if column.role == "period":
        return f"header names a period ({column.header})"
    said = f"header word '{words[0]}' ({', '.join(words[1])})" if words else "header"
    parts = []
    for part in (part.strip() for part in column.reason.split(";")):
        content = part.split("content:", 1)[1].strip() if "content:" in part else ""
        if part == "header":
            parts.append(said)
        elif part.startswith("header") and content:
            parts.append(f"{said}, confirmed by its cells: {content}")
        elif content:
            overruled = f", overruling {said} -> {named}" if named and named != column.role else ""
            parts.append(f"its cells: {content}{overruled}")
        elif part == "no role word":
            parts.append("no role word in its header: its cells go to extra")
        else:
            parts.append(part)
    return "; ".join(parts)


def hierarchy(activities: Sequence[Activity]) -> list[ContextPath]:
    """The distinct context paths of the activities, in order, with how many activities each holds."""
    counts: Counter[tuple[str, ...]] = Counter()
    for activity in activities:
        path = tuple(f"{level}: {text}" for level in LEVELS if (text := getattr(activity, level)))
        counts[path] += 1
    return [ContextPath(path, count) for path, count in counts.items()]


def stored_row(activity: Activity, registry: Registry) -> dict[str, Any]:
    """One activity as the database will hold it: context filled, quarters, actors as resolved, status, extra."""
    return {
        "row": activity.row_index,
        "page": activity.page,
        "activity": activity.activity,
        **{level: getattr(activity, level) for level in LEVELS},
        "status": activity.status,
        "lead_raw": activity.lead_raw,
        "partners_raw": activity.partners_raw,
        "timeline_raw": activity.timeline_raw,
        "quarters": [f"{q.year or '?'}Q{q.quarter} ({q.source})" for q in activity.quarters],
        "actors": [
            {
                "role": ref.role,
                "raw": ref.raw,
                "actor_id": ref.actor_id,
                "name": actor_name(ref.actor_id, registry),
                "method": ref.method,
                "score": round(ref.score, 1),
            }
            for ref in activity.actors
        ],
        "comments": activity.comments,
        "extra": activity.extra,
    }


def actor_name(actor_id: str | None, registry: Registry) -> str | None:
    """The canonical name of a resolved actor (None for an unresolved mention or a provisional actor)."""
    actor = registry.actors.get(actor_id) if actor_id else None
    return actor.name if actor else None


def extra_counts(activities: Sequence[Activity]) -> dict[str, int]:
    """The keys of `extra` over a table's activities, and how many activities have each."""
    counts: Counter[str] = Counter(key for activity in activities for key in activity.extra)
    return dict(counts)


def explain_file(
    path: Path, mapping: Path | None = None, rows: int = DEFAULT_ROWS
) -> tuple[Explanation, DocumentOverrides | None]:
    """Read a file as `ingest` would (under --mapping and a workplans.toml beside it) and explain the reading.
    Raises ExtractionError or OSError for an unreadable file, MappingError or OverrideError for a mapping
    that cannot apply."""
    from normalizers.actors import load_registry
    from normalizers.prose_activities import read_document
    from normalizers.workplan import document_to_workplan
    from pipeline.mapping import load_corrections

    corrections = load_corrections(mapping, [path])
    document = read_document(path)
    overrides = corrections.for_document(path, document.sha256)
    registry = load_registry()
    workplan = document_to_workplan(document, registry, overrides)
    return explain_document(document, workplan, registry, overrides, rows), overrides
