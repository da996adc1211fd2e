"""`workplans report`: a self-contained HTML summary, checked as written and as rendered by headless Chromium."""

from __future__ import annotations

import re
import shutil
import subprocess
from html import escape
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.ingest import ingest
from pipeline.report_charts import MAX_GAP_QUARTERS, Bar, PriorityRow, continuous_quarters, sector_rows

FIXTURE_FILES = 3
TITLES = ("2020 LCRP- Child Protection Sector Workplan", "Protection Sector Workplan 2024")
# A lead of tests/fixtures/text/hostile-cells.tsv that no registry knows, so the review queue shows it.
HOSTILE_TEXT = "Zephyr <i>Relief</i> Collective"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
CHROMIUM_TIMEOUT = 300  # seconds; a cold start on a loaded CI machine takes several
FETCHING = re.compile(r"<script|<link|<img|<iframe|\ssrc=|\shref=|url\(|@import", re.IGNORECASE)


class DomFacts(HTMLParser):
    """What the tests look for in a page: the chart's bars, the headline counts and the visible text."""

    def __init__(self) -> None:
        super().__init__()
        self.bars: dict[str, int] = {}
        self.gaps: list[str] = []
        self.slots: list[str] = []  # every quarter of the axis in order, busy or empty
        self.priorities: dict[tuple[str, str], int] = {}
        self.counts: dict[str, str] = {}
        self.text: list[str] = []
        self._count_id: str | None = None
        self._in_strong = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "rect" and found.get("class") == "bar":
            self.bars[found["data-label"] or ""] = int(found["data-count"] or 0)
        if tag == "rect" and found.get("class") == "gap":
            self.gaps.append(found["data-label"] or "")
        if tag == "rect" and found.get("class") in ("bar", "gap"):
            self.slots.append(found["data-label"] or "")
        if tag == "rect" and found.get("class") == "pbar":
            self.priorities[(found["data-sector"] or "", found["data-priority"] or "")] = int(found["data-count"] or 0)
        if tag == "li" and (found.get("id") or "").startswith("count-"):
            self._count_id = (found["id"] or "").removeprefix("count-")
        self._in_strong = tag == "strong" and self._count_id is not None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._in_strong and self._count_id:
            self.counts[self._count_id] = data.strip()
            self._count_id, self._in_strong = None, False


@pytest.fixture(scope="module")
def page(database: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report, written by the command."""
    out = tmp_path_factory.mktemp("report-out") / "summary.html"
    result = CliRunner().invoke(app, ["report", "--db", str(database), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def facts(html: str) -> DomFacts:
    """Parse a page."""
    parser = DomFacts()
    parser.feed(html)
    return parser


def expected_bars(database: Path) -> dict[str, int]:
    """Activities per quarter label, from the timeline view."""
    with duckdb.connect(str(database), read_only=True) as con:
        found = con.execute(
            "SELECT COALESCE(period, 'Q' || quarter), COUNT(DISTINCT activity_id) FROM activity_timeline "
            "WHERE quarter IS NOT NULL GROUP BY 1"
        ).fetchall()
    return {label: count for label, count in found}


def test_report_is_self_contained_and_escapes_document_text(page: Path) -> None:
    html = page.read_text(encoding="utf-8")
    assert not FETCHING.search(html)
    assert "<style>" in html and "<svg" in html
    assert HOSTILE_TEXT not in html and "<i>" not in html and "<b>" not in html
    assert escape(HOSTILE_TEXT) in html


def test_report_lists_documents_chart_and_counts(page: Path, database: Path) -> None:
    found = facts(page.read_text(encoding="utf-8"))
    text = " ".join(found.text)
    assert all(title in text for title in TITLES)
    assert found.bars == expected_bars(database)
    assert found.counts["documents"] == str(FIXTURE_FILES)


@pytest.mark.slow
def test_report_renders_in_headless_chromium(page: Path, database: Path, tmp_path: Path) -> None:
    browser = shutil.which("chromium") or (str(CHROMIUM) if CHROMIUM.exists() else None)
    if browser is None:
        pytest.skip("chromium is not installed (.ci/run installs it)")
    rendered = subprocess.run(
        [browser, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=CHROMIUM_TIMEOUT,
        check=True,
    ).stdout
    found = facts(rendered)
    text = " ".join(found.text)
    assert all(title in text for title in TITLES)
    assert found.bars == expected_bars(database) and len(found.bars) >= 4
    with duckdb.connect(str(database), read_only=True) as con:
        activities = con.execute("SELECT COUNT(*) FROM activities").fetchone()
    assert activities is not None
    assert found.counts == {
        "documents": str(FIXTURE_FILES),
        "plans": str(FIXTURE_FILES),
        "activities": str(activities[0]),
        "actors": found.counts["actors"],
        "mentions-to-review": found.counts["mentions-to-review"],
        "ingest-errors": "0",
    }
    assert "Activities by quarter" in text and "Top leads" in text and "Review queue, by mention" in text
    assert found.priorities == expected_priorities(database)
    assert HOSTILE_TEXT in text  # shown as text, not markup


def expected_priorities(database: Path) -> dict[tuple[str, str], int]:
    """Activities per sector and priority, from the cross_sector view (each fixture has few priorities)."""
    with duckdb.connect(str(database), read_only=True) as con:
        found = con.execute(
            "SELECT COALESCE(sector, plan, title, 'no sector'), COALESCE(priority, '(no priority stated)'), COUNT(*) "
            "FROM cross_sector GROUP BY ALL"
        ).fetchall()
    return {(sector, priority): count for sector, priority, count in found}


def quarter_number(label: str) -> int:
    """A '2020Q3' label's place on a continuous quarter axis."""
    year, quarter = label.split("Q")
    return int(year) * 4 + int(quarter) - 1


def test_quarter_axis_shows_empty_quarters_as_gaps(tmp_path: Path) -> None:
    plan = tmp_path / "gappy-plan-2024.tsv"
    plan.write_text(
        "Activity\tLead\tTimeline\nTrain caseworkers\tUNICEF\tQ1 2024\nMap services\tUNHCR\tQ3 2024\n"
        "Review referral pathways\tIRC\tQ4 2024\n",
        encoding="utf-8",
    )
    ingest([plan], tmp_path / "gappy.duckdb", isolate=False)
    out = tmp_path / "gappy.html"
    assert CliRunner().invoke(app, ["report", "--db", str(tmp_path / "gappy.duckdb"), "--out", str(out)]).exit_code == 0
    found = facts(out.read_text(encoding="utf-8"))
    assert found.bars == {"2024Q1": 1, "2024Q3": 1, "2024Q4": 1}
    assert found.gaps == ["2024Q2"] and found.slots == ["2024Q1", "2024Q2", "2024Q3", "2024Q4"]


def test_the_fixtures_axis_has_no_quarter_left_out(page: Path) -> None:
    found = facts(page.read_text(encoding="utf-8"))
    dated = [quarter_number(label) for label in found.slots if not label.startswith("Q")]
    steps = [after - before for before, after in zip(dated, dated[1:], strict=False)]
    assert steps and all(step == 1 or step > MAX_GAP_QUARTERS + 1 for step in steps)  # a gap, or a long break


def test_continuous_quarters_fills_short_silences_and_breaks_long_ones() -> None:
    bars = [Bar(4, 2019, 3), Bar(2, 2020, 5), Bar(1, 2030, 1), Bar(2, None, 4)]
    slots = continuous_quarters(bars)
    assert [(bar.label, bar.count) for bar in slots if not bar.is_break] == [
        ("Q2", 4),
        ("2019Q4", 3),
        ("2020Q1", 0),
        ("2020Q2", 5),
        ("2030Q1", 1),
    ]
    assert [bar.is_break for bar in slots] == [False, False, False, False, True, False]


def test_priority_rows_keep_each_sectors_busiest_and_sum_the_rest() -> None:
    rows = [PriorityRow("Health", f"P{index}", index) for index in range(1, 12)] + [PriorityRow("WASH", "W", 2)]
    shown = sector_rows(rows)
    health = [row for row in shown if row.sector == "Health"]
    assert [row.count for row in health] == [11, 10, 9, 8, 7, 6, 5, 4, 6]
    assert health[-1].priority == "3 more priorities" and shown[-1] == PriorityRow("WASH", "W", 2)


def test_review_queue_is_grouped_by_mention(page: Path, database: Path) -> None:
    html = page.read_text(encoding="utf-8")
    queue = html.split("Review queue, by mention", 1)[1].split("</table>", 1)[0]
    with duckdb.connect(str(database), read_only=True) as con:
        expected = con.execute(
            "SELECT raw, COUNT(*), COUNT(DISTINCT document_id) FROM review_queue GROUP BY raw"
        ).fetchall()
    assert expected
    for raw, mentions, documents in expected:
        assert queue.count(f"<td>{escape(raw)}</td>") == 1
        assert f"<td>{escape(raw)}</td>" in queue and f'<td class="num">{mentions}</td>' in queue
        assert documents >= 1


def test_each_document_has_a_quality_column(page: Path) -> None:
    html = page.read_text(encoding="utf-8")
    documents = html.split("Plans and documents", 1)[1].split("</table>", 1)[0]
    assert "<th>quality</th>" in documents
    assert documents.count("confidence ") == FIXTURE_FILES
