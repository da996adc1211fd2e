"""Notes after an organisation: words a cell writes after a registry organisation and a spaced dash, a slash, a comma
or a bracket that say which of its offices, units, sectors or posts is meant, or where it works. They are part of
that organisation's mention (tests/data/LABELS.md rules 1 and 2), never another provisional actor:

- a unit opening the words, then where it sits ("<agency> – Sub-office of <town>", "<mission> – Bureau de <town>");
- a sector of the compass, after a unit's acronym or not ("<mission> – <ACR> Sector North", "Secteur Ouest");
- a post ("<body> / <post title> <portfolio>": data/vocab `job_titles`);
- a known place, or a place and a site word ("<agency> – <town> camp"); after "<agency> <town>" and a slash,
  another town ("<agency> <town> / <town>");
- after any organisation, registry or provisional, its own acronym and a place ("<Name> – <ACR> <region>", the
  acronym spelling the name's initials), and a town in a bracketed list that holds a known place ("<Name>
  (<place>, <town>)");
- after any organisation, a site and its number ("<agency>, Camp <n>-<m>"), a level of the response with or
  without its region ("<AoR> – <Region> sub-national", "– sous-national": vocab `role_levels`), and an unknown
  acronym closing a cell of one organisation after a spaced dash ("<INGO> – <AREA>", "<District Government> –
  <SERVICE>"): the area, the unit or the organisation's own acronym, never a second organisation;
- in a bracket after a plural kind of body ("<committees> (<place>, <place>)", "<ACR>s (...)"), places: where the
  bodies sit; an acronym spelt out in the bracket after it as a collective names no one (LABELS.md rule 7);
- a family's name before a bracket of its members ("<family> (<agency>, <agency>)"): the members only.

Never a complete organisation name: an organisation word of its own (Association, Foundation, Ministry...) or an
acronym that is no unit's keeps the piece a mention of its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from normalizers.actor_provisional import ROLE_SEPARATOR
from normalizers.actor_registry import Registry, acronym_key, is_written_acronym, name_key
from normalizers.actor_resolve import MAX_WHERE, is_unknown_town, spells, spells_loosely
from normalizers.actor_shapes import LIST_ITEMS, bracket_of
from normalizers.actor_words import (
    NAME_LINKS,
    generic_words,
    is_headed_name,
    is_not_actor,
    is_place,
    kind_words,
    organisation_type,
    organisation_word_set,
    phrase_pattern,
    split_name_acronym,
    vocab_words,
)
from normalizers.country import compass_words
from normalizers.model import ActorRef

AS_FOUND = ("exact", "alias", "fuzzy")  # a registry actor read in a cell
NOTE_SEPARATOR = re.compile(r"(?:\s[-–—]\s*|\s*/\s*|\s*,\s*|\s*\(\s*)$")  # before a note: dash, slash, comma, bracket
SLASH = re.compile(r"\s*/\s*$")
BRACKET_AFTER = re.compile(r"\s*\((?P<inside>[^()]+)\)")  # a bracket right after a mention
PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")  # an acronym of a kind of body in the plural ("CMCs", "VDCs")
# the words before a dash, back to the cell's last list separator: "<collective> – " or "<collective of> <town>–"
DASHED_TAIL = re.compile(r"(?P<collective>[^,;/\n|]+?)\s*[-–—]\s*$")
MAX_PLACE_WORDS = 2  # words of the place after an organisation's own acronym ("<ACR> <Region>")
AREA_ACRONYM = re.compile(r"[A-Z]{2,4}")  # an area's abbreviation ("<INGO> – <AREA>")
DASH_BEFORE = re.compile(r"\s[-–—]\s*$")  # a spaced dash before a piece
SITE_NUMBER = re.compile(r"\d+[a-z]?(?:\s*[-–/]\s*\d+[a-z]?)*", re.IGNORECASE)  # "11", "11-12", "4B"
MAX_LEVEL_PLACE_WORDS = 3  # capitalised words of the region before a level word ("<Region> sub-national")


def without_notes(refs: Sequence[ActorRef], cell: str, registry: Registry) -> list[ActorRef]:
    """The refs of a cell less each provisional piece that is a note on the organisation or the collective before
    it."""
    done: list[ActorRef] = []
    for ref in refs:
        before = done[-1] if done else None
        if ref.method == "provisional" and (
            (before is not None and is_note_after(ref, before, cell, registry))
            or is_place_after_collective(ref, cell, registry)
            or is_place_among_places(ref, cell, registry)
            or is_place_of_collective(ref, cell)
            or is_acronym_of_collective(ref, cell)
        ):
            continue  # part of the mention before it
        if is_family_of_members(ref, refs, cell):
            continue  # its members, in the bracket after it, are named
        done.append(ref)
    return done


def is_acronym_of_collective(ref: ActorRef, cell: str) -> bool:
    """Whether a provisional acronym is spelt out in the bracket after it as a collective of unnamed bodies ("<ACR>
    (local emergency committees)"): no one named (tests/data/LABELS.md rule 7)."""
    inside = bracket_after(ref.raw, cell)
    return is_written_acronym(ref.raw.strip()) and inside is not None and is_not_actor(inside)


def bracket_after(raw: str, cell: str) -> str | None:
    """What the bracket right after a piece of a cell holds; None when no bracket follows it."""
    raw = raw.strip()
    after = BRACKET_AFTER.match(cell[cell.find(raw) + len(raw) :]) if raw in cell else None
    return after["inside"] if after else None


def is_family_of_members(ref: ActorRef, refs: Sequence[ActorRef], cell: str) -> bool:
    """Whether a mention is a family's name (the United Nations, the Red Cross and Red Crescent Movement: vocab
    `family_heads`) before a bracket whose every item is a registry actor of the cell ("<family> (<agency>,
    <agency>)", "<Movement> (<ICRC> / <society>)"): the members are named, the family word is no actor of its own."""
    inside = bracket_after(ref.raw, cell)
    if name_key(ref.raw) not in vocab_words("organisation_words", "family_heads") or inside is None:
        return False
    members = {name_key(other.raw) for other in refs if other is not ref and other.method in AS_FOUND}
    items = [name_key(item) for item in LIST_ITEMS.split(inside) if item.strip()]
    return bool(items) and all(item in members for item in items)


def is_place_among_places(ref: ActorRef, cell: str, registry: Registry) -> bool:
    """Whether a provisional piece is one of a bracketed list that holds a known place, and reads as a town
    itself ("<Name> (<place>, <town>)"): where the organisation works, no organisation."""
    found = bracket_of(ref.raw, cell)
    if found is None:
        return False
    town = is_unknown_town(ref.raw, registry) and not is_headed_name(ref.raw)
    return town and any(is_place(item) for item in found[1] if item != ref.raw.strip())


def is_place_of_collective(ref: ActorRef, cell: str) -> bool:
    """Whether a provisional piece is an item of a bracket after a collective of bodies ("<committees> (<place>,
    <place>)", "<ACR>s (<place>)": an acronym in the plural), each item capitalised words with no organisation or
    generic word and no acronym: where the bodies sit, no organisation (tests/data/LABELS.md rule 7)."""
    found = bracket_of(ref.raw, cell)
    if found is None:
        return False
    before, items = found
    head = before.split()[-1] if before.split() else ""
    collective = bool(PLURAL_ACRONYM.fullmatch(head)) or name_key(head) in collective_heads()
    return collective and all(is_place_words(item) for item in items)


def is_place_words(text: str) -> bool:
    """Whether words may be a place's: one to MAX_LEVEL_PLACE_WORDS region words."""
    words = text.split()
    return 0 < len(words) <= MAX_LEVEL_PLACE_WORDS and all(is_region_word(word) for word in words)


@cache
def collective_heads() -> frozenset[str]:
    """Plural kinds of body that make a collective of unnamed bodies ("committees", "comités", "conseils")."""
    return vocab_words("not_actors", "collective_heads_last") | vocab_words("not_actors", "collective_heads_first")


def is_place_after_collective(ref: ActorRef, cell: str, registry: Registry) -> bool:
    """Whether a provisional piece is a place written after a dash that closes words naming no one ("<site
    committees> – <town>", "<village chiefs> of the <town>–<town> road"): where the collective works (LABELS.md
    rule 7), no organisation."""
    cut = cell.find(ref.raw)
    before = DASHED_TAIL.search(cell[:cut]) if cut > 0 else None
    if before is None or ROLE_SEPARATOR in (ref.actor_id or ""):
        return False
    name = split_name_acronym(ref.raw)[0]
    town = len(name.split()) == 1 and is_unknown_town(name, registry)  # two unknown words may be a name
    return (is_place(name) or town) and is_not_actor(before["collective"])


def is_note_after(ref: ActorRef, before: ActorRef, cell: str, registry: Registry) -> bool:
    """Whether a provisional piece written after a separator says which office, unit, sector or post of the
    organisation before it is meant, or where it works (see the module's docstring)."""
    cut = cell.find(ref.raw)
    if cut <= 0 or ROLE_SEPARATOR in (ref.actor_id or "") or not NOTE_SEPARATOR.search(cell[:cut]):
        return False
    name = split_name_acronym(ref.raw)[0]
    if before.actor_id and (is_own_acronym_and_place(name, before.raw) or is_site_or_level(name)):
        return True
    if before.actor_id and is_closing_acronym(ref, before, cell, registry):
        return True
    actor = registry.actors.get(before.actor_id or "")
    if actor is None or before.method not in AS_FOUND:
        return False
    if actor.actor_type == "role":
        return is_post(name)  # "<post> / <its other title>"
    after_town = bool(SLASH.search(cell[:cut])) and ends_with_place(before.raw, registry)
    return (
        is_unit_and_place(name, registry)
        or is_compass_sector(name)
        or is_post(name)
        or is_place_note(name)
        or (after_town and is_unknown_town(name, registry) and not is_headed_name(name))
    )


def is_own_acronym_and_place(name: str, owner: str) -> bool:
    """Whether a piece is an organisation's own acronym, spelling the initials of its name before, and a place
    ("<Name> – <ACR> <region>")."""
    words = name.split()
    if not 1 < len(words) <= 1 + MAX_PLACE_WORDS or not is_written_acronym(words[0]):
        return False
    place = " ".join(words[1:])
    owner_name = split_name_acronym(owner)[0]
    spelt = spells(words[0], owner_name) or spells_loosely(words[0], owner_name)
    return (
        spelt
        and organisation_type(place) is None
        and all(word[:1].isupper() and not is_written_acronym(word) for word in words[1:])
    )


def is_site_or_level(name: str) -> bool:
    """Whether a piece is a site and its number ("Camp 11-12", "Zone 4") or a level of the response, after its
    region's capitalised words or alone ("<Region> sub-national", "sous-national"; vocab `role_levels`)."""
    words = name.split()
    sites = vocab_words("not_actors", "place_words")
    if len(words) > 1 and name_key(words[0]) in sites and SITE_NUMBER.fullmatch(" ".join(words[1:])):
        return True
    key = name_key(name)
    found = phrase_pattern("organisation_words", "role_levels").search(key)
    if found is None or found.end() != len(key):
        return False
    region = name.split()[: len(key[: found.start()].split())]
    return len(region) <= MAX_LEVEL_PLACE_WORDS and all(is_region_word(word) for word in region)


def is_region_word(word: str) -> bool:
    """Whether a word may be a region's: capitalised, no acronym, no organisation or generic word."""
    plain = name_key(word) not in generic_words() | kind_words() | organisation_word_set()
    return word[:1].isupper() and not is_written_acronym(word) and plain


def is_closing_acronym(ref: ActorRef, before: ActorRef, cell: str, registry: Registry) -> bool:
    """Whether a piece is an unknown acronym (no registry acronym) closing a cell of one organisation after a spaced
    dash: an area's abbreviation (two to four capitals) after a registry organisation or body ("<INGO> – <AREA>"), or
    a service's acronym after a government body ("<District Government> – <SERVICE>"): where it works or its unit
    (tests/data/LABELS.md rules 1 and 2). After an unknown acronym, another acronym is a second organisation."""
    raw = ref.raw.strip()
    cut = cell.rfind(raw)
    head = cell[:cut]
    if not is_written_acronym(raw) or registry.acronyms.get(acronym_key(raw)) or cell[cut + len(raw) :].strip():
        return False
    if not DASH_BEFORE.search(head) or name_key(DASH_BEFORE.sub("", head)) != name_key(before.raw):
        return False
    actor = registry.actors.get(before.actor_id or "")
    after_registry = actor is not None and before.method in AS_FOUND and actor.actor_type != "role"
    government = before.method == "provisional" and organisation_type(before.raw) == "government"
    return (after_registry and bool(AREA_ACRONYM.fullmatch(raw))) or government


def is_unit_and_place(name: str, registry: Registry) -> bool:
    """Whether a piece opens with a unit ("Sub-office", "Sous-bureau", "Field Office") and says where it sits
    after it, a link between or not ("Sub-office of <town>", "Field Office <town>")."""
    key = name_key(name)
    found = phrase_pattern("organisation_words", "units").match(key)
    if found is None:
        return False
    rest = key[found.end() :].split()
    if rest[:1] and rest[0] in NAME_LINKS:
        rest = rest[1:]
    if not 0 < len(rest) <= MAX_WHERE:
        return False
    place = " ".join(name.split()[-len(rest) :])
    return is_place(place) or is_unknown_town(place, registry)


def is_compass_sector(name: str) -> bool:
    """Whether a piece names a sector of the compass, after a unit's acronym or not ("<ACR> Sector West",
    "Secteur Nord")."""
    words = name.split()
    while words and is_written_acronym(words[0]):
        words = words[1:]
    keys = [name_key(word) for word in words]
    sectors = vocab_words("organisation_words", "compass_sectors")
    compass = compass_words()
    return (
        len(keys) >= 2
        and all(key in compass or key in sectors for key in keys)
        and any(key in compass for key in keys)
        and any(key in sectors for key in keys)
    )


def is_post(name: str) -> bool:
    """Whether a piece opens with a post's title and a few words of its portfolio at most ("<post> <portfolio>";
    data/vocab `job_titles`)."""
    found = phrase_pattern("not_actors", "job_titles").match(name_key(name))
    return found is not None and len(name_key(name)[found.end() :].split()) <= MAX_WHERE


def is_place_note(name: str) -> bool:
    """Whether a piece is a known place, or a known place and a site word ("<town> camp")."""
    if is_place(name):
        return True
    words = name.split()
    sites = vocab_words("not_actors", "place_words")
    return len(words) > 1 and name_key(words[-1]) in sites and is_place(" ".join(words[:-1]))


def ends_with_place(raw: str, registry: Registry) -> bool:
    """Whether a mention closes with a place after its organisation ("<agency> <town>")."""
    words = raw.split()
    return len(words) > 1 and (is_place(words[-1]) or is_unknown_town(words[-1], registry))
