"""Extractors: one backend per input format, all returning `extractors.model.Document`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from types import ModuleType

from extractors.detect import detect_format
from extractors.model import Document

# Told after each page a paginated backend reads: (pages read, pages in all).
OnPage = Callable[[int, int], None]


@dataclass(frozen=True)
class Backend:
    """One format's reader (docling's backends): a module holding `extract(path, sha256=None) -> Document`
    and, for a paginated format, `page_count(path)` that tells the pages without reading them."""

    module: str
    paginated: bool = False
    helpers: tuple[str, ...] = ()  # modules it imports on first use, worth importing ahead (see `modules`)

    @property
    def modules(self) -> tuple[str, ...]:
        """Every module a reading needs: what a worker pool imports before its first document."""
        return (self.module, *self.helpers)

    def load(self) -> ModuleType:
        """The backend's module, imported on first use (keeps the CLI's start-up light)."""
        return import_module(self.module)

    def extract(
        self, path: Path, sha256: str | None = None, engine: str | None = None, on_page: OnPage | None = None
    ) -> Document:
        """The document; `sha256` given when the caller hashed the file already. A paginated backend reads
        with the parser `engine` names (None: its default) and tells `on_page` after each page."""
        if self.paginated:
            return self.load().extract(path, sha256, engine=engine, on_page=on_page)  # type: ignore[no-any-return]
        return self.load().extract(path, sha256)  # type: ignore[no-any-return]

    def page_count(self, path: Path) -> int | None:
        """The number of pages, before any is read; None for a format without pages or a broken file."""
        return self.load().page_count(path) if self.paginated else None  # type: ignore[no-any-return]


# Detected format -> its backend.
BACKENDS: dict[str, Backend] = {
    "pdf": Backend("extractors.pdf", paginated=True, helpers=("extractors.pdf.pdfium_source",)),
    "docx": Backend("extractors.docx"),
    "pptx": Backend("extractors.pptx"),
    "xlsx": Backend("extractors.xlsx"),
    "text": Backend("extractors.text"),
    "image": Backend("extractors.image", paginated=True),  # PNG, JPEG, TIFF: read by OCR
}


def backend_for(fmt: str) -> Backend:
    """The backend registered for a format."""
    return BACKENDS[fmt]


def extract(path: Path, engine: str | None = None) -> Document:
    """Extract a document of any supported format, told from its bytes (a PDF read with `engine`)."""
    return backend_for(detect_format(path)).extract(path, engine=engine)
