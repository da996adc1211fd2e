"""Tables joined across a page break: repeated header rows, a cut row, merged cells that run on."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from extractors.continuation import join_tables, stitch_tables
from extractors.docx import extract as extract_docx
from extractors.model import Cell, Table, TextBlock


def table(rows: list[list[str]], page: int = 1, spans: dict[tuple[int, int], int] | None = None) -> Table:
    """A table of the given texts; `spans` gives (row, col) -> row_span, the covered positions left out."""
    spans = spans or {}
    covered = {(r + k, c) for (r, c), span in spans.items() for k in range(1, span)}
    cells = tuple(
        Cell(text, r, c, row_span=spans.get((r, c), 1), page=page)
        for r, row in enumerate(rows)
        for c, text in enumerate(row)
        if (r, c) not in covered
    )
    return Table(cells, len(rows), len(rows[0]), page=page)


HEADER = [["Objective", "Activity", "Lead"]]


def test_repeated_header_rows_are_dropped_once() -> None:
    two_rows = [["Objective", "Activity", "Timeline"], ["", "", "Q1"]]
    first = table(two_rows + [["Access", "Distribute kits", "X"]])
    second = table(two_rows + [["Access", "Repair shelters", "X"]], page=2)
    assert join_tables(first, second).grid() == two_rows + [
        ["Access", "Distribute kits", "X"],
        ["Access", "Repair shelters", "X"],
    ]


def test_headerless_continuation_is_appended() -> None:
    first = table(HEADER + [["Access", "Distribute kits", "IOM"]])
    second = table([["Quality", "Train staff", "NRC"]], page=2)
    assert join_tables(first, second).grid()[1:] == [
        ["Access", "Distribute kits", "IOM"],
        ["Quality", "Train staff", "NRC"],
    ]


def test_a_row_cut_by_the_break_is_joined_back() -> None:
    first = table(HEADER + [["Access", "Distribute winter kits to", "IOM"]])
    second = table(HEADER + [["", "displaced families", ""], ["Quality", "Train staff", "NRC"]], page=2)
    assert join_tables(first, second).grid()[1:] == [
        ["Access", "Distribute winter kits to displaced families", "IOM"],
        ["Quality", "Train staff", "NRC"],
    ]


def test_a_cut_row_whose_first_column_goes_on_in_lower_case_is_joined_back() -> None:
    first = table([["Activity", "Lead"], ["Distribute winter kits to the", "IOM"]])
    second = table([["families of the camps", ""], ["Train staff", "NRC"], ["Repair shelters", "UNHCR"]], page=2)
    assert join_tables(first, second).grid()[1:] == [
        ["Distribute winter kits to the families of the camps", "IOM"],
        ["Train staff", "NRC"],
        ["Repair shelters", "UNHCR"],
    ]
    keyed = table([["Families of the camps", ""], ["Train staff", "NRC"]], page=2)
    assert join_tables(first, keyed).n_rows == 4  # a capital there may open a row: kept apart


def test_a_cut_row_merged_down_on_the_next_page_stays_merged_over_the_rows_there() -> None:
    first = table([["Output", "Activity"], ["Output 3: Families", "Train the"]])
    second = table([["are safe", "caregivers"], ["", "Visit homes"], ["", "Refer cases"]], page=2, spans={(0, 0): 3})
    joined = join_tables(first, second)
    output = joined.cell_at(3, 0)
    assert output is not None and (output.text, output.row, output.row_span) == ("Output 3: Families are safe", 1, 3)
    assert [row[1] for row in joined.grid()[1:]] == ["Train the caregivers", "Visit homes", "Refer cases"]


def test_a_row_is_not_mended_where_the_format_never_cuts_rows() -> None:
    first = table(HEADER + [["Access", "Distribute kits", "IOM"]])
    second = table([["", "repair shelters", "NRC"]], page=2)
    assert join_tables(first, second, mend_cut_rows=False).n_rows == 3


def test_a_merged_cell_running_over_the_break_carries_its_text_to_the_rows_there() -> None:
    first = table(
        HEADER + [["Access", "Distribute kits", "IOM"], ["", "Repair shelters", ""]], spans={(1, 0): 2, (1, 2): 2}
    )
    second = table([["", "Map sites", ""], ["", "Train staff", ""]], page=2, spans={(0, 0): 2, (0, 2): 2})
    joined = join_tables(first, second)
    lead = joined.cell_at(4, 2)
    assert lead is not None and (lead.text, lead.row, lead.row_span) == ("IOM", 1, 4)
    assert joined.cell_at(3, 0) == joined.cell_at(1, 0)


def test_an_empty_cell_below_a_plain_one_is_not_a_continued_merge() -> None:
    first = table(HEADER + [["Access", "Distribute kits", "IOM"]])
    second = table([["Quality", "Map sites", ""]], page=2)
    lead = join_tables(first, second).cell_at(2, 2)
    assert lead is not None and lead.text == ""


def test_stitching_joins_only_what_the_format_says_continues() -> None:
    first, second, third = table(HEADER), table(HEADER, page=2), table([["a", "b", "c"]], page=3)
    entries = stitch_tables([first, TextBlock(""), second, TextBlock("Note"), third], lambda a, b: b.page == a.page + 1)
    assert [type(entry).__name__ for entry in entries] == ["Table", "TextBlock", "Table"]
    assert isinstance(entries[0], Table) and entries[0].n_rows == 1 and entries[0].cell_at(0, 0) is not None


def vertical_merge(cell: docx.table._Cell, value: str | None) -> None:
    """Mark a Word cell as the start ("restart") or the rest (None) of a vertical merge."""
    merge = OxmlElement("w:vMerge")
    if value:
        merge.set(qn("w:val"), value)
    cell._tc.get_or_add_tcPr().append(merge)


def test_a_word_merge_continued_in_the_next_piece_carries_its_lead(tmp_path: Path) -> None:
    document = docx.Document()
    pieces = [[("Objective", "Activity", "Lead"), ("Access", "Distribute kits", "IOM")], [("", "Repair shelters", "")]]
    for rows in pieces:
        word_table = document.add_table(rows=len(rows), cols=3)
        for r, values in enumerate(rows):
            for c, text in enumerate(values):
                word_table.cell(r, c).text = text
        document.add_paragraph("")
    first, second = document.tables
    vertical_merge(first.cell(1, 2), "restart")
    vertical_merge(second.cell(0, 2), None)
    path = tmp_path / "split.docx"
    document.save(path)
    (joined,) = extract_docx(path).tables
    lead = joined.cell_at(2, 2)
    assert lead is not None and (lead.text, lead.row, lead.row_span) == ("IOM", 1, 2)
