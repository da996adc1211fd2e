"""Where a text names a stretch of months: quarters, halves, months, dates, seasons and vague parts of a year.

The grammar behind `normalizers.timeline`: it finds each point in a text, in order, with the year written
next to it; joining points into ranges and lists, and turning them into quarters, is the timeline's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from normalizers.periods import (
    CENTURY,
    ENGLISH_MONTHS,
    MONTHS_PER_YEAR,
    ORDINALS,
    normalize_dashes,
    numeric_date_month,
)

# First and last month a vague part of a year stands for.
VAGUE_MONTHS: dict[str, tuple[int, int]] = {"mid": (6, 7), "early": (1, 3), "late": (10, 12)}
# Northern seasons, by the quarter holding most of their months; winter is its January and February.
SEASON_MONTHS: dict[str, tuple[int, int]] = {
    "spring": (4, 5), "summer": (7, 8), "fall": (10, 11), "autumn": (10, 11), "winter": (1, 2),
}  # fmt: skip
MONTH_ABBREVIATIONS = frozenset({"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"})
HALF_MONTHS = {1: (1, 6), 2: (7, 12)}
# Things that hold digits but are no dates: phone numbers, e-mails, links, numbered standards, named agendas.
PHONE_RE = re.compile(r"(?<![\w/])\+?\(?\d[\d\s().-]{6,}\d(?![\w/])")
NOT_DATE_RE = re.compile(
    r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?://\S+|www\.\S+|(?:\b(?:ISO|Standard|Decree|Law|Resolution|UNSCR|No\.|Number)|#)\s*\d+"
    r"|\b(?:Agenda|Vision)\s+20\d\d\b|\b20\d\d\s+Agenda\b",
    re.IGNORECASE,
)
PHONE_DIGITS = 8  # a local number has at least this many digits; a date or a count fewer
YEAR_GROUP_RE = re.compile(r"20\d\d")
DIGITS_RE = re.compile(r"\d+")
DATE_RUN_RE = re.compile(r"\d{1,2}\.\d{1,2}\.(?:20)?\d\d\b|20\d\d-\d{1,2}-\d{1,2}\b")
YEAR_RE = re.compile(r"(?<![\d.])(?:FY\s?)?(20\d\d)(?:\s*[-/]\s*(\d\d))?(?![\d%])", re.IGNORECASE)
SHORT_FY_RE = re.compile(r"\bFY\s?(\d\d)(?:\s*[-/]\s*(\d\d))?\b", re.IGNORECASE)

MAY_NOT_MONTH = r"(?!\s+(?:be|not|also|have|need|require|include|take|vary|help|use|lead|apply|change)\b)"
MONTH_ALT = "|".join(
    f"(?:{name.capitalize()}|{name.upper()})" + (MAY_NOT_MONTH if name == "may" else "")
    for name in sorted(ENGLISH_MONTHS, key=len, reverse=True)
)
ORDINAL_ALT = "first|second|third|fourth|last|1st|2nd|3rd|4th"
YEAR_SUFFIX = r"(?:,?\s*(?:of\s+(?:the\s+year\s+)?)?(?:FY\s?)?(?P<year>20\d\d)(?!\d)|(?:\s*['’]|-)(?P<yy>\d\d)\b)?"
POINT_RE = re.compile(
    r"(?:(?P<pre>20\d\d)\s+(?=Q\s?[1-4]|H[12]\b))?"
    r"(?:\bQ\s?(?P<q>[1-4])(?:\s*-\s*Q?\s?(?P<qend>[1-4]))?(?!\d|\.\d)"
    rf"|\b(?P<qord>{ORDINAL_ALT})\s+(?:quarter|qtr)(?:\s+of)?"
    r"|\b(?:quarters?|qtrs?\.?)\s*(?P<qnum>[1-4])(?:\s*(?:-|to)\s*(?P<qnumend>[1-4]))?\b"
    r"|\bH(?P<h>[12])\b"
    r"|\b(?P<hord>first|second|1st|2nd)\s+half(?:\s+of)?(?:\s+the\s+year)?"
    r"|\b(?P<vague>mid|middle\s+of|early|beginning\s+of|start\s+of|late|end\s+of)[\s-]*(?=(?:FY\s?)?20\d\d)"
    r"|\b(?P<season>spring|summer|fall|autumn|winter)(?:\s+season)?"
    r"|\b(?P<iso_year>20\d\d)-(?P<iso_month>0?[1-9]|1[0-2])-\d{1,2}\b"
    r"|\b(?P<day_first>\d{1,2})[/.](?P<day_second>\d{1,2})[/.](?P<date_year>20\d\d|\d\d)\b"
    r"|\b(?P<mm>0?[1-9]|1[0-2])/(?P<mm_year>20\d\d)\b"
    rf"|(?:\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*-\s*\d{{1,2}}(?:st|nd|rd|th)?)?\s+(?:of\s+)?)?"
    rf"\b(?-i:(?P<month>{MONTH_ALT}))\b\.?(?:\s+(?P<mday>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*[-:]\s*\d),?)?)"
    + YEAR_SUFFIX,
    re.IGNORECASE,
)
VAGUE_WORDS = {"middle of": "mid", "beginning of": "early", "start of": "early", "end of": "late"}
# "Q1 & 2", "Quarters 1 and 2", "Q1/2": bare quarter numbers after a quarter, joined by more than commas.
QUARTER_LIST_RE = re.compile(
    r"\b(?:Q\s?|quarters?\s*)[1-4](?P<tail>(?:\s*(?:,|&|and|/|\+)\s*[1-4]\b(?![.,]\d))+)", re.IGNORECASE
)
LIST_JOINER_RE = re.compile(r"&|\band\b|/|\+", re.IGNORECASE)
BARE_QUARTER_RE = re.compile(r"(?<![\w.])([1-4])\b")
NAME_NEXT_RE = re.compile(r"\s+[A-Z][a-z]")  # a capitalised word after "Mar" makes it a name
SEASON_CONTEXT_CHARS = 12  # "during the " and the like, before a season
SEASON_CONTEXT_RE = re.compile(r"\b(?:in|during|over|by|until|before|the|this|next)\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class Point:
    """A stretch of months named in a text, and where it stands in the text."""

    start: int
    end: int
    first: int  # first month, 1..12
    last: int  # last month, counted on past 12 when the stretch runs into the next year(s)
    year: int | None
    source: str = "text"
    maybe_name: bool = False  # "Mar Elias", "Jan Egeland": kept only inside a list or range of months


def years_in_text(text: str) -> list[int]:
    """The distinct years a text names, in order: "2021", "2020-2021", "2020-21", "FY22", "Q2 '21"."""
    text = mask_non_dates(normalize_dashes(text))
    found: list[tuple[int, int]] = []
    for match in YEAR_RE.finditer(text):
        found.append((match.start(), int(match[1])))
        if match[2] and int(match[2]) > int(match[1]) % 100:
            found.append((match.start(2), CENTURY + int(match[2])))
    for match in SHORT_FY_RE.finditer(text):
        found.extend((match.start(group), CENTURY + int(match[group])) for group in (1, 2) if match[group])
    found.extend((m.start("yy"), CENTURY + int(m["yy"])) for m in POINT_RE.finditer(text) if m["yy"])
    return list(dict.fromkeys(year for _, year in sorted(found)))


def mask_non_dates(text: str) -> str:
    """The text with phone numbers, e-mails, links and numbered standards blanked out."""
    text = NOT_DATE_RE.sub(lambda m: " " * len(m[0]), text)
    return PHONE_RE.sub(lambda m: m[0] if _is_date_like(m[0]) else " " * len(m[0]), text)


def _is_date_like(digits: str) -> bool:
    """True when a run of digits is short, only years ("2020-2021"), or starts with a date ("30.06.2021")."""
    groups = DIGITS_RE.findall(digits)
    short = sum(len(g) for g in groups) < PHONE_DIGITS
    return short or all(YEAR_GROUP_RE.fullmatch(g) for g in groups) or bool(DATE_RUN_RE.match(digits))


def expand_quarter_lists(text: str) -> str:
    """The text with short quarter lists written out: "Q1 & 2" as "Q1 & Q2"."""

    def expand(match: re.Match[str]) -> str:
        tail = match["tail"]
        if not LIST_JOINER_RE.search(tail):
            return match[0]
        return match[0][: match.start("tail") - match.start()] + BARE_QUARTER_RE.sub(r"Q\1", tail)

    return QUARTER_LIST_RE.sub(expand, text)


def find_points(text: str) -> list[Point]:
    """Every quarter, half, month, season and vague part of a year the text names, in order."""
    points = []
    for match in POINT_RE.finditer(text):
        point = _match_to_point(match)
        before = text[max(0, match.start() - SEASON_CONTEXT_CHARS) : match.start()]
        if point and (not match["season"] or point.year or SEASON_CONTEXT_RE.search(before)):
            points.append(point)
    return points


def _match_to_point(match: re.Match[str]) -> Point | None:
    """The months one POINT_RE match stands for, None for an impossible date."""
    year = _match_year(match)
    first, last, source, abbreviated = _match_months(match)
    if not 1 <= first <= MONTHS_PER_YEAR:
        return None
    if year and last > MONTHS_PER_YEAR and not match["pre"]:
        year -= 1  # "Q4-Q1 2021": the year after a range that crosses the new year is its end's
    maybe_name = abbreviated and bool(NAME_NEXT_RE.match(match.string, match.end()))
    return Point(match.start(), match.end(), first, last, year, source, maybe_name)


def _match_year(match: re.Match[str]) -> int | None:
    """The year written in or right next to a POINT_RE match."""
    four_digits = match["year"] or match["pre"] or match["iso_year"] or match["mm_year"]
    if four_digits:
        return int(four_digits)
    two_digits = match["yy"] or match["date_year"]
    return int(two_digits) % 100 + CENTURY if two_digits else None


def _numeric_month(match: re.Match[str]) -> int:
    """The month of a numeric date, 0 when it has none."""
    if match["iso_month"] or match["mm"]:
        return int(match["iso_month"] or match["mm"])
    return numeric_date_month(int(match["day_first"]), int(match["day_second"])) or 0


def _match_months(match: re.Match[str]) -> tuple[int, int, str, bool]:
    """(first month, last month, source, a bare month abbreviation) of a POINT_RE match."""
    if match["q"] or match["qord"] or match["qnum"]:
        first_q = int(match["q"] or match["qnum"] or ORDINALS[match["qord"].lower()])
        last_q = int(match["qend"] or match["qnumend"] or first_q)
        wrap = MONTHS_PER_YEAR if last_q < first_q else 0
        return (3 * first_q - 2, 3 * last_q + wrap, "text", False)
    if match["h"] or match["hord"]:
        half = int(match["h"] or ORDINALS[match["hord"].lower()])
        return (*HALF_MONTHS[half], "text", False)
    if match["vague"]:
        word = match["vague"].lower()
        return (*VAGUE_MONTHS[VAGUE_WORDS.get(" ".join(word.split()), word)], "inferred", False)
    if match["season"]:
        return (*SEASON_MONTHS[match["season"].lower()], "inferred", False)
    if not match["month"]:
        month = _numeric_month(match)
        return (month, month, "text", False)
    name = match["month"].lower()
    month = ENGLISH_MONTHS[name]
    bare = name in MONTH_ABBREVIATIONS and not (match["day"] or match["mday"] or match["year"] or match["yy"])
    return (month, month, "text", bare)
