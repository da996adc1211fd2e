"""Precision, recall and false merges of actor resolution on labelled cells (tests/data/*.csv).

Each row is a lead or partner cell with the actors a careful human expects: registry ids, and `+Name`
for an organisation the registry does not know (expected as a provisional actor of that name). The cell
is resolved as a lead cell with the row's context and country.

- a link is every actor the resolver returned: a registry actor or a provisional one;
- correct: a registry actor that was expected, or a provisional actor whose name (as a name key) is an
  expected `+Name`;
- precision = correct links / links: every wrong link counts, a provisional actor for a mention that
  names a registry actor or no one included;
- false merge: a registry actor that was not expected (two different organisations made one);
- recall = correct links / expected actors (resolved or correctly provisional);
- provisional share = provisional links / links; unresolved share = mentions routed to review or left
  unresolved / mentions the resolver returned (mentions naming no one left out).
A mention routed to review or left unresolved is no link. Splits: see bench/ACTOR_RESULTS.md.

    .venv/bin/python bench/actor_resolution.py [--errors] [--file tests/data/other.csv]
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MENTIONS = ROOT / "tests" / "data" / "mentions.csv"
OPEN_WORLD = ROOT / "tests" / "data" / "open_world_mentions.csv"
IDS_SEPARATOR = "|"
NEW_ACTOR = "+"  # an expected organisation absent from the registry: "+Rural Aid Network"
ROLE_SEPARATOR = "--"  # "syr-wash-cluster--coordinator": a role of a registry body (a false merge if the body is wrong)


@dataclass(frozen=True)
class Outcome:
    """One labelled cell: what a careful human expects and what the resolver linked."""

    raw: str
    split: str
    expected: tuple[str, ...]  # registry ids and "+name key" of expected provisional actors
    linked: tuple[str, ...]  # registry ids and "+name key" of the provisional actors returned
    registry_ids: frozenset[str]
    unresolved: int = 0  # mentions routed to review or left unresolved (no link)

    @property
    def correct(self) -> int:
        """Links that were expected (each expected actor counted once)."""
        return sum((Counter(self.expected) & Counter(self.linked)).values())

    @property
    def false_merges(self) -> int:
        """Registry actors linked that were not expected."""
        wrong = Counter(self.linked) - Counter(self.expected)
        return sum(count for actor, count in wrong.items() if actor.split(ROLE_SEPARATOR)[0] in self.registry_ids)

    @property
    def provisional(self) -> int:
        return sum(actor.startswith(NEW_ACTOR) for actor in self.linked)


@dataclass(frozen=True)
class Scores:
    """Precision, recall and false merges over a set of outcomes."""

    rows: int
    expected: int
    linked: int
    correct: int
    false_merges: int
    provisional: int
    unresolved: int

    @property
    def provisional_share(self) -> float:
        """Provisional links per link."""
        return self.provisional / self.linked if self.linked else 0.0

    @property
    def unresolved_share(self) -> float:
        """Mentions without a link (review, unresolved) per mention the resolver returned."""
        mentions = self.linked + self.unresolved
        return self.unresolved / mentions if mentions else 0.0

    @property
    def precision(self) -> float:
        return self.correct / self.linked if self.linked else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.expected if self.expected else 1.0

    @property
    def false_merge_rate(self) -> float:
        """False merges per expected actor (the share of mentions merged onto another organisation)."""
        return self.false_merges / self.expected if self.expected else 0.0


def read_mentions(path: Path = MENTIONS) -> list[dict[str, str]]:
    """The labelled rows: raw, expected, context, country, split."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def expected_actors(text: str) -> tuple[str, ...]:
    """The expected column as registry ids and "+name key" entries."""
    from normalizers.actor_registry import name_key

    return tuple(
        NEW_ACTOR + name_key(actor[1:]) if actor.startswith(NEW_ACTOR) else actor
        for actor in text.split(IDS_SEPARATOR)
        if actor
    )


def resolve_rows(rows: list[dict[str, str]]) -> list[Outcome]:
    """Each labelled cell resolved with the project's registry (as a lead cell, with its context and country)."""
    sys.path.insert(0, str(ROOT))
    from normalizers.actor_provisional import provisional_actor
    from normalizers.actor_registry import name_key
    from normalizers.actors import ResolutionContext, load_registry, resolve_cell

    registry = load_registry()
    registry_ids = frozenset(registry.actors)
    outcomes = []
    for row in rows:
        country = row.get("country") or None
        context = ResolutionContext(row["context"] or "", country=country)
        all_refs = resolve_cell(row["raw"], registry, "lead", context)
        refs = [ref for ref in all_refs if ref.actor_id]
        unresolved = sum(ref.actor_id is None and ref.method in ("review", "unresolved") for ref in all_refs)
        linked = tuple(
            NEW_ACTOR + name_key(provisional_actor(ref.raw, country).name)
            if ref.method == "provisional"
            else ref.actor_id
            for ref in refs
            if ref.actor_id
        )
        expected = expected_actors(row["expected"])
        outcomes.append(Outcome(row["raw"], row["split"], expected, linked, registry_ids, unresolved))
    return outcomes


def score(outcomes: list[Outcome]) -> Scores:
    """Precision, recall and false merges over outcomes."""
    return Scores(
        rows=len(outcomes),
        expected=sum(len(outcome.expected) for outcome in outcomes),
        linked=sum(len(outcome.linked) for outcome in outcomes),
        correct=sum(outcome.correct for outcome in outcomes),
        false_merges=sum(outcome.false_merges for outcome in outcomes),
        provisional=sum(outcome.provisional for outcome in outcomes),
        unresolved=sum(outcome.unresolved for outcome in outcomes),
    )


def scores_by_split(outcomes: list[Outcome]) -> dict[str, Scores]:
    """Scores for every split (in the order they appear) and for all rows together."""
    splits = dict.fromkeys(outcome.split for outcome in outcomes)
    by_split = {split: score([outcome for outcome in outcomes if outcome.split == split]) for split in splits}
    return {**by_split, "all": score(outcomes)}


def print_scores(outcomes: list[Outcome], errors: bool) -> None:
    """The table of scores by split, and the rows the resolver got wrong when asked."""
    header = ("split", "rows", "expected", "linked", "correct", "merges", "merge%", "prov%", "unres%")
    print("{:10} {:>5} {:>9} {:>7} {:>8} {:>7} {:>7} {:>6} {:>7} {:>10} {:>7}".format(*header, "precision", "recall"))
    for name, scores in scores_by_split(outcomes).items():
        print(
            f"{name:10} {scores.rows:>5} {scores.expected:>9} {scores.linked:>7} {scores.correct:>8} "
            f"{scores.false_merges:>7} {100 * scores.false_merge_rate:>7.2f} {100 * scores.provisional_share:>6.1f} "
            f"{100 * scores.unresolved_share:>7.1f} {scores.precision:>10.3f} {scores.recall:>7.3f}"
        )
    if errors:
        for outcome in outcomes:
            if Counter(outcome.expected) != Counter(outcome.linked):
                print(f"[{outcome.split}] {outcome.raw!r}: expected {outcome.expected} got {outcome.linked}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list the rows the resolver got wrong")
    parser.add_argument("--file", type=Path, action="append", help="labelled CSV files (default: both sets)")
    args = parser.parse_args()
    for path in args.file or [MENTIONS, OPEN_WORLD]:
        if path.exists():
            print(f"\n{path}")
            print_scores(resolve_rows(read_mentions(path)), args.errors)


if __name__ == "__main__":
    main()
