"""Provisional names alike: one unknown organisation read under two spellings, said out loud, never joined.

A provisional actor's id comes from its exact name key (normalizers/actor_provisional.py), so a typo, an accent
left out or a "de" dropped makes a second provisional actor of one organisation. Joining the two by likeness
could merge two organisations; instead the loader routes the mentions of such a name to review, its doubt
`LIKENESS_DOUBT` and the alike actor as the suggestion, and a person decides.

Two names of one country are alike when their own words (articles and prepositions left out) are nearly one
string, and what differs is one small spot: once the letters both names open and close with are set aside, at
most MAX_CORE_LETTERS letters are left on either side ("Netwok" and "Network", "Women's" and "Womens", "de" or
"del" before a place). Names that merely share organisation words differ by a word of their own ("<Association
des Femmes> de <Town>" and "... de <another Town>"): not alike. A spot holding a digit is a number ("Groupement
1", "Groupement 2"): never alike. A name read where the country is not known may be any country's: left alone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from normalizers.actor_registry import name_key
from normalizers.actor_words import vocab_words

LIKENESS_DOUBT = "like_provisional_name"  # activity_actors.doubt of a mention whose name is like another's
MIN_NAME_RATIO = 88  # the own words of two names, as one string each (rapidfuzz ratio, 0-100)
MAX_CORE_LETTERS = 2  # letters left on either side once the common opening and closing are set aside
MIN_OWN_LETTERS = 8  # shorter names (an acronym, one short word) are too often two organisations one letter apart
CANDIDATES = 5  # alike names looked at for each name, best first


@dataclass(frozen=True)
class ProvisionalName:
    """A provisional actor as the likeness test reads it."""

    actor_id: str
    name: str
    country: str | None


def own_words(name: str) -> str:
    """A name's words less its articles and prepositions (vocabulary name_function_words), run together (so that
    "women s" and "womens" are one)."""
    dropped = vocab_words("organisation_words", "name_function_words")
    return "".join(word for word in name_key(name).split() if word not in dropped)


def differing_spot(first: str, second: str) -> tuple[str, str]:
    """What is left of two strings once the letters they both open with, then those they both close with, are set
    aside."""
    start = 0
    while start < min(len(first), len(second)) and first[start] == second[start]:
        start += 1
    end = 0
    while end < min(len(first), len(second)) - start and first[-1 - end] == second[-1 - end]:
        end += 1
    return first[start : len(first) - end], second[start : len(second) - end]


def likeness(first: str, second: str) -> float:
    """How alike two names' own words are, 0-100 (100: the same, the names apart only by their articles and
    prepositions or spaces; 0: not alike); see the module."""
    if first == second:
        return 100.0
    ratio = fuzz.ratio(first, second)
    spot = differing_spot(first, second)
    if ratio < MIN_NAME_RATIO or max(map(len, spot)) > MAX_CORE_LETTERS or any(c.isdigit() for c in "".join(spot)):
        return 0.0
    return ratio


def alike_names(names: Iterable[ProvisionalName], among: Iterable[ProvisionalName]) -> dict[str, tuple[str, float]]:
    """For each of `names`, the provisional actor of `among` (another id, the same country) whose name is most
    alike, with how alike (0-100); names with none, or of no known country, left out."""
    by_country: dict[str | None, list[ProvisionalName]] = defaultdict(list)
    for other in among:
        by_country[other.country].append(other)
    keys = {other.actor_id: own_words(other.name) for group in by_country.values() for other in group}
    found: dict[str, tuple[str, float]] = {}
    for name in names:
        words = own_words(name.name)
        if len(words) < MIN_OWN_LETTERS or name.country is None:
            continue  # a name of no known country may be any country's: no likeness is said
        group = [other for other in by_country.get(name.country, []) if other.actor_id != name.actor_id]
        choices = [keys[other.actor_id] for other in group]
        near = process.extract(words, choices, scorer=fuzz.ratio, score_cutoff=MIN_NAME_RATIO, limit=CANDIDATES)
        scored = [(likeness(words, keys[group[index].actor_id]), group[index].actor_id) for _, _, index in near]
        best = max(((score, actor_id) for score, actor_id in scored if score), default=None)
        if best is not None:
            found[name.actor_id] = (best[1], round(best[0], 1))
    return found
