"""Bullet lists written inside one activity cell: each item an activity (normalizers/rows.py)."""

import pytest

from normalizers.rows import bullet_items, inline_bullets


@pytest.mark.parametrize(
    ("lines", "items"),
    [
        ("• Train staff\n• Equip posts", ["Train staff", "Equip posts"]),
        ("• Train staff of the\nhealth posts\n• Equip posts", ["Train staff of the health posts", "Equip posts"]),
        ("- Train staff\n- Equip posts", ["Train staff", "Equip posts"]),
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
