"""A page image read into the page-objects layer the PDF finders read: Tesseract's words as glyphs, the ruling
lines and shaded areas OpenCV finds as segments and fills, all in points (1/72 inch) of the upright page; and
each word's confidence, for the confidence of the cells they fall in."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from statistics import fmean, median

import numpy as np

from extractors.model import BBox, Cell, Table
from extractors.ocr.codes import harmonise_codes
from extractors.ocr.image import CleanPage, clean_page, prepare
from extractors.ocr.language import script_language
from extractors.ocr.leftovers import read_leftovers, with_drawn_marks, with_numbering_stops
from extractors.ocr.settings import OcrSettings
from extractors.ocr.stacks import read_stacks
from extractors.ocr.tesseract import OcrWord, read_orientation, read_words
from extractors.pdf.objects import Char, Fill, PageObjects, Segment
from extractors.pdf.settings import PdfSettings

POINTS_PER_INCH = 72
# A line lower than this share of the page's usual line height is a lone dash, dot or comma: it joins the line beside
# it (within this many line heights across), whose baseline it shares.
SMALL_LINE = 0.6
HOST_REACH = 6.0
# Characters OCR reads where a line between cells was: a word of these alone is no text.
RULE_MARKS = "|¦[]_"
# Confidences are stored rounded: more digits say nothing about a reading.
CONFIDENCE_DIGITS = 3


@dataclass(frozen=True)
class PlacedWord:
    """A word read by OCR, with its box in points of the upright page and its confidence (0..1)."""

    text: str
    box: BBox
    confidence: float


@dataclass
class OcrPage:
    """One page read by OCR: its objects for the finders, its words, the language read in, and how it was
    turned upright (OSD's clockwise quarter turns) and straightened."""

    objects: PageObjects
    words: list[PlacedWord]
    language: str
    rotate: int


def read_image(
    image: np.ndarray, dpi: int, language: str | None, settings: OcrSettings, pdf_settings: PdfSettings
) -> OcrPage:
    """OCR one page image taken at `dpi`, in `language` (a Tesseract name; None: told from the page's script)."""
    grey, dpi = prepare(image, dpi, settings)
    orientation = read_orientation(grey, dpi, settings.timeout_s)
    rotate = orientation.rotate if orientation and orientation.confidence >= settings.min_osd_confidence else 0
    if language is None:
        language = script_language(orientation.script if orientation else None, settings)
    page = clean_page(grey, dpi, rotate, settings)
    read = [w for w in read_words(page.image, language, dpi, settings.timeout_s) if kept(w, settings)]
    first = with_numbering_stops(page.image, read)
    found = with_drawn_marks(page.image, first + read_leftovers(page.image, first, language, dpi, settings), settings)
    stacked = read_stacks(page.image, page.rules, [w for w in found if kept(w, settings)], language, dpi, settings)
    words = harmonise_codes(stacked)
    objects = page_objects(page, words, pdf_settings)
    scale = POINTS_PER_INCH / dpi
    placed = [
        PlacedWord(w.text, scaled((w.left, w.top, w.left + w.width, w.top + w.height), scale), w.confidence / 100)
        for w in words
    ]
    return OcrPage(objects, placed, language, rotate)


def kept(word: OcrWord, settings: OcrSettings) -> bool:
    """False for a rule remnant (a bar read where a line between cells was) or a speck (a doubtful word with no
    letter or digit)."""
    if not word.text.strip(RULE_MARKS):
        return False
    return word.confidence >= settings.min_symbol_confidence or any(char.isalnum() for char in word.text)


def scaled(box: tuple[float, float, float, float], scale: float) -> BBox:
    """A pixel box in points."""
    return box[0] * scale, box[1] * scale, box[2] * scale, box[3] * scale


def page_objects(page: CleanPage, words: list[OcrWord], pdf_settings: PdfSettings) -> PageObjects:
    """The page-objects layer of a cleaned page and the words read in it."""
    scale = POINTS_PER_INCH / page.dpi
    height, width = page.image.shape
    objects = PageObjects(width * scale, height * scale, [], [], [], 1)
    objects.chars = words_to_chars(words, scale)
    for rule in page.rules:
        x0, top, x1, bottom = scaled(rule.box, scale)
        if rule.orientation == "h":
            objects.segments.append(Segment("h", x0, (top + bottom) / 2, x1, (top + bottom) / 2))
        else:
            objects.segments.append(Segment("v", (x0 + x1) / 2, top, (x0 + x1) / 2, bottom))
    limit = pdf_settings.max_fill_page_share * objects.width * objects.height
    for shade in page.shades:
        box = scaled(shade.box, scale)
        if (box[2] - box[0]) * (box[3] - box[1]) < limit:
            objects.fills.append(Fill(*box, color=(shade.level,)))
    return objects


def words_to_chars(words: list[OcrWord], scale: float) -> list[Char]:
    """Each word as glyphs spread evenly over its box, on its line's baseline (its line's top and bottom), a space
    between the words of a line (so that no two words run together whatever their gap). A line lower than the
    page's usual line (small letters only: "on", "ce") is raised to its height, as a PDF's glyph boxes are one font
    size high whatever the letters: its gaps to the lines around are those of the text."""
    chars: list[Char] = []
    lines = text_lines(words)
    usual = median(line_height(line) for line in lines) if lines else 0
    for line in lines:
        foot = max(w.top + w.height for w in line)
        top, bottom = min(min(w.top for w in line), foot - usual) * scale, foot * scale
        previous: Char | None = None
        for word in sorted(line, key=lambda w: w.left):
            glyphs = word_glyphs(word, top, bottom, scale)
            if previous is not None:
                chars.append(previous._replace(text=" ", x0=previous.x1, x1=max(glyphs[0].x0, previous.x1)))
            chars.extend(glyphs)
            previous = glyphs[-1]
    return chars


def line_height(line: list[OcrWord]) -> int:
    """The height of a line's words from the highest top to the lowest foot (pixels)."""
    return max(w.top + w.height for w in line) - min(w.top for w in line)


def text_lines(words: list[OcrWord]) -> list[list[OcrWord]]:
    """The words grouped by the line Tesseract read them in; a line much lower than the page's lines (a dash, a
    dot, a comma read on its own) joins the line beside it that its middle falls in, or when alone is made as high
    as a line, so that its glyphs have the size of the text around."""
    lines: dict[tuple[int, int, int], list[OcrWord]] = {}
    for word in words:
        lines.setdefault(word.line, []).append(word)
    spans = {key: (min(w.top for w in ws), max(w.top + w.height for w in ws)) for key, ws in lines.items()}
    if not spans:
        return []
    usual = median(bottom - top for top, bottom in spans.values())
    for key, (top, bottom) in list(spans.items()):
        if bottom - top >= SMALL_LINE * usual:
            continue
        middle = (top + bottom) / 2
        host = nearest_host(key, lines, spans, middle, usual)
        if host is not None:
            lines[host] += lines.pop(key)
        else:  # alone (a mark in its cell): as high as a line of text, about its middle
            lines[key] = [replace(w, top=round(middle - usual / 2), height=round(usual)) for w in lines[key]]
    return list(lines.values())


def nearest_host(
    key: tuple[int, int, int],
    lines: dict[tuple[int, int, int], list[OcrWord]],
    spans: dict[tuple[int, int, int], tuple[int, int]],
    middle: float,
    usual: float,
) -> tuple[int, int, int] | None:
    """The line (of ordinary height) whose span holds `middle` and that stands nearest the small line across, within
    a few line heights; None when there is none."""
    left = min(w.left for w in lines[key])
    best, distance = None, HOST_REACH * usual
    for other, (top, bottom) in spans.items():
        if other == key or other not in lines or bottom - top < SMALL_LINE * usual or not top <= middle <= bottom:
            continue
        gap = min(abs(w.left - left) for w in lines[other])
        if gap < distance:
            best, distance = other, gap
    return best


def word_glyphs(word: OcrWord, top: float, bottom: float, scale: float) -> list[Char]:
    """A word's letters as glyphs of equal width across its box."""
    step = word.width * scale / len(word.text)
    x0 = word.left * scale
    return [
        Char(letter, x0 + index * step, top, x0 + (index + 1) * step, bottom, bottom - top, False, 0)
        for index, letter in enumerate(word.text)
    ]


def cell_confidence(cell: Cell, words: Sequence[PlacedWord]) -> float | None:
    """The confidence of a cell's reading: the mean of its words' confidences, each counted by its letters;
    None for a cell that holds no word read by OCR."""
    if cell.bbox is None or not cell.text:
        return None
    inside = [w for w in words if centre_inside(w.box, cell.bbox)]
    if not inside:
        return None
    weights = [len(w.text) for w in inside]
    return round(fmean([w.confidence for w in inside], weights=weights), CONFIDENCE_DIGITS)


def centre_inside(box: BBox, cell: BBox) -> bool:
    """True when a box's centre lies within a cell's."""
    x, y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return cell[0] <= x <= cell[2] and cell[1] <= y <= cell[3]


def with_confidences(tables: Iterable[Table], words: Sequence[PlacedWord]) -> list[Table]:
    """The tables with each cell's OCR confidence set from the words read in it."""
    return [
        replace(table, cells=tuple(replace(cell, ocr_confidence=cell_confidence(cell, words)) for cell in table.cells))
        for table in tables
    ]
