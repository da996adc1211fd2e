"""When: quarter marks, period columns and timeline text to (year, quarter).

Decisions a caller relies on:
- The words are data: the [periods] and [marks] tables of data/vocab/<lang>.toml, every language at once
  (a French cell in an English document is read); see normalizers.time_points for what the document's
  language changes. "TBD", "à déterminer", "por definir" name no quarter.
- A deadline ("by June 2021", "by end of Q2", "before March", "until Q3", "d'ici fin mars", "até final de
  Junho") covers its year from January up to its own quarter, source "inferred" ("by end of June": Q1, Q2;
  "by mid-2021": Q1, Q2, the middle of the year falling between June and July).
- "mid-2021" / "mid-year" is Q2 and Q3 (June-July straddles them); "early 2022" / "beginning of 2022" is Q1;
  "late 2021" / "end of 2021" / "year-end" is Q4; all "inferred".
- Seasons (northern): spring Q2, summer Q3, fall/autumn Q4, winter Q1 (its January and February);
  "inferred". A season needs a year or "in the"/"during" before it ("prices fall" is no season).
- Recurring work ("ongoing", "continuous", "throughout the year", "quarterly", "monthly", "every two
  months") is all four quarters, "inferred", unless the text names quarters or months outright
  ("Ongoing (Q1-Q2)" is Q1-Q2). Twice-yearly or annual work names no quarter.
- "Q2 onwards", "starting April", "Q1 2021 - ongoing": the named quarter, then the rest of that year inferred.
- Quarters, halves and months named outright ("Q2 2021", "H2", "Jan-Jun", "March 2021") are "text".
- A quarter without its own year takes the year next to it in a list or range ("Q3 & Q4 2022"), else each
  year the text names, else each of the caller's `years`, else None. A range over the new year runs on
  ("Nov-Feb" with 2021 is Q4 2021 and Q1 2022; "Q4-Q1 2021" is Q4 2020 and Q1 2021).
- Numeric dates are read day first ("05/10/2021" is October) unless that cannot be ("06/30/2021").
- Not dates: phone numbers, e-mails, links, "ISO 9001", "Standard 15", "Agenda 2030", a month abbreviation
  followed by a name ("Mar Elias"), "may" as a verb.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache

from normalizers.model import QUARTER_SOURCES, Quarter
from normalizers.periods import MONTHS_PER_YEAR, Period, header_to_period, month_to_quarter, normalize_dashes
from normalizers.periods import period_pattern as words
from normalizers.time_points import (
    VAGUE_DEADLINE_LAST,
    VAGUE_MONTHS,
    Point,
    expand_quarter_lists,
    find_points,
    mask_non_dates,
    years_in_text,
)
from normalizers.vocab import section, unaccent

__all__ = [
    "Period", "dates_to_quarters", "header_to_period", "is_mark", "marks_to_quarters", "text_to_quarters",
    "years_in_text",
]  # fmt: skip

MARKS = frozenset(unaccent(tick.lower()) for tick in section("marks").get("ticks", []))
CURRENCIES = sorted((unaccent(word.lower()) for word in section("marks").get("currencies", [])), key=len, reverse=True)
CURRENCY = "|".join(re.escape(word) for word in CURRENCIES)
# An amount or a share in a period cell: a number (thousands parted by spaces, commas, dots or apostrophes), a
# "k"/"m" after it, a currency before or after, or a percent sign: "12,500", "$ 4 000", "USD 3.2k", "25%", "0.35".
AMOUNT_RE = re.compile(
    rf"^(?:(?:{CURRENCY})\s*)?(?P<number>\d{{1,3}}(?:[ \u00a0\u202f,.'’]\d{{3}})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    rf"\s*(?:[km]\b)?\s*(?:%|(?:{CURRENCY}))?$",
    re.IGNORECASE,
)
FOOTNOTED_MARKS = frozenset(unaccent(tick.lower()) for tick in section("marks").get("footnoted", []))
MARK_NOTE_RE = re.compile(r"\([^)]*\)|\[[^\]]*\]")
# A footnote marker after a tick, its note under the table: one or two digits (superscript, or as NFKC leaves them)
# or a dagger, double dagger or section sign ("*" is stripped with the other marks).
FOOTNOTE_MARKER_RE = re.compile(r"(?:[0-9]{1,2}|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2}|[†‡§]+)$")
MARK_STRIP = " \t\r\n.,;:!()[]{}*\"'"
YEAR_MONTHS = (1, 12)
SOURCE_RANK = {source: rank for rank, source in enumerate(QUARTER_SOURCES)}  # mark surest, inferred least
CACHED_TEXTS = 4096  # timeline cells a document repeats ("Q1-Q4", "en continu") are read once
CONTEXT_CHARS = 40  # how far before a point to look for "by", "before", "between", ...

YEARLESS_VAGUE_RE = re.compile(
    rf"\b(?:{words('mid_year')})\b(?P<mid>)|\b(?:{words('year_end')})\b(?P<late>)"
    rf"|\b(?:{words('year_start')})\b(?P<early>)",
    re.IGNORECASE,
)
RECURRING_RE = re.compile(
    rf"\b(?:{words('all_year')})\b"
    rf"|(?:^\W*|\b(?:{words('ongoing_after')})\s+)(?:{words('ongoing')})\b"
    rf"|\b(?:{words('ongoing')})(?=\s*(?:$|[.;,:)\]!/-]|\b(?:{words('ongoing_before')})\b))",
    re.IGNORECASE,
)
UNDECIDED_RE = re.compile(rf"(?<!\w)(?:{words('undecided')})(?!\w)", re.IGNORECASE)
RANGE_GAP_RE = re.compile(rf"\s*(?:-+|(?:{words('range')}))\s*", re.IGNORECASE)
LIST_GAP_RE = re.compile(rf"[\s,&+/;]*(?:(?:{words('list')})[\s,&+/;]*)?", re.IGNORECASE)
AND_GAP_RE = re.compile(rf"\s*(?:{words('list')})\s*", re.IGNORECASE)
BETWEEN_RE = re.compile(rf"\b(?:{words('between')})\s+(?:the\s+)?$", re.IGNORECASE)
# "by end of", "d'ici fin", "até final de" right before a point: a deadline.
DEADLINE_RE = re.compile(rf"(?<!\w)(?:{words('deadline')})\s*(?:(?:{words('deadline_part')})[\s-]*)*$", re.IGNORECASE)
ONWARDS_RE = re.compile(rf"\s*(?:{words('onwards')})\b", re.IGNORECASE)
# A spreadsheet's serial day, as a date column exported without its format gives it (2000-01-01 .. 2099-12-31).
EXCEL_SERIAL_RE = re.compile(r"(3[6-9]\d{3}|[4-6]\d{4}|7[0-2]\d{3})(?:\.\d+)?")
CLOCK_TIME_RE = re.compile(r"[ T]\d\d:\d\d(?::\d\d(?:\.\d+)?)?$")  # "2025-03-01 00:00:00" from a date cell
EXCEL_EPOCH = date(1899, 12, 30)  # day 0 of spreadsheet serial dates (with Lotus' 1900 leap-year slip)
STARTING_RE = re.compile(rf"(?<!\w)(?:{words('starting')})\s*$", re.IGNORECASE)


def is_mark(text: str) -> bool:
    """True when a cell's text is a tick meaning 'this period' (X, ✓, ●, yes, oui, sí ...), even as "X (tbc)" or
    with a footnote marker ("X¹")."""
    candidates = (text, MARK_NOTE_RE.sub(" ", text))
    return any(unaccent(candidate.strip(MARK_STRIP).lower()) in MARKS for candidate in candidates) or any(
        is_footnoted_mark(candidate) for candidate in candidates
    )


def is_footnoted_mark(text: str) -> bool:
    """True for a tick followed by a footnote marker ("X¹", "x2", "✓†"): the tick is the mark, the note is elsewhere."""
    bare = text.strip(MARK_STRIP)
    tick = FOOTNOTE_MARKER_RE.sub("", bare)
    return tick != bare and unaccent(tick.strip(MARK_STRIP).lower()) in FOOTNOTED_MARKS


def is_amount(text: str) -> bool:
    """True for a period cell holding an amount or a share that is not zero ("12,500", "$ 4 000", "25%"): a
    budget per period, the activity running in each budgeted one."""
    match = AMOUNT_RE.match(unaccent(text.strip().lower()))
    return match is not None and any(digit in "123456789" for digit in match["number"])


def marks_to_quarters(headers: Sequence[str], cells: Sequence[str], years: Sequence[int] = ()) -> list[Quarter]:
    """The quarters a row's ticks stand for, read against its period column headers."""
    found: list[Quarter] = []
    for header, cell in zip(headers, cells, strict=False):
        period = header_to_period(header)
        if period and is_mark(cell):
            for year in _year_choices([period.year] if period.year else [], years):
                found.extend(Quarter(year, q, "mark") for q in period.quarters)
    return _distinct_sorted(found)


def without_undecided(text: str) -> str:
    """A timeline text without its "not decided yet" phrases ("TBD", "à définir", "por definir"): they say the
    timing is open, not how far the work is, so the status a timeline states is read from the rest."""
    return UNDECIDED_RE.sub(" ", unaccent(text)).strip()


def text_to_quarters(text: str, years: Sequence[int] = (), language: str | None = None) -> list[Quarter]:
    """Quarters named in free text of a document in `language` (None: not told); the year from the text,
    else each of `years`, else None."""
    return list(_text_to_quarters(text, tuple(years), language))


@lru_cache(maxsize=CACHED_TEXTS)
def _text_to_quarters(text: str, years: tuple[int, ...], language: str | None) -> tuple[Quarter, ...]:
    """`text_to_quarters`, kept for the texts a workplan repeats from row to row."""
    text = UNDECIDED_RE.sub(
        lambda m: " " * len(m[0]), unaccent(expand_quarter_lists(mask_non_dates(normalize_dashes(text))))
    )
    text_years = years_in_text(text)
    found: list[Quarter] = []
    points = _resolve_chains(text, find_points(text, language))
    for point in points:
        choices = _year_choices([point.year] if point.year else text_years, years)
        found.extend(q for year in choices for q in _point_quarters(point, year))
    named_outright = any(point.source == "text" for point in points)
    for first, last in _yearless_spans(text, stated=named_outright):
        for year in _year_choices(text_years, years):
            found.extend(_span_quarters(first, last, year, "inferred"))
    return tuple(_distinct_sorted(found))


def dates_to_quarters(start: str, end: str, years: Sequence[int] = (), language: str | None = None) -> list[Quarter]:
    """The quarters from a start date to an end date (either may be missing), in any common format or as
    spreadsheet serial days ("45717"); a span over the new year covers the quarters of both years."""
    dates = [excel_serial_to_iso(text.strip()) for text in (start, end) if text.strip()]
    return text_to_quarters(" – ".join(dates), years, language)


def excel_serial_to_iso(text: str) -> str:
    """A spreadsheet serial day ("45717", "45717.5") as an ISO date; any other text without a clock time."""
    if not (serial := EXCEL_SERIAL_RE.fullmatch(text)):
        return CLOCK_TIME_RE.sub("", text)
    return (EXCEL_EPOCH + timedelta(days=int(serial[1]))).isoformat()


def _year_choices(own: Sequence[int], years: Sequence[int]) -> list[int | None]:
    """The years a yearless statement may stand for: its own, else the caller's, else unknown."""
    return list(own or years) or [None]


def _resolve_chains(text: str, points: list[Point]) -> list[Point]:
    """Points joined by ranges ("Q1-Q3", "Jan to June") and lists ("Q3 & Q4 2022"), years shared out."""
    resolved: list[Point] = []
    for chain in _chains(text, points):
        chain = _share_years(chain)
        merged = _merge_ranges(text, chain)
        if len(merged) == 1 and len(chain) == 1:
            merged = [_as_deadline(text, merged[0])]
        kept = [p for p in merged if not (p.maybe_name and _names_only(text, chain))]
        resolved.extend(kept)
        if kept and _runs_on(text, kept[-1]):
            resolved.append(replace(kept[-1], first=kept[-1].last + 1, last=MONTHS_PER_YEAR, source="inferred"))
    return resolved


def _names_only(text: str, chain: list[Point]) -> bool:
    """True when a chain's maybe-names stand alone: one point, or only maybe-names side by side with nothing
    but spaces between two of them ("set out", not "ago–set")."""
    if len(chain) == 1:
        return True
    side_by_side = any(not text[a.end : b.start].strip() for a, b in zip(chain, chain[1:], strict=False))
    return side_by_side and all(point.maybe_name for point in chain)


def _runs_on(text: str, point: Point) -> bool:
    """True for "Q2 onwards", "starting April": work that runs on to the end of that year."""
    before = text[max(0, point.start - CONTEXT_CHARS) : point.start]
    return point.last < MONTHS_PER_YEAR and bool(ONWARDS_RE.match(text, point.end) or STARTING_RE.search(before))


def _chains(text: str, points: list[Point]) -> list[list[Point]]:
    """Runs of points with only list or range words between them."""
    chains: list[list[Point]] = []
    for point in points:
        if chains and _gap_kind(text[chains[-1][-1].end : point.start]):
            chains[-1].append(point)
        else:
            chains.append([point])
    return chains


def _gap_kind(gap: str) -> str | None:
    """'range' or 'list' for the words between two points, None when they are not joined."""
    if RANGE_GAP_RE.fullmatch(gap):
        return "range"
    return "list" if LIST_GAP_RE.fullmatch(gap) else None


def _share_years(chain: list[Point]) -> list[Point]:
    """Each yearless point of a chain takes the year of the next point that has one, else the last before."""
    donors_after: list[Point | None] = []
    donor: Point | None = None
    for point in reversed(chain):
        donors_after.append(donor)
        donor = point if point.year is not None else donor
    shared: list[Point] = []
    for point, after in zip(chain, reversed(donors_after), strict=True):
        before = shared[-1] if shared and shared[-1].year is not None else None
        shared.append(_year_from_neighbours(point, after, before))
    return shared


def _year_from_neighbours(point: Point, after: Point | None, before: Point | None) -> Point:
    """A yearless point dated by its chain's next dated point (a year before if it wraps), else the last."""
    if point.year is not None:
        return point
    if after is not None and after.year is not None:
        return replace(point, year=after.year - 1 if point.first > after.last else after.year)
    if before is not None and before.year is not None:
        return replace(point, year=before.year + 1 if point.last < before.first else before.year)
    return point


def _merge_ranges(text: str, chain: list[Point]) -> list[Point]:
    """The chain with each range ("Q4 2020 - Q1 2021", "between July and September") as one point."""
    merged = [chain[0]]
    for point in chain[1:]:
        gap = text[merged[-1].end : point.start]
        between = BETWEEN_RE.search(text[max(0, merged[-1].start - CONTEXT_CHARS) : merged[-1].start])
        if _gap_kind(gap) == "range" or (between and AND_GAP_RE.fullmatch(gap)):
            merged[-1] = _join(merged[-1], point)
        else:
            merged.append(point)
    return merged


def _join(start: Point, end: Point) -> Point:
    """One point from the start of one to the end of another; `last` counts on past December if needed."""
    years_on = (end.year - start.year) if start.year is not None and end.year is not None else 0
    last = end.last + MONTHS_PER_YEAR * years_on
    if last < start.first:
        last += MONTHS_PER_YEAR
    return replace(start, end=end.end, last=last, maybe_name=False)


def _as_deadline(text: str, point: Point) -> Point:
    """A point after "by", "before", "until"...: its year from January up to the point, inferred."""
    if not _after_deadline(text, point.start):
        return point
    return replace(point, first=1, last=point.deadline_last or point.last, source="inferred")


def _after_deadline(text: str, start: int) -> bool:
    """True when a deadline word ("by end of", "d'ici fin") stands right before `start`."""
    return bool(DEADLINE_RE.search(text[max(0, start - CONTEXT_CHARS) : start]))


def _point_quarters(point: Point, year: int | None) -> list[Quarter]:
    """The quarters a point covers, year by year when it runs past December."""
    quarters: list[Quarter] = []
    for offset in range((point.last - 1) // MONTHS_PER_YEAR + 1):
        first = point.first if offset == 0 else 1
        last = min(point.last - MONTHS_PER_YEAR * offset, MONTHS_PER_YEAR)
        quarters.extend(_span_quarters(first, last, year + offset if year else None, point.source))
    return quarters


def _span_quarters(first: int, last: int, year: int | None, source: str) -> list[Quarter]:
    """The quarters of months `first`..`last` of one year."""
    return [Quarter(year, q, source) for q in range(month_to_quarter(first), month_to_quarter(last) + 1)]


def _yearless_spans(text: str, stated: bool) -> Iterable[tuple[int, int]]:
    """Month spans of statements that name no year: "mid-year", "end of year" ("by end of year": the whole
    year), and recurring work; when the text names quarters or months outright (`stated`), recurring work
    and deadlines add nothing to them."""
    if not stated and RECURRING_RE.search(text):
        yield YEAR_MONTHS
    for match in YEARLESS_VAGUE_RE.finditer(text):
        name = next(name for name, value in match.groupdict().items() if value is not None)
        first, last = VAGUE_MONTHS[name]
        if not stated and _after_deadline(text, match.start()):
            first, last = 1, VAGUE_DEADLINE_LAST.get(name, last)
        yield first, last


def _distinct_sorted(quarters: Iterable[Quarter]) -> list[Quarter]:
    """One quarter per (year, quarter), the surest source kept, in time order (unknown years last)."""
    best: dict[tuple[int | None, int], Quarter] = {}
    for quarter in quarters:
        key = (quarter.year, quarter.quarter)
        if key not in best or SOURCE_RANK[quarter.source] < SOURCE_RANK[best[key].source]:
            best[key] = quarter
    return sorted(best.values(), key=lambda q: (q.year is None, q.year or 0, q.quarter))
