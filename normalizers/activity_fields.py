"""The labelled fields that describe one activity, whether written as lines under a paragraph
(normalizers/prose_activities.py) or as the rows of a table of its own (normalizers/record_tables.py)."""

from __future__ import annotations

from collections.abc import Collection

# The roles a labelled field of an activity may name.
LINE_ROLES = frozenset(("lead", "partners", "donor", "timeline", "start", "end", "status", "location", "comments"))
# Roles of which one at least must be labelled for the fields to describe a workplan's activity: who does it (a
# date and a venue under a report's title are no activity).
CORE_ROLES = frozenset(("lead", "partners"))
# An activity has this many labelled fields at least, naming this many roles.
MIN_LABELS = 2


def describe_an_activity(roles: Collection[str]) -> bool:
    """True when the roles of an activity's labelled fields (one per field, repeats kept) are enough to call it
    one: at least MIN_LABELS fields naming as many roles, its lead or partners among them."""
    named = set(roles)
    return len(roles) >= MIN_LABELS and len(named) >= MIN_LABELS and bool(named & CORE_ROLES)
