"""Find a table's header rows and give each column a role from its header and content."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from normalizers.text import clean_text, header_key
from normalizers.timeline import Period, header_to_period, years_in_text

# Header words for each role, tried in this order: the first role whose pattern matches wins.
# Activity words come before priority so that "Priority activities" is an activity column.
ROLE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (role, re.compile(pattern))
    for role, pattern in (
        ("lead", r"\blead|responsib|focal point|\bowner|\bwho\b|accountab|convener|\bin charge"),
        ("partners", r"partner|support(ing)? (agenc|org)|contributor|collaborat|implementing"),
        ("timeline", r"timeline|time ?frame|deadline|\bwhen\b|\bdue\b|\bdates?\b|schedule|\bperiod\b"),
        ("status", r"\bstatus\b|progress|achieve|\bupdate"),
        ("comments", r"comment|remark|\bnotes?\b|observation"),
        ("indicator", r"indicator|means of verif"),
        ("activity", r"activit|deliverable|\baction|\btasks?\b|intervention|\bsteps?\b|\bwhat\b"),
        ("output", r"\boutputs?\b|\bresults?\b"),
        ("objective", r"objective|outcome|\baims?\b|\bgoals?\b"),
        ("priority", r"priorit|pillar|thematic|area|workstream|strateg|theme|\bsection\b|\btopic"),
    )
)
CONTEXT_ROLES = ("priority", "objective", "output", "indicator")
# Roles whose presence beside an activity column says "this is a workplan".
WORKPLAN_SIGNALS = {"lead", "partners", "period", "timeline", "status", *CONTEXT_ROLES}
# How many distinct signal roles a workplan needs: "Activity | Lead" alone is a list, not a plan.
MIN_WORKPLAN_SIGNALS = 2
# An action-point list needs only its status column beside the action.
ACTION_LIST_SIGNALS = {"status"}
# How many top rows may be header rows; real workplans use one to three.
MAX_HEADER_ROWS = 3
# Longer cell text is body text: real header cells are a few words.
MAX_HEADER_CHARS = 80
# A header row names a role in at least this share of its non-empty cells.
HEADER_ROLE_SHARE = 0.5


@dataclass(frozen=True)
class Column:
    """One column of a table: its header text, its role, and its period when it is one."""

    index: int
    header: str
    role: str  # a ROLE_PATTERNS role, "period", or "other"
    period: Period | None = None


def role_of_header(text: str) -> str | None:
    """The role a header text names, or None."""
    key = header_key(text)
    if not key:
        return None
    if header_to_period(text):
        return "period"
    # A narrow PDF cell wraps a long word without a hyphen ("DELIVERABL ES"): try its words run together too.
    for candidate in dict.fromkeys((key, key.replace(" ", ""))):
        for role, pattern in ROLE_PATTERNS:
            if pattern.search(candidate):
                return role
    return None


def is_header_row(row: list[str]) -> bool:
    """True when most non-empty cells of a row name a role or a period."""
    texts = list(dict.fromkeys(text for text in row if text.strip()))  # a merged cell counts once
    if not texts or any(len(clean_text(text)) > MAX_HEADER_CHARS for text in texts):
        return False
    named = sum(1 for text in texts if role_of_header(text))
    return named / len(texts) >= HEADER_ROLE_SHARE and named >= 2


def count_header_rows(grid: list[list[str]]) -> int:
    """How many top rows form the header (0 when the table has none)."""
    start = leading_title_rows(grid)
    count = 0
    for row in grid[start : start + MAX_HEADER_ROWS]:
        if is_header_row(row) or (count and is_period_row(row)):
            count += 1
        elif count:
            break
        else:
            return 0
    return start + count if count else 0


def leading_title_rows(grid: list[list[str]]) -> int:
    """Rows holding one text only (a title over the header) before a header row."""
    for index, row in enumerate(grid[:2]):
        if len({text for text in row if text.strip()}) != 1:
            return index
        if index + 1 < len(grid) and is_header_row(grid[index + 1]):
            return index + 1
    return 0


def is_period_row(row: list[str]) -> bool:
    """A header row of periods only (Q1 Q2 Q3 Q4 under "2020 Timeline")."""
    texts = [text for text in row if text.strip()]
    return bool(texts) and all(header_to_period(text) for text in texts)


def column_headers(header_rows: list[list[str]]) -> list[list[str]]:
    """Each column's header lines, top to bottom (spanning texts already copied under their span)."""
    headers = []
    for col in range(len(header_rows[0]) if header_rows else 0):
        parts: list[str] = []
        for row in header_rows:
            text = clean_text(row[col])
            if text and text not in parts:
                parts.append(text)
        headers.append(parts)
    return headers


def columns_from_headers(headers: list[list[str]], leaf_texts: list[list[str]]) -> list[Column]:
    """Columns with roles; of several activity columns the one with most distinct texts is the leaf."""
    columns = [column_for_header(index, parts) for index, parts in enumerate(headers)]
    activity = [c for c in columns if c.role == "activity"]
    if len(activity) > 1:
        leaf = max(activity, key=lambda c: (len({t for t in leaf_texts[c.index] if t}), c.index))
        columns = [c if c.role != "activity" or c is leaf else demote(c) for c in columns]
    return columns


def column_for_header(index: int, parts: list[str]) -> Column:
    """One column from its header lines: the lowest line decides the role ("2020 Timeline" over "Q1")."""
    header = " ".join(parts)
    period = (header_to_period(parts[-1]) or header_to_period(header)) if parts else None
    if period and not period.year:
        years = years_in_text(header)
        period = replace(period, year=years[0]) if years else period
    if period:
        return Column(index, header, "period", period)
    # A period in a line above the lowest, whose lowest line names no period: not a period column.
    role = next((r for r in map(role_of_header, reversed(parts)) if r and r != "period"), None)
    return Column(index, header, role or "other")


def demote(column: Column) -> Column:
    """An activity column that is not the leaf: its text goes to extra."""
    return Column(column.index, column.header, "other")


def is_workplan(columns: list[Column]) -> bool:
    """An activity column and enough other workplan roles (or a status, for an action list)."""
    roles = {column.role for column in columns}
    signals = roles & WORKPLAN_SIGNALS
    return "activity" in roles and (len(signals) >= MIN_WORKPLAN_SIGNALS or signals == ACTION_LIST_SIGNALS)
