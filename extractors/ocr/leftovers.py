"""A second look at the ink the first reading left unread. Tesseract's sparse-text reading (the one that keeps table
cells apart) drops lone marks (an X in a quarter column) as specks; each unread patch of ink is cut out, the patches
are stacked one under another in a single image, read in one more Tesseract run, and the words found are put back
where their patch came from."""

from __future__ import annotations

from dataclasses import dataclass, replace

import cv2
import numpy as np

from extractors.ocr.settings import OcrSettings
from extractors.ocr.tesseract import OcrWord, read_block

POINTS_PER_INCH = 72
# Patches are cut with this many pixels of paper around them, and stacked this far apart.
PAD = 12
GAP = 24
# Ink within this share of a point of a word already read belongs to it (its accents, its dots).
NEAR_PT = 1.5
# Pieces of ink closer than this (points) across are one patch: the letters of a word.
JOIN_PT = 3.0


@dataclass(frozen=True)
class Patch:
    """A patch of unread ink: its box (x0, top, x1, bottom) in the page, and where it sits in the stack."""

    box: tuple[int, int, int, int]
    top_in_stack: int


def unread_patches(binary: np.ndarray, words: list[OcrWord], dpi: int, settings: OcrSettings) -> list[Patch]:
    """The patches of ink (black on white) that no word read covers, big enough to be a mark, in reading order."""
    ink = np.where(binary < 128, 255, 0).astype(np.uint8)
    near = round(NEAR_PT * dpi / POINTS_PER_INCH)
    for word in words:
        ink[
            max(word.top - near, 0) : word.top + word.height + near,
            max(word.left - near, 0) : word.left + word.width + near,
        ] = 0
    join = max(round(JOIN_PT * dpi / POINTS_PER_INCH), 1)
    joined = cv2.dilate(ink, cv2.getStructuringElement(cv2.MORPH_RECT, (join, max(join // 3, 1))))
    count, _, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    min_side = settings.min_mark_pt * dpi / POINTS_PER_INCH
    boxes = sorted(
        (int(y), int(x), int(x + w), int(y + h))
        for x, y, w, h, _area in stats[1:count]
        if max(w, h) >= min_side and h <= settings.max_mark_pt * dpi / POINTS_PER_INCH
    )
    patches, top = [], GAP
    for y, x0, x1, bottom in boxes[: settings.max_patches]:
        patches.append(Patch((x0, y, x1, bottom), top))
        top += bottom - y + 2 * PAD + GAP
    return patches


def stack(binary: np.ndarray, patches: list[Patch]) -> np.ndarray:
    """The patches one under another on white paper."""
    width = max(p.box[2] - p.box[0] for p in patches) + 2 * (PAD + GAP)
    last = patches[-1]
    sheet = np.full((last.top_in_stack + last.box[3] - last.box[1] + 2 * PAD + GAP, width), 255, np.uint8)
    height, page_width = binary.shape
    for patch in patches:
        x0, top, x1, bottom = patch.box
        x0, top = max(x0 - PAD, 0), max(top - PAD, 0)
        x1, bottom = min(x1 + PAD, page_width), min(bottom + PAD, height)
        sheet[patch.top_in_stack : patch.top_in_stack + bottom - top, GAP : GAP + x1 - x0] = binary[top:bottom, x0:x1]
    return sheet


def read_leftovers(
    binary: np.ndarray, words: list[OcrWord], language: str, dpi: int, settings: OcrSettings
) -> list[OcrWord]:
    """Words read in the ink the first reading left, in page coordinates."""
    patches = unread_patches(binary, words, dpi, settings)
    if not patches:
        return []
    found = read_block(stack(binary, patches), language, dpi, settings.timeout_s)
    near = round(NEAR_PT * dpi / POINTS_PER_INCH)
    placed = []
    for word in found:
        if word.confidence < settings.min_leftover_confidence:
            continue
        middle = word.top + word.height / 2
        patch = next((p for p in patches if p.top_in_stack <= middle <= p.top_in_stack + stack_height(p)), None)
        if patch is None:
            continue
        left = max(patch.box[0] - PAD, 0) + word.left - GAP
        top = max(patch.box[1] - PAD, 0) + word.top - patch.top_in_stack
        moved = replace(word, left=left, top=top, line=(-1, patch.top_in_stack, word.line[2]))
        if not any(overlap(moved, other, near) for other in words):
            placed.append(moved)
    return placed


def overlap(word: OcrWord, other: OcrWord, margin: int) -> bool:
    """True when two words' boxes meet, one widened by `margin` pixels (a piece of a word read already)."""
    return (
        word.left < other.left + other.width + margin
        and other.left - margin < word.left + word.width
        and word.top < other.top + other.height + margin
        and other.top - margin < word.top + word.height
    )


def stack_height(patch: Patch) -> int:
    """The height a patch takes in the stack, its paper included."""
    return patch.box[3] - patch.box[1] + 2 * PAD
