"""Text clean-up shared by every normalizer."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from extractors.wrapping import is_compound_break, is_month_range

# A hyphen ending a line inside a word: the word's line-end hyphenation (mended), unless it ranges two months.
HYPHEN_BREAK = re.compile(r"(\w+)-\n(\w+(?:-\w+)*)")
WHITESPACE = re.compile(r"\s+")
LINE_BREAKS = re.compile(r"[\n\r\v\f\u2028\u2029\x1c-\x1e\x85]+")
# Texts whose cleaning is remembered: the normalizers clean each cell a dozen times (workplan_long.pdf: 48,000
# calls for 3,900 texts); a worker reading one document after another keeps at most this many.
CLEANED_TEXTS = 16384


@lru_cache(maxsize=CLEANED_TEXTS)
def clean_text(text: str) -> str:
    """NFKC, line-end hyphenation mended, whitespace runs collapsed to one space."""
    text = unicodedata.normalize("NFKC", text or "")
    text = mend_hyphens(text)
    return WHITESPACE.sub(" ", text).strip()


def clean_lines(text: str) -> str:
    """The text cleaned as clean_text, but with its line breaks kept (one per run of breaks): the breaks
    between the names of an actor cell ("DPS Nord-Kivu\nALIMA") separate two organisations."""
    lines = (clean_text(line) for line in LINE_BREAKS.split(mend_hyphens(text or "")))
    return "\n".join(line for line in lines if line)


def mend_hyphens(text: str) -> str:
    """Line-end hyphenation mended ("distri-\nbution"); a month range's hyphen kept ("avril-\nseptembre"), and a
    compound's broken at its hyphen ("site-\nlevel")."""
    return HYPHEN_BREAK.sub(lambda m: f"{m[1]}-{m[2]}" if keeps(m[1], m[2]) else m[1] + m[2], text)


def keeps(head: str, tail: str) -> bool:
    """True when the hyphen between two words broken over lines stays: a month range's or a compound's."""
    return is_month_range(head, tail) or is_compound_break(head, tail)
