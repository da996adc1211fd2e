"""Golden files are rewritten only on purpose (`make golden`): the flag is off in every test run.

As docling's tests/test_data_gen_flag.py: `make golden` deselects this test; any other run with the
flag on fails here, whatever else passes, so rewritten goldens cannot pass for a green suite.
"""

import pytest

from tests.golden_flag import GOLDEN_ENV, REWRITE_GOLDEN, parse_flag


def test_golden_flag_is_off() -> None:
    assert not REWRITE_GOLDEN, f"{GOLDEN_ENV} is on: golden files were rewritten, not checked"


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, False), ("", False), ("0", False), ("off", False), ("1", True), ("True", True), (" yes ", True)],
)
def test_flag_words(value: str | None, expected: bool) -> None:
    assert parse_flag(value) is expected


@pytest.mark.parametrize("value", ["2", "maybe", "enabled"])
def test_other_values_are_refused(value: str) -> None:
    with pytest.raises(ValueError, match=GOLDEN_ENV):
        parse_flag(value)
