"""Marks of the holdout's twelfth batch a reader has to read through: a status as an emoji alone (its meaning in a
legend row or a key), a footnote marker on a quarter mark ("X¹", its note in the key under the table). Their gold
conventions are in `apart.py`.
"""

from __future__ import annotations

from bench.holdout.content import STATUSES, Activity, rng, words
from bench.holdout.layout import Layout

# A status as an emoji alone; "unclear" statuses (gold null) as a question mark.
EMOJI = {"completed": "✅", "ongoing": "🔄", "planned": "🕒", "on_hold": "⏸️", "cancelled": "❌", "unclear": "❔"}
# How often a period mark carries a footnote marker.
NOTED_SHARE = 0.3


def emoji_status(activity: Activity) -> str:
    return EMOJI[activity.status] if activity.status else ""


def emoji_legend(lang: str) -> str:
    """A line telling what each emoji means, in the words of the status vocabulary."""
    names = words()[lang]["status"]
    return " · ".join(f"{EMOJI[s]} {names[s][0]}" for s in STATUSES)


def noted_mark(mark: str, layout: Layout, activity: Activity, period: int) -> str:
    """A period mark, now and then followed by one of the layout's footnote markers ("X¹")."""
    draws = rng("noted", layout.name, activity.index, period)
    if not layout.mark_notes or draws.random() >= NOTED_SHARE:
        return mark
    return mark + draws.choice(layout.mark_notes)
