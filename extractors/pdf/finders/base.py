"""The interface every table finder implements, as a template (camelot's BaseParser): the page's candidate
areas, each candidate's table with the accuracy of its reading, and a confidence for each table kept."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Generic, TypeVar

from extractors.model import Table
from extractors.pdf.index import CharIndex
from extractors.pdf.objects import Char, PageObjects
from extractors.pdf.settings import PdfSettings
from extractors.pdf.words import TextLine

Candidate = TypeVar("Candidate")
# Confidences are stored rounded: more digits say nothing about a reading.
CONFIDENCE_DIGITS = 3


@dataclass(frozen=True)
class PageInput:
    """What a finder may read of a page: its objects, the glyphs still free (not in a table found before)
    and the text lines made of them."""

    number: int
    objects: PageObjects
    chars: list[Char]
    lines: list[TextLine]

    @property
    def size(self) -> tuple[float, float]:
        return self.objects.width, self.objects.height

    @cached_property
    def index(self) -> CharIndex:
        """The free glyphs indexed by place (built once, on first use)."""
        return CharIndex(self.chars)


class TableFinder(ABC, Generic[Candidate]):
    """Finds the tables of a page: `candidates`, then `build` (a table whose `confidence` holds the accuracy
    of its reading, or None to reject the candidate); the template scores each kept table."""

    def __init__(self, settings: PdfSettings) -> None:
        self.settings = settings

    def find(self, page: PageInput) -> list[Table]:
        """Every table this finder stands by on the page, each with its confidence."""
        tables = []
        for candidate in self.candidates(page):
            table = self.build(candidate, page)
            if table is not None:
                tables.append(replace(table, confidence=table_confidence(table)))
        return tables

    @abstractmethod
    def candidates(self, page: PageInput) -> Iterable[Candidate]:
        """The areas of the page that may hold a table."""

    @abstractmethod
    def build(self, candidate: Candidate, page: PageInput) -> Table | None:
        """The table of one candidate, its `confidence` set to the reading's accuracy (0..1); None when the
        candidate is no table."""


def table_confidence(table: Table) -> float:
    """camelot's score: the reading's accuracy times the share of the grid that holds something (text or
    shading), so a sparse grid of chance alignments scores low."""
    covered = sum(cell.row_span * cell.col_span for cell in table.cells if cell.text or cell.shaded)
    positions = max(table.n_rows * table.n_cols, 1)
    return round(table.confidence * min(covered / positions, 1.0), CONFIDENCE_DIGITS)
