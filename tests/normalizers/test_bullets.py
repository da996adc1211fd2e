"""Bullet lists written inside one activity cell: each item an activity (normalizers/rows.py)."""

import pytest

from normalizers.headers import Column
from normalizers.layout import TableLayout
from normalizers.rows import Row, activity_items, bullet_items, inline_bullets


@pytest.mark.parametrize(
    ("lines", "items"),
    [
        ("• Train staff\n• Equip posts", ["Train staff", "Equip posts"]),
        ("• Train staff of the\nhealth posts\n• Equip posts", ["Train staff of the health posts", "Equip posts"]),
        ("- Train staff\n- Equip posts", ["Train staff", "Equip posts"]),
        ("• Train staff\n• Equip posts • Print forms", ["Train staff", "Equip posts", "Print forms"]),
        ("- Train staff\n- Equip posts - spare parts", ["Train staff", "Equip posts - spare parts"]),
        ("▪ Un seul élément", ["Un seul élément"]),
        ("Training:\n- module 1\n- module 2", []),  # text before the first bullet: one activity
        ("-5% of the budget\n-2% reserve", []),  # a dash with no space after it is no bullet
        ("Train staff", []),
        ("", []),
    ],
)
def test_bullet_items(lines: str, items: list[str]) -> None:
    assert bullet_items(lines) == items


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("• Train staff • Equip posts • Print forms", ["Train staff", "Equip posts", "Print forms"]),
        ("• Train staff", []),
        ("- Train staff - Equip posts", []),  # dashes inside running text are no bullets
        ("Train staff • Equip posts", []),
    ],
)
def test_inline_bullets(text: str, items: list[str]) -> None:
    assert inline_bullets(text) == items


LAYOUT = TableLayout(0, 1, (Column(0, "Activities", "activity"), Column(1, "Lead", "lead")), "workplan")


@pytest.mark.parametrize(
    ("cell", "items"),
    [
        ("• Train staff\n• Equip posts", ["Train staff", "Equip posts"]),
        ("• Train staff • Equip posts", ["Train staff", "Equip posts"]),  # one line: the breaks were lost
        ("• Train staff", ["Train staff"]),
        ("Train staff", ["Train staff"]),
    ],
)
def test_activity_items_of_a_row(cell: str, items: list[str]) -> None:
    text = " ".join(cell.split())
    row = Row(1, None, (text, "WHO"), lines=(cell, "WHO"))
    assert activity_items(row, LAYOUT, text) == items
