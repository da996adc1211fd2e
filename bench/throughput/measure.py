"""Measuring one command: wall time, CPU seconds and peak memory of its whole process tree."""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil

from bench.throughput import ROOT

POLL_SECONDS = 0.1
# PSS reads /proc/PID/smaps: only every n-th poll, so the poller does not take a share of the 2 cores it measures.
PSS_EVERY = 10
MB = 1 << 20


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
    """Run a command from the project root, polling its process tree every POLL_SECONDS (killed after
    `limit_s`); wall time, peaks."""
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


def rss_at(series: list[tuple[float, float]], share: float) -> float:
    """The tree's RSS at a share of the run's wall time."""
    alive = [(seconds, mb) for seconds, mb in series if mb > 0]  # the last polls of a killed tree read 0
    if not alive:
        return 0.0
    moment = alive[-1][0] * share
    return next(mb for seconds, mb in alive if seconds >= moment)


def fresh_db(root: Path, name: str) -> Path:
    """An empty database path under the corpus's runs folder."""
    folder = root / "runs"
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob(f"{name}.duckdb*"):
        stale.unlink()
    return folder / f"{name}.duckdb"
