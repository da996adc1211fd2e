"""When: quarter marks, month columns and timeline text to (year, quarter)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from normalizers.model import Quarter

MARKS = {"x", "✓", "✔", "●", "•", "■", "yes", "1", "√", "v"}
YEAR_RE = re.compile(r"\b(20[0-9]{2})\b")
QUARTER_RE = re.compile(r"\bQ\s*([1-4])\b", re.IGNORECASE)


@dataclass(frozen=True)
class Period:
    """What a timeline column header stands for: quarters, and a year when it says one."""

    quarters: tuple[int, ...]
    year: int | None = None


def header_to_period(header: str) -> Period | None:
    """The period a column header names ("Q1", "2021 Q3"), or None."""
    match = re.fullmatch(r"\s*(?:(20\d\d)\s*)?Q\s*([1-4])(?:\s*(20\d\d))?\s*", header, re.IGNORECASE)
    if not match:
        return None
    year = match.group(1) or match.group(3)
    return Period((int(match.group(2)),), int(year) if year else None)


def is_mark(text: str) -> bool:
    """True when a cell's text is a tick meaning 'this period'."""
    return text.strip().lower() in MARKS


def years_in_text(text: str) -> list[int]:
    """The distinct years a text names, in order."""
    return list(dict.fromkeys(int(y) for y in YEAR_RE.findall(text)))


def text_to_quarters(text: str, years: Sequence[int] = ()) -> list[Quarter]:
    """Quarters named in free text; the year from the text, else each of `years`, else None."""
    quarters = sorted({int(q) for q in QUARTER_RE.findall(text)})
    named = years_in_text(text) or list(years) or [None]
    return [Quarter(year, q, "text") for year in named for q in quarters]
