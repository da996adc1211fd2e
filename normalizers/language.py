"""The language of a document's words, from the function words of each language (data/vocab/<lang>.toml,
table [function_words]); no model: short frequent words are enough to tell English, French, Spanish and Portuguese
apart in a workplan's headers, titles and cells."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import cache

from normalizers.vocab import LANGUAGES, fold, vocabulary

# The vocabulary tables whose words also tell a language.
WORD_TABLES = ("roles", "sections")
# Header words that are codes, not words of a language ("#", "N°", "ref").
NOT_TELLING = ("identifier",)
# Fewer function words than this is too little text to tell its language.
MIN_HITS = 3


@cache
def function_words() -> dict[str, str]:
    """Each word that tells one language: its function words, and the one-word header and section words
    of its vocabulary that no other language shares ("responsavel", "parceiros", "socios")."""
    found: dict[str, set[str]] = {}
    for language in LANGUAGES:
        vocab = vocabulary(language)
        words = list(vocab.get("function_words", {}).get("words", []))
        tables = [vocab.get(table, {}) for table in WORD_TABLES]
        words += [
            w for table in tables for key, ws in table.items() if key not in NOT_TELLING for w in ws if " " not in w
        ]
        for word in words:
            found.setdefault(fold(word.strip("=*")), set()).add(language)
    return {word: languages.pop() for word, languages in found.items() if word and len(languages) == 1}


def detect_language(texts: Iterable[str]) -> str | None:
    """The language whose function words the texts use most (en, fr, es, pt), None when too few are found."""
    words = function_words()
    hits = Counter(words[token] for text in texts for token in fold(text).split() if token in words)
    if sum(hits.values()) < MIN_HITS:
        return None
    return hits.most_common(1)[0][0]
