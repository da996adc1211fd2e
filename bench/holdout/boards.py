"""Files of the holdout's eleventh batch that are no single grid: a record table per activity, a plan tool's "key:
value" export, a status board, tables side by side on one sheet, a Gantt drawn as bars on slides, a PDF printed
sideways on portrait pages (`cards.py` tells the gold conventions)."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pptx
import pypdf
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.util import Inches, Pt

from bench.holdout.cards import BOARD, BOARD_COLUMN, BOARD_HEADERS, CARD_SEPARATOR, TIMELINE_LABEL
from bench.holdout.content import words
from bench.holdout.grid import TIMELINE_ROLES, Built, Part, expand
from bench.holdout.reshape import fiscal_month
from bench.holdout.restyle import LABEL_COLON, quarter_words
from tools import libreoffice, office

# A record table's columns: the labels, the values (cm).
RECORD_CM = (4.0, 13.0)
# Tables side by side on one sheet: the empty columns between two of them.
SIDE_GAP = 2
# A Gantt drawn on a slide (inches): where the activity, lead and timeline columns start, the timeline's width,
# the top of the month labels, a row's height, a bar's height; activities per slide.
GANTT_X = (0.3, 4.1, 5.7)
GANTT_WIDTH = 4.0
GANTT_TOP = 1.45
GANTT_ROW = 0.72
GANTT_BAR = 0.28
GANTT_FILL = RGBColor(0x44, 0x72, 0xC4)
GANTT_ROWS = 6


def cells_of(built: Built, row: list[str]) -> tuple[dict[str, str], list[int]]:
    """A body row's cells by role (the timeline's left out) and the periods its timeline marks."""
    columns = expand(built.layout.cols)
    cells = {role: text for (role, _), text in zip(columns, row, strict=True) if role not in TIMELINE_ROLES}
    marked = [period for (role, period), text in zip(columns, row, strict=True) if role in TIMELINE_ROLES and text]
    return cells, marked


def labels(built: Built, part: Part) -> dict[str, str]:
    """The label of each role as the header names it (its lowest header cell that is no merge); the timeline's by
    language."""
    named = {}
    for c, (role, _) in enumerate(expand(built.layout.cols)):
        texts = [row[c] for row in part.rows[: part.header_rows] if row[c] not in office.MERGED]
        named[role] = texts[-1]
    return {**named, "q": TIMELINE_LABEL[built.plan.lang]}


def record_rows(built: Built, part: Part, row: list[str]) -> list[tuple[str, str]]:
    """An activity's labelled rows, in the columns' order (its quarters one timeline row)."""
    cells, quarters = cells_of(built, row)
    named = labels(built, part)
    out: list[tuple[str, str]] = []
    for role in built.layout.cols:
        if role == "q":
            out.append((named["q"], quarter_words(built.plan.lang, quarters, built.plan.year)))
        else:
            out.append((named[role], cells[role]))
    return out


def record_blocks(built: Built, part: Part) -> list[office.Block]:
    """A small two-column table per activity (its labels shaded), an empty paragraph after each."""
    blocks: list[office.Block] = []
    for row in part.rows[part.header_rows :]:
        rows = tuple(record_rows(built, part, row))
        blocks += [
            office.Table(
                rows, header_rows=0, widths_cm=RECORD_CM, fills=tuple((r, 0, "F2F2F2") for r in range(len(rows)))
            ),
            office.Paragraph(""),
        ]
    return blocks


def kv_bytes(built: Built) -> bytes:
    """A plan tool's export: the lines above, then per activity a "Label: value" line per column (a line break in a
    value written as a comma) and a blank line (UTF-8, LF)."""
    part = built.parts[0]
    colon = LABEL_COLON[built.plan.lang]
    lines = [*built.pre, ""]
    for row in part.rows[part.header_rows :]:
        lines += [f"{label}{colon}{value}".replace("\n", ", ") for label, value in record_rows(built, part, row)] + [""]
    return "\n".join(lines).encode("utf-8")


# ---------------------------------------------------------------- a status board


def board_cards(built: Built) -> list[tuple[str, dict[str, list[str]]]]:
    """The board's swimlanes in order: the top level's label and its cards by board column."""
    part, lang = built.parts[0], built.plan.lang
    top = built.plan.levels[0]
    lanes: list[tuple[str, dict[str, list[str]]]] = []
    body = part.rows[part.header_rows :]
    for activity, row in zip(built.plan.activities, body, strict=True):
        cells, quarters = cells_of(built, row)
        if not lanes or lanes[-1][0] != cells[top]:
            lanes.append((cells[top], {column: [] for column in BOARD}))
        timing = quarter_words(lang, quarters, built.plan.year)
        card = f"{cells['activity']}\n{cells['lead']}{CARD_SEPARATOR}{timing}"
        lanes[-1][1][BOARD_COLUMN[activity.status]].append(card)
    return lanes


def board_bytes(built: Built) -> bytes:
    """A status board: the title and lines above, the columns' header, then per swimlane a band (merged across)
    and its cards, the k-th card of each column on the swimlane's k-th row."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Board"
    for r, line in enumerate(built.pre, start=1):
        sheet.cell(r, 1, line).font = Font(bold=r == 1, size=12 if r == 1 else 11)
    r = len(built.pre) + 2
    for c, text in enumerate(BOARD_HEADERS[built.plan.lang], start=1):
        cell = sheet.cell(r, c, text)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=office.HEADER_FILL)
        sheet.column_dimensions[get_column_letter(c)].width = 38
    for lane, cards in board_cards(built):
        r += 1
        sheet.cell(r, 1, lane).font = Font(bold=True)
        sheet.cell(r, 1).fill = PatternFill("solid", fgColor="DDEBF7")
        sheet.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(BOARD))
        for k in range(max(len(column) for column in cards.values())):
            r += 1
            for c, column in enumerate(BOARD, start=1):
                card = cards[column][k] if k < len(cards[column]) else None
                sheet.cell(r, c, card).alignment = Alignment(wrap_text=True, vertical="top")
            sheet.row_dimensions[r].height = 48
    return saved(book)


def saved(book: openpyxl.Workbook) -> bytes:
    book.properties.creator = book.properties.lastModifiedBy = office.AUTHOR
    book.properties.created = book.properties.modified = libreoffice.PINNED_DATE
    out = io.BytesIO()
    book.save(out)
    return office.pin_package(out.getvalue())


# ---------------------------------------------------------------- tables side by side on one sheet


def side_tables_bytes(built: Built, widths_cm: tuple[float, ...]) -> bytes:
    """The lines above, then each part's table beside the one before (two empty columns between), its heading in
    bold over its header; merges, fills and typed cells as a sheet of its own would have them."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Workplan"
    for r, line in enumerate(built.pre, start=1):
        sheet.cell(r, 1, line).font = Font(bold=r == 1, size=12 if r == 1 else 11)
    top = len(built.pre) + 2
    left = 1
    for part in built.parts:
        sheet.cell(top, left, part.heading).font = Font(bold=True)
        first = top + 1
        for r, values in enumerate(part.rows):
            for c, value in enumerate(values):
                cell = sheet.cell(first + r, left + c, None if value in (*office.MERGED, "") else value)
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                if r < part.header_rows or r in part.bold_rows:
                    cell.font = Font(bold=True)
                if r < part.header_rows:
                    cell.fill = PatternFill("solid", fgColor=office.HEADER_FILL)
        for r, c, typed, fmt in part.values:
            sheet.cell(first + r, left + c, typed).number_format = fmt
        for a, b, y, z in office.merge_spans(part.rows):
            sheet.merge_cells(start_row=first + a, start_column=left + b, end_row=first + y, end_column=left + z)
        for c, width in enumerate(widths_cm):
            sheet.column_dimensions[get_column_letter(left + c)].width = width * office.XLSX_WIDTH_PER_CM
        left += len(part.rows[0]) + SIDE_GAP
    return saved(book)


# ---------------------------------------------------------------- a Gantt drawn on slides


def gantt_bytes(built: Built, path: Path) -> bytes:
    """A title slide, then per part (its heading the slides' title) slides of `GANTT_ROWS` activities: the
    activity and lead as text, the timeline as bars under month labels (and their quarters or years above)."""
    title = office.Slide(built.pre[0] if built.pre else built.plan.title, tuple((0, t) for t in built.pre[1:]))
    office.write(path, office.Deck(built.plan.title, (title,)))
    deck = pptx.Presentation(str(path))
    for part in built.parts:
        body = part.rows[part.header_rows :]
        for n in range(0, len(body), GANTT_ROWS):
            slide = deck.slides.add_slide(deck.slide_layouts[5])
            slide.shapes.title.text = part.heading or built.plan.subtitle
            slide.shapes.title.text_frame.paragraphs[0].font.size = Pt(22)
            gantt_header(slide, built, part)
            for k, row in enumerate(body[n : n + GANTT_ROWS]):
                gantt_row(slide, built, row, GANTT_TOP + 0.7 + k * GANTT_ROW)
    out = io.BytesIO()
    deck.save(out)
    return office.pin_package(out.getvalue())


def text_box(
    slide: pptx.slide.Slide, x: float, y: float, width: float, text: str, size: int, bold: bool = False
) -> None:
    """A text box at (x, y) inches, `width` wide; a narrow one (a month's label) unwrapped and without margins."""
    box = slide.shapes.add_textbox(Inches(x), Inches(y), Inches(width), Inches(0.3))
    frame = box.text_frame
    frame.word_wrap = width > 1
    if width <= 1:
        frame.margin_left = frame.margin_right = 0
    for k, line in enumerate(text.split("\n")):
        paragraph = frame.paragraphs[0] if k == 0 else frame.add_paragraph()
        run = paragraph.add_run()
        run.text = line
        run.font.size = Pt(size)
        run.font.bold = bold


def month_slots(built: Built) -> list[tuple[int, int]]:
    """The timeline's months as (calendar month, year), left to right."""
    if "months2y" in built.layout.cols:
        return [fiscal_month(built.layout, built.plan.year, period) for period in range(1, 13)]
    return [(month, built.plan.year) for month in range(1, 13)]


def gantt_header(slide: pptx.slide.Slide, built: Built, part: Part) -> None:
    """The activity and lead labels, the month labels, and above them a label per quarter (or per year)."""
    named = labels(built, part)
    text_box(slide, GANTT_X[0], GANTT_TOP + 0.3, GANTT_X[1] - GANTT_X[0], named["activity"], 11, True)
    text_box(slide, GANTT_X[1], GANTT_TOP + 0.3, GANTT_X[2] - GANTT_X[1], named["lead"], 11, True)
    step = GANTT_WIDTH / 12
    abbr = words()[built.plan.lang]["months_abbr"]
    slots = month_slots(built)
    for k, (month, _) in enumerate(slots):
        text_box(slide, GANTT_X[2] + k * step, GANTT_TOP + 0.3, step, abbr[month - 1][:3].capitalize(), 8, True)
    if "months2y" in built.layout.cols:
        spans = [
            (year, [k for k, (_, y) in enumerate(slots) if y == year]) for year in dict.fromkeys(y for _, y in slots)
        ]
        tops = [(str(year), ks[0], len(ks)) for year, ks in spans]
    else:
        tops = [(words()[built.plan.lang]["quarter"].format(q=q), 3 * (q - 1), 3) for q in range(1, 5)]
    for text, k, count in tops:
        text_box(slide, GANTT_X[2] + k * step, GANTT_TOP, count * step, text, 10, True)


def gantt_row(slide: pptx.slide.Slide, built: Built, row: list[str], y: float) -> None:
    """An activity's text and lead, and a bar from the first month it runs to the last (none when untimed)."""
    cells, months = cells_of(built, row)
    text_box(slide, GANTT_X[0], y, GANTT_X[1] - GANTT_X[0] - 0.1, cells["activity"], 9)
    text_box(slide, GANTT_X[1], y, GANTT_X[2] - GANTT_X[1] - 0.1, cells["lead"], 9)
    if not months:
        return
    step = GANTT_WIDTH / 12
    x = GANTT_X[2] + (min(months) - 1) * step
    width = (max(months) - min(months) + 1) * step
    bar = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(x), Inches(y + 0.08), Inches(width), Inches(GANTT_BAR))
    bar.fill.solid()
    bar.fill.fore_color.rgb = GANTT_FILL
    bar.line.fill.background()


# ---------------------------------------------------------------- a PDF printed sideways


def sideways_pdf(path: Path) -> Path:
    """A PDF's landscape pages turned a quarter to the left onto portrait pages (the text reads upwards), its
    dates and file ID pinned."""
    writer = pypdf.PdfWriter(clone_from=str(path))
    for page in writer.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        page.add_transformation(pypdf.Transformation().rotate(90).translate(tx=height, ty=0))
        page.mediabox = pypdf.generic.RectangleObject((0, 0, height, width))
        page.cropbox = page.mediabox
    out = io.BytesIO()
    writer.write(out)
    path.write_bytes(libreoffice.pinned_pdf(out.getvalue()))
    return path


def shown_headers(built: Built) -> list[str] | None:
    """The labels a document shows where it has no header row: a record's, a board's columns, a drawn Gantt's;
    None for a table."""
    layout, part = built.layout, built.parts[0]
    if layout.records:
        return [label for label, _ in record_rows(built, part, part.rows[part.header_rows])]
    if layout.kanban:
        return list(BOARD_HEADERS[built.plan.lang])
    if layout.gantt_shapes:
        named = labels(built, part)
        abbr = words()[built.plan.lang]["months_abbr"]
        return [
            named["activity"],
            named["lead"],
            *(abbr[month - 1][:3].capitalize() for month, _ in month_slots(built)),
        ]
    return None
