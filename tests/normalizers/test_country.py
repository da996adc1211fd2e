"""The country of a document, from its evidence levels in their documented order (normalizers/country.py)."""

from __future__ import annotations

import pytest

from extractors.model import Cell, Document, Table, TextBlock
from normalizers.country import COUNTRY_SOURCES, find_country


def document(
    title: str | None = None, path: str = "plan.docx", blocks: tuple[str, ...] = (), cells: tuple[str, ...] = ()
) -> Document:
    """A document with a title, text blocks before one table, and that table's cells in one column."""
    table = Table(tuple(Cell(text, row, 0) for row, text in enumerate(cells)), len(cells), 1, order=len(blocks))
    text_blocks = tuple(TextBlock(text, order=index) for index, text in enumerate(blocks))
    return Document(path, "0" * 64, "docx", 1, title, (table,) if cells else (), text_blocks)


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        (document(title="Nutrition Cluster Workplan – Yemen 2024"), ("YEM", "title")),
        (document(title="South Sudan CCCM Cluster workplan"), ("SSD", "title")),  # not Sudan
        (document(title="Plan de travail du Cluster Santé, RDC"), ("COD", "title")),
        (document(title="Plan de acción", path="in/colombia_gifmm_2025.xlsx"), ("COL", "file_name")),
        (document(title="Workplan 2025", blocks=("Whole of Syria Health Cluster, Gaziantep",)), ("SYR", "preamble")),
        (document(cells=("Distribute kits in Cox's Bazar camps", "Kutupalong"), title="Workplan"), ("BGD", "places")),
        (document(title="Workplan", cells=("MoSA, UNICEF", "MEHE")), ("LBN", "registry")),
        (document(title="Regional plan: Chad and South Sudan"), (None, None)),  # two countries tie, nothing else
        (document(title="Workplan 2025"), (None, None)),
    ],
)
def test_country_and_how_it_was_found(doc: Document, expected: tuple[str | None, str | None]) -> None:
    finding = find_country(doc, [block.text for block in doc.text_blocks])
    assert (finding.country, finding.source) == expected
    assert finding.source is None or finding.source in COUNTRY_SOURCES


def test_an_earlier_level_wins_over_a_later_one() -> None:
    doc = document(title="Haïti – plan d'action VBG", cells=("Port-au-Prince", "Bogotá", "Bogotá"))
    assert find_country(doc, []).country == "HTI"
