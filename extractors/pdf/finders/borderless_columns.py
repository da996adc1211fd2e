"""Borderless tables' columns: separators in the gaps between words (or at the sides of fills), the words of a
line shared out among them, a phrase crossing a separator kept whole."""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median

from extractors.model import BBox
from extractors.pdf.objects import Fill
from extractors.pdf.words import TextLine, Word

# A word crossing a column gap joins the word before it when their gap is below this share of the
# font size, or within this many times the region's usual word space (a font with wide spaces): a
# spanning phrase (a section label across the table); otherwise it goes to its own column.
SPANNING_WORD_GAP = 0.35
SPANNING_SPACES = 1.2
# Letters that stand alone as a timeline's mark ("x" under a quarter), like any one glyph that is no letter or digit.
MARK_LETTERS = frozenset("xX")


def column_of(x: float, separators: list[float]) -> int:
    """Index of the column holding x."""
    return sum(1 for separator in separators if x > separator)


@dataclass(frozen=True)
class Columns:
    """A region's columns: the x of each separator, the region's usual space between two words of a phrase (a
    phrase crossing a separator with that spacing stays whole: a label across the table), and the left edges
    where the words of many lines start (a word starting there opens its column, however close)."""

    separators: tuple[float, ...]
    space: float
    edges: tuple[int, ...] = ()

    @property
    def count(self) -> int:
        return len(self.separators) + 1

    def spanning_gap(self, previous: Word, word: Word) -> float:
        """The widest gap at which `word` carries on the phrase of `previous` across a separator: a share of
        the font size, or for words of text the region's usual word space and a little more."""
        gap = SPANNING_WORD_GAP * word.size
        return max(gap, SPANNING_SPACES * self.space) if is_wordy(previous) and is_wordy(word) else gap

    def stands_alone(self, words: list[Word], index: int) -> bool:
        """True when a line's word is a mark standing alone (no word of its phrase after it): it keeps its own
        column however close it is printed after the text of the cell before it; a footnote's "*" opening a
        phrase does not."""
        word = words[index]
        following = words[index + 1] if index + 1 < len(words) else None
        alone = following is None or following.x0 - word.x1 >= self.spanning_gap(word, following)
        return alone and is_mark(word)

    def of_line(self, line: TextLine) -> dict[int, list[Word]]:
        """The line's words by column."""
        cells: dict[int, list[Word]] = {}
        previous: Word | None = None
        column = 0
        edges = self.edges if len(line.phrases) >= 2 else ()
        for index, word in enumerate(line.words):
            own = column_of((word.x0 + word.x1) / 2, list(self.separators))
            tight = previous is not None and word.x0 - previous.x1 < self.spanning_gap(previous, word)
            tight = tight and int(word.x0) not in edges and not self.stands_alone(line.words, index)
            column = column if tight and own > column else own
            cells.setdefault(column, []).append(word)
            previous = word
        return cells


def is_mark(word: Word) -> bool:
    """True for a word of one glyph that may mark a cell (x, ■, ✓; not a digit or another letter)."""
    return len(word.text) == 1 and (word.text in MARK_LETTERS or not word.text.isalnum())


def word_space(lines: list[TextLine]) -> float:
    """The usual space between two words of text in a phrase (0 when no phrase has two); figures are left
    out, as narrow columns of figures may stand closer than words."""
    gaps = [
        b.x0 - a.x1
        for line in lines
        for phrase in line.phrases
        for a, b in zip(phrase, phrase[1:], strict=False)
        if is_wordy(a) and is_wordy(b)
    ]
    return median(gaps) if gaps else 0.0


def word_centre(word: Word) -> tuple[float, float]:
    """The middle of a word's box."""
    return (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2


def is_wordy(word: Word) -> bool:
    """True for a word with a letter in it (not a figure, a mark or a date)."""
    return any(char.isalpha() for char in word.text)


def column_separators(
    gaps: list[tuple[float, float]], bars: list[Fill], bbox: BBox, tolerance: float
) -> tuple[float, ...]:
    """Column separators: the middle of each gap between words, or the side of a fill standing in it; and
    the sides of the fills inside the table, which mark columns that hold shading alone (Gantt months)."""
    sides = sorted({x for bar in bars for x in (bar.x0, bar.x1) if bbox[0] + tolerance < x < bbox[2] - tolerance})
    separators = []
    for a, b in gaps:
        inside = [x for x in sides if a - tolerance <= x <= b + tolerance]
        separators.append(inside[0] if inside else (a + b) / 2)
    for x in sides:
        if all(abs(x - separator) > tolerance for separator in separators):
            separators.append(x)
    return tuple(sorted(separators))


def largest_cluster(values: list[float], tolerance: float) -> int:
    """The most values lying within `tolerance` of one another."""
    values = sorted(values)
    best = start = 0
    for end, value in enumerate(values):
        while value - values[start] > tolerance:
            start += 1
        best = max(best, end - start + 1)
    return best
