"""Pages set in two text columns: find the gutter and read each column on its own.

Without this, a line of the left column and the line beside it in the right column read as one
line of two phrases, which looks like a table row and scrambles the reading order.
"""

from __future__ import annotations

from extractors.pdf.settings import PdfSettings
from extractors.pdf.words import TextLine, Word, finish_line

# The gutter lies in this middle band of the page width.
GUTTER_BAND = (0.3, 0.7)
# A gutter is at least this wide (points): a column gap, not a word space.
MIN_GUTTER_WIDTH = 8.0
# At most this share of the lines may cross the gutter (titles, a full-width figure caption).
MAX_CROSSING_SHARE = 0.05
# One side needs this many lines of running prose (words with letters), the other (which may hold a
# table) this few, for the page to be set in columns; rows of figures on both sides are one table.
MIN_PROSE_LINES = 5
MIN_PROSE_LINES_BESIDE = 1
# ... and the prose side is mostly prose: at least this share of its lines (not a table's row labels).
PROSE_SHARE = 0.3
PROSE_LINE_WORDS = 4
# Both sides holding this many lines split in columns are one table, not two columns of text.
MIN_TABLE_LINES = 2
# ... most of a prose line's words hold letters.
PROSE_WORD_SHARE = 0.8


def find_gutter(lines: list[TextLine], width: float, settings: PdfSettings) -> float | None:
    """The x of the white gutter between two columns of prose, or None for a one-column page."""
    if len(lines) < 2 * MIN_PROSE_LINES:
        return None
    lo, hi = int(GUTTER_BAND[0] * width), int(GUTTER_BAND[1] * width)
    coverage = [0] * (hi - lo + 1)
    for line in lines:
        for word in line.words:
            for x in range(max(int(word.x0), lo), min(int(word.x1), hi) + 1):
                coverage[x - lo] += 1
    allowed = int(MAX_CROSSING_SHARE * len(lines))
    best: tuple[int, int] | None = None
    start: int | None = None
    for x, count in enumerate(coverage + [allowed + 1]):
        if count <= allowed and start is None:
            start = x
        elif count > allowed and start is not None:
            if x - start >= MIN_GUTTER_WIDTH and (best is None or x - start > best[1] - best[0]):
                best = (start, x)
            start = None
    if best is None:
        return None
    gutter = lo + (best[0] + best[1]) / 2
    left, right = split_at_gutter(lines, gutter, settings)
    (fewer, _), (more, prose_side) = sorted(
        ((prose_lines(left), left), (prose_lines(right), right)), key=lambda pair: pair[0]
    )
    is_layout = fewer >= MIN_PROSE_LINES_BESIDE and more >= max(MIN_PROSE_LINES, PROSE_SHARE * len(prose_side))
    return gutter if is_layout and not columns_on_both_sides(left, right) else None


def columns_on_both_sides(left: list[TextLine], right: list[TextLine]) -> bool:
    """True when each side holds lines split in columns of their own: one table whose gap between two
    columns looked like a gutter, not text set in two columns."""
    return all(sum(1 for line in side if len(line.phrases) >= 2) >= MIN_TABLE_LINES for side in (left, right))


def prose_lines(lines: list[TextLine]) -> int:
    """How many lines read as running text: words of letters, not rows of figures, in one run (not the words
    of a header row set far apart, one a column)."""
    count = 0
    for line in lines:
        wordy = sum(1 for word in line.words if any(ch.isalpha() for ch in word.text))
        running = max(len(phrase) for phrase in line.phrases) >= PROSE_LINE_WORDS
        count += running and wordy >= PROSE_LINE_WORDS and wordy >= PROSE_WORD_SHARE * len(line.words)
    return count


def split_at_gutter(
    lines: list[TextLine], gutter: float, settings: PdfSettings
) -> tuple[list[TextLine], list[TextLine]]:
    """Each line's words left and right of the gutter, as the lines of two columns."""
    left: list[TextLine] = []
    right: list[TextLine] = []
    for line in lines:
        words: tuple[list[Word], list[Word]] = ([], [])
        for word in line.words:
            words[(word.x0 + word.x1) / 2 > gutter].append(word)
        left += [finish_line(TextLine(words[0]), settings)] if words[0] else []
        right += [finish_line(TextLine(words[1]), settings)] if words[1] else []
    return left, right
