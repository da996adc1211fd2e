"""Precision and recall of actor resolution on the labelled mentions of tests/data/mentions.csv.

precision = correct resolved actors / resolved actors; recall = correct resolved actors / expected actors.
A mention routed to review or left unresolved counts as not resolved. Rows are split into "dev" (used
while building the resolver), "holdout1" (written after it, measured once, then its errors studied) and
"holdout2" (written last, after every change, never tuned on).

    .venv/bin/python bench/actor_resolution.py [--errors]
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

MENTIONS = Path(__file__).resolve().parent.parent / "tests" / "data" / "mentions.csv"
SPLITS = ("dev", "holdout1", "holdout2", "holdout3")
IDS_SEPARATOR = "|"


@dataclass(frozen=True)
class Outcome:
    """One labelled cell: what a careful human expects and what the resolver returned."""

    raw: str
    split: str
    expected: tuple[str, ...]
    resolved: tuple[str, ...]

    @property
    def correct(self) -> int:
        """Resolved actors that were expected (each expected actor counted once)."""
        return sum((Counter(self.expected) & Counter(self.resolved)).values())


@dataclass(frozen=True)
class Scores:
    """Precision and recall over a set of outcomes."""

    rows: int
    expected: int
    resolved: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.resolved if self.resolved else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.expected if self.expected else 1.0


def read_mentions(path: Path = MENTIONS) -> list[dict[str, str]]:
    """The labelled rows: raw, expected, context, split."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def resolve_rows(rows: list[dict[str, str]]) -> list[Outcome]:
    """Each labelled cell resolved with the project's registry (as a lead cell, with its context)."""
    sys.path.insert(0, str(MENTIONS.parent.parent.parent))
    from normalizers.actors import load_registry, resolve_cell

    registry = load_registry()
    return [
        Outcome(
            raw=row["raw"],
            split=row["split"],
            expected=tuple(actor for actor in row["expected"].split(IDS_SEPARATOR) if actor),
            resolved=tuple(
                ref.actor_id
                for ref in resolve_cell(row["raw"], registry, "lead", row["context"] or None)
                if ref.actor_id
            ),
        )
        for row in rows
    ]


def score(outcomes: list[Outcome]) -> Scores:
    """Precision and recall over outcomes."""
    return Scores(
        rows=len(outcomes),
        expected=sum(len(outcome.expected) for outcome in outcomes),
        resolved=sum(len(outcome.resolved) for outcome in outcomes),
        correct=sum(outcome.correct for outcome in outcomes),
    )


def scores_by_split(outcomes: list[Outcome]) -> dict[str, Scores]:
    """Scores for every split and for all rows together."""
    by_split = {split: score([outcome for outcome in outcomes if outcome.split == split]) for split in SPLITS}
    return {**by_split, "all": score(outcomes)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list the rows the resolver got wrong")
    args = parser.parse_args()
    outcomes = resolve_rows(read_mentions())
    header = ("split", "rows", "expected", "resolved", "correct", "precision", "recall")
    print("{:8} {:>5} {:>9} {:>9} {:>8} {:>10} {:>7}".format(*header))
    for name, scores in scores_by_split(outcomes).items():
        print(
            f"{name:8} {scores.rows:>5} {scores.expected:>9} {scores.resolved:>9} {scores.correct:>8} "
            f"{scores.precision:>10.3f} {scores.recall:>7.3f}"
        )
    if args.errors:
        for outcome in outcomes:
            if Counter(outcome.expected) != Counter(outcome.resolved):
                print(f"[{outcome.split}] {outcome.raw!r}: expected {outcome.expected} got {outcome.resolved}")


if __name__ == "__main__":
    main()
