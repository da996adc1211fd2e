"""The files a batch names: files given, files under folders given (recursed), and what was passed over."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.paths import path_text

NOT_FOUND = "not_found"  # the ingest_errors kind of a path given that does not exist
# An analyst's corrections beside the documents (pipeline/mapping.py): read as a mapping, never as a document.
MAPPING_NAME = "workplans.toml"


@dataclass
class Found:
    """What a batch will read, the paths given that do not exist, and one warning per thing passed over."""

    files: list[Path] = field(default_factory=list)
    missing: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # "PATH: why it is not read"


def discover(paths: list[Path], leave_out: Iterable[Path] = ()) -> Found:
    """Files named and files under folders named (recursed, hidden ones and mappings left out, symbolic links
    to folders not followed), each once, in order; `leave_out` (the database itself) is never read."""
    found = Found()
    for path in paths:
        if path.is_dir():
            files = sorted(folder_files(path, found.warnings))
            found.files.extend(files)
            if not files:
                found.warnings.append(f"{path_text(path)}: no file in the folder (hidden ones are not read)")
        elif path.is_file():
            found.files.append(path)
        elif path.is_symlink() or path.exists():
            found.warnings.append(passed_over(path))
        else:
            found.missing.append(path)
    excluded = {path.resolve() for path in leave_out}
    found.files = [path for path in dict.fromkeys(found.files) if path.resolve() not in excluded]
    return found


def folder_files(root: Path, warnings: list[str]) -> list[Path]:
    """The files under a folder, hidden names left out; a warning for each subfolder that cannot be read and
    each entry that is no file."""

    def unreadable(error: OSError) -> None:
        warnings.append(f"{path_text(error.filename or root)}: folder not read ({error.strerror or error})")

    files = []
    for folder, subfolders, names in os.walk(root, onerror=unreadable):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        for path in (Path(folder) / name for name in names if not name.startswith(".") and name != MAPPING_NAME):
            if path.is_file():
                files.append(path)
            else:
                warnings.append(passed_over(path))
        warnings.extend(passed_over(path) for path in (Path(folder) / name for name in subfolders) if path.is_symlink())
    return files


def passed_over(path: Path) -> str:
    """Why an entry that is no regular file is not read."""
    if path.is_symlink() and not path.exists():
        reason = "a symbolic link to nothing"
    elif path.is_dir():
        reason = "a symbolic link to a folder, not followed"
    else:
        reason = "not a regular file"
    return f"{path_text(path)}: {reason}"
