"""The workers' fork server started as `workplans ingest` starts, before the command line's own imports and the
database's first open: its warm-up (spaCy, the actor matchers, the readers of the batch's formats) then runs while
this process gets ready, instead of after it. The ingest's worker pool finds it running and forks its workers from it.

Only for an ingest that will read documents with this machine's workers: `--force`, or a database that does not exist
yet. A re-ingest into an existing database may find everything loaded already and read nothing; it starts its workers
once it knows (as every ingest did before), rather than pay a warm-up for nothing. The command line is looked at, not
parsed: a guess that starts nothing, or names the wrong formats, costs time only (the pool starts the server itself,
and a worker imports the reader of a format the server did not load).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

COMMAND = "ingest"
# The options looked at: those whose value is a path that is no document (a database, a mapping, a lake), the
# executor, and two flags.
DB, MAPPING, LAKE, EXECUTOR = "--db", "--mapping", "--lake", "--executor"
VALUE_OPTIONS = (DB, MAPPING, LAKE, EXECUTOR)
FORCE, HELP = "--force", ("-h", "--help")
# What ends the options: every argument after it is a path.
END_OF_OPTIONS = "--"
# The executor whose documents are read elsewhere (Ray tasks), by no worker of this machine.
REMOTE_EXECUTOR = "ray"
# The formats the fork server loads readers for are told from this many files at most (each is sniffed again by the
# ingest: a folder of thousands must not hold the start back; a worker imports the reader of a format left out).
MAX_FILES_SNIFFED = 100


def start_early(argv: Sequence[str]) -> None:
    """Start the fork server now when the command line (without the program's name) is an ingest that will read
    documents in this machine's workers; nothing otherwise."""
    paths = documents_to_read(argv)
    if paths is None:
        return
    from pipeline.discover import discover
    from pipeline.pool import file_formats, start_fork_server

    start_fork_server(file_formats(discover(paths).files[:MAX_FILES_SNIFFED]))


def documents_to_read(argv: Sequence[str]) -> list[Path] | None:
    """The paths an ingest command line names (files and folders), when it will read with local workers and is
    not a re-ingest into an existing database without --force; None for any other command line."""
    if not argv or argv[0] != COMMAND:
        return None
    values: dict[str, str] = {}
    flags: set[str] = set()
    paths: list[Path] = []
    arguments = iter(argv[1:])
    for argument in arguments:
        name, equals, value = argument.partition("=")
        if argument == END_OF_OPTIONS:
            paths.extend(map(Path, arguments))
        elif name in VALUE_OPTIONS:
            values[name] = value if equals else next(arguments, "")
        elif argument.startswith("-"):
            flags.add(argument)
        else:
            paths.append(Path(argument))
    if flags.intersection(HELP) or values.get(EXECUTOR) == REMOTE_EXECUTOR:
        return None
    if FORCE not in flags and (LAKE in values or database(values).exists()):
        return None
    return paths


def database(values: dict[str, str]) -> Path:
    """The database the command line names (or the default one)."""
    from pipeline.settings import DEFAULT_DB

    return Path(values[DB]) if values.get(DB) else DEFAULT_DB
