"""PDF speed: the extraction stage per engine against the PDFium character-reading floor, and whole-process
pairs of commands (`workplans ingest` against pdfplumber `extract_tables()`), on the same PDFs.

    .venv/bin/python -m bench.pdf_speed stage FILE.pdf...        # in-process seconds: floor, pdfium, pdfplumber
    .venv/bin/python -m bench.pdf_speed stage --reps 5 --engine pdfium FILE.pdf...   # the floor and PDFium only
    .venv/bin/python -m bench.pdf_speed floor FILE.pdf...        # the floor alone (a command to time whole)
    .venv/bin/python -m bench.pdf_speed pairs --runs 5 FILE.pdf...   # whole processes, A and B in turn
    .venv/bin/python -m bench.pdf_speed digest FILE.pdf...       # what each engine read, as one digest a file

`stage` times, inside one process and after the imports, in turn round by round, (1) the floor: PDFium opening
the file and reading every character's code point and box and every page object's type and bounds, which is what
any reader built on PDFium must at least do; (2) `extractors.pdf.extract` with each engine. `pairs` runs
`workplans ingest` (one worker, a fresh database, each engine) and `python -m bench.throughput.peer pdfplumber`
(pdfplumber's `page.extract_tables()` on every page) in turn, and reports the median wall and CPU time (of the
whole process tree, polled) of each and the median of the per-pair ratios: pairing keeps the ratio meaningful on
a machine whose speed drifts. `digest` prints a digest of everything `extract` read of each file (tables, text
blocks, title, pages, issues) with each engine: a change meant to make the reader faster, not different, leaves
every line as it was (run it on both versions and compare).
"""

from __future__ import annotations

import argparse
import ctypes
import hashlib
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
WORKPLANS = str(Path(PYTHON).parent / "workplans")
ENGINES = ("pdfium", "pdfplumber")
DEFAULT_REPS = 3


def floor(paths: Sequence[Path]) -> int:
    """Read every character (code point and box) and every page object (type and bounds) with PDFium; the
    number of pages read."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    fl, fb, fr, ft = (ctypes.c_float() for _ in range(4))
    pages = 0
    for path in paths:
        pdf = pdfium.PdfDocument(str(path))
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = pdfium_c.FPDFText_LoadPage(page.raw)
            for char in range(pdfium_c.FPDFText_CountChars(textpage)):
                pdfium_c.FPDFText_GetUnicode(textpage, char)
                pdfium_c.FPDFText_GetCharBox(textpage, char, left, right, bottom, top)
            pdfium_c.FPDFText_ClosePage(textpage)
            for number in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
                obj = pdfium_c.FPDFPage_GetObject(page.raw, number)
                pdfium_c.FPDFPageObj_GetType(obj)
                pdfium_c.FPDFPageObj_GetBounds(obj, fl, fb, fr, ft)
            page.close()
            pages += 1
        pdf.close()
    return pages


def extraction(engine: str) -> Callable[[Sequence[Path]], int]:
    """`extractors.pdf.extract` with `engine` over the files; the number of pages read."""
    from extractors.pdf import extract

    def run(paths: Sequence[Path]) -> int:
        return sum(extract(path, engine=engine).pages or 0 for path in paths)

    return run


def seconds(work: Callable[[Sequence[Path]], int], paths: Sequence[Path]) -> tuple[float, int]:
    """The wall time of one run of `work`, and the pages it read."""
    start = time.perf_counter()
    pages = work(paths)
    return time.perf_counter() - start, pages


def stage(paths: Sequence[Path], reps: int, engines: Sequence[str] = ENGINES) -> None:
    """Print the in-process seconds and pages/s of the floor and of each engine's extraction: each run in turn,
    `reps` rounds after one to warm up (imports, caches), medians; "x floor" is the median of the ratios taken
    round by round, which a machine whose load drifts leaves meaningful."""
    readers = {"pdfium floor": floor, **{f"extract {engine}": extraction(engine) for engine in engines}}
    for work in readers.values():
        work(paths)
    times: dict[str, list[float]] = {name: [] for name in readers}
    pages = 0
    for _ in range(reps):
        for name, work in readers.items():
            elapsed, pages = seconds(work, paths)
            times[name].append(elapsed)
    print(f"{'reader':<22}{'seconds':>9}{'pages/s':>9}{'x floor':>9}")
    for name, runs in times.items():
        ratio = statistics.median(a / b for a, b in zip(runs, times["pdfium floor"], strict=True))
        median = statistics.median(runs)
        print(f"{name:<22}{median:>9.3f}{pages / median:>9.1f}{ratio:>9.2f}")
    print(f"pages={pages} files={len(paths)} reps={reps} (medians; x floor: median of the ratios round by round)")


def digest(paths: Sequence[Path]) -> None:
    """Print a SHA-256 of what each engine's `extract` read of each file (or of the error it raised)."""
    from extractors.pdf import extract

    for path in paths:
        for engine in ENGINES:
            try:
                document = extract(path, sha256="", engine=engine)
                read = repr((document.tables, document.text_blocks, document.title, document.pages, document.issues))
            except Exception as error:  # a file the reader refuses: the refusal is what it read
                read = repr(error)
            print(f"{hashlib.sha256(read.encode()).hexdigest()[:16]} {engine} {path}")


def commands(paths: Sequence[Path], folder: Path) -> dict[str, list[str]]:
    """The whole-process commands compared: `workplans ingest` with each engine, and pdfplumber's tables."""
    files = [str(path) for path in paths]
    ingest = [WORKPLANS, "ingest", *files, "--workers", "1", "--force", "--pdf-engine"]
    return {
        **{f"ingest {engine}": [*ingest, engine, "--db", str(folder / f"{engine}.duckdb")] for engine in ENGINES},
        "pdfplumber extract_tables": [PYTHON, "-m", "bench.throughput.peer", "pdfplumber", *files],
    }


def pairs(paths: Sequence[Path], runs: int) -> None:
    """Run every command in turn `runs` times (after one warm-up round); print the medians of wall time and of
    CPU time (the whole process tree: the ingest's fork server and workers too) and the paired ratios."""
    from bench.throughput.measure import measure

    with tempfile.TemporaryDirectory() as folder:
        named = commands(paths, Path(folder))
        for command in named.values():
            measure(command)
        walls: dict[str, list[float]] = {name: [] for name in named}
        cpus: dict[str, list[float]] = {name: [] for name in named}
        for _ in range(runs):
            for name, command in named.items():
                run = measure(command)
                walls[name].append(run.wall)
                cpus[name].append(run.cpu)
    pages = floor(paths)
    peer = "pdfplumber extract_tables"
    print(f"{'command':<28}{'wall s':>8}{'pages/s':>9}{'x peer':>8}{'cpu s':>8}{'pages/cpu s':>12}{'x peer':>8}")
    for name in named:
        wall_ratio = statistics.median(b / a for a, b in zip(walls[name], walls[peer], strict=True))
        cpu_ratio = statistics.median(b / a for a, b in zip(cpus[name], cpus[peer], strict=True))
        wall, cpu = statistics.median(walls[name]), statistics.median(cpus[name])
        by_wall = f"{wall:>8.2f}{pages / wall:>9.1f}{wall_ratio:>8.2f}"
        print(f"{name:<28}{by_wall}{cpu:>8.2f}{pages / cpu:>12.1f}{cpu_ratio:>8.2f}")
    print(f"pages={pages} files={len(paths)} runs={runs} (medians; x peer: median of the paired ratios)")


def main(argv: Sequence[str]) -> int:
    """Run the mode asked for."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=("stage", "floor", "pairs", "digest"))
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--reps", type=int, default=DEFAULT_REPS, help="stage: rounds of the readers (medians kept)")
    parser.add_argument("--engine", choices=ENGINES, action="append", help="stage: only this engine (repeatable)")
    parser.add_argument("--runs", type=int, default=5, help="pairs: rounds of the commands")
    args = parser.parse_args(argv)
    if args.mode == "stage":
        stage(args.files, args.reps, args.engine or ENGINES)
    elif args.mode == "floor":
        print(f"pages={floor(args.files)}")
    elif args.mode == "digest":
        digest(args.files)
    else:
        pairs(args.files, args.runs)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main(sys.argv[1:]))
