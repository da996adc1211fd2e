"""A self-contained HTML summary of the database: inline CSS and SVG, no script, nothing fetched."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

import duckdb
import pandas as pd

from pipeline.export import open_migrated

TOP_LEADS = 15  # enough to show who carries the load without a long tail of one-off mentions
REVIEW_ROWS = 100  # the review queue shown; the rest is counted ("and N more")
# Chart geometry in SVG user units (px): a bar per quarter, its count above and a two-line label below.
BAR_WIDTH = 44
BAR_GAP = 14
CHART_HEIGHT = 180
CHART_TOP = 22
LABEL_SPACE = 36
AXIS_LEFT = 10

CSS = """
body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; color: #1d2733; padding: 0 1rem; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #d5dbe1; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; }
th { background: #eef2f5; } tr:nth-child(even) td { background: #f8fafb; } td.num { text-align: right; }
.counts { display: flex; gap: 1rem; flex-wrap: wrap; list-style: none; padding: 0; }
.counts li { background: #eef2f5; border-radius: .4rem; padding: .6rem 1rem; }
.counts strong { display: block; font-size: 1.4rem; }
svg { max-width: 100%; height: auto; } svg .bar { fill: #1f6fb2; } svg text { font-size: 11px; fill: #1d2733; }
.muted { color: #5b6875; }
"""

COUNTS_SQL = {
    "documents": "SELECT COUNT(*) FROM documents",
    "activities": "SELECT COUNT(*) FROM activities",
    "actors": "SELECT COUNT(DISTINCT actor_id) FROM activity_actors",
    "to review": "SELECT COUNT(*) FROM review_queue",
    "ingest errors": "SELECT COUNT(*) FROM ingest_errors",
}
DOCUMENTS_SQL = """
SELECT d.title, d.sector, d.plan, d.year, d.format, COUNT(a.activity_id) AS activities, d.path
FROM documents AS d LEFT JOIN activities AS a USING (document_id)
GROUP BY ALL ORDER BY d.year NULLS LAST, d.title
"""
QUARTERS_SQL = """
SELECT year, quarter, COUNT(DISTINCT activity_id) AS activities
FROM activity_timeline WHERE quarter IS NOT NULL
GROUP BY year, quarter ORDER BY year NULLS FIRST, quarter
"""
TOP_LEADS_SQL = f"""
SELECT actor, actor_type, CAST(SUM(led) AS INTEGER) AS led, CAST(SUM(partnered) AS INTEGER) AS partnered
FROM actor_load GROUP BY actor_id, actor, actor_type HAVING SUM(led) > 0
ORDER BY led DESC, actor LIMIT {TOP_LEADS}
"""
REVIEW_SQL = f"""
SELECT title, raw, role, method, ROUND(score) AS score, best_suggestion, activity
FROM review_queue ORDER BY title, raw LIMIT {REVIEW_ROWS}
"""
ERRORS_SQL = "SELECT path, error, message, failed_at FROM ingest_errors ORDER BY failed_at, path"


@dataclass(frozen=True)
class Bar:
    """One bar of the quarter chart."""

    quarter: int
    year: int | None
    count: int

    @property
    def label(self) -> str:
        """'2025Q1', or 'Q1' when the document names no year."""
        return f"{self.year}Q{self.quarter}" if self.year is not None else f"Q{self.quarter}"


def cell_text(value: object) -> str:
    """A value as escaped cell text; missing values are blank."""
    if value is None or pd.isna(value):
        return ""
    return escape(str(value))


def html_table(frame: pd.DataFrame, numeric: tuple[str, ...] = ()) -> str:
    """A DataFrame as an escaped HTML table; columns named in `numeric` are right-aligned."""
    if frame.empty:
        return '<p class="muted">None.</p>'
    head = "".join(f"<th>{escape(str(column))}</th>" for column in frame.columns)
    rows = "".join(
        "<tr>"
        + "".join(
            f'<td class="num">{cell_text(value)}</td>' if column in numeric else f"<td>{cell_text(value)}</td>"
            for column, value in zip(frame.columns, row, strict=True)
        )
        + "</tr>"
        for row in frame.itertuples(index=False)
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def quarter_bars(con: duckdb.DuckDBPyConnection) -> list[Bar]:
    """Distinct activities per (year, quarter), year-less quarters first."""
    return [
        Bar(int(quarter), None if year is None else int(year), int(count))
        for year, quarter, count in con.execute(QUARTERS_SQL).fetchall()
    ]


def bar_svg(bar: Bar, index: int, tallest: int) -> str:
    """One bar with its count above and its quarter and year below."""
    height = round(CHART_HEIGHT * bar.count / tallest) if tallest else 0
    x = AXIS_LEFT + index * (BAR_WIDTH + BAR_GAP)
    y = CHART_TOP + CHART_HEIGHT - height
    middle = x + BAR_WIDTH / 2
    base = CHART_TOP + CHART_HEIGHT
    year = str(bar.year) if bar.year is not None else "no year"
    return (
        f"<g><title>{escape(bar.label)}: {bar.count} activities</title>"
        f'<rect class="bar" x="{x}" y="{y}" width="{BAR_WIDTH}" height="{height}" '
        f'data-label="{escape(bar.label)}" data-count="{bar.count}"/>'
        f'<text x="{middle}" y="{y - 4}" text-anchor="middle">{bar.count}</text>'
        f'<text x="{middle}" y="{base + 14}" text-anchor="middle">Q{bar.quarter}</text>'
        f'<text x="{middle}" y="{base + 28}" text-anchor="middle">{escape(year)}</text></g>'
    )


def chart_svg(bars: list[Bar]) -> str:
    """An inline SVG bar chart of activities by quarter."""
    if not bars:
        return '<p class="muted">No activity states its quarters.</p>'
    tallest = max(bar.count for bar in bars)
    width = AXIS_LEFT * 2 + len(bars) * (BAR_WIDTH + BAR_GAP)
    height = CHART_TOP + CHART_HEIGHT + LABEL_SPACE
    base = CHART_TOP + CHART_HEIGHT
    body = "".join(bar_svg(bar, index, tallest) for index, bar in enumerate(bars))
    return (
        f'<svg id="quarter-chart" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="Activities by quarter">'
        f'<line x1="{AXIS_LEFT / 2}" y1="{base}" x2="{width - AXIS_LEFT / 2}" y2="{base}" stroke="#5b6875"/>'
        f"{body}</svg>"
    )


def counts_html(con: duckdb.DuckDBPyConnection) -> str:
    """The headline figures as a list."""
    items = []
    for label, sql in COUNTS_SQL.items():
        row = con.execute(sql).fetchone()
        value = row[0] if row else 0
        items.append(f'<li id="count-{label.replace(" ", "-")}"><strong>{value}</strong>{escape(label)}</li>')
    return f'<ul class="counts">{"".join(items)}</ul>'


def review_note(con: duckdb.DuckDBPyConnection) -> str:
    """How many review rows the page leaves out, if any."""
    row = con.execute("SELECT COUNT(*) FROM review_queue").fetchone()
    hidden = (row[0] if row else 0) - REVIEW_ROWS
    return f'<p class="muted">and {hidden} more: see the review_queue view.</p>' if hidden > 0 else ""


def section(title: str, body: str) -> str:
    """An h2 and its content."""
    return f"<section><h2>{escape(title)}</h2>{body}</section>"


def report_html(con: duckdb.DuckDBPyConnection) -> str:
    """The whole page."""

    def frame(sql: str) -> pd.DataFrame:
        return con.execute(sql).df()

    sections = [
        counts_html(con),
        section("Documents", html_table(frame(DOCUMENTS_SQL), numeric=("year", "activities"))),
        section("Activities by quarter", chart_svg(quarter_bars(con))),
        section("Top leads", html_table(frame(TOP_LEADS_SQL), numeric=("led", "partnered"))),
        section("Review queue", html_table(frame(REVIEW_SQL), numeric=("score",)) + review_note(con)),
        section("Ingest errors", html_table(frame(ERRORS_SQL))),
    ]
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Workplans summary</title><style>{CSS}</style></head>"
        f"<body><h1>Workplans summary</h1>{''.join(sections)}</body></html>\n"
    )


def write_report(db_path: Path, out: Path) -> Path:
    """Write the HTML summary of the database to `out`."""
    con = open_migrated(db_path)
    try:
        page = report_html(con)
    finally:
        con.close()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    return out
