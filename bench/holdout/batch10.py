"""The holdout's tenth batch: four new plans (Uganda, Burundi, Bolivia, Cabo Verde) laid out without a grid's
usual devices, in shapes the first nine batches do not have.

Objectives, results and activities in one column told apart only by indentation (an XLSX cell's indent level, a
Word paragraph's left indent) or only by type (bold, italic); activities grouped under a band naming their lead
agency, with no lead column; a Word workplan with no table (headings, a bold paragraph per activity, labelled
lines); quarter columns holding the activity's budget in dollars or its share in percent; month columns headed by
date cells (`mmm-yy`) and a Gantt shaded by conditional formatting rules over start and end dates; an activity's
first and last day in one cell; a Markdown pipe table; a sheet saved as Excel's Unicode text (UTF-16, tabs); a
deck whose later slides reorder or drop columns; a scanner's copy of a PDF (images only, slightly turned).
"""

from __future__ import annotations

from bench.holdout.layout import Layout as D

BATCH10: tuple[D, ...] = (
    # ---- Uganda refugee response, livelihoods and resilience sector (en): a workplan in prose; a tracker under
    # lead-agency bands; a budget whose levels are told by indentation, amounts per quarter; a deck whose later
    # slides reorder the columns
    D(
        "uganda_rrp-livelihoods-resilience_workplan_2027.docx",
        "uga_lr",
        ("activity", "lead", "partners", "q", "status"),
        ctx={"objective": "heading", "output": "heading"},
        label={"objective": "full", "output": "full"},
        prose=True,
        pre=("title", "subtitle"),
        pdf=True,
    ),
    D(
        "uganda_rrp-livelihoods-resilience_tracker_2027.xlsx",
        "uga_lr",
        ("objective", "activity", "partners", "q", "status"),
        lead_band=True,
        qhdr="{Q} {y}",
        mark="x",
        hdr={"objective": "Objective", "activity": "Activity", "partners": "Partners", "status": "Status"},
        pre=("title", "updated"),
    ),
    D(
        "uganda_rrp-livelihoods-resilience_budget_2027.xlsx",
        "uga_lr",
        ("activity", "lead", "q", "comments"),
        ctx={"objective": "indent", "output": "indent"},
        mark="amount",
        qhdr="{Q} {y} (USD)",
        hdr={"activity": "Objective / output / activity", "lead": "Lead agency", "comments": "Remarks"},
        pre=("title", "subtitle"),
    ),
    D(
        "uganda_rrp-livelihoods-resilience_briefing_2027.pptx",
        "uga_lr",
        ("num", "activity", "lead", "partners", "q", "status"),
        ctx={"objective": "section"},
        label={"objective": "full"},
        slide_order=("num", "activity", "q", "status", "lead", "partners"),
        continued=True,
        slide_fit=True,
        rows_per_slide=5,
        slide_title="Workplan 2027",
        mark="✓",
        hdr={"num": "#", "activity": "Activity", "lead": "Lead", "partners": "Partners", "status": "Status"},
        pre=("title", "subtitle"),
    ),
    # ---- Burundi return and reintegration working group (fr): levels told by type, periods as day ranges in
    # words; a Gantt of date-headed months shaded by conditional formatting; a CSV under lead-agency bands
    D(
        "burundi_gt-retour-reintegration_plan-travail_2027.docx",
        "bdi_rr",
        ("activity", "lead", "partners", "daterange", "status"),
        ctx={"objective": "font", "output": "font"},
        dates="text",
        hdr={
            "activity": "Objectifs, résultats et activités",
            "lead": "Chef de file",
            "partners": "Partenaires",
            "daterange": "Période",
            "status": "État d'avancement",
        },
        landscape=True,
        pre=("title", "subtitle"),
        pdf=True,
    ),
    D(
        "burundi_gt-retour-reintegration_chronogramme_2027.xlsx",
        "bdi_rr",
        ("objective", "output", "activity", "lead", "partners", "start", "end", "months", "status"),
        dates="xlsx_date",
        month_dates=True,
        mark="cf",
        hdr={
            "objective": "Objectif",
            "output": "Résultat",
            "activity": "Activité",
            "lead": "Chef de file",
            "partners": "Partenaires",
            "start": "Début",
            "end": "Fin",
            "status": "État",
        },
        pre=("title", "updated"),
    ),
    D(
        "burundi_gt-retour-reintegration_matrice_2027.csv",
        "bdi_rr",
        ("objective", "activity", "partners", "daterange", "status"),
        ctx={"objective": "col_repeat"},
        lead_band=True,
        delimiter=";",
        hdr={
            "objective": "Objectif",
            "activity": "Activité",
            "partners": "Partenaires",
            "daterange": "Période",
            "status": "État",
        },
        pre=(),
    ),
    # ---- Bolivia food security sector table (es): a Markdown table with day ranges; a budget whose levels are
    # told by indentation, shares per quarter; a Word table under lead-agency bands; a deck whose later slides
    # drop the partners
    D(
        "bolivia_mesa-seguridad-alimentaria_plan-trabajo_2027.md",
        "bol_sa",
        ("objective", "activity", "lead", "partners", "daterange", "status"),
        ctx={"objective": "col_repeat"},
        hdr={
            "objective": "Objetivo",
            "activity": "Actividad",
            "lead": "Responsable",
            "partners": "Apoyo",
            "daterange": "Periodo",
            "status": "Estado",
        },
        pre=("title", "subtitle", "updated"),
    ),
    D(
        "bolivia_mesa-seguridad-alimentaria_presupuesto_2027.xlsx",
        "bol_sa",
        ("activity", "lead", "partners", "q", "status"),
        ctx={"objective": "indent", "output": "indent"},
        mark="percent",
        qhdr="Presupuesto {Q} (%)",
        hdr={"activity": "Objetivo / resultado / actividad", "lead": "Responsable", "partners": "Apoyo"},
        pre=("title", "subtitle"),
    ),
    D(
        "bolivia_mesa-seguridad-alimentaria_plan-trabajo_2027.docx",
        "bol_sa",
        ("output", "activity", "partners", "q", "status"),
        lead_band=True,
        hdr={"output": "Resultado", "activity": "Actividad", "partners": "Apoyo", "status": "Estado"},
        landscape=True,
        pre=("title", "subtitle"),
    ),
    D(
        "bolivia_mesa-seguridad-alimentaria_seguimiento_2027.pptx",
        "bol_sa",
        ("num", "activity", "lead", "partners", "q", "status"),
        ctx={"objective": "section"},
        label={"objective": "full"},
        slide_order=("num", "activity", "lead", "q", "status"),
        continued=True,
        slide_fit=True,
        rows_per_slide=5,
        slide_title="Plan 2027",
        mark="●",
        hdr={"num": "N.°", "activity": "Actividad", "lead": "Responsable", "partners": "Apoyo", "status": "Estado"},
        pre=("title", "subtitle"),
        pdf=True,
    ),
    # ---- Cabo Verde food security and nutrition group (pt): a sheet saved as Unicode text with day ranges; a
    # Word table whose levels are told by indentation, with its PDF and a scanner's copy; quarters shaded by
    # conditional formatting
    D(
        "cabo-verde_grupo-san_plano-resposta-seca_2027.txt",
        "cpv_san",
        ("objective", "output", "activity", "lead", "partners", "daterange", "status"),
        ctx={"objective": "col_first", "output": "col_first"},
        hdr={
            "objective": "Objetivo",
            "output": "Resultado",
            "activity": "Atividade",
            "lead": "Responsável",
            "partners": "Parceiros",
            "daterange": "Período",
            "status": "Estado",
        },
        pre=("title", "subtitle"),
    ),
    D(
        "cabo-verde_grupo-san_plano-resposta-seca_2027.docx",
        "cpv_san",
        ("activity", "lead", "partners", "q", "status"),
        ctx={"objective": "indent", "output": "indent"},
        hdr={
            "activity": "Objetivos, resultados e atividades",
            "lead": "Responsável",
            "partners": "Parceiros",
            "status": "Estado",
        },
        landscape=True,
        pre=("title", "subtitle"),
        pdf=True,
        scan="cabo-verde_grupo-san_plano-resposta-seca_digitalizado_2027.pdf",
    ),
    D(
        "cabo-verde_grupo-san_seguimento_2027.xlsx",
        "cpv_san",
        ("objective", "activity", "lead", "partners", "start", "end", "q", "status"),
        dates="xlsx_date",
        mark="cf",
        hdr={
            "objective": "Objetivo",
            "activity": "Atividade",
            "lead": "Responsável",
            "partners": "Parceiros",
            "start": "Início",
            "end": "Fim",
            "status": "Estado",
        },
        pre=("title", "updated"),
    ),
)
