"""How the command line shows things: help that names arguments as a person reads them, and tables that are
never cut to 80 columns when the output goes to a file or a pipe."""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import partial
from typing import Any

import typer
from rich.console import Console
from rich.table import Table
from typer import Abort, Exit
from typer._click.exceptions import ClickException  # typer's own copy of click, whose exceptions it raises
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from pipeline.cli_console import PlainConsole
from pipeline.cli_errors import EXIT_INTERRUPTED, say
from pipeline.settings import DEFAULT_DB, DEFAULT_WAIT_SECONDS

# Rich's width for output that is no terminal; a table wider than this is printed at its own width,
# measured on a console wider than any table.
PIPE_WIDTH = 80
MEASURE_WIDTH = 100_000
FLAG_METAVAR = ""  # an option that takes no value shows none
# What DuckDB raises, as a plain RuntimeError, when Ctrl-C stops a statement.
DUCKDB_INTERRUPTED = "Query interrupted"
# The --db option of every command that reads or writes the database.
DB_OPTION = typer.Option(DEFAULT_DB, "--db", metavar="FILE", help="The DuckDB database file.")
# The --wait option of every command that writes the database.
WAIT_OPTION = typer.Option(
    DEFAULT_WAIT_SECONDS,
    "--wait",
    min=0,
    metavar="SECONDS",
    help="Seconds to wait for a database another process holds.",
)


def option_metavar(option: TyperOption) -> str:
    """What an option without a declared metavar takes, as argparse names it: its long name in capitals
    (`--limit LIMIT`), never its Python type (`<int>`); a choice keeps its list (`<table|csv|json>`)."""
    longest = max(option.opts, key=len)
    return longest.lstrip("-").replace("-", "_").upper()


class ReadableArgument(TyperArgument):
    """An argument shown by its metavar alone (`PATH...`), not as `{paths}...` with its Python type."""

    def display_type_rich(self, ctx: Any) -> str | None:
        return None

    def _usage_display_name(self) -> str:
        name = self.display_name_raw
        return name if self.required else f"[{name}]"


class FlagHelp:
    """A command or group whose help option shows as a flag: no `<bool>` beside `--help`."""

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.metavar = FLAG_METAVAR
        return option


class ReadableGroup(FlagHelp, TyperGroup):
    """A command group, its help option shown as a flag; run as the top-level command, a usage mistake (an
    unknown option, a value out of range, a missing argument) is one `error:` line naming the help to read,
    exit status 2, instead of a framed panel."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        run = partial(super().main, args, prog_name, complete_var, False, windows_expand_args, **extra)
        if not standalone_mode:
            return run()
        try:
            status = run()
        except ClickException as error:
            if type(error).__name__ != "NoArgsIsHelpError":  # the help is printed already
                say(usage_line(error))
            sys.exit(error.exit_code)
        except Abort:
            say("error: aborted")
            sys.exit(1)
        sys.exit(status if isinstance(status, int) else 0)


def usage_line(error: ClickException) -> str:
    """A usage mistake as one line, pointing at the help of the command it was made with."""
    context = getattr(error, "ctx", None)
    where = f" (see `{context.command_path} -h`)" if context is not None else ""
    message = " ".join(error.format_message().split())
    if message.endswith(".") and not message.endswith("..."):
        message = message[:-1]
    return f"error: {message}{where}"


class ReadableCommand(FlagHelp, TyperCommand):
    """A command whose arguments show as ReadableArgument, and which Ctrl-C ends with one line and exit status
    130 (a command that says more, as ingest does, catches it first)."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            pass
        except RuntimeError as error:  # DuckDB's word for Ctrl-C stopping a statement
            if str(error) != DUCKDB_INTERRUPTED:
                raise
        say("interrupted")
        raise Exit(EXIT_INTERRUPTED)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if type(param) is TyperArgument and param.metavar:
                param.__class__ = ReadableArgument
            elif isinstance(param, TyperOption) and param.metavar is None and not param.type_descriptor.is_choice:
                param.metavar = FLAG_METAVAR if param.is_flag else option_metavar(param)


def cell_text(value: object) -> str:
    """A value as table text: lists, structs and maps as JSON, bytes escaped, intervals as DuckDB writes them,
    NULL blank (a NaN is a value, not a missing one: "NaN")."""
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return "NaN"
    if isinstance(value, bytes | bytearray):
        return bytes(value).decode("utf-8", "backslashreplace")
    if isinstance(value, timedelta):
        return interval_text(value)
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False, default=json_default)
    return str(value)


def interval_text(value: timedelta) -> str:
    """An INTERVAL as DuckDB's own shell writes it: "3 days 02:00:00", "-00:00:01.5", "1 day"."""
    sign = "-" if value < timedelta(0) else ""
    days, rest = divmod(abs(value), timedelta(days=1))
    minutes, seconds = divmod(rest.seconds, 60)
    clock = f"{sign}{minutes // 60:02d}:{minutes % 60:02d}:{seconds:02d}"
    if rest.microseconds:
        clock += f".{rest.microseconds:06d}".rstrip("0")
    day_part = f"{sign}{days} day{'s' if days != 1 else ''}" if days else ""
    return " ".join(part for part in (day_part, clock if rest or not days else "") if part)


def json_value(value: object) -> object:
    """A value JSON can hold: NaN and the infinities, which JSON has no number for, as null (as pandas writes
    them), in lists and structs too."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, list | tuple):
        return [json_value(item) for item in value]
    if isinstance(value, dict):
        return {key: json_value(item) for key, item in value.items()}
    return value


def json_default(value: object) -> object:
    """JSON for the values DuckDB returns that JSON has no type for."""
    if isinstance(value, bytes | bytearray):
        return bytes(value).decode("utf-8", "backslashreplace")
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, timedelta):
        return interval_text(value)
    return str(value)


def print_table(columns: Sequence[str], rows: Sequence[Sequence[object]], console: Console | None = None) -> None:
    """Rows as a table on stdout (or `console`), at full width when the output is no terminal."""
    table = Table(show_lines=False)
    for column in columns:
        table.add_column(str(column), overflow="fold")
    for row in rows:
        table.add_row(*(cell_text(value) for value in row))
    target = console or PlainConsole()
    if not target.is_terminal:
        width = PlainConsole(width=MEASURE_WIDTH).measure(table).maximum
        target = PlainConsole(file=target.file, width=max(width, PIPE_WIDTH))
    target.print(table)
