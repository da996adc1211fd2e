"""Images (PNG, JPEG, TIFF: a scanned or photographed workplan, one page per frame of the file) read by OCR into
the PDF reader's page objects (`extractors.ocr`), so the same finders read their tables; the page size in points
comes from the image's resolution (or `OcrSettings.default_dpi` when it states none)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
from PIL import Image, ImageSequence, UnidentifiedImageError

from extractors import OnPage
from extractors.detect import file_sha256
from extractors.model import Document, ExtractionError, Issue
from extractors.ocr.settings import DEFAULT_OCR_SETTINGS, OcrSettings
from extractors.pdf.document import assemble, document_title
from extractors.pdf.page import PageResult
from extractors.pdf.settings import DEFAULT_SETTINGS, PdfSettings

# Pillow's modes that hold colour (read as RGB); every other mode is read as grey.
COLOUR_MODES = frozenset({"RGB", "RGBA", "RGBX", "P", "PA", "CMYK", "YCbCr", "LAB", "HSV"})
# Pillow's errors for a file it cannot decode, besides its own.
DECODE_ERRORS = (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError)


def extract(
    path: Path,
    sha256: str | None = None,
    engine: str | None = None,
    on_page: OnPage | None = None,
    settings: PdfSettings = DEFAULT_SETTINGS,
    ocr_settings: OcrSettings = DEFAULT_OCR_SETTINGS,
) -> Document:
    """Read an image file's pages by OCR, telling `on_page` after each; ExtractionError when it cannot be decoded.
    `engine` names a PDF parser: an image has one reader, and takes none."""
    from extractors.ocr.reader import ScanReader  # deferred: OpenCV takes a while to import

    reader = ScanReader(settings=ocr_settings, pdf_settings=settings)
    results: list[PageResult] = []
    issues: list[Issue] = []
    pages = page_count(path) or 0
    for number, image, dpi in frames(path, ocr_settings.default_dpi):
        result, page_issues = reader.read(number, image, dpi)
        issues += page_issues
        results.append(result or PageResult(number))
        if on_page is not None:
            on_page(number, pages)
    issues += reader.low_confidence(t for r in results for t in r.tables)
    title = document_title(results, {})
    document = Document(str(path), sha256 or file_sha256(path), "image", len(results), title, issues=tuple(issues))
    return assemble(document, results, settings)


def frames(path: Path, default_dpi: int) -> Iterator[tuple[int, np.ndarray, int]]:
    """Each frame of an image file (1-based), as an array, with its resolution."""
    try:
        with Image.open(path) as image:
            for number, frame in enumerate(ImageSequence.Iterator(image), start=1):
                grey = frame.mode not in COLOUR_MODES
                yield number, np.asarray(frame.convert("L" if grey else "RGB")), dpi_of(frame, default_dpi)
    except DECODE_ERRORS as error:
        raise ExtractionError("corrupt_file", f"not a readable image ({type(error).__name__}: {error})") from error


def dpi_of(frame: Image.Image, default_dpi: int) -> int:
    """The resolution an image states (its horizontal one), else the default."""
    stated = frame.info.get("dpi")
    try:
        value = round(float(stated[0])) if stated else 0
    except (TypeError, ValueError, IndexError):
        value = 0
    return value if value > 1 else default_dpi


def page_count(path: Path) -> int | None:
    """The number of frames (pages) of an image file; None when it cannot be read."""
    try:
        with Image.open(path) as image:
            return int(getattr(image, "n_frames", 1))
    except DECODE_ERRORS:
        return None
