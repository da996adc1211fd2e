"""The DOCX extractor on one fixture per kind of messiness, and the shared OOXML package guards."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from docx.oxml.parser import parse_xml

from extractors import extract as extract_any
from extractors import ooxml
from extractors.docx import MAX_GRID_COLUMNS, extract
from extractors.model import Document, ExtractionError, Table
from tests.extractors.office_golden import FIXTURES, check_golden
from tests.fixture_files import BAD

DOCX = FIXTURES / "docx"
# A zip local file header's fixed part, before the member's name and extra field.
LOCAL_HEADER_BYTES = 30
CASES = [
    "merged-priority-cells",
    "shaded-quarters",
    "nested-table",
    "split-table-across-pages",
    "table-in-content-control",
    "headings-and-bullets",
    "symbol-font-ticks",
]


def read(case: str) -> Document:
    """The extracted fixture."""
    return extract(DOCX / f"{case}.docx")


def spans(table: Table) -> dict[tuple[int, int], tuple[int, int]]:
    """(row, col) -> (row_span, col_span) of the merged cells."""
    return {(c.row, c.col): (c.row_span, c.col_span) for c in table.cells if c.row_span > 1 or c.col_span > 1}


@pytest.mark.parametrize("case", CASES)
def test_golden(case: str) -> None:
    check_golden(read(case), "docx", case)


def test_registry_dispatches_docx_by_content() -> None:
    assert extract_any(DOCX / "nested-table.docx").format == "docx"


def test_merged_cells_are_recorded_once_with_their_spans() -> None:
    document = read("merged-priority-cells")
    (table,) = document.tables
    assert spans(table) == {(0, 0): (2, 1), (0, 1): (2, 1), (0, 2): (2, 1), (0, 3): (1, 4), (2, 0): (3, 1)}
    grid = table.grid()
    assert grid[0][3:] == ["Timeline 2024", "", "", ""]
    assert [row[0] for row in grid[2:]] == ["Monitoring & Evaluation and Reporting", "", ""]
    assert document.title == "Inter-Sector Workplan 2024"


def test_shading_marks_quarters_but_white_does_not() -> None:
    (table,) = read("shaded-quarters").tables
    shaded = {(c.row, c.col) for c in table.cells if c.shaded}
    assert shaded == {(1, 3), (1, 4), (2, 4), (2, 5), (3, 3), (3, 4), (3, 5), (3, 6)}
    assert all(c.text == "" for c in table.cells if c.shaded)


def test_symbol_font_ticks_read_as_ticks() -> None:
    (table,) = read("symbol-font-ticks").tables
    assert [row[3:] for row in table.grid()[1:3]] == [["✓", "✓", "", ""], ["", "✓", "✓", ""]]


def test_nested_table_follows_its_outer_table() -> None:
    outer, inner, after = read("nested-table").tables
    assert outer.grid()[1][1] == "Partners by governorate:"
    assert inner.grid() == [["Bekaa", "UNICEF, ACF"], ["North", "NRC, Oxfam"]]
    assert after.grid() == [["Lead", "UNICEF"]]
    assert outer.order < inner.order < after.order


def test_pieces_of_a_split_table_are_joined_header_once() -> None:
    workplan, points = read("split-table-across-pages").tables
    grid = workplan.grid()
    assert (workplan.n_rows, workplan.n_cols) == (7, 7)
    assert [row[0] for row in grid].count("Priority") == 1
    assert grid[-1][1] == "Translate public dashboards to Arabic"
    assert points.grid()[0] == ["Action point", "Status"]


def test_table_in_content_control_with_a_row_starting_late_and_a_legacy_merge() -> None:
    document = read("table-in-content-control")
    (table,) = document.tables
    assert table.grid()[2] == ["", "Review of the IASC protection policy", "Ongoing"]
    assert table.cell_at(2, 0) is None
    assert table.grid()[3] == ["Linkages across Results Groups", "", "RG2, RG3"]
    assert spans(table) == {(3, 0): (1, 2)}
    assert [(b.kind, b.text) for b in document.text_blocks] == [
        ("heading", "Results Group 1 – Operational Response"),
        ("bullet", "Co-Chairs: InterAction, OCHA"),
    ]


def test_text_blocks_share_reading_order_with_tables() -> None:
    document = read("headings-and-bullets")
    blocks = [(b.kind, b.level, b.text) for b in document.text_blocks]
    assert blocks[:5] == [
        ("title", 0, "IASC Results Group 1 Workplan 2020-2021"),
        ("heading", 1, "Background"),
        ("paragraph", 0, "The below workplan lays out the priorities agreed by the Results Group."),
        ("bullet", 0, "Strengthen collaboration across Results Groups"),
        ("bullet", 1, "Amplify the voices of local actors"),
    ]
    before = [b.text for b in document.text_blocks if b.order < document.tables[0].order]
    assert before[-1] == "Workplan"
    assert document.title == "IASC Results Group 1 Workplan 2020-2021"


@pytest.mark.parametrize("name", ["billion-laughs.docx", "external-entity-etc-passwd.docx"])
def test_xml_with_a_doctype_is_refused(name: str) -> None:
    with pytest.raises(ExtractionError) as caught:
        extract(BAD / name)
    assert caught.value.kind == "unsafe_xml"


def with_custom_part(tmp_path: Path, part: bytes) -> Path:
    """A copy of a DOCX fixture with one more XML part."""
    copy = tmp_path / "custom-xml.docx"
    with zipfile.ZipFile(DOCX / "nested-table.docx") as source, zipfile.ZipFile(copy, "w") as target:
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
        target.writestr("customXml/item99.xml", part)
    return copy


# utf-16 and utf-32 write a byte-order mark; the -le / -be codecs do not (a parser tells them from the NULs).
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"])
def test_doctype_in_any_part_and_encoding_is_refused(tmp_path: Path, encoding: str) -> None:
    xml = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/hostname">]><r>&x;</r>'
    with pytest.raises(ExtractionError) as caught:
        extract(with_custom_part(tmp_path, xml.encode(encoding)))
    assert caught.value.kind == "unsafe_xml"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-32-be"])
def test_a_long_wide_part_without_doctype_is_read(tmp_path: Path, encoding: str) -> None:
    xml = '<?xml version="1.0"?>\n<r>' + "<item>Coordinate partners</item>" * 1000 + "</r>"
    document = extract(with_custom_part(tmp_path, xml.encode(encoding)))
    assert document.tables


def test_python_docx_parser_does_not_resolve_external_entities() -> None:
    """Defence in depth: even past the DOCTYPE check, the parser leaves the entity unresolved."""
    with zipfile.ZipFile(BAD / "external-entity-etc-passwd.docx") as archive:
        xml = archive.read("word/document.xml")
    text = "".join(parse_xml(xml).itertext())
    assert "&xxe; Map partner" in text and "root:" not in text  # the reference left as it is, nothing read from disk


def test_truncated_package_is_corrupt() -> None:
    with pytest.raises(ExtractionError) as caught:
        extract(BAD / "truncated.docx")
    assert caught.value.kind == "corrupt_file"


def test_damaged_compressed_part_is_corrupt(tmp_path: Path) -> None:
    data = bytearray((DOCX / "nested-table.docx").read_bytes())
    with zipfile.ZipFile(DOCX / "nested-table.docx") as archive:
        info = archive.getinfo("word/document.xml")
    start = info.header_offset + LOCAL_HEADER_BYTES + len(info.filename) + len(info.extra)
    for offset in range(start + 10, start + 60):
        data[offset] ^= 0x5A
    (tmp_path / "damaged.docx").write_bytes(bytes(data))
    with pytest.raises(ExtractionError) as caught:
        extract(tmp_path / "damaged.docx")
    assert caught.value.kind == "corrupt_file"


def test_package_over_the_size_limit_is_a_zip_bomb(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ooxml, "MAX_UNCOMPRESSED_BYTES", 10_000)
    with pytest.raises(ExtractionError) as caught:
        extract(DOCX / "nested-table.docx")
    assert caught.value.kind == "zip_bomb"


def with_document_xml(tmp_path: Path, rewrite: Callable[[bytes], bytes]) -> Path:
    """A copy of the nested-table fixture with word/document.xml rewritten."""
    copy = tmp_path / "copy.docx"
    with zipfile.ZipFile(DOCX / "nested-table.docx") as source, zipfile.ZipFile(copy, "w") as target:
        for name in source.namelist():
            content = source.read(name)
            target.writestr(name, rewrite(content) if name == "word/document.xml" else content)
    return copy


def test_xml_part_over_the_size_limit_is_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ooxml, "MAX_XML_PART_BYTES", 1_000)
    with pytest.raises(ExtractionError) as caught:
        extract(DOCX / "nested-table.docx")
    assert caught.value.kind == "too_large"


def test_zip_whose_parts_are_not_word_xml_is_corrupt(tmp_path: Path) -> None:
    with pytest.raises(ExtractionError) as caught:
        extract(with_document_xml(tmp_path, lambda xml: b"<w:document"))
    assert caught.value.kind == "corrupt_file"


def test_strict_open_xml_is_named_unsupported(tmp_path: Path) -> None:
    strict = with_document_xml(
        tmp_path,
        lambda xml: xml.replace(
            b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
            b"http://purl.oclc.org/ooxml/wordprocessingml/main",
        ),
    )
    with pytest.raises(ExtractionError) as caught:
        extract(strict)
    assert caught.value.kind == "unsupported_format"


def test_content_left_out_is_reported(tmp_path: Path) -> None:
    skipped = (
        b'<w:altChunk r:id="rId99"/><w:p><w:r><w:txbxContent><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr>'
        b"</w:tbl></w:txbxContent></w:r></w:p><w:sectPr"
    )
    document = extract(with_document_xml(tmp_path, lambda xml: xml.replace(b"<w:sectPr", skipped, 1)))
    kinds = [issue.kind for issue in document.issues]
    assert kinds == ["embedded_document_skipped", "text_box_table_skipped"]
    assert read("nested-table").issues == ()


def test_hostile_grid_attributes_are_bounded(tmp_path: Path) -> None:
    """A gridSpan of a billion and decimal grid widths read as a bounded, sane grid."""
    hostile = with_document_xml(
        tmp_path,
        lambda xml: xml.replace(b"<w:tcPr>", b'<w:tcPr><w:gridSpan w:val="1000000000"/>', 1).replace(
            b'w:w="4320"', b'w:w="4320.0"'
        ),
    )
    outer = extract(hostile).tables[0]
    assert outer.n_cols <= MAX_GRID_COLUMNS + 2
    assert outer.grid()[0][0] == "Activity"
