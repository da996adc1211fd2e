"""One actor cell naming the lead and its support under labels ("Lead: WFP / Support: NRC, REACH").

A workplan with one "Responsible / Support" column writes both roles in its cells, each after a label and a
colon, on one line or two. The labels are data (`data/vocab/<lang>.toml`, table [cell_labels]: key "lead" or
"partners"); a label counts at the start of the cell or after a separator ("/", ";", "|", ",", a line break, a
dash or a full stop before a space), always before its colon; in a cell opening with a label, after any space too
(a PDF loses the line break between "Lead: WFP" and "Support: NRC"). The text before the first label keeps the
column's role.
"""

from __future__ import annotations

import re
from functools import cache

from normalizers.vocab import phrase_pattern, section, unaccent

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
