"""`workplans registry`: search the actor registry, and merge a user's own partner list into it."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from pipeline.cli_errors import EXIT_FAILED, EXIT_USAGE, fail
from pipeline.cli_format import ReadableCommand, print_table

registry_app = typer.Typer(
    help="Search the actor registry, or merge your own partner list into it.",
    no_args_is_help=True,
    rich_markup_mode="markdown",
    context_settings={"help_option_names": ["-h", "--help"]},
)
console = Console()
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
    limit: int = typer.Option(10, "--limit", min=1, help="How many candidates to list."),
) -> None:
    """List the registry actors a text may name, best first, with a score (0-100); `match` marks the one
    the resolver links without asking a person.

    Example: workplans registry search "Norwegian Refugee Counsel" --country SDN
    """
    from normalizers.actor_search import search
    from normalizers.actors import load_registry

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
    """Merge your own partner list into the registry: columns `name` and, where known, `acronym`, `type`,
    `country` (ISO3) and `aliases` (separated by | or ;).

    Each row is reported as added (a new actor), merged (new names of a registry actor), unchanged,
    conflicting (its names belong to several actors, or it gives another type or country: nothing of it
    is written unless --replace) or skipped (no name, or a type or country that cannot be read). The
    registry's own file is never changed: your rows go to data/user_actors.csv, read by every later
    ingest and by `workplans resolve`.

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
    try:
        rows, skipped = read_partner_list(file, country_option(country))
        user_rows = read_user_rows(target)
    except PartnerListError as error:
        fail(str(error), EXIT_FAILED)
    result = merge_partner_list(rows, read_csv_rows("actors.csv"), user_rows, replace)
    result.outcomes = sorted([*result.outcomes, *skipped], key=lambda outcome: outcome.line)
    write_user_rows(target, result.user_rows)
    table = [(o.line, o.name, o.outcome, o.actor_id, o.detail) for o in result.outcomes]
    print_table(IMPORT_COLUMNS, table, console)
    counts = ", ".join(f"{count} {kind}" for kind, count in result.counts().items() if count)
    console.print(f"{len(result.outcomes)} rows: {counts or 'nothing'}; written to {target}", markup=False)


def read_user_rows(path: Path) -> list[dict[str, str]]:
    """The rows of a user registry file; [] when it does not exist yet."""
    import csv

    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
