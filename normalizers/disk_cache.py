"""Small derived data kept on disk between processes (the registry's forms cut by spaCy's tokenizers), under a
key of everything it is derived from: a value read back under another key, or unreadable, is no value, and the
caller builds it again. Written atomically (a temporary file renamed over the old one); a cache that cannot be
written is left alone. The folder: $WORKPLANS_CACHE_DIR, else $XDG_CACHE_HOME/workplans, else ~/.cache/workplans.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

CACHE_DIR_VARIABLE = "WORKPLANS_CACHE_DIR"


def cache_dir() -> Path:
    """The folder the cache files live in (not created here); RuntimeError when no home folder can be told."""
    if folder := os.environ.get(CACHE_DIR_VARIABLE):
        return Path(folder)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "workplans"


def read_cached(name: str, key: str) -> Any | None:
    """The value kept under `name` when it was written under `key`; None when absent, stale or unreadable."""
    try:
        with (cache_dir() / name).open(encoding="utf-8") as handle:
            stored = json.load(handle)
    except (OSError, ValueError, RuntimeError):
        return None
    if not isinstance(stored, dict) or stored.get("key") != key:
        return None
    return stored.get("value")


def write_cached(name: str, key: str, value: Any) -> None:
    """Keep `value` under `name` and `key`, replacing what was there; silently nothing when the folder cannot
    be written (a read-only home, a full disk)."""
    temporary = None
    try:
        folder = cache_dir()
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, prefix=f".{name}.", delete=False) as tmp:
            temporary = Path(tmp.name)
            json.dump({"key": key, "value": value}, tmp, ensure_ascii=False, separators=(",", ":"))
        temporary.replace(folder / name)
    except (OSError, RuntimeError):
        if temporary:
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)
