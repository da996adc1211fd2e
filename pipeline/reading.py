"""How a document is read, beyond its limits: the PDF engine, and who is told of each page read."""

from __future__ import annotations

from dataclasses import dataclass

from extractors import OnPage


@dataclass(frozen=True)
class Reading:
    """The PDF engine (None: the extractor's default), and who is told of each page: (pages read, in all)."""

    pdf_engine: str | None = None
    on_page: OnPage | None = None
