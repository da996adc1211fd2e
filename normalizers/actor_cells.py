"""A lead or partner cell read into chunks: notes and prefixes taken out, wrapped lines joined, the cell cut at
its strong separators (line breaks, commas, semicolons, bullets, spaced dashes and slashes) except inside a
name that runs on after a comma or a line break."""

from __future__ import annotations

import itertools
import re

from normalizers.actor_names import Span, name_spans
from normalizers.actor_pieces import EDGE_PUNCTUATION, is_known_mention, is_non_actor, resolves_as_registry_name
from normalizers.actor_registry import Registry, is_acronym_like, name_key
from normalizers.actor_resolve import ContextLike, resolve_mention
from normalizers.actor_words import (
    CONNECTORS,
    is_capitalised_name,
    is_place,
    is_role_word,
    organisation_type,
    reads_as_organisation,
    split_name_acronym,
    vocab_words,
)

# Separators between actors whatever the words: commas, semicolons, line breaks, bullets, a slash or a dash
# with a space on one side ("DRC- TDH- Amel - WVI", "UNICEF – WHO", "OCHA / IOM"), never the hyphen inside
# "Co-leads" or "UN-Habitat", nor the slash inside "RC/HC".
STRONG_SEPARATORS = re.compile(r"\s*(?:[,;\n\r\t•|]|:\s|\s[-–—/]+\s*|[-–—/]+\s|[–—])\s*")
# Separators that may also sit inside one actor's name ("M&E", "Red Cross and Red Crescent"), strongest first:
# a cell is cut at them only where every piece stands alone (normalizers/actor_segment.py linked_parts).
WITH_WORDS = re.compile(
    r"\s*\b(?:together with|in partnership with|with|avec|en partenariat avec|con|junto con|com)\b\s*", re.I
)
SYMBOLS = re.compile(r"\s*[/&+]\s*")
AND_WORDS = re.compile(r"\s*\b(?:and|including|via|et|y|e)\b\s*", re.IGNORECASE)
LINKED_SEPARATORS = (WITH_WORDS, SYMBOLS, AND_WORDS)
ANY_SEPARATOR = re.compile("|".join(p.pattern for p in (STRONG_SEPARATORS, *LINKED_SEPARATORS)), re.IGNORECASE)
MEMBER_PREFIX = re.compile(r"\b(?:members?|partners?)\s*:", re.IGNORECASE)
# Bracketed asides that say how or from where, not who: "(to be identified)", "(from UN/NGOs)", "(lead)".
QUALIFIERS = re.compile(
    r"\((?:to be|tbc|tbd|from|as|if|where|when|co-?leads?|co-?chairs?|leads?|convener|chairs?|cla)\b[^)]*\)?"
    r"|\([^()]*\b(?:co-?leads?|leads?|lead agency|co-?chairs?|chef de file|l[ií]der|secr[ée]tariat)\)"
    r"|\bfrom\s+UN\s*(?:/|and|&)\s*NGOs?\)?",
    re.IGNORECASE,
)
SQUARE_OR_CURLY = str.maketrans("[]{}", "()()")
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
NAME_LINKS = frozenset(("of", "for", "de", "du", "des", "del", "da", "do", "dos", "das", "pour", "para", "d", "l"))


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


def protected_spans(text: str, registry: Registry) -> list[Span]:
    """Spans of registry names that contain a separator ("M&E Specialist", "RC/HC"), never split."""
    return [(start, end) for start, end in name_spans(text, registry) if ANY_SEPARATOR.search(text[start:end])]


def clean_cell(cell: str, registry: Registry, context: ContextLike = None) -> str:
    """A cell without member prefixes, qualifying asides and notes ("DRC Member: Amel" -> "DRC, Amel",
    "WHO (Cluster Lead Agency)" -> "WHO"), and its wrapped lines joined."""
    text = MEMBER_PREFIX.sub(",", cell.translate(SQUARE_OR_CURLY))
    text = bracket_notes(QUALIFIERS.sub(" ", text), registry, context)
    return join_wrapped_lines(text, registry, context)


def bracket_notes(text: str, registry: Registry, context: ContextLike) -> str:
    """Brackets read: an acronym stays with the name before it ("Rural Aid Network (RAN)", "IOM (DTM)"); a
    list, another registry organisation, or what follows no name are mentions of their own; anything else
    (a place, the body an organisation leads, a unit, a remark) is a note on the name before it, dropped."""

    def read(match: re.Match[str]) -> str:
        inside = match["inside"].strip(EDGE_PUNCTUATION)
        before = STRONG_SEPARATORS.split(text[: match.start()])[-1].strip(EDGE_PUNCTUATION)
        if not inside:
            return " "
        if LIST_INSIDE.search(inside) or not before or is_non_actor(before):
            return f" , {inside} , "
        if is_acronym_like(inside):
            return f" ({inside})"
        return f" , {inside} , " if is_other_actor(inside, before, registry, context) else " "

    return BRACKETED.sub(read, text)


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
        across_name = any(start <= match.start() < end for start, end in name_spans(joined, registry))
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
    return lower_start and not is_non_actor(after) and not is_known_mention(after, registry, context)


def cell_chunks(text: str, registry: Registry, context: ContextLike) -> list[str]:
    """A cleaned cell cut at its strong separators, the words after a comma inside a name joined again."""
    chunks = split_outside(text, STRONG_SEPARATORS, protected_spans(text, registry))
    joined: list[str] = []
    for index, chunk in enumerate(chunks):
        after = joined and after_comma(text, joined[-1], chunk)
        if after and continues_name(joined[-1], chunks[index:], registry, context):
            joined[-1] = f"{joined[-1]}, {chunk}"
        else:
            joined.append(chunk)
    return joined


def after_comma(text: str, first: str, second: str) -> bool:
    """Whether the text has the second chunk right after the first with only a comma between."""
    return bool(re.search(re.escape(first) + r"\s*,\s*" + re.escape(second), text))


def continues_name(first: str, rest: list[str], registry: Registry, context: ContextLike) -> bool:
    """Whether the words after a comma (rest[0], the chunks after it following) go on with an unknown
    organisation's name: they open with a connector ("Ministère de la Solidarité, de l'Action Humanitaire"),
    say where ("Ministry of Health, Kassala State"), or belong to an enumeration of what the name covers, closed
    by "and" ("Ministry of Reconstruction, Rehabilitation and Resettlement", "MENA Organization for Services,
    Advocacy, Integration & Capacity Building"). An acronym or a registry name after the comma is another
    organisation, and so is any name after an acronym."""
    second = rest[0]
    if is_known_mention(first, registry, context) or not reads_as_organisation(first) or is_non_actor(second):
        return False
    words = name_key(second).split()
    if words[:1] and words[0] in CONNECTORS and second[:1].islower():
        return True
    if is_acronym_like(first) or not is_plain_words(second, registry, context):
        return False
    if is_area(second):
        return True
    run = list(itertools.takewhile(lambda chunk: is_plain_words(chunk, registry, context), rest))
    closing = next((chunk for chunk in run if NAME_CONJUNCTIONS & set(name_key(chunk).split())), None)
    if closing is None or len(run[: run.index(closing) + 1]) > MAX_ENUMERATION:
        return False
    first_words = set(name_key(first).split())
    return bool(NAME_LINKS & first_words) or (
        organisation_type(first) is None and organisation_type(closing) is not None
    )


def is_plain_words(chunk: str, registry: Registry, context: ContextLike) -> bool:
    """Whether a chunk is a few words naming no organisation of their own: no acronym, no "Name (ACR)", no
    registry name in it."""
    if len(chunk.split()) > MAX_PLAIN_WORDS or split_name_acronym(chunk)[1] or is_non_actor(chunk):
        return False
    if any(is_acronym_like(word) for word in chunk.split()):
        return False
    parts = re.split(r"\s*(?:&|\band\b)\s*", chunk)
    return not any(resolves_as_registry_name(part, registry, context) for part in parts)


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
        parts = [chunk] if is_non_actor(chunk) else ANY_SEPARATOR.split(chunk)
        found += [part.strip(EDGE_PUNCTUATION) for part in parts if part.strip(EDGE_PUNCTUATION) and is_non_actor(part)]
    return found
