"""The holdout's content, read from its data files: plans (plans/*.toml), actors (actors.toml), words (words.toml).

A plan is a tree of context labels over activities; each activity names its lead and partner actors by key
(`a+b`: "A with B" in one lead cell; `~`: a generic collective, no actor). What is drawn at random (quarters,
statuses, spellings) is drawn by `draw`, seeded by the names involved, so a rebuild gives the same documents.
"""

from __future__ import annotations

import hashlib
import random
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
LEVELS = ("priority", "objective", "output", "indicator")
STATUSES = ("completed", "ongoing", "planned", "on_hold", "cancelled", "unclear")
# How often each quarter set is drawn for an activity: whole year most often, then halves, single quarters.
QUARTER_SETS: tuple[tuple[tuple[int, ...], int], ...] = (
    ((1, 2, 3, 4), 6),
    ((1, 2), 3),
    ((3, 4), 3),
    ((2, 3), 2),
    ((1,), 2),
    ((2,), 2),
    ((3,), 2),
    ((4,), 2),
    ((1, 2, 3), 1),
    ((2, 3, 4), 1),
    ((), 1),
)
# Status weights: most activities are ongoing or done; an empty status cell sometimes.
STATUS_WEIGHTS: tuple[tuple[str, int], ...] = (
    ("completed", 22),
    ("ongoing", 30),
    ("planned", 20),
    ("on_hold", 7),
    ("cancelled", 5),
    ("unclear", 8),
    ("", 8),
)


def rng(*parts: object) -> random.Random:
    """A random generator seeded by the SHA-256 of the parts: the same parts, the same draws."""
    digest = hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()
    return random.Random(int(digest[:16], 16))


@dataclass(frozen=True)
class Activity:
    """One activity of a plan, with its context labels and what is drawn for it once per plan."""

    index: int
    text: str
    context: dict[str, str]
    path: tuple[int, ...]  # 1-based position per level of the plan, then within its group
    lead: str
    partners: str
    quarters: tuple[int, ...]
    months: tuple[int, ...]
    status: str  # a key of STATUSES, or "" for an empty cell
    place: tuple[str, str]
    steps: tuple[str, ...] = ()  # its sub-activities, which some documents list under its text


@dataclass(frozen=True)
class Plan:
    key: str
    title: str
    subtitle: str
    country: str
    lang: str
    sector: str
    year: int
    levels: tuple[str, ...]
    names: dict[str, str]
    activities: tuple[Activity, ...]
    minutes: bool
    meeting_month: int


@dataclass(frozen=True)
class Actor:
    key: str
    names: tuple[str, ...]
    spellings: dict[str, tuple[str, ...]]
    notes: tuple[str, ...]
    typos: tuple[str, ...]
    registered: bool
    role: bool

    def spelled(self, lang: str) -> tuple[str, ...]:
        """The ways a document in `lang` writes this actor."""
        return self.spellings.get(lang) or self.spellings.get("any") or self.names[:1]


@cache
def words() -> dict[str, Any]:
    with (HERE / "words.toml").open("rb") as handle:
        return tomllib.load(handle)


@cache
def actors() -> dict[str, Actor]:
    with (HERE / "actors.toml").open("rb") as handle:
        raw = tomllib.load(handle)
    return {key: to_actor(key, entry) for key, entry in raw.items()}


def to_actor(key: str, entry: dict[str, Any]) -> Actor:
    spell = entry.get("spell", {})
    return Actor(
        key,
        tuple(entry["names"]),
        {lang: tuple(names) for lang, names in spell.items()},
        tuple(entry.get("notes", ())),
        tuple(entry.get("typos", ())),
        entry.get("registered", True),
        entry.get("role", False),
    )


@cache
def plans() -> dict[str, Plan]:
    return {path.stem: read_plan(path) for path in sorted((HERE / "plans").glob("*.toml"))}


def read_plan(path: Path) -> Plan:
    with path.open("rb") as handle:
        raw = tomllib.load(handle)
    levels = tuple(raw["levels"])
    activities = tuple(plan_activities(path.stem, levels, raw))
    return Plan(
        path.stem,
        raw["title"],
        raw["subtitle"],
        raw["country"],
        raw["lang"],
        raw["sector"],
        raw["year"],
        levels,
        dict(raw["names"]),
        activities,
        raw.get("minutes", False),
        raw.get("meeting_month", 1),
    )


def plan_activities(key: str, levels: tuple[str, ...], raw: dict[str, Any]) -> list[Activity]:
    """The activities of a plan's groups, with their positions in its tree and their drawn values."""
    draws = rng("plan", key)
    places = [tuple(place) for place in raw.get("places", [["", ""]])]
    numbering: dict[tuple[str, ...], int] = {}
    out: list[Activity] = []
    for group in raw["group"]:
        labels = tuple(group[level] for level in levels)
        path = tuple(position(numbering, labels[: depth + 1]) for depth in range(len(levels)))
        for item in group["activity"]:
            context = {level: group[level] for level in levels}
            if "indicator" in item:
                context["indicator"] = item["indicator"]
            quarters = draw_quarters(draws)
            months = draw_months(draws, quarters)
            drawn = draws.choices([s for s, _ in STATUS_WEIGHTS], [w for _, w in STATUS_WEIGHTS])[0]
            out.append(
                Activity(
                    len(out),
                    item["text"],
                    context,
                    (*path, position(numbering, (*labels, "\x00"))),
                    item["lead"],
                    item["partners"],
                    quarters,
                    months,
                    item.get("status", drawn),  # a plan may state an activity's status (a cancelled one)
                    draws.choice(places),  # type: ignore[arg-type]
                    tuple(item.get("steps", ())),
                )
            )
    return out


def position(numbering: dict[tuple[str, ...], int], labels: tuple[str, ...]) -> int:
    """The 1-based number of the last label among its siblings (the same labels, the same number)."""
    if labels[-1] == "\x00":
        numbering[labels] = numbering.get(labels, 0) + 1
        return numbering[labels]
    if labels not in numbering:
        siblings = sum(1 for known in numbering if len(known) == len(labels) and known[:-1] == labels[:-1])
        numbering[labels] = siblings + 1
    return numbering[labels]


def draw_quarters(draws: random.Random) -> tuple[int, ...]:
    return draws.choices([q for q, _ in QUARTER_SETS], [w for _, w in QUARTER_SETS])[0]


def draw_months(draws: random.Random, quarters: tuple[int, ...]) -> tuple[int, ...]:
    """Months inside the quarters, at least one per quarter and contiguous across a run of quarters."""
    months: list[int] = []
    for q in quarters:
        first = 3 * (q - 1) + 1
        if q - 1 in quarters and q + 1 in quarters:
            months.extend((first, first + 1, first + 2))
        elif q + 1 in quarters:
            start = draws.randint(first, first + 2)
            months.extend(range(start, first + 3))
        elif q - 1 in quarters:
            months.extend(range(first, draws.randint(first, first + 2) + 1))
        else:
            start = draws.randint(first, first + 2)
            months.extend(range(start, draws.randint(start, first + 2) + 1))
    return tuple(months)
