"""Scans made from PDFs, as a field office's scanner would: each page rendered to a grey image, tilted a little,
blurred, with sensor noise and specks; saved as an image-only PDF (no text layer) or as PNG pages.

Deterministic: the tilt and the noise are drawn from a generator seeded by the source's name, and the PDF's
dates are pinned, so a rebuild writes the same bytes.

    python -m tools.scan SOURCE.pdf OUT.pdf [--dpi 200] [--tilt 1.5]
"""

from __future__ import annotations

import argparse
import hashlib
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pypdfium2
from PIL import Image, ImageFilter, ImageOps

# Dates written into a scan PDF: pinned, so that a rebuild changes no byte.
PINNED_DATE = time.struct_time((2024, 1, 1, 0, 0, 0, 0, 1, 0))
POINTS_PER_INCH = 72


@dataclass(frozen=True)
class ScanSettings:
    """How rough a scan is: its resolution, the largest tilt (degrees, either way), the blur radius (pixels),
    the noise's standard deviation (grey levels) and the share of pixels turned into specks."""

    dpi: int = 200
    max_tilt: float = 1.5
    blur: float = 0.7
    noise: float = 10.0
    specks: float = 0.001
    crop: bool = False  # keep only the printed part of each page and a margin (small test fixtures)
    quality: int = 75  # JPEG quality of the pages of a scan PDF

    def __post_init__(self) -> None:
        if self.dpi <= 0 or self.max_tilt < 0 or self.blur < 0 or self.noise < 0 or not 0 <= self.specks < 1:
            raise ValueError(f"not a scan: {self}")


def seed_of(name: str) -> int:
    """A generator seed from a name: the same file is scanned the same way every time."""
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big")


def render_pages(source: Path, dpi: int) -> list[Image.Image]:
    """Every page of a PDF as a grey image at `dpi`."""
    document = pypdfium2.PdfDocument(source)
    try:
        return [page.render(scale=dpi / POINTS_PER_INCH, grayscale=True).to_pil().convert("L") for page in document]
    finally:
        document.close()


def roughen(page: Image.Image, rng: np.random.Generator, settings: ScanSettings) -> Image.Image:
    """A clean page as a scanner gives it back: tilted, blurred, noisy, with dark and light specks."""
    angle = float(rng.uniform(-settings.max_tilt, settings.max_tilt))
    tilted = page.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    blurred = np.asarray(tilted.filter(ImageFilter.GaussianBlur(settings.blur)), dtype=np.float32)
    noisy = blurred + rng.normal(0.0, settings.noise, blurred.shape)
    specks = rng.random(blurred.shape)
    noisy[specks < settings.specks / 2] = 0
    noisy[specks > 1 - settings.specks / 2] = 255
    return Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8), mode="L")


def printed_part(page: Image.Image, margin: int) -> Image.Image:
    """The page cut to the box of its ink and a margin around it."""
    box = ImageOps.invert(page).getbbox()
    if box is None:
        return page
    x0, top, x1, bottom = box
    return page.crop((max(x0 - margin, 0), max(top - margin, 0), x1 + margin, bottom + margin))


def scan_pages(source: Path, settings: ScanSettings) -> list[Image.Image]:
    """The pages of a PDF as scanned images."""
    rng = np.random.default_rng(seed_of(source.name))
    pages = render_pages(source, settings.dpi)
    if settings.crop:
        pages = [printed_part(page, settings.dpi // 4) for page in pages]
    return [roughen(page, rng, settings) for page in pages]


def save_pdf(pages: list[Image.Image], target: Path, dpi: int, quality: int) -> None:
    """The images as an image-only PDF, one page each, at their scan resolution."""
    first, *rest = pages
    first.save(
        target,
        "PDF",
        resolution=float(dpi),
        quality=quality,
        save_all=True,
        append_images=rest,
        creationDate=PINNED_DATE,
        modDate=PINNED_DATE,
    )


def scan_pdf(source: Path, target: Path, settings: ScanSettings = ScanSettings()) -> int:
    """Write the scan of `source` to `target` (an image-only PDF, or one PNG when it ends in .png and the source
    has one page; PNG pages `target-N.png` otherwise); the number of pages."""
    pages = scan_pages(source, settings)
    if target.suffix.lower() != ".png":
        save_pdf(pages, target, settings.dpi, settings.quality)
    elif len(pages) == 1:
        pages[0].save(target, dpi=(settings.dpi, settings.dpi))
    else:
        for number, page in enumerate(pages, start=1):
            page.save(target.with_name(f"{target.stem}-{number}.png"), dpi=(settings.dpi, settings.dpi))
    return len(pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("target", type=Path)
    parser.add_argument("--dpi", type=int, default=ScanSettings.dpi)
    parser.add_argument("--tilt", type=float, default=ScanSettings.max_tilt)
    args = parser.parse_args()
    pages = scan_pdf(args.source, args.target, ScanSettings(dpi=args.dpi, max_tilt=args.tilt))
    print(f"{args.target}: {pages} pages")


if __name__ == "__main__":
    main()
