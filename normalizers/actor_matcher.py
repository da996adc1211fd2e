"""The registry's written forms found inside a text with spaCy: a blank tokenizer of the text's language (no
model, no download) and a PhraseMatcher built once per registry and language from the registry's own forms (cut
by the tokenizer once per language, and kept on disk for the next process: `form_tokens`).

Tokens compare as the resolver reads them: an acronym-like token by its capitals ("MoSA" = "MOSA"), any other
word in lower case; a text written all in capitals compares in lower case only (its words are not all
acronyms). The French tokenizer splits an elided article or preposition off the name it is glued to
("l'UNICEF", "d'OCHA" -> "l'" + "UNICEF"), so the name is found where a regular expression on words sees one
word "l'UNICEF"; every form is cut by the same tokenizer as the text, so hyphens and "'s" compare alike.
spaCy is imported on first use only: the CLI's help and the extractors never load it.
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import cache
from typing import TYPE_CHECKING

from normalizers.actor_registry import Registry, acronym_key, is_acronym_like
from normalizers.disk_cache import read_cached, write_cached

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
FormTokens = tuple[list[str], list[bool]]  # a form's tokens: their texts, and whether a space follows each
FORM_TOKENS_VERSION = 1  # of the way forms are cut (`blank`): a change makes the disk cache's files stale


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
    """A doc whose tokens carry the norm the resolver compares (`token_norm`)."""
    for token in doc:
        token.norm_ = token_norm(token.text, token.lower_, lower_only)
    return doc


def token_norm(text: str, lower: str, lower_only: bool) -> str:
    """The norm of a token written `text` (`lower` in lower case): capitals for an acronym, else lower case."""
    return lower if lower_only or not is_acronym_like(text) else acronym_key(text)


def registry_forms(registry: Registry) -> list[str]:
    """Every written form of every registry actor, sorted."""
    return sorted({form for actor in registry.actors.values() for form in actor.forms if form.strip()})


@cache
def form_tokens(registry: Registry, language: str) -> list[FormTokens]:
    """Every registry form as the language's tokenizer cuts it, in the order of `registry_forms`: built once per
    process and language for the matcher variants, and kept on disk under a key of the forms, the language and
    spaCy's version, so that the next process reads them back instead of cutting every form again (a file that
    does not give back every form's text is cut again)."""
    import spacy

    forms = registry_forms(registry)
    key = hashlib.sha256(json.dumps([FORM_TOKENS_VERSION, spacy.__version__, language, forms]).encode()).hexdigest()
    name = f"actor_form_tokens.{language}.json"
    cached = read_cached(name, key)
    if isinstance(cached, list) and len(cached) == len(forms) and all(map(cuts_form, cached, forms)):
        return [(words, spaces) for words, spaces in cached]
    tokens = [
        ([token.text for token in doc], [bool(token.whitespace_) for token in doc])
        for doc in map(blank(language).make_doc, forms)
    ]
    write_cached(name, key, tokens)
    return tokens


def cuts_form(tokens: object, form: str) -> bool:
    """True when `tokens` (as read from the disk cache) are the words and spaces of `form`."""
    if not (isinstance(tokens, list) and len(tokens) == 2 and all(isinstance(part, list) for part in tokens)):
        return False
    words, spaces = tokens
    if len(words) != len(spaces) or not all(isinstance(word, str) for word in words):
        return False
    return (
        all(isinstance(space, bool) for space in spaces)
        and "".join(word + " " * space for word, space in zip(words, spaces, strict=True)) == form
    )


@cache
def form_matcher(registry: Registry, language: str, lower_only: bool) -> PhraseMatcher:
    """A PhraseMatcher on token norms holding every written form of every registry actor: each form as the
    sequence of its tokens' norms (`with_norms`), each distinct word's norm worked out once."""
    from spacy.attrs import LOWER
    from spacy.matcher import PhraseMatcher

    vocab = blank(language).vocab
    # what a token's `lower_` is made with (an attribute its stub leaves out), without making its lexeme
    lower = vocab.lex_attr_getters[LOWER]  # type: ignore[attr-defined]
    norms: dict[str, int] = {}
    for words, _ in form_tokens(registry, language):
        for word in words:
            if word not in norms:
                norms[word] = vocab.strings.add(token_norm(word, lower(word), lower_only))
    matcher = PhraseMatcher(vocab, attr="NORM")
    # a pattern given as its tokens' attribute values rather than a Doc: as spaCy unpickles a PhraseMatcher
    patterns = [[norms[word] for word in words] for words, _ in form_tokens(registry, language)]
    matcher.add(MATCH_LABEL, patterns)  # type: ignore[arg-type]
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
    starts = {start for start, end in matches if not opens_longer_name(text, tokens, start, end)}
    found = []
    for index, (start, end) in enumerate(tokens[:-1]):
        word = text[start:end]
        glued = tokens[index + 1][0] == end and ELISION_TOKEN.fullmatch(word)
        opening = index == 0 and word.lower() in ARTICLES and index not in starts
        if (index + 1 in starts and (glued or opening)) or (index == 0 and glued and word[:1].islower()):
            found.append((start, end))
    return found


def opens_longer_name(text: str, tokens: list[Span], start: int, end: int) -> bool:
    """Whether a registry form written in words, not an acronym, runs on into the capitalised words of a longer
    name ("Education" in "Direction de l'Education Nationale"): its article belongs to that name."""
    form = text[tokens[start][0] : tokens[end - 1][1]]
    following = text[tokens[end][0] : tokens[end][1]] if end < len(tokens) else ""
    return not form.isupper() and following[:1].isupper()
