"""A key that spells out a table's abbreviations: header cells ("Resp.", "Est.", "Ptnrs") and status codes ("EC",
"NS") that a text under or above the table pairs with their meaning ("Key: Resp. = responsible organisation;
St. = status (C = completed, O = ongoing, NS = not started)", "Legenda: Parc. = parceiros; Est.: estado").

The key is one of the table's own texts (a row under or above it) or the document paragraph nearest the table
that pairs at least two abbreviations with their meaning, as "<abbr> = <words>" or "<abbr>: <words>", the pairs
parted by ";", ",", brackets or line breaks. A header cell naming no role is read through its meaning where the
meaning names one ("Resp. (responsible organisation)"); a status cell that is a code of the key states what its
meaning states. An abbreviation no key spells out keeps its own reading (the vocabulary's, or none).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from extractors.model import TextBlock
from normalizers.headers import role_of_header
from normalizers.status import text_to_status, text_to_statuses
from normalizers.text import clean_text
from normalizers.vocab import fold

# A key pairs at least this many abbreviations with their meaning: one pair alone is a sentence.
MIN_KEY_PAIRS = 2
# An abbreviation: a letter, then at most seven letters, digits, dots or signs ("N.º", "Resp.", "T1/27", "EC");
# its meaning runs to the next separator of the key.
KEY_PAIR = re.compile(
    r"(?<![\w.])(?P<abbr>[^\W\d_][^\s=:;,()]{0,7})\s*[=:]\s*(?P<meaning>[^;,()=:\n]+?)\s*(?=[;,()\n]|\.?\s*$)"
)

Key = Mapping[str, str]  # folded abbreviation -> its meaning as the key writes it


def read_key(texts: Iterable[str]) -> Key:
    """The first key among the texts: each abbreviation it spells out with its meaning ({} for none)."""
    for text in texts:
        pairs = [(fold(match["abbr"]), clean_text(match["meaning"])) for match in KEY_PAIR.finditer(text)]
        pairs = [(abbr, meaning) for abbr, meaning in pairs if abbr and meaning]
        if len(pairs) >= MIN_KEY_PAIRS:
            return dict(reversed(pairs))  # an abbreviation spelt out twice: its first meaning
    return {}


def table_key(grid: Sequence[Sequence[str]], blocks: Sequence[TextBlock], order: int) -> Key:
    """The key of a table: one of its own texts, else the document's paragraph nearest the table."""
    nearest = sorted(blocks, key=lambda block: (abs(block.order - order), block.order < order))
    return read_key(text for row in grid for text in row if text) or read_key(block.text for block in nearest)


def spelt_out(text: str, key: Key) -> str:
    """A header cell naming no role with the meaning the key gives it, where that meaning names a role
    ("Resp." as "Resp. (responsible organisation)"); any other text as it is."""
    meaning = key.get(fold(text)) if text.strip() else None
    if meaning is None or role_of_header(text) or not role_of_header(meaning):
        return text
    return f"{clean_text(text)} ({meaning})"


def spelt_rows(rows: Sequence[Sequence[str]], key: Key) -> list[list[str]]:
    """Rows with every header cell the key spells out read through its meaning (the rows as they are without
    a key)."""
    return [[spelt_out(text, key) for text in row] if key else list(row) for row in rows]


def status_codes(key: Key) -> dict[str, str | None]:
    """The key's abbreviations whose meaning states a status ("EC = em curso"), with that status (None for one
    stated without a certain reading)."""
    return {abbr: text_to_status(meaning) for abbr, meaning in key.items() if text_to_statuses(meaning)}
