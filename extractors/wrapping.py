"""Text wrapped over several lines (a cell, a paragraph) joined back into one string, end-of-line
hyphenation mended: for any format that hands over lines."""

from __future__ import annotations

import re
from collections.abc import Iterable

# A line ending in a hyphen after a letter is joined to the next without a space.
HYPHENATED = re.compile(r"[^\W\d_]-$")
# ... except after these prefixes, which form compounds whose hyphen stays (mid-term, co-lead).
COMPOUND_PREFIXES = frozenset(
    {
        "anti",
        "co",
        "cross",
        "e",
        "ex",
        "full",
        "inter",
        "intra",
        "long",
        "mid",
        "multi",
        "non",
        "part",
        "post",
        "pre",
        "pro",
        "quasi",
        "self",
        "semi",
        "short",
        "sub",
        "well",
        "cash",
        "sector",
    }
)


def join_lines(texts: Iterable[str]) -> str:
    """Lines of one cell or paragraph as one string; end-of-line hyphenation mended."""
    out = ""
    for text in texts:
        text = text.strip()
        if not text:
            continue
        if not out:
            out = text
        elif HYPHENATED.search(out) and text[:1].islower():
            out = out + text if is_compound_prefix(out) else out[:-1] + text
        else:
            out = f"{out} {text}"
    return out


def is_compound_prefix(text: str) -> bool:
    """True when the hyphen ending `text` belongs to a compound (mid-term, co-lead), not a word break."""
    last = text.rsplit(" ", 1)[-1].rstrip("-").lower()
    return last in COMPOUND_PREFIXES or "-" in last
