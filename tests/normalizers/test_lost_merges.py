"""A table whose merges were lost (a PDF printed without rules hands over every cell one column wide): a group
header over two actor columns, and numbered bands written in the code column, still read as such."""

from normalizers.workplan import document_to_workplan
from tests.normalizers.test_workplan import document, table_from_rows

ROWS = [
    ["N°", "Activité", "Responsabilité", "", "T1", "T2", "T3", "T4"],
    ["", "", "Chef de file", "Partenaires", "", "", "", ""],
    ["Axe 1", "Réduire les pertes post-récolte", "", "", "", "", "", ""],
    ["1.1 Les greniers communautaires sont réhabilités", "", "", "", "", "", "", ""],
    ["1.1.1", "Réhabiliter les greniers des villages", "Union des Coopératives", "Mairie", "X", "X", "", ""],
    ["1.1.2", "Former les gestionnaires de stocks", "Union des Coopératives", "", "", "X", "", ""],
    ["1.2 Les sacs hermétiques sont disponibles", "", "", "", "", "", "", ""],
    ["1.2.1", "Distribuer des sacs hermétiques", "Agro Sahel", "Mairie", "", "", "X", ""],
]


def test_a_group_header_and_coded_bands_whose_merges_were_lost() -> None:
    workplan = document_to_workplan(document(table_from_rows(ROWS), title="Plan de travail post-récolte 2026"))
    read = [(a.objective, a.activity, a.lead_raw, a.partners_raw) for a in workplan.activities]
    first, second = "1.1 Les greniers communautaires sont réhabilités", "1.2 Les sacs hermétiques sont disponibles"
    assert read == [
        (first, "Réhabiliter les greniers des villages", "Union des Coopératives", "Mairie"),
        (first, "Former les gestionnaires de stocks", "Union des Coopératives", None),
        (second, "Distribuer des sacs hermétiques", "Agro Sahel", "Mairie"),
    ]
    assert {a.priority for a in workplan.activities} == {"Axe 1: Réduire les pertes post-récolte"}


def test_a_sparse_activity_row_with_its_code_and_text_in_one_cell_stays_an_activity_when_codes_are_flat() -> None:
    rows = [
        ["N°", "Activité", "Responsable", "T1"],
        ["1 Cartographier les greniers", "", "", ""],
        ["2", "Former les gestionnaires", "Agro Sahel", "X"],
    ]
    workplan = document_to_workplan(document(table_from_rows(rows), title="Plan de travail 2026"))
    assert all(a.objective is None and a.priority is None for a in workplan.activities)


YEARS_OVER_MONTHS = [
    ["Ref.", "Activity", "Lead", "2026", "", "", "2027", "", ""],
    ["", "", "", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"],
    ["1", "Stock winter clothing in the hubs", "Relief Depot", "X", "X", "", "", "", ""],
    ["2", "Hand out heating stoves to the families", "Relief Depot", "", "", "", "", "X", "X"],
]


def test_a_year_over_months_whose_merge_was_lost_carries_over_the_months_beside_it() -> None:
    workplan = document_to_workplan(document(table_from_rows(YEARS_OVER_MONTHS), title="Winter plan 2026-2027"))
    read = [[(q.year, q.quarter) for q in activity.quarters] for activity in workplan.activities]
    assert read == [[(2026, 4)], [(2027, 1)]]
