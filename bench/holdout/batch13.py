"""The holdout's thirteenth batch: four new plans (Tchad, Philippines BARMM, Perú, Guiné-Bissau) timed, marked and laid
out in ways the first twelve batches do not have.

A Gantt of the 52 ISO weeks (under the months their Thursdays fall in, or bare); a start month and a duration in
months; time frames in loose words ("semaine 12", "mi-T3", "fin juin", "1er semestre", "semaines 10 à 35"); statuses
as a percent and a word ("60% – en cours") or as a colour alone, spelt out on a legend sheet; two activities numbered
in one cell ("1) …" / "2) …"); the lead opening the activity cell in bold (XLSX rich text, a bold Word run; no lead
column); the context columns of a Word table narrow, merged and turned to read bottom to top; a deck of a slide per
activity (its objective the title, a text box of labelled lines); CSV exports opening on Excel's "sep=" line. The gold
conventions are in `tempo.py`, `inline.py` and `reshape.py`.
"""

from __future__ import annotations

from bench.holdout.layout import Layout as D

SEP_LINE = ("csv:sep-line",)

BATCH13: tuple[D, ...] = (
    # ---- Tchad, secteur Santé de la réponse aux réfugiés (fr), 2028: a Word plan whose objective column is merged and
    # turned, its time frames in loose words and statuses as a percent and a word; a Gantt of weeks under the months;
    # a CSV opening on "sep=;" with a start month and a duration; a slide per activity
    D(
        "tchad_secteur-sante-refugies_plan-travail_2028.docx",
        "tcd_sante_ref",
        ("objective", "num", "activity", "lead", "partners", "timeframe", "status"),
        rotated_context=True,
        timeframe_style="loose",
        status_style="percent-word",
        hdr={
            "objective": "Objectif",
            "num": "N°",
            "activity": "Activité",
            "lead": "Chef de file",
            "partners": "Partenaires",
            "timeframe": "Calendrier",
            "status": "Avancement",
        },
        landscape=True,
        pre=("title", "subtitle"),
        pdf=True,
    ),
    D(
        "tchad_secteur-sante-refugies_chronogramme_2028.xlsx",
        "tcd_sante_ref",
        ("objective", "output", "activity", "lead", "partners", "weeks", "status"),
        two_row=True,
        mark="x",
        status_style="percent-word",
        hdr={
            "objective": "Objectif",
            "output": "Résultat",
            "activity": "Activité",
            "lead": "Chef de file",
            "partners": "Partenaires",
            "status": "Avancement",
        },
        pre=("title", "subtitle", "updated"),
    ),
    D(
        "tchad_secteur-sante-refugies_suivi_2028.csv",
        "tcd_sante_ref",
        ("objective", "activity", "lead", "partners", "start", "duration", "status"),
        ctx={"objective": "col_repeat"},
        dates="month",
        delimiter=";",
        comment_lines=("sep=;",),
        hdr={
            "objective": "Objectif",
            "activity": "Activité",
            "lead": "Chef de file",
            "partners": "Partenaires",
            "start": "Début",
            "duration": "Durée (mois)",
            "status": "État",
        },
        pre=(),
        axes=SEP_LINE,
    ),
    D(
        "tchad_secteur-sante-refugies_fiches-activites_2028.pptx",
        "tcd_sante_ref",
        ("objective", "activity", "lead", "partners", "q", "status"),
        ctx={"objective": "col_repeat"},
        label={"objective": "full"},
        slide_cards=True,
        hdr={
            "objective": "Objectif",
            "activity": "Activité",
            "lead": "Chef de file",
            "partners": "Partenaires",
            "status": "État",
        },
        pre=("title", "subtitle"),
    ),
    # ---- Philippines, BARMM Protection Cluster (en), 2027: a workbook whose lead opens the activity cell in bold and
    # whose statuses are colours spelt out on a legend sheet; a Word plan with two numbered activities in some cells
    # and statuses as a percent and a word; a bare Gantt of weeks (W1 … W52), shaded
    D(
        "philippines_barmm-protection-cluster_workplan_2027.xlsx",
        "phl_barmm_prot",
        ("objective", "output", "activity", "partners", "q", "status"),
        lead_in_text=True,
        status_style="colour-only",
        qhdr="{Q} {y}",
        mark="X",
        hdr={
            "objective": "Objective",
            "output": "Output",
            "activity": "Lead: activity",
            "partners": "Partners",
            "status": "Status",
        },
        pre=("title", "subtitle", "updated"),
    ),
    D(
        "philippines_barmm-protection-cluster_workplan_2027.docx",
        "phl_barmm_prot",
        ("activity", "lead", "partners", "q", "status"),
        ctx={"objective": "section", "output": "section_cells"},
        label={"objective": "full", "output": "full"},
        pairs=True,
        status_style="percent-word",
        mark="X",
        hdr={"activity": "Activity", "lead": "Lead", "partners": "Partners", "status": "Progress"},
        landscape=True,
        pre=("title", "subtitle"),
        pdf=True,
    ),
    D(
        "philippines_barmm-protection-cluster_weekly-gantt_2027.xlsx",
        "phl_barmm_prot",
        ("output", "activity", "lead", "weeks"),
        label={"output": "full"},
        mark="shade:5B9BD5",
        hdr={"output": "Output", "activity": "Activity", "lead": "Lead"},
        pre=("title",),
    ),
    # ---- Perú, Plataforma de Integración (es), 2028: a Word plan whose lead opens the activity cell in bold, the
    # objective merged and turned; a workbook with a start month and a duration; a CSV opening on "sep=;" with two
    # numbered activities in some cells and loose time frames; a workbook of weeks under the months, statuses as
    # colours on a legend sheet
    D(
        "peru_plataforma-integracion_plan-trabajo_2028.docx",
        "per_integra",
        ("objective", "activity", "partners", "q", "status"),
        lead_in_text=True,
        rotated_context=True,
        qhdr="{Q}",
        mark="X",
        hdr={
            "objective": "Objetivo",
            "activity": "Responsable: actividad",
            "partners": "Socios",
            "status": "Estado",
        },
        landscape=True,
        pre=("title", "subtitle"),
        pdf=True,
    ),
    D(
        "peru_plataforma-integracion_plan-trabajo_2028.xlsx",
        "per_integra",
        ("objective", "output", "activity", "lead", "partners", "start", "duration", "status"),
        dates="month",
        status_style="percent-word",
        hdr={
            "objective": "Objetivo",
            "output": "Resultado",
            "activity": "Actividad",
            "lead": "Responsable",
            "partners": "Socios",
            "start": "Inicio",
            "duration": "Duración (meses)",
            "status": "Avance",
        },
        pre=("title", "subtitle"),
    ),
    D(
        "peru_plataforma-integracion_matriz_2028.csv",
        "per_integra",
        ("objective", "activity", "lead", "partners", "timeframe", "status"),
        ctx={"objective": "col_repeat"},
        pairs=True,
        timeframe_style="loose",
        delimiter=";",
        comment_lines=("sep=;",),
        hdr={
            "objective": "Objetivo",
            "activity": "Actividades",
            "lead": "Responsable",
            "partners": "Socios",
            "timeframe": "Plazo",
            "status": "Estado",
        },
        pre=(),
        axes=SEP_LINE,
    ),
    D(
        "peru_plataforma-integracion_seguimiento_2028.xlsx",
        "per_integra",
        ("objective", "activity", "lead", "weeks", "status"),
        label={"objective": "full"},
        two_row=True,
        mark="X",
        status_style="colour-only",
        hdr={"objective": "Objetivo", "activity": "Actividad", "lead": "Responsable", "status": "Estado"},
        pre=("title", "updated"),
    ),
    # ---- Guiné-Bissau, Cluster de Segurança Alimentar (pt), 2027: a Word plan whose objective and result columns are
    # merged and turned, loose time frames, statuses as a percent and a word; a workbook with two numbered activities
    # in some cells, printed to PDF; a slide per activity; a CSV opening on "sep=;" whose lead opens the activity text,
    # with a start month and a duration
    D(
        "guine-bissau_cluster-seguranca-alimentar_plano-trabalho_2027.docx",
        "gnb_sa",
        ("objective", "output", "num", "activity", "lead", "partners", "timeframe", "status"),
        rotated_context=True,
        timeframe_style="loose",
        status_style="percent-word",
        hdr={
            "objective": "Objetivo",
            "output": "Resultado",
            "num": "N.º",
            "activity": "Atividade",
            "lead": "Responsável",
            "partners": "Parceiros",
            "timeframe": "Prazo",
            "status": "Progresso",
        },
        landscape=True,
        pre=("title", "subtitle"),
        pdf=True,
    ),
    D(
        "guine-bissau_cluster-seguranca-alimentar_plano-operacional_2027.xlsx",
        "gnb_sa",
        ("objective", "output", "activity", "lead", "partners", "q", "status"),
        pairs=True,
        status_style="percent-word",
        qhdr="{Q} {y}",
        mark="X",
        hdr={
            "objective": "Objetivo",
            "output": "Resultado",
            "activity": "Atividades",
            "lead": "Responsável",
            "partners": "Parceiros",
            "status": "Progresso",
        },
        pre=("title", "subtitle"),
        pdf=True,
    ),
    D(
        "guine-bissau_cluster-seguranca-alimentar_fichas-atividades_2027.pptx",
        "gnb_sa",
        ("objective", "output", "activity", "lead", "partners", "q", "status"),
        ctx={"objective": "col_repeat", "output": "col_repeat"},
        slide_cards=True,
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
        "guine-bissau_cluster-seguranca-alimentar_matriz_2027.csv",
        "gnb_sa",
        ("objective", "activity", "partners", "start", "duration", "status"),
        ctx={"objective": "col_repeat"},
        lead_in_text=True,
        dates="month",
        delimiter=";",
        comment_lines=("sep=;",),
        hdr={
            "objective": "Objetivo",
            "activity": "Responsável: atividade",
            "partners": "Parceiros",
            "start": "Início",
            "duration": "Duração (meses)",
            "status": "Estado",
        },
        pre=(),
        axes=SEP_LINE,
    ),
)
