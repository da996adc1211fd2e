"""A draft mapping of a document's reading (`workplans explain --write-mapping FILE`): one [[document]] entry
naming it by SHA-256, with its facts as comments and each workplan table's kind, bounds and column roles as
values, for an analyst to correct and pass to `ingest --mapping` (pipeline/mapping.py reads it back)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.paths import path_text

if TYPE_CHECKING:
    from pipeline.explain import Explanation, TableExplanation


def toml_text(value: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(value, ensure_ascii=False)


def draft_mapping(explanation: Explanation) -> str:
    """The draft entry of one document, as TOML text."""
    meta = explanation.document
    lines = [
        f"# Drafted by `workplans explain` on {date.today().isoformat()} for {path_text(explanation.path)}.",
        "# Correct what is wrong (a role, a kind, the header rows), delete the tables read right, then run",
        "# `workplans ingest ... --mapping THIS_FILE` (or name this file workplans.toml beside the documents).",
        "[[document]]",
        f"sha256 = {toml_text(explanation.sha256)}",
        f"# year = {meta['years'][0] if meta['years'] else 2025}  # read: {meta['years'] or 'no year'}",
        f"# country = {toml_text(meta['country'] or 'ISO')}  # read: {meta['country'] or 'no country'}"
        + (f" (from the {meta['country_source']})" if meta["country_source"] else ""),
        f"# language = {toml_text(meta['language'] or 'en')}  # read: {meta['language'] or 'not told'}",
        "# primary = true  # count this copy of the plan, not another",
    ]
    for table in explanation.tables:
        lines += ["", *table_lines(table)]
    return "\n".join(lines) + "\n"


def table_lines(table: TableExplanation) -> list[str]:
    """One table's entry: values for a workplan table read from its own header, comments for the others."""
    place = f"page {table.page}" if table.page is not None else (table.locator or "")
    confidence = f", confidence {table.confidence:.2f}" if table.confidence is not None else ""
    if table.kind == "other" or table.continued:
        why = "continues the table before" if table.continued else "read as no workplan"
        return [f"# table {table.index} ({place}): {why}; to read it, add [[document.table]] index = {table.index}"]
    lines = [
        "[[document.table]]",
        f"index = {table.index}  # {place}{confidence}",
        f"kind = {toml_text(table.kind)}  # workplan | action_points | other; skip = true reads no rows",
        f"preamble_rows = {len(table.preamble_rows)}",
        f"header_rows = {len(table.header_rows)}",
        "[document.table.columns]",
    ]
    headers = [column.header for column in table.columns]
    for column in table.columns:
        unique = column.header and headers.count(column.header) == 1
        name = column.header if unique else f"column {column.index + 1}"
        lines.append(f"{toml_text(name)} = {toml_text(column.role)}  # {' '.join(column.evidence.split())}")
    return lines


def append_draft(path: Path, explanation: Explanation) -> None:
    """Write the draft to `path`, after what the file holds already (a mapping collects several documents)."""
    before = path.read_text(encoding="utf-8") if path.exists() else ""
    separator = "\n" if before and not before.endswith("\n\n") else ""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(before + separator + draft_mapping(explanation), encoding="utf-8")
