"""Tables to activities: fill-down over merged and blank cells, sections, continuations, extra."""

from extractors.model import Cell, Document, Table, TextBlock
from normalizers.workplan import document_to_workplan


def table_from_rows(
    rows: list[list[str]],
    merges: dict[tuple[int, int], tuple[int, int]] | None = None,
    shaded: set[tuple[int, int]] | None = None,
    order: int = 1,
) -> Table:
    """A Table from rows of text; merges maps (row, col) to (row_span, col_span); covered positions skipped."""
    merges = merges or {}
    covered = {
        (r + dr, c + dc)
        for (r, c), (rs, cs) in merges.items()
        for dr in range(rs)
        for dc in range(cs)
        if (dr, dc) != (0, 0)
    }
    cells = tuple(
        Cell(
            text=text,
            row=r,
            col=c,
            row_span=merges.get((r, c), (1, 1))[0],
            col_span=merges.get((r, c), (1, 1))[1],
            shaded=(r, c) in (shaded or set()),
        )
        for r, row in enumerate(rows)
        for c, text in enumerate(row)
        if (r, c) not in covered
    )
    return Table(cells=cells, n_rows=len(rows), n_cols=len(rows[0]), order=order)


def document(*tables: Table, title: str = "Inter-Sector Workplan 2023") -> Document:
    return Document(
        path="x.docx",
        sha256="0" * 64,
        format="docx",
        pages=1,
        title=title,
        tables=tables,
        text_blocks=(TextBlock(text=title, kind="title", order=0),),
    )


HEADER = ["Identified Priorities", "Objective", "Deliverables", "Process Lead/Focal Point", "Q1", "Q2", "Q3", "Q4"]


def seed_000_table() -> Table:
    rows = [
        HEADER,
        [
            "Monitoring & Evaluation",
            "Improve higher-level M&E",
            "Develop guidance on analysis",
            "M&E Specialist ISWG",
            "X",
            "X",
            "",
            "",
        ],
        ["", "", "Provide training to sectors", "External Expertise", "", "X", "X", "X"],
        ["", "Continue to improve reporting", "Streamline LCRP and ERP reporting", "IA Coordinators", "X", "X", "", ""],
        ["Emergency Preparedness", "", "Update the Business Continuity Plan", "Sector Coordinators", "X", "", "", ""],
    ]
    return table_from_rows(rows, merges={(1, 0): (3, 1), (1, 1): (2, 1)})


def test_merged_priority_fills_down_and_new_priority_clears_objective() -> None:
    activities = document_to_workplan(document(seed_000_table())).activities
    assert [a.activity for a in activities] == [
        "Develop guidance on analysis",
        "Provide training to sectors",
        "Streamline LCRP and ERP reporting",
        "Update the Business Continuity Plan",
    ]
    assert [a.priority for a in activities] == ["Monitoring & Evaluation"] * 3 + ["Emergency Preparedness"]
    assert [a.objective for a in activities] == [
        "Improve higher-level M&E",
        "Improve higher-level M&E",
        "Continue to improve reporting",
        None,
    ]


def test_marks_give_quarters_of_the_documents_year() -> None:
    activities = document_to_workplan(document(seed_000_table())).activities
    assert [(q.year, q.quarter) for q in activities[1].quarters] == [(2023, 2), (2023, 3), (2023, 4)]
    assert {q.source for q in activities[1].quarters} == {"mark"}
    assert activities[1].timeline_raw == "Q2: X; Q3: X; Q4: X"


def test_shaded_empty_quarter_cell_is_a_mark() -> None:
    rows = [HEADER, ["P", "O", "Run the gantt activity", "OCHA", "", "", "", ""]]
    table = table_from_rows(rows, shaded={(1, 5), (1, 6)})
    quarters = document_to_workplan(document(table)).activities[0].quarters
    assert [(q.quarter, q.source) for q in quarters] == [(2, "shading"), (3, "shading")]


def test_no_year_anywhere_gives_null_year() -> None:
    rows = [HEADER, ["P", "O", "Do it", "OCHA", "X", "", "", ""]]
    activity = document_to_workplan(document(table_from_rows(rows), title="Workplan")).activities[0]
    assert [(q.year, q.quarter) for q in activity.quarters] == [(None, 1)]


def test_other_columns_go_to_extra() -> None:
    rows = [
        ["PRIORITY AREAS OF WORK", "CONCRETE DELIVERABLES", "LEADS", "PARTNERS", "LINKAGES ACROSS RGs"],
        ["Centrality of Protection", "Provide protection inputs", "OCHA, InterAction", "NRC, OHCHR", "RG2, RG3"],
    ]
    activity = document_to_workplan(document(table_from_rows(rows))).activities[0]
    assert activity.extra == {"LINKAGES ACROSS RGs": "RG2, RG3"}
    assert activity.lead_raw == "OCHA, InterAction" and activity.partners_raw == "NRC, OHCHR"


def test_headerless_table_with_same_columns_continues_the_previous_one() -> None:
    first = seed_000_table()
    rest = table_from_rows(
        [["", "", "Support local NGOs to respond", "Sector Coordinators", "X", "X", "X", "X"]], order=2
    )
    workplan = document_to_workplan(document(first, rest))
    assert [t.kind for t in workplan.tables] == ["workplan", "workplan"]
    last = workplan.activities[-1]
    assert last.activity == "Support local NGOs to respond" and last.priority == "Emergency Preparedness"
    assert last.table_index == 1


def test_action_point_sections_and_statuses() -> None:
    rows = [
        ["Action Point", "Status"],
        ["Core Group", ""],
        ["Coordinator to send email to establish group membership.", "Completed; all three new groups formed"],
        ["Activity Info", ""],
        ["IM to add 'high-risk cases' disaggregations to Activity Info.", "To be added for July"],
    ]
    workplan = document_to_workplan(document(table_from_rows(rows, merges={(1, 0): (1, 2), (3, 0): (1, 2)})))
    assert workplan.tables[0].kind == "action_points"
    activities = workplan.activities
    assert [(a.priority, a.lead_raw, a.status) for a in activities] == [
        ("Core Group", "Coordinator", "completed"),
        ("Activity Info", "IM", "planned"),
    ]


def test_a_two_column_reference_table_is_not_a_workplan() -> None:
    rows = [["Sector or Area of Activity", "Global Cluster Lead"], ["1. Nutrition", "UNICEF"], ["2. Health", "WHO"]]
    workplan = document_to_workplan(document(table_from_rows(rows), title="Guidance note"))
    assert [t.kind for t in workplan.tables] == ["other"] and workplan.activities == []


def test_row_without_activity_text_makes_no_activity_but_carries_context() -> None:
    rows = [
        HEADER,
        ["Coordination", "", "", "", "", "", "", ""],
        ["", "Better meetings", "Hold meetings", "OCHA", "X", "", "", ""],
    ]
    activities = document_to_workplan(document(table_from_rows(rows))).activities
    assert len(activities) == 1 and activities[0].priority == "Coordination"
