"""The holdout's eleventh batch: four new plans (Kenya, Burkina Faso, Mexico, Mozambique) kept as records, boards and
drawings rather than one grid, in shapes the first ten batches do not have.

A small two-column table per activity (labelled rows: activity, lead, partners, timeline, status) under headings or
with the context in rows of its own; a plan tool's "key: value" text export; a status board (columns `Not started |
Ongoing | On hold | Completed`, each activity a card under its status, a swimlane per objective); a table per
objective side by side on one sheet, two empty columns between; a Gantt drawn as bars (rectangles) under month
labels on slides; quarter columns of a July-to-June fiscal year explained by a note above the table and headed by
their calendar months (`Jul–Sep 2027`) or as `2027-Q3`; quarters headed `1T 2027`, `Trim. 1`, `2027-T1`; a CSV and
a TSV with a units row under the header; partner cells ending `+3 others`; leads written `Agency (Name, Title)`;
sub-activities as a numbered list under the activity's text in a Word table whose header row repeats and whose rows
may break across pages; a landscape table printed sideways on portrait PDF pages. The gold conventions are in
`cards.py`.
"""

from __future__ import annotations

from bench.holdout.layout import Layout as D

KENYA_NOTE = (
    "Quarters follow the Government of Kenya fiscal year 2027/28 (1 July 2027 – 30 June 2028): "
    "Jul–Sep 2027 is the first quarter of FY2027/28 and Apr–Jun 2028 the fourth."
)

BATCH11: tuple[D, ...] = (
    # ---- Kenya refugee education working group (en), fiscal year July 2027 – June 2028: fiscal quarters headed by
    # their calendar months under a note; a Gantt drawn as bars over fiscal months; a table with quarters headed
    # `2027-Q3` printed sideways on portrait pages; a plan tool's key: value export
    D(
        "kenya_refugee-education-wg_workplan_fy2027-28.xlsx",
        "ken_edu",
        ("objective", "output", "activity", "lead", "partners", "fq", "status"),
        qhdr="{crange} {cy}",
        mark="x",
        partners_more=True,
        note=KENYA_NOTE,
        hdr={
            "objective": "Objective",
            "output": "Output",
            "activity": "Activity",
            "lead": "Lead",
            "partners": "Partners",
            "status": "Status",
        },
        pre=("title", "explanation"),
        axes=("header:fiscal-quarters-as-calendar-months",),
    ),
    D(
        "kenya_refugee-education-wg_timeline_fy2027-28.pptx",
        "ken_edu",
        ("activity", "lead", "months2y"),
        ctx={"objective": "heading"},
        label={"objective": "full"},
        gantt_shapes=True,
        hdr={"activity": "Activity", "lead": "Lead"},
        pre=("title", "subtitle"),
        pdf=True,
    ),
    D(
        "kenya_refugee-education-wg_matrix_fy2027-28.docx",
        "ken_edu",
        ("num", "activity", "lead", "partners", "fq", "status"),
        ctx={"objective": "section", "output": "section_cells"},
        label={"objective": "full", "output": "full"},
        qhdr="{cy}-Q{cn}",
        mark="✓",
        hdr={"num": "No.", "activity": "Activity", "lead": "Lead", "partners": "Partners", "status": "Status"},
        landscape=True,
        pre=("title", "subtitle"),
        pdf=True,
        sideways=True,
        axes=("header:quarters-year-dash-q",),
    ),
    D(
        "kenya_refugee-education-wg_export_fy2027-28.txt",
        "ken_edu",
        ("ref", "objective", "output", "activity", "lead", "partners", "fperiod", "status"),
        ctx={"objective": "col_repeat", "output": "col_repeat"},
        records="kv",
        hdr={
            "ref": "Activity ID",
            "objective": "Objective",
            "output": "Output",
            "activity": "Activity",
            "lead": "Lead agency",
            "partners": "Partners",
            "fperiod": "Period",
            "status": "Status",
        },
        pre=("title", "updated"),
    ),
    # ---- Burkina Faso shelter / NFI cluster (fr): a record table per activity under headings, leads with their focal
    # person and title; a status board; a CSV with a units row, quarters headed `2027-T1`
    D(
        "burkina-faso_cluster-abris-ame_plan-travail_2027.docx",
        "bfa_abris",
        ("activity", "lead", "partners", "q", "status"),
        ctx={"objective": "heading", "output": "heading"},
        label={"objective": "full", "output": "full"},
        records="table",
        lead_person=True,
        hdr={"activity": "Activité", "lead": "Chef de file", "partners": "Partenaires", "status": "État"},
        pre=("title", "subtitle"),
        pdf=True,
    ),
    D(
        "burkina-faso_cluster-abris-ame_tableau-suivi_2027.xlsx",
        "bfa_abris",
        ("objective", "activity", "lead", "q", "status"),
        ctx={"objective": "col_repeat"},
        label={"objective": "full"},
        kanban=True,
        hdr={"objective": "Objectif", "activity": "Activité", "lead": "Chef de file", "status": "État"},
        pre=("title", "updated"),
    ),
    D(
        "burkina-faso_cluster-abris-ame_matrice_2027.csv",
        "bfa_abris",
        ("objective", "output", "activity", "lead", "partners", "beneficiaries", "budget", "q", "status"),
        ctx={"objective": "col_repeat", "output": "col_repeat"},
        delimiter=";",
        qhdr="{y}-T{n}",
        mark="x",
        units={"beneficiaries": "ménages", "budget": "USD", "q": "x = prévu"},
        hdr={
            "objective": "Objectif",
            "output": "Résultat",
            "activity": "Activité",
            "lead": "Chef de file",
            "partners": "Partenaires",
            "beneficiaries": "Cible",
            "budget": "Budget",
            "status": "État",
        },
        pre=(),
        axes=("header:quarters-year-dash-t",),
    ),
    # ---- Mexico protection working group, southern border (es): a table per objective side by side on one sheet,
    # quarters headed `1T 2027`; a Word table with sub-activities as numbered lists, its header row repeated and its
    # rows breaking across pages; a TSV with a units row and partners ending `y 3 más`
    D(
        "mexico_gt-proteccion-frontera-sur_plan-trabajo_2027.xlsx",
        "mex_prot",
        ("output", "activity", "lead", "partners", "q", "status"),
        ctx={"objective": "heading"},
        label={"objective": "full"},
        side_tables=True,
        qhdr="{n}T {y}",
        mark="X",
        hdr={
            "output": "Resultado",
            "activity": "Actividad",
            "lead": "Responsable",
            "partners": "Socios",
            "status": "Estado",
        },
        pre=("title", "subtitle"),
        axes=("header:quarters-number-t-year",),
    ),
    D(
        "mexico_gt-proteccion-frontera-sur_plan-trabajo_2027.docx",
        "mex_prot",
        ("num", "activity", "lead", "partners", "q", "status"),
        ctx={"objective": "section", "output": "section_cells"},
        label={"objective": "full", "output": "full"},
        steps=True,
        qhdr="Trim. {n}",
        mark="●",
        hdr={"num": "N.º", "activity": "Actividad", "lead": "Responsable", "partners": "Socios", "status": "Estado"},
        pre=("title", "subtitle"),
        font_pt=10,
        pdf=True,
        axes=("header:quarters-trim-abbreviation", "table:rows-break-across-pages"),
    ),
    D(
        "mexico_gt-proteccion-frontera-sur_matriz_2027.tsv",
        "mex_prot",
        ("objective", "activity", "lead", "partners", "start", "end", "beneficiaries", "status"),
        ctx={"objective": "col_repeat"},
        delimiter="\t",
        partners_more=True,
        units={"start": "dd/mm/aaaa", "end": "dd/mm/aaaa", "beneficiaries": "personas"},
        hdr={
            "objective": "Objetivo",
            "activity": "Actividad",
            "lead": "Responsable",
            "partners": "Socios",
            "start": "Inicio",
            "end": "Fin",
            "beneficiaries": "Meta",
            "status": "Estado",
        },
        pre=(),
    ),
    # ---- Mozambique early recovery working group (pt): a record table per activity with the context in rows of its
    # own; a status board; a workbook with leads as `Agência (Nome, cargo)` and partners ending `+3 outros`; a Gantt
    # drawn as bars under calendar months
    D(
        "mocambique_gt-recuperacao-precoce_fichas-atividades_2027.docx",
        "moz_rec",
        ("objective", "output", "activity", "lead", "partners", "q", "status"),
        ctx={"objective": "col_repeat", "output": "col_repeat"},
        records="table",
        hdr={
            "objective": "Objetivo",
            "output": "Resultado",
            "activity": "Atividade",
            "lead": "Responsável",
            "partners": "Parceiros",
            "status": "Estado",
        },
        pre=("title", "subtitle"),
    ),
    D(
        "mocambique_gt-recuperacao-precoce_quadro-kanban_2027.xlsx",
        "moz_rec",
        ("objective", "activity", "lead", "q", "status"),
        ctx={"objective": "col_repeat"},
        kanban=True,
        hdr={"objective": "Objetivo", "activity": "Atividade", "lead": "Responsável", "status": "Estado"},
        pre=("title", "updated"),
    ),
    D(
        "mocambique_gt-recuperacao-precoce_plano-trabalho_2027.xlsx",
        "moz_rec",
        ("objective", "output", "activity", "lead", "partners", "q", "status"),
        label={"objective": "full"},
        qhdr="{range} {y}",
        mark="X",
        lead_person=True,
        partners_more=True,
        hdr={
            "objective": "Objetivo",
            "output": "Resultado",
            "activity": "Atividade",
            "lead": "Responsável",
            "partners": "Parceiros",
            "status": "Estado",
        },
        pre=("title", "subtitle", "updated"),
    ),
    D(
        "mocambique_gt-recuperacao-precoce_cronograma_2027.pptx",
        "moz_rec",
        ("activity", "lead", "months"),
        ctx={"objective": "heading"},
        gantt_shapes=True,
        hdr={"activity": "Atividade", "lead": "Responsável"},
        pre=("title", "subtitle"),
        pdf=True,
    ),
)
