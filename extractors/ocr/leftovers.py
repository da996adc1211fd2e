"""A second look at the ink the first reading left unread. Tesseract's sparse-text reading (the one that keeps table
cells apart) drops lone marks (an X in a quarter column) as specks; each unread patch of ink is cut out, the patches
are stacked one under another in a single image, read in one more Tesseract run, and the words found are put back
where their patch came from."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import cv2
import numpy as np

from extractors.ocr.settings import OcrSettings
from extractors.ocr.tesseract import OcrWord, read_block

POINTS_PER_INCH = 72
# Patches are cut with this many pixels of paper around them, and stacked this far apart.
PAD = 12
GAP = 48
# Ink within this many points of a word already read belongs to it (its accents, its dots, a stroke its box cut).
NEAR_PT = 3.0
# A drawn mark (a patch no reading made a word of) is about as wide as it is high (within this ratio); one whose ink
# fills at least this share of its box is a dot (●), and one filling at most that share is a tick (✓) when its
# lowest point lies within this span of its width (from the left) and its right arm rises above its left one.
MAX_MARK_ASPECT = 1.6
DOT_FILL = 0.7
TICK_FILL = 0.4
TICK_VERTEX = (0.15, 0.6)
# A cross read as several (a bold, blurred X is read "Xx").
REPEATED_CROSS = re.compile(r"^[Xx]{2,}$")
# Letters OCR reads for sure as marks: never read again as a shape.
SURE_MARKS = "Xx"
# A mark told from its shape is a guess: its confidence (0..100) stays below the settings' low_confidence.
MARK_CONFIDENCE = 50.0
# Pixels of a cleaned page darker than this are ink.
INK_LEVEL = 128
# Pieces of ink closer than this (points) across are one patch: the letters of a word.
JOIN_PT = 3.0
# A number as numbering prints it (1, 2.3, 1.2.1): sparse reading drops the full stop that ends it ("1.1." read
# "1.1"), which tells a section number from a figure. The stop is a patch of ink at most this share of the word's
# height on each side, its foot within this share of the word's foot, the word's last patch and no farther right
# of the box than this share of its height.
NUMBERING = re.compile(r"^\d{1,2}(\.\d{1,2}){0,4}$")
STOP_SIZE = 0.3
STOP_FOOT = 0.15
STOP_REACH = 0.6


@dataclass(frozen=True)
class Patch:
    """A patch of unread ink: its box (x0, top, x1, bottom) in the page, and where it sits in the stack."""

    box: tuple[int, int, int, int]
    top_in_stack: int


def unread_patches(binary: np.ndarray, words: list[OcrWord], dpi: int, settings: OcrSettings) -> list[Patch]:
    """The patches of ink (black on white) that no word read covers, big enough to be a mark, in reading order."""
    ink = np.where(binary < INK_LEVEL, 255, 0).astype(np.uint8)
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
        if min(w, h) >= min_side and h <= settings.max_mark_pt * dpi / POINTS_PER_INCH
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
    placed: list[OcrWord] = []
    for word in found:
        if word.confidence < settings.min_leftover_confidence:
            continue
        middle = word.top + word.height / 2
        patch = next((p for p in patches if p.top_in_stack <= middle <= p.top_in_stack + stack_height(p)), None)
        if patch is None:
            continue
        left = max(patch.box[0] - PAD, 0) + word.left - GAP
        top = max(patch.box[1] - PAD, 0) + word.top - patch.top_in_stack
        text = "X" if REPEATED_CROSS.match(word.text) else word.text  # one bold X read as two ("Xx")
        moved = replace(word, text=text, left=left, top=top, line=(-1, patch.top_in_stack, word.line[2]))
        if not any(overlap(moved, other, near) for other in words):
            placed.append(moved)
    read = {word.line[1] for word in placed}
    return placed + [
        mark for patch in patches if patch.top_in_stack not in read and (mark := drawn_mark(binary, patch))
    ]


def drawn_mark(binary: np.ndarray, patch: Patch) -> OcrWord | None:
    """A lone patch no reading made a word of, as the mark its shape draws (`mark_shape`). Its confidence is low:
    a shape is a guess."""
    x0, top, x1, bottom = patch.box
    text = mark_shape(binary[top:bottom, x0:x1] < INK_LEVEL)
    if text is None:
        return None
    return OcrWord(text, x0, top, x1 - x0, bottom - top, MARK_CONFIDENCE, (-1, patch.top_in_stack, 0))


def with_drawn_marks(binary: np.ndarray, words: list[OcrWord], settings: OcrSettings) -> list[OcrWord]:
    """The words, a doubtful lone glyph that has a mark's shape read as that mark (a dot read `e` or `°`, a tick
    read `v` or `/`)."""
    marked = []
    for word in words:
        if len(word.text) == 1 and word.text not in SURE_MARKS and word.confidence < settings.mark_check_confidence:
            box = binary[word.top : word.top + word.height, word.left : word.left + word.width]
            text = mark_shape(box < INK_LEVEL)
            if text is not None:
                word = replace(word, text=text, confidence=MARK_CONFIDENCE)
        marked.append(word)
    return marked


def with_numbering_stops(binary: np.ndarray, words: list[OcrWord]) -> list[OcrWord]:
    """The words, a number that ends on a full stop in the ink given its stop back."""
    return [replace(w, text=w.text + ".") if NUMBERING.match(w.text) and ends_on_stop(binary, w) else w for w in words]


def ends_on_stop(binary: np.ndarray, word: OcrWord) -> bool:
    """True when the rightmost patch of ink of a word's box (widened on the right) is a full stop: small, standing
    on the word's foot."""
    reach = round(STOP_REACH * word.height)
    ink = binary[word.top : word.top + word.height, word.left : word.left + word.width + reach] < INK_LEVEL
    count, _, stats, _ = cv2.connectedComponentsWithStats(ink.astype(np.uint8), connectivity=8)
    if count < 3:  # the stop and at least one figure before it
        return False
    x, y, w, h, _area = max(stats[1:count], key=lambda s: s[0] + s[2])
    if x + w >= ink.shape[1]:  # cut by the window: the next word's first letter
        return False
    small = max(w, h) <= STOP_SIZE * word.height
    return small and abs(y + h - word.height) <= STOP_FOOT * word.height and x + w > word.width * 0.5


def mark_shape(ink: np.ndarray) -> str | None:
    """The mark a patch of ink draws (cut to its ink): a filled dot (●), a tick (✓), or None for any other shape."""
    rows, columns = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    if not rows.size:
        return None
    ink = ink[rows[0] : rows[-1] + 1, columns[0] : columns[-1] + 1]
    height, width = ink.shape
    if not 1 / MAX_MARK_ASPECT <= width / height <= MAX_MARK_ASPECT:
        return None
    filled = float(ink.mean())
    if filled >= DOT_FILL:
        return "●"
    if filled <= TICK_FILL and is_cross(ink):
        return "X"
    if filled <= TICK_FILL and is_tick(ink):
        return "✓"
    return None


def is_cross(ink: np.ndarray) -> bool:
    """True for a cross's shape: ink in its four corners and its middle, none in the middles of its sides."""
    height, width = ink.shape
    rows = (slice(0, height // 3), slice(height // 3, 2 * height // 3), slice(2 * height // 3, height))
    columns = (slice(0, width // 3), slice(width // 3, 2 * width // 3), slice(2 * width // 3, width))
    inked = [[bool(ink[r, c].any()) for c in columns] for r in rows]
    corners = inked[0][0] and inked[0][2] and inked[2][0] and inked[2][2] and inked[1][1]
    return corners and not (inked[0][1] or inked[1][0] or inked[1][2] or inked[2][1])


def is_tick(ink: np.ndarray) -> bool:
    """True for a tick's shape: its lowest point left of the middle, its right arm rising higher than its left."""
    height, width = ink.shape
    rows = np.flatnonzero(ink.any(axis=1))
    low = np.flatnonzero(ink[rows[-1]])
    vertex = (low.mean() + 0.5) / width
    left_top = np.flatnonzero(ink[:, : width // 3].any(axis=1))
    right_top = np.flatnonzero(ink[:, 2 * width // 3 :].any(axis=1))
    if not left_top.size or not right_top.size:
        return False
    return TICK_VERTEX[0] <= vertex <= TICK_VERTEX[1] and right_top[0] < left_top[0]


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
