"""Misspelt actor mentions: a name on a clear margin over every other actor, an acronym one edit away; what a
mention may be when it is not that sure (suggestions for review, near one-word forms, registry names it opens)."""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from normalizers.actor_registry import (
    Registry,
    acronym_key,
    fuzzy_key,
    fuzzy_word_keys,
    in_scope,
    is_acronym_like,
    name_key,
)
from normalizers.actor_words import generic_words
from normalizers.country import countries_named
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
MIN_SUBSTITUTED_ACRONYM = 6  # a letter changed in a shorter acronym makes another one as often ("ADESA", "APESA")
MIN_SLIP_ACRONYM = 3  # a two-letter acronym ("RC") is no base for a typing slip
MIN_DOUBLED_ACRONYM = 4  # "UNHCRR" is UNHCR; "NRCC" may be NRC or another body: a human decides
MAX_PREFIX_REST = 2  # words a registry name may add to a mention that opens it and still be that name shortened
NEIGHBOUR_SCORE = 80.0  # a registry acronym one letter from a short unknown one: suggested, not meant
ACRONYM_EDIT_SCORE = AUTO_ACCEPT  # one edit in a long acronym: accepted, but at the floor
SUGGESTIONS = 5
FUZZY_CANDIDATES = 40  # name forms scored in full per mention (several per actor, some with other numbers)
DIGITS = re.compile(r"\d+")
MENTION_CACHE = 8192  # mentions repeat across rows and documents ("Sector Coordinators")


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
    named = countries_in(name_key(raw))
    ranked = [
        match
        for match in ranked_actors(raw, registry)
        if in_scope({match.actor_id}, registry, country)
        and (not named or countries_in(" ".join(registry.fuzzy_words[match.form])) == named)
    ]
    suggestions = tuple((match.actor_id, match.score) for match in ranked[:SUGGESTIONS] if match.score >= SUGGEST_FLOOR)
    if not suggestions:
        return ActorRef(raw, None, ranked[0].score if ranked else 0.0, "unresolved", role)
    best = ranked[0]
    if is_clear_winner(ranked) and is_plausible_typo(raw, best, registry):
        return ActorRef(raw, best.actor_id, best.score, "fuzzy", role, suggestions)
    return ActorRef(raw, None, best.score, "review", role, suggestions)


def is_clear_winner(ranked: list[NameMatch]) -> bool:
    """Whether the best actor beats every other one by a score margin, or needs far fewer edits."""
    best, rivals = ranked[0], ranked[1:2]
    return best.score >= AUTO_ACCEPT and all(
        best.score - rival.score >= MARGIN or rival.edits - best.edits >= EDIT_MARGIN for rival in rivals
    )


def is_plausible_typo(raw: str, best: NameMatch, registry: Registry) -> bool:
    """Whether a mention can be the best name misspelt: long enough, few edits, short words intact.

    A substituted letter in a short word makes another name ("Amal" is not "Amel"), so it is refused when the
    mention and the name have the same number of words, and in a name of one word. A small body's name (one not
    well known: Actor.is_well_known) is another body's as often as it is misspelt ("Enfants du Mandé", "Enfants
    du Monde"): its near misses are accepted with the same words only, none with a letter substituted.
    """
    if len(best.key) < MIN_FUZZY_LENGTH or best.edits > allowed_edits(best.key):
        return False
    words, form_words = fuzzy_word_keys(raw), registry.fuzzy_words[best.form]
    well_known = all(registry.actors[actor_id].is_well_known for actor_id in registry.fuzzy_names[best.form])
    if len(words) != len(form_words):
        return well_known and not is_word_dropped(words, form_words)
    pairs = zip(words, form_words, strict=True)
    short_only = well_known and len(words) > 1  # a one-word name a letter off is another name ("Medaid", "Medair")
    return not any(is_word_swap(word, form_word, short_only=short_only) for word, form_word in pairs)


def is_word_dropped(words: tuple[str, ...], form_words: tuple[str, ...]) -> bool:
    """Whether one side is the other with whole words left out: another, shorter or longer name, not a misspelling
    ("Development Programme" is not the UN Development Programme); a possessive's "s" is no word ("Samaritan
    Purse" is Samaritan's Purse misspelt)."""
    shorter, longer = sorted((words, form_words), key=len)
    return set(shorter) <= set(longer) and any(len(word) > 1 for word in set(longer) - set(shorter))


def is_word_swap(word: str, form_word: str, short_only: bool = True) -> bool:
    """Whether two words differ by substituted letters, so name different things ("Amal", "Amel"): short words
    only, unless told otherwise. A dropped, doubled or transposed letter ("Foce", "Corp", "eds") is still a typo."""
    short = min(len(word), len(form_word)) < MIN_TYPO_WORD or not short_only
    return short and len(word) == len(form_word) and sorted(word) != sorted(form_word)


@dataclass(frozen=True)
class NameMatch:
    """An actor's best name form for a mention: its similarity and its character edits."""

    actor_id: str
    form: str  # the fuzzy key of the actor's best name form
    score: float
    edits: int
    key: str  # the mention's fuzzy key that matched it


def ranked_actors(raw: str, registry: Registry) -> list[NameMatch]:
    """Every actor with its best name-form score for a mention, best first (one entry per actor): its fuzzy key
    read with OCR's "rn" as "m" and as typed ("Childern")."""
    best: dict[str, NameMatch] = {}
    for key in dict.fromkeys((fuzzy_key(raw), fuzzy_key(raw, rn_as_m=False))):
        for match in ranked_for_key(key, registry):
            if match.actor_id not in best or match.score > best[match.actor_id].score:
                best[match.actor_id] = match
    return sorted(best.values(), key=lambda match: (-match.score, match.actor_id))


@lru_cache(maxsize=MENTION_CACHE)
def ranked_for_key(key: str, registry: Registry) -> tuple[NameMatch, ...]:
    """Every actor with its best name-form score for one fuzzy key (one entry per actor); remembered per key (the
    mention cache holds a mention per role and context, and spellings share keys: workplan_long.pdf asks 635 times
    for 494 keys)."""
    choices = registry.fuzzy_names
    best: dict[str, NameMatch] = {}
    for form, score, _ in process.extract(key, fuzzy_forms(registry), scorer=fuzz.ratio, limit=FUZZY_CANDIDATES):
        if not same_numbers(key, form):
            continue
        for actor_id in choices[form]:
            if actor_id not in best or score > best[actor_id].score:
                best[actor_id] = NameMatch(actor_id, form, score, OSA.distance(key, form), key)
    return tuple(best.values())


@cache
def fuzzy_forms(registry: Registry) -> list[str]:
    """The fuzzy keys of every registry name form, listed once per registry."""
    return list(registry.fuzzy_names)


def allowed_edits(key: str) -> int:
    """Character edits a name of this length may carry and still be read as that name."""
    return max(1, len(key) // CHARS_PER_EDIT)


@lru_cache(maxsize=MENTION_CACHE)
def countries_in(key: str) -> frozenset[str]:
    """The countries a name names by name or adjective: a mention naming a country as written is never a
    misspelt name of another country's body ("Armenian Red Cross Society" is not "American Red Cross Society")."""
    return frozenset(countries_named([key]))


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
    """The actors whose registry name starts with these words and goes on a word or two ("Street Child" for
    Street Child International), when they are a proper name's words (not "Ministry of Health", which opens many
    names); a name going on longer is another body ("Dirección General de Protección Civil y Operaciones de Ayuda
    Humanitaria Europeas" is not the "Dirección General de Protección Civil" of a country)."""
    key = name_key(text)
    if all(word in generic_words() for word in key.split()):
        return []
    names = name_keys(registry)
    start = bisect.bisect_left(names, key + " ")
    found: set[str] = set()
    for name in itertools.takewhile(lambda name: name.startswith(key + " "), names[start:]):
        if len(name[len(key) :].split()) <= MAX_PREFIX_REST:
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


def is_substitution(key: str, form: str) -> bool:
    """Whether an acronym is another of the same length with one letter changed ("ADESA", "APESA")."""
    return len(key) == len(form) and sorted(key) != sorted(form)


def is_typing_slip(key: str, form: str) -> bool:
    """Whether a short acronym is a registry one mistyped rather than another organisation's: the same letters
    in another order ("OHCA", "WPF"), a letter typed twice ("NRCC") or one dropped from a long one ("UNFP").
    A letter changed or added in a short acronym ("RRC", "SAMS", "HAC") makes another real acronym as often
    as not."""
    dropped = len(form) >= MIN_FUZZY_ACRONYM and len(key) == len(form) - 1  # "UNFP" for UNFPA
    doubled = is_doubled_letter(key, form) and len(form) >= MIN_SLIP_ACRONYM  # not "RRC" for "RC"
    return sorted(key) == sorted(form) or doubled or dropped


def acronym_fuzzy_ref(raw: str, registry: Registry, role: str, country: str | None = None) -> ActorRef:
    """A misspelt acronym: one edit away from exactly one long acronym of a well-known actor ("UNICEI", "UNWRA",
    "UNICEFF"), else review when it may be a typing slip of a well-known acronym; a short acronym merely near
    others, or near a small body's only ("AVESA" is not "APESA", "ADEST" not "ADES"), is another organisation
    ("unresolved", its neighbours only suggested)."""
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
    other_letter = len(key) < MIN_SUBSTITUTED_ACRONYM and any(is_substitution(key, form) for form in near)
    well_known = all(registry.actors[actor_id].is_well_known for actor_id in actor_ids)
    if len(actor_ids) == 1 and long_enough and not other_letter and well_known:
        return ActorRef(raw, actor_ids[0], ACRONYM_EDIT_SCORE, "fuzzy", role, ((actor_ids[0], ACRONYM_EDIT_SCORE),))
    if well_known and (long_enough or any(is_typing_slip(key, form) for form in near)):
        suggestions = tuple((actor_id, ACRONYM_EDIT_SCORE) for actor_id in actor_ids[:SUGGESTIONS])
        return ActorRef(raw, None, ACRONYM_EDIT_SCORE, "review", role, suggestions)
    suggestions = tuple((actor_id, NEIGHBOUR_SCORE) for actor_id in actor_ids[:SUGGESTIONS])
    return ActorRef(raw, None, NEIGHBOUR_SCORE, "unresolved", role, suggestions)
