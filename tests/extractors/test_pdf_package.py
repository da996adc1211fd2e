"""The PDF package's frame: settings validated once, finders behind a registry, a confidence per table,
the page count and the file's digest on the backend."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors import backend_for, pdf
from extractors.model import Cell, Table
from extractors.pdf import PdfSettings
from extractors.pdf.finders import FINDERS
from extractors.pdf.finders.base import table_confidence
from extractors.pdf.settings import FINDER_NAMES

FIXTURES = Path(__file__).parent.parent / "fixtures"
PDFS = sorted((FIXTURES / "pdf").glob("*.pdf"))


@pytest.mark.parametrize(
    "bad",
    [
        {"snap_tolerance": -1.0},
        {"shaded_share": 1.5},
        {"page_time_limit_s": 0.0},
        {"finders": ("lattice",)},
        {"finders": ()},
    ],
)
def test_settings_refuse_what_cannot_be_a_tolerance(bad: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        PdfSettings(**bad)  # type: ignore[arg-type]


def test_every_finder_named_in_the_settings_is_registered() -> None:
    assert tuple(FINDERS) == FINDER_NAMES


def test_a_reading_uses_only_the_finders_its_settings_name() -> None:
    borderless = FIXTURES / "pdf" / "borderless.pdf"
    assert len(pdf.extract(borderless).tables) == 1
    assert pdf.extract(borderless, settings=PdfSettings(finders=("ruled",))).tables == ()


@pytest.mark.parametrize("path", PDFS, ids=lambda path: path.stem)
def test_every_pdf_table_has_a_confidence_of_its_reading(path: Path) -> None:
    for table in pdf.extract(path).tables:
        assert 0.0 < table.confidence <= 1.0


def test_confidence_is_accuracy_times_the_share_of_the_grid_that_holds_something() -> None:
    full = Table((Cell("a", 0, 0), Cell("b", 0, 1), Cell("c", 1, 0), Cell("", 1, 1, shaded=True)), 2, 2, confidence=0.9)
    sparse = Table((Cell("a", 0, 0),), 2, 2, confidence=0.9)
    assert (table_confidence(full), table_confidence(sparse)) == (0.9, 0.225)


def test_the_backend_tells_the_pages_before_reading_them(tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog")
    assert backend_for("pdf").page_count(FIXTURES / "pdf" / "row-taller-than-page.pdf") == 3
    assert backend_for("pdf").page_count(broken) is None
    assert backend_for("docx").page_count(FIXTURES / "docx" / "nested-table.docx") is None


def test_a_digest_the_caller_has_is_not_computed_again(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_second_hash(path: Path) -> str:
        raise AssertionError(f"{path} hashed again")

    monkeypatch.setattr("extractors.pdf.document.file_sha256", no_second_hash)
    document = backend_for("pdf").extract(FIXTURES / "pdf" / "borderless.pdf", "f" * 64)
    assert document.sha256 == "f" * 64
