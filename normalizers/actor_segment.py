"""Split a lead or partner cell into actor mentions, so that no name is ever broken.

A cell is first read into chunks at its strong separators (normalizers/actor_cells.py). A chunk is then one
mention when it resolves whole; else it is cut at the separators that may also sit inside a name ("with",
"&", "/", "and", strongest first) where every piece stands alone (a registry actor, a mention naming no one,
or an unknown organisation's whole name: actor_pieces.piece_kind); else the registry's names written one after
the other in it are found token by token ("NRC DRC IRC": spaces alone separate registry names only); else the
chunk is one mention. A sector word, a country, a connector or a fragment ("Federal", "United Nations") never
becomes a mention of its own.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from normalizers.actor_cells import (
    AND_WORDS,
    LINKED_SEPARATORS,
    STRONG_SEPARATORS,
    SYMBOLS,
    WITH_WORDS,
    cell_chunks,
    clean_cell,
    is_area_directorate,
    protected_spans,
    slashed_terms,
    split_once_outside,
    split_outside,
    without_area_tail,
)
from normalizers.actor_matcher import ARTICLES
from normalizers.actor_names import Span, covered_share, name_spans
from normalizers.actor_pieces import (
    COMPLETE,
    EDGE_PUNCTUATION,
    KNOWN,
    MEMBER_WORDS,
    NAME,
    NO_ONE,
    NOISE_WORDS,
    WHOLE_METHODS,
    is_acronym_mention,
    is_noise,
    is_non_actor,
    is_whole_name,
    piece_kind,
    resolves_as_registry_name,
)
from normalizers.actor_provisional import is_role_id
from normalizers.actor_registry import (
    Registry,
    acronym_key,
    is_acronym_like,
    is_written_acronym,
    load_registry,
    name_key,
)
from normalizers.actor_resolve import (
    CLOSING_BRACKET,
    ContextLike,
    as_context,
    bracketed_section,
    office_name_ref,
    resolve_mention,
    spells,
    spells_loosely,
)
from normalizers.actor_words import (
    CONNECTORS,
    NAME_LINKS,
    has_own_word,
    head_pattern,
    is_bare_acronym,
    is_capitalised_name,
    is_complete_name,
    is_fragment,
    is_headed_name,
    is_place,
    organisation_type,
    qualified_role,
    reads_as_organisation,
    split_name_acronym,
    split_role,
    vocab_words,
)
from normalizers.country import country_forms

__all__ = ["NO_ONE", "STRONG_SEPARATORS", "is_non_actor", "split_mentions"]

# Words that continue an organisation's name: after a registry name they make another organisation.
ORGANISATION_WORDS = frozenset(
    ("foundation", "association", "society", "council", "committee", "network", "club", "union")
    + ("institute", "centre", "center", "federation", "trust", "organization", "organisation", "fund")
)
PROSE_WORDS = 2  # lower-case words (besides "of", "for", ...) that make a leftover a sentence, not a name
MIN_RUN_TOGETHER = 2  # registry names inside a chunk that make it a list rather than one misspelt name
# ... provided they cover this share of its words (not "UN Resident and Humanitariian Coordinator").
RUN_TOGETHER_COVER = 0.6
TYPO_SCORE = 95.0  # a whole-chunk match this close is one misspelt name, whatever names hide inside it
STANDING = (KNOWN, COMPLETE, NAME)  # the kinds of piece a mention may be
SHARED_PLURAL_WORDS = (2, 1)  # "working groups", "sectors"
SLASHED = re.compile(r"[^\s/]+(?:/[^\s/]+)+")  # words joined by slashes without spaces ("SP/CONASUR")
MIN_SURE_ACRONYM = 3  # letters of a registry acronym read beside a plural of persons ("<ACR> officers")
PLACE_WORDS = (2, 1)  # words of a country or place closing a name ("Sri Lanka", "Nepal")
# "<name> (<ACR>) – <town>": a bracket, then a dash or comma and where the body sits.
# "<role> (<agency>) – <town>", "<role> (<agency>) à <town>": the role, its holder, and where it sits
BRACKET_THEN_WHERE = re.compile(
    r"(?P<named>.*\S\s*\([^()]+\))(?:\s*[–—,-]\s*|\s+(?:à|a|en|in|em|at|au)\s+)(?P<where>[^()]+)"
)
MAX_WHERE_WORDS = 3  # capitalised words saying where a body sits after its bracket
MIN_LINKED_NAME = 2  # words before "de <place>" of a name standing alone ("Personería Municipal de <town>")

# Words linking the words of one name before its last word ("contra el", "of the"): never the joining ("and",
# "with"), agent ("by", "par") or purpose ("for", "pour") words that may stand between two names.
INNER_LINKS = (NAME_LINKS - {"for", "pour", "para"}) | {"contra", "contre", "against", "sans", "sin", "sem"}
Piece = tuple[int, int, bool]  # start, end, whether it is a registry name as written
# Kinds of body whose name, unknown, is a whole body's before "with" ("<County> Government", "<Topic> WG"): a name of
# any other kind may hold the word ("<Country> Women with Disabilities Network").
PUBLIC_BODY_TYPES = ("government", "coordination_body")
HELD_ROLES = frozenset(("coordinator", "co-coordinator", "co-lead", "focal-point"))  # roles an agency holds for a body
HOLDER_TYPES = ("un_agency", "ingo", "nngo", "government", "other")


def split_mentions(cell: str, registry: Registry | None = None, context: ContextLike = None) -> list[str]:
    """The actor mentions of a lead or partner cell, in order; non-actors ("N/A", "etc") are left out."""
    registry = registry or load_registry()
    text = clean_cell(cell, registry, context)
    whole = resolve_mention(text.strip(EDGE_PUNCTUATION), registry, context=context)
    if is_whole_name(whole):
        return name_and_other_acronym(text.strip(EDGE_PUNCTUATION), registry, context)
    chunks = cell_chunks(text, registry, context)
    mentions = [mention for chunk in chunks for mention in chunk_mentions(chunk, registry, context)]
    if whole.actor_id and whole.method != "provisional" and keeps_whole(whole.actor_id, mentions, registry, context):
        return [text.strip(EDGE_PUNCTUATION)]  # one misspelt name with commas inside ("Bureau of Population, ...")
    parts = [part for mention in mentions for part in name_and_other_acronym(mention, registry, context)]
    return with_role_bodies(with_sections(parts, registry, context), registry, context)


def with_sections(mentions: list[str], registry: Registry, context: ContextLike) -> list[str]:
    """The mentions with an organisation's section written after it and a separator joined to it, when the
    registry holds that section as a row of its own ("<MSF in words> – OCB": MSF's operational centre in
    Brussels, as "<MSF in words> (OCB)" is); any other mention after an organisation stays apart."""
    done: list[str] = []
    for mention in mentions:
        ref = resolve_mention(done[-1], registry, context=context) if done else None
        scope = as_context(context)
        whole = ref is not None and ref.actor_id is not None and is_whole_name(ref)
        section = bracketed_section(ref.actor_id or "", mention, registry, "lead", scope) if ref and whole else None
        if section is not None:
            done[-1] = f"{done[-1]} ({mention})"
        else:
            done.append(mention)
    return done


def with_role_bodies(mentions: list[str], registry: Registry, context: ContextLike) -> list[str]:
    """The mentions with each bare role after a coordination body, or after a role of one, made that body's role
    ("Health Cluster co-lead Save the Children": the cluster's co-lead; "FSL Cluster Coordinator (FAO) & Co-lead
    (WFP)": the same cluster's co-lead), never a role of no body; a role with no body before it stays as written."""
    done: list[str] = []
    for mention in mentions:
        body = next(
            (found for found in (coordination_body(other, registry, context) for other in done[::-1]) if found), None
        )
        role = qualified_role(mention)
        held = held_role(mention, registry, context) if done and done[-1] == body else None
        if held:  # "<Cluster> – <agency> co-coordinator": the cluster's co-coordinator, held by the agency
            done[-1] = f"{body} {held[1]}"
            done.append(held[0])
        elif role is None or body is None:
            done.append(mention)
        elif body in done:  # the role written after its body, its place or level a note: the role, not the body
            done[done.index(body)] = f"{body} {role}"
        else:
            done.append(f"{body} {role}")
    return done


def held_role(mention: str, registry: Registry, context: ContextLike) -> tuple[str, str] | None:
    """A role of a registry organisation that is no coordination body, written right after a coordination body, as
    (the organisation's text, the canonical role): the body's role, the organisation its holder; None otherwise."""
    role = split_role(mention)
    if role is None or role[1] not in HELD_ROLES:
        return None
    ref = resolve_mention(role[0], registry, context=context)
    actor = registry.actors.get(ref.actor_id or "")
    found = actor is not None and ref.method in ("exact", "alias") and actor.actor_type in HOLDER_TYPES
    return role if found else None


def coordination_body(mention: str, registry: Registry, context: ContextLike) -> str | None:
    """The coordination body a mention names, itself or as the body of its role (its text), or None."""
    role = split_role(mention)
    text = role[0] if role else mention
    ref = resolve_mention(text, registry, context=context)
    actor = registry.actors.get(ref.actor_id or "")
    return text if actor and actor.actor_type == "coordination_body" else None


def keeps_whole(actor_id: str, mentions: list[str], registry: Registry, context: ContextLike) -> bool:
    """Whether a text that resolves whole to a misspelt actor stays one mention rather than its pieces: unless
    every piece stands alone and one of them names that very actor as written, the rest being other
    organisations ("RRRC, International Organization for Migration" is two; "Resiednt Coordinator/Humanitarian
    Coordinator" is the RC/HC)."""
    if not all(piece_kind(mention, registry, context) in STANDING for mention in mentions):
        return True
    refs = [resolve_mention(mention, registry, context=context) for mention in mentions]
    return not any(ref.actor_id == actor_id and is_whole_name(ref) for ref in refs)


def chunk_mentions(chunk: str, registry: Registry, context: ContextLike = None) -> Iterator[str]:
    """The mentions of one chunk: itself if it names one actor, else its pieces between linking words when
    each stands alone, else its registry names and leftovers when the split is sound, else itself.

    A fuzzy match of the whole chunk yields to two or more registry names inside it, so a run-together
    "M&E Specialist ISWG" is two actors, not a misspelt "M&E Specialists".
    """
    ref = resolve_mention(chunk, registry, context=context)
    if is_whole_name(ref):
        yield chunk
        return
    parts = linked_parts(chunk, registry, context)
    closed_by_collective = len(parts) > 1 and is_lower_collective(parts[-1])  # "<agency> & relevant line ministries"
    whole = without_shared_plural(chunk, registry, context, linked=True) == chunk
    if is_non_actor(chunk) and whole and not closed_by_collective:
        return
    resolved = ref.actor_id if ref.method != "provisional" else None
    if len(parts) > 1 and not (resolved and keeps_whole(resolved, parts, registry, context)):
        for part in parts:
            yield from chunk_mentions(part, registry, context)
        return
    spans = whole_word_spans(chunk, name_spans(chunk, registry, as_context(context).language))
    if not spans or (resolved and not is_run_together(chunk, spans, ref.score)):
        yield chunk
        return
    pieces = merge_misspelt_names(chunk, name_and_leftover_ranges(chunk, spans, registry, context), registry, context)
    pieces = without_parents(chunk, pieces, registry, context)
    if is_sound_split(chunk, pieces, registry, context) and not is_place_headed(chunk, pieces):
        yield from (chunk[start:end] for start, end, _ in pieces)
        return
    yield chunk


def linked_parts(chunk: str, registry: Registry, context: ContextLike) -> list[str]:
    """A chunk's parts between linking words, the strongest kind first ("with", then "&" "/" "+", then
    "and"), where every part stands alone and one is a registry actor (or every unknown one an acronym);
    else the chunk.

    "UNICEF & Rural Health Network", "NRC with Habitat for Humanity": two mentions; "Rural Health &
    Development Organisation" and "Union of Medical Care and Relief Organizations": one, as "Development
    Organisation" is no organisation alone and no part is known.
    """
    name, acronym = split_name_acronym(chunk)
    if acronym and (spells(acronym, name) or spells_loosely(acronym, name)):
        return [chunk]  # "Action pour la Valorisation de l'Elevage et la Sécurité Alimentaire (AVESA)": one name
    protected = protected_spans(chunk, registry)
    for separator in LINKED_SEPARATORS:
        parts = split_outside(chunk, separator, protected)
        if separator is SYMBOLS and is_slashed_unknowns(chunk, parts, registry, context):
            continue
        parts = with_portfolios(chunk, parts, registry, context)
        if separator is AND_WORDS and cuts_a_name(parts, registry, context):
            pairs = [list(pair) for pair in split_once_outside(chunk, separator, protected)]
            whole = [pair for pair in pairs if not cuts_a_name(pair, registry, context)]
            found = next((pair for pair in whole if parts_stand_alone(pair, registry, context)), None)
            if found:
                return found  # "<Word> and <Name> (ACR) and NRC": the cut inside the name left out
            continue
        if len(parts) > 1:
            parts = [*parts[:-1], without_shared_plural(parts[-1], registry, context)]
        with_word = separator is WITH_WORDS
        probe = as_acronyms(chunk, parts, registry, context)
        if len(parts) > 1 and parts_stand_alone(probe, registry, context, with_word):
            return parts
        if len(parts) > 2:  # a name holds the word too: "UNICEF et le Ministère de l'Enfance et de la Famille"
            for pair in split_once_outside(chunk, separator, protected):
                if parts_stand_alone(list(pair), registry, context, with_word):
                    return list(pair)
    return [chunk]


def cuts_a_name(parts: list[str], registry: Registry, context: ContextLike) -> bool:
    """Whether a cut at "and" leaves one plain word before it, neither an acronym nor a registry name, with an
    unknown name after it: the two are one name ("Refugees and Returnees Service", "Water and Sanitation Board")."""
    return any(
        (len(first.split()) == 1 and not is_acronym_like(first) or carries_on_complement(first, second))
        and not is_registry_word(first, registry, context)
        and not is_registry_word(second, registry, context)
        for first, second in itertools.pairwise(parts)
    )


def carries_on_complement(first: str, second: str) -> bool:
    """Whether the part after "and" is one word and what it is of ("Développement de <town>", "Amigos de <town>"),
    no body's word opening it, after a name opened by a body's word and going on with what the body is of or for
    ("Ligue des Jeunes pour la Paix", "Associação dos Filhos"): the words joined by "and" are both that
    complement ("... pour la Paix et le Développement de <town>", "... dos Filhos e Amigos de <town>")."""
    words, after = name_key(first).split(), name_key(second).split()
    headed = bool(head_pattern().match(" ".join(words)))
    opened = headed and any(word in NAME_LINKS for word in words[1:])
    of_what = len(after) >= 3 and after[1] in NAME_LINKS and not head_pattern().match(" ".join(after))
    capitalised = second[:1].isupper() and not any(is_acronym_like(word) for word in second.split())
    return capitalised and ((opened and of_what) or (headed and is_plain_complement(second)))


def is_plain_complement(second: str) -> bool:
    """Whether the words after "and" open with a common word of organisation names (vocab `name_spelling`), hold
    no organisation word and no acronym and name no one ("Administración de <topic> del <area>"): after a name
    opened by an organisation word ("Protección Civil"), the second half of that one name's coordination, never an
    organisation alone."""
    first_word = name_key(second).split()[:1]
    common = bool(first_word) and first_word[0] in vocab_words("name_spelling", "words")
    return common and organisation_type(second) is None and not is_headed_name(second) and not is_non_actor(second)


def is_registry_word(part: str, registry: Registry, context: ContextLike) -> bool:
    """Whether a part names a registry actor, as written or as an acronym typed as a word ("Goal", "Concern")."""
    ref = resolve_mention(part, registry, context=context)
    found = ref.actor_id is not None and ref.method != "provisional"
    return found or bool(registry.acronyms.get(acronym_key(part))) or resolves_as_registry_name(part, registry, context)


def as_acronyms(chunk: str, parts: list[str], registry: Registry, context: ContextLike) -> list[str]:
    """The parts of a chunk typed all in lower case, each one word that is a registry acronym ("drc and care": DRC
    and CARE), read as acronyms, as resolve_in_list reads them; any other chunk's parts as they are ("care and
    support": "support" is no acronym)."""
    upper = [part.upper() for part in parts]
    if any(" " in part.strip() for part in parts):
        return parts
    if chunk != chunk.lower():
        return titled_names(parts, registry, context)
    return upper if all(resolves_as_registry_name(part, registry, context) for part in upper) else parts


def titled_names(parts: list[str], registry: Registry, context: ContextLike) -> list[str]:
    """Parts that are each one capitalised word naming a registry actor, as an acronym so written ("Goal") or as an
    international NGO's name less its last word ("Concern"), read as those names ("Goal and Concern": GOAL and
    Concern Worldwide); any other parts as they are ("Hope and Care" may be one name)."""
    scope = as_context(context)
    names = []
    for part in (part.strip() for part in parts):
        office = office_name_ref(part, registry, "lead", scope) if part.isalpha() and part.istitle() else None
        if part.isalpha() and part.istitle() and resolves_as_registry_name(part.upper(), registry, context):
            names.append(part.upper())
        elif office and office.actor_id:
            names.append(office.raw)
        else:
            return parts
    return names


def with_portfolios(chunk: str, parts: list[str], registry: Registry, context: ContextLike) -> list[str]:
    """The parts with each one that carries on a ministry's portfolios joined to it ("Ministry of Lands and Rural
    Resettlement", "Secretaria de Estado para a Juventude e Desporto"): after a part naming a ministry or a department
    of, a part that is no registry name, acronym or name of its own (headed by an organisation word, closed by a
    place) is one more portfolio of that ministry, its conjunction kept."""
    joined: list[str] = []
    for part in parts:
        previous = joined[-1] if joined else ""
        start = chunk.find(previous) if previous else -1
        end = chunk.find(part, start + len(previous)) if start >= 0 else -1
        ministry = is_ministry(previous) or is_area_directorate(previous)
        if end >= 0 and ministry and is_portfolio(without_area_tail(part), registry, context):
            joined[-1] = chunk[start : end + len(part)]
        else:
            joined.append(part)
    return joined


def is_ministry(part: str) -> bool:
    """Whether a part names a ministry by its portfolios ("Ministry of Justice", "Secretaría de Estado de ...")."""
    heads = "|".join(sorted(map(re.escape, vocab_words("organisation_words", "portfolio_heads")), key=len)[::-1])
    return bool(re.search(rf"(?:^|\s)(?:{heads})\s", f"{name_key(part)} "))


def is_portfolio(part: str, registry: Registry, context: ContextLike) -> bool:
    """Whether a part after a ministry's name can only be one more of its portfolios ("Community Services")."""
    if any(is_acronym_like(word) for word in part.split()) or resolves_as_registry_name(part, registry, context):
        return False
    return not (is_headed_name(part) or is_place_closed(part) or is_non_actor(part) or is_ministry(part))


def is_slashed_unknowns(chunk: str, parts: list[str], registry: Registry, context: ContextLike) -> bool:
    """Whether a chunk is unknown acronyms joined by slashes without spaces ("SP/CONASUR", "SAF/FJKM"): one body's
    name, its unit and the body, as often as two bodies; the conservative reading is one name."""
    slashed = bool(SLASHED.fullmatch(chunk)) and all(map(is_acronym_like, parts))
    return slashed and not any(resolves_as_registry_name(part, registry, context) for part in parts)


def without_shared_plural(part: str, registry: Registry, context: ContextLike, linked: bool = False) -> str:
    """The last part of a list less the plural its bodies share: "WASH sectors" in "Energy and WASH sectors"
    is the WASH sector. With `linked`, the part is a whole list ("Energy and WASH sectors") whose names are
    checked one by one."""
    words = part.split()
    for size in SHARED_PLURAL_WORDS:
        head, tail = " ".join(words[:-size]), " ".join(words[-size:])
        plural = name_key(tail) in vocab_words("not_actors", "body_plurals")
        names = split_any_linked(head) if linked else [head]
        if head and plural and all(resolves_as_registry_name(name, registry, context) for name in names):
            return head
    return part


def parts_stand_alone(parts: list[str], registry: Registry, context: ContextLike, with_word: bool = False) -> bool:
    """Whether every part of a chunk is a mention of its own (or splits further into such), one at least a
    registry actor, or every unknown one an acronym or a name headed by an organisation word ("Syria
    Immunization Group & Idleb Health Directorate", "Fundación Levántate Mujer y Cruz Roja Boliviana", "SOFA &
    Protection civile"), or each but the last closed by its bracketed acronym: an organisation named in full never
    loses its "and". After "with" ("UNHCR with Windle International Uganda"), a name with a word of its own stands
    beside a registry actor too: "with" joins two bodies, never two halves of a name.
    A sector word stands alone only in a list of registry actors ("Food Security and Protection sectors")."""
    kinds = [pair for part in parts if not is_noise(part) for pair in part_kinds(part, registry, context)]
    if names_then_collective(parts, kinds):
        return True
    if with_word or any(kind == KNOWN for _, kind in kinds):
        kinds = [(part, NAME if kind is None and is_own_name(part) else kind) for part, kind in kinds]
    if any(kind == KNOWN for _, kind in kinds):  # "Schools and UNICEF": things beside a registry name name no one
        kinds = [(part, NO_ONE if kind is None and is_no_name(part) else kind) for part, kind in kinds]
    if not kinds or any(kind is None for _, kind in kinds):
        return False
    if with_word and are_bodies_joined(kinds):
        return True
    sector_words = [part for part, _ in kinds if is_fragment(part) and not is_acronym_mention(part)]
    if sector_words and any(kind != KNOWN for _, kind in kinds):
        return False
    unknown = [part for part, kind in kinds if kind in (COMPLETE, NAME)]
    if any(kind == KNOWN for _, kind in kinds) or all(map(is_acronym_mention, unknown)):
        return True
    closed = all(split_name_acronym(part)[1] for part in parts[:-1])  # "Name (ACR) e Mosaiko": the acronym ends it
    return closed or all(is_whole_unknown(part, part != parts[0]) for part in unknown)


def names_then_collective(parts: list[str], kinds: list[tuple[str, str | None]]) -> bool:
    """Whether organisations' names stand before a collective written in lower case after the last link ("<Ministry>
    & partners as relevant", "<NGO> e autoridades locais"): the names, the collective no one. A collective written
    with capitals may close a name ("<Forum> & Local Authorities"), and is left to the other rules."""
    named = bool(kinds) and all(kind in (KNOWN, COMPLETE, NAME) for _, kind in kinds)
    return len(parts) > 1 and is_lower_collective(parts[-1]) and named


def is_lower_collective(part: str) -> bool:
    """Whether a part is a collective naming no one, written in lower case ("local authorities")."""
    return not any(word[:1].isupper() for word in part.split()) and is_non_actor(part)


def are_bodies_joined(kinds: list[tuple[str, str | None]]) -> bool:
    """Whether "with" joins unknown bodies each named whole: before it an acronym or a public or coordination body's
    name, after it complete names of a kind of body ("<District> Local Government with <Topic> TWG", "<ACR> com
    Câmara Municipal de <town>"). People and what they live with are one name ("<Country> Women with Disabilities
    Network"); a bare acronym after "with" may be what a name is about ("... Living with <ACR>"): neither joins
    bodies here."""
    (first, _), *rest = kinds
    complete = all(kind == COMPLETE for _, kind in kinds)
    opened = is_acronym_like(first) or organisation_type(first) in PUBLIC_BODY_TYPES
    return bool(rest) and complete and opened and all(organisation_type(part) is not None for part, _ in rest)


def is_whole_unknown(part: str, after_link: bool) -> bool:
    """Whether an unknown part is an organisation's whole name: an acronym, a name headed by an organisation word,
    a capitalised name closed by its country ("Sabal Nepal"), or, after the linking word, opened by it ("... et
    Haiti Outreach"; a first part opened by its country goes on after "and": "<Country> Disaster and Dyke ...")."""
    opened = after_link and is_place_opened(part)
    return is_acronym_like(part) or is_headed_name(part) or is_place_closed(part) or opened


def is_place_closed(name: str) -> bool:
    """Whether a capitalised name ends with its country or place after a word of its own, as a whole name does
    ("Karuna Foundation Nepal", "Sabal Nepal", "Exército Brasileiro"; not "Rural Health Nepal"); closed by "de
    <place>" after two words or more (after one, "y Sol de <place>", the place closes the whole name)."""
    words = name.split()
    for size in PLACE_WORDS:
        if len(words) > size and is_place(" ".join(words[-size:])):
            before = words[:-size]
            if name_key(before[-1]) in NAME_LINKS and len(before) <= MIN_LINKED_NAME:
                return False  # "<Word> de <place>": the place closes the whole name ("<Fundación X> y Sol de <place>")
            return has_own_word(" ".join(before))
    return False


def is_place_opened(name: str) -> bool:
    """Whether a capitalised name opens with a country's name and goes on with words of its own kind ("Malawi
    Outreach", "Lanka Relief Network"; not "Nepal" alone)."""
    words = name.split()
    for size in PLACE_WORDS:
        if len(words) > size and name_key(" ".join(words[:size])) in country_forms()[0]:
            return is_capitalised_name(" ".join(words[size:]))
    return False


def is_no_name(part: str) -> bool:
    """Whether a part of a list names no organisation: it does not read as one and is no sector, fragment or end of a
    name ("Schools", "Health facilities", "District hospitals"; not "de la Famille")."""
    opens_with_link = name_key(part).split()[:1] and name_key(part).split()[0] in CONNECTORS
    return not (reads_as_organisation(part) or is_fragment(part) or is_acronym_like(part) or opens_with_link)


def is_own_name(part: str) -> bool:
    """Whether a part reads as an organisation's name with a word of its own ("Windle International Uganda")."""
    return reads_as_organisation(part) and has_own_word(part)


def part_kinds(part: str, registry: Registry, context: ContextLike) -> list[tuple[str, str | None]]:
    """A part's kind (actor_pieces.piece_kind), or the kinds of its own linked parts when it has none or reads as
    one unknown name holding a registry one ("NRC and Caritas <town>": two organisations)."""
    kind = piece_kind(part, registry, context)
    if kind == KNOWN:
        return [(part, kind)]
    parts = linked_parts(part, registry, context)
    if len(parts) < 2:
        return [(part, kind)]
    return [pair for piece in parts if not is_noise(piece) for pair in part_kinds(piece, registry, context)]


def whole_word_spans(chunk: str, spans: list[Span]) -> list[Span]:
    """The registry names of a chunk that are not only part of a hyphenated word ("MD" in "PNECHOL-MD"), unless
    the word across the hyphen is a registry name too ("MoSA-MoJ"), nor only part of a slashed term ("Sida" in
    "VIH/Sida")."""
    starts, ends = {start for start, _ in spans}, {end for _, end in spans}
    terms = [match.span() for match in slashed_terms().finditer(chunk)]
    kept = []
    for start, end in spans:
        if any(low <= start and end <= high and (start, end) != (low, high) for low, high in terms):
            continue
        glued_before = chunk[max(0, start - 2) : start][-1:] == "-" and chunk[start - 2 : start - 1].isalnum()
        glued_after = chunk[end : end + 1] == "-" and chunk[end + 1 : end + 2].isalnum()
        if (glued_before and start - 1 not in ends) or (glued_after and end + 1 not in starts):
            continue
        kept.append((start, end))
    return kept


def is_run_together(chunk: str, spans: list[Span], whole_score: float) -> bool:
    """Whether registry names cover a chunk better than one fuzzy match of all of it does."""
    if len(spans) < MIN_RUN_TOGETHER or whole_score >= TYPO_SCORE:
        return False
    return covered_share(chunk, spans) >= RUN_TOGETHER_COVER


def is_stray_words(piece: str, registry: Registry, context: ContextLike = None) -> bool:
    """Whether a leftover piece between names is prose resembling no actor ("will lead", "The Sector will
    work"): all lower case, or with lower-case words beyond the linking ones an organisation name has (of any of
    the four languages: "Agence Nationale de la" is the start of a name, not prose)."""
    if vocab_words("organisation_words", "deputy_words") & set(name_key(piece).split()):
        return False  # "adjoint" after "Coordonnateur résident": the deputy, never the principal
    if is_sub_group_head(piece):
        return False  # "Groupe des <words> de l'<body>": a group of the body named next, never the body
    prose = [word for word in piece.split() if word.islower() and word not in NOISE_WORDS | CONNECTORS]
    lower_case = piece == piece.lower() or len(prose) >= PROSE_WORDS
    return lower_case and resolve_mention(piece, registry, context=context).method == "unresolved"


def is_sub_group_head(piece: str) -> bool:
    """Whether a leftover opens with a word of a group ("Groupe", "Grupo", "Committee") and ends with a name's link
    ("de l'", "of the", "del"): the head of a group of the body whose name follows."""
    words = name_key(piece).split()
    return (
        len(words) > 1
        and words[0] in vocab_words("organisation_words", "sub_groups")
        and words[-1] in NAME_LINKS | ARTICLES
    )


def without_member_qualifiers(chunk: str, spans: list[Span]) -> list[Span]:
    """The name spans less a "members" right after another name: "Core Group members" is the Core Group."""
    kept: list[Span] = []
    for start, end in spans:
        follows_name = bool(kept) and not chunk[kept[-1][1] : start].strip()
        if not (follows_name and chunk[start:end].lower() in MEMBER_WORDS):
            kept.append((start, end))
    return kept


def is_whole_mention(piece: str, registry: Registry, context: ContextLike) -> bool:
    """Whether a piece stands alone as a mention: it resolves (or nearly), or is an organisation's whole name."""
    if is_fragment(piece):
        return False
    return resolves_as_registry_name(piece, registry, context) or is_complete_name(piece)


def is_sound_split(chunk: str, pieces: list[Piece], registry: Registry, context: ContextLike) -> bool:
    """Whether splitting a chunk into these pieces keeps every name whole.

    Unsound: a piece that is only part of a name (a sector word, "United Nations", "Federal") touching other
    words ("Rural Health ..."); a registry name touching unknown words ("Caritas DRC": spaces alone separate
    only registry names); a leftover that neither resolves nor reads as an organisation.
    """
    if len(pieces) > 1 and not any(
        resolves_as_registry_name(chunk[start:end], registry, context) for start, end, _ in pieces
    ):
        return False  # unknown names only, or names merely near a registry one ("Christian" ...): the chunk is one name
    for index, (start, end, is_name) in enumerate(pieces):
        text = chunk[start:end]
        if is_name and is_fragment(text) and touches_words(chunk, start, end):
            return False
        if is_one_word(text) and ends_with_name_link(chunk[:start]):
            return False  # "<Name> contra el SIDA": a word of the longer name, never the registry's acronym
        if is_name and not resolves_as_registry_name(text, registry, context):
            return False  # a registry name of another country ("Protection Working Group" in Darfur)
        if not is_name and not is_whole_mention(text, registry, context):
            return False
        neighbours = pieces[max(0, index - 1) : index] + pieces[index + 1 : index + 2]
        unknown = [other for other in neighbours if not other[2] and not resolves(chunk, other, registry, context)]
        if is_name and is_short_acronym(text) and is_people(next(iter(split_any_linked(chunk[end:])), "")):
            return False  # "<two capitals> officers": a kind of officer as often as a body's staff, never a link
        if is_name and any(is_touching(chunk, (start, end), other) for other in unknown):
            return False
    return True


def is_one_word(text: str) -> bool:
    """Whether a piece is one word, maybe with a bracket after it ("SIDA (<ACR>)")."""
    return " " not in CLOSING_BRACKET.sub("", text).strip()


def ends_with_name_link(before: str) -> bool:
    """Whether the words before a one-word registry name end inside a longer name, with no separator between: a
    linking word ("... de", "... contra"), maybe with its article ("... contra el", "... of the"), never an
    article after a joining word ("... et le")."""
    words = [name_key(word) for word in before.split()]
    if not words or not before[-1:].isspace():
        return False
    if words[-1] in ARTICLES and len(words) > 1:
        return words[-2] in INNER_LINKS
    return words[-1] in INNER_LINKS


def is_place_headed(chunk: str, pieces: list[Piece]) -> bool:
    """Whether the chunk opens with a place glued to a name in words that its pieces leave out ("<Town> Legal Aid
    Society" holding a registry "Legal Aid"): the place is part of that name (tests/data/LABELS.md rule 2), so
    the chunk is one name, never the registry body."""
    if not pieces:
        return False
    start, end, _ = pieces[0]
    head = chunk[:start]
    return bool(head.strip()) and is_place(head.strip()) and not is_acronym_like(chunk[start:end])


def is_short_acronym(text: str) -> bool:
    """Whether a text is an acronym of fewer than three letters ("GN", "RI"): often some other name's initials."""
    return is_acronym_like(text) and len(name_key(text).replace(" ", "")) < MIN_SURE_ACRONYM


def is_people(words: str) -> bool:
    """Whether words are a plural of persons or of bodies ("officers", "field staff", "volunteers"), maybe followed
    by whom they serve ("officers of the affected districts": the plural before the link)."""
    keys = list(itertools.takewhile(lambda key: key not in NAME_LINKS, name_key(words).split()))
    return bool(keys) and keys[-1] in vocab_words("not_actors", "collective_heads_last")


def resolves(chunk: str, piece: Piece, registry: Registry, context: ContextLike) -> bool:
    """Whether a leftover piece resolves to a registry actor on its own (a misspelt name)."""
    ref = resolve_mention(chunk[piece[0] : piece[1]], registry, context=context)
    return ref.actor_id is not None and ref.method != "provisional"


def touches_words(chunk: str, start: int, end: int) -> bool:
    """Whether a span has a word of a name right before or after it, with only spaces between (a linking
    word or a collective, as in "Protection and SGBV" or "Protection sectors", is not part of a name)."""
    before = re.search(r"(\w[\w'’.-]*)\s*$", chunk[:start])
    after = re.match(r"\s*(\w[\w'’.-]*)", chunk[end:])
    neighbours = [match.group(1) for match in (before, after) if match]
    return any(not is_noise(word) and not any(p.fullmatch(word) for p in LINKED_SEPARATORS) for word in neighbours)


def is_touching(chunk: str, first: Span, second: Piece) -> bool:
    """Whether two pieces of a chunk have only spaces between them."""
    left, right = sorted((first, (second[0], second[1])))
    return not chunk[left[1] : right[0]].strip()


def name_and_leftover_ranges(
    chunk: str, spans: list[Span], registry: Registry, context: ContextLike = None
) -> list[Piece]:
    """The registry names of a chunk and the leftover pieces between them that may be actors, in order."""
    pieces: list[Piece] = []
    last = 0
    for start, end in [*without_member_qualifiers(chunk, spans), (len(chunk), len(chunk))]:
        for piece in split_any_linked(chunk[last:start]):
            if not is_noise(piece) and not (spans and is_stray_words(piece, registry, context)):
                offset = chunk.index(piece, last)
                pieces.append((offset, offset + len(piece), False))
        if start < end:
            pieces.append((start, end, True))
        last = max(last, end)
    return pieces


def split_any_linked(text: str) -> list[str]:
    """A text cut at every linking word or symbol."""
    parts = [text]
    for separator in LINKED_SEPARATORS:
        parts = [piece for part in parts for piece in split_outside(part, separator, [])]
    return parts


def merge_misspelt_names(
    chunk: str, pieces: list[Piece], registry: Registry, context: ContextLike = None
) -> list[Piece]:
    """Pieces where a name and the leftover right after it make one name, merged.

    "Protection Subsectoral committee": "Protection" is a registry name, but with the words after it
    it is the Protection Sub-sectoral Committee. "Amel Foundation for Youth" is another organisation
    than Amel: a leftover opening with an organisation word always joins the name before it.
    """
    merged: list[Piece] = []
    for piece in pieces:
        if merged and is_one_name(chunk, merged[-1], piece, registry, context):
            merged[-1] = (merged[-1][0], piece[1], False)
        else:
            merged.append(piece)
    return merged


def is_one_name(chunk: str, first: Piece, second: Piece, registry: Registry, context: ContextLike = None) -> bool:
    """Whether a registry name and the leftover words touching it resolve together to one actor."""
    touching = not chunk[first[1] : second[0]].strip()
    if not touching or first[2] == second[2]:
        return False
    opens_name = first[2] and chunk[second[0] : second[1]].split()[0].lower() in ORGANISATION_WORDS
    together = resolve_mention(chunk[first[0] : second[1]], registry, context=context)
    return opens_name or (together.actor_id is not None and together.method != "provisional")


def without_parents(chunk: str, pieces: list[Piece], registry: Registry, context: ContextLike) -> list[Piece]:
    """The pieces less a registry body named right before one of its own bodies, which it only qualifies ("IASC
    Results Group 1": the results group, not the IASC as well)."""
    kept: list[Piece] = []
    for index, piece in enumerate(pieces):
        after = pieces[index + 1] if index + 1 < len(pieces) else None
        if piece[2] and after and after[2] and is_touching(chunk, (piece[0], piece[1]), after):
            parent = resolve_mention(chunk[piece[0] : piece[1]], registry, context=context).actor_id
            child = resolve_mention(chunk[after[0] : after[1]], registry, context=context).actor_id
            if parent and child in registry.actors and registry.actors[child].parent_id == parent:
                continue
        kept.append(piece)
    return kept


def name_and_other_acronym(mention: str, registry: Registry, context: ContextLike) -> list[str]:
    """A "Name (ACR)" mention whose name and acronym are two registry actors ("Logistics Cluster (WFP)"), or whose
    name is a role of a body and its acronym the agency holding it ("WASH Cluster Co-Lead (DACAAR)"), as two
    mentions; any other mention as itself (an unknown name with a registry acronym is that actor named in
    another language: "Programa Mundial para a Alimentação (WFP)")."""
    name, acronym = split_name_acronym(mention)
    placed = BRACKET_THEN_WHERE.fullmatch(mention)
    if not acronym and placed and is_where(placed["where"]):
        parts = name_and_other_acronym(placed["named"], registry, context)
        return parts if len(parts) > 1 else [mention]  # "<role> (<agency>) – <town>": the role and its holder
    if not acronym:
        return [mention]
    by_acronym = resolve_mention(acronym, registry, context=context)
    by_name = resolve_mention(name, registry, context=context)
    if by_name.actor_id and is_role_id(by_name.actor_id) and is_bare_acronym(acronym):
        return [name, acronym]
    named_apart = by_name.actor_id is not None and by_name.method != "provisional"
    found = by_acronym.method in WHOLE_METHODS and by_acronym.actor_id
    if found and named_apart and not is_own_part(by_name.actor_id, by_acronym.actor_id, registry):
        return [name, acronym]
    return [mention]


def is_own_part(name_id: str | None, bracket_id: str | None, registry: Registry) -> bool:
    """Whether a bracket after a registry name is that name itself, a registry row of its own programme or unit
    ("<INGO> (<programme>)"), or the parent a registry body's own forms already name ("<centre> (<ministry>)"):
    one actor, not two."""
    if name_id == bracket_id or name_id not in registry.actors or bracket_id not in registry.actors:
        return name_id == bracket_id
    named, bracketed = registry.actors[name_id], registry.actors[bracket_id]
    if bracketed.parent_id == name_id:
        return True
    parent_words = {name_key(form) for form in bracketed.forms}
    own_words = {word for form in named.forms for word in name_key(form).split()}
    return named.parent_id == bracket_id and bool(parent_words & own_words)


def is_where(words: str) -> bool:
    """Whether words after a name say where it sits: one to three capitalised words and their links ("Pemba",
    "Port-au-Prince", "Mocímboa da Praia"), no acronym, no organisation word."""
    named = [word for word in words.split() if name_key(word) not in CONNECTORS]
    return (
        0 < len(named) <= MAX_WHERE_WORDS
        and all(word[:1].isupper() and not is_written_acronym(word) for word in named)
        and organisation_type(words) is None
    )
