"""Benchmarks of the project, run from the repository root (`python -m bench.throughput`, `python bench/...`)."""
