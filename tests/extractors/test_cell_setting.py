"""How a cell's text is set (indent level, bold, italic) reaches the model from each format that shows it: the cue
of a hierarchy told only by indentation or type (tools/fixtures/layout_outline.py, layout_pdf_levels.py)."""

from __future__ import annotations

import pytest

from extractors import extract
from extractors.model import Cell, indent_level
from extractors.pdf.document import extract as extract_pdf
from extractors.pdf.objects import ITALIC_FLAG, is_italic
from extractors.text import leading_indent
from tests.extractors.office_golden import FIXTURES


def first_column(path_parts: tuple[str, str]) -> list[Cell]:
    """The body cells of the first column of a fixture's workplan table (the last table: titles come first)."""
    document = extract(FIXTURES.joinpath(*path_parts))
    table = document.tables[-1]
    return sorted((cell for cell in table.cells if cell.col == 0 and cell.row > 0), key=lambda cell: cell.row)


def test_word_paragraph_indents_are_levels() -> None:
    indents = [cell.indent for cell in first_column(("docx", "indented-levels-en.docx"))]
    assert indents[:3] == [0, indent_level(0.5 / 2.54 * 72), indent_level(1.0 / 2.54 * 72)]
    assert len(set(indents)) == 3


def test_printed_indents_keep_their_order() -> None:
    cells = first_column(("pdf", "indented-levels-printed-en.pdf"))
    objective, output, activity = (cell.indent for cell in cells[:3])
    assert objective < output < activity


def test_word_bold_runs_and_printed_bold_fonts() -> None:
    for parts in (("docx", "indented-levels-en.docx"), ("pdf", "negrita-objetivos-impreso-es.pdf")):
        assert not any(cell.bold for cell in first_column(parts)[1:2])
    bold = [cell.bold for cell in first_column(("pdf", "negrita-objetivos-impreso-es.pdf"))]
    assert bold[:2] == [True, False]


def test_workbook_fonts_and_indent_levels() -> None:
    cells = first_column(("xlsx", "niveaux-gras-italique-fr.xlsx"))
    assert [(cell.bold, cell.italic) for cell in cells[:3]] == [(True, False), (False, True), (False, False)]
    table = extract(FIXTURES / "xlsx" / "sangria-objetivos-es.xlsx").tables[-1]
    assert {cell.indent for cell in table.cells if cell.col == 1} == {0, 2}


def test_leading_spaces_and_tabs_in_text() -> None:
    assert [leading_indent(field) for field in ("Goal", "  Output", "    Task", "\tOutput", " Lone space")] == [
        0,
        1,
        2,
        1,
        0,
    ]
    stripped = [cell.text for cell in first_column(("text", "recuo-espacos-pt-2031.csv"))]
    assert all(text == text.strip() for text in stripped)


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_printed_italic_fonts_in_both_pdf_sources(engine: str) -> None:
    table = extract_pdf(FIXTURES / "pdf" / "italic-outputs-printed-en.pdf", engine=engine).tables[-1]
    cells = sorted((cell for cell in table.cells if cell.col == 0 and cell.row > 0), key=lambda cell: cell.row)
    assert [(cell.bold, cell.italic) for cell in cells[:3]] == [(True, False), (False, True), (False, False)]


def test_italic_fonts_told_by_name_angle_or_flag() -> None:
    assert is_italic("ABCDEF+DejaVuSerif-Italic") and is_italic("Helvetica-Oblique")
    assert is_italic("F3", italic_angle=-12.0) and is_italic("F3", flags=ITALIC_FLAG | 32)
    assert not is_italic("ABCDEF+DejaVuSerif-Bold", flags=32)


def test_borderless_printed_indents_are_levels() -> None:
    indents = [cell.indent for cell in first_column(("pdf", "sangria-sin-bordes-impreso-es.pdf"))]
    objective, activity = indents[:2]
    assert objective == 0 < activity and set(indents) == {objective, activity}
