"""Fixtures shared by the normalizer tests."""

from __future__ import annotations

import pytest

from normalizers.actors import Registry, load_registry


@pytest.fixture(scope="module")
def registry() -> Registry:
    """The project's actor registry (data/actors.csv), as the resolver loads it."""
    return load_registry()
