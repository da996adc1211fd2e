"""The `explain` command: how each table of a file was read and why, as rich tables or as JSON; and a draft
mapping of that reading for an analyst to correct."""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from pipeline.cli_console import PlainConsole, visible
from pipeline.cli_errors import EXIT_FAILED, EXIT_USAGE, check_mapping, fail, problem_text, say
from pipeline.paths import path_text

if TYPE_CHECKING:
    from pipeline.explain import ContextPath, Explanation, TableExplanation

# Width of the text printed to a file or a pipe: wide enough for a column table without folding every cell.
PIPE_WIDTH = 160
# Longest text shown in a terminal cell before it is cut with "…" (JSON keeps every character).
CELL_CHARS = 90


def explain(
    file: Path = typer.Argument(..., metavar="FILE", help="A PDF, DOCX, PPTX, XLSX or text file."),
    as_json: bool = typer.Option(False, "--json", help="Print the explanation as one JSON object."),
    mapping: Path | None = typer.Option(
        None, "--mapping", metavar="FILE", help="Read the file under this mapping too (as `ingest --mapping`)."
    ),
    rows: int = typer.Option(5, "--rows", min=0, metavar="N", help="How many stored rows to show per table."),
    write_mapping: Path | None = typer.Option(
        None,
        "--write-mapping",
        metavar="FILE",
        help="Draft a mapping of this reading into FILE (appended when it exists), to correct and pass to ingest.",
    ),
) -> None:
    """Show how each table of FILE is read, and why.

    Per table: kind and confidence, preamble, header and section rows, each column's role with its reason
    (header words and their language, the content that confirmed or overruled them, or the mapping line that
    set it), the hierarchy found, the first rows as they will be stored, and what goes to `extra`. A
    workplans.toml beside FILE applies, as it does on ingest. In a terminal long cells are cut with "…"; in a
    file or a pipe they are whole.

    Exit status: 0 explained, 1 the file cannot be read (a folder too) or a mapping does not fit it, 2 bad usage
    (a mapping that is no valid mapping, a folder in the way of --write-mapping).

    Example: workplans explain data/samples/inter-sector-workplan-2023.docx --write-mapping fix.toml
    """
    from extractors.model import ExtractionError
    from normalizers.overrides import OverrideError
    from pipeline.explain import explain_file
    from pipeline.mapping import MappingError
    from pipeline.mapping_draft import append_draft

    check_mapping(mapping)
    if file.is_dir():
        fail(f"{path_text(file)}: a folder; explain reads one file (`workplans ingest` reads folders)", EXIT_FAILED)
    if write_mapping is not None and write_mapping.is_dir():
        fail(f"--write-mapping {path_text(write_mapping)}: a folder is in the way (give a file name)", EXIT_USAGE)
    try:
        explanation, _ = explain_file(file, mapping, rows)
    except MappingError as error:
        fail(str(error), EXIT_USAGE)
    except OverrideError as error:
        fail(f"{path_text(file)}: {error}", EXIT_FAILED)
    except (ExtractionError, OSError) as error:
        fail(f"{path_text(file)}: {problem_text(error)}", EXIT_FAILED)
    if as_json:
        json.dump(explanation.as_json(), sys.stdout, ensure_ascii=False, default=str)
        sys.stdout.write("\n")
    else:
        print_explanation(explanation)
    if write_mapping is not None:
        try:
            append_draft(write_mapping, explanation)
        except OSError as error:
            fail(f"cannot write {write_mapping}: {problem_text(error)}", EXIT_FAILED)
        say(f"draft mapping written to {write_mapping}: correct it, then pass it to `workplans ingest --mapping`")


@cache
def console() -> Console:
    """The console to print on: the terminal's width, or PIPE_WIDTH into a file or a pipe."""
    found = PlainConsole()
    return found if found.is_terminal else PlainConsole(width=PIPE_WIDTH)


def short(text: object) -> str:
    """A value as cell text, cut to CELL_CHARS in a terminal (whole in a file or a pipe)."""
    value = "" if text is None else str(text)
    if len(value) <= CELL_CHARS or not console().is_terminal:
        return value
    return value[: CELL_CHARS - 1] + "…"


def print_explanation(explanation: Explanation) -> None:
    """The explanation as rich tables, one block per table."""
    out = console()
    meta = explanation.document
    heading = f" ({explanation.format}, sha256 {explanation.sha256[:16]})"
    out.print(Text.assemble((visible(path_text(explanation.path)), "bold"), heading))
    facts = ", ".join(f"{key} {value}" for key, value in meta.items() if value not in (None, []))
    out.print(f"document: {facts or 'nothing read'}")
    if explanation.mapping:
        out.print(f"mapping: {', '.join(explanation.mapping['entries'])} (hash {explanation.mapping['hash'][:12]})")
    for table in explanation.tables:
        out.print(table_block(table))
    for issue in explanation.issues:
        page = f"page {issue['page']}: " if issue["page"] is not None else ""
        out.print(f"warning: {issue['kind']}: {page}{issue['message']}")


def table_block(table: TableExplanation) -> Group:
    """One table's explanation: its heading, its rows by part, its columns, hierarchy, first rows and extra."""
    confidence = f"confidence {table.confidence:.2f}" if table.confidence is not None else "no reading confidence"
    page = f"page {table.page}" if table.page is not None else ""
    locator = table.locator if table.locator and not table.locator.startswith(("table", "page")) else ""
    continued = "continues the table before" if table.continued else ""
    before = " · ".join(fact for fact in (page, visible(locator), f"{table.n_rows}×{table.n_cols}") if fact)
    after = " · ".join(fact for fact in (confidence, continued) if fact)
    parts: list[Any] = [
        Text.assemble("\n", (f"table {table.index}", "bold"), f" · {before} · ", (table.kind, "bold"), f" · {after}")
    ]
    for name, found in (
        ("preamble", table.preamble_rows),
        ("header", table.header_rows),
        ("section", table.section_rows),
    ):
        for row in found:
            level = f" ({row.level})" if row.level else ""
            parts.append(f"  {name} row {row.row}{level}: " + " | ".join(short(text) for text in row.texts))
    parts.extend(Text.assemble("  ", ("mapping", "magenta"), f": {visible(note)}") for note in table.mapping)
    if table.columns:
        parts.append(columns_table(table))
    if table.hierarchy and any(path.path for path in table.hierarchy):
        parts.append(hierarchy_tree(table.hierarchy))
    if table.rows:
        parts.append(rows_table(table))
    if table.extra:
        parts.append("  to extra: " + ", ".join(f"{key!r} ({count} rows)" for key, count in table.extra.items()))
    if table.kind != "other":
        parts.append(f"  {activities(table.activities)}")
    return Group(*parts)


def activities(count: int) -> str:
    """A count of activities in words."""
    return f"{count} activity" if count == 1 else f"{count} activities"


def columns_table(table: TableExplanation) -> Table:
    """Each column: its place (as a mapping's "column N" names it), header, role and why."""
    grid = Table(title=None, show_lines=False, pad_edge=False)
    for name in ("column", "header", "role", "why"):
        grid.add_column(name, overflow="fold")
    for column in table.columns:
        role = Text(column.role, style="magenta" if column.from_mapping else "")
        # counted from 1, as a mapping's "column N" and `extra` name a column
        grid.add_row(str(column.index + 1), short(column.header), role, short(column.evidence))
    return grid


def hierarchy_tree(paths: tuple[ContextPath, ...]) -> Tree:
    """The context paths as a tree, each leaf with its count of activities."""
    root = Tree("hierarchy")
    nodes: dict[tuple[str, ...], Tree] = {(): root}
    for path in paths:
        for depth in range(1, len(path.path) + 1):
            key = path.path[:depth]
            if key not in nodes:
                nodes[key] = nodes[key[:-1]].add(short(key[-1]))
        leaf = nodes[path.path]
        leaf.label = Text.assemble(visible(str(leaf.label)), (f"  ({activities(path.activities)})", "dim"))
    return root


def rows_table(table: TableExplanation) -> Table:
    """The first activities as they will be stored."""
    grid = Table(show_lines=True, pad_edge=False)
    for name in ("row", "activity", "context", "quarters", "actors", "status"):
        grid.add_column(name, overflow="fold")
    for row in table.rows:
        context = " > ".join(
            short(row[level]) for level in ("priority", "objective", "output", "indicator") if row[level]
        )
        actors = "\n".join(
            f"{actor['role']}: {actor['raw']} -> {actor['name'] or actor['actor_id'] or '?'} ({actor['method']})"
            for actor in row["actors"]
        )
        grid.add_row(
            str(row["row"]), short(row["activity"]), context, ", ".join(row["quarters"]), actors, row["status"] or ""
        )
    return grid
