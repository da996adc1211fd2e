"""The registry's names inside a text, token by token: which spans of a cell are registry names as written."""

from __future__ import annotations

import re
from functools import cache

from normalizers.actor_registry import Registry, acronym_key, is_acronym_like

TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")  # a word (with inner apostrophes) or one punctuation mark

Token = tuple[int, int, str]  # start, end, text
NameIndex = tuple[frozenset[tuple[str, ...]], int]  # every form's token norms, and the longest form in tokens
Span = tuple[int, int]  # start, end of a piece of text


def word_tokens(text: str) -> list[Token]:
    """The tokens of a text: runs of letters and digits (with inner apostrophes), and single punctuation marks."""
    return [(match.start(), match.end(), match.group()) for match in TOKEN.finditer(text)]


def token_norm(token: str, lower_only: bool) -> str:
    """A token compared by capitals when written as an acronym, else in lower case."""
    return acronym_key(token) if is_acronym_like(token) and not lower_only else token.lower()


@cache
def name_index(registry: Registry, lower_only: bool = False) -> NameIndex:
    """The token norms of every written form of every registry actor, on norms or on lower-case text."""
    forms = {
        tuple(token_norm(token, lower_only) for _, _, token in word_tokens(form))
        for actor in registry.actors.values()
        for form in actor.forms
    }
    forms.discard(())
    return frozenset(forms), max(map(len, forms), default=0)


def name_spans(text: str, registry: Registry) -> list[Span]:
    """Character spans of registry names covering most of a run-together text ("Sector Coordinators ISWG")."""
    lower_only = text.isupper()  # a cell in capitals: its words are not all acronyms
    tokens = word_tokens(text)
    norms = [token_norm(token, lower_only) for _, _, token in tokens]
    forms, longest = name_index(registry, lower_only)
    ends_at: dict[int, list[int]] = {}
    for start in range(len(norms)):
        ends = [
            end for end in range(start + 1, min(len(norms), start + longest) + 1) if tuple(norms[start:end]) in forms
        ]
        if ends:
            ends_at[start] = ends
    best = best_cover(len(tokens), ends_at)
    return [(tokens[start][0], tokens[end - 1][1]) for start, end in best]


def best_cover(n_tokens: int, ends_at: dict[int, list[int]]) -> list[Span]:
    """Non-overlapping matches covering the most tokens with the fewest matches (dynamic programming).

    Ties go to the shorter first match, so a trailing role keeps its words
    ("Protection" + "Sector Coordinator").
    """
    best: list[tuple[int, int, list[Span]]] = [(0, 0, [])] * (n_tokens + 1)
    for start in range(n_tokens - 1, -1, -1):
        covered, count, spans = best[start + 1]
        options = [(covered, -count, 0, spans)]
        for end in ends_at.get(start, []):
            after = best[end]
            options.append((after[0] + end - start, -(after[1] + 1), -(end - start), [(start, end), *after[2]]))
        top = max(options, key=lambda option: option[:3])
        best[start] = (top[0], -top[1], top[3])
    return best[0][2]


def covered_share(text: str, spans: list[Span]) -> float:
    """The share of a text's words that lie inside the spans."""
    words = re.findall(r"\w+", text)
    covered = sum(len(re.findall(r"\w+", text[start:end])) for start, end in spans)
    return covered / len(words) if words else 0.0
