"""One pass over a PDF page's content: light characters, ruling segments and filled boxes.

pdfplumber's `page.chars`/`page.rects` turn every pdfminer object into a dict of some thirty
resolved attributes, which costs as much as parsing the page itself; this module walks the
pdfminer layout once and keeps only what the table and text readers use.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar, LTContainer, LTCurve, LTImage, LTPage
from pdfminer.pdfcolor import PDFColorSpace
from pdfminer.pdffont import PDFFont, PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFGraphicState, PDFPageInterpreter, PDFResourceManager
from pdfminer.utils import Matrix

# A stroke or box thinner than this (points) is a ruling line, not a filled area.
MAX_RULE_THICKNESS = 3.0
# A path shorter than this (points) is a tick or a glyph part, not a ruling.
MIN_RULE_LENGTH = 4.0
# A box covering more than this share of the page is a background, not a cell fill.
MAX_FILL_PAGE_SHARE = 0.5
# Sines of a glyph's angle below this count as axis-aligned (upright or turned 90°).
AXIS_TOLERANCE = 0.05
# Lines starting in the top or bottom this share of the page may be running headers/footers.
FURNITURE_BAND = 0.08


class Char(NamedTuple):
    """A glyph with its box in top-down page coordinates."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool
    direction: int  # 0 upright, 90 read bottom-to-top, 270 read top-to-bottom, -1 slanted


class Segment(NamedTuple):
    """A horizontal ('h') or vertical ('v') ruling line."""

    orientation: str
    x0: float
    top: float
    x1: float
    bottom: float


class Fill(NamedTuple):
    """A filled rectangle (cell shading, Gantt bar)."""

    x0: float
    top: float
    x1: float
    bottom: float
    white: bool


@dataclass
class PageObjects:
    """Everything read from one page."""

    width: float
    height: float
    chars: list[Char]
    segments: list[Segment]
    fills: list[Fill]
    images: int


class GlyphCollector(PDFPageAggregator):
    """A pdfminer device keeping upright glyphs of horizontal fonts as plain tuples: building an
    LTChar for each (and reading it back) costs a sixth of the page's parse. Other glyphs (turned,
    vertical fonts) go the usual LTChar way."""

    def __init__(self, rsrcmgr: PDFResourceManager, page_number: int) -> None:
        super().__init__(rsrcmgr, pageno=page_number, laparams=None)
        self.glyphs: list[tuple[str, float, float, float, float, str]] = []  # text, x0, y0, x1, y1, font

    def render_char(
        self,
        matrix: Matrix,
        font: PDFFont,
        fontsize: float,
        scaling: float,
        rise: float,
        cid: int,
        ncs: PDFColorSpace,
        graphicstate: PDFGraphicState,
    ) -> float:
        a, b, c, d, e, f = matrix
        if b or c or a <= 0 or d <= 0 or fontsize <= 0 or font.is_vertical():
            return super().render_char(matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate)
        try:
            text = font.to_unichr(cid)
        except PDFUnicodeNotDefined:
            text = self.handle_undefined_char(font, cid)
        advance = font.char_width(cid) * fontsize * scaling
        base = font.get_descent() * fontsize + rise  # LTChar's box: descent to descent + size
        self.glyphs.append((text, e, d * base + f, a * advance + e, d * (base + fontsize) + f, font.fontname))
        return advance


def read_page_objects(rsrcmgr: PDFResourceManager, page_obj: Any, page_number: int) -> PageObjects:
    """Interpret one page with pdfminer (no layout analysis) and keep light objects."""
    device = GlyphCollector(rsrcmgr, page_number)
    PDFPageInterpreter(rsrcmgr, device).process_page(page_obj)
    layout: LTPage = device.get_result()
    objects = PageObjects(layout.width, layout.height, [], [], [], 0)
    objects.chars = [
        Char(text, x0 - layout.x0, layout.y1 - y1, x1 - layout.x0, layout.y1 - y0, y1 - y0, is_bold(font), 0)
        for text, x0, y0, x1, y1, font in device.glyphs
    ]
    collect_objects(layout, layout, objects)
    return objects


def collect_objects(container: LTContainer[Any], layout: LTPage, out: PageObjects) -> None:
    """Walk the layout tree (figures included) filling `out`."""
    for item in container:
        if isinstance(item, LTChar):
            out.chars.append(char_from_lt(item, layout))
        elif isinstance(item, LTCurve):
            add_curve(item, layout, out)
        elif isinstance(item, LTImage):
            out.images += 1
        elif isinstance(item, LTContainer):
            collect_objects(item, layout, out)


def char_from_lt(item: LTChar, layout: LTPage) -> Char:
    """A Char in top-down coordinates from a pdfminer glyph."""
    return Char(
        item.get_text(),
        item.x0 - layout.x0,
        layout.y1 - item.y1,
        item.x1 - layout.x0,
        layout.y1 - item.y0,
        item.size,
        is_bold(item.fontname),
        glyph_direction(item.matrix),
    )


@lru_cache(maxsize=256)
def is_bold(fontname: str) -> bool:
    """True for a bold or black font, told from its name."""
    name = fontname.lower()
    return "bold" in name or "black" in name


def glyph_direction(matrix: tuple[float, float, float, float, float, float]) -> int:
    """0 for upright text, 90/270 for text turned a quarter, 180 upside down, -1 slanted."""
    a, b, c, d = matrix[:4]
    if b == 0 and c == 0 and a > 0 and d > 0:  # the common case, decided without arithmetic
        return 0
    scale = max(abs(a), abs(b), abs(c), abs(d)) or 1.0
    if abs(b) / scale < AXIS_TOLERANCE and abs(c) / scale < AXIS_TOLERANCE:
        return 0 if a > 0 and d > 0 else 180
    if abs(a) / scale < AXIS_TOLERANCE and abs(d) / scale < AXIS_TOLERANCE:
        return 90 if b > 0 else 270
    return -1


def add_curve(item: LTCurve, layout: LTPage, out: PageObjects) -> None:
    """Record a path as ruling segments and/or a filled box."""
    x0, x1 = item.x0 - layout.x0, item.x1 - layout.x0
    top, bottom = layout.y1 - item.y1, layout.y1 - item.y0
    width, height = x1 - x0, bottom - top
    if width <= MAX_RULE_THICKNESS and height >= MIN_RULE_LENGTH:
        out.segments.append(Segment("v", (x0 + x1) / 2, top, (x0 + x1) / 2, bottom))
        return
    if height <= MAX_RULE_THICKNESS and width >= MIN_RULE_LENGTH:
        out.segments.append(Segment("h", x0, (top + bottom) / 2, x1, (top + bottom) / 2))
        return
    if width < MIN_RULE_LENGTH or height < MIN_RULE_LENGTH or len(item.pts) > 5 and not is_box(item):
        return
    if item.stroke:
        out.segments.extend(box_edges(x0, top, x1, bottom))
    if item.fill and width * height < MAX_FILL_PAGE_SHARE * layout.width * layout.height:
        out.fills.append(Fill(x0, top, x1, bottom, is_white(item.non_stroking_color)))


def is_box(item: LTCurve) -> bool:
    """True when every point of the path lies on its bounding box's corners."""
    corners = {(round(x, 1), round(y, 1)) for x in (item.x0, item.x1) for y in (item.y0, item.y1)}
    return all((round(x, 1), round(y, 1)) in corners for x, y in item.pts)


def box_edges(x0: float, top: float, x1: float, bottom: float) -> list[Segment]:
    """The four sides of a stroked rectangle."""
    return [
        Segment("h", x0, top, x1, top),
        Segment("h", x0, bottom, x1, bottom),
        Segment("v", x0, top, x0, bottom),
        Segment("v", x1, top, x1, bottom),
    ]


def is_white(color: Any) -> bool:
    """True for a white (or unset) fill, which paints no visible shading."""
    if color is None:
        return True
    values = color if isinstance(color, tuple | list) else (color,)
    try:
        numbers = [float(value) for value in values]
    except (TypeError, ValueError):
        return False
    if len(numbers) == 4:  # CMYK: white when no ink
        return all(value <= 0.02 for value in numbers)
    return all(value >= 0.98 for value in numbers)
