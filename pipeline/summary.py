"""What became of each document of a batch, and the batch's closing figures drawn from them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

# A document's fate in a batch.
LOADED = "loaded"
FAILED = "failed"
SKIPPED = "skipped"  # already loaded (same SHA-256), before this batch or by another ingest meanwhile
DUPLICATE = "duplicate"  # the same bytes as another file of this batch, which is loaded in its stead

# activity_actors.method of the mentions a person has to settle (pipeline/sql/005, view actor_mention_counts).
PENDING_METHODS = ("review", "unresolved")  # doubtful or unresolved: `pending`
PROVISIONAL = "provisional"  # an organisation the registry does not know, kept as a provisional actor
NOT_ACTOR = "not_actor"  # a mention naming no one ("partners", "TBD")


@dataclass(frozen=True)
class MentionCounts:
    """Actor mentions counted apart as the view actor_mention_counts counts them: pending (review + unresolved),
    provisional, naming no one. The ingest summary, `resolve`, `review --list` and a review session all say
    them with `text()`, so that one number means one thing everywhere."""

    pending: int = 0
    provisional: int = 0
    not_actor: int = 0

    @classmethod
    def of_methods(cls, methods: Iterable[object]) -> MentionCounts:
        """The counts of mentions resolved with these methods (one per mention)."""
        found = list(methods)
        return cls(
            sum(method in PENDING_METHODS for method in found),
            sum(method == PROVISIONAL for method in found),
            sum(method == NOT_ACTOR for method in found),
        )

    def __add__(self, other: MentionCounts) -> MentionCounts:
        return MentionCounts(
            self.pending + other.pending, self.provisional + other.provisional, self.not_actor + other.not_actor
        )

    @property
    def to_review(self) -> int:
        """The mentions of the review queue (the view review_queue): pending and provisional."""
        return self.pending + self.provisional

    def text(self) -> str:
        """The counts in words."""
        return (
            f"{self.to_review} actor mentions to review ({self.pending} unresolved or doubtful, {self.provisional} "
            f"provisional actors to confirm); {self.not_actor} naming no one"
        )


@dataclass(frozen=True)
class DocumentReport:
    """One file of the batch: its state, what it loaded, and why it did not (`error`, `message`)."""

    path: str  # as stored in the database (pipeline.paths.path_text)
    state: str
    format: str | None = None
    pages: int | None = None
    tables: int = 0
    activities: int = 0
    pending: int = 0  # actor mentions unresolved or doubtful (MentionCounts)
    provisional: int = 0  # actor mentions of provisional actors
    not_actor: int = 0  # actor mentions naming no one
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
    copies: int = 0  # loaded documents that are copies of another document's plan (pipeline/plans.py)

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
    def mentions(self) -> MentionCounts:
        """The actor mentions of the loaded documents, counted apart (MentionCounts)."""
        return sum(
            (MentionCounts(report.pending, report.provisional, report.not_actor) for report in self.documents),
            MentionCounts(),
        )
