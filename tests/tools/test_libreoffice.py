"""Pinning a PDF's dates, file IDs and checksum, however the writer spaced them (LibreOffice, pdfium, pypdf)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools import libreoffice

HEX = b"9ED2F639B1C34A0B8E0F44D2A1B2C3D4"
ZEROS = b"0" * 32


@pytest.mark.parametrize(
    ("written", "pinned"),
    [
        (
            b"/CreationDate(D:20261127155613Z')/ID [ <" + HEX + b">\n<" + HEX + b"> ]\n/DocChecksum /" + HEX,
            b"/CreationDate(D:20240115090000Z')/ID [ <" + ZEROS + b">\n<" + ZEROS + b"> ]\n/DocChecksum /" + ZEROS,
        ),
        (
            b"/DocChecksum/" + HEX + b"/Info 18 0 R /ID[<" + HEX + b"><" + HEX + b">]",
            b"/DocChecksum/" + ZEROS + b"/Info 18 0 R /ID[<" + ZEROS + b"><" + ZEROS + b">]",
        ),
        (b"/ID [ <" + HEX.lower() + b"> <" + HEX.lower() + b"> ]", b"/ID [ <" + ZEROS + b"> <" + ZEROS + b"> ]"),
    ],
    ids=["libreoffice", "pdfium", "pypdf"],
)
def test_pin_pdf_keeps_lengths_and_fixes_values(written: bytes, pinned: bytes, tmp_path: Path) -> None:
    path = tmp_path / "file.pdf"
    path.write_bytes(written)
    libreoffice.pin_pdf(path)
    assert path.read_bytes() == pinned
    assert len(pinned) == len(written)
