"""Search the registry with any text: candidate actors with a score, best first.

Used by `workplans registry search`, by `review` to suggest ids, and by the reconciliation service
(pipeline/reconcile.py). A search is generous where resolution is strict: it lists every actor whose name,
acronym or alias resembles the text (rapidfuzz WRatio on name keys), and says which one the resolver itself
would link (`match`), so a person sees the near misses as well as the answer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process

from normalizers.actor_registry import Actor, Registry, acronym_key, is_acronym_like, name_key
from normalizers.actor_resolve import ResolutionContext, in_scope, resolve_mention

SEARCH_FLOOR = 60.0  # below this a name is not listed at all
MATCH_METHODS = ("exact", "alias", "reviewed", "fuzzy")  # what the resolver links without a person
EXACT_SCORE = 100.0
CANDIDATES_PER_RESULT = 4  # forms scored per result asked for (several forms per actor)


@dataclass(frozen=True)
class Candidate:
    """One registry actor a text may name: how close its best form is (0..100), and whether the resolver
    would link the text to it."""

    actor: Actor
    score: float
    match: bool


def search(
    text: str,
    registry: Registry,
    country: str | None = None,
    limit: int = 10,
    types: Iterable[str] = (),
) -> list[Candidate]:
    """The registry actors a text may name, best first: the one the resolver links (if any), then every actor
    whose name, acronym or alias resembles the text. `country` keeps the actors a document of that country
    may name (global ones and its own); `types` keeps those actor types only."""
    wanted = frozenset(types)
    scores: dict[str, float] = {}
    linked = linked_actor(text, registry, country)
    if linked:
        scores[linked] = EXACT_SCORE
    if text.strip() in registry.actors:
        scores[text.strip()] = EXACT_SCORE
    for actor_id, score in form_scores(text, registry, limit * CANDIDATES_PER_RESULT):
        scores[actor_id] = max(score, scores.get(actor_id, 0.0))
    kept = [
        actor_id
        for actor_id in scores
        if (not wanted or registry.actors[actor_id].actor_type in wanted)
        and (country is None or in_scope({actor_id}, registry, country))
    ]
    ranked = sorted(kept, key=lambda actor_id: (-scores[actor_id], registry.actors[actor_id].name))[:limit]
    return [Candidate(registry.actors[actor_id], round(scores[actor_id], 1), actor_id == linked) for actor_id in ranked]


def linked_actor(text: str, registry: Registry, country: str | None) -> str | None:
    """The registry actor the resolver links a text to without a person, if any."""
    ref = resolve_mention(text.strip(), registry, context=ResolutionContext(country=country))
    if ref.method in MATCH_METHODS and ref.actor_id in registry.actors:
        return ref.actor_id
    return None


def form_scores(text: str, registry: Registry, limit: int) -> list[tuple[str, float]]:
    """(actor id, score) of the registry forms closest to a text: acronyms by their capitals, names by WRatio."""
    found: list[tuple[str, float]] = []
    if is_acronym_like(text.strip()) or text.strip().isalpha():
        found += [(actor_id, EXACT_SCORE) for actor_id in registry.acronyms.get(acronym_key(text), set())]
    keys, owners = search_forms(registry)
    for _, score, index in process.extract(
        name_key(text), keys, scorer=fuzz.WRatio, limit=limit, score_cutoff=SEARCH_FLOOR
    ):
        found += [(actor_id, float(score)) for actor_id in owners[index]]
    return found


@cache
def search_forms(registry: Registry) -> tuple[list[str], list[tuple[str, ...]]]:
    """Every written form of every actor as a name key, and the actors each one names."""
    owners: dict[str, set[str]] = {}
    for actor in registry.actors.values():
        for form in actor.forms:
            owners.setdefault(name_key(form), set()).add(actor.actor_id)
    owners.pop("", None)
    keys = sorted(owners)
    return keys, [tuple(sorted(owners[key])) for key in keys]
