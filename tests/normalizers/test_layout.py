"""Layout classes read in general: preamble rows, section rows and numbering, headings above tables,
identifier columns, partner matrices, languages; each on small tables of invented content."""

import pytest

from extractors.model import Document, Table, TextBlock
from normalizers.headers import columns_from_headers
from normalizers.layout import find_header, table_layout
from normalizers.rows import Row, TableCues, fill_down, heading_levels, row_section, table_rows
from normalizers.sections import (
    Section,
    apply_section,
    band_section,
    depth_levels,
    label_level,
    letters_lead,
    nested_outcome,
    nested_section,
    numbering_depth,
)
from normalizers.workplan import LOW_CONFIDENCE_KIND, document_to_workplan
from tests.normalizers.test_workplan import document, table_from_rows

NOTE = (
    "Note: this plan is reviewed every quarter by the working group; figures are those reported by partners "
    "through the online platform, and activities without a lead are still to be confirmed."
)


@pytest.mark.parametrize(
    ("grid", "bounds"),
    [
        ([["Activity", "Lead", "Q1"], ["Train staff", "UNICEF", "x"]], (0, 1)),
        ([["Plan 2025", "Plan 2025", "Plan 2025"], ["Activity", "Lead", "Q1"], ["Train", "WHO", "x"]], (1, 1)),
        ([["[logo]", "", ""], ["Plan 2025", "", ""], [NOTE, NOTE, NOTE], ["Activity", "Lead", "Q1"]], (3, 1)),
        ([["Source: 4W", "", "as of March"], ["Activités", "Responsable", "T1"], ["Former", "OMS", "x"]], (1, 1)),
        ([["Activity", "Lead", "Timeline"], ["", "", "Q1"], ["Train", "WHO", "x"]], (0, 2)),
        ([["Activity", "Lead", "Timeline"], ["Activity", "Lead", "Q1"], ["Train", "WHO", "x"]], (0, 2)),
        ([["Tripoli", "Workplan completed."], ["Akkar", "Rotating co-chairs."]], None),
        ([["Train staff", "UNICEF", "X"], ["Activity", "Lead", "Q1"]], (1, 1)),  # a tick is never a header
    ],
)
def test_preamble_rows_above_the_header(grid: list[list[str]], bounds: tuple[int, int] | None) -> None:
    assert find_header(grid) == bounds


def test_a_word_tail_beside_the_periods_under_two_years_keeps_them_a_header_row() -> None:
    # a narrow PDF column broke "Progress status" onto the row of the quarters under 2027 and 2028
    years = ["2027", "", "", "", "2028", "", "", ""]
    grid = [
        ["Activity", "Lead", *years, "Progress stat"],
        ["", "", "Q1", "Q2", "Q3", "Q4", "Q1", "Q2", "Q3", "Q4", "us"],
        ["Train staff", "WHO", "x", "", "", "", "", "x", "", "", "Ongoing"],
    ]
    layout = table_layout(grid)
    assert find_header(grid) == (0, 2)
    periods = [(c.period.year, c.period.quarters) for c in layout.columns if c.period]
    assert periods == [(year, (q,)) for year in (2027, 2028) for q in (1, 2, 3, 4)]


def test_header_words_a_pdf_ran_together_still_name_the_actor_columns() -> None:
    # narrow PDF header cells broke "Entidad responsable" and "Socios de apoyo" over two lines, the reader ran the
    # words at the break together; the lead and partner cells of the rows are read as such
    grid = [
        ["Código", "Actividades", "Entidadresponsable", "Sociosde apoyo", "ene.", "feb.", "mar.", "Estado"],
        ["1.1", "Rehabilitar pozos comunitarios", "Aguas del Sur", "Red Rural", "X", "X", "", "En curso"],
        ["1.2", "Formar comités de agua", "Red Rural", "", "", "X", "X", "Pendiente"],
    ]
    document_ = document(table_from_rows(grid), title="Plan de agua 2028")
    activity = document_to_workplan(document_).activities[0]
    assert [c.role for c in table_layout(grid).columns][2:4] == ["lead", "partners"]
    assert (activity.lead_raw, activity.partners_raw) == ("Aguas del Sur", "Red Rural")


def test_a_long_note_row_is_never_fused_into_the_headers() -> None:
    grid = [[NOTE] * 4, ["#", "Activities", "Who", "With whom"], ["1.1", "Train staff", "UNICEF", "WHO, IOM"]]
    layout = table_layout(grid)
    assert [(c.header, c.role) for c in layout.columns] == [
        ("#", "identifier"),
        ("Activities", "activity"),
        ("Who", "lead"),
        ("With whom", "partners"),
    ]


@pytest.mark.parametrize(
    ("texts", "role", "reason"),
    [
        (["1", "1.1", "1.2", "2"], "identifier", "content: numbering codes"),
        (["A.1", "A.2", "B.1"], "identifier", "content: numbering codes"),
        (["UNICEF", "WHO", "IOM"], "other", "no role word"),
        (["Completed", "Ongoing", "Not started"], "status", "content: status words"),
        (["x", "x", "x"], "other", "no role word"),  # ticks repeat: no identifier
    ],
)
def test_content_names_a_column_without_role_words(texts: list[str], role: str, reason: str) -> None:
    columns = columns_from_headers([["Activity"], [""]], [["a", "b", "c", "d"][: len(texts)], texts])
    assert (columns[1].role, columns[1].reason) == (role, reason)


def test_numbering_codes_overrule_an_actor_header() -> None:
    columns = columns_from_headers([["Activity"], ["Partners"]], [["a", "b", "c"], ["1", "2", "3"]])
    assert columns[1].role == "identifier"


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Objective 1: Strengthen coordination", "objective"),
        ("Strategic Objective 2 – Improve access", "objective"),
        ("Output 1.2 Sites are prepared", "output"),
        ("Pillar 3 – Prevention", "priority"),
        ("Axe stratégique 1 : Coordination", "priority"),
        ("Effet 2 : Les ménages sont protégés", "objective"),
        ("Produit 1.1 : Des abris sont distribués", "output"),
        ("Résultat attendu 1 – Accès aux soins", "objective"),
        ("Eje 2: Integración", "priority"),
        ("Resultado 1: Acceso a la salud", "objective"),
        ("Producto 1.1 – Kits entregados", "output"),
        ("Pilar 1 – Coordenação", "priority"),
        ("Produto 2.1: Stocks posicionados", "output"),
        ("Indicator 1.1: number of sites", "indicator"),
        ("Objectives of the meeting were agreed", None),  # a sentence, not a label
        ("Train staff on outputs", None),
        ("Area-based coordination – Roraima", None),  # a hyphen inside a word separates nothing
        ("Pillar 2 - Prevention", "priority"),
    ],
)
def test_label_level(text: str, level: str | None) -> None:
    assert label_level(text) == level


@pytest.mark.parametrize(
    ("code", "depth"),
    [
        ("1", 1),
        ("1.1", 2),
        ("1.1.1.", 3),
        ("II", 1),
        ("B", 2),  # the second rank of an "I / A / 1" scheme
        ("x1", None),
        ("C.2", 2),
        ("C.2.4", 3),
        ("IV.1", 2),
        ("3.2.b", 3),
        ("1.c", 2),
        ("2b", 2),
        ("1.1.1.1", 4),
        ("a", None),
    ],
)
def test_numbering_depth(code: str, depth: int | None) -> None:
    assert numbering_depth(code) == depth


def test_a_lone_capital_letter_heads_codes_it_leads() -> None:
    codes = ["C", "C.1", "C.1.1", "D"]
    assert letters_lead(codes) and not letters_lead(["I", "A", "1", "B"])
    assert [numbering_depth(code, letters_lead(codes)) for code in codes] == [1, 2, 3, 1]


@pytest.mark.parametrize(
    ("depths", "levels"),
    [
        ([1], {1: "objective"}),
        ([1, 2, 1, 2], {1: "objective", 2: "output"}),
        ([1, 2, 3], {1: "priority", 2: "objective", 3: "output"}),
        ([], {}),
    ],
)
def test_depth_levels(depths: list[int], levels: dict[int, str]) -> None:
    assert depth_levels(depths) == levels


@pytest.mark.parametrize(
    ("depths", "leaf", "columns", "levels"),
    [
        ([1], 3, ["objective"], {1: "priority"}),  # "1" over "1.1.a", the objective in a column
        ([1], 3, ["output"], {1: "objective"}),
        ([2], 3, ["priority"], {2: "objective"}),
        ([1, 2], 3, [], {1: "objective", 2: "output"}),
        ([1], 2, ["objective"], {1: "objective"}),  # no depth left for the column: as usual
    ],
)
def test_depth_levels_beside_context_columns(
    depths: list[int], leaf: int, columns: list[str], levels: dict[int, str]
) -> None:
    assert depth_levels(depths, leaf, columns) == levels


@pytest.mark.parametrize(
    ("context", "text", "level"),
    [
        ({"priority": "Axis 1: Water"}, "1.1 Repair systems", "objective"),  # under a labelled band
        ({"priority": "Axis 1: Water", "objective": "1.1 Repair systems"}, "1.2 Treat water", "objective"),
        ({"priority": "Axis 1: Water", "objective": "1.1 Repair systems"}, "1.1.1 Spare parts", "output"),
        ({"priority": "Axis 1: Water", "objective": "1.1 Repair systems"}, "2. Hygiene", "priority"),
        ({}, "2.1 Hygiene kits", "objective"),  # by its depth
        ({"priority": "Axis 1: Water"}, "Hygiene", "priority"),  # no code: a band as ever
        ({"priority": "Axis 1: Water"}, "Output 1.1: Kits", "output"),  # its label says
    ],
)
def test_an_unlabelled_band_numbered_deeper_nests_under_the_context(
    context: dict[str, str], text: str, level: str
) -> None:
    assert nested_section(band_section(text), context).level == level


@pytest.mark.parametrize(
    ("context", "text", "level"),
    [
        ({"objective": "Children keep learning"}, "Outcome 1.1: Spaces open", "output"),  # under an objective
        ({"objective": "Objectif 2 : Abris"}, "Résultat 2.1 : Tentes montées", "output"),
        ({}, "Resultado 1: Cupos garantizados", "objective"),  # alone: the plan's objective
        ({"objective": "Outcome 1: Spaces open"}, "Outcome 2: Teachers paid", "objective"),  # a peer outcome
        ({"objective": "Children keep learning"}, "Objective 2: Teachers paid", "objective"),  # no outcome label
    ],
)
def test_an_outcome_band_under_an_objective_is_its_output(context: dict[str, str], text: str, level: str) -> None:
    assert nested_outcome(band_section(text), context).level == level


@pytest.mark.parametrize(
    ("context", "section", "after"),
    [
        (
            {"priority": "P1", "objective": "O1", "output": "X"},
            Section("objective", "O2"),
            {"priority": "P1", "objective": "O2"},
        ),
        ({"priority": "P1", "objective": "O1"}, Section("priority", "P2"), {"priority": "P2"}),
        ({}, Section("output", "Out 1"), {"output": "Out 1"}),
    ],
)
def test_a_section_keeps_broader_levels_and_clears_deeper_ones(
    context: dict[str, str], section: Section, after: dict[str, str]
) -> None:
    assert apply_section(context, section) == after


@pytest.mark.parametrize(
    ("named", "context", "filled", "below"),
    [
        ({"priority": "", "activity": "a"}, {"priority": "P"}, {"priority": "P", "activity": "a"}, {"priority": "P"}),
        (
            {"priority": "P2", "objective": "", "activity": "a"},
            {"priority": "P1", "objective": "O1"},
            {"priority": "P2", "objective": "", "activity": "a"},
            {"priority": "P2"},
        ),
        ({"activity": "a"}, {"objective": "O1"}, {"activity": "a"}, {"objective": "O1"}),  # a section's level stays
    ],
)
def test_fill_down(
    named: dict[str, str], context: dict[str, str], filled: dict[str, str], below: dict[str, str]
) -> None:
    assert fill_down(named, context) == (filled, below)


def numbered_rows() -> tuple[Table, list[Row]]:
    rows = [
        ["No.", "Tasks", "Focal point", "When"],
        ["1", "Improve living conditions", "", ""],
        ["1.1", "Sites are prepared for the rains", "", ""],
        ["1.1.1", "Clear the drains", "Site team", "Q1"],
        ["1.1.2", "Repair the roofs", "Shelter team", "Q2"],
        ["1.2", "Fire risks are reduced", "", ""],
        ["1.2.1", "Build firebreaks", "Site team", "Q3"],
    ]
    table = table_from_rows(rows)
    return table, table_rows(table, rows, 1)


def test_numbered_heading_rows_set_objective_and_output() -> None:
    table, rows = numbered_rows()
    layout = table_layout([list(row) for row in [["No.", "Tasks", "Focal point", "When"], *[r.cells for r in rows]]])
    levels = heading_levels(rows, layout)
    assert levels == {1: "objective", 2: "output"}
    sections = [row_section(row, layout, TableCues(levels)) for row in rows]
    assert [s.level if s else None for s in sections] == ["objective", "output", None, None, "output", None]
    activities = document_to_workplan(document(table)).activities
    assert [(a.activity, a.objective, a.output) for a in activities] == [
        ("Clear the drains", "Improve living conditions", "Sites are prepared for the rains"),
        ("Repair the roofs", "Improve living conditions", "Sites are prepared for the rains"),
        ("Build firebreaks", "Improve living conditions", "Fire risks are reduced"),
    ]


def test_labelled_section_rows_set_their_levels_and_an_unlabelled_band_is_a_priority() -> None:
    band = ["Emergency preparedness"] * 4
    objective = ["Objective 1: Coordination is effective"] * 4
    rows = [
        ["Actions", "Owner", "Supporting partners", "Status"],
        band,
        objective,
        ["Hold monthly meetings", "Coordinator", "All partners", "Ongoing"],
        ["Output 1.1 – Data is shared", "", "", ""],  # a labelled lone leading cell (borderless PDF)
        ["Publish the dashboard", "IMO", "REACH", "Done"],
    ]
    activities = document_to_workplan(document(table_from_rows(rows))).activities
    assert [(a.priority, a.objective, a.output) for a in activities] == [
        ("Emergency preparedness", "Objective 1: Coordination is effective", None),
        ("Emergency preparedness", "Objective 1: Coordination is effective", "Output 1.1 – Data is shared"),
    ]
    assert [a.partners_raw for a in activities] == ["All partners", "REACH"]


def test_a_heading_paragraph_above_each_table_is_its_priority() -> None:
    rows = [["Actions", "Responsible", "With", "Timeframe"], ["Train staff", "UNICEF", "WHO", "Q1"]]
    blocks = (
        TextBlock("Protection Workplan 2024", "title", order=0),
        TextBlock("Pillar 1 – Monitoring", "heading", order=1),
        TextBlock("Monitoring is constrained by access; partners agreed on a joint approach.", order=2),
        TextBlock("Pillar 2 – Response", "heading", order=4),
    )
    doc = Document(
        "x.docx",
        "0" * 64,
        "docx",
        1,
        "Protection Workplan 2024",
        (table_from_rows(rows, order=3), table_from_rows(rows, order=5)),
        blocks,
    )
    assert [a.priority for a in document_to_workplan(doc).activities] == [
        "Pillar 1 – Monitoring",
        "Pillar 2 – Response",
    ]


def test_a_title_above_a_single_table_is_not_its_priority() -> None:
    rows = [["Actions", "Responsible", "Timeframe"], ["Train staff", "UNICEF", "Q1"]]
    doc = document(table_from_rows(rows), title="Health Cluster Workplan 2025")
    assert document_to_workplan(doc).activities[0].priority is None


@pytest.mark.parametrize(
    ("header", "lead", "partners", "donor"),
    [
        (["Activity / site", "Agency", "Implementing partner", "Q1", "Status"], "UNICEF", "Local NGO A", None),
        (["Activity", "Organisation", "Implementing partner", "Donor", "Location"], "UNICEF", "Local NGO A", "ECHO"),
        (
            ["Activité", "Organisation", "Partenaire de mise en oeuvre", "Bailleur", "Zone"],
            "UNICEF",
            "Local NGO A",
            "ECHO",
        ),
        (["Proyecto", "Organización", "Socio implementador", "Donante", "Ubicación"], "UNICEF", "Local NGO A", "ECHO"),
    ],
)
def test_partner_matrix_columns(header: list[str], lead: str, partners: str, donor: str | None) -> None:
    body = ["Repair shelters", "UNICEF", "Local NGO A", "ECHO" if donor else "x", "North" if donor else "Ongoing"]
    activities = document_to_workplan(document(table_from_rows([header, body]))).activities
    assert [(a.lead_raw, a.partners_raw) for a in activities] == [(lead, partners)]
    donors = [ref.raw for ref in activities[0].actors if ref.role == "donor"]
    assert donors == ([donor] if donor else [])


def test_a_sector_column_is_the_priority_of_a_matrix_without_one() -> None:
    rows = [["Sector", "Activity", "Organisation", "Start date", "End date"], ["Health", "Vaccinate", "WHO", "", ""]]
    activity = document_to_workplan(document(table_from_rows(rows))).activities[0]
    assert activity.priority == "Health"


@pytest.mark.parametrize(
    ("header", "body", "language"),
    [
        (["Activities", "Lead", "Partners"], ["Train the staff of the clinics with the ministry", "WHO", "IOM"], "en"),
        (
            ["Activités", "Responsable", "Partenaires"],
            ["Former le personnel des centres avec le ministère", "OMS", "OIM"],
            "fr",
        ),
        (
            ["Actividades", "Responsable", "Socios"],
            ["Formar al personal de los centros con el ministerio", "OMS", "OIM"],
            "es",
        ),
        (
            ["Atividades", "Responsável", "Parceiros"],
            ["Formar o pessoal dos centros com os técnicos da província", "OMS", "OIM"],
            "pt",
        ),
    ],
)
def test_each_language_reads_and_is_told(header: list[str], body: list[str], language: str) -> None:
    workplan = document_to_workplan(document(table_from_rows([header, body]), title="Plan 2025"))
    assert workplan.meta.language == language
    assert [(a.activity, a.lead_raw, a.partners_raw) for a in workplan.activities] == [tuple(body)]


def test_a_doubtful_reading_is_flagged_and_still_loads() -> None:
    rows = [["Activity", "Lead", "Partners"], ["1", "2", "3"], ["4", "5", "6"], ["Train staff", "WHO", "IOM"]]
    workplan = document_to_workplan(document(table_from_rows(rows)))
    assert workplan.tables[0].confidence is not None and workplan.tables[0].confidence < 0.5
    assert [issue.kind for issue in workplan.issues] == [LOW_CONFIDENCE_KIND]
    assert "'Activity' (activity), 'Lead' (lead), 'Partners' (partners)" in workplan.issues[0].message
    assert workplan.activities


def test_a_regular_table_is_read_with_full_confidence() -> None:
    rows = [["Activity", "Lead", "Q1"], ["Train staff", "WHO", "x"], ["Repair roofs", "IOM", ""]]
    workplan = document_to_workplan(document(table_from_rows(rows)))
    assert workplan.tables[0].confidence == 1.0 and not workplan.issues


@pytest.mark.parametrize(
    ("grid", "bounds"),
    [
        # cells spanning both header rows repeated, sub-headers that name no role (months, M1.., spaced letters)
        (
            [
                ["#", "Activity", "Lead", "2024", "2024"],
                ["#", "Activity", "Lead", "J a n", "F e b"],
                ["1", "a", "b", "x", ""],
            ],
            (0, 2),
        ),
        (
            [
                ["#", "What", "Who", "Month", "Month"],
                ["#", "What", "Who", "M1", "M2"],
                ["1.1", "Train", "WHO", "x", ""],
            ],
            (0, 2),
        ),
        # a body row repeats no header cell
        ([["Actions", "Responsible", "With", "Timeframe"], ["Train staff", "UNICEF", "WHO", "Q1"]], (0, 1)),
    ],
)
def test_second_header_row(grid: list[list[str]], bounds: tuple[int, int]) -> None:
    assert find_header(grid) == bounds


def test_spaced_out_month_letters_name_their_month() -> None:
    rows = [["Activity", "Lead", "2024", "2024"], ["Activity", "Lead", "J a n", "A p r"], ["Train", "WHO", "x", "x"]]
    activity = document_to_workplan(document(table_from_rows(rows))).activities[0]
    assert [(q.year, q.quarter) for q in activity.quarters] == [(2024, 1), (2024, 2)]
