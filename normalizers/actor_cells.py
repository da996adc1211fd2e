"""A lead or partner cell read into chunks: notes and prefixes taken out, wrapped lines joined, the cell cut at
its strong separators (line breaks, commas, semicolons, bullets, spaced dashes and slashes) except inside a
name that runs on after a comma or a line break."""

from __future__ import annotations

import itertools
import re
from functools import cache

from normalizers.actor_matcher import articles_before_names
from normalizers.actor_names import Span, name_spans
from normalizers.actor_pieces import EDGE_PUNCTUATION, is_non_actor, resolves_as_registry_name
from normalizers.actor_registry import Registry, acronym_key, is_acronym_like, name_key
from normalizers.actor_resolve import (
    ContextLike,
    as_context,
    is_unit,
    is_unknown_town,
    national_sections,
    resolve_mention,
    spells,
    spells_loosely,
    tail_country,
)
from normalizers.actor_words import (
    CONNECTORS,
    NAME_LINKS,
    head_pattern,
    is_capitalised_name,
    is_complete_name,
    is_headed_name,
    is_members_of_unnamed_body,
    is_not_actor,
    is_place,
    is_role_word,
    is_sector_label,
    organisation_type,
    partners_of_what,
    phrase_pattern,
    phrase_words,
    qualified_role,
    reads_as_organisation,
    split_name_acronym,
    split_role,
    topic_first_reading,
    vocab_words,
)
from normalizers.contacts import is_name as is_person_name
from normalizers.country import country_forms, is_operation_place
from normalizers.vocab import section

BODY_FOUND = ("exact", "alias", "fuzzy")  # a registry body read before a role's label
# Separators between actors whatever the words: commas, semicolons, line breaks, bullets, a slash or a dash
# with a space on one side ("DRC- TDH- Amel - WVI", "UNICEF – WHO", "OCHA / IOM"), never the hyphen inside
# "Co-leads" or "UN-Habitat", nor the slash inside "RC/HC".
STRONG_SEPARATORS = re.compile(r"\s*(?:[,;\n\r\t•|]|:\s|\s[-–—/]+\s*|[-–—/]+\s|[–—])\s*")
# Separators that may also sit inside one actor's name ("M&E", "Red Cross and Red Crescent"), strongest first:
# a cell is cut at them only where every piece stands alone (normalizers/actor_segment.py linked_parts).
# An article after a linking word belongs to neither name ("avec l'ONG ATAD", "et le Ministère", "com a FICV").
ARTICLE = r"(?:\s*(?-i:(?:l['’]|(?:[Ll]es|[Ll]e|[Ll]a|[Tt]he|[Ee]l|[Ll]os|[Ll]as|[Oo]s|[Aa]s|o|a)\s+)(?=[A-ZÀ-Þ])))?"
# Who leads whom: "Consortium X led by NRC", "Led by WHO": the lead is named, beside what it leads or alone.
LED_BY_WORDS = (
    r"(?:(?:co-?)?(?:led by|coordinated by|dirig[ée]e? par|men[ée]e? par|coordonn[ée]e? par|"
    r"(?:liderad|dirigid|coordinad|coordenad)[oa] (?:por|pel[oa])))"
)
WITH_WORDS = re.compile(
    r"\s*\b(?:" + LED_BY_WORDS + r"|avec l['’]appui d[eu']|avec le soutien d[eu']|with (?:the )?support (?:of|from)|"
    r"supported by|con el apoyo de|com o apoio d[aeo]|together with|in partnership with|with|through|avec|"
    r"en appui (?:au|aux|à)|in support of|en apoyo (?:a|al|de)|em apoio (?:a|ao|à)|"  # "<ACR>, en appui au Ministère"
    r"en partenariat avec|con|junto con|com|à travers|a través de|através d[aeo]s?)\b" + ARTICLE + r"\s*",
    re.I,
)
# An implementing-partner chain: "<agency> through / on behalf of / via cooperating partner <organisation>", each a
# mention of its own, as a comma makes them.
CHAIN_WORDS = re.compile(
    r"\s+(?:through|via(?:\s+(?:its\s+|their\s+)?(?:cooperating|implementing)\s+partners?)?|on behalf of|"
    r"au nom d[eu']|en nombre de|por medio de|por conducto de|à travers|par l['’]intermédiaire d[eu']|"
    r"par le biais d[eu']|a través de|através d[aeo]s?|por intermédio d[aeo]s?|por meio d[aeo]s?)\b"
    + ARTICLE
    + r"\s*(?=\S)",  # written in lower case between two names ("La Via Campesina" is one name)
)
# The donor of a mention in brackets ("<INGO> (funded by <donor>)"): a mention of its own.
FUNDED_BY = re.compile(
    r"\(\s*(?:funded by|financ[ée]e?s? par|financiad[oa]s? por|financiad[oa]s? pel[oa]|with funding from|"
    r"avec (?:le )?financement d[eu']|con fondos de|com fundos d[aeo])\s*(?P<donor>[^()]+?)\s*\)",
    re.I,
)
SYMBOLS = re.compile(r"\s*[/&+]\s*")
AND_WORDS = re.compile(r"\s*\b(?:and|including|via|et|y|e)\b" + ARTICLE + r"\s*", re.IGNORECASE)
LINKED_SEPARATORS = (WITH_WORDS, SYMBOLS, AND_WORDS)
ANY_SEPARATOR = re.compile("|".join(p.pattern for p in (STRONG_SEPARATORS, *LINKED_SEPARATORS)), re.IGNORECASE)
# Bracketed asides that say how or from where, not who: "(to be identified)", "(from UN/NGOs)", "(lead)".
QUALIFIERS = re.compile(
    r"\((?:to be|tbc|tbd|from|as|if|where|when|convener|cla)\b[^)]*\)?"
    # "(co-lead)", "(lead agency)", but not "(co-lead WFP and X)": names after the word are the body's leads
    r"|\((?:co-?leads?|co-?chairs?|leads?|chairs?)\b(?!\s*:?\s+(?-i:[A-ZÀ-Þ]))[^)]*\)?"
    r"|\([^()]*\b(?:co-?leads?|leads?|lead agency|co-?chairs?|chef de file|l[ií]der|secr[ée]tariat)\)"
    r"|\bfrom\s+UN\s*(?:/|and|&)\s*NGOs?\)?",
    re.IGNORECASE,
)
SQUARE_OR_CURLY = str.maketrans("[]{}", "()()")
# ... and in a bracket after a body, its leads named: "(piloté par ACF)", "(co-lead A et B)", "(chef de file : X)",
# "(co-liderança: X)", "(co-líder: X)".
LED_BY = re.compile(
    r"^(?:(?:"
    + LED_BY_WORDS
    + r"|with|avec|con|com)\s+"
    + ARTICLE
    + r"|(?:(?:co-?)?(?:pilot[ée]e?s? par|piloted by|chaired by)|"
    r"(?:co-?)?leads?\s*:?|(?:co-?)?chefs? de file\s*:?|(?:co-?)?l[ií]der(?:es|an[cç]a|azgo)?\s*:?)\s+"
    + ARTICLE
    + r"(?=(?-i:[A-ZÀ-Þ])))",
    re.I,
)
BODY_THEN_MEMBERS = re.compile(r"^\s*(?P<body>[^:,;\n()]+?)\s*(?::|\s[-–—]\s)\s*(?P<members>[^:,;\n()]+?)\s*$")
CELL_LED_BY = re.compile(r"^\s*" + LED_BY_WORDS + r"\s+", re.I)  # "Led by WHO with MSF": WHO and MSF
# A bracket inside a name, the name going on in lower case after it ("Joint Programme (FAO/WFP) on Rural Women").
MID_NAME_BRACKET = re.compile(
    r"\s*(?P<bracket>\([^()]*\))(?P<rest>\s+(?:on|of|for|against|sur|pour|contre|de|du|des|sobre|para|contra|del|da|do)"
    r"\s[^,;\n|/()]*)"
)
# An acronym followed by its expansion in brackets ("<ACR> (<Full Name>)"): the organisation named by the expansion
# (tests/data/LABELS.md rule 4), written "<Full Name> (<ACR>)".
ACRONYM_THEN_EXPANSION = re.compile(
    r"(?P<acronym>\b[A-Z][A-Za-z0-9&-]*[A-Z][A-Za-z0-9&-]*)\s*\((?P<expansion>[^()]+)\)"
)
# a sector glued by a slash after a word and before a bracket, a spaced dash, a separator or the end ("<A>/<B> (...)")
SECOND_SECTOR = re.compile(r"(?<=\w)/(?P<sector>[^\W\d_]+)(?=\s*(?:\(|\s[-–—]\s|[,;\n]|$))")
BRACKETED = re.compile(r"\s*\((?P<inside>[^()]*)(?:\)|$)")
LIST_INSIDE = re.compile(r"[,;/]|\s(?:and|et|y|e)\s")
# Bracketed words after a name that name another actor, not a note on the name ("Logistics Cluster (WFP)").
OTHER_ACTOR_TYPES = ("un_agency", "ingo", "nngo", "government", "donor", "other")
# A line break inside a name, or a hyphen before a space (a PDF's wrapped hyphen): maybe a wrap, maybe a separator.
WRAPPED_BREAK = re.compile(r"(?<=\w)(?:-[ \t]*\n?[ \t]*|[ \t]*\n[ \t]*)(?=\w)")
# Words that carry an enumeration inside a name: "Ministry of Health, Labour and Welfare".
NAME_CONJUNCTIONS = frozenset(("and", "&", "et", "y", "e"))
MAX_ENUMERATION = 4  # chunks an enumeration inside a name runs over ("Services, Advocacy, Integration & ...")
MAX_PLAIN_WORDS = 5  # words of one item of such an enumeration
MAX_SHORT_WORDS = 2  # words of a short noun listed before a name's closing piece ("Justice", "<Region> Women")
MIN_LIST_CHUNKS = 2  # chunks that make a cell a list
MIN_NAME_WORDS = 2  # words of an unknown name complete enough for a town after it to say where it sits
# "... de Mecúfi", "... da Lunda Norte": the area closing an area body's name, after its last portfolio
CAPITALISED = r"[A-ZÀ-ÖØ-Þ][^\s,]*"  # a capitalised word ("Loroum", "Mecúfi", "Lunda")
AREA_TAIL = re.compile(rf"\s+(?:of|de|du|des|da|do|del|d['’])\s*(?:la\s+|l['’])?{CAPITALISED}(?:\s+{CAPITALISED})*$")
AREA_LEVEL_WORDS = 2  # the first words of a name that may say it is an area's body ("Direction Régionale")


def split_outside(text: str, pattern: re.Pattern[str], protected: list[Span]) -> list[str]:
    """Split a text on a separator pattern, except inside protected spans."""
    parts, last = [], 0
    for match in pattern.finditer(text):
        if any(start < match.end() and match.start() < end for start, end in protected):
            continue
        parts.append(text[last : match.start()])
        last = match.end()
    parts.append(text[last:])
    return [part.strip(EDGE_PUNCTUATION) for part in parts if part.strip(EDGE_PUNCTUATION)]


def split_once_outside(text: str, pattern: re.Pattern[str], protected: list[Span]) -> list[tuple[str, str]]:
    """The text cut in two at each separator outside protected spans, in turn: (before, after) pairs."""
    pairs = []
    for match in pattern.finditer(text):
        if any(start < match.end() and match.start() < end for start, end in protected):
            continue
        before, after = text[: match.start()].strip(EDGE_PUNCTUATION), text[match.end() :].strip(EDGE_PUNCTUATION)
        if before and after:
            pairs.append((before, after))
    return pairs


def protected_spans(text: str, registry: Registry) -> list[Span]:
    """Spans of registry names that contain a separator ("M&E Specialist", "RC/HC") and of slashed terms, kept."""
    names = [(start, end) for start, end in name_spans(text, registry) if ANY_SEPARATOR.search(text[start:end])]
    return names + [match.span() for match in slashed_terms().finditer(text)]


@cache
def slashed_terms() -> re.Pattern[str]:
    """Words joined by a slash or a conjunction that are one term inside a name ("HIV/AIDS", "VIH/SIDA", "Savings
    and Credit"), never a list."""
    words = section("organisation_words")
    terms = sorted([*words.get("slashed_terms", []), *words.get("paired_terms", [])], key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, terms)) + r")(?!\w)", re.IGNORECASE)


@cache
def label_prefix() -> re.Pattern[str]:
    """A label before the actors it introduces: "Members:", "Partners:", a role ("Lead: WFP", "Chef de file :
    UNICEF", "Focal point: IOM"), taken out so the actors after it stand alone."""
    forms = sorted((form for written in section("actor_roles").values() for form in written), key=len, reverse=True)
    labels = "|".join(phrase_words(form) for form in ["members", "member", "partners", "partner", *forms])
    return re.compile(rf"(?<![\w-])(?:{labels})\s*:", re.IGNORECASE)


def clean_cell(cell: str, registry: Registry, context: ContextLike = None) -> str:
    """A cell without member prefixes, qualifying asides and notes ("DRC Member: Amel" -> "DRC, Amel",
    "WHO (Cluster Lead Agency)" -> "WHO"), and its wrapped lines joined."""
    text = body_members_as_one(cell.translate(SQUARE_OR_CURLY), registry, context)
    text = CELL_LED_BY.sub("", label_prefix().sub(lambda label: label_or_role(label, registry, context), text))
    text = FUNDED_BY.sub(r", \g<donor> ", CHAIN_WORDS.sub(", ", text))
    text = ACRONYM_THEN_EXPANSION.sub(lambda match: expansion_first(match, registry), text)
    text = without_articles(text, registry, context)
    text = QUALIFIERS.sub(lambda aside: aside_or_body_role(aside, registry, context), text)
    text = MID_NAME_BRACKET.sub(r"\g<rest> \g<bracket>", text)  # the bracket after the name
    text = bracket_notes(without_second_sector(text, registry, context), registry, context)
    return join_wrapped_lines(text, registry, context)


def body_members_as_one(text: str, registry: Registry, context: ContextLike) -> str:
    """A cell naming a coordination body's members after a colon or a dash ("<Cluster>: all members", "<Sector> –
    tous les partenaires") as one phrase, read as the members, no one named, not as the body and a collective."""
    match = BODY_THEN_MEMBERS.match(text)
    if not match:
        return text
    if not is_registry_body(match["body"], registry, context):
        members = is_members_of_unnamed_body(name_key(f"{match['body']} {match['members']}"))
        return match["members"] if members and is_not_actor(match["members"]) else text  # "<group> – membres"
    if is_not_actor(f"{match['body']} {match['members']}"):
        return f"{match['body']} {match['members']}"
    collective = name_key(match["members"]) in vocab_words("not_actors", "collectives")
    return match["members"] if collective else text  # "<Sub-cluster of a topic> : tous les partenaires"


def label_or_role(label: re.Match[str], registry: Registry, context: ContextLike) -> str:
    """A label's text replaced: a separator ("Lead: WFP"), or the role of the registry coordination body written
    right before it, kept ("<Cluster> co-lead: <agency>": the cluster's co-lead, then its holder); a lead's label
    opening a bracket stays for the bracket's reading ("PEV (co-lead : UNICEF)": two leads, not "PEV (UNICEF)")."""
    if label.string[: label.start()].rstrip().endswith("(") and LED_BY.match(label.string[label.start() :]):
        return label.group(0)
    before = STRONG_SEPARATORS.split(label.string[: label.start()])[-1].strip()
    body = resolve_mention(before, registry, context=context) if before else None
    actor = registry.actors.get(body.actor_id or "") if body else None
    if actor and actor.actor_type == "coordination_body" and body and body.method in BODY_FOUND:
        return label.group(0).rstrip(": ") + ","
    return ","


def aside_or_body_role(aside: re.Match[str], registry: Registry, context: ContextLike) -> str:
    """A qualifying aside dropped ("(lead agency)", "(<agency> lead)"), unless it names a role of a registry
    coordination body named with its coordination word ("<agency> (<Global Cluster> co-lead)"): kept for the
    bracket's reading; a body's acronym there says what the agency does ("<agency> (<ACR> co-lead)")."""
    inside = aside.group(0).strip("() ")
    named = organisation_type(inside) == "coordination_body"
    return aside.group(0) if named and is_body_role(inside, registry, context) else " "


def without_articles(text: str, registry: Registry, context: ContextLike) -> str:
    """A cell without the articles that belong to no name ("l'UNICEF" -> "UNICEF", "Le PAM et ..." -> "PAM et
    ..."), found around the registry's names by spaCy (normalizers/actor_matcher.py)."""
    for start, end in reversed(articles_before_names(text, registry, as_context(context).language)):
        text = text[:start] + " " + text[end:]
    return text


def expansion_first(match: re.Match[str], registry: Registry) -> str:
    """ "<ACR> (<Full Name>)" as "<Full Name> (<ACR>)" when the bracket spells the acronym, the acronym opens its
    mention (at the cell's start, after a separator or a linking word) and is no registry acronym (whose brackets
    bracket_notes reads); anything else as written."""
    acronym, expansion = match["acronym"], match["expansion"].strip()
    before = STRONG_SEPARATORS.split(match.string[: match.start()])[-1].split()
    opens = not before or name_key(before[-1]) in CONNECTORS
    known = bool(registry.acronyms.get(acronym_key(acronym)))
    if known or not opens or is_acronym_like(expansion) or not is_acronym_like(acronym):
        return match.group(0)
    spelled = spells(acronym, expansion) or spells_loosely(acronym, expansion)
    return f"{expansion} ({acronym})" if spelled else match.group(0)


def bracket_notes(text: str, registry: Registry, context: ContextLike) -> str:
    """Brackets read: an acronym stays with the name before it ("Rural Aid Network (RAN)", "IOM (DTM)"); a
    list, another registry organisation, or what follows no name are mentions of their own; anything else
    (a place, the body an organisation leads, a unit, a remark) is a note on the name before it, dropped."""

    def read(match: re.Match[str]) -> str:
        inside = match["inside"].strip(EDGE_PUNCTUATION)
        led = LED_BY.match(inside)  # "(led by ACF)": another organisation, never the name's acronym
        inside = inside[led.end() :] if led else inside
        before = STRONG_SEPARATORS.split(text[: match.start()])[-1].strip(EDGE_PUNCTUATION)
        if not inside:
            return " "
        if is_contact(inside, registry, context):
            return " "  # "<Org> (<Person Name>, <post>)": who to write to, not who acts
        role = qualified_role(inside)
        if role and is_registry_body(before, registry, context):
            return f" {role} "  # "<Cluster> (<focal point> <town>)": the body's role, its town a note
        if is_body_role(inside, registry, context):
            return f" , {inside} , "  # "<agency> (<Global Cluster> co-lead)": a role of its own beside its holder
        if is_non_actor(before) and is_premises(inside):
            return " "  # "<committees> (<agency> schools)": where the collective sits, not the agency
        spelled = is_acronym_like(inside) and spells(inside, before)  # "<Name> Committees (ACR)": one body's
        if led or LIST_INSIDE.search(inside) or not before or (is_non_actor(before) and not spelled):
            return f" , {inside} , "
        if is_sector_label(inside) and not split_role(before) and not is_role_word(before):
            return " "  # "<org> – <town> office (<SECTOR>)": the sector it works in, not that sector's body
        if is_acronym_like(inside) and not is_operation_place(inside):  # "(Sud-Ouest)": a place
            return f" ({inside})" if not is_unit_acronym(inside, before, registry, context) else " "
        if is_section_country(inside, before, registry, context):
            return f" {inside}"  # "<network> (<country>)": the network's section in that country, a registry row
        return f" , {inside} , " if is_other_actor(inside, before, registry, context) else " "

    return BRACKETED.sub(read, text)


def is_premises(words: str) -> bool:
    """Whether words are premises of a body, closed by a plural word of premises ("<agency> schools", "écoles de
    <agency>"; vocab `premises`), a few words at most."""
    keys = name_key(words).split()
    premises = vocab_words("not_actors", "premises")
    return 0 < len(keys) <= MAX_SHORT_WORDS + 1 and (keys[-1] in premises or keys[0] in premises)


def without_second_sector(text: str, registry: Registry, context: ContextLike) -> str:
    """A coordination body's name less a second sector glued to it by a slash ("Cluster <A>/<B>", B a sector word
    or acronym: vocab `sector_words`): the body of the first sector, as the registry names it."""

    def read(match: re.Match[str]) -> str:
        body = STRONG_SEPARATORS.split(text[: match.start()])[-1].strip()
        known = is_sector_label(match["sector"]) and is_registry_body(body, registry, context)
        return "" if known else match.group(0)

    return SECOND_SECTOR.sub(read, text)


def is_registry_body(text: str, registry: Registry, context: ContextLike) -> bool:
    """Whether a text names a registry coordination body, as written or misspelt."""
    ref = resolve_mention(text, registry, context=context)
    actor = registry.actors.get(ref.actor_id or "")
    return actor is not None and actor.actor_type == "coordination_body" and ref.method in BODY_FOUND


def is_body_role(text: str, registry: Registry, context: ContextLike) -> bool:
    """Whether a text names a role of a registry coordination body ("<Cluster> co-lead") other than its lead (an
    agency's "(<Cluster> lead)" says what the agency is: the agency alone)."""
    role = split_role(text)
    return role is not None and role[1] != "lead" and is_registry_body(role[0], registry, context)


def is_contact(inside: str, registry: Registry, context: ContextLike) -> bool:
    """Whether bracketed words are a person and their post ("<First> <Last>, <post>"): a person's name that is no
    organisation, then words of a job title (data/vocab `job_titles`)."""
    person, comma, post = inside.partition(",")
    if not comma or not is_person_name(person.strip()) or organisation_type(person) is not None:
        return False
    if resolves_as_registry_name(person.strip(), registry, context):
        return False
    return bool(phrase_pattern("not_actors", "job_titles").search(name_key(post)))


def is_unit_acronym(inside: str, before: str, registry: Registry, context: ContextLike) -> bool:
    """Whether a bracketed acronym after a registry organisation is one of its units or programmes, a note on the
    name ("<agency> (<PROGRAMME>)"), not the organisation's own acronym nor another organisation."""
    owner = resolve_mention(before, registry, context=context).actor_id
    if spells(inside, before) or owner not in registry.actors:
        return False
    if resolve_mention(f"{before} {inside}", registry, context=context).actor_id not in (owner, None):
        return False  # "<network> (<section>)": a registry row of its own
    return resolve_mention(inside, registry, context=context).actor_id is None  # no form of the owner, nor another


def is_section_country(inside: str, before: str, registry: Registry, context: ContextLike) -> bool:
    """Whether bracketed words are a country where the network named before them has a national section of its
    own in the registry ("<network> (<country>)")."""
    country = tail_country(inside)
    owner = resolve_mention(before, registry, context=context).actor_id if country else None
    return bool(owner) and (owner, country) in national_sections(registry)


def is_other_actor(inside: str, before: str, registry: Registry, context: ContextLike) -> bool:
    """Whether bracketed words name an organisation of the registry other than the name before them."""
    ref = resolve_mention(inside, registry, context=context)
    if ref.actor_id not in registry.actors or registry.actors[ref.actor_id].actor_type not in OTHER_ACTOR_TYPES:
        return False
    return resolve_mention(before, registry, context=context).actor_id != ref.actor_id


def join_wrapped_lines(text: str, registry: Registry, context: ContextLike) -> str:
    """A cell with the line breaks and broken hyphens that fall inside a name joined again.

    PDF and DOCX cells wrap long names: "Child Protection AoR Co- Chairs", "Protection\\nSub-sectoral
    committee", "partners as\\nneeded". A break stays a separator unless a registry name runs across it once
    joined, a hyphen ends the line (or ends a word before a space, where the joined word is a place: "Sud-
    Kivu"), a connector ends it or opens the next, the next line opens in lower case with words that name no
    actor, or the next line is a bare role ("Health Cluster\\nCoordinator").
    """
    for match in reversed(list(WRAPPED_BREAK.finditer(text))):
        glue = "-" if "-" in match.group() else " "
        joined = text[: match.start()] + glue + text[match.end() :]
        before = text[: match.start()].rsplit("\n", 1)[-1]
        after = text[match.end() :].split("\n", 1)[0]
        spans = name_spans(joined, registry, as_context(context).language)
        across_name = any(start <= match.start() < end for start, end in spans)
        if across_name or is_wrap(match.group(), before, after, registry, context):
            text = joined
    return text


def is_wrap(gap: str, before: str, after: str, registry: Registry, context: ContextLike) -> bool:
    """Whether a line break between two lines falls inside one name (see join_wrapped_lines)."""
    if "\n" not in gap:
        return "-" in gap and is_place(f"{before.split()[-1]}-{after.split()[0]}")  # "DPS Sud- Kivu"
    if "-" in gap or name_key(before).split()[-1:] in ([word] for word in CONNECTORS):
        return True
    if is_role_word(after):
        return True
    lower_start = after[:1].islower() and not is_acronym_like(after.split()[0])
    if lower_start and partners_of_what(name_key(after)) is not None:
        return False  # "<Org>\nsocios del <body>": the partners of a body, a mention of their own
    return lower_start and not is_non_actor(after) and not resolves_as_registry_name(after, registry, context)


def cell_chunks(text: str, registry: Registry, context: ContextLike) -> list[str]:
    """A cleaned cell cut at its strong separators, the words after a comma inside a name joined again."""
    chunks = split_outside(text, STRONG_SEPARATORS, protected_spans(text, registry))
    chunks = without_list_head(chunks, registry, context)
    joined: list[str] = []
    for index, chunk in enumerate(chunks):
        after = joined and after_comma(text, joined[-1], chunk)
        closing = len(joined) == 1 and index == len(chunks) - 1  # "<Office>, Department of ...": the whole cell
        unit = joined and is_unit_of(joined[-1], chunk, text, registry, context, comma=bool(after) and closing)
        if unit and not resolves_as_registry_name(joined[-1], registry, context):
            joined[-1] = f"{joined[-1]} - {chunk}"
        elif unit and resolves_as_registry_name(f"{joined[-1]} {chunk}", registry, context):
            joined[-1] = f"{joined[-1]} {chunk}"  # "UNICEF - WASH Section", "NRC - Dadaab": that organisation
        elif after and continues_name(joined[-1], up_to_link(chunks[index:]), registry, context):
            joined[-1] = f"{joined[-1]}, {chunk}"
        elif after and is_role_word(joined[-1]) and resolves_as_registry_name(chunk, registry, context):
            joined[-1] = f"{joined[-1]} {chunk}"  # a bare role, then its body: "IMO, Cluster Santé"
        elif joined and is_topic_role_of(joined[-1], chunk, registry, context):
            joined[-1] = f"{joined[-1]}{', ' if after else ' – '}{chunk}"  # "<topic> focal point, <agency>"
        elif after and says_where(joined[-1], chunk, len(chunks), registry, context):
            if is_area_body(joined[-1]) and not resolves_as_registry_name(joined[-1], registry, context):
                joined[-1] = f"{joined[-1]}, {chunk}"  # "Provincial Committee ..., <province>": which one
        else:
            joined.append(chunk)
    return joined


def is_topic_role_of(first: str, second: str, registry: Registry, context: ContextLike) -> bool:
    """Whether a topic's role ("GBV focal point") is followed by the registry organisation it works for: one
    mention, that organisation's role (normalizers/actor_words.py topic_first_reading)."""
    return bool(topic_first_reading(f"{first}, {second}")) and resolves_as_registry_name(second, registry, context)


def is_unit_of(
    first: str, second: str, text: str, registry: Registry, context: ContextLike, comma: bool = False
) -> bool:
    """Whether the words after a dash name a unit of the organisation before it, or where it sits, and no
    registry actor ("Ministry of Home Affairs - Refugee Services Department", "UNICEF - WASH Section", "Provincial
    Health Office - Northern Province"): one mention. With `comma` (a cell of two chunks), a unit opening with its
    unit word after an unknown organisation's name, or before an unknown ministry, is its unit too ("Vice-President's
    Office, Department of Disaster Management", "Direction de la Protection Civile, Ministère de l'Intérieur");
    beside an acronym or a registry name it is another body. After a registry organisation, a unit named with a
    word of government ("Department of Refugee Affairs", "Bureau des ...") is another body; any other unit is its own,
    after a dash or a slash ("MONUSCO / Section des Affaires Civiles")."""
    known = resolves_as_registry_name(first, registry, context)
    dashed = re.search(re.escape(first) + (r"\s*[-–—/]\s*" if known else r"\s*[-–—]\s*") + re.escape(second), text)
    if not (dashed or comma) or not reads_as_organisation(first):
        return False
    if known and dashed and organisation_type(second) == "government":
        return False
    if not dashed:
        parts = (first, second)
        unknown = [
            not is_acronym_like(part) and not resolves_as_registry_name(part, registry, context) for part in parts
        ]
        peers = name_key(first).split()[:1] == name_key(second).split()[:1]  # "Department of Health, Department of ..."
        unit_after = is_named_unit(second)  # "<Office>, Department of ..."
        unit_before = is_named_unit(first) and organisation_type(second) == "government"  # "<Direction>, Ministère"
        return all(unknown) and not peers and (unit_after or unit_before)
    area = is_area(second) or (not known and is_unknown_town(second, registry))  # "<Provincial Office> - <province>"
    where = area and name_key(second) not in country_forms()[0]  # a country alone is a note: dropped
    return (is_unit(second) or where) and not resolves_as_registry_name(second, registry, context)


def says_where(first: str, second: str, chunks: int, registry: Registry, context: ContextLike) -> bool:
    """Whether the words after a comma only say where the organisation before them sits: a known place, or (in a
    cell "<Name>, <Place>") one or two capitalised words that are no registry name, acronym or kind word, after a
    complete name: an unknown one of three words or more, or closed by its country, reading as an organisation
    ("<University of X>, <campus town>", "<Office of X>, <town>", "<Caritas> <country>, <town>"), or a registry
    organisation's office ("<agency> Regional Office for <region>, <city>"). Never two words of one name
    ("Fundación Tú, Mujer": two words before the comma)."""
    town = is_place(second) or (chunks == MIN_LIST_CHUNKS and is_unknown_town(second, registry))
    if not town or is_acronym_like(first) or split_name_acronym(first)[1]:
        return False
    if resolves_as_registry_name(first, registry, context):  # "UNHCR Regional Office for <region>": its office
        units = vocab_words("organisation_words", "units")
        return any(word in units for word in name_key(first).split())
    complete = len(first.split()) > MIN_NAME_WORDS or is_place(first.split()[-1])  # "<Caritas> <country>"
    return complete and reads_as_organisation(first)


def is_area_body(name: str) -> bool:
    """Whether a name is a body of one area of the country ("Provincial ...", "State Ministry of ...", "Direction
    Régionale ..."): the area named after it says which body, as part of its name."""
    levels = vocab_words("organisation_words", "area_levels")
    return any(word in levels for word in name_key(name).split()[:AREA_LEVEL_WORDS])


def is_named_unit(words: str) -> bool:
    """Whether words name a unit opening with its unit word ("Department of Social Welfare", "Direction de la
    Nutrition")."""
    first = name_key(words).split()[:1]
    return bool(first) and first[0] in vocab_words("organisation_words", "units") and is_unit(words)


def without_list_head(chunks: list[str], registry: Registry, context: ContextLike) -> list[str]:
    """A list's chunks without the word that heads it ("Consortium ACTED, NRC, DRC", "Consorcio ACNUR y NRC": the
    members are named, the consortium is not), when a registry name follows the word and the list goes on."""
    words = chunks[0].split(maxsplit=1) if chunks else []
    if len(words) < 2 or name_key(words[0]) not in vocab_words("organisation_words", "list_heads"):
        return chunks
    first_item = ANY_SEPARATOR.split(words[1])[0]
    listed = len(chunks) >= MIN_LIST_CHUNKS or first_item != words[1]
    return [words[1], *chunks[1:]] if listed and resolves_as_registry_name(first_item, registry, context) else chunks


def after_comma(text: str, first: str, second: str) -> bool:
    """Whether the text has the second chunk right after the first with only a comma between."""
    return bool(re.search(re.escape(first) + r"\s*,\s*" + re.escape(second), text))


def up_to_link(rest: list[str]) -> list[str]:
    """The chunks after a comma as far as a joining word inside the first ("with", "avec", "com"): a name listing
    what it covers ends there ("Ministry of Lands, Housing and Urban Development with <agency>"), and the words
    after it are another mention, read when the chunk is split at that word."""
    link = WITH_WORDS.search(rest[0])
    return [rest[0][: link.start()]] if link and link.start() > 0 else rest


def continues_name(first: str, rest: list[str], registry: Registry, context: ContextLike) -> bool:
    """Whether the words after a comma (rest[0], the chunks after it following) go on with an unknown
    organisation's name: they open with a connector ("Ministère de la Solidarité, de l'Action Humanitaire"),
    say where ("Ministry of Health, Kassala State"), or belong to an enumeration of what the name covers, closed
    by "and" ("Ministry of Reconstruction, Rehabilitation and Resettlement", "MENA Organization for Services,
    Advocacy, Integration & Capacity Building"). An acronym or a registry name after the comma is another
    organisation, and so is any name after an acronym."""
    second = rest[0]
    if is_noun_list(first, rest, registry, context):
        return True
    if resolves_as_registry_name(first, registry, context) or not reads_as_organisation(first) or is_non_actor(second):
        return False
    words = name_key(second).split()
    if words[:1] and words[0] in CONNECTORS and second[:1].islower():
        return True
    if is_acronym_like(first) or split_name_acronym(first)[1] or not is_plain_words(second, registry, context):
        return False
    if is_area(second) or (len(rest) == 1 and is_office(first) and is_unknown_town(second, registry)):
        return True  # "Ministry of Health, Kassala State", "Zonal Health Office, Gode": where the body sits
    run = list(itertools.takewhile(lambda chunk: is_plain_words(chunk, registry, context), rest))
    closing = next((chunk for chunk in run if NAME_CONJUNCTIONS & set(name_key(chunk).split())), None)
    if closing is None or len(run[: run.index(closing) + 1]) > MAX_ENUMERATION:
        return False
    if any(split_name_acronym(chunk)[1] for chunk in run[: run.index(closing)]):
        return False  # an acronym closes a name: the words after it are another
    first_words = set(name_key(first).split())
    items = run[: run.index(closing)]
    acronym_closed = bool(split_name_acronym(closing)[1]) and all(
        len(item.split()) <= MAX_SHORT_WORDS for item in items
    )
    return (
        bool(NAME_LINKS & first_words)
        or acronym_closed  # "<Asociación> X, Y, Z y W (ACR)": the acronym closes one name
        or (organisation_type(first) is None and organisation_type(closing) is not None)
    )


def is_noun_list(first: str, rest: list[str], registry: Registry, context: ContextLike) -> bool:
    """Whether a cell opens with a comma list of short nouns naming no body ("Justice", "<Region> Women"), closed by
    a piece joined by "and" that holds an organisation word ("..., Training and Management International", "...,
    Children and Youth Affairs Bureau"): one name listing what it covers, never a piece lost or a name split. A
    first piece opening with the word of a body ("Fondation X") is a name of its own."""
    if len(first.split()) > MAX_SHORT_WORDS or head_pattern().match(name_key(first)) or not is_capitalised_name(first):
        return False
    if organisation_type(first) not in (None, "other") or not is_plain_words(first, registry, context):
        return False
    items = list(itertools.takewhile(lambda chunk: not NAME_CONJUNCTIONS & set(name_key(chunk).split()), rest))
    if len(items) >= min(len(rest), MAX_ENUMERATION) or any(len(item.split()) > MAX_SHORT_WORDS for item in items):
        return False
    if not all(is_plain_words(item, registry, context) and not head_pattern().match(name_key(item)) for item in items):
        return False
    closing = rest[len(items)]
    parts = re.split(r"\s*(?:&|\band\b|\bet\b|\by\b|\be\b)\s*", split_name_acronym(closing)[0])
    if any(resolves_as_registry_name(part, registry, context) for part in parts):
        return False
    name, acronym = split_name_acronym(closing)
    kind = organisation_type(name)
    if kind == "coordination_body":
        return False  # "Health, Education and Protection Cluster": sectors, read by the cluster rules
    return bool(acronym) or is_headed_name(closing) or (kind is not None and is_complete_name(closing))


def is_office(name: str) -> bool:
    """Whether a name ends with a unit word that sits somewhere ("Woreda Health Office", "Direction Régionale")."""
    words = name_key(name).split()
    return bool(words) and words[-1] in vocab_words("organisation_words", "units")


def is_plain_words(chunk: str, registry: Registry, context: ContextLike) -> bool:
    """Whether a chunk is a few words naming no organisation of their own: no acronym, no registry name in it (the
    acronym of the whole name may close it: "..., Família e Promoção da Mulher (MASFAMU)")."""
    chunk = split_name_acronym(chunk)[0]
    if len(without_area_tail(chunk).split()) > MAX_PLAIN_WORDS or is_non_actor(chunk):
        return False
    if any(is_acronym_like(part) for word in without_area_tail(chunk).split() for part in word.split("-") if part):
        return False  # an acronym, or one joined by a hyphen ("UN-Habitat"; not "Geo-Hazards")
    parts = re.split(r"\s*(?:&|\band\b)\s*", chunk)
    return not any(resolves_as_registry_name(part, registry, context) for part in parts)


def without_area_tail(words: str) -> str:
    """Words without the area that may close an area body's name ("Mulher e Acção Social de Mecúfi" -> "Mulher e
    Acção Social"): an enumeration's last item is counted without it."""
    return AREA_TAIL.sub("", words) or words


def is_area_directorate(name: str) -> bool:
    """Whether a name is an area body named by its portfolios after a link ("Direction Provinciale de la Santé",
    "Provincial Directorate of Agriculture", "Serviço Distrital de Saúde"): the words after its first portfolio,
    joined by "and"/"et"/"e"/"y", are more of its portfolios."""
    words = name_key(name).split()
    head = words[: AREA_LEVEL_WORDS + 1]
    return is_area_body(name) and bool(NAME_LINKS & set(head)) and not is_office(name)


def is_area(words: str) -> bool:
    """Whether words name a place or an area ("Kassala State", "Province du Nord-Kivu"): where, not who."""
    key_words = name_key(words).split()
    places = vocab_words("not_actors", "place_words")
    named = [word for word in key_words if word not in places and word not in CONNECTORS]
    has_place_word = any(word in places for word in key_words)
    area = has_place_word and bool(named) and is_capitalised_name(words) and not organisation_type(words)
    return is_place(words) or area


def not_actor_chunks(cell: str, registry: Registry, context: ContextLike = None) -> list[str]:
    """The parts of a cell that name no one ("partners" in "UNICEF and partners", "TBD"), as written."""
    found = []
    for chunk in STRONG_SEPARATORS.split(clean_cell(cell, registry, context)):
        parts = [chunk] if is_non_actor(chunk) and not names_someone(chunk) else ANY_SEPARATOR.split(chunk)
        found += [part.strip(EDGE_PUNCTUATION) for part in parts if part.strip(EDGE_PUNCTUATION) and is_non_actor(part)]
    return found


def names_someone(chunk: str) -> bool:
    """Whether a part of a chunk between separators names someone ("<agency>" in "<agency> & relevant line
    ministries"): then only the other parts name no one, not the whole chunk."""
    parts = [part.strip(EDGE_PUNCTUATION) for part in ANY_SEPARATOR.split(chunk)]
    return any(len(part) > 1 and not is_non_actor(part) for part in parts)  # "N/A" names no one
