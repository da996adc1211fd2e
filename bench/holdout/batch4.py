"""The holdout's fourth batch: five new plans (Sudan, Mali, Colombia, Timor-Leste, Lebanon) in layouts unlike the
first three batches'.

An inter-sector workplan whose activities are numbered 1.1.1 under bands, its quarter columns headed by the
months they span ("Jan–Mar 2026") or by day ranges ("01/01–31/03"), in DOCX, XLSX and a slide deck; a French
nutrition plan with a header over the actor columns and full month names ticked with dots, printed borderless,
and its CSV export with semicolons and a byte-order mark; a Spanish action plan with half-year columns under
unshaded bands and a target-date list printed from Word; a Portuguese plan whose month Gantt is shaded, and its
actions on slides; a 4W matrix with an admin-2 column in a workbook, a CSV and a landscape Word table.
"""

from __future__ import annotations

from bench.holdout.layout import Layout as D

BATCH4: tuple[D, ...] = (
    # ---- Sudan ISCG (en): 1.1.1 activity codes under bands, quarters headed by month ranges
    D(
        "sudan_iscg_joint-workplan_2026.docx",
        "sdn_isc",
        ("num", "activity", "lead", "partners", "q", "status"),
        ctx={"priority": "section", "objective": "section_cells"},
        label={"priority": "num", "objective": "num"},
        qhdr="{range} {y}",
        hdr={"activity": "Sub-activity", "lead": "Lead", "partners": "Partners"},
        mark="X",
        landscape=True,
        font_pt=9,
        pre=("title", "subtitle", "updated"),
        pdf=True,
    ),
    D(
        "sudan_iscg_joint-workplan_2026.xlsx",
        "sdn_isc",
        ("priority", "objective", "num", "activity", "lead", "partners", "q", "comments"),
        ctx={"priority": "col_repeat", "objective": "col_repeat"},
        qhdr="{days}",
        two_row=True,
        mark="x",
        hdr={"comments": "Remarks"},
        pre=("title", "note"),
    ),
    D(
        "sudan_iscg_workplan-slides_2026.pptx",
        "sdn_isc",
        ("num", "activity", "lead", "q"),
        ctx={"priority": "heading", "objective": "section"},
        qhdr="{Q}",
        mark="●",
        rows_per_slide=5,
        pre=("title",),
        pdf=True,
    ),
    # ---- Mali nutrition cluster (fr): a header over the actor columns, full month names, borderless print
    D(
        "mali_cluster-nutrition_plan-de-travail_2026.docx",
        "mli_nut",
        ("num", "activity", "lead", "partners", "months", "status"),
        ctx={"priority": "label_pair", "objective": "section"},
        label={"priority": "full", "objective": "num"},
        months="full",
        mark="●",
        actor_group="Responsabilité",
        hdr={"lead": "Chef de file", "partners": "Partenaires d'appui", "activity": "Activités"},
        ruled=False,
        landscape=True,
        font_pt=7,
        pre=("title", "subtitle"),
        pdf=True,
    ),
    D(
        "mali_cluster-nutrition_plan-de-travail_2026.csv",
        "mli_nut",
        ("priority", "objective", "activity", "lead", "partners", "timeframe", "status"),
        delimiter=";",
        bom=True,
        pre=(),
    ),
    # ---- Colombia education in emergencies (es): half-years under unshaded bands; a target-date list
    D(
        "colombia_mesa-eee_matriz-seguimiento_2026.xlsx",
        "col_eie",
        ("num", "activity", "lead", "partners", "halves", "status", "comments"),
        ctx={"priority": "section"},
        label={"priority": "full"},
        section_fill="",
        mark="x",
        spacer_rows=True,
        hdr={"activity": "Acciones", "lead": "Responsable", "partners": "Aliados"},
        pre=("title", "subtitle"),
        pdf=True,
    ),
    D(
        "colombia_mesa-eee_plan-accion_2026.docx",
        "col_eie",
        ("priority", "activity", "lead", "partners", "target", "comments"),
        ctx={"priority": "col_first"},
        dates="text",
        multiline=True,
        repeat_header=False,
        hdr={"target": "Fecha meta", "partners": "Con el apoyo de"},
        pre=("title", "subtitle"),
        pdf=True,
    ),
    # ---- Timor-Leste food security group (pt): a shaded month Gantt; the same actions on slides
    D(
        "timor-leste_gsa_plano-trabalho_2026.xlsx",
        "tls_sa",
        ("priority", "activity", "lead", "partners", "months", "status"),
        ctx={"priority": "col_first"},
        months="abbr",
        mark="shade:8EA9DB",
        two_row=True,
        hdr={"activity": "Ação", "lead": "Responsável", "partners": "Parceiros"},
        pre=("title", "subtitle"),
        pdf=True,
    ),
    D(
        "timor-leste_gsa_apresentacao-acoes_2026.pptx",
        "tls_sa",
        ("priority", "activity", "lead", "partners", "timeframe", "status"),
        ctx={"priority": "col_merged"},
        hdr={"activity": "Atividade", "timeframe": "Prazo"},
        rows_per_slide=3,
        pre=("title", "subtitle"),
        pdf=True,
    ),
    # ---- Lebanon shelter sector (en): a 4W matrix with an admin-2 column in three formats
    D(
        "lebanon_shelter-sector_4w_2026.xlsx",
        "lbn_shelter",
        ("location", "location2", "lead", "partners", "activity", "beneficiaries", "start", "end", "status"),
        dates="serial",
        hdr={"location": "Governorate", "location2": "District (admin 2)", "lead": "Organization"},
        pre=("title",),
    ),
    D(
        "lebanon_shelter-sector_4w_2026.csv",
        "lbn_shelter",
        ("lead", "partners", "location", "location2", "activity", "start", "end", "status"),
        dates="iso",
        hdr={"location": "Admin1", "location2": "Admin2", "lead": "Reporting org", "partners": "Implementing partner"},
        pre=(),
    ),
    D(
        "lebanon_shelter-sector_4w_2026.docx",
        "lbn_shelter",
        ("location", "location2", "activity", "lead", "partners", "q", "budget"),
        mark="✓",
        landscape=True,
        total_row=True,
        hdr={"location": "Governorate", "location2": "District"},
        pre=("title", "subtitle"),
        pdf=True,
    ),
)
