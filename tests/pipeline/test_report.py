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

FIXTURES = Path(__file__).parents[1] / "fixtures" / "text"
FIXTURE_FILES = 3
TITLES = ("2020 LCRP- Child Protection Sector Workplan", "Protection Sector Workplan 2024")
# An activity of tests/fixtures/text/hostile-cells.tsv whose lead is unresolved, so the review queue shows it.
HOSTILE_TEXT = "@Map service providers & <b>referral</b> points"
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
        self.counts: dict[str, str] = {}
        self.text: list[str] = []
        self._count_id: str | None = None
        self._in_strong = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "rect" and "bar" in (found.get("class") or ""):
            self.bars[found["data-label"] or ""] = int(found["data-count"] or 0)
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
    assert HOSTILE_TEXT not in html and "<b>" not in html
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
        "activities": str(activities[0]),
        "actors": found.counts["actors"],
        "to-review": found.counts["to-review"],
        "ingest-errors": "0",
    }
    assert "Activities by quarter" in text and "Top leads" in text and "Review queue" in text
    assert HOSTILE_TEXT in text  # shown as text, not markup
