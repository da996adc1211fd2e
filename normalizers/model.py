"""The normalized records that the loader writes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

STATUSES = ("completed", "ongoing", "planned", "on_hold", "cancelled")
QUARTER_SOURCES = ("mark", "shading", "text", "inferred")
ACTOR_METHODS = ("exact", "alias", "fuzzy", "review", "reviewed", "unresolved", "provisional", "not_actor")


@dataclass(frozen=True, order=True)
class Quarter:
    """One quarter an activity runs in; year None when the document does not say."""

    year: int | None
    quarter: int
    source: str = "mark"  # mark | shading | text | inferred

    def __post_init__(self) -> None:
        if not 1 <= self.quarter <= 4:
            raise ValueError(f"quarter must be 1..4, not {self.quarter}")
        if self.source not in QUARTER_SOURCES:
            raise ValueError(f"unknown quarter source {self.source!r}")


@dataclass(frozen=True)
class ActorRef:
    """One mention of an actor in a lead or partner cell, resolved or not."""

    raw: str
    actor_id: str | None
    score: float  # 0..100
    method: str  # exact | alias | fuzzy | review | reviewed | unresolved | provisional | not_actor
    role: str = "lead"  # lead | partner
    suggestions: tuple[tuple[str, float], ...] = ()  # (actor_id, score) for the review queue
    doubt: str | None = None  # why a reading was routed to review (normalizers/actor_shapes.py), or None

    def __post_init__(self) -> None:
        if self.method not in ACTOR_METHODS:
            raise ValueError(f"unknown actor method {self.method!r}")


@dataclass(frozen=True)
class Activity:
    """One leaf row of a workplan table (or one item of a bullet list in its activity cell), standing on its own."""

    table_index: int
    row_index: int
    page: int | None
    activity: str
    priority: str | None = None
    objective: str | None = None
    output: str | None = None
    indicator: str | None = None
    status: str | None = None
    comments: str | None = None
    lead_raw: str | None = None
    partners_raw: str | None = None
    timeline_raw: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    quarters: tuple[Quarter, ...] = ()
    actors: tuple[ActorRef, ...] = ()
    item: int = 0  # the item's place in a bullet list written in the row's activity cell
