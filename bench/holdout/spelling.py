"""How a holdout document writes its actors: spellings, notes, typos, multi-actor cells, and the gold names."""

from __future__ import annotations

import random

from bench.holdout.content import actors, words
from bench.holdout.habits import colead
from bench.holdout.layout import Layout


def spell(key: str, lang: str, layout: Layout, draws: random.Random) -> str:
    """How this document writes an actor: mostly as spelled, sometimes with a note, sometimes misspelt."""
    actor = actors()[key]
    x = draws.random()
    if actor.typos and x < layout.typos:
        return draws.choice(actor.typos)
    if actor.notes and x < layout.typos + layout.notes:
        return draws.choice(actor.notes)
    return draws.choice(actor.spelled(lang))


def actor_cell(
    spec: str, lang: str, layout: Layout, draws: random.Random, axes: set[str]
) -> tuple[str, list[list[str]]]:
    """An actor cell from its spec, and the accepted names of the actors it names ("A with B" names both)."""
    parts: list[str] = []
    keys: list[str] = []
    for token in spec.split():
        if token == "~":
            parts.append(draws.choice(words()[lang]["collectives"]))
            axes.add("actors:collectives")
            continue
        pair = token.split("+")
        names = [spell(key, lang, layout, draws) for key in pair]
        parts.append(colead(lang, names) if layout.colead and len(names) == 2 else words()[lang]["with"].join(names))
        keys += pair
        if len(pair) > 1:
            axes.add("actors:with-joined")
    note_actors(keys, axes)
    if len(parts) > 2 and draws.random() < 0.3:
        text = ", ".join(parts[:-1]) + words()[lang]["and"] + parts[-1]
    else:
        text = draws.choice(layout.seps).join(parts)
    if len(parts) > 1:
        axes.add("actors:multi-actor-cells")
    return text, [accepted(key, lang) for key in keys]


def accepted(key: str, lang: str) -> list[str]:
    """An actor's accepted names; a coordination role also by the ways the document spells it."""
    actor = actors()[key]
    spelled = [name for name in actor.spelled(lang) if name not in actor.names] if actor.role else []
    return [*actor.names, *spelled]


def note_actors(keys: list[str], axes: set[str]) -> None:
    for key in keys:
        if not actors()[key].registered:
            axes.add("actors:unregistered")
        if actors()[key].role:
            axes.add("actors:role-mentions")
