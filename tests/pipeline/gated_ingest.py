"""`workplans ingest` steered by a test through files instead of timing: its workers hold documents named `held-*`
until a release file exists, and its writer can stop inside the transaction of a held document (after marking
it) until it is killed. Run in its own process, with the command line `command(...)` gives."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import duckdb

from normalizers.actors import Registry
from pipeline import cli, ingest, writer
from pipeline.early_start import start_early
from pipeline.limits import Limits
from pipeline.outcome import Outcome
from pipeline.pool import Task, WorkerPool
from pipeline.process import process_file
from pipeline.reading import Reading

ROOT = Path(__file__).resolve().parents[2]
HELD_PREFIX = "held-"
# What the writer runs inside each load transaction, before it commits.
Step = Callable[[duckdb.DuckDBPyConnection, list[str]], int]
# The release file, for the workers (forked from a server that inherits this process's environment).
RELEASE_ENV = "WORKPLANS_TEST_RELEASE"
# The pytest process that started the gated ingest: a held document waits for its release file as long as that
# process lives, never for a length of time (on a loaded machine any length can pass before the test releases it).
TEST_PID_ENV = "WORKPLANS_TEST_PID"
# How often a held document looks for its release file, and the test for what it waits for.
POLL_SECONDS = 0.01
# The most the TEST waits for what it expects to see: a guard against a hung test run, far above what any
# step takes even on a loaded two-core machine; reaching it fails the test, it never changes what is tested.
SAFETY_SECONDS = 1800.0
# A held document is never stopped by the time limit: it waits as long as its test lives.
GATED_LIMITS = Limits(max_seconds=100 * SAFETY_SECONDS)


def poll_until(condition: Callable[[], bool], still: Callable[[], bool] = lambda: True) -> bool:
    """Wait until `condition()` holds, or `still()` no longer does, or SAFETY_SECONDS have passed; True when
    the condition held."""
    deadline = time.monotonic() + SAFETY_SECONDS
    while not condition():
        if not still() or time.monotonic() >= deadline:
            return False
        time.sleep(POLL_SECONDS)
    return True


def process_alive(pid: int) -> bool:
    """Whether a process of this id still runs."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def wait_for_release(release: Path, test_pid: int) -> None:
    """Wait until the release file exists, or until the test that holds the document is gone."""
    while not release.exists() and process_alive(test_pid):
        time.sleep(POLL_SECONDS)


def held_task(path: Path, registry: Registry, limits: Limits, reading: Reading) -> Outcome:
    """process_file, once released for a document named `held-*`."""
    if path.name.startswith(HELD_PREFIX):
        wait_for_release(Path(os.environ[RELEASE_ENV]), int(os.environ[TEST_PID_ENV]))
    return process_file(path, registry, limits, reading)


def stopping_at_held(marker: Path, then: Step) -> Step:
    """The writer's step inside each load transaction (`then`), which in the transaction of a held document
    marks `marker` and waits there, the rows inserted and not committed, until the process is killed."""

    def step(con: duckdb.DuckDBPyConnection, document_ids: list[str]) -> int:
        changed = then(con, document_ids)
        paths = con.execute("select path from documents where list_contains(?, document_id)", [document_ids])
        if any(Path(path).name.startswith(HELD_PREFIX) for (path,) in paths.fetchall()):
            marker.touch()
            while True:
                time.sleep(SAFETY_SECONDS)
        return changed

    return step


class HeldPool(WorkerPool):
    """The worker pool of an ingest, its workers running held_task, no document stopped by the time limit."""

    def __init__(self, workers: int, limits: Limits, task: Task | None = None, **options: Any) -> None:
        super().__init__(workers, replace(limits, max_seconds=GATED_LIMITS.max_seconds), task or held_task, **options)


def main() -> None:
    """`workplans` with the gated workers (and writer): --release FILE [--stop-at-held MARKER] ARGS..."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--release", type=Path, required=True)
    parser.add_argument(
        "--test-pid", type=int, required=True, help="the test process: held documents wait while it lives"
    )
    parser.add_argument("--stop-at-held", type=Path, help="a marker file: stop in the held documents' transaction")
    args, command_line = parser.parse_known_args()
    os.environ[RELEASE_ENV] = str(args.release)
    os.environ[TEST_PID_ENV] = str(args.test_pid)
    if args.stop_at_held:
        writer.apply_stored_decisions = stopping_at_held(args.stop_at_held, writer.apply_stored_decisions)
    ingest.WorkerPool = HeldPool  # type: ignore[misc]
    # Ctrl-C handled as in a terminal's foreground process, whatever this process inherited: a test run started
    # in the background of a script (`make test &`) passes SIGINT on ignored, and Python then keeps ignoring it.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    sys.argv = ["workplans", *command_line]
    start_early(command_line)  # as the entry point does: the workers' fork server started before the batch is found
    cli.main()


def command(release: Path, *arguments: object, stop_at_held: Path | None = None) -> list[str]:
    """The command line of `workplans ARGUMENTS...` with the gated workers (and writer)."""
    gates = [
        "--release",
        str(release),
        "--test-pid",
        str(os.getpid()),
        *(["--stop-at-held", str(stop_at_held)] if stop_at_held else []),
    ]
    return [sys.executable, "-c", "from tests.pipeline.gated_ingest import main; main()", *gates, *map(str, arguments)]
