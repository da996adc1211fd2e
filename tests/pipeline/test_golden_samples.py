"""The sample documents read as their hand-written goldens say, field by field.

The goldens in tests/golden/ were written by reading the seed documents, not by running the
pipeline; they are never regenerated (`make golden` leaves them alone). Each DOCX/PPTX is checked
together with its LibreOffice PDF rendering; PDF text may differ only in whitespace and in
in-word hyphens, which a line break can add or eat.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from normalizers.model import Activity
from normalizers.prose_activities import read_document
from normalizers.workplan import document_to_activities

ROOT = Path(__file__).resolve().parents[2]
GOLDEN_DIR = ROOT / "tests" / "golden"
SAMPLES = ROOT / "data" / "samples"
FIXTURES = ROOT / "tests" / "fixtures"
# (golden name, document) pairs: every DOCX/PPTX sample and its PDF rendering, and the spreadsheet.
CASES: list[tuple[str, Path]] = [
    ("inter-sector-workplan-2023", SAMPLES / "inter-sector-workplan-2023.docx"),
    ("inter-sector-workplan-2023", SAMPLES / "inter-sector-workplan-2023.pdf"),
    ("child-protection-workplan-2020", SAMPLES / "child-protection-workplan-2020.docx"),
    ("child-protection-workplan-2020", SAMPLES / "child-protection-workplan-2020.pdf"),
    ("results-group-1-workplan-2020-2021", SAMPLES / "results-group-1-workplan-2020-2021.docx"),
    ("results-group-1-workplan-2020-2021", SAMPLES / "results-group-1-workplan-2020-2021.pdf"),
    ("action-points-deck", SAMPLES / "action-points-deck.pptx"),
    ("action-points-deck", SAMPLES / "action-points-deck.pdf"),
    ("child-protection-two-row-header", SAMPLES / "child-protection-two-row-header.xlsx"),
]
TEXT_FIELDS = ("priority", "objective", "output", "indicator", "lead_raw", "partners_raw", "status")
# A hyphen inside a word, maybe at a line break: "sub-national", "sub-\nnational", "subnational" are alike.
IN_WORD_HYPHEN = re.compile(r"(?<=\w)-\s*(?=\w)")
# Mismatches listed in one failure message before the rest are counted.
MAX_REPORTED = 40
# Characters of a text shown in a failure message.
SHOWN_CHARS = 90


def normalise(text: Any, pdf: bool) -> str | None:
    """Collapse whitespace; for PDF text also drop in-word hyphens, which a line break may add or eat."""
    if text is None:
        return None
    value = str(text)
    if pdf:
        value = IN_WORD_HYPHEN.sub("", value)
    value = " ".join(value.split())
    return value or None


def shown(text: str | None) -> str:
    """A text cut short enough for a failure message."""
    if text is None or len(text) <= SHOWN_CHARS:
        return repr(text)
    return repr(text[:SHOWN_CHARS] + "…")


def load_golden(name: str) -> dict[str, Any]:
    """The golden expectation for one sample."""
    return json.loads((GOLDEN_DIR / f"{name}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def read_cache() -> dict[Path, list[Activity]]:
    """Each document read once per module, shared by its tests."""
    return {}


def activities_of(path: Path, cache: dict[Path, list[Activity]]) -> list[Activity]:
    """The pipeline's activities for a document."""
    if path not in cache:
        cache[path] = document_to_activities(read_document(path))
    return cache[path]


def case_id(case: tuple[str, Path]) -> str:
    """A test id naming the document file."""
    return case[1].name


def row_differences(index: int, expected: dict[str, Any], actual: Activity, pdf: bool) -> list[str]:
    """What differs between a golden row and the activity read for it, one line per field."""
    label = f"row {index} ({shown(normalise(expected['activity'], pdf))})"
    lines = []
    for name in TEXT_FIELDS:
        want, got = normalise(expected[name], pdf), normalise(getattr(actual, name), pdf)
        if want != got:
            lines.append(f"{label}: {name}: expected {shown(want)}, got {shown(got)}")
    if expected["timeline_raw"] is not None:
        want, got = normalise(expected["timeline_raw"], pdf), normalise(actual.timeline_raw, pdf)
        if want != got:
            lines.append(f"{label}: timeline_raw: expected {shown(want)}, got {shown(got)}")
    want_quarters = {(year, quarter) for year, quarter in expected["quarters"]}
    got_quarters = {(q.year, q.quarter) for q in actual.quarters}
    if want_quarters != got_quarters:
        lines.append(
            f"{label}: quarters: expected {sorted(want_quarters, key=str)}, got {sorted(got_quarters, key=str)}"
        )
    for key, value in expected.get("extra", {}).items():
        want, got = normalise(value, pdf), normalise(actual.extra.get(key), pdf)
        if want != got:
            lines.append(f"{label}: extra[{key!r}]: expected {shown(want)}, got {shown(got)}")
    return lines


def pair_rows(expected: list[dict[str, Any]], actual: list[Activity], pdf: bool) -> list[tuple[int, int | None]]:
    """Each golden row's index with the index of the first unused activity of the same text, or None."""
    unused: dict[str | None, list[int]] = {}
    for index, activity in enumerate(actual):
        unused.setdefault(normalise(activity.activity, pdf), []).append(index)
    pairs = []
    for index, row in enumerate(expected):
        candidates = unused.get(normalise(row["activity"], pdf), [])
        pairs.append((index, candidates.pop(0) if candidates else None))
    return pairs


def field_differences(expected: list[dict[str, Any]], actual: list[Activity], pdf: bool) -> list[str]:
    """What differs between golden rows and the activities read, one line per field or missing row."""
    lines = []
    for index, match in pair_rows(expected, actual, pdf):
        if match is None:
            lines.append(f"row {index} ({shown(normalise(expected[index]['activity'], pdf))}): not found")
        else:
            lines += row_differences(index, expected[index], actual[match], pdf)
    return lines


def failure_message(lines: list[str]) -> str:
    """Mismatch lines for an assertion, cut after MAX_REPORTED."""
    more = len(lines) - MAX_REPORTED
    return "\n".join(lines[:MAX_REPORTED] + ([f"... and {more} more"] if more > 0 else []))


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_activity_texts_in_order(case: tuple[str, Path], read_cache: dict[Path, list[Activity]]) -> None:
    """The document yields the golden activities, one per leaf row, in table order."""
    name, path = case
    pdf = path.suffix == ".pdf"
    expected = [normalise(row["activity"], pdf) for row in load_golden(name)["activities"]]
    got = [normalise(activity.activity, pdf) for activity in activities_of(path, read_cache)]
    lines = [
        f"row {index}: expected {shown(want)}, got {shown(have)}"
        for index, (want, have) in enumerate(zip(expected, got, strict=False))
        if want != have
    ]
    if len(expected) != len(got):
        lines.insert(0, f"{path.name}: expected {len(expected)} activities, got {len(got)}")
        lines += [f"row {i}: expected {shown(expected[i])}, got nothing" for i in range(len(got), len(expected))]
        lines += [f"row {i}: unexpected {shown(got[i])}" for i in range(len(expected), len(got))]
    assert not lines, failure_message(lines)


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_fields_match_golden(case: tuple[str, Path], read_cache: dict[Path, list[Activity]]) -> None:
    """Each golden row's context, lead, partners, status, timeline, quarters and extra are read as written."""
    name, path = case
    pdf = path.suffix == ".pdf"
    lines = field_differences(load_golden(name)["activities"], activities_of(path, read_cache), pdf)
    assert not lines, failure_message(lines)


def test_goldens_are_well_formed() -> None:
    """Every golden row has the fields the comparison reads, a known status and quarters 1..4."""
    statuses = {None, "completed", "ongoing", "planned", "on_hold", "cancelled"}
    for name in sorted({name for name, _ in CASES}):
        for index, row in enumerate(load_golden(name)["activities"]):
            assert row["activity"], f"{name} row {index}: empty activity"
            assert row["status"] in statuses, f"{name} row {index}: status {row['status']!r}"
            assert all(1 <= quarter <= 4 for _, quarter in row["quarters"]), f"{name} row {index}: quarters"
            assert set(TEXT_FIELDS) <= row.keys(), f"{name} row {index}: missing fields"
