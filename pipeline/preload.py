"""Imported once by the fork server of the worker pool: every worker forked from it starts with the
libraries loaded and the normalizers' caches built, instead of paying for it per worker or per document."""

from __future__ import annotations

import contextlib

from pipeline.pool import warm_up

with contextlib.suppress(Exception):  # a failure here must not stop the fork server; workers warm up again
    warm_up()
