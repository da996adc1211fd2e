"""Calendar words and what a timeline column header stands for (a quarter, month, half year or week).

The words are data: the [periods] table of data/vocab/<lang>.toml (months and their abbreviations, ordinals,
the letters and words of quarters, halves, weeks and numbered months). A column header is read with the
words of every language: "T1", "Set", "S3" under "Out" and "M7" under "Month (M1 = January 2025)" are periods
in any document, and so are a quarter's months' initials in any language ("JFM", Spanish "EFM").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from normalizers.vocab import LANGUAGES, phrase_pattern, section, unaccent

PERIOD_KINDS = ("quarter", "half", "month", "month_range", "week")
MONTHS_PER_QUARTER = 3
MONTHS_PER_YEAR = 12
# Single-letter headers read as months only in a run this long (half a year): "J", "M", "A" alone are ambiguous.
MIN_INITIAL_RUN = 6
QUARTERS_PER_YEAR = 4
WEEKS_PER_QUARTER = 13  # ISO weeks 1-13 fall in Q1, 14-26 in Q2, ...; week 53 stays in Q4
MAX_WEEK = 53
CENTURY = 2000  # two-digit years ("Jan-21", "Q2 '21") are this century's
PERIODS_TABLE = "periods"
MONTH_KEYS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
ORDINAL_KEYS = ("first", "second", "third", "fourth")


@cache
def period_words(key: str, languages: tuple[str, ...] = LANGUAGES) -> tuple[str, ...]:
    """The [periods] words under one key over the languages, lower-cased and without accents."""
    return tuple(dict.fromkeys(unaccent(word.lower()) for word in section(PERIODS_TABLE, languages).get(key, [])))


@cache
def period_pattern(*keys: str, languages: tuple[str, ...] = LANGUAGES) -> str:
    """The [periods] words under some keys as one regex alternation (see vocab.phrase_pattern)."""
    return phrase_pattern(word for key in keys for word in period_words(key, languages))


@cache
def numbered_words(keys: tuple[str, ...], languages: tuple[str, ...] = LANGUAGES) -> dict[str, int]:
    """Each word under the keys with its key's number (1 for the first key): a month, an ordinal."""
    return {word: number for number, key in enumerate(keys, 1) for word in period_words(key, languages)}


@cache
def month_initials(languages: tuple[str, ...] = LANGUAGES) -> dict[str, tuple[int, ...]]:
    """Runs of months written as their names' initials, each with its quarters: in each language, the initials of
    its months' names (the first word under each month key) three by three are its quarters ("JFM", Spanish
    "EFM" for enero-febrero-marzo) and six by six its halves ("JASOND")."""
    runs: dict[str, tuple[int, ...]] = {}
    for language in languages:
        initials = "".join(period_words(key, (language,))[0][0] for key in MONTH_KEYS)
        for size in (MONTHS_PER_QUARTER, 2 * MONTHS_PER_QUARTER):
            for first in range(0, MONTHS_PER_YEAR, size):
                run = initials[first : first + size]
                runs.setdefault(run, months_to_quarters(first + 1, first + size))
    return runs


@cache
def calendar_initials(languages: tuple[str, ...] = LANGUAGES) -> frozenset[str]:
    """Each language's months' initials in calendar order ("jfmamjjasond", Spanish "efmamjjasond")."""
    return frozenset("".join(period_words(key, (language,))[0][0] for key in MONTH_KEYS) for language in languages)


def single_initial_months(cells: Sequence[str]) -> dict[int, int]:
    """The month (1..12) of each cell of a header row that is one letter of a run spelling months' initials in
    calendar order ("J F M A M J J A S O N D", Spanish "E F M …", a year from July "J A S O N D J F M A M J"): a
    lone letter is no month ("J": January, June or July), a run of MIN_INITIAL_RUN or more is, where it fits one
    place of the calendar only."""
    months: dict[int, int] = {}
    run: list[int] = []
    letters = [unaccent(cell.strip(" .").lower()) for cell in cells]
    for index, letter in enumerate([*letters, ""]):
        if len(letter) == 1 and letter.isalpha():
            run.append(index)
            continue
        months.update(initial_run_months(run, "".join(letters[i] for i in run)))
        run = []
    return months


def initial_run_months(columns: Sequence[int], letters: str) -> dict[int, int]:
    """The months of a run of single initials (`letters`, in `columns`) where it starts at one month only."""
    if len(letters) < MIN_INITIAL_RUN:
        return {}
    laps = len(letters) // MONTHS_PER_YEAR + 2
    starts = {
        first
        for initials in calendar_initials()
        for first in range(MONTHS_PER_YEAR)
        if (initials * laps)[first : first + len(letters)] == letters
    }
    if len(starts) != 1:
        return {}
    first = starts.pop()
    return {column: (first + offset) % MONTHS_PER_YEAR + 1 for offset, column in enumerate(columns)}


def month_words(languages: tuple[str, ...] = LANGUAGES) -> dict[str, int]:
    """Month names and abbreviations, each with its month (1..12)."""
    return numbered_words(MONTH_KEYS, languages)


def ordinal_words(languages: tuple[str, ...] = LANGUAGES) -> dict[str, int]:
    """Ordinal words of quarters and halves, each with its number (1..4)."""
    return numbered_words(ORDINAL_KEYS, languages)


DASHES_RE = re.compile(r"[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")
HEADER_MONTHS = month_words()
ORDINALS = ordinal_words()
MONTH_ALT = period_pattern(*MONTH_KEYS)
ORDINAL_ALT = period_pattern(*ORDINAL_KEYS)
QUARTER_ALT = period_pattern("quarter_letter", "quarter")
HALF_ALT = period_pattern("half_letter", "half")
HEADER_SEP = " ,/'’.:-_"
# A header broken inside a word is mended only when short: a period header is a few words.
MAX_MENDED_WORDS = 4
PARENTHESIS_RE = re.compile(r"\(([^)]*)\)")
HEADER_YEAR_RE = re.compile(r"(?<!\d)(?:fy\s*)?(20\d\d)(?!\d)")
HEADER_SHORT_YEAR_RE = re.compile(r"^(?P<core>.*?[a-z0-9.])[\s'’/.-]+(?P<yy>\d\d)$")
HEADER_FILLER_RE = re.compile(r"\b(?:timeline|time\s?frame|schedule|calendar|period|implementation)\b")
# A spreadsheet date as a header ("2021-01-01 00:00:00", "01/03/2021"): the column is that date's month.
HEADER_DATE_RE = re.compile(
    r"(?:(?P<iso_year>20\d\d)-(?P<iso_month>\d{1,2})-\d{1,2}"
    r"|(?P<first>\d{1,2})[/.](?P<second>\d{1,2})[/.](?P<year>20\d\d))(?:[ t]\d\d:\d\d(?::\d\d(?:\.\d+)?)?)?"
)
# A span of days as a header ("01/01-31/03", "1.4.-30.6.2026", "1 jan - 31 mar"): the months from the first to the last.
DAY = r"\d{1,2}"
DAY_RANGE_RE = re.compile(
    rf"(?P<d1>{DAY})[/.](?P<m1>{DAY})[/.]?(?:(?P<y1>20\d\d))?\s*(?:-|{period_pattern('range')})\s*"
    rf"(?P<d2>{DAY})[/.](?P<m2>{DAY})[/.]?(?:(?P<y2>20\d\d))?"
    rf"|(?P<d3>{DAY})\s*(?P<n1>{MONTH_ALT})\.?\s*(?:-|{period_pattern('range')})\s*(?P<d4>{DAY})\s*(?P<n2>{MONTH_ALT})\.?"
    r"(?:\s*(?P<y3>20\d\d))?"
)
NUMERIC_MONTH_RE = re.compile(r"0?([1-9]|1[0-2])")
# "Q3", "T2-T3", "3rd quarter"; the number run into the letter before it ("3Q", "2T 2026"); an ordinal after the
# word ("Trimestre III", "Semestre I": a space or a dot between, so that no word opening in "ti" reads as one).
QUARTER_HEADER_RE = re.compile(
    rf"(?:{QUARTER_ALT})\.?\s*([1-4])(?:\s*-\s*(?:{QUARTER_ALT})?\.?\s*([1-4]))?|({ORDINAL_ALT})\s*(?:{QUARTER_ALT})"
    rf"|([1-4])(?:{period_pattern('quarter_letter')})|(?:{QUARTER_ALT})(?:\.\s*|\s+)({ORDINAL_ALT})"
)
HALF_HEADER_RE = re.compile(
    rf"(?:{HALF_ALT})\.?\s*([12])|({ORDINAL_ALT})\s*(?:{HALF_ALT})"
    rf"|([12])(?:{period_pattern('half_letter')})|(?:{HALF_ALT})(?:\.\s*|\s+)({ORDINAL_ALT})"
)
WEEK_HEADER_RE = re.compile(rf"(?:{period_pattern('week')})\s*(\d{{1,2}})")
# "M7", "Month 7", "Mois 7": the seventh month counted from M1, January unless a header line says otherwise.
MONTH_NUMBER_RE = re.compile(rf"(?:{period_pattern('month')})\s*(\d{{1,2}})")
MONTH_ORIGIN_RE = re.compile(rf"(?:{period_pattern('month')})\s*0?1\s*[=:]\s*({MONTH_ALT})\b\.?(?:\s*(20\d\d))?")
# Month initials run together or spaced, dotted or hyphenated ("JFM", "J-F-M", "J.F.M."): see `month_initials`.
INITIALS_RE = re.compile(r"[a-z](?:[\s./-]?[a-z])+\.?")
INITIALS_SEP_RE = re.compile(r"[\s./-]")
MONTH_HEADER_RE = re.compile(
    rf"({MONTH_ALT})\.?(?:\s*(?:-|/|&|{period_pattern('range')})\s*({MONTH_ALT})\.?)?", re.IGNORECASE
)


@dataclass(frozen=True)
class Period:
    """What a timeline column header stands for: quarters, and a year when it says one."""

    quarters: tuple[int, ...]
    year: int | None = None
    kind: str = "quarter"  # quarter | half | month | month_range | week
    number: int | None = field(default=None, compare=False)  # n of a numbered month header ("M7")

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
    """The period a column header names ("Q1", "2021 Q3", "Jan-21", "H2", "Week 14", "Jan-Mar", "T2", "M7"),
    or None.

    A header naming only a year ("2021", "2020 Timeline") is not a period: it heads period columns.
    """
    text = unaccent(" ".join(normalize_dashes(header).lower().split()))
    words = text.split()
    # A narrow PDF cell breaks a word inside ("Tri m. 1"): each word of a short header run into the next is tried.
    joins = range(len(words) - 1) if len(words) <= MAX_MENDED_WORDS else range(0)
    mended = [" ".join([*words[:i], words[i] + words[i + 1], *words[i + 2 :]]) for i in joins]
    return next(filter(None, map(_plain_header_period, [text, *mended])), None)


def _plain_header_period(text: str) -> Period | None:
    """The period of a header's lower-cased, unaccented text, or None."""
    if date := HEADER_DATE_RE.fullmatch(text):
        return _date_to_period(date)
    if days := DAY_RANGE_RE.fullmatch(text):
        return _day_range_to_period(days)
    for candidate in (PARENTHESIS_RE.sub(r" \1 ", text), PARENTHESIS_RE.sub(" ", text)):
        period = _header_with_year(candidate.strip(HEADER_SEP + " "))
        if period:
            return period
    return None


def month_origin(text: str) -> tuple[int, int | None] | None:
    """The month (and year) a header line says numbered months start from ("M1 = April 2025"), or None."""
    found = MONTH_ORIGIN_RE.search(unaccent(" ".join(normalize_dashes(text).lower().split())))
    if found is None:
        return None
    return HEADER_MONTHS[found[1]], int(found[2]) if found[2] else None


def shift_month_number(period: Period, origin: tuple[int, int | None]) -> Period:
    """A numbered month column ("M7") counted from the origin month and year a header line names."""
    if period.number is None:
        return period
    first, year = origin
    months_on = first - 1 + period.number - 1
    month = months_on % MONTHS_PER_YEAR + 1
    shifted_year = year + months_on // MONTHS_PER_YEAR if year else period.year
    return Period((month_to_quarter(month),), shifted_year, "month", period.number)


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


def _day_range_to_period(days: re.Match[str]) -> Period | None:
    """The months a span of days covers ("01/04-30/06": April to June), in its year when it names one."""
    if days["n1"]:
        first, last = HEADER_MONTHS[days["n1"]], HEADER_MONTHS[days["n2"]]
    else:
        first_month = numeric_date_month(int(days["d1"]), int(days["m1"]))
        last_month = numeric_date_month(int(days["d2"]), int(days["m2"]))
        if first_month is None or last_month is None:
            return None
        first, last = first_month, last_month
    years = {int(year) for year in (days["y1"], days["y2"], days["y3"]) if year}
    if len(years) > 1:
        return None
    year = years.pop() if years else None
    return Period(months_to_quarters(first, last), year, "month" if first == last else "month_range")


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
        return period if period and period.kind != "week" and period.number is None else None
    return period


def header_half(match: re.Match[str]) -> int:
    """The half-year a match of HALF_HEADER_RE names (1 or 2; more for an ordinal beyond them)."""
    number = match[1] or match[3]
    return int(number) if number else ORDINALS[match[2] or match[4]]


def _core_to_period(core: str, year: int | None, numeric_month: bool = False) -> Period | None:
    """The period a header names once its year is taken out."""
    core = " ".join(HEADER_FILLER_RE.sub(" ", core).split()).strip(HEADER_SEP)
    if numeric_month and (match := NUMERIC_MONTH_RE.fullmatch(core)):
        return Period((month_to_quarter(int(match[1])),), year, "month")
    if match := QUARTER_HEADER_RE.fullmatch(core):
        number = match[1] or match[4]
        first = int(number) if number else ORDINALS[match[3] or match[5]]
        last = int(match[2]) if match[2] else first
        return Period(tuple(range(first, last + 1)), year, "quarter") if first <= last else None
    if (match := HALF_HEADER_RE.fullmatch(core)) and (half := header_half(match)) <= 2:
        return Period((1, 2) if half == 1 else (3, 4), year, "half")
    if (match := WEEK_HEADER_RE.fullmatch(core)) and 1 <= int(match[1]) <= MAX_WEEK:
        return Period((week_to_quarter(int(match[1])),), year, "week")
    if (match := MONTH_NUMBER_RE.fullmatch(core)) and 1 <= int(match[1]) <= MONTHS_PER_YEAR:
        return Period((month_to_quarter(int(match[1])),), year, "month", int(match[1]))
    return _initials_period(core, year) or _month_period(core, year)


def _initials_period(core: str, year: int | None) -> Period | None:
    """A quarter or half written as its months' initials ("JFM", Spanish "EFM", "JASOND") as a period."""
    if not INITIALS_RE.fullmatch(core):
        return None
    quarters = month_initials().get(INITIALS_SEP_RE.sub("", core))
    if quarters is None:
        return None
    return Period(quarters, year, "quarter" if len(quarters) == 1 else "half")


def _month_period(core: str, year: int | None) -> Period | None:
    """A month ("Jan", "janv.", "Set") or a range of months ("Jan-Mar", "abril a junho") as a period."""
    match = MONTH_HEADER_RE.fullmatch(core)
    if match is None:
        return None
    first = HEADER_MONTHS[match[1]]
    if match[2] is None:
        return Period((month_to_quarter(first),), year, "month")
    return Period(months_to_quarters(first, HEADER_MONTHS[match[2]]), year, "month_range")
