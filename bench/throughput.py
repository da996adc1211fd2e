"""Batch ingestion throughput and memory, measured against pdfplumber and camelot on the same PDF pages.

Builds (once, cached by CORPUS_VERSION) a corpus of varied workplans made from the samples' and fixtures'
rows: DOCX, XLSX, PPTX, TSV and PDF (rendered by one LibreOffice call per batch), with long PDFs so that
the corpus holds at least MIN_PDF_PAGES pages, plus a 100-page and a 1,000-page PDF for the memory check.
Then times `workplans ingest` at --workers 1 and 2, a re-ingest, the long PDFs alone, the peers, and
profiles one in-process ingest; each step's figures are kept in the cache and bench/RESULTS.md is
rewritten from all of them, so one step can be rerun alone (`--steps w1,reingest`).

    .venv/bin/python bench/throughput.py [--corpus DIR] [--camelot-python /tmp/camelot-venv/bin/python]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parent.parent
RESULTS_MD = ROOT / "bench" / "RESULTS.md"
WORKPLANS = ROOT / ".venv" / "bin" / "workplans"
PYTHON = ROOT / ".venv" / "bin" / "python"
SAMPLE_DOCX = sorted((ROOT / "data" / "samples").glob("*.docx"))
SEED_TSV = ROOT / "tests" / "fixtures" / "tsv" / "health-workplan-2022.tsv"

# Bump when the corpus recipe changes: the cache is keyed by it.
CORPUS_VERSION = "3"
DEFAULT_CACHE = Path(tempfile.gettempdir()) / "workplans-throughput"
SEED = 9  # the number: the corpus is the same on every machine
# Documents per generated format; with the PDFs the corpus holds well over 200 documents.
COUNTS = {"docx": 60, "xlsx": 40, "pptx": 30, "tsv": 30}
SHORT_PDFS = 60
SHORT_ROWS = (6, 30)  # rows per short document: one to a few pages
MIN_DOCUMENTS = 200
MIN_PDF_PAGES = 2000
LONG_PDF_PAGES = (50, 100)  # pages per long PDF, from long DOCX tables
FIRST_ROWS_PER_PAGE = 5.0  # a first guess, corrected from the first batch of long PDFs
SECTION_ROWS = 30  # a long document is headed sections of this many rows, as real annexes are
ROWS_PER_SLIDE = 6
SLIDES = (2, 5)
YEARS = (2018, 2030)
BIG_PAGES = 1000
SMALL_PAGES = 100
FORMATS = ("pdf", "docx", "xlsx", "pptx", "tsv")

POLL_SECONDS = 0.1
MB = 1 << 20
# Generous limits so that a slow, loaded machine does not turn slow documents into failures.
INGEST_LIMITS = ["--max-seconds", "7200"]
SOFFICE_TIMEOUT_S = 3600
HOTSPOT_SHORT_PDFS = 4
HOTSPOT_ROWS = 14
STAGE_LINE = re.compile(r"^(\w+)\s+([\d.]+)\s+[\d.]+%", re.MULTILINE)
SUMMARY_LINE = re.compile(r"(\d+) loaded, (\d+) skipped, (\d+) failed")
YEAR_RE = re.compile(r"\b20[0-3]\d\b")

# The targets of issue 9.
TARGET_W2_SPEEDUP = 1.7
TARGET_REINGEST_S = 3.0
TARGET_PEAK_MB = 600.0
FLAT_GROWTH = 1.2  # "flat": the 1,000-page peak at most 20% above the 100-page peak

PDFPLUMBER_SCRIPT = """
import sys, pdfplumber
tables = pages = 0
for path in sys.argv[1:]:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            tables += len(page.extract_tables())
            pages += 1
            page.close()
print(tables, pages)
"""
CAMELOT_SCRIPT = """
import sys, warnings
warnings.simplefilter("ignore")
import camelot
tables = 0
for path in sys.argv[1:]:
    tables += len(camelot.read_pdf(path, pages="all", flavor="stream"))
print(tables, 0)
"""
HOTSPOT_SCRIPT = """
import cProfile, json, pstats, sys, tempfile
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from pipeline.ingest import ingest
paths = [Path(p) for p in sys.argv[3:]]
db = Path(tempfile.mkdtemp()) / "hot.duckdb"
profiler = cProfile.Profile()
profiler.enable()
ingest(paths, db, isolate=False)
profiler.disable()
stats = pstats.Stats(profiler)
rows = [(f"{Path(file).name}:{line}:{name}", file, calls, tot, cum)
        for (file, line, name), (_, calls, tot, cum, _) in stats.stats.items()]
json.dump({"total": stats.total_tt, "rows": rows}, open(sys.argv[2], "w"))
"""


# ---------------------------------------------------------------------------------------------
# Corpus: seed rows, varied documents, PDFs.
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Template:
    """A workplan table: a title, a header and its rows."""

    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def docx_templates(path: Path) -> list[Template]:
    """The tables of a sample DOCX (header plus at least three rows)."""
    from docx import Document

    title = path.stem.replace("-", " ").title()
    found = []
    for table in Document(str(path)).tables:
        rows = [tuple(cell.text.strip() for cell in row.cells) for row in table.rows]
        if len(rows) >= 4:
            found.append(Template(title, rows[0], tuple(row for row in rows[1:] if row != rows[0])))
    return found


def tsv_template(path: Path) -> Template:
    """The workplan table of the seed TSV: a title line, then a header line and rows."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [tuple(line.split("\t")) for line in lines[1:]]
    width = len(rows[0])
    return Template(lines[0], rows[0], tuple((row + ("",) * width)[:width] for row in rows[1:]))


def seed_templates() -> list[Template]:
    """Every seed table of the samples and the TSV fixture."""
    return [t for path in SAMPLE_DOCX for t in docx_templates(path)] + [tsv_template(SEED_TSV)]


def vary(template: Template, rng: random.Random, doc_id: str, n_rows: int) -> Template:
    """A new workplan from a seed: rows drawn and shuffled, years changed, each row numbered."""
    year = str(rng.randint(*YEARS))
    rows = []
    for index in range(n_rows):
        row = [YEAR_RE.sub(year, text) for text in rng.choice(template.rows)]
        longest = max(range(len(row)), key=lambda col: len(row[col]))
        row[longest] = f"{row[longest]} [{doc_id}.{index + 1}]"
        rows.append(tuple(row))
    header = tuple(YEAR_RE.sub(year, text) for text in template.header)
    return Template(f"{YEAR_RE.sub(year, template.title)} ({doc_id})", header, tuple(rows))


def write_docx(path: Path, plan: Template) -> None:
    """A DOCX: title, an intro line, the rows as ruled tables of SECTION_ROWS rows under headings."""
    from docx import Document
    from docx.shared import Pt

    document = Document()
    document.styles["Normal"].font.size = Pt(8)
    document.add_heading(plan.title, level=1)
    document.add_paragraph(f"Workplan {plan.title}: priorities, deliverables, leads and timelines.")
    for start in range(0, len(plan.rows), SECTION_ROWS):
        if start:
            document.add_heading(f"Section {start // SECTION_ROWS + 1}", level=2)
        chunk = (plan.header, *plan.rows[start:start + SECTION_ROWS])
        table = document.add_table(rows=len(chunk), cols=len(plan.header))
        table.style = "Table Grid"
        for row, texts in zip(table.rows, chunk, strict=True):
            for cell, text in zip(row.cells, texts, strict=True):
                cell.text = text
    document.save(str(path))


def write_xlsx(path: Path, plan: Template) -> None:
    """An XLSX: a title cell, a blank row, then the header and rows."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Workplan"
    sheet.append([plan.title])
    sheet.append([])
    for row in (plan.header, *plan.rows):
        sheet.append(list(row))
    book.save(path)


def write_pptx(path: Path, plan: Template, rng: random.Random) -> None:
    """A PPTX: a few slides, each a title and a table of ROWS_PER_SLIDE rows under the header."""
    from pptx import Presentation
    from pptx.util import Inches

    deck = Presentation()
    rows = list(plan.rows)
    for slide_no in range(rng.randint(*SLIDES)):
        chunk = rows[slide_no * ROWS_PER_SLIDE:(slide_no + 1) * ROWS_PER_SLIDE] or rows[:ROWS_PER_SLIDE]
        slide = deck.slides.add_slide(deck.slide_layouts[5])
        slide.shapes.title.text = f"{plan.title}, part {slide_no + 1}"
        grid = (plan.header, *chunk)
        shape = slide.shapes.add_table(len(grid), len(plan.header), Inches(0.3), Inches(1.5), Inches(9.4), Inches(5))
        for r, texts in enumerate(grid):
            for c, text in enumerate(texts):
                shape.table.cell(r, c).text = text
    deck.save(str(path))


def write_tsv(path: Path, plan: Template) -> None:
    """A TSV: a title line, a blank line, the header and rows (line breaks in cells become spaces)."""
    lines = [plan.title, ""] + ["\t".join(" ".join(text.split()) for text in row) for row in (plan.header, *plan.rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def make_plan(templates: list[Template], rng: random.Random, doc_id: str, rows: tuple[int, int]) -> Template:
    """A varied workplan of a random seed with a row count in `rows`."""
    return vary(rng.choice(templates), rng, doc_id, rng.randint(*rows))


def build_office(docs: Path, templates: list[Template], rng: random.Random) -> None:
    """The DOCX, XLSX, PPTX and TSV documents of the corpus."""
    for fmt, count in COUNTS.items():
        (docs / fmt).mkdir(parents=True, exist_ok=True)
        for index in range(count):
            plan = make_plan(templates, rng, f"{fmt}{index:03d}", SHORT_ROWS)
            path = docs / fmt / f"{fmt}-{index:03d}.{fmt}"
            if fmt == "docx":
                write_docx(path, plan)
            elif fmt == "xlsx":
                write_xlsx(path, plan)
            elif fmt == "pptx":
                write_pptx(path, plan, rng)
            else:
                write_tsv(path, plan)


def soffice_to_pdf(sources: Sequence[Path], out: Path, profile: Path) -> None:
    """Render many DOCX to PDF in one LibreOffice call, with a private profile (other users may run it)."""
    out.mkdir(parents=True, exist_ok=True)
    command = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
               "--outdir", str(out), *map(str, sources)]
    subprocess.run(command, check=True, capture_output=True, timeout=SOFFICE_TIMEOUT_S)
    missing = [s.name for s in sources if not (out / f"{s.stem}.pdf").exists()]
    if missing:
        raise RuntimeError(f"LibreOffice did not render {missing}")


def pdf_pages(path: Path) -> int:
    """A PDF's page count."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        return len(document)
    finally:
        document.close()


def render_batch(work: Path, pdf_dir: Path, plans: dict[str, Template]) -> dict[str, int]:
    """Write the plans as DOCX, render them in one call; pages per PDF name."""
    sources = []
    for name, plan in plans.items():
        sources.append(work / f"{name}.docx")
        write_docx(sources[-1], plan)
    soffice_to_pdf(sources, pdf_dir, work / "lo-profile")
    return {name: pdf_pages(pdf_dir / f"{name}.pdf") for name in plans}


def long_plans(templates: list[Template], rng: random.Random, pages_needed: int, rows_per_page: float,
               first: int) -> dict[str, Template]:
    """Long plans of LONG_PDF_PAGES pages each (by the estimate) until `pages_needed` are covered."""
    plans: dict[str, Template] = {}
    while pages_needed > 0:
        pages = min(rng.randint(*LONG_PDF_PAGES), max(pages_needed, LONG_PDF_PAGES[0]))
        name = f"long-{first + len(plans):03d}"
        rows = max(1, round(pages * rows_per_page))
        plans[name] = vary(rng.choice(templates), rng, name, rows)
        pages_needed -= pages
    return plans


def build_pdfs(work: Path, pdf_dir: Path, templates: list[Template], rng: random.Random) -> dict[str, int]:
    """Short PDFs and long ones, in as few LibreOffice calls as the page estimate allows."""
    short = {f"short-{i:03d}": make_plan(templates, rng, f"pdf{i:03d}", SHORT_ROWS) for i in range(SHORT_PDFS)}
    first_long = long_plans(templates, rng, MIN_PDF_PAGES // 2, FIRST_ROWS_PER_PAGE, 0)
    pages = render_batch(work, pdf_dir, short | first_long)
    long_pages = sum(pages[name] for name in first_long)
    rows_per_page = sum(len(first_long[name].rows) for name in first_long) / max(long_pages, 1)
    while (total := sum(pages.values())) < MIN_PDF_PAGES:
        more = long_plans(templates, rng, MIN_PDF_PAGES - total, rows_per_page, len(pages) - SHORT_PDFS)
        pages |= render_batch(work, pdf_dir, more)
    return pages


def build_big(pdf_dir: Path, big_dir: Path, long_names: list[str]) -> None:
    """The 1,000-page PDF (long PDFs joined) and a 100-page one (its first pages)."""
    from pypdf import PdfReader, PdfWriter

    big_dir.mkdir(parents=True, exist_ok=True)
    writers = {SMALL_PAGES: PdfWriter(), BIG_PAGES: PdfWriter()}
    added = 0
    for name in long_names * (BIG_PAGES // (LONG_PDF_PAGES[0] * max(len(long_names), 1)) + 1):
        for page in PdfReader(pdf_dir / f"{name}.pdf").pages:
            for limit, writer in writers.items():
                if added < limit:
                    writer.add_page(page)
            added += 1
        if added >= BIG_PAGES:
            break
    for limit, writer in writers.items():
        with (big_dir / f"pages-{limit}.pdf").open("wb") as handle:
            writer.write(handle)


def build_corpus(root: Path) -> dict[str, Any]:
    """Build the corpus under `root` (docs/ ingested, big/ for the memory check); its manifest."""
    start = time.perf_counter()
    rng = random.Random(SEED)
    templates = seed_templates()
    docs, work = root / "docs", root / "work"
    work.mkdir(parents=True, exist_ok=True)
    build_office(docs, templates, rng)
    pages = build_pdfs(work, docs / "pdf", templates, rng)
    build_big(docs / "pdf", root / "big", sorted(name for name in pages if name.startswith("long-")))
    shutil.rmtree(work)
    return check_corpus(docs) | {"version": CORPUS_VERSION, "build_seconds": round(time.perf_counter() - start, 1)}


def check_corpus(docs: Path) -> dict[str, Any]:
    """Counts per format and PDF pages; fails when documents repeat or the corpus is too small."""
    import hashlib

    files = sorted(p for p in docs.rglob("*") if p.is_file())
    digests = {hashlib.sha256(p.read_bytes()).hexdigest() for p in files}
    if len(digests) != len(files):
        raise RuntimeError("two corpus documents are equal")
    pdfs = sorted(docs.glob("pdf/*.pdf"))
    pages = sum(pdf_pages(p) for p in pdfs)
    if len(files) < MIN_DOCUMENTS or pages < MIN_PDF_PAGES:
        raise RuntimeError(f"corpus too small: {len(files)} documents, {pages} PDF pages")
    long_pages = sum(pdf_pages(p) for p in pdfs if p.name.startswith("long-"))
    return {"documents": len(files), "per_format": {fmt: len(list(docs.glob(f"{fmt}/*"))) for fmt in FORMATS},
            "pdf_pages": pages, "long_pdfs": sum(p.name.startswith("long-") for p in pdfs), "long_pages": long_pages}


def corpus(root: Path) -> dict[str, Any]:
    """The cached corpus's manifest, building the corpus first when absent."""
    manifest = root / "manifest.json"
    if manifest.exists():
        loaded: dict[str, Any] = json.loads(manifest.read_text())
        return loaded
    if root.exists():
        shutil.rmtree(root)  # a build that did not finish
    built = build_corpus(root)
    manifest.write_text(json.dumps(built, indent=1))
    return built


# ---------------------------------------------------------------------------------------------
# Measuring a process tree.
# ---------------------------------------------------------------------------------------------
@dataclass
class Run:
    """One measured process: wall time, peak memory of its tree, its output."""

    wall: float = 0.0
    peak_rss_mb: float = 0.0
    peak_pss_mb: float = 0.0
    returncode: int = 0
    stdout: str = ""
    stderr: str = ""
    load: tuple[float, float] = (0.0, 0.0)  # 1-minute load average before and after
    rss_series: list[tuple[float, float]] = field(default_factory=list)  # (seconds, MB of the tree)


def tree_memory(process: psutil.Process) -> tuple[float, float]:
    """RSS and PSS (MB) summed over a process and all its descendants."""
    rss = pss = 0.0
    try:
        members = [process, *process.children(recursive=True)]
    except psutil.Error:
        return rss, pss
    for member in members:
        try:
            info = member.memory_full_info()
        except psutil.Error:
            continue
        rss += info.rss / MB
        pss += getattr(info, "pss", info.rss) / MB
    return rss, pss


def measure(command: Sequence[str | Path]) -> Run:
    """Run a command, polling its process tree's memory every POLL_SECONDS; its wall time and peaks."""
    run = Run()
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        child = subprocess.Popen([str(part) for part in command], stdout=out, stderr=err, cwd=ROOT)
        process = psutil.Process(child.pid)
        while child.poll() is None:
            rss, pss = tree_memory(process)
            run.peak_rss_mb, run.peak_pss_mb = max(run.peak_rss_mb, rss), max(run.peak_pss_mb, pss)
            run.rss_series.append((round(time.perf_counter() - start, 2), round(rss, 1)))
            time.sleep(POLL_SECONDS)
        run.wall = time.perf_counter() - start
        out.seek(0), err.seek(0)
        run.stdout, run.stderr = out.read(), err.read()
    run.returncode, run.load = child.returncode, (load_before, os.getloadavg()[0])
    return run


def ingest_command(paths: Sequence[Path], db: Path, workers: int) -> list[str | Path]:
    """`workplans ingest` with a profile and generous limits."""
    return [WORKPLANS, "ingest", *paths, "--db", db, "--workers", str(workers), "--profile", *INGEST_LIMITS]


def stage_seconds(stderr: str) -> dict[str, float]:
    """The `--profile` lines of an ingest: seconds per stage."""
    return {stage: float(seconds) for stage, seconds in STAGE_LINE.findall(stderr)}


def summary_counts(stderr: str) -> tuple[int, int, int]:
    """(loaded, skipped, failed) from an ingest's closing line."""
    found = SUMMARY_LINE.search(stderr)
    return (int(found[1]), int(found[2]), int(found[3])) if found else (-1, -1, -1)


def run_figures(run: Run) -> dict[str, Any]:
    """What is kept of a run (not its output)."""
    return {"wall": round(run.wall, 2), "peak_rss_mb": round(run.peak_rss_mb), "peak_pss_mb": round(run.peak_pss_mb),
            "returncode": run.returncode, "load": [round(x, 2) for x in run.load]}


def fresh_db(root: Path, name: str) -> Path:
    """An empty database path under the runs folder."""
    folder = root / "runs"
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob(f"{name}.duckdb*"):
        stale.unlink()
    return folder / f"{name}.duckdb"


# ---------------------------------------------------------------------------------------------
# Steps: each returns the figures kept for RESULTS.md.
# ---------------------------------------------------------------------------------------------
def step_ingest(root: Path, manifest: dict[str, Any], workers: int) -> dict[str, Any]:
    """Ingest the corpus into a fresh database: the PDFs in one call, the other formats in a second."""
    docs = root / "docs"
    db = fresh_db(root, f"workers-{workers}")
    pdf_run = measure(ingest_command([docs / "pdf"], db, workers))
    other_run = measure(ingest_command([docs / fmt for fmt in FORMATS if fmt != "pdf"], db, workers))
    stages = stage_seconds(pdf_run.stderr)
    for stage, seconds in stage_seconds(other_run.stderr).items():
        stages[stage] = stages.get(stage, 0.0) + seconds
    counts = [summary_counts(run.stderr) for run in (pdf_run, other_run)]
    wall = pdf_run.wall + other_run.wall
    return {
        "workers": workers, "pdf": run_figures(pdf_run), "other": run_figures(other_run), "wall": round(wall, 1),
        "docs_per_s": manifest["documents"] / wall, "pdf_pages_per_s": manifest["pdf_pages"] / pdf_run.wall,
        "pdf_docs_per_s": manifest["per_format"]["pdf"] / pdf_run.wall,
        "other_docs_per_s": (manifest["documents"] - manifest["per_format"]["pdf"]) / other_run.wall,
        "peak_rss_mb": max(pdf_run.peak_rss_mb, other_run.peak_rss_mb),
        "peak_pss_mb": max(pdf_run.peak_pss_mb, other_run.peak_pss_mb),
        "loaded": sum(c[0] for c in counts), "failed": sum(c[2] for c in counts), "stages": stages,
        "errors": [line for run in (pdf_run, other_run) for line in run.stderr.splitlines()
                   if line.startswith("error:")][:10],
    }


def step_reingest(root: Path, manifest: dict[str, Any]) -> dict[str, Any]:
    """Ingest the unchanged corpus again into the --workers 2 database (else --workers 1's): all skipped."""
    db = next((root / "runs" / f"workers-{n}.duckdb" for n in (2, 1)
               if (root / "runs" / f"workers-{n}.duckdb").exists()), None)
    if db is None:
        raise RuntimeError("re-ingest needs a database from the w1 or w2 step")
    figures = {}
    for workers in (1, 2):
        run = measure(ingest_command([root / "docs"], db, workers))
        loaded, skipped, failed = summary_counts(run.stderr)
        figures[f"workers_{workers}"] = run_figures(run) | {"loaded": loaded, "skipped": skipped, "failed": failed}
    return figures


def rss_at(series: list[tuple[float, float]], share: float) -> float:
    """The tree's RSS at a share of the run's wall time."""
    if not series:
        return 0.0
    moment = series[-1][0] * share
    return next(mb for seconds, mb in series if seconds >= moment)


def step_big(root: Path, manifest: dict[str, Any]) -> dict[str, Any]:
    """Ingest the 100-page and the 1,000-page PDF alone (--workers 1): peak memory and its course."""
    figures = {}
    for pages in (SMALL_PAGES, BIG_PAGES):
        run = measure(ingest_command([root / "big" / f"pages-{pages}.pdf"], fresh_db(root, f"big-{pages}"), 1))
        loaded, _, failed = summary_counts(run.stderr)
        figures[str(pages)] = run_figures(run) | {
            "pages_per_s": pages / run.wall, "loaded": loaded, "failed": failed,
            "rss_at": {f"{share:.0%}": rss_at(run.rss_series, share) for share in (0.1, 0.25, 0.5, 0.75, 1.0)},
            "errors": [line for line in run.stderr.splitlines() if line.startswith("error:")][:3],
        }
    return figures


def corpus_pdfs(root: Path) -> list[Path]:
    """The corpus PDFs, in name order."""
    return sorted((root / "docs" / "pdf").glob("*.pdf"))


def step_peer(root: Path, manifest: dict[str, Any], python: Path, script: str) -> dict[str, Any]:
    """A peer over every page of every corpus PDF in one process: whole-process wall time."""
    run = measure([python, "-c", script, *corpus_pdfs(root)])
    if run.returncode:
        raise RuntimeError(f"peer failed: {run.stderr[-2000:]}")
    tables = int(run.stdout.split()[0])
    return run_figures(run) | {"pages_per_s": manifest["pdf_pages"] / run.wall, "tables": tables}


def step_hotspots(root: Path, manifest: dict[str, Any]) -> dict[str, Any]:
    """cProfile of one in-process ingest of a few short PDFs and one long one: the top functions."""
    pdfs = corpus_pdfs(root)
    chosen = [p for p in pdfs if p.name.startswith("short-")][:HOTSPOT_SHORT_PDFS] + \
        [p for p in pdfs if p.name.startswith("long-")][:1]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "profile.json"
        subprocess.run([PYTHON, "-c", HOTSPOT_SCRIPT, ROOT, out, *chosen], check=True, cwd=ROOT)
        data = json.loads(out.read_text())
    rows = data["rows"]
    own = [r for r in rows if str(ROOT) in r[1] and ".venv" not in r[1]]
    pick = {"by_self": sorted(rows, key=lambda r: -r[3])[:HOTSPOT_ROWS],
            "own_by_cumulative": sorted(own, key=lambda r: -r[4])[:HOTSPOT_ROWS]}
    return {"total": data["total"], "pages": sum(pdf_pages(p) for p in chosen), "files": [p.name for p in chosen],
            **{key: [[short_name(r[1], r[0]), r[2], round(r[3], 2), round(r[4], 2)] for r in value]
               for key, value in pick.items()}}


def short_name(file: str, label: str) -> str:
    """file:function with the path relative to the project or to site-packages."""
    function = label.split(":", 2)[-1]
    for anchor in ("site-packages/", f"{ROOT}/"):
        if anchor in file:
            return f"{file.split(anchor, 1)[1]}:{function}"
    return f"{file}:{function}"


# ---------------------------------------------------------------------------------------------
# RESULTS.md
# ---------------------------------------------------------------------------------------------
def machine() -> dict[str, Any]:
    """The machine, the interpreter and the code measured."""
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT)
    dirty = subprocess.run(["git", "status", "--short", "pipeline", "extractors", "normalizers"],
                           capture_output=True, text=True, cwd=ROOT)
    return {"cpu": cpu, "cores": os.cpu_count(), "ram_gb": round(psutil.virtual_memory().total / (1 << 30), 1),
            "python": platform.python_version(), "os": platform.platform(terse=True),
            "commit": commit.stdout.strip() + (" + uncommitted changes in pipeline/extractors" if dirty.stdout else "")}


def fmt(value: float | None, digits: int = 1) -> str:
    """A number for the table, or a dash."""
    return "–" if value is None else f"{value:,.{digits}f}"


def verdict(ok: bool | None) -> str:
    """met / NOT met / not measured."""
    return "not measured" if ok is None else ("met" if ok else "**NOT met**")


def targets(results: dict[str, Any]) -> list[tuple[str, str, bool | None]]:
    """(target, measured, met?) for each target of issue 9."""
    w1, w2 = results.get("w1", {}).get("figures"), results.get("w2", {}).get("figures")
    plumber = results.get("pdfplumber", {}).get("figures")
    reingest = results.get("reingest", {}).get("figures")
    big = results.get("big", {}).get("figures")
    rows: list[tuple[str, str, bool | None]] = []
    if w1 and plumber:
        rows.append(("PDF pages/s at --workers 1 >= pdfplumber extract_tables()",
                     f"{w1['pdf_pages_per_s']:.2f} vs {plumber['pages_per_s']:.2f}",
                     w1["pdf_pages_per_s"] >= plumber["pages_per_s"]))
    if w1 and w2:
        speedup = w2["docs_per_s"] / w1["docs_per_s"]
        rows.append((f"--workers 2 >= {TARGET_W2_SPEEDUP}x --workers 1 (documents/s)", f"{speedup:.2f}x",
                     speedup >= TARGET_W2_SPEEDUP))
    if reingest:
        worst = max(r["wall"] for r in reingest.values())
        rows.append((f"re-ingest of the unchanged corpus < {TARGET_REINGEST_S:.0f} s", f"{worst:.1f} s",
                     worst < TARGET_REINGEST_S))
    if w2:
        rows.append((f"peak memory < {TARGET_PEAK_MB:.0f} MB at --workers 2 (RSS of the tree)",
                     f"{w2['peak_rss_mb']:.0f} MB (PSS {w2['peak_pss_mb']:.0f} MB)",
                     w2["peak_rss_mb"] < TARGET_PEAK_MB))
    if big:
        small, large = big[str(SMALL_PAGES)]["peak_rss_mb"], big[str(BIG_PAGES)]["peak_rss_mb"]
        rows.append((f"memory flat on {BIG_PAGES:,} pages (peak <= {FLAT_GROWTH}x the {SMALL_PAGES}-page peak)",
                     f"{large:.0f} MB vs {small:.0f} MB", large <= small * FLAT_GROWTH))
    return rows


def ingest_rows(results: dict[str, Any]) -> list[str]:
    """Table rows for the two fresh ingests."""
    lines = []
    for key in ("w1", "w2"):
        f = results.get(key, {}).get("figures")
        if f:
            lines.append(
                f"| `workplans ingest --workers {f['workers']}` | {fmt(f['docs_per_s'], 2)} | "
                f"{fmt(f['pdf_pages_per_s'], 2)} | {f['pdf']['wall']:.0f} + {f['other']['wall']:.0f} | "
                f"{f['peak_rss_mb']:.0f} / {f['peak_pss_mb']:.0f} | {f['loaded']} loaded, {f['failed']} failed | "
                f"{f['pdf']['load'][0]:.1f}→{f['pdf']['load'][1]:.1f}, {f['other']['load'][1]:.1f} | "
                f"{results[key]['when']} |")
    return lines


def peer_rows(results: dict[str, Any]) -> list[str]:
    """Table rows for the peers."""
    lines = []
    for key, label in (("pdfplumber", "pdfplumber 0.11.10 `page.extract_tables()`, every page"),
                       ("camelot", "camelot 2.0.0 `read_pdf(pages='all', flavor='stream')`")):
        entry = results.get(key)
        if entry and entry.get("figures"):
            f = entry["figures"]
            lines.append(f"| {label} | – | {fmt(f['pages_per_s'], 2)} | {f['wall']:.0f} | {f['peak_rss_mb']:.0f} / "
                         f"{f['peak_pss_mb']:.0f} | {f['tables']} tables | {f['load'][0]:.1f}→{f['load'][1]:.1f} | "
                         f"{entry['when']} |")
        elif entry:
            lines.append(f"| {label} | – | – | – | – | skipped: {entry.get('note', '')} | – | {entry['when']} |")
    return lines


def other_rows(results: dict[str, Any]) -> list[str]:
    """Table rows for the re-ingest and the long-PDF memory runs."""
    lines = []
    for workers, f in (results.get("reingest", {}).get("figures") or {}).items():
        lines.append(f"| re-ingest, unchanged corpus, `--{workers.replace('_', ' ')}` | – | – | {f['wall']:.1f} | "
                     f"{f['peak_rss_mb']:.0f} / {f['peak_pss_mb']:.0f} | {f['skipped']} skipped, {f['loaded']} loaded "
                     f"| {f['load'][0]:.1f}→{f['load'][1]:.1f} | {results['reingest']['when']} |")
    for pages, f in (results.get("big", {}).get("figures") or {}).items():
        course = ", ".join(f"{k} {v:.0f}" for k, v in f["rss_at"].items())
        lines.append(f"| {int(pages):,}-page PDF alone, `--workers 1` | – | {fmt(f['pages_per_s'], 2)} | "
                     f"{f['wall']:.0f} | {f['peak_rss_mb']:.0f} / {f['peak_pss_mb']:.0f} | {f['loaded']} loaded, "
                     f"{f['failed']} failed; RSS MB at share of time: {course} | {f['load'][0]:.1f}→{f['load'][1]:.1f} "
                     f"| {results['big']['when']} |")
    return lines


def stage_lines(results: dict[str, Any]) -> list[str]:
    """The --profile breakdown of the fresh ingests."""
    lines = ["| stage | " + " | ".join(f"--workers {k[1]} s (share)" for k in ("w1", "w2") if k in results) + " |",
             "|---|" + "---|" * sum(k in results for k in ("w1", "w2"))]
    for stage in ("open", "extract", "recognise", "normalise", "load"):
        cells = []
        for key in ("w1", "w2"):
            if key in results:
                timings = results[key]["figures"]["stages"]
                total = sum(timings.values()) or 1.0
                cells.append(f"{timings.get(stage, 0.0):.1f} ({timings.get(stage, 0.0) / total:.0%})")
        lines.append(f"| {stage} | " + " | ".join(cells) + " |")
    return lines


def hotspot_lines(results: dict[str, Any]) -> list[str]:
    """The cProfile tables."""
    f = results.get("hotspots", {}).get("figures")
    if not f:
        return ["(not measured)"]
    header = ["| function | calls | self s | cumulative s |", "|---|---|---|---|"]
    lines = [f"One in-process ingest (`pipeline.ingest.ingest(..., isolate=False)` under cProfile) of "
             f"{', '.join(f['files'])} ({f['pages']} pages): {f['total']:.1f} s profiled "
             f"({results['hotspots']['when']}).", "", "Project functions by cumulative time:", "", *header]
    lines += [f"| `{name}` | {calls:,} | {tot:.2f} | {cum:.2f} |" for name, calls, tot, cum in f["own_by_cumulative"]]
    lines += ["", "All functions by self time:", "", *header]
    lines += [f"| `{name}` | {calls:,} | {tot:.2f} | {cum:.2f} |" for name, calls, tot, cum in f["by_self"]]
    return lines


def write_results(results: dict[str, Any], manifest: dict[str, Any], notes: str) -> None:
    """Rewrite bench/RESULTS.md from every stored step."""
    info = machine()
    per_format = ", ".join(f"{n} {k.upper()}" for k, n in manifest["per_format"].items())
    lines = [
        "# Batch ingestion throughput (issue 9)", "",
        f"Written by `bench/throughput.py` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC. Machine: {info['cpu']}, "
        f"{info['cores']} cores, {info['ram_gb']} GiB RAM, {info['os']}, Python {info['python']}; code at "
        f"{info['commit']}.", "",
        f"Corpus (version {manifest['version']}, seed {SEED}): {manifest['documents']} documents ({per_format}), "
        f"no two equal, {manifest['pdf_pages']:,} PDF pages ({manifest['long_pdfs']} long PDFs of "
        f"{LONG_PDF_PAGES[0]}-{LONG_PDF_PAGES[1]} pages hold {manifest['long_pages']:,}). Every document is a "
        f"workplan table drawn from the rows of data/samples/*.docx and tests/fixtures/tsv/health-workplan-2022.tsv: "
        f"rows drawn and shuffled, years changed, each row numbered; DOCX via python-docx, XLSX via openpyxl, PPTX "
        f"via python-pptx, PDF rendered from DOCX by LibreOffice (ruled tables); the {BIG_PAGES:,}-page PDF is the "
        f"long PDFs joined (pypdf), the {SMALL_PAGES}-page PDF its first pages.", "",
        "Method: every figure is the whole-process wall time of one command (interpreter start and imports "
        "included, as in ../shared/benchmarks). `workplans ingest` runs twice per setting into a fresh database "
        "(the PDFs, then the other formats), with `--profile` and `--max-seconds 7200` (so that a loaded machine "
        "does not turn slow documents into timeouts). Memory: the process tree (main process, fork server, "
        "workers) polled every 0.1 s with psutil; RSS summed (counts pages the workers share with the fork "
        "server once per process) / PSS summed (shared pages split). Load = the 1-minute load average before → "
        "after (2 cores: above 2 means other work competed for the CPU).", "",
        "| what | documents/s | PDF pages/s | wall s | peak MB RSS / PSS | outcome | load | when (UTC) |",
        "|---|---|---|---|---|---|---|---|",
        *ingest_rows(results), *peer_rows(results), *other_rows(results), "",
        "## Targets", "", "| target | measured | |", "|---|---|---|",
        *[f"| {name} | {measured} | {verdict(ok)} |" for name, measured, ok in targets(results)], "",
        "## Per stage (`ingest --profile`, seconds summed over documents; worker stages add up across workers)", "",
        *stage_lines(results), "", "## Where the time goes", "", *hotspot_lines(results), "",
    ]
    if notes:
        lines += ["## Notes", "", notes.strip(), ""]
    RESULTS_MD.write_text("\n".join(lines))


# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------
STEPS = ("w1", "w2", "reingest", "pdfplumber", "camelot", "big", "hotspots")


def run_step(name: str, root: Path, manifest: dict[str, Any], camelot: Path | None) -> dict[str, Any]:
    """One step's stored entry: its figures (or a note why it was skipped) and when it ran."""
    steps: dict[str, Callable[[], dict[str, Any]]] = {
        "w1": lambda: step_ingest(root, manifest, 1),
        "w2": lambda: step_ingest(root, manifest, 2),
        "reingest": lambda: step_reingest(root, manifest),
        "pdfplumber": lambda: step_peer(root, manifest, PYTHON, PDFPLUMBER_SCRIPT),
        "camelot": lambda: step_peer(root, manifest, camelot, CAMELOT_SCRIPT) if camelot else {},
        "big": lambda: step_big(root, manifest),
        "hotspots": lambda: step_hotspots(root, manifest),
    }
    when = f"{datetime.now(UTC):%m-%d %H:%M}"
    if name == "camelot" and not camelot:
        return {"when": when, "note": "no --camelot-python given, or it does not exist"}
    return {"when": when, "figures": steps[name]()}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="corpus folder (default: a cache folder keyed by the version)")
    parser.add_argument("--camelot-python", type=Path, default=Path("/tmp/camelot-venv/bin/python"),
                        help="a Python with camelot-py 2.0.0; camelot is skipped when it is missing")
    parser.add_argument("--steps", default=",".join(STEPS), help=f"comma-separated, of {', '.join(STEPS)}")
    parser.add_argument("--no-big", action="store_true", help="skip the 100- and 1,000-page memory runs")
    parser.add_argument("--notes", type=Path, help="a Markdown file appended to RESULTS.md as its notes")
    parser.add_argument("--build-only", action="store_true", help="build the corpus and stop")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Build or reuse the corpus, run the steps asked for, rewrite RESULTS.md."""
    args = parse_args(argv)
    root = args.corpus or DEFAULT_CACHE / f"corpus-v{CORPUS_VERSION}"
    manifest = corpus(root)
    print(f"corpus {root}: {manifest['documents']} documents, {manifest['pdf_pages']} PDF pages", flush=True)
    if args.build_only:
        return 0
    store = root / "results.json"
    results: dict[str, Any] = json.loads(store.read_text()) if store.exists() else {}
    camelot = args.camelot_python if args.camelot_python and args.camelot_python.exists() else None
    for name in [s for s in args.steps.split(",") if s and not (args.no_big and s == "big")]:
        if name not in STEPS:
            raise SystemExit(f"unknown step {name!r}; steps: {', '.join(STEPS)}")
        print(f"{datetime.now(UTC):%H:%M:%S} {name} (load {os.getloadavg()[0]:.1f})", flush=True)
        results[name] = run_step(name, root, manifest, camelot)
        store.write_text(json.dumps(results, indent=1))
        write_results(results, manifest, args.notes.read_text() if args.notes else "")
        print(json.dumps(results[name].get("figures", results[name]), default=str)[:600], flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
