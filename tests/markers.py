"""Pytest marks shared by several test modules."""

import pytest

from extractors.ocr.reader import ocr_available

needs_tesseract = pytest.mark.skipif(
    not ocr_available(), reason="Tesseract is not installed (make install installs it with apt where it can)"
)
