"""Worker processes for extraction: each document runs under a wall-time and memory limit in a worker;
a worker that crashes, hangs or runs out of memory ends only its document and is replaced."""

from __future__ import annotations

import contextlib
import ctypes
import logging
import multiprocessing
import resource
import signal
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from multiprocessing import forkserver
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from time import monotonic
from typing import TYPE_CHECKING

from extractors.model import Cell, Document, ExtractionError, Table
from pipeline.limits import OUT_OF_MEMORY, TIMEOUT, WORKER_CRASHED, Limits, memory_message
from pipeline.outcome import Outcome

if TYPE_CHECKING:
    from normalizers.actors import Registry
    from pipeline.reading import Reading

# A worker's work on one document; a module-level function, so that it pickles by name.
Task = Callable[[Path, "Registry", Limits, "Reading"], Outcome]
# Told of the pages a worker reads: (path, pages read, pages in all).
PageProgress = Callable[[str, int, int], None]

# Imported once in the fork server, so that every worker (and every replacement) is forked warm.
PRELOAD = ["pipeline.preload"]
# How often `on_idle` runs again while the pool waits for its workers.
IDLE_REPEAT_SECONDS = 0.1
# How long a worker asked to stop may take before it is killed.
STOP_GRACE_SECONDS = 2.0
# Where Linux tells a process's mapped address space (VmSize), in kB.
PROC_STATUS = Path("/proc/self/status")
KB = 1024
# prctl option: the signal a process gets when its parent dies (linux/prctl.h).
PR_SET_PDEATHSIG = 1
# A workplan of one row, run through the normalizers once so that their caches (spaCy tokenizer, actor
# matcher, sector names; the registry's name indexes for a cell of several actors and for one in capitals, and
# the role patterns its cells name) are built before the first real document.
WARM_UP_DOCUMENT = Document(
    path="warm-up",
    sha256="0" * 64,
    format="text",
    pages=None,
    tables=(
        Table(
            cells=tuple(
                Cell(text, row, col)
                for row, texts in enumerate(
                    [
                        ("Activity", "Lead", "Partners", "Timeline"),
                        ("Coordinate partners", "UNICEF, WHO and the Sector Coordinator", "WFP AND FAO", "Q1 2024"),
                    ]
                )
                for col, text in enumerate(texts)
            ),
            n_rows=2,
            n_cols=4,
        ),
    ),
)


@dataclass(frozen=True)
class PagesRead:
    """What a worker sends while it reads a paginated document, before the document's Outcome."""

    done: int
    total: int


@dataclass
class Slot:
    """One worker process, its end of the pipe, and the document it is working on."""

    process: BaseProcess
    conn: Connection
    path: str | None = None
    deadline: float = 0.0


def mapped_bytes() -> int:
    """The address space this process maps now (0 where /proc is missing)."""
    try:
        for line in PROC_STATUS.read_text().splitlines():
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * KB
    except OSError:
        pass
    return 0


def limit_memory(extra_bytes: int) -> None:
    """Cap the address space at what the warm worker maps plus `extra_bytes`; no core files on a crash."""
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    cap = mapped_bytes() + extra_bytes
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))


def die_with_parent() -> None:
    """Have Linux kill this worker when its parent (the fork server) ends, as it does when the main process
    is killed: a worker stuck in a loop must not outlive the batch. A no-op elsewhere."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return


@cache
def warm_up() -> None:
    """Build the normalizers' caches on a tiny workplan, quiet library chatter; once per process (a worker
    forked from a warm fork server inherits it done). Extractors are imported by the fork server's preload,
    those of the batch's formats only (see WorkerPool), or by a worker when it meets another format."""
    from normalizers.actors import load_registry
    from normalizers.workplan import document_to_workplan
    from pipeline.frames import document_frames
    from pipeline.process import process_file  # noqa: F401  imported here so that workers inherit it

    logging.disable(logging.WARNING)
    warnings.simplefilter("ignore")
    document_frames(WARM_UP_DOCUMENT, document_to_workplan(WARM_UP_DOCUMENT, load_registry()))


def extractor_modules(formats: Iterable[str]) -> list[str]:
    """The modules that read the given formats, to import ahead of the first document."""
    from extractors import BACKENDS

    return [module for fmt in sorted(formats) if fmt in BACKENDS for module in BACKENDS[fmt].modules]


def preload_modules(formats: Iterable[str]) -> list[str]:
    """What the fork server imports before it forks a worker: the warm-up first (its first lines make the server
    deaf to Ctrl-C and SIGTERM), then the readers of the given formats."""
    return [*PRELOAD, *extractor_modules(formats)]


def file_formats(paths: Iterable[Path]) -> set[str]:
    """The formats among the files (those that cannot be told are left out: their workers say why)."""
    from extractors.detect import detect_format

    found = set()
    for path in paths:
        try:
            found.add(detect_format(path))
        except (ExtractionError, OSError):
            continue
    return found


def start_fork_server(formats: Iterable[str]) -> None:
    """Start the fork server that workers are forked from, its warm-up and the readers of `formats` loading while
    this process does other work; a no-op when it runs already (the first start's modules stay)."""
    multiprocessing.get_context("forkserver").set_forkserver_preload(preload_modules(formats))
    forkserver.ensure_running()


def worker_main(conn: Connection, limits: Limits, task: Task | None, pdf_engine: str | None = None) -> None:
    """Serve documents until told to stop (None), telling the pages read as it goes; leave after running out of
    memory."""
    from normalizers.actors import load_registry
    from pipeline.process import process_file
    from pipeline.reading import Reading

    task = task or process_file
    reading = Reading(pdf_engine, on_page=lambda done, total: conn.send(PagesRead(done, total)))

    for stop_signal in (signal.SIGINT, signal.SIGTERM):  # Ctrl-C and `kill` are the main process's to handle
        signal.signal(stop_signal, signal.SIG_IGN)
    die_with_parent()
    warm_up()  # done already when the fork server warmed up
    registry = load_registry()
    limit_memory(limits.max_memory_bytes)
    while (path := receive(conn)) is not None:
        try:
            outcome = task(Path(path), registry, limits, reading)
        except MemoryError:  # raised outside the task's own handlers, e.g. while it reports another error
            outcome = Outcome(path, None, error_kind=OUT_OF_MEMORY, message=memory_message(limits))
        try:
            conn.send(outcome)
        except MemoryError:
            conn.send(Outcome(path, outcome.sha256, error_kind=OUT_OF_MEMORY, message="result too large to return"))
        except OSError:  # the main process has gone (killed, or stopped by a signal): no one to tell
            return
        if outcome.error_kind == OUT_OF_MEMORY:
            return  # the heap may be left fragmented or half-built: a fresh worker takes over


def receive(conn: Connection) -> str | None:
    """The next path to work on; None when told to stop or when the main process has gone."""
    try:
        path: str | None = conn.recv()
    except (EOFError, OSError):
        return None
    return path


def file_size(path: Path) -> int:
    """A file's size in bytes; 0 when it cannot be told (its worker reports why)."""
    try:
        return path.stat().st_size
    except OSError:
        return 0


def death_message(exitcode: int | None) -> str:
    """Why a worker died, from its exit code."""
    if exitcode is not None and exitcode < 0:
        name = signal.Signals(-exitcode).name
        hint = " (perhaps killed by the system for lack of memory)" if -exitcode == signal.SIGKILL else ""
        return f"the worker reading this document died of {name}{hint}"
    return f"the worker reading this document exited with status {exitcode}"


class WorkerPool:
    """A fixed number of worker processes fed one document at a time."""

    def __init__(
        self,
        workers: int,
        limits: Limits,
        task: Task | None = None,
        pdf_engine: str | None = None,
        on_page: PageProgress = lambda path, done, total: None,
        formats: Iterable[str] = (),
    ) -> None:
        self.workers = workers
        self.limits = limits
        self.task = task  # what a worker runs per document: pipeline.process.process_file unless given
        self.pdf_engine = pdf_engine  # None: the PDF extractor's default
        self.on_page = on_page
        self.context = multiprocessing.get_context("forkserver")
        # the fork server imports the readers of the batch's formats (`formats`), and no others: a PDF batch
        # does not wait for openpyxl and numpy
        self.context.set_forkserver_preload(preload_modules(formats))

    def warm(self) -> None:
        """Start the fork server now, so that it loads the libraries while this process does other work."""
        forkserver.ensure_running()

    def start(self) -> Slot:
        """A new worker process."""
        parent, child = self.context.Pipe()
        process = self.context.Process(
            target=worker_main, args=(child, self.limits, self.task, self.pdf_engine), daemon=True
        )
        process.start()
        child.close()
        return Slot(process, parent)

    def dispatch(self, slot: Slot, path: str) -> None:
        """Hand a document to an idle worker and start its clock."""
        slot.conn.send(path)
        slot.path = path
        slot.deadline = monotonic() + self.limits.max_seconds

    def replace(self, slots: list[Slot], slot: Slot) -> None:
        """Kill a worker and put a fresh one in its place."""
        stop(slot, kill=True)
        slots[slots.index(slot)] = self.start()

    def run(self, paths: list[Path], on_idle: Callable[[], None] = lambda: None) -> Iterator[Outcome]:
        """Process every path, largest file first (so that the batch does not end with one worker reading a
        long document while the others wait), yielding outcomes as documents finish; `on_idle` runs when no
        outcome is ready, and again every IDLE_REPEAT_SECONDS while none is."""
        pending = deque(str(path) for path in sorted(paths, key=file_size, reverse=True))
        slots = [self.start() for _ in range(min(self.workers, len(pending)))]
        try:
            while pending or any(slot.path for slot in slots):
                for slot in slots:
                    if slot.path is None and pending:
                        self.dispatch(slot, pending.popleft())
                finished = self.collect(slots, on_idle)
                for slot in slots:
                    if slot.path is None and pending:
                        self.dispatch(slot, pending.popleft())
                yield from finished
        finally:
            for slot in slots:
                stop(slot)

    def collect(self, slots: list[Slot], on_idle: Callable[[], None]) -> list[Outcome]:
        """Wait for results, deaths or deadlines; free (or replace) the slots they concern."""
        busy = [slot for slot in slots if slot.path]
        ready = [slot.conn for slot in busy] + [slot.process.sentinel for slot in busy]
        deadline = min(slot.deadline for slot in busy)
        timeout = 0.0
        while not wait(ready, timeout) and monotonic() < deadline:
            on_idle()
            timeout = max(0.0, min(deadline - monotonic(), IDLE_REPEAT_SECONDS))
        finished: list[Outcome] = []
        for slot in busy:
            outcome = self.check(slot)
            if outcome is None:
                continue
            finished.append(outcome)
            if outcome.error_kind in (TIMEOUT, WORKER_CRASHED, OUT_OF_MEMORY):
                self.replace(slots, slot)
            slot.path = None
        if not finished:  # woken by pages read only: the writer still gets its turn
            on_idle()
        return finished

    def check(self, slot: Slot) -> Outcome | None:
        """The slot's outcome if its document has finished, died or run out of time; None while it runs."""
        assert slot.path is not None
        while slot.conn.poll():
            try:
                result: Outcome | PagesRead = slot.conn.recv()
            except (EOFError, OSError):
                slot.process.join(STOP_GRACE_SECONDS)
                return Outcome(slot.path, None, error_kind=WORKER_CRASHED, message=death_message(slot.process.exitcode))
            if isinstance(result, Outcome):
                return result
            self.on_page(slot.path, result.done, result.total)
        if not slot.process.is_alive():
            return Outcome(slot.path, None, error_kind=WORKER_CRASHED, message=death_message(slot.process.exitcode))
        if monotonic() >= slot.deadline:
            message = f"still running after {self.limits.max_seconds:g} s (see --max-seconds)"
            return Outcome(slot.path, None, error_kind=TIMEOUT, message=message)
        return None


def stop(slot: Slot, kill: bool = False) -> None:
    """End a worker: politely when idle, at once when asked to kill or when it does not leave."""
    if not kill and slot.process.is_alive() and slot.path is None:
        with contextlib.suppress(OSError):
            slot.conn.send(None)
        slot.process.join(STOP_GRACE_SECONDS)
    if slot.process.is_alive():
        slot.process.kill()
    slot.process.join(STOP_GRACE_SECONDS)
    slot.conn.close()
