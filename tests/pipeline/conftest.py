"""Shared fixtures of the pipeline tests."""

from pathlib import Path

import pytest

from pipeline.ingest import ingest

TEXT_FIXTURES = Path(__file__).parents[1] / "fixtures" / "text"


@pytest.fixture(scope="session")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database ingested from the committed text fixtures, every one of them loaded; tests only read it."""
    path = tmp_path_factory.mktemp("text-fixtures") / "workplans.duckdb"
    summary = ingest([TEXT_FIXTURES], path)
    assert summary.loaded == len(list(TEXT_FIXTURES.iterdir())) and not summary.failed
    return path
