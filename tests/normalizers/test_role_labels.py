"""The lead and the support labelled in one actor cell (normalizers/role_labels.py, labels in data/vocab)."""

import pytest

from normalizers.headers import column_for_header
from normalizers.role_labels import joint_parts, labelled_parts


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


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("Agency A\nAgency B, Agency C", [("lead", "Agency A"), ("partner", "Agency B, Agency C")]),
        ("Agency A\nAgency B\nAgency C", [("lead", "Agency A"), ("partner", "Agency B\nAgency C")]),
        ("Agency A", [("lead", "Agency A")]),  # one line: the lead alone
        ("Lead: Agency A / Support: Agency B", [("lead", "Agency A"), ("partner", "Agency B")]),  # labels win
        # a lead name wrapped at a hyphen goes on on the next line
        (
            "Agency A with the Co-\nordination Unit\nAgency B",
            [("lead", "Agency A with the Co-ordination Unit"), ("partner", "Agency B")],
        ),
    ],
)
def test_joint_parts_read_the_first_line_as_the_lead(text: str, parts: list[tuple[str, str]]) -> None:
    assert joint_parts(text) == parts


@pytest.mark.parametrize(
    ("header", "role", "joint"),
    [
        ("Lead / Partners", "lead", True),
        ("Chef de file et partenaires", "lead", True),
        ("Líder (apoyo)", "lead", True),
        ("Lead agency & supporting organisations", "lead", True),
        ("Responsible", "lead", False),
        ("Lead", "lead", False),
        ("Partner organisations", "partners", False),
    ],
)
def test_a_header_naming_both_roles_makes_a_joint_lead_column(header: str, role: str, joint: bool) -> None:
    column = column_for_header(0, [header])
    assert (column.role, column.joint) == (role, joint)
