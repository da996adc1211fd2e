"""What became of each document of a batch, and the batch's closing figures drawn from them."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# A document's fate in a batch.
LOADED = "loaded"
FAILED = "failed"
SKIPPED = "skipped"  # already loaded (same SHA-256), before this batch or by another ingest meanwhile
DUPLICATE = "duplicate"  # the same bytes as another file of this batch, which is loaded in its stead


@dataclass(frozen=True)
class DocumentReport:
    """One file of the batch: its state, what it loaded, and why it did not (`error`, `message`)."""

    path: str  # as stored in the database (pipeline.paths.path_text)
    state: str
    format: str | None = None
    pages: int | None = None
    tables: int = 0
    activities: int = 0
    to_review: int = 0  # actor mentions in the review_queue view
    warnings: tuple[str, ...] = ()  # the kinds of the problems of a loaded document (ingest_errors rows)
    error: str | None = None
    message: str = ""
    document_id: str | None = None  # of a loaded document
    copy_of: str | None = None  # the path of the primary copy of its plan, when it is another document

    def as_json(self) -> dict[str, Any]:
        """The report as a JSON object."""
        record = asdict(self)
        record["warnings"] = list(self.warnings)
        return record


@dataclass
class Summary:
    """The closing figures of a batch."""

    documents: list[DocumentReport] = field(default_factory=list)
    issues: list[tuple[str, str, str]] = field(default_factory=list)  # (path, kind, message): loaded, with a problem
    warnings: list[str] = field(default_factory=list)  # "PATH: why it was passed over" (pipeline.discover)
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage, summed over the batch
    copies: int = 0  # loaded documents that are copies of plans already loaded (pipeline/plans.py)

    def add_timings(self, timings: dict[str, float]) -> None:
        """Add one document's stage timings to the batch's."""
        for stage, seconds in timings.items():
            self.timings[stage] = self.timings.get(stage, 0.0) + seconds

    def in_state(self, state: str) -> list[DocumentReport]:
        """The documents in one state, in the order they were settled."""
        return [report for report in self.documents if report.state == state]

    @property
    def loaded(self) -> int:
        return len(self.in_state(LOADED))

    @property
    def skipped(self) -> int:
        return len(self.in_state(SKIPPED))

    @property
    def duplicates(self) -> list[DocumentReport]:
        return self.in_state(DUPLICATE)

    @property
    def failed(self) -> list[tuple[str, str, str]]:
        """(path, kind, message) of each document that failed."""
        return [(report.path, report.error or "", report.message) for report in self.in_state(FAILED)]

    @property
    def activities(self) -> int:
        return sum(report.activities for report in self.documents)

    @property
    def to_review(self) -> int:
        """Actor mentions of the loaded documents waiting in the review_queue view."""
        return sum(report.to_review for report in self.documents)
