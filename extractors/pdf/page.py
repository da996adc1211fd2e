"""One page read once: ruled tables, borderless tables and the text around them, in reading order."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from operator import attrgetter
from statistics import median

from extractors.model import BBox, Table
from extractors.pdf.columns import find_gutter, split_at_gutter
from extractors.pdf.drawn_chart import page_chart
from extractors.pdf.finders import FINDERS, PageInput
from extractors.pdf.index import CharIndex
from extractors.pdf.objects import Char, Fill, PageObjects, Segment
from extractors.pdf.settings import PdfSettings
from extractors.pdf.shading import legend_swatches
from extractors.pdf.strikes import struck_cells
from extractors.pdf.words import TextLine, chars_to_lines
from extractors.wrapping import join_lines

# A furniture candidate stands apart from the body by at least this many line heights.
FURNITURE_GAP = 0.8
# Page numbers as footers print them: "3", "- 3 -", "Page 3", "Page 3 of 10", "3/10".
PAGE_NUMBER = re.compile(r"^(page\s*)?[-–(\[]?\s*\d{1,4}\s*[-–)\]]?(\s*(of|/)\s*\d{1,4})?$", re.IGNORECASE)
# The directions of the glyphs a page's text is read from (see objects.glyph_direction).
READABLE = frozenset((0, 90, 270))
DIRECTION = attrgetter("direction")
# A page whose glyphs mostly run turned a quarter holds landscape content drawn sideways.
TURNED_SHARE = 0.6
# A sideways table needs at least this many turned glyphs (fewer are axis labels, margin notes).
MIN_SIDEWAYS_CHARS = 40
# Lines of one paragraph are at most this many line heights apart.
PARAGRAPH_GAP = 0.75
# A paragraph's lines differ in font size by less than this share.
SIZE_STEP = 0.12
# Text this much larger than the page's body text is a heading ...
HEADING_SCALE = 1.15
# ... and so is text this much larger than the page's glyphs at large, tables' text included (a slide's title,
# the only text of its page outside the table below it).
PAGE_TITLE_SCALE = 2.0
# A bold run of at most this many words on its own is a heading.
HEADING_MAX_WORDS = 14
# Glyphs that open a list item (\uf0b7, \uf0a7: Symbol/Wingdings bullets as Word exports them).
BULLETS = ("•", "▪", "◦", "●", "○", "■", "□", "➢", "►", "-", "–", "*", "·", "\uf0b7", "\uf0a7", "o ")


@dataclass
class Block:
    """Text outside tables, with its position on the page and font size."""

    text: str
    kind: str
    top: float
    size: float
    furniture: bool = False
    column: int = 0  # 0, or 1 for the right column of a two-column page


@dataclass
class PageResult:
    """What one page yields, before document-level furniture removal and stitching."""

    number: int
    tables: list[Table] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    n_chars: int = 0
    images: int = 0
    gutter: float | None = None  # x between two text columns, when the page is set in two
    # The coloured fills under each table with shaded cells (in the table's own frame; [] for the others),
    # and the colours the page's legend keys to a label: the document's legend decides which mark a cell.
    fills: list[list[Fill]] = field(default_factory=list)
    swatches: list[tuple[float, ...]] = field(default_factory=list)
    # The text lines of each text column outside tables, from which the blocks were made.
    text_lines: list[list[TextLine]] = field(default_factory=list)
    # The median size of the page's glyphs, tables' text included.
    text_size: float = 0.0

    def items(self) -> list[Table | Block]:
        """Tables and blocks in reading order: column by column, top to bottom."""
        entries: list[tuple[int, float, Table | Block]] = [(b.column, b.top, b) for b in self.blocks]
        for table in self.tables:
            box = table.bbox or (0.0, 0.0, 0.0, 0.0)
            entries.append((int(self.gutter is not None and box[0] >= self.gutter), box[1], table))
        return [entry[2] for entry in sorted(entries, key=lambda entry: entry[:2])]


def read_page(page_objects: PageObjects, number: int, settings: PdfSettings) -> PageResult:
    """Find one page's tables and text blocks (sideways tables in their own frame)."""
    objects, directions = upright_objects(page_objects)
    chars = readable(objects.chars, directions)
    tables, lines = read_frame(objects, chars, number, settings)
    tables, lines = with_drawn_chart(tables, lines, objects.fills, number)
    furniture, body = split_furniture(lines, objects.height, settings.furniture_band_share)
    gutter = find_gutter(body, objects.width, settings)
    columns = list(split_at_gutter(body, gutter, settings)) if gutter is not None else [body]
    stream = [table for column in columns for table in borderless_tables(objects, column, number, settings)]
    blocks = [furniture_block(line) for line in furniture]
    text_lines = [[line for line in column if not any(line_in_table(line, t) for t in stream)] for column in columns]
    text_size = median(char.size for char in chars) if chars else 0.0
    for index, own in enumerate(text_lines):
        blocks += [replace(block, column=index) for block in lines_to_blocks(own, text_size)]
    framed = [(table, objects.fills) for table in with_strikes(tables + stream, objects)] + sideways_tables(
        objects, directions, tables, number, settings
    )
    pairs = [(block, fills) for table, fills in framed for block in split_side_by_side(table)]
    free = [line for line in body if not any(line_in_table(line, table) for table, _ in pairs)]
    swatches = legend_swatches(objects.fills, free, [table.bbox for table, _ in pairs if table.bbox])
    return PageResult(
        number,
        [table for table, _ in pairs],
        blocks,
        len(objects.chars),
        objects.images,
        gutter,
        [shading_fills(table, fills) for table, fills in pairs],
        swatches,
        text_lines,
        text_size,
    )


def with_drawn_chart(
    tables: list[Table], lines: list[TextLine], fills: list[Fill], number: int
) -> tuple[list[Table], list[TextLine]]:
    """The ruled tables and a Gantt the free lines and the fills outside the tables draw, and the lines left."""
    free = [fill for fill in fills if not any(fill_in_table(fill, table) for table in tables)]
    chart = page_chart(lines, free, number, len(tables))
    if chart is None:
        return tables, lines
    return [*tables, chart], [line for line in lines if not line_in_table(line, chart)]


def with_strikes(tables: list[Table], objects: PageObjects) -> list[Table]:
    """The tables with their struck-through cells marked (see `strikes`)."""
    if not tables or not any(segment.orientation == "h" for segment in objects.segments):
        return tables
    index = CharIndex(objects.chars)
    return [struck_cells(table, index, objects.segments) for table in tables]


def fill_in_table(fill: Fill, table: Table) -> bool:
    """True when a fill's middle lies within a table's box."""
    if table.bbox is None:
        return False
    x0, top, x1, bottom = table.bbox
    return x0 <= (fill.x0 + fill.x1) / 2 <= x1 and top <= (fill.top + fill.bottom) / 2 <= bottom


def readable(chars: list[Char], directions: Counter[int]) -> list[Char]:
    """The glyphs that read upright or turned a quarter (slanted or upside down: a watermark), in page order
    (`directions` counts the glyphs of each direction)."""
    if READABLE.issuperset(directions):
        return list(chars)
    return [char for char in chars if char.direction in READABLE]


def shading_fills(table: Table, fills: list[Fill]) -> list[Fill]:
    """The coloured fills a table's shaded cells may have been read from (none kept for a table without)."""
    return [fill for fill in fills if not fill.white] if any(cell.shaded for cell in table.cells) else []


def read_frame(
    objects: PageObjects, chars: list[Char], number: int, settings: PdfSettings
) -> tuple[list[Table], list[TextLine]]:
    """Ruled tables holding mostly upright text, and the upright lines outside them."""
    page = PageInput(number, objects, chars, [])
    tables = [t for t in ruled_tables(page, settings) if mostly_upright(t, page.index)]
    free = page.index.outside([t.bbox for t in tables if t.bbox])
    return tables, chars_to_lines([c for c in free if c.direction == 0], settings)


def ruled_tables(page: PageInput, settings: PdfSettings) -> list[Table]:
    """The ruled finder's tables over the page's glyphs, when the settings use it."""
    if "ruled" not in settings.finders:
        return []
    return FINDERS["ruled"](settings).find(page)


def borderless_tables(objects: PageObjects, lines: list[TextLine], number: int, settings: PdfSettings) -> list[Table]:
    """The borderless finder's tables among free text lines, when the settings use it."""
    if "borderless" not in settings.finders:
        return []
    return FINDERS["borderless"](settings).find(PageInput(number, objects, [], lines))


def mostly_upright(table: Table, index: CharIndex) -> bool:
    """True when most glyphs inside a table read left to right (else it is a sideways table)."""
    inside = list(map(DIRECTION, index.inside(table.bbox))) if table.bbox else []
    return 2 * inside.count(0) >= len(inside)


def sideways_tables(
    objects: PageObjects, directions: Counter[int], found: list[Table], number: int, settings: PdfSettings
) -> list[tuple[Table, list[Fill]]]:
    """Tables printed turned a quarter on the page, read in the frame where their text is upright (each with
    the fills of that frame; `directions` counts the page's glyphs of each direction)."""
    tables: list[tuple[Table, list[Fill]]] = []
    if directions[90] + directions[270] < MIN_SIDEWAYS_CHARS:
        return tables
    free = CharIndex(objects.chars).outside([t.bbox for t in found if t.bbox])
    for direction in (90, 270):
        chars = [c for c in free if c.direction == direction]
        if len(chars) < MIN_SIDEWAYS_CHARS:
            continue
        frame = turn_page(
            PageObjects(objects.width, objects.height, chars, objects.segments, objects.fills, 0), direction
        )
        ruled, lines = read_frame(frame, frame.chars, number, settings)
        for table in with_strikes(ruled + borderless_tables(frame, lines, number, settings), frame):
            tables.append((replace(table, bbox=table.bbox and unturn_box(table.bbox, direction, objects)), frame.fills))
    return tables


def unturn_box(box: BBox, direction: int, objects: PageObjects) -> BBox:
    """A box of the turned frame back in page coordinates."""
    x0, top, x1, bottom = box
    if direction == 90:
        return top, objects.height - x1, bottom, objects.height - x0
    return objects.width - bottom, x0, objects.width - top, x1


def upright_objects(objects: PageObjects) -> tuple[PageObjects, Counter[int]]:
    """The page turned so that most of its text reads left to right (landscape drawn sideways), and its glyphs
    counted by direction."""
    directions = Counter(map(DIRECTION, objects.chars))
    direction = 270 if directions[270] > directions[90] else 90
    if not objects.chars or directions[direction] < TURNED_SHARE * len(objects.chars):
        return objects, directions
    turned = turn_page(objects, direction)
    return turned, Counter(map(DIRECTION, turned.chars))


def turn_page(objects: PageObjects, direction: int) -> PageObjects:
    """Every object of the page in the frame where `direction` text reads left to right."""
    w, h = objects.width, objects.height

    def box(x0: float, top: float, x1: float, bottom: float) -> tuple[float, float, float, float]:
        if direction == 90:
            return h - bottom, x0, h - top, x1
        return top, w - x1, bottom, w - x0

    chars = [
        Char(c.text, *box(c.x0, c.top, c.x1, c.bottom), c.size, c.bold, turned(c.direction, direction), c.italic)
        for c in objects.chars
    ]
    segments = [
        Segment("v" if s.orientation == "h" else "h", *box(s.x0, s.top, s.x1, s.bottom)) for s in objects.segments
    ]
    fills = [Fill(*box(f.x0, f.top, f.x1, f.bottom), f.color) for f in objects.fills]
    return PageObjects(h, w, chars, segments, fills, objects.images)


def turned(char_direction: int, page_direction: int) -> int:
    """A glyph's direction once the page is turned by `page_direction`."""
    if char_direction < 0:
        return char_direction
    return (char_direction - page_direction) % 360


def split_furniture(lines: list[TextLine], height: float, band: float) -> tuple[list[TextLine], list[TextLine]]:
    """Lines in the top/bottom band set apart from the body (or page numbers), and the rest."""
    furniture: list[TextLine] = []
    for index, line in enumerate(lines):
        if line.bottom < band * height:
            neighbour = lines[index + 1] if index + 1 < len(lines) else None
            apart = neighbour is None or neighbour.top - line.bottom > FURNITURE_GAP * line.size
        elif line.top > (1 - band) * height:
            neighbour = lines[index - 1] if index > 0 else None
            apart = neighbour is None or line.top - neighbour.bottom > FURNITURE_GAP * line.size
        else:
            continue
        if apart or PAGE_NUMBER.match(line.text):
            furniture.append(line)
    kept = {id(line) for line in furniture}
    return furniture, [line for line in lines if id(line) not in kept]


def furniture_block(line: TextLine) -> Block:
    """A header/footer candidate; the document decides whether it repeats."""
    return Block(line.text, "paragraph", line.top, line.size, furniture=True)


def line_in_table(line: TextLine, table: Table) -> bool:
    """True when a line lies within a table's box."""
    if table.bbox is None:
        return False
    x0, top, x1, bottom = table.bbox
    middle = (line.top + line.bottom) / 2
    return top <= middle <= bottom and line.x0 < x1 and line.x1 > x0


def lines_to_blocks(lines: list[TextLine], text_size: float = 0.0) -> list[Block]:
    """Group text lines into paragraphs, headings and bullets (`text_size`: the median size of the page's
    glyphs, tables' text included)."""
    if not lines:
        return []
    body = median(line.size for line in lines)
    if text_size:
        body = min(body, PAGE_TITLE_SCALE / HEADING_SCALE * text_size)
    groups: list[list[TextLine]] = []
    for line in lines:
        if groups and same_paragraph(groups[-1][-1], line):
            groups[-1].append(line)
        else:
            groups.append([line])
    return [group_to_block(group, body) for group in groups]


def same_paragraph(previous: TextLine, line: TextLine) -> bool:
    """True when a line continues the paragraph of the line above it."""
    if abs(line.size - previous.size) > SIZE_STEP * previous.size or line.bold != previous.bold:
        return False
    if line.top - previous.bottom > PARAGRAPH_GAP * line.size or line.top < previous.top:
        return False
    return not line.text.startswith(BULLETS)


def group_to_block(group: list[TextLine], body: float) -> Block:
    """One block and its kind from a paragraph's lines."""
    text = join_lines(line.text for line in group)
    first = group[0]
    if first.text.startswith(BULLETS):
        kind, text = "bullet", text[len(next(mark for mark in BULLETS if text.startswith(mark))) :].strip()
    elif first.size >= HEADING_SCALE * body or (first.bold and len(text.split()) <= HEADING_MAX_WORDS):
        kind = "heading"
    else:
        kind = "paragraph"
    return Block(text, kind, first.top, first.size)


def split_side_by_side(table: Table) -> list[Table]:
    """A table printed as blocks side by side (Age | Total | Age | Total) as one table per block."""
    grid = table.grid()
    period = header_period(grid)
    if period == table.n_cols or any(
        cell.col // period != (cell.col + cell.col_span - 1) // period for cell in table.cells
    ):
        return [table]
    return [block_table(table, start, period) for start in range(0, table.n_cols, period)]


def header_period(grid: list[list[str]]) -> int:
    """The width of one block when the header row repeats across, else the table's width."""
    header = next((row for row in grid if all(row)), None)
    n_cols = len(grid[0]) if grid else 0
    if header is not None:
        for period in range(2, n_cols // 2 + 1):
            if n_cols % period == 0 and all(header[i] == header[i % period] for i in range(n_cols)):
                return period
    return n_cols


def block_table(table: Table, start: int, period: int) -> Table:
    """The columns [start, start + period) of a table as a table of their own."""
    cells = tuple(replace(cell, col=cell.col - start) for cell in table.cells if start <= cell.col < start + period)
    boxes = [cell.bbox for cell in cells if cell.bbox is not None]
    bbox = table.bbox
    if boxes and table.bbox is not None:
        bbox = (min(b[0] for b in boxes), table.bbox[1], max(b[2] for b in boxes), table.bbox[3])
    return replace(table, cells=cells, n_cols=period, bbox=bbox)
