"""The XLSX extractor: blocks per sheet, merges, fills, hidden rows/columns, cached formula values."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from defusedxml import DefusedXmlException
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.xml.functions import iterparse

from extractors import extract as extract_any
from extractors.model import Document, ExtractionError
from extractors.xlsx import SheetScan, clip_ranges, extract, scan_sheet
from tests.extractors.office_golden import FIXTURES, check_golden
from tests.fixture_files import BAD

XLSX = FIXTURES / "xlsx"
CASES = [
    "two-row-header-merged",
    "header-not-on-row-1",
    "hidden-rows-cols",
    "formulas",
    "filled-quarter-cells",
    "several-sheets",
    "huge-dimension",
    "symbol-font-ticks",
    "whole-column-merge",
]
# A sheet claiming a million rows (or a merge over them) must cost what a small one does: openpyxl makes one
# cell object per position it is asked for or that a merge covers, and these fixtures hold a few dozen cells.
MAX_CELL_OBJECTS = 1000


def read(case: str) -> Document:
    """The extracted fixture."""
    return extract(XLSX / f"{case}.xlsx")


def read_counting_cells(case: str, monkeypatch: pytest.MonkeyPatch) -> tuple[Document, int]:
    """The extracted fixture, and how many cell objects openpyxl made for it."""
    made = [0]
    for kind in (Cell, MergedCell):

        def counting(self: object, *args: object, init: object = kind.__init__, **kwargs: object) -> None:
            made[0] += 1
            init(self, *args, **kwargs)  # type: ignore[operator]

        monkeypatch.setattr(kind, "__init__", counting)
    return read(case), made[0]


@pytest.mark.parametrize("case", CASES)
def test_golden(case: str) -> None:
    check_golden(read(case), "xlsx", case)


def test_registry_dispatches_xlsx_by_content() -> None:
    assert extract_any(XLSX / "formulas.xlsx").format == "xlsx"


def test_merged_title_row_becomes_text_and_header_spans_stay() -> None:
    document = read("two-row-header-merged")
    (table,) = document.tables
    title = "2020 LCRP – Child Protection Sector Workplan"
    assert [(b.kind, b.text) for b in document.text_blocks] == [("heading", "CP Workplan"), ("title", title)]
    assert document.title == title
    assert table.locator == "'CP Workplan'!A2"
    header = ["Sector Output", "Key Proposed activities", "Responsible", "2020 Timeline", "", "", ""]
    assert table.grid()[0] == header
    merged = {(c.row, c.col): (c.row_span, c.col_span) for c in table.cells if c.row_span * c.col_span > 1}
    assert merged == {(0, 0): (2, 1), (0, 1): (2, 1), (0, 2): (2, 1), (0, 3): (1, 4), (2, 0): (3, 1)}


def test_table_below_a_lone_title_cell() -> None:
    document = read("header-not-on-row-1")
    title, table, note = document.tables
    assert title.grid() == [["Protection Working Group – Action points, June 2023"]]
    assert (table.n_rows, table.n_cols, table.locator) == (4, 4, "'Action points'!B4")
    assert note.grid() == [["Source: PWG minutes"]]
    assert document.title == "Protection Working Group – Action points, June 2023"


def test_hidden_rows_and_columns_are_kept_and_noted() -> None:
    (table,) = read("hidden-rows-cols").tables
    assert table.notes == ("hidden rows: 3", "hidden columns: B")
    assert table.grid()[2] == ["Cancelled: cash feasibility study", "WP-02", "WFP", "Cancelled"]


def test_formulas_read_as_cached_values() -> None:
    (table,) = read("formulas").tables
    grid = table.grid()
    assert [row[3] for row in grid] == ["Total (USD)", "10000", "36000", "46000"]
    assert grid[1][4] == "2024-01-15 00:00:00"


def test_formulas_without_saved_values_are_an_issue(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["Activity", "Budget"])
    book.active.append(["Hygiene kits", "=25*400"])
    book.save(tmp_path / "uncalculated.xlsx")
    document = extract(tmp_path / "uncalculated.xlsx")
    issues = [(issue.kind, issue.message.split()[0]) for issue in document.issues]
    assert issues == [("formula_without_value", "1")]
    assert read("formulas").issues == ()


def test_whole_column_merge_is_cut_at_the_data(monkeypatch: pytest.MonkeyPatch) -> None:
    document, cells_made = read_counting_cells("whole-column-merge", monkeypatch)
    (table,) = document.tables
    assert cells_made < MAX_CELL_OBJECTS
    assert (table.n_rows, table.n_cols) == (3, 2)
    assert table.cell_at(2, 0) == table.cell_at(1, 0)
    assert table.grid()[2] == ["", "Dashboards on child labour"]


@pytest.mark.parametrize("prefix", [b"", b"x:"])
def test_sheet_scan_finds_the_extent_and_cuts_ranges_there(prefix: bytes) -> None:
    template = (
        b'<P:worksheet><P:sheetData><P:row r="1"><P:c r="A1" t="s"><P:v>0</P:v></P:c>'
        b'<P:c r="B1"><P:f>1+1</P:f><P:v></P:v></P:c><P:c r="C1" s="2"/></P:row>'
        b'<P:row r="2"><P:c r="B2"><P:v>3</P:v></P:c></P:row></P:sheetData>'
        b'<P:mergeCells><P:mergeCell ref="A1:XFD1048576"/></P:mergeCells></P:worksheet>'
    )
    xml = template.replace(b"P:", prefix)
    scan = scan_sheet(xml)
    assert scan == SheetScan(last_row=2, last_col=2, formulas_without_value=1)
    assert prefix + b'mergeCell ref="A1:B2"' in clip_ranges(xml, scan)


def test_merged_title_standing_alone_is_a_table_and_a_title(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"] = "Shelter Sector Workplan 2021"
    sheet.merge_cells("A1:C1")
    for row in [[None], ["Activity", "Lead", "Status"], ["NFI distribution", "UNHCR", "Ongoing"]]:
        sheet.append(row)
    book.save(tmp_path / "title-apart.xlsx")
    document = extract(tmp_path / "title-apart.xlsx")
    title, table = document.tables
    assert (title.grid(), title.cells[0].col_span) == ([["Shelter Sector Workplan 2021", "", ""]], 3)
    assert table.grid()[0] == ["Activity", "Lead", "Status"]
    assert document.title == "Shelter Sector Workplan 2021"


def test_filled_quarters_are_shaded_white_is_not() -> None:
    (table,) = read("filled-quarter-cells").tables
    shaded = {(c.row, c.col) for c in table.cells if c.shaded}
    assert shaded == {(1, 2), (1, 3), (2, 3), (2, 4), (3, 2), (3, 3), (3, 4), (3, 5)}
    assert all(c.text == "" for c in table.cells if c.shaded)


def test_symbol_font_ticks_read_as_ticks() -> None:
    (table,) = read("symbol-font-ticks").tables
    assert [row[1:] for row in table.grid()[1:]] == [["✓", "✓", "", ""], ["", "✓", "✓", ""], ["✓"] * 4]


def test_several_sheets_blocks_and_hidden_sheet() -> None:
    document = read("several-sheets")
    assert [t.page for t in document.tables] == [1, 2, 2, 2, 3]
    assert [t.locator for t in document.tables] == [
        "Health!A1",
        "'WASH Sector'!A1",
        "'WASH Sector'!D1",
        "'WASH Sector'!F4",
        "Lists!A1",
    ]
    assert document.tables[3].grid() == [["Indicator", "Target"], ["People with safe water", "25000"]]
    assert document.tables[4].notes == ("hidden sheet: Lists",)
    assert document.pages == 3


def test_huge_dimension_reads_only_the_cells_present(monkeypatch: pytest.MonkeyPatch) -> None:
    document, cells_made = read_counting_cells("huge-dimension", monkeypatch)
    assert cells_made < MAX_CELL_OBJECTS
    with zipfile.ZipFile(XLSX / "huge-dimension.xlsx") as archive:
        assert b'<dimension ref="A1:H1048576"/>' in archive.read("xl/worksheets/sheet1.xml")
    assert [(t.n_rows, t.n_cols) for t in document.tables] == [(3, 2), (3, 2), (3, 2), (2, 2), (3, 1)]


@pytest.mark.parametrize(
    ("case", "kind"), [("external-entity", "unsafe_xml"), ("zip-bomb", "zip_bomb"), ("not-a-workbook", "corrupt_file")]
)
def test_unsafe_or_broken_packages_are_refused(case: str, kind: str) -> None:
    with pytest.raises(ExtractionError) as caught:
        extract(BAD / f"{case}.xlsx")
    assert caught.value.kind == kind


def test_openpyxl_parser_refuses_entities() -> None:
    """Defence in depth: past the DOCTYPE check, openpyxl's sheet reader (defusedxml) refuses entities."""
    with zipfile.ZipFile(BAD / "external-entity.xlsx") as archive:
        xml = archive.read("xl/worksheets/sheet1.xml")
    with pytest.raises(DefusedXmlException):
        list(iterparse(io.BytesIO(xml)))
