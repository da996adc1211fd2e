"""Text clean-up shared by every normalizer."""

from __future__ import annotations

import re
import unicodedata

HYPHEN_BREAK = re.compile(r"(\w)-\n(\w)")
WHITESPACE = re.compile(r"\s+")


def clean_text(text: str) -> str:
    """NFKC, line-end hyphenation mended, whitespace runs collapsed to one space."""
    text = unicodedata.normalize("NFKC", text or "")
    text = HYPHEN_BREAK.sub(r"\1\2", text)
    return WHITESPACE.sub(" ", text).strip()
