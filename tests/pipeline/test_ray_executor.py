"""`ingest --executor ray` on a local Ray cluster (2 CPUs on 127.0.0.1, one for the whole module): the command
line on the cluster's address gives the rows of a local ingest, and a killed worker's task is retried without a
duplicate row. Skipped without the extra (`make install-ray`)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from pipeline.ingest import ingest
from pipeline.lake import DOCUMENT_FILES
from pipeline.lake_ingest import ingest_to_lake
from pipeline.lake_load import load_lake
from pipeline.summary import LOADED
from tests.pipeline.lake_helpers import (
    FIXTURES,
    KILL_ENV,
    KILL_PLAN,
    KILLED,
    ROOT,
    corpus,
    database_rows,
    killing_task,
    plans_without_one_primary,
)

ray = pytest.importorskip("ray", reason="the Ray extra is not installed (pip install -e '.[ray]', or make install-ray)")

from pipeline.ray_executor import ray_executor  # noqa: E402  (imports Ray only when the extra is there)

CLUSTER_CPUS = 2
# The kill test's documents, read by one Ray task; the victim is the smallest, so the pool (largest first) reads
# it last, after another document of its task is in the lake.
KILL_DOCUMENTS = ["health-workplan-2022.tsv", "agenda-not-a-workplan.tsv", "inter-sector-quarters-without-year.txt"]
KILL_VICTIM = "agenda-not-a-workplan.tsv"


@pytest.fixture(scope="module")
def kill_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the kill test tells the Ray workers what to kill."""
    return tmp_path_factory.mktemp("ray-kill")


@pytest.fixture(scope="module")
def cluster(kill_folder: Path) -> Iterator[str]:
    """A local Ray cluster for the module's tests; its address."""
    ray.init(
        _node_ip_address="127.0.0.1",
        num_cpus=CLUSTER_CPUS,
        include_dashboard=False,
        log_to_driver=False,
        runtime_env={"env_vars": {KILL_ENV: str(kill_folder), "PYTHONPATH": str(ROOT)}},
    )
    yield str(ray.get_runtime_context().gcs_address)
    ray.shutdown()


def test_ray_then_load_gives_the_rows_of_a_local_ingest(cluster: str, tmp_path: Path) -> None:
    files = corpus()
    local, lake, loaded = tmp_path / "local.duckdb", tmp_path / "lake", tmp_path / "loaded.duckdb"
    by_pool = ingest(files, local, workers=CLUSTER_CPUS)
    command = [sys.executable, "-m", "pipeline", "ingest", *map(str, files), "--executor", "ray", "--json"]
    on_ray = subprocess.run(
        [*command, "--ray-address", cluster, "--lake", str(lake)], capture_output=True, text=True, cwd=ROOT
    )
    assert on_ray.returncode == 1, on_ray.stderr  # some fixtures fail, as in the local ingest
    # Every field of every report, but the copy a document's plan is known by: plans are grouped in the database.
    fates = sorted(json.dumps({**report, "copy_of": None}, sort_keys=True) for report in json.loads(on_ray.stdout))
    assert fates == sorted(
        json.dumps({**report.as_json(), "copy_of": None}, sort_keys=True) for report in by_pool.documents
    )
    load_lake(lake, loaded)
    expected = database_rows(local)
    assert database_rows(loaded) == expected
    assert plans_without_one_primary(loaded) == 0
    assert len(expected["documents"]) > 50 and len(expected["ingest_errors"]) > 10  # read and failed, both


def test_a_killed_worker_is_retried_without_duplicate_rows(cluster: str, kill_folder: Path, tmp_path: Path) -> None:
    files = [next(FIXTURES.rglob(name)) for name in KILL_DOCUMENTS]
    lake, loaded, local = tmp_path / "lake", tmp_path / "loaded.duckdb", tmp_path / "local.duckdb"
    (kill_folder / KILL_PLAN).write_text(json.dumps({"victim": KILL_VICTIM, "lake": str(lake)}))
    try:
        on_ray = ingest_to_lake(
            files, lake, ray_executor(documents_per_task=len(files)), workers=CLUSTER_CPUS, task=killing_task
        )
    finally:
        (kill_folder / KILL_PLAN).unlink()
    assert (kill_folder / KILLED).exists()  # the Ray worker was killed mid-task
    assert [report.state for report in on_ray.documents] == [LOADED] * len(files)
    for table in DOCUMENT_FILES:
        assert no_duplicates(lake, table), table
    load_lake(lake, loaded)
    ingest(files, local, isolate=False)
    assert database_rows(loaded) == database_rows(local)


def no_duplicates(lake: Path, table: str) -> bool:
    """True when no row of the table is twice in the lake."""
    files = [str(path) for path in (lake / table).glob("*/*.parquet")]
    if not files:
        return True
    rows = duckdb.execute("SELECT count(*), count(DISTINCT t) FROM read_parquet(?) AS t", [files]).fetchone()
    return rows is not None and rows[0] == rows[1]
