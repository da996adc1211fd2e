"""The same plan, once: documents whose activity rows are mostly the same (a DOCX and its PDF, a draft and its
final, a workbook export) form one plan group, and one of them, the primary, is the copy the views count.

Two documents hold the same plan when they share at least MIN_SHARED_ROWS activity texts (compared without
case, accents or punctuation) and those make at least SAME_PLAN_SHARE of the larger one's, and their years
agree (equal, or one of them states none): the same activities in a later year's plan are another plan.
Groups are the connected documents. The primary is, in this order:
1. the one the mapping marks `primary = true` (and never one it marks `primary = false` while another is not);
2. the richer one: more activities, then more stated fields (context, leads, partners, status, quarters);
3. the born-digital one: its cells are read as written (XLSX, DOCX, PPTX, CSV/text before PDF);
4. the one loaded last (a final replacing its draft), then the smallest document_id.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import duckdb

MIN_SHARED_ROWS = 3  # fewer shared rows is chance ("Coordination meetings"), not the same plan
SAME_PLAN_SHARE = 0.6  # a draft and its final keep most rows; two plans of one sector share a few
# Formats whose tables are read cell by cell rank before a PDF's drawn table (higher is preferred).
FORMAT_RANK = {"xlsx": 4, "docx": 4, "pptx": 3, "text": 3, "pdf": 1}
ACTIVITY_KEY = "trim(regexp_replace(lower(strip_accents(activity)), '[^a-z0-9]+', ' ', 'g'))"
SAME_PLAN_PAIRS = f"""
WITH keys AS (SELECT DISTINCT document_id, {ACTIVITY_KEY} AS key FROM activities),
sizes AS (SELECT document_id, COUNT(*) AS n FROM keys GROUP BY 1),
shared AS (
    SELECT a.document_id AS left_id, b.document_id AS right_id, COUNT(*) AS shared
    FROM keys AS a JOIN keys AS b ON a.key = b.key AND a.document_id < b.document_id
    GROUP BY 1, 2
)
SELECT s.left_id, s.right_id
FROM shared AS s
JOIN sizes AS l ON l.document_id = s.left_id
JOIN sizes AS r ON r.document_id = s.right_id
JOIN documents AS dl ON dl.document_id = s.left_id
JOIN documents AS dr ON dr.document_id = s.right_id
WHERE s.shared >= {MIN_SHARED_ROWS} AND s.shared >= {SAME_PLAN_SHARE} * GREATEST(l.n, r.n)
  AND (dl.year IS NULL OR dr.year IS NULL OR dl.year = dr.year)
"""
CANDIDATES = """
WITH fields AS (
    SELECT document_id, COUNT(*) AS activities,
           COUNT(priority) + COUNT(objective) + COUNT(output) + COUNT(indicator) + COUNT(lead_raw)
           + COUNT(partners_raw) + COUNT(status) AS stated
    FROM activities WHERE list_contains($1, document_id) GROUP BY 1
),
quarters AS (
    SELECT a.document_id, COUNT(*) AS stated
    FROM activity_quarters JOIN activities AS a USING (activity_id)
    WHERE list_contains($1, a.document_id) GROUP BY 1
)
SELECT d.document_id, d.primary_by_mapping, d.format, d.ingested_at, COALESCE(f.activities, 0),
       COALESCE(f.stated, 0) + COALESCE(q.stated, 0)
FROM documents AS d LEFT JOIN fields AS f USING (document_id) LEFT JOIN quarters AS q USING (document_id)
WHERE list_contains($1, d.document_id)
"""


@dataclass(frozen=True)
class Candidate:
    """What the primary rule weighs of one document of a group."""

    document_id: str
    primary_by_mapping: bool | None
    format: str
    ingested_at: object
    activities: int
    stated: int

    def rank(self) -> tuple[object, ...]:
        """Higher is the better primary (the module's rule, in order)."""
        marked = {True: 2, None: 1, False: 0}[self.primary_by_mapping]
        return (marked, self.activities, self.stated, FORMAT_RANK.get(self.format, 2), self.ingested_at)


def connected_groups(pairs: Iterable[tuple[str, str]]) -> list[list[str]]:
    """The groups of documents joined by pairs, each sorted, in the order of their smallest member."""
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for left, right in pairs:
        parent[root(left)] = root(right)
    groups: dict[str, list[str]] = {}
    for node in sorted(parent):
        groups.setdefault(root(node), []).append(node)
    return sorted(groups.values())


def choose_primary(candidates: Sequence[Candidate]) -> str:
    """The document of a group the views count."""
    best = max(candidates, key=lambda c: (c.rank(), [-ord(char) for char in c.document_id]))
    return best.document_id


def regroup_plans(con: duckdb.DuckDBPyConnection) -> list[list[str]]:
    """Group every loaded document with those holding the same plan and mark each group's primary, in one
    transaction; returns the groups of two or more documents."""
    pairs = [(str(left), str(right)) for left, right in con.execute(SAME_PLAN_PAIRS).fetchall()]
    groups = connected_groups(pairs)
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("UPDATE documents SET plan_group = NULL, is_primary = TRUE")
        candidates = group_candidates(con, groups)
        for group in groups:
            primary = choose_primary([candidates[document_id] for document_id in group])
            con.execute(
                "UPDATE documents SET plan_group = ?, is_primary = (document_id = ?) "
                "WHERE list_contains(?, document_id)",
                [group[0], primary, group],
            )
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return groups


def group_candidates(con: duckdb.DuckDBPyConnection, groups: Sequence[Sequence[str]]) -> dict[str, Candidate]:
    """What the primary rule weighs of every grouped document, in one query."""
    members = [document_id for group in groups for document_id in group]
    rows = con.execute(CANDIDATES, [members]).fetchall() if members else []
    return {str(r[0]): Candidate(str(r[0]), r[1], str(r[2]), r[3], int(r[4]), int(r[5])) for r in rows}


def copies_loaded(groups: Sequence[Sequence[str]], loaded: Iterable[str]) -> int:
    """How many of the documents just loaded are copies of a plan already loaded (or loaded before them in
    the same batch): in each group, its new members, less one when the group is new altogether."""
    new = set(loaded)
    count = 0
    for group in groups:
        fresh = sum(1 for document_id in group if document_id in new)
        count += fresh - (1 if fresh == len(group) else 0)
    return count
