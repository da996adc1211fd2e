"""The `workplans` command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from extractors import extract
from extractors.model import ExtractionError

app = typer.Typer(
    help="Turn humanitarian coordination workplans (PDF, DOCX, PPTX, XLSX, text) into one DuckDB database.",
    no_args_is_help=True,
    add_completion=False,
)


@app.command()
def tables(
    file: Path = typer.Argument(..., help="A PDF, DOCX, PPTX, XLSX or text file."),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON list: {page, index, rows} per table."),
) -> None:
    """Show the tables of FILE as extracted, before any normalization.

    Example: workplans tables plan.pdf --json | jq '.[0].rows[:3]'
    """
    try:
        document = extract(file)
    except (ExtractionError, OSError) as error:
        typer.echo(f"error: {file}: {getattr(error, 'message', error)}", err=True)
        raise typer.Exit(1) from error
    payload = [
        {"page": table.page, "index": index, "rows": table.grid()}
        for index, table in enumerate(document.tables)
    ]
    if as_json:
        json.dump(payload, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return
    for item in payload:
        typer.echo(f"# table {item['index']} (page {item['page']})")
        for row in item["rows"]:
            typer.echo(" | ".join(cell.replace("\n", " ") for cell in row))


@app.callback()
def main() -> None:
    """workplans: extract, normalize and load workplans; query what was loaded."""
