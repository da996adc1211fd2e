"""Traffic-light statuses: a status cell that only names a colour ("Verde", "Amber", "Rouge") states what the
table's legend says that colour means ("Legenda: Verde = concluído; Amarelo = em curso; Cinzento = não iniciado").

The colour words are data (the [colours] table of data/vocab/<lang>.toml); the legend is a text of the table (a
row under or above it) or a paragraph of the document pairing at least two colours with a status each, as
"<colour> = <words>" or "<colour>: <words>". A colour's status is what its words state (normalizers/status.py),
None when they state none ("atrasado ou em risco"). Without a legend a colour means nothing certain: no status is
guessed, and the table is flagged.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache

from extractors.model import Issue, Table, TextBlock
from normalizers.layout import TableLayout
from normalizers.status import text_to_status
from normalizers.vocab import fold, phrase_pattern, section, unaccent

COLOURS_TABLE = "colours"
# A legend pairs at least this many colours with their meaning: one pair alone is a sentence.
MIN_LEGEND_PAIRS = 2
# A colour's meaning runs to the next separator of the legend.
MEANING = r"\s*[=:→–—-]\s*(?P<meaning>[^;|\n=]+?)\s*(?=[;|\n]|,\s*\S+\s*[=:]|$)"

UNREAD_LIGHTS_KIND = "status_colours_without_legend"

Legend = Mapping[str, str | None]  # colour key -> the status its legend gives it


@cache
def colour_words() -> dict[str, str]:
    """Each colour word, folded, with its colour's key."""
    return {fold(word): key for key, words in section(COLOURS_TABLE).items() for word in words}


@cache
def legend_pair() -> re.Pattern[str]:
    """A colour word and its meaning in a legend."""
    colours = phrase_pattern(word for words in section(COLOURS_TABLE).values() for word in words)
    return re.compile(rf"(?<!\w)(?P<colour>{colours})(?!\w){MEANING}", re.IGNORECASE)


def colour_of(text: str | None) -> str | None:
    """The colour a whole cell names ("Verde", "AMBER"), or None."""
    return colour_words().get(fold(text or "")) if text else None


def light_legend(texts: Iterable[str]) -> Legend:
    """The first legend among the texts: each colour it names with the status its words state ({} for none)."""
    for text in texts:
        pairs = [(match["colour"], match["meaning"]) for match in legend_pair().finditer(unaccent(text))]
        if len(pairs) >= MIN_LEGEND_PAIRS:
            return {colour_words()[fold(colour)]: text_to_status(meaning) for colour, meaning in pairs}
    return {}


def table_legend(
    grid: Sequence[Sequence[str]],
    blocks: Sequence[TextBlock],
    read: Callable[[Iterable[str]], Legend] = light_legend,
) -> Legend:
    """The legend of a table (of traffic lights, or what `read` finds: normalizers/symbols.py): one of its own
    texts, else a paragraph of the document."""
    return read(text for row in grid for text in row if text) or read(block.text for block in blocks)


def unread_lights(
    index: int, table: Table, grid: Sequence[Sequence[str]], layout: TableLayout, legend: Legend
) -> list[Issue]:
    """An issue for a status column of colours with no legend to tell what they mean (no status is guessed)."""
    column = layout.first_column("status")
    if legend or column is None:
        return []
    colours = sum(1 for row in grid[layout.body_start :] if colour_of(row[column.index]))
    if not colours:
        return []
    message = (
        f"table {index + 1}: {colours} status cell(s) name a colour and no legend says what it means; no status read"
    )
    return [Issue("recognise", UNREAD_LIGHTS_KIND, message, table.page)]
