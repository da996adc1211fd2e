"""Section rows, numbered heading rows and headings above tables: the context level each one sets.

A section's label decides its level ("Objective 1: …" → objective, "Pillar 2 – …" → priority, "Produit
1.1 : …" → output; the words are data, table [sections] of `data/vocab/<lang>.toml`); an unlabelled band
is a priority. Numbered heading rows (1 / 1.1 over 1.1.1 activities, I / A / 1) take their level from their
depth among the table's heading depths.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from normalizers.text import clean_text
from normalizers.vocab import best_match, fold

SECTIONS_TABLE = "sections"
LEVELS = ("priority", "objective", "output", "indicator")
# Level of an unlabelled full-width band: the broadest grouping of a plan.
BAND_LEVEL = "priority"
# The levels of a table's numbered heading depths, by how many depths it has above its activities: a
# logframe numbers objectives, then outputs (1 / 1.1 / 1.1.1); a third depth above them is a priority.
HEADING_LEVELS = {1: ("objective",), 2: ("objective", "output"), 3: ("priority", "objective", "output")}
# After a label, a number or code ("Objective 1", "Output 1.2", "Axe A") or a separator says it is a label.
AFTER_LABEL = re.compile(r"^(?:\d|[ivx]+(?:\s|$)|[a-z](?:\s|$)|$)")
LABEL_SEPARATORS = (":", "–", "—", "-", ".")
# How far past the label a separator may stand ("Strategic Objective 2 – …" has its dash after the code).
SEPARATOR_REACH = 8
# What may follow a bare label, folded ("Outcome 2", "Output 1.2:" → "1 2", "Axe B -" → "b"): a code only.
BARE_CODE = re.compile(r"^(?:\d{1,3}(?: \d{1,3})*|[ivx]{1,5}|[a-z])?$")
# A numbering code at the start of a cell: arabic with dots, a roman numeral or a capital letter.
NUMBERING = re.compile(r"^(?:(?P<arabic>\d{1,3}(?:\.\d{1,3})*)|(?P<roman>[IVX]{1,5})|(?P<letter>[A-Z]))[.)]?$")
# The space a narrow column's line wrap leaves inside a numbering code: after a dot, before a digit.
WRAPPED_CODE = re.compile(r"(?<=\d\.)\s+(?=\d)")
# Depth of the three kinds of numbering in an "I / A / 1" scheme.
ROMAN_DEPTH, LETTER_DEPTH = 1, 2


@dataclass(frozen=True)
class Section:
    """A section row or heading: the context level it sets and its text as printed."""

    level: str  # priority | objective | output | indicator
    text: str


def label_level(text: str) -> str | None:
    """The level a section label at the start of the text names ("Strategic Objective 2 – …"), or None."""
    match = best_match(SECTIONS_TABLE, text, anchored=True)
    if match is None:
        return None
    level, end = match
    rest = fold(text)[end:].strip()
    head = clean_text(text)[: end + SEPARATOR_REACH]
    return level if AFTER_LABEL.match(rest) or any(mark in head for mark in LABEL_SEPARATORS) else None


def bare_label_level(text: str) -> str | None:
    """The level of a cell holding a section label and its code only ("Outcome 2", "Pilier 3 :"), or None."""
    match = best_match(SECTIONS_TABLE, text, anchored=True)
    if match is None:
        return None
    level, end = match
    return level if BARE_CODE.match(fold(text)[end:].strip()) else None


def labelled_pair(label: str, text: str) -> Section | None:
    """A section set out over two cells, its bare label in the first ("Outcome 2" | "Families …"), or None."""
    level = bare_label_level(label)
    if level is None:
        return None
    shown = clean_text(label).rstrip(" :.–—-")
    return Section(level, f"{shown}: {clean_text(text)}")


def band_section(text: str) -> Section:
    """A full-width band row: its label's level, else a priority."""
    return Section(label_level(text) or BAND_LEVEL, clean_text(text))


def heading_section(text: str) -> Section | None:
    """A heading paragraph above a table that names its level by a label, or None."""
    level = label_level(text)
    return Section(level, clean_text(text)) if level else None


def unwrapped_code(text: str) -> str:
    """A cell's text with the space a line wrap left after a dot inside a code taken out ("1.1. 2" → "1.1.2")."""
    return WRAPPED_CODE.sub("", clean_text(text))


def numbering_depth(code: str) -> int | None:
    """How deep a numbering code is ("1" 1, "1.2" 2, "1.1.1." 3; "II" 1, "B" 2), or None."""
    match = NUMBERING.match(unwrapped_code(code))
    if match is None:
        return None
    if match["arabic"]:
        return match["arabic"].count(".") + 1
    return ROMAN_DEPTH if match["roman"] else LETTER_DEPTH


def depth_levels(depths: Sequence[int]) -> dict[int, str]:
    """The level of each heading depth of a table (the depths above its activities), broadest first."""
    distinct = sorted(set(depths))
    levels = HEADING_LEVELS.get(len(distinct), LEVELS[: len(distinct)])
    return dict(zip(distinct, levels, strict=False))


def numbered_section(code: str, text: str, levels: Mapping[int, str]) -> Section | None:
    """A numbered heading row: its label's level, else its depth's; None when its depth is an activity's."""
    depth = numbering_depth(code)
    if depth is None or depth not in levels:
        return None
    shown = clean_text(text) or clean_text(code)
    return Section(label_level(shown) or levels[depth], shown)


def apply_section(context: dict[str, str], section: Section) -> dict[str, str]:
    """The context under a section: the broader levels kept, its own level set, the deeper ones cleared."""
    rank = LEVELS.index(section.level)
    kept = {level: text for level, text in context.items() if level in LEVELS[:rank]}
    return {**kept, section.level: section.text}
