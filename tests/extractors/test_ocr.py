"""OCR of scanned pages and images: scans of the project's own PDFs (tests/fixtures/ocr, made by
tools/fixtures/scans.py) read against the goldens of their sources; the pieces that need no Tesseract tested alone."""

from __future__ import annotations

import json
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image
from rapidfuzz import fuzz

from extractors import extract
from extractors.detect import detect_format
from extractors.model import Cell, Document, Table
from extractors.ocr import reader
from extractors.ocr.codes import harmonise_codes
from extractors.ocr.image import skew_angle, turn
from extractors.ocr.language import guess_language
from extractors.ocr.reader import ScanReader
from extractors.ocr.settings import OcrSettings
from extractors.ocr.tesseract import OcrWord, TesseractError, tsv_to_words
from tests.markers import needs_tesseract

FIXTURES = Path(__file__).parent.parent / "fixtures"
SCANS = FIXTURES / "ocr"
# A cell read by OCR matches its source's text when this similar (rapidfuzz ratio, 0..100) ...
SAME_TEXT = 85
# ... and a table reads like its source when this share of its cells match.
SAME_SHARE = 0.9


def golden_rows(source: str) -> list[list[list[str]]]:
    """The rows of each table of a PDF fixture's golden file."""
    golden = json.loads((FIXTURES / "pdf" / "expected" / f"{source}.json").read_text(encoding="utf-8"))
    return [table["rows"] for table in golden["tables"]]


def golden_shaded(source: str) -> list[list[list[int]]]:
    golden = json.loads((FIXTURES / "pdf" / "expected" / f"{source}.json").read_text(encoding="utf-8"))
    return [table["shaded"] for table in golden["tables"]]


def matching_share(read: list[list[str]], source: list[list[str]]) -> float:
    """The share of the source's cells that the scan's table holds at the same place with (almost) the same text."""
    pairs = [
        (cell, read[r][c] if r < len(read) and c < len(read[r]) else "")
        for r, row in enumerate(source)
        for c, cell in enumerate(row)
    ]
    return sum(1 for cell, got in pairs if cell == got or fuzz.ratio(cell, got) >= SAME_TEXT) / len(pairs)


def kinds(document: Document) -> list[str]:
    return [issue.kind for issue in document.issues]


@pytest.fixture(scope="module")
def gantt() -> Document:
    return extract(SCANS / "gantt-ruled-scan.pdf")


@needs_tesseract
def test_a_scanned_ruled_gantt_reads_as_its_source(gantt: Document) -> None:
    (table,) = gantt.tables
    (source,) = golden_rows("gantt-ruled")
    assert (table.n_rows, table.n_cols) == (len(source), len(source[0]))
    assert matching_share(table.grid(), source) >= SAME_SHARE
    assert sorted([c.row, c.col] for c in table.cells if c.shaded) == golden_shaded("gantt-ruled")[0]
    assert "no_text_layer" not in kinds(gantt) and gantt.format == "pdf"


@needs_tesseract
def test_cells_read_by_ocr_carry_their_confidence(gantt: Document) -> None:
    cells = [cell for cell in gantt.tables[0].cells if cell.text]
    assert cells and all(cell.ocr_confidence is not None and 0 <= cell.ocr_confidence <= 1 for cell in cells)
    assert sum(cell.ocr_confidence or 0 for cell in cells) / len(cells) > OcrSettings().low_confidence / 100


@needs_tesseract
def test_a_png_scan_of_a_borderless_table_reads_as_its_source() -> None:
    document = extract(SCANS / "borderless-scan.png")
    (source,) = golden_rows("borderless")
    assert document.format == "image" and document.pages == 1
    assert matching_share(document.tables[0].grid(), source) >= SAME_SHARE


@needs_tesseract
def test_a_page_fed_sideways_is_turned_upright() -> None:
    document = extract(SCANS / "ruled-merged-cells-sideways.jpg")
    (source,) = golden_rows("ruled-merged-cells")
    table = max(document.tables, key=lambda t: t.n_rows)
    assert table.grid()[0][:3] == source[0][:3]
    assert any(fuzz.ratio(row[1], source[2][1]) >= SAME_TEXT for row in table.grid())


@needs_tesseract
def test_an_image_of_an_empty_grid_is_one_warning() -> None:
    document = extract(FIXTURES / "pdf" / "scanned-no-text.pdf")
    assert document.tables == ()
    assert [(i.kind, i.page) for i in document.issues] == [("no_text_layer", 1)]
    assert "OCR found no text" in document.issues[0].message


@needs_tesseract
def test_a_blank_image_is_one_warning_not_a_crash(tmp_path: Path) -> None:
    blank = tmp_path / "blank.png"
    Image.new("L", (850, 1100), 255).save(blank, dpi=(100, 100))
    document = extract(blank)
    assert document.tables == () and kinds(document) == ["no_text_layer"]


def test_without_tesseract_a_scan_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "tesseract_path", lambda: None)
    document = extract(SCANS / "gantt-ruled-scan.pdf")
    assert document.tables == () and kinds(document) == ["no_text_layer"]
    assert "Tesseract is not installed" in document.issues[0].message


def test_an_unreadable_image_is_an_extraction_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    with pytest.raises(Exception) as caught:
        extract(broken)
    assert getattr(caught.value, "kind", None) == "corrupt_file"


@pytest.mark.parametrize("suffix, fmt", [(".png", "PNG"), (".jpg", "JPEG"), (".tif", "TIFF")])
def test_images_are_told_from_their_bytes(tmp_path: Path, suffix: str, fmt: str) -> None:
    path = tmp_path / f"scan{suffix}.bin"  # the name says nothing
    Image.new("L", (20, 20), 255).save(path, format=fmt)
    assert detect_format(path) == "image"


@pytest.mark.parametrize(
    "texts, language",
    [
        (["Activités prévues pour le trimestre et les partenaires de la zone"], "fr"),
        (["Actividades del plan de trabajo para los socios y las autoridades"], "es"),
        (["Actividades do plano com os parceiros nas escolas da zona"], "pt"),
        (["Activities of the workplan for the partners and the authorities"], "en"),
        (["UNICEF WFP 2024 X X"], None),
    ],
)
def test_the_language_is_told_by_function_words(texts: list[str], language: str | None) -> None:
    assert guess_language(texts) == language


@pytest.mark.parametrize("angle", [-1.5, 0.8, 2.4])
def test_a_tilted_page_is_measured(angle: float) -> None:
    page = np.full((900, 700), 255, np.uint8)
    for top in range(80, 820, 40):
        cv2.putText(page, "Distribute kits to the camps", (40, top), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 0, 2)
    assert skew_angle(turn(page, angle), OcrSettings()) == pytest.approx(-angle, abs=0.25)


def test_cells_below_the_confidence_are_one_warning() -> None:
    cells = (
        Cell("Distribute kits", 0, 0, page=2, ocr_confidence=0.91),
        Cell("UNHCR", 0, 1, page=2, ocr_confidence=0.42),
        Cell("X", 0, 2, page=3, ocr_confidence=0.3),
        Cell("typed", 0, 3),
    )
    (issue,) = ScanReader().low_confidence([Table(cells, 1, 4)])
    assert issue.kind == "low_confidence" and issue.page == 2
    assert issue.message.startswith("2 of 3 cells read by OCR below confidence 0.60 (pages 2, 3)")


def test_tesseract_words_keep_their_boxes_and_confidence() -> None:
    tsv = (
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
        "4\t1\t1\t1\t1\t0\t10\t20\t300\t30\t-1\t\n"
        '5\t1\t1\t1\t1\t1\t10\t20\t120\t30\t91.5\t"Shelter\n'
        "5\t1\t1\t1\t1\t2\t140\t22\t60\t28\t47.0\t \n"
    )
    (word,) = tsv_to_words(tsv)
    assert (word.text, word.left, word.width, word.confidence, word.line) == ('"Shelter', 10, 120, 91.5, (1, 1, 1))


def row_of(*texts: str) -> list[OcrWord]:
    """Words side by side on one row, 40 pixels apart."""
    return [OcrWord(text, 40 * index, 100, 30, 20, 90.0, (1, 1, index)) for index, text in enumerate(texts)]


@pytest.mark.parametrize(
    "texts, expected",
    [
        (("Ql", "Q2", "Q3", "4"), ["Q1", "Q2", "Q3", "Q4"]),
        (("TI", "T2", "T3", "Ta"), ["T1", "T2", "T3", "T4"]),
        (("T1", "T2", "73", "T4"), ["T1", "T2", "T3", "T4"]),
        (("M1", "M2", "MI2", "M4"), ["M1", "M2", "M12", "M4"]),
        (("Ql", "Q2", "Lead", "4"), ["Ql", "Q2", "Lead", "4"]),  # one code read whole is no row of codes
        (("Q1", "Q2", "Qty", "12"), ["Q1", "Q2", "Qty", "12"]),  # not codes: a word, a number
    ],
)
def test_short_codes_of_a_row_of_codes_are_set_right(texts: tuple[str, ...], expected: list[str]) -> None:
    assert [word.text for word in harmonise_codes(row_of(*texts))] == expected


def test_a_page_ocr_fails_on_is_one_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object) -> None:
        raise TesseractError("Tesseract took over 120 s")

    monkeypatch.setattr(reader, "tesseract_path", lambda: "/usr/bin/tesseract")
    monkeypatch.setattr(reader, "read_image", fail)
    document = extract(SCANS / "gantt-ruled-scan.pdf")
    assert document.tables == () and kinds(document) == ["no_text_layer"]
    assert "OCR failed (Tesseract took over 120 s)" in document.issues[0].message
