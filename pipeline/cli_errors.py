"""How the command line reports what stops a command: one line on stderr, an exit status, no traceback."""

from __future__ import annotations

import errno
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

import typer

from pipeline.cli_console import PlainConsole

# Exit statuses (README, "Command line").
EXIT_FAILED = 1  # a document failed (the rest loaded), an SQL error, no database yet
EXIT_USAGE = 2  # bad usage: an unknown option, a --db that is no database, an --out in the way
EXIT_BUSY = 3  # the command could not run: the database stayed busy past --wait, or an internal error
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT, as shells report it)

err = PlainConsole(stderr=True, soft_wrap=True, highlight=False)


def say(line: str) -> None:
    """One line on stderr, as it is (no markup, control characters visible, never wrapped): a line break in it (a
    file name may hold one, an exception's message several) shown as \\n."""
    err.print(line.replace("\n", "\\n"))


# How the system's refusals read in an error line (the rest: the system's own words).
OS_ERRORS = {
    errno.ENOENT: "no such file",
    errno.EISDIR: "a folder, not a file",
    errno.ENOTDIR: "a file stands where a folder should",
    errno.EACCES: "permission denied",
}


def problem_text(error: Exception) -> str:
    """What went wrong with a file, in words: an extractor's message, or the system's refusal (no errno, no
    repeated path)."""
    if isinstance(error, OSError):
        return OS_ERRORS.get(error.errno or 0) or (error.strerror or str(error)).lower()
    return getattr(error, "message", None) or str(error)


def fail(message: str, status: int) -> NoReturn:
    """Report what stops the command and leave with `status`."""
    say(f"error: {message}")
    raise typer.Exit(status)


def check_mapping(mapping: Path | None) -> None:
    """Stop the command when --mapping names no file."""
    from pipeline.paths import path_text

    if mapping is not None and not mapping.is_file():
        what = "a folder, not a mapping file" if mapping.is_dir() else "no such file"
        fail(f"--mapping {path_text(mapping)}: {what}", EXIT_USAGE)


@contextmanager
def database_errors() -> Iterator[None]:
    """Turn the database's refusals into one error line and the README's exit status."""
    from pipeline import db

    try:
        yield
    except db.DatabaseBusy as error:
        fail(f"{error}; try again when it has finished, or raise --wait", EXIT_BUSY)
    except db.DatabaseUnusable as error:
        fail(f"--db: {error}", EXIT_USAGE)
    except FileNotFoundError as error:
        fail(str(error), EXIT_FAILED)
