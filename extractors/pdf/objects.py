"""The page-objects layer: what every later stage of the PDF reader reads of a page, and nothing else.

Glyphs (Char), ruling lines (Segment) and filled rectangles (Fill, with their colour), each with its box
in top-down coordinates of the page as shown (crop box, /Rotate applied), gathered in PageObjects. A source
fills them from a PDF parser behind the `PageSource` protocol: PDFium (`pdfium_source`, the default) or
pdfminer through pdfplumber (`pdfminer_source`, the reference). Both follow the conventions set here (a
glyph's box is its font box, a path is one object per subpath and becomes rules and fills by
`path_objects`), so the finders read the same page whichever source filled it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

if TYPE_CHECKING:
    from extractors.pdf.settings import PdfSettings

# A colour component at or above this (below it for CMYK ink) paints white: no visible shading.
WHITE_LEVEL = 0.98
CMYK_NO_INK = 0.02
# Sines of a glyph's angle below this count as axis-aligned (upright or turned 90°).
AXIS_TOLERANCE = 0.05
# Coordinates in 32-bit floats (PDFium's) are off by up to this from the 64-bit ones (pdfminer's): sizes are
# compared with the settings' thresholds this much more leniently, so that both sources draw the line alike.
FLOAT_NOISE = 0.01
# A path with more points than a closed rectangle's five is kept only when it runs round its box's sides.
BOX_POINTS = 5
# How far (points) a point may stray from a box's side and still be on it.
SIDE_NOISE = 0.1
# The font descriptor's Italic flag (bit 7 of /Flags, ISO 32000-1 table 123).
ITALIC_FLAG = 1 << 6

Point = tuple[float, float]


class Char(NamedTuple):
    """A glyph with its box in top-down page coordinates. The box stands on the baseline and is one font size
    high (in the direction the glyph reads), whatever the font says of its ascent and descent: fonts declare
    these unreliably (LibreOffice writes 0 for both), and PDF parsers fill the gaps each their own way. `size`
    is the box's height on the page: the font size for upright text, the advance for text turned a quarter
    (pdfminer's LTChar.size, on which the readers' tolerances were measured). `bold` and `italic` are its
    font's (`is_bold`, `is_italic`)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool
    direction: int  # 0 upright, 90 read bottom-to-top, 270 read top-to-bottom, -1 slanted
    italic: bool = False


class Segment(NamedTuple):
    """A horizontal ('h') or vertical ('v') ruling line."""

    orientation: str
    x0: float
    top: float
    x1: float
    bottom: float


class Fill(NamedTuple):
    """A filled rectangle (cell shading, Gantt bar, zebra band) with its fill colour: gray, RGB or CMYK
    components in 0..1 as the PDF gives them; () when the source cannot tell (taken for white)."""

    x0: float
    top: float
    x1: float
    bottom: float
    color: tuple[float, ...] = ()

    @property
    def white(self) -> bool:
        """True for a white (or unknown) fill, which paints no visible shading."""
        return is_white(self.color)


@dataclass
class PageObjects:
    """Everything read from one page."""

    width: float
    height: float
    chars: list[Char]
    segments: list[Segment]
    fills: list[Fill]
    images: int


class PageSource(Protocol):
    """A PDF parser's way to the page-objects layer: an open document whose pages are read once each."""

    @property
    def page_count(self) -> int:
        """The number of pages."""
        ...

    def metadata(self) -> dict[str, Any]:
        """The document information dictionary (Title, Author, ...), or at least the entries the reader uses
        (Title)."""
        ...

    def page_objects(self, number: int, settings: PdfSettings) -> PageObjects:
        """The glyphs, rules and fills of page `number` (1-based); the page is released afterwards."""
        ...

    def close(self) -> None:
        """Release the document."""
        ...


@lru_cache(maxsize=256)
def is_bold(fontname: str) -> bool:
    """True for a bold or black font, told from its name."""
    name = fontname.lower()
    return "bold" in name or "black" in name


@lru_cache(maxsize=256)
def is_italic(fontname: str, italic_angle: float = 0.0, flags: int = 0) -> bool:
    """True for an italic or oblique font, told from its name or, where the source reads them, its font
    descriptor's ItalicAngle (slanted glyphs) and Italic flag."""
    name = fontname.lower()
    return "italic" in name or "oblique" in name or italic_angle != 0 or bool(flags & ITALIC_FLAG)


def glyph_direction(matrix: tuple[float, float, float, float]) -> int:
    """0 for upright text, 90/270 for text turned a quarter, 180 upside down, -1 slanted; from the linear part
    of the glyph's matrix on the shown page (bottom-up)."""
    a, b, c, d = matrix
    if b == 0 and c == 0 and a > 0 and d > 0:  # the common case, decided without arithmetic
        return 0
    scale = max(abs(a), abs(b), abs(c), abs(d)) or 1.0
    if abs(b) / scale < AXIS_TOLERANCE and abs(c) / scale < AXIS_TOLERANCE:
        return 0 if a > 0 and d > 0 else 180
    if abs(a) / scale < AXIS_TOLERANCE and abs(d) / scale < AXIS_TOLERANCE:
        return 90 if b > 0 else 270
    return -1


def path_objects(
    paths: list[list[Point]],
    stroke: bool,
    fill: bool,
    color: tuple[float, ...],
    out: PageObjects,
    settings: PdfSettings,
) -> None:
    """Record a painted path, given as its subpaths' points in top-down page coordinates, as ruling segments
    and/or filled boxes: a thin long subpath is a rule; a box-shaped one is stroked edges and/or a fill."""
    if not stroke and not fill:
        return
    for points in paths:
        if points:
            subpath_objects(points, stroke, fill, color, out, settings)


def subpath_objects(
    points: list[Point], stroke: bool, fill: bool, color: tuple[float, ...], out: PageObjects, settings: PdfSettings
) -> None:
    """One subpath as a rule, a box's edges and/or a fill (see path_objects)."""
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    x0, top, x1, bottom = min(xs), min(ys), max(xs), max(ys)
    width, height = x1 - x0, bottom - top
    thickness, length = settings.max_rule_thickness + FLOAT_NOISE, settings.min_rule_length - FLOAT_NOISE
    if width <= thickness and height >= length:
        out.segments.append(Segment("v", (x0 + x1) / 2, top, (x0 + x1) / 2, bottom))
        return
    if height <= thickness and width >= length:
        out.segments.append(Segment("h", x0, (top + bottom) / 2, x1, (top + bottom) / 2))
        return
    if width < length or height < length or len(points) > BOX_POINTS and not is_box(points, x0, top, x1, bottom):
        return
    if stroke:
        out.segments.extend(box_edges(x0, top, x1, bottom))
    if fill and width * height < settings.max_fill_page_share * out.width * out.height:
        out.fills.append(Fill(x0, top, x1, bottom, color))


def is_box(points: list[Point], x0: float, top: float, x1: float, bottom: float) -> bool:
    """True when a path runs round its bounding box: every point on the box's sides, every step along one (a
    rectangle drawn from any point of a side, as presentation software draws a shape's outline)."""
    on_side = all(
        min(abs(x - x0), abs(x - x1)) <= SIDE_NOISE or min(abs(y - top), abs(y - bottom)) <= SIDE_NOISE
        for x, y in points
    )
    steps = zip(points, points[1:], strict=False)
    return on_side and all(abs(a - c) <= SIDE_NOISE or abs(b - d) <= SIDE_NOISE for (a, b), (c, d) in steps)


def box_edges(x0: float, top: float, x1: float, bottom: float) -> list[Segment]:
    """The four sides of a stroked rectangle."""
    return [
        Segment("h", x0, top, x1, top),
        Segment("h", x0, bottom, x1, bottom),
        Segment("v", x0, top, x0, bottom),
        Segment("v", x1, top, x1, bottom),
    ]


def color_components(color: Any) -> tuple[float, ...]:
    """A fill colour as float components; () when it is unset or not numbers (a pattern)."""
    if color is None:
        return ()
    values = color if isinstance(color, tuple | list) else (color,)
    try:
        return tuple(float(value) for value in values)
    except (TypeError, ValueError):
        return ()


def is_white(color: tuple[float, ...]) -> bool:
    """True for a white (or unknown) colour."""
    if not color:
        return True
    if len(color) == 4:  # CMYK: white when no ink
        return all(value <= CMYK_NO_INK for value in color)
    return all(value >= WHITE_LEVEL for value in color)
