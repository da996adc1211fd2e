"""PDF: ruled and borderless tables, shading, text blocks and title, one page at a time.

`document` reads the file page by page through a source of page objects (`objects`, filled by
`pdfminer_source`); `page` runs the table finders (`finders`: ruled, borderless) and groups the rest of
the text; `extractors.continuation` joins the tables a page break cut. Every tolerance is in
`settings.PdfSettings`.
"""

from __future__ import annotations

from extractors.pdf.document import extract, page_count
from extractors.pdf.settings import PdfSettings

__all__ = ["PdfSettings", "extract", "page_count"]
