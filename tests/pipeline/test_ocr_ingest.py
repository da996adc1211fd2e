"""A scanned workplan through the whole ingest: its activities as from its text-layer original, each cell's OCR
confidence in raw_cells, and no `no_text_layer` error for the pages OCR read."""

from pathlib import Path

import duckdb
from rapidfuzz import fuzz

from pipeline.ingest import ingest
from tests.markers import needs_tesseract

ROOT = Path(__file__).resolve().parents[2]
SCAN = ROOT / "tests" / "fixtures" / "ocr" / "child-protection-workplan-2020-scan.pdf"
ORIGINAL = ROOT / "data" / "samples" / "child-protection-workplan-2020.pdf"
# The scan's activities match its original's this much (the suite's measure: act_f1 >= 0.90 of the original's).
SAME_SHARE = 0.9
# ... with at most this many rows more (a header repeated on page 2 that OCR misreads is no longer a repeat).
EXTRA_ROWS = 3


def activities(db: Path) -> list[str]:
    with duckdb.connect(str(db), read_only=True) as con:
        return [row[0] for row in con.execute("select activity from activities").fetchall()]


@needs_tesseract
def test_a_scanned_workplan_loads_like_its_original(tmp_path: Path) -> None:
    ingest([ORIGINAL], tmp_path / "original.duckdb")
    summary = ingest([SCAN], tmp_path / "scan.duckdb")
    assert summary.loaded == 1 and not summary.failed
    original, scanned = activities(tmp_path / "original.duckdb"), activities(tmp_path / "scan.duckdb")
    found = sum(1 for text in original if any(fuzz.token_set_ratio(text, got) >= 85 for got in scanned))
    assert found >= SAME_SHARE * len(original) and len(scanned) <= len(original) + EXTRA_ROWS
    with duckdb.connect(str(tmp_path / "scan.duckdb"), read_only=True) as con:
        format_, pages = con.execute("select format, pages from documents").fetchone()
        confidences = con.execute("select min(ocr_confidence), max(ocr_confidence), count(*) from raw_cells").fetchone()
        unset = con.execute("select count(*) from raw_cells where ocr_confidence is null and text <> ''").fetchone()[0]
        errors = [row[0] for row in con.execute("select error from ingest_errors").fetchall()]
    assert (format_, pages) == ("pdf", 2)
    assert 0 <= confidences[0] <= confidences[1] <= 1 and confidences[2] > 0 and unset == 0
    assert "no_text_layer" not in errors
