"""The throughput corpus: varied workplans made from the samples' and a fixture's rows, built once and cached.

DOCX, XLSX and PPTX are written by tools.office, TSV directly; PDFs are DOCX rendered by LibreOffice in as few calls as
possible, with long PDFs so that the corpus holds at least `min_pdf_pages` pages, plus a small and a big
PDF for the memory check. The same seed and size give the same documents on every machine.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import shutil
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.throughput import ROOT
from tools import libreoffice, office

SAMPLE_DOCX = sorted((ROOT / "data" / "samples").glob("*.docx"))
SEED_TSV = ROOT / "tests" / "fixtures" / "text" / "health-workplan-2022.tsv"
# Bump when the corpus recipe changes: the cache is keyed by it. 4: written by tools.office (dates pinned,
# header rows bold and shaded, tables at the sample decks' place on slides).
CORPUS_VERSION = "4"
SEED = 9  # the number of the issue that asked for the benchmark: the corpus is the same on every machine
SHORT_ROWS = (6, 30)  # rows per short document: one to a few pages
FIRST_ROWS_PER_PAGE = 3.0  # a first guess, corrected from the first batch of long PDFs
# A long PDF is rendered in parts of this many rows, joined: LibreOffice lays out one 80-page document about
# five times slower per page than ten short ones.
PART_ROWS = 40
SECTION_ROWS = 30  # a long document is headed sections of this many rows, as real annexes are
ROWS_PER_SLIDE = 6
BODY_PT = 8  # small text, as dense workplans are typeset
SLIDES = (2, 5)
YEARS = (2018, 2030)
FORMATS = ("pdf", "docx", "xlsx", "pptx", "tsv")
YEAR_RE = re.compile(r"\b20[0-3]\d\b")
# One LibreOffice call renders a whole batch; an hour covers the full corpus's largest on a loaded machine.
SOFFICE_TIMEOUT_S = 3600


@dataclass(frozen=True)
class CorpusSize:
    """How big a corpus is: the full one of bench/RESULTS.md, or a quick one that checks the bench runs."""

    name: str
    counts: dict[str, int]  # documents per directly written format
    short_pdfs: int
    min_documents: int
    min_pdf_pages: int
    long_pdf_pages: tuple[int, int]  # pages per long PDF, from long DOCX tables
    small_pages: int  # the memory check's small PDF
    big_pages: int  # and its big one, whose peak should stay near the small one's

    @property
    def folder(self) -> str:
        """The cache folder's name: the full corpus keeps the name it had before sizes existed."""
        suffix = "" if self.name == "full" else f"-{self.name}"
        return f"corpus-v{CORPUS_VERSION}{suffix}"


FULL = CorpusSize(
    "full",
    {"docx": 60, "xlsx": 40, "pptx": 30, "tsv": 30},
    short_pdfs=60,
    min_documents=200,
    min_pdf_pages=2000,
    long_pdf_pages=(50, 100),
    small_pages=100,
    big_pages=1000,
)
# A few minutes on two cores: every step runs, none of the figures means much.
QUICK = CorpusSize(
    "quick",
    {"docx": 4, "xlsx": 3, "pptx": 3, "tsv": 3},
    short_pdfs=4,
    min_documents=15,
    min_pdf_pages=60,
    long_pdf_pages=(20, 30),
    small_pages=10,
    big_pages=40,
)
SIZES = {size.name: size for size in (FULL, QUICK)}


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


def docx_plan(plan: Template) -> office.Document:
    """A Word plan: title, an intro line, the rows as ruled tables of SECTION_ROWS rows under headings."""
    blocks: list[office.Block] = [
        office.Heading(plan.title, level=1),
        office.Paragraph(f"Workplan {plan.title}: priorities, deliverables, leads and timelines."),
    ]
    for start in range(0, len(plan.rows), SECTION_ROWS):
        if start:
            blocks.append(office.Heading(f"Section {start // SECTION_ROWS + 1}", level=2))
        blocks.append(office.Table((plan.header, *plan.rows[start : start + SECTION_ROWS])))
    return office.Document(plan.title, tuple(blocks), font_pt=BODY_PT)


def xlsx_plan(plan: Template) -> office.Workbook:
    """A workbook: a title cell, a blank row, then the header and rows."""
    return office.Workbook((office.Sheet("Workplan", plan.title, office.Table((plan.header, *plan.rows))),))


def pptx_plan(plan: Template, rng: random.Random) -> office.Deck:
    """A few slides, each a title and a table of ROWS_PER_SLIDE rows under the header."""
    rows = list(plan.rows)
    slides = []
    for slide_no in range(rng.randint(*SLIDES)):
        chunk = rows[slide_no * ROWS_PER_SLIDE : (slide_no + 1) * ROWS_PER_SLIDE] or rows[:ROWS_PER_SLIDE]
        slides.append(office.Slide(f"{plan.title}, part {slide_no + 1}", table=office.Table((plan.header, *chunk))))
    return office.Deck(plan.title, tuple(slides))


def write_tsv(path: Path, plan: Template) -> None:
    """A TSV: a title line, a blank line, the header and rows (line breaks in cells become spaces)."""
    lines = [plan.title, ""] + ["\t".join(" ".join(text.split()) for text in row) for row in (plan.header, *plan.rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def make_plan(templates: list[Template], rng: random.Random, doc_id: str, rows: tuple[int, int]) -> Template:
    """A varied workplan of a random seed with a row count in `rows`."""
    return vary(rng.choice(templates), rng, doc_id, rng.randint(*rows))


def build_office(docs: Path, templates: list[Template], rng: random.Random, size: CorpusSize) -> None:
    """The DOCX, XLSX, PPTX and TSV documents of the corpus."""
    for fmt, count in size.counts.items():
        (docs / fmt).mkdir(parents=True, exist_ok=True)
        for index in range(count):
            plan = make_plan(templates, rng, f"{fmt}{index:03d}", SHORT_ROWS)
            path = docs / fmt / f"{fmt}-{index:03d}.{fmt}"
            if fmt == "docx":
                office.write(path, docx_plan(plan))
            elif fmt == "xlsx":
                office.write(path, xlsx_plan(plan))
            elif fmt == "pptx":
                office.write(path, pptx_plan(plan, rng))
            else:
                write_tsv(path, plan)


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
        sources.append(office.write(work / f"{name}.docx", docx_plan(plan)))
    rendered = libreoffice.convert(sources, work / "pdf", timeout_s=SOFFICE_TIMEOUT_S)
    return dict(zip(plans, rendered, strict=True))


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
    templates: list[Template],
    rng: random.Random,
    pages: tuple[int, int],
    pages_needed: int,
    rows_per_page: float,
    first: int,
) -> dict[str, Template]:
    """Long plans of `pages` pages each (by the estimate) until `pages_needed` are covered."""
    plans: dict[str, Template] = {}
    while pages_needed > 0:
        length = rng.randint(*pages)
        name = f"long-{first + len(plans):03d}"
        plans[name] = vary(rng.choice(templates), rng, name, max(1, round(length * rows_per_page)))
        pages_needed -= length
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


def build_pdfs(
    work: Path, pdf_dir: Path, templates: list[Template], rng: random.Random, size: CorpusSize
) -> dict[str, int]:
    """Short PDFs and long ones, in as few LibreOffice calls as the page estimate allows."""
    short = {f"short-{i:03d}": make_plan(templates, rng, f"pdf{i:03d}", SHORT_ROWS) for i in range(size.short_pdfs)}
    first_long = long_plans(templates, rng, size.long_pdf_pages, size.min_pdf_pages // 2, FIRST_ROWS_PER_PAGE, 0)
    pages = render_pdfs(work, pdf_dir, short, first_long)
    long_pages = sum(pages[name] for name in first_long)
    rows_per_page = sum(len(first_long[name].rows) for name in first_long) / max(long_pages, 1)
    while (total := sum(pages.values())) < size.min_pdf_pages:
        needed = size.min_pdf_pages - total
        more = long_plans(templates, rng, size.long_pdf_pages, needed, rows_per_page, len(pages) - size.short_pdfs)
        pages |= render_pdfs(work, pdf_dir, {}, more)
    return pages


def build_big(pdf_dir: Path, big_dir: Path, long_names: list[str], size: CorpusSize) -> None:
    """The big PDF (long PDFs joined, repeated as needed) and the small one (its first pages)."""
    from pypdf import PdfReader, PdfWriter

    big_dir.mkdir(parents=True, exist_ok=True)
    writers = {size.small_pages: PdfWriter(), size.big_pages: PdfWriter()}
    added = 0
    repeats = size.big_pages // (size.long_pdf_pages[0] * max(len(long_names), 1)) + 1
    for name in long_names * repeats:
        for page in PdfReader(pdf_dir / f"{name}.pdf").pages:
            for limit, writer in writers.items():
                if added < limit:
                    writer.add_page(page)
            added += 1
        if added >= size.big_pages:
            break
    for limit, writer in writers.items():
        with (big_dir / f"pages-{limit}.pdf").open("wb") as handle:
            writer.write(handle)


def build_corpus(root: Path, size: CorpusSize) -> dict[str, Any]:
    """Build the corpus under `root` (docs/ ingested, big/ for the memory check); its manifest."""
    start = time.perf_counter()
    rng = random.Random(SEED)
    templates = seed_templates()
    docs, work = root / "docs", root / "work"
    work.mkdir(parents=True, exist_ok=True)
    build_office(docs, templates, rng, size)
    pages = build_pdfs(work, docs / "pdf", templates, rng, size)
    build_big(docs / "pdf", root / "big", sorted(name for name in pages if name.startswith("long-")), size)
    shutil.rmtree(work)
    built = {"version": CORPUS_VERSION, "size": size.name, "build_seconds": round(time.perf_counter() - start, 1)}
    return check_corpus(docs, size) | built


def check_corpus(docs: Path, size: CorpusSize) -> dict[str, Any]:
    """Counts per format and PDF pages; fails when documents repeat or the corpus is too small."""
    files = sorted(p for p in docs.rglob("*") if p.is_file())
    digests = {hashlib.sha256(p.read_bytes()).hexdigest() for p in files}
    if len(digests) != len(files):
        raise RuntimeError("two corpus documents are equal")
    pdfs = sorted(docs.glob("pdf/*.pdf"))
    pages = sum(pdf_pages(p) for p in pdfs)
    if len(files) < size.min_documents or pages < size.min_pdf_pages:
        raise RuntimeError(f"corpus too small: {len(files)} documents, {pages} PDF pages")
    long_pages = sum(pdf_pages(p) for p in pdfs if p.name.startswith("long-"))
    return {
        "documents": len(files),
        "per_format": {fmt: len(list(docs.glob(f"{fmt}/*"))) for fmt in FORMATS},
        "pdf_pages": pages,
        "long_pdfs": sum(p.name.startswith("long-") for p in pdfs),
        "long_pages": long_pages,
    }


def corpus(root: Path, size: CorpusSize) -> dict[str, Any]:
    """The cached corpus's manifest, building the corpus first when absent."""
    manifest = root / "manifest.json"
    if manifest.exists():
        loaded: dict[str, Any] = json.loads(manifest.read_text())
        return loaded
    if root.exists():
        shutil.rmtree(root)  # a build that did not finish
    built = build_corpus(root, size)
    manifest.write_text(json.dumps(built, indent=1))
    return built
