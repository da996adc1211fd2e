"""Resolve one actor mention: reviewed, exact, context, fuzzy; else review or unresolved."""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from normalizers.actor_names import name_spans
from normalizers.actor_provisional import provisional_actor, role_actor_id
from normalizers.actor_registry import (
    NOT_ACTOR,
    Registry,
    acronym_key,
    fuzzy_key,
    fuzzy_word_keys,
    is_acronym_like,
    name_key,
)
from normalizers.actor_words import (
    generic_words,
    is_generic_name,
    organisation_type,
    reads_as_organisation,
    split_name_acronym,
    split_role,
    vocab_words,
    word_acronyms,
)
from normalizers.country import is_operation_place
from normalizers.model import ActorRef

# Fuzzy scorer: fuzz.ratio (normalised Indel similarity) on fuzzy keys (lower case, no punctuation, no
# spaces, OCR's "rn" read as "m" and its digits in words as letters), plus an OSA edit budget by length.
# Whole-string similarity penalises every extra or missing word, so "Ministry of Environment" stays away
# from "Ministry of Energy and Water"; spaceless keys make split words ("Humanitaria n") cost nothing.
# token_set_ratio and partial_ratio score 100 whenever one name's words are a subset of the other's
# ("Protection" in "Child Protection"), which merges different actors: precision comes first here.
AUTO_ACCEPT = 90.0  # two character edits in a 40-character name, one in a 20-character one
MARGIN = 6.0  # the best actor must beat the best *different* actor by this much, or a human decides
SUGGEST_FLOOR = 75.0  # below this a registry name is not even suggested for review
CHARS_PER_EDIT = 10  # one character edit per 10 characters: "Migration" is not "UN Migration"
EDIT_MARGIN = 2  # a rival needing two more edits than the best is no real alternative reading
MIN_TYPO_WORD = 5  # a letter substituted in a shorter word makes another word ("Amal"/"Amel")
MIN_FUZZY_LENGTH = 6  # shorter names ("Amel", "Amal") are too close to other real names to guess
MIN_FUZZY_ACRONYM = 5  # one edit in a shorter acronym is another organisation (UNDP/UNEP, IOM/IMC)
MAX_ACRONYM_EDITS = 1  # a second edit in an acronym is guesswork
MIN_SLIP_ACRONYM = 3  # a two-letter acronym ("RC") is no base for a typing slip
MIN_DOUBLED_ACRONYM = 4  # "UNHCRR" is UNHCR; "NRCC" may be NRC or another body: a human decides
NEIGHBOUR_SCORE = 80.0  # a registry acronym one letter from a short unknown one: suggested, not meant
MIN_LOWER_ACRONYM = 3  # "wfp", "oim": shorter words in lower case ("un", "eu") are read as written only
EXACT_SCORE = 100.0  # a registry form as written, or a reviewer's decision
ACRONYM_EDIT_SCORE = AUTO_ACCEPT  # one edit in a long acronym: accepted, but at the floor
OCR_SCORE = 95.0  # an acronym read back after undoing OCR confusions (0/O, 1/I/l)
CONTEXT_SCORE = 95.0  # an ambiguous form settled by the document's context
SUGGESTIONS = 5
FUZZY_CANDIDATES = 40  # name forms scored in full per mention (several per actor, some with other numbers)
MENTION_CACHE = 8192  # mentions repeat across rows and documents ("Sector Coordinators")
# Characters OCR swaps inside acronyms; each map is applied as a whole to the mention.
OCR_MAPS = (str.maketrans("0158", "OISB"), str.maketrans("l", "I"), str.maketrans("Il", "11"))
# Words too common in names to tell two actors apart by the document's words.
CONTEXT_STOPWORDS = frozenset(
    ("ministry", "ministere", "of", "the", "and", "for", "de", "la", "l", "des", "du", "et", "sector")
    + ("working", "group", "united", "nations", "international", "organization", "organisation", "office")
    + ("lebanon", "lebanese", "national", "agency", "committee", "task", "force", "wg")
)
DIGITS = re.compile(r"\d+")
BODY_METHODS = ("exact", "alias", "fuzzy", "reviewed")  # a body found in the registry, as written or misspelt
BODY_ONLY_ROLES = ("lead", "co-lead")
PROVISIONAL_ROLE_SCORE = 50.0  # a role of an unknown body: certain as text, unconfirmed as an actor
# The organisations a unit or country office belongs to ("UNHCR Protection Unit"); a coordination body's
# "unit" is a role or another body ("Coordination Unit").
UNIT_WORDS = re.compile(r"[^\W\d_][\w'’ -]*")  # the words of a unit: no list separator, no number
UNIT_OWNERS = ("un_agency", "ingo", "nngo", "government", "donor")
LEADING_ARTICLE = re.compile(r"^(?:the|all) ")  # "the Coordinator", "all partners": the actor named after it


@dataclass(frozen=True)
class ResolutionContext:
    """What settles an ambiguous mention: the document's words and the actors already named with it.

    text: the document's sector, title, table or row text ("Environment Task Force", "Education").
    actor_ids: actors resolved elsewhere in the same cell or document.
    country: ISO 3166 alpha-3 of the document's country, None when not known.
    """

    text: str = ""
    actor_ids: frozenset[str] = frozenset()
    country: str | None = None  # the document's country: actors bound to another country are not candidates
    sector: str | None = None  # the document's sector: "Cluster Coordinator" is its cluster's coordinator

    def __post_init__(self) -> None:
        object.__setattr__(self, "actor_ids", frozenset(self.actor_ids))  # hashable, for the mention cache


ContextLike = ResolutionContext | str | None


def as_context(context: ContextLike) -> ResolutionContext:
    """A ResolutionContext from a context, a plain text (sector or title) or None."""
    if isinstance(context, ResolutionContext):
        return context
    return ResolutionContext(text=context or "")


@lru_cache(maxsize=MENTION_CACHE)
def resolve_mention(mention: str, registry: Registry, role: str = "lead", context: ContextLike = None) -> ActorRef:
    """Resolve one mention: reviewed alias, exact form, OCR-read acronym, fuzzy name; else review."""
    raw = mention.strip()
    decision = registry.reviewed.get(name_key(raw))
    if decision is not None:
        actor_id = None if decision == NOT_ACTOR else decision
        return ActorRef(raw, actor_id, EXACT_SCORE, "reviewed", role)
    name, acronym = split_name_acronym(raw)
    if acronym:
        return name_with_acronym_ref(raw, name, acronym, registry, role, as_context(context))
    scope = as_context(context)
    return (
        exact_ref(raw, registry, role, scope)
        or role_ref(raw, registry, role, scope)
        or unit_ref(raw, registry, role, scope)
        or fuzzy_ref(raw, registry, role, scope.country)
    )


def role_ref(raw: str, registry: Registry, role: str, context: ResolutionContext) -> ActorRef | None:
    """A role of a body ("WASH Cluster Coordinator", "IM unit of UNHCR", "CMWG co-chairs"): the body resolved,
    the mention one role actor whose parent is the body (id "<body>--<role>"), never a bare "Coordinator".

    The body is a registry actor (as written or misspelt), the document's own cluster or sector when the
    mention names none ("Cluster Coordinator"), or an unknown coordination body named by an acronym or a
    coordination word ("CMWG co-chairs", "SMSD Sector Coordinator"): then the role is provisional too.
    Lead and co-lead roles are roles of coordination bodies only ("Health Cluster lead"): after an agency's
    name they say what the agency does, not who ("UNICEF lead" is UNICEF).
    """
    parsed = split_role(raw)
    if parsed is None:
        return None
    body_text, role_key = parsed
    body = body_ref(body_text, registry, role, context)
    if body is None or body.actor_id is None:
        return provisional_role_ref(raw, body_text, role_key, role, registry, context)
    if role_key in BODY_ONLY_ROLES and registry.actors[body.actor_id].actor_type != "coordination_body":
        return replace(body, raw=raw)
    body_id = body.actor_id
    return ActorRef(raw, role_actor_id(body_id, role_key), body.score, body.method, role, ((body_id, body.score),))


def body_ref(body_text: str, registry: Registry, role: str, context: ResolutionContext) -> ActorRef | None:
    """The registry body a role belongs to: named (as written or misspelt, never itself a role), or the
    document's own cluster or sector for a bare "Cluster" or "Sector"."""
    if name_key(body_text) in vocab_words("organisation_words", "own_body") and context.sector:
        body_text = f"{context.sector} {body_text}"
    body = resolve_mention(body_text, registry, role, context)
    if body.actor_id not in registry.actors or body.method not in BODY_METHODS:
        return None
    return None if registry.actors[body.actor_id].actor_type == "role" else body


def provisional_role_ref(
    raw: str, body_text: str, role_key: str, role: str, registry: Registry, context: ResolutionContext
) -> ActorRef | None:
    """A role of an unknown coordination body ("CMWG co-chairs"): a provisional role actor under a provisional
    body, when the body reads as a coordination body (an acronym or a coordination word)."""
    name, acronym = split_name_acronym(body_text)
    is_body = is_acronym_like(name) or organisation_type(name) == "coordination_body"
    if role_key in BODY_ONLY_ROLES or not is_body or not reads_as_organisation(body_text):
        return None
    if is_generic_name(body_text):
        return None  # "Sub-national cluster coordinators": coordinators of no body in particular
    if len(name_spans(body_text, registry)) > 1:
        return None  # registry names run together ("Sector Coordinators IM Focal Points"), not one unknown body
    body_id = provisional_actor(body_text, context.country).actor_id
    return ActorRef(raw, role_actor_id(body_id, role_key), PROVISIONAL_ROLE_SCORE, "provisional", role)


def unit_ref(raw: str, registry: Registry, role: str, context: ResolutionContext) -> ActorRef | None:
    """A unit or country office of a registry organisation ("UNHCR Protection Unit", "IOM Site Management
    Unit", "CARE Ethiopia"): that organisation, when the words before the unit name it as written."""
    words = raw.split()
    for cut in range(len(words) - 1, 0, -1):
        head, tail = " ".join(words[:cut]), " ".join(words[cut:])
        if not is_unit(tail):
            continue
        ref = exact_ref(head, registry, role, context)
        if ref and ref.actor_id and registry.actors[ref.actor_id].actor_type in UNIT_OWNERS:
            return ActorRef(raw, ref.actor_id, ref.score, "alias", role)
    return None


def is_unit(tail: str) -> bool:
    """Whether words after an organisation's name say a part or an office of it: they end with a unit word
    ("Protection Unit", "Field Office"), maybe followed by where it sits ("Field Office Maroua"), or name a
    country or place it works in ("Ethiopia")."""
    if not UNIT_WORDS.fullmatch(tail) or any(is_acronym_like(word) for word in tail.split()):
        return False  # another name or a list ("UNICEF; WFP Engineering"), not a part of the one before
    words = tail.split()
    units = vocab_words("organisation_words", "units")
    last_unit = max((index for index, word in enumerate(words) if name_key(word) in units), default=None)
    if last_unit is not None and all(word[:1].isupper() for word in words[last_unit + 1 :]):
        return True
    return is_operation_place(tail)


def name_with_acronym_ref(
    raw: str, name: str, acronym: str, registry: Registry, role: str, context: ResolutionContext
) -> ActorRef:
    """A "Name (ACR)" mention: its name resolved, else its acronym if exact, else the name's doubtful ref."""
    by_name = resolve_mention(name, registry, role, context)
    if by_name.actor_id:
        return replace(by_name, raw=raw)
    by_acronym = exact_ref(acronym, registry, role, context)
    if by_acronym and by_acronym.actor_id:
        return replace(by_acronym, raw=raw)
    return replace(by_name, raw=raw)


def in_scope(actor_ids: set[str], registry: Registry, country: str | None) -> set[str]:
    """The actors a document of this country may name: global ones, and its own country's."""
    return {actor_id for actor_id in actor_ids if registry.actors[actor_id].country in (None, country)}


def exact_candidates(raw: str, registry: Registry) -> tuple[set[str], str]:
    """The actors a mention names exactly, and the key it matched under."""
    if is_acronym_like(raw):
        key = acronym_key(raw)
        return registry.acronyms.get(key, set()) or registry.names.get(name_key(raw), set()), key
    key = name_key(raw)
    found = registry.names.get(key, set()) or registry.names.get(LEADING_ARTICLE.sub("", key), set())
    if not found and may_be_acronym_in_lower_case(raw):
        return registry.acronyms.get(acronym_key(raw), set()), acronym_key(raw)
    return found, key


def may_be_acronym_in_lower_case(raw: str) -> bool:
    """Whether one word in lower or title case may be an acronym so written ("wfp", "Unicef", "oim"): long
    enough, and not a word that is also an acronym ("who", "care", "plan")."""
    word = raw.strip()
    return (
        " " not in word and len(word) >= MIN_LOWER_ACRONYM and word.isalpha() and name_key(word) not in word_acronyms()
    )


def exact_ref(raw: str, registry: Registry, role: str, context: ResolutionContext) -> ActorRef | None:
    """The ref of a mention written as a registry form, settled by context when the form is ambiguous."""
    found, key = exact_candidates(raw, registry)
    found = in_scope(found, registry, context.country)
    if not found:
        return ocr_ref(raw, registry, role, context.country)
    own = {actor_id for actor_id in found if registry.actors[actor_id].country == context.country}
    if len(found) > 1 and len(own) == 1 and context.country:
        found = own  # "CP AoR" in a country's plan: that country's area of responsibility, not the global one
    if len(found) == 1 and context.country:
        found = country_instance(next(iter(found)), registry, context.country)
    if len(found) == 1:
        actor_id = next(iter(found))
        method = "exact" if registry.is_canonical(actor_id, key) else "alias"
        return ActorRef(raw, actor_id, EXACT_SCORE, method, role)
    chosen = choose_by_context(sorted(found), registry, context)
    if chosen:
        return ActorRef(raw, chosen, CONTEXT_SCORE, "alias", role)
    suggestions = tuple((actor_id, EXACT_SCORE) for actor_id in sorted(found))
    return ActorRef(raw, None, EXACT_SCORE, "review", role, suggestions)


def country_instance(actor_id: str, registry: Registry, country: str) -> set[str]:
    """A global coordination body as a country's plan means it: that country's body sharing one of its names
    ("CCCM" in a Nigerian plan is Nigeria's CCCM sector, when the registry has one), else the global one."""
    actor = registry.actors[actor_id]
    if actor.country is not None or actor.actor_type != "coordination_body":
        return {actor_id}
    namesakes = {
        other for form in actor.forms for other in registry.index_for(form)[0].get(registry.index_for(form)[1], ())
    }
    instances = {
        other
        for other in namesakes
        if registry.actors[other].country == country and registry.actors[other].actor_type == "coordination_body"
    }
    return instances if len(instances) == 1 else {actor_id}


def ocr_ref(raw: str, registry: Registry, role: str, country: str | None = None) -> ActorRef | None:
    """An acronym found once OCR confusions are undone ("0CHA", "lOM", "UNlCEF"), if exactly one actor."""
    if not is_acronym_like(raw) and not any(char.isdigit() for char in raw):
        return None
    found: set[str] = set()
    for table in OCR_MAPS:
        found |= registry.acronyms.get(acronym_key(raw.translate(table)), set())
    found = in_scope(found, registry, country)
    if len(found) != 1:
        return None
    return ActorRef(raw, next(iter(found)), OCR_SCORE, "fuzzy", role)


def context_words(actor_id: str, registry: Registry) -> set[str]:
    """The content words of an actor's names (not its acronyms, which may be the ambiguous form itself)."""
    actor = registry.actors[actor_id]
    names = [form for form in (actor.name, *actor.aliases) if not is_acronym_like(form)]
    return {word for form in names for word in name_key(form).split()} - CONTEXT_STOPWORDS


def context_score(actor_id: str, registry: Registry, context: ResolutionContext) -> int:
    """How strongly the context points at an actor: shared words, plus kin actors named with it."""
    named = " ".join(registry.actors[other].name for other in context.actor_ids if other in registry.actors)
    words = set(name_key(f"{context.text} {named}").split())
    kin = {actor_id, registry.actors[actor_id].parent_id}
    related = any(
        other in kin or registry.actors[other].parent_id == actor_id
        for other in context.actor_ids
        if other in registry.actors
    )
    return len(context_words(actor_id, registry) & words) + int(related)


def choose_by_context(candidates: list[str], registry: Registry, context: ResolutionContext) -> str | None:
    """The one candidate the context favours over all others, or None when it does not settle it."""
    scores = sorted(((context_score(actor_id, registry, context), actor_id) for actor_id in candidates), reverse=True)
    best, runner_up = scores[0], scores[1]
    return best[1] if best[0] > runner_up[0] else None


def fuzzy_ref(raw: str, registry: Registry, role: str, country: str | None = None) -> ActorRef:
    """A misspelt mention: an acronym one edit away, or a name on a clear margin; else review/unresolved."""
    if is_acronym_like(raw):
        return acronym_fuzzy_ref(raw, registry, role, country)
    return name_fuzzy_ref(raw, registry, role, country)


def name_fuzzy_ref(raw: str, registry: Registry, role: str, country: str | None = None) -> ActorRef:
    """A misspelt name: accepted on a clear margin over other actors, sent to review when close.

    Candidates and rivals are the actors the document may name (global ones and its country's), in every
    language: one country's cluster is no rival of another country's of the same name.
    """
    key = fuzzy_key(raw)
    ranked = [match for match in ranked_actors(key, registry) if in_scope({match.actor_id}, registry, country)]
    suggestions = tuple((match.actor_id, match.score) for match in ranked[:SUGGESTIONS] if match.score >= SUGGEST_FLOOR)
    if not suggestions:
        return ActorRef(raw, None, ranked[0].score if ranked else 0.0, "unresolved", role)
    best = ranked[0]
    if is_clear_winner(ranked) and is_plausible_typo(raw, key, best, registry):
        return ActorRef(raw, best.actor_id, best.score, "fuzzy", role, suggestions)
    return ActorRef(raw, None, best.score, "review", role, suggestions)


def is_clear_winner(ranked: list[NameMatch]) -> bool:
    """Whether the best actor beats every other one by a score margin, or needs far fewer edits."""
    best, rivals = ranked[0], ranked[1:2]
    return best.score >= AUTO_ACCEPT and all(
        best.score - rival.score >= MARGIN or rival.edits - best.edits >= EDIT_MARGIN for rival in rivals
    )


def is_plausible_typo(raw: str, key: str, best: NameMatch, registry: Registry) -> bool:
    """Whether a mention can be the best name misspelt: long enough, few edits, short words intact.

    A substituted letter in a short word makes another name ("Amal" is not "Amel"), so it is refused
    when the mention and the name have the same number of words.
    """
    if len(key) < MIN_FUZZY_LENGTH or best.edits > allowed_edits(key):
        return False
    words, form_words = fuzzy_word_keys(raw), registry.fuzzy_words[best.form]
    if len(words) != len(form_words):
        return True
    return not any(is_short_word_swap(word, form_word) for word, form_word in zip(words, form_words, strict=True))


def is_short_word_swap(word: str, form_word: str) -> bool:
    """Whether two short words differ by substituted letters, so name different things ("Amal", "Amel").

    A dropped, doubled or transposed letter ("Foce", "Corp", "eds") is still a typo.
    """
    short = min(len(word), len(form_word)) < MIN_TYPO_WORD
    return short and len(word) == len(form_word) and sorted(word) != sorted(form_word)


@dataclass(frozen=True)
class NameMatch:
    """An actor's best name form for a mention: its similarity and its character edits."""

    actor_id: str
    form: str  # the fuzzy key of the actor's best name form
    score: float
    edits: int


def ranked_actors(key: str, registry: Registry) -> list[NameMatch]:
    """Every actor with its best name-form score for a fuzzy key, best first (one entry per actor)."""
    choices = registry.fuzzy_names
    best: dict[str, NameMatch] = {}
    for form, score, _ in process.extract(key, fuzzy_forms(registry), scorer=fuzz.ratio, limit=FUZZY_CANDIDATES):
        if not same_numbers(key, form):
            continue
        for actor_id in choices[form]:
            if actor_id not in best or score > best[actor_id].score:
                best[actor_id] = NameMatch(actor_id, form, score, OSA.distance(key, form))
    return sorted(best.values(), key=lambda match: (-match.score, match.actor_id))


@cache
def fuzzy_forms(registry: Registry) -> list[str]:
    """The fuzzy keys of every registry name form, listed once per registry."""
    return list(registry.fuzzy_names)


def allowed_edits(key: str) -> int:
    """Character edits a name of this length may carry and still be read as that name."""
    return max(1, len(key) // CHARS_PER_EDIT)


def same_numbers(raw: str, form: str) -> bool:
    """Whether two names carry the same numbers ("Results Group 1" is never "Results Group 2")."""
    return DIGITS.findall(raw) == DIGITS.findall(form)


def near_one_word(raw: str, registry: Registry) -> list[str]:
    """The actors a mention may be, misspelt or shortened: for one word, a name form or acronym a letter or two
    away ("Hemaya": Himaya, "Unicf": UNICEF) or a registry name it opens ("Sphere": Sphere Association); for
    several, a registry name they open ("Street Child": Street Child International)."""
    word = raw.strip()
    if " " in word:
        return name_prefix_of(word, registry)
    if not word or is_acronym_like(word):
        return []  # an acronym's neighbours are weighed by acronym_fuzzy_ref
    key = fuzzy_key(word)
    found = set(registry.first_words.get(name_key(word), ()))
    forms = one_word_forms(registry)
    for form, _, _ in process.extract(key, list(forms), scorer=OSA.distance, score_cutoff=allowed_word_edits(key)):
        found |= forms[form]
    return sorted(found)


def name_prefix_of(text: str, registry: Registry) -> list[str]:
    """The actors whose registry name starts with these words, when they are a proper name's words (not
    "Ministry of Health", which opens many names)."""
    key = name_key(text)
    if all(word in generic_words() for word in key.split()):
        return []
    names = name_keys(registry)
    start = bisect.bisect_left(names, key + " ")
    found: set[str] = set()
    for name in itertools.takewhile(lambda name: name.startswith(key + " "), names[start:]):
        found |= registry.names[name]
    return sorted(found)


@cache
def name_keys(registry: Registry) -> list[str]:
    """Every name form's key, sorted (for prefix searches)."""
    return sorted(registry.names)


@cache
def one_word_forms(registry: Registry) -> dict[str, set[str]]:
    """Every name form's compact key and every acronym in lower case, with the actors they name."""
    forms: dict[str, set[str]] = {}
    for index in (registry.fuzzy_names, {key.lower(): ids for key, ids in registry.acronyms.items()}):
        for form, actor_ids in index.items():
            forms.setdefault(form, set()).update(actor_ids)
    return forms


def allowed_word_edits(key: str) -> int:
    """Edits a one-word mention may be from a registry form and still possibly be it: one, two from ten letters."""
    return 2 if len(key) >= CHARS_PER_EDIT else 1


def is_longer_acronym(key: str, form: str) -> bool:
    """Whether an acronym is a registry acronym with a letter added at an end ("UNIDOR" is not UNIDO): another
    organisation's acronym more often than a typo, unless the letter doubles its neighbour ("UNICEFF")."""
    added = len(key) == len(form) + 1 and (key.startswith(form) or key.endswith(form))
    return added and not is_doubled_letter(key, form)


def is_doubled_letter(key: str, form: str) -> bool:
    """Whether an acronym is a registry acronym with one of its letters typed twice ("UNHCRR", "NRCC")."""
    return len(key) == len(form) + 1 and any(
        key[index] == key[index + 1] and key[:index] + key[index + 1 :] == form for index in range(len(key) - 1)
    )


def is_typing_slip(key: str, form: str) -> bool:
    """Whether a short acronym is a registry one mistyped rather than another organisation's: the same letters
    in another order ("OHCA", "WPF"), a letter typed twice ("NRCC") or one dropped from a long one ("UNFP").
    A letter changed or added in a short acronym ("RRC", "SAMS", "HAC") makes another real acronym as often
    as not."""
    dropped = len(form) >= MIN_FUZZY_ACRONYM and len(key) == len(form) - 1  # "UNFP" for UNFPA
    doubled = is_doubled_letter(key, form) and len(form) >= MIN_SLIP_ACRONYM  # not "RRC" for "RC"
    return sorted(key) == sorted(form) or doubled or dropped


def acronym_fuzzy_ref(raw: str, registry: Registry, role: str, country: str | None = None) -> ActorRef:
    """A misspelt acronym: one edit away from exactly one long acronym ("UNICEI", "UNWRA", "UNICEFF"), else
    review when it may be a typing slip of a registry acronym; a short acronym merely near others is another
    organisation ("unresolved", its neighbours only suggested)."""
    key = acronym_key(raw)
    near = {
        form: in_scope(actor_ids, registry, country)
        for form, actor_ids in registry.acronyms.items()
        if OSA.distance(key, form) <= MAX_ACRONYM_EDITS and not is_longer_acronym(key, form)
    }
    near = {form: actor_ids for form, actor_ids in near.items() if actor_ids}
    actor_ids = sorted({actor_id for ids in near.values() for actor_id in ids})
    if not actor_ids:
        return name_fuzzy_ref(raw, registry, role, country)
    long_enough = len(key) >= MIN_FUZZY_ACRONYM or any(
        is_doubled_letter(key, form) and len(form) >= MIN_DOUBLED_ACRONYM for form in near
    )
    if len(actor_ids) == 1 and long_enough:
        return ActorRef(raw, actor_ids[0], ACRONYM_EDIT_SCORE, "fuzzy", role, ((actor_ids[0], ACRONYM_EDIT_SCORE),))
    if long_enough or any(is_typing_slip(key, form) for form in near):
        suggestions = tuple((actor_id, ACRONYM_EDIT_SCORE) for actor_id in actor_ids[:SUGGESTIONS])
        return ActorRef(raw, None, ACRONYM_EDIT_SCORE, "review", role, suggestions)
    suggestions = tuple((actor_id, NEIGHBOUR_SCORE) for actor_id in actor_ids[:SUGGESTIONS])
    return ActorRef(raw, None, NEIGHBOUR_SCORE, "unresolved", role, suggestions)
