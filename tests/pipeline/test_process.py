"""One document through the worker's steps: hashed once, its pages counted by its backend."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.limits import Limits
from pipeline.process import process_file

PDF = Path(__file__).parent.parent / "fixtures" / "pdf" / "row-taller-than-page.pdf"


def test_the_file_is_hashed_once_and_its_digest_handed_to_the_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_second_hash(path: Path) -> str:
        raise AssertionError(f"{path} hashed again by the extractor")

    monkeypatch.setattr("extractors.pdf.document.file_sha256", no_second_hash)
    outcome = process_file(PDF)
    assert outcome.error_kind is None and outcome.sha256 is not None and len(outcome.sha256) == 64


def test_a_document_over_the_page_limit_is_refused_before_it_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("pages read")

    monkeypatch.setattr("extractors.pdf.document.read_pages", no_reading)
    outcome = process_file(PDF, limits=Limits(max_pages=2))
    assert outcome.error_kind == "too_many_pages"
