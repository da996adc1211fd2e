"""Files of the holdout's ninth batch changed after they are written: a workbook's comments, summary sheet and
hidden lists sheet; a deck's tables redrawn as grids of text boxes; tracked changes in a Word table; a Word table
per group nested in a cell of an outer table (`practice.py` tells the gold conventions)."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import docx
import openpyxl
import pptx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm
from docx.table import Table, _Cell
from openpyxl.comments import Comment
from openpyxl.styles import Font
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.slide import Slide as PptxSlide
from pptx.util import Emu, Inches, Length, Pt

from bench.holdout.content import STATUSES, actors, words
from bench.holdout.grid import Built, Part, expand
from tools import office

# What the comments on a workbook's cells say, by language.
COMMENTS = {
    "en": ("Dates moved after the March review", "Confirm the partner list with the hub", "Budget still pending"),
    "fr": ("Dates décalées après la revue de mars", "Liste des partenaires à confirmer", "Financement en attente"),
    "es": ("Fechas ajustadas tras la revisión de marzo", "Confirmar socios con la oficina", "Financiamiento pendiente"),
    "pt": ("Datas alteradas após a revisão de Março", "Confirmar os parceiros", "Financiamento ainda pendente"),
}
# The summary sheet (activities counted by lead and status) and the hidden lists sheet, by language.
SUMMARY = {
    "en": ("Summary", "Activities by lead organisation and status", "Lead", "Total"),
    "fr": ("Synthèse", "Activités par chef de file et par état", "Chef de file", "Total"),
    "es": ("Resumen", "Actividades por organización responsable y estado", "Responsable", "Total"),
    "pt": ("Resumo", "Actividades por responsável e estado", "Responsável", "Total"),
}
# A grid of text boxes: a header or band row two lines tall, an activity row three lines of 9 pt text.
BOX_LINE = Inches(0.4)
BOX_ROW = Inches(0.62)
# A pivot's column for the activities whose status cell is empty.
BLANK = "(blank)"
LISTS = {"en": "Lists", "fr": "Listes", "es": "Listas", "pt": "Listas"}
# The outer table of nested tables: the two levels' columns and the one holding the tables, in cm (landscape).
OUTER_CM = (3.6, 4.2, 18.9)
# A tracked change's author (a comment's too) and the phrase an earlier draft held where the deletion is.
REVISER = "Coordination"
DROPPED = {
    "en": " (to be confirmed)",
    "fr": " (à confirmer)",
    "es": " (por confirmar)",
    "pt": " (a confirmar)",
}


def rework(path: Path, built: Built) -> Path:
    """A written file changed as its layout says (comments and sheets, text boxes, tracked changes), pinned."""
    layout = built.layout
    if not (layout.workbook_extras or layout.text_boxes or layout.tracked):
        return path
    data = path.read_bytes()
    if layout.workbook_extras:
        data = workbook_extras(data, built)
    if layout.text_boxes:
        data = text_box_deck(data)
    if layout.tracked:
        data = tracked_changes(data, built)
    path.write_bytes(office.pin_package(data))
    return path


def roles_of(built: Built) -> list[str]:
    return [role for role, _ in expand(built.layout.cols)]


def workbook_extras(data: bytes, built: Built) -> bytes:
    """Comments on some activity cells, a summary sheet counting activities by lead and status, a hidden lists
    sheet (statuses and organisations for drop-downs)."""
    lang = built.plan.lang
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book.worksheets[0]
    part = built.parts[0]
    first = len(built.pre) + 2 if built.pre else 1
    roles = roles_of(built)
    body = [r for r in range(part.header_rows, len(part.rows)) if r not in part.bold_rows]
    for k, r in enumerate(body[1::3]):
        c = roles.index("activity" if k % 2 == 0 else "lead")
        sheet.cell(first + r, c + 1).comment = Comment(COMMENTS[lang][k % len(COMMENTS[lang])], REVISER)
    name, title, lead_header, total = SUMMARY[lang]
    summary = book.create_sheet(name)
    summary.cell(1, 1, title).font = Font(bold=True)
    labels = [str(words()[lang]["status"][s][0]) for s in STATUSES]
    counts = Counter((a.lead.split("+")[0], a.status) for a in built.plan.activities if a.lead != "~")
    leads = sorted({lead for lead, _ in counts})
    summary.append([])
    summary.append([lead_header, *labels, BLANK, total])
    for lead in leads:
        row = [counts[(lead, s)] for s in (*STATUSES, "")]
        summary.append([actors()[lead].spelled(lang)[0], *row, sum(row)])
    columns = [sum(counts[(lead, s)] for lead in leads) for s in (*STATUSES, "")]
    summary.append([total, *columns, sum(columns)])
    lists = book.create_sheet(LISTS[lang])
    for k, label in enumerate(labels, start=1):
        lists.cell(k, 1, label)
    for k, lead in enumerate(leads, start=1):
        lists.cell(k, 2, actors()[lead].spelled(lang)[0])
    lists.sheet_state = "hidden"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def text_box_deck(data: bytes) -> bytes:
    """Every slide table replaced by a grid of text boxes where its cells were (a merged row one wide box), the
    header's boxes bold and shaded."""
    deck = pptx.Presentation(io.BytesIO(data))
    for slide in deck.slides:
        for frame in [shape for shape in slide.shapes if shape.has_table]:
            widths = [column.width for column in frame.table.columns]
            y = frame.top
            for r, row in enumerate(frame.table.rows):
                x = frame.left
                for c, cell in enumerate(row.cells):
                    if not cell.is_spanned:
                        span = cell.span_width if cell.is_merge_origin else 1
                        add_box(slide, (x, y, Emu(sum(widths[c : c + span]))), cell.text, r == 0, span > 1)
                    x += widths[c]
                y += BOX_LINE if r == 0 or row.cells[0].span_width > 1 else BOX_ROW
            frame._element.getparent().remove(frame._element)
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


def add_box(slide: PptxSlide, place: tuple[Length, Length, Length], text: str, header: bool, band: bool) -> None:
    """A ruled text box at (left, top) of a width, as tall as its row; a header's shaded, a header's and a band's
    text bold."""
    x, y, width = place
    box = slide.shapes.add_textbox(x, y, width, BOX_LINE if header or band else BOX_ROW)
    box.line.color.rgb = RGBColor(0x80, 0x80, 0x80)
    if header:
        box.fill.solid()
        box.fill.fore_color.rgb = RGBColor(0xD9, 0xD9, 0xD9)
    frame = box.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    for k, line in enumerate(text.split("\n")):
        paragraph = frame.paragraphs[0] if k == 0 else frame.add_paragraph()
        run = paragraph.add_run()
        run.text = line
        run.font.size = Pt(9)
        run.font.bold = header or band


def tracked_changes(data: bytes, built: Built) -> bytes:
    """In every third activity row: a phrase of an earlier draft deleted after the text and the text's last two
    words inserted; in every fourth, the status struck through and the current one inserted (tracked changes)."""
    lang = built.plan.lang
    document = docx.Document(io.BytesIO(data))
    table = document.tables[0]
    part = built.parts[0]
    roles = roles_of(built)
    body = [r for r in range(part.header_rows, len(part.rows)) if r not in part.bold_rows]
    for k, r in enumerate(body):
        if k % 3 == 1:
            cell = table.cell(r, roles.index("activity"))
            text = part.rows[r][roles.index("activity")]
            head, _, tail = text.rpartition(" ")
            head, _, middle = head.rpartition(" ")
            revise(cell, f"{head} ", f"{middle} {tail}", DROPPED[lang].strip(), k)
        status = part.rows[r][roles.index("status")] if "status" in roles else ""
        if k % 4 == 2 and status:
            planned, held = words()[lang]["status"]["planned"][0], words()[lang]["status"]["on_hold"][0]
            older = str(held if status == planned else planned)
            revise(table.cell(r, roles.index("status")), "", status, older, k)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def revise(cell: _Cell, kept: str, inserted: str, deleted: str, k: int) -> None:
    """A cell's paragraph rewritten as `kept`, then `deleted` (a tracked deletion), then `inserted` (a tracked
    insertion)."""
    paragraph = cell.paragraphs[0]
    bold = any(run.bold for run in paragraph.runs)
    for run in list(paragraph.runs):
        run._r.getparent().remove(run._r)
    if kept:
        paragraph.add_run(kept).bold = bold or None
    paragraph._p.append(change("w:del", deleted + " ", 2 * k))
    paragraph._p.append(change("w:ins", inserted, 2 * k + 1))


def change(kind: str, text: str, ident: int) -> BaseOxmlElement:
    """A tracked deletion or insertion of `text`, by the reviser, on a pinned day."""
    element = OxmlElement(kind)
    element.set(qn("w:id"), str(100 + ident))
    element.set(qn("w:author"), REVISER)
    element.set(qn("w:date"), "2027-03-15T09:00:00Z")
    run = OxmlElement("w:r")
    words_ = OxmlElement("w:delText" if kind == "w:del" else "w:t")
    words_.set(qn("xml:space"), "preserve")
    words_.text = text
    run.append(words_)
    element.append(run)
    return element


# ---------------------------------------------------------------- nested tables


def nested_document(built: Built, description: office.Document, inner_widths: list[float]) -> bytes:
    """The document's lines above, then an outer table (top level | next level | activities) whose last cell
    holds, for each group, a table of its activities under the header."""
    save = office.docx_saver(description, office.PINNED_DATE)
    document = save.__self__  # type: ignore[attr-defined]
    part = built.parts[0]
    header = part.rows[: part.header_rows]
    groups = nested_groups(part)
    names = built.plan.names
    outer = document.add_table(rows=len(groups) + 1, cols=3)
    sized(outer, OUTER_CM)
    for c, text in enumerate((names[built.plan.levels[0]], names[built.plan.levels[1]], built.layout.hdr["activity"])):
        office.set_cell_text(outer.cell(0, c), text, bold=True)
        office.shade_cell(outer.cell(0, c), office.HEADER_FILL)
    outer.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for g, (level1, level2, rows) in enumerate(groups, start=1):
        if g == 1 or groups[g - 2][0] != level1:
            office.set_cell_text(outer.cell(g, 0), level1, bold=True)
        office.set_cell_text(outer.cell(g, 1), level2)
        cell = outer.cell(g, 2)
        inner = cell.add_table(rows=len(header) + len(rows), cols=len(header[0]))
        sized(inner, inner_widths)
        for r, values in enumerate([*header, *rows]):
            for c, value in enumerate(values):
                office.set_cell_text(inner.cell(r, c), value, bold=r < len(header))
                if r < len(header):
                    office.shade_cell(inner.cell(r, c), office.HEADER_FILL)
    for g in range(len(groups), 1, -1):
        if groups[g - 1][0] == groups[g - 2][0]:
            outer.cell(g - 1, 0).merge(outer.cell(g, 0))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def nested_groups(part: Part) -> list[tuple[str, str, list[list[str]]]]:
    """A table's activity rows by group of its two band levels: (top band, second band, rows)."""
    groups: list[tuple[str, str, list[list[str]]]] = []
    top = ""
    for r in range(part.header_rows, len(part.rows)):
        row = part.rows[r]
        if r in part.bold_rows and row[1] == office.LEFT:
            top = row[0]
        elif r in part.bold_rows:
            groups.append((top, next(cell for cell in row if cell), []))
        else:
            groups[-1][2].append(row)
    return groups


def sized(table: Table, widths_cm: Sequence[float]) -> None:
    """A ruled table's columns and every cell of them set to their widths (Word and LibreOffice read both)."""
    table.style = "Table Grid"
    table.autofit = False
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
        for cell in column.cells:
            cell.width = Cm(width)
