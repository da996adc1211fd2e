"""Action points written as paragraphs in minutes, read into a table like the action-point tables of other minutes.

A heading naming the list ("Action points", "Points d'action", "Puntos de acción", "Pontos de acção", "Next steps":
the [action_paragraphs] headings of data/vocab/<lang>.toml) opens it; every paragraph under it up to the next
heading that is numbered, bulleted or opens with an organisation and its verb is a point. Without such a heading,
a run of at least MIN_RUN numbered paragraphs each opening with a name in capitals and its verb ("1. UNICEF to
share …", "2. OMS partagera …") is a list too; ordinary numbered narrative ("1. The team visited …", "2. Partners
reported …") is none. Each point becomes a row of four cells: the point itself (without its number, supporters and
deadline), the organisation it opens with, the supporters after "with the support of" and the deadline (a labelled
bracket "(deadline: 3 March)" or a closing "by end of March"). The paragraphs stay text blocks as well; the table
is marked in its notes as read from them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import cache

from extractors.model import Cell, Document, Table, TextBlock
from normalizers.vocab import fold, phrase_pattern, section, unaccent

VOCAB = "action_paragraphs"
# The header of a table read from paragraphs: words every language's header vocabulary reads as these roles.
HEADER = ("Action point", "Lead", "Support", "Deadline")
NOTE = "read from action points written as paragraphs"
# "1. ", "2) ", "a) " before a point; a bullet sign (or a Word list paragraph) is a point as well.
NUMBER = re.compile(r"^\s*(?:\d{1,2}|[a-z])[.)]\s+", re.IGNORECASE)
BULLET = re.compile(r"^\s*[•·▪◦●○■□‣⁃➢➤►–—*-]\s+")
HEADING_KINDS = ("heading", "title")
# A heading naming the list is short; a longer line is a sentence about action points.
MAX_HEADING_WORDS = 8
# The organisation a point opens with is at most this many words before its verb.
MAX_LEAD_WORDS = 8
# Numbered paragraphs, without a heading, that make a list of points.
MIN_RUN = 2
# Lower-case words inside an organisation's name ("Ministerio de Salud", "MINSA con UNICEF", "Ministry of Health").
CONNECTORS = frozenset(
    ("of", "the", "and", "for", "with", "de", "del", "la", "las", "los", "el", "y", "e", "con", "da", "do", "das")
    + ("dos", "com", "du", "des", "le", "les", "et", "avec", "en", "em", "para", "pour", "/", "&", "+", "-")
)
WORD = re.compile(r"\S+")
# The [periods] keys of the months, whose words tell a deadline ("by end of March").
MONTH_KEYS = (
    *("january", "february", "march", "april", "may", "june"),
    *("july", "august", "september", "october", "november", "december"),
)
TRAILING = " \t.,;:"


@cache
def words_of(key: str) -> tuple[str, ...]:
    """One list of the [action_paragraphs] table, merged over the languages."""
    return tuple(section(VOCAB).get(key, ()))


@cache
def pattern(key: str) -> re.Pattern[str]:
    """A list's phrases as one pattern over unaccented text, whole words only."""
    return re.compile(rf"(?<!\w)(?:{phrase_pattern(words_of(key))})(?!\w)", re.IGNORECASE)


@cache
def month_pattern() -> re.Pattern[str]:
    """Any month name or abbreviation of the [periods] table, whole words only."""
    periods = section("periods")
    months = [word for key in MONTH_KEYS for word in periods.get(key, ())]
    return re.compile(rf"(?<!\w)(?:{phrase_pattern(months)})(?!\w)", re.IGNORECASE)


@cache
def heading_folds() -> frozenset[str]:
    """The headings of a list of points, folded."""
    return frozenset(fold(word) for word in words_of("headings"))


def with_action_paragraphs(document: Document) -> Document:
    """The document with a table for each list of action points its paragraphs hold (itself when none)."""
    return with_tables(document, [points_table(points) for points in point_lists(document.text_blocks)])


def with_tables(document: Document, made: list[Table]) -> Document:
    """The document with tables made from its paragraphs among its own, in reading order (itself when none)."""
    if not made:
        return document
    return replace(document, tables=tuple(sorted([*document.tables, *made], key=lambda table: table.order)))


def point_lists(blocks: Sequence[TextBlock]) -> Iterator[list[TextBlock]]:
    """The action points of the document, list by list: under a heading naming them, or a run of numbered
    paragraphs each opening with an organisation and its verb."""
    index = 0
    while index < len(blocks):
        if names_action_points(blocks[index]):
            under = list(blocks_under(blocks, index + 1))
            points = [block for block in under if is_point(block)]
            index += 1 + len(under)
        else:
            run = list(numbered_run(blocks, index))
            points = run if len(run) >= MIN_RUN else []
            index += max(len(run), 1)
        if points:
            yield points


def names_action_points(block: TextBlock) -> bool:
    """True for a short line whose words are one of the headings of a list of points."""
    text = NUMBER.sub("", block.text).strip().rstrip(":").strip()
    return len(text.split()) <= MAX_HEADING_WORDS and fold(text) in heading_folds()


def blocks_under(blocks: Sequence[TextBlock], start: int) -> Iterator[TextBlock]:
    """The blocks after a heading up to the next heading or title."""
    for block in blocks[start:]:
        if block.kind in HEADING_KINDS:
            return
        yield block


def is_point(block: TextBlock) -> bool:
    """A paragraph under the heading that is a point: numbered, bulleted or opening with an actor and a verb."""
    return bool(NUMBER.match(block.text) or BULLET.match(block.text) or block.kind == "bullet") or bool(
        opening_actor(block.text, strict=False)
    )


def numbered_run(blocks: Sequence[TextBlock], start: int) -> Iterator[TextBlock]:
    """The numbered paragraphs from `start` on that each open with a capitalised name and its verb."""
    for block in blocks[start:]:
        if block.kind in HEADING_KINDS or not NUMBER.match(block.text):
            return
        if not opening_actor(NUMBER.sub("", block.text), strict=True):
            return
        yield block


def opening_actor(text: str, strict: bool) -> str | None:
    """The words a sentence opens with before its verb ("UNICEF to share …" -> "UNICEF", "Ministerio de Salud
    presentará …" -> "Ministerio de Salud"); None when no verb follows a capitalised opening soon. `strict`: every
    word of the name in capitals or a connector ("The team will …" opens with no name)."""
    words = list(WORD.finditer(text))
    if not words or not words[0].group()[:1].isupper():
        return None
    for index, word in enumerate(words[1 : MAX_LEAD_WORDS + 1], start=1):
        if is_verb(text[word.start() :], word.group()):
            return text[: words[index - 1].end()].rstrip(TRAILING) or None
        if strict and not (word.group()[:1].isupper() or word.group().lower() in CONNECTORS):
            return None
    return None


def is_verb(rest: str, word: str) -> bool:
    """True when the text from a word on opens with a verb: an auxiliary ("to", "will", "va a") or a lower-case
    word with a future's ending ("compartirá", "partagera")."""
    if not word[:1].islower():
        return False
    if pattern("verbs").match(unaccent(rest)):
        return True
    bare = word.rstrip(TRAILING)
    return any(bare.endswith(ending) and len(bare) > len(ending) + 2 for ending in words_of("verb_endings"))


def point_cells(text: str) -> tuple[str, str, str, str]:
    """A point's four cells: the point, its lead, its supporters and its deadline."""
    body = BULLET.sub("", NUMBER.sub("", text)).strip()
    body, deadline = split_deadline(body)
    body, support = split_support(body)
    lead = opening_actor(body, strict=False) or ""
    return body, lead, support, deadline


@cache
def labelled_deadline() -> re.Pattern[str]:
    """A bracket opening with a deadline's label: "(plazo: 3 de marzo)", "(deadline 12 May)"."""
    labels = phrase_pattern(words_of("deadline_labels"))
    return re.compile(rf"\(\s*(?:{labels})\s*:?\s*([^()]*)\)", re.IGNORECASE)


def split_deadline(text: str) -> tuple[str, str]:
    """The text without its deadline, and the deadline: a labelled bracket, else a closing "by <date>"."""
    bare = unaccent(text)
    label = labelled_deadline().search(bare)
    if label:
        return tidy(text[: label.start()] + text[label.end() :]), text[label.start(1) : label.end(1)].strip()
    for found in reversed(list(pattern("deadline_words").finditer(bare))):
        tail = text[found.end() :].strip().rstrip(TRAILING)
        if tail and (re.search(r"\d", tail) or month_pattern().search(unaccent(tail))):
            return tidy(text[: found.start()]), tail
    return tidy(text), ""


def split_support(text: str) -> tuple[str, str]:
    """The text without its supporters, and the supporters named after "with the support of" to its end."""
    found = pattern("support").search(unaccent(text))
    if not found:
        return text, ""
    return tidy(text[: found.start()]), text[found.end() :].strip().rstrip(TRAILING)


def tidy(text: str) -> str:
    """A text without the spaces and punctuation a cut left at its end."""
    return " ".join(text.split()).rstrip(TRAILING)


def points_table(points: Sequence[TextBlock]) -> Table:
    """The table of one list of points: a header row, then a row per point."""
    first = points[0]
    rows = [HEADER, *(point_cells(point.text) for point in points)]
    return paragraph_table(rows, first, f"action points from paragraph {first.order + 1}", NOTE)


def paragraph_table(rows: Sequence[Sequence[str]], first: TextBlock, locator: str, note: str) -> Table:
    """A table read from paragraphs: its rows (a header first), placed where its first paragraph stands."""
    cells = tuple(Cell(text=text, row=r, col=c) for r, row in enumerate(rows) for c, text in enumerate(row))
    return Table(
        cells=cells,
        n_rows=len(rows),
        n_cols=max(len(row) for row in rows),
        page=first.page,
        locator=locator,
        order=first.order,
        notes=(note,),
    )
