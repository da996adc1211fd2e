"""One actor cell naming the lead and its support under labels ("Lead: WFP / Support: NRC, REACH").

A workplan with one "Responsible / Support" column writes both roles in its cells, each after a label and a
colon, on one line or two. The labels are data (`data/vocab/<lang>.toml`, table [cell_labels]: key "lead" or
"partners"); a label counts at the start of the cell or after a separator ("/", ";", "|", ",", a line break, a
dash or a full stop before a space), always before its colon; in a cell opening with a label, after any space too
(a PDF loses the line break between "Lead: WFP" and "Support: NRC"). The text before the first label keeps the
column's role.

A column whose header names both roles ("Lead / Partners", "Responsable / partenaires") may write them without
labels, the lead on the cell's first line and the partners on the next lines: a careful reader takes the first
line as the lead (a line ending in a hyphen goes on on the next line: a wrapped name), the rest as the partners;
a cell of one line is the lead.
"""

from __future__ import annotations

import re
from functools import cache

from normalizers.vocab import phrase_pattern, section, unaccent

# A line cut inside a word: a letter, then a hyphen ending the line ("CWG Co-" over "chairs").
HYPHENATED_END = re.compile(r"(?<=[^\W\d_])-$")

LABELS_TABLE = "cell_labels"
# The actor role each key of the table gives its text (as the actor columns' roles: normalizers/rows.py).
LABEL_ROLES = {"lead": "lead", "partners": "partner"}
# What may stand between two labelled parts, and is trimmed off each part.
SEPARATORS = " \t\r\n/;|,-–"


@cache
def label_regex(after_space: bool = False) -> re.Pattern[str]:
    """A label opening a cell or following a separator (or any space, with `after_space`), then its colon; the
    key named by its group."""
    groups = "|".join(f"(?P<{key}>{phrase_pattern(words)})" for key, words in section(LABELS_TABLE).items())
    before = r"(?<=\s)" if after_space else r"(?<=[/;|,\n])|(?<=[/;|,.\-–]\s)"
    return re.compile(rf"(?:^|{before})\s*(?:{groups})\s*:", re.MULTILINE)


def labelled_parts(role: str, text: str) -> list[tuple[str, str]]:
    """The cell's parts with their roles, (role, text) each: the text after each label under the label's
    role, the text before any label under `role`; the whole cell under `role` when it holds no label."""
    folded = unaccent(text.lower())
    found = list(label_regex().finditer(folded))
    if not found:
        return [(role, text)]
    if not folded[: found[0].start()].strip():  # a labelled cell: its next label may follow a wrapped line's space
        found = list(label_regex(after_space=True).finditer(folded))
    starts = [(0, role)] + [(match.end(), LABEL_ROLES[str(match.lastgroup)]) for match in found]
    ends = [match.start() for match in found] + [len(text)]
    spans = zip(starts, ends, strict=True)
    parts = [(part_role, text[start:end].strip(SEPARATORS)) for (start, part_role), end in spans]
    return [(part_role, part) for part_role, part in parts if part]


def joint_parts(text: str) -> list[tuple[str, str]]:
    """The parts of a cell of a column naming the lead and the partners: its labelled parts when it has labels,
    else its first line as the lead and its next lines as the partners."""
    parts = labelled_parts("lead", text)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(parts) > 1 or len(lines) < 2:
        return parts
    first = 1
    while first < len(lines) and HYPHENATED_END.search(lines[first - 1]):
        first += 1
    lead, partners = "".join(lines[:first]), "\n".join(lines[first:])
    return [("lead", lead)] + ([("partner", partners)] if partners else [])
