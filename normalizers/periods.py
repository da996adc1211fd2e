"""Calendar words and what a timeline column header stands for (a quarter, month, half year or week)."""

from __future__ import annotations

import re
from dataclasses import dataclass

PERIOD_KINDS = ("quarter", "half", "month", "month_range", "week")
MONTHS_PER_QUARTER = 3
MONTHS_PER_YEAR = 12
QUARTERS_PER_YEAR = 4
WEEKS_PER_QUARTER = 13  # ISO weeks 1-13 fall in Q1, 14-26 in Q2, ...; week 53 stays in Q4
MAX_WEEK = 53
CENTURY = 2000  # two-digit years ("Jan-21", "Q2 '21") are this century's

ENGLISH_MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
OTHER_MONTHS: dict[str, int] = {  # French and Spanish names and abbreviations, for headers
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "mars": 3, "avril": 4,
    "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8, "septembre": 9,
    "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12, "déc": 12,
    "enero": 1, "ene": 1, "febrero": 2, "marzo": 3, "abril": 4, "abr": 4, "mayo": 5, "junio": 6,
    "julio": 7, "agosto": 8, "ago": 8, "septiembre": 9, "setiembre": 9, "octubre": 10,
    "noviembre": 11, "diciembre": 12, "dic": 12,
}  # fmt: skip
HEADER_MONTHS = {**ENGLISH_MONTHS, **OTHER_MONTHS}
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    "premier": 1, "1er": 1, "deuxième": 2, "deuxieme": 2, "2e": 2, "2ème": 2, "troisième": 3,
    "troisieme": 3, "3e": 3, "3ème": 3, "quatrième": 4, "quatrieme": 4, "4e": 4, "4ème": 4,
    "primer": 1, "segundo": 2, "tercer": 3, "cuarto": 4,
}  # fmt: skip

DASHES_RE = re.compile(r"[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")
HEADER_MONTH_ALT = "|".join(re.escape(m) for m in sorted(HEADER_MONTHS, key=len, reverse=True))
ORDINAL_ALT = "|".join(re.escape(o) for o in sorted(ORDINALS, key=len, reverse=True))
HEADER_SEP = " ,/'’.:-_"
PARENTHESIS_RE = re.compile(r"\(([^)]*)\)")
HEADER_YEAR_RE = re.compile(r"(?<!\d)(?:fy\s*)?(20\d\d)(?!\d)")
HEADER_SHORT_YEAR_RE = re.compile(r"^(?P<core>.*?[a-z0-9.])[\s'’/.-]+(?P<yy>\d\d)$")
HEADER_FILLER_RE = re.compile(r"\b(?:timeline|time\s?frame|schedule|calendar|period|implementation)\b")
# A spreadsheet date as a header ("2021-01-01 00:00:00", "01/03/2021"): the column is that date's month.
HEADER_DATE_RE = re.compile(
    r"(?:(?P<iso_year>20\d\d)-(?P<iso_month>\d{1,2})-\d{1,2}"
    r"|(?P<first>\d{1,2})[/.](?P<second>\d{1,2})[/.](?P<year>20\d\d))(?:[ t]\d\d:\d\d(?::\d\d(?:\.\d+)?)?)?"
)
NUMERIC_MONTH_RE = re.compile(r"0?([1-9]|1[0-2])")
QUARTER_HEADER_RE = re.compile(
    rf"(?:q|qtr|quarter|t|trim|trimestre)\s*([1-4])(?:\s*-\s*(?:q|qtr)?\s*([1-4]))?"
    rf"|({ORDINAL_ALT})\s*(?:quarter|qtr|trimestre)"
)
HALF_HEADER_RE = re.compile(rf"(?:h|s|half|semester|semestre)\s*([12])|({ORDINAL_ALT})\s*(?:half|semester|semestre)")
WEEK_HEADER_RE = re.compile(r"(?:w|wk|week|semaine|semana)\s*(\d{1,2})")
MONTH_HEADER_RE = re.compile(rf"({HEADER_MONTH_ALT})(?:\s*(?:-|/|&|to|through|à|a)\s*({HEADER_MONTH_ALT}))?")


@dataclass(frozen=True)
class Period:
    """What a timeline column header stands for: quarters, and a year when it says one."""

    quarters: tuple[int, ...]
    year: int | None = None
    kind: str = "quarter"  # quarter | half | month | month_range | week

    def __post_init__(self) -> None:
        if self.kind not in PERIOD_KINDS:
            raise ValueError(f"unknown period kind {self.kind!r}")


def month_to_quarter(month: int) -> int:
    """The quarter a month (1..12) falls in."""
    return (month - 1) // MONTHS_PER_QUARTER + 1


def week_to_quarter(week: int) -> int:
    """The quarter an ISO week (1..53) mostly falls in."""
    return min(QUARTERS_PER_YEAR, (week - 1) // WEEKS_PER_QUARTER + 1)


def months_to_quarters(first: int, last: int) -> tuple[int, ...]:
    """The quarters from month `first` to month `last`, wrapping over the new year."""
    months = range(first, last + 1) if first <= last else [*range(first, MONTHS_PER_YEAR + 1), *range(1, last + 1)]
    return tuple(sorted({month_to_quarter(m) for m in months}))


def numeric_date_month(first: int, second: int) -> int | None:
    """The month of a "first/second/year" date: day first (UN style) unless it cannot be; None if neither."""
    if second <= MONTHS_PER_YEAR:
        return second
    return first if first <= MONTHS_PER_YEAR else None


def normalize_dashes(text: str) -> str:
    """Every dash and minus sign as '-', no-break spaces as spaces."""
    return DASHES_RE.sub("-", text).replace("\u00a0", " ")


def header_to_period(header: str) -> Period | None:
    """The period a column header names ("Q1", "2021 Q3", "Jan-21", "H2", "Week 14", "Jan-Mar"), or None.

    A header naming only a year ("2021", "2020 Timeline") is not a period: it heads period columns.
    """
    text = " ".join(normalize_dashes(header).lower().split())
    if date := HEADER_DATE_RE.fullmatch(text):
        return _date_to_period(date)
    for candidate in (PARENTHESIS_RE.sub(r" \1 ", text), PARENTHESIS_RE.sub(" ", text)):
        period = _header_with_year(candidate.strip(HEADER_SEP + " "))
        if period:
            return period
    return None


def _date_to_period(date: re.Match[str]) -> Period | None:
    """The month column a date header stands for."""
    if date["iso_year"]:
        month: int | None = int(date["iso_month"])
        year = int(date["iso_year"])
    else:
        month, year = numeric_date_month(int(date["first"]), int(date["second"])), int(date["year"])
    if month is None or not 1 <= month <= MONTHS_PER_YEAR:
        return None
    return Period((month_to_quarter(month),), year, "month")


def _header_with_year(text: str) -> Period | None:
    """A header's period, its year taken from a four-digit year, else a trailing two-digit one."""
    years = set(HEADER_YEAR_RE.findall(text))
    if len(years) > 1:
        return None
    if years:
        return _core_to_period(HEADER_YEAR_RE.sub(" ", text), int(years.pop()), numeric_month=True)
    period = _core_to_period(text, None)
    short = HEADER_SHORT_YEAR_RE.match(text)
    if period is None and short:
        period = _core_to_period(short["core"], CENTURY + int(short["yy"]))
        return period if period and period.kind != "week" else None
    return period


def _core_to_period(core: str, year: int | None, numeric_month: bool = False) -> Period | None:
    """The period a header names once its year is taken out."""
    core = " ".join(HEADER_FILLER_RE.sub(" ", core).split()).strip(HEADER_SEP)
    if numeric_month and (match := NUMERIC_MONTH_RE.fullmatch(core)):
        return Period((month_to_quarter(int(match[1])),), year, "month")
    if match := QUARTER_HEADER_RE.fullmatch(core):
        first = int(match[1]) if match[1] else ORDINALS[match[3]]
        last = int(match[2]) if match[2] else first
        return Period(tuple(range(first, last + 1)), year, "quarter") if first <= last else None
    if match := HALF_HEADER_RE.fullmatch(core):
        half = int(match[1]) if match[1] else ORDINALS[match[2]]
        return Period((1, 2) if half == 1 else (3, 4), year, "half") if half <= 2 else None
    if (match := WEEK_HEADER_RE.fullmatch(core)) and 1 <= int(match[1]) <= MAX_WEEK:
        return Period((week_to_quarter(int(match[1])),), year, "week")
    if match := MONTH_HEADER_RE.fullmatch(core):
        first = HEADER_MONTHS[match[1]]
        if match[2] is None:
            return Period((month_to_quarter(first),), year, "month")
        return Period(months_to_quarters(first, HEADER_MONTHS[match[2]]), year, "month_range")
    return None
