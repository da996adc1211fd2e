"""One fixture per class of period and status wording in French, Spanish and Portuguese
(tests/fixtures/make_period_fixtures.py), read as its golden says."""

from pathlib import Path

import pytest

from extractors import extract
from normalizers.workplan import document_to_workplan
from tests.pipeline.test_golden_samples import (
    FIXTURES,
    failure_message,
    load_golden,
    normalise,
    pair_rows,
    row_differences,
)

CASES = [
    (FIXTURES / "xlsx" / "periodes-texte-fr.xlsx", "fr"),
    (FIXTURES / "xlsx" / "fechas-inicio-fin-es.xlsx", "es"),
    (FIXTURES / "docx" / "semanas-por-mes-pt.docx", "pt"),
    (FIXTURES / "docx" / "meses-numerados-pt.docx", "pt"),
]


@pytest.mark.parametrize(("path", "language"), CASES, ids=lambda value: getattr(value, "name", value))
def test_period_fixture_reads_as_its_golden(path: Path, language: str) -> None:
    expected = load_golden(path.stem)
    workplan = document_to_workplan(extract(path))
    activities = workplan.activities
    assert [normalise(a.activity, False) for a in activities] == [row["activity"] for row in expected["activities"]]
    lines = []
    for index, match in pair_rows(expected["activities"], activities, False):
        assert match is not None
        lines += row_differences(index, expected["activities"][index], activities[match], False)
    assert not lines, failure_message(lines)
    assert workplan.meta.year == expected["year"]
    assert workplan.meta.language == language
