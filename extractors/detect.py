"""Tell a document's format from its bytes, never from its name."""

from __future__ import annotations

import hashlib
import mmap
import zipfile
from pathlib import Path

from extractors.model import ExtractionError

# How many bytes of a file to sniff for text-ness: enough for a few lines of a table.
SNIFF_BYTES = 8192
# Share of control bytes above which a file is taken for binary, not text.
MAX_BINARY_SHARE = 0.02
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# A password-protected DOCX, XLSX or PPTX is an OLE compound file holding the encrypted package in a stream of this
# name (MS-OFFCRYPTO): a 128-byte directory entry opening with the name in UTF-16, its length (terminator included)
# at byte 64.
ENCRYPTED_PACKAGE = "EncryptedPackage\0".encode("utf-16-le")
DIRECTORY_ENTRY_BYTES = 128
ENTRY_NAME_LENGTH = (64, len(ENCRYPTED_PACKAGE).to_bytes(2, "little"))
ZIP_PREFIXES = {"word/": "docx", "ppt/": "pptx", "xl/": "xlsx"}
# Image files read by OCR (extractors.image): PNG, JPEG, TIFF (either byte order).
IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")


def file_sha256(path: Path) -> str:
    """SHA-256 of a file's bytes, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def detect_format(path: Path) -> str:
    """One of pdf, docx, pptx, xlsx, image, text; ExtractionError for anything else."""
    with path.open("rb") as handle:
        head = handle.read(SNIFF_BYTES)
    if not head:
        raise ExtractionError("empty_file", "the file is empty")
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK"):
        return zip_format(path)
    if head.startswith(IMAGE_MAGIC):
        return "image"
    if head.startswith(OLE_MAGIC):
        if holds_encrypted_package(path):
            raise ExtractionError("encrypted", "a password-protected Office file: save it without a password")
        raise ExtractionError("unsupported_format", "legacy Office binary (.doc/.xls/.ppt): save it as DOCX/XLSX/PPTX")
    if looks_like_text(head):
        return "text"
    raise ExtractionError("unsupported_format", "not a PDF, Office document, image (PNG, JPEG, TIFF) or text file")


def holds_encrypted_package(path: Path) -> bool:
    """Whether an OLE compound file's directory names the stream of a password-protected Office package."""
    offset, length = ENTRY_NAME_LENGTH
    with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        found = data.find(ENCRYPTED_PACKAGE)
        while found != -1:
            if found % DIRECTORY_ENTRY_BYTES == 0 and data[found + offset : found + offset + 2] == length:
                return True
            found = data.find(ENCRYPTED_PACKAGE, found + 1)
    return False


def zip_format(path: Path) -> str:
    """The Office format of a zip package, from the names of its members."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, NotImplementedError) as error:
        raise ExtractionError("corrupt_file", f"broken zip package: {error}") from error
    for prefix, fmt in ZIP_PREFIXES.items():
        if any(name.startswith(prefix) for name in names):
            return fmt
    raise ExtractionError("unsupported_format", "a zip archive that is not DOCX, PPTX or XLSX")


def looks_like_text(head: bytes) -> bool:
    """True when the bytes read as text in some common encoding."""
    if b"\x00" in head:
        return head.startswith((b"\xff\xfe", b"\xfe\xff"))  # UTF-16 with a BOM
    controls = sum(1 for byte in head if byte < 32 and byte not in b"\t\n\r\f")
    return controls / len(head) <= MAX_BINARY_SHARE
