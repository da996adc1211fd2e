"""PDF: ruled and borderless tables, text blocks and title, one page at a time from a source of page objects
(PDFium by default, pdfminer through pdfplumber as the reference and the fallback)."""

from __future__ import annotations

import re
import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from functools import partial
from pathlib import Path
from types import FrameType
from typing import Any

from extractors.continuation import stitch_tables
from extractors.detect import file_sha256
from extractors.model import Document, ExtractionError, Issue, Table, TextBlock
from extractors.nesting import lift_nested_header
from extractors.pdf.across import join_pages_across
from extractors.pdf.breaks import mend_page_breaks, same_columns
from extractors.pdf.objects import PageSource
from extractors.pdf.page import PAGE_NUMBER, Block, PageResult, read_page
from extractors.pdf.scanned import read_scanned_pages
from extractors.pdf.settings import DEFAULT_SETTINGS, PdfSettings
from extractors.pdf.shading import legend_shading

# Told after each page: (pages read, pages in all).
OnPage = Callable[[int, int], None]

# An outer timer restored after a page never gets less than this (0 would cancel it).
MIN_TIMER_S = 0.001
# Digits vary from page to page in furniture ("Page 3 of 10"); they are masked before comparing.
DIGITS = re.compile(r"\d+")
# Titles that converters write when the author set none: a file name, "untitled", the converter's name.
PLACEHOLDER_TITLE = re.compile(
    r"^\s*(untitled|microsoft (word|powerpoint|excel)\b)|\.(docx?|pptx?|xlsx?|pdf)\s*$", re.IGNORECASE
)


class PageTimeout(Exception):
    """A page took longer than the settings allow."""


def extract(
    path: Path,
    sha256: str | None = None,
    settings: PdfSettings = DEFAULT_SETTINGS,
    engine: str | None = None,
    on_page: OnPage | None = None,
) -> Document:
    """Read a PDF into tables and text blocks; ExtractionError when it cannot be opened. `sha256` is the
    file's digest when the caller has it already (the file is then not read again to hash it); `engine`
    overrides `settings.engine`; `on_page` is told after each page."""
    if engine is not None:
        settings = replace(settings, engine=engine)
    source = open_source(path, settings.engine)
    try:
        if not source.page_count:
            raise ExtractionError("corrupt_file", "no page could be found in the PDF (a broken page tree?)")
        results, issues = read_pages(source, settings, on_page)
        results, issues = read_scanned_pages(path, results, issues, settings)
        title = document_title(results, source.metadata())
        pages = source.page_count
    finally:
        source.close()
    document = Document(str(path), sha256 or file_sha256(path), "pdf", pages, title, issues=tuple(issues))
    return assemble(document, results, settings)


def open_source(path: Path, engine: str) -> PageSource:
    """The document opened by the engine's source; a file PDFium cannot open (other than for a password) is
    given to pdfminer, which reads some damaged files PDFium refuses."""
    if engine == "pdfium":
        try:
            return open_pdfium(path)
        except ExtractionError as error:
            if error.kind == "encrypted":
                raise
    from extractors.pdf.pdfminer_source import PdfminerSource  # deferred: pdfplumber takes 0.2 s to import

    try:
        return PdfminerSource(path)
    except Exception as error:  # pdfminer raises many unrelated types for broken files
        raise open_error(error) from error


def open_pdfium(path: Path) -> PageSource:
    """The document opened by PDFium; ExtractionError when it cannot be."""
    from extractors.pdf.pdfium_source import PASSWORD_ERROR, PdfiumError, PdfiumSource

    try:
        return PdfiumSource(path)
    except PdfiumError as error:
        if getattr(error, "err_code", None) == PASSWORD_ERROR:
            raise ExtractionError("encrypted", "the PDF is encrypted and needs a password") from error
        raise ExtractionError("corrupt_file", f"not a readable PDF (PDFium: {error})") from error


def open_error(error: Exception) -> ExtractionError:
    """The ExtractionError for a PDF that pdfplumber cannot open."""
    causes = [error, *error.args, error.__cause__]
    names = " ".join(type(cause).__name__ for cause in causes if cause is not None)
    name = type(error).__name__
    if "Password" in names or "Encrypt" in names or "encrypt" in str(error).lower():
        return ExtractionError("encrypted", "the PDF is encrypted and needs a password")
    return ExtractionError("corrupt_file", f"not a readable PDF ({name}: {error})")


def page_count(path: Path) -> int | None:
    """A PDF's page count from its page tree, without reading any page (PDFium: pdfminer can loop for minutes
    on a damaged encrypted file before it gets there); None when it cannot be told."""
    from extractors.pdf.pdfium_source import PdfiumError, PdfiumSource

    try:
        source = PdfiumSource(path)
    except (PdfiumError, OSError):  # a broken or encrypted file: extract() says what is wrong with it
        return None
    try:
        return source.page_count
    finally:
        source.close()


def read_pages(
    source: PageSource, settings: PdfSettings, on_page: OnPage | None = None
) -> tuple[list[PageResult], list[Issue]]:
    """Every page read once and released; problems recorded as issues."""
    results: list[PageResult] = []
    issues: list[Issue] = []
    total = source.page_count
    for number in range(1, total + 1):
        try:
            with time_limit(settings.page_time_limit_s):
                results.append(read_page(source.page_objects(number, settings), number, settings))
        except PageTimeout:
            issues.append(
                Issue(
                    "extract",
                    "page_timeout",
                    f"page {number} took over {settings.page_time_limit_s:g} s and was skipped",
                    number,
                )
            )
        except Exception as error:  # one damaged page must not lose the others
            issues.append(Issue("extract", "page_error", f"page {number}: {type(error).__name__}: {error}", number))
        if on_page is not None:
            on_page(number, total)
    issues += [
        Issue("extract", "no_text_layer", f"page {r.number} has no text layer (a scan?): nothing read", r.number)
        for r in results
        if r.n_chars == 0
    ]
    return results, issues


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise PageTimeout in the block after `seconds` (main thread only; elsewhere no limit). A
    caller's own SIGALRM timer is left to run: shorter, it stands alone; longer, it is restored."""
    outer = signal.getitimer(signal.ITIMER_REAL)[0]
    if threading.current_thread() is not threading.main_thread() or 0 < outer <= seconds:
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise PageTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    started = time.monotonic()
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:
            signal.setitimer(signal.ITIMER_REAL, max(outer - (time.monotonic() - started), MIN_TIMER_S))


def document_title(results: list[PageResult], metadata: dict[str, Any]) -> str | None:
    """The title the author set in the PDF's metadata, else the largest text on page 1."""
    title = metadata.get("Title")
    if isinstance(title, str) and title.strip() and not PLACEHOLDER_TITLE.search(title):
        return title.strip()
    first = next((r for r in results if r.number == 1), None)
    blocks = [b for b in first.blocks if not b.furniture and b.text.strip()] if first else []
    return max(blocks, key=lambda b: b.size).text if blocks else None


def repeated_furniture(results: list[PageResult], share: float) -> set[str]:
    """Masked texts of header/footer candidates that recur across pages."""
    counts = Counter(key for r in results for key in {DIGITS.sub("#", b.text) for b in r.blocks if b.furniture})
    threshold = max(2, share * len(results))
    return {key for key, count in counts.items() if count >= threshold}


def assemble(document: Document, results: list[PageResult], settings: PdfSettings) -> Document:
    """The document with its pages' content: furniture dropped, tables printed across pages joined side by side,
    continued tables stitched, nested tables' headers lifted, reading order numbered."""
    furniture = repeated_furniture(results, settings.furniture_repeat_share)
    results = mend_page_breaks(join_pages_across(results), settings)
    legend = [colour for result in results for colour in result.swatches]
    entries: list[Table | TextBlock] = []
    for result in results if not legend else [keyed_shading(result, legend, settings) for result in results]:
        for item in result.items():
            if isinstance(item, Block):
                if is_furniture(item, furniture):
                    continue
                entries.append(TextBlock(text=item.text, kind=item.kind, page=result.number))
            else:
                entries.append(item)
    entries = stitch_tables(entries, partial(continues_on_next_page, tolerance=settings.continued_edge_tolerance))
    entries = [lift_nested_header(entry) if isinstance(entry, Table) else entry for entry in entries]
    tables, blocks = number_entries(entries, document.title)
    return replace(document, tables=tuple(tables), text_blocks=tuple(blocks))


def keyed_shading(result: PageResult, legend: list[tuple[float, ...]], settings: PdfSettings) -> PageResult:
    """A page's tables with only the shading of the legend's colours."""
    tables = [
        legend_shading(table, fills, legend, settings) for table, fills in zip(result.tables, result.fills, strict=True)
    ]
    return replace(result, tables=tables)


def continues_on_next_page(part: Table, second: Table, tolerance: float) -> bool:
    """True when `second` opens the page after the table part `part`, with the same columns in the same
    place (the same right edge, or for borderless parts, whose right edge is where their words end, the
    same columns): the rest of a table the page break cut."""
    if part.page is None or second.page != part.page + 1 or part.n_cols != second.n_cols:
        return False
    if part.bbox is None or second.bbox is None or abs(part.bbox[0] - second.bbox[0]) >= tolerance:
        return False
    return abs(part.bbox[2] - second.bbox[2]) < tolerance or same_columns(part, second)


def is_furniture(block: Block, repeated: set[str]) -> bool:
    """True for a header/footer candidate that repeats, or is a bare page number."""
    return block.furniture and (DIGITS.sub("#", block.text) in repeated or bool(PAGE_NUMBER.match(block.text)))


def number_entries(entries: list[Table | TextBlock], title: str | None) -> tuple[list[Table], list[TextBlock]]:
    """Give every table and block its reading-order position; mark the title block."""
    tables: list[Table] = []
    blocks: list[TextBlock] = []
    titled = False
    for order, item in enumerate(entries):
        if isinstance(item, Table):
            tables.append(replace(item, order=order, locator=f"page {item.page}, table {len(tables) + 1}"))
            continue
        kind = item.kind
        if not titled and title is not None and item.page == 1 and item.text == title:
            kind, titled = "title", True
        blocks.append(replace(item, order=order, kind=kind))
    return tables, blocks
