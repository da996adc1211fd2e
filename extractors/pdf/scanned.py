"""The PDF pages without a usable text layer (scans, photographs, text drawn as outlines) read again from their
image by OCR (`extractors.ocr`): each rendered with PDFium and its objects found by Tesseract and OpenCV; the
finders then read it as any page. A page OCR cannot read keeps its one `no_text_layer` warning."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extractors.model import Issue
from extractors.ocr.settings import DEFAULT_OCR_SETTINGS, OcrSettings
from extractors.pdf.page import PageResult
from extractors.pdf.settings import PdfSettings

if TYPE_CHECKING:
    import numpy as np

POINTS_PER_INCH = 72


def is_scanned(result: PageResult, settings: OcrSettings) -> bool:
    """True for a page with no text layer, or with a few glyphs only over an image (a stamp, a page number)."""
    return result.n_chars == 0 or (result.n_chars < settings.min_text_chars and result.images > 0)


def read_scanned_pages(
    path: Path,
    results: list[PageResult],
    issues: list[Issue],
    settings: PdfSettings,
    ocr_settings: OcrSettings = DEFAULT_OCR_SETTINGS,
) -> tuple[list[PageResult], list[Issue]]:
    """The page results with every scanned page read by OCR, and the issues with the `no_text_layer` warnings of
    the pages OCR read left out (and a `low_confidence` warning when cells read poorly)."""
    scanned = {result.number for result in results if is_scanned(result, ocr_settings)}
    if not scanned:
        return results, issues
    from extractors.ocr.reader import NO_TEXT, ScanReader, no_text, page_texts  # deferred: OpenCV, for scans only

    reader = ScanReader(page_texts(r for r in results if r.number not in scanned), ocr_settings, settings)
    read: dict[int, PageResult] = {}
    ocr_issues: list[Issue] = []
    for number, image in rendered_pages(path, sorted(scanned), ocr_settings.render_dpi):
        if image is None:
            ocr_issues.append(no_text(number, "PDFium could not render its image"))
            continue
        result, page_issues = reader.read(number, image, ocr_settings.render_dpi)
        ocr_issues += page_issues
        if result is not None:
            read[number] = result
    kept = [issue for issue in issues if not (issue.kind == NO_TEXT and issue.page in scanned)]
    results = [read.get(result.number, result) for result in results]
    return results, kept + ocr_issues + reader.low_confidence(t for r in read.values() for t in r.tables)


def rendered_pages(path: Path, numbers: list[int], dpi: int) -> Iterator[tuple[int, np.ndarray | None]]:
    """The pages (1-based numbers) rendered grey at `dpi`, one at a time; None for a page PDFium cannot render
    (every page when it cannot open the file)."""
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(path)
    except pypdfium2.PdfiumError:
        yield from ((number, None) for number in numbers)
        return
    try:
        for number in numbers:
            yield number, render_page(document, number, dpi)
    finally:
        document.close()


def render_page(document: Any, number: int, dpi: int) -> np.ndarray | None:
    """One page of a PDFium document rendered grey; None when it cannot be."""
    try:
        page = document[number - 1]
    except Exception:  # PDFium raises its own error or an IndexError for a page it cannot load
        return None
    try:
        return page.render(scale=dpi / POINTS_PER_INCH, grayscale=True).to_numpy()
    except Exception:  # a damaged page's content
        return None
    finally:
        page.close()
