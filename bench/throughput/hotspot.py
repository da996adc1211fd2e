"""cProfile of one ingest, written as JSON: `python -m bench.throughput.hotspot OUT.json MODE DB FILE...`.

Mode "pdf": the library ingest in this process (no workers) on a fresh database; mode "cli": the
`workplans ingest` command as run, main process only. The JSON holds the total time and one row per
function: [label, file, calls, self seconds, cumulative seconds].
"""

from __future__ import annotations

import contextlib
import cProfile
import json
import pstats
import sys
from collections.abc import Callable, Sequence
from pathlib import Path


def ingest_in_process(db: Path, paths: list[Path]) -> None:
    """The library ingest without worker processes."""
    from pipeline.ingest import ingest

    ingest(paths, db, isolate=False)


def ingest_command(db: Path, paths: list[Path]) -> None:
    """The `ingest` command as the CLI runs it (its failures are part of what is measured)."""
    from pipeline.cli import app

    with contextlib.suppress(BaseException):  # a failed or exiting command still leaves its profile
        app(["ingest", *map(str, paths), "--db", str(db)], standalone_mode=False)


MODES: dict[str, Callable[[Path, list[Path]], None]] = {"pdf": ingest_in_process, "cli": ingest_command}


def profile_rows(stats: pstats.Stats) -> list[tuple[str, str, int, float, float]]:
    """One row per profiled function: label, file, calls, self and cumulative seconds."""
    table: dict[tuple[str, int, str], tuple[int, int, float, float, object]] = stats.stats  # type: ignore[attr-defined]
    return [
        (f"{Path(file).name}:{line}:{name}", file, calls, tot, cum)
        for (file, line, name), (_, calls, tot, cum, _) in table.items()
    ]


def main(argv: Sequence[str]) -> int:
    """Profile the ingest MODE of the files into DB; write the rows to OUT."""
    if len(argv) < 3 or argv[1] not in MODES:
        print(f"usage: python -m bench.throughput.hotspot OUT.json {'|'.join(MODES)} DB FILE...", file=sys.stderr)
        return 2
    out, mode, db, paths = Path(argv[0]), argv[1], Path(argv[2]), [Path(p) for p in argv[3:]]
    profiler = cProfile.Profile()
    profiler.enable()
    MODES[mode](db, paths)
    profiler.disable()
    stats = pstats.Stats(profiler)
    total: float = stats.total_tt  # type: ignore[attr-defined]
    out.write_text(json.dumps({"total": total, "rows": profile_rows(stats)}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
