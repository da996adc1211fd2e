"""Where a text names a stretch of months: quarters, halves, months, dates, seasons and vague parts of a year.

The grammar behind `normalizers.timeline`: it finds each point in a text, in order, with the year written
next to it; joining points into ranges and lists, and turning them into quarters, is the timeline's job.
The words are those of the [periods] tables of every language (data/vocab/<lang>.toml), read in unaccented
text; the document's language decides two things only: English month words are months in running text only
when capitalised ("March", not "march") unless the document's own language writes them too, and the
ambiguous month words of another language ("set", "out", "ago") count only beside another month or a date.
When the language is not told, the English words another language writes too ("oct", "nov", "mar"; not the
modal "may") are read in lower case as well, as that language would, but then as ambiguous words: only beside
another month or a date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from normalizers.periods import (
    CENTURY,
    MONTHS_PER_YEAR,
    ORDINAL_KEYS,
    month_words,
    normalize_dashes,
    numeric_date_month,
    ordinal_words,
    period_pattern,
    period_words,
)
from normalizers.vocab import LANGUAGES, unaccent

# First and last month a vague part of a year stands for; the keys are [periods] keys.
VAGUE_MONTHS: dict[str, tuple[int, int]] = {"mid": (6, 7), "early": (1, 3), "late": (10, 12)}
# The last month of a deadline at a vague part of a year, where it is not that part's last: the middle of a year
# falls between June and July, so "by mid-2027" runs up to June.
VAGUE_DEADLINE_LAST: dict[str, int] = {"mid": 6}
# Northern seasons, by the quarter holding most of their months; winter is its January and February.
SEASON_MONTHS: dict[str, tuple[int, int]] = {"spring": (4, 5), "summer": (7, 8), "autumn": (10, 11), "winter": (1, 2)}
HALF_MONTHS = {1: (1, 6), 2: (7, 12)}
ENGLISH = "en"
OTHER_LANGUAGES = tuple(language for language in LANGUAGES if language != ENGLISH)
# The English modal "may" is no month before these words ("May be delayed", "partners may need"); written in
# lower case, it stays the modal even where another language writes the month so ("may or may not").
ENGLISH_MODAL = "may"
MAY_VERB_NEXT = ("be", "not", "also", "have", "need", "require", "include", "take", "vary", "help", "use", "lead")
MAY_NOT_MONTH = rf"(?!\s+(?:{'|'.join(MAY_VERB_NEXT)})\b)"
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
DATE_RUN_RE = re.compile(r"\d{1,2}([.-])\d{1,2}\1(?:20)?\d\d\b|20\d\d-\d{1,2}-\d{1,2}\b")
YEAR_RE = re.compile(r"(?<![\d.])(?:FY\s?)?(20\d\d)(?:\s*[-/]\s*(\d\d))?(?![\d%])", re.IGNORECASE)
SHORT_YEAR_HINT_RE = re.compile(r"['’-]\s*\d\d\b")  # "Q2 '21", "Jan-21": only then look for a two-digit year
SHORT_FY_RE = re.compile(r"\bFY\s?(\d\d)(?:\s*[-/]\s*(\d\d))?\b", re.IGNORECASE)
DAY_SUFFIX = r"(?:st|nd|rd|th|er|o)"
# "Q1 & 2", "Quarters 1 and 2", "Q1/2": bare quarter numbers after a quarter, joined by more than commas.
QUARTER_LIST_RE = re.compile(
    rf"\b(?:(?:{period_pattern('quarter_letter')})\s?|(?:{period_pattern('quarter')})\s*)[1-4]"
    rf"(?P<tail>(?:\s*(?:,|&|/|\+|{period_pattern('list')})\s*[1-4]\b(?![.,]\d))+)",
    re.IGNORECASE,
)
LIST_JOINER_RE = re.compile(rf"&|/|\+|\b(?:{period_pattern('list')})\b", re.IGNORECASE)
BARE_QUARTER_RE = re.compile(r"(?<![\w.])([1-4])\b")
NAME_NEXT_RE = re.compile(r"\s+[A-Z][a-z]")  # a capitalised word after "Mar" makes it a name
SEASON_CONTEXT_CHARS = 12  # "during the " and the like, before a season
SEASON_CONTEXT_RE = re.compile(rf"\b(?:{period_pattern('season_context')})\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class Point:
    """A stretch of months named in a text, and where it stands in the text."""

    start: int
    end: int
    first: int  # first month, 1..12
    last: int  # last month, counted on past 12 when the stretch runs into the next year(s)
    year: int | None
    source: str = "text"
    maybe_name: bool = False  # "Mar Elias", "Set up": kept only inside a list or range of months
    deadline_last: int | None = None  # the last month after "by", where not `last` ("by mid-2027": June)


@dataclass(frozen=True)
class Lexicon:
    """The compiled point grammar for one document language (None: not told)."""

    point_re: re.Pattern[str]
    months: dict[str, int]  # every month word, unaccented and lower-cased
    abbreviations: frozenset[str]  # month words that start a longer word of the same month ("jan", "janv")
    ambiguous: frozenset[str]  # month words that name a month here only beside another month or a date
    ambiguous_in_lower_case: frozenset[str]  # English month words ambiguous when written in lower case ("oct")


@cache
def lexicon(language: str | None) -> Lexicon:
    """The point grammar for a document in `language`."""
    months = month_words()
    english = set(month_words((ENGLISH,)))
    own = set(month_words((language,))) if language and language != ENGLISH else set()
    shared = (english & set(month_words(OTHER_LANGUAGES))) - {ENGLISH_MODAL} if language is None else set()
    capitalised = sorted(english - own - shared, key=len, reverse=True)
    others = [word for word in months if word not in capitalised]
    ambiguous = {word for lang in LANGUAGES if lang != language for word in period_words("ambiguous_months", (lang,))}
    return Lexicon(
        re.compile(point_source(capitalised, others), re.IGNORECASE),
        months,
        frozenset(word for word in months if any(o != word and o.startswith(word) for o in months_of(word, months))),
        frozenset(ambiguous - own),
        frozenset(shared),
    )


def months_of(word: str, months: dict[str, int]) -> list[str]:
    """Every word of the same month as `word`."""
    return [other for other, month in months.items() if month == months[word]]


def point_source(capitalised: list[str], others: list[str]) -> str:
    """The point grammar's regex: capitalised month words in their written case, the others in any case."""
    month_alt = "|".join(
        [
            f"(?-i:{word.capitalize()}|{word.upper()}){MAY_NOT_MONTH if word == ENGLISH_MODAL else ''}"
            for word in capitalised
        ]
        + [re.escape(word) for word in sorted(others, key=len, reverse=True)]
    )
    q_letter, h_letter, of = (period_pattern(key) for key in ("quarter_letter", "half_letter", "of"))
    ordinals, halves = period_pattern(*ORDINAL_KEYS), period_pattern("half")
    first_two = "|".join(re.escape(w) for w, n in sorted(ordinal_words().items(), key=lambda i: -len(i[0])) if n <= 2)
    vague = period_pattern("mid", "early", "late")
    year_suffix = rf"(?:,?\s*(?:(?:{of})\s+)?(?:FY\s?)?(?P<year>20\d\d)(?!\d)|(?:\s*['’]|-)(?P<yy>\d\d)\b)?"
    return (
        rf"(?:(?P<pre>20\d\d)\s+(?=(?:{q_letter})\s?[1-4]|(?:{h_letter})[12]\b))?"
        rf"(?:\b(?:{q_letter})\s?(?P<q>[1-4])(?:\s*-\s*(?:{q_letter})?\s?(?P<qend>[1-4]))?(?!\d|\.\d)"
        rf"|\b(?P<qord>{ordinals})\s+(?:{period_pattern('quarter')})(?:\s+(?:{of})\b)?"
        rf"|\b(?:{period_pattern('quarter')})\.?\s*(?P<qnum>[1-4])"
        rf"(?:\s*(?:-|{period_pattern('range')})\s*(?P<qnumend>[1-4]))?\b"
        rf"|\b(?:{h_letter})(?P<h>[12])\b"
        rf"|\b(?P<hord>{first_two})\s+(?:{halves})(?:\s+(?:{period_pattern('of_the_year')}))?"
        rf"|\b(?:{halves})\s*(?P<hnum>[12])\b"
        rf"|\b(?P<vague>{vague})[\s-]*(?=(?:FY\s?)?20\d\d)"
        rf"|\b(?P<season>{period_pattern(*SEASON_MONTHS)})(?:\s+season)?"
        r"|\b(?P<iso_year>20\d\d)(?P<iso_sep>[-/.])(?P<iso_month>0?[1-9]|1[0-2])(?P=iso_sep)\d{1,2}\b"
        r"|\b(?P<day_first>\d{1,2})(?P<sep>[/.-])(?P<day_second>\d{1,2})(?P=sep)(?P<date_year>20\d\d|\d\d)\b"
        r"|\b(?P<mm>0?[1-9]|1[0-2])/(?P<mm_year>20\d\d)\b"
        rf"|(?:\b(?P<day>\d{{1,2}}){DAY_SUFFIX}?(?:\s*-\s*\d{{1,2}}{DAY_SUFFIX}?)?\s+(?:(?:{of})\s*)?)?"
        rf"\b(?P<month>{month_alt})\b\.?(?:\s+(?P<mday>\d{{1,2}}){DAY_SUFFIX}?\b(?!\s*[-:]\s*\d),?)?)" + year_suffix
    )


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
    if SHORT_YEAR_HINT_RE.search(text):
        points = lexicon(None).point_re.finditer(unaccent(text))
        found.extend((m.start("yy"), CENTURY + int(m["yy"])) for m in points if m["yy"])
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


def find_points(text: str, language: str | None = None) -> list[Point]:
    """Every quarter, half, month, season and vague part of a year the (unaccented) text names, in order."""
    words = lexicon(language)
    points = []
    for match in words.point_re.finditer(text):
        point = _match_to_point(match, words)
        before = text[max(0, match.start() - SEASON_CONTEXT_CHARS) : match.start()]
        if point and (not match["season"] or point.year or SEASON_CONTEXT_RE.search(before)):
            points.append(point)
    return points


def _match_to_point(match: re.Match[str], words: Lexicon) -> Point | None:
    """The months one point match stands for, None for an impossible date."""
    year = _match_year(match)
    first, last, source, maybe_name = _match_months(match, words)
    if not 1 <= first <= MONTHS_PER_YEAR:
        return None
    if year and last > MONTHS_PER_YEAR and not match["pre"]:
        year -= 1  # "Q4-Q1 2021": the year after a range that crosses the new year is its end's
    vague = _key_of(match["vague"], tuple(VAGUE_MONTHS)) if match["vague"] else None
    deadline_last = VAGUE_DEADLINE_LAST.get(vague) if vague else None
    return Point(match.start(), match.end(), first, last, year, source, maybe_name, deadline_last)


def _match_year(match: re.Match[str]) -> int | None:
    """The year written in or right next to a point match."""
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


def _match_months(match: re.Match[str], words: Lexicon) -> tuple[int, int, str, bool]:
    """(first month, last month, source, maybe a name) of a point match."""
    if match["q"] or match["qord"] or match["qnum"]:
        first_q = int(match["q"] or match["qnum"] or ordinal_words()[_words(match["qord"])])
        last_q = int(match["qend"] or match["qnumend"] or first_q)
        wrap = MONTHS_PER_YEAR if last_q < first_q else 0
        return (3 * first_q - 2, 3 * last_q + wrap, "text", False)
    if match["h"] or match["hord"] or match["hnum"]:
        half = int(match["h"] or match["hnum"] or ordinal_words()[_words(match["hord"])])
        return (*HALF_MONTHS[half], "text", False)
    if match["vague"]:
        return (*VAGUE_MONTHS[_key_of(match["vague"], tuple(VAGUE_MONTHS))], "inferred", False)
    if match["season"]:
        return (*SEASON_MONTHS[_key_of(match["season"], tuple(SEASON_MONTHS))], "inferred", False)
    if not match["month"]:
        month = _numeric_month(match)
        return (month, month, "text", False)
    return _named_month(match, words)


def _named_month(match: re.Match[str], words: Lexicon) -> tuple[int, int, str, bool]:
    """A month named in words: a bare abbreviation before a capitalised word ("Mar Elias"), or an ambiguous
    word of another language ("Set up"), with no day or year, may be no month."""
    name = _words(match["month"])
    month = words.months[name]
    dated = bool(match["day"] or match["mday"] or match["year"] or match["yy"])
    name_follows = name in words.abbreviations and bool(NAME_NEXT_RE.match(match.string, match.end()))
    ambiguous = name in words.ambiguous or (name in words.ambiguous_in_lower_case and match["month"].islower())
    return (month, month, "text", not dated and (name_follows or ambiguous))


def _words(text: str) -> str:
    """Matched words as vocabulary words: lower case, single spaces."""
    return " ".join(text.lower().split())


@cache
def _key_pattern(key: str) -> re.Pattern[str]:
    """The words of one [periods] key as a whole-text pattern."""
    return re.compile(rf"(?:{period_pattern(key)})[\s-]*", re.IGNORECASE)


def _key_of(text: str, keys: tuple[str, ...]) -> str:
    """Which of the [periods] keys a matched text is a word of."""
    return next(key for key in keys if _key_pattern(key).fullmatch(text))
