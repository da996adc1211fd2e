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
  (<place>, <town>)").

Never a complete organisation name: an organisation word of its own (Association, Foundation, Ministry...) or an
acronym that is no unit's keeps the piece a mention of its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from normalizers.actor_provisional import ROLE_SEPARATOR
from normalizers.actor_registry import Registry, is_written_acronym, name_key
from normalizers.actor_resolve import MAX_WHERE, is_unknown_town, spells, spells_loosely
from normalizers.actor_words import (
    NAME_LINKS,
    is_headed_name,
    is_not_actor,
    is_place,
    organisation_type,
    phrase_pattern,
    split_name_acronym,
    vocab_words,
)
from normalizers.country import compass_words
from normalizers.model import ActorRef

AS_FOUND = ("exact", "alias", "fuzzy")  # a registry actor read in a cell
NOTE_SEPARATOR = re.compile(r"(?:\s[-–—]\s*|\s*/\s*|\s*,\s*|\s*\(\s*)$")  # before a note: dash, slash, comma, bracket
SLASH = re.compile(r"\s*/\s*$")
BRACKET_LIST = re.compile(r"[,;/]")  # between the items of a bracketed list
# the words before a dash, back to the cell's last list separator: "<collective> – " or "<collective of> <town>–"
DASHED_TAIL = re.compile(r"(?P<collective>[^,;/\n|]+?)\s*[-–—]\s*$")
MAX_PLACE_WORDS = 2  # words of the place after an organisation's own acronym ("<ACR> <Region>")


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
        ):
            continue  # part of the mention before it
        done.append(ref)
    return done


def is_place_among_places(ref: ActorRef, cell: str, registry: Registry) -> bool:
    """Whether a provisional piece is one of a bracketed list that holds a known place, and reads as a town
    itself ("<Name> (<place>, <town>)"): where the organisation works, no organisation."""
    cut = cell.find(ref.raw)
    opening = cell.rfind("(", 0, cut) if cut > 0 else -1
    closing = cell.find(")", cut)
    if opening < 0 or closing < 0 or ")" in cell[opening:cut]:
        return False
    items = [item.strip() for item in BRACKET_LIST.split(cell[opening + 1 : closing])]
    town = is_unknown_town(ref.raw, registry) and not is_headed_name(ref.raw)
    return ref.raw in items and town and any(is_place(item) for item in items if item != ref.raw)


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
    if before.actor_id and is_own_acronym_and_place(name, before.raw):
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
