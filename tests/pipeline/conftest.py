"""Shared fixtures of the pipeline tests."""

from pathlib import Path

import pytest

from pipeline.ingest import ingest
from tests.fixture_files import TEXT_PLANS


@pytest.fixture(scope="session")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database ingested from the text plans, every one of them loaded; tests only read it."""
    path = tmp_path_factory.mktemp("text-fixtures") / "workplans.duckdb"
    summary = ingest(list(TEXT_PLANS), path)
    assert summary.loaded == len(TEXT_PLANS) and not summary.failed
    return path
