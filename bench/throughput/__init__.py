"""Batch ingestion throughput and memory: `python -m bench.throughput` (see `__main__.py`).

Kept free of imports beyond the standard library: the peer programs (`python -m bench.throughput.peer`)
run in other interpreters, such as a camelot venv, that have none of the project's dependencies.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
