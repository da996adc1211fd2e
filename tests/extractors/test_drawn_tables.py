"""Tables drawn without a table object (text boxes in a grid) or inside another table's cells
(extractors/boxes.py, extractors/nesting.py), and tracked changes read as accepted."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation
from pptx.util import Inches

from extractors import extract
from extractors.boxes import Box, box_grids, grid_table
from extractors.model import Cell, Table
from extractors.nesting import lift_nested_header, splice_nested
from tests.extractors.office_golden import FIXTURES


def row_of_boxes(top: float, lefts: list[float], width: float = 50.0, height: float = 20.0) -> list[Box]:
    """Boxes side by side on one row."""
    return [Box(f"{top}-{left}", (left, top, left + width, top + height)) for left in lefts]


def test_boxes_in_rows_and_columns_form_a_grid_and_a_row_of_boxes_does_not() -> None:
    lefts = [10.0, 60.0, 110.0, 160.0]
    grid = row_of_boxes(100, lefts) + row_of_boxes(120, lefts) + row_of_boxes(140, lefts)
    process = row_of_boxes(300, [10.0, 200.0, 390.0])  # three boxes far below: a diagram, no table
    assert box_grids(grid + process) == [list(range(12))]
    assert box_grids(grid[:8]) == []  # two rows are no table
    assert box_grids(process) == []


def test_boxes_of_rows_apart_or_overlapping_are_no_grid() -> None:
    lefts = [10.0, 60.0, 110.0]
    apart = row_of_boxes(100, lefts) + row_of_boxes(200, lefts) + row_of_boxes(300, lefts)
    assert box_grids(apart) == []
    stacked = row_of_boxes(100, [10.0, 30.0, 50.0]) + row_of_boxes(120, [10.0, 30.0, 50.0])
    assert box_grids(stacked + row_of_boxes(140, [10.0, 30.0, 50.0])) == []


def test_deck_of_text_box_grids_reads_as_tables_and_other_boxes_as_text() -> None:
    document = extract(FIXTURES / "pptx" / "grille-zones-de-texte-fr.pptx")
    assert [table.locator for table in document.tables] == ["slide 3", "slide 4"]
    first = document.tables[0]
    assert first.n_cols == 8
    assert first.grid()[0] == ["Réf.", "Activité", "Responsable", "T1", "T2", "T3", "T4", "Statut"]
    band = first.cell_at(1, 0)
    assert band is not None and band.col_span == 8 and band.text.startswith("Objectif 1")
    assert first.grid()[4][3:8] == ["", "", "✓", "✓", ""]  # its empty boxes never drawn
    assert all(cell.shaded for cell in first.cells if cell.row == 0)
    texts = [block.text for block in document.text_blocks]
    assert {"Préparer", "Mettre en œuvre", "Évaluer"} <= set(texts)
    assert "Le plan est revu à chaque trimestre par les membres du groupe." in texts


def test_tall_box_spans_the_rows_of_its_activities() -> None:
    (table,) = extract(FIXTURES / "pptx" / "grelha-objetivo-caixa-alta-pt.pptx").tables
    spans = [(cell.row, cell.row_span) for cell in table.cells if cell.col == 0 and cell.row]
    assert spans == [(1, 2), (3, 3)]


def test_nested_tables_are_spliced_under_the_outer_labels() -> None:
    (table,) = extract(FIXTURES / "docx" / "nested-output-tables-en.docx").tables
    grid = table.grid()
    assert grid[0][:3] == ["Outcome", "Output", "Activities"]
    assert grid[1][2:] == ["Ref", "Activity", "Lead", "Partners", "Q1", "Q2", "Q3", "Q4", "Status"]
    assert table.n_rows == 2 + 5  # the inner header once, five activities
    outcome = table.cell_at(2, 0)
    assert outcome is not None and outcome.row_span == 3 and outcome.text.startswith("Outcome 1")
    assert [row[3] for row in grid[2:]] == [
        "Repair classrooms damaged by the storm",
        "Replace the school furniture lost in the floods",
        "Train teachers in psychosocial first aid",
        "Record radio lessons for the primary grades",
        "Distribute solar radios to remote households",
    ]


def test_nested_tables_of_different_widths_stay_apart() -> None:
    outer = Table(
        cells=(
            Cell("Result", 0, 0),
            Cell("Activities", 0, 1),
            Cell("R1", 1, 0),
            Cell("", 1, 1),
            Cell("R2", 2, 0),
            Cell("", 2, 1),
        ),
        n_rows=3,
        n_cols=2,
    )
    two = Table(cells=(Cell("a", 0, 0), Cell("b", 0, 1)), n_rows=1, n_cols=2)
    three = Table(cells=(Cell("a", 0, 0), Cell("b", 0, 1), Cell("c", 0, 2)), n_rows=1, n_cols=3)
    assert splice_nested(outer, {(1, 1): two, (2, 1): three}) is None
    assert splice_nested(outer, {(1, 1): two, (2, 0): two}) is None  # not in one column
    spliced = splice_nested(outer, {(1, 1): two, (2, 1): two})
    assert spliced is not None and spliced.n_cols == 3


def test_header_of_the_first_nested_table_heads_the_later_ones() -> None:
    (table,) = extract(FIXTURES / "docx" / "tabelas-aninhadas-cabecalho-unico-pt.docx").tables
    grid = table.grid()
    assert grid[1][2:] == ["Atividade", "Responsável", "Parceiros", "T1", "T2", "T3", "T4", "Situação"]
    assert table.n_rows == 2 + 5  # the first inner table's header once, five activities
    assert [row[2] for row in grid[2:]][2:4] == [
        "Analisar a qualidade da água dos furos municipais",  # a later inner table's first row: an activity
        "Construir latrinas separadas nas escolas básicas",
    ]


def nested_outer() -> Table:
    """`Result | Activities`, a result per body row, its second cell empty (the nested table's place)."""
    cells = (Cell("Result", 0, 0), Cell("Activities", 0, 1), Cell("R1", 1, 0), Cell("", 1, 1), Cell("R2", 2, 0))
    return Table(cells=(*cells, Cell("", 2, 1)), n_rows=3, n_cols=2)


def two_column_table(rows: list[tuple[str, str]], shaded_first: bool = False) -> Table:
    """A two-column inner table; its first row shaded when `shaded_first`."""
    cells = tuple(
        Cell(text, r, c, shaded=shaded_first and r == 0) for r, row in enumerate(rows) for c, text in enumerate(row)
    )
    return Table(cells=cells, n_rows=len(rows), n_cols=2)


def test_shaded_first_row_of_the_first_nested_table_is_the_shared_header() -> None:
    first = two_column_table([("Task", "Lead"), ("dig wells", "A")], shaded_first=True)
    later = two_column_table([("build latrines", "B")])
    spliced = splice_nested(nested_outer(), {(1, 1): first, (2, 1): later})
    assert spliced is not None
    assert [row[1:] for row in spliced.grid()[1:]] == [["Task", "Lead"], ["dig wells", "A"], ["build latrines", "B"]]
    heading = spliced.cell_at(1, 0)  # the outer header runs down beside the inner one; the results start below
    assert heading is not None and (heading.text, heading.row) == ("Result", 0)
    assert [(cell.text, cell.row) for cell in spliced.cells if cell.col == 0 and cell.row] == [("R1", 2), ("R2", 3)]


def test_unmarked_first_row_not_repeated_stays_in_the_body() -> None:
    first = two_column_table([("dig wells", "A"), ("fence wells", "A")])
    later = two_column_table([("build latrines", "B")])
    spliced = splice_nested(nested_outer(), {(1, 1): first, (2, 1): later})
    assert spliced is not None
    body = [["dig wells", "A"], ["fence wells", "A"], ["build latrines", "B"]]
    assert [row[1:] for row in spliced.grid()[1:]] == body
    assert [(cell.text, cell.row) for cell in spliced.cells if cell.col == 0 and cell.row] == [("R1", 1), ("R2", 3)]


def test_printed_nested_header_is_lifted_once() -> None:
    (table,) = extract(FIXTURES / "pdf" / "nested-output-tables-printed-en.pdf").tables
    heads = [row for row in table.grid() if "Partners" in row]
    assert len(heads) == 1 and table.grid().index(heads[0]) == 1


def test_a_header_repeated_once_is_left_in_place() -> None:
    cells = (
        Cell("Outcome", 0, 0),
        Cell("Activities", 0, 1, col_span=2),
        Cell("O1", 1, 0, row_span=2),
        Cell("Task", 1, 1),
        Cell("Lead", 1, 2),
        Cell("dig", 2, 1),
        Cell("A", 2, 2),
    )
    table = Table(cells=cells, n_rows=3, n_cols=3)
    assert lift_nested_header(table) is table


def test_tracked_changes_read_as_accepted() -> None:
    (table,) = extract(FIXTURES / "docx" / "alteracoes-controladas-pt.docx").tables
    grid = table.grid()
    assert [row[1] for row in grid[2:]] == [
        "Instalar pluviómetros nas aldeias ribeirinhas",
        "",  # the deleted row: its text all deleted
        "Formar os comités locais de gestão de risco",
        "Testar o sistema de alerta por SMS",
    ]
    assert [row[8] for row in grid[2:]] == ["Em curso", "", "Concluído", "Planeado"]


def test_a_sliver_of_a_box_in_a_grid_is_one_cell() -> None:
    lefts = [10.0, 60.0, 110.0]
    boxes = row_of_boxes(100, lefts) + row_of_boxes(120, lefts) + row_of_boxes(140, lefts)
    boxes.append(Box("|", (10.0, 160.0, 11.0, 180.0)))
    (run,) = box_grids(boxes)
    table = grid_table([boxes[i] for i in run], page=1, locator="slide 1", order=0)
    assert (table.n_rows, table.n_cols) == (4, 3)
    sliver = table.cell_at(3, 0)
    assert sliver is not None and sliver.text == "|"


def test_a_grid_whose_header_row_is_a_scaled_group_reads_in_slide_coordinates(tmp_path: Path) -> None:
    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    lefts, width, height = [1.0, 3.0, 5.0], 2.0, 0.5
    header = slide.shapes.add_group_shape()
    for left, text in zip(lefts, ["Activity", "Lead", "Q1"], strict=True):
        header.shapes.add_textbox(Inches(2 * left), Inches(2), Inches(2 * width), Inches(2 * height)).text = text
    xfrm = header._element.grpSpPr.xfrm  # drawn at twice the size, shown at half: the group's own coordinates
    xfrm.off.x, xfrm.off.y, xfrm.ext.cx, xfrm.ext.cy = Inches(1), Inches(1), Inches(3 * width), Inches(height)
    for row, texts in enumerate([["Train the teams", "NGO A", "x"], ["Print the forms", "NGO B", ""]], 1):
        for left, text in zip(lefts, texts, strict=True):
            slide.shapes.add_textbox(Inches(left), Inches(1 + row * height), Inches(width), Inches(height)).text = text
    path = tmp_path / "grouped-header.pptx"
    deck.save(str(path))
    (table,) = extract(path).tables
    assert table.grid() == [
        ["Activity", "Lead", "Q1"],
        ["Train the teams", "NGO A", "x"],
        ["Print the forms", "NGO B", ""],
    ]
    assert table.bbox is not None and abs(table.bbox[1] - 72.0) < 0.5  # the header's top on the slide: 1 inch
