"""Who: split lead and partner cells into mentions and resolve them to registry actors."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from data import read_csv_rows
from normalizers.model import ActorRef

SEPARATORS = re.compile(r"\s*(?:[,;/&\n]|\band\b|\bwith\b)\s*", re.IGNORECASE)
# A fuzzy match at or above this score is accepted without review.
AUTO_ACCEPT = 92.0
# Below this score a mention is not even suggested for review.
SUGGEST_FLOOR = 70.0


@dataclass(frozen=True)
class Actor:
    """One canonical actor of the registry."""

    actor_id: str
    name: str
    acronym: str | None
    actor_type: str
    aliases: tuple[str, ...] = ()
    parent_id: str | None = None


@dataclass
class Registry:
    """The curated actors and an index of every name form to its actor id."""

    actors: dict[str, Actor]
    names: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for actor in self.actors.values():
            for form in (actor.name, actor.acronym, *actor.aliases):
                if form:
                    self.names.setdefault(name_key(form), actor.actor_id)


def name_key(text: str) -> str:
    """A name reduced for comparison: lower case, punctuation and extra spaces gone."""
    return " ".join(re.sub(r"[^\w]+", " ", text.lower()).split())


def load_registry() -> Registry:
    """The registry of data/actors.csv."""
    actors = {
        row["actor_id"]: Actor(
            actor_id=row["actor_id"], name=row["name"], acronym=row.get("acronym") or None,
            actor_type=row.get("actor_type") or "other",
            aliases=tuple(a for a in (row.get("aliases") or "").split("|") if a),
            parent_id=row.get("parent_id") or None,
        )
        for row in read_csv_rows("actors.csv")
    }
    return Registry(actors)


def split_mentions(cell: str) -> list[str]:
    """The actor mentions of a lead or partner cell, split on plain separators."""
    return [part.strip(" .-") for part in SEPARATORS.split(cell) if part.strip(" .-")]


def resolve_mention(mention: str, registry: Registry, role: str = "lead") -> ActorRef:
    """Resolve one mention: exact name form, then fuzzy, else unresolved."""
    key = name_key(mention)
    if key in registry.names:
        return ActorRef(mention, registry.names[key], 100.0, "exact", role)
    best = process.extract(key, list(registry.names), scorer=fuzz.ratio, limit=3)
    suggestions = tuple((registry.names[form], score) for form, score, _ in best if score >= SUGGEST_FLOOR)
    if suggestions and suggestions[0][1] >= AUTO_ACCEPT:
        return ActorRef(mention, suggestions[0][0], suggestions[0][1], "fuzzy", role, suggestions)
    method = "review" if suggestions else "unresolved"
    return ActorRef(mention, None, suggestions[0][1] if suggestions else 0.0, method, role, suggestions)


def resolve_cell(cell: str, registry: Registry, role: str) -> list[ActorRef]:
    """Every mention of a cell, resolved."""
    return [resolve_mention(mention, registry, role) for mention in split_mentions(cell)]
