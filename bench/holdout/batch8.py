"""The holdout's eighth batch: four new plans (South Sudan, the Democratic Republic of the Congo, Mozambique's
Cabo Delgado education cluster, Panama) in layouts the first seven batches do not have.

A results workplan whose outcomes and outputs are numbered heading rows "1." and "1.1" over activities "1.1.a"
beside indicator, baseline and target columns; a month Gantt headed by single letters (J F M A M J J A S O N D)
under a band holding only the year, shaded and no marks, running onto a second page; a table whose header rows
are pasted again inside its body under a note row where it goes on to the next page; leads written "UNICEF
(co-lead: WFP)"; partners one per line after bullets; a status column of traffic-light colours named in words
("Verde", "Amarelo") read by a legend row; a 4W matrix exported to CSV with a BOM and quoted multi-line cells;
minutes whose action points are numbered paragraphs after the discussion ("1. UNICEF compartirá … (plazo: 20 de
marzo)."); besides them, shapes the earlier batches hold (quarter columns of two years under merged year cells, a
percent-complete status, a deck with a slide per outcome titled "(continued)").
"""

from __future__ import annotations

from bench.holdout.layout import Layout as D

BATCH8: tuple[D, ...] = (
    # ---- South Sudan nutrition cluster (en): a results workplan with numbered outcome and output rows ("1.",
    # "1.1") over activities "1.1.a", indicator / baseline / target columns, co-leads in brackets and a percent
    # status; a workbook over 2027 and 2028 (quarters under merged year cells); a deck with a slide per outcome
    D(
        "south-sudan_nutrition-cluster_results-workplan_2027.docx",
        "ssd_nut",
        ("num", "activity", "indicator", "baseline", "target_value", "lead", "partners", "q", "status"),
        ctx={"objective": "numbered", "output": "numbered"},
        numbering="letter",
        level_dot=True,
        colead=True,
        qhdr="{Q}",
        two_row=True,
        mark="X",
        status_style="percent",
        seps=(", ", "; "),
        hdr={
            "num": "No.",
            "activity": "Outcome / output / activity",
            "indicator": "Indicator",
            "baseline": "Baseline",
            "target_value": "Target 2027",
            "lead": "Lead",
            "partners": "Partners",
            "status": "% complete",
        },
        landscape=True,
        font_pt=8,
        pre=("title", "subtitle"),
        pdf=True,
        axes=("kind:results-group", "columns:indicator-target"),
    ),
    D(
        "south-sudan_nutrition-cluster_workplan_2027-2028.xlsx",
        "ssd_nut",
        ("objective", "output", "activity", "lead", "partners", "q2y", "status"),
        colead=True,
        qhdr="{Q}",
        mark="x",
        hdr={"objective": "Outcome", "output": "Output", "activity": "Activity", "lead": "Lead", "status": "Status"},
        pre=("title", "note"),
    ),
    D(
        "south-sudan_nutrition-cluster_results-review_2027.pptx",
        "ssd_nut",
        ("num", "activity", "lead", "q", "status"),
        ctx={"objective": "heading", "output": "section"},
        label={"objective": "full", "output": "full"},
        numbering="letter",
        level_dot=True,
        colead=True,
        qhdr="{Q}",
        mark="●",
        status_style="percent",
        continued=True,
        slide_fit=True,
        rows_per_slide=5,
        hdr={"num": "No.", "activity": "Activity", "lead": "Lead", "status": "% complete"},
        pre=("title", "subtitle"),
    ),
    # ---- Democratic Republic of the Congo health cluster (fr): a month Gantt under "2027" headed J F M … D, shaded,
    # over two pages; a Word table whose header is pasted again in its body under "(suite du tableau)", co-leads
    # in brackets; a follow-up workbook with the one-letter months marked "x"
    D(
        "rdc_cluster-sante_chronogramme_2027.docx",
        "cod_sante",
        ("num", "activity", "lead", "months"),
        ctx={"priority": "section", "objective": "section_cells"},
        label={"priority": "full", "objective": "full"},
        months="initial",
        two_row=True,
        band="{y}",
        mark="shade:548235",
        colead=True,
        hdr={"num": "N°", "activity": "Activité", "lead": "Responsable"},
        landscape=True,
        font_pt=12,
        pre=("title", "subtitle"),
        pdf=True,
    ),
    D(
        "rdc_cluster-sante_plan-de-travail_2027.docx",
        "cod_sante",
        ("num", "activity", "lead", "partners", "q", "status"),
        ctx={"priority": "section", "objective": "section_cells"},
        label={"priority": "full", "objective": "full"},
        colead=True,
        qhdr="T{n}",
        mark="X",
        rehead=5,
        repeat_header=False,
        seps=(", ", " / "),
        hdr={
            "num": "N°",
            "activity": "Activités",
            "lead": "Chef de file",
            "partners": "Partenaires",
            "status": "Statut",
        },
        font_pt=11,
        landscape=True,
        pre=("title", "subtitle"),
        pdf=True,
    ),
    D(
        "rdc_cluster-sante_suivi_2027.xlsx",
        "cod_sante",
        ("objective", "activity", "lead", "partners", "months", "status"),
        ctx={"priority": "section"},
        label={"priority": "full"},
        months="initial",
        two_row=True,
        band="{y}",
        mark="x",
        colead=True,
        notes=0.0,
        hdr={"objective": "Objectif spécifique", "activity": "Activité", "status": "État d'avancement"},
        pre=("title", "updated"),
    ),
    # ---- Mozambique, Cabo Delgado education cluster (pt): partners after bullets, one a line, co-leads in
    # brackets, quarter columns "1.º trim."; a follow-up workbook with a traffic-light column and its legend row; a
    # 4W matrix exported to CSV with a BOM and quoted multi-line cells
    D(
        "mocambique_cluster-educacao-cabo-delgado_plano-trabalho_2027.docx",
        "moz_edu",
        ("num", "activity", "lead", "partners", "q", "status"),
        ctx={"objective": "section", "output": "section_cells"},
        label={"objective": "full", "output": "full"},
        bullet_partners=True,
        seps=("\n",),
        colead=True,
        qhdr="{n}.º trim.",
        mark="X",
        hdr={
            "num": "N.º",
            "activity": "Actividade",
            "lead": "Responsável",
            "partners": "Parceiros",
            "status": "Estado",
        },
        landscape=True,
        pre=("title", "subtitle"),
        pdf=True,
    ),
    D(
        "mocambique_cluster-educacao-cabo-delgado_seguimento_2027.xlsx",
        "moz_edu",
        ("objective", "output", "activity", "lead", "partners", "timeframe", "status"),
        colead=True,
        typos=0.0,
        status_style="light",
        legend="Semáforo: Verde = concluído; Amarelo = em curso; Cinzento = não iniciado; Laranja = suspenso; "
        "Vermelho = atrasado ou em risco",
        hdr={
            "objective": "Objectivo",
            "output": "Resultado",
            "activity": "Actividade",
            "lead": "Responsável",
            "partners": "Parceiros",
            "timeframe": "Período",
            "status": "Semáforo",
        },
        pre=("title", "updated"),
    ),
    D(
        "mocambique_cluster-educacao-cabo-delgado_matriz-4w_2027.csv",
        "moz_edu",
        ("location", "location2", "lead", "partners", "activity", "start", "end", "status", "beneficiaries"),
        hdr={
            "location": "Província",
            "location2": "Distrito",
            "lead": "Organização",
            "partners": "Parceiros de implementação",
            "activity": "Actividade",
            "start": "Início",
            "end": "Fim",
            "status": "Situação",
            "beneficiaries": "Beneficiários",
        },
        seps=("\n",),
        multiline=True,
        dates="dmy",
        bom=True,
        pre=(),
        axes=("csv:multi-line-cells",),
    ),
    # ---- Panama, Darién WASH group (es): minutes in prose with the action points as numbered paragraphs; the
    # action-point tracker with a percent status
    D(
        "panama_grupo-wash-darien_acta-reunion_2027-03-02.docx",
        "pan_wash",
        ("activity", "lead", "partners", "timeframe"),
        action_paragraphs=True,
        typos=0.0,
        notes=0.0,
        seps=(", ",),
        hdr={"activity": "Acción", "lead": "Responsable", "partners": "Apoyo", "timeframe": "Plazo"},
        pre=("title", "subtitle"),
        pdf=True,
    ),
    D(
        "panama_grupo-wash-darien_seguimiento-acuerdos_2027.xlsx",
        "pan_wash",
        ("priority", "num", "activity", "lead", "partners", "timeframe", "status"),
        ctx={"priority": "col_merged"},
        num_style="seq",
        status_style="percent",
        hdr={
            "priority": "Punto de agenda",
            "num": "N.°",
            "activity": "Acuerdo / acción",
            "lead": "Responsable",
            "partners": "Apoyo",
            "timeframe": "Fecha límite",
            "status": "% de avance",
        },
        pre=("title", "updated"),
    ),
)
