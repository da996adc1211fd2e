"""The lead and the support labelled in one actor cell (normalizers/role_labels.py, labels in data/vocab)."""

import pytest

from normalizers.role_labels import labelled_parts


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("Lead: Agency A / Support: Agency B, Agency C", [("lead", "Agency A"), ("partner", "Agency B, Agency C")]),
        ("Lead: Agency A\nSupport: Agency B", [("lead", "Agency A"), ("partner", "Agency B")]),
        # a PDF lost the line break: the cell opens with a label, so the next may follow a plain space
        ("Lead: Agency A Support: Agency B", [("lead", "Agency A"), ("partner", "Agency B")]),
        ("Chef de file : Agence A ; Appui : Agence B", [("lead", "Agence A"), ("partner", "Agence B")]),
        ("Responsável: Agência A / Apoio: Agência B", [("lead", "Agência A"), ("partner", "Agência B")]),
        ("Support: Agency B", [("partner", "Agency B")]),
        ("Agency A / Agency B", [("lead", "Agency A / Agency B")]),  # no label: the column's role
        ("Lead agency A", [("lead", "Lead agency A")]),  # a label needs its colon
        ("Agency A (lead: health) support: B", [("lead", "Agency A (lead: health) support: B")]),  # inside prose
    ],
)
def test_labelled_parts(text: str, parts: list[tuple[str, str]]) -> None:
    assert labelled_parts("lead", text) == parts


def test_a_partner_column_keeps_its_role_before_any_label() -> None:
    assert labelled_parts("partner", "Agency B / Lead: Agency A") == [("partner", "Agency B"), ("lead", "Agency A")]
