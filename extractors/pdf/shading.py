"""Shading read from filled rectangles under a cell, for every kind of PDF table (ruled or borderless)."""

from __future__ import annotations

from extractors.model import BBox
from extractors.pdf.objects import Fill
from extractors.pdf.settings import PdfSettings


def is_shaded(box: BBox, fills: list[Fill], table_box: BBox, settings: PdfSettings) -> bool:
    """True when coloured fills narrower than the table (a Gantt bar, a shaded cell; not a zebra band or a
    row's background) cover most of the box."""
    area = (box[2] - box[0]) * (box[3] - box[1])
    if area <= 0:
        return False
    table_width = table_box[2] - table_box[0]
    covered = 0.0
    for fill in fills:
        if fill.white or fill.x1 - fill.x0 >= settings.banding_share * table_width:
            continue
        width = min(fill.x1, box[2]) - max(fill.x0, box[0])
        height = min(fill.bottom, box[3]) - max(fill.top, box[1])
        if width > 0 and height > 0:
            covered += width * height
    return covered >= settings.shaded_share * area
