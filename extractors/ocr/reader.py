"""The scanned pages of one document read in turn: the document's language chosen once (from its text-layer pages,
else from its first scanned page), each page's tables found by the PDF finders over the OCR'd page objects, each
cell's OCR confidence set, and what could not be read said as issues."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from extractors.model import Issue, Table
from extractors.ocr.language import guess_language, tesseract_language
from extractors.ocr.page import OcrPage, read_image, with_confidences
from extractors.ocr.settings import DEFAULT_OCR_SETTINGS, OcrSettings
from extractors.ocr.tesseract import TesseractError, tesseract_path
from extractors.pdf.page import PageResult, read_page
from extractors.pdf.settings import DEFAULT_SETTINGS, PdfSettings

NO_TEXT = "no_text_layer"
LOW_CONFIDENCE = "low_confidence"


def ocr_available() -> bool:
    """True when Tesseract is installed."""
    return tesseract_path() is not None


def page_texts(results: Iterable[PageResult]) -> list[str]:
    """The text of pages read from their text layer: their blocks and table cells."""
    texts = [block.text for result in results for block in result.blocks]
    return texts + [cell.text for result in results for table in result.tables for cell in table.cells]


@dataclass
class ScanReader:
    """Reads a document's scanned pages one by one, in the language its other pages or first scan tell."""

    known_texts: list[str] = field(default_factory=list)
    settings: OcrSettings = DEFAULT_OCR_SETTINGS
    pdf_settings: PdfSettings = DEFAULT_SETTINGS
    language: str | None = None
    pages: list[int] = field(default_factory=list)  # the pages read by OCR, with at least one word

    def __post_init__(self) -> None:
        self.language = tesseract_language(guess_language(self.known_texts))

    def read(self, number: int, image: np.ndarray, dpi: int) -> tuple[PageResult | None, list[Issue]]:
        """Page `number`'s result (None when nothing could be read) and its issues."""
        if not ocr_available():
            return None, [
                no_text(number, "Tesseract is not installed to read its image (see README, Scanned documents)")
            ]
        try:
            page = self.read_in_language(image, dpi)
        except (TesseractError, ValueError, MemoryError) as error:
            return None, [no_text(number, f"OCR failed ({error})")]
        if not page.words:
            return None, [no_text(number, "OCR found no text in its image")]
        self.pages.append(number)
        result = read_page(page.objects, number, self.pdf_settings)
        result.tables = with_confidences(result.tables, page.words)
        return result, []

    def read_in_language(self, image: np.ndarray, dpi: int) -> OcrPage:
        """The page read in the document's language; the first page read decides it when no text did (read
        again when its words tell another language)."""
        page = read_image(image, dpi, self.language, self.settings, self.pdf_settings)
        if self.language is None:
            told = tesseract_language(guess_language(word.text for word in page.words))
            self.language = told or page.language
            if told and told != page.language:
                page = read_image(image, dpi, told, self.settings, self.pdf_settings)
        return page

    def low_confidence(self, tables: Iterable[Table]) -> list[Issue]:
        """One warning for the document when cells read by OCR fall below the settings' confidence."""
        threshold = self.settings.low_confidence / 100
        read = [cell for table in tables for cell in table.cells if cell.ocr_confidence is not None]
        low = [cell for cell in read if cell.ocr_confidence is not None and cell.ocr_confidence < threshold]
        if not low:
            return []
        pages = sorted({cell.page for cell in low if cell.page is not None})
        return [
            Issue(
                "extract",
                LOW_CONFIDENCE,
                f"{len(low)} of {len(read)} cells read by OCR below confidence {threshold:.2f} "
                f"(pages {', '.join(map(str, pages))}): kept, flagged in raw_cells.ocr_confidence",
                pages[0] if pages else None,
            )
        ]


def no_text(number: int, why: str) -> Issue:
    """The warning for a page nothing could be read from."""
    return Issue("extract", NO_TEXT, f"page {number} has no text layer and {why}: nothing read", number)
