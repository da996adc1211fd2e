"""Doubtful provisional readings routed to review: precision over recall.

A unit of sector words written after an organisation and a comma or a dash ("<Org> – Health Committee") is part of
that organisation, no reading of its own (`with_units_in_owner`). A provisional actor is a new organisation made
from a mention's text. Some texts the resolver could not read whole look like a new name and are not one; on
blind labelled sets these were most of the wrong links (bench/ACTOR_RESULTS.md, "Sixth session"). Such a reading
becomes a "review" ref (no link, listed in review_queue with the registry actor it holds as a suggestion), never a
guess:

- a name holding a registry organisation: opening with one ("<agency> <office or service>", "<society> <centre>,
  <town>": a unit of that organisation, or another body, a person decides), or holding a registry acronym as a
  word of its own ("<Name> <ACR>", "<Office> & <ACR>"), or a coordination body of the registry (a role of it
  written in a way no rule reads); not when the words after the registry name make a new body of their kind
  ("<name> Association of <country>", "<name> Forum"), nor in a joint programme's name joined by hyphens
  ("<agency>-<agency> Joint Programme"), nor when the name closes with its own acronym, another than the
  registry actor's;
- a name whose capitalised words' initials spell a registry acronym of the document's scope, four letters or
  more, without an acronym of its own: that organisation named in another language, a person decides;
- two names joined by a link: after "&"/"and"/"et"/"with"/..., a name opening with the word of a body that heads a
  name ("<complete name> & <Caritas> <town>");
- a name with words after its bracketed acronym ("<Name> (<ACR>) en <country>", "<Name> (<ACR>) <unit>"): where
  the name ends is for a person to say;
- a name closing with a few words after a comma or a dash ("<Name>, <town>"): where it sits, or part of its
  name, a person decides; closed by a unit word ("<Name> - <town> branch"), it is that organisation's branch, as
  tests/data/LABELS.md reads a unit: the organisation before the comma or dash; a complete name holding no
  registry name, closed by a town (capitalised words, no organisation, sector or registry word, no acronym), or
  any unknown name closed by an area or a known place, is that organisation too, the place cut; so is a
  government or area body closed by a unit it names ("<Ministry> – Department of ...", "<Ministry> – <region>
  regional department") or a town ("<Zonal Office>, <town>"); a government body's list of portfolios after
  commas stays its name;
- a registry actor read in a cell whose words left out of every mention hold a role ("Punto focal de <topic> del
  <agency>", "<Coordinator title> adjoint") and no mention is a role: the role was not read;
- a role's word alone read as the registry's generic role ("Coordinator", "IMO") beside a coordination body: the
  body's role no rule read, both for review;
- the last piece of a cell cut at a spaced dash, or the second of two cut at a comma after a complete unknown
  name, which is no complete name (no organisation word heading or closing it, no acronym: a town, an area, the
  end of the first name's list of portfolios): where the first sits, or the rest of its name, never an
  organisation of its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from normalizers.actor_cells import NAME_CONJUNCTIONS, is_area, is_area_body, is_named_unit
from normalizers.actor_matcher import ARTICLES
from normalizers.actor_names import name_spans
from normalizers.actor_notes import without_notes
from normalizers.actor_provisional import ROLE_SEPARATOR, provisional_actor
from normalizers.actor_registry import (
    Actor,
    Registry,
    acronym_key,
    in_scope,
    is_acronym_like,
    is_written_acronym,
    name_key,
)
from normalizers.actor_resolve import (
    MAX_TOWN_WORDS,
    MAX_WHERE,
    ContextLike,
    ResolutionContext,
    as_context,
    is_acronym_in_place,
    is_movement,
    is_unit,
    is_unknown_town,
    national_society_ids,
    resolve_mention,
    spells,
    spells_loosely,
)
from normalizers.actor_shapes import with_shape_doubt
from normalizers.actor_words import (
    CONNECTORS,
    ELIDED,
    NAME_LINKS,
    generic_words,
    has_own_word,
    head_pattern,
    inner_name_words,
    is_capitalised_name,
    is_complete_name,
    is_fragment,
    is_headed_name,
    is_not_actor,
    is_place,
    is_role_word,
    is_sector_label,
    kind_words,
    organisation_type,
    organisation_word_set,
    phrase_pattern,
    role_words,
    split_name_acronym,
    split_role,
    vocab_words,
)
from normalizers.country import country_codes, country_forms
from normalizers.model import ActorRef
from normalizers.vocab import section

AS_WRITTEN = ("exact", "alias")  # a registry form found as written: a misspelling is no evidence
AS_FOUND = ("exact", "alias", "fuzzy")  # a registry actor read in a cell
LEAD_ROLES = ("lead", "co-lead")  # "UNICEF lead" is UNICEF: a lead's word beside an agency loses nothing
BRACKETED = re.compile(r"\([^()]*\)")  # a note in brackets
NOT_HELD_TYPES = ("role",)  # a role's word inside a name ("... Working Group co-chairs") is the name's own word
# "&", "and", "with" and their French, Spanish, Portuguese words, an article after them, before a capitalised word
LINK_ARTICLES = r"(?:(?:the|la|le|les|el|los|las|a|o|os|as)\s+|l['’])?"  # "et la Direction ...", "e o Instituto"
JOINING_LINK = re.compile(rf"\s+(?:&|and|et|y|e|with|avec|con|com)\s+{LINK_ARTICLES}(?=[^\W\d_])")
MIN_SPELLED = 4  # initials spelling a registry acronym: shorter ones are often another body's by chance
MIN_HELD_ACRONYM = 3  # shorter capitals ("RI", "UN") are too often a name's own initials
HYPHEN_JOINED = re.compile(r"\w[-–]$|^[-–]\w")  # "<agency>-<agency> Joint Programme": a programme of both
HOLDER_THEN_CUT = re.compile(r"\)\s*(?:,|\s[-–—])\s*$")  # "(<agency>), " or "(<agency>) – " before a piece
COMMA_CUT = re.compile(r"\s*,\s*$")  # a comma before a piece of a cell
DASH_CUT = re.compile(r"\s[-–—]\s*$")  # a spaced dash before a piece of a cell: what follows says where or which
MIN_FIRST_WORDS = 3  # content words of a complete unknown name before a comma ("Office of Disaster Management")
REVIEW_SCORE = 0.0
AS_WRITTEN_SCORE = 100.0  # a registry name as written, before where it sits
TRAILING_WHERE = re.compile(r"\s*,\s*|\s+[-–—]\s+")  # "<Name>, <town>", "<Name> - <town> branch"
MAX_WHERE_WORDS = 3  # words saying where a body sits or which branch it is
MIN_LIST = 2  # parts of a name cut at a comma or a dash: a name and the words closing it
INNER_BRACKET = re.compile(r"\)\s*\w")  # "<Name> (<ACR>) in <country>": which words make the name, a person decides
MIN_CLOSED_WORDS = 3  # words of a name closed by its organisation word that make it whole without a word of its own
MAX_BRAND_WORDS = 2  # words of a company's name on either side of "&" ("<Brand> Telecom")
MAX_ROLE_WORDS = 6  # words of the longest role form ("chargee de la gestion des informations")


def without_doubt(
    refs: Sequence[ActorRef], cell: str, registry: Registry, context: ContextLike = None
) -> list[ActorRef]:
    """The refs of a cell with each doubtful provisional reading routed to review (no link)."""
    scope = as_context(context)
    refs = without_notes(refs, cell, registry)
    refs = with_units_in_owner([as_branch_owner(ref, registry, scope.country) for ref in refs], cell, registry)
    refs = [
        as_review(ref, held_actors(ref.raw, registry, scope) + named_actors(ref.raw, registry, scope.country))
        if ref.method == "provisional" and is_doubtful(ref, refs, cell, registry, scope)
        else ref
        for ref in refs
    ]
    if has_lost_role(cell, refs, registry):
        refs = [as_review(ref, [ref.actor_id]) if ref.actor_id and ref.method in AS_FOUND else ref for ref in refs]
        return with_shape_doubt(refs, cell, registry, scope)
    return with_shape_doubt(bare_role_beside_body(refs, registry), cell, registry, scope)


def with_units_in_owner(refs: list[ActorRef], cell: str, registry: Registry) -> list[ActorRef]:
    """The refs with each unit written after an organisation and a comma or a spaced dash ("<Org> – Health
    Committee", "<Council>, Community Development Department", "<Ministère> – Direction de la Santé ...") read as
    part of that organisation, no organisation of its own."""
    done: list[ActorRef] = []
    for ref in refs:
        before = done[-1] if done else None
        if before and ref.method == "provisional" and is_unit_after(ref.raw, cell, before, registry):
            continue  # as a branch after its organisation (as_branch_owner): the organisation's mention
        done.append(ref)
    return done


def owner_kind(ref: ActorRef, registry: Registry) -> str | None:
    """What kind of organisation a unit after a ref may belong to: "government" (a ministry, a council: its
    directorates and departments too), "other" (any other organisation: its committees, centres, units), or None
    (a role, a coordination body, no actor)."""
    actor = registry.actors.get(ref.actor_id or "")
    if ref.method == "provisional" and ROLE_SEPARATOR not in (ref.actor_id or ""):
        return "government" if organisation_type(ref.raw) == "government" else "other"
    if actor is None or ref.method not in AS_FOUND or actor.actor_type in ("role", "coordination_body"):
        return None
    return "government" if actor.actor_type == "government" else "other"


def is_unit_after(raw: str, cell: str, before: ActorRef, registry: Registry) -> bool:
    """Whether a piece of a cell written after a comma or a spaced dash is a unit of the organisation before it:
    closed by a unit word or a body that is part of one (a committee, a centre, a clinic), or opened by one after a
    government body (its "Direction de ..."), no scope word, no word of its own beside
    sector and kind words, no acronym ("Health Committee", "Community Development Department", "Direction de la
    Santé de la Mère et de l'Enfant")."""
    cut, owner = cell.find(raw), owner_kind(before, registry)
    if owner is None or cut <= 0 or not (COMMA_CUT.search(cell[:cut]) or DASH_CUT.search(cell[:cut])):
        return False
    words = [word for word in name_key(raw).split() if word not in CONNECTORS]
    if (
        is_academic_unit(words, before.raw)
        or is_faith_unit(words, before.raw)
        or is_society_branch(raw, before, registry)
    ):
        return True  # "<University> – <Name> College of Medicine", "<Université> – Faculté de ...": the university's
    kinds = vocab_words("organisation_words", "units") | vocab_words("organisation_words", "part_bodies")
    # "<Church> – Commission de ...": after an unknown organisation and a dash, a part of it; after a registry agency,
    # "– Department of <sector>" is a ministry's
    dashed = bool(DASH_CUT.search(cell[:cut])) and before.method == "provisional"
    opening = kinds | vocab_words("organisation_words", "dash_units") if dashed else kinds
    opened = words[0] in opening and (owner == "government" or dashed)
    opened = opened and words[0] != name_key(before.raw).split()[0]  # "<Body> of X, <Body> of Y": two of a kind
    if len(words) < MIN_LIST or not (opened or words[-1] in kinds) or any(map(is_acronym_like, raw.split())):
        return False
    scope = vocab_words("organisation_words", "scope")  # "Direction Nationale de ...": a national body of its own
    own = [word for word in words if word not in generic_words() | kinds | inner_name_words()]
    return not scope & set(words) and not (own and is_capitalised_name(raw))


def is_academic_unit(words: list[str], owner: str) -> bool:
    """Whether a piece's words (name keys) hold a part of a university ("college", "faculté", "instituto") while the
    name before it is a university's, by its head word ("University of <place>", "Université <Name>")."""
    heads = vocab_words("organisation_words", "academic_heads")
    units = vocab_words("organisation_words", "academic_units")
    return bool(heads & set(name_key(owner).split())) and not heads & set(words) and bool(units & set(words))


def is_society_branch(raw: str, before: ActorRef, registry: Registry) -> bool:
    """Whether a piece after a body of the Red Cross and Red Crescent Movement is one of its branches by a branch
    word and its place only ("<National Society> – Council <town>", "Comité <town>"; vocab `society_branches`)."""
    actor = registry.actors.get(before.actor_id or "")
    words = raw.split()
    if actor is None or before.method not in AS_FOUND or not is_movement(actor) or len(words) < MIN_LIST:
        return False
    place = " ".join(words[1:])
    plain = organisation_type(place) is None and not any(map(is_acronym_like, words[1:]))
    branch = name_key(words[0]) in vocab_words("organisation_words", "society_branches")
    return branch and plain and len(words[1:]) <= MAX_WHERE and is_capitalised_name(place)


def is_faith_unit(words: list[str], owner: str) -> bool:
    """Whether a piece opened by the word of a faith body ("Diocese of <place>", "Paroisse <Name>"), or closing a
    word saying which one ("Western Diocese", "<Town> Parish"), follows the name of one ("<Church> of <country>,
    Diocese of <place>"): a part of that church."""
    faith = vocab_words("organisation_words", "faith_bodies")
    closed = len(words) == MIN_LIST and words[-1] in faith
    return bool(words) and (words[0] in faith or closed) and bool(faith & set(name_key(owner).split()))


def bare_role_beside_body(refs: list[ActorRef], registry: Registry) -> list[ActorRef]:
    """The refs with a bare role of no body, a role's word alone ("Coordinator", "IMO"), read beside a coordination
    body routed to review, and the body too: the cell names the body's role ("IMO – <Cluster> <town>"), which no
    rule read."""
    kinds = [registry.actors.get(ref.actor_id or "") for ref in refs]
    bare = any(actor and actor.actor_type == "role" and is_role_word(actor.name) for actor in kinds)
    if not bare or not any(actor and is_body(actor) for actor in kinds):
        return refs
    return [
        as_review(ref, [actor.actor_id]) if actor and (is_role_word(actor.name) or is_body(actor)) else ref
        for ref, actor in zip(refs, kinds, strict=True)
    ]


def is_body_role(actor_id: str | None, registry: Registry) -> bool:
    """Whether an id is a role of a body: a "<body>--<role>" id, or a registry role row under its body."""
    actor = registry.actors.get(actor_id or "")
    return bool(actor_id) and (
        ROLE_SEPARATOR in (actor_id or "") or bool(actor and actor.actor_type == "role" and actor.parent_id)
    )


def is_body(actor: Actor) -> bool:
    """Whether an actor is a coordination body (a cluster, a sector, a working group)."""
    return actor.actor_type == "coordination_body"


def has_lost_role(cell: str, refs: Sequence[ActorRef], registry: Registry) -> bool:
    """Whether a cell's words that no mention was read from hold a role ("Punto focal de <topic> del <agency>"), or a
    deputy's word beside a registry role ("<Coordinator title> adjoint"), while no mention is a role of a body: the
    role was not read, and the agency or body read beside it may be its holder or the role itself. A lead is its
    agency ("UNICEF lead"); a role in brackets is a note ("<agency> (secretariat)")."""
    if any(is_body_role(ref.actor_id, registry) for ref in refs):
        return False
    left = BRACKETED.sub(" ", cell)
    for raw in sorted((ref.raw for ref in refs), key=len, reverse=True):
        start = left.lower().find(raw.lower())
        if start < 0:
            return False  # a mention read from words rewritten: what was left out is not known
        left = left[:start] + " | " + left[start + len(raw) :]
    found = phrases(left)
    types = {registry.actors[ref.actor_id].actor_type for ref in refs if ref.actor_id in registry.actors}
    read_role = "role" in types
    deputy = read_role and bool(found & vocab_words("organisation_words", "deputy_words"))
    return deputy or bool(found & other_roles())


@cache
def other_roles() -> frozenset[str]:
    """The written forms of every role but a lead's, as name keys."""
    roles = section("actor_roles")
    return frozenset(name_key(form) for role, written in roles.items() if role not in LEAD_ROLES for form in written)


def as_review(ref: ActorRef, suggested: list[str]) -> ActorRef:
    """A provisional ref made a review ref, the registry actors its name holds suggested first."""
    suggestions = tuple((actor_id, ref.score) for actor_id in suggested) + ref.suggestions
    return ActorRef(ref.raw, None, REVIEW_SCORE, "review", ref.role, suggestions)


def is_doubtful(
    ref: ActorRef, refs: Sequence[ActorRef], cell: str, registry: Registry, scope: ResolutionContext
) -> bool:
    """Whether a provisional reading is doubtful (see the module's docstring)."""
    if INNER_BRACKET.search(ref.raw) or trailing_where(ref.raw) or is_joined_names(ref.raw):
        return True
    if named_actors(ref.raw, registry, scope.country) or held_actors(ref.raw, registry, scope):
        return True
    return (
        is_closing_piece(ref, refs, cell)
        or is_unread_role(ref)
        or is_where_of_actor(ref, refs, cell, registry)
        or is_where_of_role(ref, refs, cell, registry)
        or is_note_of_collective(ref.raw, cell)
    )


def is_unread_role(ref: ActorRef) -> bool:
    """Whether a provisional name (no provisional role) reads as a role of a coordination body no rule resolved
    ("<IMO title> del AdR de <topic>", "<Cluster> sub-national focal point", "<ACR> Sector IMO"): that body's role,
    never a new organisation; a person decides."""
    if ROLE_SEPARATOR in (ref.actor_id or ""):
        return False
    found = split_role(ref.raw)
    if found is None:
        return False
    body = name_key(found[0])
    coordination = vocab_words("organisation_words", "coordination_body")
    aor = phrase_pattern("organisation_words", "aor_words")
    return any(word in coordination for word in body.split()) or bool(aor.search(body))


def is_note_of_collective(raw: str, cell: str) -> bool:
    """Whether a provisional name was written in brackets after words naming no one ("<traditional authorities>
    (<local title>)", "<community structures> (<ACR>, <ACR>)", "<committees> (<ACR> I–III)", "<partners> TBC
    (<areas>)"), or is an acronym of no expansion joined to such words by a link ("<community relays> and <ACR>"):
    the collective's local names or its members' kinds as often as organisations; a person decides."""
    name = raw.strip()
    at = cell.find(name)
    if at < 0:
        return False
    opened = cell.rfind("(", 0, at)
    if opened >= 0 and ")" not in cell[opened:at]:
        head = re.split(r"[,;/\n]", cell[:opened])[-1]
        return bool(head.strip()) and is_not_actor(head)
    joined = re.search(r"([^,;/\n()]+?)\s+(?:&|and|et|y|e)\s*$", cell[:at])
    return is_acronym_like(name) and " " not in name and joined is not None and is_not_actor(joined.group(1))


def is_where_of_role(ref: ActorRef, refs: Sequence[ActorRef], cell: str, registry: Registry) -> bool:
    """Whether a provisional piece follows a role of a body and its holder in brackets, after a comma or a dash
    ("<Cluster> co-lead (<agency>), <town>", "<Cluster> Coordinator (<agency>) – <region>"), or follows the role
    itself after one and is no complete name ("<Cluster> IMO, <region> and <region>", "<Cluster> co-lead – <region>
    sub-national"): where the role sits as often as another body; a person decides."""
    cut = cell.find(ref.raw)
    if cut >= 0 and HOLDER_THEN_CUT.search(cell[:cut]):
        return any(is_body_role(other.actor_id, registry) for other in refs if other is not ref)
    index = next((i for i, other in enumerate(refs) if other is ref), 0)
    after_role = index > 0 and is_body_role(refs[index - 1].actor_id, registry)
    cut_off = cut > 0 and bool(COMMA_CUT.search(cell[:cut]) or DASH_CUT.search(cell[:cut]))
    name = split_name_acronym(ref.raw)[0]
    scope = vocab_words("organisation_words", "scope")  # "<region> sub-national": how far the role reaches
    rest = " ".join(word for word in name_key(name).split() if word not in scope)
    return after_role and cut_off and organisation_type(rest) is None and not is_headed_name(name)


def is_joined_names(raw: str) -> bool:
    """Whether a provisional name is two names joined by a link ("<complete name> & <Caritas> <town>", "<Commune de
    X> et <Fondation> Y"): after the link, a name opening with the word of a body that heads a name."""
    name = split_name_acronym(raw)[0]
    if is_brand_pair(name):
        return True
    for link in JOINING_LINK.finditer(name):
        before, after = name[: link.start()], name[link.end() :]
        complete = is_headed_name(before) or is_complete_name(before)
        if complete and is_headed_name(after) and head_pattern().match(name_key(after)):
            return True
        if is_closed_name(before) and is_closed_name(after) and not spells(split_name_acronym(raw)[1] or "", name):
            return True  # "<Place> City Council and <Name> Network": each a whole name closed by its word
    return False


def is_closed_name(name: str) -> bool:
    """Whether a name is closed by an organisation word after words of its own, or a headed name of three words or
    more ("<Place> City Council", "<Name> Led Organisations Network"; not "Health Network", "Ministry of Health")."""
    words = [word for word in name_key(name).split() if word not in CONNECTORS]
    closed = bool(words) and words[-1] in organisation_word_set() and is_capitalised_name(name)
    return closed and (len(words) >= MIN_CLOSED_WORDS or is_headed_name(name))


def is_brand_pair(name: str) -> bool:
    """Whether a name is two capitalised names of one or two words joined by "&", no lower-case word in either,
    each with a word of its own that is no sector or kind word ("<Telecom brand> & <Bank>", "<Brand> & <Brand>"):
    two companies as often as one, a person decides."""
    sides = [side.strip() for side in name.split("&")]
    if len(sides) != MIN_LIST or not all(0 < len(side.split()) <= MAX_BRAND_WORDS for side in sides):
        return False
    return all(has_own_word(side) and not is_fragment(side) and not is_sector_label(side) for side in sides)


def named_actors(raw: str, registry: Registry, country: str | None) -> list[str]:
    """The registry actors a provisional name may name in another way: spelled by its initials (`spelled_actors`),
    or the national society of the country it names under the other emblem ("<Nationality> Red Cross" where the
    registry holds that country's Red Crescent): a person decides."""
    return spelled_actors(raw, registry, country) + list(national_society_ids(raw, registry, country)[1])


def spelled_actors(raw: str, registry: Registry, country: str | None) -> list[str]:
    """The registry actors of the document's scope whose acronym the initials of a name's capitalised words spell,
    four letters or more, when the name has no acronym of its own: the actor named in another language
    ("Associação de Voluntários para o Serviço Internacional": AVSI)."""
    name, acronym = split_name_acronym(raw)
    initials = "".join(word[0] for word in re.split(r"[\s-]+", name) if word[:1].isupper()).upper()
    if acronym or len(initials) < MIN_SPELLED:
        return []
    return sorted(in_scope(set(registry.acronyms.get(acronym_key(initials), set())), registry, country))


def held_actors(raw: str, registry: Registry, context: ContextLike) -> list[str]:
    """The registry actors a provisional name holds in a doubtful way (see the module's docstring)."""
    name, acronym = split_name_acronym(raw)
    held = []
    for start, end in name_spans(name, registry):
        text = name[start:end]
        if (start, end) == (0, len(name)) or HYPHEN_JOINED.search(name[max(start - 1, 0) : start + 1]):
            continue
        if HYPHEN_JOINED.search(name[end - 1 : end + 1]):
            continue
        ref = resolve_mention(text, registry, context=context)
        if ref.actor_id is None or ref.method not in AS_WRITTEN:
            continue
        actor = registry.actors[ref.actor_id]
        if actor.actor_type in NOT_HELD_TYPES or is_other_acronym(acronym, actor):
            continue
        if is_held(name, start, end, text, actor) and not is_other_country(name[end:], as_context(context).country):
            held.append(actor.actor_id)
    return held


def is_held(name: str, start: int, end: int, text: str, actor: Actor) -> bool:
    """Whether a registry name found at start..end of a provisional name makes the name doubtful."""
    if is_acronym_like(text) and len(acronym_key(text)) < MIN_HELD_ACRONYM:
        return False
    if start == 0:
        one_word = not is_acronym_like(text) and len(text.split()) == 1  # "Health ...", "Nutrition ...": a word
        return not (one_word or is_new_body(name[end:]) or continues_list(name[end:]))
    if actor.actor_type == "coordination_body":
        return has_role_words(name)  # "<role words> <Cluster>": a role of that body no rule read
    closing_code = end == len(name.rstrip()) and text in country_codes()  # "<Name> DRC": where it works
    return is_acronym_like(text) and text.upper() == text and not closing_code


def is_other_country(rest: str, country: str | None) -> bool:
    """Whether the words after a registry name are another country than the document's, or any country where the
    document's is not known ("<agency> <donor country>": a national committee or affiliate, its own body)."""
    found = country_forms()[0].get(name_key(rest))
    return found is not None and found != country


def has_role_words(name: str) -> bool:
    """Whether a name holds the words of a role ("Coordinador del ...", "... Sector co-lead")."""
    return bool(phrases(name) & role_words())


def phrases(text: str) -> set[str]:
    """Every run of one to MAX_ROLE_WORDS words of a text, as name keys (to find a role's written forms in it)."""
    words = name_key(text).split()
    return {" ".join(words[i : i + size]) for size in range(1, MAX_ROLE_WORDS + 1) for i in range(len(words))}


def is_new_body(rest: str) -> bool:
    """Whether the words after a registry name make a new body of their kind ("Association of <country>",
    "Forum"), not a unit of that organisation ("Field Office", "Human Rights Service")."""
    words = name_key(rest).split()
    units = vocab_words("organisation_words", "units") | vocab_words("organisation_words", "service_words")
    if any(word in units for word in words):
        return False
    return organisation_type(rest.strip()) is not None


def continues_list(rest: str) -> bool:
    """Whether the words after a registry name go on with its list of portfolios or topics ("<Ministry of X> and
    <Y>"): another body's longer name."""
    words = name_key(rest).split()
    return bool(words) and words[0] in NAME_CONJUNCTIONS


def is_other_acronym(acronym: str | None, actor: Actor) -> bool:
    """Whether a mention written with its own acronym names another body than a registry actor with another
    acronym ("Association pour le Développement Economique et Social de Tahoua (ADEST)" is not ADESOL)."""
    return bool(acronym and actor.acronym) and acronym_key(acronym or "") != acronym_key(actor.acronym or "")


def trailing_where(raw: str) -> tuple[str, str] | None:
    """A provisional name cut before the few words closing it after a comma or a dash (a town, "<town> branch"):
    (name, words), or None. A government or area body is cut, as tests/data/LABELS.md reads a unit and a place
    after a separator, only before an area or a place ("<State Ministry of X> - <state>", "<Ministry>, <country>"),
    a unit it names ("<Ministry>, Department of ...", "<Office> – Disaster Management Department") or one or two
    capitalised words of a town; never inside its list of portfolios ("Ministry of Gender, Youth and Sports")."""
    parts = TRAILING_WHERE.split(split_name_acronym(raw)[0])
    if len(parts) < MIN_LIST:
        return None
    head, tail = " ".join(parts[:-1]), parts[-1]
    head_kind = organisation_type(head) is not None  # "<Cooperative> – Water Department": the cooperative's
    government = organisation_type(head) == "government" or (organisation_type(tail) == "government" and not head_kind)
    if government or is_area_body(head):
        return (head, tail) if is_where_or_unit_of_body(raw, head, tail) else None
    if len(tail.split()) > MAX_WHERE_WORDS:
        return None
    return None if is_headed_name(tail) or is_acronym_in_place(tail) else (head, tail)


def is_where_or_unit_of_body(raw: str, head: str, tail: str) -> bool:
    """Whether the words closing a government or area body's name after a comma or a spaced dash say where it
    sits or which unit of it is meant: an area or a known place, a unit opening with its unit word ("Department
    of ...", "Direction de ..."), after a dash a unit closing with one ("Disaster Management Department", "<zone>
    Zone office"), or one or two capitalised words of a town, no portfolio joined by "and", no acronym, no kind
    word (the body's own list of portfolios goes on instead)."""
    dashed = bool(re.search(r"\s[-–—]\s+" + re.escape(tail) + "$", raw))
    if is_named_unit(tail) or (dashed and (is_unit(tail) or is_regional_unit(raw, tail))):
        return True
    if organisation_type(tail) == "government":
        return False  # "<Office>, Ministry of ...": another body
    if is_area(tail):
        return True
    words = tail.split()
    kinds = generic_words() | kind_words() | organisation_word_set()
    town = len(words) <= MAX_TOWN_WORDS and all(word[:1].isupper() and name_key(word) not in kinds for word in words)
    return town and not NAME_CONJUNCTIONS & set(name_key(tail).split()) and not any(map(is_acronym_like, words))


def is_regional_unit(raw: str, tail: str) -> bool:
    """Whether the words after a spaced dash closing a government body's name are its office in an area: a unit word
    closing at most MAX_WHERE_WORDS words, one of them a capitalised word of its own, with an area level or a known
    place ("<Region> regional department", "<town> District Office"; not "Disaster Management Department", "Emergency
    Response Department": units the body names as its own)."""
    words = tail.split()
    if not re.search(r"\s[-–—]\s+" + re.escape(tail) + "$", raw) or len(words) > MAX_WHERE_WORDS:
        return False
    units = vocab_words("organisation_words", "units")
    kinds = generic_words() | kind_words()
    own = [word for word in words[:-1] if word[:1].isupper() and name_key(word) not in kinds]
    levels = vocab_words("organisation_words", "area_levels")
    area = any(name_key(word) in levels for word in words) or any(map(is_place, own))
    return name_key(words[-1]) in units and bool(own) and area


def as_branch_owner(ref: ActorRef, registry: Registry, country: str | None) -> ActorRef:
    """A provisional name closed by a branch or office after a comma or a dash ("<Name> - <town> branch") made
    the organisation it is a unit of, as the labels read a unit; else the ref as it is."""
    held = registry_before_place(ref.raw, registry, country) if ref.method == "provisional" else None
    if held:
        return ActorRef(ref.raw, held, AS_WRITTEN_SCORE, "alias", ref.role)
    cut = trailing_where(ref.raw) if ref.method == "provisional" else None
    part = own_part(ref.raw) if ref.method == "provisional" else None
    units = vocab_words("organisation_words", "units")
    part = part or (glued_part(ref.raw) if ref.method == "provisional" else None)
    if part is not None:
        cut = part  # "<University> – <Name> Faculty of <field>", "<Diocese> – <sector> Department": its own part
    elif cut is None or not (
        units & set(name_key(cut[1]).split())
        or is_town_after_name(*cut, registry)
        or is_where_after_name(*cut, registry, country)
    ):
        return ref
    return replace(ref, raw=cut[0], actor_id=provisional_actor(cut[0], country).actor_id)


def is_where_after_name(name: str, words: str, registry: Registry, country: str | None) -> bool:
    """Whether the words after an unknown name and a comma or a dash say where it sits: an area or a known place
    ("<Name> – <region>", "<State Ministry of X>, <state>"), or after a government or area body an unknown town
    ("<Zonal Office>, <town>"); the name holding no registry organisation of the document's scope (a unit of that
    organisation or a body of its own, a person decides)."""
    body = organisation_type(name) == "government" or is_area_body(name)
    if not (is_area(words) or (body and is_unknown_town(words, registry))):
        return False
    if any(word.isupper() and len(word) > 1 for word in split_name_acronym(name)[0].split()):
        return False  # "<Church> <ACR> – <region>": an acronym of another body may be the name's end
    scope = ResolutionContext(country=country)
    for start, end in name_spans(name, registry):
        ref = resolve_mention(name[start:end], registry, context=scope)
        actor = registry.actors.get(ref.actor_id or "")
        if actor and ref.method in AS_WRITTEN and actor.actor_type not in (*NOT_HELD_TYPES, "coordination_body"):
            return False
    return True


def own_part(raw: str) -> tuple[str, str] | None:
    """A provisional name cut before a part of it written after a dash or a comma: a university's college, faculty or
    institute, a church's department, commission or diocese (`is_academic_unit`, `is_faith_unit`, a unit word
    after a faith body): (name, part), or None."""
    parts = TRAILING_WHERE.split(split_name_acronym(raw)[0])
    if len(parts) < MIN_LIST:
        return None
    head, tail = " ".join(parts[:-1]), parts[-1]
    words = [word for word in name_key(tail).split() if word not in CONNECTORS]
    faith = vocab_words("organisation_words", "faith_bodies") & set(name_key(head).split())
    units = vocab_words("organisation_words", "units") | vocab_words("organisation_words", "part_bodies")
    faith_unit = bool(faith) and bool(words) and (words[0] in units or words[-1] in units)
    if is_academic_unit(words, head) or is_faith_unit(words, head) or faith_unit:
        return head, tail
    return None


def glued_part(raw: str) -> tuple[str, str] | None:
    """A provisional name cut to the university or faith body a part of it is written with, without a separator:
    the part after it ("<Name> University Faculty of <field>", "<Name> University Students Union", "<Diocese of
    <place>> Development Office") or before it and a link ("<Clinic> de la Universidad <Name>", "<Commission> of
    the Catholic Diocese of <place>"): (organisation, part), or None."""
    words = split_name_acronym(raw)[0].split()
    keys = [name_key(ELIDED.sub("", word)) for word in words]
    heads = vocab_words("organisation_words", "academic_heads")
    faith = vocab_words("organisation_words", "faith_bodies")
    at = next((index for index, key in enumerate(keys) if key in heads | faith), None)
    if at is None:
        return None
    glued = vocab_words("organisation_words", "glued_academic_units")
    students = vocab_words("organisation_words", "student_words")
    for index in range(at + 1, len(words)):
        linked = index + 1 < len(words) and keys[index + 1] in NAME_LINKS
        if keys[at] in heads and ((keys[index] in glued and linked) or keys[index] in students):
            return " ".join(words[:index]), " ".join(words[index:])
    units = vocab_words("organisation_words", "units") | vocab_words("organisation_words", "dash_units")
    parts = units | vocab_words("organisation_words", "part_bodies") | glued
    place_end = at + 3  # "<Diocese> of <place>"
    closing = words[place_end:]
    if keys[at] in faith and at + 1 < len(words) and keys[at + 1] in NAME_LINKS and closing:
        own = [word for word in closing[:-1] if name_key(word) not in generic_words() | kind_words()]
        if name_key(closing[-1]) in units and not own:
            return " ".join(words[:place_end]), " ".join(closing)
    link = max((index for index in range(1, at) if keys[index] in NAME_LINKS), default=None)
    if link is None or not any(key in parts for key in keys[:link]):
        return None
    start = link + 1 + sum(1 for key in keys[link + 1 : at] if key in ARTICLES)
    owner = " ".join([ELIDED.sub("", words[start]), *words[start + 1 :]])
    return owner, " ".join(words[: link + 1])


def registry_before_place(raw: str, registry: Registry, country: str | None) -> str | None:
    """The registry actor a provisional name holds before a dash or a comma and a known place ("<registry ministry>
    – <town>"): the actor, as written, where the place only says where it sits; else None."""
    parts = TRAILING_WHERE.split(raw)
    if len(parts) < MIN_LIST or not is_place(parts[-1]):
        return None
    ref = resolve_mention(" ".join(parts[:-1]), registry, context=ResolutionContext(country=country))
    return ref.actor_id if ref.actor_id and ref.method in AS_WRITTEN else None


def is_town_after_name(name: str, words: str, registry: Registry) -> bool:
    """Whether the words after a comma or a dash closing a complete unknown name only say where it sits: one to
    three capitalised words ("<Name> Association – <town>", "<Name> Hospital, <town>", "... – <town> de <area>"),
    no organisation, unit or sector word, no acronym, no registry name of their own; the name before them whole
    by itself (an organisation word heading or closing it, or typed in capitals: `is_typed_name`) and holding no
    registry name ("<Red Cross society>
    Community Centre, <town>": a unit of that society or a body of its own, a person decides)."""
    head = split_name_acronym(name)[0]
    typed = is_typed_name(head, words)
    if not (typed or is_complete_name(name) or is_headed_name(head)) or name_spans(name, registry):
        return False
    kinds = organisation_word_set() | generic_words()
    if not typed and any(word.isupper() and len(word) > 1 and name_key(word) not in kinds for word in head.split()):
        return False  # "<Church> <ACR> – <town>": an acronym of another body may be the name's end, a person decides
    parts = words.split()
    proper = [part for part in parts if name_key(part) not in NAME_LINKS]
    capitalised = all(ELIDED.sub("", part.split("-")[-1])[:1].isupper() for part in proper) and parts[0][:1].isupper()
    return (
        bool(proper)
        and capitalised
        and not any(is_acronym_in_place(part) for part in parts)
        and not any(name_key(part) in kinds for part in parts)  # a hyphenated town is one word ("Port-de-Paix")
    )


def is_typed_name(head: str, words: str) -> bool:
    """Whether a name before a comma or a dash is typed as a sheet types a short name, in capitals: one acronym
    ("<ACR> – <town>") or words all in capitals ("<NAME IN CAPITALS> – <town>"), the words after it not its
    expansion (the acronym does not spell them). A capitalised word ("<Shortname> – <words>") may be a short name
    spelt out after the dash: not one."""
    capitals = head.isupper() and head.replace(" ", "").isalpha()
    return capitals and not (spells(head, words) or spells_loosely(head, words))


def is_closing_piece(ref: ActorRef, refs: Sequence[ActorRef], cell: str) -> bool:
    """Whether a provisional ref is the last piece of a cell, cut at a spaced dash, or the second of two cut at a
    comma from a complete unknown name, and names no one of its own (see the module's docstring)."""
    actors = [other for other in refs if other.method != "not_actor"]
    if len(actors) < MIN_LIST or actors[-1] is not ref:
        return False
    first, cut = actors[0].raw, cell.find(ref.raw)
    dashed = cut >= 0 and bool(DASH_CUT.search(cell[:cut]))
    comma = cut >= 0 and len(actors) == MIN_LIST and bool(COMMA_CUT.search(cell[:cut])) and cell.find(first) >= 0
    name = split_name_acronym(ref.raw)[0]
    if not (dashed or comma) or is_complete_name(ref.raw) or is_headed_name(name):
        return False
    if any(map(is_acronym_like, name.split())):
        return False  # an acronym in it ("<Body> <province>"): a body, not where one sits
    if name_key(name).split()[:1] == name_key(first).split()[:1]:
        return False  # "<Body> X, <Body> Y": two bodies of a kind
    content = [word for word in name_key(split_name_acronym(first)[0]).split() if word not in CONNECTORS]
    return dashed or len(content) >= MIN_FIRST_WORDS


def is_where_of_actor(ref: ActorRef, refs: Sequence[ActorRef], cell: str, registry: Registry) -> bool:
    """Whether a provisional piece after a comma or a spaced dash only says where the organisation before it sits or
    which unit it is: after a registry organisation ("<agency> – <town> project", "<agency>, <town>", "<mission> –
    Bureau de <town>"), a few words without an acronym that are no whole name or hold a unit word, or one unknown
    word after a name written in words (a town as often as another organisation; after an acronym in a list of
    short names, "<ACR>, <ACR>, <Name>", another organisation); after any
    organisation and a dash, a unit word opening words of a place ("<force> – Superintendency of <place>")."""
    index = next((i for i, other in enumerate(refs) if other is ref), 0)
    before = refs[index - 1] if index else None
    cut = cell.find(ref.raw)
    if before is None or cut < 0 or not (COMMA_CUT.search(cell[:cut]) or DASH_CUT.search(cell[:cut])):
        return False
    name = split_name_acronym(ref.raw)[0]
    words = name_key(name).split()
    if len(words) > MAX_WHERE_WORDS + 1 or any(map(is_written_acronym, name.split())):
        return False
    units = vocab_words("organisation_words", "units")
    head = words[0] in units or organisation_type(name.split()[0]) is not None
    # "Bureau de <town>", "Superintendency of <place>", "Consejo Departamental de <place>": an area level between
    level = int(len(words) > 2 and words[1] in vocab_words("organisation_words", "area_levels"))
    opened = len(words) > 1 + level and head and words[1 + level] in NAME_LINKS
    place = " ".join(name.split()[2 + level :]) if opened else " ".join(name.split()[:-1])  # "<town> project"
    where = is_place(place) or is_unknown_town(place, registry)
    unit = (opened or (len(words) > 1 and words[-1] in units)) and where
    actor = registry.actors.get(before.actor_id or "")
    if actor and before.method in AS_FOUND and actor.actor_type not in ("role", "coordination_body"):
        one_word = len(name.split()) == 1 and len(before.raw.split()) > 1  # "<agency in words>, <town or name>"
        return unit or is_place(name) or one_word
    return bool(DASH_CUT.search(cell[:cut])) and opened and unit
