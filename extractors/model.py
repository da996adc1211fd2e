"""The extraction model: every extractor returns a Document; every later stage reads one."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom in points (PDF) or None
# One indent level of a cell's text, in points: about a quarter of a centimetre (an XLSX indent level is one).
INDENT_STEP_PT = 7.0


@dataclass(frozen=True)
class Cell:
    """One cell of a table grid; a merged cell appears once, at its top-left position."""

    text: str
    row: int
    col: int
    row_span: int = 1
    col_span: int = 1
    shaded: bool = False
    bbox: BBox | None = None
    page: int | None = None
    continued: bool = False  # the rest of a merged cell whose origin is in an earlier part of the table
    ocr_confidence: float | None = None  # 0..1 for text read by OCR from a page image; None for a text layer
    # How the text is set, where the format shows it (hierarchy told only by indentation or type): its indent
    # level inside the cell (steps of INDENT_STEP_PT), and whether all of it is bold or italic.
    indent: int = 0
    bold: bool = False
    italic: bool = False
    struck: bool = False  # all of its text struck through (Word, Excel): an activity dropped from the plan


def indent_level(points: float) -> int:
    """The indent level of a text set `points` in from its cell's edge."""
    return max(round(points / INDENT_STEP_PT), 0)


@dataclass(frozen=True)
class Table:
    """A grid of cells with where it came from."""

    cells: tuple[Cell, ...]
    n_rows: int
    n_cols: int
    page: int | None = None
    bbox: BBox | None = None
    locator: str | None = None  # "Plan!B4", "slide 3", "table 2"
    order: int = 0  # position in the document's reading order, shared with text blocks
    confidence: float = 1.0
    notes: tuple[str, ...] = ()  # e.g. "hidden rows: 4, 5"

    def grid(self) -> list[list[str]]:
        """Rows of strings; a spanning cell's text at its top-left, covered positions ""."""
        rows = [["" for _ in range(self.n_cols)] for _ in range(self.n_rows)]
        for cell in self.cells:
            if cell.row < self.n_rows and cell.col < self.n_cols:
                rows[cell.row][cell.col] = cell.text
        return rows

    def cell_at(self, row: int, col: int) -> Cell | None:
        """The cell covering (row, col), merged cells included."""
        for cell in self.cells:
            if cell.row <= row < cell.row + cell.row_span and cell.col <= col < cell.col + cell.col_span:
                return cell
        return None


@dataclass(frozen=True)
class TextBlock:
    """A run of text outside tables: a title, heading, paragraph or bullet."""

    text: str
    kind: str = "paragraph"  # title | heading | paragraph | bullet
    page: int | None = None
    order: int = 0
    level: int = 0


@dataclass(frozen=True)
class Issue:
    """A problem met while reading a document: data, not a crash."""

    stage: str  # detect | extract | recognise | normalise | load
    kind: str  # short machine kind, e.g. no_text_layer, encrypted, too_large
    message: str
    page: int | None = None


@dataclass(frozen=True)
class Document:
    """A whole source document as extracted, before any workplan logic."""

    path: str
    sha256: str
    format: str  # pdf | docx | pptx | xlsx | text
    pages: int | None
    title: str | None = None
    tables: tuple[Table, ...] = ()
    text_blocks: tuple[TextBlock, ...] = ()
    issues: tuple[Issue, ...] = ()
    metadata: dict[str, Any] = field(default_factory=dict)


class ExtractionError(Exception):
    """A document that cannot be read at all; `kind` is the short error kind."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
