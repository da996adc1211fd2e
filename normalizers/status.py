"""How far: status tags and words to the contract's enum."""

from __future__ import annotations

import re

# Words and tags, most specific first; each maps to one status of the contract.
STATUS_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"\bcancel+ed\b|\bde-?prioriti[sz]ed\b", "cancelled"),
    (r"\bon hold\b|\bpostponed\b", "on_hold"),
    (r"\bcompleted?\b|\bdone\b|\bsubmitted\b|\bfinali[sz]ed\b", "completed"),
    (r"\bongoing\b|\bon-going\b|\bunder ?way\b|\bin progress\b|\bcontinuous\b", "ongoing"),
    (r"\bplanned\b|\bpending\b|\bnot (?:done|started) yet\b|\bto be\b", "planned"),
)


def text_to_statuses(text: str) -> list[str]:
    """Every status a text states, in the order stated."""
    found: list[tuple[int, str]] = []
    for pattern, status in STATUS_PATTERNS:
        for match in re.finditer(pattern, text, re.IGNORECASE):
            found.append((match.start(), status))
    return [status for _, status in sorted(found)]


def text_to_status(text: str) -> str | None:
    """The latest status a text states, or None."""
    statuses = text_to_statuses(text)
    return statuses[-1] if statuses else None
