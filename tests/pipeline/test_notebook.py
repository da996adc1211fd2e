"""notebooks/explore_workplans.ipynb runs headless, top to bottom, on a database built from the fixtures."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import nbformat
import pytest
from ipykernel.kernelspec import install as install_kernelspec
from nbclient import NotebookClient

from pipeline.ingest import ingest
from tests.fixture_files import TEXT_PLANS

ROOT = Path(__file__).parents[2]
NOTEBOOK = ROOT / "notebooks" / "explore_workplans.ipynb"
KERNEL_NAME = "workplans-test"
CELL_TIMEOUT = 600  # seconds; the first cell imports pandas, matplotlib and duckdb in a cold kernel
PLOTS = 6  # priorities by sector, quarter bars, two timeline heatmaps, the lead load bars, the lead x partner matrix


@pytest.fixture
def database(tmp_path: Path) -> Path:
    """A database ingested from the text plans."""
    path = tmp_path / "workplans.duckdb"
    summary = ingest(list(TEXT_PLANS), path)
    assert summary.loaded == len(TEXT_PLANS) and not summary.failed
    return path


@pytest.fixture
def kernel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A kernelspec for this interpreter (the project's venv), found first through JUPYTER_PATH."""
    prefix = tmp_path / "jupyter"
    spec_dir = Path(install_kernelspec(kernel_name=KERNEL_NAME, prefix=str(prefix)))
    assert json.loads((spec_dir / "kernel.json").read_text())["argv"][0] == sys.executable
    monkeypatch.setenv("JUPYTER_PATH", str(prefix / "share" / "jupyter"))
    return KERNEL_NAME


def test_notebook_is_committed_without_outputs() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code and all(not cell.outputs and cell.execution_count is None for cell in code)


@pytest.mark.slow
def test_notebook_runs_headless(database: Path, kernel: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKPLANS_DB", str(database))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(
        notebook,
        kernel_name=kernel,
        timeout=CELL_TIMEOUT,
        resources={"metadata": {"path": str(ROOT)}},
    )
    client.execute()
    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    assert not [output for output in outputs if output.output_type == "error"]
    images = [output for output in outputs if "image/png" in output.get("data", {})]
    assert len(images) == PLOTS
