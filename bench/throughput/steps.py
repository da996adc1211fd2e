"""The measured steps: each runs commands on the corpus and returns the figures kept for RESULTS.md."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.throughput import ROOT
from bench.throughput.corpus import FORMATS, CorpusSize, pdf_pages
from bench.throughput.measure import POLL_SECONDS, fresh_db, measure, rss_at, run_figures

# The interpreter running the bench runs the project too: no path to a venv is assumed.
PYTHON = Path(sys.executable)
WORKPLANS: list[str | Path] = [PYTHON, "-m", "pipeline"]
# Generous limits so that a slow, loaded machine does not turn slow documents into failures.
INGEST_LIMITS = ["--max-seconds", "7200"]
HOTSPOT_SHORT_PDFS = 3
HOTSPOT_ROWS = 14
STAGE_LINE = re.compile(r"^(\w+)\s+([\d.]+)\s+[\d.]+%", re.MULTILINE)
SUMMARY_LINE = re.compile(r"(\d+) loaded, (\d+) skipped, (\d+) failed")
RSS_SHARES = (0.1, 0.25, 0.5, 0.75, 0.9)  # moments of a memory run at which its RSS is reported
ERROR_LINES_KEPT = 10


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

    @property
    def all_files(self) -> list[Path]:
        """Every selected file, format by format."""
        return [path for paths in self.files.values() for path in paths]

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


def ingest_command(paths: Sequence[Path], db: Path, workers: int) -> list[str | Path]:
    """`workplans ingest` with a profile and generous limits."""
    return [*WORKPLANS, "ingest", *paths, "--db", db, "--workers", str(workers), "--profile", *INGEST_LIMITS]


def stage_seconds(stderr: str) -> dict[str, float]:
    """The `--profile` lines of an ingest: seconds per stage."""
    return {stage: float(seconds) for stage, seconds in STAGE_LINE.findall(stderr)}


def summary_counts(stderr: str) -> tuple[int, int, int]:
    """(loaded, skipped, failed) from an ingest's closing line."""
    found = SUMMARY_LINE.search(stderr)
    return (int(found[1]), int(found[2]), int(found[3])) if found else (-1, -1, -1)


def error_lines(stderr: str, keep: int = ERROR_LINES_KEPT) -> list[str]:
    """The first `error:` lines of a command's output."""
    return [line for line in stderr.splitlines() if line.startswith("error:")][:keep]


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
        "errors": (error_lines(pdf_run.stderr) + error_lines(other_run.stderr))[:ERROR_LINES_KEPT],
    }


def step_reingest(root: Path, chosen: Selection) -> dict[str, Any]:
    """Ingest the unchanged selection again into the --workers 2 database (else --workers 1's): all skipped."""
    runs = root / "runs"
    db = next((runs / f"workers-{n}.duckdb" for n in (2, 1) if (runs / f"workers-{n}.duckdb").exists()), None)
    if db is None:
        raise RuntimeError("re-ingest needs a database from the w1 or w2 step")
    figures: dict[str, Any] = chosen.describe()
    for workers in (1, 2):
        run = measure(ingest_command(chosen.all_files, db, workers))
        loaded, skipped, failed = summary_counts(run.stderr)
        figures[f"workers_{workers}"] = run_figures(run) | {"loaded": loaded, "skipped": skipped, "failed": failed}
    return figures


def step_big(root: Path, size: CorpusSize, limit_s: float | None) -> dict[str, Any]:
    """Ingest the small and the big PDF alone (--workers 1): peak memory and its course."""
    figures = {}
    for pages in (size.small_pages, size.big_pages):
        command = ingest_command([root / "big" / f"pages-{pages}.pdf"], fresh_db(root, f"big-{pages}"), 1)
        run = measure(command, limit_s)
        loaded, _, failed = summary_counts(run.stderr)
        figures[str(pages)] = run_figures(run) | {
            "pages_per_s": pages / run.wall,
            "loaded": loaded,
            "failed": failed,
            "rss_at": {f"{share:.0%}": rss_at(run.rss_series, share) for share in RSS_SHARES},
            "errors": error_lines(run.stderr, 3),
        }
    return figures


def step_peer(chosen: Selection, python: Path, peer: str) -> dict[str, Any]:
    """A peer over every page of every selected PDF in one process: whole-process wall time."""
    run = measure([python, "-m", "bench.throughput.peer", peer, *chosen.files["pdf"]])
    if run.returncode:
        raise RuntimeError(f"peer {peer} failed: {run.stderr[-2000:]}")
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


def is_project_file(file: str) -> bool:
    """A profiled function of the packages measured (not of a library, nor of the bench itself)."""
    return file.startswith(f"{ROOT}/") and "site-packages" not in file and not file.startswith(f"{ROOT}/bench/")


def profile(mode: str, db: Path, paths: Sequence[Path]) -> dict[str, Any]:
    """Run the hotspot program in a subprocess; its top functions by self time and the project's by cumulative."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "profile.json"
        command = [PYTHON, "-m", "bench.throughput.hotspot", out, mode, db, *paths]
        subprocess.run([str(part) for part in command], check=True, cwd=ROOT, capture_output=True)
        data = json.loads(out.read_text())
    rows = data["rows"]
    pick = {
        "by_self": sorted(rows, key=lambda r: -r[3])[:HOTSPOT_ROWS],
        "own_by_cumulative": sorted((r for r in rows if is_project_file(r[1])), key=lambda r: -r[4])[:HOTSPOT_ROWS],
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
        figures["reingest"] = profile("cli", db, chosen.all_files) | {"documents": chosen.documents}
    return figures


def short_name(file: str, label: str) -> str:
    """file:function with the path relative to the project or to site-packages."""
    function = label.split(":", 2)[-1]
    for anchor in ("site-packages/", f"{ROOT}/"):
        if anchor in file:
            return f"{file.split(anchor, 1)[1]}:{function}"
    return f"{file}:{function}"
