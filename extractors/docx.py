"""Word (DOCX): tables from the XML grid (spans, shading, content controls, nested tables) and the text
around them, in one reading order."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from docx.opc.part import PartFactory
from docx.package import Package
from docx.parts.document import DocumentPart
from lxml import etree

from extractors.continuation import join_tables, repeats_first_row
from extractors.detect import file_sha256
from extractors.model import Cell, Document, ExtractionError, Issue, Table, TextBlock, indent_level
from extractors.nesting import splice_nested
from extractors.ooxml import document_title, open_package, symbol_font_text

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W_NS, "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006"}
# Macro-enabled documents and templates hold the same WordprocessingML body as a plain .docx.
EXTRA_MAIN_CONTENT_TYPES = (
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
for _content_type in EXTRA_MAIN_CONTENT_TYPES:
    PartFactory.part_type_for.setdefault(_content_type, DocumentPart)

# Text-bearing run children, in document order; alternate-content fallbacks repeat their choice's text, and
# tracked deletions and moves away are read as accepted (gone: their text is w:delText, their tabs and breaks not).
RUN_PIECES = etree.XPath(
    ".//w:r[not(ancestor::mc:Fallback or ancestor::w:del or ancestor::w:moveFrom)]/*[self::w:t or self::w:tab"
    " or self::w:br or self::w:cr or self::w:noBreakHyphen or self::w:sym]",
    namespaces=NS,
)
PIECE_TEXT = {"tab": "\t", "br": "\n", "cr": "\n", "noBreakHyphen": "-"}
# Content read by no one here, reported as issues: issue kind -> (finder, what it is).
SKIPPED_CONTENT = {
    "embedded_document_skipped": (etree.XPath(".//w:altChunk", namespaces=NS), "embedded document(s)"),
    "text_box_table_skipped": (
        etree.XPath(".//w:txbxContent[not(ancestor::mc:Fallback)]//w:tbl", namespaces=NS),
        "table(s) inside text boxes",
    ),
}
# Wrappers that hold block content (paragraphs, tables, rows, cells) without being content themselves.
WRAPPERS = {"sdt", "customXml", "smartTag"}
# Shading fills that read as no shading at all.
BLANK_FILLS = {"", "auto", "none", "nil", "ffffff", "white"}
# Two grid widths (twips) closer than this are the same column: Word rounds widths per piece.
GRID_WIDTH_TOLERANCE = 30
# Word allows 63 columns; a span or offset far beyond is a broken or hostile file, not a table.
MAX_GRID_COLUMNS = 1000
# Word's outline level 9 means body text, 0..8 are heading levels 1..9.
BODY_OUTLINE_LEVEL = 9
# Twips (Word's unit of indents) in a point.
TWIPS_PER_POINT = 20
# A w:b or w:i whose w:val is one of these turns the property off.
OFF_VALUES = {"0", "false", "off"}


def w(tag: str) -> str:
    """The Clark name of a WordprocessingML tag."""
    return f"{{{W_NS}}}{tag}"


def local(element: Any) -> str:
    """An element's tag without its namespace ('' for comments and processing instructions)."""
    tag = element.tag
    return tag.split("}", 1)[1] if isinstance(tag, str) and "}" in tag else ""


@dataclass
class TablePiece:
    """A table as read from one w:tbl, before split pieces are joined."""

    cells: list[Cell]
    n_rows: int
    n_cols: int
    widths: list[int]
    nested: list[TablePiece] = field(default_factory=list)

    def as_table(self) -> Table:
        """The piece's grid as a model table."""
        return Table(cells=tuple(self.cells), n_rows=self.n_rows, n_cols=self.n_cols)


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph with its reading kind and level."""

    text: str
    kind: str
    level: int


def extract(path: Path, sha256: str | None = None) -> Document:
    """Read a DOCX (or DOCM/DOTX) into tables and text blocks sharing one reading order."""
    word = open_package(path, open_word_document)
    style_names = {style.style_id: (style.name or "").lower() for style in word.styles}
    items = join_split_tables(list(body_items(word.element.body, style_names)))
    tables, blocks = items_to_model(items)
    return Document(
        path=str(path),
        sha256=sha256 or file_sha256(path),  # hashed here only when the caller has not
        format="docx",
        pages=None,
        title=document_title(word.core_properties.title, blocks),
        tables=tuple(tables),
        text_blocks=tuple(blocks),
        issues=skipped_content(word.element.body),
    )


def skipped_content(body: Any) -> tuple[Issue, ...]:
    """Issues for content this reader leaves out: embedded documents and tables inside text boxes."""
    issues = []
    for kind, (finder, what) in SKIPPED_CONTENT.items():
        if count := len(finder(body)):
            issues.append(Issue(stage="extract", kind=kind, message=f"{count} {what} not read"))
    return tuple(issues)


def open_word_document(path: Path) -> Any:
    """python-docx's Document for any WordprocessingML main part (docx, docm, dotx)."""
    document = Package.open(str(path)).main_document_part.document
    if getattr(document.element, "body", None) is None:
        raise ExtractionError(
            "unsupported_format", "the main part has no transitional WordprocessingML body (Strict Open XML?)"
        )
    return document


def block_children(container: Any, wanted: set[str]) -> Iterator[Any]:
    """Children of a container with a wanted tag, looking through content controls and custom XML."""
    for child in container:
        name = local(child)
        if name in wanted:
            yield child
        elif name in WRAPPERS:
            content = child.find(w("sdtContent")) if name == "sdt" else child
            if content is not None:
                yield from block_children(content, wanted)


def body_items(body: Any, style_names: dict[str, str]) -> Iterator[TablePiece | Paragraph]:
    """Paragraphs and tables of the body in reading order (empty paragraphs kept, for joining)."""
    for element in block_children(body, {"p", "tbl"}):
        if local(element) == "tbl":
            yield table_piece(element)
        else:
            yield paragraph(element, style_names)


def paragraph_text(p: Any) -> str:
    """The visible text of a paragraph: runs, tabs, breaks and symbols, content controls included."""
    return "".join(piece_text(piece) for piece in RUN_PIECES(p))


def piece_text(piece: Any) -> str:
    """The text one run child shows; symbol-font ticks and boxes as Unicode."""
    name = local(piece)
    if name == "t":
        return symbol_font_text(run_font(piece.getparent()), piece.text or "")
    if name == "sym":
        code = piece.get(w("char"), "")
        return symbol_font_text(piece.get(w("font")), chr(int(code, 16))) if is_char_code(code) else ""
    return PIECE_TEXT[name]


def is_char_code(text: str) -> bool:
    """True for a w:sym character code: one to four hexadecimal digits."""
    return 0 < len(text) <= 4 and all(char in "0123456789abcdefABCDEF" for char in text)


def run_font(run: Any) -> str | None:
    """The font a run's ASCII text is set in, when the run says."""
    fonts = run.find(f"{w('rPr')}/{w('rFonts')}")
    return None if fonts is None else fonts.get(w("ascii")) or fonts.get(w("hAnsi"))


def paragraph(p: Any, style_names: dict[str, str]) -> Paragraph:
    """A paragraph with its kind (title, heading, bullet, paragraph) from its style and numbering."""
    text = paragraph_text(p).strip()
    props = p.find(w("pPr"))
    style = style_names.get(attr(props, "pStyle"), "") if props is not None else ""
    kind, level = style_kind(style)
    outline = attr(props, "outlineLvl") if props is not None else ""
    if kind == "paragraph" and outline.isdigit() and int(outline) < BODY_OUTLINE_LEVEL:
        kind, level = "heading", int(outline) + 1
    numbering = props.find(w("numPr")) if props is not None else None
    if kind == "paragraph" and (numbering is not None or style.startswith("list")):
        kind, level = "bullet", list_level(numbering, style)
    return Paragraph(text=text, kind=kind, level=level)


def list_level(numbering: Any, style_name: str) -> int:
    """A list paragraph's depth, 0-based: its numbering level, else the style's ('list bullet 2' is 1)."""
    ilvl = attr(numbering, "ilvl") if numbering is not None else ""
    if ilvl.isdigit():
        return int(ilvl)
    digit = style_name.rsplit(" ", 1)[-1]
    return int(digit) - 1 if digit.isdigit() and int(digit) > 0 else 0


def attr(parent: Any, child_tag: str, name: str = "val") -> str:
    """The w:val (or other) attribute of a parent's child element, '' when absent."""
    child = parent.find(w(child_tag))
    return "" if child is None else child.get(w(name), "")


def style_kind(style_name: str) -> tuple[str, int]:
    """Kind and level told by a paragraph style name ('title', 'heading 2', ...)."""
    if style_name == "title":
        return "title", 0
    if style_name.startswith("heading"):
        digits = style_name.removeprefix("heading").strip()
        return "heading", int(digits) if digits.isdigit() else 1
    return "paragraph", 0


class GridBuilder:
    """Places the w:tc of a table's rows on its grid, merging continued cells into their origin."""

    def __init__(self) -> None:
        self.cells: list[Cell] = []
        self.last_at_col: dict[int, int] = {}  # grid column -> index in cells of the last cell starting there

    def place(self, tc: Any, row: int, col: int) -> int:
        """Put one cell at (row, col), or extend the cell it continues; the next free grid column."""
        props = tc.find(w("tcPr"))
        span = max(int_attr(props, "gridSpan"), 1)
        above = self.last_at_col.get(col)
        left = self.cells[-1] if self.cells else None
        if merge_continues(props, "hMerge") and left and left.row == row and left.col + left.col_span == col:
            self.cells[-1] = replace(left, col_span=left.col_span + span)
        elif merge_continues(props, "vMerge") and above is not None and bottom(self.cells[above]) == row - 1:
            self.cells[above] = replace(self.cells[above], row_span=self.cells[above].row_span + 1)
        else:
            self.last_at_col[col] = len(self.cells)
            continued = merge_continues(props, "vMerge")  # its origin is in an earlier piece of the table
            indent, bold, italic, struck = cell_setting(tc)
            cell = Cell(
                text=cell_text(tc),
                row=row,
                col=col,
                col_span=span,
                shaded=is_shaded(props),
                continued=continued,
                indent=indent,
                bold=bold,
                italic=italic,
                struck=struck,
            )
            self.cells.append(cell)
        return col + span


def table_piece(tbl: Any) -> TablePiece:
    """One w:tbl as a grid of cells: gridSpan, vMerge/hMerge and gridBefore/After placed on the grid."""
    widths = [to_int(col.get(w("w"), "")) for col in tbl.findall(f"{w('tblGrid')}/{w('gridCol')}")]
    grid = GridBuilder()
    nested: list[tuple[tuple[int, int], TablePiece]] = []
    n_cols = len(widths)
    rows = list(block_children(tbl, {"tr"}))
    for r, tr in enumerate(rows):
        props = tr.find(w("trPr"))
        col = int_attr(props, "gridBefore")
        for tc in block_children(tr, {"tc"}):
            nested.extend(((r, col), table_piece(inner)) for inner in block_children(tc, {"tbl"}))
            col = grid.place(tc, r, col)
        n_cols = max(n_cols, col + int_attr(props, "gridAfter"))
    piece = TablePiece(cells=grid.cells, n_rows=len(rows), n_cols=n_cols, widths=widths)
    return spliced(piece, nested) or replace(piece, nested=[inner for _, inner in nested])


def spliced(piece: TablePiece, nested: list[tuple[tuple[int, int], TablePiece]]) -> TablePiece | None:
    """A table with its nested tables spliced into its grid (extractors.nesting), when they fit it: one per cell,
    none with tables of its own left apart."""
    inner = dict(nested)
    if len(inner) != len(nested) or any(table.nested for table in inner.values()):
        return None
    table = splice_nested(piece.as_table(), {place: table.as_table() for place, table in inner.items()})
    if table is None:
        return None
    return TablePiece(cells=list(table.cells), n_rows=table.n_rows, n_cols=table.n_cols, widths=[])


def int_attr(props: Any, child_tag: str) -> int:
    """A grid count (w:val of gridSpan, gridBefore...); 0 if absent or malformed; at most MAX_GRID_COLUMNS."""
    return min(to_int(attr(props, child_tag)), MAX_GRID_COLUMNS) if props is not None else 0


def to_int(text: str) -> int:
    """A whole number from an attribute some writers give as '2880' and others as '2880.0'; 0 if neither."""
    try:
        return max(int(float(text)), 0)
    except (ValueError, OverflowError):
        return 0


def bottom(cell: Cell) -> int:
    """The last row a cell covers."""
    return cell.row + cell.row_span - 1


def merge_continues(tc_props: Any, merge_tag: str) -> bool:
    """True for a cell that continues the merge (vMerge: from above, hMerge: from the left)."""
    merge = tc_props.find(w(merge_tag)) if tc_props is not None else None
    return merge is not None and merge.get(w("val"), "continue") == "continue"


def is_shaded(tc_props: Any) -> bool:
    """True when the cell has a fill (or solid pattern colour) other than automatic or white."""
    shading = tc_props.find(w("shd")) if tc_props is not None else None
    if shading is None or shading.get(w("val")) == "nil":
        return False
    fill = shading.get(w("fill"), "").lower()
    if shading.get(w("val")) == "solid":
        fill = shading.get(w("color"), "").lower()
    return fill not in BLANK_FILLS


def cell_text(tc: Any) -> str:
    """A cell's own paragraphs, one per line; a nested table's text stays in that table."""
    return "\n".join(paragraph_text(p) for p in block_children(tc, {"p"})).strip()


def cell_setting(tc: Any) -> tuple[int, bool, bool, bool]:
    """How a cell's text is set: its first written paragraph's left indent level, and whether every run of text
    in the cell is bold, every one italic, every one struck through (once or twice; direct formatting)."""
    paragraphs = [p for p in block_children(tc, {"p"}) if paragraph_text(p).strip()]
    if not paragraphs:
        return 0, False, False, False
    props = paragraphs[0].find(w("pPr"))
    indent = props.find(w("ind")) if props is not None else None
    twips = to_int(indent.get(w("left")) or indent.get(w("start")) or "") if indent is not None else 0
    runs = [piece.getparent() for p in paragraphs for piece in RUN_PIECES(p) if local(piece) == "t" and piece.text]
    struck = all_runs(runs, "strike") or all_runs(runs, "dstrike")
    return indent_level(twips / TWIPS_PER_POINT), all_runs(runs, "b"), all_runs(runs, "i"), struck


def all_runs(runs: list[Any], tag: str) -> bool:
    """True when every run sets a toggle property (w:b, w:i, w:strike) on."""
    return bool(runs) and all(run_toggle(run, tag) for run in runs)


def run_toggle(run: Any, tag: str) -> bool:
    """True when a run's own properties turn a toggle (w:b, w:i, w:strike) on."""
    toggle = run.find(f"{w('rPr')}/{w(tag)}")
    return toggle is not None and toggle.get(w("val"), "true").lower() not in OFF_VALUES


def join_split_tables(items: list[TablePiece | Paragraph]) -> list[TablePiece | Paragraph]:
    """Join a table that Word cut in pieces: same columns, only empty paragraphs between."""
    joined: list[TablePiece | Paragraph] = []
    pending_blanks: list[Paragraph] = []
    for item in items:
        if isinstance(item, Paragraph) and not item.text:
            pending_blanks.append(item)
            continue
        previous = joined[-1] if joined else None
        if isinstance(item, TablePiece) and isinstance(previous, TablePiece) and continues(previous, item):
            joined[-1] = append_piece(previous, item)
        else:
            joined.extend(pending_blanks)
            joined.append(item)
        pending_blanks = []
    return joined + pending_blanks


def continues(first: TablePiece, second: TablePiece) -> bool:
    """True when `second` is the rest of `first`: same column count and a repeated header or grid."""
    if first.n_cols != second.n_cols or not second.cells:
        return False
    return repeats_first_row(first.as_table(), second.as_table()) or same_grid(first.widths, second.widths)


def same_grid(widths: list[int], other: list[int]) -> bool:
    """True when two grids have the same column widths, give or take Word's rounding."""
    return (
        bool(widths)
        and len(widths) == len(other)
        and all(abs(a - b) <= GRID_WIDTH_TOLERANCE for a, b in zip(widths, other, strict=True))
    )


def append_piece(first: TablePiece, second: TablePiece) -> TablePiece:
    """The first piece with the second's rows below it, joined as continued tables are (Word never cuts a
    row in two pieces, so no cut row is mended)."""
    table = join_tables(first.as_table(), second.as_table(), mend_cut_rows=False)
    return TablePiece(
        cells=list(table.cells),
        n_rows=table.n_rows,
        n_cols=first.n_cols,
        widths=first.widths,
        nested=first.nested + second.nested,
    )


def items_to_model(items: list[TablePiece | Paragraph]) -> tuple[list[Table], list[TextBlock]]:
    """Tables (each followed by its nested tables) and non-empty text blocks, numbered in order."""
    tables: list[Table] = []
    blocks: list[TextBlock] = []
    for item in items:
        if isinstance(item, TablePiece):
            for piece in flatten(item):
                tables.append(piece_to_table(piece, order=len(tables) + len(blocks), index=len(tables)))
        elif item.text:
            blocks.append(TextBlock(text=item.text, kind=item.kind, level=item.level, order=len(tables) + len(blocks)))
    return tables, blocks


def flatten(piece: TablePiece) -> Iterator[TablePiece]:
    """A table, then its nested tables (and theirs), depth first."""
    yield piece
    for inner in piece.nested:
        yield from flatten(inner)


def piece_to_table(piece: TablePiece, order: int, index: int) -> Table:
    """The model table of a joined piece."""
    return Table(
        cells=tuple(piece.cells), n_rows=piece.n_rows, n_cols=piece.n_cols, locator=f"table {index + 1}", order=order
    )
