"""The Office writer and the sample builder: merges from UP/LEFT cells, pinned bytes, the committed samples."""

from __future__ import annotations

from datetime import datetime
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
