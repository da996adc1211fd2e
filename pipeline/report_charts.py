"""The report's charts as inline SVG (no script, nothing fetched): activities by quarter on a continuous axis
(an empty quarter is a gap, not left out), and the priorities of each sector side by side."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from itertools import groupby

# Quarter chart geometry in SVG user units (px): a bar per quarter, its count above and a two-line label below.
BAR_WIDTH = 44
BAR_GAP = 14
CHART_HEIGHT = 180
CHART_TOP = 22
LABEL_SPACE = 36
AXIS_LEFT = 10
# Empty quarters between two busy ones are shown as gaps up to this many; a longer silence (a year misread,
# plans years apart) is one break slot, so the axis stays readable.
MAX_GAP_QUARTERS = 8
# Priority chart geometry: one row per priority, its label left of its bar.
ROW_HEIGHT = 22
LABEL_WIDTH = 360
PRIORITY_BAR_WIDTH = 320
SECTOR_GAP = 30
LABEL_CHARS = 58  # a priority label longer than this is cut with "…" (the full text is its tooltip)
TOP_PRIORITIES = 8  # per sector; the rest are summed in one "more priorities" row
NO_PRIORITY = "(no priority stated)"


@dataclass(frozen=True)
class Bar:
    """One slot of the quarter chart: a quarter with its count (0: a gap), or a break in a long silence."""

    quarter: int
    year: int | None
    count: int
    is_break: bool = False

    @property
    def label(self) -> str:
        """'2025Q1', or 'Q1' when the document names no year."""
        return f"{self.year}Q{self.quarter}" if self.year is not None else f"Q{self.quarter}"


def quarter_index(year: int, quarter: int) -> int:
    """A quarter's place on a continuous axis."""
    return year * 4 + quarter - 1


def continuous_quarters(bars: Sequence[Bar]) -> list[Bar]:
    """The year-less quarters first, then every quarter from the first busy one to the last: the empty ones
    as gaps (count 0), a silence longer than MAX_GAP_QUARTERS as one break."""
    yearless = [bar for bar in bars if bar.year is None]
    dated = sorted((bar for bar in bars if bar.year is not None), key=lambda b: quarter_index(b.year or 0, b.quarter))
    slots: list[Bar] = list(yearless)
    if not dated:
        return slots
    for before, after in zip(dated, dated[1:] + [None], strict=True):
        slots.append(before)
        if after is None:
            break
        start = quarter_index(before.year or 0, before.quarter) + 1
        end = quarter_index(after.year or 0, after.quarter)
        if end - start > MAX_GAP_QUARTERS:
            slots.append(Bar(0, None, 0, is_break=True))
            continue
        slots.extend(Bar(index % 4 + 1, index // 4, 0) for index in range(start, end))
    return slots


def bar_svg(bar: Bar, index: int, tallest: int) -> str:
    """One slot: a bar with its count above, or a dashed gap, or a break; its quarter and year below."""
    x = AXIS_LEFT + index * (BAR_WIDTH + BAR_GAP)
    middle = x + BAR_WIDTH / 2
    base = CHART_TOP + CHART_HEIGHT
    if bar.is_break:
        return f'<text class="break" x="{middle}" y="{base - 6}" text-anchor="middle">…</text>'
    height = round(CHART_HEIGHT * bar.count / tallest) if tallest else 0
    y = base - height
    year = str(bar.year) if bar.year is not None else "no year"
    shape = (
        f'<rect class="bar" x="{x}" y="{y}" width="{BAR_WIDTH}" height="{height}" '
        f'data-label="{escape(bar.label)}" data-count="{bar.count}"/>'
        f'<text x="{middle}" y="{y - 4}" text-anchor="middle">{bar.count}</text>'
        if bar.count
        else f'<rect class="gap" x="{x}" y="{CHART_TOP}" width="{BAR_WIDTH}" height="{CHART_HEIGHT}" '
        f'data-label="{escape(bar.label)}" data-count="0"/>'
    )
    return (
        f"<g><title>{escape(bar.label)}: {bar.count} activities</title>{shape}"
        f'<text x="{middle}" y="{base + 14}" text-anchor="middle">Q{bar.quarter}</text>'
        f'<text x="{middle}" y="{base + 28}" text-anchor="middle">{escape(year)}</text></g>'
    )


def quarter_chart_svg(bars: Sequence[Bar]) -> str:
    """An inline SVG bar chart of activities by quarter, on a continuous quarter axis."""
    if not bars:
        return '<p class="muted">No activity states its quarters.</p>'
    slots = continuous_quarters(bars)
    tallest = max(bar.count for bar in slots)
    width = AXIS_LEFT * 2 + len(slots) * (BAR_WIDTH + BAR_GAP)
    height = CHART_TOP + CHART_HEIGHT + LABEL_SPACE
    base = CHART_TOP + CHART_HEIGHT
    body = "".join(bar_svg(bar, index, tallest) for index, bar in enumerate(slots))
    return (
        f'<svg id="quarter-chart" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="Activities by quarter">'
        f'<line x1="{AXIS_LEFT / 2}" y1="{base}" x2="{width - AXIS_LEFT / 2}" y2="{base}" stroke="#5b6875"/>'
        f"{body}</svg>"
    )


@dataclass(frozen=True)
class PriorityRow:
    """One row of the priority chart: a sector's priority and how many activities (of plans counted once)."""

    sector: str
    priority: str
    count: int


def sector_rows(rows: Sequence[PriorityRow]) -> list[PriorityRow]:
    """Each sector's TOP_PRIORITIES busiest priorities, the rest summed in one row, sectors in order."""
    result: list[PriorityRow] = []
    for sector, group in groupby(rows, key=lambda row: row.sector):
        ranked = sorted(group, key=lambda row: (-row.count, row.priority))
        result.extend(ranked[:TOP_PRIORITIES])
        rest = ranked[TOP_PRIORITIES:]
        if rest:
            label = f"{len(rest)} more priorities"
            result.append(PriorityRow(sector, label, sum(row.count for row in rest)))
    return result


def short_label(text: str) -> str:
    """A priority label cut to LABEL_CHARS."""
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"


def priorities_svg(rows: Sequence[PriorityRow]) -> str:
    """Horizontal bars of activities per priority, grouped under each sector's heading."""
    if not rows:
        return '<p class="muted">No activities.</p>'
    shown = sector_rows(rows)
    widest = max(row.count for row in shown)
    parts: list[str] = []
    y = 0
    for sector, group in groupby(shown, key=lambda row: row.sector):
        y += SECTOR_GAP if parts else ROW_HEIGHT
        parts.append(f'<text class="sector" x="0" y="{y - 6}">{escape(sector)}</text>')
        for row in group:
            width = max(1, round(PRIORITY_BAR_WIDTH * row.count / widest))
            parts.append(
                f"<g><title>{escape(sector)} · {escape(row.priority)}: {row.count} activities</title>"
                f'<text x="{LABEL_WIDTH - 8}" y="{y + 15}" text-anchor="end">{escape(short_label(row.priority))}</text>'
                f'<rect class="pbar" x="{LABEL_WIDTH}" y="{y + 3}" width="{width}" height="{ROW_HEIGHT - 6}" '
                f'data-sector="{escape(sector)}" data-priority="{escape(row.priority)}" data-count="{row.count}"/>'
                f'<text x="{LABEL_WIDTH + width + 4}" y="{y + 15}">{row.count}</text></g>'
            )
            y += ROW_HEIGHT
    width = LABEL_WIDTH + PRIORITY_BAR_WIDTH + 40
    return (
        f'<svg id="priority-chart" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{y + 6}" '
        f'viewBox="0 0 {width} {y + 6}" role="img" aria-label="Activities per priority, by sector">'
        f"{''.join(parts)}</svg>"
    )
