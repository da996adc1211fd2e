"""Golden files are rewritten only on purpose (`make golden`), never in CI."""

import os


def test_golden_flag_is_off_in_ci() -> None:
    if os.environ.get("CI"):
        assert not os.environ.get("WORKPLANS_GOLDEN"), "WORKPLANS_GOLDEN is set in CI: goldens would be rewritten"
