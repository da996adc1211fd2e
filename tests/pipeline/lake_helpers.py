"""What the lake and Ray tests share: every row of a database to compare, the corpus, and a worker task that kills
the Ray worker running it, once, after the lake holds another document of its Ray task."""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

import duckdb

from normalizers.actors import Registry
from pipeline.limits import Limits
from pipeline.outcome import Outcome
from pipeline.process import process_file
from pipeline.reading import Reading

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
SAMPLES = ROOT / "data" / "samples"
# Columns that say when a row was written: the one difference allowed between two ingests of the same files.
# And `documents.is_primary`, which between copies of a plan equal in every other way goes to the one ingested
# last (pipeline/plans.py): `plan_group` is compared, and one_primary_per_plan checks the choice.
WHEN_COLUMNS = {"ingested_at", "failed_at", "first_seen", "applied_at", "decided_at", "created_at", "is_primary"}
# The folder where the kill test tells the Ray workers what to kill (the Ray workers' environment names it).
KILL_ENV = "WORKPLANS_TEST_KILL_DIR"
KILL_PLAN = "plan.json"  # {"victim": file name, "lake": folder}
KILLED = "killed"  # written just before the kill: the pid of the Ray worker killed
# The most the victim waits for the lake to hold another document (a failing test only).
SAFETY_SECONDS = 300.0
POLL_SECONDS = 0.05


def corpus() -> list[Path]:
    """The sample and fixture documents (not their expected outputs)."""
    files = [*SAMPLES.iterdir(), *FIXTURES.rglob("*")]
    return sorted(path for path in files if path.is_file() and "expected" not in path.parts)


def database_rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, without the columns that say when, sorted."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        tables = [row[0] for row in con.execute("SELECT table_name FROM duckdb_tables() ORDER BY 1").fetchall()]
        return {table: table_rows(con, table) for table in tables}
    finally:
        con.close()


def plans_without_one_primary(path: Path) -> int:
    """How many plans (groups of copies) do not have exactly one primary copy."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        row = con.execute(
            "SELECT count(*) FROM (SELECT plan_group FROM documents WHERE plan_group IS NOT NULL GROUP BY 1 "
            "HAVING count(*) FILTER (WHERE is_primary) <> 1)"
        ).fetchone()
    finally:
        con.close()
    return int(row[0]) if row else -1


def table_rows(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple[object, ...]]:
    """A table's rows without the columns that say when, sorted."""
    columns = [
        row[0]
        for row in con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE table_name = ? ORDER BY column_index", [table]
        ).fetchall()
        if row[0] not in WHEN_COLUMNS
    ]
    names = ", ".join(f'"{name}"' for name in columns)
    return sorted(con.execute(f"SELECT {names} FROM {table}").fetchall(), key=repr)


def killing_task(path: Path, registry: Registry, limits: Limits, reading: Reading) -> Outcome:
    """process_file, except for the kill plan's victim the first time: once the lake holds another document (of
    the same Ray task), kill the Ray worker running this pool (this worker's parent is the pool's fork server,
    whose parent is the Ray worker)."""
    folder = os.environ.get(KILL_ENV)
    plan_file = Path(folder) / KILL_PLAN if folder else None
    if plan_file and plan_file.exists() and not (plan_file.parent / KILLED).exists():
        plan = json.loads(plan_file.read_text())
        if path.name == plan["victim"]:
            lake_documents = Path(plan["lake"]) / "documents"
            deadline = time.monotonic() + SAFETY_SECONDS
            while not any(lake_documents.glob("*/*.parquet")) and time.monotonic() < deadline:
                time.sleep(POLL_SECONDS)
            ray_worker = parent_of(os.getppid())
            (plan_file.parent / KILLED).write_text(str(ray_worker))
            os.kill(ray_worker, signal.SIGKILL)
            time.sleep(SAFETY_SECONDS)  # this worker dies with its fork server
    return process_file(path, registry, limits, reading)


def parent_of(pid: int) -> int:
    """A process's parent (Linux)."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    return int(stat.rsplit(")", 1)[1].split()[1])
