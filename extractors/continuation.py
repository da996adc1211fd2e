"""Tables cut by a page break joined back into one, for every format that cuts them (PDF pages, a Word
table split in pieces): the repeated header rows dropped, a row cut by the break mended, a merged cell
that runs on over the break carried to the rows it covers there. Normalizers get whole tables.

Only format cues are read here (the same first rows repeated, empty merged cells, a sparse first row);
which parts belong together is the format's own question (page positions, grid widths), asked through
the `continues` test each extractor passes in.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from extractors.model import Cell, Table, TextBlock
from extractors.wrapping import join_lines, separate_names

# At most this many header rows are compared when a continued part repeats its table's header.
MAX_HEADER_ROWS = 3
# The repeated header may stand below this many title or note rows in the first part (the layout reader
# allows as many preamble rows above a header).
MAX_LEAD_ROWS = 10
# A first cell opening on a lowercase word carries on the text of the row above (a key, a number or a
# new sentence opens with a capital or a digit); "a)", "ii." and the like are keys, not words.
LOWERCASE_WORD = re.compile(r"^[^\W\d_]{2,}(?![\w.)])")
# A numbering code a narrow column wrapped after one of its dots ("2.1." over "1"), and the piece below it.
CUT_CODE_HEAD = re.compile(r"^\w{1,3}(?:\.\w{1,3})*\.$")
CODE_PIECE = re.compile(r"^\w{1,3}$")
# Text holding none of these says nothing (a blank line, a lone bullet or dot).
WORD_CHARACTER = re.compile(r"[^\W_]")
# A first row filling at most this share of the cells a row typically fills is the rest of a cut row.
CUT_ROW_SHARE = 0.5
# A cell ending on one of these ends its sentence: the row cut by a break may end there.
SENTENCE_ENDS = ".!?;:"
# A header repeated on a scanned page repeats the first part's when at least this share of its cells read the same.
MISREAD_SAME_SHARE = 0.75
# A repeated header cell may lose the end of its text to a page's line breaks ("Lead organisatio" under
# "Lead organisatio n"): it repeats the first part's cell when it is the start of it, this long at least.
REPEATED_PREFIX_SHARE = 0.6


def stitch_tables(
    entries: Sequence[Table | TextBlock],
    continues: Callable[[Table, Table], bool],
    mend_cut_rows: bool = True,
) -> list[Table | TextBlock]:
    """Entries in reading order, each table joined to the table just before it when it `continues` that
    table's last part; text of no letter or digit between two joined parts (empty paragraphs, the dots and
    bullets OCR reads from a scan's specks) goes with the break."""
    out: list[Table | TextBlock] = []
    blanks: list[Table | TextBlock] = []
    last_part: Table | None = None
    for entry in entries:
        if isinstance(entry, TextBlock) and not WORD_CHARACTER.search(entry.text):
            blanks.append(entry)
            continue
        previous = out[-1] if out else None
        if isinstance(entry, Table) and isinstance(previous, Table) and last_part and continues(last_part, entry):
            out[-1] = join_tables(previous, entry, mend_cut_rows)
        else:
            out += blanks + [entry]
        blanks = []
        last_part = entry if isinstance(entry, Table) else None
    return out + blanks


def join_tables(first: Table, second: Table, mend_cut_rows: bool = True) -> Table:
    """One table from two parts: the second's repeated header dropped, a row cut by the break joined back
    (where the format can cut rows), merged cells running over the break carried on."""
    skip = repeated_header_rows(first, second)
    head = list(first.cells)
    above = row_texts(first, first.n_rows - 1) if first.n_cols else []
    cut = second.n_rows > skip and is_cut_row(second, skip, above) and not under_band(first, second, skip)
    if mend_cut_rows and cut:
        head = mend_row(head, first.n_rows - 1, [c for c in second.cells if c.row == skip])
        skip += 1
    offset = first.n_rows - skip
    moved = [replace(cell, row=cell.row + offset) for cell in second.cells if cell.row >= skip]
    cells = carry_merged_cells(head, moved, first.n_rows)
    return replace(first, cells=tuple(cells), n_rows=first.n_rows + second.n_rows - skip)


def row_texts(table: Table, row: int) -> list[str]:
    """A row's texts, whitespace normalised."""
    return [" ".join(text.split()) for text in table.grid()[row]] if row < table.n_rows else []


def repeated_header_rows(first: Table, second: Table) -> int:
    """How many of the second part's first rows repeat a run of the first part's first rows (its header,
    under any title rows), when no cell of them reaches below them."""
    opening = row_texts(second, 0)
    if not any(opening):
        return 0
    misread = any(cell.ocr_confidence is not None for cell in second.cells)
    rows = range(min(MAX_LEAD_ROWS, first.n_rows))
    lead = next((r for r in rows if repeats(row_texts(first, r), opening, misread)), None)
    if lead is None:
        return 0
    count = 0
    limit = min(MAX_HEADER_ROWS, first.n_rows - lead, second.n_rows)
    while (
        count < limit
        and repeats(row_texts(first, lead + count), texts := row_texts(second, count), misread)
        and any(texts)
    ):
        count += 1
    while count and any(cell.row < count < cell.row + cell.row_span for cell in second.cells):
        count -= 1
    return count


def repeats(row: Sequence[str], again: Sequence[str], misread: bool = False) -> bool:
    """True when `again` repeats `row`: the same texts, or texts that lost their ends to line breaks (each
    cell the start of the other, spaces aside), one cell at least the same; or, read by OCR (`misread`), the
    same cells filled and most of them the same (a glyph or a speck misread in the others)."""
    if list(row) == list(again):
        return True
    if len(row) != len(again):
        return False
    pairs = [(squeezed(text), squeezed(other)) for text, other in zip(row, again, strict=True)]
    if all(starts_alike(*pair) for pair in pairs) and any(text and text == other for text, other in pairs):
        return True
    filled = [(text, other) for text, other in pairs if text or other]
    same = sum(1 for text, other in filled if text == other)
    return misread and all(text and other for text, other in filled) and same >= MISREAD_SAME_SHARE * len(filled)


def squeezed(text: str) -> str:
    """A cell text without its spaces, case folded (line breaks fall elsewhere on another page)."""
    return text.replace(" ", "").casefold()


def starts_alike(text: str, other: str) -> bool:
    """Two cell texts alike but for an end one of them lost: both empty, or the shorter starts the longer."""
    if not text or not other:
        return text == other
    short, long = sorted((text, other), key=len)
    return long.startswith(short) and len(short) >= REPEATED_PREFIX_SHARE * len(long)


def repeats_first_row(first: Table, second: Table) -> bool:
    """True when the second part opens with the first part's (non-empty) first row."""
    return repeated_header_rows(first, second) > 0


def is_cut_row(table: Table, row: int, above: Sequence[str] = ()) -> bool:
    """True when a part's first row carries on the row cut by the break (`above`: its texts in the first part):
    its first cell and most of its filled cells open on a lowercase word, or its first cell opens on one and the
    row is the sparse rest of a key that ran on (`key_runs_on`), or its first cell is the last piece of a
    numbering code the row above wrapped after a dot ("2.1." over "1") and its other cells open on lowercase
    words, or it has no key in the first column and a lowercase start or far fewer filled cells than the table's
    rows have."""
    texts = row_texts(table, row)
    filled = [text for text in texts if text]
    if not filled:
        return False
    key = above[0] if above else ""
    if texts[0]:
        lowercase = sum(1 for text in filled if text[:1].islower())
        if CUT_CODE_HEAD.match(key) and CODE_PIECE.match(texts[0]):
            others = [text for text in texts[1:] if text]
            return bool(others) and all(text[:1].islower() for text in others)
        if not opens_lowercase_word(texts[0]):
            return False
        return 2 * lowercase > len(filled) or key_runs_on(table, row, above)
    if table.n_rows == 1:  # a page holding one keyless row: the middle of a row too tall for one page
        return True
    counts = sorted(sum(1 for text in row_texts(table, r) if text) for r in range(table.n_rows))
    sparse = len(filled) <= CUT_ROW_SHARE * counts[len(counts) // 2]
    return sparse or any(text[:1].islower() for text in filled)


def under_band(first: Table, second: Table, row: int) -> bool:
    """True when the first part ends on a band (one cell across the whole table) and the second part's `row` has
    text outside the band's own column: the next row, not the band's rest (a sub-band opening the next page)."""
    last = [cell for cell in first.cells if cell.row <= first.n_rows - 1 < cell.row + cell.row_span]
    if len(last) != 1 or last[0].col_span < first.n_cols:
        return False
    return any(cell.text and cell.col != last[0].col for cell in second.cells if cell.row == row)


def key_runs_on(table: Table, row: int, above: Sequence[str]) -> bool:
    """True when a part's first row, its key opening on a lowercase word, is the rest of the row above the break
    (`above`) whatever its other cells open on (a name cut in the middle goes on with a capital: "Serviço
    Nacional de" / "Proteção Civil"): the key above ends no sentence, every key of the part's later rows opens
    on no lowercase letter, and the row fills at most CUT_ROW_SHARE of the cells the row above fills (the
    short cells of a cut row ended before the break; a row of its own is as full as the one above)."""
    key = above[0] if above else ""
    keys = [text for r in range(row + 1, table.n_rows) if (text := row_texts(table, r)[0])]
    if not key or key[-1] in SENTENCE_ENDS or not keys or any(text[:1].islower() for text in keys):
        return False
    filled = sum(1 for text in row_texts(table, row) if text)
    return filled <= CUT_ROW_SHARE * sum(1 for text in above if text)


def opens_lowercase_word(text: str) -> bool:
    """True when a text opens on a lowercase word (not a list key such as "a)" or "ii.")."""
    word = LOWERCASE_WORD.match(text)
    return word is not None and word.group().islower()


def mend_row(cells: list[Cell], last_row: int, tail: list[Cell]) -> list[Cell]:
    """The first part's cells with the cut row's remaining texts appended to its last row; a tail cell
    merged over rows below the cut row extends the cell it joins over them."""
    extra = {cell.col: cell for cell in tail if cell.text}
    mended = []
    for cell in cells:
        rest = extra.pop(cell.col, None) if cell.row <= last_row < cell.row + cell.row_span else None
        if rest is not None:
            reach = max(cell.row + cell.row_span, last_row + rest.row_span)
            cell = replace(cell, text=join_cut_texts(cell.text, rest.text), row_span=reach - cell.row)
        mended.append(cell)
    return mended + [replace(cell, row=last_row) for cell in extra.values()]


def join_cut_texts(head: str, rest: str) -> str:
    """A cell's text cut by the break and its rest as one: its last line and the rest's first carry on one
    wrapped line, unless they are two names of their own (an actor cell's "DNS" / "Unicef"), a line each; the
    pieces of a numbering code run together."""
    last, first = head.rsplit("\n", 1)[-1], rest.split("\n", 1)[0]
    if CUT_CODE_HEAD.match(head) and CODE_PIECE.match(rest):
        return head + rest  # a numbering code cut after a dot: "2.1." and "1" are "2.1.1"
    return f"{head}\n{rest}" if separate_names(last, first) else join_lines([head, rest])


def carry_merged_cells(head: list[Cell], moved: list[Cell], first_row: int) -> list[Cell]:
    """Cells of both parts, each merged cell of the first part's last row extended over the empty cell
    that continues it at the top of the second part (its text then covers the rows there)."""
    opening = {cell.col: cell for cell in moved if cell.row == first_row}
    carried: set[int] = set()
    out = []
    for cell in head:
        below = opening.get(cell.col)
        if below is not None and runs_on(cell, below, first_row):
            cell = replace(cell, row_span=below.row + below.row_span - cell.row)
            carried.add(id(below))
        out.append(cell)
    return out + [cell for cell in moved if id(cell) not in carried]


def runs_on(above: Cell, below: Cell, first_row: int) -> bool:
    """True when `below`, empty at the top of a continued part, is the rest of the merged cell `above`:
    same columns, `above` reaching the break, and one of them merged (or `below` marked as continued)."""
    if below.text or not above.text or (above.col, above.col_span) != (below.col, below.col_span):
        return False
    if above.row + above.row_span != first_row:
        return False
    return below.continued or above.row_span > 1 or below.row_span > 1
