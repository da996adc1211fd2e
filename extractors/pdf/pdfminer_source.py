"""The pdfminer source of the page-objects layer (the reference source): one pass over a page's content.

The file is opened with pdfplumber, the pages interpreted by pdfminer. pdfplumber's `page.chars`/`page.rects`
turn every pdfminer object into a dict of some thirty resolved attributes, which costs as much as parsing the
page itself; this source walks the pdfminer layout once and keeps only what the table and text readers use.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar, LTContainer, LTCurve, LTImage, LTPage
from pdfminer.pdfcolor import PDFColorSpace
from pdfminer.pdffont import PDFFont, PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFGraphicState, PDFPageInterpreter, PDFResourceManager
from pdfminer.utils import Matrix, apply_matrix_pt, apply_matrix_rect

from extractors.pdf.objects import (
    Char,
    PageObjects,
    color_components,
    glyph_direction,
    is_bold,
    is_italic,
    path_objects,
)
from extractors.pdf.settings import PdfSettings

# The matrix pdfminer's interpreter sets for a page of each /Rotate (pdfinterp.process_page), from the media
# box (x0, y0, x1, y1): the crop box goes through the same to find the shown page in pdfminer's layout.
ROTATIONS = {
    90: lambda x0, y0, x1, y1: (0, -1, 1, 0, -y0, x1),
    180: lambda x0, y0, x1, y1: (-1, 0, 0, -1, x1, y1),
    270: lambda x0, y0, x1, y1: (0, 1, -1, 0, y1, -x0),
}


class GlyphCollector(PDFPageAggregator):
    """A pdfminer device keeping glyphs of horizontal fonts as plain tuples, with the box of `objects.Char`:
    building an LTChar for each (and reading it back) costs a sixth of the page's parse. Glyphs of vertical
    fonts go the usual LTChar way."""

    def __init__(self, rsrcmgr: PDFResourceManager, page_number: int) -> None:
        super().__init__(rsrcmgr, pageno=page_number, laparams=None)
        # text, x0, y0, x1, y1, size, (bold, italic), direction
        self.glyphs: list[tuple[str, float, float, float, float, float, tuple[bool, bool], int]] = []

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
        if font.is_vertical():
            return super().render_char(matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate)
        try:
            text = font.to_unichr(cid)
        except PDFUnicodeNotDefined:
            text = self.handle_undefined_char(font, cid)
        advance = font.char_width(cid) * fontsize * scaling
        a, b, c, d, e, f = matrix
        if b == 0 and c == 0 and a > 0 and d > 0:  # upright: the common case, without the general arithmetic
            box = (e, d * rise + f, a * advance + e, d * (rise + fontsize) + f)
            self.glyphs.append((text, *box, d * fontsize, font_type(font), 0))
            return advance
        (x0, y0), (x1, y1) = apply_matrix_pt(matrix, (0, rise)), apply_matrix_pt(matrix, (advance, rise + fontsize))
        box = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
        self.glyphs.append((text, *box, box[3] - box[1], font_type(font), glyph_direction((a, b, c, d))))
        return advance


@lru_cache(maxsize=256)
def font_type(font: PDFFont) -> tuple[bool, bool]:
    """Whether a font is bold (by its name) and italic (by its name, ItalicAngle or Italic flag); once per font
    (the interpreter keeps one object per font of a document)."""
    name = font.fontname if isinstance(font.fontname, str) else ""
    return is_bold(name), is_italic(name, font.italic_angle, font.flags)


class PdfminerSource:
    """Page objects read with pdfminer's interpreter (the file opened by pdfplumber), sharing one resource
    manager (fonts) per document. Raises what pdfplumber raises for a file it cannot open."""

    def __init__(self, path: Path) -> None:
        import pdfplumber

        self.pdf = pdfplumber.open(path)
        try:
            self.pages = self.pdf.pages  # the page tree is read here: a broken one fails now
        except Exception:
            self.close()
            raise

    @property
    def page_count(self) -> int:
        """The number of pages."""
        return len(self.pages)

    def metadata(self) -> dict[str, Any]:
        """The document information dictionary (Title, Author, ...)."""
        return dict(self.pdf.metadata)

    def page_objects(self, number: int, settings: PdfSettings) -> PageObjects:
        """The objects of page `number` (1-based); the page is released afterwards."""
        page = self.pages[number - 1]
        try:
            return read_page_objects(self.pdf.rsrcmgr, page.page_obj, number, settings)
        finally:
            page.close()

    def close(self) -> None:
        """Close the file. Closing walks the page tree again, so a broken one raises there and would hide the
        error already raised; the file is closed all the same."""
        try:
            self.pdf.close()
        except Exception:
            self.pdf.stream.close()


def shown_box(page_obj: Any) -> tuple[float, float, float, float]:
    """The crop box (within the media box) in pdfminer's layout coordinates: the page as shown."""
    media = page_obj.mediabox
    crop = page_obj.cropbox or media
    box = (max(crop[0], media[0]), max(crop[1], media[1]), min(crop[2], media[2]), min(crop[3], media[3]))
    if box[2] <= box[0] or box[3] <= box[1]:
        box = tuple(media)
    x0, y0, x1, y1 = media
    rotation = ROTATIONS.get(page_obj.rotate % 360)
    ctm = rotation(x0, y0, x1, y1) if rotation else (1, 0, 0, 1, -x0, -y0)
    return apply_matrix_rect(ctm, box)


def read_page_objects(
    rsrcmgr: PDFResourceManager, page_obj: Any, page_number: int, settings: PdfSettings
) -> PageObjects:
    """Interpret one page with pdfminer (no layout analysis) and keep light objects."""
    device = GlyphCollector(rsrcmgr, page_number)
    PDFPageInterpreter(rsrcmgr, device).process_page(page_obj)
    layout: LTPage = device.get_result()
    left, low, right, high = shown_box(page_obj)
    frame = Frame(left, high)
    objects = PageObjects(right - left, high - low, [], [], [], 0)
    objects.chars = [
        Char(text, x0 - left, high - y1, x1 - left, high - y0, size, bold, direction, italic)
        for text, x0, y0, x1, y1, size, (bold, italic), direction in device.glyphs
    ]
    collect_objects(layout, frame, objects, settings)
    return objects


class Frame:
    """pdfminer's layout coordinates (bottom-up) to the shown page's (top-down, from the crop box's corner)."""

    def __init__(self, left: float, top: float) -> None:
        self.left = left
        self.top = top

    def point(self, x: float, y: float) -> tuple[float, float]:
        """A layout point on the shown page."""
        return x - self.left, self.top - y


def collect_objects(container: LTContainer[Any], frame: Frame, out: PageObjects, settings: PdfSettings) -> None:
    """Walk the layout tree (figures included) filling `out`."""
    for item in container:
        if isinstance(item, LTChar):
            out.chars.append(char_from_lt(item, frame))
        elif isinstance(item, LTCurve):
            points = [frame.point(x, y) for x, y in item.pts]
            color = color_components(item.non_stroking_color)
            path_objects([points], bool(item.stroke), bool(item.fill), color, out, settings)
        elif isinstance(item, LTImage):
            out.images += 1
        elif isinstance(item, LTContainer):
            collect_objects(item, frame, out, settings)


def char_from_lt(item: LTChar, frame: Frame) -> Char:
    """A Char in top-down coordinates from a pdfminer glyph."""
    x0, top = frame.point(item.x0, item.y1)
    x1, bottom = frame.point(item.x1, item.y0)
    name = item.fontname
    direction = glyph_direction(item.matrix[:4])
    return Char(item.get_text(), x0, top, x1, bottom, item.size, is_bold(name), direction, is_italic(name))
