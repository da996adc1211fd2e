"""PDF extractor: golden outputs for each fixture, and the outcomes each fixture is there to show."""

from __future__ import annotations

import re
import signal
from pathlib import Path

import pytest

from extractors import pdf
from extractors.model import Document, ExtractionError, Table
from extractors.pdf import PdfSettings
from extractors.pdf.finders.borderless import Region, column_gaps, repeats_header
from extractors.pdf.finders.borderless_columns import Columns
from extractors.pdf.finders.borderless_rows import LineFlow, opens_spaced_row
from extractors.pdf.settings import ENGINES
from extractors.pdf.words import TextLine, Word, finish_line
from extractors.wrapping import join_lines, separate_names
from normalizers.workplan import document_to_workplan
from tests.extractors.minimal_pdf import pdf_with_page_tree
from tests.extractors.office_golden import check_golden

FIXTURES = Path(__file__).parent.parent / "fixtures" / "pdf"
CASES = [
    "ruled-merged-cells",
    "ruled-columns-only",
    "borderless",
    "prose-narrative",
    "two-column-report",
    "multipage-continued",
    "furniture-header-footer",
    "watermark-draft",
    "rotated-landscape",
    "scanned-no-text",
    "shaded-gantt",
    "slide-deck-export",
    "row-taller-than-page",
    "borderless-wrapped",
    "borderless-wrapped-reportlab",
    "zebra-striped",
    "gantt-borderless",
    "gantt-ruled",
    "continued-merged-cell",
    "cut-row-tail",
    "ruled-logframe",
    "borderless-gantt",
    "browser-print-workplan",
    "borderless-row-tail",
    "borderless-row-cut",
    "borderless-widowed-header",
    "borderless-no-padding",
    "ruled-line-breaks",
    "borderless-line-breaks",
    "month-ranges-cut",
    "quarter-ranges-narrow",
    "narrow-cell-words",
    "names-one-a-line",
    "list-under-a-lead",
]


def extract(case: str) -> Document:
    return pdf.extract(FIXTURES / f"{case}.pdf")


def only_table(document: Document) -> Table:
    assert len(document.tables) == 1, [t.grid() for t in document.tables]
    return document.tables[0]


@pytest.mark.parametrize("case", CASES)
def test_golden(case: str) -> None:
    check_golden(extract(case), "pdf", case)


def test_ruled_merged_cells_are_recorded_once_with_their_spans() -> None:
    document = extract("ruled-merged-cells")
    table = only_table(document)
    assert document.title == "Inter-Sector Workplan 2024"
    assert table.grid()[0] == ["Priority", "Deliverable", "Lead", "Timeline 2024", "", "", ""]
    timeline = table.cell_at(0, 5)
    priority = table.cell_at(4, 0)
    assert timeline is not None and (timeline.col, timeline.col_span) == (3, 4)
    assert priority is not None and (priority.row, priority.row_span) == (2, 3)
    assert priority.text == "Monitoring & Evaluation and Reporting"
    assert [row[3:] for row in table.grid()[2:]] == [["X", "X", "", ""], ["", "✓", "✓", ""], ["●"] * 4]


def test_columns_ruled_without_row_rules_give_one_row_per_activity() -> None:
    table = only_table(extract("ruled-columns-only"))
    assert table.grid() == [
        ["Activity", "Lead", "Timeline"],
        ["Harmonise the food basket and the transfer value across all partners in the sector", "WFP", "Q1"],
        ["Joint market monitoring in the northern governorates", "FAO", "Q2-Q3"],
        ["Train partner staff on the vulnerability assessment tool", "REACH", "Q4"],
    ]


def test_borderless_table_joins_wrapped_cells_and_keeps_prose_out() -> None:
    document = extract("borderless")
    table = only_table(document)
    assert table.grid()[1] == [
        "Share the revised school rehabilitation standards with all partners",
        "UNICEF",
        "15 March",
        "Ongoing",
    ]
    assert (table.n_rows, table.n_cols) == (5, 4)
    kinds = [(block.kind, block.order) for block in document.text_blocks]
    assert kinds[0] == ("title", 0) and ("paragraph", 1) in kinds
    assert table.order == 2


def test_borderless_rows_come_from_the_layout_not_the_text_lines() -> None:
    grid = only_table(extract("borderless-wrapped")).grid()
    assert grid == [
        ["Objective", "Activity", "Responsible agency", "Partners", "Status"],
        [
            "Objective 1: Income opportunities for returnee households",
            "Run vocational training cohorts in tailoring, carpentry and mobile phone repair",
            "Skills Forward",
            "Market Traders Union, district labour office",
            "Ongoing",
        ],
        [
            "",
            "Give start-up grants to graduates with a business plan",
            "Skills Forward",
            "Village Savings Network",
            "Planned",
        ],
        [
            "Objective 2: Farmers recover their harvests",
            "Distribute droughttolerant seed and tools before the planting season",
            "Green Fields Cooperative",
            "agricultural extension officers",
            "Completed",
        ],
        ["", "Repair the irrigation canals of the lower plain", "Green Fields Cooperative", "", "Postponed"],
    ]


def test_a_padded_borderless_table_from_a_pdf_library_reads_alike_with_or_without_zebra_bands() -> None:
    plain = only_table(extract("borderless-wrapped-reportlab"))
    zebra = only_table(extract("zebra-striped"))
    assert plain.grid() == zebra.grid() and (plain.n_rows, plain.n_cols) == (5, 5)
    assert plain.grid()[3][1] == "Distribute hygiene kits to primary schools with a session for teachers on their use"
    assert not any(cell.shaded for cell in zebra.cells)


def test_rows_without_padding_are_told_by_the_cells_that_wrapped_and_the_anchor_column() -> None:
    # every line at one pitch: the label wrapped in capitals stays whole because the activity beside it
    # wrapped ("sector" could not have ended the line above), and a row with no label opens at its activity
    assert only_table(extract("borderless-no-padding")).grid() == [
        ["Priority", "Activity", "Lead", "Timeline"],
        [
            "Monitoring, Evaluation and Reporting Priority",
            "Publish the quarterly dashboard of the sector",
            "IM Officer",
            "Q1-Q4",
        ],
        ["", "Hold the annual review with all the partners of the sector", "Coordinator", "Q4"],
        [
            "Preparedness And Contingency Planning",
            "Update the contingency plan before the rainy season starts",
            "Coordinator",
            "Q2",
        ],
    ]


@pytest.mark.parametrize("case", ["gantt-borderless", "gantt-ruled"])
def test_gantt_bars_are_shading_in_ruled_and_borderless_tables(case: str) -> None:
    table = only_table(extract(case))
    assert table.grid()[0] == ["Activity", "Lead", "Jan", "Feb", "Mar", "Apr", "May", "Jun"]
    shaded = sorted((cell.row, cell.col) for cell in table.cells if cell.shaded)
    assert shaded == [(1, 2), (1, 3), (2, 4), (2, 5), (3, 5), (3, 6), (3, 7)]


def test_ruled_rows_tied_by_merged_cells_stay_one_row_each_with_numbers_cut_by_a_narrow_column() -> None:
    table = only_table(extract("ruled-logframe"))
    assert [row[3:] for row in table.grid()] == [
        ["No.", "Activity", "Lead", "Status"],
        ["1.1.1", "Set up tented classrooms next to the camp health posts", "Learning Relief", "Completed"],
        [
            "1.1.2",
            "Provide school furniture and blackboards to the tented classrooms",
            "City Schools Trust",
            "Postponed",
        ],
        ["1.2.1", "Train volunteer teachers in psychosocial first aid", "Hope Minds", "Ongoing"],
        ["1.2.2", "Hold monthly peer-support circles for the teachers", "Hope Minds", "Planned"],
    ]
    spans = sorted((c.row, c.col, c.row_span) for c in table.cells if c.row_span > 1)
    assert spans == [(1, 0, 4), (1, 1, 2), (1, 2, 2), (3, 1, 2), (3, 2, 2)]
    outcome = table.cell_at(4, 0)  # the merged outcome, from any row it covers
    assert outcome is not None and outcome.text == "Outcome 1: Displaced children learn in safe spaces"


def test_a_borderless_gantt_reads_its_quarter_columns_from_the_shading_alone() -> None:
    table = only_table(extract("borderless-gantt"))
    grid = table.grid()
    assert grid[:2] == [
        ["Activity", "Lead", "Partners", "Timeline 2026", "", "", ""],
        ["", "", "", "Q1", "Q2", "Q3", "Q4"],
    ]
    # the section label wrapped over two lines is one label, across the table
    assert grid[2][0].startswith("Outcome 1: Young people") and grid[2][0].endswith("close to their shelters")
    assert grid[2][1:] == [""] * 6
    assert grid[6][:3] == [
        "Pay monthly incentives to the volunteer teachers",
        "District Education Office",
        "Youth Link",
    ]
    shaded = sorted((cell.row, cell.col) for cell in table.cells if cell.shaded)
    assert shaded == [(3, 3), (3, 4), (4, 4), (4, 5), (6, 3), (6, 4), (6, 5), (6, 6)]


def test_a_browser_printed_workplan_keeps_zebra_stripes_and_unkeyed_colours_out_of_its_shading() -> None:
    document = extract("browser-print-workplan")
    table = only_table(document)
    grid = table.grid()
    assert grid[0][:3] == ["Activity", "Lead organisation", "Supporting partners"]
    assert grid[0][3:] == ["Jan", "Feb", "Mar", "Apr", "May", "Jun"]
    assert grid[5][:2] == ["Run legal counselling days on eviction notices in the market towns", "Tenant Line"]
    shaded = sorted((cell.row, cell.col) for cell in table.cells if cell.shaded)
    # the blue bars only: not the zebra stripes painted cell by cell, nor the grey the legend does not key
    assert shaded == [(2, 3), (2, 4), (3, 4), (3, 5), (3, 6), (5, 5), (5, 6), (5, 7), (5, 8)]
    assert [block.text for block in document.text_blocks][-1] == "Planned month"


def test_without_its_legend_every_colour_of_an_empty_cell_is_shading(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("extractors.pdf.page.legend_swatches", lambda *args: [])
    table = only_table(extract("browser-print-workplan"))
    greyed = sorted((cell.row, cell.col) for cell in table.cells if cell.shaded and cell.col == 8)
    assert greyed == [(2, 8), (3, 8), (5, 8)]


def test_a_merged_cell_cut_by_a_page_break_carries_its_text_to_the_next_page() -> None:
    table = only_table(extract("continued-merged-cell"))
    grid = table.grid()
    assert grid.count(["Activity", "Lead", "Timeline"]) == 1 and len(grid) == 29
    lead = table.cell_at(27, 1)
    assert lead is not None and (lead.text, lead.row, lead.row_span) == ("Harvest Partners", 25, 3)
    assert grid[27] == ["Publish the distribution calendar", "", "Q2"]  # the grid holds a span's text once


def test_the_tail_of_a_row_cut_by_the_page_break_joins_its_row_before_the_text_after_it() -> None:
    document = extract("cut-row-tail")
    grid = only_table(document).grid()
    assert grid[-1] == [
        "26",
        "Distribute sealing-off kits and winter clothes to the families living in unfinished buildings",
        "Warm Homes",
    ]
    assert [block.text for block in document.text_blocks] == [
        "The working group reviews this plan at its next meeting in March."
    ]


BROKEN_PLAN_ROWS = [
    ["Activity", "Lead", "Partners", "Timeline"],
    ["Repair the roofs of the collective centres in the northern districts", "Roof Relief", "Warm Homes", "Q1"],
    [
        "Distribute sealing-off kits to the families living in unfinished buildings",
        "Warm Homes",
        "Roof Relief, Build Back Trust",
        "Q2-Q3",
    ],
    [
        "Run a rental market assessment in the three largest towns, with the municipal housing offices and the "
        "tenant associations, and share the findings with the partners before the winter",
        "Build Back Trust",
        "municipal housing offices, tenant associations and the local council",
        "Q3",
    ],
]


@pytest.mark.parametrize("case", ["borderless-row-tail", "borderless-widowed-header"])
def test_a_borderless_table_broken_by_a_page_reads_as_if_it_were_whole(case: str) -> None:
    # the last row's tail opening the next page above a paragraph; the header row left alone at the foot of
    # the first page
    document = extract(case)
    assert only_table(document).grid() == BROKEN_PLAN_ROWS
    after = [block.text for block in document.text_blocks if not block.text.startswith(("Note", "Shelter"))]
    assert after == ["The working group reviews this plan at its next meeting in March."]


def test_the_parts_of_a_borderless_table_cut_by_a_page_join_though_their_right_edges_differ() -> None:
    grid = only_table(extract("borderless-row-cut")).grid()
    assert grid[:2] + grid[-1:] == BROKEN_PLAN_ROWS[:2] + BROKEN_PLAN_ROWS[-1:]
    # the cut row's rest opens with capitals in two of its three cells, as a merged cell's text running on
    # above a new row would: it stays a row of its own (a known limit)
    assert grid[2:4] == [
        ["Distribute sealing-off kits to the", "Warm", "Roof Relief, Build", "Q2-Q3"],
        ["families living in unfinished buildings", "Homes", "Back Trust", ""],
    ]


@pytest.mark.parametrize("case", ["ruled-line-breaks", "borderless-line-breaks"])
def test_a_line_broken_by_hand_stays_a_line_break_and_wrapped_lines_join(case: str) -> None:
    grid = only_table(extract(case)).grid()
    assert grid[1][:3] == [
        "Vaccinate the livestock of the herder communities along the dry corridor",  # wrapped: full lines
        "Pastoral Council",
        "FAO\nDry Lands Network",  # "Dry" had room after "FAO": a break typed in the cell
    ]
    assert grid[2][1] == "Ministry of Livestock and Fisheries Development"


def test_names_typed_one_a_line_in_a_ruled_cell_keep_their_line_breaks() -> None:
    assert only_table(extract("ruled-line-breaks")).grid()[2][2] == "Herders Union\nRed Crescent\nValley Vets"


def test_a_month_range_broken_at_its_hyphen_keeps_the_hyphen_and_real_hyphenation_is_mended() -> None:
    grid = only_table(extract("month-ranges-cut")).grid()
    periods = ["avril-septembre 2026", "juin-août 2026", "mars-mai", "janvier-décembre", "juillet 2026"]
    assert [row[2] for row in grid[1:]] == periods
    workplan = document_to_workplan(extract("month-ranges-cut"))
    read = [(a.activity, [q.quarter for q in a.quarters]) for a in workplan.activities]
    assert read == [
        ("Distribuer des semences maraîchères", [2, 3]),
        ("Réhabiliter les périmètres irrigués", [2, 3]),
        ("Former les agents de vulgarisation agricole", [1, 2]),
        ("Suivre les prix des marchés", [1, 2, 3, 4]),
        ("Évaluer les stocks semenciers", [3]),
    ]


def test_a_year_cut_by_a_narrow_header_cell_is_joined_and_its_quarter_read() -> None:
    document = extract("quarter-ranges-narrow")
    assert only_table(document).grid()[0][2:] == ["Jan– Mar 2026", "Apr– Jun 2026", "Jul– Sep 2026", "Oct– Dec 2026"]
    read = [[q.quarter for q in a.quarters] for a in document_to_workplan(document).activities]
    assert read == [[1, 2], [3], [2, 3, 4]]


def test_words_of_the_data_tell_a_whole_word_on_a_full_line_from_a_word_cut_at_the_edge() -> None:
    grid = only_table(extract("narrow-cell-words")).grid()
    assert [[row[0], row[2]] for row in grid[1:]] == [
        ["Axe stratégique 2", "Coordination du Groupe Eau"],  # "Coordination" and "du" both words, the join none
        ["Axe stratégique 2", "Hydrogéologie régionale"],  # "Hydrogéologi" no word: cut at the edge
    ]


def test_a_registry_name_on_a_line_of_its_own_is_kept_apart_from_the_name_above() -> None:
    grid = only_table(extract("names-one-a-line")).grid()
    assert [row[1] for row in grid[1:]] == [
        "Union des Jeunes pour la Paix Durable et Solidarité\nMercy Corps",  # "Mercy" would not have fitted
        "Conseil Norvégien pour les Réfugiés",  # a name wrapped after "pour"
    ]


def test_a_list_of_organisations_on_the_next_line_is_kept_apart_from_the_name_above() -> None:
    grid = only_table(extract("list-under-a-lead")).grid()
    assert [row[1] for row in grid[1:]] == [
        "Coordinateur du secteur Santé\nDRS; OMS",  # a list opening on an acronym: the lead's line ends there
        "Comité Régional de Coordination\nOxfam, PAM",  # ... on a registry name
        "Comité Régional de Coordination Sahel, PAM",  # "Sahel" names nothing alone: the line wrapped
    ]


def test_lone_acronyms_on_two_lines_are_two_names_and_a_wrapped_name_is_one() -> None:
    assert separate_names("AKVD", "SOLIFEM")
    assert not separate_names("UN", "OCHA")  # one name of the registry
    assert not separate_names("Ministry of Public", "Health")  # a common word, not a name on its own
    assert not separate_names("Ministry of Public", "Health, WHO")  # ... nor at the head of a list
    assert not separate_names("M&E Specialist", "ISWG")  # an acronym qualifying the words above


def test_narrative_page_yields_no_table() -> None:
    document = extract("prose-narrative")
    assert document.tables == ()
    kinds = [block.kind for block in document.text_blocks]
    assert kinds == ["title", "heading", "paragraph", "paragraph", "paragraph", "heading", "bullet", "bullet", "bullet"]
    assert document.text_blocks[-1].text == "Two coordination meetings held in Arabic and English"


def test_two_column_page_reads_column_by_column_without_a_table() -> None:
    document = extract("two-column-report")
    assert document.tables == ()
    numbers = [block.text.split(".")[0] for block in document.text_blocks if block.text.startswith("Paragraph")]
    assert numbers == [f"Paragraph {n}" for n in range(1, 9)]


def test_table_continued_over_pages_is_stitched() -> None:
    table = only_table(extract("multipage-continued"))
    grid = table.grid()
    assert table.page == 1 and len(grid) == 41
    assert grid.count(["No.", "Activity", "Lead", "Timeline"]) == 1
    assert grid[13] == ["13", "Activity number 13 of the health cluster plan", "WHO", "Q2"]
    assert [row[0] for row in grid[1:]] == [str(n) for n in range(1, 41)]
    assert {cell.page for cell in table.cells} == {1, 2, 3}


def test_row_taller_than_a_page_stays_one_row_with_its_middle_page() -> None:
    table = only_table(extract("row-taller-than-page"))
    grid = table.grid()
    assert [row[:3] for row in grid] == [
        ["Activity", "Lead", "Timeline"],
        ["Map referral pathways", "UNHCR", "Q1 2025"],
        ["Train caseworkers on safe referrals", "IRC", "Q2 2025"],
        ["Publish the service directory", "UNFPA", "Q4 2025"],
    ]
    updates = [int(n) for n in re.findall(r"Update (\d+):", grid[2][3])]
    assert updates == list(range(1, 15))  # pages 1, 2 (the row alone) and 3, in order
    assert "Protection Sector | Workplan" not in grid[2][3]


def test_running_header_and_page_numbers_are_dropped() -> None:
    document = extract("furniture-header-footer")
    texts = " ".join(block.text for block in document.text_blocks)
    assert "DRAFT" not in texts and "Page" not in texts
    assert only_table(document).grid()[1] == ["Case management SOPs", "UNHCR", "Q2"]


def test_diagonal_watermark_is_left_out() -> None:
    document = extract("watermark-draft")
    texts = [block.text for block in document.text_blocks] + [cell.text for cell in only_table(document).cells]
    assert not any("DRAFT" in text or "D R" in text for text in texts)
    assert only_table(document).grid() == only_table(extract("borderless")).grid()


def test_gantt_fills_set_shaded_and_vertical_headers_read() -> None:
    table = only_table(extract("shaded-gantt"))
    assert table.grid()[0] == ["Activity", "Lead", "January", "February", "March", "April", "May", "June"]
    shaded = sorted((cell.row, cell.col) for cell in table.cells if cell.shaded)
    assert shaded == [(1, 2), (1, 3), (2, 4), (2, 5), (3, 5), (3, 6), (3, 7)]


def test_rotated_page_is_read_upright() -> None:
    table = only_table(extract("rotated-landscape"))
    assert table.grid() == [
        ["Activity", "Lead", "Q1", "Q2", "Q3", "Q4"],
        ["Winterisation kits", "IOM", "X", "", "", "X"],
        ["Collective centre repairs", "UNHCR", "", "X", "X", ""],
    ]


def test_scan_without_text_layer_is_an_issue() -> None:
    document = extract("scanned-no-text")
    assert document.tables == () and document.pages == 1
    assert [(issue.kind, issue.page) for issue in document.issues] == [("no_text_layer", 1)]


def test_slide_export_table_and_title() -> None:
    document = extract("slide-deck-export")
    assert document.title == "WASH Sector Priorities 2024"
    assert only_table(document).grid()[3] == ["Hygiene promotion", "Oxfam", "Q1-Q4"]


def test_encrypted_pdf_raises() -> None:
    with pytest.raises(ExtractionError) as caught:
        pdf.extract(FIXTURES.parent / "bad" / "encrypted-user-password.pdf")
    assert caught.value.kind == "encrypted"


def test_the_page_tree_builder_makes_a_readable_pdf(tmp_path: Path) -> None:
    sound = tmp_path / "sound.pdf"
    sound.write_bytes(pdf_with_page_tree(b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"))
    assert pdf.extract(sound).pages == 1


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("data", [b"%PDF-1.7\n" + b"\x00garbage" * 50, b"%PDF-1.4\n1 0 obj << /Type /Catalog"])
def test_broken_file_raises_corrupt(tmp_path: Path, data: bytes, engine: str) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(data)
    with pytest.raises(ExtractionError) as caught:
        pdf.extract(broken, engine=engine)
    assert caught.value.kind == "corrupt_file"


def test_a_page_tree_without_its_count_is_corrupt_to_pdfminer_and_read_by_pdfium(tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(pdf_with_page_tree(b"<< /Type /Pages /Kids [3 0 R] /Count >>"))
    with pytest.raises(ExtractionError) as caught:  # pdfplumber raises again while closing (found by fuzzing)
        pdf.extract(broken, engine="pdfplumber")
    assert caught.value.kind == "corrupt_file"
    document = pdf.extract(broken, engine="pdfium")
    assert document.pages == 1 and [issue.kind for issue in document.issues] == ["no_text_layer"]


def test_truncated_pdf_loads_what_there_is_or_raises(tmp_path: Path) -> None:
    data = (FIXTURES / "multipage-continued.pdf").read_bytes()
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(data[: len(data) // 2])
    try:
        document = pdf.extract(truncated)
    except ExtractionError as error:
        assert error.kind == "corrupt_file"
    else:
        assert document.pages is not None


def test_slow_page_times_out_as_an_issue() -> None:
    document = pdf.extract(FIXTURES / "ruled-merged-cells.pdf", settings=PdfSettings(page_time_limit_s=1e-6))
    assert [issue.kind for issue in document.issues] == ["page_timeout"]
    assert document.tables == ()


def test_callers_alarm_timer_survives_the_page_time_bound() -> None:
    previous = signal.signal(signal.SIGALRM, lambda signum, frame: None)
    signal.setitimer(signal.ITIMER_REAL, 100.0)
    try:
        extract("borderless")
        remaining = signal.getitimer(signal.ITIMER_REAL)[0]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert 90 < remaining < 100


@pytest.mark.parametrize(
    ("lines", "text"),
    [
        (["strength-", "ening partners"], "strengthening partners"),
        (["a mid-", "term review"], "a mid-term review"),
        (["Age group", "(yrs)"], "Age group (yrs)"),
        (["Q1-", "Q2"], "Q1-Q2"),  # a digit or a capital on both sides: a code's or a range's own hyphen
        (["after COVID-", "19 closures"], "after COVID-19 closures"),
        (["de 2030-", "2031"], "de 2030-2031"),
        (["Partner (co-", "lead)"], "Partner (co-lead)"),  # a prefix of the vocabularies, a bracket before it
        (["à mi-", "chemin"], "à mi-chemin"),
        (["uma palavra-", "chave"], "uma palavra-chave"),  # a second part of the vocabularies' compounds
        (["a gender-", "sensitive plan"], "a gender-sensitive plan"),
        (["coordi-", "nated"], "coordinated"),
        (["", "  lone  "], "lone"),
        (["from junio-", "agosto"], "from junio-agosto"),  # a month range in any language keeps its hyphen
        (["outubro-", "dezembro de 2026"], "outubro-dezembro de 2026"),
        (["Mar-", "ket survey"], "Market survey"),  # an abbreviation hyphenated before no month
        (["mai-", "son"], "maison"),
        (["a community-", "based approach"], "a community-based approach"),  # a whole word before: a compound
        (["the hard-", "to-reach areas"], "the hard-to-reach areas"),
        (["coordi-", "nation"], "coordination"),
        (["office of Lower West-", "Lake province"], "office of Lower West-Lake province"),  # a name's own hyphen
    ],
)
def test_lines_join_in_reading_order_with_hyphenation_mended(lines: list[str], text: str) -> None:
    assert join_lines(lines) == text


def test_sheet_groups_parted_by_spacer_rows_are_one_table_with_its_columns() -> None:
    # printed without gridlines: a blank spacer row and a shaded band between groups, cells filled to their edge
    table = only_table(extract("printed-sheet-spacer-rows"))
    assert table.grid()[0] == ["Code", "Activity", "Lead", "Partners", "Q1", "Q2", "Q3", "Q4", "Status"]
    rows = {row[0]: row for row in table.grid()}
    assert rows["2.1"][1:4] == [
        "Pre-position household item stocks in the three warehouses of the delta",
        "Logistics Hub",
        "Habitat Builders",
    ]
    assert rows["3.2"][2:4] == ["Information Officer", "Shelter Alliance"]


def test_slide_titles_are_headings_and_a_last_row_alone_on_its_slide_is_a_table_part() -> None:
    document = extract("titled-slides-last-row-alone")
    headings = [(block.page, block.text) for block in document.text_blocks if block.kind == "heading"]
    assert headings == [(1, "Gestion des cas"), (2, "Sensibilisation (1/2)"), (3, "Sensibilisation (2/2)")]
    last = document.tables[-1]
    assert (last.page, last.n_rows, last.n_cols) == (3, 1, 8)
    assert last.grid()[0][:4] == [
        "3",
        "Mettre en place des comités communautaires de protection dans les villages d'accueil",
        "Terre Solidaire",
        "autorités locales",
    ]


def test_a_month_gantt_band_without_text_is_no_gutter_between_text_columns() -> None:
    table = only_table(extract("printed-sheet-month-gantt"))
    months = ["Ene", "Feb", "Mar", "Abr", "May", "Jun", "Jul", "Ago", "Sep", "Oct", "Nov", "Dic"]
    assert table.grid()[0] == ["Actividad", "Responsable", "Socios", *months, "Estado"]
    shaded = sorted(cell.col for cell in table.cells if cell.row == 1 and cell.shaded)
    assert shaded == [4, 5, 6, 7]  # February to May


def test_a_row_of_marks_repeating_an_early_one_is_no_header_of_a_second_table() -> None:
    def line(top: float, *words: tuple[str, float]) -> TextLine:
        made = [Word(text, x, top, x + 6 * len(text), top + 9, 9.0, False) for text, x in words]
        return finish_line(TextLine(made), PdfSettings())

    run = [line(10, ("Apr", 50), ("May", 90), ("Status", 130)), line(22, ("X", 50), ("X", 90)), line(34, ("X", 90))]
    assert not repeats_header(run, line(46, ("X", 50), ("X", 90)))
    assert repeats_header(run, line(46, ("Apr", 50), ("May", 90), ("Status", 130)))


def test_a_sheet_printed_over_two_pages_across_is_one_table() -> None:
    table = only_table(extract("sheet-across-pages"))
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    assert table.grid()[0] == ["Activity", "Lead", "Partners", *months, "Status"]
    assert table.grid()[5][0] == "Review the contingency stocks after the rains"
    assert table.grid()[5][-4:] == ["X", "X", "X", "Not started"]


def test_merged_objective_beside_typed_line_breaks_keeps_one_row_per_activity() -> None:
    # rows set apart by the spacing after each paragraph: the objective's last lines sit beside the next row's first
    grid = only_table(extract("borderless-merged-objective-breaks")).grid()
    assert [row[1] for row in grid[1:]] == [
        "Hand out boat repair kits\nto the fishing cooperatives of the lagoon",
        "Train net makers in the\nthree landing sites",
        "Open a cold store at the main landing site",
        "Repair the roofs of the\nisland primary schools",
        "Ferry teachers to the outer islands every week",
    ]
    assert grid[1][0] == "Objective 1: Fishing households in the lagoon villages rebuild their boats and their income"
    assert [row[0] for row in grid[2:4]] == ["", ""]
    assert grid[2][3] == "Harbour Women Group\nNet Makers Guild"
    assert [row[4] for row in grid[1:]] == [
        "from April to June",
        "from August to November",
        "in February",
        "from March to May",
        "in July",
    ]


def test_a_line_typed_after_a_break_alone_below_its_row_stays_in_the_row() -> None:
    grid = only_table(extract("borderless-coded-line-breaks")).grid()
    assert [[row[0], " ".join(row[1].split())] for row in grid[1:]] == [
        ["1", "Survey the wells of the upland villages"],
        ["2", "Chlorinate the storage tanks of the clinics before the rains"],
        ["3", "Train pump mechanics in every district"],
    ]


def test_a_mark_printed_just_after_a_cells_text_stays_in_its_own_column() -> None:
    # a quarter's "x" set 1.7 pt after a partner cell's last word (less than a word space), centred in its column
    words = [
        Word("Harbour", 100.0, 10.0, 130.0, 16.5, 6.5, False),
        Word("Guild", 132.0, 10.0, 150.0, 16.5, 6.5, False),
        Word("x", 151.7, 10.0, 155.5, 16.5, 6.5, False),
        Word("x", 174.4, 10.0, 178.2, 16.5, 6.5, False),
    ]
    columns = Columns((150.5, 170.0), space=2.1)
    cells = columns.of_line(TextLine(words, phrases=[words[:3], words[3:]]))
    assert {col: [word.text for word in cell] for col, cell in cells.items()} == {
        0: ["Harbour", "Guild"],
        1: ["x"],
        2: ["x"],
    }
    # a letter or figure closing a phrase across a separator (a label running over the table) still joins it
    label = [Word("Phase", 100.0, 10.0, 147.0, 16.5, 6.5, False), Word("B", 149.0, 10.0, 154.0, 16.5, 6.5, False)]
    assert list(columns.of_line(TextLine(label, phrases=[label]))) == [0]


def test_a_quarter_marked_in_two_rows_keeps_its_column_between_its_neighbours() -> None:
    # Q4 holds two marks only: the gap between Q3 and the remarks let them through as strays
    def line(row: int, *words: tuple[str, float, float]) -> TextLine:
        made = [Word(text, x0, 12.0 * row, x1, 12.0 * row + 8.0, 8.0, False) for text, x0, x1 in words]
        return finish_line(TextLine(made), PdfSettings())

    task, late = ("Task", 10.0, 40.0), ("late", 300.0, 320.0)
    lines = [line(0, task, ("Q3", 200.0, 212.0), ("Q4", 240.0, 252.0), ("Notes", 300.0, 330.0))]
    lines += [line(row, task, ("x", 200.0, 205.0), late) for row in (1, 2)]
    lines += [line(row, task, ("x", 240.0, 245.0), late) for row in (3, 4)]
    lines += [line(row, task, ("x", 200.0, 205.0)) for row in range(5, 30)]
    gaps = column_gaps(Region(lines))
    assert any(a <= 213.0 and b >= 239.0 for a, b in gaps)
    assert any(a <= 253.0 and b >= 299.0 for a, b in gaps)
    assert not any(a < 240.0 and b > 252.0 for a, b in gaps)


@pytest.mark.parametrize(
    ("texts", "opens"),
    [
        ({0: "Transport", 1: "1,250"}, True),  # a label and its amount set tight under the row above
        ({0: "20-29", 1: "0.2650"}, True),
        ({0: "1", 1: "volunteers in the camps"}, False),  # a section number cut in its narrow column ("2.1." / "1")
        ({1: "in the camps", 2: "3"}, False),  # a wrapped line whose last cell ends in a figure
    ],
)
def test_a_line_going_on_in_every_column_opens_a_row_only_for_a_label_and_its_figures(
    texts: dict[int, str], opens: bool
) -> None:
    # rows that stand apart: every column of the line goes on within a wrapped line's gap
    flow = LineFlow(frozenset(texts), frozenset(), frozenset(), running=True)
    row: list[list[list[Word]]] = [[[Word("x", 0, 0, 1, 1, 9, False)]] for _ in range(3)]
    assert opens_spaced_row(flow, row, texts) is opens


@pytest.mark.parametrize(
    ("name", "struck_rows"),
    [("lignes-barrees-imprimees-fr", {2, 5}), ("struck-rows-printed-sheet-en", {3})],
)
def test_a_line_drawn_through_a_rows_text_marks_its_cells_struck(name: str, struck_rows: set[int]) -> None:
    (table,) = pdf.extract(FIXTURES / f"{name}.pdf").tables
    struck = {cell.row for cell in table.cells if cell.struck}
    assert struck == struck_rows  # not the underlined activity's row, the header over its rule, nor any other
    for row in struck_rows:  # every text of a struck row, its marks included; its empty status cell not
        assert all(cell.struck == bool(cell.text) for cell in table.cells if cell.row == row and cell.col > 0)
