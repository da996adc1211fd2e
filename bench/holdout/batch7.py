"""The holdout's seventh batch: three new plans (Sudan, Lebanon, Colombia) in layouts the first six batches do not
have.

A "Timeframe" column that mixes forms down its cells ("Q1-Q2", "Jan–Jun 2027", "T3", "S2", "ongoing"); a lead
cell holding an agency and the role of the person who leads for it ("UNICEF (WASH Officer)"); partners separated
by semicolons and "+"; a legend row under the table telling what the status colours mean; CSV exports written in
Windows-1252 with accented words; a workbook whose quarter columns hold the day each activity is due in that
quarter (date cells) instead of a mark; besides them, shapes the earlier batches hold (an objective as a bold band
merged across the table over output sub-bands, a Word table running onto a second page without its header, a
slide per objective whose table continues on "(continued)" slides).
"""

from __future__ import annotations

from bench.holdout.layout import Layout as D

PLUS = ("; ", " + ")

BATCH7: tuple[D, ...] = (
    # ---- Sudan, Darfur WASH sector (en): objective bands over output sub-bands, a mixed "Timeframe" column,
    # leads with the person's role, partners by ";" and "+", coloured statuses and a legend row; a tracker; a deck
    # with a slide per objective
    D(
        "sudan_darfur-wash-sector_workplan_2027.docx",
        "sdn_wash",
        ("num", "activity", "lead", "partners", "timeframe", "status"),
        ctx={"objective": "section", "output": "section_cells"},
        label={"objective": "full", "output": "full"},
        timeframe_style="mixed",
        lead_roles=("WASH Officer", "WASH Specialist", "Programme Manager", "Area Coordinator"),
        seps=PLUS,
        typos=0.0,
        status_style="colour",
        legend="Status colours: green = completed; amber = ongoing; grey = not started; orange = on hold; red = "
        "cancelled or delayed",
        repeat_header=False,
        landscape=True,
        hdr={
            "num": "No.",
            "activity": "Activity",
            "lead": "Lead (agency / focal point)",
            "partners": "Partners",
            "timeframe": "Timeframe",
            "status": "Status",
        },
        pre=("title", "subtitle"),
        pdf=True,
        axes=("actors:plus-separated",),
    ),
    D(
        "sudan_darfur-wash-sector_tracker_2027.xlsx",
        "sdn_wash",
        ("objective", "output", "activity", "lead", "partners", "timeframe", "status", "comments"),
        timeframe_style="mixed",
        lead_roles=("WASH Officer", "Field Coordinator", "Public Health Engineer"),
        seps=PLUS,
        hdr={"lead": "Lead", "partners": "Partners", "timeframe": "Timeframe", "comments": "Remarks"},
        pre=("title", "updated"),
        axes=("actors:plus-separated",),
    ),
    D(
        "sudan_darfur-wash-sector_briefing_2027.pptx",
        "sdn_wash",
        ("output", "activity", "lead", "timeframe"),
        ctx={"objective": "heading", "output": "col_repeat"},
        timeframe_style="mixed",
        continued=True,
        slide_fit=True,
        rows_per_slide=4,
        hdr={"output": "Output", "activity": "Activity", "lead": "Lead", "timeframe": "When"},
        pre=("title", "subtitle"),
        pdf=True,
    ),
    # ---- Lebanon, inter-sector working group (fr): a Word table with priority bands over objective sub-bands, a
    # mixed "Période" column, leads with the person's role, coloured statuses and a legend row (landscape); a CSV
    # in Windows-1252 with semicolons; a workbook under priority bands whose quarter columns hold due dates
    D(
        "liban_groupe-intersectoriel_plan-action_2027.docx",
        "lbn_iswg",
        ("num", "activity", "lead", "partners", "timeframe", "status"),
        ctx={"priority": "section", "objective": "section_cells"},
        label={"priority": "full", "objective": "full"},
        timeframe_style="mixed",
        lead_roles=("chargée de programme", "point focal", "coordinateur terrain", "chef de bureau"),
        seps=PLUS,
        typos=0.0,
        status_style="colour",
        legend="Légende des couleurs : vert = réalisé ; orange foncé = en cours ; gris = non démarré ; orange = "
        "suspendu ; rouge = annulé ou en retard",
        hdr={
            "num": "N°",
            "activity": "Activité",
            "lead": "Chef de file",
            "partners": "Partenaires",
            "timeframe": "Période",
            "status": "Statut",
        },
        landscape=True,
        pre=("title", "subtitle"),
        pdf=True,
        axes=("actors:plus-separated",),
    ),
    D(
        "liban_groupe-intersectoriel_suivi_2027.csv",
        "lbn_iswg",
        ("priority", "objective", "activity", "lead", "partners", "q", "status"),
        ctx={"priority": "col_repeat", "objective": "col_repeat"},
        qhdr="{Q} {y}",
        mark="x",
        seps=PLUS,
        hdr={"priority": "Priorité", "objective": "Objectif", "lead": "Chef de file", "status": "État"},
        pre=(),
        delimiter=";",
        encoding="cp1252",
        axes=("actors:plus-separated",),
    ),
    D(
        "liban_groupe-intersectoriel_plan-action_2027.xlsx",
        "lbn_iswg",
        ("objective", "activity", "lead", "partners", "q", "status"),
        ctx={"priority": "section"},
        label={"priority": "full"},
        qhdr="Échéance {Q}",
        mark="date",
        dates="xlsx_date",
        hdr={"objective": "Objectif", "status": "Avancement"},
        pre=("title", "updated"),
    ),
    # ---- Colombia, GIFMM education sector (es): a workbook with objective and result merged down the first
    # columns, a mixed "Periodo" column, leads with the person's role, partners by ";" and "+", coloured statuses
    # and a legend row; a CSV in Windows-1252; a deck with a slide per objective; a Word table with quarter marks
    # running onto a second page without its header
    D(
        "colombia_gifmm-educacion_plan-trabajo_2027.xlsx",
        "col_gifmm_edu",
        ("objective", "output", "activity", "lead", "partners", "timeframe", "status"),
        timeframe_style="mixed",
        lead_roles=("Oficial de Educación", "coordinadora de área", "punto focal"),
        seps=PLUS,
        typos=0.0,
        status_style="colour",
        legend="Convenciones: verde = cumplido; ocre = en curso; gris = sin iniciar; naranja = suspendido; rojo = "
        "cancelado o con retraso",
        hdr={
            "objective": "Objetivo",
            "output": "Resultado",
            "activity": "Actividad",
            "lead": "Líder (agencia / responsable)",
            "partners": "Socios",
            "timeframe": "Periodo",
            "status": "Estado",
        },
        pre=("title", "subtitle", "updated"),
        axes=("actors:plus-separated",),
    ),
    D(
        "colombia_gifmm-educacion_matriz_2027.csv",
        "col_gifmm_edu",
        ("objective", "output", "activity", "lead", "partners", "timeframe", "status"),
        ctx={"objective": "col_repeat", "output": "col_repeat"},
        timeframe_style="mixed",
        seps=PLUS,
        hdr={
            "objective": "Objetivo",
            "output": "Resultado",
            "activity": "Actividad",
            "timeframe": "Periodo",
            "status": "Estado",
        },
        pre=(),
        delimiter=";",
        encoding="cp1252",
        axes=("actors:plus-separated",),
    ),
    D(
        "colombia_gifmm-educacion_presentacion_2027.pptx",
        "col_gifmm_edu",
        ("num", "activity", "lead", "timeframe"),
        ctx={"objective": "heading", "output": "section"},
        label={"output": "full"},
        timeframe_style="mixed",
        continued=True,
        slide_fit=True,
        rows_per_slide=5,
        hdr={"num": "N.°", "activity": "Actividad", "lead": "Lidera", "timeframe": "Cuándo"},
        pre=("title", "subtitle"),
    ),
    D(
        "colombia_gifmm-educacion_plan-trabajo_2027.docx",
        "col_gifmm_edu",
        ("objective", "activity", "lead", "partners", "q", "status"),
        qhdr="{Q}",
        two_row=True,
        mark="X",
        repeat_header=False,
        hdr={"objective": "Objetivo", "activity": "Actividad", "lead": "Lidera", "partners": "Socios"},
        font_pt=12,
        landscape=True,
        pre=("title", "subtitle"),
        pdf=True,
    ),
)
