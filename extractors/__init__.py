"""Extractors: one module per input format, all returning `extractors.model.Document`."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path

from extractors.detect import detect_format
from extractors.model import Document

# Detected format -> module holding `extract(path: Path) -> Document`; imported on first use.
EXTRACTOR_MODULES: dict[str, str] = {
    "pdf": "extractors.pdf",
    "docx": "extractors.docx",
    "pptx": "extractors.pptx",
    "xlsx": "extractors.xlsx",
    "text": "extractors.text",
}


def extractor_for(fmt: str) -> Callable[[Path], Document]:
    """The extract function registered for a format."""
    return import_module(EXTRACTOR_MODULES[fmt]).extract  # type: ignore[no-any-return]


def extract(path: Path) -> Document:
    """Extract a document of any supported format, told from its bytes."""
    return extractor_for(detect_format(path))(path)
