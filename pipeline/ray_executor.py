"""`workplans ingest --executor ray --lake DIR`: the reading of documents spread over a Ray cluster.

Ray Data reads the files as bytes (so they may live on storage the workers share, or on object storage); each Ray
task writes its documents to a scratch folder under their own file names and hands them to the local worker pool
(pipeline.pool: pipeline.process.process_file in a worker process, under the same limits on time and memory), then
writes what comes back to the lake (pipeline.lake_ingest, as the local executor does). A task whose Ray worker
dies is run again, at most TASK_RETRIES times; its documents' files are written again under the same names, so a
retry never duplicates a row. Ray is an optional extra (`pip install -e '.[ray]'`): only this module imports it.
"""

from __future__ import annotations

import json
import logging
import math
import tempfile
import warnings
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.lake_ingest import LakeJob, settle_files, settled_json

if TYPE_CHECKING:
    import numpy as np

# How often Ray runs a task again after its worker died (a lost node, a killed process) before its documents
# are recorded as failed: bounded, so that a document that takes down every worker does not loop.
TASK_RETRIES = 2
# Documents per Ray task (fewer for a batch smaller than the cluster): each task forks one pool worker, whose
# caches then serve its documents (one document per task took 1.2-1.5x the time on the fixtures); a retry
# redoes at most these. Raise it for very many short documents, where the cost of a task shows.
DOCUMENTS_PER_TASK = 4
# A local cluster (no --ray-address) serves this machine only: it listens on the loopback address.
LOCAL_CLUSTER = {"_node_ip_address": "127.0.0.1"}
INSTALL_HINT = "the Ray executor needs the extra: pip install -e '.[ray]' (or make install-ray)"


class RayMissing(Exception):
    """The Ray extra is not installed."""


def ray_executor(
    address: str | None = None, documents_per_task: int = DOCUMENTS_PER_TASK
) -> partial[Iterator[dict[str, Any]]]:
    """The Ray executor for pipeline.lake_ingest: the cluster at `address`, else the one this process is connected
    to, else a local one of the job's `workers` CPUs (ended when the batch ends). Raises RayMissing without Ray."""
    try:
        import ray  # noqa: F401
    except ImportError as error:
        raise RayMissing(INSTALL_HINT) from error
    return partial(read_on_ray, address=address, documents_per_task=documents_per_task)


def read_on_ray(
    files: list[Path], job: LakeJob, address: str | None, documents_per_task: int
) -> Iterator[dict[str, Any]]:
    """The documents' settled rows as the Ray tasks finish them; a task that failed past its retries drops its
    documents (they have no row: the batch records them as failed) and the rest go on."""
    import ray
    import ray.data

    started = not ray.is_initialized()
    if started:
        options: dict[str, Any] = {"address": address} if address else LOCAL_CLUSTER | {"num_cpus": job.workers}
        ray.init(**options, include_dashboard=False, logging_level=logging.ERROR, log_to_driver=False)
    logging.getLogger("ray.data").setLevel(logging.ERROR)  # the batch reports its documents itself
    try:
        context = ray.data.DataContext.get_current()
        context.max_errored_blocks = -1  # a task that failed past its retries loses its documents, not the batch
        context.enable_progress_bars = False
        context.print_on_execution_start = False
        dataset = ray.data.read_binary_files(
            [str(path) for path in files],
            include_paths=True,
            override_num_blocks=task_count(len(files), documents_per_task, int(ray.cluster_resources().get("CPU", 1))),
        )
        with warnings.catch_warnings():  # Ray 2.60 names no other way to bound a task's retries (pyproject: <2.64)
            warnings.filterwarnings("ignore", message="`ray_remote_args` is deprecated")
            rows = dataset.map_batches(
                partial(read_into_lake, job=job), batch_size=None, num_cpus=1, max_retries=TASK_RETRIES
            )
        for row in rows.iter_rows():
            yield json.loads(row["settled"])
    finally:
        if started:
            ray.shutdown()


def task_count(documents: int, documents_per_task: int, cpus: int) -> int:
    """How many Ray tasks read the batch: documents_per_task each, but at least one per CPU while there are
    documents enough."""
    return max(math.ceil(documents / documents_per_task), min(documents, cpus))


def read_into_lake(batch: dict[str, np.ndarray], job: LakeJob) -> dict[str, list[str]]:
    """A Ray task: the documents Ray Data read (paths and bytes) copied to a scratch folder under their own names
    (titles and years are read from file names), then read into the lake by the pool; their settled rows."""
    with tempfile.TemporaryDirectory(prefix="workplans-ray-") as folder:
        copies = {}
        for index, (original, data) in enumerate(zip(batch["path"], batch["bytes"], strict=True)):
            copy = Path(folder) / str(index) / Path(str(original)).name
            copy.parent.mkdir()
            copy.write_bytes(bytes(data))
            copies[str(copy)] = str(original)
        return {"settled": settled_json(settle_files(copies, job))}
