"""How the command line shows things: help that names arguments as a person reads them, and tables that are
never cut to 80 columns when the output goes to a file or a pipe."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from rich.console import Console
from rich.table import Table
from typer.core import TyperArgument, TyperCommand

# Rich's width for output that is no terminal; a table wider than this is printed at its own width,
# measured on a console wider than any table.
PIPE_WIDTH = 80
MEASURE_WIDTH = 100_000


class ReadableArgument(TyperArgument):
    """An argument shown by its metavar alone (`PATH...`), not as `{paths}...` with its Python type."""

    def display_type_rich(self, ctx: Any) -> str | None:
        return None

    def _usage_display_name(self) -> str:
        name = self.display_name_raw
        return name if self.required else f"[{name}]"


class ReadableCommand(TyperCommand):
    """A command whose arguments show as ReadableArgument."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if type(param) is TyperArgument and param.metavar:
                param.__class__ = ReadableArgument


def cell_text(value: object) -> str:
    """A value as table text: lists, structs and maps as JSON, bytes escaped, missing values blank."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bytes | bytearray):
        return bytes(value).decode("utf-8", "backslashreplace")
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False, default=json_default)
    return str(value)


def json_default(value: object) -> object:
    """JSON for the values DuckDB returns that JSON has no type for."""
    if isinstance(value, bytes | bytearray):
        return bytes(value).decode("utf-8", "backslashreplace")
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def print_table(columns: Sequence[str], rows: Sequence[Sequence[object]], console: Console | None = None) -> None:
    """Rows as a table on stdout (or `console`), at full width when the output is no terminal."""
    table = Table(show_lines=False)
    for column in columns:
        table.add_column(str(column), overflow="fold")
    for row in rows:
        table.add_row(*(cell_text(value) for value in row))
    target = console or Console()
    if not target.is_terminal:
        width = Console(width=MEASURE_WIDTH).measure(table).maximum
        target = Console(file=target.file, width=max(width, PIPE_WIDTH))
    target.print(table)
