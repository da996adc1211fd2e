"""Statuses written as a symbol alone: a status cell holding only "✅", "🔄", "⏸️", "❌" or "🟢" states what the
table's legend says the symbol means, a row of the table or a key line under or over it pairing symbols with
status words ("✅ Done · 🔄 Under way · ⏸️ Paused", "Status: ✅ = completed; ❌ = dropped").

The meaning runs from the symbol to the next symbol or separator; it is read as any status text is
(normalizers/status.py), None when it states none. Without a legend, the [status_symbols] table of data/vocab gives
the common symbols their usual meaning; one it lists as `legend_only` (a coloured circle, a question mark) and an
unknown one state nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import cache

from normalizers.status import text_to_status
from normalizers.vocab import section

SYMBOLS_TABLE = "status_symbols"
LEGEND_ONLY = "legend_only"
# Variation selectors and the joiner that ride on an emoji ("⏸️" is U+23F8 U+FE0F): dropped before comparing.
RIDERS = dict.fromkeys(map(ord, "\ufe0f\ufe0e\u200d"))
# Unicode's category of pictographs and other symbols (emoji, ticks, crosses).
SYMBOL_CATEGORY = "So"
# A legend pairs at least this many symbols with a meaning: one pair alone is a status cell ("✅ Done").
MIN_LEGEND_PAIRS = 2
# What ends a symbol's meaning in a legend besides the next symbol, and what stands between a symbol and it.
SEPARATOR = re.compile(r"[·•;|\n]")
MEANING_EDGES = " \t=:–—-,."

SymbolLegend = Mapping[str, str | None]  # symbol -> the status its legend gives it


def status_symbol(text: str | None) -> str | None:
    """The symbol a whole cell is ("✅"; "⏸️" as "⏸"), or None for any other text."""
    cell = (text or "").translate(RIDERS).strip()
    return cell if len(cell) == 1 and is_symbol(cell) else None


def is_symbol(char: str) -> bool:
    """True for a pictograph or other symbol character."""
    return unicodedata.category(char) == SYMBOL_CATEGORY


@cache
def usual_meanings() -> dict[str, str | None]:
    """Each symbol of the vocabulary with the status it means without a legend (None for the legend-only ones)."""
    table = section(SYMBOLS_TABLE)
    return {symbol: None if key == LEGEND_ONLY else key for key, symbols in table.items() for symbol in symbols}


def legend_pairs(text: str) -> dict[str, str | None]:
    """Each symbol of a text followed by words, with the status those words state."""
    text = text.translate(RIDERS)
    starts = [index for index, char in enumerate(text) if is_symbol(char)]
    pairs: dict[str, str | None] = {}
    for start, end in zip(starts, [*starts[1:], len(text)], strict=False):
        meaning = SEPARATOR.split(text[start + 1 : end], maxsplit=1)[0].strip(MEANING_EDGES)
        if meaning:
            pairs[text[start]] = text_to_status(meaning)
    return pairs


def symbol_legend(texts: Iterable[str]) -> SymbolLegend:
    """The first legend among the texts: at least two symbols with their meaning, one of them a status."""
    for text in texts:
        pairs = legend_pairs(text)
        if len(pairs) >= MIN_LEGEND_PAIRS and any(pairs.values()):
            return pairs
    return {}


def symbol_status(symbol: str, legend: SymbolLegend) -> str | None:
    """The status a symbol states: its legend's meaning, else its usual one."""
    return legend[symbol] if symbol in legend else usual_meanings().get(symbol)
