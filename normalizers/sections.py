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
from itertools import combinations

from normalizers.text import clean_text
from normalizers.vocab import best_match, fold

SECTIONS_TABLE = "sections"
# Labels of the outcome level ("Resultado 1.1", "Outcome 2"): objectives alone, the level below under an objective.
OUTCOME_TABLE = "outcome_sections"
LEVELS = ("priority", "objective", "output", "indicator")
# Level of an unlabelled full-width band: the broadest grouping of a plan.
BAND_LEVEL = "priority"
# The levels of a table's numbered heading depths, by how many depths it has above its activities: a
# logframe numbers objectives, then outputs (1 / 1.1 / 1.1.1); a third depth above them is a priority.
HEADING_LEVELS = {1: ("objective",), 2: ("objective", "output"), 3: ("priority", "objective", "output")}
# After a label, a number or code ("Objective 1", "Output 1.2", "Axe A") or a separator says it is a label.
AFTER_LABEL = re.compile(r"^(?:\d|[ivx]+(?:\s|$)|[a-z](?:\s|$)|$)")
# A separator after a label and its code: a colon, a dash, a full stop; a hyphen only with a space beside it
# ("Pillar 2 - Prevention", not "Area-based coordination").
LABEL_SEPARATOR = re.compile(r"[:–—.]|\s-|-\s")
# How far past the label a separator may stand ("Strategic Objective 2 – …" has its dash after the code).
SEPARATOR_REACH = 8
# What may follow a bare label, folded ("Outcome 2", "Output 1.2:" → "1 2", "Axe B -" → "b", "Produit I.1"
# → "i 1", "Output 1.a" → "1 a"): a code only.
BARE_CODE = re.compile(r"^(?:(?:\d{1,3}|[ivx]{1,5}|[a-z])(?: (?:\d{1,3}|[a-z]))*)?$")
# A numbering code: a head (arabic, a roman numeral or a capital letter) and arabic parts after dots, the last
# part possibly a small letter ("1.1.a", "1.2b"): 1 / 1.1 / 1.1.1, A / A.1 / A.1.1, I / I.1, 1 / 1.a.
NUMBERING = re.compile(
    r"^(?:(?P<arabic>\d{1,3})|(?P<roman>[IVX]{1,5})|(?P<letter>[A-Z]))(?P<parts>(?:\.\d{1,3})*)"
    r"(?P<small>\.?[a-z])?[.)]?$"
)
# The space a narrow column's line wrap leaves inside a numbering code: after a dot, before a digit.
WRAPPED_CODE = re.compile(r"(?<=\d\.)\s+(?=\d)")
# Depth of a lone capital letter in an "I / A / 1" scheme (the roman numerals and the arabic numbers are 1).
LETTER_DEPTH = 2


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
    return level if AFTER_LABEL.match(rest) or LABEL_SEPARATOR.search(head) else None


def is_outcome_label(text: str) -> bool:
    """A text opening on a label of the outcome level ("Résultat 1.1 : …", "Outcome 2 –"), as a section label."""
    return best_match(OUTCOME_TABLE, text, anchored=True) is not None and label_level(text) == "objective"


def nested_outcome(section: Section, context: Mapping[str, str]) -> Section:
    """An outcome-labelled section ("Resultado 1.2: …") under an objective stated otherwise (a heading or band not
    of the outcome level, an objective column's value) is that objective's expected result: the output level."""
    objective = context.get("objective")
    if section.level != "objective" or not objective or objective == section.text or is_outcome_label(objective):
        return section
    return Section("output", section.text) if is_outcome_label(section.text) else section


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


def numbering_depth(code: str, letters_lead: bool = False) -> int | None:
    """How deep a numbering code is: one per part ("1" 1, "1.2" 2, "1.1.1." 3, "A.1.1" 3, "I.2" 2, "1.1.a" 3);
    a lone capital letter 2 in an "I / A / 1" scheme, 1 where capital letters lead compound codes (A / A.1);
    None for no code."""
    match = NUMBERING.match(unwrapped_code(code))
    if match is None:
        return None
    depth = 1 + match["parts"].count(".") + (1 if match["small"] else 0)
    if depth > 1 or not match["letter"]:
        return depth
    return 1 if letters_lead else LETTER_DEPTH


def letters_lead(codes: Sequence[str]) -> bool:
    """Whether capital letters head compound codes in these cells (A / A.1 / A.1.1): a lone letter is a top
    heading then, not the second rank of an "I / A / 1" scheme."""
    matches = (NUMBERING.match(unwrapped_code(code)) for code in codes)
    return any(match and match["letter"] and match["parts"] for match in matches)


def depth_levels(depths: Sequence[int], leaf: int = 0, columns: Sequence[str] = ()) -> dict[int, str]:
    """The level of each heading depth of a table (the depths above its activities), broadest first. When the
    depths between the headings and the activities ("1" over "1.1.a") are the table's context columns
    (`columns`, broadest first), the headings take levels above theirs."""
    distinct = sorted(set(depths))
    usual = HEADING_LEVELS.get(len(distinct), LEVELS[: len(distinct)])
    unheaded = [depth for depth in range(1, leaf) if depth not in distinct]
    if not columns or len(unheaded) != len(columns):
        return dict(zip(distinct, usual, strict=False))
    for levels in (usual, *combinations(LEVELS[:-1], len(distinct))):
        by_depth = {**dict(zip(distinct, levels, strict=False)), **dict(zip(unheaded, columns, strict=True))}
        ranks = [LEVELS.index(by_depth[depth]) for depth in sorted(by_depth)]
        if ranks == sorted(set(ranks)):
            return dict(zip(distinct, levels, strict=False))
    return dict(zip(distinct, usual, strict=False))


def numbered_section(code: str, text: str, levels: Mapping[int, str], letters_first: bool = False) -> Section | None:
    """A numbered heading row: its label's level, else its depth's; None when its depth is an activity's."""
    depth = numbering_depth(code, letters_first)
    if depth is None or depth not in levels:
        return None
    shown = clean_text(text) or clean_text(code)
    return Section(label_level(shown) or levels[depth], shown)


def leading_code_depth(text: str) -> int | None:
    """The depth of the numbering code a text opens on ("1.1 Improve …" 2), or None."""
    first = clean_text(text).split(" ", 1)[0]
    return numbering_depth(first) if first else None


def nested_section(section: Section, context: Mapping[str, str]) -> Section:
    """An unlabelled band opening on a code two deep or more ("1.1 Protect …" under "Priority 1: …") is the
    level below the deepest one the context holds above it (a text without a code, or with a shorter one), by
    its depth when the context holds none; not a priority."""
    depth = leading_code_depth(section.text)
    if section.level != BAND_LEVEL or depth is None or depth < 2 or label_level(section.text):
        return section
    held = [
        LEVELS.index(level)
        for level, text in context.items()
        if text and level in LEVELS[:-1] and (leading_code_depth(text) or 0) < depth
    ]
    rank = max(held) + 1 if held else depth - 1
    return Section(LEVELS[min(rank, len(LEVELS) - 2)], section.text)


def under_heading(section: Section, heading: Section | None) -> Section:
    """An unlabelled band of a table under a heading that named a level (a slide's title, a heading paragraph
    over each table) is the level below that heading's, not a peer that would replace it."""
    if heading is None or section.level != BAND_LEVEL or label_level(section.text):
        return section
    rank = LEVELS.index(heading.level)
    if LEVELS.index(section.level) > rank:
        return section
    return Section(LEVELS[min(rank + 1, len(LEVELS) - 2)], section.text)


def apply_section(context: dict[str, str], section: Section) -> dict[str, str]:
    """The context under a section: the broader levels kept, its own level set, the deeper ones cleared."""
    rank = LEVELS.index(section.level)
    kept = {level: text for level, text in context.items() if level in LEVELS[:rank]}
    return {**kept, section.level: section.text}
