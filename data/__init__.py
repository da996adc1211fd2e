"""Reference data and samples, read through one small loader."""

from __future__ import annotations

import csv
import tomllib
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent


def data_path(name: str) -> Path:
    """The path of a file under data/."""
    return DATA_DIR / name


def read_csv_rows(name: str) -> list[dict[str, str]]:
    """The rows of a CSV file under data/, as dicts; [] when the file is absent."""
    path = data_path(name)
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return [row for row in csv.DictReader(handle) if not next(iter(row.values()), "").startswith("#")]


def read_toml(name: str) -> dict[str, Any]:
    """A TOML file under data/ as a dict; {} when the file is absent."""
    path = data_path(name)
    if not path.exists():
        return {}
    with path.open("rb") as handle:
        return tomllib.load(handle)
