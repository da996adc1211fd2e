"""The pdfminer source of the page-objects layer: one pass over a page's content.

pdfplumber's `page.chars`/`page.rects` turn every pdfminer object into a dict of some thirty resolved
attributes, which costs as much as parsing the page itself; this source walks the pdfminer layout once
and keeps only what the table and text readers use.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar, LTContainer, LTCurve, LTImage, LTPage
from pdfminer.pdfcolor import PDFColorSpace
from pdfminer.pdffont import PDFFont, PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFGraphicState, PDFPageInterpreter, PDFResourceManager
from pdfminer.utils import Matrix

from extractors.pdf.objects import Char, Fill, PageObjects, Segment, color_components
from extractors.pdf.settings import PdfSettings

# Sines of a glyph's angle below this count as axis-aligned (upright or turned 90°).
AXIS_TOLERANCE = 0.05


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


class PdfminerSource:
    """Page objects read with pdfminer's interpreter, sharing one resource manager (fonts) per document."""

    def __init__(self, rsrcmgr: PDFResourceManager) -> None:
        self.rsrcmgr = rsrcmgr

    def page_objects(self, page: Any, number: int, settings: PdfSettings) -> PageObjects:
        """The objects of a pdfminer PDFPage."""
        return read_page_objects(self.rsrcmgr, page, number, settings)


def read_page_objects(
    rsrcmgr: PDFResourceManager, page_obj: Any, page_number: int, settings: PdfSettings
) -> PageObjects:
    """Interpret one page with pdfminer (no layout analysis) and keep light objects."""
    device = GlyphCollector(rsrcmgr, page_number)
    PDFPageInterpreter(rsrcmgr, device).process_page(page_obj)
    layout: LTPage = device.get_result()
    objects = PageObjects(layout.width, layout.height, [], [], [], 0)
    objects.chars = [
        Char(text, x0 - layout.x0, layout.y1 - y1, x1 - layout.x0, layout.y1 - y0, y1 - y0, is_bold(font), 0)
        for text, x0, y0, x1, y1, font in device.glyphs
    ]
    collect_objects(layout, layout, objects, settings)
    return objects


def collect_objects(container: LTContainer[Any], layout: LTPage, out: PageObjects, settings: PdfSettings) -> None:
    """Walk the layout tree (figures included) filling `out`."""
    for item in container:
        if isinstance(item, LTChar):
            out.chars.append(char_from_lt(item, layout))
        elif isinstance(item, LTCurve):
            add_curve(item, layout, out, settings)
        elif isinstance(item, LTImage):
            out.images += 1
        elif isinstance(item, LTContainer):
            collect_objects(item, layout, out, settings)


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


def add_curve(item: LTCurve, layout: LTPage, out: PageObjects, settings: PdfSettings) -> None:
    """Record a path as ruling segments and/or a filled box."""
    x0, x1 = item.x0 - layout.x0, item.x1 - layout.x0
    top, bottom = layout.y1 - item.y1, layout.y1 - item.y0
    width, height = x1 - x0, bottom - top
    thickness, length = settings.max_rule_thickness, settings.min_rule_length
    if width <= thickness and height >= length:
        out.segments.append(Segment("v", (x0 + x1) / 2, top, (x0 + x1) / 2, bottom))
        return
    if height <= thickness and width >= length:
        out.segments.append(Segment("h", x0, (top + bottom) / 2, x1, (top + bottom) / 2))
        return
    if width < length or height < length or len(item.pts) > 5 and not is_box(item):
        return
    if item.stroke:
        out.segments.extend(box_edges(x0, top, x1, bottom))
    if item.fill and width * height < settings.max_fill_page_share * layout.width * layout.height:
        out.fills.append(Fill(x0, top, x1, bottom, color_components(item.non_stroking_color)))


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
