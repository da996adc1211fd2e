"""The workshop: generators of the samples and test fixtures, outside the shipped packages.

Run from the repository root: `make samples`, `make fixtures` (or `python -m tools.samples`, ...).
"""
