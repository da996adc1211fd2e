"""Excel (XLSX, XLSM): each sheet cut into tables at fully empty rows and columns, with merges and fills."""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string, get_column_letter

from extractors.detect import file_sha256
from extractors.model import Cell, Document, Issue, Table
from extractors.ooxml import ReadingOrder, document_title, open_package, symbol_font_text

Position = tuple[int, int]  # (row, column), 1-based as in the sheet
# Fill colours that read as no shading: white as RGB, as the legacy palette (1, 9) and the light theme (0).
WHITE_RGB = "FFFFFF"
WHITE_INDEXES = {1, 9}
WHITE_THEME = 0
# One cell element of a sheet part: its attributes, then its content (None when self-closing).
CELL_ELEMENT = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.S)
# A cached value with content; an empty <v></v> is what non-calculating writers leave.
FILLED_VALUE = re.compile(rb"<(?:\w+:)?v>[^<]")
# An inline string value and a formula, in a cell's content (some writers prefix the tags, as x:f).
INLINE_STRING = re.compile(rb"<(?:\w+:)?is>")
FORMULA = re.compile(rb"<(?:\w+:)?f\b")
# A formula whose result is a string: Excel saves an empty result as <v></v> with this type.
STRING_RESULT = b't="str"'
WORKSHEET_PART = re.compile(r"xl/worksheets/[^/]+\.xml")
CELL_REFERENCE = re.compile(rb'\br="([A-Z]{1,3})(\d+)"')
# A range reference of a merge or a hyperlink (openpyxl makes one cell object per cell of either):
# the text up to its first cell, first column and row, last column and row.
RANGE_REFERENCE = re.compile(rb'(<(?:\w+:)?(?:mergeCell|hyperlink)\b[^>]*?\bref=")([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)"')
# The four neighbours that join two cells into one block; corner neighbours do not.
NEIGHBOURS = ((1, 0), (-1, 0), (0, 1), (0, -1))


@dataclass(frozen=True)
class Box:
    """A rectangle of sheet cells, 1-based and inclusive."""

    top: int
    left: int
    bottom: int
    right: int

    def overlaps(self, other: Box) -> bool:
        """True when the two rectangles share a cell."""
        return not (
            other.left > self.right or other.right < self.left or other.top > self.bottom or other.bottom < self.top
        )

    def union(self, other: Box) -> Box:
        """The smallest box holding both."""
        return Box(
            min(self.top, other.top),
            min(self.left, other.left),
            max(self.bottom, other.bottom),
            max(self.right, other.right),
        )


@dataclass(frozen=True)
class Sheet:
    """What the table finder needs of one worksheet, read once."""

    worksheet: Any
    number: int
    values: dict[Position, str]  # non-empty cells only, as str() of the cached value
    merges: dict[Position, Position]  # merge origin -> (row_span, col_span), origins with text only


class WorkbookReader(ReadingOrder):
    """Collects a workbook's tables and text blocks in sheet order."""

    def read_sheet(self, sheet: Sheet) -> None:
        """The sheet name as a heading, then each block: its title row as text, the rest as a table.

        A lone cell stays a 1x1 table and is also given as text: a title above the sheet's first
        real table, a paragraph (a note, a source) below it.
        """
        self.add_block(sheet.worksheet.title, "heading", sheet.number, level=1)
        seen_table = False
        for box in find_blocks(sheet):
            title, table_box = split_title_row(sheet, box)
            if title:
                self.add_block(title, "title", sheet.number)
            lone_text = single_cell_text(sheet, table_box)
            if lone_text:
                self.add_block(lone_text, "paragraph" if seen_table else "title", sheet.number)
            seen_table = seen_table or not lone_text
            self.tables.append(box_to_table(sheet, table_box, self.order))


def extract(path: Path, sha256: str | None = None) -> Document:
    """Read every worksheet (hidden ones too) into block tables and text blocks."""
    workbook, missing_values = open_package(path, read_workbook)
    reader = WorkbookReader()
    for number, worksheet in enumerate(workbook.worksheets, 1):
        reader.read_sheet(read_sheet(worksheet, number))
    return Document(
        path=str(path),
        sha256=sha256 or file_sha256(path),  # hashed here only when the caller has not
        format="xlsx",
        pages=len(workbook.worksheets),
        title=document_title(workbook.properties.title, reader.blocks, kinds=("title",)),
        tables=tuple(reader.tables),
        text_blocks=tuple(reader.blocks),
        issues=formula_issues(missing_values),
        metadata={"sheets": [worksheet.title for worksheet in workbook.worksheets]},
    )


@dataclass(frozen=True)
class SheetScan:
    """What a pass over a sheet part's XML tells before openpyxl reads it."""

    last_row: int  # of a cell with a value; 0 when the extent is unknown (cells without a reference)
    last_col: int
    formulas_without_value: int


def read_workbook(path: Path) -> tuple[Any, int]:
    """The workbook with formulas as cached values, and how many formula cells have no saved value.

    Merged and hyperlinked ranges reaching past a sheet's last value are cut there first: openpyxl makes
    one object per covered cell on load, a million for a whole column.
    """
    with zipfile.ZipFile(path) as archive:
        sheets = {name: archive.read(name) for name in archive.namelist() if WORKSHEET_PART.fullmatch(name)}
        scans = {name: scan_sheet(xml) for name, xml in sheets.items()}
        clipped = {name: clip_ranges(xml, scans[name]) for name, xml in sheets.items()}
        changed = {name: xml for name, xml in clipped.items() if xml != sheets[name]}
        package = repackage(archive, changed) if changed else io.BytesIO(path.read_bytes())
    missing = sum(scan.formulas_without_value for scan in scans.values())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about extensions it does not read
        # From a handle: given a path, openpyxl refuses names without an Excel extension.
        return load_workbook(package, data_only=True, keep_links=False), missing


def scan_sheet(sheet_xml: bytes) -> SheetScan:
    """The extent of a sheet's values and its formula cells without a saved value, from its XML."""
    last_row = last_col = missing = 0
    extent_known = True
    for attributes, content in CELL_ELEMENT.findall(sheet_xml):
        has_value = bool(FILLED_VALUE.search(content) or INLINE_STRING.search(content))
        if FORMULA.search(content) and not has_value and STRING_RESULT not in attributes:
            missing += 1
        reference = CELL_REFERENCE.search(attributes)
        extent_known = extent_known and reference is not None
        if has_value and reference:
            last_row = max(last_row, int(reference.group(2)))
            last_col = max(last_col, column_index_from_string(reference.group(1).decode()))
    return SheetScan(last_row if extent_known else 0, last_col if extent_known else 0, missing)


def clip_ranges(sheet_xml: bytes, scan: SheetScan) -> bytes:
    """The sheet XML with every merged or hyperlinked range cut at the last row and column holding a value."""
    if not scan.last_row:
        return sheet_xml

    def clip(match: re.Match[bytes]) -> bytes:
        first_col, first_row = column_index_from_string(match.group(2).decode()), int(match.group(3))
        last_col = max(first_col, min(column_index_from_string(match.group(4).decode()), scan.last_col))
        last_row = max(first_row, min(int(match.group(5)), scan.last_row))
        end = f"{get_column_letter(last_col)}{last_row}".encode()
        return match.group(1) + match.group(2) + match.group(3) + b":" + end + b'"'

    return RANGE_REFERENCE.sub(clip, sheet_xml)


def repackage(archive: zipfile.ZipFile, replaced: dict[str, bytes]) -> io.BytesIO:
    """An in-memory copy of a zip package with some parts replaced."""
    package = io.BytesIO()
    with zipfile.ZipFile(package, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in archive.infolist():
            copy.writestr(item.filename, replaced.get(item.filename) or archive.read(item.filename))
    package.seek(0)
    return package


def formula_issues(missing: int) -> tuple[Issue, ...]:
    """An issue when formula cells carry no saved result: they read as empty (tools that do not calculate)."""
    if not missing:
        return ()
    message = (
        f"{missing} formula cell(s) have no saved result and read as empty: the workbook was last "
        "saved by a tool that does not calculate; open and save it in Excel or LibreOffice"
    )
    return (Issue(stage="extract", kind="formula_without_value", message=message),)


def read_sheet(worksheet: Any, number: int) -> Sheet:
    """The non-empty cells and merges of a sheet, from the cells its XML holds (never its dimension)."""
    # openpyxl keeps exactly the cells written in the sheet XML in `_cells`; walking them instead of
    # iter_rows() avoids a claimed dimension of a million empty rows.
    values = {position: text for position, cell in worksheet._cells.items() if (text := cell_text(cell))}
    merges = {
        (merged.min_row, merged.min_col): (merged.max_row - merged.min_row + 1, merged.max_col - merged.min_col + 1)
        for merged in worksheet.merged_cells.ranges
        if (merged.min_row, merged.min_col) in values
    }
    return Sheet(worksheet=worksheet, number=number, values=values, merges=merges)


def cell_text(cell: Any) -> str:
    """str() of a cell's value, stripped, symbol-font ticks as Unicode; '' for an empty cell."""
    if cell.value is None:
        return ""
    if isinstance(cell.value, str):
        return symbol_font_text(cell.font.name if cell.font else None, cell.value).strip()
    return str(cell.value).strip()


def occupied_positions(sheet: Sheet) -> set[Position]:
    """Every position holding text, a merged range with text counting as all the cells it covers."""
    occupied = set(sheet.values)
    for (row, col), (row_span, col_span) in sheet.merges.items():
        occupied.update((r, c) for r in range(row, row + row_span) for c in range(col, col + col_span))
    return occupied


def find_blocks(sheet: Sheet) -> list[Box]:
    """Blocks of cells joined by an edge, as boxes; overlapping boxes merged; in reading order."""
    occupied = occupied_positions(sheet)
    seen: set[Position] = set()
    found: list[tuple[Position, Box]] = []
    for start in sorted(occupied):
        if start not in seen:
            component = flood(start, occupied, seen)
            found.append((start, component))
    return [box for _, box in sorted(merge_overlapping(found))]


def flood(start: Position, occupied: set[Position], seen: set[Position]) -> Box:
    """The bounding box of the edge-connected cells reachable from start; marks them seen."""
    box = Box(start[0], start[1], start[0], start[1])
    queue = deque([start])
    seen.add(start)
    while queue:
        row, col = queue.popleft()
        box = box.union(Box(row, col, row, col))
        for d_row, d_col in NEIGHBOURS:
            neighbour = (row + d_row, col + d_col)
            if neighbour in occupied and neighbour not in seen:
                seen.add(neighbour)
                queue.append(neighbour)
    return box


def merge_overlapping(found: list[tuple[Position, Box]]) -> list[tuple[Position, Box]]:
    """Join blocks whose boxes overlap (an L-shaped block around another), keeping the first start."""
    merged: list[tuple[Position, Box]] = []
    for start, box in found:
        while overlapping := [item for item in merged if item[1].overlaps(box)]:
            for item in overlapping:
                merged.remove(item)
                start, box = min(start, item[0]), box.union(item[1])
        merged.append((start, box))
    return merged


def split_title_row(sheet: Sheet, box: Box) -> tuple[str | None, Box]:
    """Take a merged title spanning the block's whole width off its top: (title, rest of the block).

    A block that is nothing but its title is left whole, as a lone cell is.
    """
    origin = (box.top, box.left)
    row_span, col_span = sheet.merges.get(origin, (1, 1))
    if col_span < 2 or col_span != box.right - box.left + 1 or box.top + row_span > box.bottom:
        return None, box
    return sheet.values[origin], Box(box.top + row_span, box.left, box.bottom, box.right)


def single_cell_text(sheet: Sheet, box: Box) -> str | None:
    """The text of a block made of one cell (merged or not), else None."""
    origin = (box.top, box.left)
    spans = sheet.merges.get(origin, (1, 1))
    if origin in sheet.values and spans == (box.bottom - box.top + 1, box.right - box.left + 1):
        return sheet.values[origin]
    return None


def box_to_table(sheet: Sheet, box: Box, order: int) -> Table:
    """The cells of a box as a table: merges once with spans, shaded empty cells kept for their fill."""
    covered = covered_positions(sheet, box)
    cells = []
    for row in range(box.top, box.bottom + 1):
        for col in range(box.left, box.right + 1):
            if (row, col) in covered:
                continue
            text = sheet.values.get((row, col), "")
            source = sheet.worksheet._cells.get((row, col))
            shaded = is_filled(source)
            if text or shaded:
                row_span, col_span = clip_span(sheet.merges.get((row, col), (1, 1)), (row, col), box)
                cells.append(
                    Cell(
                        text=text,
                        row=row - box.top,
                        col=col - box.left,
                        row_span=row_span,
                        col_span=col_span,
                        shaded=shaded,
                        page=sheet.number,
                        **cell_setting(source) if text else {},
                    )
                )
    return Table(
        cells=tuple(cells),
        n_rows=box.bottom - box.top + 1,
        n_cols=box.right - box.left + 1,
        page=sheet.number,
        locator=locator(sheet.worksheet.title, box),
        order=order,
        notes=hidden_notes(sheet.worksheet, box),
    )


def cell_setting(cell: Any) -> dict[str, Any]:
    """How a cell's text is set: its alignment's indent level, its font's bold, italic and strike-through."""
    indent = cell.alignment.indent if cell.alignment is not None else 0
    font = cell.font
    setting = {"indent": int(indent or 0), "bold": bool(font and font.b), "italic": bool(font and font.i)}
    return {**setting, "struck": bool(font and font.strike)}


def covered_positions(sheet: Sheet, box: Box) -> set[Position]:
    """Positions inside a box hidden under a merge origin (the origin itself excluded)."""
    covered: set[Position] = set()
    for (row, col), (row_span, col_span) in sheet.merges.items():
        if box.top <= row <= box.bottom and box.left <= col <= box.right:
            covered.update((r, c) for r in range(row, row + row_span) for c in range(col, col + col_span))
            covered.discard((row, col))
    return covered


def clip_span(span: Position, origin: Position, box: Box) -> Position:
    """A merge's (row_span, col_span) cut to the box it sits in."""
    return (min(span[0], box.bottom - origin[0] + 1), min(span[1], box.right - origin[1] + 1))


def is_filled(cell: Any) -> bool:
    """True when the cell has a solid fill in a colour other than white."""
    if cell is None or cell.fill is None or cell.fill.fill_type != "solid":
        return False
    colour = cell.fill.fgColor
    if colour.type == "rgb":
        return isinstance(colour.rgb, str) and colour.rgb[-6:].upper() != WHITE_RGB
    if colour.type == "indexed":
        return colour.indexed not in WHITE_INDEXES
    if colour.type == "theme":
        return colour.theme != WHITE_THEME or bool(colour.tint)
    return False


def locator(sheet_name: str, box: Box) -> str:
    """'Sheet!B4' for a box's top-left cell, the sheet name quoted when Excel would quote it."""
    name = sheet_name if sheet_name.replace("_", "").isalnum() else "'" + sheet_name.replace("'", "''") + "'"
    return f"{name}!{get_column_letter(box.left)}{box.top}"


def hidden_notes(worksheet: Any, box: Box) -> tuple[str, ...]:
    """Notes on the hidden sheet, rows and columns a table's box holds."""
    notes = []
    if worksheet.sheet_state != "visible":
        notes.append(f"hidden sheet: {worksheet.title}")
    rows = [row for row, dim in worksheet.row_dimensions.items() if dim.hidden and box.top <= row <= box.bottom]
    columns = sorted(
        {
            col
            for dim in worksheet.column_dimensions.values()
            if dim.hidden and dim.min
            for col in range(dim.min, (dim.max or dim.min) + 1)
            if box.left <= col <= box.right
        }
    )
    if rows:
        notes.append("hidden rows: " + ", ".join(str(row) for row in sorted(rows)))
    if columns:
        notes.append("hidden columns: " + ", ".join(get_column_letter(col) for col in columns))
    return tuple(notes)
