"""Status boards (normalizers/status_boards.py): a column per status, a card per activity."""

from normalizers.rows import spanned_grid
from normalizers.status_boards import NOTE, board_table, card, piece_role
from tests.normalizers.tables import table_of


def test_a_board_gives_a_row_per_card_column_by_column_under_its_band() -> None:
    board = table_of(
        [
            ["Sector board 2031", "", ""],
            ["À faire", "En cours", "Terminé"],
            ["Axe 1 : santé", "", ""],
            ["Vacciner\nOMS · T2 2031", "Former les relais", ""],
            ["", "", "Cartographier les centres\nChef de file : UNICEF"],
        ],
        merges={(2, 0): 3},
    )
    made = board_table(board)
    assert made is not None
    assert NOTE in made.notes
    assert spanned_grid(made) == [
        ["Sector board 2031", "", "", "", ""],
        ["Objective", "Activity", "Lead", "Timeline", "Status"],
        ["Axe 1 : santé", "Vacciner", "OMS", "T2 2031", "À faire"],
        ["Axe 1 : santé", "Former les relais", "", "", "En cours"],
        ["Axe 1 : santé", "Cartographier les centres", "UNICEF", "", "Terminé"],
    ]


def test_a_legend_of_statuses_above_a_workplan_header_is_no_board() -> None:
    legend = table_of(
        [
            ["Planned", "Ongoing", "Completed", ""],
            ["Activity", "Lead", "Status", "Q1"],
            ["Repair the clinic roof", "WHO", "Ongoing", "X"],
        ]
    )
    assert board_table(legend) is None


def test_a_row_of_two_statuses_is_no_board() -> None:
    assert board_table(table_of([["Ongoing", "Completed"], ["Repair the roof", "Paint the walls"]])) is None


def test_a_card_cut_at_its_separators() -> None:
    read = card("Run the survey\nIOM | Q3–Q4 2031 | with the district office", (), "Ongoing")
    assert read.activity == "Run the survey"
    assert dict(read.details) == {"lead": "IOM", "timeline": "Q3–Q4 2031", "comments": "with the district office"}


def test_a_labelled_piece_takes_its_label_role() -> None:
    assert piece_role("Lead: FAO", has_lead=False) == ("lead", "FAO")
    assert piece_role("T1 2031", has_lead=True) == ("timeline", "T1 2031")
