"""Find a table's header rows and give each column a role from its header words, checked against its cells.

The header words of every role are data (`data/vocab/<lang>.toml`, table [roles]); the longest entry found
in a header names its role. The column's cells then confirm or overrule it: a column of short numbering
codes ("1", "1.2", "A.3") is an identifier, never an actor; a header naming no role gets one from its cells
where they are unambiguous (status words). Every column keeps the reason for its role.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from normalizers.periods import (
    month_origin,
    month_to_quarter,
    period_pattern,
    shift_month_number,
    single_initial_months,
)
from normalizers.sections import NUMBERING, unwrapped_code
from normalizers.status import text_to_status
from normalizers.text import clean_text
from normalizers.timeline import Period, header_to_period, is_mark, years_in_text
from normalizers.vocab import best_key, fold, section

ROLES_TABLE = "roles"
CONTEXT_ROLES = ("priority", "objective", "output", "indicator")
# The context levels that group activities, broadest first: a second column of one of them nests under the first.
NESTING_ROLES = CONTEXT_ROLES[:-1]
# Roles whose presence beside an activity column says "this is a workplan" (or a partner matrix).
WORKPLAN_SIGNALS = {
    *("lead", "partners", "donor", "period", "timeline", "start", "end", "status"),
    *(CONTEXT_ROLES + ("sector", "location", "beneficiaries")),
}
# How many distinct signal roles a workplan needs: "Activity | Lead" alone is a list, not a plan.
MIN_WORKPLAN_SIGNALS = 2
# An action-point list needs only its status column beside the action.
ACTION_LIST_SIGNALS = {"status"}
# How many rows a header may take; real workplans use one to three.
MAX_HEADER_ROWS = 3
# Longer cell text is body text: real header cells are a few words.
MAX_HEADER_CHARS = 80
# A header row names a role in at least this share of its non-empty cells.
HEADER_ROLE_SHARE = 0.5
# A numbering code: "1", "1.2", "1.1.1.", "A", "A.3", "II", "II.1", "2a", "1.1.a", "1)"; what an identifier
# column holds (normalizers.sections.NUMBERING), and a capital letter run into its number ("A3").
CODE = re.compile(rf"{NUMBERING.pattern}|^[A-Z]\d{{1,3}}(?:\.\d{{1,3}})*[.)]?$")
# Share of a column's cells that must be codes (or status words) for the content to decide its role.
CONTENT_SHARE = 0.8
# The fewest non-empty cells a column needs before its content can overrule or name its role.
MIN_CONTENT_CELLS = 2
# Share of a column's cells naming organisations for the content to name it an actor column (a few cells
# name local groups the registry does not know).
ORGANISATION_SHARE = 0.6
# Cells of a column looked up for organisation names: enough to tell, bounded for a sheet of thousands of rows.
MAX_NAME_SAMPLE = 50
# The actor roles a column of organisation names takes, in order, where the header gave the table none.
ACTOR_COLUMN_ROLES = ("lead", "partners")
# A column naming no role whose cells run to this many words on average reads as sentences: the activity
# column of a table whose header names every other column but not that one ("Commitment", "Milestone").
MIN_ACTIVITY_WORDS = 4
# A header of at most this many words may hold two words a PDF ran together at a line break (a header cell is a
# few words; a longer text is body text, not worth the splits).
MAX_JOINED_HEADER_WORDS = 3
# A word that may be two run together is this long at least, each part at least MIN_JOINED_PART letters:
# "orgao" + "responsavel", never "who" + "le" ("Whole") or the short words whose ends are role words.
MIN_JOINED_WORD = 8
MIN_JOINED_PART = 3
# Glyphs OCR reads from a speck or a blurred letter: bullets (the vocabulary's, dashes aside) and dots. A run of
# them standing alone between two words of a header stands where a word was lost ("resultados ● . atividades").
OCR_NOISE = "".join(bullet for bullet in section("marks").get("bullets", []) if bullet not in "-–—*") + ".…"
# What parts a header naming two actor roles: a sign, a list's "and" (the [periods] table's `list` words), or
# OCR noise where such a word stood.
JOINT_HEADER_SEPARATOR = re.compile(
    rf"\s*[/&+|;,()]\s*|\s+(?:{period_pattern('list')})\s+|(?:\s+[{re.escape(OCR_NOISE)}]+)+\s+", re.IGNORECASE
)
# Roles whose header words may stand before a period: such a column is that period's ("Due Q2": its cells say
# when in the quarter, a date or a mark).
TIMELINE_ROLES = ("timeline", "end", "budget")
# Roles a column of numbering codes overrules: an identifier is never an actor, a comment or nothing.
CODE_OVERRULES = {"other", "lead", "partners", "comments", "identifier"}


OrganisationTest = Callable[[str], bool]  # does a cell name organisations (the actor registry's answer)


@dataclass(frozen=True)
class Column:
    """One column of a table: its header text, its role, its period when it is one, and why."""

    index: int
    header: str
    role: str  # a [roles] key of the vocabulary, "period", or "other"
    period: Period | None = None
    reason: str = "header"  # header | no role word | content: <what the cells showed>
    # A lead column whose header names the partners too ("Lead / Partners"): an unlabelled cell's first line is
    # the lead, its next lines the partners (normalizers/role_labels.py).
    joint: bool = False


@lru_cache(maxsize=4096)
def role_of_header(text: str) -> str | None:
    """The role a header text names, or None."""
    if not fold(text):
        return None
    if header_to_period(text):
        return "period"
    # A narrow PDF cell wraps a long word without a hyphen ("DELIVERABL ES"): try each word run into the next.
    words = fold(text).split()
    mended = (" ".join([*words[:i], words[i] + words[i + 1], *words[i + 2 :]]) for i in range(len(words) - 1))
    found = best_key(ROLES_TABLE, text) or next(filter(None, (best_key(ROLES_TABLE, m) for m in mended)), None)
    return found or role_of_joined_words(words)


def role_of_joined_words(words: list[str]) -> str | None:
    """The role of a short header whose words a PDF ran together at a line break ("Órgãoresponsável",
    "Lead organisation" as "Leadorganisation"): each long word split in two where the halves name a role."""
    if len(words) > MAX_JOINED_HEADER_WORDS:
        return None
    for index, word in enumerate(words):
        cuts = range(MIN_JOINED_PART, len(word) - MIN_JOINED_PART + 1) if len(word) >= MIN_JOINED_WORD else ()
        for cut in (cut for cut in cuts if is_header_word(word[:cut]) or is_header_word(word[cut:])):
            role = best_key(ROLES_TABLE, " ".join([*words[:index], word[:cut], word[cut:], *words[index + 1 :]]))
            if role:
                return role
    return None


def is_header_word(word: str) -> bool:
    """True for a word of a [roles] entry of the vocabulary, or a word one of its stems ("partner*") starts."""
    whole, stems = header_words()
    return word in whole or any(word.startswith(stem) for stem in stems)


@lru_cache(maxsize=1)
def header_words() -> tuple[frozenset[str], tuple[str, ...]]:
    """The folded words of every [roles] entry, and the stems among them (without their "*")."""
    tokens = {token for words in section(ROLES_TABLE).values() for word in words for token in word.split()}
    folded = {fold(token) + ("*" if token.endswith("*") else "") for token in tokens}
    return frozenset(t for t in folded if not t.endswith("*")), tuple(sorted(t[:-1] for t in folded if t.endswith("*")))


def distinct_texts(row: Sequence[str]) -> list[str]:
    """The row's non-empty texts, a merged cell (copied under its span) counted once."""
    return list(dict.fromkeys(clean_text(text) for text in row if text.strip()))


def is_header_row(row: Sequence[str]) -> bool:
    """True when most non-empty cells of a row name a role or a period, and at least two do."""
    texts = distinct_texts(row)
    if not texts or any(len(text) > MAX_HEADER_CHARS or is_mark(text) for text in texts):
        return False  # a header cell is a few words and never a tick
    initials = single_initial_months([clean_text(text) for text in row])
    if initials:  # a run of months' initials ("J F M … D") names one thing: the months
        texts = [*distinct_texts([text for index, text in enumerate(row) if index not in initials]), "months"]
    named = sum(1 for text in texts if role_of_header(text)) + bool(initials)
    return named / len(texts) >= HEADER_ROLE_SHARE and named >= 2


def is_period_row(row: Sequence[str]) -> bool:
    """A header row of periods only (Q1 Q2 Q3 Q4 under "2020 Timeline")."""
    texts = distinct_texts(row)
    return bool(texts) and all(header_to_period(text) for text in texts)


def column_headers(header_rows: Sequence[Sequence[str]]) -> list[list[str]]:
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


def columns_from_headers(
    headers: list[list[str]], leaf_texts: list[list[str]], names_organisation: OrganisationTest | None = None
) -> list[Column]:
    """Columns with roles from their headers, checked against their cells; one leaf activity column. With
    `names_organisation`, columns naming no role whose cells name organisations are the lead and partners."""
    columns = [confirm_role(column_for_header(index, parts), leaf_texts[index]) for index, parts in enumerate(headers)]
    columns = initial_month_columns(columns, headers)
    columns = name_status_column(columns, leaf_texts)
    if names_organisation is not None:
        columns = name_actor_columns(columns, leaf_texts, names_organisation)
    columns = nested_context_columns(sector_as_priority(columns))
    columns = name_activity_column(columns, leaf_texts)
    activity = [c for c in columns if c.role == "activity"]
    if len(activity) > 1:
        leaf = max(activity, key=lambda c: (len({t for t in leaf_texts[c.index] if t}), c.index))
        columns = [c if c.role != "activity" or c is leaf else demote(c) for c in columns]
    return columns


def column_for_header(index: int, parts: list[str]) -> Column:
    """One column from its header lines: the lowest line decides the role ("2020 Timeline" over "Q1")."""
    header = " ".join(parts)
    period = header_period(parts)
    if period:
        return Column(index, header, "period", period)
    # A period in a line above the lowest, whose lowest line names no period: not a period column.
    role = next((r for r in map(role_of_header, reversed(parts)) if r and r != "period"), None)
    if role in TIMELINE_ROLES and (period := period_after_words(parts[-1])):
        return Column(index, header, "period", period, reason=f"header: a {role} word before a period")
    if role in ACTOR_COLUMN_ROLES and names_lead_and_partners(parts[-1]):
        return Column(index, header, "lead", reason="header: lead and partners", joint=True)
    if role in CONTEXT_ROLES and names_levels_down_to_activity(parts[-1]):
        return Column(index, header, "activity", reason="header: the levels and their activities in one column")
    return Column(index, header, role or "other", reason="header" if role else "no role word")


def names_levels_down_to_activity(header: str) -> bool:
    """A header whose pieces between separators name context levels and the activity ("Objective / output /
    activity", "Objetivo, resultado y actividad"): one column holding every level, its leaves the activities
    (the levels told apart by sections, numbering, indentation or type: normalizers/rows.py)."""
    roles = [role_of_header(piece) for piece in JOINT_HEADER_SEPARATOR.split(header) if piece.strip()]
    return len(roles) > 1 and "activity" in roles and all(role in (*CONTEXT_ROLES, "activity") for role in roles)


def period_after_words(header: str) -> Period | None:
    """The period that ends a header after other words ("Échéance T1", "Due Q3", "Deadline (H2)"), or None."""
    words = header.split()
    return next(filter(None, (header_to_period(" ".join(words[i:])) for i in range(1, len(words)))), None)


def initial_month_columns(columns: list[Column], headers: list[list[str]]) -> list[Column]:
    """The columns headed by one letter of a run of months' initials ("J F M … D" under "2029"): a month each,
    the year from their header lines."""
    months = single_initial_months([parts[-1] if parts else "" for parts in headers])
    return [
        replace(
            column,
            role="period",
            period=Period((month_to_quarter(month),), next(iter(years_in_text(column.header)), None), "month"),
            reason="header: a month's initial in a run of them",
        )
        if (month := months.get(column.index))
        else column
        for column in columns
    ]


def names_lead_and_partners(header: str) -> bool:
    """A header whose pieces between separators ("/", "&", "+", "|", ";", ",", brackets, a list's "and") name
    the lead and the partners: "Lead / Partners", "Responsable / partenaires", "Lead (support)"."""
    pieces = JOINT_HEADER_SEPARATOR.split(header)
    return len(pieces) > 1 and {"lead", "partners"} <= set(map(role_of_header, pieces))


def header_period(parts: list[str]) -> Period | None:
    """The period of a column's header lines: the lowest line's, a week under a month taken as the month, a
    numbered month ("M7") counted from the month a line above names ("M1 = April 2025", else January), the
    year from any line."""
    periods = [header_to_period(part) or header_to_period(unspaced(part)) for part in parts]
    period = periods[-1] if parts else None
    above = [p for p in periods[:-1] if p and p.kind == "month"]
    if period and period.kind in ("week", "half") and above:
        period = replace(above[-1], year=above[-1].year or period.year)
    origin = next(filter(None, map(month_origin, parts[:-1])), None)
    if period and origin:
        period = shift_month_number(period, origin)
    period = period or (header_to_period(" ".join(parts)) if parts else None)
    if period and not period.year:
        years = years_in_text(" ".join(parts))
        period = replace(period, year=years[0]) if years else period
    return period


def unspaced(text: str) -> str:
    """A header set in spaced-out letters by a PDF ("J a n") with its letters run together ("Jan")."""
    words = text.split()
    return "".join(words) if len(words) > 1 and all(len(word) == 1 for word in words) else text


def non_empty(texts: Sequence[str]) -> list[str]:
    """The cleaned non-empty texts of a column."""
    return [clean_text(text) for text in texts if text.strip()]


def share(texts: Sequence[str], test: Callable[[str], object]) -> float:
    """The share of texts that pass a test (0 for no texts)."""
    return sum(1 for text in texts if test(text)) / len(texts) if texts else 0.0


def confirm_role(column: Column, texts: Sequence[str]) -> Column:
    """A column of numbering codes is an identifier, whatever its header proposed."""
    cells = non_empty(texts)
    codes = is_code_column(cells)
    if codes and column.role in CODE_OVERRULES:
        reason = "header, content: numbering codes" if column.role == "identifier" else "content: numbering codes"
        return replace(column, role="identifier", reason=reason)
    return column


def is_code_column(cells: Sequence[str]) -> bool:
    """Mostly distinct numbering codes (a column of ticks or of "1" marks is no identifier)."""
    if len(cells) < MIN_CONTENT_CELLS or len(set(cells)) < CONTENT_SHARE * len(cells):
        return False
    return share([unwrapped_code(cell) for cell in cells], CODE.match) >= CONTENT_SHARE


def name_status_column(columns: list[Column], leaf_texts: list[list[str]]) -> list[Column]:
    """With no status column, a column naming no role whose cells are status words is the status."""
    if any(column.role == "status" for column in columns):
        return columns
    for column in columns:
        cells = non_empty(leaf_texts[column.index])
        if column.role == "other" and len(cells) >= MIN_CONTENT_CELLS and share(cells, text_to_status) >= CONTENT_SHARE:
            named = replace(column, role="status", reason="content: status words")
            return [named if c is column else c for c in columns]
    return columns


def name_actor_columns(
    columns: list[Column], leaf_texts: list[list[str]], names_organisation: OrganisationTest
) -> list[Column]:
    """Columns naming no role whose cells mostly name organisations: the lead, then the partners, where the
    header gave the table none."""
    missing = [role for role in ACTOR_COLUMN_ROLES if not any(column.role == role for column in columns)]
    dense = [
        column
        for column in (columns if missing else [])
        if column.role == "other"
        and len(cells := non_empty(leaf_texts[column.index])[:MAX_NAME_SAMPLE]) >= MIN_CONTENT_CELLS
        and share(cells, names_organisation) >= ORGANISATION_SHARE
    ]
    named = {
        column.index: replace(column, role=role, reason="content: organisation names")
        for column, role in zip(dense, missing, strict=False)
    }
    return [named.get(column.index, column) for column in columns]


def name_activity_column(columns: list[Column], leaf_texts: list[list[str]]) -> list[Column]:
    """With no activity column in a table whose other headers make a workplan, the column naming no role
    whose cells hold the longest sentences is its activity column."""
    roles = {column.role for column in columns}
    if "activity" in roles or len(roles & WORKPLAN_SIGNALS) < MIN_WORKPLAN_SIGNALS:
        return columns
    words = {
        column.index: sum(len(cell.split()) for cell in cells) / len(cells)
        for column in columns
        if column.role == "other" and len(cells := non_empty(leaf_texts[column.index])) >= MIN_CONTENT_CELLS
    }
    best = max(words, key=lambda index: words[index], default=None)
    if best is None or words[best] < MIN_ACTIVITY_WORDS:
        return columns
    named = replace(columns[best], role="activity", reason="content: sentences, and no activity column")
    return [named if column.index == best else column for column in columns]


def sector_as_priority(columns: list[Column]) -> list[Column]:
    """A partner matrix's sector or cluster column is the priority of its rows when nothing else is."""
    if any(column.role == "priority" for column in columns):
        return columns
    sector = next((column for column in columns if column.role == "sector"), None)
    if sector is None:
        return columns
    priority = replace(sector, role="priority", reason=f"{sector.reason}; sector column, no priority column")
    return [priority if column is sector else column for column in columns]


def nested_context_columns(columns: list[Column]) -> list[Column]:
    """A context column whose level a column to its left already holds is the level below it, when no column
    holds that one: "Objetivo | Resultado" (both outcome words) is an objective and its output, "Output |
    Result" an output and its indicator is not (an indicator names a measure, not a grouping of activities)."""
    held = {column.role for column in columns}
    seen: set[str] = set()
    nested: list[Column] = []
    for column in columns:
        role = column.role
        if role in NESTING_ROLES and role in seen:
            deeper = NESTING_ROLES[NESTING_ROLES.index(role) + 1 :]
            free = next((level for level in deeper if level not in held), None)
            if free is not None:
                held.add(free)
                column = replace(column, role=free, reason=f"{column.reason}; under a {role} column to its left")
        seen.add(column.role)
        nested.append(column)
    return nested


def content_agrees(column: Column, texts: Sequence[str]) -> bool | None:
    """Whether a column's cells look like its role (None when the role has no check or the column is empty)."""
    cells = non_empty(texts)
    if not cells:
        return None
    if column.role == "period":
        return all(is_mark(text) or len(text.split()) <= 3 for text in cells)
    if column.role == "activity":
        return share(cells, lambda text: not CODE.match(text)) >= CONTENT_SHARE
    if column.role in ("lead", "partners"):
        return share(cells, lambda text: not CODE.match(text) and len(text) <= MAX_HEADER_CHARS) >= CONTENT_SHARE
    return None


def demote(column: Column) -> Column:
    """An activity column that is not the leaf: its text goes to extra."""
    return replace(column, role="other", reason="activity column with fewer distinct texts than the leaf")


def is_workplan(columns: Sequence[Column]) -> bool:
    """An activity column and enough other workplan roles (or a status, for an action list)."""
    roles = {column.role for column in columns}
    signals = roles & WORKPLAN_SIGNALS
    return "activity" in roles and (len(signals) >= MIN_WORKPLAN_SIGNALS or signals == ACTION_LIST_SIGNALS)
