"""The two sources of page objects (PDFium, pdfminer through pdfplumber) read every PDF fixture alike: the same
glyphs, rules and fills, hence the same tables; a file PDFium cannot open goes to pdfminer."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import RectangleObject

from extractors import pdf
from extractors.model import Document
from extractors.pdf import document as pdf_document
from extractors.pdf.document import open_source
from extractors.pdf.objects import Char, PageObjects
from extractors.pdf.pdfium_source import PdfiumError
from extractors.pdf.settings import DEFAULT_SETTINGS
from tests.extractors.minimal_pdf import pdf_with_content

FIXTURES = Path(__file__).parent.parent / "fixtures" / "pdf"
READABLE = sorted(path for path in FIXTURES.glob("*.pdf") if path.name != "encrypted.pdf")
# Glyph and path coordinates agree to this (PDFium computes in 32-bit floats, pdfminer in 64-bit ones).
COORDINATE_TOLERANCE = 0.05
# PDFium keeps a CID font's glyph widths (/W) in whole thousandths of an em, pdfminer their fractions (277.83203):
# along one run of text, PDFium's glyphs fall behind pdfminer's by up to this share of the font size per glyph.
WIDTH_DRIFT_EM = 0.001


def reading(document: Document) -> tuple[object, ...]:
    """What a reading yields, for comparison: title, pages, tables (page, grid, shading) and text blocks."""
    tables = [(t.page, t.grid(), sorted((c.row, c.col) for c in t.cells if c.shaded)) for t in document.tables]
    return document.title, document.pages, tables, [(b.kind, b.text, b.page) for b in document.text_blocks]


def page_objects(path: Path, engine: str) -> list[PageObjects]:
    """Every page's objects as the engine's source reads them."""
    source = open_source(path, engine)
    try:
        return [source.page_objects(number, DEFAULT_SETTINGS) for number in range(1, source.page_count + 1)]
    finally:
        source.close()


def close(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return len(a) == len(b) and all(abs(x - y) <= COORDINATE_TOLERANCE for x, y in zip(a, b, strict=True))


def glyph_order(char: Char) -> tuple[object, ...]:
    """Glyphs sorted by place (the two parsers do not always list them in the same order)."""
    return char.direction, round(char.top), round(char.x0), char.text


def same_glyph(one: Char, two: Char, before: int = 0) -> bool:
    """The same glyph: text, flags, box (a ligature's end aside: PDFium tells no advance for it, its box ends
    where its ink does). `before`: how many glyphs precede it on its line, each of which may have moved it along
    the line by PDFium's width drift (as its own advance may differ by that much)."""
    if one.text != two.text or one[6:] != two[6:]:
        return False
    compared = (1, 2, 3, 4, 5) if len(one.text) == 1 else (1, 2, 4, 5)
    along = (1, 3) if one.direction in (0, 180) else (2, 4, 5)  # x0, x1; or top, bottom and size (the advance)
    drift = (before + 1) * WIDTH_DRIFT_EM * two.size
    return all(abs(one[i] - two[i]) <= COORDINATE_TOLERANCE + (drift if i in along else 0.0) for i in compared)


def glyphs_before(chars: list[Char]) -> list[int]:
    """For each glyph (sorted by `glyph_order`), how many glyphs precede it on its line."""
    counts: list[int] = []
    for index, char in enumerate(chars):
        same_line = index and glyph_order(chars[index - 1])[:2] == glyph_order(char)[:2]
        counts.append(counts[-1] + 1 if same_line else 0)
    return counts


def differences(first: PageObjects, second: PageObjects) -> list[str]:
    """What differs between two readings of a page: size, glyphs, rules, fills, images."""
    found = [] if close((first.width, first.height), (second.width, second.height)) else ["page size"]
    ones, twos = sorted(first.chars, key=glyph_order), sorted(second.chars, key=glyph_order)
    if len(ones) != len(twos):
        found.append(f"{len(ones)} glyphs against {len(twos)}")
    found += [
        f"{one} against {two}"
        for one, two, before in zip(ones, twos, glyphs_before(twos), strict=False)
        if not same_glyph(one, two, before)
    ]
    segments = sorted(first.segments), sorted(second.segments)
    if len(segments[0]) != len(segments[1]) or not all(
        a.orientation == b.orientation and close(a[1:], b[1:]) for a, b in zip(*segments, strict=True)
    ):
        found.append(f"rules: {segments[0]} against {segments[1]}")
    fills = sorted(first.fills), sorted(second.fills)
    if len(fills[0]) != len(fills[1]) or not all(
        close(a[:4], b[:4]) and a.white == b.white for a, b in zip(*fills, strict=True)
    ):
        found.append(f"fills: {fills[0]} against {fills[1]}")
    return found + ([] if first.images == second.images else ["images"])


@pytest.mark.parametrize("path", READABLE, ids=lambda path: path.stem)
def test_both_engines_read_the_same_tables_and_text(path: Path) -> None:
    assert reading(pdf.extract(path, engine="pdfium")) == reading(pdf.extract(path, engine="pdfplumber"))


@pytest.mark.parametrize("path", READABLE, ids=lambda path: path.stem)
def test_both_sources_give_the_same_page_objects(path: Path) -> None:
    pdfium, pdfminer = page_objects(path, "pdfium"), page_objects(path, "pdfplumber")
    assert len(pdfium) == len(pdfminer)
    assert [differences(one, two) for one, two in zip(pdfium, pdfminer, strict=True)] == [[]] * len(pdfium)


def test_rotation_and_crop_box_are_honoured_alike(tmp_path: Path) -> None:
    reader = PdfReader(FIXTURES / "ruled-merged-cells.pdf")
    writer = PdfWriter()
    page = writer.add_page(reader.pages[0])
    page.cropbox = RectangleObject((40, 60, 580, 760))
    page.rotate(90)
    turned = tmp_path / "turned.pdf"
    writer.write(turned)
    (pdfium,), (pdfminer,) = page_objects(turned, "pdfium"), page_objects(turned, "pdfplumber")
    assert close((pdfium.width, pdfium.height), (700.0, 540.0))  # the crop box, turned
    assert differences(pdfium, pdfminer) == []
    upright = pdf.extract(FIXTURES / "ruled-merged-cells.pdf").tables[0].grid()
    assert [t.grid() for t in pdf.extract(turned, engine="pdfium").tables] == [upright]


def test_pdfium_spreads_the_actual_text_of_a_glyph_over_its_box_character_by_character(tmp_path: Path) -> None:
    marked = tmp_path / "actual-text.pdf"
    marked.write_bytes(
        pdf_with_content(b"BT /F1 12 Tf 72 700 Td /Span <</ActualText (abc)>> BDC (w) Tj EMC ( yz) Tj ET")
    )
    (pdfium,), (pdfminer,) = page_objects(marked, "pdfium"), page_objects(marked, "pdfplumber")
    assert [char.text for char in pdfminer.chars] == ["w", " ", "y", "z"]  # pdfminer reads the glyphs drawn
    assert [char.text for char in pdfium.chars] == ["a", "b", "c", " ", "y", "z"]
    pieces = pdfium.chars[:3]
    assert all(one.x1 == two.x0 for one, two in zip(pieces, pieces[1:], strict=False))  # one slice after another
    assert pdfminer.chars[0].x0 <= pieces[0].x0 and pieces[-1].x1 <= pdfminer.chars[0].x1  # within the glyph


def test_a_file_pdfium_cannot_open_is_read_by_pdfminer(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path: Path) -> None:
        raise PdfiumError("Failed to load document (PDFium: Data format error).", err_code=3)

    monkeypatch.setattr("extractors.pdf.pdfium_source.PdfiumSource", refuse)
    source = pdf_document.open_source(FIXTURES / "borderless.pdf", "pdfium")
    try:
        assert type(source).__name__ == "PdfminerSource"
    finally:
        source.close()
    assert reading(pdf.extract(FIXTURES / "borderless.pdf")) == reading(
        pdf.extract(FIXTURES / "borderless.pdf", engine="pdfplumber")
    )


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_each_page_read_is_told(engine: str) -> None:
    told: list[tuple[int, int]] = []
    document = pdf.extract(FIXTURES / "multipage-continued.pdf", engine=engine, on_page=lambda *seen: told.append(seen))
    assert document.pages is not None and document.pages > 1
    assert told == [(number, document.pages) for number in range(1, document.pages + 1)]


def test_an_unknown_engine_is_refused() -> None:
    with pytest.raises(ValueError, match="engine"):
        pdf.PdfSettings(engine="poppler")
