"""Build the shadow holdout: documents, gold and manifest, laid out as the public suite's folder.

    python -m bench.holdout.build [OUT] [--only NAME]    # OUT defaults to bench/holdout/build/ (git-ignored)

OUT/docs/ holds the documents, OUT/gold/<document>.json their gold, OUT/manifest.json each document's plan,
language, year, gold count and layout axes. The manifest is also compared with the committed
bench/holdout/manifest.json (`--write-manifest` rewrites it). Needs LibreOffice for the PDFs.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path
from typing import Any

from bench.holdout.apart import reshaped
from bench.holdout.boards import shown_headers, sideways_pdf
from bench.holdout.documents import DOCUMENTS
from bench.holdout.grid import ROW_MODES, Built, build, expand, shown
from bench.holdout.inline import labelled_lines
from bench.holdout.layout import Layout
from bench.holdout.render import render_pdfs, write
from bench.holdout.restyle import scanned_pdf

HERE = Path(__file__).parent
DEFAULT_OUT = HERE / "build"
MANIFEST = HERE / "manifest.json"


def build_all(out: Path, only: str | None = None) -> list[dict[str, Any]]:
    """Write every document (or those whose name holds `only`), its PDF rendering and gold; the manifest rows."""
    docs, gold = out / "docs", out / "gold"
    for folder in (docs, gold):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
    rows: list[dict[str, Any]] = []
    to_render: list[tuple[Path, Built]] = []
    for layout in DOCUMENTS:
        if only and only not in layout.name:
            continue
        built = build(layout)
        path = write(built, docs)
        rows.append(manifest_row(built, layout.name, layout.extension))
        write_gold(gold, layout.name, built)
        if layout.pdf or layout.scan:
            to_render.append((path, built))
    for pdf, (source, built) in zip(render_pdfs([p for p, _ in to_render], docs), to_render, strict=True):
        if built.layout.scan:  # a scanner's copy of the render (the render itself a document only with `pdf`)
            scan = scanned_pdf(pdf, docs / built.layout.scan)
            rows.append(manifest_row(built, scan.name, f"pdf:{source.suffix[1:]}:scan"))
            write_gold(gold, scan.name, built)
        if not built.layout.pdf:
            pdf.unlink()
            continue
        if built.layout.sideways:
            sideways_pdf(pdf)
        rows.append(manifest_row(built, pdf.name, f"pdf:{source.suffix[1:]}"))
        write_gold(gold, pdf.name, built)
    rows.sort(key=lambda row: str(row["document"]))
    (out / "manifest.json").write_text(manifest_text(rows), encoding="utf-8")
    return rows


def write_gold(folder: Path, name: str, built: Built) -> None:
    gold = {"document": name, "year": built.plan.year, "activities": built.gold}
    (folder / f"{name}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def manifest_text(rows: list[dict[str, Any]]) -> str:
    return json.dumps({"documents": rows}, ensure_ascii=False, indent=1) + "\n"


def manifest_row(built: Built, name: str, source: str) -> dict[str, Any]:
    plan = built.plan
    return {
        "document": name,
        "plan": plan.key,
        "source": source,
        "country": plan.country,
        "sector": plan.sector,
        "language": plan.lang,
        "year": plan.year,
        "gold_activities": len(built.gold),
        "headers": headers(built),
        "axes": sorted(axes(built, source)),
    }


def headers(built: Built) -> list[str]:
    """The header texts of the document's first table (none for minutes written as prose)."""
    if built.layout.action_paragraphs or built.layout.prose:
        return []
    if built.layout.slide_cards:  # a slide's labelled lines
        part = built.parts[0]
        return [label for label, _ in labelled_lines(built, part.rows[part.header_rows])]
    shown = shown_headers(built)
    if shown is not None:  # a record's labels, a board's columns, a drawn Gantt's labels
        return shown
    part = reshaped(built).parts[0]
    sheets = built.layout.quarter_sheets  # a sheet per quarter has no quarter columns
    left_out = {c for c, (role, _) in enumerate(expand(built.layout.cols)) if role == "q" and sheets}
    last = part.rows[part.header_rows - 1]
    return [cell for c, cell in enumerate(last) if cell not in ("^", "<") and c not in left_out]


def axes(built: Built, source: str) -> set[str]:
    """The layout classes a document exercises, named from its parameters."""
    layout, plan = built.layout, built.plan
    out = set(built.axes) | set(layout.axes)
    out |= {f"format:{source.split(':')[0]}", f"lang:{plan.lang}", f"kind:{kind(built)}"}
    if source.startswith("pdf:"):
        out |= {f"pdf:from-{layout.extension}", "pdf:ruled" if layout.ruled else "pdf:borderless"}
    out |= context_axes(built)
    out |= timeline_axes(layout, plan.minutes)
    out |= {f"above-header:{kind}" for kind in layout.pre}
    flags = {
        "above-header:rows-in-table": layout.pre_in_table,
        "header:two-row": layout.two_row
        or bool(layout.actor_group)
        or ("q2y" in layout.cols and not layout.year_in_quarter),
        "header:over-actor-columns": bool(layout.actor_group),
        "header:repeated-per-group": layout.header_per_group,
        "rows:spacers-between-groups": layout.spacer_rows,
        "rows:total": layout.total_row,
        "level-rows:unshaded": not layout.section_fill and any(m in ROW_MODES for m in layout.ctx.values()),
        "status": "status" in layout.cols,
        "status:filled-cells": layout.status_fill,
        "narrative-paragraphs": layout.narrative,
        "page:landscape": layout.landscape,
        "table:header-not-repeated": not layout.repeat_header,
        "cells:multi-line": layout.multiline,
        "second-table": bool(layout.extra) or (len(built.parts) > 1 and not layout.prose),
        "csv:bom": layout.bom,
        f"csv:delimiter{layout.delimiter}": layout.extension == "csv",
        f"numbering:{layout.numbering}": "num" in layout.cols and layout.num_style == "code",
        "numbering:sequence": "num" in layout.cols and layout.num_style == "seq",
        "columns:location": "location" in layout.cols,
        "columns:donor": "donor" in layout.cols,
        "columns:indicator": "indicator" in layout.cols,
        "columns:baseline-target": "baseline" in layout.cols,
        "columns:discussion-prose": "discussion" in layout.cols,
        "context:indicator-merged": layout.ctx.get("indicator") == "col_merged",
        "cells:actors-merged-over-rows": layout.merge_actors,
        "cells:bullet-list-activities": layout.bullets,
        "slides:header-on-first-only": layout.header_first_only,
        "xlsx:hidden-columns": bool(layout.hidden_cols),
        "xlsx:hidden-rows": bool(layout.hidden_rows),
        "header:quarters-as-date-ranges": "{range}" in layout.qhdr or "{days}" in layout.qhdr,
        "columns:lead-support-one-cell": "lead_support" in layout.cols and layout.joint != 2,
        f"status:{layout.status_style}": "status" in layout.cols and layout.status_style != "words",
        "slides:continued-title": layout.continued,
        "csv:comment-lines": bool(layout.comment_lines),
        "csv:long-activity-by-quarter": "period" in layout.cols,
        "header:year-over-quarters": "q2y" in layout.cols and not layout.year_in_quarter,
        "columns:lead-partners-by-line": "lead_support" in layout.cols and layout.joint == 2,
        "context:code-in-activity-text": bool(layout.code_in_text),
        "header:quarters-as-month-initials": "{initials}" in layout.qhdr,
        "rows:footnotes-in-body": bool(layout.footnotes),
        "header:rotated-text": layout.rotated_header,
        "xlsx:outline-rows": layout.grouped_rows,
        "slides:two-tables-side-by-side": layout.side_by_side,
        "csv:two-line-header": layout.extension == "csv" and built.parts[0].header_rows > 1,
        "actors:lead-with-person-role": bool(layout.lead_roles),
        "rows:legend-at-bottom": bool(layout.legend),
        f"csv:encoding-{layout.encoding}": layout.extension == "csv" and layout.encoding != "utf-8",
        "header:year-band-over-timeline": bool(layout.band),
        "numbering:top-level-dot": layout.level_dot,
        "actors:co-lead-in-brackets": layout.colead,
        "actors:bulleted-lines": layout.bullet_partners,
        "table:header-copied-into-body": bool(layout.rehead),
        "minutes:action-points-as-paragraphs": layout.action_paragraphs,
        "header:year-in-quarter-label": layout.year_in_quarter,
        "actors:lead-with-person-and-email": layout.contacts,
        "header:abbreviations-with-key": bool(layout.key),
        "xlsx:cell-comments": layout.workbook_extras,
        "xlsx:summary-sheet": layout.workbook_extras,
        "xlsx:hidden-sheet": layout.workbook_extras,
        "table:nested-in-cell": layout.nested,
        "slides:grid-of-text-boxes": layout.text_boxes,
        "docx:tracked-changes": layout.tracked,
        "context:lead-band": layout.lead_band,
        "docx:prose-no-table": layout.prose,
        "header:month-date-cells": layout.month_dates,
        "xlsx:conditional-formatting-timeline": layout.mark == "cf",
        "timeline:quarter-budget-amounts": layout.mark == "amount",
        "timeline:quarter-budget-shares": layout.mark == "percent",
        "slides:later-slides-reorder-columns": bool(layout.slide_order) and len(layout.slide_order) == len(layout.cols),
        "slides:later-slides-drop-columns": bool(layout.slide_order) and len(layout.slide_order) < len(layout.cols),
        "pdf:image-only-scan": source.endswith(":scan"),
        "text:markdown-pipe-table": layout.extension == "md",
        "text:unicode-text-utf16-tabs": layout.extension == "txt" and not layout.records,
        "docx:record-table-per-activity": layout.records == "table",
        "text:key-value-export": layout.records == "kv",
        "xlsx:status-board": layout.kanban,
        "status:board-columns": layout.kanban,
        "xlsx:tables-side-by-side": layout.side_tables,
        "slides:gantt-drawn-as-shapes": layout.gantt_shapes,
        "csv:units-row-under-header": bool(layout.units),
        "actors:partners-with-count-of-others": layout.partners_more,
        "actors:lead-with-person-name-and-title": layout.lead_person,
        "cells:numbered-sub-activities": layout.steps,
        "pdf:sideways-on-portrait-page": layout.sideways and source.startswith("pdf:"),
        "columns:actors-in-second-table-by-code": bool(layout.who),
        "docx:landscape-and-portrait-sections": bool(layout.who) and layout.landscape and layout.extension == "docx",
        "xlsx:sheet-per-quarter": layout.quarter_sheets,
        "table:transposed-activities-as-columns": layout.transposed,
        "csv:totals-block-below": layout.tail,
        "csv:second-table-below": layout.tail and bool(layout.extra),
        "header:quarters-over-months-merged": layout.month_quarters,
        "marks:footnote-markers": bool(layout.mark_notes),
        "rows:struck-through-cancelled": layout.struck,
        "header:months-over-weeks": "weeks" in layout.cols and layout.two_row,
        "cells:two-numbered-activities": layout.pairs,
        "cells:lead-opens-activity-text": layout.lead_in_text,
        "cells:lead-in-bold-type": layout.lead_in_text and layout.extension in ("docx", "xlsx"),
        "xlsx:rich-text-runs": layout.lead_in_text and layout.extension == "xlsx",
        "docx:rotated-merged-context": layout.rotated_context,
        "xlsx:legend-sheet": layout.status_style == "colour-only",
        "slides:activity-per-slide-labelled-lines": layout.slide_cards,
    }
    out |= {name for name, on in flags.items() if on}
    out |= {f"extra-table:{kind}" for kind in layout.extra}
    return out


def kind(built: Built) -> str:
    if built.plan.minutes:
        return "minutes"
    if "location" in built.layout.cols:
        return "matrix"
    return "workplan"


def context_axes(built: Built) -> set[str]:
    layout, plan = built.layout, built.plan
    if kind(built) == "matrix":
        return {"context:none"}
    out = set()
    for level in plan.levels:
        if shown(plan, layout, level):
            mode = layout.mode(level)
            out.add(f"context:{mode}" if level in layout.cols or mode in ROW_MODES or mode == "heading" else "")
            style = layout.label.get(level, "plain")
            if style != "plain":
                out.add(f"label:{style}")
    if layout.prose or layout.records or layout.gantt_shapes:  # headings over paragraphs, records or drawings
        return out
    if any(layout.mode(lv) == "heading" for lv in plan.levels):
        out.add("sheets:one-per-heading" if layout.extension == "xlsx" else "tables:one-per-heading")
    if sum(layout.mode(lv) == "heading" for lv in plan.levels) > 1:
        out.add("tables:under-two-heading-levels")
    return out - {""}


def timeline_axes(layout: Layout, minutes: bool) -> set[str]:
    if layout.prose or layout.records == "table" or layout.slide_cards:  # a labelled line ("Timeline: Q2–Q3 2027")
        return {"timeline:quarters-in-labelled-line"}
    if layout.kanban:  # a card's second line ("UNHCR · Q2–Q3 2027")
        return {"timeline:quarters-in-card-line"}
    if layout.quarter_sheets:  # the sheet an activity is listed on names its quarter
        return {"timeline:sheet-per-quarter"}
    if layout.transposed:
        return {"timeline:month-rows", f"marks:{layout.mark}"}
    if layout.gantt_shapes:
        return {"timeline:bars-under-month-labels"} | (
            {"timeline:fiscal-months"} if "months2y" in layout.cols else set()
        )
    cols = set(layout.cols)
    out = set()
    if "q" in cols:
        out.add("timeline:quarter-columns")
    if "months" in cols:
        out.add(f"timeline:month-columns-{layout.months}")
    if "halves" in cols:
        out.add("timeline:half-year-columns")
    if "weeks" in cols:
        out.add("timeline:week-columns")
    if "months2y" in cols:
        out.add("timeline:month-columns-two-years")
    if "q2y" in cols:
        out.add("timeline:quarter-columns-two-years")
    if "period" in cols:
        out.add("timeline:quarter-per-row")
    if "timeframe" in cols:
        free = "timeline:month-span-text" if layout.span_text else "timeline:free-text"
        free = "timeline:coordination-phrases" if layout.timeframe_style == "coord" else free
        free = "timeline:mixed-forms" if layout.timeframe_style == "mixed" else free
        free = "timeline:loose-phrases-and-weeks" if layout.timeframe_style == "loose" else free
        out.add("timeline:deadlines" if minutes else free)
    if "start" in cols:
        out.add(f"timeline:start-{'and-duration' if 'duration' in cols else 'end'}-{layout.dates}")
    if "fq" in cols:
        out.add("timeline:fiscal-quarter-columns")
    if "fperiod" in cols:
        out.add("timeline:fiscal-month-range")
    if "daterange" in cols:
        out.add(f"timeline:date-range-one-cell-{layout.dates}")
    if "target" in cols:
        out.add(f"timeline:target-date-{layout.dates}")
    if cols & {"q", "months", "halves", "months2y", "q2y", "fq", "weeks"}:
        out.add("marks:shading" if layout.mark.startswith("shade:") else f"marks:{layout.mark}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--only", help="build only documents whose name holds this")
    parser.add_argument("--write-manifest", action="store_true", help="rewrite the committed manifest")
    args = parser.parse_args(argv)
    rows = build_all(args.out, args.only)
    print(f"holdout: {len(rows)} documents, {sum(r['gold_activities'] for r in rows)} gold activities in {args.out}")
    if args.only:
        return 0
    if args.write_manifest:
        MANIFEST.write_text(manifest_text(rows), encoding="utf-8")
    elif MANIFEST.exists() and MANIFEST.read_text(encoding="utf-8") != manifest_text(rows):
        print("holdout: the documents differ from bench/holdout/manifest.json (--write-manifest after a change)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
