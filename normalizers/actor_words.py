"""What the words of a mention say before any registry lookup: no one (a collective, a type label, a
placeholder), a piece of a name, or an organisation's name; read from the `[not_actors]` and
`[organisation_words]` tables of data/vocab/<lang>.toml."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from normalizers.actor_registry import is_acronym_like, name_key
from normalizers.country import country_forms
from normalizers.vocab import section

# A name and its acronym in brackets: "Rural Health Development Organisation (RHDO)".
NAME_WITH_ACRONYM = re.compile(r"^(?P<name>[^()]*\w[^()]*?)\s*\((?P<acronym>[^\s()]{2,12})\)$")
# A quarter, month or year range written like an acronym ("Q1-Q2", "H2", "2025"): a period, not a name.
PERIOD_LIKE = re.compile(r"^(?:[qhst]\d(?:\s*\d{2,4})?(?:\s+[qhst]?\d)*|\d[\d\s]*)$")
ACRONYM_LETTERS = re.compile(r"[A-Za-zÀ-ÿ]")
# An acronym alone, unknown, is an organisation from four letters ("CNARR"); shorter ones are as often a
# known acronym misread ("WIF" for WFP) and wait for review. "Name (ABC)" has no such floor.
MIN_BARE_ACRONYM_LETTERS = 4
MAX_NAME_WORDS = 14  # longer capitalised runs are sentences (a title, a heading), not one name
# Words a name may hold in lower case: connectors and articles of the four languages.
CONNECTORS = frozenset(
    ("of", "for", "and", "the", "in", "on", "to", "de", "du", "des", "la", "le", "les", "et", "pour", "en", "y")
    + ("del", "los", "las", "el", "para", "da", "do", "dos", "das", "e", "com", "a", "au", "aux", "l", "d", "&")
    + ("contra", "sin", "sans", "sem", "por", "par", "against", "without", "with", "at", "from", "sur", "al")
    + ("em", "na", "no", "nos", "nas", "with", "by", "an", "un", "une", "una", "um", "uma", "sobre", "entre")
)
# The type an organisation word suggests; checked in this order, so "Ministry ... Association" is government.
TYPE_ORDER = ("government", "coordination_body", "other")


@cache
def vocab_words(table: str, key: str) -> frozenset[str]:
    """One word list of the vocabulary, as name keys, merged over the languages."""
    return frozenset(name_key(word) for word in section(table).get(key, []))


@cache
def phrase_pattern(table: str, key: str) -> re.Pattern[str]:
    """Any phrase of a word list as whole words of a name key, longest first."""
    phrases = sorted(vocab_words(table, key), key=len, reverse=True)
    return re.compile(r"(?<!\S)(?:" + "|".join(map(re.escape, phrases)) + r")(?!\S)")


def is_not_actor(mention: str) -> bool:
    """Whether a mention names no one: a placeholder, an organisation-type label, or a collective with at most
    qualifiers, sector and place words around it ("partners", "WASH partners", "ONG locales", "TBD")."""
    key = name_key(mention)
    if not key:
        return True
    listed = ("placeholders", "organisation_types", "plans")
    if any(key in vocab_words("not_actors", table) for table in listed) or PERIOD_LIKE.match(key):
        return True
    if not phrase_pattern("not_actors", "collectives").search(key):
        return False
    rest = phrase_pattern("not_actors", "collectives").sub(" ", key)
    rest = phrase_pattern("not_actors", "sector_words").sub(" ", rest)
    allowed = vocab_words("not_actors", "qualifiers") | CONNECTORS
    return all(word in allowed for word in rest.split())


def is_fragment(piece: str) -> bool:
    """Whether a piece is only part of a name: a sector word, connectors, one fragment word with connectors
    ("Federal", "Global", "Ministry of", "United Nations"), never an organisation alone."""
    key = name_key(piece)
    fragments = vocab_words("not_actors", "fragments") | vocab_words("not_actors", "sector_words")
    if not key or key in fragments:
        return True
    words = [word for word in key.split() if word not in CONNECTORS]
    return len(words) <= 1 and all(word in fragments for word in words)


def is_place(text: str) -> bool:
    """Whether a text is a country's name or adjective, or a place name of data/countries.csv."""
    names, places = country_forms()
    return name_key(text) in names or name_key(text) in places


def split_name_acronym(mention: str) -> tuple[str, str | None]:
    """A mention's name and its bracketed acronym ("Name (ACR)"), or the mention and None."""
    match = NAME_WITH_ACRONYM.match(mention.strip())
    if match and is_acronym_like(match["acronym"]):
        return match["name"].strip(), match["acronym"]
    return mention.strip(), None


def organisation_type(name: str) -> str | None:
    """The actor type an organisation word of the name suggests (government, coordination_body, other), or
    None when the name has no organisation word."""
    key = name_key(name)
    for actor_type in TYPE_ORDER:
        if phrase_pattern("organisation_words", actor_type).search(key):
            return actor_type
    return None


def is_capitalised_name(name: str) -> bool:
    """Whether every word of a name is capitalised, a connector or a number: "Rural Health Development Fund"
    yes, "support to partners" no."""
    words = [word for word in re.split(r"[\s/-]+", name) if ACRONYM_LETTERS.search(word)]
    if not words or len(words) > MAX_NAME_WORDS:
        return False
    return all(word[:1].isupper() or word[:1].isdigit() or name_key(word) in CONNECTORS for word in words)


def is_complete_name(mention: str) -> bool:
    """Whether an unknown piece of a cell stands as one organisation's whole name, so a cell may be split
    around it: an acronym, a name with its acronym, or a capitalised name of two words or more with an
    organisation word ("Rural Health Network"; not "Rural Health", which may be the start of a name)."""
    name, acronym = split_name_acronym(mention)
    if not reads_as_organisation(mention):
        return False
    content = [word for word in name.split() if name_key(word) not in CONNECTORS]
    return bool(acronym) or is_acronym_like(name) or (organisation_type(name) is not None and len(content) >= 2)


def reads_as_organisation(mention: str) -> bool:
    """Whether an unknown mention reads as one organisation's name: an acronym, a capitalised name with an
    organisation word, a capitalised name of two words or more, a name with its acronym, or a name opening
    with a capital and holding an organisation word ("Zone de santé de Goma", "Association des femmes")."""
    name, acronym = split_name_acronym(mention)
    if is_not_actor(name) or is_place(name) or (is_fragment(name) and not acronym):
        return False
    letters = ACRONYM_LETTERS.findall(name)
    if is_acronym_like(name):
        return len(letters) >= MIN_BARE_ACRONYM_LETTERS and name.upper() == name
    if not is_capitalised_name(name):
        return name[:1].isupper() and organisation_type(name) is not None and len(name.split()) <= MAX_NAME_WORDS
    content = [word for word in name.split() if name_key(word) not in CONNECTORS]
    return bool(acronym) or organisation_type(name) is not None or len(content) >= 2


# "IM unit of UNHCR", "Coordinador del Clúster de Salud": a role before its body, linked by these words.
ROLE_LINKS = r"(?:of|for|de|du|des|del|da|do|dos|das)(?:\s+(?:the|la|l'|los|las|el|a|o))?"


def unaccented(text: str) -> str:
    """The text with accents dropped, character for character (positions stay those of the text)."""
    return "".join(unicodedata.normalize("NFKD", char)[:1] for char in text)


@cache
def role_patterns() -> tuple[tuple[re.Pattern[str], re.Pattern[str], str], ...]:
    """(suffix pattern, prefix pattern, canonical role) per written role form, longest forms first."""
    forms = [(form, role) for role, written in section("actor_roles").items() for form in written]
    patterns = []
    for form, role in sorted(forms, key=lambda pair: -len(pair[0])):
        words = r"[\s-]+".join(map(re.escape, re.split(r"[\s-]+", unaccented(form))))
        suffix = re.compile(rf"^(?P<body>.*\w)[\s,-]+(?:{words})$", re.IGNORECASE)
        prefix = re.compile(rf"^(?:{words})\s+{ROLE_LINKS}\s+(?P<body>\w.*)$", re.IGNORECASE)
        patterns.append((suffix, prefix, role))
    return tuple(patterns)


def split_role(mention: str) -> tuple[str, str] | None:
    """A mention naming a role of a body as (the body's text, the canonical role), or None:
    "WASH Cluster Coordinator" -> ("WASH Cluster", "coordinator"), "IM unit of UNHCR" -> ("UNHCR", "im-officer")."""
    text = mention.strip()
    plain = unaccented(text)
    for suffix, prefix, role in role_patterns():
        match = suffix.match(plain) or prefix.match(plain)
        if match:
            body = text[match.start("body") : match.end("body")].strip(" ,-")
            return (body, role) if body else None
    return None
