"""The lead and partners of a second table `Code | Lead | Partners` joined to the activities by their code
(normalizers/joined_actors.py), on the fixtures of tools/fixtures/layout_second_tables.py and on tables built here."""

from pathlib import Path

import pytest

from extractors.model import Cell, Document, Table
from normalizers.prose_activities import read_document
from normalizers.workplan import document_to_workplan
from tests.pipeline.test_golden_samples import FIXTURES

JOINED = [
    (
        FIXTURES / "docx" / "qui-fait-quoi-par-code-fr.docx",
        [
            [("lead", "Solidarités International"), ("partner", "Mercy Corps"), ("partner", "OXFAM")],
            [("lead", "OXFAM")],
            [("lead", "UNICEF"), ("partner", "Mercy Corps")],
        ],
    ),
    (
        FIXTURES / "xlsx" / "responsables-por-codigo-es.xlsx",
        [
            [("lead", "FAO"), ("partner", "Acción contra el Hambre")],
            [("lead", "Ministerio de Agricultura"), ("partner", "FAO"), ("partner", "PMA")],
            [("lead", "OIT")],
        ],
    ),
]


@pytest.mark.parametrize(("path", "roles"), JOINED, ids=lambda value: getattr(value, "name", ""))
def test_each_activity_takes_the_actors_of_its_code(path: Path, roles: list[list[tuple[str, str]]]) -> None:
    workplan = document_to_workplan(read_document(path))
    assert [[(ref.role, ref.raw) for ref in activity.actors] for activity in workplan.activities] == roles
    assert [table.kind for table in workplan.tables if not table.activities] == ["other"] * (len(workplan.tables) - 1)


def grid_table(rows: list[list[str]], order: int) -> Table:
    cells = tuple(Cell(text=text, row=r, col=c) for r, row in enumerate(rows) for c, text in enumerate(row) if text)
    return Table(cells=cells, n_rows=len(rows), n_cols=len(rows[0]), order=order, locator=f"table {order + 1}")


WORKPLAN = [
    ["Code", "Activity", "Q1", "Q2", "Status"],
    ["A1", "Rehabilitate the health post of the camp", "X", "", "Ongoing"],
    ["A2", "Train community health workers", "", "X", "Planned"],
]


def document(who: list[list[str]]) -> Document:
    tables = (grid_table(WORKPLAN, 0), grid_table(who, 1))
    return Document(path="plan.docx", sha256="0", format="docx", pages=None, title=None, tables=tables)


def test_an_activity_without_a_row_keeps_no_actors_and_codes_matching_nothing_are_said() -> None:
    workplan = document_to_workplan(
        document([["Code", "Lead", "Partners"], ["A1", "WHO", "IMC"], ["A9", "UNICEF", ""]])
    )
    assert [activity.lead_raw for activity in workplan.activities] == ["WHO", None]
    assert [activity.partners_raw for activity in workplan.activities] == ["IMC", None]
    (issue,) = workplan.issues
    assert issue.kind == "unjoined_codes" and "a9" in issue.message.casefold()


def test_a_table_of_codes_and_actors_gives_no_activity() -> None:
    workplan = document_to_workplan(document([["Code", "Lead", "Partners"], ["A1", "WHO", "IMC"]]))
    assert [activity.activity for activity in workplan.activities] == [row[1] for row in WORKPLAN[1:]]
    assert not workplan.issues
