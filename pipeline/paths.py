"""File paths as database text: a name that is not valid UTF-8 (Linux allows any bytes but '/' and NUL) is
stored with its undecodable bytes escaped, and its raw bytes beside it, so that nothing is lost."""

from __future__ import annotations

import os


def path_text(path: str | os.PathLike[str]) -> str:
    r"""A path as valid UTF-8 text: bytes that do not decode written as \xNN (`caf\xe9.txt`)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def path_bytes(path: str | os.PathLike[str]) -> bytes | None:
    """The raw bytes of a path whose text escapes some of them; None when the text is the path itself."""
    raw = os.fsencode(path)
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw
    return None
