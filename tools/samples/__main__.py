"""Write data/samples/ from the seed plans: `python -m tools.samples` (`make samples`; needs LibreOffice).

Office files are written by tools.office, their PDFs rendered in one LibreOffice call by tools.libreoffice;
dates are pinned, so a rebuild writes the same bytes as the committed samples.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tools import libreoffice, office
from tools.samples.seeds import read_seeds

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "data" / "samples"


def build(out: Path = SAMPLES) -> list[Path]:
    """Write every sample into `out`; the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    samples = read_seeds()
    written = [office.write(out / sample.name, sample.description) for sample in samples]
    to_render = [out / sample.name for sample in samples if sample.pdf]
    return written + libreoffice.convert(to_render, out)


def main() -> None:
    try:
        written = build(Path(sys.argv[1]) if len(sys.argv) > 1 else SAMPLES)
    except libreoffice.LibreOfficeError as error:
        sys.exit(f"samples: {error}")
    for path in written:
        print(f"{path.name}  {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
