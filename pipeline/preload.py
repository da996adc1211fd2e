"""Imported once by the fork server of the worker pool: every worker forked from it starts with the
libraries loaded and the normalizers' caches built, instead of paying for it per worker or per document."""

from __future__ import annotations

import contextlib
import signal

from pipeline.pool import warm_up

# Ctrl-C reaches every process of the terminal's foreground group; the main process handles it. Workers are
# forked from this server with its handlers, so they ignore it from their first instruction.
signal.signal(signal.SIGINT, signal.SIG_IGN)
with contextlib.suppress(Exception):  # a failure here must not stop the fork server; workers warm up again
    warm_up()
