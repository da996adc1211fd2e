"""The command line of the Parquet lake: `ingest --lake DIR [--executor ray]`, `load --lake DIR`, `query --lake DIR`."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import Any

import typer

from pipeline.cli_errors import EXIT_FAILED, EXIT_USAGE, fail, problem_text
from pipeline.cli_format import DB_OPTION, WAIT_OPTION
from pipeline.summary import FAILED, Summary

FLAG = ""  # the metavar of an option that takes no value


class ExecutorName(StrEnum):
    """Where `ingest` reads documents (pipeline.lake_ingest)."""

    local = "local"
    ray = "ray"


EXECUTOR_OPTION = typer.Option(
    ExecutorName.local,
    "--executor",
    help="local: worker processes on this machine. ray: Ray tasks on a cluster (needs --lake and the extra: "
    "pip install -e '.[ray]').",
)
RAY_ADDRESS_OPTION = typer.Option(
    None,
    "--ray-address",
    metavar="ADDR",
    help="The Ray cluster to run on (e.g. 10.0.0.5:6379, or auto); default: a local one of --workers CPUs.",
)
LAKE_OPTION = typer.Option(
    None,
    "--lake",
    metavar="DIR",
    file_okay=False,
    help="Write a Parquet lake under DIR (one new load run) instead of the database; then `workplans load`.",
)


def lake_batch(
    paths: list[Path], lake: Path | None, executor: ExecutorName, ray_address: str | None, **options: Any
) -> Callable[..., Summary]:
    """The batch `ingest --lake` runs (options: those of pipeline.lake_ingest.ingest_to_lake); refuses a Ray run
    without a lake, or without Ray."""
    from pipeline.lake_ingest import Executor, ingest_to_lake, read_locally

    if lake is None:
        fail("--executor ray writes a Parquet lake: give --lake DIR (then `workplans load --lake DIR`)", EXIT_USAGE)
    try:
        lake.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        fail(f"--lake {lake}: cannot create it ({problem_text(error)})", EXIT_USAGE)
    run_on: Executor = read_locally
    if executor is ExecutorName.ray:
        from pipeline.ray_executor import RayMissing, ray_executor

        try:
            run_on = ray_executor(ray_address)
        except RayMissing as error:
            fail(str(error), EXIT_USAGE)
    return partial(ingest_to_lake, paths, lake, run_on, **options)


def lake_closing_line(summary: Summary, lake: Path) -> str:
    """The figures of a batch written to the lake, and what to do next."""
    return (
        f"{summary.loaded} written to the lake, {summary.skipped} skipped, {len(summary.in_state(FAILED))} failed; "
        f"{summary.activities} activities. Next: `workplans load --lake {lake} --db FILE`, "
        f"or `workplans query --lake {lake} SQL`."
    )


def load(
    lake: Path = typer.Option(..., "--lake", metavar="DIR", file_okay=False, help="The Parquet lake to load."),
    db_path: Path = DB_OPTION,
    force: bool = typer.Option(False, "--force", metavar=FLAG, help="Re-load documents already loaded (same SHA-256)."),
    wait: float = WAIT_OPTION,
    as_json: bool = typer.Option(
        False, "--json", metavar=FLAG, help="Print what became of each document as a JSON list on stdout."
    ),
) -> None:
    """Load a Parquet lake (written by `ingest --lake`) into the database.

    As `ingest` loads documents: each document of the lake, in its latest load run, loads whole or not at all;
    one already loaded (same SHA-256) is skipped unless --force, so loading twice changes nothing. A document
    that failed in the lake is an `ingest_errors` row here too, and so is one whose lake files cannot be read
    (`load_failed`). Ctrl-C stops the load; what loaded stays loaded.

    Exit status: 0 all loaded or skipped, 1 a document failed (or no lake at DIR), 2 bad usage, 3 the
    database stayed busy, 130 interrupted.

    Example: workplans load --lake lake/ --db plans.duckdb
    """
    from pipeline.cli_errors import EXIT_INTERRUPTED, say
    from pipeline.ingest import Interrupted
    from pipeline.ingest_report import interrupted_line, print_summary
    from pipeline.lake_load import NoLake, load_lake

    try:
        summary = load_lake(lake, db_path, force=force, wait_seconds=wait, on_progress=name_failure)
    except NoLake as error:
        fail(str(error), EXIT_FAILED)
    except Interrupted as interrupt:
        say(interrupted_line(interrupt.summary, interrupt.not_loaded))
        raise typer.Exit(EXIT_INTERRUPTED) from None
    print_summary(summary, db_path, as_json)
    raise typer.Exit(EXIT_FAILED if summary.failed else 0)


def name_failure(path: str, state: str, detail: str) -> None:
    """One line on stderr for each document that failed."""
    from pipeline.cli_errors import say

    if state == FAILED:
        say(f"error: {path}: {detail}")
