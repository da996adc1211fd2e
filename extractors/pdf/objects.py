"""The page-objects layer: what every later stage of the PDF reader reads of a page, and nothing else.

Glyphs (Char), ruling lines (Segment) and filled rectangles (Fill, with their colour), each with its box
in top-down page coordinates, gathered in PageObjects. A source fills them from a PDF parser: today
pdfminer (`extractors.pdf.pdfminer_source`); another parser is another source behind the same
`PageSource` protocol, and the finders do not change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

if TYPE_CHECKING:
    from extractors.pdf.settings import PdfSettings

# A colour component at or above this (below it for CMYK ink) paints white: no visible shading.
WHITE_LEVEL = 0.98
CMYK_NO_INK = 0.02


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
    """A PDF parser's way to the page-objects layer: the objects of one page, read once."""

    def page_objects(self, page: Any, number: int, settings: PdfSettings) -> PageObjects:
        """The glyphs, rules and fills of page `number` (1-based)."""
        ...


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
