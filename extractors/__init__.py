"""Extractors: one backend per input format, all returning `extractors.model.Document`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from types import ModuleType

from extractors.detect import detect_format
from extractors.model import Document


@dataclass(frozen=True)
class Backend:
    """One format's reader (docling's backends): a module holding `extract(path, sha256=None) -> Document`
    and, for a paginated format, `page_count(path)` that tells the pages without reading them."""

    module: str
    paginated: bool = False

    def load(self) -> ModuleType:
        """The backend's module, imported on first use (keeps the CLI's start-up light)."""
        return import_module(self.module)

    def extract(self, path: Path, sha256: str | None = None) -> Document:
        """The document; `sha256` given when the caller hashed the file already."""
        return self.load().extract(path, sha256)  # type: ignore[no-any-return]

    def page_count(self, path: Path) -> int | None:
        """The number of pages, before any is read; None for a format without pages or a broken file."""
        return self.load().page_count(path) if self.paginated else None  # type: ignore[no-any-return]


# Detected format -> its backend.
BACKENDS: dict[str, Backend] = {
    "pdf": Backend("extractors.pdf", paginated=True),
    "docx": Backend("extractors.docx"),
    "pptx": Backend("extractors.pptx"),
    "xlsx": Backend("extractors.xlsx"),
    "text": Backend("extractors.text"),
    "image": Backend("extractors.image", paginated=True),  # PNG, JPEG, TIFF: read by OCR
}
EXTRACTOR_MODULES: dict[str, str] = {fmt: backend.module for fmt, backend in BACKENDS.items()}


def backend_for(fmt: str) -> Backend:
    """The backend registered for a format."""
    return BACKENDS[fmt]


def extractor_for(fmt: str) -> Callable[[Path], Document]:
    """The extract function registered for a format."""
    return BACKENDS[fmt].load().extract  # type: ignore[no-any-return]


def extract(path: Path) -> Document:
    """Extract a document of any supported format, told from its bytes."""
    return backend_for(detect_format(path)).extract(path)
