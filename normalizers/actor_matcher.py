"""The registry's written forms found inside a text with spaCy: a blank tokenizer of the text's language (no
model, no download) and a PhraseMatcher built once per registry and language from the registry's own forms.

Tokens compare as the resolver reads them: an acronym-like token by its capitals ("MoSA" = "MOSA"), any other
word in lower case; a text written all in capitals compares in lower case only (its words are not all
acronyms). The French tokenizer splits an elided article or preposition off the name it is glued to
("l'UNICEF", "d'OCHA" -> "l'" + "UNICEF"), so the name is found where a regular expression on words sees one
word "l'UNICEF"; every form is cut by the same tokenizer as the text, so hyphens and "'s" compare alike.
spaCy is imported on first use only: the CLI's help and the extractors never load it.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from normalizers.actor_registry import Registry, acronym_key, is_acronym_like

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

TOKENIZER_LANGUAGES = ("en", "fr", "es", "pt")  # the project's languages; any other text: spaCy's "xx"
MULTI_LANGUAGE = "xx"
ELISION = r"(?:[DdLlJjMmNnSsTtCc]|[Qq]u)['’]"  # French elided articles and prepositions: l', d', qu', ...
ELIDED = re.compile(rf"(?<![^\W\d_]){ELISION}(?=[^\W\d_])")  # "l'UNICEF", "d'OCHA", "qu'OCHA"
ELISION_TOKEN = re.compile(ELISION)
ARTICLES = frozenset(("the", "le", "la", "les", "l", "el", "los", "las", "o", "a", "os", "as"))  # "Le PAM ..."
MATCH_LABEL = "registry_form"
Span = tuple[int, int]  # start, end: of characters in a text, or of tokens in a doc


def tokenizer_language(text: str, language: str | None) -> str:
    """The language whose tokenizer cuts a text: its document's language when told; else French when the text
    elides an article or preposition onto a word (only French does), else spaCy's multi-language tokenizer."""
    if language in TOKENIZER_LANGUAGES:
        return language
    return "fr" if ELIDED.search(text) else MULTI_LANGUAGE


@cache
def blank(language: str) -> Language:
    """spaCy's blank pipeline of a language: its tokenizer and vocabulary only (built once, on first use).

    French is spaCy's multi-language tokenizer with French's elision prefix: it cuts "l'UNICEF" as spaCy's
    French tokenizer does, and loads in a fraction of a second where spaCy's French tokenizer exceptions take
    several seconds to build (bench/ACTOR_RESULTS.md, "spaCy")."""
    import spacy
    from spacy.util import compile_prefix_regex

    if language != "fr":
        return spacy.blank(language)
    nlp = spacy.blank(MULTI_LANGUAGE)
    prefixes = [rf"{ELISION}(?=[^\W\d_])", *(nlp.Defaults.prefixes or [])]
    nlp.tokenizer.prefix_search = compile_prefix_regex(prefixes).search  # type: ignore[union-attr]
    return nlp


def with_norms(doc: Doc, lower_only: bool) -> Doc:
    """A doc whose tokens carry the norm the resolver compares: capitals for an acronym, else lower case."""
    for token in doc:
        token.norm_ = token.lower_ if lower_only or not is_acronym_like(token.text) else acronym_key(token.text)
    return doc


@cache
def form_matcher(registry: Registry, language: str, lower_only: bool) -> PhraseMatcher:
    """A PhraseMatcher on token norms holding every written form of every registry actor."""
    from spacy.matcher import PhraseMatcher

    nlp = blank(language)
    forms = sorted({form for actor in registry.actors.values() for form in actor.forms if form.strip()})
    matcher = PhraseMatcher(nlp.vocab, attr="NORM")
    matcher.add(MATCH_LABEL, [with_norms(doc, lower_only) for doc in map(nlp.make_doc, forms)])
    return matcher


def registry_matches(text: str, registry: Registry, language: str | None = None) -> tuple[list[Span], list[Span]]:
    """A text's tokens (character spans) and every registry form inside it (token spans, overlapping ones
    included). Runs of white space count as one space, so a form matches across a line break or two spaces."""
    lower_only = text.isupper()  # a cell in capitals: its words are not all acronyms
    single, origin = single_spaced(text)
    tokenizer_lang = tokenizer_language(single, language)
    doc = with_norms(blank(tokenizer_lang).make_doc(single), lower_only)
    tokens = [(origin[token.idx], origin[token.idx + len(token) - 1] + 1) for token in doc]
    matches = form_matcher(registry, tokenizer_lang, lower_only)(doc)
    return tokens, sorted({(start, end) for _, start, end in matches})


def single_spaced(text: str) -> tuple[str, list[int]]:
    """The text with each run of white space one space, and where each of its characters stands in the text."""
    chars: list[str] = []
    origin: list[int] = []
    for match in re.finditer(r"\s+|\S+", text.strip()):
        offset = match.start() + len(text) - len(text.lstrip())
        piece = " " if match.group().isspace() else match.group()
        chars.append(piece)
        origin.extend(range(offset, offset + len(piece)))
    return "".join(chars), origin


def articles_before_names(text: str, registry: Registry, language: str | None = None) -> list[Span]:
    """The character spans of articles that belong to no name: an elided article or preposition glued to a
    registry form ("l'" in "l'UNICEF", "d'" in "appui d'OCHA") or, in lower case, opening the text ("l'ONG
    Kaïdia"), and an article opening the text before a registry form ("Le PAM en partenariat avec ..."), unless
    a registry form opens with it ("The HALO Trust")."""
    tokens, matches = registry_matches(text, registry, language)
    starts = {start for start, _ in matches}
    found = []
    for index, (start, end) in enumerate(tokens[:-1]):
        word = text[start:end]
        glued = tokens[index + 1][0] == end and ELISION_TOKEN.fullmatch(word)
        opening = index == 0 and word.lower() in ARTICLES and index not in starts
        if (index + 1 in starts and (glued or opening)) or (index == 0 and glued and word[:1].islower()):
            found.append((start, end))
    return found
