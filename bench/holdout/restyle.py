"""Files of the holdout's tenth batch as they are written or changed after `tools.office` writes them: levels told
by indentation or by type, month headers as date cells and a Gantt shaded by conditional formatting, a Word
workplan in prose, a Markdown table, a sheet saved as Unicode text, a deck whose later slides reorder or drop
columns, a scanner's copy of a PDF (`looks.py` tells the gold conventions)."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

import docx
import openpyxl
import pypdfium2
from docx.shared import Cm
from openpyxl.formatting.rule import FormulaRule, Rule
from openpyxl.styles import Alignment, PatternFill
from openpyxl.utils import get_column_letter
from PIL import Image, ImageDraw, ImageFilter

from bench.holdout.content import rng, words
from bench.holdout.grid import Built, Part, expand
from tools import office

# Labelled lines under an activity of a workplan written in prose, by language: lead, partners, timeline, status.
PROSE_LABELS = {
    "en": ("Lead", "Partners", "Timeline", "Status"),
    "fr": ("Chef de file", "Partenaires", "Calendrier", "État"),
    "es": ("Responsable", "Socios", "Calendario", "Estado"),
    "pt": ("Responsável", "Parceiros", "Calendário", "Estado"),
}
LABEL_COLON = {"en": ": ", "fr": " : ", "es": ": ", "pt": ": "}
NOT_TIMED = {"en": "To be confirmed", "fr": "À confirmer", "es": "Por confirmar", "pt": "A confirmar"}
# A Word paragraph's left indent per level (cm); an XLSX cell's indent per level is one step.
INDENT_CM = 0.6
# The fill a conditional formatting rule gives a Gantt cell in the activity's span.
GANTT_FILL = "70AD47"
# A scanner's copy: resolution, the most it turns a page (degrees), the specks of dust it picks up per page.
SCAN_DPI = 150
SCAN_TILT = (0.4, 1.1)
SCAN_SPECKS = 60


def restyle(path: Path, built: Built) -> Path:
    """A written DOCX or XLSX changed as its layout's tenth-batch shapes say (indents, fonts, date headers, rules)."""
    layout = built.layout
    levels = [lv for lv in built.plan.levels if layout.mode(lv) in ("indent", "font")]
    if layout.extension == "xlsx" and (levels or layout.month_dates or layout.mark == "cf"):
        path.write_bytes(office.pin_package(restyled_workbook(path.read_bytes(), built, len(levels))))
    elif layout.extension == "docx" and levels:
        path.write_bytes(office.pin_package(restyled_document(path.read_bytes(), built, len(levels))))
    return path


def depth_of(part: Part, r: int, deepest: int) -> int:
    """A body row's level: its own for a level row, one below the deepest for an activity."""
    return part.depths.get(r, deepest)


def restyled_workbook(data: bytes, built: Built, deepest: int) -> bytes:
    """Indent levels on the activity column, month headers as dates, the Gantt's conditional formatting."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book.worksheets[0]
    part, layout = built.parts[0], built.layout
    first = len(built.pre) + 2 if built.pre else 1
    roles = [role for role, _ in expand(layout.cols)]
    if deepest:
        c = roles.index("activity") + 1
        for r in range(part.header_rows, len(part.rows)):
            indent = depth_of(part, r, deepest)
            sheet.cell(first + r, c).alignment = Alignment(wrap_text=True, vertical="top", indent=indent)
    header = first + part.header_rows - 1
    timeline = [c + 1 for c, role in enumerate(roles) if role in ("months", "q")]
    if layout.month_dates:
        for month, c in enumerate(timeline, start=1):
            sheet.cell(header, c).value = datetime(built.plan.year, month, 1)
            sheet.cell(header, c).number_format = "mmm-yy"
    if layout.mark == "cf":
        start, end = (get_column_letter(roles.index(role) + 1) for role in ("start", "end"))
        top, bottom = header + 1, first + len(part.rows) - 1
        for quarter, c in enumerate(timeline, start=1):
            column = get_column_letter(c)
            rule = gantt_rule(column, header, start, end, top, built.plan.year, quarter, "months" in roles)
            sheet.conditional_formatting.add(f"{column}{top}:{column}{bottom}", rule)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def gantt_rule(column: str, header: int, start: str, end: str, top: int, year: int, period: int, months: bool) -> Rule:
    """A rule shading a timeline cell whose month (its header's date) or quarter meets the start-to-end span."""
    if months:
        formula = (
            f"AND(ISNUMBER(${start}{top}),{column}${header}<=${end}{top},EOMONTH({column}${header},0)>=${start}{top})"
        )
    else:
        last, first = f"DATE({year},{3 * period + 1},0)", f"DATE({year},{3 * period - 2},1)"
        formula = f"AND(ISNUMBER(${start}{top}),${start}{top}<={last},${end}{top}>={first})"
    fill = PatternFill(fill_type="solid", start_color=GANTT_FILL, end_color=GANTT_FILL, bgColor=GANTT_FILL)
    return FormulaRule(formula=[formula], fill=fill, stopIfTrue=False)


def restyled_document(data: bytes, built: Built, deepest: int) -> bytes:
    """The activity column's levels told by a left indent (`indent`) or by type (`font`: the top level bold, the
    next italic)."""
    document = docx.Document(io.BytesIO(data))
    table = document.tables[0]
    part, layout = built.parts[0], built.layout
    c = [role for role, _ in expand(layout.cols)].index("activity")
    indent = layout.mode(built.plan.levels[0]) == "indent"
    for r in range(part.header_rows, len(part.rows)):
        depth = depth_of(part, r, deepest)
        for paragraph in table.cell(r, c).paragraphs:
            if indent:
                paragraph.paragraph_format.left_indent = Cm(INDENT_CM * depth)
                continue
            for run in paragraph.runs:
                run.bold = (r in part.depths and depth == 0) or None
                run.italic = (r in part.depths and depth == 1) or None
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# ---------------------------------------------------------------- a workplan in prose


def prose_blocks(built: Built, part: Part) -> list[office.Block]:
    """A table's activities as a bold paragraph each, followed by its labelled lines (a status line only where
    the activity has a status)."""
    lang = built.plan.lang
    columns = expand(built.layout.cols)
    lead, partners, timeline, status = (f"{label}{LABEL_COLON[lang]}" for label in PROSE_LABELS[lang])
    blocks: list[office.Block] = []
    for row in part.rows[part.header_rows :]:
        cell = {role: text for (role, _), text in zip(columns, row, strict=True) if role != "q"}
        quarters = [period for (role, period), text in zip(columns, row, strict=True) if role == "q" and text]
        blocks += [
            office.Paragraph(cell["activity"], bold=True),
            office.Paragraph(lead + cell["lead"]),
            office.Paragraph(partners + cell["partners"]),
            office.Paragraph(timeline + quarter_words(lang, quarters, built.plan.year)),
        ]
        blocks += [office.Paragraph(status + cell["status"])] if cell.get("status") else []
    return blocks


def quarter_words(lang: str, quarters: list[int], year: int) -> str:
    """A run of quarters as a plan's author writes it: "Q3 2027", "Q2–Q3 2027"; "To be confirmed" for none."""
    if not quarters:
        return NOT_TIMED[lang]
    first, last = (str(words()[lang]["quarter"]).format(q=q) for q in (quarters[0], quarters[-1]))
    return f"{first} {year}" if first == last else f"{first}–{last} {year}"


# ---------------------------------------------------------------- text files


def markdown_bytes(built: Built) -> bytes:
    """The title as a heading, the other lines above as paragraphs, then the table as a Markdown pipe table (line
    breaks in a cell as <br>)."""
    part = built.parts[0]
    lines = [f"# {built.pre[0]}", ""] + [line for text in built.pre[1:] for line in (text, "")]

    def row_line(row: list[str]) -> str:
        cells = ["" if cell in office.MERGED else cell.replace("|", "\\|").replace("\n", "<br>") for cell in row]
        return "| " + " | ".join(cells) + " |"

    header = part.rows[part.header_rows - 1]
    lines += [row_line(header), "|" + "|".join("---" for _ in header) + "|"]
    lines += [row_line(row) for row in part.rows[part.header_rows :]]
    return ("\n".join(lines) + "\n").encode("utf-8")


def unicode_text_bytes(built: Built) -> bytes:
    """The sheet as Excel saves it as "Unicode text": UTF-16 (little-endian, with its byte-order mark), tabs, CRLF,
    every row as wide as the table; the title and lines above, a blank row, then the table (merged cells blank
    but their first)."""
    part = built.parts[0]
    width = len(part.rows[0])
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\r\n")
    writer.writerows([line] + [""] * (width - 1) for line in built.pre)
    writer.writerows([[""] * width] if built.pre else [])
    writer.writerows(["" if cell in office.MERGED else cell for cell in row] for row in part.rows)
    return b"\xff\xfe" + out.getvalue().encode("utf-16-le")


# ---------------------------------------------------------------- slides


def later_slide(
    built: Built, rows: list[list[str]], sized: tuple[float, ...]
) -> tuple[list[list[str]], tuple[float, ...]]:
    """A later slide's rows with its columns in `slide_order` (the others dropped; a band stays merged across),
    and their widths, the text columns widened to the slide again."""
    columns = expand(built.layout.cols)
    keep = [c for role in built.layout.slide_order for c, (named, _) in enumerate(columns) if named == role]
    out = []
    for row in rows:
        band = len(row) > 1 and all(cell == office.LEFT for cell in row[1:])
        out.append([row[0]] + [office.LEFT] * (len(keep) - 1) if band else [row[c] for c in keep])
    fixed = [c for c in keep if columns[c][0] in ("num", "q")]
    room = sum(sized) - sum(sized[c] for c in fixed)
    scale = room / sum(sized[c] for c in keep if c not in fixed)
    return out, tuple(sized[c] if c in fixed else round(sized[c] * scale, 2) for c in keep)


# ---------------------------------------------------------------- a scanner's copy


def scanned_pdf(source: Path, target: Path) -> Path:
    """The PDF's pages as a scanner gives them: grey images at 150 dpi, each slightly turned, softened and
    specked, in a PDF with no text (its dates pinned)."""
    draws = rng("scan", target.name)
    pdf = pypdfium2.PdfDocument(str(source))
    pages = []
    for page in pdf:
        image = page.render(scale=SCAN_DPI / 72, grayscale=True).to_pil().convert("L")
        tilt = draws.uniform(*SCAN_TILT) * draws.choice((-1, 1))
        image = image.rotate(tilt, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
        image = image.filter(ImageFilter.GaussianBlur(0.6)).point(lambda v: int(v * 0.9) + 16)
        pen = ImageDraw.Draw(image)
        for _ in range(SCAN_SPECKS):
            x, y = draws.randrange(image.width), draws.randrange(image.height)
            pen.ellipse((x, y, x + draws.randint(1, 3), y + draws.randint(1, 3)), fill=draws.randint(60, 160))
        pages.append(image)
    pdf.close()
    stamp = office.PINNED_DATE.timetuple()
    pages[0].save(
        target,
        "PDF",
        save_all=True,
        append_images=pages[1:],
        resolution=float(SCAN_DPI),
        title=target.stem,
        producer="Scanner",
        creationDate=stamp,
        modDate=stamp,
    )
    return target
