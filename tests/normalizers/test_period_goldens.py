"""One fixture per class of period and status wording in French, Spanish and Portuguese
(tools/fixtures/periods.py), read as its golden says."""

from pathlib import Path

import pytest

from normalizers.prose_activities import read_document
from normalizers.workplan import document_to_workplan
from tests.normalizers.test_workplan import document, table_from_rows
from tests.pipeline.test_golden_samples import (
    FIXTURES,
    failure_message,
    field_differences,
    load_golden,
    normalise,
)

CASES = [
    (FIXTURES / "xlsx" / "periodes-texte-fr.xlsx", "fr"),
    (FIXTURES / "xlsx" / "fechas-inicio-fin-es.xlsx", "es"),
    (FIXTURES / "xlsx" / "cronograma-por-definir-es.xlsx", "es"),
    (FIXTURES / "xlsx" / "trimestres-por-datas-pt.xlsx", "pt"),
    (FIXTURES / "docx" / "semanas-por-mes-pt.docx", "pt"),
    (FIXTURES / "docx" / "meses-numerados-pt.docx", "pt"),
]


@pytest.mark.parametrize(("path", "language"), CASES, ids=lambda value: getattr(value, "name", value))
def test_period_fixture_reads_as_its_golden(path: Path, language: str) -> None:
    expected = load_golden(path.stem)
    workplan = document_to_workplan(read_document(path))
    activities = workplan.activities
    assert [normalise(a.activity, False) for a in activities] == [row["activity"] for row in expected["activities"]]
    lines = field_differences(expected["activities"], activities, False)
    assert not lines, failure_message(lines)
    assert workplan.meta.year == expected["year"]
    assert workplan.meta.language == language


def test_english_headers_over_cells_in_other_languages() -> None:
    """A document told English by its headers and titles, whose timeline and status cells are French,
    Spanish and Portuguese: every language's words are read."""
    rows = [
        ["Activity", "Lead", "Timeline", "Status"],
        ["Run the referral desk in the transit centre", "UNHCR", "T2 et T4", "En cours"],
        ["Train the case workers of the partners", "IOM", "janv.–mars", "Réalisé"],
        ["Print the referral pathway for the districts", "UNICEF", "d'ici fin juin", "No iniciado"],
        ["Publish the monthly dashboard of the response", "OCHA", "set.–out.", "Concluído"],
        ["Monitor the protection situation in the camps", "NRC", "en continu", "Suspendido"],
        ["Set up the complaint boxes at the distribution points", "WFP", "à déterminer", ""],
    ]
    workplan = document_to_workplan(document(table_from_rows(rows), title="Protection Working Group Workplan 2026"))
    assert workplan.meta.language == "en"
    read = [([q.quarter for q in a.quarters], a.status) for a in workplan.activities]
    assert read == [
        ([2, 4], "ongoing"),
        ([1], "completed"),
        ([1, 2], "planned"),
        ([3, 4], "completed"),
        ([1, 2, 3, 4], "on_hold"),
        ([], None),
    ]
