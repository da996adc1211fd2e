"""heldout18's collectives of a body's members in general form (bench/ACTOR_RESULTS.md, "heldout18's classes"): the
member word closing a mention ("<group> members", "<comité> – membres") names the members, no one, unless the body
before it is a registry name (the closed-world labels read "<registry group> members" as the group); never a
provisional actor named "... members". Written with other bodies, places and languages than any labelled cell."""

from __future__ import annotations

import pytest

from normalizers.actor_words import is_members_of_unnamed_body
from normalizers.actors import Registry
from tests.normalizers.actor_cells import actors


@pytest.mark.parametrize(
    ("key", "members"),
    [
        ("livelihoods twg members", True),  # an unnamed body's members
        ("comite de nutricao membros", True),
        ("mesa de agua de piura miembros", True),
        ("hct members", False),  # a registry body: read as the body
        ("field coordinators with members", False),  # a body and a collective
        ("members", False),  # the collective alone: another rule's
        ("members voice foundation", False),  # the word inside a name
    ],
)
def test_a_member_word_closing_an_unnamed_body(key: str, members: bool) -> None:
    assert is_members_of_unnamed_body(key) is members


@pytest.mark.parametrize(
    ("cell", "country", "expected"),
    [
        ("Livelihoods TWG members", "UGA", []),  # no one, never "+Livelihoods TWG members"
        ("Nutrition Working Group members", "NER", []),
        ("Groupe de travail Santé – membres", "NER", []),  # after a dash or a colon: the members alone
        ("Groupe de travail Santé : membres", "NER", []),
        ("Mesa de Agua y Saneamiento de Piura – miembros", "PER", []),
        ("Comité de Nutrição – membros", "AGO", []),
        ("Cash WG members", "NER", [None]),  # a registry name of another country: to review, no provisional
        ("HCT members", "NER", ["hct"]),  # a registry body's members: the body, as before
        ("Members Voice Foundation", "KEN", ["+Members Voice Foundation"]),  # the word inside a name
    ],
)
def test_members_of_a_body_are_no_provisional_actor(
    cell: str, country: str, expected: list[str | None], registry: Registry
) -> None:
    assert actors(cell, country, registry) == expected
