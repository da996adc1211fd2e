"""Who: split lead and partner cells into mentions and resolve them to registry actors.

The public face of the actor modules: actor_registry (the curated data), actor_segment (cells into
mentions), actor_resolve (one mention to one actor). Non-actors ("N/A", "etc", "as needed", a reviewed
`__not_actor__`) yield no ActorRef from resolve_cell; a mention that names an actor the registry does
not know is kept as a provisional actor (method "provisional", an id from its name and the document's
country) when it reads as an organisation, else with actor_id None and method "unresolved" (or "review"
with suggestions). A mention naming no one ("partners", "TBD") is a "not_actor" ref with actor_id None.

`context` settles a form that names several actors (MoE: Environment or Education): a plain string
(the document's sector, title or row text) or a ResolutionContext(text, actor_ids). Without it, the
other actors of the same cell are used; a form still ambiguous goes to review with suggestions.
Accepted refs score AUTO_ACCEPT (90) or more; "review" and "unresolved" refs have actor_id None.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from normalizers.actor_cells import not_actor_chunks
from normalizers.actor_doubt import is_other_acronym, without_doubt
from normalizers.actor_fuzzy import MENTION_CACHE, SUGGESTIONS, near_one_word
from normalizers.actor_provisional import provisional_actor
from normalizers.actor_registry import NOT_ACTOR, Actor, Registry, in_scope, load_registry, name_key
from normalizers.actor_resolve import (
    CONTEXT_SCORE,
    EXACT_SCORE,
    ContextLike,
    ResolutionContext,
    as_context,
    office_name_ref,
    resolve_mention,
)
from normalizers.actor_segment import is_non_actor, split_mentions
from normalizers.actor_spelling import SPELLING_DOUBT
from normalizers.actor_words import reads_as_organisation, split_name_acronym, word_acronyms
from normalizers.model import ActorRef

if TYPE_CHECKING:
    from normalizers.document import DocumentMeta

__all__ = [
    "NOT_ACTOR",
    "Actor",
    "ActorRef",
    "Registry",
    "ResolutionContext",
    "action_point_lead",
    "is_non_actor",
    "load_registry",
    "resolve_cell",
    "resolve_mention",
    "resolve_row_actors",
    "split_mentions",
]

PROVISIONAL_SCORE = 50.0  # a provisional actor is the mention itself: certain as text, unconfirmed as an actor
REVIEW_KEEP = 90.0  # an unknown name this close to a registry name may be it misspelt: a person decides
MIN_LIST = 2  # mentions that make a cell a list
NEAR_WORD_SCORE = 85.0  # a registry form near a one-word mention: suggested for review
# "<Subject> to <verb> ...": the subject of an action point ("Coordinator to share ...").
TO_VERB = re.compile(r"\s+to\s+(?P<verb>[a-z][a-z-]*)\b")
# A "to" after these words belongs inside the subject ("Organizations still wanting to order ... to inform").
TO_INSIDE_SUBJECT = frozenset(
    ("want", "wants", "wanting", "need", "needs", "needing", "able", "unable", "going", "willing")
    + ("interested", "due")
)
# Sentences opening with an imperative or a noun of action have no subject actor.
NOT_A_SUBJECT = frozenset(
    ("contact", "follow", "follow-up", "review", "ensure", "share", "send", "provide", "develop", "update")
    + ("discuss", "consider", "check", "please", "agree", "invite", "organize", "organise", "conduct")
)
MAX_SUBJECT_WORDS = 12  # longer "subjects" are clauses, not actors
PASSIVE_VERBS = ("be",)  # "... wording to be used": no one is told to act
CLAUSE_MARK = re.compile(r"[(.:;]")  # a subject with an aside or a finished clause is a sentence, not an actor


def resolve_cell(cell: str, registry: Registry, role: str, context: ContextLike = None) -> list[ActorRef]:
    """Every actor mention of a cell, resolved once each; ambiguous ones settled by the cell's actors; an
    unknown organisation kept as a provisional actor; a mention naming no one kept as not_actor."""
    return list(cell_refs(cell, registry, role, as_context(context)))


@lru_cache(maxsize=MENTION_CACHE)
def cell_refs(cell: str, registry: Registry, role: str, scope: ResolutionContext) -> tuple[ActorRef, ...]:
    """resolve_cell's refs, remembered as resolve_mention's are: a workplan names the same actors in cell after
    cell (workplan_long.pdf: 1,454 actor cells, 529 distinct)."""
    mentions = split_mentions(cell, registry, scope)
    refs = [resolve_in_list(mention, cell, len(mentions), registry, role, scope) for mention in mentions]
    known = frozenset(ref.actor_id for ref in refs if ref.actor_id)
    refs = [settle_in_cell(ref, registry, known, scope) if ref.method == "review" else ref for ref in refs]
    refs = without_doubt([as_provisional(ref, registry, scope.country) for ref in refs], cell, registry, scope)
    refs = [
        replace(ref, method="not_actor") if ref.method == "reviewed" and ref.actor_id is None else ref for ref in refs
    ]
    return (
        *unique_actor_refs(refs),
        *(ActorRef(raw, None, 0.0, "not_actor", role) for raw in not_actor_chunks(cell, registry, scope)),
    )


def resolve_in_list(
    mention: str, cell: str, size: int, registry: Registry, role: str, scope: ResolutionContext
) -> ActorRef:
    """One mention of a cell resolved; in a list typed all in lower case, a word that is also an acronym
    ("who" in "unicef / who") is read as the acronym."""
    ref = resolve_mention(mention, registry, role, scope)
    if not ref.actor_id and size >= MIN_LIST and is_one_capitalised_word(mention):
        office = office_name_ref(mention, registry, role, scope)  # "<Name>" for "<Name> Worldwide" in a list
        if not (office and office.actor_id) and name_key(mention) in word_acronyms():
            office = resolve_mention(mention.upper(), registry, role, scope)  # "Goal" for GOAL in a list of names
        return replace(office, raw=ref.raw) if office and office.actor_id else ref
    if ref.actor_id or size < MIN_LIST or cell != cell.lower() or name_key(mention) not in word_acronyms():
        return ref
    as_acronym = resolve_mention(mention.upper(), registry, role, scope)
    return replace(as_acronym, raw=ref.raw) if as_acronym.actor_id else ref


def is_one_capitalised_word(mention: str) -> bool:
    """Whether a mention is one capitalised word, not written in capitals ("Concern"; not "GOAL", "concern")."""
    word = mention.strip()
    return word.isalpha() and word[:1].isupper() and not word.isupper()


def as_provisional(ref: ActorRef, registry: Registry, country: str | None) -> ActorRef:
    """An unmatched mention that reads as an organisation, as a provisional actor of the document's country.

    A mention close to a registry name the document may name (a suggestion in scope at REVIEW_KEEP or
    more, or for one word a registry form a letter or two away or a registry name it opens: "Hemaya",
    "Sphere") stays in review: it may be that actor misspelt or shortened, and a person decides.
    """
    if ref.actor_id or ref.method not in ("unresolved", "review") or not reads_as_organisation(ref.raw):
        return ref
    acronym = split_name_acronym(ref.raw)[1]
    close = {
        actor_id
        for actor_id, score in ref.suggestions
        if score >= REVIEW_KEEP and not is_other_acronym(acronym, registry.actors[actor_id])
    }
    close = in_scope(close, registry, country)
    near = in_scope(set(near_one_word(ref.raw, registry)), registry, country) - close
    if close or near:
        suggestions = ref.suggestions + tuple((actor_id, NEAR_WORD_SCORE) for actor_id in sorted(near))
        return ActorRef(ref.raw, None, ref.score, "review", ref.role, suggestions[:SUGGESTIONS])
    actor = provisional_actor(ref.raw, country)
    doubt = SPELLING_DOUBT if actor.aliases else None  # a misspelt word of the name corrected: said out loud
    return ActorRef(ref.raw, actor.actor_id, PROVISIONAL_SCORE, "provisional", ref.role, ref.suggestions, doubt)


def resolve_row_actors(
    cells: Iterable[tuple[str, str | None]], registry: Registry, meta: DocumentMeta
) -> list[ActorRef]:
    """The actor mentions of one workplan row's actor cells, given as (role, text) pairs, resolved in the
    document's context (its sector and title settle ambiguous forms)."""
    context = ResolutionContext(
        " ".join(filter(None, (meta.sector, meta.title))),
        country=meta.country,
        sector=meta.sector,
        language=meta.language,
    )
    return [ref for role, cell in cells if cell for ref in resolve_cell(cell, registry, role, context)]


def settle_in_cell(ref: ActorRef, registry: Registry, known: frozenset[str], context: ContextLike) -> ActorRef:
    """An ambiguous mention retried with the other actors of its cell.

    A list does not name one actor twice: of the actors an ambiguous form may mean, one already named
    in the cell is left out ("MoE, MEHE": MoE is the Ministry of Environment). Otherwise the cell's
    actors join the context ("MoE, Education": the Ministry of Education).
    """
    candidates = {actor_id for actor_id, score in ref.suggestions if score == EXACT_SCORE}
    remaining = candidates - known
    if len(candidates) > 1 and len(remaining) == 1:
        return ActorRef(ref.raw, remaining.pop(), CONTEXT_SCORE, "alias", ref.role)
    base = as_context(context)
    return resolve_mention(ref.raw, registry, ref.role, replace(base, actor_ids=base.actor_ids | known))


def unique_actor_refs(refs: Iterable[ActorRef]) -> list[ActorRef]:
    """The refs without a second mention of an actor already named in the cell."""
    seen: set[str] = set()
    unique = []
    for ref in refs:
        if ref.actor_id in seen:
            continue
        if ref.actor_id:
            seen.add(ref.actor_id)
        unique.append(ref)
    return unique


def action_point_lead(text: str) -> str | None:
    """The subject of an action point ("IM to add ..." -> "IM"), or None when the sentence names none."""
    text = text.strip()
    if not text[:1].isupper():
        return None
    for match in TO_VERB.finditer(text):
        subject = text[: match.start()]
        if subject.split()[-1].lower() in TO_INSIDE_SUBJECT or match["verb"] in PASSIVE_VERBS:
            continue
        return subject if is_subject(subject) else None
    return None


def is_subject(words: str) -> bool:
    """Whether the words before "to <verb>" can name who acts: no imperative, clause or aside."""
    first = words.split()[0].lower()
    return first not in NOT_A_SUBJECT and len(words.split()) <= MAX_SUBJECT_WORDS and not CLAUSE_MARK.search(words)
