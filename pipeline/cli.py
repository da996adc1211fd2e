"""The `workplans` command line."""

from __future__ import annotations

import json
import signal
import sys
from collections.abc import Callable
from enum import StrEnum
from functools import partial, wraps
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec

import typer

from extractors.model import ExtractionError
from extractors.pdf.settings import DEFAULT_ENGINE
from pipeline.cli_console import PlainConsole, visible
from pipeline.cli_errors import (
    EXIT_BUSY,
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    check_mapping,
    database_errors,
    err,
    fail,
    problem_text,
    say,
)
from pipeline.cli_format import (
    DB_OPTION,
    WAIT_OPTION,
    ReadableCommand,
    ReadableGroup,
)
from pipeline.explain_cli import explain
from pipeline.lake_cli import (
    EXECUTOR_OPTION,
    LAKE_OPTION,
    RAY_ADDRESS_OPTION,
    ExecutorName,
    lake_batch,
    lake_closing_line,
    load,
)
from pipeline.limits import DEFAULT_MAX_FILE_MB, DEFAULT_MAX_MEMORY_MB, DEFAULT_MAX_PAGES, DEFAULT_MAX_SECONDS, Limits
from pipeline.paths import path_text
from pipeline.query_cli import QUERY_HELP, TABLES, VIEWS, query
from pipeline.reconcile_cli import reconcile_command
from pipeline.registry_cli import registry_app
from pipeline.review_cli import resolve, review
from pipeline.show import show

if TYPE_CHECKING:
    from pipeline.mapping import Corrections
    from pipeline.summary import Summary

P = ParamSpec("P")

app = typer.Typer(
    cls=ReadableGroup,
    help=(
        "Turn humanitarian coordination workplans (PDF, DOCX, PPTX, XLSX, CSV/TSV/text) into one DuckDB "
        "database: activities with their priority, leads, partners, quarters and status, each traceable to "
        "its document, page, table and row.\n\n"
        'Example: workplans ingest data/samples, then workplans query "select * from plans"'
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="markdown",
    context_settings={"help_option_names": ["-h", "--help"]},
)
out = PlainConsole()

# Heavy modules (duckdb, pandas, spaCy) are imported inside the commands: `tables` must start fast.
FLAG = ""  # the metavar of an option that takes no value


class PdfEngine(StrEnum):
    """The parser PDFs are read with (extractors.pdf.settings.ENGINES)."""

    pdfium = "pdfium"
    pdfplumber = "pdfplumber"


PDF_ENGINE_OPTION = typer.Option(
    PdfEngine(DEFAULT_ENGINE),
    "--pdf-engine",
    help="The PDF parser: PDFium (fast, the default) or pdfplumber (pdfminer: the reference, slower; the same "
    "tables). A file PDFium cannot open is read with pdfplumber.",
)


class ExportFormat(StrEnum):
    """What `export` writes (pipeline.export.FORMATS)."""

    csv = "csv"
    parquet = "parquet"
    hxl = "hxl"


def show_version(asked: bool) -> None:
    """--version: the installed version, then leave."""
    if asked:
        out.print(f"workplans {version('workplans')}", highlight=False)
        raise typer.Exit()


@app.callback()
def callback(
    show: bool = typer.Option(
        False, "--version", metavar=FLAG, callback=show_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """workplans: extract, normalize and load workplans; query what was loaded."""


def handling_database_errors(command: Callable[P, None]) -> Callable[P, None]:
    """A command whose database refusals (busy, no database, not a database) are one line and an exit status."""

    @wraps(command)
    def guarded(*args: P.args, **kwargs: P.kwargs) -> None:
        with database_errors():
            command(*args, **kwargs)

    return guarded


def main() -> None:
    """The `workplans` command: an error nobody foresaw is one line and exit status 3, not a traceback; SIGTERM
    (`kill`, a job scheduler's stop) ends it as Ctrl-C does: what loaded stays loaded, one line, status 130."""
    signal.signal(signal.SIGTERM, interrupt)
    try:
        app()
    except Exception as error:  # a bug; the line names it so that it can be reported
        say(f"error: internal error: {type(error).__name__}: {error}")
        sys.exit(EXIT_BUSY)


def interrupt(signum: int, frame: object) -> None:
    """A signal handler raising what Ctrl-C raises."""
    raise KeyboardInterrupt


@app.command(cls=ReadableCommand)
def ingest(
    paths: list[Path] = typer.Argument(
        ..., metavar="PATH...", help="Files or folders (recursed). The format is told from the bytes."
    ),
    db_path: Path = DB_OPTION,
    workers: int = typer.Option(1, "--workers", "-w", min=1, metavar="N", help="Worker processes for extraction."),
    force: bool = typer.Option(False, "--force", metavar=FLAG, help="Re-load documents already loaded (same SHA-256)."),
    max_seconds: float = typer.Option(
        DEFAULT_MAX_SECONDS,
        "--max-seconds",
        min=0.1,
        metavar="SECONDS",
        help="Wall time one document may take before it is stopped.",
    ),
    max_mb: int = typer.Option(
        DEFAULT_MAX_MEMORY_MB,
        "--max-mb",
        min=16,
        metavar="MB",
        help="Memory one document may take, in its worker and as the rows it hands back, before it is stopped.",
    ),
    max_pages: int = typer.Option(
        DEFAULT_MAX_PAGES, "--max-pages", min=1, metavar="PAGES", help="Longest document read, in pages."
    ),
    max_file_mb: float = typer.Option(
        DEFAULT_MAX_FILE_MB, "--max-file-mb", min=0.001, metavar="MB", help="Largest file read, in MB."
    ),
    wait: float = WAIT_OPTION,
    profile: bool = typer.Option(
        False, "--profile", metavar=FLAG, help="Print the time spent per stage, summed over the batch."
    ),
    as_json: bool = typer.Option(
        False, "--json", metavar=FLAG, help="Print what became of each file as a JSON list on stdout."
    ),
    pdf_engine: PdfEngine = PDF_ENGINE_OPTION,
    mapping: Path | None = typer.Option(
        None,
        "--mapping",
        metavar="FILE",
        help="Corrections as data (TOML): a table's kind or header rows, a column's role, a document's year, "
        "country or language. A workplans.toml beside the documents applies too.",
    ),
    executor: ExecutorName = EXECUTOR_OPTION,
    ray_address: str | None = RAY_ADDRESS_OPTION,
    lake: Path | None = LAKE_OPTION,
) -> None:
    """Load workplans into the database, each document whole or not at all.

    A document already loaded (same SHA-256) is skipped unless --force. A document that cannot be
    read, or that breaks a limit (--max-file-mb, --max-pages, --max-seconds, --max-mb), is recorded in
    `ingest_errors`, named on stderr, and the batch goes on: each document runs in a worker process, so
    a crash or a hang ends only that document. A path that does not exist is one such error. The database
    is held while documents are loaded, at most 2 s at a stretch, so `query` can run meanwhile; a
    database held by another process is waited for up to --wait seconds. --workers N reads N documents at
    once: set it to the number of cores. When several documents load, a table shows each (--json: every
    file's fate, for scripts). Ctrl-C stops the batch; what loaded stays loaded. A document whose mapping
    (--mapping, workplans.toml) changed since it was loaded is read again; documents holding the same plan
    (a DOCX and its PDF) are grouped, and the views count the plan once.

    With --lake DIR the documents go to a Parquet lake instead (a new load run under DIR; a document already
    there is skipped unless --force), read by --executor local (this machine's workers) or ray (Ray tasks on
    the cluster at --ray-address, or a local one); `workplans load --lake DIR` then loads the lake.

    Exit status: 0 all loaded or skipped, 1 some failed, 2 bad usage, 3 the database stayed busy,
    130 interrupted.

    Example: workplans ingest ~/workplans/2023 --db plans.duckdb --workers 2
    """
    from pipeline.ingest import Interrupted
    from pipeline.ingest import ingest as ingest_paths
    from pipeline.ingest_report import interrupted_line, print_json, print_profile, print_summary

    limits = Limits(max_file_mb=max_file_mb, max_pages=max_pages, max_seconds=max_seconds, max_memory_mb=max_mb)
    corrections = read_corrections(mapping, paths)
    options: dict[str, Any] = {"workers": workers, "force": force, "limits": limits}
    batch: Callable[..., Summary]
    if ray_address is not None and executor is not ExecutorName.ray:
        fail("--ray-address names the cluster of --executor ray: give --executor ray --lake DIR too", EXIT_USAGE)
    if lake is None and executor is ExecutorName.local:
        batch = partial(
            ingest_paths,
            paths,
            db_path,
            wait_seconds=wait,
            corrections=corrections,
            pdf_engine=pdf_engine.value,
            **options,
        )
    else:
        if corrections.entries:
            fail("a Parquet lake does not apply mappings yet (--mapping, workplans.toml): ingest into --db", EXIT_USAGE)
        batch = lake_batch(paths, lake, executor, ray_address, **options)
    try:
        with database_errors():
            summary = ingest_with_progress(paths, batch, tells_pages=lake is None)
    except Interrupted as stopped:
        if as_json:
            print_json(stopped.summary)
        say(interrupted_line(stopped.summary, stopped.not_loaded))
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except KeyboardInterrupt:
        say("interrupted before any document was read; nothing changed")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    print_summary(summary, db_path, as_json, closing=lake_closing_line(summary, lake) if lake else None)
    if profile:
        print_profile(summary)
    raise typer.Exit(EXIT_FAILED if summary.failed else 0)


def read_corrections(mapping: Path | None, paths: list[Path]) -> Corrections:
    """The mappings of a batch (--mapping and the workplans.toml beside the documents); a bad one stops the
    command with one line naming its file and line."""
    from pipeline.mapping import MappingError, load_corrections

    check_mapping(mapping)
    try:
        return load_corrections(mapping, paths)
    except MappingError as error:
        fail(str(error), EXIT_USAGE)


def ingest_with_progress(paths: list[Path], batch: Callable[..., Summary], tells_pages: bool = False) -> Summary:
    """A batch (run with its on_progress, and its on_page when it `tells_pages`) under a progress bar on stderr,
    each failure named on a line."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from pipeline.discover import discover

    progress = Progress(
        TextColumn("ingest", style="bold", markup=False),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}", markup=False),
        console=err,
        transient=True,
        disable=not err.is_terminal,  # in a log, the lines that name each problem are enough
    )
    found = discover(paths)
    with progress:
        task = progress.add_task("", total=len(found.files) + len(found.missing))
        pages = PagesBar(progress, progress.add_task("", total=None, visible=False))

        def advance(path: str, state: str, detail: str) -> None:
            progress.update(task, advance=1, description=f"{state}: {visible(Path(path).name)}")
            if state == "failed":
                say(f"error: {path}: {detail}")

        if tells_pages:
            return batch(on_progress=advance, on_page=pages.read)
        return batch(on_progress=advance)


class PagesBar:
    """The bar of pages read, told from inside the workers: pages read of the pages of the documents begun."""

    def __init__(self, progress: Any, task: Any) -> None:
        self.progress = progress
        self.task = task
        self.done: dict[str, int] = {}  # path -> pages read
        self.totals: dict[str, int] = {}  # path -> its pages

    def read(self, path: str, done: int, total: int) -> None:
        """A worker has read `done` of the `total` pages of `path`."""
        self.done[path], self.totals[path] = done, total
        description = f"pages: {Path(path).name} {done}/{total}"
        self.progress.update(
            self.task,
            completed=sum(self.done.values()),
            total=sum(self.totals.values()),
            description=description,
            visible=True,
        )


@app.command(cls=ReadableCommand)
def tables(
    file: Path = typer.Argument(..., metavar="FILE", help="A PDF, DOCX, PPTX, XLSX or text file."),
    as_json: bool = typer.Option(
        False, "--json", metavar=FLAG, help="Print a JSON list: {page, index, rows} per table."
    ),
    pdf_engine: PdfEngine = PDF_ENGINE_OPTION,
) -> None:
    """Show the tables of FILE as extracted, before any normalization.

    A merged cell's text stands in its top-left position; the positions it covers are "".

    Exit status: 0 shown, 1 the file cannot be read (a folder too), 2 bad usage.

    Example: workplans tables data/samples/inter-sector-workplan-2023.pdf --json
    """
    if file.is_dir():
        fail(f"{path_text(file)}: a folder; tables reads one file (`workplans ingest` reads folders)", EXIT_FAILED)
    from normalizers.prose_activities import read_document

    try:
        document = read_document(file, engine=pdf_engine.value)
    except (ExtractionError, OSError) as error:
        fail(f"{path_text(file)}: {problem_text(error)}", EXIT_FAILED)
    payload = [
        {"page": table.page, "index": index, "rows": table.grid()} for index, table in enumerate(document.tables)
    ]
    if as_json:
        json.dump(payload, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return
    for index, table in enumerate(document.tables):
        out.print(f"table {index}" + (f" (page {table.page})" if table.page is not None else ""), style="bold")
        for row in table.grid():
            out.print(" | ".join(cell.replace("\n", " ") for cell in row))


app.command(cls=ReadableCommand, help=QUERY_HELP)(query)


@app.command(
    cls=ReadableCommand,
    help=f"""Write every table and view to --out, one file each.

    Tables: {TABLES}. Views: {VIEWS}. CSV and HXL text cells that a spreadsheet would run as a formula get a
    leading '.

    Exit status: 0 written, 1 no database yet or a file cannot be written, 2 bad usage (a file in the way of --out).

    Example: workplans export --format hxl --out exports/hxl
    """,
)
def export(
    db_path: Path = DB_OPTION,
    fmt: ExportFormat = typer.Option(..., "--format", "-f", help="CSV, Parquet or HXL (CSV with a hashtag row)."),
    out_dir: Path = typer.Option(
        ..., "--out", "-o", metavar="DIR", help="The folder to write, one file per table and view."
    ),
) -> None:
    from pipeline.db import NoDatabase
    from pipeline.export import export as export_db

    if out_dir.exists() and not out_dir.is_dir():
        fail(f"--out {out_dir}: a file is in the way (give a folder)", EXIT_USAGE)
    with database_errors():
        try:
            written = export_db(db_path, fmt.value, out_dir)
        except NoDatabase:
            raise  # database_errors says so
        except OSError as error:
            fail(f"cannot write {path_text(error.filename or out_dir)}: {problem_text(error)}", EXIT_FAILED)
    say(f"{len(written)} files written to {out_dir}")


@app.command(cls=ReadableCommand)
def report(
    db_path: Path = DB_OPTION,
    out: Path = typer.Option(..., "--out", "-o", metavar="FILE", help="The HTML file to write."),
) -> None:
    """Write a self-contained HTML summary of the database, to share.

    Plans and documents, priorities by sector, activities by quarter, top leads, the review queue and ingest
    errors, each plan counted once; nothing is fetched when it opens.

    Exit status: 0 written, 1 no database yet or the file cannot be written, 2 bad usage (a folder in the way).

    Example: workplans report --out summary.html
    """
    from pipeline.db import NoDatabase
    from pipeline.report import write_report

    if out.is_dir():
        fail(f"--out {out}: a folder is in the way (give a file name)", EXIT_USAGE)
    with database_errors():
        try:
            write_report(db_path, out)
        except NoDatabase:
            raise  # database_errors says so
        except OSError as error:
            fail(f"cannot write {out}: {problem_text(error)}", EXIT_FAILED)
    say(f"report written to {out}")


# The commands defined in their own modules, after those above: `workplans -h` lists them in this order, the
# order of the work (read, query, look closer, correct, scale out).
app.command(cls=ReadableCommand)(explain)
app.command(cls=ReadableCommand)(show)
app.command(cls=ReadableCommand)(handling_database_errors(review))
app.command(cls=ReadableCommand)(handling_database_errors(resolve))
app.add_typer(registry_app, name="registry")
app.command("reconcile", cls=ReadableCommand)(reconcile_command)
app.command(cls=ReadableCommand)(handling_database_errors(load))
