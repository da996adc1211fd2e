"""A Gantt drawn as shapes and printed to PDF reads as the deck's table; a shaded table printed to PDF does not."""

from pathlib import Path

from extractors import pdf, pptx
from extractors.model import Table
from extractors.pdf.document import open_source
from extractors.pdf.drawn_chart import page_chart
from extractors.pdf.settings import DEFAULT_SETTINGS
from extractors.pdf.words import chars_to_lines

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def marked(table: Table) -> list[tuple[int, int]]:
    """The shaded cells of a table, as (row, column) counted from its first body row and its first period."""
    first_period = min(cell.col for cell in table.cells if cell.shaded)
    rows = sorted({cell.row for cell in table.cells if cell.shaded})
    return sorted((cell.row - rows[0], cell.col - first_period) for cell in table.cells if cell.shaded)


def test_printed_deck_gives_the_decks_gantt_tables() -> None:
    deck = pptx.extract(FIXTURES / "pptx" / "gantt-barres-mois-fr.pptx")
    printed = pdf.extract(FIXTURES / "pdf" / "gantt-barres-mois-imprime-fr.pdf")
    assert [t.n_cols for t in printed.tables] == [t.n_cols for t in deck.tables] == [14, 14]
    assert [marked(t) for t in printed.tables] == [marked(t) for t in deck.tables]
    header = [[(c.row, c.col, c.col_span, c.text) for c in t.cells if c.row < 2] for t in printed.tables]
    assert header == [[(c.row, c.col, c.col_span, c.text) for c in t.cells if c.row < 2] for t in deck.tables]


def test_wrapped_labels_stay_one_cell() -> None:
    table = pdf.extract(FIXTURES / "pdf" / "gantt-centred-wrapped-printed-en.pdf").tables[0]
    first = [c.text for c in table.cells if c.row == 2 and c.col < 2]
    assert first == [
        "Replace lost nets and outboard engines for registered fishing cooperatives on the outer islands",
        "Pacific Fisheries Recovery Network",
    ]


def page_chart_of(path: Path, number: int) -> Table | None:
    """The drawn chart read from a page's free lines and fills, or None."""
    source = open_source(path, DEFAULT_SETTINGS.engine)
    try:
        objects = source.page_objects(number, DEFAULT_SETTINGS)
    finally:
        source.close()
    lines = chars_to_lines([c for c in objects.chars if c.direction == 0], DEFAULT_SETTINGS)
    return page_chart(lines, objects.fills, number, 0)


def test_shaded_tables_printed_without_rules_are_no_drawn_chart() -> None:
    """Their shaded cells touch row on row (the bars of a drawn chart stand apart)."""
    assert page_chart_of(FIXTURES / "pdf" / "printed-sheet-month-gantt.pdf", 1) is None
    assert page_chart_of(FIXTURES / "pdf" / "gantt-borderless.pdf", 1) is None
    assert page_chart_of(FIXTURES / "pdf" / "gantt-centred-wrapped-printed-en.pdf", 1) is not None
