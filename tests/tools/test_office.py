"""The Office writer and the sample builder: merges from UP/LEFT cells, pinned bytes, the committed samples."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import docx
import openpyxl
import pptx
import pytest

from tools import office
from tools.samples.__main__ import SAMPLES
from tools.samples.seeds import Sample, read_seeds

UP, LEFT = office.UP, office.LEFT


@pytest.mark.parametrize(
    ("rows", "spans"),
    [
        ([["a", "b"], ["c", "d"]], []),
        ([["a", LEFT, LEFT], ["b", "c", "d"]], [(0, 0, 0, 2)]),
        ([["a", "b"], [UP, "c"], [UP, "d"]], [(0, 0, 2, 0)]),
        ([["a", LEFT], [UP, UP]], [(0, 0, 1, 1)]),
    ],
)
def test_merge_spans(rows: list[list[str]], spans: list[tuple[int, int, int, int]]) -> None:
    assert list(office.merge_spans(rows)) == spans


def test_rows_of_different_lengths_are_refused() -> None:
    with pytest.raises(ValueError, match="differ in length"):
        office.Table(rows=(("a", "b"), ("c",)))


def test_each_kind_is_written_and_reads_back(tmp_path: Path) -> None:
    table = office.Table(rows=(("Activity", "Lead", "Q1"), ("Map partners", "OCHA", "X"), (UP, "UNICEF", "")))
    document = office.Document("Plan", (office.Heading("Plan"), office.Paragraph("Intro", bold=True), table))
    office.write(tmp_path / "plan.docx", document)
    word = docx.Document(str(tmp_path / "plan.docx"))
    assert [cell.text for cell in word.tables[0].column_cells(0)] == ["Activity", "Map partners", "Map partners"]
    office.write(tmp_path / "plan.pptx", office.Deck("Plan", (office.Slide("Plan", table=table),)))
    slide = pptx.Presentation(str(tmp_path / "plan.pptx")).slides[0]
    assert [shape.has_table for shape in slide.shapes] == [False, True]
    office.write(tmp_path / "plan.xlsx", office.Workbook((office.Sheet("Plan", "Plan 2024", table),)))
    sheet = openpyxl.load_workbook(tmp_path / "plan.xlsx").active
    assert sheet is not None
    assert (sheet["A1"].value, sheet["B5"].value) == ("Plan 2024", "UNICEF")
    assert [str(merged) for merged in sheet.merged_cells.ranges] == ["A4:A5"]


def test_writing_twice_gives_the_same_bytes_and_the_pinned_date(tmp_path: Path) -> None:
    deck = office.Deck("Agenda", (office.Slide(bullets=((0, "Review"), (1, "Field"))),))
    pinned = datetime(2020, 3, 1, 8, 30)
    first = office.write(tmp_path / "a.pptx", deck, pinned).read_bytes()
    assert office.write(tmp_path / "b.pptx", deck, pinned).read_bytes() == first
    assert pptx.Presentation(str(tmp_path / "a.pptx")).core_properties.modified == pinned


@pytest.mark.parametrize("sample", read_seeds(), ids=lambda sample: sample.name)
def test_the_seed_plans_rebuild_the_committed_samples(sample: Sample, tmp_path: Path) -> None:
    """The Office samples, byte for byte (their PDFs need LibreOffice: `make samples`)."""
    written = office.write(tmp_path / sample.name, sample.description)
    assert written.read_bytes() == (SAMPLES / sample.name).read_bytes()


def test_cell_fills_bold_rows_borderless_and_unrepeated_headers_in_word(tmp_path: Path) -> None:
    table = office.Table(
        rows=(("Activity", "Q1"), ("Band", LEFT), ("Map partners", "")),
        fills=((2, 1, "70AD47"),),
        bold_rows=(1,),
        ruled=False,
        repeat_header=False,
    )
    office.write(tmp_path / "plan.docx", office.Document("Plan", (table,)))
    word = docx.Document(str(tmp_path / "plan.docx")).tables[0]
    assert word.style.name != "Table Grid"
    assert 'w:fill="70AD47"' in word.cell(2, 1)._tc.xml
    assert word.cell(1, 0).paragraphs[0].runs[0].bold
    assert "tblHeader" not in word.rows[0]._tr.xml


def test_sheet_preamble_typed_values_fills_and_print_setup(tmp_path: Path) -> None:
    table = office.Table(
        rows=(("Activity", "Start"), ("Map partners", "")), widths_cm=(2.0, 2.0), fills=((1, 0, "FFEB9C"),)
    )
    sheet = office.Sheet(
        "Plan",
        "Plan 2025",
        table,
        first_row=4,
        preamble=("Subtitle",),
        values=(office.Value(1, 1, date(2025, 3, 1), "dd/mm/yyyy"),),
        print_landscape=True,
    )
    office.write(tmp_path / "plan.xlsx", office.Workbook((sheet,)))
    read = openpyxl.load_workbook(tmp_path / "plan.xlsx").active
    assert read is not None
    assert (read["A2"].value, read["A5"].value, read["B5"].value) == ("Subtitle", "Map partners", datetime(2025, 3, 1))
    assert read["A5"].fill.fgColor.rgb.endswith("FFEB9C")
    assert read.page_setup.orientation == "landscape"
    assert read.row_dimensions[5].height == office.XLSX_LINE_PT * 2  # 12 characters, 9 a line in 2 cm


def test_a_table_under_its_preamble_is_refused() -> None:
    with pytest.raises(ValueError, match="overlaps the preamble"):
        office.Sheet("Plan", "Plan", office.Table(rows=(("a",),)), first_row=2, preamble=("note",))


def test_text_colours_turned_headers_tables_side_by_side_and_grouped_rows(tmp_path: Path) -> None:
    table = office.Table(
        rows=(("Activity", "Q1", "Q2"), ("Map partners", "X", ""), ("Train staff", "", "X")),
        colors=((1, 0, "C00000"),),
        rotated=(1, 2),
    )
    office.write(tmp_path / "plan.docx", office.Document("Plan", (table,)))
    word = docx.Document(str(tmp_path / "plan.docx")).tables[0]
    assert word.cell(1, 0).paragraphs[0].runs[0].font.color.rgb == docx.shared.RGBColor(0xC0, 0, 0)
    turned = [c for c in range(3) if 'w:val="btLr"' in word.cell(0, c)._tc.xml]
    assert turned == [1, 2]
    office.write(tmp_path / "plan.pptx", office.Deck("Plan", (office.Slide("Plan", table=table, beside=table),)))
    shapes = [s for s in pptx.Presentation(str(tmp_path / "plan.pptx")).slides[0].shapes if s.has_table]
    assert len(shapes) == 2 and shapes[0].left + shapes[0].width < shapes[1].left
    sheet = office.Sheet("Plan", "Plan", table, outline_rows=(1, 2))
    office.write(tmp_path / "plan.xlsx", office.Workbook((sheet,)))
    read = openpyxl.load_workbook(tmp_path / "plan.xlsx").active
    assert read is not None
    assert [read.row_dimensions[r].outlineLevel for r in (3, 4, 5)] == [0, 1, 1]
    assert read["A4"].font.color.rgb.endswith("C00000")
