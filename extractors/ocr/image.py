"""A scanned page made ready for OCR with OpenCV: enlarged to a readable resolution, specks removed, straightened;
its ruling lines and shaded areas found (and the lines erased, so that Tesseract does not read them as letters).
Boxes are in pixels of the cleaned page, (x0, top, x1, bottom)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import cv2
import numpy as np

from extractors.ocr.settings import OcrSettings

PixelBox = tuple[int, int, int, int]
# Skew is found on a copy this many pixels wide: enough to see text lines, small enough to turn fast.
SKEW_WIDTH = 1000
# The coarse pass of the skew search steps by this many degrees before the fine pass.
COARSE_STEP = 0.5
POINTS_PER_INCH = 72
# The background: the lightest pixel of each block this many pixels square, then a closing this many blocks wide
# (20 pixels at 300 dpi: wider than a letter's stroke, narrower than a Gantt cell of a week).
BACKGROUND_BLOCK = 4
BACKGROUND_KERNEL = 5
# A background darker than this (0 black .. 255 white) is a dark fill, whose text is printed light.
DARK_FILL = 110
# Shaded areas are opened by this many pixels square: a thin seam (along a rule) joins no two areas.
SHADE_OPENING = 7
# An area's own paper is this percentile of its pixels: the lighter ones, between its letters.
PAPER_PERCENTILE = 90
# A shaded area fills at least this share of its box (a rectangle, not the ragged halo of a picture).
FILLED_SHARE = 0.6
# Ruling lines: pixels darker than the mean of their neighbourhood (this many pixels square) by this much are
# ink, so that light grey hairlines are found as well as black rules.
ADAPTIVE_BLOCK = 31
ADAPTIVE_OFFSET = 12
# Pieces of a ruling line broken by the scan are joined across gaps this many pixels long.
RULE_GAP = 9
# The bands along a rule's sides, from this many pixels away to that many, hold at most this share of ink: a cell's
# padding keeps text off its rules, while the feet of a row of big letters have the letters right above.
SIDE_BAND = (3, 10)
MAX_SIDE_INK = 0.3
# Pieces of one rule broken by a scan are joined across gaps this many points long (less than a line of text).
PIECE_GAP_PT = 8.0
# A short rule is at least this many times as long as it is thick (the stem of a 20 pt bold letter is about 5).
MIN_SLENDERNESS = 8
# A short rule drawn on to a rule across it that it stops short of touches another at its other end and is at least
# this many times as long as it is thick (a hairline; the strokes of a big title's letters are thicker).
DRAWN_ON_SLENDERNESS = 12
# A short rule meets a rule across it when its end comes within this many pixels of it (they are drawn joined).
END_REACH = 3
# A rule goes on across a rule it ends at only beyond this many pixels from its end.
EDGE_REACH = 12
# A rule shows faintly across a shaded area when, within this many pixels of its place, a line along it is this many
# grey levels darker than the band around it (this many pixels either side), and not more than that many (a letter's
# stroke is far darker), taking the lightest tenth of each line (this percentile): a faint rule darkens all of its
# line, a line of text crossing it only part.
FAINT_SEARCH = 4
FAINT_SIDE = 6
FAINT_STEP = 6.0
FAINT_END = 6
MAX_FAINT_STEP = 60.0
FAINT_PERCENTILE = 90
# Ruling lines are erased this many pixels wider than they are (the blur around them).
ERASE_MARGIN = 2


@dataclass(frozen=True)
class Rule:
    """A ruling line found in the image: 'h' or 'v', with its box."""

    orientation: str
    box: PixelBox


@dataclass(frozen=True)
class Shade:
    """A shaded area with its mean colour (grey level, 0..1)."""

    box: PixelBox
    level: float


@dataclass
class CleanPage:
    """A page ready for OCR: the grey image with its rules erased, the rules, the shaded areas, and its
    resolution after enlarging."""

    image: np.ndarray
    rules: list[Rule]
    shades: list[Shade]
    dpi: int


def to_grey(image: np.ndarray) -> np.ndarray:
    """A grey copy of an image (grey, RGB(A) or palette already expanded), 8 bits deep."""
    if image.dtype != np.uint8:
        image = cv2.normalize(image, None, 0, 255, cv2.NORM_MINMAX).astype(np.uint8)
    if image.ndim == 3 and image.shape[2] == 1:
        return image[:, :, 0]
    if image.ndim == 3 and image.shape[2] == 4:
        return cv2.cvtColor(image, cv2.COLOR_RGBA2GRAY)
    if image.ndim == 3:
        return cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)
    return image


def enlarge(grey: np.ndarray, dpi: int, settings: OcrSettings) -> tuple[np.ndarray, int]:
    """The image at a resolution Tesseract reads well, and that resolution."""
    if dpi >= settings.min_ocr_dpi:
        return grey, dpi
    factor = settings.render_dpi / dpi
    return cv2.resize(grey, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC), settings.render_dpi


def denoise(grey: np.ndarray) -> np.ndarray:
    """Specks and sensor noise smoothed away, strokes kept (a 3-pixel median)."""
    return cv2.medianBlur(grey, 3)


def ink(grey: np.ndarray) -> np.ndarray:
    """A mask of the ink (255) against the paper (0), by Otsu's threshold."""
    _, mask = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    return mask


def skew_angle(grey: np.ndarray, settings: OcrSettings) -> float:
    """The angle (degrees, counter-clockwise) that turns the page's text lines and rules level: the angle whose
    row profile of ink is sharpest, searched coarse then fine."""
    mask = ink(grey)
    scale = min(1.0, SKEW_WIDTH / mask.shape[1])
    small = cv2.resize(mask, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    coarse = [float(a) for a in np.arange(-settings.max_skew, settings.max_skew + 1e-9, COARSE_STEP)]
    best = max(coarse, key=lambda angle: profile_sharpness(small, angle))
    fine = [float(a) for a in np.arange(best - COARSE_STEP, best + COARSE_STEP + 1e-9, settings.skew_step)]
    angle: float = max(fine, key=lambda angle: profile_sharpness(small, angle))
    return round(angle, 2)


def profile_sharpness(mask: np.ndarray, angle: float) -> float:
    """How sharply the ink's rows stand apart once turned by `angle`: the sum of squared steps between rows."""
    rows = turn(mask, angle, fill=0).sum(axis=1, dtype=np.float64)
    return float(np.sum(np.diff(rows) ** 2))


def turn(image: np.ndarray, angle: float, fill: int = 255) -> np.ndarray:
    """The image turned by `angle` degrees counter-clockwise about its centre, the same size, corners filled."""
    height, width = image.shape[:2]
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), angle, 1.0)
    return cv2.warpAffine(image, matrix, (width, height), flags=cv2.INTER_LINEAR, borderValue=fill)


def quarter_turn(image: np.ndarray, rotate: int) -> np.ndarray:
    """The image turned clockwise by a multiple of 90 degrees (what OSD's `Rotate` asks)."""
    turns = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180, 270: cv2.ROTATE_90_COUNTERCLOCKWISE}
    return cv2.rotate(image, turns[rotate]) if rotate in turns else image


def rule_masks(grey: np.ndarray, dpi: int, settings: OcrSettings) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The ink of a page (light grey hairlines included: an adaptive threshold), and its horizontal and vertical
    ruling lines: the ink opened by a run longer than any letter's stroke, its pieces joined across small breaks."""
    mask = cv2.adaptiveThreshold(
        grey, 255, cv2.ADAPTIVE_THRESH_GAUSSIAN_C, cv2.THRESH_BINARY_INV, ADAPTIVE_BLOCK, ADAPTIVE_OFFSET
    )
    stroke = max(int(settings.max_stroke_pt * dpi / POINTS_PER_INCH), 2)
    masks = []
    for shape in (lambda n: (n, 1), lambda n: (1, n)):
        opened = cv2.morphologyEx(mask, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, shape(stroke)))
        masks.append(
            cv2.morphologyEx(opened, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, shape(RULE_GAP)))
        )
    return mask, masks[0], masks[1]


def mask_rules(mask: np.ndarray, ink: np.ndarray, orientation: str, dpi: int, settings: OcrSettings) -> list[Rule]:
    """One rule per connected run of a rule mask with paper along both its sides; thick runs (bars, pictures) and
    runs along a row of letters (the feet of a big title's letters) left out."""
    count, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    max_thickness = settings.max_rule_pt * dpi / POINTS_PER_INCH
    rules = []
    for x, y, w, h, _area in stats[1:count]:
        rule = Rule(orientation, (int(x), int(y), int(x + w), int(y + h)))
        if (h if orientation == "h" else w) <= max_thickness and clear_sides(ink, rule):
            rules.append(rule)
    return rules


def clear_sides(ink: np.ndarray, rule: Rule) -> bool:
    """True when the bands along both sides of a rule, a little away from it, are mostly paper."""
    x0, top, x1, bottom = rule.box
    near, far = SIDE_BAND
    if rule.orientation == "h":
        sides = [ink[max(top - far, 0) : max(top - near, 0), x0:x1], ink[bottom + near : bottom + far, x0:x1]]
    else:
        sides = [ink[top:bottom, max(x0 - far, 0) : max(x0 - near, 0)], ink[top:bottom, x1 + near : x1 + far]]
    return all(side.size == 0 or side.mean() / 255 <= MAX_SIDE_INK for side in sides)


def joined_pieces(rules: list[Rule], dpi: int) -> list[Rule]:
    """The rules with the pieces of one line that a scan broke (a faint stretch, a letter's ink touching it) joined
    across gaps of up to `PIECE_GAP_PT`: pieces of the same orientation, side by side across, one after the other."""
    gap = PIECE_GAP_PT * dpi / POINTS_PER_INCH
    joined: list[Rule] = []
    for rule in sorted(rules, key=lambda r: (r.orientation, r.box[axis(r)])):
        along, b = axis(rule), rule.box
        for index, other in enumerate(joined):
            a = other.box
            beside = a[1 - along] - END_REACH <= b[3 - along] and b[1 - along] <= a[3 - along] + END_REACH
            if other.orientation == rule.orientation and beside and b[along] - a[along + 2] <= gap:
                joined[index] = Rule(
                    rule.orientation, (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))
                )
                break
        else:
            joined.append(rule)
    return joined


def axis(rule: Rule) -> int:
    """The index in a box of where a rule starts along its length: 0 (x0) for a horizontal rule, 1 (top) for a
    vertical one (it ends at that index + 2)."""
    return 0 if rule.orientation == "h" else 1


def grid_rules(rules: list[Rule], dpi: int, settings: OcrSettings) -> list[Rule]:
    """The rules long enough to stand alone, and the short slender ones that run from a rule across them to another
    (a header's short separators; a letter's stroke, a bracket, stops short of the cell's rules, and the strokes
    of a big title's letters are thick). A hairline may stop up to `PIECE_GAP_PT` short of a rule across at one
    end (where the scan lost it beside a letter); it is drawn on to it."""
    long_rule = settings.long_rule_pt * dpi / POINTS_PER_INCH
    reach = round(PIECE_GAP_PT * dpi / POINTS_PER_INCH)
    kept = []
    for rule in rules:
        x0, top, x1, bottom = rule.box
        if max(x1 - x0, bottom - top) >= long_rule:
            kept.append(rule)
        elif (drawn := drawn_on(rule, [r.box for r in rules if r.orientation != rule.orientation], reach)) is not None:
            kept.append(drawn)
    return kept


def drawn_on(rule: Rule, across: list[PixelBox], reach: int) -> Rule | None:
    """A short rule that runs between two rules across it (touching both, or one and within `reach` of the other
    when it is a hairline), drawn on to them; None for any other."""
    x0, top, x1, bottom = rule.box
    length, thickness = max(x1 - x0, bottom - top), min(x1 - x0, bottom - top)
    ends = (
        [(x0, top, x0, bottom), (x1, top, x1, bottom)]
        if rule.orientation == "h"
        else [(x0, top, x1, top), (x0, bottom, x1, bottom)]
    )
    met = [
        min((box for box in across if meets(end, box, reach)), key=lambda box: gap(end, box), default=None)
        for end in ends
    ]
    first, last = met
    if first is None or last is None or length < MIN_SLENDERNESS * thickness:
        return None
    touching = sum(gap(end, box) <= END_REACH for end, box in ((ends[0], first), (ends[1], last)))
    if touching < 2 and (touching < 1 or length < DRAWN_ON_SLENDERNESS * thickness):
        return None
    if rule.orientation == "h":
        return Rule("h", (min(x0, first[0]), top, max(x1, last[2]), bottom))
    return Rule("v", (x0, min(top, first[1]), x1, max(bottom, last[3])))


def gap(end: PixelBox, box: PixelBox) -> int:
    """How far the end of a rule is from a box, across and along (pixels; 0 when they touch)."""
    return max(box[0] - end[2], end[0] - box[2], 0) + max(box[1] - end[3], end[1] - box[3], 0)


def meets(end: PixelBox, box: PixelBox, reach: int) -> bool:
    """True when the end of a rule comes within `reach` pixels of a box (another rule)."""
    return (
        box[0] - reach <= end[2] and end[0] <= box[2] + reach and box[1] - reach <= end[3] and end[1] <= box[3] + reach
    )


def rules_through(grey: np.ndarray, paper: float, rules: list[Rule], settings: OcrSettings) -> list[Rule]:
    """Rules carried on where they show faintly through shading: between two filled cells a rule hardly stands out
    on a scan, so a rule goes on from its end, cell by cell (up to the next rule across it), while it runs through
    shading (darker than the `paper`) along a line a little darker than the fill. A Gantt bar is cut back into
    its cells; a merged cell, drawn without the rule, stays whole, and so does one whose text crosses the line
    (letters are much darker than a fill)."""
    added = []
    for rule in rules:
        across = [r.box for r in rules if r.orientation != rule.orientation]
        for forward in (True, False):
            for step in steps_from(rule, across, forward):
                if not shows_faintly(grey, step, paper - settings.shade_step):
                    break
                added.append(step)
    return added


def steps_from(rule: Rule, across: list[PixelBox], forward: bool) -> Iterator[Rule]:
    """The stretches a rule would run on from one end, each up to the next rule across it."""
    along = 0 if rule.orientation == "h" else 1  # index of where a box starts along the rule's line
    middle = (rule.box[1 - along] + rule.box[3 - along]) / 2
    crossings = sorted(
        (box[along] + box[along + 2]) / 2
        for box in across
        if box[1 - along] - END_REACH <= middle <= box[3 - along] + END_REACH
    )
    position: float = rule.box[along + 2] if forward else rule.box[along]
    if forward:
        ahead = [c for c in crossings if c > position + EDGE_REACH]
    else:
        ahead = [c for c in reversed(crossings) if c < position - EDGE_REACH]
    for crossing in ahead:
        box = list(rule.box)
        box[along], box[along + 2] = sorted((round(position), round(crossing)))
        yield Rule(rule.orientation, (box[0], box[1], box[2], box[3]))
        position = crossing


def shows_faintly(grey: np.ndarray, rule: Rule, shaded: float) -> bool:
    """True when, along a rule's place (within a few pixels of it), the surroundings are shaded (darker than
    `shaded`), a line a little darker than them runs all along, and no stroke of ink (a letter's) does."""
    band = rule_band(grey, rule)
    if band.shape[1] < 2 * FAINT_SIDE + 1 or band.shape[0] == 0:
        return False
    lightest = np.percentile(band, FAINT_PERCENTILE, axis=0)
    middle = np.median(band, axis=0)
    sides = float(np.median(lightest))
    return (
        sides < shaded and sides - float(lightest.min()) >= FAINT_STEP and sides - float(middle.min()) <= MAX_FAINT_STEP
    )


def rule_band(grey: np.ndarray, rule: Rule) -> np.ndarray:
    """The pixels around a rule's place, one column per position across it (the rule's length down each column),
    its ends left out (the blur of the rules it runs between darkens them)."""
    x0, top, x1, bottom = rule.box
    reach = FAINT_SEARCH + FAINT_SIDE
    if rule.orientation == "h":
        middle = (top + bottom) // 2
        return grey[max(middle - reach, 0) : middle + reach + 1, x0 + FAINT_END : x1 - FAINT_END].T
    middle = (x0 + x1) // 2
    return grey[top + FAINT_END : bottom - FAINT_END, max(middle - reach, 0) : middle + reach + 1]


def rule_mask(rules: list[Rule], shape: tuple[int, ...]) -> np.ndarray:
    """A mask of the rules' pixels, widened by the blur around them, to erase them from the page."""
    mask = np.zeros(shape[:2], np.uint8)
    for rule in rules:
        x0, top, x1, bottom = rule.box
        mask[max(top - ERASE_MARGIN, 0) : bottom + ERASE_MARGIN, max(x0 - ERASE_MARGIN, 0) : x1 + ERASE_MARGIN] = 255
    return mask


def page_background(grey: np.ndarray) -> np.ndarray:
    """The page without its ink: paper and shading. Each block of pixels keeps its lightest (letters' strokes are
    thinner than a block, so they go), then a closing takes away what dense text is left; a shaded cell, wider
    than the closing, stays."""
    height, width = grey.shape
    block = np.ones((BACKGROUND_BLOCK, BACKGROUND_BLOCK), np.uint8)
    small = cv2.dilate(grey, block)[
        BACKGROUND_BLOCK // 2 :: BACKGROUND_BLOCK, BACKGROUND_BLOCK // 2 :: BACKGROUND_BLOCK
    ]
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (BACKGROUND_KERNEL, BACKGROUND_KERNEL))
    closed = cv2.morphologyEx(small, cv2.MORPH_CLOSE, kernel)
    return cv2.resize(closed, (width, height), interpolation=cv2.INTER_NEAREST)


def find_shades(
    grey: np.ndarray,
    background: np.ndarray,
    lines: np.ndarray,
    dpi: int,
    settings: OcrSettings,
) -> list[Shade]:
    """Shaded areas: where the page's background is darker than its paper, cut apart at the ruling lines; an area
    is kept when its own paper, the lighter pixels between its letters, is shaded too (dense text darkens the
    median, not the paper between)."""
    paper = float(np.median(background))
    darker = paper - settings.shade_step
    darker_areas = np.where((background < darker) & (lines == 0), 255, 0).astype(np.uint8)
    shaded = cv2.morphologyEx(darker_areas, cv2.MORPH_OPEN, np.ones((SHADE_OPENING, SHADE_OPENING), np.uint8))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(shaded, connectivity=4)
    min_side = settings.min_fill_pt * dpi / POINTS_PER_INCH
    shades = []
    for label in range(1, count):
        x, y, w, h, area = (int(value) for value in stats[label])
        if min(w, h) < min_side or area < FILLED_SHARE * w * h:
            continue
        inside = grey[y : y + h, x : x + w][labels[y : y + h, x : x + w] == label]
        level = float(np.percentile(inside, PAPER_PERCENTILE))
        if level < darker:
            shades.append(Shade((x, y, x + w, y + h), round(level / 255, 3)))
    return shades


def prepare(image: np.ndarray, dpi: int, settings: OcrSettings) -> tuple[np.ndarray, int]:
    """A page image as grey, enlarged to a readable resolution and denoised, with that resolution."""
    grey, dpi = enlarge(to_grey(image), dpi, settings)
    return denoise(grey), dpi


def clean_page(grey: np.ndarray, dpi: int, rotate: int, settings: OcrSettings) -> CleanPage:
    """A prepared page turned upright by `rotate` (OSD's clockwise quarter turns) and straightened, with its
    rules (erased from the image) and shaded areas."""
    grey = quarter_turn(grey, rotate)
    angle = skew_angle(grey, settings)
    if angle:
        grey = turn(grey, angle)
    background = page_background(grey)
    ink, horizontal, vertical = rule_masks(grey, dpi, settings)
    found = mask_rules(horizontal, ink, "h", dpi, settings) + mask_rules(vertical, ink, "v", dpi, settings)
    rules = grid_rules(joined_pieces(found, dpi), dpi, settings)
    rules += rules_through(grey, float(np.median(background)), rules, settings)
    lines = rule_mask(rules, grey.shape)
    shades = find_shades(grey, background, lines, dpi, settings)
    for shade in shades:  # each shaded cell's own level: the background's blocky edges would leave dark seams
        x0, top, x1, bottom = shade.box
        background[top:bottom, x0:x1] = round(shade.level * 255)
    return CleanPage(np.where(lines > 0, 255, flatten(grey, background)).astype(np.uint8), rules, shades, dpi)


def against_background(grey: np.ndarray, background: np.ndarray) -> np.ndarray:
    """Each pixel against its own background: shading taken away, and on a dark fill, where text and the lines
    between cells are printed light, the other way round, so that all ink is dark on white."""
    level = cv2.divide(grey, np.maximum(background, 1), scale=255)
    inverted = cv2.divide(255 - grey, np.maximum(255 - background, 1), scale=255)
    return np.where(background < DARK_FILL, inverted, level).astype(np.uint8)


def flatten(grey: np.ndarray, background: np.ndarray) -> np.ndarray:
    """Black ink on white (`against_background`), by Otsu's threshold. Tesseract's own threshold, over the whole
    page, loses letters on shaded cells and all of them on dark ones."""
    _, binary = cv2.threshold(against_background(grey, background), 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return binary
