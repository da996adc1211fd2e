"""The `workplans` command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console

from extractors import extract
from extractors.model import ExtractionError
from pipeline import settings
from pipeline.limits import DEFAULT_MAX_FILE_MB, DEFAULT_MAX_MEMORY_MB, DEFAULT_MAX_PAGES, DEFAULT_MAX_SECONDS, Limits
from pipeline.review_cli import resolve, review

if TYPE_CHECKING:
    import duckdb

    from pipeline.summary import Summary

app = typer.Typer(
    help=(
        "Turn humanitarian coordination workplans (PDF, DOCX, PPTX, XLSX, CSV/TSV/text) into one DuckDB "
        "database: activities with their priority, leads, partners, quarters and status, each traceable to "
        "its document, page, table and row.\n\n"
        'Start with:  workplans ingest data/samples   then   workplans query "select * from activities limit 5"'
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="markdown",
)
err = Console(stderr=True)
out = Console()

# Heavy modules (duckdb, pandas, spaCy) are imported inside the commands: `tables` must start fast.
DB_OPTION = typer.Option(settings.DEFAULT_DB, "--db", help="The DuckDB database file.")


@app.callback()
def main() -> None:
    """workplans: extract, normalize and load workplans; query what was loaded."""


app.command()(review)
app.command()(resolve)


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(..., help="Files or folders (recursed). The format is told from the bytes."),
    db_path: Path = DB_OPTION,
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes for extraction."),
    force: bool = typer.Option(False, "--force", help="Re-load documents already loaded (same SHA-256)."),
    max_seconds: float = typer.Option(
        DEFAULT_MAX_SECONDS, "--max-seconds", min=0.1, help="Wall time one document may take before it is stopped."
    ),
    max_mb: int = typer.Option(
        DEFAULT_MAX_MEMORY_MB, "--max-mb", min=16, help="Memory (MB) one document may take before it is stopped."
    ),
    max_pages: int = typer.Option(DEFAULT_MAX_PAGES, "--max-pages", min=1, help="Longest document read, in pages."),
    max_file_mb: float = typer.Option(
        DEFAULT_MAX_FILE_MB, "--max-file-mb", min=0.001, help="Largest file read, in MB."
    ),
    wait: float = typer.Option(
        settings.DEFAULT_WAIT_SECONDS, "--wait", min=0, help="Seconds to wait for a database another process holds."
    ),
    profile: bool = typer.Option(False, "--profile", help="Print the time spent per stage, summed over the batch."),
) -> None:
    """Load workplans into the database, each document whole or not at all.

    A document already loaded (same SHA-256) is skipped unless --force. A document that cannot be
    read, or that breaks a limit (--max-file-mb, --max-pages, --max-seconds, --max-mb), is recorded in
    `ingest_errors`, named on stderr, and the batch goes on: each document runs in a worker process, so
    a crash or a hang ends only that document. The database is held only while documents are loaded, at
    most 2 s at a stretch, so `query` can run meanwhile; a database held by another process is waited for
    up to --wait seconds. --workers N reads N documents at once: set it to the number of cores.

    Exit status: 0 all loaded or skipped, 1 some failed (or the database stayed busy), 2 bad usage.

    Example: workplans ingest ~/workplans/2023 --db plans.duckdb --workers 2
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from pipeline import db
    from pipeline.ingest import discover

    missing = [str(path) for path in paths if not path.exists()]
    if missing:
        err.print(f"error: no such file or folder: {', '.join(missing)}")
        raise typer.Exit(2)
    limits = Limits(max_file_mb=max_file_mb, max_pages=max_pages, max_seconds=max_seconds, max_memory_mb=max_mb)
    total = len(discover(paths))
    progress = Progress(
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=err,
        transient=True,
    )
    with progress:
        task = progress.add_task("", total=total)
        pages = progress.add_task("pages read", total=None)

        def advance(path: str, state: str, detail: str) -> None:
            progress.update(task, advance=1, description=f"{state}: {Path(path).name}")
            if state == "loaded" and detail:
                progress.update(pages, advance=int(detail))
            if state == "failed":
                progress.console.print(f"error: {path}: {detail}", markup=False, highlight=False, soft_wrap=True)

        try:
            summary = run_ingest(
                paths, db_path, workers=workers, force=force, limits=limits, wait_seconds=wait, on_progress=advance
            )
        except db.DatabaseBusy as error:
            err.print(f"error: {error}; try again when it has finished, or raise --wait", markup=False)
            raise typer.Exit(1) from error
    print_summary(summary, db_path)
    if profile:
        print_profile(summary)
    raise typer.Exit(1 if summary.failed else 0)


def run_ingest(paths: list[Path], db_path: Path, **options: Any) -> Summary:
    """The ingest of pipeline.ingest, imported on use."""
    from pipeline.ingest import ingest as ingest_paths

    return ingest_paths(paths, db_path, **options)


def print_summary(summary: Summary, db_path: Path) -> None:
    """One warning line per problem in a loaded document on stderr, then the closing figures."""
    for path, kind, message in summary.issues:
        err.print(f"warning: {path}: {kind}: {message}", markup=False, highlight=False, soft_wrap=True)
    err.print(
        f"{summary.loaded} loaded, {summary.skipped} skipped, {len(summary.failed)} failed; "
        f"{summary.activities} activities; {summary.to_review} actor mentions to review "
        f"(see `workplans review --db {db_path}`).",
        markup=False,
        highlight=False,
    )


def print_profile(summary: Summary) -> None:
    """Seconds per stage summed over the batch (worker stages add up across workers)."""
    from pipeline.outcome import STAGES

    total = sum(summary.timings.values()) or 1.0
    err.print("stage       seconds   share", markup=False, highlight=False)
    for stage in STAGES:
        seconds = summary.timings.get(stage, 0.0)
        err.print(f"{stage:<10} {seconds:8.3f}  {seconds / total:6.1%}", markup=False, highlight=False)


@app.command()
def tables(
    file: Path = typer.Argument(..., help="A PDF, DOCX, PPTX, XLSX or text file."),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON list: {page, index, rows} per table."),
) -> None:
    """Show the tables of FILE as extracted, before any normalization.

    A merged cell's text stands in its top-left position; the positions it covers are "".

    Example: workplans tables plan.pdf --json
    """
    try:
        document = extract(file)
    except (ExtractionError, OSError) as error:
        err.print(f"error: {file}: {getattr(error, 'message', None) or error}")
        raise typer.Exit(1) from error
    payload = [
        {"page": table.page, "index": index, "rows": table.grid()} for index, table in enumerate(document.tables)
    ]
    if as_json:
        json.dump(payload, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return
    for index, table in enumerate(document.tables):
        out.print(f"[bold]table {index}[/bold] (page {table.page})")
        for row in table.grid():
            out.print(" | ".join(cell.replace("\n", " ") for cell in row), markup=False)


@app.command()
def query(
    sql: str = typer.Argument(..., help="A read-only SQL statement."),
    db_path: Path = DB_OPTION,
    fmt: str = typer.Option("table", "--format", "-f", help="table, csv or json."),
) -> None:
    """Run read-only SQL over the database and print the result.

    Tables: documents, raw_tables, raw_cells, activities, activity_quarters, actors,
    activity_actors, ingest_errors. Statements that write are refused.

    Example: workplans query "select lead_raw, count(*) n from activities group by 1 order by n desc"
    """
    import duckdb

    from pipeline import db

    if fmt not in ("table", "csv", "json"):
        err.print("error: --format must be table, csv or json")
        raise typer.Exit(2)
    try:
        con = db.open_db(db_path, read_only=True)
    except (FileNotFoundError, db.DatabaseBusy) as error:
        err.print(f"error: {error}")
        raise typer.Exit(1) from error
    try:
        lock_down(con)
        frame = con.execute(sql).df()
    except duckdb.Error as error:
        message = str(error).splitlines()[0]
        if "read-only" in message.lower():
            message = "the database is opened read-only here: `query` runs only statements that read"
        err.print(f"error: {message}")
        raise typer.Exit(1) from error
    finally:
        con.close()
    print_frame(frame, fmt)


def lock_down(con: duckdb.DuckDBPyConnection) -> None:
    """No files read or written outside the database (COPY TO, ATTACH), and no way to undo that."""
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")


def print_frame(frame: object, fmt: str) -> None:
    """Print a DataFrame as a rich table, CSV or JSON records."""
    import pandas as pd

    assert isinstance(frame, pd.DataFrame)
    if fmt == "csv":
        from pipeline.export import csv_safe

        csv_safe(frame).to_csv(sys.stdout, index=False)
    elif fmt == "json":
        sys.stdout.write(frame.to_json(orient="records", force_ascii=False, date_format="iso") + "\n")
    else:
        from rich.table import Table as RichTable

        table = RichTable(show_lines=False)
        for column in frame.columns:
            table.add_column(str(column))
        for row in frame.itertuples(index=False):
            table.add_row(*("" if pd.isna(value) else str(value) for value in row))
        out.print(table)


@app.command()
def export(
    db_path: Path = DB_OPTION,
    fmt: str = typer.Option(..., "--format", "-f", help="csv, parquet or hxl (CSV with a hashtag row)."),
    out_dir: Path = typer.Option(..., "--out", "-o", help="The folder to write, one file per table and view."),
) -> None:
    """Write every table and view to --out, one file each.

    Tables: documents, raw_tables, raw_cells, activities, activity_quarters, actors, activity_actors,
    ingest_errors; views: activity_timeline, actor_load, actor_pairs, cross_sector, review_queue. CSV and HXL text
    cells that a spreadsheet would run as a formula get a leading '.

    Example: workplans export --format hxl --out exports/
    """
    from pipeline import db
    from pipeline.export import FORMATS
    from pipeline.export import export as export_db

    if fmt not in FORMATS:
        err.print(f"error: --format must be one of {', '.join(FORMATS)}")
        raise typer.Exit(2)
    try:
        written = export_db(db_path, fmt, out_dir)
    except (FileNotFoundError, db.DatabaseBusy) as error:
        err.print(f"error: {error}", markup=False)
        raise typer.Exit(1) from error
    err.print(f"{len(written)} files written to {out_dir}", markup=False, highlight=False)


@app.command()
def report(
    db_path: Path = DB_OPTION,
    out: Path = typer.Option(..., "--out", "-o", help="The HTML file to write."),
) -> None:
    """Write a self-contained HTML summary: documents, activities by quarter, top leads, review queue, errors.

    Example: workplans report --out summary.html
    """
    from pipeline import db
    from pipeline.report import write_report

    try:
        write_report(db_path, out)
    except (FileNotFoundError, db.DatabaseBusy) as error:
        err.print(f"error: {error}", markup=False)
        raise typer.Exit(1) from error
    err.print(f"report written to {out}", markup=False, highlight=False)
