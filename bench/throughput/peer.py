"""A peer library over every page of the PDFs given: prints "<tables> <pages>" (camelot counts no pages).

    python -m bench.throughput.peer pdfplumber|camelot FILE.pdf...

Run from the project root by the `pdfplumber` and `camelot` steps, in whichever interpreter holds the
library (camelot lives in a venv of its own); imports nothing of the project.
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import Callable, Sequence


def pdfplumber_tables(paths: Sequence[str]) -> tuple[int, int]:
    """`page.extract_tables()` on every page: (tables, pages)."""
    import pdfplumber

    tables = pages = 0
    for path in paths:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                tables += len(page.extract_tables())
                pages += 1
                page.close()
    return tables, pages


def camelot_tables(paths: Sequence[str]) -> tuple[int, int]:
    """`read_pdf(pages="all", flavor="stream")` on every PDF: (tables, 0)."""
    warnings.simplefilter("ignore")
    import camelot

    return sum(len(camelot.read_pdf(path, pages="all", flavor="stream")) for path in paths), 0


PEERS: dict[str, Callable[[Sequence[str]], tuple[int, int]]] = {
    "pdfplumber": pdfplumber_tables,
    "camelot": camelot_tables,
}


def main(argv: Sequence[str]) -> int:
    """Run the peer named first over the paths that follow."""
    if not argv or argv[0] not in PEERS:
        print(f"usage: python -m bench.throughput.peer {'|'.join(PEERS)} FILE.pdf...", file=sys.stderr)
        return 2
    tables, pages = PEERS[argv[0]](argv[1:])
    print(tables, pages)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
