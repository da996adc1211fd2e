"""The ruled finder on page objects made by hand: which lone ruled rows it keeps."""

from __future__ import annotations

import pytest

from extractors.pdf.finders.base import PageInput
from extractors.pdf.finders.ruled import RuledFinder
from extractors.pdf.objects import Char, PageObjects, Segment
from extractors.pdf.settings import DEFAULT_SETTINGS

# A one-row grid of two cells, well below the running-header band of a 612 x 792 page.
FRAME_TOP, FRAME_BOTTOM = 200.0, 240.0
FRAME = [
    Segment("h", 50.0, FRAME_TOP, 400.0, FRAME_TOP),
    Segment("h", 50.0, FRAME_BOTTOM, 400.0, FRAME_BOTTOM),
    Segment("v", 50.0, FRAME_TOP, 50.0, FRAME_BOTTOM),
    Segment("v", 220.0, FRAME_TOP, 220.0, FRAME_BOTTOM),
    Segment("v", 400.0, FRAME_TOP, 400.0, FRAME_BOTTOM),
]


def word(text: str, x0: float, bottom: float, size: float = 10.0) -> list[Char]:
    """The glyphs of a word set on the baseline `bottom`, each 0.5 em wide."""
    step = size / 2
    return [
        Char(ch, x0 + i * step, bottom - size, x0 + (i + 1) * step, bottom, size, False, 0) for i, ch in enumerate(text)
    ]


def tables(number: int, chars: list[Char]) -> list[list[list[str]]]:
    objects = PageObjects(612.0, 792.0, chars, list(FRAME), [], 0)
    return [table.grid() for table in RuledFinder(DEFAULT_SETTINGS).find(PageInput(number, objects, chars, []))]


INSIDE = word("Transport", 60.0, 225.0) + word("Partners", 230.0, 225.0)


def test_a_lone_ruled_row_opening_a_later_page_is_the_rest_of_a_cut_row() -> None:
    assert tables(2, INSIDE) == [[["Transport", "Partners"]]]


def test_a_lone_ruled_row_on_the_first_page_is_a_frame_whatever_lies_above_it() -> None:
    assert tables(1, INSIDE) == []


@pytest.mark.parametrize(("above", "kept"), [(word(" ", 60.0, 150.0), True), (word("Note", 60.0, 150.0), False)])
def test_only_text_above_a_lone_ruled_row_makes_it_a_frame_a_space_glyph_does_not(
    above: list[Char], kept: bool
) -> None:
    assert bool(tables(3, above + INSIDE)) == kept
