"""Per-document limits: how big, how long, how much memory one document may take before it is stopped."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# The largest real workplans seen are a few MB (a 60-page PDF with logos); 100 MB leaves room for
# scanned annexes while refusing data dumps and disk images named .pdf.
DEFAULT_MAX_FILE_MB = 100.0
# Workplans run to tens of pages; 2,000 pages is a report archive, not a workplan, and would take minutes.
DEFAULT_MAX_PAGES = 2000
# A 60-page PDF extracts in a few seconds; two minutes marks a parser stuck in a loop.
DEFAULT_MAX_SECONDS = 120.0
# Extra address space a document may take over an idle worker (which itself maps ~0.5 GB of libraries);
# 2 GB holds a 10,000-row sheet many times over, and two workers still fit a small laptop.
DEFAULT_MAX_MEMORY_MB = 2048
BYTES_PER_MB = 1 << 20

# The ingest_errors kinds for a breach of each limit, and for a worker that died.
TOO_LARGE = "too_large"
TOO_MANY_PAGES = "too_many_pages"
TIMEOUT = "timeout"
OUT_OF_MEMORY = "out_of_memory"
WORKER_CRASHED = "worker_crashed"


@dataclass(frozen=True)
class Limits:
    """What one document may take; a breach stops that document only."""

    max_file_mb: float = DEFAULT_MAX_FILE_MB
    max_pages: int = DEFAULT_MAX_PAGES
    max_seconds: float = DEFAULT_MAX_SECONDS
    max_memory_mb: int = DEFAULT_MAX_MEMORY_MB

    def __post_init__(self) -> None:
        for name in ("max_file_mb", "max_pages", "max_seconds", "max_memory_mb"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be positive, not {getattr(self, name)}")

    @property
    def max_file_bytes(self) -> int:
        """The largest file size accepted, in bytes."""
        return int(self.max_file_mb * BYTES_PER_MB)

    @property
    def max_memory_bytes(self) -> int:
        """The extra address space a document may take, in bytes."""
        return self.max_memory_mb * BYTES_PER_MB


def file_size_breach(path: Path, limits: Limits) -> str | None:
    """Why a file is too large to read, or None when it is within the limit."""
    size = path.stat().st_size
    if size > limits.max_file_bytes:
        return f"{size / BYTES_PER_MB:.1f} MB (limit {limits.max_file_mb:g} MB, see --max-file-mb)"
    return None


def memory_message(limits: Limits) -> str:
    """What an out_of_memory error says."""
    return f"needed more than {limits.max_memory_mb} MB of memory (see --max-mb)"


def pages_breach(pages: int | None, limits: Limits) -> str | None:
    """Why a document has too many pages, or None when it is within the limit."""
    if pages is not None and pages > limits.max_pages:
        return f"{pages} pages (limit {limits.max_pages}, see --max-pages)"
    return None
