"""Headless LibreOffice, the one way every generator renders an Office file.

Each call runs with a private profile (a temporary folder: other users and other calls may run
LibreOffice at the same time), a time limit that ends the whole process group, and, for PDF output,
dates and file IDs pinned so that rendering the same source twice writes the same bytes. The committed PDFs
were rendered by Debian 12's LibreOffice 7.4 (`apt-get install libreoffice-writer-nogui
libreoffice-impress-nogui libreoffice-calc-nogui`) with its DejaVu and Liberation fonts; another version or
other fonts lay pages out differently.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import tempfile
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

SOFFICE = "soffice"
INSTALL_HINT = "apt-get install libreoffice-writer-nogui libreoffice-impress-nogui libreoffice-calc-nogui"
# A few small documents take seconds; a whole batch of a hundred short ones well under this.
DEFAULT_TIMEOUT_S = 300.0
# The date every generator writes into its files, so that a rebuild is byte-identical.
PINNED_DATE = datetime(2024, 1, 15, 9, 0, 0)
# A PDF date, and its file ID pair and checksum (32 hex digits each), replaced by fixed values of the same length;
# spaced as LibreOffice writes them, or packed as pdfium (pypdfium2) and pypdf save them.
PDF_DATE_RE = re.compile(rb"D:\d{14}")
PDF_ID_RE = re.compile(rb"(/ID\s*\[\s*)<[0-9A-Fa-f]{32}>(\s*)<[0-9A-Fa-f]{32}>")
PDF_CHECKSUM_RE = re.compile(rb"(/DocChecksum\s*/)[0-9A-F]{32}")
PDF_ZEROS = b"0" * 32


class LibreOfficeError(RuntimeError):
    """LibreOffice failed, timed out or did not write an expected file."""


def convert(
    sources: Sequence[Path],
    outdir: Path,
    target: str = "pdf",
    *,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    pinned: datetime | None = PINNED_DATE,
) -> list[Path]:
    """Render `sources` into `outdir` in one LibreOffice call; the written files, in the order of `sources`.

    `target` is what `--convert-to` takes: an extension, or an extension with a filter and its options
    ("pdf:writer_pdf_Export:{...}"). PDF dates and IDs are pinned to `pinned` (None leaves them as written).
    """
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="workplans-lo-") as profile:
        command = [
            SOFFICE,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(outdir),
            *map(str, sources),
        ]
        run_in_group(command, timeout_s)
    extension = target.split(":", 1)[0]
    written = [outdir / f"{source.stem}.{extension}" for source in sources]
    missing = [path.name for path in written if not path.exists()]
    if missing:
        raise LibreOfficeError(f"LibreOffice did not write {', '.join(missing)}")
    if pinned is not None and extension == "pdf":
        for path in written:
            pin_pdf(path, pinned)
    return written


def run_in_group(command: list[str], timeout_s: float) -> None:
    """Run a command in its own process group; the whole group is killed past `timeout_s`."""
    try:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    except FileNotFoundError:
        raise LibreOfficeError(f"{command[0]} not found: {INSTALL_HINT}") from None
    try:
        _, stderr = process.communicate(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise LibreOfficeError(f"LibreOffice ran past {timeout_s:.0f} s: {' '.join(command[:5])} ...") from None
    if process.returncode:
        raise LibreOfficeError(f"LibreOffice failed ({process.returncode}): {stderr.decode(errors='replace')[-500:]}")


def pin_pdf(path: Path, pinned: datetime = PINNED_DATE) -> None:
    """Pin a PDF file's dates, file ID and checksum (`pinned_pdf`)."""
    path.write_bytes(pinned_pdf(path.read_bytes(), pinned))


def pinned_pdf(data: bytes, pinned: datetime = PINNED_DATE) -> bytes:
    """A PDF's dates, file ID and checksum replaced by fixed values of the same length (offsets stay valid)."""
    data = PDF_DATE_RE.sub(pinned.strftime("D:%Y%m%d%H%M%S").encode(), data)
    data = PDF_ID_RE.sub(rb"\1<" + PDF_ZEROS + rb">\2<" + PDF_ZEROS + rb">", data)
    return PDF_CHECKSUM_RE.sub(rb"\g<1>" + PDF_ZEROS, data)
