"""The registry's names inside a text, token by token: which spans of a cell are registry names as written."""

from __future__ import annotations

import re

from normalizers.actor_matcher import Span, registry_matches
from normalizers.actor_registry import Registry

TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")  # a word (with inner apostrophes) or one punctuation mark

Token = tuple[int, int, str]  # start, end, text


def word_tokens(text: str) -> list[Token]:
    """The tokens of a text: runs of letters and digits (with inner apostrophes), and single punctuation marks."""
    return [(match.start(), match.end(), match.group()) for match in TOKEN.finditer(text)]


def name_spans(text: str, registry: Registry, language: str | None = None) -> list[Span]:
    """Character spans of registry names covering most of a run-together text ("Sector Coordinators ISWG"),
    found by the registry's PhraseMatcher (normalizers/actor_matcher.py) in the text's language."""
    tokens, matches = registry_matches(text, registry, language)
    ends_at: dict[int, list[int]] = {}
    for start, end in matches:
        ends_at.setdefault(start, []).append(end)
    return [(tokens[start][0], tokens[end - 1][1]) for start, end in best_cover(len(tokens), ends_at)]


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
