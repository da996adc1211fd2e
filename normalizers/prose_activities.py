"""A workplan written as prose, with no table: each activity a paragraph (a bold line, a heading) followed by
labelled lines naming its lead, partners, timeline and status ("Lead: FAO", "Partenaires : OIM, NRC",
"Cronograma: T2–T3 2027", "Estado: Em curso"), under objective and output headings.

A line is labelled when the words before its colon are a column header of the vocabulary's [roles] table naming
one of LINE_ROLES; an activity is the paragraph just before a run of labelled lines that describe one (two roles
or more, its lead or partners among them: normalizers/activity_fields.py). Ordinary prose ("Note: the meeting …",
one labelled line) makes none. The activities of a run
with no other paragraph between them become one table (a header of "Activity" and the labels as written, a row per
activity), placed where its first activity stands, so the headings between the tables set their context as the
headings above any table do (normalizers/workplan.py). The paragraphs stay text blocks as well; each table is
marked in its notes as read from them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from extractors import extract
from extractors.model import Document, Table, TextBlock
from normalizers.action_paragraphs import paragraph_table, with_action_paragraphs, with_tables
from normalizers.activity_fields import LINE_ROLES, describe_an_activity
from normalizers.headers import role_of_header
from normalizers.record_tables import with_record_tables

NOTE = "read from activities written as paragraphs with labelled lines"
# A label is a few words before a colon: "Lead", "Chef de file", "Organismo responsable".
LABELLED = re.compile(r"^\s*(?P<label>[^:：\n]{1,40}?)\s*[:：]\s*(?P<value>.*\S)?\s*$", re.DOTALL)
MAX_LABEL_WORDS = 4
ACTIVITY_HEADER = "Activity"


@dataclass(frozen=True)
class ProseActivity:
    """One activity read from paragraphs: its text block and its labelled lines (label, role, value)."""

    block: TextBlock
    lines: tuple[tuple[str, str, str], ...]


def read_document(path: Path, engine: str | None = None) -> Document:
    """A document as the normalizers read it: extracted (a PDF with `engine`), the action points and the
    activities its paragraphs hold read into tables as well."""
    return with_paragraph_tables(extract(path, engine))


def with_paragraph_tables(document: Document) -> Document:
    """The document with the tables its paragraphs hold (lists of action points, activities in prose) and its
    tables of one activity each read into one."""
    return with_prose_activities(with_action_paragraphs(with_record_tables(document)))


def with_prose_activities(document: Document) -> Document:
    """The document with a table for each run of activities written in prose (itself when none)."""
    return with_tables(document, [activities_table(run) for run in activity_runs(document.text_blocks)])


def labelled_line(text: str) -> tuple[str, str, str] | None:
    """A line's label, the role it names and its value ("Partners: NRC, DRC" -> ("Partners", "partners",
    "NRC, DRC")), or None for a line that is no labelled line."""
    match = LABELLED.match(text)
    if match is None or len(match["label"].split()) > MAX_LABEL_WORDS:
        return None
    role = role_of_header(match["label"])
    if role not in LINE_ROLES:
        return None
    return match["label"].strip(), role, " ".join((match["value"] or "").split())


def activity_runs(blocks: Sequence[TextBlock]) -> Iterator[list[ProseActivity]]:
    """The activities written in prose, run by run: those with no other paragraph or heading between them."""
    run: list[ProseActivity] = []
    index = 0
    while index < len(blocks):
        activity = activity_at(blocks, index)
        if activity is None:
            if run:
                yield run
            run = []
            index += 1
            continue
        run.append(activity)
        index += 1 + len(activity.lines)
    if run:
        yield run


def activity_at(blocks: Sequence[TextBlock], index: int) -> ProseActivity | None:
    """The activity whose paragraph is the block at `index`: one that is no labelled line, followed by labelled
    lines that describe an activity (two roles or more, one of them its lead or partners)."""
    if labelled_line(blocks[index].text) is not None or not blocks[index].text.strip():
        return None
    lines: list[tuple[str, str, str]] = []
    for block in blocks[index + 1 :]:
        line = labelled_line(block.text)
        if line is None:
            break
        lines.append(line)
    if not describe_an_activity([role for _, role, _ in lines]):
        return None
    return ProseActivity(blocks[index], tuple(lines))


def activities_table(run: Sequence[ProseActivity]) -> Table:
    """The table of one run of activities: "Activity" and each role's first label as written, a row per
    activity (a role labelled twice under one activity: its values on lines of one cell)."""
    labels: dict[str, str] = {}
    for activity in run:
        for label, role, _ in activity.lines:
            labels.setdefault(role, label)
    rows = [(ACTIVITY_HEADER, *labels.values())]
    for activity in run:
        values = {role: "\n".join(v for _, r, v in activity.lines if r == role and v) for role in labels}
        rows.append((" ".join(activity.block.text.split()), *values.values()))
    first = run[0].block
    return paragraph_table(rows, first, f"activities from paragraph {first.order + 1}", NOTE)
