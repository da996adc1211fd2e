"""Golden files for the Office extractors: the `tables --json` shape plus spans, shading and text blocks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from extractors.model import Document, Table
from tests.golden_flag import GOLDEN_ENV, REWRITE_GOLDEN

FIXTURES = Path(__file__).parent.parent / "fixtures"


def table_to_golden(index: int, table: Table) -> dict[str, Any]:
    """What the CLI prints for a table, plus its locator, notes, spans and shaded cells."""
    return {
        "page": table.page,
        "index": index,
        "rows": table.grid(),
        "locator": table.locator,
        "order": table.order,
        "notes": list(table.notes),
        "spans": [[c.row, c.col, c.row_span, c.col_span] for c in table.cells if c.row_span > 1 or c.col_span > 1],
        "shaded": [[c.row, c.col] for c in table.cells if c.shaded],
    }


def document_to_golden(document: Document) -> dict[str, Any]:
    """A document as plain JSON data, paths and hashes left out."""
    return {
        "format": document.format,
        "pages": document.pages,
        "title": document.title,
        "tables": [table_to_golden(index, table) for index, table in enumerate(document.tables)],
        "text_blocks": [
            {"kind": b.kind, "level": b.level, "page": b.page, "order": b.order, "text": b.text}
            for b in document.text_blocks
        ],
        "issues": [issue.kind for issue in document.issues],
    }


def readable_json(value: Any, indent: str = "") -> str:
    """JSON with one line per table row, span or text block, so a golden file reads by eye."""
    inner = indent + " "
    scalars = (str, int, float, bool, type(None))
    if isinstance(value, dict) and not all(isinstance(v, scalars) for v in value.values()):
        items = [f"{inner}{json.dumps(k)}: {readable_json(v, inner)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + indent + "}"
    if isinstance(value, list) and any(isinstance(v, (list, dict)) for v in value):
        return "[\n" + ",\n".join(inner + readable_json(v, inner) for v in value) + "\n" + indent + "]"
    return json.dumps(value, ensure_ascii=False)


def check_golden(document: Document, fmt: str, case: str) -> None:
    """Compare a document with tests/fixtures/<fmt>/expected/<case>.json, or rewrite it when asked."""
    expected_path = FIXTURES / fmt / "expected" / f"{case}.json"
    actual = document_to_golden(document)
    if REWRITE_GOLDEN:  # `make golden`: rewrite from the current output (then check the diff by eye)
        expected_path.write_text(readable_json(actual) + "\n", encoding="utf-8")
        return
    assert expected_path.exists(), f"no golden file {expected_path}: run `make golden` ({GOLDEN_ENV}=1) and check it"
    assert actual == json.loads(expected_path.read_text(encoding="utf-8"))
