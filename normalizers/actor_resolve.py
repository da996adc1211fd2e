"""Resolve one actor mention: reviewed, exact, context, fuzzy; else review or unresolved."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from normalizers.actor_fuzzy import MENTION_CACHE, fuzzy_ref
from normalizers.actor_matcher import ARTICLES
from normalizers.actor_names import name_spans
from normalizers.actor_provisional import provisional_actor, role_actor_id
from normalizers.actor_registry import (
    NOT_ACTOR,
    Actor,
    Registry,
    acronym_key,
    in_scope,
    is_acronym_like,
    is_written_acronym,
    name_key,
)
from normalizers.actor_words import (
    CONNECTORS,
    ELIDED,
    LIST_WORDS,
    NAME_LINKS,
    generic_words,
    is_generic_name,
    is_place,
    is_sector_label,
    organisation_type,
    organisation_word_set,
    phrase_pattern,
    reads_as_organisation,
    role_readings,
    split_name_acronym,
    vocab_words,
    without_role_tail,
    word_acronyms,
)
from normalizers.country import countries_of_forms, country_codes, country_forms, is_operation_place
from normalizers.model import ActorRef
from normalizers.vocab import section

EMBLEMS = ("crescent", "cross")  # the Movement's emblems, each a vocabulary list of its words (organisation_words)
NATIONAL_SOCIETIES = "national-societies"  # the registry's parent row of every national society
MIN_FOLDED_WORDS = 3  # words of a name compared without its function words: fewer are too common to tell apart
MIN_LOWER_ACRONYM = 3  # "wfp", "oim": shorter words in lower case ("un", "eu") are read as written only
EXACT_SCORE = 100.0  # a registry form as written, or a reviewer's decision
OCR_SCORE = 95.0  # an acronym read back after undoing OCR confusions (0/O, 1/I/l)
CONTEXT_SCORE = 95.0  # an ambiguous form settled by the document's context
# Characters OCR swaps inside acronyms; each map is applied as a whole to the mention.
OCR_MAPS = (str.maketrans("0158", "OISB"), str.maketrans("l", "I"), str.maketrans("Il", "11"))
# Words too common in names to tell two actors apart by the document's words.
CONTEXT_STOPWORDS = frozenset(
    ("ministry", "ministere", "of", "the", "and", "for", "de", "la", "l", "des", "du", "et", "sector")
    + ("working", "group", "united", "nations", "international", "organization", "organisation", "office")
    + ("lebanon", "lebanese", "national", "agency", "committee", "task", "force", "wg")
)
BODY_METHODS = ("exact", "alias", "fuzzy", "reviewed")  # a body found in the registry, as written or misspelt
BODY_ONLY_ROLES = ("lead", "co-lead")
PROVISIONAL_ROLE_SCORE = 50.0  # a role of an unknown body: certain as text, unconfirmed as an actor
# The organisations a unit or country office belongs to ("UNHCR Protection Unit"); a coordination body's
# "unit" is a role or another body ("Coordination Unit").
UNIT_WORDS = re.compile(r"[^\W\d_][\w'’ -]*")  # the words of a unit: no list separator, no number
UNIT_OWNERS = ("un_agency", "ingo", "nngo", "government", "donor")
CLOSING_BRACKET = re.compile(r"\s*\([^()]*\)$")  # a name's bracketed acronym or note
ORGAN_OWNERS = ("other",)  # bodies whose commission is their executive organ: intergovernmental bodies
ALSO_SERVED = ("coordination_body", "other")  # bodies a secretariat serves beside UNIT_OWNERS
SECTION_TYPES = ("ingo", "nngo")  # a network's national section: an INGO's row, or a national NGO's (HDX HAPI)
LEADING_ARTICLE = re.compile(r"^(?:the|all) ")  # "the Coordinator", "all partners": the actor named after it
POSSESSIVE = re.compile(r"['’]s$")
LISTED = re.compile(r",|\s[-–—]\s")  # a comma or a spaced dash: what a name written before its acronym never holds
GLUED_PLACE = re.compile(r"(?<=\w)-(?=[A-Z][a-z])")  # a hyphen between a name and a capitalised word
MAX_TOWN_WORDS = 2  # words of a town after a UN agency's name ("Cox's Bazar"); more are another name
ROMAN_NUMERAL = re.compile(r"(?:I{1,3}|IV|VI{0,3}|IX|X{1,3})")  # a town's numbered part ("<Town> II")
MAX_REGION_WORDS = 6  # words naming the region an office serves ("Africa, Horn of Africa and Great Lakes")
MAX_WHERE = 3  # words saying where a unit sits ("Field Office Maroua", "Bureau de Zone de Kaya"); more are a name
WORDS_JOINED = re.compile(r"(?<=[^\W\d_])\s*[/&]\s*(?=[^\W\d_])")  # "Shelter/NFI", "Water & Sanitation"
COMMON_WORD_HOLDERS = 3  # other actors whose names hold a word, written as a word, that make it a common word
WITH_LINKS = frozenset(("with", "avec", "con", "com"))  # words joining two bodies, never inside a unit's name
ACRONYM_AND_KIND = 2  # "<ACR> Network": an acronym and a kind word
LEADING_DASH = re.compile(r"^[-–—]\s+")  # a spaced dash opening the words after a name
DASH_BEFORE = re.compile(r"\s+[–—-]\s+")  # a spaced dash between a role and who holds it
LOCATIVES = frozenset(("in", "en", "au", "aux", "em", "no", "na", "a", "for", "pour", "para", "to"))  # "Oxfam in Nepal"


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
    language: str | None = None  # en | fr | es | pt: the tokenizer that finds registry names in a cell

    def __post_init__(self) -> None:
        object.__setattr__(self, "actor_ids", frozenset(self.actor_ids))  # hashable, for the mention cache


ContextLike = ResolutionContext | str | None
# "&" between two words, and the words of the four languages it stands for inside a registry name.
AMPERSAND_BETWEEN = re.compile(r"(\w+)\s*&\s*(\w+)")
AMPERSAND_WORDS = ("and", "et", "y", "e")


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
        or section_after_ref(raw, registry, role, scope)
        or title_ref(raw, registry, role, scope)
        or role_ref(raw, registry, role, scope)
        or unit_ref(raw, registry, role, scope)
        or unit_of_ref(raw, registry, role, scope)
        or member_ref(raw, registry, role, scope)
        or own_kind_ref(raw, registry, role, scope)
        or national_society_ref(raw, registry, role, scope)
        or (" " in raw and office_name_ref(raw, registry, role, scope))  # "<Name>" for "<Name> Internationale"
        or global_ref(raw, registry, role)
        or ampersand_ref(raw, registry, role, scope)
        or fuzzy_ref(raw, registry, role, scope.country)
    )


def ampersand_ref(raw: str, registry: Registry, role: str, context: ResolutionContext) -> ActorRef | None:
    """A registry name written with "&" for its "and" ("<Word> & <Word>" for a registry form "<Word> e <Word>",
    "... y ...", "... et ..."), found as written with the word in place of "&", the words on either side of it
    inside one form of that actor (never two names joined by "&")."""
    match = AMPERSAND_BETWEEN.search(raw)
    if match is None:
        return None
    for word in AMPERSAND_WORDS:
        ref = resolve_mention(AMPERSAND_BETWEEN.sub(rf"\1 {word} \2", raw, count=1), registry, role, context)
        actor = registry.actors.get(ref.actor_id or "")
        joined = f"{name_key(match[1])} {word} {name_key(match[2])}"
        if actor and ref.method in ("exact", "alias") and any(joined in name_key(form) for form in actor.forms):
            return replace(ref, raw=raw)
    return None


def title_ref(raw: str, registry: Registry, role: str, context: ResolutionContext) -> ActorRef | None:
    """A coordination title or body followed by the country it serves ("Humanitarian Coordinator for <country>",
    "UN Country Team in <country>", "Coordenadora Residente ... em <country>") or by the UN system it belongs to
    ("Coordonnateur résident du Système des Nations Unies", "Escritório do Coordenador Residente da ONU"): the
    registry row the rest of the words name as written. A country closes a role or a coordination body only (an
    agency's office in a country is unit_ref's)."""
    key = name_key(raw)
    head = without_country_tail(key)
    system = phrase_pattern("organisation_words", "un_system")
    bare = re.sub(rf"(?:^| )(?:{system.pattern})$", "", head).strip()
    if bare == key or not bare:
        return None
    ref = exact_ref(bare, registry, role, context)
    actor = registry.actors.get(ref.actor_id or "") if ref else None
    if actor is None or (bare == head and actor.actor_type not in ("role", "coordination_body")):
        return None
    return replace(ref, raw=raw) if ref else None


def without_country_tail(key: str) -> str:
    """A name key less a locative and a country's name closing it ("... for yemen", "... em mocambique")."""
    words = key.split()
    for cut in range(len(words) - 1, 0, -1):
        if words[cut] in LOCATIVES and " ".join(words[cut + 1 :]) in country_forms()[0]:
            return " ".join(words[:cut])
    return key


def own_kind_ref(raw: str, registry: Registry, role: str, context: ResolutionContext) -> ActorRef | None:
    """A registry acronym followed by the kind word its own name holds ("<ACR> Network" for "Network Against ...
    (<ACR>)", "<ACR> Foundation"): that actor; a kind word its name lacks makes another body ("<ACR> Bank")."""
    words = raw.split()
    if (
        len(words) != ACRONYM_AND_KIND
        or not is_acronym_like(words[0])
        or name_key(words[1]) not in organisation_word_set()
    ):
        return None
    ref = exact_ref(words[0], registry, role, context)
    actor = registry.actors.get(ref.actor_id or "") if ref else None
    if actor is None or name_key(words[1]) not in name_key(actor.name).split():
        return None
    return replace(ref, raw=raw) if ref else None


def national_society_ref(raw: str, registry: Registry, role: str, context: ResolutionContext) -> ActorRef | None:
    """A national Red Cross or Red Crescent society named by its country's name or adjective in any of the four
    languages ("<Nationality> Red Crescent", "Croix-Rouge <nationalité>", "Sociedad Nacional de la Cruz Roja <de
    país>"): the registry's one society of that country under that emblem; none or several, no reading."""
    found = national_society_ids(raw, registry, context.country)[0]
    return ActorRef(raw, found[0], EXACT_SCORE, "alias", role) if len(found) == 1 else None


def national_society_ids(raw: str, registry: Registry, country: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The registry's national societies of the country a society's name names (by its name or adjective, the rest
    of the words the Movement's): (those under the emblem the name holds, those under the other)."""
    key = name_key(raw)
    emblem = society_emblem(key)
    if emblem is None:
        return (), ()
    pattern = phrase_pattern("organisation_words", f"{emblem}_societies")
    dropped = vocab_words("organisation_words", "society_words") | CONNECTORS | ARTICLES
    rest = [word for word in pattern.sub(" ", key).split() if word not in dropped]
    named = country_of_words(" ".join(rest), country) if rest else None
    other = next(kind for kind in EMBLEMS if kind != emblem)
    societies = national_societies(registry)
    return societies.get((named or "", emblem), ()), societies.get((named or "", other), ())


def society_emblem(key: str) -> str | None:
    """Which emblem a name key holds: "crescent" or "cross" (its words in the four languages), or None."""
    held = [emblem for emblem in EMBLEMS if phrase_pattern("organisation_words", f"{emblem}_societies").search(key)]
    return held[0] if len(held) == 1 else None


def country_of_words(words: str, country: str | None) -> str | None:
    """The one country a country's name or adjective names, the adjective also in its feminine form ("jordanienne",
    "néerlandaise", "jordana"); an adjective of two countries ("congolaise", in countries.csv or the vocabulary's
    shared_adjectives) names the document's one of them, or none."""
    key = name_key(words)
    stems = [key, key.removesuffix("ne"), key.removesuffix("e"), f"{key.removesuffix('a')}o"]
    found = next((countries_of_forms()[stem] for stem in stems if stem in countries_of_forms()), frozenset())
    if len(found) == 1 and key not in vocab_words("organisation_words", "shared_adjectives"):
        return next(iter(found))
    return country if country in found else None


def national_societies(registry: Registry) -> dict[tuple[str, str], tuple[str, ...]]:
    """The registry's national societies by (country, emblem): a society's country is its own, or the country its
    name names ("Turkish Red Crescent", a society working abroad)."""
    found: dict[tuple[str, str], list[str]] = {}
    for actor in registry.actors.values():
        emblem = society_emblem(name_key(actor.name))
        if actor.parent_id != NATIONAL_SOCIETIES or emblem is None:
            continue
        words = [word for word in name_key(actor.name).split() if word in country_forms()[0]]
        country = actor.country or (country_forms()[0][words[0]] if words else None)
        if country:
            found.setdefault((country, emblem), []).append(actor.actor_id)
    return {found_key: tuple(ids) for found_key, ids in found.items()}


def global_ref(raw: str, registry: Registry, role: str) -> ActorRef | None:
    """A global coordination body named with its global word in any language ("Cluster Mondial Nutrition",
    "Clúster Global de Educación"): the registry's "Global <name>" of the body the rest of the words name."""
    words = raw.split()
    kept = [word for word in words if name_key(word) not in vocab_words("organisation_words", "global_words")]
    if len(kept) == len(words) or not kept:
        return None
    found = exact_candidates(" ".join(kept), registry)[0]
    names = {registry.actors[actor_id].name for actor_id in found}
    if not found or any(registry.actors[actor_id].actor_type != "coordination_body" for actor_id in found):
        return None
    bodies = {actor_id for name in names for actor_id in registry.names.get(name_key(f"global {name}"), set())}
    if not bodies:  # the global body is the row of no country itself ("Global <Theme> AoR": the <Theme> AoR)
        bodies = {actor_id for actor_id in found if registry.actors[actor_id].country is None}
    if len(bodies) != 1:
        return None
    return ActorRef(raw, bodies.pop(), EXACT_SCORE, "alias", role)


def role_ref(raw: str, registry: Registry, role: str, context: ResolutionContext) -> ActorRef | None:
    """A role of a body ("WASH Cluster Coordinator", "IM unit of UNHCR", "CMWG co-chairs"): the body resolved,
    the mention one role actor whose parent is the body (id "<body>--<role>"), never a bare "Coordinator".

    The body is a registry actor (as written or misspelt), the document's own cluster or sector when the
    mention names none ("Cluster Coordinator"), or an unknown coordination body named by an acronym or a
    coordination word ("CMWG co-chairs", "SMSD Sector Coordinator"): then the role is provisional too.
    Lead and co-lead roles are roles of coordination bodies only ("Health Cluster lead"): after an agency's
    name they say what the agency does, not who ("UNICEF lead" is UNICEF).
    """
    readings = role_readings(raw)
    cut = without_role_tail(raw) if not readings else raw
    if cut != raw:  # "<Cluster> co-coordinator <town>": the role of a registry body, its qualifiers a note
        body = next((body_ref(text, registry, role, context) for text, _ in role_readings(cut)), None)
        readings = role_readings(cut) if body and body.actor_id else []
    if not readings:
        return None
    readings = [reading for reading in readings if not is_holder_after_role(raw, reading[0], registry, context)]
    readings = [as_deputy(*reading) for reading in readings]
    if not readings:
        return None
    found = [(reading, body_ref(reading[0], registry, role, context)) for reading in readings]
    (body_text, role_key), body = next(((reading, body) for reading, body in found if body), found[0])
    if body is None or body.actor_id is None:
        return provisional_role_ref(raw, body_text, role_key, role, registry, context)
    if role_key in BODY_ONLY_ROLES and registry.actors[body.actor_id].actor_type != "coordination_body":
        return replace(body, raw=raw)
    body_id = body.actor_id
    if is_umbrella(registry.actors[body_id]):
        return ActorRef(raw, None, body.score, "review", role, ((body_id, body.score),))  # which of its titles?
    actor_id = registry_roles(registry).get((body_id, role_key)) or role_actor_id(body_id, role_key)
    return ActorRef(raw, actor_id, body.score, body.method, role, ((body_id, body.score),))


@cache
def registry_roles(registry: Registry) -> dict[tuple[str, str], str]:
    """The roles the registry holds as rows of their own, by (body, role): a row of type role whose forms read as
    that role of its parent ("GPC Coordinator" under the GPC). One role, one id: a mention of the role in any
    language is that row, never a generated "<body>--<role>" beside it."""
    held: dict[tuple[str, str], set[str]] = {}
    for actor in registry.actors.values():
        if actor.actor_type != "role" or not actor.parent_id:
            continue
        for body_text, role_key in (reading for form in actor.forms for reading in role_readings(form)):
            if actor.parent_id in exact_candidates(body_text, registry)[0]:
                held.setdefault((actor.parent_id, role_key), set()).add(actor.actor_id)
    return {key: next(iter(ids)) for key, ids in held.items() if len(ids) == 1}


def as_deputy(body_text: str, role_key: str) -> tuple[str, str]:
    """A role reading with a deputy's word opening its body ("Deputy <Cluster> Coordinator") read as the deputy's
    role of the body after the word; any other reading as it is."""
    first, _, rest = body_text.partition(" ")
    deputy = f"deputy-{role_key}"
    if (
        rest
        and name_key(first) in vocab_words("organisation_words", "deputy_words")
        and deputy in section("actor_roles")
    ):
        return rest, deputy
    return body_text, role_key


def is_holder_after_role(raw: str, body_text: str, registry: Registry, context: ResolutionContext) -> bool:
    """Whether a role's body read after a spaced dash is the holder of a registry coordination body's role named
    before the dash ("<Coordinator> du <Cluster> – <agency> <town>": the cluster's coordinator, held by the
    agency), not the body whose role it is."""
    before = DASH_BEFORE.split(raw[: raw.rfind(body_text)])
    if len(before) == 1 or before[-1].strip():
        return False
    role = role_readings(before[0].strip())
    body = body_ref(role[0][0], registry, "lead", context) if role else None
    return bool(body and body.actor_id and registry.actors[body.actor_id].actor_type == "coordination_body")


def body_ref(body_text: str, registry: Registry, role: str, context: ResolutionContext) -> ActorRef | None:
    """The registry body a role belongs to: named (as written or misspelt, never itself a role), or the
    document's own cluster or sector for a bare "Cluster" or "Sector"."""
    if name_key(body_text) in vocab_words("organisation_words", "own_body") and context.sector:
        body_text = f"{context.sector} {body_text}"
    body = resolve_mention(body_text, registry, role, context)
    if body.actor_id not in registry.actors or body.method not in BODY_METHODS:
        return hub_body_ref(body_text, registry, role, context)
    if body.method == "fuzzy":  # "<body> à <town>" near a registry form: the body as written, its town cut
        body = hub_body_ref(body_text, registry, role, context) or body
    actor = registry.actors.get(body.actor_id or "")
    return None if actor is None or actor.actor_type == "role" else body


def hub_body_ref(body_text: str, registry: Registry, role: str, context: ResolutionContext) -> ActorRef | None:
    """A coordination body followed by the town of its hub ("<Cluster> <town>" in "IMO – <Cluster> <town>"):
    the body, when the last word or two are a known place and the words before them a registry body."""
    words = body_text.split()
    cuts = [len(words) - index for index in range(1, len(words)) if is_town_after_locative(words[index:])]
    cuts += [cut for cut in (1, 2) if len(words) > cut and is_place(" ".join(words[-cut:]))]
    cuts += [1] if len(words) > 1 and is_region_abbreviation(words[-1], registry) else []
    for cut in cuts:
        body = resolve_mention(" ".join(words[:-cut]), registry, role, context)
        if body.actor_id in registry.actors and body.method in BODY_METHODS:
            return body if registry.actors[body.actor_id].actor_type == "coordination_body" else None
    return None


def is_region_abbreviation(word: str, registry: Registry) -> bool:
    """Whether a word after a coordination body's name may abbreviate the region its hub covers ("<Cluster> <REG>
    coordinator"): two to four capitals that are no registry acronym."""
    return word.isalpha() and word.isupper() and 2 <= len(word) <= 4 and not registry.acronyms.get(acronym_key(word))


def is_town_after_locative(words: list[str]) -> bool:
    """Whether words say where a body's role sits: a locative, then one to three capitalised words and their links
    ("em <Town>", "à <Town-au-Town>", "en <Town> de <Area>"), no acronym, no word of a body's name."""
    if not words[1:] or name_key(words[0]) not in LOCATIVES:
        return False
    named = [word for word in words[1:] if name_key(word) not in NAME_LINKS | ARTICLES]
    return (
        0 < len(named) <= MAX_WHERE
        and all(ELIDED.sub("", word)[:1].isupper() and not word.isupper() for word in named)
        and organisation_type(" ".join(words[1:])) is None
    )


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
    if len(name_spans(body_text, registry, context.language)) > 1:
        return None  # registry names run together ("Sector Coordinators IM Focal Points"), not one unknown body
    body_id = provisional_actor(body_text, context.country).actor_id
    return ActorRef(raw, role_actor_id(body_id, role_key), PROVISIONAL_ROLE_SCORE, "provisional", role)


def unit_ref(raw: str, registry: Registry, role: str, context: ResolutionContext) -> ActorRef | None:
    """A unit or country office of a registry organisation ("UNHCR Protection Unit", "IOM Site Management
    Unit", "IOM Mission in Libya", "CARE Ethiopia", "Care Nepal", "Oxfam in Nepal"): that organisation, when the
    words before the unit name it as written (a word that is also an acronym, "Care", as that acronym before a
    place). An international NGO's section named for any country, or with "International" in another language,
    is that NGO too ("Médicos del Mundo España", "Plan Norge", "RET Internacional"); a UN agency's namesake in a
    donor country is a charity of its own ("WFP USA"), and so is any unit of an umbrella ("UN Mission in ...")."""
    if "\n" in raw:
        return None  # a unit and its organisation are written on one line; a line break separates two names
    words = GLUED_PLACE.sub(" ", raw).split()  # "UNICEF-Kenya", "WFP-Kakuma"
    for cut in range(len(words) - 1, 0, -1):
        head, tail = POSSESSIVE.sub("", " ".join(words[:cut])), " ".join(words[cut:])  # "UNICEF's Field Office"
        head = without_own_acronym(head, registry, role, context)
        dashed = bool(LEADING_DASH.match(tail))
        tail = LEADING_DASH.sub("", tail)  # "<NGO> – <town> office": the office after a spaced dash
        # "CARE PNG", "World Vision SI", "<INGO> in PNG"
        place = is_place_tail(tail) or names_country(without_locative(tail), context.country, head)
        place = place or is_code_after_locative(tail)  # "<INGO> in <country code>", in another country's plan
        section = not place and is_section_tail(tail)
        town = not (place or section) and is_unknown_town(
            without_site_word(without_locative(tail)), registry
        )  # "OCHA Hudaydah", "PAM à <town>", "OCHA <town> hub"
        # after a dash, "<town> office" is the office, "Department of <sector>" a ministry's
        closed = not dashed or name_key(tail.split()[-1]) in vocab_words("organisation_words", "units")
        organ = not dashed and is_organ(tail)  # "<regional body> Commission": that body
        unit = is_unit(tail) and closed and not names_other_body(tail, registry)  # "UNHCR Protection Unit"
        unit = unit or is_sector_label(tail) or organ  # "WFP Logistics"
        if not place and not section and not town and not unit:
            continue
        ref = exact_ref(head, registry, role, context)
        if (place or section) and not (ref and ref.actor_id) and name_key(head) in word_acronyms():
            ref = exact_ref(head.upper(), registry, role, context)
        if (place or section) and not (ref and ref.actor_id):
            ref = office_name_ref(head, registry, role, context) or typo_ref(head, registry, role, context)
        if unit and dashed and not (ref and ref.actor_id):
            ref = office_name_ref(head, registry, role, context)  # "<NGO> – <town> office" for "<NGO> International"
        # "<INGO> in <town>", "<INGO ACRONYM> <town>": an acronym's namesakes are written with another acronym
        one_word = len(without_site_word(tail).split()) == 1
        in_town = without_locative(tail) != tail or (is_written_acronym(head.split()[0]) and one_word)
        placed = ("un_agency", "ingo") if in_town else ("un_agency",)
        owners = ("ingo",) if section else placed if town else ORGAN_OWNERS if organ else unit_owners(tail)
        owner = registry.actors[ref.actor_id] if ref and ref.actor_id else None
        owns = owner and (owner.actor_type in owners or (is_movement(owner) and not section))
        if ref and owner and owns and not is_umbrella(owner):
            section_id = national_sections(registry).get((owner.actor_id, tail_country(tail) or ""))
            return ActorRef(raw, section_id or owner.actor_id, ref.score, "alias", role)
    return None


def is_organ(tail: str) -> bool:
    """Whether words after a name are an intergovernmental body's organ ("Commission"), alone or before one of its
    units after a spaced dash ("Commission – Health Unit")."""
    words = tail.split()
    if not words or name_key(words[0]) not in vocab_words("organisation_words", "organs"):
        return False
    rest = LEADING_DASH.sub("", " ".join(words[1:]))
    return not rest or (rest != " ".join(words[1:]) and is_unit(rest))


def unit_owners(unit: str) -> tuple[str, ...]:
    """The kinds of organisation a unit's words say a part of: a secretariat serves a body of any kind ("<network>
    secretariat", "<working group> Secretariat", "Secretariado del <grupo>"): that body; another unit an agency's,
    an NGO's, a government's or a donor's (a coordination body's "Coordination Unit" is a role or another body)."""
    secretariats = vocab_words("organisation_words", "secretariats")
    return (*UNIT_OWNERS, *ALSO_SERVED) if secretariats & set(phrases_of(unit)) else UNIT_OWNERS


def phrases_of(text: str) -> list[str]:
    """Every run of one or two words of a text, as name keys."""
    words = name_key(text).split()
    return words + [" ".join(pair) for pair in itertools.pairwise(words)]


def without_own_acronym(head: str, registry: Registry, role: str, context: ResolutionContext) -> str:
    """A registry name less its bracketed acronym when both name the same actor ("<agency's name> (<ACR>)" before
    "en <country>"); any other text as it is."""
    name, acronym = split_name_acronym(head)
    if not acronym or not CLOSING_BRACKET.search(head):
        return head
    by_name, by_acronym = exact_ref(name, registry, role, context), exact_ref(acronym, registry, role, context)
    same = by_name and by_acronym and by_name.actor_id and by_name.actor_id == by_acronym.actor_id
    return name if same else head


def unit_of_ref(raw: str, registry: Registry, role: str, context: ResolutionContext) -> ActorRef | None:
    """A unit named before its organisation, as French, Spanish and Portuguese write it ("Bureau de l'UNICEF à
    Diffa", "Oficina del ACNUR en Cúcuta", "Representation of UNHCR in Niger"): that organisation, when the words
    after its name only say where."""
    words = list(itertools.dropwhile(is_scope_word, raw.split()))  # "Regional Office of <agency> ..."
    units = vocab_words("organisation_words", "units")
    opening = next((size for size in range(len(words), 0, -1) if name_key(" ".join(words[:size])) in units), 0)
    scoped = list(itertools.dropwhile(is_scope_word, words[opening:]))  # "Bureau sous-régional du ..."
    rest = list(itertools.dropwhile(lambda word: name_key(word) in NAME_LINKS | ARTICLES, scoped))
    if not opening or len(rest) == len(scoped):
        return None  # no unit word opening the mention, or no "of"/"de" after it
    for size in range(len(rest), 0, -1):
        ref = exact_ref(" ".join(rest[:size]).rstrip(","), registry, role, context)
        owner = registry.actors[ref.actor_id] if ref and ref.actor_id else None
        where = rest[size:]
        named = [word for word in where if name_key(word) not in NAME_LINKS | ARTICLES | LOCATIVES]
        says_where = (all(map(is_place_word, where)) and len(named) <= MAX_WHERE) or is_region_served(where)
        owns = owner and (owner.actor_type in unit_owners(" ".join(words[:opening])) or is_movement(owner))
        if ref and owner and owns and not is_umbrella(owner) and says_where:
            return ActorRef(raw, owner.actor_id, ref.score, "alias", role)
    return None


def is_scope_word(word: str) -> bool:
    """Whether a word after a unit's word says how far the unit reaches ("régional", "sous-régional", "country")."""
    parts = name_key(word).split()
    return bool(parts) and all(part in vocab_words("organisation_words", "scope") for part in parts)


def is_region_served(words: list[str]) -> bool:
    """Whether the words after an agency's name say which region its office serves: "for / pour / para" and at most
    MAX_REGION_WORDS words of no organisation, no acronym ("... pour l'Afrique centrale, <town>", "... para América
    Latina y el Caribe")."""
    text = " ".join(words)
    opens = bool(words) and name_key(words[0]) in vocab_words("organisation_words", "serving_words")
    named = [word for word in words[1:] if name_key(word) not in NAME_LINKS | ARTICLES | CONNECTORS]
    plain = organisation_type(text) is None and not any(map(is_acronym_like, words[1:]))
    return opens and 0 < len(named) <= MAX_REGION_WORDS and plain


def names_country(tail: str, country: str | None, head: str) -> bool:
    """Whether words after a name are the document's country by its code or an acronym of its name in any language
    ("PNG" in Papua New Guinea's plan, "RDC" in a Congolese one, "SI" in a Solomon Islands one), never another
    organisation's acronym. Where the document's country is not known, any country's code after a name written in
    words is that country ("World Vision DRC"); after an acronym it may be a list ("NRC DRC")."""
    if country and (tail == country or country_forms()[0].get(name_key(tail)) == country):
        return True
    if not is_acronym_like(tail) or " " in tail:
        return False
    countries = country_codes().get(tail.upper(), frozenset())
    return country in countries if country else bool(countries) and not is_acronym_like(head)


def is_code_after_locative(tail: str) -> bool:
    """Whether words after a name are "in / en / au / em" and a country's code ("in PNG", "en RDC"): a place
    whatever the document's country (after a locative a code names no organisation)."""
    code = without_locative(tail)
    return code != tail and is_acronym_like(code) and bool(country_codes().get(code.upper()))


def is_unknown_town(tail: str, registry: Registry) -> bool:
    """Whether words after a UN agency's name can only say where its office is: one or two capitalised words
    that are no country, no registry name, no acronym and no word of a body's or a kind's name ("Hudaydah",
    "Cox's Bazar", "Port-au-Prince", a numbered part "<Town> II"; not "Deutschland", "Foundation", "Accelerator Lab"
    is a unit)."""
    words = tail.split()
    if len(words) > 1 and ROMAN_NUMERAL.fullmatch(words[-1]):
        words = words[:-1]  # "<Town> II": a part of the town, numbered
    if not 0 < len(words) <= MAX_TOWN_WORDS or name_key(tail) in country_forms()[0]:
        return False
    proper = all(
        word[:1].isupper() and not is_acronym_in_place(word) and name_key(word) not in generic_words() for word in words
    )
    return proper and not exact_candidates(tail, registry)[0] and not is_unit(tail)


def without_site_word(tail: str) -> str:
    """Words after a name less a site word closing them ("<town> hub", "<town> camp": vocab `place_words`), when
    words are left before it."""
    words = tail.split()
    site = len(words) > 1 and name_key(words[-1]) in vocab_words("not_actors", "place_words")
    return " ".join(words[:-1]) if site else tail


def is_acronym_in_place(word: str) -> bool:
    """Whether a word where a town's name may stand is an acronym: written like one, unless a hyphenated name of
    capitalised words ("Port-de-Paix", "Saint-Louis-du-Nord") or a numeral ("II")."""
    hyphenated = "-" in word and not is_written_acronym(word)
    return is_acronym_like(word) and not hyphenated and not ROMAN_NUMERAL.fullmatch(word)


def without_locative(tail: str) -> str:
    """Words after a name without the locative and the article opening them ("à Kirundo", "in Gode", "en el
    Chaco": the town)."""
    words = tail.split()
    if len(words) < 2 or name_key(words[0]) not in LOCATIVES:
        return tail
    return " ".join(words[2:] if len(words) > 2 and name_key(words[1]) in ARTICLES else words[1:])


def tail_country(tail: str) -> str | None:
    """The country (ISO 3166 alpha-3) words after a name say, in any language ("Bélgica", "in Spain"), or None."""
    words = tail.split()
    while words and name_key(words[0]) in LOCATIVES:
        words = words[1:]
    return country_forms()[0].get(name_key(" ".join(words)))


@cache
def national_sections(registry: Registry) -> dict[tuple[str, str], str]:
    """The registry's own rows for a network's national section, by (network, country): a row named as the network
    and a country ("MSF Belgique" for MSF and Belgium), so the section named in another language ("Médicos Sem
    Fronteiras Bélgica") is that row, not the network."""
    sections: dict[tuple[str, str], str] = {}
    for actor in registry.actors.values():
        for form in actor.forms if actor.actor_type in SECTION_TYPES else ():
            words = CLOSING_BRACKET.sub("", form).split()  # "SOS Children's Villages Somalia (SOS CV SO)"
            for cut in range(len(words) - 1, 0, -1):
                network = exact_candidates(" ".join(words[:cut]), registry)[0]
                country = tail_country(" ".join(words[cut:]))
                international = len(network) == 1 and registry.actors[next(iter(network))].actor_type == "ingo"
                if country and international and actor.actor_id not in network:
                    sections.setdefault((next(iter(network)), country), actor.actor_id)
    return sections


def is_section_tail(tail: str) -> bool:
    """Whether words after a network's name say one of its national sections: any country's name, in any of the
    four languages or its own ("España", "Deutschland", "in Norway"), or "International" in another language."""
    words = tail.split()
    while words and name_key(words[0]) in LOCATIVES:
        words = words[1:]
    key = name_key(" ".join(words))
    return key in country_forms()[0] or key in vocab_words("organisation_words", "international_suffixes")


def is_movement(actor: Actor) -> bool:
    """Whether an actor is a body of the Red Cross and Red Crescent Movement, which works through delegations and
    offices named by their place ("<Movement body> Delegation in <city>", "<Movement body> <region> Office")."""
    words = f" {name_key(' '.join(actor.forms))} "
    return any(f" {phrase} " in words for phrase in vocab_words("organisation_words", "movement_names"))


def is_umbrella(actor: Actor) -> bool:
    """Whether an actor's units and missions are bodies of their own ("UN Mission in South Sudan")."""
    umbrellas = vocab_words("organisation_words", "umbrellas")
    return name_key(actor.name) in umbrellas or name_key(actor.acronym or "") in umbrellas


def member_ref(raw: str, registry: Registry, role: str, context: ResolutionContext) -> ActorRef | None:
    """A network member named as a foundation of the network's name ("Fundación Tierra de Hombres", "Stiftung
    Terre des hommes"), or of its name less "International" ("Fundación Plan"): that international NGO, as its
    country sections are; never before an acronym alone ("Fondation CARE" may be another body's name)."""
    words = raw.split()
    if len(words) < 2 or name_key(words[0]) not in vocab_words("organisation_words", "member_heads"):
        return None
    network = " ".join(words[1:])
    if is_acronym_like(network):
        return None
    ref = exact_ref(network, registry, role, context)
    ref = ref if ref and ref.actor_id else office_name_ref(network, registry, role, context)
    if not ref or not ref.actor_id or registry.actors[ref.actor_id].actor_type != "ingo":
        return None
    return ActorRef(raw, ref.actor_id, ref.score, "alias", role)


def typo_ref(head: str, registry: Registry, role: str, context: ResolutionContext) -> ActorRef | None:
    """A well-known organisation's name misspelt before its country ("Wordl Vision Kenya"): accepted as the fuzzy
    path accepts the name alone, never for a name merely near one."""
    ref = fuzzy_ref(head, registry, role, context.country)
    return ref if ref.method == "fuzzy" and ref.actor_id else None


def office_name_ref(head: str, registry: Registry, role: str, context: ResolutionContext) -> ActorRef | None:
    """An international organisation named for its country office without its last word ("Plan Togo", "Street
    Child Sierra Leone": Plan International, Street Child International)."""
    for suffix in vocab_words("organisation_words", "international_suffixes"):
        ref = exact_ref(f"{head} {suffix}", registry, role, context)
        if ref and ref.actor_id:
            return ref
    return None


def is_unit(tail: str) -> bool:
    """Whether words after an organisation's name say a part of it: they end with a unit word ("Protection
    Unit", "Field Office", "WASH section", "Turkana Branch"), maybe followed by where it sits ("Field Office
    Maroua", "Bureau de Kaya"). An acronym in them must be a sector or unit word: another is another name or a
    list ("UNICEF; WFP Engineering"), not a part of the one before; so are words opening with "and", "with", ...
    ("Tearfund and Eagles Relief Programme" names two bodies)."""
    words = tail.split()
    if not UNIT_WORDS.fullmatch(tail) or name_key(words[0]) in LIST_WORDS:
        return False
    if any(name_key(word) in WITH_LINKS for word in words):
        return False  # "<agency> <town> com a Direcção ...": "with" joins another body, never a unit's words
    units = vocab_words("organisation_words", "units")
    inner = units | vocab_words("not_actors", "sector_words")
    unit_names = {index for index in range(len(words) - 1) if names_next_unit(words, index, units)}
    foreign = (
        is_acronym_like(part) and name_key(part) not in inner
        for index, word in enumerate(words)
        if index not in unit_names
        for part in word.split("-")
    )
    if any(foreign):
        return False
    last_unit = max((index for index, word in enumerate(words) if name_key(word) in units), default=None)
    if last_unit is None:
        return False
    where = words[last_unit + 1 :]
    named = [word for word in where if name_key(word) not in NAME_LINKS | ARTICLES | LOCATIVES]
    return all(map(is_place_word, where)) and len(named) <= MAX_WHERE


def names_other_body(tail: str, registry: Registry) -> bool:
    """Whether an acronym among a unit's words, other than a sector's or a unit's, names a registry body: a second
    body before a unit of its own ("<agency> <other agency> unit"), not a part of the first."""
    inner = vocab_words("organisation_words", "units") | vocab_words("not_actors", "sector_words")
    return any(
        is_acronym_like(word) and name_key(word) not in inner and exact_candidates(word, registry)[0]
        for word in tail.split()
    )


def names_next_unit(words: Sequence[str], index: int, units: frozenset[str]) -> bool:
    """Whether the word at `index` is an acronym naming the unit word right after it ("<agency> M&E unit",
    "<agency> PSEA section"): the unit's own name, not another body before a unit of its own."""
    return is_acronym_like(words[index]) and name_key(words[index + 1]) in units


def is_place_word(word: str) -> bool:
    """Whether a word after a unit can say where it sits: a capitalised word ("Maroua", "d'Ivoire") or a link
    ("de", "of the", "in"); never "and" or "with", which open another name."""
    return ELIDED.sub("", word)[:1].isupper() or name_key(word) in NAME_LINKS | ARTICLES | LOCATIVES


def is_place_tail(tail: str) -> bool:
    """Whether words after an organisation's name say a country or place it works in ("Ethiopia", "in Nepal",
    "Kakuma") or a region its regional office covers ("Pacific", "Afrique de l'Ouest")."""
    words = tail.split()
    while words and name_key(words[0]) in LOCATIVES:
        words = words[1:]
    place = " ".join(words)
    if not place or any(is_acronym_like(word) for word in words):
        return False
    return is_operation_place(place) or name_key(place) in vocab_words("organisation_words", "regions")


def name_with_acronym_ref(
    raw: str, name: str, acronym: str, registry: Registry, role: str, context: ResolutionContext
) -> ActorRef:
    """A "Name (ACR)" mention: its name resolved, else its acronym if exact, else the name's doubtful ref."""
    by_name = resolve_mention(name, registry, role, context)
    if by_name.actor_id:
        section = bracketed_section(by_name.actor_id, acronym, registry, role, context)
        return replace(section or by_name, raw=raw)
    by_acronym = exact_ref(acronym, registry, role, context)
    near = {actor_id for actor_id, _ in by_name.suggestions}
    listed = bool(LISTED.search(name))  # "Coordinator, Protection Cluster (UNHCR)", "<Org> – <town> hub (<ACR>)":
    # a list or a name and its place before the bracket, not one name
    acronym_id = by_acronym.actor_id if by_acronym and not listed else None
    agrees = acronym_id in near or (
        acronym_id and not spells(acronym, name) and not names_other_kind(name, registry.actors[acronym_id])
    )
    if acronym_id and (unit := parent_unit_ref(name, acronym_id, registry, role)):
        return replace(unit, raw=raw)  # "<unit> <town> (<ministry>)": the ministry's unit, not the ministry
    if acronym_id and is_other_expansion(acronym, name, registry.actors[acronym_id]):
        return replace(by_name, raw=raw)  # "<Full Name> (<ACR>)" spelling the acronym, the registry's ACR another
    if by_acronym and acronym_id and agrees:
        return replace(by_acronym, raw=raw)  # "Consejo Noruego para Refugiados (NRC)": NRC's name translated
    return replace(by_name, raw=raw)  # "Alliance for Community Futures (ACF)": another body's own acronym


def bracketed_section(
    actor_id: str, note: str, registry: Registry, role: str, context: ResolutionContext
) -> ActorRef | None:
    """The section of an organisation written in brackets after its name ("<MSF in words> (OCA)"): the registry row
    that one of the organisation's forms followed by the note names ("MSF OCA"), when that is another row."""
    actor = registry.actors.get(actor_id)
    for form in actor.forms if actor else ():
        ref = exact_ref(f"{form} {note}", registry, role, context)
        if ref and ref.actor_id and ref.actor_id != actor_id:
            return ref
    return None


def section_after_ref(raw: str, registry: Registry, role: str, context: ResolutionContext) -> ActorRef | None:
    """An organisation's section written right after its name ("<MSF in words> OCA"): the registry row of that
    section, as "<MSF in words> (OCA)" is; never the organisation with its section dropped."""
    head, _, note = raw.rpartition(" ")
    if not head or not is_acronym_like(note):
        return None
    ref = exact_ref(head, registry, role, context)
    section = bracketed_section(ref.actor_id, note, registry, role, context) if ref and ref.actor_id else None
    return replace(section, raw=raw) if section else None


def names_other_kind(name: str, actor: Actor) -> bool:
    """Whether a name says a kind of body ("Church", "Église", "Association") that none of a registry actor's names
    holds: another body, whose acronym is the actor's by chance ("Église <Name> (<ACR>)" beside a federation)."""
    kinds = (organisation_word_set() | vocab_words("organisation_words", "heads")) - vocab_words(
        "organisation_words", "units"
    )
    kinds -= vocab_words("organisation_words", "coordination_body")
    own = set(name_key(name).split()) & kinds
    held = {word for form in actor.forms for word in name_key(form).split()}
    return bool(own) and not own & held


def parent_unit_ref(name: str, parent_id: str, registry: Registry, role: str) -> ActorRef | None:
    """The one registry unit of the bracketed body that the name's first words name ("<unit's acronym> <town>
    (<ministry>)"), read among that body's units only, where the same words alone may name other bodies too."""
    words = name.split()
    for size in range(len(words), 0, -1):
        found, _ = exact_candidates(" ".join(words[:size]), registry)
        units = {actor_id for actor_id in found if registry.actors[actor_id].parent_id == parent_id}
        if len(units) == 1:
            return ActorRef(name, units.pop(), EXACT_SCORE, "exact", role)
    return None


def is_other_expansion(acronym: str, name: str, actor: Actor) -> bool:
    """Whether a written name is its bracketed acronym's own expansion (its words' first letters, or their first
    few, spell it: "Coastal Action for Rural Education (COARE)") and shares no word of its own
    with any name of the registry actor holding that acronym: another body, whose acronym is the actor's by chance."""
    if not spells_loosely(acronym, name):
        return False
    own = set(name_key(name).split()) - generic_words()
    held = {word for form in actor.forms for word in name_key(form).split()}
    return not own & held


def spells_loosely(acronym: str, name: str) -> bool:
    """Whether an acronym is made of the first letter or first few letters of each of a name's words in order,
    its connectors left out ("COARE": "COastal Action for Rural Education")."""
    words = [key for word in re.split(r"[\s-]+", name) if (key := name_key(word)) and key not in CONNECTORS]
    return bool(words) and spells_by_prefixes(acronym_key(acronym).lower(), words)


def spells_by_prefixes(letters: str, words: list[str]) -> bool:
    """Whether letters are the words' leading letters in order, each word giving one or more."""
    if not words:
        return not letters
    word, rest = words[0], words[1:]
    return any(
        letters[:size] == word[:size] and spells_by_prefixes(letters[size:], rest)
        for size in range(1, min(len(word), len(letters)) + 1)
    )


def spells(acronym: str, name: str) -> bool:
    """Whether an acronym is made of the initials of a name's words (all of them, or its capitalised ones)."""
    words = [word for word in re.split(r"[\s-]+", name) if word and name_key(word) not in CONNECTORS]
    initials = ("".join(word[0] for word in words), "".join(word[0] for word in words if word[:1].isupper()))
    return acronym_key(acronym) in {initial.upper() for initial in initials}


def exact_candidates(raw: str, registry: Registry) -> tuple[set[str], str]:
    """The actors a mention names exactly, and the key it matched under. A slash or "&" between two words reads
    as "and" when only that form is the registry's ("Shelter/NFI Cluster": "Shelter and NFI Cluster")."""
    if is_acronym_like(raw):
        key = acronym_key(raw)
        return registry.acronyms.get(key, set()) or registry.names.get(name_key(raw), set()), key
    key = name_key(raw)
    found = registry.names.get(key, set()) or registry.names.get(LEADING_ARTICLE.sub("", key), set())
    if not found and may_be_acronym_in_lower_case(raw, registry):
        return registry.acronyms.get(acronym_key(raw), set()), acronym_key(raw)
    if not found and WORDS_JOINED.search(raw):
        and_key = name_key(WORDS_JOINED.sub(" and ", raw))
        return registry.names.get(and_key, set()), and_key
    if not found and (long_key := with_international(key)) != key:
        return registry.names.get(long_key, set()), long_key
    if not found and (full_key := with_full_words(key)) != key:
        return registry.names.get(full_key, set()), full_key
    if not found and (un_key := with_un_written_out(key)) != key:
        return registry.names.get(un_key, set()), un_key
    if not found and (linked_key := with_body_link(key)) != key:
        return registry.names.get(linked_key, set()), linked_key
    if not found and (folded := folded_candidates(key, registry)):
        return folded, key
    for other_key in [] if found else aor_keys(key):
        if registry.names.get(other_key):
            return registry.names[other_key], other_key
    return found, key


def folded_candidates(key: str, registry: Registry) -> set[str]:
    """The one registry actor a name of MIN_FOLDED_WORDS words or more names word for word once the articles and
    prepositions of both are left out ("Haut-Commissariat des Nations Unies aux Réfugiés" for "... pour les
    réfugiés", "Organização Mundial de Saúde" for "... da Saúde"), the name closed by a word of its own (a name
    cut before its last words, "<name> de", is none); several actors, or none, no reading."""
    if not registry.folded_names:
        for form_key, ids in registry.names.items():
            registry.folded_names.setdefault(folded_key(form_key), set()).update(ids)
    folded, words = folded_key(key), key.split()
    whole = len(folded.split()) >= MIN_FOLDED_WORDS and folded.split()[-1] == words[-1]  # never "<name> de"
    found = registry.folded_names.get(folded, set()) if whole else set()
    return set(found) if len(found) == 1 else set()


def folded_key(key: str) -> str:
    """A name key less its function words (vocabulary name_function_words)."""
    dropped = vocab_words("organisation_words", "name_function_words")
    return " ".join(word for word in key.split() if word not in dropped)


def aor_keys(key: str) -> list[str]:
    """A name key with its name of an area of responsibility written each other way ("hlp sub sector": "hlp sub
    cluster", "hlp aor", ...), where it holds one."""
    words = vocab_words("organisation_words", "aor_words")
    found = [word for word in words if re.search(rf"(?:^| ){re.escape(word)}(?: |$)", key)]
    return [
        re.sub(rf"(?:^| ){re.escape(word)}(?: |$)", f" {other} ", key).strip()
        for word in found
        for other in sorted(words - {word})
    ]


def with_body_link(key: str) -> str:
    """A name key with "de" written between a coordination word and its topic where it is left out ("cluster
    proteccion": "cluster de proteccion", as Spanish and Portuguese names of clusters write it), or left out where
    it is written ("cluster de protection": "cluster protection", as French names of clusters write it)."""
    words = key.split()
    if len(words) < 2 or words[0] not in vocab_words("organisation_words", "coordination_body"):
        return key
    if words[1] in NAME_LINKS:
        return " ".join((words[0], *words[2:])) if words[2:] else key
    return " ".join((words[0], "de", *words[1:]))


def with_international(key: str) -> str:
    """A name key with "International" written out where it is shortened ("intl rescue committee")."""
    return international_short().sub("international", key)


@cache
def international_short() -> re.Pattern[str]:
    """The shortened forms of "International" (vocab international_short), longest first, as whole words."""
    short = "|".join(sorted(map(re.escape, vocab_words("organisation_words", "international_short")), reverse=True))
    return re.compile(rf"\b(?:{short})\b")


def with_full_words(key: str) -> str:
    """A name key with its shortened words written out ("... development org": "... development organization")."""
    full = shortened_words()
    return " ".join(full.get(word, word) for word in key.split())


@cache
def shortened_words() -> dict[str, str]:
    """Each shortened word of a name and the word it stands for (vocab shortened: "org organization")."""
    return dict(pair.split(" ", 1) for pair in vocab_words("organisation_words", "shortened"))


def with_un_written_out(key: str) -> str:
    """A name key with "ONU" written out as "Nations Unies" / "Naciones Unidas" / "Nações Unidas" (vocab un_written)."""
    for short, long in un_written_out():
        key = short.sub(f" {long}", key).strip()
    return key


@cache
def un_written_out() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Each way of writing "ONU" as a whole word of a name key, with its words written out (vocab un_written)."""
    pairs = (pair.split("=") for pair in section("organisation_words").get("un_written", []))
    keys = ((name_key(short), name_key(long)) for short, long in pairs)
    return tuple((re.compile(rf"(?:^| ){re.escape(short)}(?= |$)"), long) for short, long in keys)


def may_be_acronym_in_lower_case(raw: str, registry: Registry) -> bool:
    """Whether one word in lower or title case may be an acronym so written ("wfp", "Unicef", "oim"): long
    enough, not a word that is also an acronym ("who", "care", "plan"), and no common word that an organisation
    writes in capitals as its name ("Emergency" is a word; the NGO writes itself "EMERGENCY")."""
    word = raw.strip()
    key = name_key(word)
    return (
        " " not in word
        and len(word) >= MIN_LOWER_ACRONYM
        and word.isalpha()
        and key not in word_acronyms()
        and key not in common_name_words(registry)
    )


@cache
def common_name_words(registry: Registry) -> frozenset[str]:
    """Words that the names of several other registry actors hold written as words, not in capitals ("Emergency
    Shelter Cluster", "Emergency Telecommunications Cluster", ...): common words, whichever actor's acronym they
    also are."""
    holders: dict[str, set[str]] = {}
    for actor in registry.actors.values():
        for form in (form for form in actor.forms if " " in form.strip()):
            for word in form.split():
                if not is_acronym_like(word):
                    holders.setdefault(name_key(word), set()).add(actor.actor_id)
    return frozenset(
        key.lower()
        for key, actor_ids in registry.acronyms.items()
        if len(holders.get(key.lower(), set()) - actor_ids) >= COMMON_WORD_HOLDERS
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
