"""What a piece of a lead or partner cell is, so a cell may be split around it: no one, a registry actor, an
unknown organisation's whole name, or only a part of a name (a sector word, a fragment, prose)."""

from __future__ import annotations

import re

from normalizers.actor_names import covered_share, name_spans
from normalizers.actor_registry import Registry, is_acronym_like
from normalizers.actor_resolve import EXACT_SCORE, ContextLike, resolve_mention
from normalizers.actor_words import (
    is_complete_name,
    is_fragment,
    is_generic_name,
    is_near_not_actor,
    is_not_actor,
    is_proper_name,
    reads_as_organisation,
    split_name_acronym,
)
from normalizers.country import is_operation_place
from normalizers.model import ActorRef

EDGE_PUNCTUATION = " .,:;-–—*'\"?"
# Whole mentions that name nobody (decided: they yield no ActorRef from resolve_cell).
NON_ACTOR = re.compile(
    r"^(?:n\.?\s*/?\s*a\.?|na|none|nil|tbd|tbc|to be (?:identified|determined|confirmed)|etc\.?|"
    r"same as above|as needed|as applicable|applicable|as relevant|where relevant|if needed|other|others\??|"
    r"various\s+(?:(?!\band\b)[^,;/&])*|all sectors\b.*|[\d\W]*)$",
    re.IGNORECASE,
)
MEMBER_WORDS = ("members", "member")
# Words that are no actor on their own when they are left between two registry names.
# A "members" dropped after a name ("Core Group members") is left as such a word.
NOISE_WORDS = frozenset(
    ("and", "with", "from", "the", "of", "as", "etc", "office", "team", "other", "others", "all", "delegation")
    + ("in", "for", "to", "be", "hq", "headquarters", "mission", "country", *MEMBER_WORDS)
)
WHOLE_METHODS = ("exact", "alias", "reviewed")
LISTED_NAMES = 2  # registry names run together in a piece ("PMO IA Coordinators") make it a list of actors
# What a piece of a cell may be (piece_kind): no one, a registry actor, an unknown organisation's complete
# name, or an unknown name of its own.
NO_ONE, KNOWN, COMPLETE, NAME = "none", "known", "complete", "name"


def is_non_actor(mention: str) -> bool:
    """Whether a mention names nobody ("N/A", "etc", "as needed", "partners", "ONG locales", "All sectors
    and UN agencies ...")."""
    text = mention.strip(EDGE_PUNCTUATION)
    return bool(NON_ACTOR.match(text)) or is_not_actor(text) or is_near_not_actor(text)


def is_noise(piece: str) -> bool:
    """Whether a leftover piece between names is only linking words, a place, or names no one."""
    linking = all(word.lower() in NOISE_WORDS for word in piece.split())
    return linking or is_non_actor(piece) or is_operation_place(piece)


def is_whole_name(ref: ActorRef) -> bool:
    """Whether a chunk was found as written: a registry form, an ambiguous one, or a reviewed raw text."""
    return ref.method in WHOLE_METHODS or (ref.method == "review" and ref.score == EXACT_SCORE)


def resolves_as_registry_name(piece: str, registry: Registry, context: ContextLike) -> bool:
    """Whether a piece names a registry actor as written or misspelt (not merely resembles one)."""
    ref = resolve_mention(piece, registry, context=context)
    return (ref.actor_id is not None and ref.method != "provisional") or is_whole_name(ref)


def is_listed_names(piece: str, registry: Registry) -> bool:
    """Whether registry names written one after the other make up a piece ("PMO IA Coordinators")."""
    spans = name_spans(piece, registry)
    return len(spans) >= LISTED_NAMES and covered_share(piece, spans) == 1.0


def piece_kind(piece: str, registry: Registry, context: ContextLike) -> str | None:
    """What a piece of a cell is: NO_ONE ("partners", "TBD"), KNOWN (a registry actor as written or misspelt,
    its unit or role, or several run together; a sector word only where the registry has it, as a country's
    sector), COMPLETE (an unknown organisation's complete name: an acronym,
    a name with its acronym, a name with an organisation word), NAME (an unknown capitalised name of its own:
    "Tin Tua", "Habitat for Humanity"), or None (a part of a name, a sector word, prose)."""
    if is_non_actor(piece):
        return NO_ONE
    if resolves_as_registry_name(piece, registry, context) or is_listed_names(piece, registry):
        return KNOWN
    if is_fragment(piece) or is_generic_name(piece):
        return None  # however near a registry name ("Development Organization")
    if is_complete_name(piece):
        return COMPLETE
    if reads_as_organisation(piece) and is_proper_name(piece):
        return NAME
    return None


def is_acronym_mention(piece: str) -> bool:
    """Whether a piece is an acronym, or a name written with its acronym ("Rural Aid Network (RAN)")."""
    return is_acronym_like(piece.strip()) or split_name_acronym(piece)[1] is not None
