"""Header rows and column roles, on headers real workplans use."""

import pytest

from normalizers.headers import column_headers, columns_from_headers, role_of_header
from normalizers.layout import find_header


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("Identified Priorities", "priority"),
        ("PRIORITY AREAS OF WORK", "priority"),
        ("Strategic Priority", "priority"),
        ("Pillar", "priority"),
        ("Thematic area", "priority"),
        ("Objective", "objective"),
        ("Specific Objectives", "objective"),
        ("Outcome", "objective"),
        ("Sector Output", "output"),
        ("Expected results", "output"),
        ("Sector Indicators", "indicator"),
        ("Deliverables", "activity"),
        ("CONCRETE DELIVERABLES", "activity"),
        ("CONCRETE DELIVERABL ES", "activity"),  # a narrow PDF cell wrapped the word
        ("RESPONSI BLE AGENCY", "lead"),
        ("Key Proposed activities", "activity"),
        ("LCRP activities", "activity"),
        ("Action Point", "activity"),
        ("Priority activities", "activity"),
        ("Tasks", "activity"),
        ("Process Lead/Focal Point", "lead"),
        ("Responsible", "lead"),
        ("LEADS", "lead"),
        ("Lead Agency", "lead"),
        ("Who", "lead"),
        ("Partners", "partners"),
        ("Supporting Partners", "partners"),
        ("Timeline", "timeline"),
        ("TIMELINES & STATUS", "timeline"),
        ("Timeframe", "timeline"),
        ("Deadline", "timeline"),
        ("Status", "status"),
        ("Progress update", "status"),
        ("Comments", "comments"),
        ("Remarks", "comments"),
        ("Q1", "period"),
        ("Q3", "period"),
        ("LINKAGES ACROSS RGs", None),
        ("", None),
        ("Budget (USD)", "budget"),
        ("Data source", None),
        ("Estimated cost", "budget"),
    ],
)
def test_role_of_header(header: str, role: str | None) -> None:
    assert role_of_header(header) == role


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("Key commitments", "activity"),
        ("Key actions", "activity"),
        ("Led by", "lead"),
        ("Support from", "partners"),  # not a start date: "from" names one only as the whole header
        ("Other actors", "partners"),
        ("Organizations involved", "partners"),
        ("In collaboration with", "partners"),
        ("From", "start"),
        ("To", "end"),
        ("Funding partner", "donor"),
        ("Funding required (USD)", None),  # a budget, not who funds
        ("Challenges", "comments"),
        ("Agenda item", "priority"),
        ("LGA", "location"),
        ("Woreda", "location"),
        ("Targeted people", "beneficiaries"),
        ("Acteurs associés", "partners"),
        ("Date butoir", "timeline"),
        ("Du", "start"),
        ("Au", "end"),
        ("Niveau de mise en œuvre", "status"),  # the ligature read as "oe"
        ("État de mise en oeuvre", "status"),
        ("Point de l'ordre du jour", "priority"),
        ("Productos clave", "activity"),
        ("En coordinación con", "partners"),
        ("Fecha prevista", "timeline"),
        ("Desde", "start"),
        ("Hasta", "end"),
        ("Personas a atender", "beneficiaries"),
        ("Produto-chave", "activity"),
        ("Em articulação com", "partners"),
        ("Data-limite", "timeline"),
        ("Até", "end"),
        ("Pessoas alvo", "beneficiaries"),
        ("Ponto de agenda", "priority"),
        ("Apoyan", "partners"),
        ("Appuyé par", "partners"),
        ("Apoiado por", "partners"),
        ("Responsabilité", "lead"),
        ("Responsabilidade", "lead"),
        ("Contributing agencies", "partners"),  # not lead: "agencies" alone is
        ("Contributing organisations", "partners"),
        ("Action by", "lead"),  # not the activity: "action" alone is
        ("Action owner", "lead"),
        ("By whom", "lead"),
        ("Actioned by", "lead"),
        ("Phase", "priority"),
        ("Phases", "priority"),
        ("Response phase", "priority"),
        ("Fase", "priority"),
        ("IPC phase", None),  # "=phase": the whole header only
        ("% complete", "status"),
        ("Percent complete", "status"),
        ("% de réalisation", "status"),
        ("Porcentaje de avance", "status"),
        ("Execução (%)", "status"),
        ("Taxa de execução", "status"),
        ("Periodo de ejecución", "timeline"),  # not the status: "ejecución" alone is
        ("Quarter", "timeline"),  # a long export's period column
        ("trimestre", "timeline"),
        ("Quarter 3", "period"),
        ("Partner agencies", "partners"),  # not lead: "agencies" alone is
        ("Acteur principal", "lead"),
        ("Porteur de l'action", "lead"),
        ("Autres acteurs", "partners"),
        ("Acteurs impliqués", "partners"),
        ("En partenariat avec", "partners"),
        ("Organisations partenaires", "partners"),  # not lead: "organisation" alone is
        ("Niveau d'exécution", "status"),
        ("Actor principal", "lead"),
        ("Encargada", "lead"),
        ("Otros actores", "partners"),
        ("Actores involucrados", "partners"),
        ("En colaboración", "partners"),
        ("Entidades colaboradoras", "partners"),
        ("Organización colaboradora", "partners"),
        ("En alianza con", "partners"),
        ("Nivel de cumplimiento", "status"),
        ("Grado de ejecución", "status"),
        ("Ator principal", "lead"),
        ("Outros atores", "partners"),
        ("Atores envolvidos", "partners"),
        ("Em colaboração", "partners"),
        ("Em parceria com", "partners"),
        ("Entidade parceira", "partners"),
        ("Grau de execução", "status"),
        ("Data prevista", "timeline"),
        ("Resp.", "lead"),  # abbreviations, as a whole header only
        ("Ptnrs", "partners"),
        ("Parc.", "partners"),
        ("Soc.", "partners"),
        ("St.", "status"),
        ("Est.", "status"),
        ("Obj.", "objective"),
        ("Act.", "activity"),
        ("Ini.", "start"),
        ("St. Louis office", None),
        ("Resp. unit", None),
    ],
)
def test_role_of_header_beyond_the_common_words(header: str, role: str | None) -> None:
    assert role_of_header(header) == role


def test_two_row_header_with_timeline_over_quarters() -> None:
    grid = [
        ["Sector Output", "Key Proposed activities", "2020 Timeline", "2020 Timeline", "Responsible"],
        ["Sector Output", "Key Proposed activities", "Q1", "Q2", "Responsible"],
        ["Output 4.1", "Develop a monitoring mechanism", "x", "x", "UNICEF"],
    ]
    assert find_header(grid) == (0, 2)
    columns = columns_from_headers(column_headers(grid[:2]), [[r[c] for r in grid[2:]] for c in range(5)])
    assert [c.role for c in columns] == ["output", "activity", "period", "period", "lead"]
    assert columns[2].period is not None and columns[2].period.year == 2020 and columns[2].period.quarters == (1,)


def test_title_row_above_header_is_skipped() -> None:
    grid = [["Review Action Points", "Review Action Points"], ["Action Point", "Status"], ["Updates", "Updates"]]
    assert find_header(grid) == (1, 1)


def test_body_without_header_has_none() -> None:
    grid = [["Tripoli", "Workplan completed."], ["Akkar", "Rotating NGO co-chairs (4m)."]]
    assert find_header(grid) is None


def test_of_several_activity_columns_the_leaf_has_most_distinct_texts() -> None:
    headers = [["LCRP activities"], ["Key Proposed activities"], ["Responsible"]]
    texts = [["Support policies", "Support policies", "Support policies"], ["a", "b", "c"], ["UNICEF"] * 3]
    roles = [c.role for c in columns_from_headers(headers, texts)]
    assert roles == ["other", "activity", "lead"]


def test_a_quarter_over_a_line_that_is_no_period_makes_no_period_column() -> None:
    # Found by fuzzing: "Q3" over a garbled line gave a period column without a period.
    columns = columns_from_headers([["Q3", "\x113"], ["Q4"]], [["x"], ["x"]])
    assert [(c.role, c.period is not None) for c in columns] == [("other", False), ("period", True)]


@pytest.mark.parametrize(
    ("headers", "roles"),
    [
        (["Objetivo", "Resultado", "Actividad"], ["objective", "output", "activity"]),  # outcome under objective
        (["Objective", "Outcome", "Output", "Activity"], ["objective", "objective", "output", "activity"]),  # held
        (["Pillar", "Theme", "Activity"], ["priority", "objective", "activity"]),
        (["Output", "Result", "Activity"], ["output", "output", "activity"]),  # never an indicator
    ],
)
def test_a_second_column_of_one_context_level_is_the_level_below(headers: list[str], roles: list[str]) -> None:
    texts = [["a", "b"], ["c", "d"], ["Train the teachers of the camp", "Repair the roofs"], ["e", "f"]]
    columns = columns_from_headers([[header] for header in headers], texts[: len(headers)])
    assert [c.role for c in columns] == roles


@pytest.mark.parametrize(
    ("header", "quarters"),
    [("Due Q2", (2,)), ("Échéance T3", (3,)), ("Deadline (H2)", (3, 4)), ("Plazo T1", (1,)), ("Deadline", None)],
)
def test_a_deadline_word_before_a_period_heads_that_period(header: str, quarters: tuple[int, ...] | None) -> None:
    [column] = columns_from_headers([[header]], [["2029-05-03 00:00:00"]])
    assert (column.period.quarters if column.period else None) == quarters
    assert column.role == ("period" if quarters else "timeline")


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("Órgãoresponsável", "lead"),  # "Órgão" / "responsável" on two lines of a narrow PDF cell, run together
        ("Leadorganisation", "lead"),
        ("Structurepartenaire", "partners"),
        ("Socios deapoyo", "partners"),
        ("Resultadoesperado", "output"),
        ("Whole", None),  # too short to be two words: never "who" + "le"
        ("Withdrawal", None),
        ("Stakeholders", None),
        ("Meansofverification", None),
        ("Distribute shelter kitstoday now", None),  # four words: body text, not a header
    ],
)
def test_header_words_a_pdf_ran_together(header: str, role: str | None) -> None:
    assert role_of_header(header) == role


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("Objetivos, resultados ● . atividades", "activity"),  # OCR read a speck and the "e" as "● ."
        ("Objectives • outputs · activities", "activity"),
        ("Objetivos, resultados e atividades", "activity"),
        ("Objectives ● .", "objective"),  # noise naming no second piece changes nothing
    ],
)
def test_ocr_noise_between_header_words_parts_a_joint_header(header: str, role: str) -> None:
    texts = [["Goal", "Train staff", "Map sites"], ["UNICEF", "IOM", "NRC"]]
    columns = columns_from_headers([[header], ["Lead"]], texts)
    assert columns[0].role == role
