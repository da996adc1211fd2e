"""Scans of the workplan-suite PDFs scored against the same gold as their text-layer originals (issue 22).

    python -m bench.ocr_suite [--suite ../shared/benchmarks/workplan-suite] [--dpi 200] [--only NAME]
                              [--scans DIR] [--json FILE]

Each PDF of the suite is scanned (`tools.scan`: rendered grey at --dpi, tilted up to 1.5 degrees, blurred, noisy,
saved as an image-only PDF), then two copies of the suite are scored by its own score.py, both holding the PDFs
only: one with the originals, one with the scans in their place. Printed: each run's last line, the scans' scores
as a share of the originals', the `no_text_layer` errors left, and the seconds per page of each scanned document
(whole `workplans ingest` process: start-up, OCR and the rest; wall-clock time); with --timing, each scan read
alone again by `workplans tables`, wall-clock and CPU seconds (Tesseract's included) per page.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pypdfium2

from tools.scan import ScanSettings, scan_pdf

ROOT = Path(__file__).resolve().parent.parent
METRICS = ("act_f1", "context", "quarters", "year", "lead_f1", "partner_f1", "status")
LAST_LINE = re.compile(r"^workplan-suite: .*$", re.MULTILINE)
# Seconds one document may take: a six-page scan reads in about a minute on a loaded two-core machine.
TIMEOUT_S = 900


def suite_copy(suite: Path, target: Path, documents: dict[str, Path]) -> Path:
    """A copy of the suite (scorer, manifest, gold) whose docs/ holds the given documents only."""
    for entry in suite.iterdir():
        if entry.is_file():
            shutil.copy2(entry, target / entry.name)
    shutil.copytree(suite / "gold", target / "gold")
    (target / "docs").mkdir()
    for name, source in documents.items():
        shutil.copy2(source, target / "docs" / name)
    return target


def score(suite: Path, report: Path) -> dict[str, float]:
    """Run a suite copy's score.py on this project; its last line's metrics."""
    done = subprocess.run(
        [
            str(ROOT / ".venv/bin/python"),
            str(suite / "score.py"),
            "--project",
            str(ROOT),
            "--timeout",
            str(TIMEOUT_S),
            "--json",
            str(report),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    found = LAST_LINE.findall(done.stdout)
    if not found:
        raise SystemExit(f"score.py printed no result:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    print(found[-1])
    return {key: float(value) for key, value in re.findall(r"(\w+)=([\d.]+)", found[-1]) if key in METRICS}


def page_seconds(report: Path, pages: dict[str, int]) -> list[tuple[str, int, float, list[str]]]:
    """(document, pages, seconds per page, error kinds) of each document of a score.py report."""
    data = json.loads(report.read_text(encoding="utf-8"))
    rows = []
    for record in data.get("documents", data if isinstance(data, list) else []):
        name = record["document"]
        kinds = sorted({error.get("error", "") for error in record.get("ingest_errors", [])})
        rows.append((name, pages[name], record.get("seconds", 0.0) / max(pages[name], 1), kinds))
    return rows


def read_seconds(path: Path) -> tuple[float, float]:
    """(wall, CPU) seconds of one `workplans tables` process reading a document: its start-up, OCR (Tesseract's
    processes' CPU included) and table finding, without the database."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([str(ROOT / ".venv/bin/workplans"), "tables", str(path)], capture_output=True, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def page_count(path: Path) -> int:
    """The pages of a PDF."""
    document = pypdfium2.PdfDocument(path)
    try:
        return len(document)
    finally:
        document.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suite", type=Path, default=ROOT.parent / "shared/benchmarks/workplan-suite")
    parser.add_argument("--dpi", type=int, default=200)
    parser.add_argument("--only", default="", help="documents whose name contains this (comma-separated)")
    parser.add_argument("--scans", type=Path, help="keep the scans here (and reuse those already made)")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--timing", action="store_true", help="also time each scan read alone (wall and CPU)")
    args = parser.parse_args()
    wanted = [part for part in args.only.split(",") if part]
    originals = {
        p.name: p
        for p in sorted((args.suite / "docs").glob("*.pdf"))
        if not wanted or any(part in p.name for part in wanted)
    }
    with tempfile.TemporaryDirectory(prefix="ocr-suite-") as folder:
        work = Path(folder)
        scans_dir = args.scans or work / "scans"
        scans_dir.mkdir(parents=True, exist_ok=True)
        for name, source in originals.items():
            if not (scans_dir / name).exists():
                scan_pdf(source, scans_dir / name, ScanSettings(dpi=args.dpi))
        pages = {name: page_count(scans_dir / name) for name in originals}
        print(f"{len(originals)} PDFs, {sum(pages.values())} pages, scanned at {args.dpi} dpi", flush=True)
        (work / "text").mkdir()
        (work / "scan").mkdir()
        text = score(suite_copy(args.suite, work / "text", originals), work / "text.json")
        scans = {name: scans_dir / name for name in originals}
        scanned = score(suite_copy(args.suite, work / "scan", scans), work / "scan.json")
        rows = page_seconds(work / "scan.json", pages)
        timings = {name: read_seconds(scans_dir / name) for name in originals} if args.timing else {}
    ratios = {key: scanned[key] / text[key] if text.get(key) else 0.0 for key in text}
    print("scans / originals: " + " ".join(f"{key}={value:.3f}" for key, value in ratios.items()))
    left = [name for name, _, _, kinds in rows if "no_text_layer" in kinds]
    print(f"no_text_layer errors left: {len(left)} {left}")
    for name, count, seconds, kinds in rows:
        timed = timings.get(name)
        alone = f", read alone {timed[0] / count:.1f} s/page wall, {timed[1] / count:.1f} s/page CPU" if timed else ""
        print(f"  {name}: {count} pages, ingest {seconds:.1f} s/page{alone}, {', '.join(kinds) or 'no warnings'}")
    if timings:
        total_pages = sum(pages.values())
        wall, cpu = (sum(t[i] for t in timings.values()) / total_pages for i in (0, 1))
        print(f"read alone, all scans: {wall:.1f} s/page wall, {cpu:.1f} s/page CPU ({total_pages} pages)")
    if args.json:
        figures = {"text": text, "scan": scanned, "ratio": ratios, "no_text_layer": left, "documents": rows}
        figures["timings"] = timings
        args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
