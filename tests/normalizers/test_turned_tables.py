"""Turned tables (normalizers/turned_tables.py) and sheets per quarter (normalizers/quarter_sheets.py)."""

from normalizers.model import Activity, Quarter
from normalizers.quarter_sheets import SheetTable, quarter_sheet_activities, sheet_name
from normalizers.rows import spanned_grid
from normalizers.turned_tables import NOTE, turned_back
from tests.normalizers.tables import table_of

MONTHS = ["Ene", "Feb", "Mar", "Abr"]


def test_a_turned_table_is_read_back_a_row_per_activity_under_its_title() -> None:
    turned = table_of(
        [
            ["Calendario 2031", "", ""],
            ["Objetivo", "Objetivo 1: agua segura", ""],
            ["Actividad", "Clorar los pozos de las aldeas del lago", "Reparar las bombas manuales del norte"],
            ["Responsable", "OMS", "Oxfam"],
            *[[month, "x" if n < 2 else "", "x" if n >= 2 else ""] for n, month in enumerate(MONTHS)],
        ],
        merges={(1, 1): 2},
    )
    made = turned_back(turned)
    assert made is not None
    assert NOTE in made.notes
    assert spanned_grid(made) == [
        ["Calendario 2031", "", "", "", "", "", ""],
        ["Objetivo", "Actividad", "Responsable", *MONTHS],
        ["Objetivo 1: agua segura", "Clorar los pozos de las aldeas del lago", "OMS", "x", "x", "", ""],
        ["Objetivo 1: agua segura", "Reparar las bombas manuales del norte", "Oxfam", "", "", "x", "x"],
    ]


def test_an_ordinary_month_gantt_is_never_turned() -> None:
    gantt = table_of(
        [
            ["Activity", "Lead", *MONTHS],
            ["Chlorinate the wells of the lakeside villages", "WHO", "x", "x", "", ""],
            ["Repair the hand pumps of the northern district", "Oxfam", "", "", "x", "x"],
        ]
    )
    assert turned_back(gantt) is None


def activity(text: str, row: int) -> Activity:
    return Activity(table_index=0, row_index=row, page=None, activity=text, objective="Objective A")


def test_sheets_per_quarter_give_an_activity_once_with_the_quarters_of_its_sheets() -> None:
    header = ("Objective", "Activity", "Lead")
    tables = [
        SheetTable("'Q1 2031'!A4", header, (activity("Drill boreholes", 1), activity("Train committees", 2))),
        SheetTable("'Q3 2031'!A4", header, (activity("Drill boreholes", 1),)),
        SheetTable("Later!A4", header, (activity("Map the springs", 1),)),
    ]
    merged = quarter_sheet_activities(tables)
    assert [[(a.activity, a.quarters) for a in table] for table in merged] == [
        [("Drill boreholes", (Quarter(2031, 1, "text"), Quarter(2031, 3, "text"))),
         ("Train committees", (Quarter(2031, 1, "text"),))],
        [],
        [("Map the springs", ())],
    ]  # fmt: skip


def test_sheets_named_otherwise_or_headed_apart_are_read_as_before() -> None:
    one = (activity("Drill boreholes", 1),)
    apart = [SheetTable("'Q1 2031'!A4", ("Activity",), one), SheetTable("'Q2 2031'!A4", ("Activity", "Lead"), one)]
    named = [SheetTable("Objective 1!A4", ("Activity",), one), SheetTable("Objective 2!A4", ("Activity",), one)]
    assert quarter_sheet_activities(apart) == [one, one]
    assert quarter_sheet_activities(named) == [one, one]
    assert sheet_name("'It''s Q1'!B2") == "It's Q1"
