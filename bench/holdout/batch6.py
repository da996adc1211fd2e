"""The holdout's sixth batch: five new plans (Bangladesh, Haiti, Mozambique, Ukraine, Ecuador) in layouts the
first five batches do not have.

Quarter columns headed by their months' initials ("JFM", "EFM") under a merged "Timeline 2027"; the activity's
code written in its own cell ("1.1.2 - …") beside context cells merged down the first columns; the lead on a
cell's first line and the partners on the next, with no label; a status as a mark and a word ("✓ Done",
"🟡 En cours") or as a coloured word; footnote rows inside the table body ("* À confirmer avec le GCIS") and a
total row above the last of them; a small table per result under two levels of headings; a workbook whose header
sits on row 5 under a logo line, the title and a "Last updated" line, its activity rows grouped (outline) under
their bands; CSV exports with a two-line header; slides with two tables side by side; a Word table with
vertically merged cells and rotated quarter headers; time frames as "w/c 11 Jan", "by end Q3", "H1 2027",
"Throughout the year", "from April"; a deadline column in dd/mm/yyyy.
"""

from __future__ import annotations

from bench.holdout.layout import Layout as D

BATCH6: tuple[D, ...] = (
    # ---- Bangladesh, Rohingya response health sector (en): objective and output merged down the first columns,
    # codes in the activity text, quarters headed "JFM" … under "Timeline 2027", coloured status words; a workbook
    # with its header on row 5 and grouped rows; a CSV export with a two-line header
    D(
        "bangladesh_rohingya-health-sector_workplan_2027.docx",
        "bgd_health",
        ("objective", "output", "activity", "lead", "partners", "q", "status"),
        code_in_text=" - ",
        qhdr="{initials}",
        two_row=True,
        mark="X",
        status_style="colour",
        hdr={
            "objective": "Objective",
            "output": "Output",
            "activity": "Activities",
            "lead": "Lead agency",
            "partners": "Partners",
            "status": "Status",
        },
        landscape=True,
        font_pt=9,
        pre=("title", "subtitle"),
        pdf=True,
    ),
    D(
        "bangladesh_rohingya-health-sector_tracker_2027.xlsx",
        "bgd_health",
        ("num", "activity", "lead_support", "q", "status"),
        ctx={"objective": "section", "output": "section_cells"},
        label={"objective": "full", "output": "full"},
        joint=2,
        seps=(", ", "; "),
        qhdr="{Q} {y}",
        mark="●",
        status_style="marks",
        hdr={"num": "#", "activity": "Activity", "lead_support": "Lead / Partners", "status": "Status"},
        pre=("logo", "title", "updated"),
        grouped_rows=True,
        pdf=True,
    ),
    D(
        "bangladesh_rohingya-health-sector_workplan-export_2027.csv",
        "bgd_health",
        ("objective", "output", "num", "activity", "lead", "partners", "q", "status"),
        ctx={"objective": "col_repeat", "output": "col_repeat"},
        two_row=True,
        qhdr="{Q}",
        mark="x",
        hdr={"lead": "Lead", "partners": "Partners", "status": "Status"},
        pre=(),
    ),
    # ---- Haiti protection cluster (fr): a small table per result under two levels of headings, time frames as a
    # coordination office words them and marked statuses; a tracking workbook with footnote rows and a total row;
    # slides with two tables side by side
    D(
        "haiti_cluster-protection_plan-de-travail_2027.docx",
        "hti_prot",
        ("num", "activity", "lead", "partners", "timeframe", "status"),
        ctx={"priority": "heading", "objective": "heading"},
        label={"priority": "full", "objective": "full"},
        timeframe_style="coord",
        status_style="marks",
        hdr={
            "num": "N°",
            "activity": "Activités",
            "lead": "Responsable",
            "partners": "Partenaires",
            "timeframe": "Période",
            "status": "Statut",
        },
        landscape=True,
        pre=("title", "subtitle"),
        pdf=True,
    ),
    D(
        "haiti_cluster-protection_suivi_2027.xlsx",
        "hti_prot",
        ("priority", "objective", "activity", "lead", "partners", "q", "budget", "status"),
        qhdr="{Q} {y}",
        mark="X",
        total_row=True,
        footnotes=(
            "* À confirmer avec le Groupe de coordination inter-secteurs (GCIS).",
            "** Sous réserve de financement du Fonds humanitaire.",
        ),
        hdr={"priority": "Axe", "objective": "Résultat attendu", "status": "État d'avancement"},
        pre=("title", "updated"),
    ),
    D(
        "haiti_cluster-protection_presentation_2027.pptx",
        "hti_prot",
        ("activity", "lead_support", "timeframe"),
        ctx={"priority": "heading", "objective": "section"},
        label={"priority": "full", "objective": "full"},
        joint=2,
        seps=(", ",),
        timeframe_style="coord",
        side_by_side=True,
        hdr={"activity": "Activité", "lead_support": "Responsable / partenaires", "timeframe": "Quand"},
        pre=("title", "subtitle"),
        pdf=True,
    ),
    # ---- Mozambique, Cabo Delgado ICCG (pt): priorities merged down the first column of a Word table whose
    # quarter headers are turned; a workbook with a deadline column in dd/mm/yyyy, lead and partners on two lines
    # and a footnote row
    D(
        "mocambique_iccg-cabo-delgado_plano-accao_2027.docx",
        "moz_iccg",
        ("priority", "num", "activity", "lead", "partners", "q", "status"),
        qhdr="{n}.º trimestre",
        rotated_header=True,
        mark="X",
        hdr={
            "priority": "Prioridade",
            "num": "N.º",
            "activity": "Acção",
            "lead": "Responsável",
            "partners": "Parceiros",
            "status": "Situação",
        },
        landscape=True,
        font_pt=10,
        pre=("title", "subtitle"),
        pdf=True,
    ),
    D(
        "mocambique_iccg-cabo-delgado_plano-accao_2027.xlsx",
        "moz_iccg",
        ("num", "activity", "lead_support", "target", "status"),
        ctx={"priority": "section"},
        label={"priority": "full"},
        joint=2,
        seps=(", ", "; "),
        dates="dmy",
        status_style="colour",
        footnotes=("* A confirmar com a Coordenação do ICCG.",),
        hdr={"lead_support": "Responsável / Parceiros", "target": "Prazo (dd/mm/aaaa)", "status": "Situação"},
        pre=("title", "subtitle", "updated"),
    ),
    # ---- Ukraine cash working group (en): a workbook under a logo line with grouped rows, coordination time
    # frames and a deadline column; a Word table with pillars merged down the first column, codes in the activity
    # text and lead / partners on two lines; slides with two tables side by side; a CSV with a two-line header
    D(
        "ukraine_cash-working-group_workplan_2027.xlsx",
        "ukr_cwg",
        ("objective", "activity", "lead", "partners", "timeframe", "target", "status"),
        ctx={"priority": "section"},
        label={"priority": "full"},
        timeframe_style="coord",
        dates="dmy",
        status_style="colour",
        hdr={
            "timeframe": "Timeframe",
            "target": "Deadline",
            "status": "Status",
            "lead": "Lead",
            "partners": "Partners",
        },
        pre=("logo", "title", "updated"),
        grouped_rows=True,
    ),
    D(
        "ukraine_cash-working-group_workplan_2027.docx",
        "ukr_cwg",
        ("priority", "activity", "lead_support", "timeframe", "status"),
        code_in_text=" - ",
        joint=2,
        seps=(", ",),
        timeframe_style="coord",
        status_style="marks",
        hdr={"priority": "Pillar", "activity": "Activity", "lead_support": "Lead / partners", "timeframe": "When"},
        landscape=True,
        pre=("title", "subtitle"),
        pdf=True,
    ),
    D(
        "ukraine_cash-working-group_workplan-slides_2027.pptx",
        "ukr_cwg",
        ("activity", "lead", "timeframe"),
        ctx={"priority": "heading", "objective": "section"},
        label={"priority": "full"},
        side_by_side=True,
        hdr={"activity": "Activity", "lead": "Lead", "timeframe": "When"},
        pre=("title", "subtitle"),
        pdf=True,
    ),
    D(
        "ukraine_cash-working-group_tracker_2027.csv",
        "ukr_cwg",
        ("priority", "objective", "activity", "lead", "partners", "q", "status"),
        ctx={"priority": "col_repeat", "objective": "col_repeat"},
        two_row=True,
        qhdr="{initials}",
        mark="x",
        hdr={"priority": "Pillar", "objective": "Objective", "status": "Status"},
        pre=(),
    ),
    # ---- Ecuador GTRM integration sector (es): a Word table with merged objective and output columns, quarter
    # headers "EFM" … turned under "Cronograma 2027" and marked statuses; a workbook under a logo line with grouped
    # rows, a budget, a total row and footnotes; a CSV export with a two-line header and lead / partners on two lines
    D(
        "ecuador_gtrm-integracion_plan-trabajo_2027.docx",
        "ecu_gtrm",
        ("objective", "output", "activity", "lead", "partners", "q", "status"),
        qhdr="{initials}",
        two_row=True,
        rotated_header=True,
        mark="X",
        status_style="marks",
        hdr={"objective": "Objetivo", "output": "Producto", "activity": "Actividad", "lead": "Lidera"},
        landscape=True,
        font_pt=9,
        pre=("title", "subtitle"),
        pdf=True,
    ),
    D(
        "ecuador_gtrm-integracion_seguimiento_2027.xlsx",
        "ecu_gtrm",
        ("num", "activity", "lead", "partners", "budget", "timeframe", "status"),
        ctx={"objective": "section", "output": "section_cells"},
        label={"objective": "full", "output": "full"},
        timeframe_style="coord",
        total_row=True,
        footnotes=(
            "* Por confirmar con la Coordinación del GTRM.",
            "** Sujeto a la disponibilidad de fondos.",
        ),
        hdr={"budget": "Presupuesto (USD)", "timeframe": "Período", "status": "Estado"},
        pre=("logo", "title", "updated"),
        grouped_rows=True,
        pdf=True,
    ),
    D(
        "ecuador_gtrm-integracion_matriz_2027.csv",
        "ecu_gtrm",
        ("objective", "output", "activity", "lead_support", "q", "status"),
        ctx={"objective": "col_repeat", "output": "col_repeat"},
        joint=2,
        seps=(", ",),
        two_row=True,
        qhdr="{Q}",
        mark="X",
        hdr={"lead_support": "Responsable / Socios", "status": "Estado"},
        pre=(),
    ),
)
