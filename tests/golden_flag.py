"""The golden flag: `WORKPLANS_GOLDEN=1` (what `make golden` sets) rewrites the expected files from the output.

Parsed strictly, once, when the tests are collected: a value that is neither on nor off stops the run
instead of being read one way or the other.
"""

from __future__ import annotations

import os

GOLDEN_ENV = "WORKPLANS_GOLDEN"
ON_WORDS = frozenset({"1", "true", "yes", "on"})
OFF_WORDS = frozenset({"", "0", "false", "no", "off"})


def parse_flag(value: str | None) -> bool:
    """An environment flag as a boolean: unset or one of OFF_WORDS is off, one of ON_WORDS on (any case)."""
    word = (value or "").strip().lower()
    if word in ON_WORDS:
        return True
    if word in OFF_WORDS:
        return False
    raise ValueError(f"{GOLDEN_ENV}={value!r}: expected one of {sorted(ON_WORDS | OFF_WORDS)}")


REWRITE_GOLDEN = parse_flag(os.environ.get(GOLDEN_ENV))
