"""The holdout's twelfth batch: four new plans (Malawi, Mauritanie, El Salvador, Angola) whose tables keep their parts
apart or mark them in ways the first eleven batches do not have.

The lead and partners in a second table (a Word table on a portrait page after the landscape workplan, or a sheet
of its own) joined to the activities by their code; a workbook with a sheet per quarter; the table turned, an
activity per column and a month per row; a CSV with a block of totals and a table of focal points under its rows;
statuses as an emoji alone, read through a legend row or a key; footnote markers on quarter marks (`X¹`) and their
notes under the table; cancelled activities struck through with their status cell empty; month columns under merged
quarter cells, the other headers merged down both header rows. The gold conventions are in `apart.py`.
"""

from __future__ import annotations

from bench.holdout.layout import Layout as D
from bench.holdout.strokes import emoji_legend

MAURITANIE_NOTES = "¹ Sous réserve de financement.   ² Selon l'accès au camp pendant la saison des pluies."
ANGOLA_NOTES = "¹ Depende da chegada dos insumos. ² Em coordenação com as brigadas móveis."

BATCH12: tuple[D, ...] = (
    # ---- Malawi drought response operations cell (en): months under merged quarter cells with cancelled rows struck
    # through; a landscape Word workplan whose lead and partners are in a "Who does what" table on a portrait page;
    # the calendar turned (an activity per column); a CSV with a totals block and focal points under it
    D(
        "malawi_drought-ops-cell_workplan_2027.xlsx",
        "mwi_ops",
        ("objective", "output", "activity", "lead", "partners", "months", "status"),
        month_quarters=True,
        qhdr="{Q} {y}",
        mark="x",
        struck=True,
        hdr={
            "objective": "Objective",
            "output": "Output",
            "activity": "Activity",
            "lead": "Lead",
            "partners": "Partners",
            "status": "Status",
        },
        pre=("title", "subtitle", "updated"),
    ),
    D(
        "malawi_drought-ops-cell_workplan_2027.docx",
        "mwi_ops",
        ("num", "activity", "lead", "partners", "q", "status"),
        ctx={"objective": "section", "output": "section_cells"},
        label={"objective": "full", "output": "full"},
        who="table",
        qhdr="{Q}",
        mark="X",
        hdr={"num": "Code", "activity": "Activity", "lead": "Lead", "partners": "Partners", "status": "Status"},
        landscape=True,
        pre=("title", "subtitle"),
        pdf=True,
    ),
    D(
        "malawi_drought-ops-cell_calendar_2027.xlsx",
        "mwi_ops",
        ("objective", "activity", "lead", "months"),
        label={"objective": "full"},
        transposed=True,
        mark="x",
        hdr={"objective": "Objective", "activity": "Activity", "lead": "Lead"},
        pre=("title", "subtitle"),
    ),
    D(
        "malawi_drought-ops-cell_tracker_2027.csv",
        "mwi_ops",
        ("objective", "output", "activity", "lead", "partners", "start", "end", "status"),
        ctx={"objective": "col_repeat", "output": "col_repeat"},
        tail=True,
        extra=("contacts",),
        hdr={
            "objective": "Objective",
            "output": "Output",
            "activity": "Activity",
            "lead": "Lead",
            "partners": "Partners",
            "start": "Start",
            "end": "End",
            "status": "Status",
        },
        pre=(),
    ),
    # ---- Mauritanie, groupe de travail SMSPS (fr), 2028: quarter marks with footnote markers and their notes under a
    # Word table; a workbook with a sheet per quarter; a deck whose statuses are emoji read by a legend row; a CSV
    # with a totals block and focal points under it
    D(
        "mauritanie_gt-smsps_plan-travail_2028.docx",
        "mrt_smsps",
        ("num", "activity", "lead", "partners", "q", "status"),
        ctx={"objective": "section", "output": "section_cells"},
        label={"objective": "full", "output": "full"},
        qhdr="{Q} {y}",
        mark="X",
        mark_notes="¹²",
        key=MAURITANIE_NOTES,
        hdr={"num": "N°", "activity": "Activité", "lead": "Chef de file", "partners": "Partenaires", "status": "État"},
        landscape=True,
        pre=("title", "subtitle"),
        pdf=True,
    ),
    D(
        "mauritanie_gt-smsps_plan-travail_2028.xlsx",
        "mrt_smsps",
        ("objective", "output", "activity", "lead", "partners", "q", "status"),
        ctx={"objective": "col_repeat", "output": "col_repeat"},
        quarter_sheets=True,
        qhdr="{Q} {y}",
        hdr={
            "objective": "Objectif",
            "output": "Résultat",
            "activity": "Activité",
            "lead": "Chef de file",
            "partners": "Partenaires",
            "status": "État",
        },
        pre=("title",),
    ),
    D(
        "mauritanie_gt-smsps_suivi_2028.pptx",
        "mrt_smsps",
        ("output", "activity", "lead", "q", "status"),
        ctx={"objective": "heading"},
        label={"objective": "full"},
        status_style="emoji",
        legend=emoji_legend("fr"),
        qhdr="{Q}",
        mark="●",
        hdr={"output": "Résultat", "activity": "Activité", "lead": "Chef de file", "status": "État"},
        pre=("title", "subtitle"),
        rows_per_slide=7,
        slide_fit=True,
    ),
    D(
        "mauritanie_gt-smsps_matrice_2028.csv",
        "mrt_smsps",
        ("objective", "activity", "lead", "partners", "q", "status"),
        ctx={"objective": "col_repeat"},
        delimiter=";",
        qhdr="{Q} {y}",
        mark="x",
        tail=True,
        extra=("contacts",),
        hdr={
            "objective": "Objectif",
            "activity": "Activité",
            "lead": "Chef de file",
            "partners": "Partenaires",
            "status": "État",
        },
        pre=(),
    ),
    # ---- El Salvador, grupo de trabajo VTP (es), 2028: a workbook whose lead and partners are on a sheet of their own
    # joined by the activity's code; a Word chronogram of months under merged quarter cells, cancelled rows struck
    # through; a workbook with a sheet per quarter (and one of unscheduled activities); a CSV whose statuses are emoji
    # spelt out by a key line
    D(
        "el-salvador_gt-vtp_plan-trabajo_2028.xlsx",
        "slv_vtp",
        ("ref", "objective", "output", "activity", "lead", "partners", "q", "status"),
        who="table",
        qhdr="{Q} {y}",
        mark="X",
        hdr={
            "ref": "Código",
            "objective": "Objetivo",
            "output": "Resultado",
            "activity": "Actividad",
            "lead": "Responsable",
            "partners": "Socios",
            "status": "Estado",
        },
        pre=("title", "subtitle", "updated"),
    ),
    D(
        "el-salvador_gt-vtp_cronograma_2028.docx",
        "slv_vtp",
        ("num", "activity", "lead", "partners", "months", "status"),
        ctx={"objective": "section", "output": "section_cells"},
        label={"objective": "full", "output": "full"},
        month_quarters=True,
        qhdr="Trimestre {n}",
        mark="shade:8EA9DB",
        struck=True,
        hdr={"num": "N.º", "activity": "Actividad", "lead": "Responsable", "partners": "Socios", "status": "Estado"},
        landscape=True,
        font_pt=8,
        pre=("title", "subtitle"),
        pdf=True,
    ),
    D(
        "el-salvador_gt-vtp_trimestres_2028.xlsx",
        "slv_vtp",
        ("objective", "output", "activity", "lead", "partners", "q", "status"),
        ctx={"objective": "col_repeat", "output": "col_repeat"},
        quarter_sheets=True,
        qhdr="{Q} {y}",
        hdr={
            "objective": "Objetivo",
            "output": "Resultado",
            "activity": "Actividad",
            "lead": "Responsable",
            "partners": "Socios",
            "status": "Estado",
        },
        pre=("title",),
    ),
    D(
        "el-salvador_gt-vtp_matriz_2028.csv",
        "slv_vtp",
        ("objective", "output", "activity", "lead", "partners", "q", "status"),
        ctx={"objective": "col_repeat", "output": "col_repeat"},
        status_style="emoji",
        key="Estado: " + emoji_legend("es"),
        qhdr="{Q}-{y}",
        mark="X",
        hdr={
            "objective": "Objetivo",
            "output": "Resultado",
            "activity": "Actividad",
            "lead": "Responsable",
            "partners": "Socios",
            "status": "Estado",
        },
        pre=(),
    ),
    # ---- Angola, grupo de trabalho de nutrição (pt): a landscape Word plan whose lead and partners are in a "Quem faz
    # o quê" table on a portrait page; a workbook of months under merged quarter cells, cancelled rows struck through,
    # printed to PDF; the calendar turned; a CSV whose quarter marks carry footnote markers
    D(
        "angola_gt-nutricao_plano-trabalho_2027.docx",
        "ago_nut",
        ("num", "activity", "lead", "partners", "q", "status"),
        ctx={"objective": "section", "output": "section_cells"},
        label={"objective": "full", "output": "full"},
        who="table",
        qhdr="{Q}",
        mark="✓",
        hdr={"num": "N.º", "activity": "Atividade", "lead": "Responsável", "partners": "Parceiros", "status": "Estado"},
        landscape=True,
        pre=("title", "subtitle"),
        pdf=True,
    ),
    D(
        "angola_gt-nutricao_cronograma_2027.xlsx",
        "ago_nut",
        ("objective", "output", "activity", "lead", "months", "status"),
        label={"objective": "full"},
        month_quarters=True,
        qhdr="{n}.º trimestre",
        mark="X",
        struck=True,
        hdr={
            "objective": "Objetivo",
            "output": "Resultado",
            "activity": "Atividade",
            "lead": "Responsável",
            "status": "Estado",
        },
        pre=("title", "subtitle"),
        pdf=True,
    ),
    D(
        "angola_gt-nutricao_calendario_2027.xlsx",
        "ago_nut",
        ("objective", "activity", "lead", "months", "status"),
        label={"objective": "full"},
        transposed=True,
        mark="X",
        hdr={"objective": "Objetivo", "activity": "Atividade", "lead": "Responsável", "status": "Estado"},
        pre=("title", "subtitle"),
    ),
    D(
        "angola_gt-nutricao_matriz_2027.csv",
        "ago_nut",
        ("objective", "output", "activity", "lead", "partners", "q", "status"),
        ctx={"objective": "col_repeat", "output": "col_repeat"},
        delimiter=";",
        qhdr="{Q} {y}",
        mark="X",
        mark_notes="¹²",
        key=ANGOLA_NOTES,
        hdr={
            "objective": "Objetivo",
            "output": "Resultado",
            "activity": "Atividade",
            "lead": "Responsável",
            "partners": "Parceiros",
            "status": "Estado",
        },
        pre=(),
    ),
)
