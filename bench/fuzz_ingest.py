"""Fuzz ingest: mutate the fixture documents' bytes and ingest them, for a set time.

Counts per document: loaded, clean errors (a named kind), crashes (the worker died), hangs (timeouts),
worker-side internal errors (caught exceptions that are bugs); and per batch: unhandled exceptions in
the main process and databases left inconsistent. Inputs that crash, hang or raise are kept for replay.

    .venv/bin/python bench/fuzz_ingest.py --minutes 10 --out /tmp/fuzz
"""

from __future__ import annotations

import argparse
import io
import json
import random
import shutil
import sys
import tempfile
import time
import traceback
import zipfile
from collections import Counter
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.ingest import ingest  # noqa: E402
from pipeline.limits import OUT_OF_MEMORY, TIMEOUT, WORKER_CRASHED, Limits  # noqa: E402

SEED_FOLDERS = [ROOT / "tests" / "fixtures", ROOT / "data" / "samples"]
SEED_SUFFIXES = {".pdf", ".docx", ".pptx", ".xlsx", ".txt", ".tsv", ".csv"}
# Mutated files per ingest call: enough to keep two workers busy, few enough to check the database often.
BATCH_SIZE = 8
# Per-document limits while fuzzing: tighter than the defaults so that hangs show up quickly.
FUZZ_LIMITS = Limits(max_seconds=30, max_memory_mb=1024)
MAX_BIT_FLIPS = 32
MAX_DUPLICATED_CHUNK = 4096
# Packages bigger than this once unpacked (the zip-bomb fixtures) get bit flips, not unpacking, here.
MAX_UNZIPPED_BYTES = 64 << 20
# Kinds that mean the guard, not the reader, stopped the document.
GUARD_KINDS = {
    WORKER_CRASHED: "crashes",
    TIMEOUT: "hangs",
    OUT_OF_MEMORY: "out_of_memory",
    "internal_error": "internal_errors",
    "load_failed": "load_failures",
}


def seed_files() -> list[Path]:
    """Every fixture and sample document."""
    return sorted(
        path
        for folder in SEED_FOLDERS
        for path in folder.rglob("*")
        if path.is_file() and path.suffix.lower() in SEED_SUFFIXES and "expected" not in path.parts
    )


def flip_bits(data: bytes, rng: random.Random) -> bytes:
    """A few random bits flipped."""
    buffer = bytearray(data)
    for _ in range(rng.randint(1, MAX_BIT_FLIPS)):
        position = rng.randrange(len(buffer))
        buffer[position] ^= 1 << rng.randrange(8)
    return bytes(buffer)


def truncate(data: bytes, rng: random.Random) -> bytes:
    """The bytes cut at a random point."""
    return data[: rng.randrange(len(data))]


def duplicate_chunk(data: bytes, rng: random.Random) -> bytes:
    """A random chunk copied into a random place."""
    start = rng.randrange(len(data))
    chunk = data[start : start + rng.randint(1, MAX_DUPLICATED_CHUNK)]
    at = rng.randrange(len(data))
    return data[:at] + chunk * rng.randint(1, 8) + data[at:]


def corrupt_zip_member(data: bytes, rng: random.Random) -> bytes:
    """For a zip package: one member's inflated content mutated, then the package rebuilt (valid CRCs)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as source:
            if sum(info.file_size for info in source.infolist()) > MAX_UNZIPPED_BYTES:
                return flip_bits(data, rng)
            parts = {info.filename: source.read(info) for info in source.infolist()}
    except Exception:  # zipfile, zlib and struct all have their own errors for a broken package
        return flip_bits(data, rng)
    name = rng.choice(sorted(parts))
    mutate = rng.choice([flip_bits, truncate, duplicate_chunk])
    parts[name] = mutate(parts[name], rng) if parts[name] else b"<"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for part, body in parts.items():
            target.writestr(part, body)
    return out.getvalue()


MUTATIONS = [flip_bits, truncate, duplicate_chunk, corrupt_zip_member]


def mutate(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """One or two mutations of the bytes, and their names."""
    names = []
    for _ in range(rng.randint(1, 2)):
        mutation = rng.choice(MUTATIONS)
        data = mutation(data, rng) if data else b"\x00"
        names.append(mutation.__name__)
    return data, "+".join(names)


def check_database(db_path: Path) -> list[str]:
    """Problems with the database: it does not open, or a document's rows are half there."""
    try:
        con = duckdb.connect(str(db_path), read_only=True)
    except duckdb.Error as error:
        return [f"does not open: {error}"]
    try:
        checks = {
            "raw_tables without document": "select count(*) from raw_tables where document_id not in "
            "(select document_id from documents)",
            "raw_cells without table": "select count(*) from raw_cells c where not exists (select 1 from raw_tables t "
            "where t.document_id = c.document_id and t.table_index = c.table_index)",
            "activities without document": "select count(*) from activities where document_id not in "
            "(select document_id from documents)",
        }
        return [name for name, sql in checks.items() if con.execute(sql).fetchone() != (0,)]
    finally:
        con.close()


def run(minutes: float, out: Path, seed: int, workers: int) -> dict[str, object]:
    """Fuzz for `minutes`; return the figures."""
    rng = random.Random(seed)
    seeds = [(path, path.read_bytes()) for path in seed_files()]
    out.mkdir(parents=True, exist_ok=True)
    db_path = out / "fuzz.duckdb"
    counts: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    deadline = time.monotonic() + minutes * 60
    batches = 0
    while time.monotonic() < deadline:
        with tempfile.TemporaryDirectory() as folder:
            batch = write_batch(Path(folder), seeds, rng, batches)
            run_batch(batch, db_path, workers, out, counts, kinds)
        batches += 1
        problems = check_database(db_path)
        if problems:
            counts["corrupted_databases"] += 1
            (out / f"db-problem-{batches}.txt").write_text("\n".join(problems))
    return {
        "minutes": minutes,
        "seed": seed,
        "workers": workers,
        "seed_files": len(seeds),
        "batches": batches,
        "counts": dict(counts),
        "error_kinds": dict(kinds.most_common()),
    }


def write_batch(folder: Path, seeds: list[tuple[Path, bytes]], rng: random.Random, batch: int) -> list[Path]:
    """BATCH_SIZE mutated copies of random seed documents, named after their seed and mutation."""
    paths = []
    for index in range(BATCH_SIZE):
        source, data = rng.choice(seeds)
        mutated, how = mutate(data, rng)
        path = folder / f"b{batch}-{index}-{how}-{source.name}"
        path.write_bytes(mutated)
        paths.append(path)
    return paths


def run_batch(
    batch: list[Path], db_path: Path, workers: int, out: Path, counts: Counter[str], kinds: Counter[str]
) -> None:
    """Ingest one batch, counting outcomes; keep the inputs the guards had to stop."""
    states: dict[str, str] = {}
    try:
        summary = ingest(
            batch,
            db_path,
            workers=workers,
            limits=FUZZ_LIMITS,
            on_progress=lambda path, state, detail: states.__setitem__(path, state),
        )
    except Exception:
        counts["unhandled_main"] += 1
        keep(batch, out / "unhandled", traceback.format_exc())
        return
    counts["files"] += len(batch)
    counts["loaded"] += summary.loaded
    counts["skipped"] += summary.skipped
    for path, kind, message in summary.failed:
        kinds[kind] += 1
        bucket = GUARD_KINDS.get(kind)
        counts[bucket or "clean_errors"] += 1
        if bucket:
            keep([Path(path)], out / bucket, f"{kind}: {message}")


def keep(paths: list[Path], folder: Path, note: str) -> None:
    """Copy inputs worth replaying, with a note of what happened."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in paths:
        if path.exists():
            shutil.copy(path, folder / path.name)
            (folder / f"{path.name}.txt").write_text(note)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0, help="how long to fuzz")
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(tempfile.gettempdir()) / "workplans-fuzz",
        help="folder for the database, findings and figures",
    )
    parser.add_argument("--seed", type=int, default=1, help="random seed, for a repeatable run")
    parser.add_argument("--workers", type=int, default=2, help="worker processes")
    args = parser.parse_args()
    figures = run(args.minutes, args.out, args.seed, args.workers)
    (args.out / "figures.json").write_text(json.dumps(figures, indent=2))
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
