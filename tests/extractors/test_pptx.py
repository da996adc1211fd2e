"""The PPTX extractor: slide tables (merges, group shapes), titles and bullets."""

from __future__ import annotations

import zipfile

import pytest
from pptx.oxml import parse_xml

from extractors import extract as extract_any
from extractors.model import Document, ExtractionError
from extractors.pptx import extract
from tests.extractors.office_golden import FIXTURES, check_golden
from tests.fixture_files import BAD

PPTX = FIXTURES / "pptx"
CASES = ["table-with-merges", "bullets-only"]


def read(case: str) -> Document:
    """The extracted fixture."""
    return extract(PPTX / f"{case}.pptx")


@pytest.mark.parametrize("case", CASES)
def test_golden(case: str) -> None:
    check_golden(read(case), "pptx", case)


def test_registry_dispatches_pptx_by_content() -> None:
    assert extract_any(PPTX / "bullets-only.pptx").format == "pptx"


def test_slide_table_merges_and_grouped_table() -> None:
    document = read("table-with-merges")
    workplan, points = document.tables
    merged = {(c.row, c.col): (c.row_span, c.col_span) for c in workplan.cells if c.row_span * c.col_span > 1}
    assert merged == {(1, 0): (3, 1), (3, 2): (1, 4)}
    assert workplan.grid()[3][2:] == ["All year", "", "", ""]
    assert [(c.row, c.col) for c in workplan.cells if c.shaded] == [(2, 3)]
    assert (workplan.page, workplan.locator, points.page, points.locator) == (1, "slide 1", 2, "slide 2")
    assert points.grid() == [["Action point", "Status"], ["Coordinator to share the logo", "✓"]]
    assert document.pages == 2
    assert workplan.bbox is not None and workplan.bbox[0] == pytest.approx(36.0)


def test_slide_title_comes_before_the_slide_table() -> None:
    document = read("table-with-merges")
    title = document.text_blocks[0]
    assert (title.kind, title.page, title.text) == ("title", 1, "Child Protection Workplan 2020")
    assert title.order < document.tables[0].order
    assert document.title == "Child Protection Workplan 2020"


def test_bullets_keep_their_levels() -> None:
    document = read("bullets-only")
    assert document.tables == ()
    blocks = [(b.kind, b.level, b.text) for b in document.text_blocks]
    assert blocks == [
        ("title", 0, "CPiE Working Group – Agenda"),
        ("bullet", 0, "Review action points"),
        ("bullet", 0, "Updates"),
        ("bullet", 1, "Field"),
        ("bullet", 1, "Sub-groups: CM TWG, PSS TF"),
        ("bullet", 0, "Workplan"),
        ("bullet", 0, "AOB"),
        ("paragraph", 0, "Beirut, June 2019"),
    ]
    assert {b.page for b in document.text_blocks} == {1}


def test_xml_with_an_external_entity_is_refused() -> None:
    with pytest.raises(ExtractionError) as caught:
        extract(BAD / "external-entity.pptx")
    assert caught.value.kind == "unsafe_xml"


def test_python_pptx_parser_does_not_resolve_external_entities() -> None:
    """Defence in depth: even past the DOCTYPE check, the parser leaves the entity unresolved."""
    with zipfile.ZipFile(BAD / "external-entity.pptx") as archive:
        xml = archive.read("ppt/slides/slide1.xml")
    text = "".join(parse_xml(xml).itertext())
    assert text.startswith("&xxe;CPiE Working Group")  # the reference left as it is, nothing read from disk


def grid_of(document: Document, index: int) -> list[list[str]]:
    """A table's cells as rows of texts, a shaded empty cell as `#`, a spanned cell's rest empty."""
    table = document.tables[index]
    rows = [[""] * table.n_cols for _ in range(table.n_rows)]
    for cell in table.cells:
        rows[cell.row][cell.col] = cell.text or ("#" if cell.shaded else "")
    return rows


def test_gantt_drawn_with_shapes_reads_as_a_table_of_shaded_periods() -> None:
    document = extract(FIXTURES / "pptx" / "gantt-barres-mois-fr.pptx")
    first = grid_of(document, 0)
    assert first[0] == ["Activité", "Responsable", "T1", "", "", "T2", "", "", "T3", "", "", "T4", "", ""]
    assert first[1][:3] == ["", "", "janv."]  # the left labels merged down beside the quarters
    assert first[2] == ["Vacciner le bétail contre la péripneumonie", "Service vétérinaire régional"] + [
        "",
        "#",
        "#",
        "#",
        "#",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
    ]
    assert first[5][2:] == [""] * 12  # an activity with no bar: no period marked
    assert not [block for block in document.text_blocks if block.kind == "paragraph"]  # every box in the table


def test_gantt_in_a_scaled_group_keeps_its_bars_under_their_periods() -> None:
    grid = grid_of(extract(FIXTURES / "pptx" / "cronograma-grupo-escalado-es.pptx"), 0)
    assert grid[0] == ["Actividad", "Responsable", "2034", "", "", ""]
    assert [row[2:] for row in grid[2:]] == [["#", "", "", ""], ["", "#", "#", ""], ["", "", "#", "#"]]


def test_slide_of_boxes_without_bars_draws_no_gantt() -> None:
    document = extract(FIXTURES / "pptx" / "grille-zones-de-texte-fr.pptx")
    assert all(not any(cell.shaded and not cell.text for cell in table.cells) for table in document.tables)
