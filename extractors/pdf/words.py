"""Characters to words, words to text lines, lines to text: in reading order, any direction."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from operator import attrgetter
from statistics import median
from typing import NamedTuple

from extractors.pdf.objects import Char
from extractors.pdf.settings import PdfSettings
from extractors.wrapping import join_lines

# Sort keys of glyphs along a line, and down the page line by line.
X0 = attrgetter("x0")
BOTTOM_X0 = attrgetter("bottom", "x0")
TOP_X0 = attrgetter("top", "x0")
# Words are built as plain tuples of their fields (a NamedTuple's own constructor is Python code).
new_word = tuple.__new__
# Glyphs drawn twice at the same spot (fake bold, shadows) are merged when this close (points).
DUPLICATE_TOLERANCE = 0.6
# A "word" of dots, dashes or underscores only is a leader or a rule drawn in text.
LEADER = re.compile(r"^[.·…_\-–—=]{3,}$")
# A column gap may be crossed by one word in this many table lines (spanning headers).
CROSSINGS_PER_LINE = 1 / 8
# A column gap is wider than this share of the font size: twice a word space ...
MIN_GAP_EM = 0.5
# ... or, narrower (a cell filled to its edge, as a sheet prints it), ends where the words of this share of the
# lines start at one x: a column's left edge.
EDGE_STARTS_SHARE = 0.25
MIN_EDGE_STARTS = 3
# ... each after a space this much wider than its line's usual one (a cell's padding at least).
EDGE_SPACE_RATIO = 1.15
# A space glyph starting this far (a share of the font size) inside the glyph before it is drawn over that
# glyph: no word break (PDFium leaves such spaces out of its text; pdfminer reads them).
SPACE_OVERLAP_EM = 0.1
# Typographic ligatures spelled out: pdfminer reads the glyph's character (U+FB01), PDFium its letters ("fi").
LIGATURES = str.maketrans(
    {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"}
)
# Spaced leaders: at least this many lone dots in a row.
LEADER_DOTS = frozenset({".", "·", "…"})
MIN_LEADER_DOTS = 3


class Word(NamedTuple):
    """A run of glyphs without a space."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool
    italic: bool = False


@dataclass
class TextLine:
    """Words sharing a baseline, left to right."""

    words: list[Word]
    x0: float = 0.0
    top: float = 0.0
    x1: float = 0.0
    bottom: float = 0.0
    size: float = 0.0
    phrases: list[list[Word]] = field(default_factory=list)

    @cached_property
    def text(self) -> str:
        """The words, one space apart (worked out once: a line's words are never changed)."""
        return " ".join(word.text for word in self.words)

    @property
    def bold(self) -> bool:
        return all(word.bold for word in self.words)


def rotate_char(char: Char, direction: int, width: float, height: float) -> Char:
    """The glyph's box in the frame where text of `direction` reads left to right."""
    if direction == 90:
        return char._replace(x0=height - char.bottom, x1=height - char.top, top=char.x0, bottom=char.x1, direction=0)
    if direction == 270:
        return char._replace(x0=char.top, x1=char.bottom, top=width - char.x1, bottom=width - char.x0, direction=0)
    return char


def chars_to_lines(chars: Iterable[Char], settings: PdfSettings) -> list[TextLine]:
    """Upright glyphs grouped into lines (top to bottom) of words (left to right)."""
    tolerance_em = settings.baseline_tolerance_em
    groups: list[list[Char]] = []
    group: list[Char] = []
    last_bottom = 0.0
    for char in sorted(chars, key=BOTTOM_X0):
        size, bottom = char.size, char.bottom
        if group and abs(bottom - last_bottom) <= tolerance_em * (size if size > 1.0 else 1.0):
            group.append(char)
        else:
            group = [char]
            groups.append(group)
        last_bottom = bottom
    lines = [line for group in groups if (line := chars_to_line(group, settings)).words]
    lines.sort(key=TOP_X0)
    return lines


def chars_to_line(chars: list[Char], settings: PdfSettings) -> TextLine:
    """One line from glyphs on one baseline (the loop runs once per glyph of every line read: kept lean, each
    glyph's fields unpacked once, the current word's box grown as it goes). A space drawn over the glyph before it
    is no break; a glyph drawn again at (almost) the same place (fake bold, shadows) is read once."""
    chars.sort(key=X0)
    words: list[Word] = []
    texts: list[str] = []  # the current word's glyphs
    gap_em = settings.word_gap_em
    last_text: str | None = None  # the current word's last glyph, its text and measures (None: no word begun)
    last_x0 = last_top = last_x1 = last_size = 0.0
    x0 = top = x1 = bottom = size = 0.0
    bold = italic = True
    for text, char_x0, char_top, char_x1, char_bottom, char_size, char_bold, _, char_italic in chars:
        if not text or text.isspace():
            if last_text is not None and last_x1 - char_x0 > SPACE_OVERLAP_EM * (last_size if last_size > 1.0 else 1.0):
                continue
            if texts:
                add_word(words, texts, x0, top, x1, bottom, size, bold, italic)
            texts, last_text = [], None
            continue
        if last_text is not None:
            if (
                text == last_text
                and abs(char_x0 - last_x0) < DUPLICATE_TOLERANCE
                and abs(char_top - last_top) < DUPLICATE_TOLERANCE
            ):
                continue
            larger = char_size if char_size > last_size else last_size
            if char_x0 - last_x1 > gap_em * (larger if larger > 1.0 else 1.0):
                add_word(words, texts, x0, top, x1, bottom, size, bold, italic)
                texts = []
        if texts:
            texts.append(text)
            if char_x1 > x1:
                x1 = char_x1
            if char_top < top:
                top = char_top
            if char_bottom > bottom:
                bottom = char_bottom
            if char_size > size:
                size = char_size
            bold = bold and char_bold
            italic = italic and char_italic
        else:
            texts = [text]
            x0, top, x1, bottom, size = char_x0, char_top, char_x1, char_bottom, char_size
            bold, italic = char_bold, char_italic
        last_text, last_x0, last_top, last_x1, last_size = text, char_x0, char_top, char_x1, char_size
    if texts:
        add_word(words, texts, x0, top, x1, bottom, size, bold, italic)
    return finish_line(TextLine(drop_spaced_leaders(words)), settings)


def drop_spaced_leaders(words: list[Word]) -> list[Word]:
    """Words without runs of lone dots (". . . ." leaders between a label and its figures)."""
    if LEADER_DOTS.isdisjoint([word.text for word in words]):
        return words
    keep = [True] * len(words)
    run_start = 0
    for index in range(len(words) + 1):
        if index < len(words) and words[index].text in LEADER_DOTS:  # text is stripped: see add_word
            continue
        if index - run_start >= MIN_LEADER_DOTS:
            keep[run_start:index] = [False] * (index - run_start)
        run_start = index + 1
    return [word for word, kept in zip(words, keep, strict=True) if kept]


def add_word(
    words: list[Word],
    texts: list[str],
    x0: float,
    top: float,
    x1: float,
    bottom: float,
    size: float,
    bold: bool,
    italic: bool,
) -> None:
    """Append the word of glyph texts `texts` and box (x0, top, x1, bottom); dot leaders and drawn rules are no
    words."""
    text = "".join(texts).strip()  # some fonts map a glyph to " ."
    if not text.isascii():
        text = text.translate(LIGATURES)
    if not text or LEADER.match(text):
        return
    words.append(new_word(Word, (text, x0, top, x1, bottom, size, bold, italic)))


def finish_line(line: TextLine, settings: PdfSettings) -> TextLine:
    """Fill a line's box, size and phrases from its words (the size is their median: a big bullet glyph does
    not set it)."""
    words = line.words
    if not words:
        return line
    first = words[0]
    if len(words) == 1:  # most lines of a table's cells
        line.x0, line.top, line.x1, line.bottom, line.size = first.x0, first.top, first.x1, first.bottom, first.size
        line.phrases = [[first]]
        return line
    x0, x1, top, bottom = first.x0, first.x1, first.top, first.bottom
    for word in words:
        x0 = word.x0 if word.x0 < x0 else x0
        x1 = word.x1 if word.x1 > x1 else x1
        top = word.top if word.top < top else top
        bottom = word.bottom if word.bottom > bottom else bottom
    line.x0, line.x1, line.top, line.bottom = x0, x1, top, bottom
    sizes = sorted([word.size for word in words])
    middle = len(sizes) // 2
    line.size = sizes[middle] if len(sizes) % 2 else (sizes[middle - 1] + sizes[middle]) / 2
    line.phrases = words_to_phrases(words, settings.phrase_gap_em)
    return line


def words_to_phrases(words: list[Word], gap_em: float) -> list[list[Word]]:
    """Split a line's words where the gap is wide enough to separate table columns."""
    phrase = [words[0]]
    phrases: list[list[Word]] = [phrase]
    for previous, word in zip(words, words[1:], strict=False):
        size = word.size if word.size > previous.size else previous.size
        if word.x0 - previous.x1 > gap_em * (size if size > 1.0 else 1.0):
            phrase = [word]
            phrases.append(phrase)
        else:
            phrase.append(word)
    return phrases


def word_gaps(lines: list[TextLine], left: float, right: float, edges: bool = False) -> list[tuple[float, float]]:
    """X ranges in (left, right) crossed by (almost) no word of `lines` and wider than a space; with `edges`,
    narrower ones too where they end at a column's left edge (words of many lines starting at one x)."""
    if not lines:
        return []
    allowed = int(len(lines) * CROSSINGS_PER_LINE)
    min_width = MIN_GAP_EM * median(line.size for line in lines)
    min_starts = min_edge_starts(lines) if edges else math.inf
    start = int(left)
    coverage = [0] * (int(right) - start + 2)
    starts = edge_starts(lines, start)
    for line in lines:
        for word in line.words:
            for x in range(max(int(word.x0) - start, 0), min(int(word.x1) - start + 1, len(coverage))):
                coverage[x] += 1
    gaps: list[tuple[float, float]] = []
    gap_start: int | None = None
    for x, count in enumerate(coverage):
        if count <= allowed and gap_start is None:
            gap_start = x
        elif count > allowed and gap_start is not None:
            if gap_start == 0:  # from the left edge: a sparse first column ends where its last word does
                gap_start = max((i + 1 for i in range(x) if coverage[i]), default=0)
            if 0 < gap_start < x and (x - gap_start >= min_width or len(starts.get(x, ())) >= min_starts):
                gaps.append((gap_start + start, x + start))
            gap_start = None
    return gaps


def min_edge_starts(lines: list[TextLine]) -> float:
    """How many of the lines must start a word at one x for it to be a column's left edge."""
    return max(MIN_EDGE_STARTS, EDGE_STARTS_SHARE * len(lines))


def edge_starts(lines: list[TextLine], origin: int = 0) -> dict[int, set[str]]:
    """The different words starting at each x (whole points from `origin`) after more than a line's usual word
    space: the words of cells that open a column there (the same text repeated line after line aligns its words
    without making a column)."""
    starts: dict[int, set[str]] = {}
    for line in lines:
        spaces = [b.x0 - a.x1 for a, b in zip(line.words, line.words[1:], strict=False)]
        space = median(spaces) if spaces else 0.0
        for index, word in enumerate(line.words):
            if not index or spaces[index - 1] >= EDGE_SPACE_RATIO * space:
                starts.setdefault(int(word.x0) - origin, set()).add(word.text)
    return starts


def column_starts(lines: list[TextLine], gaps: list[tuple[float, float]]) -> tuple[int, ...]:
    """The ends of the column gaps where words of enough of the lines start at one x: the left edges of
    left-aligned columns (a word starting there opens its column, however close the word before it)."""
    starts = edge_starts(lines)
    least = min_edge_starts(lines)
    return tuple(int(b) for _, b in gaps if len(starts.get(int(b), ())) >= least)


def chars_to_text(chars: list[Char], width: float, height: float, settings: PdfSettings) -> str:
    """The text of a box's glyphs: upright lines first, then each turned direction's lines."""
    by_direction: dict[int, list[Char]] = {}
    for char in chars:
        by_direction.setdefault(char.direction, []).append(char)
    parts = []
    for direction in sorted(by_direction, key=lambda d: -len(by_direction[d])):
        turned = [rotate_char(char, direction, width, height) for char in by_direction[direction]]
        parts.append(join_lines(line.text for line in chars_to_lines(turned, settings)))
    return join_lines(parts)
