"""The normalized records refuse values outside their vocabularies."""

from __future__ import annotations

import pytest

from normalizers.model import ACTOR_METHODS, ActorRef, Quarter


@pytest.mark.parametrize("method", ACTOR_METHODS)
def test_actor_ref_takes_every_known_method(method: str) -> None:
    assert ActorRef("UNICEF", None, 0.0, method).method == method


@pytest.mark.parametrize("method", ["Exact", "guess", ""])
def test_actor_ref_refuses_an_unknown_method(method: str) -> None:
    with pytest.raises(ValueError, match="unknown actor method"):
        ActorRef("UNICEF", None, 0.0, method)


@pytest.mark.parametrize(("quarter", "source"), [(0, "mark"), (5, "mark"), (2, "guess")])
def test_quarter_refuses_what_no_document_says(quarter: int, source: str) -> None:
    with pytest.raises(ValueError):
        Quarter(2024, quarter, source)
