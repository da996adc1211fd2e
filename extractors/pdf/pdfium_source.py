"""The PDFium source of the page-objects layer (the `pypdfium2` wheel): glyphs from PDFium's text page, rules
and fills from its path objects, in the same frame and with the same conventions as the pdfminer source, so
that the finders read the same page whichever source filled it.

Where the two parsers differ, this module makes PDFium's objects look like pdfminer's:
- a glyph's box stands on its baseline, one font size high (see `objects.Char`), not PDFium's tight ink box
  nor its loose box (which hangs on the font's descent, which PDFium and pdfminer read differently); its
  width is the glyph's advance;
- the spaces and line breaks PDFium generates (inferred from gaps, some in place of a space drawn) are left
  out: words are cut at gaps by `words.py` for both sources, as pdfminer adds none;
- a text object of no width (one glyph without ink: a space drawn on its own, as browsers print them) is left
  out of PDFium's text page, which generates a space in the gap instead; it is read from the page's objects as
  the space glyph it is;
- a glyph that maps to several characters (a ligature) is one Char holding them all, as pdfminer's is; the
  characters of a text object's /ActualText, which PDFium gives in place of its glyphs, all at the object's
  origin, are each placed on their slice of the object's box;
- a path with several subpaths is one object per subpath, as pdfminer paints them;
- fill colours are RGB in 0..1 (PDFium converts every colour space).
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pypdfium2 import PdfiumError

from extractors.pdf.objects import (
    Char,
    PageObjects,
    Point,
    glyph_direction,
    is_bold,
    is_italic,
    path_objects,
)
from extractors.pdf.settings import PdfSettings

__all__ = ["PASSWORD_ERROR", "PdfiumError", "PdfiumSource"]

# FPDF_GetLastError's code for a document that needs a password.
PASSWORD_ERROR = pdfium_c.FPDF_ERR_PASSWORD
# PDFium page object types (fpdf_edit.h).
PATH_OBJECT = pdfium_c.FPDF_PAGEOBJ_PATH
IMAGE_OBJECT = pdfium_c.FPDF_PAGEOBJ_IMAGE
TEXT_OBJECT = pdfium_c.FPDF_PAGEOBJ_TEXT
FORM_OBJECT = pdfium_c.FPDF_PAGEOBJ_FORM
MOVE_TO = pdfium_c.FPDF_SEGMENT_MOVETO
# Form XObjects nest; deeper than this is a hostile file, not a layout.
MAX_FORM_DEPTH = 12
# A font name longer than this is cut (the name only tells bold or italic from regular).
FONT_NAME_BYTES = 256
# PDFium's text page skips a text object narrower than this (CPDF_TextPage's kSizeEpsilon): a lone glyph without
# ink, a space drawn on its own.
INKLESS_WIDTH = 0.01
# What such a glyph reads as.
SPACE = " "
# PDFium reports a hyphen that ends a line as this non-character (and a soft hyphen as such a hyphen);
# pdfminer reads the hyphen drawn.
HYPHEN_MARK = "\ufffe"
# Colour components as PDFium gives them (0..255).
COLOR_SCALE = 255.0
# Quarter turns of /Rotate, as the linear part of the matrix that shows user space upright (bottom-up, as
# pdfminer's page matrix: x' = a*x + c*y, y' = b*x + d*y).
ROTATION_MATRICES = {0: (1, 0, 0, 1), 1: (0, -1, 1, 0), 2: (-1, 0, 0, -1), 3: (0, 1, -1, 0)}


def _unchecked(function: Any, restype: Any) -> Any:
    """A copy of a PDFium function that returns `restype` and converts no argument: the glyph loop calls these
    hundreds of thousands of times, and ctypes' checks of declared argument types cost twice the call itself.
    Its callers pass the handle as a `c_void_p`, indexes as ints (C ints) and pointers by `byref`."""
    copy = type(function)(ctypes.cast(function, ctypes.c_void_p).value)
    copy.restype = restype
    return copy


text_object_at = _unchecked(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p)
char_origin_at = _unchecked(pdfium_c.FPDFText_GetCharOrigin, ctypes.c_int)
# Once per text object of a page: its character's matrix and font size, and the object's font.
char_matrix_at = _unchecked(pdfium_c.FPDFText_GetMatrix, ctypes.c_int)
font_size_at = _unchecked(pdfium_c.FPDFText_GetFontSize, ctypes.c_double)
font_of = _unchecked(pdfium_c.FPDFTextObj_GetFont, ctypes.c_void_p)
# Chars are built as plain tuples of their fields (a NamedTuple's own constructor is Python code).
new_char = tuple.__new__


@dataclass(frozen=True)
class Frame:
    """User space to the page as shown: the crop box's lower-left corner at the origin, turned by /Rotate,
    y growing downwards."""

    left: float
    bottom: float
    right: float
    top: float
    turns: int  # quarter turns clockwise

    @property
    def width(self) -> float:
        """The shown page's width."""
        return self.right - self.left if self.turns % 2 == 0 else self.top - self.bottom

    @property
    def height(self) -> float:
        """The shown page's height."""
        return self.top - self.bottom if self.turns % 2 == 0 else self.right - self.left

    def point(self, x: float, y: float) -> Point:
        """A user-space point in the shown page's top-down coordinates."""
        u, v = x - self.left, y - self.bottom
        if self.turns == 0:
            return u, self.top - self.bottom - v
        if self.turns == 1:
            return v, u
        if self.turns == 2:
            return self.right - self.left - u, v
        return self.top - self.bottom - v, self.right - self.left - u

    def box(self, x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        """A user-space box as (x0, top, x1, bottom) on the shown page."""
        (ax, ay), (bx, by) = self.point(x0, y0), self.point(x1, y1)
        return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)


@dataclass
class TextStyle:
    """What the glyphs of one text object share."""

    size: float  # the glyphs' height on the page
    font_size: float  # in text space (Tf)
    direction: int  # on the shown page
    upright: bool  # upright in user space
    matrix: tuple[float, float, float, float]  # text space to user space
    font: Any  # PDFium's font handle (None when the text object has none)
    rest: tuple[float, bool, int, bool]  # the last fields of its Chars: size, bold, direction, italic
    widths: dict[str, float] = field(default_factory=dict)  # advance on the page of each character met

    def font_advance(self, char: str) -> float:
        """The advance of `char` (its first code point) by the font: its width at the font size, scaled by the
        text matrix along the baseline; 0 when the font cannot tell."""
        value = ctypes.c_float(0.0)
        if not self.font or not pdfium_c.FPDFFont_GetGlyphWidth(self.font, ord(char[0]), self.font_size, value):
            return 0.0
        a, b = self.matrix[:2]
        return value.value * (a * a + b * b) ** 0.5


@dataclass
class FontCache:
    """A document's text styles by (font, font size, text matrix), and whether each font is bold and italic."""

    styles: dict[tuple[float, ...], TextStyle] = field(default_factory=dict)
    types: dict[int, tuple[bool, bool]] = field(default_factory=dict)


class PdfiumSource:
    """Page objects read with PDFium. Raises pypdfium2's PdfiumError when the file cannot be opened."""

    def __init__(self, path: Path) -> None:
        self.pdf = pdfium.PdfDocument(str(path))
        self.fonts = FontCache()

    @property
    def page_count(self) -> int:
        """The number of pages."""
        return len(self.pdf)

    def metadata(self) -> dict[str, Any]:
        """The entries of the document information dictionary the reader uses (its Title), when set."""
        title = self.pdf.get_metadata_value("Title")
        return {"Title": title} if title else {}

    def page_objects(self, number: int, settings: PdfSettings) -> PageObjects:
        """The objects of page `number` (1-based); the page is released afterwards."""
        page = self.pdf[number - 1]
        try:
            frame = page_frame(page)
            textpage = pdfium_c.FPDFText_LoadPage(page.raw)
            try:
                chars = read_chars(textpage, frame, self.fonts)
            finally:
                pdfium_c.FPDFText_ClosePage(textpage)
            objects = PageObjects(frame.width, frame.height, chars, [], [], 0)
            for kind, obj, matrix in walk_objects(page.raw):
                if kind == IMAGE_OBJECT:
                    objects.images += 1
                elif kind == TEXT_OBJECT:
                    chars.append(inkless_space(obj, matrix, frame, self.fonts))
                else:
                    path_objects(subpaths(obj, matrix, frame), *draw_mode(obj), fill_color(obj), objects, settings)
            return objects
        finally:
            page.close()

    def close(self) -> None:
        """Release the document."""
        self.pdf.close()


def page_frame(page: Any) -> Frame:
    """The page's crop box (within its media box) and rotation."""
    media = page.get_mediabox()
    crop = page.get_cropbox()
    left, bottom = max(crop[0], media[0]), max(crop[1], media[1])
    right, top = min(crop[2], media[2]), min(crop[3], media[3])
    if right <= left or top <= bottom:  # a crop box outside the media box: PDFium shows the media box
        left, bottom, right, top = media
    return Frame(left, bottom, right, top, page.get_rotation() // 90 % 4)


def page_text(textpage: Any, count: int) -> list[str]:
    """Every character of the text page, one string per character index (read in one call)."""
    buffer = ctypes.create_string_buffer(2 * (count + 1))
    pdfium_c.FPDFText_GetText(textpage, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    text = buffer.raw[: 2 * count].decode("utf-16-le", "surrogatepass").replace(HYPHEN_MARK, "-")
    if len(text) == count:
        return list(text)
    codes = (pdfium_c.FPDFText_GetUnicode(textpage, index) for index in range(count))  # surrogate pairs
    return [chr(code).replace(HYPHEN_MARK, "-") for code in codes]


def read_chars(textpage: Any, frame: Frame, cache: FontCache) -> list[Char]:
    """The page's glyphs, in content order, as Chars in the frame (see the module docstring); styles and glyph
    advances kept in `cache` (for the document: fonts are shared between pages). The loop runs once per glyph
    of the page: it keeps to two calls into PDFium and spells out the common case (upright text on a page not
    turned)."""
    count = pdfium_c.FPDFText_CountChars(textpage)
    if count <= 0:
        return []
    text = page_text(textpage, count)
    handle = ctypes.c_void_p(ctypes.cast(textpage, ctypes.c_void_p).value)
    styles: dict[int, TextStyle] = {}
    chars: list[Char] = []
    x, y = ctypes.c_double(), ctypes.c_double()
    x_ref, y_ref = ctypes.byref(x), ctypes.byref(y)
    generated = pdfium_c.FPDFText_IsGenerated
    left, top, plain = frame.left, frame.top, frame.turns == 0
    last_obj, last_x, last_y, last_index = 0, 0.0, 0.0, 0
    style = None
    size, bold, direction, italic, widths, spelled = 0.0, False, 0, False, {}, False
    for index in range(count):
        obj = text_object_at(handle, index)
        char = text[index]
        if not obj or char.isspace() and generated(textpage, index):
            continue  # generated by PDFium: a space it infers from a gap, or a line break
        if obj != last_obj:
            style = styles.get(obj)
            if style is None:
                style = styles[obj] = text_style(handle, index, obj, frame, cache)
            (size, bold, direction, italic), widths, spelled = style.rest, style.widths, plain and style.upright
        assert style is not None
        char_origin_at(handle, index, x_ref, y_ref)
        ox, oy = x.value, y.value
        if obj == last_obj and ox == last_x and oy == last_y:  # at the origin of the character before
            box, before = loose_box(textpage, index), loose_box(textpage, last_index)
            if box == before:  # a ligature's further characters: one glyph, one box
                chars[-1] = ligature(chars[-1], char, box, frame)
            else:  # the text's /ActualText, spread over its object: each character on its slice of the box
                chars[-1] = place_glyph(chars[-1].text, before[0], oy, before[2] - before[0], style, frame)
                chars.append(place_glyph(char, box[0], oy, box[2] - box[0], style, frame))
                last_index = index
            continue
        last_obj, last_x, last_y, last_index = obj, ox, oy, index
        advance = widths.get(char)
        if advance is None:
            advance = widths[char] = style.font_advance(char)
        if not advance:
            advance = loose_advance(textpage, index, style)
        if spelled:
            bottom = top - oy
            chars.append(
                new_char(
                    Char, (char, ox - left, bottom - size, ox + advance - left, bottom, size, bold, direction, italic)
                )
            )
        else:
            chars.append(place_glyph(char, ox, oy, advance, style, frame))
    return chars


def place_glyph(char: str, ox: float, oy: float, advance: float, style: TextStyle, frame: Frame) -> Char:
    """A glyph whose origin (on its baseline) is at (ox, oy) in user space, as a Char on the shown page."""
    if style.upright and frame.turns == 0:
        bottom = frame.top - oy
        return Char(char, ox - frame.left, bottom - style.size, ox + advance - frame.left, bottom, *style.rest)
    x0, y0, x1, y1 = (  # the size is the box's height on the page (see objects.Char)
        frame.box(ox, oy, ox + advance, oy + style.size) if style.upright else turned_box(ox, oy, advance, style, frame)
    )
    return Char(char, x0, y0, x1, y1, y1 - y0, *style.rest[1:])


def inkless_space(obj: Any, matrix: tuple[float, ...], frame: Frame, cache: FontCache) -> Char:
    """A text object of no width (see `walk_list`) as the space glyph it holds: at the object's origin, the
    font's space wide."""
    size = ctypes.c_float(0.0)
    pdfium_c.FPDFTextObj_GetFontSize(obj, size)
    font = ctypes.cast(pdfium_c.FPDFTextObj_GetFont(obj), ctypes.c_void_p).value
    style = font_style(font, size.value, matrix[:4], frame, cache)
    advance = style.widths.get(SPACE)
    if advance is None:
        advance = style.widths[SPACE] = style.font_advance(SPACE)
    return place_glyph(SPACE, matrix[4], matrix[5], advance, style, frame)


def loose_box(textpage: Any, index: int) -> tuple[float, float, float, float]:
    """PDFium's loose box of character `index` in user space: (left, bottom, right, top)."""
    rect = pdfium_c.FS_RECTF()
    pdfium_c.FPDFText_GetLooseCharBox(textpage, index, rect)
    return rect.left, rect.bottom, rect.right, rect.top


def ligature(char: Char, more: str, box: tuple[float, float, float, float], frame: Frame) -> Char:
    """A glyph that maps to several characters, as one Char: its text all of them, its box the glyph's
    loose box `box` (the advance of the first character alone is too short)."""
    x0, top, x1, bottom = frame.box(*box)
    if char.direction in (0, 180):
        return char._replace(text=char.text + more, x0=min(char.x0, x0), x1=max(char.x1, x1))
    return char._replace(text=char.text + more, top=min(char.top, top), bottom=max(char.bottom, bottom))


def loose_advance(textpage: Any, index: int, style: TextStyle) -> float:
    """A glyph's advance on the page, read off its loose box (when the font cannot tell its width)."""
    left, bottom, right, top = loose_box(textpage, index)
    a, b = style.matrix[:2]
    return right - left if abs(a) >= abs(b) else top - bottom


def turned_box(x: float, y: float, advance: float, style: TextStyle, frame: Frame) -> tuple[float, float, float, float]:
    """The font box of a glyph not upright in user space: from its baseline at (x, y), one font size towards
    its top, `advance` along the way it reads; as pdfminer boxes it, between the two opposite corners (the
    same box as the four corners' for text turned a quarter; slanted text is no text the readers read)."""
    a, b, c, d = style.matrix
    scale = (a * a + b * b) ** 0.5 or 1.0
    far_x = x + a / scale * advance + c * style.font_size
    far_y = y + b / scale * advance + d * style.font_size
    return frame.box(min(x, far_x), min(y, far_y), max(x, far_x), max(y, far_y))


def text_style(handle: ctypes.c_void_p, index: int, obj: int, frame: Frame, cache: FontCache) -> TextStyle:
    """The style of the text object `obj` holding character `index` of the text page `handle`: shared, advances
    and all, with the text objects of the same font, size and matrix."""
    matrix = pdfium_c.FS_MATRIX()
    char_matrix_at(handle, index, ctypes.byref(matrix))  # text space to user space, without the font size
    font_size = font_size_at(handle, index)
    font = font_of(ctypes.c_void_p(obj))
    return font_style(font, font_size, (matrix.a, matrix.b, matrix.c, matrix.d), frame, cache)


def font_style(
    font: int | None, font_size: float, linear: tuple[float, ...], frame: Frame, cache: FontCache
) -> TextStyle:
    """The style of glyphs of the font at address `font` (None: the text object has none) at `font_size` (in
    text space) drawn through the linear matrix `linear` (text space to user space), from the cache or made and
    cached."""
    font_key = font or 0
    key = (font_key, font_size, *linear)
    style = cache.styles.get(key)
    if style is None:
        a, b, c, d = linear
        handle = ctypes.cast(font_key, pdfium_c.FPDF_FONT) if font_key else None
        types = cache.types.get(font_key)
        if types is None:
            types = cache.types[font_key] = font_type(handle)
        bold, italic = types
        size = font_size * (c * c + d * d) ** 0.5  # the glyph's height on the page
        direction = glyph_direction(shown_matrix((a, b, c, d), frame.turns))
        style = cache.styles[key] = TextStyle(
            size=size,
            font_size=font_size,
            direction=direction,
            upright=b == 0 and c == 0 and a > 0 and d > 0,
            matrix=(a, b, c, d),
            font=handle,
            rest=(size, bold, direction, italic),
        )
    return style


def shown_matrix(matrix: tuple[float, float, float, float], turns: int) -> tuple[float, float, float, float]:
    """A glyph's linear matrix on the shown (turned) page, bottom-up as pdfminer's."""
    a, b, c, d = matrix
    ra, rb, rc, rd = ROTATION_MATRICES[turns]
    return a * ra + b * rc, a * rb + b * rd, c * ra + d * rc, c * rb + d * rd


def font_type(font: Any) -> tuple[bool, bool]:
    """Whether a font is bold (told from its base name) and italic (its base name, ItalicAngle or Italic flag),
    as the pdfminer source tells them."""
    if not font:
        return False, False
    buffer = ctypes.create_string_buffer(FONT_NAME_BYTES)
    length = pdfium_c.FPDFFont_GetBaseFontName(font, buffer, FONT_NAME_BYTES)
    name = buffer.value.decode("utf-8", "replace") if length else ""
    angle = ctypes.c_int(0)
    if not pdfium_c.FPDFFont_GetItalicAngle(font, ctypes.byref(angle)):
        angle.value = 0
    flags = pdfium_c.FPDFFont_GetFlags(font)  # -1 when unknown
    return is_bold(name), is_italic(name, float(angle.value), max(flags, 0))


def walk_objects(page: Any) -> Iterator[tuple[int, Any, tuple[float, ...]]]:
    """Every path and image object of the page and every text object of no width (which PDFium's text page
    skips), form XObjects opened, with the matrix from the object's own space to user space (a form's objects
    live in the form's space; a text object's own matrix is composed in: its origin is the matrix's
    translation)."""
    identity = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    count = pdfium_c.FPDFPage_CountObjects(page)
    yield from walk_list((pdfium_c.FPDFPage_GetObject(page, i) for i in range(count)), identity, 0)


def walk_list(
    objects: Iterator[Any], outer: tuple[float, ...], depth: int
) -> Iterator[tuple[int, Any, tuple[float, ...]]]:
    """Objects of one level (the page or a form)."""
    for obj in objects:
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == PATH_OBJECT:
            yield kind, obj, compose(object_matrix(obj), outer)
        elif kind == IMAGE_OBJECT:
            yield kind, obj, outer
        elif kind == TEXT_OBJECT and is_inkless(obj):
            yield kind, obj, compose(object_matrix(obj), outer)
        elif kind == FORM_OBJECT and depth < MAX_FORM_DEPTH:
            inner = compose(object_matrix(obj), outer)
            count = pdfium_c.FPDFFormObj_CountObjects(obj)
            yield from walk_list((pdfium_c.FPDFFormObj_GetObject(obj, i) for i in range(count)), inner, depth + 1)


def is_inkless(obj: Any) -> bool:
    """True for a text object that PDFium's text page leaves out: narrower than INKLESS_WIDTH, and as low (a
    glyph drawn, however thin, has a height)."""
    left, bottom, right, top = (ctypes.c_float(0.0) for _ in range(4))
    if not pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
        return False
    return right.value - left.value < INKLESS_WIDTH and top.value - bottom.value < INKLESS_WIDTH


def object_matrix(obj: Any) -> tuple[float, ...]:
    """A page object's matrix (a, b, c, d, e, f)."""
    matrix = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, matrix):
        return (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    return (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)


def compose(inner: tuple[float, ...], outer: tuple[float, ...]) -> tuple[float, ...]:
    """The matrix applying `inner`, then `outer` (PDF's row-vector convention)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def subpaths(obj: Any, matrix: tuple[float, ...], frame: Frame) -> list[list[Point]]:
    """A path object's points on the shown page, one list per subpath (a new one at each move-to)."""
    a, b, c, d, e, f = matrix
    x, y = ctypes.c_float(), ctypes.c_float()
    paths: list[list[Point]] = []
    for index in range(pdfium_c.FPDFPath_CountSegments(obj)):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, index)
        if not segment or not pdfium_c.FPDFPathSegment_GetPoint(segment, x, y):
            continue
        point = frame.point(a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        if pdfium_c.FPDFPathSegment_GetType(segment) == MOVE_TO or not paths:
            paths.append([point])
        else:
            paths[-1].append(point)
    return paths


def draw_mode(obj: Any) -> tuple[bool, bool]:
    """(stroked, filled) for a path object."""
    fill_mode, stroke = ctypes.c_int(0), ctypes.c_int(0)
    if not pdfium_c.FPDFPath_GetDrawMode(obj, fill_mode, stroke):
        return False, False
    return bool(stroke.value), fill_mode.value != 0


def fill_color(obj: Any) -> tuple[float, ...]:
    """A path's fill colour as RGB in 0..1; () when PDFium cannot tell (a pattern)."""
    red, green, blue, alpha = (ctypes.c_uint(0) for _ in range(4))
    if not pdfium_c.FPDFPageObj_GetFillColor(obj, red, green, blue, alpha):
        return ()
    return (red.value / COLOR_SCALE, green.value / COLOR_SCALE, blue.value / COLOR_SCALE)
