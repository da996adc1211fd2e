"""Plain text, TSV and CSV: runs of delimited lines are tables, other lines text blocks."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from extractors.detect import file_sha256
from extractors.model import Cell, Document, ExtractionError, Table, TextBlock

# Tried in order; cp1252 before latin-1 because it maps the "smart quotes" bytes Windows writes.
ENCODINGS = ("utf-8-sig", "utf-16", "cp1252", "latin-1")
# A comma file is a CSV only when this share of its non-blank lines has the same field count.
CSV_CONSISTENCY = 0.8
# A longer first line is a paragraph, not the document's title.
MAX_TITLE_CHARS = 200


def extract(path: Path, sha256: str | None = None) -> Document:
    """Read a text file into tables (tab- or comma-delimited runs) and text blocks."""
    text = decode_bytes(path.read_bytes())
    lines = text.splitlines()
    delimiter = "\t" if any("\t" in line for line in lines) else ("," if is_csv(lines) else None)
    tables, blocks = lines_to_tables_and_blocks(lines, delimiter)
    title = next((block.text for block in blocks if len(block.text) <= MAX_TITLE_CHARS), None)
    return Document(
        path=str(path),
        sha256=sha256 or file_sha256(path),  # hashed here only when the caller has not
        format="text",
        pages=None,
        title=title,
        tables=tuple(tables),
        text_blocks=tuple(blocks),
    )


def decode_bytes(data: bytes) -> str:
    """Decode with the first encoding that fits; UTF-16 only with its byte-order mark."""
    for encoding in ENCODINGS:
        if encoding == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ExtractionError("undecodable_text", "the text is in no known encoding")


def is_csv(lines: list[str]) -> bool:
    """True when most non-blank lines split into the same number (>1) of comma fields."""
    rows = [row for row in csv.reader(io.StringIO("\n".join(lines))) if any(row)]
    if len(rows) < 2:
        return False
    widths = [len(row) for row in rows]
    common = max(set(widths), key=widths.count)
    return common > 1 and widths.count(common) / len(widths) >= CSV_CONSISTENCY


def split_line(line: str, delimiter: str) -> list[str]:
    """The fields of one delimited line, stripped."""
    if delimiter == ",":
        return [field.strip() for field in next(csv.reader([line]), [])]
    return [field.strip() for field in line.split(delimiter)]


def lines_to_tables_and_blocks(lines: list[str], delimiter: str | None) -> tuple[list[Table], list[TextBlock]]:
    """Group consecutive delimited lines into tables; the rest become text blocks."""
    tables: list[Table] = []
    blocks: list[TextBlock] = []
    run: list[list[str]] = []
    order = 0
    for line in lines + [""]:
        if delimiter and delimiter in line:
            run.append(split_line(line, delimiter))
            continue
        if run:
            tables.append(rows_to_table(run, order, len(tables)))
            order += 1
            run = []
        if line.strip():
            blocks.append(TextBlock(text=line.strip(), kind=block_kind(line), order=order))
            order += 1
    return tables, blocks


def block_kind(line: str) -> str:
    """Bullet lines keep their kind; the rest are paragraphs."""
    return "bullet" if line.lstrip().startswith(("-", "•", "·", "*")) else "paragraph"


def rows_to_table(rows: list[list[str]], order: int, index: int) -> Table:
    """A table of single cells from rows of fields, padded to the widest row."""
    n_cols = max(len(row) for row in rows)
    cells = tuple(Cell(text=text, row=r, col=c) for r, row in enumerate(rows) for c, text in enumerate(row) if text)
    return Table(cells=cells, n_rows=len(rows), n_cols=n_cols, order=order, locator=f"table {index + 1}")
