"""Shared guards for the zip-based Office formats (DOCX, PPTX, XLSX): bombs, corrupt packages, DTDs."""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from extractors.model import ExtractionError, Table, TextBlock

T = TypeVar("T")

# A real workplan package holds a few MB of XML and images; 512 MiB unpacked is far beyond any of
# them, so anything larger is taken for a zip bomb.
MAX_UNCOMPRESSED_BYTES = 512 << 20
# The readers hold a part's whole tree in memory at 10-20x its size (openpyxl: ~2M cells per 100 MiB);
# a larger XML part is a data dump, not a document to read in one worker.
MAX_XML_PART_BYTES = 100 << 20
# Office XML compresses 5-30x, sparse sheets up to ~100x; bombs reach 1000x and more.
MAX_COMPRESSION_RATIO = 250
# Below this unpacked size a member's ratio is not checked: tiny parts compress oddly and harmlessly.
RATIO_CHECK_MIN_BYTES = 1 << 20
# A package with more parts than this is not an office document but an archive flood.
MAX_MEMBERS = 20_000
# How much of an XML part's start to read when looking for a DOCTYPE in its prolog.
PROLOG_SCAN_BYTES = 16_384
# The prolog ends at the root element's start tag: '<' followed by a name character.
ROOT_TAG = re.compile(rb"<[A-Za-z_]")
DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
XML_SUFFIXES = (".xml", ".rels", ".vml")
# How an XML parser tells a part's encoding before reading it (XML 1.0 appendix F, as libxml2 does): a
# byte-order mark (SharePoint writes customXml parts in UTF-16 with one), longest first.
BYTE_ORDER_MARKS = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xef\xbb\xbf", "utf-8"),
)
# Without a mark, the NUL bytes around the first character ('<' or a space, ASCII in every encoding) tell a
# wide encoding: which of the first four bytes are NUL, for each.
NUL_PATTERNS = (
    ((True, True, True, False), "utf-32-be"),
    ((False, True, True, True), "utf-32-le"),
    ((True, False), "utf-16-be"),
    ((False, True), "utf-16-le"),
)
# What zipfile raises on a broken, encrypted (RuntimeError) or oddly compressed (NotImplementedError) member.
ZIP_READ_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    OSError,
    EOFError,
    zlib.error,
    RuntimeError,
    NotImplementedError,
    ValueError,
)


def check_package(path: Path) -> None:
    """Raise ExtractionError when the file is not a sane zip package: corrupt, a bomb or with a DTD."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            check_member_sizes(members)
            for member in members:
                if member.filename.lower().endswith(XML_SUFFIXES):
                    check_no_doctype(archive, member)
    except ZIP_READ_ERRORS as error:
        raise ExtractionError("corrupt_file", f"not a valid Office package: {error}") from error


def check_member_sizes(members: list[zipfile.ZipInfo]) -> None:
    """Refuse packages whose declared sizes or ratios mark a zip bomb, or whose XML is too big to read."""
    if len(members) > MAX_MEMBERS:
        raise ExtractionError("zip_bomb", f"{len(members)} parts in the package (limit {MAX_MEMBERS})")
    total = sum(member.file_size for member in members)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise ExtractionError("zip_bomb", f"{total} bytes once unpacked (limit {MAX_UNCOMPRESSED_BYTES})")
    for member in members:
        if member.file_size > MAX_XML_PART_BYTES and member.filename.lower().endswith(XML_SUFFIXES):
            raise ExtractionError(
                "too_large",
                f"part {member.filename} holds {member.file_size} bytes of XML (limit {MAX_XML_PART_BYTES})",
            )
        if member.file_size < RATIO_CHECK_MIN_BYTES:
            continue
        ratio = member.file_size / max(member.compress_size, 1)
        if ratio > MAX_COMPRESSION_RATIO:
            raise ExtractionError(
                "zip_bomb", f"part {member.filename} expands {ratio:.0f}x (limit {MAX_COMPRESSION_RATIO}x)"
            )


def check_no_doctype(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> None:
    """Refuse an XML part that declares a DTD: Office never writes one; entity tricks need one."""
    with archive.open(member) as handle:
        raw = handle.read(PROLOG_SCAN_BYTES)
    head = as_utf8(raw)
    root = ROOT_TAG.search(head)
    if root is None and member.file_size > PROLOG_SCAN_BYTES:
        raise ExtractionError(
            "unsafe_xml",
            f"part {member.filename} has no root element in its first {PROLOG_SCAN_BYTES} bytes (a padded prolog)",
        )
    prolog = head[: root.start()] if root else head
    if DOCTYPE.search(prolog):
        raise ExtractionError("unsafe_xml", f"part {member.filename} declares a DOCTYPE (entities refused)")


def xml_encoding(head: bytes) -> tuple[str, int]:
    """The encoding a parser reads an XML part in, told from its first bytes (as libxml2 does), and the
    length of its byte-order mark."""
    for mark, encoding in BYTE_ORDER_MARKS:
        if head.startswith(mark):
            return encoding, len(mark)
    nuls = tuple(byte == 0 for byte in head[:4])
    for pattern, encoding in NUL_PATTERNS:
        if nuls[: len(pattern)] == pattern:
            return encoding, 0
    return "utf-8", 0


def as_utf8(head: bytes) -> bytes:
    """The start of an XML part as UTF-8, read in the encoding a parser would read it in."""
    encoding, mark = xml_encoding(head)
    if encoding == "utf-8":
        return head[mark:]
    return head[mark:].decode(encoding, errors="ignore").encode("utf-8")


def open_package(path: Path, opener: Callable[[Path], T]) -> T:
    """Check the package, then open it with a library reader; its failures become corrupt_file."""
    check_package(path)
    try:
        return opener(path)
    except ExtractionError:
        raise
    except Exception as error:  # the readers raise KeyError, ValueError, lxml errors... on broken parts
        raise ExtractionError("corrupt_file", f"unreadable Office package: {error}") from error


def document_title(
    core_title: str | None, blocks: list[TextBlock], kinds: tuple[str, ...] = ("title", "heading")
) -> str | None:
    """The core-properties title, else the first text block of the first of `kinds` found."""
    if core_title and core_title.strip():
        return core_title.strip()
    for kind in kinds:
        found = next((block.text for block in blocks if block.kind == kind), None)
        if found:
            return found
    return None


# Symbol fonts draw ticks and boxes from ordinary character codes ('ü' in Wingdings is a tick):
# workplans mark quarters and statuses with them. Known glyphs by font and 8-bit code.
SYMBOL_FONT_GLYPHS: dict[str, dict[int, str]] = {
    "wingdings": {0xFC: "✓", 0xFB: "✗", 0xFE: "☑", 0xFD: "☒", 0x6F: "☐", 0x6C: "●", 0x6E: "■"},
    "wingdings 2": {0x50: "✓", 0x4F: "✗", 0x52: "☑", 0x53: "☒", 0xA3: "☐"},
    "symbol": {0xD6: "√", 0xB4: "×"},
}
# Symbol characters are also written in the private-use page F000-F0FF, offset by the font's code.
SYMBOL_PAGE = range(0xF000, 0xF100)


def symbol_font_text(font: str | None, text: str) -> str:
    """Text written in a symbol font, with the ticks and boxes it draws as their Unicode characters."""
    glyphs = SYMBOL_FONT_GLYPHS.get((font or "").strip().lower())
    if not glyphs:
        return text
    return "".join(glyphs.get(font_code(char), char) for char in text)


def font_code(char: str) -> int:
    """The 8-bit font code of a character, taking it out of the private-use symbol page."""
    code = ord(char)
    return code - SYMBOL_PAGE.start if code in SYMBOL_PAGE else code


class ReadingOrder:
    """A document's tables and text blocks as they are read, numbered in one reading order."""

    def __init__(self) -> None:
        self.tables: list[Table] = []
        self.blocks: list[TextBlock] = []

    @property
    def order(self) -> int:
        """The next position in the shared reading order."""
        return len(self.tables) + len(self.blocks)

    def add_block(self, text: str, kind: str, page: int | None, level: int = 0) -> None:
        """Append a text block at the next reading position."""
        self.blocks.append(TextBlock(text=text, kind=kind, page=page, order=self.order, level=level))
