"""A self-contained HTML summary of the database: inline CSS and SVG, no script, nothing fetched."""

from __future__ import annotations

from html import escape
from pathlib import Path

import duckdb
import pandas as pd

from pipeline.export import open_migrated
from pipeline.report_charts import NO_PRIORITY, Bar, PriorityRow, priorities_svg, quarter_chart_svg

TOP_LEADS = 15  # enough to show who carries the load without a long tail of one-off mentions
REVIEW_ROWS = 100  # the review queue shown; the rest is counted ("and N more")
CSS = """
body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; color: #1d2733; padding: 0 1rem; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #d5dbe1; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; }
th { background: #eef2f5; } tr:nth-child(even) td { background: #f8fafb; } td.num { text-align: right; }
.counts { display: flex; gap: 1rem; flex-wrap: wrap; list-style: none; padding: 0; }
.counts li { background: #eef2f5; border-radius: .4rem; padding: .6rem 1rem; }
.counts strong { display: block; font-size: 1.4rem; }
svg { max-width: 100%; height: auto; } svg .bar, svg .pbar { fill: #1f6fb2; }
svg text { font-size: 11px; fill: #1d2733; } svg .gap { fill: none; stroke: #b8c2cc; stroke-dasharray: 3 3; }
svg .sector { font-weight: 600; font-size: 12px; }
.muted { color: #5b6875; }
"""

COUNTS_SQL = {
    "documents": "SELECT COUNT(*) FROM documents",
    "plans": "SELECT COUNT(*) FROM plans",
    "activities": "SELECT COALESCE(SUM(activities), 0) FROM plans",
    "actors": "SELECT COUNT(DISTINCT actor_id) FROM activity_actors",
    # as the ingest summary, `resolve` and `review` count them (every copy's, as review settles them all)
    "actor mentions to review": "SELECT COUNT(*) FROM review_queue",
    "ingest errors": "SELECT COUNT(*) FROM ingest_errors",
}
# Per document: its plan (a copy names the primary), its activities, and its quality: the lowest reading
# confidence of its workplan tables and the kinds of its warnings.
DOCUMENTS_SQL = """
WITH quality AS (
    SELECT document_id, MIN(confidence) AS confidence FROM raw_tables GROUP BY 1
),
warnings AS (
    SELECT d.document_id, STRING_AGG(DISTINCT e.error, ', ' ORDER BY e.error) AS warnings
    FROM documents AS d JOIN ingest_errors AS e ON e.sha256 = d.sha256 GROUP BY 1
),
counts AS (SELECT document_id, COUNT(*) AS activities FROM activities GROUP BY 1)
SELECT d.title, d.sector, d.plan, d.year, d.format, COALESCE(c.activities, 0) AS activities,
       CASE WHEN COALESCE(d.is_primary, TRUE) THEN '' ELSE 'copy of ' || p.path END AS counted,
       CONCAT_WS('; ', 'confidence ' || printf('%.2f', q.confidence), w.warnings) AS quality,
       d.path
FROM documents AS d
LEFT JOIN counts AS c USING (document_id)
LEFT JOIN quality AS q USING (document_id)
LEFT JOIN warnings AS w USING (document_id)
LEFT JOIN plans AS p ON p.plan_id = COALESCE(d.plan_group, d.document_id)
ORDER BY d.year NULLS LAST, d.title, COALESCE(d.is_primary, TRUE) DESC, d.path
"""
QUARTERS_SQL = """
SELECT year, quarter, COUNT(DISTINCT activity_id) AS activities
FROM activity_timeline WHERE quarter IS NOT NULL
GROUP BY year, quarter ORDER BY year NULLS FIRST, quarter
"""
PRIORITIES_SQL = f"""
SELECT COALESCE(sector, plan, title, 'no sector') AS sector, COALESCE(priority, '{NO_PRIORITY}') AS priority,
       COUNT(*) AS activities
FROM cross_sector GROUP BY ALL ORDER BY sector, activities DESC, priority
"""
TOP_LEADS_SQL = f"""
SELECT actor, actor_type, CAST(SUM(led) AS INTEGER) AS led, CAST(SUM(partnered) AS INTEGER) AS partnered
FROM actor_load GROUP BY actor_id, actor, actor_type HAVING SUM(led) > 0
ORDER BY led DESC, actor LIMIT {TOP_LEADS}
"""
# The review queue by mention: one decision settles a mention's text everywhere it stands.
REVIEW_SQL = f"""
SELECT raw AS mention, STRING_AGG(DISTINCT role, ', ' ORDER BY role) AS roles,
       STRING_AGG(DISTINCT method, ', ' ORDER BY method) AS method, COUNT(*) AS mentions,
       COUNT(DISTINCT document_id) AS documents, STRING_AGG(DISTINCT title, '; ' ORDER BY title) AS titles,
       ANY_VALUE(best_suggestion) AS best_suggestion
FROM review_queue GROUP BY raw ORDER BY mentions DESC, raw LIMIT {REVIEW_ROWS}
"""
ERRORS_SQL = "SELECT path, error, message, failed_at FROM ingest_errors ORDER BY failed_at, path"


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


def priority_rows(con: duckdb.DuckDBPyConnection) -> list[PriorityRow]:
    """Activities per sector and priority, each plan counted once."""
    return [
        PriorityRow(str(sector), str(priority), int(count))
        for sector, priority, count in con.execute(PRIORITIES_SQL).fetchall()
    ]


def counts_html(con: duckdb.DuckDBPyConnection) -> str:
    """The headline figures as a list."""
    items = []
    for label, sql in COUNTS_SQL.items():
        row = con.execute(sql).fetchone()
        value = row[0] if row else 0
        items.append(f'<li id="count-{label.replace(" ", "-")}"><strong>{value}</strong>{escape(label)}</li>')
    return f'<ul class="counts">{"".join(items)}</ul>'


def review_note(con: duckdb.DuckDBPyConnection) -> str:
    """How many mentions to review the page leaves out, if any."""
    row = con.execute("SELECT COUNT(DISTINCT raw) FROM review_queue").fetchone()
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
        section("Plans and documents", html_table(frame(DOCUMENTS_SQL), numeric=("year", "activities"))),
        section("Priorities by sector", priorities_svg(priority_rows(con))),
        section("Activities by quarter", quarter_chart_svg(quarter_bars(con))),
        section("Top leads", html_table(frame(TOP_LEADS_SQL), numeric=("led", "partnered"))),
        section(
            "Review queue, by mention",
            html_table(frame(REVIEW_SQL), numeric=("mentions", "documents")) + review_note(con),
        ),
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
