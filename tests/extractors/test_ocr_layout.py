"""What OCR's words are turned into before the finders read them: a numbering's full stop that sparse reading
drops, letters printed one under another in narrow ruled cells, lines of small letters as high as the text."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from extractors.ocr.image import Rule
from extractors.ocr.leftovers import with_numbering_stops
from extractors.ocr.page import words_to_chars
from extractors.ocr.settings import OcrSettings
from extractors.ocr.stacks import Stack, read_stacks, with_figures
from extractors.ocr.tesseract import OcrWord
from tests.markers import needs_tesseract

FONT_PX = 36


def ink_box(image: np.ndarray, box: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    """The box (left, top, width, height) of the ink inside a region of a page."""
    x0, top, x1, bottom = box
    rows = np.flatnonzero((image[top:bottom, x0:x1] < 128).any(axis=1))
    columns = np.flatnonzero((image[top:bottom, x0:x1] < 128).any(axis=0))
    return x0 + int(columns[0]), top + int(rows[0]), int(columns[-1] - columns[0]) + 1, int(rows[-1] - rows[0]) + 1


def test_a_numbering_read_without_its_full_stop_gets_it_back() -> None:
    font = ImageFont.load_default(size=FONT_PX)
    page = Image.new("L", (700, 120), 255)
    draw = ImageDraw.Draw(page)
    printed = {"1.1.": 20, "1.2": 200, "2025": 380, "3.": 560}
    for text, x in printed.items():
        draw.text((x, 80), text, font=font, fill=0, anchor="ls")
    image = np.array(page)
    words: list[OcrWord] = []
    for text, x in printed.items():
        left, top, width, height = ink_box(image, (x - 5, 0, x + 170, 120))
        words.append(OcrWord(text.rstrip("."), left, top, width, height, 95.0, (1, 1, len(words))))
    assert [w.text for w in with_numbering_stops(image, words)] == ["1.1.", "1.2", "2025", "3."]


def test_a_line_of_small_letters_is_as_high_as_the_lines_around() -> None:
    lines = [
        [OcrWord("Result", 10, 100, 60, 30, 95.0, (1, 1, 1)), OcrWord("Lead", 200, 100, 40, 30, 95.0, (1, 1, 1))],
        [OcrWord("expected", 10, 140, 80, 30, 95.0, (1, 1, 2))],
        [OcrWord("on", 200, 188, 20, 22, 95.0, (1, 1, 3))],  # small letters only: no capital, no ascender
    ]
    chars = words_to_chars([word for line in lines for word in line], 1.0)
    small = next(char for char in chars if char.text == "o")
    assert (small.top, small.bottom) == (180, 210)  # raised to the usual 30 pixels, on its own foot


@needs_tesseract
def test_letters_printed_one_under_another_are_read_letter_by_letter() -> None:
    font = ImageFont.load_default(size=FONT_PX)
    page = Image.new("L", (500, 320), 255)
    draw = ImageDraw.Draw(page)
    columns = ["Jan", "Feb", "S1"]
    for index, word in enumerate(columns):
        for line, letter in enumerate(word):
            draw.text((135 + 70 * index, 80 + 50 * line), letter, font=font, fill=0, anchor="ms")
    rules = [Rule("v", (100 + 70 * index, 50, 104 + 70 * index, 300)) for index in range(len(columns) + 1)]
    misread = [OcrWord("JIan", 120, 55, 30, 30, 40.0, (1, 1, 1)), OcrWord("Lead", 400, 60, 80, 30, 95.0, (1, 1, 2))]
    words = read_stacks(np.array(page), rules, misread, "eng", 300, OcrSettings())
    stacked = sorted((w for w in words if w.line[0] == -2), key=lambda w: w.line)
    assert "".join(w.text for w in stacked) == "JanFebS1"
    assert [w.text for w in words if w.line[0] != -2] == ["Lead"]  # the misreading over the stack is gone
    assert all(w.top < 80 for w in stacked if w.text in "JFS") and all(w.top > 90 for w in stacked if w.text in "ae1")


@pytest.mark.parametrize(
    "texts, expected",
    [
        (["Si", "S2", "S3"], ["S1", "S2", "S3"]),  # week codes: a figure read as a letter among figures
        (["Jan", "Feb", "Mar"], ["Jan", "Feb", "Mar"]),  # month names: no figures, nothing set
        (["Si", "So", "S3"], ["Si", "So", "S3"]),  # figures at that place in one stack of three only
    ],
)
def test_a_letter_where_a_row_of_stacks_holds_figures_is_a_figure(texts: list[str], expected: list[str]) -> None:
    stacks = [
        Stack((x, 10, x + 40, 100), tuple((x, 20 + 30 * n, x + 10, 40 + 30 * n) for n in range(3)))
        for x in (0, 50, 100)
    ]
    readings: list[tuple[str, float] | None] = [(text, 90.0) for text in texts]
    assert [reading[0] for reading in with_figures(stacks, readings) if reading] == expected
