"""Tesseract through its command line: the words of an image with their boxes and confidences, the page's
orientation and script (OSD), and which languages are installed."""

from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from functools import cache

import numpy as np

# TSV rows of this level are words (1 page, 2 block, 3 paragraph, 4 line, 5 word).
WORD_LEVEL = 5
# Tesseract's page segmentation: 11 (sparse text) reads every patch of text on its own, so that table cells are
# not run together into lines across the page (the finders make the rows and columns); 6 reads one block of lines
# (the stacked patches of `leftovers`); 0 is orientation and script detection only.
SPARSE_TEXT = "11"
ONE_BLOCK = "6"
OSD_ONLY = "0"
# One thread per Tesseract run: OpenMP's threads slow it down on a shared machine, and the ingest's workers
# already read documents side by side.
THREADS_ENV = {"OMP_THREAD_LIMIT": "1"}
OSD_LINE = re.compile(r"^(Rotate|Orientation confidence|Script):\s*(.+)$", re.MULTILINE)


class TesseractError(Exception):
    """Tesseract is missing, failed or took too long."""


@dataclass(frozen=True)
class OcrWord:
    """A word as Tesseract read it: its box in pixels of the image given, its confidence (0..100) and the
    line (block, paragraph, line numbers) it was read in."""

    text: str
    left: int
    top: int
    width: int
    height: int
    confidence: float
    line: tuple[int, int, int]


@dataclass(frozen=True)
class Orientation:
    """What OSD tells of a page: the clockwise turn that sets it upright, its confidence, and the script."""

    rotate: int
    confidence: float
    script: str


@cache
def tesseract_path() -> str | None:
    """The tesseract program, None when it is not installed."""
    return shutil.which("tesseract")


@cache
def installed_languages() -> frozenset[str]:
    """The language data Tesseract has (eng, fra, osd, ...); empty when Tesseract is missing."""
    program = tesseract_path()
    if program is None:
        return frozenset()
    try:
        listed = subprocess.run([program, "--list-langs"], capture_output=True, text=True, timeout=30, check=True)
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    return frozenset(line.strip() for line in listed.stdout.splitlines()[1:] if line.strip())


def run_tesseract(image: np.ndarray, arguments: list[str], timeout_s: float) -> str:
    """Tesseract's standard output for a grey image given on its standard input."""
    import cv2  # deferred: OpenCV takes a while to import, and only scans need it

    program = tesseract_path()
    if program is None:
        raise TesseractError("Tesseract is not installed")
    encoded, png = cv2.imencode(".png", image)
    if not encoded:
        raise TesseractError("the page image could not be encoded")
    try:
        done = subprocess.run(
            [program, "stdin", "stdout", *arguments],
            input=png.tobytes(),
            capture_output=True,
            timeout=timeout_s,
            env={**os.environ, **THREADS_ENV},
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise TesseractError(f"Tesseract took over {timeout_s:g} s") from error
    except OSError as error:
        raise TesseractError(f"Tesseract could not run: {error}") from error
    if done.returncode != 0:
        said = done.stderr.decode(errors="replace").strip().splitlines()
        raise TesseractError(said[-1] if said else f"Tesseract failed (exit status {done.returncode})")
    return done.stdout.decode("utf-8", errors="replace")


def read_words(image: np.ndarray, language: str, dpi: int, timeout_s: float) -> list[OcrWord]:
    """The words Tesseract reads in a page image, wherever they stand."""
    arguments = ["--psm", SPARSE_TEXT, "--dpi", str(dpi), "-l", language, "tsv"]
    return tsv_to_words(run_tesseract(image, arguments, timeout_s))


def read_block(image: np.ndarray, language: str, dpi: int, timeout_s: float) -> list[OcrWord]:
    """The words Tesseract reads in an image holding one block of lines."""
    arguments = ["--psm", ONE_BLOCK, "--dpi", str(dpi), "-l", language, "tsv"]
    return tsv_to_words(run_tesseract(image, arguments, timeout_s))


def tsv_to_words(tsv: str) -> list[OcrWord]:
    """The word rows of Tesseract's TSV output (blank words left out)."""
    words = []
    for row in csv.DictReader(tsv.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if row.get("level") != str(WORD_LEVEL) or not text:
            continue
        words.append(
            OcrWord(
                text,
                int(row["left"]),
                int(row["top"]),
                int(row["width"]),
                int(row["height"]),
                float(row["conf"]),
                (int(row["block_num"]), int(row["par_num"]), int(row["line_num"])),
            )
        )
    return words


def read_orientation(image: np.ndarray, dpi: int, timeout_s: float) -> Orientation | None:
    """The page's orientation and script; None when OSD is not installed or finds too little text to tell."""
    if "osd" not in installed_languages():
        return None
    try:
        output = run_tesseract(image, ["--psm", OSD_ONLY, "--dpi", str(dpi), "-l", "osd"], timeout_s)
    except TesseractError:  # "Too few characters": a page with little text has no orientation to tell
        return None
    found = dict(OSD_LINE.findall(output))
    try:
        return Orientation(
            int(found["Rotate"]),
            float(found["Orientation confidence"]),
            found["Script"].strip(),
        )
    except (KeyError, ValueError):
        return None
