"""Pages set in two text columns: find the gutter and read each column on its own.

Without this, a line of the left column and the line beside it in the right column read as one
line of two phrases, which looks like a table row and scrambles the reading order.
"""

from __future__ import annotations

from extractors.pdf_words import TextLine, Word, finish_line

# The gutter lies in this middle band of the page width.
GUTTER_BAND = (0.3, 0.7)
# A gutter is at least this wide (points): a column gap, not a word space.
MIN_GUTTER_WIDTH = 8.0
# At most this share of the lines may cross the gutter (titles, a full-width figure caption).
MAX_CROSSING_SHARE = 0.05
# Each side needs this many lines of running prose (words with letters) for the page to be set in columns.
MIN_PROSE_LINES = 5
PROSE_LINE_WORDS = 6


def find_gutter(lines: list[TextLine], width: float) -> float | None:
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
    left, right = split_at_gutter(lines, gutter)
    return gutter if prose_lines(left) >= MIN_PROSE_LINES and prose_lines(right) >= MIN_PROSE_LINES else None


def prose_lines(lines: list[TextLine]) -> int:
    """How many lines read as running text: words of letters, not rows of figures."""
    return sum(1 for line in lines
               if sum(1 for word in line.words if any(ch.isalpha() for ch in word.text)) >= PROSE_LINE_WORDS)


def split_at_gutter(lines: list[TextLine], gutter: float) -> tuple[list[TextLine], list[TextLine]]:
    """Each line's words left and right of the gutter, as the lines of two columns."""
    left: list[TextLine] = []
    right: list[TextLine] = []
    for line in lines:
        words: tuple[list[Word], list[Word]] = ([], [])
        for word in line.words:
            words[(word.x0 + word.x1) / 2 > gutter].append(word)
        left += [finish_line(TextLine(words[0]))] if words[0] else []
        right += [finish_line(TextLine(words[1]))] if words[1] else []
    return left, right
