"""Write DOCX, PPTX and XLSX files from a plain description: paragraphs, headings, slides and tables of texts.

The one Office writer of the generators (the samples, the benchmark corpus). A table is rows of texts where
a cell holding only UP continues the merged cell above it and one holding only LEFT the cell to its left;
its first `header_rows` rows are bold, shaded and repeated on every page. Every file is written with pinned
zip entry times and core-property dates (`pin_package`), so writing the same description twice gives the
same bytes.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import docx
import openpyxl
import pptx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table as DocxTable
from docx.table import _Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet
from pptx.presentation import Presentation as PptxPresentation
from pptx.slide import Slide as PptxSlide
from pptx.util import Inches, Length

from tools.libreoffice import PINNED_DATE

# Cell markers: the cell continues the merged cell above it (UP) or to its left (LEFT).
UP = "^"
LEFT = "<"
MERGED = (UP, LEFT)
AUTHOR = "workplans samples"
HEADER_FILL = "D9D9D9"
A4_CM = (21.0, 29.7)
# Slide tables sit 0.3 in from the left edge, under the title, and span the slide's width.
SLIDE_TABLE_LEFT = Inches(0.3)
SLIDE_TABLE_TOP = Inches(1.3)
SLIDE_TABLE_HEIGHT = Inches(5.8)
# Bullet text on slides: first level, and every deeper one.
BULLET_PT = (16, 14)
# An Excel column of width 5 (characters) is about 1 cm wide.
XLSX_WIDTH_PER_CM = 5
# A line of wrapped text in a sheet row, in points (11 pt text); LibreOffice does not size rows a writer left unset.
XLSX_LINE_PT = 15.0
# A header row of rotated text: at least 2.6 cm tall (in twentieths of a point).
ROTATED_ROW_TWIPS = 1474
# Two tables side by side on a slide: the gap between them.
SLIDE_TABLE_GAP = Inches(0.2)
# A row of a table beside another starts this tall and grows with its text.
SLIDE_ROW_MIN = Inches(0.3)
CORE_DATE_RE = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*")


@dataclass(frozen=True)
class Table:
    """Rows of cell texts (UP and LEFT merge); widths in cm, or none for the writer's default layout.

    DOCX and XLSX also take a background per cell (`fills`: row, column, RGB hex), a text colour per cell
    (`colors`: row, column, RGB hex), rows in bold below the header (`bold_rows`: section bands), and, in DOCX,
    no borders (`ruled`), header rows printed once only (`repeat_header`) and the last header row's text turned
    to read bottom to top in some columns (`rotated`).
    """

    rows: tuple[tuple[str, ...], ...]
    header_rows: int = 1
    widths_cm: tuple[float, ...] = ()
    font_pt: float | None = None  # slides only: the table's text size
    fills: tuple[tuple[int, int, str], ...] = ()
    bold_rows: tuple[int, ...] = ()
    ruled: bool = True
    repeat_header: bool = True
    colors: tuple[tuple[int, int, str], ...] = ()
    rotated: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        widths = {len(row) for row in self.rows}
        if len(widths) != 1 or (self.widths_cm and len(self.widths_cm) not in widths):
            raise ValueError(f"a table's rows and widths differ in length: {sorted(widths)}, {len(self.widths_cm)}")


@dataclass(frozen=True)
class Paragraph:
    text: str
    bold: bool = False


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True)
class NewSection:
    """A new section on a new page, turned to landscape or portrait."""

    landscape: bool


@dataclass(frozen=True)
class Page:
    """An A4 page with the same margin on every side."""

    landscape: bool = False
    margin_cm: float = 1.5


Block = Paragraph | Heading | Table | NewSection


@dataclass(frozen=True)
class Document:
    """A Word document: blocks in reading order; no page, font or size keeps the template's."""

    title: str
    blocks: tuple[Block, ...]
    page: Page | None = None
    font: str | None = None
    font_pt: float | None = None


@dataclass(frozen=True)
class Slide:
    """A title-and-content slide of bullets (level, text), or a title-only slide holding a table (and a second
    table `beside` it on its right, each then half the slide's width and only as tall as its text)."""

    title: str = ""  # empty: the slide has no title shape
    bullets: tuple[tuple[int, str], ...] = ()
    table: Table | None = None
    beside: Table | None = None
    title_pt: float | None = None  # the title's text size (else the layout's)
    short_rows: bool = False  # the table's rows only as tall as their text (else the table fills the slide)


@dataclass(frozen=True)
class Deck:
    title: str
    slides: tuple[Slide, ...]


@dataclass(frozen=True)
class Value:
    """A sheet cell holding a number or a date instead of text, at a row and column of the sheet's table."""

    row: int
    col: int
    value: date | float
    number_format: str = "General"


@dataclass(frozen=True)
class Sheet:
    """A sheet: a bold title in A1, `preamble` lines from A2 down, the table from `first_row` on; `values`
    replace table cells by numbers or dates."""

    name: str
    title: str
    table: Table
    first_row: int = 3
    preamble: tuple[str, ...] = ()
    values: tuple[Value, ...] = ()
    print_landscape: bool = False  # printed (and rendered to PDF) on landscape pages, fitted to their width
    hidden_rows: tuple[int, ...] = ()  # table rows (0-based, header included) hidden in the sheet
    hidden_cols: tuple[int, ...] = ()  # table columns (0-based) hidden in the sheet
    outline_rows: tuple[int, ...] = ()  # table rows grouped (outline level 1, shown) under the row above them

    def __post_init__(self) -> None:
        if self.first_row < len(self.preamble) + 2:
            raise ValueError(f"sheet {self.name!r}: the table at row {self.first_row} overlaps the preamble")


@dataclass(frozen=True)
class Workbook:
    sheets: tuple[Sheet, ...]


Description = Document | Deck | Workbook


def write(path: Path, description: Description, pinned: datetime = PINNED_DATE) -> Path:
    """Write a description as DOCX, PPTX or XLSX (by its kind) with pinned dates; the path."""
    if isinstance(description, Document):
        save = docx_saver(description, pinned)
    elif isinstance(description, Deck):
        save = pptx_saver(description, pinned)
    else:
        save = xlsx_saver(description, pinned)
    buffer = io.BytesIO()
    save(buffer)
    path.write_bytes(pin_package(buffer.getvalue(), pinned))
    return path


def pin_package(
    data: bytes,
    pinned: datetime = PINNED_DATE,
    patches: Mapping[str, Callable[[bytes], bytes]] | None = None,
    extra: Mapping[str, bytes] | None = None,
) -> bytes:
    """A zip package rewritten with every entry dated `pinned` and core-property dates set to it; members named
    in `patches` rewritten by their function, members in `extra` added."""
    stamp = pinned.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    fixes: dict[str, Callable[[bytes], bytes]] = {
        "docProps/core.xml": lambda xml: CORE_DATE_RE.sub(rb"\g<1>" + stamp, xml),
        **(patches or {}),
    }
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    parts = {**members, **(extra or {})}
    return zip_parts({name: fixes.get(name, lambda same: same)(content) for name, content in parts.items()}, pinned)


def zip_parts(parts: Mapping[str, bytes], pinned: datetime = PINNED_DATE) -> bytes:
    """A zip package of the given members, in order, deflated, every entry dated `pinned`."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, content in parts.items():
            target.writestr(zipfile.ZipInfo(name, pinned.timetuple()[:6]), content, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def merge_spans(rows: Sequence[Sequence[str]]) -> Iterator[tuple[int, int, int, int]]:
    """(top, left, bottom, right) of every merged range: each cell followed by LEFT cells or with UP cells below."""
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            if value in MERGED:
                continue
            right = c
            while right + 1 < len(values) and values[right + 1] == LEFT:
                right += 1
            down = r
            while down + 1 < len(rows) and rows[down + 1][c] == UP:
                down += 1
            if (down, right) != (r, c):
                yield r, c, down, right


# ---------------------------------------------------------------- DOCX


def docx_saver(description: Document, pinned: datetime) -> Callable[[io.BytesIO], object]:
    """The document built; its save function."""
    document = docx.Document()
    props = document.core_properties
    props.title, props.author, props.last_modified_by = description.title, AUTHOR, AUTHOR
    props.created = props.modified = pinned
    props.revision = 1
    style = document.styles["Normal"]
    if description.font:
        style.font.name = description.font
    if description.font_pt:
        style.font.size = Pt(description.font_pt)
    if description.page:
        set_page(document.sections[0], description.page)
    for block in description.blocks:
        add_block(document, block)
    return document.save


def set_page(section: Section, page: Page) -> None:
    """Margins, A4 size and orientation of a section."""
    for margin in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, margin, Cm(page.margin_cm))
    section.page_width, section.page_height = Cm(A4_CM[0]), Cm(A4_CM[1])
    if page.landscape:
        turn(section, landscape=True)


def turn(section: Section, landscape: bool) -> None:
    """Turn a section to A4 landscape or portrait."""
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    width, height = (A4_CM[1], A4_CM[0]) if landscape else A4_CM
    section.page_width, section.page_height = Cm(width), Cm(height)


def add_block(document: DocxDocument, block: Block) -> None:
    """One block at the end of the document."""
    if isinstance(block, Paragraph):
        if block.bold:
            document.add_paragraph().add_run(block.text).bold = True
        else:
            document.add_paragraph(block.text)
    elif isinstance(block, Heading):
        document.add_heading(block.text, level=block.level)
    elif isinstance(block, NewSection):
        turn(document.add_section(WD_SECTION.NEW_PAGE), block.landscape)
    else:
        add_docx_table(document, block)


def add_docx_table(document: DocxDocument, spec: Table) -> DocxTable:
    """A ruled Word table; header rows bold, shaded and repeated; merged ranges merged."""
    table = document.add_table(rows=len(spec.rows), cols=len(spec.rows[0]))
    if spec.ruled:
        table.style = "Table Grid"
    if spec.widths_cm:
        table.autofit = False
        for column, width in zip(table.columns, spec.widths_cm, strict=True):
            column.width = Cm(width)
    for r, values in enumerate(spec.rows):
        for c, value in enumerate(values):
            cell = table.cell(r, c)
            if spec.widths_cm:
                cell.width = Cm(spec.widths_cm[c])
            if value not in MERGED:
                set_cell_text(cell, value, bold=r < spec.header_rows or r in spec.bold_rows)
            if r < spec.header_rows:
                shade_cell(cell, HEADER_FILL)
    for r, c, fill in spec.fills:
        shade_cell(table.cell(r, c), fill)
    for r, c, color in spec.colors:
        for paragraph in table.cell(r, c).paragraphs:
            for run in paragraph.runs:
                run.font.color.rgb = RGBColor.from_string(color)
    if spec.rotated:
        rotate_header(table, spec)
    for r in range(spec.header_rows if spec.repeat_header else 0):
        table.rows[r]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for top, left, bottom, right in sorted(merge_spans(spec.rows), key=lambda span: span[2] > span[0]):
        table.cell(top, left).merge(table.cell(bottom, right))
    return table


def rotate_header(table: DocxTable, spec: Table) -> None:
    """The last header row's cells in the `rotated` columns read bottom to top, the row tall enough for them."""
    row = spec.header_rows - 1
    for c in spec.rotated:
        direction = OxmlElement("w:textDirection")
        direction.set(qn("w:val"), "btLr")
        table.cell(row, c)._tc.get_or_add_tcPr().append(direction)
    height = OxmlElement("w:trHeight")
    height.set(qn("w:val"), str(ROTATED_ROW_TWIPS))
    height.set(qn("w:hRule"), "atLeast")
    table.rows[row]._tr.get_or_add_trPr().append(height)


def set_cell_text(cell: _Cell, text: str, bold: bool = False) -> None:
    """Text into a cell, one paragraph per line."""
    for index, line in enumerate(text.split("\n")):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        paragraph.add_run(line).bold = bold or None


def shade_cell(cell: _Cell, fill: str) -> None:
    """A solid background on a Word cell."""
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


# ---------------------------------------------------------------- PPTX


def pptx_saver(description: Deck, pinned: datetime) -> Callable[[io.BytesIO], object]:
    """The deck built; its save function."""
    deck = pptx.Presentation()
    props = deck.core_properties
    props.title, props.author, props.last_modified_by = description.title, AUTHOR, AUTHOR
    props.created = props.modified = pinned
    props.revision = 1
    for slide in description.slides:
        if slide.table is None:
            add_bullet_slide(deck, slide)
        else:
            add_table_slide(deck, slide)
    return deck.save


def add_bullet_slide(deck: PptxPresentation, spec: Slide) -> None:
    """A title-and-content slide of levelled bullets."""
    slide = deck.slides.add_slide(deck.slide_layouts[1])
    if spec.title:
        slide.shapes.title.text = spec.title
    else:
        slide.shapes._spTree.remove(slide.shapes.title._element)
    frame = slide.placeholders[1].text_frame
    for index, (level, text) in enumerate(spec.bullets):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.text, paragraph.level = text, level
        paragraph.font.size = pptx.util.Pt(BULLET_PT[0] if level == 0 else BULLET_PT[1])


def add_table_slide(deck: PptxPresentation, spec: Slide) -> None:
    """A title-only slide with the table across it, or two tables side by side."""
    assert spec.table is not None
    slide = deck.slides.add_slide(deck.slide_layouts[5])
    slide.shapes.title.text = spec.title
    if spec.title_pt:
        slide.shapes.title.text_frame.paragraphs[0].font.size = pptx.util.Pt(spec.title_pt)
    tall = Length(SLIDE_ROW_MIN * len(spec.table.rows)) if spec.short_rows else SLIDE_TABLE_HEIGHT
    if spec.beside is None:
        place_table(slide, spec.table, SLIDE_TABLE_LEFT, Length(deck.slide_width - 2 * SLIDE_TABLE_LEFT), tall)
        return
    half = Length((deck.slide_width - 2 * SLIDE_TABLE_LEFT - SLIDE_TABLE_GAP) // 2)
    place_table(slide, spec.table, SLIDE_TABLE_LEFT, half, tall)
    tall = Length(SLIDE_ROW_MIN * len(spec.beside.rows)) if spec.short_rows else SLIDE_TABLE_HEIGHT
    place_table(slide, spec.beside, Length(SLIDE_TABLE_LEFT + half + SLIDE_TABLE_GAP), half, tall)


def place_table(slide: PptxSlide, spec: Table, x: Length, room: Length, height: Length = SLIDE_TABLE_HEIGHT) -> None:
    """A table `x` from the slide's left edge, under the title, as wide as its columns or `room`; header rows
    and rows of one merged cell in bold."""
    n_cols = len(spec.rows[0])
    width = Length(sum(Cm(w) for w in spec.widths_cm) or room)
    shape = slide.shapes.add_table(len(spec.rows), n_cols, x, SLIDE_TABLE_TOP, width, height)
    table = shape.table
    for c, cm in enumerate(spec.widths_cm[:n_cols]):
        table.columns[c].width = Cm(cm)
    for r, values in enumerate(spec.rows):
        for c, value in enumerate(values):
            if value not in MERGED:
                table.cell(r, c).text = value
    for top, left, bottom, right in merge_spans(spec.rows):
        table.cell(top, left).merge(table.cell(bottom, right))
    for r, values in enumerate(spec.rows):
        bold = r < spec.header_rows or (n_cols > 1 and all(value == LEFT for value in values[1:]))
        for c in range(n_cols):
            for paragraph in table.cell(r, c).text_frame.paragraphs:
                if spec.font_pt:
                    paragraph.font.size = pptx.util.Pt(spec.font_pt)
                paragraph.font.bold = bold


# ---------------------------------------------------------------- XLSX


def xlsx_saver(description: Workbook, pinned: datetime) -> Callable[[io.BytesIO], object]:
    """The workbook built; its save function."""
    book = openpyxl.Workbook()
    book.properties.creator = book.properties.lastModifiedBy = AUTHOR
    book.properties.created = book.properties.modified = pinned
    for index, spec in enumerate(description.sheets):
        sheet = book.active if index == 0 else book.create_sheet()
        assert sheet is not None
        fill_sheet(sheet, spec)
    return book.save


def fill_sheet(sheet: Worksheet, spec: Sheet) -> None:
    """Title and preamble, table cells (wrapped, top-aligned), header and bold rows, fills, typed values, merges,
    column widths."""
    sheet.title = spec.name
    sheet.cell(1, 1, spec.title or None).font = Font(bold=True, size=12)
    for r, line in enumerate(spec.preamble, start=2):
        sheet.cell(r, 1, line)
    rows = spec.table.rows
    bold_rows = {spec.first_row + r for r in spec.table.bold_rows}
    for r, values in enumerate(rows, start=spec.first_row):
        for c, value in enumerate(values, start=1):
            cell = sheet.cell(r, c, None if value in (UP, LEFT, "") else value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if r < spec.first_row + spec.table.header_rows:
                cell.font = Font(bold=True)
                cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
            elif r in bold_rows:
                cell.font = Font(bold=True)
    for r, c, fill in spec.table.fills:
        sheet.cell(spec.first_row + r, c + 1).fill = PatternFill("solid", fgColor=fill)
    for r, c, color in spec.table.colors:
        cell = sheet.cell(spec.first_row + r, c + 1)
        cell.font = Font(name=cell.font.name, size=cell.font.size, bold=cell.font.bold, color=color)
    for typed in spec.values:
        cell = sheet.cell(spec.first_row + typed.row, typed.col + 1, typed.value)
        cell.number_format = typed.number_format
    for top, left, bottom, right in merge_spans(rows):
        first = spec.first_row
        sheet.merge_cells(start_row=first + top, start_column=left + 1, end_row=first + bottom, end_column=right + 1)
    for c, width in enumerate(spec.table.widths_cm, start=1):
        sheet.column_dimensions[openpyxl.utils.get_column_letter(c)].width = width * XLSX_WIDTH_PER_CM
    for r in spec.hidden_rows:
        sheet.row_dimensions[spec.first_row + r].hidden = True
    for c in spec.hidden_cols:
        sheet.column_dimensions[openpyxl.utils.get_column_letter(c + 1)].hidden = True
    for r in spec.outline_rows:
        sheet.row_dimensions[spec.first_row + r].outlineLevel = 1
    if spec.outline_rows:
        sheet.sheet_properties.outlinePr.summaryBelow = False
    if spec.print_landscape:
        fit_row_heights(sheet, spec)
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True


def fit_row_heights(sheet: Worksheet, spec: Sheet) -> None:
    """Each table row as tall as its most wrapped cell (by characters per width of the columns it spans), for
    printing."""
    widths = spec.table.widths_cm
    for r, values in enumerate(spec.table.rows, start=spec.first_row):
        lines = 1
        for c, value in enumerate(values):
            if value in MERGED or c >= len(widths):
                continue
            span = next((k for k in range(c + 1, len(values)) if values[k] != LEFT), len(values))
            per_line = max(1, int(sum(widths[c:span]) * XLSX_WIDTH_PER_CM * 0.9))
            lines = max(lines, sum(-(-max(1, len(part)) // per_line) for part in value.split("\n")))
        sheet.row_dimensions[r].height = lines * XLSX_LINE_PT
