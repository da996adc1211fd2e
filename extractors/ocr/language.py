"""The language Tesseract reads a document's scanned pages in: from the text of its other pages (a text layer) or
of its first scanned page read in English, told by their function words (data/vocab/<lang>.toml, table
[function_words], the same words `normalizers.language` counts: extractors cannot import the normalizers, so
the short count is here); Arabic from the script OSD finds."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import cache

from data import read_toml
from extractors.ocr.settings import OcrSettings
from extractors.ocr.tesseract import installed_languages

# Workplan languages (ISO 639-1, as data/vocab names them) -> Tesseract's language data.
TESSERACT_NAMES = {"en": "eng", "fr": "fra", "es": "spa", "pt": "por", "ar": "ara"}
# Scripts OSD names -> the language data read in that script when no text tells better.
SCRIPT_LANGUAGES = {"Arabic": "ara"}
# Fewer function words than this is too little text to tell its language.
MIN_HITS = 3
WORD = re.compile(r"[^\W\d_]+")


@cache
def function_words() -> dict[str, str]:
    """Each function word (accents stripped, lower case) that belongs to one language only -> that language."""
    found: dict[str, set[str]] = {}
    for language in TESSERACT_NAMES:
        for word in read_toml(f"vocab/{language}.toml").get("function_words", {}).get("words", []):
            found.setdefault(bare(word), set()).add(language)
    return {word: languages.pop() for word, languages in found.items() if len(languages) == 1}


def bare(word: str) -> str:
    """A word without accents, in lower case."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def guess_language(texts: Iterable[str]) -> str | None:
    """The language whose function words the texts use most; None when too few are found."""
    words = function_words()
    hits = Counter(words[token] for text in texts for token in map(bare, WORD.findall(text)) if token in words)
    if sum(hits.values()) < MIN_HITS:
        return None
    return hits.most_common(1)[0][0]


def tesseract_language(language: str | None) -> str | None:
    """The Tesseract language data for a workplan language, when installed; None otherwise."""
    name = TESSERACT_NAMES.get(language or "")
    return name if name in installed_languages() else None


def script_language(script: str | None, settings: OcrSettings) -> str:
    """The language a page is read in when no text tells it: its script's, else the first language."""
    name = SCRIPT_LANGUAGES.get(script or "")
    return name if name in installed_languages() else settings.first_language
