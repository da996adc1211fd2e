"""One fixture per layout class and language (tools/fixtures/layout.py, layout_languages.py, layout_cues.py for
the classes read from content, shading and headings, layout_numbering.py and layout_bands.py for the numbering
schemes, bands and headings the shadow holdout found, layout_lists.py for its bullet lists in cells, phase
columns and merged actor cells, layout_printed.py for Office documents printed to PDF, layout_exports.py for a
long export under comment lines, half-year or quarter columns numbered in Roman or abbreviated, and the lead
and the support labelled in one cell, layout_actor_lines.py for them on unlabelled lines, layout_heading_levels.py
for tables under two heading levels and side by side under a slide title and slides titled by a result statement or
a theme's name, layout_headers.py for actor, status and
quarter header wordings no word or pattern named before, layout_quarters.py for quarters headed by their months'
initials under a merged year, layout_nesting.py for contexts nested under a slide title or a column to their left and
quarter columns holding due dates, layout_month_initials.py for month columns headed by single initials,
layout_minutes.py for action points written as numbered paragraphs, layout_lights.py for traffic-light statuses
read through their legend, layout_pasted_header.py for a header pasted into the body under a note row and a band
carried over a "(continued)" slide,
layout_coleads.py for co-leads in brackets and bulleted actor lines, layout_keys.py for abbreviated headers and
status codes spelt out by a key, quarters of two years in one header row, focal persons in lead cells and dated
statuses, layout_drawn.py for tables drawn as grids of text boxes or nested in another table's cells, printed or
not, and tracked changes, layout_outline.py for objectives, outputs and activities in one column told apart only by
indentation or by bold and italic type, layout_prose.py for workplans written as prose with labelled lines and no table,
layout_lead_bands.py for bands naming the lead of a table with no lead column, layout_amounts.py for quarter
columns holding budget amounts or shares, layout_pdf_levels.py for such levels printed to PDF in italics, without
borders or across a page break, layout_shared_parts.py for nested tables whose header stands in the first only, day
ranges in words in a document of no known language and a working group's band among lead bands, layout_records.py
for a two-column table per activity under headings or with its context in rows, in Word, printed and down a sheet,
layout_boards.py for status boards: a column per status, a card per activity, swimlanes as context,
layout_side_tables.py for tables side by side on one sheet under their objective headings, an outcome column under
each, layout_gantt_shapes.py for Gantts drawn on slides as text boxes and filled bars, and those slides printed to
PDF, layout_joined_leads.py for lead cells joining two bodies with "with" / "com" and slides whose later tables
reorder their columns, layout_strokes.py for quarter marks carrying footnote markers, statuses as a symbol alone read
through a legend row, a key line or their usual meaning, and struck-through activities read as cancelled,
layout_second_tables.py for the lead and partners in a second table joined by the activity's code and a CSV
holding a totals block and a table of focal points under its rows,
layout_turned.py for tables turned (an activity per column, a field per row) and workbooks with a sheet per quarter,
layout_renders.py for rows struck through, compounds broken at their hyphen and tables nested in another's cells
with the header in the first only, and cells' last lines set apart by space, in PDF renders,
layout_unit_leads.py for leads named by a unit of their agency and partners closed by a collective, in a turned
calendar and a second table of leads) read as its golden says."""

from pathlib import Path

import pytest

from normalizers.prose_activities import read_document
from normalizers.workplan import document_to_workplan
from tests.pipeline.test_golden_samples import (
    FIXTURES,
    failure_message,
    field_differences,
    load_golden,
    normalise,
)
from tools.fixtures.layout_actor_lines import LIGNES_ROLES, LINES_ROLES
from tools.fixtures.layout_coleads import COLEAD_ROLES
from tools.fixtures.layout_exports import ETIQUETADOS_ROLES, LABELLED_ROLES
from tools.fixtures.layout_joined_leads import JOINED_LEADS
from tools.fixtures.layout_keys import CONTACT_LEADS
from tools.fixtures.layout_unit_leads import UNIT_LEADS

ROLES = ("lead", "partner")
CASES = [
    FIXTURES / "xlsx" / "note-rows-above-header.xlsx",
    FIXTURES / "docx" / "numbered-heading-rows.docx",
    FIXTURES / "docx" / "heading-above-each-table.docx",
    FIXTURES / "xlsx" / "partner-matrix-4w.xlsx",
    FIXTURES / "docx" / "plan-action-fr.docx",
    FIXTURES / "xlsx" / "plan-accion-es.xlsx",
    FIXTURES / "text" / "plano-accao-pt-2026.csv",
    FIXTURES / "text" / "matrice-3w-2027.csv",
    FIXTURES / "xlsx" / "unmerged-band-rows.xlsx",
    FIXTURES / "docx" / "headings-above-tables.docx",
    FIXTURES / "pptx" / "slide-titles-over-bands.pptx",
    FIXTURES / "docx" / "letter-code-headings.docx",
    FIXTURES / "xlsx" / "letter-suffix-codes.xlsx",
    FIXTURES / "docx" / "roman-bands-label-pairs.docx",
    FIXTURES / "xlsx" / "bands-after-empty-code.xlsx",
    FIXTURES / "docx" / "band-in-context-column.docx",
    FIXTURES / "docx" / "activity-column-unnamed.docx",
    FIXTURES / "xlsx" / "labelled-sheet-titles.xlsx",
    FIXTURES / "xlsx" / "headers-per-group-total-row.xlsx",
    FIXTURES / "xlsx" / "numbered-bands-under-labels.xlsx",
    FIXTURES / "docx" / "description-column-levels.docx",
    FIXTURES / "docx" / "bullet-list-cells.docx",
    FIXTURES / "docx" / "phase-column-merged-actors.docx",
    FIXTURES / "xlsx" / "dash-bullets-in-sheet.xlsx",
    FIXTURES / "pdf" / "printed-sheet-spacer-rows.pdf",
    FIXTURES / "pdf" / "printed-sheet-month-gantt.pdf",
    FIXTURES / "pdf" / "titled-slides-last-row-alone.pdf",
    FIXTURES / "pdf" / "compound-line-breaks.pdf",
    FIXTURES / "pdf" / "borderless-merged-objective-breaks.pdf",
    FIXTURES / "pdf" / "borderless-coded-line-breaks.pdf",
    FIXTURES / "pdf" / "printed-sheet-one-line-rows.pdf",
    FIXTURES / "pdf" / "sheet-across-pages.pdf",
    FIXTURES / "text" / "export-trimestres-fr.csv",
    FIXTURES / "xlsx" / "semestres-romanos-es.xlsx",
    FIXTURES / "docx" / "trimestres-abreviados-pt.docx",
    FIXTURES / "docx" / "lead-support-one-cell.docx",
    FIXTURES / "xlsx" / "lider-apoyo-una-celda-es.xlsx",
    FIXTURES / "docx" / "porteur-autres-acteurs-fr.docx",
    FIXTURES / "xlsx" / "actor-principal-colaboradoras-es.xlsx",
    FIXTURES / "text" / "ator-principal-parceria-pt-2028.csv",
    FIXTURES / "xlsx" / "trimestres-1t-es.xlsx",
    FIXTURES / "docx" / "trimestre-romano-pt.docx",
    FIXTURES / "docx" / "chef-de-file-partenaires-lignes-fr.docx",
    FIXTURES / "xlsx" / "lead-partners-by-line.xlsx",
    FIXTURES / "docx" / "dos-niveles-de-titulos-es.docx",
    FIXTURES / "pptx" / "tabelas-lado-a-lado-pt.pptx",
    FIXTURES / "docx" / "initiales-trimestres-fr.docx",
    FIXTURES / "text" / "iniciales-dos-anos-es.csv",
    FIXTURES / "xlsx" / "iniciais-hifenizadas-pt.xlsx",
    FIXTURES / "pptx" / "diapos-objectif-suite-fr.pptx",
    FIXTURES / "pptx" / "diapositivos-produto-continuacao-pt.pptx",
    FIXTURES / "text" / "objetivo-resultado-cp1252-pt-2029.csv",
    FIXTURES / "xlsx" / "due-dates-by-quarter-en.xlsx",
    FIXTURES / "docx" / "iniciales-de-meses-es.docx",
    FIXTURES / "text" / "month-initials-only-header-en-2029.csv",
    FIXTURES / "docx" / "action-points-paragraphs-en.docx",
    FIXTURES / "docx" / "points-d-action-sans-titre-fr.docx",
    FIXTURES / "docx" / "compromissos-marcadores-pt.docx",
    FIXTURES / "docx" / "numbered-narrative-no-points.docx",
    FIXTURES / "pdf" / "acuerdos-impresos-es.pdf",
    FIXTURES / "xlsx" / "semaforo-leyenda-es.xlsx",
    FIXTURES / "docx" / "rag-key-under-table-en.docx",
    FIXTURES / "docx" / "pasted-header-continued-en.docx",
    FIXTURES / "docx" / "encabezado-pegado-continuacion-es.docx",
    FIXTURES / "docx" / "co-lideranca-marcadores-pt.docx",
    FIXTURES / "pptx" / "continued-slide-band-at-foot-en.pptx",
    FIXTURES / "text" / "clave-abreviaturas-es-2031.csv",
    FIXTURES / "docx" / "key-above-two-years-en.docx",
    FIXTURES / "xlsx" / "point-focal-etat-date-fr.xlsx",
    FIXTURES / "text" / "focal-point-dated-status-en-2031.csv",
    FIXTURES / "pptx" / "grille-zones-de-texte-fr.pptx",
    FIXTURES / "pptx" / "grelha-objetivo-caixa-alta-pt.pptx",
    FIXTURES / "pdf" / "grelha-caixas-impressa-pt.pdf",
    FIXTURES / "docx" / "nested-output-tables-en.docx",
    FIXTURES / "docx" / "tablas-anidadas-resultado-es.docx",
    FIXTURES / "pdf" / "nested-output-tables-printed-en.pdf",
    FIXTURES / "docx" / "alteracoes-controladas-pt.docx",
    FIXTURES / "docx" / "indented-levels-en.docx",
    FIXTURES / "xlsx" / "niveaux-gras-italique-fr.xlsx",
    FIXTURES / "xlsx" / "sangria-objetivos-es.xlsx",
    FIXTURES / "text" / "recuo-espacos-pt-2031.csv",
    FIXTURES / "pdf" / "indented-levels-printed-en.pdf",
    FIXTURES / "pdf" / "negrita-objetivos-impreso-es.pdf",
    FIXTURES / "pptx" / "diapositivo-negrito-italico-pt.pptx",
    FIXTURES / "docx" / "plan-en-prose-fr.docx",
    FIXTURES / "docx" / "plano-em-prosa-pt.docx",
    FIXTURES / "pdf" / "plan-en-prosa-impreso-es.pdf",
    FIXTURES / "docx" / "report-single-labelled-lines-en.docx",
    FIXTURES / "xlsx" / "bandas-lider-es.xlsx",
    FIXTURES / "text" / "faixas-lider-pt-2032.csv",
    FIXTURES / "docx" / "theme-bands-no-lead-en.docx",
    FIXTURES / "docx" / "cluster-bands-no-lead-en.docx",
    FIXTURES / "xlsx" / "budget-trimestres-fr.xlsx",
    FIXTURES / "text" / "quarter-amounts-en-2032.csv",
    FIXTURES / "docx" / "parcelas-trimestrais-pt.docx",
    FIXTURES / "text" / "presupuesto-niveles-es-2032.csv",
    FIXTURES / "pdf" / "italic-outputs-printed-en.pdf",
    FIXTURES / "pdf" / "sangria-sin-bordes-impreso-es.pdf",
    FIXTURES / "pdf" / "coupure-de-page-fr.pdf",
    FIXTURES / "docx" / "tabelas-aninhadas-cabecalho-unico-pt.docx",
    FIXTURES / "text" / "intervalos-dias-sem-lingua-2033.csv",
    FIXTURES / "xlsx" / "faixa-grupo-trabalho-pt.xlsx",
    FIXTURES / "text" / "twg-band-among-leads-en-2033.csv",
    FIXTURES / "docx" / "record-tables-under-headings-en.docx",
    FIXTURES / "docx" / "fichas-contexto-en-filas-es.docx",
    FIXTURES / "xlsx" / "fichas-empilhadas-folha-pt.xlsx",
    FIXTURES / "pdf" / "fiches-activite-imprimees-fr.pdf",
    FIXTURES / "docx" / "project-sheet-no-activity-en.docx",
    FIXTURES / "xlsx" / "kanban-output-column-en.xlsx",
    FIXTURES / "xlsx" / "tablero-estados-franjas-es.xlsx",
    FIXTURES / "xlsx" / "tableaux-cote-a-cote-fr.xlsx",
    FIXTURES / "pptx" / "gantt-barres-mois-fr.pptx",
    FIXTURES / "pptx" / "cronograma-grupo-escalado-es.pptx",
    FIXTURES / "pptx" / "gantt-centred-wrapped-en.pptx",
    FIXTURES / "pdf" / "gantt-barres-mois-imprime-fr.pdf",
    FIXTURES / "pdf" / "gantt-centred-wrapped-printed-en.pdf",
    FIXTURES / "pptx" / "result-statement-titles-en.pptx",
    FIXTURES / "pptx" / "titres-themes-diapos-fr.pptx",
    FIXTURES / "pptx" / "joined-leads-reordered-slides-en.pptx",
    FIXTURES / "text" / "responsaveis-unidos-com-pt-2035.csv",
    FIXTURES / "docx" / "footnoted-marks-en.docx",
    FIXTURES / "text" / "marcas-con-notas-es-2031.csv",
    FIXTURES / "xlsx" / "symboles-legende-fr.xlsx",
    FIXTURES / "text" / "status-circles-key-en-2031.csv",
    FIXTURES / "docx" / "simbolos-sem-legenda-pt.docx",
    FIXTURES / "xlsx" / "linhas-riscadas-pt.xlsx",
    FIXTURES / "docx" / "filas-tachadas-es.docx",
    FIXTURES / "docx" / "qui-fait-quoi-par-code-fr.docx",
    FIXTURES / "xlsx" / "responsables-por-codigo-es.xlsx",
    FIXTURES / "text" / "tracker-blocks-under-rows-en-2036.csv",
    FIXTURES / "xlsx" / "calendar-turned-months-en.xlsx",
    FIXTURES / "xlsx" / "plan-tourne-trimestres-fr.xlsx",
    FIXTURES / "xlsx" / "sheet-per-quarter-en.xlsx",
    FIXTURES / "xlsx" / "folha-por-trimestre-pt.xlsx",
    FIXTURES / "pdf" / "lignes-barrees-imprimees-fr.pdf",
    FIXTURES / "pdf" / "struck-rows-printed-sheet-en.pdf",
    FIXTURES / "pdf" / "compostos-quebrados-impressos-pt.pdf",
    FIXTURES / "pdf" / "nested-header-once-printed-en.pdf",
    FIXTURES / "pdf" / "spaced-last-lines-printed-en.pdf",
    FIXTURES / "xlsx" / "calendar-turned-unit-leads-en.xlsx",
    FIXTURES / "docx" / "responsables-unidades-por-codigo-es.docx",
]


@pytest.mark.parametrize("path", CASES, ids=lambda path: path.name)
def test_layout_fixture_reads_as_its_golden(path: Path) -> None:
    expected = load_golden(path.stem)
    workplan = document_to_workplan(read_document(path))
    activities = workplan.activities
    assert [normalise(a.activity, False) for a in activities] == [row["activity"] for row in expected["activities"]]
    lines = field_differences(expected["activities"], activities, False)
    assert not lines, failure_message(lines)
    assert workplan.meta.year == expected["year"]
    assert not workplan.issues


@pytest.mark.parametrize(
    ("path", "language"),
    [(CASES[0], "en"), (CASES[4], "fr"), (CASES[5], "es"), (CASES[6], "pt")],
    ids=lambda value: value if isinstance(value, str) else value.name,
)
def test_language_of_each_fixture(path: Path, language: str) -> None:
    assert document_to_workplan(read_document(path)).meta.language == language


def test_partner_matrix_keeps_the_donor_apart() -> None:
    activities = document_to_workplan(read_document(CASES[3])).activities
    roles = [sorted({ref.role for ref in activity.actors}) for activity in activities]
    assert roles == [["donor", "lead", "partner"], ["donor", "lead"]]
    assert [ref.raw for ref in activities[0].actors if ref.role == "donor"] == ["Humanitarian Fund"]


@pytest.mark.parametrize(
    ("name", "roles"),
    [
        ("docx/lead-support-one-cell.docx", LABELLED_ROLES),
        ("xlsx/lider-apoyo-una-celda-es.xlsx", ETIQUETADOS_ROLES),
        ("docx/chef-de-file-partenaires-lignes-fr.docx", LIGNES_ROLES),
        ("xlsx/lead-partners-by-line.xlsx", LINES_ROLES),
        ("docx/co-lideranca-marcadores-pt.docx", COLEAD_ROLES),
    ],
)
def test_lead_and_support_in_one_cell_take_their_roles(name: str, roles: list[list[tuple[str, str]]]) -> None:
    activities = document_to_workplan(read_document(FIXTURES / name)).activities
    assert [[(ref.role, ref.raw) for ref in activity.actors] for activity in activities] == roles


@pytest.mark.parametrize("name", CONTACT_LEADS)
def test_focal_person_and_email_are_no_actors(name: str) -> None:
    activities = document_to_workplan(read_document(FIXTURES / name)).activities
    leads = [[ref.raw for ref in activity.actors if ref.role == "lead"] for activity in activities]
    assert leads == CONTACT_LEADS[name]
    assert any("@" in (activity.lead_raw or "") for activity in activities)  # the cell's text kept whole


def test_a_joint_lead_band_gives_each_agency_the_lead() -> None:
    activities = document_to_workplan(read_document(FIXTURES / "xlsx" / "bandas-lider-es.xlsx")).activities
    joint = next(activity for activity in activities if activity.lead_raw == "OPS / Ministerio de Salud")
    assert [ref.raw for ref in joint.actors if ref.role == "lead"] == ["OPS", "Ministerio de Salud"]
    assert not any(activity.priority for activity in activities)


@pytest.mark.parametrize("name", JOINED_LEADS)
def test_bodies_joined_in_a_lead_cell_are_leads_each(name: str) -> None:
    activities = document_to_workplan(read_document(FIXTURES / name)).activities
    assert [[ref.raw for ref in activity.actors if ref.role == "lead"] for activity in activities] == JOINED_LEADS[name]


@pytest.mark.parametrize("name", UNIT_LEADS)
def test_a_unit_of_an_agency_leads_as_the_agency(name: str) -> None:
    activities = document_to_workplan(read_document(FIXTURES / name)).activities
    found = [
        tuple([ref.actor_id for ref in activity.actors if ref.role == role and ref.actor_id] for role in ROLES)
        for activity in activities
    ]
    assert found == UNIT_LEADS[name]
    assert all(activity.lead_raw and " " in activity.lead_raw for activity in activities)  # the unit kept in the text
