"""Timeline normalizer: period headers, marks, years and quarters named in free text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalizers.model import Quarter
from normalizers.periods import (
    MONTH_KEYS,
    ORDINAL_KEYS,
    month_origin,
    month_to_quarter,
    months_to_quarters,
    shift_month_number,
    single_initial_months,
    week_to_quarter,
)
from normalizers.timeline import (
    Period,
    dates_to_quarters,
    header_to_period,
    is_amount,
    is_mark,
    marks_to_quarters,
    text_to_quarters,
    years_in_text,
)
from normalizers.vocab import LANGUAGES, vocabulary

EXPECTED_TOKEN_RE = re.compile(r"(\d{4})?Q([1-4])(~)?")
ALL_YEAR = "Q1~ Q2~ Q3~ Q4~"
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
MONTH_HEADERS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def expected(spec: str, year: int | None = None) -> list[Quarter]:
    """Quarters from a compact spec: "2021Q1 Q2~" is Q1 2021 from text and Q2 (of `year`) inferred."""
    return [
        Quarter(int(y) if y else year, int(q), "inferred" if inferred else "text")
        for y, q, inferred in EXPECTED_TOKEN_RE.findall(spec)
    ]


# (text, years the caller passes, expected quarters); "~" marks an inferred quarter.
TEXT_CASES: list[tuple[str, tuple[int, ...], str]] = [
    # quarters named outright
    ("Q1", (), "Q1"),
    ("Q1", (2021,), "2021Q1"),
    ("q2", (), "Q2"),
    ("Q 3", (), "Q3"),
    ("Q4.", (2020,), "2020Q4"),
    ("Q1-Q3", (2023,), "2023Q1 2023Q2 2023Q3"),
    ("Q1-3", (), "Q1 Q2 Q3"),
    ("Q1 – Q4", (), "Q1 Q2 Q3 Q4"),
    ("Q2–Q4 2022", (), "2022Q2 2022Q3 2022Q4"),
    ("Q2—Q4 2022", (2020,), "2022Q2 2022Q3 2022Q4"),
    ("Q2 to Q4 2022", (), "2022Q2 2022Q3 2022Q4"),
    ("Q2 through Q4, 2022", (), "2022Q2 2022Q3 2022Q4"),
    ("q2 until q3", (2021,), "2021Q2 2021Q3"),
    ("Q3 & Q4", (2020,), "2020Q3 2020Q4"),
    ("Q3 and Q4 2021", (), "2021Q3 2021Q4"),
    ("Q1, Q3", (), "Q1 Q3"),
    ("Q1/Q2", (2021,), "2021Q1 2021Q2"),
    ("Q1 + Q2", (2021,), "2021Q1 2021Q2"),
    ("Q1 2021, Q3 2021", (), "2021Q1 2021Q3"),
    ("Q1 & 2", (2021,), "2021Q1 2021Q2"),
    ("Quarters 1 and 2", (), "Q1 Q2"),
    ("Q1/2 2021", (), "2021Q1 2021Q2"),
    ("Q1, 2 & 4", (), "Q1 Q2 Q4"),
    ("Q1, 2 workshops", (), "Q1"),
    ("Q2 and 3.5 million", (), "Q2"),
    ("Q4 2020 – Q1 2021", (), "2020Q4 2021Q1"),
    ("Q4 2020 - Q2 2021", (), "2020Q4 2021Q1 2021Q2"),
    ("Q4-Q1 2021", (), "2020Q4 2021Q1"),
    ("2021 Q3", (), "2021Q3"),
    ("Q3 2021", (2020,), "2021Q3"),
    ("Q3-2021", (), "2021Q3"),
    ("Q2 '21", (), "2021Q2"),
    ("Q1 of 2023", (), "2023Q1"),
    ("FY2022 Q1", (), "2022Q1"),
    ("Update the Business Continuity Plan during Q1 of 2023, gathering feedback", (), "2023Q1"),
    ("Q1: learning event on collective evictions with cross-sectoral guidance note.", (2023,), "2023Q1"),
    ("first quarter", (2021,), "2021Q1"),
    ("1st quarter 2022", (), "2022Q1"),
    ("second quarter of 2021", (), "2021Q2"),
    ("3rd Qtr", (), "Q3"),
    ("last quarter of the year", (2020,), "2020Q4"),
    ("Quarter 2", (), "Q2"),
    ("To be finalized in Q2 2021 with partners", (), "2021Q2"),
    ("[ONGOING] To be finalized in Q2 2021", (), "2021Q2"),
    ("Ongoing (Q1-Q2)", (2021,), "2021Q1 2021Q2"),
    ("Quarterly: Q1, Q3", (2021,), "2021Q1 2021Q3"),
    ("Ongoing, to be finalized by June 2021", (), "2021Q1~ 2021Q2~ 2021Q3~ 2021Q4~"),
    ("Finalized in Q4 2020 and endorsed by OPAG as of January 2021.", (), "2020Q4 2021Q1"),
    ("conducted virtually with the original timeline in Q3 2020", (), "2020Q3"),
    ("Q2", (2020, 2021), "2020Q2 2021Q2"),
    # months
    ("Jan–Jun", (2021,), "2021Q1 2021Q2"),
    ("Jan-Mar", (), "Q1"),
    ("Apr–Jun", (2022,), "2022Q2"),
    ("April - June 2021", (), "2021Q2"),
    ("January to March 2022", (), "2022Q1"),
    ("July through December", (2022,), "2022Q3 2022Q4"),
    ("March 2021", (), "2021Q1"),
    ("in March", (2021,), "2021Q1"),
    ("June-July", (2014,), "2014Q2 2014Q3"),
    ("Roll-out: workshops in June-July", (2014,), "2014Q2 2014Q3"),
    ("Oct/Nov 2014", (), "2014Q4"),
    ("Timeframe: By end of year (Oct/Nov 2014)", (), "2014Q4"),
    ("from July 2013-present", (), "2013Q3"),
    ("between July and September", (2021,), "2021Q3"),
    ("Consultations will take place between July and September 2021.", (), "2021Q3"),
    ("from March to May 2021", (), "2021Q1 2021Q2"),
    ("from January until June 2021", (), "2021Q1 2021Q2"),
    ("Nov 2020-April 2021", (), "2020Q4 2021Q1 2021Q2"),
    (
        "The report for November 2020-April 2021 was finalized in late October 2020.",
        (),
        "2020Q4 2021Q1 2021Q2",
    ),
    ("Nov-Feb", (2021,), "2021Q4 2022Q1"),
    ("November - February 2022", (), "2021Q4 2022Q1"),
    ("presented during an IASC briefing on 28 January 2021", (), "2021Q1"),
    ("RC Induction on 11-14 Nov 2019", (), "2019Q4"),
    ("horizon scanning on 5 December 2019", (), "2019Q4"),
    ("June 11", (2014,), "2014Q2"),
    ("not meeting with CP actors until mid-June", (2014,), "2014Q1~ 2014Q2~"),
    ("Jan-21", (), "2021Q1"),
    ("Oct '21 – Mar '22", (), "2021Q4 2022Q1"),
    ("Jan., Feb., Mar.", (2021,), "2021Q1"),
    ("Sept 2021", (), "2021Q3"),
    ("SEPTEMBER 2021", (), "2021Q3"),
    ("Feb. 2022", (), "2022Q1"),
    ("PSS children: 217,857 (Jan-May)", (2014,), "2014Q1 2014Q2"),
    ("PSS caregivers: 8,862 (May only)", (2014,), "2014Q2"),
    ("Children individually assisted: 2,615 (Jan-May)", (2014,), "2014Q1 2014Q2"),
    ("In April, the guidance was shared with OPAG for endorsement", (2021,), "2021Q2"),
    ("share all data from July 2013-present by 20 June 2014", (), "2013Q3 2014Q1~ 2014Q2~"),
    ("Jan 2021 - Dec 2022", (), "2021Q1 2021Q2 2021Q3 2021Q4 2022Q1 2022Q2 2022Q3 2022Q4"),
    ("Quarters 1-2", (2021,), "2021Q1 2021Q2"),
    # numeric dates: day first unless it cannot be (UN style), ISO dates as spreadsheets give them
    ("30/06/2021", (), "2021Q2"),
    ("06/30/2021", (), "2021Q2"),
    ("30.06.2021", (), "2021Q2"),
    ("05/10/2021", (), "2021Q4"),
    ("2021-06-30 00:00:00", (), "2021Q2"),
    ("03/2021", (), "2021Q1"),
    ("31/31/2021", (), ""),
    # work that runs on to the end of the year: the rest of the year is inferred
    ("Q2 onwards", (2021,), "2021Q2 2021Q3~ 2021Q4~"),
    ("starting April", (2021,), "2021Q2 2021Q3~ 2021Q4~"),
    ("Q1 2021 – ongoing", (), "2021Q1 2021Q2~ 2021Q3~ 2021Q4~"),
    # deadlines cover their year from January up to their own quarter
    ("Deadline: 15/03/2022", (), "2022Q1~"),
    ("by June 2021", (), "2021Q1~ 2021Q2~"),
    ("To be finalized by June 2021.", (), "2021Q1~ 2021Q2~"),
    ("by end of Q2", (2021,), "2021Q1~ 2021Q2~"),
    ("by the end of Q3 2022", (), "2022Q1~ 2022Q2~ 2022Q3~"),
    ("before March", (2021,), "2021Q1~"),
    ("no later than 30 September 2021", (), "2021Q1~ 2021Q2~ 2021Q3~"),
    ("due by Q4", (2020,), "2020Q1~ 2020Q2~ 2020Q3~ 2020Q4~"),
    ("Deadline: 15 May 2022", (), "2022Q1~ 2022Q2~"),
    ("until Q3", (2021,), "2021Q1~ 2021Q2~ 2021Q3~"),
    ("by end of 2021", (), "2021Q1~ 2021Q2~ 2021Q3~ 2021Q4~"),
    ("by end of year", (2021,), "2021Q1~ 2021Q2~ 2021Q3~ 2021Q4~"),
    ("by mid-June", (2014,), "2014Q1~ 2014Q2~"),
    # a deadline at the middle of a year falls between June and July: the work runs up to June
    ("by mid-2031", (), "2031Q1~ 2031Q2~"),
    ("to be rolled out before mid 2030", (), "2030Q1~ 2030Q2~"),
    ("by mid-year", (2029,), "2029Q1~ 2029Q2~"),
    ("by end of March", (2025,), "2025Q1~"),
    ("by end of June", (2025,), "2025Q1~ 2025Q2~"),
    # vague parts of a year
    ("mid-2021", (), "2021Q2~ 2021Q3~"),
    ("mid 2021", (), "2021Q2~ 2021Q3~"),
    ("middle of 2021", (), "2021Q2~ 2021Q3~"),
    ("guidance will be developed in mid-2021, based on a synthesis of case studies", (), "2021Q2~ 2021Q3~"),
    ("mid-year", (2020,), "2020Q2~ 2020Q3~"),
    ("early 2022", (), "2022Q1~"),
    ("beginning of 2022", (), "2022Q1~"),
    ("late 2021", (), "2021Q4~"),
    ("end of 2021", (), "2021Q4~"),
    ("year-end", (2020,), "2020Q4~"),
    ("Conduct mid-term review of indicators, targets and PiN", (2023,), ""),
    # halves
    ("first half of 2022", (), "2022Q1 2022Q2"),
    ("second half of 2022", (), "2022Q3 2022Q4"),
    ("1st half", (), "Q1 Q2"),
    ("first half of the year", (2021,), "2021Q1 2021Q2"),
    ("H2", (2021,), "2021Q3 2021Q4"),
    ("H1 2022", (), "2022Q1 2022Q2"),
    ("2022 H1", (), "2022Q1 2022Q2"),
    ("H1N1 vaccination", (2021,), ""),
    ("H2 2021 - H1 2022", (), "2021Q3 2021Q4 2022Q1 2022Q2"),
    # seasons
    ("fall of 2021", (), "2021Q4~"),
    ("test the draft normative guidance once it is prepared in the fall of 2021", (), "2021Q4~"),
    ("autumn 2020", (), "2020Q4~"),
    ("in the summer", (2021,), "2021Q3~"),
    ("spring 2022", (), "2022Q2~"),
    ("winter 2021", (), "2021Q1~"),
    ("if prices fall sharply", (2021,), ""),
    # recurring work: all four quarters of the plan's year
    ("ongoing", (2021,), ALL_YEAR),
    ("Ongoing", (), ALL_YEAR),
    ("on-going", (2021,), ALL_YEAR),
    ("[ONGOING]", (2021,), ALL_YEAR),
    ("continuous", (2021,), ALL_YEAR),
    ("Continuous throughout the year", (2021,), ALL_YEAR),
    ("throughout the year", (2021,), ALL_YEAR),
    ("throughout 2021", (), "2021Q1~ 2021Q2~ 2021Q3~ 2021Q4~"),
    ("quarterly", (2023,), ALL_YEAR),
    ("Conduct quarterly LCRP donor meetings", (2023,), ALL_YEAR),
    ("partner refresher sessions on quarterly basis", (2023,), ALL_YEAR),
    ("monthly", (2020,), ALL_YEAR),
    ("promote field updates of CMTF/ PSS Committee on monthly basis", (2020,), ALL_YEAR),
    ("CMTF to conduct meetings with the SGBV Task force every two months", (2020,), ALL_YEAR),
    ("every 2 weeks", (2020,), ALL_YEAR),
    ("bi-monthly", (2020,), ALL_YEAR),
    ("Case conferences once a month", (2020,), ALL_YEAR),
    ("twice a quarter", (2020,), ALL_YEAR),
    ("weekly", (2020,), ALL_YEAR),
    ("year-round", (2020,), ALL_YEAR),
    ("all year round", (2020,), ALL_YEAR),
    ("Outreach to donors is ongoing.", (2021,), ALL_YEAR),
    ("Ongoing until June 2021", (), "2021Q1~ 2021Q2~ 2021Q3~ 2021Q4~"),
    ("ongoing", (2020, 2021), "2020Q1~ 2020Q2~ 2020Q3~ 2020Q4~ 2021Q1~ 2021Q2~ 2021Q3~ 2021Q4~"),
    ("ongoing", (), ALL_YEAR),
    ("captures ongoing and planned assessments and surveys", (2021,), ""),
    ("Build understanding regarding the ongoing needs", (2023,), ""),
    ("publish bi-annual EWEAR analysis report", (2020,), ""),
    ("annually", (2021,), ""),
    ("twice a year", (2021,), ""),
    ("every six months", (2021,), ""),
    # not timeline statements
    ("COVID-19", (2021,), ""),
    ("RRP6", (), ""),
    ("RRP6 Mid-Year Review", (), "Q2~ Q3~"),
    ("6. CPMS Presentation: Standard 15: Case Management", (), ""),
    ("ISO 9001 certification", (), ""),
    ("Call +961 1 202 122", (), ""),
    ("2 News removated", (), ""),
    ("Annexes with Decree 8987", (), ""),
    ("Members to email IM (along@unicef.org)", (), ""),
    ("select 1-2 sector action points", (2023,), ""),
    ("Output 4.1: Policies", (), ""),
    ("HQ1 building", (), ""),
    ("Q&A session", (), ""),
    ("Q5", (), ""),
    ("partners may be asked to report", (2021,), ""),
    ("May be delayed", (2021,), ""),
    ("Mar Elias camp", (2021,), ""),
    ("Jan Egeland visit", (2021,), ""),
    ("Sep", (2021,), "2021Q3"),
    ("Workshop in Oct.", (2021,), "2021Q4"),
    ("TBD", (2021,), ""),
    ("N/A", (2021,), ""),
    ("X", (2021,), ""),
    ("", (2021,), ""),
    ("2020-2021", (), ""),
]


@pytest.mark.parametrize(("text", "years", "spec"), TEXT_CASES)
def test_text_to_quarters(text: str, years: tuple[int, ...], spec: str) -> None:
    assert text_to_quarters(text, years) == expected(spec, years[0] if len(years) == 1 else None)


# (header, expected period or None)
HEADER_CASES: list[tuple[str, Period | None]] = [
    ("Q1", Period((1,))),
    ("Q 1", Period((1,))),
    ("q4", Period((4,))),
    ("2021 Q3", Period((3,), 2021)),
    ("Q3 2021", Period((3,), 2021)),
    ("Q3-2021", Period((3,), 2021)),
    ("Q3/21", Period((3,), 2021)),
    ("Q2 '21", Period((2,), 2021)),
    ("FY2022 Q1", Period((1,), 2022)),
    ("Quarter 2", Period((2,))),
    ("1st quarter", Period((1,))),
    ("First Quarter", Period((1,))),
    ("4th Qtr", Period((4,))),
    ("Q1 (Jan-Mar)", Period((1,))),
    ("Q1 2021 (Jan – Mar)", Period((1,), 2021)),
    ("Q1-Q2", Period((1, 2))),
    ("T3", Period((3,))),
    ("1er trimestre", Period((1,))),
    ("2020 Timeline Q2", Period((2,), 2020)),
    ("Jan", Period((1,), None, "month")),
    ("January", Period((1,), None, "month")),
    ("Jan-21", Period((1,), 2021, "month")),
    ("Feb 2022", Period((1,), 2022, "month")),
    ("Dec.", Period((4,), None, "month")),
    ("Sept", Period((3,), None, "month")),
    ("01/2021", Period((1,), 2021, "month")),
    ("2021-07", Period((3,), 2021, "month")),
    ("juin", Period((2,), None, "month")),
    ("Mai 2021", Period((2,), 2021, "month")),
    ("Agosto", Period((3,), None, "month")),
    ("Jan-Mar", Period((1,), None, "month_range")),
    # a span of days: the months it covers
    ("01/04–30/06", Period((2,), None, "month_range")),
    ("1.7.-30.9.2026", Period((3,), 2026, "month_range")),
    ("01/10/2025 – 31/03/2026", None),  # two years
    ("1 oct - 31 dic 2026", Period((4,), 2026, "month_range")),
    ("1/4 al 30/6", Period((2,), None, "month_range")),
    ("01/02-28/02", Period((1,), None, "month")),
    ("Jan–Jun", Period((1, 2), None, "month_range")),
    ("Oct - Dec 2021", Period((4,), 2021, "month_range")),
    ("H1", Period((1, 2), None, "half")),
    ("H2 2021", Period((3, 4), 2021, "half")),
    ("S1", Period((1, 2), None, "half")),
    ("Second half", Period((3, 4), None, "half")),
    ("Qtr 1", Period((1,))),
    ("QTR1", Period((1,))),
    ("Q1/2021", Period((1,), 2021)),
    ("2021-Q1", Period((1,), 2021)),
    ("Trimestre 1", Period((1,))),
    ("1er trimestre 2021", Period((1,), 2021)),
    ("T1 2021", Period((1,), 2021)),
    ("Time frame (Q1-Q4)", Period((1, 2, 3, 4))),
    ("Enero", Period((1,), None, "month")),
    ("JAN-21", Period((1,), 2021, "month")),
    ("Jan '21", Period((1,), 2021, "month")),
    ("June/July", Period((2, 3), None, "month_range")),
    ("Jan 2021 - Mar 2021", Period((1,), 2021, "month_range")),
    ("Oct 2020 - Mar 2021", None),
    ("2021-01-01 00:00:00", Period((1,), 2021, "month")),
    ("2021-10-01", Period((4,), 2021, "month")),
    ("01/04/2021", Period((2,), 2021, "month")),
    ("12/31/2021", Period((4,), 2021, "month")),
    ("31/31/2021", None),
    ("Semestre 1", Period((1, 2), None, "half")),
    ("1st Semester", Period((1, 2), None, "half")),
    ("W1", Period((1,), None, "week")),
    ("W13", Period((1,), None, "week")),
    ("Week 14", Period((2,), None, "week")),
    ("wk 40", Period((4,), None, "week")),
    ("W52", Period((4,), None, "week")),
    ("W53", Period((4,), None, "week")),
    ("W54", None),
    ("Month 1", Period((1,), None, "month")),
    ("Year 1", None),
    ("M1", Period((1,), None, "month")),
    ("M 12", Period((4,), None, "month")),
    ("M13", None),
    ("Activity", None),
    ("Lead", None),
    ("Status", None),
    ("2020 Timeline", None),
    ("Timeline", None),
    ("Comments", None),
    ("2021", None),
    ("Q1 Target", None),
    ("Q&A", None),
    ("Responsible", None),
    ("Partners", None),
    ("", None),
]


@pytest.mark.parametrize(("header", "period"), HEADER_CASES)
def test_header_to_period(header: str, period: Period | None) -> None:
    assert header_to_period(header) == period


@pytest.mark.parametrize(
    "text",
    [
        "X",
        "x",
        " X ",
        "✓",
        "✔",
        "●",
        "•",
        "■",
        "yes",
        "Yes",
        "1",
        "√",
        "x.",
        "(X)",
        "*x*",
        "XX",
        "X (tbc)",
        "x [1]",
        "X¹",
        "X1",
        "x²",
        "x*",
        "✓(1)",
        "✓†",
        "XX3",
    ],
)
def test_is_mark(text: str) -> None:
    assert is_mark(text)


@pytest.mark.parametrize(
    "text", ["", " ", "N/A", "0", "no", "-", "TBD", "Q1", "2", "ongoing", "xyz", "(tbc)", "Y1", "V2", "11", "T1"]
)
def test_is_not_mark(text: str) -> None:
    assert not is_mark(text)


YEAR_CASES: list[tuple[str, list[int]]] = [
    ("2020 LCRP- Child Protection Sector Workplan", [2020]),
    ("Workplan and Areas of Priority for 2020 and 2021", [2020, 2021]),
    ("2020-2021", [2020, 2021]),
    ("2020–21", [2020, 2021]),
    ("2022/2023 winter season", [2022, 2023]),
    ("FY2022", [2022]),
    ("FY22", [2022]),
    ("FY20/21", [2020, 2021]),
    ("Q2 '21", [2021]),
    ("Jan-21", [2021]),
    ("Dates: '21", []),
    ("from July 2013-present by 20 June 2014", [2013, 2014]),
    ("2019's annual call", [2019]),
    ("A Brief Guide for Resident Coordinators (2015)", [2015]),
    ("COVID-19", []),
    ("RRP6", []),
    ("ISO 9001", []),
    ("Standard 2015", []),
    ("Call +961 70 2021 335", []),
    ("2,020 children", []),
    ("12.2021.5", []),
    ("2021-01", [2021]),
    ("1999 and 2100", []),
    ("in line with the 2030 Agenda and Agenda 2030", []),
    ("30/06/2021", [2021]),
]


@pytest.mark.parametrize(("text", "years"), YEAR_CASES)
def test_years_in_text(text: str, years: list[int]) -> None:
    assert years_in_text(text) == years


@pytest.mark.parametrize(
    ("week", "quarter"), [(1, 1), (13, 1), (14, 2), (26, 2), (27, 3), (39, 3), (40, 4), (52, 4), (53, 4)]
)
def test_week_to_quarter(week: int, quarter: int) -> None:
    assert week_to_quarter(week) == quarter


def test_months_to_quarters_wraps_over_the_new_year() -> None:
    assert months_to_quarters(11, 2) == (1, 4)
    assert [month_to_quarter(m) for m in range(1, 13)] == [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]


def test_period_kind_is_checked() -> None:
    with pytest.raises(ValueError):
        Period((1,), 2021, "fortnight")


def test_marks_to_quarters_takes_the_header_year_else_the_callers() -> None:
    headers = ["Activity", "Q1 2020", "Q2", "H2", "Status"]
    cells = ["Review", "x", "✓", "X", "Done"]
    assert marks_to_quarters(headers, cells, [2021]) == [
        Quarter(2020, 1, "mark"),
        Quarter(2021, 2, "mark"),
        Quarter(2021, 3, "mark"),
        Quarter(2021, 4, "mark"),
    ]


MARKS = st.sampled_from(["X", "x", "✓", "✔", "●", "•", "■", "yes", "1", "√", " X ", "x."])
BLANKS = st.sampled_from(["", " ", "-", "N/A", "0", "no"])
QUARTER_SETS = st.sets(st.integers(1, 4))


@settings(deadline=None, max_examples=50)
@given(QUARTER_SETS, st.data())
def test_quarter_marks_read_back(quarters: set[int], data: st.DataObject) -> None:
    cells = [data.draw(MARKS if q in quarters else BLANKS) for q in range(1, 5)]
    headers = [data.draw(st.sampled_from([f"Q{q}", f"Q {q}", f"Quarter {q}", f"2021 Q{q}"])) for q in range(1, 5)]
    assert {q.quarter for q in marks_to_quarters(headers, cells)} == quarters


@settings(deadline=None, max_examples=50)
@given(QUARTER_SETS, st.data())
def test_month_marks_read_back(quarters: set[int], data: st.DataObject) -> None:
    marked: set[int] = set()
    for q in quarters:
        marked |= data.draw(st.sets(st.sampled_from([3 * q - 2, 3 * q - 1, 3 * q]), min_size=1))
    cells = [data.draw(MARKS if m in marked else BLANKS) for m in range(1, 13)]
    style = data.draw(st.sampled_from(["{}", "{} 2021", "{}-21"]))
    headers = [style.format(name) for name in MONTH_HEADERS]
    assert {q.quarter for q in marks_to_quarters(headers, cells)} == quarters


@settings(deadline=None, max_examples=50)
@given(
    st.integers(1, 4),
    st.integers(1, 4),
    st.sampled_from(["-", "–", "—", " - ", " – ", " to ", " through ", " until "]),
    st.sampled_from(["", " 2021", ", 2022"]),
    st.sampled_from(["Q{}", "q{}", "Q {}"]),
)
def test_quarter_range_stays_within_its_ends(a: int, b: int, dash: str, year: str, style: str) -> None:
    low, high = min(a, b), max(a, b)
    text = f"{style.format(low)}{dash}{style.format(high)}{year}"
    found = text_to_quarters(text, [2020])
    assert [q.quarter for q in found] == list(range(low, high + 1))
    assert {q.year for q in found} == {int(year.strip(" ,")) if year else 2020}


@settings(deadline=None, max_examples=50)
@given(st.integers(1, 12), st.integers(1, 12), st.sampled_from(["-", "–", " to ", " through "]), st.booleans())
def test_month_range_covers_its_quarters(a: int, b: int, dash: str, full_names: bool) -> None:
    low, high = min(a, b), max(a, b)
    names = MONTH_NAMES if full_names else MONTH_HEADERS
    found = text_to_quarters(f"{names[low - 1]}{dash}{names[high - 1]} 2021")
    assert found == [Quarter(2021, q, "text") for q in range((low + 2) // 3, (high + 2) // 3 + 1)]


@settings(deadline=None)
@given(st.text(), st.lists(st.integers(2000, 2099), max_size=3), st.sampled_from([None, "en", "fr", "es", "pt"]))
def test_text_to_quarters_never_raises(text: str, years: list[int], language: str | None) -> None:
    found = text_to_quarters(text, years, language)
    assert all(1 <= q.quarter <= 4 for q in found)
    keys = [(q.year is None, q.year or 0, q.quarter) for q in found]
    assert keys == sorted(set(keys))
    assert all(2000 <= year <= 2099 for year in years_in_text(text))
    period = header_to_period(text)
    assert period is None or (period.quarters and set(period.quarters) <= {1, 2, 3, 4})
    is_mark(text)


@settings(deadline=None)
@given(st.lists(st.sampled_from(["Q1", "Q4", " - ", "Jan", "Dec", "2021", " by ", " and ", "mid-", "H2", "'21"])))
def test_timeline_fragments_never_raise(parts: list[str]) -> None:
    text_to_quarters("".join(parts), [2020])


# ---------------------------------------------------------------- French, Spanish and Portuguese

# (text, document language, years the caller passes, expected quarters); "~" marks an inferred quarter.
OTHER_LANGUAGE_CASES: list[tuple[str, str | None, tuple[int, ...], str]] = [
    ("T4", "fr", (2025,), "2025Q4"),
    ("T2 et T4", "fr", (2025,), "2025Q2 2025Q4"),
    ("T2-T3", "fr", (2025,), "2025Q2 2025Q3"),
    ("T1 à T3 2026", "fr", (), "2026Q1 2026Q2 2026Q3"),
    ("1er trimestre 2026", "fr", (), "2026Q1"),
    ("deuxième trimestre", "fr", (2026,), "2026Q2"),
    ("trimestre 3", "fr", (2026,), "2026Q3"),
    ("2e semestre", "fr", (2026,), "2026Q3 2026Q4"),
    ("premier semestre de l'année", "fr", (2026,), "2026Q1 2026Q2"),
    ("S1 2026", "fr", (), "2026Q1 2026Q2"),
    ("janv.–mars", "fr", (2025,), "2025Q1"),
    ("juil.– sept.", "fr", (2025,), "2025Q3"),
    ("de mai à juillet", "fr", (2025,), "2025Q2 2025Q3"),
    ("entre avril et juin 2026", "fr", (), "2026Q2"),
    ("février et août", "fr", (2026,), "2026Q1 2026Q3"),
    ("15 mars 2026", "fr", (), "2026Q1"),
    ("le 1er octobre 2026", "fr", (), "2026Q4"),
    ("d'ici fin mars", "fr", (2025,), "2025Q1~"),
    ("d'ici fin juin", "fr", (2025,), "2025Q1~ 2025Q2~"),
    ("avant la fin de septembre", "fr", (2025,), "2025Q1~ 2025Q2~ 2025Q3~"),
    ("à partir de T3", "fr", (2026,), "2026Q3 2026Q4~"),
    ("mi-2026", "fr", (), "2026Q2~ 2026Q3~"),
    ("fin 2026", "fr", (), "2026Q4~"),
    ("fin d'année", "fr", (2026,), "2026Q4~"),
    ("en continu", "fr", (2025,), ALL_YEAR),
    ("tout au long de l'année", "fr", (2025,), ALL_YEAR),
    ("Réunions mensuelles", "fr", (2025,), ALL_YEAR),
    ("En cours", "fr", (2025,), ALL_YEAR),
    ("à déterminer", "fr", (2025,), ""),
    ("Date à confirmer", "fr", (2025,), ""),
    ("abril–junio", "es", (2025,), "2025Q2"),
    ("de enero a marzo", "es", (2025,), "2025Q1"),
    ("julio–diciembre", "es", (2025,), "2025Q3 2025Q4"),
    ("marzo y septiembre", "es", (2025,), "2025Q1 2025Q3"),
    ("T2 y T4", "es", (2025,), "2025Q2 2025Q4"),
    ("primer trimestre de 2026", "es", (), "2026Q1"),
    ("segundo semestre", "es", (2025,), "2025Q3 2025Q4"),
    ("1.º semestre", "es", (2025,), "2025Q1 2025Q2"),
    ("7 de abril de 2026", "es", (), "2026Q2"),
    ("ago.–sept.", "es", (2026,), "2026Q3"),
    ("antes de finales de junio", "es", (2026,), "2026Q1~ 2026Q2~"),
    ("a partir de mayo", "es", (2026,), "2026Q2 2026Q3~ 2026Q4~"),
    ("mediados de 2026", "es", (), "2026Q2~ 2026Q3~"),
    ("antes de mediados de 2031", "es", (), "2031Q1~ 2031Q2~"),
    ("finales del año", "es", (2026,), "2026Q4~"),
    ("todo el año", "es", (2025,), ALL_YEAR),
    ("permanente", "es", (2025,), ALL_YEAR),
    ("Mensual", "es", (2025,), ALL_YEAR),
    ("por definir", "es", (2025,), ""),
    ("a definir", "pt", (2025,), ""),
    ("abril a junho", "pt", (2024,), "2024Q2"),
    ("Outubro–Dezembro", "pt", (2024,), "2024Q4"),
    ("Julho–Dezembro 2024", "pt", (), "2024Q3 2024Q4"),
    ("2º semestre", "pt", (2024,), "2024Q3 2024Q4"),
    ("T3-T4", "pt", (2024,), "2024Q3 2024Q4"),
    ("T1 e T3", "pt", (2024,), "2024Q1 2024Q3"),
    ("Agosto", "pt", (2024,), "2024Q3"),
    ("set.–out.", "pt", (2024,), "2024Q3 2024Q4"),
    ("Set", "pt", (2024,), "2024Q3"),
    ("até final de Junho", "pt", (2024,), "2024Q1~ 2024Q2~"),
    ("meados de 2024", "pt", (), "2024Q2~ 2024Q3~"),
    ("até meados de 2030", "pt", (), "2030Q1~ 2030Q2~"),
    ("d'ici la mi-2029", "fr", (), "2029Q1~ 2029Q2~"),
    ("contínuo", "pt", (2024,), ALL_YEAR),
    ("todo o ano", "pt", (2024,), ALL_YEAR),
    ("Em curso", "pt", (2024,), ALL_YEAR),
    # another language's ambiguous month words in an English document: months only beside another month
    ("Set up the referral desk", "en", (2024,), ""),
    ("Carried out in the camps", "en", (2024,), ""),
    ("as set out in the ToRs", "en", (2024,), ""),
    ("two weeks ago", "en", (2024,), ""),
    ("ago–set", "en", (2024,), "2024Q3"),
    # a French cell in a document whose language was not told, or English
    ("T2 et T4", None, (2025,), "2025Q2 2025Q4"),
    ("janv.–mars", "en", (2025,), "2025Q1"),
    # day ranges in words, the language not told: an English abbreviation another language writes too, in any case
    ("du 1er avril au 30 nov. 2034", None, (), "2034Q2 2034Q3 2034Q4"),
    ("de 6 de mar. a 15 de jun.", None, (2034,), "2034Q1 2034Q2"),
    ("de 2 de ago. a 15 de nov. de 2034", None, (), "2034Q3 2034Q4"),
    ("del 1 de dic. de 2034 al 28 de feb. de 2035", None, (), "2034Q4 2035Q1"),
    ("du 3 mars au 15 mai 2034", None, (), "2034Q1 2034Q2"),
    # ... but alone, undated, still no month; nor the modal "may"
    ("the jun meeting notes", None, (2034,), ""),
    ("mar del plata office", None, (2034,), ""),
    ("partners may or may not join", None, (2034,), ""),
    ("volunteers may 2 shifts", None, (2034,), ""),
    # a known language keeps its reading: English writes its abbreviations capitalised
    ("15 nov. 2034", "en", (), ""),
]


@pytest.mark.parametrize(("text", "language", "years", "spec"), OTHER_LANGUAGE_CASES)
def test_text_to_quarters_in_other_languages(
    text: str, language: str | None, years: tuple[int, ...], spec: str
) -> None:
    assert text_to_quarters(text, years, language) == expected(spec, years[0] if len(years) == 1 else None)


OTHER_HEADER_CASES: list[tuple[str, Period | None]] = [
    ("T2", Period((2,))),
    ("Trim 3", Period((3,))),
    ("2e trimestre", Period((2,))),
    ("Primer trimestre 2026", Period((1,), 2026)),
    ("1.º trimestre", Period((1,))),
    ("2º semestre", Period((3, 4), None, "half")),
    ("Janv.", Period((1,), None, "month")),
    ("févr.", Period((1,), None, "month")),
    ("Août", Period((3,), None, "month")),
    ("Déc. 2026", Period((4,), 2026, "month")),
    ("Ene", Period((1,), None, "month")),
    ("Dic-26", Period((4,), 2026, "month")),
    ("Fev", Period((1,), None, "month")),
    ("Set", Period((3,), None, "month")),
    ("Out", Period((4,), None, "month")),
    ("Dez", Period((4,), None, "month")),
    ("janv.-mars", Period((1,), None, "month_range")),
    ("abril a junho", Period((2,), None, "month_range")),
    ("Semaine 14", Period((2,), None, "week")),
    ("S3", Period((1,), None, "week")),
    ("Mois 7", Period((3,), None, "month")),
    ("Mes 10", Period((4,), None, "month")),
    ("Mês 2", Period((1,), None, "month")),
    ("Trim. 3", Period((3,))),
    ("Tri m. 4", Period((4,))),  # a narrow PDF cell broke the word
    ("I semestre 2027", Period((1, 2), 2027, "half")),
    ("II Semestre", Period((3, 4), None, "half")),
    ("IV trimestre", Period((4,))),
    ("IIe semestre", Period((3, 4), None, "half")),
    ("Sem. 2", None),  # a week or a half-year: not guessed
    ("1T 2027", Period((1,), 2027)),  # the number run into the quarter's letter
    ("4T", Period((4,))),
    ("3Q 2027", Period((3,), 2027)),
    ("2S 2027", Period((3, 4), 2027, "half")),
    ("1H", Period((1, 2), None, "half")),
    ("5T", None),
    ("Trimestre III", Period((3,))),  # an ordinal after the word
    ("Trim. IV 2027", Period((4,), 2027)),
    ("Semestre I", Period((1, 2), None, "half")),
    ("Semestre III", None),
    ("Ti", None),  # no space or dot: a word, not "T" and "I"
    ("1e trimestre", Period((1,))),
    # a quarter or half as its months' initials, built from each language's month names
    ("JFM", Period((1,))),
    ("EFM", Period((1,))),  # Spanish: enero, febrero, marzo
    ("A-M-J 2031", Period((2,), 2031)),
    ("J.A.S.", Period((3,))),
    ("ON D", Period((4,))),  # a narrow PDF cell broke the initials
    ("OND-30", Period((4,), 2030)),
    ("JASOND", Period((3, 4), None, "half")),
    ("EFMAMJ", Period((1, 2), None, "half")),
    ("JMF", None),  # not in their months' order
    ("FMA", None),  # no quarter's months
    ("AND", None),
]


@pytest.mark.parametrize(("header", "period"), OTHER_HEADER_CASES)
def test_header_to_period_in_other_languages(header: str, period: Period | None) -> None:
    assert header_to_period(header) == period


@pytest.mark.parametrize(
    ("origin", "number", "period"),
    [
        ("Month (M1 = January 2025)", 7, Period((3,), 2025, "month")),
        ("Mês (M1 = Abril 2026)", 1, Period((2,), 2026, "month")),
        ("Mês (M1 = Abril 2026)", 10, Period((1,), 2027, "month")),
        ("Mois (M1 = octobre)", 3, Period((4,), None, "month")),
    ],
)
def test_numbered_months_count_from_the_month_a_header_names(origin: str, number: int, period: Period) -> None:
    numbered = header_to_period(f"M{number}")
    assert numbered is not None
    found = month_origin(origin)
    assert found is not None
    assert shift_month_number(numbered, found) == period


@pytest.mark.parametrize(
    ("start", "end", "spec"),
    [
        ("2026-02-01 00:00:00", "2026-05-31 00:00:00", "2026Q1 2026Q2"),
        ("2024-11-01", "2025-02-28", "2024Q4 2025Q1"),
        ("46143", "46234", "2026Q2 2026Q3"),
        ("46143.5", "", "2026Q2"),
        ("15/07/2026", "30/09/2026", "2026Q3"),
        ("01-03-2026", "31-05-2026", "2026Q1 2026Q2"),
        ("2026/04/01", "2026/06/30", "2026Q2"),
        ("1 de octubre de 2026", "31 de marzo de 2027", "2026Q4 2027Q1"),
        ("1er juillet 2026", "31 décembre 2026", "2026Q3 2026Q4"),
        ("March 1, 2026", "June 30, 2026", "2026Q1 2026Q2"),
        ("1-Mar-26", "30-Jun-26", "2026Q1 2026Q2"),
        ("", "30/06/2026", "2026Q2"),
        ("", "", ""),
        ("12345", "", ""),
    ],
)
def test_dates_to_quarters(start: str, end: str, spec: str) -> None:
    assert dates_to_quarters(start, end, [2026]) == expected(spec)


# ---------------------------------------------------------------- every word of the [periods] and [marks] tables

ENGLISH_PERIOD_KEYS = ("quarter_letter", "quarter", "half", "of", "list", "deadline", "ongoing")


def period_entries(*keys: str) -> list[tuple[str, str, str]]:
    """(language, key, word) for every word under the keys, in every language."""
    return [
        (language, key, word)
        for language in LANGUAGES
        for key in keys
        for word in vocabulary(language).get("periods", {}).get(key, [])
    ]


def written(word: str) -> str:
    """A vocabulary phrase as text: "*" as a word, a stem as a whole word ("throughout 20*": "2026")."""
    return " ".join("two" if token == "*" else token.replace("*", "26") for token in word.split())


def first_word(language: str, key: str) -> str:
    """The first word of a [periods] key in a language, else in English."""
    words = vocabulary(language)["periods"].get(key) or vocabulary("en")["periods"][key]
    return written(words[0])


@pytest.mark.parametrize(("language", "key", "word"), period_entries(*MONTH_KEYS))
def test_every_month_word(language: str, key: str, word: str) -> None:
    quarter = month_to_quarter(MONTH_KEYS.index(key) + 1)
    assert header_to_period(word) == Period((quarter,), None, "month")
    assert text_to_quarters(f"{word.capitalize()} 2026", (), language) == [Quarter(2026, quarter, "text")]


@pytest.mark.parametrize(("language", "key", "word"), period_entries(*ORDINAL_KEYS))
def test_every_ordinal_word(language: str, key: str, word: str) -> None:
    number = ORDINAL_KEYS.index(key) + 1
    text = f"{word} {first_word(language, 'quarter')}"
    assert header_to_period(text) == Period((number,))
    assert text_to_quarters(text, [2026], language) == [Quarter(2026, number, "text")]


@pytest.mark.parametrize(
    ("language", "key", "word"), period_entries("quarter_letter", "quarter", "half_letter", "half", "week", "month")
)
def test_every_word_of_a_numbered_period(language: str, key: str, word: str) -> None:
    number = {"quarter_letter": 3, "quarter": 3, "half_letter": 2, "half": 1, "week": 14, "month": 7}[key]
    quarters = {"quarter_letter": (3,), "quarter": (3,), "half_letter": (3, 4), "half": (1, 2)}.get(key, (3,))
    period = header_to_period(f"{word}{number}")
    assert period is not None and period.quarters == ((2,) if key == "week" else quarters)
    if key not in ("week", "month"):  # weeks and numbered months are read in column headers only
        found = text_to_quarters(f"{word} {number}" if len(word) > 1 else f"{word}{number}", [2026], language)
        assert [q.quarter for q in found] == list(quarters)


@pytest.mark.parametrize(("language", "key", "word"), period_entries("of", "of_the_year"))
def test_every_word_before_a_year(language: str, key: str, word: str) -> None:
    ordinal, half = first_word(language, "first"), first_word(language, "half")
    text = f"{ordinal} {half} {word} 2024" if key == "of" else f"{ordinal} {half} {word}"
    assert text_to_quarters(text, [2026], language) == expected("2024Q1 2024Q2" if key == "of" else "2026Q1 2026Q2")


@pytest.mark.parametrize(("language", "key", "word"), period_entries("range", "list", "between"))
def test_every_word_between_two_periods(language: str, key: str, word: str) -> None:
    text = {
        "range": f"Q1 {word} Q3",
        "list": f"Q1 {word} Q3",
        "between": f"{word} Q1 {first_word(language, 'list')} Q3",
    }[key]
    assert text_to_quarters(text, [2026], language) == expected("Q1 Q3" if key == "list" else "Q1 Q2 Q3", 2026)


@pytest.mark.parametrize(("language", "key", "word"), period_entries("deadline", "deadline_part"))
def test_every_deadline_word(language: str, key: str, word: str) -> None:
    text = f"{word} Q3" if key == "deadline" else f"{first_word(language, 'deadline')} {word} Q3"
    assert text_to_quarters(text, [2026], language) == expected("Q1~ Q2~ Q3~", 2026)


@pytest.mark.parametrize(("language", "key", "word"), period_entries("onwards", "starting"))
def test_every_word_of_work_that_runs_on(language: str, key: str, word: str) -> None:
    text = f"Q2 {word}" if key == "onwards" else f"{word} Q2"
    assert text_to_quarters(text, [2026], language) == expected("Q2 Q3~ Q4~", 2026)


@pytest.mark.parametrize(("language", "key", "word"), period_entries("mid", "early", "late"))
def test_every_vague_part_of_a_year(language: str, key: str, word: str) -> None:
    months = {"mid": "2026Q2~ 2026Q3~", "early": "2026Q1~", "late": "2026Q4~"}[key]
    assert text_to_quarters(f"{word} 2026", (), language) == expected(months)


@pytest.mark.parametrize(("language", "key", "word"), period_entries("mid_year", "year_start", "year_end"))
def test_every_yearless_part_of_a_year(language: str, key: str, word: str) -> None:
    months = {"mid_year": "Q2~ Q3~", "year_start": "Q1~", "year_end": "Q4~"}[key]
    assert text_to_quarters(word, [2026], language) == expected(months, 2026)


@pytest.mark.parametrize(("language", "key", "word"), period_entries("spring", "summer", "autumn", "winter"))
def test_every_season_word(language: str, key: str, word: str) -> None:
    quarter = {"spring": 2, "summer": 3, "autumn": 4, "winter": 1}[key]
    assert text_to_quarters(f"{word} 2026", (), language) == [Quarter(2026, quarter, "inferred")]


@pytest.mark.parametrize(("language", "key", "word"), period_entries("season_context"))
def test_every_word_that_makes_a_season(language: str, key: str, word: str) -> None:
    deadline = word in vocabulary(language)["periods"]["deadline"]  # "by summer": from January up to it
    assert text_to_quarters(f"{word} summer", [2026], language) == expected("Q1~ Q2~ Q3~" if deadline else "Q3~", 2026)


@pytest.mark.parametrize(
    ("language", "key", "word"), period_entries("all_year", "ongoing", "ongoing_after", "ongoing_before")
)
def test_every_all_year_word(language: str, key: str, word: str) -> None:
    ongoing = first_word(language, "ongoing")
    text = {
        "all_year": f"Meetings {written(word)}",
        "ongoing": written(word),
        "ongoing_after": f"Work {word} {ongoing}",
        "ongoing_before": f"Work {ongoing} {word} the response",
    }[key]
    assert text_to_quarters(text, [2026], language) == expected(ALL_YEAR, 2026)


@pytest.mark.parametrize(("language", "key", "word"), period_entries("undecided"))
def test_every_undecided_word_names_no_quarter(language: str, key: str, word: str) -> None:
    assert text_to_quarters(word, [2026], language) == []
    assert text_to_quarters(word.upper(), [2026], language) == []


@pytest.mark.parametrize(("language", "key", "word"), period_entries("ambiguous_months"))
def test_every_ambiguous_month_word(language: str, key: str, word: str) -> None:
    quarter = next(
        month_to_quarter(MONTH_KEYS.index(k) + 1) for k in MONTH_KEYS if word in vocabulary(language)["periods"][k]
    )
    assert text_to_quarters(word.capitalize(), [2026], language) == [Quarter(2026, quarter, "text")]
    other = next(lang for lang in LANGUAGES if lang != language and word not in period_entries_of(lang))
    assert text_to_quarters(f"{word.capitalize()} the plan", [2026], other) == []


def period_entries_of(language: str) -> set[str]:
    """Every month word of one language."""
    return {word for key in MONTH_KEYS for word in vocabulary(language)["periods"].get(key, [])}


@pytest.mark.parametrize(
    ("language", "tick"),
    [(language, tick) for language in LANGUAGES for tick in vocabulary(language)["marks"]["ticks"]],
)
def test_every_mark(language: str, tick: str) -> None:
    assert is_mark(tick)
    assert is_mark(f" {tick.capitalize()} ")
    assert marks_to_quarters(["Q1", "T2", "Jan", "Set"], [tick, "", tick, tick], [2026]) == [
        Quarter(2026, 1, "mark"),
        Quarter(2026, 3, "mark"),
    ]


def test_every_period_key_is_read() -> None:
    """No [periods] key of any language is left unread by the code (nor tested above)."""
    read = {*MONTH_KEYS, *ORDINAL_KEYS, *ENGLISH_PERIOD_KEYS, "half_letter", "week", "month", "of_the_year", "range",
            "between", "deadline_part", "onwards", "starting", "mid", "early", "late", "mid_year", "year_start",
            "year_end", "spring", "summer", "autumn", "winter", "season_context", "all_year", "ongoing_after",
            "ongoing_before", "undecided", "ambiguous_months"}  # fmt: skip
    for language in LANGUAGES:
        assert set(vocabulary(language)["periods"]) <= read, language


@settings(deadline=None, max_examples=60)
@given(
    st.sampled_from(["fr", "es", "pt"]),
    st.integers(1, 12),
    st.integers(1, 12),
    st.sampled_from(["–", "-", " - "]),
    st.data(),
)
def test_month_ranges_in_other_languages_are_contiguous(
    language: str, a: int, b: int, dash: str, data: st.DataObject
) -> None:
    low, high = min(a, b), max(a, b)
    names = vocabulary(language)["periods"]
    first = data.draw(st.sampled_from(names[MONTH_KEYS[low - 1]]))
    last = data.draw(st.sampled_from(names[MONTH_KEYS[high - 1]]))
    found = text_to_quarters(f"{first}{dash}{last} 2026", (), language)
    assert [q.quarter for q in found] == list(range(month_to_quarter(low), month_to_quarter(high) + 1))
    assert all(q.year == 2026 for q in found)


@settings(deadline=None, max_examples=60)
@given(
    st.sampled_from(LANGUAGES),
    st.integers(1, 4),
    st.integers(1, 4),
    st.data(),
)
def test_quarter_ranges_in_every_language_are_contiguous(language: str, a: int, b: int, data: st.DataObject) -> None:
    low, high = min(a, b), max(a, b)
    periods = vocabulary(language)["periods"]
    letter = data.draw(st.sampled_from(periods["quarter_letter"])).upper()
    joiner = data.draw(st.sampled_from([*periods["range"], "-", "–"]))
    found = text_to_quarters(f"{letter}{low} {joiner} {letter}{high}", [2026], language)
    assert [q.quarter for q in found] == list(range(low, high + 1))


@settings(deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["T2", "T4", " et ", " y ", " e ", " a ", " à ", "janv.", "marzo", "Set", "Out", "d'ici fin ", "2025",
             "en continu", "1er trimestre", "2º semestre", "–", "por definir", " de ", "mi-", "S3"]
        )
    ),
    st.sampled_from([None, *LANGUAGES]),
)  # fmt: skip
def test_no_quarter_outside_one_to_four(parts: list[str], language: str | None) -> None:
    found = text_to_quarters("".join(parts), [2025], language)
    assert all(1 <= q.quarter <= 4 for q in found)
    keys = [(q.year is None, q.year or 0, q.quarter) for q in found]
    assert keys == sorted(set(keys))


@pytest.mark.parametrize(
    ("cells", "months"),
    [
        (["Activity", *"JFMAMJJASOND"], dict(zip(range(1, 13), range(1, 13), strict=True))),
        ([*"JASOND", "Lead"], dict(zip(range(6), range(7, 13), strict=True))),  # a half year from July
        (["E.", "F.", "M.", "A.", "M.", "J."], dict(zip(range(6), range(1, 7), strict=True))),  # Spanish, dotted
        ([*"JFMAM"], {}),  # too short a run to tell
        ([*"JJJJJJ"], {}),  # no calendar order
        (["A", "B", "C", "D", "E", "F"], {}),
    ],
)
def test_single_initials_in_calendar_order_are_months(cells: list[str], months: dict[int, int]) -> None:
    assert single_initial_months(cells) == months


@pytest.mark.parametrize(
    ("text", "budgeted"),
    [
        ("12,500", True),
        ("$ 4 000", True),
        ("USD 3.2k", True),
        ("25%", True),
        ("0.35", True),
        ("18.500 Bs", True),
        ("0", False),
        ("0%", False),
        ("0.00", False),
        ("15/03", False),
        ("Q2", False),
        ("n/a", False),
    ],
)
def test_an_amount_or_share_not_zero_budgets_its_period(text: str, budgeted: bool) -> None:
    assert is_amount(text) is budgeted
