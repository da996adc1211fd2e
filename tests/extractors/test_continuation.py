"""Tables joined across a page break: repeated header rows, a cut row, merged cells that run on."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import docx
import pytest
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


def test_a_repeated_header_that_lost_the_ends_of_its_wrapped_cells_is_dropped() -> None:
    """The next page's header lines broke elsewhere ("Lead organisatio n" over "Lead organisatio")."""
    first = table([["Code", "Key task", "Lead organisatio n", "Progres s to date"], ["1", "Map sites", "IOM", "Done"]])
    second = table(
        [["Code", "Key task", "Lead organisatio", "Progres s to"], ["2", "Train staff", "NRC", "Ongoing"]], 2
    )
    assert [row[1] for row in join_tables(first, second).grid()] == ["Key task", "Map sites", "Train staff"]


@pytest.mark.parametrize(
    "opening",
    [
        ["Code", "Key", "Lead", "Progress"],  # a cell far shorter than the header's: a body row
        ["Code", "Key task", "Lead organisation", "Status"],  # another text
        ["", "", "", ""],
    ],
)
def test_a_row_merely_starting_like_the_header_is_kept(opening: list[str]) -> None:
    first = table([["Code", "Key task", "Lead organisation", "Progress to date"], ["1", "Map sites", "IOM", "Done"]])
    second = table([opening, ["2", "Train staff", "NRC", "Ongoing"]], 2)
    assert join_tables(first, second).n_rows == 4


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


CODED = [["N°", "Activity", "Lead"]]


@pytest.mark.parametrize(
    ("opening", "joined"),
    [
        # the code's last piece and the activity's lowercase rest: the row the break cut, its code whole again
        (["1", "in the return areas", ""], True),
        (["a", "before the rains", ""], True),
        # a row of its own: its text opens on a capital, or it names its own lead
        (["2", "Train staff", "NRC"], False),
        (["1", "in the return areas", "NRC"], False),
    ],
)
def test_a_code_wrapped_after_its_dot_and_cut_by_the_break_is_joined_back(opening: list[str], joined: bool) -> None:
    first = table(CODED + [["2.1.", "Support mobile clinics", "Medair"]])
    second = table(CODED + [opening, ["2.1.2", "Supply the health posts", "WHO"]], page=2)
    grid = join_tables(first, second).grid()
    if joined:
        assert grid[1] == ["2.1." + opening[0], "Support mobile clinics " + opening[1], "Medair"]
    else:
        assert len(grid) == 4


def test_two_names_parted_by_the_break_stay_two_lines_of_the_cut_cell() -> None:
    # an acronym on the first page, an agency's name alone at the top of the next: two organisations
    first = table(HEADER + [["Access", "Screen children in the camps", "MSP"]])
    second = table(HEADER + [["", "", "Unicef"], ["Quality", "Train staff", "NRC"]], page=2)
    assert join_tables(first, second).grid()[1] == ["Access", "Screen children in the camps", "MSP\nUnicef"]
    # a name wrapped over the break stays one
    first = table(HEADER + [["Access", "Screen children in the camps", "Ministry of"]])
    second = table(HEADER + [["", "", "Public Health"]], page=2)
    assert join_tables(first, second).grid()[1][2] == "Ministry of Public Health"


def test_a_header_repeated_under_the_first_parts_title_row_is_dropped() -> None:
    title = [["Health Cluster plan 2027", "Health Cluster plan 2027", "Health Cluster plan 2027"]]
    first = table(title + HEADER + [["Access", "Distribute kits", "IOM"]])
    second = table(HEADER + [["Quality", "Train staff", "NRC"]], page=2)
    assert join_tables(first, second).grid()[2:] == [
        ["Access", "Distribute kits", "IOM"],
        ["Quality", "Train staff", "NRC"],
    ]


@pytest.mark.parametrize(
    ("opening", "joined"),
    [
        # the first column's own text wrapped over the break: its lowercase word carries the row on
        (["various working groups", "for the sector", "UNICEF"], True),
        (["mécanismes de suivi", "", ""], True),
        (["mechanisms for the", "sector", "October 2027"], True),
        # a keyed row (a code, a capital, a list key) opens a row of its own
        (["Quality", "Train staff", "NRC"], False),
        (["État civil", "Issue documents", "UNHCR"], False),
        (["a) community", "Train staff", "NRC"], False),
        (["ii. referral", "Train staff", "NRC"], False),
        # a merged first cell's text running on above a new row of its own
        (["reached by services", "Train staff", "NRC"], False),
    ],
)
def test_a_first_cell_opening_on_a_lowercase_word_is_the_cut_rows_rest(opening: list[str], joined: bool) -> None:
    first = table(HEADER + [["Access", "Develop guidance", "OCHA"]])
    second = table(HEADER + [opening, ["Quality", "Hold meetings", "WFP"]], page=2)
    assert join_tables(first, second).n_rows == (3 if joined else 4)


def test_a_cut_rows_tail_merged_over_the_next_rows_carries_the_joined_text_to_them() -> None:
    first = table([["Output", "Activity", "Lead"], ["Output 2: Families are", "Run clinics", "WHO"]])
    second = table(
        [["reached by services", "and midwives", "with UNFPA"], ["", "Equip maternity wards", "UNICEF"]],
        page=2,
        spans={(0, 0): 2},
    )
    joined = join_tables(first, second)
    assert joined.grid()[1:] == [
        ["Output 2: Families are reached by services", "Run clinics and midwives", "WHO with UNFPA"],
        ["", "Equip maternity wards", "UNICEF"],
    ]
    merged = next(cell for cell in joined.cells if (cell.row, cell.col) == (1, 0))
    assert merged.row_span == 2


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


def test_a_sparse_cut_row_whose_name_goes_on_with_a_capital_is_the_cut_rows_rest() -> None:
    """The key runs on in lower case; the lead's name, cut in its middle, goes on with a capital."""
    header = [["Activity", "Lead", "Partners", "Q1", "Status"]]
    first = table(header + [["Truck water to the", "National Office of", "Red Cross", "X", "Ongoing"]])
    rest = ["camps of the north", "Civil Protection", "", "", ""]
    second = table(header + [rest, ["Repair pipes", "Water Office", "", "X", "Planned"]], page=2)
    assert join_tables(first, second).grid()[1] == [
        "Truck water to the camps of the north",
        "National Office of Civil Protection",
        "Red Cross",
        "X",
        "Ongoing",
    ]
    a_sentence = table(header + [["Truck water to the camps.", "Civil Protection", "Red Cross", "X", "Ongoing"]])
    assert join_tables(a_sentence, second).n_rows == 4  # the key above ended its sentence


def test_specks_between_two_parts_go_with_the_break() -> None:
    first, second = table(HEADER + [["Access", "Map sites", "IOM"]]), table([["Quality", "Train staff", "NRC"]], page=2)
    specks = [TextBlock(". ."), TextBlock("•"), TextBlock("")]
    entries = stitch_tables([first, *specks, second], lambda a, b: b.page == a.page + 1)
    assert len(entries) == 1 and isinstance(entries[0], Table) and entries[0].n_rows == 3
    noted = stitch_tables([first, TextBlock("Note 1"), second], lambda a, b: b.page == a.page + 1)
    assert len(noted) == 3


def test_a_header_repeated_on_a_scanned_page_with_a_misread_cell_is_dropped() -> None:
    header = ["Objectives, outputs and activities", "Lead", "Partners", "Q1", "Q4", "Status"]
    misread = ["Objectives, outputs ● . activities", "Lead", "Partners", "Q1", "Q4", "Status"]
    body = ["Train staff", "NRC", "", "X", "", "Done"]
    first = table([header, ["Map sites", "IOM", "", "X", "", "Done"]])
    scanned = table([misread, body], page=2)
    scanned = replace(scanned, cells=tuple(replace(cell, ocr_confidence=0.9) for cell in scanned.cells))
    assert join_tables(first, scanned).grid()[1:] == [first.grid()[1], body]
    assert join_tables(first, table([misread, body], page=2)).n_rows == 4  # a text layer misreads nothing
