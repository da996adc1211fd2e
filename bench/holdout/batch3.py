"""The holdout's third batch: plan kinds and layouts unlike the public suite's and the first two batches'.

A results-group workplan with outcome / output / indicator / baseline / target columns (the indicator merged
over its activities), a cluster contingency plan (phases as bands, target dates), minutes whose action points
sit beside a column of discussion prose under merged agenda items, a Gantt of twelve months across two years
under a row of years, tables across pages or slides with the header printed once, lead and partner cells merged
over several activity rows, activities as bullets inside one cell, and a workbook with a sheet per outcome and
hidden rows and columns; in English, French, Spanish and Portuguese.
"""

from __future__ import annotations

from bench.holdout.layout import Layout as D

BATCH3: tuple[D, ...] = (
    # ---- Ethiopia durable solutions results group (en): logframe columns, merged indicators and actors
    D(
        "ethiopia_durable-solutions-rg_joint-workplan_2025.docx",
        "eth_rg",
        ("objective", "output", "indicator", "baseline", "target_value", "activity", "lead", "partners", "q"),
        ctx={"indicator": "col_merged"},
        hdr={
            "indicator": "Indicator",
            "baseline": "Baseline",
            "target_value": "Target 2025",
            "activity": "Key activities",
            "lead": "Lead",
            "partners": "Contributing agencies",
        },
        merge_actors=True,
        mark="X",
        two_row=True,
        pre=("title", "subtitle"),
        landscape=True,
        font_pt=8,
        repeat_header=False,
        pdf=True,
        axes=("kind:results-group",),
    ),
    D(
        "ethiopia_durable-solutions-rg_joint-workplan_2025.xlsx",
        "eth_rg",
        ("ref", "num", "output", "indicator", "activity", "lead", "partners", "start", "end", "status"),
        ctx={"objective": "heading"},
        label={"objective": "full", "output": "num"},
        hdr={"ref": "Internal ID", "activity": "Activity", "lead": "Lead agency", "partners": "Partners"},
        dates="xlsx_date",
        pre=("title", "note"),
        hidden_cols=("ref",),
        hidden_rows=4,
        axes=("kind:results-group",),
    ),
    # ---- Niger protection cluster contingency plan (fr): phases as bands; merged actors, header printed once
    D(
        "niger_cluster-protection_plan-contingence_2025.xlsx",
        "ner_pc",
        ("num", "activity", "lead", "partners", "target", "status", "comments"),
        ctx={"priority": "section"},
        num_style="seq",
        hdr={"activity": "Action de préparation", "target": "Date limite", "lead": "Responsable"},
        pre=("title", "subtitle", "note"),
        dates="dmy",
        axes=("kind:contingency",),
    ),
    D(
        "niger_cluster-protection_plan-contingence_2025.docx",
        "ner_pc",
        ("priority", "activity", "lead", "partners", "timeframe", "status"),
        hdr={"priority": "Phase", "activity": "Action", "partners": "Appui", "timeframe": "Période"},
        merge_actors=True,
        repeat_header=False,
        multiline=True,
        pre=("title", "subtitle"),
        pdf=True,
        axes=("kind:contingency",),
    ),
    # ---- Philippines shelter cluster minutes (en): discussion prose beside the action points
    D(
        "philippines_shelter-cluster_meeting-minutes_2025-10-22.docx",
        "phl_sc",
        ("priority", "discussion", "activity", "lead", "timeframe"),
        hdr={
            "priority": "Agenda item",
            "discussion": "Discussion",
            "activity": "Action points",
            "lead": "Action by",
            "timeframe": "Deadline",
        },
        pre=("title", "subtitle"),
        narrative=True,
        pdf=True,
    ),
    # ---- Venezuela health cluster (es): July-to-June Gantt under a row of years
    D(
        "venezuela_cluster-salud_plan-trabajo_2025-2026.xlsx",
        "ven_salud",
        ("num", "activity", "lead", "partners", "months2y", "status"),
        ctx={"priority": "section", "objective": "section_cells"},
        label={"priority": "full", "objective": "num"},
        months="abbr",
        mark="X",
        hdr={"lead": "Responsable", "partners": "Socios"},
        pre=("title", "subtitle"),
        pdf=True,
    ),
    D(
        "venezuela_cluster-salud_plan-trabajo_2025-2026.docx",
        "ven_salud",
        ("priority", "objective", "activity", "lead", "partners", "months2y"),
        mark="shade:2E75B6",
        months="upper",
        hdr={"activity": "Actividad", "lead": "Lidera", "partners": "Apoyo"},
        landscape=True,
        font_pt=8,
        pre=("title",),
    ),
    # ---- Angola protection working group (pt): slides with the header once; bullets inside one cell
    D(
        "angola_gt-protecao_plano-trabalho_2026.pptx",
        "ago_prot",
        ("priority", "activity", "lead", "partners", "timeframe", "status"),
        ctx={"priority": "col_repeat"},
        hdr={"priority": "Eixo", "activity": "Atividade", "lead": "Responsável", "partners": "Parceiros"},
        header_first_only=True,
        rows_per_slide=4,
        pre=("title", "subtitle"),
        pdf=True,
    ),
    D(
        "angola_gt-protecao_matriz-atividades_2026.docx",
        "ago_prot",
        ("priority", "activity", "lead", "partners", "q", "status"),
        hdr={"activity": "Atividades", "lead": "Responsável", "partners": "Parceiros de apoio"},
        bullets=True,
        mark="X",
        pre=("title", "subtitle"),
        pdf=True,
    ),
    # ---- Cameroon shelter/NFI cluster (fr): bullets under output labels, half-years, header printed once
    D(
        "cameroun_cluster-abris-ame_plan-travail_2025.docx",
        "cmr_abris",
        ("priority", "output", "activity", "lead", "partners", "halves"),
        label={"output": "full"},
        bullets=True,
        repeat_header=False,
        mark="✓",
        hdr={"activity": "Activités prévues", "lead": "Chef de file", "partners": "Partenaires"},
        pre=("title", "subtitle"),
        pdf=True,
    ),
)
