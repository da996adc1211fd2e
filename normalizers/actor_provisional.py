"""Provisional actors: organisations a document names that the registry does not know, kept as actors.

A provisional actor's id comes from its name's key and the document's country, so the same name in
another document of that country is the same actor (exact key only: never a fuzzy match).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from normalizers.actor_registry import Actor, name_key
from normalizers.actor_spelling import corrected_name
from normalizers.actor_words import organisation_type, split_name_acronym, split_role

PROVISIONAL_PREFIX = "p-"  # provisional ids never collide with registry slugs, which do not start so
MAX_ID_CHARS = 80  # ids stay readable; the rest of a long name is a hash-free cut (the key is exact up to it)
GLOBAL_SCOPE = "xx"  # the id suffix of a name read in a document whose country is not known
# Types an organisation word suggests, as actor types; a national plan's unknown NGO is an nngo.
TYPE_BY_WORD = {"government": "government", "coordination_body": "coordination_body", "other": "nngo"}
ROLE_SEPARATOR = "--"  # a role actor's id: "<body id>--<role>" (registry slugs hold no double hyphen)
# The canonical roles of [actor_roles] in data/vocab, as a role actor's name ends: "WASH Cluster Coordinator".
ROLE_TITLES = {
    "coordinator": "Coordinator",
    "deputy-coordinator": "Deputy Coordinator",
    "co-coordinator": "Co-coordinator",
    "co-lead": "Co-lead",
    "lead": "Lead",
    "chair": "Chair",
    "co-chair": "Co-chair",
    "focal-point": "Focal Point",
    "im-officer": "Information Management Officer",
}
INTERNATIONAL = re.compile(r"\b(?:international|internationale|internacional|global|world|mundial)\b", re.I)


def provisional_id(name: str, country: str | None) -> str:
    """The id of a provisional actor: "p-" + its name key as a slug + its country (or "xx"). A name in another script
    keeps its letters ("p-جمعية-...-yem"): two such names are never one id."""
    slug = re.sub(r"[\W_]+", "-", name_key(name)).strip("-")[:MAX_ID_CHARS].strip("-")
    return f"{PROVISIONAL_PREFIX}{slug}-{(country or GLOBAL_SCOPE).lower()}"


def provisional_type(name: str, acronym: str | None) -> str:
    """An inferred actor_type: from an organisation word, an international name, else other."""
    found = organisation_type(name)
    if found == "other" and INTERNATIONAL.search(name):
        return "ingo"
    return TYPE_BY_WORD.get(found or "", "other")


def provisional_actor(raw: str, country: str | None) -> Actor:
    """The provisional actor of an unknown organisation's mention, written "Name" or "Name (ACR)"; a misspelt
    common word of its name corrected (normalizers/actor_spelling.py), the name as written kept as its alias."""
    written, acronym = split_name_acronym(raw)
    if acronym is None and written.upper() == written and " " not in written:
        acronym = written
    name, corrections = corrected_name(written, country)
    return Actor(
        actor_id=provisional_id(name, country),
        name=name,
        acronym=acronym,
        aliases=(written,) if corrections else (),
        actor_type=provisional_type(name, acronym),
        country=country,
        provisional=True,
        source="provisional",
    )


def role_actor_id(body_id: str, role: str) -> str:
    """The id of a body's role actor."""
    return f"{body_id}{ROLE_SEPARATOR}{role}"


def is_role_id(actor_id: str) -> bool:
    """Whether an id names a role actor of a body."""
    return ROLE_SEPARATOR in actor_id


def role_actors(actor_id: str, raw: str, known: Mapping[str, Actor], country: str | None) -> tuple[Actor, ...]:
    """The role actor of an id "<body>--<role>", named as the mention writes it ("Protection Sector
    Coordinator"), its body its parent (an actor of `known`, the registry's, or else a provisional actor, which
    comes with it: "CMWG co-chairs")."""
    body_id, role = actor_id.split(ROLE_SEPARATOR, 1)
    if body_id in known:
        body = known[body_id]
    else:
        parsed = split_role(raw)
        body = provisional_actor(parsed[0] if parsed else raw, country)
    name = " ".join(raw.split()) or f"{body.name} {ROLE_TITLES[role]}"
    role_actor = Actor(
        actor_id, name, None, "role", parent_id=body.actor_id, country=body.country, provisional=True, source="role"
    )
    return (role_actor,) if body.actor_id in known else (role_actor, body)


def mention_actors(mentions: Iterable[tuple[str | None, str, str | None]], known: Mapping[str, Actor]) -> list[Actor]:
    """The provisional and role actors that mentions (actor id, text, country) point at, one per id, made from
    the first mention of it in sorted order; `known` the registry's actors."""
    actors: dict[str, Actor] = {}
    for actor_id, raw, country in sorted(mentions, key=lambda mention: tuple(map(str, mention))):
        made = (
            role_actors(actor_id, raw, known, country)
            if actor_id is not None and is_role_id(actor_id)
            else (provisional_actor(raw, country),)
        )
        for actor in made:
            actors.setdefault(actor.actor_id, actor)
    return list(actors.values())
