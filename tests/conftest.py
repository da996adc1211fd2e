"""Shared by every test: the derived data kept on disk between processes (normalizers/disk_cache.py) goes to a
folder of this run's own, not to the user's cache."""

from __future__ import annotations

import os

import pytest

from normalizers.disk_cache import CACHE_DIR_VARIABLE


@pytest.fixture(autouse=True, scope="session")
def private_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> None:
    os.environ[CACHE_DIR_VARIABLE] = str(tmp_path_factory.mktemp("cache"))
