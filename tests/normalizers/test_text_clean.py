"""Text clean-up: line-end hyphenation mended, a month range's hyphen kept."""

import pytest

from normalizers.text import clean_lines, clean_text


@pytest.mark.parametrize(
    ("text", "clean"),
    [
        ("distri-\nbution", "distribution"),
        ("avril-\nseptembre 2026", "avril-septembre 2026"),
        ("Jun-\nAugust", "Jun-August"),
        ("mar-\nket", "market"),
        ("a site-\nlevel plan", "a site-level plan"),  # a compound broken at its own hyphen after a whole word
        ("hard-\nto-reach", "hard-to-reach"),  # the next line opens with a compound
        ("the assess-\nment", "the assessment"),  # the two parts make a word of the data
    ],
)
def test_hyphen_at_a_line_end_is_mended_unless_it_ranges_months(text: str, clean: str) -> None:
    assert clean_text(text) == clean


def test_clean_lines_keeps_breaks_and_month_ranges() -> None:
    assert clean_lines("março-\nmaio\nUNICEF") == "março-maio\nUNICEF"
