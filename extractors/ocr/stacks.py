"""Letters printed one under another in a narrow ruled cell (a Gantt's month names, `J / a / n`, or week codes,
`S / 1`, in columns too narrow for the word): sparse reading takes each letter for a word of its own, misreads
lone letters and runs the letters of neighbouring columns together (`SSSS`). Each such stack is cut out letter by
letter, the letters set side by side into one word, all stacks read in one Tesseract run, and each stack read letter
for letter put in place of the words read over it, each letter on its own line as printed (the finders join a
narrow cell's lines as they do a text layer's)."""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median

import numpy as np

from extractors.ocr.image import PixelBox, Rule
from extractors.ocr.settings import OcrSettings
from extractors.ocr.tesseract import OcrWord, read_block

# Pixels of a cleaned page darker than this are ink.
INK_LEVEL = 128
# A narrow cell is at most this many times as wide as the page's usual line is high: a word of three letters or
# more would not fit on one line.
MAX_CELL_WIDTH = 4.0
# Two rules this many pixels apart or less are one (the two sides of a thick rule).
SAME_RULE = 6
# Pixels kept off a cell's rules (the blur around an erased rule).
RULE_MARGIN = 3
# A stack holds at least this many lines, each at most this many times as wide as the usual line is high (one
# letter or two), following each other by at most this many usual line heights.
MIN_LETTERS = 2
MAX_LETTER_WIDTH = 1.1
MAX_PITCH = 2.0
# A run of ink lower than this share of the usual line height is a dot or a speck, no letter.
SMALL_RUN = 0.3
# Letters are set this share of the line height apart, the stacks this many pixels apart in the sheet read.
LETTER_GAP = 0.12
PAD = 16
# Signs Tesseract reads for a lone letter (a stack holds letters and figures only), and the letter.
AS_LETTER = str.maketrans({"$": "S", "§": "S", "|": "l", "!": "l", "€": "E"})
# Letters OCR reads for a figure, set to it where the stacks of a row hold figures at that place.
AS_FIGURE = {"i": "1", "l": "1", "I": "1", "o": "0", "O": "0", "s": "5", "S": "5", "z": "2", "Z": "2"}
# A word read over stacks is replaced when at least this share of its width lies in one.
COVERED = 0.5
# The confidence (0..100) below which a stack's reading is not used (the words read over it stay).
MIN_CONFIDENCE = 40.0


@dataclass(frozen=True)
class Stack:
    """Letters one under another in a cell: the cell's box and each letter's (pixels of the page), top to bottom."""

    cell: PixelBox
    letters: tuple[PixelBox, ...]


def narrow_cells(rules: list[Rule], line_height: float) -> list[PixelBox]:
    """The cells between two vertical rules at most `MAX_CELL_WIDTH` line heights apart, over the span where both
    run, cut by the horizontal rules that cross them."""
    verticals = sorted((r.box for r in rules if r.orientation == "v"), key=lambda b: b[0])
    horizontals = [r.box for r in rules if r.orientation == "h"]
    cells = []
    for index, left in enumerate(verticals):
        beside = [b for b in verticals[index + 1 :] if b[0] > left[2] + SAME_RULE and b[1] < left[3] and left[1] < b[3]]
        right = min(beside, key=lambda b: b[0], default=None)
        if right is None or right[0] - left[2] > MAX_CELL_WIDTH * line_height:
            continue
        top, bottom = max(left[1], right[1]), min(left[3], right[3])
        if bottom <= top:
            continue
        cuts = sorted(
            {top, bottom}
            | {(h[1] + h[3]) // 2 for h in horizontals if h[0] <= left[2] and h[2] >= right[0] and top < h[1] < bottom}
        )
        cells += [(left[2], a, right[0], b) for a, b in zip(cuts, cuts[1:], strict=False)]
    return cells


def cell_stack(binary: np.ndarray, cell: PixelBox, line_height: float) -> Stack | None:
    """The letters of a cell when they stand one under another, None otherwise."""
    x0, top, x1, bottom = cell[0] + RULE_MARGIN, cell[1] + RULE_MARGIN, cell[2] - RULE_MARGIN, cell[3] - RULE_MARGIN
    if x1 - x0 < 2 or bottom - top < 2 * line_height:
        return None
    ink = binary[top:bottom, x0:x1] < INK_LEVEL
    letters = []
    for a, b in ink_lines(np.asarray(ink.any(axis=1)), line_height):
        columns = np.flatnonzero(ink[a:b].any(axis=0))
        letters.append((x0 + int(columns[0]), top + a, x0 + int(columns[-1]) + 1, top + b))
    if len(letters) < MIN_LETTERS or any(b[2] - b[0] > MAX_LETTER_WIDTH * line_height for b in letters):
        return None
    if any(b[3] - a[3] > MAX_PITCH * line_height for a, b in zip(letters, letters[1:], strict=False)):
        return None
    return Stack(cell, tuple(letters))


def ink_lines(rows: np.ndarray, line_height: float) -> list[tuple[int, int]]:
    """The runs of inked rows (start, end) of a cell; a small run (the dot of an i or a j) joins the run right
    under it, a small run alone (a speck) is dropped."""
    runs, start = [], None
    for y, inked in enumerate(np.append(rows, False)):
        if inked and start is None:
            start = y
        elif not inked and start is not None:
            runs.append((start, y))
            start = None
    lines: list[tuple[int, int]] = []
    small = SMALL_RUN * line_height
    for a, b in runs:
        if lines and lines[-1][1] - lines[-1][0] < small and a - lines[-1][1] < small:
            a = lines.pop()[0]
        lines.append((a, b))
    return [(a, b) for a, b in lines if b - a >= small]


def word_image(binary: np.ndarray, stack: Stack) -> np.ndarray:
    """A stack's letters side by side on one line, each on the stack's common baseline."""
    pitch = median(b[3] - a[3] for a, b in zip(stack.letters, stack.letters[1:], strict=False))
    first = median(letter[3] - index * pitch for index, letter in enumerate(stack.letters))
    height = round(pitch)
    gap = max(round(LETTER_GAP * pitch), 2)
    pieces = []
    for index, (x0, _top, x1, _bottom) in enumerate(stack.letters):
        base = round(first + index * pitch)
        band = np.full((height, x1 - x0), 255, np.uint8)
        source = binary[max(base - round(0.78 * pitch), 0) : base + round(0.22 * pitch), x0:x1]
        band[: source.shape[0]] = source[:height]
        pieces += [band, np.full((height, gap), 255, np.uint8)]
    return np.hstack(pieces)


def sheet_of(images: list[np.ndarray]) -> tuple[np.ndarray, list[int]]:
    """The images one under another on white paper, and the top of each."""
    width = max(image.shape[1] for image in images) + 2 * PAD
    tops, y = [], PAD
    for image in images:
        tops.append(y)
        y += image.shape[0] + 2 * PAD
    sheet = np.full((y, width), 255, np.uint8)
    for image, top in zip(images, tops, strict=True):
        sheet[top : top + image.shape[0], PAD : PAD + image.shape[1]] = image
    return sheet, tops


def read_stacks(
    binary: np.ndarray, rules: list[Rule], words: list[OcrWord], language: str, dpi: int, settings: OcrSettings
) -> list[OcrWord]:
    """The words, those read over stacks of letters replaced by each stack read letter for letter."""
    if not words:
        return words
    line_height = median(w.height for w in words)
    stacks = [s for cell in narrow_cells(rules, line_height) if (s := cell_stack(binary, cell, line_height))]
    if not stacks:
        return words
    readings = with_figures(stacks, read_letters(binary, stacks, language, dpi, settings))
    done = [(stack, reading) for stack, reading in zip(stacks, readings, strict=True) if reading is not None]
    kept = [w for w in words if not covered(w, [stack.cell for stack, _ in done])]
    return kept + [
        OcrWord(letter, x0, top, x1 - x0, bottom - top, confidence, (-2, index, number))
        for index, (stack, (text, confidence)) in enumerate(done)
        for number, (letter, (x0, top, x1, bottom)) in enumerate(zip(text, stack.letters, strict=True))
    ]


def read_letters(
    binary: np.ndarray, stacks: list[Stack], language: str, dpi: int, settings: OcrSettings
) -> list[tuple[str, float] | None]:
    """Each stack's letters and their confidence, read in one Tesseract run; None for a stack not read letter for
    letter (as many letters as it holds, with some confidence)."""
    images = [word_image(binary, stack) for stack in stacks]
    sheet, tops = sheet_of(images)
    read: dict[int, list[OcrWord]] = {}
    for word in read_block(sheet, language, dpi, settings.timeout_s):
        middle = word.top + word.height / 2
        index = next((i for i, top in enumerate(tops) if top <= middle <= top + images[i].shape[0]), None)
        if index is not None:
            read.setdefault(index, []).append(word)
    readings: list[tuple[str, float] | None] = []
    for index, stack in enumerate(stacks):
        parts = sorted(read.get(index, []), key=lambda w: w.left)
        text = "".join(w.text for w in parts).translate(AS_LETTER)
        confidence = min((w.confidence for w in parts), default=0.0)
        readings.append(
            (text, confidence) if len(text) == len(stack.letters) and confidence >= MIN_CONFIDENCE else None
        )
    return readings


def with_figures(stacks: list[Stack], readings: list[tuple[str, float] | None]) -> list[tuple[str, float] | None]:
    """The readings, a letter read where most stacks of the same row have a figure set to the figure it looks
    like (`S / i` among `S / 2`, `S / 3`: week 1)."""
    fixed = list(readings)
    for index, (stack, reading) in enumerate(zip(stacks, readings, strict=True)):
        if reading is None:
            continue
        row = [r[0] for s, r in zip(stacks, readings, strict=True) if r and s.cell[1] == stack.cell[1]]
        text = "".join(
            AS_FIGURE.get(letter, letter) if 2 * sum(len(t) > n and t[n].isdigit() for t in row) > len(row) else letter
            for n, letter in enumerate(reading[0])
        )
        fixed[index] = (text, reading[1])
    return fixed


def covered(word: OcrWord, cells: list[PixelBox]) -> bool:
    """True when a word lies in the cells (at least half of its width), or runs across two of them: a reading
    of their letters run together across the rule between them."""
    middle = word.top + word.height / 2
    spans = [
        min(word.left + word.width, cell[2]) - max(word.left, cell[0]) for cell in cells if cell[1] <= middle <= cell[3]
    ]
    inside = [span for span in spans if span > 0]
    return len(inside) >= 2 or sum(inside) >= COVERED * max(word.width, 1)
