"""A Gantt chart drawn with shapes, printed to PDF: its loose words made into label boxes for `drawn_gantt`.

A slide (or a drawing) that draws its timeline with no table prints as loose words and filled paths: the
activities and leads as wrapped lines down the left, a row of short period labels (months, quarters) evenly spaced
along the top, perhaps years or quarters above them, and a filled bar per activity under the periods it runs in.
The slide's text boxes are gone, so they are made again from the words: the words of a line cut where a gap
opens, the pieces stacked into one box while they keep their left edge and follow close below; a period label is
widened to the slot it heads (half-way to its neighbours, as evenly spaced labels stand centred on their slots),
and a label above them to the slots it spans (centred over them, or else starting where it stands). The boxes and
the fills without text in them then go to `drawn_gantt`, which reads them as it reads a slide's shapes; nothing is
read from the words.
"""

from __future__ import annotations

from collections.abc import Sequence

from extractors.boxes import EDGE_TOLERANCE, Box
from extractors.drawn_gantt import MIN_PERIODS, UPPER_ROWS_REACH, drawn_gantt, rows_by_top
from extractors.model import BBox, Table
from extractors.pdf.objects import Fill
from extractors.pdf.words import TextLine, Word, words_to_phrases
from extractors.wrapping import join_lines

# Words further apart than this share of their size are two labels (a month's label from the next one's), which
# is narrower than a table's column gap: a chart's labels stand closer than a table's columns.
LABEL_GAP_EM = 0.6
# Labels set close together (a month's label filling its slot) stand at least this share of their size apart, more
# than the space between two words of one label: a run of evenly spaced words that far apart is cut word by word.
RUN_GAP_EM = 0.4
# A line belongs to the label box above it when it starts at its left edge and at most this share of its own
# height below it (the next line of a wrapped label).
LINE_GAP_SHARE = 0.6
# Period labels stand on even slots: their centres step alike, give or take this share of the step.
EVEN_STEP_SHARE = 0.15
# A label above the periods stands centred over its slots when its centre is at most this share of a slot from
# theirs.
CENTRED_SHARE = 0.5


def page_chart(lines: Sequence[TextLine], fills: Sequence[Fill], page: int, order: int) -> Table | None:
    """The Gantt the free lines and coloured fills of a page draw, or None when they draw none."""
    bars = [fill_box(fill) for fill in fills if not fill.white and not any(holds_text(fill, line) for line in lines)]
    if not bars or stacked(bars):
        return None
    boxes = label_boxes(lines)
    widened = widen_timeline(boxes, min(bar[1] for bar in bars))
    if widened is None:
        return None
    gantt = drawn_gantt(widened, bars, page, f"page {page}", order)
    return gantt.table if gantt else None


def fill_box(fill: Fill) -> BBox:
    """A fill's box."""
    return fill.x0, fill.top, fill.x1, fill.bottom


def stacked(bars: Sequence[BBox]) -> bool:
    """True when two fills touch one above the other: a shaded table's cells, row on row, not bars standing apart."""
    return any(
        abs(lower[1] - upper[3]) <= EDGE_TOLERANCE
        and min(upper[2], lower[2]) - max(upper[0], lower[0]) >= -EDGE_TOLERANCE
        for upper in bars
        for lower in bars
        if lower is not upper
    )


def holds_text(fill: Fill, line: TextLine) -> bool:
    """True when a word of a line stands inside a fill (a shaded cell or a filled label, not a bar)."""
    return any(
        fill.x0 <= (word.x0 + word.x1) / 2 <= fill.x1 and fill.top <= (word.top + word.bottom) / 2 <= fill.bottom
        for word in line.words
    )


def label_boxes(lines: Sequence[TextLine]) -> list[Box]:
    """The page's text as label boxes: each line cut at its wide gaps, and the pieces that keep their left edge one
    under the other stacked into one box (a wrapped label)."""
    stacks: list[list[list[Word]]] = []
    pieces = [piece for line in lines for piece in line_pieces(line)]
    for piece in sorted(pieces, key=lambda piece: (min(w.top for w in piece), piece[0].x0)):
        stack = next((stack for stack in reversed(stacks) if continues(stack[-1], piece)), None)
        if stack is None:
            stacks.append([piece])
        else:
            stack.append(piece)
    return [stack_box(stack) for stack in stacks]


def line_pieces(line: TextLine) -> list[list[Word]]:
    """A line's words cut into labels: at its wide gaps, and word by word along a run of evenly spaced words set
    apart by more than a space (period labels filling their slots)."""
    words = [Box(word.text, (word.x0, word.top, word.x1, word.bottom)) for word in line.words]
    run = set(even_run(words, list(range(len(words))), RUN_GAP_EM * line.size))
    pieces: list[list[Word]] = []
    for phrase in words_to_phrases(line.words, LABEL_GAP_EM):
        current: list[Word] = []
        for word in phrase:
            if line.words.index(word) in run:
                pieces += [current, [word]] if current else [[word]]
                current = []
            else:
                current.append(word)
        pieces += [current] if current else []
    return pieces


def continues(above: list[Word], piece: list[Word]) -> bool:
    """True when a piece is the next line of the label whose last line is `above`."""
    height = max(w.bottom for w in piece) - min(w.top for w in piece)
    gap = min(w.top for w in piece) - max(w.bottom for w in above)
    return abs(piece[0].x0 - above[0].x0) <= EDGE_TOLERANCE and -EDGE_TOLERANCE <= gap <= LINE_GAP_SHARE * height


def stack_box(stack: list[list[Word]]) -> Box:
    """A stack of pieces as one box: its lines' text joined, its box round all their words."""
    words = [word for piece in stack for word in piece]
    text = join_lines(" ".join(word.text for word in piece) for piece in stack)
    bbox = (min(w.x0 for w in words), min(w.top for w in words), max(w.x1 for w in words), max(w.bottom for w in words))
    return Box(text, bbox)


def widen_timeline(boxes: list[Box], first_bar: float) -> list[Box] | None:
    """The boxes with the timeline's labels widened to their slots: the lowest row above the bars holding a run of
    evenly spaced labels, and the rows just above it; None when there is no such row."""
    rows = rows_by_top([i for i, box in enumerate(boxes) if box.bottom <= first_bar + EDGE_TOLERANCE], boxes)
    for r in range(len(rows) - 1, -1, -1):
        run = even_run(boxes, rows[r])
        if run:
            slots = period_slots([boxes[i] for i in run])
            widened = list(boxes)
            for i, slot in zip(run, slots, strict=True):
                widened[i] = Box(boxes[i].text, (slot[0], boxes[i].top, slot[1], boxes[i].bottom))
            widen_upper_rows(widened, rows[:r], run, slots)
            return widened
    return None


def even_run(boxes: Sequence[Box], row: list[int], min_gap: float = -EDGE_TOLERANCE) -> list[int]:
    """The longest run of a row's boxes (left to right) whose centres step evenly, each narrower than the step and
    at least `min_gap` from the next."""
    best: list[int] = []
    for start in range(len(row)):
        run = row[start : start + 2]
        if len(run) < 2:
            break
        step = centre(boxes[run[1]]) - centre(boxes[run[0]])
        for i in row[start + 2 :]:
            if abs(centre(boxes[i]) - centre(boxes[run[-1]]) - step) > EVEN_STEP_SHARE * step:
                break
            run.append(i)
        narrow = all(boxes[i].right - boxes[i].left < step for i in run)
        apart = all(boxes[b].left - boxes[a].right >= min_gap for a, b in zip(run, run[1:], strict=False))
        if len(run) > len(best) and narrow and apart:
            best = run
    return best if len(best) >= MIN_PERIODS else []


def centre(box: Box) -> float:
    """A box's horizontal centre."""
    return (box.left + box.right) / 2


def period_slots(labels: list[Box]) -> list[tuple[float, float]]:
    """The slot each evenly spaced label heads: half-way to its neighbours' centres, the ends half a step out."""
    centres = [centre(label) for label in labels]
    step = (centres[-1] - centres[0]) / (len(centres) - 1)
    edges = [centres[0] - step / 2, *((a + b) / 2 for a, b in zip(centres, centres[1:], strict=False))]
    return list(zip(edges, [*edges[1:], centres[-1] + step / 2], strict=True))


def widen_upper_rows(boxes: list[Box], rows: list[list[int]], run: list[int], slots: list[tuple[float, float]]) -> None:
    """Widen the labels of the rows just above the periods (within their reach) to the slots each spans."""
    top = min(boxes[i].top for i in run)
    height = max(boxes[i].bottom for i in run) - top
    left, right = slots[0][0], slots[-1][1]
    for row in rows:
        above = [i for i in row if left - EDGE_TOLERANCE <= boxes[i].left and boxes[i].right <= right + EDGE_TOLERANCE]
        if not above or min(boxes[i].top for i in above) < top - UPPER_ROWS_REACH * height:
            continue
        groups = spans_of([boxes[i] for i in above], slots)
        for i, (first, last) in zip(above, groups, strict=True):
            boxes[i] = Box(boxes[i].text, (slots[first][0], boxes[i].top, slots[last][1], boxes[i].bottom))


def spans_of(labels: list[Box], slots: list[tuple[float, float]]) -> list[tuple[int, int]]:
    """The first and last slot each label (left to right) spans: centred over them when every label's centre is
    near its span's, else from the slot it starts in to the next label's."""
    bounds = [0, *(nearest_edge(slots, (a.right + b.left) / 2) for a, b in zip(labels, labels[1:], strict=False))]
    centred = list(zip(bounds, [*(b - 1 for b in bounds[1:]), len(slots) - 1], strict=True))
    width = slots[0][1] - slots[0][0]
    if all(
        last >= first and abs(centre(label) - (slots[first][0] + slots[last][1]) / 2) <= CENTRED_SHARE * width
        for label, (first, last) in zip(labels, centred, strict=True)
    ):
        return centred
    starts = [slot_of(slots, label.left) for label in labels]
    return [(start, max(start, end - 1)) for start, end in zip(starts, [*starts[1:], len(slots)], strict=True)]


def nearest_edge(slots: list[tuple[float, float]], x: float) -> int:
    """The index of the slot whose left edge is nearest x (the boundary between two labels' spans)."""
    return min(range(1, len(slots)), key=lambda k: abs(slots[k][0] - x)) if len(slots) > 1 else 0


def slot_of(slots: list[tuple[float, float]], x: float) -> int:
    """The slot holding x (the nearest when none does)."""
    return min(range(len(slots)), key=lambda k: 0.0 if slots[k][0] <= x <= slots[k][1] else abs(slots[k][0] - x))
