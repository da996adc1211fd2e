"""bench/RESULTS.md: the stored figures of every step as tables, the targets of issue 9 and the profiles."""

from __future__ import annotations

import os
import platform
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psutil

from bench.throughput import ROOT
from bench.throughput.corpus import PART_ROWS, SEED, CorpusSize, pdf_pages

# The targets of issue 9.
TARGET_W2_SPEEDUP = 1.7
TARGET_REINGEST_S = 3.0
TARGET_PEAK_MB = 600.0
FLAT_GROWTH = 1.2  # "flat": the big PDF's peak at most 20% above the small PDF's


def machine() -> dict[str, Any]:
    """The machine, the interpreter and the code measured."""
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT)
    dirty = subprocess.run(
        ["git", "status", "--short", "pipeline", "extractors", "normalizers"], capture_output=True, text=True, cwd=ROOT
    )
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gb": round(psutil.virtual_memory().total / (1 << 30), 1),
        "python": platform.python_version(),
        "os": platform.platform(terse=True),
        "commit": commit.stdout.strip() + (" + uncommitted changes in pipeline/extractors" if dirty.stdout else ""),
    }


def fmt(value: float | None, digits: int = 1) -> str:
    """A number for the table, or a dash."""
    return "–" if value is None else f"{value:,.{digits}f}"


def verdict(ok: bool | None) -> str:
    """met / NOT met / not measured."""
    return "not measured" if ok is None else ("met" if ok else "**NOT met**")


def targets(results: dict[str, Any], size: CorpusSize) -> list[tuple[str, str, bool | None]]:
    """(target, measured, met?) for each target of issue 9."""
    w1, w2 = results.get("w1", {}).get("figures"), results.get("w2", {}).get("figures")
    plumber = results.get("pdfplumber", {}).get("figures")
    reingest = results.get("reingest", {}).get("figures")
    big = results.get("big", {}).get("figures")
    rows: list[tuple[str, str, bool | None]] = []
    if w1 and plumber:
        rows.append(
            (
                "PDF pages/s at --workers 1 >= pdfplumber extract_tables()",
                f"{w1['pdf_pages_per_s']:.2f} vs {plumber['pages_per_s']:.2f}",
                w1["pdf_pages_per_s"] >= plumber["pages_per_s"],
            )
        )
    if w1 and w2:
        speedup = w2["docs_per_s"] / w1["docs_per_s"]
        rows.append(
            (
                f"--workers 2 >= {TARGET_W2_SPEEDUP}x --workers 1 (documents/s)",
                f"{speedup:.2f}x",
                speedup >= TARGET_W2_SPEEDUP,
            )
        )
    if reingest:
        worst = max(r["wall"] for k, r in reingest.items() if k.startswith("workers_"))
        rows.append(
            (
                f"re-ingest of the unchanged corpus < {TARGET_REINGEST_S:.0f} s",
                f"{worst:.1f} s",
                worst < TARGET_REINGEST_S,
            )
        )
    if w2:
        rows.append(
            (
                f"peak memory < {TARGET_PEAK_MB:.0f} MB at --workers 2 (RSS of the tree)",
                f"{w2['peak_rss_mb']:.0f} MB (PSS {w2['peak_pss_mb']:.0f} MB)",
                w2["peak_rss_mb"] < TARGET_PEAK_MB,
            )
        )
    if big:
        rows.append(flat_target(big[str(size.small_pages)], big[str(size.big_pages)], size))
    return rows


def measured_on(figures: dict[str, Any]) -> str:
    """The documents a step measured."""
    return f"{figures['documents']} docs ({figures['pdfs']} PDFs, {figures['pdf_pages']:,} pages)"


def flat_target(small: dict[str, Any], large: dict[str, Any], size: CorpusSize) -> tuple[str, str, bool | None]:
    """The flat-memory target: the big PDF's peak against the small PDF's (partial when stopped)."""
    measured = f"{large['peak_rss_mb']:.0f} MB vs {small['peak_rss_mb']:.0f} MB"
    if large["stopped"]:
        pages = size.small_pages / small["cpu"] * large["cpu"]
        measured += (
            f" (stopped after {large['wall']:.0f} s, about {pages:.0f} pages in by the CPU seconds of the "
            f"{size.small_pages}-page run; not loaded)"
        )
    return (
        f"memory flat on {size.big_pages:,} pages (peak <= {FLAT_GROWTH}x the {size.small_pages}-page peak)",
        measured,
        large["peak_rss_mb"] <= small["peak_rss_mb"] * FLAT_GROWTH,
    )


def ingest_rows(results: dict[str, Any]) -> list[str]:
    """Table rows for the two fresh ingests."""
    lines = []
    for key in ("w1", "w2"):
        f = results.get(key, {}).get("figures")
        if f:
            lines.append(
                f"| `workplans ingest --workers {f['workers']}` | {fmt(f['docs_per_s'], 2)} | "
                f"{fmt(f['pdf_pages_per_s'], 2)} | {f['pdf']['wall']:.0f} + {f['other']['wall']:.0f} | "
                f"{f['pdf']['cpu']:.0f} + {f['other']['cpu']:.0f} | {fmt(f['pdf_pages_per_cpu_s'], 2)} | "
                f"{f['peak_rss_mb']:.0f} / {f['peak_pss_mb']:.0f} | {measured_on(f)}: {f['loaded']} loaded, "
                f"{f['failed']} failed | "
                f"{f['pdf']['load'][0]:.1f}→{f['pdf']['load'][1]:.1f}, {f['other']['load'][1]:.1f} | "
                f"{results[key]['when']} |"
            )
    return lines


def peer_rows(results: dict[str, Any]) -> list[str]:
    """Table rows for the peers."""
    lines = []
    for key, label in (
        ("pdfplumber", "pdfplumber 0.11.10 `page.extract_tables()`, every page"),
        ("camelot", "camelot 2.0.0 `read_pdf(pages='all', flavor='stream')`"),
    ):
        entry = results.get(key)
        if entry and entry.get("figures"):
            f = entry["figures"]
            lines.append(
                f"| {label} | – | {fmt(f['pages_per_s'], 2)} | {f['wall']:.0f} | {f['cpu']:.0f} | "
                f"{fmt(f['pages_per_cpu_s'], 2)} | {f['peak_rss_mb']:.0f} / "
                f"{f['peak_pss_mb']:.0f} | {f['pdfs']} PDFs, {f['pdf_pages']:,} pages: {f['tables']} tables | "
                f"{f['load'][0]:.1f}→{f['load'][1]:.1f} | "
                f"{entry['when']} |"
            )
        elif entry:
            note = entry.get("note", "")
            lines.append(f"| {label} | – | – | – | – | – | – | skipped: {note} | – | {entry['when']} |")
    return lines


def other_rows(results: dict[str, Any]) -> list[str]:
    """Table rows for the re-ingest and the long-PDF memory runs."""
    lines = []
    reingest = results.get("reingest", {}).get("figures") or {}
    for workers, f in ((k, v) for k, v in reingest.items() if k.startswith("workers_")):
        lines.append(
            f"| re-ingest, unchanged corpus, `--{workers.replace('_', ' ')}` | – | – | {f['wall']:.1f} | "
            f"{f['cpu']:.1f} | – | {f['peak_rss_mb']:.0f} / {f['peak_pss_mb']:.0f} | "
            f"{reingest['documents']} docs: {f['skipped']} skipped, {f['loaded']} loaded "
            f"| {f['load'][0]:.1f}→{f['load'][1]:.1f} | {results['reingest']['when']} |"
        )
    for pages, f in (results.get("big", {}).get("figures") or {}).items():
        course = ", ".join(f"{k} {v:.0f}" for k, v in f["rss_at"].items() if k != "100%")  # 100%: exiting
        speed = "stopped" if f["stopped"] else fmt(f["pages_per_s"], 2)
        lines.append(
            f"| {int(pages):,}-page PDF alone, `--workers 1` | – | {speed} | {f['wall']:.0f} | "
            f"{f['cpu']:.0f} | – | {f['peak_rss_mb']:.0f} / {f['peak_pss_mb']:.0f} | {f['loaded']} loaded, "
            f"{f['failed']} failed; RSS MB at share of time: {course} | {f['load'][0]:.1f}→{f['load'][1]:.1f} "
            f"| {results['big']['when']} |"
        )
    return lines


def stage_lines(results: dict[str, Any]) -> list[str]:
    """The --profile breakdown of the fresh ingests."""
    lines = [
        "| stage | " + " | ".join(f"--workers {k[1]} s (share)" for k in ("w1", "w2") if k in results) + " |",
        "|---|" + "---|" * sum(k in results for k in ("w1", "w2")),
    ]
    for stage in ("open", "extract", "recognise", "normalise", "load"):
        cells = []
        for key in ("w1", "w2"):
            if key in results:
                timings = results[key]["figures"]["stages"]
                total = sum(timings.values()) or 1.0
                cells.append(f"{timings.get(stage, 0.0):.1f} ({timings.get(stage, 0.0) / total:.0%})")
        lines.append(f"| {stage} | " + " | ".join(cells) + " |")
    return lines


def profile_lines(figures: dict[str, Any]) -> list[str]:
    """One profile's two tables."""
    header = ["| function | calls | self s | cumulative s |", "|---|---|---|---|"]

    def rows(key: str) -> list[str]:
        return [f"| `{name}` | {calls:,} | {tot:.2f} | {cum:.2f} |" for name, calls, tot, cum in figures[key]]

    return [
        "Project functions by cumulative time:",
        "",
        *header,
        *rows("own_by_cumulative"),
        "",
        "All functions by self time:",
        "",
        *header,
        *rows("by_self"),
    ]


def hotspot_lines(results: dict[str, Any]) -> list[str]:
    """The cProfile tables."""
    entry = results.get("hotspots", {})
    f = entry.get("figures")
    if not f or "pdf" not in f:
        return ["(not measured)"]
    lines = [
        f"### Extraction: one in-process ingest (`pipeline.ingest.ingest(..., isolate=False)`, cProfile) of "
        f"{', '.join(f['pdf']['files'])} ({f['pdf']['pages']} pages): {f['pdf']['total']:.1f} s profiled, "
        f"imports included ({entry['when']})",
        "",
        *profile_lines(f["pdf"]),
    ]
    if "reingest" in f:
        lines += [
            "",
            f"### Re-ingest: the main process of `workplans ingest` over the {f['reingest']['documents']} "
            f"documents already loaded (cProfile): {f['reingest']['total']:.1f} s profiled",
            "",
            *profile_lines(f["reingest"]),
        ]
    return lines


def write_results(
    out: Path, root: Path, results: dict[str, Any], manifest: dict[str, Any], size: CorpusSize, notes: str
) -> None:
    """Rewrite the results file (bench/RESULTS.md for the full corpus) from every stored step."""
    info = machine()
    long_pages = [pdf_pages(path) for path in (root / "docs" / "pdf").glob("long-*.pdf")]
    per_format = ", ".join(f"{n} {k.upper()}" for k, n in manifest["per_format"].items())
    lines = [
        "# Batch ingestion throughput (issue 9)",
        "",
        f"Written by `{command(size)}` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC. Machine: {info['cpu']}, "
        f"{info['cores']} cores, {info['ram_gb']} GiB RAM, {info['os']}, Python {info['python']}; code at "
        f"{info['commit']}.",
        "",
        f"Corpus (version {manifest['version']}, seed {SEED}): {manifest['documents']} documents ({per_format}), "
        f"no two equal, {manifest['pdf_pages']:,} PDF pages ({manifest['long_pdfs']} long PDFs of "
        f"{min(long_pages)}-{max(long_pages)} pages hold {manifest['long_pages']:,}). Every document is a "
        f"workplan table drawn from the rows of data/samples/*.docx and tests/fixtures/text/health-workplan-2022.tsv: "
        f"rows drawn and shuffled, years changed, each row numbered; DOCX, XLSX and PPTX written by tools/office.py, "
        f"PDF rendered from DOCX by LibreOffice (ruled tables under headings; a long PDF is "
        f"rendered in parts of {PART_ROWS} rows, joined with pypdf); the {size.big_pages:,}-page PDF is the long "
        f"PDFs joined, the {size.small_pages}-page PDF its first pages.",
        "",
        "Method: every figure is the whole-process wall time of one command (interpreter start and imports "
        "included, as in ../shared/benchmarks). `workplans ingest` runs twice per setting into a fresh database "
        "(the PDFs, then the other formats), with `--profile` and `--max-seconds 7200` (so that a loaded machine "
        "does not turn slow documents into timeouts). Memory: the process tree (main process, fork server, "
        "workers) polled every 0.1 s with psutil; RSS summed (counts pages the workers share with the fork "
        "server once per process) / PSS summed (shared pages split; read every second only). Load = the "
        "1-minute load average before → after (2 cores: above 2 means other work competed for the CPU). CPU s = "
        "user + system seconds of the whole tree, as last polled: less sensitive to the load than wall time.",
        "",
        "| what | documents/s | PDF pages/s | wall s | CPU s | PDF pages per CPU s | peak MB RSS / PSS | outcome "
        "| load | when (UTC) |",
        "|---|---|---|---|---|---|---|---|---|---|",
        *ingest_rows(results),
        *peer_rows(results),
        *other_rows(results),
        "",
        "## Targets",
        "",
        "| target | measured | |",
        "|---|---|---|",
        *[f"| {name} | {measured} | {verdict(ok)} |" for name, measured, ok in targets(results, size)],
        "",
        "## Per stage (`ingest --profile`, seconds summed over documents; worker stages add up across workers)",
        "",
        *stage_lines(results),
        "",
        "## Where the time goes",
        "",
        *hotspot_lines(results),
        "",
    ]
    if notes:
        lines += ["## Notes", "", notes.strip(), ""]
    out.write_text("\n".join(lines))


def command(size: CorpusSize) -> str:
    """The command that writes the results of a corpus size."""
    return "python -m bench.throughput" + ("" if size.name == "full" else f" --{size.name}")
