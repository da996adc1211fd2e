"""What a worker hands back for one document: its frames or its error, and the time each stage took."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from time import perf_counter
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from pipeline.frames import Frame

T = TypeVar("T")
# The stages timed for `ingest --profile`, in order; `load` is timed by the writer, the rest in the worker.
STAGES = ("open", "extract", "recognise", "normalise", "load")


@dataclass(frozen=True)
class Outcome:
    """What became of one file: its frames to load, or the error that stopped it."""

    path: str
    sha256: str | None
    frames: dict[str, Frame] | None = None
    issues: Frame | None = None
    error_kind: str | None = None
    message: str | None = None
    timings: dict[str, float] = field(default_factory=dict)


class Timer:
    """Seconds spent per stage."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def run(self, stage: str, work: Callable[[], T]) -> T:
        """Run `work`, adding its wall time to `stage`."""
        start = perf_counter()
        try:
            return work()
        finally:
            self.seconds[stage] = self.seconds.get(stage, 0.0) + perf_counter() - start
