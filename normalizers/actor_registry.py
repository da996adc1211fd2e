"""The curated actor registry: data/actors.csv, data/reviewed_aliases.csv and their name indexes."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache

from data import read_csv_rows

ACTOR_TYPES = ("un_agency", "ingo", "nngo", "government", "coordination_body", "role", "donor", "other")
# The marker a reviewer writes in reviewed_aliases.csv for a mention that names no actor.
NOT_ACTOR = "__not_actor__"
ALIAS_SEPARATOR = "|"
# A token with this many capitals is written as an acronym ("MoSA", "UN-Habitat", "IOM").
ACRONYM_MIN_CAPITALS = 2
ACRONYM_DROPPED = re.compile(r"[.\s\-]+|(?<=[A-Za-z])/(?=[A-Za-z])")
# A 0 or 1 touching a word of three letters or more is an OCR'd o or l ("Leban0n", "Peop1e"), not "RG1".
OCR_DIGIT_IN_WORD = re.compile(r"(?<=[A-Za-z]{3})[01]|(?<=[A-Za-z])[01](?=[A-Za-z])|[01](?=[A-Za-z]{3})")
OCR_DIGIT_LETTERS = {"0": "o", "1": "l"}
ISO3 = re.compile(r"[A-Z]{3}")
# The vowel signs and viramas of the Brahmic scripts (Devanagari to Sinhala, Thai, Lao, Tibetan, Myanmar, Khmer and
# the others of South and South-East Asia): letters of the word, not accents, so kept in a name key (dropped, two
# names differing only in their vowels would be one name).
BRAHMIC_BLOCKS = ((0x0900, 0x10A0), (0x1780, 0x1800), (0x1900, 0x1C00), (0xA8E0, 0xA900), (0xA980, 0xAB00))
BRAHMIC_MARKS = frozenset(
    char
    for start, end in BRAHMIC_BLOCKS
    for char in map(chr, range(start, end))
    if unicodedata.category(char).startswith("M")
)
NOT_NAME_CHARS = re.compile(f"[^\\w&{re.escape(''.join(sorted(BRAHMIC_MARKS)))}]+")
POSSESSIVE_APOSTROPHE = re.compile(r"(?<=\w)['’`](?=s\b)")  # "Women's" and "Womens" are written for one name
# Latin letters that Unicode decomposition leaves whole ("Kızılay", "Tromsø", "Łódź"): written as their base letters
UNDECOMPOSED = str.maketrans(
    {
        "ı": "i",
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
    }
)
# British spellings of words organisations' names share, as name keys read them: the American one.
AMERICAN_WORDS = {"organisation": "organization", "organisations": "organizations", "centre": "center"}
AMERICAN_WORDS |= {"centres": "centers", "organisational": "organizational"}
AMERICAN_SPELLING = re.compile(r"\b(?:" + "|".join(AMERICAN_WORDS) + r")\b")
NAME_KEY_CACHE = 1 << 16  # the registry's forms and words, and the mentions of a batch
USER_ACTORS = "user_actors.csv"  # a user's own actors and names, merged by `workplans registry import`
OVERLAID_FIELDS = ("name", "acronym", "actor_type", "country", "parent_id")  # what a user row may replace
# The columns of data/actors.csv.
ACTOR_COLUMNS: tuple[str, ...] = ("actor_id", "name", "acronym", "actor_type", "country", "aliases", "parent_id")
ACTOR_COLUMNS += ("iati_org_type", "source")
WELL_KNOWN_SOURCES = ("curated", "IATI", "IASC")  # data/ACTORS_SOURCES.md: sources of widely known names


@dataclass(frozen=True)
class Actor:
    """One canonical actor of the registry."""

    actor_id: str
    name: str
    acronym: str | None
    actor_type: str
    aliases: tuple[str, ...] = ()
    parent_id: str | None = None
    iati_org_type: str | None = None
    country: str | None = None  # ISO 3166 alpha-3 of a national body (ministry, national NGO, country cluster)
    provisional: bool = False  # read from a document, not (yet) in the registry
    source: str | None = None  # where the registry row comes from (data/ACTORS_SOURCES.md)

    @property
    def is_well_known(self) -> bool:
        """Whether the actor comes from a curated list or an international codelist, so a near miss of its names is
        likely a typo; a row only listed by HDX HAPI's operational presence or a user's import is a small body
        whose near namesakes are other bodies as often as not."""
        return any(source in (self.source or "") for source in WELL_KNOWN_SOURCES)

    @property
    def forms(self) -> tuple[str, ...]:
        """Every written form of the actor: canonical name, acronym, aliases."""
        return tuple(form for form in (self.name, self.acronym, *self.aliases) if form)


@dataclass(eq=False)  # compared and hashed by identity: one registry per process, cached matchers
class Registry:
    """The actors and indexes from each written form to the actor ids it can mean."""

    actors: dict[str, Actor]
    reviewed: dict[str, str] = field(default_factory=dict)  # name_key(raw) -> actor_id or NOT_ACTOR
    names: dict[str, set[str]] = field(default_factory=dict)  # name_key(form) -> actor ids
    acronyms: dict[str, set[str]] = field(default_factory=dict)  # acronym_key(form) -> actor ids
    fuzzy_names: dict[str, set[str]] = field(default_factory=dict)  # fuzzy_key(name form) -> actor ids
    fuzzy_words: dict[str, tuple[str, ...]] = field(default_factory=dict)  # fuzzy_key -> its words' keys
    first_words: dict[str, set[str]] = field(default_factory=dict)  # first word of a multi-word name -> actor ids
    folded_names: dict[str, set[str]] = field(default_factory=dict)  # name key less its function words -> actor ids
    # (filled on first use from the vocabulary: normalizers/actor_resolve.py folded_candidates)

    def __post_init__(self) -> None:
        for actor in self.actors.values():
            for form in actor.forms:
                index, key = self.index_for(form)
                index.setdefault(key, set()).add(actor.actor_id)
                if index is self.names:
                    fuzzy = fuzzy_key(form)
                    self.fuzzy_names.setdefault(fuzzy, set()).add(actor.actor_id)
                    if fuzzy not in self.fuzzy_words:
                        self.fuzzy_words[fuzzy] = fuzzy_word_keys(form)
                    self.index_first_word(key, actor.actor_id)

    def index_first_word(self, key: str, actor_id: str) -> None:
        """Index a multi-word name by its first word ("sphere" -> Sphere Association)."""
        words = key.split()
        if len(words) > 1:
            self.first_words.setdefault(words[0], set()).add(actor_id)

    def index_for(self, form: str) -> tuple[dict[str, set[str]], str]:
        """The index a form belongs to (acronyms compare by capitals, names by words) and its key."""
        if is_acronym_like(form):
            return self.acronyms, acronym_key(form)
        return self.names, name_key(form)

    def is_canonical(self, actor_id: str, form: str) -> bool:
        """Whether a form is the actor's canonical name or acronym (method exact) rather than an alias."""
        actor = self.actors[actor_id]
        return form in {name_key(actor.name), acronym_key(actor.acronym or "")}


@lru_cache(maxsize=NAME_KEY_CACHE)
def name_key(text: str) -> str:
    """A name reduced for comparison: lower case, no accents, punctuation and extra spaces gone (a possessive's
    apostrophe with no space left: "Women's" and "Womens" one key), British and American spellings of a name's
    common words made one ("Organisation" and "Organization", "Centre" and "Center"); the vowel signs of the
    Brahmic scripts kept with their letters (they spell the word)."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(UNDECOMPOSED))
        text = "".join(char for char in text if not unicodedata.combining(char) or char in BRAHMIC_MARKS)
    key = " ".join(NOT_NAME_CHARS.sub(" ", POSSESSIVE_APOSTROPHE.sub("", text.lower())).replace("_", " ").split())
    return AMERICAN_SPELLING.sub(american_word, key) if "isation" in key or "centre" in key else key


def american_word(match: re.Match[str]) -> str:
    """The American spelling of a British word of a name key."""
    return AMERICAN_WORDS[match.group()]


def compact_key(text: str) -> str:
    """A name key without spaces, so split or run-together words compare equal."""
    return name_key(text).replace(" ", "")


def fuzzy_key(text: str, rn_as_m: bool = True) -> str:
    """A compact key with OCR confusions undone: digits inside words as letters, "rn" as "m" (unless told not:
    a typed "Childern" is "Children" with two letters swapped, not "Childem")."""
    letters = compact_key(OCR_DIGIT_IN_WORD.sub(lambda match: OCR_DIGIT_LETTERS[match.group()], text))
    return letters.replace("rn", "m") if rn_as_m else letters


def fuzzy_word_keys(text: str) -> tuple[str, ...]:
    """The fuzzy key of each word of a name."""
    return tuple(fuzzy_key(word) for word in name_key(text).split())


def acronym_key(text: str) -> str:
    """An acronym reduced for comparison: capitals, no dots, spaces, hyphens or slashes between letters ("MOSA" =
    "MoSA", "<A>/<B>" = "<A>-<B>")."""
    return ACRONYM_DROPPED.sub("", text).upper()


def is_acronym_like(text: str) -> bool:
    """One word written as an acronym: two capitals or more, or nothing but capitals."""
    if not text or " " in text.strip():
        return False
    letters = [char for char in text if char.isalpha()]
    capitals = sum(char.isupper() for char in letters)
    return bool(letters) and (capitals >= ACRONYM_MIN_CAPITALS or capitals == len(letters))


def is_written_acronym(word: str) -> bool:
    """Whether a word is written as an acronym, not a hyphenated place or name of capitalised words ("Fort-Dauphin",
    "Port-au-Prince", "Nord-Kivu" are no acronyms; "NWS", "RICE-WN", "APC/CZA" are)."""
    parts = [part for part in re.split(r"[-/]", word) if part]
    return is_acronym_like(word) and any(len(part) > 1 and part.isupper() for part in parts)


def row_to_actor(row: dict[str, str]) -> Actor:
    """One row of actors.csv as an Actor."""
    actor_type = row.get("actor_type") or "other"
    if actor_type not in ACTOR_TYPES:
        raise ValueError(f"actor {row['actor_id']!r}: unknown actor_type {actor_type!r}")
    return Actor(
        actor_id=row["actor_id"],
        name=row["name"],
        acronym=row.get("acronym") or None,
        actor_type=actor_type,
        aliases=tuple(alias for alias in (row.get("aliases") or "").split(ALIAS_SEPARATOR) if alias),
        parent_id=row.get("parent_id") or None,
        iati_org_type=row.get("iati_org_type") or None,
        country=country_code(row),
        source=row.get("source") or None,
    )


def country_code(row: dict[str, str]) -> str | None:
    """A row's country as ISO 3166 alpha-3 (three capitals), None when blank."""
    country = (row.get("country") or "").strip()
    if country and not ISO3.fullmatch(country):
        raise ValueError(f"actor {row['actor_id']!r}: country {country!r} is not ISO 3166 alpha-3")
    return country or None


def reviewed_decisions(actors: dict[str, Actor]) -> dict[str, str]:
    """The reviewed aliases whose decision still names a registry actor (or NOT_ACTOR)."""
    return {
        name_key(row["raw"]): row["actor_id"]
        for row in read_csv_rows("reviewed_aliases.csv")
        if row.get("raw") and (row.get("actor_id") == NOT_ACTOR or row.get("actor_id") in actors)
    }


def overlaid_actors(base: list[dict[str, str]], user: list[dict[str, str]]) -> dict[str, Actor]:
    """The registry's actors with a user's own rows laid over them (`workplans registry import`): a new id adds
    an actor; a known id adds its aliases and replaces the fields the row fills in (the import writes those
    only when asked to replace them)."""
    actors = {actor.actor_id: actor for actor in map(row_to_actor, base)}
    for row in user:
        known = actors.get(row["actor_id"])
        actors[row["actor_id"]] = overlay(known, row) if known else row_to_actor(row)
    return actors


def overlay(actor: Actor, row: dict[str, str]) -> Actor:
    """An actor with a user row's aliases added and its filled-in fields replacing the actor's."""
    merged = actor_row(actor) | {field: row[field] for field in OVERLAID_FIELDS if row.get(field)}
    aliases = (*actor.aliases, *(row.get("aliases") or "").split(ALIAS_SEPARATOR))
    merged["aliases"] = ALIAS_SEPARATOR.join(dict.fromkeys(filter(None, aliases)))
    return row_to_actor(merged)


def actor_row(actor: Actor) -> dict[str, str]:
    """An actor as a row of actors.csv."""
    aliases = ALIAS_SEPARATOR.join(actor.aliases)
    values = (actor.actor_id, actor.name, actor.acronym, actor.actor_type, actor.country, aliases)
    values_rest = (actor.parent_id, actor.iati_org_type, actor.source)
    return dict(zip(ACTOR_COLUMNS, (value or "" for value in (*values, *values_rest)), strict=True))


@cache
def load_actors() -> dict[str, Actor]:
    """The actors of data/actors.csv and a user's data/user_actors.csv by id, read once per process (without
    the registry's match indexes, which take longer to build than the files to read)."""
    return overlaid_actors(read_csv_rows("actors.csv"), read_csv_rows(USER_ACTORS))


@cache
def load_registry() -> Registry:
    """The registry of data/actors.csv, a user's data/user_actors.csv and data/reviewed_aliases.csv, read once
    per process."""
    actors = load_actors()
    return Registry(actors, reviewed=reviewed_decisions(actors))


def in_scope(actor_ids: set[str], registry: Registry, country: str | None) -> set[str]:
    """The actors a document of this country may name: global ones, and its own country's."""
    return {actor_id for actor_id in actor_ids if registry.actors[actor_id].country in (None, country)}
