"""One document from file to frames, with its stage timings: the work a worker process does."""

from __future__ import annotations

import zlib
from pathlib import Path

from extractors import Backend, backend_for
from extractors.detect import detect_format, file_sha256
from extractors.model import ExtractionError
from normalizers.actors import Registry
from normalizers.overrides import OverrideError
from normalizers.prose_activities import with_paragraph_tables
from normalizers.workplan import document_to_workplan
from pipeline.frames import document_frames, issues_frame
from pipeline.limits import (
    OUT_OF_MEMORY,
    TOO_LARGE,
    TOO_MANY_PAGES,
    Limits,
    file_size_breach,
    memory_message,
    pages_breach,
)
from pipeline.mapping import Corrections, overrides_hash
from pipeline.outcome import Outcome, Timer
from pipeline.reading import Reading

# The ingest_errors kind of a document a mapping's correction does not fit (a table or column it lacks).
BAD_MAPPING = "bad_mapping"


def check_pages(backend: Backend, path: Path, limits: Limits) -> None:
    """Refuse a document with more pages than the limit before spending time on its pages."""
    breach = pages_breach(backend.page_count(path), limits)
    if breach:
        raise ExtractionError(TOO_MANY_PAGES, breach)


def process_file(
    path: Path,
    registry: Registry | None = None,
    limits: Limits | None = None,
    reading: Reading = Reading(),
    corrections: Corrections | None = None,
) -> Outcome:
    """Extract and normalise one file into frames, read as `reading` says, under the corrections of the mappings
    that match it; never raises."""
    limits = limits or Limits()
    timer = Timer()
    sha256 = None
    try:
        breach = file_size_breach(path, limits)
        if breach:
            return Outcome(str(path), None, error_kind=TOO_LARGE, message=breach)
        sha256 = timer.run("open", lambda: file_sha256(path))
        backend = timer.run("open", lambda: backend_for(detect_format(path)))
        timer.run("open", lambda: check_pages(backend, path, limits))
        document = timer.run("extract", lambda: backend.extract(path, sha256, reading.pdf_engine, reading.on_page))
        document = timer.run("recognise", lambda: with_paragraph_tables(document))
        breach = pages_breach(document.pages, limits)
        if breach:
            raise ExtractionError(TOO_MANY_PAGES, breach)
        overrides = corrections.for_document(path, sha256) if corrections else None
        workplan = timer.run("recognise", lambda: document_to_workplan(document, registry, overrides))
        mapping_hash = overrides_hash(overrides)
        known = registry.actors if registry is not None else None
        frames = timer.run("normalise", lambda: document_frames(document, workplan, overrides, mapping_hash, known))
        issues = issues_frame(str(path), sha256, [*document.issues, *workplan.issues])
        return Outcome(str(path), sha256, frames, issues, timings=timer.seconds)
    except OverrideError as error:
        return Outcome(str(path), sha256, error_kind=BAD_MAPPING, message=str(error), timings=timer.seconds)
    except ExtractionError as error:
        return Outcome(str(path), sha256, error_kind=error.kind, message=error.message, timings=timer.seconds)
    except MemoryError:
        return Outcome(
            str(path), sha256, error_kind=OUT_OF_MEMORY, message=memory_message(limits), timings=timer.seconds
        )
    except zlib.error as error:  # damaged compressed data (a zip member, a PDF stream) met by any reader
        return Outcome(str(path), sha256, error_kind="corrupt_file", message=f"damaged compressed data: {error}")
    except OSError as error:
        return Outcome(str(path), sha256, error_kind="unreadable", message=error.strerror or str(error))
    except RecursionError as error:
        return Outcome(str(path), sha256, error_kind="too_deep", message=f"nesting too deep to read: {error}")
    except Exception as error:  # a bug or a hostile file must not stop the batch
        return Outcome(str(path), sha256, error_kind="internal_error", message=f"{type(error).__name__}: {error}")
