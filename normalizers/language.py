"""The language of a document's words, from the function words of each language (data/vocab/<lang>.toml,
table [function_words]); no model: short frequent words are enough to tell English, French, Spanish and Portuguese
apart in a workplan's headers, titles and cells."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import cache

from normalizers.vocab import LANGUAGES, fold, vocabulary

# Fewer function words than this is too little text to tell its language.
MIN_HITS = 3


@cache
def function_words() -> dict[str, str]:
    """Each function word and the one language it tells."""
    return {
        fold(word): language
        for language in LANGUAGES
        for word in vocabulary(language).get("function_words", {}).get("words", [])
    }


def detect_language(texts: Iterable[str]) -> str | None:
    """The language whose function words the texts use most (en, fr, es, pt), None when too few are found."""
    words = function_words()
    hits = Counter(words[token] for text in texts for token in fold(text).split() if token in words)
    if sum(hits.values()) < MIN_HITS:
        return None
    return hits.most_common(1)[0][0]
