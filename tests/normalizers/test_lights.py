"""Traffic-light statuses read through their legend (normalizers/lights.py); fixtures from
tools/fixtures/layout_lights.py."""

from __future__ import annotations

import pytest

from normalizers.lights import UNREAD_LIGHTS_KIND, colour_of, light_legend
from normalizers.prose_activities import read_document
from normalizers.workplan import document_to_workplan
from tests.pipeline.test_golden_samples import FIXTURES


@pytest.mark.parametrize(
    ("text", "legend"),
    [
        (
            "Legenda: Verde = concluído; Amarelo = em curso; Cinzento = não iniciado",
            {"green": "completed", "yellow": "ongoing", "grey": "planned"},
        ),
        ("Code couleur : vert : réalisé ; orange : suspendu", {"green": "completed", "orange": "on_hold"}),
        ("Key: Green = done, Red = needs attention", {"green": "completed", "red": None}),
        ("The green line runs along the river.", {}),
        ("Green = done", {}),  # one pair is a sentence, not a legend
    ],
)
def test_light_legend(text: str, legend: dict[str, str | None]) -> None:
    assert light_legend([text]) == legend


@pytest.mark.parametrize(
    ("text", "colour"), [("Verde", "green"), (" AMBER ", "yellow"), ("Rouge", "red"), ("Green light", None), ("", None)]
)
def test_colour_of_a_whole_cell(text: str, colour: str | None) -> None:
    assert colour_of(text) == colour


def test_colours_without_a_legend_state_nothing_and_are_flagged() -> None:
    workplan = document_to_workplan(read_document(FIXTURES / "xlsx" / "feu-sans-legende-fr.xlsx"))
    assert [activity.status for activity in workplan.activities] == [None, None]
    assert [issue.kind for issue in workplan.issues] == [UNREAD_LIGHTS_KIND]
