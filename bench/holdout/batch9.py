"""The holdout's ninth batch: four new plans (Yemen, Madagascar, Peru, São Tomé and Príncipe) in layouts the first
eight batches do not have.

A lead cell holding the organisation with its focal person's name and email; start and end months ("Mar 2027",
"mars 2027"); abbreviated column names ("Resp.", "Ptnrs", "St.") and status codes ("C", "EC") spelt out by a key
under the table; a status written with its day ("Completed 12/03/2027", "Concluído em 04/05/2027"); a workbook
with cell comments, a summary sheet counting activities by lead and status and a hidden lists sheet; quarter
columns of two years in one header row ("T1-27" … "T4-28", "T1/27"); a Word table per objective nested in a cell
of an outer table; slides whose "table" is a grid of text boxes; a Word table with tracked changes.
"""

from __future__ import annotations

from bench.holdout.layout import Layout as D

YEMEN_KEY = (
    "Key: Resp. = responsible organisation and focal point; Ptnrs = partner organisations; Start / End = first "
    "and last month of the activity; St. = status at the mid-year review (C = completed, O = ongoing, NS = not "
    "started, H = on hold, X = cancelled, D = delayed)."
)
PERU_KEY = (
    "Clave: Obj. = objetivo; Res. = resultado; Resp. = organización responsable y punto focal; Ini. = mes de "
    "inicio; Fin = mes de fin; Est. = estado."
)
SAO_TOME_KEY = (
    "Legenda: Resp. = entidade responsável; Parc. = parceiros; T1/27 … T4/28 = trimestres de 2027 e de 2028; "
    "Est. = estado (C = concluído, EC = em curso, NI = não iniciado, S = suspenso, A = anulado, At = atrasado)."
)

BATCH9: tuple[D, ...] = (
    # ---- Yemen GBV Sub-Cluster (en): abbreviated headers and status codes under a key, start and end months,
    # leads with their focal person and email; a tracker with dated statuses, comments, a summary and a hidden
    # sheet; a deck whose tables are grids of text boxes
    D(
        "yemen_gbv-sub-cluster_workplan_2027.docx",
        "yem_gbv",
        ("num", "activity", "lead", "partners", "start", "end", "status"),
        ctx={"objective": "section", "output": "section_cells"},
        label={"objective": "full", "output": "full"},
        contacts=True,
        dates="month",
        status_style="code",
        key=YEMEN_KEY,
        seps=(", ", "; "),
        hdr={
            "num": "No.",
            "activity": "Activity",
            "lead": "Resp.",
            "partners": "Ptnrs",
            "start": "Start",
            "end": "End",
            "status": "St.",
        },
        landscape=True,
        pre=("title", "subtitle"),
        pdf=True,
    ),
    D(
        "yemen_gbv-sub-cluster_tracker_2027.xlsx",
        "yem_gbv",
        ("objective", "output", "activity", "lead", "partners", "start", "end", "status"),
        dates="month",
        status_style="dated",
        workbook_extras=True,
        hdr={
            "objective": "Objective",
            "output": "Output",
            "activity": "Activity",
            "lead": "Lead",
            "partners": "Partners",
            "start": "Start month",
            "end": "End month",
            "status": "Status (date)",
        },
        pre=("title", "updated"),
    ),
    D(
        "yemen_gbv-sub-cluster_briefing_2027.pptx",
        "yem_gbv",
        ("num", "activity", "lead", "q", "status"),
        ctx={"objective": "section"},
        label={"objective": "full"},
        text_boxes=True,
        slide_fit=True,
        rows_per_slide=6,
        slide_title="Workplan 2027",
        qhdr="{Q}",
        mark="✓",
        hdr={"num": "No.", "activity": "Activity", "lead": "Lead", "status": "Status"},
        pre=("title", "subtitle"),
        pdf=True,
    ),
    # ---- Madagascar anticipatory action working group (fr): a table per objective nested in an outer table; a
    # follow-up workbook with focal persons and dated statuses; a revised plan with tracked changes
    D(
        "madagascar_gt-action-anticipatoire_plan-travail_2027.docx",
        "mdg_aa",
        ("num", "activity", "lead", "partners", "q", "status"),
        ctx={"priority": "section", "objective": "section_cells"},
        label={"priority": "full", "objective": "full"},
        nested=True,
        qhdr="T{n}",
        mark="X",
        hdr={
            "num": "N°",
            "activity": "Activités",
            "lead": "Chef de file",
            "partners": "Partenaires",
            "status": "État",
        },
        landscape=True,
        pre=("title", "subtitle"),
        pdf=True,
    ),
    D(
        "madagascar_gt-action-anticipatoire_suivi_2027.xlsx",
        "mdg_aa",
        ("priority", "objective", "activity", "lead", "partners", "q", "status"),
        contacts=True,
        status_style="dated",
        qhdr="T{n}",
        mark="x",
        hdr={
            "priority": "Axe",
            "objective": "Objectif",
            "activity": "Activité",
            "lead": "Chef de file (point focal)",
            "partners": "Partenaires",
            "status": "État (date)",
        },
        pre=("title", "updated"),
    ),
    D(
        "madagascar_gt-action-anticipatoire_plan-travail-revise_2027.docx",
        "mdg_aa",
        ("num", "activity", "lead", "partners", "q", "status"),
        ctx={"priority": "section", "objective": "section_cells"},
        label={"priority": "full", "objective": "full"},
        tracked=True,
        qhdr="T{n}",
        mark="X",
        hdr={
            "num": "N°",
            "activity": "Activité",
            "lead": "Chef de file",
            "partners": "Partenaires",
            "status": "État",
        },
        landscape=True,
        pre=("title", "subtitle"),
    ),
    # ---- Peru GTRM communication with communities and accountability group (es): a workbook with focal persons,
    # start and end months, comments, a summary and a hidden sheet; a deck of text-box grids; a table per result
    # nested in an outer table; a CSV with abbreviated headers and their key under the rows
    D(
        "peru_gtrm-ccrc_plan-trabajo_2027.xlsx",
        "per_ccrc",
        ("objective", "output", "activity", "lead", "partners", "start", "end", "status"),
        contacts=True,
        dates="month",
        workbook_extras=True,
        hdr={
            "objective": "Objetivo",
            "output": "Resultado",
            "activity": "Actividad",
            "lead": "Responsable (punto focal)",
            "partners": "Socios",
            "start": "Mes de inicio",
            "end": "Mes de fin",
            "status": "Estado",
        },
        pre=("title", "updated"),
    ),
    D(
        "peru_gtrm-ccrc_presentacion_2027.pptx",
        "per_ccrc",
        ("num", "activity", "lead", "start", "end", "status"),
        ctx={"objective": "section"},
        label={"objective": "full"},
        text_boxes=True,
        slide_fit=True,
        rows_per_slide=6,
        slide_title="Plan de trabajo 2027",
        dates="month",
        hdr={
            "num": "N.°",
            "activity": "Actividad",
            "lead": "Responsable",
            "start": "Inicio",
            "end": "Fin",
            "status": "Estado",
        },
        pre=("title", "subtitle"),
        pdf=True,
    ),
    D(
        "peru_gtrm-ccrc_plan-trabajo_2027.docx",
        "per_ccrc",
        ("num", "activity", "lead", "partners", "q", "status"),
        ctx={"objective": "section", "output": "section_cells"},
        label={"objective": "full", "output": "full"},
        nested=True,
        qhdr="T{n}",
        mark="X",
        hdr={
            "num": "N.°",
            "activity": "Actividades",
            "lead": "Responsable",
            "partners": "Socios",
            "status": "Estado",
        },
        landscape=True,
        pre=("title", "subtitle"),
    ),
    D(
        "peru_gtrm-ccrc_matriz_2027.csv",
        "per_ccrc",
        ("objective", "output", "activity", "lead", "partners", "start", "end", "status"),
        ctx={"objective": "col_repeat", "output": "col_repeat"},
        contacts=True,
        dates="month",
        key=PERU_KEY,
        hdr={
            "objective": "Obj.",
            "output": "Res.",
            "activity": "Actividad",
            "lead": "Resp.",
            "partners": "Socios",
            "start": "Ini.",
            "end": "Fin",
            "status": "Est.",
        },
        pre=(),
    ),
    # ---- São Tomé and Príncipe national DRR platform (pt): quarters of 2027 and 2028 in one header row ("T1-27",
    # "T1/27") in a workbook with comments, a summary and a hidden sheet, and in a Word table with abbreviated
    # headers and status codes under a key; a CSV with start and end months and dated statuses
    D(
        "sao-tome_plataforma-rrd_plano-preparacao_2027-2028.xlsx",
        "stp_rrd",
        ("priority", "objective", "activity", "lead", "partners", "q2y", "status"),
        year_in_quarter=True,
        qhdr="T{n}-{yy}",
        mark="x",
        status_style="dated",
        workbook_extras=True,
        hdr={
            "priority": "Eixo",
            "objective": "Objectivo",
            "activity": "Actividade",
            "lead": "Responsável",
            "partners": "Parceiros",
            "status": "Estado (data)",
        },
        pre=("title", "updated"),
    ),
    D(
        "sao-tome_plataforma-rrd_plano-preparacao_2027-2028.docx",
        "stp_rrd",
        ("num", "activity", "lead", "partners", "q2y", "status"),
        ctx={"priority": "section", "objective": "section_cells"},
        label={"priority": "full", "objective": "full"},
        year_in_quarter=True,
        qhdr="T{n}/{yy}",
        mark="X",
        status_style="code",
        key=SAO_TOME_KEY,
        hdr={"num": "N.º", "activity": "Actividade", "lead": "Resp.", "partners": "Parc.", "status": "Est."},
        landscape=True,
        pre=("title", "subtitle"),
        pdf=True,
    ),
    D(
        "sao-tome_plataforma-rrd_seguimento_2027.csv",
        "stp_rrd",
        ("priority", "objective", "activity", "lead", "partners", "start", "end", "status"),
        ctx={"priority": "col_repeat", "objective": "col_repeat"},
        dates="month",
        status_style="dated",
        delimiter=";",
        hdr={
            "priority": "Eixo",
            "objective": "Objectivo",
            "activity": "Actividade",
            "lead": "Responsável",
            "partners": "Parceiros",
            "start": "Início",
            "end": "Fim",
            "status": "Estado",
        },
        pre=(),
    ),
)
