"""Normalizers: pure functions from the extraction model to workplan records."""
