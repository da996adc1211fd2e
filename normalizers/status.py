"""How far: status tags and words to the contract's enum (completed, ongoing, planned, on_hold, cancelled).

What a cell states is read in three tiers, and only the surest tier present counts:
1. tags: "[COMPLETED]", "[ONGOING]", "[CONTINUOUS]", "[DE-PRIORITIZED]", one status per tag, all kept;
2. status words: "Done", "Under way", "Not done yet", "postponed", "Agenda item for 11 June" (scheduled) ...;
3. future phrasing alone: "To be shared in June", "Table to be distributed", "Coordinator will email".
So "Ordered and shipped. Coordinator will email on arrival" is completed, not planned. Negations read as
what they deny: "not (yet) done/started" is planned, "not fully completed" ongoing, "None received" and
"not cancelled" state nothing; "will not be done" is cancelled. "De-prioritized" is cancelled: the plan
drops the work. "Delayed", "postponed", "rescheduled" are on_hold. A whole cell that is a share ("60%"),
a tick, "Open" or "Closed" is read as such. Names, questions and counts ("UNRWA, others?", "2 News")
state nothing.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from normalizers.model import STATUSES
from normalizers.vocab import phrase_pattern, section, unaccent

STATUSES_TABLE = "statuses"


@cache
def words(*keys: str) -> str:
    """The [statuses] words of every language under some keys, as one regex alternation."""
    table = section(STATUSES_TABLE)
    return phrase_pattern(word for key in keys for word in table.get(key, []))


NEGATION = rf"(?:(?:{words('negation_fillers')})\s+)?(?:{words('negations')})\s+(?:(?:{words('negation_fillers')})\s+)*"
DONE_OR_STARTED = f"(?:{words('completed', 'ongoing')})"
COMPLETED = f"(?:{words('completed')})"
STOPPED = f"(?:{words('on_hold', 'cancelled')})"
# Alternatives by group name: a status, or what a phrase does to the status it names. At one position the
# first listed wins, so negations and future phrasing come before the plain words they contain.
PHRASES: dict[str, str] = {
    "tag": r"\[\s*(?P<tag_text>[A-Za-z][A-Za-z -]{1,28}?)\s*\]",
    "stated_none": rf"\b(?:{words('nothing')})\s+(?:\w+\s+)?(?:(?:{words('negation_fillers')})\s+)?{DONE_OR_STARTED}\b",
    "partly_done": rf"\b{NEGATION}(?:{words('fully')})\s+{COMPLETED}\b",
    "not_done": rf"\b{NEGATION}{DONE_OR_STARTED}\b(?:\s+(?:{words('negation_fillers')})\b)?",
    "not_stopped": rf"\b{NEGATION}{STOPPED}\b",
    "wont": rf"\b(?:{words('will_not')})\s+(?:be\s+)?\w+",
    "partly": rf"\b(?:{words('partly')})(?:\s+{COMPLETED})?\b",
    "future": rf"\b(?:{words('future')})|^\W*to\s+\w+",
    **{status: rf"\b(?:{words(status)})\b" for status in STATUSES},
}
PHRASE_RE = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in PHRASES.items()), re.IGNORECASE)
PERCENT_RE = re.compile(r"\s*(\d{1,3})\s*%\s*")
# A whole cell that is only a tick or "open" / "closed", as action-point trackers write them.
WHOLE_CELL_STATUS: dict[str, str] = {
    unaccent(word.lower()): status
    for key, status in (("whole_completed", "completed"), ("whole_planned", "planned"))
    for word in section(STATUSES_TABLE).get(key, [])
}
PERCENT_DONE = 100
READS_AS = {
    "not_done": "planned",
    "partly_done": "ongoing",
    "partly": "ongoing",
    "wont": "cancelled",
    "future": "planned",
}  # the rest state nothing
TAG_TIER, WORD_TIER, FUTURE_TIER = 0, 1, 2
# A cell of at most this many words may be one status word cut by a narrow PDF column ("Complete d").
MAX_CUT_WORDS = 3
CACHED_TEXTS = 4096  # status cells a document repeats ("Ongoing", "En cours") are read once


def text_to_statuses(text: str) -> list[str]:
    """Every status a text states, in the order stated (repeats in a row once, except tags)."""
    return list(_text_to_statuses(text))


@lru_cache(maxsize=CACHED_TEXTS)
def _text_to_statuses(text: str) -> tuple[str, ...]:
    """`text_to_statuses`, kept for the status cells a workplan repeats from row to row."""
    return tuple(_statuses_in(unaccent(text)))


def _statuses_in(text: str) -> list[str]:
    """Every status an unaccented text states, in the order stated."""
    if percent := PERCENT_RE.fullmatch(text):
        return [percent_to_status(int(percent[1]))]
    if whole := WHOLE_CELL_STATUS.get(text.strip(" .").lower()):
        return [whole]
    matches = list(PHRASE_RE.finditer(text)) or next(
        filter(None, (list(PHRASE_RE.finditer(m)) for m in _mended(text))), []
    )
    found = [stated for match in matches if (stated := _match_to_status(match))]
    if not found:
        return []
    surest = min(tier for tier, _ in found)
    statuses = [status for tier, status in found if tier == surest]
    if surest == TAG_TIER:
        return statuses
    return [status for i, status in enumerate(statuses) if i == 0 or statuses[i - 1] != status]


def _mended(text: str) -> list[str]:
    """A short cell with each word run into the next ("Complete d" as "Completed"), one join at a time: tried
    when the cell holds no status phrase at all."""
    parts = text.split()
    if not 1 < len(parts) <= MAX_CUT_WORDS:
        return []
    return [" ".join([*parts[:i], parts[i] + parts[i + 1], *parts[i + 2 :]]) for i in range(len(parts) - 1)]


def text_to_status(text: str) -> str | None:
    """The latest status a text states, or None."""
    statuses = text_to_statuses(text)
    return statuses[-1] if statuses else None


def percent_to_status(percent: int) -> str:
    """A share done as a status: 0% planned, 100% completed, anything between ongoing."""
    if percent <= 0:
        return "planned"
    return "completed" if percent >= PERCENT_DONE else "ongoing"


def _match_to_status(match: re.Match[str]) -> tuple[int, str] | None:
    """(tier, status) one PHRASE_RE match states, or None."""
    kind = match.lastgroup
    if kind == "tag":
        tag = PHRASE_RE.fullmatch(match["tag_text"])
        stated = _match_to_status(tag) if tag else None
        return (TAG_TIER, stated[1]) if stated else None
    if kind in STATUSES:
        return WORD_TIER, kind
    if kind in READS_AS:
        return (FUTURE_TIER if kind == "future" else WORD_TIER), READS_AS[kind]
    return None
