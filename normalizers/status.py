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

from normalizers.model import STATUSES

WORDS: dict[str, str] = {
    "completed": (
        r"completed|complete(?=\s*(?:$|[.;,:!)\]-]))|done|submitted|finali[sz]ed|achieved|accomplished"
        r"|delivered|shared|ordered|shipped|sent|distributed|established|endorsed|approved|published"
        r"|launched|conducted|held|closed|finished|received|signed|adopted|validated|produced|developed"
        r"|organi[sz]ed|formed|in\s+place|rolled\s+out|terminée?|réalisée?|achevée?|complétée?"
        r"|completad[oa]|finalizad[oa]|realizad[oa]|terminad[oa]"
    ),
    "ongoing": (
        r"on-?going|under\s?way|(?:work\s+)?in\s+progress|in\s+process|wip|continu(?:ous|ing|es|ed)"
        r"|started|initiated|begun|commenced|progressing|on\s+track|being\s+\w+|currently|drafted|drafting"
        r"|under\s+(?:review|development|discussion|preparation)|in\s+preparation"
        r"|(?:partially|partly)(?:\s+(?:completed|done|finali[sz]ed|achieved|delivered))?"
        r"|en\s+cours|en\s+curso"
    ),
    "planned": (
        r"planned|pending|scheduled|proposed|upcoming|forthcoming|awaiting|not\s+yet|yet\s+to\s+(?:be\s+)?\w+"
        r"|tbd|tbc|to\s+do|agenda\s+item|in\s+the\s+pipeline|under\s+consideration"
        r"|pr[ée]vue?|planifi[ée]e?|pendiente|previst[oa]|programad[oa]"
    ),
    "on_hold": (
        r"on\s+hold|postponed|deferred|delayed|rescheduled|suspended|paused|halted|frozen|stalled|en\s+attente"
        r"|suspendue?|report[ée]e?|aplazad[oa]|suspendid[oa]"
    ),
    "cancelled": (
        r"cancel+ed|cancel+ation|de-?prioriti[sz]ed|dropped|discontinued|abandoned|withdrawn|not\s+pursued"
        r"|no\s+longer\s+(?:needed|required|relevant|planned|applicable)|annul[ée]e?|cancelad[oa]"
    ),
}
NEGATION = r"(?:not|never|no|(?:has|have|had|is|are|was|were|did|does)n['’]?t)\s+(?:(?:yet|been|being)\s+)*"
DONE_OR_STARTED = f"(?:{WORDS['completed']}|{WORDS['ongoing']})"
COMPLETED = f"(?:{WORDS['completed']})"
STOPPED = f"(?:{WORDS['on_hold']}|{WORDS['cancelled']})"
# Alternatives by group name: a status, or what a phrase does to the status it names. At one position the
# first listed wins, so negations and future phrasing come before the plain words they contain.
PHRASES: dict[str, str] = {
    "tag": r"\[\s*(?P<tag_text>[A-Za-z][A-Za-z -]{1,28}?)\s*\]",
    "stated_none": rf"\b(?:none|nothing)\s+(?:\w+\s+)?(?:yet\s+)?{DONE_OR_STARTED}\b",
    "partly_done": rf"\b{NEGATION}(?:fully|entirely|quite|completely)\s+{COMPLETED}\b",
    "not_done": rf"\b{NEGATION}{DONE_OR_STARTED}\b(?:\s+yet\b)?",
    "not_stopped": rf"\bnot\s+(?:been\s+)?{STOPPED}\b",
    "wont": r"\b(?:(?:will|shall|would)\s+not|won['’]t)\s+(?:be\s+)?\w+",
    "future": (
        r"\b(?:yet\s+)?to\s+be\s+\w+|\b(?:will|shall)\s+(?:be\s+)?\w+|^\W*to\s+\w+"
        r"|\b(?:expected|plans?|planning)\s+to\s+\w+|\bnext\s+(?:week|month|meeting|quarter|year)\b"
    ),
    **{status: rf"\b(?:{pattern})\b" for status, pattern in WORDS.items()},
}
PHRASE_RE = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in PHRASES.items()), re.IGNORECASE)
PERCENT_RE = re.compile(r"\s*(\d{1,3})\s*%\s*")
# A whole cell that is only a tick or "open" / "closed", as action-point trackers write them.
WHOLE_CELL_STATUS: dict[str, str] = {
    "✓": "completed", "✔": "completed", "√": "completed", "✅": "completed", "☑": "completed",
    "closed": "completed", "open": "planned",
}  # fmt: skip
PERCENT_DONE = 100
READS_AS = {
    "not_done": "planned",
    "partly_done": "ongoing",
    "wont": "cancelled",
    "future": "planned",
}  # the rest state nothing
TAG_TIER, WORD_TIER, FUTURE_TIER = 0, 1, 2


def text_to_statuses(text: str) -> list[str]:
    """Every status a text states, in the order stated (repeats in a row once, except tags)."""
    if percent := PERCENT_RE.fullmatch(text):
        return [percent_to_status(int(percent[1]))]
    if whole := WHOLE_CELL_STATUS.get(text.strip(" .").lower()):
        return [whole]
    found = [stated for match in PHRASE_RE.finditer(text) if (stated := _match_to_status(match))]
    if not found:
        return []
    surest = min(tier for tier, _ in found)
    statuses = [status for tier, status in found if tier == surest]
    if surest == TAG_TIER:
        return statuses
    return [status for i, status in enumerate(statuses) if i == 0 or statuses[i - 1] != status]


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
