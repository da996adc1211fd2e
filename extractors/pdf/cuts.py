"""A cell's lines as its text, for every kind of table: words and section numbers the cell was too narrow for,
cut where they met its edge without a hyphen ("Complet" / "ed", "1.1." / "1"), joined back; lines wrapped in the
usual way joined with a space; a line broken by hand (names typed one a line) kept as a line break."""

from __future__ import annotations

import re

from extractors.model import BBox
from extractors.pdf.words import TextLine, Word
from extractors.wrapping import LETTERS, MIN_WHOLE_WORD, join_lines, known_words, plain, separate_names

# A section number (1, 1.2, 1.2.3, with or without a closing point) that a narrow cell may cut in two.
SECTION_NUMBER = re.compile(r"^\d{1,3}(\.\d{1,3})+\.?$")
# A word the data knows, rebuilt from two lines, is at least this long ("juillet", "stratégique") ...
MIN_JOINED_WORD = 6
# A year a narrow cell cut in two ("202" / "6"): its digits on both lines.
CUT_YEAR = re.compile(r"^(?:19|20)\d\d$")
# A word cut by a too narrow cell leaves at most this many letters for the next line ("Complet" / "ed");
# longer tails are whole words wrapped in the usual way ...
MAX_BROKEN_TAIL = 2
# ... and, in a column so narrow that only single words reach its edge, up to this many ("Comp" / "leted").
MAX_NARROW_TAIL = 6
# A line was broken by hand, not wrapped, when the next line's first word would have fitted after it with this
# much room to spare (in font sizes: a space and a little more, for the glyphs' measures).
HARD_BREAK_ROOM_EM = 0.75


def is_cut_word(head: str, tail: str, max_tail: int) -> bool:
    """True when `tail` reads as the rest of `head`: a few lowercase letters after a letter, or the digits
    that complete a section number."""
    letters = "".join(char for char in tail if char.isalpha())
    if tail[:1].islower() and head[-1:].isalpha():
        return 0 < len(letters) <= max_tail
    return tail[:1].isdigit() and bool(SECTION_NUMBER.match(head + tail))


def joins_known_word(head: str, tail: str) -> bool:
    """True when the last word of a line and the first of the next make one word of the project's data that the
    second alone is not ("septem" / "bre", "stratég" / "ique"): a narrow cell cut the word where its edge fell,
    whatever the geometry measured."""
    heads, tails = LETTERS.findall(head), LETTERS.findall(tail)
    if not heads or not tails or not tail[:1].islower() or not head.endswith(heads[-1]):
        return False
    last, first = plain(heads[-1]), plain(tails[0])
    return len(last + first) >= MIN_JOINED_WORD and last + first in known_words() and first not in known_words()


def whole_words(head: str, tail: str) -> bool:
    """True when a line's last word and the next line's first are both words of the project's data and their
    join is not ("Coordination" / "du", "Deadli" / "ne" being no such pair): a whole word that filled a narrow
    cell's line, not a word cut at its edge."""
    heads, tails = LETTERS.findall(head), LETTERS.findall(tail)
    if not heads or not tails:
        return False
    last, first = plain(heads[-1]), plain(tails[0])
    words = known_words()
    return len(last) >= MIN_WHOLE_WORD and last in words and first in words and last + first not in words


def is_cut_number(texts: list[str]) -> bool:
    """True when a cell's lines are one section number cut at each line's end ("1.1." / "1"): every line but
    the last closes on a point, the last does not, and together they read as one number. A column of
    figures or a numbered list ("1." / "2.") is no such number."""
    return (
        len(texts) >= 2
        and all(text.endswith(".") for text in texts[:-1])
        and not texts[-1].endswith(".")
        and bool(SECTION_NUMBER.match("".join(texts)))
    )


def cut_at_box(line: TextLine, tail: Word, box: BBox) -> bool:
    """True when a ruled cell's line is one word cut where it met the cell's edge (the padding taken as on
    the left) and the next line opens with its rest: a word broken mid-way leaves no room for the next
    glyph; a number breaks after a point, where the rest would not have fitted (within a glyph)."""
    if len(line.words) != 1:
        return False
    word = line.words[0]
    right = box[2] - (line.x0 - box[0])
    tail_glyph = (tail.x1 - tail.x0) / max(len(tail.text), 1)
    if tail.text[:1].isdigit():
        fits = word.x1 + (tail.x1 - tail.x0) <= right - tail_glyph
    else:
        fits = word.x1 + tail_glyph <= right
    cut = is_cut_word(word.text, tail.text, MAX_NARROW_TAIL) and not whole_words(word.text, tail.text)
    return not fits and (cut or is_cut_year(word.text, tail.text))


def is_cut_year(head: str, tail: str) -> bool:
    """True when a line's digits and the next line's opening digits make one year ("202" / "6"): a cell too
    narrow for a four-digit year (a header "Jan-Mar 2026" in a column of ticks) cuts it where the edge falls."""
    return head.isdigit() and tail.isdigit() and bool(CUT_YEAR.match(head + tail))


def broken_by_hand(words: list[Word], first: Word, width: float) -> bool:
    """True when a cell's line (its words) is followed by a line whose first word would have fitted after it in
    the cell's `width`: the line ends where a line break was typed ("IGAD" / "World Bank"), not where it was full."""
    room = width - (words[-1].x1 - words[0].x0)
    return first.x1 - first.x0 + HARD_BREAK_ROOM_EM * first.size <= room


def paragraphs_text(paragraphs: list[list[str]]) -> str:
    """A cell's paragraphs (each its wrapped lines) as one text, one paragraph a line."""
    return "\n".join(join_lines(lines) for lines in paragraphs)


def ruled_cell_text(lines: list[TextLine], box: BBox) -> str:
    """A ruled cell's lines as one text, a word or number cut at the cell's edge joined back; a line broken by hand
    ends a line of the text. The cell's room is its box less the padding on its left taken on both sides."""
    width = box[2] - box[0] - 2 * max(0.0, min((line.x0 for line in lines), default=box[0]) - box[0])
    paragraphs: list[list[str]] = []
    for index, line in enumerate(lines):
        if paragraphs and (
            cut_at_box(lines[index - 1], line.words[0], box) or joins_known_word(lines[index - 1].text, line.text)
        ):
            paragraphs[-1][-1] += line.text
        elif (
            paragraphs
            and not broken_by_hand(lines[index - 1].words, line.words[0], width)
            and not separate_names(lines[index - 1].text, line.text)
        ):
            paragraphs[-1].append(line.text)
        else:
            paragraphs.append([line.text])
    return paragraphs_text(paragraphs)


def lines_text(texts: list[str]) -> str:
    """A cell's lines as one text when its box is not known: a line of one word followed by a lone fragment
    of a few lowercase letters ("Timelin" / "e") is one word cut at the cell's edge."""
    out: list[str] = []
    for text in texts:
        if out and (
            (" " not in out[-1] and " " not in text and is_cut_word(out[-1], text, MAX_BROKEN_TAIL))
            and not whole_words(out[-1], text)
            or joins_known_word(out[-1], text)
        ):
            out[-1] += text
        else:
            out.append(text)
    return join_lines(out)
