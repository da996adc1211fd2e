"""What the words of a mention say before any registry lookup: no one (a collective, a type label, a
placeholder), a piece of a name, or an organisation's name; read from the `[not_actors]` and
`[organisation_words]` tables of data/vocab/<lang>.toml."""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import cache

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from normalizers.actor_matcher import ARTICLES
from normalizers.actor_registry import Registry, acronym_key, is_acronym_like, load_registry, name_key
from normalizers.country import compass_words, country_forms
from normalizers.vocab import section

# A name and its acronym in brackets: "Rural Health Development Organisation (RHDO)".
NAME_WITH_ACRONYM = re.compile(r"^(?P<name>[^()]*\w[^()]*?)\s*\((?P<acronym>[^\s()]{2,12})\)$")
# A quarter, month or year range written like an acronym ("Q1-Q2", "H2", "2025"): a period, not a name.
PERIOD_LIKE = re.compile(r"^(?:[qhst]\d(?:\s*\d{2,4})?(?:\s+[qhst]?\d)*|\d[\d\s]*)$")
LEADING_NUMBER = re.compile(r"^\d+\s+(?=\D)")
ACRONYM_LETTERS = re.compile(r"[A-Za-zÀ-ÿ]")
ALPHANUMERIC = re.compile(r"[A-Za-zÀ-ÿ0-9]")
# An acronym alone, unknown, is an organisation from three capitals ("RRC", "CNARR"); a known acronym one
# letter off goes to review before this is asked (normalizers/actor_resolve.py). "Name (ABC)" has no floor.
MIN_BARE_ACRONYM_LETTERS = 3
MIN_MIXED_ACRONYM_LETTERS = 4  # "MoPHP", "SoDMA"; a shorter mixed-case word ("CiC", "NoK") is too often a word...
MINISTRY_ACRONYM = re.compile(r"Mo[A-Z]{1,2}")  # ... but "Mo" and capitals is a Ministry of ("MoH", "MoE", "MoWA")
MIN_PROPER_WORD_LETTERS = 4  # one capitalised word names an organisation from four letters ("Goal", "Amel")
MIN_NEAR_NOT_ACTOR = 6  # shorter collectives ("ngo", "all") are compared exactly only
NEAR_NOT_ACTOR_EDITS = 2  # one or two letters off a collective ("Implementing Parners"), never a word more...
TWO_EDIT_NOT_ACTOR = 10  # ... two from ten letters: one word two letters off a collective is another word ("Social")
MAX_NAME_WORDS = 14  # capitalised runs of more words (connectors aside) are sentences (a title), not one name
ELIDED = re.compile(r"^[dlDL]['’](?=\w)")  # "d'Ivoire", "l'Enfance": the word after an elided connector
# Words a name may hold in lower case: connectors and articles of the four languages.
CONNECTORS = frozenset(
    ("of", "for", "and", "the", "in", "on", "to", "de", "du", "des", "la", "le", "les", "et", "pour", "en", "y")
    + ("del", "los", "las", "el", "para", "da", "do", "dos", "das", "e", "com", "a", "au", "aux", "l", "d", "&")
    + ("contra", "sin", "sans", "sem", "por", "par", "against", "without", "with", "at", "from", "sur", "al")
    + ("em", "na", "no", "nos", "nas", "with", "by", "an", "un", "une", "una", "um", "uma", "sobre", "entre")
)
# Words that join the names of a list ("UNDP and UNICEF", "OIM avec HCR").
LIST_WORDS = frozenset(("and", "et", "y", "e", "&", "with", "avec", "con", "com"))
# Words between the partners and the body they are of ("partenaires de l'UNICEF", "socios del PMA").
PARTNERS_OF_LINKS = frozenset(("of", "the", "de", "du", "des", "del", "la", "l", "da", "do", "das", "dos"))
# Connectors that never open a name, written in lower case (articles may: "the Ministry", "la Strada").
LINKING_WORDS = LIST_WORDS | {"of", "for", "de", "du", "des", "pour", "del", "para", "da", "do", "dos", "das"}
LINKING_WORDS |= {"sans", "sin", "sem", "without"}
# Words linking a name's head to what follows ("Council of Churches"): a plural after them is no collective.
# "<collective> in <Place>": a head, a locative or "of" (an article after it or not), one to three capitalised words
COLLECTIVE_IN_PLACE = re.compile(
    r"^(?P<head>.+?)\s+(?:in|at|en|dans|à|a|em|no|na|of|de|du|des|del|da|do)\s+(?:(?:the|la|le|les|el|los|las|o|a)\s+|l['’])?"
    r"(?P<place>[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,2})$"
)
NAME_LINKS = frozenset(("of", "for", "de", "du", "des", "del", "da", "do", "dos", "das", "pour", "para", "d", "l"))
# The type an organisation word suggests; checked in this order, so "Ministry ... Association" is government.
TYPE_ORDER = ("government", "coordination_body", "other")
MIN_LOWER_NAME = 3  # words of a name typed in lower case beside connectors ("fundacion esperanza del sur")
MIN_LOWER_OWN = 1  # ... of which a word of its own, no sector or kind word ("association des femmes rurales": no)


@cache
def vocab_words(table: str, key: str) -> frozenset[str]:
    """One word list of the vocabulary, as name keys, merged over the languages."""
    return frozenset(name_key(word) for word in section(table).get(key, []))


@cache
def phrase_pattern(table: str, key: str) -> re.Pattern[str]:
    """Any phrase of a word list as whole words of a name key, longest first."""
    phrases = sorted(vocab_words(table, key), key=len, reverse=True)
    return re.compile(r"(?<!\S)(?:" + "|".join(map(re.escape, phrases)) + r")(?!\S)")


def word_acronyms() -> frozenset[str]:
    """Words that are also registry acronyms, read as words unless a list in lower case says otherwise."""
    return vocab_words("not_actors", "word_acronyms")


def is_not_actor(mention: str) -> bool:
    """Whether a mention names no one: a placeholder, an organisation-type label, or a collective with at most
    qualifiers, sector and place words around it ("partners", "WASH partners", "ONG locales", "TBD")."""
    key = LEADING_NUMBER.sub("", name_key(mention))  # "5 partners", "3 ONG locales"
    if not key:
        return True
    listed = ("placeholders", "organisation_types", "plans")
    if any(key in vocab_words("not_actors", table) for table in listed) or PERIOD_LIKE.match(key):
        return True
    if is_plural_kind(mention) or is_partners_of_body(key) or is_collective_in_place(mention):
        return True
    if is_members_of_unnamed_body(key):
        return True
    if not phrase_pattern("not_actors", "collectives").search(key) or is_named_collective(key):
        return False
    rest = phrase_pattern("not_actors", "collectives").sub(" ", key)
    rest = phrase_pattern("not_actors", "sector_words").sub(" ", rest)
    allowed = vocab_words("not_actors", "qualifiers") | CONNECTORS
    return all(word in allowed for word in rest.split())


def is_members_of_unnamed_body(key: str) -> bool:
    """Whether a name key is a body's members, the member word closing it ("<working group> members", "<comité>
    membres"), the body no registry name: the members, no one named (LABELS.md rule 7). A registry body's members
    are read as the body, as the earlier labelled set reads them ("<registry group> members")."""
    words = key.split()
    if len(words) < 2 or words[-1] not in vocab_words("not_actors", "member_words") or words[-2] in CONNECTORS:
        return False  # "<body> with members": the body and a collective
    qualifiers = vocab_words("not_actors", "qualifiers")
    bodies = {" ".join(words[:-1]), " ".join(word for word in words[:-1] if word not in qualifiers)} - {""}
    registry = load_registry()
    named = {key, *bodies} & registry.names.keys() or any(acronym_key(body) in registry.acronyms for body in bodies)
    return bool(bodies) and not named


def is_collective_in_place(mention: str) -> bool:
    """Whether a mention is a collective and where it works, after a locative or "of" ("<CBOs> in <town>", "<ONG
    locales> du <région>", "<partenaires> de l'<compass point>"): no one, as the collective alone (LABELS.md rule
    7); never a registry name ("Partners in <sector>"), nor a place of generic or organisation words."""
    found = COLLECTIVE_IN_PLACE.match(" ".join(mention.split()))
    if found is None or name_key(mention) in load_registry().names:
        return False
    place, words = found["place"], name_key(found["place"]).split()
    if not all(word[:1].isupper() for word in place.split()):
        return False
    if any(map(is_acronym_like, place.split())) or any(word in generic_words() for word in words):
        return words != [] and all(word in compass_words() for word in words) and is_not_actor(found["head"])
    return is_not_actor(found["head"])


def is_plural_kind(mention: str) -> bool:
    """Whether a mention names a kind of body in the plural, so several unnamed bodies: the plural head closes an
    English name ("Rural District Councils", "County Health Management Teams"; not "Council of Churches") and
    opens a French, Spanish or Portuguese one ("Comités de gestion", "Juntas de vecinos", after an article: "Les
    mairies") or stands before "of" with no body word before it ("Regional Bureaus of Health"); never a registry
    name. A list of such kinds is several too ("Traditional Leaders and Chiefs")."""
    name, acronym = split_name_acronym(mention)
    words = list(itertools.dropwhile(lambda word: word in ARTICLES, name_key(name).split()))
    plural_acronym = bool(acronym) and is_plural_acronym(acronym or "")  # "<Village> Committees (VCs)"
    if (acronym and not plural_acronym) or not words or any(map(is_named_word, name.split())):
        return False  # one body's units ("MoSA regional offices")
    heads_last = vocab_words("not_actors", "collective_heads_last")
    closed = words[-1] in heads_last and not NAME_LINKS & set(words[:-1])
    if closed and (plural_acronym or LIST_WORDS & set(words)) and " ".join(words) not in load_registry().names:
        return True  # "<Topic> and <Topic> Committees": the plural closes one kind's name, several bodies
    if plural_acronym:
        return False
    if LIST_WORDS & set(words):
        return is_list_of_kinds(words)  # not a list naming a body ("UNDP, UN-Habitat and municipalities")
    if len(words) == 1:
        return words[0] in heads_last | vocab_words("not_actors", "collective_heads_first")  # "Les mairies"
    if " ".join(words) in load_registry().names:
        return False  # a network the registry names ("Social Development Centres")
    last = words[-1] in heads_last and not NAME_LINKS & set(words[:-1])
    before_of = next((index for index, word in enumerate(words[:-1]) if word in NAME_LINKS), 0)
    head_of = before_of > 0 and words[before_of - 1] in heads_last
    bodies = organisation_word_set() - vocab_words("organisation_words", "units")
    unheaded = not bodies & set(words[: before_of - 1])  # "Union of Councils of Elders" is one body
    return last or words[0] in vocab_words("not_actors", "collective_heads_first") or (head_of and unheaded)


def is_list_of_kinds(words: list[str]) -> bool:
    """Whether words joined by "and", "et", ... are each a plural kind of body or its qualifier ("traditional leaders
    and chiefs", "autorites administratives et traditionnelles")."""
    parts = " ".join(words)
    for word in LIST_WORDS:
        parts = parts.replace(f" {word} ", " | ")
    heads = vocab_words("not_actors", "collective_heads_last") | vocab_words("not_actors", "collective_heads_first")
    allowed = heads | vocab_words("not_actors", "qualifiers") | CONNECTORS
    items = [item.split() for item in parts.split(" | ")]
    adjectives = vocab_words("not_actors", "kind_adjectives")
    return (
        len(items) > 1
        and all(item and set(item) <= allowed | adjectives for item in items)
        and any(heads & set(item) for item in items)
    )


def is_partners_of_body(key: str) -> bool:
    """Whether a name key is the partners of a registry body written before them ("unicef partners", "pam et ses
    partenaires"): other organisations, unnamed; not the body, unless the registry names the whole."""
    registry = load_registry()
    if key in registry.names:
        return False
    body_after = partners_of_what(key)  # "partenaires de l'UNICEF", "signatarios del ..."
    if body_after and is_registry_body(body_after, registry):
        return True
    for phrase in vocab_words("not_actors", "partners_of"):
        words = key.removesuffix(" " + phrase).split()
        body = " ".join(itertools.dropwhile(lambda word: word in vocab_words("not_actors", "qualifiers"), words))
        if words == key.split() or not body or LIST_WORDS & set(words):
            continue  # no partners closing the key, or a list ("UNHCR and partners": UNHCR, and partners)
        if is_registry_body(body, registry):
            return True
    return False


def partners_of_what(key: str) -> str | None:
    """What a name key opening with the words for a body's partners and a link names the partners of ("socios del
    <body>" -> "<body>"), or None when it opens otherwise."""
    words = key.split()
    for phrase in vocab_words("not_actors", "partners_of"):
        size = len(phrase.split())
        if words[:size] == phrase.split() and words[size : size + 1] and words[size] in PARTNERS_OF_LINKS:
            return " ".join(itertools.dropwhile(lambda word: word in PARTNERS_OF_LINKS, words[size:]))
    return None


def is_registry_body(key: str, registry: Registry) -> bool:
    """Whether a name key is a registry name or acronym as written."""
    return bool(key) and (key in registry.names or key.upper().replace(" ", "") in registry.acronyms)


def is_sector_label(name: str) -> bool:
    """Whether a name is only sector words and connectors ("Health & Nutrition", "Eau, Hygiène et
    Assainissement"): what an organisation does, written after it, not an organisation."""
    rest = phrase_pattern("not_actors", "sector_words").sub(" ", name_key(name))
    sectors_only = rest != name_key(name) and all(word in CONNECTORS for word in rest.split())
    return sectors_only and organisation_type(name) is None  # "Coordination VBG" is a body


def is_named_word(word: str) -> bool:
    """Whether a word names a body rather than a kind of one: an acronym that is no sector word ("MoSA", not
    "WASH"); a hyphenated word of capitalised words is no acronym ("Sub-County")."""
    acronym = any(is_acronym_like(part) for part in word.split("-")) if "-" in word else is_acronym_like(word)
    return acronym and name_key(word) not in vocab_words("not_actors", "sector_words")


def is_named_collective(key: str) -> bool:
    """Whether a name key holding a collective word is an organisation's name ending with a word that names
    no collective ("Community Partners International", "Partners Worldwide")."""
    words = key.split()
    return len(words) > 1 and words[-1] in vocab_words("not_actors", "name_endings")


def is_fragment(piece: str) -> bool:
    """Whether a piece is only part of a name: a sector word, connectors, one fragment or organisation word with
    connectors ("Federal", "Global", "Ministry of", "United Nations", "Programme"), never an organisation alone."""
    key = name_key(piece)
    fragments = vocab_words("not_actors", "fragments") | vocab_words("not_actors", "sector_words")
    if not key or key in fragments:
        return True
    words = [word for word in key.split() if word not in CONNECTORS]
    return len(words) <= 1 and all(word in fragments or word in organisation_word_set() for word in words)


@cache
def organisation_word_set() -> frozenset[str]:
    """Every one-word organisation word of the vocabulary ("ministry", "foundation", "cluster", "unit")."""
    tables = ("government", "coordination_body", "other", "units")
    return frozenset(word for table in tables for word in vocab_words("organisation_words", table) if " " not in word)


@cache
def generic_words() -> frozenset[str]:
    """Words that say what kind of body or work a name is about, not whose: fragments, sector and organisation
    words, qualifiers and connectors."""
    tables = ("fragments", "sector_words", "qualifiers")
    words = {word for table in tables for phrase in vocab_words("not_actors", table) for word in phrase.split()}
    return frozenset(words | organisation_word_set() | CONNECTORS)


@cache
def kind_words() -> frozenset[str]:
    """Words that say only what kind of body a name is: organisation and unit words, their scope ("national",
    "sub"), connectors."""
    scope = {word for phrase in vocab_words("organisation_words", "scope") for word in phrase.split()}
    return frozenset(organisation_word_set() | scope | CONNECTORS)


def is_generic_name(piece: str) -> bool:
    """Whether a piece names only a kind of body ("Development Organization", "Relief Organizations",
    "Sub-national cluster"), not one body, so it is never split off a name on its own."""
    words = name_key(piece).split()
    return all(word in kind_words() for word in words)


def is_proper_name(name: str) -> bool:
    """Whether a capitalised name is some body's own name rather than a description: no sector, fragment or
    organisation word in it ("Tin Tua", "Habitat for Humanity", "HealthNet TPO"; not "Higher Education")."""
    words = [word for word in name_key(name).split() if word not in CONNECTORS]
    return bool(words) and is_capitalised_name(name) and not any(word in generic_words() for word in words)


def has_own_word(name: str) -> bool:
    """Whether a capitalised name holds a word of its own beside sector, fragment or organisation words ("Windle
    International Uganda"; not "Rural Health", "Social Affairs")."""
    words = [word for word in name_key(name).split() if word not in CONNECTORS]
    own = [word for word in words if word not in generic_words() and word not in inner_name_words()]
    return bool(own) and is_capitalised_name(name)


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
    words = [ELIDED.sub("", word) for word in re.split(r"[\s/-]+", name) if ACRONYM_LETTERS.search(word)]
    content = [word for word in words if name_key(word) not in CONNECTORS]
    if not words or len(content) > MAX_NAME_WORDS:
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


def is_headed_name(name: str) -> bool:
    """Whether a capitalised name of two words or more ends with an organisation word, as a complete name does
    ("Idleb Health Directorate", "Syria Immunization Group"; not "Friends of Peace"), or has one before "of"
    ("Myanmar Council of Churches"), with a word of its own beside ("Social Services", "Development
    Organisation" are kinds of body, not names); or opens with the word of a body that heads a name
    ("Fundación Levántate Mujer", "Cruz Roja Boliviana", "Ministry of Water")."""
    words = name_key(name).split()
    content = [word for word in words if word not in CONNECTORS]
    if len(content) < 2 or not name[:1].isupper():
        return False
    if head_pattern().match(" ".join(words)):
        return True  # French, Spanish, Portuguese names capitalise their first word only ("Protection civile")
    kinds = organisation_word_set()
    before_link = any(word in kinds and after in NAME_LINKS for word, after in itertools.pairwise(words))
    return is_capitalised_name(name) and (words[-1] in kinds or before_link) and has_own_word(name)


@cache
def head_pattern() -> re.Pattern[str]:
    """The words of a body that open a name, followed by more words ("fundacion ...", "cruz roja ...")."""
    heads = sorted(vocab_words("organisation_words", "heads"), key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(map(re.escape, heads)) + r")(?: \S|$)")


def reads_as_organisation(mention: str) -> bool:
    """Whether an unknown mention reads as one organisation's name: an acronym, a capitalised name with an
    organisation word, a capitalised name of two words or more, a name with its acronym, a name opening
    with a capital and holding an organisation word ("Zone de santé de Goma", "Association des femmes"), or
    one capitalised word that is no common word of names ("Proliska"; not "Society", "Frontières")."""
    name, acronym = split_name_acronym(mention)
    one_body = initials(name) == name_key(acronym or "").replace(" ", "")  # "<Name> Committees (ACR)": one body
    if (is_not_actor(name) and not one_body) or is_near_not_actor(name) or is_place(name):
        return False
    if name_key(name).rpartition(" ")[2] in vocab_words("not_actors", "member_words"):
        return False  # a body's members ("<group> members"), its body a registry name of another country
    if is_fragment(name) and not acronym:
        return False
    if name.split()[0] in LINKING_WORDS or is_sector_label(name):
        return False  # the end of another name ("de la Famille", "and Relief"), or sectors ("Health & Nutrition")
    role = split_role(name)
    if role and name_key(name).startswith(name_key(role[0])) and is_generic_name(role[0]):
        return False  # coordinators of no body in particular ("Sub-national cluster coordinators")
    if is_acronym_like(name):
        return is_bare_acronym(name)
    if is_other_script(name):
        return has_script_word(name)  # "جمعية ... الخيرية", "Благодійний фонд ...": a name of that script's kinds
    if name == name.lower() and is_lower_case_headed(name):
        return True  # a name typed in lower case, opened by the word of a body ("association des jeunes de ...")
    if not is_capitalised_name(name):
        return name[:1].isupper() and organisation_type(name) is not None and len(name.split()) <= MAX_NAME_WORDS
    content = [word for word in name.split() if name_key(word) not in CONNECTORS]
    if len(content) == 1 and not acronym and organisation_type(name) is None:
        return is_proper_word(content[0])
    return bool(acronym) or organisation_type(name) is not None or len(content) >= 2


def is_other_script(name: str) -> bool:
    """Whether a name's letters are none of them Latin (Arabic, Cyrillic, ...)."""
    letters = [char for char in name if char.isalpha()]
    return bool(letters) and not any("LATIN" in unicodedata.name(char, "") for char in letters)


def has_script_word(name: str) -> bool:
    """Whether a name in another script holds an organisation word of it (`script_stems`: words opening with one,
    Arabic words without their article)."""
    stems = vocab_words("organisation_words", "script_stems")
    words = " " + " ".join(word.removeprefix("ال") for word in name_key(name).split())
    return any(f" {stem}" in words for stem in stems)  # a stem may hold spaces where marks were (Khmer)


def initials(name: str) -> str:
    """The initials of a name's capitalised words, in lower case ("Rural Aid Network" -> "ran")."""
    return "".join(word[0] for word in re.split(r"[\s-]+", name) if word[:1].isupper()).lower()


def is_lower_case_headed(name: str) -> bool:
    """Whether a name typed all in lower case opens with the word of a body that heads a name, then at least
    MIN_LOWER_NAME words of its own beside connectors ("fundacion esperanza del sur"; not "association locale")."""
    key = name_key(name)
    content = [word for word in key.split() if word not in CONNECTORS]
    own = [word for word in content if word not in generic_words()]
    return bool(head_pattern().match(key)) and len(content) >= MIN_LOWER_NAME and len(own) >= MIN_LOWER_OWN


def is_bare_acronym(word: str) -> bool:
    """Whether an acronym alone reads as an organisation: three capitals or digits ("RRC", "R2P", "CNARR"), a
    ministry's ("MoH", "MoE": "Mo" and capitals), or a mixed-case one of four letters or more ("MoPHP", "SoDMA",
    "MinSalud"); not a period ("Q1-Q2")."""
    letters = ALPHANUMERIC.findall(word)
    if PERIOD_LIKE.match(name_key(word)) or name_key(word) in generic_words() or is_plural_acronym(word):
        return False
    if word.upper() == word:
        return len(letters) >= MIN_BARE_ACRONYM_LETTERS
    return len(letters) >= MIN_MIXED_ACRONYM_LETTERS or bool(MINISTRY_ACRONYM.fullmatch(word))


def is_plural_acronym(word: str) -> bool:
    """Whether an acronym is written in the plural ("ERRs", "CBOs"): several bodies of a kind, not one."""
    return len(word) > 2 and word.endswith("s") and word[:-1].isupper()


def is_proper_word(word: str) -> bool:
    """Whether one capitalised word can be an organisation's whole name: long enough, no generic or place
    word, and no word the registry's names hold after their first word ("Frontières", "Medical")."""
    key = name_key(word)
    letters = ACRONYM_LETTERS.findall(word)
    if len(letters) < MIN_PROPER_WORD_LETTERS or not word[:1].isupper():
        return False
    return key not in generic_words() and key not in inner_name_words() and not is_place(word)


@cache
def inner_name_words() -> frozenset[str]:
    """Words that registry names hold after their first word: pieces of names ("Society", "Programme")."""
    return frozenset(
        word
        for actor in load_registry().actors.values()
        for form in (actor.name, *actor.aliases)
        for word in name_key(form).split()[1:]
    )


def is_near_not_actor(name: str) -> bool:
    """Whether a name is a collective or placeholder misspelt ("Implementing Parners"): no organisation."""
    key = name_key(name)
    if len(key) < MIN_NEAR_NOT_ACTOR:
        return False
    phrases = vocab_words("not_actors", "collectives") | vocab_words("not_actors", "placeholders")
    edits = NEAR_NOT_ACTOR_EDITS if len(key) >= TWO_EDIT_NOT_ACTOR else 1
    match = process.extractOne(key, phrases, scorer=Levenshtein.distance, score_cutoff=edits)
    return match is not None


# "IM unit of UNHCR", "Coordinador del Clúster de Salud": a role before its body, linked by these words
# (or by none: "Coordinación GIFMM").
TOPIC_LINK = r"(?:of|for|de|du|del|da|do)"  # "Punto focal de género de ONU Mujeres": a link before the topic
# "Genre", "PSEA", "Education en situation d'urgence"
TOPIC_WORDS = r"(?:\s+(?!(?:of|for|de|du|des|del|da|do|dos|das|d)\b)[\w'’/-]+){1,4}?"
LONG_TOPIC = r"(?:\s+[\w'’/-]+){1,6}"  # the longest topic, links inside it: the body is the last name after a link
ROLE_DASH = r"\s+[–—-]\s+"  # a spaced dash between a role and its body
ROLE_LINKS = r"(?:(?:of|for|de|du|des|del|da|do|dos|das)(?:\s+(?:the|la|los|las|el|a|o)\s+|\s+l['’]\s*|\s+)|d['’]\s*)"


def unaccented(text: str) -> str:
    """The text with accents dropped, character for character (positions stay those of the text)."""
    return "".join(unicodedata.normalize("NFKD", char)[:1] for char in text)


def phrase_words(phrase: str) -> str:
    """A phrase as a pattern of its words, a space or a hyphen between them."""
    return r"[\s-]+".join(map(re.escape, re.split(r"[\s-]+", phrase)))


@cache
def role_forms() -> tuple[tuple[str, str, str, str], ...]:
    """(written role form without accents, its first and last words in lower case, canonical role), longest forms
    first."""
    forms = [(unaccented(form), role) for role, written in section("actor_roles").items() for form in written]
    return tuple(
        (form, words[0].lower(), words[-1].lower(), role)
        for form, role in sorted(forms, key=lambda pair: -len(pair[0]))
        for words in [re.split(r"[\s-]+", form)]
    )


@cache
def role_topics() -> str:
    """The sector words a role's topic is written with, as one alternation, longest first."""
    return "|".join(phrase_words(topic) for topic in sorted(section("not_actors")["sector_words"], key=len)[::-1])


@cache
def role_patterns(form: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(suffix pattern, prefix pattern, prefix pattern with a topic, the same with the longest topic before a link:
    "Point focal Protection de l'enfance en urgence du HCR") of one written role form, compiled the first
    time a text opens with the form's first word or ends with its last (`role_readings`): 134 forms' patterns
    compiled up front were most of a worker's warm-up."""
    words = phrase_words(form)
    suffix = re.compile(rf"^(?P<body>.*\w)[\s,-]+(?:{words})$", re.IGNORECASE)
    # "Point focal VBG de l'UNFPA": a role's topic may stand between it and the body it links to.
    topics = role_topics()
    # ... or after a link of its own ("Punto focal de VBG del UNFPA", "Focal point for PSEA of WFP").
    prefix = re.compile(
        rf"^(?:{words})(?:\s+{ROLE_LINKS}?(?:{topics})\s+{ROLE_LINKS}|\s+{ROLE_LINKS}?|{ROLE_DASH})(?P<body>\w.*)$",
        re.I,
    )
    # "IMO – <Cluster> <town>", "Punto focal VBG – <agency> <country>": a dash links the role to its body too
    topical = re.compile(
        rf"^(?:{words})(?:\s+{TOPIC_LINK})?{TOPIC_WORDS}(?:\s+{ROLE_LINKS}|{ROLE_DASH})(?P<body>\w.*)$", re.I
    )
    long_topic = re.compile(rf"^(?:{words})(?:\s+{TOPIC_LINK})?{LONG_TOPIC}\s+{ROLE_LINKS}(?P<body>\w.*)$", re.I)
    return suffix, prefix, topical, long_topic


@cache
def role_words() -> frozenset[str]:
    """Every written role form as a name key ("coordinator", "co chairs", "imo", "point focal")."""
    return frozenset(name_key(form) for written in section("actor_roles").values() for form in written)


def is_role_word(text: str) -> bool:
    """Whether a text is a role alone, with no body ("Coordinator", "Co-chairs", "IMO")."""
    return name_key(text) in role_words()


def split_role(mention: str) -> tuple[str, str] | None:
    """A mention naming a role of a body as (the body's text, the canonical role), or None:
    "WASH Cluster Coordinator" -> ("WASH Cluster", "coordinator"), "IM unit of UNHCR" -> ("UNHCR", "im-officer")."""
    readings = role_readings(mention)
    return readings[0] if readings else None


# "<topic> focal point, <agency>", "<topic> focal point – <agency> <town>": a topic's focal point written before the
# organisation it works for, after a comma or a spaced dash (as English sheets write it; "Point focal <topic> de
# l'<agency>" is read by role_patterns). Only roles an agency holds for a topic; a topic of at most four words and no
# coordination body's word ("<Cluster> focal point, <agency>" is the cluster's).
TOPIC_ROLE_CUT = re.compile(r"\s*,\s*|\s+[–—-]\s+")
TOPIC_FIRST_ROLES = frozenset({"focal-point"})
MAX_TOPIC_WORDS = 4


@cache
def topic_role_forms() -> tuple[tuple[str, str], ...]:
    """(name key of a written form, canonical role) of the roles an agency holds for a topic, longest forms first."""
    return tuple((name_key(form), role) for form, _, _, role in role_forms() if role in TOPIC_FIRST_ROLES)


@cache
def body_words() -> frozenset[str]:
    """The words of a coordination body's name ("cluster", "sector", "aor"), as name keys."""
    return vocab_words("organisation_words", "own_body") | vocab_words("organisation_words", "aor_words")


def topic_first_reading(mention: str) -> tuple[str, str] | None:
    """A mention naming a topic's role before its body, after a comma or a spaced dash, as (the body's text, the
    canonical role): "GBV focal point, <agency> <town>" -> ("<agency> <town>", "focal-point"); None otherwise."""
    cut = TOPIC_ROLE_CUT.search(mention)
    if cut is None or not mention[cut.end() :].strip():
        return None
    head = name_key(mention[: cut.start()])
    for form_key, role in topic_role_forms():
        if not head.endswith(f" {form_key}"):
            continue
        topic = head[: -len(form_key)].split()
        if len(topic) > MAX_TOPIC_WORDS or set(topic) & body_words() or names_registry_actor(" ".join(topic)):
            continue
        return mention[cut.end() :].strip(), role
    return None


def names_registry_actor(key: str) -> bool:
    """Whether a name key is the name or acronym of a registry actor that is no coordination body ("UNICEF focal
    point, <agency>" is UNICEF's focal point; "Child Protection focal point, <agency>" is the agency's, for that
    topic)."""
    registry = load_registry()
    ids = registry.names.get(key, set()) | registry.acronyms.get(acronym_key(key), set())
    return any(registry.actors[actor_id].actor_type != "coordination_body" for actor_id in ids)


def role_readings(mention: str) -> list[tuple[str, str]]:
    """Every reading of a mention as a role of a body, the likeliest first: the role's first written form read
    after its body or before it, then before it with a word or three of topic between ("Point focal Genre de
    OCHA": OCHA's focal point)."""
    text = mention.strip()
    plain = unaccented(text)
    folded = plain.lower().replace("ı", "i")  # as the patterns' IGNORECASE reads it ("ı" matches "i")
    for form, first_word, last_word, role in role_forms():
        # the form's patterns read it at the start of the text (before its body) or at its end (after it)
        if not (folded.startswith(first_word) or folded.endswith(last_word)):
            continue
        suffix, prefix, topical, long_topic = role_patterns(form)
        found = (suffix.match(plain) or prefix.match(plain), topical.match(plain), long_topic.match(plain))
        matches = [match for match in found if match]
        if matches:
            bodies = [text[match.start("body") : match.end("body")].strip(" ,-") for match in matches]
            return [(body, role) for body in dict.fromkeys(bodies) if body]
    topic_first = topic_first_reading(text)
    return [topic_first] if topic_first else []


# A role's qualifiers of place or level ("regional coordinator <town>", "point focal de <town>", "<town> hub
# coordinator", "coordinateur sous-national"): level words (data/vocab `role_levels`, `scope`, `area_levels`),
# links and articles, and up to three capitalised words naming no organisation (a town, a region).
ROLE_QUALIFIER_LINKS = NAME_LINKS | frozenset(("in", "at", "en", "a", "au", "em", "no", "na", "the"))
MAX_ROLE_PLACE_WORDS = 3
WORDS_ONLY = re.compile(r"^\s+\w[\w'’-]*(?:\s+\w[\w'’-]*)*\s*$")  # words after a role, no separator between
QUALIFIER_SPLIT = re.compile(r"[\s,()]+|(?<=\w)-(?=\w)")


@cache
def role_level_words() -> frozenset[str]:
    """The words that say at which level or where a role sits ("regional", "hub", "sous-national"), as name keys."""
    levels = (
        ("organisation_words", "role_levels"),
        ("organisation_words", "scope"),
        ("organisation_words", "area_levels"),
    )
    return frozenset(word for table, key in levels for phrase in vocab_words(table, key) for word in phrase.split())


def is_role_qualifiers(words: list[str], acronyms: bool = False) -> bool:
    """Whether words only say where or at which level a role sits: level words, links, and up to three capitalised
    words naming no organisation; with `acronyms`, an upper-case word that is no registry acronym too (a region's
    abbreviation after the role: "<Cluster> co-coordinator <REGION>")."""
    named = []
    for word in words:
        key = name_key(word)
        if not key or key in role_level_words() or key in ROLE_QUALIFIER_LINKS or key in ARTICLES:
            continue
        if acronyms and is_acronym_like(word) and not names_registry_actor(key):
            continue
        if not word[:1].isupper() or is_acronym_like(word):
            return False
        named.append(word)
    place = " ".join(words)
    return len(named) <= MAX_ROLE_PLACE_WORDS and not (
        named and (organisation_type(place) is not None or names_registry_actor(name_key(place)))
    )


def qualified_role(text: str) -> str | None:
    """The canonical role of a text that is a role alone, or a role with only qualifiers of place or level around
    it ("regional coordinator <town>", "<town> hub coordinator", "ponto focal do <province>"); a word before the
    role is a level word. None for anything else: a role with its body or holder ("<agency> co-coordinator") is no
    role alone."""
    plain = unaccented(text.strip())
    folded = plain.lower()
    for form, _, last_word, role in role_forms():
        if last_word not in folded:
            continue
        match = re.search(rf"(?<![\w-])(?:{phrase_words(form)})(?![\w-])", plain, re.IGNORECASE)
        if not match:
            continue
        before = QUALIFIER_SPLIT.split(plain[: match.start()].strip())
        if before[-1] and name_key(before[-1]) not in role_level_words():
            return None  # "<Name> Coordination <Words>": a name with a role's word inside, no role
        return role if is_role_qualifiers([*before, *QUALIFIER_SPLIT.split(plain[match.end() :])]) else None
    return None


def is_place_or_level(words: str) -> bool:
    """Whether words after a role are a known place, level words or an upper-case abbreviation, and no other
    capitalised word ("<Cluster> Coordinator Referral" names a referral, not a place)."""
    named = [word for word in words.split() if word[:1].isupper() and not is_acronym_like(word)]
    return not named or is_place(" ".join(named))


def without_role_tail(text: str) -> str:
    """A text naming a body's role with qualifiers after the role cut after it ("<Cluster> co-coordinator <town>",
    "<Cluster> coordinator <REGION>"): a known place, level words, an abbreviation that is no registry acronym;
    any other text as written."""
    plain = unaccented(text)
    folded = plain.lower()
    for form, _, last_word, _ in role_forms():
        if last_word not in folded:
            continue
        found = list(re.finditer(rf"(?<=\w)[\s,-]+(?:{phrase_words(form)})(?![\w-])", plain, re.IGNORECASE))
        tail = plain[found[-1].end() :] if found else ""
        head = plain[: found[-1].start()].split() if found else []
        if (
            head
            and name_key(head[-1]) not in NAME_LINKS
            and WORDS_ONLY.match(tail)
            and is_role_qualifiers(tail.split(), acronyms=True)
            and is_place_or_level(tail)
        ):
            return text[: found[-1].end()]
    return text
