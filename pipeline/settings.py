"""Defaults the command line shows before any heavy module is imported."""

from __future__ import annotations

from pathlib import Path

DEFAULT_DB = Path("data/workplans.duckdb")
# How long to wait for another process's lock by default: longer than one document's load (well under a
# second), short enough that a second `ingest` facing a long one says "busy" quickly.
DEFAULT_WAIT_SECONDS = 10.0
