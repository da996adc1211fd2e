"""`workplans registry`: search the actor registry, and merge a user's own partner list into it."""

from __future__ import annotations

from pathlib import Path

import typer

from pipeline.cli_console import PlainConsole
from pipeline.cli_errors import EXIT_FAILED, EXIT_USAGE, fail
from pipeline.cli_format import ReadableCommand, ReadableGroup, print_table

registry_app = typer.Typer(
    cls=ReadableGroup,
    help="Search the actor registry, or merge your own partner list into it.\n\n"
    'Example: workplans registry search "Norwegian Refugee Counsel" --country SDN',
    no_args_is_help=True,
    rich_markup_mode="markdown",
    context_settings={"help_option_names": ["-h", "--help"]},
)
console = PlainConsole()
SEARCH_COLUMNS = ("actor_id", "name", "acronym", "type", "country", "score", "match")
IMPORT_COLUMNS = ("line", "name", "outcome", "actor_id", "detail")


def country_option(country: str | None) -> str | None:
    """A --country value as ISO 3166 alpha-3 in capitals; a malformed one stops the command."""
    from normalizers.actor_registry import ISO3

    if country is None:
        return None
    if not ISO3.fullmatch(country.upper()):
        fail(f"--country wants an ISO 3166 alpha-3 code such as SDN or COL; got {country!r}", EXIT_USAGE)
    return country.upper()


@registry_app.command("search", cls=ReadableCommand)
def search_command(
    text: str = typer.Argument(..., metavar="TEXT", help="A name, acronym or alias, as a document writes it."),
    country: str | None = typer.Option(
        None, "--country", metavar="ISO3", help="Only actors a plan of this country may name."
    ),
    limit: int = typer.Option(10, "--limit", min=1, metavar="N", help="How many candidates to list."),
) -> None:
    """List the registry actors a text may name, best first.

    Each with a score (0-100); `match` marks the one the resolver links without asking a person. The registry
    is data/actors.csv with your own rows (data/user_actors.csv, `registry import`).

    Exit status: 0 listed (nothing found is an empty list), 2 bad usage (a blank TEXT, a --country that is no
    ISO3 code).

    Example: workplans registry search "Norwegian Refugee Counsel" --country SDN
    """
    from normalizers.actor_search import search
    from normalizers.actors import load_registry

    if not text.strip():
        fail("TEXT is blank: give a name, acronym or alias (see `workplans registry search -h`)", EXIT_USAGE)
    found = search(text, load_registry(), country_option(country), limit)
    rows = [
        (c.actor.actor_id, c.actor.name, c.actor.acronym, c.actor.actor_type, c.actor.country, c.score, c.match)
        for c in found
    ]
    print_table(SEARCH_COLUMNS, rows, console)


@registry_app.command("import", cls=ReadableCommand)
def import_command(
    file: Path = typer.Argument(..., metavar="FILE.csv", help="Your partner list: a CSV with a name column."),
    country: str | None = typer.Option(
        None, "--country", metavar="ISO3", help="The country of the rows that give none."
    ),
    replace: bool = typer.Option(
        False, "--replace", help="Let the list's type and country replace the registry's where they differ."
    ),
    into: Path | None = typer.Option(
        None, "--into", metavar="FILE", help="The user registry to merge into (default data/user_actors.csv)."
    ),
) -> None:
    """Merge your own partner list into the registry.

    Its columns: `name` and, where known, `acronym`, `type`, `country` (ISO3) and `aliases` (separated by | or ;).

    Each row is reported as added (a new actor), merged (new names of a registry actor), unchanged,
    conflicting (its names belong to several actors, or it gives another type or country: nothing of it
    is written unless --replace) or skipped (no name, or a type or country that cannot be read). The
    registry's own file is never changed: your rows go to data/user_actors.csv, read by every later
    ingest and by `workplans resolve`. The list may be UTF-8, UTF-16 or Windows-1252, separated by commas,
    semicolons, tabs or pipes, as a spreadsheet saves it.

    Exit status: 0 merged, 1 the list cannot be read (no such file, no name column), 2 bad usage (a --country
    that is no ISO3 code, an --into that is no registry CSV).

    Example: workplans registry import partners.csv --country SDN
    """
    from data import data_path, read_csv_rows
    from normalizers.actor_registry import USER_ACTORS
    from pipeline.registry_import import (
        PartnerListError,
        merge_partner_list,
        read_partner_list,
        write_user_rows,
    )

    target = into or data_path(USER_ACTORS)
    user_rows = read_user_rows(target)
    try:
        rows, skipped = read_partner_list(file, country_option(country))
    except PartnerListError as error:
        fail(str(error), EXIT_FAILED)
    result = merge_partner_list(rows, read_csv_rows("actors.csv"), user_rows, replace)
    result.outcomes = sorted([*result.outcomes, *skipped], key=lambda outcome: outcome.line)
    try:
        write_user_rows(target, result.user_rows)
    except OSError as error:
        fail(f"cannot write {target}: {error.strerror or error}", EXIT_FAILED)
    table = [(o.line, o.name, o.outcome, o.actor_id, o.detail) for o in result.outcomes]
    print_table(IMPORT_COLUMNS, table, console)
    counts = ", ".join(f"{count} {kind}" for kind, count in result.counts().items() if count)
    rows_read = "1 row" if len(result.outcomes) == 1 else f"{len(result.outcomes)} rows"
    console.print(f"{rows_read}: {counts or 'nothing'}; written to {target}")


def read_user_rows(path: Path) -> list[dict[str, str]]:
    """The rows of a user registry file; [] when it does not exist yet. A path that is no such file (a folder,
    another CSV) stops the command before anything is written."""
    import csv

    from normalizers.actor_registry import ACTOR_COLUMNS

    if path.is_dir():
        fail(f"--into {path}: a folder is in the way (give the registry CSV to merge into)", EXIT_USAGE)
    if not path.exists() or path.stat().st_size == 0:
        return []
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            rows, columns = list(reader), reader.fieldnames or []
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        fail(
            f"--into {path}: cannot read it as a registry CSV ({getattr(error, 'strerror', None) or error})", EXIT_USAGE
        )
    if not {"actor_id", "name"} <= set(columns):
        fail(f"--into {path}: not a registry CSV (want the columns {', '.join(ACTOR_COLUMNS)})", EXIT_USAGE)
    return rows
