"""Doubt said out loud: provisional readings whose shape blind first runs got wrong, routed to review.

A provisional actor is stored as a new organisation. On blind labelled splits most wrong links were provisional
actors with a wrong *boundary*, on shapes new to each split (bench/ACTOR_RESULTS.md, "Doubt said out loud"). Each
signal below is a shape the resolver's own reading shows; a provisional ref holding one becomes a "review" ref (no
link, its raw text and suggestions kept, listed in review_queue with the signal's name as its `doubt`):

- `piece_beside_actor`: a piece right after another actor, cut from it by a spaced dash or a colon, with no name of
  its own (no acronym; a unit, or no organisation word heading it and no capitalised name of two words with a word
  of its own), or after a comma a town closing a cell of two organisations: where that actor sits or which part of
  it, as often as another organisation;
- `joins_registry_name`: a joining word ("and", "with", "on behalf of", "et", "avec", "en appui au", ...) with a
  registry organisation, as written, on one side and a name on the other: two mentions read as one;
- `acronym_of_neighbour`: an acronym read as an organisation of its own beside a provisional name of the same cell
  whose words spell it: one organisation named twice;
- `family_name`: the name of a registry family (the United Nations, the Red Cross and Red Crescent Movement) in
  another language or script: a registry body's own name in that language, a person decides;
- `registry_then_country`: a registry organisation, as written, then the document's country: its country office;
- `tail_after_cut`: a unit or a town after a comma or a spaced dash inside a provisional name;
- `described_consortium`: a consortium described, not named (tests/data/LABELS.md rule 5);
- `unread_role`: a coordination body's name with a role's words no rule read;
- `global_body`: a global cluster or area of responsibility made provisional (the registry holds them all);
- `ampersand_names`: two names, each with words of its own, joined by "&".
- `places_in_bracket`: towns in a bracket right after a registry organisation.
- `region_of_office` (a registry link, not a provisional reading): a regional body closing a cell after "&" or
  "and" and an agency's office named by its place.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache

from normalizers.actor_cells import NAME_CONJUNCTIONS
from normalizers.actor_names import name_spans
from normalizers.actor_provisional import ROLE_SEPARATOR
from normalizers.actor_registry import Registry, is_written_acronym, name_key
from normalizers.actor_resolve import ResolutionContext, resolve_mention, spells, spells_loosely
from normalizers.actor_words import (
    CONNECTORS,
    generic_words,
    has_own_word,
    is_capitalised_name,
    is_headed_name,
    is_place,
    kind_words,
    organisation_type,
    organisation_word_set,
    role_words,
    split_name_acronym,
    vocab_words,
    word_acronyms,
)
from normalizers.country import country_codes, country_forms
from normalizers.model import ActorRef
from normalizers.vocab import section

AS_WRITTEN = ("exact", "alias")  # a registry form as written: a misspelling is no evidence
COMMA_ONLY = re.compile(r"\s*,\s*")  # a comma alone between two pieces: a list as often as a place
CUT_BEFORE = re.compile(r"(?:\s[-–—]\s*|[,:])\s*$")  # a spaced dash, a comma or a colon before (a line is a list)
MIN_NAME_WORDS = 2  # content words of a capitalised name that may be a name of its own ("Tearfund" alone may not)
MIN_SIDE_WORDS = 2  # words of each side of a joining word that make it a name
NOT_HELD = ("role", "coordination_body", "sector")  # a body's role or a sector word inside a name is the name's own
REVIEW_SCORE = 0.0
TAIL_CUT = re.compile(r"\s*,\s+|\s+[-–—]\s+")  # "<Name>, <tail>", "<Name> – <tail>"
LOCATIVE = re.compile(r"^(?:in|en|em|au|du|de)\s+", re.IGNORECASE)  # "<agency> in <country>"
MAX_BRAND_WORDS = 2  # words of a company's name on either side of "&" ("<Brand> Telecom")
MAX_TOWN_WORDS = 2  # capitalised words of a town after a name
BRACKET = re.compile(r"\((?P<inside>[^()]*)\)")
OFFICE_JOIN = re.compile(r"\s*(?:&|and|et|y|e)\s+(?:the\s+|la\s+|l['’])?", re.IGNORECASE)
LIST_ITEMS = re.compile(r"\s*[,;/]\s*")
MAX_ROLE_WORDS = 6  # words of the longest role form
Signal = Callable[[ActorRef, Sequence[ActorRef], str, Registry, ResolutionContext], bool]


def with_shape_doubt(
    refs: Sequence[ActorRef], cell: str, registry: Registry, scope: ResolutionContext
) -> list[ActorRef]:
    """The refs of a cell with each provisional reading of a doubtful shape routed to review, its reason kept."""
    reasons = shape_reasons(refs, cell, registry, scope)
    reasons = [reason or region_of_office(ref, refs, cell, registry) for ref, reason in zip(refs, reasons, strict=True)]
    return [ref if reason is None else as_review(ref, reason) for ref, reason in zip(refs, reasons, strict=True)]


def region_of_office(ref: ActorRef, refs: Sequence[ActorRef], cell: str, registry: Registry) -> str | None:
    """ "region_of_office" when a registry regional body (no country, neither an agency nor an NGO) closes a cell
    right after "&" or "and" and an agency's office named by its place ("<agency> <country> & <regional body>": the
    office serving that country and the body's members, as often as a second partner); else None."""
    actor = registry.actors.get(ref.actor_id or "")
    index = next((i for i, other in enumerate(refs) if other is ref), 0)
    if actor is None or ref.method not in AS_WRITTEN or actor.actor_type != "other" or actor.country or index == 0:
        return None
    before = refs[index - 1]
    office = registry.actors.get(before.actor_id or "")
    if office is None or office.actor_type != "un_agency" or name_key(before.raw) in map(name_key, office.forms):
        return None  # not an agency's office named by its place: the agency as the registry writes it
    start, at = cell.find(before.raw), cell.rfind(ref.raw)
    gap = cell[start + len(before.raw) : at] if 0 <= start < at else ""
    closing = not cell[at + len(ref.raw) :].strip()
    return "region_of_office" if closing and OFFICE_JOIN.fullmatch(gap) else None


def shape_reasons(
    refs: Sequence[ActorRef], cell: str, registry: Registry, scope: ResolutionContext
) -> list[str | None]:
    """For each ref of a cell, the name of the first shape signal it holds, or None (see the module's docstring)."""
    actors = [ref for ref in refs if ref.method != "not_actor"]
    return [
        next(
            (
                name
                for name, signal in SIGNALS
                if (is_provisional(ref) or name in ROLE_SIGNALS) and signal(ref, actors, cell, registry, scope)
            ),
            None,
        )
        if ref.method == "provisional"
        else None
        for ref in refs
    ]


def is_provisional(ref: ActorRef) -> bool:
    """Whether a ref is a provisional organisation (not a provisional role of a registry body)."""
    return ref.method == "provisional" and ROLE_SEPARATOR not in (ref.actor_id or "")


def as_review(ref: ActorRef, reason: str) -> ActorRef:
    """A provisional ref made a review ref: no link, its raw text and the reason kept."""
    return ActorRef(ref.raw, None, REVIEW_SCORE, "review", ref.role, ref.suggestions, doubt=reason)


def piece_beside_actor(
    ref: ActorRef, actors: Sequence[ActorRef], cell: str, registry: Registry, scope: ResolutionContext
) -> bool:
    """Whether a provisional piece follows another actor after a cut and has no name of its own: after a spaced dash
    or a colon, no name form (`has_name_form`); after a comma, closing a cell of two organisations, a town (one
    capitalised word, no organisation word, or a known place): where that actor sits."""
    index = next((i for i, other in enumerate(actors) if other is ref), 0)
    if index == 0 or not actors[index - 1].actor_id:
        return False
    before, at = actors[index - 1], cell.find(ref.raw)
    start = cell.find(before.raw)
    gap = cell[start + len(before.raw) : at] if at >= 0 and start >= 0 else ""
    if not CUT_BEFORE.search(gap):
        return False
    if is_provisional(before) and spells(before.raw.strip(), split_name_acronym(ref.raw)[0]):
        return False  # "<ACR> (<its expansion>)": the expansion is the name (acronym_of_neighbour)
    if not COMMA_ONLY.fullmatch(gap):
        return not has_name_form(ref.raw) and not is_other_body(ref.raw, before, registry)
    organisations = [other for other in actors if other.actor_id and ROLE_SEPARATOR not in other.actor_id]
    if len(organisations) != MIN_SIDE_WORDS or actors[-1] is not ref or has_acronym(ref.raw):
        return False
    return is_town(ref.raw)


def is_other_body(raw: str, before: ActorRef, registry: Registry) -> bool:
    """Whether a piece opened by a government unit word after a registry organisation of another kind names a body
    of its own by its portfolio ("<agency> – Department of <sector>"), not where the organisation sits ("<mission> –
    Bureau de <town>")."""
    actor = registry.actors.get(before.actor_id or "") if before.method in AS_WRITTEN else None
    if actor is None or actor.actor_type == "government" or organisation_type(raw) != "government":
        return False
    rest = " ".join(word for word in split_name_acronym(raw)[0].split()[1:] if name_key(word) not in CONNECTORS)
    return bool(rest) and not is_town(rest)


def has_acronym(raw: str) -> bool:
    """Whether a piece holds an acronym, bracketed or as a word."""
    name, acronym = split_name_acronym(raw)
    return bool(acronym) or any(is_written_acronym(word) for word in name.split())


def is_town(raw: str) -> bool:
    """Whether a piece is a known place, or one capitalised word with no organisation, kind or sector word."""
    kinds = generic_words() | kind_words() | organisation_word_set()
    one_word = len(raw.split()) == 1 and is_capitalised_name(raw) and name_key(raw) not in kinds
    return (one_word and not has_inner_capitals(raw)) or is_place(raw)


def has_inner_capitals(word: str) -> bool:
    """Whether a word holds capitals after the first letter of its parts: an acronym written in mixed case
    ("SoDMA", "WeWorld"), never a town's name ("Mangochi", "Port-au-Prince", "Nord-Kivu")."""
    return any(letter.isupper() for part in re.split(r"[-'’]", word) for letter in part[1:])


def has_name_form(raw: str) -> bool:
    """Whether a piece has a name of its own: an acronym; not a unit ("Faculty of ...", "Bureau de <town>", "<town>
    project"); a name headed by an organisation word, or a capitalised name of two words or more with a word of its
    own."""
    name = split_name_acronym(raw)[0]
    if has_acronym(raw):
        return True
    if is_part_name(name):
        return False
    content = [word for word in name_key(name).split() if word not in CONNECTORS]
    return is_headed_name(name) or (len(content) >= MIN_NAME_WORDS and is_capitalised_name(name) and has_own_word(name))


def is_part_name(name: str) -> bool:
    """Whether a name is opened or closed by a unit word or a part body ("Faculty of ...", "<town> office")."""
    words = [word for word in name_key(name).split() if word not in CONNECTORS]
    return bool(words) and (words[0] in unit_words() or words[-1] in unit_words())


@cache
def unit_words() -> frozenset[str]:
    """A part of an organisation: its units, part bodies, academic units, and parts after a dash (vocabulary)."""
    lists = ("units", "part_bodies", "academic_units", "dash_units")
    return frozenset().union(*(vocab_words("organisation_words", key) for key in lists))


def joins_registry_name(
    ref: ActorRef, actors: Sequence[ActorRef], cell: str, registry: Registry, scope: ResolutionContext
) -> bool:
    """Whether a provisional name holds a joining word with a registry organisation, as written, on one side."""
    name, acronym = split_name_acronym(ref.raw)
    if acronym and (spells(acronym, name) or spells_loosely(acronym, name)):
        return False  # "<Name> and <Name> (<its acronym>)": one name, spelled by its own acronym
    for link in joining_links().finditer(name):
        before, after = name[: link.start()].strip(), name[link.end() :].strip()
        if registry_name_at_edge(before, registry, scope, at_start=False) and is_name_side(after, registry, scope):
            return True
        if registry_name_at_edge(after, registry, scope, at_start=True) and is_name_side(before, registry, scope):
            return True
    return False


def is_name_side(side: str, registry: Registry, scope: ResolutionContext) -> bool:
    """Whether the other side of a joining word reads as a name of its own, not the rest of a list of portfolios
    ("<Ministry of A> and Social Affairs"): a registry organisation, an acronym, a headed name, or a capitalised
    name with a word of its own."""
    if is_registry_organisation(side, registry, scope) or has_acronym(side) or is_headed_name(side):
        return True
    return is_capitalised_name(side) and has_own_word(side)


def registry_name_at_edge(side: str, registry: Registry, scope: ResolutionContext, at_start: bool) -> bool:
    """Whether one side of a joining word is, or opens (after it) or closes (before it), a registry organisation
    as written."""
    if is_registry_organisation(side, registry, scope):
        return True  # "Goal and <Name>", "<Name> and Concern"
    spans = name_spans(side, registry)
    if not spans:
        return False
    start, end = spans[0] if at_start else spans[-1]
    if (at_start and side[:start].strip()) or (not at_start and not is_country(side[end:])):
        return False  # "<agency> <country> avec <Name>": the agency's country office
    return is_registry_organisation(side[start:end], registry, scope)


def is_registry_organisation(text: str, registry: Registry, scope: ResolutionContext) -> bool:
    """Whether a text is a registry organisation (no role, body or sector) as written, or a word written as one of
    its acronyms in lower or title case ("Goal")."""
    ref = resolve_mention(text, registry, context=scope)
    if ref.actor_id is None and name_key(text) in word_acronyms():
        ref = resolve_mention(text.upper(), registry, context=scope)
    actor = registry.actors.get(ref.actor_id or "")
    return actor is not None and ref.method in AS_WRITTEN and actor.actor_type not in NOT_HELD


def is_country(rest: str) -> bool:
    """Whether words after a name are nothing, or a country's name, code or adjective ("in <country>" too)."""
    rest = LOCATIVE.sub("", rest.strip())
    return not rest or name_key(rest) in country_forms()[0] or rest in country_codes()


@cache
def joining_links() -> re.Pattern[str]:
    """Joining words between two mentions written as one (vocab `joining_words`), spaced, before a capital or an
    article."""
    words = sorted(section("organisation_words").get("joining_words", []), key=len, reverse=True)
    alternatives = "|".join(re.escape(word) for word in words)
    return re.compile(rf"\s+(?:&|{alternatives})\s+(?:(?:the|la|le|les|el|los|las|a|o|os|as)\s+|l['’])?(?=\w)", re.I)


def acronym_of_neighbour(
    ref: ActorRef, actors: Sequence[ActorRef], cell: str, registry: Registry, scope: ResolutionContext
) -> bool:
    """Whether a provisional acronym stands beside a provisional name of the same cell that spells it."""
    acronym = ref.raw.strip()
    if not is_written_acronym(acronym) and not all(map(is_written_acronym, acronym.split())):
        return False
    letters = re.split(r"[\s/]", acronym)[0]
    others = [split_name_acronym(other.raw)[0] for other in actors if other is not ref and is_provisional(other)]
    return any(spells(letters, other) or spells_loosely(letters, other) for other in others)


def family_name(
    ref: ActorRef, actors: Sequence[ActorRef], cell: str, registry: Registry, scope: ResolutionContext
) -> bool:
    """Whether a provisional name holds a registry family's name in another language or script (vocab
    `family_names`)."""
    key = f" {name_key(ref.raw)} "
    if key.split()[0] in vocab_words("organisation_words", "programme_heads"):
        return False  # "Programa Conjunto <agency>-<agency> ...": a joint programme, a body of its own
    return any(f" {name_key(form)} " in key for form in vocab_words("organisation_words", "family_names"))


def registry_then_country(
    ref: ActorRef, actors: Sequence[ActorRef], cell: str, registry: Registry, scope: ResolutionContext
) -> bool:
    """Whether a provisional name is a registry organisation, as written, then a country's name, code or adjective
    (after "in / en / em" or not)."""
    name = split_name_acronym(ref.raw)[0]
    spans = name_spans(name, registry)
    if not spans or spans[0][0] != 0:
        return False
    rest = name[spans[0][1] :]
    if not rest.strip() or not is_country(rest) or country_of(rest) != scope.country:
        return False  # "<agency> <donor country>": a national committee or affiliate, a body of its own
    return is_registry_organisation(name[: spans[0][1]], registry, scope)


def country_of(rest: str) -> str | None:
    """The country (ISO 3166 alpha-3) words after a name name, by its name, adjective or code, or None."""
    rest = LOCATIVE.sub("", rest.strip())
    codes = country_codes().get(rest, frozenset())
    return country_forms()[0].get(name_key(rest)) or (next(iter(codes)) if len(codes) == 1 else None)


def tail_after_cut(
    ref: ActorRef, actors: Sequence[ActorRef], cell: str, registry: Registry, scope: ResolutionContext
) -> bool:
    """Whether a provisional name holds a comma or a spaced dash before a tail that is no name of its own: a unit
    ("<Name> – <town> Rescue Department"), or one or two capitalised words ("<Name>, <town>"), no list of portfolios
    (no joining word in the tail)."""
    parts = TAIL_CUT.split(split_name_acronym(ref.raw)[0])
    if len(parts) < MIN_SIDE_WORDS:
        return False
    tail = parts[-1].strip()
    words = [word for word in name_key(tail).split() if word not in CONNECTORS]
    dashed = not COMMA_ONLY.fullmatch(TAIL_CUT.findall(split_name_acronym(ref.raw)[0])[-1])
    if words and (is_part_name(tail) if dashed else words[0] in unit_words()):
        return True  # "<Name> – <town> Rescue Department", "<Name>, délégation de <town>"
    if not words or set(name_key(tail).split()) & NAME_CONJUNCTIONS:
        return False  # "<Ministry of A>, <B> and <C>": its list of portfolios
    own = [word for word in words if word not in generic_words() | kind_words() | organisation_word_set()]
    return len(words) <= MAX_TOWN_WORDS and own == words and is_capitalised_name(tail)


def described_consortium(
    ref: ActorRef, actors: Sequence[ActorRef], cell: str, registry: Registry, scope: ResolutionContext
) -> bool:
    """Whether a provisional name is a consortium described, not named: a consortium word with words in lower case
    ("<Word> consortium", "Consorcio de respuesta en <place>", "Consortium led by <Org>"; tests/data/LABELS.md rule
    5 names its members only)."""
    name = split_name_acronym(ref.raw)[0]
    words = name_key(name).split()
    return bool(set(words) & vocab_words("organisation_words", "list_heads")) and not is_capitalised_name(name)


def unread_role(
    ref: ActorRef, actors: Sequence[ActorRef], cell: str, registry: Registry, scope: ResolutionContext
) -> bool:
    """Whether a provisional name is a coordination body, or holds a role's words, in a cell that holds a role's
    words of a coordination body ("<Cluster title> co-lead: <agency>", "Coordinadora del Clúster ..."): that
    body's role no rule read, never a new organisation."""
    bodies = vocab_words("organisation_words", "own_body") | vocab_words("organisation_words", "aor_words")
    if not bodies & phrases(ref.raw):
        return False
    roles = role_words() - organisation_word_set()  # "coordination" names a body as often as its role
    at = cell.find(ref.raw)
    after = name_key(cell[at + len(ref.raw) :].split("(")[0]) if at >= 0 else ""
    opening = {phrase for phrase in phrases(after) if after.startswith(phrase)}
    return bool((phrases(ref.raw) | opening) & roles)


def phrases(text: str) -> set[str]:
    """Every run of one to MAX_ROLE_WORDS words of a text, as name keys."""
    words = name_key(text).split()
    return {" ".join(words[i : i + size]) for size in range(1, MAX_ROLE_WORDS + 1) for i in range(len(words))}


def global_body(
    ref: ActorRef, actors: Sequence[ActorRef], cell: str, registry: Registry, scope: ResolutionContext
) -> bool:
    """Whether a provisional name, or a provisional role's, holds a global word and a coordination body's word
    ("<Coordinator title> du Cluster Mondial <topic>", "Global <topic> AoR"): the global clusters and areas of
    responsibility are the IASC's, all in the registry; a new one is a misreading."""
    keys = phrases(ref.raw)
    bodies = vocab_words("organisation_words", "own_body") | vocab_words("organisation_words", "aor_words")
    return bool(keys & vocab_words("organisation_words", "global_words")) and bool(keys & bodies)


def ampersand_names(
    ref: ActorRef, actors: Sequence[ActorRef], cell: str, registry: Registry, scope: ResolutionContext
) -> bool:
    """Whether a provisional name is two capitalised names joined by "&", each with a word of its own that is no
    sector or kind word ("<Brand> & <Name> Bank", "<Town> Council & <Name> Hospital"): two organisations as often
    as one, a person decides."""
    name, acronym = split_name_acronym(ref.raw)
    sides = [side.strip() for side in name.split("&")]
    if len(sides) != MIN_SIDE_WORDS or (acronym and spells(acronym, name)):
        return False
    short = (  # no "Live & Learn ...": each side short, or headed or closed by an organisation word
        len(side.split()) <= MAX_BRAND_WORDS or is_headed_name(side) or is_closed_name(side) for side in sides
    )
    return all(short) and all(side and is_capitalised_name(side) and has_own_word(side) for side in sides)


def is_closed_name(name: str) -> bool:
    """Whether a name's last word is an organisation word ("<Town> District Council"), or an area's level opens its
    body's words ("<Town> District Administration")."""
    words = name_key(name).split()
    levels = vocab_words("organisation_words", "area_levels")
    return bool(words) and (words[-1] in organisation_word_set() or any(word in levels for word in words[1:-1]))


def places_in_bracket(
    ref: ActorRef, actors: Sequence[ActorRef], cell: str, registry: Registry, scope: ResolutionContext
) -> bool:
    """Whether a provisional piece lies in a bracket right after a registry organisation, every item of that bracket
    a town ("<agency> / <agency> (<town>, <two-word town>)"): where they work, never an organisation."""
    found = bracket_of(ref.raw, cell)
    if found is None:
        return False
    before, items = found
    after_registry = any(
        other.method in AS_WRITTEN and before.endswith(other.raw.strip()) for other in actors if other is not ref
    )
    return after_registry and all(is_town_name(item) for item in items)


def bracket_of(raw: str, cell: str) -> tuple[str, list[str]] | None:
    """The words before the first bracket of a cell that lists a piece as one of its items (cut at commas, semicolons
    or slashes), and that bracket's items; None when no bracket lists it."""
    for match in BRACKET.finditer(cell):
        items = [item.strip() for item in LIST_ITEMS.split(match.group("inside"))]
        if raw.strip() in items:
            return cell[: match.start()].rstrip(), items
    return None


def is_town_name(text: str) -> bool:
    """Whether words are a town: a known place, or one or two capitalised words of no organisation, kind or sector
    word, no acronym."""
    words = [word for word in name_key(text).split() if word not in CONNECTORS]
    own = [word for word in words if word not in generic_words() | kind_words() | organisation_word_set()]
    short = 0 < len(words) <= MAX_TOWN_WORDS and own == words and is_capitalised_name(text)
    return not has_acronym(text) and (short or is_place(text))


SIGNALS: tuple[tuple[str, Signal], ...] = (
    ("piece_beside_actor", piece_beside_actor),
    ("joins_registry_name", joins_registry_name),
    ("acronym_of_neighbour", acronym_of_neighbour),
    ("family_name", family_name),
    ("registry_then_country", registry_then_country),
    ("tail_after_cut", tail_after_cut),
    ("described_consortium", described_consortium),
    ("unread_role", unread_role),
    ("global_body", global_body),
    ("ampersand_names", ampersand_names),
    ("places_in_bracket", places_in_bracket),
)
ROLE_SIGNALS = ("global_body",)  # the signals read on a provisional role of a provisional body too
