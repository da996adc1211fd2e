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
FIRST_ROWS_PER_PAGE = 3.0  # a first guess, corrected from the first batch of long PDFs
# A long PDF is rendered in parts of this many rows, joined: LibreOffice lays out one 80-page document about
# five times slower per page than ten short ones.
PART_ROWS = 40
SECTION_ROWS = 30  # a long document is headed sections of this many rows, as real annexes are
ROWS_PER_SLIDE = 6
SLIDES = (2, 5)
YEARS = (2018, 2030)
BIG_PAGES = 1000
SMALL_PAGES = 100
FORMATS = ("pdf", "docx", "xlsx", "pptx", "tsv")

POLL_SECONDS = 0.1
# PSS reads /proc/PID/smaps: only every n-th poll, so the poller does not take a share of the 2 cores it measures.
PSS_EVERY = 10
MB = 1 << 20
# Generous limits so that a slow, loaded machine does not turn slow documents into failures.
INGEST_LIMITS = ["--max-seconds", "7200"]
SOFFICE_TIMEOUT_S = 3600
HOTSPOT_SHORT_PDFS = 3
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
# argv: project root, JSON out, mode, database, paths. Mode "pdf": the library ingest in this process (no
# workers), on a fresh database; mode "cli": the `workplans ingest` command as run, main process only.
HOTSPOT_SCRIPT = """
import cProfile, json, pstats, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
out, mode, db, paths = sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:]
profiler = cProfile.Profile()
profiler.enable()
if mode == "pdf":
    from pipeline.ingest import ingest
    ingest([Path(p) for p in paths], Path(db), isolate=False)
else:
    from pipeline.cli import app
    try:
        app(["ingest", *paths, "--db", db], standalone_mode=False)
    except BaseException:
        pass
profiler.disable()
stats = pstats.Stats(profiler)
rows = [(f"{Path(file).name}:{line}:{name}", file, calls, tot, cum)
        for (file, line, name), (_, calls, tot, cum, _) in stats.stats.items()]
json.dump({"total": stats.total_tt, "rows": rows}, open(out, "w"))
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
        chunk = (plan.header, *plan.rows[start : start + SECTION_ROWS])
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
        chunk = rows[slide_no * ROWS_PER_SLIDE : (slide_no + 1) * ROWS_PER_SLIDE] or rows[:ROWS_PER_SLIDE]
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
    command = [
        "soffice",
        f"-env:UserInstallation=file://{profile}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out),
        *map(str, sources),
    ]
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


def render_batch(work: Path, plans: dict[str, Template]) -> dict[str, Path]:
    """Write the plans as DOCX and render them in one LibreOffice call; the PDF per plan name."""
    sources = []
    for name, plan in plans.items():
        sources.append(work / f"{name}.docx")
        write_docx(sources[-1], plan)
    soffice_to_pdf(sources, work / "pdf", work / "lo-profile")
    return {name: work / "pdf" / f"{name}.pdf" for name in plans}


def split_parts(name: str, plan: Template) -> dict[str, Template]:
    """A long plan as parts of PART_ROWS rows, each with the title and header."""
    return {
        f"{name}~{start // PART_ROWS:02d}": Template(plan.title, plan.header, plan.rows[start : start + PART_ROWS])
        for start in range(0, len(plan.rows), PART_ROWS)
    }


def join_pdfs(parts: Sequence[Path], out: Path) -> int:
    """Join PDFs into one; its pages."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    for part in parts:
        writer.append(str(part))
    with out.open("wb") as handle:
        writer.write(handle)
    return len(writer.pages)


def long_plans(
    templates: list[Template], rng: random.Random, pages_needed: int, rows_per_page: float, first: int
) -> dict[str, Template]:
    """Long plans of LONG_PDF_PAGES pages each (by the estimate) until `pages_needed` are covered."""
    plans: dict[str, Template] = {}
    while pages_needed > 0:
        pages = rng.randint(*LONG_PDF_PAGES)
        name = f"long-{first + len(plans):03d}"
        plans[name] = vary(rng.choice(templates), rng, name, max(1, round(pages * rows_per_page)))
        pages_needed -= pages
    return plans


def render_pdfs(work: Path, pdf_dir: Path, short: dict[str, Template], long: dict[str, Template]) -> dict[str, int]:
    """Render short plans and the parts of long ones in one call; short PDFs moved, long ones joined; pages."""
    parts = {name: split_parts(name, plan) for name, plan in long.items()}
    rendered = render_batch(work, short | {k: v for each in parts.values() for k, v in each.items()})
    pdf_dir.mkdir(parents=True, exist_ok=True)
    pages = {}
    for name in short:
        shutil.move(rendered[name], pdf_dir / f"{name}.pdf")
        pages[name] = pdf_pages(pdf_dir / f"{name}.pdf")
    for name, plan_parts in parts.items():
        pages[name] = join_pdfs([rendered[part] for part in plan_parts], pdf_dir / f"{name}.pdf")
    return pages


def build_pdfs(work: Path, pdf_dir: Path, templates: list[Template], rng: random.Random) -> dict[str, int]:
    """Short PDFs and long ones, in as few LibreOffice calls as the page estimate allows."""
    short = {f"short-{i:03d}": make_plan(templates, rng, f"pdf{i:03d}", SHORT_ROWS) for i in range(SHORT_PDFS)}
    first_long = long_plans(templates, rng, MIN_PDF_PAGES // 2, FIRST_ROWS_PER_PAGE, 0)
    pages = render_pdfs(work, pdf_dir, short, first_long)
    long_pages = sum(pages[name] for name in first_long)
    rows_per_page = sum(len(first_long[name].rows) for name in first_long) / max(long_pages, 1)
    while (total := sum(pages.values())) < MIN_PDF_PAGES:
        more = long_plans(templates, rng, MIN_PDF_PAGES - total, rows_per_page, len(pages) - SHORT_PDFS)
        pages |= render_pdfs(work, pdf_dir, {}, more)
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
    return {
        "documents": len(files),
        "per_format": {fmt: len(list(docs.glob(f"{fmt}/*"))) for fmt in FORMATS},
        "pdf_pages": pages,
        "long_pdfs": sum(p.name.startswith("long-") for p in pdfs),
        "long_pages": long_pages,
    }


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
    cpu_by_pid: dict[int, float] = field(default_factory=dict)  # user + system seconds, as last seen
    stopped: bool = False  # killed at the time limit

    @property
    def cpu(self) -> float:
        """CPU seconds of the whole tree (each process as last polled: at most POLL_SECONDS short)."""
        return sum(self.cpu_by_pid.values())


def sample_tree(process: psutil.Process, run: Run, with_pss: bool) -> float:
    """Poll a process and its descendants: note their CPU seconds and peak memory; the tree's RSS in MB."""
    rss = pss = 0.0
    try:
        members = [process, *process.children(recursive=True)]
    except psutil.Error:
        return rss
    for member in members:
        try:
            with member.oneshot():
                info = member.memory_full_info() if with_pss else member.memory_info()
                times = member.cpu_times()
        except psutil.Error:
            continue
        rss += info.rss / MB
        pss += getattr(info, "pss", info.rss) / MB
        run.cpu_by_pid[member.pid] = times.user + times.system
    run.peak_rss_mb = max(run.peak_rss_mb, rss)
    if with_pss:
        run.peak_pss_mb = max(run.peak_pss_mb, pss)
    return rss


def measure(command: Sequence[str | Path], limit_s: float | None = None) -> Run:
    """Run a command, polling its process tree every POLL_SECONDS (killed after `limit_s`); wall time, peaks."""
    run = Run()
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        child = subprocess.Popen([str(part) for part in command], stdout=out, stderr=err, cwd=ROOT)
        process = psutil.Process(child.pid)
        while child.poll() is None:
            rss = sample_tree(process, run, with_pss=len(run.rss_series) % PSS_EVERY == 0)
            run.rss_series.append((round(time.perf_counter() - start, 2), round(rss, 1)))
            if limit_s and time.perf_counter() - start > limit_s:
                stop_tree(process)
                run.stopped = True
            time.sleep(POLL_SECONDS)
        run.wall = time.perf_counter() - start
        out.seek(0), err.seek(0)
        run.stdout, run.stderr = out.read(), err.read()
    run.returncode, run.load = child.returncode, (load_before, os.getloadavg()[0])
    return run


def stop_tree(process: psutil.Process) -> None:
    """Kill a process started here and its descendants."""
    try:
        members = [*process.children(recursive=True), process]
    except psutil.Error:
        return
    for member in members:
        try:
            member.kill()
        except psutil.Error:
            continue


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
    return {
        "wall": round(run.wall, 2),
        "cpu": round(run.cpu, 1),
        "peak_rss_mb": round(run.peak_rss_mb),
        "peak_pss_mb": round(run.peak_pss_mb),
        "returncode": run.returncode,
        "stopped": run.stopped,
        "load": [round(x, 2) for x in run.load],
    }


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
@dataclass(frozen=True)
class Selection:
    """The documents measured: every n-th file of each format of the corpus (all of them at share 1)."""

    share: float
    files: dict[str, list[Path]]
    pdf_pages: int

    @property
    def documents(self) -> int:
        """How many documents are selected."""
        return sum(len(paths) for paths in self.files.values())

    def describe(self) -> dict[str, Any]:
        """What is kept of the selection with each step's figures."""
        return {
            "share": self.share,
            "documents": self.documents,
            "pdfs": len(self.files["pdf"]),
            "pdf_pages": self.pdf_pages,
        }


def select(root: Path, share: float) -> Selection:
    """Every round(1 / share)-th document of each format, in name order."""
    stride = max(1, round(1 / share))
    files = {fmt: sorted((root / "docs" / fmt).glob("*"))[::stride] for fmt in FORMATS}
    return Selection(share, files, sum(pdf_pages(path) for path in files["pdf"]))


def step_ingest(root: Path, chosen: Selection, workers: int) -> dict[str, Any]:
    """Ingest the selection into a fresh database: the PDFs in one call, the other formats in a second."""
    db = fresh_db(root, f"workers-{workers}")
    others = [path for fmt in FORMATS if fmt != "pdf" for path in chosen.files[fmt]]
    pdf_run = measure(ingest_command(chosen.files["pdf"], db, workers))
    other_run = measure(ingest_command(others, db, workers))
    stages = stage_seconds(pdf_run.stderr)
    for stage, seconds in stage_seconds(other_run.stderr).items():
        stages[stage] = stages.get(stage, 0.0) + seconds
    counts = [summary_counts(run.stderr) for run in (pdf_run, other_run)]
    wall = pdf_run.wall + other_run.wall
    return chosen.describe() | {
        "workers": workers,
        "pdf": run_figures(pdf_run),
        "other": run_figures(other_run),
        "wall": round(wall, 1),
        "cpu": round(pdf_run.cpu + other_run.cpu, 1),
        "docs_per_s": chosen.documents / wall,
        "pdf_pages_per_s": chosen.pdf_pages / pdf_run.wall,
        "pdf_pages_per_cpu_s": chosen.pdf_pages / max(pdf_run.cpu, POLL_SECONDS),
        "pdf_docs_per_s": len(chosen.files["pdf"]) / pdf_run.wall,
        "other_docs_per_s": len(others) / other_run.wall,
        "peak_rss_mb": max(pdf_run.peak_rss_mb, other_run.peak_rss_mb),
        "peak_pss_mb": max(pdf_run.peak_pss_mb, other_run.peak_pss_mb),
        "loaded": sum(c[0] for c in counts),
        "failed": sum(c[2] for c in counts),
        "stages": stages,
        "errors": [
            line for run in (pdf_run, other_run) for line in run.stderr.splitlines() if line.startswith("error:")
        ][:10],
    }


def step_reingest(root: Path, chosen: Selection) -> dict[str, Any]:
    """Ingest the unchanged selection again into the --workers 2 database (else --workers 1's): all skipped."""
    db = next(
        (root / "runs" / f"workers-{n}.duckdb" for n in (2, 1) if (root / "runs" / f"workers-{n}.duckdb").exists()),
        None,
    )
    if db is None:
        raise RuntimeError("re-ingest needs a database from the w1 or w2 step")
    figures: dict[str, Any] = chosen.describe()
    for workers in (1, 2):
        run = measure(ingest_command([path for paths in chosen.files.values() for path in paths], db, workers))
        loaded, skipped, failed = summary_counts(run.stderr)
        figures[f"workers_{workers}"] = run_figures(run) | {"loaded": loaded, "skipped": skipped, "failed": failed}
    return figures


def rss_at(series: list[tuple[float, float]], share: float) -> float:
    """The tree's RSS at a share of the run's wall time."""
    alive = [(seconds, mb) for seconds, mb in series if mb > 0]  # the last polls of a killed tree read 0
    if not alive:
        return 0.0
    moment = alive[-1][0] * share
    return next(mb for seconds, mb in alive if seconds >= moment)


def step_big(root: Path, limit_s: float | None) -> dict[str, Any]:
    """Ingest the 100-page and the 1,000-page PDF alone (--workers 1): peak memory and its course."""
    figures = {}
    for pages in (SMALL_PAGES, BIG_PAGES):
        command = ingest_command([root / "big" / f"pages-{pages}.pdf"], fresh_db(root, f"big-{pages}"), 1)
        run = measure(command, limit_s)
        loaded, _, failed = summary_counts(run.stderr)
        figures[str(pages)] = run_figures(run) | {
            "pages_per_s": pages / run.wall,
            "loaded": loaded,
            "failed": failed,
            "rss_at": {f"{share:.0%}": rss_at(run.rss_series, share) for share in (0.1, 0.25, 0.5, 0.75, 0.9)},
            "errors": [line for line in run.stderr.splitlines() if line.startswith("error:")][:3],
        }
    return figures


def step_peer(chosen: Selection, python: Path, script: str) -> dict[str, Any]:
    """A peer over every page of every selected PDF in one process: whole-process wall time."""
    run = measure([python, "-c", script, *chosen.files["pdf"]])
    if run.returncode:
        raise RuntimeError(f"peer failed: {run.stderr[-2000:]}")
    tables = int(run.stdout.split()[0])
    return (
        chosen.describe()
        | run_figures(run)
        | {
            "pages_per_s": chosen.pdf_pages / run.wall,
            "tables": tables,
            "pages_per_cpu_s": chosen.pdf_pages / max(run.cpu, POLL_SECONDS),
        }
    )


def profile(mode: str, db: Path, paths: Sequence[Path]) -> dict[str, Any]:
    """Run HOTSPOT_SCRIPT in a subprocess; its top functions by self time and the project's by cumulative time."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "profile.json"
        subprocess.run(
            [PYTHON, "-c", HOTSPOT_SCRIPT, ROOT, out, mode, db, *paths], check=True, cwd=ROOT, capture_output=True
        )
        data = json.loads(out.read_text())
    rows = data["rows"]
    own = [r for r in rows if str(ROOT) in r[1] and ".venv" not in r[1]]
    pick = {
        "by_self": sorted(rows, key=lambda r: -r[3])[:HOTSPOT_ROWS],
        "own_by_cumulative": sorted(own, key=lambda r: -r[4])[:HOTSPOT_ROWS],
    }
    return {
        "total": data["total"],
        **{
            key: [[short_name(r[1], r[0]), r[2], round(r[3], 2), round(r[4], 2)] for r in value]
            for key, value in pick.items()
        },
    }


def step_hotspots(root: Path, chosen: Selection) -> dict[str, Any]:
    """cProfile of an in-process ingest of a few short PDFs, and of the main process of a re-ingest."""
    pdfs = sorted((root / "docs" / "pdf").glob("short-*.pdf"))[:HOTSPOT_SHORT_PDFS]
    figures = {
        "pdf": profile("pdf", fresh_db(root, "hotspots"), pdfs)
        | {"files": [p.name for p in pdfs], "pages": sum(pdf_pages(p) for p in pdfs)}
    }
    db = root / "runs" / "workers-1.duckdb"
    if db.exists():
        paths = [path for paths in chosen.files.values() for path in paths]
        figures["reingest"] = profile("cli", db, paths) | {"documents": len(paths)}
    return figures


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


def targets(results: dict[str, Any]) -> list[tuple[str, str, bool | None]]:
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
        rows.append(flat_target(big[str(SMALL_PAGES)], big[str(BIG_PAGES)]))
    return rows


def measured_on(figures: dict[str, Any]) -> str:
    """The documents a step measured."""
    return f"{figures['documents']} docs ({figures['pdfs']} PDFs, {figures['pdf_pages']:,} pages)"


def flat_target(small: dict[str, Any], large: dict[str, Any]) -> tuple[str, str, bool | None]:
    """The flat-memory target: the long PDF's peak against the 100-page PDF's (partial when stopped)."""
    measured = f"{large['peak_rss_mb']:.0f} MB vs {small['peak_rss_mb']:.0f} MB"
    if large["stopped"]:
        pages = SMALL_PAGES / small["cpu"] * large["cpu"]
        measured += (
            f" (stopped after {large['wall']:.0f} s, about {pages:.0f} pages in by the CPU seconds of the "
            f"{SMALL_PAGES}-page run; not loaded)"
        )
    return (
        f"memory flat on {BIG_PAGES:,} pages (peak <= {FLAT_GROWTH}x the {SMALL_PAGES}-page peak)",
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


def write_results(root: Path, results: dict[str, Any], manifest: dict[str, Any], notes: str) -> None:
    """Rewrite bench/RESULTS.md from every stored step."""
    info = machine()
    long_pages = [pdf_pages(path) for path in (root / "docs" / "pdf").glob("long-*.pdf")]
    per_format = ", ".join(f"{n} {k.upper()}" for k, n in manifest["per_format"].items())
    lines = [
        "# Batch ingestion throughput (issue 9)",
        "",
        f"Written by `bench/throughput.py` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC. Machine: {info['cpu']}, "
        f"{info['cores']} cores, {info['ram_gb']} GiB RAM, {info['os']}, Python {info['python']}; code at "
        f"{info['commit']}.",
        "",
        f"Corpus (version {manifest['version']}, seed {SEED}): {manifest['documents']} documents ({per_format}), "
        f"no two equal, {manifest['pdf_pages']:,} PDF pages ({manifest['long_pdfs']} long PDFs of "
        f"{min(long_pages)}-{max(long_pages)} pages hold {manifest['long_pages']:,}). Every document is a "
        f"workplan table drawn from the rows of data/samples/*.docx and tests/fixtures/tsv/health-workplan-2022.tsv: "
        f"rows drawn and shuffled, years changed, each row numbered; DOCX via python-docx, XLSX via openpyxl, PPTX "
        f"via python-pptx, PDF rendered from DOCX by LibreOffice (ruled tables under headings; a long PDF is "
        f"rendered in parts of {PART_ROWS} rows, joined with pypdf); the {BIG_PAGES:,}-page PDF is the long PDFs "
        f"joined, the {SMALL_PAGES}-page PDF its first pages.",
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
        *[f"| {name} | {measured} | {verdict(ok)} |" for name, measured, ok in targets(results)],
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
    RESULTS_MD.write_text("\n".join(lines))


# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------
STEPS = ("w1", "w2", "reingest", "pdfplumber", "camelot", "big", "hotspots")


def run_step(name: str, root: Path, chosen: Selection, camelot: Path | None, big_limit: float | None) -> dict[str, Any]:
    """One step's stored entry: its figures (or a note why it was skipped) and when it ran."""
    steps: dict[str, Callable[[], dict[str, Any]]] = {
        "w1": lambda: step_ingest(root, chosen, 1),
        "w2": lambda: step_ingest(root, chosen, 2),
        "reingest": lambda: step_reingest(root, chosen),
        "pdfplumber": lambda: step_peer(chosen, PYTHON, PDFPLUMBER_SCRIPT),
        "camelot": lambda: step_peer(chosen, camelot, CAMELOT_SCRIPT) if camelot else {},
        "big": lambda: step_big(root, big_limit),
        "hotspots": lambda: step_hotspots(root, chosen),
    }
    when = f"{datetime.now(UTC):%m-%d %H:%M}"
    if name == "camelot" and not camelot:
        return {"when": when, "note": "no --camelot-python given, or it does not exist"}
    return {"when": when, "figures": steps[name]()}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="corpus folder (default: a cache folder keyed by the version)")
    parser.add_argument(
        "--camelot-python",
        type=Path,
        default=Path("/tmp/camelot-venv/bin/python"),
        help="a Python with camelot-py 2.0.0; camelot is skipped when it is missing",
    )
    parser.add_argument(
        "--steps",
        default=",".join(STEPS),
        help=f"comma-separated, of {', '.join(STEPS)}; empty: only rewrite RESULTS.md",
    )
    parser.add_argument("--no-big", action="store_true", help="skip the 100- and 1,000-page memory runs")
    parser.add_argument(
        "--share",
        type=float,
        default=1.0,
        help="measure every round(1/SHARE)-th document of each format (for a quick run)",
    )
    parser.add_argument("--big-limit", type=float, help="stop each memory run after this many seconds")
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
    chosen = select(root, args.share)
    camelot = args.camelot_python if args.camelot_python and args.camelot_python.exists() else None
    for name in [s for s in args.steps.split(",") if s and not (args.no_big and s == "big")]:
        if name not in STEPS:
            raise SystemExit(f"unknown step {name!r}; steps: {', '.join(STEPS)}")
        print(f"{datetime.now(UTC):%H:%M:%S} {name} (load {os.getloadavg()[0]:.1f})", flush=True)
        results[name] = run_step(name, root, chosen, camelot, args.big_limit)
        store.write_text(json.dumps(results, indent=1))
        write_results(root, results, manifest, args.notes.read_text() if args.notes else "")
        print(json.dumps(results[name].get("figures", results[name]), default=str)[:600], flush=True)
    write_results(root, results, manifest, args.notes.read_text() if args.notes else "")
    return 0


if __name__ == "__main__":
    sys.exit(main())
