"""PowerPoint (PPTX): slide tables (merged cells, group shapes) and slide titles and bullets as text."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER
from pptx.package import Package
from pptx.shapes.group import GroupShape

from extractors.boxes import Box, box_grids, grid_table
from extractors.detect import file_sha256
from extractors.drawn_gantt import Gantt, drawn_gantt
from extractors.model import BBox, Cell, Document, Table, indent_level
from extractors.ooxml import ReadingOrder, document_title, open_package, symbol_font_text

A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
P_NS = "http://schemas.openxmlformats.org/presentationml/2006/main"
TITLE_PLACEHOLDERS = {PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.VERTICAL_TITLE}
# Placeholders whose paragraphs PowerPoint shows as bullets unless a paragraph says a:buNone.
BULLET_PLACEHOLDERS = {
    PP_PLACEHOLDER.BODY,
    PP_PLACEHOLDER.OBJECT,
    PP_PLACEHOLDER.VERTICAL_BODY,
    PP_PLACEHOLDER.VERTICAL_OBJECT,
}
# Cell fills that read as no shading: white and the light background theme colours.
BLANK_COLOURS = {"ffffff", "bg1", "lt1"}
# Office lengths are in English Metric Units: 12,700 to a point.
EMU_PER_POINT = 12_700


class SlideReader(ReadingOrder):
    """Collects one presentation's tables and text blocks in reading order."""

    def read_slide(self, slide: Any, number: int) -> None:
        """The slide's shapes (groups recursed), title first, in document order; text boxes that draw a table
        read as that table, where its first box stands."""
        title = slide.shapes.title
        if title is not None and title.has_text_frame and frame_text(title.text_frame):
            self.add_block(frame_text(title.text_frame), "title", number)
        placed = list(leaf_shapes(slide.shapes))
        gantt = slide_gantt(placed, number, f"slide {number}")
        drawn = drawn_tables(placed, gantt.used if gantt else frozenset())
        for index, (shape, bbox) in enumerate(placed):
            if gantt and index == min(gantt.used):
                self.tables.append(replace(gantt.table, order=self.order))
            elif index in drawn:
                self.tables.append(grid_table(drawn[index][0], number, f"slide {number}", self.order))
            elif any(index in run for _, run in drawn.values()) or (gantt and index in gantt.used):
                continue
            elif getattr(shape, "has_table", False):
                self.tables.append(shape_to_table(shape, bbox, number, self.order))
            elif getattr(shape, "has_text_frame", False) and not is_title(shape):
                self.read_text(shape, number)

    def read_text(self, shape: Any, number: int) -> None:
        """Each non-empty paragraph of a text shape as a bullet or a paragraph."""
        in_bullet_placeholder = shape.is_placeholder and shape.placeholder_format.type in BULLET_PLACEHOLDERS
        for para in shape.text_frame.paragraphs:
            text = paragraph_text(para).strip()
            if text:
                kind = "bullet" if shows_bullet(para, in_bullet_placeholder) else "paragraph"
                self.add_block(text, kind, number, para.level)


def extract(path: Path, sha256: str | None = None) -> Document:
    """Read a PPTX (or PPTM) into slide tables and slide text blocks."""
    presentation = open_package(path, open_presentation)
    reader = SlideReader()
    for number, slide in enumerate(presentation.slides, 1):
        reader.read_slide(slide, number)
    return Document(
        path=str(path),
        sha256=sha256 or file_sha256(path),  # hashed here only when the caller has not
        format="pptx",
        pages=len(presentation.slides),
        title=document_title(presentation.core_properties.title, reader.blocks),
        tables=tuple(reader.tables),
        text_blocks=tuple(reader.blocks),
    )


def open_presentation(path: Path) -> Any:
    """python-pptx's Presentation for any PresentationML main part (pptx, pptm, potx, ppsx)."""
    return Package.open(str(path)).main_document_part.presentation


@dataclass(frozen=True)
class Placement:
    """Where a group draws its members: slide position = offset + scale * position in the group's own coordinates
    (a group scaled or moved as a whole keeps its members' positions in the units it had when they were drawn)."""

    scale_x: float = 1.0
    scale_y: float = 1.0
    offset_x: float = 0.0
    offset_y: float = 0.0

    def of_members(self, group: Any) -> Placement:
        """The placement of a group's members: its `a:off`/`a:ext` over its `a:chOff`/`a:chExt`, within this one."""
        xfrm = group._element.grpSpPr.xfrm
        child_offset, child_extent = (None, None) if xfrm is None else (xfrm.chOff, xfrm.chExt)
        if xfrm is None or xfrm.off is None or xfrm.ext is None or child_offset is None or child_extent is None:
            return self
        scale_x = xfrm.ext.cx / child_extent.cx if child_extent.cx else 1.0
        scale_y = xfrm.ext.cy / child_extent.cy if child_extent.cy else 1.0
        return Placement(
            self.scale_x * scale_x,
            self.scale_y * scale_y,
            self.offset_x + self.scale_x * (xfrm.off.x - scale_x * child_offset.x),
            self.offset_y + self.scale_y * (xfrm.off.y - scale_y * child_offset.y),
        )

    def bbox(self, shape: Any) -> BBox | None:
        """A shape's box on the slide in points (x0, top, x1, bottom), when it has a position."""
        if shape.left is None or shape.top is None or shape.width is None or shape.height is None:
            return None
        left = (self.offset_x + self.scale_x * shape.left) / EMU_PER_POINT
        top = (self.offset_y + self.scale_y * shape.top) / EMU_PER_POINT
        width, height = self.scale_x * shape.width / EMU_PER_POINT, self.scale_y * shape.height / EMU_PER_POINT
        return (left, top, left + width, top + height)


def leaf_shapes(shapes: Any, placement: Placement | None = None) -> Iterator[tuple[Any, BBox | None]]:
    """Every shape of a shape tree with its box on the slide, group shapes replaced by their members."""
    placement = placement or Placement()
    for shape in shapes:
        if isinstance(shape, GroupShape):
            yield from leaf_shapes(shape.shapes, placement.of_members(shape))
        else:
            yield shape, placement.bbox(shape)


def slide_gantt(placed: list[tuple[Any, BBox | None]], number: int, locator: str) -> Gantt | None:
    """The Gantt a slide draws with text boxes and filled bars, its `used` the indexes (in `placed`) of the text
    boxes it reads and of its bars."""
    bars = {index: bbox for index, (shape, bbox) in enumerate(placed) if bbox is not None and is_bar(shape)}
    texts = {
        index: shape_box(shape, bbox)
        for index, (shape, bbox) in enumerate(placed)
        if bbox is not None and text_box(shape) and index not in bars
    }
    gantt = drawn_gantt(list(texts.values()), list(bars.values()), number, locator, 0)
    if gantt is None:
        return None
    indexes = list(texts)
    return replace(gantt, used=frozenset([*(indexes[i] for i in gantt.used), *bars]))


def is_bar(shape: Any) -> bool:
    """True for an autoshape without text that is filled: a colour of its own, or its theme style's fill."""
    if shape.shape_type != MSO_SHAPE_TYPE.AUTO_SHAPE or shape.is_placeholder:
        return False
    if shape.has_text_frame and frame_text(shape.text_frame):
        return False
    props = shape._element.spPr
    if props is not None and props.find(f"{{{A_NS}}}noFill") is not None:
        return False
    if fill_is_shaded(props) or (props is not None and props.find(f"{{{A_NS}}}gradFill") is not None):
        return True
    style_fill = shape._element.find(f"{{{P_NS}}}style/{{{A_NS}}}fillRef")
    return (
        props is not None
        and props.find(f"{{{A_NS}}}solidFill") is None
        and style_fill is not None
        and style_fill.get("idx") != "0"
    )


def drawn_tables(
    placed: list[tuple[Any, BBox | None]], taken: frozenset[int]
) -> dict[int, tuple[list[Box], list[int]]]:
    """The tables drawn as grids of text boxes (of the shapes no drawn Gantt has taken), keyed by the index (in
    `placed`) of the grid's first shape: the grid's boxes and its shapes' indexes."""
    found: dict[int, Box] = {}
    for index, (shape, bbox) in enumerate(placed):
        if bbox is not None and text_box(shape) and index not in taken:
            found[index] = shape_box(shape, bbox)
    indexes, boxes = list(found), list(found.values())
    runs = [[indexes[i] for i in run] for run in box_grids(boxes)]
    return {min(run): ([found[i] for i in run], run) for run in runs}


def shape_box(shape: Any, bbox: BBox) -> Box:
    """A text shape as a box: its text, where it stands and whether it is filled."""
    return Box(frame_text(shape.text_frame), bbox, fill_is_shaded(shape._element.spPr))


def text_box(shape: Any) -> bool:
    """True for a shape with a text frame that is not a placeholder (title, body) or a table."""
    return bool(getattr(shape, "has_text_frame", False)) and not shape.is_placeholder


def is_title(shape: Any) -> bool:
    """True for a slide's title placeholder."""
    return bool(shape.is_placeholder) and shape.placeholder_format.type in TITLE_PLACEHOLDERS


def frame_setting(frame: Any) -> dict[str, Any]:
    """How a text frame's text is set: its first written paragraph's outline level and left margin as an indent
    level, and whether every run of text is bold, every one italic (the runs' own formatting)."""
    paragraphs = [paragraph for paragraph in frame.paragraphs if paragraph_text(paragraph).strip()]
    runs = [run for paragraph in paragraphs for run in paragraph.runs if run.text.strip()]
    if not paragraphs or not runs:
        return {}
    margin = paragraphs[0]._p.pPr.get("marL") if paragraphs[0]._p.pPr is not None else None
    points = int(margin) / EMU_PER_POINT if margin and margin.lstrip("-").isdigit() else 0.0
    return {
        "indent": paragraphs[0].level + indent_level(points),
        "bold": all(run.font.bold for run in runs),
        "italic": all(run.font.italic for run in runs),
    }


def frame_text(frame: Any) -> str:
    """A text frame's paragraphs, one per line, stripped."""
    return "\n".join(paragraph_text(paragraph) for paragraph in frame.paragraphs).strip()


def paragraph_text(paragraph: Any) -> str:
    """A paragraph's runs, fields and line breaks; symbol-font ticks as Unicode."""
    pieces = []
    for child in paragraph._p:
        name = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else ""
        if name == "br":
            pieces.append("\n")
        elif name in ("r", "fld"):
            pieces.append(symbol_font_text(run_font(child), child.findtext(f"{{{A_NS}}}t") or ""))
    return "".join(pieces)


def run_font(run: Any) -> str | None:
    """The typeface a run's text is set in (a symbol font's a:sym, else a:latin), when it says."""
    for font_tag in ("sym", "latin"):
        font = run.find(f"{{{A_NS}}}rPr/{{{A_NS}}}{font_tag}")
        if font is not None and font.get("typeface"):
            return str(font.get("typeface"))
    return None


def shows_bullet(paragraph: Any, in_bullet_placeholder: bool) -> bool:
    """True when a paragraph displays a bullet: its own bullet mark, or a body placeholder's default."""
    props = paragraph._p.pPr
    if props is not None:
        if props.find(f"{{{A_NS}}}buNone") is not None:
            return False
        if props.find(f"{{{A_NS}}}buChar") is not None or props.find(f"{{{A_NS}}}buAutoNum") is not None:
            return True
    return in_bullet_placeholder


def shape_to_table(shape: Any, bbox: BBox | None, number: int, order: int) -> Table:
    """A table shape as a grid: a merged cell once, at its origin, with its spans."""
    table = shape.table
    cells = [
        Cell(
            text=frame_text(cell.text_frame),
            row=r,
            col=c,
            row_span=cell.span_height if cell.is_merge_origin else 1,
            col_span=cell.span_width if cell.is_merge_origin else 1,
            shaded=is_shaded(cell),
            page=number,
            **frame_setting(cell.text_frame),
        )
        for r, row in enumerate(table.rows)
        for c, cell in enumerate(row.cells)
        if not cell.is_spanned
    ]
    return Table(
        cells=tuple(cells),
        n_rows=len(table.rows),
        n_cols=len(table.columns),
        page=number,
        bbox=bbox,
        locator=f"slide {number}",
        order=order,
    )


def is_shaded(cell: Any) -> bool:
    """True when the cell has its own solid fill in a colour other than white or the background."""
    return fill_is_shaded(cell._tc.tcPr)


def fill_is_shaded(props: Any) -> bool:
    """True when a cell's or shape's properties hold a solid fill in a colour other than white or the background."""
    fill = props.find(f"{{{A_NS}}}solidFill") if props is not None else None
    if fill is None or len(fill) == 0:
        return False
    return (fill[0].get("val") or "").lower() not in BLANK_COLOURS
