"""Score the project on the shadow holdout with the public suite's own scorer.

    python -m bench.holdout.score [--only NAME] [--axis AXIS] [--json FILE] [--keep-db DIR] [--no-build]

Builds the documents (bench.holdout.build, into the git-ignored bench/holdout/build/), then loads the suite's
score.py from ../shared/benchmarks/workplan-suite/ at run time (its code is not copied) and runs it over
that folder: the same matching and metrics, a per-document table, the per-axis table of this holdout's axes
(manifest.json), and as its last line `holdout: docs=… act_f1=… …`.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from pathlib import Path
from types import ModuleType

from bench.holdout.build import DEFAULT_OUT, build_all

PROJECT = Path(__file__).resolve().parents[2]
SUITE_SCORER = PROJECT.parent / "shared" / "benchmarks" / "workplan-suite" / "score.py"
METRICS = ("act_f1", "context", "quarters", "year", "lead_f1", "partner_f1", "status")


def load_scorer(path: Path, folder: Path) -> ModuleType:
    """The suite's scorer as a module, pointed at `folder` (its docs/, gold/ and manifest.json)."""
    spec = importlib.util.spec_from_file_location("workplan_suite_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"holdout: cannot load the suite's scorer from {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name, value in (("HERE", folder), ("DOCS_DIR", folder / "docs"), ("GOLD_DIR", folder / "gold")):
        setattr(module, name, str(value))
    return module


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--project", type=Path, default=PROJECT)
    parser.add_argument("--scorer", type=Path, default=SUITE_SCORER, help="the suite's score.py")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where the documents are built")
    parser.add_argument("--no-build", action="store_true", help="score the documents already built in --out")
    parser.add_argument("--only", help="documents whose name holds this (comma-separated)")
    parser.add_argument("--axis", help="documents with these manifest axes (comma-separated, all required)")
    parser.add_argument("--json", type=Path, help="per-document results and mismatches")
    parser.add_argument("--keep-db", type=Path, help="keep each document's database here")
    args = parser.parse_args(argv)
    if not args.no_build:
        build_all(args.out)
    scorer = load_scorer(args.scorer, args.out)
    with tempfile.TemporaryDirectory(prefix="holdout-") as tmp:
        results = args.json or Path(tmp) / "results.json"
        forwarded = ["--project", str(args.project), "--json", str(results)]
        for option in ("only", "axis", "keep_db"):
            if getattr(args, option):
                forwarded += [f"--{option.replace('_', '-')}", str(getattr(args, option))]
        status = scorer.main(forwarded)
        if status:
            return int(status)
        overall = json.loads(results.read_text(encoding="utf-8"))["overall"]
    figures = " ".join(f"{name}={overall['metrics'][name]:.3f}" for name in METRICS)
    print(f"holdout: docs={overall['docs']} failed={overall['failed']} {figures} sec={overall['seconds']:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
