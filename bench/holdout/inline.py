"""Shapes of the holdout's thirteenth batch written onto a document after `tools.office` (or instead of a table): the
lead opening the activity cell in bold type (XLSX rich text, a bold Word run), the context columns of a Word table
narrow with their merged cells' text turned to read bottom to top, a legend sheet of the status colours, and a deck
of a slide per activity (its objective the title, a text box of labelled lines).

Gold conventions for them (decided before any run, from the generator's parameters): the lead before the colon of an
activity cell is the activity's lead (the activity the text after it); a turned context cell is the context of the
rows it is merged over; a slide's title is its activity's objective, its labelled lines the activity's lead,
partners, quarters ("Calendrier : T2–T3 2028") and status.
"""

from __future__ import annotations

import copy
import io
from pathlib import Path

import docx
import openpyxl
import pptx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.run import Run
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import PatternFill
from pptx.util import Pt

from bench.holdout.boards import record_rows, saved, text_box
from bench.holdout.content import LEVELS
from bench.holdout.grid import Built, expand
from bench.holdout.restyle import LABEL_COLON
from bench.holdout.tempo import LEGEND, legend_rows
from tools import office

# Where a turned context cell's direction goes among a Word cell's properties (before these, else last).
AFTER_DIRECTION = ("w:tcFitText", "w:vAlign", "w:hideMark")
CARD_TOP, CARD_LEFT, CARD_WIDTH = 1.6, 0.6, 8.8  # inches
CARD_PT = 16
TITLE_PT = 22


def finished(path: Path, built: Built) -> Path:
    """A written DOCX or XLSX with the layout's thirteenth-batch shapes: bold leads in the activity cells, turned
    context cells, a legend sheet of the status colours."""
    layout = built.layout
    data = path.read_bytes()
    if layout.extension == "docx" and (layout.lead_in_text or layout.rotated_context):
        data = finished_document(data, built)
    elif layout.extension == "xlsx" and (layout.lead_in_text or layout.status_style == "colour-only"):
        data = saved(finished_workbook(data, built))
    else:
        return path
    path.write_bytes(office.pin_package(data))  # pinned again: the same bytes for a workbook
    return path


def lead_prefixes(built: Built) -> dict[str, str]:
    """Each activity cell opening on its lead, and that lead with its colon."""
    c = [role for role, _ in expand(built.layout.cols)].index("activity")
    out = {}
    for part in built.parts:
        for r in range(part.header_rows, len(part.rows)):
            cell = part.rows[r][c]
            if r not in part.bold_rows and ": " in cell:
                out[cell] = cell[: cell.index(": ") + 1]
    return out


def finished_document(data: bytes, built: Built) -> bytes:
    document = docx.Document(io.BytesIO(data))
    prefixes = lead_prefixes(built) if built.layout.lead_in_text else {}
    turned = [c for c, (role, _) in enumerate(expand(built.layout.cols)) if role in LEVELS]
    for table, part in zip(document.tables, built.parts, strict=False):
        for r, row in enumerate(table.rows):
            cells = row._tr.tc_lst
            if built.layout.rotated_context and r >= part.header_rows:
                for c in turned:
                    turn(cells[c])
            for tc in cells:
                paragraph = docx.table._Cell(tc, table).paragraphs[0]
                text = "\n".join(p.text for p in docx.table._Cell(tc, table).paragraphs)
                if text in prefixes and paragraph.runs:
                    bold_lead(paragraph.runs[0], prefixes[text])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def turn(tc: object) -> None:
    """A Word cell's text read bottom to top."""
    properties = tc.get_or_add_tcPr()  # type: ignore[attr-defined]
    direction = OxmlElement("w:textDirection")
    direction.set(qn("w:val"), "btLr")
    later = [child for child in properties if child.tag in {qn(tag) for tag in AFTER_DIRECTION}]
    if later:
        later[0].addprevious(direction)
    else:
        properties.append(direction)


def bold_lead(run: Run, prefix: str) -> None:
    """The run split after the lead and its colon, the lead's part bold."""
    if not run.text.startswith(prefix):
        return
    lead = copy.deepcopy(run._r)
    run._r.addprevious(lead)
    first = Run(lead, run._parent)
    first.text, first.bold = prefix, True
    run.text = run.text[len(prefix) :]


def finished_workbook(data: bytes, built: Built) -> openpyxl.Workbook:
    book = openpyxl.load_workbook(io.BytesIO(data))
    prefixes = lead_prefixes(built) if built.layout.lead_in_text else {}
    for row in book.worksheets[0].iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value in prefixes:
                lead = prefixes[cell.value]
                cell.value = CellRichText(TextBlock(InlineFont(b=True), lead), cell.value[len(lead) :])
    if built.layout.status_style == "colour-only":
        legend_sheet(book, built.plan.lang)
    return book


def legend_sheet(book: openpyxl.Workbook, lang: str) -> None:
    """A sheet of the status colours: a filled cell and its word per row, under a header."""
    title, header = LEGEND[lang]
    sheet = book.create_sheet(title)
    sheet.append(header)
    for r, (colour, word) in enumerate(legend_rows(lang), start=2):
        sheet.cell(r, 2).value = word
        sheet.cell(r, 1).fill = PatternFill("solid", fgColor=colour)
    sheet.column_dimensions["B"].width = 24


# ---------------------------------------------------------------- a slide per activity


def cards_bytes(built: Built, path: Path) -> bytes:
    """A title slide, then a slide per activity: its objective as the title, a text box of its labelled lines (the
    activity, lead, partners, quarters and status)."""
    title = office.Slide(built.pre[0] if built.pre else built.plan.title, tuple((0, t) for t in built.pre[1:]))
    office.write(path, office.Deck(built.plan.title, (title,)))
    deck = pptx.Presentation(str(path))
    roles = [role for role, _ in expand(built.layout.cols)]
    for part in built.parts:
        for row in part.rows[part.header_rows :]:
            slide = deck.slides.add_slide(deck.slide_layouts[5])
            slide.shapes.title.text = row[roles.index(title_level(built))]
            slide.shapes.title.text_frame.paragraphs[0].font.size = Pt(TITLE_PT)
            lines = [f"{label}{LABEL_COLON[built.plan.lang]}{value}" for label, value in labelled_lines(built, row)]
            text_box(slide, CARD_LEFT, CARD_TOP, CARD_WIDTH, "\n".join(lines), CARD_PT)
    out = io.BytesIO()
    deck.save(out)
    return office.pin_package(out.getvalue())


def labelled_lines(built: Built, row: list[str]) -> list[tuple[str, str]]:
    """An activity's labelled lines (its top context level left to the title; a multi-line value on one line)."""
    part = built.parts[0]
    titled = part.rows[0][[role for role, _ in expand(built.layout.cols)].index(title_level(built))]
    return [(label, value.replace("\n", ", ")) for label, value in record_rows(built, part, row) if label != titled]


def title_level(built: Built) -> str:
    """The context level a slide per activity takes as its title: the top one it shows."""
    return next(level for level in built.plan.levels if level in built.layout.cols)
