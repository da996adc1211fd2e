"""Write a built document: DOCX, XLSX and PPTX through tools.office, CSV with the csv module, PDFs through
tools.libreoffice (one LibreOffice call for every PDF of the holdout)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from bench.holdout import habits
from bench.holdout.apart import quarter_workbook, reshaped, struck_through, tail_rows, transposed_workbook
from bench.holdout.boards import board_bytes, gantt_bytes, kv_bytes, record_blocks, side_tables_bytes
from bench.holdout.content import LEVELS, actors, words
from bench.holdout.grid import TIMELINE_ROLES, Built, Part, expand
from bench.holdout.idioms import FONT
from bench.holdout.inline import cards_bytes, finished
from bench.holdout.restyle import later_slide, markdown_bytes, prose_blocks, restyle, unicode_text_bytes
from bench.holdout.rework import OUTER_CM, nested_document, rework
from tools import libreoffice, office

MERGED = (office.UP, office.LEFT)
# XLSX sheet names are at most 31 characters.
SHEET_NAME_MAX = 31
# Column widths in cm by role, as a plan's author would set them; scaled down to fit the page.
WIDTHS_CM = {
    "num": 1.4,
    "activity": 7.0,
    "lead": 3.2,
    "partners": 3.6,
    "priority": 4.0,
    "objective": 4.0,
    "output": 4.0,
    "indicator": 3.5,
    "q": 1.2,
    "months": 1.15,
    "halves": 1.3,
    "timeframe": 2.6,
    "target": 2.3,
    "start": 2.3,
    "end": 2.3,
    "status": 2.4,
    "comments": 3.0,
    "location": 2.5,
    "location2": 2.5,
    "donor": 2.2,
    "beneficiaries": 2.2,
    "budget": 2.2,
    "months2y": 1.15,
    "baseline": 1.8,
    "target_value": 1.8,
    "discussion": 6.0,
    "ref": 2.0,
    "lead_support": 5.0,
    "q2y": 1.1,
    "period": 1.8,
    "daterange": 3.4,
    "fq": 1.6,
    "fperiod": 3.4,
    "weeks": 0.45,
    "duration": 1.6,
}
ROTATED_CM = 1.1  # a context column whose text is turned (`rotated_context`)
A4_USABLE_CM = {False: 21.0 - 3.0, True: 29.7 - 3.0}  # portrait, landscape: A4 less 1.5 cm margins
SLIDE_USABLE_CM = 25.4 - 2 * 0.76  # a 10-inch slide less the table's 0.3-inch margins
SLIDE_FIT_PT = 9  # the text size of a slide table whose columns are sized (`slide_fit`)
PAIRED_TITLE_PT = 28  # the title of a slide holding two tables side by side


# Narrow columns keep their width when a table is fitted to the page; the text columns give way.
FIXED_WIDTH = ("num", "q", "months", "halves", "months2y", "q2y", "fq", "weeks", "duration")
# The title of a table's later slides when the layout says "continued" rather than counting them.
CONTINUED = {"en": "(continued)", "fr": "(suite)", "es": "(continuación)", "pt": "(continuação)"}


def widths(built: Built, fit: bool, usable_cm: float | None = None) -> tuple[float, ...]:
    """The columns' widths; the text columns scaled down to fit the page's (or `usable_cm`) width when `fit` (and up to
    it when the actor columns are in a second table)."""
    roles = [role for role, _ in expand(built.layout.cols)]
    natural = [WIDTHS_CM[role] for role in roles]
    if built.layout.rotated_context:  # a turned context column narrow, its width kept as a number column's
        natural = [ROTATED_CM if role in LEVELS else w for role, w in zip(roles, natural, strict=True)]
        roles = ["num" if role in LEVELS else role for role in roles]
    fixed = sum(w for role, w in zip(roles, natural, strict=True) if role in FIXED_WIDTH)
    room = (usable_cm or A4_USABLE_CM[built.layout.landscape]) - fixed
    scale = min(1.0, room / (sum(natural) - fixed)) if fit else 1.0
    if fit and built.layout.who:  # what the actor columns left, the text columns take (the table spans the page)
        scale = room / (sum(natural) - fixed)
    return tuple(w if role in FIXED_WIDTH else round(w * scale, 2) for role, w in zip(roles, natural, strict=True))


def write(built: Built, folder: Path) -> Path:
    """The document written into `folder` under its layout's name."""
    built = reshaped(built)
    path = folder / built.layout.name
    text = {"csv": csv_bytes, "tsv": csv_bytes, "md": markdown_bytes, "txt": unicode_text_bytes}.get(
        built.layout.extension
    )
    if built.layout.records == "kv":
        text = kv_bytes
    if text:
        path.write_bytes(text(built))
        return path
    drawn = drawn_file(built, path)
    if drawn:
        path.write_bytes(drawn)
        return path
    if built.layout.nested:
        inner = list(widths(built, True, OUTER_CM[2] - 0.4))
        path.write_bytes(office.pin_package(nested_document(built, document(built), inner)))
        return path
    if built.layout.extension == "docx":
        office.write(path, document(built))
    elif built.layout.extension == "xlsx":
        office.write(path, workbook(built))
    else:
        office.write(path, deck(built))
    path = finished(restyle(rework(path, built), built), built)
    return struck_through(path, built) if built.layout.struck else path


def drawn_file(built: Built, path: Path) -> bytes | None:
    """The bytes of a workbook or deck that is no table written by `tools.office` (a board, tables side by side, a
    Gantt of shapes), else None."""
    layout = built.layout
    if layout.kanban:
        return board_bytes(built)
    if layout.side_tables:
        return side_tables_bytes(built, widths(built, fit=False))
    if layout.gantt_shapes:
        return gantt_bytes(built, path)
    if layout.slide_cards:
        return cards_bytes(built, path)
    return None


def render_pdfs(sources: list[Path], folder: Path) -> list[Path]:
    """PDF renderings of Office files, beside them in `folder`."""
    return libreoffice.convert(sources, folder) if sources else []


def with_title_rows(built: Built, part: Part) -> office.Table:
    """A part as an office table; the lines above the header as merged rows of it when the layout says so."""
    width = len(part.rows[0])
    top = [[line] + [office.LEFT] * (width - 1) for line in built.pre] if built.layout.pre_in_table else []
    k = len(top)
    roles = [role for role, _ in expand(built.layout.cols)]
    turned = [c for c, role in enumerate(roles) if role in TIMELINE_ROLES and built.layout.rotated_header]
    return office.Table(
        rows=tuple(tuple(row) for row in top + part.rows),
        header_rows=part.header_rows + k,
        fills=tuple((r + k, c, fill) for r, c, fill in part.fills if not fill.startswith(FONT)),
        bold_rows=tuple(r + k for r in part.bold_rows),
        widths_cm=widths(built, fit=True),
        ruled=built.layout.ruled,
        repeat_header=built.layout.repeat_header,
        colors=font_colors(part, k),
        rotated=tuple(turned),
    )


def font_colors(part: Part, k: int = 0) -> tuple[tuple[int, int, str], ...]:
    """The text colours among a part's fills (FONT-prefixed), `k` rows down."""
    return tuple((r + k, c, fill.removeprefix(FONT)) for r, c, fill in part.fills if fill.startswith(FONT))


def document(built: Built) -> office.Document:
    layout, lang = built.layout, built.plan.lang
    if layout.action_paragraphs:
        return minutes_document(built)
    blocks: list[office.Block] = []
    if not layout.pre_in_table:
        blocks += [office.Paragraph(line, bold=i == 0) for i, line in enumerate(built.pre)]
    if layout.narrative:
        blocks.append(office.Paragraph(words()["intro"][lang][0]))
    above: tuple[str, ...] = ()
    for index, part in enumerate(built.parts):
        blocks += [office.Heading(text, level=1) for text in part.above if part.above != above]
        above = part.above
        if part.heading:
            blocks.append(office.Heading(part.heading, level=2))
            if layout.narrative:
                blocks.append(office.Paragraph(words()["intro"][lang][1 - index % 2]))
        if layout.prose:
            blocks += prose_blocks(built, part)
        elif layout.records == "table":
            blocks += record_blocks(built, part)
        elif not layout.nested:
            blocks.append(with_title_rows(built, part))
    blocks += [office.Paragraph(layout.key)] if layout.key else []
    blocks += [office.NewSection(landscape=False)] if layout.who and layout.landscape else []
    for title, rows in built.extras:
        blocks += [office.Paragraph(title, bold=True), office.Table(tuple(tuple(row) for row in rows))]
    return office.Document(
        built.plan.title,
        tuple(blocks),
        page=office.Page(landscape=layout.landscape, margin_cm=1.5),
        font_pt=layout.font_pt,
    )


def minutes_document(built: Built) -> office.Document:
    """Minutes in prose: the lines above, the participants, each agenda item under its heading with what was said,
    then the action points as numbered paragraphs (from the table's rows: activity, lead, partners, deadline)."""
    plan, lang = built.plan, built.plan.lang
    blocks: list[office.Block] = [office.Paragraph(line, bold=i == 0) for i, line in enumerate(built.pre)]
    organisations = dict.fromkeys(a.lead.split("+")[0] for a in plan.activities if a.lead != "~")
    names = ", ".join(actors()[key].spelled(lang)[0] for key in organisations)
    blocks.append(office.Paragraph(f"{habits.PARTICIPANTS[lang]}: {names}."))
    agenda = dict.fromkeys(a.context[plan.levels[0]] for a in plan.activities)
    for index, item in enumerate(agenda):
        blocks += [office.Heading(f"{index + 1}. {item}", level=2), office.Paragraph(habits.discussion(lang, index))]
    blocks.append(office.Heading(habits.ACTION_HEADING[lang], level=1))
    part = built.parts[0]
    roles = [role for role, _ in expand(built.layout.cols)]
    for n, row in enumerate(part.rows[part.header_rows :], start=1):
        cell = dict(zip(roles, row, strict=True))
        text = habits.action_point(lang, n, cell["lead"], cell["activity"], cell["partners"], cell["timeframe"])
        blocks.append(office.Paragraph(text))
    return office.Document(plan.title, tuple(blocks), page=office.Page(margin_cm=2.0), font_pt=built.layout.font_pt)


def workbook(built: Built) -> office.Workbook:
    """One sheet per part (its heading as the sheet's title), then a sheet per further table; or a sheet per
    quarter, or the table turned."""
    if built.layout.quarter_sheets:
        return quarter_workbook(built, widths(built, fit=False))
    if built.layout.transposed:
        return transposed_workbook(built)
    sheets = []
    for index, part in enumerate(built.parts, start=1):
        title = part.heading or (built.pre[0] if built.pre else "")
        preamble = tuple(built.pre[1:] if not part.heading else built.pre)
        name = sheet_name(built, index) if len(built.parts) > 1 else "Workplan"
        table = office.Table(
            rows=tuple(tuple(row) for row in part.rows),
            header_rows=part.header_rows,
            fills=tuple(fill for fill in part.fills if not fill[2].startswith(FONT)),
            bold_rows=tuple(part.bold_rows),
            widths_cm=widths(built, fit=False),
            colors=font_colors(part),
        )
        values = tuple(office.Value(r, c, value, fmt) for r, c, value, fmt in part.values)
        first_row = len(preamble) + 3 if title else 1
        hidden = hidden_rows(built, part), hidden_cols(built)
        grouped = grouped_rows(part) if built.layout.grouped_rows else ()
        sheet = office.Sheet(name, title, table, first_row, preamble, values, built.layout.pdf, *hidden, grouped)
        sheets.append(sheet)
    for title, rows in built.extras:
        sheets.append(office.Sheet(title[:SHEET_NAME_MAX], title, office.Table(tuple(tuple(r) for r in rows))))
    return office.Workbook(tuple(sheets))


def hidden_rows(built: Built, part: Part) -> tuple[int, ...]:
    """Every n-th activity row of a part (level rows not counted), when the layout hides rows."""
    every = built.layout.hidden_rows
    body = [r for r in range(part.header_rows, len(part.rows)) if r not in part.bold_rows]
    return tuple(r for k, r in enumerate(body, start=1) if every and k % every == 0)


def grouped_rows(part: Part) -> tuple[int, ...]:
    """The rows under each band row, up to the next band (footnote rows after a group stay outside it)."""
    rows, banded = [], False
    for r in range(part.header_rows, len(part.rows)):
        banded = r in part.bold_rows or (banded and part.rows[r][1] != office.LEFT)
        rows += [r] if banded and r not in part.bold_rows else []
    return tuple(rows)


def hidden_cols(built: Built) -> tuple[int, ...]:
    return tuple(c for c, (role, _) in enumerate(expand(built.layout.cols)) if role in built.layout.hidden_cols)


def sheet_name(built: Built, index: int) -> str:
    level = next(lv for lv in built.plan.levels if built.layout.mode(lv) == "heading")
    return f"{built.plan.names[level]} {index}"[:SHEET_NAME_MAX]


def deck(built: Built) -> office.Deck:
    """A title slide, then the table over as many slides as it takes, its header on each."""
    slides = [office.Slide(built.pre[0] if built.pre else built.plan.title, tuple((0, t) for t in built.pre[1:]))]
    per = built.layout.rows_per_slide
    if built.layout.side_by_side:
        return office.Deck(built.plan.title, tuple(slides + paired_slides(built)))
    for part in built.parts:
        header, body = part.rows[: part.header_rows], part.rows[part.header_rows :]
        chunks = [body[i : i + per] for i in range(0, len(body), per)]
        for n, chunk in enumerate(chunks, start=1):
            name = built.layout.slide_title or part.heading or built.plan.subtitle
            title = f"{name} ({n}/{len(chunks)})"
            if built.layout.continued:
                title = name + (f" {CONTINUED[built.plan.lang]}" if n > 1 else "")
            top = header if n == 1 or not built.layout.header_first_only else []
            cells, sized = top + unmerged_top(chunk), widths(built, True, SLIDE_USABLE_CM)
            if n > 1 and built.layout.slide_order:
                cells, sized = later_slide(built, cells, sized)
            rows = tuple(tuple(row) for row in cells)
            table = office.Table(rows, header_rows=len(top), font_pt=11)
            if built.layout.slide_fit:
                table = office.Table(rows, header_rows=len(top), widths_cm=sized, font_pt=SLIDE_FIT_PT)
            slides.append(office.Slide(title, table=table))
    return office.Deck(built.plan.title, tuple(slides))


def paired_slides(built: Built) -> list[office.Slide]:
    """A table per band of each part (its band row on top, the header above it), two side by side a slide."""
    room = (SLIDE_USABLE_CM - 0.5) / 2
    out = []
    for part in built.parts:
        header, body = part.rows[: part.header_rows], part.rows[part.header_rows :]
        bands = {r - part.header_rows for r in part.bold_rows}
        starts = [r for r in range(len(body)) if r in bands and r - 1 not in bands] or [0]
        groups = [body[a:b] for a, b in zip([0, *starts[1:]], [*starts[1:], len(body)], strict=True)]
        tables = [
            office.Table(tuple(tuple(row) for row in header + group), len(header), widths(built, True, room), 9)
            for group in groups
        ]
        title = built.layout.slide_title or part.heading or built.plan.subtitle
        for k in range(0, len(tables), 2):
            beside = tables[k + 1] if k + 1 < len(tables) else None
            out.append(office.Slide(title, table=tables[k], beside=beside, title_pt=PAIRED_TITLE_PT, short_rows=True))
    return out


def unmerged_top(rows: list[list[str]]) -> list[list[str]]:
    """Rows cut from a longer table: a first row cannot continue a merge from the slide before."""
    return [["" if cell == office.UP and r == 0 else cell for cell in row] for r, row in enumerate(rows)]


def csv_bytes(built: Built) -> bytes:
    """The table as a spreadsheet would export it: merged cells blank but their first, fills lost."""
    out = io.StringIO()
    out.write("".join(f"{line}\r\n" for line in built.layout.comment_lines))
    writer = csv.writer(out, delimiter=built.layout.delimiter, lineterminator="\r\n")
    part = built.parts[0]
    width = len(part.rows[0])
    if built.layout.pre_in_table:
        writer.writerows([line] + [""] * (width - 1) for line in built.pre)
    rows = [["" if cell in MERGED else cell for cell in row] for row in part.rows]
    if built.layout.units:  # a row of units under the header
        units = [built.layout.units.get(role, "") for role, _ in expand(built.layout.cols)]
        rows.insert(part.header_rows, units)
    writer.writerows(rows)
    writer.writerows([[], [built.layout.key]] if built.layout.key else [])
    writer.writerows(tail_rows(built) if built.layout.tail else [])
    return out.getvalue().encode("utf-8-sig" if built.layout.bom else built.layout.encoding)
