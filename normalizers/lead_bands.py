"""Bands naming the lead agency of the activities under them, in a table with no lead column.

A band row (merged across the table, or a row whose only text is its first cell) whose text is organisations
("UNICEF", "WHO / Ministry of Health") is who leads the rows under it up to the next band, not their context.
Decided by content, table by table: a band is an organisation when every mention its text splits into (as an
actor cell's) reads as an organisation's name and is a registry organisation, an acronym or a name with an
organisation word; the table's bands are leads only when at least one of them names a registry organisation that
is no coordination body (a table banded by clusters or by themes keeps its bands as context, as before).
"""

from __future__ import annotations

from collections.abc import Sequence

from normalizers.actor_registry import Registry, is_acronym_like
from normalizers.actor_segment import split_mentions
from normalizers.actor_words import organisation_type, reads_as_organisation
from normalizers.headers import OrganisationTest
from normalizers.layout import TableLayout
from normalizers.rows import Row, band_candidates

REGISTERED = "registered"
NAMED = "named"
# The organisation type of a coordination body ("Shelter Working Group", "Protection Cluster"): a band naming
# one alone is as often the table's theme as its lead.
COORDINATION = "coordination_body"


def lead_band_rows(
    rows: Sequence[Row], layout: TableLayout, registry: Registry, registered: OrganisationTest
) -> frozenset[int]:
    """The indices of the rows that are bands naming a lead (none when no band names a registry organisation);
    `registered`: whether registry names cover a text."""
    kinds = {row.index: band_kind(row.texts()[0], registry, registered) for row in band_candidates(rows, layout)}
    if REGISTERED not in kinds.values():
        return frozenset()
    return frozenset(index for index, kind in kinds.items() if kind)


def band_kind(text: str, registry: Registry, registered: OrganisationTest) -> str | None:
    """REGISTERED for a band whose mentions are all organisations, one a registry organisation that is no
    coordination body; NAMED when all read as organisations otherwise; None for a band naming anything else."""
    mentions = split_mentions(text, registry)
    if not mentions or not all(is_organisation(mention, registered) for mention in mentions):
        return None
    known = any(registered(mention) and organisation_type(mention) != COORDINATION for mention in mentions)
    return REGISTERED if known else NAMED


def is_organisation(mention: str, registered: OrganisationTest) -> bool:
    """A mention reading as an organisation: a registry name, an acronym, or a name with an organisation word."""
    if registered(mention):
        return True
    return reads_as_organisation(mention) and (is_acronym_like(mention) or organisation_type(mention) is not None)
