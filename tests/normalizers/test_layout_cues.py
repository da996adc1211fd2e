"""Layout read from cues besides header words: bare labels and shaded bands among the rows, organisation
names in a column, unlabelled headings above several tables; each on small tables of invented content."""

import pytest

from extractors.model import Document, Table, TextBlock
from normalizers.actors import load_registry
from normalizers.headers import columns_from_headers
from normalizers.sections import Section, bare_label_level, labelled_pair, numbering_depth
from normalizers.workplan import document_to_workplan, names_organisation
from tests.normalizers.test_workplan import document, table_from_rows

HEADER = ["Code", "Task", "Lead", "Partners", "Q1", "Q2", "Status"]


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Outcome 2", "objective"),
        ("Output 1.2:", "output"),
        ("Pilier 3 :", "priority"),
        ("Objectif spécifique 2", "objective"),
        ("Eje B -", "priority"),
        ("Strategic Objective II", "objective"),
        ("Objective 1: Improve access", None),  # a label with its text is one cell's section, not a pair's
        ("Outputs delivered on time", None),
        ("Train staff", None),
    ],
)
def test_bare_label_level(text: str, level: str | None) -> None:
    assert bare_label_level(text) == level


def test_a_bare_label_and_its_text_make_one_section() -> None:
    assert labelled_pair("Output 1.2 –", "Clinics are equipped") == Section(
        "output", "Output 1.2: Clinics are equipped"
    )
    assert labelled_pair("1.2", "Clinics are equipped") is None


def read(rows: list[list[str]], shaded: set[tuple[int, int]] | None = None) -> list[tuple[str | None, ...]]:
    """(priority, objective, activity) of each activity of a one-table document."""
    activities = document_to_workplan(document(table_from_rows(rows, shaded=shaded))).activities
    return [(a.priority, a.objective, a.activity) for a in activities]


def test_a_bare_label_in_the_first_cell_and_its_text_in_the_second_open_a_section() -> None:
    rows = [
        HEADER,
        ["Outcome 1", "Families have safe shelter", "", "", "", "", ""],
        ["1.1", "Repair roofs", "NRC", "CARE", "X", "", "Ongoing"],
    ]
    assert read(rows) == [(None, "Outcome 1: Families have safe shelter", "Repair roofs")]


def test_two_leading_texts_without_a_bare_label_are_an_activity() -> None:
    rows = [HEADER, ["1.1", "Repair roofs", "", "", "", "", ""], ["1.2", "Insulate walls", "NRC", "", "X", "", ""]]
    assert [activity for *_, activity in read(rows)] == ["Repair roofs", "Insulate walls"]


def band_rows(striped: bool) -> tuple[list[list[str]], set[tuple[int, int]]]:
    """A table with one band "Winterisation" in its first cell, shaded across; its data rows striped or not."""
    rows = [
        HEADER,
        ["Winterisation", "", "", "", "", "", ""],
        ["1.1", "Distribute blankets", "UNHCR", "IOM", "X", "", "Ongoing"],
        ["1.2", "Insulate shelters", "NRC", "", "", "X", "Planned"],
        ["1.3", "Distribute stoves", "IOM", "", "X", "", "Ongoing"],
    ]
    shaded = {(1, col) for col in range(1, 7)}
    if striped:
        shaded |= {(row, col) for row in (1, 3) for col in range(7)}
    return rows, shaded


def test_a_lone_leading_text_over_a_shaded_row_is_a_band() -> None:
    rows, shaded = band_rows(striped=False)
    assert [priority for priority, *_ in read(rows, shaded)] == ["Winterisation"] * 3


def test_in_a_striped_table_shading_marks_no_band() -> None:
    rows, shaded = band_rows(striped=True)
    assert [priority for priority, *_ in read(rows, shaded)] == [None] * 3


def test_an_unshaded_lone_leading_text_without_a_label_is_no_band() -> None:
    rows, _ = band_rows(striped=False)
    assert [priority for priority, *_ in read(rows)] == [None] * 3


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("UNICEF, WHO", True),
        ("Save the Children / IRC", True),
        ("Train UNICEF staff on case management", False),
        ("North district", False),
        ("Health", False),  # a sector's name: the registry's cluster, not an organisation column
        ("Food Security", False),
    ],
)
def test_names_organisation(text: str, names: bool) -> None:
    assert names_organisation(text, load_registry()) is names


def organisation_cells(text: str) -> bool:
    """A stand-in for the registry: these invented names are organisations."""
    return text in {"Alpha Relief", "Beta Aid", "Gamma Care", "Alpha Relief, Beta Aid"}


CONTENT = "content: organisation names"


@pytest.mark.parametrize(
    ("headers", "roles", "by_content"),
    [
        # columns naming no role: the first dense in organisations is the lead, the second the partners
        ([["Task"], ["Steward"], ["Also involved"], ["Status"]], ["activity", "lead", "partners", "status"], [1, 2]),
        # a lead named by its header: the organisation column is the partners
        ([["Task"], ["Convener"], ["Also involved"], ["Status"]], ["activity", "lead", "partners", "status"], [2]),
        # lead and partners both named by their headers: nothing is left to name
        ([["Task"], ["Lead"], ["Partners"], ["Status"]], ["activity", "lead", "partners", "status"], []),
    ],
)
def test_organisation_names_name_the_actor_columns_the_header_left_out(
    headers: list[list[str]], roles: list[str], by_content: list[int]
) -> None:
    cells = [
        ["Repair roofs", "Insulate walls", "Train masons"],
        ["Alpha Relief", "Beta Aid", "Gamma Care"],
        ["Alpha Relief, Beta Aid", "Gamma Care", ""],
        ["Ongoing", "Done", "Planned"],
    ]
    columns = columns_from_headers(headers, cells, organisation_cells)
    assert [column.role for column in columns] == roles
    assert [column.index for column in columns if column.reason == CONTENT] == by_content


def test_a_column_of_other_words_is_no_actor_column() -> None:
    cells = [["Repair roofs", "Insulate walls"], ["North", "South"], ["Ongoing", "Done"]]
    columns = columns_from_headers([["Task"], ["Steward"], ["Status"]], cells, organisation_cells)
    assert [column.role for column in columns] == ["activity", "other", "status"]


ROWS = [["Activity", "Lead", "Partners", "Timeframe"], ["Train staff", "UNICEF", "WHO", "Q1"]]


def headed_document(*headings: str, kind: str = "heading") -> Document:
    """A document with one table under each heading (a narrative paragraph between them)."""
    blocks: list[TextBlock] = []
    tables: list[Table] = []
    for heading in headings:
        blocks.append(TextBlock(heading, kind, order=len(blocks) + len(tables)))
        blocks.append(TextBlock("Partners agreed on these activities.", order=len(blocks) + len(tables)))
        tables.append(table_from_rows(ROWS, order=len(blocks) + len(tables)))
    return Document("x.docx", "0" * 64, "docx", 1, "Plan", tuple(tables), tuple(blocks))


@pytest.mark.parametrize(
    ("headings", "kind", "priorities"),
    [
        (("Livelihoods", "Disaster risk reduction"), "heading", ["Livelihoods", "Disaster risk reduction"]),
        (("Livelihoods",), "heading", [None]),  # one heading over one table: as often the document's title
        (("Livelihoods", "Livelihoods"), "heading", [None, None]),  # not a heading of its own
        (("Action points (1/2)", "Action points (2/2)"), "heading", [None, None]),  # one table running on
        (("Action points", "Action points (cont.)"), "heading", [None, None]),
        (("Workplan 2027", "Annex 2027"), "heading", [None, None]),  # titles with a year
        (("Sheet1", "Sheet2"), "heading", [None, None]),  # places, not contents
        (("Q1", "Q2"), "heading", [None, None]),  # periods
        (("Livelihoods", "Disaster risk reduction"), "paragraph", [None, None]),  # body text, not headings
    ],
)
def test_an_unlabelled_heading_above_each_of_several_tables_is_their_priority(
    headings: tuple[str, ...], kind: str, priorities: list[str | None]
) -> None:
    activities = document_to_workplan(headed_document(*headings, kind=kind)).activities
    assert [activity.priority for activity in activities] == priorities


@pytest.mark.parametrize(("code", "depth"), [("1.1. 2", 3), ("2. 1", 2), ("1.2. 1.1", 4), ("1 2", None)])
def test_a_code_wrapped_in_a_narrow_column_keeps_its_depth(code: str, depth: int | None) -> None:
    assert numbering_depth(code) == depth


def test_numbered_headings_read_through_codes_a_line_wrap_cut() -> None:
    rows = [
        ["Ref.", "Results / activities", "Lead", "Deadline"],
        ["1", "Markets recover after the floods", "", ""],
        ["1.1", "Traders restock", "", ""],
        ["1.1. 1", "Give restocking grants to traders", "Cash WG", "Q2"],
        ["1.1. 2", "Repair the market stalls", "Shelter partners", "Q3"],
    ]
    activities = document_to_workplan(document(table_from_rows(rows))).activities
    assert [(a.objective, a.output, a.activity) for a in activities] == [
        ("Markets recover after the floods", "Traders restock", "Give restocking grants to traders"),
        ("Markets recover after the floods", "Traders restock", "Repair the market stalls"),
    ]
