"""Imported once by the fork server of the worker pool: every worker forked from it starts with the
libraries loaded and the normalizers' caches built, instead of paying for it per worker or per document."""

from __future__ import annotations

import contextlib
import signal

from pipeline.pool import warm_up

# Ctrl-C reaches every process of the terminal's foreground group, SIGTERM every process of a group a scheduler
# stops; the main process handles both (workers die with it). Workers are forked from this server with its
# handlers, so they ignore them from their first instruction.
for stop_signal in (signal.SIGINT, signal.SIGTERM):
    signal.signal(stop_signal, signal.SIG_IGN)
with contextlib.suppress(Exception):  # a failure here must not stop the fork server; workers warm up again
    warm_up()
