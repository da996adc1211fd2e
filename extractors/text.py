"""Plain text, TSV and CSV: runs of delimited records are tables, other lines text blocks.

The delimiter is sniffed: a tab wherever one stands, else the one of comma, semicolon (the export of a
spreadsheet set to French, Spanish or Portuguese) or pipe that splits the most records into the same
number of fields. Records are read with their quoting, so a quoted cell holding line breaks stays one cell.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from pathlib import Path

from extractors.detect import file_sha256
from extractors.model import Cell, Document, ExtractionError, Table, TextBlock

# Tried in order; cp1252 before latin-1 because it maps the "smart quotes" bytes Windows writes.
ENCODINGS = ("utf-8-sig", "utf-16", "cp1252", "latin-1")
# Delimiters a spreadsheet exports with besides the tab: comma, semicolon (where the comma is the decimal
# mark: French, Spanish, Portuguese locales) and pipe; the first is preferred when two read as well.
DELIMITERS = (",", ";", "|")
TAB = "\t"
# Leading spaces that make one indent level of a field's text (a tab is one level too): hierarchy by indentation.
SPACES_PER_LEVEL = 2
# Excel writes "sep=;" as a CSV's first line to state its delimiter; the line is no content.
SEPARATOR_LINE = re.compile(r"^sep=(.)\r?\n")
# A file is delimited only when this share of its non-blank records has the same field count (> 1).
CSV_CONSISTENCY = 0.8
# A tool's export opens with comment lines ("# Exported from ...") above its header: text, not records. The "#"
# stands alone or before a space: "#,Activity" heads a numbering column, "#activity" is an HXL hashtag.
COMMENT_LINES = re.compile(r"\A(?:[ \t]*#(?:[ \t][^\n]*)?\r?\n)+")
# A longer first line is a paragraph, not the document's title.
MAX_TITLE_CHARS = 200
# A Markdown pipe table's line under its header (`|---|:---:|`): the columns' alignment, no row of the table.
MARKDOWN_ALIGNMENT = re.compile(r"^\s*:?-{3,}:?\s*$")
# A line break written inside a Markdown cell.
MARKDOWN_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


def extract(path: Path, sha256: str | None = None) -> Document:
    """Read a text file into tables (runs of delimited records) and text blocks."""
    text = decode_bytes(path.read_bytes())
    stated = SEPARATOR_LINE.match(text)
    text = text[stated.end() :] if stated else text
    comments, body = split_comment_lines(text)
    delimiter = stated.group(1) if stated else sniff_delimiter(body)
    if delimiter is None:
        comments, body = [], text  # plain text: a line opening with "#" is a line like any other
    records = read_records(body, delimiter) if delimiter else [[line] for line in body.splitlines()]
    if delimiter == "|":
        records = markdown_records(records)
    tables, blocks = records_to_tables_and_blocks([*comments, *records])
    return Document(
        path=str(path),
        sha256=sha256 or file_sha256(path),  # hashed here only when the caller has not
        format="text",
        pages=None,
        title=title_above_tables(blocks, tables),
        tables=tuple(tables),
        text_blocks=tuple(blocks),
    )


def title_above_tables(blocks: Sequence[TextBlock], tables: Sequence[Table]) -> str | None:
    """The first short line above the first table (any short line when there is no table): a block under the
    rows (a totals block's or a contacts table's title line, a note) names that block, not the document."""
    first_table = min((table.order for table in tables), default=None)
    above = [block for block in blocks if first_table is None or block.order < first_table]
    return next((block.text for block in above if len(block.text) <= MAX_TITLE_CHARS), None)


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


def split_comment_lines(text: str) -> tuple[list[list[str]], str]:
    """The comment lines opening the text (each a one-field record, its "#" taken off) and the rest."""
    comments = COMMENT_LINES.match(text)
    if comments is None:
        return [], text
    return [[line.strip().lstrip("#")] for line in comments.group().splitlines()], text[comments.end() :]


def read_records(text: str, delimiter: str) -> list[list[str]]:
    """The text's records split at the delimiter, quoted fields (line breaks and all) kept whole; read
    without quoting when that splits the records more alike (a stray quote opening a cell of prose would
    otherwise swallow the lines after it)."""
    csv.field_size_limit(max(csv.field_size_limit(), len(text)))  # a cell as long as the file is still a cell
    quoted = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    plain = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quoting=csv.QUOTE_NONE))
    return quoted if consistency(quoted) >= consistency(plain) else plain


def markdown_records(records: list[list[str]]) -> list[list[str]]:
    """Pipe-delimited records read as a Markdown table when every record of several fields opens and closes on a
    pipe: the empty fields outside the edge pipes gone, the alignment line under the header taken out, `<br>`
    read as a line break inside a cell. Other pipe-delimited records are left as they are."""
    rows = [record for record in records if len(record) > 1]
    if not rows or any(record[0].strip() or record[-1].strip() for record in rows):
        return records
    read: list[list[str]] = []
    for record in records:
        if len(record) <= 1:
            read.append(record)
        elif not all(MARKDOWN_ALIGNMENT.match(field) for field in record[1:-1]):
            read.append([MARKDOWN_BREAK.sub("\n", field) for field in record[1:-1]])
    return read


def consistency(records: Sequence[Sequence[str]]) -> float:
    """How alike the records split: the share of the whole text's, or of its tables one under another (a
    workplan, then a block of totals and a table of contacts under it, each after a blank line), whichever is
    higher."""
    return max(share_alike(records), stacked_share(records))


def share_alike(records: Sequence[Sequence[str]]) -> float:
    """The share of non-blank records holding the most common field count, 0 when that count is 1."""
    widths = [len(record) for record in records if any(field.strip() for field in record)]
    if len(widths) < 2:
        return 0.0
    common = max(set(widths), key=widths.count)
    return widths.count(common) / len(widths) if common > 1 else 0.0


def stacked_share(records: Sequence[Sequence[str]]) -> float:
    """The share of non-blank records in runs (between blank lines) that are tables of their own: past a
    one-field title line, at least two records splitting alike (CSV_CONSISTENCY of them)."""
    runs: list[list[Sequence[str]]] = [[]]
    for record in records:
        if any(field.strip() for field in record):
            runs[-1].append(record)
        elif runs[-1]:
            runs.append([])
    tabular = sum(len(run) for run in runs if share_alike(run[1:] if len(run[0]) == 1 else run) >= CSV_CONSISTENCY)
    total = sum(len(run) for run in runs)
    return tabular / total if total else 0.0


def sniff_delimiter(text: str) -> str | None:
    """A tab when any line has one, else the delimiter splitting most records alike, None for plain text."""
    if TAB in text:
        return TAB
    scores = {delimiter: consistency(read_records(text, delimiter)) for delimiter in DELIMITERS if delimiter in text}
    best = max(scores, key=lambda delimiter: scores[delimiter], default=None)
    return best if best is not None and scores[best] >= CSV_CONSISTENCY else None


def records_to_tables_and_blocks(records: Sequence[Sequence[str]]) -> tuple[list[Table], list[TextBlock]]:
    """Group consecutive records of several fields into tables; one-field records become text blocks."""
    tables: list[Table] = []
    blocks: list[TextBlock] = []
    run: list[list[str]] = []
    order = 0
    for record in [*records, []]:
        if len(record) > 1:
            run.append(list(record))
            continue
        if run:
            tables.append(rows_to_table(run, order, len(tables)))
            order += 1
            run = []
        line = record[0].strip() if record else ""
        if line:
            blocks.append(TextBlock(text=line, kind=block_kind(line), order=order))
            order += 1
    return tables, blocks


def block_kind(line: str) -> str:
    """Bullet lines keep their kind; the rest are paragraphs."""
    return "bullet" if line.startswith(("-", "•", "·", "*")) else "paragraph"


def leading_indent(field: str) -> int:
    """The indent level of a field's text: a tab, or SPACES_PER_LEVEL spaces, before it a level."""
    lead = field[: len(field) - len(field.lstrip())].replace("\t", " " * SPACES_PER_LEVEL)
    return len(lead.replace("\n", "").replace("\r", "")) // SPACES_PER_LEVEL


def rows_to_table(rows: list[list[str]], order: int, index: int) -> Table:
    """A table of single cells from rows of fields, padded to the widest row."""
    n_cols = max(len(row) for row in rows)
    cells = tuple(
        Cell(text=text.strip(), row=r, col=c, indent=leading_indent(text))
        for r, row in enumerate(rows)
        for c, text in enumerate(row)
        if text.strip()
    )
    return Table(cells=cells, n_rows=len(rows), n_cols=n_cols, order=order, locator=f"table {index + 1}")
