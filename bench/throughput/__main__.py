"""Batch ingestion throughput and memory, measured against pdfplumber and camelot on the same PDF pages.

Builds (once, cached by CORPUS_VERSION and size) a corpus of varied workplans made from the samples' and
fixtures' rows: DOCX, XLSX, PPTX, TSV and PDF (rendered by one LibreOffice call per batch), with long PDFs,
plus a small and a big PDF for the memory check. Then times `workplans ingest` at --workers 1 and 2, a
re-ingest, the big PDFs alone, the peers, and profiles one in-process ingest; each step's figures are kept
in the cache and the results file is rewritten from all of them, so one step can be rerun alone
(`--steps w1,reingest`). Run from the project root with the project's interpreter:

    .venv/bin/python -m bench.throughput [--quick] [--corpus DIR] [--camelot-python /tmp/camelot-venv/bin/python]

The full corpus (234 documents, 2,707 PDF pages) takes about 18 minutes of measuring on two cores and
rewrites bench/RESULTS.md; `--quick` builds a corpus of about twenty documents and writes its results
beside it, to check that every step still runs.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.throughput import ROOT
from bench.throughput.corpus import FULL, QUICK, SIZES, CorpusSize, corpus
from bench.throughput.report import write_results
from bench.throughput.steps import (
    PYTHON,
    Selection,
    select,
    step_big,
    step_hotspots,
    step_ingest,
    step_peer,
    step_reingest,
)

RESULTS_MD = ROOT / "bench" / "RESULTS.md"
DEFAULT_CACHE = Path(tempfile.gettempdir()) / "workplans-throughput"
STEPS = ("w1", "w2", "reingest", "pdfplumber", "camelot", "big", "hotspots")
SHOWN_FIGURES_CHARS = 600  # of each step's figures printed as it ends


def run_step(
    name: str, root: Path, chosen: Selection, size: CorpusSize, camelot: Path | None, big_limit: float | None
) -> dict[str, Any]:
    """One step's stored entry: its figures (or a note why it was skipped) and when it ran."""
    steps: dict[str, Callable[[], dict[str, Any]]] = {
        "w1": lambda: step_ingest(root, chosen, 1),
        "w2": lambda: step_ingest(root, chosen, 2),
        "reingest": lambda: step_reingest(root, chosen),
        "pdfplumber": lambda: step_peer(chosen, PYTHON, "pdfplumber"),
        "camelot": lambda: step_peer(chosen, camelot, "camelot") if camelot else {},
        "big": lambda: step_big(root, size, big_limit),
        "hotspots": lambda: step_hotspots(root, chosen),
    }
    when = f"{datetime.now(UTC):%m-%d %H:%M}"
    if name == "camelot" and not camelot:
        return {"when": when, "note": "no --camelot-python given, or it does not exist"}
    return {"when": when, "figures": steps[name]()}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(prog="python -m bench.throughput", description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="corpus folder (default: a cache folder keyed by version and size)")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="a small corpus (about twenty documents, a hundred PDF pages) to check that every step runs; "
        "results beside it",
    )
    parser.add_argument(
        "--results", type=Path, help="the Markdown written (default: bench/RESULTS.md; --quick: beside the corpus)"
    )
    parser.add_argument(
        "--camelot-python",
        type=Path,
        default=Path("/tmp/camelot-venv/bin/python"),
        help="a Python with camelot-py 2.0.0; camelot is skipped when it is missing",
    )
    parser.add_argument(
        "--steps",
        default=",".join(STEPS),
        help=f"comma-separated, of {', '.join(STEPS)}; empty: only rewrite the results",
    )
    parser.add_argument("--no-big", action="store_true", help="skip the small- and big-PDF memory runs")
    parser.add_argument(
        "--share",
        type=float,
        default=1.0,
        help="measure every round(1/SHARE)-th document of each format (for a quick run)",
    )
    parser.add_argument("--big-limit", type=float, help="stop each memory run after this many seconds")
    parser.add_argument("--notes", type=Path, help="a Markdown file appended to the results as their notes")
    parser.add_argument("--build-only", action="store_true", help="build the corpus and stop")
    return parser.parse_args(argv)


def chosen_steps(steps: str, no_big: bool) -> list[str]:
    """The steps asked for, in the order given; an unknown one stops the run."""
    names = [name for name in steps.split(",") if name and not (no_big and name == "big")]
    unknown = [name for name in names if name not in STEPS]
    if unknown:
        raise SystemExit(f"unknown step {unknown[0]!r}; steps: {', '.join(STEPS)}")
    return names


def main(argv: list[str] | None = None) -> int:
    """Build or reuse the corpus, run the steps asked for, rewrite the results."""
    args = parse_args(argv)
    size = QUICK if args.quick else FULL
    root = args.corpus or DEFAULT_CACHE / size.folder
    manifest = corpus(root, size)
    size = SIZES[manifest.get("size", FULL.name)]  # a corpus folder built earlier keeps its own size
    print(f"corpus {root}: {manifest['documents']} documents, {manifest['pdf_pages']} PDF pages", flush=True)
    if args.build_only:
        return 0
    out = args.results or (RESULTS_MD if size is FULL else root / "RESULTS.md")
    notes = args.notes.read_text() if args.notes else ""
    store = root / "results.json"
    results: dict[str, Any] = json.loads(store.read_text()) if store.exists() else {}
    chosen = select(root, args.share)
    camelot = args.camelot_python if args.camelot_python and args.camelot_python.exists() else None
    for name in chosen_steps(args.steps, args.no_big):
        print(f"{datetime.now(UTC):%H:%M:%S} {name} (load {os.getloadavg()[0]:.1f})", flush=True)
        results[name] = run_step(name, root, chosen, size, camelot, args.big_limit)
        store.write_text(json.dumps(results, indent=1))
        write_results(out, root, results, manifest, size, notes)
        print(json.dumps(results[name].get("figures", results[name]), default=str)[:SHOWN_FIGURES_CHARS], flush=True)
    write_results(out, root, results, manifest, size, notes)
    print(f"results: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
